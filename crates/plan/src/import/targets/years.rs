//! Which year a sentence's values are for: a year stated once for what
//! follows (到2025年，…；…), a plan period (“十四五”时期, 今后五年: the
//! period the document names), the document's own year (今年, from a
//! heading such as 三、2016年重点工作 or a dated goal), the span a plan's
//! title gives it. A year that only qualifies a noun (落实2030年应对气候变化
//! 国家自主贡献目标) is no clause's year.

use crate::text::clean_cell;

/// Words that start a clause without naming anything.
pub(super) const LEADING: [&str; 16] = [
    "全市", "全省", "全区", "全县", "其中", "力争", "确保", "争取", "使", "实现", "主要", "预计",
    "并", "且", "同时", "以上",
];

/// The year a clause sets: (year, target?, the year phrase's byte range).
pub(super) fn year_phrase(
    s: &str,
    reference: Option<i32>,
) -> Option<(Option<i32>, bool, usize, usize)> {
    year_phrase_in(
        s,
        &Context {
            reference,
            period_end: None,
            span: None,
        },
    )
}

/// What a document says of its own time: its year (今年) and the end of
/// the plan period it speaks of (今后五年, 十四五时期 → 2025).
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Context {
    pub reference: Option<i32>,
    pub period_end: Option<i32>,
    /// The years a plan's title gives it (三年行动方案（2022—2024年）): a
    /// year in them is a target year.
    pub span: Option<(i32, i32)>,
}

/// The years of a plan named in its first lines: "(2022—2024年)".
pub(super) fn title_span(lines: &[String]) -> Option<(i32, i32)> {
    for l in lines.iter().filter(|l| !l.is_empty()).take(12) {
        let b = l.as_bytes();
        for i in 0..b.len().saturating_sub(8) {
            if !(b[i..i + 4].iter().all(u8::is_ascii_digit)) || (i > 0 && b[i - 1].is_ascii_digit())
            {
                continue;
            }
            let rest = &l[i + 4..];
            let rest = rest.trim_start_matches('年');
            for dash in ["—", "－", "-", "～", "~", "至"] {
                if let Some(r) = rest.strip_prefix(dash) {
                    let r = r.as_bytes();
                    if r.len() >= 4 && r[..4].iter().all(u8::is_ascii_digit) {
                        let a: i32 = l[i..i + 4].parse().ok()?;
                        let z: i32 = std::str::from_utf8(&r[..4]).ok()?.parse().ok()?;
                        if (1990..=2100).contains(&a) && a < z && z - a <= 15 {
                            return Some((a, z));
                        }
                    }
                }
            }
        }
    }
    None
}

pub(super) const PERIODS: [(&str, i32); 5] = [
    ("十二五", 2015),
    ("十三五", 2020),
    ("十四五", 2025),
    ("十五五", 2030),
    ("十六五", 2035),
];

