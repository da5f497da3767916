//! Channels: Go's `hchan` (runtime/chan.go) as a state machine.
//!
//! All channels of a run live in one arena, [`Chans`], because `select`
//! enqueues one goroutine on several channels at once and, when one of them
//! fires, must take it off all the others (Go's pass 3 of `selectgo`). A
//! nil channel is `None` where a `ChanId` is expected.
//!
//! Each channel keeps Go's ring buffer (`buf`, `qcount`, `dataqsiz`,
//! `sendx`, `recvx`), its FIFO wait queues of sudogs (`recvq`, `sendq`) and
//! `closed`. Operations never block: they return a decision. A parked
//! goroutine's sudog stays queued until another operation completes with it;
//! that operation's result carries a [`Wake`] saying which goroutine to
//! ready and what its blocked operation returns when it runs again.

use super::{Failure, GoId, WaitReason};
use std::collections::{VecDeque};
use rustc_hash::FxHashMap as HashMap;


/// A channel's index in its [`Chans`] arena (a non-nil `chan T` value).
pub type ChanId = u32;

/// Go's `maxAlloc` on 64-bit Linux (1 << 48): `makechan` rejects a buffer
/// larger than this (minus the header), as `makechan: size out of range`.
pub const MAX_ALLOC: u64 = 1 << 48;
/// `hchanSize` on 64-bit: the header Go allocates with the buffer.
pub const HCHAN_SIZE: u64 = 96;

/// A goroutine waiting on a channel (Go's `sudog`).
#[derive(Clone, Debug, PartialEq)]
pub struct Sudog<V> {
    pub g: GoId,
    /// A sender's value (taken by whoever completes the send).
    pub elem: Option<V>,
    /// Set when the goroutine is blocked in `select`: the case's index.
    pub case: Option<usize>,
}

/// A FIFO of waiting goroutines (Go's `waitq`).
#[derive(Clone, Debug)]
pub struct WaitQ<V> {
    q: VecDeque<Sudog<V>>,
}

impl<V> Default for WaitQ<V> {
    fn default() -> Self {
        WaitQ { q: VecDeque::new() }
    }
}

impl<V> WaitQ<V> {
    /// `waitq.enqueue`: at the tail.
    pub fn enqueue(&mut self, s: Sudog<V>) {
        self.q.push_back(s);
    }
    /// `waitq.dequeue`: from the head. (Go skips sudogs of selects that
    /// already won elsewhere; here they are removed eagerly when the select
    /// wins, so the head is always live.)
    pub fn dequeue(&mut self) -> Option<Sudog<V>> {
        self.q.pop_front()
    }
    pub fn len(&self) -> usize {
        self.q.len()
    }
    pub fn is_empty(&self) -> bool {
        self.q.is_empty()
    }
    /// The waiting goroutines, head first.
    pub fn goids(&self) -> Vec<GoId> {
        self.q.iter().map(|s| s.g).collect()
    }
    /// Removes `g`'s sudog (Go's `dequeueSudoG`, used when a select wins on
    /// another channel).
    pub fn remove_g(&mut self, g: GoId) {
        self.q.retain(|s| s.g != g);
    }
}

/// Go's `hchan`.
#[derive(Clone, Debug)]
pub struct Hchan<V> {
    /// Elements in the buffer.
    pub qcount: usize,
    /// The buffer's size: `cap(c)`.
    pub dataqsiz: usize,
    buf: Vec<Option<V>>,
    pub sendx: usize,
    pub recvx: usize,
    pub recvq: WaitQ<V>,
    pub sendq: WaitQ<V>,
    pub closed: bool,
    /// The element type's zero value, received from a closed channel.
    pub zero: V,
    /// A timer's channel (Go 1.23+): buffered internally (one slot) but
    /// presented as unbuffered: `len` and `cap` are 0.
    pub timer: bool,
}

impl<V: Clone> Hchan<V> {
    /// Puts `v` at `sendx` (caller checked `qcount < dataqsiz`).
    fn buf_put(&mut self, v: V) {
        // The ring's storage grows on first use of a slot, so a huge
        // `make(chan T, n)` costs nothing until filled.
        if self.buf.len() <= self.sendx {
            self.buf.resize_with(self.sendx + 1, || None);
        }
        if let Some(slot) = self.buf.get_mut(self.sendx) {
            *slot = Some(v);
        }
        self.sendx += 1;
        if self.sendx == self.dataqsiz {
            self.sendx = 0;
        }
        self.qcount += 1;
    }

