//! Where an evaluator lands after signing in: who is signed in, for which unit, and what the
//! council's desk will hold; and the evaluator's password page. Both sit in the council's own
//! frame: admin navigation is not shown to evaluators.
use crate::api::auth::whoami;
use crate::components::account_links::AccountLinks;
use crate::components::notice::{ErrorNotice, Loading};
use crate::error::AppError;
use crate::i18n::*;
use crate::pages::admin::password::PasswordForm;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn CouncilHomePage() -> impl IntoView {
    let i18n = use_i18n();
    let me = Resource::new(|| (), |_| whoami());
    view! {
        <Title text=move || format!("{} · {}", t_string!(i18n, council.title), t_string!(i18n, app_name)) />
        <CouncilFrame>
            <h1>{t!(i18n, council.title)}</h1>
            <Suspense fallback=|| {
                view! { <Loading /> }
            }>
                {move || Suspend::new(async move {
                    match me.await {
                        Ok(Some(account)) => {
                            let unit = account
                                .unit
                                .map(|u| u.name)
                                .unwrap_or_else(|| t_string!(i18n, council.no_unit).to_owned());
                            view! {
                                <p class="lead">
                                    {t!(i18n, council.greeting, name = account.display_name, unit = unit)}
                                </p>
                                <section class="card">
                                    <p class="empty">{t!(i18n, council.nothing_yet)}</p>
                                    {account
                                        .role
                                        .is_admin()
                                        .then(|| {
                                            view! {
                                                <a class="button secondary" href="/admin/campaigns">
                                                    {t!(i18n, council.to_admin)}
                                                </a>
                                            }
                                        })}
                                </section>
                            }
                                .into_any()
                        }
                        Ok(None) => view! { <ErrorNotice error=AppError::Unauthorized /> }.into_any(),
                        Err(e) => view! { <ErrorNotice error=e /> }.into_any(),
                    }
                })}
            </Suspense>
        </CouncilFrame>
    }
}

#[component]
pub fn CouncilPasswordPage() -> impl IntoView {
    view! {
        <CouncilFrame>
            <PasswordForm />
        </CouncilFrame>
    }
}

/// Skip link, top bar (the council's page, the password page, sign-out) and the page.
#[component]
fn CouncilFrame(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <a class="skip-link" href="#main">
            {t!(i18n, nav.skip)}
        </a>
        <header class="topbar">
            <a class="brand" href="/council">
                {t!(i18n, app_name)}
            </a>
            <AccountLinks password_href="/council/password" />
        </header>
        <main id="main" class="page">
            {children()}
        </main>
    }
}
