// Contexts whose parent is a type of the program's own: Go's
// propagateCancel starts a goroutine that waits for either Done, unless
// the parent derives from one of context's own (a struct embedding a
// Context: the child joins that one) or has an AfterFunc method.
package main

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"runtime/pprof"
	"strings"
	"time"
)

// closer is canceled when its channel is closed.
type closer struct {
	done     chan struct{}
	deadline time.Time
}

func (c *closer) Deadline() (time.Time, bool) { return c.deadline, !c.deadline.IsZero() }
func (c *closer) Done() <-chan struct{}       { return c.done }
func (c *closer) Err() error {
	select {
	case <-c.done:
		return context.Canceled
	default:
		return nil
	}
}
func (c *closer) Value(key any) any { return nil }

// wrapped embeds a Context, as request-scoped types often do.
type wrapped struct {
	context.Context
	user string
}

// hooked has an AfterFunc method, which propagateCancel uses.
type hooked struct {
	*closer
	funcs []func()
}

func (h *hooked) AfterFunc(f func()) func() bool {
	fmt.Println("hooked.AfterFunc called")
	h.funcs = append(h.funcs, f)
	return func() bool { return true }
}

func main() {
	c := &closer{done: make(chan struct{})}
	ctx, cancel := context.WithCancel(c)
	defer cancel()
	fmt.Println(ctx, runtime.NumGoroutine())
	runtime.Gosched()
	var b strings.Builder
	pprof.Lookup("goroutine").WriteTo(&b, 2)
	for _, line := range strings.Split(b.String(), "\n") {
		if strings.HasPrefix(line, "context.") || strings.HasPrefix(line, "created by") || strings.HasSuffix(line, "]:") {
			fmt.Println(line)
		}
		if strings.Contains(line, "/src/context/") {
			fmt.Println(line[strings.Index(line, "/src/context/"):strings.LastIndex(line, ":")+4])
		}
	}
	close(c.done)
	<-ctx.Done()
	fmt.Println(ctx.Err(), context.Cause(ctx), runtime.NumGoroutine())

	// Already canceled: the child is canceled at once, no goroutine.
	late, cancelLate := context.WithCancelCause(c)
	defer cancelLate(nil)
	fmt.Println(late.Err(), runtime.NumGoroutine())

	// A struct embedding a Context joins it: no goroutine.
	base, cancelBase := context.WithCancelCause(context.Background())
	w := wrapped{base, "ann"}
	child, cancelChild := context.WithCancel(w)
	defer cancelChild()
	fmt.Println(child, runtime.NumGoroutine())
	cancelBase(errors.New("shutting down"))
	<-child.Done()
	fmt.Println(child.Err(), context.Cause(child), context.Cause(w))

	// A parent deadline sooner than the new one: just WithCancel.
	soon := &closer{done: make(chan struct{}), deadline: time.Now().Add(time.Second)}
	t, cancelT := context.WithTimeout(soon, time.Hour)
	defer cancelT()
	fmt.Println(t, runtime.NumGoroutine())
	close(soon.done)
	<-t.Done()
	time.Sleep(time.Millisecond)
	fmt.Println(t.Err(), runtime.NumGoroutine())

	// An AfterFunc method is used instead of a goroutine.
	h := &hooked{closer: &closer{done: make(chan struct{})}}
	hc, cancelH := context.WithCancel(h)
	defer cancelH()
	fmt.Println(hc.Err(), runtime.NumGoroutine(), len(h.funcs))
	close(h.done)
	h.funcs[0]()
	fmt.Println(hc.Err())

	// WithoutCancel and Value through a parent of our own.
	v := context.WithValue(context.WithoutCancel(w), "k", "v")
	fmt.Println(v.Value("k"), v.Done() == nil, v.Err())
}
