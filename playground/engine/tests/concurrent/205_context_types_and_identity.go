// Which concrete type stands behind each context.Context a request
// handler sees, as %T names it, and which contexts compare equal.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"time"
)

type ctxKey string

func describe(step string, ctx context.Context) {
	_, hasDeadline := ctx.Deadline()
	fmt.Printf("%-14s %-26T deadline=%v\n", step, ctx, hasDeadline)
}

func main() {
	root := context.Background()
	describe("background", root)
	describe("todo", context.TODO())

	sigCtx, stop := signal.NotifyContext(root, os.Interrupt)
	defer stop()
	describe("notify", sigCtx)

	reqCtx, cancel := context.WithCancel(sigCtx)
	defer cancel()
	describe("request", reqCtx)

	withUser := context.WithValue(reqCtx, ctxKey("user"), "gopher")
	describe("value", withUser)

	dbCtx, cancelDB := context.WithTimeout(withUser, 50*time.Millisecond)
	defer cancelDB()
	describe("timeout", dbCtx)

	// A later deadline than the parent's gives a plain cancelCtx.
	later, cancelLater := context.WithDeadline(dbCtx, time.Now().Add(time.Hour))
	defer cancelLater()
	describe("later", later)

	bg, cancelBG := context.WithCancelCause(root)
	defer cancelBG(nil)
	describe("cause", bg)

	detached := context.WithoutCancel(dbCtx)
	describe("detached", detached)

	fmt.Println("background == background:", context.Background() == context.Background())
	fmt.Println("todo == todo:", context.TODO() == context.TODO())
	fmt.Println("background == todo:", context.Background() == context.TODO())
	fmt.Println("request == its value child:", reqCtx == withUser)
	fmt.Println("value seen below:", dbCtx.Value(ctxKey("user")))
}
