//! `cargo xtask bench`: figures, not pass/fail.

use crate::{build, Result};

pub fn main(_args: &[&str]) -> Result {
    let d = build::dist()?;
    println!("wasm (after wasm-opt -Oz): {} bytes", d.wasm_bytes);
    println!(
        "wasm (before wasm-opt):    {} bytes",
        d.wasm_unoptimised_bytes
    );
    println!("offline single file:       {} bytes", d.offline_bytes);
    Ok(())
}
