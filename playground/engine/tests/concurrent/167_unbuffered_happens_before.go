package main

import "fmt"

func main() {
	msgs := make(chan string)
	acks := make(chan bool)
	var log []string
	go func() {
		for m := range msgs {
			log = append(log, "recv "+m)
			acks <- true
		}
		close(acks)
	}()
	for _, m := range []string{"one", "two", "three"} {
		msgs <- m
		<-acks
		log = append(log, "acked "+m)
	}
	close(msgs)
	<-acks
	for _, l := range log {
		fmt.Println(l)
	}
}
