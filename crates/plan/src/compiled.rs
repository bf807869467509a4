//! The dataset in its compiled form: built from the seeds and the curated
//! records at build time (the app's `build.rs`), serialised with postcard,
//! in two parts. The core (documents, indicators, statements, milestones,
//! and the few tasks indicators refer to) is embedded in the wasm: every
//! chart draws from it. The rest (every task, agency and place) is a file
//! the app loads when a page needs it. The app only decodes: no parser, no
//! seed text, no data file reaches the browser. Document texts are left
//! out (`Document::text` is empty); source views load them when asked.

use serde::{Deserialize, Serialize};

use crate::places::Place;
use crate::{unique, Agency, Dataset, Problem, Task};

/// What the core leaves out.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Rest {
    pub tasks: Vec<Task>,
    pub agencies: Vec<Agency>,
    pub places: Vec<Place>,
    pub problems: Vec<(String, Problem)>,
}

/// The core and the rest of a dataset.
pub fn split(ds: &Dataset) -> (Dataset, Rest) {
    let mut core = ds.clone();
    let rest = Rest {
        tasks: std::mem::take(&mut core.tasks),
        agencies: std::mem::take(&mut core.agencies),
        places: std::mem::take(&mut core.places),
        problems: std::mem::take(&mut core.problems),
    };
    // The tasks indicators refer to (003's targets), and their agencies.
    let wanted = unique(
        ds.indicators
            .iter()
            .flat_map(|i| i.points.iter().filter_map(|p| p.task.as_deref())),
    );
    core.tasks = rest
        .tasks
        .iter()
        .filter(|t| wanted.contains(&t.id.as_str()))
        .cloned()
        .collect();
    core.agencies = rest
        .agencies
        .iter()
        .filter(|a| {
            core.tasks
                .iter()
                .any(|t| t.units.iter().any(|u| u.agency == a.id))
        })
        .cloned()
        .collect();
    (core, rest)
}

/// The whole dataset from its core and its rest.
pub fn join(core: &Dataset, rest: Rest) -> Dataset {
    let mut ds = core.clone();
    ds.tasks = rest.tasks;
    ds.agencies = rest.agencies;
    ds.places = rest.places;
    ds.problems = rest.problems;
    ds
}

/// Serialise a dataset or its rest (document texts are not included).
pub fn encode<T: Serialize>(part: &T) -> Vec<u8> {
    postcard::to_allocvec(part).expect("a dataset always serialises")
}

/// Read a compiled dataset (or its rest).
pub fn decode<T: for<'de> Deserialize<'de>>(bytes: &[u8]) -> Result<T, String> {
    postcard::from_bytes(bytes).map_err(|e| format!("the compiled dataset cannot be read: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_core_and_the_rest_make_the_dataset_less_its_texts() {
        let mut ds = Dataset::load();
        let (core, rest) = split(&ds);
        let core: Dataset = decode(&encode(&core)).unwrap();
        let rest: Rest = decode(&encode(&rest)).unwrap();
        assert!(core.places.is_empty() && core.tasks.len() < 20);
        assert!(core.indicators.iter().all(|i| i
            .points
            .iter()
            .filter_map(|p| p.task.as_deref())
            .all(|t| core.task(t).is_some())));
        let again = join(&core, rest);
        for d in &mut ds.documents {
            d.text.clear();
        }
        assert_eq!(again, ds);
    }
}
