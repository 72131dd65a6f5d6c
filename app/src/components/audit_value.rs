//! Before/after of an audit row, shown as "what · before · after" in Vietnamese. Keys are the
//! identifiers written by `server::audit_snapshot`; codes (state, visibility, mode) get labels.
use super::campaign_labels::{
    combine_label, council_role_label, level_label, mode_label, quorum_label, recipient_label, state_label,
    visibility_label,
};
use crate::domain::campaign::{EvaluationMode, Recipient, Visibility};
use crate::domain::campaign_state::CampaignState;
use crate::domain::council::decision::Level;
use crate::domain::council::final_score::{Combine, Quorum};
use crate::domain::council::role::CouncilRole;
use crate::i18n::*;
use leptos::prelude::*;
use serde_json::Value;

/// Keys in the order a reader expects them.
const KEY_ORDER: [&str; 63] = [
    "state",
    "results",
    "copied_from",
    "title",
    "theme",
    "plan_ref",
    "plan_date",
    "organizer",
    "period_start",
    "period_end",
    "registration_deadline",
    "report_deadline",
    "min_initiatives",
    "max_initiatives",
    "visibility",
    "unit_count",
    "added",
    "removed",
    "fields",
    "criteria",
    "excellent_min",
    "good_min",
    "pass_min",
    "points_commitment",
    "points_minimum",
    "points_report",
    "points_replication",
    "evaluation_mode",
    "evaluation_weight",
    "final_combine",
    "quorum",
    "disagreement_percent",
    "award_forms",
    "council",
    "assignment",
    "per_initiative",
    "assigned_pairs",
    "initiative",
    "member",
    "score",
    "override_score",
    "override_level",
    "exemplary",
    "gallery_listed",
    "award_form",
    "award_rule",
    "award_count",
    "recipient",
    "achievement",
    "decision_number",
    "decision_date",
    "decision_signer",
    "held_on",
    "present",
    "votes",
    "assigned",
    "links_issued",
    "link_reissued",
    "link_revoked",
    "ceremony",
    "ceremony_order",
    "ceremony_stops",
    "reason",
];

