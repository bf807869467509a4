//! The dataset parsed from the five seeds: exact expectations, checked by
//! hand against the seed text.
#![cfg(not(target_arch = "wasm32"))]

use changzhutan_plans::plan::agencies::{load, AgencyKind};
use changzhutan_plans::plan::query::{SearchIndex, TaskFilter};
use changzhutan_plans::plan::{seeds, Bound, Dataset, PointKind, ProblemCode, Role, Task};
use changzhutan_plans::words::{Lang, LangExt};
use sha2::{Digest, Sha256};

const D000: &str = "000_46937b859a78d65d";
const D001: &str = "001_52071bc060105621";
const D003: &str = "003_eb0be2c1adcc1018";
const D004: &str = "004_63bd9ad5aebbd682";

fn ds() -> Dataset {
    Dataset::load()
}

fn units(t: &Task, role: Role) -> Vec<String> {
    t.units
        .iter()
        .filter(|a| a.role == role)
        .map(|a| a.agency.clone())
        .collect()
}

#[test]
fn seeds_are_the_shared_files_unchanged() {
    let expected = [
        (
            "000_46937b859a78d65d.txt",
            "cd5c3716256fc9d243e9982933f93f944fed8c0166bd1cb7590712de344d920c",
        ),
        (
            "001_52071bc060105621.txt",
            "e041e6de126df8770c9f173e967f0a784711d48e51cc0409aacfd903fa9b0646",
        ),
        (
            "002_9d3a68c62c194251.txt",
            "0caf0d06867da54a9b5bf88d411f117badaab2a517670f167ca5b5c0707400a2",
        ),
        (
            "003_eb0be2c1adcc1018.txt",
            "a7cb99aad19eec73d63557ff9eb281158ba730d5af7b762c23a7a875098f2b95",
        ),
        (
            "004_63bd9ad5aebbd682.txt",
            "be112934483b236eeb12524e7baedf2f1d9f540f6f3c77c98128f6297c1fe6c4",
        ),
    ];
    for ((file, text), (efile, hash)) in seeds::SEEDS.iter().zip(expected) {
        assert_eq!(*file, efile);
        let got = format!("{:x}", Sha256::digest(text.as_bytes()));
        assert_eq!(got, hash, "{file} differs from ../shared/seeds");
        // The embedded text is the file in seeds/.
        let on_disk =
            std::fs::read(format!("{}/seeds/{file}", env!("CARGO_MANIFEST_DIR"))).unwrap();
        assert_eq!(on_disk, text.as_bytes());
    }
}

#[test]
fn task_and_category_counts() {
    let ds = ds();
    let count = |d: &str| ds.tasks_of(d).count();
    assert_eq!(count(D000), 42);
    assert_eq!(count(D004), 30);
    assert_eq!(count(D003), 14);
    assert_eq!(ds.categories_of(D000).len(), 12);
    assert_eq!(ds.categories_of(D004).len(), 8);
    assert_eq!(
        ds.categories_of(D003),
        vec!["体系建设与组织协调", "创新示范工程", "平台建设"]
    );
    assert_eq!(ds.categories_of(D000)[0], "加强规划统领与约束");
    assert_eq!(ds.categories_of(D000)[11], "加大财政金融支持力度");
    assert_eq!(ds.categories_of(D004)[7], "共筑南岭生态安全屏障");
    // Numbers run 1..=n in both task splits.
    for d in [D000, D004] {
        let nums: Vec<u32> = ds.tasks_of(d).map(|t| t.number.parse().unwrap()).collect();
        assert_eq!(nums, (1..=nums.len() as u32).collect::<Vec<_>>());
    }
    // 003 numbers restart in each group: 5 + 4 + 5.
    let nums: Vec<&str> = ds.tasks_of(D003).map(|t| t.number.as_str()).collect();
    assert_eq!(
        nums,
        ["1", "2", "3", "4", "5", "1", "2", "3", "4", "1", "2", "3", "4", "5"]
    );
    assert!(ds.problems.is_empty(), "{:?}", ds.problems);
}

