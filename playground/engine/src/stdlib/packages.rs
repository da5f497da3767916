//! The table of the standard library's packages: one row per package the
//! playground provides, found by its import path. A package's folder under
//! `stdlib/` holds its Go declarations (`<name>.go`): what the checker sees,
//! parsed and checked like the learner's code. A function or method there
//! without a body is native (Rust, looked up by its qualified name,
//! `"strings.Contains"`, `"strings.(*Builder).WriteString"`); a package
//! variable without an initializer is native too (`os.Stdout`). A function
//! or method with a body, and a variable with a value, are library Go:
//! checked and compiled like the learner's code (`check/library/`),
//! only for the programs that import the package. Unexported
//! helper types (`errors.errorString`) stand in for Go's implementation
//! types so that `%T` and method sets behave as in Go. The package's
//! natives are behind its row's `natives` (its folder's `mod.rs`), which
//! [`super::lookup`] calls for the names with its import path.
//!
//! Adding a package is adding its folder and a row here.

use crate::vm::NativeFn;

/// Go of a package that only some programs need, parsed, checked and
/// compiled only for a program whose text uses one of `words`: fmt's
/// scanning, whose 1,200 lines would double the cost of compiling every
/// program that prints. Its text starts with its own imports, which go
/// after the package clause. Only the learner's code may call it (the
/// words are looked for in the program alone).
pub(crate) struct More {
    pub words: &'static [&'static str],
    pub go: &'static str,
}

/// One package of the standard library.
pub(crate) struct Package {
    /// The import path.
    pub path: &'static str,
    /// Its Go declarations.
    pub decls: &'static str,
    /// Importing it links package `os` into the binary, as in Go (`fmt`,
    /// `log`... import `os`). Go's `os` starts a finalizer goroutine in
    /// its init, so the learner's first goroutine is 7 rather than 6.
    pub links_os: bool,
    /// The native behind a qualified name of the package
    /// (`"strings.(*Builder).WriteString"`), if it has one.
    pub natives: fn(&str) -> Option<NativeFn>,
    /// Go only the programs that use it get.
    pub more: Option<&'static More>,
}

const fn package(path: &'static str, decls: &'static str, links_os: bool, natives: fn(&str) -> Option<NativeFn>) -> Package {
    Package { path, decls, links_os, natives, more: None }
}

impl Package {
    /// Whether a program with this text gets the package's `more`.
    pub fn wants_more(&self, program: &str) -> bool {
        self.more.is_some_and(|m| words(program).any(|w| m.words.contains(&w)))
    }

    /// The package's Go: its declarations, with `more` if `with_more`
    /// (its imports after the package clause, the rest at the end).
    pub fn text(&self, with_more: bool) -> std::borrow::Cow<'static, str> {
        let Some(more) = self.more.filter(|_| with_more) else { return self.decls.into() };
        let (clause, rest) = self.decls.split_once('\n').unwrap_or((self.decls, ""));
        let split = more.go.find("\n)\n").map_or(0, |i| i + 3);
        let (imports, go) = more.go.split_at(split);
        format!("{clause}\n{imports}{rest}{go}").into()
    }
}

/// The identifier-like words of a text: runs of letters, digits and `_`.
pub(crate) fn words(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        // Skip to a word; then to its end (ASCII bytes decide at once).
        let is_word = |i: usize| match bytes[i] {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'_' => (true, 1),
            b if b < 0x80 => (false, 1),
            _ => {
                let c = text[i..].chars().next().unwrap_or(' ');
                (c.is_alphanumeric(), c.len_utf8())
            }
        };
        while i < bytes.len() {
            let (w, n) = is_word(i);
            if w {
                break;
            }
            i += n;
        }
        let start = i;
        while i < bytes.len() {
            let (w, n) = is_word(i);
            if !w {
                break;
            }
            i += n;
        }
        (i > start).then(|| &text[start..i])
    })
}

/// A library file as `build.rs` copies it: its comment lines emptied.
macro_rules! library_go {
    ($path:literal) => {
        include_str!(concat!(env!("OUT_DIR"), "/stdlib/", $path))
    };
}

/// fmt's scanning (Go's scan.go), for the programs that name it.
static FMT_SCAN: More = More {
    words: &["Scan", "Scanln", "Scanf", "Sscan", "Sscanln", "Sscanf", "Fscan", "Fscanln", "Fscanf", "ScanState", "Scanner"],
    go: library_go!("fmt/scan.go"),
};