pub(super) fn year_phrase_in(s: &str, cx: &Context) -> Option<(Option<i32>, bool, usize, usize)> {
    let reference = cx.reference;
    for (w, dy, target) in [
        ("今年", 0, true),
        ("本年", 0, true),
        ("明年", 1, true),
        ("去年", -1, false),
        ("上年", -1, false),
    ] {
        if let Some(at) = s.find(w) {
            if !s[..at].ends_with(['比', '较', '与', '同', '于']) {
                return Some((reference.map(|r| r + dy), target, at, at + w.len()));
            }
        }
    }
    for (w, target) in [("今后五年", true), ("未来五年", true), ("过去五年", false)] {
        if let Some(at) = s.find(w) {
            let y = if target { cx.period_end } else { None };
            return Some((y, target, at, at + w.len()));
        }
    }
    for (w, y) in PERIODS {
        if let Some(at) = s.find(w) {
            let after = &s[at + w.len()..];
            let after = after.trim_start_matches(['”', '"', '’']);
            if after.starts_with('末') || after.starts_with("时期末") {
                let end = s.len() - after.len() + '末'.len_utf8();
                return Some((Some(y), true, at, end));
            }
            // “十四五”时期 / 期间: the period's targets (not its achievements).
            for tail in ["时期", "期间"] {
                let before = s[..at].trim_end_matches(['“', '"', '‘']);
                if after.starts_with(tail)
                    && !after[tail.len()..].starts_with(['发', '取', '成', '的', '实'])
                    && !before.ends_with(['在', '于', '比', '较', '与', '同'])
                {
                    let end = s.len() - after.len() + tail.len();
                    return Some((Some(y), true, at, end));
                }
            }
        }
    }
    let b = s.as_bytes();
    let mut i = 0;
    while i + 5 <= b.len() {
        if b[i..i + 4].iter().all(u8::is_ascii_digit)
            && (i == 0 || !b[i - 1].is_ascii_digit())
            && s[i + 4..].starts_with('年')
        {
            let y: i32 = s[i..i + 4].parse().ok()?;
            let before = &s[..i];
            // "较2020年", "比2020年", "从2020年的": a comparison or a base, not
            // the clause's year; "2023年2月21日": a date.
            if before.ends_with('较')
                || before.ends_with('比')
                || before.ends_with('于')
                || before.ends_with('与')
                || before.ends_with('从')
                || before.ends_with('由')
                || s[i + 7..].starts_with('—')
                || s[i + 7..].starts_with('-')
                || s[i + 7..].starts_with('~')
                || s[i + 7..].starts_with(|c: char| c.is_ascii_digit())
                || s[i + 7..].starts_with("以来")
            {
                i += 7;
                continue;
            }
            let mut end = i + 7;
            for tail in ["底", "末", "前"] {
                if s[end..].starts_with(tail) {
                    end += tail.len();
                }
            }
            let target = ["到", "至", "力争", "预计", "计划", "争取"]
                .iter()
                .any(|w| before.trim_end().ends_with(w))
                || s[i + 7..end].contains('前')
                || cx.span.is_some_and(|(a, z)| (a..=z).contains(&y));
            let start = ["力争到", "预计到", "计划到", "争取到", "到", "至"]
                .iter()
                .find(|w| before.ends_with(**w))
                .map_or(i, |w| i - w.len());
            // A bare year after a verb or a conjunction qualifies a noun
            // (落实2030年应对气候变化…目标, 和2035年远景目标纲要): not the
            // clause's year. 2021年度目标 is the year's goals.
            if start == i && end == i + 7 && !target && qualifies(before, &s[i + 4..]) {
                i += 7;
                continue;
            }
            return Some((Some(y), target, start, end));
        }
        i += 1;
    }
    None
}

/// Whether a bare year between `before` and `after` (starting at its 年)
/// qualifies a noun rather than dating the clause: a word other than a
/// clause's opening (全市, 力争, a heading's numbering) comes before it.
fn qualifies(before: &str, after: &str) -> bool {
    if after.starts_with("年度") {
        return false;
    }
    let mut h = clean_cell(before);
    if let Some((_, _, rest)) = crate::text::strip_numbering(h) {
        h = clean_cell(rest);
    }
    loop {
        let was = h;
        for w in LEADING {
            h = clean_cell(h.strip_prefix(w).unwrap_or(h));
        }
        h = h.trim_matches(['“', '”', '"', '、', '，', ',']);
        if h == was {
            break;
        }
    }
    h.chars()
        .last()
        .is_some_and(|c| crate::text::is_han(c) && !"是为".contains(c))
}

/// Words that say a sentence sets a goal.
pub(super) const TARGET_CUES: [&str; 12] = [
    "预期目标",
    "目标是",
    "目标为",
    "力争",
    "确保",
    "争取",
    "要实现",
    "计划",
    "将达到",
    "目标任务",
    "目标设定",
    "年度目标",
];

/// The year a heading gives the work it introduces (三、2016年重点工作,
/// 2021年工作安排): the document's own year.
fn heading_year(l: &str) -> Option<i32> {
    let h = crate::text::strip_numbering(l).map_or(l, |n| n.2);
    let h = clean_cell(h);
    if h.chars().count() > 24 || h.contains(['，', ',', '。', '；']) {
        return None;
    }
    let rest = h.get(4..)?.strip_prefix('年')?;
    let y: i32 = h[..4].parse().ok()?;
    // 二、2022年经济社会发展总体要求和政策取向 (a work report's heading).
    let work = [
        "重点工作",
        "工作安排",
        "工作任务",
        "主要任务",
        "工作要点",
        "总体要求",
        "政策取向",
    ];
    ((1990..=2100).contains(&y) && work.iter().any(|w| rest.ends_with(w))).then_some(y)
}

