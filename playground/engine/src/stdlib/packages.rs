//! The table of the standard library's packages: one row per package the
//! playground provides, found by its import path. A package's folder under
//! `stdlib/` holds its Go declarations (`<name>.go`): what the checker sees,
//! parsed and checked like the learner's code. A function or method there
//! without a body is native (Rust, looked up by its qualified name,
//! `"strings.Contains"`, `"strings.(*Builder).WriteString"`); a package
//! variable without an initializer is native too (`os.Stdout`). Unexported
//! helper types (`errors.errorString`) stand in for Go's implementation
//! types so that `%T` and method sets behave as in Go.
//!
//! Adding a package is adding its folder and a row here.

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
}

const fn package(path: &'static str, decls: &'static str, links_os: bool) -> Package {
    Package { path, decls, links_os }
}

/// Every package the playground provides.
pub(crate) static PACKAGES: &[Package] = &[
    package("fmt", include_str!("fmt/fmt.go"), true),
    package("errors", include_str!("errors/errors.go"), false),
    package("io", include_str!("io/io.go"), false),
    package("os", include_str!("os/os.go"), true),
    package("os/signal", include_str!("os/signal/signal.go"), true),
    package("strings", include_str!("strings/strings.go"), false),
    package("strconv", include_str!("strconv/strconv.go"), false),
    package("sort", include_str!("sort/sort.go"), false),
    package("math", include_str!("math/math.go"), false),
    package("math/rand", include_str!("math/rand/rand.go"), false),
    package("unicode", include_str!("unicode/unicode.go"), false),
    package("unicode/utf8", include_str!("unicode/utf8/utf8.go"), false),
    package("runtime", include_str!("runtime/runtime.go"), false),
    package("runtime/debug", include_str!("runtime/debug/debug.go"), true),
    package("runtime/pprof", include_str!("runtime/pprof/pprof.go"), true),
    package("sync", include_str!("sync/sync.go"), false),
    package("sync/atomic", include_str!("sync/atomic/atomic.go"), false),
    package("slices", include_str!("slices/slices.go"), false),
    package("cmp", include_str!("cmp/cmp.go"), false),
    package("time", include_str!("time/time.go"), false),
    package("context", include_str!("context/context.go"), false),
    package("bytes", include_str!("bytes/bytes.go"), false),
    package("log", include_str!("log/log.go"), true),
    package("syscall", include_str!("syscall/syscall.go"), false),
    package("gmp/sim", include_str!("gmp/sim/sim.go"), false),
    package("golang.org/x/sync/errgroup", include_str!("golang.org/x/sync/errgroup/errgroup.go"), true),
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
            let name = p.path.rsplit('/').next().unwrap_or(p.path);
            let clause = p.decls.lines().find(|l| l.starts_with("package ")).unwrap_or("");
            assert_eq!(clause, format!("package {name}"), "{}'s declarations", p.path);
        }
    }

    #[test]
    fn links_os_follows_go_imports() {
        assert!(links_os(["fmt"]));
        assert!(links_os(["strings", "log"]));
        assert!(!links_os(["strings", "sync", "time"]));
        assert!(!links_os(["no/such/package"]));
    }
}
