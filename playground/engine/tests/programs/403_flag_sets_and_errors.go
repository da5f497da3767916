// Package flag as Go prints it: a FlagSet with ContinueOnError parsing
// strings, ints, bools, durations and a Var; Visit, Args, NArg; an
// undefined flag, a bad value, a missing argument and -h with their
// usage; PrintDefaults; the command line's flags (none: the program has
// no arguments); and an ExitOnError set exiting with status 2.
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"time"
)

type list []string

func (l *list) String() string     { return strings.Join(*l, ",") }
func (l *list) Set(s string) error { *l = append(*l, s); return nil }

func main() {
	fmt.Println(len(os.Args))
	fs := flag.NewFlagSet("tool", flag.ContinueOnError)
	fs.SetOutput(os.Stdout)
	name := fs.String("name", "world", "who to greet")
	n := fs.Int("n", 1, "how many `times`")
	v := fs.Bool("v", false, "verbose")
	d := fs.Duration("wait", 2*time.Second, "how long to wait")
	var tags list
	fs.Var(&tags, "tag", "a tag (repeatable)")
	err := fs.Parse([]string{"-name=gopher", "-n", "3", "-v", "--wait=1m30s", "-tag", "a", "-tag=b", "rest", "-x"})
	fmt.Println(err, *name, *n, *v, *d, tags, fs.Args(), fs.NArg(), fs.NFlag(), fs.Arg(0))
	fs.Visit(func(f *flag.Flag) { fmt.Println("set:", f.Name, f.Value) })
	err = fs.Parse([]string{"-x"})
	fmt.Println("err:", err)
	err = fs.Parse([]string{"-n", "abc"})
	fmt.Println("err:", err)
	err = fs.Parse([]string{"-n"})
	fmt.Println("err:", err)
	err = fs.Parse([]string{"-h"})
	fmt.Println("err:", err, err == flag.ErrHelp)
	fs.PrintDefaults()
	flag.Parse()
	fmt.Println(flag.NArg(), flag.Args(), flag.Parsed())
	f2 := flag.NewFlagSet("exit", flag.ExitOnError)
	f2.Parse([]string{"-nope"})
}
