//! `runtime/debug`: `SetMaxStack` sets the VM's `maxstacksize`; `Stack` is
//! a request to the process (`stdlib/chan.rs`); the rest is library Go.

use super::super::args;
use crate::value::Value;
use crate::vm::NativeFn;

pub fn lookup(name: &str) -> Option<NativeFn> {
    match name {
        "runtime/debug.SetMaxStack" => Some(|vm, g, n| {
            let want = args(g, n).first().map_or(0, |v| v.int());
            let old = std::mem::replace(&mut vm.max_stack, want.max(0) as u64);
            g.stack.push(Value::Int(old as i64));
            Ok(())
        }),
        _ => super::super::chan::lookup(name),
    }
}
