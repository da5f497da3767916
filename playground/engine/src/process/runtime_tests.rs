//! The runtime objects through whole programs: `testdata/runtime/*.go` and
//! `testdata/sync/*.go`, run by the engine with one P. They pin what the
//! fidelity corpus does not: wake and hand-off orders that depend on the
//! scheduler (the corpus keeps to programs whose output does not), and
//! edge cases of channels, select, sync, timers and contexts. Each expected
//! output is what real Go 1.27 printed for the same file with GOMAXPROCS=1
//! (stderr checked on its stable lines: the fatal error and the goroutine
//! headers with their wait reasons).

use crate::{Outcome, RunConfig, run_source};

fn run(src: &str) -> Outcome {
    run_source("prog.go", src, &RunConfig::default())
}

/// The fatal error and goroutine header lines of `stderr`.
fn headers(stderr: &str) -> Vec<&str> {
    stderr.lines().filter(|l| l.starts_with("goroutine ") || l.starts_with("fatal error:")).collect()
}

/// Runs `src` and checks that it exits 0 with nothing on stderr, printing
/// `want`.
fn prints(src: &str, want: &str) {
    let o = run(src);
    assert_eq!((o.stderr.as_str(), o.exit_code), ("", 0));
    assert_eq!(o.stdout, want);
}

#[test]
fn close_wakes_receivers_first_then_last_then_middle() {
    prints(include_str!("testdata/runtime/close_wakes_receivers.go"), "a\nc\nb\n");
}

#[test]
fn mutex_waiters_get_the_lock_in_the_order_they_queued() {
    prints(include_str!("testdata/runtime/mutex_waiters_queue.go"), "main\ny\nx\n");
}

#[test]
fn rwmutex_writer_goes_before_a_later_reader() {
    prints(include_str!("testdata/runtime/rwmutex_writer_first.go"), "main unlocks\nwriter\nreader\n");
}

#[test]
fn cond_signal_then_broadcast_wake_in_gos_order() {
    prints(include_str!("testdata/runtime/cond_signal_then_broadcast.go"), "a\nd\nb\nc\n");
}

#[test]
fn mutex_starvation_mode_lets_a_waiter_in_between_a_barging_loop() {
    prints(include_str!("testdata/runtime/mutex_starvation.go"), "A 0\nA 1\nB\nA 2\n");
}

#[test]
fn select_with_time_after_times_out_then_receives() {
    let o = run(include_str!("testdata/runtime/select_time_after.go"));
    assert_eq!((o.stdout.as_str(), o.stderr.as_str(), o.exit_code), ("timeout\ngot 1\ntrue\n", "", 0));
    // The second timer was still pending when the program ended at ~2 ms.
    assert!(o.virtual_ns < 10_000_000, "ended at {} ns", o.virtual_ns);
}

#[test]
fn context_cancel_and_deadline_wake_waiters_in_gos_order() {
    prints(
        include_str!("testdata/runtime/context_cancel_then_deadline.go"),
        "a context canceled context canceled\nb context canceled context canceled\n\
         main context deadline exceeded context deadline exceeded\n\
         x context deadline exceeded context deadline exceeded\n",
    );
}

#[test]
fn channel_queues_are_fifo_and_make_checks_its_size() {
    prints(
        include_str!("testdata/runtime/chan_queues.go"),
        "r1=1\nr2=2\nr3=3\n2 2\n1 2 3 4 0\n\
         recovered: makechan: size out of range\nrecovered: makechan: size out of range\n\
         recovered: makechan: size out of range\n",
    );
}

#[test]
fn a_parked_select_is_woken_through_one_case_or_by_close() {
    prints(
        include_str!("testdata/runtime/select_wakeups.go"),
        "got 77\nsent on b\nnobody waits on a\nreceive case 0 false\nrecovered: send on closed channel\n",
    );
}

#[test]
fn context_edge_cases_end_in_gos_deadlock() {
    let o = run(include_str!("testdata/runtime/context_edges.go"));
    assert_eq!(
        o.stdout,
        "context canceled boom v\ndone is closed\nafter func ran\ndeepest: context canceled\ncontext canceled true\n"
    );
    // Go stops a canceled timeout's timer, so its deadlock comes at once;
    // the engine leaves the timer armed (it fires into the canceled
    // context and does nothing) and finds the deadlock an hour of virtual
    // time later. The output is the same.
    assert_eq!(headers(&o.stderr), ["fatal error: all goroutines are asleep - deadlock!", "goroutine 1 [select (no cases)]:"]);
    assert_eq!(o.exit_code, 2);
}

#[test]
fn ticker_and_timer_edge_cases() {
    prints(
        include_str!("testdata/runtime/ticker_edges.go"),
        "first tick: 100ms\nlater ticks were dropped\nnext tick: 400ms\n\
         recovered: non-positive interval for NewTicker\nrecovered: non-positive interval for Ticker.Reset\n\
         huge timer reset: true stop: true\nhuge ticker stopped\n\
         ran: true stop after it ran: false\ntrue false false true\n",
    );
}

#[test]
fn once_latecomers_wait_on_its_mutex_and_f_runs_once() {
    prints(
        include_str!("testdata/runtime/once_latecomers.go"),
        "f runs in 0\nwaiting on the mutex: 2\ndone 0\ndone 1\ndone 2\n",
    );
}

#[test]
fn parked_on_a_mutex_and_a_waitgroup_deadlock_with_go_wait_reasons() {
    let o = run(include_str!("testdata/sync/mutex_deadlock_and_negative_wg.go"));
    assert_eq!(o.stdout, "recovered: sync: negative WaitGroup counter\n");
    assert_eq!(headers(&o.stderr), [
        "fatal error: all goroutines are asleep - deadlock!",
        "goroutine 1 [sync.WaitGroup.Wait]:",
        "goroutine 7 [sync.Mutex.Lock]:"
    ]);
    assert_eq!(o.exit_code, 2);
    let o = run(include_str!("testdata/sync/rwmutex_writer_deadlock.go"));
    assert_eq!(headers(&o.stderr), [
        "fatal error: all goroutines are asleep - deadlock!",
        "goroutine 1 [sync.WaitGroup.Wait]:",
        "goroutine 7 [sync.RWMutex.Lock]:"
    ]);
}

#[test]
fn cond_broadcast_wakes_in_ticket_order_on_the_virtual_clock() {
    let o = run(include_str!("testdata/sync/cond_broadcast_sleep_ticker.go"));
    // Go's first line is the real clock; the engine's clock starts at
    // the playground's 2009-11-10 23:00:00 UTC.
    let rest: Vec<&str> = o.stdout.lines().skip(1).collect();
    assert!(o.stdout.starts_with("1257894000 "), "{}", o.stdout);
    assert_eq!(rest, ["worker 1 released", "worker 2 released", "worker 0 released", "300ms", "ticks 3 600ms"]);
    assert_eq!((o.stderr.as_str(), o.exit_code), ("", 0));
}

#[test]
fn context_deadline_cancels_children_and_causes() {
    let o = run(include_str!("testdata/sync/context_timeout_cancel_cause.go"));
    assert_eq!(
        o.stdout,
        "worker 1 context deadline exceeded\nworker 0 context deadline exceeded\n\
         context deadline exceeded context deadline exceeded\ncontext canceled boom\nalready done\n"
    );
    assert_eq!((o.stderr.as_str(), o.exit_code), ("", 0));
}
