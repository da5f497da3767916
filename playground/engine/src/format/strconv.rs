//! Go's strconv number conversions with Go's exact error values and texts:
//! `Itoa`, `FormatInt`/`FormatUint` (bases 2..36), `FormatBool`,
//! `ParseInt`/`ParseUint`/`Atoi` (base prefixes and `_` separators when
//! base is 0), `ParseFloat` (decimal, hex `0x1p-2`, `inf`/`infinity`/`nan`),
//! `ParseBool`. Quoting lives in `quote.rs`, float formatting in `float.rs`.
//!
//! Errors are [`NumError`]s whose `to_string()` is Go's `Error()` text, e.g.
//! `strconv.Atoi: parsing "12a": invalid syntax`.

use super::quote;
use std::fmt;

/// `NumError.Err`: which sentinel (or base/bit-size error) failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NumErrKind {
    /// `strconv.ErrSyntax`.
    Syntax,
    /// `strconv.ErrRange`.
    Range,
    /// `invalid base N`.
    Base(i64),
    /// `invalid bit size N`.
    BitSize(i64),
}

/// Go's `*strconv.NumError`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NumError {
    /// The failing function: `ParseInt`, `Atoi`, `ParseFloat`...
    pub func: &'static str,
    /// The input, as bytes.
    pub num: Vec<u8>,
    pub err: NumErrKind,
}

impl NumError {
    /// The text of `Err.Error()`.
    pub fn err_text(&self) -> String {
        match self.err {
            NumErrKind::Syntax => "invalid syntax".into(),
            NumErrKind::Range => "value out of range".into(),
            NumErrKind::Base(b) => format!("invalid base {b}"),
            NumErrKind::BitSize(b) => format!("invalid bit size {b}"),
        }
    }

    /// `Error()` as bytes (the input may not be UTF-8; Quote escapes it).
    pub fn error_bytes(&self) -> Vec<u8> {
        let mut out = format!("strconv.{}: parsing ", self.func).into_bytes();
        out.extend(quote::quote(&self.num));
        out.extend_from_slice(b": ");
        out.extend_from_slice(self.err_text().as_bytes());
        out
    }
}

impl fmt::Display for NumError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&String::from_utf8_lossy(&self.error_bytes()))
    }
}

const DIGITS36: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";

/// `strconv.FormatUint`; `Err` carries Go's panic message for a bad base.
pub fn format_uint(mut u: u64, base: i64) -> Result<String, &'static str> {
    if !(2..=36).contains(&base) {
        return Err("strconv: illegal AppendInt/FormatInt base");
    }
    let b = base as u64;
    let mut out = Vec::new();
    while u >= b {
        out.push(DIGITS36[(u % b) as usize]);
        u /= b;
    }
    out.push(DIGITS36[u as usize]);
    out.reverse();
    Ok(String::from_utf8(out).unwrap_or_default())
}

/// `strconv.FormatInt`.
pub fn format_int(i: i64, base: i64) -> Result<String, &'static str> {
    let s = format_uint(i.unsigned_abs(), base)?;
    Ok(if i < 0 { format!("-{s}") } else { s })
}

#[cfg(test)]
/// `strconv.Itoa`.
pub fn itoa(i: i64) -> String {
    i.to_string()
}

#[cfg(test)]
/// `strconv.FormatBool`.
pub fn format_bool(b: bool) -> &'static str {
    if b { "true" } else { "false" }
}

fn lower(c: u8) -> u8 {
    c | (b'x' - b'X')
}

fn underscore_ok(s: &[u8]) -> bool {
    let mut saw = b'^';
    let mut i = 0;
    let mut s = s;
    if !s.is_empty() && (s[0] == b'-' || s[0] == b'+') {
        s = &s[1..];
    }
    let mut hex = false;
    if s.len() >= 2 && s[0] == b'0' && matches!(lower(s[1]), b'b' | b'o' | b'x') {
        i = 2;
        saw = b'0';
        hex = lower(s[1]) == b'x';
    }
    while i < s.len() {
        let c = s[i];
        if c.is_ascii_digit() || hex && (b'a'..=b'f').contains(&lower(c)) {
            saw = b'0';
        } else if c == b'_' {
            if saw != b'0' {
                return false;
            }
            saw = b'_';
        } else {
            if saw == b'_' {
                return false;
            }
            saw = b'!';
        }
        i += 1;
    }
    saw != b'_'
}

