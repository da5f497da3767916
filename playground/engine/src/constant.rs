//! Compile-time constant values and their arithmetic.
//!
//! Go's untyped constants are exact. Here integers are `i128` (an
//! operation leaving that range is reported as an overflow, where Go would
//! allow up to 512 bits in intermediate results), floats are exact
//! rationals ([`Exact`]: `0.1 + 0.2 == 0.3` holds and `1e400 / 1e390` is
//! `1e10`, as in Go), and complex constants are pairs of them
//! (`real((0.1+0i) + (0.2+0i))` is `0.3`).
//! Representability checks (`int8(300)` overflows, `int(1.5)` truncated)
//! follow the spec; converting to `float64` rounds to nearest, once.

use crate::types::BasicKind;
use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{One, Signed, ToPrimitive, Zero};

/// An exact rational constant: Go's untyped float constants.
#[derive(Clone, Debug, PartialEq, PartialOrd)]
pub struct Exact(pub BigRational);

/// Exponents beyond this are refused rather than computed: `1e100000`
/// would need a 300,000-bit integer, and no lesson needs it.
const MAX_DECIMAL_EXPONENT: i64 = 4000;

impl Exact {
    pub fn from_f64(f: f64) -> Exact {
        Exact(BigRational::from_float(f).unwrap_or_else(BigRational::zero))
    }

    pub fn from_i128(i: i128) -> Exact {
        Exact(BigRational::from_integer(BigInt::from(i)))
    }

    /// Rounded to the nearest `f64` (±Inf beyond its range).
    pub fn to_f64(&self) -> f64 {
        ratio_to_f64(&self.0)
    }

    pub fn is_zero(&self) -> bool {
        self.0.is_zero()
    }

    pub fn is_integer(&self) -> bool {
        self.0.is_integer()
    }

    /// The value as an integer, if it is one and fits.
    pub fn to_i128(&self) -> Option<i128> {
        if self.0.is_integer() { self.0.to_integer().to_i128() } else { None }
    }

    pub fn neg(&self) -> Exact {
        Exact(-self.0.clone())
    }

    /// An imaginary literal's imaginary part (`0.1i`, `0x1p-2i`, `0b101i`;
    /// digits alone are decimal even with a leading 0, as Go keeps them
    /// for compatibility). The lexer has checked its syntax.
    pub fn parse_imaginary(text: &str) -> Option<Exact> {
        let t = text.strip_suffix('i')?;
        let radix = match t.get(..2) {
            Some("0b" | "0B") => 2,
            Some("0o" | "0O") => 8,
            Some("0x" | "0X") if !t.contains(['p', 'P']) => 16,
            _ => return Exact::parse_literal(t),
        };
        let digits: String = t[2..].chars().filter(|&c| c != '_').collect();
        BigInt::parse_bytes(digits.as_bytes(), radix).map(|i| Exact(BigRational::from_integer(i)))
    }

    /// Parses a Go float literal (decimal or hexadecimal, `_` separators)
    /// exactly.
    pub fn parse_literal(text: &str) -> Option<Exact> {
        let t: String = text.chars().filter(|&c| c != '_').collect();
        let (hex, body) = match t.strip_prefix("0x").or_else(|| t.strip_prefix("0X")) {
            Some(rest) => (true, rest.to_string()),
            None => (false, t),
        };
        let exp_at = if hex { body.find(['p', 'P']) } else { body.find(['e', 'E']) };
        let (mant, exp) = match exp_at {
            Some(i) => (&body[..i], body[i + 1..].parse::<i64>().ok()?),
            None => (&body[..], 0),
        };
        let (int_part, frac_part) = mant.split_once('.').unwrap_or((mant, ""));
        let radix: u32 = if hex { 16 } else { 10 };
        let digits = format!("{int_part}{frac_part}");
        let digits = if digits.is_empty() { "0".to_string() } else { digits };
        let m = BigInt::parse_bytes(digits.as_bytes(), radix)?;
        // value = m * radix^-len(frac) * base^exp, base 2 for hex, 10 else.
        let frac_scale = if hex { 4 * frac_part.len() as i64 } else { frac_part.len() as i64 };
        let (base, e) = if hex { (2u32, exp - frac_scale) } else { (10u32, exp - frac_scale) };
        if e.abs() > MAX_DECIMAL_EXPONENT * 4 {
            return None;
        }
        let scale = num_traits::pow(BigInt::from(base), e.unsigned_abs() as usize);
        let r = if e >= 0 {
            BigRational::from_integer(m * scale)
        } else {
            BigRational::new(m, scale)
        };
        Some(Exact(r))
    }
}

