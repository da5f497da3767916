package fmt

import "io"

type Stringer interface { String() string }
type GoStringer interface { GoString() string }
type State interface {
	Write(b []byte) (n int, err error)
	Width() (wid int, ok bool)
	Precision() (prec int, ok bool)
	Flag(c int) bool
}
type Formatter interface { Format(f State, verb rune) }
func Print(a ...any) (n int, err error)
func Println(a ...any) (n int, err error)
func Printf(format string, a ...any) (n int, err error)
func Sprint(a ...any) string
func Sprintln(a ...any) string
func Sprintf(format string, a ...any) string
func Errorf(format string, a ...any) error

// Fprint, Fprintln and Fprintf are library Go, as in Go's print.go: they
// call w's Write like any Go code, so a Write that blocks (an io.Pipe's)
// parks the goroutine. The formatting is the Sprint natives'; the
// //line comments put the Write at its line in print.go.
//line print.go:214
func Fprintf(w io.Writer, format string, a ...any) (n int, err error) {
	p := []byte(Sprintf(format, a...))
//line print.go:217
	n, err = w.Write(p)
	return
}

//line print.go:252
func Fprint(w io.Writer, a ...any) (n int, err error) {
	p := []byte(Sprint(a...))
//line print.go:255
	n, err = w.Write(p)
	return
}

//line print.go:295
func Fprintln(w io.Writer, a ...any) (n int, err error) {
	p := []byte(Sprintln(a...))
//line print.go:298
	n, err = w.Write(p)
	return
}
func Append(b []byte, a ...any) []byte
func Appendf(b []byte, format string, a ...any) []byte

