//! The printable summary (`/results/{campaign}/summary`, `?k=` for a link-only campaign): A4
//! pages for the tổng kết conference — key figures, the server's charts, the award list. The
//! screen shows the pages as they will print; the browser's print prints them (print CSS).
use crate::api::summary::{get_campaign_summary, CampaignSummary, Chart, ChartKind};
use crate::components::id_param::number_param;
use crate::components::page_loader::page_loader;
use crate::components::print_button::PrintButton;
use crate::domain::deadline::format_date;
use crate::domain::ranking::score_text;
use crate::i18n::*;
use crate::pages::live::key_param;
use crate::pages::results::AwardsSection;
use crate::pages::unit::parts::moment_text;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn SummaryPage() -> impl IntoView {
    let campaign = number_param("campaign");
    let key = key_param();
    let key_of_page = key.clone();
    view! {
        <main id="main" class="summary-print">
            {page_loader(
                move || (campaign(), key()),
                |(id, key)| get_campaign_summary(id, key),
                move |summary| view! { <Summary summary key=key_of_page() /> },
            )}
        </main>
    }
}

#[component]
fn Summary(summary: CampaignSummary, key: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let back = match &key {
        Some(k) => format!("/results/{}?k={k}", summary.campaign_id),
        None => format!("/results/{}", summary.campaign_id),
    };
    let printable = !summary.pending;
    let tools = view! {
        <nav class="no-print summary-tools">
            <a href=back.clone()>{t!(i18n, summary.back)}</a>
            {printable
                .then(|| {
                    view! {
                        <PrintButton />
                        <p class="hint">{t!(i18n, summary.print_hint)}</p>
                    }
                })}
        </nav>
    };
    if summary.pending {
        return view! {
            <Title text=format!("{} · {}", t_string!(i18n, results.pending_title), summary.title) />
            {tools}
            <section class="card">
                <h1>{t!(i18n, results.pending_title)}</h1>
                <p>{t!(i18n, results.pending_lead)}</p>
            </section>
        }
        .into_any();
    }
    let title = summary.title.clone();
    let charts = |kinds: &[ChartKind]| {
        summary
            .charts
            .iter()
            .filter(|c| kinds.contains(&c.kind))
            .cloned()
            .map(|chart| view! { <ChartFigure chart /> })
            .collect_view()
    };
    view! {
        <Title text=format!("{} · {}", t_string!(i18n, summary.title), title) />
        {tools}
        <section class="print-page summary-cover">
            <p class="summary-organizer">{summary.organizer.to_uppercase()}</p>
            <p class="eyebrow">{t!(i18n, summary.title)}</p>
            <h1>{summary.title.clone()}</h1>
            {(!summary.theme.is_empty())
                .then(|| view! { <p class="summary-theme">{summary.theme.clone()}</p> })}
            <Basis summary=summary.clone() />
            {(!summary.final_results)
                .then(|| view! { <p class="alert alert-warning">{t!(i18n, summary.provisional)}</p> })}
            <h2>{t!(i18n, summary.key_figures)}</h2>
            <Figures summary=summary.clone() />
        </section>
        <section class="print-page">{charts(&[ChartKind::ByUnit])}</section>
        <section class="print-page">{charts(&[ChartKind::ByField, ChartKind::Scores])}</section>
        <section class="print-page">
            {charts(&[ChartKind::Ranking])} <AwardsSection awards=summary.awards.clone() />
        </section>
        <p class="summary-made">{t!(i18n, summary.made_at, at = moment_text(summary.made_at))}</p>
    }
    .into_any()
}

/// The plan the campaign was launched by, and its period.
#[component]
fn Basis(summary: CampaignSummary) -> impl IntoView {
    let i18n = use_i18n();
    let plan = (!summary.plan_ref.is_empty()).then(|| {
        let date = summary.plan_date.map(format_date).unwrap_or_default();
        view! { <p>{t!(i18n, summary.plan, plan = summary.plan_ref.clone(), date = date)}</p> }
    });
    let period = summary.period.map(|(from, to)| {
        view! { <p>{t!(i18n, summary.period, from = format_date(from), to = format_date(to))}</p> }
    });
    view! {
        {plan}
        {period}
    }
}

#[component]
fn Figures(summary: CampaignSummary) -> impl IntoView {
    let i18n = use_i18n();
    let f = summary.figures;
    let of = |part: usize| format!("{part}/{}", f.units);
    let mean = f
        .mean_score
        .map(|m| score_text((m * 100.0).round() as i64))
        .unwrap_or_else(|| "—".into());
    let figure = |label: String, value: String| {
        view! {
            <div class="figure">
                <dt>{label}</dt>
                <dd>{value}</dd>
            </div>
        }
    };
    view! {
        <dl class="key-figures">
            {figure(t_string!(i18n, summary.fig_units).to_string(), f.units.to_string())}
            {figure(t_string!(i18n, summary.fig_with).to_string(), of(f.units_with_initiatives))}
            {figure(t_string!(i18n, summary.fig_initiatives).to_string(), f.initiatives.to_string())}
            {figure(t_string!(i18n, summary.fig_committed).to_string(), of(f.committed))}
            {figure(t_string!(i18n, summary.fig_reports).to_string(), of(f.reports_on_time))}
            {figure(t_string!(i18n, summary.fig_mean).to_string(), mean)}
            {figure(t_string!(i18n, summary.fig_recognised).to_string(), f.recognised.to_string())}
            {figure(t_string!(i18n, summary.fig_exemplary).to_string(), f.exemplary.to_string())}
        </dl>
        <h2>{t!(i18n, summary.levels_title)}</h2>
        <table class="table levels-table">
            <thead>
                <tr>
                    <th scope="col">{t!(i18n, chair.level_excellent)}</th>
                    <th scope="col">{t!(i18n, chair.level_good)}</th>
                    <th scope="col">{t!(i18n, chair.level_pass)}</th>
                    <th scope="col">{t!(i18n, chair.level_fail)}</th>
                </tr>
            </thead>
            <tbody>
                <tr>
                    {f.levels.iter().map(|n| view! { <td class="num">{n.to_string()}</td> }).collect_view()}
                </tr>
            </tbody>
        </table>
    }
}

#[component]
fn ChartFigure(chart: Chart) -> impl IntoView {
    let i18n = use_i18n();
    let title = match chart.kind {
        ChartKind::ByUnit => t_string!(i18n, summary.chart_by_unit),
        ChartKind::ByField => t_string!(i18n, summary.chart_by_field),
        ChartKind::Scores => t_string!(i18n, summary.chart_scores),
        ChartKind::Ranking => t_string!(i18n, summary.chart_ranking),
    };
    view! {
        <figure class="summary-chart">
            <h2>{title}</h2>
            <div class="chart-svg" role="img" aria-label=chart.description inner_html=chart.svg></div>
        </figure>
    }
}
