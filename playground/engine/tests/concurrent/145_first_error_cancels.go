package main

import (
	"context"
	"errors"
	"fmt"
	"sync"
)

// A hand-written errgroup: the first error cancels the others.
type Group struct {
	wg     sync.WaitGroup
	once   sync.Once
	err    error
	cancel context.CancelCauseFunc
}

func WithContext(ctx context.Context) (*Group, context.Context) {
	ctx, cancel := context.WithCancelCause(ctx)
	return &Group{cancel: cancel}, ctx
}

func (g *Group) Go(f func() error) {
	g.wg.Add(1)
	go func() {
		defer g.wg.Done()
		if err := f(); err != nil {
			g.once.Do(func() {
				g.err = err
				g.cancel(err)
			})
		}
	}()
}

func (g *Group) Wait() error {
	g.wg.Wait()
	g.cancel(nil)
	return g.err
}

func main() {
	g, ctx := WithContext(context.Background())
	failed := make(chan struct{})
	g.Go(func() error {
		defer close(failed)
		return errors.New("task 1 failed")
	})
	for i := 2; i <= 4; i++ {
		g.Go(func() error {
			<-failed
			<-ctx.Done()
			return fmt.Errorf("task %d stopped: %w", i, ctx.Err())
		})
	}
	fmt.Println("first error:", g.Wait())
	fmt.Println("cause:", context.Cause(ctx))
}
