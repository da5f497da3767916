//! The `time` package's timers with Go 1.23+ semantics (time/sleep.go,
//! time/tick.go, runtime/time.go), on top of the scheduler's runtime timers.
//!
//! The scheduler already arms, disarms and fires timers by id
//! (`Stop::TimerStart`, `Stop::TimerStop`, `Machine::timer_fired`) and
//! implements `time.Sleep` (`Stop::Sleep`). What it lacks, and this module
//! holds, is what a timer *is* to Go code: `NewTimer`/`After` and
//! `NewTicker`/`Tick` send the time on a channel, `AfterFunc` starts a
//! goroutine, and `Stop`/`Reset` report whether the timer was pending.
//!
//! Since Go 1.23 timer channels are synchronous: `len` and `cap` are 0,
//! and after `Stop` or `Reset` returns no stale value can be received. Go
//! implements them with a one-slot buffer that Stop/Reset drain
//! (`timerchandrain`): a value that fired but was not yet received counts
//! as "still pending", so Stop then returns true. This module does the
//! same with the channel arena's timer channels.

use super::Failure;
use super::chan::{ChanId, Chans, SendResult, Wake};
use crate::sched::Stop;
use rustc_hash::FxHashMap as HashMap;

/// A runtime timer id, as passed to `Stop::TimerStart { id, .. }`.
pub type TimerId = u64;

pub const NON_POSITIVE_NEWTICKER: Failure = Failure::Panic("non-positive interval for NewTicker");
pub const NON_POSITIVE_TICKER_RESET: Failure = Failure::Panic("non-positive interval for Ticker.Reset");
pub const STOP_UNINITIALIZED_TIMER: Failure = Failure::Panic("time: Stop called on uninitialized Timer");
pub const RESET_UNINITIALIZED_TIMER: Failure = Failure::Panic("time: Reset called on uninitialized Timer");
pub const RESET_UNINITIALIZED_TICKER: Failure = Failure::Panic("time: Reset called on uninitialized Ticker");

/// What a timer does when it fires.
#[derive(Clone, Debug, PartialEq)]
pub enum TimerKind<F> {
    /// Send the time on this channel (`NewTimer`, `After`, `NewTicker`).
    Chan(ChanId),
    /// Start a goroutine running `f` (`AfterFunc`).
    Func(F),
}

/// One `time.Timer` or `time.Ticker`.
#[derive(Clone, Debug, PartialEq)]
pub struct GoTimer<F> {
    /// When it fires next (virtual ns); `None` when stopped or expired.
    pub when: Option<u64>,
    /// A ticker's period (0: a one-shot timer).
    pub period: u64,
    pub kind: TimerKind<F>,
}

/// What happened when timer `id` fired ([`Timers::fired`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Fired<V, F> {
    /// A goroutine parked receiving on the channel got the value.
    pub wake: Option<Wake<V>>,
    /// `AfterFunc`: start a goroutine running this.
    pub go: Option<F>,
    /// A ticker: re-arm the runtime timer to fire at this time.
    pub rearm_at: Option<u64>,
}

/// Every `time.Timer`/`Ticker` of a run, by runtime timer id.
#[derive(Clone, Debug)]
pub struct Timers<F> {
    pub timers: HashMap<TimerId, GoTimer<F>>,
    /// Ids are handed out from here; the glue should use this table for
    /// every id it passes to `Stop::TimerStart`, so ids never collide.
    next_id: TimerId,
}

impl<F> Default for Timers<F> {
    fn default() -> Self {
        Timers { timers: HashMap::default(), next_id: 0 }
    }
}

/// Go's `when(d)`: a non-positive duration fires at once.
fn delay(d: i64) -> u64 {
    d.max(0) as u64
}

impl<F: Clone> Timers<F> {
    pub fn new() -> Self {
        Self::default()
    }

    fn add(&mut self, t: GoTimer<F>) -> TimerId {
        self.next_id += 1;
        self.timers.insert(self.next_id, t);
        self.next_id
    }

