// fidelity: unsupported
package main

import (
	"fmt"
	"reflect"
)

type User struct {
	Name string `db:"name"`
	Age  int    `db:"age"`
}

func main() {
	t := reflect.TypeOf(User{})
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		fmt.Println(f.Name, f.Type, f.Tag.Get("db"))
	}
}
