//! What the map says around its drawing: its layers' names.

use super::*;

/// The layer switches, as checkboxes (the UI wires them).
pub fn layer_names(c: Ctx) -> Vec<(Layer, &'static str)> {
    let t = c.t();
    Layer::ALL
        .into_iter()
        .map(|l| {
            (
                l,
                match l {
                    Layer::Axis => t.layer_axis,
                    Layer::Heart => t.layer_heart,
                    Layer::Belts => t.layer_belts,
                    Layer::Clusters => t.layer_clusters,
                    Layer::Centre => t.layer_centre,
                    Layer::Parks => t.layer_parks,
                    Layer::Transport => t.layer_transport,
                    Layer::NewArea => t.layer_newarea,
                },
            )
        })
        .collect()
}
