//! The `sync` package's blocking types as state machines: Mutex
//! (internal/sync/mutex.go), RWMutex (sync/rwmutex.go), WaitGroup
//! (sync/waitgroup.go) and Cond (sync/cond.go over runtime/sema.go's
//! notifyList). `Once.Do` needs no state machine of its own: the process
//! compiles it as Go writes it, over a Mutex (`stdlib::sync::serve`).
//!
//! Each keeps Go's own state words, so misuse is detected where Go detects
//! it and reported with Go's text. An operation that must block returns
//! `Park(reason)`; when the glue later runs the parked goroutine again it
//! calls the object's `*_resume` method, which carries on where Go's code
//! returns from `gopark` (it may park again: Go loops too).
//!
//! Not modelled: active spinning in `Mutex.lockSlow` (`runtime_canSpin`);
//! it changes only timing. Without it a multi-P run hands the mutex over
//! through the semaphore as GOMAXPROCS=1 does in Go.

use super::sema::{Acquire, Sema};
use super::{Failure, GoId, WaitReason};
use std::collections::{VecDeque};
use rustc_hash::FxHashMap as HashMap;


/// Goroutines an operation wakes, in the order to ready them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Wakes {
    pub ready: Vec<GoId>,
    /// A starving Mutex handed itself to `ready[..]`'s last entry: the
    /// caller should yield (Go's `goyield`: to its P's local run queue) so
    /// the new owner runs now.
    pub yield_now: bool,
}

impl Wakes {
    fn add(&mut self, r: super::sema::Release) {
        if let Some(g) = r.ready {
            self.ready.push(g);
        }
        self.yield_now |= r.yield_now;
    }
}

/// The decision of a lock (or a wait).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LockResult {
    Acquired,
    Park(WaitReason),
}

impl From<Acquire> for LockResult {
    fn from(a: Acquire) -> LockResult {
        match a {
            Acquire::Acquired => LockResult::Acquired,
            Acquire::Park(r) => LockResult::Park(r),
        }
    }
}

const MUTEX_LOCKED: i64 = 1;
const MUTEX_WOKEN: i64 = 2;
const MUTEX_STARVING: i64 = 4;
const MUTEX_WAITER_SHIFT: u32 = 3;
const ONE_WAITER: i64 = 1 << MUTEX_WAITER_SHIFT;
/// A waiter that has waited longer than this switches the mutex to
/// starvation mode (Go's `starvationThresholdNs`, 1 ms).
pub const STARVATION_THRESHOLD_NS: u64 = 1_000_000;

/// A parked `lockSlow`'s local variables.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct LockSlow {
    wait_start: Option<u64>,
    starving: bool,
    lifo: bool,
}

/// `sync.Mutex`. Normal mode: waiters queue FIFO but a woken waiter
/// competes with newly arriving goroutines (which usually win: they are
/// already running). A waiter that fails to get the lock for over 1 ms
/// switches it to starvation mode: Unlock hands the mutex straight to the
/// queue's head, newcomers queue at the tail without trying; the mode ends
/// when the owner is the last waiter or waited under 1 ms.
#[derive(Clone, Debug, Default)]
pub struct Mutex {
    /// Go's state word: locked, woken, starving bits and the waiter count.
    pub state: i64,
    pub sema: Sema,
    parked: HashMap<GoId, LockSlow>,
}

impl Mutex {
    #[cfg(test)]
    pub fn starving(&self) -> bool {
        self.state & MUTEX_STARVING != 0
    }
    #[cfg(test)]
    pub fn waiters(&self) -> i64 {
        self.state >> MUTEX_WAITER_SHIFT
    }

    /// `Mutex.Lock` by goroutine `g` at virtual time `now`.
    pub fn lock(&mut self, g: GoId, now: u64) -> LockResult {
        if self.state == 0 {
            self.state = MUTEX_LOCKED;
            return LockResult::Acquired;
        }
        self.lock_slow(g, now, LockSlow { wait_start: None, starving: false, lifo: false }, false)
    }

    /// `Mutex.TryLock`.
    pub fn try_lock(&mut self) -> bool {
        if self.state & (MUTEX_LOCKED | MUTEX_STARVING) != 0 {
            return false;
        }
        self.state |= MUTEX_LOCKED;
        true
    }

