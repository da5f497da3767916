//! Virtual time. Nothing reads a host clock: each P carries its own clock,
//! timers live per P as Go's do, and when every P is idle with no G
//! runnable the clock jumps to when the M sleeping in `netpoll` wakes for
//! the next timer (`netpoll_sleep`: whole milliseconds, as epoll_wait's),
//! so a program that sleeps an hour finishes at once.

use super::g::GIdx;
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// Unix nanoseconds of 2009-11-10 23:00:00 UTC, where the Go Playground's
/// clock starts; `time.Now()` is this plus the run's virtual time.
pub const EPOCH_UNIX_NS: i64 = 1_257_894_000 * 1_000_000_000;

/// The time slice Go gives a G before sysmon preempts it (`forcePreemptNS`).
pub const FORCE_PREEMPT_NS: u64 = 10_000_000;

/// sysmon's shortest sleep (20µs) and longest (10ms), from proc.go's sysmon.
pub const SYSMON_MIN_DELAY_NS: u64 = 20_000;
pub const SYSMON_MAX_DELAY_NS: u64 = 10_000_000;

/// How long runqgrab sleeps before stealing a running P's runnext (usleep(3)).
pub const STEAL_RUNNEXT_BACKOFF_NS: u64 = 3_000;

/// Waking a parked thread takes from a microsecond to a few hundred (a
/// futex wake, then the kernel's scheduler; an idle virtual CPU must be
/// woken by the hypervisor first): `WAKE_LATENCY_MIN_NS` times 2 to the
/// power of a choice in `0..WAKE_LATENCY_OCTAVES`, so short and long
/// wake-ups are alike likely (a log-uniform spread, as measured latencies
/// are long-tailed).
pub const WAKE_LATENCY_MIN_NS: u64 = 1_000;
pub const WAKE_LATENCY_OCTAVES: u32 = 8;

// What the hardware decides with several Ps. Ps run in parallel, so how
// long each step takes on a real machine decides which P reaches a shared
// operation first. Each cost below is a range; where in it a step lands is
// a choice (`Chooser::op_cost`). With one P nothing runs in parallel and
// these costs are 0: the single-P order, timers against work included, is
// exactly the one the corpus records.

/// A `go` statement: `newproc` takes a G from the free list or allocates
/// one with its stack, and puts it in `runnext` (a few hundred ns).
pub const NEWPROC_NS: (u64, u32) = (200, 1_000);
/// Any other runtime call: a channel operation, a lock, a WaitGroup, an
/// atomic (tens to a couple of hundred ns, more when contended).
pub const RUNTIME_CALL_NS: (u64, u32) = (20, 300);
/// A `write(2)` to stdout or stderr: a system call, a few µs.
pub const WRITE_NS: (u64, u32) = (1_000, 6_000);
/// A garbage collection (the goroutine leak profile runs one): marking
/// a small heap takes tens of µs to a few hundred, and the other Ps keep
/// running meanwhile.
pub const GC_CYCLE_NS: (u64, u32) = (30_000, 120_000);

/// A map write holds Go's `hashWriting` flag (`mapassign`, `mapdelete`):
/// another P that reads or writes the map meanwhile may find it set, and
/// the runtime dies with `concurrent map writes`. How rarely an access
/// inside another P's burst of writes sees the flag:
/// the flag is a plain word each core caches, so most overlaps go unseen.
/// Calibrated on this machine: two goroutines each writing a map 100,000
/// times died in 8 of 20 runs of real Go 1.27 with GOMAXPROCS=2.
pub const MAP_RACE_ONE_IN: u64 = 200_000;
/// Writes to a map from one P closer together than this are one burst
/// (`heap::MapWriting`).
pub const MAP_BURST_GAP_NS: u64 = 2_000;

/// How late an idle M wakes for a due timer while another P is busy
/// (`Sched::netpoll_late`): log-uniform from 4µs to 1ms, the most
/// `netpoll`'s millisecond wait makes it.
pub const NETPOLL_LATE_MIN_NS: u64 = 4_000;
pub const NETPOLL_LATE_OCTAVES: u32 = 8;

