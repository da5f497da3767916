package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.Date(2009, time.November, 10, 23, 0, 0, 0, time.UTC)
	fmt.Println(t)
	fmt.Println(t.Add(90 * time.Minute).Format(time.RFC3339))
	fmt.Println(t.Weekday(), t.YearDay(), t.Unix())
	u := t.Add(36*time.Hour + 30*time.Second)
	fmt.Println(u.Sub(t), u.Format("2006-01-02 15:04:05"))
	fmt.Println(t.Truncate(24*time.Hour).Format(time.Kitchen))
	deadline := t.Add(2 * time.Second)
	fmt.Println(deadline.Sub(t) > time.Second, t.Equal(t.UTC()))
}
