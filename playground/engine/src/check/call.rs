//! Calls and conversions: argument counting and assignability with Go's
//! multi-line `have`/`want` messages, spreading a multi-value call over
//! the parameters, variadics, and `T(x)` conversions (constant-folded when
//! `x` is constant).

use super::expr::{Mode, Operand};
use super::*;
use crate::ast::{Expr, ExprKind};
use crate::constant::{self as k, Unrepresentable};
use crate::types::Type;

impl<'a> Checker<'a> {
    pub(super) fn call(
        &mut self,
        e: &'a Expr,
        fun: &'a Expr,
        args: &'a [Expr],
        ellipsis: Option<Span>,
    ) -> Operand {
        if let Some(x) = self.generic_call(e, fun, args, ellipsis) {
            return x;
        }
        if let Some(x) = self.generic_func_call(e, fun, args, ellipsis) {
            return x;
        }
        let f = self.expr_or_type(fun);
        match f.mode {
            Mode::Invalid => {
                for a in args {
                    let _ = self.expr_multi(a);
                }
                Operand::invalid()
            }
            Mode::TypeExpr => {
                let x = self.conversion(e, f.ty, args);
                let a = self.type_expr_alias(fun);
                self.note_alias(e, a, f.ty);
                x
            }
            Mode::Builtin(b) => {
                if self.recording() {
                    self.info.ex.calls.insert(e.id, CallKind::Builtin(b));
                }
                self.builtin_call(e, b, args, ellipsis)
            }
            _ => {
                let mut f = f;
                if !self.single_value(&mut f, fun) {
                    return Operand::invalid();
                }
                // A method with type parameters of its own (Go 1.27).
                if let Some(x) = self.generic_method_call(e, fun, &f, args, ellipsis) {
                    return x;
                }
                // An error made the callee's type invalid: stay quiet.
                if self.tt.is_invalid(f.ty) {
                    for a in args {
                        let _ = self.expr_multi(a);
                    }
                    return Operand::invalid();
                }
                let Some(sig) = self.tt.signature(f.ty).cloned() else {
                    let d = self.describe(&f, fun);
                    let ts = self.type_str(f.ty);
                    self.error(
                        e.span,
                        format!("invalid operation: cannot call {d}: {ts} is not a function"),
                    );
                    for a in args {
                        let _ = self.expr_multi(a);
                    }
                    return Operand::invalid();
                };
                let spread = self.arguments(e, fun, &sig, args, ellipsis);
                if self.recording() {
                    self.info.ex.calls.insert(
                        e.id,
                        CallKind::Call {
                            spread,
                            ellipsis: ellipsis.is_some(),
                        },
                    );
                }
                match sig.results.len() {
                    0 => {
                        let t = self.tt.tuple(vec![]);
                        Operand {
                            mode: Mode::NoValue,
                            ty: t,
                        }
                    }
                    1 => Operand::value(sig.results[0]),
                    _ => {
                        let t = self.tt.tuple(sig.results.clone());
                        Operand::value(t)
                    }
                }
            }
        }
    }

    /// Go's `typesSummary`: untyped numbers print as `number`.
    fn types_summary(&self, list: &[TypeId], variadic: bool, dots: bool) -> String {
        let mut parts = Vec::new();
        for (i, &t) in list.iter().enumerate() {
            let mut s = if self.tt.is_invalid(t) {
                "unknown type".to_string()
            } else if self.tt.is_untyped(t) {
                if self.tt.is_numeric(t) {
                    "number".to_string()
                } else {
                    self.type_str(t).replace("untyped ", "")
                }
            } else if variadic && i + 1 == list.len() {
                match self.tt.get(t) {
                    Type::Slice(el) => format!("...{}", self.type_str(*el)),
                    _ => self.type_str(t),
                }
            } else {
                self.type_str(t)
            };
            if dots && i + 1 == list.len() {
                s.push_str("...");
            }
            parts.push(s);
        }
        format!("({})", parts.join(", "))
    }

