//! One synthetic document per variant, written for these tests.

use super::{run, units};
use plan::import::{import, status, GuessCode, ImportKind, ImportLayout, ImportOptions, Progress};
use plan::split::Layout;
use plan::table::Column;
use plan::{Bound, PointKind, Role, RoleRule};

fn names(v: &[(&str, Role)]) -> Vec<(String, Role)> {
    v.iter().map(|(n, r)| (n.to_string(), *r)).collect()
}

use Role::{Lead as L, Support as S};

#[test]
fn numbered_prose_with_subheadings_and_running_numbers() {
    let imp = run("首页 > 政务公开 > 通知公告\n字号：大 中 小\n关于印发某计划的通知\n一、交通互联\n（一）铁路\n1．建设城际铁路。\n省发展改革委、省交通运输厅\n2﹒推进站城融合。\n长沙市、湘潭市人民政府\n（二）公路\n3.打通断头路。\n省交通运输厅\n二、产业协作\n4．共建产业园区。\n省工业和信息化厅\n");
    let t = &imp.tasks;
    assert_eq!(t.len(), 4);
    assert_eq!(imp.report.layout, ImportLayout::Tasks(Layout::Prose));
    assert_eq!(t[1].number, "2");
    assert_eq!(t[1].text, "推进站城融合。");
    assert_eq!(t[2].category, "交通互联");
    assert_eq!(t[3].category, "产业协作");
    assert_eq!(t[1].units[1].agency, "city-xiangtan");
    assert!(imp.problems.is_empty(), "{:?}", imp.problems);
    // The navigation before the content is reported, line by line.
    let unused: Vec<u32> = imp.report.unused.iter().map(|u| u.line).collect();
    assert_eq!(unused, vec![1, 2, 3]);
    assert!(imp
        .report
        .guesses
        .iter()
        .any(|g| g.code == GuessCode::AllResponsible));
    assert_eq!(imp.report.role_rule, RoleRule::AllResponsible);
}

#[test]
fn numbering_restarts_in_each_category_and_chinese_numbered_tasks() {
    let imp = run("一、甲\n1．任务一。\n省科技厅\n二、乙\n1．任务二。\n省财政厅\n");
    assert_eq!(imp.tasks.len(), 2);
    assert!(imp.problems.is_empty(), "{:?}", imp.problems);
    // Tasks numbered （一）, with units in brackets at their end.
    let imp = run("重点任务\n（一）建设创新平台（省科技厅牵头，省发展改革委、省财政厅配合）。\n（二）完善人才政策（省人力资源社会保障厅负责）\n");
    assert_eq!(imp.tasks.len(), 2);
    assert_eq!(imp.tasks[0].text, "建设创新平台。");
    assert_eq!(
        units(&imp.tasks[0]),
        names(&[("省科技厅", L), ("省发展改革委", S), ("省财政厅", S)])
    );
    assert_eq!(units(&imp.tasks[1]), names(&[("省人力资源社会保障厅", L)]));
    assert_eq!(imp.report.role_rule, RoleRule::LeadAndSupport);
}

#[test]
fn inline_labels_and_unit_lines_with_labels() {
    let imp = run("1．建设数据中心（牵头单位：省工业和信息化厅，配合单位：省通信管理局、省财政厅）\n2．推进政务服务。牵头单位：省政务局；协同责任单位：省发展改革委\n3．建设物流枢纽。\n牵头单位：省商务厅\n责任单位：省交通运输厅、长沙海关\n分管副省长：张三\n4．(A、B等负责)测试\n5．保障用地。（省自然资源厅、各市州按职责分工负责）\n6．加强宣传。（省委宣传部、省广电局等负责）\n");
    let t = &imp.tasks;
    assert_eq!(t.len(), 6);
    assert_eq!(
        units(&t[0]),
        names(&[
            ("省工业和信息化厅", L),
            ("省通信管理局", S),
            ("省财政厅", S)
        ])
    );
    assert_eq!(t[1].text, "推进政务服务。");
    assert_eq!(units(&t[1]), names(&[("省政务局", L), ("省发展改革委", S)]));
    assert_eq!(
        units(&t[2]),
        names(&[("省商务厅", L), ("省交通运输厅", L), ("长沙海关", L)])
    );
    assert_eq!(imp.leaders.len(), 1);
    assert_eq!(
        (imp.leaders[0].name.as_str(), imp.leaders[0].task.as_str()),
        ("张三", "imp1-3")
    );
    assert_eq!(t[2].lines.end, 6);
    assert_eq!(units(&t[4])[1].0, "各市州");
    assert_eq!(t[4].units[1].note.as_deref(), Some("按职责分工负责"));
    // "等" is the collective of the units the text does not name.
    assert_eq!(
        units(&t[5]),
        names(&[("省委宣传部", L), ("省广电局", L), ("等", L)])
    );
    assert_eq!(t[5].units[2].agency, "coll-related-depts");
}

