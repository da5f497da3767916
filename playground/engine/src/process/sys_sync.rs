//! The `sync` requests ([`id`], the `Sync` server of `runtime::request`):
//! operations that block or wake goroutines, served over the `runtime`
//! state machines (`runtime::sync`: Mutex, RWMutex, WaitGroup, Cond's
//! notify list).
//!
//! Contract of [`dispatch`], shared by every server's dispatcher
//! (`sys_time`, `sys_context`, `sys_misc`, `sys_errgroup`): called by
//! `VmMachine::sys` for every id the table gives its server, at the
//! request's exact virtual time, with the goroutine not running:
//! - `args` are the request's arguments, bottom of stack first;
//! - return `None` when served at once: push the results first with
//!   `m.push(goid, &results)`; the goroutine keeps executing;
//! - return `Some(stop)` to tell the scheduler (`Stop::Park(reason)`,
//!   `Stop::Ready(g)`, `Stop::Sleep{..}`...);
//! - a fatal error: `m.die(crash::fatal_in(m, sched, goid, msg))`;
//! - an id of the server it does not know: `m.unknown_request(sid)`, an
//!   internal error (never a default behaviour).
//!
//! # Objects and their identity
//!
//! A sync object is a heap aggregate (the stub struct of
//! `check/packages.rs`). Its slot 0 holds Go's state word where Go keeps
//! one the natives can use on their fast paths (Mutex `state`, WaitGroup
//! `state`), and slot 1 the id of its entry in [`SyncState`], allocated on
//! first use of a slow path (0 = none yet). Keying by an id stored in the
//! object rather than by heap handle means a collected object's entry can
//! never be mistaken for a new object's that reuses the handle. The fast
//! paths (uncontended Lock/Unlock, Add/Done that wake nobody, Wait on a
//! zero counter) never leave the VM: the natives in
//! `stdlib/sync/` do them, as Go inlines them.
//!
//! # Blocking
//!
//! A goroutine that parks gets as its pending request the matching
//! `RESUME_*` id: when the scheduler runs it again the machine serves that
//! request first, which calls the object's `*_resume` method (it may park
//! again, as Go loops). While parked the object stays on the goroutine's
//! operand stack (a collector root) and in `GInfo::blocked_on` (for the
//! goroutineleak analysis). An operation that both wakes others and must
//! then park or yield (Cond.Wait unlocking its Locker, a starving Mutex's
//! hand-off) returns the wake-up and leaves the rest as the pending
//! request, served in the next call at the same instant.

use super::crash;
use super::machine::{Creator, VmMachine};
use crate::chunk::{ChunkBuilder, Op};
use crate::runtime::sync::{Cond, LockResult, Mutex, RWMutex, WaitGroup, Wakes};
use crate::runtime::Failure;
use crate::sched::{GoId, Sched, Stop, WaitReason};
use crate::span::Span;
use crate::value::{Handle, Value, WHOLE};
use crate::vm::{Bytecode, Function, NativeFn, Syscall};
use rustc_hash::FxHashMap as HashMap;
use std::rc::Rc;

/// Request ids of `sync` ([`Server::Sync`]). Arguments bottom of stack
/// first; `->` results.
///
/// [`Server::Sync`]: crate::runtime::request::Server::Sync
pub mod id {
    crate::runtime::request::requests! {
        Server::Sync {
            /// `(*Mutex).Lock` slow path (the mutex is not free): `[m] -> []`.
            MUTEX_LOCK,
            /// `(*Mutex).Unlock` slow path (waiters or unlocked): `[m] -> []`.
            MUTEX_UNLOCK,
            /// `(*RWMutex).RLock`, `RUnlock`, `Lock`, `Unlock`: `[rw] -> []`.
            RW_RLOCK,
            RW_RUNLOCK,
            RW_LOCK,
            RW_UNLOCK,
            /// `(*RWMutex).TryLock`, `TryRLock`: `[rw] -> [Bool]`.
            RW_TRYLOCK,
            RW_TRYRLOCK,
            /// `(*WaitGroup).Add` reaching zero with waiters: `[wg, delta] -> []`.
            WG_ADD,
            /// `(*WaitGroup).Wait` with a non-zero counter: `[wg] -> []`.
            WG_WAIT,
            /// `(*WaitGroup).Go(f)` after its `Add(1)`: `[wg, f] -> []`; starts
            /// `sync.(*WaitGroup).Go.func1(wg, f)`, created by `sync.(*WaitGroup).Go`.
            WG_GO,
            /// `(*Cond).Wait`, `Signal`, `Broadcast`: `[c] -> []`.
            COND_WAIT,
            COND_SIGNAL,
            COND_BROADCAST,

            // Internal: pending requests of parked goroutines (never compiled).
            RESUME_MUTEX,
            RESUME_RW,
            RESUME_WG,
            /// A Cond waiter was notified: re-lock its Locker: `[c] -> []`.
            RESUME_COND,
            /// Cond.Wait after its Unlock woke someone: park on the notify list.
            COND_PARK,
            /// A starving Mutex handed itself over: yield so the new owner runs.
            GOYIELD,
        }
    }
}

