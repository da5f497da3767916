//! The race detector's core: happens-before over vector clocks, the
//! shadow state of each memory location, and the check of an access
//! against it — what Go's `-race` gets from ThreadSanitizer behind
//! `runtime/race.go`, with Go's names: `racereadpc`/`racewritepc` (an
//! access), `raceacquire`, `racerelease` (a release that overwrites the
//! sync object's clock), `racereleasemerge` (one that joins it),
//! `racereleaseacquire` (a channel's buffer slot) and `racegostart` (a
//! `go` statement).
//!
//! Pure and generic: addresses are any key `A` (the VM names variables,
//! heap slots and sync objects), goroutines are Go ids, stacks are opaque
//! numbers the caller interns. Nothing here knows the VM or prints: a
//! racing access comes back as a [`Race`] for the caller to report.
//!
//! Each goroutine has a slot (a "tid") in the clocks and a vector clock;
//! an access is stored as an epoch, `clock@tid` (FastTrack, Flanagan and
//! Freund, PLDI 2009): the last write, and the reads since that no later
//! read has ordered. Two accesses race if one is a write, they come from
//! different goroutines, and the earlier one's epoch is not in the later
//! goroutine's clock. Like TSan's reports (`suppress_equal_addresses`,
//! `suppress_equal_stacks`), a race is reported once per address and
//! once per pair of stacks.

use crate::sched::GoId;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::hash::Hash;

/// A vector clock: entry `t` is the latest event of goroutine slot `t`
/// known to happen before (missing entries are 0).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VectorClock(Vec<u32>);

impl VectorClock {
    pub fn get(&self, t: u32) -> u32 {
        self.0.get(t as usize).copied().unwrap_or(0)
    }

    fn set(&mut self, t: u32, c: u32) {
        let t = t as usize;
        if self.0.len() <= t {
            self.0.resize(t + 1, 0);
        }
        self.0[t] = c;
    }

    /// Pointwise maximum with `other`.
    pub fn join(&mut self, other: &VectorClock) {
        if self.0.len() < other.0.len() {
            self.0.resize(other.0.len(), 0);
        }
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a = (*a).max(*b);
        }
    }
}

/// One access as a report shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Access {
    pub goid: GoId,
    pub write: bool,
    /// The caller's interned stack of the access.
    pub stack: u32,
}

/// An access that races with an earlier one (`prev`) at `addr`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Race<A> {
    pub addr: A,
    pub cur: Access,
    pub prev: Access,
}

/// An access kept in the shadow state: its epoch and how to report it.
#[derive(Clone, Copy, Debug)]
struct Cell {
    tid: u32,
    clock: u32,
    access: Access,
}

/// What a memory location remembers.
#[derive(Clone, Debug, Default)]
struct Shadow {
    write: Option<Cell>,
    reads: Vec<Cell>,
}

/// The detector: goroutines' clocks, sync objects' clocks, the shadow
/// memory, and what was reported.
#[derive(Clone, Debug)]
pub struct Detector<A> {
    tids: HashMap<GoId, u32>,
    /// Each tid's vector clock.
    clocks: Vec<VectorClock>,
    sync: HashMap<A, VectorClock>,
    shadow: HashMap<A, Shadow>,
    reported_addrs: HashSet<A>,
    reported_stacks: HashSet<(u32, u32)>,
}

impl<A> Default for Detector<A> {
    fn default() -> Self {
        Detector {
            tids: HashMap::default(),
            clocks: Vec::new(),
            sync: HashMap::default(),
            shadow: HashMap::default(),
            reported_addrs: HashSet::default(),
            reported_stacks: HashSet::default(),
        }
    }
}

impl<A: Copy + Eq + Hash> Detector<A> {
    /// Goroutine `g`'s slot, made on first sight (the main goroutine, or
    /// one the detector meets before its `racegostart`).
    fn tid(&mut self, g: GoId) -> u32 {
        if let Some(&t) = self.tids.get(&g) {
            return t;
        }
        let t = self.clocks.len() as u32;
        let mut c = VectorClock::default();
        c.set(t, 1);
        self.clocks.push(c);
        self.tids.insert(g, t);
        t
    }

    fn clock_mut(&mut self, g: GoId) -> (u32, &mut VectorClock) {
        let t = self.tid(g);
        (t, &mut self.clocks[t as usize])
    }

    /// Goroutine `g`'s own epoch moves on: what it does next is not
    /// covered by what it released so far.
    fn tick(&mut self, g: GoId) {
        let (t, c) = self.clock_mut(g);
        let n = c.get(t).saturating_add(1);
        c.set(t, n);
    }

    /// `racegostart`: `parent` runs `go`, starting `child`; everything
    /// the parent did so far happens before the child starts.
    pub fn racegostart(&mut self, parent: GoId, child: GoId) {
        let (_, pc) = self.clock_mut(parent);
        let mut c = pc.clone();
        self.tids.remove(&child);
        let t = self.clocks.len() as u32;
        c.set(t, 1);
        self.clocks.push(c);
        self.tids.insert(child, t);
        self.tick(parent);
    }

