// Spins for ever: the instruction budget stops it.
// run: instr_limit=1000000
package main

func main() {
	n := 0
	for {
		n++
	}
}
