package main
import "fmt"
func main() {
	var a int32 = 1
	var b int64 = 2
	_ = a + b
	_ = a == b
	var f float32 = 1.5
	_ = f + 1.5
	_ = a + 1.5
	const big = 1 << 100
	fmt.Println(big)
	var s []string
	s = append(s, 1)
	var m map[string]int = map[int]string{}
	_ = m
	var p *int = &a
	_ = p
	x := []int{1,2}[5]
	_ = x
	_ = "abc"[5]
}
