package oserror

// Go 1.27's internal/oserror (Copyright The Go Authors, BSD-style
// license), as library Go: the errors os, io/fs and syscall share.
import (
	"errors"
)

//line errors.go:11

var (
	ErrInvalid    = errors.New("invalid argument")
	ErrPermission = errors.New("permission denied")
	ErrExist      = errors.New("file already exists")
	ErrNotExist   = errors.New("file does not exist")
	ErrClosed     = errors.New("file already closed")
)
