//! Compile-time constant values and their arithmetic, with go/constant's
//! precision.
//!
//! Integers are arbitrary-precision ([`BigInt`]); the checker bounds
//! untyped ones at [`PREC`] bits after each operation, as go/types does
//! ("constant shift overflow"). Floats are exact rationals ([`Exact`]:
//! `0.1 + 0.2 == 0.3` holds and `1.0 / 3 * 3 == 1`), until a numerator
//! or denominator reaches [`MAX_EXP`] bits: then, as go/constant's `makeRat`
//! switches to a `big.Float`, the value is rounded to a [`PREC`]-bit
//! mantissa (kept as the rational `m * 2^e`, so `1e300 * 1e300 / 1e300`
//! is `1e300`), and every later operation on it rounds again. Complex
//! constants are pairs of them, operated on part by part in go/constant's
//! order.
//! Representability checks (`int8(300)` overflows, `int(1.5)` truncated)
//! follow the spec; converting to `float64` rounds to nearest, once.

use crate::types::BasicKind;
use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{One, Signed, ToPrimitive, Zero};

/// go/constant's `prec`: untyped integer constants may not exceed this
/// many bits (go/types' `overflow`), and a float that is no longer kept
/// as a fraction keeps this many bits of mantissa.
pub const PREC: u64 = 512;

/// go/constant's `maxExp`: fractions whose parts stay under this many
/// bits are kept exact.
const MAX_EXP: u64 = 4 << 10;

/// A float's exponent (in bits) past this is refused rather than computed
/// (`1e4000 * 1e4000 * ...` squares without end); Go keeps going, but no
/// lesson needs 1e±19000.
const MAX_FLOAT_BITS: u64 = 64_000;

/// A float constant's value, as go/constant holds one: a fraction
/// (`ratVal`, exact) or, flagged, a [`PREC`]-bit float (`floatVal`) kept
/// as the rational `m * 2^e`. Once a float, always a float: go/constant
/// never goes back, so each later operation rounds again. Equality and
/// order compare values only.
#[derive(Clone, Debug)]
pub struct Exact(pub BigRational, bool);

impl PartialEq for Exact {
    fn eq(&self, other: &Exact) -> bool {
        self.0 == other.0
    }
}

impl PartialOrd for Exact {
    fn partial_cmp(&self, other: &Exact) -> Option<std::cmp::Ordering> {
        self.0.partial_cmp(&other.0)
    }
}

/// Exponents beyond this are refused rather than computed: `1e100000`
/// would need a 300,000-bit integer, and no lesson needs it.
const MAX_DECIMAL_EXPONENT: i64 = 4000;

impl Exact {
    /// A typed float constant's value (go/constant's `MakeFloat64`: a
    /// fraction).
    pub fn from_f64(f: f64) -> Exact {
        Exact(BigRational::from_float(f).unwrap_or_else(BigRational::zero), false)
    }

    pub fn from_i128(i: i128) -> Exact {
        Exact(BigRational::from_integer(BigInt::from(i)), false)
    }

    /// An integer as a float constant: a fraction (go/constant's `itor`;
    /// integers of at most [`PREC`] bits are always small enough).
    pub fn from_int(i: &BigInt) -> Exact {
        Exact(BigRational::from_integer(i.clone()), false)
    }

    /// As go/constant's `makeRat` keeps a result: exact while both parts
    /// are under [`MAX_EXP`] bits, else a [`PREC`]-bit float.
    fn make_rat(r: BigRational) -> Option<Exact> {
        if r.numer().bits() < MAX_EXP && r.denom().bits() < MAX_EXP {
            return Some(Exact(r, false));
        }
        Exact::make_float(r)
    }

