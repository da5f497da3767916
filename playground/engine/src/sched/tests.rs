//! Scheduling behaviour, tested with scripted goroutines (no VM): each test
//! builds scripts, runs them with invariant checks after every event, and
//! asserts on the event stream.

use super::script::{ScriptMachine, Step, Step::*};
use super::*;
use crate::event::{Event, EventKind, PutCause, QueueSlot};

const MS: u64 = 1_000_000;
/// The first user goroutine's id with the default configuration.
const FIRST: GoId = 7;
const US: u64 = 1_000;

fn cfg(procs: u32, seed: u64) -> Config {
    Config { procs, seed, check_invariants: true, ..Config::default() }
}

fn run_with(config: Config, scripts: Vec<Vec<Step>>) -> (Sched, ScriptMachine, Ending) {
    let mut s = Sched::new(config);
    let mut m = ScriptMachine::new(scripts);
    let e = s.run(&mut m);
    if let Ending::Fault(f) = &e {
        panic!("run faulted: {f}");
    }
    (s, m, e)
}

fn run(procs: u32, seed: u64, scripts: Vec<Vec<Step>>) -> (Sched, ScriptMachine, Ending) {
    run_with(cfg(procs, seed), scripts)
}

/// (goid, P) of every Execute, in order.
fn executions(events: &[Event]) -> Vec<(GoId, u32)> {
    events
        .iter()
        .filter_map(|e| match e.kind {
            EventKind::Execute { g, p, .. } => Some((g, p)),
            _ => None,
        })
        .collect()
}

fn created(events: &[Event]) -> Vec<GoId> {
    events
        .iter()
        .filter_map(|e| match e.kind {
            EventKind::GoCreate { child, .. } => Some(child),
            _ => None,
        })
        .collect()
}

/// main spawns `n` workers that each work `work` ns then wake main; main
/// waits for all of them.
fn fan_out(n: usize, work: u64) -> Vec<Vec<Step>> {
    let mut main = vec![];
    for _ in 0..n {
        main.push(Go(1));
    }
    for _ in 0..n {
        main.push(Park(WaitReason::ChanReceive, 1));
    }
    vec![main, vec![Work(work), Wake(1)]]
}

#[test]
fn main_is_goroutine_1_and_user_goroutines_follow_the_runtimes() {
    // Go 1.27 with GOMAXPROCS=1, a program importing fmt: forcegc (2),
    // bgsweep (3), bgscavenge (4), the GOMAXPROCS updater (5) and the
    // finalizer goroutine (6) come first; the first `go` statement gets 7.
    let (s, _, e) = run(1, 1, fan_out(3, 10));
    assert_eq!(e, Ending::Exit(0));
    // 5 and 6 are the runtime's, simulated; 2, 3 and 4 are parked for good.
    assert_eq!(created(&s.events), vec![1, 5, 6, 7, 8, 9]);
    assert_eq!(s.goroutine_header(5).unwrap(), "goroutine 5 [GOMAXPROCS updater (idle)]:");
    assert_eq!(s.goroutine_header(6).unwrap(), "goroutine 6 [finalizer wait]:");
    // Without the os package there is no finalizer goroutine: 6.
    let config = Config { imports_os: false, ..cfg(1, 1) };
    let (s, _, _) = run_with(config, fan_out(1, 10));
    assert_eq!(created(&s.events), vec![1, 5, 6]);
}

#[test]
fn goids_come_in_batches_of_16_per_p() {
    // Each P reserves goids 16 at a time (_GoidCacheBatch), so goroutines
    // created on another P jump ahead, as real Go's do (17, 33, 49...).
    let scripts = vec![vec![Go(1), Go(1), Sleep(MS)], vec![Work(50 * US), Go(2), Go(2)], vec![Work(US)]];
    let (s, _, _) = run(2, 1, scripts);
    let ids = created(&s.events);
    assert!(ids.iter().any(|&g| g >= 17), "{ids:?}");
    let mut sorted = ids.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), ids.len(), "duplicate goids {ids:?}");
}

#[test]
fn same_seed_gives_identical_events_and_seeds_change_interleavings() {
    let scripts = || fan_out(40, 30 * US);
    let (a, _, _) = run(4, 7, scripts());
    let (b, _, _) = run(4, 7, scripts());
    assert_eq!(a.events, b.events);
    assert_eq!(format!("{:?}", a.events), format!("{:?}", b.events));
    let base = executions(&a.events);
    let differing = (1..=6).filter(|&seed| executions(&run(4, seed, scripts()).0.events) != base).count();
    assert!(differing >= 3, "only {differing} of 6 seeds changed the interleaving");
    // Event times never go backwards.
    assert!(a.events.windows(2).all(|w| w[0].time_ns <= w[1].time_ns));
}

#[test]
fn newproc_puts_the_child_in_runnext_and_kicks_the_old_one_to_the_tail() {
    // main: go A; go B; block. B (runnext) runs first, then A.
    let scripts = vec![
        vec![Go(1), Go(2), Park(WaitReason::ChanReceive, 1), Park(WaitReason::ChanReceive, 1)],
        vec![Mark("A"), Wake(1)],
        vec![Mark("B"), Wake(1)],
    ];
    let (s, m, e) = run(1, 1, scripts);
    assert_eq!(e, Ending::Exit(0));
    assert!(s.events.iter().any(|e| e.kind == EventKind::RunnextKick { p: 0, g: FIRST }));
    assert_eq!(m.labels(), vec!["B", "A"]);
}

