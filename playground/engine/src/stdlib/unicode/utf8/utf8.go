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