    /// `r` rounded (half to even) to a [`PREC`]-bit mantissa, as a
    /// `big.Float` of go/constant's precision holds it. `None` past
    /// [`MAX_FLOAT_BITS`].
    fn make_float(r: BigRational) -> Option<Exact> {
        // Already a PREC-bit float: an integer of at most PREC bits over
        // a power of two.
        let d = r.denom();
        if r.numer().bits() <= PREC && d.trailing_zeros() == Some(d.bits() - 1) {
            return (d.bits() <= MAX_FLOAT_BITS).then_some(Exact(r, true));
        }
        let (m, e) = round_mantissa(&r, PREC, None);
        if e.unsigned_abs() > MAX_FLOAT_BITS {
            return None;
        }
        let m = if r.is_negative() { -m } else { m };
        let v = if e >= 0 {
            BigRational::from_integer(m << e as usize)
        } else {
            BigRational::new(m, BigInt::one() << e.unsigned_abs() as usize)
        };
        Some(Exact(v, true))
    }

    /// go/constant's `BinaryOp` on two float values: on fractions exact
    /// (then `makeRat`), and rounded to [`PREC`] bits when either is a
    /// float.
    fn op(&self, op: Op, y: &Exact) -> Result<Exact, ConstError> {
        let (a, b) = (&self.0, &y.0);
        let r = match op {
            Op::Add => a + b,
            Op::Sub => a - b,
            Op::Mul => a * b,
            Op::Quo | Op::IntQuo => {
                if b.is_zero() {
                    return Err(ConstError::DivByZero);
                }
                a / b
            }
            _ => return Err(ConstError::Other("invalid operation".into())),
        };
        let v = if self.1 || y.1 { Exact::make_float(r) } else { Exact::make_rat(r) };
        v.ok_or(ConstError::FloatRange)
    }

    /// The integer value, if it is one.
    pub fn to_int(&self) -> Option<BigInt> {
        self.0.is_integer().then(|| self.0.to_integer())
    }

    /// Rounded to the nearest `f64` (±Inf beyond its range).
    pub fn to_f64(&self) -> f64 {
        ratio_to_f64(&self.0)
    }

    /// Rounded once, directly, to the nearest `f32` (Go's `Float32Val`;
    /// through `f64` it would round twice), widened; ±Inf beyond its range.
    pub fn to_f32(&self) -> f64 {
        if self.0.is_zero() {
            return 0.0;
        }
        let (m, exp) = round_mantissa(&self.0, 24, Some(-149));
        let v = scale_by_pow2(m.to_u64().unwrap_or(0) as f64, exp);
        let v = if v > f32::MAX as f64 { f64::INFINITY } else { v };
        if self.0.is_negative() { -v } else { v }
    }

    pub fn is_zero(&self) -> bool {
        self.0.is_zero()
    }

    pub fn is_integer(&self) -> bool {
        self.0.is_integer()
    }


    pub fn neg(&self) -> Exact {
        Exact(-self.0.clone(), self.1)
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
        BigInt::parse_bytes(digits.as_bytes(), radix).map(|i| Exact::from_int(&i))
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
        // go/constant's makeFloatFromLiteral: a fraction while the binary
        // exponent is under maxExp, else a 512-bit float.
        let exp = r.numer().bits() as i64 - r.denom().bits() as i64;
        if exp.unsigned_abs() < MAX_EXP {
            return Some(Exact(r, false));
        }
        Exact::make_float(r)
    }
}

/// `|r|` rounded half to even to `prec` bits: `(m, e)` with `|r| ≈ m *
/// 2^e`. With `min_exp`, `e` stays at or above it (subnormals: fewer
/// bits).
fn round_mantissa(r: &BigRational, prec: u64, min_exp: Option<i64>) -> (BigInt, i64) {
    let (n, d) = (r.numer().abs(), r.denom().clone());
    if n.is_zero() {
        return (n, 0);
    }
    // q = n * 2^k / d has prec + 2 or prec + 3 bits: the mantissa, a
    // rounding bit and spare.
    let mut k = prec as i64 + 2 - (n.bits() as i64 - d.bits() as i64);
    if let Some(min) = min_exp {
        // Near the smallest exponent, fewer bits: the mantissa's exponent
        // (-k + 1 when nothing is shifted out) stays at or above min.
        k = k.min(1 - min);
    }
    let (num, den) = if k >= 0 { (n << k as usize, d) } else { (n, d << (-k) as usize) };
    let (q, rem) = (&num / &den, &num % &den);
    let mut sticky = !rem.is_zero();
    let mut exp = -k;
    // Shift down to prec + 1 bits (the last one the rounding bit).
    let extra = (q.bits() as i64 - (prec as i64 + 1)).max(0);
    let low_mask = (BigInt::one() << extra as usize) - 1u32;
    if !(&q & &low_mask).is_zero() {
        sticky = true;
    }
    let q = q >> extra as usize;
    exp += extra;
    let round_bit = q.bit(0);
    let mut m: BigInt = q >> 1usize;
    exp += 1;
    if round_bit && (sticky || m.bit(0)) {
        m += 1u32;
    }
    (m, exp)
}

