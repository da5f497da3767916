package iter

// Seq and Seq2 as Go's iter/iter.go declares them. Pull and Pull2 run
// the iterator as a coroutine, which the playground does not have yet
// (check/packages.rs says so at their use).

//line iter.go:223
type Seq[V any] func(yield func(V) bool)

//line iter.go:229
type Seq2[K, V any] func(yield func(K, V) bool)
