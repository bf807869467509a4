//! The Leptos layer (wasm32 only).
