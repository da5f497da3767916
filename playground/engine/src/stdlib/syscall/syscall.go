package syscall
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
