//! Go-syntax printing of expressions, as Go's diagnostics quote them.

use crate::ast::*;

pub(super) fn list_string(l: &[Expr]) -> String {
    l.iter().map(expr_string).collect::<Vec<_>>().join(", ")
}

/// An expression in Go syntax, as Go's diagnostics print it (`x + 1`,
/// `f(a, b...)`, `[]int{…}`, `func(…) {…}`).
pub fn expr_string(e: &Expr) -> String {
    let mut s = String::new();
    write_expr(&mut s, e, 0);
    s
}

fn write_expr(s: &mut String, e: &Expr, depth: u32) {
    if depth > 64 {
        s.push('…');
        return;
    }
    let d = depth + 1;
    match &e.kind {
        ExprKind::Bad => s.push_str("BadExpr"),
        ExprKind::Ident(n) => s.push_str(n),
        ExprKind::BasicLit(l) => s.push_str(&l.text),
        ExprKind::CompositeLit { ty, elems, .. } => {
            if let Some(t) = ty {
                write_expr(s, t, d);
            }
            s.push('{');
            if !elems.is_empty() {
                s.push('…');
            }
            s.push('}');
        }
        ExprKind::FuncLit { ty, body } => {
            s.push_str("func");
            write_sig(s, ty, d);
            s.push_str(if body.stmts.is_empty() {
                " {}"
            } else {
                " {…}"
            });
        }
        ExprKind::Paren(x) => {
            s.push('(');
            write_expr(s, x, d);
            s.push(')');
        }
        ExprKind::Selector { x, sel } => {
            write_expr(s, x, d);
            s.push('.');
            s.push_str(&sel.name);
        }
        ExprKind::Index { x, index } => {
            write_expr(s, x, d);
            s.push('[');
            write_expr(s, index, d);
            s.push(']');
        }
        ExprKind::IndexList { x, indices } => {
            write_expr(s, x, d);
            s.push('[');
            for (i, t) in indices.iter().enumerate() {
                if i > 0 {
                    s.push_str(", ");
                }
                write_expr(s, t, d);
            }
            s.push(']');
        }
        ExprKind::Slice {
            x,
            lo,
            hi,
            max,
            full,
        } => {
            write_expr(s, x, d);
            s.push('[');
            if let Some(l) = lo {
                write_expr(s, l, d);
            }
            s.push(':');
            if let Some(h) = hi {
                write_expr(s, h, d);
            }
            if *full {
                s.push(':');
                if let Some(m) = max {
                    write_expr(s, m, d);
                }
            }
            s.push(']');
        }
        ExprKind::TypeAssert { x, ty } => {
            write_expr(s, x, d);
            s.push_str(".(");
            match ty {
                Some(t) => write_expr(s, t, d),
                None => s.push_str("type"),
            }
            s.push(')');
        }
        ExprKind::Call {
            fun,
            args,
            ellipsis,
        } => {
            write_expr(s, fun, d);
            s.push('(');
            for (i, a) in args.iter().enumerate() {
                if i > 0 {
                    s.push_str(", ");
                }
                write_expr(s, a, d);
            }
            if ellipsis.is_some() {
                s.push_str("...");
            }
            s.push(')');
        }
        ExprKind::Star(x) => {
            s.push('*');
            write_expr(s, x, d);
        }
        ExprKind::Unary { op, x } => {
            s.push_str(op.as_str());
            write_expr(s, x, d);
        }
        ExprKind::Binary { op, x, y } => {
            write_operand(s, x, op.precedence(), false, d);
            s.push(' ');
            s.push_str(op.as_str());
            s.push(' ');
            write_operand(s, y, op.precedence(), true, d);
        }
        ExprKind::ArrayType { len, elem } => {
            s.push('[');
            match len {
                Some(l) => write_expr(s, l, d),
                None => s.push_str("..."),
            }
            s.push(']');
            write_expr(s, elem, d);
        }
        ExprKind::SliceType(elem) => {
            s.push_str("[]");
            write_expr(s, elem, d);
        }
        ExprKind::MapType { key, value } => {
            s.push_str("map[");
            write_expr(s, key, d);
            s.push(']');
            write_expr(s, value, d);
        }
        ExprKind::ChanType { dir, elem } => {
            s.push_str(match dir {
                ChanDir::Both => "chan ",
                ChanDir::Send => "chan<- ",
                ChanDir::Recv => "<-chan ",
            });
            write_expr(s, elem, d);
        }
        ExprKind::FuncType(ft) => {
            s.push_str("func");
            write_sig(s, ft, d);
        }
        ExprKind::StructType(fields) => {
            s.push_str("struct{");
            write_fields(s, fields, "; ", d);
            s.push('}');
        }
        ExprKind::InterfaceType(elems) => {
            s.push_str("interface{");
            for (i, el) in elems.iter().enumerate() {
                if i > 0 {
                    s.push_str("; ");
                }
                match el {
                    InterfaceElem::Method { name, ty, .. } => {
                        s.push_str(&name.name);
                        write_sig(s, ty, d);
                    }
                    InterfaceElem::Embedded(t) => write_expr(s, t, d),
                }
            }
            s.push('}');
        }
    }
}

fn write_operand(s: &mut String, x: &Expr, prec: u8, right: bool, d: u32) {
    if let ExprKind::Binary { op, .. } = &x.kind {
        let p = op.precedence();
        if p < prec || (right && p == prec) {
            s.push('(');
            write_expr(s, x, d);
            s.push(')');
            return;
        }
    }
    write_expr(s, x, d);
}

fn write_fields(s: &mut String, fields: &[Field], sep: &str, d: u32) {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            s.push_str(sep);
        }
        let names: Vec<&str> = f.names.iter().map(|n| n.name.as_str()).collect();
        if !names.is_empty() {
            s.push_str(&names.join(", "));
            s.push(' ');
        }
        if f.variadic {
            s.push_str("...");
        }
        write_expr(s, &f.ty, d);
        if let Some(t) = &f.tag {
            s.push(' ');
            s.push_str(&t.text);
        }
    }
}

fn write_sig(s: &mut String, ft: &FuncType, d: u32) {
    s.push('(');
    write_fields(s, &ft.params, ", ", d);
    s.push(')');
    match ft.results.as_slice() {
        [] => {}
        [r] if r.names.is_empty() => {
            s.push(' ');
            write_expr(s, &r.ty, d);
        }
        rs => {
            s.push_str(" (");
            write_fields(s, rs, ", ", d);
            s.push(')');
        }
    }
}