#[test]
fn a_readied_goroutine_runs_next_ahead_of_the_queue() {
    // main spawns a waiter W and three others; W blocks, main wakes it:
    // W jumps ahead of the three queued goroutines.
    let scripts = vec![
        vec![
            Go(1),
            Park(WaitReason::ChanReceive, 9), // let W run and block
            Go(2),
            Go(2),
            Go(2),
            Wake(2), // ready W
            Park(WaitReason::ChanReceive, 1),
            Park(WaitReason::ChanReceive, 1),
            Park(WaitReason::ChanReceive, 1),
            Park(WaitReason::ChanReceive, 1),
        ],
        vec![Wake(9), Park(WaitReason::ChanReceive, 2), Mark("W"), Wake(1)],
        vec![Mark("other"), Wake(1)],
    ];
    let (s, m, _) = run(1, 1, scripts);
    assert_eq!(m.labels(), vec!["W", "other", "other", "other"]);
    let ready = s.events.iter().find(|e| {
        matches!(e.kind, EventKind::RunqPut { g: FIRST, cause: PutCause::Ready, slot: QueueSlot::Runnext, .. })
    });
    assert!(ready.is_some());
}

#[test]
fn a_full_local_queue_spills_half_plus_one_to_the_global_queue() {
    // One P. At main.main the runtime's goroutines 5 and 6 are queued; each
    // `go` puts its G in runnext and kicks the previous one to the queue.
    // With 5, 6 and children 0..=253 the queue holds 256; child 255 kicks
    // 254 into a full queue: runqputslow moves the first half (5, 6 and
    // children 0..=125) and then 254 to the global queue.
    let n = 300;
    let (s, _, e) = run(1, 1, fan_out(n, 1));
    assert_eq!(e, Ending::Exit(0));
    let (idx, moved, g) = s
        .events
        .iter()
        .enumerate()
        .find_map(|(i, e)| match &e.kind {
            EventKind::RunqPutSlow { moved, g, .. } => Some((i, moved.clone(), *g)),
            _ => None,
        })
        .expect("no overflow");
    let creates = s.events[..idx].iter().filter(|e| matches!(e.kind, EventKind::GoCreate { .. })).count();
    assert_eq!(creates, 3 + 256, "main, 5, 6 and children 0..=255");
    assert_eq!(moved.len(), 128);
    assert_eq!(moved[..3], [5, 6, FIRST]);
    assert_eq!(*moved.last().unwrap(), FIRST + 125);
    assert_eq!(g, FIRST + 254, "the kicked runnext G goes last");
    // The order the children run in is real Go 1.27's (GOMAXPROCS=1, 300
    // goroutines appending their index to a slice): runnext first, the
    // local queue, then the global queue.
    let order: Vec<u64> = executions(&s.events).iter().filter(|&&(g, _)| g >= FIRST).map(|&(g, _)| g - FIRST).collect();
    let mut go: Vec<u64> = vec![299];
    go.extend(126..=253);
    go.extend(255..=298);
    go.extend(0..=125);
    go.push(254);
    assert_eq!(order, go);
}

#[test]
fn the_global_queue_is_checked_every_61st_schedtick() {
    // main spawns X, then 200 workers (X is kicked to the head of the local
    // queue), then blocks. The last worker runs from runnext, X from the
    // queue and yields to the global queue, the workers run one tick each:
    // when schedtick reaches a multiple of 61 findRunnable looks at the
    // global queue first. P0 starts main.main at schedtick 6 (see
    // Sched::new), so X runs after 55 workers. Real Go 1.27 with
    // GOMAXPROCS=1 (goroutines appending to a slice) gives the same: the
    // last worker, then 0, 1, ..., 53, then X at index 55.
    let scripts = vec![
        {
            let mut v = vec![Go(1)];
            v.extend(std::iter::repeat_n(Go(2), 200));
            v.push(Sleep(MS));
            v
        },
        vec![Gosched, Mark("X")],
        vec![Work(US), Mark("w")],
    ];
    let (s, m, e) = run(1, 1, scripts);
    assert_eq!(e, Ending::Exit(0));
    let labels = m.labels();
    let x_at = labels.iter().position(|l| *l == "X").expect("X never ran");
    assert_eq!(x_at, 55, "X ran after {x_at} workers");
    let from_global =
        s.events.iter().any(|e| matches!(e.kind, EventKind::Execute { g: FIRST, from: QueueSlot::Global, .. }));
    assert!(from_global);
    // Without the os package Go has one runtime goroutine less: 56.
    let config = Config { imports_os: false, ..cfg(1, 1) };
    let scripts = vec![
        {
            let mut v = vec![Go(1)];
            v.extend(std::iter::repeat_n(Go(2), 200));
            v.push(Sleep(MS));
            v
        },
        vec![Gosched, Mark("X")],
        vec![Work(US), Mark("w")],
    ];
    let (_, m, _) = run_with(config, scripts);
    assert_eq!(m.labels().iter().position(|l| *l == "X"), Some(56));
}

