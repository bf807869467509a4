//! Targets stated in prose: the year each sentence is for, its indicator, verb and bound.

use super::years::*;
use super::*;

/// Verbs between an indicator and its value, longest first; `true` for a
/// change (the indicator is then the change: 年均增长, 下降).
const VERBS: [(&str, bool); 37] = [
    ("年均增长", true),
    ("年均提高", true),
    ("年均下降", true),
    ("分别达到", false),
    ("分别为", false),
    ("均达到", false),
    ("均保持在", false),
    ("都达到", false),
    ("提高到", false),
    ("提高至", false),
    ("提升到", false),
    ("提升至", false),
    ("下降到", false),
    ("下降至", false),
    ("降低到", false),
    ("降低至", false),
    ("增加到", false),
    ("增加至", false),
    ("控制在", false),
    ("保持在", false),
    ("稳定在", false),
    ("不低于", false),
    ("不少于", false),
    ("不超过", false),
    ("达到", false),
    ("增长", true),
    ("提高", true),
    ("提升", true),
    ("下降", true),
    ("降低", true),
    ("减少", true),
    ("增加", true),
    ("突破", false),
    ("超过", false),
    ("达", false),
    ("为", false),
    ("占", false),
];

/// Read targets and baselines from prose. `skip` says which lines not to
/// read (lines of tasks, tables); `reference` is the document's year (for
/// 今年, 去年).
pub fn parse_prose(
    text: &str,
    shown: &str,
    doc: &str,
    code: &str,
    skip: &dyn Fn(u32) -> bool,
    reference: Option<i32>,
    undated_year: Option<i32>,
) -> Found {
    let mut b = Builder {
        doc,
        code,
        out: Found::default(),
    };
    let shown_lines: Vec<&str> = shown.split('\n').collect();
    let lines: Vec<String> = text.split('\n').map(prose_line).collect();
    let cx = Context {
        reference: reference.or_else(|| stated_year(&lines)),
        period_end: PERIODS
            .iter()
            .filter(|(w, _)| text.contains(w))
            .map(|p| p.1)
            .max(),
        span: title_span(&lines),
    };
    // Paragraphs: a line not ending a sentence runs on into the next (text
    // copied from a PDF breaks lines anywhere; a line of a zero-width space
    // alone splits a word).
    let mut para = String::new();
    let mut map: Vec<(usize, u32)> = Vec::new();
    let n = lines.len();
    // The year stated once holds for what follows, until another is stated;
    // before any, the year a reader gives undated targets.
    let undated = undated_year.map(|y| (Some(y), true));
    let mut year: Option<(Option<i32>, bool)> = undated;
    for (k, l) in lines.iter().enumerate() {
        let no = k as u32 + 1;
        let l = l.as_str();
        // A line of zero-width characters only (the text normalised them to spaces).
        let invisible = l.is_empty()
            && shown_lines.get(k).is_some_and(|x| {
                let x = x.trim();
                !x.is_empty()
                    && x.chars()
                        .all(|c| matches!(c, '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}'))
            });
        if invisible && !skip(no) {
            continue;
        }
        let keep = !skip(no) && !l.is_empty() && l.chars().count() <= 4000;
        if keep {
            map.push((para.len(), no));
            para.push_str(l);
        }
        let ends =
            l.ends_with(['。', '；', '！', '？', '：', ':', ';']) || l.is_empty() || skip(no);
        let next_numbered = lines
            .get(k + 1)
            .is_some_and(|x| crate::text::strip_numbering(x).is_some());
        // A numbered heading (一、8项指标设置情况) is a paragraph of its own.
        let heading = crate::text::strip_numbering(l).is_some()
            && l.chars().count() <= 40
            && !l.contains(['，', ',', '。']);
        if !para.is_empty() && (ends || next_numbered || heading || k + 1 == n) {
            // Only a known year runs on past its paragraph.
            if year.is_some_and(|y| y.0.is_none()) {
                year = undated;
            }
            read_paragraph(&mut b, &para, &map, &shown_lines, &cx, &mut year);
            para.clear();
            map.clear();
        }
    }
    b.finish()
}