    /// `raceacquire`: `g` learns what was released on `addr`.
    pub fn raceacquire(&mut self, g: GoId, addr: A) {
        let t = self.tid(g);
        if let Some(s) = self.sync.get(&addr) {
            self.clocks[t as usize].join(s);
        }
    }

    /// `racerelease`: `addr`'s clock becomes `g`'s (a release-store).
    pub fn racerelease(&mut self, g: GoId, addr: A) {
        let (_, c) = self.clock_mut(g);
        let c = c.clone();
        self.sync.insert(addr, c);
        self.tick(g);
    }

    /// `racereleasemerge`: `g`'s clock joins `addr`'s.
    pub fn racereleasemerge(&mut self, g: GoId, addr: A) {
        let (_, c) = self.clock_mut(g);
        let c = c.clone();
        self.sync.entry(addr).or_default().join(&c);
        self.tick(g);
    }

    /// `racereleaseacquire` (a channel buffer slot, TSan's
    /// `ReleaseStoreAcquire`): `g` takes what `addr` held, and `addr`
    /// holds `g`'s clock from before.
    pub fn racereleaseacquire(&mut self, g: GoId, addr: A) {
        let t = self.tid(g);
        let mine = self.clocks[t as usize].clone();
        if let Some(old) = self.sync.insert(addr, mine) {
            self.clocks[t as usize].join(&old);
        }
        self.tick(g);
    }

    /// `racereadpc`: `g` reads `addr`. Returns the race to report, if
    /// this read races with an earlier write and was not reported yet.
    pub fn racereadpc(&mut self, g: GoId, addr: A, stack: u32) -> Option<Race<A>> {
        let t = self.tid(g);
        let clock = &self.clocks[t as usize];
        let me = Cell { tid: t, clock: clock.get(t), access: Access { goid: g, write: false, stack } };
        let sh = self.shadow.entry(addr).or_default();
        let mut race = None;
        if let Some(w) = sh.write
            && w.tid != t
            && w.clock > clock.get(w.tid)
        {
            race = Some(Race { addr, cur: me.access, prev: w.access });
        }
        // Reads this one orders are subsumed by it.
        sh.reads.retain(|r| r.tid != t && r.clock > clock.get(r.tid));
        sh.reads.push(me);
        race.filter(|r| self.first_report(r))
    }

    /// `racewritepc`: `g` writes `addr`.
    pub fn racewritepc(&mut self, g: GoId, addr: A, stack: u32) -> Option<Race<A>> {
        let t = self.tid(g);
        let clock = &self.clocks[t as usize];
        let me = Cell { tid: t, clock: clock.get(t), access: Access { goid: g, write: true, stack } };
        let sh = self.shadow.entry(addr).or_default();
        let concurrent = |c: &Cell| c.tid != t && c.clock > clock.get(c.tid);
        let prev = sh.write.filter(concurrent).or_else(|| sh.reads.iter().copied().find(concurrent));
        sh.write = Some(me);
        sh.reads.clear();
        let race = prev.map(|p| Race { addr, cur: me.access, prev: p.access });
        race.filter(|r| self.first_report(r))
    }

    /// Whether `r` is the first race at its address and of its pair of
    /// stacks (the rest are suppressed, as TSan does); records it.
    fn first_report(&mut self, r: &Race<A>) -> bool {
        let (a, b) = (r.cur.stack.min(r.prev.stack), r.cur.stack.max(r.prev.stack));
        if self.reported_addrs.contains(&r.addr) || self.reported_stacks.contains(&(a, b)) {
            return false;
        }
        self.reported_addrs.insert(r.addr);
        self.reported_stacks.insert((a, b));
        true
    }

