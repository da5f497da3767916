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
