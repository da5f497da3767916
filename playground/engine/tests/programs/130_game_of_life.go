package main

import (
	"fmt"
	"strings"
)

const W, H = 8, 6

type Grid [H][W]bool

func (g Grid) neighbors(r, c int) int {
	n := 0
	for dr := -1; dr <= 1; dr++ {
		for dc := -1; dc <= 1; dc++ {
			if dr == 0 && dc == 0 {
				continue
			}
			rr, cc := (r+dr+H)%H, (c+dc+W)%W
			if g[rr][cc] {
				n++
			}
		}
	}
	return n
}

func (g Grid) Step() Grid {
	var next Grid
	for r := range H {
		for c := range W {
			n := g.neighbors(r, c)
			next[r][c] = n == 3 || n == 2 && g[r][c]
		}
	}
	return next
}

func (g Grid) String() string {
	var b strings.Builder
	for _, row := range g {
		for _, alive := range row {
			if alive {
				b.WriteByte('#')
			} else {
				b.WriteByte('.')
			}
		}
		b.WriteByte('\n')
	}
	return b.String()
}

func main() {
	var g Grid
	g[0][1], g[1][2], g[2][0], g[2][1], g[2][2] = true, true, true, true, true
	for i := 0; i < 4; i++ {
		fmt.Print(g, "\n")
		g = g.Step()
	}
}