/// The OS sometimes takes a core away from an M for a while (more threads
/// than cores, other processes): one slice in `OS_STALL_ONE_IN` is
/// followed by a stall, log-uniform from `OS_STALL_MIN_NS` over
/// `OS_STALL_OCTAVES` octaves (1µs to 64µs); rarer, one slice in
/// `OS_STALL_ONE_IN * OS_STALL_OCTAVES * 256 / OS_LONG_STALL_PICKS` (384),
/// a long one, log-uniform over the `OS_LONG_STALL_OCTAVES` above (64µs
/// to 1ms). The long tail is what real Go needs with 2 Ps to time out a
/// 100µs `select` before three 100µs spinners send (9 of 300 runs,
/// nondeterministic/061): main's M off its core for longer than the
/// timeout. Making every stall that long instead serialised the Ps so
/// often that "pick the next step" stopped offering the interleavings
/// that deadlock two mutexes.
pub const OS_STALL_MIN_NS: u64 = 1_000;
pub const OS_STALL_OCTAVES: u32 = 6;
pub const OS_STALL_ONE_IN: u32 = 16;
pub const OS_LONG_STALL_OCTAVES: u32 = 4;
pub const OS_LONG_STALL_PICKS: u32 = 64;

/// Under the priority strategies, the longest the OS keeps a P's M off
/// its core for a higher-priority one before letting it move once
/// (`Sched::prioritize`): about a scheduler time slice of Linux's.
pub const PRIORITY_HOLD_MAX_NS: u64 = 1_000_000;

/// What a timer does when it fires.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TimerWhat {
    /// Wake this sleeping G (`time.Sleep`).
    Sleep(GIdx),
    /// Ask the Machine what timer `id` does (`time.After`, `AfterFunc`...).
    Func(u64),
}

/// One pending timer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Timer {
    pub when: u64,
    /// Insertion order, so equal `when`s fire first-set first.
    pub seq: u64,
    pub what: TimerWhat,
}

/// A P's timers, earliest first (Go keeps a 4-ary heap per P).
#[derive(Clone, Debug, Default)]
pub struct TimerHeap {
    heap: BinaryHeap<Reverse<Timer>>,
}

impl TimerHeap {
    pub fn push(&mut self, t: Timer) {
        self.heap.push(Reverse(t));
    }

    pub fn peek_when(&self) -> Option<u64> {
        self.heap.peek().map(|r| r.0.when)
    }

    /// Removes and returns the earliest timer if it is due at `now`.
    pub fn pop_due(&mut self, now: u64) -> Option<Timer> {
        match self.heap.peek() {
            Some(r) if r.0.when <= now => self.heap.pop().map(|r| r.0),
            _ => None,
        }
    }

    /// Removes the `Func(id)` timer; whether it was pending (`Timer.Stop`).
    pub fn remove_func(&mut self, id: u64) -> bool {
        let before = self.heap.len();
        self.heap.retain(|r| r.0.what != TimerWhat::Func(id));
        self.heap.len() != before
    }

    /// All timers, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = &Timer> {
        self.heap.iter().map(|r| &r.0)
    }

    /// All timers, sorted (for snapshots).
    pub fn sorted(&self) -> Vec<Timer> {
        let mut v: Vec<Timer> = self.heap.iter().map(|r| r.0).collect();
        v.sort();
        v
    }
}

/// How long an M with nothing to run sleeps in `netpoll` for a timer due
/// in `delay` ns (> 0). epoll_wait takes whole milliseconds (`waitms`: 1
/// below a millisecond, else `delay / 1e6` rounded down); an M that wakes
/// before the timer sleeps again for what is left, at least 1ms. So a
/// timer due in 1.2ms is run 2ms on, together with every timer due by
/// then: one `checkTimers` batch, each `goready` kicking the one before
/// from `runnext` into the run queue, as real Go orders three workers
/// that each slept 1ms (the last to sleep runs first).
pub fn netpoll_sleep(delay: u64) -> u64 {
    const MS: u64 = 1_000_000;
    let first = (delay / MS).max(1) * MS;
    if first >= delay { first } else { first + MS }
}

#[cfg(test)]
mod tests {
    use super::netpoll_sleep;
    const MS: u64 = 1_000_000;

    #[test]
    fn netpoll_sleeps_whole_milliseconds_until_the_timer() {
        // Below a millisecond: waitms 1.
        assert_eq!(netpoll_sleep(1), MS);
        assert_eq!(netpoll_sleep(999_999), MS);
        assert_eq!(netpoll_sleep(MS), MS);
        // 1.2ms: 1ms, then 1ms more for the 0.2ms left.
        assert_eq!(netpoll_sleep(1_200_000), 2 * MS);
        // 3ms less a little: 2ms, then 1ms.
        assert_eq!(netpoll_sleep(3 * MS - 5), 3 * MS);
        assert_eq!(netpoll_sleep(3600 * 1000 * MS), 3600 * 1000 * MS);
    }
}
