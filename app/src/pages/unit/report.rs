//! The result report (báo cáo kết quả): text and files, filed through `report_form`; once the
//! deadline has passed, what was filed, read-only.
use super::parts::{file_list, moment_text, DeadlineLine, UnitHead};
use super::report_form::ReportForm;
use crate::api::reports::{get_report_page, ReportPage};
use crate::components::form_error::plain_refusal_error;
use crate::components::id_param::number_param;
use crate::components::notice::SavedNotice;
use crate::components::page_loader::page_loader;
use crate::i18n::*;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn ReportPageView() -> impl IntoView {
    let campaign = number_param("campaign");
    page_loader(campaign, get_report_page, |page| view! { <Report page /> })
}

#[component]
fn Report(page: ReportPage) -> impl IntoView {
    let i18n = use_i18n();
    let c = page.campaign.clone();
    let saved = use_query_map().read_untracked().get("saved").is_some();
    let status = page.report.as_ref().map(|r| {
        let when = if r.on_time {
            t_string!(i18n, unit.on_time)
        } else {
            t_string!(i18n, unit.late)
        };
        view! {
            <p class="alert alert-info">
                {t!(i18n, report.filed, at = moment_text(r.submitted_at), when = when)}
            </p>
        }
    });
    let form = if page.can_file {
        let typed = page
            .draft
            .clone()
            .or_else(|| page.report.as_ref().map(|r| r.body.clone()))
            .unwrap_or_default();
        let stored = page
            .report
            .as_ref()
            .map(|r| r.attachments.clone())
            .unwrap_or_default();
        view! {
            <ReportForm
                campaign_id=c.id
                typed
                stored
                held=page.held.clone()
                filed_before=page.report.is_some()
                refused=plain_refusal_error()
            />
        }
        .into_any()
    } else {
        let files = page
            .report
            .as_ref()
            .map(|r| r.attachments.clone())
            .unwrap_or_default();
        view! {
            <p class="alert alert-info">{t!(i18n, report.closed)}</p>
            {page.report.as_ref().map(|r| view! { <div class="prose card">{r.body.clone()}</div> })}
            {file_list(&files)}
            <a class="button secondary" href=format!("/unit/{}", c.id)>
                {t!(i18n, unit.back_home)}
            </a>
        }
        .into_any()
    };
    view! {
        <UnitHead campaign=c.clone() page=t_string!(i18n, report.title) />
        <h1 class="unit-title">{t!(i18n, report.title)}</h1>
        <DeadlineLine
            label=t_string!(i18n, unit.report_deadline)
            deadline=c.report_deadline
            now=c.loaded_at
        />
        {saved.then(|| view! { <SavedNotice text=t_string!(i18n, report.saved) /> })}
        {status}
        {form}
    }
}