/// A line of prose as read: trimmed, without zero-width spaces, without
/// the pinyin glosses some pages put after characters (規(guī)劃 → 規劃).
fn prose_line(raw: &str) -> String {
    let l = clean_cell(raw);
    let mut out = String::with_capacity(l.len());
    let mut rest = l;
    while let Some(c) = rest.chars().next() {
        let w = c.len_utf8();
        if c == '\u{200b}' || c == '\u{feff}' {
            rest = &rest[w..];
            continue;
        }
        if c == '(' && out.chars().last().is_some_and(crate::text::is_han) {
            if let Some(end) = rest[1..].find(')') {
                let inner = &rest[1..1 + end];
                if !inner.is_empty()
                    && inner.chars().count() <= 8
                    && inner.chars().all(is_pinyin)
                    && inner
                        .chars()
                        .any(|c| !c.is_ascii() || c.is_ascii_lowercase())
                    && !inner.chars().all(|c| c.is_ascii_uppercase())
                {
                    rest = &rest[end + 2..];
                    continue;
                }
            }
        }
        out.push(c);
        rest = &rest[w..];
    }
    clean_cell(&out).to_string()
}

fn is_pinyin(c: char) -> bool {
    c.is_ascii_lowercase() || "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü".contains(c)
}

fn line_at(map: &[(usize, u32)], at: usize) -> u32 {
    let i = map.partition_point(|m| m.0 <= at);
    map[i.saturating_sub(1)].1
}

fn read_paragraph(
    b: &mut Builder,
    para: &str,
    map: &[(usize, u32)],
    shown: &[&str],
    cx: &Context,
    year: &mut Option<(Option<i32>, bool)>,
) {
    let mut offset = 0;
    let last_year = cx.reference.map(|r| r - 1);
    for sentence in para.split_inclusive(['。', '！', '？']) {
        let start = offset;
        offset += sentence.len();
        // Without a number or a year word a sentence says nothing read here
        // (a year word alone still sets the year: 今年的目标…).
        if !sentence.contains(|c: char| c.is_ascii_digit() || "一二三四五六七八九十年".contains(c))
        {
            continue;
        }
        let lines = Lines {
            start: line_at(map, start),
            end: line_at(map, start + sentence.len().saturating_sub(1)),
        };
        let quote: String = if lines.start == lines.end {
            clean_cell(shown.get(lines.start as usize - 1).copied().unwrap_or("")).to_string()
        } else {
            (lines.start..=lines.end)
                .filter_map(|l| shown.get(l as usize - 1))
                .map(|l| clean_cell(l))
                .collect::<Vec<_>>()
                .join("")
        };
        let before = *year;
        read_sentence(b, sentence, &quote, lines, cx, year);
        // 去年…: last year holds for its sentence only; the present year's
        // targets go on after it (去年…约有1个百分点。把…控制在3.5%左右).
        if before.is_some_and(|y| y.1)
            && year.is_some_and(|y| !y.1 && y.0 == last_year)
            && (sentence.contains("去年") || sentence.contains("上年"))
        {
            *year = before;
        }
    }
}

