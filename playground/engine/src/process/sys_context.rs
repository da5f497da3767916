//! `context`'s cancellation tree on the process (context/context.go's
//! `cancelCtx`, `timerCtx`, `afterFuncCtx`, `propagateCancel`), served
//! through its requests ([`id`], the `Context` server of
//! `runtime::request`).
//!
//! A context is a heap object (see `stdlib/context/` for its
//! slots and the read-only operations). A context that can be canceled
//! has a node here: its object, its children, its deadline timer and the
//! `AfterFunc`s registered on it. Canceling a node, in Go's order: set
//! its error and cause, close its Done channel (readying every receiver),
//! cancel its children, start its AfterFunc goroutines, leave the parent.
//!
//! Several scheduler stops may follow one cancel (ready the receivers,
//! then one `Newproc` per AfterFunc): the goroutines to start wait in
//! `SyncState::spawn_queue`, and the canceling goroutine's pending
//! request `SPAWN_NEXT` starts them one per call, at the same instant.
//! A deadline that fires cancels from the timer, returning `TimerAction`s.
//!
//! Nodes not yet canceled keep their objects (and AfterFunc functions)
//! alive through a holder stack the collector scans, as Go's parent
//! keeps its children in its map.

pub(crate) use crate::stdlib::context::{CANCEL_CAUSE_FUNC, CANCEL_FUNC, STOP_FUNC};
use super::machine::{Creator, VmMachine};
use crate::stdlib::context::{self as ctx, kind, slot};
use crate::sched::{GoId, Sched, Stop, TimerAction};
use crate::span::Span;
use crate::value::{Handle, Value};
use crate::vm::Syscall;
use std::collections::BTreeMap;
use std::rc::Rc;

pub(crate) use crate::runtime::request::context as id;


#[derive(Clone, Debug)]
struct Node {
    obj: Handle,
    /// The context interface value (kept alive while not canceled).
    ctx: Value,
    parent: Option<u64>,
    children: Vec<u64>,
    canceled: bool,
    /// AfterFunc: the function, while not started or stopped.
    func: Value,
    /// A timeout's cause (WithTimeoutCause).
    timeout_cause: Value,
}

/// The context tree of a run.
#[derive(Clone, Debug, Default)]
pub struct Contexts {
    next: u64,
    nodes: BTreeMap<u64, Node>,
    holder: Option<usize>,
    funcs: BTreeMap<&'static str, u32>,
}

fn rehold(m: &mut VmMachine) {
    let vals: Vec<Value> = m
        .sync
        .contexts
        .nodes
        .values()
        .filter(|n| !n.canceled)
        .flat_map(|n| [n.ctx, n.func, n.timeout_cause])
        .filter(|v| *v != Value::Nil)
        .collect();
    let i = match m.sync.contexts.holder {
        Some(i) => i,
        None => {
            m.vm.gs.push(Box::default());
            let i = m.vm.gs.len() - 1;
            m.sync.contexts.holder = Some(i);
            i
        }
    };
    if let Some(s) = m.vm.gs.get_mut(i) {
        s.stack = vals;
    }
}

fn func_index(m: &mut VmMachine, name: &'static str) -> Option<u32> {
    if let Some(&f) = m.sync.contexts.funcs.get(name) {
        return Some(f);
    }
    let f = m.vm.program().funcs.iter().position(|x| x.name == name)? as u32;
    m.sync.contexts.funcs.insert(name, f);
    Some(f)
}

/// A closure of bytecode function `name` capturing node `n`.
fn closure(m: &mut VmMachine, name: &'static str, n: u64) -> Value {
    let Some(f) = func_index(m, name) else { return Value::Nil };
    let obj = crate::heap::Obj::Closure { func: f, captures: vec![Value::Int(n as i64)].into_boxed_slice() };
    m.vm.heap.alloc(obj, 16).map(Value::Closure).unwrap_or(Value::Nil)
}

fn get(m: &VmMachine, h: Handle, i: usize) -> Value {
    m.vm.heap.slots(h).get(i).copied().unwrap_or_default()
}

fn node_of(m: &VmMachine, h: Handle) -> Option<u64> {
    let n = get(m, h, slot::ID).int();
    (n > 0).then_some(n as u64)
}

