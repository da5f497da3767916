//! Exploring schedules: run one program under many schedules and collect
//! every distinct outcome, each with how many schedules gave it and the
//! schedule of the first, whose token replays it. What `gmp explore`
//! prints and what the exercises' grader stands on.
//!
//! Strategies, mixed: schedule `k` of a GOMAXPROCS value is the run with
//! seed `first_seed + k` under `strategies[k % n]` — random choices,
//! every timing choice at an end of its range (`Strategy::Extremes`),
//! which finds the rare interleavings (a thread that wakes at once, a
//! goroutine that stalls) far sooner, frequent OS stalls
//! (`Strategy::Stalls`: a goroutine overtaken before its first shared
//! operation), PCT (`Strategy::Pct`: random priorities for the Ps with
//! d - 1 priority-change points; `steps` 0 here means "measure the
//! program's decision points first") and a preemption-bounded systematic
//! search (`Strategy::Bounded`, see [`BoundedSearch`]): a slot of the
//! `Bounded` strategy takes the search's next schedule instead of a seed.
//!
//! [`fork`] explores from a point of one run: every schedule keeps that
//! run's first choices, so it is the same run up to there, and draws the
//! rest anew — what can still happen from this moment on.

use crate::{ChoiceKind, Outcome, PRIORITY_BASE, Pick, Program, RunConfig, Schedule, Strategy, run};
use std::collections::VecDeque;

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
            strategies: ExploreConfig::STRATEGIES.to_vec(),
            run: RunConfig { record_events: false, free_at_exit: true, ..RunConfig::default() },
            prefix: Vec::new(),
        }
    }
}

impl ExploreConfig {
    /// `gmp explore`'s mix: the random strategies, PCT at depths 2 and 3
    /// and the bounded search.
    pub const STRATEGIES: [Strategy; 6] = [
        Strategy::Random,
        Strategy::Extremes,
        Strategy::Stalls,
        Strategy::Pct { depth: 2, steps: 0 },
        Strategy::Pct { depth: 3, steps: 0 },
        Strategy::Bounded,
    ];
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
    /// How `out` ended: what a UI checks a learner's goal against.
    pub fn of(out: &Outcome) -> Ending {
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
    /// How many schedules ran before the first that gave it (counting
    /// every GOMAXPROCS value's, in `procs` order).
    pub first: u64,
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
        let procs = procs.max(1);
        // The priority strategies rank the Ps in the run's first choices:
        // they cannot keep a fork's past, and with one P they are random.
        let prioritized = procs > 1 && config.prefix.is_empty();
        let strategies: Vec<Strategy> = config
            .strategies
            .iter()
            .map(|&s| if s.prioritized() && !prioritized { Strategy::Random } else { s })
            .collect();
        let steps = if strategies.iter().any(|s| matches!(s, Strategy::Pct { steps: 0, .. })) {
            decision_points(program, procs, config)
        } else {
            0
        };
        let mut search = BoundedSearch::new(procs, config.first_seed, BoundedSearch::MAX_BOUND);
        for k in 0..config.schedules as u64 {
            let seed = config.first_seed.wrapping_add(k);
            let strategy = strategies.get(k as usize % strategies.len().max(1)).copied().unwrap_or_default();
            let base = RunConfig { procs, seed, strategy, picks: config.prefix.clone(), ..config.run.clone() };
            let mut node = None;
            let run_config = match strategy {
                Strategy::Pct { depth, steps: 0 } => RunConfig { strategy: Strategy::Pct { depth, steps }, ..base },
                Strategy::Bounded => match search.next() {
                    Some(n) => {
                        let rc = n.config(&base, search.seed);
                        node = Some(n);
                        rc
                    }
                    // The search is done: the slot takes a random schedule.
                    None => RunConfig { strategy: Strategy::Random, ..base },
                },
                _ => base,
            };
            let mut out = run(program, &run_config);
            if let Some(n) = node {
                search.ran(n, &out.choices);
                out.choices = Vec::new();
            }
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
                    first: schedules_run - 1,
                    procs: vec![procs],
                    schedule: run_config.schedule(),
                    })
                }
            }
        }
    }
    // Most frequent first; ties in the order found (a stable sort).
    outcomes.sort_by_key(|o| std::cmp::Reverse(o.count));
    Explored { schedules_run, outcomes }
}

