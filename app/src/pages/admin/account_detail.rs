//! One account: who it is, a new password set by an admin (for an owner who forgot theirs),
//! and disabling or enabling it. Disabling asks for a confirmation and signs the person out at
//! once; an admin cannot disable the account it is signed in with.
use crate::api::accounts::{get_account, AccountView, ResetAccountPassword, SetAccountDisabled};
use crate::components::field::{CheckField, FormAlert};
use crate::components::form_error::form_error;
use crate::components::id_param::id_param;
use crate::components::new_password::NewPasswordFields;
use crate::components::notice::{ErrorNotice, Loading, SavedNotice};
use crate::error::AppError;
use crate::i18n::*;
use crate::pages::admin::accounts::role_name;
use crate::wire::codec::page_resource;
use chrono_tz::Asia::Ho_Chi_Minh;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn AccountDetailPage() -> impl IntoView {
    let id = id_param();
    let reset = ServerAction::<ResetAccountPassword>::new();
    let access = ServerAction::<SetAccountDisabled>::new();
    let account = page_resource(
        move || (id(), reset.version().get(), access.version().get()),
        |(id, ..)| get_account(id),
    );
    view! {
        <Suspense fallback=|| {
            view! { <Loading /> }
        }>
            {move || Suspend::new(async move {
                match account.await {
                    Ok(account) => view! { <AccountDetail account reset access /> }.into_any(),
                    Err(e) => view! { <ErrorNotice error=e /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The error of one of the page's two forms: a refused plain post comes back with its problems
/// in the address, which both forms read; each shows only problems at its own fields.
fn only_for(error: Signal<Option<AppError>>, fields: &'static [&'static str]) -> Signal<Option<AppError>> {
    Signal::derive(move || {
        error.get().filter(|e| match e {
            AppError::Invalid(problems) => problems.iter().any(|p| fields.contains(&p.field.as_str())),
            _ => true,
        })
    })
}

/// The notice for `?saved=` after a change (the page reloads its data then).
fn saved_text(saved: &str) -> Option<String> {
    let i18n = use_i18n();
    match saved {
        "password" => Some(t_string!(i18n, account.saved_password).to_string()),
        "disabled" => Some(t_string!(i18n, account.saved_disabled).to_string()),
        "enabled" => Some(t_string!(i18n, account.saved_enabled).to_string()),
        _ => None,
    }
}

#[component]
fn AccountDetail(
    account: AccountView,
    reset: ServerAction<ResetAccountPassword>,
    access: ServerAction<SetAccountDisabled>,
) -> impl IntoView {
    let i18n = use_i18n();
    let reset_error = only_for(
        form_error(move || reset.value().get().and_then(Result::err)),
        &["new_password", "confirm_password"],
    );
    let access_error = only_for(
        form_error(move || access.value().get().and_then(Result::err)),
        &["form", "confirm"],
    );
    let query = use_query_map();
    let saved = move || query.read().get("saved").and_then(|s| saved_text(&s));
    let role = role_name(account.role);
    let unit = account.unit.clone().map(|u| format!("{} ({})", u.name, u.code));
    let status = match account.disabled_at {
        Some(at) => view! {
            <span class="badge">
                {t!(
                    i18n, account.status_disabled, at = at.with_timezone(&Ho_Chi_Minh).format("%d/%m/%Y %H:%M").to_string()
                )}
            </span>
        }
        .into_any(),
        None => view! { <span class="badge ok">{t!(i18n, account.status_active)}</span> }.into_any(),
    };
    let access_form = if account.disabled_at.is_some() {
        view! {
            <p>{t!(i18n, account.enable_lead)}</p>
            <input type="hidden" name="change" value="enable" />
            <button type="submit" class="button" disabled=access.pending()>
                {t!(i18n, account.enable)}
            </button>
        }
        .into_any()
    } else {
        let name = account.display_name.clone();
        view! {
            <p>{t!(i18n, account.disable_lead)}</p>
            <input type="hidden" name="change" value="disable" />
            <CheckField name="confirm" error=access_error>
                {t!(i18n, account.disable_confirm, name = name.clone())}
            </CheckField>
            <button type="submit" class="button danger" disabled=access.pending()>
                {t!(i18n, account.disable)}
            </button>
        }
        .into_any()
    };
    let title = format!("{} · {}", account.display_name, t_string!(i18n, app_name));
    view! {
        <Title text=title />
        <nav class="breadcrumb" aria-label=move || t_string!(i18n, account.breadcrumb)>
            <a href="/admin/accounts">{t!(i18n, accounts.title)}</a>
        </nav>
        <div class="page-head">
            <div>
                <h1>{account.display_name.clone()}</h1>
                <p class="meta">
                    <span class="code">{account.username.clone()}</span>
                    <span class="kind">{role}</span>
                    {unit.map(|u| view! { <span class="kind">{u}</span> })}
                    {status}
                </p>
            </div>
        </div>
        {move || saved().map(|text| view! { <SavedNotice text /> })}
        {if account.is_caller {
            view! {
                <p class="alert alert-info">
                    {t!(i18n, account.yours)} " " <a href="/admin/password">{t!(i18n, nav.password)}</a>
                </p>
            }
                .into_any()
        } else {
            view! {
                <div class="grid">
                    <section class="card">
                        <h2>{t!(i18n, account.reset_title)}</h2>
                        <p>{t!(i18n, account.reset_lead)}</p>
                        <ActionForm action=reset>
                            <FormAlert error=reset_error />
                            <input type="hidden" name="id" value=account.id />
                            <NewPasswordFields error=reset_error />
                            <button type="submit" class="button" disabled=reset.pending()>
                                {t!(i18n, account.reset)}
                            </button>
                        </ActionForm>
                    </section>
                    <section class="card">
                        <h2>{t!(i18n, account.access_title)}</h2>
                        <ActionForm action=access>
                            <FormAlert error=access_error />
                            <input type="hidden" name="id" value=account.id />
                            {access_form}
                        </ActionForm>
                    </section>
                </div>
            }
                .into_any()
        }}
    }
}
