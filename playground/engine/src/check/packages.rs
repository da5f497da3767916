//! The standard library as the checker sees it: one Go "stub" source per
//! package, parsed by our own parser and checked like user code. Functions
//! and methods without a body are native (implemented in Rust by the VM,
//! named `"strings.Contains"`, `"strings.(*Builder).WriteString"`); package
//! variables without initializer are native too (`os.Stdout`). Adding a
//! package is adding a string here.
//!
//! Unexported helper types (`errors.errorString`) stand in for the real
//! implementation types so that `%T` and method sets behave as in Go.

/// Every package the playground provides (the stub test checks each).
#[cfg_attr(not(test), allow(dead_code))]
pub const ALL: &[&str] = &[
    "fmt",
    "errors",
    "io",
    "os",
    "strings",
    "strconv",
    "sort",
    "math",
    "unicode/utf8",
    "unicode",
    "runtime",
    "runtime/debug",
    "runtime/pprof",
    "sync",
    "sync/atomic",
    "slices",
    "cmp",
    "time",
    "context",
    "math/rand",
    "bytes",
    "log",
    "gmp/sim",
    "syscall",
    "os/signal",
    "golang.org/x/sync/errgroup",
];

/// Members of provided packages that exist in Go but that the playground
/// cannot offer: reported as unsupported rather than undefined.
pub fn unsupported_member(path: &str, name: &str) -> Option<&'static str> {
    Some(match (path, name) {
        ("runtime", "AddCleanup") => "runtime.AddCleanup (a generic function; use runtime.SetFinalizer)",
        ("runtime", "Cleanup") => "runtime.Cleanup (from the generic runtime.AddCleanup)",
        (p, n) if super::generic::is_generic(p, n) => "a generic function used as a value (call it)",
        _ => return None,
    })
}

pub fn stub_source(path: &str) -> Option<&'static str> {
    Some(match path {
        "fmt" => FMT,
        "errors" => ERRORS,
        "io" => IO,
        "os" => OS,
        "strings" => STRINGS,
        "strconv" => STRCONV,
        "sort" => SORT,
        "math" => MATH,
        "unicode/utf8" => UTF8,
        "unicode" => UNICODE,
        "runtime" => RUNTIME,
        "runtime/debug" => DEBUG,
        "runtime/pprof" => PPROF,
        "sync" => SYNC,
        "sync/atomic" => ATOMIC,
        "time" => TIME,
        "context" => CONTEXT,
        "slices" => SLICES,
        "cmp" => CMP,
        "maps" => return None,
        "math/rand" => RAND,
        "bytes" => BYTES,
        "log" => LOG,
        "gmp/sim" => SIM,
        "syscall" => SYSCALL,
        "os/signal" => SIGNAL,
        "golang.org/x/sync/errgroup" => ERRGROUP,
        _ => return None,
    })
}

const FMT: &str = r#"package fmt
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
func Fprint(w io.Writer, a ...any) (n int, err error)
func Fprintln(w io.Writer, a ...any) (n int, err error)
func Fprintf(w io.Writer, format string, a ...any) (n int, err error)
func Sscanf(str string, format string, a ...any) (n int, err error)
func Sscan(str string, a ...any) (n int, err error)
func Append(b []byte, a ...any) []byte
func Appendf(b []byte, format string, a ...any) []byte
"#;

const ERRORS: &str = r#"package errors
type errorString struct { s string }
func (e *errorString) Error() string
func New(text string) error
func Is(err, target error) bool
func As(err error, target any) bool
func Unwrap(err error) error
func Join(errs ...error) error
var ErrUnsupported error
"#;

const IO: &str = r#"package io
type Writer interface { Write(p []byte) (n int, err error) }
type Reader interface { Read(p []byte) (n int, err error) }
type StringWriter interface { WriteString(s string) (n int, err error) }
var EOF error
var ErrUnexpectedEOF error
"#;

const OS: &str = r#"package os
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
// Signals (compile/stdlib/signal.rs). Interrupt and Kill are variables of
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
"#;

