package main

import (
	"fmt"
	"sync"
)

type Broker struct {
	mu   sync.Mutex
	subs map[string][]chan string
}

func (b *Broker) Subscribe(topic string) <-chan string {
	b.mu.Lock()
	defer b.mu.Unlock()
	ch := make(chan string, 8)
	b.subs[topic] = append(b.subs[topic], ch)
	return ch
}

func (b *Broker) Publish(topic, msg string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, ch := range b.subs[topic] {
		ch <- msg
	}
}

func (b *Broker) Close() {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, list := range b.subs {
		for _, ch := range list {
			close(ch)
		}
	}
}

func main() {
	b := &Broker{subs: map[string][]chan string{}}
	news1 := b.Subscribe("news")
	news2 := b.Subscribe("news")
	sport := b.Subscribe("sport")
	var wg sync.WaitGroup
	got := make([][]string, 3)
	for i, ch := range []<-chan string{news1, news2, sport} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for m := range ch {
				got[i] = append(got[i], m)
			}
		}()
	}
	b.Publish("news", "rates up")
	b.Publish("sport", "match won")
	b.Publish("news", "rain")
	b.Publish("weather", "nobody listens")
	b.Close()
	wg.Wait()
	for i, g := range got {
		fmt.Println(i, g)
	}
}
