//! `time`'s requests ([`id`], the `Time` server of `runtime::request`;
//! the contract is `stdlib::services`'):
//! `Now`, `Since` and `Until` on the virtual clock, and the timers on the
//! scheduler: `After`, `NewTimer`, `Tick`, `NewTicker`, `AfterFunc`, and
//! `Stop`/`Reset`, with Go 1.23+ semantics (time/sleep.go, time/tick.go,
//! runtime/time.go).
//!
//! Each timer is a scheduler runtime timer (`Stop::TimerStart { id }`)
//! plus a record here. When it fires the scheduler asks
//! [`timer_fired`]: a channel timer sends the time it was due on its
//! channel without blocking (a receiver waiting, also in a `select`, gets
//! it and is readied; otherwise the one-slot buffer takes it, or the tick
//! is dropped when the slot is full); a ticker re-arms for its next
//! period (`TimerAction::Rearm`); `AfterFunc` starts its function in a new
//! goroutine, `created by time.goFunc`, as Go's timer goroutine does.
//!
//! As since Go 1.23, `Stop` and `Reset` drain the channel's slot, so no
//! stale value is received after they return, and a value that fired but
//! was not received counts as pending (`Stop` then returns true).
//!
//! A `*Timer`/`*Ticker` is the stub struct `{ C, id, f }`. Armed timers'
//! channels and functions are held as collector roots (in a holder
//! stack the VM scans) — an armed timer must fire even if the program
//! dropped every reference to it, as Go's timer heap keeps it.

use crate::runtime::Creator;
use crate::runtime::timer::{self, What};
use crate::sched::time::EPOCH_UNIX_NS;
use crate::sched::{GoId, Sched, Stop, TimerAction};
use crate::span::Span;
use crate::stdlib::services::Services;
use crate::value::{Value, WHOLE};
use std::rc::Rc;

pub(crate) use crate::runtime::request::time as id;

/// Runtime timer ids of this module start here (no clash with others').
const FIRST_TIMER_ID: u64 = 1 << 40;

/// Every timer of the run (`runtime::timer` decides), and where the
/// values of the armed ones are kept alive.
#[derive(Clone, Debug)]
pub struct Timers {
    table: timer::Timers<Value>,
    /// The VM goroutine slot whose stack holds armed timers' values.
    holder: Option<usize>,
}

impl Default for Timers {
    fn default() -> Timers {
        Timers { table: timer::Timers::new(FIRST_TIMER_ID), holder: None }
    }
}

impl Timers {
    /// What Go's timer heaps keep alive for the goroutine leak analysis:
    /// the channels and functions of armed timers, and the context nodes
    /// whose deadline timers are armed (`WithDeadline`'s `time.AfterFunc`
    /// closure holds its context).
    pub(crate) fn leak_roots(&self) -> (Vec<Value>, Vec<u64>) {
        let vals = self.table.armed_values().filter(|v| *v != Value::Nil).collect();
        (vals, self.table.armed_deadlines().collect())
    }
}

/// Go's `when(d)`: a non-positive duration fires at once.
fn delay(d: i64) -> u64 {
    d.max(0) as u64
}

fn time_elem_type(m: &impl Services) -> u32 {
    m.vm().program().types.iter().position(|t| t.name == "time.Time").map_or(0, |i| i as u32)
}

/// Re-collects the armed timers' values into the holder's stack.
fn rehold(m: &mut impl Services) {
    let vals: Vec<Value> = m.state().timers.table.armed_values().filter(|v| *v != Value::Nil).collect();
    let slot = m.state().timers.holder;
    let slot = m.vm_mut().hold(slot, vals);
    m.state().timers.holder = Some(slot);
}

fn add(m: &mut impl Services, now: u64, d: u64, period: u64, what: What<Value>) -> u64 {
    let id = m.state().timers.table.add(now, d, period, what);
    rehold(m);
    id
}

/// The channel a timer sends on (`Value::Nil` for the others).
fn chan_of(what: What<Value>) -> Value {
    match what {
        What::Chan(c) => c,
        _ => Value::Nil,
    }
}

