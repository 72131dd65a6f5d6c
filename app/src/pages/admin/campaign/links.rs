//! Unit links: each participating unit's secret link with a copy button and a ready-to-paste
//! Zalo message, revoking and re-issuing (after a confirmation), and the way to the QR sheet.
use crate::api::unit_links::{campaign_links, IssueUnitLinks, LinksOfCampaign, RevokeUnitLink, UnitLink};
use crate::components::campaign_tabs::CampaignHead;
use crate::components::copy_button::CopyButton;
use crate::components::field::FormAlert;
use crate::components::form_error::{form_error, saved_flag};
use crate::components::id_param::id_param;
use crate::components::notice::SavedNotice;
use crate::components::page_loader::page_loader;
use crate::domain::campaign_state::CampaignState;
use crate::domain::deadline::Deadline;
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub fn CampaignLinksPage() -> impl IntoView {
    let id = id_param();
    let issue = ServerAction::<IssueUnitLinks>::new();
    let revoke = ServerAction::<RevokeUnitLink>::new();
    let reload = move || issue.version().get() + revoke.version().get();
    let error = form_error(move || {
        issue
            .value()
            .get()
            .and_then(Result::err)
            .or_else(|| revoke.value().get().and_then(Result::err))
    });
    page_loader(
        move || (id(), reload()),
        |(id, _)| campaign_links(id),
        move |links| view! { <Links links issue revoke error /> },
    )
}

/// The message an organizer pastes into Zalo for one unit.
pub fn zalo_message(links: &LinksOfCampaign, unit: &UnitLink, url: &str) -> String {
    let i18n = use_i18n();
    let deadline = links
        .registration_deadline
        .map(Deadline::date_time_text)
        .unwrap_or_default();
    t_string!(
        i18n,
        links.zalo_message,
        organizer = links.organizer_name.clone(),
        unit = unit.unit_name.clone(),
        title = links.title.clone(),
        deadline = deadline,
        url = url.to_owned()
    )
}

#[component]
fn Links(
    links: LinksOfCampaign,
    issue: ServerAction<IssueUnitLinks>,
    revoke: ServerAction<RevokeUnitLink>,
    error: Signal<Option<crate::error::AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let missing = links.units.iter().filter(|u| u.url.is_none()).count();
    let can_issue = matches!(links.state, CampaignState::Draft | CampaignState::Open);
    let saved = saved_flag(move || issue.value().get().map(|r| r.is_ok()), "issued");
    let reissued = saved_flag(move || revoke.value().get().map(|r| r == Ok(true)), "reissued");
    let revoked = saved_flag(move || revoke.value().get().map(|r| r == Ok(false)), "revoked");
    let print_href = format!("/admin/campaigns/{}/links/print", links.id);
    let issue_form = (missing > 0 && can_issue).then(|| {
        view! {
            <ActionForm action=issue attr:class="inline-form">
                <input type="hidden" name="id" value=links.id />
                <button type="submit" class="button" disabled=issue.pending()>
                    {t!(i18n, links.issue, count = missing)}
                </button>
            </ActionForm>
        }
    });
    let empty = links.units.is_empty().then(|| {
        view! {
            <p class="empty">
                {t!(i18n, links.no_units)} " "
                <a href=format!("/admin/campaigns/{}/units", links.id)>{t!(i18n, links.pick_units)}</a>
            </p>
        }
    });
    let rows = links
        .units
        .iter()
        .map(|unit| view! { <LinkCard links=links.clone() unit=unit.clone() revoke can_issue /> })
        .collect_view();
    view! {
        <CampaignHead id=links.id title=links.title.clone() state=links.state active="links" />
        <section class="card">
            <h2>{t!(i18n, links.title)}</h2>
            <p class="hint">{t!(i18n, links.lead)}</p>
            {(!can_issue).then(|| view! { <p class="alert alert-info">{t!(i18n, links.closed_hint)}</p> })}
            <FormAlert error />
            {move || saved.get().then(|| view! { <SavedNotice text=t_string!(i18n, links.issued) /> })}
            {move || reissued.get().then(|| view! { <SavedNotice text=t_string!(i18n, links.reissued) /> })}
            {move || revoked.get().then(|| view! { <SavedNotice text=t_string!(i18n, links.revoked) /> })}
            <div class="actions">
                {issue_form} <a class="button secondary" href=print_href>
                    {t!(i18n, links.print)}
                </a>
            </div>
            {empty}
            <ul class="link-cards">{rows}</ul>
        </section>
    }
}

#[component]
fn LinkCard(
    links: LinksOfCampaign,
    unit: UnitLink,
    revoke: ServerAction<RevokeUnitLink>,
    can_issue: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let link_id = format!("link-{}", unit.unit_id);
    let message_id = format!("message-{}", unit.unit_id);
    let body = match &unit.url {
        None => view! { <p class="hint">{t!(i18n, links.none_yet)}</p> }.into_any(),
        Some(url) => {
            let message = zalo_message(&links, &unit, url);
            let issued = unit
                .issued_at
                .map(|at| Deadline::from_instant(at).date_time_text())
                .unwrap_or_default();
            view! {
                <p class="meta-text">{t!(i18n, links.issued_at, at = issued)}</p>
                <div class="field">
                    <label for=link_id.clone()>{t!(i18n, links.link)}</label>
                    <div class="copy-row">
                        <input type="text" id=link_id.clone() readonly value=url.clone() />
                        <CopyButton target=link_id.clone() label=t_string!(i18n, links.copy) />
                    </div>
                </div>
                <details class="zalo">
                    <summary>{t!(i18n, links.zalo)}</summary>
                    <div class="field">
                        <label for=message_id.clone()>{t!(i18n, links.zalo_label)}</label>
                        <textarea id=message_id.clone() readonly rows="5">
                            {message}
                        </textarea>
                        <CopyButton target=message_id.clone() label=t_string!(i18n, links.copy_message) />
                    </div>
                </details>
                <details class="confirm">
                    <summary>{t!(i18n, links.revoke_open)}</summary>
                    <p>{t!(i18n, links.revoke_warning)}</p>
                    <div class="actions">
                        {can_issue
                            .then(|| {
                                view! {
                                    <ActionForm action=revoke attr:class="inline-form">
                                        <input type="hidden" name="id" value=links.id />
                                        <input type="hidden" name="unit_id" value=unit.unit_id />
                                        <input type="hidden" name="reissue" value="true" />
                                        <button type="submit" class="button">
                                            {t!(i18n, links.reissue)}
                                        </button>
                                    </ActionForm>
                                }
                            })} <ActionForm action=revoke attr:class="inline-form">
                            <input type="hidden" name="id" value=links.id />
                            <input type="hidden" name="unit_id" value=unit.unit_id />
                            <input type="hidden" name="reissue" value="false" />
                            <button type="submit" class="button danger">
                                {t!(i18n, links.revoke)}
                            </button>
                        </ActionForm>
                    </div>
                </details>
            }
            .into_any()
        }
    };
    view! {
        <li class="link-card" id=format!("unit-{}", unit.unit_id)>
            <h3>{unit.unit_name.clone()}</h3>
            {body}
        </li>
    }
}
