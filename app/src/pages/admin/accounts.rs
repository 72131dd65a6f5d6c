//! Accounts: the list (each name opens the account's page: new password, disabling) and the
//! form to create an admin or evaluator.
use crate::api::accounts::{list_accounts, CreateAccount};
use crate::components::field::{Field, FormAlert};
use crate::components::form_error::{form_error, typed_value};
use crate::components::notice::{ErrorNotice, Loading, SavedNotice};
use crate::components::text_field::TextField;
use crate::domain::account::Role;
use crate::i18n::*;
use crate::wire::codec::page_resource;
use chrono_tz::Asia::Ho_Chi_Minh;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn AccountsPage() -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<CreateAccount>::new();
    let error = form_error(move || action.value().get().and_then(Result::err));
    let accounts = page_resource(move || action.version().get(), |_| list_accounts());
    let query = use_query_map();
    // A later refusal replaces the notice of an earlier success.
    let created = move || query.read().get("created").is_some() && error.get().is_none();
    // After a success the form is empty again, ready for the next account.
    let form_ref = NodeRef::<leptos::html::Form>::new();
    Effect::new(move |_| {
        if matches!(action.value().get(), Some(Ok(_))) {
            if let Some(form) = form_ref.get_untracked() {
                form.reset();
            }
        }
    });
    let role = Some(typed_value("role"))
        .filter(|r| !r.is_empty())
        .unwrap_or_else(|| "evaluator".to_owned());
    view! {
        <Title text=move || format!("{} · {}", t_string!(i18n, accounts.title), t_string!(i18n, app_name)) />
        <h1>{t!(i18n, accounts.title)}</h1>
        <p class="lead">{t!(i18n, accounts.lead)}</p>
        {move || created().then(|| view! { <SavedNotice text=t_string!(i18n, accounts.created) /> })}
        <div class="grid list-and-form">
            <section class="card">
                <Suspense fallback=|| {
                    view! { <Loading /> }
                }>
                    {move || Suspend::new(async move {
                        match accounts.await {
                            Ok(list) => {
                                view! {
                                    <table class="table">
                                        <thead>
                                            <tr>
                                                <th scope="col">{t!(i18n, accounts.username)}</th>
                                                <th scope="col">{t!(i18n, accounts.display_name)}</th>
                                                <th scope="col">{t!(i18n, accounts.role)}</th>
                                                <th scope="col">{t!(i18n, accounts.unit)}</th>
                                                <th scope="col">{t!(i18n, accounts.created_at)}</th>
                                                <th scope="col">{t!(i18n, account.status)}</th>
                                            </tr>
                                        </thead>
                                        <tbody>
                                            {list
                                                .into_iter()
                                                .map(|a| {
                                                    view! {
                                                        <tr>
                                                            <td data-label=t_string!(i18n, accounts.username)>
                                                                <a href=format!("/admin/accounts/{}", a.id)>{a.username}</a>
                                                            </td>
                                                            <td data-label=t_string!(
                                                                i18n, accounts.display_name
                                                            )>{a.display_name}</td>
                                                            <td data-label=t_string!(
                                                                i18n, accounts.role
                                                            )>{role_name(a.role)}</td>
                                                            <td data-label=t_string!(
                                                                i18n, accounts.unit
                                                            )>{a.unit.map(|u| u.name).unwrap_or_default()}</td>
                                                            <td data-label=t_string!(
                                                                i18n, accounts.created_at
                                                            )>
                                                                {a
                                                                    .created_at
                                                                    .with_timezone(&Ho_Chi_Minh)
                                                                    .format("%d/%m/%Y %H:%M")
                                                                    .to_string()}
                                                            </td>
                                                            <td data-label=t_string!(
                                                                i18n, account.status
                                                            )>
                                                                {if a.disabled_at.is_some() {
                                                                    t_string!(i18n, account.locked)
                                                                } else {
                                                                    t_string!(i18n, account.status_active)
                                                                }}
                                                            </td>
                                                        </tr>
                                                    }
                                                })
                                                .collect_view()}
                                        </tbody>
                                    </table>
                                }
                                    .into_any()
                            }
                            Err(e) => view! { <ErrorNotice error=e /> }.into_any(),
                        }
                    })}
                </Suspense>
            </section>
            <section class="card">
                <h2>{t!(i18n, accounts.create_title)}</h2>
                <ActionForm action node_ref=form_ref>
                    <FormAlert error />
                    <TextField
                        label=t_string!(i18n, accounts.username)
                        name="username"
                        error
                        value=typed_value("username")
                        autocomplete="off"
                        autocapitalize="none"
                        required=true
                    />
                    <TextField
                        label=t_string!(i18n, accounts.display_name)
                        name="display_name"
                        error
                        value=typed_value("display_name")
                        required=true
                    />
                    <TextField
                        label=t_string!(i18n, accounts.password)
                        name="password"
                        hint=t_string!(i18n, accounts.password_hint)
                        error
                        input_type="password"
                        autocomplete="new-password"
                        required=true
                    />
                    <Field label=t_string!(i18n, accounts.role) name="role" error>
                        <select id="role" name="role" aria-describedby="role-msg">
                            <option value="evaluator" selected=role == "evaluator">
                                {t!(i18n, accounts.role_evaluator)}
                            </option>
                            <option value="organizer" selected=role == "organizer">
                                {t!(i18n, accounts.role_organizer)}
                            </option>
                            <option value="system_admin" selected=role == "system_admin">
                                {t!(i18n, accounts.role_system_admin)}
                            </option>
                        </select>
                    </Field>
                    <TextField
                        label=t_string!(i18n, accounts.unit_code)
                        name="unit_code"
                        hint=t_string!(i18n, accounts.unit_code_hint)
                        error
                        value=typed_value("unit_code")
                        autocomplete="off"
                        autocapitalize="characters"
                    />
                    <button type="submit" class="button" disabled=action.pending()>
                        {t!(i18n, accounts.create)}
                    </button>
                </ActionForm>
            </section>
        </div>
    }
}

/// A role in words, as the account pages show it.
pub fn role_name(role: Role) -> String {
    let i18n = use_i18n();
    match role {
        Role::SystemAdmin => t_string!(i18n, accounts.role_system_admin),
        Role::Organizer => t_string!(i18n, accounts.role_organizer),
        Role::Evaluator => t_string!(i18n, accounts.role_evaluator),
    }
    .to_owned()
}
