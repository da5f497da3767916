//! The `os/signal` requests ([`id`], the `Signal` server of
//! `runtime::request`) and the finalizer goroutine.
//!
//! Finalizers (`runtime/mfinal.go`): the heap queues the finalizers of
//! objects a collection found unreachable (`Heap::finalizer_queue`). The
//! finalizer goroutine (`runtime.runFinalizers`, goroutine 6 when the
//! program imports os) is one of the scheduler's runtime goroutines,
//! parked with `finalizer wait`. Like Go's `wakefing`, the first machine
//! call after a collection queued work readies it (into the P's runnext);
//! when it runs it calls the queued finalizers one after the other, each
//! on a fresh VM state, then parks again with `finalizer wait`.
//!
//! Signals (`os/signal`): `Notify` registers a channel for signal
//! numbers; a signal the program sends itself (`syscall.Kill(os.Getpid(),
//! s)`, `p.Signal(s)`) is delivered at once with Go's non-blocking send to
//! every channel registered for it (`signal.go`'s `process`: a full
//! channel drops the signal). An ignored signal is dropped; one nobody
//! listens for takes its default action: the process dies of it, silently,
//! with exit status 128+n as a shell reports it (see [`default_action`]).
//! Signals from outside (`ProcessConfig::signals`: a number at a virtual
//! time) are runtime timers with ids from [`SIGNAL_TIMER_BASE`], armed on
//! the first machine call and delivered as above when they fire.
//! The run's first `Notify` starts Go's two goroutines, taking their ids:
//! `runtime.ensureSigM`'s (a handshake: the caller blocks until it
//! answers; here it then exits, where Go's stays parked, uncounted) and
//! `os/signal.loop` (parked for good, counted by `NumGoroutine`).
//! `signal.NotifyContext` is Go's, library Go over `Notify` and `context`.
//!
//! Contract of [`dispatch`]: as the packages' servers' (`stdlib::services`).

use super::crash;
use super::machine::{GInfo, VmMachine};
use super::chan::{SelCase, SelectOutcome};
use crate::heap::Obj;
use crate::sched::{GoId, Sched, Stop, WaitReason};
use crate::value::{Handle, Value};

/// Runtime timer ids of configured signals: this base + their index.
pub const SIGNAL_TIMER_BASE: u64 = 1 << 62;

pub(crate) use crate::runtime::request::signal as id;

/// The finalizer goroutine's and signals' state in the machine.
#[derive(Debug, Default)]
pub struct MiscState {
    /// The finalizer goroutine, once found.
    pub fing: Option<GoId>,
    /// The goroutine in `runtime.GC()` that queued finalizers: it yields
    /// once the finalizer goroutine is readied (Go's `GC` sweeps with
    /// `Gosched` between spans, which lets the finalizers run).
    pub gc_yield: Option<GoId>,
    /// `signal.Notify` registrations: channel -> signal numbers (empty: all).
    pub notify: Vec<(Handle, Vec<i64>)>,
    /// Configured signals (virtual ns, number) and how many are armed.
    pub scheduled: Vec<(u64, i32)>,
    pub armed: usize,
    /// `signal.Ignore`d numbers.
    pub ignored: Vec<i64>,
    /// `signal.Notify` was called: Go's signal-watching thread now exists
    /// for good (even after `signal.Stop`), so no deadlock is reported.
    pub watching: bool,
    /// What goroutines still have to do in `Notify`
    /// (served one per machine call through `SIGNAL_STEP`).
    pub steps: rustc_hash::FxHashMap<GoId, std::collections::VecDeque<SigStep>>,
    /// The `Notify` waiting for the ensureSigM goroutine's answer, or
    /// whether that goroutine answered first.
    pub sigm_waiter: Option<GoId>,
    pub sigm_answered: bool,
}

/// One step of `Notify` that needs the scheduler.
#[derive(Debug, Clone)]
pub enum SigStep {
    /// Start a goroutine running bytecode function `func` on `args`;
    /// `creator` is the Go function that says `go`.
    Go { func: &'static str, args: Vec<Value>, creator: &'static str },
    /// Block until the ensureSigM goroutine answers (`enableSigChan <- sig;
    /// <-maskUpdatedChan` in `sigenable`).
    WaitSigM,
}

