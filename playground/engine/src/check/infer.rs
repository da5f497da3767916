//! Calls of generic functions (go/types' `funcInst`, `infer.go`,
//! `unify.go`): explicit type arguments (`Sum[int64](xs...)`), function
//! argument type inference for the rest (`Map(xs, strconv.Itoa)`), then
//! the core types of constraints (`[S ~[]E, E any]` gets E from S), then
//! the default types of untyped constant arguments; then each type
//! argument is verified against its constraint and the call is checked
//! like an ordinary call of the instantiated signature.

use super::expr::{Mode, Operand};
use super::*;
use crate::ast::{Expr, ExprKind};
use crate::types::{ChanDir, Signature, Type};

impl<'a> Checker<'a> {
    /// `F(args)`, `F[A](args)`: `Some` with the call's operand when `fun`
    /// names a generic function of the program.
    pub(super) fn generic_func_call(&mut self, e: &'a Expr, fun: &'a Expr, args: &'a [Expr], ellipsis: Option<Span>) -> Option<Operand> {
        let fu = fun.unparen();
        let (gx, xlist): (&'a Expr, &'a [Expr]) = match &fu.kind {
            ExprKind::Ident(_) | ExprKind::Selector { .. } => (fu, &[]),
            ExprKind::Index { x, index } => (x.as_ref(), std::slice::from_ref(index.as_ref())),
            ExprKind::IndexList { x, indices } => (x.as_ref(), &indices[..]),
            _ => return None,
        };
        let obj = self.generic_func_of(gx)?;
        let _ = self.use_obj(gx, obj);
        let gsig_t = self.obj(obj).ty;
        Some(self.generic_call_tail(e, fun, CallTarget::Func { obj, exprs: [gx, fu, fun] }, gsig_t, xlist, args, ellipsis))
    }

    /// `x.M(args)` where `x.M` (already checked: `f`) selected a method
    /// with type parameters of its own: inferred like a function's.
    pub(super) fn generic_method_call(&mut self, e: &'a Expr, fun: &'a Expr, f: &Operand, args: &'a [Expr], ellipsis: Option<Span>) -> Option<Operand> {
        let sel = fun.unparen();
        let g = self.generic_method_sels.remove(&sel.id)?;
        Some(self.generic_call_tail(e, fun, CallTarget::Method { g, sel }, f.ty, &[], args, ellipsis))
    }

