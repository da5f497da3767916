// big_parsefloat.go writes 200k random strconv.ParseFloat cases (hex and
// decimal, subnormals included) for the ignored test big_parse_float_file:
// go run big_parsefloat.go > /tmp/pf.txt, then
// PARSE_FLOAT_FILE=/tmp/pf.txt cargo test -p gmp-engine big_parse_float_file -- --ignored
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
	r := rand.New(rand.NewSource(3))
	for i := 0; i < 100000; i++ {
		var s string
		switch i % 4 {
		case 0: // hex floats across the whole range, long mantissas
			s = fmt.Sprintf("0x%x.%xp%d", r.Uint64()>>uint(r.Intn(64)), r.Uint64(), r.Intn(2300)-1150)
		case 1: // decimal with many digits
			s = fmt.Sprintf("%d.%de%d", r.Int63(), r.Int63(), r.Intn(700)-350)
		case 2:
			s = strconv.FormatFloat(math.Float64frombits(r.Uint64()), 'g', r.Intn(20), 64)
		case 3:
			s = fmt.Sprintf("0x1.%013xp-%d", r.Uint64()&(1<<52-1), 1000+r.Intn(100))
		}
		for _, bits := range []int{64, 32} {
			v, err := strconv.ParseFloat(s, bits)
			e := "ok"
			if err != nil {
				e = "err"
			}
			fmt.Fprintf(w, "%s %d %x %s\n", s, bits, math.Float64bits(v), e)
		}
	}
}