    /// Takes the value at `recvx` (caller checked `qcount > 0`).
    fn buf_take(&mut self) -> V {
        let v = self.buf.get_mut(self.recvx).and_then(Option::take).unwrap_or_else(|| self.zero.clone());
        self.recvx += 1;
        if self.recvx == self.dataqsiz {
            self.recvx = 0;
        }
        self.qcount = self.qcount.saturating_sub(1);
        v
    }
}

/// What a woken goroutine's blocked operation returns when it runs again.
#[derive(Clone, Debug, PartialEq)]
pub enum WakeWhat<V> {
    /// A receive completed: the value, and `ok` (false: closed, zero value).
    Received { value: V, ok: bool },
    /// A send completed (a receiver took the value).
    Sent,
    /// The channel was closed under a blocked sender: the sender panics
    /// `send on closed channel` when it resumes.
    SendOnClosed,
}

/// A parked goroutine to ready, and why (the `gp.param`/`sg.success` of Go).
#[derive(Clone, Debug, PartialEq)]
pub struct Wake<V> {
    pub g: GoId,
    /// The select case that fired, if the goroutine was in a select.
    pub case: Option<usize>,
    pub what: WakeWhat<V>,
}

/// The decision of [`Chans::chansend`].
#[derive(Clone, Debug, PartialEq)]
pub enum SendResult<V> {
    /// Sent into the buffer.
    Done,
    /// Handed directly to a waiting receiver, who must be readied.
    DoneAndReady(Wake<V>),
    /// Block: park with this reason; a later operation wakes the goroutine.
    Park(WaitReason),
    /// Non-blocking send (`select` with default) could not proceed.
    WouldBlock,
    /// `send on closed channel`.
    Panic(Failure),
}

/// The decision of [`Chans::chanrecv`].
#[derive(Clone, Debug, PartialEq)]
pub enum RecvResult<V> {
    /// Received `value` (`ok` false: closed and drained, zero value).
    Done {
        value: V,
        ok: bool,
    },
    /// Received from (or through) a parked sender, who must be readied.
    DoneAndReady {
        value: V,
        wake: Wake<V>,
    },
    Park(WaitReason),
    WouldBlock,
}

/// The decision of [`Chans::closechan`].
#[derive(Clone, Debug, PartialEq)]
pub enum CloseResult<V> {
    /// Closed; ready these goroutines in this order (Go's glist order:
    /// the last waiter first, senders before receivers). With the
    /// scheduler's `ReadyMany`, each goes to runnext in turn.
    Closed(Vec<Wake<V>>),
    /// `close of nil channel` / `close of closed channel`.
    Panic(Failure),
}

/// Which direction a goroutine waits in, for [`Chans::waiting`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dir {
    Send,
    Recv,
}

/// Every channel of a run, plus the selects currently parked on them.
#[derive(Clone, Debug)]
pub struct Chans<V> {
    pub chans: Vec<Hchan<V>>,
    /// A goroutine parked in `select`: the channels it is queued on.
    pub(crate) selecting: HashMap<GoId, Vec<(ChanId, Dir)>>,
}

impl<V> Default for Chans<V> {
    fn default() -> Self {
        Chans { chans: Vec::new(), selecting: HashMap::default() }
    }
}

impl<V: Clone> Chans<V> {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn get(&self, c: ChanId) -> Option<&Hchan<V>> {
        self.chans.get(c as usize)
    }

    pub(crate) fn ch(&mut self, c: ChanId) -> Option<&mut Hchan<V>> {
        self.chans.get_mut(c as usize)
    }

