package main

func sum(xs ...int) int { return len(xs) }

func main() {
	nums := []int{1, 2}
	_ = sum(1, nums...)
	_ = sum(nums)
	strs := []string{"a"}
	_ = sum(strs...)
}
