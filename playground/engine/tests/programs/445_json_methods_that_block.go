// MarshalJSON and UnmarshalJSON that block (a mutex, a channel) wait as
// Go's do; a panic in MarshalJSON goes through Marshal.
package main

import (
	"encoding/json"
	"fmt"
	"sync"
	"time"
)

type Counter struct {
	mu sync.Mutex
	n  int
}

func (c *Counter) MarshalJSON() ([]byte, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return json.Marshal(map[string]int{"n": c.n})
}

type Slow struct{ ch chan int }

func (s *Slow) UnmarshalJSON(b []byte) error {
	var v int
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	s.ch <- v
	return nil
}

type Boom struct{}

func (Boom) MarshalJSON() ([]byte, error) { panic("boom") }

func main() {
	c := &Counter{n: 1}
	c.mu.Lock()
	go func() {
		time.Sleep(time.Millisecond)
		c.n = 42
		c.mu.Unlock()
	}()
	b, err := json.Marshal(struct{ C *Counter }{c})
	fmt.Println(string(b), err)

	s := &Slow{ch: make(chan int)}
	done := make(chan bool)
	go func() {
		fmt.Println("got", <-s.ch, <-s.ch)
		done <- true
	}()
	var list []*Slow = []*Slow{s, s}
	err = json.Unmarshal([]byte(`[7, 8]`), &list)
	<-done
	fmt.Println(err)

	defer func() { fmt.Println("recovered:", recover()) }()
	json.Marshal([]Boom{{}})
}