pub use crate::sched::time::EPOCH_UNIX_NS;

/// The wrapper `wg.Go` starts: `sync.(*WaitGroup).Go.func1`.
pub const WG_GO_FUNC: &str = "sync.(*WaitGroup).Go.func1";

#[derive(Clone, Debug)]
enum SyncObj {
    Mutex(Mutex),
    Rw(RWMutex),
    Wg(WaitGroup),
    Cond(Cond),
}

/// The sync objects' wait queues and parked goroutines' locals.
#[derive(Clone, Debug, Default)]
pub struct SyncState {
    next_id: i64,
    objs: HashMap<i64, SyncObj>,
    /// A Cond waiter's ticket and the Locker it must re-lock.
    cond_waits: HashMap<GoId, (u32, Value)>,
    /// The Locker a goroutine in `Cond.Wait` is re-locking (parked on it).
    relocking: HashMap<GoId, Value>,
    wg_go_func: Option<u32>,
    /// `time`'s timers (`super::sys_time`).
    pub timers: super::sys_time::Timers,
    /// `context`'s cancellation tree (`super::sys_context`).
    pub contexts: super::sys_context::Contexts,
    /// Goroutines to start (AfterFuncs of a canceled context), taken by
    /// `VmMachine::newproc` in order when no `go` statement is pending.
    pub spawn_queue: std::collections::VecDeque<(Value, Vec<Value>, Creator)>,
}

/// The aggregate a sync method's receiver (a pointer) points to.
pub fn obj_of(heap: &crate::heap::Heap, recv: Value) -> Option<Handle> {
    match recv {
        Value::Ptr { obj, slot: WHOLE } => Some(obj),
        Value::Ptr { obj, slot } => match heap.elem(obj, slot as usize) {
            Value::Agg(h) => Some(h),
            _ => None,
        },
        Value::Agg(h) => Some(h),
        _ => None,
    }
}

fn slot(m: &VmMachine, h: Handle, i: usize) -> i64 {
    m.vm.heap.slots(h).get(i).map_or(0, |v| v.int())
}

fn set_slot(m: &mut VmMachine, h: Handle, i: usize, v: i64) {
    let _ = m.vm.heap.store_slot(h, i, Value::Int(v));
}

/// The object's entry id (slot 1), made on first use.
fn entry_id(m: &mut VmMachine, h: Handle, make: fn() -> SyncObj) -> i64 {
    let id = slot(m, h, 1);
    if id != 0 && m.sync.objs.contains_key(&id) {
        return id;
    }
    m.sync.next_id += 1;
    let id = m.sync.next_id;
    m.sync.objs.insert(id, make());
    set_slot(m, h, 1, id);
    id
}

/// Runs `f` on the Mutex of `h` with Go's state word loaded from slot 0
/// and stored back after.
fn with_mutex<R>(m: &mut VmMachine, h: Handle, f: impl FnOnce(&mut Mutex) -> R) -> R {
    let id = entry_id(m, h, || SyncObj::Mutex(Mutex::default()));
    let state = slot(m, h, 0);
    let mut mu = match m.sync.objs.remove(&id) {
        Some(SyncObj::Mutex(mu)) => mu,
        _ => Mutex::default(),
    };
    mu.state = state;
    let r = f(&mut mu);
    set_slot(m, h, 0, mu.state);
    m.sync.objs.insert(id, SyncObj::Mutex(mu));
    r
}

