//! The lost updates watch (`RunConfig::lost_updates`): a goroutine that
//! writes back a value computed from a read another goroutine's write
//! has made stale is reported with both goroutines and the lines of the
//! stale read, the overwriting write and the lost write. Racy counters
//! lose updates exactly when the watch says so; a mutex or an atomic add
//! never does.

use gmp_engine::explore::{ExploreConfig, explore};
use gmp_engine::{LostUpdate, Outcome, Program, RunConfig, Session, Strategy, compile, run};

const COUNTER: &str = include_str!("concurrent/270_lost_update_counter.go");
const MUTEX: &str = include_str!("concurrent/271_lost_update_mutex.go");
const ATOMIC: &str = include_str!("concurrent/272_lost_update_atomic.go");
const SPLIT: &str = include_str!("concurrent/273_lost_update_read_print_write.go");

fn program(src: &str) -> Program {
    compile("prog.go", src).expect("compiles")
}

/// The 1-based line of the first source line that starts with `code`.
fn line_of(src: &str, code: &str) -> u32 {
    src.lines().position(|l| l.trim_start().starts_with(code)).expect(code) as u32 + 1
}

fn lines(p: &Program, l: &LostUpdate) -> [u32; 3] {
    let line = |s: Option<gmp_engine::Span>| s.map_or(0, |s| p.file().line_col(s.start).line);
    [line(l.read), line(l.write), line(l.lost_write)]
}

fn watched(p: &Program, config: &RunConfig) -> Outcome {
    run(p, &RunConfig { lost_updates: true, ..config.clone() })
}

/// A schedule whose run prints `bad` (found with the exploration API).
fn schedule_printing(p: &Program, bad: impl Fn(&str) -> bool) -> RunConfig {
    let found = explore(p, &ExploreConfig { procs: vec![2], schedules: 200, ..ExploreConfig::default() });
    let f = found.outcomes.iter().find(|f| bad(&f.stdout)).unwrap_or_else(|| panic!("no such run in {:?}", found.outcomes));
    RunConfig::from_schedule(&f.schedule)
}

#[test]
fn a_counter_that_lost_increments_names_both_goroutines_and_the_line() {
    let p = program(COUNTER);
    let config = schedule_printing(&p, |out| out != "2000\n");
    let out = watched(&p, &config);
    assert_ne!(out.stdout, "2000\n", "the schedule replays");
    assert!(!out.lost_updates.is_empty(), "{}", out.stdout);
    let line = line_of(COUNTER, "counter++");
    for l in &out.lost_updates {
        assert_eq!(lines(&p, l), [line; 3], "{l:?}");
        assert_ne!(l.goid, l.lost_goid);
        assert!([l.goid, l.lost_goid].iter().all(|&g| g > 1), "{l:?}: main does not increment");
    }
    // The watch changes nothing in the run: its output, its events.
    let plain = run(&p, &config);
    assert_eq!((plain.stdout, plain.exit_code, plain.events), (out.stdout, out.exit_code, out.events));
    assert!(plain.lost_updates.is_empty(), "not watched, not reported");
}

/// Over many schedules of the racy counter, an update is reported lost
/// exactly when the count comes out short.
#[test]
fn the_counter_comes_out_short_exactly_when_an_update_is_reported_lost() {
    let p = program(COUNTER);
    let (mut short, mut full) = (0, 0);
    for procs in [2, 4] {
        for seed in 1..=40 {
            let out = watched(&p, &RunConfig { procs, seed, ..RunConfig::default() });
            let lost = out.stdout != "2000\n";
            assert_eq!(lost, !out.lost_updates.is_empty(), "P={procs} seed {seed}: printed {}", out.stdout);
            if lost { short += 1 } else { full += 1 }
        }
    }
    assert!(short > 0 && full > 0, "{short} short, {full} full");
}

/// The read, the print and the write back on lines of their own: the
/// stale read and the overwriting write are told apart, and the lost
/// update is visible through a session while the run goes on.
#[test]
fn a_split_increment_reports_the_read_line_and_the_write_line() {
    let p = program(SPLIT);
    let config = schedule_printing(&p, |out| out.ends_with("counter = 1\n"));
    let mut s = Session::new(&p, &RunConfig { lost_updates: true, ..config.clone() });
    let mut seen_running = false;
    while !s.advance(1) {
        seen_running |= !s.lost_updates().is_empty();
    }
    assert!(seen_running, "reported before the run ended");
    let out = s.outcome().expect("ended");
    assert_eq!(out.lost_updates.len(), 1, "{:?}", out.lost_updates);
    let l = out.lost_updates[0];
    let (read, write) = (line_of(SPLIT, "n := counter"), line_of(SPLIT, "counter = n + 1"));
    assert_eq!(lines(&p, &l), [read, write, write]);
    assert_ne!(l.goid, l.lost_goid);
    assert_eq!(s.lost_updates(), &out.lost_updates[..]);
    // The run that prints 2 loses nothing.
    let fine = schedule_printing(&p, |out| out.ends_with("counter = 2\n"));
    assert_eq!(watched(&p, &fine).lost_updates, vec![]);
}

/// Schedules of every strategy on 2 and 4 Ps, `n` per GOMAXPROCS value.
fn never_loses(src: &str, n: u64) {
    let p = program(src);
    for procs in [2, 4] {
        for seed in 1..=n {
            let strategy = [Strategy::Random, Strategy::Extremes, Strategy::Stalls][seed as usize % 3];
            let out = watched(&p, &RunConfig { procs, seed, strategy, ..RunConfig::default() });
            assert_eq!(out.stdout, "2000\n", "P={procs} seed {seed}");
            assert_eq!(out.lost_updates, vec![], "P={procs} seed {seed}");
        }
    }
}

#[test]
fn a_mutex_protected_counter_never_loses_an_update() {
    never_loses(MUTEX, 60);
}

#[test]
fn an_atomic_counter_never_loses_an_update() {
    never_loses(ATOMIC, 60);
}

/// The watch alone reports no data race and keeps the exit status; with
/// `-race` too, both are reported.
#[test]
fn the_watch_and_the_race_detector_are_independent() {
    let p = program(COUNTER);
    let config = schedule_printing(&p, |out| out != "2000\n");
    let out = watched(&p, &config);
    assert_eq!((out.exit_code, out.stderr.as_str(), out.races.len()), (0, "", 0));
    let both = watched(&p, &RunConfig { race: true, ..config.clone() });
    assert_eq!(both.exit_code, 66, "{}", both.stderr);
    assert!(both.stderr.contains("WARNING: DATA RACE"));
    assert_eq!(both.lost_updates, out.lost_updates);
}
