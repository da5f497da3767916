package main

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

func main() {
	ages := map[string]int{"ann": 30, "bob": 25, "cid": 35}
	fmt.Println(slices.Sorted(maps.Keys(ages)))
	fmt.Println(slices.Sorted(maps.Values(ages)))
	total := 0
	for name, age := range maps.All(ages) {
		total += age + len(name)
	}
	fmt.Println("total", total)
	upper := maps.Collect(func(yield func(string, int) bool) {
		for k, v := range ages {
			if !yield(strings.ToUpper(k), v+1) {
				return
			}
		}
	})
	fmt.Println(upper)
	maps.Insert(upper, maps.All(map[string]int{"DEE": 40}))
	fmt.Println(upper, len(upper))
	clone := maps.Clone(ages)
	clone["eve"] = 28
	fmt.Println(len(ages), len(clone), maps.Equal(ages, clone))
	maps.DeleteFunc(clone, func(k string, v int) bool { return v < 29 })
	fmt.Println(clone)
	dst := map[string]int{"zed": 1}
	maps.Copy(dst, ages)
	fmt.Println(dst)
	fmt.Println(maps.EqualFunc(ages, map[string]string{"ann": "30", "bob": "25", "cid": "35"}, func(a int, b string) bool { return fmt.Sprint(a) == b }))
	var nilMap map[string]int
	fmt.Println(maps.Clone(nilMap) == nil, len(maps.Collect(maps.All(nilMap))))
	count := 0
	for range maps.Keys(ages) {
		count++
		break
	}
	fmt.Println("count", count)
	type Index map[int]string
	idx := Index{1: "one", 2: "two"}
	fmt.Printf("%T %v\n", maps.Clone(idx), slices.Sorted(maps.Keys(idx)))
}