fn with_rw<R>(m: &mut VmMachine, h: Handle, f: impl FnOnce(&mut RWMutex) -> R) -> R {
    let id = entry_id(m, h, || SyncObj::Rw(RWMutex::default()));
    let mut rw = match m.sync.objs.remove(&id) {
        Some(SyncObj::Rw(rw)) => rw,
        _ => RWMutex::default(),
    };
    let r = f(&mut rw);
    m.sync.objs.insert(id, SyncObj::Rw(rw));
    r
}

fn with_wg<R>(m: &mut VmMachine, h: Handle, f: impl FnOnce(&mut WaitGroup) -> R) -> R {
    let id = entry_id(m, h, || SyncObj::Wg(WaitGroup::default()));
    let state = slot(m, h, 0) as u64;
    let mut wg = match m.sync.objs.remove(&id) {
        Some(SyncObj::Wg(wg)) => wg,
        _ => WaitGroup::default(),
    };
    wg.state = state;
    let r = f(&mut wg);
    set_slot(m, h, 0, wg.state as i64);
    m.sync.objs.insert(id, SyncObj::Wg(wg));
    r
}

fn with_cond<R>(m: &mut VmMachine, h: Handle, f: impl FnOnce(&mut Cond) -> R) -> R {
    let id = entry_id(m, h, || SyncObj::Cond(Cond::default()));
    let mut c = match m.sync.objs.remove(&id) {
        Some(SyncObj::Cond(c)) => c,
        _ => Cond::default(),
    };
    let r = f(&mut c);
    m.sync.objs.insert(id, SyncObj::Cond(c));
    r
}

/// Parks `goid` on object `h` (its receiver `recv`) until readied; then
/// request `resume` is served.
fn park(m: &mut VmMachine, goid: GoId, h: Handle, recv: Value, resume: u32, reason: WaitReason) -> Option<Stop> {
    // Keep the object alive while waited on (it may be reachable from
    // nothing else: a leaked goroutine's mutex).
    m.push(goid, &[recv]);
    if let Some(g) = m.gs.get_mut(&goid) {
        g.blocked_on = vec![h];
        g.pending = Some(Syscall::Sys { id: resume, args: vec![recv] });
    }
    Some(Stop::Park(reason))
}

/// Drops the value `park` kept on the goroutine's stack.
fn unpin(m: &mut VmMachine, goid: GoId) {
    if let Some(i) = m.vm_of(goid)
        && let Some(s) = m.vm.gs.get_mut(i)
    {
        s.stack.pop();
    }
    if let Some(g) = m.gs.get_mut(&goid) {
        g.blocked_on.clear();
    }
}

/// The scheduler stop that readies `ready` (in Go's goready order).
fn ready_stop(m: &mut VmMachine, ready: Vec<GoId>) -> Option<Stop> {
    for g in &ready {
        if let Some(x) = m.gs.get_mut(g) {
            x.blocked_on.clear();
        }
    }
    match ready.len() {
        0 => None,
        1 => Some(Stop::Ready(ready[0])),
        _ => Some(Stop::ReadyMany(ready)),
    }
}

/// Readies `w.ready`; a starving Mutex's hand-off makes the caller yield
/// right after (Go's `goyield`), as its pending request.
fn wakes_stop(m: &mut VmMachine, goid: GoId, w: Wakes) -> Option<Stop> {
    let yield_now = w.yield_now && !w.ready.is_empty();
    let stop = ready_stop(m, w.ready);
    if yield_now
        && let Some(g) = m.gs.get_mut(&goid)
    {
        g.pending = Some(Syscall::Sys { id: id::GOYIELD, args: vec![] });
    }
    stop
}

fn failure(m: &mut VmMachine, sched: &Sched, goid: GoId, f: Failure) -> Option<Stop> {
    match f {
        Failure::Fatal(msg) => {
            let c = crash::fatal_in(m, sched, goid, msg);
            Some(m.die(c))
        }
        Failure::Panic(msg) => Some(m.go_panic(sched, goid, msg)),
    }
}

