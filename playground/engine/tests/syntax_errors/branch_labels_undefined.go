package main

func main() {
	if true {
		goto Q
	}
	for {
		break X
	}
	for {
		continue Y
	}
}
