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
// MemStats has Go's fields in Go's order; the engine fills what its heap
// knows (sizes, counts, collections) and leaves the rest zero.
type MemStats struct {
	Alloc         uint64
	TotalAlloc    uint64
	Sys           uint64
	Lookups       uint64
	Mallocs       uint64
	Frees         uint64
	HeapAlloc     uint64
	HeapSys       uint64
	HeapIdle      uint64
	HeapInuse     uint64
	HeapReleased  uint64
	HeapObjects   uint64
	StackInuse    uint64
	StackSys      uint64
	MSpanInuse    uint64
	MSpanSys      uint64
	MCacheInuse   uint64
	MCacheSys     uint64
	BuckHashSys   uint64
	GCSys         uint64
	OtherSys      uint64
	NextGC        uint64
	LastGC        uint64
	PauseTotalNs  uint64
	PauseNs       [256]uint64
	PauseEnd      [256]uint64
	NumGC         uint32
	NumForcedGC   uint32
	GCCPUFraction float64
	EnableGC      bool
	DebugGC       bool
	BySize        [61]struct {
		Size    uint32
		Mallocs uint64
		Frees   uint64
	}
}
func ReadMemStats(m *MemStats)
// What panic(nil) panics with (the VM's T_RT_PANICNIL value).
type PanicNilError struct { _ [0]int }
func (*PanicNilError) Error() string
func (*PanicNilError) RuntimeError()
func SetFinalizer(obj any, finalizer any)
func KeepAlive(x any)

// Program counters name a function and an instruction of the engine's
// bytecode (funcName and funcFileLine read them); they are not Go's
// addresses, but Caller, FuncForPC and CallersFrames agree on them.
func Caller(skip int) (pc uintptr, file string, line int, ok bool)
func Callers(skip int, pc []uintptr) int
func funcName(pc uintptr) string
func funcFileLine(pc uintptr) (file string, line int)
func funcEntry(pc uintptr) uintptr
func Version() string

type Func struct {
	entry uintptr
}

func FuncForPC(pc uintptr) *Func {
	e := funcEntry(pc)
	if e == 0 {
		return nil
	}
	return &Func{e}
}

func (f *Func) Name() string {
	if f == nil {
		return ""
	}
	return funcName(f.entry)
}

func (f *Func) Entry() uintptr { return f.entry }

func (f *Func) FileLine(pc uintptr) (file string, line int) { return funcFileLine(pc) }

type Frame struct {
	PC       uintptr
	Func     *Func
	Function string
	File     string
	Line     int
	Entry    uintptr
}

type Frames struct {
	pcs []uintptr
}

func CallersFrames(callers []uintptr) *Frames { return &Frames{callers} }

func (ci *Frames) Next() (frame Frame, more bool) {
	if len(ci.pcs) == 0 {
		return Frame{}, false
	}
	pc := ci.pcs[0]
	ci.pcs = ci.pcs[1:]
	f := FuncForPC(pc)
	file, line := funcFileLine(pc)
	return Frame{PC: pc, Func: f, Function: f.Name(), File: file, Line: line, Entry: f.Entry()}, len(ci.pcs) > 0
}