fn nil_deref(m: &mut VmMachine, sched: &Sched, goid: GoId) -> Option<Stop> {
    Some(m.go_panic(sched, goid, "runtime error: invalid memory address or nil pointer dereference"))
}

/// The Unix nanoseconds of a Time value.
pub fn time_ns(heap: &crate::heap::Heap, t: Value) -> i64 {
    crate::stdlib::time::read(heap, t).unix_ns()
}

/// Serves `sync` request `sid` ([`id`]) of goroutine `goid`. See the
/// module doc.
pub fn dispatch(m: &mut VmMachine, sched: &Sched, goid: GoId, sid: u32, args: &[Value]) -> Option<Stop> {
    let a0 = args.first().copied().unwrap_or(Value::Nil);
    let now = sched.now;
    // The object the request is about (its receiver), or the nil
    // dereference Go panics with.
    macro_rules! obj {
        () => {
            match obj_of(&m.vm.heap, a0) {
                Some(h) => h,
                None => return nil_deref(m, sched, goid),
            }
        };
    }
    match sid {
        id::MUTEX_LOCK => {
            let h = obj!();
            match with_mutex(m, h, |mu| mu.lock(goid, now)) {
                LockResult::Acquired => None,
                LockResult::Park(r) => park(m, goid, h, a0, id::RESUME_MUTEX, r),
            }
        }
        id::RESUME_MUTEX => {
            let h = obj!();
            unpin(m, goid);
            match with_mutex(m, h, |mu| mu.lock_resume(goid, now)) {
                LockResult::Acquired => None,
                LockResult::Park(r) => park(m, goid, h, a0, id::RESUME_MUTEX, r),
            }
        }
        id::MUTEX_UNLOCK => {
            let h = obj!();
            match with_mutex(m, h, |mu| mu.unlock()) {
                Ok(w) => wakes_stop(m, goid, w),
                Err(f) => failure(m, sched, goid, f),
            }
        }
        id::RW_RLOCK => {
            let h = obj!();
            match with_rw(m, h, |rw| rw.rlock(goid)) {
                LockResult::Acquired => None,
                LockResult::Park(r) => park(m, goid, h, a0, id::RESUME_RW, r),
            }
        }
        id::RW_LOCK => {
            let h = obj!();
            match with_rw(m, h, |rw| rw.lock(goid, now)) {
                LockResult::Acquired => None,
                LockResult::Park(r) => park(m, goid, h, a0, id::RESUME_RW, r),
            }
        }
        id::RESUME_RW => {
            let h = obj!();
            unpin(m, goid);
            match with_rw(m, h, |rw| rw.resume(goid, now)) {
                LockResult::Acquired => None,
                LockResult::Park(r) => park(m, goid, h, a0, id::RESUME_RW, r),
            }
        }
        id::RW_RUNLOCK | id::RW_UNLOCK => {
            let h = obj!();
            let r = with_rw(m, h, |rw| if sid == id::RW_RUNLOCK { rw.runlock() } else { rw.unlock() });
            match r {
                Ok(w) => wakes_stop(m, goid, w),
                Err(f) => failure(m, sched, goid, f),
            }
        }
        id::RW_TRYLOCK | id::RW_TRYRLOCK => {
            let h = obj!();
            let ok = with_rw(m, h, |rw| if sid == id::RW_TRYLOCK { rw.try_lock() } else { rw.try_rlock() });
            m.push(goid, &[Value::Bool(ok)]);
            None
        }
        id::WG_ADD => {
            let h = obj!();
            let delta = args.get(1).map_or(0, |v| v.int());
            match with_wg(m, h, |wg| wg.add(delta)) {
                Ok(ready) => ready_stop(m, ready),
                Err(f) => failure(m, sched, goid, f),
            }
        }
        id::WG_WAIT => {
            let h = obj!();
            match with_wg(m, h, |wg| wg.wait(goid)) {
                LockResult::Acquired => None,
                LockResult::Park(r) => park(m, goid, h, a0, id::RESUME_WG, r),
            }
        }
        id::RESUME_WG => {
            let h = obj!();
            unpin(m, goid);
            match with_wg(m, h, |wg| wg.wait_resume(goid)) {
                Ok(LockResult::Acquired) => None,
                Ok(LockResult::Park(r)) => park(m, goid, h, a0, id::RESUME_WG, r),
                Err(f) => failure(m, sched, goid, f),
            }
        }
        id::COND_WAIT => {
            let h = obj!();
            cond_wait(m, sched, goid, h, a0)
        }
        id::COND_PARK => {
            let h = obj!();
            let t = m.sync.cond_waits.get(&goid).map_or(0, |x| x.0);
            match with_cond(m, h, |c| c.notify_list_wait(goid, t)) {
                LockResult::Acquired => relock(m, sched, goid, h, a0),
                LockResult::Park(r) => park(m, goid, h, a0, id::RESUME_COND, r),
            }
        }
        id::RESUME_COND => {
            let h = obj!();
            unpin(m, goid);
            if m.sync.relocking.contains_key(&goid) {
                // Woken by the Locker's unlock: go on acquiring it.
                return relock_resume(m, sched, goid, h, a0);
            }
            relock(m, sched, goid, h, a0)
        }
        id::COND_SIGNAL => {
            let h = obj!();
            let g = with_cond(m, h, |c| c.notify_one());
            ready_stop(m, g.into_iter().collect())
        }
        id::COND_BROADCAST => {
            let h = obj!();
            let gs = with_cond(m, h, |c| c.notify_all());
            ready_stop(m, gs)
        }
        // Go's goyield puts the G on its P's local queue; Gosched (the
        // global queue) is the nearest stop the scheduler offers.
        id::GOYIELD => Some(Stop::Gosched),
        id::WG_GO => {
            let Some(f) = wg_go_func(m) else {
                let c = crash::internal("sync.(*WaitGroup).Go: wrapper missing");
                return Some(m.die(c));
            };
            let creator = Creator { func: Rc::from("sync.(*WaitGroup).Go"), goid, line: 0, wrap: None };
            m.spawning = Some((Value::Func(f), args.to_vec(), creator));
            Some(Stop::Newproc { func: Rc::from(WG_GO_FUNC), pos: Span::default() })
        }
        _ => Some(m.unknown_request(sid)),
    }
}

