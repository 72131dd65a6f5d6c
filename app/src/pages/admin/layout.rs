//! The frame of every admin page: skip link, top bar with navigation and sign-out, and the page.
//! Without a session each page shows the sign-in notice its own data call returns.
use crate::api::auth::whoami;
use crate::components::account_links::AccountLinks;
use crate::i18n::*;
use leptos::prelude::*;
use leptos_router::components::{Outlet, A};

#[component]
pub fn AdminLayout() -> impl IntoView {
    let i18n = use_i18n();
    let me = Resource::new(|| (), |_| whoami());
    // The page is not gated behind `me`: each page's own data call answers "sign in" without a
    // session, and page resources created inside this Suspend hydrated out of order.
    view! {
        <a class="skip-link" href="#main">
            {t!(i18n, nav.skip)}
        </a>
        <header class="topbar">
            <a class="brand" href="/admin/campaigns">
                {t!(i18n, app_name)}
            </a>
            <Suspense>
                {move || Suspend::new(async move {
                    me.await
                        .ok()
                        .flatten()
                        .map(|account| {
                            let nav = account
                                .role
                                .is_admin()
                                .then(|| {
                                    // An evaluator comes here only to change its password.
                                    view! {
                                        <nav aria-label=move || t_string!(i18n, nav.main)>
                                            <A href="/admin/campaigns">{t!(i18n, nav.campaigns)}</A>
                                            <A href="/admin/units">{t!(i18n, nav.units)}</A>
                                            <A href="/admin/accounts">{t!(i18n, nav.accounts)}</A>
                                        </nav>
                                    }
                                });
                            view! {
                                {nav}
                                <AccountLinks name=account.display_name />
                            }
                        })
                })}
            </Suspense>
        </header>
        <main id="main" class="page">
            <Outlet />
        </main>
    }
}
