//! Untyped constants and assignability (go/types' `assignableTo`,
//! `convertUntyped`, `defaultType`): what an operand becomes where a typed
//! value is wanted, and whether it may be assigned there.

use super::*;
use crate::ast::{BinaryOp, Expr, ExprKind};
use crate::constant::{self as k, Unrepresentable};
use crate::types::Type;
use super::expr::Operand;

impl<'a> Checker<'a> {
    /// The default type of an untyped operand (`x := 1` gives int).
    pub(super) fn default_type(&self, t: TypeId) -> TypeId {
        match self.tt.get(t) {
            Type::Basic(BasicKind::UntypedBool) => self.tt.basic(BasicKind::Bool),
            Type::Basic(BasicKind::UntypedInt) => self.tt.basic(BasicKind::Int),
            Type::Basic(BasicKind::UntypedRune) => self.tt.basic(BasicKind::Int32),
            Type::Basic(BasicKind::UntypedFloat) => self.tt.basic(BasicKind::Float64),
            Type::Basic(BasicKind::UntypedComplex) => self.tt.basic(BasicKind::Complex128),
            Type::Basic(BasicKind::UntypedString) => self.tt.basic(BasicKind::String),
            _ => t,
        }
    }

    /// Gives an untyped operand its default type for a declaration without
    /// type (`x := v`); reports `use of untyped nil`.
    pub(super) fn default_operand(
        &mut self,
        x: &mut Operand,
        e: &'a Expr,
        context: &str,
    ) -> TypeId {
        if x.mode == Mode::Nil || matches!(self.tt.get(x.ty), Type::Basic(BasicKind::UntypedNil)) {
            self.error(e.span, format!("use of untyped nil in {context}"));
            return TypeId(0);
        }
        let t = self.default_type(x.ty);
        if matches!(self.tt.get(x.ty), Type::Basic(BasicKind::UntypedRune)) {
            self.note_alias(e, Some("rune"), t);
        }
        // A constant that its default type cannot hold (`_ = 1 << 100`)
        // is reported as Go's `assignment` does.
        if t != x.ty && !self.assign_operand(x, e, t, context) {
            return TypeId(0);
        }
        x.ty
    }

    /// Converts an untyped operand to type `t` (recording the final type on
    /// the expression tree); on failure reports and invalidates.
    /// Returns false when the value is not representable / compatible.
    pub(super) fn convert_untyped(&mut self, x: &mut Operand, e: &'a Expr, t: TypeId) -> bool {
        if !self.tt.is_untyped(x.ty) || self.tt.is_invalid(t) {
            return true;
        }
        let target = if self.tt.is_interface(t) {
            // An untyped value assigned to an interface gets its default type.
            if matches!(self.tt.get(x.ty), Type::Basic(BasicKind::UntypedNil)) {
                self.update_untyped(e, t);
                x.ty = t;
                return true;
            }
            self.default_type(x.ty)
        } else {
            t
        };
        let xk = self.tt.basic_kind(x.ty).unwrap_or(BasicKind::Invalid);
        if xk == BasicKind::UntypedNil {
            if !self.tt.has_nil(target) {
                return false;
            }
            self.update_untyped(e, target);
            x.ty = target;
            return true;
        }
        // A type parameter: representable in every type of its type set;
        // the result is a value of the type parameter, not a constant.
        if self.tt.is_type_param(target) {
            let Some(terms) = self.tt.type_set(target).terms else { return false };
            for term in terms {
                let mut y = x.clone();
                let saved = self.quiet;
                self.quiet = 1;
                let ok = self.untyped_fits(&mut y, xk, term.ty);
                self.quiet = saved;
                if !ok {
                    return false;
                }
            }
            x.mode = Mode::Value;
            x.ty = target;
            self.update_untyped(e, target);
            return true;
        }
        let Some(tk) = self.tt.basic_kind(target) else {
            return false;
        };
        let compatible = match xk {
            BasicKind::UntypedBool => tk.is_boolean(),
            BasicKind::UntypedString => tk.is_string(),
            BasicKind::UntypedInt
            | BasicKind::UntypedRune
            | BasicKind::UntypedFloat
            | BasicKind::UntypedComplex => tk.is_numeric(),
            _ => false,
        };
        if !compatible {
            return false;
        }
        if let Mode::Constant(v) = &x.mode {
            match k::represent(v, tk) {
                Ok(nv) => {
                    x.mode = Mode::Constant(nv.clone());
                    self.record_const(e, &nv);
                }
                Err(why) => {
                    self.not_representable = Some(why);
                    return false;
                }
            }
        }
        x.ty = target;
        self.update_untyped(e, target);
        true
    }

    /// Whether untyped operand `x` (of kind `xk`) converts to type `t`.
    fn untyped_fits(&mut self, x: &mut Operand, xk: BasicKind, t: TypeId) -> bool {
        let Some(tk) = self.tt.basic_kind(t) else { return false };
        let compatible = match xk {
            BasicKind::UntypedBool => tk.is_boolean(),
            BasicKind::UntypedString => tk.is_string(),
            BasicKind::UntypedInt | BasicKind::UntypedRune | BasicKind::UntypedFloat | BasicKind::UntypedComplex => tk.is_numeric(),
            _ => false,
        };
        if !compatible {
            return false;
        }
        match &x.mode {
            Mode::Constant(v) => k::represent(v, tk).is_ok(),
            _ => true,
        }
    }

