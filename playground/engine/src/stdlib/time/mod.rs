//! `time` as natives: the clock is the scheduler's virtual clock, which
//! starts at 2009-11-10 23:00:00 UTC (the Go Playground's), so `Now`,
//! `Since` and `Until` ask the process (`stdlib::time::timers`), and `Sleep`
//! parks on a scheduler timer (`runtime::request::sys::SLEEP`). A `Time` is
//! the stub's `struct { sec, nsec, mono }` ([`T`]); the calendar and
//! layouts are `format::time`. `Local` is UTC (the Playground's zone);
//! `LoadLocation` knows the zones of `tzdata.rs` (`zoneinfo.rs` reads
//! them as Go's zoneinfo.go does). Timers and tickers are the process's
//! (`stdlib::time::timers`).

pub(crate) mod timers;
mod tzdata;
mod zoneinfo;

use super::{args, new_str};
use crate::format::time as ft;
use crate::runtime::request::sys::SLEEP;
use crate::sched::time::EPOCH_UNIX_NS;
use crate::runtime::request::time as tid;
use crate::value::Value;
use crate::vm::{GState, NativeFn, Stop, Syscall, Throw, Vm};

pub fn lookup(name: &str) -> Option<NativeFn> {
    Some(match name {
        "time.ParseDuration" => |vm, g, n| {
            let a = args(g, n);
            let text = super::str_of(vm, a.first().copied().unwrap_or(Value::EMPTY_STRING));
            match parse_duration(&text) {
                Ok(d) => {
                    g.stack.push(Value::Int(d));
                    g.stack.push(Value::Nil);
                }
                Err(msg) => {
                    let e = super::errors::new_error(vm, msg.as_bytes())?;
                    g.stack.push(Value::Int(0));
                    g.stack.push(e);
                }
            }
            Ok(())
        },
        "time.Sleep" => |_, g, n| {
            let a = args(g, n);
            let d = a.first().map_or(0, |v| v.int());
            if d <= 0 {
                return Ok(());
            }
            sys(SLEEP, vec![Value::Int(d)])
        },
        "time.Now" => |_, g, n| {
            args(g, n);
            sys(tid::TIME_NOW, vec![])
        },
        "time.Since" => |_, g, n| sys(tid::TIME_SINCE, args(g, n)),
        "time.Until" => |_, g, n| sys(tid::TIME_UNTIL, args(g, n)),
        "time.Time.Sub" => |vm, g, n| two(vm, g, n, |t, u| Value::Int(clamp(t.abs() - u.abs()))),
        "time.Time.Before" => |vm, g, n| two(vm, g, n, |t, u| Value::Bool(t.abs() < u.abs())),
        "time.Time.After" => |vm, g, n| two(vm, g, n, |t, u| Value::Bool(t.abs() > u.abs())),
        "time.Time.Equal" => |vm, g, n| two(vm, g, n, |t, u| Value::Bool(t.abs() == u.abs())),
        "time.Time.Compare" => |vm, g, n| two(vm, g, n, |t, u| Value::Int((t.abs() > u.abs()) as i64 - (t.abs() < u.abs()) as i64)),
        "time.Time.IsZero" => |vm, g, n| one(vm, g, n, |t| Value::Bool(t.sec == 0 && t.nsec == 0)),
        // Go's overflow wraps in these three.
        "time.Time.UnixNano" => |vm, g, n| one(vm, g, n, |t| Value::Int(t.unix_sec().wrapping_mul(1_000_000_000).wrapping_add(t.nsec))),
        "time.Time.UnixMicro" => |vm, g, n| one(vm, g, n, |t| Value::Int(t.unix_sec().wrapping_mul(1_000_000).wrapping_add(t.nsec / 1000))),
        "time.Time.UnixMilli" => |vm, g, n| one(vm, g, n, |t| Value::Int(t.unix_sec().wrapping_mul(1000).wrapping_add(t.nsec / 1_000_000))),
        "time.Time.Unix" => |vm, g, n| one(vm, g, n, |t| Value::Int(t.unix_sec())),
        "time.Time.Year" => |vm, g, n| one(vm, g, n, |t| Value::Int(t.civil().year)),
        "time.Time.Month" => |vm, g, n| one(vm, g, n, |t| Value::Int(t.civil().month)),
        "time.Time.Day" => |vm, g, n| one(vm, g, n, |t| Value::Int(t.civil().day)),
        "time.Time.Hour" => |vm, g, n| one(vm, g, n, |t| Value::Int(t.civil().hour)),
        "time.Time.Minute" => |vm, g, n| one(vm, g, n, |t| Value::Int(t.civil().min)),
        "time.Time.Second" => |vm, g, n| one(vm, g, n, |t| Value::Int(t.civil().sec)),
        "time.Time.Nanosecond" => |vm, g, n| one(vm, g, n, |t| Value::Int(t.nsec)),
        "time.Time.Weekday" => |vm, g, n| one(vm, g, n, |t| Value::Int(t.civil().weekday)),
        "time.Time.YearDay" => |vm, g, n| one(vm, g, n, |t| Value::Int(t.civil().yday)),
        "time.Time.Date" => |vm, g, n| {
            let c = arg_time(vm, g, n).civil();
            g.stack.extend([Value::Int(c.year), Value::Int(c.month), Value::Int(c.day)]);
            Ok(())
        },
        "time.Time.Clock" => |vm, g, n| {
            let c = arg_time(vm, g, n).civil();
            g.stack.extend([Value::Int(c.hour), Value::Int(c.min), Value::Int(c.sec)]);
            Ok(())
        },
        "time.Time.String" => |vm, g, n| {
            let t = arg_time(vm, g, n);
            let name = zone_name(vm, t);
            let s = ft::time_string(t.sec, t.nsec, ft::Zone { name: &name, offset: t.off }, t.mono_ns());
            push_bytes(vm, g, &s)
        },
        "time.Time.Format" => |vm, g, n| {
            let a = args(g, n);
            let t = read(&vm.heap, a.first().copied().unwrap_or_default());
            let layout = super::str_of(vm, a.get(1).copied().unwrap_or(Value::EMPTY_STRING));
            let name = zone_name(vm, t);
            let s = ft::format(t.sec, t.nsec, ft::Zone { name: &name, offset: t.off }, &layout);
            push_bytes(vm, g, &s)
        },
        "time.Time.GoString" => |vm, g, n| {
            let t = arg_time(vm, g, n);
            let loc = match loc_of(&vm.heap, t.loc) {
                Loc::Utc => b"time.UTC".to_vec(),
                Loc::Local => b"time.Local".to_vec(),
                // The location's name: a FixedZone's, a zone's (`America/New_York`).
                _ => [&b"time.Location("[..], &ft::quote(&loc_name(vm, t.loc)), b")"].concat(),
            };
            push_bytes(vm, g, &ft::go_string(t.sec.wrapping_add(t.off), t.nsec, &loc))
        },
        "time.parseTime" => parse_time,
        "time.Time.In" => |vm, g, n| {
            let a = args(g, n);
            let loc = a.get(1).copied().unwrap_or(Value::Nil);
            if loc == Value::Nil {
                return Err(super::panic_str(vm, b"time: missing Location in call to Time.In"));
            }
            let t = read(&vm.heap, a.first().copied().unwrap_or_default());
            push_time(vm, g, T { mono: false, loc: set_loc(&vm.heap, loc), ..t })
        },
        "time.Time.Zone" => |vm, g, n| {
            let t = arg_time(vm, g, n);
            let name = zone_name(vm, t);
            push_bytes(vm, g, &name)?;
            g.stack.push(Value::Int(t.off));
            Ok(())
        },
        "time.Time.IsDST" => |vm, g, n| {
            let t = arg_time(vm, g, n);
            let dst = zone_at(vm, t.loc, t.unix_sec()).is_dst;
            g.stack.push(Value::Bool(dst));
            Ok(())
        },
        // Go's ZoneBounds: the zero Time for an end of time.
        "time.Time.ZoneBounds" => |vm, g, n| {
            let t = arg_time(vm, g, n);
            let z = zone_at(vm, t.loc, t.unix_sec());
            for (at, end_of_time) in [(z.start, i64::MIN), (z.end, i64::MAX)] {
                let b = if at == end_of_time {
                    T::ZERO
                } else {
                    let sec = at.wrapping_add(ft::UNIX_TO_INTERNAL);
                    T { sec, nsec: 0, mono: false, loc: t.loc, off: zone_offset(&vm.heap, t.loc, at) }
                };
                push_time(vm, g, b)?;
            }
            Ok(())
        },
        "time.LoadLocation" => load_location,
        // Go's MarshalText through appendStrictRFC3339 (format_rfc3339.go).
        "time.Time.MarshalText" => |vm, g, n| {
            let t = arg_time(vm, g, n);
            let name = zone_name(vm, t);
            let b = ft::format(t.sec, t.nsec, ft::Zone { name: &name, offset: t.off }, b"2006-01-02T15:04:05.999999999Z07:00");
            let num2 = |b: &[u8]| 10 * i64::from(b[0]) - 10 * 48 + i64::from(b[1]) - 48;
            let err: &[u8] = if b[4] != b'-' {
                b"year outside of range [0,9999]"
            } else if b[b.len() - 1] != b'Z' && (b[b.len() - 6].is_ascii_digit() || num2(&b[b.len() - 5..]) >= 24) {
                b"timezone hour outside of range [0,23]"
            } else {
                b""
            };
            if !err.is_empty() {
                let e = super::errors::new_error(vm, &[&b"Time.MarshalText: "[..], err].concat())?;
                g.stack.extend([Value::Nil, e]);
                return Ok(());
            }
            let v = super::byte_slice(vm, b)?;
            g.stack.extend([v, Value::Nil]);
            Ok(())
        },
        "time.(*ParseError).Error" => |vm, g, n| {
            let a = args(g, n);
            let Some(h) = crate::heap::obj_of(&vm.heap, a.first().copied().unwrap_or_default()) else {
                return Err(super::nil_deref(vm));
            };
            let f: Vec<Vec<u8>> = vm.heap.slots(h).to_vec().into_iter().map(|v| super::str_of(vm, v)).collect();
            let field = |i: usize| f.get(i).map_or(&[][..], |v| &v[..]);
            let s = ft::parse_error_text(field(0), field(1), field(2), field(3), field(4));
            push_bytes(vm, g, &s)
        },
        // The package's two locations, new at each use (the compiler
        // calls a native variable's native where it is read).
        "time.UTC" => |vm, g, n| {
            args(g, n);
            push_loc(vm, g, b"UTC", KIND_UTC)
        },
        "time.Local" => |vm, g, n| {
            args(g, n);
            push_loc(vm, g, b"Local", KIND_LOCAL)
        },
        "time.Month.String" => |vm, g, n| {
            let a = args(g, n);
            push_str(vm, g, &ft::month_name(a.first().map_or(0, |v| v.int())))
        },
        "time.Weekday.String" => |vm, g, n| {
            let a = args(g, n);
            push_str(vm, g, &ft::weekday_name(a.first().map_or(0, |v| v.int())))
        },
        "time.Time.Truncate" => |vm, g, n| round(vm, g, n, false),
        "time.Time.Round" => |vm, g, n| round(vm, g, n, true),
        "time.Date" => |vm, g, n| {
            let a = args(g, n);
            let i = |k: usize| a.get(k).map_or(0, |v| v.int());
            if a.get(7).is_none_or(|l| *l == Value::Nil) {
                return Err(super::panic_str(vm, b"time: missing Location in call to Date"));
            }
            let (sec, nsec) = ft::date(i(0), i(1), i(2), i(3), i(4), i(5), i(6));
            let t = in_loc(&vm.heap, sec, nsec, a[7]);
            push_time(vm, g, t)
        },
        "time.Unix" => |vm, g, n| {
            let a = args(g, n);
            let (s, ns) = (a.first().map_or(0, |v| v.int()), a.get(1).map_or(0, |v| v.int()));
            let t = T { sec: s.wrapping_add(ns.div_euclid(1_000_000_000)).wrapping_add(ft::UNIX_TO_INTERNAL), nsec: ns.rem_euclid(1_000_000_000), ..T::ZERO };
            push_time(vm, g, t)
        },
        "time.UnixMilli" => |vm, g, n| {
            let a = args(g, n);
            push_time(vm, g, T::from_unix_ns(i128::from(a.first().map_or(0, |v| v.int())) * 1_000_000, false))
        },
        "time.UnixMicro" => |vm, g, n| {
            let a = args(g, n);
            push_time(vm, g, T::from_unix_ns(i128::from(a.first().map_or(0, |v| v.int())) * 1000, false))
        },
        "time.Time.AddDate" => |vm, g, n| {
            let a = args(g, n);
            let t = read(&vm.heap, a.first().copied().unwrap_or_default());
            let i = |k: usize| a.get(k).map_or(0, |v| v.int());
            let c = t.civil();
            let (sec, nsec) = ft::date(c.year.wrapping_add(i(1)), c.month.wrapping_add(i(2)), c.day.wrapping_add(i(3)), c.hour, c.min, c.sec, c.nsec);
            let t = in_loc(&vm.heap, sec, nsec, t.loc);
            push_time(vm, g, t)
        },
        "time.Time.Add" => |vm, g, n| {
            let a = args(g, n);
            let t = read(&vm.heap, a.first().copied().unwrap_or_default());
            let d = a.get(1).map_or(0, |v| v.int());
            push_time(vm, g, T { loc: t.loc, off: t.off, ..T::from_abs(t.abs() + i128::from(d), t.mono) })
        },
        "time.Duration.Round" => |_, g, n| dur2(g, n, duration_round),
        "time.Duration.Truncate" => |_, g, n| dur2(g, n, |d, m| if m <= 0 { d } else { d - d % m }),
        "time.Duration.Abs" => |_, g, n| dur2(g, n, |d, _| if d >= 0 { d } else if d == i64::MIN { i64::MAX } else { -d }),
        "time.After" => |_, g, n| sys(tid::AFTER, args(g, n)),
        "time.Tick" => |_, g, n| sys(tid::TICK, args(g, n)),
        "time.NewTimer" => |_, g, n| sys(tid::NEW_TIMER, args(g, n)),
        "time.NewTicker" => |_, g, n| sys(tid::NEW_TICKER, args(g, n)),
        "time.AfterFunc" => |_, g, n| sys(tid::AFTER_FUNC, args(g, n)),
        "time.(*Timer).Stop" => |_, g, n| sys(tid::TIMER_STOP, args(g, n)),
        "time.(*Timer).Reset" => |_, g, n| sys(tid::TIMER_RESET, args(g, n)),
        "time.(*Ticker).Stop" => |_, g, n| sys(tid::TICKER_STOP, args(g, n)),
        "time.(*Ticker).Reset" => |_, g, n| sys(tid::TICKER_RESET, args(g, n)),
        "time.Duration.String" => |vm, g, n| {
            let a = args(g, n);
            let s = duration_string(a.first().map_or(0, |v| v.int()));
            let v = new_str(vm, s.as_bytes())?;
            g.stack.push(v);
            Ok(())
        },
        "time.Duration.Seconds" => |_vm, g, n| dur_f(g, n, 1e9),
        "time.Duration.Minutes" => |_vm, g, n| dur_f(g, n, 60e9),
        "time.Duration.Hours" => |_vm, g, n| dur_f(g, n, 3600e9),
        "time.Duration.Milliseconds" => |_vm, g, n| dur_i(g, n, 1_000_000),
        "time.Duration.Microseconds" => |_vm, g, n| dur_i(g, n, 1_000),
        "time.Duration.Nanoseconds" => |_vm, g, n| dur_i(g, n, 1),
        _ => return None,
    })
}

