//! The library Go a program checks against: each standard library package
//! it imports (transitively), parsed from `stdlib/<path>/<name>.go`.
//!
//! The files are laid out after the learner's as in Go's `token.FileSet`:
//! each starts at its own position (`SourceFile::base`) and numbers its
//! expressions after the files before it, so the checker's side tables
//! (keyed by `ExprId` and by position) and the compiler's line tables hold
//! the learner's code and the library's bodies without collisions. Only
//! the packages the program imports are loaded; of them, only the
//! declarations the program can reach are parsed (`index.rs` cuts a
//! package into declarations, `reach` picks them), and only the packages
//! with Go bodies are compiled.

use crate::ast;
use crate::span::SourceFile;

mod index;

/// One package's Go, as loaded for a program.
pub struct LibFile {
    /// The import path (`math/rand`).
    pub path: String,
    /// Its source, named as in Go's tree (`math/rand/rand.go`).
    pub source: SourceFile,
    /// The declarations of it the program can reach (`reach`), parsed;
    /// a function whose body it cannot reach has an empty one.
    pub ast: ast::File,
    /// Whether it holds Go to compile: a function with a body or a
    /// variable with a value (else it is declarations of natives).
    pub has_go: bool,
    /// The functions and methods whose bodies the program can reach, by
    /// the position of their declaration.
    pub bodies: Vec<u32>,
    /// Whether declarations of it were left out.
    pub partial: bool,
}

