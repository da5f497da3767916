//! The engine of the Goroutine Lifecycle Workbook.
//!
//! Source text goes in; a run comes out: the program's output, its exit code
//! and the stream of [`event::Event`]s that the UI animates and the grader
//! checks. The pipeline, one module per stage:
//!
//! ```text
//! source ─lexer→ tokens ─parser→ AST ─check→ types ─compile→ bytecode ─vm+scheduler→ events
//! ```
//!
//! Architecture invariants:
//! - The engine does no IO and depends on nothing web: no `web-sys`, no
//!   `wasm-bindgen`, no files, no clock. It compiles natively and to wasm32.
//! - The front end never panics on any input: it returns diagnostics.
//! - A run is a pure function of (program, GOMAXPROCS, seed).

// The API is what a UI, a CLI and a grader need: compile a program, run
// it, read the outcome and its event stream. Everything else is internal.
pub mod event;
pub mod explore;
pub mod golden;

pub(crate) mod ast;
pub(crate) mod check;
pub(crate) mod chunk;
pub(crate) mod compile;
pub(crate) mod constant;
pub(crate) mod diag;
pub(crate) mod format;
pub(crate) mod heap;
pub(crate) mod lexer;
pub(crate) mod parser;
pub(crate) mod process;
pub(crate) mod rtype;
pub(crate) mod runtime;
pub(crate) mod sched;
pub(crate) mod span;
pub(crate) mod stack;
pub(crate) mod stdlib;
pub(crate) mod token;
pub(crate) mod types;
pub(crate) mod universe;
pub(crate) mod value;
pub(crate) mod vm;

pub use diag::Diagnostic;
pub use event::{Event, EventKind};
pub use process::EndReason;
pub use process::leak::LeakedGoroutine;
pub use runtime::Creator;
/// Folding the event stream into the state at any position of a run: what
/// a UI shows when it steps forward or back.
pub use sched::replay;
pub use sched::choice::{Choice, ChoiceKind};
pub use sched::schedule::{MAX_PCT_DEPTH, MAX_PROCS, PRIORITY_BASE, Pick, Schedule, ScheduleError, Strategy};
pub use span::{LineCol, SourceFile, Span};
pub use vm::TraceFrame;
pub use vm::race::{DataRace, LostUpdate, MAX_LOST_UPDATES, RaceAccess};

