//! Run queues, as proc.go has them: a P's local ring of 256 with its
//! `runnext` slot (`runqput`, `runqputslow`, `runqsteal`/`runqgrab`) and the
//! global queue (`globrunqput`, `globrunqget`, `globrunqgetbatch`).
//!
//! Taking a G off a queue to run it is done by `execute` (proc.rs), in the
//! same step as the status change, so that no event ever shows a runnable G
//! outside every queue.

use super::Sched;
use super::g::{GIdx, GStatus};
use super::p::RUNQ_LEN;
use crate::event::{EventKind, PutCause, QueueSlot};

/// What `runqsteal` achieved.
pub(crate) enum StealResult {
    /// Stole; this G (now at the thief's local tail) runs next.
    Got(GIdx),
    /// Only the victim's runnext was there and its P is running: Go sleeps
    /// 3µs first, so that P gets a chance to run it itself.
    Backoff,
    Nothing,
}

impl Sched {
    /// Marks G `g` runnable: whatever M ran it lets go, and a G that was
    /// dead (just created) starts counting as a goroutine.
    fn make_runnable(&mut self, g: GIdx) {
        let Some(gr) = self.gs.get_mut(g as usize) else { return };
        if gr.status == GStatus::Dead && !gr.system {
            self.ngoroutines += 1;
        }
        gr.status = GStatus::Runnable;
        gr.waitreason = Default::default();
        if let Some(m) = gr.m.take()
            && let Some(mm) = self.ms.get_mut(m as usize)
            && mm.curg == Some(g)
        {
            mm.curg = None;
        }
    }

    fn push_local_tail(&mut self, p: usize, g: GIdx) {
        let pp = &mut self.ps[p];
        pp.runq[(pp.runqtail % RUNQ_LEN) as usize] = g;
        pp.runqtail = pp.runqtail.wrapping_add(1);
    }

    /// `runqput`: puts `g` on P `p`'s local queue; with `next`, into
    /// runnext, kicking the old runnext G to the tail. A full queue spills
    /// half of itself to the global queue (`runqputslow`).
    pub(crate) fn runqput(&mut self, p: u32, g: GIdx, next: bool, cause: PutCause) {
        let pi = p as usize;
        if next {
            if let Some(old) = self.ps[pi].runnext {
                // Go swaps first and then queues the old one; the result
                // is the same, and this order keeps every event consistent.
                if self.ps[pi].runq_len() < RUNQ_LEN {
                    self.ps[pi].runnext = None;
                    self.push_local_tail(pi, old);
                    let og = self.goid(old);
                    self.emit(EventKind::RunnextKick { p, g: og });
                } else {
                    self.runqputslow(p, old, cause);
                }
            }
            self.make_runnable(g);
            self.ps[pi].runnext = Some(g);
            let goid = self.goid(g);
            self.emit(EventKind::RunqPut { g: goid, p: Some(p), slot: QueueSlot::Runnext, cause });
            return;
        }
        if self.ps[pi].runq_len() < RUNQ_LEN {
            self.make_runnable(g);
            self.push_local_tail(pi, g);
            let goid = self.goid(g);
            self.emit(EventKind::RunqPut { g: goid, p: Some(p), slot: QueueSlot::LocalTail, cause });
        } else {
            self.runqputslow(p, g, cause);
        }
    }

    /// `runqputslow`: moves the first half of P `p`'s full queue, then
    /// `g`, to the global queue.
    fn runqputslow(&mut self, p: u32, g: GIdx, cause: PutCause) {
        let pi = p as usize;
        let n = self.ps[pi].runq_len() / 2;
        for _ in 0..n {
            let pp = &mut self.ps[pi];
            let x = pp.runq[(pp.runqhead % RUNQ_LEN) as usize];
            pp.runqhead = pp.runqhead.wrapping_add(1);
            self.global.push_back(x);
        }
        if self.ps[pi].runnext == Some(g) {
            self.ps[pi].runnext = None;
        } else {
            self.make_runnable(g);
        }
        self.global.push_back(g);
        let goid = self.goid(g);
        // The moved Gs are the `n` before `g` at the global queue's tail.
        self.emit_with(|s| {
            let tail = s.global.len() - 1;
            let moved = s.global.range(tail - n as usize..tail).map(|&x| s.goid(x)).collect();
            EventKind::RunqPutSlow { p, moved, g: goid, cause }
        });
    }

