//! Instantiation (go/types' `instantiate.go`, `subst.go`): a generic type
//! or function with type arguments in place of its type parameters.
//!
//! The engine monomorphises (see ARCHITECTURE.md, "Generics"): a generic
//! function's body is checked once with its type parameters, for Go's
//! errors, and then once more per instance with each type parameter's
//! name bound to its type argument. That second check records the
//! instance's own expression tables (`info::Instance`), from which the
//! compiler compiles the body as ordinary code of concrete types, so the
//! VM never meets a type parameter. Its diagnostics are dropped: the
//! generic check has already said what is wrong.
//!
//! A generic type's instance (`List[int]`) is a named type of its own,
//! made once per type argument list (`Checker::named_insts`), whose
//! underlying type and methods are the generic type's with the arguments
//! substituted; a concrete instance's methods are instances of the
//! generic methods, checked like generic functions' instances.

use super::*;
use crate::ast::{Expr, ExprKind};
use crate::types::{IfaceMethod, Signature, StructField, Term, Type, TypeSet};

/// A generic function: its declaration and type parameters.
pub(super) struct GenericFunc<'a> {
    pub decl: &'a ast::FuncDecl,
    pub tparams: Vec<TypeId>,
}

/// A selected method with type parameters of its own: the method's
/// declaration object and its receiver type's type arguments (empty for a
/// method of a type that is not generic).
#[derive(Clone)]
pub(super) struct GenericMethod {
    pub obj: ObjId,
    pub recv_targs: Vec<TypeId>,
}

/// An instance whose body is still to be checked.
pub(super) struct PendingInst<'a> {
    pub decl: &'a ast::FuncDecl,
    pub fid: FuncId,
    /// Each type parameter's name with its type argument.
    pub bind: Vec<(String, TypeId)>,
    pub pkg: usize,
    pub obj: Option<ObjId>,
}

/// How many instances a program may make: a generic function that
/// instantiates itself with ever larger types (`F[[]T]` inside `F[T]`)
/// would otherwise never stop.
const MAX_INSTANCES: usize = 1000;

impl<'a> Checker<'a> {
    /// Whether `t` mentions a type parameter.
    pub(super) fn is_parameterized(&self, t: TypeId) -> bool {
        self.parameterized_depth(t, 0)
    }

    fn parameterized_depth(&self, t: TypeId, depth: u32) -> bool {
        if depth > 40 {
            return false;
        }
        let d = depth + 1;
        match self.tt.get(t) {
            Type::TypeParam(_) => true,
            Type::Basic(_) => false,
            Type::Named(_) => self
                .tt
                .named_info(t)
                .is_some_and(|n| (n.orig.is_none() && !n.tparams.is_empty()) || n.targs.iter().any(|&a| self.parameterized_depth(a, d))),
            Type::Pointer(e) | Type::Slice(e) | Type::Array(e, _) | Type::Chan(_, e) => self.parameterized_depth(*e, d),
            Type::Map(k, v) => self.parameterized_depth(*k, d) || self.parameterized_depth(*v, d),
            Type::Struct(fs) => fs.iter().any(|f| self.parameterized_depth(f.ty, d)),
            Type::Func(sig) => sig.params.iter().chain(&sig.results).any(|&p| self.parameterized_depth(p, d)),
            Type::Interface(ms) => ms.iter().any(|m| self.parameterized_depth(m.sig, d)),
            Type::Tuple(ts) => ts.iter().any(|&p| self.parameterized_depth(p, d)),
            Type::Constraint(ts) => {
                ts.methods.iter().any(|m| self.parameterized_depth(m.sig, d))
                    || ts.terms.iter().flatten().any(|term| self.parameterized_depth(term.ty, d))
            }
        }
    }

    /// `t` with every type parameter of `map` replaced by its argument
    /// (go/types' `subst`).
    pub(super) fn subst(&mut self, t: TypeId, map: &[(TypeId, TypeId)]) -> TypeId {
        self.subst_depth(t, map, 0)
    }

