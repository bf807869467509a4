//! The data page: its downloads are files the build wrote; with the
//! visitor's imports merged, the app makes them from the merged dataset.

use super::bound::Bound;
use super::dom;
use super::state::dataset;
use plan::export::{to_csv, to_json, Table};

pub fn bind(b: &mut Bound, main: &web_sys::Element) {
    b.listen(main, "click", |ev| {
        // The site's files are the seeds' dataset; the app makes them when
        // the visitor's imports are merged, and in the offline file.
        if super::imports::merged().is_none() && super::state::links() == crate::words::Links::Paths
        {
            return;
        }
        let Some(name) = dom::closest(ev.target(), "[data-download]")
            .and_then(|e| e.get_attribute("data-download"))
        else {
            return;
        };
        ev.prevent_default();
        if name == "json" {
            dom::download(
                "changzhutan-plans.json",
                "application/json",
                &to_json(dataset(), &crate::words::problems::WORDS),
            );
        } else if let Some(table) = Table::from_name(&name) {
            dom::download(
                &format!("{name}.csv"),
                "text/csv;charset=utf-8",
                &to_csv(dataset(), table, &crate::words::problems::WORDS),
            );
        }
    });
}
