// time.LoadLocation and Time.In with real zones: abbreviations and
// offsets with daylight saving time from the tz database, local mean time
// before the first transition, war time, years far ahead (the POSIX rule
// past the table), ZoneBounds and IsDST, Date in a gap and in an overlap,
// Add and AddDate across a change, ParseInLocation with a zone
// abbreviation, and the errors for unknown and invalid names.
package main

import (
	"fmt"
	"time"
)

func main() {
	for _, name := range []string{"America/New_York", "America/Los_Angeles", "Europe/London", "Europe/Berlin", "Europe/Paris", "Asia/Tokyo", "Asia/Kolkata", "Asia/Shanghai", "Australia/Sydney", "UTC", "Local", ""} {
		loc, err := time.LoadLocation(name)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(loc, loc.String())
		for _, t := range []time.Time{
			time.Date(2024, 1, 15, 12, 0, 0, 0, time.UTC),
			time.Date(2024, 7, 1, 12, 0, 0, 0, time.UTC),
			time.Date(1850, 7, 1, 12, 0, 0, 0, time.UTC),
			time.Date(1944, 7, 1, 12, 0, 0, 0, time.UTC),
			time.Date(1975, 1, 1, 12, 0, 0, 0, time.UTC),
			time.Date(2100, 7, 1, 12, 0, 0, 0, time.UTC),
			time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC),
			time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC),
		} {
			lt := t.In(loc)
			name, off := lt.Zone()
			s, e := lt.ZoneBounds()
			fmt.Println(lt, name, off, lt.IsDST(), s, e, lt.Format(time.RFC1123Z))
		}
		d := time.Date(2024, 3, 10, 2, 30, 0, 0, loc)
		fmt.Println(d, d.Add(time.Hour), d.AddDate(0, 0, 1))
		d = time.Date(2024, 11, 3, 1, 30, 0, 0, loc)
		fmt.Println(d, d.Add(time.Hour), d.AddDate(0, 0, -1), d.UTC())
		fmt.Printf("%#v\n", d)
		p, err := time.ParseInLocation("2006-01-02 15:04 MST", "2024-07-04 09:00 EDT", loc)
		fmt.Println(p, err)
		p, err = time.ParseInLocation("2006-01-02 15:04 -0700", "2024-07-04 09:00 +0100", loc)
		fmt.Println(p, err)
		p, err = time.ParseInLocation("2006-01-02 15:04", "2024-07-04 09:00", loc)
		fmt.Println(p, err)
	}
	for _, bad := range []string{"Mars/Olympus", "../etc/passwd", "/etc/localtime", "america/new_york"} {
		_, err := time.LoadLocation(bad)
		fmt.Println(err)
	}
}
