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
type Cond struct { L Locker; notify uint32 }
func NewCond(l Locker) *Cond
func (c *Cond) Wait()
func (c *Cond) Signal()
func (c *Cond) Broadcast()