    /// `time.NewTimer(d)` (and `time.After(d)`, which is its channel): a
    /// new timer channel, and the scheduler operation arming the timer.
    pub fn new_timer<V: Clone>(&mut self, chans: &mut Chans<V>, zero: V, now: u64, d: i64) -> (TimerId, ChanId, Stop) {
        let c = chans.make_timer_chan(zero);
        let id = self.add(GoTimer { when: Some(now.saturating_add(delay(d))), period: 0, kind: TimerKind::Chan(c) });
        (id, c, Stop::TimerStart { id, delay_ns: delay(d) })
    }

    /// `time.NewTicker(d)`; `time.Tick(d)` is its channel (or nil if d <= 0).
    pub fn new_ticker<V: Clone>(
        &mut self,
        chans: &mut Chans<V>,
        zero: V,
        now: u64,
        d: i64,
    ) -> Result<(TimerId, ChanId, Stop), Failure> {
        if d <= 0 {
            return Err(NON_POSITIVE_NEWTICKER);
        }
        let c = chans.make_timer_chan(zero);
        let id =
            self.add(GoTimer { when: Some(now.saturating_add(d as u64)), period: d as u64, kind: TimerKind::Chan(c) });
        Ok((id, c, Stop::TimerStart { id, delay_ns: d as u64 }))
    }

    /// `time.AfterFunc(d, f)`: its `C` is nil.
    pub fn after_func(&mut self, now: u64, d: i64, f: F) -> (TimerId, Stop) {
        let id = self.add(GoTimer { when: Some(now.saturating_add(delay(d))), period: 0, kind: TimerKind::Func(f) });
        (id, Stop::TimerStart { id, delay_ns: delay(d) })
    }

    /// `Timer.Stop` / `Ticker.Stop` (`t.stop()`): true if it was pending,
    /// counting a fired value nobody received, which is discarded.
    pub fn stop<V: Clone>(&mut self, chans: &mut Chans<V>, id: TimerId) -> (bool, Option<Stop>) {
        let Some(t) = self.timers.get_mut(&id) else { return (false, None) };
        let mut pending = t.when.take().is_some();
        let op = if pending { Some(Stop::TimerStop { id }) } else { None };
        if let TimerKind::Chan(c) = t.kind
            && timerchandrain(chans, c)
        {
            pending = true;
        }
        (pending, op)
    }

    /// `Timer.Reset(d)` (`t.reset`): re-arms; returns whether it was pending
    /// (as `stop` counts it). For a ticker use [`Timers::reset_ticker`].
    pub fn reset<V: Clone>(&mut self, chans: &mut Chans<V>, id: TimerId, now: u64, d: i64) -> (bool, Option<Stop>) {
        let Some(t) = self.timers.get_mut(&id) else { return (false, None) };
        let mut pending = t.when.is_some();
        t.when = Some(now.saturating_add(delay(d)));
        if let TimerKind::Chan(c) = t.kind
            && timerchandrain(chans, c)
        {
            pending = true;
        }
        (pending, Some(Stop::TimerStart { id, delay_ns: delay(d) }))
    }

    /// `Ticker.Reset(d)`: a new period, next tick `d` from now.
    pub fn reset_ticker<V: Clone>(
        &mut self,
        chans: &mut Chans<V>,
        id: TimerId,
        now: u64,
        d: i64,
    ) -> Result<Stop, Failure> {
        if d <= 0 {
            return Err(NON_POSITIVE_TICKER_RESET);
        }
        let Some(t) = self.timers.get_mut(&id) else { return Err(RESET_UNINITIALIZED_TICKER) };
        t.period = d as u64;
        t.when = Some(now.saturating_add(d as u64));
        if let TimerKind::Chan(c) = t.kind {
            timerchandrain(chans, c);
        }
        Ok(Stop::TimerStart { id, delay_ns: d as u64 })
    }

