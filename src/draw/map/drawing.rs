//! The map drawn for a view: layers, places placed most important first,
//! labels where they fit, hits and tips.

use super::*;

/// The map for `layers` at `view`, `w`×`h` px: a figure whose hits select places.
pub fn figure(c: Ctx, base: &Route, layers: &[Layer], view: MapView, w: f64, h: f64) -> Figure {
    let t = c.t();
    let pr = Projection::new(view.clamped(), w, h);
    let mut s = Scene::new(w, h);
    s.summary = t.map.map_summary.to_string();
    // Background: a light land tint.
    s.rect(0.0, 0.0, w, h, (247, 248, 244), 1.0);
    let on = |l: Layer| layers.contains(&l);
    let frame = (-4.0, -4.0, w + 4.0, h + 4.0);
    let path = |pts: &[(f64, f64)]| {
        pts.iter()
            .map(|&(lon, lat)| pr.xy(lon, lat))
            .collect::<Vec<_>>()
    };
    // plotters clamps points outside its area onto the border: clip first.
    let line =
        |s: &mut Scene, px: &[(f64, f64)], color: Rgb, width: f64, alpha: f64, dashed: bool| {
            for piece in clip_polyline(px, frame) {
                s.prims.push(Prim::Line {
                    points: piece,
                    color,
                    width,
                    alpha,
                    dashed,
                });
            }
        };

    // Areas first: the green heart, cluster halos, the central area.
    if on(Layer::Heart) {
        for area in c.ds.places.iter().filter_map(|p| p.area.as_deref()) {
            let poly = clip_polygon(&path(area), frame);
            if poly.len() > 2 {
                s.prims.push(Prim::Poly {
                    points: poly,
                    fill: HEART_FILL,
                    alpha: 0.25,
                });
            }
        }
    }
    let visible: Vec<&Place> =
        c.ds.places
            .iter()
            .filter(|p| anchor(p).is_some() && on(layer_of(p)))
            .collect();
    if on(Layer::Clusters) {
        for cl in c.ds.places.iter().filter(|p| p.kind == PlaceKind::Cluster) {
            let members: Vec<(f64, f64)> =
                c.ds.places
                    .iter()
                    .filter(|p| p.parent.as_deref() == Some(&cl.id))
                    .filter_map(|p| Some(pr.xy(p.lon?, p.lat?)))
                    .collect();
            for m in &members {
                s.prims.push(Prim::Circle {
                    x: m.0,
                    y: m.1,
                    r: 16.0 * view.zoom.sqrt(),
                    fill: Some((layer_color(Layer::Clusters), 0.12)),
                    stroke: None,
                });
            }
        }
    }
    if on(Layer::Centre) {
        let members: Vec<(f64, f64)> =
            c.ds.places
                .iter()
                .filter(|p| {
                    matches!(
                        p.id.as_str(),
                        "changsha" | "zhuzhou" | "xiangtan" | "changsha-county" | "yisuhe"
                    )
                })
                .filter_map(|p| Some(pr.xy(p.lon?, p.lat?)))
                .collect();
        let hull = convex_hull(&members);
        if hull.len() > 2 {
            let mut ring = inflate(&hull, 18.0);
            ring.push(ring[0]);
            line(&mut s, &ring, layer_color(Layer::Centre), 1.0, 0.5, true);
        }
    }
    // Lines: rivers, belts, axes.
    if on(Layer::Axis) {
        line(&mut s, &path(LIAN), (90, 160, 210), 1.5, 1.0, false);
        line(
            &mut s,
            &path(XIANG),
            layer_color(Layer::Axis),
            3.0,
            1.0,
            false,
        );
    }
    // (A line on the axis layer is the river itself, drawn above.)
    for (p, pts) in
        c.ds.places
            .iter()
            .filter(|p| layer_of(p) != Layer::Axis)
            .filter_map(|p| Some((p, p.line.as_deref()?)))
    {
        let belt = p.kind == PlaceKind::Belt;
        if (belt && on(Layer::Belts)) || (!belt && on(Layer::NewArea)) {
            let color = layer_color(if belt { Layer::Belts } else { Layer::NewArea });
            line(
                &mut s,
                &path(pts),
                color,
                if belt { 4.0 } else { 2.0 },
                0.45,
                !belt,
            );
        }
    }
    // Points.
    let mut order: Vec<&Place> = visible.clone();
    order.sort_by(|a, b| priority(b).cmp(&priority(a)).then(a.id.cmp(&b.id)));
    // Decorations and every dot are obstacles before any label is placed.
    let mut taken: Vec<Rect> = decorations(&mut s, &pr, c);
    for p in &order {
        let (x, y) = anchor(p).map_or((0.0, 0.0), |(lon, lat)| pr.xy(lon, lat));
        let r = dot_radius(p);
        if r > 0.0 && inside((x, y), w, h, 0.0) {
            taken.push((x - r, y - r, x + r, y + r));
        }
    }
    let mut labels: Vec<Label> = Vec::new();
    let mut essential_boxes: Vec<Rect> = Vec::new();
    let mut hits: Vec<(Hit, String)> = Vec::new();
    for p in &order {
        let (x, y) = anchor(p).map_or((0.0, 0.0), |(lon, lat)| pr.xy(lon, lat));
        // A line (a belt, an axis) whose label point is out of the frame
        // is named where its course is in it: the visible point of the
        // course nearest the label point.
        let (x, y) = match &p.line {
            Some(line) if !inside((x, y), w, h, 0.0) => {
                let pts: Vec<(f64, f64)> = line.iter().map(|&(lon, lat)| pr.xy(lon, lat)).collect();
                let mut best: Option<(f64, (f64, f64))> = None;
                for seg in pts.windows(2) {
                    for k in 0..=24 {
                        let t = k as f64 / 24.0;
                        let q = (
                            seg[0].0 + (seg[1].0 - seg[0].0) * t,
                            seg[0].1 + (seg[1].1 - seg[0].1) * t,
                        );
                        let d = (q.0 - x).hypot(q.1 - y);
                        if inside(q, w, h, -48.0) && best.is_none_or(|(bd, _)| d < bd) {
                            best = Some((d, q));
                        }
                    }
                }
                best.map_or((x, y), |(_, q)| q)
            }
            _ => (x, y),
        };
        let off_map = !inside((x, y), w, h, 0.0);
        if off_map {
            // Context cities beyond the frame: an arrow at the edge.
            if p.kind == PlaceKind::City && layer_of(p) == Layer::Belts {
                let (ex, ey) = (x.clamp(14.0, w - 14.0), y.clamp(14.0, h - 14.0));
                let text = format!("{} {}", arrow_for(x, y, w, h), p.short_in(c.lang));
                let l = Label {
                    text,
                    x: ex,
                    y: ey + 4.0,
                    size: 12.0,
                    anchor: if x > w {
                        Anchor::End
                    } else if x < 0.0 {
                        Anchor::Start
                    } else {
                        Anchor::Middle
                    },
                    color: C_INK_2,
                    bold: false,
                };
                let bb = l.bbox();
                if !taken.iter().any(|o| overlaps(*o, bb)) {
                    taken.push(bb);
                    hits.push((
                        Hit {
                            shape: HitShape::Rect {
                                x: bb.0,
                                y: bb.1,
                                w: bb.2 - bb.0,
                                h: bb.3 - bb.1,
                            },
                            aria: aria(c, p),
                            href: Some(select_href(c, base, &p.id)),
                            ..Default::default()
                        },
                        p.id.clone(),
                    ));
                    labels.push(l);
                }
            }
            continue;
        }
        let col = color(p);
        let r = dot_radius(p);
        // A phone's map is small: its names a size smaller.
        let narrow = if w < 600.0 { 2.0 } else { 0.0 };
        let size = match p.kind {
            PlaceKind::City => 15.0,
            PlaceKind::Cluster | PlaceKind::Belt | PlaceKind::GreenHeart | PlaceKind::County => {
                13.0
            }
            _ => 12.0,
        } - narrow;
        match p.kind {
            PlaceKind::Cluster | PlaceKind::Belt | PlaceKind::GreenHeart | PlaceKind::Axis
                if p.id != "xiang-axis" => {}
            PlaceKind::Port => s.prims.push(Prim::Poly {
                points: vec![(x, y - r - 1.0), (x - r - 1.0, y + r), (x + r + 1.0, y + r)],
                fill: col,
                alpha: 1.0,
            }),
            PlaceKind::Airport | PlaceKind::Station => s.rect(x - r, y - r, x + r, y + r, col, 1.0),
            PlaceKind::Park | PlaceKind::Zone => s.rect(
                x - r + 0.5,
                y - r + 0.5,
                x + r - 0.5,
                y + r - 0.5,
                col,
                0.85,
            ),
            _ => s.prims.push(Prim::Circle {
                x,
                y,
                r,
                fill: Some((col, 1.0)),
                stroke: Some(((255, 255, 255), 1.0)),
            }),
        }
        let name = c.place_label(p);
        let bold = matches!(
            p.kind,
            PlaceKind::City | PlaceKind::Cluster | PlaceKind::GreenHeart | PlaceKind::Belt
        );
        let label_color = if matches!(p.kind, PlaceKind::City) {
            C_INK
        } else {
            col
        };
        let gap = r + 3.0;
        let mut candidates = if r == 0.0 {
            vec![
                (x, y + size * 0.35, Anchor::Middle),
                (x, y - 8.0, Anchor::Middle),
                (x, y + size + 6.0, Anchor::Middle),
            ]
        } else {
            vec![
                (x + gap, y + size * 0.35, Anchor::Start),
                (x - gap, y + size * 0.35, Anchor::End),
                (x, y - gap - 1.0, Anchor::Middle),
                (x, y + gap + size * 0.9, Anchor::Middle),
            ]
        };
        let must = essential(p);
        if must {
            // Further out, in rings, with a leader line back to the place.
            for k in 1..=4 {
                let d = k as f64 * (size + 4.0);
                for (dx, dy, a) in [
                    (0.0, -d, Anchor::Middle),
                    (0.0, d + size * 0.7, Anchor::Middle),
                    (gap + d, size * 0.35, Anchor::Start),
                    (-gap - d, size * 0.35, Anchor::End),
                    (gap + d * 0.7, -d * 0.7, Anchor::Start),
                    (-gap - d * 0.7, -d * 0.7, Anchor::End),
                    (gap + d * 0.7, d * 0.7 + size * 0.7, Anchor::Start),
                    (-gap - d * 0.7, d * 0.7 + size * 0.7, Anchor::End),
                ] {
                    candidates.push((x + dx, y + dy, a));
                }
            }
        }
        let label_at = |(lx, ly, anchor): (f64, f64, Anchor)| Label {
            text: name.clone(),
            x: lx,
            y: ly,
            size,
            anchor,
            color: label_color,
            bold,
        };
        let own = (x - r, y - r, x + r, y + r);
        let inner = (2.0, 2.0, w - 2.0, h - 2.0);
        let free = |bb: Rect, obstacles: &[Rect]| {
            within(bb, inner) && !obstacles.iter().any(|o| *o != own && overlaps(*o, bb))
        };
        let mut placed = candidates
            .iter()
            .map(|c| label_at(*c))
            .find(|l| free(l.bbox(), &taken));
        if placed.is_none() && must {
            // Crowded: over lesser places' dots and names if need be, never
            // over another of the structure's names; at worst its first place.
            placed = candidates
                .iter()
                .map(|c| label_at(*c))
                .find(|l| free(l.bbox(), &essential_boxes))
                .or_else(|| {
                    let mut l = label_at(candidates[0]);
                    let (x0, y0, x1, y1) = l.bbox();
                    l.x += (inner.0 - x0).max(0.0) - (x1 - inner.2).max(0.0);
                    l.y += (inner.1 - y0).max(0.0) - (y1 - inner.3).max(0.0);
                    Some(l)
                });
            if let Some(l) = &placed {
                // Lesser names already placed under it give way.
                let bb = l.bbox();
                let before = labels.len();
                labels.retain(|k: &Label| {
                    !overlaps(k.bbox(), bb) || essential_boxes.contains(&k.bbox())
                });
                if labels.len() != before {
                    taken.retain(|o| !overlaps(*o, bb) || essential_boxes.contains(o));
                }
            }
        }
        if let Some(l) = &placed {
            // A name moved away from its place gets a line back to it.
            let (x0, y0, x1, y1) = l.bbox();
            let (cx, cy) = (x.clamp(x0, x1), y.clamp(y0, y1));
            if (cx - x).hypot(cy - y) > gap + size {
                s.line(vec![(x, y), (cx, cy)], label_color, 0.8);
            }
            if must {
                essential_boxes.push(l.bbox());
            }
        }
        let hit_shape = match &placed {
            Some(l) if r == 0.0 => {
                let bb = l.bbox();
                HitShape::Rect {
                    x: bb.0 - 2.0,
                    y: bb.1 - 2.0,
                    w: bb.2 - bb.0 + 4.0,
                    h: bb.3 - bb.1 + 4.0,
                }
            }
            // An area without room for its name stays focusable at its centre.
            None if r == 0.0 => HitShape::Circle { x, y, r: 12.0 },
            _ => HitShape::Circle {
                x,
                y,
                r: (r + 5.0).max(9.0),
            },
        };
        if let Some(l) = placed {
            taken.push(l.bbox());
            labels.push(l);
        }
        hits.push((
            Hit {
                shape: hit_shape,
                aria: aria(c, p),
                href: Some(select_href(c, base, &p.id)),
                ..Default::default()
            },
            p.id.clone(),
        ));
    }
    for l in labels {
        s.text(l);
    }
    s.hits = hits
        .into_iter()
        .map(|(h, id)| Hit {
            tip: c.ds.place(&id).map(|p| place_tip(c, p)),
            z: c.ds.place(&id).map_or(0, priority),
            key: id,
            ..h
        })
        .collect();
    let mut f = Figure::new(
        s,
        crate::draw::figure::DataTable::default(),
        t.map_heading.to_string(),
        "changzhutan-map",
        c,
    );
    f.follow = true;
    f.table = places_table(c, &visible);
    f.legend = legend(c, layers);
    f
}