    /// `makechan`: `make(chan T, size)` where each element takes `elem_size`
    /// bytes. A negative size, or a buffer beyond `maxAlloc`, panics with
    /// `makechan: size out of range`.
    pub fn makechan(&mut self, zero: V, elem_size: u64, size: i64) -> Result<ChanId, Failure> {
        const OUT_OF_RANGE: Failure = Failure::Panic("makechan: size out of range");
        if size < 0 {
            return Err(OUT_OF_RANGE);
        }
        match elem_size.checked_mul(size as u64) {
            Some(mem) if mem <= MAX_ALLOC - HCHAN_SIZE => {}
            _ => return Err(OUT_OF_RANGE),
        }
        // (On wasm32 a huge size of zero-size elements saturates.)
        let n = usize::try_from(size).unwrap_or(usize::MAX);
        let buf = Vec::new();
        Ok(self.push(Hchan {
            qcount: 0,
            dataqsiz: n,
            buf,
            sendx: 0,
            recvx: 0,
            recvq: WaitQ::default(),
            sendq: WaitQ::default(),
            closed: false,
            zero,
            timer: false,
        }))
    }

    /// A timer's channel (`newTimer` with `c != nil`, Go 1.23+): one
    /// internal slot, reported as unbuffered.
    pub fn make_timer_chan(&mut self, zero: V) -> ChanId {
        self.push(Hchan {
            qcount: 0,
            dataqsiz: 1,
            buf: Vec::new(),
            sendx: 0,
            recvx: 0,
            recvq: WaitQ::default(),
            sendq: WaitQ::default(),
            closed: false,
            zero,
            timer: true,
        })
    }

    fn push(&mut self, h: Hchan<V>) -> ChanId {
        self.chans.push(h);
        (self.chans.len() - 1) as ChanId
    }

    /// `chanlen`: `len(c)`; 0 for nil and for timer channels.
    pub fn chanlen(&self, c: Option<ChanId>) -> usize {
        match c.and_then(|c| self.get(c)) {
            Some(h) if !h.timer => h.qcount,
            _ => 0,
        }
    }

    /// `chancap`: `cap(c)`; 0 for nil and for timer channels.
    pub fn chancap(&self, c: Option<ChanId>) -> usize {
        match c.and_then(|c| self.get(c)) {
            Some(h) if !h.timer => h.dataqsiz,
            _ => 0,
        }
    }

    /// `chansend`: `c <- v` by goroutine `g` (`block == false` for a select
    /// with default). A waiting receiver gets the value directly (`send`);
    /// else it goes into the buffer if there is room; else the sender parks
    /// with its value in a sudog. A nil channel blocks forever.
    pub fn chansend(&mut self, g: GoId, c: Option<ChanId>, v: V, block: bool) -> SendResult<V> {
        let Some(id) = c else {
            return if block { SendResult::Park(WaitReason::ChanSendNilChan) } else { SendResult::WouldBlock };
        };
        let Some(h) = self.ch(id) else { return SendResult::Panic(Failure::Fatal("bad channel")) };
        if h.closed {
            return SendResult::Panic(Failure::Panic("send on closed channel"));
        }
        if let Some(sg) = h.recvq.dequeue() {
            let wake = Wake { g: sg.g, case: sg.case, what: WakeWhat::Received { value: v, ok: true } };
            self.select_done(sg.g, id);
            return SendResult::DoneAndReady(wake);
        }
        if h.qcount < h.dataqsiz {
            h.buf_put(v);
            return SendResult::Done;
        }
        if !block {
            return SendResult::WouldBlock;
        }
        h.sendq.enqueue(Sudog { g, elem: Some(v), case: None });
        SendResult::Park(WaitReason::ChanSend)
    }

    /// `chanrecv`: `<-c` by goroutine `g`. From a closed, drained channel:
    /// the zero value and `ok == false`. From a waiting sender (`recv`): on
    /// an unbuffered channel its value directly; on a full buffered one the
    /// head of the buffer, the sender's value moving into the freed tail
    /// slot. Else from the buffer; else park. A nil channel blocks forever.
    pub fn chanrecv(&mut self, g: GoId, c: Option<ChanId>, block: bool) -> RecvResult<V> {
        let Some(id) = c else {
            return if block { RecvResult::Park(WaitReason::ChanReceiveNilChan) } else { RecvResult::WouldBlock };
        };
        let Some(h) = self.ch(id) else { return RecvResult::WouldBlock };
        if h.closed && h.qcount == 0 {
            return RecvResult::Done { value: h.zero.clone(), ok: false };
        }
        if let Some(mut sg) = h.sendq.dequeue() {
            let sent = sg.elem.take().unwrap_or_else(|| h.zero.clone());
            let value = if h.dataqsiz == 0 {
                sent
            } else {
                // The queue is full: head and tail are the same slot.
                let head = h.buf_take();
                h.buf_put(sent);
                head
            };
            let wake = Wake { g: sg.g, case: sg.case, what: WakeWhat::Sent };
            self.select_done(sg.g, id);
            return RecvResult::DoneAndReady { value, wake };
        }
        if h.qcount > 0 {
            return RecvResult::Done { value: h.buf_take(), ok: true };
        }
        if !block {
            return RecvResult::WouldBlock;
        }
        h.recvq.enqueue(Sudog { g, elem: None, case: None });
        RecvResult::Park(WaitReason::ChanReceive)
    }

