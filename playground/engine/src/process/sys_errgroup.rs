//! errgroup's process requests (ids [`id`], served for [`Server::Errgroup`]): starting a
//! group's goroutine, blocking at the limit (Go's semaphore send, `chan
//! send`), `Wait` (`sync.WaitGroup.Wait`) and waking them. The group's
//! counters live in its heap object (`stdlib/golang.org/x/sync/errgroup/`), the
//! parked goroutines in `MiscState::groups`.
//!
//! [`Server::Errgroup`]: crate::runtime::request::Server::Errgroup

use super::machine::VmMachine;
use crate::stdlib::errgroup as eg;
use crate::sched::{GoId, Sched, Stop, WaitReason};
use crate::value::{Handle, Value};
use crate::vm::Syscall;

pub(crate) use crate::runtime::request::errgroup as id;

fn int(m: &VmMachine, h: Handle, i: usize) -> i64 {
    eg::slot(&m.vm, h, i).int()
}

fn set(m: &mut VmMachine, h: Handle, i: usize, v: Value) {
    let _ = m.vm.heap.store_slot(h, i, v);
}

/// A token is free (or there is no limit).
fn has_room(m: &VmMachine, h: Handle) -> bool {
    let limit = int(m, h, eg::LIMIT);
    limit == 0 || int(m, h, eg::TOKENS) < limit - 1
}

/// Counts goroutine `g`'s new group goroutine and has it started when `g`
/// next runs (its pending request becomes the `go`).
fn grant(m: &mut VmMachine, h: Handle, g: GoId, args: [Value; 3]) {
    if int(m, h, eg::LIMIT) > 0 {
        let t = int(m, h, eg::TOKENS);
        set(m, h, eg::TOKENS, Value::Int(t + 1));
    }
    let r = int(m, h, eg::RUNNING);
    set(m, h, eg::RUNNING, Value::Int(r + 1));
    if let Some(info) = m.gs.get_mut(&g) {
        info.pending = Some(Syscall::Go { func: args[2], args: vec![args[0], args[1]] });
    }
}

/// Serves errgroup request `sid` ([`id`]) of goroutine `goid`.
pub fn dispatch(m: &mut VmMachine, sched: &Sched, goid: GoId, sid: u32, args: &[Value]) -> Option<Stop> {
    let arg = |i: usize| args.get(i).copied().unwrap_or(Value::Nil);
    match sid {
        id::ERRGROUP_WITH_CONTEXT => with_context(m, sched, goid, arg(0).int() as u32, arg(1), arg(2)),
        id::ERRGROUP_GO | id::ERRGROUP_TRYGO | id::ERRGROUP_WAIT | id::ERRGROUP_DONE => {
            let Some(h) = eg::group_obj(&m.vm, arg(0)) else {
                return Some(m.go_panic(sched, goid, "runtime error: invalid memory address or nil pointer dereference"));
            };
            group_request(m, goid, sid, h, args)
        }
        _ => Some(m.unknown_request(sid)),
    }
}

/// Serves request `sid` on group `h` (`Go`, `TryGo`, `Wait`, a goroutine's
/// `done`).
fn group_request(m: &mut VmMachine, goid: GoId, sid: u32, h: Handle, args: &[Value]) -> Option<Stop> {
    let arg = |i: usize| args.get(i).copied().unwrap_or(Value::Nil);
    match sid {
        id::ERRGROUP_GO | id::ERRGROUP_TRYGO => {
            let room = has_room(m, h);
            if sid == id::ERRGROUP_TRYGO {
                m.push(goid, &[Value::Bool(room)]);
                if !room {
                    return None;
                }
            }
            if room {
                grant(m, h, goid, [arg(0), arg(1), arg(2)]);
                // The `go` is served at once, as the goroutine's next request.
                return Some(Stop::Continue);
            }
            m.push(goid, &[arg(0), arg(1), arg(2)]);
            m.misc.groups.entry(h).or_default().blocked.push_back(goid);
            Some(Stop::Park(WaitReason::ChanSend))
        }
        id::ERRGROUP_WAIT => {
            if int(m, h, eg::RUNNING) == 0 {
                let e = eg::slot(&m.vm, h, eg::ERR);
                m.push(goid, &[e]);
                return None;
            }
            m.misc.groups.entry(h).or_default().waiters.push(goid);
            Some(Stop::Park(WaitReason::SyncWaitGroupWait))
        }
        id::ERRGROUP_DONE => {
            let running = (int(m, h, eg::RUNNING) - 1).max(0);
            set(m, h, eg::RUNNING, Value::Int(running));
            if int(m, h, eg::LIMIT) > 0 {
                let t = (int(m, h, eg::TOKENS) - 1).max(0);
                set(m, h, eg::TOKENS, Value::Int(t));
            }
            let mut ready = Vec::new();
            if has_room(m, h)
                && let Some(b) = m.misc.groups.get_mut(&h).and_then(|w| w.blocked.pop_front())
            {
                // The blocked `Go` takes the token: its arguments come off
                // its stack and its goroutine starts when it runs.
                let held = m.vm_of(b).and_then(|i| m.vm.gs.get_mut(i)).map(|s| {
                    let at = s.stack.len().saturating_sub(3);
                    s.stack.split_off(at)
                });
                if let Some([g0, f, w]) = held.as_deref() {
                    grant(m, h, b, [*g0, *f, *w]);
                }
                ready.push(b);
            }
            if int(m, h, eg::RUNNING) == 0 {
                let e = eg::slot(&m.vm, h, eg::ERR);
                let waiters = m.misc.groups.get_mut(&h).map(|w| std::mem::take(&mut w.waiters)).unwrap_or_default();
                for w in waiters {
                    m.push(w, &[e]);
                    ready.push(w);
                }
            }
            if m.misc.groups.get(&h).is_some_and(|w| w.waiters.is_empty() && w.blocked.is_empty()) {
                m.misc.groups.remove(&h);
            }
            match ready.len() {
                0 => None,
                1 => Some(Stop::Ready(ready[0])),
                _ => Some(Stop::ReadyMany(ready)),
            }
        }
        _ => Some(m.unknown_request(sid)),
    }
}

/// `WithContext`: the context implementation serves `WithCancelCause`
/// (request `cid`), pushing `[ctx', cancel]`; the cancel goes into the group.
fn with_context(m: &mut VmMachine, sched: &Sched, goid: GoId, cid: u32, ctx: Value, grp: Value) -> Option<Stop> {
    if let Some(stop) = m.sys(sched, goid, cid, &[ctx]) {
        return Some(stop);
    }
    let got = m.vm_of(goid).and_then(|i| m.vm.gs.get_mut(i)).map(|s| {
        let at = s.stack.len().saturating_sub(2);
        s.stack.split_off(at)
    });
    let (c2, cancel) = match got.as_deref() {
        Some([c2, cancel]) => (*c2, *cancel),
        _ => (ctx, Value::Nil),
    };
    if let Some(h) = eg::group_obj(&m.vm, grp) {
        set(m, h, eg::CANCEL, cancel);
    }
    m.push(goid, &[grp, c2]);
    None
}
