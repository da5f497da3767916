package main

import "fmt"

func main() {
	base := []int{0, 1, 2, 3, 4, 5, 6, 7}
	s1 := base[2:5]
	s2 := base[4:]
	s1[2] = 40
	fmt.Println(base, s1, s2)
	fmt.Println(len(s1), cap(s1), len(s2), cap(s2))
	s1 = append(s1, 50)
	fmt.Println(base, s2)
	s3 := base[1:3:4]
	fmt.Println(s3, len(s3), cap(s3))
	s3 = append(s3, 99)
	s3 = append(s3, 100)
	s3[0] = -1
	fmt.Println(base, s3)
	arr := [4]string{"a", "b", "c", "d"}
	sl := arr[:]
	sl[0] = "A"
	fmt.Println(arr, sl[1:][1:])
}
