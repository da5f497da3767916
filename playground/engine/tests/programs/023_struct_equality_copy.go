package main

import "fmt"

type Inner struct{ A, B int }
type Outer struct {
	In  Inner
	Arr [2]Inner
	Ptr *Inner
}

func main() {
	i := Inner{1, 2}
	o1 := Outer{In: i, Arr: [2]Inner{i, {3, 4}}, Ptr: &i}
	o2 := o1
	o2.In.A = 100
	o2.Arr[1].B = 400
	o2.Ptr.B = 200
	fmt.Println(o1.In, o1.Arr, *o1.Ptr)
	fmt.Println(o2.In, o2.Arr, *o2.Ptr)
	fmt.Println(o1 == o2, o1.Ptr == o2.Ptr, Inner{1, 200} == i)
	list := []Inner{{1, 1}, {2, 2}}
	for _, v := range list {
		v.A = 9
	}
	fmt.Println(list)
	for i := range list {
		list[i].A = 9
	}
	fmt.Println(list)
}