#[test]
fn role_rules_stated_once() {
    let imp = run("说明：列第一位者为牵头单位，下同。\n1．任务一。\n省发展改革委、省财政厅\n2．任务二。\n省科技厅、省教育厅、省人力资源社会保障厅\n");
    assert_eq!(imp.report.role_rule, RoleRule::FirstLeads);
    assert_eq!(imp.report.role_rule_line, Some(1));
    assert_eq!(
        units(&imp.tasks[0]),
        names(&[("省发展改革委", L), ("省财政厅", S)])
    );
    assert_eq!(units(&imp.tasks[1])[2], ("省人力资源社会保障厅".into(), S));
    assert!(imp
        .report
        .guesses
        .iter()
        .any(|g| g.code == GuessCode::RoleByPosition));
    assert!(imp.report.unused.is_empty(), "{:?}", imp.report.unused);
    // Stated inside the first unit cell, applying from there.
    let imp = run("1．任务一。\n省发展改革委、省财政厅（排在第一位的部门为牵头部门，下同）\n2．任务二。\n省科技厅、省教育厅\n");
    assert_eq!(
        units(&imp.tasks[0]),
        names(&[("省发展改革委", L), ("省财政厅", S)])
    );
    assert_eq!(
        units(&imp.tasks[1]),
        names(&[("省科技厅", L), ("省教育厅", S)])
    );
    // Marked leads, the others support.
    let imp = run("明确牵头部门的，其他有关部门配合。\n1．任务一。\n省发展改革委牵头，省财政厅、省科技厅\n2．任务二。\n省商务厅、省教育厅\n");
    assert_eq!(
        units(&imp.tasks[0]),
        names(&[("省发展改革委", L), ("省财政厅", S), ("省科技厅", S)])
    );
    assert_eq!(
        units(&imp.tasks[1]),
        names(&[("省商务厅", L), ("省教育厅", L)])
    );
    // Forced.
    let opts = ImportOptions {
        role_rule: Some(RoleRule::FirstLeads),
        ..ImportOptions::default()
    };
    let imp = import("", "1．任务一。\n省商务厅、省教育厅\n".as_bytes(), &opts).unwrap();
    assert_eq!(
        units(&imp.tasks[0]),
        names(&[("省商务厅", L), ("省教育厅", S)])
    );
    assert!(imp.report.forced);
}

