//! Package-level declarations: collecting objects, resolving them lazily
//! (types, constants with `iota`, variables, signatures), type expressions,
//! method sets, function bodies, and the package initialization order.

use super::*;
use num_traits::ToPrimitive;
use crate::ast::{Decl, Expr, ExprKind};
use crate::types::{ChanDir, IfaceMethod, StructField, Type};

/// Packages that exist in Go but are outside the playground.
const UNSUPPORTED_PACKAGES: &[&str] = &["unsafe", "reflect", "C", "syscall", "plugin"];

impl<'a> Checker<'a> {
    /// Creates the objects of package `p` (no types resolved yet).
    pub(super) fn collect_package(&mut self, p: usize) {
        self.cur_pkg = p;
        let file = self.pkgs[p].file;
        let pkg_scope = self.pkgs[p].scope;
        self.scope = pkg_scope;
        let user = self.pkgs[p].user;
        if user && file.package.name != "main" {
            // The playground runs programs: only package main makes sense.
            // `go run` says this without a position (the go command, not
            // the compiler, reports it).
            self.error(
                file.package.span,
                "package command-line-arguments is not a main package",
            );
        }
        let mut methods: Vec<&'a ast::FuncDecl> = Vec::new();
        for d in &file.decls {
            match d {
                Decl::Const(g) => {
                    let mut last: Option<&'a ast::ConstSpec> = None;
                    for spec in &g.specs {
                        let src = if spec.values.is_empty() && spec.ty.is_none() {
                            last.unwrap_or(spec)
                        } else {
                            spec
                        };
                        if !(spec.values.is_empty() && spec.ty.is_none()) {
                            last = Some(spec);
                        }
                        self.collect_const_spec(spec, src, true);
                    }
                }
                Decl::Var(g) => {
                    for spec in &g.specs {
                        for n in spec.names.iter() {
                            // The library's variables without a value are
                            // natives (`os.Stdout`).
                            let global = if user || (self.pkgs[p].go && !spec.values.is_empty()) {
                                let gid = GlobalId(self.info.globals.len() as u32);
                                self.info.globals.push(GlobalInfo { name: n.name.clone(), ty: TypeId(0) });
                                self.info.global_defs.insert(n.span.start, gid);
                                Some(gid)
                            } else {
                                None
                            };
                            let o = self.new_obj(
                                &n.name,
                                ObjKind::Var {
                                    local: None,
                                    global,
                                },
                                TypeId(0),
                                n.span,
                                DeclRef::Var { spec },
                            );
                            self.obj_mut(o).used = true;
                            if global.is_some() {
                                self.pkg_vars.push(o);
                            }
                            self.declare(&n.name, o, n.span);
                        }
                    }
                }
                Decl::Type(g) => {
                    for spec in &g.specs {
                        self.collect_type_spec(spec);
                    }
                }
                Decl::Func(f) => {
                    if f.recv.is_some() {
                        methods.push(f);
                        continue;
                    }
                    let func = if user || f.body.is_some() {
                        let name = if user { f.name.name.clone() } else { format!("{}.{}", self.pkgs[p].path, f.name.name) };
                        let fid = self.new_func_info(name, None, TypeId(0));
                        self.info.func_defs.insert(f.name.span.start, fid);
                        // A generic function compiles per instance only.
                        self.info.funcs[fid.0 as usize].generic = !f.tparams.is_empty();
                        FuncRef::User(fid)
                    } else {
                        FuncRef::Native(format!("{}.{}", self.pkgs[p].path, f.name.name))
                    };
                    if !f.tparams.is_empty() && (f.name.name == "main" || f.name.name == "init") {
                        let at = f.tparams[0].span;
                        self.error(at, format!("func {} must have no type parameters", f.name.name));
                    }
                    let o = self.new_obj(
                        &f.name.name,
                        ObjKind::Func {
                            func: Some(func.clone()),
                        },
                        TypeId(0),
                        f.name.span,
                        DeclRef::Func(f),
                    );
                    if f.name.name == "init" {
                        if let FuncRef::User(fid) = func {
                            self.info.inits.push(fid);
                            self.info.funcs[fid.0 as usize].is_init = true;
                        }
                        if !f.ty.params.is_empty() || !f.ty.results.is_empty() {
                            self.error(
                                f.name.span,
                                "func init must have no arguments and no return values",
                            );
                        }
                        continue;
                    }
                    if f.name.name == "main" && user {
                        if let FuncRef::User(fid) = func {
                            self.info.main = Some(fid);
                        }
                        if !f.ty.params.is_empty() || !f.ty.results.is_empty() {
                            self.error(
                                f.name.span,
                                "func main must have no arguments and no return values",
                            );
                        }
                    }
                    self.declare(&f.name.name, o, f.name.span);
                }
            }
        }
        // Imports live in the file scope, between package and functions.
        let fs = self.scopes.len();
        self.scopes.push(Scope {
            parent: Some(pkg_scope),
            names: HashMap::default(),
        });
        self.pkgs_file_scope_set(p, fs);
        self.scope = fs;
        for imp in &file.imports {
            let path = crate::lexer::decode_string(&imp.path.text)
                .map(|b| String::from_utf8_lossy(&b).into_owned())
                .unwrap_or_default();
            // The go command's rule: a package under an `internal` element
            // is importable only from the tree it is in (the library's own).
            let internal = path.split('/').any(|e| e == "internal");
            let found = self.pkgs.iter().position(|pk| pk.path == path && !pk.user).filter(|_| !(internal && self.pkgs[p].user));
            let Some(pi) = found else {
                if internal && self.pkgs[p].user {
                    self.error(imp.path.span, format!("use of internal package {path} not allowed"));
                } else if UNSUPPORTED_PACKAGES.contains(&path.as_str()) {
                    self.error(
                        imp.path.span,
                        format!(
                            "unsupported: package {path:?} is not supported by this playground"
                        ),
                    );
                } else {
                    self.error(
                        imp.path.span,
                        format!(
                            "unsupported: package {path:?} is not available in this playground"
                        ),
                    );
                }
                // A placeholder so uses of the package do not cascade.
                let name = match &imp.name {
                    Some(n) => n.name.clone(),
                    None => crate::types::package_name(&path).to_string(),
                };
                if name != "_" && name != "." {
                    let o = self.new_obj(
                        &name,
                        ObjKind::PkgName {
                            pkg: usize::MAX,
                            used: true,
                        },
                        TypeId(0),
                        imp.path.span,
                        DeclRef::None,
                    );
                    self.obj_mut(o).state = State::Done;
                    self.declare(&name, o, imp.path.span);
                }
                continue;
            };
            let (name, span) = match &imp.name {
                Some(n) if n.name == "_" => continue,
                Some(n) if n.name == "." => {
                    self.unsupported(n.span, "dot import");
                    continue;
                }
                Some(n) => (n.name.clone(), n.span),
                None => (self.pkgs[pi].name.clone(), imp.path.span),
            };
            let o = self.new_obj(
                &name,
                ObjKind::PkgName {
                    pkg: pi,
                    used: false,
                },
                TypeId(0),
                span,
                DeclRef::None,
            );
            self.obj_mut(o).state = State::Done;
            // Remember the import's path span for the "imported and not used"
            // report.
            self.obj_mut(o).span = imp.span;
            if let Some(&prev) = self.scopes[pkg_scope].names.get(&name) {
                let ps = self.obj(prev).span;
                let _ = ps;
                self.error(
                    span,
                    format!("{name} already declared through import of package"),
                );
                continue;
            }
            self.declare(&name, o, span);
            if self.scopes[self.scope].names.get(&name) != Some(&o) {
                let path = self.pkgs[pi].path.clone();
                let msg = if name != self.pkgs[pi].name {
                    format!("{path:?} imported as {name} and not used")
                } else {
                    format!("{path:?} imported and not used")
                };
                self.dup_imports.push((imp.span, msg));
            }
        }
        // Methods attach to their receiver's base type.
        for f in methods {
            self.collect_method(p, f);
        }
    }

