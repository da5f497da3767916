//! Lexer tests: every literal form, semicolon insertion, each error and its
//! position (positions checked against what `go build` reports).

use super::*;
use crate::token::TokenKind::*;
use std::string::String as Str;

fn lex(src: &str) -> (Vec<(TokenKind, Str)>, Vec<Str>) {
    let file = SourceFile::new("prog.go", src);
    let (toks, diags) = tokenize(&file);
    let toks = toks
        .iter()
        .map(|t| {
            (
                t.kind,
                file.text[t.span.start as usize..t.span.end as usize].to_string(),
            )
        })
        .collect();
    let diags = diags
        .iter()
        .map(|d| {
            let lc = file.line_col(d.span.start);
            format!("{}:{}: {}", lc.line, lc.col, d.message)
        })
        .collect();
    (toks, diags)
}

fn kinds(src: &str) -> Vec<TokenKind> {
    let (toks, diags) = lex(src);
    assert!(diags.is_empty(), "{src:?}: {diags:?}");
    toks.into_iter().map(|(k, _)| k).collect()
}

/// The single token `src` lexes to (before the inserted semicolon).
fn one(src: &str) -> (TokenKind, Str) {
    let (toks, diags) = lex(src);
    assert!(diags.is_empty(), "{src:?}: {diags:?}");
    toks.into_iter().next().expect("a token")
}

fn errors(src: &str) -> Vec<Str> {
    lex(src).1
}

const NL: TokenKind = Semi(SemiKind::Newline);
const EOFSEMI: TokenKind = Semi(SemiKind::Eof);

#[test]
fn identifiers_and_keywords() {
    assert_eq!(
        kinds("foo _x9 ünïcode 日本"),
        vec![Ident, Ident, Ident, Ident, EOFSEMI, Eof]
    );
    let all = "break case chan const continue default defer else fallthrough for func go goto if \
               import interface map package range return select struct switch type var";
    let ks = kinds(all);
    assert_eq!(ks.len(), 25 + 1);
    assert!(ks[..25].iter().all(|k| k.is_keyword()), "{ks:?}");
    assert_eq!(
        kinds("iota nil true"),
        vec![Ident, Ident, Ident, EOFSEMI, Eof]
    );
}

#[test]
fn operators_and_punctuation() {
    let src = "+ - * / % & | ^ << >> &^ += -= *= /= %= &= |= ^= <<= >>= &^= && || <- ++ -- == < > = ! ~ != <= >= := ... ( [ { , . ; :";
    let (toks, diags) = lex(src);
    assert!(diags.is_empty());
    let texts: Vec<Str> = toks.iter().map(|(_, t)| t.clone()).collect();
    let want: Vec<&str> = src.split(' ').collect();
    assert_eq!(&texts[..want.len()], &want[..]);
    let ks: Vec<TokenKind> = toks.iter().map(|(k, _)| *k).collect();
    let kind_of = |t: &str| ks[want.iter().position(|w| *w == t).expect("listed")];
    assert_eq!(kind_of("+="), OpAssign(AssignOp::Add));
    assert_eq!(kind_of("&^="), OpAssign(AssignOp::AndNot));
    assert_eq!(kind_of("&^"), AndNot);
    assert_eq!(kind_of("..."), Ellipsis);
    assert_eq!(kind_of(";"), Semi(SemiKind::Explicit));
    assert_eq!(kind_of("<-"), Arrow);
    assert_eq!(kind_of("~"), Tilde);
    // Closing brackets end statements.
    assert_eq!(
        kinds(")\n]\n}\n"),
        vec![RParen, NL, RBrack, NL, RBrace, NL, Eof]
    );
    // `..` is two periods; `.5` is a number.
    assert_eq!(
        kinds("a..b"),
        vec![Ident, Period, Period, Ident, EOFSEMI, Eof]
    );
    assert_eq!(kinds(".5"), vec![Float, EOFSEMI, Eof]);
}

