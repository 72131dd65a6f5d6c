//! A unit's result report (báo cáo kết quả): text and files, one per unit and campaign. Filed
//! before the report deadline it is on time and can be corrected until then; a unit that missed
//! the deadline may still file once, marked late. Unit callers only.
use crate::error::AppError;
pub use crate::wire::reports::*;
use leptos::server;
use leptos::server_fn::codec::{MultipartData, MultipartFormData};

#[server(prefix = "/api", endpoint = "get_report_page")]
pub async fn get_report_page(campaign_id: i64) -> Result<ReportPage, AppError> {
    use crate::server::respond::finish;
    finish(crate::server::reports::page(campaign_id).await)
}

/// Files or corrects the report. Fields: `campaign_id` first, `body`, files in `attachments`,
/// ids in `remove_attachment`.
#[server(prefix = "/api", endpoint = "submit_report", input = MultipartFormData)]
pub async fn submit_report(data: MultipartData) -> Result<bool, AppError> {
    use crate::server::respond::{finish_form, redirect_plain_form, NOTHING_TYPED};
    let result = crate::server::reports::submit(data).await;
    if let Ok((campaign_id, _)) = &result {
        redirect_plain_form(&format!("/unit/{campaign_id}/report?saved=report"));
    }
    finish_form(result.map(|(_, on_time)| on_time), NOTHING_TYPED)
}
