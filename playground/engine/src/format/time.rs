//! `time.Time` as text: the civil calendar (proleptic Gregorian, of a
//! wall clock: the caller adds its zone's offset) and Go's layout-driven
//! `Time.Format` (`time/format.go`), plus `Time.String`.
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
/// Out-of-range years wrap, as Go's arithmetic does.
pub fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y.wrapping_sub(1) } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = (m + 9) % 12;
    let doy = ((153 * mp + 2) / 5).wrapping_add(d).wrapping_sub(1);
    let doe = (yoe * 365 + yoe / 4 - yoe / 100).wrapping_add(doy);
    era.wrapping_mul(146_097).wrapping_add(doe).wrapping_sub(719_468)
}

/// The civil date of a day count since 1970-01-01.
pub fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days.wrapping_add(719_468);
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe.wrapping_add(era.wrapping_mul(400)).wrapping_add(i64::from(m <= 2)), m, d)
}

/// Seconds from year 1 to Go's absolute epoch, March 1 of year
/// -292277022400 (`internalToAbsolute`), and days from there to 1970.
const INTERNAL_TO_ABSOLUTE: i64 = 9_223_371_966_606_163_200;
const ABSOLUTE_DAYS_TO_UNIX: i64 = 106_751_991_073_400;

/// Breaks down `sec` (since year 1) and `nsec`. As Go's `absSec`, the
/// seconds are first counted from the absolute epoch as an unsigned
/// number, so a time past what that holds (`time.Unix(math.MinInt64,
/// 0)`) wraps around to the far end, year 292277026596, as in Go.
pub fn civil(sec: i64, nsec: i64) -> Civil {
    let abs = (sec.wrapping_add(INTERNAL_TO_ABSOLUTE)) as u64;
    let days = (abs / 86_400) as i64 - ABSOLUTE_DAYS_TO_UNIX;
    let rem = (abs % 86_400) as i64;
    let (year, month, day) = civil_from_days(days);
    Civil {
        year,
        month,
        day,
        hour: rem / 3600,
        min: rem % 3600 / 60,
        sec: rem % 60,
        nsec,
        weekday: (days.rem_euclid(7) + 4) % 7,
        yday: days.wrapping_sub(days_from_civil(year, 1, 1)).wrapping_add(1),
    }
}

/// `time.Date`'s normalization: values out of range carry into the next
/// larger unit (October 32 is November 1). Returns (sec since year 1, nsec).
#[allow(clippy::too_many_arguments)]
pub fn date(year: i64, month: i64, day: i64, hour: i64, min: i64, sec: i64, nsec: i64) -> (i64, i64) {
    let m0 = month.wrapping_sub(1);
    let year = year.wrapping_add(m0.div_euclid(12));
    let month = m0.rem_euclid(12) + 1;
    let sec = sec.wrapping_add(nsec.div_euclid(1_000_000_000));
    let nsec = nsec.rem_euclid(1_000_000_000);
    let days = days_from_civil(year, month, 1).wrapping_add(day.wrapping_sub(1));
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
/// time has one (`m=+1.5`: seconds since the process started). `sec` is
/// since year 1 UTC; the zone's name and offset shape the text.
pub fn time_string(sec: i64, nsec: i64, zone: Zone, mono: Option<i64>) -> Vec<u8> {
    let mut s = format(sec, nsec, zone, b"2006-01-02 15:04:05.999999999 -0700 MST");
    if let Some(m) = mono {
        let sign = if m < 0 { '-' } else { '+' };
        let m = m.unsigned_abs();
        let (whole, frac) = (m / 1_000_000_000, m % 1_000_000_000);
        s.extend_from_slice(format!(" m={sign}{whole}.{frac:09}").as_bytes());
    }
    s
}

/// A time's zone: its abbreviation (`UTC`, a `FixedZone`'s name, maybe
/// empty) and offset east of UTC in seconds (Go's `locabs` name/offset).
#[derive(Clone, Copy, Debug)]
pub struct Zone<'a> {
    pub name: &'a [u8],
    pub offset: i64,
}

impl Zone<'static> {
    pub const UTC: Zone<'static> = Zone { name: b"UTC", offset: 0 };
}

/// One element of a layout: Go's `std*` constants (time/format.go).
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
    ISO8601TZ,
    ISO8601SecondsTZ,
    ISO8601ShortTZ,
    ISO8601ColonTZ,
    ISO8601ColonSecondsTZ,
    NumTZ,
    NumSecondsTz,
    NumShortTZ,
    NumColonTZ,
    NumColonSecondsTZ,
    /// `.000` (`nine` false: trailing zeros kept) or `.999` (trimmed):
    /// Go's stdFracSecond0/9 with the digit count and separator packed in.
    Frac { nine: bool, digits: usize, sep: u8 },
}

impl Std {
    fn iso_z(self) -> bool {
        matches!(self, Std::ISO8601TZ | Std::ISO8601ColonTZ | Std::ISO8601SecondsTZ | Std::ISO8601ShortTZ | Std::ISO8601ColonSecondsTZ)
    }
}

