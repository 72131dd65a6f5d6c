//! Saving the list sections. Units, fields and criteria change only in a draft; the formula
//! until results are published; award forms until the campaign closes. A refused save changes
//! nothing; an accepted one is audited in its transaction.
use crate::domain::audit::AuditKind;
use crate::domain::campaign::lists::{
    parse_award_forms, parse_criteria, parse_fields, AwardFormInput, CriterionInput,
};
use crate::domain::campaign::scoring::{Scoring, ScoringInput};
use crate::error::{AppError, Problem};
use crate::server::audit_snapshot;
use crate::server::campaigns::{audit_change, load};
use crate::server::db::campaign_units::SubtreeRow;
use crate::server::db::{self};
use crate::server::{access, respond::redirect_plain_form, state::pool};
use crate::wire::campaign_setup::{PickerRow, UnitPicker};
use std::collections::HashMap;

#[tracing::instrument(skip_all, fields(campaign.id = id))]
pub async fn picker(id: i64) -> Result<UnitPicker, AppError> {
    access::campaign_admin(id).await?;
    let mut conn = pool()?.acquire().await?;
    let campaign = load(&mut conn, id).await?;
    let rows = db::campaign_units::organizer_subtree(&mut conn, id, campaign.organizer.id).await?;
    Ok(tree_order(campaign.organizer.id, rows))
}

/// Rows in depth-first order under the organizer, each with its branch's size and selection.
fn tree_order(organizer_id: i64, rows: Vec<SubtreeRow>) -> UnitPicker {
    let mut children: HashMap<i64, Vec<SubtreeRow>> = HashMap::new();
    for row in rows {
        children
            .entry(row.parent_id.unwrap_or_default())
            .or_default()
            .push(row);
    }
    let mut out = Vec::new();
    push_branch(organizer_id, 0, &mut children, &mut out);
    let selected_count = out.iter().filter(|r| r.selected).count();
    UnitPicker {
        rows: out,
        selected_count,
    }
}

/// Appends `parent`'s children and their branches; returns (units, selected) appended.
fn push_branch(
    parent: i64,
    depth: usize,
    children: &mut HashMap<i64, Vec<SubtreeRow>>,
    out: &mut Vec<PickerRow>,
) -> (usize, usize) {
    let mut totals = (0, 0);
    for row in children.remove(&parent).unwrap_or_default() {
        let at = out.len();
        out.push(PickerRow {
            id: row.id,
            name: row.name,
            kind: row.kind,
            active: row.active,
            depth,
            selected: row.selected,
            branch_size: 1,
            branch_selected: usize::from(row.selected),
        });
        let (size, selected) = push_branch(row.id, depth + 1, children, out);
        out[at].branch_size += size;
        out[at].branch_selected += selected;
        totals.0 += out[at].branch_size;
        totals.1 += out[at].branch_selected;
    }
    totals
}

#[tracing::instrument(skip_all, fields(campaign.id = id, unit.id = unit_id, branch, include))]
pub async fn set_units(id: i64, unit_id: i64, branch: bool, include: bool) -> Result<(), AppError> {
    let admin = access::campaign_admin(id).await?;
    let mut tx = pool()?.begin().await?;
    let state = db::campaigns::lock_state(&mut tx, id).await?;
    if !state.setup_is_editable() {
        return Err(AppError::field("form", Problem::Locked { state }));
    }
    let campaign = load(&mut tx, id).await?;
    let ids =
        db::campaign_units::branch_ids(&mut tx, campaign.organizer.id, unit_id, branch, include).await?;
    if ids.is_empty() {
        return Err(AppError::field("form", Problem::NotUnderOrganizer));
    }
    let changed = db::campaign_units::apply(&mut tx, id, &ids, include).await?;
    if !changed.is_empty() {
        let after_count = db::campaign_units::count(&mut tx, id).await?;
        let list_key = if include { "added" } else { "removed" };
        let before = serde_json::json!({ "unit_count": campaign.unit_count });
        let after = serde_json::json!({ "unit_count": after_count, list_key: changed });
        audit_change(&mut tx, id, admin.id(), AuditKind::Units, &before, &after).await?;
    }
    tx.commit().await?;
    redirect_plain_form(&format!("/admin/campaigns/{id}/units?saved=units#unit-{unit_id}"));
    Ok(())
}

