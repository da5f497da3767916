//! Rebuilding scheduler state from the event stream alone: the UI steps
//! backwards by folding a prefix of the events, and tests prove the stream
//! complete by comparing the fold with the live scheduler after every event.

use super::g::{GStatus, GoId};
use super::p::{GFREE_KEEP, GFREE_SPILL, PStatus};
use super::time::TimerWhat;
use super::{Sched, WaitReason};
use crate::event::{Event, EventKind, QueueSlot, TimerTarget};
use crate::span::Span;
use std::collections::{BTreeMap, VecDeque};
use std::rc::Rc;

/// A goroutine as seen from outside.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GSnap {
    pub status: GStatus,
    pub reason: WaitReason,
    pub m: Option<u32>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PSnap {
    pub status: PStatus,
    pub m: Option<u32>,
    pub runnext: Option<GoId>,
    /// Local queue, head first.
    pub runq: VecDeque<GoId>,
    /// Pending timers as (when, target), sorted.
    pub timers: Vec<(u64, TimerTarget)>,
    /// `p.gFree`: dead Gs kept for reuse, named by the goroutine each last
    /// was; the last is the one the next `go` on this P takes (`gfget`).
    pub gfree: Vec<GoId>,
}

impl PSnap {
    fn blank() -> PSnap {
        PSnap { status: PStatus::Idle, m: None, runnext: None, runq: VecDeque::new(), timers: Vec::new(), gfree: Vec::new() }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MSnap {
    pub p: Option<u32>,
    pub curg: Option<GoId>,
    pub spinning: bool,
    pub idle: bool,
    pub dead: bool,
    pub lockedg: Option<GoId>,
}

/// Where a goroutine came from, for "created by main.worker in goroutine 1".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GMeta {
    pub parent: GoId,
    pub func: Rc<str>,
    pub pos: Span,
    /// The dead goroutine whose G this one reuses (`gfget`), if any.
    pub reuses: Option<GoId>,
}

/// A channel as the event stream shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChanSnap {
    /// The element type, as Go writes it (`int`, `struct {}`).
    pub elem: String,
    pub cap: u32,
    /// The buffered values' texts, oldest first.
    pub buf: VecDeque<String>,
    pub closed: bool,
}

/// The scheduler's visible state: every goroutine that is not dead, each
/// P's queues, the global queue, every M; and every channel made so far.
#[derive(Clone, Debug)]
pub struct Snapshot {
    pub gs: BTreeMap<GoId, GSnap>,
    pub ps: Vec<PSnap>,
    pub global: VecDeque<GoId>,
    /// `sched.gFree`: dead Gs overflowing the Ps' free lists.
    pub gfree_global: Vec<GoId>,
    pub ms: Vec<MSnap>,
    /// Creator and start function of every goroutine ever created (dead
    /// ones too: a dump or a UI card may still name them). Not compared.
    pub meta: BTreeMap<GoId, GMeta>,
    /// Channels by the handle events name them with (`chan#N`). Not
    /// compared: the scheduler does not hold channels.
    pub chans: BTreeMap<u32, ChanSnap>,
    /// What each waiting goroutine waits on (`GoPark`'s `on`): the UI
    /// draws the arrow from the goroutine to its channel or lock. Not
    /// compared, for the same reason.
    pub waiting_on: BTreeMap<GoId, Vec<u32>>,
}

/// Two snapshots are equal when the scheduler states are (`meta` is a
/// history and the live scheduler forgets reused Gs' creators; `chans`
/// belong to the process, not the scheduler).
impl PartialEq for Snapshot {
    fn eq(&self, o: &Snapshot) -> bool {
        self.gs == o.gs && self.ps == o.ps && self.global == o.global && self.gfree_global == o.gfree_global && self.ms == o.ms
    }
}

impl Eq for Snapshot {}

impl Snapshot {
    /// The state before the first event: GOMAXPROCS idle Ps, nothing else.
    pub fn initial(procs: u32) -> Snapshot {
        Snapshot {
            gs: BTreeMap::new(),
            ps: vec![PSnap::blank(); procs.max(1) as usize],
            global: VecDeque::new(),
            gfree_global: Vec::new(),
            ms: Vec::new(),
            meta: BTreeMap::new(),
            chans: BTreeMap::new(),
            waiting_on: BTreeMap::new(),
        }
    }

    /// `gfget`, as the scheduler does it (`sched/proc.rs`): refill an
    /// empty free list from the global one, up to 32, then take the last.
    fn gfget(&mut self, p: u32) -> Result<Option<GoId>, String> {
        let Snapshot { ps, gfree_global, .. } = self;
        let pp = ps.get_mut(p as usize).ok_or_else(|| format!("no P{p}"))?;
        if pp.gfree.is_empty() {
            while pp.gfree.len() < GFREE_KEEP {
                let Some(g) = gfree_global.pop() else { break };
                pp.gfree.push(g);
            }
        }
        Ok(pp.gfree.pop())
    }

