//! The channel and runtime requests compiled code asks the process for
//! with `Op::Sys { id, argc }` ([`id`], with their argument and result
//! shapes), and the channel operations behind the channel ids.
//!
//! The ids are the contract with the compiler: it emits `Sys { id, argc }`
//! with the arguments on the stack; the process serves the request and
//! pushes the results before the goroutine resumes (a goroutine that
//! blocks gets its results pushed by whoever wakes it). Which server
//! serves an id is `runtime::request`'s table; the ids here are those of
//! its `Chan` and `Runtime` servers, both served in the machine
//! (`VmMachine::sys`). The packages serve theirs (`stdlib::services`).
//!
//! The channels follow Go's `runtime/chan.go` and `select.go` (unbuffered
//! and buffered send/receive, close, nil channels; waiter queues in FIFO
//! order; `closechan`'s wake order; `selectgo`'s random poll order and
//! its pass 3, leaving every other channel once a case completes). The
//! element buffer lives in the heap's `ChanObj`, and a parked sender keeps
//! its value on its own VM stack: everything a channel holds is reachable
//! for the collector and the leak analysis without a roots hook. The wait
//! queues live here, keyed by the channel's handle. Go's channel panics
//! are raised into the goroutine (`Vm::raise_panic`): recoverable.

use crate::event::EventKind;
use crate::heap::{ChanObj, Obj};
use crate::rtype::Kind;
use crate::sched::{GoId, WaitReason};
use crate::value::{Handle, Value};
use crate::vm::Vm;
use std::collections::{VecDeque};
use rustc_hash::FxHashMap as HashMap;


/// How a parked receiver wants its result.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecvKind {
    One,
    WithOk,
    /// Case `n` of a parked `select`: results `[n, v, ok]`.
    Select(u32),
}

/// Wait queues of one channel (`hchan.recvq` / `sendq`).
#[derive(Clone, Debug, Default)]
pub struct ChanWaits {
    pub recvq: VecDeque<(GoId, RecvKind)>,
    /// The sender, its value, and its case if it is a parked `select`.
    pub sendq: VecDeque<(GoId, Value, Option<u32>)>,
}

/// What a channel operation did to the calling goroutine.
#[derive(Clone, Debug, PartialEq)]
pub enum ChanOutcome {
    /// Done; push these results and carry on.
    Done(Vec<Value>),
    /// Done, and the goroutine `GoId` (parked on the other side) got its
    /// results and must be readied.
    DoneAndReady(Vec<Value>, GoId),
    /// Park with this reason (the results come from the waker).
    Park(WaitReason),
    /// Close woke these (in the order to ready them); they have their
    /// results, except the senders in `panics`, which must panic.
    Closed { ready: Vec<GoId>, panics: Vec<GoId> },
    /// Go's run-time panic with this text.
    Panic(&'static str),
}

/// `try_send`'s answer for a value put in the buffer (no one to ready).
const BUFFERED: GoId = GoId::MAX;

/// Every channel's wait queues.
#[derive(Clone, Debug, Default)]
pub struct Chans {
    pub waits: HashMap<Handle, ChanWaits>,
    /// Values a parked goroutine keeps on its own VM stack while it waits
    /// (a sender's value; a select's send values), so the collector sees
    /// them: popped when it is woken.
    held: HashMap<GoId, usize>,
    /// The channels a parked `select` queued on (it leaves them all when
    /// one case completes: Go's pass 3).
    selecting: HashMap<GoId, Vec<Handle>>,
    /// Channel events of the operations served, for the machine to hand
    /// to the scheduler (`EventKind::ChanSend`...).
    pub events: Vec<EventKind>,
}

/// One case of a `select`: a send of `v` or a receive on `c`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SelCase {
    pub send: bool,
    pub c: Value,
    pub v: Value,
}

