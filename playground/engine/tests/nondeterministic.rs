//! The nondeterministic corpus (`tests/nondeterministic/`): small programs
//! whose output Go leaves open (unordered prints, lock order, select races,
//! buffered producers, Gosched interleavings, handoffs, timers against
//! work, cancellation races, fan-in order). Beside each `X.go`:
//! `X.observed`, what real Go printed over hundreds of runs at each of
//! GOMAXPROCS 1, 2, 4 and 8 (`cargo xtask go-observe`), and `X.allowed`,
//! every output Go's semantics allow, derived by hand (the command checks
//! that real Go printed nothing else). The format of both files is
//! `gmp_engine::golden`'s.
//!
//! Kinds of test, by the first part of the name:
//!
//! - `single_p/<program>`: when real Go printed one output under
//!   `GOMAXPROCS=1` in every recorded run, the engine on one P prints
//!   exactly it (stdout and exit code) for seeds [`SINGLE_P_SEEDS`]: with
//!   one P, Go's order (runnext, the run queue, timers) is the engine's.
//! - `allowed/<program>`: on 1, 2, 4 and 8 Ps with seeds [`ALLOWED_SEEDS`],
//!   every output the engine prints is in `X.allowed`: the engine never
//!   prints what Go forbids.
//! - `explore/<program>`: `gmp explore`'s search, [`EXPLORE_SCHEDULES`]
//!   schedules at each of GOMAXPROCS 2, 4 and 8, finds every output real
//!   Go printed at that GOMAXPROCS, finds nothing outside `X.allowed`, and
//!   each outcome's schedule token replays it byte for byte.
//! - `reach` (ignored; `cargo test -p gmp-engine --test nondeterministic --
//!   --ignored reach --nocapture`): not a test but a measurement, the table
//!   of how many of real Go's observed outputs the engine reaches on 2, 4
//!   and 8 Ps over seeds [`REACH_SEEDS`].
//!
//! `nondeterministic/KNOWN_FAILING.txt` lists tests that fail because of
//! an engine bug, each with its reason. A listed test passes while it
//! fails and fails once it passes (remove it then), so the list only
//! shrinks.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::fs;
use std::ops::RangeInclusive;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use gmp_engine::golden::{Observation, RunOutput, parse_allowed, parse_observed};
use gmp_engine::{RunConfig, run_source};
use libtest_mimic::{Arguments, Failed, Trial};

const CORPUS: &str = "nondeterministic";
const KNOWN_FAILING: &str = "nondeterministic/KNOWN_FAILING.txt";
const SINGLE_P_SEEDS: RangeInclusive<u64> = 1..=20;
const ALLOWED_PROCS: &[u32] = &[1, 2, 4, 8];
const ALLOWED_SEEDS: RangeInclusive<u64> = 1..=50;
const REACH_PROCS: &[u32] = &[2, 4, 8];
const REACH_SEEDS: RangeInclusive<u64> = 1..=100;
/// The bound: within this many schedules per GOMAXPROCS.
const EXPLORE_SCHEDULES: u32 = 1_000;
/// The issue asks for at least this many programs.
const AT_LEAST: usize = 30;
/// All of one test's runs must be done by then.
const TIMEOUT: Duration = Duration::from_secs(300);

fn main() {
    let args = Arguments::from_args();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let known = read_known_failing(&dir.join(KNOWN_FAILING));
    let programs = go_files(&dir.join(CORPUS));
    let mut trials = Vec::new();
    let mut names = BTreeSet::new();
    for path in &programs {
        let file = file_name(path);
        let stem = stem(path);
        if single_p_applies(path) {
            let key = format!("single_p/{file}");
            let listed = known.contains(&key);
            names.insert(key);
            let path = path.clone();
            trials.push(Trial::test(format!("single_p/{stem}"), move || expect(single_p(&path), listed)));
        }
        let key = format!("allowed/{file}");
        let listed = known.contains(&key);
        names.insert(key);
        let p = path.clone();
        trials.push(Trial::test(format!("allowed/{stem}"), move || expect(allowed(&p), listed)));
        let key = format!("explore/{file}");
        let listed = known.contains(&key);
        names.insert(key);
        let path = path.clone();
        trials.push(Trial::test(format!("explore/{stem}"), move || expect(explored(&path), listed)));
    }
    trials.push(Trial::test("known_failing_list_names_tests", move || {
        let stale: Vec<&String> = known.iter().filter(|k| !names.contains(*k)).collect();
        check(stale.is_empty(), || format!("tests/{KNOWN_FAILING} names tests that do not exist: {stale:?}"))
    }));
    let n = programs.len();
    trials.push(Trial::test("corpus_is_there", move || {
        check(n >= AT_LEAST, || format!("tests/{CORPUS}/ holds {n} programs, expected at least {AT_LEAST}"))
    }));
    let all = programs.clone();
    trials.push(Trial::test("reach", move || reach(&programs)).with_ignored_flag(true));
    trials.push(Trial::test("strategies", move || strategies(&all)).with_ignored_flag(true));
    libtest_mimic::run(&args, trials).exit();
}

