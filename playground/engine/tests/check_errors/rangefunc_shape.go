package main

type MyBool bool

// Each iterator is a variable: go/types prints a declared function's
// parameter names in its type, which the playground does not keep.
var (
	twoArgs  func(func(int) bool, func(int) bool)
	results  func(func(int) bool) int
	notFunc  func(int)
	tooMany  func(func(int, int, int) bool)
	noBool   func(func(int))
	myBool   func(func(int) MyBool)
	variadic func(func(...int) bool)
)

func main() {
	for range twoArgs {
	}
	for range results {
	}
	for range notFunc {
	}
	for range tooMany {
	}
	for range noBool {
	}
	for range myBool {
	}
	for range variadic {
	}
}