    fn pkgs_file_scope_set(&mut self, p: usize, fs: usize) {
        // The package's scope index stays; the file scope is found as the
        // only child created right after collection: remember it here.
        self.file_scopes_insert(p, fs);
    }

    fn file_scopes_insert(&mut self, p: usize, fs: usize) {
        while self.file_scopes.len() <= p {
            self.file_scopes.push(0);
        }
        self.file_scopes[p] = fs;
    }

    fn collect_const_spec(
        &mut self,
        spec: &'a ast::ConstSpec,
        src: &'a ast::ConstSpec,
        global: bool,
    ) -> Vec<ObjId> {
        let mut out = Vec::new();
        for (i, n) in spec.names.iter().enumerate() {
            let value = src.values.get(i);
            let o = self.new_obj(
                &n.name,
                ObjKind::Const(Value::int(0)),
                TypeId(0),
                n.span,
                DeclRef::Const {
                    ty: src.ty.as_ref(),
                    value,
                    iota: spec.iota,
                },
            );
            self.obj_mut(o).used = true;
            if global {
                self.declare(&n.name, o, n.span);
            }
            out.push(o);
        }
        if src.values.len() < spec.names.len() && !src.values.is_empty()
            || (src.values.is_empty() && src.ty.is_none())
        {
            if let Some(n) = spec.names.get(src.values.len()) {
                self.error(n.span, "missing init expr for const declaration");
            }
        } else if src.values.len() > spec.names.len()
            && let Some(v) = src.values.get(spec.names.len())
        {
            self.error(v.span, "extra init expr");
        }
        out
    }

    pub(super) fn collect_type_spec(&mut self, spec: &'a ast::TypeSpec) -> ObjId {
        let ty = if spec.alias {
            TypeId(0)
        } else {
            self.tt
                .new_named(&spec.name.name, &self.pkgs[self.cur_pkg].path.clone())
        };
        let o = self.new_obj(
            &spec.name.name,
            ObjKind::TypeName,
            ty,
            spec.name.span,
            DeclRef::Type(spec),
        );
        self.obj_mut(o).used = true;
        if !spec.alias {
            self.named_objs.insert(ty, o);
        }
        self.declare(&spec.name.name, o, spec.name.span);
        o
    }

    fn collect_method(&mut self, p: usize, f: &'a ast::FuncDecl) {
        let Some(recv) = &f.recv else { return };
        let mut rt = recv.ty.unparen();
        let mut ptr = false;
        if let ExprKind::Star(x) = &rt.kind {
            ptr = true;
            rt = x.unparen();
        }
        // A generic type's method names its type parameters:
        // `func (s *Stack[T]) Push(v T)`.
        let generic_recv = matches!(rt.kind, ExprKind::Index { .. } | ExprKind::IndexList { .. });
        if let ExprKind::Index { x, .. } | ExprKind::IndexList { x, .. } = &rt.kind {
            rt = x.unparen();
        }
        let base = match &rt.kind {
            ExprKind::Ident(n) => n.clone(),
            _ => {
                self.error(
                    rt.span,
                    format!("invalid receiver type {}", crate::parser::expr_string(rt)),
                );
                return;
            }
        };
        let pkg_scope = self.pkgs[p].scope;
        let named = match self.scopes[pkg_scope].names.get(&base).copied() {
            Some(o)
                if matches!(self.obj(o).kind, ObjKind::TypeName)
                    && self.tt.named_info(self.obj(o).ty).is_some() =>
            {
                self.obj(o).ty
            }
            Some(_) | None => {
                if self.scopes[self.universe].names.contains_key(&base) {
                    self.error(
                        rt.span,
                        format!("cannot define new methods on non-local type {base}"),
                    );
                } else {
                    self.error(rt.span, format!("undefined: {base}"));
                }
                return;
            }
        };
        let user = self.pkgs[p].user;
        let tname = self
            .tt
            .named_info(named)
            .map(|n| n.name.clone())
            .unwrap_or_default();
        let display = if ptr {
            format!("(*{tname}).{}", f.name.name)
        } else {
            format!("{tname}.{}", f.name.name)
        };
        let func = if user || f.body.is_some() {
            let name = if user { display } else { format!("{}.{}", self.pkgs[p].path, display) };
            let fid = self.new_func_info(name, None, TypeId(0));
            self.info.func_defs.insert(f.name.span.start, fid);
            self.info.funcs[fid.0 as usize].generic = generic_recv || !f.tparams.is_empty();
            FuncRef::User(fid)
        } else {
            FuncRef::Native(format!("{}.{}", self.pkgs[p].path, display))
        };

        let o = self.new_obj(
            &f.name.name,
            ObjKind::Func {
                func: Some(func.clone()),
            },
            TypeId(0),
            f.name.span,
            DeclRef::Func(f),
        );
        if f.name.name == "_" {
            return;
        }
        let prev = self
            .tt
            .named_info(named)
            .and_then(|info| info.methods.iter().find(|m| m.name == f.name.name))
            .map(|m| self.obj(ObjId(m.func)).span);
        if let Some(prev) = prev {
            let ps = self.pos_string(prev);
            self.error(
                f.name.span,
                format!("method {tname}.{} already declared at {ps}", f.name.name),
            );
            return;
        }
        if let Some(info) = self.tt.named_info_mut(named) {
            info.methods.push(crate::types::MethodInfo {
                name: f.name.name.clone(),
                func: o.0,
                ptr_recv: ptr,
                sig: None,
            });
        }
        // A generic type's methods exist only on its instances, and a
        // method's with type parameters only in its instances' calls.
        if self.pkgs[p].go && !generic_recv && f.tparams.is_empty() {
            self.info
                .methods
                .entry(named)
                .or_default()
                .push((f.name.name.clone(), func, ptr));
        }
        self.method_objs.push((named, o));
    }

