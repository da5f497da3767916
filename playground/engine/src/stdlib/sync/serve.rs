//! The `sync` requests ([`id`], the `Sync` server of `runtime::request`):
//! operations that block or wake goroutines, served over the `runtime`
//! state machines (`runtime::sync`: Mutex, RWMutex, WaitGroup, Cond's
//! notify list).
//!
//! The contract of [`dispatch`] is `stdlib::services`'.
//!
//! # Objects and their identity
//!
//! A sync object is a heap aggregate (the stub struct of
//! `sync.go`). Its slot 0 holds Go's state word where Go keeps
//! one the natives can use on their fast paths (Mutex `state`, WaitGroup
//! `state`), and slot 1 the id of its entry in [`SyncState`], allocated on
//! first use of a slow path (0 = none yet). Keying by an id stored in the
//! object rather than by heap handle means a collected object's entry can
//! never be mistaken for a new object's that reuses the handle. The fast
//! paths (uncontended Lock/Unlock, Add/Done that wake nobody, Wait on a
//! zero counter) never leave the VM: the natives in
//! `mod.rs` do them, as Go inlines them.
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

use crate::heap::obj_of;
use crate::runtime::sync::{Cond, LockResult, Mutex, RWMutex, WaitGroup, Wakes};
use crate::runtime::Failure;
use crate::sched::{GoId, Sched, Stop, WaitReason};
use crate::stdlib::services::Services;
use crate::value::{Handle, Value};
use crate::vm::Syscall;
use rustc_hash::FxHashMap as HashMap;

pub(crate) use crate::runtime::request::sync as id;

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
}

fn slot(m: &impl Services, h: Handle, i: usize) -> i64 {
    m.vm().heap.slots(h).get(i).map_or(0, |v| v.int())
}

fn set_slot(m: &mut impl Services, h: Handle, i: usize, v: i64) {
    let _ = m.vm_mut().heap.store_slot(h, i, Value::Int(v));
}

/// The object's entry id (slot 1), made on first use.
fn entry_id(m: &mut impl Services, h: Handle, make: fn() -> SyncObj) -> i64 {
    let id = slot(m, h, 1);
    if id != 0 && m.state().sync.objs.contains_key(&id) {
        return id;
    }
    m.state().sync.next_id += 1;
    let id = m.state().sync.next_id;
    m.state().sync.objs.insert(id, make());
    set_slot(m, h, 1, id);
    id
}

/// Runs `f` on the Mutex of `h` with Go's state word loaded from slot 0
/// and stored back after.
fn with_mutex<R>(m: &mut impl Services, h: Handle, f: impl FnOnce(&mut Mutex) -> R) -> R {
    let id = entry_id(m, h, || SyncObj::Mutex(Mutex::default()));
    let state = slot(m, h, 0);
    let mut mu = match m.state().sync.objs.remove(&id) {
        Some(SyncObj::Mutex(mu)) => mu,
        _ => Mutex::default(),
    };
    mu.state = state;
    let r = f(&mut mu);
    set_slot(m, h, 0, mu.state);
    m.state().sync.objs.insert(id, SyncObj::Mutex(mu));
    r
}

fn with_rw<R>(m: &mut impl Services, h: Handle, f: impl FnOnce(&mut RWMutex) -> R) -> R {
    let id = entry_id(m, h, || SyncObj::Rw(RWMutex::default()));
    let mut rw = match m.state().sync.objs.remove(&id) {
        Some(SyncObj::Rw(rw)) => rw,
        _ => RWMutex::default(),
    };
    let r = f(&mut rw);
    m.state().sync.objs.insert(id, SyncObj::Rw(rw));
    r
}

fn with_wg<R>(m: &mut impl Services, h: Handle, f: impl FnOnce(&mut WaitGroup) -> R) -> R {
    let id = entry_id(m, h, || SyncObj::Wg(WaitGroup::default()));
    let state = slot(m, h, 0) as u64;
    let mut wg = match m.state().sync.objs.remove(&id) {
        Some(SyncObj::Wg(wg)) => wg,
        _ => WaitGroup::default(),
    };
    wg.state = state;
    let r = f(&mut wg);
    set_slot(m, h, 0, wg.state as i64);
    m.state().sync.objs.insert(id, SyncObj::Wg(wg));
    r
}

fn with_cond<R>(m: &mut impl Services, h: Handle, f: impl FnOnce(&mut Cond) -> R) -> R {
    let id = entry_id(m, h, || SyncObj::Cond(Cond::default()));
    let mut c = match m.state().sync.objs.remove(&id) {
        Some(SyncObj::Cond(c)) => c,
        _ => Cond::default(),
    };
    let r = f(&mut c);
    m.state().sync.objs.insert(id, SyncObj::Cond(c));
    r
}

/// Parks `goid` on object `h` (its receiver `recv`) until readied; then
/// request `resume` is served.
fn park(m: &mut impl Services, goid: GoId, h: Handle, recv: Value, resume: u32, reason: WaitReason) -> Option<Stop> {
    // Keep the object alive while waited on (it may be reachable from
    // nothing else: a leaked goroutine's mutex).
    m.push(goid, &[recv]);
    m.set_blocked_on(goid, vec![h]);
    m.set_pending(goid, Syscall::Sys { id: resume, args: vec![recv] });
    Some(Stop::Park(reason))
}

/// Drops the value `park` kept on the goroutine's stack.
fn unpin(m: &mut impl Services, goid: GoId) {
    m.take_held(goid, 1);
    m.set_blocked_on(goid, Vec::new());
}

