//! Extending a deadline: which one, the new date, and the reason (kept in the audit trail).
use crate::api::campaign_lifecycle::ExtendCampaignDeadline;
use crate::api::campaigns::CampaignDetail;
use crate::components::campaign_page::campaign_page;
use crate::components::campaign_tabs::CampaignHead;
use crate::components::field::{invalid, Field, FormAlert};
use crate::components::form_error::{form_error, typed_value};
use crate::components::text_field::TextField;
use crate::domain::campaign_state::DeadlineKind;
use crate::domain::deadline::Deadline;
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub fn CampaignExtendPage() -> impl IntoView {
    campaign_page(|| 0, |c| view! { <ExtendForm c /> })
}

#[component]
fn ExtendForm(c: CampaignDetail) -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<ExtendCampaignDeadline>::new();
    let error = form_error(move || action.value().get().and_then(Result::err));
    let date_of = |d: Option<Deadline>| d.map(Deadline::date_text).unwrap_or_default();
    let mut options = Vec::new();
    if c.state.can_extend(DeadlineKind::Registration) {
        let label = t_string!(
            i18n,
            extend.registration_option,
            date = date_of(c.schedule.registration_deadline)
        );
        options.push((DeadlineKind::Registration, label));
    }
    if c.state.can_extend(DeadlineKind::Report) {
        let label = t_string!(
            i18n,
            extend.report_option,
            date = date_of(c.schedule.report_deadline)
        );
        options.push((DeadlineKind::Report, label));
    }
    let chosen = typed_value("deadline");
    let body = if options.is_empty() {
        view! { <p class="alert alert-info">{t!(i18n, extend.unavailable)}</p> }.into_any()
    } else {
        view! {
            <ActionForm action>
                <FormAlert error />
                <input type="hidden" name="id" value=c.id />
                <Field label=t_string!(i18n, extend.deadline) name="deadline" error>
                    <select
                        id="deadline"
                        name="deadline"
                        aria-describedby="deadline-msg"
                        aria-invalid=invalid(error, "deadline")
                    >
                        {options
                            .into_iter()
                            .map(|(kind, label)| {
                                view! {
                                    <option value=kind.as_str() selected=chosen == kind.as_str()>
                                        {label}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </Field>
                <TextField
                    label=t_string!(i18n, extend.new_date)
                    name="new_date"
                    error
                    value=typed_value("new_date")
                    hint=t_string!(i18n, campaigns.f_deadline_hint)
                    required=true
                />
                <TextField
                    label=t_string!(i18n, extend.reason)
                    name="reason"
                    error
                    value=typed_value("reason")
                    hint=t_string!(i18n, extend.reason_hint)
                    required=true
                />
                <div class="actions">
                    <button type="submit" class="button" disabled=action.pending()>
                        {t!(i18n, extend.submit)}
                    </button>
                    <a class="button secondary" href=format!("/admin/campaigns/{}", c.id)>
                        {t!(i18n, common.cancel)}
                    </a>
                </div>
            </ActionForm>
        }
        .into_any()
    };
    view! {
        <CampaignHead id=c.id title=c.title.clone() state=c.state active="extend" />
        <section class="card form-card">
            <h2>{t!(i18n, extend.title)}</h2>
            <p class="hint">{t!(i18n, extend.lead)}</p>
            {body}
        </section>
    }
}
