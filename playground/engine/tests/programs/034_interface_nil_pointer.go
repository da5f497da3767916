package main

import "fmt"

type MyErr struct{ msg string }

func (e *MyErr) Error() string {
	if e == nil {
		return "nil MyErr"
	}
	return e.msg
}

func mayFail(fail bool) error {
	var p *MyErr
	if fail {
		p = &MyErr{"boom"}
	}
	return p
}

func correct(fail bool) error {
	if fail {
		return &MyErr{"boom"}
	}
	return nil
}

func main() {
	e1 := mayFail(false)
	fmt.Println(e1 == nil, e1)
	fmt.Printf("%T %v\n", e1, e1 == (*MyErr)(nil))
	e2 := correct(false)
	fmt.Println(e2 == nil, e2)
	var i interface{}
	fmt.Println(i == nil)
	var ip *int
	i = ip
	fmt.Println(i == nil, i)
	fmt.Printf("%v %T\n", e2, e2)
}
