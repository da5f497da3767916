//! Natives of `errors`, `strings`, `strconv`, `math`, `os` and the
//! builtins implemented natively (`min`/`max`, deferred `panic`).

use super::{args, new_iface, new_slice, new_str, oom, str_of, type_named};
use crate::value::{Value, WHOLE};
use crate::vm::{GState, NativeFn, Stop, Throw, Vm};

pub fn lookup(name: &str) -> Option<NativeFn> {
    Some(match name {
        "builtin.panic" => builtin_panic,
        // One goroutine for now: the scheduler (issue 4) replaces these.
        "runtime.Gosched" | "runtime.KeepAlive" => |_vm, g, n| {
            args(g, n);
            Ok(())
        },
        "runtime.NumGoroutine" => |_vm, g, n| {
            args(g, n);
            g.stack.push(Value::Int(1));
            Ok(())
        },
        "runtime.GC" => |vm, g, n| {
            args(g, n);
            // The running goroutine is not in vm.gs while it runs: lend
            // its roots to the collection.
            let holder = GState { stack: g.stack.clone(), frames: g.frames.clone(), defers: g.defers.clone(), panics: g.panics.clone(), ..GState::default() };
            vm.gs.push(Box::new(holder));
            let at = vm.gs.len() - 1;
            vm.collect();
            vm.release(at);
            Ok(())
        },
        "runtime.ReadMemStats" => read_mem_stats,
        // The VM's runtime errors hold their text (see rtype::N_RUNTIME_ERROR).
        "runtime.(*PanicNilError).Error" => |_vm, g, n| {
            let a = args(g, n);
            g.stack.push(a.first().copied().unwrap_or_default());
            Ok(())
        },
        "runtime.(*PanicNilError).RuntimeError" => |_vm, g, n| {
            args(g, n);
            Ok(())
        },
        "builtin.printfloat" => |vm, g, n| {
            let a = args(g, n);
            let f = a.first().map_or(0.0, |v| v.float());
            let s = crate::format::format_float(f, b'g', -1, 64);
            let s: &[u8] = s.as_ref();
            vm.write_fd(g, 2, s);
            Ok(())
        },
        "builtin.min.i" | "builtin.min.u" | "builtin.min.f" | "builtin.min.s" => builtin_min,
        "builtin.max.i" | "builtin.max.u" | "builtin.max.f" | "builtin.max.s" => builtin_max,
        "os.Exit" => os_exit,
        "os.Stdout" => os_stdout,
        "os.Stderr" => os_stderr,
        "errors.New" => errors_new,
        "errors.(*errorString).Error" => error_string_text,
        "errors.Unwrap" => errors_unwrap,
        "errors.Is" => errors_is,
        "errors.As" => errors_as,
        "errors.Join" => errors_join,
        "errors.(*joinError).Error" => join_error_text,
        "errors.(*joinError).Unwrap" => |vm, g, n| field_of_recv(vm, g, n, 0),
        "strconv.(*NumError).Error" => num_error_text,
        "strconv.(*NumError).Unwrap" => |vm, g, n| field_of_recv(vm, g, n, 2),
        "strings.(*Builder).WriteString" | "bytes.(*Buffer).WriteString" => builder_write_string,
        "strings.(*Builder).WriteByte" | "bytes.(*Buffer).WriteByte" => builder_write_byte,
        "strings.(*Builder).WriteRune" | "bytes.(*Buffer).WriteRune" => builder_write_rune,
        "strings.IndexFunc" => |vm, g, n| {
            let (a, _pin) = super::pinned_args(g, n);
            let s = str_of(vm, a.first().copied().unwrap_or_default());
            let f = a.get(1).copied().unwrap_or_default();
            let mut i = 0;
            while i < s.len() {
                let (r, w) = crate::vm::decode_rune(&s[i..]);
                let res = super::call_go(vm, g, f, &[Value::Int(r as i64)], 1)?;
                if res.first().is_some_and(|v| v.bool()) {
                    g.stack.push(Value::Int(i as i64));
                    return Ok(());
                }
                i += w.max(1);
            }
            g.stack.push(Value::Int(-1));
            Ok(())
        },
        "strconv.ParseUint" => |vm, g, n| {
            let a = args(g, n);
            let s = str_of(vm, a.first().copied().unwrap_or_default());
            let base = a.get(1).map_or(10, |v| v.int());
            let bits = a.get(2).map_or(64, |v| v.int());
            let r = crate::format::parse_uint(&s, base, bits).map(|v| v as i64).map_err(|(v, e)| (v as i64, e));
            push_int_result(vm, g, r)
        },
        "strconv.Unquote" => |vm, g, n| {
            let a = args(g, n);
            let s = str_of(vm, a.first().copied().unwrap_or_default());
            match crate::format::unquote(&s) {
                Ok(b) => {
                    let v = new_str(vm, &b)?;
                    g.stack.push(v);
                    g.stack.push(Value::Nil);
                }
                Err(_) => {
                    g.stack.push(Value::EMPTY_STRING);
                    let e = syntax_error(vm)?;
                    g.stack.push(e);
                }
            }
            Ok(())
        },
        "strconv.ErrRange" => |vm, g, _n| {
            let e = range_error(vm)?;
            g.stack.push(e);
            Ok(())
        },
        "strconv.ErrSyntax" => |vm, g, _n| {
            let e = syntax_error(vm)?;
            g.stack.push(e);
            Ok(())
        },
        "io.EOF" => |vm, g, _n| {
            let e = package_error(vm, super::SCRATCH_IO_EOF, b"EOF")?;
            g.stack.push(e);
            Ok(())
        },
        "io.ErrUnexpectedEOF" => |vm, g, _n| {
            let e = package_error(vm, super::SCRATCH_IO_UNEXPECTED_EOF, b"unexpected EOF")?;
            g.stack.push(e);
            Ok(())
        },
        "strconv.AppendInt" => |vm, g, n| {
            let a = args(g, n);
            let mut b: Vec<Value> = super::slice_elems(vm, a.first().copied().unwrap_or_default());
            let s = crate::format::format_int(a.get(1).map_or(0, |v| v.int()), a.get(2).map_or(10, |v| v.int())).unwrap_or_default();
            b.extend(s.bytes().map(|c| Value::Int(c as i64)));
            let v = append_bytes(vm, b)?;
            g.stack.push(v);
            Ok(())
        },
        "unicode/utf8.AppendRune" => |vm, g, n| {
            let a = args(g, n);
            let mut b: Vec<Value> = super::slice_elems(vm, a.first().copied().unwrap_or_default());
            let r = a.get(1).map_or(0, |v| v.int());
            let c = u32::try_from(r).ok().and_then(char::from_u32).unwrap_or('\u{FFFD}');
            b.extend(c.to_string().bytes().map(|c| Value::Int(c as i64)));
            let v = append_bytes(vm, b)?;
            g.stack.push(v);
            Ok(())
        },
        "sort.IntsAreSorted" | "sort.StringsAreSorted" | "sort.Float64sAreSorted" => |vm, g, n| {
            let a = args(g, n);
            let v = super::slice_elems(vm, a.first().copied().unwrap_or_default());
            let ok = v.windows(2).all(|w| !cmp_vals(vm, w[1], w[0]).is_lt());
            g.stack.push(Value::Bool(ok));
            Ok(())
        },
        "sort.SearchInts" | "sort.SearchStrings" | "sort.SearchFloat64s" => |vm, g, n| {
            let a = args(g, n);
            let v = super::slice_elems(vm, a.first().copied().unwrap_or_default());
            let x = a.get(1).copied().unwrap_or_default();
            let i = v.partition_point(|e| cmp_vals(vm, *e, x).is_lt());
            g.stack.push(Value::Int(i as i64));
            Ok(())
        },
        "sort.Search" => |vm, g, n| {
            let (a, _pin) = super::pinned_args(g, n);
            let (mut lo, mut hi) = (0i64, a.first().map_or(0, |v| v.int()));
            let f = a.get(1).copied().unwrap_or_default();
            while lo < hi {
                let h = lo + (hi - lo) / 2;
                let r = super::call_go(vm, g, f, &[Value::Int(h)], 1)?;
                if r.first().is_some_and(|v| v.bool()) { hi = h } else { lo = h + 1 }
            }
            g.stack.push(Value::Int(lo));
            Ok(())
        },
        "math.Copysign" => |_vm, g, n| f2(g, n, f64::copysign),
        "math.Pow10" => |_vm, g, n| {
            let a = args(g, n);
            g.stack.push(Value::Float(10f64.powi(a.first().map_or(0, |v| v.int()) as i32)));
            Ok(())
        },
        "strings.(*Builder).Write" | "bytes.(*Buffer).Write" => |vm, g, n| {
            let a = args(g, n);
            let b: Vec<u8> = super::slice_elems(vm, a.get(1).copied().unwrap_or_default()).iter().map(|v| v.int() as u8).collect();
            builder_append(vm, a.first().copied().unwrap_or_default(), &b)?;
            g.stack.push(Value::Int(b.len() as i64));
            g.stack.push(Value::Nil);
            Ok(())
        },
        "strings.(*Builder).String" | "bytes.(*Buffer).String" => builder_string,
        "strings.(*Builder).Len" | "bytes.(*Buffer).Len" => builder_len,
        "strings.(*Builder).Reset" | "bytes.(*Buffer).Reset" => builder_reset,
        "bytes.(*Buffer).Bytes" => |vm, g, n| {
            let a = args(g, n);
            let field = builder_field(vm, a.first().copied().unwrap_or_default());
            let b: Vec<Value> = builder_bytes(vm, field).iter().map(|&c| Value::Int(c as i64)).collect();
            let v = append_bytes(vm, b)?;
            g.stack.push(v);
            Ok(())
        },
        "strings.(*Builder).Grow" => |_vm, g, n| {
            args(g, n);
            Ok(())
        },
        "strconv.Atoi" => strconv_atoi,
        "strconv.ParseInt" => strconv_parse_int,
        "strconv.ParseFloat" => strconv_parse_float,
        "strconv.ParseBool" => strconv_parse_bool,
        "strconv.FormatInt" => strconv_format_int,
        "strconv.FormatBool" => |vm, g, n| {
            let a = args(g, n);
            let v = new_str(vm, if a.first().is_some_and(|b| b.bool()) { b"true" } else { b"false" })?;
            g.stack.push(v);
            Ok(())
        },
        "strconv.FormatFloat" => strconv_format_float,
        "strconv.QuoteRune" => |vm, g, n| {
            let a = args(g, n);
            let q = crate::format::quote_rune(a.first().map_or(0, |v| v.int()) as u32);
            let v = new_str(vm, &q)?;
            g.stack.push(v);
            Ok(())
        },
        // Go 1.22+: these call slices.Sort.
        "sort.Ints" => |vm, g, n| super::sort::sort_ordered(vm, g, n, b'i'),
        "sort.Strings" => |vm, g, n| super::sort::sort_ordered(vm, g, n, b's'),
        "sort.Float64s" => |vm, g, n| super::sort::sort_ordered(vm, g, n, b'f'),
        "sort.Slice" => |vm, g, n| super::sort::sort_slice(vm, g, n, false),
        "sort.SliceStable" => |vm, g, n| super::sort::sort_slice(vm, g, n, true),
        "sort.Sort" => |vm, g, n| super::sort::sort_interface(vm, g, n, false),
        "sort.IntSlice.Len" | "sort.StringSlice.Len" | "sort.Float64Slice.Len" => super::sort::typed_len,
        "sort.IntSlice.Less" => |vm, g, n| super::sort::typed_less(vm, g, n, b'i'),
        "sort.StringSlice.Less" => |vm, g, n| super::sort::typed_less(vm, g, n, b's'),
        "sort.Float64Slice.Less" => |vm, g, n| super::sort::typed_less(vm, g, n, b'f'),
        "sort.IntSlice.Swap" | "sort.StringSlice.Swap" | "sort.Float64Slice.Swap" => super::sort::typed_swap,
        "sort.IntSlice.Sort" => |vm, g, n| super::sort::typed_sort(vm, g, n, b'i'),
        "sort.StringSlice.Sort" => |vm, g, n| super::sort::typed_sort(vm, g, n, b's'),
        "sort.Float64Slice.Sort" => |vm, g, n| super::sort::typed_sort(vm, g, n, b'f'),
        "sort.Reverse" => super::sort::reverse,
        "sort.IsSorted" => super::sort::is_sorted,
        "sort.(*reverse).Len" => |vm, g, n| super::sort::reverse_call(vm, g, n, "Len"),
        "sort.(*reverse).Less" => |vm, g, n| super::sort::reverse_call(vm, g, n, "Less"),
        "sort.(*reverse).Swap" => |vm, g, n| super::sort::reverse_call(vm, g, n, "Swap"),
        "sort.Stable" => |vm, g, n| super::sort::sort_interface(vm, g, n, true),
        "sort.SliceIsSorted" => |vm, g, n| {
            let (a, _pin) = super::pinned_args(g, n);
            let s = match a.first().copied().unwrap_or_default() {
                Value::Iface { obj, .. } => vm.heap.cell(obj),
                v => v,
            };
            let len = match s {
                Value::Slice { len, .. } => len as i64,
                _ => 0,
            };
            let less = a.get(1).copied().unwrap_or_default();
            for i in (1..len).rev() {
                let r = super::call_go(vm, g, less, &[Value::Int(i), Value::Int(i - 1)], 1)?;
                if r.first().is_some_and(|v| v.bool()) {
                    g.stack.push(Value::Bool(false));
                    return Ok(());
                }
            }
            g.stack.push(Value::Bool(true));
            Ok(())
        },
        "strings.Title" => |vm, g, n| str1(vm, g, n, |a| {
            let mut out = String::new();
            let mut prev = ' ';
            for c in String::from_utf8_lossy(a).chars() {
                if !prev.is_alphanumeric() && prev != '_' && prev != '\'' { out.extend(c.to_uppercase()) } else { out.push(c) }
                prev = c;
            }
            out.into_bytes()
        }),
        "strings.LastIndex" => |vm, g, n| str2(vm, g, n, |a, b| Out::I(if b.is_empty() { a.len() as i64 } else { a.windows(b.len()).rposition(|w| w == b).map_or(-1, |i| i as i64) })),
        "strings.EqualFold" => |vm, g, n| str2(vm, g, n, |a, b| Out::B(String::from_utf8_lossy(a).to_lowercase() == String::from_utf8_lossy(b).to_lowercase())),
        "strings.ContainsAny" => |vm, g, n| str2(vm, g, n, |a, b| {
            let set: Vec<char> = String::from_utf8_lossy(b).chars().collect();
            Out::B(String::from_utf8_lossy(a).chars().any(|c| set.contains(&c)))
        }),
        "strings.Compare" => |vm, g, n| str2(vm, g, n, |a, b| Out::I(a.cmp(b) as i64)),
        "strings.Trim" => |vm, g, n| str2(vm, g, n, |a, b| {
            let set: Vec<char> = String::from_utf8_lossy(b).chars().collect();
            Out::S(String::from_utf8_lossy(a).trim_matches(|c| set.contains(&c)).as_bytes().to_vec())
        }),
        "strings.TrimLeft" => |vm, g, n| str2(vm, g, n, |a, b| {
            let set: Vec<char> = String::from_utf8_lossy(b).chars().collect();
            Out::S(String::from_utf8_lossy(a).trim_start_matches(|c| set.contains(&c)).as_bytes().to_vec())
        }),
        "strings.TrimRight" => |vm, g, n| str2(vm, g, n, |a, b| {
            let set: Vec<char> = String::from_utf8_lossy(b).chars().collect();
            Out::S(String::from_utf8_lossy(a).trim_end_matches(|c| set.contains(&c)).as_bytes().to_vec())
        }),
        "strings.Replace" => strings_replace,
        "strings.SplitN" => strings_split_n,
        "strings.IndexByte" | "strings.IndexRune" => strings_index_rune,
        "strings.ContainsRune" => |vm, g, n| {
            strings_index_rune(vm, g, n)?;
            let i = g.stack.pop().map_or(-1, |v| v.int());
            g.stack.push(Value::Bool(i >= 0));
            Ok(())
        },
        "strings.Map" => strings_map,
        "strings.Cut" => strings_cut,
        "unicode/utf8.RuneCountInString" | "utf8.RuneCountInString" => |vm, g, n| {
            let a = args(g, n);
            let s = str_of(vm, a.first().copied().unwrap_or_default());
            let mut i = 0;
            let mut c = 0;
            while i < s.len() {
                i += crate::vm::decode_rune(&s[i..]).1.max(1);
                c += 1;
            }
            g.stack.push(Value::Int(c));
            Ok(())
        },
        "unicode/utf8.RuneLen" | "utf8.RuneLen" => |_vm, g, n| {
            let a = args(g, n);
            let r = a.first().map_or(0, |v| v.int());
            let l = match r {
                0..=0x7f => 1,
                0x80..=0x7ff => 2,
                0xD800..=0xDFFF => -1,
                0x800..=0xffff => 3,
                0x10000..=0x10ffff => 4,
                _ => -1,
            };
            g.stack.push(Value::Int(l));
            Ok(())
        },
        "unicode/utf8.DecodeRuneInString" | "utf8.DecodeRuneInString" => |vm, g, n| {
            let a = args(g, n);
            let s = str_of(vm, a.first().copied().unwrap_or_default());
            let (r, w) = if s.is_empty() { (0xFFFD, 0) } else { crate::vm::decode_rune(&s) };
            g.stack.push(Value::Int(r as i64));
            g.stack.push(Value::Int(w as i64));
            Ok(())
        },
        "unicode/utf8.ValidString" | "utf8.ValidString" => |vm, g, n| {
            let a = args(g, n);
            let s = str_of(vm, a.first().copied().unwrap_or_default());
            g.stack.push(Value::Bool(std::str::from_utf8(&s).is_ok()));
            Ok(())
        },
        "unicode.IsUpper" => |_vm, g, n| rune_pred(g, n, char::is_uppercase),
        "unicode.IsLower" => |_vm, g, n| rune_pred(g, n, char::is_lowercase),
        "unicode.IsLetter" => |_vm, g, n| rune_pred(g, n, char::is_alphabetic),
        "unicode.IsDigit" | "unicode.IsNumber" => |_vm, g, n| rune_pred(g, n, char::is_numeric),
        "unicode.IsSpace" => |_vm, g, n| rune_pred(g, n, char::is_whitespace),
        "unicode.IsPunct" => |_vm, g, n| rune_pred(g, n, |c| c.is_ascii_punctuation()),
        "unicode.ToUpper" => |_vm, g, n| rune_map(g, n, |c| c.to_uppercase().next().unwrap_or(c)),
        "unicode.ToLower" => |_vm, g, n| rune_map(g, n, |c| c.to_lowercase().next().unwrap_or(c)),
        "math.Max" => |_vm, g, n| f2(g, n, |a, b| if a.is_nan() || b.is_nan() { f64::NAN } else if a == 0.0 && b == 0.0 { if a.is_sign_negative() { b } else { a } } else { a.max(b) }),
        "math.Min" => |_vm, g, n| f2(g, n, |a, b| if a.is_nan() || b.is_nan() { f64::NAN } else if a == 0.0 && b == 0.0 { if a.is_sign_negative() { a } else { b } } else { a.min(b) }),
        "math.Mod" => |_vm, g, n| f2(g, n, |a, b| a % b),
        "math.Hypot" => |_vm, g, n| f2(g, n, f64::hypot),
        "math.Exp" => |vm, g, n| f1(vm, g, n, f64::exp),
        "math.Log2" => |vm, g, n| f1(vm, g, n, f64::log2),
        "math.Log10" => |vm, g, n| f1(vm, g, n, f64::log10),
        "math.Sin" => |vm, g, n| f1(vm, g, n, f64::sin),
        "math.Cos" => |vm, g, n| f1(vm, g, n, f64::cos),
        "math.Cbrt" => |vm, g, n| f1(vm, g, n, f64::cbrt),
        "math.IsNaN" => |_vm, g, n| {
            let a = args(g, n);
            g.stack.push(Value::Bool(a.first().is_some_and(|v| v.float().is_nan())));
            Ok(())
        },
        "math.IsInf" => |_vm, g, n| {
            let a = args(g, n);
            let f = a.first().map_or(0.0, |v| v.float());
            let s = a.get(1).map_or(0, |v| v.int());
            g.stack.push(Value::Bool((s >= 0 && f == f64::INFINITY) || (s <= 0 && f == f64::NEG_INFINITY)));
            Ok(())
        },
        "math.Signbit" => |_vm, g, n| {
            let a = args(g, n);
            g.stack.push(Value::Bool(a.first().is_some_and(|v| v.float().is_sign_negative())));
            Ok(())
        },
        "strings.Contains" => |vm, g, n| str2(vm, g, n, |a, b| Out::B(find(a, b).is_some())),
        "strings.HasPrefix" => |vm, g, n| str2(vm, g, n, |a, b| Out::B(a.starts_with(b))),
        "strings.HasSuffix" => |vm, g, n| str2(vm, g, n, |a, b| Out::B(a.ends_with(b))),
        "strings.Index" => |vm, g, n| str2(vm, g, n, |a, b| Out::I(find(a, b).map_or(-1, |i| i as i64))),
        "strings.Count" => |vm, g, n| str2(vm, g, n, |a, b| Out::I(count(a, b))),
        "strings.TrimPrefix" => |vm, g, n| str2(vm, g, n, |a, b| Out::S(a.strip_prefix(b).unwrap_or(a).to_vec())),
        "strings.TrimSuffix" => |vm, g, n| str2(vm, g, n, |a, b| Out::S(a.strip_suffix(b).unwrap_or(a).to_vec())),
        "strings.ToUpper" => |vm, g, n| str1(vm, g, n, |a| map_runes(a, |c| one(c.to_uppercase(), c))),
        "strings.ToLower" => |vm, g, n| str1(vm, g, n, |a| map_runes(a, |c| one(c.to_lowercase(), c))),
        "strings.TrimSpace" => |vm, g, n| str1(vm, g, n, |a| a.trim_ascii().to_vec()),
        "strings.Repeat" => strings_repeat,
        "strings.Join" => strings_join,
        "strings.Split" => strings_split,
        "strings.Fields" => strings_fields,
        "strings.ReplaceAll" => strings_replace_all,
        "strconv.Itoa" => strconv_itoa,
        "strconv.Quote" => |vm, g, n| str1(vm, g, n, |a| super::fmt::quote(a).into_bytes()),
        "math.Sqrt" => |vm, g, n| f1(vm, g, n, f64::sqrt),
        "math.Floor" => |vm, g, n| f1(vm, g, n, f64::floor),
        "math.Ceil" => |vm, g, n| f1(vm, g, n, f64::ceil),
        "math.Abs" => |vm, g, n| f1(vm, g, n, f64::abs),
        "math.Log" => |vm, g, n| f1(vm, g, n, f64::ln),
        "math.Round" => |vm, g, n| f1(vm, g, n, f64::round),
        "math.Trunc" => |vm, g, n| f1(vm, g, n, f64::trunc),
        "math.Pow" => |vm, g, n| {
            let a = args(g, n);
            let _ = vm;
            g.stack.push(Value::Float(a.first().map_or(0.0, |v| v.float()).powf(a.get(1).map_or(0.0, |v| v.float()))));
            Ok(())
        },
        "math.Inf" => |_vm, g, n| {
            let a = args(g, n);
            g.stack.push(Value::Float(if a.first().map_or(0, |v| v.int()) >= 0 { f64::INFINITY } else { f64::NEG_INFINITY }));
            Ok(())
        },
        "math.NaN" => |_vm, g, n| {
            args(g, n);
            g.stack.push(Value::Float(f64::NAN));
            Ok(())
        },
        _ => return None,
    })
}

