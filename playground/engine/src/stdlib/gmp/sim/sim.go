// Package sim exists only in the gmp simulator: it simulates what a
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
