//! Range over functions, compiled as cmd/compile's rangefunc rewrite
//! (`cmd/compile/internal/rangefunc/rewrite.go`) rewrites them:
//!
//! ```text
//! for x := range f { body }   →   #state := RF_READY
//!                                 f(func(x T) bool {         // main.f-range1
//!                                     if #state != RF_READY { panicrangestate(#state) }
//!                                     #state = RF_PANIC
//!                                     body
//!                                     #state = RF_READY; return true
//!                                 })
//!                                 if #state == RF_PANIC { panicrangestate(RF_MISSING_PANIC) }
//!                                 #state = RF_EXHAUSTED
//!                                 ... act on #next ...
//! ```
//!
//! In the body, `continue` is `#state = RF_READY; return true` and `break`
//! `#state = RF_DONE; return false`; an exit further out sets `#next`
//! first (-1 `return`, after storing the results; 2N break and 2N-1
//! continue of the loop at depth N; a code below -1 a labeled branch to
//! an ordinary statement or a `goto`), and each enclosing loop's checks
//! after its iterator returns carry it on. A `defer` defers to the enclosing
//! function through `#defers` (`DeferAt`). The checker
//! (`check/rangefunc.rs`) made the body's function and the hidden
//! variables, which the body captures like any closure.

use super::Compiler;
use super::func::{FnState, VarLoc};
use crate::ast::{self, Expr, Stmt, StmtKind};
use crate::check::info::{RangeFunc, VarId};
use crate::chunk::{IntCmp, Op};
use crate::span::Span;
use crate::types::{BasicKind, TypeId};
use std::rc::Rc;

/// `abi.RF_State`.
const RF_DONE: i32 = 0;
const RF_READY: i32 = 1;
const RF_PANIC: i32 = 2;
const RF_EXHAUSTED: i32 = 3;
const RF_MISSING_PANIC: i32 = 4;

/// What a loop body being compiled knows of its surroundings.
pub(crate) struct RangeBody {
    /// The range-over-func loops from the function's outermost to this
    /// body's own: their labels and `#state` variables.
    levels: Vec<(Option<String>, VarId)>,
    next: VarId,
    defers: Option<VarId>,
    /// The function's result variables and types, for `return`.
    results: Vec<Option<VarId>>,
    result_types: Vec<TypeId>,
    /// Labels of the ordinary statements around the loop; a branch to
    /// label `i` sets `#next` to `branch_code(i, ..)`.
    labels: Vec<String>,
    /// Labels declared in the functions and bodies around this body
    /// (outside their loop bodies); a `goto` to label `i` sets `#next` to
    /// `goto_code(i)`.
    gotos: Vec<String>,
}

/// `#next` for `break` (or `continue`) of the ordinary statement with the
/// `i`th label: below -1, which is `return`.
fn branch_code(i: usize, is_break: bool) -> i32 {
    let i = i.min(1 << 28) as i32;
    -(2 + 2 * i) - if is_break { 0 } else { 1 }
}

/// `#next` for `goto` the `i`th label: below every `branch_code`.
fn goto_code(i: usize) -> i32 {
    -(1 << 30) + i.min(1 << 28) as i32
}

impl FnState {
    /// The name Go gives the next loop body in this function.
    fn next_range_name(&mut self) -> String {
        self.ranges += 1;
        format!("{}-range{}", self.name, self.ranges)
    }

    /// A hidden variable's location here (a cell, as it is captured).
    fn hidden(&mut self, v: VarId) -> VarLoc {
        if let Some(l) = self.vars.get(&v) {
            return *l;
        }
        let l = VarLoc::Boxed(self.new_slot());
        self.vars.insert(v, l);
        l
    }

    fn set_int(&mut self, v: VarId, n: i32, sp: Span) {
        let l = self.hidden(v);
        self.emit(Op::PushInt(n), sp);
        self.store_var(l, sp);
    }

    fn load_int(&mut self, v: VarId, sp: Span) {
        let l = self.hidden(v);
        self.load_var(l, sp);
    }

