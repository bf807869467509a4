//! Numbers as the app writes them.

/// A number for labels: up to `max_decimals` decimals, trailing zeros removed.
pub fn num(v: f64, max_decimals: usize) -> String {
    let s = format!("{v:.max_decimals$}");
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    };
    if s == "-0" {
        "0".into()
    } else {
        s
    }
}

/// A value with a sensible number of decimals for its size.
pub fn value(v: f64) -> String {
    let a = v.abs();
    let d = if a >= 1000.0 {
        0
    } else if a >= 100.0 {
        1
    } else {
        2
    };
    num(v, d)
}

/// A number for English text: thousands separated ("9,500", "1,530").
pub fn grouped(s: &str) -> String {
    let (sign, rest) = s.strip_prefix('-').map_or(("", s), |r| ("-", r));
    let (int, frac) = rest.split_once('.').map_or((rest, ""), |(i, f)| (i, f));
    if int.len() <= 3 || !int.bytes().all(|b| b.is_ascii_digit()) {
        return s.to_string();
    }
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if frac.is_empty() {
        format!("{sign}{out}")
    } else {
        format!("{sign}{out}.{frac}")
    }
}

/// A value with its bound and unit, written as the language writes them:
/// "≥9500亿元", "8%左右", "<40ug/m3"; "≥ 9,500 100 million yuan", "about 8%",
/// "< 40 µg/m³", "30" (a count has no English unit).
pub fn value_in(v: f64, bound: plan::Bound, unit: &str, lang: plan::Lang) -> String {
    use plan::Bound;
    let n = value(v);
    if lang == plan::Lang::Zh {
        return match bound {
            Bound::Eq => format!("{n}{unit}"),
            Bound::About => format!("{n}{unit}左右"),
            b => format!("{}{n}{unit}", b.symbol()),
        };
    }
    let n = grouped(&n);
    let sep = if unit.is_empty() || unit == "%" {
        ""
    } else {
        " "
    };
    let q = format!("{n}{sep}{unit}");
    match bound {
        Bound::Eq => q,
        Bound::About => format!("about {q}"),
        b => format!("{} {q}", b.symbol()),
    }
}

/// An amount of a Chinese magnitude unit (`v` of 万人, `scale` 10,000
/// `base` people) in English magnitudes: "13 million people", "950 billion
/// yuan", "165,000 yuan", "2.7 trillion yuan".
pub fn english_amount(v: f64, scale: f64, base: &str) -> String {
    let x = v * scale;
    let (div, word) = match x.abs() {
        a if a >= 1e12 => (1e12, " trillion"),
        a if a >= 1e9 => (1e9, " billion"),
        a if a >= 1e6 => (1e6, " million"),
        _ => (1.0, ""),
    };
    let n = if word.is_empty() {
        grouped(&num((x * 100.0).round() / 100.0, 2))
    } else {
        num(x / div, 2)
    };
    if base.is_empty() {
        format!("{n}{word}")
    } else {
        format!("{n}{word} {base}")
    }
}

/// An indicator's value with its bound, in a language: Chinese as the
/// plans write it ("≥9500亿元"), English in English magnitudes where the
/// unit is a Chinese magnitude ("≥ 950 billion yuan"), else with the
/// unit's English ("about 8%").
pub fn amount(v: f64, bound: plan::Bound, ind: &plan::Indicator, lang: plan::Lang) -> String {
    match (&ind.unit_scale, lang) {
        (Some((scale, base)), plan::Lang::En) => {
            bounded(&english_amount(v, *scale, base), bound, lang)
        }
        _ => value_in(v, bound, ind.unit_in(lang), lang),
    }
}

/// An English quantity with its bound: "≥ 950 billion yuan", "about 13 million".
pub fn bounded(q: &str, bound: plan::Bound, lang: plan::Lang) -> String {
    use plan::Bound;
    match (bound, lang) {
        (Bound::Eq, _) => q.to_string(),
        (Bound::About, plan::Lang::En) => format!("about {q}"),
        (Bound::About, plan::Lang::Zh) => format!("{q}左右"),
        (b, plan::Lang::En) => format!("{} {q}", b.symbol()),
        (b, plan::Lang::Zh) => format!("{}{q}", b.symbol()),
    }
}

/// A value with its bound but no unit: "≥9500", "3左右"; "≥ 9,500", "about 3".
pub fn bound_in(v: f64, bound: plan::Bound, lang: plan::Lang) -> String {
    value_in(v, bound, "", lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        assert_eq!(num(2.70, 2), "2.7");
        assert_eq!(num(8.2287, 1), "8.2");
        assert_eq!(num(1.0833, 2), "1.08");
        assert_eq!(num(1625.0, 2), "1625");
        assert_eq!(value(1530.45), "1530");
        assert_eq!(value(56.8), "56.8");
    }

    #[test]
    fn values_in_both_languages() {
        use plan::{Bound, Lang};
        assert_eq!(value_in(9500.0, Bound::Ge, "亿元", Lang::Zh), "≥9500亿元");
        assert_eq!(value_in(8.0, Bound::About, "%", Lang::Zh), "8%左右");
        assert_eq!(
            value_in(9500.0, Bound::Ge, "100 million yuan", Lang::En),
            "≥ 9,500 100 million yuan"
        );
        assert_eq!(value_in(8.0, Bound::About, "%", Lang::En), "about 8%");
        assert_eq!(value_in(30.0, Bound::Gt, "", Lang::En), "> 30");
        assert_eq!(
            value_in(2.7, Bound::Eq, "trillion yuan", Lang::En),
            "2.7 trillion yuan"
        );
        assert_eq!(grouped("1234567.5"), "1,234,567.5");
        assert_eq!(english_amount(1300.0, 1e4, "people"), "13 million people");
        assert_eq!(english_amount(9500.0, 1e8, "yuan"), "950 billion yuan");
        assert_eq!(english_amount(16.5, 1e4, "yuan"), "165,000 yuan");
        assert_eq!(english_amount(2.7, 1e12, "yuan"), "2.7 trillion yuan");
        assert_eq!(
            english_amount(1625.0, 1e4, "people"),
            "16.25 million people"
        );
        assert_eq!(english_amount(29.0, 1e4, ""), "290,000");
        assert_eq!(grouped("950"), "950");
    }
}