fn starts_with_lower_case(s: &[u8]) -> bool {
    s.first().is_some_and(|c| c.is_ascii_lowercase())
}

fn is_digit(s: &[u8], i: usize) -> bool {
    s.get(i).is_some_and(|c| c.is_ascii_digit())
}

/// Go's `nextStdChunk`, the one layout scanner `format` and `parse` share:
/// the text before the first std element, the element, and the text after.
fn next_std_chunk(layout: &[u8]) -> (&[u8], Option<Std>, &[u8]) {
    let l = layout;
    for i in 0..l.len() {
        let rest = &l[i..];
        let has = |p: &[u8]| rest.starts_with(p);
        let chunk = |std: Std, n: usize| (&l[..i], Some(std), &l[i + n..]);
        match l[i] {
            b'J' if has(b"Jan") => {
                if has(b"January") {
                    return chunk(Std::LongMonth, 7);
                }
                if !starts_with_lower_case(&rest[3..]) {
                    return chunk(Std::Month, 3);
                }
            }
            b'M' if rest.len() >= 3 => {
                if has(b"Mon") {
                    if has(b"Monday") {
                        return chunk(Std::LongWeekDay, 6);
                    }
                    if !starts_with_lower_case(&rest[3..]) {
                        return chunk(Std::WeekDay, 3);
                    }
                }
                if has(b"MST") {
                    return chunk(Std::TZ, 3);
                }
            }
            b'0' => {
                if rest.len() >= 2 && (b'1'..=b'6').contains(&rest[1]) {
                    let std = [Std::ZeroMonth, Std::ZeroDay, Std::ZeroHour12, Std::ZeroMinute, Std::ZeroSecond, Std::Year];
                    return chunk(std[usize::from(rest[1] - b'1')], 2);
                }
                if has(b"002") {
                    return chunk(Std::ZeroYearDay, 3);
                }
            }
            b'1' => {
                if has(b"15") {
                    return chunk(Std::Hour, 2);
                }
                return chunk(Std::NumMonth, 1);
            }
            b'2' => {
                if has(b"2006") {
                    return chunk(Std::LongYear, 4);
                }
                return chunk(Std::Day, 1);
            }
            b'_' => {
                if has(b"_2") {
                    // _2006 is really a literal _, followed by stdLongYear.
                    if has(b"_2006") {
                        return (&l[..i + 1], Some(Std::LongYear), &l[i + 5..]);
                    }
                    return chunk(Std::UnderDay, 2);
                }
                if has(b"__2") {
                    return chunk(Std::UnderYearDay, 3);
                }
            }
            b'3' => return chunk(Std::Hour12, 1),
            b'4' => return chunk(Std::Minute, 1),
            b'5' => return chunk(Std::Second, 1),
            b'P' if has(b"PM") => return chunk(Std::PM, 2),
            b'p' if has(b"pm") => return chunk(Std::Pm, 2),
            b'-' => {
                for (p, std) in [
                    (&b"-070000"[..], Std::NumSecondsTz),
                    (b"-07:00:00", Std::NumColonSecondsTZ),
                    (b"-0700", Std::NumTZ),
                    (b"-07:00", Std::NumColonTZ),
                    (b"-07", Std::NumShortTZ),
                ] {
                    if has(p) {
                        return chunk(std, p.len());
                    }
                }
            }
            b'Z' => {
                for (p, std) in [
                    (&b"Z070000"[..], Std::ISO8601SecondsTZ),
                    (b"Z07:00:00", Std::ISO8601ColonSecondsTZ),
                    (b"Z0700", Std::ISO8601TZ),
                    (b"Z07:00", Std::ISO8601ColonTZ),
                    (b"Z07", Std::ISO8601ShortTZ),
                ] {
                    if has(p) {
                        return chunk(std, p.len());
                    }
                }
            }
            b'.' | b',' if rest.len() >= 2 && (rest[1] == b'0' || rest[1] == b'9') => {
                let ch = rest[1];
                let mut j = i + 1;
                while j < l.len() && l[j] == ch {
                    j += 1;
                }
                // String of digits must end here: only a fractional second is all digits.
                if !is_digit(l, j) {
                    // Go keeps the count in 12 bits.
                    let std = Std::Frac { nine: ch == b'9', digits: (j - (i + 1)) & 0xfff, sep: l[i] };
                    return (&l[..i], Some(std), &l[j..]);
                }
            }
            _ => {}
        }
    }
    (l, None, &[])
}

const SHORT_DAY_NAMES: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const SHORT_MONTH_NAMES: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// Go's `appendInt`: `x` zero-padded to `width` digits after any sign.
fn append_int(b: &mut Vec<u8>, x: i64, width: usize) {
    if x < 0 {
        b.push(b'-');
    }
    let s = x.unsigned_abs().to_string();
    b.resize(b.len() + width.saturating_sub(s.len()), b'0');
    b.extend_from_slice(s.as_bytes());
}

