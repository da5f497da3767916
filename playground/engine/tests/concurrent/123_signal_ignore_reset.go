package main

import (
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	signal.Ignore(syscall.SIGUSR1)
	fmt.Println("ignored:", signal.Ignored(syscall.SIGUSR1))
	syscall.Kill(os.Getpid(), syscall.SIGUSR1)
	time.Sleep(10 * time.Millisecond)
	fmt.Println("still alive after ignored SIGUSR1")
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGUSR2)
	syscall.Kill(os.Getpid(), syscall.SIGUSR2)
	fmt.Println("received:", <-c)
	signal.Reset(syscall.SIGUSR2)
	fmt.Println("reset")
}
