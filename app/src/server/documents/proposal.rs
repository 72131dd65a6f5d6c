//! The draft Tờ trình: the emulation and reward council of the organizer proposes to the
//! chairman of its people's committee the awards recorded for the campaign, form by form, with
//! the same lists the decision will carry.
use super::award_decision::{governing_body, issuing_body, list, plan_ground, whom, words};
use super::nd30::{self, blank, body, centred, page_break, run, signature, Issuer, BODY};
use crate::domain::deadline::format_date;
use crate::domain::unit::UnitKind;
use crate::error::AppError;
use crate::i18n::Locale;
use crate::server::db::awards::{AwardRow, FormRow};
use crate::server::db::council_meeting::MeetingRow;
use crate::wire::campaigns::CampaignDetail;
use crate::wire::documents::Draft;
use leptos_i18n::td_string;

pub fn draft(
    campaign: &CampaignDetail,
    organizer_kind: UnitKind,
    meeting: Option<&MeetingRow>,
    forms: &[FormRow],
    awards: &[AwardRow],
    year: i32,
) -> Result<Draft, AppError> {
    let organizer = campaign.organizer.name.as_str();
    let authority = issuing_body(organizer, organizer_kind).join(" ");
    let parent = governing_body(organizer, organizer_kind);
    let issuer = Issuer {
        parent: Some(&parent),
        body: vec![td_string!(Locale::vi, documents.reward_council).to_owned()],
        symbol: td_string!(Locale::vi, documents.proposal_symbol),
        place: organizer,
        year,
        day: None,
    };
    let given: Vec<&FormRow> = forms
        .iter()
        .filter(|f| awards.iter().any(|a| a.form_id == f.id))
        .collect();
    let mut doc = nd30::opening(
        &issuer,
        &words(),
        td_string!(Locale::vi, documents.proposal_title),
        &td_string!(
            Locale::vi,
            documents.proposal_about,
            campaign = campaign.title.as_str()
        ),
    )
    .add_paragraph(centred(run(
        td_string!(Locale::vi, documents.to_chair, authority = authority.as_str()),
        BODY,
    )))
    .add_paragraph(blank());
    if let Some(ground) = plan_ground(campaign) {
        doc = doc.add_paragraph(body(vec![run(ground, BODY)]));
    }
    if let Some(meeting) = meeting {
        doc = doc.add_paragraph(body(vec![run(
            td_string!(
                Locale::vi,
                documents.ground_meeting,
                date = format_date(meeting.held_on)
            ),
            BODY,
        )]));
    }
    doc = doc.add_paragraph(body(vec![run(
        td_string!(
            Locale::vi,
            documents.proposes,
            organizer = organizer,
            authority = authority.as_str()
        ),
        BODY,
    )]));
    for form in &given {
        let whom = whom(form, awards);
        doc = doc.add_paragraph(body(vec![run(
            td_string!(
                Locale::vi,
                documents.proposed_form,
                form = form.name.as_str(),
                whom = whom
            ),
            BODY,
        )]));
    }
    doc = doc
        .add_paragraph(body(vec![run(
            td_string!(Locale::vi, documents.proposal_end, authority = authority.as_str()),
            BODY,
        )]))
        .add_paragraph(blank())
        .add_table(signature(
            td_string!(Locale::vi, documents.receivers),
            &[
                td_string!(Locale::vi, documents.as_above).to_owned(),
                td_string!(Locale::vi, documents.archive).to_owned(),
            ],
            td_string!(Locale::vi, documents.council_chair_signs),
            "",
        ));
    let attached = td_string!(
        Locale::vi,
        documents.attached_proposal,
        symbol = issuer.symbol,
        year = year,
        council = format!(
            "{} {}",
            td_string!(Locale::vi, documents.reward_council),
            organizer
        ),
    );
    for form in &given {
        doc = doc.add_paragraph(page_break());
        doc = list(doc, form, awards, &attached);
    }
    Ok(doc)
}
