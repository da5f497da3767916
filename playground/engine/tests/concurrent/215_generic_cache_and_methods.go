// A generic cache behind a mutex filled by goroutines, a generic bag
// that satisfies an interface, recursion through a generic function, and
// Go's runtime panic comparing uncomparable values through comparable.
package main

import (
	"fmt"
	"strings"
	"sync"
)

type Cache[K comparable, V any] struct {
	mu sync.Mutex
	m  map[K]V
}

func NewCache[K comparable, V any]() *Cache[K, V] { return &Cache[K, V]{m: make(map[K]V)} }

func (c *Cache[K, V]) Put(k K, v V) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m[k] = v
}

func (c *Cache[K, V]) Get(k K) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.m[k]
	return v, ok
}

type Sizer interface{ Len() int }

type Bag[T any] struct{ xs []T }

func (b *Bag[T]) Add(x T)  { b.xs = append(b.xs, x) }
func (b *Bag[T]) Len() int { return len(b.xs) }

func Total[T Sizer](xs ...T) int {
	n := 0
	for _, x := range xs {
		n += x.Len()
	}
	return n
}

func Dup[T any](v T) (T, T) { return v, v }

func Counter[T any]() func(T) int {
	seen := 0
	return func(T) int { seen++; return seen }
}

func Eq[T comparable](a, b T) bool { return a == b }

func Fact[T ~int | ~int8](n T) T {
	if n <= 1 {
		return 1
	}
	return n * Fact(n-1)
}

func Classify[T any](v T) string {
	switch any(v).(type) {
	case T:
		return "T"
	default:
		return "?"
	}
}

type Wrapper[T any] struct {
	Bag[T]
	name string
}

func Join[T fmt.Stringer](xs []T) string {
	var sb strings.Builder
	for i, x := range xs {
		if i > 0 {
			sb.WriteString("+")
		}
		sb.WriteString(x.String())
	}
	return sb.String()
}

type Pt struct{ X, Y int }

func (p Pt) String() string { return fmt.Sprintf("(%d,%d)", p.X, p.Y) }

func main() {
	c := NewCache[string, []int]()
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.Put(fmt.Sprint("k", i), []int{i})
		}()
	}
	wg.Wait()
	v, ok := c.Get("k2")
	fmt.Println(v, ok, len(c.m))
	b := &Bag[string]{}
	b.Add("x")
	var s Sizer = b
	fmt.Println(s.Len(), Total(b, b))
	add := b.Add
	add("y")
	lenf := (*Bag[string]).Len
	fmt.Println(lenf(b))
	x, y := Dup([]string{"d"})
	fmt.Println(x, y)
	cnt := Counter[string]()
	cnt("a")
	fmt.Println(cnt("b"))
	fmt.Println(Eq(1, 1), Eq("a", "b"), Eq[any](1, 1))
	fmt.Println(Fact(5), Fact(int8(6)))
	fmt.Println(Classify(3), Classify("s"))
	w := Wrapper[int]{name: "w"}
	w.Add(4)
	fmt.Println(w.Len(), w)
	fmt.Println(Join([]Pt{{1, 2}, {3, 4}}))
	fmt.Printf("%v %+v\n", NewCache[int, int]().m, *b)
	defer func() { fmt.Println("recovered:", recover()) }()
	fmt.Println(Eq[any]([]int{1}, []int{1}))
}
