//! Reading quantities out of Chinese plan prose: "达到2.7万亿元", "8%左右",
//! "低于40ug/m3", "9500亿元以上", "突破6.8万元", "200多个", "1/7".

use serde::{Deserialize, Serialize};

/// How a stated value bounds the quantity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Bound {
    #[serde(rename = "=")]
    Eq,
    #[serde(rename = "≥")]
    Ge,
    #[serde(rename = ">")]
    Gt,
    #[serde(rename = "≤")]
    Le,
    #[serde(rename = "<")]
    Lt,
    #[serde(rename = "左右")]
    About,
}

impl Bound {
    pub fn symbol(self) -> &'static str {
        match self {
            Bound::Eq => "=",
            Bound::Ge => "≥",
            Bound::Gt => ">",
            Bound::Le => "≤",
            Bound::Lt => "<",
            Bound::About => "左右",
        }
    }
    /// A floor (the value is at least this).
    pub fn is_floor(self) -> bool {
        matches!(self, Bound::Ge | Bound::Gt)
    }
    /// A ceiling (the value is at most this).
    pub fn is_ceiling(self) -> bool {
        matches!(self, Bound::Le | Bound::Lt)
    }
}

/// A quantity found in text.
#[derive(Clone, Debug, PartialEq)]
pub struct Quantity {
    pub value: f64,
    /// The unit as written ("万亿元", "%", "ug/m3"); "" when none.
    pub unit: String,
    pub bound: Bound,
    /// Byte range of the number and unit (and bound words) in the input.
    pub start: usize,
    pub end: usize,
    /// The upper end of a range (`6.5%—7%`, `6.5—7%`): `value` is then the
    /// lower end and `bound` is `≥`.
    pub upper: Option<f64>,
}

/// Units, longest first so that "万亿元" wins over "亿元" and "元".
const UNITS: &[&str] = &[
    "∶1",
    ":1",
    "亿吨",
    "万千瓦",
    "千瓦",
    "万辆",
    "万户",
    "万个",
    "万套",
    "万亩",
    "亩",
    "小时",
    "天",
    "公里/平方公里",
    "万平方公里",
    "平方公里",
    "万平方米",
    "平方米",
    "个百分点",
    "万亿元",
    "千亿元",
    "百亿元",
    "亿元",
    "万元",
    "元",
    "万人次",
    "万人",
    "人次",
    "人",
    "ug/m3",
    "μg/m3",
    "微克/立方米",
    "微克每立方米",
    "万吨",
    "吨级",
    "吨",
    "公里",
    "%",
    "％",
    "个",
    "件",
    "家",
    "条",
    "项",
    "岁",
    "年",
    "所",
    "座",
    "株",
    "棵",
    "倍",
    "公顷",
    "处",
    "户",
    "辆",
    "台",
    "套",
    "张",
    "名",
    "艘",
    "间",
    "栋",
    "千瓦时",
    "立方米",
    "米",
];

/// Words before a number and the bound they give.
const BEFORE: &[(&str, Bound)] = &[
    ("≥", Bound::Ge),
    ("≤", Bound::Le),
    (">=", Bound::Ge),
    ("<=", Bound::Le),
    (">", Bound::Gt),
    ("<", Bound::Lt),
    ("不低于", Bound::Ge),
    ("不少于", Bound::Ge),
    ("不超过", Bound::Le),
    ("不高于", Bound::Le),
    ("低于", Bound::Lt),
    ("不足", Bound::Lt),
    ("少于", Bound::Lt),
    ("小于", Bound::Lt),
    ("超过", Bound::Gt),
    ("突破", Bound::Gt),
    ("跨越", Bound::Ge),
    ("高于", Bound::Gt),
    ("大于", Bound::Gt),
    ("多于", Bound::Gt),
    ("超", Bound::Gt),
    ("逾", Bound::Gt),
    ("大约", Bound::About),
    ("约为", Bound::About),
    ("约", Bound::About),
    ("近", Bound::About),
    ("力争", Bound::Eq),
];