#[test]
fn gosched_round_robins_through_the_global_queue_as_go_does() {
    // Real Go 1.27, GOMAXPROCS=1: three goroutines printing and yielding
    // three times print "c0 a0 b0 c1 a1 b1 c2 a2 b2".
    let each = |a, b, c| vec![Mark(a), Gosched, Mark(b), Gosched, Mark(c), Gosched];
    let scripts = vec![
        vec![Go(1), Go(2), Go(3), Park(WaitReason::SyncWaitGroupWait, 1)],
        each("a0", "a1", "a2"),
        each("b0", "b1", "b2"),
        each("c0", "c1", "c2"),
    ];
    let (_, m, _) = run(1, 1, scripts);
    assert_eq!(m.labels(), vec!["c0", "a0", "b0", "c1", "a1", "b1", "c2", "a2", "b2"]);
}

#[test]
fn with_one_p_a_goroutine_that_never_blocks_is_preempted() {
    // main sleeps 1ms while a spinner holds the only P; sysmon preempts the
    // spinner after 10ms (by 20ms), the timer is run, main returns.
    let scripts = vec![vec![Go(1), Sleep(MS), Mark("main back")], vec![Spin]];
    let (s, m, e) = run(1, 1, scripts);
    assert_eq!(e, Ending::Exit(0));
    let t = s
        .events
        .iter()
        .find_map(|e| match e.kind {
            EventKind::Preempt { g: FIRST, .. } => Some(e.time_ns),
            _ => None,
        })
        .expect("spinner never preempted");
    assert!((10 * MS..=21 * MS).contains(&t), "preempted at {t}");
    // At the preemption point schedule runs the due timer: main goes to
    // runnext and runs next, well before the spinner's next slice.
    let back = m.time_of("main back").unwrap();
    assert!(back >= t && back < t + 100 * US, "main back at {back}, preempt at {t}");
    assert!(s.events.iter().any(|e| matches!(
        e.kind,
        EventKind::RunqPut { g: FIRST, slot: QueueSlot::Global, cause: PutCause::Preempt, .. }
    )));
}

#[test]
fn two_spinners_on_one_p_take_turns() {
    let scripts = vec![vec![Go(1), Go(1), Sleep(100 * MS)], vec![Spin]];
    let (s, _, e) = run(1, 1, scripts);
    assert_eq!(e, Ending::Exit(0));
    let preempts: Vec<GoId> = s
        .events
        .iter()
        .filter_map(|e| match e.kind {
            EventKind::Preempt { g, .. } => Some(g),
            _ => None,
        })
        .collect();
    assert!(preempts.contains(&FIRST) && preempts.contains(&(FIRST + 1)), "{preempts:?}");
}

#[test]
fn an_idle_p_steals_half_of_a_busy_ps_queue() {
    let (s, _, e) = run(2, 3, fan_out(10, 100 * US));
    assert_eq!(e, Ending::Exit(0));
    let steal = s.events.iter().find_map(|e| match &e.kind {
        EventKind::Steal { thief, victim, gs, .. } => Some((*thief, *victim, gs.len())),
        _ => None,
    });
    let (thief, victim, n) = steal.expect("no steal");
    assert_eq!((thief, victim), (1, 0));
    assert!(n >= 1);
    assert!(executions(&s.events).iter().any(|&(g, p)| g != 1 && p == 1), "no worker ran on P1");
}

#[test]
fn a_goroutine_in_a_syscall_lets_others_run_on_its_p() {
    // One P. main enters a 1ms syscall; sysmon takes the P after a tick
    // or two and hands it to a new M, which runs the worker meanwhile.
    let scripts = vec![
        vec![Go(1), Syscall(MS), Mark("main out of syscall"), Park(WaitReason::ChanReceive, 1)],
        vec![Work(50 * US), Mark("worker"), Wake(1)],
    ];
    let (s, m, e) = run(1, 1, scripts);
    assert_eq!(e, Ending::Exit(0));
    let handoff = s
        .events
        .iter()
        .find_map(|e| match e.kind {
            EventKind::Releasep { m: 0, p: 0, handoff: true } => Some(e.time_ns),
            _ => None,
        })
        .expect("P never retaken");
    assert!((20 * US..100 * US).contains(&handoff), "retaken at {handoff}");
    let worker_m = s.events.iter().find_map(|e| match e.kind {
        EventKind::Execute { g: FIRST, m, .. } => Some(m),
        _ => None,
    });
    assert_ne!(worker_m, Some(0), "the worker should run on another M");
    assert!(m.time_of("worker").unwrap() < MS);
    assert!(m.time_of("main out of syscall").unwrap() >= MS);
}

#[test]
fn a_short_syscall_keeps_its_p() {
    let scripts = vec![vec![Syscall(5 * US), Mark("back")]];
    let (s, _, e) = run(1, 1, scripts);
    assert_eq!(e, Ending::Exit(0));
    assert!(!s.events.iter().any(|e| matches!(e.kind, EventKind::Releasep { handoff: true, .. })));
    assert!(s.events.iter().any(|e| matches!(e.kind, EventKind::ExitSyscall { g: 1, m: 0, p: 0 })));
}

#[test]
fn sleeping_an_hour_jumps_the_clock() {
    let hour = 3600 * 1000 * MS;
    let scripts = vec![vec![Sleep(hour), Mark("awake")]];
    let (s, m, e) = run(2, 1, scripts);
    assert_eq!(e, Ending::Exit(0));
    assert_eq!(m.time_of("awake"), Some(hour));
    assert!(s.events.iter().any(|e| matches!(e.kind, EventKind::ClockJump { to, .. } if to == hour)));
    assert!(s.events.len() < 40, "{} events for one sleep", s.events.len());
}