    /// Goroutine `g`, parked in `lock`, runs again at `now`.
    pub fn lock_resume(&mut self, g: GoId, now: u64) -> LockResult {
        let Some(st) = self.parked.remove(&g) else { return LockResult::Acquired };
        match self.sema.semacquire_resume(g, st.lifo, WaitReason::SyncMutexLock) {
            Acquire::Park(r) => {
                self.parked.insert(g, st);
                LockResult::Park(r)
            }
            Acquire::Acquired => self.after_sema(g, now, st),
        }
    }

    /// `lockSlow` from the top of its loop (`awoke`: woken by Unlock).
    fn lock_slow(&mut self, g: GoId, now: u64, mut st: LockSlow, mut awoke: bool) -> LockResult {
        loop {
            let old = self.state;
            let mut new = old;
            if old & MUTEX_STARVING == 0 {
                new |= MUTEX_LOCKED;
            }
            if old & (MUTEX_LOCKED | MUTEX_STARVING) != 0 {
                new += ONE_WAITER;
            }
            if st.starving && old & MUTEX_LOCKED != 0 {
                new |= MUTEX_STARVING;
            }
            if awoke {
                new &= !MUTEX_WOKEN;
            }
            self.state = new;
            if old & (MUTEX_LOCKED | MUTEX_STARVING) == 0 {
                return LockResult::Acquired;
            }
            st.lifo = st.wait_start.is_some();
            if st.wait_start.is_none() {
                st.wait_start = Some(now);
            }
            match self.sema.semacquire(g, st.lifo, WaitReason::SyncMutexLock) {
                Acquire::Park(r) => {
                    self.parked.insert(g, st);
                    return LockResult::Park(r);
                }
                Acquire::Acquired => match self.after_sema_step(now, &mut st) {
                    Some(done) => return done,
                    None => awoke = true,
                },
            }
        }
    }

    fn after_sema(&mut self, g: GoId, now: u64, mut st: LockSlow) -> LockResult {
        match self.after_sema_step(now, &mut st) {
            Some(done) => done,
            None => self.lock_slow(g, now, st, true),
        }
    }

    /// What `lockSlow` does after `runtime_SemacquireMutex` returns: in
    /// starvation mode the mutex was handed over; else compete again.
    fn after_sema_step(&mut self, now: u64, st: &mut LockSlow) -> Option<LockResult> {
        let waited = now.saturating_sub(st.wait_start.unwrap_or(now));
        st.starving = st.starving || waited > STARVATION_THRESHOLD_NS;
        let old = self.state;
        if old & MUTEX_STARVING != 0 {
            let mut delta = MUTEX_LOCKED - ONE_WAITER;
            if !st.starving || old >> MUTEX_WAITER_SHIFT == 1 {
                delta -= MUTEX_STARVING;
            }
            self.state += delta;
            return Some(LockResult::Acquired);
        }
        None
    }

    /// `Mutex.Unlock`: may wake a waiter (normal mode) or hand the mutex to
    /// the head waiter (starvation mode). Unlocking an unlocked mutex is
    /// the fatal error `sync: unlock of unlocked mutex`.
    pub fn unlock(&mut self) -> Result<Wakes, Failure> {
        let mut wakes = Wakes::default();
        let new = self.state - MUTEX_LOCKED;
        if new == 0 {
            self.state = 0;
            return Ok(wakes);
        }
        if (new + MUTEX_LOCKED) & MUTEX_LOCKED == 0 {
            return Err(Failure::Fatal("sync: unlock of unlocked mutex"));
        }
        self.state = new;
        if new & MUTEX_STARVING == 0 {
            let old = new;
            if old >> MUTEX_WAITER_SHIFT == 0 || old & (MUTEX_LOCKED | MUTEX_WOKEN | MUTEX_STARVING) != 0 {
                return Ok(wakes);
            }
            self.state = (old - ONE_WAITER) | MUTEX_WOKEN;
            wakes.add(self.sema.semrelease(false));
        } else {
            wakes.add(self.sema.semrelease(true));
        }
        Ok(wakes)
    }
}

const RWMUTEX_MAX_READERS: i64 = 1 << 30;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum RwStage {
    RLock,
    /// Lock waiting for the writers' mutex `w`.
    LockW,
    /// Lock holding `w`, waiting for the readers to leave.
    LockReaders,
}

