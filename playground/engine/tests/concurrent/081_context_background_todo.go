package main

import (
	"context"
	"fmt"
)

func main() {
	bg := context.Background()
	todo := context.TODO()
	fmt.Println(bg)
	fmt.Println(todo)
	fmt.Println(bg.Err(), bg.Done() == nil, bg.Value("k"))
	_, ok := bg.Deadline()
	fmt.Println("deadline set:", ok)
	fmt.Printf("%v %s\n", todo, bg)
}
