package main

type T struct{ N int }

func (t *T) Inc() { t.N++ }

func main() {
	m := map[string]T{"a": {}}
	p := &m["a"]
	m["a"].N = 2
	m["a"].Inc()
	_ = p
}
