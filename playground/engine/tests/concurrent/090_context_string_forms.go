package main

import (
	"context"
	"fmt"
	"strings"
	"time"
)

func main() {
	bg := context.Background()
	c1, cancel1 := context.WithCancel(bg)
	defer cancel1()
	fmt.Println(c1)
	c2, cancel2 := context.WithCancel(c1)
	defer cancel2()
	fmt.Println(c2)
	c3, cancel3 := context.WithCancelCause(context.TODO())
	defer cancel3(nil)
	fmt.Println(c3)
	v := context.WithValue(c2, "user", "ann")
	fmt.Println(v)
	w := context.WithoutCancel(c1)
	fmt.Println(w)
	// The deadline form embeds a timestamp and remaining time: print its shape.
	d, cancel4 := context.WithTimeout(bg, time.Hour)
	defer cancel4()
	s := fmt.Sprint(d)
	fmt.Println(strings.HasPrefix(s, "context.Background.WithDeadline("), strings.Contains(s, " ["), strings.HasSuffix(s, "])"))
}