#[test]
fn shared_prefix_suffix_collectives_and_repeats() {
    let imp = run("1．任务一。\n雨花区、天心区政府，省财政厅、教育厅、民政厅，省商务厅、科技厅\n2．任务二。\n各有关部门和单位，各区县（市），各市州、各部门\n3．任务三。\n省财政厅、省财政厅、省科技厅\n");
    let t = &imp.tasks;
    let w: Vec<String> = units(&t[0]).into_iter().map(|u| u.0).collect();
    assert_eq!(
        w,
        vec![
            "雨花区政府",
            "天心区政府",
            "省财政厅",
            "省教育厅",
            "省民政厅",
            "省商务厅",
            "省科技厅"
        ]
    );
    assert_eq!(t[0].units[0].agency, t[0].units[0].agency);
    let kinds: Vec<plan::AgencyKind> = t[1]
        .units
        .iter()
        .map(|u| imp.agencies.iter().find(|a| a.id == u.agency).unwrap().kind)
        .collect();
    assert!(
        kinds.iter().all(|k| *k == plan::AgencyKind::Collective),
        "{kinds:?}"
    );
    assert_eq!(t[1].units[1].as_written, "各区县（市）");
    assert_eq!(t[2].units.len(), 2);
    assert!(t[2]
        .problems
        .iter()
        .any(|p| p.code == plan::ProblemCode::RepeatedUnit));
    // Known agencies keep their registry ids and English names.
    let edu = imp.agencies.iter().find(|a| a.name == "省财政厅").unwrap();
    assert_eq!(edu.id, "prov-finance");
    assert!(!edu.name_en.is_empty());
    // Unknown units are classified and listed as guesses.
    assert!(imp
        .report
        .guesses
        .iter()
        .any(|g| g.code == GuessCode::UnknownUnit && g.detail == "雨花区政府"));
}

#[test]
fn cell_per_line_with_blank_empty_cells() {
    // Empty cells as blank lines and no separators between rows.
    let imp = run("序号\n类别\n重点任务\n责任单位\n1\n交通\n建设城际铁路\n省交通运输厅\n2\n\n建设机场\n省发展改革委、省机场管理集团\n3\n产业\n共建园区\n\n");
    assert_eq!(imp.report.layout, ImportLayout::Tasks(Layout::Cells));
    let t = &imp.tasks;
    assert_eq!(t.len(), 3);
    assert_eq!(t[1].category, "交通");
    assert_eq!(t[1].units.len(), 2);
    assert_eq!(t[2].category, "产业");
    assert!(t[2].units.is_empty());
    assert_eq!(
        imp.report
            .columns
            .iter()
            .map(|c| c.column)
            .collect::<Vec<_>>(),
        vec![
            Column::Number,
            Column::Category,
            Column::Task,
            Column::Responsible
        ]
    );
}

#[test]
fn rows_on_one_line_by_tabs_or_spaces() {
    let imp = run("序号\t重点任务\t牵头单位\t配合单位\t完成时限\n1\t建设平台\t省科技厅\t省财政厅、省教育厅\t2022年\n2\t培育企业\t省工业和信息化厅\t\t2023年\n");
    assert_eq!(imp.report.layout, ImportLayout::Tasks(Layout::Rows));
    assert_eq!(
        units(&imp.tasks[0]),
        names(&[("省科技厅", L), ("省财政厅", S), ("省教育厅", S)])
    );
    assert_eq!(imp.tasks[1].number, "2");
    let imp = run("序号    重点任务        责任单位\n1       建设平台        省科技厅、省财政厅\n2       培育企业        省工业和信息化厅\n");
    assert_eq!(imp.report.layout, ImportLayout::Tasks(Layout::SpacedRows));
    assert_eq!(imp.tasks.len(), 2);
    assert_eq!(
        units(&imp.tasks[0]),
        names(&[("省科技厅", L), ("省财政厅", L)])
    );
    // The same as CSV.
    let imp = import(
        "a.csv",
        "序号,重点任务,责任单位\n1,建设平台,\"省科技厅,省财政厅\"\n".as_bytes(),
        &ImportOptions::default(),
    )
    .unwrap();
    assert_eq!(imp.tasks[0].units.len(), 2);
}

