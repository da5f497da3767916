package main

var x = ٣abc

func main() {}