/// Events a report counts its year from: 今年是新中国成立75周年 → 2024.
const ANNIVERSARIES: [(&str, i32); 6] = [
    ("中华人民共和国成立", 1949),
    ("新中国成立", 1949),
    ("改革开放", 1978),
    ("中国共产党成立", 1921),
    ("建党", 1921),
    ("抗日战争胜利", 1945),
];

/// The year a sentence says is the present one: 2013年是…开局之年, or
/// 今年是改革开放40周年.
fn present_year(sentence: &str) -> Option<i32> {
    let s = clean_cell(sentence);
    let s = crate::text::strip_numbering(s).map_or(s, |n| clean_cell(n.2));
    if let Some(rest) = s.get(4..).and_then(|r| r.strip_prefix("年是")) {
        let y: i32 = s[..4].parse().ok()?;
        let clause = rest.split(['，', ',', '；']).next().unwrap_or(rest);
        if (1990..=2100).contains(&y) && (clause.contains("之年") || clause.contains("一年")) {
            return Some(y);
        }
        return None;
    }
    let rest = s.strip_prefix("今年是")?;
    for clause in rest.split(['，', ',', '；', '。']) {
        let Some((after, since)) = ANNIVERSARIES
            .iter()
            .find_map(|(e, y)| clause.find(e).map(|at| (&clause[at + e.len()..], y)))
        else {
            continue;
        };
        let n = after.bytes().take_while(u8::is_ascii_digit).count();
        if n > 0 && after[n..].starts_with("周年") {
            let years: i32 = after[..n].parse().ok()?;
            return Some(since + years);
        }
    }
    None
}

/// The year a document without a date speaks of: a heading's
/// (三、2016年重点工作), else one a sentence calls the present
/// ([`present_year`]), else the first 4-digit year stated in a sentence
/// that sets goals (2025年GDP力争突破…, 2023年…主要预期目标是).
pub(super) fn stated_year(lines: &[String]) -> Option<i32> {
    if let Some(y) = lines.iter().take(400).find_map(|l| heading_year(l)) {
        return Some(y);
    }
    let sentences = || {
        lines
            .iter()
            .take(400)
            .flat_map(|l| l.split_inclusive(['。', '！', '？']))
    };
    if let Some(y) = sentences().find_map(present_year) {
        return Some(y);
    }
    for l in lines.iter().take(400) {
        for sentence in l.split_inclusive(['。', '！', '？']) {
            if !TARGET_CUES.iter().any(|w| sentence.contains(w)) {
                continue;
            }
            if let Some((Some(y), _, a, e)) = year_phrase(sentence, None) {
                // A year written out, not a plan period (十四五时期), nor a
                // horizon (到2020年: the goals' year, not the present one).
                if sentence[a..e].bytes().filter(u8::is_ascii_digit).count() == 4
                    && sentence[a..].starts_with(|c: char| c.is_ascii_digit())
                {
                    return Some(y);
                }
            }
        }
    }
    None
}

/// The year of the work a document splits, named in its first lines
/// (关于分解落实2018年 政府工作任务的通知, 2024年重点工作任务分解表): the
/// year of the values its tasks state without one.
pub fn work_year(text: &str) -> Option<i32> {
    const WORK: [&str; 6] = [
        "政府工作任务",
        "政府工作报告",
        "重点工作",
        "工作任务",
        "工作要点",
        "目标任务",
    ];
    for l in text.lines().filter(|l| !l.trim().is_empty()).take(12) {
        let b = l.as_bytes();
        for i in 0..b.len().saturating_sub(4) {
            if !b[i..i + 4].iter().all(u8::is_ascii_digit)
                || (i > 0 && b[i - 1].is_ascii_digit())
                || !l[i + 4..].starts_with('年')
            {
                continue;
            }
            let after = l[i + 4 + '年'.len_utf8()..].trim_start_matches([' ', '\u{3000}', '度']);
            // Another year or a span right after (2021-2025年) is no one year's work.
            if l[..i].ends_with(['-', '—', '－', '至', '~', '～']) {
                continue;
            }
            let near: String = after.chars().take(8).collect();
            if WORK.iter().any(|w| near.contains(w)) {
                let y: i32 = l[i..i + 4].parse().ok()?;
                return (1990..=2100).contains(&y).then_some(y);
            }
        }
    }
    None
}
