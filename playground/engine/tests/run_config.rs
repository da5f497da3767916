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

/// Events say where in the program they happened.
#[test]
fn events_carry_the_line_that_caused_them() {
    let src = "package main\n\nimport \"fmt\"\n\nfunc worker(ch chan int) {\n\tch <- 42\n}\n\nfunc main() {\n\tch := make(chan int)\n\tgo worker(ch)\n\tv := <-ch\n\tfmt.Println(v)\n}\n";
    let out = run_source("prog.go", src, &RunConfig::default());
    assert_eq!(out.stdout, "42\n");
    let line = |e: &gmp_engine::Event| e.pos.map(|p| 1 + src[..p.start as usize].matches('\n').count());
    let find = |pred: &dyn Fn(&EventKind) -> bool| out.events.iter().find(|e| pred(&e.kind)).unwrap_or_else(|| panic!("no such event in {:?}", out.events));
    assert_eq!(line(find(&|k| matches!(k, EventKind::ChanMake { .. }))), Some(10));
    assert_eq!(line(find(&|k| matches!(k, EventKind::GoCreate { func, .. } if &**func == "main.worker"))), Some(11));
    // main parks at the receive, the worker's send wakes it from line 6.
    assert_eq!(line(find(&|k| matches!(k, EventKind::GoPark { g: 1, .. }))), Some(12));
    assert_eq!(line(find(&|k| matches!(k, EventKind::ChanSend { .. }))), Some(6));
    assert_eq!(line(find(&|k| matches!(k, EventKind::RunqPut { g: 1, cause: gmp_engine::event::PutCause::Ready, .. }))), Some(6));
    // main resumes where it parked.
    let resumed = out.events.iter().filter(|e| matches!(e.kind, EventKind::Execute { g: 1, .. })).nth(1).expect("main runs again");
    assert_eq!(line(resumed), Some(12));
    assert_eq!(line(find(&|k| matches!(k, EventKind::Output { fd: 1, .. }))), Some(13));
    // The runtime's own moves have no position.
    assert!(out.events.iter().filter(|e| matches!(e.kind, EventKind::Exit { .. } | EventKind::MStart { .. })).all(|e| e.pos.is_none()));
}

/// Collections are events: forced by `runtime.GC()`, or triggered by
/// allocation, with what they swept and the finalizers they queued.
#[test]
fn garbage_collections_are_events() {
    let src = "package main\n\nimport (\n\t\"fmt\"\n\t\"runtime\"\n)\n\ntype T struct{ buf []byte }\n\nfunc main() {\n\tt := &T{buf: make([]byte, 1000)}\n\truntime.SetFinalizer(t, func(*T) {})\n\tt = nil\n\truntime.GC()\n\tkeep := 0\n\tfor i := 0; i < 20000; i++ {\n\t\tb := make([]byte, 512)\n\t\tkeep += len(b)\n\t}\n\tfmt.Println(keep)\n}\n";
    let out = run_source("prog.go", src, &RunConfig::default());
    assert_eq!(out.stdout, "10240000\n", "{}", out.stderr);
    let gcs: Vec<_> = out
        .events
        .iter()
        .filter_map(|e| match e.kind {
            EventKind::Gc { g, forced, freed, freed_bytes, finalizers, .. } => Some((g, forced, freed, freed_bytes, finalizers, e.pos.is_some())),
            _ => None,
        })
        .collect();
    let forced: Vec<_> = gcs.iter().filter(|c| c.1).collect();
    assert_eq!(forced.len(), 1, "{gcs:?}");
    // The finalizer keeps t (and its buffer) alive for one more cycle.
    let (g, _, _, _, finalizers, has_pos) = *forced[0];
    assert_eq!((g, finalizers, has_pos), (1, 1, true));
    // 20,000 dead 512-byte buffers trigger collections on their own.
    let automatic: Vec<_> = gcs.iter().filter(|c| !c.1).collect();
    assert!(!automatic.is_empty() && automatic.iter().all(|c| c.0 == 1 && c.2 > 0 && c.3 >= 512), "{gcs:?}");
}