const STRINGS: &str = r#"package strings
type Builder struct { buf []byte }
func (b *Builder) WriteString(s string) (int, error)
func (b *Builder) WriteByte(c byte) error
func (b *Builder) WriteRune(r rune) (int, error)
func (b *Builder) Write(p []byte) (int, error)
func (b *Builder) String() string
func (b *Builder) Len() int
func (b *Builder) Cap() int
func (b *Builder) Reset()
func (b *Builder) Grow(n int)
type Reader struct { s string }
func NewReader(s string) *Reader
func (r *Reader) Len() int
func (r *Reader) Read(b []byte) (n int, err error)
type Replacer struct { r []string }
func NewReplacer(oldnew ...string) *Replacer
func (r *Replacer) Replace(s string) string
func Contains(s, substr string) bool
func ContainsAny(s, chars string) bool
func ContainsRune(s string, r rune) bool
func ContainsFunc(s string, f func(rune) bool) bool
func Count(s, substr string) int
func Cut(s, sep string) (before, after string, found bool)
func CutPrefix(s, prefix string) (after string, found bool)
func CutSuffix(s, suffix string) (before string, found bool)
func EqualFold(s, t string) bool
func Fields(s string) []string
func FieldsFunc(s string, f func(rune) bool) []string
func HasPrefix(s, prefix string) bool
func HasSuffix(s, suffix string) bool
func Index(s, substr string) int
func IndexAny(s, chars string) int
func IndexByte(s string, c byte) int
func IndexFunc(s string, f func(rune) bool) int
func IndexRune(s string, r rune) int
func Join(elems []string, sep string) string
func LastIndex(s, substr string) int
func LastIndexAny(s, chars string) int
func LastIndexByte(s string, c byte) int
func Map(mapping func(rune) rune, s string) string
func Repeat(s string, count int) string
func Replace(s, old, new string, n int) string
func ReplaceAll(s, old, new string) string
func Split(s, sep string) []string
func SplitAfter(s, sep string) []string
func SplitN(s, sep string, n int) []string
func Title(s string) string
func ToLower(s string) string
func ToTitle(s string) string
func ToUpper(s string) string
func Trim(s, cutset string) string
func TrimFunc(s string, f func(rune) bool) string
func TrimLeft(s, cutset string) string
func TrimPrefix(s, prefix string) string
func TrimRight(s, cutset string) string
func TrimSpace(s string) string
func TrimSuffix(s, suffix string) string
func Compare(a, b string) int
func Clone(s string) string
"#;

const STRCONV: &str = r#"package strconv
type NumError struct {
	Func string
	Num  string
	Err  error
}
func (e *NumError) Error() string
func (e *NumError) Unwrap() error
var ErrRange error
var ErrSyntax error
const IntSize = 64
func Itoa(i int) string
func Atoi(s string) (int, error)
func ParseInt(s string, base int, bitSize int) (i int64, err error)
func ParseUint(s string, base int, bitSize int) (uint64, error)
func ParseFloat(s string, bitSize int) (float64, error)
func ParseBool(str string) (bool, error)
func FormatInt(i int64, base int) string
func FormatUint(i uint64, base int) string
func FormatFloat(f float64, fmt byte, prec, bitSize int) string
func FormatBool(b bool) string
func Quote(s string) string
func QuoteRune(r rune) string
func QuoteToASCII(s string) string
func Unquote(s string) (string, error)
func AppendInt(dst []byte, i int64, base int) []byte
func AppendQuote(dst []byte, s string) []byte
"#;

const SORT: &str = r#"package sort
type Interface interface {
	Len() int
	Less(i, j int) bool
	Swap(i, j int)
}
func Ints(x []int)
func Strings(x []string)
func Float64s(x []float64)
func IntsAreSorted(x []int) bool
func StringsAreSorted(x []string) bool
func Slice(x any, less func(i, j int) bool)
func SliceStable(x any, less func(i, j int) bool)
func SliceIsSorted(x any, less func(i, j int) bool) bool
func Sort(data Interface)
func Stable(data Interface)
func IsSorted(data Interface) bool
func Search(n int, f func(int) bool) int
func SearchInts(a []int, x int) int
func SearchStrings(a []string, x string) int
type IntSlice []int
func (x IntSlice) Len() int
func (x IntSlice) Less(i, j int) bool
func (x IntSlice) Swap(i, j int)
func (x IntSlice) Sort()
type StringSlice []string
func (x StringSlice) Len() int
func (x StringSlice) Less(i, j int) bool
func (x StringSlice) Swap(i, j int)
func (x StringSlice) Sort()
type Float64Slice []float64
func (x Float64Slice) Len() int
func (x Float64Slice) Less(i, j int) bool
func (x Float64Slice) Swap(i, j int)
func (x Float64Slice) Sort()
type reverse struct { Interface Interface }
func (r *reverse) Len() int
func (r *reverse) Less(i, j int) bool
func (r *reverse) Swap(i, j int)
func Reverse(data Interface) Interface
"#;

