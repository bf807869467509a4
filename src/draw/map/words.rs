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
                    Layer::Axis => t.map.layer_axis,
                    Layer::Heart => t.map.layer_heart,
                    Layer::Belts => t.map.layer_belts,
                    Layer::Clusters => t.map.layer_clusters,
                    Layer::Centre => t.map.layer_centre,
                    Layer::Parks => t.map.layer_parks,
                    Layer::Transport => t.map.layer_transport,
                    Layer::NewArea => t.map.layer_newarea,
                },
            )
        })
        .collect()
}
