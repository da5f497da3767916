package main

// Untyped integer constants may hold 512 bits; an operation past that is
// go/types' "constant <op> overflow", reported at the operator.
const top = 1<<511 - 1 + 1<<511

func main() {
	_ = (top + 1) / 2
	_ = top * 2
	_ = -top - 1
	_ = ^top
	_ = 1 << 512
	_ = -1 << 512
	_ = 1 << 1074
	_ = 1 << 1075
	_ = 0 << 5000
}
