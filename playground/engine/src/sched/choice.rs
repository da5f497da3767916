//! The run's one chooser: every choice Go leaves open, and the only
//! randomness in the engine. A run is a pure function of (program,
//! GOMAXPROCS, seed) because each open choice is drawn here, through a
//! method named for what it decides, from generators seeded by the run's
//! seed and identical on every host.
//!
//! The scheduler owns the chooser ([`super::Sched::chooser`]) and draws its
//! own choices from it: which P to steal from first, how late a woken
//! thread or sysmon runs, how long a slice of work takes. It lends it to
//! the [`super::Machine`] for each call that may run the program
//! ([`super::Machine::run`], [`super::Machine::timer_fired`]); the VM draws
//! the program's choices from it then: `select`'s poll order, a map's hash
//! seed and iteration start, `math/rand`.
//!
//! Two streams inside, as before they shared an owner: the scheduler's
//! choices come from a wyrand stream, the program's from a splitmix64
//! stream, each seeded and stepped as it always was, so every run draws
//! exactly the values it drew before. Keeping them apart also keeps the
//! program's choices independent of how many scheduler draws came
//! between them.
//!
//! Every draw passes through `Chooser::made` with its [`ChoiceKind`] and
//! its number of alternatives: the one place where a log of the run's
//! choices can be recorded, and where replaying or steering it can supply
//! the picks instead of the generators.

use super::schedule::{PRIORITY_BASE, Pick, Strategy};

/// What an open choice decides. A log records each choice as (kind,
/// number of alternatives, pick); see `Chooser::made`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChoiceKind {
    // The scheduler's choices.
    /// `stealWork`: where `stealOrder` starts among the Ps and its stride,
    /// one 32-bit word (`cheaprand()`) per pass.
    StealOrder,
    /// `startm`: how long after `notewakeup` the woken M runs (the OS's
    /// wake-up latency), in ns above the minimum.
    WakeLatency,
    /// sysmon: how late the OS wakes it from its `usleep(delay)`, in ns;
    /// it decides when `retake` preempts.
    SysmonOversleep,
    /// Extra ns a slice of work costs (real CPUs run at uneven speeds).
    SliceJitter,
    /// How many instructions a P runs before the others catch up with it:
    /// where the boundaries between Ps' slices land, so where plain loads
    /// and stores of shared variables interleave.
    SliceLength,
    /// Where in its range of ns a step costs (`newproc`, a runtime call,
    /// a write): which P reaches its next shared operation first.
    OpCost,
    /// Whether a map access on one P lands inside another P's write to
    /// the same map (Go's `hashWriting` check): where in a burst of
    /// writes the access falls.
    MapRace,
    /// How late the M blocked in `netpoll` wakes for a due timer while
    /// another P is busy.
    NetpollLate,
    /// Whether the OS takes the core away from an M after a slice, and
    /// for how long (one number: 0 or a stall).
    OsStall,
    /// Under the priority strategies (`Pct`, `Bounded`) only, at the
    /// start: which of the Ps not ranked yet gets the next-highest
    /// priority (the pick indexes them in increasing P number).
    Priority,
    /// Under the priority strategies only, at each decision point (two Ps
    /// or more could move): 0 keeps the priorities; `v` >= 1 sets the top
    /// P's to `v`, below every initial one (PCT's change point, a bounded
    /// search's preemption): the OS takes its core away.
    Preempt,
    // The program's choices.
    /// `selectgo`: the slot in `pollorder` the next case swaps with.
    SelectPollOrder,
    /// `makemap`: the map's hash seed (`h.hash0`), one 64-bit word.
    MapHashSeed,
    /// `mapiterinit`: where a `range` over a map starts, one 64-bit word.
    MapIterStart,
    /// `math/rand.Intn(n)` and the swaps of `Perm` and `Shuffle`.
    RandIntn,
    /// `math/rand`'s 64 random bits (`Int`, `Float64`).
    RandUint64,
}

impl ChoiceKind {
    /// A choice of how long something takes on the hardware (what the
    /// `Extremes` strategy pushes to the ends of its range).
    pub fn is_timing(self) -> bool {
        use ChoiceKind::*;
        matches!(self, WakeLatency | SysmonOversleep | SliceJitter | SliceLength | OpCost | NetpollLate)
    }
}