/// The scheduler stop that readies `ready` (in Go's goready order).
fn ready_stop(m: &mut impl Services, ready: Vec<GoId>) -> Option<Stop> {
    for &g in &ready {
        m.set_blocked_on(g, Vec::new());
    }
    crate::stdlib::services::ready_stop(ready)
}

/// Readies `w.ready`; a starving Mutex's hand-off makes the caller yield
/// right after (Go's `goyield`), as its pending request.
fn wakes_stop(m: &mut impl Services, goid: GoId, w: Wakes) -> Option<Stop> {
    let yield_now = w.yield_now && !w.ready.is_empty();
    let stop = ready_stop(m, w.ready);
    if yield_now {
        m.set_pending(goid, Syscall::Sys { id: id::GOYIELD, args: vec![] });
    }
    stop
}

fn failure(m: &mut impl Services, sched: &Sched, goid: GoId, f: Failure) -> Option<Stop> {
    match f {
        Failure::Fatal(msg) => Some(m.fatal(sched, goid, msg)),
        Failure::Panic(msg) => Some(m.go_panic(sched, goid, msg)),
    }
}

fn nil_deref(m: &mut impl Services, sched: &Sched, goid: GoId) -> Option<Stop> {
    Some(m.go_panic(sched, goid, "runtime error: invalid memory address or nil pointer dereference"))
}

/// Serves `sync` request `sid` ([`id`]) of goroutine `goid`. See the
/// module doc.
pub fn dispatch(m: &mut impl Services, sched: &Sched, goid: GoId, sid: u32, args: &[Value]) -> Option<Stop> {
    let a0 = args.first().copied().unwrap_or(Value::Nil);
    let now = sched.now;
    // The object the request is about (its receiver), or the nil
    // dereference Go panics with.
    macro_rules! obj {
        () => {
            match obj_of(&m.vm().heap, a0) {
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
            let t = m.state().sync.cond_waits.get(&goid).map_or(0, |x| x.0);
            match with_cond(m, h, |c| c.notify_list_wait(goid, t)) {
                LockResult::Acquired => relock(m, sched, goid, h, a0),
                LockResult::Park(r) => park(m, goid, h, a0, id::RESUME_COND, r),
            }
        }
        id::RESUME_COND => {
            let h = obj!();
            unpin(m, goid);
            if m.state().sync.relocking.contains_key(&goid) {
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
        _ => Some(m.unknown_request(sid)),
    }
}

/// The Mutex or RWMutex behind a Locker interface value, and whether it
/// is an RWMutex.
fn locker(m: &impl Services, l: Value) -> Option<(Handle, Value, bool)> {
    let Value::Iface { tid, obj } = l else { return None };
    let name = m.vm().program().types.get(tid as usize).map(|t| t.name.clone())?;
    let p = m.vm().heap.cell(obj);
    let h = obj_of(&m.vm().heap, p)?;
    match name.as_str() {
        "*sync.Mutex" => Some((h, p, false)),
        "*sync.RWMutex" => Some((h, p, true)),
        _ => None,
    }
}

/// `Cond.Wait`: take a ticket, unlock `c.L`, park on the notify list.
fn cond_wait(m: &mut impl Services, sched: &Sched, goid: GoId, h: Handle, c: Value) -> Option<Stop> {
    let l = m.vm().heap.slots(h).first().copied().unwrap_or(Value::Nil);
    let Some((lh, lp, rw)) = locker(m, l) else {
        return Some(m.internal("sync.Cond.Wait: only a *sync.Mutex or *sync.RWMutex Locker is supported"));
    };
    let t = with_cond(m, h, |cd| cd.notify_list_add());
    m.state().sync.cond_waits.insert(goid, (t, lp));
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
    m.set_pending(goid, Syscall::Sys { id: id::COND_PARK, args: vec![c] });
    stop
}

/// A notified Cond waiter locks `c.L` again (`c.L.Lock()`).
fn relock(m: &mut impl Services, _sched: &Sched, goid: GoId, h: Handle, c: Value) -> Option<Stop> {
    let (_, lp) = m.state().sync.cond_waits.remove(&goid)?;
    let l = m.vm().heap.slots(h).first().copied().unwrap_or(Value::Nil);
    let (lh, _, rw) = locker(m, l)?;
    let now = _sched.now;
    let r = if rw { with_rw(m, lh, |x| x.lock(goid, now)) } else { with_mutex(m, lh, |x| x.lock(goid, now)) };
    match r {
        LockResult::Acquired => None,
        LockResult::Park(reason) => {
            m.state().sync.relocking.insert(goid, lp);
            let stop = park(m, goid, lh, c, id::RESUME_COND, reason);
            m.set_blocked_on(goid, vec![lh]);
            stop
        }
    }
}

fn relock_resume(m: &mut impl Services, sched: &Sched, goid: GoId, h: Handle, c: Value) -> Option<Stop> {
    let l = m.vm().heap.slots(h).first().copied().unwrap_or(Value::Nil);
    let (lh, _, rw) = locker(m, l)?;
    let now = sched.now;
    let r = if rw { with_rw(m, lh, |x| x.resume(goid, now)) } else { with_mutex(m, lh, |x| x.lock_resume(goid, now)) };
    match r {
        LockResult::Acquired => {
            m.state().sync.relocking.remove(&goid);
            None
        }
        LockResult::Park(reason) => {
            let stop = park(m, goid, lh, c, id::RESUME_COND, reason);
            m.set_blocked_on(goid, vec![lh]);
            stop
        }
    }
}
