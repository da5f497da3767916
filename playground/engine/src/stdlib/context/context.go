package context
import "time"
type Context interface {
	Deadline() (deadline time.Time, ok bool)
	Done() <-chan struct{}
	Err() error
	Value(key any) any
}
type CancelFunc func()
type CancelCauseFunc func(cause error)
var Canceled error
var DeadlineExceeded error
func Background() Context
func TODO() Context

// The functions that make cancelable contexts are Go's (context.go): the
// process keeps the cancellation tree, and a context's node number is
// what each returned CancelFunc closes over. The //line comments put
// each at its line in Go's file.

//line context.go:241
func WithCancel(parent Context) (ctx Context, cancel CancelFunc) {
	c, n := withCancel(parent)
	(*cancelCtx)(nil).propagateCancel(parent, c, n)
//line context.go:243
	return c, func() { cancelNode(n) }
}

//line context.go:269
func WithCancelCause(parent Context) (ctx Context, cancel CancelCauseFunc) {
	c, n := withCancelCause(parent)
	(*cancelCtx)(nil).propagateCancel(parent, c, n)
//line context.go:271
	return c, func(cause error) { cancelNodeCause(n, cause) }
}

//line context.go:704
func WithTimeout(parent Context, timeout time.Duration) (Context, CancelFunc) {
	if foreign(parent) && deadlineBefore(parent, time.Now().Add(timeout)) {
		// The current deadline is already sooner than the new one.
		return WithCancel(parent)
	}
	c, n := withTimeout(parent, timeout, nil)
	(*cancelCtx)(nil).propagateCancel(parent, c, n)
//line context.go:657
	return c, func() { cancelNode(n) }
}

//line context.go:711
func WithTimeoutCause(parent Context, timeout time.Duration, cause error) (Context, CancelFunc) {
	if foreign(parent) && deadlineBefore(parent, time.Now().Add(timeout)) {
		// The current deadline is already sooner than the new one.
		return WithCancel(parent)
	}
	c, n := withTimeout(parent, timeout, cause)
	(*cancelCtx)(nil).propagateCancel(parent, c, n)
//line context.go:657
	return c, func() { cancelNode(n) }
}

//line context.go:626
func WithDeadline(parent Context, d time.Time) (Context, CancelFunc) {
	if foreign(parent) && deadlineBefore(parent, d) {
		// The current deadline is already sooner than the new one.
		return WithCancel(parent)
	}
	c, n := withDeadline(parent, d, nil)
	(*cancelCtx)(nil).propagateCancel(parent, c, n)
//line context.go:657
	return c, func() { cancelNode(n) }
}

//line context.go:633
func WithDeadlineCause(parent Context, d time.Time, cause error) (Context, CancelFunc) {
	if foreign(parent) && deadlineBefore(parent, d) {
		// The current deadline is already sooner than the new one.
		return WithCancel(parent)
	}
	c, n := withDeadline(parent, d, cause)
	(*cancelCtx)(nil).propagateCancel(parent, c, n)
//line context.go:657
	return c, func() { cancelNode(n) }
}

//line context.go:326
func AfterFunc(ctx Context, f func()) (stop func() bool) {
	a, n := afterFunc(ctx, f)
	(*cancelCtx)(nil).propagateCancel(ctx, a, n)
//line context.go:331
	return func() bool { return stopNode(n) }
}

// A parent of the program's own type (not made by this package) is
// watched as Go's propagateCancel does: when it derives from one of the
// process's contexts (its Value(&cancelCtxKey) answers with it, as a
// struct embedding a Context does), the new node joins that one in the
// tree; else an AfterFunc method is used, or a goroutine waits for
// either Done. The process's own parents were joined by withCancel.
// cancelCtx is here to give the method Go's name in tracebacks: the
// contexts themselves have runtime types of their own.
type cancelCtx struct{}

//line context.go:476
func (c *cancelCtx) propagateCancel(parent Context, child Context, n int) {
	if !foreign(parent) {
		return
	}
//line context.go:479
	done := parent.Done()
	if done == nil {
		return // parent is never canceled
	}
//line context.go:484
	select {
	case <-done:
		// parent is already canceled
		cancelNodeErr(n, parent.Err(), Cause(parent))
		return
	default:
	}
//line context.go:492
	if p, ok := parent.Value(cancelCtxKey{}).(Context); ok && !foreign(p) && p.Done() == done {
		// parent derives from one of the process's contexts.
		adopt(p, n)
		return
	}
//line context.go:508
	if a, ok := parent.(afterFuncer); ok {
		// parent implements an AfterFunc method.
		a.AfterFunc(func() {
//line context.go:512
			cancelNodeErr(n, parent.Err(), Cause(parent))
		})
		return
	}
//line context.go:523
	go func() {
		select {
		case <-parent.Done():
//line context.go:526
			cancelNodeErr(n, parent.Err(), Cause(parent))
		case <-child.Done():
		}
	}()
}

// deadlineBefore reports whether a parent of the program's own type has
// a deadline before d (the process's own parents are checked by
// withTimeout and withDeadline).
func deadlineBefore(parent Context, d time.Time) bool {
	cur, ok := parent.Deadline()
	return ok && cur.Before(d)
}

type afterFuncer interface {
	AfterFunc(func()) func() bool
}

// The key a context's Value answers with its nearest cancelable context
// (Go's &cancelCtxKey; a type nothing outside this package can name).
type cancelCtxKey struct{}

// The process's side: a new node of the cancellation tree (its number),
// canceling one, stopping an AfterFunc's; whether a context is of the
// program's own type; joining a node to a parent's.
func foreign(c Context) bool
func adopt(parent Context, n int)
func cancelNodeErr(n int, err error, cause error)
func withCancel(parent Context) (Context, int)
func withCancelCause(parent Context) (Context, int)
func withTimeout(parent Context, timeout time.Duration, cause error) (Context, int)
func withDeadline(parent Context, d time.Time, cause error) (Context, int)
func afterFunc(ctx Context, f func()) (Context, int)
func cancelNode(n int)
func cancelNodeCause(n int, cause error)
func stopNode(n int) bool

func WithValue(parent Context, key, val any) Context
func WithoutCancel(parent Context) Context
//line context.go:289
func Cause(c Context) error {
	if !foreign(c) {
		return causeOf(c)
	}
	err := c.Err()
	if err == nil {
		return nil
	}
	if cc, ok := c.Value(cancelCtxKey{}).(Context); ok && !foreign(cc) {
		if cause := causeOf(cc); cause != nil {
			return cause
		}
		// The parent cancelCtx doesn't have a cause,
		// so c must have been canceled in some custom context implementation.
	}
	// We don't have a cause to return from a parent cancelCtx,
	// so return the context's error.
	return err
}

func causeOf(c Context) error