/// How many decision points (moments where two Ps or more could move) a
/// run of `program` on `procs` Ps has: PCT's `k`, measured on the
/// bounded search's first schedule (P0 on top, no preemption).
pub fn decision_points(program: &Program, procs: u32, config: &ExploreConfig) -> u32 {
    let rc = RunConfig {
        procs,
        seed: config.first_seed,
        strategy: Strategy::Bounded,
        record_choices: true,
        ..config.run.clone()
    };
    let out = run(program, &rc);
    let n = out.choices.iter().filter(|c| c.kind == ChoiceKind::Preempt).count();
    u32::try_from(n).unwrap_or(u32::MAX).max(1)
}

/// A preemption-bounded systematic search (CHESS's iterative context
/// bounding, Musuvathi and Qadeer, PLDI 2007) over the schedules of the
/// `Bounded` strategy, whose runs are fixed by which P starts on top and
/// at which decision points the top P is preempted (dropped below every
/// other P). Every schedule with 0 preemptions first, then every one with
/// 1, then 2... up to [`BoundedSearch::MAX_BOUND`]. The other choices
/// (slice lengths, costs, `select`) are the seed's, the same in every
/// schedule, so two schedules differ only where the search placed a
/// preemption. A schedule's children add one preemption at a decision
/// point of its own run after its last one, so each set of preemptions
/// is run once. Within a bound, schedules are taken in bit-reversed order
/// of their preemption's position among their parent's decision points
/// (first, middle, quarters...), so a budget that ends within a bound has
/// spread its preemptions over the run rather than over its first steps.
///
/// What "0 preemptions" enumerates: which P starts on top, the others in
/// the order P0, P1... (GOMAXPROCS schedules, not GOMAXPROCS!: the idle
/// Ps start alike, and a preemption reorders them anyway). Context
/// switches where the top P cannot move (its M sleeps, its G blocks and
/// it finds no other) are free, as in CHESS.
///
/// No partial-order reduction: two Ps' steps commute when they touch
/// unrelated objects, but a step's plain loads and stores of shared
/// variables are not events (only `-race` records them, at a cost of
/// about 14x), so that two steps touch nothing in common cannot be
/// known cheaply; a reduction from channel, lock and output events alone
/// would prune schedules that race on memory, and lose lost updates.
pub struct BoundedSearch {
    /// The seed every schedule of the search draws its other choices from.
    pub seed: u64,
    max_bound: u32,
    /// The bound being run.
    bound: u32,
    /// Schedules of this bound still to run.
    level: VecDeque<BoundedNode>,
    /// Schedules of the next bound, with their order key.
    next: Vec<((u32, u32), BoundedNode)>,
    /// Schedules run so far (the order key's tie-break).
    ran: u32,
}

/// One schedule of a [`BoundedSearch`]: its picks (the top P, the
/// preemptions) and where its last preemption is.
#[derive(Clone, Debug)]
pub struct BoundedNode {
    pub picks: Vec<Pick>,
    pub preemptions: u32,
    last: Option<u64>,
}

impl BoundedNode {
    /// The run configuration of this schedule.
    fn config(&self, base: &RunConfig, seed: u64) -> RunConfig {
        RunConfig { seed, strategy: Strategy::Bounded, picks: self.picks.clone(), record_choices: true, ..base.clone() }
    }
}

impl BoundedSearch {
    /// CHESS finds most bugs within two preemptions; three bounds the
    /// search's memory for long runs.
    pub const MAX_BOUND: u32 = 3;
    /// Schedules waiting for the next bound, at most.
    const MAX_FRONTIER: usize = 200_000;

    /// The search on `procs` Ps, its other choices drawn from `seed`.
    pub fn new(procs: u32, seed: u64, max_bound: u32) -> BoundedSearch {
        // The first choice of a `Bounded` run ranks the top P.
        let level = (0..procs.max(1) as u64)
            .map(|p| BoundedNode {
                picks: if p == 0 { Vec::new() } else { vec![Pick { index: 0, pick: p }] },
                preemptions: 0,
                last: None,
            })
            .collect();
        BoundedSearch { seed, max_bound, bound: 0, level, next: Vec::new(), ran: 0 }
    }

    /// The bound of the schedules being given now.
    pub fn bound(&self) -> u32 {
        self.bound
    }

