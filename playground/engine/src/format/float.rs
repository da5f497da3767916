//! Go's `strconv.FormatFloat` ('e', 'E', 'f', 'g', 'G', 'b', 'x', 'X';
//! precision -1 = shortest round-trip for the given bit size) and fmt's
//! float verb handling (`fmt.fmtFloat`: signs, `#`, zero padding, Inf/NaN).
//!
//! Digit generation is delegated to Rust's core formatting, which is exact:
//! `{:e}` yields the shortest round-tripping digits (for f32 or f64) and
//! `{:.N}` / `{:.Ne}` the correctly rounded digits (ties to even, like Go).
//! The layout (`fmtEFG`) is ported from Go so thresholds and exponent
//! widths match.

use super::printf::Fmt;

/// Decimal digits (no leading/trailing zeros) and the decimal point
/// position: value = 0.d1d2d3... × 10^dp. Zero has no digits and dp 0.
struct Digits {
    d: Vec<u8>,
    dp: i64,
}

/// Parses Rust's `{:e}` output ("1.2345e-7", "0e0") into digits.
fn parse_sci(s: &str) -> Digits {
    let s = s.trim_start_matches('-');
    let (mant, exp) = s.split_once('e').unwrap_or((s, "0"));
    let exp: i64 = exp.parse().unwrap_or(0);
    let mut d: Vec<u8> = mant.bytes().filter(|b| b.is_ascii_digit()).collect();
    trim(&mut d, exp + 1)
}

/// Strips leading zeros (adjusting dp) and trailing zeros.
fn trim(d: &mut Vec<u8>, mut dp: i64) -> Digits {
    let lead = d.iter().take_while(|&&c| c == b'0').count();
    d.drain(..lead);
    dp -= lead as i64;
    while d.last() == Some(&b'0') {
        d.pop();
    }
    if d.is_empty() {
        dp = 0;
    }
    Digits {
        d: std::mem::take(d),
        dp,
    }
}

/// Go's shortest digits break an exact tie between two equally short,
/// equally close candidates towards the even one; Rust's towards the larger.
/// A tie means the exact value has one more digit, a 5: then take the
/// truncated candidate when it is the even one.
fn tie_to_even(d: Digits, a: f64) -> Digits {
    let nd = d.d.len();
    let Some(&last) = d.d.last() else { return d };
    if (last - b'0').is_multiple_of(2) {
        return d;
    }
    // Cheap filter: the next digit of the correctly rounded expansion is 5.
    let next = format!("{:.*e}", nd, a);
    let next_digits: Vec<u8> = next
        .split('e')
        .next()
        .unwrap_or("")
        .bytes()
        .filter(u8::is_ascii_digit)
        .collect();
    if next_digits.last() != Some(&b'5') {
        return d;
    }
    // Exact expansion (every f64 has fewer than 800 significant digits).
    let exact = parse_sci(&format!("{:.800e}", a));
    if exact.d.len() != nd + 1 || exact.d[nd] != b'5' || exact.dp != d.dp {
        return d;
    }
    let mut lower = exact.d[..nd].to_vec();
    if lower.last().is_some_and(|&c| (c - b'0').is_multiple_of(2)) {
        return trim(&mut lower, exact.dp);
    }
    d
}

/// Parses Rust's `{:.N}` output ("123.4500") into digits.
fn parse_fixed(s: &str) -> Digits {
    let s = s.trim_start_matches('-');
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    let mut d: Vec<u8> = int.bytes().chain(frac.bytes()).collect();
    trim(&mut d, int.len() as i64)
}

/// More digits than any double's exact decimal expansion holds (1,074
/// after the point, 767 significant).
const EXACT_DIGITS: i64 = 1_100;

