//! The scheduler proper, after `runtime/proc.go`: `newproc`/`newproc1`,
//! `goexit0`, `gopark`, `goready`, `schedule`, `findRunnable`, `execute`,
//! `startm`/`stopm`/`wakep`, `handoffp`, `entersyscall`/`exitsyscall`,
//! `sysmon`'s `retake`/`preemptone`, `checkdead`, and the discrete-event
//! loop that decides which actor moves next.

use super::g::{G, GIdx, GStatus, GoId, MIdx, STARTING_STACK_SIZE};
use super::m::M;
use super::p::{GFREE_KEEP, GFREE_SPILL, PStatus};
use super::runq::StealResult;
use super::time::{self, Timer, TimerWhat};
use super::{Chooser, Ending, Machine, RunResult, Sched, Stop, TimerAction, WaitReason};
use super::schedule::PRIORITY_BASE;
use crate::event::{EventKind, PutCause, QueueSlot, TimerTarget};
use crate::span::Span;
use std::rc::Rc;

/// Go's `_GoidCacheBatch`: a P reserves goids 16 at a time.
const GOID_CACHE_BATCH: u64 = 16;

/// What `findRunnable` came back with.
enum Find {
    G {
        g: GIdx,
        from: QueueSlot,
        inherit: bool,
    },
    /// Sleep 3µs before stealing a running P's runnext (runqgrab's usleep).
    Backoff,
    /// Nothing to do: the M gives up its P and sleeps.
    Idle,
}

/// The actors of the simulation, in tie-break order at equal times.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Actor {
    P(u32),
    SyscallExit(MIdx),
    Sysmon,
    Timer(u32),
}

impl Sched {
    /// Runs the program to its end: main returning, `os.Exit`, a deadlock.
    pub fn run(&mut self, machine: &mut dyn Machine) -> Ending {
        loop {
            if let Some(e) = self.step(machine) {
                return e;
            }
        }
    }

    /// One move of the simulation: the earliest actor acts (a P runs a
    /// slice or schedules, an M returns from a syscall, sysmon ticks, a
    /// timer fires). Returns the ending once there is one, and again on
    /// every later call. A session advances a run step by step.
    pub fn step(&mut self, machine: &mut dyn Machine) -> Option<Ending> {
        if let Some(f) = &self.fault {
            let e = Ending::Fault(f.clone());
            self.ending = Some(e.clone());
            return Some(e);
        }
        if let Some(e) = &self.ending {
            return Some(e.clone());
        }
        if let Some((p, _)) = self.cut {
            // The rest of the slice the host's budget cut: nothing else
            // has moved since, so its P still runs its G.
            let runs = self.ps.get(p as usize).and_then(|pp| pp.m).and_then(|m| self.ms.get(m as usize)).is_some_and(|m| m.curg.is_some());
            if !runs {
                self.cut = None;
                self.set_fault(format!("P{p}'s slice was cut, but it runs no G now"));
                return None;
            }
            self.step_p(p, machine);
            return None;
        }
        self.sysmon_wake_or_sleep();
        if !self.prio.is_empty() {
            self.prioritize();
        }
        let next = self.next_actor();
        // Only a configured signal is left to wake anyone: Go, which
        // has no timer for it, finds the deadlock now.
        let only_external = next.is_some_and(|(_, a, busy)| {
            matches!(a, Actor::Timer(_)) && !busy && !machine.waits_for_signals() && self.only_external_timers(machine)
        });
        let Some((t, actor, busy)) = next.filter(|_| !only_external) else {
            let e = match self.checkdead() {
                Ending::Deadlock { .. } if machine.waits_for_signals() => Ending::Hang,
                e => e,
            };
            self.ending = Some(e.clone());
            return Some(e);
        };
        if t > self.config.max_virtual_ns {
            let what = format!(
                "virtual time budget exceeded: the program's clock would pass {}",
                duration_string(self.config.max_virtual_ns)
            );
            let e = Ending::Budget { what, goid: self.waiting_for(actor) };
            self.ending = Some(e.clone());
            return Some(e);
        }
        match actor {
            Actor::P(p) => {
                self.now = t;
                if let Some(h) = self.held_since.get_mut(p as usize) {
                    *h = None;
                }
                self.step_p(p, machine);
            }
            Actor::SyscallExit(m) => {
                self.now = t;
                self.exitsyscall(m, machine);
            }
            Actor::Sysmon => {
                self.now = t;
                self.sysmon_tick();
            }
            Actor::Timer(p) => {
                if !busy && t > self.now {
                    // Nothing can run until this timer: the M sleeps in
                    // `netpoll`, whose epoll_wait counts whole
                    // milliseconds, and the clock jumps to its wake-up.
                    let from = self.now;
                    let to = from.saturating_add(time::netpoll_sleep(t - from));
                    self.now = to;
                    self.emit(EventKind::ClockJump { from, to });
                }
                self.now = self.now.max(t);
                self.timer_wake(p);
            }
        }
        None
    }

    /// The priority strategies' initial priorities: from the top, each
    /// rank goes to one of the Ps not ranked yet (a `Priority` choice).
    pub(crate) fn rank_ps(&mut self) {
        let n = self.ps.len();
        let mut left: Vec<usize> = (0..n).collect();
        self.prio = vec![0; n];
        self.held_since = vec![None; n];
        for rank in (0..n as u64).rev() {
            let i = self.chooser.priority(left.len() as u32) as usize;
            let p = left.remove(i.min(left.len() - 1));
            self.prio[p] = PRIORITY_BASE + rank;
        }
    }

    /// PCT's rule, "the highest-priority thread that can move moves", on
    /// Ps that run in parallel in virtual time (the priority strategies).
    /// Ps are the threads here: which G a P runs next is Go's own order
    /// (runnext, the local and global queues, stealing), which no strategy
    /// may change; which P moves first is the hardware's, and the OS
    /// decides it by taking cores away. So at each decision point (two Ps
    /// or more can move), a `Preempt` choice may drop the top P's priority
    /// (PCT's change point, a bounded search's preemption); then every
    /// other P that would move before the top P is held back: the OS
    /// stalls its M until just after the top P's time. A P held back for
    /// [`time::PRIORITY_HOLD_MAX_NS`] moves anyway (an OS does not starve
    /// a runnable thread for ever; a P spinning for a flag would otherwise
    /// wait for the step budget).
    fn prioritize(&mut self) {
        // `runtime.GOMAXPROCS` may have added Ps: they start at the
        // lowest initial priority.
        let n = self.ps.len();
        if self.prio.len() < n {
            self.prio.resize(n, PRIORITY_BASE);
            self.held_since.resize(n, None);
        }
        let (top, movable) = self.top_p();
        let Some(mut top) = top else { return };
        if movable < 2 {
            return;
        }
        // The last change point drawn for this decision wins (the
        // paper's k_i may coincide: the later assignment stands).
        let at = self.decisions;
        self.decisions += 1;
        let change = self.pct_changes.iter().rev().find(|(d, _)| *d == at).map_or(0, |&(_, v)| v);
        let drop = self.chooser.preempt(change);
        if drop > 0 {
            self.prio[top] = drop;
            top = self.top_p().0.unwrap_or(top);
        }
        let t = self.ps[top].now.max(self.now);
        for i in 0..self.ps.len() {
            if i == top || !self.p_is_active(i) {
                continue;
            }
            let ti = self.ps[i].now.max(self.now);
            // Ties go to the lower P number (`next_actor`).
            if (ti, i) > (t, top) {
                continue;
            }
            let now = self.now;
            let Some(since) = self.held_since.get_mut(i) else { continue };
            let since = *since.get_or_insert(now);
            if now.saturating_sub(since) < time::PRIORITY_HOLD_MAX_NS {
                self.ps[i].now = t.saturating_add(1);
            }
        }
    }

