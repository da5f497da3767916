package main

func main() {
	data := []int{1, 2, 3}
	never := make(chan int)
	go func(idx int) {
		_ = data[idx]
		never <- 1
	}(5)
	<-never
}
