package utf8
const (
	RuneError = '\uFFFD'
	RuneSelf  = 0x80
	MaxRune   = '\U0010FFFF'
	UTFMax    = 4
)
func RuneLen(r rune) int
func RuneCountInString(s string) int
func RuneCount(p []byte) int
func DecodeRuneInString(s string) (rune, int)
func DecodeLastRuneInString(s string) (rune, int)
func DecodeRune(p []byte) (rune, int)

// EncodeRune writes r's UTF-8 encoding (RuneError's for an invalid r)
// into p, which must be long enough: Go indexes p's last byte first, so
// a short p panics there.
func EncodeRune(p []byte, r rune) int {
	if uint32(r) < RuneSelf {
		p[0] = byte(r)
		return 1
	}
	s := string(r)
	_ = p[len(s)-1]
	copy(p, s)
	return len(s)
}
func AppendRune(p []byte, r rune) []byte
func ValidString(s string) bool
func Valid(p []byte) bool
func ValidRune(r rune) bool

// FullRune reports whether p begins with a whole rune's encoding (an
// invalid encoding counts as whole), as Go's does; Go reads its `first`
// and `acceptRanges` tables, spelled out here as the byte ranges they hold.
func FullRune(p []byte) bool {
	n := len(p)
	if n == 0 {
		return false
	}
	c := p[0]
	size, lo, hi := 1, byte(0x80), byte(0xBF)
	switch {
	case c >= 0xC2 && c <= 0xDF:
		size = 2
	case c >= 0xE0 && c <= 0xEF:
		size = 3
		if c == 0xE0 {
			lo = 0xA0
		} else if c == 0xED {
			hi = 0x9F
		}
	case c >= 0xF0 && c <= 0xF4:
		size = 4
		if c == 0xF0 {
			lo = 0x90
		} else if c == 0xF4 {
			hi = 0x8F
		}
	}
	if n >= size {
		return true
	}
	if n > 1 && (p[1] < lo || hi < p[1]) {
		return true
	} else if n > 2 && (p[2] < 0x80 || 0xBF < p[2]) {
		return true
	}
	return false
}

// FullRuneInString is FullRune of a string.
func FullRuneInString(s string) bool {
	return FullRune([]byte(s))
}

// Go's utf8.go.
func DecodeLastRune(p []byte) (r rune, size int) {
	end := len(p)
	if end == 0 {
		return RuneError, 0
	}
	start := end - 1
	r = rune(p[start])
	if r < RuneSelf {
		return r, 1
	}
	// guard against O(n^2) behavior when traversing
	// backwards through strings with long sequences of
	// invalid UTF-8.
	lim := max(end-UTFMax, 0)
	for start--; start >= lim; start-- {
		if RuneStart(p[start]) {
			break
		}
	}
	if start < 0 {
		start = 0
	}
	r, size = DecodeRune(p[start:end])
	if start+size != end {
		return RuneError, 1
	}
	return r, size
}

func RuneStart(b byte) bool { return b&0xC0 != 0x80 }