    /// `closechan`. Every waiting receiver gets the zero value (`ok ==
    /// false`); every waiting sender will panic. Go pushes them onto a
    /// gList — a stack — receivers first (in queue order), then senders,
    /// and readies them as it pops: so the result lists the senders last
    /// queued first, then the receivers last queued first.
    pub fn closechan(&mut self, c: Option<ChanId>) -> CloseResult<V> {
        let Some(id) = c else { return CloseResult::Panic(Failure::Panic("close of nil channel")) };
        let Some(h) = self.ch(id) else { return CloseResult::Panic(Failure::Panic("close of nil channel")) };
        if h.closed {
            return CloseResult::Panic(Failure::Panic("close of closed channel"));
        }
        h.closed = true;
        let mut glist: Vec<Wake<V>> = Vec::new();
        // A select queued twice on this channel is woken once, by its first
        // sudog dequeued (Go's `selectDone` claim skips the other).
        let won = |glist: &Vec<Wake<V>>, sg: &Sudog<V>| sg.case.is_some() && glist.iter().any(|w| w.g == sg.g);
        while let Some(sg) = h.recvq.dequeue() {
            if !won(&glist, &sg) {
                glist.push(Wake {
                    g: sg.g,
                    case: sg.case,
                    what: WakeWhat::Received { value: h.zero.clone(), ok: false },
                });
            }
        }
        while let Some(sg) = h.sendq.dequeue() {
            if !won(&glist, &sg) {
                glist.push(Wake { g: sg.g, case: sg.case, what: WakeWhat::SendOnClosed });
            }
        }
        glist.reverse(); // popping a stack
        for w in &glist {
            self.select_done(w.g, id);
        }
        CloseResult::Closed(glist)
    }

    /// Goroutines parked on channel `c` in direction `dir`, head first.
    pub fn waiting(&self, c: ChanId, dir: Dir) -> Vec<GoId> {
        match (self.get(c), dir) {
            (Some(h), Dir::Send) => h.sendq.goids(),
            (Some(h), Dir::Recv) => h.recvq.goids(),
            (None, _) => Vec::new(),
        }
    }

    /// Goroutine `g` has left its wait on channel `fired`; if it was in a
    /// select, take its sudogs off every other channel (selectgo pass 3).
    pub(crate) fn select_done(&mut self, g: GoId, fired: ChanId) {
        let Some(cases) = self.selecting.remove(&g) else { return };
        for (c, dir) in cases {
            let _ = fired;
            if let Some(h) = self.ch(c) {
                match dir {
                    Dir::Send => h.sendq.remove_g(g),
                    Dir::Recv => h.recvq.remove_g(g),
                }
            }
        }
    }

    /// The channels goroutine `g` is queued on, with the direction (for
    /// goroutine-leak analysis: is any runnable goroutine able to reach
    /// them?). Scans every channel: meant for occasional use.
    pub fn blocked_on(&self, g: GoId) -> Vec<(ChanId, Dir)> {
        if let Some(cases) = self.selecting.get(&g) {
            return cases.clone();
        }
        let mut out = Vec::new();
        for (i, h) in self.chans.iter().enumerate() {
            if h.sendq.q.iter().any(|s| s.g == g) {
                out.push((i as ChanId, Dir::Send));
            }
            if h.recvq.q.iter().any(|s| s.g == g) {
                out.push((i as ChanId, Dir::Recv));
            }
        }
        out
    }

