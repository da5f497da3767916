package rand
func Intn(n int) int
func Int() int
func Float64() float64
func Perm(n int) []int
func Shuffle(n int, swap func(i, j int))
func Seed(seed int64)
