//! The agency registry, read from data/agencies.toml here (natively) and
//! embedded as JSON: the importer's wasm carries no TOML reader and none of
//! the other curated records.

fn main() {
    println!("cargo:rerun-if-changed=../../data/agencies.toml");
    let mut problems = Vec::new();
    let curated = plan::curated::load(&mut problems);
    let json = serde_json::to_string(&curated.agencies).expect("the registry serialises");
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR"));
    std::fs::write(out.join("agencies.json"), json).expect("OUT_DIR is writable");
}
