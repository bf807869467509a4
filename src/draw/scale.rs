//! Linear scales and "nice" ticks.

/// Maps a data interval onto a pixel interval.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Linear {
    pub d0: f64,
    pub d1: f64,
    pub r0: f64,
    pub r1: f64,
}

impl Linear {
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> Linear {
        Linear {
            d0: domain.0,
            d1: domain.1,
            r0: range.0,
            r1: range.1,
        }
    }
    pub fn map(&self, v: f64) -> f64 {
        if self.d1 == self.d0 {
            return (self.r0 + self.r1) / 2.0;
        }
        self.r0 + (v - self.d0) / (self.d1 - self.d0) * (self.r1 - self.r0)
    }
}

/// A step of 1, 2 or 5 × 10^k close to `span / count`.
pub fn nice_step(span: f64, count: usize) -> f64 {
    if span <= 0.0 || !span.is_finite() {
        return 1.0;
    }
    let raw = span / count.max(1) as f64;
    let mag = 10f64.powf(raw.log10().floor());
    let n = raw / mag;
    let f = if n < 1.5 {
        1.0
    } else if n < 3.5 {
        2.0
    } else if n < 7.5 {
        5.0
    } else {
        10.0
    };
    f * mag
}

/// A domain widened to multiples of a nice step, and its ticks.
pub fn nice(min: f64, max: f64, count: usize) -> (f64, f64, Vec<f64>) {
    let (mut lo, mut hi) = (min.min(max), min.max(max));
    if lo == hi {
        let pad = if lo == 0.0 { 1.0 } else { lo.abs() * 0.1 };
        lo -= pad;
        hi += pad;
    }
    let step = nice_step(hi - lo, count);
    let lo = (lo / step).floor() * step;
    let hi = (hi / step).ceil() * step;
    let n = ((hi - lo) / step).round() as usize;
    let ticks = (0..=n).map(|i| round(lo + i as f64 * step)).collect();
    (round(lo), round(hi), ticks)
}

/// Ticks of a count from 0 to `max`: whole numbers only (no 0.5 task).
pub fn nice_counts(max: f64, count: usize) -> (f64, f64, Vec<f64>) {
    let step = nice_step(max.max(1.0), count).max(1.0);
    let hi = (max.max(1.0) / step).ceil() * step;
    let n = (hi / step).round() as usize;
    (0.0, hi, (0..=n).map(|i| i as f64 * step).collect())
}

fn round(v: f64) -> f64 {
    (v * 1e9).round() / 1e9
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_have_whole_ticks() {
        for max in [1.0, 2.0, 3.0, 7.0, 51.0, 0.0] {
            for count in 2..8 {
                let (lo, hi, t) = nice_counts(max, count);
                assert_eq!(lo, 0.0);
                assert!(hi >= max);
                assert!(t.iter().all(|v| v.fract() == 0.0), "{max} {count}: {t:?}");
            }
        }
    }

    #[test]
    fn ticks() {
        let (lo, hi, t) = nice(1.68, 2.7, 5);
        assert_eq!((lo, hi), (1.6, 2.8));
        assert_eq!(t, vec![1.6, 1.8, 2.0, 2.2, 2.4, 2.6, 2.8]);
        let (lo, hi, _) = nice(0.0, 80.0, 4);
        assert_eq!((lo, hi), (0.0, 80.0));
        let (lo, hi, _) = nice(5.0, 5.0, 4);
        assert!(lo < 5.0 && hi > 5.0);
        let s = Linear::new((0.0, 10.0), (100.0, 0.0));
        assert_eq!(s.map(5.0), 50.0);
    }
}
