//! Adding one unit by hand; `?parent=CODE` preselects its parent.
use crate::api::units::CreateUnit;
use crate::components::account_gate::AccountGate;
use crate::components::field::{Field, FormAlert};
use crate::components::form_error::{form_error, typed_value};
use crate::components::kind_label::KindOptions;
use crate::components::text_field::TextField;
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
    // Read again each time the gate shows the form.
    let (parent, kind) = (StoredValue::new(parent), StoredValue::new(kind));
    view! {
        <Title text=move || {
            format!("{} · {}", t_string!(i18n, units.new_title), t_string!(i18n, app_name))
        } />
        <nav class="breadcrumb">
            <a href="/admin/units">{t!(i18n, units.title)}</a>
        </nav>
        <h1>{t!(i18n, units.new_title)}</h1>
        <AccountGate admins_only=true>
            <section class="card form-card">
                <ActionForm action>
                    <FormAlert error />
                    <TextField
                        label=t_string!(i18n, units.code)
                        name="code"
                        hint=t_string!(i18n, units.code_hint)
                        error
                        value=typed_value("code")
                        autocapitalize="characters"
                        required=true
                    />
                    <TextField
                        label=t_string!(i18n, units.name)
                        name="name"
                        error
                        value=typed_value("name")
                        required=true
                    />
                    <Field label=t_string!(i18n, units.kind) name="kind" error>
                        <select id="kind" name="kind" aria-describedby="kind-msg">
                            <KindOptions selected=kind.get_value() />
                        </select>
                    </Field>
                    <TextField
                        label=t_string!(i18n, units.parent_code)
                        name="parent_code"
                        hint=t_string!(i18n, units.parent_hint)
                        error
                        value=parent.get_value()
                        autocapitalize="characters"
                    />
                    <button type="submit" class="button" disabled=action.pending()>
                        {t!(i18n, units.create)}
                    </button>
                </ActionForm>
            </section>
        </AccountGate>
    }
}
