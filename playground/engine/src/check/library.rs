//! The library Go a program checks against: each standard library package
//! it imports (transitively), parsed from `stdlib/<path>/<name>.go`.
//!
//! The files are laid out after the learner's as in Go's `token.FileSet`:
//! each starts at its own position (`SourceFile::base`) and numbers its
//! expressions after the files before it, so the checker's side tables
//! (keyed by `ExprId` and by position) and the compiler's line tables hold
//! the learner's code and the library's bodies without collisions. Only
//! the packages the program imports are loaded, and only those with Go
//! bodies are compiled.

use crate::ast;
use crate::span::SourceFile;

/// One package's Go, as loaded for a program.
pub struct LibFile {
    /// The import path (`math/rand`).
    pub path: String,
    /// Its source, named as in Go's tree (`math/rand/rand.go`).
    pub source: SourceFile,
    pub ast: ast::File,
    /// Whether it holds Go to compile: a function with a body or a
    /// variable with an initializer (else it is declarations of natives).
    pub has_go: bool,
}

/// The packages `file` imports, transitively, laid out after `src` in
/// Go's initialization order: each package after the packages it imports
/// (the checker initializes package variables in this order, so
/// `os.ErrClosed = fs.ErrClosed` finds `fs`'s set).
pub fn load(file: &ast::File, src: &SourceFile) -> Vec<LibFile> {
    let wants_more = |p: &crate::stdlib::Package| p.wants_more(&src.text);
    let order = dependency_order(imports(file), &wants_more);
    let mut libs: Vec<LibFile> = Vec::new();
    let (mut base, mut first_id) = (src.end() + 1, file.expr_count);
    for path in order {
        let Some(p) = crate::stdlib::package_at(&path) else { continue };
        let name = crate::types::package_name(&path);
        let source = SourceFile::library(format!("{path}/{name}.go"), p.text(wants_more(p)), base);
        let (ast, _) = crate::parser::parse_file_from(&source, first_id);
        base = source.end() + 1;
        first_id = ast.expr_count;
        let has_go = ast.decls.iter().any(|d| match d {
            ast::Decl::Func(f) => f.body.is_some(),
            ast::Decl::Var(g) => g.specs.iter().any(|s| !s.values.is_empty()),
            _ => false,
        });
        libs.push(LibFile { path, source, ast, has_go });
    }
    libs
}

/// The library packages reachable from `roots`, each after its imports
/// (a depth-first walk's postorder; the library has no import cycles,
/// and a bound keeps a malformed table from looping).
fn dependency_order(roots: Vec<String>, wants_more: &dyn Fn(&crate::stdlib::Package) -> bool) -> Vec<String> {
    let mut order: Vec<String> = Vec::new();
    let mut entered: Vec<String> = Vec::new();
    // (path, its imports still to visit)
    let mut stack: Vec<(String, Vec<String>)> = Vec::new();
    for root in roots.into_iter().rev() {
        if entered.contains(&root) {
            continue;
        }
        entered.push(root.clone());
        stack.push((root.clone(), package_imports(&root, wants_more)));
        while let Some((path, pending)) = stack.last_mut() {
            match pending.pop() {
                Some(next) if !entered.contains(&next) && entered.len() < 200 => {
                    entered.push(next.clone());
                    let more = package_imports(&next, wants_more);
                    stack.push((next, more));
                }
                Some(_) => {}
                None => {
                    order.push(path.clone());
                    stack.pop();
                }
            }
        }
    }
    order
}

/// The imports of a library package, in reverse (the walk pops them).
fn package_imports(path: &str, wants_more: &dyn Fn(&crate::stdlib::Package) -> bool) -> Vec<String> {
    let Some(p) = crate::stdlib::package_at(path) else { return Vec::new() };
    // Only the head, up to the first declaration: the imports come first
    // (parsing the whole of bufio's Go to read them cost 7% of a run).
    let head = p
        .text(wants_more(p))
        .lines()
        .take_while(|l| !["func ", "type ", "var ", "const ", "//line "].iter().any(|k| l.starts_with(k)))
        .collect::<Vec<_>>()
        .join("\n");
    let source = SourceFile::new(path.to_string(), head);
    let (ast, _) = crate::parser::parse_file(&source);
    let mut paths = imports(&ast);
    paths.reverse();
    paths
}