fn key_label(key: &str) -> String {
    let i18n = use_i18n();
    match key {
        "state" => t_string!(i18n, audit.key_state),
        "results" => t_string!(i18n, audit.key_results),
        "copied_from" => t_string!(i18n, audit.key_copied_from),
        "title" => t_string!(i18n, audit.key_title),
        "theme" => t_string!(i18n, audit.key_theme),
        "plan_ref" => t_string!(i18n, audit.key_plan_ref),
        "plan_date" => t_string!(i18n, audit.key_plan_date),
        "organizer" => t_string!(i18n, audit.key_organizer),
        "period_start" => t_string!(i18n, audit.key_period_start),
        "period_end" => t_string!(i18n, audit.key_period_end),
        "registration_deadline" => t_string!(i18n, audit.key_registration_deadline),
        "report_deadline" => t_string!(i18n, audit.key_report_deadline),
        "min_initiatives" => t_string!(i18n, audit.key_min_initiatives),
        "max_initiatives" => t_string!(i18n, audit.key_max_initiatives),
        "visibility" => t_string!(i18n, audit.key_visibility),
        "unit_count" => t_string!(i18n, audit.key_unit_count),
        "added" => t_string!(i18n, audit.key_added),
        "removed" => t_string!(i18n, audit.key_removed),
        "fields" => t_string!(i18n, audit.key_fields),
        "criteria" => t_string!(i18n, audit.key_criteria),
        "excellent_min" => t_string!(i18n, audit.key_excellent_min),
        "good_min" => t_string!(i18n, audit.key_good_min),
        "pass_min" => t_string!(i18n, audit.key_pass_min),
        "points_commitment" => t_string!(i18n, audit.key_points_commitment),
        "points_minimum" => t_string!(i18n, audit.key_points_minimum),
        "points_report" => t_string!(i18n, audit.key_points_report),
        "points_replication" => t_string!(i18n, audit.key_points_replication),
        "evaluation_mode" => t_string!(i18n, audit.key_evaluation_mode),
        "evaluation_weight" => t_string!(i18n, audit.key_evaluation_weight),
        "final_combine" => t_string!(i18n, audit.key_final_combine),
        "quorum" => t_string!(i18n, audit.key_quorum),
        "disagreement_percent" => t_string!(i18n, audit.key_disagreement_percent),
        "award_forms" => t_string!(i18n, audit.key_award_forms),
        "council" => t_string!(i18n, audit.key_council),
        "assignment" => t_string!(i18n, audit.key_assignment),
        "per_initiative" => t_string!(i18n, audit.key_per_initiative),
        "assigned_pairs" => t_string!(i18n, audit.key_assigned_pairs),
        "assigned" => t_string!(i18n, audit.key_assigned),
        "held_on" => t_string!(i18n, audit.key_held_on),
        "present" => t_string!(i18n, audit.key_present),
        "votes" => t_string!(i18n, audit.key_votes),
        "initiative" => t_string!(i18n, audit.key_initiative),
        "member" => t_string!(i18n, audit.key_member),
        "score" => t_string!(i18n, audit.key_score),
        "override_score" => t_string!(i18n, audit.key_override_score),
        "override_level" => t_string!(i18n, audit.key_override_level),
        "exemplary" => t_string!(i18n, audit.key_exemplary),
        "gallery_listed" => t_string!(i18n, audit.key_gallery_listed),
        "award_form" => t_string!(i18n, audit.key_award_form),
        "award_rule" => t_string!(i18n, audit.key_award_rule),
        "award_count" => t_string!(i18n, audit.key_award_count),
        "recipient" => t_string!(i18n, audit.key_recipient),
        "achievement" => t_string!(i18n, audit.key_achievement),
        "decision_number" => t_string!(i18n, audit.key_decision_number),
        "decision_date" => t_string!(i18n, audit.key_decision_date),
        "decision_signer" => t_string!(i18n, audit.key_decision_signer),
        "links_issued" => t_string!(i18n, audit.key_links_issued),
        "link_reissued" => t_string!(i18n, audit.key_link_reissued),
        "link_revoked" => t_string!(i18n, audit.key_link_revoked),
        "ceremony" => t_string!(i18n, audit.key_ceremony),
        "ceremony_order" => t_string!(i18n, audit.key_ceremony_order),
        "ceremony_stops" => t_string!(i18n, audit.key_ceremony_stops),
        _ => t_string!(i18n, audit.what),
    }
    .to_string()
}

/// One value as text; lists become one item per line.
fn value_lines(key: &str, value: &Value) -> Vec<String> {
    let i18n = use_i18n();
    let none = || t_string!(i18n, audit.none).to_string();
    match value {
        Value::Null => vec![none()],
        Value::String(s) if s.is_empty() => vec![none()],
        Value::String(s) => vec![match key {
            "state" => CampaignState::parse(s).map_or_else(|| s.clone(), state_label),
            "visibility" => Visibility::parse(s).map_or_else(|| s.clone(), visibility_label),
            "evaluation_mode" => EvaluationMode::parse(s).map_or_else(|| s.clone(), mode_label),
            "final_combine" => Combine::parse(s).map_or_else(|| s.clone(), combine_label),
            "quorum" => Quorum::parse(s).map_or_else(|| s.clone(), quorum_label),
            "score" if s == "abstained" => t_string!(i18n, audit.score_abstained).to_string(),
            "score" if s == "declared" => t_string!(i18n, audit.score_declared).to_string(),
            "score" if s == "reopened" => t_string!(i18n, audit.score_reopened).to_string(),
            "override_level" => Level::parse(s).map_or_else(|| s.clone(), level_label),
            "award_rule" => crate::domain::awards::AwardRule::stored(s, Some(1))
                .map_or_else(|| s.clone(), crate::pages::admin::campaign::awards::rule_label),
            "ceremony" => crate::domain::ceremony::Mode::parse(s)
                .map_or_else(|| s.clone(), crate::pages::admin::campaign::ceremony::mode_label),
            "ceremony_order" if s == "last_to_first" => {
                t_string!(i18n, ceremony.order_last_to_first).to_string()
            }
            "ceremony_order" if s == "by_award_form" => t_string!(i18n, ceremony.order_by_form).to_string(),
            "results" if s == "held" => t_string!(i18n, audit.results_held).to_string(),
            "results" if s == "public" => t_string!(i18n, audit.results_public).to_string(),
            "assignment" if s == "all" => t_string!(i18n, audit.assignment_all).to_string(),
            "assignment" if s == "spread" => t_string!(i18n, audit.assignment_spread).to_string(),
            _ => s.clone(),
        }],
        Value::Array(items) if items.is_empty() => vec![none()],
        Value::Array(items) => items.iter().map(list_item).collect(),
        Value::Bool(b) => vec![if *b {
            t_string!(i18n, common.yes).to_string()
        } else {
            t_string!(i18n, common.no).to_string()
        }],
        Value::Number(n) => vec![n.to_string()],
        Value::Object(_) => vec![list_item(value)],
    }
}

