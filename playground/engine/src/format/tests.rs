//! Tests of the format module against real Go.
//!
//! The expectations in `testdata/generated.rs` were produced by running
//! `testdata/cases.go` under Go 1.27 (see its header for the command): Go
//! formatted each value and also serialized it as the `FmtValue` the VM
//! would build, so each case here feeds the same value to our formatter and
//! compares bytes. Hand-written tests below cover the API edges, and a
//! deterministic mini-fuzz checks that no format string or argument list
//! makes the formatter panic.

// Generated tables have wide tuple types; 3.14159 is data, not an approximation of pi.
#![allow(clippy::type_complexity, clippy::approx_constant)]

use super::*;

include!("testdata/generated.rs");

// Constructors used by the generated data.

fn bo(ty: &str, v: bool) -> FmtValue {
    FmtValue::Bool { v, ty: ty.into() }
}
fn i(ty: &str, v: i64) -> FmtValue {
    FmtValue::Int { v, ty: ty.into() }
}
fn u(ty: &str, v: u64) -> FmtValue {
    FmtValue::Uint { v, ty: ty.into() }
}
fn f(ty: &str, bits: u8, raw: u64) -> FmtValue {
    FmtValue::Float {
        v: f64::from_bits(raw),
        bits,
        ty: ty.into(),
    }
}
fn c(ty: &str, bits: u8, re: u64, im: u64) -> FmtValue {
    FmtValue::Complex {
        re: f64::from_bits(re),
        im: f64::from_bits(im),
        bits,
        ty: ty.into(),
    }
}
fn s(ty: &str, v: &[u8]) -> FmtValue {
    FmtValue::Str {
        v: v.to_vec(),
        ty: ty.into(),
    }
}
fn p(ty: &str, addr: u64, elem: Option<FmtValue>) -> FmtValue {
    FmtValue::Pointer {
        ty: ty.into(),
        addr,
        elem: elem.map(Box::new),
    }
}
fn st(ty: &str, fields: Vec<(&str, FmtValue)>) -> FmtValue {
    FmtValue::Struct {
        ty: ty.into(),
        fields: fields
            .into_iter()
            .map(|(n, v)| Field {
                name: n.into(),
                value: v,
            })
            .collect(),
    }
}
fn arr(ty: &str, byte_elems: bool, elems: Vec<FmtValue>) -> FmtValue {
    FmtValue::Array {
        ty: ty.into(),
        byte_elems,
        elems,
    }
}
fn sl(
    ty: &str,
    nil: bool,
    byte_elems: bool,
    addr: u64,
    cap: u64,
    elems: Vec<FmtValue>,
) -> FmtValue {
    FmtValue::Slice {
        ty: ty.into(),
        nil,
        byte_elems,
        addr,
        cap,
        elems,
    }
}
fn mp(ty: &str, nil: bool, addr: u64, entries: Vec<(FmtValue, FmtValue)>) -> FmtValue {
    FmtValue::Map {
        ty: ty.into(),
        nil,
        addr,
        entries,
    }
}
fn ch(ty: &str, addr: u64) -> FmtValue {
    FmtValue::Chan {
        ty: ty.into(),
        addr,
    }
}
fn fu(ty: &str, addr: u64) -> FmtValue {
    FmtValue::Func {
        ty: ty.into(),
        addr,
    }
}
fn nil_i(ty: &str) -> FmtValue {
    FmtValue::Nil { ty: ty.into() }
}
fn nil_arg() -> FmtValue {
    FmtValue::nil()
}
fn txt(b: &[u8]) -> MethodResult {
    MethodResult::Text(b.to_vec())
}
fn pan(v: FmtValue) -> MethodResult {
    MethodResult::Panic(Box::new(v))
}
fn meth(
    v: FmtValue,
    error: Option<MethodResult>,
    string: Option<MethodResult>,
    go_string: Option<MethodResult>,
) -> FmtValue {
    FmtValue::WithMethods {
        value: Box::new(v),
        methods: Box::new(Methods {
            error,
            string,
            go_string,
        }),
    }
}