fn wg_go_func(m: &mut VmMachine) -> Option<u32> {
    if let Some(f) = m.sync.wg_go_func {
        return Some(f);
    }
    let f = m.vm.program().funcs.iter().position(|x| x.name == WG_GO_FUNC)? as u32;
    m.sync.wg_go_func = Some(f);
    Some(f)
}

/// The Mutex or RWMutex behind a Locker interface value, and whether it
/// is an RWMutex.
fn locker(m: &VmMachine, l: Value) -> Option<(Handle, Value, bool)> {
    let Value::Iface { tid, obj } = l else { return None };
    let name = m.vm.program().types.get(tid as usize).map(|t| t.name.clone())?;
    let p = m.vm.heap.cell(obj);
    let h = obj_of(&m.vm.heap, p)?;
    match name.as_str() {
        "*sync.Mutex" => Some((h, p, false)),
        "*sync.RWMutex" => Some((h, p, true)),
        _ => None,
    }
}

/// `Cond.Wait`: take a ticket, unlock `c.L`, park on the notify list.
fn cond_wait(m: &mut VmMachine, sched: &Sched, goid: GoId, h: Handle, c: Value) -> Option<Stop> {
    let l = m.vm.heap.slots(h).first().copied().unwrap_or(Value::Nil);
    let Some((lh, lp, rw)) = locker(m, l) else {
        let c = crash::internal("sync.Cond.Wait: only a *sync.Mutex or *sync.RWMutex Locker is supported");
        return Some(m.die(c));
    };
    let t = with_cond(m, h, |cd| cd.notify_list_add());
    m.sync.cond_waits.insert(goid, (t, lp));
    let r = if rw { with_rw(m, lh, |x| x.unlock()) } else { with_mutex(m, lh, |x| x.unlock()) };
    let w = match r {
        Ok(w) => w,
        Err(f) => return failure(m, sched, goid, f),
    };
    if w.ready.is_empty() {
        return dispatch(m, sched, goid, id::COND_PARK, &[c]);
    }
    // Wake first; park on the notify list in the next call.
    let stop = ready_stop(m, w.ready);
    if let Some(g) = m.gs.get_mut(&goid) {
        g.pending = Some(Syscall::Sys { id: id::COND_PARK, args: vec![c] });
    }
    stop
}