/// A package that is all Go.
fn no_natives(_: &str) -> Option<NativeFn> {
    None
}

/// Library types whose values natives make (`*errors.errorString`,
/// `*strconv.NumError`): the compiler makes their runtime types and
/// methods whenever their package is imported, and the library loader
/// keeps them declared (`check/library/`).
pub(crate) const NATIVES_TYPES: &[(&str, &str)] = &[("errors", "errorString"), ("strconv", "NumError"), ("strings", "Builder"), ("sort", "reverse")];

/// Every package the playground provides.
pub(crate) static PACKAGES: &[Package] = &[
    // Print natives, Fprint* in Go; scanning is Go's scan.go.
    Package { more: Some(&FMT_SCAN), ..package("fmt", library_go!("fmt/fmt.go"), true, super::fmt::lookup) },
    package("errors", library_go!("errors/errors.go"), false, super::errors::lookup),
    // Go's own source: all Go.
    package("io", library_go!("io/io.go"), false, no_natives),
    package("os", library_go!("os/os.go"), true, super::os::lookup),
    // Go's own source: all Go.
    package("io/fs", library_go!("io/fs/fs.go"), false, no_natives),
    package("internal/oserror", library_go!("internal/oserror/oserror.go"), false, no_natives),
    // A sandbox without binaries, in Go.
    package("os/exec", library_go!("os/exec/exec.go"), true, no_natives),
    package("os/signal", library_go!("os/signal/signal.go"), true, super::os::signal::lookup),
    package("strings", library_go!("strings/strings.go"), false, super::strings::lookup),
    package("strconv", library_go!("strconv/strconv.go"), false, super::strconv::lookup),
    package("sort", library_go!("sort/sort.go"), false, super::sort::lookup),
    package("math", library_go!("math/math.go"), false, super::math::lookup),
    package("math/rand", concat!(library_go!("math/rand/rand.go"), library_go!("math/rand/cooked.go")), false, super::math::mathrand::lookup),
    package("math/rand/v2", library_go!("math/rand/v2/rand.go"), false, super::math::mathrand::v2::lookup),
    // All Go.
    package("math/bits", library_go!("math/bits/bits.go"), false, no_natives),
    // Go's own source: all Go, over math's natives and math/bits.
    package("math/cmplx", library_go!("math/cmplx/cmplx.go"), false, no_natives),
    package("unicode", library_go!("unicode/unicode.go"), false, super::unicode::lookup),
    package("unicode/utf8", library_go!("unicode/utf8/utf8.go"), false, super::unicode::utf8::lookup),
    package("runtime", library_go!("runtime/runtime.go"), false, super::runtime::lookup),
    // `Stack` is a request to the process (`chan.rs`).
    package("runtime/debug", library_go!("runtime/debug/debug.go"), true, super::runtime::debug::lookup),
    package("runtime/pprof", library_go!("runtime/pprof/pprof.go"), true, super::runtime::pprof::lookup),
    package("sync", library_go!("sync/sync.go"), false, super::sync::lookup),
    package("sync/atomic", library_go!("sync/atomic/atomic.go"), false, super::sync::atomic::lookup),
    package("iter", library_go!("iter/iter.go"), false, no_natives),
    package("maps", library_go!("maps/maps.go"), false, no_natives),
    package("slices", library_go!("slices/slices.go"), false, super::slices::lookup),
    // Generic, typed per call like `slices` (`check/generic.rs`).
    package("cmp", library_go!("cmp/cmp.go"), false, super::slices::lookup),
    package("time", library_go!("time/time.go"), false, super::time::lookup),
    package("context", library_go!("context/context.go"), false, super::context::lookup),
    package("bytes", library_go!("bytes/bytes.go"), false, super::bytes::lookup),
    // Go's API in Go; walking values native, over the runtime types.
    package("encoding/json", library_go!("encoding/json/json.go"), true, super::encoding::json::lookup),
    package("log", library_go!("log/log.go"), true, super::log::lookup),
    // Go's own source: all Go.
    package("bufio", library_go!("bufio/bufio.go"), false, no_natives),
    // Go's own source, adapted where the engine lacks a package (its header says where).
    package("flag", library_go!("flag/flag.go"), true, no_natives),
    // Signals, with `os/signal`'s natives.
    package("syscall", library_go!("syscall/syscall.go"), false, super::os::signal::lookup),
    // Go's own source: all Go.
    package("container/heap", library_go!("container/heap/heap.go"), false, no_natives),
    package("container/list", library_go!("container/list/list.go"), false, no_natives),
    package("container/ring", library_go!("container/ring/ring.go"), false, no_natives),
    package("text/tabwriter", library_go!("text/tabwriter/tabwriter.go"), true, no_natives),
    package("hash", library_go!("hash/hash.go"), false, no_natives),
    package("hash/fnv", library_go!("hash/fnv/fnv.go"), false, no_natives),
    // Go's own portable source (its header says how it is adapted).
    package("internal/bytealg", library_go!("internal/bytealg/bytealg.go"), false, no_natives),
    package("internal/byteorder", library_go!("internal/byteorder/byteorder.go"), false, no_natives),
    package("encoding/hex", library_go!("encoding/hex/hex.go"), true, no_natives),
    package("encoding/base64", library_go!("encoding/base64/base64.go"), false, no_natives),
    package("unicode/utf16", library_go!("unicode/utf16/utf16.go"), false, no_natives),
    // Go's own source, adapted where the engine lacks a package (its header says where).
    package("path", library_go!("path/path.go"), false, no_natives),
    package("gmp/sim", library_go!("gmp/sim/sim.go"), false, super::gmp::sim::lookup),
    package("golang.org/x/sync/errgroup", library_go!("golang.org/x/sync/errgroup/errgroup.go"), true, no_natives),
];

