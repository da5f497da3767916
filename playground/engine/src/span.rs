//! Source positions. Everything the front end produces carries a `Span`, so
//! a diagnostic, a goroutine dump or a leak report can say `file:line:col`.

/// A byte range in one source file. Half-open: `start..end`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span { start: start as u32, end: end as u32 }
    }

    pub fn to(self, other: Span) -> Span {
        Span { start: self.start.min(other.start), end: self.end.max(other.end) }
    }
}

/// A 1-based line and column, as Go prints them. Columns count bytes, as
/// the go tool does (a tab is one column).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineCol {
    pub line: u32,
    pub col: u32,
}

/// Maps byte offsets of one file to lines and columns.
#[derive(Clone, Debug)]
pub struct SourceFile {
    pub name: String,
    pub text: String,
    line_starts: Vec<u32>,
    /// Where `text` holds a U+FFFD standing for one byte of the file that
    /// was not UTF-8 (offsets into `text`, ascending). Go reads such a byte
    /// as one character with an `invalid UTF-8 encoding` error and counts
    /// it as one column; [`SourceFile::line_col`] does too.
    invalid: Vec<u32>,
    /// The file began with FF FE or FE FF: a UTF-16 byte order mark.
    utf16_bom: bool,
    /// The position of the file's first byte. The learner's file starts
    /// at 0; each library file loaded beside it starts after the files
    /// before it (as in Go's `token.FileSet`), so a `Span` names one file
    /// and tables keyed by position never mix files.
    pub base: u32,
    /// `//line file:N` directives (library files only): from the physical
    /// line after the directive (0-based), lines count from `N` of `file`
    /// (a name beside this file's). Library Go uses them to put a
    /// function's lines where Go's own source has them, so its frames
    /// print Go's files and line numbers.
    line_directives: Vec<(u32, u32, String)>,
}

/// Each stand-in is three bytes of `text` for one byte of the file.
const STAND_IN_EXTRA: u32 = (char::REPLACEMENT_CHARACTER.len_utf8() - 1) as u32;

impl SourceFile {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> SourceFile {
        SourceFile::with_invalid(name.into(), text.into(), Vec::new())
    }

    /// A file read as bytes, which need not be UTF-8: each byte that does
    /// not start a valid UTF-8 sequence (Go's `utf8.DecodeRune` returning
    /// `RuneError` of width 1) becomes one U+FFFD in `text`, remembered so
    /// that the lexer reports it and columns still count the file's bytes.
    pub fn from_bytes(name: impl Into<String>, bytes: &[u8]) -> SourceFile {
        let mut text = String::with_capacity(bytes.len());
        let mut invalid = Vec::new();
        let mut rest = bytes;
        loop {
            match std::str::from_utf8(rest) {
                Ok(valid) => {
                    text.push_str(valid);
                    break;
                }
                Err(e) => {
                    let (valid, after) = rest.split_at(e.valid_up_to());
                    // The first `valid_up_to` bytes are UTF-8.
                    text.push_str(std::str::from_utf8(valid).unwrap_or_default());
                    // Every byte of an invalid sequence is a character of its
                    // own for Go (its continuation bytes cannot start one).
                    let bad = e.error_len().unwrap_or(after.len());
                    for _ in 0..bad {
                        invalid.push(text.len() as u32);
                        text.push(char::REPLACEMENT_CHARACTER);
                    }
                    rest = &after[bad..];
                }
            }
        }
        let mut file = SourceFile::with_invalid(name.into(), text, invalid);
        file.utf16_bom = bytes.starts_with(b"\xff\xfe") || bytes.starts_with(b"\xfe\xff");
        file
    }

    fn with_invalid(name: String, text: String, invalid: Vec<u32>) -> SourceFile {
        let mut line_starts = vec![0];
        for (i, b) in text.bytes().enumerate() {
            if b == b'\n' {
                line_starts.push(i as u32 + 1);
            }
        }
        SourceFile { name, text, line_starts, invalid, utf16_bom: false, base: 0, line_directives: Vec::new() }
    }

    /// A file of library Go at position `base`, honouring its `//line`
    /// directives.
    pub fn library(name: impl Into<String>, text: impl Into<String>, base: u32) -> SourceFile {
        let mut f = SourceFile::new(name, text);
        f.base = base;
        let dir = f.name.rsplit_once('/').map_or("", |(d, _)| d).to_string();
        for (i, line) in f.text.lines().enumerate() {
            let Some((file, n)) = line.strip_prefix("//line ").and_then(|at| at.rsplit_once(':')) else { continue };
            if let Ok(n) = n.trim().parse::<u32>() {
                let name = if dir.is_empty() { file.to_string() } else { format!("{dir}/{file}") };
                f.line_directives.push((i as u32 + 1, n, name));
            }
        }
        f
    }

