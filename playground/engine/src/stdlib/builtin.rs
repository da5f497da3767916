//! The builtins implemented as natives, named `builtin.<name>`: `panic`
//! when deferred (a function value), `min`/`max` (with the operands' kind
//! as a suffix: `builtin.min.i`, `.u`, `.f`, `.s`); and complex
//! arithmetic (`builtin.complex.add`...: `vm/complex.rs`).

use super::{args, cmp_vals};
use crate::value::Value;
use crate::vm::complex::ComplexOp;
use crate::vm::{GState, NativeFn, Throw, Vm};

pub fn lookup(name: &str) -> Option<NativeFn> {
    Some(match name {
        "builtin.panic" => builtin_panic,
        "builtin.complex.add" => |_vm, g, _n| complex(g, ComplexOp::Add),
        "builtin.complex.sub" => |_vm, g, _n| complex(g, ComplexOp::Sub),
        "builtin.complex.mul" => |_vm, g, _n| complex(g, ComplexOp::Mul),
        "builtin.complex.div" => |_vm, g, _n| complex(g, ComplexOp::Div),
        "builtin.complex.neg" => |_vm, g, _n| complex(g, ComplexOp::Neg),
        "builtin.complex.round64" => |_vm, g, _n| complex(g, ComplexOp::Round64),
        "builtin.complex.make" => |_vm, g, _n| complex(g, ComplexOp::Make),
        "builtin.complex.real" => |_vm, g, _n| complex(g, ComplexOp::Real),
        "builtin.complex.imag" => |_vm, g, _n| complex(g, ComplexOp::Imag),
        "builtin.min.i" | "builtin.min.u" | "builtin.min.f" | "builtin.min.s" => builtin_min,
        "builtin.max.i" | "builtin.max.u" | "builtin.max.f" | "builtin.max.s" => builtin_max,
        _ => return None,
    })
}

fn builtin_panic(_vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    Err(Throw::Panic(a.first().copied().unwrap_or_default()))
}

fn builtin_min(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    builtin_extreme(vm, g, argc, std::cmp::Ordering::Less)
}

fn builtin_max(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    builtin_extreme(vm, g, argc, std::cmp::Ordering::Greater)
}

/// `min` (`want` = Less) or `max` (Greater); a NaN operand wins, as in Go.
fn builtin_extreme(vm: &mut Vm, g: &mut GState, argc: usize, want: std::cmp::Ordering) -> Result<(), Throw> {
    let a = args(g, argc);
    let mut m = a.first().copied().unwrap_or_default();
    for &x in &a[1.min(a.len())..] {
        if matches!(x, Value::Float(f) if f.is_nan()) {
            m = x;
            break;
        }
        if cmp_vals(vm, x, m) == want {
            m = x;
        }
    }
    g.stack.push(m);
    Ok(())
}

/// Complex arithmetic (`vm/complex.rs`), on the operands the call left on
/// the stack.
fn complex(g: &mut GState, op: ComplexOp) -> Result<(), Throw> {
    crate::vm::complex::exec(op, &mut g.stack);
    Ok(())
}