fn builtin_panic(_vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    Err(Throw::Panic(a.first().copied().unwrap_or_default()))
}

fn cmp_vals(vm: &Vm, a: Value, b: Value) -> std::cmp::Ordering {
    match (a, b) {
        (Value::Float(x), Value::Float(y)) => x.partial_cmp(&y).unwrap_or(std::cmp::Ordering::Equal),
        (Value::Int(x), Value::Int(y)) => x.cmp(&y),
        (Value::Str { .. }, Value::Str { .. }) => vm.heap.str_bytes(a).cmp(vm.heap.str_bytes(b)),
        _ => std::cmp::Ordering::Equal,
    }
}

fn builtin_min(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    builtin_extreme(vm, g, argc, std::cmp::Ordering::Less)
}

fn builtin_max(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    builtin_extreme(vm, g, argc, std::cmp::Ordering::Greater)
}

/// `min` (`want` = Less) or `max` (Greater); a NaN operand wins, as in Go.
fn builtin_extreme(vm: &mut Vm, g: &mut GState, argc: usize, want: std::cmp::Ordering) -> Result<(), Throw> {
    let a = args(g, argc);
    let mut m = a.first().copied().unwrap_or_default();
    for &x in &a[1.min(a.len())..] {
        if matches!(x, Value::Float(f) if f.is_nan()) {
            m = x;
            break;
        }
        if cmp_vals(vm, x, m) == want {
            m = x;
        }
    }
    g.stack.push(m);
    Ok(())
}

