//! What the go command reads of a file before the compiler sees it: the
//! package clause and the imports, byte by byte, as
//! `cmd/go/internal/imports.ReadImports` does. Only one of its verdicts
//! shows: a NUL byte among the bytes it read (all of them, when the header
//! did not parse) ends the build with `go: reading prog.go: unexpected NUL
//! in input` before anything else is looked at.

/// Whether `ReadImports` stops on a NUL byte in `src`.
pub(super) fn reads_nul(src: &[u8]) -> bool {
    let src = src.strip_prefix(b"\xef\xbb\xbf").unwrap_or(src);
    let mut r = Reader { src, pos: 0, peek: 0, err: None, eof: false };
    r.read_keyword(b"package");
    r.read_ident();
    while r.peek_byte(true) == b'i' {
        r.read_keyword(b"import");
        if r.peek_byte(true) == b'(' {
            r.next_byte(false);
            while r.peek_byte(true) != b')' && r.err.is_none() {
                r.read_import();
            }
            r.next_byte(false);
        } else {
            r.read_import();
        }
    }
    // After a syntax error the go command reads the rest of the file.
    if r.err == Some(Error::Syntax) {
        r.err = None;
        while r.err.is_none() && !r.eof {
            r.read_byte();
        }
    }
    r.err == Some(Error::Nul)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Error {
    Syntax,
    Nul,
}

struct Reader<'a> {
    src: &'a [u8],
    pos: usize,
    /// The byte looked at but not consumed; 0 for none.
    peek: u8,
    err: Option<Error>,
    eof: bool,
}

fn is_ident(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80
}

impl Reader<'_> {
    fn syntax_error(&mut self) {
        if self.err.is_none() {
            self.err = Some(Error::Syntax);
        }
    }

    fn read_byte(&mut self) -> u8 {
        let Some(&c) = self.src.get(self.pos) else {
            self.eof = true;
            return 0;
        };
        self.pos += 1;
        if c == 0 && self.err.is_none() {
            self.err = Some(Error::Nul);
        }
        c
    }

    fn peek_byte(&mut self, skip_space: bool) -> u8 {
        if self.err.is_some() {
            return 0;
        }
        let mut c = self.peek;
        if c == 0 {
            c = self.read_byte();
        }
        while self.err.is_none() && !self.eof {
            if skip_space {
                match c {
                    b' ' | b'\x0c' | b'\t' | b'\r' | b'\n' | b';' => {
                        c = self.read_byte();
                        continue;
                    }
                    b'/' => {
                        c = self.read_byte();
                        if c == b'/' {
                            while c != b'\n' && self.err.is_none() && !self.eof {
                                c = self.read_byte();
                            }
                        } else if c == b'*' {
                            let mut c1 = 0;
                            while (c != b'*' || c1 != b'/') && self.err.is_none() {
                                if self.eof {
                                    self.syntax_error();
                                }
                                (c, c1) = (c1, self.read_byte());
                            }
                        } else {
                            self.syntax_error();
                        }
                        c = self.read_byte();
                        continue;
                    }
                    _ => {}
                }
            }
            break;
        }
        self.peek = c;
        c
    }

    fn next_byte(&mut self, skip_space: bool) -> u8 {
        let c = self.peek_byte(skip_space);
        self.peek = 0;
        c
    }

    fn read_keyword(&mut self, kw: &[u8]) {
        self.peek_byte(true);
        for &k in kw {
            if self.next_byte(false) != k {
                self.syntax_error();
                return;
            }
        }
        if is_ident(self.peek_byte(false)) {
            self.syntax_error();
        }
    }

    fn read_ident(&mut self) {
        if !is_ident(self.peek_byte(true)) {
            self.syntax_error();
            return;
        }
        while is_ident(self.peek_byte(false)) {
            self.peek = 0;
        }
    }

    fn read_string(&mut self) {
        match self.next_byte(true) {
            b'`' => {
                while self.err.is_none() {
                    if self.next_byte(false) == b'`' {
                        break;
                    }
                    if self.eof {
                        self.syntax_error();
                    }
                }
            }
            b'"' => {
                while self.err.is_none() {
                    let c = self.next_byte(false);
                    if c == b'"' {
                        break;
                    }
                    if self.eof || c == b'\n' {
                        self.syntax_error();
                    }
                    if c == b'\\' {
                        self.next_byte(false);
                    }
                }
            }
            _ => self.syntax_error(),
        }
    }

    fn read_import(&mut self) {
        let c = self.peek_byte(true);
        if c == b'.' {
            self.peek = 0;
        } else if is_ident(c) {
            self.read_ident();
        }
        self.read_string();
    }
}

#[cfg(test)]
mod tests {
    use super::reads_nul;

    #[test]
    fn a_nul_counts_where_the_go_command_reads() {
        // In a comment of the header.
        assert!(reads_nul(b"package main\n\n// a\0\nimport \"fmt\"\n\nfunc main() {}\n"));
        // Right after the header: the byte that ends it is read too.
        assert!(reads_nul(b"package main\n\0func main() {}\n"));
        // Past a header the reader could not parse: the whole file.
        assert!(reads_nul(b"package main\n\nimport fmt\n\nfunc main() { println(\"a\0b\") }\n"));
        assert!(reads_nul(b"\xff\xfep\0a\0c\0k\0"));
        // In the body of a file whose header is fine: the compiler's error.
        assert!(!reads_nul(b"package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(\"a\0b\") }\n"));
        assert!(!reads_nul(b"package main\n"));
        assert!(!reads_nul(b""));
    }
}
