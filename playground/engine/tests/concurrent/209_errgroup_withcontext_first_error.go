package main

import (
	"context"
	"errors"
	"fmt"

	"golang.org/x/sync/errgroup"
)

// The first error cancels the group's context; the others see it done.
func main() {
	g, ctx := errgroup.WithContext(context.Background())
	for i := range 4 {
		g.Go(func() error {
			if i == 2 {
				return fmt.Errorf("task %d: %w", i, errors.ErrUnsupported)
			}
			<-ctx.Done()
			fmt.Println("task", i, "stopped:", ctx.Err())
			return ctx.Err()
		})
	}
	err := g.Wait()
	fmt.Println("wait:", err)
	fmt.Println("ctx:", ctx.Err(), "cause:", context.Cause(ctx))
	fmt.Println(errors.Is(err, errors.ErrUnsupported))
}
