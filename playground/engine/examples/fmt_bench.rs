//! Rough throughput of the formatting library: 200k `Sprintf` calls of a
//! mixed format and 1M `Itoa`s, timed once each.
//!
//! ```text
//! CARGO_PROFILE_RELEASE_OPT_LEVEL=3 cargo run -p gmp-engine --release --example fmt_bench
//! ```

use gmp_engine::format::{Field, FmtValue, itoa, sprintf};
use std::time::Instant;

fn main() {
    let point = FmtValue::Struct {
        ty: "main.P".into(),
        fields: [("X", 1), ("Y", 2)].map(|(name, v)| Field { name: name.into(), value: FmtValue::int(v) }).into(),
    };
    let args = vec![FmtValue::int(12345), FmtValue::string("hello"), FmtValue::float64(3.25), point];
    let start = Instant::now();
    let mut n = 0;
    for _ in 0..200_000 {
        n += sprintf(b"%d %s %v %+v\n", &args).len();
    }
    println!("200k Sprintf: {:?} ({n} bytes)", start.elapsed());
    let start = Instant::now();
    for i in 0..1_000_000i64 {
        n += itoa(i).len();
    }
    println!("1M Itoa: {:?} ({n})", start.elapsed());
}
