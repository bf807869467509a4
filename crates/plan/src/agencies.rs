//! Government units: a curated registry of the agencies the plans name, the
//! names each carried across the 2018 provincial institutional reform, and a
//! fallback that classifies a unit no entry knows (for imported plans).

use serde::{Deserialize, Serialize};

use super::{Role, Task};
use crate::curated::{AgenciesFile, ShorthandRec, SpellingRec};
pub use crate::kinds::{AgencyKind, NameChange};
use crate::lang::Lang;

/// A name an agency carried besides its canonical one.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FormerName {
    pub name: String,
    /// Why the name differs.
    pub why: NameChange,
    /// The name in English (a name before the 2018 reform).
    #[serde(default)]
    pub en: Option<String>,
    /// What the 2018 reform did to it, when, and where that is written.
    #[serde(default)]
    pub reform: Option<ReformWhy>,
}

/// What the 2018 reform did to a name, as we read the reform's wording,
/// when, and where that is written (a source outside the seeds says so).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReformWhy {
    /// "2018", or as precise as the source gives it.
    pub date: String,
    pub reason: String,
    pub reason_en: String,
    pub source: String,
    pub source_en: String,
}

/// An agency the 2018 reform kept under its own name, managed by another.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Continued {
    /// The id of the agency that manages it since the reform.
    pub managed_by: String,
    pub why: ReformWhy,
}

/// What the 2018 reform did to a name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReformChange {
    /// Renamed, or re-formed under a new name (省经信委 → 省工业和信息化厅).
    Renamed,
    /// Merged into another agency (省工商局 → 省市场监管局).
    Merged,
    /// Kept under its own name, managed by another agency (省知识产权局).
    Continued,
}

/// One row of "former name → name after the reform".
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Rename<'a> {
    /// The agency (after the reform) the former name belongs to.
    pub agency: &'a str,
    pub former: &'a str,
    pub former_en: &'a str,
    /// The name after the reform, and in English.
    pub name: &'a str,
    pub name_en: &'a str,
    pub change: ReformChange,
    /// For a continued agency: the agency that manages it.
    pub managed_by: Option<&'a str>,
    pub date: &'a str,
    pub reason: &'a str,
    pub reason_en: &'a str,
    pub source: &'a str,
    pub source_en: &'a str,
}

/// Every name the 2018 reform changed, in registry order: former name →
/// name after the reform, with both in English, the date and the source.
pub fn renames(ds: &crate::Dataset) -> Vec<Rename<'_>> {
    let mut out = Vec::new();
    for a in &ds.agencies {
        for f in &a.former {
            let change = match f.why {
                NameChange::Reform => ReformChange::Renamed,
                NameChange::Merged => ReformChange::Merged,
                NameChange::Short | NameChange::Written => continue,
            };
            let Some(r) = &f.reform else { continue };
            out.push(Rename {
                agency: &a.id,
                former: &f.name,
                former_en: f.en.as_deref().unwrap_or(""),
                name: &a.name,
                name_en: &a.name_en,
                change,
                managed_by: None,
                date: &r.date,
                reason: &r.reason,
                reason_en: &r.reason_en,
                source: &r.source,
                source_en: &r.source_en,
            });
        }
        if let Some(c) = &a.continued {
            out.push(Rename {
                agency: &a.id,
                former: &a.name,
                former_en: &a.name_en,
                name: &a.name,
                name_en: &a.name_en,
                change: ReformChange::Continued,
                managed_by: Some(&c.managed_by),
                date: &c.why.date,
                reason: &c.why.reason,
                reason_en: &c.why.reason_en,
                source: &c.why.source,
                source_en: &c.why.source_en,
            });
        }
    }
    out
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Agency {
    /// Stable ASCII id used in routes and exports.
    pub id: String,
    /// Canonical name (the name after the 2018 reform where there was one).
    pub name: String,
    /// Every name the agency carries in this dataset, canonical first.
    pub names: Vec<String>,
    pub kind: AgencyKind,
    /// English name (the official one where known).
    pub name_en: String,
    pub former: Vec<FormerName>,
    /// A short English name for labels, where `name_en` is long.
    pub short_en: Option<String>,
    /// What the unit is, for collective units and the like.
    pub note: Option<String>,
    pub note_en: Option<String>,
    /// Kept by the 2018 reform under its own name, managed by another agency.
    #[serde(default)]
    pub continued: Option<Continued>,
    /// False when the fallback created the agency (no registry entry).
    pub known: bool,
}

