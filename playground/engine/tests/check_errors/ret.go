package main
func f() int { }
func g() int { return "s" }
func h() { return 1 }
func k() (int, string) { return 1 }
func main() { var i int8 = 300; _ = i; _ = 1 / 0; break }
