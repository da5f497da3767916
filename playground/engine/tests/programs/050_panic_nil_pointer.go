package main

import "fmt"

type Config struct {
	Name string
	Port int
}

func port(c *Config) int {
	return c.Port
}

func main() {
	c := &Config{"srv", 80}
	fmt.Println(port(c))
	c = nil
	fmt.Println(port(c))
}
