package main
func f(b byte) {}
func main() {
	s := "hello"
	if s[0] == "h" {
	}
	c := s[1]
	_ = c + "x"
	r := 'a'
	_ = r == "a"
	var b byte = 1
	var i int = b
	_ = i
	for _, ch := range s {
		_ = ch + "z"
	}
	_ = byte(1) + 1000
	var u uint8 = 3
	_ = u + "q"
}
