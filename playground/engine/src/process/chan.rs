//! Channels and `select` in the process: the runtime's state machine
//! (`runtime::chan`) applied to the VM. The machine decides over the wait
//! queues and the channel's buffer (the heap's `ChanObj`); this glue does
//! what its decisions mean for goroutines: pushes a woken goroutine's
//! results on its stack, keeps a parked goroutine's values (a sender's
//! value, a `select`'s send values, the channel) on its own stack so the
//! collector and the leak analysis see them without a roots hook, makes
//! the zero value a closed channel yields, and records the channel events
//! with their values' text. Go's channel panics are raised into the
//! goroutine by the machine (`Vm::raise_panic`): recoverable.

use super::crash;
use super::machine::{GInfo, VmMachine};
use crate::event::EventKind;
use crate::runtime::request::sys as id;
use crate::sched::{Sched, Stop};
use crate::vm;
use crate::heap::{ChanObj, Heap, Obj};
use crate::rtype::Kind;
use crate::runtime::chan::{self as rt, Hchan, Hchans, Received, Sent};
use crate::sched::{GoId, WaitReason};
use crate::value::{Handle, Value};
use crate::vm::Vm;
use crate::vm::race::{Addr, SYNC_CHAN_BUF, SYNC_CHAN_CLOSE};
use rustc_hash::FxHashMap as HashMap;

pub use crate::runtime::chan::RecvKind;

impl Hchans<Handle, Value> for Heap {
    fn hchan(&mut self, c: Handle) -> Option<Hchan<'_, Value>> {
        match self.get_mut(c) {
            Some(Obj::Chan(ch)) => {
                let ChanObj { buf, cap, closed, .. } = &mut **ch;
                Some(Hchan { buf, cap: *cap as usize, closed })
            }
            _ => None,
        }
    }
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

