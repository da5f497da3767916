package main

import (
	"fmt"
	"strings"
)

type Kind int

const (
	Number Kind = iota
	Ident
	Op
	LParen
	RParen
)

var kindNames = [...]string{"Number", "Ident", "Op", "LParen", "RParen"}

func (k Kind) String() string { return kindNames[k] }

type Token struct {
	Kind Kind
	Text string
	Pos  int
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
func isAlpha(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' }

func tokenize(src string) ([]Token, error) {
	var toks []Token
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == ' ':
			i++
		case isDigit(c):
			start := i
			for i < len(src) && isDigit(src[i]) {
				i++
			}
			toks = append(toks, Token{Number, src[start:i], start})
		case isAlpha(c):
			start := i
			for i < len(src) && (isAlpha(src[i]) || isDigit(src[i])) {
				i++
			}
			toks = append(toks, Token{Ident, src[start:i], start})
		case strings.IndexByte("+-*/", c) >= 0:
			toks = append(toks, Token{Op, string(c), i})
			i++
		case c == '(':
			toks = append(toks, Token{LParen, "(", i})
			i++
		case c == ')':
			toks = append(toks, Token{RParen, ")", i})
			i++
		default:
			return toks, fmt.Errorf("unexpected %q at %d", c, i)
		}
	}
	return toks, nil
}

func main() {
	toks, err := tokenize("x1 + (42 * y_2) - 7")
	for _, t := range toks {
		fmt.Printf("%-7v %-4q @%d\n", t.Kind, t.Text, t.Pos)
	}
	fmt.Println(err)
	toks, err = tokenize("a $ b")
	fmt.Println(len(toks), err)
}
