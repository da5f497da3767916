package exec

// os/exec in a sandbox without binaries, as on the Go Playground: every
// command is missing, so Command's LookPath fails and Run, Start, Output
// and CombinedOutput return its error, `exec: "ls": executable file not
// found in $PATH` (a name with a slash fails at Start as fork/exec of a
// missing file). The types, texts and checks are Go 1.27's exec.go and
// lp_unix.go (Copyright The Go Authors, BSD-style license), cut to what
// can happen without a process.

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"syscall"
)

// Error is returned by LookPath when it fails to classify a file as an
// executable.
type Error struct {
	// Name is the file name for which the error occurred.
	Name string
	// Err is the underlying error.
	Err error
}

func (e *Error) Error() string {
	return "exec: " + strconv.Quote(e.Name) + ": " + e.Err.Error()
}

func (e *Error) Unwrap() error { return e.Err }

// ErrNotFound is the error resulting if a path search failed to find an
// executable file.
var ErrNotFound = errors.New("executable file not found in $PATH")

// ErrDot: a path lookup resolved to an executable in the current directory.
var ErrDot = errors.New("cannot run executable found relative to current directory")

// ErrWaitDelay is returned by Wait if the process exits after WaitDelay.
var ErrWaitDelay = errors.New("exec: WaitDelay expired before I/O complete")

// ExitError reports an unsuccessful exit by a command (never, here: no
// command starts).
type ExitError struct {
	*os.ProcessState
	Stderr []byte
}

func (e *ExitError) Error() string { return e.ProcessState.String() }

// Cmd is an external command being prepared or run.
type Cmd struct {
	Path   string
	Args   []string
	Env    []string
	Dir    string
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer

	ExtraFiles   []*os.File
	Process      *os.Process
	ProcessState *os.ProcessState
	Err          error

	startCalled bool
}

// Command returns the Cmd to run name with args; a name without a slash
// is looked up in $PATH, where the sandbox has nothing.
func Command(name string, arg ...string) *Cmd {
	cmd := &Cmd{
		Path: name,
		Args: append([]string{name}, arg...),
	}
	if !strings.Contains(name, "/") {
		lp, err := LookPath(name)
		if lp != "" {
			cmd.Path = lp
		}
		if err != nil {
			cmd.Err = err
		}
	}
	return cmd
}

// LookPath searches $PATH for an executable named file: the sandbox has
// none, and a name with a slash names a file the program cannot have
// made executable.
func LookPath(file string) (string, error) {
	if strings.Contains(file, "/") {
		err := findExecutable(file)
		if err == nil {
			return file, nil
		}
		return "", &Error{file, err}
	}
	return "", &Error{file, ErrNotFound}
}

// findExecutable is Go's check of a named file: missing, a directory, or
// (every file of the in-memory file system) not executable.
func findExecutable(file string) error {
	d, err := os.Stat(file)
	if err != nil {
		return err
	}
	if d.Mode().IsDir() {
		return syscall.EISDIR
	}
	return fs.ErrPermission
}

func (c *Cmd) String() string {
	if c.Err != nil {
		return strings.Join(c.Args, " ")
	}
	b := new(strings.Builder)
	b.WriteString(c.Path)
	for _, a := range c.Args[1:] {
		b.WriteByte(' ')
		b.WriteString(a)
	}
	return b.String()
}

func (c *Cmd) Run() error {
	if err := c.Start(); err != nil {
		return err
	}
	return c.Wait()
}

// Start fails: with Command's lookup error, or as fork/exec of a file
// the sandbox does not have.
func (c *Cmd) Start() error {
	if c.startCalled {
		return errors.New("exec: already started")
	}
	c.startCalled = true
	if c.Path == "" && c.Err == nil {
		c.Err = errors.New("exec: no command")
	}
	if c.Err != nil {
		return c.Err
	}
	if err := findExecutable(c.Path); err != nil {
		return &fs.PathError{Op: "fork/exec", Path: c.Path, Err: err}
	}
	return &fs.PathError{Op: "fork/exec", Path: c.Path, Err: syscall.EACCES}
}

func (c *Cmd) Wait() error {
	if c.Process == nil {
		return errors.New("exec: not started")
	}
	return errors.New("exec: Wait was already called")
}

func (c *Cmd) Output() ([]byte, error) {
	if c.Stdout != nil {
		return nil, errors.New("exec: Stdout already set")
	}
	var stdout bytes.Buffer
	c.Stdout = &stdout
	err := c.Run()
	return stdout.Bytes(), err
}

func (c *Cmd) CombinedOutput() ([]byte, error) {
	if c.Stdout != nil {
		return nil, errors.New("exec: Stdout already set")
	}
	if c.Stderr != nil {
		return nil, errors.New("exec: Stderr already set")
	}
	var b bytes.Buffer
	c.Stdout = &b
	c.Stderr = &b
	err := c.Run()
	return b.Bytes(), err
}

func (c *Cmd) Environ() []string { return c.Env }