#[test]
fn forced_columns() {
    // A header the parser does not know: the reader says what each column is.
    let text = "编码\t事项\t主办\n1\t建设平台\t省科技厅\n";
    let opts = ImportOptions {
        kind: Some(ImportKind::Tasks),
        ..ImportOptions::default()
    };
    // A table is not "not a plan" (issue 18): nothing is read, and the
    // rows seen are shown for the reader to say what the columns are.
    let imp = import("", text.as_bytes(), &opts).unwrap();
    assert!(imp.tasks.is_empty() && imp.indicators.is_empty());
    let seen = imp.report.seen.expect("rows seen");
    assert_eq!(seen.rows.len(), 2);
    assert_eq!(seen.rows[1].cells, vec!["1", "建设平台", "省科技厅"]);
    let text = "序号\t事项\t主办\t协办\n1\t建设平台\t省科技厅\t省财政厅\n";
    let opts = ImportOptions {
        columns: Some(vec![
            Column::Number,
            Column::Task,
            Column::Lead,
            Column::Support,
        ]),
        ..ImportOptions::default()
    };
    // Without forcing, the header is not read as a task table.
    let first = import("", text.as_bytes(), &ImportOptions::default());
    assert!(first.is_err() || first.unwrap().tasks.is_empty());
    let text2 = "序号\t重点任务\t责任单位\t协办\n1\t建设平台\t省科技厅\t省财政厅\n";
    let imp = import("", text2.as_bytes(), &opts).unwrap();
    assert_eq!(
        units(&imp.tasks[0]),
        names(&[("省科技厅", L), ("省财政厅", S)])
    );
}

#[test]
fn traditional_full_width_and_broken_lines() {
    let imp = run("１．建設創新平臺，\n推進協同發展。\n省發展改革委、省財政廳\n２．任務二。\n牽頭單位：省科技廳\n");
    let t = &imp.tasks;
    assert_eq!(t.len(), 2);
    assert_eq!(t[0].units[0].agency, "prov-drc");
    assert_eq!(t[0].units[1].agency, "prov-finance");
    assert_eq!(t[0].text, "建设创新平台，\n推进协同发展。");
    // Quotes keep the original characters.
    assert!(t[0].quote.starts_with("１．建設創新平臺"));
    assert_eq!(t[1].units[0].role, L);
    assert_eq!(t[1].number, "2");
    // A unit list broken over two lines.
    let imp = run("1．任务一。\n省发展改革委、省财政厅、\n省科技厅\n");
    assert_eq!(imp.tasks[0].units.len(), 3);
    // A truncated last item.
    let imp = run("1．任务一。\n省发展改革委\n2．任务二没有写完");
    assert_eq!(
        imp.tasks[1].problems[0].code,
        plan::ProblemCode::TruncatedUnits
    );
}

#[test]
fn indicator_table() {
    let imp = run("主要指标\n类别\t指标\t单位\t2020年（基期）\t2025年目标\t2030年\t属性\n经济发展\t地区生产总值\t亿元\t12000\t17000\t≥25000\t预期性\n\t研发经费投入强度（%）\t\t2.5\t3左右\t\t预期性\n\t单位GDP能耗降低\t%\t\t13.5\t\t约束性\n\t空行指标\t\t—\t\t\t\n");
    assert_eq!(imp.report.kind, ImportKind::Indicators);
    assert_eq!(imp.report.layout, ImportLayout::IndicatorTable);
    let gdp = &imp.indicators[0];
    assert_eq!(
        (gdp.name.as_str(), gdp.unit.as_str(), gdp.group.as_str()),
        ("地区生产总值", "亿元", "经济发展")
    );
    let pts: Vec<(Option<i32>, f64, Bound, PointKind)> = gdp
        .points
        .iter()
        .map(|p| (p.year, p.value, p.bound, p.kind))
        .collect();
    assert_eq!(
        pts,
        vec![
            (Some(2020), 12000.0, Bound::Eq, PointKind::Baseline),
            (Some(2025), 17000.0, Bound::Eq, PointKind::Target),
            (Some(2030), 25000.0, Bound::Ge, PointKind::Target)
        ]
    );
    assert_eq!(gdp.points[0].note.as_deref(), Some("预期性"));
    let rd = &imp.indicators[1];
    assert_eq!(
        (rd.name.as_str(), rd.unit.as_str()),
        ("研发经费投入强度", "%")
    );
    assert_eq!(rd.points[1].bound, Bound::About);
    assert_eq!(imp.indicators[2].points[0].note.as_deref(), Some("约束性"));
    assert_eq!(
        imp.indicators.len(),
        3,
        "a row without values is not an indicator"
    );
    assert_eq!(
        imp.report.unused.iter().map(|u| u.line).collect::<Vec<_>>(),
        vec![1]
    );
}