#[test]
fn shared_suffix_distributes_and_groups_split() {
    let ds = ds();
    let t = ds.task("000-1").unwrap();
    assert_eq!(
        units(t, Role::Lead),
        [
            "city-changsha",
            "city-xiangtan",
            "city-yueyang",
            "prov-drc",
            "prov-nr",
            "prov-transport",
            "prov-eco",
            "zone-xiangjiang"
        ]
    );
    assert_eq!(t.units[0].as_written, "长沙市人民政府");
    assert_eq!(t.category, "加强规划统领与约束");
    assert!(t
        .text
        .starts_with("高质量编制新区发展规划，布局建设湘阴、湘潭九华新片区"));
    assert_eq!((t.lines.start, t.lines.end), (8, 9));
    // 39: "省政务局、省发展改革委等相关部门" keeps the collective tail.
    let t = ds.task("000-39").unwrap();
    assert_eq!(
        units(t, Role::Lead),
        ["prov-gov-services", "prov-drc", "coll-related-depts"]
    );
    assert_eq!(t.units[2].as_written, "等相关部门");
}

#[test]
fn task_42_is_kept_with_its_problem() {
    let ds = ds();
    let t = ds.task("000-42").unwrap();
    assert!(t
        .text
        .starts_with("省财政支持新区发展每年5亿元的政策延长至2021年"));
    assert!(t.units.is_empty());
    assert_eq!(t.problems.len(), 1);
    assert_eq!(t.problems[0].code, ProblemCode::TruncatedUnits);
    assert_eq!(
        Lang::Zh.t().problem(&t.problems[0]),
        "责任单位缺失（原文截断）"
    );
    // No other task of 000 or 004 has a problem.
    let others: Vec<&str> = ds
        .tasks
        .iter()
        .filter(|t| !t.problems.is_empty() && t.id != "000-42" && !t.id.starts_with("003"))
        .map(|t| t.id.as_str())
        .collect();
    assert!(others.is_empty(), "{others:?}");
}

#[test]
fn table_004_fills_empty_category_cells() {
    let ds = ds();
    let t = ds.task("004-2").unwrap();
    assert_eq!(t.category, "构建便捷高效对接通道");
    assert_eq!(t.text, "推进高等级公路互联互通");
    let t = ds.task("004-30").unwrap();
    assert_eq!(t.category, "共筑南岭生态安全屏障");
    assert_eq!(t.text, "推进环境污染联防联控联治");
    assert_eq!(t.units.last().unwrap().agency, "coll-cities");
    assert_eq!(
        t.units.last().unwrap().note.as_deref(),
        Some("按职责分工负责")
    );
    // Every 004 task names the cities collectively.
    assert!(ds
        .tasks_of(D004)
        .all(|t| t.units.iter().any(|a| a.agency == "coll-cities")));
}