    /// What a generic call or instantiation instantiates.
    #[allow(clippy::too_many_arguments)]
    fn generic_call_tail(
        &mut self,
        e: &'a Expr,
        fun: &'a Expr,
        target: CallTarget<'a>,
        gsig_t: TypeId,
        xlist: &'a [Expr],
        args: &'a [Expr],
        ellipsis: Option<Span>,
    ) -> Operand {
        let obj = match &target {
            CallTarget::Func { obj, .. } => *obj,
            CallTarget::Method { g, .. } => g.obj,
        };
        let tparams = self.generic_funcs.get(&obj).map(|g| g.tparams.clone()).unwrap_or_default();
        let bail = |c: &mut Self| {
            for a in args {
                let _ = c.expr_multi(a);
            }
            Operand::invalid()
        };
        let Some(gsig) = self.tt.signature(gsig_t).cloned() else { return bail(self) };
        let fname = crate::parser::expr_string(fun);
        let Some(mut targs) = self.explicit_targs(&tparams, xlist) else { return bail(self) };
        let mut ops = Vec::new();
        // A generic function passed where a parameterized function type is
        // expected (`Map(xs, Double)`) is instantiated once inference has
        // found that type: it waits, as a value with no type yet.
        let mut deferred = Vec::new();
        for (i, a) in args.iter().enumerate() {
            let p = self.param_type(&gsig, i, ellipsis.is_some());
            if p.is_some_and(|p| self.is_parameterized(p)) && self.generic_func_of(a).is_some() {
                deferred.push(i);
                ops.push((Operand::value(TypeId(0)), a));
                continue;
            }
            let hint = p.filter(|&p| !self.is_parameterized(p));
            let mut x = self.expr(a, hint);
            if !x.is_invalid() {
                self.single_value(&mut x, a);
            }
            ops.push((x, a));
        }
        let context = format!("argument to {fname}");
        let n = gsig.params.len();
        let count_ok = if gsig.variadic && ellipsis.is_none() { ops.len() + 1 >= n } else { ops.len() == n };
        if !count_ok || (ellipsis.is_some() && !gsig.variadic) {
            self.check_args_ops(e, &fname, &gsig, ops, args, ellipsis, &context);
            return Operand::invalid();
        }
        if ops.iter().any(|(x, _)| x.is_invalid()) {
            return Operand::invalid();
        }
        // types2 reports inference and constraint errors at the call's `(`.
        let lparen = Span { start: fun.span.end, end: fun.span.end + 1 };
        if targs.iter().any(|t| t.is_none()) {
            let decl = self.generic_funcs.get(&obj).map(|g| g.decl);
            let names: Vec<&ast::Name> = decl.map(|d| d.tparams.iter().flat_map(|f| &f.names).collect()).unwrap_or_default();
            if !self.infer(&fname, &tparams, &mut targs, &gsig, &ops, &deferred, ellipsis.is_some(), lparen, &names) {
                return Operand::invalid();
            }
        }
        let targs: Vec<TypeId> = targs.into_iter().map(|t| t.unwrap_or(TypeId(0))).collect();
        // The waiting generic arguments, now that their parameter's type is
        // known (reverse inference in `expr`).
        if !deferred.is_empty() {
            let map: Vec<(TypeId, TypeId)> = tparams.iter().copied().zip(targs.iter().copied()).collect();
            for &i in &deferred {
                let a = ops[i].1;
                let p = self.param_type(&gsig, i, ellipsis.is_some()).unwrap_or(TypeId(0));
                let p = self.subst(p, &map);
                let mut x = self.expr(a, Some(p));
                if !x.is_invalid() {
                    self.single_value(&mut x, a);
                }
                ops[i].0 = x;
            }
            if ops.iter().any(|(x, _)| x.is_invalid()) {
                return Operand::invalid();
            }
        }
        if let Err((i, msg)) = self.verify(&tparams, &targs) {
            let at = xlist.get(i).map(|x| Span { start: x.span.start, end: x.span.start + 1 }).unwrap_or(lparen);
            self.error(at, msg);
            return Operand::invalid();
        }
        let spans: Vec<Span> = xlist.iter().map(|x| x.span).collect();
        self.mono_record(lparen, &tparams, &targs, &spans);
        let map: Vec<(TypeId, TypeId)> = tparams.iter().copied().zip(targs.iter().copied()).collect();
        let sig_t = self.subst(gsig_t, &map);
        let sig = self.tt.signature(sig_t).cloned().unwrap_or(gsig);
        self.check_args_ops(e, &fname, &sig, ops, args, ellipsis, &context);
        match target {
            CallTarget::Func { obj, exprs } => self.record_instance(obj, &targs, sig_t, &exprs),
            CallTarget::Method { g, sel } => self.record_method_instance(&g, &targs, sig_t, sel),
        }
        if self.recording() {
            self.info.ex.calls.insert(e.id, CallKind::Call { spread: false, ellipsis: ellipsis.is_some() });
        }
        match sig.results.len() {
            0 => Operand { mode: Mode::NoValue, ty: self.tt.tuple(vec![]) },
            1 => Operand::value(sig.results[0]),
            _ => Operand::value(self.tt.tuple(sig.results.clone())),
        }
    }

    /// The explicit type arguments `targs` of `e` (`F[A, B]`, `x.M[A]`)
    /// when every one is given and satisfies its constraint; else reports
    /// why.
    fn all_targs(&mut self, e: &'a Expr, tparams: &[TypeId], xlist: &'a [Expr], targs: Vec<Option<TypeId>>) -> Option<Vec<TypeId>> {
        if targs.iter().any(|t| t.is_none()) {
            let s = crate::parser::expr_string(e);
            self.error(e.span, format!("cannot use generic function {s} without instantiation"));
            return None;
        }
        let targs: Vec<TypeId> = targs.into_iter().flatten().collect();
        if let Err((i, msg)) = self.verify(tparams, &targs) {
            let at = xlist.get(i).map(|x| x.span).unwrap_or(e.span);
            self.error(at, msg);
            return None;
        }
        Some(targs)
    }

