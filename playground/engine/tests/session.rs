//! A session advances a run a bounded number of steps at a time: what a
//! page does so that it never freezes. Advanced to its end, it is exactly
//! `run`'s run.

use gmp_engine::{RunConfig, Session, SourceFile, compile, run};

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
