package main

import (
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	p, _ := os.FindProcess(os.Getpid())
	if err := p.Signal(os.Interrupt); err != nil {
		fmt.Println("signal failed:", err)
		return
	}
	s := <-sigs
	fmt.Println("got signal:", s)
	fmt.Println(s == os.Interrupt)
	signal.Stop(sigs)
	fmt.Println("stopped listening")
}
