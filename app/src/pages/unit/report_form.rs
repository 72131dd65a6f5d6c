//! The report's form: a plain multipart post that works without scripts, rendered by the server
//! and wrapped in its island (`ReportSending`), the only part that reaches the phone. With
//! scripts the island sends it itself: a refused submit keeps the page, and the chosen files, as
//! is, with the problems shown at their fields (`form_dom`); a saved one opens the page afresh
//! with its notice.
use super::form_dom::{enhance_file_picker, find_form, listen, set_sending, show_refusal};
use super::initiative_parts::AttachmentsPart;
use crate::api::reports::submit_report;
use crate::components::field::FormAlert;
use crate::components::text_area::TextArea;
use crate::domain::initiative::attachment::AttachmentInfo;
use crate::error::AppError;
use crate::i18n::*;
use leptos::prelude::*;

const FORM: &str = "form.report-form";

/// `refused`: the problems a plain post came back with (scripts off).
#[component]
pub fn ReportForm(
    campaign_id: i64,
    typed: String,
    stored: Vec<AttachmentInfo>,
    held: Vec<AttachmentInfo>,
    filed_before: bool,
    refused: Option<AppError>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = Signal::derive(move || refused.clone());
    view! {
        <ReportSending campaign_id>
            <form method="post" action="/api/submit_report" enctype="multipart/form-data" class="report-form">
                <input type="hidden" name="campaign_id" value=campaign_id />
                <div class="form-alert">
                    <FormAlert error />
                </div>
                <TextArea
                    label=t_string!(i18n, report.body)
                    name="body"
                    error
                    value=typed
                    hint=t_string!(i18n, report.body_hint)
                    required=true
                    rows=10
                />
                <AttachmentsPart stored held error />
                <div class="actions">
                    <button type="submit" class="button">
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
        </ReportSending>
    }
}

#[cfg_attr(any(feature = "ssr", feature = "islands_forms"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "islands_forms")), component)]
fn ReportSending(campaign_id: i64, children: Children) -> impl IntoView {
    Effect::new(move |_| {
        let Some(form) = find_form(FORM) else { return };
        enhance_file_picker(&form);
        let sending_form = form.clone();
        listen(&form, "submit", move |ev| {
            ev.prevent_default();
            send(campaign_id, sending_form.clone());
        });
    });
    children()
}

fn send(campaign_id: i64, form: leptos::web_sys::HtmlFormElement) {
    let Ok(data) = leptos::web_sys::FormData::new_with_form(&form) else {
        return;
    };
    set_sending(&form, true);
    leptos::task::spawn_local(async move {
        match submit_report(data.into()).await {
            // Read afresh from the server: the filed report, its files and the notice.
            Ok(_) => {
                let _ = window()
                    .location()
                    .set_href(&format!("/unit/{campaign_id}/report?saved=report"));
            }
            Err(refusal) => {
                set_sending(&form, false);
                show_refusal(&form, Some(&refusal));
            }
        }
    });
}