/// Words after a unit and the bound they give.
const AFTER: &[(&str, Bound)] = &[
    ("以上", Bound::Ge),
    ("以下", Bound::Le),
    ("以内", Bound::Le),
    ("左右", Bound::About),
    ("上下", Bound::About),
];

const CN_DIGITS: &str = "零一二三四五六七八九十";

/// Every quantity in `s`, in order.
pub fn quantities(s: &str) -> Vec<Quantity> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.len() {
        match quantity_at(s, i) {
            Some(q) => {
                i = q.end;
                out.push(q);
            }
            None => i += s[i..].chars().next().map(char::len_utf8).unwrap_or(1),
        }
    }
    out
}

fn number_at(s: &str, i: usize) -> Option<(f64, usize)> {
    let rest = &s[i..];
    let int = rest.bytes().take_while(|b| b.is_ascii_digit()).count();
    if int > 0 {
        let mut len = int;
        if rest[len..].starts_with('.') {
            let frac = rest[len + 1..]
                .bytes()
                .take_while(|b| b.is_ascii_digit())
                .count();
            if frac > 0 {
                len += 1 + frac;
            }
        }
        // A fraction "1/7" (not "1534522/2023", a file number).
        if rest[len..].starts_with('/') && len <= 3 {
            let den = rest[len + 1..]
                .bytes()
                .take_while(|b| b.is_ascii_digit())
                .count();
            if den > 0 && den <= 3 {
                let a: f64 = rest[..len].parse().ok()?;
                let b: f64 = rest[len + 1..len + 1 + den].parse().ok()?;
                if b != 0.0 {
                    return Some((a / b * 100.0, i + len + 1 + den));
                }
            }
        }
        return Some((rest[..len].parse().ok()?, i + len));
    }
    // A Chinese numeral: one digit 一…十 before a measure word ("五个"), or
    // one with 十/百/千 before any unit ("五千亿", "二十个"; not "第二十").
    if s[..i].ends_with(|c: char| c == '第' || c == '两' || CN_DIGITS.contains(c)) {
        return None;
    }
    let (v, len, places) = cn_number(rest)?;
    let after = &rest[len..];
    let unit_follows = UNITS.iter().any(|u| after.starts_with(*u))
        || composed_unit(after).is_some()
        || BASES.iter().any(|b| after.starts_with(*b));
    if (places && unit_follows) || ["个", "项", "家"].iter().any(|m| after.starts_with(*m)) {
        return Some((v, i + len));
    }
    None
}

/// A Chinese numeral up to the thousands ("五千", "二十三", "两百"): its
/// value, its length in bytes and whether it has a place word (十百千).
fn cn_number(s: &str) -> Option<(f64, usize, bool)> {
    let (mut total, mut digit, mut len, mut places) = (0.0, None::<f64>, 0, false);
    for c in s.chars() {
        if let Some(d) = CN_DIGITS.chars().position(|d| d == c).filter(|d| *d < 10) {
            if digit.is_some() {
                break; // "十四五": two digits in a row are a name, not a number
            }
            digit = Some(d as f64);
        } else if c == '两' && digit.is_none() {
            digit = Some(2.0);
        } else if let Some(p) = match c {
            '十' => Some(10.0),
            '百' => Some(100.0),
            '千' => Some(1000.0),
            _ => None,
        } {
            // "百亿", "千万": a magnitude with no digit is the unit's, not a number.
            if digit.is_none() && (p > 10.0 || total > 0.0) {
                break;
            }
            total += digit.take().unwrap_or(1.0) * p;
            places = true;
        } else {
            break;
        }
        len += c.len_utf8();
    }
    let v = total + digit.unwrap_or(0.0);
    (len > 0 && v > 0.0).then_some((v, len, places))
}