/// Go's `appendNano`: a fractional second of `nanosec` (0..1e9).
fn append_nano(b: &mut Vec<u8>, nanosec: i64, nine: bool, n: usize, dot: u8) {
    if nine && (n == 0 || nanosec == 0) {
        return;
    }
    let start = b.len();
    b.push(dot);
    append_int(b, nanosec, 9);
    if n < 9 {
        b.truncate(b.len() - 9 + n);
    }
    if nine {
        while b.len() > start && b.last() == Some(&b'0') {
            b.pop();
        }
        if b.len() > start && b.last() == Some(&dot) {
            b.pop();
        }
    }
}

/// `Time.Format(layout)` (Go's `appendFormat`): `sec` is since year 1
/// UTC; the zone's offset moves it to the wall clock printed.
pub fn format(sec: i64, nsec: i64, zone: Zone, layout: &[u8]) -> Vec<u8> {
    let c = civil(sec.wrapping_add(zone.offset), nsec);
    let offset = zone.offset;
    let mut b = Vec::with_capacity(layout.len() + 10);
    let mut layout = layout;
    while !layout.is_empty() {
        let (prefix, std, suffix) = next_std_chunk(layout);
        b.extend_from_slice(prefix);
        let Some(std) = std else { break };
        layout = suffix;
        let h12 = match c.hour % 12 {
            0 => 12,
            h => h,
        };
        match std {
            Std::Year => append_int(&mut b, c.year.wrapping_abs() % 100, 2),
            Std::LongYear => append_int(&mut b, c.year, 4),
            Std::Month => b.extend_from_slice(&month_name(c.month).as_bytes()[..3]),
            Std::LongMonth => b.extend_from_slice(month_name(c.month).as_bytes()),
            Std::NumMonth => append_int(&mut b, c.month, 0),
            Std::ZeroMonth => append_int(&mut b, c.month, 2),
            Std::WeekDay => b.extend_from_slice(&weekday_name(c.weekday).as_bytes()[..3]),
            Std::LongWeekDay => b.extend_from_slice(weekday_name(c.weekday).as_bytes()),
            Std::Day => append_int(&mut b, c.day, 0),
            Std::UnderDay => {
                if c.day < 10 {
                    b.push(b' ');
                }
                append_int(&mut b, c.day, 0);
            }
            Std::ZeroDay => append_int(&mut b, c.day, 2),
            Std::UnderYearDay => {
                if c.yday < 100 {
                    b.push(b' ');
                    if c.yday < 10 {
                        b.push(b' ');
                    }
                }
                append_int(&mut b, c.yday, 0);
            }
            Std::ZeroYearDay => append_int(&mut b, c.yday, 3),
            Std::Hour => append_int(&mut b, c.hour, 2),
            Std::Hour12 => append_int(&mut b, h12, 0),
            Std::ZeroHour12 => append_int(&mut b, h12, 2),
            Std::Minute => append_int(&mut b, c.min, 0),
            Std::ZeroMinute => append_int(&mut b, c.min, 2),
            Std::Second => append_int(&mut b, c.sec, 0),
            Std::ZeroSecond => append_int(&mut b, c.sec, 2),
            Std::PM => b.extend_from_slice(if c.hour >= 12 { b"PM" } else { b"AM" }),
            Std::Pm => b.extend_from_slice(if c.hour >= 12 { b"pm" } else { b"am" }),
            Std::TZ => {
                if !zone.name.is_empty() {
                    b.extend_from_slice(zone.name);
                    continue;
                }
                // No zone name known, but one must be printed: -0700.
                let mut z = offset / 60;
                if z < 0 {
                    b.push(b'-');
                    z = -z;
                } else {
                    b.push(b'+');
                }
                append_int(&mut b, z / 60, 2);
                append_int(&mut b, z % 60, 2);
            }
            Std::Frac { nine, digits, sep } => append_nano(&mut b, c.nsec, nine, digits, sep),
            // The numeric zones; the Z variants print Z for UTC.
            _ => {
                if offset == 0 && std.iso_z() {
                    b.push(b'Z');
                    continue;
                }
                let mut z = offset / 60;
                let mut absoffset = offset;
                if z < 0 {
                    b.push(b'-');
                    z = -z;
                    absoffset = absoffset.wrapping_neg();
                } else {
                    b.push(b'+');
                }
                append_int(&mut b, z / 60, 2);
                if matches!(std, Std::ISO8601ColonTZ | Std::NumColonTZ | Std::ISO8601ColonSecondsTZ | Std::NumColonSecondsTZ) {
                    b.push(b':');
                }
                if !matches!(std, Std::NumShortTZ | Std::ISO8601ShortTZ) {
                    append_int(&mut b, z % 60, 2);
                }
                if matches!(std, Std::ISO8601SecondsTZ | Std::NumSecondsTz | Std::NumColonSecondsTZ | Std::ISO8601ColonSecondsTZ) {
                    if matches!(std, Std::NumColonSecondsTZ | Std::ISO8601ColonSecondsTZ) {
                        b.push(b':');
                    }
                    append_int(&mut b, absoffset % 60, 2);
                }
            }
        }
    }
    b
}