#[test]
fn sleepers_wake_in_time_order() {
    let scripts = vec![
        vec![Go(1), Go(2), Go(3), Sleep(10 * MS)],
        vec![Sleep(3 * MS), Mark("3ms")],
        vec![Sleep(MS), Mark("1ms")],
        vec![Sleep(2 * MS), Mark("2ms")],
    ];
    let (_, m, _) = run(2, 5, scripts);
    assert_eq!(m.labels(), vec!["1ms", "2ms", "3ms"]);
    // The idle M sleeps in netpoll by whole milliseconds from when it
    // went idle: at the timer or up to a millisecond after it.
    let t = m.time_of("2ms").expect("the 2ms sleeper woke");
    assert!((2 * MS..3 * MS).contains(&t), "woke at {t}");
}

#[test]
fn runtime_timers_wake_goroutines_and_start_afterfuncs() {
    // main waits on a "time.After" (5ms) while an AfterFunc (2ms) starts a
    // goroutine and a stopped timer never fires.
    let scripts = vec![
        vec![
            AfterFunc(2 * MS, 1),
            TimerWake(MS, 7),
            StopTimer,
            TimerWake(5 * MS, 3),
            Park(WaitReason::ChanReceive, 3),
            Mark("main woke"),
        ],
        vec![Mark("afterfunc ran")],
    ];
    let (s, m, e) = run(2, 1, scripts);
    assert_eq!(e, Ending::Exit(0));
    assert_eq!(m.labels(), vec!["afterfunc ran", "main woke"]);
    assert_eq!(m.time_of("afterfunc ran"), Some(2 * MS));
    let t = m.time_of("main woke").expect("main woke");
    assert!((5 * MS..6 * MS).contains(&t), "woke at {t}");
    assert!(s.events.iter().any(|e| matches!(e.kind, EventKind::TimerStop { id: 2, .. })));
    let fired = s.events.iter().filter(|e| matches!(e.kind, EventKind::TimerFire { .. })).count();
    assert_eq!(fired, 2);
    let parent = s.events.iter().find_map(|e| match &e.kind {
        EventKind::GoCreate { parent, func, .. } if &**func == "time.goFunc" => Some(*parent),
        _ => None,
    });
    assert_eq!(parent, Some(1));
}

#[test]
fn a_growing_stack_is_copied_through_gcopystack() {
    let scripts = vec![vec![Grow(5000), Grow(3000), Mark("done")]];
    let (s, _, e) = run(1, 1, scripts);
    assert_eq!(e, Ending::Exit(0));
    let copies: Vec<(u32, u32)> = s
        .events
        .iter()
        .filter_map(|e| match e.kind {
            EventKind::StackCopy { old_size, new_size, .. } => Some((old_size, new_size)),
            _ => None,
        })
        .collect();
    assert_eq!(copies, vec![(2048, 8192)]);
    assert!(s.events.iter().any(|e| matches!(e.kind, EventKind::GoStatus { to: GStatus::Copystack, .. })));
}

#[test]
fn everyone_blocked_is_a_deadlock() {
    let (_, _, e) = run(1, 1, vec![vec![Park(WaitReason::ChanReceive, 1)]]);
    assert_eq!(e, Ending::Deadlock { main_goexit: false });
    assert_eq!(e.fatal_message(), Some("all goroutines are asleep - deadlock!"));
    // With more Ps and another blocked goroutine too.
    let (_, _, e) =
        run(4, 1, vec![vec![Go(1), Park(WaitReason::SyncWaitGroupWait, 1)], vec![Park(WaitReason::ChanSend, 2)]]);
    assert_eq!(e, Ending::Deadlock { main_goexit: false });
}

#[test]
fn main_goexit_then_all_done_is_the_no_goroutines_deadlock() {
    let (_, _, e) = run(2, 1, vec![vec![Go(1), Goexit], vec![Work(US)]]);
    assert_eq!(e, Ending::Deadlock { main_goexit: true });
    assert_eq!(e.fatal_message(), Some("no goroutines (main called runtime.Goexit) - deadlock!"));
    // If another goroutine is blocked, it is the ordinary deadlock.
    let (_, _, e) = run(2, 1, vec![vec![Go(1), Goexit], vec![Park(WaitReason::ChanReceive, 3)]]);
    assert_eq!(e, Ending::Deadlock { main_goexit: false });
}

#[test]
fn a_pending_timer_is_not_a_deadlock() {
    let scripts = vec![vec![Go(1), Park(WaitReason::ChanReceive, 1)], vec![Sleep(5 * MS), Wake(1)]];
    let (_, _, e) = run(1, 1, scripts);
    assert_eq!(e, Ending::Exit(0));
}

#[test]
fn main_returning_ends_the_process_and_others_vanish() {
    let (s, _, e) = run(2, 1, vec![vec![Go(1), Go(1), Work(US)], vec![Park(WaitReason::Select, 1)]]);
    assert_eq!(e, Ending::Exit(0));
    assert!(s.num_goroutine() >= 1);
    let (_, _, e) = run(1, 1, vec![vec![Exit(3)]]);
    assert_eq!(e, Ending::Exit(3));
}