/// Correctly rounded conversion of a rational to `f64`: scale to a
/// 64-bit-plus quotient, then round half to even on the remainder.
fn ratio_to_f64(r: &BigRational) -> f64 {
    if r.is_zero() {
        return 0.0;
    }
    let neg = r.is_negative();
    let (n, d) = (r.numer().abs(), r.denom().clone());
    // Choose k so that q = n * 2^k / d has 55 or 56 bits.
    let k = 55i64 - (n.bits() as i64 - d.bits() as i64);
    let (num, den) = if k >= 0 { (n << (k as usize), d) } else { (n, d << ((-k) as usize)) };
    let (mut q, rem) = (&num / &den, &num % &den);
    let mut exp = -k;
    // Shift q down to 54 bits (53 + a rounding bit), and further for
    // subnormals until the exponent is representable; bits shifted out
    // make the sticky bit.
    let mut sticky = !rem.is_zero();
    let min_exp = -1074 - 1; // q carries one extra rounding bit
    while q.bits() > 54 || (exp < min_exp && !q.is_zero()) {
        if (&q & BigInt::one()) == BigInt::one() {
            sticky = true;
        }
        q >>= 1;
        exp += 1;
    }
    let q = q.to_u64().unwrap_or(0);
    let round_bit = q & 1;
    let mut m = q >> 1;
    exp += 1;
    if round_bit == 1 && (sticky || (m & 1) == 1) {
        m += 1;
    }
    let v = scale_by_pow2(m as f64, exp);
    if neg { -v } else { v }
}

/// `f * 2^e` without intermediate overflow or underflow.
fn scale_by_pow2(mut f: f64, mut e: i64) -> f64 {
    while e > 1000 {
        f *= 2f64.powi(1000);
        e -= 1000;
        if f.is_infinite() {
            return f;
        }
    }
    while e < -1000 {
        f *= 2f64.powi(-1000);
        e += 1000;
        if f == 0.0 {
            return f;
        }
    }
    f * 2f64.powi(e as i32)
}

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Bool(bool),
    Int(i128),
    Float(Exact),
    Complex(Exact, Exact),
    String(String),
}

/// The longest string constant the playground builds: doubling one by
/// concatenation 40 times would take terabytes at compile time (Go's
/// compiler runs out of memory).
pub const MAX_STRING: usize = 16 << 20;

/// Why a constant operation failed, with Go's wording.
#[derive(Clone, Debug, PartialEq)]
pub enum ConstError {
    DivByZero,
    Overflow,
    Other(String),
    /// A string constant of this many bytes, past [`MAX_STRING`].
    TooLong(u64),
}