    /// Resolves every package-level object of package `p`.
    pub(super) fn resolve_package(&mut self, p: usize) {
        self.cur_pkg = p;
        let ids: Vec<ObjId> = (0..self.objs.len() as u32)
            .map(ObjId)
            .filter(|&o| self.obj(o).pkg == p)
            .collect();
        for o in ids {
            if !matches!(self.obj(o).decl, DeclRef::None) {
                self.resolve_obj(o);
            }
        }
        // Struct types that contain themselves by value have no size.
        if self.pkgs[p].user {
            let named: Vec<(TypeId, ObjId)> = self
                .named_objs
                .iter()
                .filter(|(_, o)| self.obj(**o).pkg == p)
                .map(|(t, o)| (*t, *o))
                .collect();
            let mut named = named;
            named.sort_by_key(|(_, o)| *o);
            let mut reported: Vec<TypeId> = Vec::new();
            for (t, o) in named {
                if reported.contains(&t) {
                    continue;
                }
                reported.extend(self.check_type_cycle(t, o));
            }
        }
    }

    /// Reports `invalid recursive type` when named type `t` (declared by
    /// `o`) contains itself by value; returns the types on the cycle (their
    /// underlying types become invalid, so later stages never see an
    /// infinitely large type).
    pub(super) fn check_type_cycle(&mut self, t: TypeId, o: ObjId) -> Vec<TypeId> {
        let mut path = vec![t];
        let mut seen = Vec::new();
        if !self.cycle_path(t, t, &mut path, &mut seen, 0) {
            return Vec::new();
        }
        let (span, name) = (self.obj(o).span, self.obj(o).name.clone());
        if path.len() == 1 {
            self.error(
                span,
                format!("invalid recursive type: {name} refers to itself"),
            );
        } else {
            let mut msg = format!("invalid recursive type {name}");
            for (i, &p) in path.iter().enumerate() {
                let next = path[(i + 1) % path.len()];
                let po = self.named_objs.get(&p).copied().unwrap_or(o);
                let ps = self.pos_string(self.obj(po).span);
                let (a, b) = (self.type_str(p), self.type_str(next));
                msg.push_str(&format!("\n\t{ps}: {a} refers to {b}"));
            }
            self.error(span, msg);
        }
        for &p in &path {
            if let Some(n) = self.tt.named_info_mut(p) {
                n.underlying = TypeId(0);
            }
        }
        path
    }

    /// Whether `t` contains `target` by value (struct fields, array
    /// elements); `path` collects the named types on the way.
    fn cycle_path(
        &self,
        t: TypeId,
        target: TypeId,
        path: &mut Vec<TypeId>,
        seen: &mut Vec<TypeId>,
        depth: u32,
    ) -> bool {
        if depth > 30 {
            return false;
        }
        let u = self.tt.underlying(t);
        let children: Vec<TypeId> = match self.tt.get(u) {
            Type::Struct(fs) => fs.iter().map(|f| f.ty).collect(),
            Type::Array(e, _) => vec![*e],
            _ => return false,
        };
        for c in children {
            if c == target {
                return true;
            }
            let named = self.tt.named_info(c).is_some();
            if named {
                // Explored before without reaching the target: skip (keeps
                // shared components linear).
                if seen.contains(&c) {
                    continue;
                }
                seen.push(c);
                path.push(c);
            }
            if self.cycle_path(c, target, path, seen, depth + 1) {
                return true;
            }
            if named {
                path.pop();
            }
        }
        false
    }

