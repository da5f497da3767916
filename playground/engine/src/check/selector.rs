//! Selectors (go/types' `selector`): fields, methods and promoted members,
//! package members, method expressions.

use super::*;
use crate::ast::{Expr, ExprKind};
use crate::types::{LookupResult, Selected, Type};
use super::expr::Operand;

impl<'a> Checker<'a> {
    pub(super) fn selector(&mut self, e: &'a Expr, xe: &'a Expr, sel: &'a ast::Name) -> Operand {
        // Qualified identifier: pkg.Name.
        if let ExprKind::Ident(pname) = &xe.kind
            && let Some(o) = self.lookup(pname)
            && let ObjKind::PkgName { pkg, .. } = self.obj(o).kind
        {
            let _ = self.use_obj(xe, o);
            if pkg == usize::MAX {
                return Operand::invalid();
            }
            let scope = self.pkgs[pkg].scope;
            let exported = sel.name.chars().next().is_some_and(|c| c.is_uppercase());
            let member = self.scopes[scope]
                .names
                .get(&sel.name)
                .copied()
                .filter(|_| exported);
            let Some(m) = member else {
                let pn = self.pkgs[pkg].name.clone();
                // types2 points at an exported name differing only in case.
                let near = (!exported)
                    .then(|| {
                        self.scopes[scope].names.keys().find(|k| {
                            k.eq_ignore_ascii_case(&sel.name)
                                && k.chars().next().is_some_and(|c| c.is_uppercase())
                        })
                    })
                    .flatten()
                    .cloned();
                if let Some(have) = near {
                    self.error(sel.span, format!("undefined: {pn}.{} (but have {have})", sel.name));
                } else if let Some(what) = super::packages::unsupported_member(&self.pkgs[pkg].path, &sel.name) {
                    self.unsupported(sel.span, what);
                } else {
                    self.error(sel.span, format!("undefined: {pn}.{}", sel.name));
                }
                return Operand::invalid();
            };
            let saved = self.cur_decl;
            let x = self.use_obj(e, m);
            self.cur_decl = saved;
            return x;
        }
        let x = self.expr_or_type(xe);
        if x.is_invalid() {
            return x;
        }
        if x.mode == Mode::TypeExpr {
            self.instance_methods_of(x.ty);
            return self.method_expr(e, x.ty, xe, sel);
        }
        let mut x = x;
        if !self.single_value(&mut x, xe) {
            return Operand::invalid();
        }
        if x.mode == Mode::Nil {
            self.error(
                e.span,
                "use of untyped nil in selector expression".to_string(),
            );
            return Operand::invalid();
        }
        self.instance_methods_of(x.ty);
        match self.tt.lookup(x.ty, &sel.name) {
            LookupResult::Found(s, indirect) => {
                let x_ptr = matches!(self.tt.get(x.ty), Type::Pointer(_));
                match s {
                    Selected::Field { path, ty } => {
                        // Unexported fields of another package's struct.
                        let exported = sel.name.chars().next().is_some_and(|c| c.is_uppercase());
                        if !exported
                            && self
                                .field_pkg(x.ty, &path)
                                .is_some_and(|p| p != self.pkgs[self.cur_pkg].path)
                        {
                            let s = crate::parser::expr_string(e);
                            self.error(
                                sel.span,
                                format!(
                                    "{s} undefined (cannot refer to unexported field {})",
                                    sel.name
                                ),
                            );
                            return Operand::invalid();
                        }
                        if self.recording() {
                            self.info.ex.selections.insert(
                                e.id,
                                Selection::Field {
                                    path,
                                    indirect: indirect || x_ptr,
                                },
                            );
                        }
                        let mode = if x.mode == Mode::Variable || x_ptr || indirect {
                            Mode::Variable
                        } else {
                            Mode::Value
                        };
                        Operand { mode, ty }
                    }
                    Selected::Method {
                        path,
                        recv_named,
                        index,
                        ptr_recv,
                    } => {
                        let (func_obj, sig) = match self
                            .tt
                            .named_info(recv_named)
                            .and_then(|n| n.methods.get(index))
                        {
                            Some(m) => (ObjId(m.func), m.sig),
                            None => return Operand::invalid(),
                        };
                        // Unexported methods of another package's type
                        // (library Go's helpers) are not the learner's.
                        let exported = sel.name.chars().next().is_some_and(|c| c.is_uppercase());
                        if !exported && self.obj(func_obj).pkg != self.cur_pkg {
                            let s = crate::parser::expr_string(e);
                            let twin = self.tt.named_info(recv_named).and_then(|n| {
                                n.methods
                                    .iter()
                                    .find(|m| m.name != sel.name && m.name.eq_ignore_ascii_case(&sel.name))
                                    .map(|m| m.name.clone())
                            });
                            let why = match twin {
                                Some(t) => format!("type {} has no field or method {}, but does have method {t}", self.type_str(x.ty), sel.name),
                                None => format!("cannot refer to unexported method {}", sel.name),
                            };
                            self.error(sel.span, format!("{s} undefined ({why})"));
                            return Operand::invalid();
                        }
                        if sig.is_none() {
                            self.resolve_obj(func_obj);
                        }
                        let sig = self
                            .tt
                            .named_info(recv_named)
                            .and_then(|n| n.methods.get(index))
                            .and_then(|m| m.sig)
                            .unwrap_or(TypeId(0));
                        if let Some(d) = self.cur_decl {
                            self.deps.entry(d).or_default().push(func_obj);
                        }
                        let has_ptr = x_ptr || indirect;
                        let addr = ptr_recv && !has_ptr;
                        if addr && x.mode != Mode::Variable {
                            let d = self.describe(&x, xe);
                            let _ = d;
                            let s = crate::parser::expr_string(e);
                            let ts = self.type_str(x.ty);
                            self.error(
                                sel.span,
                                format!("cannot call pointer method {} on {ts}", sel.name),
                            );
                            let _ = s;
                            return Operand::invalid();
                        }
                        if addr {
                            self.mark_addressed(xe);
                        }
                        let func = self
                            .obj_func(func_obj)
                            .unwrap_or(FuncRef::Native(String::new()));
                        if self.recording() {
                            self.info.ex.selections.insert(
                                e.id,
                                Selection::Method {
                                    path,
                                    recv: recv_named,
                                    func,
                                    ptr_recv,
                                    addr,
                                    deref: !ptr_recv && has_ptr,
                                    value: true,
                                    expr: false,
                                },
                            );
                        }
                        // A method with type parameters of its own (Go
                        // 1.27): the call or instantiation that follows
                        // gives its type arguments.
                        if let Some(g) = self.generic_method_of(func_obj, recv_named) {
                            self.generic_method_sels.insert(e.id, g);
                        }
                        Operand::value(sig)
                    }
                    Selected::IfaceMethod { path, iface, index } => {
                        let sig = self
                            .tt
                            .iface_methods(iface)
                            .get(index)
                            .map(|m| m.sig)
                            .unwrap_or(TypeId(0));
                        if self.recording() {
                            self.info.ex.selections.insert(
                                e.id,
                                Selection::IfaceMethod {
                                    path,
                                    iface,
                                    index,
                                    name: sel.name.clone(),
                                    value: true,
                                    expr: false,
                                },
                            );
                        }
                        Operand::value(sig)
                    }
                }
            }
            LookupResult::Ambiguous => {
                let s = crate::parser::expr_string(e);
                self.error(sel.span, format!("ambiguous selector {s}"));
                Operand::invalid()
            }
            LookupResult::NotFound => {
                let s = crate::parser::expr_string(e);
                let ts = self.type_str(x.ty);
                // Pointer to interface: Go explains.
                if let Type::Pointer(p) = self.tt.get(x.ty)
                    && self.tt.is_interface(*p)
                {
                    self.error(
                        sel.span,
                        format!("{s} undefined (type {ts} is pointer to interface, not interface)"),
                    );
                    return Operand::invalid();
                }
                // A field/method with different capitalization.
                let alt = self.case_variant(x.ty, &sel.name);
                match alt {
                    Some(a) => self.error(
                        sel.span,
                        format!("{s} undefined (type {ts} has no field or method {}, but does have {a})", sel.name),
                    ),
                    None => self.error(sel.span, format!("{s} undefined (type {ts} has no field or method {})", sel.name)),
                }
                Operand::invalid()
            }
        }
    }