/// The package with this import path, if the playground provides it.
pub(crate) fn package_at(path: &str) -> Option<&'static Package> {
    PACKAGES.iter().find(|p| p.path == path)
}

/// Whether a program with these imports links package `os` (see
/// [`Package::links_os`]).
pub(crate) fn links_os<'a>(imports: impl IntoIterator<Item = &'a str>) -> bool {
    imports.into_iter().any(|path| package_at(path).is_some_and(|p| p.links_os))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_package_is_declared_once_under_its_own_name() {
        for (i, p) in PACKAGES.iter().enumerate() {
            assert!(PACKAGES[..i].iter().all(|q| q.path != p.path), "{} is in the table twice", p.path);
            let name = crate::types::package_name(p.path);
            let clause = p.decls.lines().find(|l| l.starts_with("package ")).unwrap_or("");
            assert_eq!(clause, format!("package {name}"), "{}'s declarations", p.path);
        }
    }

    /// The qualified names of a package's native declarations, as the
    /// checker forms them (`check/decl.rs`): body-less functions
    /// (`"strings.Contains"`) and methods (`"strings.(*Builder).Len"`,
    /// `"time.Duration.String"`), and variables without a value
    /// (`"os.Stdout"`).
    fn declared_natives(p: &Package) -> (Vec<String>, Vec<String>) {
        use crate::ast::{Decl, ExprKind};
        let sf = crate::span::SourceFile::new(format!("{}.go", p.path), p.text(true));
        let (file, diags) = crate::parser::parse_file(&sf);
        assert!(diags.is_empty(), "{}'s declarations do not parse", p.path);
        let (mut funcs, mut vars) = (Vec::new(), Vec::new());
        for d in &file.decls {
            match d {
                Decl::Func(f) if f.body.is_none() => {
                    let Some(recv) = &f.recv else {
                        funcs.push(format!("{}.{}", p.path, f.name.name));
                        continue;
                    };
                    let (mut rt, mut ptr) = (recv.ty.unparen(), false);
                    if let ExprKind::Star(x) = &rt.kind {
                        (rt, ptr) = (x.unparen(), true);
                    }
                    // A generic type's method (`(*Pointer[T]).Load`) is one
                    // native for every instance, named without `[T]`.
                    if let ExprKind::Index { x, .. } | ExprKind::IndexList { x, .. } = &rt.kind {
                        rt = x.unparen();
                    }
                    let ExprKind::Ident(base) = &rt.kind else { panic!("{}.{}: receiver", p.path, f.name.name) };
                    funcs.push(if ptr { format!("{}.(*{base}).{}", p.path, f.name.name) } else { format!("{}.{base}.{}", p.path, f.name.name) });
                }
                Decl::Var(g) => {
                    for spec in g.specs.iter().filter(|s| s.values.is_empty()) {
                        vars.extend(spec.names.iter().map(|n| format!("{}.{}", p.path, n.name)));
                    }
                }
                _ => {}
            }
        }
        (funcs, vars)
    }

    #[test]
    fn every_declared_native_resolves() {
        // Declared but not implemented yet: the compiler reports a use as
        // unsupported. (Remove a name from here when it gets its native.)
        const NOT_YET: &[&str] = &[
        ];
        let mut missing = Vec::new();
        let mut declared = 0;
        for p in PACKAGES {
            let (funcs, vars) = declared_natives(p);
            declared += funcs.len() + vars.len();
            for name in funcs.iter().chain(&vars) {
                assert_eq!(super::super::import_path(name), Some(p.path), "{name} is looked up in another package");
            }
            for name in &funcs {
                // A native, or a call the compiler turns into a request to
                // the process.
                let found = super::super::lookup(name).is_some()
                    || super::super::sys_id(name).is_some()
                    || super::super::runtime_op(name, 0).is_some();
                if !found {
                    missing.push(name.clone());
                }
            }
            for name in &vars {
                if super::super::native_var(name).and_then(super::super::lookup).is_none() {
                    missing.push(name.clone());
                }
            }
        }
        assert!(declared > 400, "only {declared} native declarations found");
        missing.sort();
        assert_eq!(missing, NOT_YET, "declared natives without an implementation");
    }

    /// The natives listed as calling Go code exist (a misspelt one would
    /// stop the run when its call blocks), under their instances' names
    /// too.
    #[test]
    fn natives_that_call_go_are_listed_by_real_names() {
        for name in super::super::REENTERING_NATIVES {
            assert!(super::super::lookup(name).is_some(), "{name}");
            assert!(super::super::reenters(name), "{name}");
        }
        assert!(super::super::reenters("slices.SortFunc.i"));
        assert!(super::super::reenters("fmt.Println"));
        assert!(!super::super::reenters("slices.Sort.i"));
        assert!(!super::super::reenters("strings.Contains"));
    }

    #[test]
    fn names_without_declarations_resolve_by_import_path() {
        // Builtins, generic instances (named with a kind suffix), the
        // methods of types only natives make, helpers of generated code.
        for name in [
            "builtin.panic",
            "builtin.min.i",
            "builtin.max.s",
            "slices.Sort.s",
            "cmp.Compare.f",
            "fmt.(*wrapError).Unwrap",
            "errors.(*joinError).Error",
            "context.deadlineExceededError.Error",
            "context.causeOf",
            "runtime/pprof.writeText",
        ] {
            assert!(super::super::lookup(name).is_some(), "{name}");
        }
        // A request to the process, a builtin compiled inline, no package,
        // not an import path, no member.
        for name in ["chan.make", "builtin.len", "no/such.F", "utf8.RuneLen", "strings", ""] {
            assert!(super::super::lookup(name).is_none(), "{name}");
        }
    }

    #[test]
    fn every_package_with_go_compiles_cleanly() {
        // The checker's side is `check::tests::stubs_check_cleanly`; the
        // compiler must take every library body too (its reports would
        // otherwise reach the learner).
        for p in PACKAGES {
            // A program may not import an internal package: its importers
            // (os, bytes, hash/fnv) compile it.
            if p.path.split('/').any(|e| e == "internal") {
                continue;
            }
            let src = crate::check::library::program_reaching_all(p.path);
            if let Err(e) = crate::compile("prog.go", &src) {
                panic!("{}: {}", p.path, e.render());
            }
        }
    }

    /// Hello world compiles fmt without scan.go (it would double its
    /// cost); a program that names a scanning function gets it, with its
    /// imports after the package clause.
    #[test]
    fn fmt_scanning_comes_only_with_programs_that_scan() {
        let fmt = package_at("fmt").expect("fmt");
        assert!(!fmt.wants_more("package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"scanning\")\n}\n"));
        assert!(fmt.wants_more("package main\n\nimport \"fmt\"\n\nfunc main() {\n\tvar n int\n\tfmt.Sscan(\"1\", &n)\n}\n"));
        assert!(!fmt.text(false).contains("func Sscan("));
        let with = fmt.text(true);
        assert!(with.contains("func Sscan(") && with.contains("func Println("));
        assert!(with.starts_with("package fmt\nimport (\n\t\"errors\""), "{}", &with[..60]);
        assert!(package_at("strings").is_some_and(|p| p.text(true) == p.decls));
    }

    #[test]
    fn links_os_follows_go_imports() {
        assert!(links_os(["fmt"]));
        assert!(links_os(["strings", "log"]));
        assert!(!links_os(["strings", "sync", "time"]));
        assert!(!links_os(["no/such/package"]));
    }
}