    /// Resolves a package-level object on demand.
    pub(super) fn resolve_obj(&mut self, o: ObjId) {
        match self.obj(o).state {
            State::Done => return,
            State::Resolving => {
                let ob = self.obj(o);
                let (span, name) = (ob.span, ob.name.clone());
                match ob.decl {
                    DeclRef::Type(_) => self.error(span, format!("invalid recursive type {name}")),
                    DeclRef::Func(_) => {}
                    DeclRef::Var { .. } => {
                        // The dependency is recorded; the init-order pass
                        // reports the cycle with its path, as Go does.
                        let _ = (span, name);
                    }
                    _ => {
                        self.error(span, format!("initialization cycle or invalid recursive reference: {name} refers to itself"));
                        self.obj_mut(o).ty = TypeId(0);
                        self.obj_mut(o).state = State::Done;
                    }
                }
                return;
            }
            State::Unresolved => {}
        }
        self.obj_mut(o).state = State::Resolving;
        // Package-level declarations see only package and file scope.
        let saved = (
            self.scope,
            self.cur_pkg,
            std::mem::take(&mut self.fstack),
            self.iota,
            self.cur_decl,
        );
        let saved_constraint_ok = std::mem::take(&mut self.constraint_ok);
        let p = self.obj(o).pkg;
        self.cur_pkg = p;
        self.scope = self
            .file_scopes
            .get(p)
            .copied()
            .unwrap_or(self.pkgs[p].scope);
        self.iota = None;
        match self.obj(o).decl {
            DeclRef::Type(spec) => self.resolve_type_decl(o, spec),
            DeclRef::Const {
                ty, value, iota, ..
            } => {
                self.cur_decl = None;
                self.iota = Some(iota as i128);
                let (t, v) = self.const_decl(ty, value, self.obj(o).span);
                self.obj_mut(o).ty = t;
                self.obj_mut(o).kind = ObjKind::Const(v);
            }
            DeclRef::Var { spec, .. } => {
                self.cur_decl = Some(o);
                self.resolve_global_var_spec(spec);
            }
            DeclRef::Func(f) => {
                // A generic function's signature mentions its type
                // parameters (declared here on first resolution); what
                // it records is generic, kept from the compiler's tables.
                let generic = !f.tparams.is_empty()
                    || matches!(self.obj_func(o), Some(FuncRef::User(fid)) if self.info.funcs[fid.0 as usize].generic);
                let saved_ex = generic.then(|| std::mem::take(&mut self.info.ex));
                let opened = self.open_tparam_scope(o, f);
                let sig = self.func_type(&f.ty);
                if opened {
                    self.close_scope();
                }

                if let Some(ex) = saved_ex {
                    self.info.ex = ex;
                }
                self.obj_mut(o).ty = sig;
                if let Some(FuncRef::User(fid)) = self.obj_func(o) {
                    self.info.funcs[fid.0 as usize].sig = sig;
                }
                if f.recv.is_some()
                    && let Some(&(named, _)) = self.method_objs.iter().find(|(_, m)| *m == o)
                    && let Some(info) = self.tt.named_info_mut(named)
                    && let Some(m) = info.methods.iter_mut().find(|m| m.func == o.0)
                {
                    m.sig = Some(sig);
                }
            }
            DeclRef::None => {}
        }
        self.obj_mut(o).state = State::Done;
        self.constraint_ok = saved_constraint_ok;
        (
            self.scope,
            self.cur_pkg,
            self.fstack,
            self.iota,
            self.cur_decl,
        ) = saved;
    }

    pub(super) fn obj_func(&self, o: ObjId) -> Option<FuncRef> {
        match &self.obj(o).kind {
            ObjKind::Func { func } => func.clone(),
            _ => None,
        }
    }

    fn resolve_type_decl(&mut self, o: ObjId, spec: &'a ast::TypeSpec) {
        if spec.alias {
            let t = self.generic_type_rhs(o, spec);
            self.obj_mut(o).ty = t;
            return;
        }
        let named = self.obj(o).ty;
        let t = self.generic_type_rhs(o, spec);
        let mut u = self.tt.underlying(t);
        if self.tt.is_type_param(t) {
            self.error(spec.ty.span, "cannot use a type parameter as RHS in type declaration");
            u = TypeId(0);
        }
        if let Some(&to) = self.named_objs.get(&t)
            && self.obj(to).state == State::Resolving
        {
            // `type T T` or `type A B; type B A`.
            if to != o {
                let (span, name) = (self.obj(o).span, self.obj(o).name.clone());
                self.error(span, format!("invalid recursive type {name}"));
            } else {
                self.error(
                    spec.name.span,
                    format!("invalid recursive type {}", spec.name.name),
                );
            }
            u = TypeId(0);
        }
        if let Some(n) = self.tt.named_info_mut(named) {
            n.underlying = u;
        }
        // Instances made while this declaration was resolved.
        self.expand_pending();
    }

    /// A type declaration's right-hand side. A generic type's (or generic
    /// alias's) type parameters are in scope there (and a generic type's
    /// methods bind them by position); what it records mentions them, so
    /// it is kept from the compiler's tables.
    pub(super) fn generic_type_rhs(&mut self, o: ObjId, spec: &'a ast::TypeSpec) -> TypeId {
        if spec.tparams.is_empty() {
            return self.type_expr(&spec.ty);
        }
        let saved_ex = std::mem::take(&mut self.info.ex);
        self.open_scope();
        let tps = self.declare_type_params(&spec.tparams);
        if spec.alias {
            self.generic_aliases.insert(o, tps);
        } else {
            let named = self.obj(o).ty;
            if let Some(n) = self.tt.named_info_mut(named) {
                n.tparams = tps;
            }
        }
        let t = self.type_expr(&spec.ty);
        self.close_scope();
        self.info.ex = saved_ex;
        t
    }

    /// Checks a constant declaration's value (and type); returns both.
    pub(super) fn const_decl(
        &mut self,
        ty: Option<&'a Expr>,
        value: Option<&'a Expr>,
        _span: Span,
    ) -> (TypeId, Value) {
        let t = ty.map(|t| self.type_expr(t));
        if let Some(t) = t
            && !self.tt.is_const_type(t)
            && !self.tt.is_invalid(t)
        {
            if let Some(te) = ty {
                self.error(
                    te.span,
                    format!("invalid constant type {}", self.type_str(t)),
                );
            }
            return (TypeId(0), Value::int(0));
        }
        let Some(e) = value else {
            return (t.unwrap_or(TypeId(0)), Value::int(0));
        };
        let mut x = self.expr(e, None);
        if x.is_invalid() {
            return (TypeId(0), Value::int(0));
        }
        if !matches!(x.mode, Mode::Constant(_)) {
            let d = self.describe(&x, e);
            self.error(e.span, format!("{d} is not constant"));
            return (TypeId(0), Value::int(0));
        }
        if let Some(t) = t {
            self.assign_operand(&mut x, e, t, "constant declaration");
        }
        match x.mode {
            Mode::Constant(v) => (x.ty, v),
            _ => (TypeId(0), Value::int(0)),
        }
    }

