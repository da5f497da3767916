//! `math`: the functions over `float64`, as Rust's `f64` computes them
//! (with Go's special cases where they differ).

// `math/rand`: a path through a module named `rand` would read as a
// random-number crate to the architecture test (tests/architecture.rs).
#[path = "rand/mod.rs"]
pub(crate) mod mathrand;

use super::args;
use crate::value::Value;
use crate::vm::{GState, NativeFn, Throw};

pub fn lookup(name: &str) -> Option<NativeFn> {
    Some(match name {
        "math.Copysign" => |_vm, g, n| f2(g, n, f64::copysign),
        "math.Pow10" => |_vm, g, n| {
            let a = args(g, n);
            g.stack.push(Value::Float(10f64.powi(a.first().map_or(0, |v| v.int()) as i32)));
            Ok(())
        },
        "math.Max" => |_vm, g, n| f2(g, n, |a, b| if a.is_nan() || b.is_nan() { f64::NAN } else if a == 0.0 && b == 0.0 { if a.is_sign_negative() { b } else { a } } else { a.max(b) }),
        "math.Min" => |_vm, g, n| f2(g, n, |a, b| if a.is_nan() || b.is_nan() { f64::NAN } else if a == 0.0 && b == 0.0 { if a.is_sign_negative() { a } else { b } } else { a.min(b) }),
        "math.Mod" => |_vm, g, n| f2(g, n, |a, b| a % b),
        "math.Hypot" => |_vm, g, n| f2(g, n, f64::hypot),
        "math.Exp" => |_vm, g, n| f1(g, n, f64::exp),
        "math.Log2" => |_vm, g, n| f1(g, n, f64::log2),
        "math.Log10" => |_vm, g, n| f1(g, n, f64::log10),
        "math.Sin" => |_vm, g, n| f1(g, n, f64::sin),
        "math.Cos" => |_vm, g, n| f1(g, n, f64::cos),
        "math.Cbrt" => |_vm, g, n| f1(g, n, f64::cbrt),
        "math.IsNaN" => |_vm, g, n| {
            let a = args(g, n);
            g.stack.push(Value::Bool(a.first().is_some_and(|v| v.float().is_nan())));
            Ok(())
        },
        "math.IsInf" => |_vm, g, n| {
            let a = args(g, n);
            let f = a.first().map_or(0.0, |v| v.float());
            let s = a.get(1).map_or(0, |v| v.int());
            g.stack.push(Value::Bool((s >= 0 && f == f64::INFINITY) || (s <= 0 && f == f64::NEG_INFINITY)));
            Ok(())
        },
        "math.Signbit" => |_vm, g, n| {
            let a = args(g, n);
            g.stack.push(Value::Bool(a.first().is_some_and(|v| v.float().is_sign_negative())));
            Ok(())
        },
        "math.Sqrt" => |_vm, g, n| f1(g, n, f64::sqrt),
        "math.Floor" => |_vm, g, n| f1(g, n, f64::floor),
        "math.Ceil" => |_vm, g, n| f1(g, n, f64::ceil),
        "math.Abs" => |_vm, g, n| f1(g, n, f64::abs),
        "math.Log" => |_vm, g, n| f1(g, n, f64::ln),
        "math.Round" => |_vm, g, n| f1(g, n, f64::round),
        "math.Trunc" => |_vm, g, n| f1(g, n, f64::trunc),
        "math.Pow" => |vm, g, n| {
            let a = args(g, n);
            let _ = vm;
            g.stack.push(Value::Float(a.first().map_or(0.0, |v| v.float()).powf(a.get(1).map_or(0.0, |v| v.float()))));
            Ok(())
        },
        "math.Inf" => |_vm, g, n| {
            let a = args(g, n);
            g.stack.push(Value::Float(if a.first().map_or(0, |v| v.int()) >= 0 { f64::INFINITY } else { f64::NEG_INFINITY }));
            Ok(())
        },
        "math.NaN" => |_vm, g, n| {
            args(g, n);
            g.stack.push(Value::Float(f64::NAN));
            Ok(())
        },
        "math.RoundToEven" => |_vm, g, n| f1(g, n, f64::round_ties_even),
        "math.Exp2" => |_vm, g, n| f1(g, n, f64::exp2),
        "math.Log1p" => |_vm, g, n| f1(g, n, f64::ln_1p),
        "math.Tan" => |_vm, g, n| f1(g, n, f64::tan),
        "math.Asin" => |_vm, g, n| f1(g, n, f64::asin),
        "math.Acos" => |_vm, g, n| f1(g, n, f64::acos),
        "math.Atan" => |_vm, g, n| f1(g, n, f64::atan),
        "math.Sinh" => |_vm, g, n| f1(g, n, f64::sinh),
        "math.Cosh" => |_vm, g, n| f1(g, n, f64::cosh),
        "math.Tanh" => |_vm, g, n| f1(g, n, f64::tanh),
        "math.Asinh" => |_vm, g, n| f1(g, n, f64::asinh),
        "math.Acosh" => |_vm, g, n| f1(g, n, f64::acosh),
        "math.Atanh" => |_vm, g, n| f1(g, n, f64::atanh),
        // Go's Sincos gives what Sin and Cos give.
        "math.Sincos" => |_vm, g, n| {
            let a = args(g, n);
            let x = a.first().map_or(0.0, |v| v.float());
            g.stack.push(Value::Float(x.sin()));
            g.stack.push(Value::Float(x.cos()));
            Ok(())
        },
        "math.Atan2" => |_vm, g, n| {
            let a = args(g, n);
            g.stack.push(Value::Float(a.first().map_or(0.0, |v| v.float()).atan2(a.get(1).map_or(0.0, |v| v.float()))));
            Ok(())
        },
        "math.Dim" => |_vm, g, n| {
            let a = args(g, n);
            let (x, y) = (a.first().map_or(0.0, |v| v.float()), a.get(1).map_or(0.0, |v| v.float()));
            g.stack.push(Value::Float(if x.is_nan() || y.is_nan() { f64::NAN } else { (x - y).max(0.0) }));
            Ok(())
        },
        "math.Remainder" => |_vm, g, n| {
            let a = args(g, n);
            let (x, y) = (a.first().map_or(0.0, |v| v.float()), a.get(1).map_or(0.0, |v| v.float()));
            g.stack.push(Value::Float(x - (x / y).round_ties_even() * y));
            Ok(())
        },
        "math.Modf" => |_vm, g, n| {
            let a = args(g, n);
            let x = a.first().map_or(0.0, |v| v.float());
            let i = x.trunc();
            g.stack.push(Value::Float(i));
            g.stack.push(Value::Float(if x.is_infinite() { f64::NAN.copysign(x) } else { x - i }));
            Ok(())
        },
        "math.Float64bits" => |_vm, g, n| {
            let a = args(g, n);
            g.stack.push(Value::Int(a.first().map_or(0.0, |v| v.float()).to_bits() as i64));
            Ok(())
        },
        "math.Float64frombits" => |_vm, g, n| {
            let a = args(g, n);
            g.stack.push(Value::Float(f64::from_bits(a.first().map_or(0, |v| v.int()) as u64)));
            Ok(())
        },
        "math.Float32bits" => |_vm, g, n| {
            let a = args(g, n);
            g.stack.push(Value::Int((a.first().map_or(0.0, |v| v.float()) as f32).to_bits() as i64));
            Ok(())
        },
        "math.Float32frombits" => |_vm, g, n| {
            let a = args(g, n);
            g.stack.push(Value::Float(f32::from_bits(a.first().map_or(0, |v| v.int()) as u32) as f64));
            Ok(())
        },
        _ => return None,
    })
}

fn f1(g: &mut GState, argc: usize, f: fn(f64) -> f64) -> Result<(), Throw> {
    let a = args(g, argc);
    g.stack.push(Value::Float(f(a.first().map_or(0.0, |v| v.float()))));
    Ok(())
}

fn f2(g: &mut GState, argc: usize, f: fn(f64, f64) -> f64) -> Result<(), Throw> {
    let a = args(g, argc);
    g.stack.push(Value::Float(f(a.first().map_or(0.0, |v| v.float()), a.get(1).map_or(0.0, |v| v.float()))));
    Ok(())
}
