//! The VM's side of `-race`: which memory an instruction touches (a
//! global, a heap slot, a map as one object), the stacks of accesses, and
//! Go's report when `runtime::race` finds two that race.
//!
//! Off the hot path: the dispatch loop is compiled twice (`run::<RACE>`),
//! and only the copy that runs with [`Vm::race`] set calls in here, so a
//! run without `-race` executes exactly the instructions it did before.
//! Synchronisation reaches the detector from where it happens: the `go`
//! statement and channels in the process, `sync` and `sync/atomic` in
//! their natives (a blocking operation's acquire waits for the goroutine
//! to run again: [`Vm::raceacquire_on_resume`]).
//!
//! The same pass watches for lost updates (`runtime::lost_update`) when a
//! run asks for them ([`Vm::watch_lost_updates`]), with or without the
//! detector's reports: a run that asks for neither runs the loop without
//! a trace of either.

use super::*;
use crate::runtime::lost_update;
use crate::runtime::race::{Access, Detector, Race};
use crate::sched::GoId;
use rustc_hash::FxHashMap as HashMap;

/// A location or a sync object, as the detector keys them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Addr {
    Global(u32),
    /// Slot of a heap object (a cell, a field, an element).
    Slot(Handle, u32),
    /// A map, accessed as one object (as Go's `mapaccess`/`mapassign`
    /// report it).
    Map(Handle),
    /// A sync object: the object and which of its words (see `SYNC_*`).
    Sync(Handle, u32),
}

/// The words of a sync object the runtime synchronises on.
pub const SYNC_MUTEX: u32 = 0;
pub const SYNC_RW_READER: u32 = 1;
pub const SYNC_RW_WRITER: u32 = 2;
pub const SYNC_WAITGROUP: u32 = 3;
pub const SYNC_COND: u32 = 5;
/// A channel's `c.raceaddr()` (close); its buffer slots are
/// `SYNC_CHAN_BUF + i`.
pub const SYNC_CHAN_CLOSE: u32 = 6;
pub const SYNC_CHAN_BUF: u32 = 16;
/// A context's cancellation (`cancelCtx.done`, stored and loaded
/// atomically in Go).
pub const SYNC_CONTEXT: u32 = 7;
/// An atomic word: `SYNC_ATOMIC + slot`.
pub const SYNC_ATOMIC: u32 = 1 << 31;

impl Addr {
    fn handle(&self) -> Option<Handle> {
        match *self {
            Addr::Global(_) => None,
            Addr::Slot(h, _) | Addr::Map(h) | Addr::Sync(h, _) => Some(h),
        }
    }

    /// An address in Go's shape: globals in the data segment, the heap
    /// in its arena.
    fn text(&self) -> String {
        let a = match *self {
            Addr::Global(i) => 0x5a_1000 + i as u64 * 8,
            Addr::Slot(h, s) => 0xc0_0000_0000 + h as u64 * 0x40 + if s == WHOLE { 0 } else { s as u64 * 8 },
            Addr::Map(h) | Addr::Sync(h, _) => 0xc0_0000_0000 + h as u64 * 0x40,
        };
        format!("0x{a:012x}")
    }
}

/// What a report says of a goroutine.
#[derive(Clone, Debug, Default)]
struct Goroutine {
    /// The stack of its `go` statement (`Goroutine N (...) created at:`).
    created: Vec<TraceFrame>,
    /// The wrapper Go's compiler makes for a `go` statement with
    /// arguments (`main.main.gowrap1`): the bottom frame of its stacks.
    wrap: Option<TraceFrame>,
    finished: bool,
}

/// The detector and what reports need.
#[derive(Debug, Default)]
pub struct RaceState {
    /// Report data races (`-race`); off when the pass runs only to watch
    /// for lost updates.
    detect: bool,
    pub det: Detector<Addr>,
    /// The lost updates watch, when the run asked for it.
    lost: Option<Box<LostWatch>>,
    /// The goroutine running now.
    pub cur: GoId,
    /// Interned stacks: (function, pc) frames, innermost first.
    stacks: Vec<Box<[(u32, u32)]>>,
    stack_ids: HashMap<Box<[(u32, u32)]>, u32>,
    scratch: Vec<(u32, u32)>,
    gos: HashMap<GoId, Goroutine>,
    /// Acquires a goroutine makes when it next runs: the end of a
    /// blocking `Lock`, `Wait`...
    pending: HashMap<GoId, Vec<Addr>>,
    /// Each buffered channel's `sendx` and `recvx`, as `chan.go` keeps
    /// them for `racenotify`.
    chans: HashMap<Handle, (u32, u32)>,
    /// Races reported so far (`Found N data race(s)`).
    pub found: u32,
    /// Each race reported: the access, then the earlier one it races with.
    pub reports: Vec<DataRace>,
}

