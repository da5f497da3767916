package time
type Duration int64
const (
	Nanosecond  Duration = 1
	Microsecond          = 1000 * Nanosecond
	Millisecond          = 1000 * Microsecond
	Second               = 1000 * Millisecond
	Minute               = 60 * Second
	Hour                 = 60 * Minute
)
func (d Duration) String() string
func (d Duration) Seconds() float64
func (d Duration) Milliseconds() int64
func (d Duration) Microseconds() int64
func (d Duration) Nanoseconds() int64
func (d Duration) Minutes() float64
func (d Duration) Hours() float64
func (d Duration) Round(m Duration) Duration
func (d Duration) Truncate(m Duration) Duration
func (d Duration) Abs() Duration
// sec: seconds since January 1, year 1 UTC (the zero Time); nsec;
// mono: 1 if the time carries a monotonic reading (from Now), which on
// the virtual clock is its wall time minus the clock's start.
// loc: nil for UTC, as in Go.
type Time struct { sec int64; nsec int64; mono int64; loc *Location }
type Month int
const (
	January Month = 1 + iota
	February
	March
	April
	May
	June
	July
	August
	September
	October
	November
	December
)
func (m Month) String() string
type Weekday int
const (
	Sunday Weekday = iota
	Monday
	Tuesday
	Wednesday
	Thursday
	Friday
	Saturday
)
func (d Weekday) String() string
// A Location is UTC, Local (UTC in the simulator, as on the Go
// Playground) or a FixedZone; there is no zone database (no
// LoadLocation). kind: 0 UTC, 1 Local, 2 a FixedZone's name and offset
// (seconds east of UTC), which the natives read.
type Location struct { name string; offset int; kind int }
// Natives make both (no package initialization to run).
var UTC *Location
var Local *Location
func (l *Location) get() *Location {
	if l == nil {
		return UTC
	}
	return l
}
func (l *Location) String() string { return l.get().name }
func FixedZone(name string, offset int) *Location {
	return &Location{name: name, offset: offset, kind: 2}
}
const (
	Layout      = "01/02 03:04:05PM '06 -0700"
	ANSIC       = "Mon Jan _2 15:04:05 2006"
	UnixDate    = "Mon Jan _2 15:04:05 MST 2006"
	RubyDate    = "Mon Jan 02 15:04:05 -0700 2006"
	RFC822      = "02 Jan 06 15:04 MST"
	RFC822Z     = "02 Jan 06 15:04 -0700"
	RFC850      = "Monday, 02-Jan-06 15:04:05 MST"
	RFC1123     = "Mon, 02 Jan 2006 15:04:05 MST"
	RFC1123Z    = "Mon, 02 Jan 2006 15:04:05 -0700"
	RFC3339     = "2006-01-02T15:04:05Z07:00"
	RFC3339Nano = "2006-01-02T15:04:05.999999999Z07:00"
	Kitchen     = "3:04PM"
	Stamp      = "Jan _2 15:04:05"
	StampMilli = "Jan _2 15:04:05.000"
	StampMicro = "Jan _2 15:04:05.000000"
	StampNano  = "Jan _2 15:04:05.000000000"
	DateTime   = "2006-01-02 15:04:05"
	DateOnly   = "2006-01-02"
	TimeOnly   = "15:04:05"
)
func Date(year int, month Month, day, hour, min, sec, nsec int, loc *Location) Time
func Unix(sec int64, nsec int64) Time
func UnixMilli(msec int64) Time
func UnixMicro(usec int64) Time
func (t Time) String() string
func (t Time) Format(layout string) string
func (t Time) Year() int
func (t Time) Month() Month
func (t Time) Day() int
func (t Time) Hour() int
func (t Time) Minute() int
func (t Time) Second() int
func (t Time) Nanosecond() int
func (t Time) Weekday() Weekday
func (t Time) YearDay() int
func (t Time) Date() (year int, month Month, day int)
func (t Time) Clock() (hour, min, sec int)
// setLoc drops the monotonic reading, as Go's.
func (t *Time) setLoc(loc *Location) {
	if loc == nil || loc.kind == 0 {
		loc = nil
	}
	t.mono = 0
	t.loc = loc
}
func (t Time) UTC() Time {
	t.setLoc(UTC)
	return t
}
func (t Time) Local() Time {
	t.setLoc(Local)
	return t
}
func (t Time) In(loc *Location) Time
func (t Time) Location() *Location {
	l := t.loc
	if l == nil {
		l = UTC
	}
	return l
}
func (t Time) Zone() (name string, offset int)
func (t Time) GoString() string
func (t Time) AppendFormat(b []byte, layout string) []byte {
	return append(b, t.Format(layout)...)
}

// String literals in this file would be allocated for every program
// that imports time, so what needs text is native.
func (t Time) MarshalText() ([]byte, error)

// ParseError describes a problem parsing a time string.
type ParseError struct {
	Layout     string
	Value      string
	LayoutElem string
	ValueElem  string
	Message    string
}
func (e *ParseError) Error() string
func Parse(layout, value string) (Time, error) {
	return parse(layout, value, UTC, Local)
}
func ParseInLocation(layout, value string, loc *Location) (Time, error) {
	return parse(layout, value, loc, loc)
}
func parse(layout, value string, defaultLocation, local *Location) (Time, error) {
	t, layoutElem, valueElem, message, ok := parseTime(layout, value, defaultLocation, local)
	if !ok {
		return Time{}, &ParseError{layout, value, layoutElem, valueElem, message}
	}
	return t, nil
}
// parseTime is Go's parse (format.go) as a native: the time, or the
// ParseError's elements.
func parseTime(layout, value string, defaultLocation, local *Location) (t Time, layoutElem, valueElem, message string, ok bool)
func (t Time) Truncate(d Duration) Time
func (t Time) Round(d Duration) Time
func (t Time) AddDate(years int, months int, days int) Time
func (t Time) UnixMicro() int64
func Now() Time
func Since(t Time) Duration
func ParseDuration(s string) (Duration, error)
func (t Time) Sub(u Time) Duration
func (t Time) Add(d Duration) Time
func (t Time) Before(u Time) bool
func (t Time) After(u Time) bool
func (t Time) UnixNano() int64
func (t Time) UnixMilli() int64
func (t Time) Unix() int64
func (t Time) Equal(u Time) bool
func (t Time) Compare(u Time) int
func (t Time) IsZero() bool
func Until(t Time) Duration
func Sleep(d Duration)
func After(d Duration) <-chan Time
func Tick(d Duration) <-chan Time
type Timer struct { C <-chan Time; id int64; f func() }
func NewTimer(d Duration) *Timer
func (t *Timer) Stop() bool
func (t *Timer) Reset(d Duration) bool
func AfterFunc(d Duration, f func()) *Timer
type Ticker struct { C <-chan Time; id int64; f func() }
func NewTicker(d Duration) *Ticker
func (t *Ticker) Stop()
func (t *Ticker) Reset(d Duration)