fn sys(id: u32, args: impl Into<Vec<Value>>) -> Result<(), Throw> {
    Err(Throw::Stop(Stop::Syscall(Syscall::Sys { id, args: args.into() })))
}

/// A Time value's fields: the stub's `struct { sec, nsec, mono }`,
/// seconds since January 1 of year 1 UTC (so the zero value is Go's zero
/// Time), nanoseconds, and whether it has a monotonic reading (times from
/// `Now`; on the virtual clock that reading is the wall time minus the
/// clock's start, so it needs no storage of its own).
/// `loc` is the `*Location` (nil for UTC) and `off` its zone's offset,
/// read with it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct T {
    pub sec: i64,
    pub nsec: i64,
    pub mono: bool,
    pub loc: Value,
    pub off: i64,
}

impl T {
    pub const ZERO: T = T { sec: 0, nsec: 0, mono: false, loc: Value::Nil, off: 0 };
    /// The Go size of a Time value (wall, ext, loc), as the heap accounts it.
    pub const BYTES: u64 = 24;
    pub fn from_unix_ns(ns: i128, mono: bool) -> T {
        T::from_abs(ns + i128::from(ft::UNIX_TO_INTERNAL) * 1_000_000_000, mono)
    }
    /// From nanoseconds since year 1.
    fn from_abs(ns: i128, mono: bool) -> T {
        let sec = ns.div_euclid(1_000_000_000).clamp(i128::from(i64::MIN), i128::from(i64::MAX)) as i64;
        T { sec, nsec: ns.rem_euclid(1_000_000_000) as i64, mono, ..T::ZERO }
    }
    /// Nanoseconds since year 1.
    fn abs(self) -> i128 {
        i128::from(self.sec) * 1_000_000_000 + i128::from(self.nsec)
    }
    pub fn unix_sec(self) -> i64 {
        self.sec.wrapping_sub(ft::UNIX_TO_INTERNAL)
    }
    /// Unix nanoseconds, saturated.
    pub fn unix_ns(self) -> i64 {
        clamp(self.unix_ns_wide())
    }
    /// Unix nanoseconds, exactly.
    pub fn unix_ns_wide(self) -> i128 {
        self.abs() - i128::from(ft::UNIX_TO_INTERNAL) * 1_000_000_000
    }
    /// The monotonic reading `Time.String` prints (`m=+...`).
    pub fn mono_ns(self) -> Option<i64> {
        self.mono.then(|| self.unix_ns().saturating_sub(EPOCH_UNIX_NS))
    }
    /// The wall clock in the time's zone.
    fn civil(self) -> ft::Civil {
        ft::civil(self.sec.wrapping_add(self.off), self.nsec)
    }
    pub fn slots(self) -> Vec<Value> {
        vec![Value::Int(self.sec), Value::Int(self.nsec), Value::Int(self.mono as i64), self.loc]
    }
}