    /// The P that can move with the highest priority (the lower number
    /// among equals), and how many Ps can move.
    fn top_p(&self) -> (Option<usize>, usize) {
        let mut top: Option<usize> = None;
        let mut movable = 0;
        for i in 0..self.ps.len() {
            if self.p_is_active(i) {
                movable += 1;
                if top.is_none_or(|t| self.prio_of(i) > self.prio_of(t)) {
                    top = Some(i);
                }
            }
        }
        (top, movable)
    }

    /// P `p`'s priority under the priority strategies.
    fn prio_of(&self, p: usize) -> u64 {
        self.prio.get(p).copied().unwrap_or(PRIORITY_BASE)
    }

    /// The actor with the earliest time; also whether anything runs (a P
    /// or a syscall), which decides whether a timer is a clock jump.
    fn next_actor(&self) -> Option<(u64, Actor, bool)> {
        let mut best: Option<(u64, Actor)> = None;
        let consider = |t: u64, a: Actor, best: &mut Option<(u64, Actor)>| {
            if best.is_none_or(|b| (t, a) < b) {
                *best = Some((t, a));
            }
        };
        let mut busy = false;
        for (i, p) in self.ps.iter().enumerate() {
            if self.p_is_active(i) {
                busy = true;
                consider(p.now.max(self.now), Actor::P(i as u32), &mut best);
            }
        }
        for (i, m) in self.ms.iter().enumerate() {
            if let Some(t) = m.syscall_end {
                busy = true;
                consider(t.max(self.now), Actor::SyscallExit(i as MIdx), &mut best);
            }
        }
        if !self.sysmon.asleep {
            consider(self.sysmon.next.max(self.now), Actor::Sysmon, &mut best);
        }
        if !self.pidle.is_empty() {
            // A due timer wakes an idle P to run it (sysmon's startm for
            // timers, or netpoll returning at the timer's time).
            let mut earliest: Option<(u64, u32)> = None;
            for (i, p) in self.ps.iter().enumerate() {
                if let Some(w) = p.timers.peek_when()
                    && earliest.is_none_or(|e| (w, i as u32) < e)
                {
                    earliest = Some((w, i as u32));
                }
            }
            if let Some((w, p)) = earliest {
                // While a P runs, the timer waits for netpoll to return.
                let late = if busy { self.netpoll_late } else { 0 };
                consider(w.saturating_add(late).max(self.now), Actor::Timer(p), &mut best);
            }
        }
        best.map(|(t, a)| (t, a, busy))
    }

    /// A P that moves by itself: held by an M that is not in a syscall.
    fn p_is_active(&self, p: usize) -> bool {
        let pp = &self.ps[p];
        if pp.status != PStatus::Running {
            return false;
        }
        let Some(m) = pp.m else { return false };
        let Some(mm) = self.ms.get(m as usize) else { return false };
        match mm.curg {
            Some(g) => self.gs.get(g as usize).is_some_and(|g| g.status != GStatus::Syscall),
            None => true,
        }
    }

    /// One move of P `p`: apply what its G did last, run its G for a slice,
    /// or schedule.
    fn step_p(&mut self, p: u32, machine: &mut dyn Machine) {
        let pi = p as usize;
        let Some(m) = self.ps[pi].m else { return };
        if self.cut.is_none()
            && let Some(stop) = self.ps[pi].pending.take()
        {
            // The G stopped at the operation: its position is the operation's.
            let g = self.ms[m as usize].curg;
            self.set_pos_of(g, machine);
            let exits = matches!(stop, Stop::Return | Stop::Goexit);
            self.apply_stop(p, m, stop, machine);
            self.pos = None;
            if exits {
                self.schedule_after_exit(p, m, machine);
            }
            return;
        }
        match self.ms[m as usize].curg {
            Some(g) => {
                // The chooser is lent to the Machine for the call; a
                // stand-in holds its place (nothing draws from `&Sched`).
                let mut chooser;
                let slice = match self.cut.take() {
                    // A cut slice goes on: the same call again, with the
                    // same slice length (nothing else has moved).
                    Some((_, slice)) => {
                        chooser = std::mem::replace(&mut self.chooser, Chooser::stand_in());
                        slice
                    }
                    None => {
                        if self.gs[g as usize].system && !machine.runs_system(self.gs[g as usize].goid) {
                            // A runtime goroutine: nothing to do yet, it parks.
                            let reason = self.system_park.get(&g).copied().unwrap_or(WaitReason::Zero);
                            self.gopark(m, g, reason);
                            return;
                        }
                        if self.gs[g as usize].preempt {
                            // The G reached a safe point with a preemption request:
                            // gopreempt_m -> goschedImpl(gp, true).
                            self.globrunqput(g, PutCause::Preempt);
                            self.wakep();
                            return;
                        }
                        self.steps += 1;
                        if self.steps > self.config.max_steps {
                            self.ending = Some(Ending::Limit(format!("step budget exceeded: more than {} machine steps", self.config.max_steps)));
                            return;
                        }
                        self.running_p = p;
                        chooser = std::mem::replace(&mut self.chooser, Chooser::stand_in());
                        let quantum = self.config.quantum_ns.clamp(1, u32::MAX as u64) as u32;
                        if self.jittery() { chooser.slice_length(quantum) } else { quantum }
                    }
                };
                let goid = self.gs[g as usize].goid;
                let r = machine.run(self, &mut chooser, goid, self.ps[pi].now, slice as u64);
                self.chooser = chooser;
                if matches!(r.stop, Stop::Cut) {
                    self.cut = Some((p, slice));
                    return;
                }
                self.end_slice(p, m, g, r, machine);
            }
            None => self.schedule(p, m, machine),
        }
    }

