//! The draft Quyết định khen thưởng of a campaign: căn cứ (the law, its decree, the campaign's
//! plan), Điều 1 giving each award form to its recipients, Điều 2 on who carries it out, the
//! signature of the decision's signer, then one "Danh sách" per form (ban hành kèm theo the
//! decision) listing the units, or the people with their position, unit and initiative.
use super::nd30::{self, blank, body, centred, grid, page_break, rule, run, signature, Issuer, BODY};
use crate::domain::campaign::Recipient;
use crate::domain::deadline::format_date;
use crate::domain::unit::UnitKind;
use crate::error::AppError;
use crate::i18n::Locale;
use crate::server::db::awards::{AwardRow, FormRow};
use crate::wire::campaigns::CampaignDetail;
use crate::wire::documents::Draft;
use leptos_i18n::td_string;

/// The organizer's name as a document's issuing body: a people's committee for a province,
/// district or ward ("Ủy ban nhân dân" above "Quận 11"), the unit itself otherwise.
pub fn issuing_body(organizer: &str, kind: UnitKind) -> Vec<String> {
    issuing(
        organizer,
        kind,
        td_string!(Locale::vi, documents.people_committee),
    )
}

/// The same as the governing body above another's name, abbreviated as NĐ 30 allows
/// ("UBND Quận 11").
pub fn governing_body(organizer: &str, kind: UnitKind) -> String {
    issuing(
        organizer,
        kind,
        td_string!(Locale::vi, documents.people_committee_short),
    )
    .join(" ")
}

fn issuing(organizer: &str, kind: UnitKind, committee: &str) -> Vec<String> {
    match kind {
        UnitKind::Province | UnitKind::District | UnitKind::Ward | UnitKind::SpecialZone => {
            vec![committee.to_owned(), organizer.to_owned()]
        }
        _ => vec![organizer.to_owned()],
    }
}

/// The signer as recorded ("Lê Minh Khoa, Chủ tịch UBND Quận 11"): his name, and his title.
fn signer_parts(signer: &str) -> (String, String) {
    match signer.split_once(',') {
        Some((name, title)) if !title.trim().is_empty() => {
            let title = title.trim();
            // The block names the office only: "Chủ tịch UBND Quận 11" signs as "Chủ tịch".
            let office = title.split(" UBND").next().unwrap_or(title).trim();
            (name.trim().to_owned(), office.to_owned())
        }
        _ => (
            signer.trim().to_owned(),
            td_string!(Locale::vi, documents.chair).to_owned(),
        ),
    }
}

pub fn words() -> nd30::HeaderWords {
    nd30::HeaderWords {
        nation: td_string!(Locale::vi, documents.nation),
        motto: td_string!(Locale::vi, documents.motto),
        number: td_string!(Locale::vi, documents.number),
        date_blank: td_string!(Locale::vi, documents.date_blank),
    }
}

pub fn draft(
    campaign: &CampaignDetail,
    organizer_kind: UnitKind,
    forms: &[FormRow],
    awards: &[AwardRow],
    year: i32,
) -> Result<Draft, AppError> {
    let organizer = campaign.organizer.name.as_str();
    let given: Vec<&FormRow> = forms
        .iter()
        .filter(|f| awards.iter().any(|a| a.form_id == f.id))
        .collect();
    let signer = given
        .iter()
        .map(|f| f.decision_signer.as_str())
        .find(|s| !s.trim().is_empty())
        .unwrap_or("");
    let (signer_name, signer_title) = signer_parts(signer);
    let issuer = Issuer {
        parent: None,
        body: issuing_body(organizer, organizer_kind),
        symbol: td_string!(Locale::vi, documents.decision_symbol),
        place: organizer,
        year,
        day: None,
    };
    let mut doc = nd30::opening(
        &issuer,
        &words(),
        td_string!(Locale::vi, documents.decision_title),
        &td_string!(
            Locale::vi,
            documents.decision_about,
            campaign = campaign.title.as_str()
        ),
    )
    .add_paragraph(blank())
    .add_paragraph(centred(
        run(
            format!("{} {}", signer_title, issuer.body.join(" ")).to_uppercase(),
            BODY,
        )
        .bold(),
    ))
    .add_paragraph(blank());
    let mut grounds = vec![
        td_string!(Locale::vi, documents.ground_law).to_owned(),
        td_string!(Locale::vi, documents.ground_decree).to_owned(),
    ];
    grounds.extend(plan_ground(campaign));
    grounds.push(td_string!(
        Locale::vi,
        documents.ground_proposal,
        organizer = organizer
    ));
    for ground in grounds {
        doc = doc.add_paragraph(body(vec![run(ground, BODY).italic()]));
    }
    doc = doc
        .add_paragraph(blank())
        .add_paragraph(centred(
            run(td_string!(Locale::vi, documents.decides), BODY).bold(),
        ))
        .add_paragraph(blank());
    for (n, form) in given.iter().enumerate() {
        let whom = whom(form, awards);
        doc = doc.add_paragraph(body(vec![
            run(td_string!(Locale::vi, documents.article, n = n + 1), BODY).bold(),
            run(
                td_string!(
                    Locale::vi,
                    documents.gives,
                    form = form.name.as_str(),
                    whom = whom,
                    campaign = campaign.title.as_str()
                ),
                BODY,
            ),
        ]));
    }
    doc = doc
        .add_paragraph(body(vec![
            run(
                td_string!(Locale::vi, documents.article, n = given.len() + 1),
                BODY,
            )
            .bold(),
            run(td_string!(Locale::vi, documents.carries_out), BODY),
        ]))
        .add_paragraph(blank())
        .add_table(signature(
            td_string!(Locale::vi, documents.receivers),
            &[
                td_string!(Locale::vi, documents.as_article, n = given.len() + 1),
                td_string!(Locale::vi, documents.archive).to_owned(),
            ],
            &signer_title,
            &signer_name,
        ));
    let attached = td_string!(
        Locale::vi,
        documents.attached,
        symbol = issuer.symbol,
        year = issuer.year,
        signer = format!("{} {}", signer_title, issuer.body.join(" ")),
    );
    for form in &given {
        doc = doc.add_paragraph(page_break());
        doc = list(doc, form, awards, &attached);
    }
    Ok(doc)
}

