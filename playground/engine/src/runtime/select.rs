//! `select`: Go's `selectgo` (runtime/select.go) over the [`Chans`] arena.
//!
//! Pass 1 visits the cases in a random poll order (a permutation drawn
//! from the run's chooser, as Go draws it from `cheaprandn`) and takes
//! the first that can proceed; a closed channel's case can. With none
//! ready, a select with `default` takes it; otherwise pass 2 queues a
//! sudog for the goroutine on every channel and it parks (`select`, or
//! `select (no cases)` when it has no cases at all). When one channel
//! completes with it, the operation that did so takes its sudogs off all
//! the other channels (pass 3) and returns a [`Wake`] naming the case.
//! Lock order, which only matters to real threads, is not modelled.
//!
//! Go's compiler turns a select with one case (plus maybe default) into a
//! plain channel operation and `select {}` into `block()`; `selectgo` does
//! the same for such selects, so the glue may call it for every select and
//! get Go's wait reasons (checked against Go 1.27's deadlock dump:
//! `select (no cases)`, `select` for two nil cases, `chan receive (nil
//! chan)` for one).

use super::chan::{ChanId, Chans, Dir, RecvResult, SendResult, Sudog, Wake, WakeWhat};
use super::{Failure, GoId, WaitReason};

/// One case of a select statement; `None` is a nil channel (never ready).
#[derive(Clone, Debug, PartialEq)]
pub enum SelectCase<V> {
    Send { c: Option<ChanId>, v: V },
    Recv { c: Option<ChanId> },
}

/// The decision of [`Chans::selectgo`].
#[derive(Clone, Debug, PartialEq)]
pub enum SelectResult<V> {
    /// Case `case` proceeded. For a receive, `recv` is (value, ok). `wake`
    /// is a parked goroutine on the other side to ready.
    Chosen { case: usize, recv: Option<(V, bool)>, wake: Option<Wake<V>> },
    /// No case was ready and the select has a default.
    Default,
    /// Park; a later channel operation returns a `Wake` with the case.
    Park(WaitReason),
    /// A send case on a closed channel was chosen: `send on closed channel`.
    Panic(Failure),
}

/// Go's poll order: an inside-out Fisher–Yates shuffle of the non-nil
/// cases, `randn(k)` giving a uniform value in `0..k`.
pub fn pollorder<V>(cases: &[SelectCase<V>], randn: &mut dyn FnMut(u32) -> u32) -> Vec<usize> {
    let mut order: Vec<usize> = Vec::with_capacity(cases.len());
    for (i, cas) in cases.iter().enumerate() {
        let c = match cas {
            SelectCase::Send { c, .. } | SelectCase::Recv { c } => c,
        };
        if c.is_none() {
            continue;
        }
        let n = order.len();
        let j = (randn(n as u32 + 1) as usize).min(n);
        order.push(i);
        order.swap(n, j);
    }
    order
}