    /// Runtime timer `id` fired at `now` (from `Machine::timer_fired`).
    /// A channel timer sends `value(when)` — the time it was due, as Go's
    /// `sendTime` does — without blocking: if a tick is still unreceived
    /// the new one is dropped. A ticker's next tick skips missed periods.
    pub fn fired<V: Clone>(
        &mut self,
        chans: &mut Chans<V>,
        id: TimerId,
        now: u64,
        value: impl FnOnce(u64) -> V,
    ) -> Fired<V, F> {
        let mut out = Fired { wake: None, go: None, rearm_at: None };
        let Some(t) = self.timers.get_mut(&id) else { return out };
        let Some(when) = t.when else { return out };
        if t.period > 0 {
            let late = now.saturating_sub(when);
            let next = when.saturating_add(t.period.saturating_mul(1 + late / t.period));
            // At the end of virtual time a ticker stops rather than firing
            // forever at the same instant.
            if next > when {
                t.when = Some(next);
                out.rearm_at = Some(next);
            } else {
                t.when = None;
            }
        } else {
            t.when = None;
        }
        match &t.kind {
            TimerKind::Chan(c) => {
                if let SendResult::DoneAndReady(w) = chans.chansend(0, Some(*c), value(when), false) {
                    out.wake = Some(w);
                }
            }
            TimerKind::Func(f) => out.go = Some(f.clone()),
        }
        out
    }

    /// Is timer `id` armed?
    pub fn pending(&self, id: TimerId) -> bool {
        self.timers.get(&id).is_some_and(|t| t.when.is_some())
    }
}