impl Agency {
    /// The agency's name in a language (English: the curated name, or the
    /// Chinese for a unit the registry does not know).
    pub fn name_in(&self, lang: Lang) -> &str {
        match lang {
            Lang::En if !self.name_en.is_empty() => &self.name_en,
            _ => &self.name,
        }
    }
    /// A short name for labels.
    pub fn short_in(&self, lang: Lang) -> &str {
        match (lang, &self.short_en) {
            (Lang::En, Some(s)) => s,
            _ => self.name_in(lang),
        }
    }
}

/// What a unit name resolved to.
#[derive(Clone, Debug, PartialEq)]
pub struct Resolved {
    pub agencies: Vec<String>,
    /// True when a registry entry (or shorthand) knew the name.
    pub known: bool,
}

/// The registry of agencies; grows with fallback agencies for unknown names.
pub struct Registry {
    agencies: Vec<Agency>,
    shorthands: Vec<ShorthandRec>,
    spellings: Vec<SpellingRec>,
    /// Every name (canonical, former, written) → the first agency carrying
    /// it: lookups stay constant-time however many units an import adds.
    by_name: std::collections::HashMap<String, usize>,
}

/// How documents write "and the other units" after a list (`A、B等`): the
/// collective unit 等相关部门 of the registry.
const ETC_WRITTEN: [&str; 3] = ["等", "等部门", "等单位"];

impl Registry {
    /// The curated registry (`data/agencies.toml`).
    pub fn from_records(f: &AgenciesFile) -> Registry {
        let agencies: Vec<Agency> = f
            .agency
            .iter()
            .map(|e| {
                let mut names = vec![e.name.clone()];
                names.extend(
                    e.former
                        .iter()
                        .filter(|n| n.why != NameChange::Written)
                        .map(|n| n.name.clone()),
                );
                Agency {
                    id: e.id.clone(),
                    name: e.name.clone(),
                    names,
                    kind: e.kind,
                    name_en: e.en.clone(),
                    short_en: e.en_short.clone(),
                    former: e
                        .former
                        .iter()
                        .map(|n| FormerName {
                            name: n.name.clone(),
                            why: n.why,
                            en: n.en.clone(),
                            reform: reform_why(n),
                        })
                        .collect(),
                    note: e.note.clone(),
                    note_en: e.note_en.clone(),
                    continued: e.continued.as_ref().map(|c| Continued {
                        managed_by: c.managed_by.clone(),
                        why: ReformWhy {
                            date: c.date.clone(),
                            reason: c.reason.clone(),
                            reason_en: c.reason_en.clone(),
                            source: c.source.clone(),
                            source_en: c.source_en.clone(),
                        },
                    }),
                    known: true,
                }
            })
            .collect();
        let mut by_name = std::collections::HashMap::new();
        for (i, a) in agencies.iter().enumerate() {
            let a: &Agency = a;
            for n in std::iter::once(&a.name).chain(a.former.iter().map(|f| &f.name)) {
                by_name.entry(n.clone()).or_insert(i);
            }
        }
        Registry {
            agencies,
            shorthands: f.shorthand.clone(),
            spellings: f.spelling.clone(),
            by_name,
        }
    }

    /// The curated registry as embedded (for tests and tools).
    pub fn seeded() -> Registry {
        Registry::from_records(&crate::curated::load(&mut Vec::new()).agencies)
    }

    /// Resolve a unit name to one agency, or several for a shorthand. A name
    /// no entry knows becomes a new agency classified by its wording.
    pub fn resolve(&mut self, name: &str) -> Resolved {
        if let Some(s) = self.shorthands.iter().find(|s| s.name == name) {
            return Resolved {
                agencies: s.means.clone(),
                known: true,
            };
        }
        if let Some(s) = self.spellings.iter().find(|s| s.name == name) {
            return Resolved {
                agencies: vec![s.agency.clone()],
                known: true,
            };
        }
        if let Some(&i) = self.by_name.get(name) {
            let a = &self.agencies[i];
            return Resolved {
                agencies: vec![a.id.clone()],
                known: a.known,
            };
        }
        if ETC_WRITTEN.contains(&name) {
            if let Some(&i) = self.by_name.get("等相关部门") {
                return Resolved {
                    agencies: vec![self.agencies[i].id.clone()],
                    known: true,
                };
            }
        }
        let id = fallback_id(name);
        self.by_name.insert(name.to_string(), self.agencies.len());
        self.agencies.push(Agency {
            id: id.clone(),
            name: name.to_string(),
            names: vec![name.to_string()],
            kind: classify(name),
            name_en: String::new(),
            short_en: None,
            former: vec![],
            note: None,
            note_en: None,
            continued: None,
            known: false,
        });
        Resolved {
            agencies: vec![id],
            known: false,
        }
    }

