//! `#/targets` (small multiples, consistency, milestones) and
//! `#/targets/<indicator-id>` (one indicator, large, with its data).

use leptos::html::Div;
use leptos::prelude::*;

use super::app::{href, lang, texts, use_route};
use super::chart::{use_width, InteractiveChart};
use super::{dataset, dom};
use crate::draw::chart::{
    bound_value, data_table, implied_words, layout, table_csv, Kind, Options,
};
use crate::draw::svg;
use crate::draw::text::num;
use crate::i18n::Lang;
use crate::plan::growth::{checks, gap, implied, milestones, Verdict};
use crate::plan::indicators::{group_years, Indicator, Measure};
use crate::plan::query::highlight;
use crate::route::Page;

/// Groups in dataset order, each with its indicators.
fn groups() -> Vec<(String, Vec<&'static Indicator>)> {
    let mut out: Vec<(String, Vec<&'static Indicator>)> = Vec::new();
    for ind in &dataset().indicators {
        match out.iter_mut().find(|(g, _)| *g == ind.group) {
            Some((_, v)) => v.push(ind),
            None => out.push((ind.group.clone(), vec![ind])),
        }
    }
    out
}

fn options(ind: &Indicator, width: f64, compact: bool, cumulative: bool, lang: Lang) -> Options {
    Options {
        width,
        compact,
        cumulative,
        lang,
        years: group_years(&dataset().indicators, &ind.group),
    }
}

/// "2019年 1.68 → 2025年 2.7万亿元 · 需年均增长8.2%"
fn headline(ind: &Indicator, lang: Lang) -> String {
    let t = lang.t();
    let pts: Vec<String> = ind
        .points
        .iter()
        .map(|p| {
            let y = p
                .year
                .map(|y| t.year(y))
                .unwrap_or_else(|| t.undated.to_string());
            format!("{y} {}", bound_value(p.value, p.bound))
        })
        .collect();
    let mut s = format!("{}{}", pts.join(" → "), ind.unit);
    if let Some(im) = implied(ind) {
        s.push_str(" · ");
        s.push_str(&implied_words(&im, lang));
    }
    s
}

fn verdict_class(v: Verdict) -> &'static str {
    match v {
        Verdict::Agrees => "verdict agrees",
        Verdict::Close => "verdict close",
        Verdict::Differs => "verdict differs",
    }
}

#[component]
pub fn TargetsPage(id: Option<String>) -> impl IntoView {
    match id {
        None => view! { <TargetsOverview/> }.into_any(),
        Some(id) => view! { <TargetDetail id=id/> }.into_any(),
    }
}

