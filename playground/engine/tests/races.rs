//! Data races as real hardware has them (`tests/races/`): between Ps,
//! plain loads and stores of a shared variable interleave, so a racy
//! program's outcome depends on the schedule, within what Go's memory
//! model allows.

use gmp_engine::{RunConfig, run_source};

fn counter_runs(procs: u32, seeds: std::ops::RangeInclusive<u64>) -> Vec<u64> {
    let src = include_str!("races/lost_update.go");
    seeds
        .map(|seed| {
            let out = run_source("lost_update.go", src, &RunConfig { procs, seed, record_events: false, ..RunConfig::default() });
            assert_eq!(out.exit_code, 0, "seed {seed}: {}", out.stderr);
            out.stdout.trim().parse().unwrap_or_else(|e| panic!("seed {seed}: {:?}: {e}", out.stdout))
        })
        .collect()
}

/// With one P, goroutines take turns at safe points only: no update is
/// ever lost.
#[test]
fn one_p_never_loses_an_update() {
    assert_eq!(counter_runs(1, 1..=5), vec![200_000; 5]);
}

/// With two or four Ps, some seeds lose increments, as real Go does, and
/// no run counts more increments than were made.
#[test]
fn several_ps_lose_updates_but_never_invent_them() {
    for procs in [2, 4] {
        let counts = counter_runs(procs, 1..=12);
        assert!(counts.iter().all(|&c| (2..=200_000).contains(&c)), "GOMAXPROCS={procs}: {counts:?}");
        assert!(counts.iter().any(|&c| c < 200_000), "GOMAXPROCS={procs}: no lost update in {counts:?}");
    }
}