fn new_chan(m: &mut impl Services, goid: GoId) -> Value {
    let ty = time_elem_type(m);
    // Capacity 0, as `cap(t.C)` reports since Go 1.23; the one-slot
    // buffer Go keeps behind it is the ChanObj's `buf`, filled by
    // `timer_fired` directly.
    m.make_chan(goid, ty, "time.Time", 0)
}

/// A `*Timer`/`*Ticker`: `&struct{ C, id, f }`.
fn timer_obj(m: &mut impl Services, chan: Value, id: u64, func: Value) -> Value {
    match m.vm_mut().heap.alloc_slots(vec![chan, Value::Int(id as i64), func], 40) {
        Ok(h) => Value::Ptr { obj: h, slot: WHOLE },
        Err(_) => Value::Nil,
    }
}

/// The record id of a `*Timer`/`*Ticker` value (0 if not made by NewTimer...).
fn id_of(m: &impl Services, t: Value) -> Option<u64> {
    let h = crate::heap::obj_of(&m.vm().heap, t)?;
    Some(m.vm().heap.slots(h).get(1).map_or(0, |v| v.int()) as u64)
}

/// A Time value with a monotonic reading (what `time.Now` returns).
fn time_value(m: &mut impl Services, unix_ns: i64) -> Value {
    let t = crate::stdlib::time::T::from_unix_ns(i128::from(unix_ns), true);
    match m.vm_mut().heap.alloc_slots(t.slots(), crate::stdlib::time::T::BYTES) {
        Ok(h) => Value::Agg(h),
        Err(_) => Value::Nil,
    }
}

/// Serves `time`'s requests (ids in [`id`]): the clock and the timers.
pub fn dispatch(m: &mut impl Services, sched: &Sched, goid: GoId, sid: u32, args: &[Value]) -> Option<Stop> {
    let a0 = args.first().copied().unwrap_or(Value::Nil);
    let a1 = args.get(1).copied().unwrap_or(Value::Nil);
    let now = sched.now;
    let unix_now = EPOCH_UNIX_NS.saturating_add(now as i64);
    match sid {
        id::TIME_NOW => {
            let t = time_value(m, unix_now);
            m.push(goid, &[t]);
            None
        }
        id::TIME_SINCE => {
            // Saturated as Go's Sub, for a time centuries away too.
            let d = super::clamp(i128::from(unix_now) - super::read(&m.vm().heap, a0).unix_ns_wide());
            m.push(goid, &[Value::Int(d)]);
            None
        }
        id::TIME_UNTIL => {
            let d = super::clamp(super::read(&m.vm().heap, a0).unix_ns_wide() - i128::from(unix_now));
            m.push(goid, &[Value::Int(d)]);
            None
        }
        id::AFTER | id::NEW_TIMER => {
            let c = new_chan(m, goid);
            let d = delay(a0.int());
            let id = add(m, now, d, 0, What::Chan(c));
            let r = if sid == id::AFTER { c } else { timer_obj(m, c, id, Value::Nil) };
            m.push(goid, &[r]);
            Some(Stop::TimerStart { id, delay_ns: d })
        }
        id::TICK | id::NEW_TICKER => {
            let d = a0.int();
            if d <= 0 {
                if sid == id::TICK {
                    m.push(goid, &[Value::Nil]);
                    return None;
                }
                return Some(m.go_panic(sched, goid, "non-positive interval for NewTicker"));
            }
            let c = new_chan(m, goid);
            let id = add(m, now, d as u64, d as u64, What::Chan(c));
            let r = if sid == id::TICK { c } else { timer_obj(m, c, id, Value::Nil) };
            m.push(goid, &[r]);
            Some(Stop::TimerStart { id, delay_ns: d as u64 })
        }
        id::AFTER_FUNC => {
            let d = delay(a0.int());
            let id = add(m, now, d, 0, What::Func(a1));
            let r = timer_obj(m, Value::Nil, id, a1);
            m.push(goid, &[r]);
            Some(Stop::TimerStart { id, delay_ns: d })
        }
        id::TIMER_STOP | id::TICKER_STOP => {
            let Some(tid) = id_of(m, a0) else { return Some(m.go_panic(sched, goid, "runtime error: invalid memory address or nil pointer dereference")) };
            let Some(found) = m.state().timers.table.stop(tid) else {
                if sid == id::TICKER_STOP {
                    return None;
                }
                return Some(m.go_panic(sched, goid, "time: Stop called on uninitialized Timer"));
            };
            let armed = found.armed;
            let pending = m.drain_chan(chan_of(found.what)) || armed;
            rehold(m);
            if sid == id::TIMER_STOP {
                m.push(goid, &[Value::Bool(pending)]);
            }
            if armed { Some(Stop::TimerStop { id: tid }) } else { None }
        }
        id::TIMER_RESET | id::TICKER_RESET => {
            let Some(tid) = id_of(m, a0) else { return Some(m.go_panic(sched, goid, "runtime error: invalid memory address or nil pointer dereference")) };
            let d = a1.int();
            if sid == id::TICKER_RESET && d <= 0 {
                return Some(m.go_panic(sched, goid, "non-positive interval for Ticker.Reset"));
            }
            let dl = delay(d);
            let period = (sid == id::TICKER_RESET).then_some(d as u64);
            let Some(found) = m.state().timers.table.reset(tid, now, dl, period) else {
                let msg = if sid == id::TICKER_RESET { "time: Reset called on uninitialized Ticker" } else { "time: Reset called on uninitialized Timer" };
                return Some(m.go_panic(sched, goid, msg));
            };
            let pending = m.drain_chan(chan_of(found.what)) || found.armed;
            rehold(m);
            if sid == id::TIMER_RESET {
                m.push(goid, &[Value::Bool(pending)]);
            }
            Some(Stop::TimerStart { id: tid, delay_ns: dl })
        }
        _ => Some(m.unknown_request(sid)),
    }
}