    fn resolve_global_var_spec(&mut self, spec: &'a ast::VarSpec) {
        let objs: Vec<ObjId> = spec
            .names
            .iter()
            .map(|n| {
                self.scopes[self.pkgs[self.cur_pkg].scope]
                    .names
                    .get(&n.name)
                    .copied()
                    .filter(|&o| self.obj(o).span == n.span)
            })
            .map(|o| o.unwrap_or(ObjId(u32::MAX)))
            .collect();
        // `_` names are not in the scope: find them by span.
        let objs: Vec<ObjId> = objs
            .iter()
            .zip(&spec.names)
            .map(|(&o, n)| {
                if o.0 != u32::MAX {
                    o
                } else {
                    (0..self.objs.len() as u32)
                        .map(ObjId)
                        .find(|&x| {
                            self.obj(x).span == n.span
                                && matches!(self.obj(x).kind, ObjKind::Var { .. })
                        })
                        .unwrap_or(ObjId(u32::MAX))
                }
            })
            .collect();
        for &o in &objs {
            if o.0 != u32::MAX {
                self.obj_mut(o).state = State::Resolving;
            }
        }
        let declared = spec.ty.as_ref().map(|t| self.type_expr(t));
        let alias = spec.ty.as_ref().and_then(|t| self.type_expr_alias(t));
        let saved = std::mem::replace(&mut self.decl_alias, alias);
        let types = self.init_values(
            declared,
            spec.names.len(),
            &spec.values,
            "variable declaration",
        );
        self.decl_alias = saved;
        for (i, &o) in objs.iter().enumerate() {
            if o.0 == u32::MAX {
                continue;
            }
            let t = types.get(i).copied().unwrap_or(TypeId(0));
            self.obj_mut(o).ty = t;
            self.obj_mut(o).state = State::Done;
            if let ObjKind::Var {
                global: Some(g), ..
            } = self.obj(o).kind
                && let Some(gi) = self.info.globals.get_mut(g.0 as usize)
            {
                gi.ty = t;
            }
        }
        if self.recording() && !spec.values.is_empty() {
            let lhs: Vec<ObjId> = objs.clone();
            if spec.values.len() == spec.names.len() {
                for (i, v) in spec.values.iter().enumerate() {
                    self.global_inits.push((vec![lhs[i]], v.id));
                }
            } else if let Some(v) = spec.values.first() {
                self.global_inits.push((lhs, v.id));
            }
        }
    }

    /// Types the initial values of `n` variables (`var a, b T = x, y`,
    /// `a, b := f()`), converting them to the declared type if any. Returns
    /// each variable's type (invalid after an error).
    pub(super) fn init_values(
        &mut self,
        declared: Option<TypeId>,
        n: usize,
        values: &'a [Expr],
        context: &str,
    ) -> Vec<TypeId> {
        let invalid = vec![TypeId(0); n];
        if values.is_empty() {
            return vec![declared.unwrap_or(TypeId(0)); n];
        }
        if values.len() == n {
            let mut out = Vec::new();
            for v in values {
                let mut x = self.rhs_value(v, declared, values, n);
                if x.is_invalid() {
                    out.push(declared.unwrap_or(TypeId(0)));
                    continue;
                }
                if !self.single_value(&mut x, v) {
                    out.push(declared.unwrap_or(TypeId(0)));
                    continue;
                }
                match declared {
                    Some(t) => {
                        self.assign_operand(&mut x, v, t, context);
                        out.push(t);
                    }
                    None => {
                        let t = self.default_operand(&mut x, v, context);
                        out.push(t);
                    }
                }
            }
            return out;
        }
        if values.len() == 1 {
            let v = &values[0];
            let x = self.expr_multi(v);
            if x.is_invalid() {
                return invalid;
            }
            if let Type::Tuple(ts) = self.tt.get(x.ty).clone() {
                if ts.len() == n {
                    let mut out = Vec::new();
                    for t in ts {
                        match declared {
                            Some(d) => {
                                if !self.tt.assignable(t, d) {
                                    self.error(
                                        v.span,
                                        format!(
                                            "cannot use {} value as {} value in {context}",
                                            self.type_str(t),
                                            self.type_str(d)
                                        ),
                                    );
                                }
                                out.push(d);
                            }
                            None => out.push(t),
                        }
                    }
                    return out;
                }
                self.assign_mismatch(values, n, ts.len());
                return invalid;
            }
            if matches!(x.mode, Mode::CommaOk | Mode::MapIndex) && n == 2 {
                let bool_t = self.tt.basic(BasicKind::Bool);
                let first = match declared {
                    Some(d) => {
                        let mut y = x.clone();
                        y.mode = Mode::Value;
                        self.assign_operand(&mut y, v, d, context);
                        d
                    }
                    None => x.ty,
                };
                self.comma_ok_used.insert(v.unparen().id);
                let second = declared.unwrap_or(bool_t);
                if declared.is_some() && !self.tt.is_boolean(second) {
                    self.error(
                        v.span,
                        format!(
                            "cannot use {} value as {} value in {context}",
                            "untyped bool",
                            self.type_str(second)
                        ),
                    );
                }
                if self.recording() {
                    let tup = self.tt.tuple(vec![x.ty, bool_t]);
                    self.info.ex.types.insert(v.unparen().id, tup);
                }
                return vec![first, second];
            }
            let r = if x.mode == Mode::NoValue { 0 } else { 1 };
            self.assign_mismatch(values, n, r);
            return invalid;
        }
        // Count values for the message (a multi-value call counts as one
        // expression here, as in types2).
        for v in values {
            let _ = self.expr(v, None);
        }
        self.assign_mismatch(values, n, values.len());
        invalid
    }

    /// One right-hand value; a lone call returning several values is an
    /// assignment mismatch (`x := g()` with two results).
    pub(super) fn rhs_value(
        &mut self,
        v: &'a Expr,
        hint: Option<TypeId>,
        values: &'a [Expr],
        nlhs: usize,
    ) -> super::expr::Operand {
        if values.len() == 1 && matches!(v.unparen().kind, ExprKind::Call { .. }) {
            let x = self.expr_multi(v);
            if let Type::Tuple(ts) = self.tt.get(x.ty)
                && x.mode != Mode::NoValue
                && ts.len() != 1
            {
                let l = ts.len();
                self.assign_mismatch(values, nlhs, l);
                return super::expr::Operand::invalid();
            }
            return x;
        }
        self.expr(v, hint)
    }

    pub(super) fn assign_mismatch(&mut self, rhs: &[Expr], l: usize, r: usize) {
        let Some(rhs0) = rhs.first() else { return };
        let vars = measure(l, "variable");
        let vals = measure(r, "value");
        if rhs.len() == 1
            && let ExprKind::Call { fun, .. } = &rhs0.unparen().kind
        {
            let f = crate::parser::expr_string(fun);
            self.error(
                rhs0.span,
                format!("assignment mismatch: {vars} but {f} returns {vals}"),
            );
            return;
        }
        self.error(rhs0.span, format!("assignment mismatch: {vars} but {vals}"));
    }

