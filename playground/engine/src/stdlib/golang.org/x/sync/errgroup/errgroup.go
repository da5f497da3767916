// Copyright 2016 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// golang.org/x/sync/errgroup as Go 1.27 vendors it, compiled as library
// Go: a WaitGroup, a once-set error, the context's cancel, a channel as
// the semaphore for the limit. The //line comments keep its lines.
package errgroup

import (
	"context"
	"fmt"
	"sync"
)

type token struct{}

type Group struct {
	cancel func(error)

	wg sync.WaitGroup

	sem chan token

	errOnce sync.Once
	err     error
}

//line errgroup.go:36
func (g *Group) done() {
	if g.sem != nil {
//line errgroup.go:38
		<-g.sem
	}
//line errgroup.go:40
	g.wg.Done()
}

//line errgroup.go:48
func WithContext(ctx context.Context) (*Group, context.Context) {
	ctx, cancel := context.WithCancelCause(ctx)
//line errgroup.go:50
	return &Group{cancel: cancel}, ctx
}

//line errgroup.go:55
func (g *Group) Wait() error {
	g.wg.Wait()
//line errgroup.go:57
	if g.cancel != nil {
		g.cancel(g.err)
	}
//line errgroup.go:60
	return g.err
}

//line errgroup.go:72
func (g *Group) Go(f func() error) {
	if g.sem != nil {
//line errgroup.go:74
		g.sem <- token{}
	}

//line errgroup.go:77
	g.wg.Add(1)
	go func() {
//line errgroup.go:79
		defer g.done()

//line errgroup.go:93
		if err := f(); err != nil {
			g.errOnce.Do(func() {
//line errgroup.go:95
				g.err = err
				if g.cancel != nil {
					g.cancel(g.err)
				}
			})
		}
	}()
}

//line errgroup.go:108
func (g *Group) TryGo(f func() error) bool {
	if g.sem != nil {
//line errgroup.go:110
		select {
		case g.sem <- token{}:
//line errgroup.go:113
		default:
			return false
		}
	}

//line errgroup.go:118
	g.wg.Add(1)
	go func() {
//line errgroup.go:120
		defer g.done()

//line errgroup.go:122
		if err := f(); err != nil {
			g.errOnce.Do(func() {
//line errgroup.go:124
				g.err = err
				if g.cancel != nil {
					g.cancel(g.err)
				}
			})
		}
	}()
//line errgroup.go:131
	return true
}

//line errgroup.go:142
func (g *Group) SetLimit(n int) {
	if n < 0 {
		g.sem = nil
		return
	}
//line errgroup.go:147
	if active := len(g.sem); active != 0 {
		panic(fmt.Errorf("errgroup: modify limit while %v goroutines in the group are still active", active))
	}
//line errgroup.go:150
	g.sem = make(chan token, n)
}
