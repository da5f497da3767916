//! `context`'s cancellation tree (context/context.go's `cancelCtx`,
//! `timerCtx`, `afterFuncCtx`, `propagateCancel`), served through its
//! requests ([`id`], the `Context` server of `runtime::request`; the
//! contract is `stdlib::services`').
//!
//! A context is a heap object (see `mod.rs` for its slots and the
//! read-only operations). A context that can be canceled has a node in
//! the tree (`runtime::context`, which decides who is canceled and in
//! what order), carrying its object and the `AfterFunc` registered on it.
//! Applying a cancellation, node by node in the tree's order: set its
//! error and cause, close its Done channel (readying every receiver),
//! queue its AfterFunc goroutine.
//!
//! Several scheduler stops may follow one cancel (ready the receivers,
//! then one `Newproc` per AfterFunc): the goroutines to start wait in
//! `State::spawn_queue`, and the canceling goroutine's pending
//! request `SPAWN_NEXT` starts them one per call, at the same instant.
//! A deadline that fires cancels from the timer, returning `TimerAction`s.
//!
//! Nodes not yet canceled keep their objects (and AfterFunc functions)
//! alive through a holder stack the collector scans, as Go's parent
//! keeps its children in its map.

use super::{self as ctx, kind, slot};
use crate::runtime::Creator;
use crate::sched::{GoId, Sched, Stop, TimerAction};
use crate::stdlib::services::{Services, ready_stop};
use crate::span::Span;
use crate::value::{Handle, Value};
use crate::runtime::context::Tree;
use crate::vm::Syscall;
use std::rc::Rc;

pub(crate) use crate::runtime::request::context as id;


/// What a node of the tree (`runtime::context`) stands for.
#[derive(Clone, Debug)]
struct Ctx {
    obj: Handle,
    /// The context interface value (kept alive while not canceled).
    ctx: Value,
    /// AfterFunc: the function, while not started or stopped.
    func: Value,
    /// A timeout's cause (WithTimeoutCause).
    timeout_cause: Value,
}

/// The context tree of a run.
#[derive(Clone, Debug, Default)]
pub struct Contexts {
    tree: Tree<Ctx>,
    holder: Option<usize>,
}

impl Contexts {
    /// The contexts not canceled, for the goroutine leak analysis: (node,
    /// what the node keeps alive — its context, AfterFunc function and
    /// cause —, its parent's object if the parent holds it in its
    /// children map). Nothing else holds a context in Go: a context whose
    /// parent is `Background` is reachable only through the program's
    /// references (or its deadline's timer).
    pub(crate) fn leak_view(&self) -> Vec<(u64, Vec<Value>, Option<Handle>)> {
        self.tree
            .live_with_parents()
            .map(|(n, c, parent)| {
                let vals = [c.ctx, c.func, c.timeout_cause].into_iter().filter(|v| *v != Value::Nil).collect();
                (n, vals, parent.map(|p| p.obj))
            })
            .collect()
    }
}

fn rehold(m: &mut impl Services) {
    let vals: Vec<Value> =
        m.state().contexts.tree.live().flat_map(|n| [n.ctx, n.func, n.timeout_cause]).filter(|v| *v != Value::Nil).collect();
    let slot = m.state().contexts.holder;
    let slot = m.vm_mut().hold(slot, vals);
    m.state().contexts.holder = Some(slot);
}


fn get(m: &impl Services, h: Handle, i: usize) -> Value {
    m.vm().heap.slots(h).get(i).copied().unwrap_or_default()
}

fn node_of(m: &impl Services, h: Handle) -> Option<u64> {
    let n = get(m, h, slot::ID).int();
    (n > 0).then_some(n as u64)
}

/// Makes a cancelable context under `parent` (`propagateCancel`): `Ok`
/// with the context, its node, and whether the parent was already
/// canceled (then the child is canceled at once, with its cause).
fn new_node(m: &mut impl Services, parent: Value, k: i64, deadline: i64, func: Value) -> Result<(Value, u64), &'static str> {
    if parent == Value::Nil {
        return Err("cannot create context from nil parent");
    }
    let n = m.state().contexts.tree.next_id();
    let mut s = vec![Value::Nil; slot::N];
    s[slot::ID] = Value::Int(n as i64);
    s[slot::PARENT] = parent;
    s[slot::KIND] = Value::Int(k);
    s[slot::DEADLINE] = Value::Int(deadline);
    let c = ctx::new_ctx(m.vm_mut(), s).map_err(|_| "out of memory")?;
    let obj = ctx::ctx_obj(m.vm(), c).ok_or("out of memory")?;
    let up = ctx::cancel_ancestor(m.vm(), parent).and_then(|h| node_of(m, h));
    m.state().contexts.tree.add(up, Ctx { obj, ctx: c, func, timeout_cause: Value::Nil });
    rehold(m);
    Ok((c, n))
}

