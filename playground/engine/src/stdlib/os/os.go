package os

import (
	"errors"
	"io"
	"io/fs"
	"syscall"
	"time"
)

// Package os over an in-memory file system that lives and dies with the
// run, as the Go Playground's sandbox gives a program a scratch file
// system: a program never touches the host's files. The file system is
// library Go (its files are heap objects, its state package variables);
// natives are only what Go itself asks of the OS: writing to the output,
// the run's input and arguments, and the file system's byte budget. The
// errors are Go's: *fs.PathError over syscall.Errno, so
// `open nope.txt: no such file or directory`, errors.Is(err,
// fs.ErrNotExist) and IsNotExist behave as on Linux. Names resolve from
// the file system's root, which starts empty: relative and absolute
// names alike reach only what the program made.

var (
	ErrInvalid    = fs.ErrInvalid    // "invalid argument"
	ErrPermission = fs.ErrPermission // "permission denied"
	ErrExist      = fs.ErrExist      // "file already exists"
	ErrNotExist   = fs.ErrNotExist   // "file does not exist"
	ErrClosed     = fs.ErrClosed     // "file already closed"
)

type PathError = fs.PathError
type FileMode = fs.FileMode
type FileInfo = fs.FileInfo
type DirEntry = fs.DirEntry

const (
	ModeDir        = fs.ModeDir
	ModeAppend     = fs.ModeAppend
	ModeExclusive  = fs.ModeExclusive
	ModeTemporary  = fs.ModeTemporary
	ModeSymlink    = fs.ModeSymlink
	ModeDevice     = fs.ModeDevice
	ModeNamedPipe  = fs.ModeNamedPipe
	ModeSocket     = fs.ModeSocket
	ModeSetuid     = fs.ModeSetuid
	ModeSetgid     = fs.ModeSetgid
	ModeCharDevice = fs.ModeCharDevice
	ModeSticky     = fs.ModeSticky
	ModeIrregular  = fs.ModeIrregular
	ModeType       = fs.ModeType
	ModePerm       = fs.ModePerm
)

const (
	O_RDONLY int = syscall.O_RDONLY
	O_WRONLY int = syscall.O_WRONLY
	O_RDWR   int = syscall.O_RDWR
	O_APPEND int = syscall.O_APPEND
	O_CREATE int = syscall.O_CREAT
	O_EXCL   int = syscall.O_EXCL
	O_SYNC   int = syscall.O_SYNC
	O_TRUNC  int = syscall.O_TRUNC
)

const (
	PathSeparator     = '/'
	PathListSeparator = ':'
	DevNull           = "/dev/null"
)

// File is an open file: a standard file (fd 0, 1, 2) or one of the
// in-memory file system. Its fd comes first: fmt's and log's natives
// write a *File with fd 1 or 2 straight to the output.
type File struct {
	fd     int
	name   string
	node   *inode
	off    int64
	flag   int
	closed bool
	dirpos int
}

// inode is a file or a directory of the in-memory file system.
type inode struct {
	name     string
	mode     FileMode
	modTime  time.Time
	data     []byte
	children map[string]*inode
}

var (
	root    = &inode{name: "/", mode: ModeDir | 0755, children: map[string]*inode{}}
	// Bytes held by all files' data, against the budget (a value of 0
	// written out: a package variable without one would be a native's).
	fsBytes int64 = 0
	nextFd  = 3
)

var (
	Stdin  = &File{fd: 0, name: "/dev/stdin", node: &inode{name: "stdin", mode: ModeDevice | ModeCharDevice | 0620}, flag: O_RDONLY}
	Stdout = &File{fd: 1, name: "/dev/stdout", flag: O_WRONLY}
	Stderr = &File{fd: 2, name: "/dev/stderr", flag: O_WRONLY}
)

// Args is the program's command line. Args[0] is "/tmpfs/play", where
// the Go Playground's sandbox writes the binary it runs (golang/playground,
// sandbox.go's runInGvisor); the rest are the run's arguments.
var Args = runtime_args()

func runtime_args() []string
// runtime_readStdin copies the run's unread input into b: fd 0, whose
// position fmt.Scan shares.
func runtime_readStdin(b []byte) int
func runtime_write(fd int, b []byte)
func runtime_fsBudget() int64
func runtime_fsFull()

// Exit ends the run with the status code; deferred calls do not run.
func Exit(code int)

// Getenv gives "": the run has no environment.
func Getenv(key string) string

