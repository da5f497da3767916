package main

// A program importing library Go (math/rand) still gets its own import
// errors.
import (
	"fmt"
	fmt "strings"
	"math/rand"
)

func main() {
	r := rand.New(rand.NewSource(1))
	fmt.Println(r.int31n(5))
}
