//! The frame of every admin page: skip link, top bar with navigation and sign-out, and the page.
//! Without a session each page shows the sign-in notice its own data call returns.
use crate::api::auth::{whoami, Logout};
use crate::i18n::*;
use crate::wire::codec::page_resource;
use leptos::prelude::*;
use leptos_router::components::{Outlet, A};

#[component]
pub fn AdminLayout() -> impl IntoView {
    let i18n = use_i18n();
    let me = page_resource(|| (), |_| whoami());
    let logout = ServerAction::<Logout>::new();
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
            <nav aria-label=move || t_string!(i18n, nav.main)>
                <A href="/admin/campaigns">{t!(i18n, nav.campaigns)}</A>
                <A href="/admin/units">{t!(i18n, nav.units)}</A>
                <A href="/admin/accounts">{t!(i18n, nav.accounts)}</A>
                <A href="/admin/replications">{t!(i18n, nav.replications)}</A>
                <a href="/gallery">{t!(i18n, nav.gallery)}</a>
            </nav>
            <Suspense>
                {move || Suspend::new(async move {
                    me.await
                        .ok()
                        .flatten()
                        .map(|account| {
                            view! {
                                <div class="who">
                                    <span>{account.display_name}</span>
                                    <a class="who-password" href="/admin/password">
                                        {t!(i18n, nav.password)}
                                    </a>
                                    <ActionForm action=logout>
                                        <button type="submit" class="button small secondary">
                                            {t!(i18n, nav.logout)}
                                        </button>
                                    </ActionForm>
                                </div>
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