/// `sync.RWMutex` with Go's writer preference: once a writer calls Lock,
/// new readers queue behind it (`readerCount` goes negative) while the
/// readers already inside finish (`readerWait`).
#[derive(Clone, Debug, Default)]
pub struct RWMutex {
    /// Held by a writer (and by writers waiting for each other).
    pub w: Mutex,
    pub writer_sem: Sema,
    pub reader_sem: Sema,
    /// Readers in or waiting; minus 2^30 while a writer is pending.
    pub reader_count: i64,
    /// Readers the pending writer still waits for.
    pub reader_wait: i64,
    parked: HashMap<GoId, RwStage>,
}

impl RWMutex {
    /// `RWMutex.RLock`.
    pub fn rlock(&mut self, g: GoId) -> LockResult {
        self.reader_count += 1;
        if self.reader_count < 0 {
            return self.park_if(g, RwStage::RLock);
        }
        LockResult::Acquired
    }

    /// Acquires the stage's semaphore, remembering the stage if parked.
    fn park_if(&mut self, g: GoId, stage: RwStage) -> LockResult {
        let r: LockResult = match stage {
            RwStage::RLock => self.reader_sem.semacquire(g, false, WaitReason::SyncRWMutexRLock),
            _ => self.writer_sem.semacquire(g, false, WaitReason::SyncRWMutexLock),
        }
        .into();
        if r != LockResult::Acquired {
            self.parked.insert(g, stage);
        }
        r
    }

    /// `RWMutex.TryRLock`.
    pub fn try_rlock(&mut self) -> bool {
        if self.reader_count < 0 {
            return false;
        }
        self.reader_count += 1;
        true
    }

    /// `RWMutex.RUnlock`: the last reader a pending writer waits for wakes it.
    pub fn runlock(&mut self) -> Result<Wakes, Failure> {
        let mut wakes = Wakes::default();
        let r = self.reader_count - 1;
        if r < 0 {
            if r + 1 == 0 || r + 1 == -RWMUTEX_MAX_READERS {
                return Err(Failure::Fatal("sync: RUnlock of unlocked RWMutex"));
            }
            self.reader_count = r;
            self.reader_wait -= 1;
            if self.reader_wait == 0 {
                wakes.add(self.writer_sem.semrelease(false));
            }
            return Ok(wakes);
        }
        self.reader_count = r;
        Ok(wakes)
    }

    /// `RWMutex.Lock`: first the writers' mutex, then wait for readers.
    pub fn lock(&mut self, g: GoId, now: u64) -> LockResult {
        match self.w.lock(g, now) {
            LockResult::Acquired => self.lock_readers(g),
            park => {
                self.parked.insert(g, RwStage::LockW);
                park
            }
        }
    }

    fn lock_readers(&mut self, g: GoId) -> LockResult {
        self.reader_count -= RWMUTEX_MAX_READERS;
        let r = self.reader_count + RWMUTEX_MAX_READERS;
        if r != 0 {
            self.reader_wait += r;
            if self.reader_wait != 0 {
                return self.park_if(g, RwStage::LockReaders);
            }
        }
        LockResult::Acquired
    }

    /// `RWMutex.TryLock`.
    pub fn try_lock(&mut self) -> bool {
        if !self.w.try_lock() {
            return false;
        }
        if self.reader_count != 0 {
            let _ = self.w.unlock();
            return false;
        }
        self.reader_count = -RWMUTEX_MAX_READERS;
        true
    }

    /// Goroutine `g`, parked in `rlock` or `lock`, runs again at `now`.
    pub fn resume(&mut self, g: GoId, now: u64) -> LockResult {
        let Some(stage) = self.parked.remove(&g) else { return LockResult::Acquired };
        let r = match stage {
            RwStage::RLock => self.reader_sem.semacquire_resume(g, false, WaitReason::SyncRWMutexRLock).into(),
            RwStage::LockReaders => self.writer_sem.semacquire_resume(g, false, WaitReason::SyncRWMutexLock).into(),
            RwStage::LockW => match self.w.lock_resume(g, now) {
                LockResult::Acquired => return self.lock_readers(g),
                park => park,
            },
        };
        if r != LockResult::Acquired {
            self.parked.insert(g, stage);
        }
        r
    }

    /// `RWMutex.Unlock`: readers that queued behind the writer go first
    /// (readied in queue order), then the writers' mutex is released.
    pub fn unlock(&mut self) -> Result<Wakes, Failure> {
        let r = self.reader_count + RWMUTEX_MAX_READERS;
        if r >= RWMUTEX_MAX_READERS {
            return Err(Failure::Fatal("sync: Unlock of unlocked RWMutex"));
        }
        self.reader_count = r;
        let mut wakes = Wakes::default();
        for _ in 0..r {
            wakes.add(self.reader_sem.semrelease(false));
        }
        let more = self.w.unlock()?;
        wakes.ready.extend(more.ready);
        wakes.yield_now |= more.yield_now;
        Ok(wakes)
    }
}

