package main

import "fmt"

type Config struct{ Retries int }

func main() {
	cfg := Config{Retries: 1}
	show := func() { fmt.Println("retries", cfg.Retries) }
	cfg.Retries = 5
	show()
	cfg = Config{Retries: 9}
	show()
	nums := []int{1, 2, 3}
	sum := func() (s int) {
		for _, n := range nums {
			s += n
		}
		return
	}
	nums = append(nums, 4)
	fmt.Println(sum())
	byVal := func(c Config) func() int { return func() int { return c.Retries } }(cfg)
	cfg.Retries = 0
	fmt.Println(byVal())
	handlers := map[string]func(int) int{}
	for _, k := range []string{"double", "square"} {
		handlers[k] = func(x int) int {
			if k == "double" {
				return 2 * x
			}
			return x * x
		}
	}
	fmt.Println(handlers["double"](7), handlers["square"](7))
}
