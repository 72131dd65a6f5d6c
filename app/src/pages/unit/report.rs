//! The result report (báo cáo kết quả): text and files. A plain multipart form post that works
//! without scripts; with scripts a refused submit keeps the page (and the chosen files) as is.
use super::initiative_parts::AttachmentsPart;
use super::parts::{file_list, moment_text, DeadlineLine, UnitHead};
use crate::api::reports::{get_report_page, submit_report, ReportPage};
use crate::components::field::FormAlert;
use crate::components::form_error::form_error;
use crate::components::id_param::number_param;
use crate::components::notice::SavedNotice;
use crate::components::page_loader::page_loader;
use crate::components::text_area::TextArea;
use crate::error::AppError;
use crate::i18n::*;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos_router::hooks::use_query_map;

#[component]
pub fn ReportPageView() -> impl IntoView {
    let campaign = number_param("campaign");
    let reload = RwSignal::new(0usize);
    page_loader(
        move || (campaign(), reload.get()),
        |(c, _)| get_report_page(c),
        move |page| view! { <Report page reload /> },
    )
}

#[component]
fn Report(page: ReportPage, reload: RwSignal<usize>) -> impl IntoView {
    let i18n = use_i18n();
    let c = page.campaign.clone();
    let sent = RwSignal::new(None::<Result<bool, AppError>>);
    let sending = RwSignal::new(false);
    let error = form_error(move || sent.get().and_then(Result::err));
    // The page is read again after each save (`reload` counts them), so a save shows here too.
    let saved_before = use_query_map().read_untracked().get("saved").is_some() || reload.get_untracked() > 0;
    let saved = move || saved_before || matches!(sent.get(), Some(Ok(_)));
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
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(form) = ev
            .target()
            .and_then(|t| t.dyn_into::<leptos::web_sys::HtmlFormElement>().ok())
        else {
            return;
        };
        let Ok(data) = leptos::web_sys::FormData::new_with_form(&form) else {
            return;
        };
        sending.set(true);
        leptos::task::spawn_local(async move {
            let result = submit_report(data.into()).await;
            sending.set(false);
            let ok = result.is_ok();
            sent.set(Some(result));
            if ok {
                reload.update(|n| *n += 1);
            }
        });
    };
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
    let form = if page.can_file {
        view! {
            <form method="post" action="/api/submit_report" enctype="multipart/form-data" on:submit=on_submit>
                <input type="hidden" name="campaign_id" value=c.id />
                <FormAlert error />
                <TextArea
                    label=t_string!(i18n, report.body)
                    name="body"
                    error
                    value=typed
                    hint=t_string!(i18n, report.body_hint)
                    required=true
                    rows=10
                />
                <AttachmentsPart stored=stored.clone() error />
                <div class="actions">
                    <button type="submit" class="button" disabled=move || sending.get()>
                        {if page.report.is_some() {
                            t_string!(i18n, report.update)
                        } else {
                            t_string!(i18n, report.submit)
                        }}
                    </button>
                    <a class="button secondary" href=format!("/unit/{}", c.id)>
                        {t!(i18n, unit.back_home)}
                    </a>
                </div>
            </form>
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
        {move || saved().then(|| view! { <SavedNotice text=t_string!(i18n, report.saved) /> })}
        {status}
        {form}
    }
}