/// The packages `file` imports, transitively, laid out after `src` in
/// Go's initialization order: each package after the packages it imports
/// (the checker initializes package variables in this order, so
/// `os.ErrClosed = fs.ErrClosed` finds `fs`'s set). Of each, only the
/// declarations the program can reach are parsed (`reach`).
pub fn load(file: &ast::File, src: &SourceFile) -> Vec<LibFile> {
    // A package's `more` (fmt's scanning) only for a program that names it.
    let more = |path: &str| crate::stdlib::package_at(path).is_some_and(|p| p.wants_more(&src.text));
    let order = dependency_order(imports(file), &more);
    let pkgs: Vec<(String, &'static index::PkgIndex)> = order.into_iter().filter_map(|p| Some((p.clone(), index::index(&p, more(&p))?))).collect();
    // encoding/json's natives call the Marshaler and TextMarshaler
    // methods (`RawMessage`'s, `time.Time`'s), and the decoder's helper for
    // a `time.Time`, which only a program that names the type can hold (it
    // costs compiling time.Parse).
    let mut called: Vec<&'static str> = Vec::new();
    if pkgs.iter().any(|(p, _)| crate::stdlib::walks_fields(p)) {
        called.extend(["MarshalJSON", "UnmarshalJSON", "MarshalText", "UnmarshalText"]);
        if src.text.contains("Time") {
            called.push("unmarshalTime");
        }
    }
    let reached = reach(&src.text, &called, &pkgs.iter().map(|(_, i)| *i).collect::<Vec<_>>());
    let mut libs: Vec<LibFile> = Vec::new();
    let (mut base, mut first_id) = (src.end() + 1, file.expr_count);
    for ((path, idx), reached) in pkgs.into_iter().zip(reached) {
        let name = crate::types::package_name(&path);
        let source = SourceFile::library(format!("{path}/{name}.go"), idx.text, base);
        let mut ranges = vec![(0, idx.header_end, false)];
        let mut bodies = Vec::new();
        for (d, r) in idx.decls.iter().zip(&reached) {
            match (r, d.body_at) {
                (Reach::Out, _) => {}
                (Reach::Declaration, Some(at)) => ranges.push((d.start, at, true)),
                (Reach::Body, Some(_)) => {
                    bodies.push(base + d.start);
                    ranges.push((d.start, d.end, false));
                }
                (_, None) => ranges.push((d.start, d.end, false)),
            }
        }
        let ast = crate::parser::parse_ranges(&source, &ranges, first_id);
        base = source.end() + 1;
        first_id = ast.expr_count;
        let partial = reached.iter().any(|r| *r == Reach::Out);
        libs.push(LibFile { path, source, ast, has_go: idx.has_go, bodies, partial });
    }
    libs
}

/// The library packages reachable from `roots`, each after its imports
/// (a depth-first walk's postorder; the library has no import cycles,
/// and a bound keeps a malformed table from looping).
fn dependency_order(roots: Vec<String>, more: &dyn Fn(&str) -> bool) -> Vec<String> {
    let mut order: Vec<String> = Vec::new();
    let mut entered: Vec<String> = Vec::new();
    // (path, its imports still to visit)
    let mut stack: Vec<(String, Vec<String>)> = Vec::new();
    for root in roots.into_iter().rev() {
        if entered.contains(&root) {
            continue;
        }
        entered.push(root.clone());
        stack.push((root.clone(), package_imports(&root, more)));
        while let Some((path, pending)) = stack.last_mut() {
            match pending.pop() {
                Some(next) if !entered.contains(&next) && entered.len() < 200 => {
                    entered.push(next.clone());
                    let imports = package_imports(&next, more);
                    stack.push((next, imports));
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
fn package_imports(path: &str, more: &dyn Fn(&str) -> bool) -> Vec<String> {
    let Some(idx) = index::index(path, more(path)) else { return Vec::new() };
    // Only the head, up to the first declaration: the imports come first
    // (parsing the whole of bufio's Go to read them cost 7% of a run).
    let source = SourceFile::new(path.to_string(), idx.text.get(..idx.header_end as usize).unwrap_or(""));
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

/// How much of a declaration a program can reach.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Reach {
    Out,
    /// Its declaration (a function's signature): what the checker needs
    /// to check the code that names it.
    Declaration,
    /// A function's body too: it is checked and compiled.
    Body,
}

/// The set of words reached so far, and those still to follow.
#[derive(Default)]
struct Names<'a> {
    seen: rustc_hash::FxHashSet<&'a str>,
    new: Vec<&'a str>,
}

impl<'a> Names<'a> {
    fn add(&mut self, words: impl IntoIterator<Item = &'a str>) {
        for w in words {
            if self.seen.insert(w) {
                self.new.push(w);
            }
        }
    }
}

/// What of each package's declarations a program can reach, by the words
/// that name them. Words, not resolved names: a field, a local or a
/// comment that shares a name keeps a declaration too, which costs only
/// time; a name the program can use is never missed.
///
/// Bodies: from the words of the program's text, the library's variable
/// declarations and `init` functions, and the method names natives call,
/// every function or method whose name one of them uses, then the words
/// of its own text, until nothing new is reached. (Which bodies are
/// compiled decides which string constants a run allocates, and so the
/// numbers of its objects: this rule is kept as it was when every
/// declaration was parsed.)
///
/// Declarations: the bodies reached, the variables with a value, and
/// from their words, every function, type, constant or variable that one
/// names, and every method that one names on a type reached, then the
/// words of its declaration (its signature, for a function whose body is
/// not reached), until nothing new is reached. A reachable interface's
/// methods are words of its declaration, so every type reached keeps the
/// methods that make it satisfy the interfaces the program can use.
fn reach(user: &str, called: &[&'static str], pkgs: &[&'static index::PkgIndex]) -> Vec<Vec<Reach>> {
    use index::{Kind, Role};
    let mut reached: Vec<Vec<Reach>> = pkgs.iter().map(|p| vec![Reach::Out; p.decls.len()]).collect();
    let mut names = Names::default();
    names.add(index::words(user).chain(CALLED_BY_NATIVES.iter().copied()).chain(called.iter().copied()));
    for (pi, p) in pkgs.iter().enumerate().filter(|(_, p)| p.has_go) {
        for (di, d) in p.decls.iter().enumerate() {
            match d.kind {
                Kind::Var { .. } => names.add(d.words(p.text).iter().copied()),
                Kind::Func { body: true } if d.names.first() == Some(&"init") => {
                    reached[pi][di] = Reach::Body;
                    names.add(d.words(p.text).iter().copied());
                }
                _ => {}
            }
        }
    }
    // What the words of the bodies name, for the declarations below.
    let mut named: Vec<(usize, u32, Role)> = Vec::new();
    while let Some(w) = names.new.pop() {
        for (pi, p) in pkgs.iter().enumerate() {
            for &(di, role) in p.by_word.get(w).into_iter().flatten() {
                named.push((pi, di, role));
                let d = &p.decls[di as usize];
                if role != Role::Receiver && d.body_at.is_some() && reached[pi][di as usize] != Reach::Body {
                    reached[pi][di as usize] = Reach::Body;
                    names.add(d.words(p.text).iter().copied());
                }
            }
        }
    }
    // Declarations, from every word the bodies reached, and the names
    // that differ from the program's words only in case (go/types names
    // them in its errors).
    names.add(crate::stdlib::NATIVES_TYPES.iter().map(|(_, n)| *n));
    for w in index::words(user) {
        let f = index::fold(w);
        for p in pkgs {
            names.add(p.by_folded.get(&f).into_iter().flatten().copied());
        }
    }
    let include = |pi: usize, di: u32, role: Role, names: &mut Names<'_>, reached: &mut Vec<Vec<Reach>>| {
        let p = pkgs[pi];
        let d = &p.decls[di as usize];
        let named = match (role, d.kind) {
            (Role::Declared, _) => true,
            (Role::Method, Kind::Method { recv, .. }) => names.seen.contains(recv),
            _ => d.names.iter().any(|n| names.seen.contains(n)),
        };
        if named && reached[pi][di as usize] == Reach::Out {
            reached[pi][di as usize] = Reach::Declaration;
            names.add(d.signature_words(p.text).iter().copied());
        }
    };
    for (pi, p) in pkgs.iter().enumerate().filter(|(_, p)| p.has_go) {
        for (di, d) in p.decls.iter().enumerate() {
            if let Kind::Var { value: true } = d.kind {
                include(pi, di as u32, Role::Declared, &mut names, &mut reached);
            }
        }
    }
    for (pi, di, role) in named {
        include(pi, di, role, &mut names, &mut reached);
    }
    while let Some(w) = names.new.pop() {
        for (pi, p) in pkgs.iter().enumerate() {
            for &(di, role) in p.by_word.get(w).into_iter().flatten() {
                include(pi, di, role, &mut names, &mut reached);
            }
        }
    }
    reached
}

/// A program that imports package `path` and reaches every function and
/// method of its Go (a comment holding every word of it), for the tests
/// that check and compile the whole library.
#[cfg(test)]
pub(crate) fn program_reaching_all(path: &str) -> String {
    let decls = crate::stdlib::package_at(path).map_or("".into(), |p| p.text(true));
    let all: Vec<&str> = index::words(&decls).collect();
    format!("package main\nimport _ \"{path}\"\n// {}\nfunc main() {{}}\n", all.join(" "))
}
