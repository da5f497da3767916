//! What the checker knows of the standard library beyond its declarations
//! (which live with each package under `stdlib/`, listed in
//! `stdlib::packages`).

/// Members of provided packages that exist in Go but that the playground
/// cannot offer: reported as unsupported rather than undefined.
pub fn unsupported_member(path: &str, name: &str) -> Option<&'static str> {
    Some(match (path, name) {
        ("runtime", "AddCleanup") => "runtime.AddCleanup (a generic function; use runtime.SetFinalizer)",
        ("runtime", "Cleanup") => "runtime.Cleanup (from the generic runtime.AddCleanup)",
        (p, n) if super::generic::is_generic(p, n) => "a generic function used as a value (call it)",
        _ => return None,
    })
}
