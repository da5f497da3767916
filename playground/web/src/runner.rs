//! A run of the learner's program, finished or still going: the engine's
//! [`Session`] advanced a few milliseconds at a time, so the page never
//! freezes on a program that spins and Stop takes effect at once. Each
//! engine call is bounded by bytecode instructions as well as scheduler
//! steps: the step count adapts to the time calls take, and a step may be
//! a scheduling round or a goroutine's slice of 10,000 instructions, so a
//! count grown on cheap steps could ask for seconds of work. The
//! instruction budget cuts a slice where a call's time is up (the engine
//! resumes it there on the next call, so the run is the same).
//!
//! The playground calls [`Run::slice`] from a zero-delay timeout, renders,
//! and schedules the next slice while the run goes on; between slices the
//! browser handles input. A run the reader stopped keeps the events it made
//! so far, and its session is never advanced again.

use gmp_engine::{Budget, CompileError, Event, Outcome, Program, RunConfig, Session, SourceFile, Span};
use gmp_engine::event::GoId;
use std::cell::RefCell;
use std::rc::Rc;

/// How long one slice advances the engine before the page gets the main
/// thread back, in milliseconds.
pub const SLICE_MS: f64 = 8.0;
/// The first slice when it runs in the task that starts the run (Step, a
/// new GOMAXPROCS or seed), which also compiles the program and draws the
/// run: shorter, so that task stays short too. Run's click leaves its
/// first slice to the next task.
pub const FIRST_SLICE_MS: f64 = 3.0;
/// Scheduler steps asked of the engine at a time, at first and at most:
/// the slice adapts it so one call takes about [`CALL_MS`].
const FIRST_CALL_STEPS: u32 = 64;
const MAX_CALL_STEPS: u32 = 1 << 20;
const CALL_MS: f64 = 1.0;
/// Bytecode instructions one engine call may execute: about [`CALL_MS`]
/// of the VM in the page's wasm (measured in headless Chromium on
/// `ui-bench`'s spinning program: 100,000–112,000 instructions a
/// millisecond of engine calls, on the 2-core machine at load 8), so a
/// call on a spinning goroutine returns on time.
const CALL_INSTRUCTIONS: u64 = 100_000;

/// Why a run ended before the program did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stopped {
    /// The reader pressed Stop.
    ByReader,
    /// The reader edited the program while it ran.
    Edited,
}

/// Where a run is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RunState {
    Running,
    Stopped(Stopped),
    Ended,
}

/// Where the events come from: a session (running, stopped or ended) with
/// the program and settings that can run it again, or a compile error's
/// outcome, which has none.
enum Feed {
    Session(Box<Session>, Rc<(Program, RunConfig)>),
    NotCompiled(Box<Outcome>),
}

/// The longest run whose state the page rebuilds at a position (events):
/// rebuilding runs the program again from its start.
pub const MAX_REBUILT_EVENTS: usize = 200_000;
/// Steps each schedule is followed for when looking for the next choice.
const LOOKAHEAD_STEPS: usize = 200;
/// Why a run's state is not rebuilt at a position.
const TOO_LONG: &str = "This run is too long to rebuild at this position.";
/// Scheduler steps a rebuild may take before it gives up.
const MAX_REBUILD_STEPS: u32 = 2_000_000;

/// A run with the source it ran and its settings.
pub struct Run {
    pub file: SourceFile,
    /// GOMAXPROCS it ran with: the fold starts with that many idle Ps.
    pub procs: u32,
    pub seed: u64,
    feed: Feed,
    stopped: Option<Stopped>,
    /// Scheduler steps per engine call, adapted as the run goes.
    call_steps: u32,
    /// The last state rebuilt: its position, and the goroutine dump and
    /// pinned bytes there.
    rebuilt: RefCell<Option<(usize, Result<Rc<Rebuilt>, &'static str>)>>,
}

/// A run's state rebuilt at a position (see [`Run::goroutine_dump`]),
/// shared by the panels that read it (a dump can be long).
struct Rebuilt {
    /// Go's traceback of every goroutine; `None` once the run has ended.
    dump: Option<String>,
    /// Each goroutine alive then and the bytes its stack keeps reachable.
    pinned: Vec<(GoId, u64)>,
}

impl Run {
    /// Starts a run of `program`; nothing is executed until [`Run::slice`].
    pub fn start(program: &Program, config: &RunConfig, file: SourceFile) -> Run {
        let session = Session::new(program, config);
        Run::with(file, config, Feed::Session(Box::new(session), Rc::new((program.clone(), config.clone()))))
    }