fn show(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// Runs every case, collecting failures so one run reports them all.
fn report(name: &str, failures: Vec<String>, total: usize) {
    if !failures.is_empty() {
        let shown: Vec<&String> = failures.iter().take(40).collect();
        panic!(
            "{name}: {} of {total} cases differ from Go:\n{}",
            failures.len(),
            shown
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
}

fn args(values: &[FmtValue], ix: &[usize]) -> Vec<FmtValue> {
    ix.iter().map(|&k| values[k].clone()).collect()
}

#[test]
fn printf_matches_go() {
    let values = gen_values();
    let mut failures = Vec::new();
    for (format, ix, want) in PRINTF_CASES {
        let got = sprintf(format, &args(&values, ix));
        if &got[..] != *want {
            failures.push(format!(
                "Sprintf({:?}, {:?}): got {:?}, want {:?}",
                show(format),
                ix,
                show(&got),
                show(want)
            ));
        }
    }
    report("Sprintf", failures, PRINTF_CASES.len());
}

#[test]
fn sprint_and_sprintln_match_go() {
    let values = gen_values();
    let mut failures = Vec::new();
    for (ix, want) in SPRINT_CASES {
        let got = sprint(&args(&values, ix));
        if &got[..] != *want {
            failures.push(format!(
                "Sprint({ix:?}): got {:?}, want {:?}",
                show(&got),
                show(want)
            ));
        }
    }
    for (ix, want) in SPRINTLN_CASES {
        let got = sprintln(&args(&values, ix));
        if &got[..] != *want {
            failures.push(format!(
                "Sprintln({ix:?}): got {:?}, want {:?}",
                show(&got),
                show(want)
            ));
        }
    }
    report(
        "Sprint",
        failures,
        SPRINT_CASES.len() + SPRINTLN_CASES.len(),
    );
}

#[test]
fn errorf_matches_go() {
    let values = gen_values();
    let mut failures = Vec::new();
    for (format, ix, want, kind, wrapped, ty) in ERRORF_CASES {
        let r = errorf(format, &args(&values, ix));
        // Map our argument positions back to value indexes, as Go reported them.
        let to_values = |w: &[usize]| w.iter().map(|&k| ix[k]).collect::<Vec<_>>();
        let (got_kind, got_wrapped) = match &r.wrapped {
            Wrapped::None => ("none", vec![]),
            Wrapped::One(w) => ("one", to_values(&w.iter().copied().collect::<Vec<_>>())),
            Wrapped::Many(w) => ("many", to_values(w)),
        };
        if &r.text[..] != *want
            || got_kind != *kind
            || got_wrapped != *wrapped
            || r.wrapped.type_name() != *ty
        {
            failures.push(format!(
                "Errorf({:?}): got {:?} {got_kind} {got_wrapped:?} {}, want {:?} {kind} {wrapped:?} {ty}",
                show(format),
                show(&r.text),
                r.wrapped.type_name(),
                show(want)
            ));
        }
    }
    report("Errorf", failures, ERRORF_CASES.len());
}

#[test]
fn format_float_matches_go() {
    let mut failures = Vec::new();
    for &(raw, fmt, prec, bits, want) in FLOAT_CASES {
        let got = format_float(f64::from_bits(raw), fmt, prec, bits);
        if got != want {
            failures.push(format!(
                "FormatFloat({:e} [{raw:#x}], {:?}, {prec}, {bits}): got {:?}, want {:?}",
                f64::from_bits(raw),
                fmt as char,
                show(&got),
                show(want)
            ));
        }
    }
    report("FormatFloat", failures, FLOAT_CASES.len());
}

#[test]
fn format_int_matches_go() {
    for &(v, base, want) in FORMAT_INT_CASES {
        assert_eq!(
            format_int(v, base).unwrap().as_bytes(),
            want,
            "FormatInt({v}, {base})"
        );
        if v >= 0 {
            assert_eq!(format_uint(v as u64, base).unwrap().as_bytes(), want);
        }
    }
    assert_eq!(itoa(-45), "-45");
    assert_eq!(format_uint(u64::MAX, 16).unwrap(), "ffffffffffffffff");
    assert!(format_int(1, 1).is_err());
    assert!(format_int(1, 37).is_err());
    assert_eq!(format_bool(true), "true");
}

#[test]
fn quote_matches_go() {
    for &(input, q, qa, cb) in QUOTE_CASES {
        assert_eq!(show(&quote(input)), show(q), "Quote({:?})", show(input));
        assert_eq!(
            show(&quote_to_ascii(input)),
            show(qa),
            "QuoteToASCII({:?})",
            show(input)
        );
        assert_eq!(can_backquote(input), cb, "CanBackquote({:?})", show(input));
    }
    for &(r, q, qa) in QUOTE_RUNE_CASES {
        // Go's rune is int32; out-of-range values arrive as their u32 bits.
        let r = r as i32 as u32;
        assert_eq!(show(&quote_rune(r)), show(q), "QuoteRune({r:#x})");
        assert_eq!(
            show(&quote_rune_to_ascii(r)),
            show(qa),
            "QuoteRuneToASCII({r:#x})"
        );
    }
}

#[test]
fn is_print_matches_go_sample() {
    let mut expected = ISPRINT_STEP13.iter().copied().peekable();
    let mut r = 0u32;
    while r < 0x11000 {
        let want = expected.peek() == Some(&r);
        if want {
            expected.next();
        }
        assert_eq!(is_print(r), want, "IsPrint({r:#x})");
        r += 13;
    }
}

#[test]
fn parse_int_matches_go() {
    let mut failures = Vec::new();
    for &(func, input, base, bits, want, err) in PARSE_INT_CASES {
        let (got, got_err) = match func {
            "Atoi" => match atoi(input) {
                Ok(v) => (v, Vec::new()),
                Err((v, e)) => (v, e.error_bytes()),
            },
            "ParseInt" => match parse_int(input, base, bits) {
                Ok(v) => (v, Vec::new()),
                Err((v, e)) => (v, e.error_bytes()),
            },
            _ => match parse_uint(input, base, bits) {
                Ok(v) => (v as i64, Vec::new()),
                Err((v, e)) => (v as i64, e.error_bytes()),
            },
        };
        if got != want || got_err != err {
            failures.push(format!(
                "{func}({:?}, {base}, {bits}): got {got} {:?}, want {want} {:?}",
                show(input),
                show(&got_err),
                show(err)
            ));
        }
    }
    report("ParseInt", failures, PARSE_INT_CASES.len());
}

#[test]
fn parse_float_and_bool_match_go() {
    let mut failures = Vec::new();
    for &(input, bits, want, err) in PARSE_FLOAT_CASES {
        let (got, got_err) = match parse_float(input, bits) {
            Ok(v) => (v, Vec::new()),
            Err((v, e)) => (v, e.error_bytes()),
        };
        let same = got.to_bits() == want || (got.is_nan() && f64::from_bits(want).is_nan());
        if !same || got_err != err {
            failures.push(format!(
                "ParseFloat({:?}, {bits}): got {got:e} {:?}, want {:e} {:?}",
                show(input),
                show(&got_err),
                f64::from_bits(want),
                show(err)
            ));
        }
    }
    for &(input, want, err) in PARSE_BOOL_CASES {
        match parse_bool(input) {
            Ok(v) => assert!(v == want && err.is_empty(), "ParseBool({:?})", show(input)),
            Err(e) => assert_eq!(show(&e.error_bytes()), show(err)),
        }
    }
    report("ParseFloat", failures, PARSE_FLOAT_CASES.len());
}

#[test]
fn api_examples() {
    let point = st(
        "main.Point",
        vec![("X", FmtValue::int(1)), ("Y", FmtValue::int(2))],
    );
    assert_eq!(
        show(&sprintf(
            b"%v %+v %#v",
            &[point.clone(), point.clone(), point.clone()]
        )),
        "{1 2} {X:1 Y:2} main.Point{X:1, Y:2}"
    );
    let ptr = p("*main.Point", 0xc000010000, Some(point));
    assert_eq!(
        show(&sprintf(b"%v %T", &[ptr.clone(), ptr])),
        "&{1 2} *main.Point"
    );
    assert_eq!(
        show(&sprintln(&[
            FmtValue::string("a"),
            FmtValue::int(1),
            FmtValue::nil()
        ])),
        "a 1 <nil>\n"
    );
    assert_eq!(
        show(&sprint(&[
            FmtValue::string("a"),
            FmtValue::int(1),
            FmtValue::int(2),
            FmtValue::string("b")
        ])),
        "a1 2b"
    );
    let e = FmtValue::error("*errors.errorString", "boom");
    let r = errorf(b"ctx: %w", &[e]);
    assert_eq!(show(&r.text), "ctx: boom");
    assert_eq!(r.wrapped, Wrapped::One(Some(0)));
    assert_eq!(
        show(&sprintf(
            b"%x %q",
            &[FmtValue::bytes(b"hi"), FmtValue::bytes(b"hi")]
        )),
        "6869 \"hi\""
    );
    assert_eq!(
        show(&sprintf(b"%#v", &[FmtValue::bytes(b"hi")])),
        "[]byte{0x68, 0x69}"
    );
    assert_eq!(
        show(&sprintf(
            b"%v|%6.2f|%-8s|%08b",
            &[
                FmtValue::float64(1e6),
                FmtValue::float64(3.14159),
                FmtValue::string("go"),
                FmtValue::int(5)
            ]
        )),
        "1e+06|  3.14|go      |00000101"
    );
    assert_eq!(
        atoi(b"12a").unwrap_err().1.to_string(),
        "strconv.Atoi: parsing \"12a\": invalid syntax"
    );
    assert_eq!(
        parse_int(b"999999999999999999999", 10, 64)
            .unwrap_err()
            .1
            .to_string(),
        "strconv.ParseInt: parsing \"999999999999999999999\": value out of range"
    );
}

#[test]
fn deep_values_do_not_overflow() {
    let mut v = FmtValue::int(1);
    for _ in 0..5000 {
        v = sl("[]interface {}", false, false, 1, 1, vec![v]);
    }
    let out = sprintf(b"%v", std::slice::from_ref(&v));
    assert!(out.ends_with(b"]"));
    // Dropping a deep value must not overflow either: unwind it by hand.
    let mut cur = v;
    loop {
        let next = match &mut cur {
            FmtValue::Slice { elems, .. } => elems.pop(),
            _ => None,
        };
        match next {
            Some(n) => cur = n,
            None => break,
        }
    }
}

/// A tiny deterministic PRNG (xorshift) for the fuzz test.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn random_value(rng: &mut Rng, depth: u32) -> FmtValue {
    let k = if depth > 3 {
        rng.below(8)
    } else {
        rng.below(16)
    };
    match k {
        0 => FmtValue::int(rng.next() as i64),
        1 => FmtValue::uint(rng.next()),
        2 => FmtValue::float64(f64::from_bits(rng.next())),
        3 => FmtValue::float32(f32::from_bits(rng.next() as u32)),
        4 => FmtValue::string(
            (0..rng.below(8))
                .map(|_| rng.next() as u8)
                .collect::<Vec<u8>>(),
        ),
        5 => FmtValue::bool(rng.below(2) == 0),
        6 => FmtValue::nil(),
        7 => c("complex128", 128, rng.next(), rng.next()),
        8 => sl(
            "[]uint8",
            rng.below(3) == 0,
            true,
            rng.next(),
            4,
            (0..rng.below(5))
                .map(|_| u("uint8", rng.below(256)))
                .collect(),
        ),
        9 => st(
            "main.T",
            (0..rng.below(4))
                .map(|k| {
                    (
                        ["A", "b", "C", "d"][k as usize],
                        random_value(rng, depth + 1),
                    )
                })
                .collect(),
        ),
        10 => mp(
            "map[interface {}]int",
            rng.below(4) == 0,
            rng.next(),
            (0..rng.below(4))
                .map(|_| (random_value(rng, depth + 1), FmtValue::int(1)))
                .collect(),
        ),
        11 => p(
            "*main.T",
            rng.below(2) * rng.next(),
            Some(random_value(rng, depth + 1)),
        ),
        12 => meth(
            random_value(rng, depth + 1),
            if rng.below(2) == 0 {
                Some(txt(b"err"))
            } else {
                None
            },
            Some(match rng.below(3) {
                0 => txt(b"str"),
                1 => pan(random_value(rng, depth + 1)),
                _ => MethodResult::Pending(rng.next()),
            }),
            if rng.below(3) == 0 {
                Some(txt(b"gostr"))
            } else {
                None
            },
        ),
        13 => arr(
            "[2]interface {}",
            false,
            vec![random_value(rng, depth + 1), nil_i("interface {}")],
        ),
        14 => ch("chan int", rng.next()),
        _ => fu("func()", rng.below(2) * rng.next()),
    }
}

#[test]
fn fuzz_random_formats_never_panic() {
    let mut rng = Rng(0x9E3779B97F4A7C15);
    let pieces: &[&[u8]] = &[
        b"%",
        b"%%",
        b"v",
        b"d",
        b"s",
        b"q",
        b"x",
        b"X",
        b"e",
        b"f",
        b"g",
        b"G",
        b"T",
        b"p",
        b"c",
        b"U",
        b"w",
        b"t",
        b"b",
        b"o",
        b"O",
        b"#",
        b"+",
        b"-",
        b" ",
        b"0",
        b"*",
        b".",
        b"[",
        b"]",
        b"1",
        b"2",
        b"9",
        b"999999999",
        b"[2]",
        b"[-1]",
        b"a",
        b"\xff",
        b"\xe2\x98",
        b"\xe2\x98\xba",
        b"\n",
    ];
    for _ in 0..20000 {
        let mut format = Vec::new();
        for _ in 0..rng.below(12) {
            format.extend_from_slice(pieces[rng.below(pieces.len() as u64) as usize]);
        }
        let args: Vec<FmtValue> = (0..rng.below(5))
            .map(|_| random_value(&mut rng, 0))
            .collect();
        let _ = sprintf(&format, &args);
        let _ = errorf(&format, &args);
        let _ = try_sprintf(&format, &args);
        let _ = sprint(&args);
        let _ = sprintln(&args);
        let _ = atoi(&format);
        let _ = unquote(&format);
        let _ = quoted_prefix(&format);
        let _ = parse_float(&format, 64);
        let _ = parse_int(&format, rng.below(40) as i64, rng.below(70) as i64);
        let fmts = b"eEfgGbxXz";
        let _ = format_float(
            f64::from_bits(rng.next()),
            fmts[rng.below(9) as usize],
            rng.below(30) as i64 - 2,
            if rng.below(2) == 0 { 32 } else { 64 },
        );
    }
}

#[test]
fn methods_behind_unexported_fields_are_ignored() {
    // The VM may attach methods everywhere; fmt cannot call them through an
    // unexported field (reflect's CanInterface is false there), so Go prints
    // the plain value: {Named(pub) {priv}}.
    let named = |n: &str| {
        meth(
            st("main.Named", vec![("Name", FmtValue::string(n))]),
            None,
            Some(txt(format!("Named({n})").as_bytes())),
            None,
        )
    };
    let holder = st(
        "main.Holder",
        vec![("Pub", named("pub")), ("priv", named("priv"))],
    );
    assert_eq!(
        show(&sprintf(b"%v", std::slice::from_ref(&holder))),
        "{Named(pub) {priv}}"
    );
    // Below an unexported field, exported fields are unreachable too.
    let outer = st(
        "main.O",
        vec![("in", st("main.I", vec![("P", named("deep"))]))],
    );
    assert_eq!(show(&sprintf(b"%v", &[outer])), "{{{deep}}}");
    // At top level the methods apply even to a value of unexported type.
    assert_eq!(show(&sprintf(b"%v", &[named("top")])), "Named(top)");
}

#[test]
fn error_wins_over_string_and_gostring_only_for_sharp_v() {
    let both = meth(
        st("main.Both", vec![]),
        Some(txt(b"as-error")),
        Some(txt(b"as-string")),
        Some(txt(b"as-gostring")),
    );
    let out = sprintf(
        b"%v %s %#v %+v %d",
        &[both.clone(), both.clone(), both.clone(), both.clone(), both],
    );
    assert_eq!(show(&out), "as-error as-error as-gostring as-error {}");
    let panicky = meth(
        st("main.G", vec![]),
        None,
        None,
        Some(pan(FmtValue::string("boom"))),
    );
    assert_eq!(
        show(&sprintf(b"%#v", &[panicky])),
        "%!v(PANIC=GoString method: boom)"
    );
}

#[test]
fn pending_methods_are_requested_in_go_order() {
    // Two Stringers and one with %d (String not called); the VM resolves
    // each request and formats again until done.
    let stringer = |token| {
        meth(
            FmtValue::Int {
                v: token as i64,
                ty: "main.T".into(),
            },
            None,
            Some(MethodResult::Pending(token)),
            None,
        )
    };
    let mut args = vec![stringer(1), stringer(2), stringer(3)];
    let mut rounds = Vec::new();
    let out = loop {
        match try_sprintf(b"%v %d %s", &args) {
            Ok(out) => break out,
            Err(calls) => {
                rounds.push(calls.iter().map(|c| c.token).collect::<Vec<_>>());
                for call in calls {
                    assert_eq!(call.method, MethodName::String);
                    for a in &mut args {
                        if let FmtValue::WithMethods { methods, .. } = a
                            && methods.string == Some(MethodResult::Pending(call.token))
                        {
                            methods.string = Some(txt(format!("T{}", call.token).as_bytes()));
                        }
                    }
                }
            }
        }
    };
    assert_eq!(show(&out), "T1 2 T3");
    // One round, asking for exactly the calls Go makes, in order.
    assert_eq!(rounds, vec![vec![1, 3]]);
    let err = meth(
        p("*main.E", 1, None),
        Some(MethodResult::Pending(9)),
        None,
        None,
    );
    assert_eq!(
        try_errorf(b"x: %w", std::slice::from_ref(&err)).unwrap_err(),
        vec![MethodCall {
            token: 9,
            method: MethodName::Error
        }]
    );
    assert!(try_sprintln(std::slice::from_ref(&err)).is_err());
    assert!(try_sprint(&[FmtValue::int(1)]).is_ok());
}

/// A large differential check, run on demand: `FLOATS_FILE=path cargo test
/// -p gmp-engine big_float_file -- --ignored`, with a file of lines
/// `bits fmt prec bitsize expected` written by Go's strconv.FormatFloat.
#[test]
#[ignore = "needs FLOATS_FILE, written by Go (testdata/big_formatfloat.go)"]
fn big_float_file() {
    let path = std::env::var("FLOATS_FILE").expect("FLOATS_FILE=path: the cases file testdata/big_formatfloat.go writes");
    let text = std::fs::read_to_string(path).unwrap();
    let mut bad = 0;
    for line in text.lines() {
        let parts: Vec<&str> = line.splitn(5, ' ').collect();
        let v = f64::from_bits(u64::from_str_radix(parts[0], 16).unwrap());
        let fmt = parts[1].as_bytes()[0];
        let prec: i64 = parts[2].parse().unwrap();
        let bits: u32 = parts[3].parse().unwrap();
        let got = format_float(v, fmt, prec, bits);
        if got != parts[4].as_bytes() {
            bad += 1;
            if bad < 20 {
                eprintln!("{line} -> got {}", show(&got));
            }
        }
    }
    assert_eq!(bad, 0, "{bad} mismatches");
}

/// A large differential Sprintf check, run on demand: generate the data
/// with `FMTCASES_BIG=path go run cases.go > generated.rs` (same run, so
/// the value pool matches), then `PRINTF_FILE=path cargo test -p
/// gmp-engine big_printf_file -- --ignored`.
#[test]
#[ignore = "needs PRINTF_FILE, written by Go (testdata/cases.go)"]
fn big_printf_file() {
    let path = std::env::var("PRINTF_FILE").expect("PRINTF_FILE=path: the file `FMTCASES_BIG=path go run testdata/cases.go` writes");
    let text = std::fs::read_to_string(path).unwrap();
    let values = gen_values();
    let hex = |s: &str| -> Vec<u8> {
        (0..s.len() / 2)
            .map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).unwrap())
            .collect()
    };
    let mut bad = 0;
    let mut total = 0;
    for line in text.lines() {
        let parts: Vec<&str> = line.split(' ').collect();
        let format = hex(parts[0]);
        let ix: Vec<usize> = parts[1][1..]
            .split(',')
            .filter(|s| !s.is_empty())
            .map(|s| s.parse().unwrap())
            .collect();
        let want = hex(parts.get(2).copied().unwrap_or(""));
        let got = sprintf(&format, &args(&values, &ix));
        total += 1;
        if got != want {
            bad += 1;
            if bad < 30 {
                eprintln!(
                    "Sprintf({:?}, {ix:?}): got {:?}, want {:?}",
                    show(&format),
                    show(&got),
                    show(&want)
                );
            }
        }
    }
    eprintln!("{total} cases checked");
    assert_eq!(bad, 0, "{bad} of {total} mismatches");
}