fn os_exit(_vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    Err(Throw::Stop(Stop::Exit(a.first().map_or(0, |v| v.int()) as i32)))
}

/// `*os.File` objects: one slot holding the descriptor.
fn os_file(vm: &mut Vm, g: &mut GState, fd: i64) -> Result<(), Throw> {
    let h = vm.heap.alloc_slots(vec![Value::Int(fd)], 8).map_err(oom)?;
    g.stack.push(Value::Ptr { obj: h, slot: WHOLE });
    Ok(())
}

fn os_stdout(vm: &mut Vm, g: &mut GState, _argc: usize) -> Result<(), Throw> {
    os_file(vm, g, 1)
}

fn os_stderr(vm: &mut Vm, g: &mut GState, _argc: usize) -> Result<(), Throw> {
    os_file(vm, g, 2)
}

/// `errors.New`: a `*errors.errorString` holding the text.
fn errors_new(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let s = a.first().copied().unwrap_or(Value::EMPTY_STRING);
    let v = error_value(vm, s)?;
    g.stack.push(v);
    Ok(())
}

/// A fresh `errors.New(text)` value.
pub(crate) fn new_error(vm: &mut Vm, text: &[u8]) -> Result<Value, Throw> {
    let s = new_str(vm, text)?;
    error_value(vm, s)
}

