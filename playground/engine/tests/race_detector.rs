//! Go's race detector (`gmp run --race`) against real Go's `-race`
//! (`tests/race/`): each program's `X.race` holds the outcomes `go build
//! -race` gave over 20 runs with GOMAXPROCS=1 (`cargo xtask expect race`;
//! Go's race runtime randomises its scheduler, so a racy program can
//! report its pair either way round). The engine on one P must print
//! one of them: the same stdout, the same reports (accesses, stacks,
//! goroutines, `running`/`finished`, creation stacks) and the same exit
//! status, once addresses and PC offsets (which an interpreter cannot
//! share with a binary) are normalised, and goroutines are numbered in
//! the order the report names them (Go's race runtime starts runtime
//! goroutines of its own, which shifts its ids). A race-free program
//! must print no report.

use gmp_engine::{RunConfig, run_source};
use std::fs;
use std::path::Path;

/// One outcome of `X.race`.
#[derive(Debug, PartialEq)]
struct Outcome {
    exit: i32,
    stdout: String,
    stderr: String,
}

fn parse(text: &str) -> Vec<Outcome> {
    let mut out = Vec::new();
    for block in text.split("-- end --\n").filter(|b| !b.trim().is_empty()) {
        let (head, rest) = block.split_once("\n-- stdout --\n").expect("-- stdout --");
        let (stdout, stderr) = rest.split_once("-- stderr --\n").expect("-- stderr --");
        let exit = head.trim().strip_prefix("exit ").and_then(|c| c.parse().ok()).expect("exit N");
        out.push(Outcome { exit, stdout: stdout.to_string(), stderr: renumber(&without_runtime_frames(stderr)) });
    }
    out
}

/// What `cargo xtask expect` does to Go's output: addresses, PC offsets and
/// directories normalised.
fn normalise(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let mut l = line.to_string();
        // `0x00c000012078`: 0x and 12 hex digits.
        let mut i = 0;
        while let Some(at) = l[i..].find("0x").map(|a| a + i) {
            let hex = l[at + 2..].chars().take_while(|c| c.is_ascii_hexdigit()).count();
            if hex == 12 {
                l.replace_range(at..at + 14, "0xADDR");
            }
            i = at + 2;
        }
        if let Some(at) = l.rfind(" +0x")
            && l[at + 4..].chars().all(|c| c.is_ascii_hexdigit())
        {
            l.replace_range(at.., " +0xOFF");
        }
        if let Some(go) = l.find(".go:")
            && let Some(slash) = l[..go].rfind('/')
        {
            let start = l[..slash].rfind([' ', '\t']).map_or(0, |s| s + 1);
            l.replace_range(start..=slash, "");
        }
        out.push_str(&l);
        out.push('\n');
    }
    out
}

/// Go's stacks without the frames of its runtime's map code on top
/// (`runtime.mapassign_fast64()`): the engine's maps are not Go code.
fn without_runtime_frames(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < lines.len() {
        if lines[i].starts_with("  runtime.map") && lines.get(i + 1).is_some_and(|l| l.starts_with("      ")) {
            i += 2;
            continue;
        }
        out.push_str(lines[i]);
        out.push('\n');
        i += 1;
    }
    out
}

/// Goroutine ids renumbered G1, G2... in the order the text names them.
fn renumber(text: &str) -> String {
    let mut seen: Vec<String> = Vec::new();
    let mut out = String::new();
    let mut words = text.split(' ').peekable();
    let mut first = true;
    while let Some(w) = words.next() {
        if !first {
            out.push(' ');
        }
        first = false;
        out.push_str(w);
        if (w == "goroutine" || w.ends_with("Goroutine"))
            && let Some(n) = words.peek()
        {
            let digits: String = n.chars().take_while(|c| c.is_ascii_digit()).collect();
            if !digits.is_empty() {
                let k = seen.iter().position(|s| *s == digits).unwrap_or_else(|| {
                    seen.push(digits.clone());
                    seen.len() - 1
                });
                let rest = &n[digits.len()..];
                out.push_str(&format!(" G{}{rest}", k + 1));
                words.next();
            }
        }
    }
    out
}