/// Go's `time.quote` (format.go), which `ParseError` and `ParseDuration`
/// errors use: bytes outside printable ASCII as `\x` escapes.
pub fn quote(s: &[u8]) -> Vec<u8> {
    let mut buf = vec![b'"'];
    let mut i = 0;
    while i < s.len() {
        let c = s[i];
        if c >= 0x80 || c < b' ' {
            // The whole rune as \x escapes; an invalid byte alone.
            let end = (i + 4).min(s.len());
            let valid = match std::str::from_utf8(&s[i..end]) {
                Ok(t) => t,
                Err(e) => std::str::from_utf8(&s[i..i + e.valid_up_to()]).unwrap_or_default(),
            };
            let width = valid.chars().next().map_or(1, char::len_utf8);
            for &x in &s[i..i + width] {
                buf.extend_from_slice(format!("\\x{x:02x}").as_bytes());
            }
            i += width;
        } else {
            if c == b'"' || c == b'\\' {
                buf.push(b'\\');
            }
            buf.push(c);
            i += 1;
        }
    }
    buf.push(b'"');
    buf
}

/// Go's `Time.GoString` of a wall clock (`sec` since year 1 in the
/// time's zone): `time.Date(2009, time.November, 10, 23, 0, 0, 0, time.UTC)`.
pub fn go_string(sec: i64, nsec: i64, loc: &[u8]) -> Vec<u8> {
    let c = civil(sec, nsec);
    let mut b = format!("time.Date({}, time.{}, {}, {}, {}, {}, {}, ", c.year, month_name(c.month), c.day, c.hour, c.min, c.sec, nsec).into_bytes();
    b.extend_from_slice(loc);
    b.push(b')');
    b
}

/// Go's `(*ParseError).Error()` of its fields.
pub fn parse_error_text(layout: &[u8], value: &[u8], layout_elem: &[u8], value_elem: &[u8], message: &[u8]) -> Vec<u8> {
    let mut b = b"parsing time ".to_vec();
    b.extend(quote(value));
    if message.is_empty() {
        b.extend_from_slice(b" as ");
        b.extend(quote(layout));
        b.extend_from_slice(b": cannot parse ");
        b.extend(quote(value_elem));
        b.extend_from_slice(b" as ");
        b.extend(quote(layout_elem));
    } else {
        b.extend_from_slice(message);
    }
    b
}

/// What `parse` read: a wall clock and how its zone was given.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed {
    pub year: i64,
    pub month: i64,
    pub day: i64,
    pub hour: i64,
    pub min: i64,
    pub sec: i64,
    pub nsec: i64,
    pub zone: ParsedZone,
}

/// Go's `z`, `zoneOffset` and `zoneName` at the end of `parse`: which
/// location the caller (who knows the locations) gives the result.
#[derive(Clone, Debug, PartialEq)]
pub enum ParsedZone {
    /// `Z` or `UTC` in the value.
    Utc,
    /// A numeric offset (seconds east), with a zone name if the layout had one too.
    Offset(Vec<u8>, i64),
    /// A zone abbreviation only.
    Name(Vec<u8>),
    /// No zone in the value: the default location.
    Default,
}

/// A `*time.ParseError`'s `LayoutElem`, `ValueElem` and `Message`.
#[derive(Clone, Debug, PartialEq)]
pub struct ParseError {
    pub layout_elem: Vec<u8>,
    pub value_elem: Vec<u8>,
    pub message: Vec<u8>,
}

fn perr(layout_elem: &[u8], value_elem: &[u8], message: &[u8]) -> ParseError {
    ParseError { layout_elem: layout_elem.to_vec(), value_elem: value_elem.to_vec(), message: message.to_vec() }
}

/// `errBad`: a field did not parse.
struct Bad;

/// Go's `match`: equal ignoring ASCII case.
fn match_fold(s1: &[u8], s2: &[u8]) -> bool {
    s1.iter().zip(s2).all(|(&c1, &c2)| {
        c1 == c2 || {
            let (l1, l2) = (c1 | 0x20, c2 | 0x20);
            l1 == l2 && l1.is_ascii_lowercase()
        }
    })
}

/// Go's `lookup`: the index of the name `val` starts with.
fn lookup<'a>(tab: &[&str], val: &'a [u8]) -> Result<(i64, &'a [u8]), Bad> {
    for (i, v) in tab.iter().enumerate() {
        let v = v.as_bytes();
        if val.len() >= v.len() && match_fold(&val[..v.len()], v) {
            return Ok((i as i64, &val[v.len()..]));
        }
    }
    Err(Bad)
}

/// A field read: `field` and the rest of the value set, as Go's
/// `x, value, err = getnum(value, ...)` (kept on failure).
fn set<'a>(r: Result<(i64, &'a [u8]), Bad>, field: &mut i64, value: &mut &'a [u8]) -> Result<(), Bad> {
    let (x, rest) = r?;
    *field = x;
    *value = rest;
    Ok(())
}

/// Go's `getnum`: one or two digits (`fixed`: exactly two).
fn getnum(s: &[u8], fixed: bool) -> Result<(i64, &[u8]), Bad> {
    if !is_digit(s, 0) {
        return Err(Bad);
    }
    if !is_digit(s, 1) {
        if fixed {
            return Err(Bad);
        }
        return Ok((i64::from(s[0] - b'0'), &s[1..]));
    }
    Ok((i64::from(s[0] - b'0') * 10 + i64::from(s[1] - b'0'), &s[2..]))
}