/// Runtime timer `id` fired at `now`: what it wakes, starts or re-arms.
pub fn timer_fired(m: &mut impl Services, id: u64, now: u64) -> Vec<TimerAction> {
    let mut actions = Vec::new();
    let Some(fired) = m.state().timers.table.fire(id, now) else { return actions };
    if let Some(next) = fired.rearm {
        actions.push(TimerAction::Rearm { id, when: next });
    }
    match fired.what {
        What::Deadline(n) => {
            rehold(m);
            return crate::stdlib::context::tree::deadline_fired(m, n);
        }
        What::Func(func) if func != Value::Nil => {
            let name = m.func_name(func);
            m.set_spawning(func, Vec::new(), Creator { func: Rc::from("time.goFunc"), goid: 0, line: 0, wrap: None });
            actions.push(TimerAction::Go { func: name, pos: Span::default(), parent: 0 });
        }
        What::Func(_) => {}
        What::Chan(chan) => {
            if let Value::Chan(h) = chan {
                // Send without blocking: to a waiting receiver, else into
                // the slot; a full slot drops the tick.
                let waiting = m.has_receiver(h);
                if waiting {
                    let v = time_at(m, fired.when);
                    if let Some(r) = m.send_to_receiver(0, chan, v) {
                        actions.push(TimerAction::Ready(r));
                    }
                } else if m.chan_len(h) == Some(0) {
                    let v = time_at(m, fired.when);
                    m.send_to_buffer(0, h, v);
                }
            }
        }
    }
    rehold(m);
    actions
}

/// The Time value of virtual instant `when`.
fn time_at(m: &mut impl Services, when: u64) -> Value {
    let t = crate::stdlib::time::T::from_unix_ns(i128::from(EPOCH_UNIX_NS) + i128::from(when), true);
    match m.vm_mut().heap.alloc_slots(t.slots(), crate::stdlib::time::T::BYTES) {
        Ok(h) => Value::Agg(h),
        Err(_) => Value::Nil,
    }
}

/// A runtime timer canceling context node `n` (its deadline) `d` from now.
pub fn add_ctx_timer(m: &mut impl Services, now: u64, d: u64, n: u64) -> u64 {
    add(m, now, d, 0, What::Deadline(n))
}