    /// A type expression; reports "x is not a type".
    pub(super) fn type_expr(&mut self, e: &'a Expr) -> TypeId {
        if self.out_of_stack(e.span) {
            return TypeId(0);
        }
        let t = self.type_expr_inner(e);
        self.record_type(e, t);
        t
    }

    fn type_expr_inner(&mut self, e: &'a Expr) -> TypeId {
        match &e.kind {
            ExprKind::Ident(_) | ExprKind::Selector { .. } => {
                let x = self.expr_or_type(e);
                match x.mode {
                    Mode::TypeExpr if self.tt.named_info(x.ty).is_some_and(|n| !n.tparams.is_empty() && n.orig.is_none()) => {
                        let s = self.generic_type_string(x.ty);
                        self.error(e.span, format!("cannot use generic type {s} without instantiation"));
                        TypeId(0)
                    }
                    Mode::TypeExpr if let Some((o, tps)) = self.generic_alias_of(e) => {
                        let s = format!("{}{}", self.obj(o).name, self.tparam_list_string(&tps));
                        self.error(e.span, format!("cannot use generic type {s} without instantiation"));
                        TypeId(0)
                    }
                    Mode::TypeExpr if self.constraint_ok == 0 && matches!(self.tt.get(self.tt_named_under(x.ty)), Type::Constraint(_)) => {
                        let s = crate::parser::expr_string(e);
                        let why = match self.tt.get(self.tt_named_under(x.ty)) {
                            Type::Constraint(ts) if ts.comparable && ts.terms.is_none() => "interface is (or embeds) comparable",
                            _ => "interface contains type constraints",
                        };
                        self.error(e.span, format!("cannot use type {s} outside a type constraint: {why}"));
                        TypeId(0)
                    }
                    Mode::TypeExpr => x.ty,
                    Mode::Invalid => TypeId(0),
                    _ => {
                        let s = crate::parser::expr_string(e);
                        self.error(e.span, format!("{s} is not a type"));
                        TypeId(0)
                    }
                }
            }
            ExprKind::Paren(x) => self.type_expr(x),
            ExprKind::Star(x) => {
                let t = self.type_expr(x);
                self.tt.pointer(t)
            }
            ExprKind::ArrayType { len, elem } => {
                let Some(len) = len else {
                    self.error(
                        e.span,
                        "invalid use of [...] array (outside a composite literal)",
                    );
                    return TypeId(0);
                };
                let n = self.array_len(len);
                let el = self.type_expr(elem);
                match n {
                    // Go accepts any length whose size fits its address
                    // space; the engine counts elements in 32 bits.
                    Some(n) if n > u32::MAX as i64 => {
                        self.unsupported(len.span, &format!("an array of {n} elements (more than {})", u32::MAX));
                        TypeId(0)
                    }
                    Some(n) => self.tt.intern(Type::Array(el, n)),
                    None => TypeId(0),
                }
            }
            ExprKind::SliceType(el) => {
                let t = self.type_expr(el);
                self.tt.slice(t)
            }
            ExprKind::MapType { key, value } => {
                let k = self.type_expr(key);
                let v = self.type_expr(value);
                if self.tt.is_type_param(k) {
                    // Its constraint may not be known yet (`[M ~map[K]V,
                    // K comparable]`): checked once it is.
                    self.later_map_keys.push((k, key.span));
                } else if !self.tt.is_invalid(k) && !self.tt.comparable(k) {
                    // Deferred in Go until the key's type is complete; we
                    // check now unless it is still being resolved.
                    let resolving = self
                        .named_objs
                        .get(&k)
                        .is_some_and(|&o| self.obj(o).state == State::Resolving);
                    if !resolving {
                        self.error(
                            key.span,
                            format!("invalid map key type {}", self.type_str(k)),
                        );
                    }
                }
                self.tt.intern(Type::Map(k, v))
            }
            ExprKind::ChanType { dir, elem } => {
                let t = self.type_expr(elem);
                let d = match dir {
                    ast::ChanDir::Both => ChanDir::Both,
                    ast::ChanDir::Send => ChanDir::Send,
                    ast::ChanDir::Recv => ChanDir::Recv,
                };
                self.tt.intern(Type::Chan(d, t))
            }
            ExprKind::FuncType(ft) => self.func_type(ft),
            ExprKind::StructType(fields) => self.struct_type(fields),
            ExprKind::InterfaceType(elems) => self.interface_type(elems),
            ExprKind::Index { x, index } => self.instantiated_type(e, x, std::slice::from_ref(index.as_ref())),
            ExprKind::IndexList { x, indices } => self.instantiated_type(e, x, indices),
            ExprKind::Bad => TypeId(0),
            _ => {
                let s = crate::parser::expr_string(e);
                self.error(e.span, format!("{s} is not a type"));
                TypeId(0)
            }
        }
    }

    fn array_len(&mut self, len: &'a Expr) -> Option<i64> {
        let x = self.expr(len, None);
        if x.is_invalid() {
            return None;
        }
        match &x.mode {
            // go/types' arrayLength: an integral constant that an int holds
            // and not negative; else, by the operand's type, an invalid
            // length or one that must be integer.
            Mode::Constant(v) => {
                if (self.tt.is_integer(x.ty) || self.tt.is_untyped(x.ty))
                    && let Some(i) = v.to_int().and_then(|i| i.to_i64())
                    && i >= 0
                {
                    return Some(i);
                }
                let d = self.describe(&x, len);
                if self.tt.is_integer(x.ty) {
                    self.error(len.span, format!("invalid array length {d}"));
                } else {
                    self.error(len.span, format!("array length {d} must be integer"));
                }
                None
            }
            _ => {
                let d = self.describe(&x, len);
                self.error(len.span, format!("array length {d} must be constant"));
                None
            }
        }
    }

    /// A signature; parameters are typed but not declared.
    pub(super) fn func_type(&mut self, ft: &'a ast::FuncType) -> TypeId {
        let mut params = Vec::new();
        let mut variadic = false;
        let n = ft.params.len();
        for (i, f) in ft.params.iter().enumerate() {
            let mut t = self.type_expr(&f.ty);
            if f.variadic {
                // A misplaced `...` was reported by the parser.
                if i + 1 == n && f.names.len() <= 1 {
                    variadic = true;
                }
                t = self.tt.slice(t);
            }
            for _ in 0..f.names.len().max(1) {
                params.push(t);
            }
        }
        let mut results = Vec::new();
        for f in &ft.results {
            let t = self.type_expr(&f.ty);
            for _ in 0..f.names.len().max(1) {
                results.push(t);
            }
        }
        self.tt.func(params, results, variadic)
    }

