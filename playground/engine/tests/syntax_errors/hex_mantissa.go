package main

var x = 0x1.8
