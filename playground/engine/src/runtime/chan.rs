//! Channels and `select` as a state machine (Go's `runtime/chan.go` and
//! `select.go`): the wait queues of every channel, and the decisions of
//! `chansend`, `chanrecv`, `closechan` and `selectgo`.
//!
//! Nothing here runs goroutines or knows the VM. A channel's buffer and
//! `closed` flag live with the channel object, wherever the caller keeps
//! it (the VM's heap, where the collector sees the values): an operation
//! reaches them through [`Hchans`]. An operation updates the queues and
//! the buffer and returns what happened, for the caller to apply: which
//! goroutine takes which value, who parks and why, who must be readied,
//! which panic. Names and orders follow Go: receivers and senders wait
//! in FIFO order; `closechan` readies the receivers then the senders in
//! the order it pops them off its list; `selectgo` polls its cases in a
//! random order (its shuffle drawn from the run's chooser) and, once a
//! case completes, a goroutine parked in a `select` leaves every other
//! channel it queued on (its pass 3).
//!
//! `K` is a channel's identity and `V` a value: the engine's `Handle` and
//! `Value`, plain types in the tests.

use crate::sched::{Chooser, GoId, WaitReason};
use rustc_hash::FxHashMap as HashMap;
use std::collections::VecDeque;
use std::hash::Hash;

/// A channel's buffer and `closed` flag, as the caller keeps them.
pub struct Hchan<'a, V> {
    pub buf: &'a mut VecDeque<V>,
    pub cap: usize,
    pub closed: &'a mut bool,
}

/// Where the channels' buffers are: `None` for a value that is not a live
/// channel.
pub trait Hchans<K, V> {
    fn hchan(&mut self, c: K) -> Option<Hchan<'_, V>>;
}

/// How a parked receiver wants its result.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecvKind {
    One,
    WithOk,
    /// Case `n` of a parked `select`: results `[n, v, ok]`.
    Select(u32),
}

/// Wait queues of one channel (`hchan.recvq` / `sendq`).
#[derive(Clone, Debug)]
pub struct Waits<V> {
    pub recvq: VecDeque<(GoId, RecvKind)>,
    /// The sender, its value, and its case if it is a parked `select`.
    pub sendq: VecDeque<(GoId, V, Option<u32>)>,
}

impl<V> Default for Waits<V> {
    fn default() -> Self {
        Waits { recvq: VecDeque::new(), sendq: VecDeque::new() }
    }
}

/// What a send did.
#[derive(Clone, Debug, PartialEq)]
pub enum Sent<V> {
    /// A parked receiver took the value: it gets `(value, true)` as its
    /// `kind` wants and must be readied.
    Handoff { to: GoId, kind: RecvKind, v: V },
    /// The value went into the buffer.
    Buffered,
}

/// What a receive got.
#[derive(Clone, Debug, PartialEq)]
pub enum Received<V> {
    /// From a parked sender (readied; a `select` sender's results are its
    /// case's): `sent` is its value; `got` is what the receiver takes —
    /// `sent` when unbuffered, else the buffer's head (`sent` went to the
    /// tail).
    FromSender { from: GoId, case: Option<u32>, sent: V, got: V },
    /// The buffer's head.
    Buffered(V),
    /// The channel is closed and empty: the zero value and `false`.
    Closed,
}

/// What `chansend` decided.
#[derive(Clone, Debug, PartialEq)]
pub enum Send<V> {
    Done(Sent<V>),
    /// Queued: park with this reason (the value waits in the queue).
    Park(WaitReason),
    Panic(&'static str),
}

/// What `chanrecv` decided.
#[derive(Clone, Debug, PartialEq)]
pub enum Recv<V> {
    Done(Received<V>),
    /// Queued (or a nil channel: not queued): park with this reason.
    Park(WaitReason),
}

/// What `closechan` woke, in the order it took them off the queues.
#[derive(Clone, Debug, PartialEq)]
pub struct Closed {
    /// The receivers: each gets the zero value and `false`.
    pub receivers: Vec<(GoId, RecvKind)>,
    /// The senders: each panics with `send on closed channel` when it runs.
    pub senders: Vec<GoId>,
}

impl Closed {
    /// The order Go readies them: it pushes receivers then senders on a
    /// list and readies them from its head, last pushed first.
    pub fn ready_order(&self) -> Vec<GoId> {
        let mut all: Vec<GoId> = self.receivers.iter().map(|r| r.0).collect();
        all.extend(self.senders.iter().copied());
        all.reverse();
        all
    }
}

/// One case of a `select`: a send of `v` or a receive, on channel `c`
/// (`None`: a nil channel, never ready).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SelCase<K, V> {
    pub send: bool,
    pub c: Option<K>,
    pub v: V,
}

