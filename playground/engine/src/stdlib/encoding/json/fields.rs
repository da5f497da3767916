//! Go's `typeFields` (encode.go) over the runtime type descriptors: the
//! fields a struct encodes and decodes, by JSON name, with embedded
//! structs' fields promoted under Go's dominance rules, and the tag
//! options (`omitempty`, `omitzero`, `string`, `-`).

use crate::rtype::{Kind, TypeDesc};

/// One field as the encoder and decoder see it.
#[derive(Clone, Debug)]
pub(crate) struct Field {
    /// Its JSON name.
    pub name: String,
    /// Named by a tag.
    pub tagged: bool,
    /// Field indices from the outer struct, through embedded structs.
    pub index: Vec<u32>,
    /// The field's type.
    pub tid: u32,
    pub omit_empty: bool,
    pub omit_zero: bool,
    /// The `string` option on a scalar field.
    pub quoted: bool,
}

/// `reflect.StructTag.Get(key)`'s value, or None.
pub(crate) fn tag_get(tag: &str, key: &str) -> Option<String> {
    let b = tag.as_bytes();
    let mut i = 0;
    while i < b.len() {
        while i < b.len() && b[i] == b' ' {
            i += 1;
        }
        let start = i;
        while i < b.len() && b[i] > b' ' && b[i] != b':' && b[i] != b'"' && b[i] != 0x7f {
            i += 1;
        }
        if i == start || i + 1 >= b.len() || b[i] != b':' || b[i + 1] != b'"' {
            return None;
        }
        let name = &tag[start..i];
        i += 1;
        let qstart = i;
        i += 1;
        while i < b.len() && b[i] != b'"' {
            if b[i] == b'\\' {
                i += 1;
            }
            i += 1;
        }
        if i >= b.len() {
            return None;
        }
        let q = &tag[qstart..=i];
        i += 1;
        if name == key {
            return crate::format::unquote(q.as_bytes()).ok().map(|v| String::from_utf8_lossy(&v).into_owned());
        }
    }
    None
}

/// Go's `isValidTag`.
fn valid_tag(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| "!#$%&()*+-./:;<=>?@[]^_{|}~ ".contains(c) || c.is_alphabetic() || c.is_numeric())
}

fn kind<'a>(types: &'a [TypeDesc], t: u32) -> Option<&'a Kind> {
    types.get(t as usize).map(|d| &d.kind)
}

/// A type's name as reflect's `Type.Name` gives it: empty for unnamed
/// types, the package qualifier dropped.
pub(crate) fn type_name(types: &[TypeDesc], t: u32) -> String {
    let Some(d) = types.get(t as usize) else { return String::new() };
    let n = &d.name;
    let unnamed = n.starts_with(['*', '[', '{']) || n.starts_with("map[") || n.starts_with("chan ") || n.starts_with("func(") || n.starts_with("struct {") || n.starts_with("interface {") || n.starts_with("<-chan");
    if unnamed {
        return String::new();
    }
    // `main.Pair[main.Point]`: the package before the first `[`.
    let head = n.split('[').next().unwrap_or(n);
    match head.rfind('.') {
        Some(i) => n[i + 1..].to_string(),
        None => n.clone(),
    }
}

/// Go's `typeFields(t)`: the struct's fields in index order.
pub(crate) fn type_fields(types: &[TypeDesc], t: u32) -> Vec<Field> {
    struct Pending {
        tid: u32,
        index: Vec<u32>,
    }
    let mut fields: Vec<Field> = Vec::new();
    let mut next = vec![Pending { tid: t, index: Vec::new() }];
    let mut count: Vec<(u32, u32)> = Vec::new();
    let mut visited: Vec<u32> = Vec::new();
    while !next.is_empty() {
        let current = std::mem::take(&mut next);
        let mut next_count: Vec<(u32, u32)> = Vec::new();
        for f in &current {
            if visited.contains(&f.tid) {
                continue;
            }
            visited.push(f.tid);
            let Some(d) = types.get(f.tid as usize) else { continue };
            let Kind::Struct(ftypes) = &d.kind else { continue };
            for (i, (sf, &sft)) in d.fields.iter().zip(ftypes).enumerate() {
                if sf.embedded {
                    let mut et = sft;
                    if let Some(Kind::Ptr(e)) = kind(types, et) {
                        et = *e;
                    }
                    if !sf.exported() && !matches!(kind(types, et), Some(Kind::Struct(_))) {
                        continue;
                    }
                } else if !sf.exported() {
                    continue;
                }
                let tag = tag_get(&sf.tag, "json").unwrap_or_default();
                if tag == "-" {
                    continue;
                }
                let (mut name, opts) = match tag.split_once(',') {
                    Some((n, o)) => (n.to_string(), o.to_string()),
                    None => (tag.clone(), String::new()),
                };
                if !valid_tag(&name) {
                    name = String::new();
                }
                let has = |o: &str| opts.split(',').any(|x| x == o);
                let mut index = f.index.clone();
                index.push(i as u32);
                let mut ft = sft;
                if type_name(types, ft).is_empty()
                    && let Some(Kind::Ptr(e)) = kind(types, ft)
                {
                    ft = *e;
                }
                let quoted = has("string") && matches!(kind(types, ft), Some(Kind::Bool | Kind::Int(_) | Kind::Float32 | Kind::Float64 | Kind::String));
                if !name.is_empty() || !sf.embedded || !matches!(kind(types, ft), Some(Kind::Struct(_))) {
                    let tagged = !name.is_empty();
                    if name.is_empty() {
                        name = sf.name.clone();
                    }
                    fields.push(Field { name, tagged, index, tid: sft, omit_empty: has("omitempty"), omit_zero: has("omitzero"), quoted });
                    if count.iter().find(|c| c.0 == f.tid).is_some_and(|c| c.1 > 1) {
                        // Two copies at this depth annihilate each other.
                        if let Some(last) = fields.last().cloned() {
                            fields.push(last);
                        }
                    }
                    continue;
                }
                match next_count.iter_mut().find(|c| c.0 == ft) {
                    Some(c) => c.1 += 1,
                    None => {
                        next_count.push((ft, 1));
                        next.push(Pending { tid: ft, index });
                    }
                }
            }
        }
        count = next_count;
    }
    // By name, then depth, then tagged first, then index order.
    fields.sort_by(|a, b| a.name.cmp(&b.name).then(a.index.len().cmp(&b.index.len())).then(b.tagged.cmp(&a.tagged)).then(a.index.cmp(&b.index)));
    // Go's dominantField: the shallowest, unless two tie at that depth
    // with the same taggedness.
    let mut out = Vec::new();
    let mut i = 0;
    while i < fields.len() {
        let mut j = i + 1;
        while j < fields.len() && fields[j].name == fields[i].name {
            j += 1;
        }
        let run = &fields[i..j];
        if run.len() == 1 || !(run[0].index.len() == run[1].index.len() && run[0].tagged == run[1].tagged) {
            out.push(run[0].clone());
        }
        i = j;
    }
    out.sort_by(|a, b| a.index.cmp(&b.index));
    out
}

/// Go's `foldName`: the key a field matches case-insensitively by.
pub(crate) fn fold_name(s: &[u8]) -> Vec<u8> {
    let s = String::from_utf8_lossy(s);
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_uppercase());
        } else {
            // unicode.ToUpper(unicode.ToLower(r)), one rune for one.
            let l = c.to_lowercase().next().unwrap_or(c);
            out.push(l.to_uppercase().next().unwrap_or(l));
        }
    }
    out.into_bytes()
}
