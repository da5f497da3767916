//! A session advances a run a bounded number of steps at a time: what a
//! page does so that it never freezes. Advanced to its end, it is exactly
//! `run`'s run.

use gmp_engine::{Budget, Outcome, Program, RunConfig, Session, SourceFile, compile, run};

const PROGRAMS: &[(&str, &str)] = &[
    ("001_go_and_channel.go", include_str!("concurrent/001_go_and_channel.go")),
    ("040_mutex_counter.go", include_str!("concurrent/040_mutex_counter.go")),
    ("124_worker_pool_graceful.go", include_str!("concurrent/124_worker_pool_graceful.go")),
    ("016_deadlock_main_receive.go", include_str!("concurrent/016_deadlock_main_receive.go")),
];

fn lines(name: &str, src: &str, events: &[gmp_engine::Event]) -> Vec<String> {
    let file = SourceFile::new(name, src);
    events.iter().map(|e| e.trace_line(&file).to_string()).collect()
}

#[test]
fn a_session_in_slices_is_the_same_run() {
    for &(name, src) in PROGRAMS {
        let program = compile(name, src).expect("compiles");
        for procs in [1, 3] {
            let config = RunConfig { procs, seed: 2, ..RunConfig::default() };
            let whole = run(&program, &config);
            for slice in [1, 7, 1000] {
                let mut session = Session::new(&program, &config);
                let mut seen = 0;
                let mut rounds = 0;
                while !session.advance(slice) {
                    // Events only ever grow, and what was seen stays.
                    let now = session.events().len();
                    assert!(now >= seen, "{name}: events shrank");
                    seen = now;
                    rounds += 1;
                    assert!(rounds < 1_000_000, "{name}: never ends");
                }
                let out = session.outcome().expect("ended");
                assert_eq!((out.stdout.as_str(), out.exit_code), (whole.stdout.as_str(), whole.exit_code), "{name} P={procs} slice {slice}");
                assert_eq!(lines(name, src, &out.events), lines(name, src, &whole.events), "{name} P={procs} slice {slice}");
                if slice == 1 {
                    assert!(rounds > 3, "{name}: {rounds} rounds");
                }
            }
        }
    }
}

/// A program that never ends can be advanced a little at a time, shows
/// its events as they come, and can be dropped at any point (Stop).
#[test]
fn a_spinning_program_advances_in_bounded_slices() {
    let src = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tgo func() {\n\t\tfor {\n\t\t}\n\t}()\n\tfor i := 0; ; i++ {\n\t\tif i%10000 == 0 {\n\t\t\tfmt.Println(i)\n\t\t}\n\t}\n}\n";
    let program = compile("spin.go", src).expect("compiles");
    let mut session = Session::new(&program, &RunConfig { procs: 2, ..RunConfig::default() });
    let mut counts = Vec::new();
    for _ in 0..5 {
        assert!(!session.advance(200), "a spinning program ended");
        counts.push(session.events().len());
    }
    assert!(counts.windows(2).all(|w| w[0] <= w[1]) && counts[4] > counts[0], "{counts:?}");
    assert!(session.outcome().is_none());
}

/// The dump of a session between two steps is Go's traceback of every
/// goroutine: just before a deadlock is reported it is exactly the
/// goroutine blocks Go prints under `fatal error: all goroutines are
/// asleep - deadlock!` (the corpus checks that text against real Go).
#[test]
fn a_sessions_dump_is_gos_traceback_of_every_goroutine() {
    for name in ["016_deadlock_main_receive", "049_waitgroup_deadlock", "039_select_nil_only_deadlock"] {
        let path = format!("{}/tests/concurrent/{name}.go", env!("CARGO_MANIFEST_DIR"));
        let src = std::fs::read_to_string(&path).expect("program");
        let program = compile(&path, &src).expect("compiles");
        let config = RunConfig::default();
        let whole = run(&program, &config);
        let expected = std::fs::read_to_string(format!("{}/tests/concurrent/{name}.stderr", env!("CARGO_MANIFEST_DIR"))).expect("Go's stderr");
        let blocks = expected.strip_prefix("fatal error: all goroutines are asleep - deadlock!\n\n").expect("a deadlock");
        // Every event but the report's own output and the exit.
        let before_report = whole.events.iter().rposition(|e| matches!(e.kind, gmp_engine::EventKind::Output { fd: 2, .. })).expect("the report");
        let (session, reached) = Session::replay_to(&program, &config, before_report, 100_000);
        assert!(reached, "{name}");
        let dump = session.goroutine_dump().expect("still running");
        // Compared as the corpus compares stderr (paths, arguments, pcs).
        let dump = gmp_engine::golden::normalize_stderr(&dump.replace(&path, &format!("/tmp/x/{name}.go")));
        assert_eq!(dump.trim_end(), blocks.trim_end(), "{name}");
    }
}

