//! The `Op::Sys { id, argc }` table: the runtime operations compiled code
//! asks the process for, with their argument and result shapes, and the
//! channel operations behind the channel ids.
//!
//! The ids are the contract with the compiler: it emits `Sys { id, argc }`
//! with the arguments on the stack; the process serves the request and
//! pushes the results before the goroutine resumes (a goroutine that
//! blocks gets its results pushed by whoever wakes it).
//!
//! The channels here are an interim, minimal implementation of Go's
//! `runtime/chan.go` (unbuffered and buffered send/receive, close, nil
//! channels; waiter queues in FIFO order; `closechan`'s wake order), kept
//! until the `runtime` module's state machines can be merged. The element
//! buffer lives in the heap's `ChanObj` (so the collector and the leak
//! analysis see it); the wait queues live here, keyed by the channel's
//! handle. Missing: select, and turning Go's channel panics into
//! recoverable panics (the VM has no API to raise a panic in a goroutine
//! from outside; see [`super::crash`]).

use crate::heap::{ChanObj, Obj};
use crate::sched::{GoId, WaitReason};
use crate::value::{Handle, Value};
use crate::vm::Vm;
use std::collections::{HashMap, VecDeque};

/// Sys call ids. Arguments are listed bottom of stack first; `->` the
/// results pushed when the goroutine resumes.
pub mod id {
    // Id ranges, one owner each: 1..=15 channels and select (this file),
    // 16..=47 runtime, pprof and the simulator package (this file),
    // 64..=127 sync, sync/atomic, time and context (`super::sys_sync`).
    // The machine dispatches 64..=127 to `sys_sync::dispatch` unchanged.
    /// First id of `sys_sync`'s range.
    pub const SYNC_FIRST: u32 = 64;
    /// Last id of `sys_sync`'s range.
    pub const SYNC_LAST: u32 = 127;
    /// `make(chan T, n)`: `[elem_type Int, n Int] -> [Chan]`.
    pub const MAKE_CHAN: u32 = 1;
    /// `c <- v`: `[c, v] -> []`.
    pub const CHAN_SEND: u32 = 2;
    /// `<-c`: `[c] -> [v]`.
    pub const CHAN_RECV: u32 = 3;
    /// `v, ok := <-c`: `[c] -> [v, ok Bool]`.
    pub const CHAN_RECV2: u32 = 4;
    /// `close(c)`: `[c] -> []`.
    pub const CHAN_CLOSE: u32 = 5;
    /// `runtime.Gosched()`: `[] -> []`.
    pub const GOSCHED: u32 = 16;
    /// `time.Sleep(d)`: `[ns Int] -> []`.
    pub const SLEEP: u32 = 17;
    /// `runtime.NumGoroutine()`: `[] -> [Int]`.
    pub const NUM_GOROUTINE: u32 = 18;
    /// `runtime.GOMAXPROCS(n)`: `[n Int] -> [previous Int]` (n < 1 only reads).
    pub const GOMAXPROCS: u32 = 19;
    /// `runtime.GC()`: `[] -> []`. Collects and stamps waiting goroutines'
    /// `waitsince` (what makes `, N minutes` appear in dumps).
    pub const GC: u32 = 20;
    /// `runtime.Stack(buf, all)`: `[buf []byte, all Bool] -> [n Int]`,
    /// the dump copied into `buf` (truncated to its length).
    pub const STACK: u32 = 21;
    /// `debug.Stack()`: `[] -> [[]byte]`.
    pub const DEBUG_STACK: u32 = 22;
    /// `pprof.Lookup("goroutine").WriteTo(w, debug)` text:
    /// `[debug Int] -> [string]` (the caller writes it to `w`).
    pub const PPROF_GOROUTINE: u32 = 23;
    /// `pprof.Lookup("goroutineleak").WriteTo(w, debug)` text: runs the
    /// leak detection first, as Go's profile does: `[debug Int] -> [string]`.
    pub const PPROF_GOROUTINE_LEAK: u32 = 24;
    /// `runtime.LockOSThread()` / `UnlockOSThread()`: `[] -> []`.
    pub const LOCK_OS_THREAD: u32 = 25;
    pub const UNLOCK_OS_THREAD: u32 = 26;
    /// A runtime fatal error in the calling goroutine (`fatal error: msg`,
    /// its trace, exit 2; not recoverable): `[msg string] -> never`. For
    /// `sync: unlock of unlocked mutex` and friends.
    pub const FATAL: u32 = 27;
    /// `pprof.Lookup("goroutine").Count()` / `NumGoroutine` for
    /// `goroutineleak`: `[] -> [Int]` leaked goroutines after a detection.
    pub const GOROUTINE_LEAK_COUNT: u32 = 28;
    /// Simulator-only (what a browser cannot do for real): a blocking
    /// system call lasting `ns` of virtual time; its M blocks, and sysmon
    /// hands the P to another M after 20 µs (`handoffp`): `[ns Int] -> []`.
    pub const SIM_SYSCALL: u32 = 40;
    /// Simulator-only: CPU-bound work for `ns` of virtual time, preemptible
    /// like any code: `[ns Int] -> []`.
    pub const SIM_WORK: u32 = 41;
}

/// How a parked receiver wants its result.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecvKind {
    One,
    WithOk,
}

