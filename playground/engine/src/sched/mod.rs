//! The G/M/P scheduler, modelled on Go's `runtime/proc.go` and simulated in
//! virtual time, independent of the VM that executes goroutines.
//!
//! # Design
//!
//! Three kinds of object, named as Go names them:
//!
//! - **G**, a goroutine: a function to run, a stack, a status. Gs are
//!   cheap and many; a dead G is kept on a free list and reused by the next
//!   `go` statement (with a fresh goid).
//! - **M**, a machine: an OS thread. Only an M executes anything. Ms are
//!   created when needed and parked when idle; an M blocked in a system
//!   call keeps its G but nothing else can use the thread meanwhile.
//! - **P**, a processor: the right to execute Go code. There are exactly
//!   GOMAXPROCS of them. An M must hold a P to run a G. Each P owns a local
//!   run queue (a ring of 256 plus a one-G `runnext` slot that a freshly
//!   created or readied G jumps into), a free list of dead Gs and its timers.
//!   A global run queue takes overflow and Gs that yielded.
//!
//! `schedule` on an M finds the next G for its P (`findRunnable`: timers,
//! every 61st tick the global queue for fairness, runnext, the local queue,
//! the global queue, then stealing half of a random victim's queue) and
//! `execute`s it. When a G blocks it parks (`gopark`) and the M schedules
//! again; `goready` puts it back, in the readier's runnext. An M with
//! nothing to do and no work to steal releases its P and sleeps. A system
//! monitor, `sysmon`, runs without a P: it preempts a G that has held its
//! P for 10 ms and takes the P away from an M stuck in a syscall
//! (`handoffp`) so the other Gs keep running.
//!
//! # Simulation
//!
//! Each P has its own virtual clock. The simulation is discrete-event: the
//! actor with the earliest time acts next (a P, an M returning from a
//! syscall, sysmon, a due timer), ties broken by a fixed order, so a run is
//! a pure function of (program, GOMAXPROCS, seed). A G's execution is
//! delegated to a [`Machine`] for a slice of virtual time; what it did at
//! the end (blocked, spawned, yielded...) is applied when that P's clock is
//! again the earliest, so every effect happens at the time it completes and
//! event timestamps never go backwards. When nothing is running, the clock
//! jumps to the next timer; with no timer either, Go's `checkdead` verdict.
//!
//! # Driving it
//!
//! `Sched::new(config)` creates M0, P0 and the main goroutine (goid 1);
//! `Sched::run(&mut machine)` returns the [`Ending`]; `sched.events` holds
//! the stream. A [`Machine`] maps its own stops onto [`Stop`]: a used-up
//! budget is `Continue`, `go f()` is `Newproc` (the child's goid comes
//! back through [`Machine::newproc`]), a runtime operation that blocks is
//! `Park(reason)`, one that wakes others is `Ready`/`ReadyMany`, and so
//! on. Runtime operations should be reported at an instant (`used_ns ==
//! 0`, see [`Machine::run`]). [`script::ScriptMachine`] is a complete
//! example that needs no VM.

pub mod check;
pub mod choice;
pub mod g;
pub mod goidmap;
pub mod m;
pub mod p;
pub mod proc;
pub mod replay;
pub mod runq;
pub mod schedule;
#[cfg(test)]
pub mod script;
pub mod time;
pub mod waitreason;

#[cfg(test)]
mod tests;

pub use crate::event::PutCause;
pub use g::{G, GIdx, GStatus, GoId, MIdx};
pub use goidmap::GoidMap;
pub use m::M;
pub use p::{P, PStatus};
pub use waitreason::WaitReason;
pub use choice::Chooser;

use crate::event::{Event, EventKind};
use crate::span::Span;
use std::collections::{VecDeque};
use rustc_hash::FxHashMap as HashMap;

use std::rc::Rc;

