//! Any bytes, under any of the names that pick a reader: `import` returns
//! an import or an error, never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plan::import::{import, ImportOptions};

fuzz_target!(|data: &[u8]| {
    let names = ["x.txt", "x.csv", "x.html", "x.docx", "x.xlsx"];
    let name = names[data.first().map_or(0, |b| *b as usize % names.len())];
    let _ = import(name, data, &ImportOptions::default());
});
