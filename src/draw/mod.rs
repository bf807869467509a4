//! Pure drawing: from the plan model to view specs to SVG strings.
//!
//! Architecture invariant: no leptos, web-sys or wasm-bindgen here; plotters
//! draws through its SVG backend into a `String`, so every chart is testable
//! natively.

pub mod agency;
pub mod chart;
pub mod figure;
pub mod map;
pub mod network;
pub mod scale;
pub mod scene;
pub mod svg;
pub mod text;
pub mod widths;
