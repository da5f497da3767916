package main

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

type Person struct {
	Name string
	Age  int
	tags []string
}

func (p Person) String() string { return p.Name + "(" + strconv.Itoa(p.Age) + ")" }

func main() {
	text := "the quick brown fox jumps over the lazy dog the end"
	counts := map[string]int{}
	for _, w := range strings.Fields(text) {
		counts[w]++
	}
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if counts[keys[i]] != counts[keys[j]] {
			return counts[keys[i]] > counts[keys[j]]
		}
		return keys[i] < keys[j]
	})
	for _, k := range keys[:3] {
		fmt.Printf("%-6s %3d\n", k, counts[k])
	}
	var sb strings.Builder
	for i := 0; i < 3; i++ {
		fmt.Fprintf(&sb, "[%02d]", i)
	}
	fmt.Println(sb.String(), sb.Len())
	fmt.Println(strings.Title("hello world"), strings.ToUpper("ǆemal"), strings.ToTitle("ǆemal"))
	fmt.Println(strings.Map(func(r rune) rune {
		if unicode.IsUpper(r) {
			return -1
		}
		return unicode.ToUpper(r)
	}, "HeLLo WoRLD"))
	p := Person{"Ann", 30, []string{"a"}}
	fmt.Printf("%v %+v %#v %s %q\n", p, p, p, p, p)
	pp := &p
	fmt.Printf("%v %+v\n", pp, []*Person{pp} != nil)
	fmt.Printf("%x %X %o %b %e %g %8.3f|%-8.2f|%+d %U %c\n", 255, "hi", 8, 5, 1234.5678, 0.000001234, 3.14159, 2.5, 3, 0x1F600, 0x1F600)
	fmt.Printf("%5t|%-5t|%v|%08b|%#x|%#o|% d|%x\n", true, false, nil, 5, 255, 8, 5, []byte("abc"))
	fmt.Printf("%T %T %T\n", p, pp, counts)
	n, err := strconv.Atoi("12a")
	fmt.Println(n, err)
	f, err := strconv.ParseFloat("1e400", 64)
	fmt.Println(f, err)
	b, err := strconv.ParseBool("maybe")
	fmt.Println(b, err)
	fmt.Println(strconv.Quote("héllo\n\x00"), strconv.QuoteToASCII("héllo"), strconv.FormatInt(-255, 16))
	fmt.Println(strings.EqualFold("Go", "GO"), strings.Repeat("ab", 3), strings.SplitN("a,b,c,d", ",", 2), strings.TrimFunc("  x  ", unicode.IsSpace))
	fmt.Println(strings.Cut("key=value", "="))
	r := strings.NewReplacer("a", "1", "b", "2")
	fmt.Println(r.Replace("abcab"))
}
