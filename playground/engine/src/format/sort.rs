//! Map key ordering for printing, as Go's internal/fmtsort defines it:
//! numbers by value (NaN first), strings bytewise, false before true,
//! pointers and channels by address, structs and arrays element-wise.
//!
//! Keys of interface type whose dynamic types differ are ordered by Go by
//! the address of their type descriptor, which is arbitrary; here they are
//! ordered by type name instead (nil first), a deterministic stand-in.
//! The order is total so that sorting can never panic.

use super::value::FmtValue;
use std::cmp::Ordering;

fn cmp_float(a: f64, b: f64) -> Ordering {
    match (a.is_nan(), b.is_nan()) {
        (true, true) => Ordering::Equal,
        (true, false) => Ordering::Less,
        (false, true) => Ordering::Greater,
        _ => a.partial_cmp(&b).unwrap_or(Ordering::Equal),
    }
}

fn rank(v: &FmtValue) -> u8 {
    match v {
        FmtValue::Nil { .. } => 0,
        FmtValue::Bool { .. } => 1,
        FmtValue::Int { .. } => 2,
        FmtValue::Uint { .. } => 3,
        FmtValue::Float { .. } => 4,
        FmtValue::Complex { .. } => 5,
        FmtValue::Str { .. } => 6,
        FmtValue::Pointer { .. } => 7,
        FmtValue::Struct { .. } => 8,
        FmtValue::Array { .. } => 9,
        FmtValue::Slice { .. } => 10,
        FmtValue::Map { .. } => 11,
        FmtValue::Chan { .. } => 12,
        FmtValue::Func { .. } => 13,
        FmtValue::WithMethods { .. } => 14,
    }
}

/// Compares two map keys (`fmtsort.compare`).
pub(crate) fn compare(a: &FmtValue, b: &FmtValue) -> Ordering {
    compare_depth(a, b, 0)
}

fn compare_depth(a: &FmtValue, b: &FmtValue, depth: usize) -> Ordering {
    let (a, b) = (a.base(), b.base());
    // Nil interfaces sort first; values of different types by type name.
    let (an, bn) = (
        matches!(a, FmtValue::Nil { .. }),
        matches!(b, FmtValue::Nil { .. }),
    );
    if an || bn {
        return bn.cmp(&an);
    }
    if a.type_name() != b.type_name() || rank(a) != rank(b) {
        return a.type_name().cmp(b.type_name()).then(rank(a).cmp(&rank(b)));
    }
    if depth > 100 {
        return Ordering::Equal;
    }
    use FmtValue::*;
    match (a, b) {
        (Bool { v: x, .. }, Bool { v: y, .. }) => x.cmp(y),
        (Int { v: x, .. }, Int { v: y, .. }) => x.cmp(y),
        (Uint { v: x, .. }, Uint { v: y, .. }) => x.cmp(y),
        (Float { v: x, .. }, Float { v: y, .. }) => cmp_float(*x, *y),
        (Complex { re: r1, im: i1, .. }, Complex { re: r2, im: i2, .. }) => {
            cmp_float(*r1, *r2).then(cmp_float(*i1, *i2))
        }
        (Str { v: x, .. }, Str { v: y, .. }) => x.cmp(y),
        (Pointer { addr: x, .. }, Pointer { addr: y, .. })
        | (Chan { addr: x, .. }, Chan { addr: y, .. })
        | (Func { addr: x, .. }, Func { addr: y, .. }) => x.cmp(y),
        (Struct { fields: x, .. }, Struct { fields: y, .. }) => {
            for (f, g) in x.iter().zip(y.iter()) {
                let c = compare_depth(&f.value, &g.value, depth + 1);
                if c != Ordering::Equal {
                    return c;
                }
            }
            x.len().cmp(&y.len())
        }
        (Array { elems: x, .. }, Array { elems: y, .. }) => {
            for (f, g) in x.iter().zip(y.iter()) {
                let c = compare_depth(f, g, depth + 1);
                if c != Ordering::Equal {
                    return c;
                }
            }
            x.len().cmp(&y.len())
        }
        _ => Ordering::Equal,
    }
}