/// `strconv.FormatComplex((re, im), fmt, prec, bits)` (`bits` 64 for
/// complex64, else 128), which `print` and panics use too: `(1+2i)`.
pub fn format_complex(re: f64, im: f64, fmt: u8, prec: i64, bits: u32) -> Vec<u8> {
    let half = if bits == 64 { 32 } else { 64 };
    let mut out = vec![b'('];
    out.extend(format_float(re, fmt, prec, half));
    let i = out.len();
    out.extend(format_float(im, fmt, prec, half));
    // The imaginary part always shows its sign.
    if !matches!(out.get(i), Some(b'+' | b'-')) {
        out.insert(i, b'+');
    }
    out.extend_from_slice(b"i)");
    out
}

/// The shortest text that reads back as the same float of `bits` (32 or
/// 64): `print`/`println` (Go 1.27's `printfloat32`/`printfloat64`), panic
/// values and channel dumps all print floats this way; `%v` reaches it
/// through `fmt_float`. A `float32` printed with 64 would read
/// `0.10000000149011612`.
pub fn shortest(v: f64, bits: u32) -> String {
    String::from_utf8_lossy(&format_float(v, b'g', -1, bits)).into_owned()
}

/// `strconv.FormatFloat(v, fmt, prec, bits)`; `bits` other than 32 mean 64
/// (Go panics there). The output holds about `prec` bytes: a caller
/// with a precision from the program checks it against the heap budget
/// first (fmt's own cap is a million).
pub fn format_float(v: f64, fmt: u8, prec: i64, bits: u32) -> Vec<u8> {
    // Go formats `float32(v)`: 1e39 is +Inf at 32 bits.
    let v = if bits == 32 { v as f32 as f64 } else { v };
    let mut out = Vec::new();
    if v.is_nan() {
        out.extend_from_slice(b"NaN");
        return out;
    }
    if v.is_infinite() {
        out.extend_from_slice(if v > 0.0 { b"+Inf" } else { b"-Inf" });
        return out;
    }
    let neg = v.is_sign_negative();
    let (mant, exp, mant_bits) = decompose(v, bits);
    match fmt {
        b'b' => {
            if neg {
                out.push(b'-');
            }
            out.extend_from_slice(mant.to_string().as_bytes());
            out.push(b'p');
            let e = exp - mant_bits;
            if e >= 0 {
                out.push(b'+');
            }
            out.extend_from_slice(e.to_string().as_bytes());
            return out;
        }
        b'x' | b'X' => return fmt_x(prec, fmt, neg, mant, exp, mant_bits),
        b'e' | b'E' | b'f' | b'g' | b'G' => {}
        _ => {
            out.push(b'%');
            out.push(fmt);
            return out;
        }
    }
    let a = v.abs();
    let f32v = a as f32;
    let shortest = prec < 0;
    let mut prec = prec;
    let digs = if a == 0.0 {
        Digits {
            d: Vec::new(),
            dp: 0,
        }
    } else if shortest {
        let s = if bits == 32 {
            format!("{:e}", f32v)
        } else {
            format!("{:e}", a)
        };
        tie_to_even(parse_sci(&s), a)
    } else {
        // A double's exact decimal expansion has at most 1,074 digits
        // after the point and 767 significant ones: asking Rust for more
        // only adds zeros (which `fmt_efg` pads back), and Rust's
        // formatter panics past 65,535.
        let exact = |p: i64| p.clamp(0, EXACT_DIGITS) as usize;
        match fmt {
            b'f' => parse_fixed(&format!("{:.*}", exact(prec), a)),
            b'e' | b'E' => parse_sci(&format!("{:.*e}", exact(prec), a)),
            _ => {
                if prec == 0 {
                    prec = 1;
                }
                parse_sci(&format!("{:.*e}", exact(prec - 1), a))
            }
        }
    };
    let nd = digs.d.len() as i64;
    if shortest {
        prec = match fmt {
            b'e' | b'E' => (nd - 1).max(0),
            b'f' => (nd - digs.dp).max(0),
            _ => nd,
        };
    }
    fmt_efg(&mut out, neg, &digs.d, digs.dp, prec, fmt, shortest);
    out
}

