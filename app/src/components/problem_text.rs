//! The Vietnamese message for every problem and error; the one place that maps them to text.
//! Read straight from the one locale, not the translations context, so the forms' islands
//! (which have none) can show them too.
use super::campaign_labels::{missing_text, state_label};
use crate::error::{AppError, Problem};
use crate::i18n::*;

pub fn problem_text(problem: &Problem) -> String {
    match problem {
        Problem::Required => td_string!(Locale::vi, errors.required).to_string(),
        Problem::TooLong { max } => td_string!(Locale::vi, errors.too_long, max = *max),
        Problem::CodeCharacters => td_string!(Locale::vi, errors.code_characters).to_string(),
        Problem::UnknownKind => td_string!(Locale::vi, errors.unknown_kind).to_string(),
        Problem::UnknownRole => td_string!(Locale::vi, errors.unknown_role).to_string(),
        Problem::UsernameFormat => td_string!(Locale::vi, errors.username_format).to_string(),
        Problem::PasswordTooShort { min } => td_string!(Locale::vi, errors.password_too_short, min = *min),
        Problem::UnknownParent { code } => td_string!(Locale::vi, errors.unknown_parent, code = code),
        Problem::MovesHistory => td_string!(Locale::vi, errors.moves_history).to_string(),
        Problem::ParentRowRefused {
            code,
            parent_row,
            rows,
        } => td_string!(
            Locale::vi,
            errors.parent_row_refused,
            code = code,
            parent_row = *parent_row,
            rows = *rows
        ),
        Problem::DuplicateCode { first_row } => {
            td_string!(Locale::vi, errors.duplicate_code, first_row = *first_row)
        }
        Problem::Cycle => td_string!(Locale::vi, errors.cycle).to_string(),
        Problem::EmptyFile => td_string!(Locale::vi, errors.empty_file).to_string(),
        Problem::MissingColumns => td_string!(Locale::vi, errors.missing_columns).to_string(),
        Problem::UnreadableFile => td_string!(Locale::vi, errors.unreadable_file).to_string(),
        Problem::NotUtf8 => td_string!(Locale::vi, errors.not_utf8).to_string(),
        Problem::UnsupportedFileType => td_string!(Locale::vi, errors.unsupported_file_type).to_string(),
        Problem::FileTooLarge { max_mb } => td_string!(Locale::vi, errors.file_too_large, max_mb = *max_mb),
        Problem::TooManyRows { max } => td_string!(Locale::vi, errors.too_many_rows, max = *max),
        Problem::CodeTaken => td_string!(Locale::vi, errors.code_taken).to_string(),
        Problem::UsernameTaken => td_string!(Locale::vi, errors.username_taken).to_string(),
        Problem::ParentNotFound => td_string!(Locale::vi, errors.parent_not_found).to_string(),
        Problem::ParentIsDescendant => td_string!(Locale::vi, errors.parent_is_descendant).to_string(),
        Problem::BadCredentials => td_string!(Locale::vi, errors.bad_credentials).to_string(),
        Problem::AccountDisabled => td_string!(Locale::vi, errors.account_disabled).to_string(),
        Problem::WrongPassword => td_string!(Locale::vi, errors.wrong_password).to_string(),
        Problem::PasswordMismatch => td_string!(Locale::vi, errors.password_mismatch).to_string(),
        Problem::DisableSelf => td_string!(Locale::vi, errors.disable_self).to_string(),
        Problem::OwnPasswordElsewhere => td_string!(Locale::vi, errors.own_password_elsewhere).to_string(),
        Problem::InvalidDate => td_string!(Locale::vi, errors.invalid_date).to_string(),
        Problem::NotAWholeNumber => td_string!(Locale::vi, errors.not_a_whole_number).to_string(),
        Problem::NotADecimal => td_string!(Locale::vi, errors.not_a_decimal).to_string(),
        Problem::OutOfRange { min, max } => {
            td_string!(Locale::vi, errors.out_of_range, min = *min, max = *max)
        }
        Problem::EndBeforeStart => td_string!(Locale::vi, errors.end_before_start).to_string(),
        Problem::OutsidePeriod => td_string!(Locale::vi, errors.outside_period).to_string(),
        Problem::ReportNotAfterRegistration => {
            td_string!(Locale::vi, errors.report_not_after_registration).to_string()
        }
        Problem::RegistrationNotBeforeReport => {
            td_string!(Locale::vi, errors.registration_not_before_report).to_string()
        }
        Problem::ThresholdNotBelow => td_string!(Locale::vi, errors.threshold_not_below).to_string(),
        Problem::DuplicateName => td_string!(Locale::vi, errors.duplicate_name).to_string(),
        Problem::DuplicateLine { line } => td_string!(Locale::vi, errors.duplicate_line, line = *line),
        Problem::TooManyItems { max } => td_string!(Locale::vi, errors.too_many_items, max = *max),
        Problem::UnitNotFound => td_string!(Locale::vi, errors.unit_not_found).to_string(),
        Problem::OutsideScope => td_string!(Locale::vi, errors.outside_scope).to_string(),
        Problem::NotUnderOrganizer => td_string!(Locale::vi, errors.not_under_organizer).to_string(),
        Problem::Locked { state } => td_string!(Locale::vi, errors.locked, state = state_label(*state)),
        Problem::Missing { item } => td_string!(Locale::vi, errors.missing, item = missing_text(*item)),
        Problem::TransitionNotAllowed => td_string!(Locale::vi, errors.transition_not_allowed).to_string(),
        Problem::NotADraft => td_string!(Locale::vi, errors.not_a_draft).to_string(),
        Problem::NotLater { current } => td_string!(Locale::vi, errors.not_later, current = current),
        Problem::UnknownChoice => td_string!(Locale::vi, errors.unknown_choice).to_string(),
        Problem::DateAfter { latest } => td_string!(Locale::vi, errors.date_after, latest = latest),
        Problem::FutureDate { today } => td_string!(Locale::vi, errors.future_date, today = today),
        Problem::BeforeFirstApplied { earliest } => {
            td_string!(Locale::vi, errors.before_first_applied, earliest = earliest)
        }
        Problem::OwnInitiative => td_string!(Locale::vi, errors.own_initiative).to_string(),
        Problem::AlreadyReplicated => td_string!(Locale::vi, errors.already_replicated).to_string(),
        Problem::SharesNotHundred { total } => {
            td_string!(Locale::vi, errors.shares_not_hundred, total = *total)
        }
        Problem::FileType => td_string!(Locale::vi, errors.file_type).to_string(),
        Problem::FilesTooLarge { max_mb } => td_string!(Locale::vi, errors.files_too_large, max_mb = *max_mb),
        Problem::TooManyFiles { max } => td_string!(Locale::vi, errors.too_many_files, max = *max),
        Problem::AlreadySigned => td_string!(Locale::vi, errors.already_signed).to_string(),
        Problem::RegistrationClosed => td_string!(Locale::vi, errors.registration_closed).to_string(),
        Problem::InitiativeCap { max } => td_string!(Locale::vi, errors.initiative_cap, max = *max),
        Problem::ReportClosed => td_string!(Locale::vi, errors.report_closed).to_string(),
        Problem::Confirm => td_string!(Locale::vi, errors.confirm).to_string(),
        Problem::ReceiptFormat => td_string!(Locale::vi, errors.receipt_format).to_string(),
        Problem::Choose => td_string!(Locale::vi, errors.choose).to_string(),
        Problem::AwardFormInUse { name } => {
            td_string!(Locale::vi, errors.award_form_in_use, name = name.clone()).to_string()
        }
        Problem::AlreadyAwarded => td_string!(Locale::vi, errors.already_awarded).to_string(),
        Problem::AwardsNotOpen => td_string!(Locale::vi, errors.awards_not_open).to_string(),
        Problem::MemberHasScores => td_string!(Locale::vi, errors.member_has_scores).to_string(),
        Problem::NotAHalfPoint => td_string!(Locale::vi, errors.not_a_half_point).to_string(),
        Problem::StaleVersion => td_string!(Locale::vi, errors.stale_version).to_string(),
        Problem::NotScoring => td_string!(Locale::vi, errors.not_scoring).to_string(),
        Problem::AlreadySubmitted => td_string!(Locale::vi, errors.already_submitted).to_string(),
        Problem::NotSubmitted => td_string!(Locale::vi, errors.not_submitted).to_string(),
        Problem::BelowQuorum { count } => td_string!(Locale::vi, errors.below_quorum, count = *count),
        Problem::ChairPublishes => td_string!(Locale::vi, errors.chair_publishes).to_string(),
        Problem::NotSpreading => td_string!(Locale::vi, errors.not_spreading).to_string(),
        Problem::CannotScoreThis => td_string!(Locale::vi, errors.cannot_score_this).to_string(),
        Problem::CeremonyNotReady => td_string!(Locale::vi, errors.ceremony_not_ready).to_string(),
        Problem::CeremonyRunning => td_string!(Locale::vi, errors.ceremony_running).to_string(),
    }
}

/// A sentence for errors that do not belong to one field.
pub fn error_text(error: &AppError) -> String {
    match error {
        AppError::Unauthorized => td_string!(Locale::vi, errors.unauthorized).to_string(),
        AppError::Forbidden => td_string!(Locale::vi, errors.forbidden).to_string(),
        AppError::NotFound => td_string!(Locale::vi, errors.not_found).to_string(),
        AppError::Invalid(_) => td_string!(Locale::vi, common.problem_title).to_string(),
        AppError::Internal => td_string!(Locale::vi, errors.internal).to_string(),
        AppError::Unavailable => td_string!(Locale::vi, errors.unavailable).to_string(),
        AppError::Transport(_) => td_string!(Locale::vi, errors.network).to_string(),
        AppError::LinkInvalid => td_string!(Locale::vi, errors.link_invalid).to_string(),
        AppError::NoUnitLink => td_string!(Locale::vi, errors.no_unit_link).to_string(),
    }
}
