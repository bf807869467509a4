//! The vocabulary the records and the model share: kinds of agencies,
//! places, measures and points, and a reading's judgement. Here so that
//! the curated records (`curated`) and the model (`agencies`,
//! `indicators`, `places`) both use them without using each other.

use serde::{Deserialize, Serialize};

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

/// What an indicator measures; decides how a target's implied path is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// An amount that grows by compounding (GDP, income, output).
    Level,
    /// A share or ratio in percent (urbanisation, R&D share): grows in points.
    Share,
    /// A growth rate in percent.
    Rate,
    /// A count or size stated once.
    Count,
    /// A stock: each year's value includes the previous ones.
    Stock,
    /// A flow: each year's value is new that year.
    Flow,
}

/// How each measure is drawn: exhaustive, so a new measure is asked every
/// question here by the compiler.
impl Measure {
    /// A chart's value axis starts at zero (amounts), or fits the values
    /// (rates and shares move within a narrow range).
    pub fn axis_from_zero(self) -> bool {
        match self {
            Measure::Level | Measure::Count | Measure::Stock | Measure::Flow => true,
            Measure::Share | Measure::Rate => false,
        }
    }

    /// Its yearly values are drawn as bars (each year's is new that year).
    pub fn yearly_bars(self) -> bool {
        match self {
            Measure::Flow => true,
            Measure::Level | Measure::Share | Measure::Rate | Measure::Count | Measure::Stock => {
                false
            }
        }
    }

    /// Its values hold until they change: steps between them.
    pub fn steps(self) -> bool {
        match self {
            Measure::Stock => true,
            Measure::Level | Measure::Share | Measure::Rate | Measure::Count | Measure::Flow => {
                false
            }
        }
    }

    /// In percent, it cannot pass 100 (its axis stops there).
    pub fn capped_at_100(self) -> bool {
        match self {
            Measure::Share => true,
            Measure::Level | Measure::Rate | Measure::Count | Measure::Stock | Measure::Flow => {
                false
            }
        }
    }
}

/// Why a value or an indicator is read as it is, where that is a judgement
/// and not what the text says outright (stock or flow, baseline or
/// commitment, single year or average, exact or approximate). Shown in the
/// tooltip, exported, and listed for review by `tests/readings.rs`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reading {
    pub judgement: Judgement,
    pub reason: String,
    pub reason_en: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Judgement {
    /// A stock: each year's value includes the earlier ones.
    Stock,
    /// A flow: each year's value is new that year.
    Flow,
    /// A running total since the start of the period.
    Cumulative,
    /// An amount committed for a period, not a measured or target value.
    Commitment,
    /// One year's rate (比上年增长).
    SingleYear,
    /// An average over a period (年均增长).
    PeriodAverage,
    /// An approximate value (约, 1/7, 左右 …).
    Approximate,
    /// The year a value refers to, where the text does not state it.
    Year,
    /// Baseline or target, where the text leaves it open.
    Kind,
    /// What a word or symbol of the text means (e.g. Ш read as Ⅲ).
    Meaning,
    /// The text reads two ways and the seeds do not settle which: the
    /// reason gives both readings (and both totals, where they differ).
    Uncertain,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PointKind {
    /// A value the plan reports (现状).
    Baseline,
    /// A value the plan sets as a goal.
    Target,
    /// An amount committed for a period (省财政每年支持5亿元): neither a
    /// measured value nor a goal to reach.
    Commitment,
    /// A value measured after the plan was written (a table of actual
    /// values, imported): how far the actual path is from the target path.
    Actual,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceKind {
    /// 地级市.
    City,
    /// 县、县级市.
    County,
    /// 镇、街道、片区.
    Town,
    /// 经开区、高新区、产业园.
    Park,
    /// 新城、示范区、科技城、功能区.
    Zone,
    /// 港区、港口.
    Port,
    Airport,
    Station,
    /// 长株潭生态绿心.
    GreenHeart,
    /// 湘江发展轴、319国道发展轴、走廊.
    Axis,
    /// 三带.
    Belt,
    /// 多组团.
    Cluster,
    /// 特色小镇.
    FeatureTown,
    /// A river (龙王港, a tributary of the Xiang).
    River,
    /// A former industrial zone (清水塘, 竹埠港: remediation sites).
    FormerIndustrial,
    /// A facility or platform (国家超级计算长沙中心, 岳麓山实验室, a bonded
    /// logistics centre): a site, not a zone.
    Facility,
    /// A road the plans name (三干, 四连线): not drawn, no source here has its course.
    Road,
    /// A rail line the plans name (长株潭城际轨道交通西环线): not drawn either.
    Rail,
}

impl PlaceKind {
    pub fn key(self) -> &'static str {
        match self {
            PlaceKind::City => "city",
            PlaceKind::County => "county",
            PlaceKind::Town => "town",
            PlaceKind::Park => "park",
            PlaceKind::Zone => "zone",
            PlaceKind::Port => "port",
            PlaceKind::Airport => "airport",
            PlaceKind::Station => "station",
            PlaceKind::GreenHeart => "green_heart",
            PlaceKind::Axis => "axis",
            PlaceKind::Belt => "belt",
            PlaceKind::Cluster => "cluster",
            PlaceKind::FeatureTown => "feature_town",
            PlaceKind::River => "river",
            PlaceKind::FormerIndustrial => "former_industrial",
            PlaceKind::Facility => "facility",
            PlaceKind::Road => "road",
            PlaceKind::Rail => "rail",
        }
    }
}
