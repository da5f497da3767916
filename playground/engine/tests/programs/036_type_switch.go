package main

import (
	"errors"
	"fmt"
)

type Celsius float64

func classify(v any) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case int, int64:
		return fmt.Sprintf("integer %v", x)
	case string:
		return "string of len " + fmt.Sprint(len(x))
	case error:
		return "error: " + x.Error()
	case fmt.Stringer:
		return "stringer " + x.String()
	case []int:
		return fmt.Sprint("slice ", len(x))
	case Celsius:
		return fmt.Sprintf("%.1f°C", float64(x))
	case func() int:
		return fmt.Sprint("func ", x())
	default:
		return fmt.Sprintf("other %T", x)
	}
}

func main() {
	vals := []any{nil, 3, int64(4), "hey", errors.New("bad"), []int{1, 2}, Celsius(21.5), func() int { return 7 }, 2.5, map[string]int{}}
	for _, v := range vals {
		fmt.Println(classify(v))
	}
	switch any(uint8(3)).(type) {
	case int:
		fmt.Println("int")
	case uint8:
		fmt.Println("uint8")
	}
}