    /// The next schedule to run, or `None` once every schedule within the
    /// bound has been given. Hand each one's run back to [`BoundedSearch::ran`].
    pub fn next(&mut self) -> Option<BoundedNode> {
        if self.level.is_empty() && !self.next.is_empty() {
            let mut next = std::mem::take(&mut self.next);
            next.sort_by_key(|(key, _)| *key);
            self.level = next.into_iter().map(|(_, n)| n).collect();
            self.bound += 1;
        }
        self.level.pop_front()
    }

    /// `node`'s run made `choices`: its children preempt at each of its
    /// decision points after its last preemption.
    pub fn ran(&mut self, node: BoundedNode, choices: &[crate::Choice]) {
        self.ran += 1;
        if node.preemptions >= self.max_bound {
            return;
        }
        let after = node.last.map_or(0, |l| l + 1);
        let points = choices.iter().enumerate().skip(after as usize).filter(|(_, c)| c.kind == ChoiceKind::Preempt);
        for (j, (index, _)) in points.enumerate() {
            if self.next.len() >= Self::MAX_FRONTIER {
                return;
            }
            let index = index as u64;
            let mut picks = node.picks.clone();
            // Each preemption drops the top P below the ones before it.
            picks.push(Pick { index, pick: PRIORITY_BASE - 1 - node.preemptions as u64 });
            let child = BoundedNode { picks, preemptions: node.preemptions + 1, last: Some(index) };
            self.next.push((((j as u32).reverse_bits(), self.ran), child));
        }
    }
}

/// What can still happen from a point of a run: `base`'s run (its
/// program, GOMAXPROCS and schedule) keeps its first `keep` choices, and
/// `config.schedules` schedules draw the rest (seeds from
/// `config.first_seed`, `config.strategies` in turn; `config.procs` is
/// ignored: GOMAXPROCS is the base's, part of the past). Each outcome's
/// schedule replays the base run up to that point and its own way after.
pub fn fork(program: &Program, base: &RunConfig, keep: u64, config: &ExploreConfig) -> Explored {
    let prefix = past(program, base, keep);
    explore(program, &ExploreConfig { procs: vec![base.procs.max(1)], prefix, ..config.clone() })
}

/// `base`'s first `keep` choices, as picks that force them: the run is
/// followed only until it has made them.
fn past(program: &Program, base: &RunConfig, keep: u64) -> Vec<Pick> {
    let mut s = crate::Session::new(program, &RunConfig { record_events: false, record_choices: true, ..base.clone() });
    while s.choices_made() < keep && !s.advance(1) {}
    picks_of(&s, keep)
}

/// The first `keep` choices a session logged, as picks that force them.
fn picks_of(s: &crate::Session, keep: u64) -> Vec<Pick> {
    s.choices().iter().take(keep as usize).enumerate().map(|(i, c)| Pick { index: i as u64, pick: c.pick }).collect()
}

/// A step of a run in a learner's terms: a goroutine of the program runs,
/// prints, sends, receives, closes, starts another, blocks or exits, or
/// the program exits. The scheduler's bookkeeping (queues, threads,
/// timers) and the runtime's own goroutines are not steps.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Step {
    /// What happens: `G7 runs`, `G1 prints "1\n"`, `G7 sends 1 on chan#1`.
    pub label: String,
    /// Where in the program.
    pub pos: Option<crate::Span>,
}

/// Reads an event stream's steps from event `from` on, as it grows.
struct Steps {
    from: usize,
    /// Events read so far.
    read: usize,
    /// The runtime's own goroutines, from the `GoCreate`s read.
    system: Vec<u64>,
    /// The steps found, with their event indexes.
    found: Vec<(usize, Step)>,
}

impl Steps {
    fn new(from: usize) -> Steps {
        Steps { from, read: 0, system: Vec::new(), found: Vec::new() }
    }