#[test]
fn target_table_003() {
    let ds = ds();
    let t = ds.task("003-1").unwrap();
    assert_eq!(
        (t.category.as_str(), t.number.as_str(), t.text.as_str()),
        ("体系建设与组织协调", "1", "协同创新体系")
    );
    assert_eq!(
        units(t, Role::Lead),
        ["prov-sti", "city-changsha", "city-zhuzhou", "city-xiangtan"]
    );
    assert_eq!(t.units[1].as_written, "长株潭三市政府");
    assert_eq!(units(t, Role::Support), ["coll-leading-group"]);
    let years: Vec<Option<i32>> = t.targets.iter().map(|x| x.year).collect();
    assert_eq!(years, [None, Some(2017), Some(2018), Some(2019)]);
    assert_eq!(t.targets[0].label, "前期工作基础");
    assert_eq!(t.targets[0].items.len(), 4);
    assert_eq!(
        t.targets[3].items,
        ["召开阶段工作总结会议", "推动空间规划实施。"]
    );

    // The 5th item of group 1 (营造创新创业环境) holds the patent targets.
    let t = ds.task("003-5").unwrap();
    assert_eq!(t.text, "营造创新创业环境");
    assert!(t.targets[1]
        .items
        .contains(&"每万人发明专利拥有量达到15件".to_string()));
    // 省知识产权局 is its own agency (the reform kept it, managed by the
    // market regulator); 省工商局 was merged into 省市场监管局.
    assert_eq!(
        units(t, Role::Lead),
        [
            "prov-sti",
            "prov-ipa",
            "prov-samr",
            "city-changsha",
            "city-zhuzhou",
            "city-xiangtan"
        ]
    );
    let written: Vec<&str> = t.units.iter().map(|a| a.as_written.as_str()).collect();
    assert_eq!(written[1..3], ["省知识产权局", "省工商局"]);

    // 省文化厅（文化创意） keeps its note; 省卫生计生委 is 省卫生健康委.
    let t = ds.task("003-9").unwrap();
    assert_eq!(t.text, "创新型产业集群培育");
    let culture = t
        .units
        .iter()
        .find(|a| a.agency == "prov-culture-tourism")
        .unwrap();
    assert_eq!(
        (culture.as_written.as_str(), culture.note.as_deref()),
        ("省文化厅", Some("文化创意"))
    );
    assert!(t
        .units
        .iter()
        .any(|a| a.agency == "prov-health" && a.as_written == "省卫生计生委"));

    // The header row repeated before groups and the "2017 年目标" spelling.
    let t = ds.task("003-10").unwrap();
    assert_eq!(t.category, "平台建设");
    assert_eq!(t.targets[1].label, "2017年目标");
    assert_eq!(units(t, Role::Support), ["coll-leading-group"]);

    // The trailing 、 of 003's 13th row is cleaned and recorded; 省商务厅 is
    // both lead and support there.
    let t = ds.task("003-13").unwrap();
    assert_eq!(t.text, "对外合作交流平台");
    assert_eq!(units(t, Role::Lead), ["prov-sti", "prov-commerce"]);
    let codes: Vec<ProblemCode> = t.problems.iter().map(|p| p.code).collect();
    assert_eq!(
        codes,
        [ProblemCode::TrailingSeparator, ProblemCode::LeadAlsoSupport]
    );
    assert_eq!(load("prov-commerce", [t]).lead, 1);
    assert_eq!(load("prov-commerce", [t]).support, 0);

    // The last row, cut without a newline, is complete.
    let t = ds.task("003-14").unwrap();
    assert_eq!(units(t, Role::Support), ["prov-finance", "prov-nr"]);
    assert_eq!(t.units.last().unwrap().as_written, "省国土资源厅");
}

#[test]
fn every_unit_resolves_to_a_registry_agency() {
    let ds = ds();
    for t in &ds.tasks {
        for a in &t.units {
            let agency = ds
                .agency(&a.agency)
                .unwrap_or_else(|| panic!("{} on {}", a.agency, t.id));
            assert!(
                agency.known,
                "{} ({}) on {} is not in the registry",
                a.as_written, a.agency, t.id
            );
        }
        assert!(!t
            .problems
            .iter()
            .any(|p| p.code == ProblemCode::UnknownUnit));
    }
    // Each agency name in the data resolves to exactly one agency.
    let mut seen = std::collections::BTreeMap::new();
    for a in &ds.agencies {
        for n in &a.names {
            assert!(
                seen.insert(n.clone(), a.id.clone()).is_none(),
                "{n} names two agencies"
            );
        }
    }
    assert_eq!(ds.agencies.len(), 47);
    let kinds = |k: AgencyKind| ds.agencies.iter().filter(|a| a.kind == k).count();
    assert_eq!(kinds(AgencyKind::Collective), 3);
    assert_eq!(kinds(AgencyKind::City), 4);
}

#[test]
fn reform_names_count_as_one_agency() {
    let ds = ds();
    let drc = ds.agency("prov-drc").unwrap();
    assert_eq!(drc.names, ["省发展改革委", "省发改委"]);
    let written: std::collections::BTreeSet<&str> = ds
        .tasks
        .iter()
        .flat_map(|t| &t.units)
        .filter(|a| a.agency == "prov-miit")
        .map(|a| a.as_written.as_str())
        .collect();
    assert_eq!(
        written.into_iter().collect::<Vec<_>>(),
        ["省工业和信息化厅", "省经信委"]
    );
}

