//! `Print`/`Sprint` and `Println`/`Sprintln` spacing rules, and the
//! runtime's own `print`/`println` builtins, which format differently
//! from fmt (shortest `%g`-like floats, hex pointers, `[len/cap]0x..`
//! slices, `(0x..,0x..)` interfaces, no spaces between `print` operands).

use super::float::{format_complex, format_float};
use super::printf::Printer;
use super::value::FmtValue;

impl Printer {
    /// `doPrint`: a space between operands when neither side is a string.
    pub(crate) fn do_print(&mut self, a: &[FmtValue]) {
        let mut prev_string = false;
        for (n, arg) in a.iter().enumerate() {
            let is_string = matches!(arg.base(), FmtValue::Str { .. });
            if n > 0 && !is_string && !prev_string {
                self.buf.push(b' ');
            }
            self.print_arg(arg, 'v' as u32);
            prev_string = is_string;
        }
    }

    /// `doPrintln`: always a space between operands, then a newline.
    pub(crate) fn do_println(&mut self, a: &[FmtValue]) {
        for (n, arg) in a.iter().enumerate() {
            if n > 0 {
                self.buf.push(b' ');
            }
            self.print_arg(arg, 'v' as u32);
        }
        self.buf.push(b'\n');
    }
}

/// An operand of the `print`/`println` builtins.
#[derive(Clone, Debug, PartialEq)]
pub enum PrintArg {
    /// A value of a basic, pointer, channel, map, func or slice type.
    Value(FmtValue),
    /// An interface value: the runtime prints its two words,
    /// `(0x0,0x0)` for nil.
    Iface { type_word: u64, data_word: u64 },
}

fn push_hex(out: &mut Vec<u8>, v: u64) {
    out.extend_from_slice(format!("0x{v:x}").as_bytes());
}

fn push_builtin_value(out: &mut Vec<u8>, v: &FmtValue) {
    match v.base() {
        FmtValue::Nil { .. } => out.extend_from_slice(b"(0x0,0x0)"),
        FmtValue::Bool { v, .. } => out.extend_from_slice(if *v { b"true" } else { b"false" }),
        FmtValue::Int { v, .. } => out.extend_from_slice(v.to_string().as_bytes()),
        FmtValue::Uint { v, .. } => out.extend_from_slice(v.to_string().as_bytes()),
        FmtValue::Float { v, bits, .. } => out.extend(format_float(
            *v,
            b'g',
            -1,
            if *bits == 32 { 32 } else { 64 },
        )),
        FmtValue::Complex { re, im, bits, .. } => out.extend(format_complex(
            *re,
            *im,
            b'g',
            -1,
            if *bits == 64 { 64 } else { 128 },
        )),
        FmtValue::Str { v, .. } => out.extend_from_slice(v),
        FmtValue::Slice {
            nil,
            addr,
            cap,
            elems,
            ..
        } => {
            out.extend_from_slice(format!("[{}/{}]", elems.len(), cap).as_bytes());
            push_hex(out, if *nil { 0 } else { *addr });
        }
        FmtValue::Map { nil, addr, .. } => push_hex(out, if *nil { 0 } else { *addr }),
        FmtValue::Pointer { addr, .. }
        | FmtValue::Chan { addr, .. }
        | FmtValue::Func { addr, .. } => push_hex(out, *addr),
        // Not printable by the builtins (the checker rejects them); print
        // something harmless rather than fail.
        FmtValue::Struct { .. } | FmtValue::Array { .. } | FmtValue::WithMethods { .. } => {
            out.extend_from_slice(b"?")
        }
    }
}

/// The `print` (`newline == false`) and `println` builtins: their output,
/// which the runtime writes to standard error.
pub fn builtin_print(args: &[PrintArg], newline: bool) -> Vec<u8> {
    let mut out = Vec::new();
    for (n, a) in args.iter().enumerate() {
        if newline && n > 0 {
            out.push(b' ');
        }
        match a {
            PrintArg::Value(v) => push_builtin_value(&mut out, v),
            PrintArg::Iface {
                type_word,
                data_word,
            } => {
                out.push(b'(');
                push_hex(&mut out, *type_word);
                out.push(b',');
                push_hex(&mut out, *data_word);
                out.push(b')');
            }
        }
    }
    if newline {
        out.push(b'\n');
    }
    out
}