    /// `return b` from a loop body.
    fn ret_bool(&mut self, b: bool, sp: Span) {
        self.emit(Op::PushBool(b), sp);
        self.emit(Op::Ret(1), sp);
    }

    /// Opens `if #next <cmp> code { ... }`: the caller emits the block,
    /// which must leave it, then binds the label returned (after it).
    fn if_next(&mut self, next: VarId, cmp: IntCmp, code: i32, sp: Span) -> crate::chunk::Label {
        let skip = self.b.new_label();
        self.load_int(next, sp);
        self.emit(Op::PushInt(code), sp);
        self.b.emit_jump(Op::JumpUnlessI { cmp, target: 0 }, skip, sp);
        skip
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn range_func<'a>(&mut self, c: &mut Compiler<'a>, rf: &RangeFunc, key: Option<&'a Expr>, value: Option<&'a Expr>, define: bool, x: &'a Expr, body: &'a ast::Block, label: Option<String>, sp: Span) {
        let end = body.rbrace;
        if self.range.is_none() {
            self.set_int_declare(rf.next, 0, sp);
            if let Some(d) = rf.defers {
                let l = self.hidden(d);
                self.emit(Op::DeferRangeFunc, sp);
                self.init_var(l, sp);
            }
        }
        self.set_int_declare(rf.state, RF_READY, sp);
        // f(#yield)
        c.expr(self, x);
        let Some(idx) = self.range_body(c, rf, key, value, define, body, label, sp) else { return };
        let caps = c.info.funcs.get(rf.body.0 as usize).map(|f| f.captures.clone()).unwrap_or_default();
        for v in &caps {
            let loc = self.var_loc(*v).unwrap_or_else(|| self.hidden(*v));
            if !self.var_addr(loc, sp) {
                c.unsupported(sp, "capture of an unboxed variable");
            }
        }
        self.emit(Op::MakeClosure { func: idx, ncap: caps.len() as u16 }, sp);
        self.emit(Op::CallValue(1), sp);
        // The iterator returned: a body that panicked must not have been
        // recovered from.
        let ok = self.b.new_label();
        self.load_int(rf.state, end);
        self.emit(Op::PushInt(RF_PANIC), end);
        self.b.emit_jump(Op::JumpUnlessI { cmp: IntCmp::Eq, target: 0 }, ok, end);
        self.emit(Op::PushInt(RF_MISSING_PANIC), end);
        self.emit(Op::PanicRangeState, end);
        self.b.bind(ok);
        self.set_int(rf.state, RF_EXHAUSTED, end);
        self.after_range(c, rf, end);
    }

    fn set_int_declare(&mut self, v: VarId, n: i32, sp: Span) {
        let l = self.hidden(v);
        self.emit(Op::PushInt(n), sp);
        self.init_var(l, sp);
    }

