package main

func main() {
	fmt.Println("no import")
	_ = strconv.Itoa(1)
}
