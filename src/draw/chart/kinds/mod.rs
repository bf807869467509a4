//! The kinds of chart an indicator can get, as a registry.
//!
//! Each kind is a module with one [`ChartKind`] value: which indicators it
//! claims, its height, how it lays an indicator out, what its legend lists
//! and its data table holds, whether it has a yearly / running-total switch.
//! [`KINDS`] asks them in order; the first that claims an indicator draws
//! it. Adding a kind is one module and one line in [`KINDS`]; the trait's
//! required methods are what it must answer (ARCHITECTURE.md, "Chart kinds").

use super::*;

pub mod bars;
mod plot;
pub mod stat;
pub mod time;

/// One kind of chart.
pub trait ChartKind: Sync {
    /// Its name (the spec's `kind`, the figure's class).
    fn id(&self) -> &'static str;
    /// Whether it draws `ind`.
    fn claims(&self, ind: &Indicator) -> bool;
    /// Lays `ind` out in `spec` (sized by [`ChartKind::height`], empty).
    fn lay(&self, ind: &Indicator, opts: Options, spec: &mut ChartSpec);
    /// The drawing's height at a width: a plot's by default.
    fn height(&self, width: f64, compact: bool) -> f64 {
        if compact {
            (width * 0.5).clamp(140.0, 190.0)
        } else {
            (width * 0.55).clamp(260.0, 420.0)
        }
    }
    /// Whether it draws axes, a grid and a shape at each mark (a single
    /// value does not: the number is the drawing).
    fn framed(&self) -> bool {
        true
    }
    /// Whether the visitor may switch between yearly values and running
    /// totals (`opts.targets.cumulative`).
    fn running_total(&self) -> bool {
        false
    }
    /// What the legend lists: by default, what the spec draws.
    fn legend(&self, ind: &Indicator, spec: &ChartSpec) -> Vec<LegendItem> {
        legend_items(ind, spec)
    }
    /// Exactly what the chart shows, as rows: by default its marks and the
    /// implied path's in-between years.
    fn table(&self, ind: &Indicator, spec: &ChartSpec, opts: Options) -> DataTable {
        data_table(ind, spec, opts)
    }
}

/// The kinds, asked in order.
#[derive(Clone, Copy)]
pub struct Registry(pub &'static [&'static dyn ChartKind]);

/// The app's chart kinds. The last claims every indicator.
pub static KINDS: Registry = Registry(&[&stat::Stat, &bars::Bars, &time::Time]);

impl Registry {
    /// The kind that draws `ind`: the first that claims it (a time series
    /// if none does).
    pub fn pick(&self, ind: &Indicator) -> &'static dyn ChartKind {
        self.0
            .iter()
            .copied()
            .find(|k| k.claims(ind))
            .unwrap_or(&time::Time)
    }

    /// Lay `ind` out at `opts.width` as the kind that claims it.
    pub fn layout(&self, ind: &Indicator, opts: Options) -> ChartSpec {
        let kind = self.pick(ind);
        let w = opts.width.max(200.0);
        let h = kind.height(w, opts.compact);
        let mut spec = ChartSpec {
            kind: kind.id(),
            framed: kind.framed(),
            cumulative: false,
            width: w,
            height: h,
            plot: (0.0, 0.0, w, h),
            grid: vec![],
            labels: vec![],
            marks: vec![],
            glyphs: vec![],
            lines: vec![],
            bars: vec![],
            implied: None,
            summary: String::new(),
        };
        kind.lay(ind, opts, &mut spec);
        spec
    }
}

/// The kind of chart an indicator gets.
pub fn kind_of(ind: &Indicator) -> &'static dyn ChartKind {
    KINDS.pick(ind)
}

/// Lay `ind` out at `opts.width`.
pub fn layout(ind: &Indicator, opts: Options) -> ChartSpec {
    KINDS.layout(ind, opts)
}

/// How many of an indicator's points carry a year.
pub(super) fn dated(ind: &Indicator) -> usize {
    ind.points.iter().filter(|p| p.year.is_some()).count()
}

/// One entry of a chart's legend (its words are chosen in `words`, its
/// HTML written by [`legend`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LegendItem {
    Baseline,
    Target,
    Commitment,
    Bars,
    Actual,
    Path,
    Floor,
    Ceiling,
    Band,
}

impl LegendItem {
    /// The stylesheet's class of its swatch.
    pub fn class(self) -> &'static str {
        match self {
            LegendItem::Baseline => "lg-baseline",
            LegendItem::Target => "lg-target",
            LegendItem::Commitment => "lg-commitment",
            LegendItem::Bars => "lg-bars",
            LegendItem::Actual => "lg-actual",
            LegendItem::Path => "lg-path",
            LegendItem::Floor => "lg-floor",
            LegendItem::Ceiling => "lg-ceiling",
            LegendItem::Band => "lg-band",
        }
    }
}

/// What a spec draws, as legend entries, in the legend's order.
pub fn legend_items(ind: &Indicator, spec: &ChartSpec) -> Vec<LegendItem> {
    let has = |k: PointKind| ind.points.iter().any(|p| p.kind == k);
    let glyph = |f: fn(&Glyph) -> bool| spec.glyphs.iter().any(f);
    [
        (LegendItem::Baseline, has(PointKind::Baseline)),
        (LegendItem::Target, has(PointKind::Target)),
        (LegendItem::Commitment, has(PointKind::Commitment)),
        (LegendItem::Bars, !spec.bars.is_empty()),
        (LegendItem::Actual, has(PointKind::Actual)),
        (LegendItem::Path, spec.implied.is_some()),
        (
            LegendItem::Floor,
            glyph(|g| matches!(g, Glyph::Floor { .. })),
        ),
        (
            LegendItem::Ceiling,
            glyph(|g| matches!(g, Glyph::Ceiling { .. })),
        ),
        (LegendItem::Band, glyph(|g| matches!(g, Glyph::Band { .. }))),
    ]
    .into_iter()
    .filter_map(|(item, shown)| shown.then_some(item))
    .collect()
}
