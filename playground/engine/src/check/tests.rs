//! Checker tests: the standard library stubs, the `TypeInfo` side tables
//! the compiler consumes, and the checker's speed. The diagnostics corpus
//! recorded from real Go 1.27 is checked by `tests/check_errors.rs`.

use super::*;

#[test]
fn stubs_check_cleanly() {
    let bad = check_stubs();
    assert!(bad.is_empty(), "{bad:#?}");
}

// ----- TypeInfo: what the compiler consumes -----

use crate::ast::{self, Expr, ExprKind, Stmt, StmtKind};
use crate::span::SourceFile;

/// Every expression of a file, with its source text.
fn collect_exprs<'f>(file: &'f ast::File, src: &str) -> Vec<(&'f Expr, String)> {
    fn expr<'f>(e: &'f Expr, out: &mut Vec<&'f Expr>) {
        out.push(e);
        match &e.kind {
            ExprKind::CompositeLit { ty, elems, .. } => {
                if let Some(t) = ty {
                    expr(t, out);
                }
                for el in elems {
                    if let Some(k) = &el.key {
                        expr(k, out);
                    }
                    expr(&el.value, out);
                }
            }
            ExprKind::FuncLit { body, .. } => block(body, out),
            ExprKind::Paren(x)
            | ExprKind::Star(x)
            | ExprKind::Unary { x, .. }
            | ExprKind::Selector { x, .. } => expr(x, out),
            ExprKind::Index { x, index } => {
                expr(x, out);
                expr(index, out);
            }
            ExprKind::Slice { x, lo, hi, max, .. } => {
                expr(x, out);
                for y in [lo, hi, max].into_iter().flatten() {
                    expr(y, out);
                }
            }
            ExprKind::TypeAssert { x, ty } => {
                expr(x, out);
                if let Some(t) = ty {
                    expr(t, out);
                }
            }
            ExprKind::Call { fun, args, .. } => {
                expr(fun, out);
                for a in args {
                    expr(a, out);
                }
            }
            ExprKind::Binary { x, y, .. } => {
                expr(x, out);
                expr(y, out);
            }
            _ => {}
        }
    }
    fn block<'f>(b: &'f ast::Block, out: &mut Vec<&'f Expr>) {
        for s in &b.stmts {
            stmt(s, out);
        }
    }
    fn stmt<'f>(s: &'f Stmt, out: &mut Vec<&'f Expr>) {
        match &s.kind {
            StmtKind::Expr(e) | StmtKind::Go(e) | StmtKind::Defer(e) => expr(e, out),
            StmtKind::Assign { lhs, rhs, .. } => lhs.iter().chain(rhs).for_each(|e| expr(e, out)),
            StmtKind::Return(rs) => rs.iter().for_each(|e| expr(e, out)),
            StmtKind::Decl(d) => decl(d, out),
            StmtKind::Block(b) => block(b, out),
            StmtKind::For {
                init,
                cond,
                post,
                body,
            } => {
                for s in [init, post].into_iter().flatten() {
                    stmt(s, out);
                }
                if let Some(c) = cond {
                    expr(c, out);
                }
                block(body, out);
            }
            StmtKind::Range {
                key,
                value,
                x,
                body,
                ..
            } => {
                for e in [key, value].into_iter().flatten() {
                    expr(e, out);
                }
                expr(x, out);
                block(body, out);
            }
            StmtKind::If {
                init,
                cond,
                then,
                els,
            } => {
                if let Some(i) = init {
                    stmt(i, out);
                }
                expr(cond, out);
                block(then, out);
                if let Some(e) = els {
                    stmt(e, out);
                }
            }
            StmtKind::IncDec { x, .. } => expr(x, out),
            _ => {}
        }
    }
    fn decl<'f>(d: &'f ast::Decl, out: &mut Vec<&'f Expr>) {
        match d {
            ast::Decl::Var(g) => g
                .specs
                .iter()
                .for_each(|s| s.values.iter().for_each(|e| expr(e, out))),
            ast::Decl::Const(g) => g
                .specs
                .iter()
                .for_each(|s| s.values.iter().for_each(|e| expr(e, out))),
            ast::Decl::Func(f) => {
                if let Some(b) = &f.body {
                    block(b, out);
                }
            }
            ast::Decl::Type(_) => {}
        }
    }
    let mut out = Vec::new();
    for d in &file.decls {
        decl(d, &mut out);
    }
    out.into_iter()
        .map(|e| {
            (
                e,
                src[e.span.start as usize..e.span.end as usize].to_string(),
            )
        })
        .collect()
}