/// A test's result, turned around if it is on the known-failing list.
fn expect(result: Result<(), String>, listed: bool) -> Result<(), Failed> {
    match (result, listed) {
        (Ok(()), false) | (Err(_), true) => Ok(()),
        (Err(why), false) => Err(why.into()),
        (Ok(()), true) => Err(format!("passes now: remove it from tests/{KNOWN_FAILING}").into()),
    }
}

/// Whether real Go printed a single output under `GOMAXPROCS=1` (or there
/// is no readable recording, which the test then reports).
fn single_p_applies(path: &Path) -> bool {
    observed(path).map_or(true, |obs| obs.iter().any(|o| o.procs == 1 && o.outputs.len() == 1))
}

/// (a) With one P the engine prints Go's one output, whatever the seed.
fn single_p(path: &Path) -> Result<(), String> {
    let obs = observed(path)?;
    let want = obs.iter().find(|o| o.procs == 1).and_then(|o| o.outputs.first()).map(|(_, r)| r.clone());
    let want = want.ok_or("no GOMAXPROCS=1 recording")?;
    let runs: Vec<(u32, u64)> = SINGLE_P_SEEDS.map(|seed| (1, seed)).collect();
    let mut problems = String::new();
    for ((_, seed), got) in run_all(path, &runs)? {
        if got != want {
            let _ = writeln!(problems, "GOMAXPROCS=1 seed {seed}: the engine printed\n{}", show(&got));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("real Go printed (every run under GOMAXPROCS=1)\n{}{problems}", show(&want)))
    }
}

/// (b) Everything the engine prints is something Go allows.
fn allowed(path: &Path) -> Result<(), String> {
    let allowed = read_allowed(path)?;
    let runs: Vec<(u32, u64)> = ALLOWED_PROCS.iter().flat_map(|&p| ALLOWED_SEEDS.map(move |s| (p, s))).collect();
    let mut problems = String::new();
    for ((procs, seed), got) in run_all(path, &runs)? {
        if !allowed.contains(&got) {
            let _ = writeln!(
                problems,
                "GOMAXPROCS={procs} seed {seed}: the engine printed what Go does not allow (`gmp run {} --procs {procs} --seed {seed}`)\n{}",
                file_name(path),
                show(&got)
            );
        }
    }
    if problems.is_empty() { Ok(()) } else { Err(problems) }
}

/// (c) Exploration finds every output Go printed with several Ps, nothing
/// Go forbids, and each outcome's token replays it.
fn explored(path: &Path) -> Result<(), String> {
    use gmp_engine::explore::{Ending, ExploreConfig, explore};
    let allowed = read_allowed(path)?;
    let obs = observed(path)?;
    let name = file_name(path);
    let source = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let (tx, rx) = mpsc::channel();
    std::thread::Builder::new()
        .name(name.clone())
        .spawn(move || {
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                let program = gmp_engine::compile(&name, &source).map_err(|e| format!("{e:?}"))?;
                let mut config = ExploreConfig { procs: REACH_PROCS.to_vec(), schedules: EXPLORE_SCHEDULES, ..ExploreConfig::default() };
                // The scheduler's invariants after every event of every
                // schedule: a violation ends that run as an internal error.
                config.run.check_invariants = true;
                let found = explore(&program, &config);
                let mut problems = String::new();
                for o in &found.outcomes {
                    if o.ending == Ending::Stopped {
                        let _ = writeln!(problems, "schedule {} stopped (an invariant violated?):\n{}", o.schedule.encode(), o.stderr);
                    }
                    let got = RunOutput { stdout: o.stdout.clone(), exit_code: o.exit_code };
                    if !allowed.contains(&got) {
                        let _ = writeln!(problems, "exploration found what Go does not allow (`--schedule {}`)\n{}", o.schedule.encode(), show(&got));
                    }
                    let again = gmp_engine::run(&program, &RunConfig::from_schedule(&o.schedule));
                    if (again.stdout.as_str(), again.exit_code) != (o.stdout.as_str(), o.exit_code) {
                        let _ = writeln!(problems, "schedule {} does not replay its outcome", o.schedule.encode());
                    }
                }
                for o in obs.iter().filter(|o| REACH_PROCS.contains(&o.procs)) {
                    for (_, want) in &o.outputs {
                        let hit = found.outcomes.iter().any(|f| f.procs.contains(&o.procs) && f.stdout == want.stdout && f.exit_code == want.exit_code);
                        if !hit {
                            let _ = writeln!(problems, "GOMAXPROCS={}: real Go printed, {} schedules never did\n{}", o.procs, EXPLORE_SCHEDULES, show(want));
                        }
                    }
                }
                if problems.is_empty() { Ok(()) } else { Err(problems) }
            }));
            let _ = tx.send(result);
        })
        .map_err(|e| format!("spawning engine thread: {e}"))?;
    match rx.recv_timeout(TIMEOUT) {
        Ok(Ok(out)) => out,
        Ok(Err(_)) => Err("the engine panicked (a Rust panic: never acceptable)".into()),
        Err(_) => Err(format!("the engine did not finish within {}s", TIMEOUT.as_secs())),
    }
}

