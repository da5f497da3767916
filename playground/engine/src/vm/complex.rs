//! Complex arithmetic: Go's `complex128` operations on the pair a
//! `Value::Complex` holds, as natives (`builtin.complex.add`...) rather
//! than ops: an `Op` of their own, even one arm calling out of the loop,
//! moved the dispatch loop's code enough to cost fib 0.9-1.2% more
//! instructions; complex arithmetic is rare enough to pay a native call.

use crate::value::Value;

/// One complex operation, named by its native's suffix.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ComplexOp {
    /// `[a, b] -> [a+b]`, and so on; `Div` as Go's `complex128div`.
    Add,
    Sub,
    Mul,
    Div,
    Neg,
    /// Both parts rounded to float32, after every complex64 operation.
    Round64,
    /// `[re, im] -> [complex(re, im)]`.
    Make,
    Real,
    Imag,
}

impl ComplexOp {
    /// The native that runs it (`builtin.complex.add`).
    pub(crate) fn native(self) -> &'static str {
        match self {
            ComplexOp::Add => "builtin.complex.add",
            ComplexOp::Sub => "builtin.complex.sub",
            ComplexOp::Mul => "builtin.complex.mul",
            ComplexOp::Div => "builtin.complex.div",
            ComplexOp::Neg => "builtin.complex.neg",
            ComplexOp::Round64 => "builtin.complex.round64",
            ComplexOp::Make => "builtin.complex.make",
            ComplexOp::Real => "builtin.complex.real",
            ComplexOp::Imag => "builtin.complex.imag",
        }
    }

    /// How many operands it takes from the stack.
    pub(crate) fn argc(self) -> u16 {
        match self {
            ComplexOp::Add | ComplexOp::Sub | ComplexOp::Mul | ComplexOp::Div | ComplexOp::Make => 2,
            _ => 1,
        }
    }
}

/// Runs one complex operation on the operand stack (its operands on top).
pub(crate) fn exec(op: ComplexOp, s: &mut Vec<Value>) {
    match op {
        ComplexOp::Add | ComplexOp::Sub | ComplexOp::Mul | ComplexOp::Div => {
            let (c, d) = s.pop().unwrap_or_default().complex();
            let (a, b) = s.pop().unwrap_or_default().complex();
            s.push(match op {
                ComplexOp::Add => Value::from_complex(a + c, b + d),
                ComplexOp::Sub => Value::from_complex(a - c, b - d),
                // What Go's compiler emits for `*`: no fused multiply-add on amd64.
                ComplexOp::Mul => Value::from_complex(a * c - b * d, a * d + b * c),
                _ => {
                    let (e, f) = complex128div((a, b), (c, d));
                    Value::from_complex(e, f)
                }
            });
        }
        ComplexOp::Make => {
            let im = s.pop().unwrap_or_default().float();
            let re = s.pop().unwrap_or_default().float();
            s.push(Value::from_complex(re, im));
        }
        ComplexOp::Neg | ComplexOp::Round64 | ComplexOp::Real | ComplexOp::Imag => {
            if let Some(t) = s.last_mut() {
                let (re, im) = t.complex();
                *t = match op {
                    ComplexOp::Neg => Value::from_complex(-re, -im),
                    ComplexOp::Round64 => Value::from_complex(re as f32 as f64, im as f32 as f64),
                    ComplexOp::Real => Value::Float(re),
                    _ => Value::Float(im),
                };
            }
        }
    }
}

/// `runtime/complex.go`'s `complex128div`: Smith's algorithm, then C99's
/// corrections to infinities and zeros (division by zero does not panic).
pub(crate) fn complex128div(n: (f64, f64), m: (f64, f64)) -> (f64, f64) {
    let (e, f);
    if m.0.abs() >= m.1.abs() {
        let ratio = m.1 / m.0;
        let denom = m.0 + ratio * m.1;
        e = (n.0 + n.1 * ratio) / denom;
        f = (n.1 - n.0 * ratio) / denom;
    } else {
        let ratio = m.0 / m.1;
        let denom = m.1 + ratio * m.0;
        e = (n.0 * ratio + n.1) / denom;
        f = (n.1 * ratio - n.0) / denom;
    }
    if !(e.is_nan() && f.is_nan()) {
        return (e, f);
    }
    let (mut a, mut b) = n;
    let (mut c, mut d) = m;
    let inf = f64::INFINITY;
    // inf2one: a signed 1 for an infinity, a signed 0 otherwise.
    let inf2one = |x: f64| (if x.is_infinite() { 1.0f64 } else { 0.0 }).copysign(x);
    if c == 0.0 && d == 0.0 && (!a.is_nan() || !b.is_nan()) {
        (inf.copysign(c) * a, inf.copysign(c) * b)
    } else if (a.is_infinite() || b.is_infinite()) && c.is_finite() && d.is_finite() {
        a = inf2one(a);
        b = inf2one(b);
        (inf * (a * c + b * d), inf * (b * c - a * d))
    } else if (c.is_infinite() || d.is_infinite()) && a.is_finite() && b.is_finite() {
        c = inf2one(c);
        d = inf2one(d);
        (0.0 * (a * c + b * d), 0.0 * (b * c - a * d))
    } else {
        (e, f)
    }
}

#[cfg(test)]
mod tests {
    use super::complex128div;

    #[test]
    fn division_as_go_runtime() {
        assert_eq!(complex128div((1.0, 2.0), (3.0, 4.0)), (0.44, 0.08));
        // By zero: infinities with the numerator's signs, no panic.
        assert_eq!(complex128div((1.0, -1.0), (0.0, 0.0)), (f64::INFINITY, f64::NEG_INFINITY));
        let (e, f) = complex128div((0.0, 0.0), (0.0, 0.0));
        assert!(e.is_nan() && f.is_nan());
        // A finite numerator over an infinity is zero.
        assert_eq!(complex128div((1.0, 1.0), (f64::INFINITY, 0.0)), (0.0, 0.0));
        let (e, f) = complex128div((f64::INFINITY, 0.0), (1.0, 1.0));
        assert_eq!((e, f), (f64::INFINITY, f64::NEG_INFINITY));
    }
}
