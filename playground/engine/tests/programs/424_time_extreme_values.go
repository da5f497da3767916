// Times at the ends of int64: huge years and zone offsets wrap as Go's
// arithmetic does, and formatting them never fails.
package main

import (
	"fmt"
	"math"
	"time"
)

func main() {
	for _, y := range []int{math.MaxInt64, math.MinInt64, 1 << 40} {
		t := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
		fmt.Println(t.Unix(), t.Format("2006 06 Jan 2 Mon 002"))
	}
	for _, off := range []int{math.MinInt64, math.MaxInt64, 1<<31 + 7} {
		u := time.Date(2020, 1, 1, 0, 0, 0, 0, time.FixedZone("", off))
		fmt.Println(u.Format(time.RFC3339), u.Format("-07:00:00 Z070000 MST"))
		v, err := time.ParseInLocation("2006", "2020", time.FixedZone("x", off))
		fmt.Println(v.Unix(), err)
	}
	fmt.Println(time.Unix(math.MaxInt64, 999999999).UTC())
}
