//! Small text helpers shared by the parsers: cells, lines, sentences, dates.

use super::Lines;

/// Characters that end a place name (市, 县, 区, 州).
pub const PLACE_CHARS: [char; 4] = ['市', '县', '区', '州'];

/// A Han character (CJK ideographs, extension A and compatibility forms):
/// what the parsers mean by "Chinese".
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{9fff}' | '\u{f900}'..='\u{faff}')
}

/// Chinese text: a Han character, CJK punctuation or a fullwidth form
/// (what a page marks `lang="zh-CN"`).
pub fn is_cjk(c: char) -> bool {
    is_han(c) || matches!(c, '\u{3000}'..='\u{303f}' | '\u{ff00}'..='\u{ffef}')
}

/// Trim a cell: ASCII whitespace, tabs, the ideographic space and NBSP
/// (Unicode White_Space, which Rust's `trim` uses, includes the last two).
pub fn clean_cell(s: &str) -> &str {
    s.trim()
}

/// Remove every whitespace character inside `s` (header cells such as
/// "2017 年目标" or "配合/ 参与单位").
pub fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// 1-based line number of a byte offset.
pub fn line_of(text: &str, byte: usize) -> u32 {
    text.as_bytes()[..byte.min(text.len())]
        .iter()
        .filter(|b| **b == b'\n')
        .count() as u32
        + 1
}

const SENTENCE_END: [char; 5] = ['。', '！', '？', '!', '?'];

/// The sentence around `snippet`'s first occurrence in `text`, verbatim
/// (from the previous sentence end or line start to the next sentence end,
/// inclusive), with its lines. `None` if the snippet does not occur.
pub fn sentence_of(text: &str, snippet: &str) -> Option<(String, Lines)> {
    let at = text.find(snippet)?;
    Some(sentence_at(text, at, snippet.len()))
}

/// The sentence around the byte range `at..at+len` of `text`.
pub fn sentence_at(text: &str, at: usize, len: usize) -> (String, Lines) {
    let before = &text[..at];
    let start = before
        .char_indices()
        .rev()
        .find(|(_, c)| SENTENCE_END.contains(c) || *c == '\n')
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0);
    let after_at = at + len;
    let rest = &text[after_at..];
    let end = rest
        .char_indices()
        .find(|(_, c)| SENTENCE_END.contains(c) || *c == '\n')
        .map(|(i, c)| {
            if c == '\n' {
                after_at + i
            } else {
                after_at + i + c.len_utf8()
            }
        })
        .unwrap_or(text.len());
    let raw = &text[start..end];
    let trimmed = clean_cell(raw);
    let lead = raw.len() - raw.trim_start().len();
    let s = start + lead;
    let lines = Lines {
        start: line_of(text, s),
        end: line_of(text, s + trimmed.len()),
    };
    (trimmed.to_string(), lines)
}

/// The first full date (yyyy-mm-dd or yyyy年m月d日) in the first lines of a
/// document, as ISO 8601.
pub fn find_date(text: &str) -> Option<String> {
    for line in text.lines().take(12) {
        let chars: Vec<char> = line.chars().collect();
        if let Some(date) = (0..chars.len()).find_map(|i| date_at(&chars[i..])) {
            return Some(date);
        }
    }
    None
}

fn digits(chars: &[char], n_min: usize, n_max: usize) -> Option<(u32, usize)> {
    let n = chars
        .iter()
        .take(n_max)
        .take_while(|c| c.is_ascii_digit())
        .count();
    if n < n_min {
        return None;
    }
    let v: String = chars[..n].iter().collect();
    Some((v.parse().ok()?, n))
}