/// What a `select` did to the calling goroutine.
#[derive(Clone, Debug, PartialEq)]
pub enum SelectOutcome {
    /// A case (or the default, -1) proceeded: push these results; ready
    /// the goroutine on the other side if any.
    Done(Vec<Value>, Option<GoId>),
    /// Park: on these channels with this reason.
    Park(WaitReason, Vec<Handle>),
    /// Go's run-time panic with this text.
    Panic(&'static str),
}

fn chan_of(vm: &Vm, c: Value) -> Option<Handle> {
    match c {
        Value::Chan(h) if matches!(vm.heap.get(h), Obj::Chan(_)) => Some(h),
        _ => None,
    }
}

fn chan_mut(vm: &mut Vm, h: Handle) -> Option<&mut ChanObj> {
    match vm.heap.get_mut(h) {
        Some(Obj::Chan(c)) => Some(c),
        _ => None,
    }
}

fn zero_of(vm: &mut Vm, h: Handle) -> Value {
    let ty = match vm.heap.get(h) {
        Obj::Chan(c) => c.elem_ty,
        _ => return Value::Nil,
    };
    let prog = vm.program().clone();
    vm.heap.zero(&prog.types, ty).unwrap_or(Value::Nil)
}

/// A short text of value `v` sent on channel `h`, for events: basic
/// values as `%v` prints them, others by their type (formatting them in
/// full could call the program's `String` methods).
pub fn value_text(vm: &Vm, h: Handle, v: Value) -> String {
    let ty = match vm.heap.get(h) {
        Obj::Chan(c) => c.elem_ty,
        _ => return String::new(),
    };
    let prog = vm.program();
    let Some(t) = prog.types.get(ty as usize) else { return String::new() };
    match &t.kind {
        Kind::Bool => v.bool().to_string(),
        Kind::Int(k) if k.is_unsigned() => (v.int() as u64).to_string(),
        Kind::Int(_) => v.int().to_string(),
        Kind::Float32 | Kind::Float64 => String::from_utf8_lossy(crate::format::format_float(v.float(), b'g', -1, 64).as_ref()).into_owned(),
        Kind::String => String::from_utf8_lossy(vm.heap.str_bytes(v)).into_owned(),
        Kind::Struct(f) if f.is_empty() => "{}".to_string(),
        _ if v == Value::Nil => "<nil>".to_string(),
        _ => format!("({})", t.name),
    }
}

fn results(kind: RecvKind, v: Value, ok: bool) -> Vec<Value> {
    match kind {
        RecvKind::One => vec![v],
        RecvKind::WithOk => vec![v, Value::Bool(ok)],
        RecvKind::Select(n) => vec![Value::Int(n as i64), v, Value::Bool(ok)],
    }
}

/// The results a woken sender gets: none, or a select's `[n, nil, false]`.
fn send_results(case: Option<u32>) -> Vec<Value> {
    match case {
        Some(n) => vec![Value::Int(n as i64), Value::Nil, Value::Bool(false)],
        None => Vec::new(),
    }
}

impl Chans {
    /// `makechan` of `size` slots of type `elem_ty`.
    pub fn make(vm: &mut Vm, elem_ty: u32, size: i64) -> Result<Value, crate::heap::MakechanError> {
        let elem_size = vm.program().types.get(elem_ty as usize).map_or(8, |t| t.size);
        crate::heap::makechan(&mut vm.heap, elem_ty, elem_size, size)
    }

    /// The channel a goroutine blocked on, if it is a live channel value.
    pub fn handle(vm: &Vm, c: Value) -> Option<Handle> {
        chan_of(vm, c)
    }

    /// `chansend` from goroutine `g`. A woken receiver's results are pushed
    /// on its VM stack (`vm_of` maps a goid to its VM goroutine).
    pub fn send(&mut self, vm: &mut Vm, g: GoId, c: Value, v: Value, vm_of: &dyn Fn(GoId) -> Option<usize>) -> ChanOutcome {
        let Some(h) = chan_of(vm, c) else { return ChanOutcome::Park(WaitReason::ChanSendNilChan) };
        let (closed, len, cap) = match vm.heap.get(h) {
            Obj::Chan(ch) => (ch.closed, ch.buf.len(), ch.cap as usize),
            _ => return ChanOutcome::Park(WaitReason::ChanSendNilChan),
        };
        if closed {
            return ChanOutcome::Panic("send on closed channel");
        }
        if let Some(r) = self.try_send(vm, g, h, v, len < cap, vm_of) {
            return if r == BUFFERED { ChanOutcome::Done(vec![]) } else { ChanOutcome::DoneAndReady(vec![], r) };
        }
        self.waits.entry(h).or_default().sendq.push_back((g, v, None));
        // The value waits with its sender: keep it (and the channel, whose
        // handle must not be reused while it has waiters) on the sender's
        // stack, so the collector sees them (the waker pops them).
        self.hold(vm, g, &[v, c], vm_of);
        ChanOutcome::Park(WaitReason::ChanSend)
    }

    /// A send that can proceed now: to a waiting receiver (returned, to
    /// be readied) or into the buffer when there is `room` ([`BUFFERED`]).
    fn try_send(&mut self, vm: &mut Vm, g: GoId, h: Handle, v: Value, room: bool, vm_of: &dyn Fn(GoId) -> Option<usize>) -> Option<GoId> {
        let waiter = self.waits.get_mut(&h).and_then(|w| w.recvq.pop_front());
        self.prune(h);
        if let Some((r, kind)) = waiter {
            // A receiver is waiting: hand the value straight to it.
            self.wake(vm, r, vm_of);
            let value = value_text(vm, h, v);
            self.events.push(EventKind::ChanSend { g, chan: h, value: value.clone() });
            self.events.push(EventKind::ChanRecv { g: r, chan: h, value, ok: true });
            if let Some(i) = vm_of(r) {
                vm.push_results(i, &results(kind, v, true));
            }
            return Some(r);
        }
        if room {
            self.events.push(EventKind::ChanSend { g, chan: h, value: value_text(vm, h, v) });
            if let Some(ch) = chan_mut(vm, h) {
                ch.buf.push_back(v);
            }
            return Some(BUFFERED);
        }
        None
    }

