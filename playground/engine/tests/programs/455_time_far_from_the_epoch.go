// Times far from 1970: the zero Time (year 1), year 9999 and beyond,
// time.Unix at the ends of int64, Add past what a Time can hold, Sub
// saturating at the largest Duration, and the Unix conversions that wrap,
// printed as Go's absolute-day arithmetic prints them.
package main

import (
	"fmt"
	"math"
	"time"
)

func main() {
	var zero time.Time
	fmt.Println(zero, zero.IsZero(), zero.Unix(), zero.UnixNano(), zero.Weekday(), zero.YearDay())
	y9999 := time.Date(9999, 12, 31, 23, 59, 59, 999999999, time.UTC)
	fmt.Println(y9999, y9999.Unix(), y9999.UnixNano(), y9999.Add(time.Nanosecond))
	fmt.Println(y9999.Sub(zero), zero.Sub(y9999), y9999.Sub(zero) == time.Duration(math.MaxInt64))
	for _, s := range []int64{1 << 62, -1 << 62, 1 << 40, -1 << 40, math.MaxInt64, math.MinInt64, -62135596800, -62135596801} {
		t := time.Unix(s, 0).UTC()
		fmt.Println(s, t, t.Year(), t.Month(), t.Day(), t.Weekday(), t.YearDay(), t.Unix() == s)
	}
	big := time.Unix(1<<62, 0).UTC()
	fmt.Println(big.Add(time.Duration(math.MaxInt64)))
	fmt.Println(big.Add(time.Duration(math.MinInt64)))
	fmt.Println(big.Sub(time.Unix(-1<<62, 0)), time.Unix(-1<<62, 0).Sub(big))
	fmt.Println(big.After(zero), zero.Before(big), big.Compare(zero), big.Equal(big.Add(0)))
	fmt.Println(zero.Add(-time.Nanosecond), zero.Add(-time.Nanosecond).Year())
	fmt.Println(zero.AddDate(-1, 0, 0), zero.AddDate(0, -13, 0), zero.AddDate(0, 0, -366))
	fmt.Println(y9999.AddDate(1, 0, 0), y9999.AddDate(0, 0, 1).Format(time.RFC3339Nano))
	fmt.Println(time.Date(-1, 3, 1, 0, 0, 0, 0, time.UTC), time.Date(0, 2, 29, 0, 0, 0, 0, time.UTC).YearDay())
	fmt.Println(time.Date(292277026596, 12, 4, 15, 30, 7, 0, time.UTC).Unix())
	fmt.Println(time.Date(2000, 1, 1, 0, 0, 0, math.MaxInt64, time.UTC))
	fmt.Println(time.Date(2000, math.MaxInt32, 1, 0, 0, 0, 0, time.UTC))
	fmt.Println(time.Date(2000, 1, math.MinInt32, 0, 0, 0, 0, time.UTC))
	fmt.Println(time.UnixMilli(math.MaxInt64).UTC(), time.UnixMicro(math.MinInt64).UTC())
	fmt.Println(big.Truncate(time.Hour), big.Round(24*time.Hour), zero.Round(time.Hour))
	t3000 := time.Date(3000, 1, 1, 0, 0, 0, 0, time.UTC)
	fmt.Println(t3000.UnixNano(), t3000.UnixMicro(), t3000.UnixMilli())
	fmt.Println(time.Since(t3000) < 0, time.Until(zero) < 0, time.Until(t3000))
	b, err := time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC).MarshalText()
	fmt.Println(string(b), err)
	fmt.Println(time.Date(-5000, 1, 1, 0, 0, 0, 0, time.UTC).Format(time.RFC1123))
	ny, _ := time.LoadLocation("America/New_York")
	fmt.Println(zero.In(ny), big.In(ny), time.Unix(-1<<62, 0).In(ny))
}