/// One side of a data race: who, reading or writing, and where in the
/// program (the innermost frame of the access).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RaceAccess {
    pub goid: GoId,
    pub write: bool,
    pub pos: Option<crate::span::Span>,
}

/// A race the detector reported, for a UI to mark both accesses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DataRace {
    pub access: RaceAccess,
    pub previous: RaceAccess,
}

/// Where an access is made, for the lost updates watch: the goroutine's
/// innermost call (depth, function, stack base) and its (function, pc).
type Call = (u32, u32, u32);
type Site = (u32, u32);

/// Distinct lost updates kept per run: a racy loop can lose thousands,
/// all alike.
pub const MAX_LOST_UPDATES: usize = 64;

/// The lost updates watch: the tracker and what it found.
#[derive(Debug, Default)]
struct LostWatch {
    tracker: lost_update::Tracker<Addr, Call, Site>,
    reports: Vec<LostUpdate>,
}

/// An update one goroutine lost by overwriting it (see
/// `runtime::lost_update` for the definition): `goid` read the location
/// at `read`, `lost_goid` wrote it at `lost_write`, then `goid` wrote it
/// at `write` with a value computed from its stale read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LostUpdate {
    /// The goroutine whose write overwrote an update it never saw.
    pub goid: GoId,
    /// Its read the value was computed from (the stale read).
    pub read: Option<crate::span::Span>,
    /// Its write (the overwriting write).
    pub write: Option<crate::span::Span>,
    /// The goroutine whose update was lost, and where it wrote it.
    pub lost_goid: GoId,
    pub lost_write: Option<crate::span::Span>,
}

/// The detector's work, out of line: a run without `-race` pays only the
/// check in [`Vm::with_race`].
#[cold]
#[inline(never)]
fn cold<F: FnOnce(&mut RaceState)>(r: &mut RaceState, f: F) {
    f(r)
}

impl Vm {
    /// Runs `f` on the detector's state when `-race` is on.
    #[inline(always)]
    fn with_race(&mut self, f: impl FnOnce(&mut RaceState)) {
        if let Some(r) = self.race.as_deref_mut().filter(|r| r.detect) {
            cold(r, f);
        }
    }

    /// Whether the detector reports races, so synchronisation's edges
    /// matter: the lost updates watch alone needs none of them (a vector
    /// clock copied per `go` statement would make 100,000 goroutines
    /// quadratic).
    #[inline]
    pub fn race_detects(&self) -> bool {
        self.race.as_ref().is_some_and(|r| r.detect)
    }

    /// Turns the race detector on (before the run starts).
    pub fn enable_race(&mut self) {
        self.race.get_or_insert_with(Box::default).detect = true;
    }

    /// Watches every load and store for lost updates (before the run
    /// starts): the instrumented loop runs, reporting no race unless
    /// [`Vm::enable_race`] asked for that too.
    pub fn watch_lost_updates(&mut self) {
        self.race.get_or_insert_with(Box::default).lost = Some(Box::default());
    }

    /// Goroutine `goid` is about to run: the detector's current
    /// goroutine, and the acquires its finished blocking operation owes.
    #[inline]
    pub fn race_begin(&mut self, goid: GoId) {
        if let Some(r) = self.race.as_deref_mut() {
            cold(r, |r| {
                r.cur = goid;
                if let Some(addrs) = r.pending.remove(&goid) {
                    for a in addrs {
                        r.det.raceacquire(goid, a);
                    }
                }
            });
        }
    }

    /// `racegostart`: `parent`'s `go` statement (at `created`) starts `child`.
    #[inline]
    pub fn racegostart(&mut self, parent: GoId, child: GoId, created: Vec<TraceFrame>, wrap: Option<TraceFrame>) {
        self.with_race(|r| {
            r.det.racegostart(parent, child);
            r.gos.insert(child, Goroutine { created, wrap, finished: false });
        });
    }

    /// Goroutine `goid` ended (a report says `finished`).
    #[inline]
    pub fn racegoend(&mut self, goid: GoId) {
        self.with_race(|r| {
            r.gos.entry(goid).or_default().finished = true;
        });
    }

    #[inline]
    pub fn raceacquire(&mut self, a: Addr) {
        self.with_race(|r| {
            r.det.raceacquire(r.cur, a);
        });
    }

    /// `raceacquireg`: goroutine `g` (parked, being woken) acquires.
    #[inline]
    pub fn raceacquireg(&mut self, g: GoId, a: Addr) {
        self.with_race(|r| {
            r.det.raceacquire(g, a);
        });
    }

