//! The list sections of a campaign: participating units, fields, criteria with rating
//! thresholds, the unit-score formula with award forms. Admins only; each save is checked by
//! the campaign's state (see `CampaignState`) and audited.

// The scoring section's server function takes one argument per form field (plain form posts).
#![allow(clippy::too_many_arguments)]
use crate::domain::campaign::lists::{AwardFormInput, CriterionInput};
use crate::error::AppError;
pub use crate::wire::campaign_setup::*;
use leptos::server;

#[server(prefix = "/api", endpoint = "campaign_unit_picker")]
pub async fn campaign_unit_picker(id: i64) -> Result<UnitPicker, AppError> {
    use crate::server::respond::finish;
    finish(crate::server::campaign_setup::picker(id).await)
}

/// Adds (`include`) or removes one unit, or with `branch` the unit and everything below it.
#[server(prefix = "/api", endpoint = "set_campaign_units")]
pub async fn set_campaign_units(id: i64, unit_id: i64, branch: bool, include: bool) -> Result<(), AppError> {
    use crate::server::respond::finish_form;
    let result = crate::server::campaign_setup::set_units(id, unit_id, branch, include).await;
    finish_form(result, crate::server::respond::NOTHING_TYPED)
}

/// Fields, one per line.
#[server(prefix = "/api", endpoint = "save_campaign_fields")]
pub async fn save_campaign_fields(id: i64, fields: String) -> Result<(), AppError> {
    use crate::server::respond::finish_form;
    let result = crate::server::campaign_setup::save_fields(id, &fields).await;
    finish_form(result, &[("fields", fields.as_str())])
}

#[server(prefix = "/api", endpoint = "save_campaign_criteria")]
pub async fn save_campaign_criteria(
    id: i64,
    #[server(default)] criteria: Vec<CriterionInput>,
    excellent_min: String,
    good_min: String,
    pass_min: String,
) -> Result<(), AppError> {
    use crate::domain::campaign::lists::row_field;
    use crate::server::respond::finish_form;
    let result =
        crate::server::campaign_setup::save_criteria(id, &criteria, &excellent_min, &good_min, &pass_min)
            .await;
    let mut typed = vec![
        ("excellent_min".to_owned(), excellent_min),
        ("good_min".to_owned(), good_min),
        ("pass_min".to_owned(), pass_min),
    ];
    for (i, row) in criteria.into_iter().enumerate() {
        typed.push((row_field("criteria", i, "name"), row.name));
        typed.push((row_field("criteria", i, "max_points"), row.max_points));
    }
    finish_form(result, &typed)
}

#[server(prefix = "/api", endpoint = "save_campaign_scoring")]
pub async fn save_campaign_scoring(
    id: i64,
    points_commitment: String,
    points_minimum: String,
    points_report: String,
    #[server(default)] points_replication: String,
    evaluation_mode: String,
    evaluation_weight: String,
    final_combine: String,
    quorum: String,
    disagreement_percent: String,
    #[server(default)] award_forms: Vec<AwardFormInput>,
) -> Result<(), AppError> {
    use crate::domain::campaign::lists::row_field;
    use crate::domain::campaign::scoring::ScoringInput;
    use crate::server::respond::finish_form;
    let input = ScoringInput {
        points_commitment,
        points_minimum,
        points_report,
        points_replication,
        evaluation_mode,
        evaluation_weight,
        final_combine,
        quorum,
        disagreement_percent,
    };
    let result = crate::server::campaign_setup::save_scoring(id, &input, &award_forms).await;
    let mut typed = vec![
        ("points_commitment".to_owned(), input.points_commitment),
        ("points_minimum".to_owned(), input.points_minimum),
        ("points_report".to_owned(), input.points_report),
        ("points_replication".to_owned(), input.points_replication),
        ("evaluation_mode".to_owned(), input.evaluation_mode),
        ("evaluation_weight".to_owned(), input.evaluation_weight),
        ("final_combine".to_owned(), input.final_combine),
        ("quorum".to_owned(), input.quorum),
        ("disagreement_percent".to_owned(), input.disagreement_percent),
    ];
    for (i, row) in award_forms.into_iter().enumerate() {
        typed.push((row_field("award_forms", i, "name"), row.name));
        typed.push((row_field("award_forms", i, "recipient"), row.recipient));
    }
    finish_form(result, &typed)
}