fn error_value(vm: &mut Vm, s: Value) -> Result<Value, Throw> {
    let h = vm.heap.alloc_slots(vec![s], 16).map_err(oom)?;
    let tid = type_named(vm, "*errors.errorString").unwrap_or(crate::rtype::T_RT_ERRORSTRING);
    new_iface(vm, tid, Value::Ptr { obj: h, slot: WHOLE })
}

fn error_string_text(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let v = match a.first() {
        Some(Value::Ptr { obj, .. }) => vm.heap.slots(*obj).first().copied().unwrap_or(Value::EMPTY_STRING),
        _ => return Err(nil_deref(vm)),
    };
    g.stack.push(v);
    Ok(())
}

pub(crate) fn nil_deref(_vm: &mut Vm) -> Throw {
    Throw::Stop(Stop::Fatal(crate::vm::Fatal {
        kind: crate::vm::FatalKind::Internal,
        message: "panic: runtime error: invalid memory address or nil pointer dereference\n".into(),
        trace: vec![],
    }))
}

/// Calls `Unwrap() error` of an error value, if it has one.
fn unwrap_once(vm: &mut Vm, g: &mut GState, e: Value) -> Result<Option<Value>, Throw> {
    let Value::Iface { tid, obj } = e else { return Ok(None) };
    let Some(mid) = vm.program().method_names.iter().position(|m| m == "Unwrap") else { return Ok(None) };
    let inner = vm.heap.cell(obj);
    match super::call_method(vm, g, tid, inner, mid as u32, 1) {
        Some(r) => Ok(r?.first().copied()),
        None => Ok(None),
    }
}

fn errors_unwrap(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let (a, _pin) = super::pinned_args(g, argc);
    // Only `Unwrap() error`; an `Unwrap() []error` does not count.
    let r = unwrap_once(vm, g, a.first().copied().unwrap_or_default())?.filter(|v| !matches!(v, Value::Slice { .. }));
    g.stack.push(r.unwrap_or_default());
    Ok(())
}