/// What a G did at the end of a [`Machine::run`] call.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Stop {
    /// Used its slice and wants to keep running (the scheduler may preempt).
    Continue,
    /// `runtime.Gosched`: yield to the global run queue.
    Gosched,
    /// `gopark`: block with this reason until someone calls `Ready` on it.
    Park(WaitReason),
    /// `goready`: make the parked G runnable (it goes to this P's runnext);
    /// the current G keeps running.
    Ready(GoId),
    /// `newproc`: a `go` statement at `pos` starting `func`. The scheduler
    /// creates the G and reports its goid via [`Machine::newproc`]; the
    /// current G keeps running.
    Newproc {
        func: Rc<str>,
        pos: Span,
    },
    /// Enter a blocking syscall that returns after `duration_ns`.
    Syscall {
        duration_ns: u64,
    },
    /// `time.Sleep`: park with reason `sleep` on a timer.
    Sleep {
        duration_ns: u64,
    },
    /// `runtime.LockOSThread` / `UnlockOSThread`; the G keeps running.
    LockOSThread,
    UnlockOSThread,
    /// The G's function returned: `goexit0` (for main: the process exits 0).
    Return,
    /// `runtime.Goexit`: the G dies; for main, the process carries on.
    Goexit,
    /// The process ends now with this code (`os.Exit`, fatal panic).
    Exit(i32),
    /// Arm runtime timer `id` to fire `delay_ns` from now, on this P; when
    /// it fires the scheduler asks [`Machine::timer_fired`] what it does.
    /// The G keeps running.
    TimerStart {
        id: u64,
        delay_ns: u64,
    },
    /// Disarm runtime timer `id` if still pending. The G keeps running.
    TimerStop {
        id: u64,
    },
    /// `goready` for several Gs, in this order; each goes to runnext, so
    /// the last runs first. The caller gives Go's order: `closechan`
    /// collects the waiters on a gList (a stack) and readies them from it,
    /// i.e. in reverse order of waiting.
    ReadyMany(Vec<GoId>),
    /// `runtime.GOMAXPROCS(n)` with n >= 1: stop the world, `procresize`,
    /// start the world. The G keeps running (on P0 if its P went away).
    SetGomaxprocs(u32),
    /// The G needs `needed` bytes of stack: `newstack` copies it to a
    /// stack twice as large (repeatedly) via `_Gcopystack`. Keeps running.
    GrowStack {
        needed: u32,
    },
    /// A garbage collection ran (`runtime.GC`, a goroutine leak profile):
    /// the mark phase stamps waiting Gs' `waitsince`, and the leak
    /// detector's verdicts turn these Gs `_Gleaked`. The G keeps running.
    /// (Added by the process module; see `process::leak`.)
    Gc {
        leaked: Vec<GoId>,
    },
    /// A `write(2)` reaches the output now, at the end of the work before
    /// it (and the system call's own time): the Machine held its bytes
    /// since the call ([`Machine::commit_write`]), so another P's write
    /// that happens earlier in virtual time comes first. The G keeps
    /// running.
    Write,
    /// The host's budget of instructions ran out in the middle of the
    /// slice (a page's call into a session): the Machine holds the slice
    /// where it stopped, and the next [`Machine::run`] goes on with it as
    /// if it had never stopped. Nothing is applied; the next scheduler
    /// step makes that call before anything else moves.
    Cut,
}

/// What a runtime timer does when it fires (answer of [`Machine::timer_fired`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TimerAction {
    /// Make this parked G runnable (e.g. a receiver on `time.After`'s channel).
    Ready(GoId),
    /// Start a goroutine (`time.AfterFunc`); `parent` is named as its creator.
    Go { func: Rc<str>, pos: Span, parent: GoId },
    /// Arm the same timer again to fire at `when` (a ticker's next tick).
    Rearm { id: u64, when: u64 },
}

/// The result of one [`Machine::run`] call.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunResult {
    /// Virtual nanoseconds the G executed for (may exceed the slice a little).
    pub used_ns: u64,
    pub stop: Stop,
}

