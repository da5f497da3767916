//! Exploring schedules (`gmp_engine::explore`): every outcome found is one
//! Go allows, the outcomes real Go printed are found, and each outcome's
//! schedule replays it.

use gmp_engine::explore::{Ending, ExploreConfig, explore};
use gmp_engine::golden::{parse_allowed, parse_observed};
use gmp_engine::{RunConfig, compile, run};

const NAME: &str = "002_unordered_four.go";
const SOURCE: &str = include_str!("nondeterministic/002_unordered_four.go");

#[test]
fn exploration_finds_what_go_printed_and_nothing_it_forbids() {
    let program = compile(NAME, SOURCE).expect("compiles");
    let config = ExploreConfig { procs: vec![1, 2, 4], schedules: 150, ..ExploreConfig::default() };
    let found = explore(&program, &config);
    assert_eq!(found.schedules_run, 450);
    assert_eq!(found.outcomes.iter().map(|o| o.count).sum::<u64>(), 450);
    let allowed = parse_allowed(include_str!("nondeterministic/002_unordered_four.allowed")).expect("allowed parses");
    for o in &found.outcomes {
        assert!(allowed.iter().any(|a| a.stdout == o.stdout && a.exit_code == o.exit_code), "not allowed: {:?}", o.stdout);
        assert_eq!(o.ending, Ending::Exited { code: 0, leaked: 0 });
    }
    // With one P, Go's order only.
    let one_p: Vec<_> = found.outcomes.iter().filter(|o| o.procs.contains(&1)).collect();
    assert_eq!(one_p.len(), 1, "{one_p:?}");
    // Most of what real Go printed on 2 and 4 Ps.
    let observed = parse_observed(include_str!("nondeterministic/002_unordered_four.observed")).expect("observed parses");
    let go: Vec<_> = observed.iter().filter(|o| o.procs == 2 || o.procs == 4).flat_map(|o| o.outputs.iter().map(|(_, r)| r)).collect();
    let reached = go.iter().filter(|r| found.outcomes.iter().any(|o| o.stdout == r.stdout)).count();
    assert!(reached * 2 >= go.len(), "only {reached} of Go's {} outputs", go.len());
    assert!(found.outcomes.len() >= 6, "{} outcomes", found.outcomes.len());
    // Every outcome's schedule replays it.
    for o in &found.outcomes {
        let out = run(&program, &RunConfig::from_schedule(&o.schedule));
        assert_eq!((out.stdout.as_str(), out.exit_code), (o.stdout.as_str(), o.exit_code), "{}", o.schedule.encode());
    }
}

#[test]
fn endings_are_named_as_a_learner_names_them() {
    let cases = [
        ("package main\n\nfunc main() {\n\tch := make(chan int)\n\t<-ch\n}\n", Ending::Deadlocked),
        ("package main\n\nfunc main() {\n\tpanic(\"boom\")\n}\n", Ending::Panicked),
        (
            "package main\n\nimport \"time\"\n\nfunc main() {\n\tch := make(chan int)\n\tgo func() { ch <- 1 }()\n\ttime.Sleep(time.Millisecond)\n}\n",
            Ending::Exited { code: 0, leaked: 1 },
        ),
        ("package main\n\nimport \"os\"\n\nfunc main() {\n\tos.Exit(3)\n}\n", Ending::Exited { code: 3, leaked: 0 }),
    ];
    for (src, want) in cases {
        let program = compile("prog.go", src).expect("compiles");
        let found = explore(&program, &ExploreConfig { procs: vec![1], schedules: 2, ..ExploreConfig::default() });
        assert_eq!(found.outcomes.len(), 1, "{src}");
        assert_eq!(found.outcomes[0].ending, want, "{src}");
        assert_eq!(found.outcomes[0].count, 2);
    }
}