    /// `globrunqput`: `g` to the tail of the global queue.
    pub(crate) fn globrunqput(&mut self, g: GIdx, cause: PutCause) {
        self.make_runnable(g);
        self.global.push_back(g);
        let goid = self.goid(g);
        self.emit(EventKind::RunqPut { g: goid, p: None, slot: QueueSlot::Global, cause });
    }

    /// `runqget`: runnext first (inheriting the time slice), then the head.
    pub(crate) fn runqget(&self, p: u32) -> Option<(GIdx, QueueSlot, bool)> {
        let pp = &self.ps[p as usize];
        if let Some(g) = pp.runnext {
            return Some((g, QueueSlot::Runnext, true));
        }
        pp.runq_items().next().map(|g| (g, QueueSlot::LocalHead, false))
    }

    /// `globrunqgetbatch`: moves up to half a local queue's worth (but no
    /// more than a fair share, `size/GOMAXPROCS + 1`) from the global
    /// queue to P `p`'s empty local queue; returns the first, to run.
    pub(crate) fn globrunqgetbatch(&mut self, p: u32) -> Option<GIdx> {
        let size = self.global.len() as u32;
        if size == 0 {
            return None;
        }
        let n = (RUNQ_LEN / 2).min(size).min(size / self.gomaxprocs() + 1);
        let mut gs = Vec::with_capacity(n as usize);
        for _ in 0..n {
            if let Some(g) = self.global.pop_front() {
                self.push_local_tail(p as usize, g);
                gs.push(g);
            }
        }
        let first = gs.first().copied();
        self.emit_with(|s| EventKind::GlobrunqBatch { p, gs: gs.iter().map(|&g| s.goid(g)).collect() });
        first
    }

    /// `runqsteal`/`runqgrab`: takes half (rounded up) of `victim`'s local
    /// queue onto `thief`'s; with `steal_runnext` and an empty queue, its
    /// runnext G instead.
    pub(crate) fn runqsteal(&mut self, thief: u32, victim: u32, steal_runnext: bool) -> StealResult {
        let (ti, vi) = (thief as usize, victim as usize);
        let len = self.ps[vi].runq_len();
        let n = len - len / 2;
        if n == 0 {
            if !steal_runnext {
                return StealResult::Nothing;
            }
            let Some(next) = self.ps[vi].runnext else { return StealResult::Nothing };
            if self.victim_about_to_run_next(vi) && self.ps[ti].backoff_done != Some(victim) {
                return StealResult::Backoff;
            }
            self.ps[vi].runnext = None;
            self.push_local_tail(ti, next);
            let id = self.goid(next);
            self.emit_with(|_| EventKind::Steal { thief, victim, gs: vec![id], from_runnext: true });
            return StealResult::Got(next);
        }
        let mut gs = Vec::with_capacity(n as usize);
        for _ in 0..n {
            let pp = &mut self.ps[vi];
            let g = pp.runq[(pp.runqhead % RUNQ_LEN) as usize];
            pp.runqhead = pp.runqhead.wrapping_add(1);
            gs.push(g);
        }
        for &g in &gs {
            self.push_local_tail(ti, g);
        }
        let last = *gs.last().unwrap_or(&0);
        self.emit_with(|s| EventKind::Steal { thief, victim, gs: gs.iter().map(|&g| s.goid(g)).collect(), from_runnext: false });
        StealResult::Got(last)
    }

    /// runqgrab's test for backing off: the victim P is running and its M
    /// is not in a syscall, so it is about to schedule its runnext itself.
    fn victim_about_to_run_next(&self, vi: usize) -> bool {
        let pp = &self.ps[vi];
        if pp.status != super::PStatus::Running {
            return false;
        }
        let Some(m) = pp.m else { return false };
        match self.ms.get(m as usize).and_then(|mm| mm.curg) {
            None => true,
            Some(g) => self.gs.get(g as usize).map(|g| g.status != GStatus::Syscall).unwrap_or(true),
        }
    }
}
