package sync

import "sync/atomic"
type Mutex struct { state int32; sema uint32 }
func (m *Mutex) Lock()
func (m *Mutex) Unlock()
func (m *Mutex) TryLock() bool
type RWMutex struct { state int32; sema uint32 }
func (rw *RWMutex) Lock()
func (rw *RWMutex) Unlock()
func (rw *RWMutex) RLock()
func (rw *RWMutex) RUnlock()
func (rw *RWMutex) TryLock() bool
func (rw *RWMutex) TryRLock() bool
func (rw *RWMutex) RLocker() Locker
type Locker interface {
	Lock()
	Unlock()
}
type WaitGroup struct { state uint64; sema uint32 }
func (wg *WaitGroup) Add(delta int)
func (wg *WaitGroup) Done()
func (wg *WaitGroup) Wait()

// Go runs f in a new goroutine counted by wg, as Go's sync/waitgroup.go
// does: if f panics, Done is not called and the panic kills the process;
// the //line comments put each statement at its line there.
//line waitgroup.go:236
func (wg *WaitGroup) Go(f func()) {
//line waitgroup.go:237
	wg.Add(1)
//line waitgroup.go:238
	go func() {
//line waitgroup.go:239
		defer func() {
//line waitgroup.go:240
			if x := recover(); x != nil {
//line waitgroup.go:251
				panic(x)
			}
//line waitgroup.go:256
			wg.Done()
		}()
//line waitgroup.go:258
		f()
	}()
}

type Once struct { done uint32; m Mutex }

// Do runs f once: the slow path under the mutex, done set (by a deferred
// store) once f has returned or panicked, as Go's sync/once.go does; the
// //line comments put each call at its line there.
//line once.go:67
func (o *Once) Do(f func()) {
	if atomic.LoadUint32(&o.done) == 0 {
//line once.go:69
		o.doSlow(f)
	}
}

//line once.go:73
func (o *Once) doSlow(f func()) {
	o.m.Lock()
	defer o.m.Unlock()
	if atomic.LoadUint32(&o.done) == 0 {
		defer atomic.StoreUint32(&o.done, 1)
		f()
	}
}

type Map struct { k []any; v []any }
func (m *Map) Load(key any) (value any, ok bool)
func (m *Map) Store(key, value any)
func (m *Map) LoadOrStore(key, value any) (actual any, loaded bool)
func (m *Map) LoadAndDelete(key any) (value any, loaded bool)
func (m *Map) Delete(key any)
func (m *Map) Swap(key, value any) (previous any, loaded bool)
func (m *Map) CompareAndSwap(key, old, new any) (swapped bool)
func (m *Map) CompareAndDelete(key, old any) (deleted bool)
func (m *Map) Range(f func(key, value any) bool)
func (m *Map) Clear()
// Pool hands back the value Put last, as a goroutine's own P does in Go
// (its private slot, then its shared chain). Go's collector empties a pool
// over two cycles; the engine's collection timing is not Go's, so values
// stay until taken. The mutex keeps Put and Get whole under preemption.
type Pool struct {
	mu    Mutex
	items []any
	New   func() any
}

func (p *Pool) Put(x any) {
	if x == nil {
		return
	}
	p.mu.Lock()
	p.items = append(p.items, x)
	p.mu.Unlock()
}

func (p *Pool) Get() any {
	p.mu.Lock()
	if n := len(p.items); n > 0 {
		x := p.items[n-1]
		p.items[n-1] = nil
		p.items = p.items[:n-1]
		p.mu.Unlock()
		return x
	}
	p.mu.Unlock()
	if p.New != nil {
		return p.New()
	}
	return nil
}

type Cond struct { L Locker; notify uint32 }
func NewCond(l Locker) *Cond
func (c *Cond) Wait()
func (c *Cond) Signal()
func (c *Cond) Broadcast()

// OnceFunc, OnceValue and OnceValues as Go's sync/oncefunc.go has them: a
// panic of f is recovered, kept, re-panicked at once (so the first call
// shows f's frames) and panicked again by every later call. The //line
// comments put each statement at its line there.

//line oncefunc.go:11
func OnceFunc(f func()) func() {
	d := struct {
		f     func()
		once  Once
		valid bool
		p     any
	}{
		f: f,
	}
//line oncefunc.go:21
	return func() {
//line oncefunc.go:22
		d.once.Do(func() {
//line oncefunc.go:23
			defer func() {
//line oncefunc.go:24
				d.f = nil
				d.p = recover()
				if !d.valid {
//line oncefunc.go:30
					panic(d.p)
				}
			}()
//line oncefunc.go:33
			d.f()
			d.valid = true
		})
//line oncefunc.go:36
		if !d.valid {
			panic(d.p)
		}
	}
}

//line oncefunc.go:46
func OnceValue[T any](f func() T) func() T {
	d := struct {
		f      func() T
		once   Once
		valid  bool
		p      any
		result T
	}{
		f: f,
	}
//line oncefunc.go:57
	return func() T {
//line oncefunc.go:58
		d.once.Do(func() {
//line oncefunc.go:59
			defer func() {
//line oncefunc.go:60
				d.f = nil
				d.p = recover()
				if !d.valid {
					panic(d.p)
				}
			}()
//line oncefunc.go:66
			d.result = d.f()
			d.valid = true
		})
//line oncefunc.go:69
		if !d.valid {
			panic(d.p)
		}
//line oncefunc.go:72
		return d.result
	}
}

//line oncefunc.go:80
func OnceValues[T1, T2 any](f func() (T1, T2)) func() (T1, T2) {
	d := struct {
		f     func() (T1, T2)
		once  Once
		valid bool
		p     any
		r1    T1
		r2    T2
	}{
		f: f,
	}
//line oncefunc.go:92
	return func() (T1, T2) {
//line oncefunc.go:93
		d.once.Do(func() {
//line oncefunc.go:94
			defer func() {
//line oncefunc.go:95
				d.f = nil
				d.p = recover()
				if !d.valid {
					panic(d.p)
				}
			}()
//line oncefunc.go:101
			d.r1, d.r2 = d.f()
			d.valid = true
		})
//line oncefunc.go:104
		if !d.valid {
			panic(d.p)
		}
//line oncefunc.go:107
		return d.r1, d.r2
	}
}
