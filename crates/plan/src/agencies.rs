//! Government units: a curated registry of the agencies the plans name, the
//! names each carried across the 2018 provincial institutional reform, and a
//! fallback that classifies a unit no entry knows (for imported plans).

use serde::{Deserialize, Serialize};

use super::{Role, Task};
use crate::curated::{AgenciesFile, ShorthandRec, SpellingRec};
use crate::lang::Lang;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgencyKind {
    /// 省政府组成部门、直属机构 (省发展改革委, 省科技厅, …).
    Provincial,
    /// 省委工作机关 (省委网信办, 省委编办, 省委组织部).
    Party,
    /// 市（州）人民政府.
    City,
    /// 国家级新区管理机构 (湘江新区管委会).
    Zone,
    /// 中央驻湘单位 (长沙海关, 人民银行长沙中心支行, 湖南证监局, …).
    Central,
    /// 企业或集团 (省机场管理集团, 广铁集团长沙办事处).
    Enterprise,
    /// 人民团体 (省工商联).
    Association,
    /// A collective unit: not one agency but a set the text does not enumerate.
    Collective,
    /// A unit the fallback could not classify.
    Other,
}

impl AgencyKind {
    pub const ALL: [AgencyKind; 9] = [
        AgencyKind::Provincial,
        AgencyKind::Party,
        AgencyKind::City,
        AgencyKind::Zone,
        AgencyKind::Central,
        AgencyKind::Enterprise,
        AgencyKind::Association,
        AgencyKind::Collective,
        AgencyKind::Other,
    ];
    pub fn key(self) -> &'static str {
        match self {
            AgencyKind::Provincial => "provincial",
            AgencyKind::Party => "party",
            AgencyKind::City => "city",
            AgencyKind::Zone => "zone",
            AgencyKind::Central => "central",
            AgencyKind::Enterprise => "enterprise",
            AgencyKind::Association => "association",
            AgencyKind::Collective => "collective",
            AgencyKind::Other => "other",
        }
    }
}

/// Why an agency carries a name besides its canonical one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NameChange {
    /// An abbreviation (省发改委 for 省发展改革委).
    Short,
    /// The name before the 2018 institutional reform.
    Reform,
    /// An agency merged into this one in the 2018 reform.
    Merged,
    /// How a document writes a collective unit (…等相关部门).
    Written,
}

/// A name an agency carried besides its canonical one.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FormerName {
    pub name: String,
    /// Why the name differs.
    pub why: NameChange,
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
                        })
                        .collect(),
                    note: e.note.clone(),
                    note_en: e.note_en.clone(),
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
            ("省知识产权局", "省市场监管局"),
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
