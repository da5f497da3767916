package runtime
type Error interface {
	error
	RuntimeError()
}
func Gosched()
func Goexit()
func LockOSThread()
func UnlockOSThread()
func Stack(buf []byte, all bool) int
const GOOS = "linux"
const GOARCH = "amd64"
const Compiler = "gc"
func NumGoroutine() int
func GOMAXPROCS(n int) int
func GC()
func NumCPU() int
type MemStats struct {
	Alloc uint64
	TotalAlloc uint64
	Mallocs uint64
	Frees uint64
	HeapAlloc uint64
	HeapObjects uint64
	NumGC uint32
}
func ReadMemStats(m *MemStats)
// What panic(nil) panics with (the VM's T_RT_PANICNIL value).
type PanicNilError struct { _ [0]int }
func (*PanicNilError) Error() string
func (*PanicNilError) RuntimeError()
func SetFinalizer(obj any, finalizer any)
func KeepAlive(x any)
