package main

import "fmt"

func sum(nums ...int) int {
	t := 0
	for _, n := range nums {
		t += n
	}
	return t
}

func join(sep string, parts ...string) string {
	out := ""
	for i, p := range parts {
		if i > 0 {
			out += sep
		}
		out += p
	}
	return out
}

func info(args ...any) {
	fmt.Println(len(args), args == nil, args)
}

func modify(xs ...int) { xs[0] = 100 }

func main() {
	fmt.Println(sum(), sum(1), sum(1, 2, 3))
	nums := []int{4, 5, 6}
	fmt.Println(sum(nums...))
	fmt.Println(join("-", "a", "b", "c"), join(","))
	info()
	info(1, "two", nil)
	info([]any{1, 2}...)
	info(nums)
	modify(nums...)
	fmt.Println(nums)
	modify(7, 8)
	f := fmt.Sprintf
	fmt.Println(f("%d-%d", 1, 2))
}
