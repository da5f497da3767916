package main

func seq(yield func(int) bool)                  {}
func twoArgs(a, b func(int) bool)               {}
func variadic(prefix string, xs ...int) (n int) { return }
func pair() (x int, err error)                  { return }
func plain(int, string) bool                    { return false }

func main() {
	for x, y := range seq {
		_, _ = x, y
	}
	for range twoArgs {
	}
	var i int = variadic
	var j int = pair
	var k int = plain
	_, _, _ = i, j, k
}
