package main

import (
	"errors"
	"fmt"
)

var ErrInsufficient = errors.New("insufficient funds")

type Account struct {
	Owner   string
	balance int
	history []string
}

func (a *Account) Deposit(amount int) {
	a.balance += amount
	a.history = append(a.history, fmt.Sprintf("+%d", amount))
}

func (a *Account) Withdraw(amount int) error {
	if amount > a.balance {
		return fmt.Errorf("withdraw %d from %s: %w", amount, a.Owner, ErrInsufficient)
	}
	a.balance -= amount
	a.history = append(a.history, fmt.Sprintf("-%d", amount))
	return nil
}

func Transfer(from, to *Account, amount int) error {
	if err := from.Withdraw(amount); err != nil {
		return err
	}
	to.Deposit(amount)
	return nil
}

func (a Account) String() string {
	return fmt.Sprintf("%s: $%d %v", a.Owner, a.balance, a.history)
}

func main() {
	alice := &Account{Owner: "alice"}
	bob := &Account{Owner: "bob"}
	alice.Deposit(100)
	bob.Deposit(20)
	for _, amt := range []int{30, 80, 70} {
		if err := Transfer(alice, bob, amt); err != nil {
			fmt.Println("error:", err)
			fmt.Println("is insufficient:", errors.Is(err, ErrInsufficient))
		}
	}
	fmt.Println(alice)
	fmt.Println(*bob)
}