/// Go's `getnum3`: one to three digits (`fixed`: exactly three).
fn getnum3(s: &[u8], fixed: bool) -> Result<(i64, &[u8]), Bad> {
    let mut n = 0;
    let mut i = 0;
    while i < 3 && is_digit(s, i) {
        n = n * 10 + i64::from(s[i] - b'0');
        i += 1;
    }
    if i == 0 || fixed && i != 3 {
        return Err(Bad);
    }
    Ok((n, &s[i..]))
}

fn cutspace(mut s: &[u8]) -> &[u8] {
    while s.first() == Some(&b' ') {
        s = &s[1..];
    }
    s
}

/// Go's `skip`: `prefix` off `value`, runs of spaces matching runs of spaces.
fn skip<'a>(mut value: &'a [u8], mut prefix: &[u8]) -> Result<&'a [u8], &'a [u8]> {
    while let Some(&p) = prefix.first() {
        if p == b' ' {
            if value.first().is_some_and(|&c| c != b' ') {
                return Err(value);
            }
            prefix = cutspace(prefix);
            value = cutspace(value);
            continue;
        }
        if value.first() != Some(&p) {
            return Err(value);
        }
        prefix = &prefix[1..];
        value = &value[1..];
    }
    Ok(value)
}

/// Go's `leadingInt`: the leading digits, failing past 1<<63.
fn leading_int(s: &[u8]) -> Result<(u64, &[u8]), Bad> {
    let mut x: u64 = 0;
    let mut i = 0;
    while i < s.len() && s[i].is_ascii_digit() {
        if x > (1 << 63) / 10 {
            return Err(Bad);
        }
        x = x * 10 + u64::from(s[i] - b'0');
        if x > 1 << 63 {
            return Err(Bad);
        }
        i += 1;
    }
    Ok((x, &s[i..]))
}

/// Go's `atoi`: an optionally signed decimal, all of `s`.
fn atoi(s: &[u8]) -> Result<i64, Bad> {
    let (neg, s) = match s.first() {
        Some(&c) if c == b'-' || c == b'+' => (c == b'-', &s[1..]),
        _ => (false, s),
    };
    let (q, rem) = leading_int(s)?;
    if !rem.is_empty() {
        return Err(Bad);
    }
    let x = q as i64;
    Ok(if neg { x.wrapping_neg() } else { x })
}

fn comma_or_period(b: u8) -> bool {
    b == b'.' || b == b','
}

/// Go's `parseNanoseconds`: `value[..nbytes]` is a separator and digits.
fn parse_nanoseconds(value: &[u8], nbytes: usize) -> (i64, &'static str, Result<(), Bad>) {
    if !comma_or_period(value[0]) {
        return (0, "", Err(Bad));
    }
    let nbytes = nbytes.min(10);
    let ns = match atoi(&value[1..nbytes]) {
        Ok(ns) => ns,
        Err(e) => return (0, "", Err(e)),
    };
    if ns < 0 {
        return (ns, "fractional second", Ok(()));
    }
    (ns * 10i64.pow((10 - nbytes) as u32), "", Ok(()))
}

/// Go's `parseTimeZone`: the length of a zone abbreviation at the start.
fn parse_time_zone(value: &[u8]) -> Option<usize> {
    if value.len() < 3 {
        return None;
    }
    // ChST and MeST are the only zones with a lower-case letter.
    if value.starts_with(b"ChST") || value.starts_with(b"MeST") {
        return Some(4);
    }
    // GMT may have an hour offset.
    if value.starts_with(b"GMT") {
        return Some(3 + if value.len() == 3 { 0 } else { parse_signed_offset(&value[3..]) });
    }
    // Some zones are not named, but have the +/-00 form.
    if value[0] == b'+' || value[0] == b'-' {
        let n = parse_signed_offset(value);
        return (n > 0).then_some(n);
    }
    let n_upper = value.iter().take(6).take_while(|c| c.is_ascii_uppercase()).count();
    match n_upper {
        5 if value[4] == b'T' => Some(5),
        4 if value[3] == b'T' || value.starts_with(b"WITA") => Some(4),
        3 => Some(3),
        _ => None,
    }
}

/// Go's `parseSignedOffset`: a sign and a number in -23..=23.
fn parse_signed_offset(value: &[u8]) -> usize {
    let sign = value[0];
    if sign != b'-' && sign != b'+' {
        return 0;
    }
    match leading_int(&value[1..]) {
        Ok((x, rem)) if rem.len() != value.len() - 1 && x <= 23 => value.len() - rem.len(),
        _ => 0,
    }
}