// LookupEnv: no variable is set.
func LookupEnv(key string) (string, bool) { return "", false }

// Environ: the run has no environment.
func Environ() []string { return nil }

// Hostname is the Go Playground sandbox's.
func Hostname() (name string, err error) { return "localhost", nil }

func NewFile(fd uintptr, name string) *File {
	switch fd {
	case 0:
		return Stdin
	case 1:
		return &File{fd: 1, name: name, flag: O_WRONLY}
	case 2:
		return &File{fd: 2, name: name, flag: O_WRONLY}
	}
	return nil
}

func (f *File) Name() string { return f.name }

// Fd is the file's descriptor number.
func (f *File) Fd() uintptr {
	if f == nil {
		return ^uintptr(0)
	}
	return uintptr(f.fd)
}

func (f *File) checkValid(op string) error {
	if f == nil {
		return ErrInvalid
	}
	if f.closed {
		return &PathError{Op: op, Path: f.name, Err: ErrClosed}
	}
	return nil
}

func (f *File) Read(b []byte) (n int, err error) {
	if err := f.checkValid("read"); err != nil {
		return 0, err
	}
	if f.fd == 1 || f.fd == 2 || f.flag&3 == O_WRONLY {
		return 0, &PathError{Op: "read", Path: f.name, Err: syscall.EBADF}
	}
	if f.node.mode.IsDir() {
		return 0, &PathError{Op: "read", Path: f.name, Err: syscall.EISDIR}
	}
	if len(b) == 0 {
		return 0, nil
	}
	if f.fd == 0 {
		if n = runtime_readStdin(b); n == 0 {
			return 0, io.EOF
		}
		return n, nil
	}
	if f.off >= int64(len(f.node.data)) {
		return 0, io.EOF
	}
	n = copy(b, f.node.data[f.off:])
	f.off += int64(n)
	return n, nil
}

func (f *File) ReadAt(b []byte, off int64) (n int, err error) {
	if err := f.checkValid("read"); err != nil {
		return 0, err
	}
	if off < 0 {
		return 0, &PathError{Op: "readat", Path: f.name, Err: errors.New("negative offset")}
	}
	if f.node == nil || f.flag&3 == O_WRONLY {
		return 0, &PathError{Op: "read", Path: f.name, Err: syscall.EBADF}
	}
	for len(b) > 0 {
		if off >= int64(len(f.node.data)) {
			return n, io.EOF
		}
		m := copy(b, f.node.data[off:])
		n += m
		b = b[m:]
		off += int64(m)
	}
	return n, nil
}

func (f *File) Write(b []byte) (n int, err error) {
	if err := f.checkValid("write"); err != nil {
		return 0, err
	}
	if f.fd == 1 || f.fd == 2 {
		runtime_write(f.fd, b)
		return len(b), nil
	}
	if f.flag&3 == O_RDONLY {
		return 0, &PathError{Op: "write", Path: f.name, Err: syscall.EBADF}
	}
	if f.flag&O_APPEND != 0 {
		f.off = int64(len(f.node.data))
	}
	f.writeAt(b, f.off)
	f.off += int64(len(b))
	return len(b), nil
}

func (f *File) WriteAt(b []byte, off int64) (n int, err error) {
	if err := f.checkValid("write"); err != nil {
		return 0, err
	}
	if f.flag&O_APPEND != 0 {
		return 0, errors.New("os: invalid use of WriteAt on file opened with O_APPEND")
	}
	if off < 0 {
		return 0, &PathError{Op: "writeat", Path: f.name, Err: errors.New("negative offset")}
	}
	if f.node == nil || f.flag&3 == O_RDONLY {
		return 0, &PathError{Op: "write", Path: f.name, Err: syscall.EBADF}
	}
	f.writeAt(b, off)
	return len(b), nil
}

// writeAt puts b at off in the file, growing it (with zeros past its
// end) within the file system's budget.
func (f *File) writeAt(b []byte, off int64) {
	d := f.node.data
	if end := off + int64(len(b)); end > int64(len(d)) {
		grow(end - int64(len(d)))
		if end <= int64(cap(d)) {
			d = d[:end]
		} else {
			nd := make([]byte, end, end+end/4)
			copy(nd, d)
			d = nd
		}
	}
	copy(d[off:], b)
	f.node.data = d
	f.node.modTime = time.Now()
}

// grow counts n more bytes of file data; past the budget the run ends.
func grow(n int64) {
	fsBytes += n
	if fsBytes > runtime_fsBudget() {
		runtime_fsFull()
	}
}

