//! The byte-level parts on arbitrary input: none panics, and indenting or
//! compacting valid JSON keeps it valid and means the same text.

use super::decode::unquote;
use super::indent::{append_compact, append_indent};
use super::scanner::{check_valid, value_end};

/// Inputs made of JSON's characters and a few others, from a fixed seed.
fn inputs() -> Vec<Vec<u8>> {
    const ALPHABET: &[u8] = b"{}[]:,\"\\u0123456789abcdefE+-.tnrl sx\t\n\xff\xe2\x80\xa8";
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut out = vec![b"{\"a\":[1,2.5e-3,\"x\\u00e9\",true,null,{}]}".to_vec(), b"[[[[]]]]".to_vec(), Vec::new()];
    for _ in 0..3000 {
        let n = (next() % 24) as usize;
        out.push((0..n).map(|_| ALPHABET[(next() % ALPHABET.len() as u64) as usize]).collect());
    }
    out
}

#[test]
fn arbitrary_bytes_never_panic() {
    for data in inputs() {
        let _ = check_valid(&data);
        let _ = value_end(&data, false);
        let _ = value_end(&data, true);
        let _ = unquote(&data);
        let mut dst = Vec::new();
        let _ = append_compact(&mut dst, &data, true);
        let mut dst = Vec::new();
        let _ = append_indent(&mut dst, &data, b">", b"  ", 1 << 20);
    }
}

#[test]
fn indent_and_compact_keep_valid_json_valid_and_the_same() {
    let mut valid = 0;
    for data in inputs() {
        if check_valid(&data).is_err() {
            continue;
        }
        valid += 1;
        let mut indented = Vec::new();
        assert!(append_indent(&mut indented, &data, b"", b"\t", 1 << 20).is_ok(), "{data:?}");
        assert!(check_valid(&indented).is_ok(), "{indented:?}");
        let (mut a, mut b) = (Vec::new(), Vec::new());
        assert!(append_compact(&mut a, &data, false).is_ok());
        assert!(append_compact(&mut b, &indented, false).is_ok());
        assert_eq!(a, b);
    }
    assert!(valid >= 2, "only {valid} valid inputs");
}

#[test]
fn a_syntax_error_leaves_dst_as_it_was() {
    let mut dst = b"kept".to_vec();
    assert!(append_compact(&mut dst, b"{\"a\":}", false).is_err());
    assert_eq!(dst, b"kept");
}
