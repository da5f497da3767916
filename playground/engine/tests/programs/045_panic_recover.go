package main

import (
	"errors"
	"fmt"
)

func risky(kind int) (err error) {
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		switch v := r.(type) {
		case error:
			err = v
		case string:
			err = errors.New(v)
		default:
			err = fmt.Errorf("unknown panic: %v", v)
		}
	}()
	switch kind {
	case 1:
		panic("string panic")
	case 2:
		panic(errors.New("error panic"))
	case 3:
		panic(42)
	case 4:
		var m map[string]int
		m["x"] = 1
	}
	return nil
}

func main() {
	for k := 0; k <= 4; k++ {
		fmt.Println(k, risky(k))
	}
	fmt.Println(recover())
}