fn errors_is(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let (a, _pin) = super::pinned_args(g, argc);
    let (err, target) = (a.first().copied().unwrap_or_default(), a.get(1).copied().unwrap_or_default());
    if err == Value::Nil || target == Value::Nil {
        g.stack.push(Value::Bool(err == target));
        return Ok(());
    }
    let prog = vm.program().clone();
    let is_mid = prog.method_names.iter().position(|m| m == "Is");
    for e in error_tree(vm, g, err)? {
        if vm.heap.equal(&prog.types, e, target).unwrap_or(false) {
            g.stack.push(Value::Bool(true));
            return Ok(());
        }
        // An `Is(error) bool` method.
        if let (Some(mid), Value::Iface { tid, obj }) = (is_mid, e)
            && let Some(callee) = prog.types.get(tid as usize).and_then(|t| t.method(mid as u32))
        {
            let f = match callee {
                crate::rtype::Callee::Func(f) => Value::Func(f),
                crate::rtype::Callee::Native(n) => Value::Func(n | crate::vm::NATIVE_FUNC_BIT),
            };
            let recv = vm.heap.cell(obj);
            let r = super::call_go(vm, g, f, &[recv, target], 1)?;
            if r.first().is_some_and(|v| v.bool()) {
                g.stack.push(Value::Bool(true));
                return Ok(());
            }
        }
    }
    g.stack.push(Value::Bool(false));
    Ok(())
}

enum Out {
    B(bool),
    I(i64),
    S(Vec<u8>),
}

fn str2(vm: &mut Vm, g: &mut GState, argc: usize, f: fn(&[u8], &[u8]) -> Out) -> Result<(), Throw> {
    let a = args(g, argc);
    let x = str_of(vm, a.first().copied().unwrap_or_default());
    let y = str_of(vm, a.get(1).copied().unwrap_or_default());
    let v = match f(&x, &y) {
        Out::B(b) => Value::Bool(b),
        Out::I(i) => Value::Int(i),
        Out::S(s) => new_str(vm, &s)?,
    };
    g.stack.push(v);
    Ok(())
}

fn str1(vm: &mut Vm, g: &mut GState, argc: usize, f: fn(&[u8]) -> Vec<u8>) -> Result<(), Throw> {
    let a = args(g, argc);
    let x = str_of(vm, a.first().copied().unwrap_or_default());
    let v = new_str(vm, &f(&x))?;
    g.stack.push(v);
    Ok(())
}

fn f1(_vm: &mut Vm, g: &mut GState, argc: usize, f: fn(f64) -> f64) -> Result<(), Throw> {
    let a = args(g, argc);
    g.stack.push(Value::Float(f(a.first().map_or(0.0, |v| v.float()))));
    Ok(())
}

fn find(a: &[u8], b: &[u8]) -> Option<usize> {
    if b.is_empty() {
        return Some(0);
    }
    a.windows(b.len()).position(|w| w == b)
}

pub(crate) fn count(a: &[u8], b: &[u8]) -> i64 {
    if b.is_empty() {
        return String::from_utf8_lossy(a).chars().count() as i64 + 1;
    }
    let mut n = 0;
    let mut i = 0;
    while let Some(p) = find(&a[i..], b) {
        n += 1;
        i += p + b.len();
    }
    n
}

fn strings_repeat(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let s = str_of(vm, a.first().copied().unwrap_or_default());
    let n = a.get(1).map_or(0, |v| v.int());
    if n < 0 {
        let msg = new_str(vm, b"strings: negative Repeat count")?;
        return Err(Throw::Panic(super::new_iface(vm, crate::rtype::T_RT_PLAIN, msg)?));
    }
    if (s.len() as u64).saturating_mul(n as u64) > vm.heap.budget() {
        return Err(oom(crate::heap::HeapError::OutOfMemory { requested: u64::MAX, budget: vm.heap.budget() }));
    }
    let v = new_str(vm, &s.repeat(n as usize))?;
    g.stack.push(v);
    Ok(())
}

fn strings_join(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let parts: Vec<Vec<u8>> = super::slice_elems(vm, a.first().copied().unwrap_or_default()).into_iter().map(|v| str_of(vm, v)).collect();
    let sep = str_of(vm, a.get(1).copied().unwrap_or_default());
    let v = new_str(vm, &parts.join(&sep[..]))?;
    g.stack.push(v);
    Ok(())
}

fn push_strs(vm: &mut Vm, g: &mut GState, parts: Vec<Vec<u8>>) -> Result<(), Throw> {
    let mut vals = Vec::new();
    for p in parts {
        vals.push(new_str(vm, &p)?);
    }
    let s = new_slice(vm, vals, 16)?;
    g.stack.push(s);
    Ok(())
}

fn strings_split(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let s = str_of(vm, a.first().copied().unwrap_or_default());
    let sep = str_of(vm, a.get(1).copied().unwrap_or_default());
    let parts: Vec<Vec<u8>> = if sep.is_empty() {
        String::from_utf8_lossy(&s).chars().map(|c| c.to_string().into_bytes()).collect()
    } else {
        let mut out = Vec::new();
        let mut rest = &s[..];
        while let Some(p) = find(rest, &sep) {
            out.push(rest[..p].to_vec());
            rest = &rest[p + sep.len()..];
        }
        out.push(rest.to_vec());
        out
    };
    push_strs(vm, g, parts)
}

fn strings_fields(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let s = str_of(vm, a.first().copied().unwrap_or_default());
    let parts = String::from_utf8_lossy(&s).split_whitespace().map(|p| p.as_bytes().to_vec()).collect();
    push_strs(vm, g, parts)
}

fn strings_replace_all(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let s = String::from_utf8_lossy(&str_of(vm, a.first().copied().unwrap_or_default())).into_owned();
    let old = String::from_utf8_lossy(&str_of(vm, a.get(1).copied().unwrap_or_default())).into_owned();
    let new = String::from_utf8_lossy(&str_of(vm, a.get(2).copied().unwrap_or_default())).into_owned();
    let r = if old.is_empty() { s } else { s.replace(&old, &new) };
    let v = new_str(vm, r.as_bytes())?;
    g.stack.push(v);
    Ok(())
}

fn strconv_itoa(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let v = new_str(vm, a.first().map_or(0, |v| v.int()).to_string().as_bytes())?;
    g.stack.push(v);
    Ok(())
}

fn f2(g: &mut GState, argc: usize, f: fn(f64, f64) -> f64) -> Result<(), Throw> {
    let a = args(g, argc);
    g.stack.push(Value::Float(f(a.first().map_or(0.0, |v| v.float()), a.get(1).map_or(0.0, |v| v.float()))));
    Ok(())
}

fn rune_pred(g: &mut GState, argc: usize, f: fn(char) -> bool) -> Result<(), Throw> {
    let a = args(g, argc);
    let c = char::from_u32(a.first().map_or(0, |v| v.int()) as u32);
    g.stack.push(Value::Bool(c.is_some_and(f)));
    Ok(())
}

fn rune_map(g: &mut GState, argc: usize, f: fn(char) -> char) -> Result<(), Throw> {
    let a = args(g, argc);
    let r = a.first().map_or(0, |v| v.int());
    let out = char::from_u32(r as u32).map_or(r, |c| f(c) as i64);
    g.stack.push(Value::Int(out));
    Ok(())
}

