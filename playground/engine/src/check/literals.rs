//! Composite and function literals (go/types' literals.go).

use super::*;
use crate::ast::{Expr, ExprKind};
use crate::types::Type;
use super::expr::Operand;

impl<'a> Checker<'a> {
    pub(super) fn composite_lit(
        &mut self,
        e: &'a Expr,
        ty: Option<&'a Expr>,
        elems: &'a [ast::Element],
        hint: Option<TypeId>,
    ) -> Operand {
        let t = match ty {
            Some(te) => {
                // `[...]T{...}`: length from the elements.
                if let ExprKind::ArrayType { len: None, elem } = &te.kind {
                    let el = self.type_expr(elem);
                    let n = self.indexed_elems(elems, el, None, "array or slice literal");
                    if n > u32::MAX as i64 {
                        self.unsupported(te.span, &format!("an array of {n} elements (more than {})", u32::MAX));
                        return Operand::invalid();
                    }
                    let at = self.tt.intern(Type::Array(el, n));
                    self.record_type(te, at);
                    return Operand::value(at);
                }
                self.type_expr(te)
            }
            None => match hint {
                Some(h) => h,
                None => {
                    self.error(e.span, "invalid composite literal type: missing type");
                    return Operand::invalid();
                }
            },
        };
        if self.tt.is_invalid(t) {
            for el in elems {
                let _ = self.expr(&el.value, None);
            }
            return Operand::invalid();
        }
        // An elided `&T` element type: `[]*T{{...}}`.
        let (base, ptr) = match (ty, self.tt.get(t)) {
            (None, Type::Pointer(p)) => (*p, true),
            _ => (t, false),
        };
        match self.tt.under(base).clone() {
            Type::Struct(fields) => {
                if elems.is_empty() {
                } else if elems[0].key.is_some() {
                    let mut seen: Vec<String> = Vec::new();
                    for el in elems {
                        let Some(key) = &el.key else {
                            self.error(
                                el.value.span,
                                "mixture of field:value and value elements in struct literal",
                            );
                            let _ = self.expr(&el.value, None);
                            continue;
                        };
                        let Some(kname) = key.ident() else {
                            let s = crate::parser::expr_string(key);
                            self.error(
                                key.span,
                                format!("invalid field name {s} in struct literal"),
                            );
                            let _ = self.expr(&el.value, None);
                            continue;
                        };
                        let Some((_, f)) = fields.iter().enumerate().find(|(_, f)| f.name == kname)
                        else {
                            let ts = self.type_str(base);
                            self.error(
                                key.span,
                                format!("unknown field {kname} in struct literal of type {ts}"),
                            );
                            let _ = self.expr(&el.value, None);
                            continue;
                        };
                        if seen.iter().any(|s| s == kname) {
                            self.error(
                                key.span,
                                format!("duplicate field name {kname} in struct literal"),
                            );
                        }
                        seen.push(kname.to_string());
                        let ft = f.ty;
                        let mut v = self.expr(&el.value, Some(ft));
                        if !v.is_invalid() && self.single_value(&mut v, &el.value) {
                            self.assign_operand(&mut v, &el.value, ft, "struct literal");
                        }
                    }
                } else {
                    for (i, el) in elems.iter().enumerate() {
                        if el.key.is_some() {
                            self.error(
                                el.span,
                                "mixture of field:value and value elements in struct literal",
                            );
                            continue;
                        }
                        let Some(f) = fields.get(i) else {
                            let ts = self.type_str(base);
                            self.error(
                                el.value.span,
                                format!("too many values in struct literal of type {ts}"),
                            );
                            break;
                        };
                        let ft = f.ty;
                        let mut v = self.expr(&el.value, Some(ft));
                        if !v.is_invalid() && self.single_value(&mut v, &el.value) {
                            self.assign_operand(&mut v, &el.value, ft, "struct literal");
                        }
                    }
                    if elems.len() < fields.len() {
                        let ts = self.type_str(base);
                        // Go reports at the closing brace.
                        let at = match &e.kind {
                            ExprKind::CompositeLit { rbrace, .. } => *rbrace,
                            _ => e.span,
                        };
                        self.error(at, format!("too few values in struct literal of type {ts}"));
                    }
                }
            }
            Type::Array(el, n) => {
                self.indexed_elems(elems, el, Some(n), "array or slice literal");
            }
            Type::Slice(el) => {
                self.indexed_elems(elems, el, None, "array or slice literal");
            }
            Type::Map(kt, vt) => {
                let mut keys: Vec<Value> = Vec::new();
                for el in elems {
                    match &el.key {
                        Some(key) => {
                            let mut kx = self.expr(key, Some(kt));
                            if !kx.is_invalid() && self.single_value(&mut kx, key) {
                                self.assign_operand(&mut kx, key, kt, "map literal");
                                if let Some(v) = kx.konst() {
                                    if keys.contains(v) {
                                        let s = crate::parser::expr_string(key);
                                        self.error(
                                            key.span,
                                            format!("duplicate key {s} in map literal"),
                                        );
                                    } else {
                                        keys.push(v.clone());
                                    }
                                }
                            }
                        }
                        None => self.error(el.value.span, "missing key in map literal"),
                    }
                    let mut v = self.expr(&el.value, Some(vt));
                    if !v.is_invalid() && self.single_value(&mut v, &el.value) {
                        self.assign_operand(&mut v, &el.value, vt, "map literal");
                    }
                }
            }
            _ => {
                let ts = self.type_str(t);
                self.error(e.span, format!("invalid composite literal type {ts}"));
                return Operand::invalid();
            }
        }
        if ptr {
            // The elided `&T{}` records the pointer type.
            return Operand::value(t);
        }
        Operand::value(t)
    }

