//! The time zones the engine's `time.LoadLocation` knows, copied from Go's
//! own copy of the tz database (`$GOROOT/lib/time/zoneinfo.zip`, which
//! Go's `time/tzdata` embeds too): `cargo xtask expect` (with no filter,
//! or one matching `time` or `zone`) reads each zone of [`ZONES`] there and
//! writes `playground/engine/src/stdlib/time/tzdata.rs`, as Go's
//! `LoadLocationFromTZData` reads a TZif file: the 64-bit part's zone
//! types and transitions, and the footer's POSIX TZ string that extends
//! them. Transitions are written compactly (each a zigzag varint of the
//! seconds since the one before, then its type's index), so the table
//! costs the wasm a few KB.

use std::path::Path;

/// The zones a learner is likeliest to ask for: the Go documentation's
/// examples, the zones of the largest cities learners live in.
pub const ZONES: &[&str] = &[
    "America/Chicago",
    "America/Denver",
    "America/Los_Angeles",
    "America/New_York",
    "America/Sao_Paulo",
    "Asia/Kolkata",
    "Asia/Shanghai",
    "Asia/Singapore",
    "Asia/Tokyo",
    "Australia/Sydney",
    "Europe/Berlin",
    "Europe/London",
    "Europe/Moscow",
    "Europe/Paris",
];

/// The files of a zip archive whose entries are stored uncompressed, as
/// Go's `mkzip.go` writes zoneinfo.zip (and `time`'s `loadTzinfoFromZip`
/// reads it): name and bytes, from the local headers.
fn stored_files(zip: &[u8]) -> Result<Vec<(String, &[u8])>, String> {
    let u16_at = |i: usize| zip.get(i..i + 2).map(|b| u16::from_le_bytes([b[0], b[1]]) as usize).ok_or("zip: truncated");
    let u32_at = |i: usize| zip.get(i..i + 4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize).ok_or("zip: truncated");
    let mut files = Vec::new();
    let mut at = 0;
    while zip.get(at..at + 4) == Some(b"PK\x03\x04") {
        if u16_at(at + 8)? != 0 {
            return Err("zip: a compressed entry (Go's zoneinfo.zip stores its files)".into());
        }
        let (size, name_len, extra_len) = (u32_at(at + 18)?, u16_at(at + 26)?, u16_at(at + 28)?);
        let name = String::from_utf8_lossy(zip.get(at + 30..at + 30 + name_len).ok_or("zip: truncated")?).into_owned();
        let start = at + 30 + name_len + extra_len;
        files.push((name, zip.get(start..start + size).ok_or("zip: truncated")?));
        at = start + size;
    }
    Ok(files)
}

/// One zone as `LoadLocationFromTZData` reads it.
struct TzData {
    /// Abbreviation, seconds east of UTC, daylight saving.
    types: Vec<(String, i32, bool)>,
    /// When (Unix seconds) and the type from then on.
    tx: Vec<(i64, u8)>,
    /// The footer: the POSIX TZ string for times after the last transition.
    extend: String,
}