/// One choice a run made: what it decided, among how many alternatives
/// (0 for a full 64-bit word), and the pick.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Choice {
    pub kind: ChoiceKind,
    pub alternatives: u64,
    pub pick: u64,
}

/// The run's one source of choices (see the module doc).
#[derive(Clone, Debug)]
pub struct Chooser {
    /// The scheduler's choices.
    sched: WyRand,
    /// The program's choices.
    program: SplitMix64,
    /// Choices made so far: the index of the next one.
    count: u64,
    /// The schedule's overridden picks, in increasing index, and the next
    /// one to apply.
    picks: Vec<Pick>,
    next_pick: usize,
    /// Every choice made, when the run keeps them.
    log: Option<Vec<Choice>>,
    strategy: Strategy,
    /// No picks to apply, no log, random strategy: a choice is its draw
    /// (the fast path of every seeded run).
    plain: bool,

    /// A stand-in holds the place of a chooser that is lent out; it must
    /// never be drawn from (checked in debug builds).
    stand_in: bool,
}

impl Chooser {
    pub fn new(seed: u64) -> Chooser {
        Chooser::with_picks(seed, Strategy::Random, Vec::new(), false)
    }

    /// A chooser that draws from `seed` under `strategy` except where
    /// `picks` (in increasing index) say otherwise, and logs every choice
    /// if `log`.
    pub fn with_picks(seed: u64, strategy: Strategy, picks: Vec<Pick>, log: bool) -> Chooser {
        Chooser {
            sched: WyRand::new(seed),
            program: SplitMix64::new(seed),
            count: 0,
            plain: picks.is_empty() && !log && strategy == Strategy::Random,
            picks,
            next_pick: 0,
            log: log.then(Vec::new),
            strategy,
            stand_in: false,
        }
    }

    /// What stands in a chooser's place while it is lent (the scheduler's
    /// field while the Machine holds it, the VM's between Machine calls).
    pub fn stand_in() -> Chooser {
        Chooser { stand_in: true, ..Chooser::with_picks(0, Strategy::Random, Vec::new(), false) }
    }

    /// How many choices the run has made.
    pub fn count(&self) -> u64 {
        self.count
    }

    /// The choices made so far, if logged (else none).
    pub fn logged(&self) -> &[Choice] {
        self.log.as_deref().unwrap_or_default()
    }

    /// The choices made, if logged.
    pub fn take_log(&mut self) -> Vec<Choice> {
        self.log.take().unwrap_or_default()
    }

    /// Every choice passes here: `kind`, among `alternatives` (0 for a
    /// full 64-bit word), drawn `pick`. A schedule's pick for this choice
    /// replaces it (reduced modulo `alternatives`: a token made for
    /// another program still gives a valid run); the log records it.
    #[inline(always)]
    fn made(&mut self, kind: ChoiceKind, alternatives: u64, pick: u64) -> u64 {
        debug_assert!(!self.stand_in, "a {kind:?} choice ({alternatives} alternatives) drawn from a lent chooser's stand-in");
        let index = self.count;
        self.count += 1;
        if self.plain {
            return pick;
        }
        self.steered(index, kind, alternatives, pick)
    }

    /// [`Chooser::made`] under a strategy, picks or a log.
    #[inline(never)]
    fn steered(&mut self, index: u64, kind: ChoiceKind, alternatives: u64, pick: u64) -> u64 {
        let pick = if self.strategy == Strategy::Extremes && kind.is_timing() && alternatives > 1 {
            // One end or the other, by the draw's parity.
            if pick & 1 == 0 { 0 } else { alternatives - 1 }
        } else {
            pick
        };
        let pick = match self.picks.get(self.next_pick) {
            Some(p) if p.index == index => {
                self.next_pick += 1;
                if alternatives == 0 { p.pick } else { p.pick % alternatives }
            }
            _ => pick,
        };
        if let Some(log) = &mut self.log {
            log.push(Choice { kind, alternatives, pick });
        }
        pick
    }