    /// What follows G `g`'s slice on P `p`, M `m`: its events, then its
    /// time or its operation.
    #[inline(always)]
    fn end_slice(&mut self, p: u32, m: MIdx, g: GIdx, r: RunResult, machine: &mut dyn Machine) {
        let pi = p as usize;
        for (kind, pos) in machine.take_events() {
            self.pos = pos;
            self.emit(kind);
        }
        self.set_pos_of(Some(g), machine);
        if matches!(r.stop, Stop::Continue) {
            // A G that keeps running must make progress in virtual time.
            let (uneven, stall) = self.work_jitter(r.used_ns);
            let used = r.used_ns.max(1) + uneven + stall;
            self.ps[pi].now = self.ps[pi].now.saturating_add(used);
        } else if r.used_ns == 0 {
            // An operation at this instant: this P's clock is the
            // earliest, so applying it now keeps causality exact.
            let exits = matches!(r.stop, Stop::Return | Stop::Goexit);
            self.apply_stop(p, m, r.stop, machine);
            if exits {
                self.pos = None;
                self.schedule_after_exit(p, m, machine);
            }
        } else {
            // Work then an operation in one call: the operation is
            // applied when the work is done (see Machine::run).
            let (uneven, stall) = self.work_jitter(r.used_ns);
            let (used, stop) = match r.stop {
                // The OS took the core away inside write(2), before the
                // bytes landed: the M sits in the system call (its P in
                // _Psyscall, which sysmon may retake) and the bytes land
                // when it returns (`exitsyscall`).
                Stop::Write if stall > 0 => (r.used_ns + uneven, Stop::Syscall { duration_ns: stall }),
                stop => (r.used_ns + uneven + stall, stop),
            };
            self.ps[pi].now = self.ps[pi].now.saturating_add(used);
            self.ps[pi].pending = Some(stop);
        }
        self.pos = None;
    }

    /// `goexit0` ends in `schedule`, as Go's does. The main loop would
    /// come back to this P at once (an exit moves no other actor and
    /// leaves this P's clock where it was, the earliest), so it schedules
    /// here unless the exit changed more: the process ended, or a locked
    /// M died and gave its P away.
    fn schedule_after_exit(&mut self, p: u32, m: MIdx, machine: &mut dyn Machine) {
        let pp = &self.ps[p as usize];
        if self.ending.is_none()
            && self.fault.is_none()
            && pp.status == PStatus::Running
            && pp.m == Some(m)
            && pp.pending.is_none()
            && self.ms[m as usize].curg.is_none()
            && !self.ms[m as usize].dead
        {
            self.schedule(p, m, machine);
        }
    }

    /// G `g`'s position in the program, when events are recorded.
    fn position_of(&self, g: GIdx, machine: &dyn Machine) -> Option<Span> {
        if !self.config.record_events {
            return None;
        }
        machine.position(self.gs.get(g as usize)?.goid)
    }

    /// Sets the position later events carry to G `g`'s. When nothing
    /// records events it stays `None`, untouched: writing a fresh `None`
    /// on every step stalled the CPU (a narrow store read back wide).
    #[inline]
    fn set_pos_of(&mut self, g: Option<GIdx>, machine: &dyn Machine) {
        if self.config.record_events {
            self.pos = g.and_then(|g| self.position_of(g, machine));
        }
    }

    /// `runtime.GOMAXPROCS(n)` from the G on M `m`, P `p`: stop the world
    /// (other running Gs go back to their P's runnext, as a preemption for
    /// a stop-the-world does; their Ms stop; Ps in syscalls are taken),
    /// `procresize` (destroyed Ps' Gs go to the global queue's head, their
    /// timers to the current P), then start the world: Ps with work get an
    /// M, the rest go idle. An operation another P had pending is applied
    /// first, at this time.
    fn procresize(&mut self, p: u32, m: MIdx, n: u32, machine: &mut dyn Machine) {
        let old = self.gomaxprocs();
        if n == 0 || n == old {
            return;
        }
        // A GOMAXPROCS call pending on another P is served after this one.
        let mut then = None;
        // Stop the world.
        for q in 0..old {
            if q == p {
                continue;
            }
            let qi = q as usize;
            match (self.ps[qi].pending.take(), self.ps[qi].m) {
                (Some(Stop::SetGomaxprocs(n2)), _) => then = Some(n2),
                (Some(stop), Some(mq)) => self.apply_stop(q, mq, stop, machine),
                _ => {}
            }
            if self.ending.is_some() || self.fault.is_some() {
                return;
            }
            if self.ps[qi].status == PStatus::Idle {
                self.pidle.retain(|&x| x != q);
                continue;
            }
            let Some(mq) = self.ps[qi].m else { continue };
            match self.ms[mq as usize].curg {
                Some(g2) if self.gs[g2 as usize].status == GStatus::Syscall => {
                    self.ms[mq as usize].oldp = Some(q);
                    self.releasep(mq, q, true);
                    continue;
                }
                Some(g2) => self.runqput(q, g2, true, PutCause::Preempt),
                None => {}
            }
            if self.ms[mq as usize].spinning {
                self.ms[mq as usize].spinning = false;
                self.nmspinning = self.nmspinning.saturating_sub(1);
                self.emit(EventKind::MSpinning { m: mq, spinning: false });
            }
            self.releasep(mq, q, false);
            self.stopm(mq);
        }
        // Grow.
        if n > old {
            for id in old..n {
                let mut np = super::p::P::new(id);
                np.now = self.now;
                self.ps.push(np);
            }
            self.emit(EventKind::ProcResize { old, new: n });
        }
        // The current M moves to P0 if its P goes away.
        let mut cur = p;
        if p >= n {
            // One step (acquirep releases the old P): the running G is
            // never without a P.
            let pp = &mut self.ps[p as usize];
            pp.status = PStatus::Idle;
            pp.m = None;
            pp.pending = None;
            self.acquirep(m, 0);
            self.ps[0].now = self.now;
            cur = 0;
        }
        // Shrink: destroy the Ps past n.
        if n < old {
            for q in n..old {
                let qi = q as usize;
                let mut gs = Vec::new();
                if let Some(g) = self.ps[qi].runnext.take() {
                    gs.push(g);
                }
                gs.extend(self.ps[qi].runq_items());
                self.ps[qi].runqhead = self.ps[qi].runqtail;
                for &g in gs.iter().rev() {
                    self.global.push_front(g);
                }
                let timers = std::mem::take(&mut self.ps[qi].timers);
                for t in timers.sorted() {
                    self.ps[cur as usize].timers.push(t);
                }
                let gfree = std::mem::take(&mut self.ps[qi].gfree);
                self.gfree_global.extend(gfree);
                self.ps[qi].status = PStatus::Dead;
                for mm in &mut self.ms {
                    if mm.oldp == Some(q) {
                        mm.oldp = None;
                    }
                }
                self.emit_with(|s| EventKind::PDestroy { p: q, gs: gs.iter().map(|&g| s.goid(g)).collect(), timers_to: cur });
            }
            self.ps.truncate(n as usize);
            self.emit(EventKind::ProcResize { old, new: n });
        }
        // Start the world: Ps with work get an M, the others idle.
        for q in 0..n {
            if q == cur {
                continue;
            }
            if self.ps[q as usize].runq_empty() {
                self.pidle.push(q);
            }
        }
        for q in 0..n {
            if q != cur && !self.ps[q as usize].runq_empty() {
                self.startm(q, false, true);
            }
        }
        self.wakep();
        if let Some(n2) = then {
            self.procresize(cur, m, n2, machine);
        }
    }

