//! `time.Time` as text: the civil calendar (proleptic Gregorian, UTC only:
//! the simulator has no other zone, like the Go Playground) and Go's
//! layout-driven `Time.Format` (`time/format.go`), plus `Time.String`.
//!
//! A time here is seconds since January 1 of year 1 UTC (Go's internal
//! epoch, so the zero value is Go's zero Time) and nanoseconds.

/// Seconds from year 1 to the Unix epoch (Go's `unixToInternal`).
pub const UNIX_TO_INTERNAL: i64 = (1969 * 365 + 1969 / 4 - 1969 / 100 + 1969 / 400) * 86_400;

pub const MONTHS: [&str; 12] =
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
pub const DAYS: [&str; 7] = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/// A broken-down UTC time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Civil {
    pub year: i64,
    /// 1..=12
    pub month: i64,
    /// 1..=31
    pub day: i64,
    pub hour: i64,
    pub min: i64,
    pub sec: i64,
    pub nsec: i64,
    /// 0 = Sunday.
    pub weekday: i64,
    /// 1..=366
    pub yday: i64,
}

/// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm;
/// month 1..=12, any day count).
pub fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day count since 1970-01-01.
pub fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// Breaks down `sec` (since year 1) and `nsec`.
pub fn civil(sec: i64, nsec: i64) -> Civil {
    let unix = sec - UNIX_TO_INTERNAL;
    let days = unix.div_euclid(86_400);
    let rem = unix.rem_euclid(86_400);
    let (year, month, day) = civil_from_days(days);
    Civil {
        year,
        month,
        day,
        hour: rem / 3600,
        min: rem % 3600 / 60,
        sec: rem % 60,
        nsec,
        weekday: (days + 4).rem_euclid(7),
        yday: days - days_from_civil(year, 1, 1) + 1,
    }
}

/// `time.Date`'s normalization: values out of range carry into the next
/// larger unit (October 32 is November 1). Returns (sec since year 1, nsec).
#[allow(clippy::too_many_arguments)]
pub fn date(year: i64, month: i64, day: i64, hour: i64, min: i64, sec: i64, nsec: i64) -> (i64, i64) {
    let m0 = month - 1;
    let year = year + m0.div_euclid(12);
    let month = m0.rem_euclid(12) + 1;
    let sec = sec.wrapping_add(nsec.div_euclid(1_000_000_000));
    let nsec = nsec.rem_euclid(1_000_000_000);
    let days = days_from_civil(year, month, 1).wrapping_add(day - 1);
    let total = days
        .wrapping_mul(86_400)
        .wrapping_add(hour.wrapping_mul(3600))
        .wrapping_add(min.wrapping_mul(60))
        .wrapping_add(sec);
    (total.wrapping_add(UNIX_TO_INTERNAL), nsec)
}

/// `Month.String`.
pub fn month_name(m: i64) -> String {
    match usize::try_from(m - 1).ok().and_then(|i| MONTHS.get(i)) {
        Some(s) => s.to_string(),
        None => format!("%!Month({m})"),
    }
}

/// `Weekday.String`.
pub fn weekday_name(d: i64) -> String {
    match usize::try_from(d).ok().and_then(|i| DAYS.get(i)) {
        Some(s) => s.to_string(),
        None => format!("%!Weekday({d})"),
    }
}

/// `Time.String`: the default layout, and the monotonic reading if the
/// time has one (`m=+1.5`: seconds since the process started).
pub fn time_string(sec: i64, nsec: i64, mono: Option<i64>) -> String {
    let mut s = format(sec, nsec, "2006-01-02 15:04:05.999999999 -0700 MST");
    if let Some(m) = mono {
        let sign = if m < 0 { '-' } else { '+' };
        let m = m.unsigned_abs();
        let (whole, frac) = (m / 1_000_000_000, m % 1_000_000_000);
        s.push_str(&format!(" m={sign}{whole}.{frac:09}"));
    }
    s
}