/// A fork keeps the run's past and explores its future: keeping every
/// choice leaves one future (the run itself); keeping none is a plain
/// exploration; from a midpoint, every future replays the same past.
#[test]
fn a_fork_keeps_the_past_and_explores_the_future() {
    use gmp_engine::explore::fork;
    use gmp_engine::Session;
    let program = compile(NAME, SOURCE).expect("compiles");
    let base = RunConfig { procs: 4, seed: 9, ..RunConfig::default() };
    let whole = run(&program, &base);
    let config = ExploreConfig { schedules: 60, ..ExploreConfig::default() };

    // Every choice kept: the base run, 60 times over.
    let all = Session::replay_to(&program, &base, usize::MAX, 1_000_000).0.choices_made();
    let same = fork(&program, &base, all, &config);
    assert_eq!(same.outcomes.len(), 1, "{:?}", same.outcomes);
    assert_eq!((same.outcomes[0].stdout.as_str(), same.outcomes[0].count), (whole.stdout.as_str(), 60));

    // None kept: several orders, as a plain exploration on 4 Ps finds.
    let free = fork(&program, &base, 0, &config);
    assert!(free.outcomes.len() > 1, "{:?}", free.outcomes);

    // From just before the first goroutine prints: each future's schedule
    // replays the past event for event.
    let first_print = whole.events.iter().position(|e| matches!(e.kind, gmp_engine::EventKind::Output { .. })).expect("prints");
    let (at, reached) = Session::replay_to(&program, &base, first_print, 1_000_000);
    assert!(reached);
    let past = at.events().len().min(first_print);
    let futures = fork(&program, &base, at.choices_made(), &config);
    let lines = |evs: &[gmp_engine::Event]| evs.iter().map(|e| format!("{e:?}")).collect::<Vec<_>>();
    for f in &futures.outcomes {
        let replay = run(&program, &RunConfig::from_schedule(&f.schedule));
        assert_eq!(replay.stdout, f.stdout);
        assert_eq!(lines(&replay.events[..past]), lines(&whole.events[..past]), "the past differs for {:?}", f.stdout);
    }
}

/// The scheduler's choices in a learner's terms: the steps every schedule
/// takes first, then each different next step with a schedule that takes
/// it, which replays to exactly that step.
#[test]
fn next_steps_are_the_ways_a_run_can_go_on() {
    use gmp_engine::explore::next_steps;
    let src = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\ta := make(chan string, 1)\n\tb := make(chan string, 1)\n\ta <- \"a\"\n\tb <- \"b\"\n\tselect {\n\tcase s := <-a:\n\t\tfmt.Println(\"took\", s)\n\tcase s := <-b:\n\t\tfmt.Println(\"took\", s)\n\t}\n}\n";
    let program = compile("prog.go", src).expect("compiles");
    let base = RunConfig { procs: 1, seed: 1, ..RunConfig::default() };
    let config = ExploreConfig { schedules: 40, ..ExploreConfig::default() };
    let next = next_steps(&program, &base, 0, &config, 64);
    assert_eq!(next.schedules_run, 40);
    // Until the select, one P leaves nothing open.
    let agreed: Vec<&str> = next.agreed.iter().map(|s| s.label.as_str()).collect();
    assert!(agreed.contains(&"G1 runs") && agreed.iter().any(|l| l.starts_with("G1 sends b on")), "{agreed:?}");
    let mut labels: Vec<&str> = next.options.iter().map(|o| o.step.label.as_str()).collect();
    labels.sort();
    assert_eq!(labels.len(), 2, "{labels:?}");
    assert!(labels[0].starts_with("G1 receives a from") && labels[1].starts_with("G1 receives b from"), "{labels:?}");
    assert_eq!(next.options.iter().map(|o| o.count).sum::<u64>(), 40);
    for o in &next.options {
        let replay = run(&program, &RunConfig::from_schedule(&o.schedule));
        assert_eq!(replay.events[o.event].kind.to_string(), o.step.label, "the option's schedule takes its step");
        let took = if o.step.label.starts_with("G1 receives a") { "took a\n" } else { "took b\n" };
        assert_eq!(replay.stdout, took);
    }
    // After the select nothing is open: one way on, to the end.
    let done = run(&program, &base);
    let at = done.events.iter().position(|e| matches!(e.kind, gmp_engine::EventKind::Output { .. })).expect("prints");
    let next = next_steps(&program, &base, at, &config, 64);
    assert_eq!(next.options.len(), 0, "{:?}", next.options);
    assert_eq!(next.agreed.last().map(|s| s.label.as_str()), Some("the program exits with code 0"));
}
