//! End-to-end checks of the runtime objects on the real scheduler: a small
//! [`Machine`] that runs scripted goroutines whose operations go through
//! [`Chans`], [`WaitGroup`] and [`Mutex`], turning their decisions into the
//! scheduler's `Stop`s as the VM glue will. Expected outputs come from real
//! Go 1.27 runs of the equivalent programs (GOMAXPROCS=1).

use super::chan::{ChanId, Chans, CloseResult, RecvResult, SendResult, Wake, WakeWhat};
use super::context::{BACKGROUND, Contexts, CtxId};
use super::select::{SelectCase, SelectResult, select_wake_result};
use super::sync::{Cond, LockResult, Mutex, RWMutex, WaitGroup};
use super::timer::Timers;
use crate::event::EventKind;
use crate::sched::{Chooser, Config, Ending, GoId, Machine, RunResult, Sched, Stop, TimerAction};
use crate::span::Span;
use rustc_hash::FxHashMap as HashMap;
use std::rc::Rc;

#[derive(Clone, Debug)]
enum Op {
    Go(usize),
    Sleep(u64),
    Recv,
    Send(i64),
    Close,
    Print(&'static str),
    /// Print the last value received.
    PrintRecv,
    WgAdd(i64),
    WgDone,
    WgWait,
    Lock,
    Unlock,
    RLock,
    RUnlock,
    WLock,
    WUnlock,
    /// `c.Wait()` is `CondAdd, Unlock, CondWait, Lock` (sync/cond.go).
    CondAdd,
    CondWait,
    Signal,
    Broadcast,
    /// `ctx, _ := context.WithCancel(parent)` into the next slot (`None`: Background).
    CtxWithCancel(Option<usize>),
    /// `context.WithTimeout(parent, d)` into the next slot.
    CtxWithTimeout(Option<usize>, u64),
    /// `<-ctx.Done()`.
    CtxDone(usize),
    CtxCancel(usize),
    /// Print `label ctx.Err() context.Cause(ctx)`.
    CtxPrintErr(usize, &'static str),
    /// The body of the goroutine `time.AfterFunc` starts for a deadline.
    CtxDeadlineFired,
    /// `select { case v := <-ch0: print "got v"; case <-time.After(d): print "timeout" }`.
    RecvOrTimeout(u64),
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Blocked {
    Recv,
    Send,
    Wg,
    Lock,
    Rw,
    Cond,
    Select,
}

#[derive(Default)]
struct GState {
    script: usize,
    pc: usize,
    blocked: Option<Blocked>,
    last: i64,
    ticket: u32,
    /// The context a deadline goroutine cancels.
    ctx_arg: Option<CtxId>,
}

struct Glue {
    scripts: Vec<Vec<Op>>,
    gs: HashMap<GoId, GState>,
    chans: Chans<i64>,
    wg: WaitGroup,
    mu: Mutex,
    rw: RWMutex,
    cond: Cond,
    timers: Timers<CtxId>,
    ctxs: Contexts<(), (), ()>,
    slots: Vec<CtxId>,
    /// The context of the deadline goroutine being started.
    spawning_ctx: Option<CtxId>,
    /// What each woken goroutine's blocked operation returns.
    wakes: HashMap<GoId, Wake<i64>>,
    spawning: usize,
    /// A goroutine that armed its `time.After` timer and selects next.
    pending_select: HashMap<GoId, ChanId>,
    out: Vec<EventKind>,
    printed: String,
}

impl Glue {
    fn new(scripts: Vec<Vec<Op>>, buffer: i64) -> Glue {
        let mut chans = Chans::new();
        chans.makechan(0, 8, buffer).unwrap();
        Glue {
            scripts,
            gs: HashMap::default(),
            chans,
            wg: WaitGroup::default(),
            mu: Mutex::default(),
            rw: RWMutex::default(),
            cond: Cond::default(),
            timers: Timers::new(),
            ctxs: Contexts::new(),
            slots: Vec::new(),
            spawning_ctx: None,
            wakes: HashMap::default(),
            spawning: 0,
            pending_select: HashMap::default(),
            out: Vec::new(),
            printed: String::new(),
        }
    }

    fn wake(&mut self, w: Wake<i64>) -> Stop {
        let g = w.g;
        self.wakes.insert(g, w);
        Stop::Ready(g)
    }

    /// Readies the goroutines a close woke; disarms canceled timers (the
    /// scheduler takes one operation per call: a test-sized shortcut that
    /// only disarms, it never needs both here).
    fn ready_all(&mut self, ws: Vec<Wake<i64>>, stop_timers: Vec<u64>) -> Stop {
        let order: Vec<GoId> = ws.iter().map(|w| w.g).collect();
        for w in ws {
            self.wakes.insert(w.g, w);
        }
        for id in stop_timers {
            self.timers.stop(&mut self.chans, id);
        }
        Stop::ReadyMany(order)
    }

    fn print(&mut self, s: String) {
        self.printed.push_str(&s);
        self.printed.push('\n');
        self.out.push(EventKind::Output { fd: 1, text: s + "\n" });
    }
}

impl Machine for Glue {
    fn run(&mut self, _sched: &Sched, _chooser: &mut Chooser, g: GoId, now: u64, _slice: u64) -> RunResult {
        let at = |stop| RunResult { used_ns: 0, stop };
        // Finish the operation this goroutine was parked in.
        let blocked = self.gs.entry(g).or_default().blocked.take();
        match blocked {
            Some(Blocked::Recv) | Some(Blocked::Send) => {
                if let Some(w) = self.wakes.remove(&g)
                    && let WakeWhat::Received { value, .. } = w.what
                {
                    self.gs.entry(g).or_default().last = value;
                }
            }
            Some(Blocked::Wg) => {
                let _ = self.wg.wait_resume(g);
            }
            Some(Blocked::Lock) => {
                if let LockResult::Park(r) = self.mu.lock_resume(g, now) {
                    self.gs.entry(g).or_default().blocked = Some(Blocked::Lock);
                    return at(Stop::Park(r));
                }
            }
            Some(Blocked::Rw) => {
                if let LockResult::Park(r) = self.rw.resume(g, now) {
                    self.gs.entry(g).or_default().blocked = Some(Blocked::Rw);
                    return at(Stop::Park(r));
                }
            }
            Some(Blocked::Select) => {
                let w = self.wakes.remove(&g).expect("a woken select has its wake");
                match select_wake_result(w) {
                    Ok((0, Some((v, _)))) => self.print(format!("got {v}")),
                    Ok(_) => self.print("timeout".to_string()),
                    Err(f) => panic!("{f:?}"),
                }
            }
            Some(Blocked::Cond) | None => {}
        }
        if let Some(tc) = self.pending_select.remove(&g) {
            let cases = [SelectCase::Recv { c: Some(0) }, SelectCase::Recv { c: Some(tc) }];
            let mut randn = |n: u32| n.saturating_sub(1);
            match self.chans.selectgo(g, &cases, true, &mut randn) {
                SelectResult::Park(r) => {
                    self.gs.entry(g).or_default().blocked = Some(Blocked::Select);
                    return at(Stop::Park(r));
                }
                SelectResult::Chosen { case, recv, wake } => {
                    match (case, recv) {
                        (0, Some((v, _))) => self.print(format!("got {v}")),
                        _ => self.print("timeout".to_string()),
                    }
                    if let Some(w) = wake {
                        return at(self.wake(w));
                    }
                }
                other => panic!("{other:?}"),
            }
        }
        loop {
            let st = self.gs.entry(g).or_default();
            let Some(op) = self.scripts[st.script].get(st.pc).cloned() else { return at(Stop::Return) };
            st.pc += 1;
            let rw_park = |st: &mut GState, r: LockResult| match r {
                LockResult::Acquired => None,
                LockResult::Park(r) => {
                    st.blocked = Some(Blocked::Rw);
                    Some(Stop::Park(r))
                }
            };
            let slot = |slots: &Vec<CtxId>, i: Option<usize>| i.map_or(BACKGROUND, |i| slots[i]);
            let stop = match op {
                Op::CtxWithCancel(parent) => {
                    let (c, _) = self.ctxs.with_cancel(slot(&self.slots, parent), &mut self.chans);
                    self.slots.push(c);
                    continue;
                }
                Op::CtxWithTimeout(parent, d) => {
                    let p = slot(&self.slots, parent);
                    let (c, delay, _) = self.ctxs.with_deadline(p, now + d, now, None, &mut self.chans);
                    self.slots.push(c);
                    match delay {
                        Some(delay) => {
                            let (id, arm) = self.timers.after_func(now, delay as i64, c);
                            self.ctxs.set_timer(c, id);
                            arm
                        }
                        None => continue,
                    }
                }
                Op::CtxDone(i) => {
                    let d = self.ctxs.done(self.slots[i], &mut self.chans, 0);
                    match self.chans.chanrecv(g, d, true) {
                        RecvResult::Park(r) => {
                            st.blocked = Some(Blocked::Recv);
                            Stop::Park(r)
                        }
                        _ => continue,
                    }
                }
                Op::CtxCancel(i) => {
                    let out = self.ctxs.cancel_func(self.slots[i], None, &mut self.chans, &mut |_| 0);
                    self.ready_all(out.wakes, out.stop_timers)
                }
                Op::CtxDeadlineFired => {
                    let c = st.ctx_arg.expect("deadline goroutine has its context");
                    let out = self.ctxs.deadline_fired(c, None, &mut self.chans, &mut |_| 0);
                    self.ready_all(out.wakes, out.stop_timers)
                }
                Op::CtxPrintErr(i, label) => {
                    let c = self.slots[i];
                    let err = self.ctxs.err(c).map_or("<nil>", |e| e.text());
                    let cause = match self.ctxs.cause(c) {
                        Some(super::context::Cause::Err(e)) => e.text(),
                        Some(super::context::Cause::Custom(())) => "custom",
                        None => "<nil>",
                    };
                    self.print(format!("{label} {err} {cause}"));
                    continue;
                }
                Op::RLock => match rw_park(st, self.rw.rlock(g)) {
                    Some(stop) => stop,
                    None => continue,
                },
                Op::WLock => match rw_park(st, self.rw.lock(g, now)) {
                    Some(stop) => stop,
                    None => continue,
                },
                Op::RUnlock | Op::WUnlock => {
                    let w = if matches!(op, Op::RUnlock) { self.rw.runlock() } else { self.rw.unlock() };
                    match w.unwrap().ready.as_slice() {
                        [] => continue,
                        gs => Stop::ReadyMany(gs.to_vec()),
                    }
                }
                Op::CondAdd => {
                    st.ticket = self.cond.notify_list_add();
                    continue;
                }
                Op::CondWait => match self.cond.notify_list_wait(g, st.ticket) {
                    LockResult::Acquired => continue,
                    LockResult::Park(r) => {
                        st.blocked = Some(Blocked::Cond);
                        Stop::Park(r)
                    }
                },
                Op::Signal => match self.cond.notify_one() {
                    Some(w) => Stop::Ready(w),
                    None => continue,
                },
                Op::Broadcast => match self.cond.notify_all().as_slice() {
                    [] => continue,
                    gs => Stop::ReadyMany(gs.to_vec()),
                },
                Op::RecvOrTimeout(d) => {
                    let (_, tc, arm) = self.timers.new_timer(&mut self.chans, 0, now, d as i64);
                    // Arming is this step's scheduler operation; the select
                    // itself is the next call's.
                    self.pending_select.insert(g, tc);
                    return at(arm);
                }
                Op::Go(n) => {
                    self.spawning = n;
                    Stop::Newproc { func: Rc::from(format!("main.g{n}")), pos: Span::default() }
                }
                Op::Sleep(d) => Stop::Sleep { duration_ns: d },
                Op::Recv => match self.chans.chanrecv(g, Some(0), true) {
                    RecvResult::Done { value, .. } => {
                        st.last = value;
                        continue;
                    }
                    RecvResult::DoneAndReady { value, wake } => {
                        st.last = value;
                        self.wake(wake)
                    }
                    RecvResult::Park(r) => {
                        st.blocked = Some(Blocked::Recv);
                        Stop::Park(r)
                    }
                    RecvResult::WouldBlock => unreachable!(),
                },
                Op::Send(v) => match self.chans.chansend(g, Some(0), v, true) {
                    SendResult::Done => continue,
                    SendResult::DoneAndReady(w) => self.wake(w),
                    SendResult::Park(r) => {
                        st.blocked = Some(Blocked::Send);
                        Stop::Park(r)
                    }
                    other => panic!("{other:?}"),
                },
                Op::Close => match self.chans.closechan(Some(0)) {
                    CloseResult::Closed(ws) => {
                        let order: Vec<GoId> = ws.iter().map(|w| w.g).collect();
                        for w in ws {
                            self.wakes.insert(w.g, w);
                        }
                        Stop::ReadyMany(order)
                    }
                    CloseResult::Panic(f) => panic!("{f:?}"),
                },
                Op::Print(s) => {
                    self.print(s.to_string());
                    continue;
                }
                Op::PrintRecv => {
                    let v = st.last;
                    self.print(v.to_string());
                    continue;
                }
                Op::WgAdd(n) => {
                    assert!(self.wg.add(n).unwrap().is_empty());
                    continue;
                }
                Op::WgDone => match self.wg.done().unwrap().as_slice() {
                    [] => continue,
                    gs => Stop::ReadyMany(gs.to_vec()),
                },
                Op::WgWait => match self.wg.wait(g) {
                    LockResult::Acquired => continue,
                    LockResult::Park(r) => {
                        st.blocked = Some(Blocked::Wg);
                        Stop::Park(r)
                    }
                },
                Op::Lock => match self.mu.lock(g, now) {
                    LockResult::Acquired => continue,
                    LockResult::Park(r) => {
                        st.blocked = Some(Blocked::Lock);
                        Stop::Park(r)
                    }
                },
                Op::Unlock => {
                    let w = self.mu.unlock().unwrap();
                    match w.ready.as_slice() {
                        [] => continue,
                        gs => Stop::ReadyMany(gs.to_vec()),
                    }
                }
            };
            return at(stop);
        }
    }

    fn take_events(&mut self) -> Vec<(EventKind, Option<crate::span::Span>)> {
        std::mem::take(&mut self.out).into_iter().map(|k| (k, None)).collect()
    }

    fn timer_fired(&mut self, _chooser: &mut Chooser, id: u64, now: u64) -> Vec<TimerAction> {
        let f = self.timers.fired(&mut self.chans, id, now, |when| when as i64);
        if let Some(c) = f.go {
            // time.AfterFunc runs f in a new goroutine (time.goFunc).
            self.spawning = DEADLINE_SCRIPT;
            self.spawning_ctx = Some(c);
            return vec![TimerAction::Go { func: Rc::from("time.goFunc"), pos: Span::default(), parent: 1 }];
        }
        match f.wake {
            Some(w) => {
                let g = w.g;
                self.wakes.insert(g, w);
                vec![TimerAction::Ready(g)]
            }
            None => Vec::new(),
        }
    }

    fn newproc(&mut self, _parent: GoId, child: GoId) {
        let ctx_arg = self.spawning_ctx.take();
        self.gs.insert(child, GState { script: self.spawning, ctx_arg, ..GState::default() });
    }
}

fn run(scripts: Vec<Vec<Op>>, buffer: i64) -> (Ending, String) {
    let (end, out, _) = run_sched(scripts, buffer);
    (end, out)
}

/// The script a deadline's `time.AfterFunc` goroutine runs (appended last).
const DEADLINE_SCRIPT: usize = 1000;

fn run_sched(mut scripts: Vec<Vec<Op>>, buffer: i64) -> (Ending, String, Sched) {
    scripts.resize(DEADLINE_SCRIPT, Vec::new());
    scripts.push(vec![Op::CtxDeadlineFired]);
    let mut glue = Glue::new(scripts, buffer);
    let mut sched = Sched::new(Config { procs: 1, check_invariants: true, ..Config::default() });
    let end = sched.run(&mut glue);
    (end, glue.printed, sched)
}

const MS: u64 = 1_000_000;

#[test]
fn close_wakes_three_receivers_in_gos_order() {
    // go a(); sleep; go b(); sleep; go c(); sleep; close(c); wg.Wait():
    // Go 1.27 prints a, c, b (glist pops c b a; runnext keeps the last).
    let worker = |name| vec![Op::Recv, Op::Print(name), Op::WgDone];
    let mut main = Vec::new();
    for n in 1..=3 {
        main.extend([Op::WgAdd(1), Op::Go(n), Op::Sleep(MS)]);
    }
    main.extend([Op::Close, Op::WgWait]);
    let (end, out) = run(vec![main, worker("a"), worker("b"), worker("c")], 0);
    assert_eq!(end, Ending::Exit(0));
    assert_eq!(out, "a\nc\nb\n");
}

#[test]
fn values_flow_through_unbuffered_and_buffered_channels_in_order() {
    for buffer in [0, 2] {
        let producer = vec![Op::Send(1), Op::Send(2), Op::Send(3), Op::Close];
        let main = vec![
            Op::Go(1),
            Op::Recv,
            Op::PrintRecv,
            Op::Recv,
            Op::PrintRecv,
            Op::Recv,
            Op::PrintRecv,
            Op::Recv,
            Op::PrintRecv,
        ];
        let (end, out) = run(vec![main, producer], buffer);
        assert_eq!(end, Ending::Exit(0));
        assert_eq!(out, "1\n2\n3\n0\n", "buffer {buffer}");
    }
}

#[test]
fn a_receive_nobody_serves_is_a_deadlock() {
    let (end, _) = run(vec![vec![Op::Recv]], 0);
    assert_eq!(end.fatal_message(), Some("all goroutines are asleep - deadlock!"));
}

#[test]
fn mutex_serialises_goroutines_through_the_scheduler() {
    let worker = |name| vec![Op::Lock, Op::Print(name), Op::Unlock, Op::WgDone];
    let main =
        vec![Op::Lock, Op::WgAdd(2), Op::Go(1), Op::Go(2), Op::Sleep(MS), Op::Print("main"), Op::Unlock, Op::WgWait];
    let (end, out) = run(vec![main, worker("x"), worker("y")], 0);
    assert_eq!(end, Ending::Exit(0));
    // Go 1.27: y (in runnext) runs and queues on the mutex before x.
    assert_eq!(out, "main\ny\nx\n");
}

#[test]
fn rwmutex_writer_goes_before_a_later_reader() {
    let writer = vec![Op::WLock, Op::Print("writer"), Op::WUnlock, Op::WgDone];
    let reader = vec![Op::RLock, Op::Print("reader"), Op::RUnlock, Op::WgDone];
    let main = vec![
        Op::RLock,
        Op::WgAdd(2),
        Op::Go(1),
        Op::Sleep(MS),
        Op::Go(2),
        Op::Sleep(MS),
        Op::Print("main unlocks"),
        Op::RUnlock,
        Op::WgWait,
    ];
    let (end, out) = run(vec![main, writer, reader], 0);
    assert_eq!(end, Ending::Exit(0));
    assert_eq!(out, "main unlocks\nwriter\nreader\n");
}

#[test]
fn cond_signal_then_broadcast_in_gos_order() {
    let waiter =
        |n| vec![Op::Lock, Op::CondAdd, Op::Unlock, Op::CondWait, Op::Lock, Op::Print(n), Op::Unlock, Op::WgDone];
    let mut main = Vec::new();
    for n in 1..=4 {
        main.extend([Op::WgAdd(1), Op::Go(n), Op::Sleep(MS)]);
    }
    main.extend([Op::Lock, Op::Signal, Op::Unlock, Op::Sleep(MS), Op::Lock, Op::Broadcast, Op::Unlock, Op::WgWait]);
    let (end, out) = run(vec![main, waiter("a"), waiter("b"), waiter("c"), waiter("d")], 0);
    assert_eq!(end, Ending::Exit(0));
    // Go 1.27 prints a d b c: Broadcast readies b, c, d; d lands in runnext.
    assert_eq!(out, "a\nd\nb\nc\n");
}

#[test]
fn select_with_time_after_times_out_then_receives() {
    let sender = vec![Op::Sleep(2 * MS), Op::Send(1)];
    let main = vec![Op::Go(1), Op::RecvOrTimeout(MS), Op::RecvOrTimeout(10 * MS)];
    let (end, out, sched) = run_sched(vec![main, sender], 0);
    assert_eq!(end, Ending::Exit(0));
    assert_eq!(out, "timeout\ngot 1\n");
    // The second timer was still pending when the program ended at ~2 ms.
    assert!(sched.now < 10 * MS, "ended at {}", sched.now);
}

#[test]
fn context_cancel_and_deadline_wake_waiters_in_gos_order() {
    // Slots: 0 = WithCancel(Background), 1 = WithTimeout(0, 1h), 2 = WithTimeout(Background, 1ms).
    let waiter = |label| vec![Op::CtxDone(1), Op::CtxPrintErr(1, label), Op::WgDone];
    let x = vec![Op::CtxDone(2), Op::CtxPrintErr(2, "x"), Op::WgDone];
    let mut main = vec![Op::CtxWithCancel(None), Op::CtxWithTimeout(Some(0), 3_600_000 * MS)];
    for n in 1..=2 {
        main.extend([Op::WgAdd(1), Op::Go(n), Op::Sleep(MS)]);
    }
    main.extend([Op::CtxCancel(0), Op::WgWait]);
    main.extend([Op::CtxWithTimeout(None, MS), Op::WgAdd(1), Op::Go(3), Op::CtxDone(2), Op::CtxPrintErr(2, "main")]);
    main.push(Op::WgWait);
    let (end, out) = run(vec![main, waiter("a"), waiter("b"), x], 0);
    assert_eq!(end, Ending::Exit(0));
    // As Go 1.27 prints it (GOMAXPROCS=1).
    assert_eq!(
        out,
        "a context canceled context canceled\nb context canceled context canceled\n\
         main context deadline exceeded context deadline exceeded\nx context deadline exceeded context deadline exceeded\n"
    );
}

#[test]
fn mutex_starvation_mode_lets_a_waiter_in_between_a_barging_loop() {
    // A locks, sleeps 2 ms, unlocks, three times; B tries at 0.5 ms. In
    // normal mode A would re-lock first each time (it is running); B has
    // waited over 1 ms by A's second unlock, turns the mutex to starvation
    // mode, and is handed it at the next unlock. Go 1.27: A 0, A 1, B, A 2.
    let mut a = Vec::new();
    for label in ["A 0", "A 1", "A 2"] {
        a.extend([Op::Lock, Op::Print(label), Op::Sleep(2 * MS), Op::Unlock]);
    }
    a.push(Op::WgDone);
    let b = vec![Op::Sleep(MS / 2), Op::Lock, Op::Print("B"), Op::Unlock, Op::WgDone];
    let main = vec![Op::WgAdd(2), Op::Go(1), Op::Go(2), Op::WgWait];
    let (end, out) = run(vec![main, a, b], 0);
    assert_eq!(end, Ending::Exit(0));
    assert_eq!(out, "A 0\nA 1\nB\nA 2\n");
}
