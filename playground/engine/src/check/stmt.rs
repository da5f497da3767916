//! Statements and function bodies: scopes, assignments and short variable
//! declarations, control flow with labels, switches and type switches,
//! range clauses, unused variables/labels, and Go's terminating-statement
//! rules for `missing return`.

use super::expr::{Mode, Operand};
use super::*;
use crate::ast::{Expr, ExprId, ExprKind, Stmt, StmtKind};
use crate::types::Type;
use num_traits::Zero;

impl<'a> Checker<'a> {
    pub(super) fn func_body(
        &mut self,
        fid: FuncId,
        recv: Option<&'a ast::Field>,
        ty: &'a ast::FuncType,
        sig: TypeId,
        body: &'a ast::Block,
    ) {
        self.fstack.push(FuncCtx::new(fid, sig, false));
        self.open_scope();
        if let Some(r) = recv {
            let t = self.type_expr(&r.ty);
            for n in &r.names {
                self.declare_local(n, t, VarKind::Receiver);
            }
        }
        let sg = self.tt.signature(sig).cloned();
        let mut pi = 0;
        for f in &ty.params {
            for n in &f.names {
                let t = sg
                    .as_ref()
                    .and_then(|s| s.params.get(pi).copied())
                    .unwrap_or(TypeId(0));
                self.pending_alias = self.type_expr_alias(&f.ty);
                self.declare_local(n, t, VarKind::Param);
                pi += 1;
            }
            if f.names.is_empty() {
                pi += 1;
            }
        }
        let mut ri = 0;
        for f in &ty.results {
            for n in &f.names {
                let t = sg
                    .as_ref()
                    .and_then(|s| s.results.get(ri).copied())
                    .unwrap_or(TypeId(0));
                let o = self.declare_local(n, t, VarKind::Result);
                if let Some(fc) = self.fstack.last_mut() {
                    fc.has_named_results = true;
                    fc.result_objs.push(o);
                }
                ri += 1;
            }
            if f.names.is_empty() {
                ri += 1;
            }
        }
        // Labels are function-wide: collect them first.
        self.collect_labels(&body.stmts);
        self.stmt_list(&body.stmts, false);
        if sg.as_ref().is_some_and(|s| !s.results.is_empty())
            && !self.is_terminating_list(&body.stmts, "")
        {
            self.error(body.rbrace, "missing return");
        }
        self.close_scope();
        if let Some(fc) = self.fstack.pop() {
            let mut labels: Vec<(String, Span, bool)> = fc
                .labels
                .iter()
                .map(|(k, v)| (k.clone(), v.0, v.1))
                .collect();
            labels.sort_by_key(|l| l.1.start);
            // Unused labels are reported by the parser's branch checks
            // (as Go's syntax package does).
            let _ = labels;
            self.report_unused(&fc.locals);
        }
    }

    fn collect_labels(&mut self, stmts: &'a [Stmt]) {
        let mut stack: Vec<&'a Stmt> = stmts.iter().rev().collect();
        let mut n = 0;
        while let Some(s) = stack.pop() {
            n += 1;
            if n > 100_000 {
                break;
            }
            match &s.kind {
                StmtKind::Labeled { label, stmt } => {
                    if label.name != "_" {
                        let dup = self
                            .fstack
                            .last()
                            .is_some_and(|f| f.labels.contains_key(&label.name));
                        // Duplicates are reported by the parser.
                        if dup {
                        } else if let Some(f) = self.fstack.last_mut() {
                            f.labels.insert(label.name.clone(), (label.span, false));
                        }
                    }
                    stack.push(stmt);
                }
                StmtKind::Block(b) => stack.extend(b.stmts.iter().rev()),
                StmtKind::If { then, els, .. } => {
                    stack.extend(then.stmts.iter().rev());
                    if let Some(e) = els {
                        stack.push(e);
                    }
                }
                StmtKind::For { body, .. } | StmtKind::Range { body, .. } => {
                    stack.extend(body.stmts.iter().rev())
                }
                StmtKind::Switch { clauses, .. } | StmtKind::TypeSwitch { clauses, .. } => {
                    for c in clauses {
                        stack.extend(c.body.iter().rev());
                    }
                }
                StmtKind::Select { clauses, .. } => {
                    for c in clauses {
                        stack.extend(c.body.iter().rev());
                    }
                }
                _ => {}
            }
        }
    }

    /// `fallthrough_ok`: the list is a switch clause body that is not the
    /// last clause.
    fn stmt_list(&mut self, stmts: &'a [Stmt], fallthrough_ok: bool) {
        let n = stmts.len();
        for (i, s) in stmts.iter().enumerate() {
            // A trailing empty statement after fallthrough does not count.
            let last = i + 1 == n
                || stmts[i + 1..]
                    .iter()
                    .all(|s| matches!(s.kind, StmtKind::Empty));
            self.stmt(s, fallthrough_ok && last);
        }
    }

    fn block(&mut self, b: &'a ast::Block) {
        self.open_scope();
        self.stmt_list(&b.stmts, false);
        self.close_scope();
    }