impl<V: Clone> Chans<V> {
    /// `selectgo` for goroutine `g` (`block == false` when the select has a
    /// default). `randn(k)` must return a uniform value in `0..k` from the
    /// run's chooser (`sched::Chooser`).
    pub fn selectgo(
        &mut self,
        g: GoId,
        cases: &[SelectCase<V>],
        block: bool,
        randn: &mut dyn FnMut(u32) -> u32,
    ) -> SelectResult<V> {
        // Go's compiler lowers a one-case select without default to the
        // plain operation (so a nil channel parks with `chan receive (nil
        // chan)`, not `select`); do the same whatever the glue passes.
        if block && cases.len() == 1 {
            return self.single_case(g, &cases[0]);
        }
        let order = pollorder(cases, randn);
        // Pass 1: the first ready case in poll order.
        for &i in &order {
            match &cases[i] {
                SelectCase::Recv { c: Some(c) } => {
                    let Some(h) = self.get(*c) else { continue };
                    // A waiting sender, a buffered value, or closed: chanrecv
                    // then cannot block, and handles each as Go's labels do.
                    if !h.sendq.is_empty() || h.qcount > 0 || h.closed {
                        return match self.chanrecv(g, Some(*c), false) {
                            RecvResult::Done { value, ok } => {
                                SelectResult::Chosen { case: i, recv: Some((value, ok)), wake: None }
                            }
                            RecvResult::DoneAndReady { value, wake } => {
                                SelectResult::Chosen { case: i, recv: Some((value, true)), wake: Some(wake) }
                            }
                            _ => continue,
                        };
                    }
                }
                SelectCase::Send { c: Some(c), v } => {
                    let Some(h) = self.get(*c) else { continue };
                    if h.closed {
                        return SelectResult::Panic(Failure::Panic("send on closed channel"));
                    }
                    if !h.recvq.is_empty() || h.qcount < h.dataqsiz {
                        return match self.chansend(g, Some(*c), v.clone(), false) {
                            SendResult::Done => SelectResult::Chosen { case: i, recv: None, wake: None },
                            SendResult::DoneAndReady(w) => SelectResult::Chosen { case: i, recv: None, wake: Some(w) },
                            _ => continue,
                        };
                    }
                }
                _ => {}
            }
        }
        if !block {
            return SelectResult::Default;
        }
        if cases.is_empty() {
            return SelectResult::Park(WaitReason::SelectNoCases);
        }
        // Pass 2: queue on every channel.
        let mut queued: Vec<(ChanId, Dir)> = Vec::new();
        for (i, cas) in cases.iter().enumerate() {
            match cas {
                SelectCase::Recv { c: Some(c) } => {
                    if let Some(h) = self.ch(*c) {
                        h.recvq.enqueue(Sudog { g, elem: None, case: Some(i) });
                        queued.push((*c, Dir::Recv));
                    }
                }
                SelectCase::Send { c: Some(c), v } => {
                    if let Some(h) = self.ch(*c) {
                        h.sendq.enqueue(Sudog { g, elem: Some(v.clone()), case: Some(i) });
                        queued.push((*c, Dir::Send));
                    }
                }
                _ => {}
            }
        }
        if !queued.is_empty() {
            self.selecting.insert(g, queued);
        }
        SelectResult::Park(WaitReason::Select)
    }

    /// `select { case op: }` as the plain channel operation.
    fn single_case(&mut self, g: GoId, cas: &SelectCase<V>) -> SelectResult<V> {
        match cas {
            SelectCase::Send { c, v } => match self.chansend(g, *c, v.clone(), true) {
                SendResult::Done => SelectResult::Chosen { case: 0, recv: None, wake: None },
                SendResult::DoneAndReady(w) => SelectResult::Chosen { case: 0, recv: None, wake: Some(w) },
                SendResult::Park(r) => SelectResult::Park(r),
                SendResult::Panic(f) => SelectResult::Panic(f),
                SendResult::WouldBlock => SelectResult::Default,
            },
            SelectCase::Recv { c } => match self.chanrecv(g, *c, true) {
                RecvResult::Done { value, ok } => SelectResult::Chosen { case: 0, recv: Some((value, ok)), wake: None },
                RecvResult::DoneAndReady { value, wake } => {
                    SelectResult::Chosen { case: 0, recv: Some((value, true)), wake: Some(wake) }
                }
                RecvResult::Park(r) => SelectResult::Park(r),
                RecvResult::WouldBlock => SelectResult::Default,
            },
        }
    }

    /// Is goroutine `g` parked in a select?
    pub fn in_select(&self, g: GoId) -> bool {
        self.selecting.contains_key(&g)
    }
}