    /// `F[A, B]` as a value (not called): every type argument given.
    pub(super) fn generic_func_value(&mut self, e: &'a Expr, gx: &'a Expr, xlist: &'a [Expr]) -> Option<Operand> {
        let obj = self.generic_func_of(gx)?;
        let _ = self.use_obj(gx, obj);
        let tparams = self.generic_funcs.get(&obj).map(|g| g.tparams.clone()).unwrap_or_default();
        let targs = self.explicit_targs(&tparams, xlist)?;
        let Some(targs) = self.all_targs(e, &tparams, xlist, targs) else { return Some(Operand::invalid()) };
        let spans: Vec<Span> = xlist.iter().map(|x| x.span).collect();
        self.mono_record(e.span, &tparams, &targs, &spans);
        let map: Vec<(TypeId, TypeId)> = tparams.iter().copied().zip(targs.iter().copied()).collect();
        let gsig_t = self.obj(obj).ty;
        let sig_t = self.subst(gsig_t, &map);
        self.record_instance(obj, &targs, sig_t, &[gx, e]);
        Some(Operand::value(sig_t))
    }

    /// A generic function used as a value of function type `target`: its
    /// type arguments unified from that type (go/types' reverse type
    /// inference), if they all are and satisfy their constraints.
    pub(super) fn generic_func_from_target(&mut self, e: &'a Expr, obj: ObjId, target: TypeId) -> Option<Operand> {
        self.tt.signature(target)?;
        let tparams = self.generic_funcs.get(&obj).map(|g| g.tparams.clone())?;
        let gsig_t = self.obj(obj).ty;
        let mut targs: Vec<Option<TypeId>> = vec![None; tparams.len()];
        if !self.unify(gsig_t, target, &tparams, &mut targs, 0) || targs.iter().any(|t| t.is_none()) {
            return None;
        }
        let targs: Vec<TypeId> = targs.into_iter().flatten().collect();
        if let Err((_, msg)) = self.verify(&tparams, &targs) {
            self.error(e.span, msg);
            return Some(Operand::invalid());
        }
        self.mono_record(e.span, &tparams, &targs, &[]);
        let map: Vec<(TypeId, TypeId)> = tparams.iter().copied().zip(targs.iter().copied()).collect();
        let sig_t = self.subst(gsig_t, &map);
        self.record_instance(obj, &targs, sig_t, &[e, e.unparen()]);
        Some(Operand::value(sig_t))
    }

    /// `x.M[A, B]`: a method with type parameters of its own, every one
    /// given (called next, or a value).
    pub(super) fn generic_method_value(&mut self, e: &'a Expr, sel: &'a Expr, xlist: &'a [Expr], sig_t: TypeId) -> Option<Operand> {
        let g = self.generic_method_sels.remove(&sel.id)?;
        let tparams = self.generic_funcs.get(&g.obj).map(|f| f.tparams.clone()).unwrap_or_default();
        let Some(targs) = self.explicit_targs(&tparams, xlist) else { return Some(Operand::invalid()) };
        let Some(targs) = self.all_targs(e, &tparams, xlist, targs) else { return Some(Operand::invalid()) };
        let map: Vec<(TypeId, TypeId)> = tparams.iter().copied().zip(targs.iter().copied()).collect();
        let inst = self.subst(sig_t, &map);
        self.record_method_instance(&g, &targs, inst, sel);
        self.record_type(e, inst);
        Some(Operand::value(inst))
    }

    /// Records the instance a generic method's selector calls: the
    /// selection's function becomes the instance's.
    fn record_method_instance(&mut self, g: &super::instantiate::GenericMethod, targs: &[TypeId], sig_t: TypeId, sel: &'a Expr) {
        self.record_type(sel, sig_t);
        if !self.recording() || targs.iter().chain(&g.recv_targs).any(|&t| self.is_parameterized(t)) {
            return;
        }
        let Some(fid) = self.instantiate_method(g, targs, sig_t) else { return };
        if let Some(Selection::Method { func, .. }) = self.info.ex.selections.get_mut(&sel.id) {
            *func = FuncRef::User(fid);
        }
    }

