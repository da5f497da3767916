package main

import "fmt"

type Temp struct{ C float64 }

func (t Temp) F() float64 { return t.C*9/5 + 32 }

func (t *Temp) Safe() string {
	if t == nil {
		return "no reading"
	}
	return fmt.Sprint(t.F())
}

func main() {
	var t *Temp
	fmt.Println(t.Safe())
	t = &Temp{100}
	fmt.Println(t.Safe())
	t = nil
	fmt.Println(t.F())
}
