//! Branch checks on one function body: labels, `break`, `continue`,
//! `goto` and `fallthrough`.
//!
//! Go makes these checks in its syntax package (`branches.go`), right after
//! parsing a body without errors, so their messages come out with the
//! syntax errors of other functions; this module mirrors that, with Go's
//! wording and positions. (Go's type checker then skips its own label
//! checks; ours should too.)

use crate::ast::*;
use crate::diag::{Diagnostic, display_name};
use crate::span::{SourceFile, Span};
use rustc_hash::FxHashMap as HashMap;

/// Checks one function (or function literal) body. Nested function
/// literals are checked on their own, when the parser finishes them.
pub fn check_branches(file: &SourceFile, body: &Block) -> Vec<Diagnostic> {
    let mut ls = LabelScope {
        file,
        labels: HashMap::default(),
        blocks: Vec::new(),
        diags: Vec::new(),
    };
    let fwd = ls.block_branches(None, Targets::default(), None, body.span, &body.stmts);
    for g in fwd {
        let target = ls.labels.get_mut(&g.name).map(|l| {
            l.used = true; // avoid "defined and not used"
            l.parent
        });
        match target {
            Some(parent) => {
                let start = ls.blocks.get(parent).map(|b| b.start).unwrap_or_default();
                let at = ls.pos_string(start);
                ls.err(
                    g.pos,
                    format!("goto {} jumps into block starting at {at}", g.name),
                );
            }
            None => ls.err(g.pos, format!("label {} not defined", g.name)),
        }
    }
    let mut unused: Vec<(Span, String)> = ls
        .labels
        .iter()
        .filter(|(_, l)| !l.used)
        .map(|(n, l)| (l.pos, n.clone()))
        .collect();
    unused.sort();
    for (pos, name) in unused {
        ls.err(pos, format!("label {name} defined and not used"));
    }
    ls.diags
}

/// Identity of a labeled statement: its address in the (immutable) tree.
type StmtId = usize;

fn id(s: &Stmt) -> StmtId {
    s as *const Stmt as usize
}

struct Label {
    /// The block declaring the label.
    parent: usize,
    lstmt: StmtId,
    /// The labeled statement's kind, for `break L` / `continue L`.
    target: TargetKind,
    pos: Span,
    used: bool,
}

struct BlockInfo {
    parent: Option<usize>,
    start: Span,
    lstmt: Option<StmtId>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum TargetKind {
    Loop,
    Switch,
    TypeSwitch,
    Select,
    Other,
}

/// What an unlabeled `break`/`continue`/`fallthrough` refers to here.
#[derive(Clone, Copy, Default)]
struct Targets {
    breaks: Option<TargetKind>,
    continues: bool,
    /// Index of the enclosing case clause and the number of clauses.
    case: Option<(usize, usize)>,
}

struct Goto {
    name: String,
    pos: Span,
    /// Distinguishes gotos with the same label.
    seq: usize,
}

struct LabelScope<'a> {
    file: &'a SourceFile,
    labels: HashMap<String, Label>,
    blocks: Vec<BlockInfo>,
    diags: Vec<Diagnostic>,
}

fn kind_of(s: &Stmt) -> TargetKind {
    match &s.kind {
        StmtKind::For { .. } | StmtKind::Range { .. } => TargetKind::Loop,
        StmtKind::Switch { .. } => TargetKind::Switch,
        StmtKind::TypeSwitch { .. } => TargetKind::TypeSwitch,
        StmtKind::Select { .. } => TargetKind::Select,
        _ => TargetKind::Other,
    }
}

impl<'a> LabelScope<'a> {
    fn err(&mut self, pos: Span, msg: String) {
        self.diags.push(Diagnostic::new(pos, msg));
    }

    /// A position as Go prints one inside a message: `./prog.go:5:4`.
    fn pos_string(&self, pos: Span) -> String {
        let lc = self.file.line_col(pos.start);
        format!("{}:{}:{}", display_name(&self.file.name), lc.line, lc.col)
    }