    /// The checks after the iterator returned: carry out the exit the
    /// body asked for in `#next`.
    fn after_range(&mut self, c: &mut Compiler, rf: &RangeFunc, sp: Span) {
        let next = rf.next;
        let done = self.b.new_label();
        self.load_int(next, sp);
        self.emit(Op::PushInt(0), sp);
        self.b.emit_jump(Op::JumpUnlessI { cmp: IntCmp::Ne, target: 0 }, done, sp);
        // A labeled branch to a statement of this function (or body).
        let base = self.range.as_ref().map_or(0, |r| r.labels.len());
        let targets: Vec<(usize, crate::chunk::Label, Option<crate::chunk::Label>)> =
            self.loops.iter().filter(|l| l.label.is_some()).enumerate().map(|(i, l)| (base + i, l.brk, l.cont)).collect();
        for (i, brk, cont) in targets {
            for (is_break, to) in [(true, Some(brk)), (false, cont)] {
                let Some(to) = to else { continue };
                let skip = self.if_next(next, IntCmp::Eq, branch_code(i, is_break), sp);
                self.set_int(next, 0, sp);
                self.b.emit_jump(Op::Jump(0), to, sp);
                self.b.bind(skip);
            }
        }
        // A goto to a label of this function (or body).
        let base = self.range.as_ref().map_or(0, |r| r.gotos.len());
        for (i, name) in self.direct_labels.clone().iter().enumerate() {
            let skip = self.if_next(next, IntCmp::Eq, goto_code(base + i), sp);
            self.set_int(next, 0, sp);
            let to = self.goto_label(name);
            self.b.emit_jump(Op::Jump(0), to, sp);
            self.b.bind(skip);
        }
        match self.range.clone() {
            // No result slots: no body returns (it would have made `#rv`s).
            None if self.results.len() != self.result_types.len() => {}
            None => {
                // if #next == -1 { return }
                let skip = self.if_next(next, IntCmp::Eq, -1, sp);
                if self.result_types.is_empty() {
                    self.emit(Op::Ret(0), sp);
                } else {
                    self.return_named(c, sp);
                }
                self.b.bind(skip);
            }
            Some(r) => {
                let depth = r.levels.len() as i32;
                let Some(&(_, state)) = r.levels.last() else { return };
                let step = 2 * depth;
                // A return or a branch further out: leave this body too.
                let skip = self.if_next(next, IntCmp::Lt, 0, sp);
                self.set_int(state, RF_DONE, sp);
                self.ret_bool(false, sp);
                self.b.bind(skip);
                // Aimed at a loop already left: the iterator misbehaved.
                let skip = self.if_next(next, IntCmp::Gt, step, sp);
                self.emit(Op::PushInt(RF_DONE), sp);
                self.emit(Op::PanicRangeState, sp);
                self.b.bind(skip);
                // continue this loop
                let skip = self.if_next(next, IntCmp::Eq, step - 1, sp);
                self.set_int(next, 0, sp);
                self.set_int(state, RF_READY, sp);
                self.ret_bool(true, sp);
                self.b.bind(skip);
                // break this loop
                let skip = self.if_next(next, IntCmp::Eq, step, sp);
                self.set_int(next, 0, sp);
                self.set_int(state, RF_DONE, sp);
                self.ret_bool(false, sp);
                self.b.bind(skip);
                // a loop further out
                self.set_int(state, RF_DONE, sp);
                self.ret_bool(false, sp);
            }
        }
        self.b.bind(done);
    }