    /// Records the final type of an untyped expression tree.
    pub(super) fn update_untyped(&mut self, e: &Expr, t: TypeId) {
        if !self.recording() {
            return;
        }
        let mut stack = vec![e];
        let mut n = 0;
        while let Some(e) = stack.pop() {
            n += 1;
            if n > 10_000 {
                break;
            }
            let Some(&old) = self.info.ex.types.get(&e.id) else {
                continue;
            };
            if !self.tt.is_untyped(old) {
                continue;
            }
            self.info.ex.types.insert(e.id, t);
            match &e.kind {
                ExprKind::Paren(x) => stack.push(x),
                ExprKind::Unary { x, .. } => stack.push(x),
                ExprKind::Binary { op, x, y } => {
                    use BinaryOp::*;
                    match op {
                        Eql | Neq | Lss | Leq | Gtr | Geq => {}
                        Shl | Shr => stack.push(x),
                        _ => {
                            stack.push(x);
                            stack.push(y);
                        }
                    }
                }
                _ => {}
            }
        }
    }

    /// Type `t` as go/types prints the target of an assignment in
    /// `context`: a variable declaration's type as the declaration spells
    /// it (`byte`, `rune`: `var b byte = 300`).
    fn declared_type_str(&self, t: TypeId, context: &str) -> String {
        match self.decl_alias {
            Some(a) if context == "variable declaration" && self.alias_fits(a, t) => a.to_string(),
            _ => self.type_str(t),
        }
    }

    /// Checks that `x` can be assigned to type `t` in `context`
    /// (`assignment`, `variable declaration`, `argument to f`, ...),
    /// converting untyped operands; reports Go's message otherwise.
    pub(super) fn assign_operand(
        &mut self,
        x: &mut Operand,
        e: &'a Expr,
        t: TypeId,
        context: &str,
    ) -> bool {
        if x.is_invalid() || self.tt.is_invalid(t) {
            return false;
        }
        // An untyped constant assigned to an interface first takes its
        // default type (Go then describes it as `5 (constant of type int)`).
        if self.tt.is_untyped(x.ty)
            && self.tt.is_interface(t)
            && x.mode != Mode::Nil
            && !matches!(self.tt.get(x.ty), Type::Basic(BasicKind::UntypedNil))
        {
            let dt = self.default_type(x.ty);
            if !self.convert_untyped(x, e, dt) {
                let d = self.describe(x, e);
                let ds = self.type_str(dt);
                self.error(
                    e.span,
                    format!("cannot use {d} as {ds} value in {context} (overflows)"),
                );
                *x = Operand::invalid();
                return false;
            }
        }
        if self.tt.is_untyped(x.ty) {
            let before = x.clone();
            self.not_representable = None;
            if !self.convert_untyped(x, e, t) {
                let d = self.describe(&before, e);
                let shown = if self.tt.is_interface(t) {
                    self.default_type(before.ty)
                } else {
                    t
                };
                let ts = if shown == t { self.declared_type_str(t, context) } else { self.type_str(shown) };
                if before.mode == Mode::Nil
                    || matches!(self.tt.get(before.ty), Type::Basic(BasicKind::UntypedNil))
                {
                    self.error(e.span, format!("cannot use nil as {ts} value in {context}"));
                } else {
                    match self.not_representable.take() {
                        Some(Unrepresentable::Overflows) => self.error(
                            e.span,
                            format!("cannot use {d} as {ts} value in {context} (overflows)"),
                        ),
                        Some(Unrepresentable::Truncated) => self.error(
                            e.span,
                            format!("cannot use {d} as {ts} value in {context} (truncated)"),
                        ),
                        _ => {
                            self.error(e.span, format!("cannot use {d} as {ts} value in {context}"))
                        }
                    }
                }
                *x = Operand::invalid();
                return false;
            }
        }
        if self.tt.is_interface(t) {
            self.resolve_methods(x.ty);
        }
        if self.tt.assignable(x.ty, t) {
            return true;
        }
        let d = self.describe(x, e);
        let ts = self.declared_type_str(t, context);
        let mut msg = format!("cannot use {d} as {ts} value in {context}");
        if self.tt.is_interface(t) && !self.tt.is_interface(x.ty) {
            if let Err(why) = self.tt.implements(x.ty, t, TypeStyle::Checker) {
                msg.push_str(&format!(
                    ": {} does not implement {ts} {why}",
                    self.type_str(x.ty)
                ));
            }
        } else if self.tt.is_interface(t)
            && self.tt.is_interface(x.ty)
            && let Err(why) = self.tt.implements(x.ty, t, TypeStyle::Checker)
        {
            msg.push_str(&format!(
                ": {} does not implement {ts} {why}",
                self.type_str(x.ty)
            ));
        }
        self.error(e.span, msg);
        false
    }
}