    fn struct_type(&mut self, fields: &'a [ast::Field]) -> TypeId {
        let mut out: Vec<StructField> = Vec::new();
        let pkg = self.pkgs[self.cur_pkg].path.clone();
        for f in fields {
            let t = self.type_expr(&f.ty);
            let tag = f
                .tag
                .as_ref()
                .and_then(|l| crate::lexer::decode_string(&l.text).ok())
                .map(|b| String::from_utf8_lossy(&b).into_owned())
                .unwrap_or_default();
            if f.names.is_empty() {
                // Embedded: the field is named after the type name.
                let mut te = f.ty.unparen();
                if let ExprKind::Star(x) = &te.kind {
                    te = x.unparen();
                }
                // An embedded instance `List[int]` is named `List`.
                if let ExprKind::Index { x, .. } | ExprKind::IndexList { x, .. } = &te.kind {
                    te = x.unparen();
                }
                let name = match &te.kind {
                    ExprKind::Ident(n) => n.clone(),
                    ExprKind::Selector { sel, .. } => sel.name.clone(),
                    _ => {
                        self.error(f.ty.span, "embedded field type must be a type name");
                        continue;
                    }
                };
                let base = match self.tt.get(t) {
                    Type::Pointer(e) => *e,
                    _ => t,
                };
                // (The field stays, of invalid type, so its uses are quiet.)
                let t = if self.tt.is_type_param(base) {
                    self.error(f.ty.span, "embedded field type cannot be a (pointer to a) type parameter");
                    TypeId(0)
                } else {
                    t
                };
                if matches!(self.tt.get(t), Type::Pointer(_))
                    && let Type::Pointer(e) = self.tt.get(t)
                    && (matches!(self.tt.under(*e), Type::Pointer(_)) || self.tt.is_interface(*e))
                {
                    self.error(
                        f.ty.span,
                        "embedded field type cannot be a pointer to an interface",
                    );
                }
                if out.iter().any(|g| g.name == name) {
                    self.error(f.ty.span, format!("{name} redeclared"));
                }
                out.push(StructField {
                    name,
                    ty: t,
                    embedded: true,
                    tag: tag.clone(),
                    pkg: pkg.clone(),
                });
            } else {
                for n in &f.names {
                    if n.name != "_" && out.iter().any(|g| g.name == n.name) {
                        self.error(n.span, format!("{} redeclared", n.name));
                    }
                    out.push(StructField {
                        name: n.name.clone(),
                        ty: t,
                        embedded: false,
                        tag: tag.clone(),
                        pkg: pkg.clone(),
                    });
                }
            }
        }
        self.tt.intern(Type::Struct(out))
    }

    fn interface_type(&mut self, elems: &'a [ast::InterfaceElem]) -> TypeId {
        let mut ms: Vec<IfaceMethod> = Vec::new();
        // A constraint's type set (typeset.rs): its terms and comparable.
        let mut terms: Option<Vec<crate::types::Term>> = None;
        let mut comparable = false;
        for el in elems {
            match el {
                ast::InterfaceElem::Method { name, ty, .. } => {
                    let sig = self.func_type(ty);
                    if ms.iter().any(|m| m.name == name.name) {
                        self.error(name.span, format!("duplicate method {}", name.name));
                        continue;
                    }
                    ms.push(IfaceMethod {
                        name: name.name.clone(),
                        sig,
                    });
                }
                ast::InterfaceElem::Embedded(e) => {
                    if self.embed_constraint_elem(e, &mut ms, &mut terms, &mut comparable) {
                        continue;
                    }
                    // Embedded interfaces must be complete: resolve the name.
                    let t = self.type_expr(e);
                    if self.tt.is_invalid(t) {
                        continue;
                    }
                    if let Some(&o) = self.named_objs.get(&t)
                        && self.obj(o).state == State::Resolving
                    {
                        let s = crate::parser::expr_string(e);
                        self.error(e.span, format!("invalid recursive type {s}"));
                        continue;
                    }
                    for m in self.tt.iface_methods(t).to_vec() {
                        match ms.iter().find(|x| x.name == m.name) {
                            Some(x) if x.sig != m.sig => {
                                self.error(e.span, format!("duplicate method {}", m.name));
                            }
                            Some(_) => {}
                            None => ms.push(m),
                        }
                    }
                }
            }
        }
        ms.sort_by(|a, b| a.name.cmp(&b.name));
        if terms.is_some() || comparable {
            return self.tt.intern(Type::Constraint(crate::types::TypeSet { methods: ms, terms, comparable, implicit: false }));
        }
        self.tt.intern(Type::Interface(ms))
    }

