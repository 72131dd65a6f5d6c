//! The two ways to record a replication, both plain forms (they work the same with scripts off;
//! a refused one comes back with its problems and what was typed): the unit's own, through one
//! of its live links on this browser (with an optional photo), and an organizer's for a unit in
//! its scope.
use crate::api::gallery::{Adopter, UnitChoice};
use crate::components::field::{problem_lines, Field, FormAlert};
use crate::components::form_error::{form_error, typed_value};
use crate::components::text_area::TextArea;
use crate::components::text_field::TextField;
use crate::domain::deadline::format_date;
use crate::i18n::*;
use crate::wire::REPLICATION_PATH;
use chrono::NaiveDate;
use leptos::prelude::*;

fn date_hint(today: NaiveDate) -> String {
    let i18n = use_i18n();
    t_string!(i18n, gallery.adopted_on_hint, today = format_date(today))
}

/// The unit's record. The unit is named by the campaign of the link it opened, sent first so
/// the server checks the caller before it reads the photo.
#[component]
pub fn UnitReplicationForm(initiative_id: i64, adopters: Vec<Adopter>, today: NaiveDate) -> impl IntoView {
    let i18n = use_i18n();
    let error = form_error(|| None);
    let unit_choice = match adopters.as_slice() {
        [one] => view! {
            <input type="hidden" name="campaign_id" value=one.campaign_id />
            <p class="replication-unit">
                {t!(i18n, gallery.record_for)} ": " <strong>{one.unit_name.clone()}</strong>
            </p>
        }
        .into_any(),
        many => {
            let options = many
                .iter()
                .map(|a| view! { <option value=a.campaign_id>{a.unit_name.clone()}</option> })
                .collect_view();
            view! {
                <Field label=t_string!(i18n, gallery.record_for) name="campaign_id" error>
                    <select id="campaign_id" name="campaign_id" aria-describedby="campaign_id-msg">
                        {options}
                    </select>
                </Field>
            }
            .into_any()
        }
    };
    view! {
        <form
            class="replication-form"
            method="post"
            action=REPLICATION_PATH
            enctype="multipart/form-data"
            aria-labelledby="record-title"
        >
            <h3 id="record-title">{t!(i18n, gallery.record_title)}</h3>
            <FormAlert error />
            // First: the server checks who is calling from it before reading the rest.
            {unit_choice}
            <input type="hidden" name="initiative_id" value=initiative_id />
            <ReplicationFields error today />
            <div
                class="field"
                class:field-invalid=move || error.get().is_some_and(|e| !e.problems_at("photo").is_empty())
            >
                <label for="photo">{t!(i18n, gallery.photo)}</label>
                <input
                    type="file"
                    id="photo"
                    name="photo"
                    accept="image/jpeg,image/png"
                    aria-describedby="photo-msg"
                />
                <div id="photo-msg" class="field-msg" aria-live="polite">
                    <p class="hint">{t!(i18n, gallery.photo_hint)}</p>
                    {problem_lines(error, "photo")}
                </div>
            </div>
            <button type="submit" class="button">
                {t!(i18n, gallery.record_submit)}
            </button>
        </form>
    }
}

/// An organizer's record for one of the units in its scope that have not recorded it.
#[component]
pub fn OrganizerReplicationForm(
    initiative_id: i64,
    units: Vec<UnitChoice>,
    today: NaiveDate,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = form_error(|| None);
    if units.is_empty() {
        return view! { <p class="hint">{t!(i18n, gallery.no_units_left)}</p> }.into_any();
    }
    let typed_unit = typed_value("unit_id");
    view! {
        <form
            class="replication-form"
            method="post"
            action="/api/record_replication_for_unit"
            aria-labelledby="organizer-record-title"
        >
            <h3 id="organizer-record-title">{t!(i18n, gallery.organizer_title)}</h3>
            <p class="hint">{t!(i18n, gallery.organizer_lead)}</p>
            <FormAlert error />
            <input type="hidden" name="initiative_id" value=initiative_id />
            <Field label=t_string!(i18n, gallery.record_for) name="unit_id" error>
                <select id="unit_id" name="unit_id" aria-describedby="unit_id-msg" required>
                    <option value="">{t!(i18n, gallery.choose_unit)}</option>
                    {units
                        .iter()
                        .map(|u| {
                            let selected = typed_unit == u.id.to_string();
                            view! {
                                <option value=u.id selected=selected>
                                    {u.name.clone()}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </Field>
            <ReplicationFields error today />
            <button type="submit" class="button">
                {t!(i18n, gallery.record_submit)}
            </button>
        </form>
    }
    .into_any()
}

/// The day and the note, shared by both forms.
#[component]
fn ReplicationFields(error: Signal<Option<crate::error::AppError>>, today: NaiveDate) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <TextField
            label=t_string!(i18n, gallery.adopted_on)
            name="adopted_on"
            error
            value=typed_value("adopted_on")
            hint=date_hint(today)
            inputmode="numeric"
            required=true
        />
        <TextArea
            label=t_string!(i18n, gallery.note)
            name="note"
            error
            value=typed_value("note")
            hint=t_string!(i18n, gallery.note_hint)
            rows=3
            required=true
        />
    }
}
