// Nesting: up to Go's limit of 10000 levels decodes; one more is a
// syntax error; a cycle through pointers is reported when marshalling.
package main

import (
	"encoding/json"
	"fmt"
	"strings"
)

type Node struct {
	Next *Node `json:"next"`
	V    int   `json:"v"`
}

func main() {
	ok := strings.Repeat("[", 10000) + strings.Repeat("]", 10000)
	var v any
	fmt.Println(json.Unmarshal([]byte(ok), &v))
	b, err := json.Marshal(v)
	fmt.Println(len(b), err)
	fmt.Println(json.Valid([]byte(ok)))

	deep := strings.Repeat("[", 10001) + strings.Repeat("]", 10001)
	fmt.Println(json.Unmarshal([]byte(deep), &v))
	fmt.Println(json.Valid([]byte(deep)))
	objs := strings.Repeat(`{"a":`, 10001) + "1" + strings.Repeat("}", 10001)
	fmt.Println(json.Unmarshal([]byte(objs), &v))

	// A list 5000 nodes long.
	var head *Node
	for i := 0; i < 5000; i++ {
		head = &Node{head, i}
	}
	b, err = json.Marshal(head)
	fmt.Println(len(b), err)
	var back *Node
	fmt.Println(json.Unmarshal(b, &back), back.V, back.Next.V)

	loop := &Node{V: 1}
	loop.Next = loop
	_, err = json.Marshal(loop)
	fmt.Println(err)

	s := []any{1}
	s[0] = s
	_, err = json.Marshal(s)
	fmt.Println(err)
}