const MATH: &str = r#"package math
const (
	E   = 2.71828182845904523536028747135266249775724709369995957496696763
	Pi  = 3.14159265358979323846264338327950288419716939937510582097494459
	Phi = 1.61803398874989484820458683436563811772030917980576286213544862
	Sqrt2 = 1.41421356237309504880168872420969807856967187537694807317667974
	Ln2 = 0.693147180559945309417232121458176568075500134360255254120680009
	MaxFloat64 = 1.79769313486231570814527423731704356798070e+308
	SmallestNonzeroFloat64 = 4.9406564584124654417656879286822137236505980e-324
	MaxFloat32 = 3.40282346638528859811704183484516925440e+38
	MaxInt    = 1<<63 - 1
	MinInt    = -1 << 63
	MaxInt8   = 1<<7 - 1
	MinInt8   = -1 << 7
	MaxInt16  = 1<<15 - 1
	MinInt16  = -1 << 15
	MaxInt32  = 1<<31 - 1
	MinInt32  = -1 << 31
	MaxInt64  = 1<<63 - 1
	MinInt64  = -1 << 63
	MaxUint   = 1<<64 - 1
	MaxUint8  = 1<<8 - 1
	MaxUint16 = 1<<16 - 1
	MaxUint32 = 1<<32 - 1
	MaxUint64 = 1<<64 - 1
)
func Abs(x float64) float64
func Ceil(x float64) float64
func Floor(x float64) float64
func Trunc(x float64) float64
func Round(x float64) float64
func RoundToEven(x float64) float64
func Sqrt(x float64) float64
func Cbrt(x float64) float64
func Pow(x, y float64) float64
func Pow10(n int) float64
func Exp(x float64) float64
func Exp2(x float64) float64
func Log(x float64) float64
func Log2(x float64) float64
func Log10(x float64) float64
func Log1p(x float64) float64
func Sin(x float64) float64
func Cos(x float64) float64
func Tan(x float64) float64
func Asin(x float64) float64
func Acos(x float64) float64
func Atan(x float64) float64
func Atan2(y, x float64) float64
func Sinh(x float64) float64
func Cosh(x float64) float64
func Tanh(x float64) float64
func Hypot(p, q float64) float64
func Max(x, y float64) float64
func Min(x, y float64) float64
func Mod(x, y float64) float64
func Modf(f float64) (int float64, frac float64)
func Remainder(x, y float64) float64
func Inf(sign int) float64
func NaN() float64
func IsInf(f float64, sign int) bool
func IsNaN(f float64) bool
func Signbit(x float64) bool
func Copysign(f, sign float64) float64
func Dim(x, y float64) float64
func Float64bits(f float64) uint64
func Float64frombits(b uint64) float64
func Float32bits(f float32) uint32
func Float32frombits(b uint32) float32
"#;

const UTF8: &str = r#"package utf8
const (
	RuneError = '\uFFFD'
	RuneSelf  = 0x80
	MaxRune   = '\U0010FFFF'
	UTFMax    = 4
)
func RuneLen(r rune) int
func RuneCountInString(s string) int
func RuneCount(p []byte) int
func DecodeRuneInString(s string) (rune, int)
func DecodeLastRuneInString(s string) (rune, int)
func DecodeRune(p []byte) (rune, int)
func EncodeRune(p []byte, r rune) int
func AppendRune(p []byte, r rune) []byte
func ValidString(s string) bool
func Valid(p []byte) bool
func ValidRune(r rune) bool
"#;

