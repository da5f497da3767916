package main

var x = 1__0
var y = 0x_1
var z = 10_