    /// The agencies the tasks use, registry order first, then fallback ones by name.
    pub fn into_used(self, tasks: &[Task]) -> Vec<Agency> {
        let ids: std::collections::HashSet<&str> = tasks
            .iter()
            .flat_map(|t| t.units.iter().map(|a| a.agency.as_str()))
            .collect();
        let used = |id: &str| ids.contains(id);
        let (mut known, mut unknown): (Vec<Agency>, Vec<Agency>) = self
            .agencies
            .into_iter()
            .filter(|a| used(&a.id))
            .partition(|a| a.known);
        unknown.sort_by(|a, b| a.name.cmp(&b.name));
        known.append(&mut unknown);
        known
    }
}

/// A former name's reform record, when it has all of date, reason and source.
fn reform_why(n: &crate::curated::FormerRec) -> Option<ReformWhy> {
    Some(ReformWhy {
        date: n.date.clone()?,
        reason: n.reason.clone()?,
        reason_en: n.reason_en.clone()?,
        source: n.source.clone()?,
        source_en: n.source_en.clone()?,
    })
}

/// Classify a unit by its wording (used for names the registry lacks).
pub fn classify(name: &str) -> AgencyKind {
    use AgencyKind::*;
    let has = |s: &str| name.contains(s);
    if name.starts_with('各') || name.starts_with('等') || has("成员单位") || has("相关部门")
    {
        Collective
    } else if has("海关")
        || has("人民银行")
        || has("银保监")
        || has("银监")
        || has("证监")
        || has("通信管理局")
    {
        Central
    } else if has("管委会") || has("管理委员会") {
        Zone
    } else if name.starts_with("省委") {
        Party
    } else if has("集团") || has("公司") {
        Enterprise
    } else if name.ends_with("政府") && name.contains(crate::text::PLACE_CHARS) {
        City
    } else if name.starts_with('省') {
        Provincial
    } else if has("联合会") || name.ends_with("联") {
        Association
    } else {
        Other
    }
}

/// A stable id for a name without a registry entry (FNV-1a of its bytes).
fn fallback_id(name: &str) -> String {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in name.as_bytes() {
        h ^= *b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    format!("u-{:012x}", h & 0xffff_ffff_ffff)
}

/// How many tasks an agency leads and supports.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Load {
    pub lead: u32,
    pub support: u32,
}

impl Load {
    pub fn total(&self) -> u32 {
        self.lead + self.support
    }
}

/// An agency's load over a set of tasks: each task counts once per agency,
/// as lead if the agency leads it (even if also listed as support).
pub fn load<'a>(agency: &str, tasks: impl IntoIterator<Item = &'a Task>) -> Load {
    let mut l = Load::default();
    for t in tasks {
        match t.role_of(agency) {
            Some(Role::Lead) => l.lead += 1,
            Some(Role::Support) => l.support += 1,
            None => {}
        }
    }
    l
}

#[cfg(test)]
mod tests {
    use super::*;
    use AgencyKind::*;

    #[test]
    fn resolves_reform_names_to_one_agency() {
        let mut r = Registry::seeded();
        for (a, b) in [
            ("省发改委", "省发展改革委"),
            ("省经信委", "省工业和信息化厅"),
            ("省国土资源厅", "省自然资源厅"),
            ("省工商局", "省市场监管局"),
            ("省质监局", "省市场监管局"),
            ("省外事侨务办", "省外办"),
            ("省政府金融办", "省地方金融监管局"),
            ("省卫生计生委", "省卫生健康委"),
            ("省文化厅", "省文化和旅游厅"),
            ("湖南银监局", "湖南银保监局"),
        ] {
            assert_eq!(r.resolve(a), r.resolve(b), "{a} = {b}");
            assert!(r.resolve(a).known);
        }
        assert_eq!(r.resolve("长株潭三市政府").agencies.len(), 3);
    }

    #[test]
    fn unknown_names_are_classified_and_stable() {
        let mut r = Registry::seeded();
        let a = r.resolve("益阳市人民政府");
        assert!(!a.known);
        assert_eq!(r.resolve("益阳市人民政府"), a);
        assert_eq!(classify("益阳市人民政府"), City);
        assert_eq!(classify("省退役军人事务厅"), Provincial);
        assert_eq!(classify("各县市区人民政府"), Collective);
        assert_eq!(classify("中国移动湖南公司"), Enterprise);
        assert_eq!(classify("省委宣传部"), Party);
    }
}
