// os/exec in a sandbox without binaries, as on the Go Playground: the
// command is not found in $PATH, and Run, Output and CombinedOutput say so.
package main

import (
	"errors"
	"fmt"
	"os/exec"
)

func main() {
	cmd := exec.Command("gmp-no-such-tool", "-l")
	err := cmd.Run()
	fmt.Println(err)
	fmt.Println(errors.Is(err, exec.ErrNotFound))
	var ee *exec.Error
	fmt.Println(errors.As(err, &ee), ee.Name)
	out, err := exec.Command("gmp-no-such-tool").Output()
	fmt.Printf("%q %v\n", out, err)
	out, err = exec.Command("gmp-no-such-tool", "x").CombinedOutput()
	fmt.Printf("%q %v\n", out, err)
	_, err = exec.LookPath("gmp-no-such-tool")
	fmt.Println(err)
	fmt.Println(cmd.String(), cmd.Args)
	fmt.Println(exec.Command("gmp-no-such-tool").Start())
}
