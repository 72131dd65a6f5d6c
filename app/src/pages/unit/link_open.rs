//! `/l/{token}`: the secret link itself. A valid link binds this browser to its unit and answers
//! with a redirect to the unit's page; anything else shows why, in Vietnamese.
use crate::api::unit_portal::open_unit_link;
use crate::components::notice::{ErrorNotice, Loading};
use crate::i18n::*;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn LinkOpenPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let token = move || params.read().get("token").unwrap_or_default();
    let opened = Resource::new(token, open_unit_link);
    view! {
        <main id="main" class="page page-narrow unit-page">
            <Suspense fallback=|| {
                view! { <Loading /> }
            }>
                {move || Suspend::new(async move {
                    match opened.await {
                        Ok(campaign_id) => {
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