/// Every channel's wait queues (the runtime's), and what parked
/// goroutines keep on their stacks.
#[derive(Clone, Debug, Default)]
pub struct Chans {
    pub queues: rt::Chans<Handle, Value>,
    /// How many values a parked goroutine keeps on its own VM stack while
    /// it waits, so the collector sees them: popped when it is woken.
    held: HashMap<GoId, usize>,
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

/// A channel value's handle (`None` for nil).
fn key(c: Value) -> Option<Handle> {
    match c {
        Value::Chan(h) => Some(h),
        _ => None,
    }
}

fn chan_of(vm: &Vm, c: Value) -> Option<Handle> {
    match c {
        Value::Chan(h) if matches!(vm.heap.get(h), Obj::Chan(_)) => Some(h),
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
        Kind::Float32 => crate::format::shortest(v.float(), 32),
        Kind::Float64 => crate::format::shortest(v.float(), 64),
        Kind::Complex64 | Kind::Complex128 => {
            let bits = if matches!(t.kind, Kind::Complex64) { 64 } else { 128 };
            String::from_utf8_lossy(&crate::format::format_complex(v.complex().0, v.complex().1, b'g', -1, bits)).into_owned()
        }
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

    /// Whether a receiver waits on channel `h`.
    pub fn has_receiver(&self, h: Handle) -> bool {
        self.queues.has_receiver(h)
    }

    /// `chansend` from goroutine `g`. A woken receiver's results are pushed
    /// on its VM stack (`vm_of` maps a goid to its VM goroutine).
    pub fn send(&mut self, vm: &mut Vm, g: GoId, c: Value, v: Value, vm_of: &dyn Fn(GoId) -> Option<usize>) -> ChanOutcome {
        match self.queues.send(&mut vm.heap, g, key(c), v) {
            rt::Send::Done(Sent::Buffered) => {
                self.sent(vm, g, c, v, Sent::Buffered, vm_of);
                ChanOutcome::Done(vec![])
            }
            rt::Send::Done(s @ Sent::Handoff { to, .. }) => {
                self.sent(vm, g, c, v, s, vm_of);
                ChanOutcome::DoneAndReady(vec![], to)
            }
            rt::Send::Park(reason) => {
                if reason == WaitReason::ChanSend {
                    // The value waits with its sender: keep it (and the
                    // channel, whose handle must not be reused while it has
                    // waiters) on the sender's stack.
                    self.hold(vm, g, &[v, c], vm_of);
                }
                ChanOutcome::Park(reason)
            }
            rt::Send::Panic(msg) => ChanOutcome::Panic(msg),
        }
    }

    /// Applies a send that went through: the woken receiver's results,
    /// the events.
    fn sent(&mut self, vm: &mut Vm, g: GoId, c: Value, v: Value, s: Sent<Value>, vm_of: &dyn Fn(GoId) -> Option<usize>) {
        let Some(h) = key(c) else { return };
        if vm.race_detects() {
            let other = if let Sent::Handoff { to, .. } = s { Some(to) } else { None };
            race_notify(vm, h, g, other, false);
        }
        match s {
            Sent::Handoff { to, kind, .. } => {
                self.release(vm, to, vm_of);
                let value = value_text(vm, h, v);
                self.events.push(EventKind::ChanSend { g, chan: h, value: value.clone() });
                self.events.push(EventKind::ChanRecv { g: to, chan: h, value, ok: true });
                if let Some(i) = vm_of(to) {
                    vm.push_results(i, &results(kind, v, true));
                }
            }
            Sent::Buffered => {
                self.events.push(EventKind::ChanSend { g, chan: h, value: value_text(vm, h, v) });
            }
        }
    }

    /// `chanrecv` from goroutine `g`.
    pub fn recv(&mut self, vm: &mut Vm, g: GoId, c: Value, kind: RecvKind, vm_of: &dyn Fn(GoId) -> Option<usize>) -> ChanOutcome {
        match self.queues.recv(&mut vm.heap, g, key(c), kind) {
            rt::Recv::Done(got) => {
                let (v, ok, sender) = self.received(vm, g, c, got, vm_of);
                match sender {
                    Some(s) => ChanOutcome::DoneAndReady(results(kind, v, ok), s),
                    None => ChanOutcome::Done(results(kind, v, ok)),
                }
            }
            rt::Recv::Park(reason) => {
                if reason == WaitReason::ChanReceive {
                    self.hold(vm, g, &[c], vm_of);
                }
                ChanOutcome::Park(reason)
            }
        }
    }

    /// Applies a receive that went through: the woken sender's results,
    /// the zero value of a closed channel, the events. Returns `(value,
    /// ok, sender to ready)`.
    fn received(&mut self, vm: &mut Vm, g: GoId, c: Value, got: Received<Value>, vm_of: &dyn Fn(GoId) -> Option<usize>) -> (Value, bool, Option<GoId>) {
        let h = key(c).unwrap_or_default();
        if vm.race_detects() {
            match got {
                Received::FromSender { from, .. } => race_notify(vm, h, g, Some(from), true),
                Received::Buffered(_) => race_notify(vm, h, g, None, true),
                Received::Closed => vm.raceacquireg(g, Addr::Sync(h, SYNC_CHAN_CLOSE)),
            }
        }
        match got {
            Received::FromSender { from, case, sent, got } => {
                self.release(vm, from, vm_of);
                if let Some(i) = vm_of(from) {
                    vm.push_results(i, &send_results(case));
                }
                let (st, rt) = (value_text(vm, h, sent), value_text(vm, h, got));
                self.events.push(EventKind::ChanSend { g: from, chan: h, value: st });
                self.events.push(EventKind::ChanRecv { g, chan: h, value: rt, ok: true });
                (got, true, Some(from))
            }
            Received::Buffered(v) => {
                self.events.push(EventKind::ChanRecv { g, chan: h, value: value_text(vm, h, v), ok: true });
                (v, true, None)
            }
            Received::Closed => {
                let z = zero_of(vm, h);
                self.events.push(EventKind::ChanRecv { g, chan: h, value: value_text(vm, h, z), ok: false });
                (z, false, None)
            }
        }
    }

    /// Keeps `vals` on parked goroutine `g`'s stack (see `held`).
    fn hold(&mut self, vm: &mut Vm, g: GoId, vals: &[Value], vm_of: &dyn Fn(GoId) -> Option<usize>) {
        if let Some(s) = vm_of(g).and_then(|i| vm.gs.get_mut(i)) {
            s.stack.extend_from_slice(vals);
            *self.held.entry(g).or_default() += vals.len();
        }
    }

    /// Parked goroutine `g` is being woken: drop what it held.
    fn release(&mut self, vm: &mut Vm, g: GoId, vm_of: &dyn Fn(GoId) -> Option<usize>) {
        if let Some(n) = self.held.remove(&g)
            && let Some(s) = vm_of(g).and_then(|i| vm.gs.get_mut(i))
        {
            let keep = s.stack.len().saturating_sub(n);
            s.stack.truncate(keep);
        }
    }

    /// `selectgo` from goroutine `g` (see `runtime::chan`'s).
    pub fn select(&mut self, vm: &mut Vm, g: GoId, has_default: bool, cases: &[SelCase], vm_of: &dyn Fn(GoId) -> Option<usize>) -> SelectOutcome {
        let rcases: Vec<rt::SelCase<Handle, Value>> = cases.iter().map(|c| rt::SelCase { send: c.send, c: key(c.c), v: c.v }).collect();
        match self.queues.select(&mut vm.heap, &mut vm.chooser, g, has_default, &rcases) {
            rt::Select::Sent { case, sent } => {
                let other = match sent {
                    Sent::Handoff { to, .. } => Some(to),
                    Sent::Buffered => None,
                };
                self.sent(vm, g, cases[case].c, cases[case].v, sent, vm_of);
                SelectOutcome::Done(vec![Value::Int(case as i64), Value::Nil, Value::Bool(false)], other)
            }
            rt::Select::Received { case, got } => {
                let (v, ok, sender) = self.received(vm, g, cases[case].c, got, vm_of);
                SelectOutcome::Done(vec![Value::Int(case as i64), v, Value::Bool(ok)], sender)
            }
            rt::Select::Default => SelectOutcome::Done(vec![Value::Int(-1), Value::Nil, Value::Bool(false)], None),
            rt::Select::Park(reason) => {
                // Each live case's channel, and a send case's value.
                let mut held = Vec::new();
                for cas in cases.iter().filter(|cas| chan_of(vm, cas.c).is_some()) {
                    held.push(cas.c);
                    if cas.send {
                        held.push(cas.v);
                    }
                }
                self.hold(vm, g, &held, vm_of);
                SelectOutcome::Park(reason, self.queues.selecting(g).to_vec())
            }
            rt::Select::Panic(msg) => SelectOutcome::Panic(msg),
        }
    }

    /// `closechan`. Receivers get the zero value and `false`; senders must
    /// panic. `ready` is Go's goready order.
    pub fn close(&mut self, vm: &mut Vm, g: GoId, c: Value, vm_of: &dyn Fn(GoId) -> Option<usize>) -> ChanOutcome {
        let woke = match self.queues.close(&mut vm.heap, key(c)) {
            Ok(w) => w,
            Err(msg) => return ChanOutcome::Panic(msg),
        };
        let h = key(c).unwrap_or_default();
        self.events.push(EventKind::ChanClose { g, chan: h });
        if vm.race_detects() {
            vm.racereleaseg(g, Addr::Sync(h, SYNC_CHAN_CLOSE));
            for &(r, _) in &woke.receivers {
                vm.raceacquireg(r, Addr::Sync(h, SYNC_CHAN_CLOSE));
            }
        }
        let z = zero_of(vm, h);
        let zt = value_text(vm, h, z);
        for &(r, kind) in &woke.receivers {
            self.release(vm, r, vm_of);
            self.events.push(EventKind::ChanRecv { g: r, chan: h, value: zt.clone(), ok: false });
            if let Some(i) = vm_of(r) {
                vm.push_results(i, &results(kind, z, false));
            }
        }
        for &s in &woke.senders {
            self.release(vm, s, vm_of);
        }
        ChanOutcome::Closed { ready: woke.ready_order(), panics: woke.senders }
    }
}

/// `-race`'s edges of a channel operation by `g` on channel `h` that
/// went through, with the goroutine on the other side if it was parked
/// (`chan.go`'s `racesync` and `racenotify`): unbuffered, both learn each
/// other's past; buffered, each operation passes its buffer slot on
/// (`racereleaseacquire`), so the k-th receive happens before the
/// (k+cap)-th send completes; a channel of zero-sized elements has one
/// slot for all.
fn race_notify(vm: &mut Vm, h: Handle, g: GoId, other: Option<GoId>, recv: bool) {
    let (cap, elem) = match vm.heap.get(h) {
        Obj::Chan(c) => (c.cap, c.elem_ty),
        _ => return,
    };
    if cap == 0 {
        let Some(o) = other else { return };
        let a = Addr::Sync(h, SYNC_CHAN_BUF);
        vm.racereleaseg(g, a);
        vm.raceacquireg(o, a);
        vm.racereleaseg(o, a);
        vm.raceacquireg(g, a);
        return;
    }
    let zero_sized = vm.program().types.get(elem as usize).is_some_and(|t| t.size == 0);
    let Some(slot) = vm.racechanslot(h, cap as u32, recv, other.is_some()) else { return };
    let slot = if zero_sized { Addr::Sync(h, SYNC_CHAN_BUF) } else { slot };
    // The goroutine whose value goes into the slot first: the sender.
    // The goroutine running first, then the parked one (`racenotify(c,
    // c.recvx, nil)`, then with its `sudog`).
    for x in [Some(g), other].into_iter().flatten() {
        if zero_sized {
            vm.raceacquireg(x, slot);
            vm.racereleaseg(x, slot);
        } else {
            vm.racereleaseacquireg(x, slot);
        }
    }
}

/// The machine serves the channel requests ([`Server::Chan`]).
///
/// [`Server::Chan`]: crate::runtime::request::Server::Chan
impl VmMachine {
    /// Serves a channel or `select` request ([`Server::Chan`]).
    pub(super) fn chan_request(&mut self, sched: &Sched, goid: GoId, sid: u32, args: &[Value]) -> Option<Stop> {
        let a0 = Self::arg(args, 0);
        let gs = &self.gs;
        let vm_of = |g: GoId| gs.get(&g).and_then(GInfo::vm_index);
        match sid {
            id::MAKE_CHAN => match Chans::make(&mut self.vm, a0.int() as u32, Self::arg(args, 1).int()) {
                Ok(c) => {
                    if let Value::Chan(h) = c {
                        let elem = self.vm.program().types.get(a0.int() as usize).map_or(String::new(), |t| t.name.to_string());
                        let cap = Self::arg(args, 1).int() as u32;
                        self.note(Some(goid), EventKind::ChanMake { g: goid, chan: h, elem, cap });
                    }
                    self.push(goid, &[c])
                }
                Err(crate::heap::MakechanError::SizeOutOfRange) => {
                    return Some(self.go_panic(sched, goid, crate::heap::MakechanError::SIZE_OUT_OF_RANGE));
                }
                Err(crate::heap::MakechanError::OutOfMemory(e)) => {
                    let mut f = vm::out_of_memory(e);
                    f.trace = self.trace_of(goid);
                    let c = crash::vm_fatal(self, sched, goid, &f);
                    return Some(self.die(c));
                }
            },
            id::CHAN_SEND => {
                // A channel carries values: an array or struct is copied.
                let v = self.vm.heap.clone_value(Self::arg(args, 1)).unwrap_or(Value::Nil);
                let out = self.chans.send(&mut self.vm, goid, a0, v, &vm_of);
                return self.chan_outcome(sched, goid, a0, out);
            }
            id::CHAN_RECV | id::CHAN_RECV2 => {
                let kind = if sid == id::CHAN_RECV { RecvKind::One } else { RecvKind::WithOk };
                let out = self.chans.recv(&mut self.vm, goid, a0, kind, &vm_of);
                return self.chan_outcome(sched, goid, a0, out);
            }
            id::CHAN_CLOSE => {
                let out = self.chans.close(&mut self.vm, goid, a0, &vm_of);
                return self.chan_outcome(sched, goid, a0, out);
            }
            id::SELECT => {
                let mut cases = Vec::with_capacity(args.len() / 3);
                for c in args.get(1..).unwrap_or_default().chunks_exact(3) {
                    let send = c[0].int() == 0;
                    let v = if send { self.vm.heap.clone_value(c[2]).unwrap_or(Value::Nil) } else { Value::Nil };
                    cases.push(SelCase { send, c: c[1], v });
                }
                let gs = &self.gs;
                let vm_of = |g: GoId| gs.get(&g).and_then(GInfo::vm_index);
                match self.chans.select(&mut self.vm, goid, a0.bool(), &cases, &vm_of) {
                    SelectOutcome::Done(vals, other) => {
                        self.push(goid, &vals);
                        if let Some(o) = other {
                            if let Some(x) = self.gs.get_mut(&o) {
                                x.blocked_on.clear();
                            }
                            return Some(Stop::Ready(o));
                        }
                    }
                    SelectOutcome::Park(reason, on) => {
                        if let Some(g) = self.gs.get_mut(&goid) {
                            g.blocked_on = on;
                        }
                        return Some(Stop::Park(reason));
                    }
                    SelectOutcome::Panic(msg) => return Some(self.go_panic(sched, goid, msg)),
                }
            }
            _ => return Some(self.unknown_request(sid)),
        }
        None
    }

    pub(super) fn chan_outcome(&mut self, sched: &Sched, goid: GoId, c: Value, out: ChanOutcome) -> Option<Stop> {
        match out {
            ChanOutcome::Done(vals) => {
                self.push(goid, &vals);
                None
            }
            ChanOutcome::DoneAndReady(vals, other) => {
                self.push(goid, &vals);
                if let Some(o) = self.gs.get_mut(&other) {
                    o.blocked_on.clear();
                }
                Some(Stop::Ready(other))
            }
            ChanOutcome::Park(reason) => {
                if let Some(g) = self.gs.get_mut(&goid) {
                    g.blocked_on = Chans::handle(&self.vm, c).into_iter().collect();
                }
                Some(Stop::Park(reason))
            }
            ChanOutcome::Closed { ready, panics } => {
                for g in &ready {
                    if let Some(o) = self.gs.get_mut(g) {
                        o.blocked_on.clear();
                    }
                    // A sender woken by close panics as it resumes.
                    if panics.contains(g)
                        && let Some(i) = self.vm_of(*g)
                        && self.vm.raise_panic(i, "send on closed channel").is_err()
                        && let Some(o) = self.gs.get_mut(g)
                    {
                        o.must_panic = true;
                    }
                }
                if ready.is_empty() { None } else { Some(Stop::ReadyMany(ready)) }
            }
            ChanOutcome::Panic(msg) => Some(self.go_panic(sched, goid, msg)),
        }
    }
}
