//! Kinds of audited change. Each kind names the part of a campaign that changed; scores,
//! publication and awards join this list as they arrive.
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AuditKind {
    Created,
    General,
    Units,
    Fields,
    Criteria,
    Scoring,
    Deadline,
    State,
    Links,
    Council,
    /// A member's submitted score, abstention or declared conflict.
    Scores,
    /// Award rules, recipients added or removed, and award decisions.
    Awards,
    /// The reveal ceremony's plan, its start and its end.
    Ceremony,
}

impl AuditKind {
    pub const ALL: [AuditKind; 13] = [
        AuditKind::Created,
        AuditKind::General,
        AuditKind::Units,
        AuditKind::Fields,
        AuditKind::Criteria,
        AuditKind::Scoring,
        AuditKind::Deadline,
        AuditKind::State,
        AuditKind::Links,
        AuditKind::Council,
        AuditKind::Scores,
        AuditKind::Awards,
        AuditKind::Ceremony,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AuditKind::Created => "created",
            AuditKind::General => "general",
            AuditKind::Units => "units",
            AuditKind::Fields => "fields",
            AuditKind::Criteria => "criteria",
            AuditKind::Scoring => "scoring",
            AuditKind::Deadline => "deadline",
            AuditKind::State => "state",
            AuditKind::Links => "links",
            AuditKind::Council => "council",
            AuditKind::Scores => "scores",
            AuditKind::Awards => "awards",
            AuditKind::Ceremony => "ceremony",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == raw)
    }

    /// The entity the change is about (later: initiative, score, award).
    pub fn entity(self) -> &'static str {
        "campaign"
    }
}

#[cfg(test)]
mod tests {
    use super::AuditKind;

    #[test]
    fn every_kind_round_trips_through_its_identifier() {
        for kind in AuditKind::ALL {
            assert_eq!(AuditKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(AuditKind::parse("points"), None);
    }
}