/// Executes goroutines: the VM in the engine, a scripted fake in tests.
pub trait Machine {
    /// Runs G `g` from virtual time `now` for about `slice_ns`.
    ///
    /// Return `Continue` with the time used, or an operation. An operation
    /// returned with `used_ns == 0` is applied at once, at `now`, while this
    /// P's clock is the earliest in the simulation: causality between Ps is
    /// exact. So a Machine should stop *before* an operation once it has
    /// used time (return `Continue`) and report the operation at the start
    /// of the next call. An operation returned after used time is applied
    /// at `now + used_ns`, which is also correct provided the Machine did
    /// not change state other goroutines can see in the meantime.
    ///
    /// `sched` is the scheduler, read-only: for `runtime.NumGoroutine`,
    /// `GOMAXPROCS`, goroutine dumps (`runtime.Stack(buf, true)`).
    /// `chooser` is the scheduler's, lent for the call: every choice the
    /// program makes (`select`, map order, `math/rand`) is drawn from it.
    ///
    /// After a `Cut` the next call is the same call again (same G, same
    /// arguments, the scheduler as it was): it goes on where the slice
    /// stopped and returns what the first would have, or `Cut` again.
    fn run(&mut self, sched: &Sched, chooser: &mut Chooser, g: GoId, now: u64, slice_ns: u64) -> RunResult;
    /// Events the Machine produced during its last call (output, channel
    /// operations...), each with the position of the instruction that
    /// caused it; the scheduler records them right after the call, stamped
    /// with the call's start time.
    fn take_events(&mut self) -> Vec<(EventKind, Option<Span>)> {
        Vec::new()
    }
    /// Puts the write G `g` made in its last call into the output (see
    /// [`Stop::Write`]); its events follow in [`Machine::take_events`].
    fn commit_write(&mut self, _g: GoId) {}
    /// The heap objects G `g` is about to park on (see `EventKind::GoPark`).
    fn waiting_on(&self, g: GoId) -> Vec<u32> {
        let _ = g;
        Vec::new()
    }
    /// Where G `g` stands in the program: the instruction it executed last
    /// (the operation it parked or stopped at), or its function's first
    /// one if it has not started. For [`crate::event::Event::pos`].
    fn position(&self, g: GoId) -> Option<Span> {
        let _ = g;
        None
    }
    /// `parent`'s last `Newproc` (or a timer's `TimerAction::Go`) created G `child`.
    fn newproc(&mut self, parent: GoId, child: GoId);
    /// Whether runtime goroutine `goid` has work the machine runs (the
    /// finalizer goroutine with queued finalizers); otherwise it parks.
    fn runs_system(&self, goid: GoId) -> bool {
        let _ = goid;
        false
    }
    /// Whether runtime timer `id` stands for something outside the
    /// program (a signal the run configuration sends at a virtual time).
    /// Go has no such timer, so it does not keep `checkdead` from
    /// reporting a deadlock.
    fn timer_is_external(&self, id: u64) -> bool {
        let _ = id;
        false
    }
    /// Whether a thread waits for signals (`signal.Notify` was called):
    /// that thread counts as running, so Go's `checkdead` never reports a
    /// deadlock; a program with every goroutine blocked just hangs.
    fn waits_for_signals(&self) -> bool {
        false
    }
    /// Runtime timer `id` fired at `now`: what does it wake or start?
    /// `chooser` is lent as for [`Machine::run`] (a signal's delivery is
    /// a `select`).
    fn timer_fired(&mut self, chooser: &mut Chooser, id: u64, now: u64) -> Vec<TimerAction> {
        let _ = (chooser, id, now);
        Vec::new()
    }
}

