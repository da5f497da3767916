//! Parser tests: tree shapes (through a compact dump), Go's ambiguity
//! rules, generics' syntax, the nesting cap, and a deterministic fuzz
//! run asserting the lexer and parser never panic and always terminate.

use super::*;
use std::fmt::Write;

fn parse(src: &str) -> (File, Vec<std::string::String>) {
    let file = SourceFile::new("prog.go", src);
    let (ast, diags) = parse_file(&file);
    let rendered = diags.iter().map(|d| d.render(&file)).collect();
    (ast, rendered)
}

fn parse_ok(src: &str) -> File {
    let (ast, diags) = parse(src);
    assert!(diags.is_empty(), "{src}\n{diags:#?}");
    ast
}

/// A compact, indented dump of declarations and statements; expressions
/// are printed in Go syntax, fully parenthesized for binary operators so
/// precedence is visible.
fn dump(f: &File) -> std::string::String {
    let mut out = std::string::String::new();
    for imp in &f.imports {
        let name = imp
            .name
            .as_ref()
            .map(|n| format!("{} ", n.name))
            .unwrap_or_default();
        let _ = writeln!(out, "import {name}{}", imp.path.text);
    }
    for d in &f.decls {
        dump_decl(&mut out, d, 0);
    }
    out
}

fn pad(n: usize) -> std::string::String {
    "  ".repeat(n)
}

fn x(e: &Expr) -> std::string::String {
    match &e.kind {
        ExprKind::Binary { op, x: l, y } => format!("({} {} {})", x(l), op.as_str(), x(y)),
        ExprKind::Unary { op, x: inner } => format!("{}{}", op.as_str(), x(inner)),
        ExprKind::Star(inner) => format!("*{}", x(inner)),
        ExprKind::Paren(inner) => format!("({})", x(inner)),
        ExprKind::CompositeLit { ty, elems, .. } => {
            let t = ty.as_ref().map(|t| x(t)).unwrap_or_default();
            let es: Vec<_> = elems
                .iter()
                .map(|el| match &el.key {
                    Some(k) => format!("{}: {}", x(k), x(&el.value)),
                    None => x(&el.value),
                })
                .collect();
            format!("{t}{{{}}}", es.join(", "))
        }
        ExprKind::Call {
            fun,
            args,
            ellipsis,
        } => {
            let a: Vec<_> = args.iter().map(x).collect();
            format!(
                "{}({}{})",
                x(fun),
                a.join(", "),
                if ellipsis.is_some() { "..." } else { "" }
            )
        }
        ExprKind::Index { x: base, index } => format!("{}[{}]", x(base), x(index)),
        ExprKind::Selector { x: base, sel } => format!("{}.{}", x(base), sel.name),
        _ => expr_string(e),
    }
}

fn xs(l: &[Expr]) -> std::string::String {
    l.iter().map(x).collect::<Vec<_>>().join(", ")
}