    fn stmt(&mut self, s: &'a Stmt, fallthrough_ok: bool) {
        if self.out_of_stack(s.span) {
            return;
        }
        match &s.kind {
            StmtKind::Empty => {}
            StmtKind::Decl(d) => self.local_decl(d),
            StmtKind::Expr(e) => self.expr_stmt(e),
            StmtKind::Send { ch, value } => {
                let mut c = self.expr(ch, None);
                let mut v = self.expr(value, None);
                if c.is_invalid() || !self.single_value(&mut c, ch) {
                    return;
                }
                match self.tt.under(c.ty).clone() {
                    Type::Chan(dir, el) => {
                        if dir == crate::types::ChanDir::Recv {
                            let d = self.describe(&c, ch);
                            let ts = self.type_str(c.ty);
                            self.error(s.span, format!("invalid operation: cannot send to receive-only channel {ts} {d}"));
                            return;
                        }
                        if !v.is_invalid() && self.single_value(&mut v, value) {
                            self.assign_operand(&mut v, value, el, "send");
                        }
                    }
                    _ => {
                        // types2 names the type first: `non-channel int x
                        // (variable of type int)`.
                        let d = self.describe(&c, ch);
                        let ts = self.type_str(c.ty);
                        self.error(
                            s.span,
                            format!("invalid operation: cannot send to non-channel {ts} {d}"),
                        );
                    }
                }
            }
            StmtKind::IncDec { x, inc } => {
                let mut o = self.expr(x, None);
                if o.is_invalid() || !self.single_value(&mut o, x) {
                    return;
                }
                let op = if *inc { "++" } else { "--" };
                if !self.tt.is_numeric(o.ty) {
                    let xs = crate::parser::expr_string(x);
                    let ts = self.type_str(o.ty);
                    self.error(
                        x.span,
                        format!("invalid operation: {xs}{op} (non-numeric type {ts})"),
                    );
                    return;
                }
                self.check_assignable_lhs(x, &o);
            }
            StmtKind::Assign {
                lhs,
                rhs,
                define,
                op,
                ..
            } => {
                if *define {
                    self.short_var_decl(s, lhs, rhs);
                } else if let Some(op) = op {
                    self.op_assign(s, lhs, rhs, *op);
                } else {
                    self.assign(lhs, rhs);
                }
            }
            StmtKind::Go(e) => self.go_defer(e, "go"),
            StmtKind::Defer(e) => {
                self.range_body_defer();
                self.go_defer(e, "defer");
            }
            StmtKind::Return(results) => self.return_stmt(s, results),
            StmtKind::Break(label) => self.branch(s, label.as_ref(), true),
            StmtKind::Continue(label) => self.branch(s, label.as_ref(), false),
            StmtKind::Goto(label) => {
                // A missing label, or a jump into a block or over a
                // declaration, was reported by the parser; the label is used.
                if let Some(l) = self.label_owner().and_then(|f| f.labels.get_mut(&label.name)) {
                    l.1 = true;
                }
            }
            // Misplaced fallthrough, break and continue are reported by the
            // parser's branch checks (Go's syntax package).
            StmtKind::Fallthrough => {
                let _ = fallthrough_ok;
            }
            StmtKind::Labeled { label, stmt } => {
                let is_target = matches!(
                    stmt.kind,
                    StmtKind::For { .. }
                        | StmtKind::Range { .. }
                        | StmtKind::Switch { .. }
                        | StmtKind::TypeSwitch { .. }
                        | StmtKind::Select { .. }
                );
                if is_target {
                    self.pending_label = Some(label.name.clone());
                }
                self.stmt(stmt, fallthrough_ok);
                self.pending_label = None;
            }
            StmtKind::Block(b) => self.block(b),
            StmtKind::If {
                init,
                cond,
                then,
                els,
            } => {
                self.open_scope();
                if let Some(i) = init {
                    self.simple_stmt(i);
                }
                self.condition(cond, "if statement");
                self.block(then);
                if let Some(e) = els {
                    match &e.kind {
                        StmtKind::If { .. } | StmtKind::Block(_) => self.stmt(e, false),
                        _ => self.error(e.span, "invalid else branch"),
                    }
                }
                self.close_scope();
            }
            StmtKind::Switch {
                init, tag, clauses, ..
            } => self.switch_stmt(init.as_deref(), tag.as_ref(), clauses),
            StmtKind::TypeSwitch {
                init,
                bind,
                x,
                clauses,
                ..
            } => self.type_switch(s, init.as_deref(), bind.as_ref(), x, clauses),
            StmtKind::Select { clauses, .. } => {
                let label = self.pending_label.take();
                self.push_target(label, false);
                for c in clauses {
                    self.open_scope();
                    if let Some(comm) = &c.comm {
                        let ok = match &comm.kind {
                            StmtKind::Send { .. } => true,
                            StmtKind::Expr(e) => matches!(
                                e.unparen().kind,
                                ExprKind::Unary {
                                    op: ast::UnaryOp::Recv,
                                    ..
                                }
                            ),
                            StmtKind::Assign { rhs, op: None, .. } => {
                                rhs.len() == 1
                                    && matches!(
                                        rhs[0].unparen().kind,
                                        ExprKind::Unary {
                                            op: ast::UnaryOp::Recv,
                                            ..
                                        }
                                    )
                            }
                            _ => false,
                        };
                        if !ok {
                            self.error(
                                comm.span,
                                "select case must be receive, send or assign recv",
                            );
                        }
                        self.stmt(comm, false);
                    }
                    self.stmt_list(&c.body, false);
                    self.close_scope();
                }
                self.pop_target();
            }
            StmtKind::For {
                init,
                cond,
                post,
                body,
            } => {
                let label = self.pending_label.take();
                self.open_scope();
                if let Some(i) = init {
                    self.simple_stmt(i);
                }
                if let Some(c) = cond {
                    self.condition(c, "for statement");
                }
                if let Some(p) = post {
                    if let StmtKind::Assign { define: true, .. } = p.kind {
                        self.error(p.span, "cannot declare in post statement of for loop");
                    } else {
                        self.simple_stmt(p);
                    }
                }
                self.push_target(label, true);
                self.block(body);
                self.pop_target();
                self.close_scope();
            }
            StmtKind::Range {
                key,
                value,
                define,
                x,
                body,
            } => {
                let label = self.pending_label.take();
                self.range_stmt(s, key.as_ref(), value.as_ref(), *define, x, body, label);
            }
        }
    }

    fn push_target(&mut self, label: Option<String>, is_loop: bool) {
        let _ = (label, is_loop);
        if let Some(f) = self.fstack.last_mut() {
            f.targets.push(Target);
        }
    }
    fn pop_target(&mut self) {
        if let Some(f) = self.fstack.last_mut() {
            f.targets.pop();
        }
    }

    fn simple_stmt(&mut self, s: &'a Stmt) {
        self.stmt(s, false);
    }

    fn condition(&mut self, c: &'a Expr, what: &str) {
        let mut x = self.expr(c, None);
        if x.is_invalid() || !self.single_value(&mut x, c) {
            return;
        }
        if !self.tt.is_boolean(x.ty) {
            self.error(c.span, format!("non-boolean condition in {what}"));
            return;
        }
        if self.tt.is_untyped(x.ty) {
            let b = self.tt.basic(BasicKind::Bool);
            self.convert_untyped(&mut x, c, b);
        }
    }