/// Correctly rounded conversion of a rational to `f64`.
fn ratio_to_f64(r: &BigRational) -> f64 {
    if r.is_zero() {
        return 0.0;
    }
    let (m, exp) = round_mantissa(r, 53, Some(-1074));
    let v = scale_by_pow2(m.to_u64().unwrap_or(0) as f64, exp);
    if r.is_negative() { -v } else { v }
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
    Int(BigInt),
    Float(Exact),
    /// Boxed: the rare variant would otherwise double every `Value`
    /// (and every operand the checker moves).
    Complex(Box<Exact>, Box<Exact>),
    /// Go's strings are bytes: `"\xff"` is one byte, not U+FFFD.
    String(Vec<u8>),
}

/// The longest string constant the playground builds: doubling one by
/// concatenation 40 times would take terabytes at compile time (Go's
/// compiler runs out of memory).
pub const MAX_STRING: usize = 16 << 20;

/// Why a constant operation failed, with Go's wording.
#[derive(Clone, Debug, PartialEq)]
pub enum ConstError {
    DivByZero,
    /// A float past [`MAX_FLOAT_BITS`]: the playground's limit, not Go's.
    FloatRange,
    Other(String),
    /// A string constant of this many bytes, past [`MAX_STRING`].
    TooLong(u64),
}

impl Value {
    /// A complex constant of two parts.
    pub fn make_complex(re: Exact, im: Exact) -> Value {
        Value::Complex(Box::new(re), Box::new(im))
    }

    /// An integer constant.
    pub fn int(i: impl Into<BigInt>) -> Value {
        Value::Int(i.into())
    }

    /// The integer value of an integer constant, or of a float or complex
    /// one that is an integer (`2.0`, `3 + 0i`).
    pub fn to_int(&self) -> Option<BigInt> {
        match self {
            Value::Int(i) => Some(i.clone()),
            Value::Float(f) => f.to_int(),
            Value::Complex(r, i) if i.is_zero() => r.to_int(),
            _ => None,
        }
    }

    /// [`Value::to_int`], if it fits an `i128` (counts, lengths, indices).
    pub fn as_i128(&self) -> Option<i128> {
        match self {
            Value::Int(i) => i.to_i128(),
            _ => self.to_int()?.to_i128(),
        }
    }

