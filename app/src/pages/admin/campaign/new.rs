//! Creating a campaign: the general section with sensible defaults, or a copy of an earlier one.
use super::general_fields::GeneralFields;
use crate::api::campaigns::{list_campaigns, organizer_options, CreateCampaign};
use crate::components::field::FormAlert;
use crate::components::form_error::{form_error, typed_value};
use crate::components::notice::{ErrorNotice, Loading};
use crate::domain::campaign::general::{GeneralInput, DEFAULT_MAX_INITIATIVES};
use crate::i18n::*;
use crate::wire::codec::page_resource;
use leptos::prelude::*;
use leptos_meta::Title;

/// What the form starts with, or what a refused plain post sent back.
fn initial_values() -> GeneralInput {
    let typed = |name: &str, default: &str| {
        let value = typed_value(name);
        if value.is_empty() {
            default.to_owned()
        } else {
            value
        }
    };
    GeneralInput {
        title: typed_value("title"),
        theme: typed_value("theme"),
        plan_ref: typed_value("plan_ref"),
        plan_date: typed_value("plan_date"),
        organizer_code: typed_value("organizer_code"),
        period_start: typed_value("period_start"),
        period_end: typed_value("period_end"),
        registration_deadline: typed_value("registration_deadline"),
        report_deadline: typed_value("report_deadline"),
        min_initiatives: typed("min_initiatives", "1"),
        max_initiatives: typed("max_initiatives", &DEFAULT_MAX_INITIATIVES.to_string()),
        visibility: typed("visibility", "public"),
    }
}

#[component]
pub fn NewCampaignPage() -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<CreateCampaign>::new();
    let error = form_error(move || action.value().get().and_then(Result::err));
    let data = page_resource(
        || (),
        |_| async { (organizer_options().await, list_campaigns().await) },
    );
    view! {
        <Title text=move || {
            format!("{} · {}", t_string!(i18n, campaigns.new_title), t_string!(i18n, app_name))
        } />
        <nav class="breadcrumb">
            <a href="/admin/campaigns">{t!(i18n, campaigns.title)}</a>
        </nav>
        <h1>{t!(i18n, campaigns.new_title)}</h1>
        <p class="lead">{t!(i18n, campaigns.new_lead)}</p>
        <Suspense fallback=|| {
            view! { <Loading /> }
        }>
            {move || Suspend::new(async move {
                let (organizers, previous) = data.await;
                let organizers = match organizers {
                    Ok(list) => list,
                    Err(e) => return view! { <ErrorNotice error=e /> }.into_any(),
                };
                let previous = previous.unwrap_or_default();
                view! {
                    <div class="split">
                        <section class="card form-card">
                            <ActionForm action>
                                <FormAlert error />
                                <GeneralFields values=initial_values() organizers error />
                                <button type="submit" class="button" disabled=action.pending()>
                                    {t!(i18n, campaigns.create)}
                                </button>
                            </ActionForm>
                        </section>
                        {(!previous.is_empty())
                            .then(|| {
                                view! {
                                    <aside class="card">
                                        <h2>{t!(i18n, campaigns.or_copy)}</h2>
                                        <p class="hint">{t!(i18n, campaigns.or_copy_lead)}</p>
                                        <ul class="link-list">
                                            {previous
                                                .into_iter()
                                                .map(|c| {
                                                    view! {
                                                        <li>
                                                            <a href=format!(
                                                                "/admin/campaigns/{}/copy",
                                                                c.id,
                                                            )>{c.title}</a>
                                                        </li>
                                                    }
                                                })
                                                .collect_view()}
                                        </ul>
                                    </aside>
                                }
                            })}
                    </div>
                }
                    .into_any()
            })}
        </Suspense>
    }
}
