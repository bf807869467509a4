//! Every user-facing string, one table per language, and the context the
//! pure layers render in (data and language).
//!
//! The data (task texts, agency names, quotes) stays as the documents write
//! it; this module holds the app's own words: labels, explanations, problem
//! messages: `texts.rs` names every phrase (what every page says at the top,
//! the rest in one table per area of the app: `t.map.legend_river`), `zh.rs`
//! and `en.rs` fill it, and
//! the phrases built from values (counts, years) are methods of `Texts`
//! here, each choosing by the table's `lang`. Add a language by adding a
//! `Lang` variant and a table: the compiler lists every method to extend.

use plan::agencies::AgencyKind;
use plan::growth::Verdict;
use plan::indicators::{Measure, PointKind};
use plan::{DocKind, Problem};

pub use plan::Lang;

pub mod checks;
mod en;
pub mod fmt;
pub mod problems;
pub mod progress;
mod texts;
mod zh;

pub use en::EN;
pub use texts::Texts;
pub use zh::ZH;

use crate::route::{Page, Route};
use std::fmt::Write;

use plan::{unique, Dataset, Task};

/// The app's words in a language: `lang.t()`.
pub trait LangExt {
    fn t(self) -> &'static Texts;
}

impl LangExt for Lang {
    fn t(self) -> &'static Texts {
        match self {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }
}

impl Texts {
    fn is_zh(&self) -> bool {
        self.lang == Lang::Zh
    }

    /// "2025年" / "2025".
    pub fn year(&self, y: i32) -> String {
        if self.is_zh() {
            format!("{y}年")
        } else {
            y.to_string()
        }
    }

    /// A number as a heading numbers it: 一 … 二十 / 1 … 20.
    pub fn numeral(&self, n: usize) -> String {
        if !self.is_zh() {
            return n.to_string();
        }
        const D: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
        match n {
            1..=9 => D[n].to_string(),
            10 => "十".into(),
            11..=19 => format!("十{}", D[n - 10]),
            20..=99 => format!("{}十{}", D[n / 10], D[n % 10]),
            _ => n.to_string(),
        }
    }

    /// "（s）" / " (s)".
    pub fn paren(&self, s: &str) -> String {
        if self.is_zh() {
            format!("（{s}）")
        } else {
            format!(" ({s})")
        }
    }