#[test]
fn integer_literals() {
    for s in [
        "42",
        "0",
        "0x2A",
        "0X2a",
        "0o52",
        "0O52",
        "052",
        "0b101010",
        "0B1",
        "1_000_000",
        "0x_FF",
        "0_7",
    ] {
        assert_eq!(one(s).0, Int, "{s}");
    }
    let int = |s: &str| decode_int(s).map(|i| i.to_string());
    assert_eq!(int("42"), Ok("42".into()));
    assert_eq!(int("0x2A"), Ok("42".into()));
    assert_eq!(int("0o52"), Ok("42".into()));
    assert_eq!(int("052"), Ok("42".into()));
    assert_eq!(int("0b101010"), Ok("42".into()));
    assert_eq!(int("1_000_000"), Ok("1000000".into()));
    assert_eq!(int("0"), Ok("0".into()));
    assert_eq!(int("18446744073709551616"), Ok("18446744073709551616".into()));
    // Past u128: Go's untyped integers go to 512 bits.
    assert_eq!(int("0x1FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF"), Ok("680564733841876926926749214863536422911".into()));
    assert_eq!(int("9999999999999999999999999999999999999999999"), Ok("9999999999999999999999999999999999999999999".into()));
    assert_eq!(int("0x"), Err(LitError::Malformed));
}

#[test]
fn float_literals() {
    for s in [
        "1.5",
        ".5",
        "1.",
        "1e3",
        "1E-3",
        "1e+3",
        "0x1p-2",
        "0x1.8p1",
        "0X.8p0",
        "1_000.000_1",
        "015.5",
        "09.5",
        "0e0",
    ] {
        assert_eq!(one(s).0, Float, "{s}");
    }
}

#[test]
fn imaginary_literals() {
    for s in ["1i", "1.5i", "0x1p-2i", "0123i", "0i", "1e3i", "0b1i"] {
        assert_eq!(one(s).0, Imag, "{s}");
    }
}

#[test]
fn rune_literals() {
    let cases: &[(&str, u32)] = &[
        ("'a'", 97),
        ("'ä'", 0xe4),
        ("'本'", 0x672c),
        ("'\\a'", 7),
        ("'\\b'", 8),
        ("'\\f'", 12),
        ("'\\n'", 10),
        ("'\\r'", 13),
        ("'\\t'", 9),
        ("'\\v'", 11),
        ("'\\\\'", 92),
        ("'\\''", 39),
        ("'\\000'", 0),
        ("'\\377'", 255),
        ("'\\x7f'", 127),
        ("'\\xff'", 255),
        ("'\\u12e4'", 0x12e4),
        ("'\\U00101234'", 0x101234),
        ("'\"'", 34),
    ];
    for &(src, want) in cases {
        let (k, text) = one(src);
        assert_eq!(k, Rune, "{src}");
        assert_eq!(decode_rune(&text), Ok(want), "{src}");
    }
}