impl Value {
    pub fn as_i128(&self) -> Option<i128> {
        match self {
            Value::Int(i) => Some(*i),
            Value::Float(f) => f.to_i128(),
            Value::Complex(r, i) if i.is_zero() => r.to_i128(),
            _ => None,
        }
    }
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Int(i) => Some(*i as f64),
            Value::Float(f) => Some(f.to_f64()),
            Value::Complex(r, i) if i.is_zero() => Some(r.to_f64()),
            _ => None,
        }
    }
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }
    /// Ints and floats as an exact rational.
    pub fn exact(&self) -> Option<Exact> {
        match self {
            Value::Int(i) => Some(Exact::from_i128(*i)),
            Value::Float(f) => Some(f.clone()),
            Value::Complex(r, i) if i.is_zero() => Some(r.clone()),
            _ => None,
        }
    }

    /// An exact float constant from an `f64`.
    pub fn float(f: f64) -> Value {
        Value::Float(Exact::from_f64(f))
    }

    /// A numeric constant as a complex one: its exact parts.
    pub fn complex(&self) -> Option<(Exact, Exact)> {
        let zero = || Exact::from_i128(0);
        match self {
            Value::Int(i) => Some((Exact::from_i128(*i), zero())),
            Value::Float(f) => Some((f.clone(), zero())),
            Value::Complex(r, i) => Some((r.clone(), i.clone())),
            _ => None,
        }
    }

    /// As go/constant prints values in messages: `1000`, `1.5`, `"s"`,
    /// `true`, `(1 + 2i)`.
    pub fn go_string(&self) -> String {
        match self {
            Value::Bool(b) => b.to_string(),
            Value::Int(i) => i.to_string(),
            Value::Float(f) => format_exact(f),
            Value::Complex(r, i) => format!("({} + {}i)", format_exact(r), format_exact(i)),
            Value::String(s) => {
                let q = quote_go(s);
                // go/constant shortens long strings.
                if q.chars().count() > 72 {
                    let head: String = q.chars().take(69).collect();
                    format!("{head}...")
                } else {
                    q
                }
            }
        }
    }
}

/// go/constant's `String` of an exact float: `%.6g` of its value, also
/// beyond `f64`'s range (`1e+400`).
pub fn format_exact(e: &Exact) -> String {
    let f = e.to_f64();
    if f.is_finite() && (f != 0.0 || e.is_zero()) {
        return format_float(f);
    }
    // Outside f64: find the decimal exponent from the digit counts and
    // print the leading digits.
    let r = e.0.abs();
    let mut exp = r.numer().to_string().len() as i64 - r.denom().to_string().len() as i64;
    let ten = BigRational::from_integer(BigInt::from(10));
    let scaled = |p: i64| -> BigRational {
        let pow = BigRational::from_integer(num_traits::pow(BigInt::from(10), p.unsigned_abs() as usize));
        if p >= 0 { r.clone() / pow } else { r.clone() * pow }
    };
    let mut m = scaled(exp);
    if m >= ten {
        exp += 1;
        m = scaled(exp);
    } else if m < BigRational::one() {
        exp -= 1;
        m = scaled(exp);
    }
    let mant = format_float(ratio_to_f64(&m));
    let sign = if e.0.is_negative() { "-" } else { "" };
    let mant = if mant == "10" { exp += 1; "1".to_string() } else { mant };
    format!("{sign}{mant}e{}{:02}", if exp < 0 { '-' } else { '+' }, exp.abs())
}

