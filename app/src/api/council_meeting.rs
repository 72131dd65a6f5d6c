//! The council's meeting: its chair and secretary only (`server::council_meeting` states the
//! rules). Recording answers like a form.
use crate::error::AppError;
pub use crate::wire::council_meeting::*;
use leptos::server;

#[server(prefix = "/api", endpoint = "council_meeting")]
pub async fn council_meeting(campaign_id: i64) -> Result<MeetingView, AppError> {
    crate::server::respond::finish(crate::server::council_meeting::view(campaign_id).await)
}

/// `initiatives[i]` goes with `agreed[i]` (blank: not put to the vote).
#[server(prefix = "/api", endpoint = "record_council_vote")]
pub async fn record_council_vote(
    campaign_id: i64,
    #[server(default)] held_on: String,
    #[server(default)] present: Vec<i64>,
    #[server(default)] initiatives: Vec<i64>,
    #[server(default)] agreed: Vec<String>,
) -> Result<(), AppError> {
    use crate::server::council_meeting::{save, MeetingInput};
    let input = MeetingInput {
        held_on: &held_on,
        present: &present,
        initiatives: &initiatives,
        agreed: &agreed,
    };
    let result = save(campaign_id, input).await;
    // What was typed goes back with a refusal, so a plain form keeps it.
    let mut typed = vec![("held_on".to_owned(), held_on.clone())];
    typed.extend(
        agreed
            .iter()
            .enumerate()
            .map(|(i, a)| (format!("agreed[{i}]"), a.clone())),
    );
    crate::server::respond::finish_form(result, &typed)
}