    /// Compiles the loop body as its closure's function; its index.
    #[allow(clippy::too_many_arguments)]
    fn range_body<'a>(&mut self, c: &mut Compiler<'a>, rf: &RangeFunc, key: Option<&'a Expr>, value: Option<&'a Expr>, define: bool, body: &'a ast::Block, label: Option<String>, sp: Span) -> Option<u32> {
        let Some(&idx) = c.func_ids.get(&rf.body) else {
            c.unsupported(sp, "range over function here");
            return None;
        };
        let mut fs = FnState::new(rf.body);
        fs.name = self.next_range_name();
        // A body is a closure: Go names the literals in it
        // `main.f-range1.1` (where it inlines a literal called at once, it
        // prints `main.f-range1.func1`, as for literals in literals).
        fs.is_lit = true;
        let captures = c.info.funcs.get(rf.body.0 as usize).map(|f| f.captures.clone()).unwrap_or_default();
        for (i, v) in captures.iter().enumerate() {
            fs.vars.insert(*v, VarLoc::Capture(i as u16));
        }
        let params: Vec<u16> = rf.params.iter().map(|_| fs.new_slot()).collect();
        fs.result_types = vec![c.tt.basic(BasicKind::Bool)];
        let mut r = match &self.range {
            Some(p) => RangeBody {
                levels: p.levels.clone(),
                next: p.next,
                defers: p.defers,
                results: p.results.clone(),
                result_types: p.result_types.clone(),
                labels: p.labels.clone(),
                gotos: p.gotos.clone(),
            },
            None => RangeBody {
                levels: Vec::new(),
                next: rf.next,
                defers: rf.defers,
                results: self.result_vars.clone(),
                result_types: self.result_types.clone(),
                labels: Vec::new(),
                gotos: Vec::new(),
            },
        };
        r.levels.push((label, rf.state));
        r.labels.extend(self.loops.iter().filter_map(|l| l.label.clone()));
        r.gotos.extend(self.direct_labels.iter().cloned());
        fs.direct_labels = direct_labels(c, &body.stmts);
        fs.range = Some(Rc::new(r));
        let vars = [key, value].map(|e| e.filter(|e| e.ident() != Some("_")));
        // `for k, v = range f`: the assignments come first, as Go's.
        if !define {
            for (i, e) in vars.iter().enumerate() {
                if let (Some(e), Some(&p)) = (e, params.get(i)) {
                    fs.emit(Op::GetLocal(p), e.span);
                    fs.assign_range_var(c, e, false);
                }
            }
        }
        // #tmp := #state; #state = RF_PANIC; if #tmp != RF_READY { panicrangestate(#tmp) }
        let tmp = fs.new_slot();
        fs.load_int(rf.state, sp);
        fs.emit(Op::SetLocal(tmp), sp);
        fs.set_int(rf.state, RF_PANIC, sp);
        let ok = fs.b.new_label();
        fs.emit(Op::GetLocal(tmp), sp);
        fs.emit(Op::PushInt(RF_READY), sp);
        fs.b.emit_jump(Op::JumpUnlessI { cmp: IntCmp::Ne, target: 0 }, ok, sp);
        fs.emit(Op::GetLocal(tmp), sp);
        fs.emit(Op::PanicRangeState, sp);
        fs.b.bind(ok);
        if define {
            for (i, e) in vars.iter().enumerate() {
                if let (Some(e), Some(&p)) = (e, params.get(i)) {
                    fs.emit(Op::GetLocal(p), e.span);
                    fs.assign_range_var(c, e, true);
                }
            }
        }
        fs.stmts(c, &body.stmts);
        fs.set_int(rf.state, RF_READY, body.rbrace);
        fs.ret_bool(true, body.rbrace);
        let b = std::mem::take(&mut fs.b);
        let chunk = match b.finish() {
            Ok(ch) => ch,
            Err(e) => {
                c.unsupported(body.span, &format!("internal compiler error: {e}"));
                return None;
            }
        };
        let mut f = crate::vm::Function::new(fs.name.clone(), params.len() as u16, fs.nlocals, 1, chunk);
        f.span = sp;
        if let Some(slot) = c.bc.funcs.get_mut(idx as usize) {
            *slot = f;
        }
        Some(idx)
    }

    /// `break`/`continue` in a loop body that leaves it (no loop of the
    /// body's own is their target). False if this is not a loop body.
    pub(super) fn range_branch(&mut self, c: &mut Compiler, is_break: bool, label: Option<&str>, sp: Span) -> bool {
        let Some(r) = self.range.clone() else { return false };
        let Some(&(_, state)) = r.levels.last() else { return false };
        let depth = r.levels.len();
        let level = match label {
            None => Some(depth),
            Some(l) => r.levels.iter().rposition(|(x, _)| x.as_deref() == Some(l)).map(|i| i + 1),
        };
        match level {
            Some(lv) if lv == depth => {
                self.set_int(state, if is_break { RF_DONE } else { RF_READY }, sp);
                self.ret_bool(!is_break, sp);
            }
            Some(lv) => {
                let code = 2 * lv as i32 - if is_break { 0 } else { 1 };
                self.set_int(r.next, code, sp);
                self.set_int(state, RF_DONE, sp);
                self.ret_bool(false, sp);
            }
            None => match label.and_then(|l| r.labels.iter().rposition(|x| x == l)) {
                Some(i) => {
                    self.set_int(r.next, branch_code(i, is_break), sp);
                    self.set_int(state, RF_DONE, sp);
                    self.ret_bool(false, sp);
                }
                None => c.unsupported(sp, "break/continue target"),
            },
        }
        true
    }

    /// `return` in a loop body: store the results, leave every loop.
    /// False if this is not a loop body.
    pub(super) fn range_return<'a>(&mut self, c: &mut Compiler<'a>, vals: &'a [Expr], sp: Span) -> bool {
        let Some(r) = self.range.clone() else { return false };
        let Some(&(_, state)) = r.levels.last() else { return false };
        if !vals.is_empty() {
            let n = self.push_results(c, vals, &r.result_types, sp);
            for i in (0..n).rev() {
                match r.results.get(i).copied().flatten().and_then(|v| self.var_loc(v)) {
                    Some(loc) => self.store_var(loc, sp),
                    None => {
                        c.unsupported(sp, "return from this loop body");
                        self.emit(Op::Pop, sp);
                    }
                }
            }
        }
        self.set_int(r.next, -1, sp);
        self.set_int(state, RF_DONE, sp);
        self.ret_bool(false, sp);
        true
    }

    /// `defer` in a loop body defers to the function (`deferprocat`).
    /// False if this is not a loop body.
    pub(super) fn range_defer(&mut self, c: &mut Compiler, argc: u16, sp: Span) -> bool {
        let Some(r) = self.range.clone() else { return false };
        match r.defers.and_then(|v| self.var_loc(v)) {
            Some(loc) => {
                self.load_var(loc, sp);
                self.emit(Op::DeferAt(argc), sp);
            }
            None => c.unsupported(sp, "defer in this loop body"),
        }
        true
    }

    /// `goto` in a loop body to a label outside it: leave the body with
    /// `#next` saying where to go. False if the label is this body's own
    /// (or this is not a loop body).
    pub(super) fn range_goto(&mut self, c: &mut Compiler, label: &str, sp: Span) -> bool {
        let Some(r) = self.range.clone() else { return false };
        if self.direct_labels.iter().any(|l| l == label) {
            return false;
        }
        let Some(&(_, state)) = r.levels.last() else { return false };
        match r.gotos.iter().rposition(|l| l == label) {
            Some(i) => {
                self.set_int(r.next, goto_code(i), sp);
                self.set_int(state, RF_DONE, sp);
                self.ret_bool(false, sp);
            }
            None => c.unsupported(sp, "goto target"),
        }
        true
    }
}