fn date_at(chars: &[char]) -> Option<String> {
    let (y, a) = digits(chars, 4, 4)?;
    if !(1900..=2100).contains(&y) {
        return None;
    }
    let sep = *chars.get(a)?;
    let (m, b) = digits(&chars[a + 1..], 1, 2)?;
    let sep2 = *chars.get(a + 1 + b)?;
    let (d, c) = digits(&chars[a + 2 + b..], 1, 2)?;
    let ok = match sep {
        '-' => sep2 == '-',
        '年' => sep2 == '月' && chars.get(a + 2 + b + c) == Some(&'日'),
        _ => false,
    };
    if !ok || !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

/// Split a target cell at its numbered items: "1、甲；2、乙。" → ["甲", "乙"].
/// A cell without numbering is one item.
pub fn numbered_items(cell: &str) -> Vec<String> {
    let chars: Vec<char> = cell.chars().collect();
    // Positions where "<n>、" starts an item: at the start or after a separator.
    let mut starts = Vec::new();
    let mut i = 0;
    let mut expected = 1u32;
    while i < chars.len() {
        let at_boundary =
            i == 0 || matches!(chars[i - 1], '；' | ';' | '。') || chars[i - 1].is_whitespace();
        if at_boundary && chars[i].is_ascii_digit() {
            let n = chars[i..].iter().take_while(|c| c.is_ascii_digit()).count();
            let num: String = chars[i..i + n].iter().collect();
            if matches!(chars.get(i + n), Some('、') | Some('.') | Some('．'))
                && num.parse::<u32>().ok() == Some(expected)
            {
                starts.push((i, i + n + 1));
                expected += 1;
                i += n + 1;
                continue;
            }
        }
        i += 1;
    }
    if starts.is_empty() {
        let t = clean_cell(cell);
        return if t.is_empty() {
            vec![]
        } else {
            vec![t.to_string()]
        };
    }
    let mut out = Vec::new();
    for (k, &(_, body)) in starts.iter().enumerate() {
        let end = starts.get(k + 1).map(|s| s.0).unwrap_or(chars.len());
        let item: String = chars[body..end].iter().collect();
        let item = clean_cell(&item)
            .trim_end_matches(['；', ';'])
            .trim_end()
            .to_string();
        if !item.is_empty() {
            out.push(item);
        }
    }
    out
}

/// Traditional characters and their simplified forms, for the words the
/// parsers depend on (牽頭, 負責, 單位, 廳, 區, 縣, 委員會, 財政, 發展, 改革 …):
/// pairs of (traditional, simplified), one character each.
const TRADITIONAL: &str = "牽牵頭头負负責责單单廳厅區区縣县會会員员財财發发門门劃划環环態态資资設设計计統统\
辦办農农業业務务衛卫機机關关濟济經经貿贸輸输運运場场園园興兴開开術术學学產产與与標标準准據据報报導导應应\
級级數数總总額额價价營营稅税點点將将達达萬万億亿為为於于這这個个兩两內内邊边際际長长東东現现實实進进動动\
體体華华陽阳鄉乡鎮镇處处廣广稱称協协調调參参組组織织領领議议規规網网絡络線线質质監监測测護护節节約约綠绿\
條条項项類类別别預预屬属時时間间歲岁醫医療疗險险職职權权礎础鐵铁橋桥礦矿煙烟氣气層层戶户車车電电話话視视\
聯联軍军舊旧獎奖勵励貸贷幣币銀银證证專专續续維维擴扩轉转變变讓让歷历廠厂傳传龍龙雲云風风來来餘余盡尽臺台\
灣湾黨党幹干積积極极歸归圍围結结構构獻献勞劳細细鏈链攜携創创驗验檢检認认識识紀纪覽览館馆務务糧粮漁渔\
溝沟彙汇匯汇億亿噸吨畝亩區区務务門门問问題题衝冲濕湿潔洁淨净熱热燈灯壓压災灾險险縮缩減减僅仅構构對对\
這这麼么當当從从還还變变氣气質质豐丰樂乐歡欢優优勢势幫帮寶宝戲戏劇剧藝艺員员陸陆順顺緊紧類类紹绍貨货\
購购費费負负贏赢軟软態态聽听壯壮觀观廢废棄弃飛飞務务鐘钟錢钱鋼钢礙碍鑒鉴爭争產产書书區区獲获歐欧韓韩\
剛刚療疗護护隊队線线際际據据雙双屆届範范圍围頃顷穩稳綜综蓋盖擁拥養养禮礼藥药腦脑腳脚禦御義义齡龄貧贫團团凈净過过鍛锻煉炼試试遠远選选遲迟適适難难亞亚兒儿國国戰战雖虽嚴严響响齒齿塊块壞坏聲声備备復复製制壽寿墾垦圖图";

/// One character as the parsers read it: full-width digits, letters and
/// the signs of quantities (％＋－＝＜＞／～) become ASCII; the small and
/// half-width forms of Chinese punctuation (﹒﹐﹑､﹔﹕﹙﹚) become the
/// full-width ones the parsers know; zero-width characters become spaces;
/// a traditional character in [`TRADITIONAL`] becomes its simplified form.
fn normal_char(c: char) -> char {
    match c {
        '０'..='９'
        | 'Ａ'..='Ｚ'
        | 'ａ'..='ｚ'
        | '％'
        | '＋'
        | '－'
        | '＝'
        | '＜'
        | '＞'
        | '／'
        | '～' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '﹒' => '．',
        '﹐' => '，',
        '﹑' | '､' => '、',
        '﹔' => '；',
        '﹕' => '：',
        '﹙' => '（',
        '﹚' => '）',
        '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}' => ' ',
        c if (c as u32) < 0x3400 => c,
        c => traditional(c).unwrap_or(c),
    }
}

fn traditional(c: char) -> Option<char> {
    use std::sync::OnceLock;
    static MAP: OnceLock<std::collections::HashMap<char, char>> = OnceLock::new();
    let map = MAP.get_or_init(|| {
        let cs: Vec<char> = TRADITIONAL.chars().filter(|c| !c.is_whitespace()).collect();
        cs.chunks_exact(2).map(|p| (p[0], p[1])).collect()
    });
    map.get(&c).copied()
}

/// The text as the parsers read it, character for character (so line
/// numbers and character positions stay those of the input): see
/// [`normal_char`]; a full-width `．` between two digits becomes `.`
/// (`１．５％` is 1.5%). Text already in the parsers' forms is unchanged.
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut prev = '\0';
    let mut it = s.chars().peekable();
    while let Some(c) = it.next() {
        let mut n = normal_char(c);
        if n == '．' && prev.is_ascii_digit() {
            if let Some(&next) = it.peek() {
                if normal_char(next).is_ascii_digit() {
                    n = '.';
                }
            }
        }
        out.push(n);
        prev = n;
    }
    out
}