    /// The name of the file position `pos` belongs to, after `//line`
    /// directives (`math/rand/rng.go`).
    pub fn name_at(&self, pos: u32) -> &str {
        match self.directive_at(self.physical_line(pos.saturating_sub(self.base))) {
            Some((_, _, name)) => name,
            None => &self.name,
        }
    }

    /// The 0-based line of byte `offset`.
    fn physical_line(&self, offset: u32) -> u32 {
        match self.line_starts.binary_search(&offset) {
            Ok(i) => i as u32,
            Err(i) => i as u32 - 1,
        }
    }

    /// The `//line` directive in force on 0-based line `line`.
    fn directive_at(&self, line: u32) -> Option<&(u32, u32, String)> {
        let i = self.line_directives.partition_point(|&(from, _, _)| from <= line);
        i.checked_sub(1).map(|i| &self.line_directives[i])
    }

    /// The position just past the file's last byte.
    pub fn end(&self) -> u32 {
        self.base + self.text.len() as u32
    }

    /// Whether position `pos` lies in this file.
    pub fn contains(&self, pos: u32) -> bool {
        (self.base..=self.end()).contains(&pos)
    }

    /// Whether the U+FFFD at `offset` of `text` stands for a byte that was
    /// not UTF-8 (rather than being written in the file).
    pub fn is_invalid_byte(&self, offset: u32) -> bool {
        !self.invalid.is_empty() && self.invalid.binary_search(&offset).is_ok()
    }

    /// Whether the file began with a UTF-16 byte order mark (so it is not
    /// UTF-8 from its first byte).
    pub fn starts_with_utf16_bom(&self) -> bool {
        self.utf16_bom
    }

    /// The offsets of the stand-ins for bytes that were not UTF-8.
    pub fn invalid_bytes(&self) -> &[u32] {
        &self.invalid
    }

    pub fn line_col(&self, pos: u32) -> LineCol {
        let offset = pos.saturating_sub(self.base);
        let line = self.physical_line(offset) as usize;
        let start = self.line_starts[line];
        let mut col = offset - start + 1;
        if !self.invalid.is_empty() {
            let from = self.invalid.partition_point(|&p| p < start);
            let to = self.invalid.partition_point(|&p| p < offset);
            col -= (to - from) as u32 * STAND_IN_EXTRA;
        }
        let line = match self.directive_at(line as u32) {
            Some(&(from, n, _)) => n + (line as u32 - from),
            None => line as u32 + 1,
        };
        LineCol { line, col }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_are_one_based_bytes() {
        let f = SourceFile::new("prog.go", "package main\n\nfunc main() {\n\tx := 1\n}\n");
        assert_eq!(f.line_col(0), LineCol { line: 1, col: 1 });
        assert_eq!(f.line_col(8), LineCol { line: 1, col: 9 });
        let x = f.text.find('x').unwrap() as u32;
        assert_eq!(f.line_col(x), LineCol { line: 4, col: 2 });
        assert_eq!(f.line_col(f.text.len() as u32), LineCol { line: 6, col: 1 });
    }

    #[test]
    fn a_library_file_sits_at_its_base_and_follows_line_directives() {
        let text = "package p\n//line q.go:100\nfunc F() {\n\tx()\n}\n";
        let f = SourceFile::library("a/p/p.go", text, 1000);
        let at = |needle: &str| 1000 + f.text.find(needle).unwrap() as u32;
        assert_eq!(f.line_col(at("package")), LineCol { line: 1, col: 1 });
        assert_eq!(f.name_at(at("package")), "a/p/p.go");
        assert_eq!(f.line_col(at("func")), LineCol { line: 100, col: 1 });
        assert_eq!(f.line_col(at("x()")), LineCol { line: 101, col: 2 });
        assert_eq!(f.name_at(at("x()")), "a/p/q.go");
        assert!(f.contains(at("x()")) && !f.contains(999) && f.end() == 1000 + text.len() as u32);
    }

    #[test]
    fn bytes_that_are_not_utf8_count_one_column_each() {
        // E2 82 is a truncated sequence: two characters for Go.
        let f = SourceFile::from_bytes("prog.go", b"a\xffb\n\xe2\x82c \xc3\xa9d\xc0");
        assert_eq!(f.text, "a\u{fffd}b\n\u{fffd}\u{fffd}c \u{e9}d\u{fffd}");
        assert_eq!(f.invalid_bytes().len(), 4);
        let at = |needle: char| f.text.find(needle).unwrap() as u32;
        assert_eq!(f.line_col(at('b')), LineCol { line: 1, col: 3 });
        assert_eq!(f.line_col(at('c')), LineCol { line: 2, col: 3 });
        assert_eq!(f.line_col(at('d')), LineCol { line: 2, col: 7 });
        assert!(f.is_invalid_byte(1));
        assert!(!SourceFile::new("x.go", "\u{fffd}").is_invalid_byte(0));
        assert!(SourceFile::from_bytes("x.go", "ok \u{fffd}".as_bytes()).invalid_bytes().is_empty());
    }
}
