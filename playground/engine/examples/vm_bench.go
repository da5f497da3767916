// The Go counterpart of vm_bench.rs: the same five programs, timed best of 7.
// Build and run it with real Go: cp vm_bench.go /tmp/x/main.go; cd /tmp/x; go build -o all main.go; ./all

package main

import (
	"fmt"
	"strings"
	"time"
)

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func sieve() int {
	const n = 2_000_000
	composite := make([]bool, n+1)
	count := 0
	for i := 2; i <= n; i++ {
		if !composite[i] {
			count++
			for j := i * i; j <= n; j += i {
				composite[j] = true
			}
		}
	}
	return count
}

var text string

func wordcount() int {
	counts := make(map[string]int)
	for i := 0; i < 1_000_000; i++ {
		k := (i * 7) % 64
		w := text[k*8 : k*8+8]
		counts[w]++
	}
	return len(counts)
}

func strbuild() int {
	var b []byte
	for i := 0; i < 1_000_000; i++ {
		b = append(b, byte('a'+i%26))
	}
	s := string(b)
	return len(s)
}

type Adder interface{ Add(int) int }
type Inc struct{ step int }

//go:noinline
func (c Inc) Add(x int) int { return x + c.step }

func iface(a Adder) int {
	total := 0
	for i := 0; i < 1_000_000; i++ {
		total = a.Add(total)
	}
	return total
}

func bench(name string, f func() int) {
	best := time.Hour
	r := 0
	for i := 0; i < 7; i++ {
		t := time.Now()
		r = f()
		if d := time.Since(t); d < best {
			best = d
		}
	}
	fmt.Printf("%-10s %9.3f ms  result %d\n", name, float64(best.Microseconds())/1000, r)
}

func main() {
	var sb strings.Builder
	for i := 0; i < 64; i++ {
		fmt.Fprintf(&sb, "word%04d", i)
	}
	text = sb.String()
	bench("fib27", func() int { return fib(27) })
	bench("sieve", sieve)
	bench("wordcount", wordcount)
	bench("strbuild", strbuild)
	var a Adder = Inc{3}
	bench("iface", func() int { return iface(a) })
}
