//! Zones of the tz database, read as Go's `time/zoneinfo.go` reads a
//! loaded `Location`: `lookup` (the zone in effect at an instant, from the
//! transitions and, past the last one, the POSIX TZ string's rule,
//! `tzset`), `lookupFirstZone` and `lookupName`, function for function.
//! The zones themselves are `tzdata.rs`, copied from Go's zoneinfo.zip.

use crate::format::time as ft;

/// One zone of the database, as `LoadLocationFromTZData` reads its file.
pub(crate) struct TzZone {
    /// Its name, `America/New_York`.
    pub name: &'static str,
    /// Its zone types: abbreviation, seconds east of UTC, daylight saving.
    pub types: &'static [(&'static str, i32, bool)],
    /// Its transitions, each the zigzag varint of the seconds since the
    /// one before (the first's since the Unix epoch), then the index of
    /// the type in effect from then on.
    pub tx: &'static [u8],
    /// The POSIX TZ string for times after the last transition.
    pub extend: &'static str,
}

/// The zone of this name, if the playground has it.
pub(crate) fn find(name: &[u8]) -> Option<usize> {
    super::tzdata::ZONES.iter().position(|z| z.name.as_bytes() == name)
}

pub(crate) fn zone(i: usize) -> Option<&'static TzZone> {
    super::tzdata::ZONES.get(i)
}

/// Go's `alpha` and `omega`: the ends of time, for a zone's bounds.
const ALPHA: i64 = -1 << 63;
const OMEGA: i64 = i64::MAX;

/// The zone in effect at an instant and the instants it starts and ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Lookup {
    pub name: &'static str,
    pub offset: i64,
    pub start: i64,
    pub end: i64,
    pub is_dst: bool,
}

impl TzZone {
    /// The transitions: (when, type index).
    fn transitions(&self) -> impl Iterator<Item = (i64, usize)> + '_ {
        let mut at = 0;
        let mut when = 0i64;
        std::iter::from_fn(move || {
            let (mut z, mut shift) = (0u64, 0);
            loop {
                let b = *self.tx.get(at)?;
                at += 1;
                z |= u64::from(b & 0x7f) << shift;
                shift += 7;
                if b & 0x80 == 0 {
                    break;
                }
            }
            when = when.wrapping_add(((z >> 1) as i64) ^ -((z & 1) as i64));
            let index = *self.tx.get(at)? as usize;
            at += 1;
            Some((when, index))
        })
    }

    fn zone_type(&self, i: usize, start: i64, end: i64) -> Lookup {
        let (name, offset, is_dst) = self.types.get(i).copied().unwrap_or(("UTC", 0, false));
        Lookup { name, offset: i64::from(offset), start, end, is_dst }
    }

    /// Go's `Location.lookup(sec)`, `sec` in Unix seconds.
    pub(crate) fn lookup(&self, sec: i64) -> Lookup {
        // The transitions' list is short (under 200): a walk, not a search.
        // A zone without transitions has one at alpha (Go's
        // LoadLocationFromTZData adds it).
        let mut last: Option<(i64, usize)> = self.tx.is_empty().then_some((ALPHA, 0));
        let mut end = OMEGA;
        let mut is_last = true;
        for (when, index) in self.transitions() {
            if sec < when {
                end = when;
                is_last = false;
                break;
            }
            last = Some((when, index));
        }
        let Some((start, index)) = last else {
            // Before the first transition (or none at all: Go adds one at
            // alpha).
            let first = self.transitions().next().map_or(OMEGA, |t| t.0);
            let end = if self.tx.is_empty() { OMEGA } else { first };
            return self.zone_type(self.lookup_first_zone(), ALPHA, end);
        };
        let z = self.zone_type(index, start, end);
        // Past the known transitions, the extend string says.
        if is_last
            && !self.extend.is_empty()
            && let Some(l) = tzset(self.extend, start, sec)
        {
            return l;
        }
        z
    }

    /// Go's `lookupFirstZone`: the zone of times before the first
    /// transition.
    fn lookup_first_zone(&self) -> usize {
        // Case 1: the first zone is unused by transitions: use it.
        if !self.transitions().any(|(_, i)| i == 0) {
            return 0;
        }
        // Case 2: the first transition is to a DST zone: the first
        // non-DST zone before it.
        if let Some((_, first)) = self.transitions().next()
            && self.types.get(first).is_some_and(|t| t.2)
        {
            for zi in (0..first).rev() {
                if !self.types[zi].2 {
                    return zi;
                }
            }
        }
        // Case 3: the first non-DST zone; case 4: the first zone.
        self.types.iter().position(|t| !t.2).unwrap_or(0)
    }

    /// Go's `lookupName`: the offset of the zone of this abbreviation in
    /// effect at `unix` (a wall clock read as UTC), else of any zone of
    /// that abbreviation.
    pub(crate) fn lookup_name(&self, name: &[u8], unix: i64) -> Option<i64> {
        for &(n, offset, _) in self.types {
            if n.as_bytes() == name {
                let l = self.lookup(unix.wrapping_sub(i64::from(offset)));
                if l.name == n {
                    return Some(l.offset);
                }
            }
        }
        self.types.iter().find(|t| t.0.as_bytes() == name).map(|t| i64::from(t.1))
    }
}

