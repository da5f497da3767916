package rand

import "math/bits"

// Go's math/rand/v2, in Go: Rand derives every value from its Source's
// Uint64, call for call as Go 1.27 does (Lemire's multiply-and-shift for
// bounded values), and PCG is Go's 128-bit permuted congruential
// generator, so rand.New(rand.NewPCG(1, 2)) gives Go's numbers. After
// Go's rand.go and pcg.go (Copyright The Go Authors, BSD-style license);
// the `//line` comments put each function at its line in Go's files, where
// a traceback through it points. The generic N, ChaCha8, NormFloat64,
// ExpFloat64 and Zipf are not here yet.
//
// The top-level functions draw from the run's seeded choices (the
// runtimeSource native), as Go's draw from the runtime's random source.

type Source interface {
	Uint64() uint64
}

type Rand struct {
	src Source
}

//line rand.go:43
func New(src Source) *Rand {
	return &Rand{src: src}
}

//line rand.go:48
func (r *Rand) Int64() int64 { return int64(r.src.Uint64() &^ (1 << 63)) }

//line rand.go:51
func (r *Rand) Uint32() uint32 { return uint32(r.src.Uint64() >> 32) }

//line rand.go:54
func (r *Rand) Uint64() uint64 { return r.src.Uint64() }

//line rand.go:57
func (r *Rand) Int32() int32 { return int32(r.src.Uint64() >> 33) }

//line rand.go:60
func (r *Rand) Int() int { return int(uint(r.src.Uint64()) << 1 >> 1) }

//line rand.go:63
func (r *Rand) Uint() uint { return uint(r.src.Uint64()) }

//line rand.go:67
func (r *Rand) Int64N(n int64) int64 {
	if n <= 0 {
		panic("invalid argument to Int64N")
	}
	return int64(r.uint64n(uint64(n)))
}

//line rand.go:76
func (r *Rand) Uint64N(n uint64) uint64 {
	if n == 0 {
		panic("invalid argument to Uint64N")
	}
	return r.uint64n(n)
}

// uint64n: a power of two is masked, else the high word of a 128-bit
// product, resampled while the low word falls below 2^64 mod n.
//line rand.go:84
func (r *Rand) uint64n(n uint64) uint64 {
//line rand.go:88
	if n&(n-1) == 0 {
		return r.Uint64() & (n - 1)
	}
//line rand.go:122
	hi, lo := bits.Mul64(r.Uint64(), n)
	if lo < n {
		thresh := -n % n
		for lo < thresh {
			hi, lo = bits.Mul64(r.Uint64(), n)
		}
	}
	return hi
}

//line rand.go:174
func (r *Rand) Int32N(n int32) int32 {
	if n <= 0 {
		panic("invalid argument to Int32N")
	}
	return int32(r.uint64n(uint64(n)))
}

//line rand.go:183
func (r *Rand) Uint32N(n uint32) uint32 {
	if n == 0 {
		panic("invalid argument to Uint32N")
	}
	return uint32(r.uint64n(uint64(n)))
}

//line rand.go:194
func (r *Rand) IntN(n int) int {
	if n <= 0 {
		panic("invalid argument to IntN")
	}
	return int(r.uint64n(uint64(n)))
}

//line rand.go:203
func (r *Rand) UintN(n uint) uint {
	if n == 0 {
		panic("invalid argument to UintN")
	}
	return uint(r.uint64n(uint64(n)))
}

//line rand.go:221
func (r *Rand) Float64() float64 {
//line rand.go:223
	return float64(r.Uint64()<<11>>11) / (1 << 53)
}

//line rand.go:227
func (r *Rand) Float32() float32 {
//line rand.go:229
	return float32(r.Uint32()<<8>>8) / (1 << 24)
}

//line rand.go:234
func (r *Rand) Perm(n int) []int {
	p := make([]int, n)
	for i := range p {
		p[i] = i
	}
	r.Shuffle(len(p), func(i, j int) { p[i], p[j] = p[j], p[i] })
	return p
}

//line rand.go:246
func (r *Rand) Shuffle(n int, swap func(i, j int)) {
	if n < 0 {
		panic("invalid argument to Shuffle")
	}
//line rand.go:257
	for i := n - 1; i > 0; i-- {
		j := int(r.uint64n(uint64(i + 1)))
		swap(i, j)
	}
}

var globalRand = &Rand{src: runtimeSource{}}

// runtime_rand is the run's 64 random bits.
func runtime_rand() uint64

type runtimeSource struct{}

//line rand.go:277
func (runtimeSource) Uint64() uint64 {
	return runtime_rand()
}

//line rand.go:283
func Int64() int64 { return globalRand.Int64() }

//line rand.go:287
func Uint32() uint32 { return globalRand.Uint32() }

//line rand.go:292
func Uint64N(n uint64) uint64 { return globalRand.Uint64N(n) }

//line rand.go:297
func Uint32N(n uint32) uint32 { return globalRand.Uint32N(n) }

//line rand.go:301
func Uint64() uint64 { return globalRand.Uint64() }

//line rand.go:305
func Int32() int32 { return globalRand.Int32() }

//line rand.go:308
func Int() int { return globalRand.Int() }

//line rand.go:311
func Uint() uint { return globalRand.Uint() }

//line rand.go:316
func Int64N(n int64) int64 { return globalRand.Int64N(n) }

//line rand.go:321
func Int32N(n int32) int32 { return globalRand.Int32N(n) }

//line rand.go:326
func IntN(n int) int { return globalRand.IntN(n) }

//line rand.go:331
func UintN(n uint) uint { return globalRand.UintN(n) }

//line rand.go:347
func Float64() float64 { return globalRand.Float64() }

//line rand.go:351
func Float32() float32 { return globalRand.Float32() }

//line rand.go:355
func Perm(n int) []int { return globalRand.Perm(n) }

//line rand.go:360
func Shuffle(n int, swap func(i, j int)) { globalRand.Shuffle(n, swap) }

// pcg.go: a PCG generator with 128 bits of state, stepped as an LCG and
// output through a DXSM permutation.

type PCG struct {
	hi uint64
	lo uint64
}

//line pcg.go:24
func NewPCG(seed1, seed2 uint64) *PCG {
	return &PCG{seed1, seed2}
}

//line pcg.go:29
func (p *PCG) Seed(seed1, seed2 uint64) {
	p.hi = seed1
	p.lo = seed2
}

// next steps the state: state = state * mul + inc, mod 2^128.
//line pcg.go:59
func (p *PCG) next() (hi, lo uint64) {
	const (
		mulHi = 2549297995355413924
		mulLo = 4865540595714422341
		incHi = 6364136223846793005
		incLo = 1442695040888963407
	)
	hi, lo = bits.Mul64(p.lo, mulLo)
	hi += p.hi*mulLo + p.lo*mulHi
	lo, c := bits.Add64(lo, incLo, 0)
	hi, _ = bits.Add64(hi, incHi, c)
	p.lo = lo
	p.hi = hi
	return hi, lo
}

//line pcg.go:86
func (p *PCG) Uint64() uint64 {
	hi, lo := p.next()
	const cheapMul = 0xda942042e4dd58b5
	hi ^= hi >> 32
	hi *= cheapMul
	hi ^= hi >> 48
	hi *= (lo | 1)
	return hi
}