/// Makes a cancelable context under `parent` (`propagateCancel`): `Ok`
/// with the context, its node, and whether the parent was already
/// canceled (then the child is canceled at once, with its cause).
fn new_node(m: &mut VmMachine, parent: Value, k: i64, deadline: i64, func: Value) -> Result<(Value, u64), &'static str> {
    if ctx::ctx_obj(&m.vm, parent).is_none() {
        return Err("cannot create context from nil parent");
    }
    m.sync.contexts.next += 1;
    let n = m.sync.contexts.next;
    let mut s = vec![Value::Nil; slot::N];
    s[slot::ID] = Value::Int(n as i64);
    s[slot::PARENT] = parent;
    s[slot::KIND] = Value::Int(k);
    s[slot::DEADLINE] = Value::Int(deadline);
    let c = ctx::new_ctx(&mut m.vm, s).map_err(|_| "out of memory")?;
    let obj = ctx::ctx_obj(&m.vm, c).ok_or("out of memory")?;
    let up = ctx::cancel_ancestor(&m.vm, parent).and_then(|h| node_of(m, h));
    m.sync.contexts.nodes.insert(n, Node { obj, ctx: c, parent: up, children: Vec::new(), canceled: false, func, timeout_cause: Value::Nil });
    if let Some(p) = up
        && let Some(pn) = m.sync.contexts.nodes.get_mut(&p)
        && !pn.canceled
    {
        pn.children.push(n);
    }
    rehold(m);
    Ok((c, n))
}

/// Cancels node `n` and its subtree with `err` and `cause` (nil: err);
/// returns the goroutines to ready; queues AfterFunc goroutines.
fn cancel(m: &mut VmMachine, n: u64, err: Value, cause: Value, spawner: GoId) -> Vec<GoId> {
    let mut ready = Vec::new();
    let mut work = vec![(n, err, cause)];
    while let Some((n, err, cause)) = work.pop() {
        let Some(node) = m.sync.contexts.nodes.get_mut(&n) else { continue };
        if node.canceled {
            continue;
        }
        node.canceled = true;
        let (obj, children, func, parent) = (node.obj, std::mem::take(&mut node.children), node.func, node.parent);
        let cause = if cause == Value::Nil { err } else { cause };
        let _ = m.vm.heap.store_slot(obj, slot::ERR, err);
        let _ = m.vm.heap.store_slot(obj, slot::CAUSE, cause);
        let done = get(m, obj, slot::DONE);
        if done != Value::Nil {
            let gs = &m.gs;
            let vm_of = |g: GoId| gs.get(&g).and_then(super::machine::GInfo::vm_index);
            if let super::sys::ChanOutcome::Closed { ready: r, .. } = m.chans.close(&mut m.vm, spawner, done, &vm_of) {
                for g in &r {
                    if let Some(x) = m.gs.get_mut(g) {
                        x.blocked_on.clear();
                    }
                }
                ready.extend(r);
            }
        }
        if func != Value::Nil {
            let creator = Creator { func: Rc::from("context.(*afterFuncCtx).cancel"), goid: spawner, line: 0, wrap: None };
            m.sync.spawn_queue.push_back((func, Vec::new(), creator));
        }
        if let Some(p) = parent
            && let Some(pn) = m.sync.contexts.nodes.get_mut(&p)
        {
            pn.children.retain(|&c| c != n);
        }
        // Go ranges over the parent's `children` map. A small map is one
        // group of 8 slots filled in creation order, and its range starts
        // at a random slot and wraps around: a start past the last child
        // walks from the first. So 3 children go 0 1 2 six times in eight
        // (real Go 1.27: 78%), 1 2 0 or 2 0 1 otherwise. The start is
        // `range`'s own choice, `MapIterStart`.
        let n = children.len();
        let start = if n > 1 {
            let slots = n.next_multiple_of(8) as u64;
            let at = (m.vm.chooser.map_iter_start() % slots) as usize;
            if at < n { at } else { 0 }
        } else {
            0
        };
        for i in (0..n).rev() {
            work.push((children[(start + i) % n], err, cause));
        }
    }
    rehold(m);
    ready
}

fn ready_stop(ready: Vec<GoId>) -> Option<Stop> {
    match ready.len() {
        0 => None,
        1 => Some(Stop::Ready(ready[0])),
        _ => Some(Stop::ReadyMany(ready)),
    }
}

