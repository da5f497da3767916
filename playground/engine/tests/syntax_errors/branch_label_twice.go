package main

func main() {
N:
	for {
		break N
	}
N:
	for {
		break N
	}
}
