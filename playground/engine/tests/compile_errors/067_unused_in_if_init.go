package main

import "strconv"

func main() {
	if n, err := strconv.Atoi("1"); err != nil {
		return
	}
	switch v := 3; {
	}
}