    /// Keeps `vals` on parked goroutine `g`'s stack (see `held`).
    fn hold(&mut self, vm: &mut Vm, g: GoId, vals: &[Value], vm_of: &dyn Fn(GoId) -> Option<usize>) {
        if let Some(s) = vm_of(g).and_then(|i| vm.gs.get_mut(i)) {
            s.stack.extend_from_slice(vals);
            *self.held.entry(g).or_default() += vals.len();
        }
    }

    /// Parked goroutine `g` is being woken: drop what it held and, for a
    /// select, its entries on every other channel.
    fn wake(&mut self, vm: &mut Vm, g: GoId, vm_of: &dyn Fn(GoId) -> Option<usize>) {
        if let Some(n) = self.held.remove(&g)
            && let Some(s) = vm_of(g).and_then(|i| vm.gs.get_mut(i))
        {
            let keep = s.stack.len().saturating_sub(n);
            s.stack.truncate(keep);
        }
        if let Some(cs) = self.selecting.remove(&g) {
            for c in cs {
                if let Some(w) = self.waits.get_mut(&c) {
                    w.recvq.retain(|&(r, _)| r != g);
                    w.sendq.retain(|&(s, _, _)| s != g);
                }
                self.prune(c);
            }
        }
    }

    /// Drops channel `h`'s entry once nobody waits on it (keeps the map to
    /// the channels with waiters).
    fn prune(&mut self, h: Handle) {
        if self.waits.get(&h).is_some_and(|w| w.recvq.is_empty() && w.sendq.is_empty()) {
            self.waits.remove(&h);
        }
    }

    /// `chanrecv` from goroutine `g`.
    pub fn recv(&mut self, vm: &mut Vm, g: GoId, c: Value, kind: RecvKind, vm_of: &dyn Fn(GoId) -> Option<usize>) -> ChanOutcome {
        let Some(h) = chan_of(vm, c) else { return ChanOutcome::Park(WaitReason::ChanReceiveNilChan) };
        if let Some((v, ok, sender)) = self.try_recv(vm, g, h, vm_of) {
            return match sender {
                Some(s) => ChanOutcome::DoneAndReady(results(kind, v, ok), s),
                None => ChanOutcome::Done(results(kind, v, ok)),
            };
        }
        self.waits.entry(h).or_default().recvq.push_back((g, kind));
        self.hold(vm, g, &[c], vm_of);
        ChanOutcome::Park(WaitReason::ChanReceive)
    }

    /// A receive that can proceed now: `(value, ok, sender to ready)`.
    fn try_recv(&mut self, vm: &mut Vm, g: GoId, h: Handle, vm_of: &dyn Fn(GoId) -> Option<usize>) -> Option<(Value, bool, Option<GoId>)> {
        let waiter = self.waits.get_mut(&h).and_then(|w| w.sendq.pop_front());
        self.prune(h);
        if let Some((s, sv, case)) = waiter {
            // The sender kept its value on its stack while parked (see send).
            self.wake(vm, s, vm_of);
            if let Some(i) = vm_of(s) {
                vm.push_results(i, &send_results(case));
            }
            // A sender is waiting: unbuffered, take its value; buffered
            // (and so full), take the head and put the sender's at the tail.
            let ch = chan_mut(vm, h)?;
            let v = if ch.cap == 0 {
                sv
            } else {
                ch.buf.push_back(sv);
                ch.buf.pop_front().unwrap_or(Value::Nil)
            };
            let (st, rt) = (value_text(vm, h, sv), value_text(vm, h, v));
            self.events.push(EventKind::ChanSend { g: s, chan: h, value: st });
            self.events.push(EventKind::ChanRecv { g, chan: h, value: rt, ok: true });
            return Some((v, true, Some(s)));
        }
        let ch = chan_mut(vm, h)?;
        if let Some(v) = ch.buf.pop_front() {
            self.events.push(EventKind::ChanRecv { g, chan: h, value: value_text(vm, h, v), ok: true });
            return Some((v, true, None));
        }
        if ch.closed {
            let z = zero_of(vm, h);
            self.events.push(EventKind::ChanRecv { g, chan: h, value: value_text(vm, h, z), ok: false });
            return Some((z, false, None));
        }
        None
    }