/// The object of a pointer-to-struct receiver.
fn recv_obj(vm: &Vm, v: Value) -> Option<crate::value::Handle> {
    match v {
        Value::Ptr { obj, slot: WHOLE } => Some(obj),
        Value::Ptr { obj, slot } => match vm.heap.elem(obj, slot as usize) {
            Value::Agg(h) => Some(h),
            _ => None,
        },
        Value::Agg(h) => Some(h),
        _ => None,
    }
}

fn field_of_recv(vm: &mut Vm, g: &mut GState, argc: usize, i: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let v = recv_obj(vm, a.first().copied().unwrap_or_default()).and_then(|h| vm.heap.slots(h).get(i).copied()).unwrap_or_default();
    g.stack.push(v);
    Ok(())
}

/// The `Error()` text of an error value.
fn error_text(vm: &mut Vm, g: &mut GState, e: Value) -> Result<Vec<u8>, Throw> {
    let Value::Iface { tid, obj } = e else { return Ok(b"<nil>".to_vec()) };
    let inner = vm.heap.cell(obj);
    match super::call_method(vm, g, tid, inner, crate::rtype::M_ERROR, 1) {
        Some(r) => Ok(str_of(vm, r?.first().copied().unwrap_or_default())),
        None => Ok(Vec::new()),
    }
}

fn join_error_text(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let (a, _pin) = super::pinned_args(g, argc);
    let errs = recv_obj(vm, a.first().copied().unwrap_or_default()).and_then(|h| vm.heap.slots(h).first().copied()).unwrap_or_default();
    let mut out = Vec::new();
    for (i, e) in super::slice_elems(vm, errs).into_iter().enumerate() {
        if i > 0 {
            out.push(b'\n');
        }
        out.extend(error_text(vm, g, e)?);
    }
    let v = new_str(vm, &out)?;
    g.stack.push(v);
    Ok(())
}

fn errors_join(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let errs: Vec<Value> = super::slice_elems(vm, a.first().copied().unwrap_or_default()).into_iter().filter(|e| *e != Value::Nil).collect();
    if errs.is_empty() {
        g.stack.push(Value::Nil);
        return Ok(());
    }
    let s = new_slice(vm, errs, 16)?;
    let h = vm.heap.alloc_slots(vec![s], 24).map_err(oom)?;
    let tid = type_named(vm, "*errors.joinError").unwrap_or(crate::rtype::T_RT_ERRORSTRING);
    let v = new_iface(vm, tid, Value::Ptr { obj: h, slot: WHOLE })?;
    g.stack.push(v);
    Ok(())
}

/// The errors an error wraps (`Unwrap() error` or `Unwrap() []error`).
fn unwrap_all(vm: &mut Vm, g: &mut GState, e: Value) -> Result<Vec<Value>, Throw> {
    Ok(match unwrap_once(vm, g, e)? {
        Some(v @ Value::Slice { .. }) => super::slice_elems(vm, v),
        Some(Value::Nil) | None => vec![],
        Some(v) => vec![v],
    })
}

/// Depth-first walk of an error tree, as errors.Is/As do.
fn error_tree(vm: &mut Vm, g: &mut GState, root: Value) -> Result<Vec<Value>, Throw> {
    let mut out = Vec::new();
    let mut stack = vec![root];
    while let Some(e) = stack.pop() {
        if e == Value::Nil || out.len() > 10_000 {
            continue;
        }
        out.push(e);
        let mut kids = unwrap_all(vm, g, e)?;
        kids.reverse();
        stack.extend(kids);
    }
    Ok(out)
}

fn errors_as(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let (a, _pin) = super::pinned_args(g, argc);
    let (err, target) = (a.first().copied().unwrap_or_default(), a.get(1).copied().unwrap_or_default());
    let Value::Iface { tid: ttid, obj: tobj } = target else {
        let msg = new_str(vm, b"errors: target cannot be nil")?;
        return Err(Throw::Panic(new_iface(vm, crate::rtype::T_STRING, msg)?));
    };
    let prog = vm.program().clone();
    let Some(crate::rtype::Kind::Ptr(elem)) = prog.types.get(ttid as usize).map(|t| t.kind.clone()) else {
        let msg = new_str(vm, b"errors: target must be a non-nil pointer")?;
        return Err(Throw::Panic(new_iface(vm, crate::rtype::T_STRING, msg)?));
    };
    let ptr = vm.heap.cell(tobj);
    let iface_methods = match prog.types.get(elem as usize).map(|t| &t.kind) {
        Some(crate::rtype::Kind::Interface(ms)) => Some(ms.clone()),
        _ => None,
    };
    for e in error_tree(vm, g, err)? {
        let Value::Iface { tid, obj } = e else { continue };
        let hit = match &iface_methods {
            Some(ms) => ms.iter().all(|&m| prog.types.get(tid as usize).is_some_and(|t| t.method(m).is_some())),
            None => tid == elem,
        };
        if hit {
            let v = if iface_methods.is_some() { e } else { vm.heap.cell(obj) };
            if let Value::Ptr { obj, slot } = ptr {
                if slot == WHOLE {
                    if let Value::Agg(src) = v {
                        vm.heap.copy_into(obj, src).map_err(oom)?;
                    }
                } else {
                    vm.heap.store_slot(obj, slot as usize, v).map_err(oom)?;
                }
            }
            g.stack.push(Value::Bool(true));
            return Ok(());
        }
    }
    g.stack.push(Value::Bool(false));
    Ok(())
}

fn num_error_text(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let (a, _pin) = super::pinned_args(g, argc);
    let Some(h) = recv_obj(vm, a.first().copied().unwrap_or_default()) else { return Err(nil_deref(vm)) };
    let f = vm.heap.slots(h).first().copied().unwrap_or_default();
    let num = vm.heap.slots(h).get(1).copied().unwrap_or_default();
    let e = vm.heap.slots(h).get(2).copied().unwrap_or_default();
    let mut out = b"strconv.".to_vec();
    out.extend(str_of(vm, f));
    out.extend_from_slice(b": parsing ");
    out.extend(crate::format::quote(&str_of(vm, num)));
    out.extend_from_slice(b": ");
    out.extend(error_text(vm, g, e)?);
    let v = new_str(vm, &out)?;
    g.stack.push(v);
    Ok(())
}

/// A `*strconv.NumError` for a failed parse.
fn num_error(vm: &mut Vm, e: crate::format::NumError) -> Result<Value, Throw> {
    let f = new_str(vm, e.func.as_bytes())?;
    let num = new_str(vm, &e.num)?;
    let err = match &e.err {
        crate::format::NumErrKind::Syntax => syntax_error(vm)?,
        crate::format::NumErrKind::Range => range_error(vm)?,
        other => {
            let text = match other {
                crate::format::NumErrKind::Base(b) => format!("invalid base {b}"),
                o => format!("{o:?}"),
            };
            let t = new_str(vm, text.as_bytes())?;
            let eh = vm.heap.alloc_slots(vec![t], 16).map_err(oom)?;
            let etid = type_named(vm, "*errors.errorString").unwrap_or(crate::rtype::T_RT_ERRORSTRING);
            new_iface(vm, etid, Value::Ptr { obj: eh, slot: WHOLE })?
        }
    };
    let h = vm.heap.alloc_slots(vec![f, num, err], 48).map_err(oom)?;
    let tid = type_named(vm, "*strconv.NumError").unwrap_or(crate::rtype::T_RT_ERRORSTRING);
    new_iface(vm, tid, Value::Ptr { obj: h, slot: WHOLE })
}

