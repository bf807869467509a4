//! Text metrics without a font file: a CJK character is one em, Latin letters
//! and digits about half. Used for layout so that native snapshots and the
//! browser agree (plotters would otherwise ask the DOM).

/// Approximate advance width of one character, in ems.
pub fn char_em(c: char) -> f64 {
    match c {
        // CJK ideographs, kana, hangul, fullwidth forms and CJK punctuation.
        '\u{2E80}'..='\u{9FFF}'
        | '\u{AC00}'..='\u{D7AF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FF00}'..='\u{FF60}' => 1.0,
        '“' | '”' | '‘' | '’' | '—' | '…' | '·' => 1.0,
        'i' | 'l' | 'j' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' => 0.28,
        'f' | 't' | 'r' | '(' | ')' | '[' | ']' | ' ' | '-' => 0.36,
        'm' | 'w' | 'M' | 'W' | '%' | '@' => 0.85,
        'A'..='Z' => 0.66,
        '0'..='9' => 0.56,
        '≥' | '≤' | '→' | '×' | '±' | '+' | '=' | '<' | '>' => 0.6,
        _ => 0.55,
    }
}

/// Width of `s` in px at `size` px.
pub fn width(s: &str, size: f64) -> f64 {
    s.chars().map(char_em).sum::<f64>() * size
}

/// Shorten a label to fit `max` px, with an ellipsis.
pub fn fit(s: &str, size: f64, max: f64) -> String {
    if width(s, size) <= max {
        return s.to_string();
    }
    let mut out = String::new();
    for c in s.chars() {
        if width(&out, size) + width(&format!("{c}…"), size) > max {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// Break `s` into lines of at most `max` px at `size` px: between words
/// where it has spaces, between any two characters of CJK text; a word
/// longer than a line is cut with [`fit`].
pub fn wrap(s: &str, size: f64, max: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut w = 0.0;
    // Words keep their following space; CJK characters are words each.
    let mut words: Vec<String> = Vec::new();
    let mut cur = String::new();
    for c in s.chars() {
        let cjk = char_em(c) >= 0.99;
        if cjk && !cur.is_empty() {
            words.push(std::mem::take(&mut cur));
        }
        cur.push(c);
        if c == ' ' || cjk {
            words.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        words.push(cur);
    }
    for word in words {
        let ww = width(&word, size);
        if w + width(word.trim_end(), size) > max && !line.is_empty() {
            lines.push(line.trim_end().to_string());
            line.clear();
            w = 0.0;
        }
        line.push_str(&word);
        w += ww;
    }
    if !line.trim_end().is_empty() {
        lines.push(line.trim_end().to_string());
    }
    lines.into_iter().map(|l| fit(&l, size, max)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapped_lines_fit() {
        let en = "The source gives no year (the situation around the base year)";
        let lines = wrap(en, 13.0, 300.0);
        assert!(lines.len() >= 2, "{lines:?}");
        assert!(lines.iter().all(|l| width(l, 13.0) <= 300.0));
        assert_eq!(lines.join(" "), en);
        let zh = "原文未注明年份（规划基期前后的现状）";
        let lines = wrap(zh, 13.0, 120.0);
        assert!(lines.len() >= 2 && lines.iter().all(|l| width(l, 13.0) <= 120.0));
        assert_eq!(lines.concat(), zh);
        assert_eq!(wrap("短", 13.0, 300.0), ["短"]);
    }

    #[test]
    fn widths() {
        assert_eq!(width("长株潭", 10.0), 30.0);
        assert!(width("2025", 10.0) < 25.0);
    }
}