/// Scheduler configuration: with the program, this fixes the run.
#[derive(Clone, Debug)]
pub struct Config {
    /// GOMAXPROCS (at least 1).
    pub procs: u32,
    pub seed: u64,
    /// The slice of virtual time handed to the Machine per call.
    pub quantum_ns: u64,
    /// Check the invariants after every event (tests, debug builds). A
    /// check costs time in the number of Gs, so past 1,000 Gs it runs on
    /// every (Gs / 1,000)-th event only, keeping big debug runs usable.
    pub check_invariants: bool,
    /// Record a [`replay::Snapshot`] after every event (tests only: costly).
    pub record_snapshots: bool,
    /// End the run with [`Ending::Limit`] past this many events...
    pub max_events: usize,
    /// ...or this many Machine calls and scheduling rounds (a program that
    /// never ends, like Go's playground timing out).
    pub max_steps: u64,
    /// End the run with [`Ending::Budget`] when a `go` statement would
    /// make more than this many goroutines alive at once...
    pub max_goroutines: u32,
    /// ...or start more than this many in all...
    pub max_goroutines_created: u64,
    /// ...or when the clock would pass this many virtual nanoseconds (a
    /// program that sleeps forever, a step at a time).
    pub max_virtual_ns: u64,
    /// The program imports os (directly or through fmt, log...): Go then
    /// has a finalizer goroutine before main.main starts. See [`Sched::new`].
    pub imports_os: bool,
    /// Seeded jitter with more than one P: each slice of work costs a
    /// little more or less virtual time (as real CPUs run at uneven
    /// speeds) and sysmon's ticks wander, so different seeds explore
    /// different interleavings of the Ps. With one P the run does not
    /// depend on it (the corpus is recorded with GOMAXPROCS=1).
    pub jitter: bool,
    /// The schedule's overridden picks (see [`schedule`]), in increasing
    /// index: the run replays or steers them.
    pub picks: Vec<schedule::Pick>,
    pub strategy: schedule::Strategy,
    /// Log every choice the run makes (see [`choice::Choice`]).
    pub record_choices: bool,
    /// Keep the event stream. The UI and the grader need it; `gmp run`
    /// only prints the program's output, and a 100,000-goroutine program
    /// spends much of its time and memory on 600,000 events nobody reads.
    pub record_events: bool,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            procs: 1,
            seed: 1,
            quantum_ns: 10_000,
            check_invariants: cfg!(debug_assertions),
            record_snapshots: false,
            max_events: 50_000_000,
            max_steps: 200_000_000,
            max_goroutines: 1_000_000,
            max_goroutines_created: 10_000_000,
            max_virtual_ns: 365 * 24 * 3_600_000_000_000,
            imports_os: true,
            jitter: true,
            picks: Vec::new(),
            strategy: schedule::Strategy::Random,
            record_choices: false,
            record_events: true,
        }
    }
}

/// How a run ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ending {
    /// main returned (0), `os.Exit(code)`, or the Machine ended it.
    Exit(i32),
    /// Go's `checkdead` verdict; print `fatal error: ` + [`Ending::fatal_message`].
    Deadlock { main_goexit: bool },
    /// The simulator found itself (or a Machine) inconsistent; a bug, reported
    /// instead of panicking.
    Fault(String),
    /// The run hit a configured limit (events or steps): it would not end.
    Limit(String),
    /// The program used up a budget (goroutines, virtual time): what was
    /// exceeded, and the goroutine whose action did it (0: none known).
    Budget { what: String, goid: GoId },
    /// Every goroutine is blocked and nothing can wake one, but a thread
    /// waits for signals (see [`Machine::waits_for_signals`]): real Go
    /// hangs here instead of reporting a deadlock.
    Hang,
}

impl Ending {
    #[cfg(test)]
    /// The text after `fatal error: `, as Go prints it.
    pub fn fatal_message(&self) -> Option<&'static str> {
        match self {
            Ending::Deadlock { main_goexit: false } => Some("all goroutines are asleep - deadlock!"),
            Ending::Deadlock { main_goexit: true } => Some("no goroutines (main called runtime.Goexit) - deadlock!"),
            _ => None,
        }
    }
}

