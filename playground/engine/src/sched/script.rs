//! A scripted fake [`Machine`]: each goroutine runs a list of steps (work
//! for so long, spawn, block on a semaphore, wake, sleep, syscall...). It
//! lets every scheduling behaviour be tested, and demonstrated, without a
//! VM. Semaphores stand in for channels: `Park(reason, s)` blocks until a
//! `Wake(s)` (or takes a token left by an earlier one).

use super::{Chooser, GoId, Machine, RunResult, Sched, Stop, TimerAction, WaitReason};
use crate::event::EventKind;
use crate::span::Span;
use std::collections::{VecDeque};
use rustc_hash::FxHashMap as HashMap;

use std::rc::Rc;

/// One scripted action.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// Execute for this many virtual ns (across slices).
    Work(u64),
    /// Execute forever (never blocks).
    Spin,
    /// `go` a new goroutine running script number `n`.
    Go(usize),
    /// Block on semaphore `s` with this wait reason, unless it has a token.
    Park(WaitReason, u32),
    /// Wake the first G blocked on semaphore `s`, or leave it a token.
    Wake(u32),
    Gosched,
    Sleep(u64),
    Syscall(u64),
    Lock,
    Unlock,
    Goexit,
    Exit(i32),
    /// Record (time, goid, label) in the machine's log; costs nothing.
    Mark(&'static str),
    /// Arm a timer that does `Wake(s)` after `delay` ns (like `time.After`).
    TimerWake(u64, u32),
    /// Arm a timer that starts script `n` after `delay` ns (`time.AfterFunc`).
    AfterFunc(u64, usize),
    /// Stop the last timer this machine armed.
    StopTimer,
    /// Need this many bytes of stack.
    Grow(u32),
    /// Wake every G blocked on semaphore `s` as `close` does: closechan
    /// pushes the waiters on a stack and readies them from it, last first.
    WakeAll(u32),
    /// `runtime.GOMAXPROCS(n)`.
    SetProcs(u32),
    /// Write this text to stdout (an `Output` event).
    Print(&'static str),
    /// Record `runtime.NumGoroutine()` in `counts`.
    CountGoroutines,
}

#[derive(Clone, Debug)]
enum Job {
    Wake(u32),
    Start(usize, GoId),
}

#[derive(Clone, Debug, Default)]
struct GRun {
    script: usize,
    pc: usize,
    /// Work left in the current `Work` step.
    left: Option<u64>,
}

#[derive(Clone, Debug, Default)]
struct Sema {
    tokens: u32,
    waiters: VecDeque<GoId>,
}

/// Runs scripts; script 0 is `main.main`.
#[derive(Clone, Debug, Default)]
pub struct ScriptMachine {
    scripts: Vec<Vec<Step>>,
    gs: HashMap<GoId, GRun>,
    semas: HashMap<u32, Sema>,
    spawning: Option<usize>,
    timers: HashMap<u64, Job>,
    next_timer: u64,
    /// `Mark` steps as (virtual ns, goid, label).
    pub log: Vec<(u64, GoId, &'static str)>,
    /// What each `CountGoroutines` step saw.
    pub counts: Vec<u32>,
    out: Vec<EventKind>,
}

impl ScriptMachine {
    pub fn new(scripts: Vec<Vec<Step>>) -> ScriptMachine {
        ScriptMachine { scripts, ..ScriptMachine::default() }
    }

    /// The labels logged, in order.
    pub fn labels(&self) -> Vec<&'static str> {
        self.log.iter().map(|l| l.2).collect()
    }

    /// When `label` was first logged.
    pub fn time_of(&self, label: &str) -> Option<u64> {
        self.log.iter().find(|l| l.2 == label).map(|l| l.0)
    }
}

impl Machine for ScriptMachine {
    fn run(&mut self, sched: &Sched, _chooser: &mut Chooser, g: GoId, now: u64, slice_ns: u64) -> RunResult {
        let mut used = 0u64;
        loop {
            let run = self.gs.entry(g).or_default();
            let Some(step) = self.scripts.get(run.script).and_then(|s| s.get(run.pc)).cloned() else {
                return RunResult { used_ns: used, stop: Stop::Return };
            };
            // An operation happens at an instant: after some work, return
            // first so the scheduler performs it when this P's clock is the
            // earliest (exact causality between Ps).
            let is_op =
                !matches!(step, Step::Work(_) | Step::Spin | Step::Mark(_) | Step::Print(_) | Step::CountGoroutines);
            if is_op && used > 0 {
                return RunResult { used_ns: used, stop: Stop::Continue };
            }
            let stop = match step {
                Step::Work(n) => {
                    let left = run.left.unwrap_or(n);
                    let take = left.min(slice_ns.saturating_sub(used));
                    used += take;
                    if left - take == 0 {
                        run.left = None;
                        run.pc += 1;
                        continue;
                    }
                    run.left = Some(left - take);
                    return RunResult { used_ns: used, stop: Stop::Continue };
                }
                Step::Spin => return RunResult { used_ns: slice_ns.max(1), stop: Stop::Continue },
                Step::Print(text) => {
                    run.pc += 1;
                    self.out.push(EventKind::Output { fd: 1, text: text.to_string() });
                    continue;
                }
                Step::CountGoroutines => {
                    run.pc += 1;
                    self.counts.push(sched.num_goroutine());
                    continue;
                }
                Step::Mark(l) => {
                    run.pc += 1;
                    self.log.push((now + used, g, l));
                    continue;
                }
                Step::Go(n) => {
                    run.pc += 1;
                    self.spawning = Some(n);
                    Stop::Newproc { func: Rc::from(format!("main.script{n}")), pos: Span::new(n, n + 1) }
                }
                Step::Park(reason, s) => {
                    run.pc += 1;
                    let sema = self.semas.entry(s).or_default();
                    if sema.tokens > 0 {
                        sema.tokens -= 1;
                        continue;
                    }
                    sema.waiters.push_back(g);
                    Stop::Park(reason)
                }
                Step::Wake(s) => {
                    run.pc += 1;
                    let sema = self.semas.entry(s).or_default();
                    match sema.waiters.pop_front() {
                        Some(w) => Stop::Ready(w),
                        None => {
                            sema.tokens += 1;
                            continue;
                        }
                    }
                }
                Step::Gosched => {
                    run.pc += 1;
                    Stop::Gosched
                }
                Step::Sleep(d) => {
                    run.pc += 1;
                    Stop::Sleep { duration_ns: d }
                }
                Step::Syscall(d) => {
                    run.pc += 1;
                    Stop::Syscall { duration_ns: d }
                }
                Step::Lock => {
                    run.pc += 1;
                    Stop::LockOSThread
                }
                Step::Unlock => {
                    run.pc += 1;
                    Stop::UnlockOSThread
                }
                Step::Goexit => {
                    run.pc = usize::MAX;
                    Stop::Goexit
                }
                Step::Exit(c) => {
                    run.pc = usize::MAX;
                    Stop::Exit(c)
                }
                Step::TimerWake(delay, s) => {
                    run.pc += 1;
                    self.next_timer += 1;
                    self.timers.insert(self.next_timer, Job::Wake(s));
                    Stop::TimerStart { id: self.next_timer, delay_ns: delay }
                }
                Step::AfterFunc(delay, n) => {
                    run.pc += 1;
                    self.next_timer += 1;
                    self.timers.insert(self.next_timer, Job::Start(n, g));
                    Stop::TimerStart { id: self.next_timer, delay_ns: delay }
                }
                Step::StopTimer => {
                    run.pc += 1;
                    self.timers.remove(&self.next_timer);
                    Stop::TimerStop { id: self.next_timer }
                }
                Step::WakeAll(s) => {
                    run.pc += 1;
                    let sema = self.semas.entry(s).or_default();
                    let all: Vec<GoId> = sema.waiters.drain(..).rev().collect();
                    if all.is_empty() {
                        continue;
                    }
                    Stop::ReadyMany(all)
                }
                Step::SetProcs(n) => {
                    run.pc += 1;
                    Stop::SetGomaxprocs(n)
                }
                Step::Grow(needed) => {
                    run.pc += 1;
                    Stop::GrowStack { needed }
                }
            };
            return RunResult { used_ns: used, stop };
        }
    }

    fn take_events(&mut self) -> Vec<(EventKind, Option<crate::span::Span>)> {
        std::mem::take(&mut self.out).into_iter().map(|k| (k, None)).collect()
    }

    fn timer_fired(&mut self, _chooser: &mut Chooser, id: u64, _now: u64) -> Vec<TimerAction> {
        match self.timers.remove(&id) {
            Some(Job::Wake(s)) => {
                let sema = self.semas.entry(s).or_default();
                match sema.waiters.pop_front() {
                    Some(w) => vec![TimerAction::Ready(w)],
                    None => {
                        sema.tokens += 1;
                        vec![]
                    }
                }
            }
            Some(Job::Start(n, parent)) => {
                self.spawning = Some(n);
                vec![TimerAction::Go { func: Rc::from("time.goFunc"), pos: Span::default(), parent }]
            }
            None => vec![],
        }
    }

    fn newproc(&mut self, _parent: GoId, child: GoId) {
        let script = self.spawning.take().unwrap_or(0);
        self.gs.insert(child, GRun { script, pc: 0, left: None });
    }
}
