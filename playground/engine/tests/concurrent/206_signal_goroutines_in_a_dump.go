// What a goroutine dump shows once a program listens for signals: the
// os/signal goroutine sits in a system call, NotifyContext adds a
// watcher, and a timer callback's goroutine is created by time.goFunc.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"runtime"
	"strings"
	"time"
)

func main() {
	hold := make(chan struct{})
	time.AfterFunc(time.Millisecond, func() { <-hold })

	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	_ = ctx
	time.Sleep(5 * time.Millisecond)

	buf := make([]byte, 1<<16)
	dump := string(buf[:runtime.Stack(buf, true)])
	os.Stderr.WriteString(dump)

	for _, want := range []string{
		"[syscall]:\nos/signal.signal_recv()",
		"\nos/signal.loop()\n",
		"created by os/signal.Notify.func2.1 in goroutine 1",
		"[select]:\nos/signal.NotifyContext.func1()",
		"created by os/signal.NotifyContext in goroutine 1",
		"[chan receive]:\nmain.main.func1()",
		"created by time.goFunc\n",
	} {
		fmt.Printf("%-52q %v\n", want, strings.Contains(dump, want))
	}
	fmt.Println("goroutines:", runtime.NumGoroutine())
	close(hold)
}