/// sysmon's own state: it has no P and its own sleep schedule.
#[derive(Clone, Debug, Default)]
pub struct Sysmon {
    /// Parked because nothing runs (Go's sysmon sleeps on `sysmonnote`).
    pub asleep: bool,
    pub next: u64,
    pub delay: u64,
    /// Consecutive ticks that did nothing.
    pub idle: u32,
}

/// The whole scheduler: `sched` plus `allp`, `allm`, `allgs`.
pub struct Sched {
    pub config: Config,
    pub gs: Vec<G>,
    pub ps: Vec<P>,
    pub ms: Vec<M>,
    /// `sched.runq`.
    pub global: VecDeque<GIdx>,
    /// `sched.pidle`: a stack, like Go's list.
    pub pidle: Vec<u32>,
    /// `sched.midle`.
    pub midle: Vec<MIdx>,
    pub nmspinning: u32,
    /// With several Ps, how late after a due timer the M blocked in
    /// `netpoll` returns to run it while another P is busy: `netpoll`
    /// waits in whole milliseconds (`waitms = 1` below one), so a short
    /// timer on a busy P often waits for that P's next `schedule`. Drawn
    /// when a P goes idle.
    pub netpoll_late: u64,
    /// The P whose G the Machine is running (set for each `Machine::run`).
    pub running_p: u32,
    /// `sched.gFree`: dead Gs overflowing the Ps' free lists.
    pub gfree_global: Vec<GIdx>,
    /// `sched.goidgen`: the last goid handed out in a batch.
    pub goidgen: u64,
    /// Goid -> G slot of every G not reused since (dead ones included).
    pub goid_index: GoidMap,
    /// Function names, interned.
    pub funcs: Vec<Rc<str>>,
    func_index: HashMap<Rc<str>, u32>,
    /// The name interned last: a loop of `go` statements passes the same
    /// `Rc` each time, found without hashing the text.
    last_interned: Option<(Rc<str>, u32)>,
    /// Non-dead Gs (`runtime.NumGoroutine`).
    pub ngoroutines: u32,
    /// Goroutines the program started so far (for `max_goroutines_created`).
    pub created: u64,
    /// The global virtual clock: the time of the current action.
    pub now: u64,
    /// The run's one chooser: every open choice, the scheduler's and
    /// (lent to the Machine) the program's. See [`choice`].
    pub chooser: Chooser,
    pub sysmon: Sysmon,
    pub timer_seq: u64,
    pub main_goexited: bool,
    /// The wait reason each runtime goroutine parks with.
    pub system_park: HashMap<GIdx, WaitReason>,
    /// Machine calls plus scheduling rounds so far (for `max_steps`).
    pub steps: u64,
    pub events: Vec<Event>,
    /// The position events emitted now are stamped with (see
    /// [`Event::pos`]); set around each G's operations, only while events
    /// are recorded.
    pub(crate) pos: Option<Span>,
    /// What the G parking now waits on, for its `GoPark` event.
    pub(crate) park_on: Vec<u32>,
    /// Go's `work.tstart`: when the last GC cycle ran (0 before the first).
    gc_tstart: u64,
    /// Events emitted so far, recorded or not.
    pub event_count: usize,
    pub snapshots: Vec<replay::Snapshot>,
    /// Under the priority strategies (`Strategy::Pct`, `Bounded`), each
    /// P's priority (see `Sched::prioritize`); empty otherwise.
    pub prio: Vec<u64>,
    /// Since when (virtual ns) each P has been held back for a
    /// higher-priority one without moving.
    pub held_since: Vec<Option<u64>>,
    /// `Pct`'s change points (`Chooser::pct_changes`), and the decision
    /// points so far.
    pub pct_changes: Vec<(u64, u64)>,
    pub decisions: u64,
    /// The first invariant violation or protocol error; ends the run.
    pub fault: Option<String>,
    /// Set when the run has ended.
    pub ending: Option<Ending>,
    /// A slice the host's instruction budget cut ([`Stop::Cut`]): its P
    /// and its length. The next step runs it on.
    pub cut: Option<(u32, u32)>,
}