    /// The acquire of a blocking operation, made when the goroutine runs
    /// again (after the operation completed).
    #[inline]
    pub fn raceacquire_on_resume(&mut self, a: Addr) {
        self.with_race(|r| {
            let g = r.cur;
            r.pending.entry(g).or_default().push(a);
        });
    }

    #[inline]
    pub fn racerelease(&mut self, a: Addr) {
        self.with_race(|r| {
            r.det.racerelease(r.cur, a);
        });
    }

    #[inline]
    pub fn racereleaseg(&mut self, g: GoId, a: Addr) {
        self.with_race(|r| {
            r.det.racerelease(g, a);
        });
    }

    #[inline]
    pub fn racereleasemerge(&mut self, a: Addr) {
        self.with_race(|r| {
            r.det.racereleasemerge(r.cur, a);
        });
    }

    /// `racereleaseacquireg`: goroutine `g` passes a channel buffer slot.
    #[inline]
    pub fn racereleaseacquireg(&mut self, g: GoId, a: Addr) {
        self.with_race(|r| {
            r.det.racereleaseacquire(g, a);
        });
    }

    /// A channel operation on buffer slot `recvx` (`recv`) or `sendx`:
    /// the slot's address, and the index moved on (a handoff through an
    /// empty or full buffer moves both).
    #[inline]
    pub fn racechanslot(&mut self, c: Handle, cap: u32, recv: bool, both: bool) -> Option<Addr> {
        if !self.race_detects() {
            return None;
        }
        self.racechanslot_slow(c, cap, recv, both)
    }

    #[cold]
    #[inline(never)]
    fn racechanslot_slow(&mut self, c: Handle, cap: u32, recv: bool, both: bool) -> Option<Addr> {
        let r = self.race.as_deref_mut()?;
        let (sx, rx) = r.chans.entry(c).or_default();
        let cap = cap.max(1);
        let i = if recv || both { *rx } else { *sx };
        if recv || both {
            *rx = (*rx + 1) % cap;
        }
        if !recv || both {
            *sx = if both { *rx } else { (*sx + 1) % cap };
        }
        Some(Addr::Sync(c, SYNC_CHAN_BUF + i))
    }

    /// Forgets what the detector knew of freed objects (`racefree`).
    pub(super) fn racefree(&mut self) {
        if let Some(r) = self.race.as_deref_mut() {
            let heap = &self.heap;
            r.det.racefree(|a| a.handle().is_some_and(|h| matches!(heap.get(h), crate::heap::Obj::Free)));
            r.chans.retain(|h, _| !matches!(heap.get(*h), crate::heap::Obj::Free));
            if let Some(l) = r.lost.as_deref_mut() {
                l.tracker.free(|a| a.handle().is_some_and(|h| matches!(heap.get(h), crate::heap::Obj::Free)));
            }
        }
    }

    /// `racereadpc`/`racewritepc` from the dispatch loop: goroutine `g`
    /// (its frames' `ip`s saved) accesses `a`.
    #[cold]
    #[inline(never)]
    pub(super) fn raceaccess(&mut self, g: &GState, a: Addr, write: bool) {
        let Some(mut r) = self.race.take() else { return };
        if let Some(l) = r.lost.as_deref_mut() {
            self.lost_access(l, r.cur, g, a, write);
        }
        if r.detect {
            self.race_check(&mut r, g, a, write);
        }
        self.race = Some(r);
    }

    /// The lost updates watch's side of an access. A map is one object to
    /// the detector, but its entries are separate locations: not watched.
    fn lost_access(&self, l: &mut LostWatch, goid: GoId, g: &GState, a: Addr, write: bool) {
        if !matches!(a, Addr::Global(_) | Addr::Slot(..)) {
            return;
        }
        let Some((depth, f)) = g.frames.len().checked_sub(1).zip(g.frames.last()) else { return };
        let at = lost_update::Access { goid, call: (depth as u32, f.func, f.base), site: (f.func, f.ip) };
        if !write {
            return l.tracker.read(a, at);
        }
        let Some(lost) = l.tracker.write(a, at) else { return };
        let pos = |(func, ip): Site| self.prog.funcs.get(func as usize).map(|x| x.chunk.span_at(ip.saturating_sub(1) as usize));
        let report = LostUpdate {
            goid,
            read: pos(lost.read.site),
            write: pos(lost.write.site),
            lost_goid: lost.overwritten.goid,
            lost_write: pos(lost.overwritten.site),
        };
        if l.reports.len() < MAX_LOST_UPDATES && !l.reports.contains(&report) {
            l.reports.push(report);
        }
    }

