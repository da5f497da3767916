//! Exploring schedules (`gmp_engine::explore`): every outcome found is one
//! Go allows, the outcomes real Go printed are found, and each outcome's
//! schedule replays it.

use gmp_engine::explore::{BoundedSearch, Ending, ExploreConfig, decision_points, explore};
use gmp_engine::golden::{parse_allowed, parse_observed};
use gmp_engine::{ChoiceKind, RunConfig, Strategy, compile, run};

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

/// Two goroutines on their own Ps whose bug needs two orderings: the
/// child's `flag.Store` before main's `flag.Load`, and main's
/// `seen.Store` before the child's `seen.Load` (PCT's depth 2). Each
/// side works a while between its two steps.
const DEPTH_2: &str = r#"package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func work(n int) int {
	s := 0
	for i := 0; i < n; i++ {
		s += i
	}
	return s
}

func main() {
	var flag, seen atomic.Int32
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		flag.Store(1)
		work(3000)
		if seen.Load() == 1 {
			fmt.Println("bug")
		}
	}()
	work(3000)
	if flag.Load() == 1 {
		seen.Store(1)
	}
	wg.Wait()
}
"#;

/// The same with one ordering: the child's `flag.Store` before main's
/// `flag.Load` (depth 1).
const DEPTH_1: &str = r#"package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var flag atomic.Int32
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		flag.Store(1)
	}()
	if flag.Load() == 1 {
		fmt.Println("bug")
	}
	wg.Wait()
}
"#;

/// How many schedules of `strategy` (seeds 1, 2...) it takes until the
/// program prints "bug", if it does within `budget`.
fn schedules_to_bug(program: &gmp_engine::Program, procs: u32, strategy: Strategy, budget: u64) -> Option<u64> {
    (1..=budget).find(|&seed| {
        let out = run(program, &RunConfig { procs, seed, strategy, record_events: false, check_invariants: true, ..RunConfig::default() });
        assert!(out.stderr.is_empty(), "{}", out.stderr);
        out.stdout == "bug\n"
    })
}

/// PCT's guarantee: a bug of depth d among n threads comes up with
/// probability at least 1/(n·k^(d-1)) per run, k the decision points.
/// Runs expected within 4/p schedules fail the test only if the
/// priorities do not decide which P moves next.
#[test]
fn pct_finds_ordering_bugs_within_its_bound() {
    let procs = 2;
    let depth1 = compile("depth1.go", DEPTH_1).expect("compiles");
    let depth2 = compile("depth2.go", DEPTH_2).expect("compiles");
    let config = ExploreConfig::default();
    // Without priorities main's load comes first: the bug needs a stolen child.
    assert_eq!(run(&depth1, &RunConfig { procs: 1, ..RunConfig::default() }).stdout, "");
    let n = procs as u64;
    let k1 = decision_points(&depth1, procs, &config) as u64;
    let found = schedules_to_bug(&depth1, procs, Strategy::Pct { depth: 1, steps: k1 as u32 }, 4 * n);
    assert!(found.is_some(), "PCT d=1 missed a depth-1 bug in {} runs", 4 * n);
    let k2 = decision_points(&depth2, procs, &config) as u64;
    assert!(k2 >= 2, "{k2} decision points");
    for depth in [2, 3] {
        let bound = 4 * n * k2.pow(depth - 1);
        let found = schedules_to_bug(&depth2, procs, Strategy::Pct { depth, steps: k2 as u32 }, bound.min(4 * n * k2 * 8));
        assert!(found.is_some(), "PCT d={depth} missed a depth-2 bug (k = {k2})");
    }
    // With one change point too few, the depth-2 bug needs luck the
    // priorities do not give: d=1 runs the top P's goroutine through.
    let d1 = schedules_to_bug(&depth2, procs, Strategy::Pct { depth: 1, steps: k2 as u32 }, 4 * n * k2);
    assert_eq!(d1, None, "PCT d=1 found a depth-2 bug");
}

