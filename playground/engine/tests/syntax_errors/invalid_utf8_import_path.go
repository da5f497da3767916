package main

import (
	"fmÿt"
)

func main() {
	fmt.Println("hi")
}