/// Serves `os/signal` request `sid` ([`id`]) of goroutine `goid`.
pub fn dispatch(m: &mut VmMachine, sched: &Sched, goid: GoId, sid: u32, args: &[Value]) -> Option<Stop> {
    let a0 = args.first().copied().unwrap_or(Value::Nil);
    let ints = signal_numbers;
    match sid {
        id::SIGNAL_NOTIFY => {
            let Value::Chan(h) = a0 else {
                // Go: panic("os/signal: Notify using nil channel").
                return Some(m.go_panic(sched, goid, "os/signal: Notify using nil channel"));
            };
            let sigs = ints(m, args.get(1).copied().unwrap_or(Value::Nil));
            if notify(m, h, sigs) {
                return start_watching(m, goid, Vec::new());
            }
        }
        id::SIGNAL_STOP => {
            if let Value::Chan(h) = a0 {
                m.misc.notify.retain(|(c, _)| *c != h);
            }
        }
        id::SIGNAL_IGNORE | id::SIGNAL_RESET => {
            let sigs = ints(m, a0);
            for (_, list) in m.misc.notify.iter_mut() {
                if sigs.is_empty() {
                    list.clear();
                    list.push(-1);
                } else {
                    list.retain(|s| !sigs.contains(s));
                    if list.is_empty() {
                        list.push(-1);
                    }
                }
            }
            if sid == id::SIGNAL_IGNORE {
                m.misc.ignored.extend(sigs);
            } else if sigs.is_empty() {
                m.misc.ignored.clear();
            } else {
                m.misc.ignored.retain(|s| !sigs.contains(s));
            }
        }
        id::SIGNAL_IGNORED => {
            let n = signal_number(m, a0);
            let r = m.misc.ignored.contains(&n);
            m.push(goid, &[Value::Bool(r)]);
        }
        id::SIGNAL_RAISE => return raise(m, sched, goid, a0),
        id::SIGNAL_STEP => return next_step(m, goid),
        id::SIGNAL_SIGM => match m.misc.sigm_waiter.take() {
            Some(w) => return Some(Stop::Ready(w)),
            None => m.misc.sigm_answered = true,
        },
        // Go's loop sits in a blocking syscall (a dump says `[syscall]`);
        // a park that nothing ends is the nearest this model has.
        id::SIGNAL_RECV => return Some(Stop::Park(WaitReason::IOWait)),
        _ => return Some(m.unknown_request(sid)),
    }
    None
}

/// `Notify`'s registration of channel `h` for `sigs` (empty: all); true
/// if this is the run's first, which starts the signal goroutines.
fn notify(m: &mut VmMachine, h: Handle, sigs: Vec<i64>) -> bool {
    let first = !m.misc.watching;
    m.misc.watching = true;
    for s in &sigs {
        m.misc.ignored.retain(|x| x != s);
    }
    match m.misc.notify.iter_mut().find(|(c, _)| *c == h) {
        Some((_, old)) if !old.is_empty() && !sigs.is_empty() => old.extend(sigs),
        Some((_, old)) => old.clear(),
        None => m.misc.notify.push((h, sigs)),
    }
    first
}

/// The first `Notify` of a run, as Go's: `enableSignal` starts the
/// ensureSigM goroutine and waits for its answer, then `Notify` starts
/// `watchSignalLoop`; `then` are the caller's own steps after that.
fn start_watching(m: &mut VmMachine, goid: GoId, then: Vec<SigStep>) -> Option<Stop> {
    let mut steps: std::collections::VecDeque<SigStep> = std::collections::VecDeque::from([
        SigStep::Go { func: crate::stdlib::os::signal::runtime_goroutines::SIGM_FUNC, args: Vec::new(), creator: "runtime.ensureSigM" },
        SigStep::WaitSigM,
        SigStep::Go { func: crate::stdlib::os::signal::runtime_goroutines::LOOP_FUNC, args: Vec::new(), creator: "os/signal.Notify.func2.1" },
    ]);
    steps.extend(then);
    m.misc.steps.insert(goid, steps);
    next_step(m, goid)
}


/// Serves goroutine `goid`'s next step; the one after is its next request.
fn next_step(m: &mut VmMachine, goid: GoId) -> Option<Stop> {
    loop {
        let steps = m.misc.steps.get_mut(&goid)?;
        let Some(step) = steps.pop_front() else {
            m.misc.steps.remove(&goid);
            return None;
        };
        let more = !steps.is_empty();
        if !more {
            m.misc.steps.remove(&goid);
        }
        let stop = match step {
            SigStep::WaitSigM if m.misc.sigm_answered => {
                m.misc.sigm_answered = false;
                None
            }
            SigStep::WaitSigM => {
                m.misc.sigm_waiter = Some(goid);
                Some(Stop::Park(WaitReason::ChanSend))
            }
            SigStep::Go { func, args, creator } => match m.vm.program().funcs.iter().position(|f| f.name == func) {
                Some(f) => {
                    let creator = super::machine::Creator { func: std::rc::Rc::from(creator), goid, line: 0, wrap: None };
                    m.spawning = Some((Value::Func(f as u32), args, creator));
                    Some(Stop::Newproc { func: std::rc::Rc::from(func), pos: crate::span::Span::default() })
                }
                None => None,
            },
        };
        match stop {
            Some(s) => {
                if more && let Some(g) = m.gs.get_mut(&goid) {
                    g.pending = Some(crate::vm::Syscall::Sys { id: id::SIGNAL_STEP, args: Vec::new() });
                }
                return Some(s);
            }
            None if more => continue,
            None => return None,
        }
    }
}