/// The internal `ParseUint`: (value, error kind) without function name.
fn parse_uint_raw(s: &[u8], base: i64, bit_size: i64) -> (u64, Option<NumErrKind>) {
    if s.is_empty() {
        return (0, Some(NumErrKind::Syntax));
    }
    let base0 = base == 0;
    let s0 = s;
    let mut s = s;
    let mut base = base;
    if (2..=36).contains(&base) {
    } else if base == 0 {
        base = 10;
        if s[0] == b'0' {
            if s.len() >= 3 && lower(s[1]) == b'b' {
                base = 2;
                s = &s[2..];
            } else if s.len() >= 3 && lower(s[1]) == b'o' {
                base = 8;
                s = &s[2..];
            } else if s.len() >= 3 && lower(s[1]) == b'x' {
                base = 16;
                s = &s[2..];
            } else {
                base = 8;
                s = &s[1..];
            }
        }
    } else {
        return (0, Some(NumErrKind::Base(base)));
    }
    let bit_size = if bit_size == 0 {
        64
    } else if !(0..=64).contains(&bit_size) {
        return (0, Some(NumErrKind::BitSize(bit_size)));
    } else {
        bit_size
    };
    let cutoff = u64::MAX / base as u64 + 1;
    let max_val: u64 = if bit_size == 64 {
        u64::MAX
    } else {
        (1u64 << bit_size) - 1
    };
    let mut underscores = false;
    let mut n: u64 = 0;
    for &c in s {
        let d = if c == b'_' && base0 {
            underscores = true;
            continue;
        } else if c.is_ascii_digit() {
            c - b'0'
        } else if lower(c).is_ascii_lowercase() {
            lower(c) - b'a' + 10
        } else {
            return (0, Some(NumErrKind::Syntax));
        };
        if d as i64 >= base {
            return (0, Some(NumErrKind::Syntax));
        }
        if n >= cutoff {
            return (max_val, Some(NumErrKind::Range));
        }
        n *= base as u64;
        let n1 = n.wrapping_add(d as u64);
        if n1 < n || n1 > max_val {
            return (max_val, Some(NumErrKind::Range));
        }
        n = n1;
    }
    if underscores && !underscore_ok(s0) {
        return (0, Some(NumErrKind::Syntax));
    }
    (n, None)
}

fn parse_int_raw(s: &[u8], base: i64, bit_size: i64) -> (i64, Option<NumErrKind>) {
    if s.is_empty() {
        return (0, Some(NumErrKind::Syntax));
    }
    let mut s = s;
    let mut neg = false;
    if s[0] == b'+' {
        s = &s[1..];
    } else if s[0] == b'-' {
        s = &s[1..];
        neg = true;
    }
    let (un, err) = parse_uint_raw(s, base, bit_size);
    if err.is_some() && err != Some(NumErrKind::Range) {
        return (0, err);
    }
    let bit_size = if bit_size == 0 { 64 } else { bit_size };
    let cutoff: u64 = 1u64 << (bit_size - 1);
    if !neg && un >= cutoff {
        return ((cutoff - 1) as i64, Some(NumErrKind::Range));
    }
    if neg && un > cutoff {
        return ((cutoff as i64).wrapping_neg(), Some(NumErrKind::Range));
    }
    let n = un as i64;
    (if neg { n.wrapping_neg() } else { n }, None)
}

fn num_err(func: &'static str, s: &[u8], err: NumErrKind) -> NumError {
    NumError {
        func,
        num: s.to_vec(),
        err,
    }
}