    fn branch(&mut self, s: &'a Stmt, label: Option<&'a ast::Name>, is_break: bool) {
        // Validity was checked by the parser; only note label uses.
        let _ = (s, is_break);
        let Some(f) = self.label_owner() else {
            return;
        };
        if let Some(l) = label
            && let Some(entry) = f.labels.get_mut(&l.name)
        {
            entry.1 = true;
        }
    }

    fn expr_stmt(&mut self, e: &'a Expr) {
        let x = self.expr_multi(e);
        if x.is_invalid() {
            return;
        }
        let inner = e.unparen();
        let ok = match &inner.kind {
            ExprKind::Call { .. } => match self.info.ex.calls.get(&inner.id) {
                Some(CallKind::Conversion(_)) => false,
                Some(CallKind::Builtin(b)) => b.is_statement(),
                _ => true,
            },
            ExprKind::Unary {
                op: ast::UnaryOp::Recv,
                ..
            } => true,
            _ => false,
        };
        // Outside the user package calls are not recorded; accept them.
        let ok = ok || (!self.recording() && matches!(inner.kind, ExprKind::Call { .. }));
        if !ok {
            let d = self.describe(&x, e);
            self.error(e.span, format!("{d} is not used"));
        }
    }

    fn go_defer(&mut self, e: &'a Expr, kw: &str) {
        let inner = e.unparen();
        let ExprKind::Call { .. } = inner.kind else {
            let _ = self.expr_multi(e);
            self.error(e.span, format!("expression in {kw} must be function call"));
            return;
        };
        let x = self.expr_multi(e);
        if x.is_invalid() {
            return;
        }
        match self.info.ex.calls.get(&inner.id) {
            Some(CallKind::Conversion(_)) => {
                let d = self.describe(&x, e);
                self.error(
                    e.span,
                    format!("{kw} requires function call, not conversion {d}"),
                );
            }
            Some(CallKind::Builtin(b)) if !b.is_statement() => {
                let d = self.describe(&x, e);
                self.error(e.span, format!("{kw} discards result of {d}"));
            }
            _ => {}
        }
    }

    fn return_stmt(&mut self, s: &'a Stmt, results: &'a [Expr]) {
        let Some((fsig, named)) = self.return_target() else { return };
        let sig = self.tt.signature(fsig).cloned();
        let Some(sig) = sig else { return };
        if !results.is_empty() {
            self.range_body_return();
        }
        if results.is_empty() {
            if !sig.results.is_empty() && !named {
                let ws = self.summary(&sig.results);
                self.error(
                    s.span,
                    format!("not enough return values\n\thave ()\n\twant {ws}"),
                );
            }
            return;
        }
        if sig.results.is_empty() {
            let mut have = Vec::new();
            for r in results {
                let x = self.expr(r, None);
                have.push(x.ty);
            }
            let hs = self.summary(&have);
            self.error(
                results[0].span,
                format!("too many return values\n\thave {hs}\n\twant ()"),
            );
            return;
        }
        // `return f()` with f multi-valued, or a lone value for several
        // results.
        let lone_call =
            results.len() == 1 && matches!(results[0].unparen().kind, ExprKind::Call { .. });
        if results.len() == 1 && (sig.results.len() > 1 || lone_call) {
            let hint = if sig.results.len() == 1 {
                Some(sig.results[0])
            } else {
                None
            };
            let mut x = if lone_call {
                self.expr_multi(&results[0])
            } else {
                self.expr(&results[0], hint)
            };
            if x.is_invalid() {
                return;
            }
            let ts = match self.tt.get(x.ty).clone() {
                Type::Tuple(ts) if x.mode != Mode::NoValue || !ts.is_empty() => Some(ts),
                _ => None,
            };
            match ts {
                Some(ts) if ts.len() == sig.results.len() => {
                    for (t, w) in ts.iter().zip(&sig.results) {
                        if !self.tt.assignable(*t, *w) {
                            let (a, b) = (self.type_str(*t), self.type_str(*w));
                            self.error(
                                results[0].span,
                                format!("cannot use {a} value as {b} value in return statement"),
                            );
                            return;
                        }
                    }
                }
                Some(ts) => {
                    let hs = self.summary(&ts);
                    let ws = self.summary(&sig.results);
                    let q = if ts.len() > sig.results.len() {
                        "too many"
                    } else {
                        "not enough"
                    };
                    self.error(
                        results[0].span,
                        format!("{q} return values\n\thave {hs}\n\twant {ws}"),
                    );
                }
                None if sig.results.len() == 1 => {
                    if self.single_value(&mut x, &results[0]) {
                        self.assign_operand(
                            &mut x,
                            &results[0],
                            sig.results[0],
                            "return statement",
                        );
                    }
                }
                None => {
                    if !self.single_value(&mut x, &results[0]) {
                        return;
                    }
                    let hs = self.summary(&[x.ty]);
                    let ws = self.summary(&sig.results);
                    self.error(
                        results[0].span,
                        format!("not enough return values\n\thave {hs}\n\twant {ws}"),
                    );
                }
            }
            return;
        }
        let mut ops = Vec::new();
        for (i, r) in results.iter().enumerate() {
            let mut x = self.expr(r, sig.results.get(i).copied());
            if !x.is_invalid() {
                self.single_value(&mut x, r);
            }
            ops.push(x);
        }
        if results.len() != sig.results.len() {
            if ops.iter().any(|o| o.is_invalid()) {
                return;
            }
            let have: Vec<TypeId> = ops.iter().map(|o| o.ty).collect();
            let hs = self.summary(&have);
            let ws = self.summary(&sig.results);
            if results.len() > sig.results.len() {
                self.error(
                    results[sig.results.len()].span,
                    format!("too many return values\n\thave {hs}\n\twant {ws}"),
                );
            } else {
                let at = results[results.len() - 1].span;
                self.error(
                    at,
                    format!("not enough return values\n\thave {hs}\n\twant {ws}"),
                );
            }
            return;
        }
        for ((mut x, r), t) in ops.into_iter().zip(results).zip(sig.results.clone()) {
            if !x.is_invalid() {
                self.assign_operand(&mut x, r, t, "return statement");
            }
        }
    }

