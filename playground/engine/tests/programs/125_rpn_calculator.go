package main

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

type stack []float64

func (s *stack) push(v float64) { *s = append(*s, v) }
func (s *stack) pop() (float64, error) {
	if len(*s) == 0 {
		return 0, errors.New("stack underflow")
	}
	v := (*s)[len(*s)-1]
	*s = (*s)[:len(*s)-1]
	return v, nil
}

func eval(expr string) (float64, error) {
	var st stack
	for _, tok := range strings.Fields(expr) {
		switch tok {
		case "+", "-", "*", "/":
			b, err := st.pop()
			if err != nil {
				return 0, err
			}
			a, err := st.pop()
			if err != nil {
				return 0, err
			}
			switch tok {
			case "+":
				st.push(a + b)
			case "-":
				st.push(a - b)
			case "*":
				st.push(a * b)
			case "/":
				if b == 0 {
					return 0, fmt.Errorf("division by zero")
				}
				st.push(a / b)
			}
		default:
			v, err := strconv.ParseFloat(tok, 64)
			if err != nil {
				return 0, fmt.Errorf("bad token %q: %w", tok, err)
			}
			st.push(v)
		}
	}
	if len(st) != 1 {
		return 0, fmt.Errorf("expected 1 value, have %d", len(st))
	}
	return st[0], nil
}

func main() {
	for _, e := range []string{"3 4 +", "5 1 2 + 4 * + 3 -", "2 3 4", "1 0 /", "1 +", "2 x *", "10 4 /"} {
		v, err := eval(e)
		fmt.Printf("%-20q => %v, %v\n", e, v, err)
	}
}
