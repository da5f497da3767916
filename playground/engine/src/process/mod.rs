//! A process: the VM and the G/M/P scheduler joined, running a program's
//! `main` goroutine to its end under GOMAXPROCS Ps and a seed, and what Go
//! prints when it ends.
//!
//! [`Process::new`] makes the VM, the scheduler (M0, P0, goroutine 1 on
//! the program's entry function) and the runtime objects;
//! [`Process::run`] drives [`sched::Sched::run`] with the VM as its
//! [`Machine`](crate::sched::Machine) ([`machine`]) and turns the
//! scheduler's ending into Go's text and exit code ([`crash`]):
//!
//! | ending | stderr | exit |
//! |---|---|---|
//! | main returns | nothing (leaks in [`ProcessOutcome::leaks`]) | 0 |
//! | `os.Exit(n)` | nothing (deferred calls do not run) | n |
//! | unrecovered panic in any goroutine | `panic: ...`, its trace | 2 |
//! | fatal error (`sync: unlock of unlocked mutex`, stack overflow) | `fatal error: ...`, its trace | 2 |
//! | every goroutine blocked | `fatal error: all goroutines are asleep - deadlock!`, every trace | 2 |
//! | main called `Goexit`, the rest exited | `fatal error: no goroutines (main called runtime.Goexit) - deadlock!` | 2 |
//!
//! Runtime operations reach the process as `Op::Sys` requests. Which part
//! of the process serves an id is one table, `runtime::request`: each
//! `Server` owns a range of ids that no other overlaps, and the machine
//! routes a request with one `match` on `server_of` to its server's
//! dispatcher — channels and `select` ([`chan`]), the runtime, pprof and
//! the simulator package (served in [`machine`]), `os/signal` and the
//! finalizer goroutine ([`sys_misc`]); the packages that block serve
//! their own (`stdlib::sync::serve`, `stdlib::time::timers`,
//! `stdlib::context::tree`, `stdlib::errgroup::serve`), with the machine
//! lent to them as `stdlib::services::Services` ([`services`]). Each
//! server's ids are a module of the table; an id that no server claims,
//! or that its server does not know, ends the run as an internal error.
//! Goroutine dumps are in [`dump`], leak reports in [`leak`].
//!
//! `lib::run` runs every program here: package initialisation then
//! `main.main` on goroutine 1 ([`run_steps`]), with `RunConfig`'s seed,
//! GOMAXPROCS and limits, invariant checks off (they stay on in the
//! process and scheduler tests). `imports_os`: whether the program links
//! `os` (directly or through `fmt`, `log`...; goroutine numbering depends
//! on it). `out.leaks` / `out.leak_text` carry the goroutines main left
//! behind for the UI.

pub mod crash;
pub mod dump;
pub mod gtable;
pub mod leak;
pub mod chan;
pub mod machine;
mod runtime_requests;
mod services;
pub mod sys_misc;
#[cfg(test)]
mod runtime_tests;
#[cfg(test)]
mod tests;

use crate::event::{Event, EventKind};
use crate::sched::{self, Ending, GStatus, GoId, Sched};
use crate::value::Value;
use crate::vm::{Bytecode, Vm, VmConfig};
use crash::{Crash, CrashKind};
use leak::LeakedGoroutine;
use machine::{GInfo, VmMachine};
use std::rc::Rc;

/// The inputs that, with the program, fix a run.
#[derive(Clone, Debug)]
pub struct ProcessConfig {
    /// GOMAXPROCS.
    pub procs: u32,
    pub seed: u64,
    /// The program imports `os` (directly or through fmt, log...): Go
    /// then runs a finalizer goroutine, so the first user goroutine is 7,
    /// not 6 (see `sched::Sched::new`).
    pub imports_os: bool,
    /// Check the scheduler's invariants after every event.
    pub check_invariants: bool,
    /// Record a replay snapshot after every event (tests).
    pub record_snapshots: bool,
    /// Scheduler steps before the run is cut off as endless.
    pub max_steps: u64,
    pub max_events: usize,
    /// The goroutine and virtual time budgets (see `sched::Config`).
    pub max_goroutines: u32,
    pub max_goroutines_created: u64,
    pub max_virtual_ns: u64,
    /// The VM's limits (instruction budget, heap). Its `seed` is not
    /// used: the VM draws from the scheduler's chooser, seeded by `seed`.
    pub vm: VmConfig,
    /// Signals sent to the process from outside: (virtual ns, signal
    /// number, e.g. 2 for SIGINT, 15 for SIGTERM), delivered as the
    /// program's `os/signal` registrations say (`sys_misc`).
    pub signals: Vec<(u64, i32)>,
    /// Keep the event stream (see `sched::Config::record_events`).
    pub record_events: bool,
    /// Free the process's memory when the run ends; false when the host
    /// process exits right after (see `RunConfig::free_at_exit`).
    pub free_at_exit: bool,
    /// The schedule's overridden picks and whether to log every choice
    /// (see `sched::Config`).
    pub picks: Vec<sched::schedule::Pick>,
    pub strategy: sched::schedule::Strategy,
    pub record_choices: bool,
    /// Run with the race detector (`-race`).
    pub race: bool,
    /// Watch for lost updates (see `runtime::lost_update`).
    pub lost_updates: bool,
}

