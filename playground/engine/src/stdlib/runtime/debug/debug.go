package debug

import "runtime"

func Stack() []byte

// PrintStack writes Stack to standard error, as Go's stack.go does
// (with print, which writes there, rather than importing os).
func PrintStack() {
	print(string(Stack()))
}

// The collector's knobs: their values are kept and returned as Go does;
// the engine's collector keeps its own pace (SetMaxStack does take effect).
var gcPercent = 100
var memoryLimit int64 = 1<<63 - 1
var maxThreads = 10000

func SetGCPercent(percent int) int {
	old := gcPercent
	gcPercent = percent
	return old
}

func SetMemoryLimit(limit int64) int64 {
	old := memoryLimit
	if limit >= 0 {
		memoryLimit = limit
	}
	return old
}

func SetMaxThreads(threads int) int {
	old := maxThreads
	maxThreads = threads
	return old
}

func FreeOSMemory() { runtime.GC() }

func SetMaxStack(bytes int) int
