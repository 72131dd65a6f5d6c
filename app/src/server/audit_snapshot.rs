//! JSON snapshots of each audited part of a campaign. Keys are stable identifiers (the audit
//! page labels them in Vietnamese); dates are stored as shown, `dd/mm/yyyy` and `HH:mm`.
use crate::domain::campaign::numbers::format_weight;
use crate::domain::deadline::{format_date, Deadline};
use crate::wire::campaigns::CampaignDetail;
use serde_json::{json, Value};

pub fn general(c: &CampaignDetail) -> Value {
    let s = &c.schedule;
    json!({
        "title": c.title,
        "theme": c.theme,
        "plan_ref": c.plan_ref,
        "plan_date": c.plan_date.map(format_date),
        "organizer": c.organizer.name,
        "period_start": s.period_start.map(format_date),
        "period_end": s.period_end.map(format_date),
        "registration_deadline": s.registration_deadline.map(Deadline::date_time_text),
        "report_deadline": s.report_deadline.map(Deadline::date_time_text),
        "min_initiatives": c.min_initiatives,
        "max_initiatives": c.max_initiatives,
        "visibility": c.visibility.as_str(),
    })
}

pub fn fields(c: &CampaignDetail) -> Value {
    json!({ "fields": c.fields })
}

pub fn criteria(c: &CampaignDetail) -> Value {
    json!({
        "criteria": c.criteria,
        "excellent_min": c.thresholds.map(|t| t.excellent),
        "good_min": c.thresholds.map(|t| t.good),
        "pass_min": c.thresholds.map(|t| t.pass),
    })
}

pub fn scoring(c: &CampaignDetail) -> Value {
    let s = &c.scoring;
    json!({
        "points_commitment": s.points_commitment,
        "points_minimum": s.points_minimum,
        "points_report": s.points_report,
        "points_replication": s.points_replication,
        "evaluation_mode": s.evaluation_mode.as_str(),
        "evaluation_weight": format_weight(s.evaluation_weight),
        "final_combine": s.final_combine.as_str(),
        "quorum": s.quorum.as_str(),
        "disagreement_percent": s.disagreement_percent,
        "award_forms": c.award_forms,
    })
}

/// Only the keys whose values differ, so a row shows exactly what changed.
pub fn changed_keys(before: &Value, after: &Value) -> (Value, Value) {
    let (Some(b), Some(a)) = (before.as_object(), after.as_object()) else {
        return (before.clone(), after.clone());
    };
    let mut old = serde_json::Map::new();
    let mut new = serde_json::Map::new();
    for (key, value) in a {
        let previous = b.get(key).cloned().unwrap_or(Value::Null);
        if &previous != value {
            old.insert(key.clone(), previous);
            new.insert(key.clone(), value.clone());
        }
    }
    (Value::Object(old), Value::Object(new))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_changed_keys_are_kept() {
        let before = json!({"title": "A", "theme": "T", "min_initiatives": 1});
        let after = json!({"title": "B", "theme": "T", "min_initiatives": 2});
        let (old, new) = changed_keys(&before, &after);
        assert_eq!(old, json!({"title": "A", "min_initiatives": 1}));
        assert_eq!(new, json!({"title": "B", "min_initiatives": 2}));
    }
}