/// The numbers of a `[]os.Signal`.
fn signal_numbers(m: &VmMachine, v: Value) -> Vec<i64> {
    match v {
        Value::Slice { obj, off, len, .. } => m.vm.heap.elems(obj, off as usize, len as usize).iter().map(|x| signal_number(m, *x)).collect(),
        _ => Vec::new(),
    }
}

/// The number of a signal argument (`syscall.Signal` is an int, possibly
/// boxed in an `os.Signal` interface).
fn signal_number(m: &VmMachine, v: Value) -> i64 {
    match v {
        Value::Iface { obj, .. } => m.vm.heap.cell(obj).int(),
        Value::Int(n) => n,
        _ => 0,
    }
}

/// Delivers signal `sig` to the process now: a non-blocking send to every
/// channel registered for it; nobody registered and not ignored: Go's
/// default action (the process dies of it).
fn raise(m: &mut VmMachine, _sched: &Sched, goid: GoId, sig: Value) -> Option<Stop> {
    // `syscall.Kill` and `(*os.Process).Signal` return a nil error.
    m.push(goid, &[Value::Nil]);
    let n = signal_number(m, sig);
    deliver(m, goid, n)
}

/// Delivers signal `n` (see [`raise`]); `goid` is the sender, for events.
fn deliver(m: &mut VmMachine, goid: GoId, n: i64) -> Option<Stop> {
    if m.misc.ignored.contains(&n) {
        return None;
    }
    let targets: Vec<Handle> = m.misc.notify.iter().filter(|(_, l)| l.is_empty() || l.contains(&n)).map(|(c, _)| *c).collect();
    if targets.is_empty() {
        return default_action(m, n);
    }
    let tid = m.vm.program().types.iter().position(|t| t.name == "syscall.Signal").map_or(crate::rtype::T_INT, |i| i as u32);
    let mut ready = Vec::new();
    for c in targets {
        let Ok(cell) = m.vm.heap.alloc(Obj::Cell(Value::Int(n)), 16) else { continue };
        let v = Value::Iface { tid, obj: cell };
        // signal.go's process(): `select { case c <- sig: default: }`.
        let gs = &m.gs;
        let vm_of = |g: GoId| gs.get(&g).and_then(GInfo::vm_index);
        let cases = [SelCase { send: true, c: Value::Chan(c), v }];
        if let SelectOutcome::Done(_, Some(g)) = m.chans.select(&mut m.vm, goid, true, &cases, &vm_of) {
            if let Some(o) = m.gs.get_mut(&g) {
                o.blocked_on.clear();
            }
            ready.push(g);
        }
    }
    match ready.len() {
        0 => None,
        1 => Some(Stop::Ready(ready[0])),
        _ => Some(Stop::ReadyMany(ready)),
    }
}

/// Go's default action for an unhandled signal: SIGINT, SIGTERM and the
/// like kill the process; the exit status a shell reports is 128+n, but a
/// Go parent (`exec.Cmd`) sees "signal: interrupt". The engine exits with
/// 128+n and prints nothing (Go's runtime prints nothing either).
fn default_action(m: &mut VmMachine, n: i64) -> Option<Stop> {
    match n {
        // SIGURG, SIGCHLD, SIGWINCH: ignored by default.
        23 | 17 | 28 => None,
        _ => {
            let _ = m;
            Some(Stop::Exit((128 + n) as i32))
        }
    }
}

// ---- the finalizer goroutine ---------------------------------------------------

/// The finalizer goroutine of this run, if the runtime has one.
fn fing(m: &mut VmMachine, sched: &Sched) -> Option<GoId> {
    if m.misc.fing.is_none() {
        m.misc.fing = (2..=8).find(|&id| sched.g_by_id(id).is_some_and(|g| g.goid == id && g.system && sched.func_name(g) == "runtime.runFinalizers"));
    }
    m.misc.fing
}

