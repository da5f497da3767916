package main

var s = "\ud800"
var r = '\U00110000'

func main() {}