    /// Elements of an array or slice literal; returns the length.
    pub(super) fn indexed_elems(
        &mut self,
        elems: &'a [ast::Element],
        el: TypeId,
        len: Option<i64>,
        context: &str,
    ) -> i64 {
        let mut idx: i64 = 0;
        let mut max: i64 = 0;
        let mut seen: Vec<i64> = Vec::new();
        for e in elems {
            if let Some(key) = &e.key {
                let kv = self.index_value(key, len);
                match kv {
                    Some(k) => idx = k,
                    None => {
                        let x = self.info.ex.consts.get(&key.id).cloned();
                        if x.is_none() {
                            let s = crate::parser::expr_string(key);
                            if !self.diags.iter().any(|d| d.span == key.span) {
                                self.error(key.span, format!("index {s} must be integer constant"));
                            }
                        }
                    }
                }
            } else if let Some(l) = len
                && idx >= l
            {
                self.error(
                    e.value.span,
                    format!("index {idx} is out of bounds (>= {l})"),
                );
            }
            if seen.contains(&idx) {
                self.error(
                    e.key.as_ref().map(|k| k.span).unwrap_or(e.value.span),
                    format!("duplicate index {idx} in array or slice literal"),
                );
            }
            seen.push(idx);
            let mut v = self.expr(&e.value, Some(el));
            if !v.is_invalid() && self.single_value(&mut v, &e.value) {
                self.assign_operand(&mut v, &e.value, el, context);
            }
            idx += 1;
            max = max.max(idx);
        }
        max
    }

    /// Resolves the signatures of the methods of `t` (or of the type `t`
    /// points to) not resolved yet: whether `t` implements an interface
    /// depends on them, and a package-level initializer can ask before the
    /// methods' declarations were reached.
    pub(super) fn resolve_methods(&mut self, t: TypeId) {
        let base = match self.tt.get(t) {
            crate::types::Type::Pointer(e) => *e,
            _ => t,
        };
        // An instance of a generic type gets its methods on first need.
        self.instance_methods(base);
        let pending: Vec<u32> = self
            .tt
            .named_info(base)
            .map(|n| n.methods.iter().filter(|m| m.sig.is_none()).map(|m| m.func).collect())
            .unwrap_or_default();
        for f in pending {
            self.resolve_obj(ObjId(f));
        }
    }

    // ----- function literals -----

    pub(super) fn func_lit(&mut self, e: &'a Expr, ty: &'a ast::FuncType, body: &'a ast::Block) -> Operand {
        let sig = self.func_type(ty);
        // Go's runtime names: `main.func1` inside `main`, `main.func1.2`
        // for the second literal inside that one, `glob..func1` at package
        // level (the compiler prefixes the package: `main.main.func1`).
        let (outer, nested) = match self.fstack.last() {
            Some(f) => {
                let fi = &self.info.funcs[f.func.0 as usize];
                (fi.name.clone(), fi.lit.is_some())
            }
            None if self.pkgs[self.cur_pkg].user => ("glob.".to_string(), false),
            None => (format!("{}.glob.", self.pkgs[self.cur_pkg].path), false),
        };
        let n = self.lit_count.entry(outer.clone()).or_insert(0);
        *n += 1;
        let name = if nested {
            format!("{outer}.{n}")
        } else {
            format!("{outer}.func{n}")
        };
        if !self.recording() {
            return Operand::value(sig);
        }
        let fid = self.new_func_info(name, Some(e.id), sig);
        self.info.ex.lits.insert(e.id, fid);
        let saved_scope = self.scope;
        self.func_body(fid, None, ty, sig, body);
        self.scope = saved_scope;
        Operand::value(sig)
    }
}
