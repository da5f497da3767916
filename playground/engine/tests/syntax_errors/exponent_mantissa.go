package main

var x = 0x1e3p2
var y = 0b1e3
var z = 1p3

func main() {}