    /// How a bound reads in a table cell: "≥", "左右" / "about".
    pub fn bound_word(&self, b: plan::Bound) -> &'static str {
        match b {
            plan::Bound::About if !self.is_zh() => "about",
            b => b.symbol(),
        }
    }

    /// A target table's column for a year: "2017年目标" / "Target for 2017".
    pub fn target_for(&self, y: i32) -> String {
        if self.is_zh() {
            format!("{y}年目标")
        } else {
            format!("Target for {y}")
        }
    }

    /// A point's year ("2025年" / "2025"), or the undated word.
    pub fn year_or_undated(&self, y: Option<i32>) -> String {
        y.map_or_else(|| self.undated.to_string(), |y| self.year(y))
    }

    /// "需年均增长8.2%", "需年均至少提高1.08个百分点", "需年均增长约8%".
    pub fn needs_yearly(&self, verb: &str, amount: &str, at_least: bool, about: bool) -> String {
        if self.is_zh() {
            format!(
                "需年均{}{}{}{amount}",
                if at_least { "至少" } else { "" },
                verb,
                if about { "约" } else { "" }
            )
        } else {
            format!(
                "needs {verb} of {}{}{amount} a year",
                if at_least { "at least " } else { "" },
                if about { "about " } else { "" },
            )
        }
    }

    pub fn doc_kind(&self, k: DocKind) -> &'static str {
        let zh = self.lang == Lang::Zh;
        match (k, zh) {
            (DocKind::TaskSplit, true) => "责任分工",
            (DocKind::PlanOutline, true) => "规划纲要",
            (DocKind::News, true) => "新闻报道",
            (DocKind::TargetTable, true) => "目标任务分解表",
            (DocKind::TaskSplit, false) => "Task assignment",
            (DocKind::PlanOutline, false) => "Plan outline",
            (DocKind::News, false) => "News report",
            (DocKind::TargetTable, false) => "Target table",
        }
    }

    pub fn agency_kind(&self, k: AgencyKind) -> &'static str {
        let zh = self.lang == Lang::Zh;
        match (k, zh) {
            (AgencyKind::Provincial, true) => "省直部门",
            (AgencyKind::Party, true) => "省委部门",
            (AgencyKind::City, true) => "市人民政府",
            (AgencyKind::Zone, true) => "新区管委会",
            (AgencyKind::Central, true) => "中央驻湘单位",
            (AgencyKind::Enterprise, true) => "企业、集团",
            (AgencyKind::Association, true) => "人民团体",
            (AgencyKind::Collective, true) => "合称单位",
            (AgencyKind::Other, true) => "其他",
            (AgencyKind::Provincial, false) => "Provincial department",
            (AgencyKind::Party, false) => "Party committee office",
            (AgencyKind::City, false) => "City government",
            (AgencyKind::Zone, false) => "New-area committee",
            (AgencyKind::Central, false) => "Central unit in Hunan",
            (AgencyKind::Enterprise, false) => "Enterprise or group",
            (AgencyKind::Association, false) => "Association",
            (AgencyKind::Collective, false) => "Collective unit",
            (AgencyKind::Other, false) => "Other",
        }
    }

    /// The kind of judgement a reading is.
    pub fn judgement(&self, j: plan::indicators::Judgement) -> &'static str {
        use plan::indicators::Judgement::*;
        match (j, self.is_zh()) {
            (Stock, true) => "存量",
            (Flow, true) => "流量",
            (Cumulative, true) => "累计数",
            (Commitment, true) => "承诺",
            (SingleYear, true) => "单一年份",
            (PeriodAverage, true) => "期间年均",
            (Approximate, true) => "约数",
            (Year, true) => "年份",
            (Kind, true) => "现状或目标",
            (Meaning, true) => "字义",
            (Uncertain, true) => "两可",
            (Stock, false) => "a stock",
            (Flow, false) => "a flow",
            (Cumulative, false) => "cumulative",
            (Commitment, false) => "a commitment",
            (SingleYear, false) => "one year",
            (PeriodAverage, false) => "a period average",
            (Approximate, false) => "approximate",
            (Year, false) => "the year",
            (Kind, false) => "baseline or target",
            (Meaning, false) => "what the words mean",
            (Uncertain, false) => "uncertain",
        }
    }

    /// A reading's reason in this language.
    pub fn reason<'a>(&self, r: &'a plan::indicators::Reading) -> &'a str {
        if self.is_zh() {
            &r.reason
        } else {
            &r.reason_en
        }
    }

    /// "The 60 agencies with most tasks, of 4,600: every one is in the data."
    pub fn capped(&self, shown: usize, total: usize) -> String {
        if self.is_zh() {
            format!("图中显示任务最多的{shown}个单位（共{total}个）；全部单位见“数据”页的下载。")
        } else {
            format!("The figure shows the {shown} agencies with most tasks (of {total}); all of them are in the downloads on the Data page.")
        }
    }

    /// "Show 50 more (120 left)".
    pub fn show_more(&self, next: usize, left: usize) -> String {
        if self.is_zh() {
            format!("再显示{next}条（还有{left}条）")
        } else {
            format!("Show {next} more ({left} left)")
        }
    }

    /// Why an agency carries another name.
    pub fn name_change(&self, w: plan::agencies::NameChange) -> &'static str {
        use plan::agencies::NameChange::*;
        match (w, self.is_zh()) {
            (Short, true) => "简称",
            (Reform, true) => "2018年机构改革前名称",
            (Merged, true) => "2018年机构改革中并入",
            (Written, true) => "原文写法",
            (Short, false) => "abbreviation",
            (Reform, false) => "name before the 2018 reform",
            (Merged, false) => "merged into it in the 2018 reform",
            (Written, false) => "as a document writes it",
        }
    }

    /// A problem, worded for a reader.
    pub fn problem(&self, p: &Problem) -> String {
        plan::Wording::problem(&problems::WORDS, p, self.lang)
    }

    pub fn verdict(&self, v: Verdict) -> &'static str {
        match v {
            Verdict::Agrees => self.verdict_agrees,
            Verdict::Close => self.verdict_close,
            Verdict::Differs => self.verdict_differs,
        }
    }

    pub fn point_kind(&self, k: PointKind) -> &'static str {
        match k {
            PointKind::Baseline => self.point_baseline,
            PointKind::Target => self.point_target,
            PointKind::Commitment => self.point_commitment,
            PointKind::Actual => self.point_actual,
        }
    }

    pub fn measure(&self, m: Measure) -> &'static str {
        match (m, self.is_zh()) {
            (Measure::Level, true) => "总量（按复合增长计）",
            (Measure::Share, true) => "比重（按百分点变化计）",
            (Measure::Rate, true) => "增速",
            (Measure::Count, true) => "数量",
            (Measure::Stock, true) => "存量（逐年累积）",
            (Measure::Flow, true) => "流量（每年新增）",
            (Measure::Level, false) => "level (compound growth)",
            (Measure::Share, false) => "share (change in points)",
            (Measure::Rate, false) => "growth rate",
            (Measure::Count, false) => "count",
            (Measure::Stock, false) => "stock (accumulates)",
            (Measure::Flow, false) => "flow (new each year)",
        }
    }

    pub fn count_tasks(&self, n: u32) -> String {
        if self.is_zh() {
            format!("{n}项任务")
        } else if n == 1 {
            "1 task".into()
        } else {
            format!("{n} tasks")
        }
    }

    /// How many targets' years have passed, are this year, are later.
    pub fn due_summary(&self, year: i32, past: usize, now: usize, later: usize) -> String {
        let zh = self.is_zh();
        let mut parts = Vec::new();
        if past > 0 {
            parts.push(if zh {
                format!("{past}项目标的年份已过")
            } else {
                format!("the year of {past} targets has passed")
            });
        }
        if now > 0 {
            parts.push(if zh {
                format!("{now}项在今年")
            } else {
                format!("{now} fall due this year")
            });
        }
        if later > 0 {
            parts.push(if zh {
                format!("{later}项在以后")
            } else {
                format!("{later} fall due later")
            });
        }
        if zh {
            format!(
                "截至{year}年，{}。文件只载目标与基数，未载实际值：卡片上的模板按统计公报填写后可导入。",
                parts.join("，")
            )
        } else {
            let list = match parts.len() {
                0 => String::new(),
                1 => parts[0].clone(),
                n => format!("{} and {}", parts[..n - 1].join(", "), parts[n - 1]),
            };
            format!(
                "As of {year}, {list}. The documents give targets and baselines, not outcomes: fill a card's template from a statistical bulletin and import it."
            )
        }
    }

    /// A role and its count: "牵头3项任务" / "lead 3 tasks".
    pub fn role_count(&self, role: &str, n: u32) -> String {
        if self.is_zh() {
            format!("{role}{}", self.count_tasks(n))
        } else {
            format!("{role} {}", self.count_tasks(n))
        }
    }

    /// The place finder found nothing.
    pub fn find_place_none(&self, q: &str) -> String {
        if self.is_zh() {
            format!("没有找到“{q}”：五份文件未提到这个地名，或写法不同。")
        } else {
            format!("No place called “{q}” in the five documents (or it is written differently).")
        }
    }

    /// The network's threshold as an option: "至少2项任务" / "2 or more".
    pub fn shared_option(&self, n: u32) -> String {
        match (self.is_zh(), n) {
            (true, 1) => "1项及以上（全部）".to_string(),
            (true, n) => format!("{n}项及以上"),
            (false, 1) => "1 or more (all)".to_string(),
            (false, n) => format!("{n} or more"),
        }
    }

    /// How many of the network's lines are drawn.
    pub fn edges_shown(&self, shown: usize, all: usize, min: u32) -> String {
        if self.is_zh() {
            if shown == all {
                format!("显示全部{all}条连线。")
            } else {
                format!("显示共同负责{min}项及以上任务的{shown}条连线（共{all}条）；悬停或聚焦一个单位可见它的全部合作单位。")
            }
        } else if shown == all {
            format!("All {all} lines are shown.")
        } else {
            format!("{shown} of {all} lines are shown: pairs sharing {min} tasks or more. Hover or focus an agency to see all its partners.")
        }
    }

    pub fn count_units(&self, n: u32) -> String {
        if self.is_zh() {
            format!("{n}个单位")
        } else {
            format!("{n} units")
        }
    }

    pub fn count_partners(&self, n: u32) -> String {
        if self.is_zh() {
            format!("与{n}个单位共同负责")
        } else {
            format!("shared with {n} agencies")
        }
    }

    pub fn load_summary(&self, n: usize) -> String {
        if self.is_zh() {
            format!("{n}个单位按任务数排序，按文件分色，深色为牵头或负责、浅色为配合")
        } else {
            format!("{n} agencies ranked by tasks, coloured by document, solid for lead or responsible, light for support")
        }
    }

    pub fn heat_summary(&self, rows: usize, cols: usize) -> String {
        if self.is_zh() {
            format!("{rows}个单位 × {cols}个类别的任务数")
        } else {
            format!("tasks of {rows} agencies across {cols} categories")
        }
    }

    /// When a document applies: its date's year, a year range in its title, or "not stated".
    pub fn doc_period(&self, d: &plan::Document) -> String {
        if let Some(date) = &d.date {
            return date[..4].to_string();
        }
        let years: Vec<&str> = d
            .title
            .split(|c: char| !c.is_ascii_digit())
            .filter(|s| s.len() == 4)
            .collect();
        match years.as_slice() {
            [a, b, ..] => format!("{a}—{b}"),
            [a] => a.to_string(),
            [] => self.period_undated.to_string(),
        }
    }

    pub fn place_kind(&self, k: plan::PlaceKind) -> &'static str {
        use plan::PlaceKind::*;
        match (k, self.is_zh()) {
            (City, true) => "城市",
            (County, true) => "县市",
            (Town, true) => "镇、片区",
            (Park, true) => "园区",
            (Zone, true) => "功能区",
            (Port, true) => "港区",
            (Airport, true) => "机场",
            (Station, true) => "车站",
            (GreenHeart, true) => "生态绿心",
            (Axis, true) => "发展轴、走廊",
            (Belt, true) => "发展带",
            (Cluster, true) => "组团",
            (FeatureTown, true) => "特色小镇",
            (River, true) => "河流",
            (FormerIndustrial, true) => "原工业区",
            (Facility, true) => "平台、设施",
            (Road, true) => "道路",
            (Rail, true) => "轨道交通",
            (City, false) => "city",
            (County, false) => "county",
            (Town, false) => "town",
            (Park, false) => "park",
            (Zone, false) => "zone",
            (Port, false) => "port",
            (Airport, false) => "airport",
            (Station, false) => "station",
            (GreenHeart, false) => "green heart",
            (Axis, false) => "axis or corridor",
            (Belt, false) => "development belt",
            (Cluster, false) => "cluster",
            (FeatureTown, false) => "feature town",
            (River, false) => "river",
            (FormerIndustrial, false) => "former industrial zone",
            (Facility, false) => "facility",
            (Road, false) => "road",
            (Rail, false) => "rail line",
        }
    }
}

