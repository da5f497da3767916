// A String method that locks a mutex main already holds: every goroutine
// is asleep, and Go's dump shows main parked inside String, called from
// fmt.Println.
package main

import (
	"fmt"
	"sync"
)

type Account struct {
	mu      sync.Mutex
	balance int
}

func (a *Account) String() string {
	a.mu.Lock()
	defer a.mu.Unlock()
	return fmt.Sprintf("balance %d", a.balance)
}

func (a *Account) Deposit(n int) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.balance += n
	fmt.Println("deposited", n, "into", a)
}

func main() {
	a := &Account{}
	fmt.Println(a)
	a.Deposit(10)
}