    // The scheduler's choices.

    /// `stealWork`: the word `stealOrder.start` takes for one pass over
    /// the Ps (see [`super::proc::steal_order`]).
    pub fn steal_order(&mut self) -> u32 {
        let pick = self.sched.next_u32();
        self.made(ChoiceKind::StealOrder, 1 << 32, pick as u64) as u32
    }

    /// `startm`: ns a woken M takes to run, from `min` to `min` times 2 to
    /// the `octaves`, log-uniform: the pick is 256 steps per octave.
    pub fn wake_latency(&mut self, min: u64, octaves: u32) -> u64 {
        self.log_uniform(ChoiceKind::WakeLatency, min, octaves)
    }

    /// sysmon: ns it wakes late from its sleep, in `0..max` (0 if `max` is 0).
    pub fn sysmon_oversleep(&mut self, max: u32) -> u32 {
        let pick = self.sched.below(max);
        self.made(ChoiceKind::SysmonOversleep, max as u64, pick as u64) as u32
    }

    /// Extra ns a slice of work costs, in `0..n` (0 if `n` is 0).
    #[inline]
    pub fn slice_jitter(&mut self, n: u32) -> u32 {
        let pick = self.sched.below(n);
        self.made(ChoiceKind::SliceJitter, n as u64, pick as u64) as u32
    }

    /// The instructions a slice runs, in `max / 2..=max` (`max` >= 1).
    #[inline]
    pub fn slice_length(&mut self, max: u32) -> u32 {
        let lo = max / 2;
        let pick = self.sched.below(max - lo + 1);
        lo + self.made(ChoiceKind::SliceLength, (max - lo + 1) as u64, pick as u64) as u32
    }

    /// The ns a step costs, in `lo..lo + spread`.
    #[inline]
    pub fn op_cost(&mut self, (lo, spread): (u64, u32)) -> u64 {
        let pick = self.sched.below(spread);
        lo + self.made(ChoiceKind::OpCost, spread as u64, pick as u64)
    }

    /// Whether a map access inside another P's burst of writes sees its
    /// `hashWriting` flag: one time in `one_in` (pick 0).
    pub fn map_race(&mut self, one_in: u64) -> bool {
        let n = one_in.max(1);
        let pick = ((self.sched.next_u64() as u128 * n as u128) >> 64) as u64;
        self.made(ChoiceKind::MapRace, n, pick) == 0
    }

    /// ns after a due timer the M blocked in `netpoll` returns, log-uniform
    /// as [`Chooser::wake_latency`].
    pub fn netpoll_late(&mut self, min: u64, octaves: u32) -> u64 {
        self.log_uniform(ChoiceKind::NetpollLate, min, octaves)
    }

    /// A `kind` choice of ns from `min` to `min` times 2 to the `octaves`,
    /// 256 steps per octave.
    fn log_uniform(&mut self, kind: ChoiceKind, min: u64, octaves: u32) -> u64 {
        let n = octaves * 256;
        let pick = self.sched.below(n);
        log_uniform(min, self.made(kind, n as u64, pick as u64) as u32)
    }

    /// ns the OS stalls an M after a slice: 0, except one time in
    /// `one_in`, then log-uniform from `min` to `min` times 2 to the
    /// `octaves` (as [`Chooser::wake_latency`]); and for `long_picks` of
    /// the picks past those, a long stall, log-uniform over the
    /// `long_octaves` above. The short stalls keep the picks they always
    /// had; the long ones take picks that meant no stall.
    #[inline]
    pub fn os_stall(&mut self, min: u64, (octaves, one_in): (u32, u32), (long_octaves, long_picks): (u32, u32)) -> u64 {
        let n = octaves * 256 * one_in;
        let short = octaves * 256;
        let stalls = short + long_picks;
        // `Stalls` draws a short stall one time in four and a long one
        // one time in four, within the same ranges of picks, so a pick
        // means the same under every strategy (a fork keeps its past
        // whatever strategy draws its future).
        let pick = if self.strategy == Strategy::Stalls && n > stalls {
            let d = self.sched.below(short * 4);
            match d / short {
                0 => d,
                1 => short + (d - short) % long_picks.max(1),
                _ => stalls + d % (n - stalls),
            }
        } else {
            self.sched.below(n)
        };
        let pick = self.made(ChoiceKind::OsStall, n as u64, pick as u64) as u32;
        if pick < short {
            log_uniform(min, pick)
        } else if pick < stalls {
            // 256 / (picks per octave) steps of the log scale per pick.
            let per_octave = (long_picks / long_octaves.max(1)).max(1);
            log_uniform(min << octaves, (pick - short) * (256 / per_octave))
        } else {
            0
        }
    }

