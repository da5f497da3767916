//! Statements: declarations, assignments, control flow (if, for, range,
//! switch, type switch, labeled break/continue, fallthrough), return,
//! defer.

use super::Compiler;
use super::func::{FnState, LoopCtx, VarLoc};
use crate::ast::{self, Decl, Expr, Stmt, StmtKind};
use crate::chunk::{IntCmp, Label, Op};
use crate::vm::complex::ComplexOp;
use crate::span::Span;
use crate::token::AssignOp;
use crate::types::{Type, TypeId};

impl FnState {
    pub fn stmts<'a>(&mut self, c: &mut Compiler<'a>, stmts: &'a [Stmt]) {
        for s in stmts {
            self.stmt(c, s);
        }
    }

    fn stmt<'a>(&mut self, c: &mut Compiler<'a>, s: &'a Stmt) {
        let sp = s.span;
        if c.out_of_stack(sp) {
            return;
        }
        match &s.kind {
            StmtKind::Empty => {}
            StmtKind::Decl(Decl::Var(g)) => {
                for spec in &g.specs {
                    self.var_spec(c, spec);
                }
            }
            StmtKind::Decl(_) => {}
            StmtKind::Expr(e) => c.expr_discard(self, e),
            StmtKind::IncDec { x, inc } => {
                let t = c.var_type(x);
                let p = c.place(self, x);
                if let super::expr::Place::Var(VarLoc::Slot(slot), _) = p
                    && matches!(c.int_kind(t), Some(crate::value::IntKind::I64 | crate::value::IntKind::U64))
                {
                    // The fused increment (64-bit kinds wrap by themselves).
                    self.emit(Op::IncLocal { local: slot, by: if *inc { 1 } else { -1 } }, sp);
                    return;
                }
                c.load_keep(self, p, sp);
                if c.tt.is_float(t) {
                    let k = c.bc.add_const(crate::vm::Const::Float(1.0));
                    self.emit(Op::Const(k), sp);
                    self.emit(if *inc { Op::AddF } else { Op::SubF }, sp);
                } else if c.is_complex(t) {
                    let k = c.bc.add_const(crate::vm::Const::Complex(1.0, 0.0));
                    self.emit(Op::Const(k), sp);
                    c.complex_op(self, if *inc { ComplexOp::Add } else { ComplexOp::Sub }, sp);
                } else {
                    self.emit(Op::AddIConst(if *inc { 1 } else { -1 }), sp);
                }
                c.trunc(self, t, sp);
                c.store(self, p, sp);
            }
            StmtKind::Assign { lhs, rhs, define, op, op_span } => self.assign(c, lhs, rhs, *define, *op, *op_span),
            StmtKind::Return(vals) => self.ret(c, vals, sp),
            StmtKind::Break(label) | StmtKind::Continue(label) => {
                let is_break = matches!(s.kind, StmtKind::Break(_));
                let want = label.as_ref().map(|l| l.name.as_str());
                let target = self.loops.iter().rev().find_map(|l| {
                    if want.is_some() && l.label.as_deref() != want {
                        return None;
                    }
                    if is_break { Some(l.brk) } else { l.cont }
                });
                match target {
                    Some(t) => {
                        self.b.emit_jump(Op::Jump(0), t, sp);
                    }
                    None if self.range_branch(c, is_break, want, sp) => {}
                    None => c.unsupported(sp, "break/continue target"),
                }
            }
            StmtKind::Fallthrough => match self.fallthrough {
                Some(l) => {
                    self.b.emit_jump(Op::Jump(0), l, sp);
                }
                None => c.unsupported(sp, "fallthrough here"),
            },
            StmtKind::Labeled { label, stmt } => {
                // Where a `goto` of this label lands (the parser checked
                // Go's rules: no jump into a block or over a declaration).
                let at = self.goto_label(&label.name);
                self.b.bind(at);
                self.pending_label = Some(label.name.clone());
                self.stmt(c, stmt);
                self.pending_label = None;
            }
            StmtKind::Block(b) => self.stmts(c, &b.stmts),
            StmtKind::If { init, cond, then, els } => {
                self.pending_label = None;
                if let Some(i) = init {
                    self.stmt(c, i);
                }
                let else_l = self.b.new_label();
                let end = self.b.new_label();
                c.jump_unless(self, cond, else_l);
                self.stmts(c, &then.stmts);
                if els.is_some() {
                    self.b.emit_jump(Op::Jump(0), end, then.rbrace);
                }
                self.b.bind(else_l);
                if let Some(e) = els {
                    self.stmt(c, e);
                }
                self.b.bind(end);
            }
            StmtKind::For { init, cond, post, body } => self.for_loop(c, init.as_deref(), cond.as_ref(), post.as_deref(), body),
            StmtKind::Range { key, value, define, x, body } => self.range(c, key.as_ref(), value.as_ref(), *define, x, body, sp),
            StmtKind::Switch { init, tag, clauses, .. } => self.switch(c, init.as_deref(), tag.as_ref(), clauses, sp),
            StmtKind::TypeSwitch { init, bind, x, clauses, .. } => self.type_switch(c, init.as_deref(), bind.as_ref(), x, clauses, sp),
            StmtKind::Defer(e) => {
                let ExprKind::Call { fun, args, ellipsis } = &e.unparen().kind else { return c.unsupported(sp, "defer of a non-call") };
                let call = e.unparen();
                if let Some(argc) = c.call(self, call, fun, args, ellipsis.is_some(), true)
                    && !self.range_defer(c, argc, sp)
                {
                    self.emit(Op::Defer(argc), sp);
                }
            }
            StmtKind::Go(e) => {
                // As for defer: the function value and the arguments are
                // evaluated here; the new goroutine makes the call.
                let ExprKind::Call { fun, args, ellipsis } = &e.unparen().kind else { return c.unsupported(sp, "go of a non-call") };
                let call = e.unparen();
                c.in_go_stmt = true;
                let argc = c.call(self, call, fun, args, ellipsis.is_some(), true);
                c.in_go_stmt = false;
                if let Some(argc) = argc {
                    self.emit(Op::Go(argc), sp);
                }
            }
            StmtKind::Send { ch, value } => {
                let et = c.tt.elem(c.ty(ch)).unwrap_or(TypeId(0));
                c.expr(self, ch);
                c.expr_to(self, value, et);
                c.call_native(self, "chan.send", 2, sp);
                if let Some(elem) = self.send_elem(c, value) {
                    let at = self.b.here();
                    self.send_elems.push((at, elem));
                }
            }
            StmtKind::Select { clauses, .. } => self.select(c, clauses, sp),
            StmtKind::Goto(label) => {
                if self.range_goto(c, &label.name, sp) {
                    return;
                }
                let to = self.goto_label(&label.name);
                self.b.emit_jump(Op::Jump(0), to, sp);
            }
        }
    }

    /// The jump target of label `name` for `goto`.
    pub(super) fn goto_label(&mut self, name: &str) -> crate::chunk::Label {
        if let Some(&l) = self.goto_labels.get(name) {
            return l;
        }
        let l = self.b.new_label();
        self.goto_labels.insert(name.to_string(), l);
        l
    }

    fn var_spec<'a>(&mut self, c: &mut Compiler<'a>, spec: &'a ast::VarSpec) {
        let sp = spec.span;
        let types: Vec<TypeId> = spec
            .names
            .iter()
            .map(|n| c.ex.defs.get(&n.span.start).and_then(|v| c.info.vars.get(v.0 as usize)).map_or(TypeId(0), |v| v.ty))
            .collect();
        if spec.values.is_empty() {
            for (n, t) in spec.names.iter().zip(&types) {
                c.zero_value(self, *t, n.span);
                match self.declare(c, n.span.start) {
                    Some((_, loc)) => self.init_var(loc, n.span),
                    None => self.emit(Op::Pop, n.span),
                }
            }
            return;
        }
        if spec.values.len() == spec.names.len() {
            for (v, t) in spec.values.iter().zip(&types) {
                c.expr_to(self, v, *t);
            }
        } else if let Some(v) = spec.values.first() {
            c.expr(self, v);
        }
        for n in spec.names.iter().rev() {
            match self.declare(c, n.span.start) {
                Some((_, loc)) => self.init_var(loc, sp),
                None => self.emit(Op::Pop, sp),
            }
        }
    }

    fn assign<'a>(&mut self, c: &mut Compiler<'a>, lhs: &'a [Expr], rhs: &'a [Expr], define: bool, op: Option<AssignOp>, sp: Span) {
        if let Some(op) = op {
            let (Some(x), Some(y)) = (lhs.first(), rhs.first()) else { return };
            let t = c.var_type(x);
            let p = c.place(self, x);
            if let (super::expr::Place::Var(VarLoc::Slot(dst), _), AssignOp::Add | AssignOp::Sub) = (p, op)
                && matches!(c.int_kind(t), Some(crate::value::IntKind::I64 | crate::value::IntKind::U64))
            {
                // Fused forms for `i += c` and `sum += x` on 64-bit locals.
                let neg = op == AssignOp::Sub;
                if let Some(k) = c.ex.const_of(y.id).and_then(|v| v.as_i128()).and_then(|k| i32::try_from(if neg { -k } else { k }).ok()) {
                    self.emit(Op::IncLocal { local: dst, by: k }, sp);
                    return;
                }
                if !neg
                    && let Some(crate::check::info::Use::Local(v)) = c.ex.uses.get(&y.unparen().id)
                    && let Some(VarLoc::Slot(src)) = self.var_loc(*v)
                {
                    self.emit(Op::AddLocal { dst, src }, sp);
                    return;
                }
            }
            c.load_keep(self, p, sp);
            c.expr(self, y);
            let bop = match op {
                AssignOp::Add => crate::ast::BinaryOp::Add,
                AssignOp::Sub => crate::ast::BinaryOp::Sub,
                AssignOp::Mul => crate::ast::BinaryOp::Mul,
                AssignOp::Quo => crate::ast::BinaryOp::Quo,
                AssignOp::Rem => crate::ast::BinaryOp::Rem,
                AssignOp::And => crate::ast::BinaryOp::And,
                AssignOp::Or => crate::ast::BinaryOp::Or,
                AssignOp::Xor => crate::ast::BinaryOp::Xor,
                AssignOp::Shl => crate::ast::BinaryOp::Shl,
                AssignOp::Shr => crate::ast::BinaryOp::Shr,
                AssignOp::AndNot => crate::ast::BinaryOp::AndNot,
            };
            c.arith(self, bop, t, sp);
            c.store(self, p, sp);
            return;
        }
        // Targets' types (a defined name's type is its variable's).
        let lhs_ty = |c: &Compiler, e: &Expr| -> TypeId {
            if define && let Some(v) = c.ex.defs.get(&e.span.start) {
                return c.info.vars.get(v.0 as usize).map_or(TypeId(0), |v| v.ty);
            }
            c.var_type(e)
        };
        // Decide which names are new (`:=` may redeclare some).
        let is_new = |fs: &FnState, c: &Compiler, e: &Expr| define && c.ex.defs.get(&e.span.start).is_some_and(|v| !fs.vars.contains_key(v));
        if lhs.len() == rhs.len() && lhs.len() == 1 {
            let (x, y) = (&lhs[0], &rhs[0]);
            let t = lhs_ty(c, x);
            if is_new(self, c, x) {
                c.expr_to(self, y, t);
                match self.declare(c, x.span.start) {
                    Some((_, loc)) => self.init_var(loc, sp),
                    None => self.emit(Op::Pop, sp),
                }
                return;
            }
            let p = c.place(self, x);
            if matches!(p, super::expr::Place::Blank) {
                c.expr_discard(self, y);
                return;
            }
            c.expr_to(self, y, t);
            c.store(self, p, sp);
            return;
        }
        // Several values: as Go does, first the operands of the targets
        // (index expressions, pointers), then every right-hand side into
        // temporaries, then the assignments left to right.
        let mut places: Vec<Option<(super::expr::Place, Vec<u16>)>> = Vec::new();
        for x in lhs {
            if is_new(self, c, x) {
                places.push(None);
                continue;
            }
            let p = c.place(self, x);
            let n = match p {
                super::expr::Place::Field(_) | super::expr::Place::Deref => 1,
                super::expr::Place::Index | super::expr::Place::MapIndex(_) => 2,
                _ => 0,
            };
            let slots: Vec<u16> = (0..n).map(|_| self.new_slot()).collect();
            for o in slots.iter().rev() {
                self.emit(Op::SetLocal(*o), sp);
            }
            places.push(Some((p, slots)));
        }
        let mut temps: Vec<(u16, TypeId)> = Vec::new();
        if lhs.len() == rhs.len() {
            for (x, y) in lhs.iter().zip(rhs) {
                let t = lhs_ty(c, x);
                c.expr_to(self, y, t);
                let s = self.new_slot();
                self.emit(Op::SetLocal(s), sp);
                temps.push((s, t));
            }
        } else if let Some(y) = rhs.first() {
            // A tuple: a call, `v, ok := m[k]`, `v, ok := x.(T)`.
            let rts = self.tuple_rhs(c, y, lhs.len());
            let mut slots = Vec::new();
            for _ in 0..lhs.len() {
                slots.push(self.new_slot());
            }
            for s in slots.iter().rev() {
                self.emit(Op::SetLocal(*s), sp);
            }
            for (i, x) in lhs.iter().enumerate() {
                let t = lhs_ty(c, x);
                let from = rts.get(i).copied().unwrap_or(t);
                if from != t && c.is_iface(t) && !c.is_iface(from) {
                    self.emit(Op::GetLocal(slots[i]), sp);
                    c.implicit(self, from, t, sp);
                    self.emit(Op::SetLocal(slots[i]), sp);
                }
                temps.push((slots[i], t));
            }
        }
        for ((x, (s, _)), pl) in lhs.iter().zip(temps).zip(places) {
            if is_new(self, c, x) {
                self.emit(Op::GetLocal(s), sp);
                match self.declare(c, x.span.start) {
                    Some((_, loc)) => self.init_var(loc, sp),
                    None => self.emit(Op::Pop, sp),
                }
                continue;
            }
            let Some((p, slots)) = pl else { continue };
            for o in &slots {
                self.emit(Op::GetLocal(*o), sp);
            }
            self.emit(Op::GetLocal(s), sp);
            c.store(self, p, sp);
        }
    }

    /// Pushes the `n` values of a tuple-valued expression; returns their
    /// types.
    fn tuple_rhs<'a>(&mut self, c: &mut Compiler<'a>, y: &'a Expr, n: usize) -> Vec<TypeId> {
        let u = y.unparen();
        let sp = y.span;
        match &u.kind {
            ExprKind::Index { x, index } if n == 2 => {
                let xt = c.ty(x);
                if let Type::Map(k, v) = c.under(xt).clone() {
                    c.expr(self, x);
                    c.expr_to(self, index, k);
                    let vt = c.rtype(v);
                    self.emit(Op::MapGetOk(vt), sp);
                    return vec![v, c.tt.basic(crate::types::BasicKind::Bool)];
                }
            }
            ExprKind::TypeAssert { x, ty: Some(ty) } if n == 2 => {
                let target = c.ty(ty);
                let xt = c.ty(x);
                c.expr(self, x);
                let site = c.assert_site(target, xt, sp);
                self.emit(Op::TypeAssertOk(site), sp);
                return vec![target, c.tt.basic(crate::types::BasicKind::Bool)];
            }
            ExprKind::Unary { op: crate::ast::UnaryOp::Recv, x } if n == 2 => {
                let et = c.tt.elem(c.ty(x)).unwrap_or(TypeId(0));
                c.expr(self, x);
                c.call_native(self, "chan.recv2", 1, sp);
                return vec![et, c.tt.basic(crate::types::BasicKind::Bool)];
            }
            _ => {}
        }
        c.expr(self, y);
        match c.tt.get(c.ty(y)) {
            Type::Tuple(ts) => ts.clone(),
            _ => vec![],
        }
    }

    fn ret<'a>(&mut self, c: &mut Compiler<'a>, vals: &'a [Expr], sp: Span) {
        if self.range_return(c, vals, sp) {
            return;
        }
        if vals.is_empty() {
            if self.result_types.is_empty() {
                self.emit(Op::Ret(0), sp);
            } else {
                self.return_named(c, sp);
            }
            return;
        }
        let rts = self.result_types.clone();
        let n = self.push_results(c, vals, &rts, sp);
        self.emit(Op::Ret(n as u16), sp);
    }

    /// Pushes the operands of `return` as the results' types; how many.
    pub(super) fn push_results<'a>(&mut self, c: &mut Compiler<'a>, vals: &'a [Expr], rts: &[TypeId], sp: Span) -> usize {
        let rts = rts.to_vec();
        if vals.len() == rts.len() {
            for (v, t) in vals.iter().zip(&rts) {
                c.expr_to(self, v, *t);
            }
        } else if let Some(v) = vals.first() {
            // return f() with f returning several values.
            let ts = match c.tt.get(c.ty(v)) {
                Type::Tuple(ts) => ts.clone(),
                _ => vec![],
            };
            c.expr(self, v);
            if ts.iter().zip(&rts).any(|(a, b)| a != b && c.is_iface(*b)) {
                let slots: Vec<u16> = ts.iter().map(|_| self.new_slot()).collect();
                for s in slots.iter().rev() {
                    self.emit(Op::SetLocal(*s), sp);
                }
                for (i, s) in slots.iter().enumerate() {
                    self.emit(Op::GetLocal(*s), sp);
                    if let (Some(&a), Some(&b)) = (ts.get(i), rts.get(i)) {
                        c.implicit(self, a, b, sp);
                    }
                }
            }
        }
        rts.len()
    }

    fn for_loop<'a>(&mut self, c: &mut Compiler<'a>, init: Option<&'a Stmt>, cond: Option<&'a Expr>, post: Option<&'a Stmt>, body: &'a ast::Block) {
        let label = self.pending_label.take();
        // Loop variables declared by init (Go 1.22: one per iteration).
        let before: rustc_hash::FxHashSet<crate::check::info::VarId> = self.vars.keys().copied().collect();
        if let Some(i) = init {
            self.stmt(c, i);
        }
        let loop_vars: Vec<VarLoc> = self.vars.iter().filter(|(v, _)| !before.contains(v)).map(|(_, l)| *l).filter(|l| matches!(l, VarLoc::Boxed(_))).collect();
        let top = self.b.new_label();
        let cont = self.b.new_label();
        let end = self.b.new_label();
        self.b.bind(top);
        if let Some(cond) = cond {
            c.jump_unless(self, cond, end);
        }
        self.loops.push(LoopCtx { label, brk: end, cont: Some(cont) });
        self.stmts(c, &body.stmts);
        self.loops.pop();
        self.b.bind(cont);
        for l in &loop_vars {
            if let VarLoc::Boxed(s) = l {
                // A fresh cell per iteration, holding the current value.
                self.emit(Op::GetLocal(*s), body.rbrace);
                self.emit(Op::Load, body.rbrace);
                self.emit(Op::NewCell, body.rbrace);
                self.emit(Op::SetLocal(*s), body.rbrace);
            }
        }
        if let Some(p) = post {
            self.stmt(c, p);
        }
        self.b.emit_jump(Op::Jump(0), top, body.rbrace);
        self.b.bind(end);
    }

    /// Assigns the value on top of the stack to a range variable: a fresh
    /// per-iteration variable with `:=`, an existing place with `=`.
    pub(super) fn assign_range_var<'a>(&mut self, c: &mut Compiler<'a>, e: &'a Expr, define: bool) {
        if define {
            match self.declare(c, e.span.start) {
                Some((_, loc)) => self.init_var(loc, e.span),
                None => self.emit(Op::Pop, e.span),
            }
        } else {
            let tmp = self.new_slot();
            self.emit(Op::SetLocal(tmp), e.span);
            let p = c.place(self, e);
            self.emit(Op::GetLocal(tmp), e.span);
            c.store(self, p, e.span);
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn range<'a>(&mut self, c: &mut Compiler<'a>, key: Option<&'a Expr>, value: Option<&'a Expr>, define: bool, x: &'a Expr, body: &'a ast::Block, sp: Span) {
        let label = self.pending_label.take();
        if let Some(rf) = c.ex.range_funcs.get(&x.id) {
            return self.range_func(c, rf, key, value, define, x, body, label, sp);
        }
        let xt = c.ty(x);
        let top = self.b.new_label();
        let cont = self.b.new_label();
        let end = self.b.new_label();
        let key = key.filter(|k| k.ident() != Some("_"));
        let value = value.filter(|k| k.ident() != Some("_"));
        match c.under(xt).clone() {
            Type::Basic(k) if k.is_integer() => {
                let n = self.new_slot();
                let i = self.new_slot();
                c.expr(self, x);
                self.emit(Op::SetLocal(n), sp);
                self.index_loop_head(c, [i, n], [top, end], key, define, sp);
                self.body(c, label, end, cont, body);
                self.index_loop_tail(i, [cont, top, end], sp);
            }
            Type::Basic(k) if k.is_string() => {
                let s = self.new_slot();
                let i = self.new_slot();
                let w = self.new_slot();
                c.expr(self, x);
                self.emit(Op::SetLocal(s), sp);
                self.emit(Op::PushInt(0), sp);
                self.emit(Op::SetLocal(i), sp);
                self.b.bind(top);
                self.emit(Op::GetLocal(i), sp);
                self.emit(Op::GetLocal(s), sp);
                self.emit(Op::Len, sp);
                self.b.emit_jump(Op::JumpUnlessI { cmp: IntCmp::Lt, target: 0 }, end, sp);
                self.emit(Op::GetLocal(s), sp);
                self.emit(Op::GetLocal(i), sp);
                self.emit(Op::DecodeRune, sp);
                self.emit(Op::SetLocal(w), sp);
                match value {
                    Some(v) => {
                        if let Some(k) = key {
                            self.emit(Op::GetLocal(i), sp);
                            self.assign_range_var(c, k, define);
                        }
                        self.assign_range_var(c, v, define);
                    }
                    None => {
                        self.emit(Op::Pop, sp);
                        if let Some(k) = key {
                            self.emit(Op::GetLocal(i), sp);
                            self.assign_range_var(c, k, define);
                        }
                    }
                }
                self.body(c, label, end, cont, body);
                self.b.bind(cont);
                self.emit(Op::GetLocal(i), sp);
                self.emit(Op::GetLocal(w), sp);
                self.emit(Op::AddI, sp);
                self.emit(Op::SetLocal(i), sp);
                self.b.emit_jump(Op::Jump(0), top, sp);
                self.b.bind(end);
            }
            Type::Slice(et) | Type::Array(et, _) => self.range_seq(c, x, et, key, value, define, label, body, sp, false),
            Type::Pointer(p) => match c.under(p).clone() {
                Type::Array(et, _) => self.range_seq(c, x, et, key, value, define, label, body, sp, true),
                _ => c.unsupported(sp, "range over this type"),
            },
            Type::Map(..) => {
                let it = self.new_slot();
                c.expr(self, x);
                self.emit(Op::MapIter, sp);
                self.emit(Op::SetLocal(it), sp);
                self.b.bind(top);
                self.emit(Op::GetLocal(it), sp);
                let done = self.b.new_label();
                self.b.emit_jump(Op::MapNext(0), done, sp);
                // [it, k, v]
                let vs = self.new_slot();
                let ks = self.new_slot();
                self.emit(Op::SetLocal(vs), sp);
                self.emit(Op::SetLocal(ks), sp);
                self.emit(Op::Pop, sp);
                if let Some(k) = key {
                    self.emit(Op::GetLocal(ks), sp);
                    self.assign_range_var(c, k, define);
                }
                if let Some(v) = value {
                    self.emit(Op::GetLocal(vs), sp);
                    let vt = c.var_type(v);
                    let vt = if define { c.ex.defs.get(&v.span.start).and_then(|x| c.info.vars.get(x.0 as usize)).map_or(vt, |x| x.ty) } else { vt };
                    if c.is_aggregate(vt) {
                        self.emit(Op::Clone, sp);
                    }
                    self.assign_range_var(c, v, define);
                }
                self.body(c, label, end, cont, body);
                self.b.bind(cont);
                self.b.emit_jump(Op::Jump(0), top, sp);
                self.b.bind(done);
                self.emit(Op::Pop, sp);
                self.b.bind(end);
            }
            Type::Chan(..) => {
                let chs = self.new_slot();
                c.expr(self, x);
                self.emit(Op::SetLocal(chs), sp);
                let end_pop = self.b.new_label();
                self.b.bind(top);
                self.emit(Op::GetLocal(chs), sp);
                c.call_native(self, "chan.recv2", 1, sp);
                self.b.emit_jump(Op::JumpIfFalse(0), end_pop, sp);
                match key {
                    Some(k) => self.assign_range_var(c, k, define),
                    None => self.emit(Op::Pop, sp),
                }
                self.body(c, label, end, cont, body);
                self.b.bind(cont);
                self.b.emit_jump(Op::Jump(0), top, sp);
                self.b.bind(end_pop);
                self.emit(Op::Pop, sp);
                self.b.bind(end);
            }
            _ => c.unsupported(sp, "range over this type (range over functions)"),
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn range_seq<'a>(&mut self, c: &mut Compiler<'a>, x: &'a Expr, et: TypeId, key: Option<&'a Expr>, value: Option<&'a Expr>, define: bool, label: Option<String>, body: &'a ast::Block, sp: Span, ptr: bool) {
        let top = self.b.new_label();
        let cont = self.b.new_label();
        let end = self.b.new_label();
        let s = self.new_slot();
        let n = self.new_slot();
        let i = self.new_slot();
        // The range expression is evaluated once; an array is copied
        // (ranging over an array ranges over a copy) unless only keys are used.
        let ptr_len = match c.under(c.ty(x)) {
            Type::Pointer(p) => match c.under(*p) {
                Type::Array(_, len) => Some(*len),
                _ => None,
            },
            _ => None,
        };
        if let (true, None, Some(len)) = (ptr, value, ptr_len) {
            // Only indices: the length is the type's; a nil pointer is fine.
            c.expr_discard(self, x);
            c.push_int(self, len, sp);
            self.emit(Op::SetLocal(n), sp);
        } else {
            c.expr(self, x);
            if ptr {
                // Ranging over *[N]T walks the live array.
                self.emit(Op::Load, sp);
            } else if value.is_some() && matches!(c.under(c.ty(x)), Type::Array(..)) {
                self.emit(Op::Clone, sp);
            }
            self.emit(Op::Dup, sp);
            self.emit(Op::SetLocal(s), sp);
            self.emit(Op::Len, sp);
            self.emit(Op::SetLocal(n), sp);
        }
        self.index_loop_head(c, [i, n], [top, end], key, define, sp);
        if let Some(v) = value {
            self.emit(Op::GetLocal(s), sp);
            self.emit(Op::GetLocal(i), sp);
            self.emit(Op::Index, sp);
            if c.is_aggregate(et) {
                self.emit(Op::Clone, sp);
            }
            let vt = if define { c.ex.defs.get(&v.span.start).and_then(|x| c.info.vars.get(x.0 as usize)).map_or(et, |x| x.ty) } else { c.var_type(v) };
            c.implicit(self, et, vt, sp);
            self.assign_range_var(c, v, define);
        }
        self.body(c, label, end, cont, body);
        self.index_loop_tail(i, [cont, top, end], sp);
    }

    /// The head of a loop counting local `i` from 0 while below local `n`
    /// (ranging over an integer, a slice, an array): `i = 0`, then at `top`
    /// leave for `end` once `i >= n`, and assign `i` to the key if any.
    fn index_loop_head<'a>(&mut self, c: &mut Compiler<'a>, [i, n]: [u16; 2], [top, end]: [Label; 2], key: Option<&'a Expr>, define: bool, sp: Span) {
        self.emit(Op::PushInt(0), sp);
        self.emit(Op::SetLocal(i), sp);
        self.b.bind(top);
        self.emit(Op::GetLocal(i), sp);
        self.emit(Op::GetLocal(n), sp);
        self.b.emit_jump(Op::JumpUnlessI { cmp: IntCmp::Lt, target: 0 }, end, sp);
        if let Some(k) = key {
            self.emit(Op::GetLocal(i), sp);
            self.assign_range_var(c, k, define);
        }
    }

    /// The tail of that loop: `continue` lands at `cont`, which counts on.
    fn index_loop_tail(&mut self, i: u16, [cont, top, end]: [Label; 3], sp: Span) {
        self.b.bind(cont);
        self.emit(Op::IncLocal { local: i, by: 1 }, sp);
        self.b.emit_jump(Op::Jump(0), top, sp);
        self.b.bind(end);
    }

    /// `select`: the native picks a ready case (or the default); the
    /// clause bodies follow as a switch on its index.
    fn select<'a>(&mut self, c: &mut Compiler<'a>, clauses: &'a [ast::CommClause], sp: Span) {
        let label = self.pending_label.take();
        let has_default = clauses.iter().any(|cl| cl.comm.is_none());
        self.emit(Op::PushBool(has_default), sp);
        let mut ncases = 0u16;
        // Per clause: the receive's targets (lhs, define), if any.
        let mut recv_targets: Vec<Option<(&'a [Expr], bool)>> = Vec::new();
        for cl in clauses {
            let Some(comm) = &cl.comm else {
                recv_targets.push(None);
                continue;
            };
            let recv_of = |e: &'a Expr| -> Option<&'a Expr> {
                match &e.unparen().kind {
                    ExprKind::Unary { op: crate::ast::UnaryOp::Recv, x } => Some(x),
                    _ => None,
                }
            };
            match &comm.kind {
                StmtKind::Send { ch, value } => {
                    let et = c.tt.elem(c.ty(ch)).unwrap_or(TypeId(0));
                    self.emit(Op::PushInt(0), comm.span);
                    c.expr(self, ch);
                    c.expr_to(self, value, et);
                    recv_targets.push(None);
                }
                StmtKind::Expr(e) if recv_of(e).is_some() => {
                    self.emit(Op::PushInt(1), comm.span);
                    if let Some(x) = recv_of(e) {
                        c.expr(self, x);
                    }
                    self.emit(Op::PushNil, comm.span);
                    recv_targets.push(None);
                }
                StmtKind::Assign { lhs, rhs, define, .. } if rhs.len() == 1 && recv_of(&rhs[0]).is_some() => {
                    self.emit(Op::PushInt(1), comm.span);
                    if let Some(x) = recv_of(&rhs[0]) {
                        c.expr(self, x);
                    }
                    self.emit(Op::PushNil, comm.span);
                    recv_targets.push(Some((lhs, *define)));
                }
                _ => {
                    c.unsupported(comm.span, "this select case");
                    return;
                }
            }
            ncases += 1;
        }
        // Go compiles a one-case select to the plain channel operation
        // (selectnbsend/selectnbrecv with a default): a panic or a block
        // there is reported at the case's line, not the select's.
        let at = match clauses.iter().filter_map(|cl| cl.comm.as_ref()).collect::<Vec<_>>().as_slice() {
            [only] => only.span,
            _ => sp,
        };
        c.call_native(self, "chan.select", 1 + 3 * ncases, at);
        let ok_s = self.new_slot();
        let v_s = self.new_slot();
        let idx_s = self.new_slot();
        self.emit(Op::SetLocal(ok_s), sp);
        self.emit(Op::SetLocal(v_s), sp);
        self.emit(Op::SetLocal(idx_s), sp);
        let end = self.b.new_label();
        let bodies: Vec<crate::chunk::Label> = clauses.iter().map(|_| self.b.new_label()).collect();
        let mut case_i = 0i32;
        for (ci, cl) in clauses.iter().enumerate() {
            self.emit(Op::GetLocal(idx_s), cl.span);
            if cl.comm.is_none() {
                self.emit(Op::PushInt(-1), cl.span);
            } else {
                self.emit(Op::PushInt(case_i), cl.span);
                case_i += 1;
            }
            self.emit(Op::EqI, cl.span);
            self.b.emit_jump(Op::JumpIfTrue(0), bodies[ci], cl.span);
        }
        self.b.emit_jump(Op::Jump(0), end, sp);
        self.loops.push(LoopCtx { label, brk: end, cont: None });
        for (ci, cl) in clauses.iter().enumerate() {
            self.b.bind(bodies[ci]);
            if let Some(Some((lhs, define))) = recv_targets.get(ci) {
                for (k, x) in lhs.iter().enumerate() {
                    let src = if k == 0 { v_s } else { ok_s };
                    if x.ident() == Some("_") {
                        continue;
                    }
                    if *define && c.ex.defs.get(&x.span.start).is_some_and(|v| !self.vars.contains_key(v)) {
                        self.emit(Op::GetLocal(src), x.span);
                        match self.declare(c, x.span.start) {
                            Some((_, loc)) => self.init_var(loc, x.span),
                            None => self.emit(Op::Pop, x.span),
                        }
                    } else {
                        let p = c.place(self, x);
                        self.emit(Op::GetLocal(src), x.span);
                        c.store(self, p, x.span);
                    }
                }
            }
            self.stmts(c, &cl.body);
            self.b.emit_jump(Op::Jump(0), end, cl.span);
        }
        self.loops.pop();
        self.b.bind(end);
    }

    fn body<'a>(&mut self, c: &mut Compiler<'a>, label: Option<String>, brk: crate::chunk::Label, cont: crate::chunk::Label, body: &'a ast::Block) {
        self.loops.push(LoopCtx { label, brk, cont: Some(cont) });
        self.stmts(c, &body.stmts);
        self.loops.pop();
    }

    fn switch<'a>(&mut self, c: &mut Compiler<'a>, init: Option<&'a Stmt>, tag: Option<&'a Expr>, clauses: &'a [ast::CaseClause], sp: Span) {
        let label = self.pending_label.take();
        if let Some(i) = init {
            self.stmt(c, i);
        }
        let tag_slot = tag.map(|t| {
            c.expr_owned(self, t);
            let s = self.new_slot();
            self.emit(Op::SetLocal(s), t.span);
            (s, c.ty(t))
        });
        let end = self.b.new_label();
        let bodies: Vec<crate::chunk::Label> = clauses.iter().map(|_| self.b.new_label()).collect();
        let mut default = None;
        for (ci, cl) in clauses.iter().enumerate() {
            if cl.default {
                default = Some(bodies[ci]);
                continue;
            }
            for e in &cl.exprs {
                match tag_slot {
                    Some((s, tt)) => {
                        self.emit(Op::GetLocal(s), e.span);
                        let et = c.ty(e);
                        let both_iface = c.is_iface(tt) == c.is_iface(et);
                        if !both_iface && c.is_iface(tt) {
                            c.expr_to(self, e, tt);
                        } else {
                            c.expr(self, e);
                            if !both_iface {
                                // Concrete tag, interface case value.
                                self.emit(Op::Swap, e.span);
                                c.implicit(self, tt, et, e.span);
                                self.emit(Op::Swap, e.span);
                            }
                        }
                        let op = c.eq_op(tt, et);
                        self.emit(op, e.span);
                    }
                    None => c.expr(self, e),
                }
                self.b.emit_jump(Op::JumpIfTrue(0), bodies[ci], e.span);
            }
        }
        match default {
            Some(d) => self.b.emit_jump(Op::Jump(0), d, sp),
            None => self.b.emit_jump(Op::Jump(0), end, sp),
        };
        self.loops.push(LoopCtx { label, brk: end, cont: None });
        for (ci, cl) in clauses.iter().enumerate() {
            self.b.bind(bodies[ci]);
            let saved = self.fallthrough.take();
            self.fallthrough = bodies.get(ci + 1).copied();
            self.stmts(c, &cl.body);
            self.fallthrough = saved;
            self.b.emit_jump(Op::Jump(0), end, cl.span);
        }
        self.loops.pop();
        self.b.bind(end);
    }

    #[allow(clippy::too_many_arguments)]
    fn type_switch<'a>(&mut self, c: &mut Compiler<'a>, init: Option<&'a Stmt>, bind: Option<&'a ast::Name>, x: &'a Expr, clauses: &'a [ast::CaseClause], sp: Span) {
        let label = self.pending_label.take();
        if let Some(i) = init {
            self.stmt(c, i);
        }
        let xt = c.ty(x);
        c.expr(self, x);
        let xs = self.new_slot();
        self.emit(Op::SetLocal(xs), x.span);
        let end = self.b.new_label();
        let bodies: Vec<crate::chunk::Label> = clauses.iter().map(|_| self.b.new_label()).collect();
        let mut default = None;
        for (ci, cl) in clauses.iter().enumerate() {
            if cl.default {
                default = Some(bodies[ci]);
                continue;
            }
            for te in &cl.exprs {
                if matches!(c.ex.uses.get(&te.id), Some(crate::check::info::Use::Nil)) {
                    self.emit(Op::GetLocal(xs), te.span);
                    self.emit(Op::PushNil, te.span);
                    self.emit(Op::Eq, te.span);
                } else {
                    let t = c.ty(te);
                    self.emit(Op::GetLocal(xs), te.span);
                    let site = c.assert_site(t, xt, te.span);
                    self.emit(Op::TypeAssertOk(site), te.span);
                    self.emit(Op::Swap, te.span);
                    self.emit(Op::Pop, te.span);
                }
                self.b.emit_jump(Op::JumpIfTrue(0), bodies[ci], te.span);
            }
        }
        match default {
            Some(d) => self.b.emit_jump(Op::Jump(0), d, sp),
            None => self.b.emit_jump(Op::Jump(0), end, sp),
        };
        self.loops.push(LoopCtx { label, brk: end, cont: None });
        for (ci, cl) in clauses.iter().enumerate() {
            self.b.bind(bodies[ci]);
            if bind.is_some()
                && let Some(&v) = c.ex.defs.get(&cl.colon.start)
            {
                let vt = c.info.vars.get(v.0 as usize).map_or(TypeId(0), |v| v.ty);
                self.emit(Op::GetLocal(xs), cl.colon);
                if !c.is_iface(vt) {
                    let site = c.assert_site(vt, xt, cl.colon);
                    self.emit(Op::TypeAssertOk(site), cl.colon);
                    self.emit(Op::Pop, cl.colon);
                }
                if let Some((_, loc)) = self.declare(c, cl.colon.start) {
                    self.init_var(loc, cl.colon);
                } else {
                    self.emit(Op::Pop, cl.colon);
                }
            }
            self.stmts(c, &cl.body);
            self.b.emit_jump(Op::Jump(0), end, cl.span);
        }
        self.loops.pop();
        self.b.bind(end);
    }
}

