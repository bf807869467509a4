//! 长株潭 plans explorer.
//!
//! Data flows one way: seed text → [`plan::Dataset`] → `draw` specs → SVG → DOM.
//!
//! * [`plan`]: the pure data model and its parsers (no browser crates).
//! * [`draw`]: pure drawing from the model to SVG strings (plotters' SVG backend).
//! * [`words`]: every user-facing string, one table per language; number formats.
//! * `ui`: the thin Leptos layer, compiled for `wasm32` only.

// The builds without every page group (`site::Build`) compile every module
// but reach only their pages: the linker drops the rest.
#![cfg_attr(not(feature = "whole"), allow(dead_code, unused_imports))]

pub mod draw;
pub mod markup;
pub mod pages;
pub mod route;
pub mod site;
pub mod words;

/// The data model and parsers (the `cztp-plan` crate).
pub use plan;

/// The core of the dataset compiled at build time (`build.rs`),
/// postcard-encoded (see `plan::compiled`).
pub fn compiled_dataset() -> &'static [u8] {
    include_bytes!(concat!(env!("OUT_DIR"), "/dataset.bin"))
}

#[cfg(target_arch = "wasm32")]
pub mod ui;