/// One element of a layout (Go's `std*` chunk kinds).
#[derive(Clone, Copy, Debug, PartialEq)]
enum Std {
    LongMonth,
    Month,
    NumMonth,
    ZeroMonth,
    LongWeekDay,
    WeekDay,
    Day,
    UnderDay,
    ZeroDay,
    UnderYearDay,
    ZeroYearDay,
    Hour,
    Hour12,
    ZeroHour12,
    Minute,
    ZeroMinute,
    Second,
    ZeroSecond,
    LongYear,
    Year,
    PM,
    Pm,
    TZ,
    /// `Z07:00`-style: `Z` for UTC; `(iso, text)`.
    IsoZone(&'static str),
    /// `-07:00`-style numeric zone.
    NumZone(&'static str),
    /// `.000` (true: zeros kept) or `.999` (trailing zeros trimmed), with
    /// the separator and digit count.
    Frac(u8, usize, bool),
}

fn starts_with_lower(s: &[u8]) -> bool {
    s.first().is_some_and(|c| c.is_ascii_lowercase())
}

/// Go's `nextStdChunk`: the literal prefix, the chunk, and the rest.
fn next_chunk(layout: &[u8]) -> (&[u8], Option<(Std, usize)>) {
    let l = layout;
    for i in 0..l.len() {
        let rest = &l[i..];
        let has = |p: &str| rest.starts_with(p.as_bytes());
        let found: Option<(Std, usize)> = match l[i] {
            b'J' if has("Jan") => {
                if has("January") {
                    Some((Std::LongMonth, 7))
                } else if !starts_with_lower(&rest[3..]) {
                    Some((Std::Month, 3))
                } else {
                    None
                }
            }
            b'M' if has("Mon") => {
                if has("Monday") {
                    Some((Std::LongWeekDay, 6))
                } else if !starts_with_lower(&rest[3..]) {
                    Some((Std::WeekDay, 3))
                } else {
                    None
                }
            }
            b'M' if has("MST") => Some((Std::TZ, 3)),
            b'0' if rest.len() >= 2 && (b'1'..=b'6').contains(&rest[1]) => Some((
                match rest[1] {
                    b'1' => Std::ZeroMonth,
                    b'2' => Std::ZeroDay,
                    b'3' => Std::ZeroHour12,
                    b'4' => Std::ZeroMinute,
                    b'5' => Std::ZeroSecond,
                    _ => Std::Year,
                },
                2,
            )),
            b'0' if has("002") => Some((Std::ZeroYearDay, 3)),
            b'1' if has("15") => Some((Std::Hour, 2)),
            b'1' => Some((Std::NumMonth, 1)),
            b'2' if has("2006") => Some((Std::LongYear, 4)),
            b'2' => Some((Std::Day, 1)),
            b'_' if has("_2006") => {
                // A literal `_`, then the year.
                return (&l[..i + 1], Some((Std::LongYear, 4)));
            }
            b'_' if has("_2") => Some((Std::UnderDay, 2)),
            b'_' if has("__2") => Some((Std::UnderYearDay, 3)),
            b'3' => Some((Std::Hour12, 1)),
            b'4' => Some((Std::Minute, 1)),
            b'5' => Some((Std::Second, 1)),
            b'P' if has("PM") => Some((Std::PM, 2)),
            b'p' if has("pm") => Some((Std::Pm, 2)),
            b'-' => {
                if has("-070000") {
                    Some((Std::NumZone("+000000"), 7))
                } else if has("-07:00:00") {
                    Some((Std::NumZone("+00:00:00"), 9))
                } else if has("-0700") {
                    Some((Std::NumZone("+0000"), 5))
                } else if has("-07:00") {
                    Some((Std::NumZone("+00:00"), 6))
                } else if has("-07") {
                    Some((Std::NumZone("+00"), 3))
                } else {
                    None
                }
            }
            b'Z' => {
                if has("Z070000") {
                    Some((Std::IsoZone("Z"), 7))
                } else if has("Z07:00:00") {
                    Some((Std::IsoZone("Z"), 9))
                } else if has("Z0700") {
                    Some((Std::IsoZone("Z"), 5))
                } else if has("Z07:00") {
                    Some((Std::IsoZone("Z"), 6))
                } else if has("Z07") {
                    Some((Std::IsoZone("Z"), 3))
                } else {
                    None
                }
            }
            b'.' | b',' if rest.len() >= 2 && (rest[1] == b'0' || rest[1] == b'9') => {
                let ch = rest[1];
                let n = rest[1..].iter().take_while(|&&c| c == ch).count();
                // A fraction only if not followed by another digit.
                if !rest.get(1 + n).is_some_and(|c| c.is_ascii_digit()) {
                    Some((Std::Frac(l[i], n, ch == b'0'), 1 + n))
                } else {
                    None
                }
            }
            _ => None,
        };
        if let Some(c) = found {
            return (&l[..i], Some(c));
        }
    }
    (l, None)
}

fn pad(out: &mut String, v: i64, width: usize, fill: char) {
    let s = v.unsigned_abs().to_string();
    if v < 0 {
        out.push('-');
    }
    for _ in s.len()..width {
        out.push(fill);
    }
    out.push_str(&s);
}

/// `Time.Format(layout)` of a UTC time.
pub fn format(sec: i64, nsec: i64, layout: &str) -> String {
    let c = civil(sec, nsec);
    let mut out = String::new();
    let mut l = layout.as_bytes();
    loop {
        let (prefix, chunk) = next_chunk(l);
        out.push_str(&String::from_utf8_lossy(prefix));
        let Some((std, len)) = chunk else { break };
        l = &l[prefix.len() + len..];
        let h12 = match c.hour % 12 {
            0 => 12,
            h => h,
        };
        match std {
            Std::LongMonth => out.push_str(&month_name(c.month)),
            Std::Month => out.push_str(&month_name(c.month)[..3]),
            Std::NumMonth => pad(&mut out, c.month, 0, '0'),
            Std::ZeroMonth => pad(&mut out, c.month, 2, '0'),
            Std::LongWeekDay => out.push_str(&weekday_name(c.weekday)),
            Std::WeekDay => out.push_str(&weekday_name(c.weekday)[..3]),
            Std::Day => pad(&mut out, c.day, 0, '0'),
            Std::UnderDay => pad(&mut out, c.day, 2, ' '),
            Std::ZeroDay => pad(&mut out, c.day, 2, '0'),
            Std::UnderYearDay => pad(&mut out, c.yday, 3, ' '),
            Std::ZeroYearDay => pad(&mut out, c.yday, 3, '0'),
            Std::Hour => pad(&mut out, c.hour, 2, '0'),
            Std::Hour12 => pad(&mut out, h12, 0, '0'),
            Std::ZeroHour12 => pad(&mut out, h12, 2, '0'),
            Std::Minute => pad(&mut out, c.min, 0, '0'),
            Std::ZeroMinute => pad(&mut out, c.min, 2, '0'),
            Std::Second => pad(&mut out, c.sec, 0, '0'),
            Std::ZeroSecond => pad(&mut out, c.sec, 2, '0'),
            Std::LongYear => pad(&mut out, c.year, 4, '0'),
            Std::Year => pad(&mut out, c.year.rem_euclid(100), 2, '0'),
            Std::PM => out.push_str(if c.hour >= 12 { "PM" } else { "AM" }),
            Std::Pm => out.push_str(if c.hour >= 12 { "pm" } else { "am" }),
            Std::TZ => out.push_str("UTC"),
            Std::IsoZone(z) | Std::NumZone(z) => out.push_str(z),
            Std::Frac(sep, n, keep) => {
                let digits = format!("{:09}", c.nsec);
                let mut d = &digits[..n.min(9)];
                if !keep {
                    d = d.trim_end_matches('0');
                    if d.is_empty() {
                        continue;
                    }
                }
                out.push(sep as char);
                out.push_str(d);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 2009-11-10 23:00:00 UTC (the Go Playground's clock).
    fn playground() -> i64 {
        1_257_894_000 + UNIX_TO_INTERNAL
    }

    #[test]
    fn civil_dates() {
        let c = civil(playground(), 0);
        assert_eq!((c.year, c.month, c.day, c.hour, c.weekday, c.yday), (2009, 11, 10, 23, 2, 314));
        assert_eq!(civil(0, 0).year, 1);
        assert_eq!(civil(0, 0).weekday, 1); // January 1, year 1: a Monday.
        assert_eq!(date(2009, 11, 10, 23, 0, 0, 0), (playground(), 0));
        // Out-of-range values carry: October 32 is November 1; month 13 is
        // January of the next year.
        assert_eq!(date(2009, 10, 32, 0, 0, 0, 0), date(2009, 11, 1, 0, 0, 0, 0));
        assert_eq!(date(2009, 13, 1, 0, 0, 0, 0), date(2010, 1, 1, 0, 0, 0, 0));
        assert_eq!(date(2009, 1, 1, 0, 0, 0, -1), (date(2008, 12, 31, 23, 59, 59, 0).0, 999_999_999));
    }

    #[test]
    fn layouts_as_go() {
        // Expected texts printed by Go 1.27 for the same instants.
        let t = playground();
        assert_eq!(format(t, 0, "2006-01-02T15:04:05Z07:00"), "2009-11-10T23:00:00Z");
        assert_eq!(format(t, 0, "3:04PM"), "11:00PM");
        assert_eq!(format(t, 0, "Mon Jan _2 15:04:05 2006"), "Tue Nov 10 23:00:00 2009");
        assert_eq!(format(t, 0, "Mon, 02 Jan 2006 15:04:05 MST"), "Tue, 10 Nov 2009 23:00:00 UTC");
        assert_eq!(format(t, 0, "02 Jan 06 15:04 -0700"), "10 Nov 09 23:00 +0000");
        assert_eq!(format(t, 5_000_000, "15:04:05.000"), "23:00:00.005");
        assert_eq!(format(t, 5_000_000, "15:04:05.999999999"), "23:00:00.005");
        assert_eq!(format(t, 0, "15:04:05.999"), "23:00:00");
        assert_eq!(format(t, 0, "Monday, January 2 pm"), "Tuesday, November 10 pm");
        assert_eq!(format(t, 0, "Jan 2 __2 002"), "Nov 10 314 314");
        assert_eq!(format(0, 0, "2006-01-02 15:04:05"), "0001-01-01 00:00:00");
        assert_eq!(format(t, 0, "Janet"), "Janet");
    }

    #[test]
    fn strings_as_go() {
        let t = playground();
        assert_eq!(time_string(t, 0, None), "2009-11-10 23:00:00 +0000 UTC");
        assert_eq!(time_string(t, 1, Some(1)), "2009-11-10 23:00:00.000000001 +0000 UTC m=+0.000000001");
        assert_eq!(time_string(t + 3600, 4, Some(3_600_000_000_004)), "2009-11-11 00:00:00.000000004 +0000 UTC m=+3600.000000004");
        assert_eq!(time_string(0, 0, None), "0001-01-01 00:00:00 +0000 UTC");
        assert_eq!(month_name(13), "%!Month(13)");
        assert_eq!(weekday_name(2), "Tuesday");
    }
}