    /// The package that declared the field at the end of `path`.
    pub(super) fn field_pkg(&self, t: TypeId, path: &[usize]) -> Option<String> {
        let mut cur = match self.tt.get(t) {
            Type::Pointer(e) => *e,
            _ => t,
        };
        let mut pkg = None;
        for &i in path {
            let f = match self.tt.under(cur) {
                Type::Struct(fs) => fs.get(i)?.clone(),
                _ => return None,
            };
            pkg = Some(f.pkg.clone());
            cur = match self.tt.get(f.ty) {
                Type::Pointer(e) => *e,
                _ => f.ty,
            };
        }
        pkg
    }

    /// go/types hints at `x.foo` when `x.Foo` exists.
    pub(super) fn case_variant(&self, t: TypeId, name: &str) -> Option<String> {
        let mut chars = name.chars();
        let first = chars.next()?;
        let flipped: String = if first.is_uppercase() {
            first.to_lowercase().chain(chars).collect()
        } else {
            first.to_uppercase().chain(chars).collect()
        };
        match self.tt.lookup(t, &flipped) {
            LookupResult::Found(Selected::Field { .. }, _) => Some(format!("field {flipped}")),
            LookupResult::Found(_, _) => Some(format!("method {flipped}")),
            _ => None,
        }
    }

