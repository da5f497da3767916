// big_formatfloat.go writes 200k random strconv.FormatFloat cases for the
// ignored test big_float_file: go run big_formatfloat.go > /tmp/floats.txt,
// then FLOATS_FILE=/tmp/floats.txt cargo test -p gmp-engine big_float_file -- --ignored
package main

import (
	"bufio"
	"fmt"
	"math"
	"math/rand"
	"os"
	"strconv"
)

func main() {
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 200000; i++ {
		var v float64
		switch i % 4 {
		case 0:
			v = math.Float64frombits(r.Uint64())
		case 1:
			v = float64(math.Float32frombits(r.Uint32()))
		case 2:
			v = float64(r.Int63n(1e12)) / math.Pow(10, float64(r.Intn(15)))
		case 3:
			v = r.NormFloat64() * math.Pow(10, float64(r.Intn(40)-20))
		}
		if math.IsNaN(v) || math.IsInf(v, 0) {
			continue
		}
		bits := 64
		if i%2 == 1 {
			bits = 32
			v = float64(float32(v))
			if math.IsInf(v, 0) {
				continue
			}
		}
		fm := "efgx"[r.Intn(4)]
		prec := r.Intn(25) - 1
		fmt.Fprintf(w, "%x %c %d %d %s\n", math.Float64bits(v), fm, prec, bits, strconv.FormatFloat(v, fm, prec, bits))
	}
}