    /// The detector's check of an access, and Go's report of a race.
    fn race_check(&mut self, r: &mut RaceState, g: &GState, a: Addr, write: bool) {
        let stack = self.intern_stack(r, g);
        let race = if write { r.det.racewritepc(r.cur, a, stack) } else { r.det.racereadpc(r.cur, a, stack) };
        if let Some(race) = race {
            r.found += 1;
            let side = |a: &Access| {
                let top = r.stacks.get(a.stack as usize).and_then(|s| s.first().copied());
                let pos = top.and_then(|(f, ip)| self.prog.funcs.get(f as usize).map(|x| x.chunk.span_at(ip.saturating_sub(1) as usize)));
                RaceAccess { goid: a.goid, write: a.write, pos }
            };
            let report = DataRace { access: side(&race.cur), previous: side(&race.prev) };
            r.reports.push(report);
            let text = self.race_report(r, &race);
            self.emit(2, text.as_bytes());
        }
    }

    /// A store through a pointer: every slot of a whole aggregate.
    pub(super) fn raceaccess_ptr(&mut self, g: &GState, obj: Handle, slot: u32, write: bool) {
        if slot != WHOLE {
            return self.raceaccess(g, Addr::Slot(obj, slot), write);
        }
        if write {
            let n = self.heap.slots(obj).len().min(64) as u32;
            for s in 0..n.max(1) {
                self.raceaccess(g, Addr::Slot(obj, s), true);
            }
        }
    }

    fn intern_stack(&self, r: &mut RaceState, g: &GState) -> u32 {
        r.scratch.clear();
        r.scratch.extend(g.frames.iter().rev().filter(|f| !matches!(f.kind, FrameKind::PanicPrint(_))).map(|f| (f.func, f.ip)));
        if let Some(&id) = r.stack_ids.get(&r.scratch[..]) {
            return id;
        }
        let id = r.stacks.len() as u32;
        let s: Box<[(u32, u32)]> = r.scratch.clone().into_boxed_slice();
        r.stacks.push(s.clone());
        r.stack_ids.insert(s, id);
        id
    }

    /// Go's report of `race`, `==================` to `==================`.
    fn race_report(&self, r: &RaceState, race: &Race<Addr>) -> String {
        let path = &self.prog.path;
        let mut out = String::from("==================\nWARNING: DATA RACE\n");
        let who = |g: GoId| if g == 1 { "main goroutine".to_string() } else { format!("goroutine {g}") };
        let access = |out: &mut String, a: &Access, prev: bool| {
            let kind = match (prev, a.write) {
                (false, true) => "Write",
                (false, false) => "Read",
                (true, true) => "Previous write",
                (true, false) => "Previous read",
            };
            out.push_str(&format!("{kind} at {} by {}:\n", race.addr.text(), who(a.goid)));
            for &(f, ip) in r.stacks.get(a.stack as usize).map_or(&[][..], |s| &s[..]) {
                let t = self.trace_frame(f, ip);
                out.push_str(&format!("  {}()\n      {path}:{} +0x{:x}\n", t.func, t.line, 0x20 + ip as u64 * 4));
            }
            if let Some(t) = r.gos.get(&a.goid).and_then(|x| x.wrap.as_ref()) {
                out.push_str(&format!("  {}()\n      {path}:{} +0x{:x}\n", t.func, t.line, 0x30 + t.line as u64 * 4));
            }
            out.push('\n');
        };
        access(&mut out, &race.cur, false);
        access(&mut out, &race.prev, true);
        let mut shown = Vec::new();
        for g in [race.cur.goid, race.prev.goid] {
            if g == 1 || shown.contains(&g) {
                continue;
            }
            shown.push(g);
            let info = r.gos.get(&g).cloned().unwrap_or_default();
            let state = if info.finished { "finished" } else { "running" };
            out.push_str(&format!("Goroutine {g} ({state}) created at:\n"));
            for t in &info.created {
                out.push_str(&format!("  {}()\n      {path}:{} +0x{:x}\n", t.func, t.line, 0x40 + t.line as u64 * 4));
            }
            out.push('\n');
        }
        out.pop();
        out.push_str("==================\n");
        out
    }

    /// The races reported so far, for a UI.
    pub fn race_reports(&self) -> Vec<DataRace> {
        self.race.as_ref().map_or(Vec::new(), |r| r.reports.clone())
    }

    /// The lost updates found so far, when the run watches for them.
    pub fn lost_updates(&self) -> &[LostUpdate] {
        self.race.as_ref().and_then(|r| r.lost.as_deref()).map_or(&[], |l| &l.reports[..])
    }

    /// Races reported so far (0 without the detector).
    pub fn races_found(&self) -> u32 {
        self.race.as_ref().map_or(0, |r| r.found)
    }
}