func (f *File) WriteString(s string) (n int, err error) {
	return f.Write([]byte(s))
}

func (f *File) Close() error {
	if f == nil {
		return ErrInvalid
	}
	if f.closed {
		return &PathError{Op: "close", Path: f.name, Err: ErrClosed}
	}
	f.closed = true
	return nil
}

func (f *File) Seek(offset int64, whence int) (ret int64, err error) {
	if err := f.checkValid("seek"); err != nil {
		return 0, err
	}
	if f.node == nil {
		return 0, &PathError{Op: "seek", Path: f.name, Err: syscall.ESPIPE}
	}
	switch whence {
	case io.SeekStart:
	case io.SeekCurrent:
		offset += f.off
	case io.SeekEnd:
		offset += int64(len(f.node.data))
	default:
		return 0, &PathError{Op: "seek", Path: f.name, Err: syscall.EINVAL}
	}
	if offset < 0 {
		return 0, &PathError{Op: "seek", Path: f.name, Err: syscall.EINVAL}
	}
	f.off = offset
	f.dirpos = 0
	return offset, nil
}

func (f *File) Stat() (FileInfo, error) {
	if f == nil {
		return nil, ErrInvalid
	}
	if f.closed {
		return nil, &PathError{Op: "stat", Path: f.name, Err: ErrClosed}
	}
	if f.node == nil {
		return &fileStat{name: basename(f.name), mode: ModeDevice | ModeCharDevice | 0620}, nil
	}
	return f.node.stat(basename(f.name)), nil
}

func (f *File) Sync() error { return f.checkValid("sync") }

func (f *File) Truncate(size int64) error {
	if err := f.checkValid("truncate"); err != nil {
		return err
	}
	if size < 0 || f.node == nil || f.flag&3 == O_RDONLY {
		return &PathError{Op: "truncate", Path: f.name, Err: syscall.EINVAL}
	}
	truncate(f.node, size)
	return nil
}

// ReadDir reads the directory's entries in name order: all of them for
// n <= 0, else at most n, with io.EOF at the end.
func (f *File) ReadDir(n int) ([]DirEntry, error) {
	if err := f.checkValid("readdir"); err != nil {
		return nil, err
	}
	if f.node == nil || !f.node.mode.IsDir() {
		return nil, &PathError{Op: "readdirent", Path: f.name, Err: syscall.ENOTDIR}
	}
	all := f.node.entries()
	rest := all[min(f.dirpos, len(all)):]
	if n > 0 {
		if len(rest) == 0 {
			return nil, io.EOF
		}
		rest = rest[:min(n, len(rest))]
	}
	f.dirpos += len(rest)
	if n <= 0 && rest == nil {
		rest = []DirEntry{}
	}
	return rest, nil
}

// Readdirnames is ReadDir's names.
func (f *File) Readdirnames(n int) (names []string, err error) {
	ds, err := f.ReadDir(n)
	for _, d := range ds {
		names = append(names, d.Name())
	}
	return names, err
}

func truncate(n *inode, size int64) {
	if size <= int64(len(n.data)) {
		fsBytes -= int64(len(n.data)) - size
		n.data = n.data[:size]
	} else {
		grow(size - int64(len(n.data)))
		nd := make([]byte, size)
		copy(nd, n.data)
		n.data = nd
	}
	n.modTime = time.Now()
}

// resolve walks name's parent directories: the parent, the last
// element, and the error (ENOENT, ENOTDIR) when the walk fails.
func resolve(name string) (parent *inode, elem string, err error) {
	if name == "" {
		return nil, "", syscall.ENOENT
	}
	var elems []string
	start := 0
	for i := 0; i <= len(name); i++ {
		if i == len(name) || name[i] == '/' {
			if e := name[start:i]; e != "" && e != "." {
				elems = append(elems, e)
			}
			start = i + 1
		}
	}
	dir := root
	var stack []*inode
	for i, e := range elems {
		last := i == len(elems)-1
		if e == ".." {
			if len(stack) > 0 {
				dir = stack[len(stack)-1]
				stack = stack[:len(stack)-1]
			}
			if last {
				return parentOf(dir, stack), baseOf(dir), nil
			}
			continue
		}
		if last {
			return dir, e, nil
		}
		c, ok := dir.children[e]
		if !ok {
			return nil, "", syscall.ENOENT
		}
		if !c.mode.IsDir() {
			return nil, "", syscall.ENOTDIR
		}
		stack = append(stack, dir)
		dir = c
	}
	// The root itself (or "." at the root).
	return parentOf(dir, stack), baseOf(dir), nil
}

