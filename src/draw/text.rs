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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths() {
        assert_eq!(width("长株潭", 10.0), 30.0);
        assert!(width("2025", 10.0) < 25.0);
    }

    #[test]
    fn numbers() {
        assert_eq!(num(2.70, 2), "2.7");
        assert_eq!(num(8.2287, 1), "8.2");
        assert_eq!(num(1.0833, 2), "1.08");
        assert_eq!(num(1625.0, 2), "1625");
        assert_eq!(value(1530.45), "1530");
        assert_eq!(value(56.8), "56.8");
    }
}