    /// Forgets the locations and sync objects `gone` says were freed
    /// (`racefree`), so that memory allocated there later starts clean.
    pub fn racefree(&mut self, gone: impl Fn(&A) -> bool) {
        self.shadow.retain(|a, _| !gone(a));
        self.sync.retain(|a, _| !gone(a));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MAIN: GoId = 1;

    fn det() -> Detector<u32> {
        Detector::default()
    }

    #[test]
    fn unsynchronised_write_after_write_races_once() {
        let mut d = det();
        d.racegostart(MAIN, 7);
        d.racegostart(MAIN, 8);
        assert_eq!(d.racewritepc(7, 100, 1), None);
        let r = d.racewritepc(8, 100, 2).expect("race");
        assert_eq!((r.cur.goid, r.prev.goid, r.cur.write, r.prev.write), (8, 7, true, true));
        // The same address is reported once.
        assert_eq!(d.racewritepc(7, 100, 3), None);
    }

    #[test]
    fn a_read_races_with_an_earlier_write_and_a_write_with_earlier_reads() {
        let mut d = det();
        d.racegostart(MAIN, 7);
        assert_eq!(d.racewritepc(7, 1, 1), None);
        let r = d.racereadpc(MAIN, 1, 2).expect("read after write");
        assert_eq!((r.cur.write, r.prev.write, r.prev.goid), (false, true, 7));
        assert_eq!(d.racereadpc(7, 2, 3), None);
        let r = d.racewritepc(MAIN, 2, 4).expect("write after read");
        assert_eq!((r.cur.write, r.prev.write, r.prev.stack), (true, false, 3));
    }

    #[test]
    fn reads_never_race_with_reads() {
        let mut d = det();
        d.racegostart(MAIN, 7);
        assert_eq!(d.racereadpc(7, 1, 1), None);
        assert_eq!(d.racereadpc(MAIN, 1, 2), None);
    }

    #[test]
    fn the_go_statement_orders_the_parent_before_the_child_only() {
        let mut d = det();
        assert_eq!(d.racewritepc(MAIN, 1, 1), None);
        d.racegostart(MAIN, 7);
        assert_eq!(d.racereadpc(7, 1, 2), None, "written before go");
        assert_eq!(d.racewritepc(MAIN, 2, 3), None);
        assert!(d.racereadpc(7, 2, 4).is_some(), "written after go");
    }

    #[test]
    fn release_then_acquire_orders_and_the_epoch_moves_on() {
        let mut d = det();
        d.racegostart(MAIN, 7);
        assert_eq!(d.racewritepc(7, 1, 1), None);
        d.racerelease(7, 500);
        assert_eq!(d.racewritepc(7, 2, 2), None, "after the release");
        d.raceacquire(MAIN, 500);
        assert_eq!(d.racereadpc(MAIN, 1, 3), None);
        assert!(d.racereadpc(MAIN, 2, 4).is_some(), "written after the release");
    }

    #[test]
    fn release_stores_but_release_merge_joins() {
        let mut d = det();
        d.racegostart(MAIN, 7);
        d.racegostart(MAIN, 8);
        assert_eq!(d.racewritepc(7, 1, 1), None);
        assert_eq!(d.racewritepc(8, 2, 2), None);
        d.racereleasemerge(7, 9);
        d.racereleasemerge(8, 9);
        d.raceacquire(MAIN, 9);
        assert_eq!(d.racereadpc(MAIN, 1, 3), None);
        assert_eq!(d.racereadpc(MAIN, 2, 4), None);
        let mut d = det();
        d.racegostart(MAIN, 7);
        d.racegostart(MAIN, 8);
        assert_eq!(d.racewritepc(7, 1, 1), None);
        d.racerelease(7, 9);
        d.racerelease(8, 9);
        d.raceacquire(MAIN, 9);
        assert!(d.racereadpc(MAIN, 1, 3).is_some(), "the second release overwrote the first");
    }

    /// A buffered channel of capacity 1 as a semaphore: each operation is
    /// `racereleaseacquire` on the slot, so the k-th receive happens
    /// before the (k+1)-th send completes.
    #[test]
    fn a_buffer_slot_passes_each_receive_to_the_next_send() {
        let mut d = det();
        d.racegostart(MAIN, 7);
        d.racegostart(MAIN, 8);
        let slot = 77;
        d.racereleaseacquire(7, slot); // send
        assert_eq!(d.racewritepc(7, 1, 1), None);
        d.racereleaseacquire(7, slot); // receive
        d.racereleaseacquire(8, slot); // send
        assert_eq!(d.racewritepc(8, 1, 2), None);
    }

    #[test]
    fn a_read_ordered_after_another_replaces_it() {
        let mut d = det();
        d.racegostart(MAIN, 7);
        assert_eq!(d.racereadpc(7, 1, 1), None);
        d.racerelease(7, 5);
        d.raceacquire(MAIN, 5);
        assert_eq!(d.racereadpc(MAIN, 1, 2), None);
        assert_eq!(d.racewritepc(MAIN, 1, 3), None, "both reads happen before");
    }

    #[test]
    fn equal_stack_pairs_are_reported_once() {
        let mut d = det();
        d.racegostart(MAIN, 7);
        assert_eq!(d.racewritepc(7, 1, 10), None);
        assert_eq!(d.racewritepc(7, 2, 10), None);
        assert!(d.racewritepc(MAIN, 1, 11).is_some());
        assert_eq!(d.racewritepc(MAIN, 2, 11), None);
    }

    #[test]
    fn freed_memory_starts_clean() {
        let mut d = det();
        d.racegostart(MAIN, 7);
        assert_eq!(d.racewritepc(7, 1, 1), None);
        d.racefree(|a| *a == 1);
        assert_eq!(d.racewritepc(MAIN, 1, 2), None);
    }
}