/// Cancels node `n` and its subtree with `err` and `cause` (nil: err);
/// returns the goroutines to ready; queues AfterFunc goroutines.
fn cancel(m: &mut impl Services, n: u64, err: Value, cause: Value, spawner: GoId) -> Vec<GoId> {
    let mut ready = Vec::new();
    let cause = if cause == Value::Nil { err } else { cause };
    // The order is the tree's; `range`'s start over a parent's children is
    // the run's choice (`MapIterStart`).
    let order = {
        let Contexts { tree, .. } = &mut m.state().contexts;
        let mut tree = std::mem::take(tree);
        let order = tree.cancel(n, || m.vm_mut().chooser.map_iter_start());
        m.state().contexts.tree = tree;
        order
    };
    for n in order {
        let Some(&Ctx { obj, func, .. }) = m.state().contexts.tree.payload(n) else { continue };
        let _ = m.vm_mut().heap.store_slot(obj, slot::ERR, err);
        let _ = m.vm_mut().heap.store_slot(obj, slot::CAUSE, cause);
        // `-race`: the cancel happens before what sees it (`Done`).
        m.vm_mut().racereleasemerge(crate::vm::race::Addr::Sync(obj, crate::vm::race::SYNC_CONTEXT));
        let done = get(m, obj, slot::DONE);
        if done != Value::Nil {
            ready.extend(m.close_chan(spawner, done));
        }
        if func != Value::Nil {
            let creator = Creator { func: Rc::from("context.(*afterFuncCtx).cancel"), goid: spawner, line: 0, wrap: None };
            m.state().spawn_queue.push_back((func, Vec::new(), creator));
        }
    }
    rehold(m);
    ready
}

/// After readying, start the queued AfterFunc goroutines one per call.
fn then_spawn(m: &mut impl Services, goid: GoId, stop: Option<Stop>) -> Option<Stop> {
    if m.state().spawn_queue.is_empty() {
        return stop;
    }
    match stop {
        None => spawn_next(m, goid),
        Some(s) => {
            m.set_pending(goid, Syscall::Sys { id: id::SPAWN_NEXT, args: vec![] });
            Some(s)
        }
    }
}

fn spawn_next(m: &mut impl Services, goid: GoId) -> Option<Stop> {
    let (f, _, _) = m.state().spawn_queue.front()?.clone();
    let name = m.func_name(f);
    if m.state().spawn_queue.len() > 1 {
        m.set_pending(goid, Syscall::Sys { id: id::SPAWN_NEXT, args: vec![] });
    }
    Some(Stop::Newproc { func: name, pos: Span::default() })
}

