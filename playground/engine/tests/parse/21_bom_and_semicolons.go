package main; import "fmt"; func main() { x := 1; if x > 0 { fmt.Println(x) }; for i := 0; i < 2; i++ { x++ }; fmt.Println(x) }
