// HTML characters in strings are escaped as Go does, unless an Encoder
// is told not to; HTMLEscape does it on JSON text.
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
)

func main() {
	v := map[string]string{"<key>": "a < b && c > d", "line": "x\u2028y\u2029z"}
	b, _ := json.Marshal(v)
	fmt.Println(string(b))

	enc := json.NewEncoder(os.Stdout)
	enc.Encode(v)
	enc.SetEscapeHTML(false)
	enc.Encode(v)

	var buf bytes.Buffer
	json.HTMLEscape(&buf, []byte(`{"html":"<b>&amp;</b>"}`))
	fmt.Println(buf.String())

	var s string
	json.Unmarshal([]byte(`"\u003cp\u003e \u0026 \/"`), &s)
	fmt.Println(s)
}