/// After readying, start the queued AfterFunc goroutines one per call.
fn then_spawn(m: &mut VmMachine, goid: GoId, stop: Option<Stop>) -> Option<Stop> {
    if m.sync.spawn_queue.is_empty() {
        return stop;
    }
    match stop {
        None => spawn_next(m, goid),
        Some(s) => {
            if let Some(g) = m.gs.get_mut(&goid) {
                g.pending = Some(Syscall::Sys { id: id::SPAWN_NEXT, args: vec![] });
            }
            Some(s)
        }
    }
}

fn spawn_next(m: &mut VmMachine, goid: GoId) -> Option<Stop> {
    let (f, _, _) = m.sync.spawn_queue.front()?.clone();
    let name = super::sys_time::func_name(m, f);
    if m.sync.spawn_queue.len() > 1
        && let Some(g) = m.gs.get_mut(&goid)
    {
        g.pending = Some(Syscall::Sys { id: id::SPAWN_NEXT, args: vec![] });
    }
    Some(Stop::Newproc { func: name, pos: Span::default() })
}

/// Serves the context requests (ids in [`id`]).
pub fn dispatch(m: &mut VmMachine, sched: &Sched, goid: GoId, sid: u32, args: &[Value]) -> Option<Stop> {
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
            let f = closure(m, if sid == id::WITH_CANCEL { CANCEL_FUNC } else { CANCEL_CAUSE_FUNC }, n);
            m.push(goid, &[c, f]);
            inherit(m, goid, n, a0)
        }
        id::WITH_TIMEOUT | id::WITH_DEADLINE => {
            let epoch = super::sys_sync::EPOCH_UNIX_NS;
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
            if let Some(node) = m.sync.contexts.nodes.get_mut(&n) {
                node.timeout_cause = a2;
            }
            // WithTimeout's deadline is Now().Add(d): it has a monotonic reading.
            let mono = sid == id::WITH_TIMEOUT || args.get(3) == Some(&Value::Bool(true));
            if let Some(h) = ctx::ctx_obj(&m.vm, c) {
                let _ = m.vm.heap.store_slot(h, slot::DEADLINE_MONO, Value::Bool(mono));
            }
            let f = closure(m, CANCEL_FUNC, n);
            m.push(goid, &[c, f]);
            if let Some(stop) = inherit(m, goid, n, a0) {
                return Some(stop);
            }
            if k == kind::CANCEL {
                return None;
            }
            if delay <= 0 {
                let e = ctx::ctx_error(&mut m.vm, true).unwrap_or(Value::Nil);
                let ready = cancel(m, n, e, a2, goid);
                return then_spawn(m, goid, ready_stop(ready));
            }
            let tid = super::sys_time::add_ctx_timer(m, now, delay as u64, n);
            Some(Stop::TimerStart { id: tid, delay_ns: delay as u64 })
        }
        id::CANCEL | id::CANCEL_CAUSE => {
            let n = a0.int() as u64;
            let e = ctx::ctx_error(&mut m.vm, false).unwrap_or(Value::Nil);
            let cause = if sid == id::CANCEL_CAUSE { a1 } else { Value::Nil };
            let ready = cancel(m, n, e, cause, goid);
            then_spawn(m, goid, ready_stop(ready))
        }
        id::AFTER_FUNC => {
            let (_, n) = match new_node(m, a0, kind::AFTER_FUNC, 0, a1) {
                Ok(x) => x,
                Err(msg) => return Some(m.go_panic(sched, goid, msg)),
            };
            let f = closure(m, STOP_FUNC, n);
            m.push(goid, &[f]);
            inherit(m, goid, n, a0)
        }
        id::AFTER_FUNC_STOP => {
            let n = a0.int() as u64;
            let stopped = match m.sync.contexts.nodes.get_mut(&n) {
                Some(node) if !node.canceled => {
                    node.canceled = true;
                    node.func = Value::Nil;
                    if let Some(p) = node.parent
                        && let Some(pn) = m.sync.contexts.nodes.get_mut(&p)
                    {
                        pn.children.retain(|&c| c != n);
                    }
                    true
                }
                _ => false,
            };
            rehold(m);
            m.push(goid, &[Value::Bool(stopped)]);
            None
        }
        id::SPAWN_NEXT => spawn_next(m, goid),
        _ => Some(m.unknown_request(sid)),
    }
}

