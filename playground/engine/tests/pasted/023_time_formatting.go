// Formatting and parsing fixed times, and durations.
package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.Date(2024, time.March, 9, 14, 5, 7, 0, time.UTC)
	fmt.Println(t)
	fmt.Println(t.Format(time.RFC3339), t.Format("2006-01-02 15:04"), t.Format("Mon Jan 2 3:04PM"))
	fmt.Println(t.Weekday(), t.YearDay(), t.Add(36*time.Hour).Format(time.DateOnly))
	p, err := time.Parse("2006-01-02", "2024-12-25")
	fmt.Println(p, err, p.Sub(t).Hours())
	d, _ := time.ParseDuration("1h15m30.5s")
	fmt.Println(d, d.Minutes(), d.Truncate(time.Minute), time.Duration(1500)*time.Microsecond)
}
