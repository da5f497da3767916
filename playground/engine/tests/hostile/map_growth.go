// A map that grows without end.
// run: heap_budget=16777216
package main

func main() {
	m := map[int]string{}
	for i := 0; ; i++ {
		m[i] = "value"
	}
}
