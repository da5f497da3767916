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
//line context.go:243
	return c, func() { cancelNode(n) }
}

//line context.go:269
func WithCancelCause(parent Context) (ctx Context, cancel CancelCauseFunc) {
	c, n := withCancelCause(parent)
//line context.go:271
	return c, func(cause error) { cancelNodeCause(n, cause) }
}

//line context.go:704
func WithTimeout(parent Context, timeout time.Duration) (Context, CancelFunc) {
	c, n := withTimeout(parent, timeout, nil)
//line context.go:657
	return c, func() { cancelNode(n) }
}

//line context.go:711
func WithTimeoutCause(parent Context, timeout time.Duration, cause error) (Context, CancelFunc) {
	c, n := withTimeout(parent, timeout, cause)
//line context.go:657
	return c, func() { cancelNode(n) }
}

//line context.go:626
func WithDeadline(parent Context, d time.Time) (Context, CancelFunc) {
	c, n := withDeadline(parent, d, nil)
//line context.go:657
	return c, func() { cancelNode(n) }
}

//line context.go:633
func WithDeadlineCause(parent Context, d time.Time, cause error) (Context, CancelFunc) {
	c, n := withDeadline(parent, d, cause)
//line context.go:657
	return c, func() { cancelNode(n) }
}

//line context.go:326
func AfterFunc(ctx Context, f func()) (stop func() bool) {
	n := afterFunc(ctx, f)
//line context.go:331
	return func() bool { return stopNode(n) }
}

// The process's side: a new node of the cancellation tree (its number),
// canceling one, stopping an AfterFunc's.
func withCancel(parent Context) (Context, int)
func withCancelCause(parent Context) (Context, int)
func withTimeout(parent Context, timeout time.Duration, cause error) (Context, int)
func withDeadline(parent Context, d time.Time, cause error) (Context, int)
func afterFunc(ctx Context, f func()) int
func cancelNode(n int)
func cancelNodeCause(n int, cause error)
func stopNode(n int) bool

func WithValue(parent Context, key, val any) Context
func WithoutCancel(parent Context) Context
func Cause(c Context) error