/// Wait queues of one channel (`hchan.recvq` / `sendq`).
#[derive(Clone, Debug, Default)]
pub struct ChanWaits {
    pub recvq: VecDeque<(GoId, RecvKind)>,
    pub sendq: VecDeque<(GoId, Value)>,
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

/// Every channel's wait queues.
#[derive(Clone, Debug, Default)]
pub struct Chans {
    pub waits: HashMap<Handle, ChanWaits>,
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

fn results(kind: RecvKind, v: Value, ok: bool) -> Vec<Value> {
    match kind {
        RecvKind::One => vec![v],
        RecvKind::WithOk => vec![v, Value::Bool(ok)],
    }
}

impl Chans {
    /// `makechan`: `None` for a negative size (Go's `makechan: size out of range`).
    pub fn make(vm: &mut Vm, elem_ty: u32, size: i64) -> Result<Value, &'static str> {
        if !(0..=(1 << 31) - 1).contains(&size) {
            return Err("makechan: size out of range");
        }
        let obj = ChanObj { cap: size as u32, elem_ty, ..ChanObj::default() };
        vm.heap.alloc(Obj::Chan(Box::new(obj)), 96).map(Value::Chan).map_err(|_| "makechan: out of memory")
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
        let w = self.waits.entry(h).or_default();
        if let Some((r, kind)) = w.recvq.pop_front() {
            // A receiver is waiting: hand the value straight to it.
            if let Some(i) = vm_of(r) {
                vm.push_results(i, &results(kind, v, true));
            }
            return ChanOutcome::DoneAndReady(vec![], r);
        }
        if len < cap {
            if let Some(ch) = chan_mut(vm, h) {
                ch.buf.push_back(v);
            }
            return ChanOutcome::Done(vec![]);
        }
        w.sendq.push_back((g, v));
        // The value waits with its sender: keep it on the sender's stack
        // too, so the collector sees it (the receiver pops it).
        if let Some(i) = vm_of(g)
            && let Some(s) = vm.gs.get_mut(i)
        {
            s.stack.push(v);
        }
        ChanOutcome::Park(WaitReason::ChanSend)
    }

    /// `chanrecv` from goroutine `g`.
    pub fn recv(&mut self, vm: &mut Vm, g: GoId, c: Value, kind: RecvKind, vm_of: &dyn Fn(GoId) -> Option<usize>) -> ChanOutcome {
        let Some(h) = chan_of(vm, c) else { return ChanOutcome::Park(WaitReason::ChanReceiveNilChan) };
        let w = self.waits.entry(h).or_default();
        if let Some((s, sv)) = w.sendq.pop_front() {
            // The sender kept its value on its stack while parked (see send).
            if let Some(st) = vm_of(s).and_then(|i| vm.gs.get_mut(i)) {
                st.stack.pop();
            }
            // A sender is waiting: unbuffered, take its value; buffered
            // (and so full), take the head and put the sender's at the tail.
            let Some(ch) = chan_mut(vm, h) else { return ChanOutcome::Park(WaitReason::ChanReceiveNilChan) };
            let v = if ch.cap == 0 {
                sv
            } else {
                ch.buf.push_back(sv);
                ch.buf.pop_front().unwrap_or(Value::Nil)
            };
            return ChanOutcome::DoneAndReady(results(kind, v, true), s);
        }
        let Some(ch) = chan_mut(vm, h) else { return ChanOutcome::Park(WaitReason::ChanReceiveNilChan) };
        if let Some(v) = ch.buf.pop_front() {
            return ChanOutcome::Done(results(kind, v, true));
        }
        if ch.closed {
            let z = zero_of(vm, h);
            return ChanOutcome::Done(results(kind, z, false));
        }
        w.recvq.push_back((g, kind));
        ChanOutcome::Park(WaitReason::ChanReceive)
    }

    /// `closechan`. Receivers get the zero value and `false`; senders must
    /// panic. Go collects receivers then senders on a stack and readies
    /// them from it: the `ready` order is that pop order.
    pub fn close(&mut self, vm: &mut Vm, c: Value, vm_of: &dyn Fn(GoId) -> Option<usize>) -> ChanOutcome {
        let Some(h) = chan_of(vm, c) else { return ChanOutcome::Panic("close of nil channel") };
        let Some(ch) = chan_mut(vm, h) else { return ChanOutcome::Panic("close of nil channel") };
        if ch.closed {
            return ChanOutcome::Panic("close of closed channel");
        }
        ch.closed = true;
        let z = zero_of(vm, h);
        let w = self.waits.remove(&h).unwrap_or_default();
        let mut stack = Vec::new();
        for (r, kind) in w.recvq {
            if let Some(i) = vm_of(r) {
                vm.push_results(i, &results(kind, z, false));
            }
            stack.push(r);
        }
        let panics: Vec<GoId> = w.sendq.iter().map(|&(s, _)| s).collect();
        stack.extend(panics.iter().copied());
        stack.reverse();
        ChanOutcome::Closed { ready: stack, panics }
    }

    /// Forgets goroutine `g` in every wait queue (it exited or the process
    /// is ending).
    pub fn forget(&mut self, g: GoId) {
        for w in self.waits.values_mut() {
            w.recvq.retain(|&(r, _)| r != g);
            w.sendq.retain(|&(s, _)| s != g);
        }
    }
}
