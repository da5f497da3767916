package main

func helper() int
