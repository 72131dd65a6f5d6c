//! The one error type of server functions. User-fixable problems come back as `Invalid` with the
//! field each one belongs to; the browser never sees SQL or internal detail (`Internal`).
use crate::domain::campaign::readiness::Missing;
use crate::domain::campaign_state::CampaignState;
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

/// Something wrong with what a person typed or uploaded; each has its Vietnamese message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Problem {
    Required,
    TooLong {
        max: usize,
    },
    CodeCharacters,
    UnknownKind,
    UnknownRole,
    UsernameFormat,
    PasswordTooShort {
        min: usize,
    },
    UnknownParent {
        code: String,
    },
    /// A unit of a past or running campaign cannot move to another parent (history stays).
    MovesHistory,
    /// Rows whose parent is a row of the same file that was refused (reported once per parent).
    ParentRowRefused {
        code: String,
        parent_row: usize,
        rows: usize,
    },
    DuplicateCode {
        first_row: usize,
    },
    Cycle,
    EmptyFile,
    MissingColumns,
    UnreadableFile,
    NotUtf8,
    UnsupportedFileType,
    FileTooLarge {
        max_mb: usize,
    },
    TooManyRows {
        max: usize,
    },
    CodeTaken,
    UsernameTaken,
    ParentNotFound,
    ParentIsDescendant,
    BadCredentials,
    /// The right password of an account an admin has disabled.
    AccountDisabled,
    /// The current password given to change it is wrong.
    WrongPassword,
    /// The repeated new password differs.
    PasswordMismatch,
    /// An admin cannot disable the account it is signed in with.
    DisableSelf,
    /// An admin's own password is changed with the current one, not set from the account page.
    OwnPasswordElsewhere,
    InvalidDate,
    NotAWholeNumber,
    NotADecimal,
    OutOfRange {
        min: i64,
        max: i64,
    },
    EndBeforeStart,
    OutsidePeriod,
    ReportNotAfterRegistration,
    RegistrationNotBeforeReport,
    ThresholdNotBelow,
    DuplicateName,
    DuplicateLine {
        line: usize,
    },
    TooManyItems {
        max: usize,
    },
    UnitNotFound,
    NotUnderOrganizer,
    /// An organizer's import names a unit that would not lie below its own unit.
    OutsideScope,
    Locked {
        state: CampaignState,
    },
    Missing {
        item: Missing,
    },
    TransitionNotAllowed,
    /// Only a draft that was never opened may be deleted.
    NotADraft,
    NotLater {
        current: String,
    },
    UnknownChoice,
    DateAfter {
        latest: String,
    },
    SharesNotHundred {
        total: i32,
    },
    FileType,
    FilesTooLarge {
        max_mb: usize,
    },
    TooManyFiles {
        max: usize,
    },
    AlreadySigned,
    RegistrationClosed,
    /// The unit has registered the campaign's maximum of initiatives.
    InitiativeCap {
        max: i32,
    },
    ReportClosed,
    Confirm,
    ReceiptFormat,
    Choose,
    /// A council member who has submitted scores stays: his scores count.
    MemberHasScores,
    /// An award form that has recipients cannot be removed nor change whom it goes to.
    AwardFormInUse {
        name: String,
    },
    /// The recipient already holds an award for this achievement in this campaign.
    AlreadyAwarded,
    /// Awards are decided once results are published, until the campaign closes.
    AwardsNotOpen,
    /// A score is a whole or half point: "7" or "7,5".
    NotAHalfPoint,
    /// The score was saved from elsewhere (another tab) since this form was opened.
    StaleVersion,
    /// Scoring happens only while the campaign is being evaluated.
    NotScoring,
    /// A submitted score stays as it is unless the chair reopens it.
    AlreadySubmitted,
    /// Only a submitted sheet can be reopened.
    NotSubmitted,
    /// Initiatives below quorum the chair has not confirmed.
    BelowQuorum {
        count: usize,
    },
    /// A campaign with a council chair is published by the chair.
    ChairPublishes,
    /// Initiatives are given to members one by one only when the campaign spreads them.
    NotSpreading,
    /// The member may not score this initiative (another field, or a conflict).
    CannotScoreThis,
    /// The ceremony's checklist is not complete.
    CeremonyNotReady,
    /// The ceremony has started: its plan stays as it is, or the step asked for is not there.
    CeremonyRunning,
    /// A day that has not come yet (Vietnam time).
    FutureDate {
        today: String,
    },
    /// A replication dated before the initiative was first applied.
    BeforeFirstApplied {
        earliest: String,
    },
    /// A unit does not replicate its own initiative.
    OwnInitiative,
    /// The unit's replication of this initiative is already recorded.
    AlreadyReplicated,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub problem: Problem,
}

impl FieldError {
    pub fn new(field: &str, problem: Problem) -> Self {
        Self {
            field: field.to_owned(),
            problem,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("not signed in")]
    Unauthorized,
    #[error("not allowed")]
    Forbidden,
    #[error("not found")]
    NotFound,
    #[error("invalid input")]
    Invalid(Vec<FieldError>),
    #[error("internal error")]
    Internal,
    /// The database cannot be reached for now (restarting, failing over): the same request may
    /// succeed in a moment.
    #[error("temporarily unavailable")]
    Unavailable,
    #[error("request failed: {0}")]
    Transport(String),
    /// A unit link that is unknown or revoked (the two are not told apart).
    #[error("unit link not valid")]
    LinkInvalid,
    /// A unit page opened on a device that has not opened the unit's link.
    #[error("no unit link on this device")]
    NoUnitLink,
}

impl AppError {
    /// One problem at one field.
    pub fn field(field: &str, problem: Problem) -> Self {
        AppError::Invalid(vec![FieldError::new(field, problem)])
    }

    /// The problems that belong to `field`.
    pub fn problems_at(&self, field: &str) -> Vec<Problem> {
        match self {
            AppError::Invalid(errors) => errors
                .iter()
                .filter(|e| e.field == field)
                .map(|e| e.problem.clone())
                .collect(),
            _ => Vec::new(),
        }
    }

    pub fn status_code(&self) -> u16 {
        match self {
            AppError::Unauthorized => 401,
            AppError::Forbidden => 403,
            AppError::NotFound | AppError::LinkInvalid => 404,
            AppError::NoUnitLink => 401,
            AppError::Invalid(_) => 422,
            // A request the server could not read (cut off, malformed): the caller's to fix.
            AppError::Transport(_) => 400,
            AppError::Internal => 500,
            AppError::Unavailable => 503,
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        AppError::Transport(value.to_string())
    }
}

/// Collects field problems from several parses and fails with all of them at once.
#[derive(Default)]
pub struct Checks(Vec<FieldError>);

impl Checks {
    pub fn check<T>(&mut self, field: &str, parsed: Result<T, Problem>) -> Option<T> {
        parsed.map_err(|p| self.0.push(FieldError::new(field, p))).ok()
    }

    /// Adds problems found by a rule that spans several fields.
    pub fn extend(&mut self, problems: Vec<FieldError>) {
        self.0.extend(problems);
    }

    pub fn finish(self) -> Result<(), AppError> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(AppError::Invalid(self.0))
        }
    }
}
