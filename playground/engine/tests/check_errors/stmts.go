package main
import "fmt"
func main() {
	x := 1
	x++
	var s string
	s++
	for i := 0; i < 3; i++ {
	}
	switch x {
	case "a":
	case 1, 1:
	}
	switch {
	case 1:
	}
	var i interface{} = 1
	switch v := i.(type) {
	case int, int:
	}

	L:
	for {
		break L
	}



	var m map[string]struct{ X int }
	m["a"].X = 1
	const c = 1
	c = 2
}