fn check(name: &str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/race");
    let src = fs::read_to_string(dir.join(format!("{name}.go"))).expect("program");
    let expected = parse(&fs::read_to_string(dir.join(format!("{name}.race"))).expect("X.race"));
    assert!(!expected.is_empty(), "{name}.race holds no outcome");
    let out = run_source("/tmp/x/prog.go", &src, &RunConfig { race: true, procs: 1, check_invariants: true, ..RunConfig::default() });
    let got = Outcome { exit: out.exit_code, stdout: out.stdout.clone(), stderr: renumber(&normalise(&out.stderr)) };
    assert!(
        expected.contains(&got),
        "{name}: the engine's outcome is none of Go's.\n--- engine (exit {}) ---\n{}{}\n--- Go's first (exit {}) ---\n{}{}",
        got.exit,
        got.stdout,
        got.stderr,
        expected[0].exit,
        expected[0].stdout,
        expected[0].stderr
    );
    if name.starts_with("ok_") {
        assert!(!out.stderr.contains("DATA RACE"), "{name}: a race-free program got a report");
    } else {
        assert_eq!(out.exit_code, 66, "{name}: a racy program exits 66");
    }
    // On several Ps, under several schedules: a race-free program is never
    // reported (no edge is missed when goroutines run in parallel), a racy
    // one always is (happens-before does not depend on the order).
    for procs in [2, 4] {
        for seed in 1..=5 {
            let out = run_source("/tmp/x/prog.go", &src, &RunConfig { race: true, procs, seed, ..RunConfig::default() });
            if name.starts_with("ok_") {
                assert!(!out.stderr.contains("DATA RACE"), "{name} P={procs} seed {seed}: a race-free program got a report\n{}", out.stderr);
                assert_eq!(out.exit_code, 0, "{name} P={procs} seed {seed}: {}", out.stderr);
            } else {
                assert!(out.stderr.contains("WARNING: DATA RACE"), "{name} P={procs} seed {seed}: no report\n{}", out.stderr);
            }
        }
    }
    // Without -race the same program prints no report and exits as Go.
    let plain = run_source("/tmp/x/prog.go", &src, &RunConfig { procs: 1, ..RunConfig::default() });
    assert!(!plain.stderr.contains("DATA RACE"), "{name}: a report without -race");
    assert_eq!(plain.exit_code, 0, "{name}: {}", plain.stderr);
}

macro_rules! race_tests {
    ($($name:ident),* $(,)?) => {
        $(#[test] fn $name() { check(stringify!($name)); })*
    };
}

race_tests!(
    counter,
    map_writes,
    global,
    loop_closure,
    slice_field,
    ok_go_statement,
    ok_unbuffered,
    ok_buffered,
    ok_close,
    ok_mutex,
    ok_rwmutex,
    ok_waitgroup,
    ok_once,
    ok_atomic,
    ok_select,
    ok_context,
);

/// Every program of the folder has a test above, and a recording.
#[test]
fn every_program_is_tested_and_recorded() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/race");
    let this = include_str!("race_detector.rs");
    for e in fs::read_dir(&dir).expect("tests/race") {
        let p = e.expect("entry").path();
        if p.extension().is_some_and(|x| x == "go") {
            let stem = p.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_string();
            assert!(this.contains(&format!("    {stem},\n")), "{stem}.go has no test");
            assert!(dir.join(format!("{stem}.race")).exists(), "{stem}.go has no {stem}.race");
        }
    }
}

#[test]
fn normalising_matches_the_recording_script() {
    let go = "Read at 0x00c0000180f8 by goroutine 9:\n  main.main.func1()\n      /tmp/rx/prog.go:15 +0x7b\n";
    assert_eq!(normalise(go), "Read at 0xADDR by goroutine 9:\n  main.main.func1()\n      prog.go:15 +0xOFF\n");
    let report = "Read at 0xADDR by goroutine 9:\n  f()\n\nPrevious write at 0xADDR by goroutine 8:\n  f()\n\nGoroutine 9 (running) created at:\n\nGoroutine 8 (finished) created at:\n";
    let want = "Read at 0xADDR by goroutine G1:\n  f()\n\nPrevious write at 0xADDR by goroutine G2:\n  f()\n\nGoroutine G1 (running) created at:\n\nGoroutine G2 (finished) created at:\n";
    assert_eq!(renumber(report), want);
}

/// Each report is also data: both accesses with their goroutines and
/// positions, which the playground marks in the editor.
#[test]
fn a_reported_race_names_both_accesses_and_where_they_are() {
    let src = std::fs::read_to_string(format!("{}/tests/race/global.go", env!("CARGO_MANIFEST_DIR"))).expect("program");
    let program = gmp_engine::compile("prog.go", &src).expect("compiles");
    let out = gmp_engine::run(&program, &gmp_engine::RunConfig { race: true, ..Default::default() });
    assert_eq!(out.races.len(), out.stderr.matches("WARNING: DATA RACE").count());
    assert!(!out.races.is_empty(), "{}", out.stderr);
    let file = program.file();
    let line = |a: &gmp_engine::RaceAccess| file.line_col(a.pos.expect("a position").start).line;
    let r = out.races[0];
    assert_ne!(r.access.goid, r.previous.goid);
    assert!(r.access.write || r.previous.write, "a race has a write");
    // The report's own first lines name the same lines.
    let report_lines: Vec<u32> = out
        .stderr
        .lines()
        .filter_map(|l| l.trim().rsplit_once("prog.go:").and_then(|(_, rest)| rest.split(' ').next()?.parse().ok()))
        .collect();
    assert!(report_lines.contains(&line(&r.access)) && report_lines.contains(&line(&r.previous)), "{report_lines:?} {r:?}");
    // Without the detector, none.
    assert!(gmp_engine::run(&program, &gmp_engine::RunConfig::default()).races.is_empty());
}