pub fn is_leap(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// Days in a non-leap year before month `m` (Go's `daysBefore`; 13 gives 365).
pub(crate) fn days_before(m: i64) -> i64 {
    [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365][(m - 1).clamp(0, 12) as usize]
}

pub(crate) fn days_in(month: i64, year: i64) -> i64 {
    if month == 2 && is_leap(year) {
        return 29;
    }
    days_before(month + 1) - days_before(month)
}

/// Go's `parse` (time/format.go) up to choosing a location, which the
/// caller does (it knows the locations): the wall clock read and how the
/// zone was given, or the `ParseError`'s parts.
pub fn parse(layout: &[u8], value: &[u8]) -> Result<Parsed, ParseError> {
    let (mut layout, mut value) = (layout, value);
    let mut range_err: &str = "";
    let (mut am_set, mut pm_set) = (false, false);
    let (mut year, mut month, mut day, mut yday) = (0i64, -1i64, -1i64, -1i64);
    let (mut hour, mut min, mut sec, mut nsec) = (0i64, 0i64, 0i64, 0i64);
    let mut z_utc = false;
    let mut zone_offset: i64 = -1;
    let mut zone_name: &[u8] = b"";
    loop {
        let (prefix, std, suffix) = next_std_chunk(layout);
        let stdstr = &layout[prefix.len()..layout.len() - suffix.len()];
        value = skip(value, prefix).map_err(|v| perr(prefix, v, b""))?;
        let Some(std) = std else {
            if !value.is_empty() {
                let mut msg = b": extra text: ".to_vec();
                msg.extend(quote(value));
                return Err(perr(b"", value, &msg));
            }
            break;
        };
        layout = suffix;
        let hold = value;
        let mut err: Result<(), Bad> = Ok(());
        match std {
            Std::Year => {
                if value.len() < 2 {
                    err = Err(Bad);
                } else {
                    let p = &value[..2];
                    value = &value[2..];
                    match atoi(p) {
                        Ok(y) => year = if y >= 69 { y + 1900 } else { y + 2000 },
                        Err(e) => err = Err(e),
                    }
                }
            }
            Std::LongYear => {
                if value.len() < 4 || !is_digit(value, 0) {
                    err = Err(Bad);
                } else {
                    let p = &value[..4];
                    value = &value[4..];
                    match atoi(p) {
                        Ok(y) => year = y,
                        Err(e) => err = Err(e),
                    }
                }
            }
            Std::Month | Std::LongMonth => {
                let tab: &[&str] = if std == Std::Month { &SHORT_MONTH_NAMES } else { &MONTHS };
                err = set(lookup(tab, value), &mut month, &mut value);
                month += 1;
            }
            Std::NumMonth | Std::ZeroMonth => {
                err = set(getnum(value, std == Std::ZeroMonth), &mut month, &mut value);
                if err.is_ok() && (month <= 0 || 12 < month) {
                    range_err = "month";
                }
            }
            Std::WeekDay | Std::LongWeekDay => {
                // The weekday is only checked for syntax.
                let tab: &[&str] = if std == Std::WeekDay { &SHORT_DAY_NAMES } else { &DAYS };
                err = set(lookup(tab, value), &mut 0, &mut value);
            }
            Std::Day | Std::UnderDay | Std::ZeroDay => {
                if std == Std::UnderDay && value.first() == Some(&b' ') {
                    value = &value[1..];
                }
                err = set(getnum(value, std == Std::ZeroDay), &mut day, &mut value);
            }
            Std::UnderYearDay | Std::ZeroYearDay => {
                for _ in 0..2 {
                    if std == Std::UnderYearDay && value.first() == Some(&b' ') {
                        value = &value[1..];
                    }
                }
                err = set(getnum3(value, std == Std::ZeroYearDay), &mut yday, &mut value);
            }
            Std::Hour => {
                err = set(getnum(value, false), &mut hour, &mut value);
                if !(0..24).contains(&hour) {
                    range_err = "hour";
                }
            }
            Std::Hour12 | Std::ZeroHour12 => {
                err = set(getnum(value, std == Std::ZeroHour12), &mut hour, &mut value);
                if !(0..=12).contains(&hour) {
                    range_err = "hour";
                }
            }
            Std::Minute | Std::ZeroMinute => {
                err = set(getnum(value, std == Std::ZeroMinute), &mut min, &mut value);
                if !(0..60).contains(&min) {
                    range_err = "minute";
                }
            }
            Std::Second | Std::ZeroSecond => 'sec: {
                err = set(getnum(value, std == Std::ZeroSecond), &mut sec, &mut value);
                if err.is_err() {
                    break 'sec;
                }
                if !(0..60).contains(&sec) {
                    range_err = "second";
                    break 'sec;
                }
                // A fractional second in the value but not in the layout.
                if value.len() >= 2 && comma_or_period(value[0]) && is_digit(value, 1) {
                    if let (_, Some(Std::Frac { .. }), _) = next_std_chunk(layout) {
                        break 'sec;
                    }
                    let mut n = 2;
                    while n < value.len() && is_digit(value, n) {
                        n += 1;
                    }
                    let (ns, re, e) = parse_nanoseconds(value, n);
                    (nsec, range_err, err) = (ns, re, e);
                    value = &value[n..];
                }
            }
            Std::PM | Std::Pm => {
                if value.len() < 2 {
                    err = Err(Bad);
                } else {
                    let p = &value[..2];
                    value = &value[2..];
                    let (pm, am): (&[u8], &[u8]) = if std == Std::PM { (b"PM", b"AM") } else { (b"pm", b"am") };
                    if p == pm {
                        pm_set = true;
                    } else if p == am {
                        am_set = true;
                    } else {
                        err = Err(Bad);
                    }
                }
            }
            Std::TZ => {
                if value.starts_with(b"UTC") {
                    z_utc = true;
                    value = &value[3..];
                } else {
                    match parse_time_zone(value) {
                        Some(n) => {
                            zone_name = &value[..n];
                            value = &value[n..];
                        }
                        None => err = Err(Bad),
                    }
                }
            }
            Std::Frac { nine: false, digits, .. } => {
                // stdFracSecond0 takes exactly the layout's digit count.
                let ndigit = 1 + digits;
                if value.len() < ndigit {
                    err = Err(Bad);
                } else {
                    let (ns, re, e) = parse_nanoseconds(value, ndigit);
                    (nsec, range_err, err) = (ns, re, e);
                    value = &value[ndigit..];
                }
            }
            Std::Frac { nine: true, .. } => {
                if value.len() >= 2 && comma_or_period(value[0]) && value[1].is_ascii_digit() {
                    // Any number of digits, as the stdSecond case takes.
                    let mut i = 0;
                    while i + 1 < value.len() && value[i + 1].is_ascii_digit() {
                        i += 1;
                    }
                    let (ns, re, e) = parse_nanoseconds(value, 1 + i);
                    (nsec, range_err, err) = (ns, re, e);
                    value = &value[1 + i..];
                }
            }
            // The numeric zones; the Z variants also take Z for UTC.
            _ if std.iso_z() && value.first() == Some(&b'Z') => {
                value = &value[1..];
                z_utc = true;
            }
            _ => 'zone: {
                let need = match std {
                    Std::ISO8601ColonTZ | Std::NumColonTZ => 6,
                    Std::NumShortTZ | Std::ISO8601ShortTZ => 3,
                    Std::ISO8601ColonSecondsTZ | Std::NumColonSecondsTZ => 9,
                    Std::ISO8601SecondsTZ | Std::NumSecondsTz => 7,
                    _ => 5,
                };
                if value.len() < need {
                    err = Err(Bad);
                    break 'zone;
                }
                let v = value;
                let (sign, h, m, s): (u8, &[u8], &[u8], &[u8]) = match need {
                    6 => {
                        if v[3] != b':' {
                            err = Err(Bad);
                            break 'zone;
                        }
                        (v[0], &v[1..3], &v[4..6], b"00")
                    }
                    3 => (v[0], &v[1..3], b"00", b"00"),
                    9 => {
                        if v[3] != b':' || v[6] != b':' {
                            err = Err(Bad);
                            break 'zone;
                        }
                        (v[0], &v[1..3], &v[4..6], &v[7..9])
                    }
                    7 => (v[0], &v[1..3], &v[3..5], &v[5..7]),
                    _ => (v[0], &v[1..3], &v[3..5], b"00"),
                };
                value = &value[need..];
                let (mut hr, mut mm, mut ss) = (0, 0, 0);
                let r = getnum(h, true).and_then(|(x, _)| {
                    hr = x;
                    getnum(m, true).and_then(|(x, _)| {
                        mm = x;
                        getnum(s, true).map(|(x, _)| ss = x)
                    })
                });
                err = r;
                // > rather than >=: some write offsets of 24 hours or 60 minutes.
                if hr > 24 {
                    range_err = "time zone offset hour";
                }
                if mm > 60 {
                    range_err = "time zone offset minute";
                }
                if ss > 60 {
                    range_err = "time zone offset second";
                }
                zone_offset = (hr * 60 + mm) * 60 + ss;
                match sign {
                    b'+' => {}
                    b'-' => zone_offset = -zone_offset,
                    _ => err = Err(Bad),
                }
            }
        }
        if !range_err.is_empty() {
            let msg = format!(": {range_err} out of range");
            return Err(perr(stdstr, value, msg.as_bytes()));
        }
        if err.is_err() {
            return Err(perr(stdstr, hold, b""));
        }
    }
    if pm_set && hour < 12 {
        hour += 12;
    } else if am_set && hour == 12 {
        hour = 0;
    }
    // Convert yday to day, month.
    if yday >= 0 {
        let (mut d, mut m) = (0, 0);
        if is_leap(year) {
            if yday == 31 + 29 {
                m = 2;
                d = 29;
            } else if yday > 31 + 29 {
                yday -= 1;
            }
        }
        if !(1..=365).contains(&yday) {
            return Err(perr(b"", value, b": day-of-year out of range"));
        }
        if m == 0 {
            m = (yday - 1) / 31 + 1;
            if days_before(m + 1) < yday {
                m += 1;
            }
            d = yday - days_before(m);
        }
        // If month, day already seen, yday's m, d must match.
        if month >= 0 && month != m {
            return Err(perr(b"", value, b": day-of-year does not match month"));
        }
        month = m;
        if day >= 0 && day != d {
            return Err(perr(b"", value, b": day-of-year does not match day"));
        }
        day = d;
    } else {
        if month < 0 {
            month = 1;
        }
        if day < 0 {
            day = 1;
        }
    }
    if day < 1 || day > days_in(month, year) {
        return Err(perr(b"", value, b": day out of range"));
    }
    let zone = if z_utc {
        ParsedZone::Utc
    } else if zone_offset != -1 {
        ParsedZone::Offset(zone_name.to_vec(), zone_offset)
    } else if !zone_name.is_empty() {
        ParsedZone::Name(zone_name.to_vec())
    } else {
        ParsedZone::Default
    };
    Ok(Parsed { year, month, day, hour, min, sec, nsec, zone })
}