/// What `selectgo` decided.
#[derive(Clone, Debug, PartialEq)]
pub enum Select<V> {
    /// Send case `case` went through.
    Sent { case: usize, sent: Sent<V> },
    /// Receive case `case` went through.
    Received { case: usize, got: Received<V> },
    /// No case was ready: the default.
    Default,
    /// Queued on every live case's channel: park with this reason.
    Park(WaitReason),
    Panic(&'static str),
}

/// Every channel's wait queues, and the channels each goroutine parked in
/// a `select` queued on.
#[derive(Clone, Debug)]
pub struct Chans<K, V> {
    pub waits: HashMap<K, Waits<V>>,
    selecting: HashMap<GoId, Vec<K>>,
}

impl<K, V> Default for Chans<K, V> {
    fn default() -> Self {
        Chans { waits: HashMap::default(), selecting: HashMap::default() }
    }
}

impl<K: Copy + Eq + Hash, V: Copy> Chans<K, V> {
    /// Whether a receiver waits on channel `c`.
    pub fn has_receiver(&self, c: K) -> bool {
        self.waits.get(&c).is_some_and(|w| !w.recvq.is_empty())
    }

    /// `chansend` of `v` on `c` by goroutine `g`.
    pub fn send(&mut self, heap: &mut impl Hchans<K, V>, g: GoId, c: Option<K>, v: V) -> Send<V> {
        let Some(c) = c else { return Send::Park(WaitReason::ChanSendNilChan) };
        let Some(ch) = heap.hchan(c) else { return Send::Park(WaitReason::ChanSendNilChan) };
        if *ch.closed {
            return Send::Panic("send on closed channel");
        }
        if let Some(s) = self.try_send(heap, c, v) {
            return Send::Done(s);
        }
        self.waits.entry(c).or_default().sendq.push_back((g, v, None));
        Send::Park(WaitReason::ChanSend)
    }

    /// A send that can go through now: to a parked receiver, or into the
    /// buffer if it has room.
    fn try_send(&mut self, heap: &mut impl Hchans<K, V>, c: K, v: V) -> Option<Sent<V>> {
        let waiter = self.waits.get_mut(&c).and_then(|w| w.recvq.pop_front());
        self.prune(c);
        if let Some((r, kind)) = waiter {
            self.woken(r);
            return Some(Sent::Handoff { to: r, kind, v });
        }
        let ch = heap.hchan(c)?;
        if ch.buf.len() < ch.cap {
            ch.buf.push_back(v);
            return Some(Sent::Buffered);
        }
        None
    }

    /// `chanrecv` on `c` by goroutine `g` (`kind`: how it wants its
    /// results if it parks).
    pub fn recv(&mut self, heap: &mut impl Hchans<K, V>, g: GoId, c: Option<K>, kind: RecvKind) -> Recv<V> {
        let Some(c) = c.filter(|&c| heap.hchan(c).is_some()) else { return Recv::Park(WaitReason::ChanReceiveNilChan) };
        if let Some(r) = self.try_recv(heap, c) {
            return Recv::Done(r);
        }
        self.waits.entry(c).or_default().recvq.push_back((g, kind));
        Recv::Park(WaitReason::ChanReceive)
    }

    /// A receive that can go through now.
    fn try_recv(&mut self, heap: &mut impl Hchans<K, V>, c: K) -> Option<Received<V>> {
        let waiter = self.waits.get_mut(&c).and_then(|w| w.sendq.pop_front());
        self.prune(c);
        if let Some((s, sent, case)) = waiter {
            self.woken(s);
            // Unbuffered: take the sender's value; buffered (and so full):
            // take the head and put the sender's at the tail.
            let ch = heap.hchan(c)?;
            let got = if ch.cap == 0 {
                sent
            } else {
                ch.buf.push_back(sent);
                ch.buf.pop_front().unwrap_or(sent)
            };
            return Some(Received::FromSender { from: s, case, sent, got });
        }
        let ch = heap.hchan(c)?;
        if let Some(v) = ch.buf.pop_front() {
            return Some(Received::Buffered(v));
        }
        if *ch.closed {
            return Some(Received::Closed);
        }
        None
    }