func parentOf(dir *inode, stack []*inode) *inode {
	if len(stack) == 0 {
		return nil // dir is the root
	}
	return stack[len(stack)-1]
}

func baseOf(dir *inode) string {
	if dir == root {
		return ""
	}
	return dir.name
}

// lookup finds name's inode.
func lookup(name string) (*inode, error) {
	parent, elem, err := resolve(name)
	if err != nil {
		return nil, err
	}
	if parent == nil {
		return root, nil
	}
	c, ok := parent.children[elem]
	if !ok {
		return nil, syscall.ENOENT
	}
	if len(name) > 0 && name[len(name)-1] == '/' && !c.mode.IsDir() {
		return nil, syscall.ENOTDIR
	}
	return c, nil
}

func (n *inode) stat(name string) *fileStat {
	size := int64(len(n.data))
	if n.mode.IsDir() {
		size = 4096 // a directory's size on Linux's usual file systems
	}
	return &fileStat{name: name, size: size, mode: n.mode, modTime: n.modTime}
}

// entries are the directory's children as DirEntries, sorted by name.
func (n *inode) entries() []DirEntry {
	var names []string
	for name := range n.children {
		names = append(names, name)
	}
	// Insertion sort: directories are small, and os cannot import sort.
	for i := 1; i < len(names); i++ {
		for j := i; j > 0 && names[j] < names[j-1]; j-- {
			names[j], names[j-1] = names[j-1], names[j]
		}
	}
	var ds []DirEntry
	for _, name := range names {
		ds = append(ds, fs.FileInfoToDirEntry(n.children[name].stat(name)))
	}
	return ds
}

func basename(name string) string {
	i := len(name) - 1
	for i > 0 && name[i] == '/' {
		name = name[:i]
		i--
	}
	for i--; i >= 0; i-- {
		if name[i] == '/' {
			name = name[i+1:]
			break
		}
	}
	return name
}

// fileStat is Go's os.fileStat: a FileInfo.
type fileStat struct {
	name    string
	size    int64
	mode    FileMode
	modTime time.Time
}

func (fs *fileStat) Name() string       { return fs.name }
func (fs *fileStat) IsDir() bool        { return fs.Mode().IsDir() }
func (fs *fileStat) Size() int64        { return fs.size }
func (fs *fileStat) Mode() FileMode     { return fs.mode }
func (fs *fileStat) ModTime() time.Time { return fs.modTime }
func (fs *fileStat) Sys() any           { return nil }

// umask is the usual 022, so 0666 makes -rw-r--r--.
const umask = 0022

func Create(name string) (*File, error) {
	return OpenFile(name, O_RDWR|O_CREATE|O_TRUNC, 0666)
}

func Open(name string) (*File, error) {
	return OpenFile(name, O_RDONLY, 0)
}

func OpenFile(name string, flag int, perm FileMode) (*File, error) {
	parent, elem, err := resolve(name)
	if err != nil {
		return nil, &PathError{Op: "open", Path: name, Err: err}
	}
	var n *inode
	if parent == nil {
		n = root
	} else {
		n = parent.children[elem]
	}
	writes := flag&3 != O_RDONLY
	switch {
	case n == nil && flag&O_CREATE == 0:
		return nil, &PathError{Op: "open", Path: name, Err: syscall.ENOENT}
	case n == nil:
		if len(name) > 0 && name[len(name)-1] == '/' {
			return nil, &PathError{Op: "open", Path: name, Err: syscall.EISDIR}
		}
		n = &inode{name: elem, mode: perm&ModePerm&^umask, modTime: time.Now()}
		parent.children[elem] = n
	case flag&O_CREATE != 0 && flag&O_EXCL != 0:
		return nil, &PathError{Op: "open", Path: name, Err: syscall.EEXIST}
	case n.mode.IsDir() && (writes || flag&O_TRUNC != 0):
		return nil, &PathError{Op: "open", Path: name, Err: syscall.EISDIR}
	case !n.mode.IsDir() && len(name) > 0 && name[len(name)-1] == '/':
		return nil, &PathError{Op: "open", Path: name, Err: syscall.ENOTDIR}
	case flag&O_TRUNC != 0 && writes:
		truncate(n, 0)
	}
	f := &File{fd: nextFd, name: name, node: n, flag: flag}
	nextFd++
	return f, nil
}

