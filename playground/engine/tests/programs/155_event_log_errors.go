package main

import (
	"errors"
	"fmt"
	"strings"
)

type Severity int

const (
	Info Severity = iota + 1
	Warn
	Fatal
)

func (s Severity) String() string {
	switch s {
	case Info:
		return "INFO"
	case Warn:
		return "WARN"
	case Fatal:
		return "FATAL"
	}
	return "?"
}

type LogError struct {
	Sev  Severity
	Line int
	Err  error
}

func (e *LogError) Error() string { return fmt.Sprintf("%v at line %d: %v", e.Sev, e.Line, e.Err) }
func (e *LogError) Unwrap() error { return e.Err }

var ErrTimeout = errors.New("timeout")

func parseLine(n int, l string) error {
	parts := strings.SplitN(l, " ", 2)
	switch parts[0] {
	case "ok":
		return nil
	case "slow":
		return &LogError{Warn, n, ErrTimeout}
	case "crash":
		return &LogError{Fatal, n, errors.New(parts[1])}
	}
	return &LogError{Info, n, fmt.Errorf("unknown entry %q", l)}
}

func main() {
	lines := []string{"ok", "slow", "weird thing", "crash out of memory", "ok"}
	var errs []error
	for i, l := range lines {
		if err := parseLine(i+1, l); err != nil {
			errs = append(errs, err)
		}
	}
	all := errors.Join(errs...)
	fmt.Println(all)
	fmt.Println("timeout?", errors.Is(all, ErrTimeout))
	var le *LogError
	for _, e := range errs {
		if errors.As(e, &le) && le.Sev == Fatal {
			fmt.Println("fatal:", le.Err)
		}
	}
}