/// A duration from a wider difference, saturated as Go's `Sub`.
pub(crate) fn clamp(ns: i128) -> i64 {
    ns.clamp(i128::from(i64::MIN), i128::from(i64::MAX)) as i64
}

/// The fields of a Time value.
pub fn read(heap: &crate::heap::Heap, v: Value) -> T {
    let Some(h) = crate::heap::obj_of(heap, v) else { return T::ZERO };
    let s = heap.slots(h);
    let f = |i: usize| s.get(i).map_or(0, |v| v.int());
    let loc = s.get(3).copied().unwrap_or(Value::Nil);
    let sec = f(0);
    T { sec, nsec: f(1), mono: f(2) != 0, loc, off: zone_offset(heap, loc, sec.wrapping_sub(ft::UNIX_TO_INTERNAL)) }
}

/// `Location.kind` (time.go): UTC, Local (UTC here), a FixedZone or a
/// zone of the database.
const KIND_UTC: i64 = 0;
const KIND_LOCAL: i64 = 1;
const KIND_FIXED: i64 = 2;
const KIND_ZONE: i64 = 3;

/// What a `*Location` is.
enum Loc {
    Utc,
    Local,
    /// A FixedZone: its name (a string value) and offset.
    Fixed(Value, i64),
    Zone(&'static zoneinfo::TzZone),
}

/// A `*Location`'s fields (name, offset, kind, zone); nil is UTC.
fn loc_fields(heap: &crate::heap::Heap, loc: Value) -> Option<(Value, i64, i64, i64)> {
    let h = crate::heap::obj_of(heap, loc)?;
    let s = heap.slots(h);
    let int = |i: usize| s.get(i).map_or(0, |v| v.int());
    Some((s.first().copied().unwrap_or(Value::EMPTY_STRING), int(1), int(2), int(3)))
}

fn loc_of(heap: &crate::heap::Heap, loc: Value) -> Loc {
    match loc_fields(heap, loc) {
        Some((_, _, KIND_LOCAL, _)) => Loc::Local,
        Some((name, off, KIND_FIXED, _)) => Loc::Fixed(name, off),
        Some((_, _, KIND_ZONE, i)) => usize::try_from(i).ok().and_then(zoneinfo::zone).map_or(Loc::Utc, Loc::Zone),
        _ => Loc::Utc,
    }
}

/// The zone in effect at an instant, as Go's `Location.lookup` gives it:
/// abbreviation, offset, the instants (Unix seconds) it starts and ends,
/// daylight saving.
struct ZoneAt {
    name: Vec<u8>,
    offset: i64,
    start: i64,
    end: i64,
    is_dst: bool,
}

/// Go's `l.lookup(unix)`. UTC and Local (UTC) have no zone list: `UTC`
/// for all time; a FixedZone one zone for all time.
fn zone_at(vm: &Vm, loc: Value, unix: i64) -> ZoneAt {
    let all_time = |name: Vec<u8>, offset: i64| ZoneAt { name, offset, start: i64::MIN, end: i64::MAX, is_dst: false };
    match loc_of(&vm.heap, loc) {
        Loc::Utc | Loc::Local => all_time(b"UTC".to_vec(), 0),
        Loc::Fixed(name, offset) => all_time(super::str_of(vm, name), offset),
        Loc::Zone(z) => {
            let l = z.lookup(unix);
            ZoneAt { name: l.name.as_bytes().to_vec(), offset: l.offset, start: l.start, end: l.end, is_dst: l.is_dst }
        }
    }
}

/// The offset east of UTC, in seconds, of the zone in effect at `unix`.
fn zone_offset(heap: &crate::heap::Heap, loc: Value, unix: i64) -> i64 {
    match loc_of(heap, loc) {
        Loc::Utc | Loc::Local => 0,
        Loc::Fixed(_, off) => off,
        Loc::Zone(z) => z.lookup(unix).offset,
    }
}

/// The zone abbreviation a time prints (`MST` in a layout).
fn zone_name(vm: &Vm, t: T) -> Vec<u8> {
    zone_at(vm, t.loc, t.unix_sec()).name
}

/// The location's name (`Location.String`).
fn loc_name(vm: &Vm, loc: Value) -> Vec<u8> {
    loc_fields(&vm.heap, loc).map_or(b"UTC".to_vec(), |f| super::str_of(vm, f.0))
}

/// Go's `setLoc`: UTC is kept as nil.
fn set_loc(heap: &crate::heap::Heap, loc: Value) -> Value {
    if matches!(loc_of(heap, loc), Loc::Utc) { Value::Nil } else { loc }
}

/// Go's `Date(..., loc)` after normalizing: a wall clock (`sec` since
/// year 1 as if UTC) in `loc`. The offset is looked up at the wall clock
/// read as UTC, then again at the instant that gives if that falls
/// outside the zone found (near a transition), as Go's Date does.
fn in_loc(heap: &crate::heap::Heap, sec: i64, nsec: i64, loc: Value) -> T {
    let unix = sec.wrapping_sub(ft::UNIX_TO_INTERNAL);
    let mut offset = zone_offset(heap, loc, unix);
    if let Loc::Zone(z) = loc_of(heap, loc) {
        let l = z.lookup(unix);
        offset = l.offset;
        if offset != 0 {
            let utc = unix.wrapping_sub(offset);
            if utc < l.start || utc >= l.end {
                offset = z.lookup(utc).offset;
            }
        }
    }
    let sec = sec.wrapping_sub(offset);
    T { sec, nsec, mono: false, loc: set_loc(heap, loc), off: zone_offset(heap, loc, sec.wrapping_sub(ft::UNIX_TO_INTERNAL)) }
}

/// Go's `l.lookupName(name, unix)`: the offset of a zone of this
/// abbreviation the location has. UTC and Local have none (Go's UTC has
/// no zone list; the Playground's Local is UTC).
fn lookup_name(vm: &Vm, loc: Value, name: &[u8], unix: i64) -> Option<i64> {
    match loc_of(&vm.heap, loc) {
        Loc::Utc | Loc::Local => None,
        Loc::Fixed(n, off) => (super::str_of(vm, n) == name).then_some(off),
        Loc::Zone(z) => z.lookup_name(name, unix),
    }
}

/// Go's `LoadLocation`, over the zones of `tzdata.rs`: a new Location at
/// each call, as Go reads the zone's file each time.
fn load_location(vm: &mut Vm, g: &mut GState, n: usize) -> Result<(), Throw> {
    let a = args(g, n);
    let name = super::str_of(vm, a.first().copied().unwrap_or(Value::EMPTY_STRING));
    let err = |vm: &mut Vm, g: &mut GState, text: &[u8]| -> Result<(), Throw> {
        let e = super::errors::new_error(vm, text)?;
        g.stack.extend([Value::Nil, e]);
        Ok(())
    };
    let loc = match &name[..] {
        b"" | b"UTC" => return push_loc(vm, g, b"UTC", KIND_UTC).map(|()| g.stack.push(Value::Nil)),
        b"Local" => return push_loc(vm, g, b"Local", KIND_LOCAL).map(|()| g.stack.push(Value::Nil)),
        _ if name.windows(2).any(|w| w == b"..") || name[0] == b'/' || name[0] == b'\\' => {
            return err(vm, g, b"time: invalid location name");
        }
        _ => match zoneinfo::find(&name) {
            Some(i) => {
                let n = new_str(vm, &name)?;
                let h = vm.heap.alloc_slots(vec![n, Value::Int(0), Value::Int(KIND_ZONE), Value::Int(i as i64)], LOC_BYTES).map_err(super::oom)?;
                Value::Ptr { obj: h, slot: crate::value::WHOLE }
            }
            None => return err(vm, g, &[&b"unknown time zone "[..], &name].concat()),
        },
    };
    g.stack.extend([loc, Value::Nil]);
    Ok(())
}

/// The Go size of a Location as the heap accounts it (name, offset,
/// kind, zone).
const LOC_BYTES: u64 = 40;

fn push_loc(vm: &mut Vm, g: &mut GState, name: &[u8], kind: i64) -> Result<(), Throw> {
    let name = new_str(vm, name)?;
    let h = vm.heap.alloc_slots(vec![name, Value::Int(0), Value::Int(kind), Value::Int(0)], LOC_BYTES).map_err(super::oom)?;
    g.stack.push(Value::Ptr { obj: h, slot: crate::value::WHOLE });
    Ok(())
}

/// A new FixedZone location, as Go's `FixedZone(name, offset)`.
fn fixed_zone(vm: &mut Vm, name: &[u8], offset: i64) -> Result<Value, Throw> {
    let name = new_str(vm, name)?;
    let h = vm.heap.alloc_slots(vec![name, Value::Int(offset), Value::Int(KIND_FIXED), Value::Int(0)], LOC_BYTES).map_err(super::oom)?;
    Ok(Value::Ptr { obj: h, slot: crate::value::WHOLE })
}

/// `parseTime(layout, value, defaultLocation, local)` (time.go): Go's
/// `parse`, its location choice included: a zone abbreviation in the
/// value that the location lacks gets a made-up zone of that name at
/// offset 0 (`GMT+3`: +3h), as in Go.
fn parse_time(vm: &mut Vm, g: &mut GState, n: usize) -> Result<(), Throw> {
    let a = args(g, n);
    let layout = super::str_of(vm, a.first().copied().unwrap_or(Value::EMPTY_STRING));
    let value = super::str_of(vm, a.get(1).copied().unwrap_or(Value::EMPTY_STRING));
    let (default_loc, local) = (a.get(2).copied().unwrap_or(Value::Nil), a.get(3).copied().unwrap_or(Value::Nil));
    let p = match ft::parse(&layout, &value) {
        Ok(p) => p,
        Err(e) => {
            let zero = new_time(vm, T::ZERO)?;
            g.stack.push(zero);
            for s in [&e.layout_elem, &e.value_elem, &e.message] {
                let v = new_str(vm, s)?;
                g.stack.push(v);
            }
            g.stack.push(Value::Bool(false));
            return Ok(());
        }
    };
    let (sec, nsec) = ft::date(p.year, p.month, p.day, p.hour, p.min, p.sec, p.nsec);
    let t = match p.zone {
        ft::ParsedZone::Utc => in_loc(&vm.heap, sec, nsec, Value::Nil),
        ft::ParsedZone::Offset(name, off) => {
            // The local zone, if the one in effect then has this offset
            // (and name); else a zone made up to record the offset.
            let sec = sec.wrapping_sub(off);
            let z = zone_at(vm, local, sec.wrapping_sub(ft::UNIX_TO_INTERNAL));
            if z.offset == off && (name.is_empty() || name == z.name) {
                T { sec, nsec, mono: false, loc: set_loc(&vm.heap, local), off }
            } else {
                T { sec, nsec, mono: false, loc: fixed_zone(vm, &name, off)?, off }
            }
        }
        ft::ParsedZone::Name(name) => match lookup_name(vm, local, &name, sec.wrapping_sub(ft::UNIX_TO_INTERNAL)) {
            Some(off) => T { sec: sec.wrapping_sub(off), nsec, mono: false, loc: set_loc(&vm.heap, local), off },
            None => {
                // The wall clock is kept as UTC: Go does not shift it.
                let off = ft::gmt_offset(&name);
                T { sec, nsec, mono: false, loc: fixed_zone(vm, &name, off)?, off }
            }
        },
        ft::ParsedZone::Default => {
            if default_loc == Value::Nil {
                return Err(super::panic_str(vm, b"time: missing Location in call to Date"));
            }
            in_loc(&vm.heap, sec, nsec, default_loc)
        }
    };
    let t = new_time(vm, t)?;
    g.stack.push(t);
    for _ in 0..3 {
        g.stack.push(Value::EMPTY_STRING);
    }
    g.stack.push(Value::Bool(true));
    Ok(())
}

fn arg_time(vm: &Vm, g: &mut GState, n: usize) -> T {
    let a = args(g, n);
    read(&vm.heap, a.first().copied().unwrap_or_default())
}

fn push_time(vm: &mut Vm, g: &mut GState, t: T) -> Result<(), Throw> {
    let v = new_time(vm, t)?;
    g.stack.push(v);
    Ok(())
}

fn push_str(vm: &mut Vm, g: &mut GState, s: &str) -> Result<(), Throw> {
    push_bytes(vm, g, s.as_bytes())
}

fn push_bytes(vm: &mut Vm, g: &mut GState, s: &[u8]) -> Result<(), Throw> {
    let v = new_str(vm, s)?;
    g.stack.push(v);
    Ok(())
}

fn one(vm: &mut Vm, g: &mut GState, n: usize, f: fn(T) -> Value) -> Result<(), Throw> {
    let t = arg_time(vm, g, n);
    g.stack.push(f(t));
    Ok(())
}

fn two(vm: &mut Vm, g: &mut GState, n: usize, f: fn(T, T) -> Value) -> Result<(), Throw> {
    let a = args(g, n);
    let t = read(&vm.heap, a.first().copied().unwrap_or_default());
    let u = read(&vm.heap, a.get(1).copied().unwrap_or_default());
    g.stack.push(f(t, u));
    Ok(())
}

/// `Time.Truncate` / `Time.Round`: multiples of `d` since the zero Time;
/// the result has no monotonic reading.
fn round(vm: &mut Vm, g: &mut GState, n: usize, half_up: bool) -> Result<(), Throw> {
    let a = args(g, n);
    let t = T { mono: false, ..read(&vm.heap, a.first().copied().unwrap_or_default()) };
    let d = i128::from(a.get(1).map_or(0, |v| v.int()));
    if d <= 0 {
        return push_time(vm, g, t);
    }
    let r = t.abs().rem_euclid(d);
    let ns = if half_up && r + r >= d { t.abs() + (d - r) } else { t.abs() - r };
    push_time(vm, g, T { loc: t.loc, off: t.off, ..T::from_abs(ns, false) })
}

/// A fresh Time value.
pub fn new_time(vm: &mut Vm, t: T) -> Result<Value, Throw> {
    vm.heap.alloc_slots(t.slots(), T::BYTES).map(Value::Agg).map_err(super::oom)
}

fn dur2(g: &mut GState, n: usize, f: fn(i64, i64) -> i64) -> Result<(), Throw> {
    let a = args(g, n);
    let d = a.first().map_or(0, |v| v.int());
    let m = a.get(1).map_or(0, |v| v.int());
    g.stack.push(Value::Int(f(d, m)));
    Ok(())
}

/// Go's `Duration.Round`: halfway values round away from zero; a result
/// that overflows saturates.
fn duration_round(d: i64, m: i64) -> i64 {
    if m <= 0 {
        return d;
    }
    let mut r = d % m;
    if d < 0 {
        r = -r;
        if r + r < m {
            return d + r;
        }
        return match d.checked_sub(m - r) {
            Some(d1) if d1 < d => d1,
            _ => i64::MIN,
        };
    }
    if r + r < m {
        return d - r;
    }
    match d.checked_add(m - r) {
        Some(d1) if d1 > d => d1,
        _ => i64::MAX,
    }
}

/// Go's `time.ParseDuration` (time/format.go): a signed sequence of
/// decimal numbers with optional fractions and a unit each, e.g.
/// `1h15m30.5s`; errors worded as Go's.
pub(crate) fn parse_duration(text: &[u8]) -> Result<i64, String> {
    let quote = |b: &[u8]| String::from_utf8_lossy(&ft::quote(b)).into_owned();
    let invalid = || format!("time: invalid duration {}", quote(text));
    let mut s = text;
    let mut neg = false;
    if let Some(&c) = s.first()
        && (c == b'-' || c == b'+')
    {
        neg = c == b'-';
        s = &s[1..];
    }
    if s == b"0" {
        return Ok(0);
    }
    if s.is_empty() {
        return Err(invalid());
    }
    let mut total: u64 = 0;
    while !s.is_empty() {
        if !(s[0] == b'.' || s[0].is_ascii_digit()) {
            return Err(invalid());
        }
        // The integer part.
        let digits = s.iter().take_while(|c| c.is_ascii_digit()).count();
        let mut v: u64 = 0;
        for &c in &s[..digits] {
            v = v.checked_mul(10).and_then(|v| v.checked_add(u64::from(c - b'0'))).filter(|&v| v <= 1 << 63).ok_or_else(invalid)?;
        }
        let pre = digits > 0;
        s = &s[digits..];
        // The fraction: digits past what fits are ignored, as Go does.
        let (mut f, mut scale, mut post) = (0u64, 1f64, false);
        if s.first() == Some(&b'.') {
            s = &s[1..];
            let n = s.iter().take_while(|c| c.is_ascii_digit()).count();
            post = n > 0;
            let mut overflow = false;
            for &c in &s[..n] {
                if overflow {
                    continue;
                }
                match f.checked_mul(10).and_then(|y| y.checked_add(u64::from(c - b'0'))).filter(|&y| y <= 1 << 63) {
                    Some(y) => {
                        f = y;
                        scale *= 10.0;
                    }
                    None => overflow = true,
                }
            }
            s = &s[n..];
        }
        if !pre && !post {
            return Err(invalid());
        }
        let unit_len = s.iter().take_while(|&&c| c != b'.' && !c.is_ascii_digit()).count();
        if unit_len == 0 {
            return Err(format!("time: missing unit in duration {}", quote(text)));
        }
        let (u, rest) = s.split_at(unit_len);
        s = rest;
        let unit: u64 = match u {
            b"ns" => 1,
            // us, µs (U+00B5) and μs (U+03BC).
            b"us" | [0xc2, 0xb5, b's'] | [0xce, 0xbc, b's'] => 1_000,
            b"ms" => 1_000_000,
            b"s" => 1_000_000_000,
            b"m" => 60_000_000_000,
            b"h" => 3_600_000_000_000,
            _ => return Err(format!("time: unknown unit {} in duration {}", quote(u), quote(text))),
        };
        if v > (1u64 << 63) / unit {
            return Err(invalid());
        }
        v *= unit;
        if f > 0 {
            v += (f as f64 * (unit as f64 / scale)) as u64;
            if v > 1 << 63 {
                return Err(invalid());
            }
        }
        total = total.checked_add(v).filter(|&t| t <= 1 << 63).ok_or_else(invalid)?;
    }
    if neg {
        return Ok((total as i64).wrapping_neg());
    }
    if total > i64::MAX as u64 {
        return Err(invalid());
    }
    Ok(total as i64)
}

fn dur_f(g: &mut GState, argc: usize, unit: f64) -> Result<(), Throw> {
    let a = args(g, argc);
    let d = a.first().map_or(0, |v| v.int());
    // As Go: whole units plus the fraction, to keep precision.
    let u = unit as i64;
    let (whole, frac) = (d / u, d % u);
    g.stack.push(Value::Float(whole as f64 + frac as f64 / unit));
    Ok(())
}

fn dur_i(g: &mut GState, argc: usize, unit: i64) -> Result<(), Throw> {
    let a = args(g, argc);
    g.stack.push(Value::Int(a.first().map_or(0, |v| v.int()) / unit));
    Ok(())
}

/// Go's `time.Duration.String`: `1h2m3.5s`, `1.5ms`, `0s`.
pub fn duration_string(d: i64) -> String {
    if d == 0 {
        return "0s".into();
    }
    let neg = d < 0;
    let u = d.unsigned_abs();
    let mut out = String::new();
    if u < 1_000_000_000 {
        // Sub-second: ns, µs or ms with a fraction.
        let (unit, div) = if u < 1_000 {
            ("ns", 1)
        } else if u < 1_000_000 {
            ("µs", 1_000)
        } else {
            ("ms", 1_000_000)
        };
        out.push_str(&frac_str(u, div));
        out.push_str(unit);
    } else {
        let secs_total = u / 1_000_000_000;
        let h = secs_total / 3600;
        let m = (secs_total / 60) % 60;
        let s_ns = u % 60_000_000_000;
        if h > 0 {
            out.push_str(&format!("{h}h"));
        }
        if h > 0 || m > 0 {
            out.push_str(&format!("{m}m"));
        }
        out.push_str(&frac_str(s_ns, 1_000_000_000));
        out.push('s');
    }
    if neg { format!("-{out}") } else { out }
}

/// `v / div` with the fraction's trailing zeros dropped.
fn frac_str(v: u64, div: u64) -> String {
    let whole = v / div;
    let frac = v % div;
    if frac == 0 {
        return whole.to_string();
    }
    let width = div.to_string().len() - 1;
    let f = format!("{frac:0width$}");
    format!("{whole}.{}", f.trim_end_matches('0'))
}

#[cfg(test)]
mod tests {
    use super::parse_duration;

    #[test]
    fn parse_duration_as_go() {
        // Expected values and messages printed by Go 1.27's time.ParseDuration.
        assert_eq!(parse_duration(b"1h15m30.5s"), Ok(4_530_500_000_000));
        assert_eq!(parse_duration(b"-1.5h"), Ok(-5_400_000_000_000));
        assert_eq!(parse_duration(b"300ms"), Ok(300_000_000));
        assert_eq!(parse_duration("2\u{b5}s".as_bytes()), Ok(2_000));
        assert_eq!(parse_duration(b"0"), Ok(0));
        assert_eq!(parse_duration(b".5s"), Ok(500_000_000));
        assert_eq!(parse_duration(b"5 parsecs"), Err("time: unknown unit \" parsecs\" in duration \"5 parsecs\"".into()));
        assert_eq!(parse_duration(b"10"), Err("time: missing unit in duration \"10\"".into()));
        assert_eq!(parse_duration(b""), Err("time: invalid duration \"\"".into()));
        assert_eq!(parse_duration(b"."), Err("time: invalid duration \".\"".into()));
        assert_eq!(parse_duration(b"9999999999h"), Err("time: invalid duration \"9999999999h\"".into()));
    }
}