    /// Removes runtime timer `id` from whichever P holds it.
    fn stop_timer(&mut self, id: u64) {
        for p in 0..self.ps.len() {
            if self.ps[p].timers.remove_func(id) {
                self.emit(EventKind::TimerStop { p: p as u32, id });
                return;
            }
        }
    }

    /// Applies what the G running on M `m` (P `p`) did, at the P's time.
    fn apply_stop(&mut self, p: u32, m: MIdx, stop: Stop, machine: &mut dyn Machine) {
        let Some(g) = self.ms[m as usize].curg else {
            self.set_fault(format!("M{m} on P{p} has a pending {stop:?} but no G"));
            return;
        };
        let goid = self.gs[g as usize].goid;
        match stop {
            Stop::Continue => {}
            // `end_slice` keeps a cut slice for the next step.
            Stop::Cut => self.set_fault(format!("G{goid} on P{p} was cut but not resumed")),
            Stop::Write => self.commit_write(goid, machine),
            Stop::Gosched => {
                self.globrunqput(g, PutCause::Gosched);
                self.wakep();
            }
            Stop::Park(reason) => {
                if self.config.record_events {
                    self.park_on = machine.waiting_on(goid);
                }
                self.gopark(m, g, reason);
                self.park_on.clear();
            }
            Stop::Ready(target) => match self.goid_index.get(&target).copied() {
                Some(t) if self.gs[t as usize].status == GStatus::Waiting && self.gs[t as usize].goid == target => {
                    self.goready(t, p)
                }
                _ => self.set_fault(format!("goready: goroutine {target} is not waiting")),
            },
            Stop::Newproc { func, pos } => {
                if !self.may_start_goroutine(goid) {
                    return;
                }
                let child = self.newproc1(goid, func, pos, p);
                self.runqput(p, child, true, PutCause::Newproc);
                self.wakep();
                let cid = self.gs[child as usize].goid;
                machine.newproc(goid, cid);
            }
            Stop::Syscall { duration_ns } => {
                self.gs[g as usize].status = GStatus::Syscall;
                self.ms[m as usize].syscall_end = Some(self.now.saturating_add(duration_ns));
                self.ps[p as usize].syscalltick = self.ps[p as usize].syscalltick.wrapping_add(1);
                self.emit(EventKind::EnterSyscall { g: goid, m, p });
            }
            Stop::Sleep { duration_ns } => {
                if duration_ns == 0 {
                    return;
                }
                let when = self.now.saturating_add(duration_ns);
                self.gopark(m, g, WaitReason::Sleep);
                // park_m's resetForSleep: the timer goes on this P's heap.
                self.timer_seq += 1;
                let seq = self.timer_seq;
                self.ps[p as usize].timers.push(Timer { when, seq, what: TimerWhat::Sleep(g) });
                self.emit(EventKind::TimerSet { p, target: TimerTarget::Sleep(goid), when });
            }
            Stop::TimerStart { id, delay_ns } => {
                // Re-arming a pending timer moves it (Timer.Reset).
                self.stop_timer(id);
                let when = self.now.saturating_add(delay_ns);
                self.timer_seq += 1;
                let seq = self.timer_seq;
                self.ps[p as usize].timers.push(Timer { when, seq, what: TimerWhat::Func(id) });
                self.emit(EventKind::TimerSet { p, target: TimerTarget::Func(id), when });
            }
            Stop::TimerStop { id } => self.stop_timer(id),
            Stop::ReadyMany(targets) => {
                for target in targets {
                    match self.goid_index.get(&target).copied() {
                        Some(t) if self.gs[t as usize].status == GStatus::Waiting => self.goready(t, p),
                        _ => {
                            self.set_fault(format!("goready: goroutine {target} is not waiting"));
                            return;
                        }
                    }
                }
            }
            Stop::SetGomaxprocs(n) => self.procresize(p, m, n, machine),
            Stop::GrowStack { needed } => {
                let old = self.gs[g as usize].stack_size;
                if needed <= old {
                    return;
                }
                self.gs[g as usize].status = GStatus::Copystack;
                self.emit(EventKind::GoStatus { g: goid, from: GStatus::Running, to: GStatus::Copystack });
                let mut new = old.max(1);
                while new < needed {
                    new = new.saturating_mul(2);
                }
                self.gs[g as usize].stack_size = new;
                self.gs[g as usize].status = GStatus::Running;
                self.emit(EventKind::StackCopy { g: goid, old_size: old, new_size: new });
            }
            Stop::Gc { leaked } => {
                self.gc_mark_waitsince();
                for l in leaked {
                    self.set_leaked(l, true);
                }
            }
            Stop::LockOSThread => {
                self.gs[g as usize].lockedm = Some(m);
                self.ms[m as usize].lockedg = Some(g);
                self.emit(EventKind::LockOSThread { g: goid, m });
            }
            Stop::UnlockOSThread => {
                self.gs[g as usize].lockedm = None;
                self.ms[m as usize].lockedg = None;
                self.emit(EventKind::UnlockOSThread { g: goid, m });
            }
            Stop::Return if goid == 1 => self.ending = Some(Ending::Exit(0)),
            Stop::Return => self.goexit0(p, m, g),
            Stop::Goexit => {
                if goid == 1 {
                    self.main_goexited = true;
                }
                self.goexit0(p, m, g);
            }
            Stop::Exit(code) => self.ending = Some(Ending::Exit(code)),
        }
    }

    /// `newproc1`: a G for `func`, reusing a dead one when the free list
    /// has one (`gfget`), with the next goid from P `p`'s cache. It stays
    /// `_Gdead` until the caller's runqput makes it runnable.
    pub(crate) fn newproc1(&mut self, parent: GoId, func: Rc<str>, pos: Span, p: u32) -> GIdx {
        let pi = p as usize;
        if self.ps[pi].goidcache == self.ps[pi].goidcacheend {
            self.goidgen += GOID_CACHE_BATCH;
            self.ps[pi].goidcache = self.goidgen - (GOID_CACHE_BATCH - 1);
            self.ps[pi].goidcacheend = self.ps[pi].goidcache + GOID_CACHE_BATCH;
        }
        let goid = self.ps[pi].goidcache;
        self.ps[pi].goidcache += 1;
        let start_fn = self.intern(&func);
        let (g, reused) = match self.gfget(p) {
            Some(g) => (g, true),
            None => {
                self.gs.push(G { stack_size: STARTING_STACK_SIZE, ..G::default() });
                ((self.gs.len() - 1) as GIdx, false)
            }
        };
        let old = self.gs[g as usize].goid;
        if reused {
            self.goid_index.remove(&old);
        }
        let stack_size = self.gs[g as usize].stack_size;
        self.gs[g as usize] =
            G { goid, status: GStatus::Dead, parent_goid: parent, gopc: pos, start_fn, stack_size, ..G::default() };
        self.goid_index.insert(goid, g);
        self.emit_with(move |_| EventKind::GoCreate { parent, child: goid, p, func, pos, reused });
        g
    }