/// `sync.WaitGroup`: Go's 64-bit state (counter in the high half, waiter
/// count in the low) and its semaphore.
#[derive(Clone, Debug, Default)]
pub struct WaitGroup {
    pub state: u64,
    pub sema: Sema,
}

impl WaitGroup {
    /// The counter.
    pub fn counter(&self) -> i32 {
        (self.state >> 32) as i32
    }
    fn waiters(&self) -> u32 {
        (self.state & 0x7fff_ffff) as u32
    }

    /// `WaitGroup.Add(delta)`: reaching zero readies every waiter (in the
    /// order they waited). Going negative panics.
    pub fn add(&mut self, delta: i64) -> Result<Vec<GoId>, Failure> {
        self.state = self.state.wrapping_add((delta as u64) << 32);
        let v = self.counter();
        let w = self.waiters();
        if v < 0 {
            return Err(Failure::Panic("sync: negative WaitGroup counter"));
        }
        if w != 0 && delta > 0 && v as i64 == delta {
            return Err(Failure::Panic("sync: WaitGroup misuse: Add called concurrently with Wait"));
        }
        if v > 0 || w == 0 {
            return Ok(Vec::new());
        }
        self.state = 0;
        let mut ready = Vec::new();
        for _ in 0..w {
            if let Some(g) = self.sema.semrelease(false).ready {
                ready.push(g);
            }
        }
        Ok(ready)
    }

    #[cfg(test)]
    /// `WaitGroup.Done`.
    pub fn done(&mut self) -> Result<Vec<GoId>, Failure> {
        self.add(-1)
    }

    /// `WaitGroup.Wait`: returns at once with a zero counter, else parks.
    pub fn wait(&mut self, g: GoId) -> LockResult {
        if self.counter() == 0 {
            return LockResult::Acquired;
        }
        self.state = self.state.wrapping_add(1);
        self.sema.semacquire(g, false, WaitReason::SyncWaitGroupWait).into()
    }

    /// Goroutine `g`, parked in `wait`, runs again: if the group was
    /// already reused (Add called again), Go panics.
    pub fn wait_resume(&mut self, g: GoId) -> Result<LockResult, Failure> {
        let r = self.sema.semacquire_resume(g, false, WaitReason::SyncWaitGroupWait);
        if r != Acquire::Acquired {
            return Ok(r.into());
        }
        if self.state != 0 {
            return Err(Failure::Panic("sync: WaitGroup is reused before previous Wait has returned"));
        }
        Ok(LockResult::Acquired)
    }
}

/// `sync.Cond`'s `notifyList` (runtime/sema.go): waiters take tickets in
/// order; Signal wakes the waiter holding the oldest unnotified ticket,
/// Broadcast all of them in queue order. The Cond's Locker is the glue's:
/// `Wait` is `t := notify_list_add(); L.Unlock(); notify_list_wait(g, t);
/// (on wake) L.Lock()`.
#[derive(Clone, Debug, Default)]
pub struct Cond {
    /// The next ticket to hand out.
    pub wait: u32,
    /// The next ticket to notify.
    pub notify: u32,
    waiters: VecDeque<(GoId, u32)>,
}

/// Go's `less` on wrapping tickets.
fn ticket_less(a: u32, b: u32) -> bool {
    (a.wrapping_sub(b) as i32) < 0
}

impl Cond {
    /// `notifyListAdd`: the caller's ticket.
    pub fn notify_list_add(&mut self) -> u32 {
        let t = self.wait;
        self.wait = self.wait.wrapping_add(1);
        t
    }

    /// `notifyListWait`: returns at once if ticket `t` was already
    /// notified, else parks (`sync.Cond.Wait`).
    pub fn notify_list_wait(&mut self, g: GoId, t: u32) -> LockResult {
        if ticket_less(t, self.notify) {
            return LockResult::Acquired;
        }
        self.waiters.push_back((g, t));
        LockResult::Park(WaitReason::SyncCondWait)
    }