    /// A representable integer constant as the VM holds it: its low 64
    /// bits (a `uint64` above `MaxInt64` wraps to a negative `i64`).
    pub fn to_i64_bits(&self) -> Option<i64> {
        let i = self.to_int()?;
        let (sign, digits) = i.to_u64_digits();
        let low = digits.first().copied().unwrap_or(0);
        Some(if sign == num_bigint::Sign::Minus { low.wrapping_neg() as i64 } else { low as i64 })
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Int(i) => Some(ratio_to_f64(&BigRational::from_integer(i.clone()))),
            Value::Float(f) => Some(f.to_f64()),
            Value::Complex(r, i) if i.is_zero() => Some(r.to_f64()),
            _ => None,
        }
    }

    /// An untyped integer constant past [`PREC`] bits: go/types reports
    /// `constant <op> overflow` and drops the value.
    pub fn int_overflows(&self) -> bool {
        matches!(self, Value::Int(i) if i.bits() > PREC)
    }
    pub fn as_bytes(&self) -> Option<&[u8]> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }
    /// Ints and floats as an exact rational.
    pub fn exact(&self) -> Option<Exact> {
        match self {
            Value::Int(i) => Some(Exact::from_int(i)),
            Value::Float(f) => Some(f.clone()),
            Value::Complex(r, i) if i.is_zero() => Some((**r).clone()),
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
            Value::Int(i) => Some((Exact::from_int(i), zero())),
            Value::Float(f) => Some((f.clone(), zero())),
            Value::Complex(r, i) => Some(((**r).clone(), (**i).clone())),
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
                let q = String::from_utf8_lossy(&crate::format::quote(s)).into_owned();
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

/// go/constant's `String` of a float constant: `%.6g` of its value, also
/// beyond `f64`'s range (`1e+400`, as `%.6ge%+d`).
pub fn format_exact(e: &Exact) -> String {
    let f = e.to_f64();
    if f.is_finite() && (f != 0.0 || e.is_zero()) {
        let s = g_text(f, 6);
        // A non-integer whose text lost its point (`1e+06` for 1000000.5)
        // gets all its digits (go.dev/issue/56220).
        if !e.is_integer() && !s.contains('.') {
            return g_text(f, -1);
        }
        return s;
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
    let mant = g_text(ratio_to_f64(&m), 6);
    let sign = if e.0.is_negative() { "-" } else { "" };
    let mant = if mant == "10" { exp += 1; "1".to_string() } else { mant };
    format!("{sign}{mant}e{exp:+}")
}

/// `%.<prec>g` (shortest for -1), as fmt prints a float64.
fn g_text(f: f64, prec: i64) -> String {
    String::from_utf8_lossy(&crate::format::format_float(f, b'g', prec, 64)).into_owned()
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
            Ok(String([a.as_slice(), b.as_slice()].concat()))
        }
        (Int(a), Int(b)) => {
            // No bound here: the checker bounds untyped results at PREC
            // bits (naming the operation) and typed ones by their type.
            let r = match op {
                Op::Add => a + b,
                Op::Sub => a - b,
                Op::Mul => a * b,
                // Untyped integer `/` is integer division too (truncated,
                // as Go's); exact rational results only arise for floats.
                Op::IntQuo | Op::Quo | Op::Rem => {
                    if b.is_zero() {
                        return Err(ConstError::DivByZero);
                    }
                    if op == Op::Rem { a % b } else { a / b }
                }
                Op::And => a & b,
                Op::Or => a | b,
                Op::Xor => a ^ b,
                Op::AndNot => a & !b,
                _ => return Err(ConstError::Other("invalid operation".into())),
            };
            Ok(Int(r))
        }
        (Complex(..), _) | (_, Complex(..)) => {
            let (Some((a, b)), Some((c, d))) = (x.complex(), y.complex()) else {
                return Err(ConstError::Other("invalid operation".into()));
            };
            // go/constant's order of part operations: each rounds when
            // a part is a float.
            let (re, im) = match op {
                Op::Add => (a.op(Op::Add, &c)?, b.op(Op::Add, &d)?),
                Op::Sub => (a.op(Op::Sub, &c)?, b.op(Op::Sub, &d)?),
                Op::Mul => {
                    let (ac, bd) = (a.op(Op::Mul, &c)?, b.op(Op::Mul, &d)?);
                    let (bc, ad) = (b.op(Op::Mul, &c)?, a.op(Op::Mul, &d)?);
                    (ac.op(Op::Sub, &bd)?, bc.op(Op::Add, &ad)?)
                }
                Op::Quo => {
                    let (ac, bd) = (a.op(Op::Mul, &c)?, b.op(Op::Mul, &d)?);
                    let (bc, ad) = (b.op(Op::Mul, &c)?, a.op(Op::Mul, &d)?);
                    let s = c.op(Op::Mul, &c)?.op(Op::Add, &d.op(Op::Mul, &d)?)?;
                    if s.is_zero() {
                        return Err(ConstError::DivByZero);
                    }
                    (ac.op(Op::Add, &bd)?.op(Op::Quo, &s)?, bc.op(Op::Sub, &ad)?.op(Op::Quo, &s)?)
                }
                _ => return Err(ConstError::Other("invalid operation".into())),
            };
            Ok(Value::make_complex(re, im))
        }
        _ => {
            let (Some(a), Some(b)) = (x.exact(), y.exact()) else {
                return Err(ConstError::Other("invalid operation".into()));
            };
            a.op(op, &b).map(Float)
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

/// go/types' bound on a constant shift count (`shiftBound`): enough for
/// `1 << 1074`, the smallest float64's denominator; a larger count is an
/// invalid shift count.
pub const MAX_SHIFT: u64 = 1023 - 1 + 52;

/// `x << s` / `x >> s` on an integer constant (`>>` rounds toward
/// negative infinity, as Go's); `s` is at most [`MAX_SHIFT`].
pub fn shift(x: &BigInt, left: bool, s: u64) -> BigInt {
    let s = s.min(MAX_SHIFT) as usize;
    if left { x << s } else { x >> s }
}

/// The integer range of a sized integer kind; `None` for untyped
/// integers, which have none.
pub fn int_range(k: BasicKind) -> Option<(i128, i128)> {
    use BasicKind::*;
    Some(match k {
        Int8 => (i8::MIN as i128, i8::MAX as i128),
        Int16 => (i16::MIN as i128, i16::MAX as i128),
        Int32 | UntypedRune => (i32::MIN as i128, i32::MAX as i128),
        Int | Int64 => (i64::MIN as i128, i64::MAX as i128),
        Uint8 => (0, u8::MAX as i128),
        Uint16 => (0, u16::MAX as i128),
        Uint32 => (0, u32::MAX as i128),
        Uint | Uint64 | Uintptr => (0, u64::MAX as i128),
        _ => return None,
    })
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
                Value::Int(_) | Value::Float(_) | Value::Complex(..) => v.to_int().ok_or(Unrepresentable::Truncated)?,
                _ => return Err(Unrepresentable::Mismatch),
            };
            if let Some((lo, hi)) = int_range(k)
                && !i.to_i128().is_some_and(|i| lo <= i && i <= hi)
            {
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
            let e = match v {
                Value::Complex(_, im) if !im.is_zero() => return Err(Unrepresentable::Overflows),
                _ => v.exact().ok_or(Unrepresentable::Mismatch)?,
            };
            let f = if k == Float32 { e.to_f32() } else { e.to_f64() };
            if f.is_infinite() {
                return Err(Unrepresentable::Overflows);
            }
            Ok(Value::float(f))
        }
        UntypedComplex => match v.complex() {
            Some((r, i)) => Ok(Value::make_complex(r, i)),
            None => Err(Unrepresentable::Mismatch),
        },
        // Each part rounded to the float type, as go/constant's
        // roundFloat32/64 do; a part beyond its range overflows.
        Complex64 | Complex128 => match v.complex() {
            Some((r, i)) => {
                let part = |e: &Exact| {
                    let f = if k == Complex64 { e.to_f32() } else { e.to_f64() };
                    if f.is_infinite() { Err(Unrepresentable::Overflows) } else { Ok(Exact::from_f64(f)) }
                };
                Ok(Value::make_complex(part(&r)?, part(&i)?))
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
        let c = |re: &str, im: &str| Value::make_complex(lit(re), lit(im));
        let sum = binary(&c("0.1", "0"), Op::Add, &c("0.2", "0")).unwrap();
        assert_eq!(sum, c("0.3", "0"));
        let third = binary(&c("1", "1"), Op::Quo, &Value::int(3)).unwrap();
        assert_eq!(binary(&third, Op::Mul, &Value::int(3)).unwrap(), c("1", "1"));
        assert_eq!(binary(&c("1", "0"), Op::Quo, &c("0", "0")), Err(ConstError::DivByZero));
        assert_eq!(binary(&c("0", "1"), Op::Mul, &c("0", "1")).unwrap().as_i128(), Some(-1));
        assert_eq!(represent(&c("1", "1"), BasicKind::Float64), Err(Unrepresentable::Overflows));
        assert_eq!(represent(&c("1", "1"), BasicKind::Int), Err(Unrepresentable::Truncated));
        assert_eq!(represent(&c("1e39", "0"), BasicKind::Complex64), Err(Unrepresentable::Overflows));
        assert_eq!(represent(&c("0.1", "0"), BasicKind::Complex64), Ok(Value::make_complex(Exact::from_f64(0.1f32 as f64), lit("0"))));
        assert_eq!(c("1.5", "-2").go_string(), "(1.5 + -2i)");
    }

    #[test]
    fn integer_arithmetic_and_division_by_zero() {
        assert_eq!(
            binary(&Value::int(7), Op::IntQuo, &Value::int(2)),
            Ok(Value::int(3))
        );
        assert_eq!(
            binary(&Value::int(7), Op::Rem, &Value::int(0)),
            Err(ConstError::DivByZero)
        );
        // Past i128, within PREC: Go's untyped integers.
        let big = binary(&Value::int(i128::MAX), Op::Add, &Value::int(1)).unwrap();
        assert_eq!(big.go_string(), "170141183460469231731687303715884105728");
        assert!(!big.int_overflows());
        assert_eq!(binary(&Value::int(-7), Op::IntQuo, &Value::int(2)), Ok(Value::int(-3)));
        assert_eq!(binary(&Value::int(-7), Op::Rem, &Value::int(2)), Ok(Value::int(-1)));
        assert_eq!(binary(&Value::int(-6), Op::AndNot, &Value::int(3)), Ok(Value::int(-8)));
    }

    #[test]
    fn floats_keep_go_constant_precision() {
        // Exact while small: 1/3 * 3 is 1.
        let third = binary(&Value::Float(lit("1")), Op::Quo, &Value::int(3)).unwrap();
        assert_eq!(binary(&third, Op::Mul, &Value::int(3)).unwrap(), Value::Float(lit("1")));
        // Huge intermediates: 1e300 * 1e300 / 1e300.
        let sq = binary(&Value::Float(lit("1e300")), Op::Mul, &Value::Float(lit("1e300"))).unwrap();
        let back = binary(&sq, Op::Quo, &Value::Float(lit("1e300"))).unwrap();
        assert_eq!(back.as_f64(), Some(1e300));
        // Past maxExp bits a float keeps PREC bits: 1 + 1e-2000 is 1, as
        // in Go (exactly, it would not be).
        let tiny = Value::Float(lit("1e-2000"));
        let sum = binary(&Value::Float(lit("1")), Op::Add, &tiny).unwrap();
        assert_eq!(sum, Value::Float(lit("1")));
        // And stays a float: 1e-2000 * 1e2000 rounds to exactly 1 (as a
        // fraction of the two rounded factors it would not be 1).
        let prod = binary(&tiny, Op::Mul, &Value::Float(lit("1e2000"))).unwrap();
        assert_eq!(prod, Value::Float(lit("1")));
        // Without end: refused, not computed.
        let mut x = Value::Float(lit("1e4000"));
        let mut refused = false;
        for _ in 0..8 {
            match binary(&x, Op::Mul, &x) {
                Ok(v) => x = v,
                Err(e) => {
                    assert_eq!(e, ConstError::FloatRange);
                    refused = true;
                    break;
                }
            }
        }
        assert!(refused);
        // float32 rounds once: 1 + 2^-24 + 2^-60 is above the halfway
        // point, though its nearest f64 (1 + 2^-24) is exactly on it.
        let e = Exact(lit("1").0 + lit("0x1p-24").0 + lit("0x1p-60").0, false);
        assert_eq!(e.to_f32(), 1.0 + 2f64.powi(-23));
        assert_eq!(e.to_f64() as f32, 1.0);
        assert_eq!(lit("0x1p-149").to_f32(), f32::from_bits(1) as f64);
        assert_eq!(lit("0x1p-150").to_f32(), 0.0);
        assert_eq!(lit("3.4028235e38").to_f32(), f32::MAX as f64);
        assert_eq!(lit("3.5e38").to_f32(), f64::INFINITY);
    }

    #[test]
    fn rounding_matches_rusts_correctly_rounded_parse() {
        // Random decimal literals, normal and subnormal, of up to 25
        // digits: rounding once to f64 and to f32 must agree with the
        // standard library's (correctly rounded) parsers.
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        for _ in 0..3000 {
            let digits: String = (0..1 + next(25)).map(|_| char::from(b'0' + next(10) as u8)).collect();
            let exp = next(700) as i64 - 350;
            let text = format!("{digits}e{exp}");
            let e = lit(&text);
            assert_eq!(e.to_f64(), text.parse::<f64>().unwrap(), "{text}");
            let exp32 = next(100) as i64 - 60;
            let text = format!("{digits}e{exp32}");
            assert_eq!(lit(&text).to_f32(), text.parse::<f32>().unwrap() as f64, "{text} as f32");
        }
        for text in ["2.4703282292062327e-324", "2.4703282292062328e-324", "7e-46", "7.1e-46", "3.4028235677973366e38"] {
            assert_eq!(lit(text).to_f64(), text.parse::<f64>().unwrap(), "{text}");
            assert_eq!(lit(text).to_f32(), text.parse::<f32>().unwrap() as f64, "{text} as f32");
        }
    }

    #[test]
    fn big_integers_to_machine_values() {
        let max_u64 = Value::int(u64::MAX);
        assert_eq!(represent(&max_u64, BasicKind::Uint64), Ok(max_u64.clone()));
        assert_eq!(max_u64.to_i64_bits(), Some(-1));
        assert_eq!(Value::int(-5).to_i64_bits(), Some(-5));
        assert_eq!(Value::Float(lit("1e19")).to_i64_bits(), Some(10_000_000_000_000_000_000u64 as i64));
        let over = binary(&max_u64, Op::Add, &Value::int(1)).unwrap();
        assert_eq!(represent(&over, BasicKind::Uint64), Err(Unrepresentable::Overflows));
        assert_eq!(represent(&over, BasicKind::UntypedInt), Ok(over.clone()));
        assert_eq!(over.as_f64(), Some(18446744073709551616.0));
        assert_eq!(over.as_i128(), Some(1 << 64));
    }

    #[test]
    fn representability() {
        assert_eq!(
            represent(&Value::int(300), BasicKind::Int8),
            Err(Unrepresentable::Overflows)
        );
        assert_eq!(
            represent(&Value::float(1.5), BasicKind::Int),
            Err(Unrepresentable::Truncated)
        );
        assert_eq!(
            represent(&Value::float(2.0), BasicKind::Int),
            Ok(Value::int(2))
        );
        assert_eq!(
            represent(&Value::int(-1), BasicKind::Uint),
            Err(Unrepresentable::Overflows)
        );
    }

    #[test]
    fn shifts() {
        let one = BigInt::one();
        assert_eq!(shift(&one, true, 10), BigInt::from(1024));
        let big = shift(&one, true, 200);
        assert_eq!(shift(&big, false, 190), BigInt::from(1024));
        assert!(!Value::Int(shift(&one, true, 511)).int_overflows());
        assert!(Value::Int(shift(&one, true, 512)).int_overflows());
        assert!(Value::Int(-shift(&one, true, 512)).int_overflows());
        assert_eq!(shift(&BigInt::from(-8), false, 1), BigInt::from(-4));
        assert_eq!(shift(&BigInt::from(-1), false, 100), BigInt::from(-1));
    }

    #[test]
    fn printing_like_go_constant() {
        assert_eq!(Value::float(1.5).go_string(), "1.5");
        assert_eq!(Value::Float(lit("0.1")).go_string(), "0.1");
        assert_eq!(Value::Float(lit("1e100")).go_string(), "1e+100");
        assert_eq!(Value::String(b"a\"b".to_vec()).go_string(), "\"a\\\"b\"");
        // `%.6g`, and all the digits where that hides a fraction.
        assert_eq!(Value::float(1e6).go_string(), "1e+06");
        assert_eq!(Value::float(123456.0).go_string(), "123456");
        assert_eq!(Value::Float(lit("1000000.5")).go_string(), "1.0000005e+06");
        assert_eq!(Value::Float(lit("1e-400")).go_string(), "1e-400");
    }
}