/// A new node whose cancelable ancestor is already canceled is canceled
/// at once with the ancestor's error and cause.
fn inherit(m: &mut VmMachine, goid: GoId, n: u64, parent: Value) -> Option<Stop> {
    let h = ctx::cancel_ancestor(&m.vm, parent)?;
    let err = get(m, h, slot::ERR);
    if err == Value::Nil {
        return None;
    }
    let cause = get(m, h, slot::CAUSE);
    let ready = cancel(m, n, err, cause, goid);
    then_spawn(m, goid, ready_stop(ready))
}

fn parent_deadline(m: &VmMachine, mut c: Value) -> Option<i64> {
    loop {
        let h = ctx::ctx_obj(&m.vm, c)?;
        match get(m, h, slot::KIND).int() {
            kind::DEADLINE => return Some(get(m, h, slot::DEADLINE).int()),
            kind::VALUE | kind::CANCEL | kind::AFTER_FUNC | kind::SIGNAL => c = get(m, h, slot::PARENT),
            _ => return None,
        }
    }
}

/// Node `n`'s deadline timer fired: cancel it with DeadlineExceeded.
pub fn deadline_fired(m: &mut VmMachine, n: u64) -> Vec<TimerAction> {
    let cause = m.sync.contexts.nodes.get(&n).map_or(Value::Nil, |x| x.timeout_cause);
    let e = ctx::ctx_error(&mut m.vm, true).unwrap_or(Value::Nil);
    let ready = cancel(m, n, e, cause, 0);
    let mut actions: Vec<TimerAction> = ready.into_iter().map(TimerAction::Ready).collect();
    let spawns: Vec<Value> = m.sync.spawn_queue.iter().map(|x| x.0).collect();
    for f in spawns {
        let name = super::sys_time::func_name(m, f);
        actions.push(TimerAction::Go { func: name, pos: Span::default(), parent: 0 });
    }
    actions
}

/// `signal.NotifyContext(parent, sigs...)` with its channel `ch`
/// (os/signal/signal.go): `WithCancelCause(parent)` as a `signalCtx`,
/// `Notify(ch, sigs...)`, and unless the parent was already canceled the
/// goroutine waiting for a signal or Done. Pushes `[ctx, stop]`.
pub fn notify_context(m: &mut VmMachine, sched: &Sched, goid: GoId, args: &[Value]) -> Option<Stop> {
    use crate::stdlib::os::signal::notify_context::{STOP_FUNC, WATCH_FUNC};
    let (parent, sigs, ch) = (args.first().copied().unwrap_or_default(), args.get(1).copied().unwrap_or_default(), args.get(2).copied().unwrap_or_default());
    let (c, n) = match new_node(m, parent, kind::SIGNAL, 0, Value::Nil) {
        Ok(x) => x,
        Err(msg) => return Some(m.go_panic(sched, goid, msg)),
    };
    if let Some(h) = ctx::ctx_obj(&m.vm, c) {
        let _ = m.vm.heap.store_slot(h, slot::SIG_CH, ch);
        let _ = m.vm.heap.store_slot(h, slot::SIGNALS, sigs);
    }
    let stop = match func_index(m, STOP_FUNC) {
        Some(f) => {
            let obj = crate::heap::Obj::Closure { func: f, captures: vec![c].into_boxed_slice() };
            m.vm.heap.alloc(obj, 16).map(Value::Closure).unwrap_or(Value::Nil)
        }
        None => Value::Nil,
    };
    m.push(goid, &[c, stop]);
    // A canceled parent cancels the new context now: nobody waits on it yet.
    let _ = inherit(m, goid, n, parent);
    let canceled = m.sync.contexts.nodes.get(&n).is_some_and(|x| x.canceled);
    let mut then = Vec::new();
    if !canceled {
        then.push(super::sys_misc::SigStep::Go { func: WATCH_FUNC, args: vec![c], creator: "os/signal.NotifyContext" });
    }
    let first = match ch {
        Value::Chan(h) => {
            let numbers = super::sys_misc::signal_numbers(m, sigs);
            super::sys_misc::notify(m, h, numbers)
        }
        _ => false,
    };
    if first {
        super::sys_misc::start_watching(m, goid, then)
    } else {
        super::sys_misc::run_steps(m, goid, then)
    }
}