struct Fixture {
    checked: Checked,
    exprs: Vec<(ExprId, String)>,
}

use crate::ast::ExprId;

fn fixture(src: &str) -> Fixture {
    let sf = SourceFile::new("prog.go", src);
    let (f, d) = crate::parser::parse_file(&sf);
    assert!(d.is_empty(), "{d:?}");
    let (checked, diags) = check_file(&f, &sf);
    let rendered: Vec<String> = diags.iter().map(|d| d.render(&sf)).collect();
    assert!(rendered.is_empty(), "{rendered:#?}");
    let exprs = collect_exprs(&f, src)
        .into_iter()
        .map(|(e, s)| (e.id, s))
        .collect();
    Fixture { checked, exprs }
}

impl Fixture {
    /// The first expression whose source text is `text`.
    fn id(&self, text: &str) -> ExprId {
        self.exprs
            .iter()
            .find(|(_, s)| s == text)
            .unwrap_or_else(|| panic!("no expression {text:?}"))
            .0
    }
    fn ids(&self, text: &str) -> Vec<ExprId> {
        self.exprs
            .iter()
            .filter(|(_, s)| s == text)
            .map(|(i, _)| *i)
            .collect()
    }
    fn ty(&self, text: &str) -> String {
        let t = self
            .checked
            .info
            .ex
            .types
            .get(&self.id(text))
            .copied()
            .unwrap_or_else(|| panic!("no type for {text}"));
        self.checked.types.type_string(t, TypeStyle::Runtime)
    }
    /// The last variable declared with this name.
    fn var(&self, name: &str) -> &VarInfo {
        self.checked
            .info
            .vars
            .iter()
            .rev()
            .find(|v| v.name == name)
            .unwrap_or_else(|| panic!("no var {name}"))
    }
}

#[test]
fn escapes_and_captures() {
    let fx = fixture(
        "package main\n\nfunc main() {\n\ta := 1\n\tb := 2\n\tc := 3\n\tp := &b\n\tf := func() int { return a }\n\t_, _, _ = p, f(), c\n}\n",
    );
    assert!(fx.var("a").escapes, "captured by the closure");
    assert!(fx.var("b").escapes, "address taken");
    assert!(!fx.var("c").escapes);
    assert!(!fx.var("p").escapes);
    let lit = fx
        .checked
        .info
        .funcs
        .iter()
        .find(|f| f.lit.is_some())
        .expect("closure");
    assert_eq!(lit.name, "main.func1");
    let a = fx
        .checked
        .info
        .vars
        .iter()
        .position(|v| v.name == "a")
        .unwrap();
    assert_eq!(lit.captures, vec![VarId(a as u32)]);
    let main = &fx.checked.info.funcs[fx.checked.info.main.unwrap().0 as usize];
    assert_eq!(main.locals.len(), 5);
}