/// Called at the start of every machine call for `goid`: readies the
/// finalizer goroutine when finalizers are queued and it is parked
/// (`wakefing`), or, for the finalizer goroutine itself, starts the next
/// finalizer (or parks it when none is left).
/// `runtime.GC()` by `goid` just collected (see `MiscState::gc_yield`).
pub fn after_gc(m: &mut VmMachine, goid: GoId) {
    if !m.vm.heap.finalizer_queue.is_empty() {
        m.misc.gc_yield = Some(goid);
    }
}

pub fn before_run(m: &mut VmMachine, sched: &Sched, goid: GoId) -> Option<Stop> {
    if let Some(&(at, _)) = m.misc.scheduled.get(m.misc.armed) {
        let id = SIGNAL_TIMER_BASE + m.misc.armed as u64;
        m.misc.armed += 1;
        return Some(Stop::TimerStart { id, delay_ns: at.saturating_sub(sched.now) });
    }
    if m.misc.gc_yield == Some(goid) {
        let f = fing(m, sched);
        let parked = f.and_then(|f| sched.g_by_id(f)).is_some_and(|g| Some(g.goid) == f && g.status == crate::sched::GStatus::Waiting);
        if parked && !m.vm.heap.finalizer_queue.is_empty() {
            return f.map(Stop::Ready);
        }
        m.misc.gc_yield = None;
        return Some(Stop::Gosched);
    }
    if m.vm.heap.finalizer_queue.is_empty() && m.misc.fing.is_none_or(|f| f != goid) {
        return None;
    }
    let f = fing(m, sched)?;
    if goid != f {
        let parked = sched.g_by_id(f).is_some_and(|g| g.goid == f && g.status == crate::sched::GStatus::Waiting);
        return if parked { Some(Stop::Ready(f)) } else { None };
    }
    if m.gs.contains_key(&f) {
        return None;
    }
    let Some(fin) = m.vm.heap.finalizer_queue.pop_front() else { return Some(Stop::Park(WaitReason::FinalizerWait)) };
    match m.vm.spawn(fin.func, &[fin.ptr]) {
        Ok(i) => {
            m.gs.insert(f, GInfo { vm: Some(i as u32), creator: None, pending: None, blocked_on: Vec::new(), work_left: 0, must_panic: false, op_debt: 0 });
            None
        }
        Err(fatal) => Some(m.die(crash::Crash { text: fatal.message, exit_code: 2, goid: f, kind: crash::CrashKind::Fatal })),
    }
}

/// Whether the machine runs runtime goroutine `goid` (the finalizer
/// goroutine with work) instead of letting the scheduler park it.
pub fn runs_system(m: &VmMachine, goid: GoId) -> bool {
    m.misc.fing == Some(goid) && (m.gs.contains_key(&goid) || !m.vm.heap.finalizer_queue.is_empty())
}

/// The finalizer goroutine finished one finalizer: `Some(stop)` for it
/// (the next finalizer, or park), `None` if `goid` is another goroutine.
pub fn finalizer_returned(m: &mut VmMachine, goid: GoId) -> Option<Stop> {
    if m.misc.fing != Some(goid) {
        return None;
    }
    if let Some(i) = m.gs.remove(&goid).and_then(|g| g.vm) {
        m.vm.release(i as usize);
    }
    Some(if m.vm.heap.finalizer_queue.is_empty() { Stop::Park(WaitReason::FinalizerWait) } else { Stop::Continue })
}

/// A configured signal's timer fired: deliver it. `None` if `id` is not
/// one of this module's timers.
pub fn timer_fired(m: &mut VmMachine, id: u64) -> Option<Vec<crate::sched::TimerAction>> {
    use crate::sched::TimerAction;
    let i = id.checked_sub(SIGNAL_TIMER_BASE)? as usize;
    let &(_, n) = m.misc.scheduled.get(i)?;
    // Nobody is asking for results: deliver as if sent by goroutine 0.
    let stop = deliver(m, 0, n as i64);
    Some(match stop {
        Some(Stop::Ready(g)) => vec![TimerAction::Ready(g)],
        Some(Stop::ReadyMany(gs)) => gs.into_iter().map(TimerAction::Ready).collect(),
        Some(Stop::Exit(code)) => {
            // The default action: the process dies; a runtime goroutine is
            // started so that a machine call applies the exit even when
            // every goroutine is blocked.
            m.die(crash::Crash { text: String::new(), exit_code: code, goid: 1, kind: crash::CrashKind::Fatal });
            vec![TimerAction::Go { func: std::rc::Rc::from("os/signal.loop"), pos: crate::span::Span::default(), parent: 1 }]
        }
        _ => Vec::new(),
    })
}