const UNICODE: &str = r#"package unicode
func IsLetter(r rune) bool
func IsDigit(r rune) bool
func IsNumber(r rune) bool
func IsSpace(r rune) bool
func IsUpper(r rune) bool
func IsLower(r rune) bool
func IsPunct(r rune) bool
func ToUpper(r rune) rune
func ToLower(r rune) rune
"#;

const RUNTIME: &str = r#"package runtime
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
"#;

const DEBUG: &str = r#"package debug
func Stack() []byte
"#;

const PPROF: &str = r#"package pprof
import "io"
type Profile struct {
	name string
	n int
}
func Lookup(name string) *Profile
func NewProfile(name string) *Profile
func Profiles() []*Profile
func (p *Profile) Name() string
func (p *Profile) Count() int
func (p *Profile) Add(value any, skip int)
func (p *Profile) Remove(value any)
func (p *Profile) WriteTo(w io.Writer, debug int) error
"#;

const SYNC: &str = r#"package sync
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
func (wg *WaitGroup) Go(f func())
type Once struct { done uint32; m Mutex }
func (o *Once) Do(f func())
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
"#;

const ATOMIC: &str = r#"package atomic
func AddInt32(addr *int32, delta int32) (new int32)
func LoadInt32(addr *int32) (val int32)
func StoreInt32(addr *int32, val int32)
func SwapInt32(addr *int32, new int32) (old int32)
func CompareAndSwapInt32(addr *int32, old, new int32) (swapped bool)
func AndInt32(addr *int32, mask int32) (old int32)
func OrInt32(addr *int32, mask int32) (old int32)
type Int32 struct { v int32 }
func (x *Int32) Load() int32
func (x *Int32) Store(val int32)
func (x *Int32) Add(delta int32) (new int32)
func (x *Int32) Swap(new int32) (old int32)
func (x *Int32) CompareAndSwap(old, new int32) (swapped bool)
func (x *Int32) And(mask int32) (old int32)
func (x *Int32) Or(mask int32) (old int32)
func AddInt64(addr *int64, delta int64) (new int64)
func LoadInt64(addr *int64) (val int64)
func StoreInt64(addr *int64, val int64)
func SwapInt64(addr *int64, new int64) (old int64)
func CompareAndSwapInt64(addr *int64, old, new int64) (swapped bool)
func AndInt64(addr *int64, mask int64) (old int64)
func OrInt64(addr *int64, mask int64) (old int64)
type Int64 struct { v int64 }
func (x *Int64) Load() int64
func (x *Int64) Store(val int64)
func (x *Int64) Add(delta int64) (new int64)
func (x *Int64) Swap(new int64) (old int64)
func (x *Int64) CompareAndSwap(old, new int64) (swapped bool)
func (x *Int64) And(mask int64) (old int64)
func (x *Int64) Or(mask int64) (old int64)
func AddUint32(addr *uint32, delta uint32) (new uint32)
func LoadUint32(addr *uint32) (val uint32)
func StoreUint32(addr *uint32, val uint32)
func SwapUint32(addr *uint32, new uint32) (old uint32)
func CompareAndSwapUint32(addr *uint32, old, new uint32) (swapped bool)
func AndUint32(addr *uint32, mask uint32) (old uint32)
func OrUint32(addr *uint32, mask uint32) (old uint32)
type Uint32 struct { v uint32 }
func (x *Uint32) Load() uint32
func (x *Uint32) Store(val uint32)
func (x *Uint32) Add(delta uint32) (new uint32)
func (x *Uint32) Swap(new uint32) (old uint32)
func (x *Uint32) CompareAndSwap(old, new uint32) (swapped bool)
func (x *Uint32) And(mask uint32) (old uint32)
func (x *Uint32) Or(mask uint32) (old uint32)
func AddUint64(addr *uint64, delta uint64) (new uint64)
func LoadUint64(addr *uint64) (val uint64)
func StoreUint64(addr *uint64, val uint64)
func SwapUint64(addr *uint64, new uint64) (old uint64)
func CompareAndSwapUint64(addr *uint64, old, new uint64) (swapped bool)
func AndUint64(addr *uint64, mask uint64) (old uint64)
func OrUint64(addr *uint64, mask uint64) (old uint64)
type Uint64 struct { v uint64 }
func (x *Uint64) Load() uint64
func (x *Uint64) Store(val uint64)
func (x *Uint64) Add(delta uint64) (new uint64)
func (x *Uint64) Swap(new uint64) (old uint64)
func (x *Uint64) CompareAndSwap(old, new uint64) (swapped bool)
func (x *Uint64) And(mask uint64) (old uint64)
func (x *Uint64) Or(mask uint64) (old uint64)
func AddUintptr(addr *uintptr, delta uintptr) (new uintptr)
func LoadUintptr(addr *uintptr) (val uintptr)
func StoreUintptr(addr *uintptr, val uintptr)
func SwapUintptr(addr *uintptr, new uintptr) (old uintptr)
func CompareAndSwapUintptr(addr *uintptr, old, new uintptr) (swapped bool)
func AndUintptr(addr *uintptr, mask uintptr) (old uintptr)
func OrUintptr(addr *uintptr, mask uintptr) (old uintptr)
type Uintptr struct { v uintptr }
func (x *Uintptr) Load() uintptr
func (x *Uintptr) Store(val uintptr)
func (x *Uintptr) Add(delta uintptr) (new uintptr)
func (x *Uintptr) Swap(new uintptr) (old uintptr)
func (x *Uintptr) CompareAndSwap(old, new uintptr) (swapped bool)
func (x *Uintptr) And(mask uintptr) (old uintptr)
func (x *Uintptr) Or(mask uintptr) (old uintptr)
type Bool struct { v uint32 }
func (x *Bool) Load() bool
func (x *Bool) Store(val bool)
func (x *Bool) Swap(new bool) (old bool)
func (x *Bool) CompareAndSwap(old, new bool) (swapped bool)
type Value struct { v any }
func (v *Value) Load() (val any)
func (v *Value) Store(val any)
func (v *Value) Swap(new any) (old any)
func (v *Value) CompareAndSwap(old, new any) (swapped bool)
"#;

