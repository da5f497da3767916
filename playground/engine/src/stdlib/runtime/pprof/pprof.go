package pprof
import "io"
type Profile struct {
	name string
	n int
}
func Lookup(name string) *Profile
func NewProfile(name string) *Profile
func Profiles() []*Profile
func (p *Profile) Name() string
func (p *Profile) Count() int
func (p *Profile) Add(value any, skip int)
func (p *Profile) Remove(value any)
func (p *Profile) WriteTo(w io.Writer, debug int) error
