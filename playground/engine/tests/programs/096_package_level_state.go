package main

import "fmt"

var counter int
var registry = map[string]func() int{}

type config struct {
	name  string
	debug bool
}

var defaults = config{name: "app"}
var table = [...]string{2: "two", 0: "zero"}

func register(name string, f func() int) {
	registry[name] = f
}

func init() {
	register("inc", func() int { counter++; return counter })
	register("dbl", func() int { counter *= 2; return counter })
}

func main() {
	fmt.Println(registry["inc"](), registry["inc"](), registry["dbl"]())
	fmt.Println(len(registry), counter)
	fmt.Printf("%+v %q %d\n", defaults, table, len(table))
	defaults.debug = true
	fmt.Println(defaults)
}
