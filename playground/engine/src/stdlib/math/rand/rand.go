package rand

// Go's math/rand, with Go's generators: a Source of the additive lagged
// Fibonacci kind (Mitchell and Reeds) seeded through a Lehmer generator and
// Go's table of cooked values, and the Rand methods deriving every other
// value from its Int63, call for call as Go 1.27 does, so that
// rand.New(rand.NewSource(42)) gives Go's numbers. After Go's rand.go and
// rng.go (Copyright The Go Authors, BSD-style license); the `//line`
// comments put each function at its line in Go's files, which is where a
// traceback through it points.
//
// The top-level functions draw from the run's seeded choices (the
// runtimeSource natives), as Go's draw from the runtime's random source.
// Since Go 1.24 the top-level Seed does nothing (GODEBUG randseednop).

type Source interface {
	Int63() int64
	Seed(seed int64)
}

type Source64 interface {
	Source
	Uint64() uint64
}

//line rand.go:51
func NewSource(seed int64) Source {
	return newSource(seed)
}

func newSource(seed int64) *rngSource {
	var rng rngSource
	rng.Seed(seed)
	return &rng
}

type Rand struct {
	src     Source
	s64     Source64
	readVal int64
	readPos int8
}

//line rand.go:78
func New(src Source) *Rand {
	s64, _ := src.(Source64)
	return &Rand{src: src, s64: s64}
}

//line rand.go:85
func (r *Rand) Seed(seed int64) {
//line rand.go:91
	r.src.Seed(seed)
	r.readPos = 0
}

//line rand.go:96
func (r *Rand) Int63() int64 { return r.src.Int63() }

//line rand.go:99
func (r *Rand) Uint32() uint32 { return uint32(r.Int63() >> 31) }

//line rand.go:102
func (r *Rand) Uint64() uint64 {
	if r.s64 != nil {
		return r.s64.Uint64()
	}
	return uint64(r.Int63())>>31 | uint64(r.Int63())<<32
}

//line rand.go:110
func (r *Rand) Int31() int32 { return int32(r.Int63() >> 32) }

//line rand.go:113
func (r *Rand) Int() int {
	u := uint(r.Int63())
	return int(u << 1 >> 1)
}

//line rand.go:120
func (r *Rand) Int63n(n int64) int64 {
	if n <= 0 {
		panic("invalid argument to Int63n")
	}
	if n&(n-1) == 0 {
		return r.Int63() & (n - 1)
	}
	max := int64((1 << 63) - 1 - (1<<63)%uint64(n))
	v := r.Int63()
	for v > max {
		v = r.Int63()
	}
	return v % n
}

//line rand.go:137
func (r *Rand) Int31n(n int32) int32 {
	if n <= 0 {
		panic("invalid argument to Int31n")
	}
	if n&(n-1) == 0 {
		return r.Int31() & (n - 1)
	}
	max := int32((1 << 31) - 1 - (1<<31)%uint32(n))
	v := r.Int31()
	for v > max {
		v = r.Int31()
	}
	return v % n
}

// int31n is Lemire's multiply-and-shift reduction (Shuffle's).
//line rand.go:161
func (r *Rand) int31n(n int32) int32 {
	v := r.Uint32()
	prod := uint64(v) * uint64(n)
	low := uint32(prod)
	if low < uint32(n) {
		thresh := uint32(-n) % uint32(n)
		for low < thresh {
			v = r.Uint32()
			prod = uint64(v) * uint64(n)
			low = uint32(prod)
		}
	}
	return int32(prod >> 32)
}

//line rand.go:178
func (r *Rand) Intn(n int) int {
	if n <= 0 {
		panic("invalid argument to Intn")
	}
	if _, ok := r.src.(*runtimeSource); ok {
		// The top-level Intn: one choice of n, which a schedule can pick.
		return runtimeIntn(n)
	}
//line rand.go:182
	if n <= 1<<31-1 {
		return int(r.Int31n(int32(n)))
	}
	return int(r.Int63n(int64(n)))
}

// Float64 resamples the value that rounds up to 1 (Go's `goto again`).
//line rand.go:189
func (r *Rand) Float64() float64 {
	for {
//line rand.go:207
		f := float64(r.Int63()) / (1 << 63)
		if f != 1 {
			return f
		}
	}
}

//line rand.go:215
func (r *Rand) Float32() float32 {
	for {
//line rand.go:220
		f := float32(r.Float64())
		if f != 1 {
			return f
		}
	}
}

//line rand.go:229
func (r *Rand) Perm(n int) []int {
	m := make([]int, n)
//line rand.go:237
	for i := 0; i < n; i++ {
		j := r.Intn(i + 1)
		m[i] = m[j]
		m[j] = i
	}
	return m
}

//line rand.go:247
func (r *Rand) Shuffle(n int, swap func(i, j int)) {
	if n < 0 {
		panic("invalid argument to Shuffle")
	}
//line rand.go:258
	i := n - 1
	for ; i > 1<<31-1-1; i-- {
		j := int(r.Int63n(int64(i + 1)))
		swap(i, j)
	}
	for ; i > 0; i-- {
		j := int(r.int31n(int32(i + 1)))
		swap(i, j)
	}
}

