//! Pieces shared by the unit's pages: the head with campaign and unit, deadline lines with the
//! time left, and the Vietnamese names of initiative kinds.
use crate::api::unit_portal::UnitCampaign;
use crate::domain::deadline::{Deadline, TimeLeft};
use crate::domain::initiative::attachment::{size_text, AttachmentInfo};
use crate::domain::initiative::InitiativeKind;
use crate::i18n::*;
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn UnitHead(campaign: UnitCampaign, #[prop(into)] page: String) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=format!("{page} · {}", campaign.unit_name) />
        <header class="unit-head">
            <p class="eyebrow">{campaign.organizer_name.clone()}</p>
            <p class="unit-campaign">
                <a href=format!("/unit/{}", campaign.id)>{campaign.title.clone()}</a>
            </p>
            <p class="unit-name">
                {t!(i18n, unit.unit_label)} " " <strong>{campaign.unit_name.clone()}</strong>
            </p>
        </header>
    }
}

pub fn kind_label(kind: InitiativeKind) -> String {
    crate::words::initiative_kind(use_i18n().get_locale(), kind).to_string()
}

/// "còn 3 ngày", "còn 4 giờ", "đã hết hạn".
pub fn time_left_text(deadline: Deadline, now: DateTime<Utc>) -> String {
    let i18n = use_i18n();
    match deadline.time_left(now) {
        TimeLeft::Passed => t_string!(i18n, unit.passed).to_string(),
        TimeLeft::Hours(hours) => t_string!(i18n, unit.hours_left, hours = hours),
        TimeLeft::Days(days) => t_string!(i18n, unit.days_left, days = days),
    }
}

/// `dd/mm/yyyy HH:mm` of an instant, in Vietnam.
pub fn moment_text(at: DateTime<Utc>) -> String {
    Deadline::from_instant(at).date_time_text()
}

/// A deadline with the time left, or "not set".
#[component]
pub fn DeadlineLine(
    #[prop(into)] label: String,
    deadline: Option<Deadline>,
    now: DateTime<Utc>,
) -> impl IntoView {
    let i18n = use_i18n();
    let text = match deadline {
        Some(d) => {
            let passed = d.has_passed(now);
            view! {
                <span class:passed=passed>
                    {d.date_time_text()} " · " <strong>{time_left_text(d, now)}</strong>
                </span>
            }
            .into_any()
        }
        None => view! { <span>{t!(i18n, unit.not_set)}</span> }.into_any(),
    };
    view! { <p class="deadline-line">{label} ": " {text}</p> }
}

/// A stored file: its name as a link that opens it, and its size.
pub fn file_link(file: &AttachmentInfo) -> impl IntoView {
    view! {
        <a href=format!("/files/{}", file.id) target="_blank" rel="noopener">
            {file.file_name.clone()}
        </a>
        {format!(" ({})", size_text(file.size_bytes.into()))}
    }
}

/// Stored files as a plain list of `file_link`s.
pub fn file_list(files: &[AttachmentInfo]) -> impl IntoView {
    view! { <ul class="plain-list">{files.iter().map(|a| view! { <li>{file_link(a)}</li> }).collect_view()}</ul> }
}
