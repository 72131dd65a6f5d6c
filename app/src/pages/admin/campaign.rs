//! A campaign's pages: the list, create and copy, the overview with its lifecycle, one page per
//! setup section (each saves on its own), deadline extension and the audit trail.
pub mod audit;
pub mod awards;
pub mod board_links;
pub mod ceremony;
pub mod copy;
pub mod council;
pub mod council_assignment;
pub mod criteria;
pub mod document_print;
pub mod extend;
pub mod fields;
pub mod general;
pub mod general_fields;
pub mod links;
pub mod links_print;
pub mod list;
pub mod new;
pub mod overview;
pub mod participation;
pub mod scoring;
pub mod state_change;
pub mod unit_registration;
pub mod units;

use crate::api::campaigns::CampaignDetail;
use crate::domain::campaign::general::GeneralInput;
use crate::domain::campaign::numbers::format_weight;
use crate::domain::deadline::{format_date, Deadline};

/// The stored general section as the form shows it.
pub fn general_values(c: &CampaignDetail) -> GeneralInput {
    let date = |d: Option<chrono::NaiveDate>| d.map(format_date).unwrap_or_default();
    let deadline = |d: Option<Deadline>| d.map(Deadline::date_text).unwrap_or_default();
    GeneralInput {
        title: c.title.clone(),
        theme: c.theme.clone(),
        plan_ref: c.plan_ref.clone(),
        plan_date: date(c.plan_date),
        organizer_code: c.organizer.code.clone(),
        period_start: date(c.schedule.period_start),
        period_end: date(c.schedule.period_end),
        registration_deadline: deadline(c.schedule.registration_deadline),
        report_deadline: deadline(c.schedule.report_deadline),
        min_initiatives: c.min_initiatives.to_string(),
        max_initiatives: c.max_initiatives.to_string(),
        visibility: c.visibility.as_str().to_owned(),
    }
}

/// A weight as the form shows it.
pub fn weight_text(c: &CampaignDetail) -> String {
    format_weight(c.scoring.evaluation_weight)
}
