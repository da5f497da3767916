package main

var x = 0b1.0
var y = 0o7.1

func main() {}