fn read_sentence(
    b: &mut Builder,
    sentence: &str,
    quote: &str,
    lines: Lines,
    cx: &Context,
    year: &mut Option<(Option<i32>, bool)>,
) {
    let sentence = drop_asides(sentence);
    let sentence = sentence.as_str();
    let mut subject = String::new();
    let mut cued = false;
    // A year stated in a sentence that sets goals is a target year for what
    // follows (…对32项指标进行了2021年度目标设定).
    let sets_goals = TARGET_CUES.iter().any(|w| sentence.contains(w))
        && !FACT_CUES.iter().any(|w| sentence.contains(w));
    // A year written out in the sentence holds over a plan period named
    // after it (2023年…目标是：锚定“十四五”期间…).
    let mut written_year = false;
    const DELIMS: [char; 7] = ['，', ',', '；', ';', '。', '：', ':'];
    let pieces = sentence.split_inclusive(DELIMS).flat_map(|p| {
        let label = p.ends_with(['：', ':']);
        list_items(p.trim_end_matches(DELIMS))
            .into_iter()
            .map(move |c| (c, label))
    });
    for (clause, label) in pieces {
        let mut c = clause.trim();
        cued |= TARGET_CUES.iter().any(|w| c.contains(w));
        if let Some((y, target, a, e)) = year_phrase_in(c, cx) {
            let digits = c[a..e].bytes().filter(u8::is_ascii_digit).count() == 4;
            let period = PERIODS.iter().any(|(w, _)| c[a..e].contains(w));
            if !(period && written_year) {
                *year = Some((y, target || sets_goals && y.is_some()));
            }
            written_year |= digits;
            let rest = clean_cell(&c[e..]);
            let head = clean_cell(&c[..a]);
            c = if head.is_empty() || head.chars().count() <= 2 {
                rest
            } else {
                c
            };
            if y.is_none() {
                b.out.guesses.push(Guess {
                    code: GuessCode::NoYear,
                    detail: clause.trim().to_string(),
                    line: Some(lines.start),
                });
            }
        }
        let Some((year, target)) = *year else {
            continue;
        };
        // A goal stated for a year (2025年GDP力争突破…) rather than after 到.
        let target = target || cued && !FACT_CUES.iter().any(|w| c.contains(w));
        // "X从(2020年的)A提高到B": B is the target, X the indicator.
        let c_owned;
        if let Some(rest) = from_to(c) {
            c_owned = rest;
            c = &c_owned;
        }
        let qs: Vec<Quantity> = quantities(c)
            .into_iter()
            .filter(|q| {
                // Years are no values, nor is a time span (用3年时间); a
                // length of years an indicator names is (受教育年限提高到10.8年).
                (q.unit != "年" || c[..q.start].contains("年限") && !is_year(q))
                    && !(q.unit.is_empty()
                        && q.value.fract() == 0.0
                        && (1900.0..=2100.0).contains(&q.value))
            })
            // A bare number is a value with a bound, or an index's
            // (数字中国发展指数从2020年的85提高到95).
            .filter(|q| !q.unit.is_empty() || q.bound != Bound::Eq || c[..q.start].contains("指数"))
            // A formula (A/B×100%), not a value.
            .filter(|q| !c[..q.start].trim_end().ends_with(['×', '*', '/', '÷']))
            // 一个, 三个, 五个中心: a count in words is a name, not a value.
            .filter(|q| {
                !(q.bound == Bound::Eq
                    && c[q.start..].starts_with(|ch: char| "一二三四五六七八九十".contains(ch)))
            })
            .collect();
        if qs.is_empty() {
            // "人均地区生产总值：增长6%左右": a label names what follows.
            if label && year.is_some() {
                let l = clean_subject(c);
                if !l.is_empty() {
                    subject = l;
                }
            }
            continue;
        }
        let first_q = qs[0].start;
        // The first verb before the value ("增加值" is a name, not a verb).
        let (verb_at, verb, change) = VERBS
            .iter()
            .filter_map(|(v, ch)| {
                c[..first_q]
                    .match_indices(v)
                    .find(|(at, _)| !c[at + v.len()..].starts_with(['值', '量']))
                    .map(|(at, _)| (at, *v, *ch))
            })
            .min_by_key(|(at, v, _)| (*at, std::cmp::Reverse(v.len())))
            .unwrap_or((first_q, "", false));
        // "较2020年下降13.5%": the comparison is the point's note.
        let mut note = None;
        let mut head_end = verb_at;
        let compared = |at: usize| {
            let after = &c[at + '较'.len_utf8()..verb_at];
            after.starts_with(|ch: char| ch.is_ascii_digit())
                || ["上年", "去年", "基期", "同期", "上一年"]
                    .iter()
                    .any(|w| after.starts_with(w))
        };
        let cmp_at = c[..verb_at]
            .rmatch_indices(['较', '比'])
            .map(|(i, _)| i)
            .find(|&i| compared(i));
        if let Some(cmp) = cmp_at {
            let n = clean_cell(&c[cmp..verb_at]);
            note = Some(clean_cell(n.strip_suffix("分别").unwrap_or(n)).to_string());
            head_end = cmp;
        }
        let respectively = verb.starts_with("分别") || c.contains("分别");
        let each = verb.starts_with('均') || verb.starts_with('都');
        // A list of indicators (A(SO2)、B(NOX)和C(VOCs)排放总量分别下降…):
        // each is named on its own, and only each is too long to be a name.
        let head = &c[..head_end];
        let split = |s: &str| -> Vec<String> {
            s.split(['、', '和', '及'])
                .map(clean_subject)
                .filter(|s| !s.is_empty())
                .collect()
        };
        let mut subjects = split(head);
        let mut subj = clean_subject(head);
        if subj.is_empty() && (respectively || each) && subjects.len() > 1 {
            subj = subjects.join("、");
        }
        if subj.is_empty() {
            if subject.is_empty() {
                continue;
            }
            subj = subject.clone();
        } else {
            subject = subj.clone();
        }
        if subjects.is_empty() {
            subjects = split(&subj);
        }
        let kind = if target {
            PointKind::Target
        } else {
            PointKind::Baseline
        };
        let name_of = |s: &str| {
            if change {
                format!("{s}{verb}")
            } else {
                s.to_string()
            }
        };
        // "分别增长7%、8%左右": a bound written after the last value of a
        // list holds for each.
        let mut qs = qs;
        if respectively && qs.len() > 1 {
            let last = qs[qs.len() - 1].bound;
            let n = qs.len();
            if last != Bound::Eq && qs[..n - 1].iter().all(|q| q.bound == Bound::Eq) {
                for q in &mut qs[..n - 1] {
                    q.bound = last;
                }
            }
        }
        if respectively && qs.len() > 1 && subjects.len() != qs.len() {
            // One subject for several values (城乡居民人均可支配收入分别增长
            // 7%、8%): each value is the subject's, in order.
            for q in &qs {
                b.add(
                    &name_of(&subj),
                    "",
                    "",
                    q,
                    c,
                    year,
                    kind,
                    quote,
                    lines,
                    note.clone(),
                );
            }
        } else if respectively && subjects.len() == qs.len() && qs.len() > 1 {
            for (s, q) in subjects.iter().zip(&qs) {
                b.add(
                    &name_of(s),
                    "",
                    "",
                    q,
                    c,
                    year,
                    kind,
                    quote,
                    lines,
                    note.clone(),
                );
            }
        } else if each && subjects.len() > 1 {
            for s in &subjects {
                b.add(
                    &name_of(s),
                    "",
                    "",
                    &qs[0],
                    c,
                    year,
                    kind,
                    quote,
                    lines,
                    note.clone(),
                );
            }
        } else if let Some(items) = verb
            .is_empty()
            .then(|| value_first(c, &qs, &subj))
            .flatten()
        {
            for (name, q) in &items {
                b.add(name, "", "", q, c, year, kind, quote, lines, note.clone());
            }
        } else {
            b.add(
                &name_of(&subj),
                "",
                "",
                &qs[0],
                c,
                year,
                kind,
                quote,
                lines,
                note.clone(),
            );
        }
    }
}