fn push_int_result(vm: &mut Vm, g: &mut GState, r: Result<i64, (i64, crate::format::NumError)>) -> Result<(), Throw> {
    match r {
        Ok(v) => {
            g.stack.push(Value::Int(v));
            g.stack.push(Value::Nil);
        }
        Err((v, e)) => {
            let e = num_error(vm, e)?;
            g.stack.push(Value::Int(v));
            g.stack.push(e);
        }
    }
    Ok(())
}

fn strconv_atoi(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let s = str_of(vm, a.first().copied().unwrap_or_default());
    push_int_result(vm, g, crate::format::atoi(&s))
}

fn strconv_parse_int(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let s = str_of(vm, a.first().copied().unwrap_or_default());
    let base = a.get(1).map_or(10, |v| v.int());
    let bits = a.get(2).map_or(64, |v| v.int());
    push_int_result(vm, g, crate::format::parse_int(&s, base, bits))
}

fn strconv_parse_float(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let s = str_of(vm, a.first().copied().unwrap_or_default());
    let bits = a.get(1).map_or(64, |v| v.int());
    match crate::format::parse_float(&s, bits) {
        Ok(f) => {
            g.stack.push(Value::Float(f));
            g.stack.push(Value::Nil);
        }
        Err((f, e)) => {
            let e = num_error(vm, e)?;
            g.stack.push(Value::Float(f));
            g.stack.push(e);
        }
    }
    Ok(())
}

fn strconv_parse_bool(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let s = str_of(vm, a.first().copied().unwrap_or_default());
    match crate::format::parse_bool(&s) {
        Ok(b) => {
            g.stack.push(Value::Bool(b));
            g.stack.push(Value::Nil);
        }
        Err(e) => {
            let e = num_error(vm, e)?;
            g.stack.push(Value::Bool(false));
            g.stack.push(e);
        }
    }
    Ok(())
}

fn strconv_format_int(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let i = a.first().map_or(0, |v| v.int());
    let base = a.get(1).map_or(10, |v| v.int());
    match crate::format::format_int(i, base) {
        Ok(s) => {
            let v = new_str(vm, s.as_bytes())?;
            g.stack.push(v);
            Ok(())
        }
        Err(m) => {
            let msg = new_str(vm, m.as_bytes())?;
            Err(Throw::Panic(new_iface(vm, crate::rtype::T_STRING, msg)?))
        }
    }
}

fn strconv_format_float(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let f = a.first().map_or(0.0, |v| v.float());
    let fmt = a.get(1).map_or(b'g' as i64, |v| v.int()) as u8;
    let prec = a.get(2).map_or(-1, |v| v.int());
    let bits = a.get(3).map_or(64, |v| v.int());
    let s = crate::format::format_float(f, fmt, prec, bits as u32);
    let v = new_str(vm, s.as_ref())?;
    g.stack.push(v);
    Ok(())
}

// strings.Builder keeps its bytes in its one field, `buf []byte`, as Go's
// does: a compact byte slice that grows by doubling, appended to in place,
// so building a long string costs O(n) overall, not O(n²). `String()`
// copies the bytes into a string (Go avoids the copy with unsafe; the
// result is the same).

fn builder_append(vm: &mut Vm, recv: Value, add: &[u8]) -> Result<(), Throw> {
    let Some(h) = recv_obj(vm, recv) else { return Err(nil_deref(vm)) };
    let cur = vm.heap.slots(h).first().copied().unwrap_or_default();
    if let Value::Slice { obj, off: 0, len, .. } = cur {
        if let Some(new_len) = vm.heap.append_bytes_in_place(obj, len as usize, add).map_err(oom)? {
            let grown = Value::Slice { obj, off: 0, len: new_len as u32, cap: new_len as u32 };
            return vm.heap.store_slot(h, 0, grown).map_err(oom);
        }
    }
    // First write, or a buffer someone else has appended to since (a
    // Builder copied by value): start a fresh buffer with the bytes so far.
    let mut bytes = builder_bytes(vm, cur);
    bytes.extend_from_slice(add);
    let len = bytes.len() as u32;
    let mut data = Vec::with_capacity((bytes.len() * 2).max(16));
    data.extend_from_slice(&bytes);
    let obj = vm.heap.alloc_byte_arr(crate::heap::ByteKind::U8, data, len as u64).map_err(oom)?;
    vm.heap.store_slot(h, 0, Value::Slice { obj, off: 0, len, cap: len }).map_err(oom)
}

/// The bytes a Builder holds, whatever form its field is in.
fn builder_bytes(vm: &Vm, v: Value) -> Vec<u8> {
    match v {
        Value::Slice { obj, off, len, .. } => match vm.heap.byte_arr(obj) {
            Some(d) => d.get(off as usize..(off + len) as usize).unwrap_or(&[]).to_vec(),
            None => Vec::new(),
        },
        Value::Str { .. } => vm.heap.str_bytes(v).to_vec(),
        _ => Vec::new(),
    }
}

fn builder_write_string(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let s = str_of(vm, a.get(1).copied().unwrap_or_default());
    builder_append(vm, a.first().copied().unwrap_or_default(), &s)?;
    g.stack.push(Value::Int(s.len() as i64));
    g.stack.push(Value::Nil);
    Ok(())
}

fn builder_write_byte(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let b = a.get(1).map_or(0, |v| v.int()) as u8;
    builder_append(vm, a.first().copied().unwrap_or_default(), &[b])?;
    g.stack.push(Value::Nil);
    Ok(())
}

fn builder_write_rune(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let r = a.get(1).map_or(0, |v| v.int());
    let c = u32::try_from(r).ok().and_then(char::from_u32).unwrap_or('\u{FFFD}');
    let s = c.to_string();
    builder_append(vm, a.first().copied().unwrap_or_default(), s.as_bytes())?;
    g.stack.push(Value::Int(s.len() as i64));
    g.stack.push(Value::Nil);
    Ok(())
}

fn builder_field(vm: &Vm, recv: Value) -> Value {
    recv_obj(vm, recv).and_then(|h| vm.heap.slots(h).first().copied()).unwrap_or_default()
}

fn builder_string(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let bytes = builder_bytes(vm, builder_field(vm, a.first().copied().unwrap_or_default()));
    let v = new_str(vm, &bytes)?;
    g.stack.push(v);
    Ok(())
}

fn builder_len(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let n = match builder_field(vm, a.first().copied().unwrap_or_default()) {
        Value::Slice { len, .. } | Value::Str { len, .. } => len as i64,
        _ => 0,
    };
    g.stack.push(Value::Int(n));
    Ok(())
}

fn builder_reset(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    if let Some(h) = recv_obj(vm, a.first().copied().unwrap_or_default()) {
        vm.heap.store_slot(h, 0, Value::Nil).map_err(oom)?;
    }
    Ok(())
}

