//! The English of the dataset: every `*_en` field is English (a name as
//! written stays in its Chinese field, marked as such by the page, never
//! mixed into the English), one name has one English wherever it appears,
//! and every note has its English.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;

use changzhutan_plans::plan::export::to_json;
use changzhutan_plans::plan::{renames, Dataset};
use serde_json::Value;

fn ds() -> Dataset {
    Dataset::load()
}

/// A Chinese character, or CJK or full-width punctuation (、，（）：).
fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3000}'..='\u{303f}'
        | '\u{3400}'..='\u{4dbf}'
        | '\u{4e00}'..='\u{9fff}'
        | '\u{f900}'..='\u{faff}'
        | '\u{ff00}'..='\u{ffef}'
        | '\u{20000}'..='\u{2ffff}')
}

fn is_english_key(k: &str) -> bool {
    k == "en" || k.ends_with("_en") || k == "en_short" || k == "short_en"
}

/// Every English field under `v`, with its path.
fn english_fields(v: &Value, path: &str, out: &mut Vec<(String, String)>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                let p = format!("{path}.{k}");
                if is_english_key(k) {
                    if let Some(s) = x.as_str() {
                        out.push((p.clone(), s.to_string()));
                    }
                }
                english_fields(x, &p, out);
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                english_fields(x, &format!("{path}[{i}]"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn no_english_field_holds_chinese() {
    let ds = ds();
    let mut fields = Vec::new();
    english_fields(&serde_json::to_value(&ds).unwrap(), "dataset", &mut fields);
    let ex: Value =
        serde_json::from_str(&to_json(&ds, &changzhutan_plans::words::problems::WORDS)).unwrap();
    english_fields(&ex, "export", &mut fields);
    english_fields(
        &serde_json::to_value(renames(&ds)).unwrap(),
        "renames",
        &mut fields,
    );
    assert!(fields.len() > 500, "{}", fields.len());
    let bad: Vec<String> = fields
        .iter()
        .filter(|(_, s)| s.chars().any(is_cjk))
        .map(|(p, s)| format!("{p}: {s}"))
        .collect();
    assert!(
        bad.is_empty(),
        "Chinese in English fields:\n{}",
        bad.join("\n")
    );
}

/// Every (Chinese, English) pair of a name the dataset gives: headings
/// (groups, categories) and the names of places, agencies, indicators and
/// statements.
fn names(ds: &Dataset) -> Vec<(&'static str, String, String)> {
    let mut v = Vec::new();
    for g in &ds.groups {
        v.push(("group", g.zh.clone(), g.en.clone()));
    }
    for c in &ds.categories {
        v.push(("category", c.zh.clone(), c.en.clone()));
    }
    for p in &ds.places {
        v.push(("place", p.name.clone(), p.name_en.clone()));
    }
    for a in &ds.agencies {
        v.push(("agency", a.name.clone(), a.name_en.clone()));
        for f in a.former.iter().filter(|f| f.en.is_some()) {
            v.push(("former name", f.name.clone(), f.en.clone().unwrap()));
        }
    }
    for i in &ds.indicators {
        v.push(("indicator", i.name.clone(), i.name_en.clone()));
    }
    for s in &ds.statements {
        v.push(("statement", s.name.clone(), s.name_en.clone()));
    }
    v
}

#[test]
fn every_heading_and_name_has_one_english() {
    let ds = ds();
    let mut seen: BTreeMap<String, (String, &str)> = BTreeMap::new();
    let mut bad = Vec::new();
    for (what, zh, en) in names(&ds) {
        assert!(!en.trim().is_empty(), "{what} {zh} has no English");
        match seen.get(&zh) {
            Some((other, w)) if *other != en => {
                bad.push(format!("{zh}: “{other}” ({w}) vs “{en}” ({what})"))
            }
            Some(_) => {}
            None => {
                seen.insert(zh, (en, what));
            }
        }
    }
    assert!(
        bad.is_empty(),
        "one name, two Englishes:\n{}",
        bad.join("\n")
    );
    // The two headings the audit found translated twice.
    for zh in ["加大财政金融支持力度", "打造内陆地区改革开放高地"] {
        let ens: std::collections::BTreeSet<&str> = ds
            .groups
            .iter()
            .chain(&ds.categories)
            .filter(|n| n.zh == zh)
            .map(|n| n.en.as_str())
            .collect();
        assert_eq!(ens.len(), 1, "{zh}: {ens:?}");
    }
}

/// A term in a Chinese name and its one English: a name that has the one
/// has the other (an English short label may leave it out).
const TERMS: &[(&str, &str)] = &[
    ("梅溪湖", "Meixihu"),
    ("洋湖", "Yanghu"),
    ("大泽湖", "Dazehu"),
    ("湘江新区", "Xiangjiang New Area"),
    ("生态绿心", "Green Heart"),
    (
        "自主创新示范区",
        "Independent Innovation Demonstration Zone",
    ),
    ("粤港澳大湾区", "Guangdong–Hong Kong–Macao Greater Bay Area"),
];

#[test]
fn one_term_one_english_and_one_convention() {
    let ds = ds();
    let mut pairs = names(&ds);
    for d in &ds.documents {
        pairs.push(("document", d.title.clone(), d.title_en.clone()));
    }
    let mut bad = Vec::new();
    for (what, zh, en) in &pairs {
        for (term, term_en) in TERMS {
            if zh.contains(term) && !en.contains(term_en) {
                bad.push(format!("{what} {zh} = “{en}”: {term} is “{term_en}”"));
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
    // Conventions in every English field: en dashes between the three
    // cities' names; an area named after a lake in pinyin as one word.
    let mut fields = Vec::new();
    english_fields(&serde_json::to_value(&ds).unwrap(), "dataset", &mut fields);
    for (p, s) in &fields {
        for wrong in [
            "Changsha-Zhuzhou",
            "Zhuzhou-Xiangtan",
            "Guangdong-Hong Kong",
            "Hong Kong-Macao",
            "Meixi Lake",
            "Yang Lake",
            "Daze Lake",
            "two-oriented",
        ] {
            assert!(!s.contains(wrong), "{p}: “{wrong}” in {s}");
        }
    }
}

#[test]
fn every_note_has_its_english() {
    let ds = ds();
    let mut missing = Vec::new();
    let mut check = |what: String, zh: &Option<String>, en: &Option<String>| {
        if zh.is_some() && en.as_deref().is_none_or(|e| e.trim().is_empty()) {
            missing.push(what);
        }
    };
    for i in &ds.indicators {
        check(format!("indicator {}", i.id), &i.note, &i.note_en);
        for p in &i.points {
            check(format!("point {} {:?}", i.id, p.year), &p.note, &p.note_en);
        }
    }
    for p in &ds.places {
        check(format!("place {}", p.id), &p.note, &p.note_en);
    }
    for s in &ds.statements {
        check(format!("statement {}", s.id), &s.note, &s.note_en);
    }
    for a in &ds.agencies {
        check(format!("agency {}", a.id), &a.note, &a.note_en);
    }
    for m in &ds.milestones {
        check(format!("milestone {}", m.year), &m.note, &m.note_en);
    }
    assert!(missing.is_empty(), "notes without English: {missing:?}");
    // Collective agencies say what they are, in both languages.
    for a in ds
        .agencies
        .iter()
        .filter(|a| a.kind == changzhutan_plans::plan::AgencyKind::Collective)
    {
        assert!(a.note.is_some() && a.note_en.is_some(), "{}", a.id);
    }
}

#[test]
fn headings_number_in_each_language_and_lists_join_in_its_punctuation() {
    use changzhutan_plans::words::{Lang, LangExt};
    let (zh, en) = (Lang::Zh.t(), Lang::En.t());
    assert_eq!(
        [1, 10, 12, 20, 23].map(|n| zh.numeral(n)),
        ["一", "十", "十二", "二十", "二十三"]
    );
    assert_eq!(en.numeral(12), "12");
    assert_eq!(["a", "b"].join(zh.list_sep), "a、b");
    assert_eq!(["a", "b"].join(en.list_sep), "a, b");
    assert_eq!((zh.lang, en.lang), (Lang::Zh, Lang::En));
}

/// The core returns codes; `words` says them: every problem and every
/// reason an import fails has one line in each language, Chinese in Chinese,
/// and the importer's reason (its code as JSON, from the worker) is worded
/// in the page's language.
#[test]
fn the_cores_codes_are_worded_in_each_language() {
    use changzhutan_plans::plan::import::ImportError;
    use changzhutan_plans::plan::{Problem, ProblemCode, Wording};
    use changzhutan_plans::words::problems::WORDS;
    use changzhutan_plans::words::{Ctx, Lang};
    let has_han = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    let codes = [
        ProblemCode::MissingUnits,
        ProblemCode::TruncatedUnits,
        ProblemCode::TrailingSeparator,
        ProblemCode::GluedMarker,
        ProblemCode::LeadAlsoSupport,
        ProblemCode::EmptyUnit,
        ProblemCode::UnknownUnit,
        ProblemCode::ShortRow,
        ProblemCode::LongRow,
        ProblemCode::NumberGap,
        ProblemCode::StrayLine,
        ProblemCode::BadRecord,
        ProblemCode::RepeatedUnit,
        ProblemCode::UnmatchedActual,
    ];
    for code in codes {
        let p = Problem::new(code, "x", Some(3));
        let (zh, en) = (WORDS.problem(&p, Lang::Zh), WORDS.problem(&p, Lang::En));
        assert!(has_han(&zh) && !zh.contains('\n'), "{code:?}: {zh}");
        assert!(
            !has_han(&en) && !en.is_empty() && !en.contains('\n'),
            "{code:?}: {en}"
        );
    }
    let errors = [
        ImportError::Empty,
        ImportError::TooLarge { bytes: 1 << 25 },
        ImportError::Binary,
        ImportError::NotText,
        ImportError::Unsupported("pdf".into()),
        ImportError::BadOffice("no workbook".into()),
        ImportError::NotAPlan,
        ImportError::Cancelled,
    ];
    let ds = changzhutan_plans::plan::Dataset::load();
    for e in errors {
        let json = e.code();
        for lang in [Lang::Zh, Lang::En] {
            let m = WORDS.import_error(&e, lang);
            assert!(!m.is_empty() && !m.contains('\n'), "{m}");
            assert_eq!(has_han(&m), lang == Lang::Zh, "{e:?} {lang:?}: {m}");
            let shown = changzhutan_plans::pages::import::reason(Ctx::new(&ds, lang), &json);
            assert_eq!(shown, m, "{json}");
        }
    }
    // What is not the importer's code (the worker's own words) is shown as it is.
    let c = Ctx::new(&ds, Lang::En);
    assert_eq!(
        changzhutan_plans::pages::import::reason(c, "worker gone"),
        "worker gone"
    );
}