#[test]
fn newproc_reuses_dead_gs_from_the_free_list() {
    let scripts =
        vec![vec![Go(1), Park(WaitReason::ChanReceive, 1), Go(1), Park(WaitReason::ChanReceive, 1)], vec![Wake(1)]];
    let (s, _, _) = run(1, 1, scripts);
    let creates: Vec<(GoId, bool)> = s
        .events
        .iter()
        .filter_map(|e| match e.kind {
            EventKind::GoCreate { child, reused, .. } => Some((child, reused)),
            _ => None,
        })
        .collect();
    assert_eq!(creates, vec![(1, false), (5, false), (6, false), (FIRST, false), (FIRST + 1, true)]);
    assert_eq!(s.gs.len(), 4, "the second child reused the first one's slot");
}

#[test]
fn num_goroutine_counts_the_living() {
    let scripts =
        vec![vec![Go(1), Go(1), Go(1), Park(WaitReason::ChanReceive, 2)], vec![Park(WaitReason::ChanReceive, 1)]];
    let mut s = Sched::new(cfg(1, 1));
    let mut m = ScriptMachine::new(scripts);
    let e = s.run(&mut m);
    assert_eq!(e, Ending::Deadlock { main_goexit: false });
    assert_eq!(s.num_goroutine(), 4);
}

#[test]
fn a_locked_goroutine_keeps_its_thread() {
    // G5 locks its thread, blocks, is woken by main, runs again on the
    // same M; when it exits still locked the M is destroyed.
    let scripts = vec![
        vec![Go(1), Park(WaitReason::ChanReceive, 1), Work(10 * US), Wake(2), Park(WaitReason::ChanReceive, 1)],
        vec![Lock, Wake(1), Park(WaitReason::ChanReceive, 2), Work(US), Wake(1)],
    ];
    let (s, _, e) = run(1, 1, scripts);
    assert_eq!(e, Ending::Exit(0));
    let ms: Vec<u32> = s
        .events
        .iter()
        .filter_map(|e| match e.kind {
            EventKind::Execute { g: FIRST, m, .. } => Some(m),
            _ => None,
        })
        .collect();
    assert_eq!(ms.len(), 2);
    assert_eq!(ms[0], ms[1], "the locked G ran on two Ms");
    assert!(s.events.iter().any(|e| e.kind == EventKind::MDestroy { m: ms[0] }));
}

#[test]
fn the_replayed_event_stream_matches_the_live_state_after_every_event() {
    let scenarios: Vec<(u32, Vec<Vec<Step>>)> = vec![
        (1, fan_out(300, 1)),
        (4, fan_out(60, 20 * US)),
        (2, vec![vec![Go(1), Syscall(MS), Park(WaitReason::ChanReceive, 1)], vec![Work(50 * US), Wake(1)]]),
        (1, vec![vec![Go(1), Go(1), Sleep(30 * MS)], vec![Spin]]),
        (
            2,
            vec![
                vec![
                    AfterFunc(2 * MS, 1),
                    TimerWake(MS, 7),
                    StopTimer,
                    TimerWake(5 * MS, 3),
                    Park(WaitReason::ChanReceive, 3),
                    Grow(9000),
                ],
                vec![Work(10), Grow(4096)],
            ],
        ),
        (
            3,
            vec![
                vec![Go(1), Go(2), Go(2), Sleep(3 * MS)],
                vec![Sleep(MS), Gosched, Wake(4)],
                vec![Park(WaitReason::ChanReceive, 4)],
            ],
        ),
        (
            2,
            vec![
                vec![Go(1), Park(WaitReason::ChanReceive, 1), Work(10 * US), Wake(2), Park(WaitReason::ChanReceive, 1)],
                vec![Lock, Wake(1), Park(WaitReason::ChanReceive, 2), Work(US), Wake(1)],
            ],
        ),
        (
            1,
            vec![
                vec![Go(1), Go(2), Park(WaitReason::ChanReceive, 1), Park(WaitReason::ChanReceive, 1)],
                vec![Work(US), Wake(1)],
                vec![Lock, Gosched, Work(US), Unlock, Wake(1)],
            ],
        ),
    ];
    for (i, (procs, scripts)) in scenarios.into_iter().enumerate() {
        let config = Config { record_snapshots: true, ..cfg(procs, 11 + i as u64) };
        let (s, _, _) = run_with(config, scripts);
        assert_eq!(s.snapshots.len(), s.events.len());
        let mut snap = replay::Snapshot::initial(procs);
        assert!(s.events.windows(2).all(|w| w[0].time_ns <= w[1].time_ns), "scenario {i}: time went backwards");
        for (k, ev) in s.events.iter().enumerate() {
            snap.apply(ev).unwrap_or_else(|e| panic!("scenario {i} event {k}: {e}"));
            assert_eq!(snap, s.snapshots[k], "scenario {i}: state differs after event {k}: {:?}", ev.kind);
        }
        let (replayed, live) = (replay::replay(procs, &s.events).unwrap(), s.snapshot());
        assert_eq!(replayed, live);
        // Creators of the living, as the live scheduler knows them.
        // (Which dead G each reuses only the stream tells.)
        for (goid, meta) in &live.meta {
            let r = replayed.meta.get(goid).map(|m| (m.parent, m.func.clone(), m.pos));
            assert_eq!(r, Some((meta.parent, meta.func.clone(), meta.pos)), "scenario {i}: creator of {goid}");
        }
    }
}