    fn subst_depth(&mut self, t: TypeId, map: &[(TypeId, TypeId)], depth: u32) -> TypeId {
        if map.is_empty() || depth > 40 {
            return t;
        }
        let d = depth + 1;
        match self.tt.get(t).clone() {
            Type::TypeParam(_) => map.iter().find(|(p, _)| *p == t).map(|(_, a)| *a).unwrap_or(t),
            Type::Basic(_) => t,
            Type::Named(_) => {
                let Some(n) = self.tt.named_info(t) else { return t };
                // A generic type named inside its own declaration (`next
                // *node[T]`) is the generic type itself: its arguments are
                // its own type parameters.
                let (orig, targs) = match n.orig {
                    Some(o) => (o, n.targs.clone()),
                    None if !n.tparams.is_empty() => (t, n.tparams.clone()),
                    None => return t,
                };
                let new: Vec<TypeId> = targs.iter().map(|&a| self.subst_depth(a, map, d)).collect();
                if new == targs {
                    return t;
                }
                self.instantiate_named(orig, new)
            }
            Type::Pointer(e) => {
                let e = self.subst_depth(e, map, d);
                self.tt.pointer(e)
            }
            Type::Slice(e) => {
                let e = self.subst_depth(e, map, d);
                self.tt.slice(e)
            }
            Type::Array(e, n) => {
                let e = self.subst_depth(e, map, d);
                self.tt.intern(Type::Array(e, n))
            }
            Type::Chan(dir, e) => {
                let e = self.subst_depth(e, map, d);
                self.tt.intern(Type::Chan(dir, e))
            }
            Type::Map(k, v) => {
                let k = self.subst_depth(k, map, d);
                let v = self.subst_depth(v, map, d);
                self.tt.intern(Type::Map(k, v))
            }
            Type::Struct(fs) => {
                let fs: Vec<StructField> = fs
                    .into_iter()
                    .map(|mut f| {
                        f.ty = self.subst_depth(f.ty, map, d);
                        f
                    })
                    .collect();
                self.tt.intern(Type::Struct(fs))
            }
            Type::Func(sig) => {
                let params = sig.params.iter().map(|&p| self.subst_depth(p, map, d)).collect();
                let results = sig.results.iter().map(|&p| self.subst_depth(p, map, d)).collect();
                self.tt.intern(Type::Func(Signature { params, results, variadic: sig.variadic }))
            }
            Type::Interface(ms) => {
                let ms: Vec<IfaceMethod> = ms
                    .into_iter()
                    .map(|m| IfaceMethod { sig: self.subst_depth(m.sig, map, d), name: m.name })
                    .collect();
                self.tt.intern(Type::Interface(ms))
            }
            Type::Tuple(ts) => {
                let ts = ts.iter().map(|&p| self.subst_depth(p, map, d)).collect();
                self.tt.tuple(ts)
            }
            Type::Constraint(ts) => {
                let methods = ts
                    .methods
                    .into_iter()
                    .map(|m| IfaceMethod { sig: self.subst_depth(m.sig, map, d), name: m.name })
                    .collect();
                let terms = ts.terms.map(|terms| {
                    terms.into_iter().map(|term| Term { tilde: term.tilde, ty: self.subst_depth(term.ty, map, d) }).collect()
                });
                self.tt.intern(Type::Constraint(TypeSet { methods, terms, comparable: ts.comparable, implicit: ts.implicit }))
            }
        }
    }