    /// The run of a program that did not compile: ended, no events.
    pub fn not_compiled(err: &CompileError, config: &RunConfig, file: SourceFile) -> Run {
        Run::with(file, config, Feed::NotCompiled(Box::new(err.outcome())))
    }

    fn with(file: SourceFile, config: &RunConfig, feed: Feed) -> Run {
        Run { file, procs: config.procs, seed: config.seed, feed, stopped: None, call_steps: FIRST_CALL_STEPS, rebuilt: RefCell::new(None) }
    }

    pub fn state(&self) -> RunState {
        match (&self.feed, self.stopped) {
            (_, Some(why)) => RunState::Stopped(why),
            (Feed::Session(s, _), None) if s.outcome().is_none() => RunState::Running,
            _ => RunState::Ended,
        }
    }

    pub fn running(&self) -> bool {
        self.state() == RunState::Running
    }

    /// Advances the run for about `ms` milliseconds, or to its end; true
    /// while it still runs.
    pub fn slice(&mut self, ms: f64) -> bool {
        if self.stopped.is_some() {
            return false;
        }
        let Feed::Session(session, _) = &mut self.feed else {
            return false;
        };
        let start = now_ms();
        loop {
            let before = now_ms();
            if session.advance_within(Budget { steps: self.call_steps, instructions: CALL_INSTRUCTIONS }).ended {
                return false;
            }
            let after = now_ms();
            // Aim each call at about CALL_MS so the slice ends near its time.
            if after - before < CALL_MS / 2.0 {
                self.call_steps = (self.call_steps * 2).min(MAX_CALL_STEPS);
            } else if after - before > CALL_MS * 2.0 {
                self.call_steps = (self.call_steps / 2).max(1);
            }
            if after - start >= ms {
                return true;
            }
        }
    }

    /// Ends a running run where it is: its events so far stay.
    pub fn stop(&mut self, why: Stopped) {
        if self.running() {
            self.stopped = Some(why);
        }
    }

    /// The events so far (all of them once the run has ended).
    pub fn events(&self) -> &[Event] {
        match &self.feed {
            Feed::Session(s, _) => s.events(),
            Feed::NotCompiled(o) => &o.events,
        }
    }

    /// What the run produced, once it ended by itself (not when stopped).
    pub fn outcome(&self) -> Option<&Outcome> {
        if self.stopped.is_some() {
            return None;
        }
        match &self.feed {
            Feed::Session(s, _) => s.outcome(),
            Feed::NotCompiled(o) => Some(o),
        }
    }

    /// Go's traceback of every goroutine after the first `pos` events
    /// (`goroutine 7 [chan receive]:`, frames, `created by`), rebuilt by
    /// running the program again to that point (the run is a pure function
    /// of the program and its settings). `Err` says why there is none.
    pub fn goroutine_dump(&self, pos: usize) -> Result<String, &'static str> {
        self.rebuilt(pos)?.dump.clone().ok_or("The run has ended: every goroutine has exited.")
    }

