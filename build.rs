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
    // The year the pages say a target's year has passed or not: the year of
    // the build (CZTP_YEAR overrides it).
    println!("cargo:rerun-if-env-changed=CZTP_YEAR");
    let year = std::env::var("CZTP_YEAR")
        .ok()
        .and_then(|y| y.parse::<i32>().ok())
        .unwrap_or_else(this_year);
    println!("cargo:rustc-env=CZTP_YEAR={year}");
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
        .map(|(_, p)| format!("{:?}: {}", p.code, p.detail))
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

/// The current year (UTC), from the system clock.
fn this_year() -> i32 {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    // Days since 1970-01-01 to a civil year (Howard Hinnant's algorithm).
    let z = (secs / 86_400) as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2)) as i32
}