func ReadFile(name string) ([]byte, error) {
	f, err := Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if f.node.mode.IsDir() {
		return nil, &PathError{Op: "read", Path: name, Err: syscall.EISDIR}
	}
	data := make([]byte, len(f.node.data))
	copy(data, f.node.data)
	return data, nil
}

func WriteFile(name string, data []byte, perm FileMode) error {
	f, err := OpenFile(name, O_WRONLY|O_CREATE|O_TRUNC, perm)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err1 := f.Close(); err1 != nil && err == nil {
		err = err1
	}
	return err
}

func Stat(name string) (FileInfo, error) {
	n, err := lookup(name)
	if err != nil {
		return nil, &PathError{Op: "stat", Path: name, Err: err}
	}
	return n.stat(basename(name)), nil
}

// Lstat is Stat: the file system has no symbolic links.
func Lstat(name string) (FileInfo, error) {
	n, err := lookup(name)
	if err != nil {
		return nil, &PathError{Op: "lstat", Path: name, Err: err}
	}
	return n.stat(basename(name)), nil
}

func Mkdir(name string, perm FileMode) error {
	parent, elem, err := resolve(name)
	if err == nil && (parent == nil || parent.children[elem] != nil) {
		err = syscall.EEXIST
	}
	if err != nil {
		return &PathError{Op: "mkdir", Path: name, Err: err}
	}
	parent.children[elem] = &inode{name: elem, mode: ModeDir | perm&ModePerm&^umask, modTime: time.Now(), children: map[string]*inode{}}
	return nil
}

// MkdirAll is Go's (os/path.go).
func MkdirAll(path string, perm FileMode) error {
	dir, err := Stat(path)
	if err == nil {
		if dir.IsDir() {
			return nil
		}
		return &PathError{Op: "mkdir", Path: path, Err: syscall.ENOTDIR}
	}
	i := len(path) - 1
	for i >= 0 && path[i] == '/' {
		i--
	}
	for i >= 0 && path[i] != '/' {
		i--
	}
	if i < 0 {
		i = 0
	}
	if parent := path[:i]; len(parent) > 0 {
		err = MkdirAll(parent, perm)
		if err != nil {
			return err
		}
	}
	err = Mkdir(path, perm)
	if err != nil {
		dir, err1 := Lstat(path)
		if err1 == nil && dir.IsDir() {
			return nil
		}
		return err
	}
	return nil
}

// Remove is Go's on Linux: unlink, then rmdir, and the error of the two
// that says more.
func Remove(name string) error {
	parent, elem, err := resolve(name)
	if err == nil && parent == nil {
		err = syscall.EBUSY
	}
	if err != nil {
		return &PathError{Op: "remove", Path: name, Err: err}
	}
	n := parent.children[elem]
	if n == nil {
		return &PathError{Op: "remove", Path: name, Err: syscall.ENOENT}
	}
	if n.mode.IsDir() && len(n.children) > 0 {
		return &PathError{Op: "remove", Path: name, Err: syscall.ENOTEMPTY}
	}
	if !n.mode.IsDir() && len(name) > 0 && name[len(name)-1] == '/' {
		return &PathError{Op: "remove", Path: name, Err: syscall.ENOTDIR}
	}
	release(n)
	delete(parent.children, elem)
	return nil
}

// RemoveAll removes path and everything under it; a missing path is
// not an error.
func RemoveAll(path string) error {
	if path == "" {
		return nil
	}
	if endsWithDot(path) {
		return &PathError{Op: "RemoveAll", Path: path, Err: syscall.EINVAL}
	}
	parent, elem, err := resolve(path)
	if err == syscall.ENOENT {
		return nil
	}
	if err != nil {
		return &PathError{Op: "unlinkat", Path: path, Err: err}
	}
	if parent == nil {
		return &PathError{Op: "unlinkat", Path: path, Err: syscall.EBUSY}
	}
	if n := parent.children[elem]; n != nil {
		release(n)
		delete(parent.children, elem)
	}
	return nil
}

func endsWithDot(path string) bool {
	if path == "." {
		return true
	}
	if len(path) >= 2 && path[len(path)-1] == '.' && path[len(path)-2] == '/' {
		return true
	}
	return false
}

// release gives back the budget n's data (and its children's) held.
func release(n *inode) {
	fsBytes -= int64(len(n.data))
	for _, c := range n.children {
		release(c)
	}
}

