package main

import (
	"fmt"
	"time"
)

func main() {
	ds := []time.Duration{
		0,
		1,
		1500 * time.Microsecond,
		100 * time.Millisecond,
		1500 * time.Millisecond,
		90 * time.Second,
		2*time.Hour + 3*time.Minute + 4*time.Second + 5*time.Millisecond,
		-250 * time.Millisecond,
		time.Duration(1<<63 - 1),
	}
	for _, d := range ds {
		fmt.Println(d, int64(d))
	}
	d := 1500 * time.Millisecond
	fmt.Println(d.Seconds(), d.Milliseconds(), d.Microseconds(), d.Minutes())
	fmt.Println(d.Round(time.Second), d.Truncate(time.Second))
	fmt.Printf("%v %d %s\n", d, d, d)
	p, err := time.ParseDuration("1h15m30.5s")
	fmt.Println(p, err, p.Hours())
	_, err = time.ParseDuration("5 parsecs")
	fmt.Println(err)
}
