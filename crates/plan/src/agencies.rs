//! Government units: a curated registry of the agencies the plans name, the
//! names each carried across the 2018 provincial institutional reform, and a
//! fallback that classifies a unit no entry knows (for imported plans).

use serde::Serialize;

use super::{Role, Task};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
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

/// A name an agency carried besides its canonical one.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FormerName {
    pub name: String,
    /// Why the name differs, e.g. "2018年机构改革前名称".
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Agency {
    /// Stable ASCII id used in routes and exports.
    pub id: String,
    /// Canonical name (the name after the 2018 reform where there was one).
    pub name: String,
    /// Every name the agency carries in this dataset, canonical first.
    pub names: Vec<String>,
    pub kind: AgencyKind,
    /// English name.
    #[serde(skip)]
    pub name_en: String,
    pub former: Vec<FormerName>,
    /// What the unit is, for collective units and the like.
    pub note: Option<String>,
    /// False when the fallback created the agency (no registry entry).
    pub known: bool,
}

const REFORM: &str = "2018年机构改革前名称";
const MERGED: &str = "2018年机构改革中并入";
const SHORT: &str = "简称";

struct Entry {
    id: &'static str,
    name: &'static str,
    en: &'static str,
    kind: AgencyKind,
    former: &'static [(&'static str, &'static str)],
    note: Option<&'static str>,
}

const fn e(
    id: &'static str,
    name: &'static str,
    en: &'static str,
    kind: AgencyKind,
    former: &'static [(&'static str, &'static str)],
) -> Entry {
    Entry {
        id,
        name,
        en,
        kind,
        former,
        note: None,
    }
}

use AgencyKind::*;