/// Serves the context requests (ids in [`id`]).
pub fn dispatch(m: &mut impl Services, sched: &Sched, goid: GoId, sid: u32, args: &[Value]) -> Option<Stop> {
    let a0 = args.first().copied().unwrap_or(Value::Nil);
    let a1 = args.get(1).copied().unwrap_or(Value::Nil);
    let a2 = args.get(2).copied().unwrap_or(Value::Nil);
    let now = sched.now;
    match sid {
        id::WITH_CANCEL | id::WITH_CANCEL_CAUSE => {
            let (c, n) = match new_node(m, a0, kind::CANCEL, 0, Value::Nil) {
                Ok(x) => x,
                Err(msg) => return Some(m.go_panic(sched, goid, msg)),
            };
            m.push(goid, &[c, Value::Int(n as i64)]);
            inherit(m, goid, n, a0)
        }
        id::WITH_TIMEOUT | id::WITH_DEADLINE => {
            let epoch = crate::sched::time::EPOCH_UNIX_NS;
            let (d_unix, delay) = if sid == id::WITH_TIMEOUT {
                let d = a1.int();
                (epoch.saturating_add(now as i64).saturating_add(d), d)
            } else {
                (a1.int(), a1.int().saturating_sub(epoch.saturating_add(now as i64)))
            };
            // A parent deadline that is sooner wins: just a cancel context.
            let parent_dl = parent_deadline(m, a0);
            let k = if parent_dl.is_some_and(|p| p < d_unix) { kind::CANCEL } else { kind::DEADLINE };
            let (c, n) = match new_node(m, a0, k, d_unix, Value::Nil) {
                Ok(x) => x,
                Err(msg) => return Some(m.go_panic(sched, goid, msg)),
            };
            if let Some(node) = m.state().contexts.tree.payload_mut(n) {
                node.timeout_cause = a2;
            }
            // WithTimeout's deadline is Now().Add(d): it has a monotonic reading.
            let mono = sid == id::WITH_TIMEOUT || args.get(3) == Some(&Value::Bool(true));
            if let Some(h) = ctx::ctx_obj(m.vm(), c) {
                let _ = m.vm_mut().heap.store_slot(h, slot::DEADLINE_MONO, Value::Bool(mono));
            }
            m.push(goid, &[c, Value::Int(n as i64)]);
            if let Some(stop) = inherit(m, goid, n, a0) {
                return Some(stop);
            }
            if k == kind::CANCEL {
                return None;
            }
            if delay <= 0 {
                let e = ctx::ctx_error(m.vm_mut(), true).unwrap_or(Value::Nil);
                let ready = cancel(m, n, e, a2, goid);
                return then_spawn(m, goid, ready_stop(ready));
            }
            let tid = crate::stdlib::time::timers::add_ctx_timer(m, now, delay as u64, n);
            Some(Stop::TimerStart { id: tid, delay_ns: delay as u64 })
        }
        id::CANCEL | id::CANCEL_CAUSE => {
            let n = a0.int() as u64;
            let e = ctx::ctx_error(m.vm_mut(), false).unwrap_or(Value::Nil);
            let cause = if sid == id::CANCEL_CAUSE { a1 } else { Value::Nil };
            let ready = cancel(m, n, e, cause, goid);
            then_spawn(m, goid, ready_stop(ready))
        }
        id::AFTER_FUNC => {
            let (c, n) = match new_node(m, a0, kind::AFTER_FUNC, 0, a1) {
                Ok(x) => x,
                Err(msg) => return Some(m.go_panic(sched, goid, msg)),
            };
            m.push(goid, &[c, Value::Int(n as i64)]);
            inherit(m, goid, n, a0)
        }
        id::AFTER_FUNC_STOP => {
            let n = a0.int() as u64;
            let tree = &mut m.state().contexts.tree;
            let stopped = tree.stop(n);
            if stopped && let Some(node) = tree.payload_mut(n) {
                node.func = Value::Nil;
            }
            rehold(m);
            m.push(goid, &[Value::Bool(stopped)]);
            None
        }
        id::SPAWN_NEXT => spawn_next(m, goid),
        id::ADOPT => {
            let n = a1.int() as u64;
            let p = ctx::cancel_ancestor(m.vm(), a0).and_then(|h| node_of(m, h))?;
            if m.state().contexts.tree.adopt(p, n) {
                return None;
            }
            inherit(m, goid, n, a0)
        }
        id::CANCEL_ERR => {
            let ready = cancel(m, a0.int() as u64, a1, a2, goid);
            then_spawn(m, goid, ready_stop(ready))
        }
        _ => Some(m.unknown_request(sid)),
    }
}

/// A new node whose cancelable ancestor is already canceled is canceled
/// at once with the ancestor's error and cause.
fn inherit(m: &mut impl Services, goid: GoId, n: u64, parent: Value) -> Option<Stop> {
    let h = ctx::cancel_ancestor(m.vm(), parent)?;
    let err = get(m, h, slot::ERR);
    if err == Value::Nil {
        return None;
    }
    let cause = get(m, h, slot::CAUSE);
    let ready = cancel(m, n, err, cause, goid);
    then_spawn(m, goid, ready_stop(ready))
}

fn parent_deadline(m: &impl Services, c: Value) -> Option<i64> {
    match ctx::deadline(m.vm(), c) {
        ctx::Deadline::At(ns, _) => Some(ns),
        _ => None,
    }
}

/// Node `n`'s deadline timer fired: cancel it with DeadlineExceeded.
pub fn deadline_fired(m: &mut impl Services, n: u64) -> Vec<TimerAction> {
    let cause = m.state().contexts.tree.payload(n).map_or(Value::Nil, |x| x.timeout_cause);
    let e = ctx::ctx_error(m.vm_mut(), true).unwrap_or(Value::Nil);
    let ready = cancel(m, n, e, cause, 0);
    let mut actions: Vec<TimerAction> = ready.into_iter().map(TimerAction::Ready).collect();
    let spawns: Vec<Value> = m.state().spawn_queue.iter().map(|x| x.0).collect();
    for f in spawns {
        let name = m.func_name(f);
        actions.push(TimerAction::Go { func: name, pos: Span::default(), parent: 0 });
    }
    actions
}
