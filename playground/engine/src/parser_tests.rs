//! Parser tests.
use super::*;