    /// `gfput`: onto P `p`'s free list; from 64, down to 31 go global.
    fn gfput(&mut self, p: u32, g: GoId) -> Result<(), String> {
        let Snapshot { ps, gfree_global, .. } = self;
        let pp = ps.get_mut(p as usize).ok_or_else(|| format!("no P{p}"))?;
        pp.gfree.push(g);
        if pp.gfree.len() >= GFREE_SPILL {
            while pp.gfree.len() >= GFREE_KEEP {
                let Some(x) = pp.gfree.pop() else { break };
                gfree_global.push(x);
            }
        }
        Ok(())
    }

    /// Applies one event. An event that does not fit the state is an error
    /// (the stream is incomplete or out of order).
    pub fn apply(&mut self, ev: &Event) -> Result<(), String> {
        match &ev.kind {
            EventKind::Output { .. } | EventKind::Exit { .. } | EventKind::ClockJump { .. } | EventKind::Gc { .. } => {}
            EventKind::ChanMake { chan, elem, cap, .. } => {
                // A handle freed by the collector may name a new channel.
                let c = ChanSnap { elem: elem.clone(), cap: *cap, buf: VecDeque::new(), closed: false };
                self.chans.insert(*chan, c);
            }
            // Every completed send passes through the buffer in the fold:
            // a handoff to a waiting receiver is a send followed at once by
            // that receive, and a receive that takes a parked sender's value
            // into a full buffer is its send, then the head's receive.
            EventKind::ChanSend { chan, value, .. } => self.chan(*chan)?.buf.push_back(value.clone()),
            EventKind::ChanRecv { chan, value, ok, .. } => {
                let c = self.chan(*chan)?;
                if *ok {
                    match c.buf.pop_front() {
                        Some(v) if v == *value => {}
                        other => return Err(format!("chan#{chan}: received {value}, the fold holds {other:?}")),
                    }
                } else if !c.closed || !c.buf.is_empty() {
                    return Err(format!("chan#{chan}: a closed receive while it is open or buffered"));
                }
            }
            EventKind::ChanClose { chan, .. } => self.chan(*chan)?.closed = true,
            EventKind::ChanDrain { chan } => self.chan(*chan)?.buf.clear(),
            EventKind::Preempt { .. } => {}
            EventKind::GoCreate { parent, child, p, func, pos, reused } => {
                let reuses = self.gfget(*p)?;
                if reuses.is_some() != *reused {
                    return Err(format!("G{child} created on P{p} with reused={reused}, free lists say {reuses:?}"));
                }
                self.meta.insert(*child, GMeta { parent: *parent, func: func.clone(), pos: *pos, reuses });
            }
            EventKind::RunqPut { g, p, slot, .. } => {
                self.make_runnable(*g);
                match (slot, p) {
                    (QueueSlot::Runnext, Some(p)) => {
                        let pp = self.p(*p)?;
                        if pp.runnext.is_some() {
                            return Err(format!("RunqPut into occupied runnext of P{p}"));
                        }
                        pp.runnext = Some(*g);
                    }
                    (QueueSlot::LocalTail, Some(p)) => self.p(*p)?.runq.push_back(*g),
                    (QueueSlot::Global, None) => self.global.push_back(*g),
                    _ => return Err(format!("RunqPut to {slot:?} of {p:?}")),
                }
            }
            EventKind::RunnextKick { p, g } => {
                let pp = self.p(*p)?;
                if pp.runnext != Some(*g) {
                    return Err(format!("kick of {g}, not in runnext of P{p}"));
                }
                pp.runnext = None;
                pp.runq.push_back(*g);
            }
            EventKind::RunqPutSlow { p, moved, g, .. } => {
                let pp = self.p(*p)?;
                for x in moved {
                    if pp.runq.pop_front() != Some(*x) {
                        return Err(format!("runqputslow moved {x}, not at the head of P{p}"));
                    }
                }
                if pp.runnext == Some(*g) {
                    pp.runnext = None;
                } else {
                    self.make_runnable(*g);
                }
                self.global.extend(moved.iter().copied());
                self.global.push_back(*g);
            }
            EventKind::GlobrunqBatch { p, gs } => {
                for x in gs {
                    if self.global.pop_front() != Some(*x) {
                        return Err(format!("batch took {x}, not at the global head"));
                    }
                }
                self.p(*p)?.runq.extend(gs.iter().copied());
            }
            EventKind::Steal { thief, victim, gs, from_runnext } => {
                let v = self.p(*victim)?;
                if *from_runnext {
                    if gs.len() != 1 || v.runnext != gs.first().copied() {
                        return Err(format!("steal of runnext {gs:?} from P{victim}"));
                    }
                    v.runnext = None;
                } else {
                    for x in gs {
                        if v.runq.pop_front() != Some(*x) {
                            return Err(format!("stole {x}, not at the head of P{victim}"));
                        }
                    }
                }
                self.p(*thief)?.runq.extend(gs.iter().copied());
            }
            EventKind::Execute { g, m, p, from, .. } => {
                let taken = match from {
                    QueueSlot::Runnext => self.p(*p)?.runnext.take(),
                    QueueSlot::LocalHead => self.p(*p)?.runq.pop_front(),
                    QueueSlot::LocalTail => self.p(*p)?.runq.pop_back(),
                    QueueSlot::Global => self.global.pop_front(),
                };
                if taken != Some(*g) {
                    return Err(format!("execute of {g} from {from:?} found {taken:?}"));
                }
                self.set_g(*g, GStatus::Running, WaitReason::Zero, Some(*m));
                self.m(*m)?.curg = Some(*g);
            }
            EventKind::GoPark { g, reason, on } => {
                self.drop_m(*g);
                self.set_g(*g, GStatus::Waiting, *reason, None);
                self.waiting_on.insert(*g, on.clone());
            }
            EventKind::GoExit { g, p } => {
                self.gfput(*p, *g)?;
                self.drop_m(*g);
                for m in &mut self.ms {
                    if m.lockedg == Some(*g) {
                        m.lockedg = None;
                    }
                }
                self.gs.remove(g);
                self.waiting_on.remove(g);
            }
            EventKind::EnterSyscall { g, .. } => {
                let gs = self.gs.get_mut(g).ok_or_else(|| format!("syscall of unknown {g}"))?;
                gs.status = GStatus::Syscall;
            }
            EventKind::ExitSyscall { g, m, .. } => self.set_g(*g, GStatus::Running, WaitReason::Zero, Some(*m)),
            EventKind::MStart { m, new } => {
                if *new {
                    if *m as usize != self.ms.len() {
                        return Err(format!("new M{m} out of order"));
                    }
                    self.ms.push(MSnap::default());
                }
                self.m(*m)?.idle = false;
            }
            EventKind::Acquirep { m, p } => {
                if let Some(before) = self.m(*m)?.p
                    && before != *p
                {
                    let bp = self.p(before)?;
                    bp.status = PStatus::Idle;
                    bp.m = None;
                }
                let pp = self.p(*p)?;
                pp.status = PStatus::Running;
                pp.m = Some(*m);
                self.m(*m)?.p = Some(*p);
            }
            EventKind::Releasep { m, p, .. } => {
                let pp = self.p(*p)?;
                pp.status = PStatus::Idle;
                pp.m = None;
                self.m(*m)?.p = None;
            }
            EventKind::MSpinning { m, spinning } => self.m(*m)?.spinning = *spinning,
            EventKind::MStop { m } => self.m(*m)?.idle = true,
            EventKind::MDestroy { m } => self.m(*m)?.dead = true,
            EventKind::LockOSThread { g, m } => self.m(*m)?.lockedg = Some(*g),
            EventKind::UnlockOSThread { m, .. } => self.m(*m)?.lockedg = None,
            EventKind::TimerSet { p, target, when } => {
                let pp = self.p(*p)?;
                pp.timers.push((*when, *target));
                pp.timers.sort();
            }
            EventKind::TimerFire { p, target } => {
                let pp = self.p(*p)?;
                let Some(i) = pp.timers.iter().position(|t| t.1 == *target) else {
                    return Err(format!("fired timer {target:?} not on P{p}"));
                };
                pp.timers.remove(i);
            }
            EventKind::TimerStop { p, id } => {
                let pp = self.p(*p)?;
                let Some(i) = pp.timers.iter().position(|t| t.1 == TimerTarget::Func(*id)) else {
                    return Err(format!("stopped timer {id} not on P{p}"));
                };
                pp.timers.remove(i);
            }
            EventKind::ProcResize { new, .. } => self.ps.resize(*new as usize, PSnap::blank()),
            EventKind::PDestroy { p, gs, timers_to } => {
                let pp = self.p(*p)?;
                let mut had: Vec<GoId> = pp.runnext.take().into_iter().collect();
                had.extend(pp.runq.drain(..));
                if &had != gs {
                    return Err(format!("P{p} destroyed with {had:?}, event says {gs:?}"));
                }
                pp.status = PStatus::Dead;
                let gfree = std::mem::take(&mut pp.gfree);
                self.gfree_global.extend(gfree);
                let pp = self.p(*p)?;
                let timers = std::mem::take(&mut pp.timers);
                for &g in gs.iter().rev() {
                    self.global.push_front(g);
                }
                let to = self.p(*timers_to)?;
                to.timers.extend(timers);
                to.timers.sort();
            }
            EventKind::StackCopy { g, .. } => {
                if let Some(gs) = self.gs.get_mut(g) {
                    gs.status = GStatus::Running;
                }
            }
            EventKind::GoStatus { g, to, .. } => {
                if let Some(gs) = self.gs.get_mut(g) {
                    gs.status = *to;
                }
            }
        }
        Ok(())
    }