const TIME: &str = r#"package time
type Duration int64
const (
	Nanosecond  Duration = 1
	Microsecond          = 1000 * Nanosecond
	Millisecond          = 1000 * Microsecond
	Second               = 1000 * Millisecond
	Minute               = 60 * Second
	Hour                 = 60 * Minute
)
func (d Duration) String() string
func (d Duration) Seconds() float64
func (d Duration) Milliseconds() int64
func (d Duration) Microseconds() int64
func (d Duration) Nanoseconds() int64
func (d Duration) Minutes() float64
func (d Duration) Hours() float64
func (d Duration) Round(m Duration) Duration
func (d Duration) Truncate(m Duration) Duration
func (d Duration) Abs() Duration
// sec: seconds since January 1, year 1 UTC (the zero Time); nsec;
// mono: 1 if the time carries a monotonic reading (from Now), which on
// the virtual clock is its wall time minus the clock's start.
type Time struct { sec int64; nsec int64; mono int64 }
type Month int
const (
	January Month = 1 + iota
	February
	March
	April
	May
	June
	July
	August
	September
	October
	November
	December
)
func (m Month) String() string
type Weekday int
const (
	Sunday Weekday = iota
	Monday
	Tuesday
	Wednesday
	Thursday
	Friday
	Saturday
)
func (d Weekday) String() string
// Every time is UTC in the simulator (as on the Go Playground).
type Location struct { name string }
func (l *Location) String() string
var UTC *Location
var Local *Location
const (
	Layout      = "01/02 03:04:05PM '06 -0700"
	ANSIC       = "Mon Jan _2 15:04:05 2006"
	UnixDate    = "Mon Jan _2 15:04:05 MST 2006"
	RubyDate    = "Mon Jan 02 15:04:05 -0700 2006"
	RFC822      = "02 Jan 06 15:04 MST"
	RFC822Z     = "02 Jan 06 15:04 -0700"
	RFC850      = "Monday, 02-Jan-06 15:04:05 MST"
	RFC1123     = "Mon, 02 Jan 2006 15:04:05 MST"
	RFC1123Z    = "Mon, 02 Jan 2006 15:04:05 -0700"
	RFC3339     = "2006-01-02T15:04:05Z07:00"
	RFC3339Nano = "2006-01-02T15:04:05.999999999Z07:00"
	Kitchen     = "3:04PM"
	Stamp      = "Jan _2 15:04:05"
	StampMilli = "Jan _2 15:04:05.000"
	StampMicro = "Jan _2 15:04:05.000000"
	StampNano  = "Jan _2 15:04:05.000000000"
	DateTime   = "2006-01-02 15:04:05"
	DateOnly   = "2006-01-02"
	TimeOnly   = "15:04:05"
)
func Date(year int, month Month, day, hour, min, sec, nsec int, loc *Location) Time
func Unix(sec int64, nsec int64) Time
func UnixMilli(msec int64) Time
func UnixMicro(usec int64) Time
func (t Time) String() string
func (t Time) Format(layout string) string
func (t Time) Year() int
func (t Time) Month() Month
func (t Time) Day() int
func (t Time) Hour() int
func (t Time) Minute() int
func (t Time) Second() int
func (t Time) Nanosecond() int
func (t Time) Weekday() Weekday
func (t Time) YearDay() int
func (t Time) Date() (year int, month Month, day int)
func (t Time) Clock() (hour, min, sec int)
func (t Time) UTC() Time
func (t Time) Local() Time
func (t Time) In(loc *Location) Time
func (t Time) Location() *Location
func (t Time) Truncate(d Duration) Time
func (t Time) Round(d Duration) Time
func (t Time) AddDate(years int, months int, days int) Time
func (t Time) UnixMicro() int64
func Now() Time
func Since(t Time) Duration
func ParseDuration(s string) (Duration, error)
func (t Time) Sub(u Time) Duration
func (t Time) Add(d Duration) Time
func (t Time) Before(u Time) bool
func (t Time) After(u Time) bool
func (t Time) UnixNano() int64
func (t Time) UnixMilli() int64
func (t Time) Unix() int64
func (t Time) Equal(u Time) bool
func (t Time) Compare(u Time) int
func (t Time) IsZero() bool
func Until(t Time) Duration
func Sleep(d Duration)
func After(d Duration) <-chan Time
func Tick(d Duration) <-chan Time
type Timer struct { C <-chan Time; id int64; f func() }
func NewTimer(d Duration) *Timer
func (t *Timer) Stop() bool
func (t *Timer) Reset(d Duration) bool
func AfterFunc(d Duration, f func()) *Timer
type Ticker struct { C <-chan Time; id int64; f func() }
func NewTicker(d Duration) *Ticker
func (t *Ticker) Stop()
func (t *Ticker) Reset(d Duration)
"#;