/// `%.6g`-like formatting, as go/constant's `String` prints floats.
pub fn format_float(f: f64) -> String {
    if f.is_infinite() {
        return if f > 0.0 {
            "+Inf".into()
        } else {
            "-Inf".into()
        };
    }
    if f == f.trunc() && f.abs() < 1e21 {
        return format!("{}", f as i128);
    }
    let exp = if f == 0.0 {
        0
    } else {
        f.abs().log10().floor() as i32
    };
    if !(-4..21).contains(&exp) {
        let s = format!("{:.5e}", f);
        // Rust prints 1.50000e300; Go prints 1.5e+300.
        if let Some((m, e)) = s.split_once('e') {
            let m = m.trim_end_matches('0').trim_end_matches('.');
            let e: i32 = e.parse().unwrap_or(0);
            let sign = if e < 0 { '-' } else { '+' };
            return format!("{m}e{sign}{:02}", e.abs());
        }
        return s;
    }
    let decimals = (5 - exp).max(0) as usize;
    let s = format!("{:.*}", decimals, f);
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// `strconv.Quote`, as go/constant and go/types print strings and tags.
pub fn quote_go(s: &str) -> String {
    String::from_utf8_lossy(&crate::format::quote(s.as_bytes())).into_owned()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    Add,
    Sub,
    Mul,
    Quo,
    /// Integer division (`/` on integer operands).
    IntQuo,
    Rem,
    And,
    Or,
    Xor,
    AndNot,
    LAnd,
    LOr,
}

/// `x op y` on constants of matching class (both promoted by the caller to
/// the larger of int < float < complex).
pub fn binary(x: &Value, op: Op, y: &Value) -> Result<Value, ConstError> {
    use Value::*;
    match (x, y) {
        (Bool(a), Bool(b)) => match op {
            Op::LAnd => Ok(Bool(*a && *b)),
            Op::LOr => Ok(Bool(*a || *b)),
            _ => Err(ConstError::Other("invalid operation".into())),
        },
        (String(a), String(b)) if op == Op::Add => {
            if a.len() + b.len() > MAX_STRING {
                return Err(ConstError::TooLong(a.len() as u64 + b.len() as u64));
            }
            Ok(String(format!("{a}{b}")))
        }
        (Int(a), Int(b)) => {
            let (a, b) = (*a, *b);
            let r = match op {
                Op::Add => a.checked_add(b),
                Op::Sub => a.checked_sub(b),
                Op::Mul => a.checked_mul(b),
                Op::IntQuo => {
                    if b == 0 {
                        return Err(ConstError::DivByZero);
                    }
                    a.checked_div(b)
                }
                Op::Quo => {
                    if b == 0 {
                        return Err(ConstError::DivByZero);
                    }
                    // Untyped integer `/` is integer division too; exact
                    // rational results only arise for floats.
                    a.checked_div(b)
                }
                Op::Rem => {
                    if b == 0 {
                        return Err(ConstError::DivByZero);
                    }
                    a.checked_rem(b)
                }
                Op::And => Some(a & b),
                Op::Or => Some(a | b),
                Op::Xor => Some(a ^ b),
                Op::AndNot => Some(a & !b),
                _ => return Err(ConstError::Other("invalid operation".into())),
            };
            r.map(Int).ok_or(ConstError::Overflow)
        }
        (Complex(..), _) | (_, Complex(..)) => {
            let (Some((a, b)), Some((c, d))) = (x.complex(), y.complex()) else {
                return Err(ConstError::Other("invalid operation".into()));
            };
            let (a, b, c, d) = (a.0, b.0, c.0, d.0);
            let (re, im) = match op {
                Op::Add => (a + c, b + d),
                Op::Sub => (a - c, b - d),
                Op::Mul => (&a * &c - &b * &d, &a * &d + &b * &c),
                Op::Quo => {
                    let den = &c * &c + &d * &d;
                    if den.is_zero() {
                        return Err(ConstError::DivByZero);
                    }
                    ((&a * &c + &b * &d) / &den, (&b * &c - &a * &d) / &den)
                }
                _ => return Err(ConstError::Other("invalid operation".into())),
            };
            for r in [&re, &im] {
                if r.numer().bits() + r.denom().bits() > (MAX_DECIMAL_EXPONENT as u64) * 8 {
                    return Err(ConstError::Overflow);
                }
            }
            Ok(Complex(Exact(re), Exact(im)))
        }
        _ => {
            let (Some(a), Some(b)) = (x.exact(), y.exact()) else {
                return Err(ConstError::Other("invalid operation".into()));
            };
            let r = match op {
                Op::Add => a.0 + b.0,
                Op::Sub => a.0 - b.0,
                Op::Mul => a.0 * b.0,
                Op::Quo | Op::IntQuo => {
                    if b.is_zero() {
                        return Err(ConstError::DivByZero);
                    }
                    a.0 / b.0
                }
                _ => return Err(ConstError::Other("invalid operation".into())),
            };
            // Go allows huge intermediate constants but not unbounded ones.
            if r.numer().bits() + r.denom().bits() > (MAX_DECIMAL_EXPONENT as u64) * 8 {
                return Err(ConstError::Overflow);
            }
            Ok(Float(Exact(r)))
        }
    }
}

/// Comparison of two constants.
pub fn compare(x: &Value, op: crate::ast::BinaryOp, y: &Value) -> Option<bool> {
    use crate::ast::BinaryOp::*;
    use std::cmp::Ordering;
    let ord: Option<Ordering> = match (x, y) {
        (Value::Bool(a), Value::Bool(b)) => {
            return match op {
                Eql => Some(a == b),
                Neq => Some(a != b),
                _ => None,
            };
        }
        (Value::String(a), Value::String(b)) => Some(a.cmp(b)),
        (Value::Int(a), Value::Int(b)) => Some(a.cmp(b)),
        (Value::Complex(..), _) | (_, Value::Complex(..)) => {
            let eq = x.complex() == y.complex();
            return match op {
                Eql => Some(eq),
                Neq => Some(!eq),
                _ => None,
            };
        }
        _ => x.exact()?.0.partial_cmp(&y.exact()?.0),
    };
    let o = ord?;
    Some(match op {
        Eql => o == Ordering::Equal,
        Neq => o != Ordering::Equal,
        Lss => o == Ordering::Less,
        Leq => o != Ordering::Greater,
        Gtr => o == Ordering::Greater,
        Geq => o != Ordering::Less,
        _ => return None,
    })
}

/// `x << s` / `x >> s` on an integer constant.
pub fn shift(x: i128, left: bool, s: u64) -> Result<i128, ConstError> {
    if left {
        if x == 0 {
            return Ok(0);
        }
        if s >= 127 {
            return Err(ConstError::Overflow);
        }
        let r = x.checked_shl(s as u32).ok_or(ConstError::Overflow)?;
        if (r >> s) != x {
            return Err(ConstError::Overflow);
        }
        Ok(r)
    } else if s >= 127 {
        Ok(if x < 0 { -1 } else { 0 })
    } else {
        Ok(x >> s)
    }
}

/// The integer range of a sized integer kind.
pub fn int_range(k: BasicKind) -> (i128, i128) {
    use BasicKind::*;
    match k {
        Int8 => (i8::MIN as i128, i8::MAX as i128),
        Int16 => (i16::MIN as i128, i16::MAX as i128),
        Int32 | UntypedRune => (i32::MIN as i128, i32::MAX as i128),
        Int | Int64 => (i64::MIN as i128, i64::MAX as i128),
        Uint8 => (0, u8::MAX as i128),
        Uint16 => (0, u16::MAX as i128),
        Uint32 => (0, u32::MAX as i128),
        Uint | Uint64 | Uintptr => (0, u64::MAX as i128),
        _ => (i128::MIN, i128::MAX),
    }
}

/// Why a constant is not representable by a type: Go adds `(truncated)` or
/// `(overflows)` to the message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unrepresentable {
    Truncated,
    Overflows,
    /// Wrong class altogether (a string as an int).
    Mismatch,
}

