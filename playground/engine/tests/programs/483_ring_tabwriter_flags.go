package main

import (
	"container/ring"
	"fmt"
	"os"
	"text/tabwriter"
)

func main() {
	r := ring.New(4)
	for i := 0; i < r.Len(); i++ {
		r.Value = i
		r = r.Next()
	}
	r.Do(func(v any) { fmt.Print(v, " ") })
	fmt.Println()
	r.Unlink(1)
	r.Move(1).Do(func(v any) { fmt.Print(v, " ") })
	fmt.Println(r.Len())
	w := tabwriter.NewWriter(os.Stdout, 5, 0, 2, '.', tabwriter.AlignRight|tabwriter.Debug)
	fmt.Fprintln(w, "a\tbbb\tc\t")
	fmt.Fprintln(w, "aaaa\tb\tcc\t")
	fmt.Fprintln(w, "x\t\ty\t")
	w.Flush()
	w = tabwriter.NewWriter(os.Stdout, 0, 4, 0, '\t', tabwriter.TabIndent|tabwriter.DiscardEmptyColumns)
	fmt.Fprintf(w, "\tindented\t%d\n\t\tmore\t%s\n", 42, "é")
	w.Flush()
}