#[component]
fn TargetsOverview() -> impl IntoView {
    let t = texts();
    let lang = lang();
    let ds = dataset();
    let check_items = checks(ds)
        .into_iter()
        .map(|c| {
            let (title, body) = t.check(&c);
            let v = c.verdict();
            let links = c
                .indicators()
                .iter()
                .filter_map(|id| ds.indicator(id))
                .map(|i| view! { <a href=href(Page::Targets(Some(i.id.clone())))>{i.name.clone()}</a> " " })
                .collect_view();
            view! {
                <li class="check" data-check=c.key()>
                    <p class="check-title"><span class=verdict_class(v)>{t.verdict(v)}</span> " " {title}</p>
                    <p>{body}</p>
                    <p class="check-links">{links}</p>
                </li>
            }
        })
        .collect_view();
    let cards = groups()
        .into_iter()
        .map(|(group, inds)| {
            let doc = ds.document(&inds[0].document).map(|d| d.code.clone()).unwrap_or_default();
            let items = inds
                .into_iter()
                .map(|ind| {
                    let spec = layout(ind, options(ind, 320.0, true, false, lang));
                    let inner = svg::inner(&spec);
                    let vb = format!("0 0 {} {}", spec.width, spec.height);
                    view! {
                        <li class="target-card" data-indicator=ind.id.clone()>
                            <a href=href(Page::Targets(Some(ind.id.clone())))>
                                <h3>{ind.name.clone()}</h3>
                                <svg class="chart mini" viewBox=vb role="img" aria-label=spec.summary.clone() inner_html=inner></svg>
                                <p class="card-headline">{headline(ind, lang)}</p>
                            </a>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="target-group">
                    <h2><span class="doc-code">{doc}</span> " " {group}</h2>
                    <ul class="target-grid">{items}</ul>
                </section>
            }
        })
        .collect_view();
    view! {
        <section class="page targets">
            <h1>{t.targets_heading}</h1>
            <p class="lede">{t.targets_intro}</p>
            <section class="checks">
                <h2>{t.consistency_heading}</h2>
                <p>{t.consistency_intro}</p>
                <ul class="check-list">{check_items}</ul>
            </section>
            <Milestones/>
            {cards}
        </section>
    }
}

#[component]
fn Milestones() -> impl IntoView {
    let t = texts();
    let lang = lang();
    let ds = dataset();
    let ms = milestones(ds);
    let items = ms
        .iter()
        .map(|m| {
            let label = if lang == Lang::Zh {
                m.label_zh
            } else {
                m.label_en
            };
            let link = use_route().with_untracked(|r| {
                r.goto(Page::Source(m.document.clone()))
                    .with_param("lines", &format!("{}-{}", m.lines.start, m.lines.end))
                    .to_hash()
            });
            view! {
                <li class="milestone" data-year=m.year>
                    <span class="ms-year">{m.year}</span>
                    <span class="ms-label">{label}</span>
                    <details>
                        <summary>{t.col_quote}</summary>
                        <blockquote>{m.quote.clone()}</blockquote>
                        <a href=link>{t.open_in_source}</a>
                    </details>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="milestones">
            <h2>{t.milestones_heading}</h2>
            <ol class="timeline">{items}</ol>
        </section>
    }
}

#[component]
fn TargetDetail(id: String) -> impl IntoView {
    let t = texts();
    let lang = lang();
    let ds = dataset();
    let Some(ind) = ds.indicator(&id) else {
        return view! {
            <section class="page not-found">
                <h1>{t.not_found_title}</h1>
                <p>{t.no_indicator} " " {id}</p>
                <p><a href=href(Page::Targets(None))>{t.targets_heading}</a></p>
            </section>
        }
        .into_any();
    };
    let route = use_route();
    let doc = ds
        .document(&ind.document)
        .expect("indicator of a known document");
    let cumulative = Memo::new(move |_| route.with(|r| r.param("view") == Some("cumulative")));
    let box_ref = NodeRef::<Div>::new();
    let width = use_width(box_ref, 720.0);
    let spec = Memo::new(move |_| {
        layout(
            ind,
            options(
                ind,
                width.get().clamp(280.0, 1100.0),
                false,
                cumulative.get(),
                lang,
            ),
        )
    });
    let inner = Memo::new(move |_| spec.with(svg::inner));
    let table = Memo::new(move |_| {
        spec.with(|s| data_table(ind, s, options(ind, s.width, false, cumulative.get(), lang)))
    });

    let source_link = move |i: usize| {
        let p = &ind.points[i];
        route.with_untracked(|r| {
            r.goto(Page::Source(ind.document.clone()))
                .with_param("lines", &format!("{}-{}", p.lines.start, p.lines.end))
                .to_hash()
        })
    };
    let tip = move |i: usize| {
        let p = &ind.points[i];
        let t = lang.t();
        let year = p
            .year
            .map(|y| t.year(y))
            .unwrap_or_else(|| t.undated.to_string());
        let quote = highlight(&p.quote, std::slice::from_ref(&p.snippet.to_lowercase()))
            .into_iter()
            .map(|(s, m)| {
                if m {
                    view! { <mark>{s}</mark> }.into_any()
                } else {
                    s.into_any()
                }
            })
            .collect_view();
        view! {
            <p class="tip-head">{year} " " {t.point_kind(p.kind)}</p>
            <p class="tip-value">{format!("{}{}", bound_value(p.value, p.bound), ind.unit)}</p>
            <blockquote class="tip-quote">{quote}</blockquote>
            <a class="tip-link" href=source_link(i)>{t.open_in_source} " →"</a>
        }
    };

    let flow_toggle = (ind.measure == Measure::Flow && spec.get_untracked().kind == Kind::Bars).then(|| {
        let set = move |c: bool| {
            super::app::set_param("view", if c { "cumulative" } else { "" });
        };
        view! {
            <div class="segmented" role="group" aria-label=t.chart_view>
                <button type="button" aria-pressed=move || (!cumulative.get()).to_string() on:click=move |_| set(false)>{t.view_yearly}</button>
                <button type="button" aria-pressed=move || cumulative.get().to_string() on:click=move |_| set(true)>{t.view_cumulative}</button>
            </div>
        }
    });

    let facts = {
        let g = gap(ind).map(|(_, to, d, pct)| {
            view! {
                <div class="fact"><dt>{t.gap_label}</dt><dd>{format!("{}{} ({}{}%)", num(d, 3), ind.unit, if pct >= 0.0 { "+" } else { "" }, num(pct, 1))} " → " {num(to, 3)}</dd></div>
            }
        });
        let im = implied(ind).map(|im| {
            view! { <div class="fact"><dt>{t.needed_label}</dt><dd>{implied_words(&im, lang)}</dd></div> }
        });
        view! {
            <dl class="facts">
                <div class="fact"><dt>{t.group_label}</dt><dd>{ind.group.clone()}</dd></div>
                <div class="fact"><dt>{t.measure_label}</dt><dd>{t.measure(ind.measure)}</dd></div>
                {g}
                {im}
            </dl>
        }
    };

    let downloads = {
        let title = ind.name.clone();
        let svg_name = format!("{}.svg", ind.id);
        let png_name = format!("{}.png", ind.id);
        let csv_name = format!("{}.csv", ind.id);
        let footer = vec![
            format!("{}：{} {}", t.col_quote, doc.code, doc.title),
            t.footer_sources.to_string(),
        ];
        let doc_svg =
            move || spec.with(|s| svg::document(s, std::slice::from_ref(&title), &footer));
        let doc_svg2 = doc_svg.clone();
        view! {
            <div class="chart-downloads">
                <button type="button" data-download="svg" on:click=move |_| dom::download(&svg_name, "image/svg+xml", &doc_svg())>{t.download_svg}</button>
                <button type="button" data-download="png" on:click=move |_| {
                    let s = doc_svg2();
                    dom::download_png(&s, &png_name, 2.0);
                }>{t.download_png}</button>
                <button type="button" data-download="csv" on:click=move |_| table.with(|tb| dom::download(&csv_name, "text/csv;charset=utf-8", &table_csv(tb)))>{t.download_csv}</button>
            </div>
        }
    };

    let table_view = move || {
        table.with(|tb| {
            let head = tb.head.iter().map(|h| view! { <th scope="col">{h.clone()}</th> }).collect_view();
            let rows = tb
                .rows
                .iter()
                .map(|r| {
                    let cells = r.cells[..5].iter().map(|c| view! { <td>{c.clone()}</td> }).collect_view();
                    let quote = r.point.map(|i| {
                        view! { <a href=source_link(i)>{r.cells[5].clone()}</a> }
                    });
                    view! { <tr class:implied=r.point.is_none()>{cells}<td class="quote-cell">{quote}</td></tr> }
                })
                .collect_view();
            view! {
                <table class="data-table">
                    <thead><tr>{head}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            }
        })
    };

    // 003: each year's qualitative targets beside the chart.
    let qualitative = ind.points.iter().find_map(|p| p.task.clone()).and_then(|task_id| ds.task(&task_id)).map(|task| {
        let rows = task
            .targets
            .iter()
            .map(|x| {
                let items = x.items.iter().map(|i| view! { <li>{i.clone()}</li> }).collect_view();
                view! { <div class="qual-year"><h3>{x.label.clone()}</h3><ol>{items}</ol></div> }
            })
            .collect_view();
        view! {
            <aside class="qualitative">
                <h2>{t.qualitative_heading}</h2>
                <p><a href=href(Page::Task(task.id.clone()))>{format!("{} {} · {}", task.id, task.category, task.text)}</a></p>
                <div class="qual-years">{rows}</div>
            </aside>
        }
    });

    let related = checks(ds)
        .into_iter()
        .filter(|c| c.indicators().contains(&ind.id.as_str()))
        .map(|c| {
            let (title, body) = t.check(&c);
            let v = c.verdict();
            view! {
                <li class="check" data-check=c.key()>
                    <p class="check-title"><span class=verdict_class(v)>{t.verdict(v)}</span> " " {title}</p>
                    <p>{body}</p>
                </li>
            }
        })
        .collect::<Vec<_>>();
    let related = (!related.is_empty()).then(|| {
        view! {
            <section class="checks">
                <h2>{t.related_checks}</h2>
                <ul class="check-list">{related}</ul>
            </section>
        }
    });

    let legend = {
        let has =
            |f: &dyn Fn(&crate::draw::chart::ChartSpec) -> bool| spec.with_untracked(|s| f(s));
        let path = has(&|s| s.implied.is_some());
        let floor = has(&|s| {
            s.glyphs
                .iter()
                .any(|g| matches!(g, crate::draw::chart::Glyph::Floor { .. }))
        });
        let ceil = has(&|s| {
            s.glyphs
                .iter()
                .any(|g| matches!(g, crate::draw::chart::Glyph::Ceiling { .. }))
        });
        let band = has(&|s| {
            s.glyphs
                .iter()
                .any(|g| matches!(g, crate::draw::chart::Glyph::Band { .. }))
        });
        let baseline = ind
            .points
            .iter()
            .any(|p| p.kind == crate::plan::PointKind::Baseline);
        view! {
            <ul class="legend">
                {baseline.then(|| view! { <li class="lg-baseline">{t.legend_baseline}</li> })}
                <li class="lg-target">{t.legend_target}</li>
                {path.then(|| view! { <li class="lg-path">{t.legend_path}</li> })}
                {floor.then(|| view! { <li class="lg-floor">{t.legend_floor}</li> })}
                {ceil.then(|| view! { <li class="lg-ceiling">{t.legend_ceiling}</li> })}
                {band.then(|| view! { <li class="lg-band">{t.legend_band}</li> })}
            </ul>
        }
    };

    let all: Vec<&Indicator> = ds.indicators.iter().collect();
    let pos = all.iter().position(|x| x.id == ind.id).unwrap_or(0);
    let prev = pos
        .checked_sub(1)
        .and_then(|i| all.get(i))
        .map(|x| (x.id.clone(), x.name.clone()));
    let next = all.get(pos + 1).map(|x| (x.id.clone(), x.name.clone()));

    view! {
        <article class="page target-detail" data-indicator=ind.id.clone()>
            <nav class="crumbs"><a href=href(Page::Targets(None))>{t.targets_heading}</a> " › " {ind.group.clone()}</nav>
            <h1>{ind.name.clone()}</h1>
            <p class="doc-file"><span class="doc-code">{doc.code.clone()}</span> " " {doc.title.clone()}</p>
            {facts}
            {ind.note.clone().map(|n| view! { <p class="note">{n}</p> })}
            {flow_toggle}
            <figure class="chart-figure">
                <div class="chart-wrap" node_ref=box_ref>
                    <InteractiveChart spec=spec svg=inner id="tc".to_string() tip=tip/>
                </div>
                <figcaption>{legend}<p class="tip-hint">{t.tooltip_hint}</p></figcaption>
            </figure>
            {downloads}
            {qualitative}
            <h2>{t.data_table}</h2>
            <div class="table-wrap">{table_view}</div>
            {related}
            <nav class="pager">
                {prev.map(|(id, name)| view! { <a rel="prev" href=href(Page::Targets(Some(id)))>{format!("← {name}")}</a> })}
                {next.map(|(id, name)| view! { <a rel="next" href=href(Page::Targets(Some(id)))>{format!("{name} →")}</a> })}
            </nav>
        </article>
    }
    .into_any()
}
