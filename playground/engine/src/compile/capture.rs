//! How Go captures each variable a closure refers to, and where a send
//! statement's value lives: what the goroutine leak profile needs to
//! know what a blocked sender keeps reachable.
//!
//! The engine keeps every captured variable in a heap cell. Go captures a
//! variable by value (a copy inside the closure object) when it is never
//! reassigned and its address is never taken (escape analysis'
//! `flowClosure`: `!loc.addrtaken && !loc.reassigned && size <= 128`),
//! else by reference (the closure holds a pointer to the variable, moved
//! to the heap). A three-clause `for` loop's variable is a fresh variable
//! each iteration, so the loop's post statement does not reassign it, and
//! assignments before the first closure that captures a variable do not
//! count when that closure is at the loop depth of the variable's
//! declaration (escape analysis' `OCLOSURE`: `loc.loopDepth ==
//! e.loopDepth`). Not modelled: the 128-byte limit, and loops made with a
//! backward `goto`.
//!
//! A send statement `ch <- x` passes `chansend` the address of `x` when
//! `x` is addressable (order.go's `addrTemp`; a local that lives in a
//! register is copied first): a blocked sender's `sudog.elem` points at
//! it, and `allgs` reaches the sudog, so the object holding `x` stays
//! reachable. When that object is a closure that also holds the channel
//! (`go func() { ch <- i }()` in a loop), the channel is reachable and
//! Go does not report the sender leaked.

use crate::ast::{Block, Decl, Expr, ExprKind, Stmt, StmtKind, UnaryOp};
use crate::check::info::{ExprInfo, Selection, TypeInfo, Use, VarId};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// The variables Go would capture by reference: reassigned after a
/// closure captured them, or with their address taken.
pub fn by_reference(info: &TypeInfo, file: &crate::ast::File) -> HashSet<VarId> {
    let mut w = Walk {
        info,
        ex: &info.ex,
        addr_taken: HashSet::default(),
        reassigned: HashSet::default(),
        captured: HashSet::default(),
        decl_depth: HashMap::default(),
        loop_depth: 1,
        depth: 0,
    };
    for d in &file.decls {
        if let Decl::Func(f) = d
            && let Some(b) = &f.body
        {
            w.loop_depth = 1;
            w.block(b);
        }
    }
    let Walk { addr_taken, reassigned, captured, .. } = w;
    captured.into_iter().filter(|v| addr_taken.contains(v) || reassigned.contains(v)).collect()
}

/// How deep the walk goes into nested statements and expressions: far
/// beyond real code, well within the host's stack (code deeper than this
/// counts as capturing by value).
const MAX_DEPTH: u32 = 256;

struct Walk<'a> {
    info: &'a TypeInfo,
    ex: &'a ExprInfo,
    addr_taken: HashSet<VarId>,
    reassigned: HashSet<VarId>,
    /// Variables some closure seen so far refers to.
    captured: HashSet<VarId>,
    /// The loop depth each variable was declared at (parameters: 1).
    decl_depth: HashMap<VarId, u32>,
    /// Loops around the statement being walked, in its function (1 at
    /// the top of a function body, as escape analysis counts).
    loop_depth: u32,
    /// Statement and expression nesting, to bound the walk.
    depth: u32,
}

