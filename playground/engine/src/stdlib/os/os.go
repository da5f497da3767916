package os
import "syscall"
type File struct { name string }
func (f *File) Write(b []byte) (n int, err error)
func (f *File) WriteString(s string) (n int, err error)
func (f *File) Name() string
var Stdout *File
var Stderr *File
var Stdin *File
var Args []string
func Exit(code int)
func Getenv(key string) string
// Signals (os/signal/mod.rs). Interrupt and Kill are variables of
// type Signal in Go; constants here (the same values once converted).
type Signal interface {
	String() string
	Signal()
}
const (
	Interrupt = syscall.SIGINT
	Kill = syscall.SIGKILL
)
type Process struct { Pid int }
func FindProcess(pid int) (*Process, error)
func (p *Process) Signal(sig Signal) error
func (p *Process) Kill() error
func Getpid() int