/// A notified Cond waiter locks `c.L` again (`c.L.Lock()`).
fn relock(m: &mut VmMachine, _sched: &Sched, goid: GoId, h: Handle, c: Value) -> Option<Stop> {
    let (_, lp) = m.sync.cond_waits.remove(&goid)?;
    let l = m.vm.heap.slots(h).first().copied().unwrap_or(Value::Nil);
    let (lh, _, rw) = locker(m, l)?;
    let now = _sched.now;
    let r = if rw { with_rw(m, lh, |x| x.lock(goid, now)) } else { with_mutex(m, lh, |x| x.lock(goid, now)) };
    match r {
        LockResult::Acquired => None,
        LockResult::Park(reason) => {
            m.sync.relocking.insert(goid, lp);
            park(m, goid, lh, c, id::RESUME_COND, reason).inspect(|_| {
                if let Some(g) = m.gs.get_mut(&goid) {
                    g.blocked_on = vec![lh];
                }
            })
        }
    }
}

fn relock_resume(m: &mut VmMachine, sched: &Sched, goid: GoId, h: Handle, c: Value) -> Option<Stop> {
    let l = m.vm.heap.slots(h).first().copied().unwrap_or(Value::Nil);
    let (lh, _, rw) = locker(m, l)?;
    let now = sched.now;
    let r = if rw { with_rw(m, lh, |x| x.resume(goid, now)) } else { with_mutex(m, lh, |x| x.lock_resume(goid, now)) };
    match r {
        LockResult::Acquired => {
            m.sync.relocking.remove(&goid);
            None
        }
        LockResult::Park(reason) => {
            let stop = park(m, goid, lh, c, id::RESUME_COND, reason);
            if let Some(g) = m.gs.get_mut(&goid) {
                g.blocked_on = vec![lh];
            }
            stop
        }
    }
}

/// Adds the bytecode `wg.Go` starts, Go's closure in `sync/waitgroup.go`:
///
/// ```go
/// func(wg *WaitGroup, f func()) {
///     defer func() {
///         if x := recover(); x != nil {
///             panic(x) // f panicked: no Done, the process dies
///         }
///         wg.Done()
///     }()
///     f()
/// }
/// ```
pub fn add_funcs(bc: &mut Bytecode, lookup: fn(&str) -> Option<NativeFn>) {
    let sp = Span::default();
    let native = |bc: &mut Bytecode, name: &str| lookup(name).map(|f| bc.add_native(name, f)).unwrap_or(0);
    let done_id = native(bc, "sync.(*WaitGroup).Done");
    add_once_do(bc, lookup);
    add_once_funcs(bc, lookup);
    let mut d = ChunkBuilder::new();
    let ok = d.new_label();
    d.emit(Op::Recover, sp);
    d.emit(Op::Dup, sp);
    d.emit(Op::PushNil, sp);
    d.emit(Op::Eq, sp);
    d.emit_jump(Op::JumpIfTrue(0), ok, sp);
    d.emit(Op::Panic, sp);
    d.bind(ok);
    d.emit(Op::Pop, sp);
    d.emit(Op::GetLocal(0), sp);
    d.emit(Op::CallNative { id: done_id, argc: 1 }, sp);
    d.emit(Op::Ret(0), sp);
    add_ctx_funcs(bc);
    let deferred = bc.add_func(Function::new(format!("{WG_GO_FUNC}.1"), 1, 1, 0, d.finish().unwrap_or_default()));
    let mut b = ChunkBuilder::new();
    b.emit(Op::FuncValue(deferred), sp);
    b.emit(Op::GetLocal(0), sp);
    b.emit(Op::Defer(1), sp);
    b.emit(Op::GetLocal(1), sp);
    b.emit(Op::CallValue(0), sp);
    b.emit(Op::Ret(0), sp);
    bc.add_func(Function::new(WG_GO_FUNC, 2, 2, 0, b.finish().unwrap_or_default()));
}

