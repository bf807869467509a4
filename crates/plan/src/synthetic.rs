//! Synthetic data for the bench: the dataset repeated `k` times (tasks,
//! agencies and indicators; copy `j` of an item gets the id suffix `~j` and
//! refers to copy `j` of the agencies), so that interactions can be timed
//! at 10× and 100× the seeds' size. Never shipped: `build.rs` uses it only
//! when `CZTP_SCALE` is set.

use crate::Dataset;

/// `ds` with its tasks, agencies and indicators repeated `k` times.
pub fn scale(ds: &Dataset, k: usize) -> Dataset {
    let mut out = ds.clone();
    let suffix = |id: &str, j: usize| format!("{id}~{j}");
    for j in 1..k {
        out.agencies.extend(ds.agencies.iter().map(|a| {
            let mut a = a.clone();
            a.id = suffix(&a.id, j);
            a.name = format!("{}·{j}", a.name);
            a.names = a.names.iter().map(|n| format!("{n}·{j}")).collect();
            a.name_en = format!("{} ·{j}", a.name_en);
            a
        }));
        out.tasks.extend(ds.tasks.iter().map(|t| {
            let mut t = t.clone();
            t.id = suffix(&t.id, j);
            t.text = format!("{}（副本{j}）", t.text);
            for u in &mut t.units {
                u.agency = suffix(&u.agency, j);
            }
            t
        }));
        out.indicators.extend(ds.indicators.iter().map(|i| {
            let mut i = i.clone();
            i.id = suffix(&i.id, j);
            i.name = format!("{}·{j}", i.name);
            i.name_en = format!("{} ·{j}", i.name_en);
            for p in &mut i.points {
                p.task = p.task.as_ref().map(|t| suffix(t, j));
            }
            i
        }));
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_hundred_times_the_seeds() {
        let ds = crate::Dataset::load();
        let big = super::scale(&ds, 100);
        assert_eq!(big.tasks.len(), 8600);
        assert_eq!(big.agencies.len(), 100 * ds.agencies.len());
        assert_eq!(big.indicators.len(), 100 * ds.indicators.len());
        assert!(big
            .task("000-1~99")
            .is_some_and(|t| t.units[0].agency.ends_with("~99")));
    }
}
