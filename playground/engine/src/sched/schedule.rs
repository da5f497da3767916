//! A run's schedule as data: GOMAXPROCS, the seed, and the picks that
//! differ from what the seed would have chosen. With the program, a
//! schedule fixes the run: replaying it gives the same output and the same
//! event stream. A run steered away from its seed (a learner playing the
//! scheduler, an explorer forking at choice k) is its seed plus the picks
//! it overrode, so a seeded run's schedule is a few bytes.
//!
//! As text, a schedule is a token that fits in a URL: `1.` (the format's
//! version) then, in base64url without padding, unsigned LEB128 varints:
//! GOMAXPROCS, the seed, the number of picks, and for each pick the gap
//! from the previous pick's choice index (the first from 0) and the pick.

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

/// GOMAXPROCS, the seed and the overridden picks, in increasing `index`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Schedule {
    pub procs: u32,
    pub seed: u64,
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
            return err("expected VERSION.DATA, e.g. 1.AgE");
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
        Ok(Schedule { procs: procs as u32, seed, picks })
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
            Schedule { procs: 1, seed: 1, picks: vec![] },
            Schedule { procs: 4, seed: u64::MAX, picks: vec![Pick { index: 0, pick: 3 }, Pick { index: 1_000_000, pick: u64::MAX }] },
            Schedule { procs: 256, seed: 0, picks: (0..50).map(|i| Pick { index: i * 3 + 1, pick: i }).collect() },
        ];
        for s in cases {
            let t = s.encode();
            assert!(t.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b)), "{t}");
            assert_eq!(Schedule::decode(&t), Ok(s));
        }
        assert_eq!(Schedule { procs: 2, seed: 1, picks: vec![] }.encode(), "1.AgEA");
    }

    #[test]
    fn bad_tokens_say_what_is_wrong() {
        let bad = |t: &str| Schedule::decode(t).unwrap_err().to_string();
        assert!(bad("AgEA").contains("expected VERSION.DATA"));
        assert!(bad("2.AgEA").contains("version \"2\""));
        assert!(bad("1.Ag=A").contains("not base64url"));
        assert!(bad("1.AAEA").contains("GOMAXPROCS 0"));
        assert!(bad("1.AgE").contains("ends before the number of picks"));
        assert!(bad("1.AgEF").contains("more picks announced"));
        assert!(bad("1.AgEB").contains("ends before a pick's index"));
        assert!(bad("1.AgEAAA").contains("trailing data"));
        let twice = Schedule { procs: 1, seed: 1, picks: vec![Pick { index: 5, pick: 1 }] }.encode();
        assert!(Schedule::decode(&twice).is_ok());
        // Hand-made: two picks with a gap of 0.
        let mut bytes = vec![1, 1, 2, 5, 1, 0, 1];
        let token = format!("1.{}", URL_SAFE_NO_PAD.encode(&bytes));
        assert!(bad(&token).contains("two picks for one choice"));
        bytes = vec![1, 1, 1, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f, 0];
        let token = format!("1.{}", URL_SAFE_NO_PAD.encode(&bytes));
        assert!(bad(&token).contains("overflows 64 bits"), "{}", bad(&token));
    }
}