fn names(l: &[Name]) -> std::string::String {
    l.iter()
        .map(|n| n.name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

fn dump_decl(out: &mut std::string::String, d: &Decl, ind: usize) {
    let p = pad(ind);
    match d {
        Decl::Const(g) => {
            for s in &g.specs {
                let ty =
                    s.ty.as_ref()
                        .map(|t| format!(" {}", x(t)))
                        .unwrap_or_default();
                let _ = writeln!(
                    out,
                    "{p}const[{}] {}{ty} = {}",
                    s.iota,
                    names(&s.names),
                    xs(&s.values)
                );
            }
        }
        Decl::Var(g) => {
            for s in &g.specs {
                let ty =
                    s.ty.as_ref()
                        .map(|t| format!(" {}", x(t)))
                        .unwrap_or_default();
                let _ = writeln!(out, "{p}var {}{ty} = {}", names(&s.names), xs(&s.values));
            }
        }
        Decl::Type(g) => {
            for s in &g.specs {
                let _ = writeln!(
                    out,
                    "{p}type {}{} {}",
                    s.name.name,
                    if s.alias { " =" } else { "" },
                    x(&s.ty)
                );
            }
        }
        Decl::Func(fd) => {
            let recv = fd
                .recv
                .as_ref()
                .map(|r| format!("({} {}) ", names(&r.names), x(&r.ty)))
                .unwrap_or_default();
            let sig = expr_string(&Expr {
                id: ExprId(0),
                kind: ExprKind::FuncType(Box::new(fd.ty.clone())),
                span: fd.span,
            });
            let _ = writeln!(
                out,
                "{p}func {recv}{}{}",
                fd.name.name,
                &sig["func".len()..]
            );
            if let Some(b) = &fd.body {
                dump_block(out, &b.stmts, ind + 1);
            }
        }
    }
}

fn dump_block(out: &mut std::string::String, stmts: &[Stmt], ind: usize) {
    for s in stmts {
        dump_stmt(out, s, ind);
    }
}

fn opt_stmt(s: &Option<Box<Stmt>>) -> std::string::String {
    match s {
        None => "-".into(),
        Some(s) => {
            let mut o = std::string::String::new();
            dump_stmt(&mut o, s, 0);
            o.trim_end().to_string()
        }
    }
}

fn dump_stmt(out: &mut std::string::String, s: &Stmt, ind: usize) {
    let p = pad(ind);
    match &s.kind {
        StmtKind::Empty => {
            let _ = writeln!(out, "{p}empty");
        }
        StmtKind::Decl(d) => dump_decl(out, d, ind),
        StmtKind::Expr(e) => {
            let _ = writeln!(out, "{p}expr {}", x(e));
        }
        StmtKind::Send { ch, value } => {
            let _ = writeln!(out, "{p}send {} <- {}", x(ch), x(value));
        }
        StmtKind::IncDec { x: e, inc } => {
            let _ = writeln!(out, "{p}{} {}", if *inc { "inc" } else { "dec" }, x(e));
        }
        StmtKind::Assign {
            lhs,
            rhs,
            define,
            op,
            ..
        } => {
            let o = match (define, op) {
                (true, _) => ":=".to_string(),
                (false, None) => "=".to_string(),
                (false, Some(op)) => format!("{}=", op.as_str()),
            };
            let _ = writeln!(out, "{p}assign {} {o} {}", xs(lhs), xs(rhs));
        }
        StmtKind::Go(e) => {
            let _ = writeln!(out, "{p}go {}", x(e));
        }
        StmtKind::Defer(e) => {
            let _ = writeln!(out, "{p}defer {}", x(e));
        }
        StmtKind::Return(r) => {
            let _ = writeln!(out, "{p}return {}", xs(r));
        }
        StmtKind::Break(l) => {
            let _ = writeln!(
                out,
                "{p}break {}",
                l.as_ref().map(|n| n.name.as_str()).unwrap_or("-")
            );
        }
        StmtKind::Continue(l) => {
            let _ = writeln!(
                out,
                "{p}continue {}",
                l.as_ref().map(|n| n.name.as_str()).unwrap_or("-")
            );
        }
        StmtKind::Goto(l) => {
            let _ = writeln!(out, "{p}goto {}", l.name);
        }
        StmtKind::Fallthrough => {
            let _ = writeln!(out, "{p}fallthrough");
        }
        StmtKind::Labeled { label, stmt } => {
            let _ = writeln!(out, "{p}label {}:", label.name);
            dump_stmt(out, stmt, ind + 1);
        }
        StmtKind::Block(b) => {
            let _ = writeln!(out, "{p}block");
            dump_block(out, &b.stmts, ind + 1);
        }
        StmtKind::If {
            init,
            cond,
            then,
            els,
        } => {
            let _ = writeln!(out, "{p}if init={} cond={}", opt_stmt(init), x(cond));
            dump_block(out, &then.stmts, ind + 1);
            if let Some(e) = els {
                let _ = writeln!(out, "{p}else");
                dump_stmt(out, e, ind + 1);
            }
        }
        StmtKind::Switch {
            init, tag, clauses, ..
        } => {
            let tag = tag.as_ref().map(x).unwrap_or_else(|| "-".into());
            let _ = writeln!(out, "{p}switch init={} tag={tag}", opt_stmt(init));
            for c in clauses {
                let head = if c.default {
                    "default".to_string()
                } else {
                    format!("case {}", xs(&c.exprs))
                };
                let _ = writeln!(out, "{p}  {head}:");
                dump_block(out, &c.body, ind + 2);
            }
        }
        StmtKind::TypeSwitch {
            init,
            bind,
            x: e,
            clauses,
            ..
        } => {
            let b = bind.as_ref().map(|n| n.name.as_str()).unwrap_or("-");
            let _ = writeln!(
                out,
                "{p}typeswitch init={} bind={b} x={}",
                opt_stmt(init),
                x(e)
            );
            for c in clauses {
                let head = if c.default {
                    "default".to_string()
                } else {
                    format!("case {}", xs(&c.exprs))
                };
                let _ = writeln!(out, "{p}  {head}:");
                dump_block(out, &c.body, ind + 2);
            }
        }
        StmtKind::Select { clauses, .. } => {
            let _ = writeln!(out, "{p}select");
            for c in clauses {
                let head = match &c.comm {
                    None => "default".to_string(),
                    Some(s) => format!("case {}", opt_stmt(&Some(s.clone()))),
                };
                let _ = writeln!(out, "{p}  {head}:");
                dump_block(out, &c.body, ind + 2);
            }
        }
        StmtKind::For {
            init,
            cond,
            post,
            body,
        } => {
            let c = cond.as_ref().map(x).unwrap_or_else(|| "-".into());
            let _ = writeln!(
                out,
                "{p}for init={} cond={c} post={}",
                opt_stmt(init),
                opt_stmt(post)
            );
            dump_block(out, &body.stmts, ind + 1);
        }
        StmtKind::Range {
            key,
            value,
            define,
            x: e,
            body,
        } => {
            let k = key.as_ref().map(x).unwrap_or_else(|| "-".into());
            let v = value.as_ref().map(x).unwrap_or_else(|| "-".into());
            let _ = writeln!(out, "{p}range key={k} value={v} define={define} x={}", x(e));
            dump_block(out, &body.stmts, ind + 1);
        }
    }
}

fn check_dump(src: &str, want: &str) {
    let ast = parse_ok(src);
    let got = dump(&ast);
    assert_eq!(got.trim_end(), want.trim(), "\n--- got ---\n{got}");
}

#[test]
fn dump_declarations() {
    check_dump(
        r#"package main

import (
	"fmt"
	str "strings"
	. "math"
	_ "os"
)

const (
	A = iota * 2
	B
	C, D int = 1, 2
)

var x, y = 1, "s"
var z []map[string]*int

type (
	T struct {
		a, b int
		Embedded
		*pkg.Ptr `tag`
	}
	U = T
	I interface {
		M(int) (string, error)
		fmt.Stringer
	}
	F func(a, b int, rest ...string) bool
	C <-chan chan<- int
	Arr [...]int
	Arr2 [N * 2][]byte
)

func (t *T) Method(x int) (n int, err error) {}
func plain() {}
"#,
        r#"
import "fmt"
import str "strings"
import . "math"
import _ "os"
const[0] A = (iota * 2)
const[1] B = 
const[2] C, D int = 1, 2
var x, y = 1, "s"
var z []map[string]*int = 
type T struct{a, b int; Embedded; *pkg.Ptr `tag`}
type U = T
type I interface{M(int) (string, error); fmt.Stringer}
type F func(a, b int, rest ...string) bool
type C <-chan chan<- int
type Arr [...]int
type Arr2 [N * 2][]byte
func (t *T) Method(x int) (n int, err error)
func plain()
"#,
    );
}

#[test]
fn dump_statements() {
    check_dump(
        r#"package main

func main() {
	x := 1
	x, y = y, x
	x += 2
	x++
	ch <- v
	<-ch
	go f(x)
	defer g()
	if v, ok := m[k]; ok {
		return
	} else if !ok {
	} else {
		panic(1)
	}
	for i := 0; i < 10; i++ {
		continue
	}
	for cond {
		break
	}
	for {
	}
	for k, v := range m {
	}
	for i = range 10 {
	}
	for range ch {
	}
L:
	switch x := f(); x {
	case 1, 2:
		fallthrough
	default:
		break L
	}
	switch t := v.(type) {
	case int, *T:
	case nil:
	}
	switch v.(type) {
	}
	select {
	case v := <-ch:
	case ch <- 1:
	case <-done:
	default:
	}
	goto L
	var a int
	{
	}
}
"#,
        r#"
func main()
  assign x := 1
  assign x, y = y, x
  assign x += 2
  inc x
  send ch <- v
  expr <-ch
  go f(x)
  defer g()
  if init=assign v, ok := m[k] cond=ok
    return 
  else
    if init=- cond=!ok
    else
      block
        expr panic(1)
  for init=assign i := 0 cond=(i < 10) post=inc i
    continue -
  for init=- cond=cond post=-
    break -
  for init=- cond=- post=-
  range key=k value=v define=true x=m
  range key=i value=- define=false x=10
  range key=- value=- define=false x=ch
  label L:
    switch init=assign x := f() tag=x
      case 1, 2:
        fallthrough
      default:
        break L
  typeswitch init=- bind=t x=v
    case int, *T:
    case nil:
  typeswitch init=- bind=- x=v
  select
    case assign v := <-ch:
    case send ch <- 1:
    case expr <-done:
    default:
  goto L
  var a int = 
  block
"#,
    );
}

#[test]
fn precedence_and_unary() {
    check_dump(
        "package p\nvar _ = a || b && c == d + e * f\nvar _ = a * b + c << d - -e\nvar _ = x &^ y | z ^ w\nvar _ = *p.f[i](j)\nvar _ = &T{}\nvar _ = <-<-ch\nvar _ = ^-+!x\n",
        r#"
var _ = (a || (b && (c == (d + (e * f)))))
var _ = (((a * b) + (c << d)) - -e)
var _ = (((x &^ y) | z) ^ w)
var _ = *p.f[i](j)
var _ = &T{}
var _ = <-<-ch
var _ = ^-+!x
"#,
    );
}

#[test]
fn composite_literals() {
    check_dump(
        r#"package p
var _ = []int{1, 2, 3}
var _ = [...]string{2: "c", 0: "a"}
var _ = map[string][]int{"a": {1}, "b": nil}
var _ = []*T{{X: 1}, {}}
var _ = [][]int{{1}, {2, 3}}
var _ = struct{ a int }{a: 1}
var _ = pkg.T{1}
var _ = map[K]V{{1, 2}: {3}}
var _ = &[]int{}
"#,
        r#"
var _ = []int{1, 2, 3}
var _ = [...]string{2: "c", 0: "a"}
var _ = map[string][]int{"a": {1}, "b": nil}
var _ = []*T{{X: 1}, {}}
var _ = [][]int{{1}, {2, 3}}
var _ = struct{a int}{a: 1}
var _ = pkg.T{1}
var _ = map[K]V{{1, 2}: {3}}
var _ = &[]int{}
"#,
    );
}

#[test]
fn composite_literal_ambiguity_in_headers() {
    // In a header, `{` after a name opens the block...
    check_dump(
        "package p\nfunc f() {\n\tif x {\n\t}\n\tfor _, v := range s {\n\t}\n\tswitch t {\n\t}\n}\n",
        "func f()\n  if init=- cond=x\n  range key=_ value=v define=true x=s\n  switch init=- tag=t",
    );
    // ...but inside parentheses, brackets or calls it is a literal again.
    check_dump(
        "package p\nfunc f() {\n\tif (T{}) == x {\n\t}\n\tfor _, v := range []T{{1}} {\n\t}\n\tif f(T{1}) {\n\t}\n\tif a[T{}] {\n\t}\n}\n",
        "func f()\n  if init=- cond=((T{}) == x)\n  range key=_ value=v define=true x=[]T{{1}}\n  if init=- cond=f(T{1})\n  if init=- cond=a[T{}]",
    );
    // Unparenthesized, the literal's `{` is taken as the block: Go's error.
    let (_, diags) = parse("package p\nfunc f() {\n\tif x == T{} {\n\t}\n}\n");
    assert_eq!(
        diags[0],
        "./prog.go:3:14: syntax error: unexpected { at end of statement"
    );
}

#[test]
fn calls_slices_assertions_conversions() {
    check_dump(
        "package p\nvar _ = f(a, b...)\nvar _ = s[1:2:3]\nvar _ = s[:]\nvar _ = s[i:]\nvar _ = x.(T)\nvar _ = x.(*pkg.T)\nvar _ = []byte(s)\nvar _ = (*T)(nil)\nvar _ = (<-chan int)(c)\nvar _ = func(x int) int { return x }(1)\nvar _ = interface{}(1)\nvar _ = map[string]int(nil)\n",
        r#"
var _ = f(a, b...)
var _ = s[1:2:3]
var _ = s[:]
var _ = s[i:]
var _ = x.(T)
var _ = x.(*pkg.T)
var _ = []byte(s)
var _ = (*T)(nil)
var _ = (<-chan int)(c)
var _ = func(x int) int {…}(1)
var _ = interface{}(1)
var _ = map[string]int(nil)
"#,
    );
}

#[test]
fn spans_and_ids() {
    let src = "package main\n\nfunc main() {\n\tx := a + b*c\n}\n";
    let ast = parse_ok(src);
    let Decl::Func(f) = &ast.decls[0] else {
        panic!("func")
    };
    let body = f.body.as_ref().expect("body");
    let StmtKind::Assign { rhs, .. } = &body.stmts[0].kind else {
        panic!("assign")
    };
    let e = &rhs[0];
    assert_eq!(&src[e.span.start as usize..e.span.end as usize], "a + b*c");
    let ExprKind::Binary { y, .. } = &e.kind else {
        panic!("binary")
    };
    assert_eq!(&src[y.span.start as usize..y.span.end as usize], "b*c");
    assert_eq!(
        &src[body.stmts[0].span.start as usize..body.stmts[0].span.end as usize],
        "x := a + b*c"
    );
    assert_eq!(
        &src[f.span.start as usize..f.span.end as usize],
        "func main() {\n\tx := a + b*c\n}"
    );
    // Ids are unique and below expr_count.
    let mut ids = Vec::new();
    collect_ids(e, &mut ids);
    let StmtKind::Assign { lhs, .. } = &body.stmts[0].kind else {
        panic!()
    };
    collect_ids(&lhs[0], &mut ids);
    ids.sort();
    let n = ids.len();
    ids.dedup();
    assert_eq!(ids.len(), n);
    assert!(ids.iter().all(|i| i.0 < ast.expr_count));
    assert_eq!(ast.expr_count as usize, n);
}

fn collect_ids(e: &Expr, out: &mut Vec<ExprId>) {
    out.push(e.id);
    if let ExprKind::Binary { x, y, .. } = &e.kind {
        collect_ids(x, out);
        collect_ids(y, out);
    }
}

#[test]
fn generics_parse_into_type_parameters_and_instantiations() {
    let f = parse_ok("package p\nfunc Map[T, U any](x T, f func(T) U) U { return f(x) }\n");
    let Decl::Func(fd) = &f.decls[0] else { panic!("not a func") };
    let names: Vec<&str> = fd.tparams.iter().flat_map(|p| p.names.iter().map(|n| n.name.as_str())).collect();
    assert_eq!(names, ["T", "U"]);
    assert_eq!(crate::parser::expr_string(&fd.tparams[0].ty), "any");
    // `[P *C]` is read as an expression first and split back.
    let f = parse_ok("package p\ntype List[P *int, Q ~int | ~float64] struct{ x []P }\n");
    let Decl::Type(g) = &f.decls[0] else { panic!("not a type") };
    let tps = &g.specs[0].tparams;
    assert_eq!(tps.len(), 2);
    assert_eq!(tps[0].names[0].name, "P");
    assert_eq!(crate::parser::expr_string(&tps[0].ty), "*int");
    assert_eq!(crate::parser::expr_string(&tps[1].ty), "~int | ~float64");
    // Several type arguments make an IndexList, one an Index.
    let f = parse_ok("package p\nvar x = Pair[int, string]{}\nvar y List[int]\n");
    let Decl::Var(g) = &f.decls[0] else { panic!("not a var") };
    let ExprKind::CompositeLit { ty: Some(t), .. } = &g.specs[0].values[0].kind else { panic!("not a literal") };
    assert!(matches!(&t.kind, ExprKind::IndexList { indices, .. } if indices.len() == 2));
    let Decl::Var(g) = &f.decls[1] else { panic!("not a var") };
    assert!(matches!(&g.specs[0].ty.as_ref().unwrap().kind, ExprKind::Index { .. }));
    // A method's receiver names its type's parameters.
    parse_ok("package p\nfunc (s *Stack[T]) Push(v T) {}\nfunc (p Pair[K, V]) Key() K { return p.k }\n");
    // An array type declaration is not a type parameter list.
    parse_ok("package p\nconst N = 2\ntype A [N]int\ntype B [N * 2]int\ntype C []int\n");
    // Where Go allows no type parameters, it says so.
    let (_, d) = parse("package p\nvar f = func[T any]() {}\n");
    assert!(d[0].contains("function type must have no type parameters"), "{d:?}");
}

#[test]
fn syntax_error_positions() {
    let cases: &[(&str, &str)] = &[
        (
            "package main\nfunc main() {\n\tfmt.Println(1\n}\n",
            "./prog.go:3:15: syntax error: unexpected newline in argument list; possibly missing comma or )",
        ),
        (
            "package main\nfunc main() {\n\tx := [\n}\n",
            "./prog.go:4:1: syntax error: unexpected }, expected expression",
        ),
        (
            "package main\nx := 1\n",
            "./prog.go:2:1: syntax error: non-declaration statement outside function body",
        ),
        (
            "package main\nfunc main() {\n\tfor i := 0; i < 3 {\n\t}\n}\n",
            "./prog.go:3:20: syntax error: unexpected {, expected semicolon or newline",
        ),
        ("", "./prog.go:1:1: expected 'package', found 'EOF'"),
        (
            "package main\nfunc main() {\n\tvar x = .\n}\n",
            "./prog.go:3:10: syntax error: unexpected ., expected expression",
        ),
    ];
    for (src, want) in cases {
        let (_, diags) = parse(src);
        assert_eq!(
            diags.first().map(|s| s.as_str()),
            Some(*want),
            "{src}\n{diags:#?}"
        );
    }
}

#[test]
fn one_syntax_error_per_line() {
    let (_, diags) = parse("package main\nfunc main() {\n\ta := ) + ) + )\n\tb := )\n}\n");
    assert_eq!(
        diags,
        vec![
            "./prog.go:3:7: syntax error: unexpected ), expected expression",
            "./prog.go:4:7: syntax error: unexpected ), expected expression",
        ]
    );
}

#[test]
fn nesting_is_capped_with_a_diagnostic() {
    // Run on a small stack to prove the cap protects the host.
    let handle = std::thread::Builder::new()
        .stack_size(1 << 20)
        .spawn(|| {
            let mut results = Vec::new();
            for (open, close) in [
                ("(", ")"),
                ("[]", ""),
                ("- ", ""),
                ("{", "}"),
                ("func() {", "}"),
                ("[]int{", "}"),
                ("if x {", "}"),
                ("*", ""),
                ("a[", "]"),
            ] {
                let n = 100_000;
                let body = format!("{}x{}", open.repeat(n), close.repeat(n));
                let src = format!("package main\nvar v = {body}\nfunc main() {{\n\t{body}\n}}\n");
                let (_, diags) = parse(&src);
                results.push(diags);
            }
            results
        })
        .expect("spawn");
    let results = handle.join().expect("parser overflowed or panicked");
    for diags in results {
        assert!(
            diags.iter().any(|d| d.contains("nests too deeply")),
            "{diags:#?}"
        );
    }
    // Nesting far beyond real programs still parses, even in debug builds.
    let body = format!("{}x{}", "(".repeat(80), ")".repeat(80));
    parse_ok(&format!("package main\nvar v = {body}\n"));
    let lits = format!("{}{}", "func() {\n".repeat(20), "}\n".repeat(20));
    parse_ok(&format!("package main\nfunc main() {{\n{lits}}}\n"));
    let ifs = format!("{}{}", "if x {\n".repeat(40), "}\n".repeat(40));
    parse_ok(&format!("package main\nfunc main() {{\n{ifs}}}\n"));
}

/// xorshift64*: deterministic, dependency-free randomness.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const SEED_PROGRAMS: [&str; 4] = [
    include_str!("../tests/parse/10_channels.go"),
    include_str!("../tests/parse/08_interfaces.go"),
    include_str!("../tests/parse/09_collections.go"),
    include_str!("../tests/parse/19_tricky_syntax.go"),
];

#[test]
fn fuzz_never_panics_and_terminates() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let seeds: Vec<Vec<&str>> = SEED_PROGRAMS
        .iter()
        .map(|p| {
            let (toks, _) = crate::lexer::tokenize(&SourceFile::new("seed.go", *p));
            toks.iter()
                .map(|t| &p[t.span.start as usize..t.span.end as usize])
                .filter(|t| !t.is_empty())
                .collect()
        })
        .collect();
    let alphabet: &[u8] = b"package main func(){}[]<-:=;,.\n\t \"'`/*\\0x1e_+-!^&|%ab\r\x00";
    let start = std::time::Instant::now();
    let mut inputs = 0;
    // GMP_FUZZ_ROUNDS runs a longer campaign (e.g. from an xtask).
    let rounds: usize = std::env::var("GMP_FUZZ_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3000);
    let seed: u64 = std::env::var("GMP_FUZZ_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0x9e37_79b9_7f4a_7c15);
    rng.0 = seed | 1;
    for round in 0..rounds {
        let which = rng.below(SEED_PROGRAMS.len());
        let (seed_program, texts) = (SEED_PROGRAMS[which], &seeds[which]);
        let src: std::string::String = match round % 4 {
            // Random bytes from a Go-ish alphabet (plus arbitrary chars).
            0 => (0..rng.below(80))
                .map(|_| {
                    if rng.below(20) == 0 {
                        char::from_u32(rng.next() as u32 % 0x3000).unwrap_or('?')
                    } else {
                        alphabet[rng.below(alphabet.len())] as char
                    }
                })
                .collect(),
            // A token soup from the seed program.
            1 => {
                let mut s = "package main\n".to_string();
                for _ in 0..rng.below(120) {
                    s.push_str(texts[rng.below(texts.len())]);
                    s.push(if rng.below(4) == 0 { '\n' } else { ' ' });
                }
                s
            }
            // The seed program with a few tokens deleted, duplicated or swapped.
            2 => {
                let mut t: Vec<&str> = texts.clone();
                for _ in 0..1 + rng.below(4) {
                    let i = rng.below(t.len());
                    match rng.below(3) {
                        0 => {
                            t.remove(i);
                        }
                        1 => t.insert(i, t[i]),
                        _ => {
                            let j = rng.below(t.len());
                            t.swap(i, j);
                        }
                    }
                }
                t.join(" ")
            }
            // The seed program truncated at a random byte boundary.
            _ => {
                let mut cut = rng.below(seed_program.len());
                while !seed_program.is_char_boundary(cut) {
                    cut -= 1;
                }
                seed_program[..cut].to_string()
            }
        };
        let file = SourceFile::new("prog.go", src);
        let (ast, diags) = parse_file(&file);
        for d in &diags {
            assert!(d.span.start as usize <= file.text.len());
            let _ = d.render(&file);
        }
        assert!(ast.expr_count < 1_000_000);
        inputs += 1;
    }
    assert_eq!(inputs, rounds);
    // Generous bound for slow debug builds on a shared machine.
    assert!(
        rounds > 3000 || start.elapsed().as_secs() < 20,
        "fuzz run took {:?}",
        start.elapsed()
    );
}

#[test]
fn which_diagnostics_stop_before_type_checking() {
    let stops = |src: &str| {
        let file = SourceFile::new("prog.go", src);
        let (_, diags) = parse_file(&file);
        assert!(!diags.is_empty(), "{src}");
        stops_before_type_check(&diags)
    };
    assert!(stops("package main\nfunc main() {\n\tx := )\n}\n"));
    assert!(stops("func main() {}\n"));
    assert!(stops(&format!(
        "package main\nvar v = {}x{}\n",
        "(".repeat(5000),
        ")".repeat(5000)
    )));
    // Go goes on to type-check after these.
    assert!(!stops("package main\nvar x = 0128\n"));
    assert!(!stops("package main\nfunc main() {\nL:\n}\n"));
    assert!(!stops("package main\nfunc f(a ...int, b int) {}\n"));
    // The literal the lexer rejected is marked bad.
    let file = SourceFile::new("prog.go", "package main\nvar x = 0128\nvar y = 12\n");
    let (ast, _) = parse_file(&file);
    let bad: Vec<bool> = ast
        .decls
        .iter()
        .filter_map(|d| match d {
            Decl::Var(g) => match &g.specs[0].values[0].kind {
                ExprKind::BasicLit(l) => Some(l.bad),
                _ => None,
            },
            _ => None,
        })
        .collect();
    assert_eq!(bad, vec![true, false]);
}

/// `tests/parse/*.go` are valid Go programs (each builds with real Go) that
/// together cover every construct of the subset: each parses without a
/// diagnostic into a `package main` with a `func main`.
#[test]
fn parse_corpus_parses_without_diagnostics() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/parse");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/parse")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "go"))
        .collect();
    files.sort();
    assert!(files.len() >= 20, "tests/parse holds {} programs", files.len());
    for path in files {
        let name = path.display();
        let (ast, diags) = parse(&std::fs::read_to_string(&path).expect("read"));
        assert!(diags.is_empty(), "{name}: {diags:#?}");
        assert_eq!(ast.package.name, "main", "{name}");
        let has_main = ast.decls.iter().any(|d| matches!(d, Decl::Func(fd) if fd.name.name == "main" && fd.recv.is_none() && fd.body.is_some()));
        assert!(has_main, "{name}: no func main");
        assert!(ast.expr_count > 0, "{name}");
    }
}
