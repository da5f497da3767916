package main

import (
	"fmt"
	"strings"
)

type Logger interface{ Log(string) }

type stdoutLogger struct{ prefix string }

func (l stdoutLogger) Log(m string) { fmt.Println(l.prefix + m) }

type Service struct {
	Logger
	name string
}

type upperLogger struct{ Logger }

func (u upperLogger) Log(m string) { u.Logger.Log(strings.ToUpper(m)) }

func main() {
	s := Service{stdoutLogger{"[svc] "}, "api"}
	s.Log("started " + s.name)
	var l Logger = s
	l.Log("via interface")
	s.Logger = upperLogger{stdoutLogger{"[up] "}}
	s.Log("decorated")
	empty := Service{name: "x"}
	defer func() { fmt.Println("recovered:", recover()) }()
	empty.Log("nil embedded interface")
}