fn imports(file: &ast::File) -> Vec<String> {
    file.imports
        .iter()
        .filter_map(|i| crate::lexer::decode_string(&i.path.text).ok())
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .collect()
}

/// Method names the engine's natives call on the program's values (fmt's
/// `String`, `Error`, `Format`, `GoString`; `Write` for log's output;
/// errors' `Unwrap`, `Is`, `As`; sort's `Len`, `Less`, `Swap`; context's
/// `Done`, `Err`, `Value`, `Deadline`; `Timeout`, `Temporary`,
/// `RuntimeError`): a library method of one of these names is always
/// reachable.
const CALLED_BY_NATIVES: &[&str] = &[
    "String", "Error", "Format", "GoString", "Write", "Unwrap", "Is", "As", "Len", "Less", "Swap", "Done", "Err", "Value", "Deadline",
    "Timeout", "Temporary", "RuntimeError",
];

/// The library functions and methods a program can reach, by the start
/// of their name: from the words of the program's text, the library's
/// variable declarations and `init` functions, and the names above, every
/// function or method whose name one of them uses, then the words of its
/// own text, until nothing new is reached. Words, not resolved names: a
/// field, a local or a comment that shares a name keeps a function too,
/// which costs only time; a call the program can make is never missed
/// (an interface call names its method, a function value its function).
pub fn reachable(src: Option<&SourceFile>, libs: &[LibFile]) -> rustc_hash::FxHashSet<u32> {
    use rustc_hash::FxHashSet as HashSet;
    let mut names: HashSet<&str> = CALLED_BY_NATIVES.iter().copied().collect();
    let mut reached = HashSet::default();
    if let Some(src) = src {
        names.extend(words(&src.text));
    }
    // encoding/json's natives call `RawMessage`'s methods, and the
    // decoder's helper for a `time.Time`, which only a program that
    // names the type can hold (it costs compiling time.Parse).
    if libs.iter().any(|l| crate::stdlib::walks_fields(&l.path)) {
        names.extend(["MarshalJSON", "UnmarshalJSON"]);
        if src.is_some_and(|src| src.text.contains("Time")) {
            names.insert("unmarshalTime");
        }
    }
    let text_of = |lib: &'_ LibFile, span: crate::span::Span| -> Option<(usize, usize)> {
        let base = lib.source.base as usize;
        let (a, b) = (span.start as usize, span.end as usize);
        (a >= base && b >= a).then(|| (a - base, b - base))
    };
    let mut funcs: Vec<(&str, u32, &str)> = Vec::new();
    for lib in libs.iter().filter(|l| l.has_go) {
        for d in &lib.ast.decls {
            let span = match d {
                ast::Decl::Var(g) => g.span,
                ast::Decl::Func(f) if f.body.is_some() => f.span,
                _ => continue,
            };
            let Some((a, b)) = text_of(lib, span) else { continue };
            let text = lib.source.text.get(a..b).unwrap_or("");
            match d {
                ast::Decl::Func(f) if f.name.name != "init" => funcs.push((f.name.name.as_str(), f.name.span.start, text)),
                ast::Decl::Func(f) => {
                    reached.insert(f.name.span.start);
                    names.extend(words(text));
                }
                _ => names.extend(words(text)),
            }
        }
    }
    let mut grew = true;
    while grew {
        grew = false;
        for &(name, at, text) in &funcs {
            if !reached.contains(&at) && names.contains(name) {
                reached.insert(at);
                names.extend(words(text));
                grew = true;
            }
        }
    }
    reached
}

use crate::stdlib::words;

/// A program that imports package `path` and reaches every function and
/// method of its Go (a comment holding every word of it), for the tests
/// that check and compile the whole library.
#[cfg(test)]
pub(crate) fn program_reaching_all(path: &str) -> String {
    let decls = crate::stdlib::package_at(path).map_or("".into(), |p| p.text(true));
    let all: Vec<&str> = words(&decls).collect();
    format!("package main\nimport _ \"{path}\"\n// {}\nfunc main() {{}}\n", all.join(" "))
}
