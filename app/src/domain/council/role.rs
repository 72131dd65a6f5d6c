//! A member's place in the council: the chair (Chủ tịch) publishes and settles disputes, the
//! secretary (Thư ký) records the meeting; both also score like every member. At most one of each.
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CouncilRole {
    Chair,
    Secretary,
    Member,
}

impl CouncilRole {
    pub const ALL: [CouncilRole; 3] = [CouncilRole::Chair, CouncilRole::Secretary, CouncilRole::Member];

    pub fn as_str(self) -> &'static str {
        match self {
            CouncilRole::Chair => "chair",
            CouncilRole::Secretary => "secretary",
            CouncilRole::Member => "member",
        }
    }

    pub fn parse(raw: &str) -> Option<CouncilRole> {
        Self::ALL.into_iter().find(|r| r.as_str() == raw)
    }
}
