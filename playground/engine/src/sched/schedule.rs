//! A run's schedule as data: GOMAXPROCS, the seed, and the picks that
//! differ from what the seed would have chosen. With the program, a
//! schedule fixes the run: replaying it gives the same output and the same
//! event stream. A run steered away from its seed (a learner playing the
//! scheduler, an explorer forking at choice k) is its seed plus the picks
//! it overrode, so a seeded run's schedule is a few bytes.
//!
//! As text, a schedule is a token that fits in a URL: `1.` (the format's
//! version) then, in base64url without padding, unsigned LEB128 varints:
//! GOMAXPROCS, the seed, the strategy (its code, then for `Pct` its depth
//! and its number of steps), the number of picks, and for each pick the
//! gap from the previous pick's choice index (the first from 0) and the
//! pick. Codes 0 to 2 carry nothing more, so a token written before the
//! priority strategies existed reads (and replays) as it always did.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

/// The token format this engine writes and reads.
pub const VERSION: u32 = 1;

/// The most Ps a schedule may ask for (Go allows more; no learner needs them).
pub const MAX_PROCS: u32 = 256;

/// The `index`-th choice of the run (0-based, counting every choice the
/// chooser makes) takes `pick` instead of what the seed draws.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Pick {
    pub index: u64,
    pub pick: u64,
}

/// The most priority-change points a `Pct` schedule may ask for (its
/// depth less one): priorities 1 to `depth - 1` lie below every initial
/// priority ([`PRIORITY_BASE`] and up).
pub const MAX_PCT_DEPTH: u32 = 32;

/// The lowest initial priority of a P under the priority strategies
/// (`Pct`, `Bounded`): a P's initial priority is `PRIORITY_BASE + rank`;
/// a `Preempt` choice's pick `v` in `1..PRIORITY_BASE` sets the top P's
/// priority to `v`, below all of them.
pub const PRIORITY_BASE: u64 = 64;

/// How the seed's draws become the hardware's choices (the program's
/// choices, `select` and maps, are uniform under all of them).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Strategy {
    /// Each choice uniform over its range.
    #[default]
    Random,
    /// Each timing choice at one end of its range or the other: the
    /// shortest or longest slice, wake-up or cost (whether the OS stalls
    /// an M stays random). Rare interleavings (a thread that wakes at
    /// once, or very late) come up far more often than under `Random`.
    Extremes,
    /// Random choices, but the OS stalls an M after one slice in two
    /// (half of them long, up to 1ms) rather than one in sixteen: a goroutine overtaken between its start
    /// and its first shared operation, which real Go shows once in
    /// hundreds of runs, comes up often.
    Stalls,
    /// PCT (Burckhardt, Kothari, Musuvathi, Nagarakatte, ASPLOS 2010):
    /// every P gets a random priority, and the highest-priority P that can
    /// move moves next: the OS keeps the others off their cores (holds
    /// their clocks) until it cannot (see `Sched::prioritize`). At `depth
    /// - 1` change points drawn uniformly among the run's first `steps`
    /// decision points (moments where two Ps or more could move), the top
    /// P drops below all others. A bug that needs `depth` ordering
    /// constraints between n Ps is found with probability at least
    /// 1/(n·steps^(depth-1)) per run. Random choices otherwise. `steps`
    /// 0 in an `explore::ExploreConfig` asks the explorer to measure it.
    Pct { depth: u32, steps: u32 },
    /// A preemption-bounded systematic search's run (CHESS's iterative
    /// context bounding, driven by `explore`): priorities as under `Pct`,
    /// but drawn as "P0 first, then P1...", and no change point of its
    /// own. The search picks which P starts on top and the decision
    /// points where the top P is preempted, as the schedule's picks.
    Bounded,
}

impl Strategy {
    fn code(self) -> u64 {
        match self {
            Strategy::Random => 0,
            Strategy::Extremes => 1,
            Strategy::Stalls => 2,
            Strategy::Pct { .. } => 3,
            Strategy::Bounded => 4,
        }
    }

    /// Whether Ps' priorities decide which P moves next (and the run makes
    /// `Priority` and `Preempt` choices).
    pub fn prioritized(self) -> bool {
        matches!(self, Strategy::Pct { .. } | Strategy::Bounded)
    }
}

/// GOMAXPROCS, the seed, the strategy and the overridden picks, in
/// increasing `index`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Schedule {
    pub procs: u32,
    pub seed: u64,
    pub strategy: Strategy,
    pub picks: Vec<Pick>,
}

