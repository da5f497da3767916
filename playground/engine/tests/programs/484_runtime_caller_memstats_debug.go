package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"
)

func where(skip int) string {
	pc, file, line, ok := runtime.Caller(skip)
	return fmt.Sprint(file[strings.LastIndex(file, "/")+1:], ":", line, " ", ok, " ", runtime.FuncForPC(pc).Name())
}

type T struct{}

func (T) method() string { return where(1) }

func stack() []string {
	pcs := make([]uintptr, 16)
	n := runtime.Callers(1, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	var out []string
	for {
		f, more := frames.Next()
		if strings.HasPrefix(f.Function, "main.") {
			out = append(out, fmt.Sprintf("%s:%d", f.Function, f.Line))
		}
		if !more {
			break
		}
	}
	return out
}

func main() {
	fmt.Println(where(0))
	fmt.Println(where(1))
	fmt.Println(T{}.method())
	func() {
		fmt.Println(where(1))
		fmt.Println(stack())
	}()
	_, _, _, ok := runtime.Caller(100)
	fmt.Println(ok, runtime.FuncForPC(0) == nil)
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Println(ms.EnableGC, ms.HeapAlloc > 0, ms.Mallocs >= ms.Frees, len(ms.PauseNs), len(ms.BySize))
	fmt.Println(debug.SetGCPercent(50), debug.SetGCPercent(-1), debug.SetMemoryLimit(-1) > 0, debug.SetMaxThreads(100))
	fmt.Println(debug.SetMaxStack(1<<20), debug.SetMaxStack(1<<30))
	debug.FreeOSMemory()
	fmt.Println(strings.HasPrefix(runtime.Version(), "go1."))
}
