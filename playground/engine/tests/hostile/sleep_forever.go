// Sleeps an hour at a time, for ever: the virtual clock's budget (a year
// by default) stops it.
package main

import "time"

func main() {
	for {
		time.Sleep(time.Hour)
	}
}