impl Sched {
    /// A scheduler with GOMAXPROCS idle Ps, M0 on P0 and the main goroutine
    /// (goid 1, `main.main`) in P0's runnext, as `rt0_go` leaves it.
    pub fn new(config: Config) -> Sched {
        let procs = config.procs.max(1);
        let mut s = Sched {
            chooser: Chooser::with_picks(config.seed, config.strategy, config.picks.clone(), config.record_choices),
            config,
            gs: Vec::new(),
            ps: (0..procs).map(p::P::new).collect(),
            ms: Vec::new(),
            global: VecDeque::new(),
            pidle: Vec::new(),
            midle: Vec::new(),
            nmspinning: 0,
            gfree_global: Vec::new(),
            goidgen: 0,
            goid_index: GoidMap::default(),
            funcs: Vec::new(),
            func_index: HashMap::default(),
            last_interned: None,
            ngoroutines: 0,
            created: 0,
            now: 0,
            sysmon: Sysmon { asleep: true, ..Sysmon::default() },
            timer_seq: 0,
            netpoll_late: 0,
            running_p: 0,
            main_goexited: false,
            steps: 0,
            system_park: HashMap::default(),
            events: Vec::new(),
            pos: None,
            park_on: Vec::new(),
            gc_tstart: 0,
            event_count: 0,
            snapshots: Vec::new(),
            prio: Vec::new(),
            held_since: Vec::new(),
            pct_changes: Vec::new(),
            decisions: 0,
            fault: None,
            ending: None,
            cut: None,
        };
        // The priority strategies rank the Ps first: choices 0 to
        // GOMAXPROCS - 2 of the run.
        if s.config.strategy.prioritized() && s.jittery() {
            if let schedule::Strategy::Pct { depth, steps } = s.config.strategy {
                s.pct_changes = Chooser::pct_changes(s.config.seed, depth, steps);
            }
            s.rank_ps();
        }
        // Ps other than P0 start idle; pidleput pushes, so P1 is taken first.
        for id in (1..procs).rev() {
            s.pidle.push(id);
        }
        let m0 = s.newm();
        s.acquirep(m0, 0);
        let main = s.newproc1(0, Rc::from("main.main"), Span::default(), 0);
        s.runqput(0, main, true, PutCause::Newproc);
        s.execute_main(main);
        // What runtime.main leaves behind when main.main starts, as Go
        // 1.27's GOTRACEBACK=system dumps show it (GOMAXPROCS=1): goroutines
        // 2, 3, 4 (forcegc, bgsweep, bgscavenge) parked, not simulated; 5,
        // the GOMAXPROCS updater, and 6, the finalizer goroutine (created by
        // os's init), runnable: the user's first goroutine is 7 (6 without
        // os). The runnable ones are simulated: they sit in P0's queues,
        // take scheduling ticks and queue slots, then park for good.
        s.ps[0].goidcache = 5;
        s.system_goroutine("runtime.updateMaxProcsGoroutine", WaitReason::UpdateGOMAXPROCSIdle);
        if s.config.imports_os {
            s.system_goroutine("runtime.runFinalizers", WaitReason::FinalizerWait);
        }
        // runtime.main scheduled a few times before main.main: with it,
        // Go 1.27's schedtick%61 fairness check fires where this model
        // does (X yielding behind 200 fresh goroutines runs after 55 of
        // them with os, 56 without; the order of 300 goroutines appending
        // to a slice is Go's, overflow to the global queue included).
        s.ps[0].schedtick = 4;
        // The other Ps' Ms wait in netpoll from the start.
        s.draw_netpoll_late();
        s
    }