fn quantity_at(s: &str, i: usize) -> Option<Quantity> {
    // A bound word directly before the number.
    let mut bound = Bound::Eq;
    let start = i;
    let mut at = i;
    for (w, b) in BEFORE {
        if s[i..].starts_with(w) {
            bound = *b;
            at = i + w.len();
            // "低于 4.1": a table's cell may space the bound from its number.
            let spaced = s[at..].trim_start_matches([' ', '\u{3000}']);
            if spaced.starts_with(|c: char| c.is_ascii_digit()) {
                at = s.len() - spaced.len();
            }
            break;
        }
    }
    let (value, mut end, fraction) = match number_at(s, at) {
        Some((v, e)) => (v, e, s[at..e].contains('/')),
        // "跨越万亿元": a magnitude unit with no number means one of it.
        None if at > i
            && UNITS
                .iter()
                .any(|u| s[at..].starts_with(*u) && u.starts_with(['万', '千', '百', '亿'])) =>
        {
            (1.0, at, false)
        }
        None => return None,
    };
    // Optional space between number and unit ("42.1 %").
    let mut j = end;
    while s[j..].starts_with(' ') {
        j += 1;
    }
    // "200多个", "100余个": more than.
    for more in ['多', '余'] {
        if s[j..].starts_with(more) {
            bound = Bound::Gt;
            j += more.len_utf8();
        }
    }
    // A fraction ("1/7 of the area") is an approximate share unless a word
    // around it bounds it.
    if fraction && bound == Bound::Eq {
        bound = Bound::About;
    }
    let unit = if fraction {
        "%"
    } else {
        UNITS
            .iter()
            .find(|u| s[j..].starts_with(**u))
            .copied()
            .or_else(|| composed_unit(&s[j..]))
            .unwrap_or("")
    };
    if !unit.is_empty() && !fraction {
        end = j + unit.len();
    } else if fraction {
        end = j.max(end);
    }
    // A range: "6.5%—7%", "6.5—7%", "6.5%-7%", "6.5%～7%", "6.5%至7%".
    let mut upper = None;
    for dash in ["—", "－", "-", "～", "~", "至", "到"] {
        let Some(after) = s[end..].strip_prefix(dash) else {
            continue;
        };
        let at2 = s.len() - after.len();
        if let Some((hi, e2)) = number_at(s, at2) {
            let rest = &s[e2..];
            let unit2 = UNITS.iter().find(|u| rest.starts_with(**u)).copied();
            let years = |v: f64| v.fract() == 0.0 && (1900.0..=2100.0).contains(&v);
            if unit2 == Some("年") || unit == "年" || (years(value) && years(hi)) {
                break;
            }
            // The first number has no unit of its own, the second gives it.
            if unit.is_empty() && unit2.is_some() && !fraction {
                let u2 = unit2.unwrap_or("");
                upper = Some(hi);
                end = e2 + u2.len();
                bound = Bound::Ge;
                return finish(value, u2, bound, start, end, upper, s);
            }
            if !unit.is_empty() && (unit2 == Some(unit) || unit2.is_none()) && hi > value {
                upper = Some(hi);
                end = e2 + unit2.map_or(0, str::len);
                bound = Bound::Ge;
            }
        }
        break;
    }
    finish(value, unit, bound, start, end, upper, s)
}

fn finish(
    value: f64,
    unit: &str,
    mut bound: Bound,
    start: usize,
    mut end: usize,
    upper: Option<f64>,
    s: &str,
) -> Option<Quantity> {
    let unit = match unit {
        "∶1" => ":1",
        "％" => "%",
        "μg/m3" | "微克/立方米" | "微克每立方米" => "ug/m3",
        u => u,
    };
    for (w, b) in AFTER {
        if s[end..].starts_with(w) {
            bound = *b;
            end += w.len();
            break;
        }
    }
    if upper.is_some() {
        bound = Bound::Ge;
    }
    Some(Quantity {
        value,
        unit: unit.to_string(),
        bound,
        start,
        end,
        upper,
    })
}

/// Magnitudes written before a unit, longest first, and their factors.
const MAGNITUDES: [(&str, f64); 9] = [
    ("万亿", 1e12),
    ("千亿", 1e11),
    ("百亿", 1e10),
    ("千万", 1e7),
    ("百万", 1e6),
    ("亿", 1e8),
    ("万", 1e4),
    ("千", 1e3),
    ("百", 1e2),
];