    /// Under the priority strategies, at the start: which of `left` Ps not
    /// ranked yet (in increasing P number) takes the next-highest
    /// priority. `Pct` draws it uniformly (a random permutation, as PCT's
    /// initial priorities); `Bounded` takes the first (P0 on top, then P1...).
    pub fn priority(&mut self, left: u32) -> u32 {
        let pick = match self.strategy {
            Strategy::Pct { .. } => self.sched.below(left),
            _ => 0,
        };
        self.made(ChoiceKind::Priority, left as u64, pick as u64) as u32
    }

    /// Under the priority strategies, at a decision point: 0, or the
    /// priority (in `1..PRIORITY_BASE`) the top P drops to. The draw is
    /// `change`: PCT's change point's priority there, else 0 (`Bounded`
    /// never drops by itself: its search preempts through picks).
    pub fn preempt(&mut self, change: u64) -> u64 {
        self.made(ChoiceKind::Preempt, PRIORITY_BASE, change)
    }

    /// PCT's d - 1 change points for a run of `seed`: (decision point,
    /// the priority the top P takes there), uniform among the first
    /// `steps` decision points, the i-th drawn with priority i (the
    /// paper's k_i with priority i). From a stream of their own, so they
    /// do not depend on when the other choices are drawn.
    pub fn pct_changes(seed: u64, depth: u32, steps: u32) -> Vec<(u64, u64)> {
        let mut r = WyRand::new(seed ^ 0x5043_545f_6368_616e);
        (1..depth.max(1) as u64).map(|i| (r.below(steps.max(1)) as u64, i)).collect()
    }

    // The program's choices.

    /// `selectgo`'s shuffle: the case at position `k - 1` of the poll
    /// order swaps with the one at the result, in `0..k` (`k` >= 1).
    pub fn select_pollorder(&mut self, k: u64) -> usize {
        let pick = self.program.next_u64() % k;
        self.made(ChoiceKind::SelectPollOrder, k, pick) as usize
    }

    /// `makemap`: a new map's hash seed.
    pub fn map_hash_seed(&mut self) -> u64 {
        let pick = self.program.next_u64();
        self.made(ChoiceKind::MapHashSeed, 0, pick)
    }

    /// `mapiterinit`: where a `range` over a map starts.
    pub fn map_iter_start(&mut self) -> u64 {
        let pick = self.program.next_u64();
        self.made(ChoiceKind::MapIterStart, 0, pick)
    }

    /// `math/rand.Intn(n)`: a value in `0..n` (`n` >= 1).
    pub fn rand_intn(&mut self, n: u64) -> u64 {
        let pick = self.program.next_u64() % n;
        self.made(ChoiceKind::RandIntn, n, pick)
    }

    /// `math/rand`'s 64 random bits.
    pub fn rand_uint64(&mut self) -> u64 {
        let pick = self.program.next_u64();
        self.made(ChoiceKind::RandUint64, 0, pick)
    }
}

/// `min` times 2 to the power `pick / 256`, in 256 linear steps per octave:
/// integers only, so every host computes the same value.
fn log_uniform(min: u64, pick: u32) -> u64 {
    let (octave, step) = (pick / 256, pick % 256);
    (min << octave) * (256 + step as u64) / 256
}

/// wyrand: one 64-bit state word, fast, good enough statistically, and
/// identical on every host (no platform randomness anywhere). The
/// scheduler's stream; tests also use it for their random inputs.
#[derive(Clone, Debug)]
pub(crate) struct WyRand {
    state: u64,
}

