// ParseInLocation with fixed zones: a value without a zone is in the
// location; an offset or name the location has is its zone; others get a
// zone of their own. Also Zone, In, AppendFormat, MarshalText, GoString.
package main

import (
	"fmt"
	"time"
)

func main() {
	est := time.FixedZone("EST", -5*3600)
	ist := time.FixedZone("IST", 5*3600+30*60)
	for _, loc := range []*time.Location{time.UTC, est, ist} {
		for _, v := range []struct{ layout, value string }{
			{time.DateTime, "2024-03-09 14:05:07"},
			{"2006-01-02 15:04 MST", "2024-03-09 14:05 EST"},
			{"2006-01-02 15:04 MST", "2024-03-09 14:05 IST"},
			{"2006-01-02 15:04 MST", "2024-03-09 14:05 UTC"},
			{"2006-01-02 15:04 -0700", "2024-03-09 14:05 -0500"},
			{"2006-01-02 15:04 -0700", "2024-03-09 14:05 +0530"},
			{"2006-01-02 15:04 MST -0700", "2024-03-09 14:05 IST +0530"},
			{time.RFC3339, "2024-03-09T14:05:07-05:00"},
			{time.RFC3339, "2024-03-09T14:05:07Z"},
		} {
			t, err := time.ParseInLocation(v.layout, v.value, loc)
			name, off := t.Zone()
			fmt.Printf("%-4v %-28q %v %v | %s %d %d %v\n", loc, v.value, t, err, name, off, t.Unix(), t.Location())
		}
	}

	t := time.Date(2024, time.December, 31, 22, 30, 0, 5000, est)
	fmt.Println(t, t.UTC(), t.In(ist), t.Equal(t.In(ist)), t == t.In(ist))
	fmt.Println(t.Year(), t.Month(), t.Day(), t.Hour(), t.Weekday(), t.YearDay(), t.Unix())
	fmt.Println(t.AddDate(0, 0, 1), t.Add(2*time.Hour), t.Truncate(time.Hour), t.Round(24*time.Hour))
	fmt.Printf("%#v\n%#v\n%#v\n", t, t.UTC(), time.Date(1, 1, 1, 0, 0, 0, 0, time.FixedZone("odd \"zone\"", 60)))
	fmt.Println(t.In(time.FixedZone("", -90*60)).String())

	b := []byte("at: ")
	b = t.AppendFormat(b, time.Kitchen)
	b = t.AppendFormat(b, " on "+time.DateOnly)
	fmt.Println(string(b))

	for _, u := range []time.Time{t, t.UTC(), time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2024, 1, 1, 0, 0, 0, 0, time.FixedZone("", 25*3600)), time.Date(-1, 1, 1, 0, 0, 0, 0, time.UTC)} {
		m, err := u.MarshalText()
		fmt.Printf("%q %v\n", m, err)
	}
	loc := time.FixedZone("XYZ", 3*3600)
	fmt.Println(loc, loc.String(), time.UTC, t.Location())
}