/// The bytecode of context's CancelFunc, CancelCauseFunc and AfterFunc's
/// stop function: closures capturing their node id, asking the process.
fn add_ctx_funcs(bc: &mut Bytecode) {
    use super::sys_context::{CANCEL_CAUSE_FUNC, CANCEL_FUNC, STOP_FUNC, id as cid};
    let sp = Span::default();
    let defs: [(&str, u16, u16, u32); 3] = [(CANCEL_FUNC, 0, 0, cid::CANCEL), (CANCEL_CAUSE_FUNC, 1, 0, cid::CANCEL_CAUSE), (STOP_FUNC, 0, 1, cid::AFTER_FUNC_STOP)];
    for (name, nparams, nres, sid) in defs {
        let mut b = ChunkBuilder::new();
        b.emit(Op::GetCapture(0), sp);
        for i in 0..nparams {
            b.emit(Op::GetLocal(i), sp);
        }
        b.emit(Op::Sys { id: sid, argc: 1 + nparams }, sp);
        b.emit(Op::Ret(nres), sp);
        bc.add_func(Function::new(name, nparams, nparams, nres, b.finish().unwrap_or_default()));
    }
}

/// `sync.(*Once).Do` as Go writes it (sync/once.go), so `f` runs as
/// ordinary Go code — it may block, and its panic unwinds through `Do`
/// (a panicking `f` still counts as done):
///
/// ```go
/// func (o *Once) Do(f func()) {
///     if o.done.Load() == 0 {
///         o.m.Lock()
///         defer o.m.Unlock()
///         if o.done.Load() == 0 {
///             defer o.done.Store(1)
///             f()
///         }
///     }
/// }
/// ```
fn add_once_do(bc: &mut Bytecode, lookup: fn(&str) -> Option<NativeFn>) {
    let sp = Span::default();
    let mut native = |name: &str| lookup(name).map(|f| bc.add_native(name, f)).unwrap_or(0);
    let (done, set_done, mu) = (native("sync.once.done"), native("sync.once.setDone"), native("sync.once.m"));
    let (lock, unlock) = (native("sync.(*Mutex).Lock"), native("sync.(*Mutex).Unlock"));
    let bit = crate::vm::NATIVE_FUNC_BIT;
    let mut b = ChunkBuilder::new();
    let end = b.new_label();
    b.emit(Op::GetLocal(0), sp);
    b.emit(Op::CallNative { id: done, argc: 1 }, sp);
    b.emit_jump(Op::JumpIfTrue(0), end, sp);
    b.emit(Op::GetLocal(0), sp);
    b.emit(Op::CallNative { id: mu, argc: 1 }, sp);
    b.emit(Op::SetLocal(2), sp);
    b.emit(Op::GetLocal(2), sp);
    b.emit(Op::CallNative { id: lock, argc: 1 }, sp);
    b.emit(Op::FuncValue(unlock | bit), sp);
    b.emit(Op::GetLocal(2), sp);
    b.emit(Op::Defer(1), sp);
    b.emit(Op::GetLocal(0), sp);
    b.emit(Op::CallNative { id: done, argc: 1 }, sp);
    b.emit_jump(Op::JumpIfTrue(0), end, sp);
    b.emit(Op::FuncValue(set_done | bit), sp);
    b.emit(Op::GetLocal(0), sp);
    b.emit(Op::Defer(1), sp);
    b.emit(Op::GetLocal(1), sp);
    b.emit(Op::CallValue(0), sp);
    b.bind(end);
    b.emit(Op::Ret(0), sp);
    bc.add_func(Function::new("sync.(*Once).Do", 2, 3, 0, b.finish().unwrap_or_default()));
}

