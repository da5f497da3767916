//! Go's `fmt` and `strconv` formatting, byte for byte, as a self-contained
//! module: the VM converts its values into [`FmtValue`]s and calls
//! [`sprintf`], [`sprint`], [`sprintln`], [`errorf`] or [`builtin_print`]
//! (or their `try_*` forms, which ask for method results lazily: see
//! [`MethodCall`]). strconv's conversions are here too.
//!
//! Files: `value.rs` (the value description), `printf.rs` (verbs, flags,
//! bad-verb forms, per-kind printing), `print.rs` (Print/Println spacing and
//! the print/println builtins), `int.rs`, `float.rs`, `quote.rs`,
//! `strconv.rs`, `sort.rs` (map key order), `isprint_table.rs` (generated).
//! Behaviour is checked against real Go by `tests.rs`, whose expectations
//! come from `testdata/cases.go` (see the note at the top of that file).

mod float;
mod int;
mod isprint_table;
mod print;
mod printf;
mod quote;
mod sort;
mod strconv;
pub mod time;
mod value;

#[cfg(test)]
mod tests;

pub use float::{format_complex, format_float, shortest};
pub use quote::{decode_rune, push_rune, quote, quote_rune, quote_to_ascii, rune_count, unquote};
pub use strconv::{NumErrKind, NumError, atoi, format_int, format_uint, parse_bool, parse_complex, parse_float, parse_int, parse_uint};
// What only the tests reach today: strconv functions no native calls yet.
#[cfg(test)]
use quote::{can_backquote, is_print, quote_rune_to_ascii, quoted_prefix};
#[cfg(test)]
use strconv::{format_bool, itoa};
pub use value::{Field, FmtValue, MethodCall, MethodName, MethodResult, Methods};

use printf::Printer;

/// `fmt.Sprintf` (and the text of `Printf`/`Fprintf`). Method results
/// still `Pending` print as empty text; use [`try_sprintf`] with them.
#[cfg(test)]
pub fn sprintf(format: &[u8], args: &[FmtValue]) -> Vec<u8> {
    let mut p = Printer::default();
    p.do_printf(format, args);
    p.buf
}

/// `fmt.Sprint` (and the text of `Print`).
#[cfg(test)]
pub fn sprint(args: &[FmtValue]) -> Vec<u8> {
    let mut p = Printer::default();
    p.do_print(args);
    p.buf
}

/// `fmt.Sprintln` (and the text of `Println`).
#[cfg(test)]
pub fn sprintln(args: &[FmtValue]) -> Vec<u8> {
    let mut p = Printer::default();
    p.do_println(args);
    p.buf
}

fn finish(p: Printer) -> Result<Vec<u8>, Vec<MethodCall>> {
    if p.need.is_empty() {
        Ok(p.buf)
    } else {
        Err(p.need)
    }
}

/// [`sprintf`], or the pending method calls the output needs, in Go's call order.
pub fn try_sprintf(format: &[u8], args: &[FmtValue]) -> Result<Vec<u8>, Vec<MethodCall>> {
    let mut p = Printer::default();
    p.do_printf(format, args);
    finish(p)
}

/// [`sprint`], or the pending method calls the output needs, in Go's call order.
pub fn try_sprint(args: &[FmtValue]) -> Result<Vec<u8>, Vec<MethodCall>> {
    let mut p = Printer::default();
    p.do_print(args);
    finish(p)
}

/// [`sprintln`], or the pending method calls the output needs, in Go's call order.
pub fn try_sprintln(args: &[FmtValue]) -> Result<Vec<u8>, Vec<MethodCall>> {
    let mut p = Printer::default();
    p.do_println(args);
    finish(p)
}

/// What `fmt.Errorf` builds, for the VM to turn into an error value.
#[derive(Clone, Debug, PartialEq)]
pub struct ErrorfResult {
    /// The message (`Error()` text).
    pub text: Vec<u8>,
    pub wrapped: Wrapped,
}

/// Which arguments an `Errorf` error wraps (for `errors.Unwrap/Is/As`).
#[derive(Clone, Debug, PartialEq)]
pub enum Wrapped {
    /// No `%w`: an `*errors.errorString`.
    None,
    /// One `%w`: a `*fmt.wrapError` whose `Unwrap()` returns this argument
    /// (`None` if the argument is not an error: Unwrap returns nil).
    One(Option<usize>),
    /// Several `%w`: a `*fmt.wrapErrors` whose `Unwrap() []error` returns
    /// these arguments, in order.
    Many(Vec<usize>),
}

impl Wrapped {
    /// The dynamic type of the resulting error, as `%T` prints it.
    #[cfg(test)]
    pub fn type_name(&self) -> &'static str {
        match self {
            Wrapped::None => "*errors.errorString",
            Wrapped::One(_) => "*fmt.wrapError",
            Wrapped::Many(_) => "*fmt.wrapErrors",
        }
    }
}

fn is_error(v: &FmtValue) -> bool {
    v.methods().is_some_and(|m| m.error.is_some())
}

/// `fmt.Errorf`: `%w` formats like `%v` for error operands and records them.
#[cfg(test)]
pub fn errorf(format: &[u8], args: &[FmtValue]) -> ErrorfResult {
    errorf_inner(format, args).0
}

/// [`errorf`], or the pending method calls the message needs.
pub fn try_errorf(format: &[u8], args: &[FmtValue]) -> Result<ErrorfResult, Vec<MethodCall>> {
    match errorf_inner(format, args) {
        (r, need) if need.is_empty() => Ok(r),
        (_, need) => Err(need),
    }
}

fn errorf_inner(format: &[u8], args: &[FmtValue]) -> (ErrorfResult, Vec<MethodCall>) {
    if args.is_empty() && !format.contains(&b'%') {
        let r = ErrorfResult {
            text: format.to_vec(),
            wrapped: Wrapped::None,
        };
        return (r, Vec::new());
    }
    let mut p = Printer::default();
    p.wrap_errs = true;
    p.do_printf(format, args);
    let mut w = std::mem::take(&mut p.wrapped_errs);
    let wrapped = match w.len() {
        0 => Wrapped::None,
        1 => Wrapped::One(
            w.first()
                .copied()
                .filter(|&i| args.get(i).is_some_and(is_error)),
        ),
        _ => {
            // Go sorts only when argument indexes were used; it always
            // drops adjacent duplicates and non-error operands.
            if p.reordered() {
                w.sort_unstable();
            }
            let mut out: Vec<usize> = Vec::new();
            for (k, &i) in w.iter().enumerate() {
                if k > 0 && w[k - 1] == i {
                    continue;
                }
                if args.get(i).is_some_and(is_error) {
                    out.push(i);
                }
            }
            Wrapped::Many(out)
        }
    };
    let r = ErrorfResult {
        text: p.buf,
        wrapped,
    };
    (r, p.need)
}
