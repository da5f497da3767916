// A meeting planner as learners write one: a meeting fixed in one city's
// wall clock, shown in each participant's zone through a year (the
// offsets between cities change when their daylight saving times start
// on different dates), and a countdown in days across a clock change.
package main

import (
	"fmt"
	"time"
)

func must(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

func main() {
	home := must("America/Los_Angeles")
	cities := []string{"America/New_York", "Europe/London", "Europe/Berlin", "Asia/Kolkata", "Asia/Tokyo", "Australia/Sydney"}
	for _, month := range []time.Month{time.January, time.March, time.April, time.October, time.November} {
		meet := time.Date(2025, month, 12, 9, 0, 0, 0, home)
		fmt.Printf("%s %s:", meet.Format("Jan 2 15:04 MST"), meet.Weekday())
		for _, c := range cities {
			t := meet.In(must(c))
			_, off := t.Zone()
			fmt.Printf(" %s(%+.1f)", t.Format("Mon 15:04 MST"), float64(off)/3600)
		}
		fmt.Println()
	}

	berlin := must("Europe/Berlin")
	start := time.Date(2025, 3, 29, 12, 0, 0, 0, berlin)
	end := time.Date(2025, 3, 31, 12, 0, 0, 0, berlin)
	fmt.Println(end.Sub(start), end.Sub(start).Hours()/24)
	for d := start; d.Before(end); d = d.Add(12 * time.Hour) {
		fmt.Println(d.Format(time.RFC3339), d.UTC().Format(time.Kitchen))
	}
	for d := start; d.Before(end); d = d.AddDate(0, 0, 1) {
		fmt.Println(d.Format(time.RFC3339))
	}

	tokyo := must("Asia/Tokyo")
	launch := time.Date(2025, 12, 31, 23, 59, 59, 0, tokyo)
	fmt.Println(launch.In(home), launch.Equal(launch.In(home)), launch.Location(), launch.In(home).Location())
	fmt.Println(launch.In(time.UTC).Truncate(24 * time.Hour).In(tokyo))
}
