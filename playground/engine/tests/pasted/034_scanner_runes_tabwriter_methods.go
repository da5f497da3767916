package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode/utf8"
)

type Point struct{ X, Y int }

func (p *Point) String() string { return fmt.Sprintf("P(%d,%d)", p.X, p.Y) }

type Temp float64

func (t Temp) String() string { return strconv.FormatFloat(float64(t), 'f', 1, 64) + "°C" }

func main() {
	sc := bufio.NewScanner(strings.NewReader("one two  three\nfour"))
	sc.Split(bufio.ScanWords)
	n := 0
	for sc.Scan() {
		n++
	}
	fmt.Println("words", n)
	s := "héllo, 世界"
	fmt.Println(len(s), utf8.RuneCountInString(s), []rune(s)[1], string([]rune(s)[7:]), utf8.ValidString("\xff"))
	for i, r := range "aé" {
		fmt.Println(i, r, string(r))
	}
	b := []byte("x")
	b = strconv.AppendInt(b, -42, 10)
	b = strconv.AppendBool(b, true)
	b = strconv.AppendQuote(b, "q")
	fmt.Println(string(b))
	p := Point{1, 2}
	fmt.Println(p, &p)
	fmt.Printf("%v %s\n", p, &p)
	fmt.Println(Temp(21.55), []Temp{1, 2})
	m := map[Point]string{{1, 2}: "a", {0, 0}: "o"}
	fmt.Println(m, m[Point{1, 2}], p == Point{1, 2})
	arr := map[[2]int]bool{{1, 2}: true}
	fmt.Println(arr[[2]int{1, 2}])
	w := tabwriter.NewWriter(os.Stdout, 0, 8, 1, ' ', 0)
	fmt.Fprintln(w, "name\tage\tcity")
	fmt.Fprintln(w, "alice\t30\tparis")
	fmt.Fprintln(w, "bob\t4\tnyc")
	w.Flush()
	f := p.String
	p.X = 9
	fmt.Println(f(), (*Point).String(&p))
	fmt.Println(os.Getenv("NOPE") == "", len(os.Args))
	x, err := strconv.ParseInt("ff", 16, 64)
	fmt.Println(x, err)
	_, err = strconv.ParseInt("999999999999999999999", 10, 64)
	fmt.Println(err)
	u, err := strconv.ParseUint("-1", 10, 8)
	fmt.Println(u, err)
	fmt.Println(strconv.FormatFloat(3.14159, 'e', 3, 64), strconv.FormatFloat(1e21, 'g', -1, 64), strconv.Itoa(-0))
}
