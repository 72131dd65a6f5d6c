//! The summary's charts, drawn on the server as SVG with `plotters` (no fonts are read: the
//! browser lays out the text). Rules: at most [`MAX_BARS`] bars per chart (the rest folded into
//! one "other units" bar) so a city of thousands of units still prints on a page; labels are
//! cut to a readable length; a chart that cannot be drawn is left out and logged, never a
//! broken page. Text in the SVG is escaped by plotters' SVG backend.
use crate::i18n::Locale;
use crate::wire::results::CampaignResults;
use crate::wire::summary::{Chart, ChartKind};
use leptos_i18n::td_string;
use plotters::coord::ranged1d::SegmentValue;
use plotters::prelude::*;
use std::collections::BTreeMap;

/// Bars per chart; more would not be readable on A4.
pub const MAX_BARS: usize = 20;
/// Bars of the ranking chart: the top of the standings.
const RANKING_BARS: usize = 15;
/// Score histogram buckets, each a tenth of the maximum.
const BUCKETS: usize = 10;
const WIDTH: u32 = 760;
const ROW: u32 = 28;
const LABEL_CHARS: usize = 32;
const FONT: &str = "Times New Roman";
const RED: RGBColor = RGBColor(185, 28, 28);
const INK: RGBColor = RGBColor(28, 25, 23);

type Drawn = Result<String, Box<dyn std::error::Error>>;

/// Every chart of the results this reader may see; `max_points` is the criteria's total.
pub fn all(results: &CampaignResults, max_points: f64) -> Vec<Chart> {
    let mut charts = Vec::new();
    let mut push = |kind: ChartKind, drawn: Drawn, description: String| match drawn {
        Ok(svg) => charts.push(Chart {
            kind,
            svg,
            description,
        }),
        Err(e) => tracing::error!(error = %e, ?kind, "summary chart not drawn"),
    };
    let by_unit = folded(
        results
            .units
            .iter()
            .map(|u| (u.unit_name.clone(), u.initiatives as f64))
            .collect(),
    );
    push(
        ChartKind::ByUnit,
        horizontal_bars(&by_unit, td_string!(Locale::vi, summary.axis_initiatives)),
        describe(&by_unit),
    );
    let mut fields: BTreeMap<&str, f64> = BTreeMap::new();
    for initiative in &results.initiatives {
        *fields.entry(initiative.field.as_str()).or_default() += 1.0;
    }
    let mut by_field: Vec<(String, f64)> = fields.into_iter().map(|(f, n)| (f.to_owned(), n)).collect();
    by_field.sort_by(|a, b| b.1.total_cmp(&a.1));
    push(
        ChartKind::ByField,
        horizontal_bars(&by_field, td_string!(Locale::vi, summary.axis_initiatives)),
        describe(&by_field),
    );
    let scores: Vec<f64> = results.initiatives.iter().filter_map(|i| i.score).collect();
    if !scores.is_empty() {
        let buckets = buckets(&scores, max_points);
        push(
            ChartKind::Scores,
            histogram(&buckets, max_points),
            describe(&buckets),
        );
    }
    if results.final_results {
        let ranking: Vec<(String, f64)> = results
            .units
            .iter()
            .filter(|u| !u.hidden)
            .take(RANKING_BARS)
            .map(|u| {
                let name = format!("{}. {}", u.standing.place, u.unit_name);
                (name, u.standing.score_hundredths as f64 / 100.0)
            })
            .collect();
        push(
            ChartKind::Ranking,
            horizontal_bars(&ranking, td_string!(Locale::vi, summary.axis_points)),
            describe(&ranking),
        );
    }
    charts
}

/// The largest rows first, the rest summed into one "other units" row.
fn folded(mut rows: Vec<(String, f64)>) -> Vec<(String, f64)> {
    rows.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    if rows.len() <= MAX_BARS {
        return rows;
    }
    let rest: Vec<(String, f64)> = rows.split_off(MAX_BARS - 1);
    let others = td_string!(Locale::vi, summary.other_units, count = rest.len().to_string());
    rows.push((others, rest.iter().map(|r| r.1).sum()));
    rows
}

/// Scores counted per tenth of `max_points` ("0–10", "10–20" … for 100 points).
fn buckets(scores: &[f64], max_points: f64) -> Vec<(String, f64)> {
    let max = if max_points > 0.0 {
        max_points
    } else {
        scores.iter().copied().fold(1.0, f64::max)
    };
    let width = max / BUCKETS as f64;
    let mut counts = [0.0; BUCKETS];
    for score in scores {
        let bucket = ((score / width).floor() as usize).min(BUCKETS - 1);
        counts[bucket] += 1.0;
    }
    counts
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let (low, high) = (width * i as f64, width * (i + 1) as f64);
            (format!("{}–{}", number(low), number(high)), *n)
        })
        .collect()
}

fn number(value: f64) -> String {
    if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        format!("{value:.1}").replace('.', ",")
    }
}

