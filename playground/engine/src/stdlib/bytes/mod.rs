//! `bytes`: `Buffer` (the same buffer as `strings.Builder`, whose natives
//! it calls) and the functions over byte slices.

use super::strings::{builder_bytes, builder_field, builder_len, builder_reset, builder_string, builder_write, builder_write_byte, builder_write_rune, builder_write_string};
use super::{args, bytes_of};
use crate::value::Value;
use crate::vm::NativeFn;

pub fn lookup(name: &str) -> Option<NativeFn> {
    Some(match name {
        "bytes.(*Buffer).Bytes" => |vm, g, n| {
            let a = args(g, n);
            let field = builder_field(vm, a.first().copied().unwrap_or_default());
            let b = builder_bytes(vm, field);
            let v = super::append_to_bytes(vm, Value::Nil, &b)?;
            g.stack.push(v);
            Ok(())
        },
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
        "bytes.(*Buffer).WriteString" => builder_write_string,
        "bytes.(*Buffer).WriteByte" => builder_write_byte,
        "bytes.(*Buffer).WriteRune" => builder_write_rune,
        "bytes.(*Buffer).Write" => builder_write,
        "bytes.(*Buffer).String" => builder_string,
        "bytes.(*Buffer).Len" => builder_len,
        "bytes.(*Buffer).Reset" => builder_reset,
        _ => return None,
    })
}