    /// Checks the bodies of the user package's functions and methods.
    pub(super) fn check_bodies(&mut self, p: usize) {
        let file = self.pkgs[p].file;
        self.scope = self
            .file_scopes
            .get(p)
            .copied()
            .unwrap_or(self.pkgs[p].scope);
        let fs = self.scope;
        let mut pruned = false;
        for d in &file.decls {
            let Decl::Func(f) = d else { continue };
            let Some(&fid) = self.info.func_defs.get(&f.name.span.start) else {
                continue;
            };
            let obj = (0..self.objs.len() as u32).map(ObjId).find(|&o| {
                self.obj(o).span == f.name.span && matches!(self.obj(o).kind, ObjKind::Func { .. })
            });
            if !self.pkgs[p].user && !self.reached.contains(&f.span.start) {
                self.info.funcs[fid.0 as usize].unreached = true;
                pruned = true;
                continue;
            }
            let sig = self.info.funcs[fid.0 as usize].sig;
            self.cur_decl = obj;
            self.scope = fs;
            // Generic code is checked with its type parameters, for Go's
            // errors; what it records is dropped (each instance records
            // its own, instantiate.rs).
            let generic = self.info.funcs[fid.0 as usize].generic;
            let opened = match obj {
                Some(o) if generic => self.open_tparam_scope(o, f),
                _ => false,
            };
            let saved_ex = generic.then(|| std::mem::take(&mut self.info.ex));
            self.in_generic += generic as u32;
            match &f.body {
                Some(body) => self.func_body(fid, f.recv.as_ref(), &f.ty, sig, body),
                None => self.error(f.name.span, "missing function body"),
            }
            self.in_generic -= generic as u32;
            if let Some(ex) = saved_ex {
                self.info.ex = ex;
            }
            if opened {
                self.close_scope();
            }
        }
        self.cur_decl = None;
        // Unused imports (unknowable in a package whose unreached bodies
        // went unchecked or declarations unread).
        if pruned || self.pkgs[p].partial {
            return;
        }
        let fsc = self.file_scopes.get(p).copied().unwrap_or(0);
        let mut unused: Vec<(Span, String)> = Vec::new();
        for &o in self.scopes[fsc].names.values() {
            if let ObjKind::PkgName { pkg, used: false } = self.obj(o).kind {
                if pkg == usize::MAX {
                    continue;
                }
                let path = self.pkgs[pkg].path.clone();
                let alias = &self.obj(o).name;
                let msg = if *alias != self.pkgs[pkg].name {
                    format!("{path:?} imported as {alias} and not used")
                } else {
                    format!("{path:?} imported and not used")
                };
                unused.push((self.obj(o).span, msg));
            }
        }
        if self.pkgs[p].user {
            unused.append(&mut self.dup_imports);
        }
        for (s, m) in unused {
            self.error(s, m);
        }
    }

    /// Go's package initialization order: repeatedly the earliest variable
    /// (in declaration order) whose dependencies are all initialized.
    pub(super) fn compute_init_order(&mut self) {
        let vars = self.pkg_vars.clone();
        // Transitive variable dependencies through functions.
        let mut var_deps: HashMap<ObjId, Vec<ObjId>> = HashMap::default();
        for &v in &vars {
            let mut seen: Vec<ObjId> = Vec::new();
            let mut stack: Vec<ObjId> = self.deps.get(&v).cloned().unwrap_or_default();
            let mut out = Vec::new();
            while let Some(d) = stack.pop() {
                if seen.contains(&d) {
                    continue;
                }
                seen.push(d);
                match self.obj(d).kind {
                    ObjKind::Var { .. } => out.push(d),
                    _ => {
                        if let Some(more) = self.deps.get(&d) {
                            stack.extend(more.iter().copied());
                        }
                    }
                }
            }
            var_deps.insert(v, out);
        }
        let mut in_reported_cycle: Vec<ObjId> = Vec::new();
        let mut done: Vec<ObjId> = Vec::new();
        let mut emitted_inits: Vec<usize> = Vec::new();
        let inits = self.global_inits.clone();
        let mut remaining: Vec<ObjId> = vars.clone();
        while !remaining.is_empty() {
            let pick = remaining.iter().position(|v| {
                var_deps
                    .get(v)
                    .map(|ds| ds.iter().all(|d| done.contains(d) || d == v))
                    .unwrap_or(true)
            });
            // No variable is ready: the first one is on a cycle.
            let i = pick.unwrap_or(0);
            let v = remaining.remove(i);
            if (pick.is_none() || var_deps.get(&v).is_some_and(|ds| ds.contains(&v)))
                && !in_reported_cycle.contains(&v)
            {
                let path = self.dep_path(v);
                in_reported_cycle.extend(path.iter().copied());
                let (span, name) = (self.obj(v).span, self.obj(v).name.clone());
                if path.len() <= 1 {
                    self.error(
                        span,
                        format!("initialization cycle: {name} refers to itself"),
                    );
                } else {
                    let mut msg = format!("initialization cycle for {name}");
                    for (i, &p) in path.iter().enumerate() {
                        let next = path[(i + 1) % path.len()];
                        let ps = self.pos_string(self.obj(p).span);
                        msg.push_str(&format!(
                            "\n\t{ps}: {} refers to {}",
                            self.obj(p).name,
                            self.obj(next).name
                        ));
                    }
                    self.error(span, msg);
                }
            }
            done.push(v);
            // Emit the initializer that defines v (once, when all of its
            // variables are done).
            if let Some(k) = inits.iter().position(|(lhs, _)| lhs.contains(&v))
                && !emitted_inits.contains(&k)
                && inits[k]
                    .0
                    .iter()
                    .all(|x| done.contains(x) || x.0 == u32::MAX)
            {
                emitted_inits.push(k);
                let lhs = inits[k]
                    .0
                    .iter()
                    .map(|&o| {
                        if o.0 == u32::MAX {
                            return None;
                        }
                        match self.obj(o).kind {
                            ObjKind::Var { global, .. } => global,
                            _ => None,
                        }
                    })
                    .map(|g| g.filter(|_| true))
                    .collect();
                self.info.init_order.push(Initializer {
                    lhs,
                    rhs: inits[k].1,
                });
            }
        }
    }
}

impl<'a> Checker<'a> {
    /// The shortest dependency path from `v` back to itself: `[v, f, ...]`.
    fn dep_path(&self, v: ObjId) -> Vec<ObjId> {
        let mut parent: HashMap<ObjId, ObjId> = HashMap::default();
        let mut queue = std::collections::VecDeque::new();
        for &d in self.deps.get(&v).map(|d| d.as_slice()).unwrap_or(&[]) {
            if d == v {
                return vec![v];
            }
            if let std::collections::hash_map::Entry::Vacant(e) = parent.entry(d) {
                e.insert(v);
                queue.push_back(d);
            }
        }
        while let Some(x) = queue.pop_front() {
            for &d in self.deps.get(&x).map(|d| d.as_slice()).unwrap_or(&[]) {
                if d == v {
                    let mut path = vec![x];
                    let mut cur = x;
                    while let Some(&p) = parent.get(&cur) {
                        if p == v {
                            break;
                        }
                        path.push(p);
                        cur = p;
                    }
                    path.push(v);
                    path.reverse();
                    return path;
                }
                if let std::collections::hash_map::Entry::Vacant(e) = parent.entry(d) {
                    e.insert(x);
                    queue.push_back(d);
                }
            }
        }
        vec![v]
    }
}

pub(super) fn measure(n: usize, unit: &str) -> String {
    if n == 1 {
        format!("{n} {unit}")
    } else {
        format!("{n} {unit}s")
    }
}
