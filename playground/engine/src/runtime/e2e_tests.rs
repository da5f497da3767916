//! End-to-end checks of the runtime objects on the real scheduler: a small
//! [`Machine`] that runs scripted goroutines whose operations go through
//! [`Chans`], [`WaitGroup`] and [`Mutex`], turning their decisions into the
//! scheduler's `Stop`s as the VM glue will. Expected outputs come from real
//! Go 1.27 runs of the equivalent programs (GOMAXPROCS=1).

use super::chan::{Chans, CloseResult, RecvResult, SendResult, Wake, WakeWhat};
use super::sync::{LockResult, Mutex, WaitGroup};
use crate::event::EventKind;
use crate::sched::{Config, Ending, GoId, Machine, RunResult, Sched, Stop};
use crate::span::Span;
use std::collections::HashMap;
use std::sync::Arc;

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
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Blocked {
    Recv,
    Send,
    Wg,
    Lock,
}

#[derive(Default)]
struct GState {
    script: usize,
    pc: usize,
    blocked: Option<Blocked>,
    last: i64,
}

struct Glue {
    scripts: Vec<Vec<Op>>,
    gs: HashMap<GoId, GState>,
    chans: Chans<i64>,
    wg: WaitGroup,
    mu: Mutex,
    /// What each woken goroutine's blocked operation returns.
    wakes: HashMap<GoId, Wake<i64>>,
    spawning: usize,
    out: Vec<EventKind>,
    printed: String,
}

impl Glue {
    fn new(scripts: Vec<Vec<Op>>, buffer: i64) -> Glue {
        let mut chans = Chans::new();
        chans.makechan(0, 8, buffer).unwrap();
        Glue {
            scripts,
            gs: HashMap::new(),
            chans,
            wg: WaitGroup::default(),
            mu: Mutex::default(),
            wakes: HashMap::new(),
            spawning: 0,
            out: Vec::new(),
            printed: String::new(),
        }
    }

    fn wake(&mut self, w: Wake<i64>) -> Stop {
        let g = w.g;
        self.wakes.insert(g, w);
        Stop::Ready(g)
    }

    fn print(&mut self, s: String) {
        self.printed.push_str(&s);
        self.printed.push('\n');
        self.out.push(EventKind::Output { fd: 1, text: s + "\n" });
    }
}

impl Machine for Glue {
    fn run(&mut self, _sched: &Sched, g: GoId, now: u64, _slice: u64) -> RunResult {
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
            None => {}
        }
        loop {
            let st = self.gs.entry(g).or_default();
            let Some(op) = self.scripts[st.script].get(st.pc).cloned() else { return at(Stop::Return) };
            st.pc += 1;
            let stop = match op {
                Op::Go(n) => {
                    self.spawning = n;
                    Stop::Newproc { func: Arc::from(format!("main.g{n}")), pos: Span::default() }
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

    fn take_events(&mut self) -> Vec<EventKind> {
        std::mem::take(&mut self.out)
    }

    fn newproc(&mut self, _parent: GoId, child: GoId) {
        self.gs.insert(child, GState { script: self.spawning, ..GState::default() });
    }
}

fn run(scripts: Vec<Vec<Op>>, buffer: i64) -> (Ending, String) {
    let mut glue = Glue::new(scripts, buffer);
    let mut sched = Sched::new(Config { procs: 1, check_invariants: true, ..Config::default() });
    let end = sched.run(&mut glue);
    (end, glue.printed)
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
