package main

import (
	"errors"
	"fmt"
)

type Temporary interface{ Temporary() bool }

type netErr struct{ code int }

func (e netErr) Error() string   { return fmt.Sprintf("net error %d", e.code) }
func (e netErr) Temporary() bool { return e.code >= 500 }

func main() {
	err := fmt.Errorf("request failed: %w", netErr{503})
	var ne netErr
	fmt.Println(errors.As(err, &ne), ne.code)
	var t Temporary
	if errors.As(err, &t) {
		fmt.Println("temporary:", t.Temporary())
	}
	var target *netErr
	fmt.Println(errors.As(err, &target), target == nil)
	fmt.Println(errors.Is(err, netErr{503}), errors.Is(err, netErr{500}))
}
