// Generic code learners write: constraints with methods, conversions
// between type parameters, type switches on any(v), options, a binary
// tree, sorted keys, embedded instances, method values and expressions.
package main

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

type Stringer interface{ String() string }

type ID int

func (i ID) String() string { return fmt.Sprintf("#%d", int(i)) }

func JoinAll[T Stringer](xs []T, sep string) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = x.String()
	}
	return strings.Join(parts, sep)
}

type Number interface{ ~int | ~float64 }

func Avg[T Number](xs []T) float64 {
	var s T
	for _, x := range xs {
		s += x
	}
	return float64(s) / float64(len(xs))
}

func Convert[From, To Number](xs []From) []To {
	out := make([]To, len(xs))
	for i, x := range xs {
		out[i] = To(x)
	}
	return out
}

func Kind[T any](v T) string {
	switch x := any(v).(type) {
	case int:
		return fmt.Sprint("int ", x)
	case string:
		return "string " + x
	default:
		return fmt.Sprintf("other %T", x)
	}
}

type Opt[T any] struct {
	val T
	ok  bool
}

func Some[T any](v T) Opt[T] { return Opt[T]{v, true} }
func None[T any]() Opt[T]     { return Opt[T]{} }

func (o Opt[T]) Get() (T, error) {
	if !o.ok {
		var z T
		return z, errors.New("empty")
	}
	return o.val, nil
}

func (o Opt[T]) OrElse(d T) T {
	if o.ok {
		return o.val
	}
	return d
}

type Tree[T interface{ ~int | ~string }] struct {
	Left, Right *Tree[T]
	Val         T
}

func (t *Tree[T]) Insert(v T) *Tree[T] {
	if t == nil {
		return &Tree[T]{Val: v}
	}
	if v < t.Val {
		t.Left = t.Left.Insert(v)
	} else {
		t.Right = t.Right.Insert(v)
	}
	return t
}

func (t *Tree[T]) Walk(f func(T)) {
	if t == nil {
		return
	}
	t.Left.Walk(f)
	f(t.Val)
	t.Right.Walk(f)
}

func SortedKeys[K interface{ ~int | ~string }, V any](m map[K]V) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	return keys
}

type Named struct{ Opt[string] }

func First[T any, S ~[]T](s S) T { return s[0] }

var global = Some(3.5)

func Apply[T any](fs ...func(T) T) func(T) T {
	return func(x T) T {
		for _, f := range fs {
			x = f(x)
		}
		return x
	}
}

func main() {
	fmt.Println(JoinAll([]ID{1, 2, 3}, ", "))
	fmt.Println(Avg([]int{1, 2, 4}), Avg([]float64{1.5}))
	fmt.Println(Convert[int, float64]([]int{1, 2}), Convert[float64, int]([]float64{2.7}))
	fmt.Println(Kind(3), Kind("x"), Kind(2.5), Kind([]int{}))
	v, err := None[int]().Get()
	fmt.Println(v, err, Some("x").OrElse("y"), None[string]().OrElse("y"))
	var t *Tree[string]
	for _, w := range []string{"m", "c", "x", "a"} {
		t = t.Insert(w)
	}
	t.Walk(func(s string) { fmt.Print(s, " ") })
	fmt.Println()
	fmt.Println(SortedKeys(map[string]bool{"b": true, "a": false}))
	n := Named{Some("emb")}
	fmt.Println(n.OrElse("no"), n)
	fmt.Println(First([]string{"q"}), global.OrElse(0))
	inc := Apply(func(x int) int { return x + 1 }, func(x int) int { return x * 10 })
	fmt.Println(inc(1))
	get := Opt[int].OrElse
	fmt.Println(get(Some(5), 0))
	m := Some(9).OrElse
	fmt.Println(m(1))
	fmt.Printf("%v %+v %T\n", Some(1), Some("a"), None[map[string]int]())
	fmt.Printf("%T %T\n", t, Apply[string])
}