/// How to run a program: the inputs that, with the program, fix the run.
#[derive(Clone, Debug)]
pub struct RunConfig {
    /// Drives every choice Go leaves open (select, map order, stealing...).
    pub seed: u64,
    /// GOMAXPROCS: the number of Ps.
    pub procs: u32,
    /// Instructions the whole run may execute; past it the run ends with a
    /// message, so an infinite loop cannot hang the page.
    pub instr_limit: u64,
    /// Bytes the program's heap may hold; past it the run ends with Go's
    /// `fatal error: runtime: out of memory` and the budget's size. All
    /// goroutines' stacks together may hold as much again.
    pub heap_budget: u64,
    /// Goroutines alive at once: a `go` statement past it ends the run
    /// (`gmp: the run was stopped: goroutine budget exceeded: ...`), so a
    /// goroutine bomb cannot take the host's memory.
    pub goroutine_budget: u32,
    /// Goroutines started over the whole run, ended the same way.
    pub goroutines_created_budget: u64,
    /// Bytes the program may write to stdout and stderr together: past it
    /// the rest is dropped and the run ends (`output budget exceeded`).
    pub output_budget: u64,
    /// Bytes the files of the run's in-memory file system (package `os`)
    /// may hold together: past it the run ends (`file system budget
    /// exceeded`). The files live and die with the run.
    pub fs_budget: u64,
    /// The command line's arguments after the program's name: `os.Args[1:]`
    /// (`os.Args[0]` is the Go Playground's `/tmpfs/play`).
    pub args: Vec<String>,
    /// What the program reads from `os.Stdin` (empty: it reads EOF at once).
    pub stdin: Vec<u8>,
    /// Scheduler events the run may emit (recorded or not): each costs
    /// time, and memory when [`RunConfig::record_events`] keeps them.
    /// Past it the run ends (`event budget exceeded`).
    pub event_budget: usize,
    /// Machine calls plus scheduling rounds the run may take (a program
    /// that never ends but never runs long either, yielding for ever).
    pub step_budget: u64,
    /// Virtual nanoseconds the run may last: a clock that would pass it
    /// (a program sleeping forever, an hour at a time) ends the run
    /// (`virtual time budget exceeded`).
    pub time_budget_ns: u64,
    /// Signals sent to the process from outside, as (virtual nanoseconds
    /// since the start, signal number): `(2_000_000_000, 2)` is a Ctrl-C
    /// two seconds in. A program that never asked for the signal dies of
    /// it, as a real one does.
    pub signals: Vec<(u64, i32)>,
    /// Keep the scheduler's event stream in [`Outcome::events`]. The UI
    /// and the grader need it; a terminal run that only prints output can
    /// save the time and memory (600,000 events for 100,000 goroutines).
    pub record_events: bool,
    /// Free the run's memory when it ends. A command-line run whose
    /// process exits right after leaves that to the OS: tearing down
    /// 100,000 goroutines' states one by one costs a few milliseconds.
    pub free_at_exit: bool,
    /// Check the scheduler's invariants as the run goes (every event, or
    /// every (goroutines / 1,000)-th in big runs). A broken invariant ends
    /// the run with an internal error instead of a wrong answer. The tests
    /// run with it; the page and `gmp run` need not pay for it.
    pub check_invariants: bool,
    /// Picks that override what `seed` would choose, in increasing choice
    /// index: a steered or replayed schedule (see [`Schedule`]).
    pub picks: Vec<Pick>,
    /// How the seed's draws become the hardware's choices.
    pub strategy: Strategy,
    /// Keep every choice the run makes in [`Outcome::choices`] (the
    /// choice points a UI or an explorer can fork at).
    pub record_choices: bool,
    /// Go's `-race`: report every pair of unsynchronised conflicting
    /// accesses as Go's race detector prints it, and exit with status 66
    /// at the end of a run that found any and would have exited 0.
    pub race: bool,
    /// Watch every load and store for lost updates ([`LostUpdate`]: a
    /// goroutine writes back a value computed from a read of the same
    /// location that another goroutine's write has made stale), listed in
    /// [`Outcome::lost_updates`] and [`Session::lost_updates`]. It prints
    /// nothing and changes nothing in the run; a run without it (or
    /// `race`) executes no instruction of the watch.
    pub lost_updates: bool,
}

impl RunConfig {
    /// The configuration that replays `schedule` (other settings as by
    /// default).
    pub fn from_schedule(schedule: &Schedule) -> RunConfig {
        RunConfig::default().with_schedule(schedule)
    }

    /// This configuration with `schedule`'s GOMAXPROCS, seed, strategy and
    /// picks: every field a schedule fixes, so nothing of it can be left out.
    pub fn with_schedule(self, schedule: &Schedule) -> RunConfig {
        let Schedule { procs, seed, strategy, picks } = schedule.clone();
        RunConfig { procs, seed, strategy, picks, ..self }
    }

    /// The schedule of a run with this configuration: its token replays it.
    pub fn schedule(&self) -> Schedule {
        Schedule { procs: self.procs.max(1), seed: self.seed, strategy: self.strategy, picks: self.picks.clone() }
    }
}

impl Default for RunConfig {
    fn default() -> RunConfig {
        RunConfig {
            seed: 1,
            procs: 1,
            instr_limit: 2_000_000_000,
            heap_budget: 512 << 20,
            goroutine_budget: 1_000_000,
            goroutines_created_budget: 10_000_000,
            output_budget: 64 << 20,
            fs_budget: 32 << 20,
            args: Vec::new(),
            stdin: Vec::new(),
            time_budget_ns: 365 * 24 * 3_600_000_000_000,
            event_budget: 50_000_000,
            step_budget: 200_000_000,
            signals: Vec::new(),
            record_events: true,
            free_at_exit: true,
            check_invariants: false,
            picks: Vec::new(),
            strategy: Strategy::Random,
            record_choices: false,
            race: false,
            lost_updates: false,
        }
    }
}

