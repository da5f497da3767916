// Floats encode as Go's encoder writes them (exponents only below 1e-6
// or from 1e21), and numbers decode into float64 when the target is any.
package main

import (
	"encoding/json"
	"fmt"
)

func main() {
	for _, f := range []float64{0, 1, -1, 0.1, 1.5, 100, 1e6, 1e20, 1e21, 1.5e21, 123456789012345678, 1e-6, 1e-7, 0.000001234, 5e-324, 1.7976931348623157e308, -0.0, 3.0} {
		b, _ := json.Marshal(f)
		fmt.Println(string(b))
	}
	for _, f := range []float32{0.1, 1e21, 1e-7, 16777216, 3.4028235e38} {
		b, _ := json.Marshal(f)
		fmt.Println(string(b))
	}
	var v any
	json.Unmarshal([]byte(`[1, 2.5, -3e2, 1e400, 12345678901234567890, 0.1]`), &v)
	for _, x := range v.([]any) {
		fmt.Printf("%T %v\n", x, x)
	}
	var xs []float32
	fmt.Println(json.Unmarshal([]byte(`[1.5, 3.4e39]`), &xs), xs)
	var big struct{ N uint64 }
	fmt.Println(json.Unmarshal([]byte(`{"N":18446744073709551615}`), &big), big.N)
	fmt.Println(json.Unmarshal([]byte(`{"N":-1}`), &big), big.N)
	var i struct{ N int64 }
	fmt.Println(json.Unmarshal([]byte(`{"N":1e3}`), &i), i.N)
}
