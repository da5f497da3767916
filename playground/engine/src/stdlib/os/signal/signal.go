package signal
import "os"
import "context"
func NotifyContext(parent context.Context, signals ...os.Signal) (ctx context.Context, stop context.CancelFunc)
func Notify(c chan<- os.Signal, sig ...os.Signal)
func Stop(c chan<- os.Signal)
func Ignore(sig ...os.Signal)
func Ignored(sig os.Signal) bool
func Reset(sig ...os.Signal)
