//! Index and slice expressions (go/types' index.go): arrays, slices,
//! strings, maps and pointers to arrays, with constant indices checked
//! against lengths.

use super::*;
use crate::ast::Expr;
use crate::constant::{self as k, Unrepresentable};
use crate::types::Type;
use num_traits::{Signed, ToPrimitive};
use super::expr::Operand;

impl<'a> Checker<'a> {
    pub(super) fn index_expr(&mut self, e: &'a Expr, xe: &'a Expr, ie: &'a Expr) -> Operand {
        let x = self.expr_or_type(xe);
        if x.is_invalid() {
            let _ = self.expr(ie, None);
            return x;
        }
        // A generic type's instance `List[int]` (in a conversion or a
        // composite literal's type).
        if x.mode == Mode::TypeExpr {
            let t = self.instantiated_type(e, xe, std::slice::from_ref(ie));
            self.record_type(e, t);
            return if self.tt.is_invalid(t) { Operand::invalid() } else { Operand { mode: Mode::TypeExpr, ty: t } };
        }
        // A generic function's instance `Sum[int64]`, or a generic
        // method's `b.Repeat[int]`.
        if let Some(x) = self.generic_func_value(e, xe, std::slice::from_ref(ie)) {
            return x;
        }
        if let Some(x) = self.generic_method_value(e, xe.unparen(), std::slice::from_ref(ie), x.ty) {
            return x;
        }
        if matches!(x.mode, Mode::Builtin(_)) {
            let s = crate::parser::expr_string(xe);
            self.error(xe.span, format!("{s} (built-in) must be called"));
            return Operand::invalid();
        }
        let mut x = x;
        if !self.single_value(&mut x, xe) {
            return Operand::invalid();
        }
        if self.tt.is_invalid(x.ty) {
            let _ = self.expr_or_type(ie);
            return Operand::invalid();
        }
        let (elem, length, mode) = match self.tt.under(x.ty).clone() {
            Type::Basic(bk) if bk.is_string() => {
                let len = x.konst().and_then(|v| v.as_bytes()).map(|s| s.len() as i64);
                let byte = self.tt.basic(BasicKind::Uint8);
                self.note_alias(e, Some("byte"), byte);
                (byte, len, Mode::Value)
            }
            Type::Slice(el) => (el, None, Mode::Variable),
            Type::Array(el, n) => (
                el,
                Some(n),
                if x.mode == Mode::Variable {
                    Mode::Variable
                } else {
                    Mode::Value
                },
            ),
            Type::Pointer(p) => match self.tt.under(p).clone() {
                Type::Array(el, n) => (el, Some(n), Mode::Variable),
                _ => {
                    let d = self.describe(&x, xe);
                    self.error(
                        Span {
                            start: xe.span.end,
                            end: xe.span.end + 1,
                        },
                        format!("cannot index {d}"),
                    );
                    return Operand::invalid();
                }
            },
            Type::Map(kt, vt) => {
                let mut k = self.expr(ie, Some(kt));
                if !k.is_invalid() && self.single_value(&mut k, ie) {
                    self.assign_operand(&mut k, ie, kt, "map index");
                }
                return Operand {
                    mode: Mode::MapIndex,
                    ty: vt,
                };
            }
            _ => {
                let d = self.describe(&x, xe);
                // Go reports at the `[`.
                self.error(
                    Span {
                        start: xe.span.end,
                        end: xe.span.end + 1,
                    },
                    format!("cannot index {d}"),
                );
                let _ = self.expr(ie, None);
                return Operand::invalid();
            }
        };
        let ix = self.index_value(ie, length);
        // Indexing a constant string with a constant index is not a constant
        // in Go, but is bounds-checked.
        if let (Some(Value::String(s)), Some(i)) = (x.konst(), ix) {
            let _ = (s, i);
        }
        Operand { mode, ty: elem }
    }

    /// Checks an index operand; returns its constant value if any.
    /// `x[A, B]`: an instantiation of a generic type or function.
    pub(super) fn index_list_expr(&mut self, e: &'a Expr, xe: &'a Expr, list: &'a [Expr]) -> Operand {
        if let Some(x) = self.generic_func_value(e, xe, list) {
            return x;
        }
        if matches!(xe.unparen().kind, crate::ast::ExprKind::Selector { .. }) {
            let x = self.expr_or_type(xe);
            if x.mode != Mode::TypeExpr
                && let Some(x) = self.generic_method_value(e, xe.unparen(), list, x.ty)
            {
                return x;
            }
        }
        let t = self.instantiated_type(e, xe, list);
        self.record_type(e, t);
        if self.tt.is_invalid(t) {
            return Operand::invalid();
        }
        Operand { mode: Mode::TypeExpr, ty: t }
    }

