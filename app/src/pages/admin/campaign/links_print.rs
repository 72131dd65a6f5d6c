//! The printable A4 sheet: one card per participating unit with its name, its QR code and the
//! deadline, six to a page. Printed from the browser (Ctrl+P); the menus do not print.
use crate::api::unit_links::{campaign_links, LinksOfCampaign};
use crate::components::id_param::id_param;
use crate::components::page_loader::page_loader;
use crate::domain::deadline::Deadline;
use crate::i18n::*;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn CampaignLinksPrintPage() -> impl IntoView {
    let id = id_param();
    page_loader(id, campaign_links, |links| view! { <Sheet links /> })
}

#[component]
fn Sheet(links: LinksOfCampaign) -> impl IntoView {
    let i18n = use_i18n();
    let deadline = links
        .registration_deadline
        .map(Deadline::date_time_text)
        .unwrap_or_default();
    let without_link = links.units.iter().filter(|u| u.url.is_none()).count();
    let cards = links
        .units
        .iter()
        .filter_map(|unit| Some((unit, unit.url.clone()?, unit.qr_svg.clone()?)))
        .map(|(unit, url, svg)| {
            view! {
                <li class="qr-card">
                    <p class="qr-campaign">{links.title.clone()}</p>
                    <h2>{unit.unit_name.clone()}</h2>
                    <div
                        class="qr-code"
                        role="img"
                        aria-label=t_string!(i18n, links.qr_alt, unit = unit.unit_name.clone())
                        inner_html=svg
                    ></div>
                    <p class="qr-how">{t!(i18n, links.qr_how)}</p>
                    <p class="qr-deadline">{t!(i18n, links.qr_deadline, deadline = deadline.clone())}</p>
                    <p class="qr-url">{url}</p>
                </li>
            }
        })
        .collect_view();
    view! {
        <Title text=format!("{} · {}", t_string!(i18n, links.print_title), links.title) />
        <div class="no-print print-head">
            <nav class="breadcrumb">
                <a href=format!("/admin/campaigns/{}/links", links.id)>{t!(i18n, links.title)}</a>
            </nav>
            <h1>{t!(i18n, links.print_title)}</h1>
            <p class="hint">{t!(i18n, links.print_lead)}</p>
            {(without_link > 0)
                .then(|| {
                    view! {
                        <p class="alert alert-info">{t!(i18n, links.print_missing, count = without_link)}</p>
                    }
                })}
        </div>
        <ul class="qr-sheet">{cards}</ul>
    }
}