    /// Checks call arguments against a signature. Returns whether a
    /// multi-value call was spread over the parameters.
    fn arguments(
        &mut self,
        call: &'a Expr,
        fun: &'a Expr,
        sig: &crate::types::Signature,
        args: &'a [Expr],
        ellipsis: Option<Span>,
    ) -> bool {
        let fname = crate::parser::expr_string(fun);
        let context = format!("argument to {fname}");
        // f(g()) with g multi-valued.
        if args.len() == 1 && ellipsis.is_none() {
            let a = &args[0];
            if let ExprKind::Call { .. } = a.unparen().kind {
                let x = self.expr_multi(a);
                if x.is_invalid() {
                    return false;
                }
                if let Type::Tuple(ts) = self.tt.get(x.ty).clone()
                    && ts.len() != 1
                    && !(ts.is_empty() && x.mode == Mode::NoValue && sig.params.is_empty())
                {
                    if ts.is_empty() {
                        let s = crate::parser::expr_string(a);
                        self.error(a.span, format!("{s} (no value) used as value"));
                        return false;
                    }
                    self.check_arg_types(call, &fname, sig, &ts, args, &context, true);
                    return true;
                }
                let mut x = x;
                if !self.single_value(&mut x, a) {
                    return false;
                }
                self.check_args_ops(call, &fname, sig, vec![(x, a)], args, ellipsis, &context);
                return false;
            }
        }
        let mut ops = Vec::new();
        for (i, a) in args.iter().enumerate() {
            let hint = self.param_type(sig, i, ellipsis.is_some());
            let mut x = self.expr(a, hint);
            if !x.is_invalid() {
                self.single_value(&mut x, a);
            }
            ops.push((x, a));
        }
        self.check_args_ops(call, &fname, sig, ops, args, ellipsis, &context);
        false
    }