/// A program that compiled, ready to run any number of times.
#[derive(Clone, Debug)]
pub struct Program {
    file: SourceFile,
    /// Whether it links package `os` (directly or through `fmt`, `log`...):
    /// Go then runs a finalizer goroutine, which shifts the ids of the
    /// program's goroutines by one.
    links_os: bool,
    /// The compiled bytecode and the functions a run calls.
    code: vm::Bytecode,
    entry: compile::EntryPoints,
}

impl Program {
    /// The source it was compiled from.
    pub fn file(&self) -> &SourceFile {
        &self.file
    }

}

/// Why a program did not compile: diagnostics sorted by position.
#[derive(Clone, Debug)]
pub struct CompileError {
    pub file: SourceFile,
    pub diagnostics: Vec<Diagnostic>,
}

impl CompileError {
    /// The go tool's report. Normally a `# command-line-arguments` header,
    /// then one `./prog.go:line:col: message` line per diagnostic, cut off
    /// after 10 with `too many errors` at the tenth's position, as the
    /// compiler does. A broken package clause or import is rejected by the
    /// go command before the compiler runs: one line, no header, and the
    /// file named as given.
    pub fn render(&self) -> String {
        const MAX_ERRORS: usize = 10;
        if let Some(first) = self.diagnostics.first().filter(|d| parser::is_go_command_error(d)) {
            if first.message == parser::GO_COMMAND_NUL {
                return format!("go: reading {}: {}\n", self.file.name, first.message);
            }
            let lc = self.file.line_col(first.span.start);
            return format!("{}:{}:{}: {}\n", self.file.name, lc.line, lc.col, first.message);
        }
        let mut out = String::from("# command-line-arguments\n");
        for d in self.diagnostics.iter().take(MAX_ERRORS) {
            out.push_str(&d.render(&self.file));
            out.push('\n');
        }
        if self.diagnostics.len() > MAX_ERRORS {
            let tenth = &self.diagnostics[MAX_ERRORS - 1];
            out.push_str(&Diagnostic::new(tenth.span, "too many errors").render(&self.file));
            out.push('\n');
        }
        out
    }

    /// The run that did not happen, as the go tool reports it: the report
    /// on stderr, exit code 1, no events.
    pub fn outcome(&self) -> Outcome {
        Outcome {
            end: EndReason::CompileError,
            stdout: String::new(),
            stderr: self.render(),
            exit_code: 1,
            events: Vec::new(),
            leaks: Vec::new(),
            leak_report: String::new(),
            virtual_ns: 0,
            choice_count: 0,
            choices: Vec::new(),
            races: Vec::new(),
            lost_updates: Vec::new(),
        }
    }
}

/// Everything a finished run produced.
#[derive(Clone, Debug)]
pub struct Outcome {
    /// Why the run ended: main returned, `os.Exit`, a panic, a fatal
    /// error, a budget, or (from [`run_source`]) a compile error.
    pub end: EndReason,
    pub stdout: String,
    pub stderr: String,
    /// Go's exit code: 0; 1 for a compile error; 2 for an unrecovered
    /// panic or fatal error; N for `os.Exit(N)`.
    pub exit_code: i32,
    pub events: Vec<Event>,
    /// Goroutines still alive when the program ended, with what they wait
    /// for, since when, their stack, their creator and the bytes they keep
    /// reachable. Go prints nothing about them; the workbook shows them.
    pub leaks: Vec<LeakedGoroutine>,
    /// The same, as text (the engine's own format, not Go's).
    pub leak_report: String,
    /// Virtual time when the run ended, in nanoseconds.
    pub virtual_ns: u64,
    /// How many open choices the run made.
    pub choice_count: u64,
    /// Each of them, when [`RunConfig::record_choices`] asked.
    pub choices: Vec<Choice>,
    /// The data races the race detector reported ([`RunConfig::race`]),
    /// each with both accesses' positions, for a UI to mark them.
    pub races: Vec<DataRace>,
    /// The lost updates found ([`RunConfig::lost_updates`]), distinct, in
    /// the order they happened, at most [`MAX_LOST_UPDATES`].
    pub lost_updates: Vec<LostUpdate>,
}

