//! The general section of an existing campaign; saves on its own.
use super::general_fields::{GeneralFields, Lock};
use super::general_values;
use crate::api::campaigns::{get_campaign, organizer_options, CampaignDetail, SaveCampaignGeneral};
use crate::api::units::OrganizerOption;
use crate::components::campaign_tabs::CampaignHead;
use crate::components::field::FormAlert;
use crate::components::form_error::{form_error, saved_flag, successes, typed_or};
use crate::components::id_param::id_param;
use crate::components::notice::{ErrorNotice, Loading, SavedNotice};
use crate::domain::campaign::general::GeneralInput;
use crate::domain::campaign_state::DeadlineKind;
use crate::i18n::*;
use crate::wire::codec::page_resource;
use leptos::prelude::*;

#[component]
pub fn CampaignGeneralPage() -> impl IntoView {
    let id = id_param();
    let action = ServerAction::<SaveCampaignGeneral>::new();
    let saves = successes(
        move || action.value().with(|v| matches!(v, Some(Ok(_)))),
        move || action.version().get(),
    );
    let data = page_resource(
        move || (id(), saves.get()),
        |(id, _)| async move { (get_campaign(id).await, organizer_options().await) },
    );
    view! {
        <Suspense fallback=|| {
            view! { <Loading /> }
        }>
            {move || Suspend::new(async move {
                match data.await {
                    (Ok(c), Ok(organizers)) => view! { <GeneralView c organizers action /> }.into_any(),
                    (Err(e), _) | (_, Err(e)) => view! { <ErrorNotice error=e /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn shown_values(c: &CampaignDetail) -> GeneralInput {
    let stored = general_values(c);
    GeneralInput {
        title: typed_or("title", stored.title),
        theme: typed_or("theme", stored.theme),
        plan_ref: typed_or("plan_ref", stored.plan_ref),
        plan_date: typed_or("plan_date", stored.plan_date),
        organizer_code: typed_or("organizer_code", stored.organizer_code),
        period_start: typed_or("period_start", stored.period_start),
        period_end: typed_or("period_end", stored.period_end),
        registration_deadline: typed_or("registration_deadline", stored.registration_deadline),
        report_deadline: typed_or("report_deadline", stored.report_deadline),
        min_initiatives: typed_or("min_initiatives", stored.min_initiatives),
        max_initiatives: typed_or("max_initiatives", stored.max_initiatives),
        visibility: typed_or("visibility", stored.visibility),
    }
}

#[component]
fn GeneralView(
    c: CampaignDetail,
    organizers: Vec<OrganizerOption>,
    action: ServerAction<SaveCampaignGeneral>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = form_error(move || action.value().get().and_then(Result::err));
    let saved = saved_flag(move || action.value().get().map(|r| r.is_ok()), "general");
    let editable = c.state.details_are_editable();
    let lock = if !editable {
        Lock::All
    } else if !c.state.schedule_is_editable() {
        let can_extend =
            c.state.can_extend(DeadlineKind::Registration) || c.state.can_extend(DeadlineKind::Report);
        Lock::Schedule { can_extend }
    } else {
        Lock::Nothing
    };
    view! {
        <CampaignHead id=c.id title=c.title.clone() state=c.state active="general" />
        <Show when=move || saved.get()>
            <SavedNotice text=t_string!(i18n, campaigns.saved_general) />
        </Show>
        <section class="card form-card">
            {(!editable)
                .then(|| view! { <p class="alert alert-info">{t!(i18n, campaigns.readonly_closed)}</p> })}
            <ActionForm action>
                <FormAlert error />
                <input type="hidden" name="id" value=c.id />
                <GeneralFields values=shown_values(&c) organizers error lock />
                {editable
                    .then(|| {
                        view! {
                            <button type="submit" class="button" disabled=action.pending()>
                                {t!(i18n, campaigns.save_general)}
                            </button>
                        }
                    })}
            </ActionForm>
        </section>
    }
}