    /// The label's statement kind if it labels a statement enclosing block
    /// `b`; `Some(None)` if the label exists but does not enclose `b`.
    fn enclosing_target(&mut self, b: usize, name: &str) -> Option<Option<TargetKind>> {
        let blocks = &self.blocks;
        let l = self.labels.get_mut(name)?;
        l.used = true; // even if it's not a valid target
        let mut cur = Some(b);
        while let Some(i) = cur {
            let Some(bi) = blocks.get(i) else { break };
            if bi.lstmt == Some(l.lstmt) {
                return Some(Some(l.target));
            }
            cur = bi.parent;
        }
        Some(None)
    }

    fn goto_target(&mut self, b: usize, name: &str) -> bool {
        let blocks = &self.blocks;
        let Some(l) = self.labels.get_mut(name) else {
            return false;
        };
        l.used = true;
        let mut cur = Some(b);
        while let Some(i) = cur {
            if l.parent == i {
                return true;
            }
            cur = blocks.get(i).and_then(|bi| bi.parent);
        }
        false
    }

    fn block_branches(
        &mut self,
        parent: Option<usize>,
        ctxt: Targets,
        lstmt: Option<StmtId>,
        start: Span,
        body: &[Stmt],
    ) -> Vec<Goto> {
        let b = self.blocks.len();
        self.blocks.push(BlockInfo {
            parent,
            start,
            lstmt,
        });
        let mut var_decl: Option<(Span, String)> = None;
        let mut fwd: Vec<Goto> = Vec::new();
        let mut bad: Vec<usize> = Vec::new();
        let mut seq = 0usize;

        // Trailing empty statements do not count (for `fallthrough`).
        let mut n = body.len();
        while n > 0 && matches!(body[n - 1].kind, StmtKind::Empty) {
            n -= 1;
        }
        let list = &body[..n];
        for (index, stmt) in list.iter().enumerate() {
            let mut lstmt: Option<StmtId> = None;
            let mut s = stmt;
            // Unwrap labels, declaring each.
            while let StmtKind::Labeled { label, stmt: inner } = &s.kind {
                if label.name != "_" {
                    let name = label.name.clone();
                    if let Some(alt) = self.labels.get(&name) {
                        let at = self.pos_string(alt.pos);
                        self.err(label.span, format!("label {name} already defined at {at}"));
                    } else {
                        self.labels.insert(
                            name.clone(),
                            Label {
                                parent: b,
                                lstmt: id(s),
                                target: kind_of(inner),
                                pos: label.span,
                                used: false,
                            },
                        );
                    }
                    let mut keep = Vec::new();
                    for g in fwd.drain(..) {
                        if g.name == name {
                            if let Some(l) = self.labels.get_mut(&name) {
                                l.used = true;
                            }
                            if let Some((vpos, vname)) = &var_decl
                                && bad.contains(&g.seq)
                            {
                                let at = self.pos_string(*vpos);
                                self.err(
                                    g.pos,
                                    format!(
                                        "goto {name} jumps over declaration of {vname} at {at}"
                                    ),
                                );
                            }
                        } else {
                            keep.push(g);
                        }
                    }
                    fwd = keep;
                    lstmt = Some(id(s));
                }
                s = inner;
            }
            let inner = |ls: &mut Self,
                         t: Targets,
                         start: Span,
                         body: &[Stmt],
                         fwd: &mut Vec<Goto>,
                         seq: &mut usize| {
                for mut g in ls.block_branches(Some(b), t, lstmt, start, body) {
                    g.seq = *seq;
                    *seq += 1;
                    fwd.push(g);
                }
            };
            match &s.kind {
                StmtKind::Decl(Decl::Var(g)) => {
                    if let Some(spec) = g.specs.first()
                        && let Some(n) = spec.names.first()
                    {
                        var_decl = Some((n.span, n.name.clone()));
                        bad = fwd.iter().map(|g| g.seq).collect();
                    }
                }
                StmtKind::Assign {
                    lhs,
                    define: true,
                    op_span,
                    ..
                } => {
                    let names: Vec<String> = lhs.iter().map(crate::parser::expr_string).collect();
                    var_decl = Some((*op_span, names.join(", ")));
                    bad = fwd.iter().map(|g| g.seq).collect();
                }
                StmtKind::Break(None) if ctxt.breaks.is_none() => {
                    self.err(s.span, "break is not in a loop, switch, or select".into());
                }
                StmtKind::Continue(None) if !ctxt.continues => {
                    self.err(s.span, "continue is not in a loop".into());
                }
                StmtKind::Fallthrough => {
                    let msg = match (ctxt.breaks, ctxt.case) {
                        (Some(TargetKind::TypeSwitch), _) => {
                            Some("cannot fallthrough in type switch")
                        }
                        (Some(TargetKind::Switch), Some((i, count))) if index + 1 == list.len() => {
                            if i + 1 == count {
                                Some("cannot fallthrough final case in switch")
                            } else {
                                None // fallthrough ok
                            }
                        }
                        _ => Some("fallthrough statement out of place"),
                    };
                    if let Some(m) = msg {
                        self.err(s.span, m.into());
                    }
                }
                StmtKind::Break(Some(label)) => match self.enclosing_target(b, &label.name) {
                    Some(Some(
                        TargetKind::Loop
                        | TargetKind::Switch
                        | TargetKind::TypeSwitch
                        | TargetKind::Select,
                    )) => {}
                    Some(_) => self.err(label.span, format!("invalid break label {}", label.name)),
                    None => self.err(
                        label.span,
                        format!("break label not defined: {}", label.name),
                    ),
                },
                StmtKind::Continue(Some(label)) => match self.enclosing_target(b, &label.name) {
                    Some(Some(TargetKind::Loop)) => {}
                    Some(_) => {
                        self.err(label.span, format!("invalid continue label {}", label.name))
                    }
                    None => self.err(
                        label.span,
                        format!("continue label not defined: {}", label.name),
                    ),
                },
                StmtKind::Goto(label) if !self.goto_target(b, &label.name) => {
                    fwd.push(Goto {
                        name: label.name.clone(),
                        pos: label.span,
                        seq,
                    });
                    seq += 1;
                }
                StmtKind::Block(blk) => {
                    let t = Targets { case: None, ..ctxt };
                    inner(self, t, blk.span, &blk.stmts, &mut fwd, &mut seq);
                }
                StmtKind::If { then, els, .. } => {
                    let t = Targets { case: None, ..ctxt };
                    inner(self, t, then.span, &then.stmts, &mut fwd, &mut seq);
                    if let Some(e) = els {
                        inner(
                            self,
                            t,
                            e.span,
                            std::slice::from_ref(&**e),
                            &mut fwd,
                            &mut seq,
                        );
                    }
                }
                StmtKind::For { body, .. } | StmtKind::Range { body, .. } => {
                    let t = Targets {
                        breaks: Some(TargetKind::Loop),
                        continues: true,
                        case: None,
                    };
                    inner(self, t, body.span, &body.stmts, &mut fwd, &mut seq);
                }
                StmtKind::Switch { clauses, .. } | StmtKind::TypeSwitch { clauses, .. } => {
                    for (i, cc) in clauses.iter().enumerate() {
                        let t = Targets {
                            breaks: Some(kind_of(s)),
                            continues: ctxt.continues,
                            case: Some((i, clauses.len())),
                        };
                        inner(self, t, cc.span, &cc.body, &mut fwd, &mut seq);
                    }
                }
                StmtKind::Select { clauses, .. } => {
                    for cc in clauses {
                        let t = Targets {
                            breaks: Some(TargetKind::Select),
                            continues: ctxt.continues,
                            case: None,
                        };
                        inner(self, t, cc.span, &cc.body, &mut fwd, &mut seq);
                    }
                }
                _ => {}
            }
        }
        fwd
    }
}
