package main

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

func tryMap() (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	strings.Map(func(r rune) rune {
		if r == 'x' {
			panic("bad rune")
		}
		return r
	}, "abxc")
	return nil
}

func trySort() (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	s := []int{3, 1, 2}
	sort.Slice(s, func(i, j int) bool { panic("less") })
	return nil
}

func tryOnce() (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	var once sync.Once
	once.Do(func() { panic("once") })
	return nil
}

func main() {
	fmt.Println(tryMap())
	fmt.Println(trySort())
	fmt.Println(tryOnce())
}
