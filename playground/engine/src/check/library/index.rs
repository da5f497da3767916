//! A package's library Go cut into its top-level declarations without
//! parsing it: where each starts and ends, what it declares, and the
//! words of its text. The library's files are gofmt'd Go of our own, so a
//! declaration starts exactly at a line that begins with `func `, `type `,
//! `var ` or `const ` (a test checks every package against the parser).
//! Built once per process and package (the page's next Run reuses it).

use std::sync::OnceLock;

/// One package's declarations.
pub struct PkgIndex {
    /// The package's Go.
    pub text: &'static str,
    /// Where the package clause and imports end: the first declaration.
    pub header_end: u32,
    pub decls: Vec<Entry>,
    /// Whether it holds Go to compile: a function with a body or a
    /// variable with a value (else it declares natives only).
    pub has_go: bool,
    /// The declarations a word names: top-level ones by what they
    /// declare, methods by their name and by their receiver's base type.
    pub by_word: rustc_hash::FxHashMap<&'static str, Vec<(u32, Role)>>,
    /// The names declared (methods' too), by `fold(name)`: go/types
    /// suggests a name that differs only in case (`undefined: fmt.println
    /// (but have Println)`).
    pub by_folded: rustc_hash::FxHashMap<u64, Vec<&'static str>>,
}

/// A hash of a name that ignores case, as `strings.EqualFold` compares.
pub fn fold(name: &str) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    for c in name.chars() {
        for l in c.to_lowercase() {
            h.write_u32(l as u32);
        }
    }
    h.finish()
}

/// How a word names a declaration.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// A function, type, constant or variable it declares.
    Declared,
    /// A method's name.
    Method,
    /// A method's receiver's base type.
    Receiver,
}