use crate::ast::ExprKind;

impl<'a> Compiler<'a> {
    /// The type of an assignment target: a variable's declared type (the
    /// checker records no type for a plain identifier on the left).
    pub fn var_type(&self, e: &Expr) -> TypeId {
        match self.ex.uses.get(&e.unparen().id) {
            Some(crate::check::info::Use::Local(v)) => self.info.vars.get(v.0 as usize).map_or(TypeId(0), |v| v.ty),
            Some(crate::check::info::Use::Global(g)) => self.info.globals.get(g.0 as usize).map_or(TypeId(0), |g| g.ty),
            _ => self.ty(e),
        }
    }

    /// Jumps to `to` unless `cond` holds; integer comparisons use the
    /// fused compare-and-branch.
    pub fn jump_unless(&mut self, fs: &mut FnState, cond: &'a Expr, to: crate::chunk::Label) {
        use crate::ast::BinaryOp as B;
        if self.ex.const_of(cond.id).is_none()
            && let ExprKind::Binary { op, x, y } = &cond.unparen().kind
            && matches!(op, B::Eql | B::Neq | B::Lss | B::Leq | B::Gtr | B::Geq)
            && self.tt.is_integer(self.ty(x))
            && self.tt.is_integer(self.ty(y))
        {
            let u = self.tt.is_unsigned(self.ty(x));
            let cmp = match (op, u) {
                (B::Eql, _) => IntCmp::Eq,
                (B::Neq, _) => IntCmp::Ne,
                (B::Lss, false) => IntCmp::Lt,
                (B::Leq, false) => IntCmp::Le,
                (B::Gtr, false) => IntCmp::Gt,
                (B::Geq, false) => IntCmp::Ge,
                (B::Lss, true) => IntCmp::LtU,
                (B::Leq, true) => IntCmp::LeU,
                (B::Gtr, true) => IntCmp::GtU,
                _ => IntCmp::GeU,
            };
            self.expr(fs, x);
            self.expr(fs, y);
            fs.b.emit_jump(Op::JumpUnlessI { cmp, target: 0 }, to, cond.span);
            return;
        }
        self.expr(fs, cond);
        fs.b.emit_jump(Op::JumpIfFalse(0), to, cond.span);
    }