/// Counts checked by hand against the seed text.
#[test]
fn agency_loads_by_document() {
    let ds = ds();
    let l = |agency: &str, doc: &str| {
        let x = load(agency, ds.tasks_of(doc));
        (x.lead, x.support)
    };
    // 省发展改革委: 000 tasks 1 2 6 7 10 18 19 21 23 24 29 30 31 32 34 39 40 (17);
    // 004: every task but 12, 13, 15 (27); 003 as 省发改委: lead on 4, support on
    // 6 7 8 9 12 13 (6).
    assert_eq!(l("prov-drc", D000), (17, 0));
    assert_eq!(l("prov-drc", D004), (27, 0));
    assert_eq!(l("prov-drc", D003), (1, 6));
    // 省科技厅: 000 tasks 5 6 7 10 11 12 13 14 15 18 19 21 (12); 004: 4 5 6 9 10
    // 11 12 13 17 19 24 (11); 003: lead 1 2 4 5 10 11 12 13 14, support 6 7 8 9.
    assert_eq!(l("prov-sti", D000), (12, 0));
    assert_eq!(l("prov-sti", D004), (11, 0));
    assert_eq!(l("prov-sti", D003), (9, 4));
    // 湘江新区管委会 appears only in 000: tasks 1 2 4 7 8 15 17 19 20 22 24 28 38 41.
    assert_eq!(l("zone-xiangjiang", D000), (14, 0));
    assert_eq!(l("zone-xiangjiang", D004), (0, 0));
    // 长沙市人民政府 in 003 only through "长株潭三市政府" (lead on 10 rows).
    assert_eq!(l("city-changsha", D003), (10, 0));
    assert_eq!(l("city-zhuzhou", D003), (10, 0));
    assert_eq!(l("city-zhuzhou", D000), (0, 0));
    // 省市场监管局 under its two 003 names: 省工商局 on 5 (lead), 省质监局 on
    // 13 (support); 省知识产权局, kept by the reform, leads 5 and 12 itself.
    assert_eq!(l("prov-samr", D003), (1, 1));
    assert_eq!(l("prov-ipa", D003), (2, 0));
}

#[test]
fn gdp_and_other_headline_indicators() {
    let ds = ds();
    let gdp = ds.indicator("gdp").unwrap();
    assert_eq!(gdp.unit, "万亿元");
    assert_eq!(gdp.document, D001);
    let pts: Vec<(Option<i32>, f64, Bound, PointKind)> = gdp
        .points
        .iter()
        .map(|p| (p.year, p.value, p.bound, p.kind))
        .collect();
    assert_eq!(
        pts,
        [
            (Some(2019), 1.68, Bound::Eq, PointKind::Baseline),
            (Some(2025), 2.7, Bound::Eq, PointKind::Target)
        ]
    );
    assert!(gdp.points[1]
        .quote
        .contains("到2025年,地区生产总值达到2.7万亿元,年均增长8%左右"));
    let get = |id: &str, year: Option<i32>| {
        let i = ds.indicator(id).unwrap_or_else(|| panic!("{id}"));
        let p = i
            .points
            .iter()
            .find(|p| p.year == year)
            .unwrap_or_else(|| panic!("{id} {year:?}"));
        (p.value, p.bound)
    };
    assert_eq!(get("gdp-growth", Some(2019)), (8.0, Bound::Eq));
    assert_eq!(get("gdp-growth-avg", Some(2025)), (8.0, Bound::About));
    assert_eq!(get("urbanization", Some(2019)), (73.5, Bound::Eq));
    assert_eq!(get("urbanization", Some(2025)), (80.0, Bound::Eq));
    assert_eq!(get("rd-share", Some(2019)), (2.5, Bound::Eq));
    assert_eq!(get("rd-share", Some(2025)), (3.0, Bound::About));
    assert_eq!(get("pm25", Some(2025)), (40.0, Bound::Lt));
    assert_eq!(get("good-air-days", Some(2025)), (85.0, Bound::Ge));
    assert_eq!(get("energy-intensity-cut", Some(2025)), (10.0, Bound::Ge));
    assert_eq!(get("urban-income", Some(2025)), (6.8, Bound::Gt));
    assert_eq!(get("hightech-va", Some(2025)), (9500.0, Bound::Ge));
    assert_eq!(get("population", Some(2019)), (1530.45, Bound::Eq));
    assert_eq!(get("urban-population", Some(2025)), (1300.0, Bound::Eq));
    assert_eq!(get("gdp-per-capita", Some(2025)), (16.5, Bound::Eq));
    // 003: stock, flow and lower-bounded counts.
    assert_eq!(get("patents-per-10k", Some(2017)), (15.0, Bound::Eq));
    assert_eq!(get("patents-per-10k", Some(2018)), (18.0, Bound::Eq));
    assert_eq!(get("patents-per-10k", Some(2019)), (20.0, Bound::Eq));
    assert_eq!(get("maker-space", Some(2018)), (200.0, Bound::Eq));
    assert_eq!(get("innovation-teams", Some(2017)), (30.0, Bound::Ge));
    assert_eq!(get("clusters-10bn", Some(2019)), (7.0, Bound::Eq));
    assert_eq!(
        ds.indicator("maker-space").unwrap().points[0]
            .task
            .as_deref(),
        Some("003-5")
    );
    // 002.
    assert_eq!(get("startup-contest-teams", Some(2021)), (30.0, Bound::Ge));
}