/// `strconv.ParseUint`. On a range error Go also returns the clamped
/// value; it is carried in the `Err` tuple.
pub fn parse_uint(s: &[u8], base: i64, bit_size: i64) -> Result<u64, (u64, NumError)> {
    match parse_uint_raw(s, base, bit_size) {
        (v, None) => Ok(v),
        (v, Some(e)) => Err((v, num_err("ParseUint", s, e))),
    }
}

/// `strconv.ParseInt`; a range error carries the clamped value.
pub fn parse_int(s: &[u8], base: i64, bit_size: i64) -> Result<i64, (i64, NumError)> {
    match parse_int_raw(s, base, bit_size) {
        (v, None) => Ok(v),
        (v, Some(e)) => Err((v, num_err("ParseInt", s, e))),
    }
}

/// `strconv.Atoi` (int is 64 bits); a range error carries the clamped value.
pub fn atoi(s: &[u8]) -> Result<i64, (i64, NumError)> {
    match parse_int_raw(s, 10, 0) {
        (v, None) => Ok(v),
        (v, Some(e)) => Err((v, num_err("Atoi", s, e))),
    }
}

/// `strconv.ParseBool`.
pub fn parse_bool(s: &[u8]) -> Result<bool, NumError> {
    match s {
        b"1" | b"t" | b"T" | b"TRUE" | b"true" | b"True" => Ok(true),
        b"0" | b"f" | b"F" | b"FALSE" | b"false" | b"False" => Ok(false),
        _ => Err(num_err("ParseBool", s, NumErrKind::Syntax)),
    }
}

/// Go's `special`: inf/infinity/nan prefixes -> (value, length).
fn special(s: &[u8]) -> Option<(f64, usize)> {
    let first = *s.first()?;
    let prefix_len = |s: &[u8], word: &[u8]| {
        s.iter()
            .zip(word)
            .take_while(|(a, b)| lower(**a) == **b)
            .count()
    };
    let (sign, nsign, rest) = match first {
        b'+' => (1.0, 1, &s[1..]),
        b'-' => (-1.0, 1, &s[1..]),
        b'i' | b'I' => (1.0, 0, s),
        b'n' | b'N' => {
            // Go's NaN has the bits 0x7FF8000000000001.
            return if prefix_len(s, b"nan") == 3 {
                Some((f64::from_bits(0x7FF8_0000_0000_0001), 3))
            } else {
                None
            };
        }
        _ => return None,
    };
    let mut n = prefix_len(rest, b"infinity");
    if 3 < n && n < 8 {
        n = 3;
    }
    if n == 3 || n == 8 {
        return Some((sign * f64::INFINITY, nsign + n));
    }
    None
}

/// Go's `readFloat` syntax check: returns the length of the well-formed
/// prefix, whether it is hex, and the text with underscores removed.
fn read_float(s: &[u8]) -> Option<(usize, bool, Vec<u8>)> {
    let mut i = 0;
    let mut underscores = false;
    let mut clean = Vec::new();
    if i < s.len() && (s[i] == b'+' || s[i] == b'-') {
        clean.push(s[i]);
        i += 1;
    }
    let mut hex = false;
    if i + 2 < s.len() && s[i] == b'0' && lower(s[i + 1]) == b'x' {
        hex = true;
        clean.extend_from_slice(&s[i..i + 2]);
        i += 2;
    }
    let mut sawdot = false;
    let mut sawdigits = false;
    while i < s.len() {
        let c = s[i];
        if c == b'_' {
            underscores = true;
        } else if c == b'.' {
            if sawdot {
                break;
            }
            sawdot = true;
            clean.push(c);
        } else if c.is_ascii_digit() || hex && (b'a'..=b'f').contains(&lower(c)) {
            sawdigits = true;
            clean.push(c);
        } else {
            break;
        }
        i += 1;
    }
    if !sawdigits {
        return None;
    }
    let exp_char = if hex { b'p' } else { b'e' };
    if i < s.len() && lower(s[i]) == exp_char {
        clean.push(s[i]);
        i += 1;
        if i >= s.len() {
            return None;
        }
        if s[i] == b'+' || s[i] == b'-' {
            clean.push(s[i]);
            i += 1;
        }
        if i >= s.len() || !s[i].is_ascii_digit() {
            return None;
        }
        while i < s.len() && (s[i].is_ascii_digit() || s[i] == b'_') {
            if s[i] == b'_' {
                underscores = true;
            } else {
                clean.push(s[i]);
            }
            i += 1;
        }
    } else if hex {
        return None;
    }
    if underscores && !underscore_ok(&s[..i]) {
        return None;
    }
    Some((i, hex, clean))
}