    fn p(&mut self, p: u32) -> Result<&mut PSnap, String> {
        self.ps.get_mut(p as usize).ok_or_else(|| format!("unknown P{p}"))
    }

    fn chan(&mut self, c: u32) -> Result<&mut ChanSnap, String> {
        self.chans.get_mut(&c).ok_or_else(|| format!("chan#{c} was never made"))
    }

    fn m(&mut self, m: u32) -> Result<&mut MSnap, String> {
        self.ms.get_mut(m as usize).ok_or_else(|| format!("unknown M{m}"))
    }

    fn set_g(&mut self, g: GoId, status: GStatus, reason: WaitReason, m: Option<u32>) {
        self.gs.insert(g, GSnap { status, reason, m });
        if status != GStatus::Waiting {
            self.waiting_on.remove(&g);
        }
    }

    /// The M running `g` (if any) no longer does.
    fn drop_m(&mut self, g: GoId) {
        if let Some(m) = self.gs.get(&g).and_then(|s| s.m)
            && let Some(ms) = self.ms.get_mut(m as usize)
            && ms.curg == Some(g)
        {
            ms.curg = None;
        }
    }

    fn make_runnable(&mut self, g: GoId) {
        self.drop_m(g);
        self.set_g(g, GStatus::Runnable, WaitReason::Zero, None);
    }
}