/// Compiles one Go source file.
pub fn compile(file_name: &str, source: &str) -> Result<Program, CompileError> {
    compile_file(SourceFile::new(file_name, source))
}

/// Compiles one Go source file given as bytes, as read from disk: bytes
/// that are not UTF-8 get Go's diagnostics (`invalid UTF-8 encoding` at
/// their line and column, or the go command's `illegal UTF-8 encoding` in
/// the package clause and imports). In the report a byte that is not UTF-8
/// and that Go would echo (in a name, say) reads as U+FFFD, which is what
/// a terminal shows for Go's raw byte.
pub fn compile_bytes(file_name: &str, source: &[u8]) -> Result<Program, CompileError> {
    compile_file(SourceFile::from_bytes(file_name, source))
}

/// The front end, on a stack deep enough for [`stack::MAX_DEPTH`] levels
/// of nesting. The syntax tree stays there: dropping a deep tree recurses
/// too.
fn compile_file(file: SourceFile) -> Result<Program, CompileError> {
    stack::on_front_end_stack(|| front_end(file.clone()))
}

pub(crate) fn front_end(file: SourceFile) -> Result<Program, CompileError> {
    let (ast, mut diagnostics) = parser::parse_file(&file);
    // Syntax errors stop here, as in Go. So does syntax outside the subset
    // (nesting too deep to check): type-checking it would only add
    // confusing follow-on errors to the one diagnostic that matters.
    let unsupported = diagnostics.iter().any(|d| d.message.starts_with("unsupported:"));
    if unsupported || parser::stops_before_type_check(&diagnostics) {
        diag::sort_and_dedup(&mut diagnostics);
        return Err(CompileError { file, diagnostics });
    }
    // Other parse errors are reported together with the type errors.
    let (checked, check_diags) = check::check_file(&ast, &file);
    let mut diagnostics = check::merge_diagnostics(diagnostics, check_diags);
    if !diagnostics.is_empty() {
        diag::sort_and_dedup(&mut diagnostics);
        return Err(CompileError { file, diagnostics });
    }
    match compile::compile(&file, &ast, &checked) {
        Ok((code, entry)) => {
            let paths: Vec<Vec<u8>> = ast.imports.iter().filter_map(|i| lexer::decode_string(&i.path.text).ok()).collect();
            let links_os = stdlib::links_os(paths.iter().filter_map(|p| std::str::from_utf8(p).ok()));
            Ok(Program { file, links_os, code, entry })
        }
        Err(diagnostics) => Err(CompileError { file, diagnostics }),
    }
}

/// Runs a compiled program to its end on the G/M/P scheduler: package
/// initialisation then `main.main` on goroutine 1, GOMAXPROCS `procs`,
/// every open choice drawn from `seed`.
pub fn run(program: &Program, config: &RunConfig) -> Outcome {
    let (steps, cfg) = process_config(program, config);
    outcome_of(process::run_steps(std::rc::Rc::new(program.code.clone()), &steps, &cfg))
}

/// A run that advances a bounded number of scheduler steps and bytecode
/// instructions at a time ([`Session::advance_within`]), so that a page
/// never freezes on a program that spins, and shows its events as they
/// come. Advanced to its end, in calls of any size, it is exactly
/// [`run`]'s run.
pub struct Session {
    state: SessionState,
}

/// How much one [`Session::advance_within`] call may do: scheduler steps
/// and bytecode instructions, whichever runs out first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Budget {
    pub steps: u32,
    pub instructions: u64,
}