#[test]
fn yearly_and_transposed_tables() {
    // A yearly table: every year a target; the earliest is the baseline
    // only where a 属性 column says it is an indicator table.
    let imp = run("指标\t2021年\t2022年\t2023年\n新建众创空间（万平方米）\t200\t200\t220\n");
    let p = &imp.indicators[0].points;
    assert!(p.iter().all(|p| p.kind == PointKind::Target));
    let imp = run("指标\t2020年\t2025年\t属性\n森林覆盖率（%）\t59.9\t60以上\t约束性\n");
    assert_eq!(imp.indicators[0].points[0].kind, PointKind::Baseline);
    assert!(imp
        .report
        .guesses
        .iter()
        .any(|g| g.code == GuessCode::BaselineByPosition));
    // Transposed, with letter-spaced row labels.
    let imp = run(
        "指标\t地区生产总值（亿元）\t城镇化率（%）\n基　　期\t1000\t60\n2 0 2 5 年\t1500\t65\n",
    );
    assert_eq!(imp.report.layout, ImportLayout::TransposedTable);
    assert_eq!(imp.indicators.len(), 2);
    assert_eq!(imp.indicators[1].points[1].year, Some(2025));
    assert_eq!(imp.indicators[1].points[1].value, 65.0);
}

#[test]
fn prose_targets() {
    let imp = run("发展目标\n到2025年，地区生产总值达到2万亿元，年均增长7%左右；常住人口城镇化率、户籍人口城镇化率分别达到60%和50%；森林覆盖率、湿地保护率均达到40%。单位地区生产总值能耗较2020年下降13.5%，研发经费投入强度提高1个百分点，城乡居民收入比控制在2.5∶1以内，粮食产量>5亿吨，增速保持在6.5%—7%。\n去年全市地区生产总值增长5.1%，今年增长6%左右。\n");
    assert_eq!(imp.report.kind, ImportKind::Prose);
    let get = |n: &str| {
        imp.indicators
            .iter()
            .find(|i| i.name == n)
            .unwrap_or_else(|| {
                panic!(
                    "{n}: {:#?}",
                    imp.indicators.iter().map(|i| &i.name).collect::<Vec<_>>()
                )
            })
    };
    let p = &get("地区生产总值").points[0];
    assert_eq!(
        (p.year, p.value, p.kind),
        (Some(2025), 2.0, PointKind::Target)
    );
    assert_eq!(get("地区生产总值年均增长").points[0].bound, Bound::About);
    assert_eq!(get("常住人口城镇化率").points[0].value, 60.0);
    assert_eq!(get("户籍人口城镇化率").points[0].value, 50.0);
    assert_eq!(get("森林覆盖率").points[0].value, 40.0);
    assert_eq!(get("湿地保护率").points[0].value, 40.0);
    let e = &get("单位地区生产总值能耗下降").points[0];
    assert_eq!((e.value, e.note.as_deref()), (13.5, Some("较2020年")));
    assert_eq!(get("研发经费投入强度提高").unit, "个百分点");
    let r = &get("城乡居民收入比").points[0];
    assert_eq!((r.value, r.bound), (2.5, Bound::Le));
    assert_eq!(get("粮食产量").points[0].bound, Bound::Gt);
    let g = &get("增速").points[0];
    assert_eq!(
        (g.value, g.bound, g.written.as_str()),
        (6.5, Bound::Ge, "6.5%—7%")
    );
    // Last year's actual beside this year's target.
    let gdp = get("地区生产总值增长");
    let kinds: Vec<PointKind> = gdp.points.iter().map(|p| p.kind).collect();
    assert_eq!(kinds, vec![PointKind::Baseline, PointKind::Target]);
    assert_eq!(gdp.points[1].value, 6.0);
    assert!(imp
        .report
        .guesses
        .iter()
        .any(|g| g.code == GuessCode::NoYear));
    // With the document's year, 今年 and 去年 get theirs.
    let opts = ImportOptions {
        year: Some(2021),
        ..ImportOptions::default()
    };
    let imp = import(
        "",
        "去年全市地区生产总值增长5.1%，今年增长6%左右。".as_bytes(),
        &opts,
    )
    .unwrap();
    let y: Vec<Option<i32>> = imp.indicators[0].points.iter().map(|p| p.year).collect();
    assert_eq!(y, vec![Some(2020), Some(2021)]);
}

