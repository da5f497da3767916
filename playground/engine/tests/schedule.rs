//! Schedules as data: a run's schedule (GOMAXPROCS, seed, overridden
//! picks) replays it exactly, and overriding one pick steers the run.

use gmp_engine::{ChoiceKind, Pick, RunConfig, Schedule, run_source};

const SELECT_BOTH_READY: &str = include_str!("nondeterministic/008_select_both_ready.go");
const UNORDERED: &str = include_str!("nondeterministic/002_unordered_four.go");

fn trace(src: &str, config: &RunConfig) -> (String, Vec<String>) {
    let out = run_source("prog.go", src, config);
    let file = gmp_engine::SourceFile::new("prog.go", src);
    (out.stdout, out.events.iter().map(|e| e.trace_line(&file).to_string()).collect())
}

/// The token of a run, decoded, gives the same output and events.
#[test]
fn a_schedule_token_replays_the_run() {
    for (procs, seed) in [(1, 3), (2, 5), (4, 9), (8, 2)] {
        let config = RunConfig { procs, seed, ..RunConfig::default() };
        let token = config.schedule().encode();
        let replay = RunConfig::from_schedule(&Schedule::decode(&token).expect("own token"));
        assert_eq!(trace(UNORDERED, &replay), trace(UNORDERED, &config), "GOMAXPROCS={procs} seed {seed}");
    }
}

/// Under the priority strategies too (PCT, a bounded search's schedule
/// with a top P and a preemption): the token replays the run event for
/// event, and holds the strategy's parameters.
#[test]
fn a_priority_schedule_token_replays_the_run() {
    use gmp_engine::Strategy;
    let cases = [
        (2, 5, Strategy::Pct { depth: 2, steps: 40 }, vec![]),
        (4, 9, Strategy::Pct { depth: 3, steps: 100 }, vec![]),
        (8, 2, Strategy::Pct { depth: 1, steps: 1 }, vec![]),
        (4, 1, Strategy::Bounded, vec![Pick { index: 0, pick: 2 }, Pick { index: 30, pick: 63 }]),
    ];
    for (procs, seed, strategy, picks) in cases {
        let config = RunConfig { procs, seed, strategy, picks, record_choices: true, ..RunConfig::default() };
        let token = config.schedule().encode();
        let decoded = Schedule::decode(&token).expect("own token");
        assert_eq!(decoded.strategy, strategy);
        let replay = RunConfig::from_schedule(&decoded);
        assert_eq!(trace(UNORDERED, &replay), trace(UNORDERED, &config), "{token}");
        // The run ranked its Ps first, and decided at every point where two could move.
        let out = run_source("prog.go", UNORDERED, &config);
        let ranks = out.choices.iter().take_while(|c| c.kind == ChoiceKind::Priority).count();
        assert_eq!(ranks, procs as usize, "{token}");
        assert!(out.choices.iter().any(|c| c.kind == ChoiceKind::Preempt), "{token}");
    }
    // With one P there is nothing to rank: the run is the random strategy's.
    let one = RunConfig { procs: 1, seed: 4, strategy: Strategy::Pct { depth: 3, steps: 10 }, ..RunConfig::default() };
    assert_eq!(trace(UNORDERED, &one), trace(UNORDERED, &RunConfig { procs: 1, seed: 4, ..RunConfig::default() }));
}

/// Each alternative of the first select's poll order, picked in turn,
/// is a different run, and together they reach both cases; a steered
/// run's token replays it.
#[test]
fn overriding_a_pick_steers_the_run() {
    let base = RunConfig { record_choices: true, ..RunConfig::default() };
    let out = run_source("prog.go", SELECT_BOTH_READY, &base);
    assert_eq!(out.choice_count as usize, out.choices.len());
    let (index, choice) = out
        .choices
        .iter()
        .enumerate()
        // selectgo's shuffle draws in 0..1 for the first case, 0..2 for the second.
        .find(|(_, c)| c.kind == ChoiceKind::SelectPollOrder && c.alternatives == 2)
        .expect("the select makes a choice between two cases");
    let mut firsts = std::collections::BTreeSet::new();
    for pick in 0..choice.alternatives {
        let steered = RunConfig { picks: vec![Pick { index: index as u64, pick }], record_choices: true, ..RunConfig::default() };
        let out = run_source("prog.go", SELECT_BOTH_READY, &steered);
        assert_eq!(out.choices[index].pick, pick, "the override is the pick the run made");
        firsts.insert(out.stdout[..1].to_string());
        let token = steered.schedule().encode();
        let replay = RunConfig::from_schedule(&Schedule::decode(&token).expect("own token"));
        assert_eq!(trace(SELECT_BOTH_READY, &replay), trace(SELECT_BOTH_READY, &steered));
    }
    assert_eq!(firsts.into_iter().collect::<Vec<_>>(), ["a", "b"]);
}

/// With several Ps the hardware's choices are logged too: slice lengths,
/// costs, wake-ups.
#[test]
fn several_ps_log_the_hardware_choices() {
    // Whether a run steals depends on its other choices: over a few seeds.
    let kinds: std::collections::BTreeSet<String> = (1..=5)
        .flat_map(|seed| run_source("prog.go", UNORDERED, &RunConfig { procs: 4, seed, record_choices: true, ..RunConfig::default() }).choices)
        .map(|c| format!("{:?}", c.kind))
        .collect();
    for kind in [ChoiceKind::SliceLength, ChoiceKind::OpCost, ChoiceKind::WakeLatency, ChoiceKind::StealOrder] {
        assert!(kinds.contains(&format!("{kind:?}")), "no {kind:?} among {kinds:?}");
    }
    let one = run_source("prog.go", UNORDERED, &RunConfig { procs: 1, record_choices: true, ..RunConfig::default() });
    assert!(one.choices.iter().all(|c| !matches!(c.kind, ChoiceKind::SliceLength | ChoiceKind::OpCost | ChoiceKind::OsStall)));
}