/// How links between pages are written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Links {
    /// Real addresses relative to the site's root (`en/targets/gdp/`),
    /// which every page's `<base>` names; a page kept only in this browser
    /// (an import's) is a hash route on the root (`./#/tasks/imp1-3`).
    #[default]
    Paths,
    /// Hash routes (`#/targets/gdp?lang=en`): the single offline file.
    Hash,
}

impl Links {
    /// The link to `route`.
    pub fn href(self, route: &Route) -> String {
        match self {
            Links::Hash => route.to_hash(),
            Links::Paths if crate::site::is_local(&route.page) => format!("./{}", route.to_hash()),
            Links::Paths => match route.to_path() {
                p if p.is_empty() || p.starts_with('?') => format!("./{p}"),
                p => p,
            },
        }
    }
}

/// What every fragment needs: the data, the language of links and words,
/// and how links are written.
#[derive(Clone, Copy)]
pub struct Ctx<'a> {
    pub ds: &'a Dataset,
    pub lang: Lang,
    /// Kept in every hash link, like the language (real pages keep it for
    /// the visit instead: `ahead.js`).
    pub theme: crate::route::Theme,
    pub links: Links,
}

impl<'a> Ctx<'a> {
    pub fn new(ds: &'a Dataset, lang: Lang) -> Ctx<'a> {
        Ctx {
            ds,
            lang,
            theme: crate::route::Theme::Auto,
            links: Links::Paths,
        }
    }
    pub fn with_theme(self, theme: crate::route::Theme) -> Ctx<'a> {
        Ctx { theme, ..self }
    }
    pub fn with_links(self, links: Links) -> Ctx<'a> {
        Ctx { links, ..self }
    }
    pub fn t(&self) -> &'static Texts {
        self.lang.t()
    }
    /// A route in this language.
    pub fn route(&self, page: Page) -> Route {
        let mut r = Route::new(page);
        if self.lang != Lang::default() {
            r = r.with_param("lang", self.lang.code());
        }
        if let (Some(theme), Links::Hash) = (self.theme.code(), self.links) {
            r = r.with_param("theme", theme);
        }
        r
    }
    pub fn href(&self, page: Page) -> String {
        self.link(&self.route(page))
    }
    /// The link to a route, written as this context writes links.
    pub fn link(&self, route: &Route) -> String {
        self.links.href(route)
    }
    /// A document's title in this language.
    pub fn doc_title(&self, d: &'a plan::Document) -> &'a str {
        d.title_in(self.lang)
    }
    /// The title of the document `id` ("" when there is none).
    pub fn doc_title_of(&self, id: &str) -> &'a str {
        self.ds.document(id).map_or("", |d| d.title_in(self.lang))
    }
    /// A goal group's name in this language (as written when not reviewed).
    pub fn group<'s>(&self, zh: &'s str) -> &'s str
    where
        'a: 's,
    {
        named(&self.ds.groups, None, zh, self.lang)
    }
    /// A task category of `doc` in this language.
    pub fn category<'s>(&self, doc: &str, zh: &'s str) -> &'s str
    where
        'a: 's,
    {
        named(&self.ds.categories, Some(doc), zh, self.lang)
    }
    /// An agency's name in this language.
    pub fn agency(&self, id: &str) -> &'a str {
        match self.ds.agency(id) {
            Some(a) => a.name_in(self.lang),
            None => self.ds.agency_name(id),
        }
    }
    /// A place's label on the map: short in English; in Chinese a belt
    /// without its bracket ("中部(京广)发展带" → "京广发展带").
    pub fn place_label(&self, p: &plan::places::Place) -> String {
        if self.lang != Lang::Zh {
            return p.short_in(self.lang).to_string();
        }
        match (p.kind, p.name.find('('), p.name.find(')')) {
            (plan::places::PlaceKind::Belt, Some(a), Some(b)) if b > a => {
                format!("{}{}", &p.name[a + 1..b], &p.name[b + 1..])
            }
            _ => p.name.clone(),
        }
    }
    /// Whether a point's tooltip says how the text writes its quantity:
    /// always in English (the text is Chinese), in Chinese where the text
    /// says more than the value shown ("1/7").
    pub fn shows_written(&self, p: &plan::Point, ind: &plan::Indicator) -> bool {
        self.lang != Lang::Zh || p.written != fmt::value_in(p.value, p.bound, &ind.unit, Lang::Zh)
    }
    /// An agency's label (short where the English name is long).
    pub fn agency_short(&self, id: &str) -> &'a str {
        match self.ds.agency(id) {
            Some(a) => a.short_in(self.lang),
            None => self.ds.agency_name(id),
        }
    }
    /// A value with its bound and the indicator's unit, in this language:
    /// "≥9500亿元" / "≥ 9,500 100 million yuan", "8%左右" / "about 8%".
    pub fn value(&self, v: f64, bound: plan::Bound, ind: &plan::Indicator) -> String {
        fmt::amount(v, bound, ind, self.lang)
    }
    pub fn source_href(&self, doc: &str, start: u32, end: u32) -> String {
        let r = self
            .route(Page::Source(doc.to_string()))
            .with_param("lines", &format!("{start}-{end}"));
        // Without the app a real page still scrolls to the line.
        match self.links {
            Links::Paths if !crate::site::is_local(&r.page) => {
                format!("{}#L{start}", self.link(&r))
            }
            _ => self.link(&r),
        }
    }
}

