// encoding/json stays within the heap budget: marshalling a value bigger
// than the budget, and indenting text nested so deep that its indentation
// would outgrow it, run out of memory with the budget's message rather
// than exhausting the host.
// run: heap_budget=67108864
package main

import (
	"encoding/json"
	"fmt"
	"strings"
)

func main() {
	deep := strings.Repeat("[", 10000) + strings.Repeat("]", 10000)
	b, err := json.MarshalIndent(json.RawMessage(deep[:20]+deep[len(deep)-20:]), "", "  ")
	fmt.Println(len(b), err)
	var v any
	fmt.Println(json.Unmarshal([]byte(deep), &v))
	big := make([]string, 1<<14)
	for i := range big {
		big[i] = strings.Repeat("x", 1024)
	}
	b, err = json.Marshal(big)
	fmt.Println(len(b), err)
	_, err = json.MarshalIndent(v, "", strings.Repeat(" ", 1000))
	fmt.Println(err)
}
