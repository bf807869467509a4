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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths() {
        assert_eq!(width("长株潭", 10.0), 30.0);
        assert!(width("2025", 10.0) < 25.0);
    }
}