impl Default for ProcessConfig {
    fn default() -> ProcessConfig {
        let s = sched::Config::default();
        ProcessConfig {
            procs: 1,
            seed: 1,
            imports_os: true,
            check_invariants: s.check_invariants,
            record_snapshots: false,
            max_steps: s.max_steps,
            max_events: s.max_events,
            max_goroutines: s.max_goroutines,
            max_goroutines_created: s.max_goroutines_created,
            max_virtual_ns: s.max_virtual_ns,
            vm: VmConfig::default(),
            signals: Vec::new(),
            record_events: true,
            free_at_exit: true,
            picks: Vec::new(),
            strategy: sched::schedule::Strategy::Random,
            record_choices: false,
            race: false,
            lost_updates: false,
        }
    }
}

impl ProcessConfig {
    /// The configuration of a `gmp run`: GOMAXPROCS, seed, and whether the
    /// program imports `os`; the rest as by default.
    pub fn for_run(seed: u64, procs: u32, imports_os: bool) -> ProcessConfig {
        ProcessConfig { seed, procs: procs.max(1), imports_os, ..ProcessConfig::default() }
    }
}

/// Why the run ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EndReason {
    /// `main.main` returned.
    MainReturned,
    /// `os.Exit(code)`.
    Exit(i32),
    /// An unrecovered panic in this goroutine.
    Panic(sched::GoId),
    /// A fatal error: deadlock, `sync` misuse, stack overflow...
    Fatal,
    /// The run hit a limit (events, steps): a program that never ends.
    Limit(String),
    /// The engine found itself inconsistent: a bug, reported.
    Internal(String),
    /// The program did not compile ([`crate::run_source`] only): it never ran.
    CompileError,
}

/// Everything a finished run produced.
#[derive(Clone, Debug)]
pub struct ProcessOutcome {
    pub stdout: String,
    pub stderr: String,
    pub exit_code: i32,
    pub events: Vec<Event>,
    pub end: EndReason,
    /// Goroutines alive when main returned or `os.Exit` ran (Go kills
    /// them silently), for the UI.
    pub leaks: Vec<LeakedGoroutine>,
    /// The engine's own text for `leaks` (empty if none); not Go's output,
    /// so not part of `stderr`.
    pub leak_text: String,
    /// Virtual time at the end, in nanoseconds.
    pub virtual_ns: u64,
    /// How many choices the run made, and each one if logged.
    pub choice_count: u64,
    pub choices: Vec<sched::choice::Choice>,
    /// The data races `-race` reported.
    pub races: Vec<crate::vm::race::DataRace>,
    /// The lost updates found, when watched.
    pub lost_updates: Vec<crate::vm::race::LostUpdate>,
    /// Replay snapshots (when configured; the process tests compare them
    /// with the fold of the events).
    #[cfg_attr(not(test), allow(dead_code))]
    pub snapshots: Vec<sched::replay::Snapshot>,
}

/// A program loaded into a VM and a scheduler, ready to run.
pub struct Process {
    pub sched: Sched,
    pub machine: VmMachine,
}

impl Process {
    #[cfg(test)]
    /// Goroutine 1 will call the program's entry function.
    pub fn new(prog: Rc<Bytecode>, cfg: &ProcessConfig) -> Result<Process, Crash> {
        let entry = prog.entry;
        Process::with_steps(prog, &[entry], cfg)
    }