/// What each goroutine's stack keeps reachable, at a moment of the run:
/// the one holding a 1 MiB buffer pins it, the one holding nothing pins
/// next to nothing, and an ended run has no such figures.
#[test]
fn a_session_tells_the_bytes_each_goroutine_keeps_reachable() {
    let src = "package main\n\nimport \"time\"\n\nfunc hold(ch chan int) {\n\tbuf := make([]byte, 1<<20)\n\t<-ch\n\tprintln(len(buf))\n}\n\nfunc idle(ch chan int) {\n\t<-ch\n}\n\nfunc main() {\n\ta, b := make(chan int), make(chan int)\n\tgo hold(a)\n\tgo idle(b)\n\ttime.Sleep(time.Second)\n\ta <- 1\n\tb <- 1\n}\n";
    let program = compile("prog.go", src).expect("compiles");
    let mut session = Session::new(&program, &RunConfig::default());
    let mut seen = None;
    for _ in 0..10_000 {
        let pinned = session.pinned_bytes().expect("running");
        // Both goroutines blocked: main, hold and idle are all alive.
        if pinned.len() == 3 && pinned.iter().any(|&(_, b)| b >= 1 << 20) {
            seen = Some(pinned);
            break;
        }
        assert!(!session.advance(1), "the run ended first");
    }
    let pinned = seen.expect("hold blocked with its buffer");
    let (big, small): (Vec<(u64, u64)>, Vec<(u64, u64)>) = pinned.iter().copied().filter(|&(g, _)| g != 1).partition(|&(_, b)| b >= 1 << 20);
    assert_eq!((big.len(), small.len()), (1, 1), "{pinned:?}");
    assert!(big[0].1 < (1 << 20) + 4096 && small[0].1 < 4096, "{pinned:?}");
    while !session.advance(1000) {}
    assert_eq!(session.pinned_bytes(), None);
}

/// Corpus programs for the instruction budgets: channels, timers and
/// tickers, sync and atomics (a P spinning on a flag), `Gosched`,
/// `GOMAXPROCS`, writes from several goroutines (held until their P's
/// work is done), a collection's cost, panics, deadlocks, `String`
/// methods that `fmt` calls back into, and the race detector.
const BUDGET_PROGRAMS: &[&str] = &[
    "concurrent/001_go_and_channel",
    "concurrent/014_panic_in_goroutine",
    "concurrent/016_deadlock_main_receive",
    "concurrent/035_select_timeout",
    "concurrent/040_mutex_counter",
    "concurrent/061_spin_with_atomic_flag",
    "concurrent/072_ticker",
    "concurrent/097_gosched_pingpong",
    "concurrent/098_gomaxprocs_numcpu",
    "concurrent/109_pprof_goroutineleak",
    "concurrent/116_log_from_goroutines",
    "concurrent/135_deadlock_many_states",
    "concurrent/147_spawn_many_atomic",
    "nondeterministic/023_timer_vs_work",
    "nondeterministic/024_sleep_vs_busy",
    "nondeterministic/032_cas_ticket",
    "programs/037_stringer",
    "race/counter",
    "races/map_writes",
    "races/lost_update",
];

fn load(path: &str) -> (String, Program) {
    let file = format!("{}/tests/{path}.go", env!("CARGO_MANIFEST_DIR"));
    let src = std::fs::read_to_string(&file).expect("program");
    let program = compile(&file, &src).expect("compiles");
    (src, program)
}