/// What a woken select returns: (case, received value and ok). A send case
/// woken by close must panic `send on closed channel` (Go's `sclose`).
pub fn select_wake_result<V>(w: Wake<V>) -> Result<(usize, Option<(V, bool)>), Failure> {
    let case = w.case.unwrap_or(0);
    match w.what {
        WakeWhat::Received { value, ok } => Ok((case, Some((value, ok)))),
        WakeWhat::Sent => Ok((case, None)),
        WakeWhat::SendOnClosed => Err(Failure::Panic("send on closed channel")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::chan::{CloseResult, RecvResult, SendResult};
    use crate::sched::choice::WyRand;

    fn rng(seed: u64) -> impl FnMut(u32) -> u32 {
        let mut r = WyRand::new(seed);
        move |n| r.below(n)
    }

    fn chosen<V: std::fmt::Debug>(r: SelectResult<V>) -> usize {
        match r {
            SelectResult::Chosen { case, .. } => case,
            other => panic!("not chosen: {other:?}"),
        }
    }

    #[test]
    fn pollorder_is_a_permutation_of_non_nil_cases() {
        let cases: Vec<SelectCase<i64>> = vec![
            SelectCase::Recv { c: Some(0) },
            SelectCase::Recv { c: None },
            SelectCase::Send { c: Some(1), v: 1 },
            SelectCase::Recv { c: Some(2) },
        ];
        let mut r = rng(3);
        for _ in 0..50 {
            let mut o = pollorder(&cases, &mut r);
            o.sort();
            assert_eq!(o, vec![0, 2, 3]);
        }
    }

    #[test]
    fn ready_cases_are_chosen_uniformly_over_seeds_and_fixed_per_seed() {
        let mut counts = [0u32; 3];
        for seed in 0..3000u64 {
            let mut cs = Chans::new();
            let ids: Vec<ChanId> = (0..3).map(|_| cs.makechan(0i64, 8, 1).unwrap()).collect();
            for &c in &ids {
                cs.chansend(1, Some(c), c as i64, true);
            }
            let cases: Vec<_> = ids.iter().map(|&c| SelectCase::Recv { c: Some(c) }).collect();
            let a = chosen(cs.clone().selectgo(1, &cases, true, &mut rng(seed)));
            let b = chosen(cs.selectgo(1, &cases, true, &mut rng(seed)));
            assert_eq!(a, b, "same seed, same choice");
            counts[a] += 1;
        }
        for n in counts {
            assert!((900..1100).contains(&n), "{counts:?}");
        }
    }

    #[test]
    fn default_when_nothing_ready_and_nil_cases_never_ready() {
        let mut cs = Chans::new();
        let c = cs.makechan(0i64, 8, 0).unwrap();
        let cases = vec![SelectCase::Recv { c: Some(c) }, SelectCase::Send { c: None, v: 1 }];
        assert_eq!(cs.selectgo(1, &cases, false, &mut rng(1)), SelectResult::Default);
        assert!(cs.waiting(c, Dir::Recv).is_empty(), "a default select queues nothing");
        assert_eq!(
            cs.selectgo(1, &[SelectCase::Recv { c: None }], true, &mut rng(1)),
            SelectResult::Park(WaitReason::ChanReceiveNilChan)
        );
        assert_eq!(
            cs.selectgo(1, &[SelectCase::Send { c: Some(c), v: 1 }], true, &mut rng(1)),
            SelectResult::Park(WaitReason::ChanSend)
        );
        assert!(!cs.in_select(1), "a one-case select is a plain send");
        cs.forget(1);
        let nil_only: Vec<SelectCase<i64>> = vec![SelectCase::Recv { c: None }, SelectCase::Send { c: None, v: 0 }];
        assert_eq!(cs.selectgo(1, &nil_only, true, &mut rng(1)), SelectResult::Park(WaitReason::Select));
        assert_eq!(cs.selectgo(1, &[], true, &mut rng(1)), SelectResult::Park(WaitReason::SelectNoCases));
        assert_eq!(WaitReason::SelectNoCases.as_str(), "select (no cases)");
    }

    #[test]
    fn parked_select_is_woken_by_one_channel_and_leaves_the_others() {
        let mut cs = Chans::new();
        let a = cs.makechan(0i64, 8, 0).unwrap();
        let b = cs.makechan(0i64, 8, 0).unwrap();
        let cases = vec![SelectCase::Recv { c: Some(a) }, SelectCase::Send { c: Some(b), v: 77 }];
        assert_eq!(cs.selectgo(5, &cases, true, &mut rng(1)), SelectResult::Park(WaitReason::Select));
        assert_eq!(cs.waiting(a, Dir::Recv), vec![5]);
        assert_eq!(cs.waiting(b, Dir::Send), vec![5]);
        // A receiver on b completes the select's send case.
        let r = cs.chanrecv(9, Some(b), true);
        let RecvResult::DoneAndReady { value, wake } = r else { panic!("{r:?}") };
        assert_eq!(value, 77);
        assert_eq!(select_wake_result(wake), Ok((1, None)));
        assert!(cs.waiting(a, Dir::Recv).is_empty(), "dequeued from the other channel");
        assert!(!cs.in_select(5));
        // Now a sender on a finds nobody.
        assert_eq!(cs.chansend(1, Some(a), 1, false), SendResult::WouldBlock);
    }

    #[test]
    fn closed_channel_case_is_ready_and_close_wakes_a_select() {
        let mut cs = Chans::new();
        let a = cs.makechan(0i64, 8, 0).unwrap();
        let b = cs.makechan(0i64, 8, 0).unwrap();
        cs.closechan(Some(a));
        let cases = vec![SelectCase::Recv { c: Some(a) }, SelectCase::Recv { c: Some(b) }];
        let r = cs.selectgo(1, &cases, true, &mut rng(4));
        assert_eq!(r, SelectResult::Chosen { case: 0, recv: Some((0, false)), wake: None });

        let cases = vec![SelectCase::Recv { c: Some(b) }, SelectCase::Send { c: Some(b), v: 3 }];
        assert_eq!(cs.selectgo(2, &cases, true, &mut rng(4)), SelectResult::Park(WaitReason::Select));
        let CloseResult::Closed(ws) = cs.closechan(Some(b)) else { panic!() };
        // Both of goroutine 2's sudogs were on b; close dequeues receivers
        // first, so the receive case wins and the send sudog is skipped.
        assert_eq!(ws.len(), 1);
        assert_eq!(select_wake_result(ws[0].clone()), Ok((0, Some((0, false)))));
        assert!(cs.waiting(b, Dir::Send).is_empty());
        let c = cs.makechan(0i64, 8, 0).unwrap();
        cs.selectgo(4, &[SelectCase::Send { c: Some(c), v: 1 }, SelectCase::Recv { c: Some(a) }], true, &mut rng(1));
        // (a is closed, so that select did not park: it chose case 1.)
        assert!(!cs.in_select(4));
        cs.selectgo(4, &[SelectCase::Send { c: Some(c), v: 1 }, SelectCase::Recv { c: None }], true, &mut rng(1));
        let CloseResult::Closed(ws) = cs.closechan(Some(c)) else { panic!() };
        assert_eq!(select_wake_result(ws[0].clone()), Err(Failure::Panic("send on closed channel")));
        let send_closed = vec![SelectCase::Send { c: Some(a), v: 1 }];
        assert_eq!(
            cs.selectgo(3, &send_closed, false, &mut rng(1)),
            SelectResult::Panic(Failure::Panic("send on closed channel"))
        );
    }

    #[test]
    fn select_send_hands_off_and_buffered_cases_work() {
        let mut cs = Chans::new();
        let a = cs.makechan(0i64, 8, 0).unwrap();
        cs.chanrecv(8, Some(a), true);
        let r = cs.selectgo(1, &[SelectCase::Send { c: Some(a), v: 4 }], true, &mut rng(1));
        let SelectResult::Chosen { case: 0, wake: Some(w), .. } = r else { panic!("{r:?}") };
        assert_eq!(w.what, WakeWhat::Received { value: 4, ok: true });
        let b = cs.makechan(0i64, 8, 1).unwrap();
        assert_eq!(chosen(cs.selectgo(1, &[SelectCase::Send { c: Some(b), v: 6 }], false, &mut rng(1))), 0);
        assert_eq!(
            cs.selectgo(1, &[SelectCase::Recv { c: Some(b) }], false, &mut rng(1)),
            SelectResult::Chosen { case: 0, recv: Some((6, true)), wake: None }
        );
    }
}
