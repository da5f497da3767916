//! The generic functions of the standard library the playground offers
//! (`slices.Sort`, `sync.OnceValue`...), typed per call: the engine has no
//! generics, so each is instantiated here from its first argument's type
//! (which fixes every type parameter of these functions), and the call
//! compiles as an ordinary native call of the instantiated signature.
//! Natives that must treat element types differently get a suffix on
//! their name (`slices.Sort.s` for strings): `.i` signed integers, `.u`
//! unsigned, `.f` floats, `.s` strings, none when only `==` is needed.

use super::expr::Operand;
use super::*;
use crate::ast::{Expr, ExprKind};
use crate::types::Type;

/// What constrains the element type.
#[derive(Clone, Copy, PartialEq)]
enum Need {
    Any,
    Comparable,
    Ordered,
}

impl<'a> Checker<'a> {
    /// `pkg.F(args)` for a generic stdlib function: `Some` with the call's
    /// operand when `fun` names one (the call is then fully checked).
    pub(super) fn generic_call(&mut self, e: &'a Expr, fun: &'a Expr, args: &'a [Expr], ellipsis: Option<Span>) -> Option<Operand> {
        let (pkg, sel) = match &fun.kind {
            ExprKind::Selector { x, sel } => {
                let ExprKind::Ident(pname) = &x.kind else { return None };
                let o = self.lookup(pname)?;
                let ObjKind::PkgName { pkg, .. } = self.obj(o).kind else { return None };
                if pkg == usize::MAX || !is_generic(&self.pkgs[pkg].path, &sel.name) {
                    return None;
                }
                let _ = self.use_obj(x, o);
                (pkg, sel)
            }
            // `Sort(s)` in the library Go of package slices itself
            // (`slices.Sorted`).
            ExprKind::Ident(name) if is_generic(&self.pkgs[self.cur_pkg].path, name) && !self.pkgs[self.cur_pkg].user => {
                (self.cur_pkg, &ast::Name { name: name.clone(), span: fun.span })
            }
            _ => return None,
        };
        let path = self.pkgs[pkg].path.clone();
        let fname = format!("{}.{}", self.pkgs[pkg].name, sel.name);
        let Some(a0) = args.first() else {
            self.error(e.span, format!("not enough arguments in call to {fname}\n\thave ()"));
            return Some(Operand::invalid());
        };
        let mut x0 = self.expr(a0, None);
        if x0.is_invalid() || !self.single_value(&mut x0, a0) {
            for a in &args[1..] {
                let _ = self.expr(a, None);
            }
            return Some(Operand::invalid());
        }
        let Some((sig, suffix)) = self.instantiate(&path, &sel.name, x0.ty, a0, &fname, fun.span.end) else {
            for a in &args[1..] {
                let _ = self.expr(a, None);
            }
            return Some(Operand::invalid());
        };
        let mut ops = vec![(x0, a0)];
        for (i, a) in args.iter().enumerate().skip(1) {
            let hint = match sig.variadic && i + 1 >= sig.params.len() {
                true if ellipsis.is_none() => match self.tt.get(sig.params[sig.params.len() - 1]) {
                    Type::Slice(el) => Some(*el),
                    _ => None,
                },
                _ => sig.params.get(i).copied(),
            };
            let mut x = self.expr(a, hint);
            if !x.is_invalid() {
                self.single_value(&mut x, a);
            }
            ops.push((x, a));
        }
        let context = format!("argument to {fname}");
        self.check_args_ops(e, &fname, &sig, ops, args, ellipsis, &context);
        let fty = self.tt.func(sig.params.clone(), sig.results.clone(), sig.variadic);
        if self.recording() {
            self.info.ex.calls.insert(e.id, CallKind::Call { spread: false, ellipsis: ellipsis.is_some() });
            self.info.ex.uses.insert(fun.id, Use::Func(FuncRef::Native(format!("{path}.{}{suffix}", sel.name))));
        }
        self.record_type(fun, fty);
        Some(match sig.results.len() {
            0 => Operand { mode: super::expr::Mode::NoValue, ty: self.tt.tuple(vec![]) },
            1 => Operand::value(sig.results[0]),
            _ => Operand::value(self.tt.tuple(sig.results.clone())),
        })
    }

