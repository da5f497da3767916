package main

func one() int {
	return 1, 2
}

func two() (int, string) {
	return 1
}

func none() {
	return 3
}

func main() {
	one()
	two()
	none()
}
