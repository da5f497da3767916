package main

func main() {
A:
	if true {
		break A
	}
B:
	switch {
	default:
		continue B
	}
	for {
		break A
	}
}
