//! Adding one unit by hand; `?parent=CODE` preselects its parent.
use crate::api::units::CreateUnit;
use crate::components::field::{invalid, Field, FormAlert};
use crate::components::form_error::{form_error, typed_value};
use crate::components::kind_label::KindOptions;
use crate::i18n::*;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn NewUnitPage() -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<CreateUnit>::new();
    let error = form_error(move || action.value().get().and_then(Result::err));
    let query = use_query_map();
    let parent = query
        .read_untracked()
        .get("parent")
        .unwrap_or_else(|| typed_value("parent_code"));
    let kind = Some(typed_value("kind"))
        .filter(|k| !k.is_empty())
        .unwrap_or_else(|| "ward".to_owned());
    view! {
        <Title text=move || {
            format!("{} · {}", t_string!(i18n, units.new_title), t_string!(i18n, app_name))
        } />
        <nav class="breadcrumb">
            <a href="/admin/units">{t!(i18n, units.title)}</a>
        </nav>
        <h1>{t!(i18n, units.new_title)}</h1>
        <section class="card form-card">
            <ActionForm action>
                <FormAlert error />
                <Field
                    label=t_string!(i18n, units.code)
                    name="code"
                    hint=t_string!(i18n, units.code_hint)
                    error
                >
                    <input
                        id="code"
                        name="code"
                        type="text"
                        aria-required="true"
                        autocapitalize="characters"
                        value=typed_value("code")
                        aria-describedby="code-msg"
                        aria-invalid=invalid(error, "code")
                    />
                </Field>
                <Field label=t_string!(i18n, units.name) name="name" error>
                    <input
                        id="name"
                        name="name"
                        type="text"
                        aria-required="true"
                        value=typed_value("name")
                        aria-describedby="name-msg"
                        aria-invalid=invalid(error, "name")
                    />
                </Field>
                <Field label=t_string!(i18n, units.kind) name="kind" error>
                    <select id="kind" name="kind" aria-describedby="kind-msg">
                        <KindOptions selected=kind />
                    </select>
                </Field>
                <Field
                    label=t_string!(i18n, units.parent_code)
                    name="parent_code"
                    hint=t_string!(i18n, units.parent_hint)
                    error
                >
                    <input
                        id="parent_code"
                        name="parent_code"
                        type="text"
                        value=parent
                        autocapitalize="characters"
                        aria-describedby="parent_code-msg"
                        aria-invalid=invalid(error, "parent_code")
                    />
                </Field>
                <button type="submit" class="button" disabled=action.pending()>
                    {t!(i18n, units.create)}
                </button>
            </ActionForm>
        </section>
    }
}
