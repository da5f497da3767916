// The elements of a layout one by one: fractional seconds (.000, .999,
// ,000, digits in the value the layout does not ask for), zone offsets,
// padded days and year days, names of months and days in any case, AM/PM,
// two-digit years, and years before 1000 or before year 0.
package main

import (
	"fmt"
	"time"
)

func show(layout, value string) {
	t, err := time.Parse(layout, value)
	if err != nil {
		fmt.Printf("%-34q %-34q error: %v\n", layout, value, err)
		return
	}
	fmt.Printf("%-34q %-34q %v\n", layout, value, t)
}

func main() {
	t := time.Date(2024, time.February, 5, 7, 8, 9, 120000000, time.UTC)
	for _, l := range []string{"05.000", "05.999", "05,000", "05,999", "05.0", "05.9", "05.000000", "05.999999999", "05.000000000", "15:04:05.00000000000", "05.99x", "05.0001"} {
		fmt.Printf("%-24q %q %q\n", l, t.Format(l), t.Add(3*time.Millisecond).Format(l))
	}
	show("15:04:05", "07:08:09.123456789")
	show("15:04:05", "07:08:09,5")
	show("15:04:05", "07:08:09.1234567891234")
	show("15:04:05.000", "07:08:09.120")
	show("15:04:05,000", "07:08:09,120")
	show("15:04:05.999", "07:08:09")
	show("15:04:05.999", "07:08:09.98765")
	show("15:04:05.999999999", "07:08:09.000000001")

	zl := []string{"Z07:00", "Z0700", "Z07", "Z070000", "Z07:00:00", "-07:00", "-0700", "-07", "-070000", "-07:00:00", "MST"}
	for _, off := range []int{0, -7 * 3600, 5*3600 + 45*60, -(3*3600 + 30*60 + 15)} {
		z := time.FixedZone("", off)
		for _, l := range zl {
			fmt.Printf("%q ", t.In(z).Format(l))
		}
		fmt.Println()
	}
	show("2006-01-02 15:04 Z07:00", "2024-02-05 07:08 Z")
	show("2006-01-02 15:04 Z07:00", "2024-02-05 07:08 +05:30")
	show("2006-01-02 15:04 -0700", "2024-02-05 07:08 -0800")
	show("2006-01-02 15:04 -07", "2024-02-05 07:08 +09")
	show("2006-01-02 15:04 -07:00:00", "2024-02-05 07:08 -01:02:03")
	show("2006-01-02 15:04 MST", "2024-02-05 07:08 UTC")
	show("2006-01-02 15:04 MST", "2024-02-05 07:08 PST")
	show("2006-01-02 15:04 MST", "2024-02-05 07:08 CEST")
	show("2006-01-02 15:04 MST", "2024-02-05 07:08 GMT+3")
	show("2006-01-02 15:04 MST", "2024-02-05 07:08 +07")
	show("2006-01-02 15:04 MST", "2024-02-05 07:08 ChST")
	show("2006-01-02 15:04 MST -0700", "2024-02-05 07:08 EST -0500")

	for _, d := range []int{1, 9, 10, 31} {
		u := time.Date(2024, time.January, d, 0, 0, 0, 0, time.UTC)
		fmt.Printf("[%s] [%s] [%s] [%s] [%s]\n", u.Format("_2"), u.Format("__2"), u.Format("002"), u.Format("2"), u.AddDate(0, 11, 0).Format("__2 002"))
	}
	show("Jan _2 2006", "Feb  5 2024")
	show("Jan _2 2006", "Feb 15 2024")
	show("__2 2006", "  5 2024")
	show("__2 2006", " 60 2024")
	show("002 2006", "060 2023")
	show("002 2006", "366 2024")
	show("Jan 002 2006", "Mar 061 2024")

	show("Monday, January 2, 2006", "tuesday, FEBRUARY 6, 2024")
	show("Mon Jan 2 2006", "SUN dec 31 2023")
	show("Mon Jan 2 2006", "Fri Aug 9 1974")
	fmt.Println(t.Format("Monday Mon January Jan Month Janet"))

	for _, h := range []int{0, 1, 11, 12, 13, 23} {
		u := time.Date(2024, 1, 1, h, 30, 0, 0, time.UTC)
		fmt.Print(u.Format("3:04PM 03:04pm"), " | ")
	}
	fmt.Println()
	show("3:04PM", "12:30AM")
	show("3:04PM", "12:30PM")
	show("3:04pm", "1:30pm")
	show("03:04 PM", "11:59 AM")

	show("06-01-02", "68-01-02")
	show("06-01-02", "69-01-02")
	for _, y := range []int{999, 45, 0, -1, -44, -12345, 12345} {
		u := time.Date(y, time.July, 4, 0, 0, 0, 0, time.UTC)
		fmt.Println(u.Format(time.RFC3339), u.Format("06 2006 _2006"), u)
	}
	show("2006-01-02", "0999-07-04")
	show("2006-01-02", "0000-07-04")
	show("_2006", "_2024")
	show("15:04", "7:8")
}