/// The English of a reviewed name (a group, a category), or the name itself.
fn named<'s>(names: &'s [plan::Named], doc: Option<&str>, zh: &'s str, lang: Lang) -> &'s str {
    if lang == Lang::Zh {
        return zh;
    }
    names
        .iter()
        .find(|n| n.zh == zh && doc.is_none_or(|d| n.document == d))
        .map_or(zh, |n| n.en.as_str())
}

/// "省发展改革委、省科技厅 …+3": the first `n` canonical unit names.
pub fn unit_names(ds: &Dataset, task: &Task, n: usize, lang: Lang) -> String {
    let t = Ctx::new(ds, lang).t();
    fn name<'d>(ds: &'d Dataset, a: &'d plan::Assignment, lang: Lang) -> &'d str {
        ds.agency(&a.agency)
            .map(|x| x.name_in(lang))
            .unwrap_or(&a.as_written)
    }
    let leads = unique(
        task.units
            .iter()
            .filter(|a| a.role == plan::Role::Lead)
            .map(|a| name(ds, a, lang)),
    );
    let supports = unique(
        task.units
            .iter()
            .filter(|a| a.role == plan::Role::Support)
            .map(|a| name(ds, a, lang)),
    );
    // Where the document names no lead, every unit listed is responsible.
    let lead_word = match ds.document(&task.document).map(|d| d.role_rule) {
        Some(plan::RoleRule::AllResponsible) => t.role_responsible,
        _ => t.role_lead,
    };
    let (sep, colon, between) = if lang == Lang::Zh {
        ("、", "：", "；")
    } else {
        (", ", ": ", "; ")
    };
    let mut left = n;
    let mut parts = Vec::new();
    for (word, names) in [(lead_word, leads), (t.role_support, supports)] {
        if names.is_empty() {
            continue;
        }
        let shown = names.len().min(left.max(1));
        left = left.saturating_sub(shown);
        let mut s = format!(
            "{}{colon}{}",
            capitalized(word, lang),
            names[..shown].join(sep)
        );
        if names.len() > shown {
            let _ = write!(s, " …+{}", names.len() - shown);
        }
        parts.push(s);
    }
    parts.join(between)
}

/// "lead" → "Lead" in English (the first word of a list's label).
fn capitalized(word: &str, lang: Lang) -> String {
    if lang == Lang::Zh {
        return word.to_string();
    }
    let mut c = word.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}
