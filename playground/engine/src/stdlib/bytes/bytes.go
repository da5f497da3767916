package bytes
type Buffer struct { buf []byte }
func (b *Buffer) Write(p []byte) (n int, err error)
func (b *Buffer) WriteString(s string) (n int, err error)
func (b *Buffer) WriteByte(c byte) error
func (b *Buffer) WriteRune(r rune) (n int, err error)
func (b *Buffer) String() string
func (b *Buffer) Len() int
func (b *Buffer) Reset()
func (b *Buffer) Bytes() []byte
func Contains(b, subslice []byte) bool
func Equal(a, b []byte) bool
func Count(s, sep []byte) int