func Rename(oldpath, newpath string) error {
	op, oe, err := resolve(oldpath)
	if err == nil && (op == nil || op.children[oe] == nil) {
		err = syscall.ENOENT
	}
	np, ne, err2 := resolve(newpath)
	if err == nil {
		err = err2
	}
	if err == nil && np == nil {
		err = syscall.EBUSY
	}
	if err != nil {
		return &LinkError{Op: "rename", Old: oldpath, New: newpath, Err: err}
	}
	n := op.children[oe]
	if old := np.children[ne]; old != nil && old != n {
		if old.mode.IsDir() != n.mode.IsDir() || len(old.children) > 0 {
			e := syscall.EEXIST
			if !old.mode.IsDir() {
				e = syscall.ENOTDIR
			} else if !n.mode.IsDir() {
				e = syscall.EISDIR
			} else {
				e = syscall.ENOTEMPTY
			}
			return &LinkError{Op: "rename", Old: oldpath, New: newpath, Err: e}
		}
		release(old)
	}
	delete(op.children, oe)
	n.name = ne
	np.children[ne] = n
	return nil
}

// ReadDir reads the named directory's entries, sorted by name.
func ReadDir(name string) ([]DirEntry, error) {
	f, err := Open(name)
	if err != nil {
		return nil, err
	}
	if !f.node.mode.IsDir() {
		// Go opens it with O_DIRECTORY.
		return nil, &PathError{Op: "open", Path: name, Err: syscall.ENOTDIR}
	}
	defer f.Close()
	return f.ReadDir(-1)
}

// TempDir is where the Go Playground's sandbox keeps its temporary files.
func TempDir() string { return "/tmp" }

// Getwd: names resolve from the root of the run's file system.
func Getwd() (dir string, err error) { return "/", nil }

// Executable is where the Go Playground's sandbox keeps the binary.
func Executable() (string, error) { return "/tmpfs/play", nil }

// LinkError is Go's: an error of an operation on two names.
type LinkError struct {
	Op  string
	Old string
	New string
	Err error
}

func (e *LinkError) Error() string {
	return e.Op + " " + e.Old + " " + e.New + ": " + e.Err.Error()
}

func (e *LinkError) Unwrap() error {
	return e.Err
}

type SyscallError struct {
	Syscall string
	Err     error
}

func (e *SyscallError) Error() string { return e.Syscall + ": " + e.Err.Error() }

func (e *SyscallError) Unwrap() error { return e.Err }

func NewSyscallError(syscall string, err error) error {
	if err == nil {
		return nil
	}
	return &SyscallError{syscall, err}
}

// IsExist, IsNotExist, IsPermission and their helpers are Go's
// (os/error.go).
func IsExist(err error) bool {
	return underlyingErrorIs(err, ErrExist)
}

func IsNotExist(err error) bool {
	return underlyingErrorIs(err, ErrNotExist)
}

func IsPermission(err error) bool {
	return underlyingErrorIs(err, ErrPermission)
}

func underlyingErrorIs(err, target error) bool {
	err = underlyingError(err)
	if err == target {
		return true
	}
	e, ok := err.(syscall.Errno)
	return ok && e.Is(target)
}

func underlyingError(err error) error {
	switch err := err.(type) {
	case *PathError:
		return err.Err
	case *LinkError:
		return err.Err
	case *SyscallError:
		return err.Err
	}
	return err
}

// Signals (os/signal/mod.rs). Interrupt and Kill are variables of
// type Signal in Go; constants here (the same values once converted).
type Signal interface {
	String() string
	Signal()
}

const (
	Interrupt = syscall.SIGINT
	Kill      = syscall.SIGKILL
)

type Process struct{ Pid int }

// ProcessState is a finished process's state (no process runs here:
// os/exec has no binaries).
type ProcessState struct{ status int }

func (p *ProcessState) ExitCode() int {
	if p == nil {
		return -1
	}
	return p.status
}

func (p *ProcessState) Success() bool { return p.status == 0 }

func (p *ProcessState) String() string {
	if p == nil {
		return "<nil>"
	}
	return "exit status " + itoa(p.status)
}

func itoa(n int) string {
	if n < 0 {
		return "-" + itoa(-n)
	}
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

func FindProcess(pid int) (*Process, error)
func (p *Process) Signal(sig Signal) error
func (p *Process) Kill() error
func Getpid() int
