//! Go's runtime error texts and panic report format, worded as
//! `runtime/error.go` and `runtime/panic.go` word them.

/// The bounds-failure shapes of `runtime.boundsError`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bounds {
    Index,
    SliceAlen,
    SliceAcap,
    SliceB,
    Slice3Alen,
    Slice3Acap,
    Slice3B,
    Slice3C,
    /// Slice to array (pointer) conversion: `x` the array's length, `y` the slice's.
    Convert,
}

/// `runtime error: index out of range [5] with length 3` and the slice
/// variants. A negative `x` drops the `with ...` part, as Go does.
pub fn bounds_message(kind: Bounds, x: i64, y: i64) -> String {
    let body = if x < 0 {
        match kind {
            Bounds::Index => format!("index out of range [{x}]"),
            Bounds::SliceAlen | Bounds::SliceAcap => format!("slice bounds out of range [:{x}]"),
            Bounds::SliceB => format!("slice bounds out of range [{x}:]"),
            Bounds::Slice3Alen | Bounds::Slice3Acap => format!("slice bounds out of range [::{x}]"),
            Bounds::Slice3B => format!("slice bounds out of range [:{x}:]"),
            Bounds::Slice3C => format!("slice bounds out of range [{x}::]"),
            Bounds::Convert => format!("cannot convert slice with length {y} to array or pointer to array with length {x}"),
        }
    } else {
        match kind {
            Bounds::Index => format!("index out of range [{x}] with length {y}"),
            Bounds::SliceAlen => format!("slice bounds out of range [:{x}] with length {y}"),
            Bounds::SliceAcap => format!("slice bounds out of range [:{x}] with capacity {y}"),
            Bounds::SliceB => format!("slice bounds out of range [{x}:{y}]"),
            Bounds::Slice3Alen => format!("slice bounds out of range [::{x}] with length {y}"),
            Bounds::Slice3Acap => format!("slice bounds out of range [::{x}] with capacity {y}"),
            Bounds::Slice3B => format!("slice bounds out of range [:{x}:{y}]"),
            Bounds::Slice3C => format!("slice bounds out of range [{x}:{y}:]"),
            Bounds::Convert => format!("cannot convert slice with length {y} to array or pointer to array with length {x}"),
        }
    };
    format!("runtime error: {body}")
}

/// `runtime.panicrangestate`'s errors for an iterator that calls its
/// yield function when it must not, by `abi.RF_State`.
pub fn range_state(state: i64) -> &'static str {
    match state {
        0 => "runtime error: range function continued iteration after function for loop body returned false",
        2 => "runtime error: range function continued iteration after loop body panic",
        3 => "runtime error: range function continued iteration after whole loop exit",
        _ => "runtime error: range function recovered a loop body panic and did not resume panicking",
    }
}

/// A defer in a loop body whose function has returned (Go throws).
pub const DEFER_AFTER_RANGE: &str = "runtime error: defer after range func returned";

pub const DIVIDE: &str = "runtime error: integer divide by zero";
pub const NIL_DEREF: &str = "runtime error: invalid memory address or nil pointer dereference";
pub const NIL_MAP: &str = "assignment to entry in nil map";
pub const NEG_SHIFT: &str = "runtime error: negative shift amount";
pub const PANIC_NIL_ERROR: &str = "runtime error: panic called with nil argument";
pub const MAKESLICE_LEN: &str = "runtime error: makeslice: len out of range";
pub const MAKESLICE_CAP: &str = "runtime error: makeslice: cap out of range";
pub const MAKEMAP_HINT: &str = "runtime error: makemap: size out of range";
/// The line Go prints after a nil-dereference panic. The real pc varies
/// by build; ours is fixed so the line is stable.
pub const SIGSEGV_LINE: &str = "[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x0]";

pub fn unhashable(type_name: &str) -> String {
    format!("runtime error: hash of unhashable type {type_name}")
}

pub fn uncomparable(type_name: &str) -> String {
    format!("runtime error: comparing uncomparable type {type_name}")
}

/// `*runtime.TypeAssertionError`'s text. `iface` is the static interface
/// type (`None` prints `interface`), `concrete` the dynamic type (`None`:
/// the interface was nil).
pub fn type_assertion(iface: Option<&str>, concrete: Option<&str>, asserted: &str, missing: Option<&str>) -> String {
    let inter = iface.unwrap_or("interface");
    match (concrete, missing) {
        (None, _) => format!("interface conversion: {inter} is nil, not {asserted}"),
        (Some(cs), None) => {
            let mut m = format!("interface conversion: {inter} is {cs}, not {asserted}");
            if cs == asserted {
                m.push_str(" (types from different scopes)");
            }
            m
        }
        (Some(cs), Some(mm)) => format!("interface conversion: {cs} is not {asserted}: missing method {mm}"),
    }
}

/// Go's `printindented`: a multi-line panic text continues with a tab.
pub fn indent(s: &str) -> String {
    s.replace('\n', "\n\t")
}

/// One line of the panic chain, as `printpanics` prints it.
pub struct ChainEntry<'a> {
    pub text: &'a str,
    pub recovered: bool,
    pub repanicked: bool,
    pub goexit: bool,
}

/// `panic: first [recovered]\n\tpanic: second\n`, oldest first.
pub fn format_chain(chain: &[ChainEntry]) -> String {
    let mut out = String::new();
    for (i, p) in chain.iter().enumerate() {
        if i > 0 && !chain[i - 1].goexit {
            out.push('\t');
        }
        if p.goexit {
            continue;
        }
        out.push_str("panic: ");
        out.push_str(&indent(p.text));
        if p.repanicked {
            out.push_str(" [recovered, repanicked]");
        } else if p.recovered {
            out.push_str(" [recovered]");
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_texts_match_go() {
        assert_eq!(bounds_message(Bounds::Index, 5, 3), "runtime error: index out of range [5] with length 3");
        assert_eq!(bounds_message(Bounds::Index, -4, 3), "runtime error: index out of range [-4]");
        assert_eq!(bounds_message(Bounds::SliceAcap, 5, 3), "runtime error: slice bounds out of range [:5] with capacity 3");
        assert_eq!(bounds_message(Bounds::SliceB, 2, 1), "runtime error: slice bounds out of range [2:1]");
        assert_eq!(bounds_message(Bounds::Slice3C, 2, 1), "runtime error: slice bounds out of range [2:1:]");
        assert_eq!(bounds_message(Bounds::SliceB, -1, 0), "runtime error: slice bounds out of range [-1:]");
    }

    #[test]
    fn chain_format_matches_go() {
        let c = [
            ChainEntry { text: "first", recovered: true, repanicked: false, goexit: false },
            ChainEntry { text: "x\ny", recovered: false, repanicked: false, goexit: false },
        ];
        assert_eq!(format_chain(&c), "panic: first [recovered]\n\tpanic: x\n\ty\n");
    }
}