#[test]
fn actual_values_and_status() {
    let plan = "指标\t单位\t2020年（基期）\t2025年目标\n地区生产总值\t亿元\t1000\t1500\n城镇化率\t%\t60\t65\n";
    let mut ds = plan::Dataset::default();
    let imp = run(plan);
    plan::import::merge(&mut ds, &imp, "imp1");
    let act = run("indicator\tyear\tvalue\tsource\nimp1-i1\t2022\t1150\t统计公报\n城镇化率\t2022\t60.5%\t统计公报\n不存在\t2022\t1\t\n");
    assert_eq!(act.report.kind, ImportKind::Actuals);
    assert_eq!(act.actuals.len(), 3);
    plan::import::merge(&mut ds, &act, "imp2");
    // The row no indicator takes is said, not dropped.
    let unmatched: Vec<&str> = ds
        .problems
        .iter()
        .filter(|(d, p)| d == "imp2" && p.code == plan::ProblemCode::UnmatchedActual)
        .map(|(_, p)| p.detail.as_str())
        .collect();
    assert_eq!(unmatched, ["不存在 2022: 1"]);
    let gdp = ds.indicator("imp1-i1").unwrap();
    assert_eq!(
        gdp.points
            .iter()
            .filter(|p| p.kind == PointKind::Actual)
            .count(),
        1
    );
    let s = status(gdp, &[]);
    // Needed: (1.5)^(1/5) − 1 = 8.45% a year; achieved (1.15)^(1/2) − 1 = 7.24%.
    assert_eq!(s.method, Some(plan::import::actuals::Method::Compound));
    assert!((s.needed.unwrap() - 8.447).abs() < 0.01);
    assert!((s.achieved.unwrap() - 7.238).abs() < 0.01);
    assert_eq!(s.progress, Progress::NeedsAcceleration);
    let urb = ds.indicators.iter().find(|i| i.name == "城镇化率").unwrap();
    let s = status(urb, &[]);
    assert_eq!(s.method, Some(plan::import::actuals::Method::Linear));
    assert_eq!(s.progress, Progress::OffTrack);
    // No baseline: not assessable.
    let mut no_base = gdp.clone();
    no_base.points.retain(|p| p.kind != PointKind::Baseline);
    assert_eq!(status(&no_base, &[]).progress, Progress::NotAssessable);
    // On track, and a ceiling.
    let mut fast = gdp.clone();
    for p in &mut fast.points {
        if p.kind == PointKind::Actual {
            p.value = 1200.0;
        }
    }
    assert_eq!(status(&fast, &[]).progress, Progress::OnTrack);
    let mut cap = fast.clone();
    for p in &mut cap.points {
        if p.kind == PointKind::Target {
            p.bound = Bound::Le;
        }
    }
    assert_eq!(status(&cap, &[]).progress, Progress::NeedsAcceleration);
}

#[test]
fn transposing_is_the_readers_to_force() {
    // The transposed table of `yearly_and_transposed_tables`: read sideways
    // when guessed or forced, as rows of indicators when the reader says so.
    let text =
        "指标\t地区生产总值（亿元）\t城镇化率（%）\n基　　期\t1000\t60\n2 0 2 5 年\t1500\t65\n";
    let forced = |t: Option<bool>| {
        let opts = ImportOptions {
            transpose: t,
            ..ImportOptions::default()
        };
        import("", text.as_bytes(), &opts)
    };
    let guessed = run(text);
    let sideways = forced(Some(true)).unwrap();
    assert_eq!(sideways.indicators, guessed.indicators);
    assert_eq!(sideways.report.layout, ImportLayout::TransposedTable);
    assert!(sideways.report.forced);
    let rows = forced(Some(false)).unwrap();
    assert_eq!(rows.report.layout, ImportLayout::IndicatorTable);
    assert!(rows.indicators.iter().all(|i| i.name != "城镇化率"));
}