/// Splits a float into (mantissa with implicit bit, unbiased exponent,
/// mantissa bits) as Go's ftoa does before formatting.
fn decompose(v: f64, bits: u32) -> (u64, i64, i64) {
    let (b, exp_bits, mant_bits, bias): (u64, u32, u32, i64) = if bits == 32 {
        ((v as f32).to_bits() as u64, 8, 23, -127)
    } else {
        (v.to_bits(), 11, 52, -1023)
    };
    let mut exp = ((b >> mant_bits) & ((1u64 << exp_bits) - 1)) as i64;
    let mut mant = b & ((1u64 << mant_bits) - 1);
    if exp == 0 {
        exp += 1;
    } else {
        mant |= 1u64 << mant_bits;
    }
    exp += bias;
    (mant, exp, mant_bits as i64)
}

fn fmt_x(prec: i64, fmt: u8, neg: bool, mant: u64, exp: i64, mant_bits: i64) -> Vec<u8> {
    let mut exp = exp;
    if mant == 0 {
        exp = 0;
    }
    let mut mant = mant << (60 - mant_bits);
    while mant != 0 && mant & (1u64 << 60) == 0 {
        mant <<= 1;
        exp -= 1;
    }
    if (0..15).contains(&prec) {
        let shift = (prec * 4) as u32;
        let extra = (mant << shift) & ((1u64 << 60) - 1);
        mant >>= 60 - shift;
        if extra | (mant & 1) > 1u64 << 59 {
            mant += 1;
        }
        mant <<= 60 - shift;
        if mant & (1u64 << 61) != 0 {
            mant >>= 1;
            exp += 1;
        }
    }
    let hex: &[u8; 16] = if fmt == b'X' {
        b"0123456789ABCDEF"
    } else {
        b"0123456789abcdef"
    };
    let mut dst = Vec::new();
    if neg {
        dst.push(b'-');
    }
    dst.push(b'0');
    dst.push(fmt);
    dst.push(b'0' + ((mant >> 60) & 1) as u8);
    mant <<= 4;
    if prec < 0 && mant != 0 {
        dst.push(b'.');
        while mant != 0 {
            dst.push(hex[((mant >> 60) & 15) as usize]);
            mant <<= 4;
        }
    } else if prec > 0 {
        dst.push(b'.');
        for _ in 0..prec {
            dst.push(hex[((mant >> 60) & 15) as usize]);
            mant <<= 4;
        }
    }
    dst.push(if fmt == b'X' { b'P' } else { b'p' });
    if exp < 0 {
        dst.push(b'-');
        exp = -exp;
    } else {
        dst.push(b'+');
    }
    if exp < 10 {
        dst.push(b'0');
    }
    dst.extend_from_slice(exp.to_string().as_bytes());
    dst
}

