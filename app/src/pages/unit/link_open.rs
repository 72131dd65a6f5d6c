//! `/l/{token}`: the secret link itself. A valid link binds this browser to its unit and answers
//! with a redirect to the unit's page; a browser that acts for another unit of the campaign is
//! asked before it switches; anything else shows why, in Vietnamese.
use crate::api::unit_portal::{open_unit_link, LinkOpened, SwitchUnitLink};
use crate::components::notice::{ErrorNotice, Loading};
use crate::i18n::*;
use crate::wire::codec::page_resource;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_params_map;

#[component]
pub fn LinkOpenPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let token = move || params.read().get("token").unwrap_or_default();
    let opened = page_resource(token, open_unit_link);
    view! {
        <main id="main" class="page page-narrow unit-page">
            <Suspense fallback=|| {
                view! { <Loading /> }
            }>
                {move || Suspend::new(async move {
                    match opened.await {
                        Ok(LinkOpened::Switch { campaign_id, current_unit, new_unit }) => {
                            view! { <SwitchQuestion token=token() campaign_id current_unit new_unit /> }
                                .into_any()
                        }
                        Ok(LinkOpened::Bound { campaign_id }) => {
                            let href = format!("/unit/{campaign_id}");
                            view! {
                                <p>
                                    <a class="button" href=href>
                                        {t!(i18n, unit.go_on)}
                                    </a>
                                </p>
                            }
                                .into_any()
                        }
                        Err(error) => {
                            view! {
                                <h1>{t!(i18n, unit.link_title)}</h1>
                                <ErrorNotice error />
                                <p class="hint">{t!(i18n, unit.link_help)}</p>
                            }
                                .into_any()
                        }
                    }
                })}
            </Suspense>
        </main>
    }
}

/// Asks before this browser, acting for `current_unit`, starts acting for `new_unit`.
#[component]
fn SwitchQuestion(token: String, campaign_id: i64, current_unit: String, new_unit: String) -> impl IntoView {
    let i18n = use_i18n();
    let keep = format!("/unit/{campaign_id}");
    let switch_label = t_string!(i18n, unit.switch_confirm, unit = new_unit.clone());
    view! {
        <h1>{t!(i18n, unit.switch_title)}</h1>
        <p role="alert">
            {t_string!(i18n, unit.switch_text, current = current_unit.clone(), new = new_unit.clone())}
        </p>
        <form method="post" action=SwitchUnitLink::PATH class="switch-question">
            <input type="hidden" name="token" value=token />
            <button type="submit" class="button">
                {switch_label}
            </button>
            <a class="button secondary" href=keep>
                {t_string!(i18n, unit.switch_keep, unit = current_unit)}
            </a>
        </form>
    }
}