/// Converts constant `v` to the representation of basic kind `k`, or says
/// why it cannot be (e.g. `300` as `int8` overflows, `1.5` as `int` is
/// truncated).
pub fn represent(v: &Value, k: BasicKind) -> Result<Value, Unrepresentable> {
    use BasicKind::*;
    match k {
        Bool | UntypedBool => match v {
            Value::Bool(_) => Ok(v.clone()),
            _ => Err(Unrepresentable::Mismatch),
        },
        String | UntypedString => match v {
            Value::String(_) => Ok(v.clone()),
            _ => Err(Unrepresentable::Mismatch),
        },
        _ if k.is_integer() => {
            let i = match v {
                Value::Int(i) => *i,
                Value::Float(f) => {
                    if !f.is_integer() {
                        return Err(Unrepresentable::Truncated);
                    }
                    match f.to_i128() {
                        Some(i) => i,
                        None => return Err(Unrepresentable::Truncated),
                    }
                }
                Value::Complex(r, im) => {
                    if !im.is_zero() || !r.is_integer() {
                        return Err(Unrepresentable::Truncated);
                    }
                    match r.to_i128() {
                        Some(i) => i,
                        None => return Err(Unrepresentable::Truncated),
                    }
                }
                _ => return Err(Unrepresentable::Mismatch),
            };
            let (lo, hi) = int_range(k);
            if i < lo || i > hi {
                // go/types' `representation` names the failure by the
                // constant's class, not its value: an integer overflows, a
                // float or complex constant (even 256.0) is truncated.
                return Err(if matches!(v, Value::Int(_)) { Unrepresentable::Overflows } else { Unrepresentable::Truncated });
            }
            Ok(Value::Int(i))
        }
        // go/types' `representation`: any other numeric constant overflows.
        UntypedFloat => match v {
            Value::Complex(_, im) if !im.is_zero() => Err(Unrepresentable::Overflows),
            _ => v.exact().map(Value::Float).ok_or(Unrepresentable::Mismatch),
        },
        Float32 | Float64 => {
            let f = match v {
                Value::Complex(_, im) if !im.is_zero() => return Err(Unrepresentable::Overflows),
                _ => v.exact().ok_or(Unrepresentable::Mismatch)?.to_f64(),
            };
            if f.is_infinite() {
                return Err(Unrepresentable::Overflows);
            }
            if k == Float32 {
                if f.abs() > f32::MAX as f64 {
                    return Err(Unrepresentable::Overflows);
                }
                return Ok(Value::float(f as f32 as f64));
            }
            Ok(Value::float(f))
        }
        UntypedComplex => match v.complex() {
            Some((r, i)) => Ok(Value::Complex(r, i)),
            None => Err(Unrepresentable::Mismatch),
        },
        // Each part rounded to the float type, as go/constant's
        // roundFloat32/64 do; a part beyond its range overflows.
        Complex64 | Complex128 => match v.complex() {
            Some((r, i)) => {
                let part = |e: &Exact| {
                    let f = e.to_f64();
                    let f = if k == Complex64 { f as f32 as f64 } else { f };
                    if f.is_infinite() { Err(Unrepresentable::Overflows) } else { Ok(Exact::from_f64(f)) }
                };
                Ok(Value::Complex(part(&r)?, part(&i)?))
            }
            None => Err(Unrepresentable::Mismatch),
        },
        _ => Err(Unrepresentable::Mismatch),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lit(t: &str) -> Exact {
        Exact::parse_literal(t).unwrap()
    }

    #[test]
    fn exact_literals_round_once_to_the_nearest_f64() {
        for (text, want) in [
            ("0.1", 0.1f64),
            ("1e-5", 1e-5),
            ("2.2250738585072014e-308", 2.2250738585072014e-308),
            ("4.9e-324", 5e-324),
            ("1.7976931348623157e308", f64::MAX),
            ("0x1p-2", 0.25),
            ("0x1.8p1", 3.0),
            ("1_000.5", 1000.5),
            (".5", 0.5),
            ("123456789012345678901234567890.0", 1.2345678901234568e29),
        ] {
            assert_eq!(lit(text).to_f64(), want, "{text}");
        }
        assert_eq!(lit("1e309").to_f64(), f64::INFINITY);
    }

    #[test]
    fn exact_arithmetic_as_go_keeps_it() {
        let sum = binary(&Value::Float(lit("0.1")), Op::Add, &Value::Float(lit("0.2"))).unwrap();
        assert_eq!(sum, Value::Float(lit("0.3")));
        let big = binary(&Value::Float(lit("1e400")), Op::Quo, &Value::Float(lit("1e390"))).unwrap();
        assert_eq!(big.as_f64(), Some(1e10));
        let prod = binary(&Value::Float(lit("1.5e300")), Op::Mul, &Value::Float(lit("1.5"))).unwrap();
        assert_eq!(prod.as_f64(), Some(2.25e300));
        assert_eq!(represent(&Value::Float(lit("1e400")), BasicKind::Float64), Err(Unrepresentable::Overflows));
        assert_eq!(format_exact(&lit("1e400")), "1e+400");
        assert_eq!(format_exact(&lit("-2.5e-400")), "-2.5e-400");
    }

    #[test]
    fn float_and_imaginary_literals() {
    // Float literals' values are exact (`constant::Exact`), rounded once.
    let float = |t: &str| Exact::parse_literal(t).map(|e| e.to_f64());
    for (t, v) in [
        ("1.5", 1.5),
        (".5", 0.5),
        ("1.", 1.0),
        ("1e3", 1000.0),
        ("0x1p-2", 0.25),
        ("0x1.8p1", 3.0),
        ("0X.8p0", 0.5),
        ("1_000.000_1", 1000.0001),
        ("09.5", 9.5),
        ("0x1p1023", 2f64.powi(1023)),
        ("0x1p-1074", f64::from_bits(1)),
        ("1e400", f64::INFINITY),
        ("0x123456789abcdef0123456789p0", 0x123456789abcdef0123456789u128 as f64),
    ] {
        assert_eq!(float(t), Some(v), "{t}");
    }
        let imag = |t: &str| Exact::parse_imaginary(t).map(|e| e.to_f64());
        for (t, v) in [("1.5i", 1.5), ("0123i", 123.0), ("0x1p-2i", 0.25), ("0b101i", 5.0), ("0o17i", 15.0), ("0x1_0i", 16.0), ("1_000.5i", 1000.5), ("1e309i", f64::INFINITY)] {
            assert_eq!(imag(t), Some(v), "{t}");
        }
        // Exact: 0.1i is the rational 1/10, not the nearest double.
        assert_eq!(Exact::parse_imaginary("0.1i"), Some(lit("0.1")));
    }

    #[test]
    fn complex_constants_are_exact() {
        let c = |re: &str, im: &str| Value::Complex(lit(re), lit(im));
        let sum = binary(&c("0.1", "0"), Op::Add, &c("0.2", "0")).unwrap();
        assert_eq!(sum, c("0.3", "0"));
        let third = binary(&c("1", "1"), Op::Quo, &Value::Int(3)).unwrap();
        assert_eq!(binary(&third, Op::Mul, &Value::Int(3)).unwrap(), c("1", "1"));
        assert_eq!(binary(&c("1", "0"), Op::Quo, &c("0", "0")), Err(ConstError::DivByZero));
        assert_eq!(binary(&c("0", "1"), Op::Mul, &c("0", "1")).unwrap().as_i128(), Some(-1));
        assert_eq!(represent(&c("1", "1"), BasicKind::Float64), Err(Unrepresentable::Overflows));
        assert_eq!(represent(&c("1", "1"), BasicKind::Int), Err(Unrepresentable::Truncated));
        assert_eq!(represent(&c("1e39", "0"), BasicKind::Complex64), Err(Unrepresentable::Overflows));
        assert_eq!(represent(&c("0.1", "0"), BasicKind::Complex64), Ok(Value::Complex(Exact::from_f64(0.1f32 as f64), lit("0"))));
        assert_eq!(c("1.5", "-2").go_string(), "(1.5 + -2i)");
    }

    #[test]
    fn integer_arithmetic_and_division_by_zero() {
        assert_eq!(
            binary(&Value::Int(7), Op::IntQuo, &Value::Int(2)),
            Ok(Value::Int(3))
        );
        assert_eq!(
            binary(&Value::Int(7), Op::Rem, &Value::Int(0)),
            Err(ConstError::DivByZero)
        );
        assert_eq!(
            binary(&Value::Int(i128::MAX), Op::Add, &Value::Int(1)),
            Err(ConstError::Overflow)
        );
    }

    #[test]
    fn representability() {
        assert_eq!(
            represent(&Value::Int(300), BasicKind::Int8),
            Err(Unrepresentable::Overflows)
        );
        assert_eq!(
            represent(&Value::float(1.5), BasicKind::Int),
            Err(Unrepresentable::Truncated)
        );
        assert_eq!(
            represent(&Value::float(2.0), BasicKind::Int),
            Ok(Value::Int(2))
        );
        assert_eq!(
            represent(&Value::Int(-1), BasicKind::Uint),
            Err(Unrepresentable::Overflows)
        );
    }

    #[test]
    fn shifts() {
        assert_eq!(shift(1, true, 10), Ok(1024));
        assert_eq!(shift(1, true, 200), Err(ConstError::Overflow));
        assert_eq!(shift(-8, false, 1), Ok(-4));
    }

    #[test]
    fn printing_like_go_constant() {
        assert_eq!(Value::float(1.5).go_string(), "1.5");
        assert_eq!(Value::Float(lit("0.1")).go_string(), "0.1");
        assert_eq!(Value::Float(lit("1e100")).go_string(), "1e+100");
        assert_eq!(Value::String("a\"b".into()).go_string(), "\"a\\\"b\"");
    }
}
