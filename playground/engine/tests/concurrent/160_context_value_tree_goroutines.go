package main

import (
	"context"
	"fmt"
	"sort"
	"sync"
)

type ctxKey string

func handler(ctx context.Context, wg *sync.WaitGroup, out chan<- string) {
	defer wg.Done()
	user := ctx.Value(ctxKey("user")).(string)
	var inner sync.WaitGroup
	for _, step := range []string{"auth", "load", "render"} {
		inner.Add(1)
		go func() {
			defer inner.Done()
			sctx := context.WithValue(ctx, ctxKey("step"), step)
			out <- fmt.Sprintf("%s/%s", sctx.Value(ctxKey("user")), sctx.Value(ctxKey("step")))
		}()
	}
	inner.Wait()
	out <- user + " done"
}

func main() {
	out := make(chan string, 16)
	var wg sync.WaitGroup
	for _, u := range []string{"ann", "bob"} {
		wg.Add(1)
		go handler(context.WithValue(context.Background(), ctxKey("user"), u), &wg, out)
	}
	wg.Wait()
	close(out)
	var lines []string
	for l := range out {
		lines = append(lines, l)
	}
	sort.Strings(lines)
	for _, l := range lines {
		fmt.Println(l)
	}
}
