package main

func main(args []string) int {
	return 0
}
