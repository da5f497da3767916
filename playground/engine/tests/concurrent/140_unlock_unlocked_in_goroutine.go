package main

import (
	"fmt"
	"sync"
)

type Account struct {
	mu      sync.Mutex
	balance int
}

func (a *Account) Withdraw(n int) {
	a.mu.Lock()
	if a.balance < n {
		a.mu.Unlock()
		// bug: falls through to the second Unlock
	} else {
		a.balance -= n
	}
	a.mu.Unlock()
}

func main() {
	a := &Account{balance: 10}
	a.Withdraw(5)
	fmt.Println("balance", a.balance)
	done := make(chan bool)
	go func() {
		a.Withdraw(50)
		done <- true
	}()
	<-done
}
