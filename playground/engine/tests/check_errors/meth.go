package main
type T struct{ x int }
func (t *T) Inc() { t.x++ }
func (t T) Get() int { return t.x }
func (t T) Get() int { return 0 }
func main() {
	T{}.Inc()
	f := T.Inc
	_ = f
	var p *T
	p.Get(1)
	_ = p.Get
	var m map[string]T
	m["a"].Inc()
	T.Get()
}
