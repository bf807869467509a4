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
}
