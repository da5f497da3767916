package main

var r = 'a

func main() {}