/// Folds `events` into the state after the last of them.
pub fn replay(procs: u32, events: &[Event]) -> Result<Snapshot, String> {
    let mut s = Snapshot::initial(procs);
    for (i, e) in events.iter().enumerate() {
        s.apply(e).map_err(|err| format!("event {i}: {err}"))?;
    }
    Ok(s)
}

impl Sched {
    /// The live scheduler's state in the same form as [`replay`] builds it.
    pub fn snapshot(&self) -> Snapshot {
        let goid = |g: u32| self.goid(g);
        let mut gs = BTreeMap::new();
        for g in &self.gs {
            if g.status != GStatus::Dead {
                let reason = if matches!(g.status, GStatus::Waiting | GStatus::Leaked) {
                    g.waitreason
                } else {
                    WaitReason::Zero
                };
                gs.insert(g.goid, GSnap { status: g.status, reason, m: g.m });
            }
        }
        let ps = self
            .ps
            .iter()
            .map(|p| {
                let mut timers: Vec<(u64, TimerTarget)> = p
                    .timers
                    .sorted()
                    .iter()
                    .map(|t| {
                        let target = match t.what {
                            TimerWhat::Sleep(g) => TimerTarget::Sleep(goid(g)),
                            TimerWhat::Func(id) => TimerTarget::Func(id),
                        };
                        (t.when, target)
                    })
                    .collect();
                timers.sort();
                PSnap {
                    status: p.status,
                    m: p.m,
                    runnext: p.runnext.map(goid),
                    runq: p.runq_items().map(goid).collect(),
                    timers,
                    gfree: p.gfree.iter().map(|&g| goid(g)).collect(),
                }
            })
            .collect();
        let ms = self
            .ms
            .iter()
            .map(|m| MSnap {
                p: m.p,
                curg: m.curg.map(goid),
                spinning: m.spinning,
                idle: m.idle,
                dead: m.dead,
                lockedg: m.lockedg.map(goid),
            })
            .collect();
        let meta = self
            .gs
            .iter()
            .filter(|g| g.status != GStatus::Dead)
            .map(|g| {
                (
                    g.goid,
                    GMeta {
                        parent: g.parent_goid,
                        func: self.funcs.get(g.start_fn as usize).cloned().unwrap_or_else(|| Rc::from("?")),
                        pos: g.gopc,
                        reuses: None,
                    },
                )
            })
            .collect();
        let gfree_global = self.gfree_global.iter().map(|&g| goid(g)).collect();
        let global = self.global.iter().map(|&g| goid(g)).collect();
        Snapshot { gs, ps, global, gfree_global, ms, meta, chans: BTreeMap::new(), waiting_on: BTreeMap::new() }
    }
}
