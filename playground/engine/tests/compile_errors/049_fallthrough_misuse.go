package main

func main() {
	x := 1
	switch x {
	case 1:
	case 2:
		fallthrough
	}
	var v any = x
	switch v.(type) {
	case int:
		fallthrough
	case string:
	}
}