    /// The instance `orig[targs]` of generic type `orig` (go/types'
    /// `Instantiate` of a `Named`): one named type per argument list. With
    /// its own type parameters as arguments (`List[T]` inside `List`'s
    /// declaration and methods) it is `orig` itself.
    pub(super) fn instantiate_named(&mut self, orig: TypeId, targs: Vec<TypeId>) -> TypeId {
        let Some(info) = self.tt.named_info(orig) else { return TypeId(0) };
        if info.tparams == targs {
            return orig;
        }
        let key = (orig, targs.clone());
        if let Some(&t) = self.named_insts.get(&key) {
            return t;
        }
        let (name, pkg) = (info.name.clone(), info.pkg.clone());
        let inst = self.tt.new_named(&name, &pkg);
        if let Some(n) = self.tt.named_info_mut(inst) {
            n.orig = Some(orig);
            n.targs = targs;
        }
        self.named_insts.insert(key, inst);
        if let Some(&o) = self.named_objs.get(&orig) {
            self.named_objs.insert(inst, o);
        }
        self.expand_named(inst);
        inst
    }

    /// Fills in an instance's underlying type, once its generic type's is
    /// known (a generic type may mention its own instances while it is
    /// being declared; those are expanded when the declaration is done).
    pub(super) fn expand_named(&mut self, inst: TypeId) {
        let Some(n) = self.tt.named_info(inst) else { return };
        let Some(orig) = n.orig else { return };
        if n.underlying != TypeId(0) {
            return;
        }
        let targs = n.targs.clone();
        let Some(o) = self.tt.named_info(orig) else { return };
        let (tparams, u) = (o.tparams.clone(), o.underlying);
        if u == TypeId(0) {
            self.unexpanded.push(inst);
            return;
        }
        // An instantiation cycle (`List[T]` holding a `*List[[]T]`) would
        // expand forever: past a depth no real program reaches, stop (the
        // cycle is reported by `monomorph`).
        if self.expand_depth > 50 {
            return;
        }
        self.expand_depth += 1;
        let map: Vec<(TypeId, TypeId)> = tparams.into_iter().zip(targs).collect();
        let u = self.subst(u, &map);
        self.expand_depth -= 1;
        if let Some(n) = self.tt.named_info_mut(inst) {
            n.underlying = u;
        }
    }

    /// Expands the instances made before their generic type was complete.
    pub(super) fn expand_pending(&mut self) {
        let pending = std::mem::take(&mut self.unexpanded);
        for t in pending {
            self.expand_named(t);
        }
    }

    /// Gives an instance of a generic type its methods (done lazily, on
    /// the first selector or method-set question, since the generic
    /// methods' signatures are resolved lazily too). A concrete instance's
    /// methods are new instances whose bodies are checked later.
    pub(super) fn instance_methods(&mut self, t: TypeId) {
        let base = match self.tt.get(t) {
            Type::Pointer(e) => *e,
            _ => t,
        };
        let Some(n) = self.tt.named_info(base) else { return };
        let Some(orig) = n.orig else { return };
        if !self.methods_done.insert(base) {
            return;
        }
        self.expand_named(base);
        let targs = self.tt.named_info(base).map(|n| n.targs.clone()).unwrap_or_default();
        let concrete = !targs.iter().any(|&a| self.is_parameterized(a));
        let (tparams, methods) = match self.tt.named_info(orig) {
            Some(o) => (o.tparams.clone(), o.methods.clone()),
            None => return,
        };
        let map: Vec<(TypeId, TypeId)> = tparams.iter().copied().zip(targs.iter().copied()).collect();
        for m in methods {
            let mobj = ObjId(m.func);
            self.resolve_obj(mobj);
            let gsig = self.obj(mobj).ty;
            let sig = self.subst(gsig, &map);
            let DeclRef::Func(decl) = self.obj(mobj).decl else { continue };
            let pkg = self.obj(mobj).pkg;
            let own_tparams = !decl.tparams.is_empty();
            let func = if own_tparams {
                // Instantiated per call, with its own type arguments too.
                None
            } else if concrete && decl.body.is_some() && self.named_insts.len() + self.info.instances.len() < MAX_INSTANCES {
                // Go's runtime name: `main.(*List[...]).Push`.
                let gname = self.tt.named_info(orig).map(|n| n.name.clone()).unwrap_or_default();
                let display = if m.ptr_recv { format!("(*{gname}[...]).{}", m.name) } else { format!("{gname}[...].{}", m.name) };
                let names = recv_type_param_names(decl);
                let bind = names.into_iter().map(|n| n.ident().unwrap_or("_").to_string()).zip(targs.iter().copied()).collect();
                Some(FuncRef::User(self.queue_instance(display, decl, pkg, sig, bind, mobj)))
            } else if decl.body.is_none() {
                // A library method without a body is a native, the same
                // for every instance (`atomic.Pointer[T].Load`).
                self.obj_func(mobj)
            } else {
                None
            };
            let o = self.new_obj(&m.name, ObjKind::Func { func: func.clone() }, sig, self.obj(mobj).span, DeclRef::None);
            self.obj_mut(o).state = State::Done;
            if own_tparams {
                self.method_origins.insert(o, mobj);
            }
            if let Some(n) = self.tt.named_info_mut(base) {
                n.methods.push(crate::types::MethodInfo { name: m.name.clone(), func: o.0, ptr_recv: m.ptr_recv, sig: Some(sig) });
            }
            if let Some(f) = func
                && self.pkgs[pkg].go
            {
                self.info.methods.entry(base).or_default().push((m.name.clone(), f, m.ptr_recv));
            }
        }
    }

