//! Whether a value-receiver method may modify its receiver (assigns to it
//! or its fields or array elements, takes its address, calls a pointer
//! method on it, or lets a closure capture it). Interface calls share the
//! receiver with the interface's immutable box (the VM's obligation), so
//! such methods copy the receiver on entry; the others need not.

use crate::ast::{Expr, ExprKind, Stmt, StmtKind, UnaryOp};
use crate::check::info::{ExprInfo, Selection, TypeInfo, Use, VarId};

pub fn mutates(info: &TypeInfo, ex: &ExprInfo, recv: VarId, stmts: &[Stmt]) -> bool {
    if info.vars.get(recv.0 as usize).is_some_and(|v| v.escapes) {
        return true;
    }
    let m = Scan { ex, recv };
    stmts.iter().any(|s| m.stmt(s))
}

struct Scan<'a> {
    ex: &'a ExprInfo,
    recv: VarId,
}

impl Scan<'_> {
    /// `e` denotes the receiver or storage inside it.
    fn rooted(&self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Paren(x) => self.rooted(x),
            ExprKind::Ident(_) => matches!(self.ex.uses.get(&e.id), Some(Use::Local(v)) if *v == self.recv),
            ExprKind::Selector { x, .. } => matches!(self.ex.selections.get(&e.id), Some(Selection::Field { .. })) && self.rooted(x),
            ExprKind::Index { x, .. } => self.rooted(x),
            _ => false,
        }
    }

    fn stmt(&self, s: &Stmt) -> bool {
        match &s.kind {
            StmtKind::Assign { lhs, rhs, .. } => lhs.iter().any(|x| self.rooted(x) || self.expr(x)) || rhs.iter().any(|x| self.expr(x)),
            StmtKind::IncDec { x, .. } => self.rooted(x) || self.expr(x),
            StmtKind::Expr(e) | StmtKind::Go(e) | StmtKind::Defer(e) => self.expr(e),
            StmtKind::Send { ch, value } => self.expr(ch) || self.expr(value),
            StmtKind::Return(vs) => vs.iter().any(|x| self.expr(x)),
            StmtKind::Labeled { stmt, .. } => self.stmt(stmt),
            StmtKind::Block(b) => b.stmts.iter().any(|s| self.stmt(s)),
            StmtKind::If { init, cond, then, els } => {
                init.as_ref().is_some_and(|s| self.stmt(s)) || self.expr(cond) || then.stmts.iter().any(|s| self.stmt(s)) || els.as_ref().is_some_and(|s| self.stmt(s))
            }
            StmtKind::Switch { init, tag, clauses, .. } => {
                init.as_ref().is_some_and(|s| self.stmt(s))
                    || tag.as_ref().is_some_and(|t| self.expr(t))
                    || clauses.iter().any(|c| c.exprs.iter().any(|e| self.expr(e)) || c.body.iter().any(|s| self.stmt(s)))
            }
            StmtKind::TypeSwitch { init, x, clauses, .. } => {
                init.as_ref().is_some_and(|s| self.stmt(s)) || self.expr(x) || clauses.iter().any(|c| c.body.iter().any(|s| self.stmt(s)))
            }
            StmtKind::Select { clauses, .. } => clauses.iter().any(|c| c.comm.as_ref().is_some_and(|s| self.stmt(s)) || c.body.iter().any(|s| self.stmt(s))),
            StmtKind::For { init, cond, post, body } => {
                init.as_ref().is_some_and(|s| self.stmt(s))
                    || cond.as_ref().is_some_and(|c| self.expr(c))
                    || post.as_ref().is_some_and(|s| self.stmt(s))
                    || body.stmts.iter().any(|s| self.stmt(s))
            }
            StmtKind::Range { key, value, define, x, body } => {
                (!define && (key.as_ref().is_some_and(|k| self.rooted(k)) || value.as_ref().is_some_and(|v| self.rooted(v))))
                    || self.expr(x)
                    || body.stmts.iter().any(|s| self.stmt(s))
            }
            StmtKind::Decl(crate::ast::Decl::Var(g)) => g.specs.iter().any(|sp| sp.values.iter().any(|v| self.expr(v))),
            _ => false,
        }
    }

    /// Mutation contexts inside an expression: `&recv...`, pointer
    /// methods called on it, closures (which capture it: it escapes).
    fn expr(&self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Unary { op: UnaryOp::Addr, x } => self.rooted(x) || self.expr(x),
            ExprKind::Unary { x, .. } | ExprKind::Paren(x) | ExprKind::Star(x) => self.expr(x),
            ExprKind::Selector { x, .. } => {
                let ptr_method = matches!(self.ex.selections.get(&e.id), Some(Selection::Method { addr: true, .. }));
                (ptr_method && self.rooted(x)) || self.expr(x)
            }
            ExprKind::Call { fun, args, .. } => self.expr(fun) || args.iter().any(|a| self.expr(a)),
            ExprKind::Index { x, index } => self.expr(x) || self.expr(index),
            ExprKind::Slice { x, lo, hi, max, .. } => {
                // Slicing an array receiver takes its address.
                self.rooted(x) || self.expr(x) || [lo, hi, max].iter().any(|b| b.as_ref().is_some_and(|b| self.expr(b)))
            }
            ExprKind::TypeAssert { x, .. } => self.expr(x),
            ExprKind::Binary { x, y, .. } => self.expr(x) || self.expr(y),
            ExprKind::CompositeLit { elems, .. } => elems.iter().any(|el| el.key.as_ref().is_some_and(|k| self.expr(k)) || self.expr(&el.value)),
            ExprKind::FuncLit { body, .. } => body.stmts.iter().any(|s| self.stmt(s)),
            _ => false,
        }
    }
}
