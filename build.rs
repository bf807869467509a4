//! Compile the dataset: the seeds and the curated records of `data/` are
//! parsed here, at build time, into the model, serialised with postcard and
//! its core embedded in the app (`changzhutan_plans::compiled_dataset`; the
//! rest is a file of the site). The parser never reaches the browser.

fn main() {
    // The plan crate embeds seeds/ and data/: it is rebuilt (and so this
    // script rerun) when they change. Say so anyway, for clarity.
    println!("cargo:rerun-if-changed=seeds");
    println!("cargo:rerun-if-changed=data");
    println!("cargo:rerun-if-changed=build.rs");
    // The bench builds the app on synthetic data too (10×, 100× the seeds).
    println!("cargo:rerun-if-env-changed=CZTP_SCALE");
    let mut ds = plan::Dataset::load();
    if let Some(k) = std::env::var("CZTP_SCALE")
        .ok()
        .and_then(|k| k.parse().ok())
    {
        if k > 1 {
            ds = plan::synthetic::scale(&ds, k);
        }
    }
    let bad: Vec<String> = ds
        .problems
        .iter()
        .filter(|(file, _)| file.starts_with("data/"))
        .map(|(_, p)| p.message(plan::Lang::En))
        .collect();
    for b in &bad {
        println!("cargo:warning={b}");
    }
    // The core, embedded: what every chart needs. The rest is a file of the
    // site (the xtask writes it from the same split).
    let (core, _) = plan::compiled::split(&ds);
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("dataset.bin"), plan::compiled::encode(&core))
        .expect("OUT_DIR is writable");
}
