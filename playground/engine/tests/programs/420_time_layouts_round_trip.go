// Every layout constant of package time, both ways: a time formatted with
// the layout, that text parsed back with it, and formatted again.
package main

import (
	"fmt"
	"time"
)

func main() {
	layouts := []struct {
		name, layout string
	}{
		{"Layout", time.Layout},
		{"ANSIC", time.ANSIC},
		{"UnixDate", time.UnixDate},
		{"RubyDate", time.RubyDate},
		{"RFC822", time.RFC822},
		{"RFC822Z", time.RFC822Z},
		{"RFC850", time.RFC850},
		{"RFC1123", time.RFC1123},
		{"RFC1123Z", time.RFC1123Z},
		{"RFC3339", time.RFC3339},
		{"RFC3339Nano", time.RFC3339Nano},
		{"Kitchen", time.Kitchen},
		{"Stamp", time.Stamp},
		{"StampMilli", time.StampMilli},
		{"StampMicro", time.StampMicro},
		{"StampNano", time.StampNano},
		{"DateTime", time.DateTime},
		{"DateOnly", time.DateOnly},
		{"TimeOnly", time.TimeOnly},
	}
	zones := []*time.Location{time.UTC, time.FixedZone("PDT", -7*3600), time.FixedZone("", 5*3600+30*60)}
	base := time.Date(2024, time.March, 9, 14, 5, 7, 123456789, time.UTC)
	for _, z := range zones {
		t := base.In(z)
		fmt.Println("zone", z)
		for _, l := range layouts {
			s := t.Format(l.layout)
			p, err := time.Parse(l.layout, s)
			if err != nil {
				fmt.Printf("  %-11s %q: %v\n", l.name, s, err)
				continue
			}
			fmt.Printf("  %-11s %-38q -> %v | %s\n", l.name, s, p, p.Format(l.layout))
		}
	}
	// Midnight and noon on the 12-hour clock, a one-digit day.
	for _, h := range []int{0, 9, 12, 23} {
		t := time.Date(2009, time.November, 1, h, 4, 5, 0, time.UTC)
		fmt.Println(t.Format(time.Kitchen), t.Format(time.ANSIC), t.Format(time.Stamp), t.Format(time.RFC850))
	}
}