#[test]
fn the_invariant_checker_catches_corruption() {
    let mut s = Sched::new(cfg(2, 1));
    assert_eq!(check::check(&s), Ok(()));
    // A runnable G in two places.
    let g = s.ps[0].runnext.unwrap();
    s.global.push_back(g);
    assert!(check::check(&s).unwrap_err().contains("2 queues"));
    s.global.clear();
    s.ngoroutines = 7;
    assert!(check::check(&s).unwrap_err().contains("NumGoroutine"));
    s.ngoroutines = 1;
    s.nmspinning = 1;
    assert!(check::check(&s).unwrap_err().contains("nmspinning"));
}

#[test]
fn a_misbehaving_machine_is_a_fault_not_a_panic() {
    struct Bad;
    impl Machine for Bad {
        fn run(&mut self, _: &Sched, _: &mut Chooser, _: GoId, _: u64, _: u64) -> RunResult {
            RunResult { used_ns: 1, stop: Stop::Ready(42) }
        }
        fn newproc(&mut self, _: GoId, _: GoId) {}
    }
    let mut s = Sched::new(cfg(1, 1));
    assert!(matches!(s.run(&mut Bad), Ending::Fault(_)));
}

#[test]
fn a_program_that_never_ends_hits_the_step_limit() {
    let config = Config { max_steps: 10_000, ..cfg(2, 1) };
    let (_, _, e) = run_with(config, vec![vec![Go(1), Spin], vec![Spin]]);
    assert!(matches!(e, Ending::Limit(_)), "{e:?}");
    let config = Config { max_events: 1000, ..cfg(1, 1) };
    let (_, _, e) = run_with(config, fan_out(2000, 1));
    assert!(matches!(e, Ending::Limit(_)), "{e:?}");
}

#[test]
fn a_locked_goroutine_that_yields_does_not_share_its_thread() {
    // G7 locks its thread and yields; while it waits in the global queue
    // its M runs nothing else, and it comes back on the same M.
    let scripts = vec![
        vec![Go(1), Go(2), Park(WaitReason::ChanReceive, 1), Park(WaitReason::ChanReceive, 1)],
        vec![Work(US), Wake(1)],
        vec![Lock, Gosched, Work(US), Unlock, Wake(1)],
    ];
    let (s, _, e) = run(1, 1, scripts);
    assert_eq!(e, Ending::Exit(0));
    let lock_at = s.events.iter().position(|e| matches!(e.kind, EventKind::LockOSThread { .. })).unwrap();
    let unlock_at = s.events.iter().position(|e| matches!(e.kind, EventKind::UnlockOSThread { .. })).unwrap();
    let EventKind::LockOSThread { m: locked_m, .. } = s.events[lock_at].kind else { unreachable!() };
    let while_locked: Vec<(GoId, u32)> = s.events[lock_at..unlock_at]
        .iter()
        .filter_map(|e| match e.kind {
            EventKind::Execute { g, m, .. } => Some((g, m)),
            _ => None,
        })
        .collect();
    // The locked G ran again, on its own M; nothing else ran on that M.
    assert!(while_locked.contains(&(FIRST + 1, locked_m)), "{while_locked:?}");
    assert!(while_locked.iter().all(|&(g, m)| (m == locked_m) == (g == FIRST + 1)), "{while_locked:?}");
    assert!(s.events[lock_at..unlock_at].iter().any(|e| e.kind == EventKind::MStop { m: locked_m }));
}

#[test]
fn closing_wakes_every_waiter_and_the_last_readied_runs_first() {
    // c runs first (runnext), then a, b: they park in the order c, a, b.
    // close readies them from a stack: b, a, c, each into runnext kicking
    // the previous one to the queue: c runs first, then b, then a. Real
    // Go 1.27 (GOMAXPROCS=1, three receivers, Sleep, close) prints c b a.
    let scripts = vec![
        vec![Go(1), Go(2), Go(3), Sleep(100 * US), WakeAll(5), Sleep(MS)],
        vec![Park(WaitReason::ChanReceive, 5), Mark("a")],
        vec![Park(WaitReason::ChanReceive, 5), Mark("b")],
        vec![Park(WaitReason::ChanReceive, 5), Mark("c")],
    ];
    let (_, m, e) = run(1, 1, scripts);
    assert_eq!(e, Ending::Exit(0));
    assert_eq!(m.labels(), vec!["c", "b", "a"]);
}

