//! What scan.go asks of reflect, for a Scan argument its type switch does
//! not name (a `*Celsius` of `type Celsius float64`): the kind and size of
//! what it points to, and a store through it (reflect's `Kind`, `Bits`
//! and `Set*`).

use super::super::{args, byte_slice, str_of};
use crate::rtype::Kind;
use crate::value::{IntKind, Value, WHOLE};
use crate::vm::{GState, Throw, Vm};

// scan.go's kindNotPointer ... kindComplex, in its order.
const NOT_POINTER: i64 = 0;
const OTHER: i64 = 1;
const BOOL: i64 = 2;
const INT: i64 = 3;
const UINT: i64 = 4;
const STRING: i64 = 5;
const BYTES: i64 = 6;
const FLOAT: i64 = 7;
const COMPLEX: i64 = 8;

/// The pointer an `any` holds (its object and slot) and the kind of what
/// it points to; None for a nil interface or a value that is no pointer.
fn target(vm: &Vm, arg: Value) -> Option<(Option<(u32, u32)>, Kind)> {
    let Value::Iface { tid, obj } = arg else { return None };
    let prog = vm.program();
    let Kind::Ptr(elem) = prog.types.get(tid as usize)?.kind else { return None };
    let kind = prog.types.get(elem as usize)?.kind.clone();
    let at = match vm.heap.cell(obj) {
        Value::Ptr { obj, slot } if slot != WHOLE => Some((obj, slot)),
        _ => None,
    };
    Some((at, kind))
}

/// `runtime_scanKind(arg any) (kind int, bits int)`.
pub(super) fn kind(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let (kind, bits) = match target(vm, a.first().copied().unwrap_or_default()) {
        None => (NOT_POINTER, 0),
        // A nil pointer: reflect's Elem is the zero Value, of no kind.
        Some((None, _)) => (OTHER, 0),
        Some((Some(_), kind)) => match kind {
            Kind::Bool => (BOOL, 0),
            Kind::Int(k) => {
                let bits = match k {
                    IntKind::I8 | IntKind::U8 => 8,
                    IntKind::I16 | IntKind::U16 => 16,
                    IntKind::I32 | IntKind::U32 => 32,
                    IntKind::I64 | IntKind::U64 => 64,
                };
                (if k.is_unsigned() { UINT } else { INT }, bits)
            }
            Kind::Float32 => (FLOAT, 32),
            Kind::Float64 => (FLOAT, 64),
            Kind::Complex64 => (COMPLEX, 64),
            Kind::Complex128 => (COMPLEX, 128),
            Kind::String => (STRING, 0),
            Kind::Slice(e) if matches!(vm.program().types.get(e as usize).map(|t| &t.kind), Some(Kind::Int(IntKind::U8))) => (BYTES, 0),
            _ => (OTHER, 0),
        },
    };
    g.stack.push(Value::Int(kind));
    g.stack.push(Value::Int(bits));
    Ok(())
}

/// `runtime_scanSet(arg any, v any)`: stores v (a bool, int64, uint64,
/// string, float64 or complex128) through arg, converted to what arg
/// points to, as reflect's `Set*` do.
pub(super) fn set(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let (arg, v) = (a.first().copied().unwrap_or_default(), a.get(1).copied().unwrap_or_default());
    let Some((Some((obj, slot)), kind)) = target(vm, arg) else { return Ok(()) };
    let v = match v {
        Value::Iface { obj, .. } => vm.heap.cell(obj),
        v => v,
    };
    let stored = match kind {
        Kind::Int(k) => Value::Int(k.wrap(v.int())),
        Kind::Float32 => Value::Float(v.float() as f32 as f64),
        Kind::Complex64 => {
            let (re, im) = v.complex();
            Value::from_complex(re as f32 as f64, im as f32 as f64)
        }
        Kind::Slice(_) => {
            let b = str_of(vm, v);
            byte_slice(vm, b)?
        }
        _ => v,
    };
    vm.heap.store_slot(obj, slot as usize, stored).map_err(super::super::oom)?;
    Ok(())
}
