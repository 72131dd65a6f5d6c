//! Award rules and the recipients they propose. Rules: a form to collectives may propose "the
//! first N units by score" (following shared places: a place that straddles N is listed for the
//! organizer to decide, not proposed) or "units with an initiative rated hoàn thành xuất sắc"; a
//! form to individuals may propose "authors of exemplary initiatives" or "authors of recognised
//! initiatives". A recipient already awarded for the same achievement (a unit in this campaign,
//! a person for the same initiative) is never proposed again: the law forbids rewarding one
//! achievement twice, and the database refuses it too.
use super::campaign::Recipient;
use super::council::decision::Level;
use super::ranking::{first_places, Standing};
use crate::error::Problem;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// The most units "the first N" may name.
pub const FIRST_UNITS_MAX: i32 = 1000;

/// How an award form proposes its recipients.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AwardRule {
    /// No proposal: the organizer names every recipient.
    None,
    FirstUnits(i32),
    ExcellentUnits,
    ExemplaryAuthors,
    RecognisedAuthors,
}

impl AwardRule {
    /// The rules a form to `recipient` may have (with N = 3 for "the first N").
    pub fn choices(recipient: Recipient) -> Vec<AwardRule> {
        match recipient {
            Recipient::Collective => vec![
                AwardRule::None,
                AwardRule::FirstUnits(3),
                AwardRule::ExcellentUnits,
            ],
            Recipient::Individual => vec![
                AwardRule::None,
                AwardRule::ExemplaryAuthors,
                AwardRule::RecognisedAuthors,
            ],
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            AwardRule::None => "none",
            AwardRule::FirstUnits(_) => "first_units",
            AwardRule::ExcellentUnits => "excellent_units",
            AwardRule::ExemplaryAuthors => "exemplary_authors",
            AwardRule::RecognisedAuthors => "recognised_authors",
        }
    }

    /// As stored: the rule's name and, for "the first N", N.
    pub fn stored(raw: &str, count: Option<i32>) -> Option<Self> {
        Some(match raw {
            "none" => AwardRule::None,
            "first_units" => AwardRule::FirstUnits(count?),
            "excellent_units" => AwardRule::ExcellentUnits,
            "exemplary_authors" => AwardRule::ExemplaryAuthors,
            "recognised_authors" => AwardRule::RecognisedAuthors,
            _ => return None,
        })
    }

    /// As typed on the awards page for a form to `recipient`.
    pub fn parse(raw: &str, count: &str, recipient: Recipient) -> Result<Self, (&'static str, Problem)> {
        let rule = match raw {
            "first_units" => {
                let n: i32 = count
                    .trim()
                    .parse()
                    .map_err(|_| ("count", Problem::NotAWholeNumber))?;
                if !(1..=FIRST_UNITS_MAX).contains(&n) {
                    let max = i64::from(FIRST_UNITS_MAX);
                    return Err(("count", Problem::OutOfRange { min: 1, max }));
                }
                AwardRule::FirstUnits(n)
            }
            other => AwardRule::stored(other, None).ok_or(("rule", Problem::UnknownChoice))?,
        };
        let fits = AwardRule::choices(recipient)
            .iter()
            .any(|c| c.as_str() == rule.as_str());
        if fits {
            Ok(rule)
        } else {
            Err(("rule", Problem::UnknownChoice))
        }
    }

    pub fn count(self) -> Option<i32> {
        match self {
            AwardRule::FirstUnits(n) => Some(n),
            _ => None,
        }
    }
}

/// Someone an award may go to: a participating unit, or a named author of one initiative.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Candidate {
    Unit(i64),
    Author { initiative_id: i64, position: i32 },
}

impl Candidate {
    /// As a form's value: `u12` (unit 12), `a34-2` (initiative 34's second author).
    pub fn key(&self) -> String {
        match self {
            Candidate::Unit(id) => format!("u{id}"),
            Candidate::Author {
                initiative_id,
                position,
            } => format!("a{initiative_id}-{position}"),
        }
    }

    pub fn parse(key: &str) -> Option<Self> {
        if let Some(id) = key.strip_prefix('u') {
            return id.parse().ok().map(Candidate::Unit);
        }
        let (initiative, position) = key.strip_prefix('a')?.split_once('-')?;
        Some(Candidate::Author {
            initiative_id: initiative.parse().ok()?,
            position: position.parse().ok()?,
        })
    }

    /// Whether a form to `recipient` may go to this candidate.
    pub fn suits(&self, recipient: Recipient) -> bool {
        matches!(
            (self, recipient),
            (Candidate::Unit(_), Recipient::Collective) | (Candidate::Author { .. }, Recipient::Individual)
        )
    }
}

/// What the rules read of a campaign's results.
#[derive(Debug, Clone, Default)]
pub struct AwardFacts {
    /// The units' standings with evaluation, best first.
    pub standings: Vec<Standing>,
    pub initiatives: Vec<InitiativeFacts>,
}

#[derive(Debug, Clone)]
pub struct InitiativeFacts {
    pub id: i64,
    pub unit_id: i64,
    pub level: Option<Level>,
    pub exemplary: bool,
    pub recognised: bool,
    /// Positions of its named authors (none for a collective author).
    pub authors: Vec<i32>,
}

/// A rule's proposal: recipients to add, and the units tied at its cut for a person to decide.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Proposal {
    pub proposed: Vec<Candidate>,
    pub tied_at_cut: Vec<Candidate>,
}

/// What `rule` proposes, leaving out everyone in `awarded` (already holding an award for the
/// same achievement).
pub fn propose(rule: AwardRule, facts: &AwardFacts, awarded: &HashSet<Candidate>) -> Proposal {
    let fresh = |c: &Candidate| !awarded.contains(c);
    let authors_of = |keep: &dyn Fn(&InitiativeFacts) -> bool| -> Vec<Candidate> {
        facts
            .initiatives
            .iter()
            .filter(|i| keep(i))
            .flat_map(|i| {
                i.authors.iter().map(|&position| Candidate::Author {
                    initiative_id: i.id,
                    position,
                })
            })
            .filter(fresh)
            .collect()
    };
    match rule {
        AwardRule::None => Proposal::default(),
        AwardRule::FirstUnits(n) => {
            let cut = first_places(&facts.standings, usize::try_from(n).unwrap_or(0));
            let units = |ids: Vec<i64>| ids.into_iter().map(Candidate::Unit).filter(fresh).collect();
            Proposal {
                proposed: units(cut.within),
                tied_at_cut: units(cut.tied_at_cut),
            }
        }
        AwardRule::ExcellentUnits => {
            let excellent: HashSet<i64> = facts
                .initiatives
                .iter()
                .filter(|i| i.level == Some(Level::Excellent))
                .map(|i| i.unit_id)
                .collect();
            // In the order of the standings: the best first.
            let proposed = facts
                .standings
                .iter()
                .filter(|s| excellent.contains(&s.unit_id))
                .map(|s| Candidate::Unit(s.unit_id))
                .filter(fresh)
                .collect();
            Proposal {
                proposed,
                tied_at_cut: Vec::new(),
            }
        }
        AwardRule::ExemplaryAuthors => Proposal {
            proposed: authors_of(&|i| i.exemplary),
            tied_at_cut: Vec::new(),
        },
        AwardRule::RecognisedAuthors => Proposal {
            proposed: authors_of(&|i| i.recognised),
            tied_at_cut: Vec::new(),
        },
    }
}

#[cfg(test)]
mod tests;