fn label(text: &str) -> String {
    if text.chars().count() <= LABEL_CHARS {
        text.to_owned()
    } else {
        let cut: String = text.chars().take(LABEL_CHARS - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

/// "Phường 1: 3; Phường 2: 2" — what the chart shows, in words.
fn describe(rows: &[(String, f64)]) -> String {
    rows.iter()
        .map(|(name, value)| format!("{name}: {}", number(*value)))
        .collect::<Vec<_>>()
        .join("; ")
}

/// One bar per row, top to bottom, each with its value at its end.
fn horizontal_bars(rows: &[(String, f64)], axis: &str) -> Drawn {
    let n = rows.len().max(1);
    let height = 70 + ROW * n as u32;
    let max = rows.iter().map(|r| r.1).fold(1.0, f64::max) * 1.12;
    let names: Vec<String> = rows.iter().map(|r| label(&r.0)).collect();
    // Row 0 is drawn at the top: the y axis counts upwards. `0..n - 1` makes n segments (a
    // single row gets two: a one-value range has no labels).
    let at = |i: usize| n - 1 - i;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, height)).into_drawing_area();
        root.fill(&WHITE)?;
        let mut chart = ChartBuilder::on(&root)
            .margin(10)
            .x_label_area_size(44)
            .y_label_area_size(260)
            .build_cartesian_2d(0f64..max, (0..n.max(2) - 1).into_segmented())?;
        chart
            .configure_mesh()
            .disable_y_mesh()
            .y_labels(n)
            .y_label_formatter(&|v| match v {
                SegmentValue::CenterOf(i) if *i < n => names.get(n - 1 - *i).cloned().unwrap_or_default(),
                _ => String::new(),
            })
            .x_label_formatter(&|v| number(*v))
            .x_desc(axis)
            .label_style((FONT, 15).into_font().color(&INK))
            .axis_desc_style((FONT, 15).into_font().color(&INK))
            .draw()?;
        chart.draw_series(
            Histogram::horizontal(&chart)
                .style(RED.filled())
                .margin(5)
                .data(rows.iter().enumerate().map(|(i, r)| (at(i), r.1))),
        )?;
        chart.draw_series(rows.iter().enumerate().map(|(i, r)| {
            Text::new(
                format!(" {}", number(r.1)),
                (r.1, SegmentValue::CenterOf(at(i))),
                (FONT, 15).into_font().color(&INK),
            )
        }))?;
        root.present()?;
    }
    Ok(svg)
}

/// The distribution of final scores: initiatives per score bucket.
fn histogram(buckets: &[(String, f64)], max_points: f64) -> Drawn {
    let n = buckets.len();
    let top = buckets.iter().map(|b| b.1).fold(1.0, f64::max) * 1.15;
    let names: Vec<String> = buckets.iter().map(|b| b.0.clone()).collect();
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, 380)).into_drawing_area();
        root.fill(&WHITE)?;
        let mut chart = ChartBuilder::on(&root)
            .margin(10)
            .x_label_area_size(56)
            .y_label_area_size(56)
            .build_cartesian_2d((0..n.max(2) - 1).into_segmented(), 0f64..top)?;
        chart
            .configure_mesh()
            .disable_x_mesh()
            .x_labels(n)
            .x_label_formatter(&|v| match v {
                SegmentValue::CenterOf(i) => names.get(*i).cloned().unwrap_or_default(),
                _ => String::new(),
            })
            .y_label_formatter(&|v| {
                if v.fract() == 0.0 {
                    number(*v)
                } else {
                    String::new()
                }
            })
            .x_desc(td_string!(
                Locale::vi,
                summary.axis_score,
                max = number(max_points)
            ))
            .y_desc(td_string!(Locale::vi, summary.axis_initiatives))
            .label_style((FONT, 14).into_font().color(&INK))
            .axis_desc_style((FONT, 15).into_font().color(&INK))
            .draw()?;
        chart.draw_series(
            Histogram::vertical(&chart)
                .style(RED.filled())
                .margin(6)
                .data(buckets.iter().enumerate().map(|(i, b)| (i, b.1))),
        )?;
        root.present()?;
    }
    Ok(svg)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn many_units_fold_into_one_bar_that_keeps_the_total() {
        let rows: Vec<(String, f64)> = (0..50).map(|i| (format!("Phường {i}"), 1.0 + i as f64)).collect();
        let total: f64 = rows.iter().map(|r| r.1).sum();
        let folded = folded(rows);
        assert_eq!(folded.len(), MAX_BARS);
        assert_eq!(folded[0].0, "Phường 49");
        assert!(folded[MAX_BARS - 1].0.contains("31"), "{:?}", folded.last());
        assert_eq!(folded.iter().map(|r| r.1).sum::<f64>(), total);
    }

    #[test]
    fn scores_fall_into_tenths_of_the_maximum_with_the_maximum_in_the_last() {
        let buckets = buckets(&[0.0, 9.99, 10.0, 55.5, 100.0], 100.0);
        assert_eq!(buckets.len(), BUCKETS);
        assert_eq!(buckets[0], ("0–10".to_owned(), 2.0));
        assert_eq!(buckets[1].1, 1.0);
        assert_eq!(buckets[5].1, 1.0);
        assert_eq!(buckets[9], ("90–100".to_owned(), 1.0));
    }

    #[test]
    fn a_chart_is_an_svg_whose_text_is_escaped() {
        let rows = vec![("Phường <b>&</b>".to_owned(), 3.0), ("Phường 2".to_owned(), 1.0)];
        let svg = horizontal_bars(&rows, "Số sáng kiến").expect("drawn");
        assert!(svg.starts_with("<svg"), "{}", &svg[..80.min(svg.len())]);
        assert!(svg.contains("Phường 2"));
        assert!(!svg.contains("<b>"), "labels are escaped");
        let one = horizontal_bars(&[("Phường 1".to_owned(), 0.0)], "Số sáng kiến").expect("one bar");
        assert!(one.contains("Phường 1"));
        assert!(
            horizontal_bars(&[], "Số sáng kiến").is_ok(),
            "no rows is an empty chart"
        );
    }
}