    /// The signature of `path.name` instantiated from its first argument's
    /// type `t`, and the native name's suffix; reports a mismatch.
    fn instantiate(&mut self, path: &str, name: &str, t: TypeId, a0: &Expr, fname: &str, lparen: u32) -> Option<(crate::types::Signature, String)> {
        use crate::types::Signature;
        let sig = |params: Vec<TypeId>, results: Vec<TypeId>| Signature { params, results, variadic: false };
        let int = self.tt.basic(BasicKind::Int);
        let boolean = self.tt.basic(BasicKind::Bool);
        if path == "cmp" {
            // Compare[T cmp.Ordered](x, y T) int; Less(x, y T) bool.
            if !self.tt.is_ordered(t) {
                let at = Span { start: lparen, end: lparen + 1 };
                let ts = self.type_str(t);
                self.error(at, format!("{ts} does not satisfy cmp.Ordered ({ts} missing in ~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr | ~float32 | ~float64 | ~string)"));
                return None;
            }
            let result = if name == "Less" { boolean } else { int };
            return Some((sig(vec![t, t], vec![result]), self.ordered_suffix(t).to_string()));
        }
        // slices: S ~[]E from the first argument.
        let elem = match self.tt.under(t) {
            Type::Slice(el) => Some(*el),
            _ => None,
        };
        let Some(el) = elem else {
            let ts = self.type_str(t);
            self.error(a0.span, format!("in call to {fname}, S (type {ts}) does not satisfy ~[]E"));
            return None;
        };
        let need = match name {
            "Sort" | "Max" | "Min" | "BinarySearch" | "IsSorted" => Need::Ordered,
            "Contains" | "Index" | "Equal" | "Compact" => Need::Comparable,
            _ => Need::Any,
        };
        let ok = match need {
            Need::Any => true,
            Need::Comparable => self.tt.comparable(el),
            Need::Ordered => self.tt.is_ordered(el),
        };
        if !ok {
            // types2 reports at the call's `(`, the end of the function name.
            let at = Span { start: lparen, end: lparen + 1 };
            let es = self.type_str(el);
            let msg = if need == Need::Ordered {
                format!("{es} does not satisfy cmp.Ordered ({es} missing in ~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr | ~float32 | ~float64 | ~string)")
            } else {
                format!("{es} does not satisfy comparable")
            };
            self.error(at, msg);
            return None;
        }
        let suffix = match need {
            Need::Ordered => self.ordered_suffix(el),
            _ => "",
        };
        let pred = self.tt.func(vec![el], vec![boolean], false);
        let cmp = self.tt.func(vec![el, el], vec![int], false);
        let s = match name {
            "Sort" | "Reverse" => sig(vec![t], vec![]),
            "IsSorted" => sig(vec![t], vec![boolean]),
            "SortFunc" | "SortStableFunc" => sig(vec![t, cmp], vec![]),
            "Contains" => sig(vec![t, el], vec![boolean]),
            "Index" => sig(vec![t, el], vec![int]),
            "ContainsFunc" => sig(vec![t, pred], vec![boolean]),
            "IndexFunc" => sig(vec![t, pred], vec![int]),
            "Max" | "Min" => sig(vec![t], vec![el]),
            "Equal" => sig(vec![t, t], vec![boolean]),
            "Clone" | "Compact" => sig(vec![t], vec![t]),
            "BinarySearch" => sig(vec![t, el], vec![int, boolean]),
            "Insert" => {
                let rest = self.tt.slice(el);
                Signature { params: vec![t, int, rest], results: vec![t], variadic: true }
            }
            _ => sig(vec![t, int, int], vec![t]), // Delete
        };
        Some((s, suffix.to_string()))
    }
}

impl Checker<'_> {
    /// The native name suffix for an ordered type (see the module doc).
    fn ordered_suffix(&self, t: TypeId) -> &'static str {
        if self.tt.is_string(t) {
            ".s"
        } else if self.tt.is_float(t) {
            ".f"
        } else if self.tt.is_unsigned(t) {
            ".u"
        } else {
            ".i"
        }
    }
}

/// The generic stdlib functions [`Checker::generic_call`] types.
pub fn is_generic(path: &str, name: &str) -> bool {
    match path {
        "cmp" => matches!(name, "Compare" | "Less"),
        "slices" => matches!(
            name,
            "Sort"
                | "SortFunc"
                | "SortStableFunc"
                | "IsSorted"
                | "Contains"
                | "ContainsFunc"
                | "Index"
                | "IndexFunc"
                | "Max"
                | "Min"
                | "Reverse"
                | "Equal"
                | "Clone"
                | "Compact"
                | "BinarySearch"
                | "Insert"
                | "Delete"
        ),
        _ => false,
    }
}