    /// A runtime goroutine created by runtime.main (goready'd into
    /// runnext like any `go`): when it first runs it parks with `reason`
    /// and stays parked; NumGoroutine and checkdead ignore it.
    fn system_goroutine(&mut self, func: &str, reason: WaitReason) {
        let g = self.newproc1(1, Rc::from(func), Span::default(), 0);
        self.gs[g as usize].system = true;
        self.system_park.insert(g, reason);
        self.runqput(0, g, true, PutCause::Newproc);
    }

    #[cfg(test)]
    /// `time.Now()` at virtual time `now`: the Go Playground's clock, which
    /// starts at 2009-11-10 23:00:00 UTC. Unix nanoseconds.
    pub fn wall_clock_unix_ns(now: u64) -> i64 {
        time::EPOCH_UNIX_NS.saturating_add(now.min(i64::MAX as u64) as i64)
    }

    pub fn gomaxprocs(&self) -> u32 {
        self.ps.len() as u32
    }

    /// `runtime.NumGoroutine`.
    pub fn num_goroutine(&self) -> u32 {
        self.ngoroutines
    }

    pub fn g_by_id(&self, goid: GoId) -> Option<&G> {
        self.goid_index.get(&goid).and_then(|&i| self.gs.get(i as usize))
    }

    /// How many Ps are not idle (held by an M).
    pub fn busy_ps(&self) -> usize {
        self.ps.len() - self.pidle.len()
    }

    /// The earliest clock among the running Ps other than `p`: where the
    /// next thing another P does happens. Work of `p` that ends before it
    /// cannot be seen out of order.
    pub fn others_earliest(&self, p: u32) -> Option<u64> {
        self.ps.iter().filter(|o| o.id != p && o.status == PStatus::Running).map(|o| o.now).min()
    }

    /// The name of the function G `g` started in.
    pub fn func_name(&self, g: &G) -> &str {
        self.funcs.get(g.start_fn as usize).map(|s| &**s).unwrap_or("?")
    }

    pub(crate) fn intern(&mut self, f: &Rc<str>) -> u32 {
        if let Some((last, i)) = &self.last_interned
            && Rc::ptr_eq(last, f)
        {
            return *i;
        }
        let i = match self.func_index.get(f) {
            Some(&i) => i,
            None => {
                let i = self.funcs.len() as u32;
                self.funcs.push(f.clone());
                self.func_index.insert(f.clone(), i);
                i
            }
        };
        self.last_interned = Some((f.clone(), i));
        i
    }

    pub(crate) fn goid(&self, g: GIdx) -> GoId {
        self.gs.get(g as usize).map(|g| g.goid).unwrap_or(0)
    }

    /// Records an event at the current time, right after the state change
    /// it describes; checks the invariants when configured to.
    // Always inlined: the caller then sees that an event nobody keeps
    // needs neither building nor dropping.
    #[inline(always)]
    pub(crate) fn emit(&mut self, kind: EventKind) {
        self.emit_with(move |_| kind)
    }

    /// [`Sched::emit`], building the event only when something reads it
    /// (the stream, a snapshot, an invariant fault's message): `gmp run`
    /// keeps no events, and a payload with a `Vec` or a name costs an
    /// allocation per goroutine. Counted (for `max_events`) either way.
    #[inline(always)]
    pub(crate) fn emit_with(&mut self, build: impl FnOnce(&Sched) -> EventKind) {
        self.event_count += 1;
        // `gmp run` emits several events per goroutine and reads none: all
        // it pays is the count.
        if self.config.check_invariants || self.config.record_events || self.config.record_snapshots {
            self.keep_event(build);
        }
        if self.event_count >= self.config.max_events && self.ending.is_none() {
            self.ending = Some(Ending::Limit(format!("event budget exceeded: more than {} scheduler events", self.config.max_events)));
        }
    }