    /// The parameter type argument `i` is passed to (its element type for
    /// a variadic parameter's arguments, unless passed with `...`).
    pub(super) fn param_type(&self, sig: &crate::types::Signature, i: usize, dots: bool) -> Option<TypeId> {
        let n = sig.params.len();
        if sig.variadic && i + 1 >= n {
            let last = *sig.params.last()?;
            if dots {
                return Some(last);
            }
            return match self.tt.get(last) {
                Type::Slice(el) => Some(*el),
                _ => None,
            };
        }
        sig.params.get(i).copied()
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn check_args_ops(
        &mut self,
        call: &'a Expr,
        fname: &str,
        sig: &crate::types::Signature,
        mut ops: Vec<(Operand, &'a Expr)>,
        args: &'a [Expr],
        ellipsis: Option<Span>,
        context: &str,
    ) {
        let n = sig.params.len();
        let nargs = ops.len();
        if ellipsis.is_some() && !sig.variadic {
            self.error(
                call.span,
                format!("cannot use ... in call to non-variadic {fname}"),
            );
            return;
        }
        let count_ok = if sig.variadic && ellipsis.is_none() {
            nargs + 1 >= n
        } else {
            nargs == n
        };
        if !count_ok {
            if ops.iter().any(|(o, _)| o.is_invalid()) {
                return;
            }
            let have: Vec<TypeId> = ops.iter().map(|(o, _)| o.ty).collect();
            // With `...` the variadic slot takes exactly one argument, so
            // extra ones are "too many", as with a plain signature.
            let (qual, at) = if nargs > n && (!sig.variadic || ellipsis.is_some()) {
                ("too many", args.get(n).map(|a| a.span).unwrap_or(call.span))
            } else {
                (
                    "not enough",
                    args.last().map(|a| a.span).unwrap_or(call.span),
                )
            };
            let hs = self.types_summary(&have, false, ellipsis.is_some());
            let ws = self.types_summary(&sig.params, sig.variadic, false);
            self.error(
                at,
                format!("{qual} arguments in call to {fname}\n\thave {hs}\n\twant {ws}"),
            );
            return;
        }
        for (i, (x, a)) in ops.iter_mut().enumerate() {
            if x.is_invalid() {
                continue;
            }
            let Some(t) = self.param_type(sig, i, ellipsis.is_some()) else {
                continue;
            };
            self.assign_operand(x, a, t, context);
        }
    }

    /// Where Go reports a call with no arguments: its closing parenthesis.
    fn rparen_span(&self, call: &Expr) -> Span {
        Span {
            start: call.span.end.saturating_sub(1),
            end: call.span.end,
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn check_arg_types(
        &mut self,
        call: &'a Expr,
        fname: &str,
        sig: &crate::types::Signature,
        have: &[TypeId],
        args: &'a [Expr],
        context: &str,
        _spread: bool,
    ) {
        let n = sig.params.len();
        let ok = if sig.variadic {
            have.len() + 1 >= n
        } else {
            have.len() == n
        };
        if !ok {
            let qual = if have.len() > n {
                "too many"
            } else {
                "not enough"
            };
            let hs = self.types_summary(have, false, false);
            let ws = self.types_summary(&sig.params, sig.variadic, false);
            let at = args.first().map(|a| a.span).unwrap_or(call.span);
            self.error(
                at,
                format!("{qual} arguments in call to {fname}\n\thave {hs}\n\twant {ws}"),
            );
            return;
        }
        for (i, &t) in have.iter().enumerate() {
            let Some(p) = self.param_type(sig, i, false) else {
                continue;
            };
            if !self.tt.assignable(t, p) {
                let at = args.first().map(|a| a.span).unwrap_or(call.span);
                let (ts, ps) = (self.type_str(t), self.type_str(p));
                self.error(
                    at,
                    format!("cannot use {ts} value as {ps} value in {context}"),
                );
            }
        }
    }

    /// `T(x)`.
    fn conversion(&mut self, e: &'a Expr, t: TypeId, args: &'a [Expr]) -> Operand {
        let ts = self.type_str(t);
        if args.len() != 1 {
            for a in args {
                let _ = self.expr(a, None);
            }
            if args.is_empty() {
                self.error(
                    self.rparen_span(e),
                    format!("missing argument in conversion to {ts}"),
                );
            } else {
                self.error(
                    args[1].span,
                    format!("too many arguments in conversion to {ts}"),
                );
            }
            return Operand::invalid();
        }
        if self.recording() {
            self.info.ex.calls.insert(e.id, CallKind::Conversion(t));
        }
        let a = &args[0];
        let mut x = self.expr(a, Some(t));
        if x.is_invalid() || !self.single_value(&mut x, a) {
            return Operand::invalid();
        }
        // Constant conversions stay constant (for basic target types).
        if let Mode::Constant(v) = x.mode.clone()
            && let Some(bk) = self.tt.basic_kind(t).filter(|_| self.tt.is_const_type(t))
        {
            // integer -> string: the rune's UTF-8 encoding.
            if bk.is_string() && self.tt.is_integer(x.ty) {
                let s = v
                    .as_i128()
                    .and_then(|i| u32::try_from(i).ok())
                    .and_then(char::from_u32)
                    .unwrap_or('\u{FFFD}')
                    .to_string();
                let xs = x.ty;
                if self.tt.is_untyped(xs) {
                    let dt = self.default_type(xs);
                    self.convert_untyped(&mut x, a, dt);
                }
                return Operand {
                    mode: Mode::Constant(Value::String(s.into_bytes())),
                    ty: t,
                };
            }
            let compatible = (bk.is_numeric() && self.tt.is_numeric(x.ty))
                || (bk.is_string() && self.tt.is_string(x.ty))
                || (bk.is_boolean() && self.tt.is_boolean(x.ty));
            if compatible {
                match k::represent(&v, bk) {
                    Ok(nv) => {
                        // Float -> integer of a non-integral value is
                        // truncated, which Go rejects for constants.
                        if self.tt.is_untyped(x.ty) {
                            self.convert_untyped(&mut x, a, t);
                        }
                        return Operand {
                            mode: Mode::Constant(nv),
                            ty: t,
                        };
                    }
                    Err(why) => {
                        // Integer overflow gets a concise message
                        // (go.dev/issue/63563).
                        if why == Unrepresentable::Overflows
                            && self.tt.is_integer(x.ty)
                            && bk.is_integer()
                        {
                            let vs = v.go_string();
                            self.error(a.span, format!("constant {vs} overflows {ts}"));
                        } else {
                            // go/types' representableConst has already
                            // rounded an integral float to an integer:
                            // `1e20 (untyped float constant 100000000000000000000)`.
                            let mut shown = x.clone();
                            if bk.is_integer()
                                && let Some(i) = v.to_int()
                            {
                                shown.mode = Mode::Constant(Value::Int(i));
                            }
                            let d = self.describe(&shown, a);
                            self.error(a.span, format!("cannot convert {d} to type {ts}"));
                        }
                        return Operand::invalid();
                    }
                }
            }
        }
        let orig = x.clone();
        // Untyped operand: default/convert toward the target.
        if self.tt.is_untyped(x.ty) {
            let before = x.clone();
            let target = if self.tt.is_interface(t) || !self.tt.is_const_type(t) {
                None
            } else {
                Some(t)
            };
            let ok = match target {
                Some(tt) => self.convert_untyped(&mut x, a, tt),
                None => {
                    if before.mode == Mode::Nil
                        || matches!(self.tt.get(x.ty), Type::Basic(BasicKind::UntypedNil))
                    {
                        self.convert_untyped(&mut x, a, t)
                    } else {
                        let dt = self.default_type(x.ty);
                        self.convert_untyped(&mut x, a, dt)
                    }
                }
            };
            if !ok {
                let d = self.describe(&before, a);
                self.error(a.span, format!("cannot convert {d} to type {ts}"));
                return Operand::invalid();
            }
        }
        if !self.tt.convertible(x.ty, t) {
            let d = self.describe(
                if self.tt.is_untyped(orig.ty) {
                    &orig
                } else {
                    &x
                },
                a,
            );
            self.error(a.span, format!("cannot convert {d} to type {ts}"));
            return Operand::invalid();
        }
        Operand::value(t)
    }
}