const CONTEXT: &str = r#"package context
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
func WithCancel(parent Context) (ctx Context, cancel CancelFunc)
func WithCancelCause(parent Context) (ctx Context, cancel CancelCauseFunc)
func WithTimeout(parent Context, timeout time.Duration) (Context, CancelFunc)
func WithTimeoutCause(parent Context, timeout time.Duration, cause error) (Context, CancelFunc)
func WithDeadline(parent Context, d time.Time) (Context, CancelFunc)
func WithDeadlineCause(parent Context, d time.Time, cause error) (Context, CancelFunc)
func WithValue(parent Context, key, val any) Context
func WithoutCancel(parent Context) Context
func AfterFunc(ctx Context, f func()) (stop func() bool)
func Cause(c Context) error
"#;

/// `slices`: its functions are generic, typed per call by
/// `check/generic.rs` (natives in `compile/stdlib/slices.rs`).
const SLICES: &str = "package slices\n";

/// `cmp.Compare` and `cmp.Less` are generic: typed in `check/generic.rs`.
const CMP: &str = "package cmp\n";

const RAND: &str = r#"package rand
func Intn(n int) int
func Int() int
func Float64() float64
func Perm(n int) []int
func Shuffle(n int, swap func(i, j int))
func Seed(seed int64)
"#;

const BYTES: &str = r#"package bytes
type Buffer struct { buf []byte }
func (b *Buffer) Write(p []byte) (n int, err error)
func (b *Buffer) WriteString(s string) (n int, err error)
func (b *Buffer) WriteByte(c byte) error
func (b *Buffer) WriteRune(r rune) (n int, err error)
func (b *Buffer) String() string
func (b *Buffer) Len() int
func (b *Buffer) Reset()
func (b *Buffer) Bytes() []byte
func Contains(b, subslice []byte) bool
func Equal(a, b []byte) bool
func Count(s, sep []byte) int
"#;

