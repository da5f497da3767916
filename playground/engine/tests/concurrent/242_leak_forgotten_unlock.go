// Forgotten unlock: Withdraw returns early without unlocking, so the
// next Deposit blocks in sync.Mutex.Lock forever. When the account is
// unreachable from anything that runs, Go reports the blocked goroutine
// leaked; the same bug on an account kept in a global is not reported
// (the mutex is reachable), and the fixed method leaks nothing.
package main

import (
	"bytes"
	"fmt"
	"runtime/pprof"
	"strings"
	"sync"
	"time"
)

type Account struct {
	mu      sync.Mutex
	balance int
}

func (a *Account) Withdraw(n int, fixed bool) bool {
	a.mu.Lock()
	if fixed {
		defer a.mu.Unlock()
	}
	if a.balance < n {
		return false // forgot a.mu.Unlock()
	}
	a.balance -= n
	if !fixed {
		a.mu.Unlock()
	}
	return true
}

func (a *Account) Deposit(n int) {
	a.mu.Lock()
	a.balance += n
	a.mu.Unlock()
}

var global = &Account{}

func run(a *Account, fixed bool) {
	fmt.Println("withdraw:", a.Withdraw(10, fixed))
	go a.Deposit(5)
}

func report(label string) {
	time.Sleep(10 * time.Millisecond)
	var buf bytes.Buffer
	pprof.Lookup("goroutineleak").WriteTo(&buf, 2)
	// Each leaked goroutine as its wait reason and its innermost function
	// of the program, counted.
	var order []string
	count := map[string]int{}
	for _, g := range strings.Split(buf.String(), "\n\n") {
		lines := strings.Split(g, "\n")
		if !strings.Contains(lines[0], "(leaked)]") {
			continue
		}
		fn := "?"
		for _, l := range lines[1:] {
			if strings.HasPrefix(l, "main.") {
				fn = l[:strings.LastIndex(l, "(")]
				break
			}
		}
		key := lines[0][strings.Index(lines[0], "["):] + " " + fn
		if count[key] == 0 {
			order = append(order, key)
		}
		count[key]++
	}
	fmt.Println(label)
	for _, k := range order {
		fmt.Println("  leaked", count[k], k)
	}
}

func main() {
	run(&Account{}, true)
	report("fixed:")
	run(global, false)
	report("global account:")
	run(&Account{}, false)
	report("local account:")
}