    /// Gives methods to `t`'s instances of generic types: `t` itself, a
    /// pointer to one, and those embedded in its struct (whose methods
    /// are promoted).
    pub(super) fn instance_methods_of(&mut self, t: TypeId) {
        let base = match self.tt.get(t) {
            Type::Pointer(e) => *e,
            _ => t,
        };
        self.instance_methods(base);
        if let Type::Struct(fs) = self.tt.under(base).clone() {
            for f in fs.iter().filter(|f| f.embedded) {
                let ft = match self.tt.get(f.ty) {
                    Type::Pointer(e) => *e,
                    _ => f.ty,
                };
                if self.tt.named_info(ft).is_some_and(|n| n.orig.is_some()) {
                    self.instance_methods(ft);
                }
            }
        }
    }

    /// The generic method `func_obj` of `recv_named` is, if it has type
    /// parameters of its own.
    pub(super) fn generic_method_of(&mut self, func_obj: ObjId, recv_named: TypeId) -> Option<GenericMethod> {
        let obj = self.method_origins.get(&func_obj).copied().unwrap_or(func_obj);
        if !matches!(self.obj(obj).decl, DeclRef::Func(f) if f.recv.is_some() && !f.tparams.is_empty()) {
            return None;
        }
        self.resolve_obj(obj);
        let recv_targs = self.tt.named_info(recv_named).map(|n| n.targs.clone()).unwrap_or_default();
        Some(GenericMethod { obj, recv_targs })
    }

    /// The instance of generic method `g` with its own `targs`: made and
    /// queued on first use, like a generic function's.
    pub(super) fn instantiate_method(&mut self, g: &GenericMethod, targs: &[TypeId], sig: TypeId) -> Option<FuncId> {
        let mut all = g.recv_targs.clone();
        all.extend_from_slice(targs);
        let key = (g.obj, all);
        if let Some(&f) = self.inst_funcs.get(&key) {
            return Some(f);
        }
        if self.info.instances.len() + self.pending_insts.len() >= MAX_INSTANCES {
            return None;
        }
        let DeclRef::Func(decl) = self.obj(g.obj).decl else { return None };
        let pkg = self.obj(g.obj).pkg;
        // Go's runtime name: `main.Box.Repeat[...]`, `main.(*List[...]).Map[...]`.
        let Some(&(named, _)) = self.method_objs.iter().find(|(_, m)| *m == g.obj) else { return None };
        let tname = self.tt.named_info(named).map(|n| n.name.clone()).unwrap_or_default();
        let generic_recv = !g.recv_targs.is_empty();
        let tname = if generic_recv { format!("{tname}[...]") } else { tname };
        let ptr = matches!(decl.recv.as_ref().map(|r| &r.ty.unparen().kind), Some(ExprKind::Star(_)));
        let display = if ptr { format!("(*{tname}).{}[...]", decl.name.name) } else { format!("{tname}.{}[...]", decl.name.name) };
        let mut bind: Vec<(String, TypeId)> = recv_type_param_names(decl)
            .into_iter()
            .map(|n| n.ident().unwrap_or("_").to_string())
            .zip(g.recv_targs.iter().copied())
            .collect();
        let names = decl.tparams.iter().flat_map(|f| f.names.iter().map(|n| n.name.clone()));
        bind.extend(names.zip(targs.iter().copied()));
        let fid = self.queue_instance(display, decl, pkg, sig, bind, g.obj);
        self.inst_funcs.insert(key, fid);
        Some(fid)
    }

