//! Goroutine leaks, two ways.
//!
//! 1. **At main's return** ([`report`]): Go kills every other goroutine
//!    silently. The engine lists them for the learner: state, wait reason,
//!    how long they had waited (virtual time, from the scheduler's
//!    `parked_at`), stack, creator and the bytes each keeps reachable. The
//!    text form ([`render`]) is the engine's own, clearly marked as not
//!    Go's output.
//! 2. **Go 1.26's goroutine leak detection** ([`detect`]), which Go 1.27
//!    runs for `pprof.Lookup("goroutineleak")`: a goroutine blocked on a
//!    channel (or mutex, WaitGroup, Cond...) is leaked when no goroutine
//!    that could still run can reach the object it waits on. As in Go's
//!    GC (mgcmark.go's leak marking), the roots are the globals and the
//!    stacks of goroutines not blocked on such objects; then, to a fixed
//!    point, a blocked goroutine whose object is reachable is not leaked
//!    and its own stack joins the roots. Whoever is left over is leaked
//!    (blocked on a nil channel or `select {}`: always). The scheduler
//!    turns them `_Gleaked`, and dumps print `[chan receive (leaked)]`.

use super::machine::VmMachine;
use crate::runtime::Creator;
use crate::sched::{GStatus, GoId, Sched, WaitReason};
use crate::value::Value;
use crate::vm::TraceFrame;

/// How a wait reason takes part in the analysis (`isMaybeRunnable`,
/// mgc.go): `None` for a goroutine that may run again whatever the heap
/// holds (sleeping, in a syscall, `semacquire`...).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Candidate {
    /// Blocked for good by definition: `select {}`, a nil channel.
    Always,
    /// Waits on channels: may run iff one of them is reachable.
    Chan,
    /// Waits on a sync object (Mutex, RWMutex, WaitGroup, Cond): may run
    /// iff it is reachable (or unknown).
    Sync,
}

pub fn candidate(r: WaitReason) -> Option<Candidate> {
    use WaitReason::*;
    match r {
        SelectNoCases | ChanSendNilChan | ChanReceiveNilChan => Some(Candidate::Always),
        ChanReceive | Select | ChanSend => Some(Candidate::Chan),
        SyncCondWait | SyncWaitGroupWait | SyncMutexLock | SyncRWMutexLock | SyncRWMutexRLock => Some(Candidate::Sync),
        _ => None,
    }
}

/// Which waits the analysis may call leaked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rules {
    /// Go 1.27's goroutineleak profile. A `sync.Mutex` is 8 bytes without
    /// pointers: alone (a local that escapes, `&sync.Mutex{}`) or in a
    /// struct under 16 bytes without pointers, Go's allocator puts it in a
    /// 16-byte tiny block shared with other such objects, and the
    /// collector marks the block as a whole, and always marks each P's
    /// current tiny block (`gcMarkTinyAllocs`). Whether such a mutex counts
    /// as reachable then depends on its neighbours in the block, which the
    /// engine does not model: a goroutine waiting on it counts as able to
    /// run (in the recorded programs its block was always kept alive) and
    /// its stack is a root. A mutex inside a larger object (a struct with
    /// a mutex and an `int`) is judged as any other object.
    GoProfile,
    /// The engine's verdict at main's return: every wait above counts.
    BlockedForever,
}

