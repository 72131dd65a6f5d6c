//! The draft Biên bản họp Hội đồng: the day of the meeting and the members present as the
//! secretary recorded them, then every initiative with its final score, level and the recorded
//! recognition vote, signed by the secretary and the chair.
use super::award_decision::{governing_body, words};
use super::nd30::{self, blank, body, grid, run, two_signers, Issuer, BODY};
use crate::domain::council::decision::Level;
use crate::domain::council::role::CouncilRole;
use crate::domain::unit::UnitKind;
use crate::error::AppError;
use crate::i18n::Locale;
use crate::server::council_roster::Member;
use crate::server::db::council_meeting::{MeetingRow, VoteRow};
use crate::server::db::results::InitiativeRow;
use crate::server::exports::labels;
use crate::wire::campaigns::CampaignDetail;
use crate::wire::documents::Draft;
use chrono::Datelike;
use leptos_i18n::td_string;

pub struct Minutes<'a> {
    pub campaign: &'a CampaignDetail,
    pub organizer_kind: UnitKind,
    pub meeting: &'a MeetingRow,
    pub members: &'a [Member],
    pub initiatives: &'a [InitiativeRow],
    pub votes: &'a [VoteRow],
}

fn named(members: &[Member], role: CouncilRole) -> String {
    members
        .iter()
        .find(|m| m.role == role)
        .map(|m| m.name.clone())
        .unwrap_or_default()
}

pub fn draft(m: &Minutes) -> Result<Draft, AppError> {
    let organizer = m.campaign.organizer.name.as_str();
    let held = m.meeting.held_on;
    let parent = governing_body(organizer, m.organizer_kind);
    let issuer = Issuer {
        parent: Some(&parent),
        body: vec![td_string!(Locale::vi, documents.council_body).to_owned()],
        symbol: td_string!(Locale::vi, documents.minutes_symbol),
        place: organizer,
        year: held.year(),
        day: Some(td_string!(
            Locale::vi,
            documents.day,
            day = format!("{:02}", held.day()),
            month = nd30::month_text(held.month()),
            year = held.year()
        )),
    };
    let mut doc = nd30::opening(
        &issuer,
        &words(),
        td_string!(Locale::vi, documents.minutes_title),
        &td_string!(
            Locale::vi,
            documents.minutes_about,
            campaign = m.campaign.title.as_str()
        ),
    )
    .add_paragraph(body(vec![run(
        td_string!(
            Locale::vi,
            documents.minutes_when,
            date = crate::domain::deadline::format_date(held)
        ),
        BODY,
    )]));
    let present: Vec<&Member> = m
        .members
        .iter()
        .filter(|member| m.meeting.present.contains(&member.account_id))
        .collect();
    doc = doc.add_paragraph(body(vec![run(
        td_string!(
            Locale::vi,
            documents.minutes_present,
            present = present.len(),
            members = m.members.len()
        ),
        BODY,
    )]));
    for member in &present {
        doc = doc.add_paragraph(body(vec![run(
            format!("- {}, {}", member.name, labels::role(member.role)),
            BODY,
        )]));
    }
    doc = doc.add_paragraph(body(vec![run(
        td_string!(Locale::vi, documents.minutes_content),
        BODY,
    )]));
    let rows: Vec<Vec<String>> = m
        .initiatives
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let vote = m.votes.iter().find(|v| v.initiative_id == row.id);
            vec![
                (i + 1).to_string(),
                format!("{} ({})", row.title, row.unit_name),
                row.score
                    .map(|s| format!("{s:.2}").replace('.', ","))
                    .unwrap_or_default(),
                row.level
                    .as_deref()
                    .and_then(Level::parse)
                    .map(|l| labels::level(l).to_owned())
                    .unwrap_or_default(),
                vote.map(|v| format!("{}/{}", v.agreed, v.present))
                    .unwrap_or_default(),
                vote.map(|v| {
                    if v.recognised {
                        td_string!(Locale::vi, export.yes)
                    } else {
                        td_string!(Locale::vi, export.no)
                    }
                    .to_owned()
                })
                .unwrap_or_default(),
            ]
        })
        .collect();
    doc = doc
        .add_table(grid(
            &[
                td_string!(Locale::vi, documents.col_number),
                td_string!(Locale::vi, documents.col_initiative_unit),
                td_string!(Locale::vi, documents.col_score),
                td_string!(Locale::vi, documents.col_level),
                td_string!(Locale::vi, documents.col_vote),
                td_string!(Locale::vi, documents.col_recognised),
            ],
            &rows,
            &[3, 11, 3, 4, 4, 4],
        ))
        .add_paragraph(blank())
        .add_paragraph(body(vec![run(
            td_string!(Locale::vi, documents.minutes_end),
            BODY,
        )]))
        .add_paragraph(blank())
        .add_table(two_signers(
            (
                td_string!(Locale::vi, documents.secretary),
                &named(m.members, CouncilRole::Secretary),
            ),
            (
                td_string!(Locale::vi, documents.council_chair),
                &named(m.members, CouncilRole::Chair),
            ),
        ));
    Ok(doc)
}