    /// The instance of generic function `obj` with `targs` (all concrete):
    /// its function, made and queued for checking on first use.
    pub(super) fn instantiate_func(&mut self, obj: ObjId, targs: &[TypeId], sig: TypeId) -> Option<FuncId> {
        let key = (obj, targs.to_vec());
        if let Some(&f) = self.inst_funcs.get(&key) {
            return Some(f);
        }
        if self.info.instances.len() + self.pending_insts.len() >= MAX_INSTANCES {
            return None;
        }
        let g = self.generic_funcs.get(&obj)?;
        let decl = g.decl;
        let names: Vec<String> = decl.tparams.iter().flat_map(|f| f.names.iter().map(|n| n.name.clone())).collect();
        let pkg = self.obj(obj).pkg;
        let display = format!("{}[...]", decl.name.name);
        let bind = names.into_iter().zip(targs.iter().copied()).collect();
        let fid = self.queue_instance(display, decl, pkg, sig, bind, obj);
        self.inst_funcs.insert(key, fid);
        Some(fid)
    }

    /// A new instance's function, named as Go's runtime names it
    /// (`display`, qualified by a library package's path) and made in
    /// its package, queued to be checked with `bind`.
    fn queue_instance(&mut self, display: String, decl: &'a ast::FuncDecl, pkg: usize, sig: TypeId, bind: Vec<(String, TypeId)>, obj: ObjId) -> FuncId {
        let name = if self.pkgs[pkg].user { display } else { format!("{}.{display}", self.pkgs[pkg].path) };
        let saved = self.cur_pkg;
        self.cur_pkg = pkg;
        let fid = self.new_func_info(name, None, sig);
        self.cur_pkg = saved;
        self.info.funcs[fid.0 as usize].generic = false;
        self.pending_insts.push(PendingInst { decl, fid, bind, pkg, obj: Some(obj) });
        fid
    }

    /// Checks every queued instance's body (which may queue more), each
    /// into its own expression tables, with diagnostics dropped.
    pub(super) fn check_instances(&mut self) {
        while let Some(p) = self.pending_insts.pop() {
            let saved_ex = std::mem::take(&mut self.info.ex);
            let saved = (self.scope, self.cur_pkg, self.cur_decl, std::mem::take(&mut self.fstack));
            let saved_lits = std::mem::take(&mut self.lit_count);
            self.quiet += 1;
            self.cur_pkg = p.pkg;
            self.cur_decl = p.obj;
            self.scope = self.file_scopes.get(p.pkg).copied().unwrap_or(self.pkgs[p.pkg].scope);
            self.open_scope();
            for (name, t) in &p.bind {
                let o = self.new_obj(name, ObjKind::TypeName, *t, Span::default(), DeclRef::None);
                self.obj_mut(o).state = State::Done;
                self.obj_mut(o).used = true;
                self.scopes[self.scope].names.insert(name.clone(), o);
            }
            let sig = self.func_type(&p.decl.ty);
            self.info.funcs[p.fid.0 as usize].sig = sig;
            if let Some(body) = &p.decl.body {
                self.func_body(p.fid, p.decl.recv.as_ref(), &p.decl.ty, sig, body);
            }
            self.close_scope();
            self.quiet -= 1;
            self.lit_count = saved_lits;
            let ex = std::mem::replace(&mut self.info.ex, saved_ex);
            (self.scope, self.cur_pkg, self.cur_decl, self.fstack) = saved;
            self.info.instances.push(Instance { func: p.fid, decl_name: p.decl.name.span.start, ex });
        }
    }