/// The goroutines blocked forever, by the reachability analysis above.
pub fn detect(m: &VmMachine, sched: &Sched, rules: Rules) -> Vec<GoId> {
    let mut roots: Vec<Value> = m.vm.globals.clone();
    // A variable after its last use is no root, as in Go (stack maps).
    let mut liveness = Default::default();
    // Candidates: (goid, kind, the objects it waits on).
    let mut candidates = Vec::new();
    // A context a cancelable parent holds in its children map: reachable
    // when the parent is (its values, and the parent's object).
    let mut ctx_edges: Vec<(crate::value::Handle, Vec<Value>)> = Vec::new();
    // The timer heaps are roots: an armed timer's channel or function
    // (`time.After`, a Ticker, `AfterFunc`), and a context whose
    // deadline's timer is armed. Timers fire: what they hold is not
    // blocked forever either.
    let (vals, deadlines) = m.pkgs.timers.leak_roots();
    roots.extend(vals);
    for (n, vals, parent) in m.pkgs.contexts.leak_view() {
        if deadlines.contains(&n) {
            roots.extend(vals);
        } else if let Some(p) = parent {
            ctx_edges.push((p, vals));
        }
    }
    if rules == Rules::GoProfile {
        // `allgs` reaches each blocked sender's sudog, whose `elem` points
        // at the value being sent: when that lives in the heap, its object
        // is marked whatever the sender's fate.
        roots.extend(sched.gs.iter().filter(|g| g.status == GStatus::Waiting && g.waitreason == WaitReason::ChanSend).filter_map(|g| send_elem_root(m, g.goid)));
    }
    for g in sched.gs.iter().filter(|g| !g.system && g.status != GStatus::Dead) {
        let objs = m.gs.get(&g.goid).map(|x| x.blocked_on.clone()).unwrap_or_default();
        // A writer of an RWMutex waits on its Mutex `w` too (an RWMutex
        // is 24 bytes: never tiny).
        let on_rw = matches!(m.gs.get(&g.goid).and_then(|x| x.pending.as_ref()), Some(crate::vm::Syscall::Sys { id, .. }) if *id == crate::stdlib::sync::serve::id::RESUME_RW);
        let counted = rules == Rules::BlockedForever
            || g.waitreason != WaitReason::SyncMutexLock
            || on_rw
            || !objs.iter().any(|&h| m.vm.heap.is_tiny(h));
        let kind = if g.status == GStatus::Waiting && counted { candidate(g.waitreason) } else { None };
        match kind {
            // A sync wait whose object is unknown may run (as in Go).
            Some(Candidate::Sync) if objs.is_empty() => {}
            Some(k) => {
                candidates.push((g.goid, k, objs));
                continue;
            }
            None if g.status == GStatus::Leaked => {
                // Found before: stays leaked, its stack is no root.
                candidates.push((g.goid, Candidate::Always, Vec::new()));
                continue;
            }
            None => {}
        }
        if let Some(s) = m.vm_of(g.goid).and_then(|i| m.vm.gs.get(i)) {
            roots.extend(m.vm.live_roots(s, &mut liveness));
        }
    }
    loop {
        let base = m.vm.heap.reachable(&mut roots.iter().copied()).objects;
        let mut freed = Vec::new();
        for (i, (_, kind, objs)) in candidates.iter().enumerate() {
            if *kind == Candidate::Always {
                continue;
            }
            // An object is reachable iff adding it as a root adds nothing.
            let reachable = objs.iter().any(|h| {
                let with = m.vm.heap.reachable(&mut roots.iter().copied().chain(std::iter::once(Value::Obj(*h)))).objects;
                with == base
            });
            if reachable {
                freed.push(i);
            }
        }
        let before = ctx_edges.len();
        ctx_edges.retain(|(p, vals)| {
            let with = m.vm.heap.reachable(&mut roots.iter().copied().chain(std::iter::once(Value::Obj(*p)))).objects;
            if with == base {
                roots.extend(vals.iter().copied());
                false
            } else {
                true
            }
        });
        if freed.is_empty() && ctx_edges.len() == before {
            break;
        }
        for &i in freed.iter().rev() {
            let (goid, _, _) = candidates.remove(i);
            if let Some(s) = m.vm_of(goid).and_then(|x| m.vm.gs.get(x)) {
                roots.extend(m.vm.live_roots(s, &mut liveness));
            }
        }
    }
    let mut out: Vec<GoId> = candidates.into_iter().map(|(g, _, _)| g).collect();
    // Go keeps main out of the report when it waits in `select {}` (it
    // still counted as blocked during the analysis, so that what it holds
    // does not hide other leaks).
    if sched.g_by_id(1).is_some_and(|g| g.waitreason == WaitReason::SelectNoCases) {
        out.retain(|&g| g != 1);
    }
    out.sort_unstable();
    out
}

/// What the `sudog.elem` of a goroutine blocked in a send statement keeps
/// reachable: the heap object holding the value it sends, when Go passes
/// the value by its address there (`Function::send_elems`).
fn send_elem_root(m: &VmMachine, goid: GoId) -> Option<Value> {
    use crate::heap::Obj;
    use crate::vm::SendElem;
    let g = m.vm.gs.get(m.vm_of(goid)?)?;
    let fr = g.frames.last()?;
    let f = m.vm.program().funcs.get(fr.func as usize)?;
    let elem = f.send_elems.iter().find(|(ip, _)| *ip == fr.ip).map(|(_, e)| *e)?;
    match elem {
        SendElem::Env => Some(fr.env),
        SendElem::Capture(i) => match (fr.env, &m.vm.heap) {
            (Value::Closure(h), heap) => match heap.get(h) {
                Obj::Closure { captures, .. } => captures.get(i as usize).copied(),
                _ => None,
            },
            _ => None,
        },
        SendElem::Local(s) => g.stack.get(fr.base as usize + s as usize).copied(),
    }
}

/// A goroutine still alive when main returned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LeakedGoroutine {
    pub goid: GoId,
    /// Go's status name, e.g. `_Gwaiting`.
    pub status: &'static str,
    /// The wait reason as Go prints it (`chan receive`), if waiting.
    pub wait_reason: Option<&'static str>,
    /// Virtual nanoseconds since it parked (0 if not waiting).
    pub waited_ns: u64,
    /// Blocked forever by the goroutine leak analysis (nothing that can
    /// run can reach what it waits on).
    pub blocked_forever: bool,
    /// Its stack, innermost frame first.
    pub stack: Vec<TraceFrame>,
    pub creator: Option<Creator>,
    /// Go bytes its stack keeps reachable (what the leak pins).
    pub pinned_bytes: u64,
}

