//! The dataset in its compiled form: built from the seeds and the curated
//! records at build time (the app's `build.rs`), serialised with postcard,
//! and embedded in the wasm. The app only decodes it: no parser, no seed
//! text, no data file reaches the browser. Document texts are left out
//! (`Document::text` is empty); source views load them when asked.

use crate::Dataset;

/// Serialise a dataset (document texts are not included).
pub fn encode(ds: &Dataset) -> Vec<u8> {
    postcard::to_allocvec(ds).expect("a dataset always serialises")
}

/// Read a compiled dataset.
pub fn decode(bytes: &[u8]) -> Result<Dataset, String> {
    postcard::from_bytes(bytes).map_err(|e| format!("the compiled dataset cannot be read: {e}"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn round_trip_keeps_everything_but_the_texts() {
        let mut ds = crate::Dataset::load();
        let again = super::decode(&super::encode(&ds)).unwrap();
        for d in &mut ds.documents {
            d.text.clear();
        }
        assert_eq!(again, ds);
    }
}
