// Operations a type parameter's constraint does not allow.
package main

func Add[T any](a, b T) T { return a + b }

func Less[T comparable](a, b T) bool { return a < b }

func Eq[T any](a, b T) bool { return a == b }

func main() {
	_ = Add(1, 2)
	_ = Less(1, 2)
	_ = Eq(1, 2)
}