/// Replaces every method result in `v` by `Pending`, remembering it.
fn make_pending(v: &mut FmtValue, store: &mut Vec<MethodResult>) {
    let slot = |r: &mut Option<MethodResult>, store: &mut Vec<MethodResult>| {
        if let Some(res) = r.take() {
            store.push(res);
            *r = Some(MethodResult::Pending(store.len() as u64 - 1));
        }
    };
    match v {
        FmtValue::WithMethods { value, methods } => {
            make_pending(value, store);
            slot(&mut methods.error, store);
            slot(&mut methods.string, store);
            slot(&mut methods.go_string, store);
        }
        FmtValue::Pointer { elem: Some(e), .. } => make_pending(e, store),
        FmtValue::Struct { fields, .. } => fields
            .iter_mut()
            .for_each(|f| make_pending(&mut f.value, store)),
        FmtValue::Array { elems, .. } | FmtValue::Slice { elems, .. } => {
            elems.iter_mut().for_each(|e| make_pending(e, store))
        }
        FmtValue::Map { entries, .. } => entries.iter_mut().for_each(|(k, e)| {
            make_pending(k, store);
            make_pending(e, store)
        }),
        _ => {}
    }
}

/// Stores a resolved result back where its token was.
fn resolve(v: &mut FmtValue, token: u64, store: &[MethodResult]) {
    let fill = |r: &mut Option<MethodResult>| {
        if *r == Some(MethodResult::Pending(token)) {
            *r = Some(store[token as usize].clone());
        }
    };
    match v {
        FmtValue::WithMethods { value, methods } => {
            resolve(value, token, store);
            fill(&mut methods.error);
            fill(&mut methods.string);
            fill(&mut methods.go_string);
        }
        FmtValue::Pointer { elem: Some(e), .. } => resolve(e, token, store),
        FmtValue::Struct { fields, .. } => fields
            .iter_mut()
            .for_each(|f| resolve(&mut f.value, token, store)),
        FmtValue::Array { elems, .. } | FmtValue::Slice { elems, .. } => {
            elems.iter_mut().for_each(|e| resolve(e, token, store))
        }
        FmtValue::Map { entries, .. } => entries.iter_mut().for_each(|(k, e)| {
            resolve(k, token, store);
            resolve(e, token, store)
        }),
        _ => {}
    }
}