    /// go/types' `verify`: each type argument satisfies its (substituted)
    /// constraint; `Err` has the index of the first that does not and Go's
    /// message.
    pub(super) fn verify(&mut self, tparams: &[TypeId], targs: &[TypeId]) -> Result<(), (usize, String)> {
        let map: Vec<(TypeId, TypeId)> = tparams.iter().copied().zip(targs.iter().copied()).collect();
        for (i, (&tp, &a)) in tparams.iter().zip(targs).enumerate() {
            let c = self.tt.tparam_info(tp).map(|p| p.constraint).unwrap_or(TypeId(0));
            let c = self.subst(c, &map);
            if let Err(cause) = self.satisfies(a, c) {
                return Err((i, cause));
            }
        }
        Ok(())
    }

    /// go/types' `implements(V, T, constraint=true)`: whether type `v`
    /// satisfies constraint `c`, with Go's wording when it does not.
    pub(super) fn satisfies(&mut self, v: TypeId, c: TypeId) -> Result<(), String> {
        if self.tt.is_invalid(v) || self.tt.is_invalid(c) {
            return Ok(());
        }
        self.resolve_methods(v);
        let ts = self.tt.type_set(c);
        if ts.methods.is_empty() && ts.terms.is_none() && !ts.comparable {
            return Ok(());
        }
        let (vs, cs) = (self.type_str(v), self.type_str(c));
        if ts.terms.as_ref().is_some_and(|t| t.is_empty()) {
            return Err(format!("cannot satisfy {cs} (empty type set)"));
        }
        // The methods first.
        if !ts.methods.is_empty() {
            let iface = self.tt.intern(Type::Interface(ts.methods.clone()));
            if let Err(cause) = self.tt.implements(v, iface, crate::types::TypeStyle::Checker) {
                return Err(format!("{vs} does not satisfy {cs} {cause}"));
            }
        }
        let comparable_ok = |me: &Self| !ts.comparable || me.tt.comparable(v);
        let Some(terms) = &ts.terms else {
            return if comparable_ok(self) { Ok(()) } else { Err(format!("{vs} does not satisfy comparable")) };
        };
        // A type parameter: its type set must be a subset.
        if self.tt.is_type_param(v) {
            let vset = self.tt.type_set(v);
            let ok = match &vset.terms {
                Some(vt) => vt.iter().all(|x| terms.iter().any(|t| self.term_covers(t, x))),
                None => false,
            };
            if !ok {
                return Err(format!("{vs} does not satisfy {cs}"));
            }
            return if comparable_ok(self) { Ok(()) } else { Err(format!("{vs} does not satisfy comparable")) };
        }
        if !terms.iter().any(|t| self.tt.term_includes(t, v)) {
            // `possibly missing ~`: v is in ~t but not in t.
            let alt = terms
                .iter()
                .find(|t| !t.tilde && self.tt.underlying(t.ty) == t.ty && self.tt.underlying(v) == t.ty)
                .map(|t| self.type_str(t.ty));
            let detail = match alt {
                Some(a) => format!("possibly missing ~ for {a} in {cs}"),
                None => format!("{vs} missing in {}", self.tt.terms_string(terms, crate::types::TypeStyle::Checker)),
            };
            return Err(format!("{vs} does not satisfy {cs} ({detail})"));
        }
        if comparable_ok(self) { Ok(()) } else { Err(format!("{vs} does not satisfy comparable")) }
    }