impl WyRand {
    pub(crate) fn new(seed: u64) -> WyRand {
        // Mix the seed so that nearby seeds give unrelated streams.
        let mut r = WyRand { state: seed ^ 0x9E37_79B9_7F4A_7C15 };
        r.next_u64();
        r
    }

    pub(crate) fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0xa076_1d64_78bd_642f);
        let t = (self.state as u128).wrapping_mul((self.state ^ 0xe703_7ed1_a0b4_28db) as u128);
        ((t >> 64) as u64) ^ (t as u64)
    }

    /// Go's `cheaprand`: a 32-bit value.
    pub(crate) fn next_u32(&mut self) -> u32 {
        (self.next_u64() >> 32) as u32
    }

    /// A value in `0..n` (0 when n == 0), like Go's `cheaprandn`.
    pub(crate) fn below(&mut self, n: u32) -> u32 {
        if n == 0 {
            return 0;
        }
        ((self.next_u32() as u64 * n as u64) >> 32) as u32
    }
}

/// splitmix64: the program's stream.
#[derive(Clone, Debug)]
struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    fn new(seed: u64) -> SplitMix64 {
        // Another mix than the scheduler's: the two streams are unrelated.
        SplitMix64 { state: seed ^ 0x2545_F491_4F6C_DD1D }
    }

    fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_stream_and_bounds() {
        let (mut a, mut b, mut c) = (WyRand::new(7), WyRand::new(7), WyRand::new(8));
        let xs: Vec<u64> = (0..8).map(|_| a.next_u64()).collect();
        let ys: Vec<u64> = (0..8).map(|_| b.next_u64()).collect();
        let zs: Vec<u64> = (0..8).map(|_| c.next_u64()).collect();
        assert_eq!(xs, ys);
        assert_ne!(xs, zs);
        assert!((0..1000).all(|_| a.below(5) < 5));
        assert_eq!(a.below(0), 0);
    }

    /// The streams are the ones runs were recorded with: a change here
    /// changes every run's schedule.
    #[test]
    fn both_streams_draw_the_values_they_always_drew() {
        let mut s = WyRand::new(7);
        assert_eq!([s.next_u64(), s.next_u64(), s.next_u64()], [0x3cc6_5dfc_91b8_65dc, 0x0d07_ca9a_571b_4c0c, 0x285e_3e53_5814_b6e6]);
        let mut p = SplitMix64::new(7);
        assert_eq!([p.next_u64(), p.next_u64(), p.next_u64()], [0xc13a_5e12_2c6c_4d0f, 0xde10_a97d_0348_dae1, 0x0403_17ea_b8ec_4720]);
        // Each choice maps its stream's word as the draws it replaces did.
        let mut c = Chooser::new(7);
        assert_eq!(c.map_hash_seed(), 0xc13a_5e12_2c6c_4d0f);
        assert_eq!(c.select_pollorder(5), (0xde10_a97d_0348_dae1u64 % 5) as usize);
        assert_eq!(c.rand_intn(1000), 0x0403_17ea_b8ec_4720 % 1000);
        assert_eq!(c.steal_order(), (0x3cc6_5dfc_91b8_65dcu64 >> 32) as u32);
        let pick = (((0x0d07_ca9a_571b_4c0cu64 >> 32) * 2048) >> 32) as u32;
        assert_eq!(c.wake_latency(1000, 8), (1000u64 << (pick / 256)) * (256 + (pick % 256) as u64) / 256);
    }

    #[test]
    fn the_streams_are_independent() {
        // Scheduler draws between the program's leave the program's alone.
        let (mut a, mut b) = (Chooser::new(3), Chooser::new(3));
        let xs: Vec<u64> = (0..4).map(|_| a.map_iter_start()).collect();
        let ys: Vec<u64> = (0..4)
            .map(|_| {
                b.steal_order();
                b.slice_jitter(100);
                b.map_iter_start()
            })
            .collect();
        assert_eq!(xs, ys);
    }

    #[test]
    #[cfg(debug_assertions)]
    #[should_panic(expected = "stand-in")]
    fn a_stand_in_is_never_drawn_from() {
        Chooser::stand_in().map_hash_seed();
    }
}
