//! Dated values over years: baseline, targets and the path a target
//! implies; stocks as steps; a visitor's actual values as the path taken.

use super::plot::Plot;
use super::*;

pub const ID: &str = "time";

pub struct Time;

impl ChartKind for Time {
    fn id(&self) -> &'static str {
        ID
    }

    fn claims(&self, _ind: &Indicator) -> bool {
        true
    }

    fn lay(&self, ind: &Indicator, opts: Options, spec: &mut ChartSpec) {
        let im = implied(ind);
        let plot = Plot::new(ind, opts, spec, false, ind.measure.axis_from_zero());
        if let Some(im) = &im {
            plot.implied_line(im, spec);
        }
        if ind.measure.steps() {
            plot.steps(spec);
        }
        plot.actual_line(ind, spec);
        plot.marks(ind, opts, spec, im);
    }
}
