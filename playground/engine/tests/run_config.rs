//! `RunConfig` knobs that must not change what a program does.

use gmp_engine::{EventKind, RunConfig, run_source};

const PROGRAM: &str = "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\nfunc main() {\n\tvar wg sync.WaitGroup\n\tresults := make(chan int, 3)\n\tfor i := range 3 {\n\t\twg.Add(1)\n\t\tgo func() {\n\t\t\tdefer wg.Done()\n\t\t\tresults <- i * i\n\t\t}()\n\t}\n\twg.Wait()\n\tclose(results)\n\tsum := 0\n\tfor r := range results {\n\t\tsum += r\n\t}\n\tfmt.Println(\"sum\", sum)\n}\n";

#[test]
fn not_recording_events_changes_nothing_but_the_events() {
    let with = run_source("prog.go", PROGRAM, &RunConfig::default());
    let without = run_source("prog.go", PROGRAM, &RunConfig { record_events: false, ..RunConfig::default() });
    assert_eq!(with.stdout, "sum 5\n");
    assert_eq!((with.stdout.as_str(), with.stderr.as_str(), with.exit_code), (without.stdout.as_str(), without.stderr.as_str(), without.exit_code));
    assert!(with.events.len() > 20, "{} events", with.events.len());
    assert!(with.events.iter().any(|e| matches!(e.kind, EventKind::ChanSend { .. })));
    assert!(without.events.iter().all(|e| matches!(e.kind, EventKind::Output { .. } | EventKind::Exit { .. })), "{:?}", without.events);
}

#[test]
fn the_same_seed_gives_the_same_events_on_several_ps() {
    let cfg = RunConfig { procs: 3, seed: 42, ..RunConfig::default() };
    let a = run_source("prog.go", PROGRAM, &cfg);
    let b = run_source("prog.go", PROGRAM, &cfg);
    assert_eq!(a.stdout, "sum 5\n");
    assert_eq!(a.events, b.events);
}