    /// The equality op for two operands of these types.
    pub fn eq_op(&self, a: TypeId, b: TypeId) -> Op {
        if self.is_iface(a) || self.is_iface(b) {
            return Op::Eq;
        }
        match self.under(a) {
            Type::Basic(k) if k.is_string() => Op::EqS,
            Type::Basic(k) if k.is_float() => Op::EqF,
            Type::Basic(k) if k.is_integer() || k.is_boolean() => Op::EqI,
            _ => Op::Eq,
        }
    }

    /// `x op y` on the stack for operands of type `t`.
    pub fn arith(&mut self, fs: &mut FnState, op: crate::ast::BinaryOp, t: TypeId, sp: Span) {
        use crate::ast::BinaryOp as B;
        if self.tt.is_string(t) {
            fs.emit(Op::Concat, sp);
            return;
        }
        if self.tt.is_float(t) {
            let o = match op {
                B::Add => Op::AddF,
                B::Sub => Op::SubF,
                B::Mul => Op::MulF,
                _ => Op::DivF,
            };
            fs.emit(o, sp);
            self.trunc(fs, t, sp);
            return;
        }
        if self.is_complex(t) {
            let o = match op {
                B::Add => ComplexOp::Add,
                B::Sub => ComplexOp::Sub,
                B::Mul => ComplexOp::Mul,
                _ => ComplexOp::Div,
            };
            self.complex_op(fs, o, sp);
            self.trunc(fs, t, sp);
            return;
        }
        let u = self.tt.is_unsigned(t);
        let o = match op {
            B::Add => Op::AddI,
            B::Sub => Op::SubI,
            B::Mul => Op::MulI,
            B::Quo if u => Op::DivU,
            B::Quo => Op::DivI,
            B::Rem if u => Op::RemU,
            B::Rem => Op::RemI,
            B::And => Op::And,
            B::Or => Op::Or,
            B::Xor => Op::Xor,
            B::AndNot => Op::AndNot,
            B::Shl => Op::Shl,
            B::Shr if u => Op::ShrU,
            _ => Op::ShrI,
        };
        fs.emit(o, sp);
        self.trunc(fs, t, sp);
    }
}