    /// Reads the events not read yet.
    fn read(&mut self, events: &[crate::Event]) {
        use crate::EventKind::*;
        for (i, e) in events.iter().enumerate().skip(self.read) {
            if let GoCreate { child, func, .. } = &e.kind
                && (func.starts_with("runtime.") || func.starts_with("os/signal."))
            {
                self.system.push(*child);
            }
            if i < self.from {
                continue;
            }
            let user = |g: &u64| !self.system.contains(g);
            let label = match &e.kind {
                Execute { g, .. } if user(g) => format!("G{g} runs"),
                Output { fd: 1, text } => format!("prints {text:?}"),
                Output { fd, text } => format!("writes {text:?} to fd {fd}"),
                GoCreate { parent, child, func, .. } if user(child) => format!("G{parent} starts G{child} running {func}"),
                GoPark { g, reason, .. } if user(g) => format!("G{g} waits [{reason}]"),
                GoExit { g, .. } if user(g) => format!("G{g} exits"),
                ChanSend { .. } | ChanRecv { .. } | ChanClose { .. } => e.kind.to_string(),
                Exit { code } => format!("the program exits with code {code}"),
                _ => continue,
            };
            self.found.push((i, Step { label, pos: e.pos }));
        }
        self.read = events.len();
    }
}

/// One way a run can go on: its next step, how many of the schedules
/// tried took it, and a schedule that does (with the index of the step's
/// event in that schedule's run).
#[derive(Clone, Debug)]
pub struct NextStep {
    pub step: Step,
    pub count: u64,
    pub schedule: Schedule,
    pub event: usize,
}

/// What can happen next from a point of a run.
#[derive(Clone, Debug)]
pub struct NextSteps {
    pub schedules_run: u64,
    /// Steps every schedule tried takes first: the run is decided until
    /// there.
    pub agreed: Vec<Step>,
    /// The ways it can go on after them, most frequent first (one when
    /// every schedule went the same way as far as was looked).
    pub options: Vec<NextStep>,
}

/// The scheduler's choices in a learner's terms: from `base`'s run after
/// its first `at` events, `config.schedules` schedules that keep its past
/// (as [`fork`]) are followed for up to `lookahead` steps each; the steps
/// they all take are `agreed`, and where they part, each different next
/// step is an option with a schedule that takes it.
pub fn next_steps(program: &Program, base: &RunConfig, at: usize, config: &ExploreConfig, lookahead: usize) -> NextSteps {
    // The run up to there, once, logging its choices: they are the past.
    let (here, _) = crate::Session::replay_to(program, &RunConfig { record_events: true, record_choices: true, ..base.clone() }, at, u32::MAX);
    let prefix = picks_of(&here, here.choices_made());
    let mut futures: Vec<(RunConfig, Vec<(usize, Step)>)> = Vec::new();
    for k in 0..config.schedules.max(1) as u64 {
        let strategy = config.strategies.get(k as usize % config.strategies.len().max(1)).copied().unwrap_or_default();
        // The priority strategies cannot keep a past (see `explore`).
        let strategy = if strategy.prioritized() { Strategy::Random } else { strategy };
        let rc = RunConfig {
            procs: base.procs.max(1),
            seed: config.first_seed.wrapping_add(k),
            strategy,
            picks: prefix.clone(),
            record_events: true,
            ..config.run.clone()
        };
        // Followed until it has `lookahead` steps past `at`, or ends.
        let mut s = crate::Session::new(program, &rc);
        let mut seen = Steps::new(at);
        for _ in 0..1_000_000 {
            let ended = s.advance(1);
            seen.read(s.events());
            if ended || seen.found.len() >= lookahead {
                break;
            }
        }
        seen.found.truncate(lookahead);
        futures.push((rc, seen.found));
    }
    let seqs: Vec<&Vec<(usize, Step)>> = futures.iter().map(|(_, q)| q).collect();
    // The longest prefix of steps every future shares.
    let shortest = seqs.iter().map(|q| q.len()).min().unwrap_or(0);
    let mut d = 0;
    while d < shortest && seqs.iter().all(|q| q[d].1 == seqs[0][d].1) {
        d += 1;
    }
    let agreed = seqs.first().map(|q| q[..d].iter().map(|(_, s)| s.clone()).collect()).unwrap_or_default();
    let mut options: Vec<NextStep> = Vec::new();
    for (rc, q) in &futures {
        let Some((event, step)) = q.get(d) else { continue };
        match options.iter_mut().find(|o| o.step == *step) {
            Some(o) => o.count += 1,
            None => options.push(NextStep { step: step.clone(), count: 1, schedule: rc.schedule(), event: *event }),
        }
    }
    options.sort_by_key(|o| std::cmp::Reverse(o.count));
    NextSteps { schedules_run: futures.len() as u64, agreed, options }
}