    fn summary(&self, ts: &[TypeId]) -> String {
        let parts: Vec<String> = ts
            .iter()
            .map(|&t| {
                if self.tt.is_untyped(t) {
                    if self.tt.is_numeric(t) {
                        "number".to_string()
                    } else {
                        self.type_str(t).replace("untyped ", "")
                    }
                } else {
                    self.type_str(t)
                }
            })
            .collect();
        format!("({})", parts.join(", "))
    }

    // ----- declarations inside functions -----

    fn local_decl(&mut self, d: &'a ast::Decl) {
        match d {
            ast::Decl::Var(g) => {
                for spec in &g.specs {
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
                    for (i, n) in spec.names.iter().enumerate() {
                        let t = types.get(i).copied().unwrap_or(TypeId(0));
                        self.pending_alias = match &spec.ty {
                            Some(te) => self.type_expr_alias(te),
                            None if spec.values.len() == spec.names.len() => {
                                self.aliases.get(&spec.values[i].unparen().id).copied()
                            }
                            None => None,
                        };
                        self.declare_local(n, t, VarKind::Local);
                    }
                }
            }
            ast::Decl::Const(g) => {
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
                    let saved = self.iota;
                    self.iota = Some(spec.iota as i128);
                    let mut objs = Vec::new();
                    for (i, n) in spec.names.iter().enumerate() {
                        let (t, v) = self.const_decl(src.ty.as_ref(), src.values.get(i), n.span);
                        let o = self.new_obj(&n.name, ObjKind::Const(v), t, n.span, DeclRef::None);
                        self.obj_mut(o).state = State::Done;
                        self.obj_mut(o).used = true;
                        objs.push((o, n));
                    }
                    if src.values.len() < spec.names.len() {
                        if let Some(n) = spec.names.get(src.values.len()) {
                            self.error(n.span, "missing init expr for const declaration");
                        }
                    } else if src.values.len() > spec.names.len()
                        && std::ptr::eq(src, spec)
                        && let Some(v) = src.values.get(spec.names.len())
                    {
                        self.error(v.span, "extra init expr");
                    }
                    self.iota = saved;
                    for (o, n) in objs {
                        self.declare(&n.name, o, n.span);
                    }
                }
            }
            ast::Decl::Type(g) => {
                for spec in &g.specs {
                    let o = self.collect_type_spec(spec);
                    self.obj_mut(o).state = State::Resolving;
                    self.resolve_local_type(o, spec);
                    self.obj_mut(o).state = State::Done;
                }
            }
            ast::Decl::Func(f) => self.error(f.span, "function declaration inside function"),
        }
    }

    // ----- assignments -----

    fn short_var_decl(&mut self, s: &'a Stmt, lhs: &'a [Expr], rhs: &'a [Expr]) {
        // Which names are new in this scope?
        let mut new_any = false;
        let mut targets: Vec<(Option<&'a ast::Expr>, Option<ObjId>)> = Vec::new();
        let mut seen: Vec<&str> = Vec::new();
        for l in lhs {
            let Some(name) = l.ident() else {
                let s2 = crate::parser::expr_string(l);
                self.error(l.span, format!("non-name {s2} on left side of :="));
                targets.push((None, None));
                continue;
            };
            if seen.contains(&name) && name != "_" {
                self.error(l.span, format!("{name} repeated on left side of :="));
            }
            seen.push(name);
            if name == "_" {
                self.record_use(l, Use::Blank);
                targets.push((Some(l), None));
                continue;
            }
            match self.scopes[self.scope].names.get(name).copied() {
                Some(o) => targets.push((Some(l), Some(o))),
                None => {
                    new_any = true;
                    targets.push((Some(l), None));
                }
            }
        }
        if !new_any && targets.iter().all(|t| t.0.is_some()) {
            let from = lhs.last().map(|l| l.span.end).unwrap_or(s.span.start);
            let at = self.find_token(from, ":=").unwrap_or(s.span);
            self.error(at, "no new variables on left side of :=");
        }
        // Existing variables take assignment semantics.
        let declared_types: Vec<Option<TypeId>> = targets
            .iter()
            .map(|(_, o)| o.map(|o| self.obj(o).ty))
            .collect();
        let types = if rhs.len() == lhs.len() {
            let mut out = Vec::new();
            for (i, r) in rhs.iter().enumerate() {
                let mut x = self.rhs_value(r, declared_types[i], rhs, lhs.len());
                if x.is_invalid() || !self.single_value(&mut x, r) {
                    out.push(declared_types[i].unwrap_or(TypeId(0)));
                    continue;
                }
                match declared_types[i] {
                    Some(t) => {
                        self.assign_operand(&mut x, r, t, "assignment");
                        out.push(t);
                    }
                    None => {
                        let t = self.default_operand(&mut x, r, "assignment");
                        out.push(t);
                    }
                }
            }
            out
        } else {
            self.init_values(None, lhs.len(), rhs, "assignment")
        };
        for (i, (l, o)) in targets.iter().enumerate() {
            let Some(l) = l else { continue };
            let t = types.get(i).copied().unwrap_or(TypeId(0));
            match o {
                Some(o) => {
                    // Reassigned existing variable.
                    let _ = self.use_obj_no_mark(l, *o);
                }
                None => {
                    if l.ident() == Some("_") {
                        continue;
                    }
                    let name = ast::Name {
                        name: l.ident().unwrap_or("_").to_string(),
                        span: l.span,
                    };
                    self.pending_alias = if rhs.len() == lhs.len() {
                        self.aliases.get(&rhs[i].unparen().id).copied()
                    } else {
                        None
                    };
                    let obj = self.declare_local_expr(&name, t);
                    if let ObjKind::Var { local: Some(v), .. } = self.obj(obj).kind {
                        self.record_use(l, Use::Local(v));
                    }
                    self.record_type(l, t);
                }
            }
        }
    }

    fn declare_local_expr(&mut self, name: &ast::Name, t: TypeId) -> ObjId {
        self.declare_local(name, t, VarKind::Local)
    }

    /// Records a use of `o` on the left of an assignment without counting
    /// it as a read.
    fn use_obj_no_mark(&mut self, l: &'a Expr, o: ObjId) -> Operand {
        let used = self.obj(o).used;
        let x = self.use_obj(l, o);
        self.obj_mut(o).used = used;
        x
    }

    /// The left side of an assignment: addressable, a map index, or `_`.
    fn lhs_expr(&mut self, l: &'a Expr) -> Option<Operand> {
        if l.ident() == Some("_") {
            self.record_use(l, Use::Blank);
            return None;
        }
        // An identifier on the left is not a read.
        let x = match &l.unparen().kind {
            ExprKind::Ident(name) => match self.lookup(name) {
                Some(o) => {
                    let x = self.use_obj_no_mark(l.unparen(), o);
                    if l.unparen().id != l.id {
                        self.record_type(l, x.ty);
                    }
                    x
                }
                None => {
                    self.error(l.span, format!("undefined: {name}"));
                    return Some(Operand::invalid());
                }
            },
            _ => self.expr(l, None),
        };
        if x.is_invalid() {
            return Some(x);
        }
        self.check_assignable_lhs(l, &x);
        Some(x)
    }

    fn check_assignable_lhs(&mut self, l: &'a Expr, x: &Operand) -> bool {
        match x.mode {
            Mode::Variable | Mode::MapIndex => true,
            Mode::Invalid => false,
            _ => {
                let s = crate::parser::expr_string(l);
                // A struct field of a map element: Go explains.
                if let ExprKind::Selector { x: base, .. } = &l.unparen().kind
                    && let ExprKind::Index { x: m, .. } = &base.unparen().kind
                    && self
                        .info
                        .ex
                        .types
                        .get(&m.id)
                        .is_some_and(|t| matches!(self.tt.under(*t), Type::Map(..)))
                {
                    self.error(l.span, format!("cannot assign to struct field {s} in map"));
                    return false;
                }
                // Go reports a slice expression at its `[`.
                let at = match &l.unparen().kind {
                    ExprKind::Slice { x, .. } => Span {
                        start: x.span.end,
                        end: x.span.end + 1,
                    },
                    _ => l.span,
                };
                self.error(
                    at,
                    format!(
                        "cannot assign to {s} (neither addressable nor a map index expression)"
                    ),
                );
                false
            }
        }
    }

    fn assign(&mut self, lhs: &'a [Expr], rhs: &'a [Expr]) {
        let mut ls: Vec<Option<Operand>> = Vec::new();
        for l in lhs {
            ls.push(self.lhs_expr(l));
        }
        if lhs.len() == rhs.len() {
            for (i, r) in rhs.iter().enumerate() {
                let target = ls[i].as_ref().filter(|o| !o.is_invalid()).map(|o| o.ty);
                let mut x = self.rhs_value(r, target, rhs, lhs.len());
                if x.is_invalid() || !self.single_value(&mut x, r) {
                    continue;
                }
                match target {
                    Some(t) => {
                        self.assign_operand(&mut x, r, t, "assignment");
                    }
                    None => {
                        if ls[i].is_none() {
                            self.default_operand(&mut x, r, "assignment to _ identifier");
                        }
                    }
                }
            }
            return;
        }
        let types = self.init_values(None, lhs.len(), rhs, "assignment");
        for (i, l) in ls.iter().enumerate() {
            let (Some(l), Some(&t)) = (l, types.get(i)) else {
                continue;
            };
            if l.is_invalid() || self.tt.is_invalid(t) {
                continue;
            }
            if !self.tt.assignable(t, l.ty) {
                let (a, b) = (self.type_str(t), self.type_str(l.ty));
                self.error(
                    rhs[0].span,
                    format!("cannot use {a} value as {b} value in assignment"),
                );
            }
        }
    }

    fn op_assign(
        &mut self,
        s: &'a Stmt,
        lhs: &'a [Expr],
        rhs: &'a [Expr],
        op: crate::token::AssignOp,
    ) {
        if lhs.len() != 1 || rhs.len() != 1 {
            self.error(
                s.span,
                format!(
                    "assignment operation {}= requires single-valued expressions",
                    op.as_str()
                ),
            );
            return;
        }
        let (l, r) = (&lhs[0], &rhs[0]);
        let mut x = self.expr(l, None);
        if x.is_invalid() {
            let _ = self.expr(r, None);
            return;
        }
        self.single_value(&mut x, l);
        // `x op= y` reads x.
        let mut y = if matches!(
            op,
            crate::token::AssignOp::Shl | crate::token::AssignOp::Shr
        ) {
            let mut y = self.expr(r, None);
            if y.is_invalid() || !self.single_value(&mut y, r) {
                return;
            }
            if !(self.tt.is_integer(y.ty)
                || (self.tt.is_untyped(y.ty) && y.konst().and_then(|v| v.as_i128()).is_some()))
            {
                let d = self.describe(&y, r);
                self.error(
                    r.span,
                    format!("invalid operation: shift count {d} must be integer"),
                );
                return;
            }
            if !self.tt.is_integer(x.ty) {
                let d = self.describe(&x, l);
                self.error(
                    l.span,
                    format!("invalid operation: shifted operand {d} must be integer"),
                );
                return;
            }
            self.check_assignable_lhs(l, &x);
            return;
        } else {
            let mut y = self.expr(r, Some(x.ty));
            if y.is_invalid() || !self.single_value(&mut y, r) {
                return;
            }
            y
        };
        let xs = crate::parser::expr_string(l);
        let ys = crate::parser::expr_string(r);
        let opn = op.as_str();
        if self.tt.is_untyped(y.ty) && !self.convert_untyped(&mut y, r, x.ty) {
            let (a, b) = (self.type_str(x.ty), self.type_str(y.ty));
            self.error(
                l.span,
                format!("invalid operation: {xs} {opn}= {ys} (mismatched types {a} and {b})"),
            );
            return;
        }
        if x.ty != y.ty {
            let (a, b) = (self.type_str(x.ty), self.type_str(y.ty));
            self.error(
                l.span,
                format!("invalid operation: {xs} {opn}= {ys} (mismatched types {a} and {b})"),
            );
            return;
        }
        use crate::token::AssignOp::*;
        let ok = match op {
            Add => self.tt.is_numeric(x.ty) || self.tt.is_string(x.ty),
            Sub | Mul | Quo => self.tt.is_numeric(x.ty),
            _ => self.tt.is_integer(x.ty),
        };
        if !ok {
            let d = self.describe(&x, l);
            self.error(
                l.span,
                format!("invalid operation: operator {opn} not defined on {d}"),
            );
            return;
        }
        if matches!(op, Quo | Rem)
            && self.tt.is_integer(x.ty)
            && let Some(Value::Int(z)) = y.konst()
            && z.is_zero()
        {
            self.error(r.span, "invalid operation: division by zero");
            return;
        }
        self.check_assignable_lhs(l, &x);
    }

    // ----- switch statements -----

    fn switch_stmt(
        &mut self,
        init: Option<&'a Stmt>,
        tag: Option<&'a Expr>,
        clauses: &'a [ast::CaseClause],
    ) {
        let label = self.pending_label.take();
        self.open_scope();
        if let Some(i) = init {
            self.simple_stmt(i);
        }
        let tag_op = match tag {
            Some(t) => {
                let mut x = self.expr(t, None);
                if !x.is_invalid() && self.single_value(&mut x, t) {
                    if x.mode == Mode::Nil {
                        self.error(t.span, "use of untyped nil in switch expression");
                        None
                    } else {
                        self.default_operand(&mut x, t, "switch expression");
                        Some((x, t))
                    }
                } else {
                    None
                }
            }
            None => None,
        };
        self.push_target(label, false);
        let mut defaults = 0;
        let mut seen: Vec<(Value, TypeId, Span)> = Vec::new();
        for (ci, c) in clauses.iter().enumerate() {
            if c.default {
                defaults += 1;
                if defaults > 1 {
                    self.error(c.span, "multiple defaults in switch");
                }
            }
            for ce in &c.exprs {
                let mut x = self.expr(ce, tag_op.as_ref().map(|(t, _)| t.ty));
                if x.is_invalid() || !self.single_value(&mut x, ce) {
                    continue;
                }
                match &tag_op {
                    Some((t, te)) => {
                        let mut tx = t.clone();
                        let ok = self.case_matches(&mut x, ce, &mut tx, te);
                        if !ok {
                            continue;
                        }
                        if let Some(v) = x.konst() {
                            if let Some(prev) = seen
                                .iter()
                                .find(|(sv, st, _)| sv == v && *st == x.ty)
                                .map(|p| p.2)
                            {
                                let d = self.describe(&x, ce);
                                let ps = self.pos_string(prev);
                                self.error(ce.span, format!("duplicate case {d} in expression switch\n\t{ps}: previous case"));
                            } else {
                                seen.push((v.clone(), x.ty, ce.span));
                            }
                        }
                    }
                    None => {
                        if tag.is_none() {
                            if !self.tt.is_boolean(x.ty) {
                                let d = self.describe(&x, ce);
                                if self.tt.is_untyped(x.ty) {
                                    self.error(ce.span, format!("cannot convert {d} to type bool"));
                                } else {
                                    let s = crate::parser::expr_string(ce);
                                    let ts = self.type_str(x.ty);
                                    self.error(ce.span, format!("invalid case {s} in switch (mismatched types {ts} and bool)"));
                                }
                                continue;
                            }
                            let b = self.tt.basic(BasicKind::Bool);
                            self.convert_untyped(&mut x, ce, b);
                        }
                    }
                }
            }
            self.open_scope();
            let not_last = ci + 1 < clauses.len();
            self.stmt_list(&c.body, not_last);
            self.close_scope();
        }
        self.pop_target();
        self.close_scope();
    }

    /// A case value against the switch tag: comparable, matching types.
    fn case_matches(
        &mut self,
        x: &mut Operand,
        xe: &'a Expr,
        t: &mut Operand,
        te: &'a Expr,
    ) -> bool {
        let before = x.clone();
        if self.tt.is_untyped(x.ty) && !self.convert_untyped(x, xe, t.ty) {
            let d = self.describe(&before, xe);
            let ts = self.type_str(t.ty);
            self.error(xe.span, format!("cannot convert {d} to type {ts}"));
            return false;
        }
        if !self.tt.assignable(x.ty, t.ty) && !self.tt.assignable(t.ty, x.ty) {
            let s = crate::parser::expr_string(xe);
            let ts = crate::parser::expr_string(te);
            let (a, b) = (self.type_str(x.ty), self.type_str(t.ty));
            self.error(
                xe.span,
                format!("invalid case {s} in switch on {ts} (mismatched types {a} and {b})"),
            );
            return false;
        }
        true
    }

    fn type_switch(
        &mut self,
        s: &'a Stmt,
        init: Option<&'a Stmt>,
        bind: Option<&'a ast::Name>,
        x: &'a Expr,
        clauses: &'a [ast::CaseClause],
    ) {
        let label = self.pending_label.take();
        self.open_scope();
        if let Some(i) = init {
            self.simple_stmt(i);
        }
        let mut xo = self.expr(x, None);
        let valid = !xo.is_invalid() && self.single_value(&mut xo, x);
        if valid && !self.tt.is_interface(xo.ty) {
            let d = self.describe(&xo, x);
            self.error(x.span, format!("{d} is not an interface"));
        }
        let valid = valid && self.tt.is_interface(xo.ty);
        self.push_target(label, false);
        let mut bind_objs: Vec<ObjId> = Vec::new();
        let mut defaults = 0;
        let mut seen: Vec<(TypeId, Span)> = Vec::new();
        let mut seen_nil = false;
        for c in clauses {
            if c.default {
                defaults += 1;
                if defaults > 1 {
                    self.error(c.span, "multiple defaults in switch");
                }
            }
            let mut single: Option<TypeId> = None;
            for te in &c.exprs {
                if te.ident() == Some("nil")
                    && self
                        .lookup("nil")
                        .is_some_and(|o| matches!(self.obj(o).kind, ObjKind::Nil))
                {
                    self.record_use(te, Use::Nil);
                    if seen_nil {
                        self.error(te.span, "multiple nil cases in type switch (first at ...)");
                    }
                    seen_nil = true;
                    single = if c.exprs.len() == 1 {
                        Some(xo.ty)
                    } else {
                        None
                    };
                    continue;
                }
                let t = self.type_expr(te);
                if self.tt.is_invalid(t) {
                    continue;
                }
                if let Some(&(_, prev)) = seen.iter().find(|(st, _)| *st == t) {
                    let ts = self.type_str(t);
                    let ps = self.pos_string(prev);
                    self.error(
                        te.span,
                        format!("duplicate case {ts} in type switch\n\t{ps}: previous case"),
                    );
                }
                seen.push((t, te.span));
                if valid {
                    self.assertable(xo.ty, t, te, x, Some(&xo));
                }
                if c.exprs.len() == 1 {
                    single = Some(t);
                }
            }
            self.open_scope();
            if let Some(b) = bind {
                let t = single.unwrap_or(if valid { xo.ty } else { TypeId(0) });
                // The clause's implicit variable is declared at the colon.
                let name = ast::Name {
                    name: b.name.clone(),
                    span: b.span,
                };
                let o = self.declare_local(&name, t, VarKind::Local);
                // Not reported per clause: one report for the bind.
                if let Some(f) = self.fstack.last_mut() {
                    f.locals.retain(|&x| x != o);
                }
                self.obj_mut(o).span = b.span;
                if self.recording() {
                    // The defs table maps the bind name to the first clause's
                    // variable; per-clause variables are keyed by the colon.
                    if let ObjKind::Var { local: Some(v), .. } = self.obj(o).kind {
                        self.info.ex.defs.insert(c.colon.start, v);
                        self.info.ex.defs.entry(b.span.start).or_insert(v);
                    }
                }
                bind_objs.push(o);
            }
            self.stmt_list(&c.body, false);
            self.close_scope();
        }
        if let Some(b) = bind {
            if b.name == "_" {
                self.error(b.span, "no new variable on left side of :=");
            } else if !bind_objs.iter().any(|&o| self.obj(o).used) {
                self.error(b.span, format!("{} declared and not used", b.name));
            }
        }
        let _ = s;
        self.pop_target();
        self.close_scope();
    }

    // ----- range -----

    #[allow(clippy::too_many_arguments)]
    fn range_stmt(
        &mut self,
        _s: &'a Stmt,
        key: Option<&'a Expr>,
        value: Option<&'a Expr>,
        define: bool,
        x: &'a Expr,
        body: &'a ast::Block,
        label: Option<String>,
    ) {
        self.open_scope();
        let mut xo = self.expr(x, None);
        // As an assignment's operand (before an untyped constant converts).
        let x_desc = if xo.is_invalid() { String::new() } else { self.describe(&xo, x) };
        let over_int = self.tt.is_integer(xo.ty);
        let int = self.tt.basic(BasicKind::Int);
        // An iterator's yield parameters: the body is a closure.
        let mut func_params: Option<Vec<TypeId>> = None;
        let (kt, vt): (TypeId, Option<TypeId>) = if xo.is_invalid()
            || !self.single_value(&mut xo, x)
        {
            (TypeId(0), Some(TypeId(0)))
        } else {
            let under = self.tt.under(xo.ty).clone();
            match under {
                Type::Basic(k) if k.is_string() => {
                    if self.tt.is_untyped(xo.ty) {
                        let st = self.tt.basic(BasicKind::String);
                        self.convert_untyped(&mut xo, x, st);
                    }
                    (int, Some(self.tt.basic(BasicKind::Int32)))
                }
                Type::Basic(k) if k.is_integer() => {
                    if self.tt.is_untyped(xo.ty) {
                        self.convert_untyped(&mut xo, x, int);
                    }
                    if value.is_some() {
                        let d = x_desc.clone();
                        self.error(
                            value.map(|v| v.span).unwrap_or(x.span),
                            format!("range over {d} permits only one iteration variable"),
                        );
                    }
                    (xo.ty, None)
                }
                Type::Slice(el) | Type::Array(el, _) => (int, Some(el)),
                Type::Pointer(p) => match self.tt.under(p).clone() {
                    Type::Array(el, _) => (int, Some(el)),
                    _ => {
                        let d = self.describe(&xo, x);
                        self.error(x.span, format!("cannot range over {d}"));
                        (TypeId(0), Some(TypeId(0)))
                    }
                },
                Type::Map(k, v) => (k, Some(v)),
                Type::Chan(dir, el) => {
                    if dir == crate::types::ChanDir::Send {
                        let d = self.describe(&xo, x);
                        self.error(
                            x.span,
                            format!("invalid operation: range {d}: receive from send-only channel"),
                        );
                    }
                    if let Some(v) = value {
                        let d = self.describe(&xo, x);
                        self.error(
                            v.span,
                            format!("range over {d} permits only one iteration variable"),
                        );
                    }
                    (el, None)
                }
                Type::Func(sig) => match self.range_func_params(&sig) {
                    Ok(ps) => {
                        let d = self.describe(&xo, x);
                        if ps.is_empty() && let Some(k) = key {
                            self.error(k.span, format!("range over {d} permits no iteration variables"));
                        } else if ps.len() == 1 && let Some(v) = value {
                            self.error(v.span, format!("range over {d} permits only one iteration variable"));
                        }
                        let kt = ps.first().copied().unwrap_or(TypeId(0));
                        let vt = if ps.len() == 2 { Some(ps[1]) } else { None };
                        func_params = Some(ps);
                        (kt, vt)
                    }
                    Err(cause) => {
                        let d = self.describe(&xo, x);
                        self.error(x.span, format!("cannot range over {d}: {cause}"));
                        (TypeId(0), Some(TypeId(0)))
                    }
                },
                _ => {
                    let d = self.describe(&xo, x);
                    self.error(x.span, format!("cannot range over {d}"));
                    (TypeId(0), Some(TypeId(0)))
                }
            }
        };
        // Ranging over a string yields runes (spelled `rune` in messages).
        let value_alias = if self.tt.is_string(xo.ty) {
            Some("rune")
        } else {
            None
        };
        let pairs = [(key, kt), (value, vt.unwrap_or(TypeId(0)))];
        let opened = match &func_params {
            Some(ps) => self.begin_range_body(ps),
            None => None,
        };
        if define {
            let mut any_new = false;
            for (e, t) in pairs {
                let Some(e) = e else { continue };
                match e.ident() {
                    Some("_") => {
                        self.record_use(e, Use::Blank);
                    }
                    Some(name) => {
                        any_new = true;
                        let n = ast::Name {
                            name: name.to_string(),
                            span: e.span,
                        };
                        self.pending_alias =
                            if e.id == value.map(|v| v.id).unwrap_or(ExprId(u32::MAX)) {
                                value_alias
                            } else {
                                None
                            };
                        let o = self.declare_local(&n, t, VarKind::Local);
                        if let ObjKind::Var { local: Some(v), .. } = self.obj(o).kind {
                            self.record_use(e, Use::Local(v));
                        }
                        self.record_type(e, t);
                        // A variable the range does not provide (or of an
                        // invalid range) is not reported unused, as go/types.
                        if self.tt.is_invalid(t) {
                            self.obj_mut(o).used = true;
                        }
                    }
                    None => {
                        let s = crate::parser::expr_string(e);
                        self.error(e.span, format!("non-name {s} on left side of :="));
                    }
                }
            }
            if !any_new && (key.is_some() || value.is_some()) {
                let at = key.or(value).map(|e| e.span).unwrap_or(x.span);
                self.error(at, "no new variables on left side of :=");
            }
        } else {
            for (e, t) in pairs {
                let Some(e) = e else { continue };
                if let Some(l) = self.lhs_expr(e)
                    && !l.is_invalid()
                    && !self.tt.is_invalid(t)
                    && !self.tt.assignable(t, l.ty)
                {
                    // go/types' rangeStmt: over an integer, x is assigned
                    // (a "range clause"); otherwise a value of the
                    // iteration type is, reported on the variable.
                    let (a, b) = (self.type_str(t), self.type_str(l.ty));
                    if over_int {
                        self.error(x.span, format!("cannot use {x_desc} as {b} value in range clause"));
                    } else {
                        let es = crate::parser::expr_string(e);
                        self.error(e.span, format!("cannot use {es} (value of type {a}) as {b} value in assignment"));
                    }
                }
            }
        }
        self.push_target(label, true);
        self.block(body);
        self.pop_target();
        if let (Some(o), Some(ps)) = (opened, func_params) {
            self.end_range_body(x.id, ps, o);
        }
        self.close_scope();
    }

    // ----- terminating statements (Go spec) -----

    fn is_terminating_list(&self, stmts: &[Stmt], label: &str) -> bool {
        let _ = label;
        match stmts
            .iter()
            .rev()
            .find(|s| !matches!(s.kind, StmtKind::Empty))
        {
            Some(s) => self.is_terminating(s, ""),
            None => false,
        }
    }

    fn is_terminating(&self, s: &Stmt, label: &str) -> bool {
        match &s.kind {
            StmtKind::Return(_) | StmtKind::Goto(_) => true,
            StmtKind::Expr(e) => {
                if let ExprKind::Call { fun, .. } = &e.unparen().kind
                    && let ExprKind::Ident(n) = &fun.unparen().kind
                {
                    return n == "panic"
                        && self.info.ex.uses.get(&fun.unparen().id)
                            == Some(&Use::Builtin(Builtin::Panic));
                }
                // os.Exit is not terminating for the compiler.
                false
            }
            StmtKind::Block(b) => self.is_terminating_list(&b.stmts, ""),
            StmtKind::If { then, els, .. } => match els {
                Some(e) => self.is_terminating_list(&then.stmts, "") && self.is_terminating(e, ""),
                None => false,
            },
            StmtKind::Labeled { label, stmt } => self.is_terminating(stmt, &label.name),
            StmtKind::For { cond, body, .. } => {
                cond.is_none() && !has_break(&body.stmts, label, true)
            }
            StmtKind::Range { .. } => false,
            StmtKind::Switch { clauses, .. } | StmtKind::TypeSwitch { clauses, .. } => {
                clauses.iter().any(|c| c.default)
                    && clauses.iter().all(|c| {
                        !has_break(&c.body, label, true)
                            && match c
                                .body
                                .iter()
                                .rev()
                                .find(|s| !matches!(s.kind, StmtKind::Empty))
                            {
                                Some(last) => {
                                    matches!(last.kind, StmtKind::Fallthrough)
                                        || self.is_terminating(last, "")
                                }
                                None => false,
                            }
                    })
            }
            StmtKind::Select { clauses, .. } => clauses.iter().all(|c| {
                !has_break(&c.body, label, true)
                    && match c
                        .body
                        .iter()
                        .rev()
                        .find(|s| !matches!(s.kind, StmtKind::Empty))
                    {
                        Some(last) => self.is_terminating(last, ""),
                        None => false,
                    }
            }),
            _ => false,
        }
    }

    fn resolve_local_type(&mut self, o: ObjId, spec: &'a ast::TypeSpec) {
        if spec.alias {
            let t = self.generic_type_rhs(o, spec);
            self.obj_mut(o).ty = t;
            return;
        }
        let named = self.obj(o).ty;
        let t = self.generic_type_rhs(o, spec);
        let u = if t == named {
            TypeId(0)
        } else {
            self.tt.underlying(t)
        };
        if t == named {
            self.error(
                spec.name.span,
                format!(
                    "invalid recursive type: {} refers to itself",
                    spec.name.name
                ),
            );
        }
        if let Some(n) = self.tt.named_info_mut(named) {
            n.underlying = u;
        }
        if t != named {
            self.check_type_cycle(named, o);
        }
    }
}

