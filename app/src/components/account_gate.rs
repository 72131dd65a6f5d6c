//! A page that loads no data of its own (a blank form) still answers only its audience: the
//! gate shows its content to a signed-in account (only to admins with `admins_only`), and to
//! anyone else the sign-in or no-permission notice, with that status.
use super::notice::{ErrorNotice, Loading};
use crate::api::auth::whoami;
use crate::error::AppError;
use crate::wire::codec::page_resource;
use leptos::prelude::*;

#[component]
pub fn AccountGate(#[prop(optional)] admins_only: bool, children: ChildrenFn) -> impl IntoView {
    let me = page_resource(|| (), |_| whoami());
    view! {
        <Suspense fallback=|| {
            view! { <Loading /> }
        }>
            {move || {
                let children = children.clone();
                Suspend::new(async move {
                    match me.await {
                        Ok(Some(account)) if !admins_only || account.role.is_admin() => children().into_any(),
                        Ok(Some(_)) => view! { <ErrorNotice error=AppError::Forbidden /> }.into_any(),
                        Ok(None) => view! { <ErrorNotice error=AppError::Unauthorized /> }.into_any(),
                        Err(e) => view! { <ErrorNotice error=e /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}