fn strings_replace(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let s = String::from_utf8_lossy(&str_of(vm, a.first().copied().unwrap_or_default())).into_owned();
    let old = String::from_utf8_lossy(&str_of(vm, a.get(1).copied().unwrap_or_default())).into_owned();
    let new = String::from_utf8_lossy(&str_of(vm, a.get(2).copied().unwrap_or_default())).into_owned();
    let n = a.get(3).map_or(-1, |v| v.int());
    let r = if old.is_empty() || n == 0 { s } else if n < 0 { s.replace(&old, &new) } else { s.replacen(&old, &new, n as usize) };
    let v = new_str(vm, r.as_bytes())?;
    g.stack.push(v);
    Ok(())
}

fn strings_split_n(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let s = String::from_utf8_lossy(&str_of(vm, a.first().copied().unwrap_or_default())).into_owned();
    let sep = String::from_utf8_lossy(&str_of(vm, a.get(1).copied().unwrap_or_default())).into_owned();
    let n = a.get(2).map_or(-1, |v| v.int());
    if n == 0 {
        g.stack.push(Value::Nil);
        return Ok(());
    }
    let parts: Vec<Vec<u8>> = if sep.is_empty() {
        s.chars().map(|c| c.to_string().into_bytes()).collect()
    } else if n < 0 {
        s.split(sep.as_str()).map(|p| p.as_bytes().to_vec()).collect()
    } else {
        s.splitn(n as usize, sep.as_str()).map(|p| p.as_bytes().to_vec()).collect()
    };
    push_strs(vm, g, parts)
}

fn strings_index_rune(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let s = str_of(vm, a.first().copied().unwrap_or_default());
    let r = a.get(1).map_or(0, |v| v.int());
    let needle = u32::try_from(r).ok().and_then(char::from_u32).map(|c| c.to_string().into_bytes()).unwrap_or_default();
    let i = if r < 0x80 { s.iter().position(|&b| b as i64 == r).map_or(-1, |i| i as i64) } else { find(&s, &needle).map_or(-1, |i| i as i64) };
    g.stack.push(Value::Int(i));
    Ok(())
}

fn strings_cut(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let s = str_of(vm, a.first().copied().unwrap_or_default());
    let sep = str_of(vm, a.get(1).copied().unwrap_or_default());
    let (before, after, found) = match find(&s, &sep) {
        Some(i) => (s[..i].to_vec(), s[i + sep.len()..].to_vec(), true),
        None => (s.clone(), Vec::new(), false),
    };
    let b = new_str(vm, &before)?;
    let af = new_str(vm, &after)?;
    g.stack.push(b);
    g.stack.push(af);
    g.stack.push(Value::Bool(found));
    Ok(())
}

fn strings_map(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let (a, _pin) = super::pinned_args(g, argc);
    let f = a.first().copied().unwrap_or_default();
    let s = str_of(vm, a.get(1).copied().unwrap_or_default());
    let mut out = String::new();
    let mut i = 0;
    while i < s.len() {
        let (r, w) = crate::vm::decode_rune(&s[i..]);
        i += w.max(1);
        let res = super::call_go(vm, g, f, &[Value::Int(r as i64)], 1)?;
        let m = res.first().map_or(-1, |v| v.int());
        if m >= 0
            && let Some(c) = char::from_u32(m as u32)
        {
            out.push(c);
        }
    }
    let v = new_str(vm, out.as_bytes())?;
    g.stack.push(v);
    Ok(())
}

/// `strconv.ErrSyntax`: one value per run (kept in a scratch global).
fn syntax_error(vm: &mut Vm) -> Result<Value, Throw> {
    package_error(vm, super::SCRATCH_ERR_SYNTAX, b"invalid syntax")
}

fn range_error(vm: &mut Vm) -> Result<Value, Throw> {
    package_error(vm, super::SCRATCH_ERR_RANGE, b"value out of range")
}

fn package_error(vm: &mut Vm, scratch: usize, text: &[u8]) -> Result<Value, Throw> {
    let at = vm.globals.len().saturating_sub(super::SCRATCH_GLOBALS as usize) + scratch;
    if let Some(v @ Value::Iface { .. }) = vm.globals.get(at).copied() {
        return Ok(v);
    }
    let t = new_str(vm, text)?;
    let h = vm.heap.alloc_slots(vec![t], 16).map_err(oom)?;
    let tid = type_named(vm, "*errors.errorString").unwrap_or(crate::rtype::T_RT_ERRORSTRING);
    let v = new_iface(vm, tid, Value::Ptr { obj: h, slot: WHOLE })?;
    if let Some(slot) = vm.globals.get_mut(at) {
        *slot = v;
    }
    Ok(v)
}

/// A fresh `[]byte` holding these byte values.
pub(crate) fn append_bytes(vm: &mut Vm, b: Vec<Value>) -> Result<Value, Throw> {
    let n = b.len() as u32;
    let cap = crate::vm::grow_cap(0, n as usize, 1).max(n as usize);
    let mut data: Vec<u8> = b.iter().map(|v| v.int() as u8).collect();
    data.resize(cap, 0);
    let h = vm.heap.alloc_byte_arr(crate::heap::ByteKind::U8, data, cap as u64).map_err(oom)?;
    Ok(Value::Slice { obj: h, off: 0, len: n, cap: cap as u32 })
}

/// Go's per-rune case mapping: one rune to one rune (Rust's multi-char
/// mappings such as ß → SS keep the rune).
fn one(mut it: impl Iterator<Item = char>, c: char) -> char {
    match (it.next(), it.next()) {
        (Some(x), None) => x,
        _ => c,
    }
}

/// Maps each rune of a string; invalid bytes are kept.
fn map_runes(a: &[u8], f: fn(char) -> char) -> Vec<u8> {
    let mut out = Vec::with_capacity(a.len());
    let mut i = 0;
    while i < a.len() {
        let (r, w) = crate::vm::decode_rune(&a[i..]);
        let w = w.max(1);
        match char::from_u32(r).filter(|_| !(r == 0xFFFD && w == 1)) {
            Some(c) => {
                let mut buf = [0u8; 4];
                out.extend_from_slice(f(c).encode_utf8(&mut buf).as_bytes());
            }
            None => out.extend_from_slice(&a[i..i + w]),
        }
        i += w;
    }
    out
}

/// `runtime.ReadMemStats(m)`: the simulated heap's counters, in the stub
/// struct's field order (Alloc, TotalAlloc, Mallocs, Frees, HeapAlloc,
/// HeapObjects, NumGC). Deterministic: the heap counts Go sizes.
fn read_mem_stats(vm: &mut Vm, g: &mut GState, n: usize) -> Result<(), Throw> {
    let a = args(g, n);
    let Some(h) = crate::process::sys_sync::obj_of(&vm.heap, a.first().copied().unwrap_or_default()) else {
        return Err(crate::stdlib::sync::atomic::nil_deref(vm));
    };
    let hp = &vm.heap;
    let live = hp.live_objects() as u64;
    let vals = [hp.go_bytes(), hp.total_alloc, hp.mallocs, hp.mallocs.saturating_sub(live), hp.go_bytes(), live, hp.collections];
    for (i, v) in vals.into_iter().enumerate() {
        vm.heap.store_slot(h, i, Value::Int(v as i64)).map_err(oom)?;
    }
    Ok(())
}