    /// Whether term `t` includes every type of term `x`.
    fn term_covers(&self, t: &Term, x: &Term) -> bool {
        if t.tilde {
            self.tt.underlying(x.ty) == self.tt.underlying(t.ty)
        } else {
            !x.tilde && x.ty == t.ty
        }
    }

    /// A generic function named by `e` (`Map`, `(Map)`), if it is one.
    pub(super) fn generic_func_of(&mut self, e: &Expr) -> Option<ObjId> {
        let o = match &e.unparen().kind {
            // A qualified identifier: a package's generic function
            // (`sync.OnceValue`, library Go).
            ExprKind::Selector { x, sel } => {
                let pname = x.unparen().ident()?;
                let po = self.lookup(pname)?;
                let ObjKind::PkgName { pkg, .. } = self.obj(po).kind else { return None };
                if pkg == usize::MAX || !sel.name.chars().next().is_some_and(|c| c.is_uppercase()) {
                    return None;
                }
                let m = self.scopes[self.pkgs[pkg].scope].names.get(&sel.name).copied()?;
                // The import is used (as `selector` marks it).
                if let ObjKind::PkgName { used, .. } = &mut self.obj_mut(po).kind {
                    *used = true;
                }
                m
            }
            _ => self.lookup(e.unparen().ident()?)?,
        };
        if !matches!(self.obj(o).kind, ObjKind::Func { .. }) {
            return None;
        }
        let is_generic = matches!(self.obj(o).decl, DeclRef::Func(f) if !f.tparams.is_empty() && f.recv.is_none());
        if !is_generic {
            return None;
        }
        self.resolve_obj(o);
        self.generic_funcs.contains_key(&o).then_some(o)
    }

    /// `List[int]`, `Pair[K, V]` as a type (go/types' `instantiatedType`):
    /// checks the arguments' count and constraints and gives the instance.
    pub(super) fn instantiated_type(&mut self, _e: &'a Expr, x: &'a Expr, list: &'a [Expr]) -> TypeId {
        // A generic alias: its type with the arguments substituted.
        if let Some((o, tparams)) = self.generic_alias_of(x) {
            let _ = self.use_obj(x, o);
            let t = self.obj(o).ty;
            let targs: Vec<TypeId> = list.iter().map(|a| self.type_expr(a)).collect();
            if targs.iter().any(|&t| self.tt.is_invalid(t)) || self.tt.is_invalid(t) {
                return TypeId(0);
            }
            if targs.len() != tparams.len() {
                let qual = if targs.len() < tparams.len() { "not enough" } else { "too many" };
                let name = self.obj(o).name.clone();
                self.error(x.span, format!("{qual} type arguments for type {name}: have {}, want {}", targs.len(), tparams.len()));
                return TypeId(0);
            }
            let map: Vec<(TypeId, TypeId)> = tparams.iter().copied().zip(targs.iter().copied()).collect();
            self.later_verify.push((tparams, targs, list.iter().map(|a| a.span).collect()));
            return self.subst(t, &map);
        }
        let gx = self.expr_or_type(x);
        if gx.is_invalid() {
            for a in list {
                let _ = self.type_expr(a);
            }
            return TypeId(0);
        }
        let orig = gx.ty;
        let tparams = match self.tt.named_info(orig) {
            Some(n) if gx.mode == Mode::TypeExpr && !n.tparams.is_empty() && n.orig.is_none() => n.tparams.clone(),
            _ => {
                let s = crate::parser::expr_string(x);
                let args: Vec<String> = list.iter().map(crate::parser::expr_string).collect();
                let ts = if gx.mode == Mode::TypeExpr { self.type_str(orig) } else { s.clone() };
                self.error(x.span, format!("invalid operation: {s}[{}] ({ts} is not a generic type)", args.join(" ")));
                return TypeId(0);
            }
        };
        let targs: Vec<TypeId> = list.iter().map(|a| self.type_expr(a)).collect();
        if targs.iter().any(|&t| self.tt.is_invalid(t)) {
            return TypeId(0);
        }
        if targs.len() != tparams.len() {
            let qual = if targs.len() < tparams.len() { "not enough" } else { "too many" };
            let name = self.tt.named_info(orig).map(|n| n.name.clone()).unwrap_or_default();
            self.error(x.span, format!("{qual} type arguments for type {name}: have {}, want {}", targs.len(), tparams.len()));
            return TypeId(0);
        }
        let t = self.instantiate_named(orig, targs.clone());
        // The constraints are checked once the generic type is complete.
        self.later_verify.push((tparams, targs, list.iter().map(|a| a.span).collect()));
        t
    }

