//! `time`'s timers as a state machine (Go 1.23+ semantics of
//! `time/sleep.go`, `time/tick.go` and `runtime/time.go`): when each
//! timer fires, what it is for, and the decisions of `Stop`, `Reset` and
//! a firing — a ticker re-arms for its next period, skipping the periods
//! it missed; a one-shot is spent; a context's deadline is gone once
//! fired.
//!
//! The scheduler keeps the clock and the timer heap; this keeps what the
//! library knows of each timer. The caller (`stdlib::time::timers`) does
//! what a decision means: drain or fill the timer's channel, start the
//! `AfterFunc` goroutine, cancel the context. `V` is a value (a channel, a
//! function): the engine's `Value`, plain numbers in the tests.

use std::collections::BTreeMap;

/// What a timer does when it fires.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum What<V> {
    /// Sends the time on this channel (`After`, `NewTimer`, `Tick`,
    /// `NewTicker`).
    Chan(V),
    /// Starts this function in a goroutine (`AfterFunc`).
    Func(V),
    /// Cancels this context node with `DeadlineExceeded`.
    Deadline(u64),
}

#[derive(Clone, Debug)]
struct Timer<V> {
    /// When it fires next; `None` when stopped or spent.
    when: Option<u64>,
    /// A ticker's period (0: one-shot).
    period: u64,
    what: What<V>,
}

/// A timer that fired: when it was due, what it does, and when it fires
/// again (a ticker).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fired<V> {
    pub when: u64,
    pub what: What<V>,
    pub rearm: Option<u64>,
}

/// What `Stop` or `Reset` found: whether the timer was armed, and what it
/// is for (a channel to drain).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Found<V> {
    pub armed: bool,
    pub what: What<V>,
}

/// Every timer of a run, by id.
#[derive(Clone, Debug)]
pub struct Timers<V> {
    /// Ids are `first + 1`, `first + 2`...: each kind of runtime timer
    /// keeps its own range.
    first: u64,
    made: u64,
    timers: BTreeMap<u64, Timer<V>>,
}

impl<V: Copy> Timers<V> {
    pub fn new(first: u64) -> Timers<V> {
        Timers { first, made: 0, timers: BTreeMap::new() }
    }

    /// A new timer due `d` ns after `now` (`period`: a ticker's); its id.
    pub fn add(&mut self, now: u64, d: u64, period: u64, what: What<V>) -> u64 {
        self.made += 1;
        let id = self.first + self.made;
        self.timers.insert(id, Timer { when: Some(now.saturating_add(d)), period, what });
        id
    }

    /// `Stop`: disarms timer `id`; `None` if there is no such timer.
    pub fn stop(&mut self, id: u64) -> Option<Found<V>> {
        let t = self.timers.get_mut(&id)?;
        Some(Found { armed: t.when.take().is_some(), what: t.what })
    }

    /// `Reset(d)`: timer `id` fires `d` ns after `now` (a ticker from then
    /// on every `period`, if given).
    pub fn reset(&mut self, id: u64, now: u64, d: u64, period: Option<u64>) -> Option<Found<V>> {
        let t = self.timers.get_mut(&id)?;
        let armed = t.when.is_some();
        t.when = Some(now.saturating_add(d));
        if let Some(p) = period {
            t.period = p;
        }
        Some(Found { armed, what: t.what })
    }

    /// Timer `id` fired at `now`: `None` if it was stopped meanwhile.
    pub fn fire(&mut self, id: u64, now: u64) -> Option<Fired<V>> {
        let t = self.timers.get_mut(&id)?;
        let when = t.when?;
        let rearm = (t.period > 0).then(|| {
            // The next tick skips the periods already missed (Go's ticker).
            let late = now.saturating_sub(when);
            when.saturating_add(t.period.saturating_mul(1 + late / t.period))
        });
        t.when = rearm;
        let what = t.what;
        if let What::Deadline(_) = what {
            self.timers.remove(&id);
        }
        Some(Fired { when, what, rearm })
    }

    /// The values armed timers hold (channels, functions), in id order:
    /// what must stay alive for them to fire.
    /// The context nodes of armed deadline timers.
    pub fn armed_deadlines(&self) -> impl Iterator<Item = u64> + '_ {
        self.timers.values().filter(|t| t.when.is_some()).filter_map(|t| match t.what {
            What::Deadline(n) => Some(n),
            _ => None,
        })
    }

    pub fn armed_values(&self) -> impl Iterator<Item = V> + '_ {
        self.timers.values().filter(|t| t.when.is_some()).filter_map(|t| match t.what {
            What::Chan(v) | What::Func(v) => Some(v),
            What::Deadline(_) => None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_one_shot_fires_once_and_stop_says_whether_it_was_armed() {
        let mut t = Timers::<i32>::new(100);
        let id = t.add(10, 5, 0, What::Chan(7));
        assert_eq!(id, 101);
        assert_eq!(t.armed_values().collect::<Vec<_>>(), [7]);
        assert_eq!(t.fire(id, 15), Some(Fired { when: 15, what: What::Chan(7), rearm: None }));
        assert_eq!(t.fire(id, 20), None, "spent");
        assert_eq!(t.stop(id), Some(Found { armed: false, what: What::Chan(7) }));
        assert_eq!(t.armed_values().count(), 0);
        assert_eq!(t.stop(999), None);
    }

    #[test]
    fn a_ticker_rearms_skipping_missed_periods() {
        let mut t = Timers::<i32>::new(0);
        let id = t.add(0, 10, 10, What::Chan(1));
        assert_eq!(t.fire(id, 10).map(|f| f.rearm), Some(Some(20)));
        // Fired 25 ns late: the ticks at 30 and 40 are dropped.
        assert_eq!(t.fire(id, 45), Some(Fired { when: 20, what: What::Chan(1), rearm: Some(50) }));
        // Reset with a new period, then Stop.
        assert_eq!(t.reset(id, 50, 3, Some(3)), Some(Found { armed: true, what: What::Chan(1) }));
        assert_eq!(t.fire(id, 53).map(|f| f.rearm), Some(Some(56)));
        assert_eq!(t.stop(id), Some(Found { armed: true, what: What::Chan(1) }));
        assert_eq!(t.fire(id, 56), None);
    }

    #[test]
    fn a_deadline_is_gone_once_fired_and_holds_no_value() {
        let mut t = Timers::<i32>::new(0);
        let f = t.add(0, 5, 0, What::Func(9));
        let d = t.add(0, 5, 0, What::Deadline(3));
        assert_eq!(t.armed_values().collect::<Vec<_>>(), [9]);
        assert_eq!(t.fire(d, 5).map(|x| x.what), Some(What::Deadline(3)));
        assert_eq!(t.stop(d), None, "a fired deadline is forgotten");
        assert_eq!(t.fire(f, 5).map(|x| x.what), Some(What::Func(9)));
        assert_eq!(t.reset(f, 5, 0, None), Some(Found { armed: false, what: What::Func(9) }));
    }
}