/// The text without the pinyin glosses some pages put after characters
/// (經(jīng)貿(mào)委 → 經貿委, 達(dá)到 → 達到): a bracket right after a Chinese
/// character holding only pinyin letters, one of them with a tone mark.
/// Lines stay where they are (a gloss never holds a line break).
pub fn strip_glosses(s: &str) -> std::borrow::Cow<'_, str> {
    const TONES: &str = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ";
    if !s.chars().any(|c| TONES.contains(c)) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    let mut prev = '\0';
    while let Some(c) = rest.chars().next() {
        let w = c.len_utf8();
        if (c == '(' || c == '（') && is_han(prev) {
            let body = &rest[w..];
            let mut n = 0;
            let mut toned = false;
            let mut close = None;
            for (i, ch) in body.char_indices() {
                if ch == ')' || ch == '）' {
                    close = Some(i + ch.len_utf8());
                    break;
                }
                n += 1;
                toned |= TONES.contains(ch);
                if n > 8 || !(ch.is_ascii_lowercase() || TONES.contains(ch) || ch == 'ü') {
                    break;
                }
            }
            if let Some(end) = close {
                if toned && n > 0 && n <= 8 {
                    rest = &body[end..];
                    continue;
                }
            }
        }
        out.push(c);
        prev = c;
        rest = &rest[w..];
    }
    std::borrow::Cow::Owned(out)
}

/// Byte offsets of the start of every line of `text` (split at '\n'), so a
/// line range can be cut out in constant time.
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { text, starts }
    }
    /// Number of lines (a text without '\n' has one).
    pub fn len(&self) -> usize {
        self.starts.len()
    }
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }
    /// The 1-based lines `lines`, verbatim, joined by '\n' (without the last
    /// line's '\n'); out-of-range lines are left out.
    pub fn slice(&self, lines: Lines) -> &'a str {
        let from = (lines.start as usize)
            .saturating_sub(1)
            .min(self.starts.len());
        let to = (lines.end as usize).min(self.starts.len());
        if from >= to {
            return "";
        }
        let a = self.starts[from];
        let b = if to < self.starts.len() {
            self.starts[to] - 1
        } else {
            self.text.len()
        };
        &self.text[a..b]
    }
}

/// The numbering of a line, if it starts with one: (level, number, rest).
/// Levels, outermost first: 0 `一、`, 1 `（一）`, 2 `1．` `1.` `1、`, 3 `（1）` `1）`, 4 `①`.
pub fn strip_numbering(s: &str) -> Option<(u8, &str, &str)> {
    const CN: &str = "一二三四五六七八九十百零";
    let cn: usize = s
        .chars()
        .take_while(|c| CN.contains(*c))
        .map(char::len_utf8)
        .sum();
    if cn > 0 {
        let rest = &s[cn..];
        let body = rest
            .strip_prefix('、')
            .or_else(|| rest.strip_prefix('．'))
            .or_else(|| rest.strip_prefix('.'))
            .map(clean_cell)
            .filter(|r| !r.is_empty());
        return body.map(|b| (0, &s[..cn], b));
    }
    for (open, close) in [('（', '）'), ('(', ')')] {
        if let Some(inner) = s.strip_prefix(open) {
            let Some(end) = inner.find(close) else {
                continue;
            };
            let num = &inner[..end];
            let body = clean_cell(&inner[end + close.len_utf8()..]);
            if body.is_empty() || num.is_empty() || num.chars().count() > 3 {
                continue;
            }
            if num.chars().all(|c| CN.contains(c)) {
                return Some((1, num, body));
            }
            if num.chars().all(|c| c.is_ascii_digit()) {
                return Some((3, num, body));
            }
        }
    }
    if let Some((n, body)) = numbered(s) {
        return Some((2, n, body));
    }
    let n = s.chars().take_while(|c| c.is_ascii_digit()).count();
    if (1..=2).contains(&n) {
        if let Some(body) = s[n..]
            .strip_prefix('）')
            .or_else(|| s[n..].strip_prefix(')'))
        {
            let body = clean_cell(body);
            if !body.is_empty() {
                return Some((3, &s[..n], body));
            }
        }
    }
    let c = s.chars().next()?;
    if ('①'..='⑳').contains(&c) {
        let body = clean_cell(&s[c.len_utf8()..]);
        if !body.is_empty() {
            return Some((4, &s[..c.len_utf8()], body));
        }
    }
    None
}