/// Go's `fmtEFG`: lays out digits `s` (value 0.s × 10^dp) for 'e', 'f', 'g'.
fn fmt_efg(dst: &mut Vec<u8>, neg: bool, s: &[u8], dp: i64, prec: i64, fmt: u8, shortest: bool) {
    let nd = s.len() as i64;
    let mut prec = prec;
    let mut fmt = fmt;
    if fmt == b'g' || fmt == b'G' {
        let mut eprec = prec;
        if eprec > nd && nd >= dp {
            eprec = nd;
        }
        if shortest {
            eprec = 6;
        }
        let exp = dp - 1;
        if exp < -4 || exp >= eprec {
            if prec > nd {
                prec = nd;
            }
            prec -= 1;
            fmt = fmt + b'e' - b'g';
        } else {
            if prec > dp {
                prec = nd;
            }
            prec = (prec - dp).max(0);
            fmt = b'f';
        }
    }
    match fmt {
        b'e' | b'E' => {
            if neg {
                dst.push(b'-');
            }
            dst.push(if nd != 0 { s[0] } else { b'0' });
            if prec > 0 {
                dst.push(b'.');
                let mut i = 1i64;
                let m = nd.min(prec + 1);
                if i < m {
                    dst.extend_from_slice(&s[i as usize..m as usize]);
                    i = m;
                }
                for _ in 0..(prec + 1 - i) {
                    dst.push(b'0');
                }
            }
            dst.push(fmt);
            let mut exp = dp - 1;
            if nd == 0 {
                exp = 0;
            }
            if exp < 0 {
                dst.push(b'-');
                exp = -exp;
            } else {
                dst.push(b'+');
            }
            if exp < 10 {
                dst.push(b'0');
            }
            dst.extend_from_slice(exp.to_string().as_bytes());
        }
        _ => {
            if neg {
                dst.push(b'-');
            }
            if dp > 0 {
                let m = nd.min(dp);
                dst.extend_from_slice(&s[..m as usize]);
                for _ in 0..(dp - m) {
                    dst.push(b'0');
                }
            } else {
                dst.push(b'0');
            }
            if prec > 0 {
                dst.push(b'.');
                let lz = prec.min((-dp).max(0));
                let off = dp + lz;
                let m = (prec - lz).min((nd - off).max(0));
                let tz = (prec - lz - m).max(0);
                for _ in 0..lz {
                    dst.push(b'0');
                }
                for i in 0..m {
                    dst.push(s[(off + i) as usize]);
                }
                for _ in 0..tz {
                    dst.push(b'0');
                }
            }
        }
    }
}

impl Fmt {
    /// `fmt.fmtFloat`: formats `v` with strconv then applies sign, `#` and
    /// padding rules. `prec` is the verb's default precision.
    pub(crate) fn fmt_float(&mut self, buf: &mut Vec<u8>, v: f64, size: u32, verb: u8, prec: i64) {
        let prec = if self.prec_present { self.prec } else { prec };
        let mut num = vec![b'+'];
        num.extend(format_float(v, verb, prec, size));
        if num[1] == b'-' || num[1] == b'+' {
            num.remove(0);
        }
        if self.space && num[0] == b'+' && !self.plus {
            num[0] = b' ';
        }
        if num.get(1) == Some(&b'I') || num.get(1) == Some(&b'N') {
            let old = self.zero;
            self.zero = false;
            if num[1] == b'N' && !self.space && !self.plus {
                num.remove(0);
            }
            self.pad(buf, &num);
            self.zero = old;
            return;
        }
        if self.sharp && verb != b'b' {
            let mut digits: i64 = 0;
            if matches!(verb, b'v' | b'g' | b'G' | b'x') {
                digits = prec;
                if digits == -1 {
                    digits = 6;
                }
            }
            let mut tail: Vec<u8> = Vec::new();
            let mut has_point = false;
            let mut saw_nonzero = false;
            let mut i = 1;
            while i < num.len() {
                match num[i] {
                    b'.' => has_point = true,
                    b'p' | b'P' => {
                        tail.extend_from_slice(&num[i..]);
                        num.truncate(i);
                        break;
                    }
                    b'e' | b'E' if verb != b'x' && verb != b'X' => {
                        tail.extend_from_slice(&num[i..]);
                        num.truncate(i);
                        break;
                    }
                    c => {
                        if c != b'0' {
                            saw_nonzero = true;
                        }
                        if saw_nonzero {
                            digits -= 1;
                        }
                    }
                }
                i += 1;
            }
            if !has_point {
                if num.len() == 2 && num[1] == b'0' {
                    digits -= 1;
                }
                num.push(b'.');
            }
            while digits > 0 {
                num.push(b'0');
                digits -= 1;
            }
            num.extend_from_slice(&tail);
        }
        if self.plus || num[0] != b'+' {
            if self.zero && !self.minus && self.wid_present && self.wid > num.len() as i64 {
                buf.push(num[0]);
                self.write_padding(buf, self.wid - num.len() as i64);
                buf.extend_from_slice(&num[1..]);
                return;
            }
            self.pad(buf, &num);
            return;
        }
        self.pad(buf, &num[1..]);
    }
}