/// What one [`Session::advance_within`] call did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Advanced {
    /// The run has ended.
    pub ended: bool,
    /// Scheduler steps taken (a step resumed after a cut counts again).
    pub steps: u32,
    /// Bytecode instructions the VM executed.
    pub instructions: u64,
}

enum SessionState {
    Running(Box<process::Process>),
    /// The run ended (or could not start).
    Ended(Box<Outcome>),
}

impl Session {
    pub fn new(program: &Program, config: &RunConfig) -> Session {
        let (steps, cfg) = process_config(program, config);
        let state = match process::Process::with_steps(std::rc::Rc::new(program.code.clone()), &steps, &cfg) {
            Ok(p) => SessionState::Running(Box::new(p)),
            Err(c) => SessionState::Ended(Box::new(outcome_of(process::ProcessOutcome::not_started(c)))),
        };
        Session { state }
    }

    /// Runs up to `steps` moves of the scheduler (a slice of a goroutine,
    /// a scheduling round, a timer...); true once the run has ended.
    pub fn advance(&mut self, steps: u32) -> bool {
        self.advance_within(Budget { steps, instructions: u64::MAX }).ended
    }

    /// Runs up to `budget.steps` moves of the scheduler and up to
    /// `budget.instructions` bytecode instructions, whichever runs out
    /// first: a call's time is bounded even while a goroutine spins
    /// through its slice. The budget may cut a slice anywhere; the next
    /// call goes on from that instruction, so the run is the same
    /// whatever the budgets (its events, output, choices and times).
    pub fn advance_within(&mut self, budget: Budget) -> Advanced {
        let (ended, steps, instructions) = match &mut self.state {
            SessionState::Running(p) => p.advance_within(budget.steps, budget.instructions),
            SessionState::Ended(_) => return Advanced { ended: true, steps: 0, instructions: 0 },
        };
        if ended && let SessionState::Running(p) = &mut self.state {
            self.state = SessionState::Ended(Box::new(outcome_of(p.finish())));
        }
        Advanced { ended, steps, instructions }
    }

    /// The events so far (all of them once the run has ended).
    pub fn events(&self) -> &[Event] {
        match &self.state {
            SessionState::Running(p) => p.events(),
            SessionState::Ended(o) => &o.events,
        }
    }

    /// Every goroutine's stack now, as Go prints a traceback of all
    /// goroutines (`goroutine 7 [chan receive]:`, its frames with their
    /// lines, `created by`): the state after the events so far. `None`
    /// once the run has ended.
    pub fn goroutine_dump(&self) -> Option<String> {
        match &self.state {
            SessionState::Running(p) => Some(p.goroutine_dump()),
            SessionState::Ended(_) => None,
        }
    }

    /// Each of the program's goroutines alive now, with the bytes of Go
    /// values its stack keeps reachable (what a leak of it would pin; as
    /// [`LeakedGoroutine::pinned_bytes`] at main's return). `None` once
    /// the run has ended.
    pub fn pinned_bytes(&self) -> Option<Vec<(event::GoId, u64)>> {
        match &self.state {
            SessionState::Running(p) => Some(p.pinned_bytes()),
            SessionState::Ended(_) => None,
        }
    }

    /// Starts the run over and advances it until it has at least `n`
    /// events (or has ended, or `max_steps` scheduler steps went by): the
    /// state at an earlier position of the same run, which is a pure
    /// function of the program and the configuration. `false` if it
    /// stopped on `max_steps`.
    pub fn replay_to(program: &Program, config: &RunConfig, n: usize, max_steps: u32) -> (Session, bool) {
        let mut s = Session::new(program, config);
        for _ in 0..max_steps {
            if s.events().len() >= n || s.advance(1) {
                return (s, true);
            }
        }
        let done = s.events().len() >= n || s.outcome().is_some();
        (s, done)
    }

