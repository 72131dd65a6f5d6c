//! "Sao chép từ đợt trước": a new draft with all of a campaign's configuration, its dates moved
//! by whole years (one year by default, with the years in the title moved too).
use crate::api::campaigns::{CampaignDetail, CopyCampaign};
use crate::components::campaign_page::campaign_page;
use crate::components::campaign_tabs::CampaignHead;
use crate::components::field::{invalid, Field, FormAlert};
use crate::components::form_error::{form_error, typed_value};
use crate::components::text_field::TextField;
use crate::domain::campaign::shift_years_in_text;
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub fn CampaignCopyPage() -> impl IntoView {
    campaign_page(|| 0, |c| view! { <CopyForm c /> })
}

#[component]
fn CopyForm(c: CampaignDetail) -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<CopyCampaign>::new();
    let error = form_error(move || action.value().get().and_then(Result::err));
    let typed_title = typed_value("title");
    let title = if typed_title.is_empty() {
        shift_years_in_text(&c.title, 1)
    } else {
        typed_title
    };
    let shift = Some(typed_value("shift_years"))
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "1".to_owned());
    let options = (0..=5)
        .map(|years| {
            let label = if years == 0 {
                t_string!(i18n, copy.shift_none).to_string()
            } else {
                t_string!(i18n, copy.shift_years, years = years)
            };
            let value = years.to_string();
            let selected = value == shift;
            view! {
                <option value=value selected=selected>
                    {label}
                </option>
            }
        })
        .collect_view();
    view! {
        <CampaignHead id=c.id title=c.title.clone() state=c.state active="copy" />
        <section class="card form-card">
            <h2>{t!(i18n, copy.title)}</h2>
            <p class="hint">{t_string!(i18n, copy.lead, title = c.title.clone())}</p>
            <ActionForm action>
                <FormAlert error />
                <input type="hidden" name="id" value=c.id />
                <TextField
                    label=t_string!(i18n, copy.new_title)
                    name="title"
                    error
                    value=title
                    required=true
                />
                <Field label=t_string!(i18n, copy.shift) name="shift_years" error>
                    <select
                        id="shift_years"
                        name="shift_years"
                        aria-describedby="shift_years-msg"
                        aria-invalid=invalid(error, "shift_years")
                    >
                        {options}
                    </select>
                </Field>
                <div class="actions">
                    <button type="submit" class="button" disabled=action.pending()>
                        {t!(i18n, copy.submit)}
                    </button>
                    <a class="button secondary" href=format!("/admin/campaigns/{}", c.id)>
                        {t!(i18n, common.cancel)}
                    </a>
                </div>
            </ActionForm>
        </section>
    }
}