    /// The generic alias `x` names, with its type parameters (resolved).
    pub(super) fn generic_alias_of(&mut self, x: &Expr) -> Option<(ObjId, Vec<TypeId>)> {
        let name = x.unparen().ident()?;
        let o = self.lookup(name)?;
        if !matches!(self.obj(o).decl, DeclRef::Type(spec) if spec.alias && !spec.tparams.is_empty()) {
            return None;
        }
        self.resolve_obj(o);
        self.generic_aliases.get(&o).map(|t| (o, t.clone()))
    }

    /// Verifies type instantiations deferred until declarations were
    /// complete (go/types does this "later" too).
    pub(super) fn verify_later(&mut self) {
        for (k, span) in std::mem::take(&mut self.later_map_keys) {
            if !self.tt.comparable(k) {
                let ks = self.type_str(k);
                self.error(span, format!("invalid map key type {ks} (missing comparable constraint)"));
            }
        }
        while let Some((tparams, targs, spans)) = self.later_verify.pop() {
            match self.verify(&tparams, &targs) {
                Err((i, msg)) => {
                    let at = spans.get(i).copied().unwrap_or_default();
                    self.error(at, msg);
                }
                Ok(()) => {
                    let pos = spans.first().copied().unwrap_or_default();
                    self.mono_record(pos, &tparams, &targs, &spans);
                }
            }
        }
    }

    /// `Stack[T any]`: a generic type with its type parameter list, as
    /// go/types prints one used without instantiation.
    pub(super) fn generic_type_string(&self, t: TypeId) -> String {
        let mut s = self.type_str(t);
        let Some(n) = self.tt.named_info(t) else { return s };
        s.push_str(&self.tparam_list_string(&n.tparams.clone()));
        s
    }

    /// go/types' `tParamList`: `[K comparable, V any]`, `[T, U any]` (a
    /// constraint written once for the names sharing it).
    pub(super) fn tparam_list_string(&self, list: &[TypeId]) -> String {
        let mut s = String::from("[");
        let mut prev: Option<TypeId> = None;
        for (i, &tp) in list.iter().enumerate() {
            let c = self.tt.tparam_info(tp).map(|p| p.constraint).unwrap_or(TypeId(0));
            if i > 0 {
                if let Some(p) = prev
                    && p != c
                {
                    s.push(' ');
                    s.push_str(&self.type_str(p));
                }
                s.push_str(", ");
            }
            prev = Some(c);
            s.push_str(&self.type_str(tp));
        }
        if let Some(p) = prev {
            s.push(' ');
            s.push_str(&self.type_str(p));
        }
        s.push(']');
        s
    }
}

/// The names of a method's receiver type parameters: `T` in
/// `func (s *Stack[T]) Push(v T)`.
pub(super) fn recv_type_param_names(f: &ast::FuncDecl) -> Vec<&ast::Expr> {
    let Some(r) = &f.recv else { return Vec::new() };
    let mut t = r.ty.unparen();
    if let ExprKind::Star(x) = &t.kind {
        t = x.unparen();
    }
    match &t.kind {
        ExprKind::Index { index, .. } => vec![index.as_ref()],
        ExprKind::IndexList { indices, .. } => indices.iter().collect(),
        _ => Vec::new(),
    }
}