    /// The rest of [`Sched::emit_with`] when something reads the events.
    #[inline(never)]
    fn keep_event(&mut self, build: impl FnOnce(&Sched) -> EventKind) {
        let at = self.event_count - 1;
        let stride = (self.gs.len() / 1000).max(1);
        let violated = if self.config.check_invariants
            && self.fault.is_none()
            && self.event_count.is_multiple_of(stride)
        {
            check::check(self).err()
        } else {
            None
        };
        if violated.is_some() || self.config.record_events || self.config.record_snapshots {
            let kind = build(self);
            if let Some(e) = violated {
                self.fault = Some(format!("invariant violated after event {at} ({kind:?}): {e}"));
            }
            if self.config.record_events {
                self.events.push(Event { time_ns: self.now, kind, pos: self.pos });
            }
            if self.config.record_snapshots {
                let snap = self.snapshot();
                self.snapshots.push(snap);
            }
        }
    }

    pub(crate) fn set_fault(&mut self, msg: String) {
        if self.fault.is_none() {
            self.fault = Some(msg);
        }
    }

    /// What a GC cycle does to `waitsince` (mgcmark.go's `markroot`):
    /// every G waiting or in a syscall with no stamp yet gets
    /// `work.tstart`, which `gcMark` sets only after the roots are marked:
    /// the previous cycle's time (0, no stamp, in the first cycle). So a
    /// dump shows `, N minutes` only for a G that two GCs saw waiting.
    pub fn gc_mark_waitsince(&mut self) {
        let tstart = self.gc_tstart;
        for g in &mut self.gs {
            if matches!(g.status, GStatus::Waiting | GStatus::Syscall) && g.waitsince == 0 {
                g.waitsince = tstart;
            }
        }
        self.gc_tstart = self.now;
    }

    /// The goroutine leak detector found `goid` blocked forever:
    /// `_Gwaiting` -> `_Gleaked` (or back, with `leaked == false`).
    pub fn set_leaked(&mut self, goid: GoId, leaked: bool) -> bool {
        let (from, to) = if leaked { (GStatus::Waiting, GStatus::Leaked) } else { (GStatus::Leaked, GStatus::Waiting) };
        let Some(&g) = self.goid_index.get(&goid) else { return false };
        if self.gs[g as usize].status != from || self.gs[g as usize].goid != goid {
            return false;
        }
        self.gs[g as usize].status = to;
        self.emit(EventKind::GoStatus { g: goid, from, to });
        true
    }

    /// The header line of a goroutine in a traceback, as Go's
    /// `goroutineheader` prints it (GOTRACEBACK below `system`):
    /// `goroutine 7 [chan receive, 2 minutes, locked to thread]:`.
    pub fn goroutine_header(&self, goid: GoId) -> Option<String> {
        let g = self.g_by_id(goid)?;
        let mut status = g.status.header_word().to_string();
        if matches!(g.status, GStatus::Waiting | GStatus::Leaked) && g.waitreason != WaitReason::Zero {
            status = g.waitreason.as_str().to_string();
        }
        let mut waitfor = 0;
        if matches!(g.status, GStatus::Waiting | GStatus::Syscall) && g.waitsince != 0 {
            waitfor = self.now.saturating_sub(g.waitsince) / 60_000_000_000;
        }
        let mut out = format!("goroutine {goid} [{status}");
        if g.status == GStatus::Leaked {
            out.push_str(" (leaked)");
        }
        if waitfor >= 1 {
            out.push_str(&format!(", {waitfor} minutes"));
        }
        if g.lockedm.is_some() {
            out.push_str(", locked to thread");
        }
        out.push_str("]:");
        Some(out)
    }

    #[cfg(test)]
    /// Bytes of scheduler memory one G costs: its slot, its goid index
    /// entry and a queue slot (the simulated stack is accounted separately).
    pub fn bytes_per_g() -> usize {
        // The goid index is a table of G slots indexed by goid (GoidMap).
        std::mem::size_of::<G>() + std::mem::size_of::<GIdx>() + std::mem::size_of::<GIdx>()
    }
}