    /// Goroutine 1 will call `steps` one after the other (package
    /// initialisation, `init` functions, then `main.main`, as the
    /// compiler's `EntryPoints` lists them); the process ends when the
    /// last returns. Goroutines started by an earlier step keep running.
    pub fn with_steps(prog: Rc<Bytecode>, steps: &[u32], cfg: &ProcessConfig) -> Result<Process, Crash> {
        let vmcfg = cfg.vm.clone();
        let entry = steps.first().copied().unwrap_or(prog.entry);
        let mut vm = Vm::new(prog, vmcfg).map_err(|f| Crash { text: f.message, exit_code: 2, goid: 1, kind: CrashKind::Fatal })?;
        let main = vm.spawn(Value::Func(entry), &[]).map_err(|f| Crash { text: f.message, exit_code: 2, goid: 1, kind: CrashKind::Fatal })?;
        if cfg.race {
            vm.enable_race();
        }
        if cfg.lost_updates {
            vm.watch_lost_updates();
        }
        let mut machine = VmMachine::new(vm);
        machine.record_events = cfg.record_events;
        machine.main_steps = steps.iter().skip(1).copied().collect();
        machine.misc.scheduled = cfg.signals.clone();
        machine.gs.insert(1, GInfo { vm: Some(main as u32), creator: None, pending: None, blocked_on: Vec::new(), work_left: 0, must_panic: false, op_debt: 0 });
        let sched = Sched::new(sched::Config {
            procs: cfg.procs.max(1),
            seed: cfg.seed,
            check_invariants: cfg.check_invariants,
            record_snapshots: cfg.record_snapshots,
            max_steps: cfg.max_steps,
            max_events: cfg.max_events,
            max_goroutines: cfg.max_goroutines,
            max_goroutines_created: cfg.max_goroutines_created,
            max_virtual_ns: cfg.max_virtual_ns,
            imports_os: cfg.imports_os,
            record_events: cfg.record_events,
            picks: cfg.picks.clone(),
            strategy: cfg.strategy,
            record_choices: cfg.record_choices,
            ..sched::Config::default()
        });
        Ok(Process { sched, machine })
    }

    /// Runs to the end and reports as Go would.
    pub fn run(mut self) -> ProcessOutcome {
        self.finish()
    }

    /// Runs up to `steps` moves of the simulation (see `Sched::step`),
    /// stopping once the VM has executed `instructions` bytecode
    /// instructions, in the middle of a goroutine's slice if need be (the
    /// next move resumes it there: `Stop::Cut`). Gives whether the run has
    /// ended, the moves taken and the instructions executed.
    pub fn advance_within(&mut self, steps: u32, instructions: u64) -> (bool, u32, u64) {
        self.machine.host_budget = instructions;
        let mut taken = 0;
        let mut ended = false;
        while taken < steps && self.machine.host_budget > 0 {
            taken += 1;
            if self.sched.step(&mut self.machine).is_some() {
                ended = true;
                break;
            }
        }
        let executed = instructions - self.machine.host_budget;
        self.machine.host_budget = u64::MAX;
        (ended, taken, executed)
    }

    /// Every user goroutine's stack as Go prints it (see
    /// [`dump::all_goroutines`]).
    pub fn goroutine_dump(&self) -> String {
        dump::all_goroutines(&self.machine, &self.sched)
    }

    /// Each goroutine of the program alive now, with the Go bytes its
    /// stack keeps reachable (`leak::pinned_bytes`), in creation order.
    pub fn pinned_bytes(&self) -> Vec<(GoId, u64)> {
        self.sched.gs.iter().filter(|g| !g.system && g.status != GStatus::Dead).map(|g| (g.goid, leak::pinned_bytes(&self.machine, g.goid))).collect()
    }

    /// How many choices the run has made so far.
    pub fn choices_made(&self) -> u64 {
        self.sched.chooser.count()
    }

    /// The choices made so far, when the run logs them.
    pub fn choices(&self) -> &[sched::choice::Choice] {
        self.sched.chooser.logged()
    }

    /// The events recorded so far.
    pub fn events(&self) -> &[Event] {
        &self.sched.events
    }

    /// Runs to the end (if it has not ended) and reports what the run
    /// produced.
    pub fn finish(&mut self) -> ProcessOutcome {
        let ending = self.sched.run(&mut self.machine);
        self.outcome(ending)
    }

