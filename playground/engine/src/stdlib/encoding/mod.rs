//! `encoding/...` packages, one folder each.

pub(crate) mod json;
