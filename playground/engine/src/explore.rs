//! Exploring schedules: run one program under many schedules and collect
//! every distinct outcome, each with how many schedules gave it and the
//! schedule of the first, whose token replays it. What `gmp explore`
//! prints and what the exercises' grader stands on.
//!
//! Strategies, mixed: schedule `k` of a GOMAXPROCS value is the run with
//! seed `first_seed + k` under `strategies[k % n]` — random choices, or
//! every timing choice at an end of its range (`Strategy::Extremes`),
//! which finds the rare interleavings (a thread that wakes at once, a
//! goroutine that stalls) far sooner. Systematic strategies (PCT's
//! priority-change points, preemption-bounded search) will drive the same
//! chooser through `Pick`s.
//!
//! [`fork`] explores from a point of one run: every schedule keeps that
//! run's first choices, so it is the same run up to there, and draws the
//! rest anew — what can still happen from this moment on.

use crate::{Outcome, Pick, Program, RunConfig, Schedule, Strategy, run};

/// What to explore: GOMAXPROCS values, schedules for each, and the run
/// settings (budgets) every run shares.
#[derive(Clone, Debug)]
pub struct ExploreConfig {
    pub procs: Vec<u32>,
    /// Schedules run for each GOMAXPROCS value.
    pub schedules: u32,
    pub first_seed: u64,
    /// Taken in turn, schedule by schedule.
    pub strategies: Vec<Strategy>,
    /// Budgets and the like; its `procs`, `seed`, `strategy` and `picks`
    /// are ignored.
    pub run: RunConfig,
    /// Choices every schedule keeps (a [`fork`]'s common past).
    pub prefix: Vec<Pick>,
}

impl Default for ExploreConfig {
    fn default() -> ExploreConfig {
        ExploreConfig {
            procs: vec![1, 2, 4],
            schedules: 100,
            first_seed: 1,
            strategies: vec![Strategy::Random, Strategy::Extremes],
            run: RunConfig { record_events: false, free_at_exit: true, ..RunConfig::default() },
            prefix: Vec::new(),
        }
    }
}

/// How a run ended, as a learner names it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Ending {
    /// main returned or `os.Exit(code)`, with `leaked` of the program's
    /// goroutines blocked: one still finishing its last steps (after
    /// `wg.Done`, say) is not counted, as no schedule keeps it, nor a
    /// library's own (`os/signal`'s loop).
    Exited { code: i32, leaked: usize },
    Panicked,
    Deadlocked,
    /// Another fatal error (`concurrent map writes`, `sync: unlock of
    /// unlocked mutex`...).
    Fatal,
    /// A budget or limit stopped it, or the engine failed.
    Stopped,
}

impl Ending {
    fn of(out: &Outcome) -> Ending {
        use crate::EndReason::*;
        match &out.end {
            MainReturned | Exit(_) => {
                let programs = |l: &&crate::LeakedGoroutine| l.creator.as_ref().is_some_and(|c| c.func.starts_with("main."));
                let leaked = out.leaks.iter().filter(programs).filter(|l| l.wait_reason.is_some()).count();
                Ending::Exited { code: out.exit_code, leaked }
            }
            Panic(_) => Ending::Panicked,
            Fatal if out.stderr.contains("all goroutines are asleep - deadlock!") => Ending::Deadlocked,
            Fatal if out.stderr.contains("no goroutines (main called runtime.Goexit) - deadlock!") => Ending::Deadlocked,
            Fatal => Ending::Fatal,
            Limit(_) | Internal(_) | CompileError => Ending::Stopped,
        }
    }
}

impl std::fmt::Display for Ending {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Ending::Exited { code, leaked: 0 } => write!(f, "exited {code}"),
            Ending::Exited { code, leaked } => write!(f, "exited {code}, {leaked} goroutine(s) leaked"),
            Ending::Panicked => f.write_str("panicked"),
            Ending::Deadlocked => f.write_str("deadlocked"),
            Ending::Fatal => f.write_str("fatal error"),
            Ending::Stopped => f.write_str("stopped"),
        }
    }
}

