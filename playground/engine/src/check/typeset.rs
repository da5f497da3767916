//! Type parameters and their constraints (go/types' `TypeParam`,
//! `TypeParamList`, `typeset.go`, `union.go`): declaring a type parameter
//! list, and the type set of a constraint — its methods, its terms
//! (`~int | ~float64`) and whether it demands `comparable`.

use super::*;
use crate::ast::{BinaryOp, Expr, ExprKind, UnaryOp};
use crate::types::{IfaceMethod, Term, Type, TypeSet};

impl<'a> Checker<'a> {
    /// Declares a type parameter list in the current scope: every name
    /// first, then the constraints, which may mention them
    /// (`[S ~[]E, E any]`).
    pub(super) fn declare_type_params(&mut self, list: &'a [ast::Field]) -> Vec<TypeId> {
        let mut tparams = Vec::new();
        for f in list {
            for n in &f.names {
                let tp = self.tt.new_type_param(&n.name, TypeId(0));
                let o = self.new_obj(&n.name, ObjKind::TypeName, tp, n.span, DeclRef::None);
                self.obj_mut(o).state = State::Done;
                self.obj_mut(o).used = true;
                self.declare(&n.name, o, n.span);
                tparams.push(tp);
            }
        }
        let mut i = 0;
        for f in list {
            let c = self.constraint_expr(&f.ty);
            for _ in &f.names {
                if let Some(&tp) = tparams.get(i)
                    && let Type::TypeParam(k) = self.tt.get(tp)
                {
                    let k = *k as usize;
                    self.tt.tparams[k].constraint = c;
                }
                i += 1;
            }
        }
        tparams
    }

    /// Declares, in a new scope, the type parameters a generic function or
    /// method uses: its own list, or its receiver's (`func (s *List[T])`
    /// binds `T` to `List`'s type parameter). Returns whether a scope was
    /// opened.
    pub(super) fn open_tparam_scope(&mut self, o: ObjId, f: &'a ast::FuncDecl) -> bool {
        if f.recv.is_none() && !f.tparams.is_empty() {
            let tps = self.generic_funcs.get(&o).map(|g| g.tparams.clone());
            self.open_scope();
            match tps {
                Some(tps) => {
                    let names = f.tparams.iter().flat_map(|fl| &fl.names);
                    for (n, tp) in names.zip(tps) {
                        let ob = self.new_obj(&n.name, ObjKind::TypeName, tp, n.span, DeclRef::None);
                        self.obj_mut(ob).state = State::Done;
                        self.obj_mut(ob).used = true;
                        self.declare(&n.name, ob, n.span);
                    }
                }
                None => {
                    let tps = self.declare_type_params(&f.tparams);
                    self.generic_funcs.insert(o, super::instantiate::GenericFunc { decl: f, tparams: tps });
                }
            }
            return true;
        }
        let names = super::instantiate::recv_type_param_names(f);
        if names.is_empty() && f.tparams.is_empty() {
            return false;
        }
        self.open_scope();
        // A method's own type parameters (Go 1.27; reported unsupported):
        // declared, so that its signature and body check.
        if !f.tparams.is_empty() {
            match self.generic_funcs.get(&o).map(|g| g.tparams.clone()) {
                Some(tps) => {
                    for (n, tp) in f.tparams.iter().flat_map(|fl| &fl.names).zip(tps) {
                        let ob = self.new_obj(&n.name, ObjKind::TypeName, tp, n.span, DeclRef::None);
                        self.obj_mut(ob).state = State::Done;
                        self.declare(&n.name, ob, n.span);
                    }
                }
                None => {
                    let tps = self.declare_type_params(&f.tparams);
                    self.generic_funcs.insert(o, super::instantiate::GenericFunc { decl: f, tparams: tps });
                }
            }
        }
        let Some(&(named, _)) = self.method_objs.iter().find(|(_, m)| *m == o) else { return true };
        let tps = self.tt.named_info(named).map(|n| n.tparams.clone()).unwrap_or_default();
        for (i, n) in names.iter().enumerate() {
            let Some(name) = n.ident() else {
                self.error(n.span, "receiver type parameter must be an identifier");
                continue;
            };
            let tp = tps.get(i).copied().unwrap_or(TypeId(0));
            let ob = self.new_obj(name, ObjKind::TypeName, tp, n.span, DeclRef::None);
            self.obj_mut(ob).state = State::Done;
            self.obj_mut(ob).used = true;
            let nm = ast::Name { name: name.to_string(), span: n.span };
            self.declare(&nm.name, ob, nm.span);
        }
        true
    }