    /// `selectgo` by goroutine `g`: the first ready case in a random poll
    /// order (Go's inside-out shuffle, each step drawn by `chooser`), else
    /// the default, else park on every live case's channel. One case
    /// without default behaves as the plain operation (Go's compiler
    /// rewrites it so): its wait reason is `chan receive`.
    pub fn select(&mut self, heap: &mut impl Hchans<K, V>, chooser: &mut Chooser, g: GoId, has_default: bool, cases: &[SelCase<K, V>]) -> Select<V> {
        let mut order: Vec<usize> = Vec::with_capacity(cases.len());
        let mut live = Vec::with_capacity(cases.len());
        for (i, cas) in cases.iter().enumerate() {
            let Some(c) = cas.c.filter(|&c| heap.hchan(c).is_some()) else { continue };
            live.push((i, c));
            let n = order.len();
            let j = chooser.select_pollorder(n as u64 + 1);
            order.push(i);
            order.swap(n, j);
        }
        for &i in &order {
            let Some(&(_, c)) = live.iter().find(|(k, _)| *k == i) else { continue };
            let cas = cases[i];
            if cas.send {
                let Some(ch) = heap.hchan(c) else { continue };
                if *ch.closed {
                    return Select::Panic("send on closed channel");
                }
                if let Some(sent) = self.try_send(heap, c, cas.v) {
                    return Select::Sent { case: i, sent };
                }
            } else if let Some(got) = self.try_recv(heap, c) {
                return Select::Received { case: i, got };
            }
        }
        if has_default {
            return Select::Default;
        }
        let reason = match (cases.len(), cases.first()) {
            (0, _) => WaitReason::SelectNoCases,
            (1, Some(c)) => match (c.send, live.is_empty()) {
                (true, true) => WaitReason::ChanSendNilChan,
                (true, false) => WaitReason::ChanSend,
                (false, true) => WaitReason::ChanReceiveNilChan,
                (false, false) => WaitReason::ChanReceive,
            },
            _ => WaitReason::Select,
        };
        let mut on = Vec::new();
        for &(i, c) in &live {
            let w = self.waits.entry(c).or_default();
            if cases[i].send {
                w.sendq.push_back((g, cases[i].v, Some(i as u32)));
            } else {
                w.recvq.push_back((g, RecvKind::Select(i as u32)));
            }
            if !on.contains(&c) {
                on.push(c);
            }
        }
        if !on.is_empty() {
            self.selecting.insert(g, on);
        }
        Select::Park(reason)
    }

    /// The channels goroutine `g`'s parked `select` queued on.
    pub fn selecting(&self, g: GoId) -> &[K] {
        self.selecting.get(&g).map_or(&[], Vec::as_slice)
    }

    /// `closechan` of `c`: `Err` with Go's panic text, or who it woke.
    pub fn close(&mut self, heap: &mut impl Hchans<K, V>, c: Option<K>) -> Result<Closed, &'static str> {
        let Some(c) = c else { return Err("close of nil channel") };
        let Some(ch) = heap.hchan(c) else { return Err("close of nil channel") };
        if *ch.closed {
            return Err("close of closed channel");
        }
        *ch.closed = true;
        let mut out = Closed { receivers: Vec::new(), senders: Vec::new() };
        // A select queued here may have several entries: the first wins,
        // and waking it takes the others off (so pop one at a time).
        while let Some((r, kind)) = self.waits.get_mut(&c).and_then(|w| w.recvq.pop_front()) {
            self.woken(r);
            out.receivers.push((r, kind));
        }
        while let Some((s, _, _)) = self.waits.get_mut(&c).and_then(|w| w.sendq.pop_front()) {
            self.woken(s);
            out.senders.push(s);
        }
        self.waits.remove(&c);
        Ok(out)
    }

    /// Parked goroutine `g` was taken off a queue: a `select` leaves every
    /// other channel it queued on.
    fn woken(&mut self, g: GoId) {
        if let Some(cs) = self.selecting.remove(&g) {
            for c in cs {
                if let Some(w) = self.waits.get_mut(&c) {
                    w.recvq.retain(|&(r, _)| r != g);
                    w.sendq.retain(|&(s, _, _)| s != g);
                }
                self.prune(c);
            }
        }
    }

