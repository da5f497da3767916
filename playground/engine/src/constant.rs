//! Compile-time constant values and their arithmetic.
//!
//! Go's untyped constants are exact; this engine approximates them: integers
//! are `i128` (an operation leaving that range is reported as an overflow,
//! where Go would allow up to 512 bits in intermediate results), floats are
//! `f64` (Go keeps arbitrary precision, so e.g. `1e400 / 1e300` differs),
//! and complex constants are pairs of `f64`. Representability checks
//! (`int8(300)` overflows, `int(1.5)` truncated) follow the spec.

use crate::types::BasicKind;

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Bool(bool),
    Int(i128),
    Float(f64),
    Complex(f64, f64),
    String(String),
}

/// Why a constant operation failed, with Go's wording.
#[derive(Clone, Debug, PartialEq)]
pub enum ConstError {
    DivByZero,
    Overflow,
    Other(String),
}

impl Value {
    pub fn as_i128(&self) -> Option<i128> {
        match self {
            Value::Int(i) => Some(*i),
            Value::Float(f) if f.fract() == 0.0 && f.abs() < 1.7e38 => Some(*f as i128),
            Value::Complex(r, 0.0) if r.fract() == 0.0 && r.abs() < 1.7e38 => Some(*r as i128),
            _ => None,
        }
    }
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Int(i) => Some(*i as f64),
            Value::Float(f) => Some(*f),
            Value::Complex(r, i) if *i == 0.0 => Some(*r),
            _ => None,
        }
    }
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }
    fn complex(&self) -> Option<(f64, f64)> {
        match self {
            Value::Int(i) => Some((*i as f64, 0.0)),
            Value::Float(f) => Some((*f, 0.0)),
            Value::Complex(r, i) => Some((*r, *i)),
            _ => None,
        }
    }

    /// As go/constant prints values in messages: `1000`, `1.5`, `"s"`,
    /// `true`, `(1 + 2i)`.
    pub fn go_string(&self) -> String {
        match self {
            Value::Bool(b) => b.to_string(),
            Value::Int(i) => i.to_string(),
            Value::Float(f) => format_float(*f),
            Value::Complex(r, i) => format!("({} + {}i)", format_float(*r), format_float(*i)),
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

/// strconv.Quote for messages.
pub fn quote_go(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\x07' => out.push_str("\\a"),
            '\x08' => out.push_str("\\b"),
            '\x0c' => out.push_str("\\f"),
            '\x0b' => out.push_str("\\v"),
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
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
        (String(a), String(b)) if op == Op::Add => Ok(String(format!("{a}{b}"))),
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
            match op {
                Op::Add => Ok(Complex(a + c, b + d)),
                Op::Sub => Ok(Complex(a - c, b - d)),
                Op::Mul => Ok(Complex(a * c - b * d, a * d + b * c)),
                Op::Quo => {
                    let den = c * c + d * d;
                    if den == 0.0 {
                        return Err(ConstError::DivByZero);
                    }
                    Ok(Complex((a * c + b * d) / den, (b * c - a * d) / den))
                }
                _ => Err(ConstError::Other("invalid operation".into())),
            }
        }
        _ => {
            let (Some(a), Some(b)) = (x.as_f64(), y.as_f64()) else {
                return Err(ConstError::Other("invalid operation".into()));
            };
            let r = match op {
                Op::Add => a + b,
                Op::Sub => a - b,
                Op::Mul => a * b,
                Op::Quo | Op::IntQuo => {
                    if b == 0.0 {
                        return Err(ConstError::DivByZero);
                    }
                    a / b
                }
                _ => return Err(ConstError::Other("invalid operation".into())),
            };
            if r.is_finite() {
                Ok(Float(r))
            } else {
                Err(ConstError::Overflow)
            }
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
        _ => x.as_f64()?.partial_cmp(&y.as_f64()?),
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
                    if f.fract() != 0.0 {
                        return Err(Unrepresentable::Truncated);
                    }
                    if f.abs() > 1.7e38 {
                        return Err(Unrepresentable::Overflows);
                    }
                    *f as i128
                }
                Value::Complex(r, im) => {
                    if *im != 0.0 || r.fract() != 0.0 {
                        return Err(Unrepresentable::Truncated);
                    }
                    if r.abs() > 1.7e38 {
                        return Err(Unrepresentable::Overflows);
                    }
                    *r as i128
                }
                _ => return Err(Unrepresentable::Mismatch),
            };
            let (lo, hi) = int_range(k);
            if i < lo || i > hi {
                return Err(Unrepresentable::Overflows);
            }
            Ok(Value::Int(i))
        }
        Float32 | Float64 | UntypedFloat => {
            let f = match v {
                Value::Int(i) => *i as f64,
                Value::Float(f) => *f,
                Value::Complex(r, im) => {
                    if *im != 0.0 {
                        return Err(Unrepresentable::Truncated);
                    }
                    *r
                }
                _ => return Err(Unrepresentable::Mismatch),
            };
            if k == Float32 {
                if f.abs() > f32::MAX as f64 {
                    return Err(Unrepresentable::Overflows);
                }
                return Ok(Value::Float(f as f32 as f64));
            }
            Ok(Value::Float(f))
        }
        Complex64 | Complex128 | UntypedComplex => match v.complex() {
            Some((r, i)) => {
                if k == Complex64 {
                    Ok(Value::Complex(r as f32 as f64, i as f32 as f64))
                } else {
                    Ok(Value::Complex(r, i))
                }
            }
            None => Err(Unrepresentable::Mismatch),
        },
        _ => Err(Unrepresentable::Mismatch),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
            represent(&Value::Float(1.5), BasicKind::Int),
            Err(Unrepresentable::Truncated)
        );
        assert_eq!(
            represent(&Value::Float(2.0), BasicKind::Int),
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
        assert_eq!(Value::Float(1.5).go_string(), "1.5");
        assert_eq!(Value::Float(0.1).go_string(), "0.1");
        assert_eq!(Value::Float(1e100).go_string(), "1e+100");
        assert_eq!(Value::String("a\"b".into()).go_string(), "\"a\\\"b\"");
    }
}
