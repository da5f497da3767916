//! `time` as natives: the clock is the scheduler's virtual clock, which
//! starts at 2009-11-10 23:00:00 UTC (the Go Playground's), so `Now`,
//! `Since` and `Until` ask the process (`process::sys_sync`), and `Sleep`
//! parks on a scheduler timer (`process::sys::id::SLEEP`). A `Time` is
//! the stub's `struct { ns int64 }`: Unix nanoseconds (no monotonic
//! reading: the virtual clock never goes backwards). Timers and tickers
//! are the process's (`process::sys_time`).

use super::args;
use crate::process::sys::id::SLEEP;
use crate::process::sys_sync::{id, time_ns};
use crate::process::sys_time::id as tid;
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
                    let e = super::lib::new_error(vm, msg.as_bytes())?;
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
            sys(id::TIME_NOW, vec![])
        },
        "time.Since" => |_, g, n| sys(id::TIME_SINCE, args(g, n)),
        "time.Until" => |_, g, n| sys(id::TIME_UNTIL, args(g, n)),
        "time.Time.Sub" => |vm, g, n| two(vm, g, n, |t, u| Value::Int(t.saturating_sub(u))),
        "time.Time.Before" => |vm, g, n| two(vm, g, n, |t, u| Value::Bool(t < u)),
        "time.Time.After" => |vm, g, n| two(vm, g, n, |t, u| Value::Bool(t > u)),
        "time.Time.Equal" => |vm, g, n| two(vm, g, n, |t, u| Value::Bool(t == u)),
        "time.Time.Compare" => |vm, g, n| two(vm, g, n, |t, u| Value::Int((t > u) as i64 - (t < u) as i64)),
        "time.Time.IsZero" => |vm, g, n| one(vm, g, n, |t| Value::Bool(t == 0)),
        "time.Time.UnixNano" => |vm, g, n| one(vm, g, n, Value::Int),
        "time.Time.UnixMilli" => |vm, g, n| one(vm, g, n, |t| Value::Int(t.div_euclid(1_000_000))),
        "time.Time.Unix" => |vm, g, n| one(vm, g, n, |t| Value::Int(t.div_euclid(1_000_000_000))),
        "time.Time.Add" => |vm, g, n| {
            let a = args(g, n);
            let t = time_ns(&vm.heap, a.first().copied().unwrap_or_default());
            let d = a.get(1).map_or(0, |v| v.int());
            let v = new_time(vm, t.saturating_add(d))?;
            g.stack.push(v);
            Ok(())
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
        _ => return None,
    })
}

fn sys(id: u32, args: Vec<Value>) -> Result<(), Throw> {
    Err(Throw::Stop(Stop::Syscall(Syscall::Sys { id, args })))
}

fn one(vm: &mut Vm, g: &mut GState, n: usize, f: fn(i64) -> Value) -> Result<(), Throw> {
    let a = args(g, n);
    let t = time_ns(&vm.heap, a.first().copied().unwrap_or_default());
    g.stack.push(f(t));
    Ok(())
}

fn two(vm: &mut Vm, g: &mut GState, n: usize, f: fn(i64, i64) -> Value) -> Result<(), Throw> {
    let a = args(g, n);
    let t = time_ns(&vm.heap, a.first().copied().unwrap_or_default());
    let u = time_ns(&vm.heap, a.get(1).copied().unwrap_or_default());
    g.stack.push(f(t, u));
    Ok(())
}

/// A fresh Time value.
pub fn new_time(vm: &mut Vm, unix_ns: i64) -> Result<Value, Throw> {
    vm.heap.alloc_slots(vec![Value::Int(unix_ns)], 24).map(Value::Agg).map_err(super::oom)
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
    let quote = |b: &[u8]| String::from_utf8_lossy(&crate::format::quote(b)).into_owned();
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
