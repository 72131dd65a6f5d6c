//! The reveal ceremony's script and what a screen shows at each step. Rules: the script is made
//! from the final standings and the awards when the organizer prepares the ceremony; in the
//! order "last place to first" every unit's row is revealed from the bottom up, and after a
//! unit's row each of its award lines marked as a stop shows its citation card; in the order
//! "by award form" the cards come form by form and the standings are revealed at the end. What
//! a screen shows at step `k` (`stage_at`) is made from steps `0..=k` alone, so nothing beyond the
//! current step can reach a screen: the screens are sent stages, never the script.
use serde::{Deserialize, Serialize};

/// How the ceremony runs through the results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Order {
    LastToFirst,
    ByAwardForm,
}

impl Order {
    pub fn as_str(self) -> &'static str {
        match self {
            Order::LastToFirst => "last_to_first",
            Order::ByAwardForm => "by_award_form",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        [Order::LastToFirst, Order::ByAwardForm]
            .into_iter()
            .find(|o| o.as_str() == raw)
    }
}

/// Where a ceremony stands. Only a `Live` one reaches the screens; a `Rehearsal` moves the
/// console alone; `Finished` hands the screens back to the (now public) board.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Mode {
    Prepared,
    Rehearsal,
    Live,
    Finished,
}

impl Mode {
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Prepared => "prepared",
            Mode::Rehearsal => "rehearsal",
            Mode::Live => "live",
            Mode::Finished => "finished",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        [Mode::Prepared, Mode::Rehearsal, Mode::Live, Mode::Finished]
            .into_iter()
            .find(|m| m.as_str() == raw)
    }

    /// A console may move its steps.
    pub fn running(self) -> bool {
        matches!(self, Mode::Rehearsal | Mode::Live)
    }
}

/// What must hold before a ceremony (or its rehearsal) may start.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CheckItem {
    /// The council has published the results.
    ResultsPublished,
    /// At least one award is given.
    AwardsGiven,
    /// Every form with recipients has its decision (number, date, signer).
    DecisionsRecorded,
    /// Every individual recipient has a name and a position.
    RecipientsNamed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Check {
    pub item: CheckItem,
    pub done: bool,
}

/// The facts the checklist is read from.
#[derive(Debug, Clone, Copy, Default)]
pub struct Readiness {
    pub published: bool,
    pub awards: usize,
    pub undecided_forms: usize,
    pub unnamed_recipients: usize,
}

pub fn checklist(facts: Readiness) -> Vec<Check> {
    let check = |item, done| Check { item, done };
    vec![
        check(CheckItem::ResultsPublished, facts.published),
        check(CheckItem::AwardsGiven, facts.awards > 0),
        check(
            CheckItem::DecisionsRecorded,
            facts.awards > 0 && facts.undecided_forms == 0,
        ),
        check(
            CheckItem::RecipientsNamed,
            facts.awards > 0 && facts.unnamed_recipients == 0,
        ),
    ]
}

/// Whether every item of a checklist is done.
pub fn ready(checks: &[Check]) -> bool {
    checks.iter().all(|c| c.done)
}

/// One unit's line of the final standings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Row {
    pub unit_id: i64,
    pub unit_name: String,
    pub place: usize,
    pub score_hundredths: i64,
}

/// The card shown when an award line stops the reveal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Citation {
    pub form: String,
    /// A tập thể award (else cá nhân).
    pub collective: bool,
    /// The unit, or the person's name.
    pub recipient: String,
    /// A person's position.
    pub position: Option<String>,
    pub unit_name: String,
    pub initiative: Option<String>,
    /// A photo's address, when the organizer gave one.
    pub photo: Option<String>,
}

/// An award line of the ceremony: its form's position, the unit it belongs to, its card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AwardLine {
    pub form_position: i32,
    pub unit_id: i64,
    /// Whether the reveal stops on it with its card.
    pub stop: bool,
    pub citation: Citation,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Step {
    /// The standings are frozen; nothing is revealed yet (how many units there are is no secret).
    Opening {
        units: usize,
    },
    Reveal(Row),
    Card(Citation),
    /// Everything: the final standings, best first.
    Finale {
        rows: Vec<Row>,
    },
}

/// The script: `rows` best first, `awards` in the order they were given.
pub fn script(order: Order, rows: &[Row], awards: &[AwardLine]) -> Vec<Step> {
    let stops = |line: &&AwardLine| line.stop;
    let mut steps = vec![Step::Opening { units: rows.len() }];
    match order {
        Order::LastToFirst => {
            for row in rows.iter().rev() {
                steps.push(Step::Reveal(row.clone()));
                steps.extend(
                    awards
                        .iter()
                        .filter(stops)
                        .filter(|a| a.unit_id == row.unit_id)
                        .map(|a| Step::Card(a.citation.clone())),
                );
            }
        }
        Order::ByAwardForm => {
            let mut lines: Vec<&AwardLine> = awards.iter().filter(stops).collect();
            // Stable: within a form, the order they were given.
            lines.sort_by_key(|a| a.form_position);
            steps.extend(lines.into_iter().map(|a| Step::Card(a.citation.clone())));
        }
    }
    steps.push(Step::Finale { rows: rows.to_vec() });
    steps
}

/// What every screen shows at one step.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stage {
    /// 0-based step, and how many steps the ceremony has.
    pub step: usize,
    pub steps: usize,
    /// The rows revealed so far, best first.
    pub revealed: Vec<Row>,
    /// Rows still hidden (shown as blank lines, their number is no secret).
    pub hidden: usize,
    /// The row revealed at this step, for its slide-in.
    pub just_revealed: Option<i64>,
    pub card: Option<Citation>,
    pub finale: bool,
}

/// The stage at step `k` (clamped to the last step), from `steps[..=k]` only.
pub fn stage_at(steps: &[Step], k: usize) -> Stage {
    let k = k.min(steps.len().saturating_sub(1));
    let seen = steps.get(..=k).unwrap_or_default();
    let units = match seen.first() {
        Some(Step::Opening { units }) => *units,
        _ => 0,
    };
    let (mut revealed, finale) = match seen.last() {
        Some(Step::Finale { rows }) => (rows.clone(), true),
        _ => (
            seen.iter()
                .filter_map(|s| match s {
                    Step::Reveal(row) => Some(row.clone()),
                    _ => None,
                })
                .collect(),
            false,
        ),
    };
    revealed.sort_by_key(|r| (r.place, r.unit_id));
    let (just_revealed, card) = match seen.last() {
        Some(Step::Reveal(row)) => (Some(row.unit_id), None),
        Some(Step::Card(c)) => (None, Some(c.clone())),
        _ => (None, None),
    };
    Stage {
        step: k,
        steps: steps.len(),
        hidden: units.saturating_sub(revealed.len()),
        revealed,
        just_revealed,
        card,
        finale,
    }
}

#[cfg(test)]
mod tests;