/// Why a token is not a schedule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScheduleError(pub String);

impl std::fmt::Display for ScheduleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "invalid schedule token: {}", self.0)
    }
}

impl std::error::Error for ScheduleError {}

impl Schedule {
    /// The token of this schedule.
    pub fn encode(&self) -> String {
        let mut bytes = Vec::new();
        put(&mut bytes, self.procs as u64);
        put(&mut bytes, self.seed);
        put(&mut bytes, self.strategy.code());
        if let Strategy::Pct { depth, steps } = self.strategy {
            put(&mut bytes, depth as u64);
            put(&mut bytes, steps as u64);
        }
        put(&mut bytes, self.picks.len() as u64);
        let mut last = 0;
        for p in &self.picks {
            put(&mut bytes, p.index - last);
            put(&mut bytes, p.pick);
            last = p.index;
        }
        format!("{VERSION}.{}", URL_SAFE_NO_PAD.encode(bytes))
    }

    /// Reads a token written by [`Schedule::encode`].
    pub fn decode(token: &str) -> Result<Schedule, ScheduleError> {
        let err = |m: &str| Err(ScheduleError(m.to_string()));
        let Some((version, body)) = token.trim().split_once('.') else {
            return err("expected VERSION.DATA, e.g. 1.AgEAAA");
        };
        if version != VERSION.to_string() {
            return Err(ScheduleError(format!("version {version:?}; this engine reads version {VERSION}")));
        }
        let Ok(bytes) = URL_SAFE_NO_PAD.decode(body) else {
            return err("the data is not base64url (A-Z a-z 0-9 - _, no padding)");
        };
        let mut r = Reader { bytes: &bytes, at: 0 };
        let procs = r.get("GOMAXPROCS")?;
        if procs == 0 || procs > MAX_PROCS as u64 {
            return Err(ScheduleError(format!("GOMAXPROCS {procs} is outside 1..={MAX_PROCS}")));
        }
        let seed = r.get("the seed")?;
        let strategy = match r.get("the strategy")? {
            0 => Strategy::Random,
            1 => Strategy::Extremes,
            2 => Strategy::Stalls,
            3 => {
                let depth = r.get("PCT's depth")?;
                if depth == 0 || depth > MAX_PCT_DEPTH as u64 {
                    return Err(ScheduleError(format!("PCT's depth {depth} is outside 1..={MAX_PCT_DEPTH}")));
                }
                let steps = r.get("PCT's number of steps")?;
                let steps = u32::try_from(steps).map_err(|_| ScheduleError(format!("PCT's number of steps {steps} is too large")))?;
                Strategy::Pct { depth: depth as u32, steps }
            }
            4 => Strategy::Bounded,
            code => return Err(ScheduleError(format!("unknown strategy {code}"))),
        };
        let n = r.get("the number of picks")?;
        // Each pick takes at least two bytes: a count beyond that is a lie.
        if n > (bytes.len() as u64) / 2 {
            return err("more picks announced than the data holds");
        }
        let mut picks = Vec::with_capacity(n as usize);
        let mut index = 0u64;
        for i in 0..n {
            let gap = r.get("a pick's index")?;
            if i > 0 && gap == 0 {
                return err("two picks for one choice");
            }
            index = index.checked_add(gap).ok_or_else(|| ScheduleError("a pick's index overflows".into()))?;
            picks.push(Pick { index, pick: r.get("a pick")? });
        }
        if r.at != bytes.len() {
            return err("trailing data after the last pick");
        }
        Ok(Schedule { procs: procs as u32, seed, strategy, picks })
    }
}

