//! The Vietnamese message for every problem and error; the one place that maps them to text.
use super::campaign_labels::{missing_text, state_label};
use crate::error::{AppError, Problem};
use crate::i18n::*;

pub fn problem_text(problem: &Problem) -> String {
    let i18n = use_i18n();
    match problem {
        Problem::Required => t_string!(i18n, errors.required).to_string(),
        Problem::TooLong { max } => t_string!(i18n, errors.too_long, max = *max),
        Problem::CodeCharacters => t_string!(i18n, errors.code_characters).to_string(),
        Problem::UnknownKind => t_string!(i18n, errors.unknown_kind).to_string(),
        Problem::UnknownRole => t_string!(i18n, errors.unknown_role).to_string(),
        Problem::UsernameFormat => t_string!(i18n, errors.username_format).to_string(),
        Problem::PasswordTooShort { min } => t_string!(i18n, errors.password_too_short, min = *min),
        Problem::UnknownParent { code } => t_string!(i18n, errors.unknown_parent, code = code),
        Problem::MovesHistory => t_string!(i18n, errors.moves_history).to_string(),
        Problem::ParentRowRefused {
            code,
            parent_row,
            rows,
        } => t_string!(
            i18n,
            errors.parent_row_refused,
            code = code,
            parent_row = *parent_row,
            rows = *rows
        ),
        Problem::DuplicateCode { first_row } => {
            t_string!(i18n, errors.duplicate_code, first_row = *first_row)
        }
        Problem::Cycle => t_string!(i18n, errors.cycle).to_string(),
        Problem::EmptyFile => t_string!(i18n, errors.empty_file).to_string(),
        Problem::MissingColumns => t_string!(i18n, errors.missing_columns).to_string(),
        Problem::UnreadableFile => t_string!(i18n, errors.unreadable_file).to_string(),
        Problem::NotUtf8 => t_string!(i18n, errors.not_utf8).to_string(),
        Problem::UnsupportedFileType => t_string!(i18n, errors.unsupported_file_type).to_string(),
        Problem::FileTooLarge { max_mb } => t_string!(i18n, errors.file_too_large, max_mb = *max_mb),
        Problem::TooManyRows { max } => t_string!(i18n, errors.too_many_rows, max = *max),
        Problem::CodeTaken => t_string!(i18n, errors.code_taken).to_string(),
        Problem::UsernameTaken => t_string!(i18n, errors.username_taken).to_string(),
        Problem::ParentNotFound => t_string!(i18n, errors.parent_not_found).to_string(),
        Problem::ParentIsDescendant => t_string!(i18n, errors.parent_is_descendant).to_string(),
        Problem::BadCredentials => t_string!(i18n, errors.bad_credentials).to_string(),
        Problem::AccountDisabled => t_string!(i18n, errors.account_disabled).to_string(),
        Problem::WrongPassword => t_string!(i18n, errors.wrong_password).to_string(),
        Problem::PasswordMismatch => t_string!(i18n, errors.password_mismatch).to_string(),
        Problem::DisableSelf => t_string!(i18n, errors.disable_self).to_string(),
        Problem::OwnPasswordElsewhere => t_string!(i18n, errors.own_password_elsewhere).to_string(),
        Problem::InvalidDate => t_string!(i18n, errors.invalid_date).to_string(),
        Problem::NotAWholeNumber => t_string!(i18n, errors.not_a_whole_number).to_string(),
        Problem::NotADecimal => t_string!(i18n, errors.not_a_decimal).to_string(),
        Problem::OutOfRange { min, max } => t_string!(i18n, errors.out_of_range, min = *min, max = *max),
        Problem::EndBeforeStart => t_string!(i18n, errors.end_before_start).to_string(),
        Problem::OutsidePeriod => t_string!(i18n, errors.outside_period).to_string(),
        Problem::ReportNotAfterRegistration => {
            t_string!(i18n, errors.report_not_after_registration).to_string()
        }
        Problem::RegistrationNotBeforeReport => {
            t_string!(i18n, errors.registration_not_before_report).to_string()
        }
        Problem::ThresholdNotBelow => t_string!(i18n, errors.threshold_not_below).to_string(),
        Problem::DuplicateName => t_string!(i18n, errors.duplicate_name).to_string(),
        Problem::DuplicateLine { line } => t_string!(i18n, errors.duplicate_line, line = *line),
        Problem::TooManyItems { max } => t_string!(i18n, errors.too_many_items, max = *max),
        Problem::UnitNotFound => t_string!(i18n, errors.unit_not_found).to_string(),
        Problem::OutsideScope => t_string!(i18n, errors.outside_scope).to_string(),
        Problem::NotUnderOrganizer => t_string!(i18n, errors.not_under_organizer).to_string(),
        Problem::Locked { state } => t_string!(i18n, errors.locked, state = state_label(*state)),
        Problem::Missing { item } => t_string!(i18n, errors.missing, item = missing_text(*item)),
        Problem::TransitionNotAllowed => t_string!(i18n, errors.transition_not_allowed).to_string(),
        Problem::NotADraft => t_string!(i18n, errors.not_a_draft).to_string(),
        Problem::NotLater { current } => t_string!(i18n, errors.not_later, current = current),
        Problem::UnknownChoice => t_string!(i18n, errors.unknown_choice).to_string(),
        Problem::DateAfter { latest } => t_string!(i18n, errors.date_after, latest = latest),
        Problem::FutureDate { today } => t_string!(i18n, errors.future_date, today = today),
        Problem::BeforeFirstApplied { earliest } => {
            t_string!(i18n, errors.before_first_applied, earliest = earliest)
        }
        Problem::OwnInitiative => t_string!(i18n, errors.own_initiative).to_string(),
        Problem::AlreadyReplicated => t_string!(i18n, errors.already_replicated).to_string(),
        Problem::SharesNotHundred { total } => t_string!(i18n, errors.shares_not_hundred, total = *total),
        Problem::FileType => t_string!(i18n, errors.file_type).to_string(),
        Problem::FilesTooLarge { max_mb } => t_string!(i18n, errors.files_too_large, max_mb = *max_mb),
        Problem::TooManyFiles { max } => t_string!(i18n, errors.too_many_files, max = *max),
        Problem::AlreadySigned => t_string!(i18n, errors.already_signed).to_string(),
        Problem::RegistrationClosed => t_string!(i18n, errors.registration_closed).to_string(),
        Problem::InitiativeCap { max } => t_string!(i18n, errors.initiative_cap, max = *max),
        Problem::ReportClosed => t_string!(i18n, errors.report_closed).to_string(),
        Problem::Confirm => t_string!(i18n, errors.confirm).to_string(),
        Problem::ReceiptFormat => t_string!(i18n, errors.receipt_format).to_string(),
        Problem::Choose => t_string!(i18n, errors.choose).to_string(),
        Problem::AwardFormInUse { name } => {
            t_string!(i18n, errors.award_form_in_use, name = name.clone()).to_string()
        }
        Problem::AlreadyAwarded => t_string!(i18n, errors.already_awarded).to_string(),
        Problem::AwardsNotOpen => t_string!(i18n, errors.awards_not_open).to_string(),
        Problem::MemberHasScores => t_string!(i18n, errors.member_has_scores).to_string(),
        Problem::NotAHalfPoint => t_string!(i18n, errors.not_a_half_point).to_string(),
        Problem::StaleVersion => t_string!(i18n, errors.stale_version).to_string(),
        Problem::NotScoring => t_string!(i18n, errors.not_scoring).to_string(),
        Problem::AlreadySubmitted => t_string!(i18n, errors.already_submitted).to_string(),
        Problem::NotSubmitted => t_string!(i18n, errors.not_submitted).to_string(),
        Problem::BelowQuorum { count } => t_string!(i18n, errors.below_quorum, count = *count),
        Problem::ChairPublishes => t_string!(i18n, errors.chair_publishes).to_string(),
        Problem::NotSpreading => t_string!(i18n, errors.not_spreading).to_string(),
        Problem::CannotScoreThis => t_string!(i18n, errors.cannot_score_this).to_string(),
        Problem::CeremonyNotReady => t_string!(i18n, errors.ceremony_not_ready).to_string(),
        Problem::CeremonyRunning => t_string!(i18n, errors.ceremony_running).to_string(),
    }
}

/// A sentence for errors that do not belong to one field.
pub fn error_text(error: &AppError) -> String {
    let i18n = use_i18n();
    match error {
        AppError::Unauthorized => t_string!(i18n, errors.unauthorized).to_string(),
        AppError::Forbidden => t_string!(i18n, errors.forbidden).to_string(),
        AppError::NotFound => t_string!(i18n, errors.not_found).to_string(),
        AppError::Invalid(_) => t_string!(i18n, common.problem_title).to_string(),
        AppError::Internal => t_string!(i18n, errors.internal).to_string(),
        AppError::Unavailable => t_string!(i18n, errors.unavailable).to_string(),
        AppError::Transport(_) => t_string!(i18n, errors.network).to_string(),
        AppError::LinkInvalid => t_string!(i18n, errors.link_invalid).to_string(),
        AppError::NoUnitLink => t_string!(i18n, errors.no_unit_link).to_string(),
    }
}
