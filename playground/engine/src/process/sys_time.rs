//! `time`'s requests ([`id`], the `Time` server of `runtime::request`):
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

use super::machine::{Creator, VmMachine};
use super::sys::Chans;
use super::sys_sync::{EPOCH_UNIX_NS, time_ns};
use crate::event::EventKind;
use crate::heap::Obj;
use crate::sched::{GoId, Sched, Stop, TimerAction};
use crate::span::Span;
use crate::value::{Value, WHOLE};
use std::collections::BTreeMap;
use std::rc::Rc;

pub(crate) use crate::runtime::request::time as id;

/// Runtime timer ids of this module start here (no clash with others').
const FIRST_TIMER_ID: u64 = 1 << 40;

#[derive(Clone, Debug)]
struct TimerRec {
    /// When it fires next; `None` when stopped or expired.
    when: Option<u64>,
    /// A ticker's period (0: one-shot).
    period: u64,
    /// The channel it sends on (`Value::Nil` for AfterFunc).
    chan: Value,
    /// AfterFunc's function (`Value::Nil` for a channel timer).
    func: Value,
    /// A context deadline: the context node it cancels.
    ctx: Option<u64>,
}

/// Every timer of the run.
#[derive(Clone, Debug, Default)]
pub struct Timers {
    next: u64,
    recs: BTreeMap<u64, TimerRec>,
    /// The VM goroutine slot whose stack holds armed timers' values.
    holder: Option<usize>,
}

/// Go's `when(d)`: a non-positive duration fires at once.
fn delay(d: i64) -> u64 {
    d.max(0) as u64
}

fn time_elem_type(m: &VmMachine) -> u32 {
    m.vm.program().types.iter().position(|t| t.name == "time.Time").map_or(0, |i| i as u32)
}

/// Re-collects the armed timers' values into the holder's stack.
fn rehold(m: &mut VmMachine) {
    let vals: Vec<Value> =
        m.sync.timers.recs.values().filter(|t| t.when.is_some()).flat_map(|t| [t.chan, t.func]).filter(|v| *v != Value::Nil).collect();
    let i = match m.sync.timers.holder {
        Some(i) => i,
        None => {
            m.vm.gs.push(Box::default());
            let i = m.vm.gs.len() - 1;
            m.sync.timers.holder = Some(i);
            i
        }
    };
    if let Some(s) = m.vm.gs.get_mut(i) {
        s.stack = vals;
    }
}

fn add(m: &mut VmMachine, now: u64, d: u64, period: u64, chan: Value, func: Value) -> u64 {
    m.sync.timers.next += 1;
    let id = FIRST_TIMER_ID + m.sync.timers.next;
    m.sync.timers.recs.insert(id, TimerRec { when: Some(now.saturating_add(d)), period, chan, func, ctx: None });
    rehold(m);
    id
}

fn new_chan(m: &mut VmMachine, goid: GoId) -> Value {
    let ty = time_elem_type(m);
    // Capacity 0, as `cap(t.C)` reports since Go 1.23; the one-slot
    // buffer Go keeps behind it is the ChanObj's `buf`, filled by
    // `timer_fired` directly.
    let c = Chans::make(&mut m.vm, ty, 0).unwrap_or(Value::Nil);
    if let Value::Chan(h) = c {
        m.chans.events.push(EventKind::ChanMake { g: goid, chan: h, elem: "time.Time".into(), cap: 0 });
    }
    c
}

/// A `*Timer`/`*Ticker`: `&struct{ C, id, f }`.
fn timer_obj(m: &mut VmMachine, chan: Value, id: u64, func: Value) -> Value {
    match m.vm.heap.alloc_slots(vec![chan, Value::Int(id as i64), func], 40) {
        Ok(h) => Value::Ptr { obj: h, slot: WHOLE },
        Err(_) => Value::Nil,
    }
}

/// The record id of a `*Timer`/`*Ticker` value (0 if not made by NewTimer...).
fn id_of(m: &VmMachine, t: Value) -> Option<u64> {
    let h = super::sys_sync::obj_of(&m.vm.heap, t)?;
    Some(m.vm.heap.slots(h).get(1).map_or(0, |v| v.int()) as u64)
}

/// `timerchandrain`: empties the channel's slot; true if it held a value.
fn drain(m: &mut VmMachine, chan: Value) -> bool {
    let Value::Chan(h) = chan else { return false };
    match m.vm.heap.get_mut(h) {
        Some(Obj::Chan(c)) => {
            let had = !c.buf.is_empty();
            c.buf.clear();
            if had {
                m.chans.events.push(EventKind::ChanDrain { chan: h });
            }
            had
        }
        _ => false,
    }
}

/// A Time value with a monotonic reading (what `time.Now` returns).
fn time_value(m: &mut VmMachine, unix_ns: i64) -> Value {
    let t = crate::stdlib::time::T::from_unix_ns(i128::from(unix_ns), true);
    match m.vm.heap.alloc_slots(t.slots(), 24) {
        Ok(h) => Value::Agg(h),
        Err(_) => Value::Nil,
    }
}