/// Go's offset for a `GMT+3`-style name the location lacks (parse's
/// fallback: the hours after GMT, else 0).
pub fn gmt_offset(name: &[u8]) -> i64 {
    if name.len() > 3 && name.starts_with(b"GMT") {
        return atoi(&name[3..]).unwrap_or(0).wrapping_mul(3600);
    }
    0
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
        assert_eq!(format(t, 0, Zone::UTC, b"2006-01-02T15:04:05Z07:00"), b"2009-11-10T23:00:00Z");
        assert_eq!(format(t, 0, Zone::UTC, b"3:04PM"), b"11:00PM");
        assert_eq!(format(t, 0, Zone::UTC, b"Mon Jan _2 15:04:05 2006"), b"Tue Nov 10 23:00:00 2009");
        assert_eq!(format(t, 0, Zone::UTC, b"Mon, 02 Jan 2006 15:04:05 MST"), b"Tue, 10 Nov 2009 23:00:00 UTC");
        assert_eq!(format(t, 0, Zone::UTC, b"02 Jan 06 15:04 -0700"), b"10 Nov 09 23:00 +0000");
        assert_eq!(format(t, 5_000_000, Zone::UTC, b"15:04:05.000"), b"23:00:00.005");
        assert_eq!(format(t, 5_000_000, Zone::UTC, b"15:04:05.999999999"), b"23:00:00.005");
        assert_eq!(format(t, 0, Zone::UTC, b"15:04:05.999"), b"23:00:00");
        assert_eq!(format(t, 0, Zone::UTC, b"Monday, January 2 pm"), b"Tuesday, November 10 pm");
        assert_eq!(format(t, 0, Zone::UTC, b"Jan 2 __2 002"), b"Nov 10 314 314");
        assert_eq!(format(0, 0, Zone::UTC, b"2006-01-02 15:04:05"), b"0001-01-01 00:00:00");
        assert_eq!(format(t, 0, Zone::UTC, b"Janet"), b"Janet");
    }

    #[test]
    fn strings_as_go() {
        let t = playground();
        assert_eq!(time_string(t, 0, Zone::UTC, None), b"2009-11-10 23:00:00 +0000 UTC");
        assert_eq!(time_string(t, 1, Zone::UTC, Some(1)), b"2009-11-10 23:00:00.000000001 +0000 UTC m=+0.000000001");
        assert_eq!(time_string(t + 3600, 4, Zone::UTC, Some(3_600_000_000_004)), b"2009-11-11 00:00:00.000000004 +0000 UTC m=+3600.000000004");
        assert_eq!(time_string(0, 0, Zone::UTC, None), b"0001-01-01 00:00:00 +0000 UTC");
        assert_eq!(month_name(13), "%!Month(13)");
        assert_eq!(weekday_name(2), "Tuesday");
    }

    #[test]
    fn parse_as_go() {
        // Fields and texts as Go 1.27's time.Parse gives them.
        let p = parse(b"2006-01-02 15:04:05.000 MST", b"2024-02-29 07:08:09.120 GMT+3").unwrap();
        assert_eq!((p.year, p.month, p.day, p.hour, p.min, p.sec, p.nsec), (2024, 2, 29, 7, 8, 9, 120_000_000));
        assert_eq!(p.zone, ParsedZone::Name(b"GMT+3".to_vec()));
        assert_eq!(gmt_offset(b"GMT+3"), 3 * 3600);
        assert_eq!(parse(b"Z07:00", b"Z").unwrap().zone, ParsedZone::Utc);
        assert_eq!(parse(b"MST -0700", b"EST -0500").unwrap().zone, ParsedZone::Offset(b"EST".to_vec(), -5 * 3600));
        let e = parse(b"2006-01-02", b"2023-02-29").unwrap_err();
        assert_eq!((e.layout_elem, e.message), (vec![], b": day out of range".to_vec()));
        let e = parse(b"2006-01-02", b"2024-01-02x").unwrap_err();
        assert_eq!(e.message, b": extra text: \"x\"".to_vec());
        assert_eq!(parse_error_text(b"2006", b"x", b"2006", b"x", b""), b"parsing time \"x\" as \"2006\": cannot parse \"x\" as \"2006\"");
        assert_eq!(quote("\u{e9}\x01\"".as_bytes()), b"\"\\xc3\\xa9\\x01\\\"\"");
        assert_eq!(quote(b"\xff"), b"\"\\xff\"");
    }
}