    /// Whether goroutine `parent` may start one more: otherwise the run
    /// ends at the goroutine budget it would exceed (alive at once, or
    /// started in all).
    fn may_start_goroutine(&mut self, parent: GoId) -> bool {
        let what = if self.ngoroutines >= self.config.max_goroutines {
            format!("goroutine budget exceeded: more than {} goroutines alive at once", self.config.max_goroutines)
        } else if self.created >= self.config.max_goroutines_created {
            format!("goroutine budget exceeded: more than {} goroutines started in all", self.config.max_goroutines_created)
        } else {
            self.created += 1;
            return true;
        };
        if self.ending.is_none() {
            self.ending = Some(Ending::Budget { what, goid: parent });
        }
        false
    }

    /// The goroutine that `actor` moving next is waiting for: the sleeper
    /// a timer wakes (0 if none).
    fn waiting_for(&self, actor: Actor) -> GoId {
        let timer = match actor {
            Actor::Timer(p) => self.ps[p as usize].timers.sorted().first().copied(),
            _ => None,
        };
        match timer.map(|t| t.what) {
            Some(TimerWhat::Sleep(g)) => self.gs.get(g as usize).map_or(0, |g| g.goid),
            _ => 0,
        }
    }

    /// `gfget`: a dead G from P `p`'s free list, refilled from the global
    /// one (32 at a time) when empty.
    fn gfget(&mut self, p: u32) -> Option<GIdx> {
        let pi = p as usize;
        if self.ps[pi].gfree.is_empty() {
            while self.ps[pi].gfree.len() < GFREE_KEEP {
                let Some(g) = self.gfree_global.pop() else { break };
                self.ps[pi].gfree.push(g);
            }
        }
        self.ps[pi].gfree.pop()
    }

    /// `gfput`: onto P `p`'s free list; past 64, half goes global.
    fn gfput(&mut self, p: u32, g: GIdx) {
        let pi = p as usize;
        // A stack that grew is freed; the reused G starts at 2 KB again.
        self.gs[g as usize].stack_size = STARTING_STACK_SIZE;
        self.ps[pi].gfree.push(g);
        if self.ps[pi].gfree.len() >= GFREE_SPILL {
            while self.ps[pi].gfree.len() >= GFREE_KEEP {
                let Some(x) = self.ps[pi].gfree.pop() else { break };
                self.gfree_global.push(x);
            }
        }
    }

    /// `goexit0`: the G dies and goes on the free list. An M whose locked
    /// G exits without unlocking is destroyed (its P is handed off).
    fn goexit0(&mut self, p: u32, m: MIdx, g: GIdx) {
        let goid = self.gs[g as usize].goid;
        let locked = self.gs[g as usize].lockedm.take() == Some(m);
        {
            let gr = &mut self.gs[g as usize];
            gr.status = GStatus::Dead;
            gr.m = None;
            gr.preempt = false;
            gr.waitreason = WaitReason::Zero;
        }
        if !self.gs[g as usize].system {
            self.ngoroutines = self.ngoroutines.saturating_sub(1);
        }
        self.ms[m as usize].curg = None;
        if self.ms[m as usize].lockedg == Some(g) {
            self.ms[m as usize].lockedg = None;
        }
        self.gfput(p, g);
        self.emit(EventKind::GoExit { g: goid, p });
        if locked {
            self.releasep(m, p, true);
            self.ms[m as usize].dead = true;
            self.emit(EventKind::MDestroy { m });
            self.handoffp(p);
        }
    }

    /// `gopark`: the running G waits. Its M schedules next (a locked M
    /// then stops instead: see `schedule`).
    fn gopark(&mut self, m: MIdx, g: GIdx, reason: WaitReason) {
        let now = self.now;
        let gr = &mut self.gs[g as usize];
        gr.status = GStatus::Waiting;
        gr.waitreason = reason;
        gr.parked_at = now;
        gr.m = None;
        let goid = gr.goid;
        self.ms[m as usize].curg = None;
        self.emit_with(move |s| EventKind::GoPark { g: goid, reason, on: s.park_on.clone() });
    }

    /// `stoplockedm`: an M locked to a G that is not running cannot run
    /// anything else: it hands its P off and sleeps until its G is
    /// scheduled somewhere (`startlockedm` then brings it that P).
    fn stoplockedm(&mut self, p: u32, m: MIdx) {
        self.releasep(m, p, true);
        self.stopm(m);
        self.handoffp(p);
    }

    /// `goready`/`ready`: into runnext of the P doing the waking, then
    /// maybe wake an idle P to steal the displaced work.
    pub(crate) fn goready(&mut self, g: GIdx, p: u32) {
        self.runqput(p, g, true, PutCause::Ready);
        self.wakep();
    }

    /// `schedule`: find a G and run it, or let the P go idle.
    fn schedule(&mut self, p: u32, m: MIdx, machine: &mut dyn Machine) {
        if self.ms[m as usize].lockedg.is_some() {
            self.stoplockedm(p, m);
            return;
        }
        self.steps += 1;
        if self.steps > self.config.max_steps {
            self.ending = Some(Ending::Limit(format!("step budget exceeded: more than {} scheduling rounds", self.config.max_steps)));
            return;
        }
        match self.find_runnable(p, m, machine) {
            Find::G { g, from, inherit } => {
                self.ps[p as usize].backoff_done = None;
                if self.ms[m as usize].spinning {
                    self.resetspinning(m);
                }
                // Execute is stamped with where the G resumes.
                self.set_pos_of(Some(g), machine);
                match self.gs[g as usize].lockedm {
                    Some(m2) if m2 != m => self.startlockedm(p, m, m2, g, from, inherit),
                    _ => self.execute(p, m, g, from, inherit),
                }
                self.pos = None;
            }
            Find::Backoff => {
                let pp = &mut self.ps[p as usize];
                pp.now = pp.now.max(self.now) + time::STEAL_RUNNEXT_BACKOFF_NS;
            }
            Find::Idle => {
                self.ps[p as usize].backoff_done = None;
                if self.ms[m as usize].spinning {
                    self.ms[m as usize].spinning = false;
                    self.nmspinning = self.nmspinning.saturating_sub(1);
                    self.emit(EventKind::MSpinning { m, spinning: false });
                }
                self.releasep(m, p, false);
                self.pidle.push(p);
                self.stopm(m);
                self.draw_netpoll_late();
            }
        }
    }