    pub(super) fn index_value(&mut self, ie: &'a Expr, length: Option<i64>) -> Option<i64> {
        let mut i = self.expr(ie, None);
        if i.is_invalid() || !self.single_value(&mut i, ie) {
            return None;
        }
        if let Mode::Constant(v) = &i.mode
            && self.tt.is_untyped(i.ty)
        {
            // go/types' isValidIndex: convertUntyped(x, int) reports.
            let int = self.tt.basic(BasicKind::Int);
            match k::represent(v, BasicKind::Int) {
                Ok(_) => {
                    self.convert_untyped(&mut i, ie, int);
                }
                Err(why) => {
                    let d = self.describe(&i, ie);
                    let msg = match why {
                        Unrepresentable::Truncated => format!("{d} truncated to int"),
                        Unrepresentable::Overflows => format!("{d} overflows int"),
                        Unrepresentable::Mismatch => format!("cannot convert {d} to type int"),
                    };
                    self.error(ie.span, msg);
                    return None;
                }
            }
        }
        if !self.tt.is_integer(i.ty) {
            let d = self.describe(&i, ie);
            self.error(
                ie.span,
                format!("invalid argument: index {d} must be integer"),
            );
            return None;
        }
        // Past i128 is past any length (and `int` reported it already).
        if let Some(Value::Int(n)) = i.konst() {
            let n = n.to_i128().unwrap_or(if n.is_negative() { -1 } else { i128::MAX });
            if n < 0 {
                let d = self.describe(&i, ie);
                self.error(
                    ie.span,
                    format!("invalid argument: index {d} must not be negative"),
                );
                return None;
            }
            if let Some(len) = length
                && n >= len as i128
            {
                let s = crate::parser::expr_string(ie);
                self.error(
                    ie.span,
                    format!("invalid argument: index {s} out of bounds [0:{len}]"),
                );
                return None;
            }
            return Some(n as i64);
        }
        None
    }

    pub(super) fn slice_expr(
        &mut self,
        e: &'a Expr,
        xe: &'a Expr,
        lo: Option<&'a Expr>,
        hi: Option<&'a Expr>,
        max: Option<&'a Expr>,
        full: bool,
    ) -> Operand {
        let mut x = self.expr(xe, None);
        if x.is_invalid() || !self.single_value(&mut x, xe) {
            return Operand::invalid();
        }
        let (result, length) = match self.tt.under(x.ty).clone() {
            Type::Basic(bk) if bk.is_string() => {
                if full {
                    self.error(
                        e.span,
                        "invalid operation: 3-index slice of string".to_string(),
                    );
                    return Operand::invalid();
                }
                let len = x.konst().and_then(|v| v.as_bytes()).map(|s| s.len() as i64);
                let t = if self.tt.is_untyped(x.ty) {
                    self.tt.basic(BasicKind::String)
                } else {
                    x.ty
                };
                (t, len)
            }
            Type::Slice(_) => (x.ty, None),
            Type::Array(el, n) => {
                if x.mode != Mode::Variable {
                    let d = self.describe(&x, xe);
                    self.error(
                        e.span,
                        format!("invalid operation: {d} (slice of unaddressable value)"),
                    );
                    return Operand::invalid();
                }
                self.mark_addressed(xe);
                (self.tt.slice(el), Some(n))
            }
            Type::Pointer(p) => match self.tt.under(p).clone() {
                Type::Array(el, n) => (self.tt.slice(el), Some(n)),
                _ => {
                    let d = self.describe(&x, xe);
                    self.error(xe.span, format!("cannot slice {d}"));
                    return Operand::invalid();
                }
            },
            _ => {
                let d = self.describe(&x, xe);
                self.error(xe.span, format!("cannot slice {d}"));
                return Operand::invalid();
            }
        };
        let cap = length.map(|l| l + 1);
        let mut vals: Vec<Option<i64>> = Vec::new();
        for ie in [lo, hi, max].into_iter().flatten() {
            vals.push(self.index_value(ie, cap));
        }
        // Constant indices must be non-decreasing.
        let known: Vec<(usize, i64)> = vals
            .iter()
            .enumerate()
            .filter_map(|(i, v)| v.map(|v| (i, v)))
            .collect();
        for w in known.windows(2) {
            if w[0].1 > w[1].1 {
                let idx: Vec<&Expr> = [lo, hi, max].into_iter().flatten().collect();
                if let Some(at) = idx.get(w[1].0) {
                    self.error(
                        at.span,
                        format!("invalid slice indices: {} < {}", w[1].1, w[0].1),
                    );
                }
                break;
            }
        }
        Operand::value(result)
    }
}