const SECONDS_PER_HOUR: i64 = 3600;
const SECONDS_PER_DAY: i64 = 86_400;

/// Go's `tzset`: the zone a POSIX TZ string (`EST5EDT,M3.2.0,M11.1.0`)
/// gives at `sec`, after the last transition at `last_tx_sec`; None if the
/// string does not parse.
fn tzset(s: &'static str, last_tx_sec: i64, sec: i64) -> Option<Lookup> {
    let (mut std_name, s) = tzset_name(s)?;
    let (std_offset, s) = tzset_offset(s)?;
    let mut std_offset = -std_offset;
    if s.is_empty() || s.starts_with(',') {
        // No daylight saving time.
        return Some(Lookup { name: std_name, offset: std_offset, start: last_tx_sec, end: OMEGA, is_dst: false });
    }
    let (mut dst_name, s) = tzset_name(s)?;
    let (mut dst_offset, s) = if s.is_empty() || s.starts_with(',') {
        (std_offset + SECONDS_PER_HOUR, s)
    } else {
        let (o, s) = tzset_offset(s)?;
        (-o, s)
    };
    let s = if s.is_empty() { ",M3.2.0,M11.1.0" } else { s };
    if !s.starts_with([',', ';']) {
        return None;
    }
    let (start_rule, s) = tzset_rule(&s[1..])?;
    let s = s.strip_prefix(',')?;
    let (end_rule, s) = tzset_rule(s)?;
    if !s.is_empty() {
        return None;
    }
    let c = ft::civil(sec.wrapping_add(ft::UNIX_TO_INTERNAL), 0);
    let (year, yday) = (c.year, c.yday);
    let ysec = (yday - 1) * SECONDS_PER_DAY + sec % SECONDS_PER_DAY;
    // The year's start in Unix seconds.
    let ystart = sec - ysec;
    let mut start_sec = tzrule_time(year, start_rule, std_offset);
    let mut end_sec = tzrule_time(year, end_rule, dst_offset);
    let (mut dst_is_dst, mut std_is_dst) = (true, false);
    // The end may fall before the start in the year (the southern
    // hemisphere): swap so that start < end and "daylight" is between.
    if end_sec < start_sec {
        std::mem::swap(&mut start_sec, &mut end_sec);
        std::mem::swap(&mut std_name, &mut dst_name);
        std::mem::swap(&mut std_offset, &mut dst_offset);
        std::mem::swap(&mut std_is_dst, &mut dst_is_dst);
    }
    // The start and end values that we return are accurate close to a
    // daylight savings transition, but are otherwise just the start and
    // end of the year. That suffices for the caller, as in Go.
    Some(if ysec < start_sec {
        Lookup { name: std_name, offset: std_offset, start: ystart, end: start_sec + ystart, is_dst: std_is_dst }
    } else if ysec >= end_sec {
        Lookup { name: std_name, offset: std_offset, start: end_sec + ystart, end: ystart + 365 * SECONDS_PER_DAY, is_dst: std_is_dst }
    } else {
        Lookup { name: dst_name, offset: dst_offset, start: start_sec + ystart, end: end_sec + ystart, is_dst: dst_is_dst }
    })
}

