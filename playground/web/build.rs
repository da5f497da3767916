//! Links the app with an 8 MiB wasm stack (the default is 1 MiB): the
//! engine's front end recurses once per level of nesting and counts on it
//! (`FRONT_END_STACK` in the engine's `src/stack.rs`, for wasm32).
fn main() {
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rustc-link-arg-bins=-zstack-size=8388608");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
