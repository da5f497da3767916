package main

func main() {
	switch {
	case true:
		fallthrough
	case false:
		fallthrough;
	default:
	}
	select {
	default:
		break
	}
	for {
		select {
		default:
			continue
		}
	}
	goto L
L:
	fallthrough
}