/// One distinct outcome: what the program printed and how it ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    pub stdout: String,
    pub stderr: String,
    pub exit_code: i32,
    pub ending: Ending,
    /// Schedules that gave it.
    pub count: u64,
    /// The GOMAXPROCS values under which it came up.
    pub procs: Vec<u32>,
    /// The first schedule that gave it: its token replays the run.
    pub schedule: Schedule,
}

/// Everything an exploration found, most frequent outcome first.
#[derive(Clone, Debug)]
pub struct Explored {
    pub schedules_run: u64,
    pub outcomes: Vec<Found>,
}

/// Runs `program` under `config.schedules` schedules for each GOMAXPROCS
/// value in `config.procs`, and groups the runs by outcome.
pub fn explore(program: &Program, config: &ExploreConfig) -> Explored {
    let mut outcomes: Vec<Found> = Vec::new();
    // The outcomes by the hash of what tells them apart (a racy counter
    // can give thousands): a lookup, not a scan.
    let mut by_hash: rustc_hash::FxHashMap<u64, Vec<usize>> = Default::default();
    let mut schedules_run = 0;
    for &procs in &config.procs {
        for k in 0..config.schedules as u64 {
            let seed = config.first_seed.wrapping_add(k);
            let strategy = config.strategies.get(k as usize % config.strategies.len().max(1)).copied().unwrap_or_default();
            let run_config = RunConfig { procs: procs.max(1), seed, strategy, picks: config.prefix.clone(), ..config.run.clone() };
            let out = run(program, &run_config);
            schedules_run += 1;
            let ending = Ending::of(&out);
            let hash = {
                use std::hash::{Hash, Hasher};
                let mut h = rustc_hash::FxHasher::default();
                (&out.stdout, &out.stderr, out.exit_code, &ending).hash(&mut h);
                h.finish()
            };
            let same = |f: &Found| f.stdout == out.stdout && f.stderr == out.stderr && f.exit_code == out.exit_code && f.ending == ending;
            let candidates = by_hash.entry(hash).or_default();
            match candidates.iter().copied().find(|&i| same(&outcomes[i])) {
                Some(i) => {
                    let f = &mut outcomes[i];
                    f.count += 1;
                    if !f.procs.contains(&procs) {
                        f.procs.push(procs);
                    }
                }
                None => {
                    candidates.push(outcomes.len());
                    outcomes.push(Found {
                    stdout: out.stdout,
                    stderr: out.stderr,
                    exit_code: out.exit_code,
                    ending,
                    count: 1,
                    procs: vec![procs],
                    schedule: run_config.schedule(),
                    })
                }
            }
        }
    }
    // Most frequent first; ties in the order found (a stable sort).
    outcomes.sort_by(|a, b| b.count.cmp(&a.count));
    Explored { schedules_run, outcomes }
}

/// What can still happen from a point of a run: `base`'s run (its
/// program, GOMAXPROCS and schedule) keeps its first `keep` choices, and
/// `config.schedules` schedules draw the rest (seeds from
/// `config.first_seed`, `config.strategies` in turn; `config.procs` is
/// ignored: GOMAXPROCS is the base's, part of the past). Each outcome's
/// schedule replays the base run up to that point and its own way after.
pub fn fork(program: &Program, base: &RunConfig, keep: u64, config: &ExploreConfig) -> Explored {
    let logged = run(program, &RunConfig { record_events: false, record_choices: true, free_at_exit: true, ..base.clone() });
    let prefix = logged.choices.iter().take(keep as usize).enumerate().map(|(i, c)| Pick { index: i as u64, pick: c.pick }).collect();
    explore(program, &ExploreConfig { procs: vec![base.procs.max(1)], prefix, ..config.clone() })
}