    /// The Go bytes goroutine `g`'s stack keeps reachable after the first
    /// `pos` events (see `Session::pinned_bytes`), from the same rebuild
    /// as the dump; at the run's end, from the leak report.
    pub fn pinned_bytes(&self, pos: usize, g: GoId) -> Result<u64, &'static str> {
        if pos >= self.len()
            && let Some(out) = self.outcome()
        {
            return out.leaks.iter().find(|l| l.goid == g).map(|l| l.pinned_bytes).ok_or("It has exited.");
        }
        self.rebuilt(pos)?.pinned.iter().find(|&&(id, _)| id == g).map(|&(_, b)| b).ok_or("It is not alive then.")
    }

    /// The state after the first `pos` events, rebuilt once per position.
    fn rebuilt(&self, pos: usize) -> Result<Rc<Rebuilt>, &'static str> {
        if let Some((at, r)) = self.rebuilt.borrow().as_ref()
            && *at == pos
        {
            return r.clone();
        }
        let r = self.rebuild(pos);
        *self.rebuilt.borrow_mut() = Some((pos, r.clone()));
        r
    }

    /// The program and settings to run again, to rebuild the run's state
    /// at position `pos`: `Err` says why it cannot be.
    fn replayable(&self, pos: usize) -> Result<&(Program, RunConfig), &'static str> {
        let Feed::Session(_, again) = &self.feed else { return Err("The program did not compile.") };
        if self.running() {
            return Err("Available once the run stops.");
        }
        if pos > MAX_REBUILT_EVENTS {
            return Err(TOO_LONG);
        }
        Ok(again)
    }

    /// The run again, up to position `pos`.
    fn replay_to(&self, pos: usize) -> Result<Session, &'static str> {
        let (program, config) = self.replayable(pos)?;
        match Session::replay_to(program, config, pos, MAX_REBUILD_STEPS) {
            (session, true) => Ok(session),
            (_, false) => Err(TOO_LONG),
        }
    }

    /// Exploration from position `pos`: `schedules` schedules, seeds other
    /// than the run's own (the same for one question).
    fn explore_from(config: &RunConfig, pos: usize, schedules: u32) -> gmp_engine::explore::ExploreConfig {
        gmp_engine::explore::ExploreConfig {
            schedules,
            first_seed: config.seed.wrapping_mul(1_000_003).wrapping_add(pos as u64),
            run: RunConfig { record_events: false, ..config.clone() },
            // The page asks a few dozen schedules per question: random
            // choices and extremes, whose example schedules a chapter's
            // goal is written against. Frequent stalls (`Strategy::Stalls`)
            // are for searches of thousands (`gmp explore`, the grader).
            strategies: vec![gmp_engine::Strategy::Random, gmp_engine::Strategy::Extremes],
            ..Default::default()
        }
    }

    fn rebuild(&self, pos: usize) -> Result<Rc<Rebuilt>, &'static str> {
        if pos == 0 {
            self.replayable(pos)?;
            return Err("No goroutine has run yet.");
        }
        let at = self.replay_to(pos)?;
        Ok(Rc::new(Rebuilt { dump: at.goroutine_dump(), pinned: at.pinned_bytes().unwrap_or_default() }))
    }

    /// The futures of the run from position `pos` (see `futures`):
    /// `schedules` schedules that keep every choice made up to there.
    pub fn futures(&self, pos: usize, schedules: u32) -> Result<gmp_engine::explore::Explored, &'static str> {
        let at = self.replay_to(pos)?;
        let (program, config) = self.replayable(pos)?;
        Ok(gmp_engine::explore::fork(program, config, at.choices_made(), &Run::explore_from(config, pos, schedules)))
    }

    /// The ways the run can go on from position `pos`, in steps a
    /// learner names (see `explore::next_steps`).
    pub fn next_steps(&self, pos: usize, schedules: u32) -> Result<gmp_engine::explore::NextSteps, &'static str> {
        let (program, config) = self.replayable(pos)?;
        // Followed with their events: the steps are read from them.
        let explore = gmp_engine::explore::ExploreConfig { run: config.clone(), ..Run::explore_from(config, pos, schedules) };
        Ok(gmp_engine::explore::next_steps(program, config, pos, &explore, LOOKAHEAD_STEPS))
    }

    pub fn len(&self) -> usize {
        self.events().len()
    }

    /// The virtual time at position `pos`: its last event's (0 before any).
    pub fn time_at(&self, pos: usize) -> u64 {
        pos.checked_sub(1).and_then(|i| self.events().get(i)).map_or(0, |e| e.time_ns)
    }

    /// The virtual time the run reached: its end's, or its last event's.
    pub fn virtual_ns(&self) -> u64 {
        let last = self.events().last().map_or(0, |e| e.time_ns);
        self.outcome().map_or(last, |o| o.virtual_ns.max(last))
    }

    /// `prog.go:14` for a position in the source.
    pub fn line_of(&self, span: Span) -> String {
        format!("{}:{}", self.short_name(), self.file.line_col(span.start).line)
    }

    /// The source line of the latest event among the first `pos` that has
    /// a position: the line the current event happened at, or the last one
    /// before it. What the editor highlights.
    pub fn line_before(&self, pos: usize) -> Option<u32> {
        let events = self.events().get(..pos)?;
        let at = events.iter().rev().find_map(|ev| ev.pos)?;
        Some(self.file.line_col(at.start).line)
    }

    /// The file's name without folders, as the trace prints it.
    pub fn short_name(&self) -> &str {
        self.file.name.rsplit('/').next().unwrap_or(&self.file.name)
    }
}

/// A millisecond clock with sub-millisecond resolution where the browser
/// gives one.
fn now_ms() -> f64 {
    match web_sys::window().and_then(|w| w.performance()) {
        Some(p) => p.now(),
        None => js_sys::Date::now(),
    }
}

/// Virtual nanoseconds as the trace prints them: `1.000010ms`.
pub fn virtual_time(ns: u64) -> String {
    format!("{}.{:06}ms", ns / 1_000_000, ns % 1_000_000)
}