/// Multiplies by 2^e exactly (up to overflow/underflow).
fn ldexp(mut x: f64, mut e: i64) -> f64 {
    while e > 0 {
        let k = e.min(1000);
        x *= 2f64.powi(k as i32);
        e -= k;
        if x.is_infinite() {
            break;
        }
    }
    while e < 0 {
        let k = (-e).min(1000);
        x /= 2f64.powi(k as i32);
        e += k;
        if x == 0.0 {
            break;
        }
    }
    x
}

/// Hex float text (already syntax-checked, no underscores) to a value:
/// up to 60 mantissa bits are kept, the rest folded into a sticky bit,
/// then rounded once to the target precision.
fn parse_hex_float(clean: &[u8], bits: u32) -> f64 {
    let mut s = clean;
    let mut neg = false;
    if let Some(&c) = s.first()
        && (c == b'+' || c == b'-')
    {
        neg = c == b'-';
        s = &s[1..];
    }
    s = &s[2..]; // 0x
    let mut mant: u64 = 0;
    let mut sticky = false;
    let mut exp: i64 = 0;
    let mut sawdot = false;
    let mut i = 0;
    while i < s.len() && lower(s[i]) != b'p' {
        let c = s[i];
        i += 1;
        if c == b'.' {
            sawdot = true;
            continue;
        }
        let d = if c.is_ascii_digit() {
            c - b'0'
        } else {
            lower(c) - b'a' + 10
        } as u64;
        if mant >> 59 == 0 {
            mant = mant * 16 + d;
            if sawdot {
                exp -= 4;
            }
        } else {
            sticky |= d != 0;
            if !sawdot {
                exp += 4;
            }
        }
    }
    let mut e: i64 = 0;
    let mut eneg = false;
    i += 1;
    if i < s.len() && (s[i] == b'+' || s[i] == b'-') {
        eneg = s[i] == b'-';
        i += 1;
    }
    while i < s.len() {
        if e < 100_000 {
            e = e * 10 + (s[i] - b'0') as i64;
        }
        i += 1;
    }
    exp += if eneg { -e } else { e };
    let v = round_binary(mant, exp, sticky, bits);
    if neg { -v } else { v }
}

/// Rounds mant × 2^exp (plus a nonzero tail below it when `sticky`) to the
/// nearest float32/float64, ties to even, in one step (also for results
/// in the subnormal range). Overflow gives +Inf.
fn round_binary(mant: u64, exp: i64, sticky: bool, bits: u32) -> f64 {
    if mant == 0 {
        return 0.0;
    }
    let (precision, qmin): (i64, i64) = if bits == 32 { (24, -149) } else { (53, -1074) };
    // Normalize: most significant bit at position 63.
    let lz = mant.leading_zeros() as i64;
    let mant = mant << lz;
    let exp = exp - lz;
    let msb = exp + 63;
    let q = (msb - (precision - 1)).max(qmin); // exponent of the last kept bit
    let shift = q - exp; // low bits to drop, at least 64 - precision
    let (kept, round_up) = if shift > 64 {
        (0, false) // below half the smallest subnormal
    } else if shift == 64 {
        let half = 1u64 << 63;
        (0, mant > half || (mant == half && sticky))
    } else {
        let kept = mant >> shift;
        let rem = mant & ((1u64 << shift) - 1);
        let half = 1u64 << (shift - 1);
        let up = rem > half || (rem == half && (sticky || kept & 1 == 1));
        (kept, up)
    };
    let kept = kept + round_up as u64;
    let v = ldexp(kept as f64, q);
    if bits == 32 { v as f32 as f64 } else { v }
}