/// Values written before what they count, after an action (培育形成2个千亿级
/// 产业集群和6个五百亿级产业集群, 建设30公里以上环公园绿道): each value
/// names what follows it, with the action. None when the text before the
/// first value is more than an action (a name: the value is its), or no
/// name follows the first value.
fn value_first(c: &str, qs: &[Quantity], action: &str) -> Option<Vec<(String, Quantity)>> {
    // An action is a word or two (新种（补种）: its bracket says more of it).
    let bare = action.split(['（', '(']).next().unwrap_or(action);
    if bare.chars().count() > 4 {
        return None;
    }
    let mut out = Vec::new();
    for (k, q) in qs.iter().enumerate() {
        let end = qs.get(k + 1).map_or(c.len(), |n| n.start);
        let noun = c[q.end..end].trim();
        let noun = noun.trim_end_matches(['和', '、', '及', '与']).trim();
        let noun = noun.strip_prefix('的').unwrap_or(noun).trim();
        let named = noun.chars().filter(|ch| crate::text::is_han(*ch)).count() >= 2
            && !noun.contains(|ch: char| ch.is_ascii_digit());
        if !named {
            if k == 0 {
                return None;
            }
            continue;
        }
        let name = format!("{action}{noun}");
        let name = if name.chars().count() > 30 {
            noun.to_string()
        } else {
            name
        };
        out.push((name, q.clone()));
    }
    Some(out)
}

/// A sentence without its asides: a bracket holding a clause of its own
/// (a comma or semicolon inside, or 依据/根据 …) explains, it states no value
/// (…增长8%(依据区人代会目标设置,高于省、市7.5%平均水平)).
fn drop_asides(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut depth = 0usize;
    let mut start = 0;
    let mut open_len = 1;
    for (i, c) in s.char_indices() {
        match c {
            '(' | '（' => {
                if depth == 0 {
                    start = i;
                    open_len = c.len_utf8();
                }
                depth += 1;
            }
            ')' | '）' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    let inner = &s[start + open_len..i];
                    let aside = inner.contains(['，', ',', '；', ';'])
                        || ["依据", "根据", "按照", "含", "即", "注"]
                            .iter()
                            .any(|w| inner.starts_with(w));
                    if !aside {
                        out.push_str(&s[start..i + c.len_utf8()]);
                    }
                }
            }
            _ if depth > 0 => {}
            c => out.push(c),
        }
    }
    if depth > 0 {
        out.push_str(&s[start..]);
    }
    out
}