    /// How many choices the run has made so far (all of them once ended):
    /// a schedule that keeps these first choices replays the run up to
    /// here, and may differ after (see [`explore::fork`]).
    pub fn choices_made(&self) -> u64 {
        match &self.state {
            SessionState::Running(p) => p.choices_made(),
            SessionState::Ended(o) => o.choice_count,
        }
    }

    /// The choices made so far, when [`RunConfig::record_choices`] asked
    /// (all of them once ended).
    pub fn choices(&self) -> &[Choice] {
        match &self.state {
            SessionState::Running(p) => p.choices(),
            SessionState::Ended(o) => &o.choices,
        }
    }

    /// The lost updates found so far, when [`RunConfig::lost_updates`]
    /// asked (all of them once ended): what a page reads to say a goal
    /// was reached while the run goes on.
    pub fn lost_updates(&self) -> &[LostUpdate] {
        match &self.state {
            SessionState::Running(p) => p.machine.vm.lost_updates(),
            SessionState::Ended(o) => &o.lost_updates,
        }
    }

    /// What the run produced, once it has ended.
    pub fn outcome(&self) -> Option<&Outcome> {
        match &self.state {
            SessionState::Running(_) => None,
            SessionState::Ended(o) => Some(o),
        }
    }

    /// Runs to the end and gives the outcome.
    pub fn into_outcome(self) -> Outcome {
        match self.state {
            SessionState::Running(mut p) => outcome_of(p.finish()),
            SessionState::Ended(o) => *o,
        }
    }
}

/// The process's configuration of a run, and the functions goroutine 1
/// calls in turn.
fn process_config(program: &Program, config: &RunConfig) -> (Vec<u32>, process::ProcessConfig) {
    let mut steps = vec![program.entry.init];
    steps.extend(program.entry.inits.iter().copied());
    steps.extend(program.entry.main);
    let mut cfg = process::ProcessConfig::for_run(config.seed, config.procs, program.links_os);
    cfg.vm.instr_limit = config.instr_limit;
    cfg.vm.heap_budget = config.heap_budget;
    cfg.vm.output_budget = config.output_budget;
    cfg.vm.fs_budget = config.fs_budget;
    cfg.vm.args = config.args.clone();
    cfg.vm.stdin = config.stdin.clone();
    cfg.max_goroutines = config.goroutine_budget;
    cfg.max_goroutines_created = config.goroutines_created_budget;
    cfg.max_virtual_ns = config.time_budget_ns;
    cfg.max_events = config.event_budget;
    cfg.max_steps = config.step_budget;
    cfg.signals = config.signals.clone();
    cfg.record_events = config.record_events;
    cfg.free_at_exit = config.free_at_exit;
    cfg.check_invariants = config.check_invariants;
    cfg.picks = config.picks.clone();
    cfg.strategy = config.strategy;
    cfg.record_choices = config.record_choices;
    cfg.race = config.race;
    cfg.lost_updates = config.lost_updates;
    (steps, cfg)
}

fn outcome_of(out: process::ProcessOutcome) -> Outcome {
    Outcome {
        end: out.end,
        stdout: out.stdout,
        stderr: out.stderr,
        exit_code: out.exit_code,
        events: out.events,
        leaks: out.leaks,
        leak_report: out.leak_text,
        virtual_ns: out.virtual_ns,
        choice_count: out.choice_count,
        choices: out.choices,
        races: out.races,
        lost_updates: out.lost_updates,
    }
}

/// Compiles and runs, folding a compile error into the outcome as the go
/// tool would report it (on stderr, exit code 1).
pub fn run_source(file_name: &str, source: &str, config: &RunConfig) -> Outcome {
    run_compiled(compile(file_name, source), config)
}

/// [`run_source`] for a file given as bytes ([`compile_bytes`]).
pub fn run_source_bytes(file_name: &str, source: &[u8], config: &RunConfig) -> Outcome {
    run_compiled(compile_bytes(file_name, source), config)
}

fn run_compiled(compiled: Result<Program, CompileError>, config: &RunConfig) -> Outcome {
    match compiled {
        Ok(program) => run(&program, config),
        Err(err) => err.outcome(),
    }
}
