package main

import (
	"fmt"
	"runtime"
)

func main() {
	done := make(chan bool)
	go func() {
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		fmt.Println("locked to its thread")
		done <- true
	}()
	<-done
	runtime.LockOSThread()
	runtime.LockOSThread()
	runtime.UnlockOSThread()
	runtime.UnlockOSThread()
	runtime.UnlockOSThread() // unbalanced unlock is a no-op
	go func() {
		// Exiting while locked: the thread is destroyed, the program goes on.
		runtime.LockOSThread()
		done <- true
	}()
	<-done
	fmt.Println("main done")
}