impl Walk<'_> {
    fn var(&self, e: &Expr) -> Option<VarId> {
        match self.ex.uses.get(&e.unparen().id) {
            Some(Use::Local(v)) => Some(*v),
            _ => None,
        }
    }

    /// `x`, `x.f`, `x.f.g`: assigning to it (or taking its address)
    /// assigns to (takes the address of) the variable `x`.
    fn root_var(&self, e: &Expr) -> Option<VarId> {
        let e = e.unparen();
        match &e.kind {
            ExprKind::Ident(_) => self.var(e),
            ExprKind::Selector { x, .. } => match self.ex.selections.get(&e.id) {
                Some(Selection::Field { indirect: false, .. }) => self.root_var(x),
                _ => None,
            },
            _ => None,
        }
    }

    fn assigned(&mut self, e: &Expr) {
        if let Some(v) = self.root_var(e) {
            self.reassigned.insert(v);
        }
    }

    /// `e`, a name being declared (`x := ...`, `var x`), if it is one.
    fn declare(&mut self, e: &Expr) -> bool {
        match self.ex.defs.get(&e.unparen().span.start) {
            Some(&v) => {
                self.decl_depth.insert(v, self.loop_depth);
                true
            }
            None => false,
        }
    }

    fn block(&mut self, b: &Block) {
        for s in &b.stmts {
            self.stmt(s);
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        self.depth += 1;
        if self.depth < MAX_DEPTH {
            self.stmt_inner(s);
        }
        self.depth -= 1;
    }

    fn stmt_inner(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::Empty | StmtKind::Break(_) | StmtKind::Continue(_) | StmtKind::Goto(_) | StmtKind::Fallthrough => {}
            StmtKind::Decl(d) => {
                if let Decl::Var(g) = d {
                    for spec in &g.specs {
                        spec.values.iter().for_each(|e| self.expr(e));
                        for n in &spec.names {
                            if let Some(&v) = self.ex.defs.get(&n.span.start) {
                                self.decl_depth.insert(v, self.loop_depth);
                            }
                        }
                    }
                }
            }
            StmtKind::Expr(e) | StmtKind::Go(e) | StmtKind::Defer(e) => self.expr(e),
            StmtKind::Send { ch, value } => {
                self.expr(ch);
                self.expr(value);
            }
            StmtKind::IncDec { x, .. } => {
                self.expr(x);
                self.assigned(x);
            }
            StmtKind::Assign { lhs, rhs, define, op, .. } => {
                rhs.iter().for_each(|e| self.expr(e));
                lhs.iter().for_each(|e| self.expr(e));
                for e in lhs {
                    // `:=` declares the names that are new and assigns
                    // the others.
                    let declares = *define && op.is_none() && self.declare(e);
                    if !declares {
                        self.assigned(e);
                    }
                }
            }
            StmtKind::Return(es) => es.iter().for_each(|e| self.expr(e)),
            StmtKind::Labeled { stmt, .. } => self.stmt(stmt),
            StmtKind::Block(b) => self.block(b),
            StmtKind::If { init, cond, then, els } => {
                if let Some(i) = init {
                    self.stmt(i);
                }
                self.expr(cond);
                self.block(then);
                if let Some(e) = els {
                    self.stmt(e);
                }
            }
            StmtKind::Switch { init, tag, clauses, .. } => {
                if let Some(i) = init {
                    self.stmt(i);
                }
                if let Some(t) = tag {
                    self.expr(t);
                }
                for c in clauses {
                    c.exprs.iter().for_each(|e| self.expr(e));
                    c.body.iter().for_each(|s| self.stmt(s));
                }
            }
            StmtKind::TypeSwitch { init, x, clauses, .. } => {
                if let Some(i) = init {
                    self.stmt(i);
                }
                self.expr(x);
                for c in clauses {
                    c.body.iter().for_each(|s| self.stmt(s));
                }
            }
            StmtKind::Select { clauses, .. } => {
                for c in clauses {
                    if let Some(s) = &c.comm {
                        self.stmt(s);
                    }
                    c.body.iter().for_each(|s| self.stmt(s));
                }
            }
            StmtKind::For { init, cond, post, body } => {
                // Each iteration has its own copy of the loop variable,
                // declared inside the loop: the post statement assigns
                // the next one, not this one.
                self.loop_depth += 1;
                if let Some(i) = init {
                    self.stmt(i);
                }
                if let Some(c) = cond {
                    self.expr(c);
                }
                self.block(body);
                if let Some(p) = post {
                    let before = self.reassigned.clone();
                    self.stmt(p);
                    if let Some(StmtKind::Assign { define: true, lhs, .. }) = init.as_deref().map(|s| &s.kind) {
                        let loop_vars: Vec<VarId> = lhs.iter().filter_map(|e| self.var(e)).collect();
                        self.reassigned.retain(|v| before.contains(v) || !loop_vars.contains(v));
                    }
                }
                self.loop_depth -= 1;
            }
            StmtKind::Range { key, value, define, x, body } => {
                self.expr(x);
                self.loop_depth += 1;
                for e in [key, value].into_iter().flatten() {
                    if !*define || !self.declare(e) {
                        self.assigned(e);
                    }
                }
                self.block(body);
                self.loop_depth -= 1;
            }
        }
    }

    fn expr(&mut self, e: &Expr) {
        self.depth += 1;
        if self.depth < MAX_DEPTH {
            self.expr_inner(e);
        }
        self.depth -= 1;
    }

    fn expr_inner(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Bad | ExprKind::Ident(_) | ExprKind::BasicLit(_) => {}
            ExprKind::CompositeLit { elems, .. } => {
                for el in elems {
                    if let Some(k) = &el.key {
                        self.expr(k);
                    }
                    self.expr(&el.value);
                }
            }
            ExprKind::FuncLit { body, .. } => {
                // A variable's first capture forgets its earlier
                // assignments when the closure is at the loop depth of
                // its declaration.
                if let Some(f) = self.ex.lits.get(&e.id).and_then(|f| self.info.funcs.get(f.0 as usize)) {
                    for &v in &f.captures {
                        if self.captured.insert(v) && self.decl_depth.get(&v).copied().unwrap_or(1) == self.loop_depth {
                            self.reassigned.remove(&v);
                        }
                    }
                }
                // The literal's body is a function of its own.
                let outer = std::mem::replace(&mut self.loop_depth, 1);
                self.block(body);
                self.loop_depth = outer;
            }
            ExprKind::Paren(x) | ExprKind::Star(x) => self.expr(x),
            ExprKind::Selector { x, .. } => {
                self.expr(x);
                // `x.M()` with a pointer method on a variable takes its
                // address.
                if let Some(Selection::Method { addr: true, .. }) = self.ex.selections.get(&e.id)
                    && let Some(v) = self.root_var(x)
                {
                    self.addr_taken.insert(v);
                }
            }
            ExprKind::Index { x, index } => {
                self.expr(x);
                self.expr(index);
            }
            ExprKind::IndexList { x, indices } => {
                self.expr(x);
                indices.iter().for_each(|e| self.expr(e));
            }
            ExprKind::Slice { x, lo, hi, max, .. } => {
                self.expr(x);
                for e in [lo, hi, max].into_iter().flatten() {
                    self.expr(e);
                }
            }
            ExprKind::TypeAssert { x, .. } => self.expr(x),
            ExprKind::Call { fun, args, .. } => {
                self.expr(fun);
                args.iter().for_each(|a| self.expr(a));
            }
            ExprKind::Unary { op, x } => {
                self.expr(x);
                if *op == UnaryOp::Addr
                    && let Some(v) = self.root_var(x)
                {
                    self.addr_taken.insert(v);
                }
            }
            ExprKind::Binary { x, y, .. } => {
                self.expr(x);
                self.expr(y);
            }
            ExprKind::ArrayType { .. }
            | ExprKind::SliceType(_)
            | ExprKind::MapType { .. }
            | ExprKind::ChanType { .. }
            | ExprKind::FuncType(_)
            | ExprKind::StructType(_)
            | ExprKind::InterfaceType(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::span::SourceFile;

    /// The names of the variables Go would capture by reference.
    fn by_ref(src: &str) -> Vec<String> {
        let sf = SourceFile::new("prog.go", src);
        let (f, d) = crate::parser::parse_file(&sf);
        assert!(d.is_empty(), "{d:?}");
        let (checked, diags) = crate::check::check_file(&f, &sf);
        assert!(diags.is_empty(), "{diags:?}");
        let mut names: Vec<String> =
            super::by_reference(&checked.info, &f).iter().map(|v| checked.info.vars[v.0 as usize].name.clone()).collect();
        names.sort();
        names
    }

    #[test]
    fn captures_by_value_unless_reassigned_after_capture_or_addressed() {
        // As `go build -gcflags=-m=2` says ("capturing by value: ...").
        let src = "package main\n\nimport \"sync\"\n\nfunc main() {\n\tch := make(chan int)\n\tbefore := 1\n\tbefore = 2\n\tlater := 1\n\tptr := 1\n\tvar wg sync.WaitGroup\n\tfor i := 0; i < 3; i++ {\n\t\tgo func() { ch <- i + before + later + ptr; wg.Done() }()\n\t}\n\tlater = 2\n\t_ = &ptr\n\twg.Wait()\n}\n";
        assert_eq!(by_ref(src), ["before", "later", "ptr", "wg"]);
        // Assigned before the capture at the same loop depth: by value.
        let src = "package main\n\nfunc main() {\n\tch := make(chan int)\n\tv := 1\n\tv = 2\n\tgo func() { ch <- v }()\n\tfor _, w := range []int{1} {\n\t\tgo func() { ch <- w }()\n\t}\n}\n";
        assert_eq!(by_ref(src), [] as [&str; 0]);
    }
}
