package main

import (
	"context"
	"fmt"
)

func main() {
	root, cancelRoot := context.WithCancel(context.Background())
	child, cancelChild := context.WithCancel(root)
	grandchild, cancelGrand := context.WithCancel(child)
	defer cancelGrand()
	sibling, cancelSibling := context.WithCancel(root)
	defer cancelSibling()

	cancelChild()
	fmt.Println("root:", root.Err())
	fmt.Println("child:", child.Err())
	fmt.Println("grandchild:", grandchild.Err())
	fmt.Println("sibling:", sibling.Err())
	cancelRoot()
	fmt.Println("sibling after root cancel:", sibling.Err())
	fmt.Println(grandchild)
}
