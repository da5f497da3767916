// args: -n=3 -name gopher -verbose -wait 250ms first second -n=4
// The program's own command line: os.Args (its name is the Go
// Playground's binary's path) and the flag package's CommandLine, with
// Parse stopping at the first non-flag argument.
package main

import (
	"flag"
	"fmt"
	"os"
	"time"
)

var (
	n       = flag.Int("n", 1, "how many")
	name    = flag.String("name", "world", "who")
	verbose = flag.Bool("verbose", false, "say more")
	wait    = flag.Duration("wait", time.Second, "how long")
)

func main() {
	fmt.Println(len(os.Args), os.Args)
	fmt.Println(flag.Parsed())
	flag.Parse()
	fmt.Println(flag.Parsed(), *n, *name, *verbose, *wait)
	fmt.Println(flag.NArg(), flag.Args(), flag.Arg(0), flag.Arg(5) == "", flag.NFlag())
	flag.VisitAll(func(f *flag.Flag) {
		fmt.Printf("%s=%s (default %q): %s\n", f.Name, f.Value, f.DefValue, f.Usage)
	})
	fmt.Println(flag.Lookup("n").Value.String(), flag.Lookup("nope") == nil)
	fmt.Println(flag.Set("n", "10"), *n, flag.Set("nope", "1"))
	flag.CommandLine.SetOutput(os.Stdout)
	flag.Usage()
}