#[test]
fn range_over_func_bodies_are_closures() {
    // The body of a range-over-func loop is a function of its own that
    // captures what it uses of the function around it, as cmd/compile's
    // rangefunc rewrite makes it: the loop's #state, the function's
    // #next, the hidden result a `return` stores into, and `#defers`.
    let fx = fixture(
        "package main\n\nfunc seq(yield func(int) bool) {}\n\nfunc f() int {\n\ttotal := 0\n\tunused := 1\n\tfor x := range seq {\n\t\tdefer func() {}()\n\t\ttotal += x\n\t\tif total > 3 {\n\t\t\treturn total\n\t\t}\n\t}\n\t_ = unused\n\treturn 0\n}\n\nfunc main() { f() }\n",
    );
    let info = &fx.checked.info;
    let rf = info.ex.range_funcs.values().next().expect("the loop is recorded");
    let names = |vs: &[VarId]| -> Vec<String> {
        let mut n: Vec<String> = vs.iter().map(|v| info.vars[v.0 as usize].name.clone()).collect();
        n.sort();
        n
    };
    let body = &info.funcs[rf.body.0 as usize];
    assert_eq!(names(&body.captures), ["#defers", "#next", "#rv1", "#state", "total"]);
    assert_eq!(rf.params.len(), 1);
    assert!(rf.defers.is_some());
    assert!(fx.var("total").escapes && !fx.var("unused").escapes);
    // x is the body's own variable, not f's.
    assert_eq!(fx.var("x").func, rf.body);
    let f = info.funcs.iter().position(|f| f.name == "f").map(|i| FuncId(i as u32)).expect("f");
    assert_eq!(names(&info.range_results[&f]), ["#rv1"]);
}

#[test]
fn init_order_follows_go() {
    // The spec's example: d, b, c, a.
    let fx = fixture(
        "package main\n\nvar a = c + b\nvar b = f()\nvar c = f()\nvar d = 3\n\nfunc f() int {\n\td++\n\treturn d\n}\n\nfunc main() {}\n",
    );
    let info = &fx.checked.info;
    let names: Vec<&str> = info
        .init_order
        .iter()
        .map(|i| info.globals[i.lhs[0].unwrap().0 as usize].name.as_str())
        .collect();
    assert_eq!(names, ["d", "b", "c", "a"]);
}

#[test]
fn untyped_constants_get_their_final_type() {
    let fx = fixture(
        "package main\n\nfunc main() {\n\tvar x int8 = 1 + 2\n\ty := 1 << 3\n\tvar f float64 = 7\n\tz := 'a'\n\t_, _, _, _ = x, y, f, z\n}\n",
    );
    assert_eq!(fx.ty("1 + 2"), "int8");
    assert_eq!(fx.ty("1"), "int8");
    assert_eq!(
        fx.checked.info.ex.consts.get(&fx.id("1 + 2")),
        Some(&Value::int(3))
    );
    assert_eq!(fx.ty("1 << 3"), "int");
    assert_eq!(fx.ty("7"), "float64");
    assert_eq!(
        fx.checked.info.ex.consts.get(&fx.id("7")),
        Some(&Value::float(7.0))
    );
    assert_eq!(fx.ty("3"), "uint", "a constant shift count becomes uint");
    assert_eq!(fx.ty("'a'"), "int32");
}

#[test]
fn selections_through_embedding() {
    let fx = fixture(
        "package main\n\ntype Base struct{ ID int }\n\nfunc (b *Base) SetID(id int) { b.ID = id }\nfunc (b Base) Get() int { return b.ID }\n\ntype User struct {\n\t*Base\n\tName string\n}\n\nfunc main() {\n\tu := User{Base: &Base{}}\n\tu.SetID(3)\n\t_ = u.ID\n\t_ = u.Get()\n\tvar b Base\n\tb.SetID(1)\n\tg := b.Get\n\t_ = g\n}\n",
    );
    let sel = |t: &str| {
        fx.checked
            .info
            .ex
            .selections
            .get(&fx.id(t))
            .cloned()
            .unwrap_or_else(|| panic!("{t}"))
    };
    match sel("u.ID") {
        Selection::Field { path, indirect } => {
            assert_eq!(path, vec![0, 0]);
            assert!(indirect, "through the embedded *Base");
        }
        s => panic!("{s:?}"),
    }
    match sel("u.SetID") {
        Selection::Method {
            path,
            ptr_recv,
            addr,
            ..
        } => {
            assert_eq!(path, vec![0]);
            assert!(ptr_recv);
            assert!(!addr, "the embedded field is already a pointer");
        }
        s => panic!("{s:?}"),
    }
    match sel("b.SetID") {
        Selection::Method { addr, .. } => assert!(addr, "&b is taken implicitly"),
        s => panic!("{s:?}"),
    }
    assert!(
        fx.var("b").escapes,
        "b's address is taken by the pointer method call"
    );
    match sel("u.Get") {
        Selection::Method { deref, .. } => {
            assert!(deref, "*Base dereferenced for the value receiver")
        }
        s => panic!("{s:?}"),
    }
    match sel("b.Get") {
        Selection::Method { value, .. } => assert!(value),
        s => panic!("{s:?}"),
    }
}