/// The value of a float literal `read_float` cleaned (`_` gone), rounded
/// once to `bits`.
fn float_of(clean: &[u8], hex: bool, bits: u32) -> f64 {
    if hex {
        parse_hex_float(clean, bits)
    } else {
        let text = std::str::from_utf8(clean).unwrap_or("0");
        if bits == 32 {
            text.parse::<f32>().map(|f| f as f64).unwrap_or(0.0)
        } else {
            text.parse::<f64>().unwrap_or(0.0)
        }
    }
}

/// Go's `parseFloatPrefix`: the float at the start of `s` and how many
/// bytes it took; `Err` for a syntax error, `Ok` with `true` for a value out
/// of range (±Inf).
fn parse_float_prefix(s: &[u8], bits: u32) -> Result<(f64, usize, bool), ()> {
    if let Some((v, n)) = special(s) {
        return Ok((if bits == 32 && v.is_nan() { f64::NAN } else { v }, n, false));
    }
    let (n, hex, clean) = read_float(s).ok_or(())?;
    let v = float_of(&clean, hex, bits);
    Ok((v, n, v.is_infinite()))
}

/// `strconv.ParseComplex(s, bitSize)` (Go's `atoc.go`): `a`, `bi`, `a±bi`,
/// optionally in parentheses; a range error carries the value.
pub fn parse_complex(s: &[u8], bit_size: i64) -> Result<(f64, f64), ((f64, f64), NumError)> {
    let orig = s;
    let syntax = || ((0.0, 0.0), num_err("ParseComplex", orig, NumErrKind::Syntax));
    let bits = if bit_size == 64 { 32 } else { 64 };
    let mut s = s;
    if s.len() >= 2 && s[0] == b'(' && s[s.len() - 1] == b')' {
        s = &s[1..s.len() - 1];
    }
    let done = |re: f64, im: f64, range: bool| {
        if range { Err(((re, im), num_err("ParseComplex", orig, NumErrKind::Range))) } else { Ok((re, im)) }
    };
    let (re, n, mut range) = parse_float_prefix(s, bits).map_err(|_| syntax())?;
    s = &s[n..];
    if s.is_empty() {
        return done(re, 0.0, range);
    }
    match s[0] {
        // Consume the '+' (so "+NaNi" reads), unless it is "++".
        b'+' => {
            if s.len() > 1 && s[1] != b'+' {
                s = &s[1..];
            }
        }
        b'-' => {}
        b'i' if s.len() == 1 => return done(0.0, re, range),
        _ => return Err(syntax()),
    }
    let (im, n, r) = parse_float_prefix(s, bits).map_err(|_| syntax())?;
    range |= r;
    if &s[n..] != b"i" {
        return Err(syntax());
    }
    done(re, im, range)
}

/// `strconv.ParseFloat(s, bitSize)`; a range error carries ±Inf.
pub fn parse_float(s: &[u8], bit_size: i64) -> Result<f64, (f64, NumError)> {
    let bits = if bit_size == 32 { 32 } else { 64 };
    if let Some((v, n)) = special(s) {
        if n == s.len() {
            // A float32 NaN loses the low payload bit on the way back.
            return Ok(if bits == 32 && v.is_nan() {
                f64::NAN
            } else {
                v
            });
        }
        return Err((0.0, num_err("ParseFloat", s, NumErrKind::Syntax)));
    }
    let Some((n, hex, clean)) = read_float(s) else {
        return Err((0.0, num_err("ParseFloat", s, NumErrKind::Syntax)));
    };
    if n != s.len() {
        return Err((0.0, num_err("ParseFloat", s, NumErrKind::Syntax)));
    }
    let v = float_of(&clean, hex, bits);
    if v.is_infinite() {
        return Err((v, num_err("ParseFloat", s, NumErrKind::Range)));
    }
    Ok(v)
}