    /// `selectgo`: the first ready case in a random poll order (Go's
    /// inside-out shuffle, each step drawn from the run's chooser:
    /// [`crate::sched::Chooser::select_pollorder`]), else the default,
    /// else park on every channel. One case without default behaves as the plain operation
    /// (Go's compiler rewrites it so): its wait reason is `chan receive`.
    pub fn select(&mut self, vm: &mut Vm, g: GoId, has_default: bool, cases: &[SelCase], vm_of: &dyn Fn(GoId) -> Option<usize>) -> SelectOutcome {
        let mut order: Vec<usize> = Vec::with_capacity(cases.len());
        let mut live = Vec::with_capacity(cases.len());
        for (i, cas) in cases.iter().enumerate() {
            let Some(h) = chan_of(vm, cas.c) else { continue };
            live.push((i, h));
            let n = order.len();
            let j = vm.chooser.select_pollorder(n as u64 + 1);
            order.push(i);
            order.swap(n, j);
        }
        for &i in &order {
            let Some(&(_, h)) = live.iter().find(|(k, _)| *k == i) else { continue };
            let cas = cases[i];
            let (closed, len, cap) = match vm.heap.get(h) {
                Obj::Chan(ch) => (ch.closed, ch.buf.len(), ch.cap as usize),
                _ => continue,
            };
            if cas.send {
                if closed {
                    return SelectOutcome::Panic("send on closed channel");
                }
                if let Some(r) = self.try_send(vm, g, h, cas.v, len < cap, vm_of) {
                    let other = if r == BUFFERED { None } else { Some(r) };
                    return SelectOutcome::Done(vec![Value::Int(i as i64), Value::Nil, Value::Bool(false)], other);
                }
            } else if let Some((v, ok, sender)) = self.try_recv(vm, g, h, vm_of) {
                return SelectOutcome::Done(vec![Value::Int(i as i64), v, Value::Bool(ok)], sender);
            }
        }
        if has_default {
            return SelectOutcome::Done(vec![Value::Int(-1), Value::Nil, Value::Bool(false)], None);
        }
        let reason = match (cases.len(), cases.first()) {
            (0, _) => WaitReason::SelectNoCases,
            (1, Some(c)) => match (c.send, live.is_empty()) {
                (true, true) => WaitReason::ChanSendNilChan,
                (true, false) => WaitReason::ChanSend,
                (false, true) => WaitReason::ChanReceiveNilChan,
                (false, false) => WaitReason::ChanReceive,
            },
            _ => WaitReason::Select,
        };
        let mut held = Vec::new();
        let mut on = Vec::new();
        for &(i, h) in &live {
            let cas = cases[i];
            held.push(cas.c);
            let w = self.waits.entry(h).or_default();
            if cas.send {
                w.sendq.push_back((g, cas.v, Some(i as u32)));
                held.push(cas.v);
            } else {
                w.recvq.push_back((g, RecvKind::Select(i as u32)));
            }
            if !on.contains(&h) {
                on.push(h);
            }
        }
        self.hold(vm, g, &held, vm_of);
        if !on.is_empty() {
            self.selecting.insert(g, on.clone());
        }
        SelectOutcome::Park(reason, on)
    }

    /// `closechan`. Receivers get the zero value and `false`; senders must
    /// panic. Go collects receivers then senders on a stack and readies
    /// them from it: the `ready` order is that pop order.
    pub fn close(&mut self, vm: &mut Vm, g: GoId, c: Value, vm_of: &dyn Fn(GoId) -> Option<usize>) -> ChanOutcome {
        let Some(h) = chan_of(vm, c) else { return ChanOutcome::Panic("close of nil channel") };
        let Some(ch) = chan_mut(vm, h) else { return ChanOutcome::Panic("close of nil channel") };
        if ch.closed {
            return ChanOutcome::Panic("close of closed channel");
        }
        ch.closed = true;
        self.events.push(EventKind::ChanClose { g, chan: h });
        let z = zero_of(vm, h);
        let zt = value_text(vm, h, z);
        let mut stack = Vec::new();
        // A select queued here may have several entries: the first wins,
        // and waking it takes the others off (so pop one at a time).
        while let Some((r, kind)) = self.waits.get_mut(&h).and_then(|w| w.recvq.pop_front()) {
            self.wake(vm, r, vm_of);
            self.events.push(EventKind::ChanRecv { g: r, chan: h, value: zt.clone(), ok: false });
            if let Some(i) = vm_of(r) {
                vm.push_results(i, &results(kind, z, false));
            }
            stack.push(r);
        }
        let mut panics = Vec::new();
        while let Some((s, _, _)) = self.waits.get_mut(&h).and_then(|w| w.sendq.pop_front()) {
            self.wake(vm, s, vm_of);
            panics.push(s);
        }
        self.waits.remove(&h);
        stack.extend(panics.iter().copied());
        stack.reverse();
        ChanOutcome::Closed { ready: stack, panics }
    }

}
