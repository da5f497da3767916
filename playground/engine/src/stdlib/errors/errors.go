package errors
type errorString struct { s string }
func (e *errorString) Error() string
func New(text string) error
func Is(err, target error) bool
func As(err error, target any) bool
func Unwrap(err error) error
func Join(errs ...error) error
var ErrUnsupported = New("unsupported operation")
