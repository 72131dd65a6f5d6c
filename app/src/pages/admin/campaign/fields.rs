//! The campaign's fields (lĩnh vực), one per line; fixed once the campaign opens.
use crate::api::campaign_setup::SaveCampaignFields;
use crate::api::campaigns::CampaignDetail;
use crate::components::campaign_page::campaign_page;
use crate::components::campaign_tabs::CampaignHead;
use crate::components::field::{invalid, Field, FormAlert};
use crate::components::form_error::{form_error, saved_flag, successes, typed_or};
use crate::components::notice::SavedNotice;
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub fn CampaignFieldsPage() -> impl IntoView {
    let action = ServerAction::<SaveCampaignFields>::new();
    let saves = successes(
        move || action.value().with(|v| matches!(v, Some(Ok(_)))),
        move || action.version().get(),
    );
    campaign_page(move || saves.get(), move |c| view! { <FieldsView c action /> })
}

#[component]
fn FieldsView(c: CampaignDetail, action: ServerAction<SaveCampaignFields>) -> impl IntoView {
    let i18n = use_i18n();
    let error = form_error(move || action.value().get().and_then(Result::err));
    let saved = saved_flag(move || action.value().get().map(|r| r.is_ok()), "fields");
    let editable = c.state.setup_is_editable();
    let text = typed_or("fields", c.fields.join("\n"));
    let rows = (c.fields.len() + 3).clamp(6, 20);
    view! {
        <CampaignHead id=c.id title=c.title.clone() state=c.state active="fields" />
        <Show when=move || saved.get()>
            <SavedNotice text=t_string!(i18n, fields_page.saved) />
        </Show>
        <section class="card form-card">
            {(!editable).then(|| view! { <p class="alert alert-info">{t!(i18n, fields_page.locked)}</p> })}
            <ActionForm action>
                <FormAlert error />
                <input type="hidden" name="id" value=c.id />
                <Field
                    label=t_string!(i18n, fields_page.label)
                    name="fields"
                    hint=t_string!(i18n, fields_page.hint)
                    error
                >
                    <textarea
                        id="fields"
                        name="fields"
                        rows=rows
                        readonly=!editable
                        aria-describedby="fields-msg"
                        aria-invalid=invalid(error, "fields")
                    >
                        {text}
                    </textarea>
                </Field>
                {editable
                    .then(|| {
                        view! {
                            <button type="submit" class="button" disabled=action.pending()>
                                {t!(i18n, fields_page.save)}
                            </button>
                        }
                    })}
            </ActionForm>
        </section>
    }
}
