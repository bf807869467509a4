//! The export schema (a promise to users and scripts) and the CLI.
#![cfg(not(target_arch = "wasm32"))]

use changzhutan_plans::plan::export::{to_csv, to_json, Table, SCHEMA};
use changzhutan_plans::plan::Dataset;
use changzhutan_plans::words::problems::WORDS;
use serde_json::Value;

fn keys(v: &Value) -> Vec<&str> {
    let mut k: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    k.sort();
    k
}

fn has_all(v: &Value, want: &[&str]) {
    let k = keys(v);
    for w in want {
        assert!(k.contains(w), "missing {w} in {k:?}");
    }
}

#[test]
fn json_follows_the_documented_schema() {
    let ds = Dataset::load();
    let v: Value = serde_json::from_str(&to_json(&ds, &WORDS)).unwrap();
    assert_eq!(v["schema"], SCHEMA);
    has_all(
        &v,
        &["documents", "tasks", "agencies", "indicators", "places"],
    );
    let doc = &v["documents"][0];
    has_all(doc, &["id", "file", "title", "kind"]);
    assert_eq!(doc["id"], "000_46937b859a78d65d");
    assert_eq!(doc["file"], "000_46937b859a78d65d.txt");
    assert_eq!(v["documents"][3]["kind"], "target_table");
    let tasks = v["tasks"].as_array().unwrap();
    assert_eq!(tasks.len(), 86);
    for t in tasks {
        has_all(
            t,
            &[
                "id", "document", "number", "category", "text", "lead", "support", "targets",
                "quote", "problems",
            ],
        );
    }
    let t42 = tasks.iter().find(|t| t["id"] == "000-42").unwrap();
    assert_eq!(t42["problems"][0], "责任单位缺失（原文截断）");
    assert_eq!(t42["lead"].as_array().unwrap().len(), 0);
    let t = tasks.iter().find(|t| t["id"] == "003-1").unwrap();
    assert_eq!(t["document"], "003_eb0be2c1adcc1018");
    assert_eq!(
        t["lead"],
        serde_json::json!(["prov-sti", "city-changsha", "city-zhuzhou", "city-xiangtan"])
    );
    assert_eq!(t["support"], serde_json::json!(["coll-leading-group"]));
    assert_eq!(t["targets"][1]["year"], 2017);
    assert!(t["targets"][0]["year"].is_null());
    // 003-5 names 省市场监管局 twice (省知识产权局、省工商局): once in lead.
    let t = tasks.iter().find(|t| t["id"] == "003-5").unwrap();
    assert_eq!(
        t["lead"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|x| *x == "prov-samr")
            .count(),
        1
    );

    let a = &v["agencies"][0];
    has_all(a, &["id", "name", "names", "kind"]);
    assert_eq!(a["names"], serde_json::json!(["省发展改革委", "省发改委"]));

    let gdp = v["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "gdp")
        .unwrap();
    has_all(gdp, &["id", "name", "unit", "document", "points"]);
    has_all(
        &gdp["points"][0],
        &["year", "value", "bound", "kind", "quote"],
    );
    assert_eq!(gdp["points"][0]["value"], 1.68);
    assert_eq!(gdp["points"][1]["value"], 2.7);
    assert_eq!(gdp["points"][1]["bound"], "=");
    assert_eq!(gdp["points"][0]["kind"], "baseline");
    let pm = v["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "pm25")
        .unwrap();
    assert_eq!(pm["points"][0]["bound"], "<");
    let rd = v["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "rd-share")
        .unwrap();
    assert_eq!(rd["points"][1]["bound"], "左右");

    let p = &v["places"][0];
    has_all(
        p,
        &["id", "name", "kind", "document", "quote", "lon", "lat"],
    );
    readings_notes_lines_and_statements(&v);
    what_the_page_shows(&v);
}

/// What issue 20 added: the English the page shows (notes, units, groups,
/// categories, summaries), the milestones, the reform's renames, the ids
/// that moved, and the readings of places and milestones.
fn what_the_page_shows(v: &Value) {
    for d in v["documents"].as_array().unwrap() {
        has_all(d, &["summary", "summary_en"]);
        assert!(!d["summary_en"].as_str().unwrap().is_empty());
    }
    for t in v["tasks"].as_array().unwrap() {
        has_all(t, &["category_en"]);
        assert!(
            !t["category_en"].as_str().unwrap().is_empty(),
            "{}",
            t["id"]
        );
    }
    for a in v["agencies"].as_array().unwrap() {
        has_all(a, &["note", "note_en"]);
    }
    let coll = v["agencies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == "coll-cities")
        .unwrap();
    assert!(coll["note_en"].as_str().unwrap().contains("collective"));
    for i in v["indicators"].as_array().unwrap() {
        has_all(i, &["unit_en", "unit_en_short", "group_en", "note_en"]);
        assert!(!i["group_en"].as_str().unwrap().is_empty(), "{}", i["id"]);
        for p in i["points"].as_array().unwrap() {
            has_all(p, &["note_en"]);
        }
    }
    let gdp = v["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "gdp")
        .unwrap();
    assert_eq!(gdp["unit_en"], "trillion yuan");
    assert_eq!(gdp["group_en"], "Economic and population capacity");
    let air = v["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "good-air-days")
        .unwrap();
    assert!(air["note_en"].is_string());
    for p in v["places"].as_array().unwrap() {
        has_all(p, &["note_en", "short_en", "reading"]);
    }
    for s in v["statements"].as_array().unwrap() {
        has_all(s, &["group_en", "note_en"]);
        assert!(!s["group_en"].as_str().unwrap().is_empty(), "{}", s["id"]);
    }
    let groups = v["groups"].as_array().unwrap();
    assert!(groups.iter().all(|g| g["document"].is_null()));
    assert!(groups.iter().any(|g| g["zh"] == "加大财政金融支持力度"
        && g["en"] == "Stepping up fiscal and financial support"));
    let cats = v["categories"].as_array().unwrap();
    assert_eq!(cats.len(), 12 + 3 + 8);
    has_all(&cats[0], &["document", "zh", "en"]);
    let ms = v["milestones"].as_array().unwrap();
    assert_eq!(ms.len(), 13);
    for m in ms {
        has_all(
            m,
            &[
                "year", "date", "label", "label_en", "document", "quote", "lines", "note",
                "note_en", "reading",
            ],
        );
    }
    assert!(ms.iter().any(|m| m["date"] == "2021-01-12"));
    let renames = v["renames"].as_array().unwrap();
    assert_eq!(renames.len(), 10);
    for r in renames {
        has_all(
            r,
            &[
                "agency",
                "former",
                "former_en",
                "name",
                "name_en",
                "change",
                "managed_by",
                "date",
                "reason",
                "reason_en",
                "source",
                "source_en",
            ],
        );
    }
    assert!(renames
        .iter()
        .any(|r| r["former"] == "省知识产权局" && r["change"] == "continued"));
    let aliases = v["aliases"].as_array().unwrap();
    assert!(aliases
        .iter()
        .any(|a| a["old"] == "four-hour-air-circle-2019" && a["kind"] == "statement"));
}

/// What issue 10 added to the schema: notes and readings (indicator and
/// point), the quantity as written, line geometry, statements.
fn readings_notes_lines_and_statements(v: &Value) {
    let ind = |id: &str| {
        v["indicators"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == id)
            .unwrap_or_else(|| panic!("{id}"))
            .clone()
    };
    for i in v["indicators"].as_array().unwrap() {
        has_all(i, &["name_en", "note", "reading"]);
        for p in i["points"].as_array().unwrap() {
            has_all(p, &["as_written", "note", "reading"]);
        }
    }
    let yugong = ind("yugong-port");
    assert_eq!(yugong["note"], "结构兼顾5000吨级。");
    assert_eq!(yugong["points"][0]["as_written"], "3000吨级");
    let land = ind("land-share");
    assert_eq!(land["points"][0]["as_written"], "1/7");
    assert_eq!(land["points"][0]["bound"], "左右");
    assert_eq!(land["points"][0]["reading"]["judgement"], "approximate");
    let teams = ind("innovation-teams");
    assert_eq!(teams["measure"], "stock");
    assert_eq!(teams["reading"]["judgement"], "uncertain");
    for total in ["100个以上", "190个以上"] {
        assert!(teams["reading"]["reason"].as_str().unwrap().contains(total));
    }
    let fiscal = ind("xjna-fiscal-support");
    assert_eq!(fiscal["points"][0]["kind"], "commitment");
    assert_eq!(fiscal["points"][0]["reading"]["judgement"], "commitment");
    assert_eq!(ind("central-area")["points"][0]["bound"], "左右");

    let place = |id: &str| {
        v["places"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["id"] == id)
            .unwrap_or_else(|| panic!("{id}"))
            .clone()
    };
    for p in v["places"].as_array().unwrap() {
        has_all(p, &["name_en", "line", "area", "label", "note"]);
    }
    for belt in [
        "central-belt",
        "northern-belt",
        "southern-belt",
        "g319-axis",
        "xiangjiang-corridor",
        "xiang-axis",
    ] {
        let b = place(belt);
        assert!(
            b["lon"].is_null() && b["lat"].is_null(),
            "{belt}: a line has no point"
        );
        assert!(b["line"].as_array().unwrap().len() >= 4, "{belt}");
        assert_eq!(b["label"].as_array().unwrap().len(), 2, "{belt}");
    }
    assert_eq!(place("xiang-axis")["coord_source"], "wdbii");
    assert_eq!(place("green-heart")["area"].as_array().unwrap().len(), 10);
    assert_eq!(place("longwanggang")["kind"], "river");
    assert_eq!(place("qingshuitang")["kind"], "former_industrial");
    assert_eq!(place("zhubugang")["kind"], "former_industrial");

    let st = v["statements"].as_array().unwrap();
    assert_eq!(st.len(), 39);
    for s in st {
        has_all(
            s,
            &[
                "id", "name", "kind", "year", "claim", "quote", "lines", "reading",
            ],
        );
    }
}

#[test]
fn csv_tables_round_trip() {
    let ds = Dataset::load();
    for (table, rows, cols) in [
        (Table::Tasks, 86, 13),
        (Table::Agencies, ds.agencies.len(), 4),
        (
            Table::Indicators,
            ds.indicators.iter().map(|i| i.points.len()).sum(),
            15,
        ),
        (Table::Places, ds.places.len(), 11),
        (Table::Statements, ds.statements.len(), 13),
    ] {
        let csv_text = to_csv(&ds, table, &WORDS);
        assert!(csv_text.starts_with('\u{feff}'), "BOM for spreadsheets");
        let mut r = csv::Reader::from_reader(csv_text.trim_start_matches('\u{feff}').as_bytes());
        assert_eq!(r.headers().unwrap().len(), cols, "{}", table.name());
        let records: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
        assert_eq!(records.len(), rows, "{}", table.name());
        if table == Table::Tasks {
            let t1 = &records[0];
            assert_eq!(&t1[0], "000-1");
            assert_eq!(&t1[5], "长沙市人民政府、湘潭市人民政府、岳阳市人民政府、省发展改革委、省自然资源厅、省交通运输厅、省生态环境厅、湘江新区管委会");
            let t42 = &records[41];
            assert_eq!(&t42[10], "责任单位缺失（原文截断）");
        }
    }
}

#[test]
fn cli_export_prints_the_json() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_plan-data"))
        .arg("export")
        .output()
        .unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.trim_end(), to_json(&Dataset::load(), &WORDS));
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_plan-data"))
        .args(["export", "--csv", "agencies"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8(out.stdout)
        .unwrap()
        .contains("prov-drc,省发展改革委"));
    let bad = std::process::Command::new(env!("CARGO_BIN_EXE_plan-data"))
        .args(["export", "--csv", "nope"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8(bad.stderr)
        .unwrap()
        .contains("unknown table"));
}
