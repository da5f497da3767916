// Each goroutine starts two more: the goroutine budget stops it.
// run: goroutine_budget=1000
package main

func bomb() {
	go bomb()
	go bomb()
}

func main() {
	bomb()
	select {}
}
