//! The text enums stored in the database decode strictly: a row read with a value the code does
//! not know fails to decode (an internal error, logged), never falls back to some state. A
//! campaign of unknown state must not read as a draft, nor one of unknown visibility as public.
use crate::domain::campaign::{EvaluationMode, Recipient, Visibility};
use crate::domain::campaign_state::CampaignState;
use crate::domain::council::final_score::{Combine, Quorum};
use crate::domain::initiative::attachment::MediaType;
use crate::domain::initiative::InitiativeKind;
use crate::domain::unit::UnitKind;
use sqlx::error::BoxDynError;
use sqlx::postgres::{PgTypeInfo, PgValueRef};
use sqlx::{Decode, Postgres, Type};

/// Reads the enum from its stored text with `lookup`, refusing any other text.
macro_rules! text_enum {
    ($($ty:ty => $lookup:expr),* $(,)?) => {$(
        impl Type<Postgres> for $ty {
            fn type_info() -> PgTypeInfo {
                <&str as Type<Postgres>>::type_info()
            }

            fn compatible(ty: &PgTypeInfo) -> bool {
                <&str as Type<Postgres>>::compatible(ty)
            }
        }

        impl<'r> Decode<'r, Postgres> for $ty {
            fn decode(value: PgValueRef<'r>) -> Result<Self, BoxDynError> {
                let text = <&str as Decode<Postgres>>::decode(value)?;
                let lookup: fn(&str) -> Option<$ty> = $lookup;
                lookup(text).ok_or_else(|| format!("unknown {} {text:?}", stringify!($ty)).into())
            }
        }
    )*};
}

text_enum! {
    CampaignState => CampaignState::parse,
    Visibility => Visibility::parse,
    EvaluationMode => EvaluationMode::parse,
    Recipient => Recipient::parse,
    Combine => Combine::parse,
    Quorum => Quorum::parse,
    InitiativeKind => InitiativeKind::parse,
    MediaType => MediaType::from_mime,
    UnitKind => |text| UnitKind::ALL.into_iter().find(|k| k.as_str() == text),
}