/// Units a magnitude may come before (万公里, 亿人, 万千瓦时), longest first.
const BASES: [&str; 26] = [
    "千瓦时",
    "吨标准煤",
    "t标准煤",
    "标准煤",
    "平方公里",
    "平方米",
    "立方米",
    "人次",
    "千瓦",
    "公里",
    "公顷",
    "人",
    "户",
    "吨",
    "元",
    "斤",
    "亩",
    "辆",
    "套",
    "座",
    "处",
    "家",
    "个",
    "件",
    "项",
    "株",
];

/// A unit not in [`UNITS`]: a magnitude and a base (万公里, 亿人), a
/// magnitude alone (1亿左右, 9.89亿) or a base alone (230块 is not: only
/// the bases above).
fn composed_unit(s: &str) -> Option<&str> {
    let (m, _) = MAGNITUDES.iter().find(|(m, _)| s.starts_with(m))?;
    let rest = &s[m.len()..];
    let base = BASES
        .iter()
        .find(|b| rest.starts_with(**b))
        .map_or(0, |b| b.len());
    // "百分之": a percentage written out, not a magnitude.
    if *m == "百" && rest.starts_with('分') {
        return None;
    }
    Some(&s[..m.len() + base])
}

/// The factor of a unit relative to its base ("万亿元" → 1e12 of "元").
fn scale(unit: &str) -> (&str, f64) {
    if let Some((m, f)) = MAGNITUDES.iter().find(|(m, _)| unit.starts_with(m)) {
        let rest = &unit[m.len()..];
        if rest.is_empty() || BASES.contains(&rest) || rest == "平方米" || rest == "吨" {
            return (rest, *f);
        }
    }
    match unit {
        "万亿元" => ("元", 1e12),
        "千亿元" => ("元", 1e11),
        "百亿元" => ("元", 1e10),
        "亿元" => ("元", 1e8),
        "万元" => ("元", 1e4),
        "元" => ("元", 1.0),
        "万人" => ("人", 1e4),
        "人" => ("人", 1.0),
        "万平方米" => ("平方米", 1e4),
        "平方米" => ("平方米", 1.0),
        "万平方公里" => ("平方公里", 1e4),
        "平方公里" => ("平方公里", 1.0),
        "万吨" => ("吨", 1e4),
        "吨" => ("吨", 1.0),
        u => (u, 1.0),
    }
}

