//! P: a processor, the right to run Go code (runtime2.go's `p`). GOMAXPROCS
//! of them; each has a local run queue of 256 plus a `runnext` slot, a free
//! list of dead Gs, its own timers, and here also its own virtual clock.

use super::g::{GIdx, MIdx};
use super::time::TimerHeap;

/// Length of a P's local run queue ring (`len(p.runq)`).
pub const RUNQ_LEN: u32 = 256;

/// Go 1.27's P statuses. `_Psyscall` no longer exists: a P whose M is in a
/// syscall stays `_Prunning` until sysmon takes it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum PStatus {
    #[default]
    Idle,
    Running,
    GcStop,
    Dead,
}

impl PStatus {
    pub fn go_name(self) -> &'static str {
        match self {
            PStatus::Idle => "_Pidle",
            PStatus::Running => "_Prunning",
            PStatus::GcStop => "_Pgcstop",
            PStatus::Dead => "_Pdead",
        }
    }
}

/// What sysmon last saw of a P (`sysmontick`): a tick that has not moved
/// since `schedwhen` means one G (or a runnext chain) has run that long.
#[derive(Clone, Copy, Debug, Default)]
pub struct SysmonTick {
    pub schedtick: u32,
    pub schedwhen: u64,
    pub syscalltick: u32,
    pub syscallwhen: u64,
}

#[derive(Clone, Debug)]
pub struct P {
    pub id: u32,
    pub status: PStatus,
    pub m: Option<MIdx>,
    /// Ring buffer; live entries are `runq[head..tail]` (mod 256).
    pub runq: [GIdx; RUNQ_LEN as usize],
    pub runqhead: u32,
    pub runqtail: u32,
    /// The G to run next, ahead of the queue, inheriting the time slice.
    pub runnext: Option<GIdx>,
    /// Incremented on every schedule that does not inherit a time slice.
    pub schedtick: u32,
    pub syscalltick: u32,
    pub sysmontick: SysmonTick,
    /// Dead Gs for newproc to reuse (a stack, like Go's gList).
    pub gfree: Vec<GIdx>,
    pub timers: TimerHeap,
    /// Batch of goids reserved from the global generator (`goidcache`).
    pub goidcache: u64,
    pub goidcacheend: u64,
    /// This P's virtual clock: where it has got to in the simulation.
    pub now: u64,
    /// The result of the last machine step, applied when this P's clock is
    /// again the earliest, so effects happen at the time they complete.
    pub pending: Option<super::Stop>,
    /// findRunnable slept 3µs before stealing this P's runnext; steal now.
    pub backoff_done: Option<u32>,
}

impl P {
    pub fn new(id: u32) -> P {
        P {
            id,
            status: PStatus::Idle,
            m: None,
            runq: [0; RUNQ_LEN as usize],
            runqhead: 0,
            runqtail: 0,
            runnext: None,
            schedtick: 0,
            syscalltick: 0,
            sysmontick: SysmonTick::default(),
            gfree: Vec::new(),
            timers: TimerHeap::default(),
            goidcache: 0,
            goidcacheend: 0,
            now: 0,
            pending: None,
            backoff_done: None,
        }
    }

    pub fn runq_len(&self) -> u32 {
        self.runqtail.wrapping_sub(self.runqhead)
    }

    /// `runqempty`: no G in the queue nor in runnext.
    pub fn runq_empty(&self) -> bool {
        self.runq_len() == 0 && self.runnext.is_none()
    }

    /// The queue's contents from head to tail (for snapshots and checks).
    pub fn runq_items(&self) -> impl Iterator<Item = GIdx> + '_ {
        (0..self.runq_len()).map(move |i| self.runq[(self.runqhead.wrapping_add(i) % RUNQ_LEN) as usize])
    }
}

/// `gfput`: a P's free list at this length sends Gs to the global one...
pub const GFREE_SPILL: usize = 64;
/// ...down to this many; `gfget` refills an empty list up to it.
pub const GFREE_KEEP: usize = 32;