/// "3 tập thể" or "2 cá nhân": whom a form's awards go to.
pub(super) fn whom(form: &FormRow, awards: &[AwardRow]) -> String {
    let of_form = awards.iter().filter(|a| a.form_id == form.id);
    let people = of_form.clone().filter(|a| a.person_name.is_some()).count();
    let units = of_form.count() - people;
    match Recipient::parse(&form.recipient) {
        Some(Recipient::Individual) => td_string!(Locale::vi, documents.people, count = people),
        _ => td_string!(Locale::vi, documents.units, count = units),
    }
}

/// "Căn cứ Kế hoạch số … ngày … về việc tổ chức …;" when the campaign names its plan.
pub(super) fn plan_ground(campaign: &CampaignDetail) -> Option<String> {
    if campaign.plan_ref.trim().is_empty() {
        return None;
    }
    let date = campaign
        .plan_date
        .map(|d| td_string!(Locale::vi, documents.dated, date = format_date(d)))
        .unwrap_or_default();
    Some(td_string!(
        Locale::vi,
        documents.ground_plan,
        plan = campaign.plan_ref.as_str(),
        date = date,
        campaign = campaign.title.as_str()
    ))
}

/// The "Danh sách" of one form, with the line saying what it is attached to.
pub(super) fn list(doc: Draft, form: &FormRow, awards: &[AwardRow], attached: &str) -> Draft {
    let individual = matches!(Recipient::parse(&form.recipient), Some(Recipient::Individual));
    let rows: Vec<Vec<String>> = awards
        .iter()
        .filter(|a| a.form_id == form.id)
        .enumerate()
        .map(|(i, a)| match (&a.person_name, individual) {
            (Some(name), _) => vec![
                (i + 1).to_string(),
                format!(
                    "{}{}, {}",
                    name,
                    a.person_position
                        .as_deref()
                        .filter(|p| !p.is_empty())
                        .map(|p| format!(", {p}"))
                        .unwrap_or_default(),
                    a.unit_name
                ),
                a.initiative_title.clone().unwrap_or_default(),
            ],
            (None, _) => vec![(i + 1).to_string(), a.unit_name.clone(), String::new()],
        })
        .collect();
    let whose = td_string!(Locale::vi, documents.list_of, form = form.name.as_str(),);

    let (recipient_header, achievement_header) = if individual {
        (
            td_string!(Locale::vi, documents.col_person),
            td_string!(Locale::vi, documents.col_initiative),
        )
    } else {
        (
            td_string!(Locale::vi, documents.col_unit),
            td_string!(Locale::vi, documents.col_note),
        )
    };
    doc.add_paragraph(centred(
        run(td_string!(Locale::vi, documents.list_title), BODY).bold(),
    ))
    .add_paragraph(centred(run(whose, BODY).bold()))
    .add_paragraph(centred(run(attached, BODY - 2).italic()))
    .add_paragraph(rule(nd30::mm_inset()))
    .add_paragraph(blank())
    .add_table(grid(
        &[
            td_string!(Locale::vi, documents.col_number),
            recipient_header,
            achievement_header,
        ],
        &rows,
        &[1, 6, 6],
    ))
}