/// Serves `time`'s requests (ids in [`id`]): the clock and the timers.
pub fn dispatch(m: &mut VmMachine, sched: &Sched, goid: GoId, sid: u32, args: &[Value]) -> Option<Stop> {
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
            let d = unix_now.saturating_sub(time_ns(&m.vm.heap, a0));
            m.push(goid, &[Value::Int(d)]);
            None
        }
        id::TIME_UNTIL => {
            let d = time_ns(&m.vm.heap, a0).saturating_sub(unix_now);
            m.push(goid, &[Value::Int(d)]);
            None
        }
        id::AFTER | id::NEW_TIMER => {
            let c = new_chan(m, goid);
            let d = delay(a0.int());
            let id = add(m, now, d, 0, c, Value::Nil);
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
            let id = add(m, now, d as u64, d as u64, c, Value::Nil);
            let r = if sid == id::TICK { c } else { timer_obj(m, c, id, Value::Nil) };
            m.push(goid, &[r]);
            Some(Stop::TimerStart { id, delay_ns: d as u64 })
        }
        id::AFTER_FUNC => {
            let d = delay(a0.int());
            let id = add(m, now, d, 0, Value::Nil, a1);
            let r = timer_obj(m, Value::Nil, id, a1);
            m.push(goid, &[r]);
            Some(Stop::TimerStart { id, delay_ns: d })
        }
        id::TIMER_STOP | id::TICKER_STOP => {
            let Some(tid) = id_of(m, a0) else { return Some(m.go_panic(sched, goid, "runtime error: invalid memory address or nil pointer dereference")) };
            let Some(t) = m.sync.timers.recs.get_mut(&tid) else {
                if sid == id::TICKER_STOP {
                    return None;
                }
                return Some(m.go_panic(sched, goid, "time: Stop called on uninitialized Timer"));
            };
            let armed = t.when.take().is_some();
            let chan = t.chan;
            let pending = drain(m, chan) || armed;
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
            let Some(t) = m.sync.timers.recs.get_mut(&tid) else {
                let msg = if sid == id::TICKER_RESET { "time: Reset called on uninitialized Ticker" } else { "time: Reset called on uninitialized Timer" };
                return Some(m.go_panic(sched, goid, msg));
            };
            let armed = t.when.is_some();
            let dl = delay(d);
            t.when = Some(now.saturating_add(dl));
            if sid == id::TICKER_RESET {
                t.period = d as u64;
            }
            let chan = t.chan;
            let pending = drain(m, chan) || armed;
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
pub fn timer_fired(m: &mut VmMachine, id: u64, now: u64) -> Vec<TimerAction> {
    let mut actions = Vec::new();
    let Some(t) = m.sync.timers.recs.get_mut(&id) else { return actions };
    let Some(when) = t.when else { return actions };
    if t.period > 0 {
        // The next tick skips the periods already missed (Go's ticker).
        let late = now.saturating_sub(when);
        let next = when.saturating_add(t.period.saturating_mul(1 + late / t.period));
        t.when = Some(next);
        actions.push(TimerAction::Rearm { id, when: next });
    } else {
        t.when = None;
    }
    let (chan, func) = (t.chan, t.func);
    if let Some(n) = t.ctx {
        m.sync.timers.recs.remove(&id);
        rehold(m);
        return super::sys_context::deadline_fired(m, n);
    }
    if func != Value::Nil {
        let name = func_name(m, func);
        m.spawning = Some((func, Vec::new(), Creator { func: Rc::from("time.goFunc"), goid: 0, line: 0, wrap: None }));
        actions.push(TimerAction::Go { func: name, pos: Span::default(), parent: 0 });
    } else if let Value::Chan(h) = chan {
        // Send without blocking: to a waiting receiver, else into the
        // slot; a full slot drops the tick.
        let full = match m.vm.heap.get(h) {
            Obj::Chan(c) => !c.buf.is_empty(),
            _ => true,
        };
        let waiting = m.chans.waits.get(&h).is_some_and(|w| !w.recvq.is_empty());
        if !full && !waiting {
            let v = time_at(m, when);
            let value = super::sys::value_text(&m.vm, h, v);
            if let Some(Obj::Chan(c)) = m.vm.heap.get_mut(h) {
                c.buf.push_back(v);
                m.chans.events.push(EventKind::ChanSend { g: 0, chan: h, value });
            }
        } else if waiting {
            let v = time_at(m, when);
            let gs = &m.gs;
            let vm_of = |g: GoId| gs.get(&g).and_then(super::machine::GInfo::vm_index);
            if let super::sys::ChanOutcome::DoneAndReady(_, r) = m.chans.send(&mut m.vm, 0, chan, v, &vm_of) {
                if let Some(x) = m.gs.get_mut(&r) {
                    x.blocked_on.clear();
                }
                actions.push(TimerAction::Ready(r));
            }
        }
    }
    rehold(m);
    actions
}

/// The name of the function a Func or closure value runs.
pub(super) fn func_name(m: &VmMachine, f: Value) -> Rc<str> {
    let prog = m.vm.program();
    let fi = match f {
        Value::Func(i) => i,
        Value::Closure(h) => match m.vm.heap.get(h) {
            Obj::Closure { func, .. } => *func,
            _ => return Rc::from("?"),
        },
        _ => return Rc::from("?"),
    };
    Rc::from(prog.funcs.get(fi as usize).map_or("?", |x| x.name.as_str()))
}

/// The Time value of virtual instant `when`.
fn time_at(m: &mut VmMachine, when: u64) -> Value {
    let t = crate::stdlib::time::T::from_unix_ns(i128::from(super::sys_sync::EPOCH_UNIX_NS) + i128::from(when), true);
    match m.vm.heap.alloc_slots(t.slots(), 24) {
        Ok(h) => Value::Agg(h),
        Err(_) => Value::Nil,
    }
}

/// A runtime timer canceling context node `n` (its deadline) `d` from now.
pub fn add_ctx_timer(m: &mut VmMachine, now: u64, d: u64, n: u64) -> u64 {
    let id = add(m, now, d, 0, Value::Nil, Value::Nil);
    if let Some(t) = m.sync.timers.recs.get_mut(&id) {
        t.ctx = Some(n);
    }
    id
}