/// Runs `program` in calls of at most `instructions` instructions each
/// (steps unbounded): the outcome, the calls made and the instructions
/// they reported. Every call's events extend the previous call's.
fn in_calls(program: &Program, config: &RunConfig, instructions: u64) -> (Outcome, u64, u64) {
    let mut session = Session::new(program, config);
    let (mut calls, mut total) = (0u64, 0u64);
    let mut seen: Vec<gmp_engine::Event> = Vec::new();
    loop {
        let a = session.advance_within(Budget { steps: u32::MAX, instructions });
        calls += 1;
        total += a.instructions;
        assert!(a.instructions <= instructions, "a call ran {} instructions, over its budget of {instructions}", a.instructions);
        let now = session.events();
        assert!(now.len() >= seen.len(), "events shrank");
        seen.extend_from_slice(&now[seen.len()..]);
        if a.ended {
            let out = session.into_outcome();
            assert!(seen == out.events, "the events seen as they came are not the run's");
            return (out, calls, total);
        }
    }
}

/// A run advanced a few instructions at a time is [`run`]'s run, whatever
/// the budget: the budget cuts goroutines' slices anywhere, and each cut
/// slice goes on from the instruction where it stopped. Everything the
/// outcome holds is compared: output, exit, ending, every event with its
/// time, the choices made (what a schedule token replays), leaks, races.
#[test]
fn instruction_budgets_cut_slices_without_changing_the_run() {
    for path in BUDGET_PROGRAMS {
        let (_, program) = load(path);
        for procs in [1, 2, 4] {
            let config = RunConfig {
                procs,
                seed: 3,
                record_choices: true,
                race: path.starts_with("race/"),
                ..RunConfig::default()
            };
            let whole = format!("{:?}", run(&program, &config));
            let (out, unbounded_calls, total) = in_calls(&program, &config, u64::MAX);
            assert_eq!(unbounded_calls, 1);
            assert_eq!(format!("{out:?}"), whole, "{path} P={procs}: one call");
            for budget in [1, 7, 1000] {
                let (out, calls, ran) = in_calls(&program, &config, budget);
                assert_eq!(format!("{out:?}"), whole, "{path} P={procs}: {budget} instructions a call");
                assert_eq!(ran, total, "{path} P={procs}: {budget} instructions a call");
                // Calls end on the budget, not earlier.
                assert!(calls <= total / budget + 1 + 1, "{path} P={procs}: {calls} calls of {budget} for {total}");
            }
        }
    }
}

/// A program that spins until the run's own instruction budget ends it
/// (`instruction budget exceeded`, with its traceback): the same when the
/// host's budget cuts every slice short, on one P and on several.
#[test]
fn a_run_ending_on_its_instruction_limit_is_the_same_in_small_calls() {
    let src = "package main\n\nimport \"fmt\"\n\nfunc spin(n *int) {\n\tfor {\n\t\t*n++\n\t}\n}\n\nfunc main() {\n\tn := 0\n\tgo spin(&n)\n\tfmt.Println(\"spinning\")\n\tspin(&n)\n}\n";
    let program = compile("spin.go", src).expect("compiles");
    for procs in [1, 2] {
        let config = RunConfig { procs, instr_limit: 120_000, record_choices: true, check_invariants: true, ..RunConfig::default() };
        let whole = run(&program, &config);
        assert!(whole.stderr.contains("instruction budget exceeded"), "{}", whole.stderr);
        for budget in [1, 7, 1000, 4096] {
            let (out, _, _) = in_calls(&program, &config, budget);
            assert_eq!(format!("{out:?}"), format!("{whole:?}"), "P={procs}: {budget} instructions a call");
        }
    }
}

/// A call on a goroutine that spins through its slices returns after the
/// instructions it was given, exactly: mid-slice, at a slice's end, and
/// across many slices.
#[test]
fn a_spinning_program_returns_after_its_instruction_budget() {
    let program = compile("spin.go", "package main\n\nfunc main() {\n\tfor {\n\t}\n}\n").expect("compiles");
    for procs in [1, 2] {
        let mut session = Session::new(&program, &RunConfig { procs, ..RunConfig::default() });
        for n in [1, 7, 1000, 10_000, 25_000, 3] {
            let a = session.advance_within(Budget { steps: u32::MAX, instructions: n });
            assert!(!a.ended, "a spinning program ended");
            assert_eq!(a.instructions, n, "P={procs}");
            // A slice is 10,000 instructions: a few steps at most.
            assert!(a.steps as u64 <= n / 5_000 + 4, "P={procs}: {} steps for {n} instructions", a.steps);
        }
        assert!(session.outcome().is_none());
        // The step budget still bounds a call.
        let a = session.advance_within(Budget { steps: 2, instructions: u64::MAX });
        assert_eq!(a.steps, 2);
        assert!(a.instructions <= 20_000, "{}", a.instructions);
    }
}
