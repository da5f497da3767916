// Standard input feeds a worker pool: main reads pairs with fmt.Scanln
// (264_fmt_scan_feeds_workers.stdin is piped in; a bad line's error
// leaves the rest of that line for the next call, as in Go), workers
// multiply them; and a type's Scan method may block like any Go code:
// it waits on a channel inside fmt.Sscan while another goroutine runs.
package main

import (
	"fmt"
	"io"
	"slices"
	"sync"
)

type Ticket struct {
	ID   int
	base chan int
}

func (t *Ticket) Scan(st fmt.ScanState, verb rune) error {
	base := <-t.base
	var id int
	if _, err := fmt.Fscan(st, &id); err != nil {
		return err
	}
	t.ID = base + id
	return nil
}

func main() {
	jobs := make(chan [2]int)
	var (
		mu      sync.Mutex
		results []int
		wg      sync.WaitGroup
	)
	for w := 0; w < 3; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				mu.Lock()
				results = append(results, j[0]*j[1])
				mu.Unlock()
			}
		}()
	}
	for line := 1; ; line++ {
		var a, b int
		n, err := fmt.Scanln(&a, &b)
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Printf("line %d: %d scanned: %v\n", line, n, err)
			continue
		}
		jobs <- [2]int{a, b}
	}
	close(jobs)
	wg.Wait()
	slices.Sort(results)
	fmt.Println(results)

	t := Ticket{base: make(chan int)}
	go func() { t.base <- 100 }()
	n, err := fmt.Sscan("5", &t)
	fmt.Println(n, err, t.ID)
}