/// Reads a TZif file of version 2 or later: skips the 32-bit part, reads
/// the 64-bit one and the footer.
fn read_tzif(data: &[u8]) -> Result<TzData, String> {
    let be32 = |i: usize| data.get(i..i + 4).map(|b| i32::from_be_bytes([b[0], b[1], b[2], b[3]])).ok_or("TZif: truncated");
    let counts = |at: usize| -> Result<[usize; 6], String> {
        if data.get(at..at + 4) != Some(b"TZif") {
            return Err("not a TZif file".into());
        }
        let mut c = [0; 6];
        for (k, n) in c.iter_mut().enumerate() {
            *n = be32(at + 20 + 4 * k)? as usize;
        }
        Ok(c)
    };
    if data.get(4).is_none_or(|&v| v < b'2') {
        return Err("TZif version 1 (no 64-bit data)".into());
    }
    // isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt.
    let [isut, isstd, leap, timecnt, typecnt, charcnt] = counts(0)?;
    let v1 = 44 + timecnt * 5 + typecnt * 6 + charcnt + leap * 8 + isstd + isut;
    let [isut, isstd, leap, timecnt, typecnt, charcnt] = counts(v1)?;
    let mut p = v1 + 44;
    let bytes = |from: usize, n: usize| data.get(from..from + n).ok_or_else(|| "TZif: truncated".to_string());
    let whens: Vec<i64> = bytes(p, 8 * timecnt)?.chunks(8).map(|c| i64::from_be_bytes(c.try_into().unwrap_or_default())).collect();
    p += 8 * timecnt;
    let idx = bytes(p, timecnt)?.to_vec();
    p += timecnt;
    let raw_types = bytes(p, 6 * typecnt)?.to_vec();
    p += 6 * typecnt;
    let chars = bytes(p, charcnt)?.to_vec();
    p += charcnt + leap * 12 + isstd + isut;
    let abbr = |i: usize| {
        let s = chars.get(i..).unwrap_or_default();
        String::from_utf8_lossy(&s[..s.iter().position(|&c| c == 0).unwrap_or(s.len())]).into_owned()
    };
    let types = raw_types
        .chunks(6)
        .map(|t| (abbr(t[5] as usize), i32::from_be_bytes([t[0], t[1], t[2], t[3]]), t[4] != 0))
        .collect();
    let extend = String::from_utf8_lossy(data.get(p..).unwrap_or_default()).trim_matches('\n').to_string();
    Ok(TzData { types, tx: whens.into_iter().zip(idx).collect(), extend })
}

/// A transition list as bytes: each the zigzag varint of its distance
/// from the one before (the first's from 0), then its type's index.
fn encode_tx(tx: &[(i64, u8)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut prev = 0i64;
    for &(when, index) in tx {
        let d = when.wrapping_sub(prev);
        let mut z = ((d << 1) ^ (d >> 63)) as u64;
        loop {
            let b = (z & 0x7f) as u8;
            z >>= 7;
            if z == 0 {
                out.push(b);
                break;
            }
            out.push(b | 0x80);
        }
        out.push(index);
        prev = when;
    }
    out
}

/// Writes the table from Go's zoneinfo.zip into the engine.
pub fn record(root: &Path, go: &Path) -> Result<(), String> {
    crate::util::step("time zones, from Go's lib/time/zoneinfo.zip");
    let zip_path = crate::expect::zoneinfo_zip(go)?;
    let zip = std::fs::read(&zip_path).map_err(|e| format!("{}: {e}", zip_path.display()))?;
    let files = stored_files(&zip)?;
    let mut text = String::from(
        "//! Generated by `cargo xtask expect` from Go's lib/time/zoneinfo.zip\n//! (xtask/src/tz_table.rs): the zones `LoadLocation` knows. Do not edit.\n\nuse super::zoneinfo::TzZone;\n\npub(super) static ZONES: &[TzZone] = &[\n",
    );
    for &name in ZONES {
        let (_, data) = files.iter().find(|(n, _)| n == name).ok_or_else(|| format!("{name} is not in {}", zip_path.display()))?;
        let z = read_tzif(data).map_err(|e| format!("{name}: {e}"))?;
        let types: Vec<String> = z.types.iter().map(|(a, off, dst)| format!("({a:?}, {off}, {dst})")).collect();
        // 32 bytes a line (a backslash at a line's end continues the string).
        let tx: Vec<String> = encode_tx(&z.tx).chunks(32).map(|c| c.iter().map(|b| format!("\\x{b:02x}")).collect()).collect();
        let tx = tx.join("\\\n              ");
        text.push_str(&format!(
            "    TzZone {{\n        name: {name:?},\n        types: &[{}],\n        tx: b\"{tx}\",\n        extend: {:?},\n    }},\n",
            types.join(", "),
            z.extend
        ));
    }
    text.push_str("];\n");
    let path = root.join("playground/engine/src/stdlib/time/tzdata.rs");
    if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
        std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
        println!("  wrote {}", path.display());
    }
    Ok(())
}
