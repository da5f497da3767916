//! Go's runtime semaphore (runtime/sema.go): the counter `sync` parks on.
//!
//! Go keys semaphores by address in a table of treaps; here each `sync`
//! object owns its [`Sema`] (its `sema uint32` field plus the waiters
//! queued on that address), which is the same thing without addresses.
//!
//! `semacquire` takes a unit if the count is positive, else queues the
//! goroutine — at the tail, or at the head when `lifo` (a Mutex waiter
//! that has already waited once) — and parks it. `semrelease` adds a unit
//! and readies the head waiter. The woken goroutine must then take the
//! unit itself when it runs (`semacquire_resume`), unless the release was
//! a `handoff` (Mutex starvation mode): then the unit is reserved for it
//! (Go's `ticket = 1`) and the releaser yields so it runs next.

use super::{GoId, WaitReason};
use std::collections::VecDeque;

#[derive(Clone, Debug, PartialEq, Eq)]
struct Waiter {
    g: GoId,
    /// Go's `sudog.ticket`: the unit was handed to this waiter directly.
    ticket: bool,
}

/// A semaphore: Go's `*addr` counter with its wait queue.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sema {
    /// The counter (`*addr`).
    pub count: u32,
    /// Queued waiters, head first.
    waitq: VecDeque<Waiter>,
    /// Woken but not yet resumed, with whether they hold a ticket.
    woken: Vec<Waiter>,
}

/// The decision of an acquire.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Acquire {
    Acquired,
    /// Park with this reason; `semrelease` will ready the goroutine.
    Park(WaitReason),
}

/// The decision of a release.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Release {
    /// The waiter to ready (`readyWithTime`), if any.
    pub ready: Option<GoId>,
    /// Direct handoff happened: the releaser should `goyield` so the
    /// waiter runs at once (Go's `semrelease1`).
    pub yield_now: bool,
}

impl Sema {
    #[cfg(test)]
    pub fn new(count: u32) -> Sema {
        Sema { count, ..Sema::default() }
    }

    /// `cansemacquire`: take a unit if there is one.
    pub fn cansemacquire(&mut self) -> bool {
        if self.count == 0 {
            return false;
        }
        self.count -= 1;
        true
    }

    /// `semacquire1(addr, lifo, ..., reason)`: acquire now or park.
    pub fn semacquire(&mut self, g: GoId, lifo: bool, reason: WaitReason) -> Acquire {
        if self.cansemacquire() {
            return Acquire::Acquired;
        }
        self.queue(g, lifo);
        Acquire::Park(reason)
    }

    /// The rest of `semacquire1`'s loop once parked goroutine `g` runs
    /// again: it owns the unit if it was handed one, or takes one if still
    /// there; otherwise (another goroutine took it first) it queues again.
    pub fn semacquire_resume(&mut self, g: GoId, lifo: bool, reason: WaitReason) -> Acquire {
        let ticket = match self.woken.iter().position(|w| w.g == g) {
            Some(i) => self.woken.swap_remove(i).ticket,
            None => false,
        };
        if ticket || self.cansemacquire() {
            return Acquire::Acquired;
        }
        self.queue(g, lifo);
        Acquire::Park(reason)
    }

    fn queue(&mut self, g: GoId, lifo: bool) {
        let w = Waiter { g, ticket: false };
        if lifo {
            self.waitq.push_front(w);
        } else {
            self.waitq.push_back(w);
        }
    }

    /// `semrelease1(addr, handoff)`: add a unit and ready the head waiter;
    /// with `handoff`, give it the unit directly.
    pub fn semrelease(&mut self, handoff: bool) -> Release {
        self.count = self.count.saturating_add(1);
        let Some(mut w) = self.waitq.pop_front() else { return Release { ready: None, yield_now: false } };
        if handoff && self.cansemacquire() {
            w.ticket = true;
        }
        let g = w.g;
        let yield_now = w.ticket;
        self.woken.push(w);
        Release { ready: Some(g), yield_now }
    }

    #[cfg(test)]
    /// Goroutines queued on this semaphore, head first.
    pub fn waiters(&self) -> Vec<GoId> {
        self.waitq.iter().map(|w| w.g).collect()
    }

}

#[cfg(test)]
mod tests {
    use super::*;

    const R: WaitReason = WaitReason::Semacquire;

    #[test]
    fn acquire_release_fifo() {
        let mut s = Sema::new(1);
        assert_eq!(s.semacquire(1, false, R), Acquire::Acquired);
        assert_eq!(s.semacquire(2, false, R), Acquire::Park(R));
        assert_eq!(s.semacquire(3, false, R), Acquire::Park(R));
        assert_eq!(s.waiters(), vec![2, 3]);
        let r = s.semrelease(false);
        assert_eq!(r, Release { ready: Some(2), yield_now: false });
        assert_eq!(s.semacquire_resume(2, false, R), Acquire::Acquired);
        assert_eq!(s.semrelease(false).ready, Some(3));
        assert_eq!(s.semrelease(false).ready, None);
        // 3 was woken but has not run: its unit still counts.
        assert_eq!(s.count, 2);
        assert_eq!(s.semacquire_resume(3, false, R), Acquire::Acquired);
        assert_eq!(s.count, 1);
    }

    #[test]
    fn barging_sends_the_woken_waiter_back_to_the_queue() {
        let mut s = Sema::new(0);
        s.semacquire(2, false, R);
        assert_eq!(s.semrelease(false).ready, Some(2));
        // Goroutine 9 runs first and takes the unit.
        assert_eq!(s.semacquire(9, false, R), Acquire::Acquired);
        assert_eq!(s.semacquire_resume(2, true, R), Acquire::Park(R));
        assert_eq!(s.waiters(), vec![2]);
    }

    #[test]
    fn handoff_reserves_the_unit_and_lifo_jumps_the_queue() {
        let mut s = Sema::new(0);
        s.semacquire(2, false, R);
        s.semacquire(3, false, R);
        s.semacquire(4, true, R);
        assert_eq!(s.waiters(), vec![4, 2, 3]);
        let r = s.semrelease(true);
        assert_eq!(r, Release { ready: Some(4), yield_now: true });
        assert_eq!(s.count, 0, "the unit is reserved");
        assert_eq!(s.semacquire(9, false, R), Acquire::Park(R), "no barging past a handoff");
        assert_eq!(s.semacquire_resume(4, false, R), Acquire::Acquired);
    }
}