#[test]
fn gomaxprocs_can_shrink_and_grow_at_run_time() {
    // Shrink 4 -> 1 while workers run everywhere: afterwards only P0 runs
    // anything, and every worker still finishes.
    let mut main = vec![];
    for _ in 0..12 {
        main.push(Go(1));
    }
    main.push(Work(300 * US));
    main.push(SetProcs(1));
    main.extend(std::iter::repeat_n(Park(WaitReason::ChanReceive, 1), 12));
    let (s, _, e) = run(4, 2, vec![main, vec![Work(200 * US), Work(200 * US), Wake(1)]]);
    assert_eq!(e, Ending::Exit(0));
    let at = s.events.iter().position(|e| e.kind == EventKind::ProcResize { old: 4, new: 1 }).expect("no resize");
    assert!(s.events[..at].iter().any(|e| matches!(e.kind, EventKind::Execute { p: 3, .. })), "P3 never ran before");
    assert!(s.events[at..].iter().all(|e| !matches!(e.kind, EventKind::Execute { p, .. } if p != 0)));
    assert!(s.events.iter().any(|e| matches!(e.kind, EventKind::PDestroy { .. })));
    assert_eq!(s.gomaxprocs(), 1);
    // Grow 1 -> 3: the other Ps start stealing.
    let mut main = vec![SetProcs(3)];
    for _ in 0..12 {
        main.push(Go(1));
    }
    main.extend(std::iter::repeat_n(Park(WaitReason::ChanReceive, 1), 12));
    let (s, _, e) = run(1, 2, vec![main, vec![Work(200 * US), Wake(1)]]);
    assert_eq!(e, Ending::Exit(0));
    assert!(s.events.iter().any(|e| matches!(e.kind, EventKind::Execute { p: 2, .. })));
}

#[test]
fn goroutine_headers_read_as_gos() {
    // Go prints ", N minutes" only from waitsince, which the GC stamps:
    // blocked 3 minutes with no GC shows no minutes.
    let scripts = vec![
        vec![Go(1), Go(2), Sleep(240 * 1000 * MS), Park(WaitReason::ChanReceive, 1)],
        vec![Park(WaitReason::ChanSend, 2)],
        vec![Lock, Park(WaitReason::SyncWaitGroupWait, 3)],
    ];
    let mut s = Sched::new(cfg(1, 1));
    let e = s.run(&mut ScriptMachine::new(scripts));
    assert_eq!(e, Ending::Deadlock { main_goexit: false });
    assert_eq!(s.goroutine_header(FIRST).unwrap(), "goroutine 7 [chan send]:");
    // The first GC stamps with `work.tstart`, still 0 (no stamp); the
    // second with the first's time.
    s.now = 30 * 1000 * MS;
    s.gc_mark_waitsince();
    s.now = 61 * 1000 * MS;
    assert_eq!(s.goroutine_header(FIRST).unwrap(), "goroutine 7 [chan send]:");
    s.now = 60 * 1000 * MS;
    s.gc_mark_waitsince();
    s.now = 210 * 1000 * MS + 5;
    assert_eq!(s.goroutine_header(FIRST).unwrap(), "goroutine 7 [chan send, 3 minutes]:");
    assert_eq!(
        s.goroutine_header(FIRST + 1).unwrap(),
        "goroutine 8 [sync.WaitGroup.Wait, 3 minutes, locked to thread]:"
    );
    assert!(s.set_leaked(FIRST, true));
    // traceback.go prints minutes for _Gwaiting and _Gsyscall only.
    assert_eq!(s.goroutine_header(FIRST).unwrap(), "goroutine 7 [chan send (leaked)]:");
    assert_eq!(check::check(&s), Ok(()));
    assert!(!s.set_leaked(FIRST, true));
    assert!(s.set_leaked(FIRST, false));
}

#[test]
fn machines_see_the_scheduler_and_their_output_lands_in_the_stream() {
    let scripts = vec![
        vec![CountGoroutines, Go(1), Go(1), CountGoroutines, Print("hello\n"), Sleep(MS), CountGoroutines],
        vec![Work(US)],
    ];
    let (s, m, e) = run(2, 1, scripts);
    assert_eq!(e, Ending::Exit(0));
    assert_eq!(m.counts, vec![1, 3, 1]);
    let out: Vec<&Event> = s.events.iter().filter(|e| matches!(e.kind, EventKind::Output { .. })).collect();
    assert_eq!(out.len(), 1);
    assert_eq!(out[0].kind, EventKind::Output { fd: 1, text: "hello\n".into() });
}

#[test]
fn the_clock_starts_when_the_playgrounds_does() {
    // 2009-11-10 23:00:00 UTC, as `date -u -d @1257894000` confirms.
    assert_eq!(Sched::wall_clock_unix_ns(0), 1_257_894_000_000_000_000);
    assert_eq!(Sched::wall_clock_unix_ns(3 * MS), 1_257_894_000_003_000_000);
}

#[test]
fn steal_order_visits_every_p_once() {
    for n in 1..9 {
        for seed in [0u32, 1, 7, 12345, u32::MAX] {
            let mut v: Vec<u32> = proc::steal_order(n, seed).collect();
            v.sort();
            assert_eq!(v, (0..n).collect::<Vec<_>>());
        }
    }
}

#[test]
fn a_hundred_thousand_goroutines_spawn_and_exit() {
    let n = 100_000;
    // Invariants are checked in every other test; here they would cost
    // ~9s of debug-build time (600,000 checks), so this one measures.
    let config = Config { check_invariants: false, ..cfg(2, 1) };
    let started = std::time::Instant::now();
    // A `go` statement costs some time (here 200ns), so workers stolen by
    // the other P finish and free their Gs while main is still spawning.
    let mut main = vec![];
    for _ in 0..n {
        main.push(Go(1));
        main.push(Work(200));
    }
    main.extend(std::iter::repeat_n(Park(WaitReason::SyncWaitGroupWait, 1), n));
    let (s, _, e) = run_with(config, vec![main, vec![Work(100), Wake(1)]]);
    let wall = started.elapsed();
    assert_eq!(e, Ending::Exit(0));
    let created = s.events.iter().filter(|e| matches!(e.kind, EventKind::GoCreate { .. })).count();
    assert_eq!(created, n + 3);
    // Dead Gs are reused: far fewer slots than goroutines.
    assert!(s.gs.len() < n / 2, "{} G slots for {n} goroutines", s.gs.len());
    let per_g = Sched::bytes_per_g();
    assert!(per_g <= 128, "{per_g} bytes per G");
    let event_bytes = std::mem::size_of::<Event>();
    eprintln!(
        "100k goroutines: {} G slots, {per_g} bytes of scheduler memory per G ({} for the G itself), \
         {} events of {event_bytes} bytes ({} per goroutine), {:?} wall (debug build), virtual {} µs",
        s.gs.len(),
        std::mem::size_of::<G>(),
        s.events.len(),
        s.events.len() / n,
        wall,
        s.now / US
    );
}

