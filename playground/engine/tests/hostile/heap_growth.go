// Keeps every megabyte it allocates: the heap budget stops it.
// run: heap_budget=16777216
package main

func main() {
	var keep [][]byte
	for {
		keep = append(keep, make([]byte, 1<<20))
	}
}
