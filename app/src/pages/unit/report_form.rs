//! The report's form, an island (`lazy_pages`): a plain multipart post that works
//! without scripts; with scripts a refused submit keeps the page, and the chosen files, as is,
//! and a saved one opens the page afresh with its notice.
use super::initiative_parts::AttachmentsPart;
use crate::api::reports::submit_report;
use crate::components::field::FormAlert;
use crate::components::text_area::TextArea;
use crate::domain::initiative::attachment::AttachmentInfo;
use crate::error::AppError;
use crate::i18n::*;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

/// `refused`: the problems a plain post came back with (scripts off), shown until the next send.
#[cfg_attr(any(feature = "ssr", feature = "islands_forms"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "islands_forms")), component)]
pub fn ReportForm(
    campaign_id: i64,
    typed: String,
    stored: Vec<AttachmentInfo>,
    filed_before: bool,
    refused: Option<AppError>,
) -> impl IntoView {
    let i18n = use_i18n();
    let sent = RwSignal::new(None::<AppError>);
    let sending = RwSignal::new(false);
    let error = Signal::derive(move || sent.get().or_else(|| refused.clone()));
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
            match submit_report(data.into()).await {
                // Read afresh from the server: the filed report, its files and the notice.
                Ok(_) => {
                    let _ = window()
                        .location()
                        .set_href(&format!("/unit/{campaign_id}/report?saved=report"));
                }
                Err(refusal) => {
                    sending.set(false);
                    sent.set(Some(refusal));
                }
            }
        });
    };
    view! {
        <form method="post" action="/api/submit_report" enctype="multipart/form-data" on:submit=on_submit>
            <input type="hidden" name="campaign_id" value=campaign_id />
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
            <AttachmentsPart stored error />
            <div class="actions">
                <button type="submit" class="button" disabled=move || sending.get()>
                    {if filed_before {
                        t_string!(i18n, report.update)
                    } else {
                        t_string!(i18n, report.submit)
                    }}
                </button>
                <a class="button secondary" href=format!("/unit/{campaign_id}")>
                    {t!(i18n, unit.back_home)}
                </a>
            </div>
        </form>
    }
}