/// Random scripts: every step kind, 1 to 4 Ps, many seeds. Whatever the
/// program does, the run must end (exit, deadlock or limit) without a
/// fault: invariants hold after every event and the replayed stream
/// matches the live state after every event.
#[test]
fn random_programs_keep_every_invariant_and_replay_exactly() {
    let mut r = choice::WyRand::new(2024);
    let reasons = [WaitReason::ChanReceive, WaitReason::ChanSend, WaitReason::SyncMutexLock, WaitReason::Select];
    let mut endings = std::collections::BTreeMap::new();
    for case in 0..1000 {
        let nscripts = 1 + r.below(5) as usize;
        let mut scripts = vec![];
        for i in 0..nscripts {
            let len = 1 + r.below(9);
            let mut steps = vec![];
            for _ in 0..len {
                let later =
                    if i + 1 < nscripts { Some(i + 1 + r.below((nscripts - i - 1) as u32) as usize) } else { None };
                let sema = r.below(3);
                let step = match r.below(16) {
                    0 | 1 => Work(r.below(50_000) as u64),
                    2 | 3 => match later {
                        Some(j) => Go(j),
                        None => Mark("leaf"),
                    },
                    4 | 5 => Park(reasons[r.below(4) as usize], sema),
                    6 | 7 => Wake(sema),
                    8 => Gosched,
                    9 => Sleep(r.below(5) as u64 * MS / 2),
                    10 => Syscall(r.below(300_000) as u64),
                    11 => {
                        if r.below(2) == 0 {
                            Lock
                        } else {
                            Unlock
                        }
                    }
                    12 => TimerWake(r.below(3_000_000) as u64, sema),
                    13 => match later {
                        Some(j) => AfterFunc(r.below(2_000_000) as u64, j),
                        None => StopTimer,
                    },
                    14 => match r.below(4) {
                        0 => SetProcs(1 + r.below(4)),
                        1 => WakeAll(sema),
                        _ => Grow(r.below(20_000)),
                    },
                    _ => match r.below(8) {
                        0 => Goexit,
                        1 => Spin,
                        _ => Mark("m"),
                    },
                };
                steps.push(step);
            }
            scripts.push(steps);
        }
        // Let main outlive the others in most cases, so they all run.
        match case % 3 {
            0 => scripts[0].push(Park(WaitReason::Select, 99)),
            1 => scripts[0].push(Sleep(20 * MS)),
            _ => {}
        }
        let procs = 1 + r.below(4);
        let config = Config { record_snapshots: true, max_steps: 20_000, ..cfg(procs, r.next_u64()) };
        let mut s = Sched::new(config);
        let mut m = ScriptMachine::new(scripts.clone());
        let e = s.run(&mut m);
        if let Ending::Fault(f) = &e {
            panic!("case {case} (procs {procs}) faulted: {f}\nscripts: {scripts:?}");
        }
        if case % 10 == 0 {
            // A run is a pure function of (program, GOMAXPROCS, seed).
            let mut again = Sched::new(s.config.clone());
            again.run(&mut ScriptMachine::new(scripts.clone()));
            assert_eq!(again.events, s.events, "case {case}: not deterministic");
        }
        let mut snap = replay::Snapshot::initial(procs);
        for (k, ev) in s.events.iter().enumerate() {
            snap.apply(ev).unwrap_or_else(|err| panic!("case {case} event {k}: {err}"));
            assert_eq!(snap, s.snapshots[k], "case {case}: differs after event {k}: {:?}", ev.kind);
        }
        assert!(s.events.windows(2).all(|w| w[0].time_ns <= w[1].time_ns), "case {case}: time went backwards");
        let kind = match e {
            Ending::Exit(_) => "exit",
            Ending::Deadlock { main_goexit: false } => "deadlock",
            Ending::Deadlock { main_goexit: true } => "goexit deadlock",
            Ending::Limit(_) => {
                // Only a goroutine that never stops can make a run endless.
                assert!(scripts.iter().flatten().any(|st| *st == Spin), "case {case}: limit without Spin");
                "limit"
            }
            Ending::Fault(_) => "fault",
            // The generated programs stay far below the default budgets.
            Ending::Budget { what, .. } => panic!("case {case}: {what}"),
            // Script machines never wait for signals.
            Ending::Hang => panic!("case {case}: a hang without signal.Notify"),
        };
        *endings.entry(kind).or_insert(0) += 1;
    }
    // The generator reaches every ending.
    assert!(endings.len() >= 3, "{endings:?}");
    eprintln!("random programs ended: {endings:?}");
}