    /// `T.M` / `(*T).M`: a function taking the receiver first.
    pub(super) fn method_expr(
        &mut self,
        e: &'a Expr,
        t: TypeId,
        _xe: &'a Expr,
        sel: &'a ast::Name,
    ) -> Operand {
        let s = crate::parser::expr_string(e);
        match self.tt.lookup(t, &sel.name) {
            LookupResult::Found(
                Selected::Method {
                    path,
                    recv_named,
                    index,
                    ptr_recv,
                },
                indirect,
            ) => {
                let is_ptr = matches!(self.tt.get(t), Type::Pointer(_));
                if ptr_recv && !is_ptr && !indirect {
                    let ts = self.type_str(t);
                    self.error(
                        sel.span,
                        format!(
                            "invalid method expression {s} (needs pointer receiver (*{ts}).{})",
                            sel.name
                        ),
                    );
                    return Operand::invalid();
                }
                let Some(m) = self
                    .tt
                    .named_info(recv_named)
                    .and_then(|n| n.methods.get(index))
                    .cloned()
                else {
                    return Operand::invalid();
                };
                if m.sig.is_none() {
                    self.resolve_obj(ObjId(m.func));
                }
                let sig = self
                    .tt
                    .named_info(recv_named)
                    .and_then(|n| n.methods.get(index))
                    .and_then(|m| m.sig)
                    .unwrap_or(TypeId(0));
                let Some(sg) = self.tt.signature(sig).cloned() else {
                    return Operand::invalid();
                };
                let mut params = vec![t];
                params.extend(sg.params);
                let ft = self.tt.func(params, sg.results, sg.variadic);
                let func = self
                    .obj_func(ObjId(m.func))
                    .unwrap_or(FuncRef::Native(String::new()));
                if self.recording() {
                    self.info.ex.selections.insert(
                        e.id,
                        Selection::Method {
                            path,
                            recv: recv_named,
                            func,
                            ptr_recv,
                            addr: false,
                            deref: !ptr_recv && is_ptr,
                            value: false,
                            expr: true,
                        },
                    );
                }
                Operand::value(ft)
            }
            LookupResult::Found(Selected::IfaceMethod { path, iface, index }, _) => {
                let sig = self
                    .tt
                    .iface_methods(iface)
                    .get(index)
                    .map(|m| m.sig)
                    .unwrap_or(TypeId(0));
                let Some(sg) = self.tt.signature(sig).cloned() else {
                    return Operand::invalid();
                };
                let mut params = vec![t];
                params.extend(sg.params);
                let ft = self.tt.func(params, sg.results, sg.variadic);
                if self.recording() {
                    self.info.ex.selections.insert(
                        e.id,
                        Selection::IfaceMethod {
                            path,
                            iface,
                            index,
                            name: sel.name.clone(),
                            value: false,
                            expr: true,
                        },
                    );
                }
                Operand::value(ft)
            }
            _ => {
                let ts = self.type_str(t);
                self.error(
                    sel.span,
                    format!("{s} undefined (type {ts} has no method {})", sel.name),
                );
                Operand::invalid()
            }
        }
    }
}