fn put(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let byte = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn get(&mut self, what: &str) -> Result<u64, ScheduleError> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let Some(&b) = self.bytes.get(self.at) else {
                return Err(ScheduleError(format!("the data ends before {what}")));
            };
            self.at += 1;
            let bits = (b & 0x7f) as u64;
            if shift == 63 && bits > 1 {
                return Err(ScheduleError(format!("{what} overflows 64 bits")));
            }
            v |= bits << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(ScheduleError(format!("{what} overflows 64 bits")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_round_trip() {
        let cases = [
            Schedule { procs: 1, seed: 1, strategy: Strategy::Random, picks: vec![] },
            Schedule { procs: 4, seed: u64::MAX, strategy: Strategy::Extremes, picks: vec![Pick { index: 0, pick: 3 }, Pick { index: 1_000_000, pick: u64::MAX }] },
            Schedule { procs: 256, seed: 0, strategy: Strategy::Random, picks: (0..50).map(|i| Pick { index: i * 3 + 1, pick: i }).collect() },
        ];
        for s in cases {
            let t = s.encode();
            assert!(t.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b)), "{t}");
            assert_eq!(Schedule::decode(&t), Ok(s));
        }
        assert_eq!(Schedule { procs: 2, seed: 1, strategy: Strategy::Random, picks: vec![] }.encode(), "1.AgEAAA");
    }

    #[test]
    fn priority_strategies_round_trip_and_old_tokens_read_as_before() {
        let cases = [
            Schedule { procs: 4, seed: 9, strategy: Strategy::Pct { depth: 3, steps: 1200 }, picks: vec![] },
            Schedule { procs: 8, seed: 1, strategy: Strategy::Pct { depth: MAX_PCT_DEPTH, steps: u32::MAX }, picks: vec![Pick { index: 2, pick: 5 }] },
            Schedule { procs: 2, seed: 3, strategy: Strategy::Bounded, picks: vec![Pick { index: 0, pick: 1 }, Pick { index: 40, pick: 63 }] },
        ];
        for s in cases {
            assert_eq!(Schedule::decode(&s.encode()), Ok(s));
        }
        // Tokens of the first three strategies are the bytes they were.
        for (token, strategy) in [("1.AgEAAA", Strategy::Random), ("1.AgEBAA", Strategy::Extremes), ("1.AgECAA", Strategy::Stalls)] {
            assert_eq!(Schedule::decode(token), Ok(Schedule { procs: 2, seed: 1, strategy, picks: vec![] }));
        }
        let token = |bytes: &[u8]| format!("1.{}", URL_SAFE_NO_PAD.encode(bytes));
        let bad = |t: &str| Schedule::decode(t).unwrap_err().to_string();
        assert!(bad(&token(&[2, 1, 3])).contains("ends before PCT's depth"));
        assert!(bad(&token(&[2, 1, 3, 0, 5, 0])).contains("depth 0 is outside"));
        assert!(bad(&token(&[2, 1, 3, 33, 5, 0])).contains("depth 33 is outside"));
        assert!(bad(&token(&[2, 1, 3, 2])).contains("ends before PCT's number of steps"));
        assert!(bad(&token(&[2, 1, 3, 2, 0x80, 0x80, 0x80, 0x80, 0x10, 0])).contains("too large"));
        assert!(bad(&token(&[2, 1, 5, 0])).contains("unknown strategy 5"));
    }

    #[test]
    fn bad_tokens_say_what_is_wrong() {
        let bad = |t: &str| Schedule::decode(t).unwrap_err().to_string();
        let token = |bytes: &[u8]| format!("1.{}", URL_SAFE_NO_PAD.encode(bytes));
        assert!(bad("AgEA").contains("expected VERSION.DATA"));
        assert!(bad("2.AgEA").contains("version \"2\""));
        assert!(bad("1.Ag=A").contains("not base64url"));
        assert!(bad(&token(&[0, 1, 0, 0])).contains("GOMAXPROCS 0"));
        assert!(bad(&token(&[2, 1])).contains("ends before the strategy"));
        assert!(bad(&token(&[2, 1, 7, 0])).contains("unknown strategy 7"));
        assert!(bad(&token(&[2, 1, 0])).contains("ends before the number of picks"));
        assert!(bad(&token(&[2, 1, 0, 5])).contains("more picks announced"));
        assert!(bad(&token(&[2, 1, 0, 1])).contains("ends before a pick's index"));
        assert!(bad(&token(&[2, 1, 0, 0, 0])).contains("trailing data"));
        let twice = Schedule { procs: 1, seed: 1, strategy: Strategy::Random, picks: vec![Pick { index: 5, pick: 1 }] }.encode();
        assert!(Schedule::decode(&twice).is_ok());
        // Hand-made: two picks with a gap of 0.
        assert!(bad(&token(&[1, 1, 0, 2, 5, 1, 0, 1])).contains("two picks for one choice"));
        let long = token(&[1, 1, 0, 1, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f, 0]);
        assert!(bad(&long).contains("overflows 64 bits"), "{}", bad(&long));
    }
}
