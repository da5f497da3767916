//! Lost updates: the `counter++` of two goroutines where one increment
//! vanishes. Go has no name for it (its race detector reports the race,
//! not what it cost); the workbook's "You are the scheduler" goals do.
//!
//! **Definition.** A goroutine writes a memory location with a value
//! computed from a read of that same location, and since that read
//! another goroutine's write to the location has happened: the write
//! overwrites an update it never saw. "Since" is the order the accesses
//! happened in, not happens-before: a lock around the read and the write
//! keeps every other write out of the window, so a locked `counter++`
//! never loses one, while two locked halves (`n := get(); set(n+1)`, each
//! under the lock) can.
//!
//! The tracker does not follow values, so "computed from" is read
//! structurally: the write's goroutine read the location in the same
//! function call (the caller's key) and has not written it since. That
//! takes `counter++`, `x += d` and `n := x; ...; x = n + 1` as computed
//! from the read; it would also take a write that ignores the value read
//! earlier in the same call (`if x == 0 { ...; x = 1 }`, a check-then-act,
//! the same bug in another shape).
//!
//! Pure and generic like [`super::race`]: addresses `A`, call keys `K`
//! and sites `S` (where in the program) are the caller's.

use crate::sched::GoId;
use rustc_hash::FxHashMap as HashMap;
use std::hash::Hash;

/// Reads a location keeps at once (each goroutine's latest): past it the
/// oldest is dropped, so a global that 100,000 goroutines read costs
/// bounded time and memory; an update lost by a goroutine whose read was
/// dropped is not reported.
pub const MAX_READERS: usize = 64;

/// One access as the tracker keeps it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Access<K, S> {
    pub goid: GoId,
    /// The function call it was made in.
    pub call: K,
    pub site: S,
}

/// A lost update: `write` overwrote `overwritten`, made after `read`,
/// which `write`'s value was computed from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Lost<K, S> {
    /// The stale read.
    pub read: Access<K, S>,
    /// The overwriting write (the same goroutine and call as `read`).
    pub write: Access<K, S>,
    /// The other goroutine's write that was lost (the latest one before
    /// `write`).
    pub overwritten: Access<K, S>,
}

/// What a location remembers.
#[derive(Clone, Debug)]
struct Location<K, S> {
    /// Writes so far.
    writes: u64,
    last_write: Option<Access<K, S>>,
    /// Each goroutine's latest read since its own last write, with the
    /// number of writes it had seen.
    reads: Vec<(Access<K, S>, u64)>,
}

impl<K, S> Default for Location<K, S> {
    fn default() -> Self {
        Location { writes: 0, last_write: None, reads: Vec::new() }
    }
}

/// The shadow state of every location accessed.
#[derive(Clone, Debug)]
pub struct Tracker<A, K, S> {
    locations: HashMap<A, Location<K, S>>,
}

impl<A, K, S> Default for Tracker<A, K, S> {
    fn default() -> Self {
        Tracker { locations: HashMap::default() }
    }
}

impl<A: Copy + Eq + Hash, K: Copy + Eq, S: Copy> Tracker<A, K, S> {
    /// `at` reads `addr`.
    pub fn read(&mut self, addr: A, at: Access<K, S>) {
        let loc = self.locations.entry(addr).or_default();
        let seen = loc.writes;
        match loc.reads.iter_mut().find(|(r, _)| r.goid == at.goid) {
            Some(r) => *r = (at, seen),
            None => {
                if loc.reads.len() >= MAX_READERS {
                    loc.reads.remove(0);
                }
                loc.reads.push((at, seen))
            }
        }
    }

    /// `at` writes `addr`: the update it loses, if it overwrites one.
    pub fn write(&mut self, addr: A, at: Access<K, S>) -> Option<Lost<K, S>> {
        let loc = self.locations.entry(addr).or_default();
        let mine = loc.reads.iter().position(|(r, _)| r.goid == at.goid);
        let lost = mine.and_then(|i| {
            let (read, seen) = loc.reads.remove(i);
            // Every write since `read` was another goroutine's: its own
            // would have dropped `read`.
            let overwritten = loc.last_write.filter(|w| w.goid != at.goid && loc.writes != seen)?;
            (read.call == at.call).then_some(Lost { read, write: at, overwritten })
        });
        loc.writes += 1;
        loc.last_write = Some(at);
        lost
    }

    /// Forgets the locations `gone` says were freed.
    pub fn free(&mut self, gone: impl Fn(&A) -> bool) {
        self.locations.retain(|a, _| !gone(a));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type T = Tracker<u32, u32, u32>;

    fn at(goid: GoId, call: u32, site: u32) -> Access<u32, u32> {
        Access { goid, call, site }
    }

    #[test]
    fn a_write_between_a_read_and_its_write_back_is_lost() {
        let mut t = T::default();
        t.read(1, at(7, 0, 10));
        t.read(1, at(8, 0, 20));
        assert_eq!(t.write(1, at(8, 0, 21)), None, "8 saw every write before its own");
        let lost = t.write(1, at(7, 0, 11)).expect("7 overwrites 8's update");
        assert_eq!((lost.read.site, lost.write.site, lost.overwritten.goid, lost.overwritten.site), (10, 11, 8, 21));
    }

    #[test]
    fn serial_increments_lose_nothing() {
        let mut t = T::default();
        for g in [7, 8, 7, 8] {
            t.read(1, at(g, 0, 10));
            assert_eq!(t.write(1, at(g, 0, 11)), None);
        }
    }

    #[test]
    fn the_latest_read_counts_and_a_write_of_ones_own_resets() {
        let mut t = T::default();
        t.read(1, at(7, 0, 10));
        assert_eq!(t.write(1, at(8, 0, 20)), None, "a blind write loses nothing");
        t.read(1, at(7, 0, 12));
        assert_eq!(t.write(1, at(7, 0, 13)), None, "7 read again after 8's write");
        assert_eq!(t.write(1, at(8, 0, 20)), None);
        assert_eq!(t.write(1, at(7, 0, 13)), None, "7 has not read since its write");
    }

    #[test]
    fn a_read_in_another_call_is_not_what_the_write_was_computed_from() {
        let mut t = T::default();
        t.read(1, at(7, 1, 10));
        t.read(2, at(7, 2, 10));
        assert_eq!(t.write(1, at(8, 0, 20)), None);
        assert_eq!(t.write(2, at(8, 0, 20)), None);
        assert_eq!(t.write(1, at(7, 2, 11)), None);
        assert!(t.write(2, at(7, 2, 11)).is_some(), "the same call, another location");
    }

    #[test]
    fn a_location_keeps_its_latest_readers_only() {
        let mut t = T::default();
        for g in 0..MAX_READERS as u64 + 1 {
            t.read(1, at(100 + g, 0, 10));
        }
        assert_eq!(t.write(1, at(7, 0, 20)), None);
        assert_eq!(t.write(1, at(100, 0, 11)), None, "the first reader was dropped");
        assert!(t.write(1, at(101, 0, 11)).is_some());
    }

    #[test]
    fn freed_locations_start_clean() {
        let mut t = T::default();
        t.read(1, at(7, 0, 10));
        assert_eq!(t.write(1, at(8, 0, 20)), None);
        t.free(|a| *a == 1);
        assert_eq!(t.write(1, at(7, 0, 11)), None);
    }
}
