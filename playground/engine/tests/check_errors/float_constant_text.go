package main

// Float constants in messages as go/constant's String prints them: %.6g
// (1.23457e+06), all digits where that hides a fraction.
func main() {
	var i int = 1234567.5
	var j int8 = 1e6
	var k int = 0.000001
	var l uint = -1.0
	var m float32 = 1e100
	var n int = 1e-400
	var o int32 = 123456789.0 * 100
	var p int = 1.0 / 3
	var q int = -2.5e-7
	_, _, _, _, _, _, _, _, _ = i, j, k, l, m, n, o, p, q
}
