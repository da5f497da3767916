package main

import "fmt"

type Store interface{ Get(k string) int }

type memStore struct{ data map[string]int }

func (m *memStore) Get(k string) int {
	v, ok := m.data[k]
	if !ok {
		panic(fmt.Sprintf("key %q missing", k))
	}
	return v
}

func total(s Store, keys ...string) int {
	t := 0
	for _, k := range keys {
		t += s.Get(k)
	}
	return t
}

func main() {
	var s Store = &memStore{map[string]int{"a": 1, "b": 2}}
	fmt.Println(total(s, "a", "b"))
	fmt.Println(total(s, "a", "z"))
}
