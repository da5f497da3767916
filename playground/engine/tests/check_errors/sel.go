package main
type T struct{ X int }
func (T) M() {}
type I interface{ M(); N() }
func main() { var t T; _ = t.Y; var i I = t; _ = i; t.M(); var p *int; _ = p.X; var x int = nil; _ = x; for { continue L }; goto L }