const LOG: &str = r#"package log
import "io"
const (
	Ldate = 1 << iota
	Ltime
	Lmicroseconds
	Llongfile
	Lshortfile
	LUTC
	Lmsgprefix
	LstdFlags = Ldate | Ltime
)
type Logger struct {
	prefix string
	flag int
	out io.Writer
}
func New(out io.Writer, prefix string, flag int) *Logger
func (l *Logger) Print(v ...any)
func (l *Logger) Println(v ...any)
func (l *Logger) Printf(format string, v ...any)
func (l *Logger) Fatal(v ...any)
func (l *Logger) Fatalln(v ...any)
func (l *Logger) Fatalf(format string, v ...any)
func (l *Logger) Panic(v ...any)
func (l *Logger) Panicln(v ...any)
func (l *Logger) Panicf(format string, v ...any)
func (l *Logger) SetFlags(flag int)
func (l *Logger) SetPrefix(prefix string)
func (l *Logger) SetOutput(w io.Writer)
func (l *Logger) Flags() int
func (l *Logger) Prefix() string
func (l *Logger) Writer() io.Writer
func Print(v ...any)
func Println(v ...any)
func Printf(format string, v ...any)
func Fatal(v ...any)
func Fatalln(v ...any)
func Fatalf(format string, v ...any)
func Panic(v ...any)
func Panicln(v ...any)
func Panicf(format string, v ...any)
func SetFlags(flag int)
func SetPrefix(prefix string)
func Flags() int
func Prefix() string
"#;

/// Simulator-only: what a program in a browser cannot do for real, done on
/// the virtual clock (`compile/stdlib/sim.rs`). Real Go has no such package.
const SIM: &str = r#"// Package sim exists only in the gmp simulator: it simulates what a
// browser cannot do for real. Real Go has no such package.
package sim
import "time"
// Syscall blocks in a system call for d: the goroutine is in _Gsyscall,
// its M blocks, and sysmon hands the P to another M after 20µs.
func Syscall(d time.Duration)
// Cgo makes a cgo call lasting d (to the scheduler, a system call).
func Cgo(d time.Duration)
// Work does CPU-bound work for d; it can be preempted like any code.
func Work(d time.Duration)
"#;

const SYSCALL: &str = r#"package syscall
type Signal int
func (s Signal) Signal()
func (s Signal) String() string
const (
	SIGHUP  = Signal(0x1)
	SIGINT  = Signal(0x2)
	SIGQUIT = Signal(0x3)
	SIGABRT = Signal(0x6)
	SIGKILL = Signal(0x9)
	SIGUSR1 = Signal(0xa)
	SIGSEGV = Signal(0xb)
	SIGUSR2 = Signal(0xc)
	SIGPIPE = Signal(0xd)
	SIGALRM = Signal(0xe)
	SIGTERM = Signal(0xf)
)
func Kill(pid int, sig Signal) (err error)
func Getpid() (pid int)
"#;

/// `os/signal`: registration and delivery are process requests
/// (`process/sys_misc.rs`).
const SIGNAL: &str = r#"package signal
import "os"
import "context"
func NotifyContext(parent context.Context, signals ...os.Signal) (ctx context.Context, stop context.CancelFunc)
func Notify(c chan<- os.Signal, sig ...os.Signal)
func Stop(c chan<- os.Signal)
func Ignore(sig ...os.Signal)
func Ignored(sig os.Signal) bool
func Reset(sig ...os.Signal)
"#;

/// `golang.org/x/sync/errgroup` (compile/stdlib/errgroup.rs): the fields
/// are the state its natives and the process keep.
const ERRGROUP: &str = r#"package errgroup
import "context"
type Group struct {
	err     error
	cancel  func(error)
	running int
	limit   int
	tokens  int
	errSet  bool
}
func WithContext(ctx context.Context) (*Group, context.Context)
func (g *Group) Go(f func() error)
func (g *Group) TryGo(f func() error) bool
func (g *Group) Wait() error
func (g *Group) SetLimit(n int)
"#;
