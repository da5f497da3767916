package main

func loopForever() int {
	for {
	}
}

func loopBreak() int {
	for {
		break
	}
}

func switchNoDefault(x int) int {
	switch x {
	case 1:
		return 1
	}
}

func panics() int {
	panic("always")
}

func main() {
	loopForever()
	loopBreak()
	switchNoDefault(1)
	panics()
}