/// Words that say a clause reports what was done.
const FACT_CUES: [&str; 6] = ["同比", "比上年", "实现了", "完成了", "已经", "过去"];

/// The items of a clause listing several indicators with their values
/// (固定资产投资增幅16%以上、规上工业产值增幅13%以上): cut at a 、 that
/// follows a value and precedes a name.
fn list_items(c: &str) -> Vec<&str> {
    let qs = quantities(c);
    if qs.len() < 2 {
        return vec![c];
    }
    let mut out = Vec::new();
    let mut start = 0;
    for q in &qs {
        let after = &c[q.end..];
        if let Some(rest) = after.strip_prefix('、') {
            // The next item only (bounded: linear in the clause).
            let item = &rest[..rest.find('、').unwrap_or(rest.len())];
            if rest.starts_with(crate::text::is_han)
                && item.len() <= 400
                && quantities(item).first().is_some_and(|n| n.start > 0)
            {
                out.push(&c[start..q.end]);
                start = q.end + '、'.len_utf8();
            }
        }
    }
    out.push(&c[start..]);
    out
}

/// A year written as a quantity (2020年, 2020).
fn is_year(q: &Quantity) -> bool {
    (q.unit == "年" || q.unit.is_empty())
        && q.value.fract() == 0.0
        && (1900.0..=2100.0).contains(&q.value)
}

/// "X从(2020年(的))A提高到B" as "X提高到B"; None when the clause is not so.
fn from_to(c: &str) -> Option<String> {
    let at = c.find('从')?;
    let qs: Vec<Quantity> = quantities(&c[at..])
        .into_iter()
        .filter(|q| !is_year(q))
        .collect();
    let a = qs.first()?;
    let b = qs.get(1)?;
    let between = &c[at + a.end..at + b.start];
    let verb = [
        "提高到",
        "提升到",
        "增加到",
        "增长到",
        "下降到",
        "降低到",
        "扩大到",
        "达到",
        "提高至",
        "提升至",
        "增加至",
        "下降至",
        "降低至",
        "减少到",
    ]
    .iter()
    .find(|v| between.trim_end_matches(['约']).ends_with(**v))?;
    let head = &c[..at];
    Some(format!("{head}{verb}{}", &c[at + b.start..]))
}

fn clean_subject(s: &str) -> String {
    let mut s = clean_cell(s);
    // A heading's numbering names nothing (一、, （二）).
    if let Some((_, _, rest)) = crate::text::strip_numbering(s) {
        s = clean_cell(rest);
    }
    if s.chars()
        .all(|c| "一二三四五六七八九十百0123456789（）()、.．".contains(c))
    {
        return String::new();
    }
    loop {
        let before = s;
        for w in LEADING {
            s = clean_cell(s.strip_prefix(w).unwrap_or(s));
        }
        s = s.trim_start_matches(['、', '和', '的', '“', '"']);
        s = s.trim_end_matches(['的', '”', '"']);
        // "…排放总量分别下降": 分别 goes with the verb, not the name.
        s = clean_cell(s.strip_suffix("分别").unwrap_or(s));
        if s == before {
            break;
        }
    }
    if s.chars().count() > 30
        || s.chars().count() < 2
        || !s
            .chars()
            .any(|c| crate::text::is_han(c) || c.is_ascii_alphabetic())
    {
        return String::new();
    }
    s.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_of_clauses() {
        assert_eq!(
            year_phrase("到2025年", None),
            Some((Some(2025), true, 0, 10))
        );
        assert_eq!(
            year_phrase("2020年末", None).map(|y| (y.0, y.1)),
            Some((Some(2020), false))
        );
        assert_eq!(year_phrase("较2020年下降", None), None);
        assert_eq!(
            year_phrase("今年增长", Some(2021)).map(|y| (y.0, y.1)),
            Some((Some(2021), true))
        );
        assert_eq!(
            year_phrase("到“十四五”末", None).map(|y| (y.0, y.1)),
            Some((Some(2025), true))
        );
    }

    #[test]
    fn names_and_units() {
        assert_eq!(
            name_and_unit("地区生产总值（亿元）"),
            ("地区生产总值", "亿元")
        );
        assert_eq!(measure("单位地区生产总值能耗下降", "%"), Measure::Rate);
        assert_eq!(measure("常住人口城镇化率", "%"), Measure::Share);
    }
}
