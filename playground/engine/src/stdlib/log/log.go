package log
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
func SetOutput(w io.Writer)
func Flags() int
func Prefix() string