#[test]
fn indicator_records_all_resolve() {
    let ds = ds();
    // No curated record failed to resolve: none became a problem.
    let bad: Vec<_> = ds
        .problems
        .iter()
        .filter(|(f, _)| f.starts_with("data/"))
        .collect();
    assert!(bad.is_empty(), "{bad:#?}");
    let records = changzhutan_plans::plan::curated::load(&mut Vec::new()).indicators;
    let written: usize = records.indicator.iter().map(|r| r.point.len()).sum();
    let read: usize = ds.indicators.iter().map(|i| i.points.len()).sum();
    assert_eq!(written, read);
    let indicators = &ds.indicators;
    assert!(indicators.iter().all(|i| !i.points.is_empty()));
    // At least 20 indicators from 001, each with unit and bound.
    let from_001 = indicators.iter().filter(|i| i.document == D001).count();
    assert!(from_001 >= 20, "{from_001}");
    // The 2025 goal groups of 001 第二章第四节 all have indicators.
    for g in [
        "经济人口承载力",
        "科创产业融合度",
        "基础设施",
        "生态环境",
        "基本公共服务",
    ] {
        assert!(
            indicators
                .iter()
                .any(|i| i.group == g && i.targets().count() > 0),
            "{g}"
        );
    }
}

#[test]
fn every_quote_is_verbatim_in_its_seed() {
    let ds = ds();
    let text = |doc: &str| ds.document(doc).unwrap().text.clone();
    for t in &ds.tasks {
        let src = text(&t.document);
        assert!(src.contains(&t.quote), "task {} quote", t.id);
        assert!(
            t.quote.contains(t.text.lines().next().unwrap()),
            "task {} text in quote",
            t.id
        );
        let lines: Vec<&str> = src.split('\n').collect();
        assert!(lines[t.lines.start as usize - 1].contains(t.quote.lines().next().unwrap().trim()));
    }
    for i in &ds.indicators {
        let src = text(&i.document);
        for p in &i.points {
            assert!(src.contains(&p.quote), "indicator {} quote", i.id);
            assert!(p.quote.contains(&p.snippet), "indicator {} snippet", i.id);
            let lines: Vec<&str> = src.split('\n').collect();
            assert!(
                lines[p.lines.start as usize - 1].contains(p.snippet.as_str()),
                "{} line",
                i.id
            );
        }
    }
    for p in &ds.places {
        let src = text(&p.document);
        assert!(src.contains(&p.quote), "place {} quote", p.id);
        assert!(
            names_place(&p.quote, &p.name),
            "place {} name in quote",
            p.id
        );
    }
}

/// The text names the place, verbatim or through a shared suffix
/// ("湘阴、湘潭九华新片区" names 湘阴新片区).
fn names_place(text: &str, name: &str) -> bool {
    text.contains(name)
        || ["新片区"].iter().any(|suffix| {
            name.strip_suffix(suffix)
                .is_some_and(|head| text.contains(&format!("{head}、")) && text.contains(suffix))
        })
}