/// Bound 0 runs only schedules without preemption, one per P on top,
/// each a different schedule; bound 1 adds one preemption at each
/// decision point, and the runs preempt exactly there.
#[test]
fn bounded_search_enumerates_distinct_schedules_by_preemptions() {
    let program = compile("depth2.go", DEPTH_2).expect("compiles");
    let procs = 2;
    let base = RunConfig { procs, record_events: false, check_invariants: true, ..RunConfig::default() };
    let preempts = |out: &gmp_engine::Outcome| out.choices.iter().filter(|c| c.kind == ChoiceKind::Preempt && c.pick != 0).count();
    let run_node = |n: &gmp_engine::explore::BoundedNode, seed: u64| {
        run(&program, &RunConfig { seed, strategy: Strategy::Bounded, picks: n.picks.clone(), record_choices: true, ..base.clone() })
    };
    let mut search = BoundedSearch::new(procs, 1, 0);
    let mut seen = std::collections::HashSet::new();
    let mut tops = std::collections::HashSet::new();
    let mut bound0_outputs = Vec::new();
    while let Some(node) = search.next() {
        assert_eq!(search.bound(), 0);
        assert_eq!(node.preemptions, 0);
        let out = run_node(&node, search.seed);
        assert!(out.stderr.is_empty(), "{}", out.stderr);
        assert_eq!(preempts(&out), 0, "a schedule of bound 0 preempted");
        // The run's first choice ranks the top P.
        assert_eq!(out.choices[0].kind, ChoiceKind::Priority);
        tops.insert(out.choices[0].pick);
        bound0_outputs.push(out.stdout.clone());
        assert!(seen.insert(node.picks.clone()), "schedule {:?} given twice", node.picks);
        search.ran(node, &out.choices);
    }
    assert_eq!(tops.len(), procs as usize, "one schedule per P on top");
    // Bound 1: every schedule preempts once, at a point its parent's run
    // could, and none repeats.
    let mut search = BoundedSearch::new(procs, 1, 1);
    let (mut level1, mut outputs, mut hit) = (0, std::collections::BTreeSet::new(), None);
    while let Some(node) = search.next() {
        let out = run_node(&node, search.seed);
        assert!(out.stderr.is_empty(), "{}", out.stderr);
        assert_eq!(preempts(&out), node.preemptions as usize, "{:?}", node.picks);
        assert!(node.preemptions <= 1);
        if node.preemptions == 1 {
            level1 += 1;
            assert_eq!(search.bound(), 1);
        }
        assert!(seen.insert(node.picks.clone()) || node.preemptions == 0, "schedule {:?} given twice", node.picks);
        if out.stdout == "bug\n" && hit.is_none() {
            hit = Some(node.clone());
        }
        outputs.insert(out.stdout.clone());
        search.ran(node, &out.choices);
    }
    let k = decision_points(&program, procs, &ExploreConfig::default()) as usize;
    assert!(level1 >= k, "{level1} schedules with one preemption, {k} decision points on P0's schedule alone");
    // Without a preemption the top P's goroutine runs through: no bug.
    // With one (the child's P on top, preempted between its two steps)
    // there is.
    assert!(bound0_outputs.iter().all(|o| o.is_empty()), "{bound0_outputs:?}");
    assert!(outputs.contains("bug\n"), "{outputs:?}");
    let hit = hit.expect("bound 1 finds the depth-2 bug");
    assert_eq!(hit.preemptions, 1);
    // Its schedule replays it.
    let token = gmp_engine::Schedule { procs, seed: 1, strategy: Strategy::Bounded, picks: hit.picks.clone() }.encode();
    let again = run(&program, &RunConfig::from_schedule(&gmp_engine::Schedule::decode(&token).expect("token")));
    assert_eq!(again.stdout, "bug\n", "{token}");
}