#[test]
fn lazy_method_results_give_the_same_output_as_precomputed_ones() {
    let values = gen_values();
    let mut checked = 0;
    for (format, ix, want) in PRINTF_CASES {
        let mut store = Vec::new();
        let mut a = args(&values, ix);
        a.iter_mut().for_each(|v| make_pending(v, &mut store));
        let mut rounds = 0;
        let got = loop {
            match try_sprintf(format, &a) {
                Ok(out) => break out,
                Err(calls) => {
                    rounds += 1;
                    assert!(rounds < 10, "too many rounds for {:?}", show(format));
                    for c in calls {
                        a.iter_mut().for_each(|v| resolve(v, c.token, &store));
                    }
                }
            }
        };
        assert_eq!(
            show(&got),
            show(want),
            "lazy Sprintf({:?}, {ix:?})",
            show(format)
        );
        // Precomputed results already in place: none pending any more.
        assert!(rounds <= 2, "{rounds} rounds for {:?}", show(format));
        checked += 1;
    }
    assert_eq!(checked, PRINTF_CASES.len());
}

#[test]
fn unquote_matches_go() {
    for &(input, want, err, prefix, perr) in UNQUOTE_CASES {
        match unquote(input) {
            Ok(out) => assert!(
                err.is_empty() && out == want,
                "Unquote({:?}) = {:?}",
                show(input),
                show(&out)
            ),
            Err(e) => assert_eq!(show(err), e.to_string(), "Unquote({:?})", show(input)),
        }
        let mut with_tail = input.to_vec();
        with_tail.extend_from_slice(b"tail");
        match quoted_prefix(&with_tail) {
            Ok(out) => assert!(
                perr.is_empty() && out == prefix,
                "QuotedPrefix({:?}) = {:?}",
                show(&with_tail),
                show(&out)
            ),
            Err(e) => assert_eq!(
                show(perr),
                e.to_string(),
                "QuotedPrefix({:?})",
                show(&with_tail)
            ),
        }
    }
}

/// A large differential ParseFloat check, run on demand:
/// `PARSE_FLOAT_FILE=path cargo test -p gmp-engine big_parse_float_file --
/// --ignored`, with lines `input bitsize resultbits ok|err` from Go.
#[test]
#[ignore = "needs PARSE_FLOAT_FILE, written by Go (testdata/big_parsefloat.go)"]
fn big_parse_float_file() {
    let path = std::env::var("PARSE_FLOAT_FILE").expect("PARSE_FLOAT_FILE=path: the cases file testdata/big_parsefloat.go writes");
    let text = std::fs::read_to_string(path).unwrap();
    let mut bad = 0;
    for line in text.lines() {
        let p: Vec<&str> = line.split(' ').collect();
        let bits: i64 = p[1].parse().unwrap();
        let want = u64::from_str_radix(p[2], 16).unwrap();
        let (got, err) = match parse_float(p[0].as_bytes(), bits) {
            Ok(v) => (v, "ok"),
            Err((v, _)) => (v, "err"),
        };
        if got.to_bits() != want || err != p[3] {
            bad += 1;
            if bad < 20 {
                eprintln!("{line} -> got {:x} {err}", got.to_bits());
            }
        }
    }
    assert_eq!(bad, 0, "{bad} mismatches");
}