    fn outcome(&mut self, ending: Ending) -> ProcessOutcome {
        let m = &mut self.machine;
        let mut leaks = Vec::new();
        let (end, code) = match (&m.crash, ending) {
            (Some(c), Ending::Exit(_)) => {
                let end = match c.kind {
                    CrashKind::Panic => EndReason::Panic(c.goid),
                    CrashKind::Fatal => EndReason::Fatal,
                    CrashKind::Internal => EndReason::Internal(c.text.clone()),
                    CrashKind::Budget => EndReason::Limit(crash::budget_message(&c.text)),
                };
                (end, c.exit_code)
            }
            (None, Ending::Exit(code)) => {
                leaks = leak::report(m, &self.sched);
                let main_alive = self.sched.g_by_id(1).is_some_and(|g| g.goid == 1 && g.status != sched::GStatus::Dead);
                let main_returned = code == 0 && main_alive && !m.gs.contains_key(&1);
                // `racefini` at an exit with status 0 (runtime_beforeExit).
                let races = m.vm.races_found();
                let code = if code == 0 && races > 0 {
                    m.write_stderr(&format!("Found {races} data race(s)\n"));
                    66
                } else {
                    code
                };
                (if main_returned { EndReason::MainReturned } else { EndReason::Exit(code) }, code)
            }
            (_, Ending::Deadlock { main_goexit }) => {
                let c = crash::deadlock(m, &self.sched, main_goexit);
                m.write_stderr(&c.text);
                (EndReason::Fatal, 2)
            }
            (_, Ending::Fault(msg)) => {
                let c = crash::internal(&msg);
                m.write_stderr(&c.text);
                (EndReason::Internal(msg), 2)
            }
            (_, Ending::Hang) => {
                let msg = "every goroutine is blocked and nothing can wake one";
                m.write_stderr(&format!(
                    "gmp: the run was stopped: {msg}. Real Go would hang here rather than report a deadlock: \
                     after signal.Notify a thread waits for signals (send one with --signal).\n"
                ));
                (EndReason::Limit(msg.into()), 2)
            }
            (_, Ending::Budget { what, goid }) => {
                let c = crash::budget(m, &self.sched, goid, &what, None);
                m.write_stderr(&c.text);
                (EndReason::Limit(crash::budget_message(&c.text)), 2)
            }
            (_, Ending::Limit(msg)) => {
                m.write_stderr(&format!("gmp: the run was stopped: {msg} (does the program ever end?)\n"));
                (EndReason::Limit(msg), 2)
            }
        };
        let mut events = std::mem::take(&mut self.sched.events);
        let now = self.sched.now;
        for (kind, pos) in m.take_pending_events() {
            events.push(Event { time_ns: now, kind, pos });
        }
        events.push(Event { time_ns: now, kind: EventKind::Exit { code }, pos: None });
        let leak_text = leak::render(&leaks, m.vm.program());
        ProcessOutcome {
            stdout: String::from_utf8_lossy(&m.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&m.stderr).into_owned(),
            exit_code: code,
            events,
            end,
            leaks,
            leak_text,
            virtual_ns: now,
            choice_count: self.sched.chooser.count(),
            choices: self.sched.chooser.take_log(),
            races: self.machine.vm.race_reports(),
            lost_updates: self.machine.vm.lost_updates().to_vec(),
            snapshots: std::mem::take(&mut self.sched.snapshots),
        }
    }
}

#[cfg(test)]
/// Runs `prog` from its entry function to its end: the whole process in
/// one call.
pub fn run(prog: Rc<Bytecode>, cfg: &ProcessConfig) -> ProcessOutcome {
    let entry = prog.entry;
    run_steps(prog, &[entry], cfg)
}

/// Runs `steps` on goroutine 1 in order (see [`Process::with_steps`]).
pub fn run_steps(prog: Rc<Bytecode>, steps: &[u32], cfg: &ProcessConfig) -> ProcessOutcome {
    match Process::with_steps(prog, steps, cfg) {
        Ok(mut p) if !cfg.free_at_exit => {
            let out = p.finish();
            // The host process exits next: the OS takes the memory back at
            // once, freeing 100,000 goroutines' records one by one does not.
            std::mem::forget(p);
            out
        }
        Ok(p) => p.run(),
        Err(c) => ProcessOutcome::not_started(c),
    }
}

impl ProcessOutcome {
    /// A process that could not start (its first goroutine could not be
    /// made): the crash is all it printed.
    pub fn not_started(c: Crash) -> ProcessOutcome {
        ProcessOutcome {
            stdout: String::new(),
            stderr: c.text.clone(),
            exit_code: c.exit_code,
            events: vec![
                Event { time_ns: 0, kind: EventKind::Output { fd: 2, text: c.text }, pos: None },
                Event { time_ns: 0, kind: EventKind::Exit { code: c.exit_code }, pos: None },
            ],
            end: EndReason::Fatal,
            leaks: Vec::new(),
            leak_text: String::new(),
            virtual_ns: 0,
            choice_count: 0,
            choices: Vec::new(),
            races: Vec::new(),
            lost_updates: Vec::new(),
            snapshots: Vec::new(),
        }
    }
}