//line rand.go:272
func (r *Rand) Read(p []byte) (n int, err error) {
//line rand.go:279
	return read(p, r.src, &r.readVal, &r.readPos)
}

//line rand.go:282
func read(p []byte, src Source, readVal *int64, readPos *int8) (n int, err error) {
	pos := *readPos
	val := *readVal
	rng, _ := src.(*rngSource)
	for n = 0; n < len(p); n++ {
		if pos == 0 {
			if rng != nil {
				val = rng.Int63()
			} else {
				val = src.Int63()
			}
			pos = 7
		}
		p[n] = byte(val)
		val >>= 8
		pos--
	}
	*readPos = pos
	*readVal = val
	return
}

// The generator of the top-level functions.
var globalRandom = &Rand{src: &runtimeSource{}, s64: &runtimeSource{}}

//line rand.go:321
func globalRand() *Rand {
	return globalRandom
}

// runtime_rand is the run's 64 random bits; runtimeIntn a value in [0,n).
func runtime_rand() uint64
func runtimeIntn(n int) int

type runtimeSource struct{}

//line rand.go:362
func (*runtimeSource) Int63() int64 {
	return int64(runtime_rand() & rngMask)
}

//line rand.go:366
func (*runtimeSource) Seed(int64) {
	panic("internal error: call to runtimeSource.Seed")
}

//line rand.go:370
func (*runtimeSource) Uint64() uint64 {
	return runtime_rand()
}

// Seed does nothing since Go 1.24 (GODEBUG randseednop=1, the default).
//line rand.go:400
func Seed(seed int64) {
}

//line rand.go:434
func Int63() int64 { return globalRand().Int63() }

//line rand.go:438
func Uint32() uint32 { return globalRand().Uint32() }

//line rand.go:442
func Uint64() uint64 { return globalRand().Uint64() }

//line rand.go:446
func Int31() int32 { return globalRand().Int31() }

//line rand.go:449
func Int() int { return globalRand().Int() }

//line rand.go:454
func Int63n(n int64) int64 { return globalRand().Int63n(n) }

//line rand.go:459
func Int31n(n int32) int32 { return globalRand().Int31n(n) }

//line rand.go:464
func Intn(n int) int { return globalRand().Intn(n) }

//line rand.go:468
func Float64() float64 { return globalRand().Float64() }

//line rand.go:472
func Float32() float32 { return globalRand().Float32() }

//line rand.go:476
func Perm(n int) []int { return globalRand().Perm(n) }

//line rand.go:481
func Shuffle(n int, swap func(i, j int)) { globalRand().Shuffle(n, swap) }

//line rand.go:489
func Read(p []byte) (n int, err error) { return globalRand().Read(p) }

// rng.go: the generator.

const (
	rngLen   = 607
	rngTap   = 273
	rngMax   = 1 << 63
	rngMask  = rngMax - 1
	int32max = (1 << 31) - 1
)

// rngCooked is in cooked.go, recorded from real Go's output.

// The generator: a ring of rngLen words in which each new word is the sum
// of the word it replaces and the one rngTap slots on (mod 2**64). feed is
// the slot replaced next, tap the slot added to it; both walk down the ring.
type rngSource struct {
	tap  int
	feed int
	vec  [rngLen]int64
}

// seedrand is the Lehmer step x -> 48271*x mod (2**31-1) (the "minimal
// standard" generator) that spreads a seed over the ring.
//line rng.go:187
func seedrand(x int32) int32 {
	return int32(int64(x) * 48271 % int32max)
}

// Seed fills the ring from seed: the Lehmer sequence from seed, its first
// 20 steps skipped, three steps per slot packed into a word (at bits 40,
// 20 and 0), each mixed with its rngCooked word.
//line rng.go:204
func (rng *rngSource) Seed(seed int64) {
	seed %= int32max
	if seed < 0 {
		seed += int32max
	}
	if seed == 0 {
		seed = 89482311
	}
	x := int32(seed)
	for k := 0; k < 20; k++ {
		x = seedrand(x)
	}
	for i := range rng.vec {
		x = seedrand(x)
		word := int64(x) << 40
		x = seedrand(x)
		word ^= int64(x) << 20
		x = seedrand(x)
		rng.vec[i] = word ^ int64(x) ^ rngCooked[i]
	}
	rng.tap, rng.feed = 0, rngLen-rngTap
}

//line rng.go:233
func (rng *rngSource) Int63() int64 {
	return int64(rng.Uint64() & rngMask)
}

//line rng.go:238
func (rng *rngSource) Uint64() uint64 {
	rng.tap = (rng.tap + rngLen - 1) % rngLen
	rng.feed = (rng.feed + rngLen - 1) % rngLen
	rng.vec[rng.feed] += rng.vec[rng.tap]
	return uint64(rng.vec[rng.feed])
}
