//! Quantitative indicators: baselines and targets over time.
//!
//! Prose values (001, 002, 000) come from curated records that hold only a
//! verbatim snippet of the source; the value, unit and bound are read from
//! that snippet by [`super::quantity`], and the sentence around it is the
//! quote. 003's yearly targets are read from the parsed table cells the same
//! way. A test checks every snippet is found exactly where it says.

use serde::Serialize;

pub use super::quantity::Bound;
use super::quantity::{convert, quantities};
use super::text::sentence_of;
use super::{DocKind, Document, Lines, Task};

/// What an indicator measures; decides how a target's implied path is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
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

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PointKind {
    /// A value the plan reports (现状).
    Baseline,
    /// A value the plan sets as a goal.
    Target,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Point {
    /// None when the source gives no year (e.g. 001's 发展基础 without a date).
    pub year: Option<i32>,
    /// In the indicator's unit.
    pub value: f64,
    pub bound: Bound,
    pub kind: PointKind,
    /// The verbatim sentence (or table item) the value comes from.
    pub quote: String,
    /// The verbatim fragment holding the value, inside `quote`.
    pub snippet: String,
    pub lines: Lines,
    /// The task the value belongs to (003's table), if any.
    pub task: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Indicator {
    pub id: String,
    pub name: String,
    pub unit: String,
    pub document: String,
    /// The goal group the plan puts it under (经济人口承载力, …, or 003's task group).
    pub group: String,
    pub measure: Measure,
    pub points: Vec<Point>,
    pub note: Option<String>,
}

impl Indicator {
    pub fn baseline(&self) -> Option<&Point> {
        self.points
            .iter()
            .find(|p| p.kind == PointKind::Baseline && p.year.is_some())
    }
    pub fn targets(&self) -> impl Iterator<Item = &Point> {
        self.points.iter().filter(|p| p.kind == PointKind::Target)
    }
}

/// (id, name, unit, doc code, group, measure, note)
type Spec = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    Measure,
    Option<&'static str>,
);

/// (indicator id, year, kind, verbatim snippet, which quantity of the snippet (0-based))
type Rec = (&'static str, Option<i32>, PointKind, &'static str, usize);

pub const G_ECON: &str = "经济人口承载力";
pub const G_INNOV: &str = "科创产业融合度";
pub const G_INFRA: &str = "基础设施";
pub const G_ECO: &str = "生态环境";
pub const G_PUBLIC: &str = "基本公共服务";
pub const G_BASE: &str = "发展基础";
pub const G_SPACE: &str = "规划范围";

use Measure::*;
use PointKind::{Baseline as B, Target as T};

const SPECS: &[Spec] = &[
    // 001 第二章第四节 发展目标, with the 2019 values of 第一章第一节 发展基础.
    ("gdp", "地区生产总值", "万亿元", "001", G_ECON, Level, None),
    (
        "gdp-growth",
        "地区生产总值增速",
        "%",
        "001",
        G_ECON,
        Rate,
        Some("2019年为比上年增长；2025年为规划期年均增长。"),
    ),
    (
        "gdp-per-capita",
        "人均GDP",
        "万元",
        "001",
        G_ECON,
        Level,
        None,
    ),
    (
        "urban-income",
        "城镇居民人均可支配收入",
        "万元",
        "001",
        G_ECON,
        Level,
        None,
    ),
    (
        "urban-population",
        "城镇人口",
        "万人",
        "001",
        G_ECON,
        Level,
        None,
    ),
    ("urbanization", "城镇化率", "%", "001", G_ECON, Share, None),
    ("population", "常住人口", "万人", "001", G_ECON, Level, None),
    (
        "population-increase",
        "常住人口比上年增加",
        "万人",
        "001",
        G_ECON,
        Flow,
        None,
    ),
    (
        "rd-share",
        "R&D经费占地区生产总值比重",
        "%",
        "001",
        G_INNOV,
        Share,
        None,
    ),
    (
        "hightech-va",
        "高新技术产业增加值",
        "亿元",
        "001",
        G_INNOV,
        Level,
        None,
    ),
    (
        "hightech-share",
        "高新技术产业增加值占地区生产总值比重",
        "%",
        "001",
        G_INNOV,
        Share,
        None,
    ),
    (
        "hightech-growth",
        "高新技术产业增加值增速",
        "%",
        "001",
        G_INNOV,
        Rate,
        None,
    ),
    (
        "road-density",
        "中心区路网密度",
        "公里/平方公里",
        "001",
        G_INFRA,
        Level,
        None,
    ),
    (
        "pm25",
        "细颗粒物（PM2.5）平均浓度",
        "ug/m3",
        "001",
        G_ECO,
        Level,
        None,
    ),
    ("forest-cover", "森林覆盖率", "%", "001", G_ECO, Share, None),
    (
        "good-air-days",
        "空气质量优良天数比率",
        "%",
        "001",
        G_ECO,
        Share,
        Some("基础值出自发展基础一节，未注明年份；原文作“比例”。"),
    ),
    (
        "cross-border-water",
        "跨界河流断面水质达标率",
        "%",
        "001",
        G_ECO,
        Share,
        None,
    ),
    (
        "surface-water",
        "湘江及其支流地表水达标率",
        "%",
        "001",
        G_ECO,
        Share,
        Some("发展基础一节的现状值，未注明年份。"),
    ),
    (
        "energy-intensity-cut",
        "单位GDP能耗较2019年降幅",
        "%",
        "001",
        G_ECO,
        Share,
        None,
    ),
    (
        "public-spending",
        "人均公共财政支出",
        "万元",
        "001",
        G_PUBLIC,
        Level,
        None,
    ),
    (
        "new-urban-jobs",
        "城镇新增就业人数",
        "万人",
        "001",
        G_PUBLIC,
        Flow,
        None,
    ),
    (
        "schooling-years",
        "劳动年龄人口平均受教育年限",
        "年",
        "001",
        G_PUBLIC,
        Level,
        None,
    ),
    (
        "exercise-share",
        "经常参加体育锻炼人数比例",
        "%",
        "001",
        G_PUBLIC,
        Share,
        None,
    ),
    (
        "life-expectancy",
        "人均期望寿命",
        "岁",
        "001",
        G_PUBLIC,
        Level,
        None,
    ),
    // 001 第一章第一节 发展基础: values without a target.
    (
        "gdp-share-of-province",
        "地区生产总值占全省比重",
        "%",
        "001",
        G_BASE,
        Share,
        None,
    ),
    (
        "budget-revenue",
        "地方一般公共预算收入",
        "亿元",
        "001",
        G_BASE,
        Level,
        None,
    ),
    (
        "budget-revenue-share",
        "地方一般公共预算收入占全省比重",
        "%",
        "001",
        G_BASE,
        Share,
        None,
    ),
    (
        "industrial-va",
        "规模工业增加值",
        "亿元",
        "001",
        G_BASE,
        Level,
        None,
    ),
    (
        "industrial-va-growth",
        "规模工业增加值增速",
        "%",
        "001",
        G_BASE,
        Rate,
        None,
    ),
    ("trade", "进出口总额", "亿元", "001", G_BASE, Level, None),
    (
        "fdi",
        "实际利用外资金额",
        "亿元",
        "001",
        G_BASE,
        Level,
        None,
    ),
    (
        "changsha-gdp",
        "长沙市地区生产总值",
        "万亿元",
        "001",
        G_BASE,
        Level,
        Some("原文为“跨越万亿元”。"),
    ),
    (
        "land-share",
        "国土面积占全省比重",
        "%",
        "001",
        G_BASE,
        Share,
        Some("原文为“全省1/7的国土面积”。"),
    ),
    (
        "population-share",
        "人口占全省比重",
        "%",
        "001",
        G_BASE,
        Share,
        None,
    ),
    (
        "economy-share",
        "经济总量和财政收入占全省比重",
        "%",
        "001",
        G_BASE,
        Share,
        None,
    ),
    (
        "trade-partners",
        "建立经贸合作关系的国家和地区",
        "个",
        "001",
        G_BASE,
        Count,
        None,
    ),
    (
        "national-parks",
        "国家级园区",
        "个",
        "001",
        G_BASE,
        Count,
        None,
    ),
    (
        "provincial-parks",
        "省级园区",
        "个",
        "001",
        G_BASE,
        Count,
        None,
    ),
    (
        "trillion-industries",
        "万亿级产业",
        "个",
        "001",
        G_BASE,
        Count,
        None,
    ),
    (
        "hundred-billion-industries",
        "千亿级产业",
        "个",
        "001",
        G_BASE,
        Count,
        None,
    ),
    (
        "industrial-chains",
        "工业新兴优势产业链",
        "条",
        "001",
        G_BASE,
        Count,
        None,
    ),
    (
        "machinery-share",
        "工程机械主营业务收入占全国比重",
        "%",
        "001",
        G_BASE,
        Share,
        Some("原文为“1/4以上”。"),
    ),
    (
        "startup-platform-share",
        "全省创业平台汇聚长株潭的比重",
        "%",
        "001",
        G_BASE,
        Share,
        None,
    ),
    (
        "hightech-firm-share",
        "全省高新技术企业汇聚长株潭的比重",
        "%",
        "001",
        G_BASE,
        Share,
        None,
    ),
    (
        "research-institution-share",
        "全省高校科研机构汇聚长株潭的比重",
        "%",
        "001",
        G_BASE,
        Share,
        None,
    ),
    (
        "research-output-share",
        "全省科研成果汇聚长株潭的比重",
        "%",
        "001",
        G_BASE,
        Share,
        None,
    ),
    (
        "income-premium",
        "居民人均可支配收入高于全省平均水平",
        "%",
        "001",
        G_BASE,
        Share,
        None,
    ),
    (
        "happiest-city-years",
        "长沙连续被评为最具幸福感城市",
        "年",
        "001",
        G_BASE,
        Count,
        None,
    ),
    (
        "plan-area",
        "规划范围面积",
        "万平方公里",
        "001",
        G_SPACE,
        Count,
        None,
    ),
    (
        "central-area",
        "中心区总面积",
        "平方公里",
        "001",
        G_SPACE,
        Count,
        None,
    ),
    (
        "green-heart-area",
        "长株潭生态绿心总面积",
        "平方公里",
        "001",
        G_SPACE,
        Count,
        None,
    ),
    // 002: the 2021 work report.
    (
        "startup-contest-teams",
        "“麓山杯”辅导参赛项目团队",
        "个",
        "002",
        "2021年经济工作",
        Count,
        None,
    ),
    (
        "feature-towns",
        "湘江西岸特色精品小镇",
        "个",
        "002",
        "2021年经济工作",
        Count,
        None,
    ),
    (
        "dust-control-rules",
        "工地扬尘防治“8个100%”",
        "个",
        "002",
        "2021年经济工作",
        Count,
        None,
    ),
    // 000: numbers inside the 湘江新区 tasks.
    (
        "xjna-fiscal-support",
        "省财政每年支持新区发展资金",
        "亿元",
        "000",
        "加大财政金融支持力度",
        Flow,
        Some("每年5亿元的政策延长至2021年。"),
    ),
    (
        "yugong-port",
        "虞公港深水港泊位等级",
        "吨级",
        "000",
        "打造内陆地区改革开放高地",
        Level,
        Some("结构兼顾5000吨级。"),
    ),
    // 003: the yearly targets of the table.
    (
        "patents-per-10k",
        "每万人发明专利拥有量",
        "件",
        "003",
        "体系建设与组织协调",
        Stock,
        Some("存量指标：每年的值包含此前各年。"),
    ),
    (
        "maker-space",
        "新建众创空间面积",
        "万平方米",
        "003",
        "体系建设与组织协调",
        Flow,
        Some("流量指标：每年新建200万平方米，三年累计600万平方米。"),
    ),
    (
        "incubators",
        "创新型科技企业孵化器或创新创业园",
        "个",
        "003",
        "体系建设与组织协调",
        Stock,
        Some("2018年为“新建3个”，2019年为“建好5个”，按累计数理解。"),
    ),
    (
        "innovation-teams",
        "新引进高端创新团队",
        "个",
        "003",
        "创新示范工程",
        Flow,
        Some("原文每年均写“新引进”，按当年新增理解；若为累计，2019年即100个。"),
    ),
    (
        "top-innovation-teams",
        "其中：国际顶尖创新团队",
        "个",
        "003",
        "创新示范工程",
        Flow,
        Some("高端创新团队中的国际顶尖团队，同样按当年新增理解。"),
    ),
    (
        "clusters-100bn",
        "千亿级产业集群",
        "个",
        "003",
        "创新示范工程",
        Stock,
        None,
    ),
    (
        "clusters-10bn",
        "百亿级产业集群",
        "个",
        "003",
        "创新示范工程",
        Stock,
        None,
    ),
    (
        "evaluation-pilots",
        "国家科技成果评价试点机构",
        "家",
        "003",
        "创新示范工程",
        Count,
        None,
    ),
];

const RECORDS: &[Rec] = &[
    (
        "gdp",
        Some(2019),
        B,
        "2019年,长株潭地区生产总值1.68万亿元",
        1,
    ),
    ("gdp", Some(2025), T, "地区生产总值达到2.7万亿元", 0),
    ("gdp-growth", Some(2019), B, "1.68万亿元,比上年增长8%", 1),
    ("gdp-growth", Some(2025), T, "年均增长8%左右", 0),
    ("gdp-per-capita", Some(2025), T, "人均GDP达到16.5万元", 0),
    (
        "urban-income",
        Some(2025),
        T,
        "城镇居民人均可支配收入突破6.8万元",
        0,
    ),
    ("urban-population", Some(2025), T, "城镇人口达到1300万人", 0),
    ("urbanization", Some(2019), B, "城镇化率达73.5%", 0),
    ("urbanization", Some(2025), T, "城镇化率达到80%", 0),
    ("population", Some(2019), B, "长株潭常住人口1530.45万人", 0),
    (
        "population-increase",
        Some(2019),
        B,
        "比2018年增加26.25万人",
        1,
    ),
    (
        "rd-share",
        Some(2019),
        B,
        "R&D经费占地区生产总值比重达2.5%",
        0,
    ),
    ("rd-share", Some(2025), T, "R&D经费占地区生产总值3%左右", 0),
    (
        "hightech-va",
        Some(2025),
        T,
        "高新技术产业增加值达到9500亿元以上",
        0,
    ),
    (
        "hightech-share",
        Some(2025),
        T,
        "9500亿元以上,占地区生产总值35%",
        1,
    ),
    (
        "hightech-growth",
        Some(2019),
        B,
        "高新技术产业增加值比上年增长8.8%",
        0,
    ),
    (
        "road-density",
        Some(2025),
        T,
        "中心区路网密度达到7公里/平方公里",
        0,
    ),
    ("pm25", Some(2025), T, "平均浓度低于40ug/m3", 0),
    ("forest-cover", Some(2025), T, "森林覆盖率达56.8%", 0),
    (
        "good-air-days",
        None,
        B,
        "空气质量优良天数比例达到80%以上",
        0,
    ),
    (
        "good-air-days",
        Some(2025),
        T,
        "城市空气质量优良天数比率达到85%以上",
        0,
    ),
    (
        "cross-border-water",
        Some(2025),
        T,
        "跨界河流断面水质达标率达到100%",
        0,
    ),
    ("surface-water", None, B, "地表水达标率达99.7%", 0),
    (
        "energy-intensity-cut",
        Some(2025),
        T,
        "单位GDP能耗较2019年下降10%以上",
        1,
    ),
    (
        "public-spending",
        Some(2025),
        T,
        "人均公共财政支出达到2.2万元",
        0,
    ),
    ("new-urban-jobs", Some(2025), T, "城镇新增就业人数29万人", 0),
    (
        "schooling-years",
        Some(2025),
        T,
        "平均受教育年限达到11年",
        0,
    ),
    (
        "exercise-share",
        Some(2025),
        T,
        "经常参加体育锻炼人数比例达到37%以上",
        0,
    ),
    ("life-expectancy", Some(2025), T, "人均期望寿命达到78岁", 0),
    (
        "gdp-share-of-province",
        Some(2019),
        B,
        "占全省地区生产总值的42.4%",
        0,
    ),
    (
        "budget-revenue",
        Some(2019),
        B,
        "地方一般公共预算收入1266.61亿元",
        0,
    ),
    (
        "budget-revenue-share",
        Some(2019),
        B,
        "占全省总额的42.1 %",
        0,
    ),
    ("industrial-va", Some(2019), B, "规模工业增加值5242亿元", 0),
    (
        "industrial-va-growth",
        Some(2019),
        B,
        "5242亿元,比上年增长8.8%",
        1,
    ),
    ("trade", Some(2019), B, "进出口总额2432亿元", 0),
    ("fdi", Some(2019), B, "实际利用外资金额640.5亿元", 0),
    (
        "changsha-gdp",
        Some(2017),
        B,
        "长沙市地区生产总值跨越万亿元",
        0,
    ),
    ("land-share", None, B, "全省1/7的国土面积", 0),
    ("population-share", None, B, "22%的人口", 0),
    ("economy-share", None, B, "40%以上的经济总量和财政收入", 0),
    (
        "trade-partners",
        Some(2019),
        B,
        "与200多个国家和地区建立经贸合作关系",
        0,
    ),
    ("national-parks", None, B, "9个国家级园区", 0),
    ("provincial-parks", None, B, "19个省级园区", 0),
    ("trillion-industries", None, B, "3个万亿级产业", 0),
    ("hundred-billion-industries", None, B, "11个千亿级产业", 0),
    ("industrial-chains", None, B, "20条工业新兴优势产业链", 0),
    ("machinery-share", None, B, "主营业务收入占全国的1/4以上", 0),
    (
        "startup-platform-share",
        None,
        B,
        "全省60%以上的创业平台",
        0,
    ),
    ("hightech-firm-share", None, B, "70%以上的高新技术企业", 0),
    (
        "research-institution-share",
        None,
        B,
        "80%以上的高校科研机构",
        0,
    ),
    ("research-output-share", None, B, "85%以上的科研成果", 0),
    (
        "income-premium",
        Some(2019),
        B,
        "居民人均可支配收入比全省平均水平高出54.8%",
        0,
    ),
    (
        "happiest-city-years",
        None,
        B,
        "长沙连续11年被评为最具幸福感城市",
        0,
    ),
    ("plan-area", None, B, "面积2.8万平方公里", 0),
    ("central-area", None, B, "总面积约6600平方公里", 0),
    ("green-heart-area", None, B, "总面积528.32平方公里", 0),
    (
        "startup-contest-teams",
        Some(2021),
        T,
        "辅导30个以上参赛项目团队",
        0,
    ),
    (
        "feature-towns",
        Some(2021),
        T,
        "湘江海归小镇等五个特色精品小镇",
        0,
    ),
    (
        "dust-control-rules",
        Some(2021),
        T,
        "确保“8个100%”常态化落实",
        0,
    ),
    (
        "xjna-fiscal-support",
        Some(2021),
        B,
        "省财政支持新区发展每年5亿元的政策延长至2021年",
        0,
    ),
    ("yugong-port", None, T, "依托虞公港建设3000吨级", 0),
    (
        "patents-per-10k",
        Some(2017),
        T,
        "每万人发明专利拥有量达到15件",
        0,
    ),
    (
        "patents-per-10k",
        Some(2018),
        T,
        "每万人发明专利拥有量达到18件",
        0,
    ),
    (
        "patents-per-10k",
        Some(2019),
        T,
        "每万人发明专利拥有量达到20件",
        0,
    ),
    (
        "maker-space",
        Some(2017),
        T,
        "新建众创空间面积200万平方米",
        0,
    ),
    (
        "maker-space",
        Some(2018),
        T,
        "新建众创空间面积200万平方米",
        0,
    ),
    (
        "maker-space",
        Some(2019),
        T,
        "新建众创空间面积200万平方米",
        0,
    ),
    (
        "incubators",
        Some(2018),
        T,
        "新建3个创新型科技企业孵化器",
        0,
    ),
    (
        "incubators",
        Some(2019),
        T,
        "建好5个创新型科技企业孵化器",
        0,
    ),
    (
        "innovation-teams",
        Some(2017),
        T,
        "新引进30个以上高端创新团队",
        0,
    ),
    (
        "innovation-teams",
        Some(2018),
        T,
        "新引进60个以上高端创新团队",
        0,
    ),
    (
        "innovation-teams",
        Some(2019),
        T,
        "新引进100个以上高端创新团队",
        0,
    ),
    (
        "top-innovation-teams",
        Some(2017),
        T,
        "其中3个以上国际顶尖创新团队",
        0,
    ),
    (
        "top-innovation-teams",
        Some(2018),
        T,
        "其中6个以上国际顶尖创新团队",
        0,
    ),
    (
        "top-innovation-teams",
        Some(2019),
        T,
        "其中10个以上国际顶尖创新团队",
        0,
    ),
    ("clusters-100bn", Some(2017), T, "发展培育3个千亿级", 0),
    ("clusters-100bn", Some(2018), T, "发展培育4个千亿级", 0),
    ("clusters-100bn", Some(2019), T, "培育发展5个千亿级", 0),
    ("clusters-10bn", Some(2017), T, "3个千亿级、3个百亿级", 1),
    ("clusters-10bn", Some(2018), T, "4个千亿级、5个百亿级", 1),
    ("clusters-10bn", Some(2019), T, "5个千亿级、7个百亿级", 1),
    (
        "evaluation-pilots",
        None,
        B,
        "12家单位获批国家科技成果评价试点机构",
        0,
    ),
];

/// Why a record could not become a point (a test asserts there are none).
#[derive(Clone, Debug, PartialEq)]
pub struct RecordError {
    pub indicator: &'static str,
    pub snippet: &'static str,
    pub reason: String,
}

/// Build every indicator from the documents (and 003's parsed tasks).
pub fn build(documents: &[Document], tasks: &[Task]) -> Vec<Indicator> {
    build_checked(documents, tasks).0
}

/// As [`build`], with the records that failed.
pub fn build_checked(documents: &[Document], tasks: &[Task]) -> (Vec<Indicator>, Vec<RecordError>) {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for (id, name, unit, code, group, measure, note) in SPECS {
        let Some(doc) = documents.iter().find(|d| d.code == *code) else {
            continue;
        };
        let mut points = Vec::new();
        for (rid, year, kind, snippet, pick) in RECORDS.iter().filter(|r| r.0 == *id) {
            let err = |reason: String| RecordError {
                indicator: rid,
                snippet,
                reason,
            };
            let located = match doc.kind {
                DocKind::TargetTable => locate_in_table(doc, tasks, *year, snippet),
                _ => sentence_of(&doc.text, snippet).map(|(q, l)| (q, l, None)),
            };
            let Some((quote, lines, task)) = located else {
                errors.push(err("snippet not found".into()));
                continue;
            };
            let qs = quantities(snippet);
            let Some(q) = qs.get(*pick) else {
                errors.push(err(format!("no quantity #{pick} in snippet")));
                continue;
            };
            let Some(value) = convert(q.value, &q.unit, unit) else {
                errors.push(err(format!("unit {} is not {}", q.unit, unit)));
                continue;
            };
            points.push(Point {
                year: *year,
                value: round(value),
                bound: q.bound,
                kind: *kind,
                quote,
                snippet: snippet.to_string(),
                lines,
                task,
            });
        }
        points.sort_by_key(|p| (p.year.unwrap_or(i32::MIN), p.kind == PointKind::Target));
        out.push(Indicator {
            id: id.to_string(),
            name: name.to_string(),
            unit: unit.to_string(),
            document: doc.id.clone(),
            group: group.to_string(),
            measure: *measure,
            points,
            note: note.map(str::to_string),
        });
    }
    (out, errors)
}

/// Round away binary noise from unit conversion (9500亿元 → 0.95万亿元).
fn round(v: f64) -> f64 {
    (v * 1e9).round() / 1e9
}

/// Find a snippet in the target cell of `year` (None: the baseline) of a task
/// of `doc`; the quote is the numbered item that holds it.
fn locate_in_table(
    doc: &Document,
    tasks: &[Task],
    year: Option<i32>,
    snippet: &str,
) -> Option<(String, Lines, Option<String>)> {
    for t in tasks.iter().filter(|t| t.document == doc.id) {
        for target in t.targets.iter().filter(|x| x.year == year) {
            if target.text.contains(snippet) {
                let item = target
                    .items
                    .iter()
                    .find(|i| i.contains(snippet))
                    .cloned()
                    .unwrap_or_else(|| target.text.clone());
                return Some((item, t.lines, Some(t.id.clone())));
            }
        }
    }
    None
}

/// The years the charts of a group share: the group's span, reaching back to
/// the document's base year (the earliest baseline of an indicator that also
/// has a target) when the group itself has a single year.
pub fn group_years(indicators: &[Indicator], group: &str) -> Option<(i32, i32)> {
    let members: Vec<&Indicator> = indicators.iter().filter(|i| i.group == group).collect();
    let years: Vec<i32> = members
        .iter()
        .flat_map(|i| i.points.iter().filter_map(|p| p.year))
        .collect();
    let (lo, hi) = (*years.iter().min()?, *years.iter().max()?);
    if lo < hi {
        return Some((lo, hi));
    }
    let doc = &members[0].document;
    let base = indicators
        .iter()
        .filter(|i| &i.document == doc && i.targets().any(|p| p.year.is_some()))
        .filter_map(|i| i.baseline().and_then(|p| p.year))
        .min();
    Some((base.map_or(lo, |b| b.min(lo)), hi))
}