/// Go's `tzsetName`: a zone abbreviation, bare (three or more letters) or
/// in angle brackets (`<-03>`).
fn tzset_name(s: &str) -> Option<(&str, &str)> {
    if s.is_empty() {
        return None;
    }
    if let Some(rest) = s.strip_prefix('<') {
        let i = rest.find('>')?;
        return Some((&rest[..i], &rest[i + 1..]));
    }
    match s.find(|c: char| c.is_ascii_digit() || c == ',' || c == '-' || c == '+') {
        Some(i) if i < 3 => None,
        Some(i) => Some((&s[..i], &s[i..])),
        None if s.len() < 3 => None,
        None => Some((s, "")),
    }
}

/// Go's `tzsetOffset`: `[+-]hh[:mm[:ss]]` in seconds.
fn tzset_offset(s: &str) -> Option<(i64, &str)> {
    if s.is_empty() {
        return None;
    }
    let (neg, s) = match s.as_bytes()[0] {
        b'+' => (false, &s[1..]),
        b'-' => (true, &s[1..]),
        _ => (false, s),
    };
    let sign = |off: i64| if neg { -off } else { off };
    let (hours, s) = tzset_num(s, 0, 24 * 7)?;
    let mut off = hours * SECONDS_PER_HOUR;
    let Some(s) = s.strip_prefix(':') else { return Some((sign(off), s)) };
    let (mins, s) = tzset_num(s, 0, 59)?;
    off += mins * 60;
    let Some(s) = s.strip_prefix(':') else { return Some((sign(off), s)) };
    let (secs, s) = tzset_num(s, 0, 59)?;
    Some((sign(off + secs), s))
}

/// A rule for when daylight saving time starts or ends (Go's `rule`).
#[derive(Clone, Copy)]
enum Rule {
    /// `Jn`: Julian day n (1..365), February 29 never counted.
    Julian(i64, i64),
    /// `n`: day of the year (0..365), February 29 counted.
    Doy(i64, i64),
    /// `Mm.w.d`: day d (0 Sunday) of week w (5 the last) of month m.
    MonthWeekDay { mon: i64, week: i64, day: i64, time: i64 },
}

/// Go's `tzsetRule`: a rule and its time of day (`/2`, 2am by default).
fn tzset_rule(s: &str) -> Option<(Rule, &str)> {
    let (make, s): (Box<dyn Fn(i64) -> Rule>, &str) = if let Some(s) = s.strip_prefix('J') {
        let (jday, s) = tzset_num(s, 1, 365)?;
        (Box::new(move |t| Rule::Julian(jday, t)), s)
    } else if let Some(s) = s.strip_prefix('M') {
        let (mon, s) = tzset_num(s, 1, 12)?;
        let (week, s) = tzset_num(s.strip_prefix('.')?, 1, 5)?;
        let (day, s) = tzset_num(s.strip_prefix('.')?, 0, 6)?;
        (Box::new(move |time| Rule::MonthWeekDay { mon, week, day, time }), s)
    } else {
        let (day, s) = tzset_num(s, 0, 365)?;
        (Box::new(move |t| Rule::Doy(day, t)), s)
    };
    let Some(s) = s.strip_prefix('/') else { return Some((make(2 * SECONDS_PER_HOUR), s)) };
    let (offset, s) = tzset_offset(s)?;
    Some((make(offset), s))
}