    /// Drops channel `c`'s entry once nobody waits on it.
    fn prune(&mut self, c: K) {
        if self.waits.get(&c).is_some_and(|w| w.recvq.is_empty() && w.sendq.is_empty()) {
            self.waits.remove(&c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Channels as the tests keep them: id -> (buffer, cap, closed).
    #[derive(Default)]
    struct Heap(HashMap<u32, (VecDeque<i64>, usize, bool)>);

    impl Heap {
        fn make(&mut self, c: u32, cap: usize) -> Option<u32> {
            self.0.insert(c, (VecDeque::new(), cap, false));
            Some(c)
        }
    }

    impl Hchans<u32, i64> for Heap {
        fn hchan(&mut self, c: u32) -> Option<Hchan<'_, i64>> {
            self.0.get_mut(&c).map(|(buf, cap, closed)| Hchan { buf, cap: *cap, closed })
        }
    }

    #[test]
    fn an_unbuffered_send_parks_until_a_receiver_takes_the_value() {
        let (mut heap, mut q) = (Heap::default(), Chans::<u32, i64>::default());
        let c = heap.make(1, 0);
        assert_eq!(q.send(&mut heap, 5, c, 42), Send::Park(WaitReason::ChanSend));
        assert_eq!(q.recv(&mut heap, 6, c, RecvKind::One), Recv::Done(Received::FromSender { from: 5, case: None, sent: 42, got: 42 }));
        assert!(q.waits.is_empty(), "the queues are pruned");
        // And the other way round: a parked receiver gets the value handed over.
        assert_eq!(q.recv(&mut heap, 6, c, RecvKind::WithOk), Recv::Park(WaitReason::ChanReceive));
        assert!(q.has_receiver(1));
        assert_eq!(q.send(&mut heap, 5, c, 7), Send::Done(Sent::Handoff { to: 6, kind: RecvKind::WithOk, v: 7 }));
        assert!(!q.has_receiver(1));
    }

    #[test]
    fn a_full_buffer_takes_a_parked_senders_value_at_its_tail() {
        let (mut heap, mut q) = (Heap::default(), Chans::<u32, i64>::default());
        let c = heap.make(1, 2);
        assert_eq!(q.send(&mut heap, 5, c, 1), Send::Done(Sent::Buffered));
        assert_eq!(q.send(&mut heap, 5, c, 2), Send::Done(Sent::Buffered));
        assert_eq!(q.send(&mut heap, 7, c, 3), Send::Park(WaitReason::ChanSend));
        // FIFO: the receiver takes the head; the sender's value goes in.
        assert_eq!(q.recv(&mut heap, 6, c, RecvKind::One), Recv::Done(Received::FromSender { from: 7, case: None, sent: 3, got: 1 }));
        assert_eq!(heap.0[&1].0, [2, 3]);
        assert_eq!(q.recv(&mut heap, 6, c, RecvKind::One), Recv::Done(Received::Buffered(2)));
    }

    #[test]
    fn nil_channels_block_forever_and_closing_one_panics() {
        let (mut heap, mut q) = (Heap::default(), Chans::<u32, i64>::default());
        assert_eq!(q.send(&mut heap, 5, None, 1), Send::Park(WaitReason::ChanSendNilChan));
        assert_eq!(q.recv(&mut heap, 5, None, RecvKind::One), Recv::Park(WaitReason::ChanReceiveNilChan));
        assert!(q.waits.is_empty(), "nobody is queued on a nil channel");
        assert_eq!(q.close(&mut heap, None), Err("close of nil channel"));
    }

    #[test]
    fn close_wakes_receivers_then_senders_and_go_readies_them_last_first() {
        let (mut heap, mut q) = (Heap::default(), Chans::<u32, i64>::default());
        let c = heap.make(1, 0);
        q.recv(&mut heap, 5, c, RecvKind::One);
        q.recv(&mut heap, 6, c, RecvKind::WithOk);
        let w = q.close(&mut heap, c).unwrap();
        assert_eq!(w.receivers, [(5, RecvKind::One), (6, RecvKind::WithOk)]);
        assert_eq!(w.ready_order(), [6, 5]);
        assert_eq!(q.close(&mut heap, c), Err("close of closed channel"));
        assert_eq!(q.send(&mut heap, 7, c, 1), Send::Panic("send on closed channel"));
        assert_eq!(q.recv(&mut heap, 7, c, RecvKind::WithOk), Recv::Done(Received::Closed));
        // A parked sender is woken to panic.
        let d = heap.make(2, 0);
        q.send(&mut heap, 8, d, 1);
        let w = q.close(&mut heap, d).unwrap();
        assert_eq!((w.receivers.len(), w.senders), (0, vec![8]));
    }

    #[test]
    fn a_buffered_channel_drains_before_reporting_closed() {
        let (mut heap, mut q) = (Heap::default(), Chans::<u32, i64>::default());
        let c = heap.make(1, 3);
        q.send(&mut heap, 5, c, 9);
        q.close(&mut heap, c).unwrap();
        assert_eq!(q.recv(&mut heap, 6, c, RecvKind::WithOk), Recv::Done(Received::Buffered(9)));
        assert_eq!(q.recv(&mut heap, 6, c, RecvKind::WithOk), Recv::Done(Received::Closed));
    }

    #[test]
    fn a_parked_select_leaves_every_other_channel_once_one_case_completes() {
        let (mut heap, mut q) = (Heap::default(), Chans::<u32, i64>::default());
        let (a, b) = (heap.make(1, 0), heap.make(2, 0));
        let mut chooser = Chooser::new(1);
        let cases = [SelCase { send: false, c: a, v: 0 }, SelCase { send: true, c: b, v: 11 }, SelCase { send: false, c: None, v: 0 }];
        assert_eq!(q.select(&mut heap, &mut chooser, 5, false, &cases), Select::Park(WaitReason::Select));
        assert_eq!(q.selecting(5), [1, 2]);
        // A receiver on b takes the select's send value (case 1)...
        assert_eq!(q.recv(&mut heap, 6, b, RecvKind::One), Recv::Done(Received::FromSender { from: 5, case: Some(1), sent: 11, got: 11 }));
        // ...and the select is no longer queued on a.
        assert!(!q.has_receiver(1));
        assert!(q.waits.is_empty() && q.selecting(5).is_empty());
    }

    #[test]
    fn select_takes_a_ready_case_or_the_default_and_names_its_wait_reason() {
        let (mut heap, mut q) = (Heap::default(), Chans::<u32, i64>::default());
        let a = heap.make(1, 1);
        let mut chooser = Chooser::new(1);
        let recv_a = [SelCase { send: false, c: a, v: 0 }];
        assert_eq!(q.select(&mut heap, &mut chooser, 5, true, &recv_a), Select::Default);
        q.send(&mut heap, 6, a, 4);
        assert_eq!(q.select(&mut heap, &mut chooser, 5, true, &recv_a), Select::Received { case: 0, got: Received::Buffered(4) });
        // One case without default waits as the plain operation would.
        assert_eq!(q.select(&mut heap, &mut chooser, 5, false, &recv_a), Select::Park(WaitReason::ChanReceive));
        assert_eq!(q.select(&mut heap, &mut chooser, 7, false, &[]), Select::Park(WaitReason::SelectNoCases));
        let nil_send = [SelCase { send: true, c: None, v: 1 }];
        assert_eq!(q.select(&mut heap, &mut chooser, 8, false, &nil_send), Select::Park(WaitReason::ChanSendNilChan));
        assert!(q.selecting(8).is_empty());
    }

    #[test]
    fn select_polls_its_ready_cases_in_a_random_order() {
        // Two ready receive cases: over many draws each is picked, about
        // half the time each.
        let mut chooser = Chooser::new(3);
        let mut first = 0;
        for _ in 0..400 {
            let (mut heap, mut q) = (Heap::default(), Chans::<u32, i64>::default());
            let (a, b) = (heap.make(1, 1), heap.make(2, 1));
            q.send(&mut heap, 6, a, 1);
            q.send(&mut heap, 6, b, 2);
            let cases = [SelCase { send: false, c: a, v: 0 }, SelCase { send: false, c: b, v: 0 }];
            match q.select(&mut heap, &mut chooser, 5, false, &cases) {
                Select::Received { case: 0, .. } => first += 1,
                Select::Received { case: 1, .. } => {}
                other => panic!("{other:?}"),
            }
        }
        assert!((150..250).contains(&first), "case 0 first {first} times of 400");
    }
}