/// Convert a value between units of one family (万亿元 ↔ 亿元); `None` when
/// the units measure different things.
pub fn convert(value: f64, from: &str, to: &str) -> Option<f64> {
    if from == to {
        return Some(value);
    }
    let (base_a, fa) = scale(from);
    let (base_b, fb) = scale(to);
    (base_a == base_b).then(|| value * fa / fb)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(s: &str) -> (f64, String, Bound) {
        let q = &quantities(s)[0];
        (q.value, q.unit.clone(), q.bound)
    }

    #[test]
    fn values_units_and_bounds() {
        assert_eq!(
            first("地区生产总值达到2.7万亿元"),
            (2.7, "万亿元".into(), Bound::Eq)
        );
        assert_eq!(first("年均增长8%左右"), (8.0, "%".into(), Bound::About));
        assert_eq!(
            first("平均浓度低于40ug/m3"),
            (40.0, "ug/m3".into(), Bound::Lt)
        );
        assert_eq!(
            first("达到9500亿元以上"),
            (9500.0, "亿元".into(), Bound::Ge)
        );
        assert_eq!(first("收入突破6.8万元"), (6.8, "万元".into(), Bound::Gt));
        assert_eq!(first("下降10%以上"), (10.0, "%".into(), Bound::Ge));
        assert_eq!(first("占全省总额的42.1 %"), (42.1, "%".into(), Bound::Eq));
        assert_eq!(first("与200多个国家"), (200.0, "个".into(), Bound::Gt));
        assert_eq!(first("跨越万亿元"), (1.0, "万亿元".into(), Bound::Ge));
        assert_eq!(first("建设五个特色小镇"), (5.0, "个".into(), Bound::Eq));
        // 120_kaifeng_2020_zhizaoye_gaozhiliang_fangan.txt: 超过五千亿规模.
        assert_eq!(
            first("总量超过五千亿规模"),
            (5000.0, "亿".into(), Bound::Gt)
        );
        assert_eq!(first("培育二十三家企业"), (23.0, "家".into(), Bound::Eq));
        assert_eq!(first("两百公里"), (200.0, "公里".into(), Bound::Eq));
        // Names and ordinals are not numbers.
        assert!(quantities("十四五时期").is_empty());
        assert!(quantities("第二十个").is_empty());
        assert!(quantities("三大产业").is_empty());
        let (v, u, b) = first("全省1/7的国土面积");
        assert!((v - 100.0 / 7.0).abs() < 1e-9);
        assert_eq!(u, "%");
        assert_eq!(b, Bound::About, "a fraction is approximate");
        assert_eq!(first("占全国的1/4以上").2, Bound::Ge);
        // 约, 近, 超, 逾, 余: approximate or more than.
        assert_eq!(
            first("总面积约6600平方公里"),
            (6600.0, "平方公里".into(), Bound::About)
        );
        assert_eq!(first("近50%"), (50.0, "%".into(), Bound::About));
        assert_eq!(first("超100亿元"), (100.0, "亿元".into(), Bound::Gt));
        assert_eq!(first("逾30个"), (30.0, "个".into(), Bound::Gt));
        assert_eq!(first("100余个"), (100.0, "个".into(), Bound::Gt));
        assert_eq!(
            first("市中心两两相距不足50公里"),
            (50.0, "公里".into(), Bound::Lt)
        );
        assert_eq!(
            first("路网密度达到7公里/平方公里"),
            (7.0, "公里/平方公里".into(), Bound::Eq)
        );
    }

    #[test]
    fn signs_ranges_and_ratios() {
        assert_eq!(first("≥30"), (30.0, "".into(), Bound::Ge));
        assert_eq!(first(">5亿吨"), (5.0, "亿吨".into(), Bound::Gt));
        let q = &quantities("增长6.5%—7%")[0];
        assert_eq!((q.value, q.upper, q.bound), (6.5, Some(7.0), Bound::Ge));
        assert_eq!(&"增长6.5%—7%"[q.start..q.end], "6.5%—7%");
        let q = &quantities("增长6.5—7%")[0];
        assert_eq!((q.value, q.upper, q.unit.as_str()), (6.5, Some(7.0), "%"));
        assert_eq!(first("控制在2.5∶1以内"), (2.5, ":1".into(), Bound::Le));
        assert_eq!(first("提高1个百分点"), (1.0, "个百分点".into(), Bound::Eq));
        // A year span is not a range of values.
        assert_eq!(quantities("2021-2025年").len(), 2);
    }

    #[test]
    fn several_in_one_sentence() {
        let q = quantities("地区生产总值1.68万亿元,比上年增长8%,占全省地区生产总值的42.4%");
        let v: Vec<f64> = q.iter().map(|q| q.value).collect();
        assert_eq!(v, vec![1.68, 8.0, 42.4]);
    }

    #[test]
    fn conversions() {
        assert_eq!(convert(9500.0, "亿元", "万亿元"), Some(0.95));
        assert_eq!(convert(1300.0, "万人", "人"), Some(1.3e7));
        assert_eq!(convert(1.0, "万元", "%"), None);
    }

    #[test]
    fn a_bound_spaced_from_its_number() {
        // 113_jingyang_deyang_2016_mubiao_renwu_fenjiebiao.txt: a table cell.
        let q = &quantities("低于 4.1")[0];
        assert_eq!((q.value, q.bound, q.start), (4.1, Bound::Lt, 0));
        // A bound word before text is still no bound of a later number.
        assert_eq!(quantities("低于 全省 4.1")[0].bound, Bound::Eq);
    }
}
