// cases.go produces the expectations of the format module's tests from real
// Go: it formats many values with fmt and strconv and writes Rust data
// (values serialized as FmtValue constructors, with the output Go printed)
// to standard output.
//
// Regenerate (from this directory; any scratch directory works):
//
//	mkdir -p /tmp/fmtcases && cp cases.go /tmp/fmtcases/ && cd /tmp/fmtcases &&
//	go run cases.go > <repo>/playground/engine/src/format/testdata/generated.rs
//
// With FMTCASES_BIG=/tmp/big.txt it also writes ~90k random Sprintf cases
// for the ignored test big_printf_file (see tests.rs). (The print/println
// builtins are the VM's, checked by the fidelity corpus.)
//
// Produced with Go 1.27.3 linux/amd64. Addresses in the data are the real
// ones of that run; the Rust side formats the same addresses, so the
// expectations stay consistent whatever they are.
package main

import (
	"errors"
	"fmt"
	"math"
	"math/rand"
	"os"
	"reflect"
	"runtime"
	"strconv"
	"strings"
)

type Point struct{ X, Y int }
type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type MyInt int
type MyString string
type MyBool bool
type Bytes []byte
type Errno int

func (e Errno) Error() string { return "errno " + strconv.Itoa(int(e)) }

type PtrErr struct{ Code int }

func (e *PtrErr) Error() string { return fmt.Sprintf("code %d", e.Code) }

type Named struct{ Name string }

func (n Named) String() string { return "Named(" + n.Name + ")" }

type Holder struct {
	Pub  Named
	priv Named
	Any  any
	Err  error
}
type Panicky struct{ N int }

func (p Panicky) String() string { panic("boom") }

type NilPanicky struct{ N int }

func (p *NilPanicky) String() string { return strconv.Itoa(p.N) }

type GoStr struct{ A int }

func (g GoStr) GoString() string { return "GoStr!" }

type BadGo struct{}

func (BadGo) GoString() string { panic(errors.New("gs failed")) }

type NilOK struct{ N int }

func (n *NilOK) String() string {
	if n == nil {
		return "nil NilOK"
	}
	return "NilOK"
}

type Deref struct{ N int }

func (d *Deref) Error() string { return strconv.Itoa(d.N) } // nil receiver: runtime error

type Inner struct{ A, B int }
type Outer struct {
	Inner
	P    *Point
	Tags []string
	M    map[string]int
}
type Both struct{}

func (Both) Error() string  { return "as-error" }
func (Both) String() string { return "as-string" }

type Temp int

func (t Temp) String() string { return fmt.Sprintf("%d degrees", int(t)) }

var (
	out    strings.Builder
	values []any
	vexprs []string
)

func rb(b []byte) string {
	var sb strings.Builder
	sb.WriteString(`b"`)
	for _, c := range b {
		switch {
		case c == '"' || c == '\\':
			sb.WriteByte('\\')
			sb.WriteByte(c)
		case c >= 0x20 && c < 0x7f:
			sb.WriteByte(c)
		default:
			fmt.Fprintf(&sb, `\x%02x`, c)
		}
	}
	sb.WriteString(`"`)
	return sb.String()
}

func rs(s string) string { return rb([]byte(s)) }

func q(s string) string { return strconv.Quote(s) } // a Rust &str literal for ASCII type names

func methodResult(call func() string) (res string) {
	defer func() {
		if r := recover(); r != nil {
			res = "pan(" + ser(reflect.ValueOf(r), 0, true, false) + ")"
		}
	}()
	return "txt(" + rs(call()) + ")"
}

// ser writes v as a Rust FmtValue expression, as fmt sees it.
func ser(v reflect.Value, depth int, canIface bool, inPointee bool) string {
	if !v.IsValid() {
		return "nil_arg()"
	}
	if v.Kind() == reflect.Interface {
		if v.IsNil() {
			return "nil_i(" + q(v.Type().String()) + ")"
		}
		return ser(v.Elem(), depth, canIface, inPointee)
	}
	inner := serBase(v, depth, canIface, inPointee)
	if canIface && v.CanInterface() {
		arg := v.Interface()
		var e, s, g = "None", "None", "None"
		has := false
		if x, ok := arg.(error); ok {
			e = "Some(" + methodResult(x.Error) + ")"
			has = true
		}
		if x, ok := arg.(fmt.Stringer); ok {
			s = "Some(" + methodResult(x.String) + ")"
			has = true
		}
		if x, ok := arg.(fmt.GoStringer); ok {
			g = "Some(" + methodResult(x.GoString) + ")"
			has = true
		}
		if has {
			return "meth(" + inner + ", " + e + ", " + s + ", " + g + ")"
		}
	}
	return inner
}

