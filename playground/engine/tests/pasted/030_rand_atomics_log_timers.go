package main

import (
	"fmt"
	"log"
	"math/rand/v2"
	mrand "math/rand"
	"os"
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

type Config struct{ Name string }

func main() {
	r := rand.New(rand.NewPCG(1, 2))
	fmt.Println(r.IntN(100), r.IntN(100), r.Float64())
	r2 := mrand.New(mrand.NewSource(42))
	fmt.Println(r2.Intn(100), r2.Intn(100), r2.Perm(5))
	var cfg atomic.Pointer[Config]
	cfg.Store(&Config{"a"})
	old := cfg.Swap(&Config{"b"})
	fmt.Println(old.Name, cfg.Load().Name)
	var n atomic.Int64
	var flag atomic.Bool
	var wg sync.WaitGroup
	for i := 0; i < 100; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			n.Add(1)
			flag.CompareAndSwap(false, true)
		}()
	}
	wg.Wait()
	fmt.Println(n.Load(), flag.Load(), runtime.NumGoroutine() >= 1, runtime.GOMAXPROCS(0) > 0)
	logger := log.New(os.Stdout, "app: ", log.Lmsgprefix)
	logger.Printf("started %d", 1)
	log.SetFlags(0)
	log.SetOutput(os.Stdout)
	log.SetPrefix("[x] ")
	log.Println("hello")
	t := time.Date(2024, 3, 15, 10, 30, 0, 0, time.UTC)
	fmt.Println(t.Format(time.RFC3339), t.Format("Mon Jan 2 15:04"), t.Weekday(), t.YearDay(), t.Add(36*time.Hour).Format(time.Kitchen))
	d := 90*time.Minute + 30*time.Second
	fmt.Println(d, d.Hours(), d.Round(time.Hour), d.Truncate(time.Hour), time.Duration(1500)*time.Microsecond)
	timer := time.NewTimer(50 * time.Millisecond)
	fmt.Println(timer.Stop(), timer.Reset(time.Millisecond))
	<-timer.C
	tick := time.NewTicker(10 * time.Millisecond)
	cnt := 0
	for range tick.C {
		cnt++
		if cnt == 3 {
			tick.Stop()
			break
		}
	}
	fmt.Println("ticks", cnt)
	done := make(chan struct{})
	time.AfterFunc(5*time.Millisecond, func() { close(done) })
	<-done
	fmt.Println("done")
	log.Fatalf("fatal: %v", "bye")
}
