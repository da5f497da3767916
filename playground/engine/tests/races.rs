//! Data races as real hardware has them (`tests/races/`): between Ps,
//! plain loads and stores of a shared variable interleave, so a racy
//! program's outcome depends on the schedule, within what Go's memory
//! model allows; and Go's runtime catches some races on maps.

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

/// The outcomes of a map race over seeds: each run either prints 100 (the
/// map's size) or dies as Go's runtime does, with exactly Go's message.
fn map_runs(src: &str, procs: u32, seeds: std::ops::RangeInclusive<u64>, fatal: &str) -> (usize, usize) {
    let (mut fine, mut died) = (0, 0);
    for seed in seeds {
        let out = run_source("prog.go", src, &RunConfig { procs, seed, record_events: false, ..RunConfig::default() });
        match out.exit_code {
            0 => {
                assert_eq!(out.stdout, "100\n", "seed {seed}");
                fine += 1;
            }
            2 => {
                let head = format!("fatal error: {fatal}\n\ngoroutine ");
                assert!(out.stderr.starts_with(&head), "seed {seed}: {}", out.stderr);
                assert!(out.stderr.contains("[running]:\nmain.main.func"), "seed {seed}: {}", out.stderr);
                assert_eq!(out.stdout, "", "seed {seed}");
                died += 1;
            }
            code => panic!("seed {seed}: exit {code}: {}", out.stderr),
        }
    }
    (fine, died)
}

/// On several Ps, two writers sometimes meet: `concurrent map writes`,
/// and sometimes not; on one P they never do.
#[test]
fn concurrent_map_writes_are_caught_as_go_catches_them() {
    let src = include_str!("races/map_writes.go");
    let (fine, died) = map_runs(src, 2, 1..=12, "concurrent map writes");
    assert!(fine > 0 && died > 0, "GOMAXPROCS=2: {fine} printed, {died} died");
    assert_eq!(map_runs(src, 1, 1..=3, "concurrent map writes"), (3, 0));
}

#[test]
fn a_read_during_a_write_is_caught_too() {
    let src = include_str!("races/map_read_write.go");
    let (fine, died) = map_runs(src, 2, 1..=12, "concurrent map read and map write");
    assert!(fine > 0 && died > 0, "GOMAXPROCS=2: {fine} printed, {died} died");
    assert_eq!(map_runs(src, 1, 1..=3, "concurrent map read and map write"), (3, 0));
}
