//! Yearly flows: a bar a year, or their running total.

use super::plot::Plot;
use super::*;

pub const ID: &str = "bars";

pub struct Bars;

impl ChartKind for Bars {
    fn id(&self) -> &'static str {
        ID
    }

    /// A flow with more than one dated value.
    fn claims(&self, ind: &Indicator) -> bool {
        ind.measure.yearly_bars() && dated(ind) > 1
    }

    fn running_total(&self) -> bool {
        true
    }

    fn lay(&self, ind: &Indicator, opts: Options, spec: &mut ChartSpec) {
        let plot = Plot::new(ind, opts, spec, opts.cumulative, true);
        plot.bars(ind, spec);
        if opts.cumulative {
            plot.running_line(spec);
        } else {
            plot.actual_line(ind, spec);
        }
        plot.marks(ind, opts, spec, None);
    }
}