/// Split an Arabic task number prefix: "12．以5G…" → Some(("12", "以5G…")).
pub fn numbered(s: &str) -> Option<(&str, &str)> {
    let n = s.chars().take_while(|c| c.is_ascii_digit()).count();
    if n == 0 || n > 3 {
        return None;
    }
    let rest = &s[n..];
    for sep in ['．', '.', '、', '，', ' '] {
        if let Some(body) = rest.strip_prefix(sep) {
            let body = clean_cell(body);
            if !body.is_empty() && !body.starts_with(|c: char| c.is_ascii_digit()) {
                return Some((&s[..n], body));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalisation_is_char_for_char() {
        let s = "１．５％，牽頭單位：省發改委﹑財政廳\n２\u{200b}";
        let n = normalize(s);
        assert_eq!(n, "1.5%，牵头单位：省发改委、财政厅\n2 ");
        assert_eq!(n.chars().count(), s.chars().count());
        assert_eq!(normalize("1．做事"), "1．做事");
        for (_, seed) in crate::seeds::SEEDS {
            assert_eq!(normalize(seed), seed, "seeds are already normal");
        }
    }

    #[test]
    fn line_index() {
        let t = "a\nbb\n\nccc";
        let ix = LineIndex::new(t);
        assert_eq!(ix.len(), 4);
        assert_eq!(ix.slice(Lines { start: 2, end: 4 }), "bb\n\nccc");
        assert_eq!(ix.slice(Lines::one(1)), "a");
        assert_eq!(ix.slice(Lines::one(9)), "");
    }

    #[test]
    fn ideographic_space_and_nbsp_are_whitespace() {
        assert_eq!(clean_cell("\u{3000}\u{a0} 省科技厅\t\u{3000}"), "省科技厅");
        assert_eq!(squeeze("配合/\u{3000}参与\u{a0}单位"), "配合/参与单位");
        assert_eq!(
            crate::query::terms("虞公港\u{3000}Port"),
            vec!["虞公港", "port"]
        );
        assert_eq!(numbered_items("1、甲\u{3000}2、乙"), vec!["甲", "乙"]);
    }

    #[test]
    fn dates() {
        assert_eq!(
            find_date("标题\n2021-03-05 00:00:00\n"),
            Some("2021-03-05".into())
        );
        assert_eq!(
            find_date("来源:人民网-湖南频道  2021年01月14日15:45"),
            Some("2021-01-14".into())
        );
        assert_eq!(find_date("（2017—2019年）\n2013年11月"), None);
    }

    #[test]
    fn sentences() {
        let t = "第一节\n  甲乙丙。到2025年,地区生产总值达到2.7万亿元,年均增长8%左右。下一句。";
        let (s, l) = sentence_of(t, "2.7万亿元").unwrap();
        assert_eq!(s, "到2025年,地区生产总值达到2.7万亿元,年均增长8%左右。");
        assert_eq!(l, Lines::one(2));
        let (s, _) = sentence_of(t, "甲乙").unwrap();
        assert_eq!(s, "甲乙丙。");
    }

    #[test]
    fn items() {
        assert_eq!(
            numbered_items(
                "1、出台自创区专项管理办法； 2、组织实施年度专项； 3、研究财税支持政策。"
            ),
            vec![
                "出台自创区专项管理办法",
                "组织实施年度专项",
                "研究财税支持政策。"
            ]
        );
        assert_eq!(numbered_items("抓好政策落实。"), vec!["抓好政策落实。"]);
        // "2" inside "2.7" is not an item number.
        assert_eq!(
            numbered_items("1、达到2.7万亿元；2、好"),
            vec!["达到2.7万亿元", "好"]
        );
    }
}