    /// `findRunnable`, in Go's order.
    fn find_runnable(&mut self, p: u32, m: MIdx, machine: &mut dyn Machine) -> Find {
        self.check_timers(p, p, machine);
        // Every 61st tick, the global queue first: fairness against two Gs
        // that keep the local queue full by respawning each other.
        if self.ps[p as usize].schedtick.is_multiple_of(61)
            && let Some(&g) = self.global.front()
        {
            return Find::G { g, from: QueueSlot::Global, inherit: false };
        }
        if let Some((g, from, inherit)) = self.runqget(p) {
            return Find::G { g, from, inherit };
        }
        if let Some(g) = self.globrunqgetbatch(p) {
            return Find::G { g, from: QueueSlot::LocalHead, inherit: false };
        }
        // Limit spinning Ms to half the busy Ps.
        let busy = self.gomaxprocs() - self.pidle.len() as u32;
        if self.ms[m as usize].spinning || 2 * self.nmspinning < busy {
            if !self.ms[m as usize].spinning {
                self.ms[m as usize].spinning = true;
                self.nmspinning += 1;
                self.emit(EventKind::MSpinning { m, spinning: true });
            }
            if let Some(f) = self.steal_work(p, machine) {
                return f;
            }
        }
        Find::Idle
    }

    /// `stealWork`: four passes over all Ps in a random order
    /// (`stealOrder`); the last pass also runs their due timers and may
    /// take a runnext.
    fn steal_work(&mut self, p: u32, machine: &mut dyn Machine) -> Option<Find> {
        const STEAL_TRIES: u32 = 4;
        let n = self.gomaxprocs();
        for i in 0..STEAL_TRIES {
            let last = i == STEAL_TRIES - 1;
            let seed = self.chooser.steal_order();
            for victim in steal_order(n, seed) {
                if victim == p {
                    continue;
                }
                if last
                    && self.check_timers(victim, p, machine)
                    && let Some((g, from, inherit)) = self.runqget(p)
                {
                    return Some(Find::G { g, from, inherit });
                }
                if self.ps[victim as usize].status != PStatus::Idle {
                    match self.runqsteal(p, victim, last) {
                        StealResult::Got(g) => return Some(Find::G { g, from: QueueSlot::LocalTail, inherit: false }),
                        StealResult::Backoff => {
                            self.ps[p as usize].backoff_done = Some(victim);
                            return Some(Find::Backoff);
                        }
                        StealResult::Nothing => {}
                    }
                }
            }
        }
        None
    }

    /// Runs P `owner`'s due timers; the Gs they wake or start go to P `onto`.
    fn check_timers(&mut self, owner: u32, onto: u32, machine: &mut dyn Machine) -> bool {
        let mut ran = false;
        while let Some(t) = self.ps[owner as usize].timers.pop_due(self.now) {
            ran = true;
            match t.what {
                TimerWhat::Sleep(g) => {
                    let goid = self.goid(g);
                    self.emit(EventKind::TimerFire { p: owner, target: TimerTarget::Sleep(goid) });
                    if self.gs.get(g as usize).map(|g| g.status) == Some(GStatus::Waiting) {
                        self.goready(g, onto);
                    } else {
                        self.set_fault(format!("timer fired for goroutine {goid}, which is not waiting"));
                    }
                }
                TimerWhat::Func(id) => {
                    self.emit(EventKind::TimerFire { p: owner, target: TimerTarget::Func(id) });
                    let actions = machine.timer_fired(&mut self.chooser, id, self.now);
                    // What a timer does is the runtime's doing: no position.
                    for (kind, _) in machine.take_events() {
                        self.emit(kind);
                    }
                    for action in actions {
                        match action {
                            TimerAction::Ready(goid) => match self.goid_index.get(&goid).copied() {
                                Some(g) if self.gs[g as usize].status == GStatus::Waiting => self.goready(g, onto),
                                _ => {
                                    self.set_fault(format!("timer {id} readied goroutine {goid}, which is not waiting"))
                                }
                            },
                            TimerAction::Rearm { id, when } => {
                                self.timer_seq += 1;
                                let seq = self.timer_seq;
                                self.ps[owner as usize].timers.push(Timer { when, seq, what: TimerWhat::Func(id) });
                                self.emit(EventKind::TimerSet { p: owner, target: TimerTarget::Func(id), when });
                            }
                            TimerAction::Go { func, pos, parent } => {
                                if !self.may_start_goroutine(parent) {
                                    return ran;
                                }
                                let child = self.newproc1(parent, func, pos, onto);
                                self.runqput(onto, child, true, PutCause::Newproc);
                                self.wakep();
                                let cid = self.gs[child as usize].goid;
                                machine.newproc(parent, cid);
                            }
                        }
                    }
                }
            }
        }
        ran
    }

    /// rt0_go's `mstart` -> `schedule` -> `execute` of the main goroutine.
    pub(crate) fn execute_main(&mut self, g: GIdx) {
        self.execute(0, 0, g, QueueSlot::Runnext, true);
    }

    /// `execute`: takes `g` from where findRunnable saw it and runs it.
    fn execute(&mut self, p: u32, m: MIdx, g: GIdx, from: QueueSlot, inherit: bool) {
        let pi = p as usize;
        let ok = match from {
            QueueSlot::Runnext => self.ps[pi].runnext.take() == Some(g),
            QueueSlot::LocalHead => {
                let pp = &mut self.ps[pi];
                let head = pp.runq_items().next();
                pp.runqhead = pp.runqhead.wrapping_add(1);
                head == Some(g)
            }
            QueueSlot::LocalTail => {
                let pp = &mut self.ps[pi];
                let n = pp.runq_len();
                let tail = if n > 0 { pp.runq_items().nth(n as usize - 1) } else { None };
                pp.runqtail = pp.runqtail.wrapping_sub(1);
                tail == Some(g)
            }
            QueueSlot::Global => self.global.pop_front() == Some(g),
        };
        if !ok {
            self.set_fault(format!("execute: G slot {g} was not at {from:?} of P{p}"));
            return;
        }
        let gr = &mut self.gs[g as usize];
        gr.status = GStatus::Running;
        gr.m = Some(m);
        gr.preempt = false;
        gr.waitsince = 0;
        let goid = gr.goid;
        self.ms[m as usize].curg = Some(g);
        if !inherit {
            self.ps[pi].schedtick = self.ps[pi].schedtick.wrapping_add(1);
        }
        self.emit(EventKind::Execute { g: goid, m, p, from, inherit_time: inherit });
    }

