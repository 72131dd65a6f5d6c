//! The commitment (ký cam kết): the unit head's name and position and a confirmation, once.
use super::parts::{moment_text, UnitHead};
use crate::api::unit_portal::{get_unit_home, SignCommitment, UnitHome};
use crate::components::field::{CheckField, FormAlert};
use crate::components::form_error::{form_error, typed_value};
use crate::components::id_param::number_param;
use crate::components::page_loader::page_loader;
use crate::components::text_field::TextField;
use crate::i18n::*;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

#[component]
pub fn CommitmentPage() -> impl IntoView {
    let campaign = number_param("campaign");
    page_loader(campaign, get_unit_home, |home| view! { <CommitmentForm home /> })
}

#[component]
fn CommitmentForm(home: UnitHome) -> impl IntoView {
    let i18n = use_i18n();
    let c = home.campaign.clone();
    let action = ServerAction::<SignCommitment>::new();
    let error = form_error(move || action.value().get().and_then(Result::err));
    let home_href = format!("/unit/{}", c.id);
    let navigate = use_navigate();
    let target = format!("{home_href}?saved=commitment");
    Effect::new(move |_| {
        if matches!(action.value().get(), Some(Ok(()))) {
            navigate(&target, Default::default());
        }
    });
    let body = match &home.commitment {
        Some(signed) => view! {
            <p class="alert alert-success">
                {t!(
                    i18n, unit.commitment_by, name = signed.head_name.clone(), position = signed.head_position.clone(), at = moment_text(signed.signed_at)
                )}
            </p>
            <a class="button secondary" href=home_href.clone()>
                {t!(i18n, unit.back_home)}
            </a>
        }
        .into_any(),
        None if !c.state.accepts_registrations() => view! {
            <p class="alert alert-info">{t!(i18n, commitment.closed)}</p>
            <a class="button secondary" href=home_href.clone()>
                {t!(i18n, unit.back_home)}
            </a>
        }
        .into_any(),
        None => view! {
            <p class="commitment-text">
                {t!(i18n, commitment.pledge, unit = c.unit_name.clone(), title = c.title.clone())}
            </p>
            <ActionForm action>
                <FormAlert error />
                <input type="hidden" name="campaign_id" value=c.id />
                <TextField
                    label=t_string!(i18n, commitment.head_name)
                    name="head_name"
                    error
                    value=typed_value("head_name")
                    required=true
                    autocomplete="name"
                    autocapitalize="words"
                />
                <TextField
                    label=t_string!(i18n, commitment.head_position)
                    name="head_position"
                    error
                    value=typed_value("head_position")
                    required=true
                    hint=t_string!(i18n, commitment.head_position_hint)
                />
                <CheckField name="confirm" error>
                    {t!(i18n, commitment.confirm)}
                </CheckField>
                <div class="actions">
                    <button type="submit" class="button" disabled=action.pending()>
                        {t!(i18n, commitment.submit)}
                    </button>
                    <a class="button secondary" href=home_href.clone()>
                        {t!(i18n, common.cancel)}
                    </a>
                </div>
            </ActionForm>
        }
        .into_any(),
    };
    view! {
        <UnitHead campaign=c.clone() page=t_string!(i18n, commitment.title) />
        <h1 class="unit-title">{t!(i18n, commitment.title)}</h1>
        {body}
    }
}