/// The measurement: for each program and GOMAXPROCS 2, 4, 8, how many of
/// the outputs real Go printed the engine reaches over [`REACH_SEEDS`].
fn reach(programs: &[PathBuf]) -> Result<(), Failed> {
    let mut table = String::from("| program | allowed |");
    for p in REACH_PROCS {
        let _ = write!(table, " P={p}: reached / Go observed (engine distinct) |");
    }
    table.push_str("\n|---|---|");
    table.push_str(&"---|".repeat(REACH_PROCS.len()));
    table.push('\n');
    let (mut reached, mut seen) = (vec![0; REACH_PROCS.len()], vec![0; REACH_PROCS.len()]);
    for path in programs {
        let allowed = read_allowed(path)?;
        let obs = observed(path)?;
        let runs: Vec<(u32, u64)> = REACH_PROCS.iter().flat_map(|&p| REACH_SEEDS.map(move |s| (p, s))).collect();
        let results = run_all(path, &runs)?;
        let _ = write!(table, "| {} | {} |", stem(path), allowed.len());
        for (i, &procs) in REACH_PROCS.iter().enumerate() {
            let engine: BTreeSet<&RunOutput> =
                results.iter().filter(|((p, _), _)| *p == procs).map(|(_, r)| r).collect();
            let go: Vec<&RunOutput> =
                obs.iter().filter(|o| o.procs == procs).flat_map(|o| o.outputs.iter().map(|(_, r)| r)).collect();
            let hit = go.iter().filter(|r| engine.contains(*r)).count();
            reached[i] += hit;
            seen[i] += go.len();
            let _ = write!(table, " {hit} / {} ({}) |", go.len(), engine.len());
        }
        table.push('\n');
    }
    let _ = write!(table, "| total | |");
    for i in 0..REACH_PROCS.len() {
        let _ = write!(table, " {} / {} |", reached[i], seen[i]);
    }
    let _ = writeln!(
        table,
        "\n\nThe engine reaches {} of {} observed outputs (GOMAXPROCS {:?}, seeds {:?}).",
        reached.iter().sum::<usize>(),
        seen.iter().sum::<usize>(),
        REACH_PROCS,
        REACH_SEEDS
    );
    println!("{table}");
    Ok(())
}

/// The measurement of each exploration strategy alone, and of `gmp
/// explore`'s mix: for each program and GOMAXPROCS 2, 4, 8, how many of
/// Go's observed outputs [`EXPLORE_SCHEDULES`] schedules find, and for the
/// rare ones (Go printed them in at most [`RARE`] of its runs) how many
/// schedules it took to find each (`cargo test --release -p gmp-engine
/// --test nondeterministic -- --ignored strategies --nocapture`).
fn strategies(programs: &[PathBuf]) -> Result<(), Failed> {
    use gmp_engine::Strategy;
    use gmp_engine::explore::{ExploreConfig, explore};
    const RARE: u64 = 3;
    let mixes: Vec<(&str, Vec<Strategy>)> = vec![
        ("Random", vec![Strategy::Random]),
        ("Extremes", vec![Strategy::Extremes]),
        ("Stalls", vec![Strategy::Stalls]),
        ("PCT d=1", vec![Strategy::Pct { depth: 1, steps: 0 }]),
        ("PCT d=2", vec![Strategy::Pct { depth: 2, steps: 0 }]),
        ("PCT d=3", vec![Strategy::Pct { depth: 3, steps: 0 }]),
        ("Bounded", vec![Strategy::Bounded]),
        ("before (R, E, S)", vec![Strategy::Random, Strategy::Extremes, Strategy::Stalls]),
        ("gmp explore's mix", ExploreConfig::STRATEGIES.to_vec()),
    ];
    let mut table = String::from("| strategy | Go's outputs found | programs with all found | rare outputs found | schedules to find a rare one (median, max) |\n|---|---|---|---|---|\n");
    for (name, mix) in &mixes {
        let (mut found_n, mut total, mut complete, mut rare_found, mut rare_total) = (0, 0, 0, 0, 0);
        let mut needed: Vec<u64> = Vec::new();
        let mut all_programs = 0;
        for path in programs {
            let obs = observed(path)?;
            let source = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
            let program = gmp_engine::compile(&file_name(path), &source).map_err(|e| format!("{e:?}"))?;
            let mut all = true;
            for &procs in REACH_PROCS {
                let config = ExploreConfig { procs: vec![procs], schedules: EXPLORE_SCHEDULES, strategies: mix.clone(), ..ExploreConfig::default() };
                let found = explore(&program, &config);
                for o in obs.iter().filter(|o| o.procs == procs) {
                    for (count, want) in &o.outputs {
                        total += 1;
                        let hit = found.outcomes.iter().find(|f| f.stdout == want.stdout && f.exit_code == want.exit_code);
                        if hit.is_some() {
                            found_n += 1;
                        } else {
                            all = false;
                        }
                        if (*count as u64) <= RARE {
                            rare_total += 1;
                            if let Some(f) = hit {
                                rare_found += 1;
                                needed.push(f.first + 1);
                            }
                        }
                    }
                }
            }
            all_programs += 1;
            if all {
                complete += 1;
            }
        }
        needed.sort();
        let median = needed.get(needed.len() / 2).copied().unwrap_or(0);
        let max = needed.last().copied().unwrap_or(0);
        let _ = writeln!(table, "| {name} | {found_n} / {total} | {complete} / {all_programs} | {rare_found} / {rare_total} | {median}, {max} |");
    }
    println!("{table}\n{EXPLORE_SCHEDULES} schedules per GOMAXPROCS {REACH_PROCS:?}; rare: Go printed it in at most {RARE} of its runs.");
    Ok(())
}

