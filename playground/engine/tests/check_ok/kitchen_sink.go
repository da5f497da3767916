package main

import (
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"
	"sync"
	"time"
)

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	_
	Wednesday
)

const (
	KB = 1 << (10 * (iota + 1))
	MB
)

func (d Weekday) String() string { return [...]string{"Sun", "Mon", "Tue", "Wed"}[d] }

type MyErr struct{ Code int }

func (e *MyErr) Error() string { return fmt.Sprintf("code %d", e.Code) }

type Stack []int

func (s *Stack) Push(v int) { *s = append(*s, v) }
func (s Stack) Len() int     { return len(s) }

type Animal interface{ Sound() string }
type Dog struct{ name string }

func (d Dog) Sound() string { return d.name + " woof" }

type Logger struct {
	sync.Mutex
	lines []string
}

func (l *Logger) Log(s string) {
	l.Lock()
	defer l.Unlock()
	l.lines = append(l.lines, s)
}

func divide(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	q = a / b
	return
}

func find(xs []int, want int) (int, bool) {
	for i, x := range xs {
		if x == want {
			return i, true
		}
	}
	return -1, false
}

func classify(v any) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case int, int64:
		return fmt.Sprint("int ", x)
	case string:
		return "string " + x
	case error:
		return x.Error()
	default:
		return fmt.Sprintf("%T", x)
	}
}

func main() {
	var s Stack
	s.Push(1)
	s.Push(2)
	fmt.Println(s.Len(), Monday, Wednesday, KB, MB)
	var a Animal = Dog{"rex"}
	if d, ok := a.(Dog); ok {
		fmt.Println(d.Sound())
	}
	f := a.Sound
	fmt.Println(f())
	g := Dog.Sound
	fmt.Println(g(Dog{"x"}))
	var err error = &MyErr{3}
	var me *MyErr
	if errors.As(err, &me) {
		fmt.Println(me.Code)
	}
	wrapped := fmt.Errorf("wrap: %w", err)
	fmt.Println(errors.Is(wrapped, err), errors.Unwrap(wrapped) == err)
	q, err := divide(1, 0)
	fmt.Println(q, err)
	if i, ok := find([]int{1, 2, 3}, 2); ok {
		fmt.Println(i)
	}
	var wg sync.WaitGroup
	ch := make(chan int, 3)
	for i := range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ch <- i * 2
		}()
	}
	wg.Wait()
	close(ch)
	total := 0
	for v := range ch {
		total += v
	}
	select {
	case v, ok := <-ch:
		fmt.Println(v, ok)
	case <-time.After(10 * time.Millisecond):
	default:
	}
	d := time.Duration(3) * time.Second
	fmt.Println(d, total, time.Second*2)
	var sb strings.Builder
	for i, r := range "héllo" {
		sb.WriteRune(r)
		_ = i
	}
	b := []byte(sb.String())
	b = append(b, "xyz"...)
	n := copy(b, "ab")
	fmt.Println(string(b), n, string(rune(65)), min(1, 2.5), max("a", "b"))
	people := []struct {
		Name string
		Age  int
	}{{"A", 3}, {"B", 1}}
	sort.Slice(people, func(i, j int) bool { return people[i].Age < people[j].Age })
	m := map[string][]int{}
	m["a"] = append(m["a"], 1)
	delete(m, "a")
	clear(m)
	var fib func(int) int
	fib = func(n int) int {
		if n < 2 {
			return n
		}
		return fib(n-1) + fib(n-2)
	}
	type point struct{ x, y int }
	p1, p2 := point{1, 2}, point{1, 2}
	fmt.Println(p1 == p2, [2]point{} == [2]point{}, fib(10), classify(nil), classify(3))
	l := &Logger{}
	l.Log("x")
	arr := [5]int{1, 2, 3}
	sl := arr[1:3:4]
	pa := &arr
	for i := range pa {
		pa[i]++
	}
	fmt.Println(len(arr), cap(sl), len(pa))
	len := 3
	_ = len
outer:
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			if j == 1 {
				continue outer
			}
			if i == 2 {
				break outer
			}
		}
	}
	switch x := 5; {
	case x > 3:
		fmt.Println("big")
		fallthrough
	case x > 1:
		fmt.Println("medium")
	}
	var iface interface{ Sound() string } = Dog{}
	_ = iface
	var u8 uint8 = 255
	u8++
	x := 1.5
	y := int(x) + 'a'
	fmt.Fprintln(os.Stderr, u8, y, ^0, -7>>1, 7&^5, 1e3)
	os.Exit(0)
}