#[tracing::instrument(skip_all, fields(campaign.id = id))]
pub async fn save_fields(id: i64, text: &str) -> Result<(), AppError> {
    let admin = access::campaign_admin(id).await?;
    let fields = parse_fields(text)?;
    let mut tx = pool()?.begin().await?;
    let state = db::campaigns::lock_state(&mut tx, id).await?;
    if !state.setup_is_editable() {
        return Err(AppError::field("fields", Problem::Locked { state }));
    }
    let before = load(&mut tx, id).await?;
    db::campaigns::replace_fields(&mut tx, id, &fields).await?;
    let after = load(&mut tx, id).await?;
    let (old, new) = (audit_snapshot::fields(&before), audit_snapshot::fields(&after));
    audit_change(&mut tx, id, admin.id(), AuditKind::Fields, &old, &new).await?;
    tx.commit().await?;
    redirect_plain_form(&format!("/admin/campaigns/{id}/fields?saved=fields"));
    Ok(())
}

#[tracing::instrument(skip_all, fields(campaign.id = id))]
pub async fn save_criteria(
    id: i64,
    rows: &[CriterionInput],
    excellent: &str,
    good: &str,
    pass: &str,
) -> Result<(), AppError> {
    let admin = access::campaign_admin(id).await?;
    let (criteria, thresholds) = parse_criteria(rows, excellent, good, pass)?;
    let mut tx = pool()?.begin().await?;
    let state = db::campaigns::lock_state(&mut tx, id).await?;
    if !state.setup_is_editable() {
        return Err(AppError::field("form", Problem::Locked { state }));
    }
    let before = load(&mut tx, id).await?;
    db::campaigns::replace_criteria(&mut tx, id, &criteria, Some(thresholds)).await?;
    let after = load(&mut tx, id).await?;
    let (old, new) = (
        audit_snapshot::criteria(&before),
        audit_snapshot::criteria(&after),
    );
    audit_change(&mut tx, id, admin.id(), AuditKind::Criteria, &old, &new).await?;
    tx.commit().await?;
    redirect_plain_form(&format!("/admin/campaigns/{id}/criteria?saved=criteria"));
    Ok(())
}

#[tracing::instrument(skip_all, fields(campaign.id = id))]
pub async fn save_scoring(
    id: i64,
    input: &ScoringInput,
    award_rows: &[AwardFormInput],
) -> Result<(), AppError> {
    let admin = access::campaign_admin(id).await?;
    let scoring = Scoring::parse(input);
    let forms = parse_award_forms(award_rows);
    let (scoring, forms) = match (scoring, forms) {
        (Ok(s), Ok(f)) => (s, f),
        (Err(AppError::Invalid(mut a)), Err(AppError::Invalid(b))) => {
            a.extend(b);
            return Err(AppError::Invalid(a));
        }
        (Err(e), _) | (_, Err(e)) => return Err(e),
    };
    let mut tx = pool()?.begin().await?;
    let state = db::campaigns::lock_state(&mut tx, id).await?;
    let before = load(&mut tx, id).await?;
    let council_rules_fixed =
        !state.council_rules_are_editable() && before.scoring.council_rules_differ(&scoring);
    if !state.awards_are_editable()
        || (!state.scoring_is_editable() && before.scoring != scoring)
        || council_rules_fixed
    {
        return Err(AppError::field("form", Problem::Locked { state }));
    }
    db::campaigns::update_scoring(&mut tx, id, &scoring).await?;
    db::campaigns::replace_award_forms(&mut tx, id, &forms).await?;
    let after = load(&mut tx, id).await?;
    let (old, new) = (audit_snapshot::scoring(&before), audit_snapshot::scoring(&after));
    audit_change(&mut tx, id, admin.id(), AuditKind::Scoring, &old, &new).await?;
    tx.commit().await?;
    redirect_plain_form(&format!("/admin/campaigns/{id}/scoring?saved=scoring"));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: i64, parent: i64, selected: bool) -> SubtreeRow {
        SubtreeRow {
            id,
            parent_id: Some(parent),
            name: format!("Đơn vị {id}"),
            kind: crate::domain::unit::UnitKind::Ward,
            active: true,
            selected,
        }
    }

    #[test]
    fn the_picker_lists_branches_depth_first_with_their_counts() {
        // Organizer 1 → 2 (→ 4, 5) and 3.
        let picker = tree_order(
            1,
            vec![
                row(2, 1, false),
                row(3, 1, true),
                row(4, 2, true),
                row(5, 2, true),
            ],
        );
        let order: Vec<(i64, usize, usize, usize)> = picker
            .rows
            .iter()
            .map(|r| (r.id, r.depth, r.branch_size, r.branch_selected))
            .collect();
        assert_eq!(order, [(2, 0, 3, 2), (4, 1, 1, 1), (5, 1, 1, 1), (3, 0, 1, 1)]);
        assert_eq!(picker.selected_count, 3);
    }
}