/// One top-level declaration: a function, a method, or a `type`, `var`
/// or `const` declaration (a parenthesized group is one).
pub struct Entry {
    /// Where it starts, and where the next one does (comments between
    /// them included).
    pub start: u32,
    pub end: u32,
    /// A function's or method's body: where its `{` is.
    pub body_at: Option<u32>,
    pub kind: Kind,
    /// What it declares (the method's name for a method).
    pub names: Vec<&'static str>,
    words: OnceLock<Box<[&'static str]>>,
    sig_words: OnceLock<Box<[&'static str]>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Func { body: bool },
    /// A method, with its receiver's base type (`Reader` of `*Reader`,
    /// `Stack` of `Stack[T]`).
    Method { recv: &'static str, body: bool },
    Type,
    /// A `var` declaration, and whether a variable in it has a value.
    Var { value: bool },
    Const,
}

impl Entry {
    /// The identifier-like words of its own text (names it may use).
    pub fn words(&self, text: &'static str) -> &[&'static str] {
        self.words.get_or_init(|| words(text.get(self.start as usize..self.core_end(text)).unwrap_or("")).collect())
    }

    /// The words of its text up to its body, if it has one.
    pub fn signature_words(&self, text: &'static str) -> &[&'static str] {
        match self.body_at {
            Some(at) => self.sig_words.get_or_init(|| words(text.get(self.start as usize..at as usize).unwrap_or("")).collect()),
            None => self.words(text),
        }
    }

    /// Where its own text ends: its last line that is not blank or a
    /// comment, less a comment after the code (`var x = nil // why`).
    pub fn core_end(&self, text: &str) -> usize {
        let (start, mut end) = (self.start as usize, self.end as usize);
        while end > start {
            let line_start = text[start..end - 1].rfind('\n').map_or(start, |i| start + i + 1);
            let line = &text[line_start..end];
            if !(line.trim().is_empty() || line.starts_with("//")) {
                return line_start + trailing_comment(line).unwrap_or(line.trim_end().len());
            }
            end = line_start;
        }
        start
    }
}

pub(crate) use crate::stdlib::words;

/// The index of the library package with this import path, with its
/// `more` (fmt's scanning) when `with_more` and it has one.
pub fn index(path: &str, with_more: bool) -> Option<&'static PkgIndex> {
    static INDEXES: OnceLock<Box<[OnceLock<PkgIndex>]>> = OnceLock::new();
    static WITH_MORE: OnceLock<Box<[OnceLock<PkgIndex>]>> = OnceLock::new();
    let packages = crate::stdlib::PACKAGES;
    let i = packages.iter().position(|p| p.path == path)?;
    if with_more && packages[i].more.is_some() {
        let all = WITH_MORE.get_or_init(|| packages.iter().map(|_| OnceLock::new()).collect());
        // Built once per process: the joined text lives as long.
        return Some(all.get(i)?.get_or_init(|| build(Box::leak(packages[i].text(true).into_owned().into_boxed_str()))));
    }
    let all = INDEXES.get_or_init(|| packages.iter().map(|_| OnceLock::new()).collect());
    Some(all.get(i)?.get_or_init(|| build(packages[i].decls)))
}

const STARTS: [&str; 4] = ["func ", "type ", "var ", "const "];

fn build(text: &'static str) -> PkgIndex {
    let bytes = text.as_bytes();
    let mut starts: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if matches!(bytes[i], b'f' | b't' | b'v' | b'c') && STARTS.iter().any(|k| bytes[i..].starts_with(k.as_bytes())) {
            starts.push(i);
        }
        match bytes[i..].iter().position(|&b| b == b'\n') {
            Some(n) => i += n + 1,
            None => break,
        }
    }
    let mut idx = PkgIndex {
        text,
        header_end: starts.first().map_or(text.len(), |&s| s) as u32,
        decls: Vec::with_capacity(starts.len()),
        has_go: false,
        // Sized for every declaration's name (growing them cost a sixth of
        // the index's build).
        by_word: rustc_hash::FxHashMap::with_capacity_and_hasher(2 * starts.len(), Default::default()),
        by_folded: rustc_hash::FxHashMap::with_capacity_and_hasher(2 * starts.len(), Default::default()),
    };
    for (i, &start) in starts.iter().enumerate() {
        let end = starts.get(i + 1).copied().unwrap_or(text.len());
        let (kind, names, body_at) = describe(&text[start..end]);
        let n = idx.decls.len() as u32;
        for &name in &names {
            idx.by_folded.entry(fold(name)).or_default().push(name);
        }
        match kind {
            Kind::Method { recv, body } => {
                idx.has_go |= body;
                idx.by_word.entry(recv).or_default().push((n, Role::Receiver));
                for &name in &names {
                    idx.by_word.entry(name).or_default().push((n, Role::Method));
                }
            }
            _ => {
                idx.has_go |= matches!(kind, Kind::Func { body: true } | Kind::Var { value: true });
                for &name in &names {
                    idx.by_word.entry(name).or_default().push((n, Role::Declared));
                }
            }
        }
        let body_at = body_at.map(|b| (start + b) as u32);
        idx.decls.push(Entry { start: start as u32, end: end as u32, body_at, kind, names, words: OnceLock::new(), sig_words: OnceLock::new() });
    }
    idx
}

/// What one declaration's text declares, and where a function's body
/// opens.
fn describe(text: &'static str) -> (Kind, Vec<&'static str>, Option<usize>) {
    let first = text.split('\n').next().unwrap_or("");
    let ident = |s: &'static str| -> &'static str {
        let end = s.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(s.len());
        &s[..end]
    };
    if let Some(rest) = first.strip_prefix("func ") {
        let brace = body_brace(first);
        let body = brace.is_some();
        if let Some(recv) = rest.strip_prefix('(') {
            let close = recv.find(')').unwrap_or(recv.len());
            let base = recv[..close].rsplit(' ').next().unwrap_or("").trim_start_matches('*');
            let name = ident(recv[close..].trim_start_matches(')').trim_start());
            return (Kind::Method { recv: ident(base), body }, vec![name], brace);
        }
        return (Kind::Func { body }, vec![ident(rest)], brace);
    }
    let (kind, rest) = if let Some(r) = first.strip_prefix("type ") {
        (Kind::Type, r)
    } else if let Some(r) = first.strip_prefix("var ") {
        (Kind::Var { value: text.contains('=') }, r)
    } else {
        (Kind::Const, first.strip_prefix("const ").unwrap_or(""))
    };
    // A group: each spec is a line indented once that starts with names.
    let names = if rest.starts_with('(') {
        text.lines().skip(1).filter_map(|l| l.strip_prefix('\t')).filter(|l| l.starts_with(|c: char| c.is_alphabetic() || c == '_')).flat_map(name_list).collect()
    } else {
        name_list(rest)
    };
    (kind, names, None)
}

/// The names a spec line starts with (`a, b int` → `a`, `b`).
fn name_list(line: &'static str) -> Vec<&'static str> {
    let mut names = Vec::new();
    let mut rest = line;
    loop {
        let end = rest.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(rest.len());
        if end == 0 {
            break;
        }
        names.push(&rest[..end]);
        match rest[end..].strip_prefix(", ") {
            Some(r) => rest = r,
            None => break,
        }
    }
    names
}

/// Where a comment after code starts on a line: a ` //` outside string
/// literals.
fn trailing_comment(line: &str) -> Option<usize> {
    let at = line.find(" //")?;
    let before = &line[..at];
    (before.matches('"').count() % 2 == 0 && !before.contains('`')).then(|| before.trim_end().len())
}

/// Where a function's body opens on its first line: a ` {` outside the
/// parameter lists (gofmt writes `interface{`, `struct{` without a space).
fn body_brace(first: &str) -> Option<usize> {
    let mut depth = 0i32;
    let mut prev = b' ';
    for (i, &c) in first.as_bytes().iter().enumerate() {
        match c {
            b'(' | b'[' => depth += 1,
            b')' | b']' => depth -= 1,
            b'{' if depth == 0 && prev == b' ' => return Some(i),
            _ => {}
        }
        prev = c;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ast::{Decl, ExprKind};

    /// The index agrees with the parser on every package: one entry per
    /// declaration, the same names, kind, body and value.
    #[test]
    fn every_package_splits_as_it_parses() {
        for p in crate::stdlib::PACKAGES {
            // With its `more` (fmt's scanning), the declarations are cut as
            // they parse too.
            if p.more.is_some() {
                let text = p.text(true);
                let (file, diags) = crate::parser::parse_file(&crate::span::SourceFile::new(p.path, text.as_ref()));
                assert!(diags.is_empty(), "{} with more", p.path);
                assert_eq!(index(p.path, true).unwrap().decls.len(), file.decls.len(), "{} with more", p.path);
            }
            let idx = index(p.path, false).unwrap();
            let sf = crate::span::SourceFile::new(p.path, p.decls);
            let (file, diags) = crate::parser::parse_file(&sf);
            assert!(diags.is_empty(), "{}", p.path);
            assert_eq!(idx.decls.len(), file.decls.len(), "{}", p.path);
            let mut has_go = false;
            for (e, d) in idx.decls.iter().zip(&file.decls) {
                let (span, names, kind) = match d {
                    Decl::Func(f) => {
                        has_go |= f.body.is_some();
                        let body = f.body.is_some();
                        let kind = match &f.recv {
                            None => Kind::Func { body },
                            Some(r) => {
                                let mut t = r.ty.unparen();
                                if let ExprKind::Star(x) = &t.kind {
                                    t = x.unparen();
                                }
                                if let ExprKind::Index { x, .. } | ExprKind::IndexList { x, .. } = &t.kind {
                                    t = x.unparen();
                                }
                                let recv = match &t.kind {
                                    ExprKind::Ident(n) => n.clone(),
                                    _ => String::new(),
                                };
                                assert_eq!(e.kind, Kind::Method { recv: Box::leak(recv.into_boxed_str()), body }, "{} {}", p.path, f.name.name);
                                e.kind
                            }
                        };
                        (f.span, vec![f.name.name.clone()], kind)
                    }
                    Decl::Type(g) => (g.span, g.specs.iter().map(|s| s.name.name.clone()).collect(), Kind::Type),
                    Decl::Var(g) => {
                        let value = g.specs.iter().any(|s| !s.values.is_empty());
                        has_go |= value;
                        (g.span, g.specs.iter().flat_map(|s| s.names.iter().map(|n| n.name.clone())).collect(), Kind::Var { value })
                    }
                    Decl::Const(g) => (g.span, g.specs.iter().flat_map(|s| s.names.iter().map(|n| n.name.clone())).collect(), Kind::Const),
                };
                let core_end = e.core_end(p.decls) as u32;
                assert!(e.start <= span.start && span.end <= core_end && core_end <= e.end, "{}: {names:?}", p.path);
                let own: Vec<&str> = words(&p.decls[span.start as usize..span.end as usize]).collect();
                assert_eq!(e.words(p.decls), &own[..], "{}: {names:?}", p.path);
                if let Decl::Func(f) = d
                    && let Some(b) = &f.body
                {
                    assert_eq!(e.body_at, Some(b.span.start), "{}: {names:?}", p.path);
                    let sig: Vec<&str> = words(&p.decls[f.span.start as usize..b.span.start as usize]).collect();
                    assert_eq!(e.signature_words(p.decls), &sig[..], "{}: {names:?}", p.path);
                }
                assert_eq!(e.names, names, "{}", p.path);
                assert_eq!(e.kind, kind, "{}: {names:?}", p.path);
            }
            assert_eq!(idx.has_go, has_go, "{}", p.path);
            // The words are those the former splitter found.
            let old: Vec<&str> = p.decls.split(|c: char| !(c.is_alphanumeric() || c == '_')).filter(|w| !w.is_empty()).collect();
            assert_eq!(words(p.decls).collect::<Vec<_>>(), old, "{}", p.path);
        }
    }
}
