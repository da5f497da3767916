package errgroup
import "context"
type Group struct {
	err     error
	cancel  func(error)
	running int
	limit   int
	tokens  int
	errSet  bool
}
func WithContext(ctx context.Context) (*Group, context.Context)
func (g *Group) Go(f func() error)
func (g *Group) TryGo(f func() error) bool
func (g *Group) Wait() error
func (g *Group) SetLimit(n int)