    /// `startlockedm`: `g` is locked to M `m2`; hand it this P and sleep.
    fn startlockedm(&mut self, p: u32, m: MIdx, m2: MIdx, g: GIdx, from: QueueSlot, inherit: bool) {
        self.releasep(m, p, true);
        self.stopm(m);
        self.ms[m2 as usize].idle = false;
        self.emit(EventKind::MStart { m: m2, new: false });
        self.acquirep(m2, p);
        self.execute(p, m2, g, from, inherit);
    }

    /// `resetspinning`: found work; if no one else spins, wake another P,
    /// as there may be more work.
    fn resetspinning(&mut self, m: MIdx) {
        self.ms[m as usize].spinning = false;
        self.nmspinning = self.nmspinning.saturating_sub(1);
        self.emit(EventKind::MSpinning { m, spinning: false });
        self.wakep();
    }

    /// `wakep`: with an idle P and no spinning M, start a spinning M.
    pub(crate) fn wakep(&mut self) {
        if self.nmspinning != 0 {
            return;
        }
        let Some(p) = self.pidle.pop() else { return };
        self.startm(p, true, true);
    }

    /// `startm`: an idle M (or a new one) takes P `p`. A woken thread runs
    /// a few µs later (seeded jitter); a timer wake-up is immediate.
    fn startm(&mut self, p: u32, spinning: bool, latency: bool) {
        let (m, new) = match self.midle.pop() {
            Some(m) => (m, false),
            None => (self.newm_raw(), true),
        };
        self.ms[m as usize].idle = false;
        self.emit(EventKind::MStart { m, new });
        self.acquirep(m, p);
        if spinning {
            self.ms[m as usize].spinning = true;
            self.nmspinning += 1;
            self.emit(EventKind::MSpinning { m, spinning: true });
        }
        let delay =
            if latency { self.chooser.wake_latency(time::WAKE_LATENCY_MIN_NS, time::WAKE_LATENCY_OCTAVES) } else { 0 };
        let pp = &mut self.ps[p as usize];
        pp.now = self.now + delay;
        pp.pending = None;
        pp.backoff_done = None;
    }

    fn newm_raw(&mut self) -> MIdx {
        let id = self.ms.len() as MIdx;
        self.ms.push(M::default());
        id
    }

    /// M0, created running (used once, at start).
    pub(crate) fn newm(&mut self) -> MIdx {
        let m = self.newm_raw();
        self.emit(EventKind::MStart { m, new: true });
        m
    }

    /// `stopm`: the M parks. A locked M does not join the idle list: only
    /// its own G can wake it.
    fn stopm(&mut self, m: MIdx) {
        self.ms[m as usize].idle = true;
        if self.ms[m as usize].lockedg.is_none() {
            self.midle.push(m);
        }
        self.emit(EventKind::MStop { m });
    }

    pub(crate) fn acquirep(&mut self, m: MIdx, p: u32) {
        self.pidle.retain(|&x| x != p);
        let pp = &mut self.ps[p as usize];
        pp.status = PStatus::Running;
        pp.m = Some(m);
        pp.now = pp.now.max(self.now);
        self.ms[m as usize].p = Some(p);
        self.emit(EventKind::Acquirep { m, p });
    }

    fn releasep(&mut self, m: MIdx, p: u32, handoff: bool) {
        let pp = &mut self.ps[p as usize];
        pp.status = PStatus::Idle;
        pp.m = None;
        pp.pending = None;
        self.ms[m as usize].p = None;
        self.emit(EventKind::Releasep { m, p, handoff });
    }

    /// `handoffp`: a P whose M cannot use it: to a new M if there is
    /// work, to a spinning M if nobody looks for work, else idle.
    fn handoffp(&mut self, p: u32) {
        if !self.ps[p as usize].runq_empty() || !self.global.is_empty() {
            self.startm(p, false, true);
            return;
        }
        if self.nmspinning + self.pidle.len() as u32 == 0 {
            self.startm(p, true, true);
            return;
        }
        self.pidle.push(p);
    }

    /// `exitsyscall`: back with the old P if sysmon left it; else any idle
    /// P (the old one first); else the G goes global and the M sleeps.
    /// A write(2) the OS stalled lands its bytes now, whatever P it gets.
    fn exitsyscall(&mut self, m: MIdx, machine: &mut dyn Machine) {
        let Some(g) = self.ms[m as usize].curg else {
            self.ms[m as usize].syscall_end = None;
            self.set_fault(format!("exitsyscall: M{m} has no G"));
            return;
        };
        let goid = self.gs[g as usize].goid;
        self.commit_write(goid, machine);
        self.set_pos_of(Some(g), machine);
        let p = match self.ms[m as usize].p {
            Some(p) => Some(p),
            None => {
                let oldp = self.ms[m as usize].oldp.take();
                let pick = match oldp {
                    Some(o) if self.pidle.contains(&o) => Some(o),
                    _ => self.pidle.last().copied(),
                };
                if let Some(np) = pick {
                    self.ms[m as usize].idle = false;
                    self.acquirep(m, np);
                }
                pick
            }
        };
        match p {
            Some(p) => {
                let pp = &mut self.ps[p as usize];
                pp.now = self.now;
                pp.pending = None;
                pp.syscalltick = pp.syscalltick.wrapping_add(1);
                self.ms[m as usize].syscall_end = None;
                self.gs[g as usize].status = GStatus::Running;
                self.emit(EventKind::ExitSyscall { g: goid, m, p });
            }
            None => {
                self.ms[m as usize].syscall_end = None;
                self.globrunqput(g, PutCause::SyscallExit);
                self.stopm(m);
            }
        }
        self.pos = None;
    }

    /// The bytes goroutine `goid`'s write(2) held reach the output now.
    fn commit_write(&mut self, goid: GoId, machine: &mut dyn Machine) {
        machine.commit_write(goid);
        for (kind, pos) in machine.take_events() {
            self.pos = pos;
            self.emit(kind);
        }
        self.pos = None;
    }

    /// sysmon wakes when some P is busy and sleeps when all are idle.
    fn sysmon_wake_or_sleep(&mut self) {
        let all_idle = self.pidle.len() == self.ps.len();
        if all_idle {
            self.sysmon.asleep = true;
        } else if self.sysmon.asleep {
            self.sysmon.asleep = false;
            self.sysmon.idle = 0;
            self.sysmon.delay = time::SYSMON_MIN_DELAY_NS;
            self.sysmon.next = self.now + time::SYSMON_MIN_DELAY_NS;
        }
    }

