//! `bytes`: `Buffer` and `Reader` are Go's source (`bytes.go`); the
//! functions over byte slices here are natives.

use super::{args, bytes_of};
use crate::value::Value;
use crate::vm::NativeFn;

pub fn lookup(name: &str) -> Option<NativeFn> {
    Some(match name {
        "bytes.Contains" => |vm, g, n| {
            let a = args(g, n);
            let (x, y) = (bytes_of(vm, a.first().copied().unwrap_or_default()), bytes_of(vm, a.get(1).copied().unwrap_or_default()));
            g.stack.push(Value::Bool(y.is_empty() || x.windows(y.len()).any(|w| w == y)));
            Ok(())
        },
        "bytes.Count" => |vm, g, n| {
            let a = args(g, n);
            let (x, y) = (bytes_of(vm, a.first().copied().unwrap_or_default()), bytes_of(vm, a.get(1).copied().unwrap_or_default()));
            g.stack.push(Value::Int(super::strings::count(&x, &y)));
            Ok(())
        },
        "bytes.Equal" => |vm, g, n| {
            let a = args(g, n);
            let eq = bytes_of(vm, a.first().copied().unwrap_or_default()) == bytes_of(vm, a.get(1).copied().unwrap_or_default());
            g.stack.push(Value::Bool(eq));
            Ok(())
        },
        // Go's bytealg.IndexByte.
        "bytes.IndexByte" => |vm, g, n| {
            let a = args(g, n);
            let c = a.get(1).map_or(0, |v| v.int()) as u8;
            let at = bytes_of(vm, a.first().copied().unwrap_or_default()).iter().position(|&b| b == c);
            g.stack.push(Value::Int(at.map_or(-1, |i| i as i64)));
            Ok(())
        },
        _ => return None,
    })
}
