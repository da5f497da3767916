package main

import "fmt"

func main() {
	f := 3.14159265
	fmt.Printf("%f|%.2f|%8.3f|%-8.1f|%08.2f\n", f, f, f, f, f)
	fmt.Printf("%e|%.3e|%E|%g|%G\n", f, f, f, f, 1e-7)
	fmt.Printf("%g|%g|%g|%g|%.3g\n", 100000.0, 1000000.0, 1e21, 0.0001, 1234.5678)
	fmt.Printf("%+.1f|% .2f|%+g\n", 2.0, 2.0, -0.5)
	fmt.Printf("%v|%v|%.1f|%.0f|%.0f\n", 1e-5, 123456789.123, 0.05, 0.5, 1.5)
	var f32 float32 = 1.1
	fmt.Printf("%v|%g|%f|%.10f\n", f32, f32, f32, f32)
	fmt.Printf("%6.2f%%\n", 99.5)
	fmt.Printf("%10.4g|%-10.4g|\n", 3.14159, 2.71828)
	fmt.Printf("%x\n", 1.0)
	fmt.Printf("%.3v|%10v|\n", 3.14159, 2.5)
}
