package main
1__2
var r = 'ab'
var s = "x
