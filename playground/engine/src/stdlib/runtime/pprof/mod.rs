//! `runtime/pprof`: profiles as `*Profile` values (a struct of its name
//! and, for custom profiles, a count). What a profile holds comes from the
//! process (`Op::Sys` ids `PPROF_COUNT`, `PPROF_TEXT`: goroutines, leaks,
//! threads); these natives only make and name the values, and write a
//! profile's text to an `io.Writer`.

use crate::stdlib::{args, new_slice, oom, str_of};
use crate::value::{Value, WHOLE};
use crate::vm::{GState, NativeFn, Throw, Vm};

/// The predefined profiles, in the order `pprof.Profiles` lists them.
pub const PROFILES: [&str; 7] = ["allocs", "block", "goroutine", "goroutineleak", "heap", "mutex", "threadcreate"];

pub fn lookup(name: &str) -> Option<NativeFn> {
    Some(match name {
        "runtime/pprof.Lookup" => |vm, g, n| {
            let a = args(g, n);
            let name = str_of(vm, a.first().copied().unwrap_or(Value::EMPTY_STRING));
            let known = PROFILES.iter().any(|p| p.as_bytes() == name.as_slice());
            let v = if known { profile(vm, a.first().copied().unwrap_or(Value::EMPTY_STRING))? } else { Value::Nil };
            g.stack.push(v);
            Ok(())
        },
        "runtime/pprof.NewProfile" => |vm, g, n| {
            let a = args(g, n);
            let v = profile(vm, a.first().copied().unwrap_or(Value::EMPTY_STRING))?;
            g.stack.push(v);
            Ok(())
        },
        "runtime/pprof.Profiles" => |vm, g, n| {
            args(g, n);
            let mut ps = Vec::new();
            for name in PROFILES {
                let s = vm.heap.alloc_str(name.as_bytes()).map_err(oom)?;
                ps.push(profile(vm, s)?);
            }
            let v = new_slice(vm, ps, 8)?;
            g.stack.push(v);
            Ok(())
        },
        "runtime/pprof.(*Profile).Name" => |vm, g, n| {
            let a = args(g, n);
            let v = field(vm, a.first().copied(), 0).unwrap_or(Value::EMPTY_STRING);
            g.stack.push(v);
            Ok(())
        },
        "runtime/pprof.(*Profile).Add" => |vm, g, n| add(vm, g, n, 1),
        "runtime/pprof.(*Profile).Remove" => |vm, g, n| add(vm, g, n, -1),
        // `[w, text] -> [error]`: the tail of `(*Profile).WriteTo`.
        "runtime/pprof.writeText" => |vm, g, n| {
            let a = args(g, n);
            let w = a.first().copied().unwrap_or_default();
            let text = str_of(vm, a.get(1).copied().unwrap_or(Value::EMPTY_STRING));
            crate::stdlib::fmt::write_to(vm, g, w, &text)?;
            g.stack.push(Value::Nil);
            Ok(())
        },
        // Compiled to `Sys` requests or a wrapper; named so the compiler
        // can resolve them.
        "runtime/pprof.(*Profile).Count" | "runtime/pprof.(*Profile).WriteTo" => |_, _, _| {
            Err(Throw::Stop(crate::stdlib::internal_stop("a runtime operation was called as a native")))
        },
        _ => return None,
    })
}

/// A new `*Profile` named `name` (a string value).
fn profile(vm: &mut Vm, name: Value) -> Result<Value, Throw> {
    let h = vm.heap.alloc_slots(vec![name, Value::Int(0)], 24).map_err(oom)?;
    Ok(Value::Ptr { obj: h, slot: WHOLE })
}

/// Field `i` of the `*Profile` `p` (None for nil).
pub fn field(vm: &Vm, p: Option<Value>, i: usize) -> Option<Value> {
    match p {
        Some(Value::Ptr { obj, .. }) => vm.heap.slots(obj).get(i).copied(),
        _ => None,
    }
}

/// `Add`/`Remove` on a custom profile: counts its entries.
fn add(vm: &mut Vm, g: &mut GState, n: usize, d: i64) -> Result<(), Throw> {
    let a = args(g, n);
    if let Some(Value::Ptr { obj, .. }) = a.first().copied()
        && let Some(slot) = vm.heap.slots_mut(obj).get_mut(1)
    {
        *slot = Value::Int(slot.int() + d);
    }
    Ok(())
}
