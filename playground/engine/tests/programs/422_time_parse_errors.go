// The errors time.Parse reports, each a *time.ParseError with Go's text
// and fields: a bad element, a value out of range, extra text, days that
// do not exist.
package main

import (
	"errors"
	"fmt"
	"time"
)

func main() {
	cases := []struct{ layout, value string }{
		{"2006-01-02", "x"},
		{"2006-01-02", "2024-13-01"},
		{"2006-01-02", "2024-00-10"},
		{"2006-01-02", "2024-02-30"},
		{"2006-01-02", "2023-02-29"},
		{"2006-01-02", "2024-04-31"},
		{"2006-01-02", "2024-01-02 trailing"},
		{"2006-01-02", "2024-1-02"},
		{"2006-01-02", "24-01-02"},
		{"2006-01-02", "2024/01/02"},
		{"2006-01-02", ""},
		{"15:04:05", "25:00:00"},
		{"15:04:05", "12:60:00"},
		{"15:04:05", "12:00:61"},
		{"15:04:05", "12:00"},
		{"3:04PM", "13:04PM"},
		{"3:04PM", "1:04XM"},
		{"3:04pm", "1:04PM"},
		{"Jan 2", "Foo 2"},
		{"Mon Jan 2", "Xyz Jan 2"},
		{"Monday", "Mon"},
		{"2006-01-02T15:04:05Z07:00", "2024-01-02T15:04:05"},
		{"2006-01-02T15:04:05Z07:00", "2024-01-02T15:04:05+2500"},
		{"-0700", "+2500"},
		{"-0700", "+0199"},
		{"-07:00:00", "+01:00:99"},
		{"-07:00", "*01:00"},
		{"-07:00", "+01-00"},
		{"MST", "xyz"},
		{"MST", "ABCDEF"},
		{"15:04:05.000", "12:00:00.12"},
		{"15:04:05.000", "12:00:00x123"},
		{"002 2006", "367 2024"},
		{"002 2006", "000 2024"},
		{"Jan 002 2006", "Feb 061 2024"},
		{"2 002 2006", "3 061 2024"},
		{"002", "1"},
		{"__2", "x"},
		{"2006 MST", "2024 \u00e9t\u00e9"},
		{"2006", "2024\"\\\x01"},
		{"_2", ""},
	}
	for _, c := range cases {
		_, err := time.Parse(c.layout, c.value)
		fmt.Println(err)
		var pe *time.ParseError
		if errors.As(err, &pe) {
			fmt.Printf("  %q %q %q %q %q\n", pe.Layout, pe.Value, pe.LayoutElem, pe.ValueElem, pe.Message)
		}
	}
	e := &time.ParseError{Layout: "L", Value: "V", LayoutElem: "le", ValueElem: "ve"}
	fmt.Println(e.Error())
	e.Message = ": something else"
	fmt.Println(e)
}