/// The functions `sync.OnceFunc`, `OnceValue` and `OnceValues` return
/// (their natives in `stdlib/sync/` make the closures), with
/// `N` results (0, 1, 2), as Go's sync/oncefunc.go: a panic of `f` is
/// recovered, kept, re-panicked at once (`[recovered, repanicked]`) and
/// panicked again by every later call.
///
/// ```go
/// g := func() {                     // ONCE_FUNCS[N].0, captures [f, state]
///     defer func() {                // ONCE_FUNCS[N].2, argument state
///         p = recover()
///         if !valid { panic(p) }
///     }()
///     r0, r1 = f(); valid = true
/// }
/// return func() (T0, T1) {          // ONCE_FUNCS[N].1, captures [&once, g, state]
///     once.Do(g)
///     if !valid { panic(p) }
///     return r0, r1
/// }
/// ```
///
/// `state`'s slots: the results, then [`ONCE_VALID`] and [`ONCE_P`].
pub const ONCE_FUNCS: [(&str, &str, &str); 3] = [
    ("sync.OnceFunc.func1.1", "sync.OnceFunc.func1", "sync.OnceFunc.func1.1.1"),
    ("sync.OnceValue[...].func1.func1", "sync.OnceValue[...].func1", "sync.OnceValue[...].func1.func1.1"),
    ("sync.OnceValues[...].func1.func1", "sync.OnceValues[...].func1", "sync.OnceValues[...].func1.func1.1"),
];
/// Slots of a OnceFunc's state after the (up to two) results.
pub const ONCE_VALID: usize = 2;
pub const ONCE_P: usize = 3;

fn add_once_funcs(bc: &mut Bytecode, lookup: fn(&str) -> Option<NativeFn>) {
    let sp = Span::default();
    let native = |bc: &mut Bytecode, name: &str| lookup(name).map(|f| bc.add_native(name, f)).unwrap_or(0);
    let store = native(bc, "sync.onceStore");
    let loads = [native(bc, "sync.onceLoad0"), native(bc, "sync.onceLoad1"), native(bc, "sync.onceLoad2")];
    let (recovered, valid, kept) = (native(bc, "sync.onceRecovered"), native(bc, "sync.onceValid"), native(bc, "sync.onceP"));
    let Some(do_fn) = bc.funcs.iter().position(|f| f.name == "sync.(*Once).Do") else { return };
    for (nres, (inner, outer, deferred)) in ONCE_FUNCS.iter().enumerate() {
        // The deferred func(state): [state, recover()] -> onceRecovered -> [p, valid].
        let mut b = ChunkBuilder::new();
        let ok = b.new_label();
        b.emit(Op::GetLocal(0), sp);
        b.emit(Op::Recover, sp);
        b.emit(Op::CallNative { id: recovered, argc: 2 }, sp);
        b.emit_jump(Op::JumpIfTrue(0), ok, sp);
        b.emit(Op::Panic, sp);
        b.bind(ok);
        b.emit(Op::Pop, sp);
        b.emit(Op::Ret(0), sp);
        let d = bc.add_func(Function::new(*deferred, 1, 1, 0, b.finish().unwrap_or_default()));
        let mut b = ChunkBuilder::new();
        b.emit(Op::FuncValue(d), sp);
        b.emit(Op::GetCapture(1), sp);
        b.emit(Op::Defer(1), sp);
        b.emit(Op::GetCapture(0), sp);
        b.emit(Op::CallValue(0), sp);
        b.emit(Op::GetCapture(1), sp);
        b.emit(Op::CallNative { id: store, argc: nres as u16 + 1 }, sp);
        b.emit(Op::Ret(0), sp);
        bc.add_func(Function::new(*inner, 0, 0, 0, b.finish().unwrap_or_default()));
        let mut b = ChunkBuilder::new();
        let ok = b.new_label();
        b.emit(Op::GetCapture(0), sp);
        b.emit(Op::GetCapture(1), sp);
        b.emit(Op::Call(do_fn as u32), sp);
        b.emit(Op::GetCapture(2), sp);
        b.emit(Op::CallNative { id: valid, argc: 1 }, sp);
        b.emit_jump(Op::JumpIfTrue(0), ok, sp);
        b.emit(Op::GetCapture(2), sp);
        b.emit(Op::CallNative { id: kept, argc: 1 }, sp);
        b.emit(Op::Panic, sp);
        b.bind(ok);
        b.emit(Op::GetCapture(2), sp);
        b.emit(Op::CallNative { id: loads[nres], argc: 1 }, sp);
        b.emit(Op::Ret(nres as u16), sp);
        bc.add_func(Function::new(*outer, 0, 0, nres as u16, b.finish().unwrap_or_default()));
    }
}
