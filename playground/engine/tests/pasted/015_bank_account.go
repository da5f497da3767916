// Transfers between accounts, each under its own lock, taken in id order.
package main

import (
	"fmt"
	"sync"
)

type Account struct {
	ID      int
	mu      sync.Mutex
	balance int
}

func transfer(from, to *Account, amount int) bool {
	first, second := from, to
	if to.ID < from.ID {
		first, second = to, from
	}
	first.mu.Lock()
	defer first.mu.Unlock()
	second.mu.Lock()
	defer second.mu.Unlock()
	if from.balance < amount {
		return false
	}
	from.balance -= amount
	to.balance += amount
	return true
}

func main() {
	accts := []*Account{{ID: 1, balance: 100}, {ID: 2, balance: 100}, {ID: 3, balance: 100}}
	var wg sync.WaitGroup
	var mu sync.Mutex
	failed := 0
	for i := 0; i < 30; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if !transfer(accts[i%3], accts[(i+1)%3], 10*(i%4)) {
				mu.Lock()
				failed++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	total := 0
	for _, a := range accts {
		total += a.balance
		fmt.Printf("account %d: %d\n", a.ID, a.balance)
	}
	fmt.Println("total", total, "failed", failed)
}
