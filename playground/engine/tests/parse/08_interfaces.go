package main

import (
	"errors"
	"fmt"
)

type Reader interface {
	Read(p []byte) (n int, err error)
}

type Closer interface{ Close() error }

type ReadCloser interface {
	Reader
	Closer
	fmt.Stringer
}

type file struct{}

func (file) Read(p []byte) (int, error) { return 0, nil }
func (file) Close() error               { return nil }
func (file) String() string             { return "file" }

type myErr struct{ code int }

func (e *myErr) Error() string { return fmt.Sprint("code ", e.code) }

func describe(i interface{}) string {
	switch v := i.(type) {
	case nil:
		return "nil"
	case int, int64:
		return fmt.Sprint("integer ", v)
	case string:
		return "string " + v
	case error:
		return "error " + v.Error()
	case func() int, []map[string]*int, chan<- bool:
		return "composite"
	default:
		return "other"
	}
}

func main() {
	var rc ReadCloser = file{}
	fmt.Println(rc.String(), describe(nil), describe(1), describe("s"))
	var err error = &myErr{42}
	var me *myErr
	if errors.As(err, &me) {
		fmt.Println(me.code)
	}
	if s, ok := interface{}(rc).(fmt.Stringer); ok {
		fmt.Println(s.String())
	}
	n := interface{}(3).(int)
	switch interface{}(n).(type) {
	}
	var e any = 1
	switch x := e; y := x.(type) {
	case int:
		fmt.Println(y + 1)
	}
	fmt.Println(n)
}
