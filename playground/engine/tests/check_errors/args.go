package main
func f(a, b int) int { return a }
func g() (int, int) { return 1, 2 }
func main() { f(1); f(1, 2, 3); x := f(1,2); _ = x; var s string = x; _ = s; a, b := f(1, 2); _, _ = a, b; c := g(); _ = c; f(1,2) }
