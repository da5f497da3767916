package main

import "errors"

func find(xs []int, v int) (int, error) {
	for i, x := range xs {
		if x == v {
			return i
		}
	}
	return -1, errors.New("missing"), nil
}

func main() {
	find(nil, 1)
}