/// Runs the program once per (GOMAXPROCS, seed), on a thread of its own so
/// that a hang fails this test after [`TIMEOUT`] rather than the whole run.
fn run_all(path: &Path, runs: &[(u32, u64)]) -> Result<Vec<((u32, u64), RunOutput)>, String> {
    let name = file_name(path);
    let source = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let runs = runs.to_vec();
    let (tx, rx) = mpsc::channel();
    std::thread::Builder::new()
        .name(name.clone())
        .spawn(move || {
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                runs.iter()
                    .map(|&(procs, seed)| {
                        let config = RunConfig {
                            procs,
                            seed,
                            check_invariants: true,
                            record_events: false,
                            ..RunConfig::default()
                        };
                        let out = run_source(&name, &source, &config);
                        ((procs, seed), RunOutput { stdout: out.stdout, exit_code: out.exit_code })
                    })
                    .collect::<Vec<_>>()
            }));
            let _ = tx.send(result);
        })
        .map_err(|e| format!("spawning engine thread: {e}"))?;
    match rx.recv_timeout(TIMEOUT) {
        Ok(Ok(out)) => Ok(out),
        Ok(Err(_)) => Err("the engine panicked (a Rust panic: never acceptable)".into()),
        Err(_) => Err(format!("the engine did not finish within {}s", TIMEOUT.as_secs())),
    }
}

fn observed(path: &Path) -> Result<Vec<Observation>, String> {
    let file = path.with_extension("observed");
    let text =
        fs::read_to_string(&file).map_err(|e| format!("{}: {e} (run `cargo xtask go-observe`)", file.display()))?;
    parse_observed(&text).map_err(|e| format!("{}: {e}", file.display()))
}

fn read_allowed(path: &Path) -> Result<Vec<RunOutput>, String> {
    let file = path.with_extension("allowed");
    let text = fs::read_to_string(&file).map_err(|e| format!("{}: {e} (write what Go allows)", file.display()))?;
    parse_allowed(&text).map_err(|e| format!("{}: {e}", file.display()))
}

/// An output as the corpus files show it, indented.
fn show(run: &RunOutput) -> String {
    let mut body = String::new();
    gmp_engine::golden::write_run_output(&mut body, &run.stdout);
    let mut out = format!("  -- exit {}\n", run.exit_code);
    for line in body.lines() {
        let _ = writeln!(out, "  {line}");
    }
    out
}

fn check(ok: bool, why: impl FnOnce() -> String) -> Result<(), Failed> {
    if ok { Ok(()) } else { Err(why().into()) }
}

/// The known-failing list: the first word of each line (`single_p/X.go`,
/// `allowed/X.go`); the rest of the line is the reason. `#` comments and
/// blank lines are skipped.
fn read_known_failing(path: &Path) -> BTreeSet<String> {
    fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_whitespace().next().map(String::from))
        .collect()
}

fn go_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else { return Vec::new() };
    let mut files: Vec<PathBuf> =
        entries.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "go")).collect();
    files.sort();
    files
}

fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

fn stem(path: &Path) -> String {
    path.file_stem().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}
