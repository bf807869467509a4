//! The widths figures are laid out at. A figure is drawn at the largest of
//! these that fits its box, and scaled to the box from there (at most by
//! the step to the next width), so its text stays near its size on every
//! screen. The build writes a page's main figure at each width and CSS
//! shows the one its box takes (a container query per width,
//! [`container_css`]); the app, taking the page over, keeps the one shown
//! and lays the figure out again only when its box crosses to another
//! width. Both pick by [`fit`], so nothing moves when the app arrives.

/// From narrowest to widest (a phone's column, … a wide screen's).
pub const WIDTHS: [f64; 6] = [320.0, 400.0, 520.0, 680.0, 880.0, 1100.0];

/// The width a figure is laid out at in a box `available` px wide.
pub fn fit(available: f64) -> f64 {
    WIDTHS
        .iter()
        .rev()
        .copied()
        .find(|w| *w <= available)
        .unwrap_or(WIDTHS[0])
}

/// The CSS that shows, of a figure's boxes laid out at each width
/// (`.chart-box[data-w]`), the one [`fit`] picks for the figure's box
/// (`.chart-wrap`, the container).
pub fn container_css() -> String {
    let mut css = String::from(
        "/* Written by the build from draw::widths: a figure's box shows its drawing at the width that fits. */\n.chart-wrap { container-type: inline-size; }\n.chart-box[data-w] { display: none; }\n",
    );
    for (i, w) in WIDTHS.iter().enumerate() {
        let lower = if i == 0 {
            String::new()
        } else {
            format!("(width >= {w}px)")
        };
        let upper = WIDTHS
            .get(i + 1)
            .map(|n| format!("(width < {n}px)"))
            .unwrap_or_default();
        let cond = match (lower.is_empty(), upper.is_empty()) {
            (true, _) => upper,
            (_, true) => lower,
            _ => format!("{lower} and {upper}"),
        };
        css.push_str(&format!(
            "@container {cond} {{ .chart-box[data-w=\"{w}\"] {{ display: block; }} }}\n"
        ));
    }
    css
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_picks_the_widest_that_fits() {
        assert_eq!(fit(100.0), 320.0);
        assert_eq!(fit(328.0), 320.0);
        assert_eq!(fit(399.9), 320.0);
        assert_eq!(fit(400.0), 400.0);
        assert_eq!(fit(1120.0), 1100.0);
        assert_eq!(fit(3000.0), 1100.0);
    }

    #[test]
    fn one_rule_per_width() {
        let css = container_css();
        for w in WIDTHS {
            assert_eq!(css.matches(&format!("data-w=\"{w}\"")).count(), 1);
        }
        assert!(css.contains("@container (width < 400px)"));
        assert!(css.contains("@container (width >= 1100px) {"));
    }
}