/// The curated registry, in display order.
const ENTRIES: &[Entry] = &[
    e(
        "prov-drc",
        "省发展改革委",
        "Provincial Development and Reform Commission",
        Provincial,
        &[("省发改委", SHORT)],
    ),
    e(
        "prov-sti",
        "省科技厅",
        "Provincial Department of Science and Technology",
        Provincial,
        &[],
    ),
    e(
        "prov-miit",
        "省工业和信息化厅",
        "Provincial Department of Industry and Information Technology",
        Provincial,
        &[("省经信委", REFORM)],
    ),
    e(
        "prov-commerce",
        "省商务厅",
        "Provincial Department of Commerce",
        Provincial,
        &[],
    ),
    e(
        "prov-nr",
        "省自然资源厅",
        "Provincial Department of Natural Resources",
        Provincial,
        &[("省国土资源厅", REFORM)],
    ),
    e(
        "prov-samr",
        "省市场监管局",
        "Provincial Administration for Market Regulation",
        Provincial,
        &[
            ("省工商局", MERGED),
            ("省质监局", MERGED),
            ("省知识产权局", MERGED),
        ],
    ),
    e(
        "prov-finance",
        "省财政厅",
        "Provincial Department of Finance",
        Provincial,
        &[],
    ),
    e(
        "prov-transport",
        "省交通运输厅",
        "Provincial Department of Transport",
        Provincial,
        &[],
    ),
    e(
        "prov-eco",
        "省生态环境厅",
        "Provincial Department of Ecology and Environment",
        Provincial,
        &[],
    ),
    e(
        "prov-housing",
        "省住房城乡建设厅",
        "Provincial Department of Housing and Urban-Rural Development",
        Provincial,
        &[],
    ),
    e(
        "prov-hrss",
        "省人力资源社会保障厅",
        "Provincial Department of Human Resources and Social Security",
        Provincial,
        &[],
    ),
    e(
        "prov-education",
        "省教育厅",
        "Provincial Department of Education",
        Provincial,
        &[],
    ),
    e(
        "prov-culture-tourism",
        "省文化和旅游厅",
        "Provincial Department of Culture and Tourism",
        Provincial,
        &[("省文化厅", REFORM)],
    ),
    e(
        "prov-health",
        "省卫生健康委",
        "Provincial Health Commission",
        Provincial,
        &[("省卫生计生委", REFORM)],
    ),
    e(
        "prov-agri",
        "省农业农村厅",
        "Provincial Department of Agriculture and Rural Affairs",
        Provincial,
        &[],
    ),
    e(
        "prov-water",
        "省水利厅",
        "Provincial Department of Water Resources",
        Provincial,
        &[],
    ),
    e(
        "prov-forestry",
        "省林业局",
        "Provincial Forestry Administration",
        Provincial,
        &[],
    ),
    e(
        "prov-local-finance",
        "省地方金融监管局",
        "Provincial Local Financial Supervision Bureau",
        Provincial,
        &[("省政府金融办", REFORM)],
    ),
    e(
        "prov-gov-services",
        "省政务局",
        "Provincial Government Services Administration",
        Provincial,
        &[],
    ),
    e(
        "prov-tcm",
        "省中医药局",
        "Provincial Administration of Traditional Chinese Medicine",
        Provincial,
        &[],
    ),
    e(
        "prov-justice",
        "省司法厅",
        "Provincial Department of Justice",
        Provincial,
        &[],
    ),
    e(
        "prov-public-security",
        "省公安厅",
        "Provincial Department of Public Security",
        Provincial,
        &[],
    ),
    e(
        "prov-civil-affairs",
        "省民政厅",
        "Provincial Department of Civil Affairs",
        Provincial,
        &[],
    ),
    e(
        "prov-healthcare-security",
        "省医保局",
        "Provincial Healthcare Security Administration",
        Provincial,
        &[],
    ),
    e(
        "prov-research-center",
        "省政府发展研究中心",
        "Development Research Center of the Provincial Government",
        Provincial,
        &[],
    ),
    e(
        "prov-performance",
        "省绩效办",
        "Provincial Performance Evaluation Office",
        Provincial,
        &[],
    ),
    e(
        "prov-foreign-affairs",
        "省外事侨务办",
        "Provincial Foreign and Overseas Chinese Affairs Office",
        Provincial,
        &[],
    ),
    e(
        "party-cac",
        "省委网信办",
        "Cyberspace Affairs Office of the Provincial Party Committee",
        Party,
        &[],
    ),
    e(
        "party-establishment",
        "省委编办",
        "Institutional Establishment Office of the Provincial Party Committee",
        Party,
        &[],
    ),
    e(
        "party-organization",
        "省委组织部",
        "Organization Department of the Provincial Party Committee",
        Party,
        &[],
    ),
    e(
        "city-changsha",
        "长沙市人民政府",
        "Changsha Municipal People's Government",
        City,
        &[],
    ),
    e(
        "city-zhuzhou",
        "株洲市人民政府",
        "Zhuzhou Municipal People's Government",
        City,
        &[],
    ),
    e(
        "city-xiangtan",
        "湘潭市人民政府",
        "Xiangtan Municipal People's Government",
        City,
        &[],
    ),
    e(
        "city-yueyang",
        "岳阳市人民政府",
        "Yueyang Municipal People's Government",
        City,
        &[],
    ),
    e(
        "zone-xiangjiang",
        "湘江新区管委会",
        "Hunan Xiangjiang New Area Administrative Committee",
        Zone,
        &[],
    ),
    e(
        "central-customs",
        "长沙海关",
        "Changsha Customs",
        Central,
        &[],
    ),
    e(
        "central-pboc",
        "人民银行长沙中心支行",
        "People's Bank of China Changsha Central Sub-branch",
        Central,
        &[],
    ),
    e(
        "central-cbirc",
        "湖南银保监局",
        "Hunan Office of the China Banking and Insurance Regulatory Commission",
        Central,
        &[("湖南银监局", REFORM)],
    ),
    e(
        "central-csrc",
        "湖南证监局",
        "Hunan Office of the China Securities Regulatory Commission",
        Central,
        &[],
    ),
    e(
        "central-comms",
        "省通信管理局",
        "Hunan Communications Administration",
        Central,
        &[],
    ),
    e(
        "ent-airport",
        "省机场管理集团",
        "Hunan Airport Management Group",
        Enterprise,
        &[],
    ),
    e(
        "ent-guangzhou-railway",
        "广铁集团长沙办事处",
        "Changsha Office of China Railway Guangzhou Group",
        Enterprise,
        &[],
    ),
    e(
        "assoc-fic",
        "省工商联",
        "Provincial Federation of Industry and Commerce",
        Association,
        &[],
    ),
    Entry {
        id: "coll-cities",
        name: "各有关市州人民政府",
        en: "the city and prefecture governments concerned",
        kind: Collective,
        former: &[],
        note: Some("合称：文件未列出具体是哪些市州；不拆分为单个市政府。"),
    },
    Entry {
        id: "coll-leading-group",
        name: "领导小组成员单位",
        en: "member units of the leading group",
        kind: Collective,
        former: &[],
        note: Some("合称：自创区建设领导小组的成员单位，文件未列出名单。"),
    },
    Entry {
        id: "coll-related-depts",
        name: "相关部门",
        en: "other departments concerned",
        kind: Collective,
        former: &[
            ("等相关部门", "原文写法"),
            ("等有关部门", "原文写法"),
            ("等相关单位", "原文写法"),
            ("等有关单位", "原文写法"),
        ],
        note: Some("合称：原文在单位名单后写“等相关部门”，未列出具体部门。"),
    },
];

