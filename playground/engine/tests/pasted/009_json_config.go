// Decoding a JSON config, printing it back: what a service's main does first.
package main

import (
	"encoding/json"
	"fmt"
)

type Config struct {
	Name    string   `json:"name"`
	Workers int      `json:"workers"`
	Tags    []string `json:"tags,omitempty"`
}

func main() {
	var c Config
	if err := json.Unmarshal([]byte(`{"name":"pool","workers":4,"tags":["a","b"]}`), &c); err != nil {
		fmt.Println("error:", err)
		return
	}
	fmt.Printf("%+v\n", c)
	out, _ := json.MarshalIndent(c, "", "  ")
	fmt.Println(string(out))
}
