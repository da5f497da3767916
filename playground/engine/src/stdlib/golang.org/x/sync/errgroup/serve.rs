//! errgroup's requests (ids [`id`], the `Errgroup` server of
//! `runtime::request`; the contract is `stdlib::services`'): starting a
//! group's goroutine, blocking at the limit (Go's semaphore send, `chan
//! send`), `Wait` (`sync.WaitGroup.Wait`) and waking them. The group's
//! counters live in its heap object (`mod.rs`'s slots), the parked
//! goroutines in [`Groups`].

use super as eg;
use crate::sched::{GoId, Sched, Stop, WaitReason};
use crate::stdlib::services::{Services, ready_stop};
use crate::value::{Handle, Value};
use crate::vm::Syscall;
use rustc_hash::FxHashMap as HashMap;

pub(crate) use crate::runtime::request::errgroup as id;

/// Goroutines parked on one errgroup.
#[derive(Clone, Debug, Default)]
pub struct GroupWaits {
    pub waiters: Vec<GoId>,
    pub blocked: std::collections::VecDeque<GoId>,
}

/// errgroup groups with parked goroutines: `Wait`ers, and `Go` callers
/// blocked at the limit (their `[g, f, wrapper]` are kept on their own
/// stacks, where the collector sees them).
pub type Groups = HashMap<Handle, GroupWaits>;

fn int(m: &impl Services, h: Handle, i: usize) -> i64 {
    eg::slot(m.vm(), h, i).int()
}

fn set(m: &mut impl Services, h: Handle, i: usize, v: Value) {
    let _ = m.vm_mut().heap.store_slot(h, i, v);
}

/// A token is free (or there is no limit).
fn has_room(m: &impl Services, h: Handle) -> bool {
    let limit = int(m, h, eg::LIMIT);
    limit == 0 || int(m, h, eg::TOKENS) < limit - 1
}

/// Counts goroutine `g`'s new group goroutine and has it started when `g`
/// next runs (its pending request becomes the `go`).
fn grant(m: &mut impl Services, h: Handle, g: GoId, args: [Value; 3]) {
    if int(m, h, eg::LIMIT) > 0 {
        let t = int(m, h, eg::TOKENS);
        set(m, h, eg::TOKENS, Value::Int(t + 1));
    }
    let r = int(m, h, eg::RUNNING);
    set(m, h, eg::RUNNING, Value::Int(r + 1));
    m.set_pending(g, Syscall::Go { func: args[2], args: vec![args[0], args[1]] });
}

/// Serves errgroup request `sid` ([`id`]) of goroutine `goid`.
pub fn dispatch(m: &mut impl Services, sched: &Sched, goid: GoId, sid: u32, args: &[Value]) -> Option<Stop> {
    let arg = |i: usize| args.get(i).copied().unwrap_or(Value::Nil);
    match sid {
        id::ERRGROUP_WITH_CONTEXT => with_context(m, sched, goid, arg(0).int() as u32, arg(1), arg(2)),
        id::ERRGROUP_GO | id::ERRGROUP_TRYGO | id::ERRGROUP_WAIT | id::ERRGROUP_DONE => {
            let Some(h) = eg::group_obj(m.vm(), arg(0)) else {
                return Some(m.go_panic(sched, goid, "runtime error: invalid memory address or nil pointer dereference"));
            };
            group_request(m, goid, sid, h, args)
        }
        _ => Some(m.unknown_request(sid)),
    }
}

/// Serves request `sid` on group `h` (`Go`, `TryGo`, `Wait`, a goroutine's
/// `done`).
fn group_request(m: &mut impl Services, goid: GoId, sid: u32, h: Handle, args: &[Value]) -> Option<Stop> {
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
            m.state().groups.entry(h).or_default().blocked.push_back(goid);
            Some(Stop::Park(WaitReason::ChanSend))
        }
        id::ERRGROUP_WAIT => {
            if int(m, h, eg::RUNNING) == 0 {
                let e = eg::slot(m.vm(), h, eg::ERR);
                m.push(goid, &[e]);
                return None;
            }
            m.state().groups.entry(h).or_default().waiters.push(goid);
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
                && let Some(b) = m.state().groups.get_mut(&h).and_then(|w| w.blocked.pop_front())
            {
                // The blocked `Go` takes the token: its arguments come off
                // its stack and its goroutine starts when it runs.
                let held = m.take_held(b, 3);
                if let [g0, f, w] = held[..] {
                    grant(m, h, b, [g0, f, w]);
                }
                ready.push(b);
            }
            if int(m, h, eg::RUNNING) == 0 {
                let e = eg::slot(m.vm(), h, eg::ERR);
                let waiters = m.state().groups.get_mut(&h).map(|w| std::mem::take(&mut w.waiters)).unwrap_or_default();
                for w in waiters {
                    m.push(w, &[e]);
                    ready.push(w);
                }
            }
            if m.state().groups.get(&h).is_some_and(|w| w.waiters.is_empty() && w.blocked.is_empty()) {
                m.state().groups.remove(&h);
            }
            ready_stop(ready)
        }
        _ => Some(m.unknown_request(sid)),
    }
}

/// `WithContext`: the context implementation serves `WithCancelCause`
/// (request `cid`), pushing `[ctx', cancel]`; the cancel goes into the group.
fn with_context(m: &mut impl Services, sched: &Sched, goid: GoId, cid: u32, ctx: Value, grp: Value) -> Option<Stop> {
    if let Some(stop) = crate::stdlib::context::tree::dispatch(m, sched, goid, cid, &[ctx]) {
        return Some(stop);
    }
    let (c2, cancel) = match m.take_held(goid, 2)[..] {
        [c2, cancel] => (c2, cancel),
        _ => (ctx, Value::Nil),
    };
    if let Some(h) = eg::group_obj(m.vm(), grp) {
        set(m, h, eg::CANCEL, cancel);
    }
    m.push(goid, &[grp, c2]);
    None
}