/// `timerchandrain`: empties a timer channel's slot; true if it held a value.
pub fn timerchandrain<V: Clone>(chans: &mut Chans<V>, c: ChanId) -> bool {
    let mut drained = false;
    while chans.get(c).is_some_and(|h| h.qcount > 0) {
        drained |= matches!(chans.chanrecv(0, Some(c), false), super::chan::RecvResult::Done { ok: true, .. });
    }
    drained
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::chan::{RecvResult, WakeWhat};
    use crate::sched::WaitReason;

    const MS: u64 = 1_000_000;

    fn fire(ts: &mut Timers<&'static str>, cs: &mut Chans<u64>, id: TimerId, now: u64) -> Fired<u64, &'static str> {
        ts.fired(cs, id, now, |when| when)
    }

    #[test]
    fn timer_fires_into_its_channel_and_a_waiting_receiver_gets_the_due_time() {
        let (mut ts, mut cs) = (Timers::new(), Chans::new());
        let (id, c, op) = ts.new_timer(&mut cs, 0u64, 5, MS as i64);
        assert_eq!(op, Stop::TimerStart { id, delay_ns: MS });
        assert_eq!(cs.chanrecv(7, Some(c), true), RecvResult::Park(WaitReason::ChanReceive));
        let f = fire(&mut ts, &mut cs, id, MS + 5);
        assert_eq!(f.wake.map(|w| (w.g, w.what)), Some((7, WakeWhat::Received { value: MS + 5, ok: true })));
        assert!(!ts.pending(id));
        assert_eq!(ts.stop(&mut cs, id), (false, None), "expired and received: Stop reports false");
        assert_eq!((cs.chanlen(Some(c)), cs.chancap(Some(c))), (0, 0));
    }

    #[test]
    fn stop_and_reset_discard_an_unreceived_value_and_count_it_pending() {
        let (mut ts, mut cs) = (Timers::new(), Chans::new());
        let (id, c, _) = ts.new_timer(&mut cs, 0u64, 0, MS as i64);
        fire(&mut ts, &mut cs, id, MS);
        // As Go 1.27 prints for this sequence: Stop() true, Stop() false,
        // then a receive finds nothing.
        assert_eq!(ts.stop(&mut cs, id), (true, None));
        assert_eq!(ts.stop(&mut cs, id), (false, None));
        assert_eq!(cs.chanrecv(1, Some(c), false), RecvResult::WouldBlock);
        // Reset after an unreceived fire: true; after a received one: false.
        let (pending, op) = ts.reset(&mut cs, id, 5 * MS, MS as i64);
        assert_eq!((pending, op), (false, Some(Stop::TimerStart { id, delay_ns: MS })));
        fire(&mut ts, &mut cs, id, 6 * MS);
        assert!(ts.reset(&mut cs, id, 7 * MS, MS as i64).0);
        fire(&mut ts, &mut cs, id, 8 * MS);
        assert!(matches!(cs.chanrecv(1, Some(c), true), RecvResult::Done { value, ok: true } if value == 8 * MS));
        assert!(!ts.reset(&mut cs, id, 9 * MS, 3_600_000 * MS as i64).0);
        assert_eq!(ts.stop(&mut cs, id), (true, Some(Stop::TimerStop { id })));
    }

    #[test]
    fn ticker_rearms_drops_unreceived_ticks_and_skips_missed_periods() {
        let (mut ts, mut cs) = (Timers::new(), Chans::new());
        assert_eq!(ts.new_ticker(&mut cs, 0u64, 0, 0).err(), Some(NON_POSITIVE_NEWTICKER));
        let (id, c, _) = ts.new_ticker(&mut cs, 0u64, 0, 10 * MS as i64).unwrap();
        assert_eq!(fire(&mut ts, &mut cs, id, 10 * MS).rearm_at, Some(20 * MS));
        assert_eq!(fire(&mut ts, &mut cs, id, 20 * MS).rearm_at, Some(30 * MS));
        // Fired 5 ms late: the next tick is still on the period grid.
        assert_eq!(fire(&mut ts, &mut cs, id, 35 * MS).rearm_at, Some(40 * MS));
        // Only the first tick is buffered; the later ones were dropped.
        assert!(matches!(cs.chanrecv(1, Some(c), false), RecvResult::Done { value, .. } if value == 10 * MS));
        assert_eq!(cs.chanrecv(1, Some(c), false), RecvResult::WouldBlock);
        assert_eq!(ts.reset_ticker(&mut cs, id, 40 * MS, 0), Err(NON_POSITIVE_TICKER_RESET));
        assert_eq!(ts.reset_ticker(&mut cs, id, 40 * MS, MS as i64), Ok(Stop::TimerStart { id, delay_ns: MS }));
        assert_eq!(ts.stop(&mut cs, id), (true, Some(Stop::TimerStop { id })));
        assert_eq!(fire(&mut ts, &mut cs, id, 41 * MS), Fired { wake: None, go: None, rearm_at: None });
    }

    #[test]
    fn huge_durations_saturate_instead_of_overflowing() {
        let (mut ts, mut cs) = (Timers::<&'static str>::new(), Chans::<u64>::new());
        let (id, _, _) = ts.new_timer(&mut cs, 0u64, u64::MAX - 5, i64::MAX);
        assert!(ts.pending(id));
        let (tk, _, _) = ts.new_ticker(&mut cs, 0u64, u64::MAX - 5, i64::MAX).unwrap();
        let f = ts.fired(&mut cs, tk, u64::MAX, |w| w);
        assert_eq!(f.rearm_at, None);
        assert!(ts.reset(&mut cs, id, u64::MAX, i64::MAX).0);
    }

    #[test]
    fn after_func_starts_its_function_once_and_stop_reports_pending() {
        let (mut ts, mut cs) = (Timers::new(), Chans::<u64>::new());
        let (id, op) = ts.after_func(0, -5, "main.cleanup");
        assert_eq!(op, Stop::TimerStart { id, delay_ns: 0 }, "a negative duration fires at once");
        assert_eq!(fire(&mut ts, &mut cs, id, 0).go, Some("main.cleanup"));
        assert_eq!(ts.stop(&mut cs, id), (false, None));
        let (id2, _) = ts.after_func(0, 3_600_000 * MS as i64, "main.later");
        assert_ne!(id, id2);
        // Go 1.27: Stop() true, Stop() false, Reset() false.
        assert!(ts.stop(&mut cs, id2).0);
        assert!(!ts.stop(&mut cs, id2).0);
        assert!(!ts.reset(&mut cs, id2, 0, MS as i64).0);
    }
}