    /// `notifyListNotifyOne` (`Cond.Signal`).
    pub fn notify_one(&mut self) -> Option<GoId> {
        if self.wait == self.notify {
            return None;
        }
        let t = self.notify;
        self.notify = self.notify.wrapping_add(1);
        let i = self.waiters.iter().position(|&(_, wt)| wt == t)?;
        self.waiters.remove(i).map(|(g, _)| g)
    }

    /// `notifyListNotifyAll` (`Cond.Broadcast`): every waiter, in order.
    pub fn notify_all(&mut self) -> Vec<GoId> {
        if self.wait == self.notify {
            return Vec::new();
        }
        self.notify = self.wait;
        self.waiters.drain(..).map(|(g, _)| g).collect()
    }

}

#[cfg(test)]
mod tests {
    use super::*;

    const MS: u64 = 1_000_000;

    #[test]
    fn mutex_uncontended_and_unlock_of_unlocked_is_fatal() {
        let mut m = Mutex::default();
        assert_eq!(m.unlock(), Err(Failure::Fatal("sync: unlock of unlocked mutex")));
        assert_eq!(m.lock(1, 0), LockResult::Acquired);
        assert!(!m.try_lock());
        assert_eq!(m.unlock(), Ok(Wakes::default()));
        assert!(m.try_lock());
        assert_eq!(m.unlock(), Ok(Wakes::default()));
        assert_eq!(m.unlock(), Err(Failure::Fatal("sync: unlock of unlocked mutex")));
        assert_eq!(m.state, 0);
    }

    #[test]
    fn mutex_waiters_are_woken_fifo_in_normal_mode() {
        let mut m = Mutex::default();
        m.lock(1, 0);
        for g in [2, 3, 4] {
            assert_eq!(m.lock(g, 0), LockResult::Park(WaitReason::SyncMutexLock));
        }
        assert_eq!(m.waiters(), 3);
        let mut order = Vec::new();
        for _ in 0..3 {
            let w = m.unlock().unwrap();
            assert!(!w.yield_now);
            let g = w.ready[0];
            assert_eq!(m.lock_resume(g, 100), LockResult::Acquired);
            order.push(g);
        }
        assert_eq!(order, vec![2, 3, 4]);
        assert_eq!(m.unlock(), Ok(Wakes::default()));
        assert_eq!(m.state, 0);
    }

    #[test]
    fn mutex_newcomer_barges_in_normal_mode_then_starvation_hands_off() {
        let mut m = Mutex::default();
        m.lock(1, 0);
        assert_eq!(m.lock(2, 0), LockResult::Park(WaitReason::SyncMutexLock));
        // 2 ms later 1 unlocks and, still running, locks again: it wins.
        assert_eq!(m.unlock().unwrap().ready, vec![2]);
        assert_eq!(m.lock(1, 2 * MS), LockResult::Acquired);
        // 2 has waited over 1 ms: it requeues at the head, starving.
        assert_eq!(m.lock_resume(2, 2 * MS), LockResult::Park(WaitReason::SyncMutexLock));
        assert!(m.starving());
        // Now Unlock hands the mutex straight to 2, and 1 cannot barge.
        let w = m.unlock().unwrap();
        assert_eq!(w, Wakes { ready: vec![2], yield_now: true });
        assert_eq!(m.lock(1, 3 * MS), LockResult::Park(WaitReason::SyncMutexLock));
        assert!(!m.try_lock());
        assert_eq!(m.lock_resume(2, 3 * MS), LockResult::Acquired);
        assert!(m.starving(), "1 still waits, and 2 waited over 1 ms");
        // 2 unlocks: handoff to 1, the last waiter, which ends starvation.
        assert_eq!(m.unlock().unwrap(), Wakes { ready: vec![1], yield_now: true });
        assert_eq!(m.lock_resume(1, 3 * MS), LockResult::Acquired);
        assert!(!m.starving());
        assert_eq!(m.state, MUTEX_LOCKED);
        m.unlock().unwrap();
        assert_eq!(m.state, 0);
    }

    #[test]
    fn mutex_short_waits_stay_in_normal_mode() {
        let mut m = Mutex::default();
        m.lock(1, 0);
        m.lock(2, 0);
        m.unlock().unwrap();
        m.lock(1, MS / 2);
        assert_eq!(m.lock_resume(2, MS / 2), LockResult::Park(WaitReason::SyncMutexLock));
        assert!(!m.starving());
    }

