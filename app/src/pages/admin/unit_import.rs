//! The import form: a plain multipart post (the same with or without scripts) that lands on the
//! run's report. With scripts on, the page shows that the upload is being checked.
use crate::components::account_gate::AccountGate;
use crate::components::field::{Field, FormAlert};
use crate::components::form_error::form_error;
use crate::i18n::*;
use leptos::prelude::*;
use leptos_meta::Title;

/// Where the form posts: the `import_units` server function.
const IMPORT_URL: &str = "/api/import_units";

#[component]
pub fn UnitImportPage() -> impl IntoView {
    let i18n = use_i18n();
    let error = form_error(|| None);
    let (working, set_working) = signal(false);
    let (file_name, set_file_name) = signal(None::<String>);
    // The Vietnamese picker replaces the browser's own only once scripts run to show the name.
    let (enhanced, set_enhanced) = signal(false);
    Effect::new(move |_| set_enhanced.set(true));
    view! {
        <Title text=move || format!("{} · {}", t_string!(i18n, import.title), t_string!(i18n, app_name)) />
        <nav class="breadcrumb">
            <a href="/admin/units">{t!(i18n, units.title)}</a>
        </nav>
        <h1>{t!(i18n, import.title)}</h1>
        <AccountGate admins_only=true>
            <div class="grid">
                <section class="card">
                    <form
                        method="post"
                        action=IMPORT_URL
                        enctype="multipart/form-data"
                        on:submit=move |_| set_working.set(true)
                        aria-busy=move || working.get().to_string()
                    >
                        <FormAlert error />
                        <Field
                            label=t_string!(i18n, import.file)
                            name="file"
                            hint=t_string!(i18n, import.file_hint)
                            error
                        >
                            <div class="file-picker" class:enhanced=enhanced>
                                <input
                                    id="file"
                                    name="file"
                                    type="file"
                                    class="file-input"
                                    aria-required="true"
                                    accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                                    aria-describedby="file-msg"
                                    on:change=move |ev| {
                                        let input = event_target::<web_sys::HtmlInputElement>(&ev);
                                        set_file_name
                                            .set(
                                                input.files().and_then(|files| files.get(0)).map(|f| f.name()),
                                            );
                                    }
                                />
                                <label for="file" class="button secondary file-button" aria-hidden="true">
                                    {t!(i18n, import.choose)}
                                </label>
                                <span class="file-name">
                                    {move || {
                                        file_name
                                            .get()
                                            .unwrap_or_else(|| t_string!(i18n, import.no_file).to_owned())
                                    }}
                                </span>
                            </div>
                        </Field>
                        <button type="submit" class="button">
                            {t!(i18n, import.submit)}
                        </button>
                        {move || {
                            working
                                .get()
                                .then(|| {
                                    view! {
                                        <p class="working" role="status">
                                            <span class="spinner" aria-hidden="true"></span>
                                            {t!(i18n, import.working)}
                                        </p>
                                    }
                                })
                        }}
                    </form>
                </section>
                <section class="card">
                    <p>{t!(i18n, import.lead)}</p>
                    <ol class="columns-list">
                        <li>{t!(i18n, import.col_code)}</li>
                        <li>{t!(i18n, import.col_name)}</li>
                        <li>{t!(i18n, import.col_kind)}</li>
                        <li>{t!(i18n, import.col_parent)}</li>
                    </ol>
                    <p class="hint">{t!(i18n, import.rules)}</p>
                    <a href="/mau-danh-sach-don-vi.csv" download>
                        {t!(i18n, import.sample)}
                    </a>
                </section>
            </div>
        </AccountGate>
    }
}
