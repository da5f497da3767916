//! `io`: its error values (`EOF`, `ErrUnexpectedEOF`), one per run.

use super::package_error;
use crate::vm::NativeFn;

pub fn lookup(name: &str) -> Option<NativeFn> {
    Some(match name {
        "io.EOF" => |vm, g, _n| {
            let e = package_error(vm, super::SCRATCH_IO_EOF, b"EOF")?;
            g.stack.push(e);
            Ok(())
        },
        "io.ErrUnexpectedEOF" => |vm, g, _n| {
            let e = package_error(vm, super::SCRATCH_IO_UNEXPECTED_EOF, b"unexpected EOF")?;
            g.stack.push(e);
            Ok(())
        },
        _ => return None,
    })
}