    /// Removes goroutine `g` from every wait queue (it died blocked, e.g.
    /// the process ends or a leak is collected).
    pub fn forget(&mut self, g: GoId) {
        self.selecting.remove(&g);
        for h in &mut self.chans {
            h.sendq.remove_g(g);
            h.recvq.remove_g(g);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn recv_value(r: RecvResult<i64>) -> (i64, bool) {
        match r {
            RecvResult::Done { value, ok } => (value, ok),
            RecvResult::DoneAndReady { value, .. } => (value, true),
            other => panic!("not received: {other:?}"),
        }
    }

    #[test]
    fn unbuffered_handoff_to_waiting_receiver() {
        let mut cs = Chans::new();
        let c = Some(cs.makechan(0i64, 8, 0).unwrap());
        assert_eq!(cs.chanrecv(7, c, true), RecvResult::Park(WaitReason::ChanReceive));
        assert_eq!(cs.waiting(0, Dir::Recv), vec![7]);
        let r = cs.chansend(1, c, 42, true);
        assert_eq!(
            r,
            SendResult::DoneAndReady(Wake { g: 7, case: None, what: WakeWhat::Received { value: 42, ok: true } })
        );
        assert!(cs.waiting(0, Dir::Recv).is_empty());
        assert_eq!(cs.chanlen(c), 0);
    }

    #[test]
    fn unbuffered_sender_parks_and_receiver_takes_its_value() {
        let mut cs = Chans::new();
        let c = Some(cs.makechan(0i64, 8, 0).unwrap());
        assert_eq!(cs.chansend(1, c, 5, true), SendResult::Park(WaitReason::ChanSend));
        assert_eq!(cs.chansend(2, c, 6, false), SendResult::WouldBlock);
        let r = cs.chanrecv(3, c, true);
        assert_eq!(r, RecvResult::DoneAndReady { value: 5, wake: Wake { g: 1, case: None, what: WakeWhat::Sent } });
        assert_eq!(cs.chanrecv(3, c, false), RecvResult::WouldBlock);
    }

    #[test]
    fn buffered_fills_then_parks_and_full_buffer_rotates() {
        let mut cs = Chans::new();
        let c = Some(cs.makechan(0i64, 8, 2).unwrap());
        assert_eq!(cs.chansend(1, c, 1, true), SendResult::Done);
        assert_eq!(cs.chansend(1, c, 2, true), SendResult::Done);
        assert_eq!((cs.chanlen(c), cs.chancap(c)), (2, 2));
        assert_eq!(cs.chansend(1, c, 3, true), SendResult::Park(WaitReason::ChanSend));
        assert_eq!(cs.chansend(2, c, 4, true), SendResult::Park(WaitReason::ChanSend));
        // The receiver gets the head (1); sender 1's value 3 goes to the tail.
        match cs.chanrecv(9, c, true) {
            RecvResult::DoneAndReady { value, wake } => {
                assert_eq!(value, 1);
                assert_eq!(wake.g, 1);
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(cs.chanlen(c), 2);
        let order: Vec<i64> = (0..3).map(|_| recv_value(cs.chanrecv(9, c, true)).0).collect();
        assert_eq!(order, vec![2, 3, 4]);
        assert_eq!(cs.chanlen(c), 0);
        assert!(cs.waiting(0, Dir::Send).is_empty());
    }

    #[test]
    fn wait_queues_are_fifo() {
        let mut cs = Chans::new();
        let c = Some(cs.makechan(0i64, 8, 0).unwrap());
        for g in [10, 11, 12] {
            cs.chanrecv(g, c, true);
        }
        let woken: Vec<GoId> = (0..3)
            .map(|i| match cs.chansend(1, c, i, true) {
                SendResult::DoneAndReady(w) => w.g,
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(woken, vec![10, 11, 12]);
    }

    #[test]
    fn close_wakes_senders_then_receivers_last_queued_first() {
        let mut cs = Chans::new();
        let c = Some(cs.makechan(0i64, 8, 0).unwrap());
        for g in [3, 4, 5] {
            cs.chanrecv(g, c, true);
        }
        let CloseResult::Closed(ws) = cs.closechan(c) else { panic!() };
        // Go's glist pops c b a; the scheduler's runnext then runs a, c, b
        // (checked against Go 1.27 with GOMAXPROCS=1: a c b).
        assert_eq!(ws.iter().map(|w| w.g).collect::<Vec<_>>(), vec![5, 4, 3]);
        assert!(ws.iter().all(|w| w.what == WakeWhat::Received { value: 0, ok: false }));

        let d = Some(cs.makechan(0i64, 8, 0).unwrap());
        cs.chansend(6, d, 1, true);
        cs.chansend(7, d, 2, true);
        let CloseResult::Closed(ws) = cs.closechan(d) else { panic!() };
        assert_eq!(
            ws.iter().map(|w| (w.g, w.what.clone())).collect::<Vec<_>>(),
            vec![(7, WakeWhat::SendOnClosed), (6, WakeWhat::SendOnClosed)]
        );
    }

    #[test]
    fn closed_channel_drains_then_gives_zero() {
        let mut cs = Chans::new();
        let c = Some(cs.makechan(-1i64, 8, 3).unwrap());
        cs.chansend(1, c, 9, true);
        assert!(matches!(cs.closechan(c), CloseResult::Closed(ref w) if w.is_empty()));
        assert_eq!(recv_value(cs.chanrecv(1, c, true)), (9, true));
        assert_eq!(cs.chanrecv(1, c, true), RecvResult::Done { value: -1, ok: false });
        assert_eq!(cs.chanrecv(1, c, false), RecvResult::Done { value: -1, ok: false });
    }

    #[test]
    fn panics_are_gos() {
        let mut cs = Chans::new();
        let c = Some(cs.makechan(0i64, 8, 1).unwrap());
        assert_eq!(cs.closechan(None), CloseResult::Panic(Failure::Panic("close of nil channel")));
        cs.closechan(c);
        assert_eq!(cs.closechan(c), CloseResult::Panic(Failure::Panic("close of closed channel")));
        assert_eq!(cs.chansend(1, c, 1, true), SendResult::Panic(Failure::Panic("send on closed channel")));
        assert_eq!(cs.chansend(1, c, 1, false), SendResult::Panic(Failure::Panic("send on closed channel")));
        let oor = Err(Failure::Panic("makechan: size out of range"));
        assert_eq!(cs.makechan(0, 8, -1), oor);
        assert_eq!(cs.makechan(0, 8, 1 << 46), oor);
        assert_eq!(cs.makechan(0, 1 << 40, 1 << 20), oor);
        assert!(cs.makechan(0, 0, 1 << 40).is_ok(), "zero-size elements need no memory");
        assert_eq!(cs.chanrecv(1, Some(99), true), RecvResult::WouldBlock);
    }

    #[test]
    fn nil_channel_blocks_forever() {
        let mut cs: Chans<i64> = Chans::new();
        assert_eq!(cs.chansend(1, None, 1, true), SendResult::Park(WaitReason::ChanSendNilChan));
        assert_eq!(cs.chanrecv(1, None, true), RecvResult::Park(WaitReason::ChanReceiveNilChan));
        assert_eq!(cs.chansend(1, None, 1, false), SendResult::WouldBlock);
        assert_eq!(cs.chanrecv(1, None, false), RecvResult::WouldBlock);
        assert_eq!((cs.chanlen(None), cs.chancap(None)), (0, 0));
        assert_eq!(WaitReason::ChanSendNilChan.as_str(), "chan send (nil chan)");
    }

    #[test]
    fn timer_channels_look_unbuffered() {
        let mut cs = Chans::new();
        let t = cs.make_timer_chan(0i64);
        assert_eq!(cs.chansend(0, Some(t), 1, false), SendResult::Done);
        assert_eq!((cs.chanlen(Some(t)), cs.chancap(Some(t))), (0, 0));
        assert_eq!(recv_value(cs.chanrecv(1, Some(t), true)), (1, true));
    }

    #[test]
    fn forget_removes_a_dead_waiter() {
        let mut cs = Chans::new();
        let c = Some(cs.makechan(0i64, 8, 0).unwrap());
        cs.chanrecv(3, c, true);
        cs.chanrecv(4, c, true);
        cs.forget(3);
        assert_eq!(cs.waiting(0, Dir::Recv), vec![4]);
        assert_eq!(cs.blocked_on(4), vec![(0, Dir::Recv)]);
        assert_eq!(cs.blocked_on(3), vec![]);
    }
}
