package main
var x = x
var a = b
var b = c + a
var c = 1
type T struct{ u U }
type U struct{ t T }
func main() {
}