    /// The type arguments written after a generic function's name, the
    /// missing ones `None`; `None` after an error.
    fn explicit_targs(&mut self, tparams: &[TypeId], xlist: &'a [Expr]) -> Option<Vec<Option<TypeId>>> {
        let mut targs: Vec<Option<TypeId>> = vec![None; tparams.len()];
        if xlist.len() > tparams.len() {
            for x in xlist {
                let _ = self.type_expr(x);
            }
            let at = xlist[xlist.len() - 1].span;
            self.error(at, format!("got {} type arguments but want {}", xlist.len(), tparams.len()));
            return None;
        }
        for (i, x) in xlist.iter().enumerate() {
            let t = self.type_expr(x);
            if self.tt.is_invalid(t) {
                return None;
            }
            targs[i] = Some(t);
        }
        Some(targs)
    }

    /// Records the instance a generic function's name denotes in `exprs`
    /// (its name, the instantiation, the parenthesised callee); a concrete
    /// instance is made and queued for checking.
    fn record_instance(&mut self, obj: ObjId, targs: &[TypeId], sig_t: TypeId, exprs: &[&'a Expr]) {
        if !self.recording() || targs.iter().any(|&t| self.is_parameterized(t)) {
            for x in exprs {
                self.record_type(x, sig_t);
            }
            return;
        }
        let Some(fid) = self.instantiate_func(obj, targs, sig_t) else { return };
        for x in exprs {
            self.record_use(x, Use::Func(FuncRef::User(fid)));
            self.record_type(x, sig_t);
        }
    }

    /// go/types' `infer`: fills in `targs` from the arguments; reports and
    /// returns false when it cannot.
    #[allow(clippy::too_many_arguments)]
    fn infer(
        &mut self,
        fname: &str,
        tparams: &[TypeId],
        targs: &mut [Option<TypeId>],
        sig: &Signature,
        ops: &[(Operand, &'a Expr)],
        deferred: &[usize],
        dots: bool,
        pos: Span,
        names: &[&ast::Name],
    ) -> bool {
        let mut untyped: Vec<usize> = Vec::new();
        // 1. Typed arguments unify with their parameters.
        for (i, (x, a)) in ops.iter().enumerate() {
            if deferred.contains(&i) {
                continue;
            }
            let Some(p) = self.param_type(sig, i, dots) else { continue };
            if !self.is_parameterized(p) {
                continue;
            }
            if self.tt.is_untyped(x.ty) {
                if tparams.contains(&p) && x.mode != Mode::Nil {
                    untyped.push(i);
                }
                continue;
            }
            if !self.unify(p, x.ty, tparams, targs, 0) {
                // go/types keeps a signature's parameter names: a function
                // literal's type prints as it was written.
                let ts = match &a.unparen().kind {
                    ExprKind::FuncLit { .. } => crate::parser::expr_string(a).trim_end_matches(" {…}").to_string(),
                    _ => self.type_str(x.ty),
                };
                let ps = self.type_str(p);
                let es = crate::parser::expr_string(a);
                let msg = if targs.iter().all(|t| t.is_none()) {
                    let list = type_params_string(&tparams.iter().map(|&t| self.type_str(t)).collect::<Vec<_>>());
                    format!("type {ts} of {es} does not match {ps} (cannot infer {list})")
                } else {
                    let map: Vec<(TypeId, TypeId)> = tparams.iter().copied().zip(targs.iter().copied()).filter_map(|(p, a)| a.map(|a| (p, a))).collect();
                    let inferred = self.subst(p, &map);
                    if inferred != p {
                        let is = self.type_str(inferred);
                        format!("type {ts} of {es} does not match inferred type {is} for {ps}")
                    } else {
                        format!("type {ts} of {es} does not match {ps}")
                    }
                };
                self.error(a.span, format!("in call to {fname}, {msg}"));
                return false;
            }
        }
        // 2. Core types of the constraints, and their methods.
        if !self.infer_from_core_types(fname, tparams, targs, pos) {
            return false;
        }
        // Generic functions passed as arguments: their own type parameters
        // unified with what is known of the parameter's type, then their
        // instantiated signature with the parameter.
        for &i in deferred {
            let (_, a) = &ops[i];
            let Some(p) = self.param_type(sig, i, dots) else { continue };
            let Some(aobj) = self.generic_func_of(a) else { continue };
            let atparams = self.generic_funcs.get(&aobj).map(|g| g.tparams.clone()).unwrap_or_default();
            let map: Vec<(TypeId, TypeId)> = tparams.iter().copied().zip(targs.iter().copied()).filter_map(|(p, a)| a.map(|a| (p, a))).collect();
            let known = self.subst(p, &map);
            let asig = self.obj(aobj).ty;
            let mut atargs: Vec<Option<TypeId>> = vec![None; atparams.len()];
            // The call's own unknown type parameters match anything here.
            self.unify_wildcards = tparams.to_vec();
            let unified = self.unify(asig, known, &atparams, &mut atargs, 0);
            self.unify_wildcards.clear();
            if unified
                && atargs.iter().all(|t| t.is_some_and(|t| !self.is_parameterized_by(t, tparams)))
            {
                let amap: Vec<(TypeId, TypeId)> = atparams.iter().copied().zip(atargs.into_iter().flatten()).collect();
                let inst = self.subst(asig, &amap);
                self.unify(p, inst, tparams, targs, 0);
            }
        }
        self.infer_from_core_types(fname, tparams, targs, pos);
        // 3. Untyped constants: the default type of the largest kind.
        let mut max: Vec<(usize, TypeId, &'a Expr)> = Vec::new();
        for &i in &untyped {
            let (x, a) = &ops[i];
            let Some(p) = self.param_type(sig, i, dots) else { continue };
            let Some(k) = tparams.iter().position(|&t| t == p) else { continue };
            if targs[k].is_some() {
                continue;
            }
            match max.iter_mut().find(|(j, _, _)| *j == k) {
                None => max.push((k, x.ty, a)),
                Some(entry) => match max_untyped(&self.tt, entry.1, x.ty) {
                    Some(m) => entry.1 = m,
                    None => {
                        let (ms, ts, ps) = (self.type_str(entry.1), self.type_str(x.ty), self.type_str(p));
                        self.error(a.span, format!("in call to {fname}, mismatched types {ms} and {ts} (cannot infer {ps})"));
                        return false;
                    }
                },
            }
        }
        for (k, t, _) in max {
            targs[k] = Some(self.default_type(t));
        }
        // Inside the generic function itself (a recursive call), its own
        // type parameters are types like any other.
        let recursive = tparams.iter().any(|&tp| self.tparam_in_scope(tp));
        for (k, t) in targs.iter().enumerate() {
            if t.is_none_or(|t| !recursive && self.is_parameterized_by(t, tparams)) {
                let name = names.get(k).map(|n| n.name.clone()).unwrap_or_default();
                let at = names.get(k).map(|n| self.pos_string(n.span)).unwrap_or_default();
                self.error(pos, format!("in call to {fname}, cannot infer {name} (declared at {at})"));
                return false;
            }
        }
        true
    }

    /// Whether type parameter `tp` is in scope here (the code being
    /// checked is its generic function's or type's).
    fn tparam_in_scope(&self, tp: TypeId) -> bool {
        let Some(info) = self.tt.tparam_info(tp) else { return false };
        self.lookup(&info.name).is_some_and(|o| self.obj(o).ty == tp)
    }

    /// Whether `t` mentions one of `tparams`.
    fn is_parameterized_by(&self, t: TypeId, tparams: &[TypeId]) -> bool {
        if tparams.contains(&t) {
            return true;
        }
        self.is_parameterized(t) && self.mentions_any(t, tparams, 0)
    }

    fn mentions_any(&self, t: TypeId, tparams: &[TypeId], depth: u32) -> bool {
        if depth > 40 {
            return false;
        }
        let d = depth + 1;
        match self.tt.get(t) {
            Type::TypeParam(_) => tparams.contains(&t),
            Type::Named(_) => self.tt.named_info(t).is_some_and(|n| n.targs.iter().any(|&a| self.mentions_any(a, tparams, d))),
            Type::Pointer(e) | Type::Slice(e) | Type::Array(e, _) | Type::Chan(_, e) => self.mentions_any(*e, tparams, d),
            Type::Map(k, v) => self.mentions_any(*k, tparams, d) || self.mentions_any(*v, tparams, d),
            Type::Struct(fs) => fs.iter().any(|f| self.mentions_any(f.ty, tparams, d)),
            Type::Func(s) => s.params.iter().chain(&s.results).any(|&p| self.mentions_any(p, tparams, d)),
            Type::Tuple(ts) => ts.iter().any(|&p| self.mentions_any(p, tparams, d)),
            _ => false,
        }
    }

    /// Constraint type inference (go/types' `infer`, step 2): a type
    /// parameter whose constraint has a single term (a core type, `~[]E`)
    /// unifies that term with its type argument, or takes it as its
    /// argument when it is one specific type; a known type argument must
    /// have the constraint's methods. Reports and returns false when not.
    fn infer_from_core_types(&mut self, fname: &str, tparams: &[TypeId], targs: &mut [Option<TypeId>], pos: Span) -> bool {
        for _round in 0..tparams.len() + 1 {
            let before: Vec<Option<TypeId>> = targs.to_vec();
            for (k, &tp) in tparams.iter().enumerate() {
                let c = self.tt.tparam_info(tp).map(|p| p.constraint).unwrap_or(TypeId(0));
                let ts = self.tt.type_set(c);
                if let Some([term]) = ts.terms.as_deref() {
                    let term = *term;
                    match targs[k] {
                        Some(a) => {
                            let a_u = if term.tilde { self.tt.underlying(a) } else { a };
                            if self.is_parameterized(term.ty) && !self.unify(term.ty, a_u, tparams, targs, 0) {
                                let (ps, as_, cs) = (self.type_str(tp), self.type_str(a), self.type_str(c));
                                self.error(pos, format!("in call to {fname}, {ps} (type {as_}) does not satisfy {cs}"));
                                return false;
                            }
                        }
                        None if !term.tilde => {
                            let map: Vec<(TypeId, TypeId)> = tparams.iter().copied().zip(targs.iter().copied()).filter_map(|(p, a)| a.map(|a| (p, a))).collect();
                            let t = self.subst(term.ty, &map);
                            if !self.is_parameterized_by(t, tparams) {
                                targs[k] = Some(t);
                            }
                        }
                        None => {}
                    }
                }
                if let Some(a) = targs[k]
                    && !ts.methods.is_empty()
                    && !self.is_parameterized_by(a, tparams)
                {
                    self.resolve_methods(a);
                    let map: Vec<(TypeId, TypeId)> = tparams.iter().copied().zip(targs.iter().copied()).filter_map(|(p, a)| a.map(|a| (p, a))).collect();
                    let iface = self.tt.intern(Type::Interface(ts.methods.clone()));
                    let iface = self.subst(iface, &map);
                    if let Err(cause) = self.tt.implements(a, iface, crate::types::TypeStyle::Checker) {
                        let (ps, as_, cs) = (self.type_str(tp), self.type_str(a), self.type_str(c));
                        self.error(pos, format!("in call to {fname}, {ps} (type {as_}) does not satisfy {cs} {cause}"));
                        return false;
                    }
                }
            }
            if before.as_slice() == &*targs {
                break;
            }
        }
        true
    }

    /// go/types' inexact unification of parameter type `p` with argument
    /// type `a`, binding `tparams` in `targs`.
    fn unify(&mut self, p: TypeId, a: TypeId, tparams: &[TypeId], targs: &mut [Option<TypeId>], depth: u32) -> bool {
        if depth > 40 {
            return false;
        }
        let d = depth + 1;
        if self.unify_wildcards.contains(&a) {
            return true;
        }
        // (Checked before identity: a generic function calling itself
        // passes its own type parameters, `Fact(n-1)` binds T to T.)
        if let Some(k) = tparams.iter().position(|&t| t == p) {
            return match targs[k] {
                None => {
                    targs[k] = Some(a);
                    true
                }
                Some(b) if b == a => true,
                Some(b) => {
                    // Inexact: a defined type and a literal of the same
                    // underlying type unify, keeping the defined one.
                    let (ub, ua) = (self.tt.underlying(b), self.tt.underlying(a));
                    if ub == ua && (!self.tt.is_named(a) || !self.tt.is_named(b)) {
                        if self.tt.is_named(a) {
                            targs[k] = Some(a);
                        }
                        return true;
                    }
                    // Channels that differ only in direction.
                    if let (Type::Chan(_, eb), Type::Chan(_, ea)) = (self.tt.get(ub).clone(), self.tt.get(ua).clone())
                        && eb == ea
                    {
                        return true;
                    }
                    false
                }
            };
        }
        if p == a || !self.mentions_any(p, tparams, 0) {
            return true;
        }
        let (pt, at) = (self.tt.get(p).clone(), self.tt.get(a).clone());
        match (&pt, &at) {
            (Type::Named(_), Type::Named(_)) => {
                let (pn, an) = (self.tt.named_info(p).cloned(), self.tt.named_info(a).cloned());
                if let (Some(pn), Some(an)) = (pn, an)
                    && pn.orig.is_some()
                    && pn.orig == an.orig
                {
                    return pn.targs.iter().zip(&an.targs).all(|(&x, &y)| self.unify(x, y, tparams, targs, d));
                }
                false
            }
            // A defined argument type against a type literal: its
            // underlying type.
            (_, Type::Named(_)) => {
                let u = self.tt.underlying(a);
                u != a && self.unify(p, u, tparams, targs, d)
            }
            // And the other way (a func literal for an `iter.Seq[E]`).
            (Type::Named(_), _) => {
                let u = self.tt.underlying(p);
                u != p && self.unify(u, a, tparams, targs, d)
            }
            (Type::Pointer(x), Type::Pointer(y)) | (Type::Slice(x), Type::Slice(y)) => self.unify(*x, *y, tparams, targs, d),
            (Type::Array(x, n), Type::Array(y, m)) => n == m && self.unify(*x, *y, tparams, targs, d),
            (Type::Map(k1, v1), Type::Map(k2, v2)) => self.unify(*k1, *k2, tparams, targs, d) && self.unify(*v1, *v2, tparams, targs, d),
            (Type::Chan(dp, x), Type::Chan(da, y)) => (dp == da || *da == ChanDir::Both) && self.unify(*x, *y, tparams, targs, d),
            (Type::Func(s1), Type::Func(s2)) => {
                s1.variadic == s2.variadic
                    && s1.params.len() == s2.params.len()
                    && s1.results.len() == s2.results.len()
                    && s1.params.iter().zip(&s2.params).all(|(&x, &y)| self.unify(x, y, tparams, targs, d))
                    && s1.results.iter().zip(&s2.results).all(|(&x, &y)| self.unify(x, y, tparams, targs, d))
            }
            (Type::Struct(f1), Type::Struct(f2)) => {
                f1.len() == f2.len()
                    && f1.iter().zip(f2).all(|(x, y)| x.name == y.name && x.embedded == y.embedded && self.unify(x.ty, y.ty, tparams, targs, d))
            }
            _ => false,
        }
    }
}

/// What a generic call instantiates: a function named by its expressions
/// (name, instantiation, parenthesised callee), or a method by its
/// selector.
enum CallTarget<'a> {
    Func { obj: ObjId, exprs: [&'a Expr; 3] },
    Method { g: super::instantiate::GenericMethod, sel: &'a Expr },
}

/// go/types' `typeParamsString`: `T`, `T and U`, `T, U, and V`.
fn type_params_string(names: &[String]) -> String {
    match names.len() {
        0 => String::new(),
        1 => names[0].clone(),
        2 => format!("{} and {}", names[0], names[1]),
        n => format!("{}, and {}", names[..n - 1].join(", "), names[n - 1]),
    }
}

/// go/types' `maxType` of two untyped constant types: the larger numeric
/// kind, or `None` when they do not mix.
fn max_untyped(tt: &crate::types::TypeTable, a: TypeId, b: TypeId) -> Option<TypeId> {
    use crate::types::BasicKind::*;
    let rank = |t: TypeId| match tt.get(t) {
        Type::Basic(UntypedInt) => Some(1),
        Type::Basic(UntypedRune) => Some(2),
        Type::Basic(UntypedFloat) => Some(3),
        Type::Basic(UntypedComplex) => Some(4),
        _ => None,
    };
    if a == b {
        return Some(a);
    }
    match (rank(a), rank(b)) {
        (Some(x), Some(y)) => Some(if x >= y { a } else { b }),
        _ => None,
    }
}