#[test]
fn string_literals() {
    let cases: &[(&str, &[u8])] = &[
        (r#""""#, b""),
        (r#""plain""#, b"plain"),
        (r#""\a\b\f\n\r\t\v\\\"""#, b"\x07\x08\x0c\n\r\t\x0b\\\""),
        (r#""\xff\xfe""#, b"\xff\xfe"),
        (r#""\377\000""#, b"\xff\x00"),
        (r#""\u65e5本\U00008a9e""#, "日本語".as_bytes()),
        (r#""it's""#, b"it's"),
        ("`raw \\n string`", b"raw \\n string"),
        ("`multi\r\nline\r`", b"multi\nline"),
        ("`with \"quotes\"`", b"with \"quotes\""),
    ];
    for &(src, want) in cases {
        let (k, text) = one(src);
        assert_eq!(k, String, "{src}");
        assert_eq!(decode_string(&text).as_deref(), Ok(want), "{src}");
    }
    // A raw string may span lines; the newline inside does not end a statement.
    assert_eq!(kinds("x = `a\nb`\n"), vec![Ident, Assign, String, NL, Eof]);
}

#[test]
fn semicolon_insertion() {
    // After identifiers, literals, the four keywords, ++ -- ) ] }.
    for src in [
        "x",
        "1",
        "1.5",
        "1i",
        "'a'",
        "\"s\"",
        "`r`",
        "break",
        "continue",
        "fallthrough",
        "return",
        "x++",
        "x--",
        ")",
        "]",
        "}",
    ] {
        let ks = kinds(&format!("{src}\n"));
        assert_eq!(ks[ks.len() - 2], NL, "{src}");
        let ks = kinds(src);
        assert_eq!(ks[ks.len() - 2], EOFSEMI, "{src} at EOF");
    }
    // Not after other tokens.
    for src in [
        "+", "(", "[", "{", ",", "=", ":=", "if", "func", "go", "defer", "else", "*", ".", "...",
    ] {
        let ks = kinds(&format!("{src}\n"));
        assert!(!ks.iter().any(|k| k.is_semi()), "{src}: {ks:?}");
    }
    // Blank lines and line comments: one semicolon, at the first newline.
    let (toks, _) = lex("x // comment\n\n\ny");
    assert_eq!(
        toks.iter().map(|t| t.0).collect::<Vec<_>>(),
        vec![Ident, NL, Ident, EOFSEMI, Eof]
    );
    // A block comment spanning lines acts like a newline.
    assert_eq!(
        kinds("x /* a\nb */ y"),
        vec![Ident, NL, Ident, EOFSEMI, Eof]
    );
    // One on a single line does not.
    assert_eq!(
        kinds("x /* a */ + y"),
        vec![Ident, Add, Ident, EOFSEMI, Eof]
    );
    // Line comment at EOF without newline.
    assert_eq!(kinds("x // c"), vec![Ident, EOFSEMI, Eof]);
    assert_eq!(kinds(""), vec![Eof]);
    assert_eq!(kinds("\n\n"), vec![Eof]);
    // The newline semicolon sits on the newline, for error positions.
    let file = SourceFile::new("prog.go", "ab\ncd");
    let (toks, _) = tokenize(&file);
    assert_eq!(toks[1].span, Span::new(2, 3));
    // Carriage returns are whitespace.
    assert_eq!(kinds("x\r\ny\r\n"), vec![Ident, NL, Ident, NL, Eof]);
}

#[test]
fn byte_order_mark() {
    assert_eq!(
        kinds("\u{feff}package main"),
        vec![Package, Ident, EOFSEMI, Eof]
    );
    assert_eq!(
        errors("x\u{feff}y"),
        vec!["1:2: invalid BOM in the middle of the file"]
    );
}

#[test]
fn number_errors() {
    assert_eq!(
        errors("0128"),
        vec!["1:4: invalid digit '8' in octal literal"]
    );
    assert_eq!(
        errors("0o19"),
        vec!["1:4: invalid digit '9' in octal literal"]
    );
    assert_eq!(
        errors("0b102"),
        vec!["1:5: invalid digit '2' in binary literal"]
    );
    assert_eq!(errors("0x"), vec!["1:3: hexadecimal literal has no digits"]);
    assert_eq!(errors("0b"), vec!["1:3: binary literal has no digits"]);
    assert_eq!(errors("0o"), vec!["1:3: octal literal has no digits"]);
    assert_eq!(
        errors("1__0"),
        vec!["1:3: '_' must separate successive digits"]
    );
    assert_eq!(
        errors("10_"),
        vec!["1:3: '_' must separate successive digits"]
    );
    assert_eq!(
        errors("0_x"),
        vec!["1:2: '_' must separate successive digits"]
    );
    assert_eq!(errors("1e+"), vec!["1:4: exponent has no digits"]);
    assert_eq!(
        errors("0x1.8"),
        vec!["1:6: hexadecimal mantissa requires a 'p' exponent"]
    );
    assert_eq!(
        errors("0b1.0"),
        vec!["1:4: invalid radix point in binary literal"]
    );
    assert_eq!(
        errors("0o7.1"),
        vec!["1:4: invalid radix point in octal literal"]
    );
    assert_eq!(errors("0x1e3p2"), Vec::<Str>::new()); // e is a hex digit
    assert_eq!(
        errors("0b1e3"),
        vec!["1:4: 'e' exponent requires decimal mantissa"]
    );
    assert_eq!(
        errors("1p3"),
        vec!["1:2: 'p' exponent requires hexadecimal mantissa"]
    );
    // Invalid octal digits are fine in floats.
    assert!(errors("09.5 08e1").is_empty());
}

#[test]
fn string_and_rune_errors() {
    assert_eq!(errors("\"abc\nx"), vec!["1:5: newline in string"]);
    assert_eq!(errors("\"abc"), vec!["1:1: string not terminated"]);
    assert_eq!(errors("`abc"), vec!["1:1: string not terminated"]);
    assert_eq!(errors("'a"), vec!["1:1: rune literal not terminated"]);
    assert_eq!(errors("'a\n"), vec!["1:3: newline in rune literal"]);
    assert_eq!(errors("''"), vec!["1:2: empty rune literal or unescaped '"]);
    assert_eq!(
        errors("'ab'"),
        vec!["1:1: more than one character in rune literal"]
    );
    assert_eq!(errors(r#""a\qb""#), vec!["1:4: unknown escape"]);
    assert_eq!(errors(r"'\q'"), vec!["1:3: unknown escape"]);
    assert_eq!(errors(r#""\'""#), vec!["1:3: unknown escape"]);
    assert_eq!(errors(r#"'\"'"#), vec!["1:3: unknown escape"]);
    assert_eq!(
        errors(r#""\400""#),
        vec!["1:6: octal escape value 256 > 255"]
    );
    assert_eq!(
        errors(r#""\xZZ""#),
        vec!["1:4: invalid character 'Z' in hexadecimal escape"]
    );
    assert_eq!(
        errors(r#""\08""#),
        vec!["1:4: invalid character '8' in octal escape"]
    );
    assert_eq!(
        errors(r#""\ud800""#),
        vec!["1:8: escape is invalid Unicode code point U+D800"]
    );
    assert_eq!(
        errors(r"'\U00110000'"),
        vec!["1:12: escape is invalid Unicode code point U+110000"]
    );
    // The escape error, then the string ends at the newline; the quote on
    // line 2 opens a new, unterminated one.
    assert_eq!(
        errors("\"a\\\n\""),
        vec![
            "1:4: unknown escape",
            "1:4: newline in string",
            "2:1: string not terminated"
        ]
    );
    // Malformed literals do not decode.
    assert_eq!(decode_string("\"abc"), Err(LitError::Malformed));
    assert_eq!(decode_rune("'ab'"), Err(LitError::Malformed));
    assert_eq!(decode_rune("''"), Err(LitError::Malformed));
    assert_eq!(decode_rune("'\\400'"), Err(LitError::Malformed));
}

#[test]
fn character_and_comment_errors() {
    assert_eq!(errors("x @ y"), vec!["1:3: invalid character U+0040 '@'"]);
    assert_eq!(errors("a ? b"), vec!["1:3: invalid character U+003F '?'"]);
    assert_eq!(errors("a $"), vec!["1:3: invalid character U+0024 '$'"]);
    assert_eq!(errors("a \x07"), vec!["1:3: invalid character U+0007"]);
    assert_eq!(errors("a # b"), vec!["1:3: invalid character U+0023 '#'"]);
    assert_eq!(
        errors("x€y"),
        vec!["1:2: invalid character U+20AC '€' in identifier"]
    );
    assert_eq!(
        errors("€"),
        vec!["1:1: invalid character U+20AC '€' in identifier"]
    );
    assert_eq!(
        errors("\u{663}x"),
        vec!["1:1: identifier cannot begin with digit U+0663 '٣'"]
    );
    assert_eq!(
        errors("x²"),
        vec!["1:2: invalid character U+00B2 '²' in identifier"]
    );
    assert_eq!(
        errors("xⅫ"),
        vec!["1:2: invalid character U+216B 'Ⅻ' in identifier"]
    );
    assert_eq!(
        errors("x\u{a0}"),
        vec!["1:2: invalid character U+00A0 in identifier"]
    );
    assert!(errors("x٣ π ñ_1 日本語").is_empty());
    assert_eq!(errors("x\0y"), vec!["1:2: invalid NUL character"]);
    assert_eq!(errors("\"a\0b\""), vec!["1:3: invalid NUL character"]);
    assert_eq!(
        errors("x /* never closed"),
        vec!["1:3: comment not terminated"]
    );
    assert_eq!(
        errors("x /* never\nclosed"),
        vec!["1:3: comment not terminated"]
    );
    // An invalid identifier character still lexes as one identifier.
    let (toks, _) = lex("x€y");
    assert_eq!(toks[0], (Ident, "x€y".to_string()));
}

#[test]
fn quoting_matches_go() {
    assert_eq!(quote_rune('a'), "'a'");
    assert_eq!(quote_rune('\n'), "'\\n'");
    assert_eq!(quote_rune('\''), "'\\''");
    assert_eq!(quote_rune('\x01'), "'\\x01'");
    assert_eq!(quote_rune('\u{ad}'), "'\\u00ad'");
    assert_eq!(fmt_u('@'), "U+0040 '@'");
    assert_eq!(fmt_u('\u{7f}'), "U+007F");
}