    #[test]
    fn rwmutex_prefers_a_waiting_writer_over_new_readers() {
        let mut rw = RWMutex::default();
        assert_eq!(rw.rlock(1), LockResult::Acquired);
        assert_eq!(rw.lock(2, 0), LockResult::Park(WaitReason::SyncRWMutexLock));
        assert_eq!(rw.rlock(3), LockResult::Park(WaitReason::SyncRWMutexRLock));
        assert!(!rw.try_rlock());
        assert_eq!(rw.lock(4, 0), LockResult::Park(WaitReason::SyncMutexLock), "writers queue on w");
        // The last old reader leaves: the writer goes.
        assert_eq!(rw.runlock().unwrap().ready, vec![2]);
        assert_eq!(rw.resume(2, 0), LockResult::Acquired);
        // The writer leaves: the queued reader first, then writer 4's turn at w.
        let w = rw.unlock().unwrap();
        assert_eq!(w.ready, vec![3, 4]);
        assert_eq!(rw.resume(3, 0), LockResult::Acquired);
        assert_eq!(rw.resume(4, 0), LockResult::Park(WaitReason::SyncRWMutexLock), "4 waits for reader 3");
        assert_eq!(rw.runlock().unwrap().ready, vec![4]);
        assert_eq!(rw.resume(4, 0), LockResult::Acquired);
        assert_eq!(rw.unlock().unwrap().ready, Vec::<GoId>::new());
        assert!(rw.try_lock());
        assert!(!rw.try_rlock());
        rw.unlock().unwrap();
        assert_eq!((rw.reader_count, rw.w.state), (0, 0));
    }

    #[test]
    fn rwmutex_misuse_is_fatal() {
        let mut rw = RWMutex::default();
        assert_eq!(rw.runlock(), Err(Failure::Fatal("sync: RUnlock of unlocked RWMutex")));
        assert_eq!(rw.unlock(), Err(Failure::Fatal("sync: Unlock of unlocked RWMutex")));
        rw.lock(1, 0);
        assert_eq!(rw.runlock(), Err(Failure::Fatal("sync: RUnlock of unlocked RWMutex")));
        rw.unlock().unwrap();
        rw.rlock(1);
        assert_eq!(rw.unlock(), Err(Failure::Fatal("sync: Unlock of unlocked RWMutex")));
    }

    #[test]
    fn waitgroup_wakes_all_waiters_and_panics_like_go() {
        let mut wg = WaitGroup::default();
        assert_eq!(wg.wait(1), LockResult::Acquired);
        wg.add(2).unwrap();
        assert_eq!(wg.wait(1), LockResult::Park(WaitReason::SyncWaitGroupWait));
        assert_eq!(wg.wait(5), LockResult::Park(WaitReason::SyncWaitGroupWait));
        assert_eq!(wg.done(), Ok(vec![]));
        assert_eq!(wg.done(), Ok(vec![1, 5]));
        assert_eq!(wg.wait_resume(1), Ok(LockResult::Acquired));
        // Reused before 5's Wait returned.
        wg.add(1).unwrap();
        assert_eq!(
            wg.wait_resume(5),
            Err(Failure::Panic("sync: WaitGroup is reused before previous Wait has returned"))
        );
        wg.done().unwrap();
        assert_eq!(wg.done(), Err(Failure::Panic("sync: negative WaitGroup counter")));
        let mut wg = WaitGroup::default();
        assert_eq!(wg.add(-1), Err(Failure::Panic("sync: negative WaitGroup counter")));
    }

    #[test]
    fn cond_signal_wakes_in_ticket_order_and_broadcast_wakes_the_rest() {
        let mut c = Cond::default();
        assert_eq!(c.notify_one(), None);
        let ts: Vec<u32> = (0..4).map(|_| c.notify_list_add()).collect();
        for (g, &t) in [10, 11, 12, 13].iter().zip(&ts) {
            assert_eq!(c.notify_list_wait(*g, t), LockResult::Park(WaitReason::SyncCondWait));
        }
        assert_eq!(c.notify_one(), Some(10));
        assert_eq!(c.notify_one(), Some(11));
        assert_eq!(c.notify_all(), vec![12, 13]);
        assert_eq!(c.notify_all(), vec![]);
        // A ticket notified before its holder waits returns at once.
        let t = c.notify_list_add();
        assert_eq!(c.notify_one(), None, "holder not queued yet");
        assert_eq!(c.notify_list_wait(20, t), LockResult::Acquired);
        assert_eq!(WaitReason::SyncCondWait.as_str(), "sync.Cond.Wait");
    }
}