#[test]
fn every_place_record_is_found() {
    let ds = ds();
    let records = changzhutan_plans::plan::curated::load(&mut Vec::new()).places;
    assert_eq!(records.place.len(), ds.places.len());
    for r in &records.place {
        assert!(
            names_place(&r.snippet, &r.name),
            "{}: snippet must name {}",
            r.id,
            r.name
        );
    }
    let ids: std::collections::BTreeSet<&str> = ds.places.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids.len(), ds.places.len(), "place ids are unique");
    for p in &ds.places {
        if let Some(parent) = &p.parent {
            assert!(
                ids.contains(parent.as_str()),
                "{} has unknown parent {parent}",
                p.id
            );
        }
    }
    for id in [
        "green-heart",
        "datuo",
        "zhaoshan",
        "xiangyin-section",
        "jiuhua-section",
        "haigui-town",
        "ningxiang-cluster",
        "chaling-yanling-cluster",
        "huanghua-airport",
        "tieniubu-port",
    ] {
        assert!(ids.contains(id), "{id}");
    }
}

#[test]
fn search_and_filters() {
    let ds = ds();
    let idx = SearchIndex::new(&ds);
    let f = |q: &str| TaskFilter {
        query: q.into(),
        ..Default::default()
    };
    let ids = |v: Vec<&Task>| v.iter().map(|t| t.id.clone()).collect::<Vec<_>>();
    assert_eq!(idx.filter(&ds, &f("")).len(), 86);
    // Substring search in Chinese text.
    assert_eq!(ids(idx.filter(&ds, &f("虞公港"))), ["000-29"]);
    // Terms are ANDed; agency names (including former names) are searchable.
    let r = ids(idx.filter(&ds, &f("知识产权 省市场监管局")));
    assert!(
        r.contains(&"000-16".to_string()) && r.contains(&"003-5".to_string()),
        "{r:?}"
    );
    assert!(ids(idx.filter(&ds, &f("省经信委"))).contains(&"004-6".to_string()));
    // 知识产权: the tasks that say it, and those 省知识产权局 carries.
    assert_eq!(
        ids(idx.filter(&ds, &f("知识产权"))),
        ["000-7", "000-14", "000-16", "003-5", "003-8", "003-12"]
    );
    // Filters.
    let by_doc = TaskFilter {
        document: Some(D004.into()),
        ..Default::default()
    };
    assert_eq!(idx.filter(&ds, &by_doc).len(), 30);
    let by_cat = TaskFilter {
        document: Some(D000.into()),
        category: Some("营造一流营商环境".into()),
        ..Default::default()
    };
    assert_eq!(
        ids(idx.filter(&ds, &by_cat)),
        ["000-23", "000-24", "000-25", "000-26", "000-27", "000-28"]
    );
    let by_agency = TaskFilter {
        agency: Some("zone-xiangjiang".into()),
        ..Default::default()
    };
    assert_eq!(idx.filter(&ds, &by_agency).len(), 14);
    assert!(idx.filter(&ds, &f("没有这个词")).is_empty());
}

/// The dataset the app embeds (its core) and the file it loads (the rest)
/// make the one parsed from the seeds (less the document texts, which
/// source views load when asked).
#[test]
fn the_compiled_dataset_is_the_parsed_one() {
    use changzhutan_plans::plan::compiled;
    let core: Dataset =
        compiled::decode(changzhutan_plans::compiled_dataset()).expect("the embedded core decodes");
    let mut parsed = Dataset::load();
    let (_, rest) = compiled::split(&parsed);
    let joined = compiled::join(&core, rest);
    for d in &mut parsed.documents {
        assert!(!d.text.is_empty());
        d.text.clear();
    }
    assert_eq!(joined, parsed);
    assert!(core.documents.iter().all(|d| d.text.is_empty()));
    assert!(core.places.is_empty(), "places are in the rest");
}

/// README's counts are the dataset's.
#[test]
fn readme_counts_are_true() {
    let ds = ds();
    let readme =
        std::fs::read_to_string(format!("{}/README.md", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let text = readme.split_whitespace().collect::<Vec<_>>().join(" ");
    for phrase in [
        format!("{} tasks", ds.tasks.len()),
        format!("{} agencies", ds.agencies.len()),
        format!("{} quantitative indicators", ds.indicators.len()),
        format!("{} statements", ds.statements.len()),
        format!("{} milestones", ds.milestones.len()),
        format!("{} places", ds.places.len()),
    ] {
        assert!(text.contains(&phrase), "README should say “{phrase}”");
    }
}