/// Whether `stmts` contain a break that targets the enclosing statement
/// (unlabeled at this level, or labeled with `label`).
fn has_break(stmts: &[Stmt], label: &str, top: bool) -> bool {
    stmts.iter().any(|s| stmt_has_break(s, label, top))
}

fn stmt_has_break(s: &Stmt, label: &str, top: bool) -> bool {
    match &s.kind {
        StmtKind::Break(None) => top,
        StmtKind::Break(Some(l)) => !label.is_empty() && l.name == label,
        StmtKind::Block(b) => has_break(&b.stmts, label, top),
        StmtKind::If { then, els, .. } => {
            has_break(&then.stmts, label, top)
                || els.as_ref().is_some_and(|e| stmt_has_break(e, label, top))
        }
        StmtKind::Labeled { stmt, .. } => stmt_has_break(stmt, label, top),
        // Nested breakable statements capture unlabeled breaks.
        StmtKind::For { body, .. } | StmtKind::Range { body, .. } => {
            has_break(&body.stmts, label, false)
        }
        StmtKind::Switch { clauses, .. } | StmtKind::TypeSwitch { clauses, .. } => {
            clauses.iter().any(|c| has_break(&c.body, label, false))
        }
        StmtKind::Select { clauses, .. } => {
            clauses.iter().any(|c| has_break(&c.body, label, false))
        }
        _ => false,
    }
}
