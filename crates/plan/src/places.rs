//! Places and spatial elements the plans name, each with the sentence that
//! names it. Coordinates (WGS84) are attached by the map layer's geodata.

use serde::{Deserialize, Serialize};

use super::curated::{bad_file, locate, PlacesFile};
use super::{Document, Lines};
pub use crate::kinds::PlaceKind;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Place {
    pub id: String,
    pub name: String,
    pub name_en: String,
    /// A short English map label, where `name_en` is long.
    pub short_en: Option<String>,
    pub kind: PlaceKind,
    pub document: String,
    /// The verbatim sentence that names (or defines) the place.
    pub quote: String,
    pub lines: Lines,
    pub lon: Option<f64>,
    pub lat: Option<f64>,
    /// Where lon/lat come from: "geonames:<id>", "airportsdata:<ICAO>",
    /// "approximate" (placed by hand) or "centre-of-members".
    pub coord_source: Option<String>,
    /// The structural element the place belongs to (a cluster, a belt, a bank).
    pub parent: Option<String>,
    /// A line feature's course ([lon, lat] points), placed by hand.
    pub line: Option<Vec<(f64, f64)>>,
    /// An area's outline, placed by hand.
    pub area: Option<Vec<(f64, f64)>>,
    /// Where a line or area feature's name is drawn.
    pub label: Option<(f64, f64)>,
    pub note: Option<String>,
    pub note_en: Option<String>,
    /// Why the place is read as it is (its kind, whether two names are one
    /// place), where that is a judgement.
    #[serde(default)]
    pub reading: Option<crate::indicators::Reading>,
}

impl Place {
    pub fn name_in(&self, lang: crate::Lang) -> &str {
        match lang {
            crate::Lang::Zh => &self.name,
            crate::Lang::En => &self.name_en,
        }
    }
    /// A map label: the short English name where there is one.
    pub fn short_in(&self, lang: crate::Lang) -> &str {
        match (lang, &self.short_en) {
            (crate::Lang::En, Some(s)) => s,
            _ => self.name_in(lang),
        }
    }
}

/// Every curated place with its defining sentence, located in its document;
/// a record whose document or snippet is missing is a problem of the data file.
pub fn build(
    documents: &[Document],
    records: &PlacesFile,
    bad: &mut impl FnMut(&str, super::Problem),
) -> Vec<Place> {
    let file = super::curated::PLACES.0;
    let pt = |p: &[f64; 2]| (p[0], p[1]);
    let mut places: Vec<Place> = records
        .place
        .iter()
        .filter_map(|r| {
            let (doc, quote, lines) =
                locate(file, documents, (&r.id, &r.document, &r.snippet), bad)?;
            Some(Place {
                id: r.id.clone(),
                name: r.name.clone(),
                name_en: r.en.clone(),
                short_en: r.en_short.clone(),
                kind: r.kind,
                document: doc.id.clone(),
                quote,
                lines,
                lon: r.at.map(|a| a[0]),
                lat: r.at.map(|a| a[1]),
                // A river's course comes from WDBII (geodata.rs).
                coord_source: r.river.as_ref().map(|_| "wdbii".to_string()),
                parent: r.parent.clone(),
                line: match r.river.as_deref() {
                    Some("xiang") => Some(super::geodata::XIANG.to_vec()),
                    Some("lian") => Some(super::geodata::LIAN.to_vec()),
                    Some(other) => {
                        bad(file, bad_file(file, format!("{}: no river {other}", r.id)));
                        None
                    }
                    None => r.line.as_ref().map(|l| l.iter().map(pt).collect()),
                },
                area: r.area.as_ref().map(|l| l.iter().map(pt).collect()),
                label: r.label.as_ref().map(pt),
                note: r.note.clone(),
                note_en: r.note_en.clone(),
                reading: r.reading.clone(),
            })
        })
        .collect();
    super::geo::locate(&mut places);
    places
}

/// The names a task may use for a place: its full name, or (for some kinds)
/// its name without a generic ending: 长沙市 → 长沙, 易俗河镇 → 易俗河,
/// 宁乡主城区 → 宁乡, 湘阴新片区 → 湘阴. 长沙县 stays 长沙县.
fn names_of(p: &Place) -> Vec<String> {
    let mut names = vec![p.name.clone()];
    let endings: &[&str] = match p.kind {
        PlaceKind::City => &["市"],
        PlaceKind::Town => &["镇"],
        PlaceKind::County => &["主城区"],
        PlaceKind::Zone => &["新片区"],
        _ => &[],
    };
    for e in endings {
        if let Some(head) = p.name.strip_suffix(e) {
            if head.chars().count() >= 2 {
                names.push(head.to_string());
            }
        }
    }
    names
}

/// The tasks whose text or targets name a place or, for a structural element
/// (cluster, belt, axis, area), one of its members.
pub fn tasks_naming<'a>(ds: &'a super::Dataset, p: &Place) -> Vec<&'a super::Task> {
    let mut names = names_of(p);
    for m in ds
        .places
        .iter()
        .filter(|m| m.parent.as_deref() == Some(&p.id))
    {
        names.extend(names_of(m));
    }
    ds.tasks
        .iter()
        .filter(|t| {
            names.iter().any(|n| {
                t.text.contains(n.as_str()) || t.targets.iter().any(|x| x.text.contains(n.as_str()))
            })
        })
        .collect()
}