/// A list entry: a plain name, a criterion with its points, an award form with its recipient,
/// or a council member with his role and fields.
fn list_item(item: &Value) -> String {
    let i18n = use_i18n();
    let name = item.get("name").and_then(Value::as_str);
    let council_role = item
        .get("council_role")
        .and_then(Value::as_str)
        .and_then(CouncilRole::parse);
    if let (Some(name), Some(role)) = (name, council_role) {
        let fields: Vec<&str> = item
            .get("fields")
            .and_then(Value::as_array)
            .map(|f| f.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        return match fields.is_empty() {
            true => format!("{name} — {}", council_role_label(role)),
            false => t_string!(
                i18n,
                audit.member_fields,
                member = format!("{name} — {}", council_role_label(role)),
                fields = fields.join(", ")
            ),
        };
    }
    if let (Some(name), Some(points)) = (name, item.get("max_points").and_then(Value::as_i64)) {
        return t_string!(i18n, audit.points, name = name, points = points);
    }
    if let (Some(name), Some(recipient)) = (
        name,
        item.get("recipient")
            .and_then(Value::as_str)
            .and_then(Recipient::parse),
    ) {
        return format!("{name} — {}", recipient_label(recipient));
    }
    item.as_str().map_or_else(|| item.to_string(), str::to_owned)
}

/// The keys present in either snapshot, in reading order.
fn keys_of(before: &Value, after: &Value) -> Vec<String> {
    let mut keys: Vec<String> = [before, after]
        .iter()
        .filter_map(|v| v.as_object())
        .flat_map(|m| m.keys().cloned())
        .collect();
    keys.sort_by_key(|k| KEY_ORDER.iter().position(|o| o == k).unwrap_or(KEY_ORDER.len()));
    keys.dedup();
    keys
}

/// One block per value, so a phone's labelled table cell keeps list items under each other.
fn lines_view(lines: Vec<String>) -> impl IntoView {
    let items = lines
        .into_iter()
        .map(|line| view! { <span class="audit-line">{line}</span> })
        .collect_view();
    view! { <div class="audit-lines">{items}</div> }
}

#[component]
pub fn AuditDiff(before: Value, after: Value) -> impl IntoView {
    let i18n = use_i18n();
    let has_before = !before.is_null();
    let rows = keys_of(&before, &after)
        .into_iter()
        .map(|key| {
            let old = before.get(&key).cloned().unwrap_or(Value::Null);
            let new = after.get(&key).cloned().unwrap_or(Value::Null);
            // A creation has no "before": the column is left out.
            let before_cell = has_before.then(|| {
                view! { <td data-label=move || t_string!(i18n, audit.before)>{lines_view(value_lines(&key, &old))}</td> }
            });
            view! {
                <tr>
                    <th scope="row">{key_label(&key)}</th>
                    {before_cell}
                    <td data-label=move || {
                        t_string!(i18n, audit.after)
                    }>{lines_view(value_lines(&key, &new))}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="table audit-diff">
            <thead>
                <tr>
                    <th scope="col">{t!(i18n, audit.what)}</th>
                    {has_before.then(|| view! { <th scope="col">{t!(i18n, audit.before)}</th> })}
                    <th scope="col">{t!(i18n, audit.after)}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}