func serBase(v reflect.Value, depth int, canIface bool, inPointee bool) string {
	ty := q(v.Type().String())
	switch v.Kind() {
	case reflect.Bool:
		return fmt.Sprintf("bo(%s, %v)", ty, v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return fmt.Sprintf("i(%s, %d)", ty, v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return fmt.Sprintf("u(%s, %d)", ty, v.Uint())
	case reflect.Float32:
		return fmt.Sprintf("f(%s, 32, 0x%x)", ty, math.Float64bits(v.Float()))
	case reflect.Float64:
		return fmt.Sprintf("f(%s, 64, 0x%x)", ty, math.Float64bits(v.Float()))
	case reflect.Complex64, reflect.Complex128:
		c := v.Complex()
		return fmt.Sprintf("c(%s, %d, 0x%x, 0x%x)", ty, v.Type().Bits(), math.Float64bits(real(c)), math.Float64bits(imag(c)))
	case reflect.String:
		return fmt.Sprintf("s(%s, %s)", ty, rs(v.String()))
	case reflect.Pointer:
		elem := "None"
		// Pointees are given one level deep: a pointer prints as &{...}
		// at top level and inside %!verb(...) forms for nested values.
		if !inPointee && !v.IsNil() {
			switch v.Elem().Kind() {
			case reflect.Array, reflect.Slice, reflect.Struct, reflect.Map:
				elem = "Some(" + ser(v.Elem(), depth+1, canIface, true) + ")"
			}
		}
		return fmt.Sprintf("p(%s, 0x%x, %s)", ty, v.Pointer(), elem)
	case reflect.Struct:
		var parts []string
		for i := 0; i < v.NumField(); i++ {
			f := v.Field(i)
			parts = append(parts, fmt.Sprintf("(%s, %s)", q(v.Type().Field(i).Name), ser(f, depth+1, canIface && f.CanInterface(), inPointee)))
		}
		return fmt.Sprintf("st(%s, vec![%s])", ty, strings.Join(parts, ", "))
	case reflect.Array, reflect.Slice:
		var parts []string
		for i := 0; i < v.Len(); i++ {
			parts = append(parts, ser(v.Index(i), depth+1, canIface, inPointee))
		}
		byteElems := v.Type().Elem().Kind() == reflect.Uint8
		if v.Kind() == reflect.Array {
			return fmt.Sprintf("arr(%s, %v, vec![%s])", ty, byteElems, strings.Join(parts, ", "))
		}
		return fmt.Sprintf("sl(%s, %v, %v, 0x%x, %d, vec![%s])", ty, v.IsNil(), byteElems, v.Pointer(), v.Cap(), strings.Join(parts, ", "))
	case reflect.Map:
		var parts []string
		it := v.MapRange()
		for it.Next() {
			parts = append(parts, fmt.Sprintf("(%s, %s)", ser(it.Key(), depth+1, canIface, inPointee), ser(it.Value(), depth+1, canIface, inPointee)))
		}
		return fmt.Sprintf("mp(%s, %v, 0x%x, vec![%s])", ty, v.IsNil(), v.Pointer(), strings.Join(parts, ", "))
	case reflect.Chan:
		return fmt.Sprintf("ch(%s, 0x%x)", ty, v.Pointer())
	case reflect.Func:
		return fmt.Sprintf("fu(%s, 0x%x)", ty, v.Pointer())
	}
	panic("unsupported kind " + v.Kind().String())
}

// val registers a value and returns its index.
func val(v any) int {
	values = append(values, v)
	vexprs = append(vexprs, ser(reflect.ValueOf(v), 0, true, false))
	return len(values) - 1
}

func idxList(ix []int) string {
	var parts []string
	for _, i := range ix {
		parts = append(parts, strconv.Itoa(i))
	}
	return "&[" + strings.Join(parts, ", ") + "]"
}

func argsOf(ix []int) []any {
	var a []any
	for _, i := range ix {
		a = append(a, values[i])
	}
	return a
}

var printfLines, sprintLines, sprintlnLines, errorfLines []string

func pf(format string, ix ...int) {
	printfLines = append(printfLines, fmt.Sprintf("    (%s, %s, %s),", rs(format), idxList(ix), rs(fmt.Sprintf(format, argsOf(ix)...))))
}

func sp(ix ...int) {
	sprintLines = append(sprintLines, fmt.Sprintf("    (%s, %s),", idxList(ix), rs(fmt.Sprint(argsOf(ix)...))))
	sprintlnLines = append(sprintlnLines, fmt.Sprintf("    (%s, %s),", idxList(ix), rs(fmt.Sprintln(argsOf(ix)...))))
}

func ef(format string, ix ...int) {
	err := fmt.Errorf(format, argsOf(ix)...)
	var wrapped []int
	kind := "none"
	switch x := err.(type) {
	case interface{ Unwrap() []error }:
		kind = "many"
		for _, e := range x.Unwrap() {
			for _, i := range ix {
				if values[i] == any(e) {
					wrapped = append(wrapped, i)
					break
				}
			}
		}
	case interface{ Unwrap() error }:
		kind = "one"
		for _, i := range ix {
			if values[i] == any(x.Unwrap()) && x.Unwrap() != nil {
				wrapped = append(wrapped, i)
				break
			}
		}
	}
	errorfLines = append(errorfLines, fmt.Sprintf("    (%s, %s, %s, %q, %s, %q),", rs(format), idxList(ix), rs(err.Error()), kind, idxList(wrapped), fmt.Sprintf("%T", err)))
}

func main() {
	// ---- values ----
	var basics []int
	for _, v := range []any{
		true, false, 0, 42, -42, int8(-128), int16(300), int32(-7), int64(math.MinInt64), uint(7), uint8(200), uint16(65535),
		uint32(1 << 31), uint64(math.MaxUint64), uintptr(0x1234), 'x', 'é', rune(0x1F600), rune(0x7f), rune(-1), rune(0x110000),
		3.14159, -2.5, 1e6, 1e21, 1e20, 1e-5, 1e-4, 1e-7, 123456.789, 1234567.0, 100000.0, 0.1, 2.0 / 3.0, 1.0,
		float32(0.1), float32(1e10), float32(3.4028235e38), float32(-1.5), float32(16777216.0), float32(1) / 3,
		math.Inf(1), math.Inf(-1), math.NaN(), 0.0, math.Copysign(0, -1), 5e-324, math.MaxFloat64, 1e23, 0.000123456, 999999.5, 9.9999995e6,
		complex(1, 2), complex64(complex(-1.5, 0.25)), complex(math.Inf(1), math.NaN()),
		"hello", "", "héllo, 世界", "tab\there\n", "\x00\x7f\xff", "back`quote", "\u200b\ufeff", "\a\b\f\v\\\"'", "日本\xe6\x97語",
		[]byte("hi"), []byte(nil), []byte{}, [3]byte{1, 2, 3}, Bytes("named"), []byte("\x00\xffz"),
		MyInt(5), MyString("ms"), MyBool(true), Celsius(21.5), Temp(30), Errno(2), &PtrErr{7}, (*PtrErr)(nil),
	} {
		basics = append(basics, val(v))
	}
	x := 9
	ch := make(chan int)
	var nilCh chan int
	var nilFunc func()
	var nilErr error
	composites := []any{
		[]int{1, 2, 3}, []int(nil), []int{}, []string{"a", "b"}, [2]bool{true, false}, []float64{1.5, 2, 1e7},
		map[string]int{"b": 2, "a": 1, "c": 3}, map[int]string{3: "c", 1: "a", -5: "z"}, map[string]int(nil), map[string]int{},
		map[float64]string{math.NaN(): "nan", -1: "neg", 2.5: "x", math.Inf(1): "inf"}, map[bool]int{true: 1, false: 0},
		map[Point]string{{2, 1}: "b", {1, 9}: "a", {1, 2}: "c"}, map[[2]int]bool{{2, 0}: true, {1, 5}: false},
		map[string]any{"x": nil, "y": 1, "z": "s"}, map[MyInt][]int{2: {1}, 1: nil},
		Point{1, 2}, &Point{1, 2}, (*Point)(nil), []Point{{1, 2}, {3, 4}}, []*Point{nil},
		struct {
			A int
			b string
		}{1, "x"}, struct{}{}, &struct{}{}, [0]int{}, [][]int{{1}, {2, 3}}, &[]int{1, 2}, &map[string]int{"k": 1}, &[2]string{"p", "q"},
		Holder{Named{"pub"}, Named{"priv"}, Named{"any"}, Errno(3)}, Holder{}, &Holder{Pub: Named{"x"}},
		Outer{Inner{1, 2}, nil, []string{"t"}, map[string]int{"m": 1}},
		[]any{1, "a", nil, 2.5, Named{"n"}}, []error{nil, errors.New("x")}, errors.New("boom"), fmt.Errorf("wrap: %w", Errno(4)),
		Panicky{1}, (*NilPanicky)(nil), &NilPanicky{5}, GoStr{1}, []GoStr{{2}}, Both{}, []Temp{1, 2}, map[Temp]Temp{1: 2},
		nilCh, nilFunc, nilErr, nil, &x, []Celsius{1.25}, struct{ T Temp }{5}, struct{ t Temp }{5},
		[]MyInt{1, 2}, [2]Celsius{1, 2}, []uint8{1, 2}, []int32{'a', 'b'},
	}
	var comps []int
	for _, v := range composites {
		comps = append(comps, val(v))
	}
	chIdx := val(ch)
	_ = chIdx
	ints := []int{val(3), val(-1), val(1000001), val(uint64(2)), val("w"), val(5), val(0), val(1)}
	three, neg1, big, u2, str, five, zero, one := ints[0], ints[1], ints[2], ints[3], ints[4], ints[5], ints[6], ints[7]

	// ---- verb × value cross product ----
	verbs := []string{"%v", "%+v", "%#v", "%T", "%d", "%s", "%q", "%x", "%X", "%o", "%O", "%b", "%c", "%U", "%#U",
		"%e", "%E", "%f", "%F", "%g", "%G", "%t", "%8v|", "%-8v|", "%08d", "%+d", "% d", "%#x", "%# x", "%#o",
		"%.2f", "%6.2f", "%-10.3e|", "%.3g", "%#g", "%+.1e", "%.3s", "%10q", "%-10s|", "%+q", "%#q", "%x", "% X", "%05s", "%.0f", "%#v", "%w", "%5t", "%08b", "%.1x", "%010.4f", "%+v", "%#.3x", "%U"}
	for _, vb := range verbs {
		for _, i := range basics {
			pf(vb, i)
		}
	}
	cverbs := []string{"%v", "%+v", "%#v", "%T", "%d", "%s", "%q", "%x", "%X", "%5v", "%-5d|", "%.1f", "%t", "%o", "%08.3f", "%p"}
	for _, vb := range cverbs {
		for _, i := range comps {
			if vb == "%p" {
				continue // %p on composites prints addresses, covered below for pointer kinds
			}
			pf(vb, i)
		}
	}
	for _, i := range comps {
		switch reflect.ValueOf(values[i]).Kind() {
		case reflect.Pointer, reflect.Chan, reflect.Func, reflect.Map, reflect.Slice:
			pf("%p", i)
			pf("%#p", i)
		}
	}

	// ---- printf machinery ----
	pf("%d %d", three)
	pf("%d", three, five)
	pf("%d %s", three, str, five, zero)
	pf("%[2]d %[1]d", three, five)
	pf("%[3]d", three, five)
	pf("%[0]d", three)
	pf("%[x]d", three)
	pf("%[2]*[1]d", three, five)
	pf("%*d|", five, three)
	pf("%-*d|", five, three)
	pf("%*d|", neg1, three)
	pf("%*d", big, three)
	pf("%*d", str, three)
	pf("%.*f", one, val(3.14159))
	pf("%.*d", neg1, three)
	pf("%.*d", str, three)
	pf("%*.*f|", val(10), val(3), val(math.Pi))
	pf("%[1]d %[1]x %[1]o", val(255))
	pf("%[1]*d", five)
	pf("%[2]d %d", three, five, zero)
	pf("%d %[1]d %d", three, five)
	pf("%[3]2d", three)
	pf("%[1].2d", three)
	pf("%%")
	pf("%5%")
	pf("%")
	pf("%-")
	pf("%.")
	pf("%.2")
	pf("100%")
	pf("%!")
	pf("%z", three)
	pf("%☺", three)
	pf("%d")
	pf("%s %s", str)
	pf("no verbs", three, str)
	pf("%v", u2)
	pf("%*d", u2, three)
	pf("%0-5d|", three)
	pf("%-05d|", three)
	pf("%+ d", three)
	pf("% +d", three)
	pf("%#-8x|", val(255))
	pf("%08.3d", val(-42))
	pf("%.0d|", zero)
	pf("%5.0d|", zero)
	pf("%x", val("hello world"))
	pf("% x", val("hi"))
	pf("%#x", val(""))
	pf("%5x|", val(""))
	pf("%.2x", val("hello"))
	pf("%-12x|", val([]byte("abc")))
	pf("%s", val([]byte("bytes")))
	pf("%q", val([]byte("q\n")))
	pf("%10.2s|", val("héllo"))
	pf("%-10.2s|", val("héllo"))
	pf("%6.2f|%-8.3f|%08.2f", val(3.14159), val(-2.5), val(-1.5))
	pf("%+.3e %E %G %g", val(123456.789), val(0.000012345), val(1e-10), val(1e100))
	pf("%5.1f%%", val(99.5))
	pf("%v %v", val(Celsius(1)), val(Temp(3)))
	pf("%d", val(Temp(3)))
	pf("%s", val(Temp(3)))
	pf("%x", val(Temp(255)))
	pf("%v and %v", val(errors.New("a")), val(Errno(1)))
	pf("%s|%v|%d", val(Both{}), val(Both{}), val(Both{}))
	pf("%v", val([]any{Temp(1), Errno(2), nil}))
	pf("%+v", val(&Outer{Inner{1, 2}, &Point{3, 4}, nil, nil}))
	pf("%#v", val(map[string][]int{"a": {1}, "b": nil}))
	pf("%v %s", val(Panicky{}), val(Panicky{}))
	pf("%d", val(Panicky{}))
	pf("%s", val((*NilPanicky)(nil)))
	pf("%08.3f|%-8.3f|%+08d|% 08d", val(-3.14159), val(2.0), val(42), val(42))
	pf("%#.0f %#.0e %#g %#g %#.4g", val(1.0), val(1.0), val(1.0), val(123456789.0), val(0.0001))
	pf("%e %e %e", val(0.0), val(1e-300), val(1e300))
	pf("%.20f", val(0.1))
	pf("%.30e", val(1.0/3.0))
	pf("%.60f", val(5e-324))
	pf("%.17g %.17g", val(0.1), val(float32(0.1)))
	pf("%v %v %v %v %v", val(float32(1e-7)), val(float32(123456789)), val(float32(0.3)), val(float32(1e21)), val(float32(2.5e-5)))
	pf("%6.3v|%.2v|%10v|", val(3.14159), val("hello"), val(math.NaN()))
	pf("%+v %+v % v %08v %-08v|", val(math.NaN()), val(math.Inf(1)), val(math.Inf(1)), val(math.Inf(-1)), val(math.NaN()))
	pf("%c%c%c", val('G'), val('o'), val(0x1F600))
	pf("%q %q %q %+q %#q", val('\n'), val('\''), val(0x7f), val('é'), val('é'))
	pf("%U %#U %#U %#U %.6U %10U|", val(0x1F600), val('x'), val('\n'), val(0x110000), val('a'), val('a'))
	pf("%q %+q %#q %#q %#+q", val("日本"), val("日本"), val("a`b"), val("plain"), val("日本"))
	pf("%x %X %#X % #x", val(-255), val(-255), val(3054), val("ab"))
	pf("%b %o %O %#b %#O", val(-5), val(-8), val(8), val(5), val(8))
	pf("%v", val(struct {
		A *int
		B any
	}{nil, nil}))
	pf("%+v", val(struct{ E error }{Errno(9)}))
	pf("%#v", val(struct {
		E error
		A any
	}{nil, nil}))
	pf("%v", val([]*int{nil}))
	pf("%d", val([]string{"a"}))
	pf("%s", val([]int{1, 2}))
	pf("%x", val([]int{10, 255}))
	pf("%x", val([]string{"ab", "c"}))
	pf("%q", val([]string{"a\n", "b"}))
	pf("%5d|", val([]int{1, 22}))
	pf("%T %T %T %T", val(nil), val([]any{}), val(map[string][]*Point{}), val(func(int) string { return "" }))
	pf("%v %d", val(true), val(true))
	pf("%s", val(nil))
	pf("%d %v", val(nil), val(nil))
	pf("%!d(string=hi)")
	pf("%v %v", val(int8(-1)), val(uint8(255)))
	pf("%#v %#v %#v %#v", val(uint(3)), val(uint8(3)), val(int64(-3)), val(uintptr(3)))
	pf("%#v %#v %#v", val(1.0), val(float32(2.5)), val(1e21))
	pf("%#v %#v", val("s\n"), val(MyString("x")))
	pf("%v %+v %#v", val(Inner{}), val(Inner{}), val(Inner{}))
	pf("%#v", val([]any{nil, 1, "x", []int(nil)}))
	pf("%#v %v %+v", val(BadGo{}), val(BadGo{}), val([]BadGo{{}}))
	pf("%v %s %d", val((*NilOK)(nil)), val(&NilOK{}), val(&NilOK{}))
	pf("%v|%10v|%-10v|", val((*Deref)(nil)), val((*Deref)(nil)), val(&Deref{3}))
	pf("%v", val(struct{ D *Deref }{nil}))
	pf("%f", val([]*Point{{1, 2}}))
	pf("%t", val([]*Outer{{P: &Point{}}}))
	pf("%v %+v", val(map[string]*Point{"a": nil}), val([]*Point{}))
	pf("%v %d %s", val(map[string]Temp{"b": 2, "a": 1}), val(map[Temp]int{3: 1}), val(map[string]error{"e": Errno(1)}))
	pf("%6.2v|%-6.1v|%06v", val(Celsius(3)), val(Temp(9)), val(Errno(4)))
	pf("%x %X % x", val(Named{"ab"}), val(Errno(10)), val(Temp(1)))
	pf("%v", val([]any{[]any{[]any{1}}, map[string]any{"k": []int{2}}}))
	pf("%v %v", val(int64(math.MaxInt64)), val(uint64(1<<63)))
	pf("%d|%5d|%-5d|%05d", val([]int8{-1, 2}), val([]uint{3}), val([2]int{4, 5}), val([]int{-6}))
	pf("%.3q|%.1q|%5.2q|", val("abcdef"), val("日本語"), val([]byte("xyz")))
	pf("%s %v", val(struct{ B []byte }{[]byte("in")}), val(struct{ B []byte }{[]byte("in")}))
	pf("%x %X", val(struct{ B []byte }{[]byte("in")}), val([][]byte{[]byte("a"), nil}))
	pf("%6.2f|%-8s|%08b|%e|%G|%5t|", val(3.14159), val("go"), val(5), val(1234.5678), val(1e-7), val(true))
	for _, f := range []string{"%w", "%v %w", "%[2]w %[1]w"} {
		pf(f, val(Errno(1)), val(errors.New("e")))
	}

	// ---- random format strings over the value pool (differential fuzz) ----
	pieces := []string{"%", "%%", "v", "d", "s", "q", "x", "X", "e", "f", "g", "T", "p", "c", "U", "w", "t", "b", "o",
		"#", "+", "-", " ", "0", "*", ".", "[", "]", "1", "2", "3", "12", "[2]", "[1]", "[9]", "a", "é", "\xff", "|"}
	rr := rand.New(rand.NewSource(7))
	pool := append(append([]int{}, basics...), comps...)
	pool = append(pool, three, neg1, five, zero, one, str)
	for n := 0; n < 3000; n++ {
		var sb strings.Builder
		for k := rr.Intn(10); k >= 0; k-- {
			sb.WriteString(pieces[rr.Intn(len(pieces))])
		}
		var ix []int
		for k := rr.Intn(4); k > 0; k-- {
			ix = append(ix, pool[rr.Intn(len(pool))])
		}
		f := sb.String()
		if strings.Contains(f, "p") {
			continue // %p of non-pointers differs only by address formatting; covered above
		}
		pf(f, ix...)
	}

	// With FMTCASES_BIG=path, also write a large random set for the
	// ignored test big_printf_file (hex format, value indexes, hex output).
	if path := os.Getenv("FMTCASES_BIG"); path != "" {
		var big strings.Builder
		for n := 0; n < 100000; n++ {
			var sb strings.Builder
			for k := rr.Intn(4); k >= 0; k-- {
				sb.WriteString("%")
				for j := rr.Intn(4); j > 0; j-- {
					sb.WriteString(pieces[rr.Intn(len(pieces))])
				}
				sb.WriteString(string("vdsqxXeEfFgGtbocUTwz"[rr.Intn(20)]))
				if rr.Intn(3) == 0 {
					sb.WriteString(" ")
				}
			}
			var ix []int
			for k := rr.Intn(4); k > 0; k-- {
				ix = append(ix, pool[rr.Intn(len(pool))])
			}
			var sx []string
			for _, i := range ix {
				sx = append(sx, strconv.Itoa(i))
			}
			f := sb.String()
			if strings.Contains(f, "p") {
				continue
			}
			fmt.Fprintf(&big, "%x %s %x\n", f, "-"+strings.Join(sx, ","), fmt.Sprintf(f, argsOf(ix)...))
		}
		os.WriteFile(path, []byte(big.String()), 0o644)
	}

	// ---- Sprint / Sprintln ----
	sp(three, five)
	sp(str, str)
	sp(three, str, five)
	sp(str, three, str)
	sp(val(MyString("m")), three)
	sp(val(Temp(1)), val(Temp(2)))
	sp(val(nil), val(nil))
	sp(val(nil), str)
	sp()
	sp(val(1.5), val(true), val([]int{1}), val("x"), val(errors.New("e")), val(Point{1, 2}))
	sp(val(&Point{1, 2}), val(""), val(""))

	// ---- Errorf ----
	ef("plain")
	ef("plain%%")
	ef("code %d", three)
	ef("wrap: %w", val(Errno(5)))
	ef("wrap: %w", val(errors.New("inner")))
	ef("bad: %w", three)
	ef("two: %w and %w", val(Errno(1)), val(Errno(2)))
	ef("two: %w and %w", val(Errno(1)), three)
	ef("re: %[2]w %[1]w", val(Errno(1)), val(Errno(2)))
	ef("dup: %[1]w %[1]w", val(Errno(1)))
	ef("%v then %w", val(Errno(1)), val(Errno(2)))
	ef("missing %w")
	ef("nilerr %w", val(nilErr))

	// ---- emit ----
	fmt.Fprintln(&out, "// Generated by testdata/cases.go with", strings.TrimSpace(runtimeVersion()), "- do not edit.")
	fmt.Fprintln(&out, "")
	fmt.Fprintln(&out, "pub(super) fn gen_values() -> Vec<FmtValue> {\n    vec![")
	for i, e := range vexprs {
		fmt.Fprintf(&out, "        /* %d */ %s,\n", i, e)
	}
	fmt.Fprintln(&out, "    ]\n}")
	emit := func(name, typ string, lines []string) {
		fmt.Fprintf(&out, "\npub(super) static %s: &[%s] = &[\n", name, typ)
		for _, l := range lines {
			fmt.Fprintln(&out, l)
		}
		fmt.Fprintln(&out, "];")
	}
	emit("PRINTF_CASES", "(&[u8], &[usize], &[u8])", printfLines)
	emit("SPRINT_CASES", "(&[usize], &[u8])", sprintLines)
	emit("SPRINTLN_CASES", "(&[usize], &[u8])", sprintlnLines)
	emit("ERRORF_CASES", "(&[u8], &[usize], &[u8], &str, &[usize], &str)", errorfLines)
	strconvCases()
	os.Stdout.WriteString(out.String())
}

func runtimeVersion() string { return runtime.Version() + " " + runtime.GOOS + "/" + runtime.GOARCH }

func strconvCases() {
	// FormatFloat: chosen values and deterministic random ones.
	fl := []float64{0, math.Copysign(0, -1), 1, -1, 0.1, 0.5, 1.5, 2.5, 1e6, 1e21, 1e-7, 123456.789, 1.0 / 3, 2.0 / 3,
		math.Pi, math.E, 5e-324, 2.2250738585072014e-308, math.MaxFloat64, 1e23, 9.999999999999999e22, 0.000001, 0.0000123,
		100, 1234567, 12345678, float64(float32(3538531.25)), -180860789068885.125, float64(float32(-47725.5625)), 0.125, 0.375, 1e15, 1e16, 1e17, 123e-20, math.Inf(1), math.Inf(-1), math.NaN(), 3.4028235e38, 1.401298464324817e-45}
	r := rand.New(rand.NewSource(42))
	for i := 0; i < 80; i++ {
		bits := r.Uint64()
		f := math.Float64frombits(bits)
		if math.IsNaN(f) || math.IsInf(f, 0) {
			continue
		}
		fl = append(fl, f)
	}
	for i := 0; i < 60; i++ {
		fl = append(fl, float64(r.Int63n(1e9))/math.Pow(10, float64(r.Intn(12))))
	}
	var lines []string
	for _, f := range fl {
		for _, fm := range []byte{'e', 'E', 'f', 'g', 'G', 'b', 'x', 'X'} {
			for _, prec := range []int{-1, 0, 1, 3, 6, 17} {
				if (fm == 'b' || fm == 'E' || fm == 'X') && prec != -1 || prec == 1 && fm != 'g' {
					continue
				}
				for _, bits := range []int{64, 32} {
					v := f
					if bits == 32 {
						v = float64(float32(f))
					}
					res := strconv.FormatFloat(v, fm, prec, bits)
					if len(res) > 48 && len(lines)%8 != 0 {
						continue // keep the data small: only some very long outputs
					}
					lines = append(lines, fmt.Sprintf("    (0x%x, b'%c', %d, %d, %s),", math.Float64bits(v), fm, prec, bits, rs(res)))
				}
			}
		}
	}
	emitLines("FLOAT_CASES", "(u64, u8, i64, u32, &[u8])", lines)

	lines = nil
	for _, i := range []int64{0, 1, -1, 7, 35, 36, 255, -255, 1 << 40, math.MaxInt64, math.MinInt64} {
		for _, b := range []int{2, 8, 10, 16, 36, 7} {
			lines = append(lines, fmt.Sprintf("    (%d, %d, %s),", i, b, rs(strconv.FormatInt(i, b))))
		}
	}
	emitLines("FORMAT_INT_CASES", "(i64, i64, &[u8])", lines)

	lines = nil
	for _, s := range []string{"", "abc", "héllo", "\x00\x01\x7f", "\xff\xfe", "a\"b\\c", "tab\t", "\u00a0\u2028\u200b", "\U0001F600", "\u0378", "back`", "\ufeff", "日本\xe6\x97語", "\a\b\f\n\r\t\v", "\U0010ffff", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xc0\x80"} {
		lines = append(lines, fmt.Sprintf("    (%s, %s, %s, %v),", rs(s), rs(strconv.Quote(s)), rs(strconv.QuoteToASCII(s)), strconv.CanBackquote(s)))
	}
	emitLines("QUOTE_CASES", "(&[u8], &[u8], &[u8], bool)", lines)

	lines = nil
	for _, r := range []rune{'a', '\'', '"', '\\', '\n', 0, 0x7f, 0x80, 0xa0, 'é', 0x2028, 0xfeff, 0xd800, 0x10ffff, 0x110000, -1, 0x1F600, 0xe000, 0x378} {
		lines = append(lines, fmt.Sprintf("    (%d, %s, %s),", r, rs(strconv.QuoteRune(r)), rs(strconv.QuoteRuneToASCII(r))))
	}
	emitLines("QUOTE_RUNE_CASES", "(i64, &[u8], &[u8])", lines)

	lines = nil
	for _, s := range []string{`"abc"`, `"a\nb"`, `"\x41\101\u00e9\U0001F600"`, `"\377"`, `"\400"`, `"\xZZ"`, `"\q"`, `"\'"`, `'\''`, `'\"'`, `"\""`,
		"`raw\\n`", "`a\rb`", `'a'`, `'ab'`, `''`, `'\x80'`, `'é'`, "'\xff'", `"unterminated`, `"a"b`, `x`, ``, `"`, "\"a\nb\"", `"\ud800"`, `"\U00110000"`, "\"\xff\"", `"é"`, `"\u00"`, `"a\`} {
		u, err := strconv.Unquote(s)
		p, perr := strconv.QuotedPrefix(s + "tail")
		lines = append(lines, fmt.Sprintf("    (%s, %s, %s, %s, %s),", rs(s), rs(u), rs(errText(err)), rs(p), rs(errText(perr))))
	}
	emitLines("UNQUOTE_CASES", "(&[u8], &[u8], &[u8], &[u8], &[u8])", lines)

	// IsPrint sample over many runes.
	lines = nil
	for r := rune(0); r < 0x11000; r += 13 {
		if strconv.IsPrint(r) {
			lines = append(lines, fmt.Sprintf("0x%x,", r))
		}
	}
	fmt.Fprintf(&out, "\npub(super) static ISPRINT_STEP13: &[u32] = &[%s];\n", strings.Join(lines, ""))

	lines = nil
	ins := []string{"0", "12", "-12", "+7", "12a", "", "-", "+", "999999999999999999999", "-9223372036854775808", "9223372036854775807", "9223372036854775808",
		"-9223372036854775809", "0x1F", "0X1f", "0b101", "0o17", "017", "1_000", "1__0", "_1", "0x_1f", "1_", "ff", "FF", "z", "Z", "18446744073709551615", "18446744073709551616", " 1", "1 ", "٣", "128", "-129", "255", "256", "00"}
	type pcase struct {
		base, bits int
	}
	for _, s := range ins {
		v, err := strconv.Atoi(s)
		lines = append(lines, fmt.Sprintf("    (\"Atoi\", %s, 10, 0, %d, %s),", rs(s), v, rs(errText(err))))
		for _, c := range []pcase{{10, 64}, {0, 64}, {16, 64}, {10, 8}, {36, 0}, {2, 16}, {1, 64}, {37, 64}, {10, 65}, {10, -1}} {
			v, err := strconv.ParseInt(s, c.base, c.bits)
			lines = append(lines, fmt.Sprintf("    (\"ParseInt\", %s, %d, %d, %d, %s),", rs(s), c.base, c.bits, v, rs(errText(err))))
			u, err := strconv.ParseUint(s, c.base, c.bits)
			lines = append(lines, fmt.Sprintf("    (\"ParseUint\", %s, %d, %d, %d, %s),", rs(s), c.base, c.bits, int64(u), rs(errText(err))))
		}
	}
	emitLines("PARSE_INT_CASES", "(&str, &[u8], i64, i64, i64, &[u8])", lines)

	lines = nil
	fins := []string{"0", "1.5", "-1.5", "+.5", "1.", ".", "1e10", "1E-5", "1e", "1e+", "1e400", "-1e400", "1e-400", "inf", "+Inf", "-infinity", "INFINITY", "infin", "nan", "NaN", "-nan", "0x1p-2", "0x1.8p1", "0X1P+2", "0x1", "0x.8p0", "0x1p", "1_000.5", "1__0", "0x_1p0", "1e1_0",
		"3.4028235e38", "3.5e38", "1e-46", "123456789012345678901234567890", "0.1", "2.2250738585072011e-308", "4.9e-324", "", " 1", "1x", "0x1fffffffffffffp-52", "0x1.fffffffffffff8p1023", "1.7976931348623159e308", "٣"}
	for _, s := range fins {
		for _, bits := range []int{64, 32} {
			v, err := strconv.ParseFloat(s, bits)
			lines = append(lines, fmt.Sprintf("    (%s, %d, 0x%x, %s),", rs(s), bits, math.Float64bits(v), rs(errText(err))))
		}
	}
	emitLines("PARSE_FLOAT_CASES", "(&[u8], i64, u64, &[u8])", lines)

	lines = nil
	for _, s := range []string{"1", "t", "T", "TRUE", "true", "True", "0", "f", "F", "FALSE", "false", "False", "yes", "", "tRUE"} {
		v, err := strconv.ParseBool(s)
		lines = append(lines, fmt.Sprintf("    (%s, %v, %s),", rs(s), v, rs(errText(err))))
	}
	emitLines("PARSE_BOOL_CASES", "(&[u8], bool, &[u8])", lines)
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

func emitLines(name, typ string, lines []string) {
	fmt.Fprintf(&out, "\npub(super) static %s: &[%s] = &[\n", name, typ)
	for _, l := range lines {
		fmt.Fprintln(&out, l)
	}
	fmt.Fprintln(&out, "];")
}