/// Go's `tzsetNum`: a decimal number in `min..=max`.
fn tzset_num(s: &str, min: i64, max: i64) -> Option<(i64, &str)> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return None;
    }
    let mut num = 0i64;
    for b in s[..digits].bytes() {
        num = num * 10 + i64::from(b - b'0');
        if num > max {
            return None;
        }
    }
    (num >= min).then_some((num, &s[digits..]))
}

/// Go's `tzruleTime`: seconds since the year's start at which a rule
/// takes effect, in a zone `off` seconds east of UTC.
fn tzrule_time(year: i64, r: Rule, off: i64) -> i64 {
    let (s, time) = match r {
        Rule::Julian(day, time) => {
            let mut s = (day - 1) * SECONDS_PER_DAY;
            if ft::is_leap(year) && day >= 60 {
                s += SECONDS_PER_DAY;
            }
            (s, time)
        }
        Rule::Doy(day, time) => (day * SECONDS_PER_DAY, time),
        Rule::MonthWeekDay { mon, week, day, time } => {
            // Zeller's Congruence.
            let m1 = (mon + 9) % 12 + 1;
            let yy0 = if mon <= 2 { year - 1 } else { year };
            let (yy1, yy2) = (yy0 / 100, yy0 % 100);
            let mut dow = ((26 * m1 - 2) / 10 + 1 + yy2 + yy2 / 4 + yy1 / 4 - 2 * yy1) % 7;
            if dow < 0 {
                dow += 7;
            }
            // The first day-of-week `day` of the month, then week by week.
            let mut d = day - dow;
            if d < 0 {
                d += 7;
            }
            for _ in 1..week {
                if d + 7 >= ft::days_in(mon, year) {
                    break;
                }
                d += 7;
            }
            d += ft::days_before(mon);
            if ft::is_leap(year) && mon > 2 {
                d += 1;
            }
            (d * SECONDS_PER_DAY, time)
        }
    };
    s + time - off
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ny() -> &'static TzZone {
        zone(find(b"America/New_York").expect("New York is in the table")).expect("a zone")
    }

    /// Values Go 1.27 gives for America/New_York (`t.Zone()` and
    /// `t.ZoneBounds()` printed by real Go).
    #[test]
    fn new_york_as_go() {
        // 2024-07-01 12:00 UTC: EDT, from 2024-03-10 07:00 UTC to
        // 2024-11-03 06:00 UTC (the extend string's rule).
        let l = ny().lookup(1_719_835_200);
        assert_eq!((l.name, l.offset, l.is_dst), ("EDT", -14_400, true));
        assert_eq!((l.start, l.end), (1_710_054_000, 1_730_613_600));
        // 2024-01-15: EST.
        let l = ny().lookup(1_705_320_000);
        assert_eq!((l.name, l.offset, l.is_dst), ("EST", -18_000, false));
        // 1800: local mean time, before the first transition.
        let l = ny().lookup(-5_364_662_400);
        assert_eq!((l.name, l.offset, l.start), ("LMT", -17_762, ALPHA));
        // 1944: war time, from the table.
        assert_eq!(ny().lookup(-800_000_000).name, "EWT");
    }

    #[test]
    fn southern_hemisphere_and_unknown_rules() {
        let syd = zone(find(b"Australia/Sydney").expect("Sydney")).expect("a zone");
        assert_eq!(syd.lookup(1_705_320_000).name, "AEDT"); // January
        assert_eq!(syd.lookup(1_719_835_200).name, "AEST"); // July
        assert!(tzset("EST5EDT,X", 0, 0).is_none());
        assert!(tzset("E5", 0, 0).is_none());
        assert_eq!(tzset("<+0530>-5:30", 7, 100).map(|l| (l.name, l.offset, l.start)), Some(("+0530", 19_800, 7)));
        assert_eq!(find(b"Mars/Olympus"), None);
    }
}