    /// A type parameter's constraint as written in its list: an interface
    /// (`any`, `comparable`, `Number`, `interface{ String() string }`), or
    /// a union or a plain type, which stands for `interface{ that }`.
    pub(super) fn constraint_expr(&mut self, e: &'a Expr) -> TypeId {
        let u = e.unparen();
        if matches!(u.kind, ExprKind::Binary { op: BinaryOp::Or, .. } | ExprKind::Unary { op: UnaryOp::Tilde, .. }) {
            let (terms, comparable) = self.union_terms(u);
            let t = self.tt.intern(Type::Constraint(TypeSet { methods: Vec::new(), terms: Some(terms), comparable, implicit: true }));
            self.record_type(e, t);
            return t;
        }
        let t = self.type_expr_in_constraint(e);
        if self.tt.is_invalid(t) {
            return self.any_type;
        }
        match self.tt.get(self.tt_named_under(t)) {
            Type::Interface(_) | Type::Constraint(_) => t,
            _ => self.tt.intern(Type::Constraint(TypeSet {
                methods: Vec::new(),
                terms: Some(vec![Term { tilde: false, ty: t }]),
                comparable: false,
                implicit: true,
            })),
        }
    }

    /// A type expression where a constraint interface is allowed.
    fn type_expr_in_constraint(&mut self, e: &'a Expr) -> TypeId {
        self.constraint_ok += 1;
        let t = self.type_expr(e);
        self.constraint_ok -= 1;
        t
    }

    /// The underlying type through named types only.
    pub(super) fn tt_named_under(&self, t: TypeId) -> TypeId {
        let mut t = t;
        for _ in 0..100 {
            match self.tt.named_info(t) {
                Some(n) => t = n.underlying,
                None => return t,
            }
        }
        TypeId(0)
    }

    /// The terms of a union `A | ~B | C` (and whether one of them is a
    /// `comparable` constraint, which a union may not hold: reported).
    fn union_terms(&mut self, e: &'a Expr) -> (Vec<Term>, bool) {
        let mut out = Vec::new();
        self.collect_terms(e, &mut out);
        // go/types' maxTermCount.
        if out.len() > 100 {
            self.error(e.span, "cannot handle more than 100 union terms (implementation limitation)");
            out.truncate(100);
        }
        (out, false)
    }

    fn collect_terms(&mut self, e: &'a Expr, out: &mut Vec<Term>) {
        if self.out_of_stack(e.span) {
            return;
        }
        match &e.unparen().kind {
            ExprKind::Binary { op: BinaryOp::Or, x, y } => {
                self.collect_terms(x, out);
                self.collect_terms(y, out);
            }
            ExprKind::Unary { op: UnaryOp::Tilde, x } => {
                let t = self.type_expr(x);
                if self.tt.is_invalid(t) {
                    return;
                }
                let u = self.tt.underlying(t);
                if u != t {
                    let (ts, us) = (self.type_str(t), self.type_str(u));
                    self.error(e.span, format!("invalid use of ~ (underlying type of {ts} is {us})"));
                    return;
                }
                out.push(Term { tilde: true, ty: t });
            }
            _ => {
                let t = self.type_expr_in_constraint(e);
                if self.tt.is_invalid(t) {
                    return;
                }
                match self.tt.get(self.tt_named_under(t)).clone() {
                    // A constraint in a union contributes its terms.
                    Type::Constraint(ts) => {
                        if ts.comparable || !ts.methods.is_empty() {
                            let s = self.type_str(t);
                            self.error(e.span, format!("cannot use {s} in union ({s} contains methods)"));
                            return;
                        }
                        out.extend(ts.terms.unwrap_or_default());
                    }
                    Type::Interface(ms) if !ms.is_empty() => {
                        let s = self.type_str(t);
                        self.error(e.span, format!("cannot use {s} in union ({s} contains methods)"));
                    }
                    _ => out.push(Term { tilde: false, ty: t }),
                }
            }
        }
    }

    /// The element embedded in an interface that makes it a constraint:
    /// a union, `~T`, a plain type, or another constraint. Adds to the
    /// interface's type set; `false` if `e` is an ordinary interface.
    pub(super) fn embed_constraint_elem(
        &mut self,
        e: &'a Expr,
        ms: &mut Vec<IfaceMethod>,
        terms: &mut Option<Vec<Term>>,
        comparable: &mut bool,
    ) -> bool {
        let u = e.unparen();
        let elem_terms: Vec<Term> = if matches!(u.kind, ExprKind::Binary { op: BinaryOp::Or, .. } | ExprKind::Unary { op: UnaryOp::Tilde, .. }) {
            self.union_terms(u).0
        } else {
            let t = self.type_expr_in_constraint(e);
            if self.tt.is_invalid(t) {
                return true;
            }
            match self.tt.get(self.tt_named_under(t)).clone() {
                Type::Interface(_) => return false,
                Type::Constraint(ts) => {
                    for m in ts.methods {
                        if !ms.iter().any(|x| x.name == m.name) {
                            ms.push(m);
                        }
                    }
                    *comparable |= ts.comparable;
                    match ts.terms {
                        Some(t) => t,
                        None => return true,
                    }
                }
                _ => vec![Term { tilde: false, ty: t }],
            }
        };
        // Several embedded term lists: their intersection.
        *terms = Some(match terms.take() {
            None => elem_terms,
            Some(prev) => prev
                .into_iter()
                .filter(|a| elem_terms.iter().any(|b| if b.tilde { self.tt.underlying(a.ty) == self.tt.underlying(b.ty) } else { a.ty == b.ty }))
                .collect(),
        });
        true
    }
}
