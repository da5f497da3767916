package main

var r = ''