#[test]
fn uses_and_calls() {
    let fx = fixture(
        "package main\n\nimport (\n\t\"fmt\"\n\t\"strings\"\n)\n\nvar g = 1\n\nfunc f(n int) int { return n }\n\nfunc main() {\n\tx := f(g)\n\tfmt.Println(strings.ToUpper(\"a\"), len(\"abc\"), x, float64(x), x == 1 || true)\n}\n",
    );
    let info = &fx.checked.info;
    assert!(matches!(info.ex.uses.get(&fx.id("g")), Some(Use::Global(_))));
    assert!(matches!(
        info.ex.uses.get(&fx.id("f")),
        Some(Use::Func(FuncRef::User(_)))
    ));
    assert_eq!(
        info.ex.uses.get(&fx.id("fmt.Println")),
        Some(&Use::Func(FuncRef::Native("fmt.Println".into())))
    );
    assert_eq!(
        info.ex.uses.get(&fx.id("strings.ToUpper")),
        Some(&Use::Func(FuncRef::Native("strings.ToUpper".into())))
    );
    assert_eq!(
        info.ex.calls.get(&fx.id("len(\"abc\")")),
        Some(&CallKind::Builtin(Builtin::Len))
    );
    assert_eq!(
        info.ex.consts.get(&fx.id("len(\"abc\")")),
        Some(&Value::int(3))
    );
    let float64 = fx.checked.types.basic(BasicKind::Float64);
    assert_eq!(
        info.ex.calls.get(&fx.id("float64(x)")),
        Some(&CallKind::Conversion(float64))
    );
    let xs = fx.ids("x");
    assert!(
        xs.iter()
            .all(|x| matches!(info.ex.uses.get(x), Some(Use::Local(_))))
    );
}

#[test]
fn runtime_type_strings() {
    let fx = fixture(
        "package main\n\ntype T struct{ X int }\n\nfunc main() {\n\tp := &T{}\n\tm := map[string][]*T{}\n\tf := func(int) string { return \"\" }\n\ts := struct{ A, B int }{}\n\tvar e error\n\tvar i interface{}\n\t_, _, _, _, _, _ = p, m, f, s, e, i\n}\n",
    );
    assert_eq!(fx.ty("&T{}"), "*main.T");
    assert_eq!(fx.ty("map[string][]*T{}"), "map[string][]*main.T");
    assert_eq!(
        fx.ty("func(int) string { return \"\" }"),
        "func(int) string"
    );
    assert_eq!(fx.ty("struct{ A, B int }{}"), "struct { A int; B int }");
}

#[test]
fn closure_names_follow_the_runtime() {
    let fx = fixture(
        "package main\n\nvar g = func() int { return 1 }\n\nfunc main() {\n\tf := func() {\n\t\th := func() {}\n\t\th()\n\t}\n\tk := func() {}\n\tf()\n\tk()\n\t_ = g\n}\n",
    );
    let names: Vec<&str> = fx
        .checked
        .info
        .funcs
        .iter()
        .filter(|f| f.lit.is_some())
        .map(|f| f.name.as_str())
        .collect();
    assert_eq!(
        names,
        ["glob..func1", "main.func1", "main.func1.1", "main.func2"]
    );
}

