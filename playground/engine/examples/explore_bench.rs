//! The session's performance figures (BENCHMARKS.md): exploring 1,000
//! schedules of a 50-line program, one step forward of a `Session`, and
//! rebuilding an earlier position of a 10,000-event run with
//! `Session::replay_to`. Wall time on a shared machine: each figure is
//! the median of many repetitions, with the fastest and slowest.
//!
//! ```sh
//! cargo run --profile native -p gmp-engine --example explore_bench
//! ```

use gmp_engine::explore::{ExploreConfig, explore};
use gmp_engine::{RunConfig, Session, Strategy, compile};
use std::time::{Duration, Instant};

const POOL: &str = include_str!("../tests/concurrent/124_worker_pool_graceful.go");
const DRAIN: &str = include_str!("../tests/concurrent/203_signal_worker_pool_drain.go");

/// A pipeline of three stages over unbuffered channels: about 10,000
/// scheduler events on two Ps.
const PIPELINE: &str = r#"package main

import "fmt"

func main() {
	src := make(chan int)
	sq := make(chan int)
	go func() {
		for i := 0; i < 1000; i++ {
			src <- i
		}
		close(src)
	}()
	go func() {
		for v := range src {
			sq <- v * v
		}
		close(sq)
	}()
	sum := 0
	for v := range sq {
		sum += v
	}
	fmt.Println(sum)
}
"#;

fn stats(mut xs: Vec<Duration>) -> String {
    xs.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    format!("median {:.3} ms (min {:.3}, max {:.3}, n = {})", ms(xs[xs.len() / 2]), ms(xs[0]), ms(xs[xs.len() - 1]), xs.len())
}

fn time<T>(f: impl FnOnce() -> T) -> (Duration, T) {
    let t = Instant::now();
    let out = f();
    (t.elapsed(), out)
}

fn main() {
    let reps = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(11);
    for (name, source, lines) in [("124_worker_pool_graceful.go", POOL, POOL.lines().count()), ("203_signal_worker_pool_drain.go", DRAIN, DRAIN.lines().count())] {
        let program = compile(name, source).expect("compiles");
        let mixes = [("gmp explore's mix", ExploreConfig::STRATEGIES.to_vec()), ("random, extremes, stalls", vec![Strategy::Random, Strategy::Extremes, Strategy::Stalls])];
        for ((procs, schedules), (mix, strategies)) in [(vec![1, 2, 4], 334), (vec![2], 1000), (vec![4], 1000)].into_iter().flat_map(|p| mixes.clone().map(|m| (p.clone(), m))) {
            let config = ExploreConfig { procs: procs.clone(), schedules, strategies, ..ExploreConfig::default() };
            let mut times = Vec::new();
            let mut outcomes = 0;
            for _ in 0..reps {
                let (d, found) = time(|| explore(&program, &config));
                outcomes = found.outcomes.len();
                times.push(d);
            }
            println!(
                "explore {name} ({lines} lines), {} schedules (GOMAXPROCS {procs:?}, {mix}), {outcomes} outcome(s): {}",
                schedules as usize * procs.len(),
                stats(times)
            );
        }
    }

    let program = compile("pipeline.go", PIPELINE).expect("compiles");
    let config = RunConfig { procs: 2, seed: 1, ..RunConfig::default() };
    // One step forward: every `advance(1)` of a whole run, events kept as
    // the page keeps them.
    let mut steps = Vec::new();
    let mut events = 0;
    for _ in 0..reps.min(5) {
        let mut s = Session::new(&program, &config);
        loop {
            let (d, ended) = time(|| s.advance(1));
            steps.push(d);
            if ended {
                break;
            }
        }
        events = s.events().len();
    }
    steps.sort();
    let us = |d: Duration| d.as_secs_f64() * 1e6;
    println!(
        "Session::advance(1), pipeline.go on 2 Ps ({events} events, {} steps): median {:.2} µs, 99th percentile {:.2} µs, max {:.1} µs",
        steps.len(),
        us(steps[steps.len() / 2]),
        us(steps[steps.len() * 99 / 100]),
        us(steps[steps.len() - 1])
    );
    // One event forward, as the page's Step button moves: advance until
    // the stream has grown by one event.
    let mut per_event = Vec::new();
    for _ in 0..reps.min(5) {
        let mut s = Session::new(&program, &config);
        let mut ended = false;
        while !ended {
            let want = s.events().len() + 1;
            let t = Instant::now();
            while s.events().len() < want && !ended {
                ended = s.advance(1);
            }
            per_event.push(t.elapsed());
        }
    }
    per_event.sort();
    println!(
        "one event forward, pipeline.go on 2 Ps ({} moves): median {:.2} µs, 99th percentile {:.2} µs, max {:.1} µs",
        per_event.len(),
        us(per_event[per_event.len() / 2]),
        us(per_event[per_event.len() * 99 / 100]),
        us(per_event[per_event.len() - 1])
    );
    // Rebuilding an earlier position: the state after event n.
    for n in [events / 2, events - 1] {
        let mut times = Vec::new();
        for _ in 0..reps.max(21) {
            let (d, (s, done)) = time(|| Session::replay_to(&program, &config, n, u32::MAX));
            assert!(done && s.events().len() >= n);
            times.push(d);
        }
        println!("Session::replay_to event {n} of {events}: {}", stats(times));
    }
    // The whole run once, for scale.
    let mut times = Vec::new();
    for _ in 0..reps.max(21) {
        let (d, _) = time(|| gmp_engine::run(&program, &config));
        times.push(d);
    }
    println!("run to the end ({events} events, recorded): {}", stats(times));
}