/// The labels a function or loop body declares in its own code: outside
/// function literals and the bodies of its range-over-func loops. Empty
/// when the function has no range-over-func loop (none will ask).
pub(super) fn direct_labels(c: &Compiler, stmts: &[Stmt]) -> Vec<String> {
    let mut out = Vec::new();
    if !c.ex.range_funcs.is_empty() {
        collect_labels(c, stmts, &mut out);
    }
    out
}

fn collect_labels(c: &Compiler, stmts: &[Stmt], out: &mut Vec<String>) {
    for s in stmts {
        collect_stmt_labels(c, s, out);
    }
}

fn collect_stmt_labels(c: &Compiler, s: &Stmt, out: &mut Vec<String>) {
    match &s.kind {
        StmtKind::Labeled { label, stmt } => {
            out.push(label.name.clone());
            collect_stmt_labels(c, stmt, out);
        }
        StmtKind::Block(b) => collect_labels(c, &b.stmts, out),
        StmtKind::If { then, els, .. } => {
            collect_labels(c, &then.stmts, out);
            if let Some(e) = els {
                collect_stmt_labels(c, e, out);
            }
        }
        StmtKind::Range { x, .. } if c.ex.range_funcs.contains_key(&x.id) => {}
        StmtKind::For { body, .. } | StmtKind::Range { body, .. } => collect_labels(c, &body.stmts, out),
        StmtKind::Switch { clauses, .. } | StmtKind::TypeSwitch { clauses, .. } => {
            for cl in clauses {
                collect_labels(c, &cl.body, out);
            }
        }
        StmtKind::Select { clauses, .. } => {
            for cl in clauses {
                collect_labels(c, &cl.body, out);
            }
        }
        _ => {}
    }
}