#[test]
fn checking_is_fast_enough() {
    // Guards against accidental quadratic blowups: a few hundred functions
    // and variables check in well under a second even in debug builds.
    let mut src = String::from("package main\n\nimport \"fmt\"\n\n");
    for i in 0..300 {
        src.push_str(&format!(
            "var v{i} = {i}\n\nfunc f{i}(x int) int {{\n\ty := x + v{i}\n\tfor j := range 3 {{\n\t\ty += j\n\t}}\n\treturn y\n}}\n\n"
        ));
    }
    src.push_str("func main() {\n");
    for i in 0..300 {
        src.push_str(&format!("\tfmt.Println(f{i}({i}))\n"));
    }
    src.push_str("}\n");
    let start = std::time::Instant::now();
    assert!(check_source("prog.go", &src).is_ok());
    assert!(start.elapsed().as_secs_f64() < 3.0, "{:?}", start.elapsed());
}

// ----- generics: instances -----

/// Whether type `t` mentions a type parameter or a constraint.
fn mentions_type_param(tt: &TypeTable, t: TypeId, depth: u32) -> bool {
    use crate::types::Type;
    if depth > 30 {
        return false;
    }
    let d = depth + 1;
    match tt.get(t) {
        Type::TypeParam(_) | Type::Constraint(_) => true,
        Type::Named(_) => tt.named_info(t).is_some_and(|n| n.targs.iter().any(|&a| mentions_type_param(tt, a, d))),
        Type::Pointer(e) | Type::Slice(e) | Type::Array(e, _) | Type::Chan(_, e) => mentions_type_param(tt, *e, d),
        Type::Map(k, v) => mentions_type_param(tt, *k, d) || mentions_type_param(tt, *v, d),
        Type::Struct(fs) => fs.iter().any(|f| mentions_type_param(tt, f.ty, d)),
        Type::Func(s) => s.params.iter().chain(&s.results).any(|&p| mentions_type_param(tt, p, d)),
        Type::Tuple(ts) => ts.iter().any(|&p| mentions_type_param(tt, p, d)),
        Type::Basic(_) | Type::Interface(_) => false,
    }
}

#[test]
fn generic_code_compiles_only_as_concrete_instances() {
    // Architecture invariant: the compiler's tables (the program's and each
    // instance's) hold no type parameter; each instantiation with the same
    // type arguments is one instance; generic declarations are not compiled.
    let fx = fixture(
        "package main\n\nimport \"fmt\"\n\ntype Stack[T any] struct{ items []T }\n\nfunc (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }\n\nfunc Map[T, U any](xs []T, f func(T) U) []U {\n\tvar out []U\n\tfor _, x := range xs {\n\t\tout = append(out, f(x))\n\t}\n\treturn out\n}\n\nfunc main() {\n\tvar s Stack[string]\n\ts.Push(\"a\")\n\tt := &Stack[string]{}\n\tt.Push(\"b\")\n\tfmt.Println(Map([]int{1}, func(x int) string { return fmt.Sprint(x) }), Map([]int{2}, func(int) string { return \"\" }))\n\tfmt.Println(Map([]string{\"x\"}, func(s string) int { return len(s) }))\n}\n",
    );
    let info = &fx.checked.info;
    let tt = &fx.checked.types;
    for ex in std::iter::once(&info.ex).chain(info.instances.iter().map(|i| &i.ex)) {
        for (&e, &t) in &ex.types {
            assert!(!mentions_type_param(tt, t, 0), "expression {e:?} has type {}", tt.type_string(t, TypeStyle::Checker));
        }
    }
    let mut names: Vec<(String, String)> = info
        .instances
        .iter()
        .map(|i| {
            let f = &info.funcs[i.func.0 as usize];
            (f.name.clone(), tt.type_string(f.sig, TypeStyle::Checker))
        })
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            ("(*Stack[...]).Push".to_string(), "func(string)".to_string()),
            ("Map[...]".to_string(), "func([]int, func(int) string) []string".to_string()),
            ("Map[...]".to_string(), "func([]string, func(string) int) []int".to_string()),
        ]
    );
    // The generic declarations themselves are marked, never compiled.
    let generic: Vec<&str> = info.funcs.iter().filter(|f| f.generic).map(|f| f.name.as_str()).collect();
    assert!(generic.contains(&"Map") && generic.contains(&"(*Stack).Push"), "{generic:?}");
    assert_eq!(fx.ty("Stack[string]{}"), "main.Stack[string]");
}
