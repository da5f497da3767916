package main

func main() {
	break
	continue
	switch {
	case true:
		fallthrough
	}
	var i interface{} = 1
	switch i.(type) {
	case int:
		fallthrough
	case string:
	}
	fallthrough
}