/// Shorthand names that stand for several agencies: the plan means each of them.
const SHORTHANDS: &[(&str, &[&str])] = &[(
    "长株潭三市政府",
    &["city-changsha", "city-zhuzhou", "city-xiangtan"],
)];

/// Spellings that are the same unit written longer or shorter.
const SPELLINGS: &[(&str, &str)] = &[
    ("长沙市政府", "city-changsha"),
    ("株洲市政府", "city-zhuzhou"),
    ("湘潭市政府", "city-xiangtan"),
    ("岳阳市政府", "city-yueyang"),
    ("省发展和改革委员会", "prov-drc"),
    ("湖南湘江新区管委会", "zone-xiangjiang"),
];

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
}

impl Registry {
    pub fn seeded() -> Registry {
        let agencies = ENTRIES
            .iter()
            .map(|e| {
                let mut names = vec![e.name.to_string()];
                names.extend(
                    e.former
                        .iter()
                        .map(|(n, _)| n.to_string())
                        .filter(|n| !n.starts_with('等')),
                );
                Agency {
                    id: e.id.to_string(),
                    name: e.name.to_string(),
                    names,
                    kind: e.kind,
                    name_en: e.en.to_string(),
                    former: e
                        .former
                        .iter()
                        .map(|(n, note)| FormerName {
                            name: n.to_string(),
                            note: note.to_string(),
                        })
                        .collect(),
                    note: e.note.map(str::to_string),
                    known: true,
                }
            })
            .collect();
        Registry { agencies }
    }

    /// Resolve a unit name to one agency, or several for a shorthand. A name
    /// no entry knows becomes a new agency classified by its wording.
    pub fn resolve(&mut self, name: &str) -> Resolved {
        if let Some((_, ids)) = SHORTHANDS.iter().find(|(n, _)| *n == name) {
            return Resolved {
                agencies: ids.iter().map(|s| s.to_string()).collect(),
                known: true,
            };
        }
        if let Some((_, id)) = SPELLINGS.iter().find(|(n, _)| *n == name) {
            return Resolved {
                agencies: vec![id.to_string()],
                known: true,
            };
        }
        if let Some(a) = self
            .agencies
            .iter()
            .find(|a| a.name == name || a.former.iter().any(|f| f.name == name))
        {
            return Resolved {
                agencies: vec![a.id.clone()],
                known: a.known,
            };
        }
        let id = fallback_id(name);
        self.agencies.push(Agency {
            id: id.clone(),
            name: name.to_string(),
            names: vec![name.to_string()],
            kind: classify(name),
            name_en: String::new(),
            former: vec![],
            note: None,
            known: false,
        });
        Resolved {
            agencies: vec![id],
            known: false,
        }
    }

    /// The agencies the tasks use, registry order first, then fallback ones by name.
    pub fn into_used(self, tasks: &[Task]) -> Vec<Agency> {
        let used = |id: &str| tasks.iter().any(|t| t.units.iter().any(|a| a.agency == id));
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
    } else if name.ends_with("政府") && name.contains(super::units::PLACE_CHARS) {
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
