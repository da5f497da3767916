package main

import "fmt"

func mergeSort(xs []int) []int {
	if len(xs) <= 1 {
		return xs
	}
	mid := len(xs) / 2
	l, r := mergeSort(xs[:mid]), mergeSort(xs[mid:])
	out := make([]int, 0, len(xs))
	i, j := 0, 0
	for i < len(l) && j < len(r) {
		if l[i] <= r[j] {
			out = append(out, l[i])
			i++
		} else {
			out = append(out, r[j])
			j++
		}
	}
	out = append(out, l[i:]...)
	return append(out, r[j:]...)
}

func quickSort(xs []int) {
	if len(xs) < 2 {
		return
	}
	p := xs[len(xs)/2]
	i, j := 0, len(xs)-1
	for i <= j {
		for xs[i] < p {
			i++
		}
		for xs[j] > p {
			j--
		}
		if i <= j {
			xs[i], xs[j] = xs[j], xs[i]
			i++
			j--
		}
	}
	quickSort(xs[:j+1])
	quickSort(xs[i:])
}

func main() {
	data := []int{38, 27, 43, 3, 9, 82, 10, 3, -5, 0}
	fmt.Println(mergeSort(data), data)
	quickSort(data)
	fmt.Println(data)
	seed := uint32(12345)
	big := make([]int, 1000)
	for i := range big {
		seed = seed*1664525 + 1013904223
		big[i] = int(seed % 10000)
	}
	s := mergeSort(big)
	quickSort(big)
	same := true
	for i := range s {
		same = same && s[i] == big[i]
	}
	fmt.Println(same, big[0], big[999], seed)
}
