// The builtin println writes to stderr, which counts too.
// run: output_budget=65536
package main

func main() {
	for {
		println("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")
	}
}