/// Every goroutine alive at main's return, with the leak verdict.
pub fn report(m: &VmMachine, sched: &Sched) -> Vec<LeakedGoroutine> {
    let forever = detect(m, sched, Rules::BlockedForever);
    sched
        .gs
        .iter()
        .filter(|g| !g.system && g.status != GStatus::Dead && g.goid != 1)
        .map(|g| {
            let waiting = matches!(g.status, GStatus::Waiting | GStatus::Leaked);
            LeakedGoroutine {
                goid: g.goid,
                status: g.status.go_name(),
                wait_reason: if waiting { Some(g.waitreason.as_str()) } else { None },
                waited_ns: if waiting { sched.now.saturating_sub(g.parked_at) } else { 0 },
                blocked_forever: forever.contains(&g.goid),
                stack: m.trace_of(g.goid),
                creator: m.gs.get(&g.goid).and_then(|x| x.creator.clone()),
                pinned_bytes: pinned_bytes(m, g.goid),
            }
        })
        .collect()
}

/// The Go bytes goroutine `goid`'s stack (its frames, defers and
/// panics) keeps reachable, globals aside: what it pins while it lives.
pub fn pinned_bytes(m: &VmMachine, goid: GoId) -> u64 {
    m.vm_of(goid).map_or(0, |i| m.vm.reachable_from(i).go_bytes)
}

/// A duration as Go's `time.Duration.String` prints it (`1h0m0s`, `1.5ms`).
pub fn duration_string(ns: u64) -> String {
    let d = ns as i64;
    if ns < 1_000 {
        return format!("{ns}ns");
    }
    if ns < 1_000_000_000 {
        let (unit, div) = if ns < 1_000_000 { ("µs", 1_000) } else { ("ms", 1_000_000) };
        return format!("{}{unit}", frac(ns, div));
    }
    let h = d / 3_600_000_000_000;
    let rem = ns - h as u64 * 3_600_000_000_000;
    let mi = rem / 60_000_000_000;
    let s = rem - mi * 60_000_000_000;
    let secs = format!("{}s", frac(s, 1_000_000_000));
    match (h, mi) {
        (0, 0) => secs,
        (0, _) => format!("{mi}m{secs}"),
        _ => format!("{h}h{mi}m{secs}"),
    }
}

fn frac(v: u64, div: u64) -> String {
    let whole = v / div;
    let mut f = format!("{:0width$}", v % div, width = div.ilog10() as usize);
    while f.ends_with('0') {
        f.pop();
    }
    if f.is_empty() { whole.to_string() } else { format!("{whole}.{f}") }
}

/// The engine's own text for the report (Go prints nothing at all).
pub fn render(leaks: &[LeakedGoroutine], prog: &crate::vm::Bytecode) -> String {
    let path = &prog.path;
    if leaks.is_empty() {
        return String::new();
    }
    let n = leaks.len();
    let mut s = format!(
        "[gmp] main returned with {n} goroutine{} still running; Go ends {} silently:\n",
        if n == 1 { "" } else { "s" },
        if n == 1 { "it" } else { "them" }
    );
    for l in leaks {
        s.push_str(&format!("\ngoroutine {} [{}", l.goid, l.wait_reason.unwrap_or(match l.status {
            "_Grunnable" => "runnable",
            "_Grunning" => "running",
            "_Gsyscall" => "syscall",
            other => other,
        })));
        if l.wait_reason.is_some() {
            s.push_str(&format!(", waiting {}", duration_string(l.waited_ns)));
        }
        if l.blocked_forever {
            s.push_str(", blocked forever");
        }
        s.push_str("]:\n");
        for f in &l.stack {
            s.push_str(&f.render(path));
        }
        if let Some(c) = &l.creator {
            s.push_str(&super::dump::render_creator(prog, c));
        }
        if l.pinned_bytes > 0 {
            s.push_str(&format!("keeps {} bytes reachable\n", l.pinned_bytes));
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::duration_string;

    #[test]
    fn durations_print_as_go() {
        assert_eq!(duration_string(0), "0ns");
        assert_eq!(duration_string(999), "999ns");
        assert_eq!(duration_string(1_500), "1.5µs");
        assert_eq!(duration_string(2_000_000), "2ms");
        assert_eq!(duration_string(1_000_000_000), "1s");
        assert_eq!(duration_string(90_000_000_000), "1m30s");
        assert_eq!(duration_string(3_600_000_000_000), "1h0m0s");
        assert_eq!(duration_string(3_600_000_000_001), "1h0m0.000000001s");
    }
}