    /// One sysmon iteration: `retake`, then its sleep schedule (20µs,
    /// doubling after 50 idle rounds, at most 10ms).
    fn sysmon_tick(&mut self) {
        let retaken = self.retake();
        if retaken > 0 {
            self.sysmon.idle = 0;
        } else {
            self.sysmon.idle += 1;
        }
        let s = &mut self.sysmon;
        if s.idle == 0 {
            s.delay = time::SYSMON_MIN_DELAY_NS;
        } else if s.idle > 50 {
            s.delay *= 2;
        }
        s.delay = s.delay.clamp(time::SYSMON_MIN_DELAY_NS, time::SYSMON_MAX_DELAY_NS);
        let delay = s.delay;
        // The OS wakes sysmon a little late, by a seeded amount (up to a
        // quarter of its sleep): when it preempts varies with the seed.
        let late = if self.jittery() { self.chooser.sysmon_oversleep((delay / 4).min(u32::MAX as u64) as u32) as u64 } else { 0 };
        self.sysmon.next = self.now + delay + late;
    }

    /// An M went to wait in netpoll: how late it will wake for a timer
    /// while another P is busy (`Sched::netpoll_late`).
    pub(crate) fn draw_netpoll_late(&mut self) {
        if self.jittery() {
            self.netpoll_late = self.chooser.netpoll_late(time::NETPOLL_LATE_MIN_NS, time::NETPOLL_LATE_OCTAVES);
        }
    }

    /// Whether the hardware's choices apply: several Ps, and jitter on
    /// (see `Config::jitter`). With one P nothing runs in parallel.
    pub(crate) fn jittery(&self) -> bool {
        self.config.jitter && self.ps.len() > 1
    }

    /// Extra virtual ns a slice of `used` ns of work costs, with several
    /// Ps (see `Config::jitter`): up to 1/8 more, and now and then a stall
    /// of the M by the OS (`time::OS_STALL_NS`).
    /// Returns the two apart: (uneven speed, stall).
    fn work_jitter(&mut self, used: u64) -> (u64, u64) {
        if !self.jittery() || used == 0 {
            return (0, 0);
        }
        let uneven = self.chooser.slice_jitter((used / 8).min(u32::MAX as u64) as u32 + 1) as u64;
        (uneven, self.chooser.os_stall(time::OS_STALL_MIN_NS, (time::OS_STALL_OCTAVES, time::OS_STALL_ONE_IN), (time::OS_LONG_STALL_OCTAVES, time::OS_LONG_STALL_PICKS)))
    }

    /// `retake`: preempt Gs that held a P for 10ms; take Ps from Ms that
    /// sat in a syscall for a sysmon tick (at least 20µs) when there is
    /// other work or nobody to do it. Returns the number of Ps taken.
    fn retake(&mut self) -> u32 {
        let now = self.now;
        let mut n = 0;
        for pi in 0..self.ps.len() {
            let p = pi as u32;
            if self.ps[pi].status != PStatus::Running {
                continue;
            }
            let Some(m) = self.ps[pi].m else { continue };
            let curg = self.ms[m as usize].curg;
            let in_syscall = curg.is_some_and(|g| self.gs[g as usize].status == GStatus::Syscall);
            let mut sysretake = false;
            let schedtick = self.ps[pi].schedtick;
            let pd = &mut self.ps[pi].sysmontick;
            if pd.schedtick != schedtick {
                pd.schedtick = schedtick;
                pd.schedwhen = now;
            } else if pd.schedwhen + time::FORCE_PREEMPT_NS <= now {
                self.preemptone(p, m);
                sysretake = true;
            }
            if !in_syscall {
                continue;
            }
            let syscalltick = self.ps[pi].syscalltick;
            let pd = &mut self.ps[pi].sysmontick;
            if !sysretake && pd.syscalltick != syscalltick {
                pd.syscalltick = syscalltick;
                pd.syscallwhen = now;
                continue;
            }
            let syscallwhen = pd.syscallwhen;
            if self.ps[pi].runq_empty()
                && self.nmspinning + self.pidle.len() as u32 > 0
                && syscallwhen + time::FORCE_PREEMPT_NS > now
            {
                continue;
            }
            self.ms[m as usize].oldp = Some(p);
            self.releasep(m, p, true);
            self.handoffp(p);
            n += 1;
        }
        n
    }

    /// `preemptone`: ask P `p`'s running G to stop at its next safe point.
    fn preemptone(&mut self, p: u32, m: MIdx) {
        let Some(g) = self.ms[m as usize].curg else { return };
        let gr = &mut self.gs[g as usize];
        if gr.status != GStatus::Running || gr.preempt {
            return;
        }
        gr.preempt = true;
        let goid = gr.goid;
        self.emit(EventKind::Preempt { g: goid, p });
    }

    /// A due timer and an idle P: the P (its owner's, if idle) is started
    /// on a spinning M and runs or steals the timer in findRunnable.
    fn timer_wake(&mut self, owner: u32) {
        let p = if self.pidle.contains(&owner) { Some(owner) } else { self.pidle.last().copied() };
        let Some(p) = p else { return };
        self.startm(p, true, false);
    }

    /// Whether every pending timer is one the Machine calls external.
    fn only_external_timers(&self, machine: &dyn Machine) -> bool {
        self.ps.iter().flat_map(|p| p.timers.iter()).all(|t| match t.what {
            TimerWhat::Func(id) => machine.timer_is_external(id),
            TimerWhat::Sleep(_) => false,
        })
    }

    /// `checkdead`, called when nothing runs and no timer is pending.
    fn checkdead(&mut self) -> Ending {
        let mut waiting = 0;
        for g in self.gs.iter().filter(|g| !g.system) {
            match g.status {
                GStatus::Waiting | GStatus::Preempted => waiting += 1,
                GStatus::Runnable | GStatus::Running | GStatus::Syscall => {
                    return Ending::Fault(format!(
                        "checkdead: found goroutine {} in status {}",
                        g.goid,
                        g.status.go_name()
                    ));
                }
                _ => {}
            }
        }
        Ending::Deadlock { main_goexit: waiting == 0 }
    }
}

/// Go's `stealOrder`: visits all `n` Ps exactly once, starting at a random
/// position and stepping by a random increment coprime with `n`.
pub fn steal_order(n: u32, seed: u32) -> impl Iterator<Item = u32> {
    let n = n.max(1);
    let coprimes: Vec<u32> = (1..=n).filter(|&i| gcd(i, n) == 1).collect();
    let inc = coprimes[(seed / n) as usize % coprimes.len()];
    let start = seed % n;
    (0..n).map(move |i| ((start as u64 + i as u64 * inc as u64) % n as u64) as u32)
}

fn gcd(mut a: u32, mut b: u32) -> u32 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

/// A virtual duration as Go prints a `time.Duration` of whole seconds
/// (`8760h0m0s`), or in nanoseconds.
fn duration_string(ns: u64) -> String {
    const S: u64 = 1_000_000_000;
    if ns % S != 0 {
        return format!("{ns}ns");
    }
    let s = ns / S;
    match (s / 3600, s / 60 % 60, s % 60) {
        (0, 0, sec) => format!("{sec}s"),
        (0, m, sec) => format!("{m}m{sec}s"),
        (h, m, sec) => format!("{h}h{m}m{sec}s"),
    }
}
