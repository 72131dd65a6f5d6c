//! The frame of every admin page: skip link, top bar with navigation and sign-out, and the page.
//! Without a session the page body is replaced by a sign-in notice.
use crate::api::auth::{whoami, Logout};
use crate::components::notice::{ErrorNotice, Loading};
use crate::error::AppError;
use crate::i18n::*;
use leptos::prelude::*;
use leptos_router::components::{Outlet, A};

#[component]
pub fn AdminLayout() -> impl IntoView {
    let i18n = use_i18n();
    let me = Resource::new(|| (), |_| whoami());
    let logout = ServerAction::<Logout>::new();
    view! {
        <a class="skip-link" href="#main">
            {t!(i18n, nav.skip)}
        </a>
        <header class="topbar">
            <a class="brand" href="/admin/units">
                {t!(i18n, app_name)}
            </a>
            <nav aria-label=move || t_string!(i18n, nav.main)>
                <A href="/admin/units">{t!(i18n, nav.units)}</A>
                <A href="/admin/accounts">{t!(i18n, nav.accounts)}</A>
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
            <Suspense fallback=|| {
                view! { <Loading /> }
            }>
                {move || Suspend::new(async move {
                    match me.await {
                        Ok(Some(_)) => view! { <Outlet /> }.into_any(),
                        Ok(None) => view! { <ErrorNotice error=AppError::Unauthorized /> }.into_any(),
                        Err(e) => view! { <ErrorNotice error=e /> }.into_any(),
                    }
                })}
            </Suspense>
        </main>
    }
}
