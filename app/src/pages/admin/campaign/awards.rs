//! The campaign's awards (`/admin/campaigns/{id}/awards`): per award form, its rule and what it
//! proposes, its recipients (each removable with a reason), anyone else added by hand with a
//! reason, and the decision that grants them. Every change is a small form that works without
//! scripts; a refused one shows its problems on the card it came from (`form_id`).
use crate::api::awards::{
    get_awards_desk, AddAward, AddProposedAwards, AwardView, AwardsDesk, CandidateView, FormDesk,
    RecordAwardDecision, RemoveAward, SetAwardRule,
};
use crate::components::campaign_labels::recipient_label;
use crate::components::campaign_tabs::CampaignHead;
use crate::components::document_links::DocumentLinks;
use crate::components::export_links::ExportLinks;
use crate::components::field::{invalid, problem_lines, FormAlert};
use crate::components::form_error::{form_error, successes, typed_or, typed_value};
use crate::components::id_param::id_param;
use crate::components::notice::SavedNotice;
use crate::components::page_loader::page_loader;
use crate::domain::awards::AwardRule;
use crate::domain::deadline::format_date;
use crate::error::AppError;
use crate::i18n::*;
use crate::wire::awards::GalleryListing;
use crate::wire::documents::OfficialDocument;
use crate::wire::exports::ExportTable;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[derive(Clone, Copy)]
struct Actions {
    rule: ServerAction<SetAwardRule>,
    add: ServerAction<AddAward>,
    add_proposed: ServerAction<AddProposedAwards>,
    remove: ServerAction<RemoveAward>,
    decision: ServerAction<RecordAwardDecision>,
    /// The form card the last change came from: its problems are shown there only.
    last_form: RwSignal<Option<i64>>,
}

#[component]
pub fn CampaignAwardsPage() -> impl IntoView {
    let id = id_param();
    let actions = Actions {
        rule: ServerAction::new(),
        add: ServerAction::new(),
        add_proposed: ServerAction::new(),
        remove: ServerAction::new(),
        decision: ServerAction::new(),
        // Scripts off: a refused post comes back with the form's id among what was typed.
        last_form: RwSignal::new(typed_value("form_id").parse().ok()),
    };
    Effect::new(move |_| {
        let form = actions
            .rule
            .input()
            .with(|i| i.as_ref().map(|i| i.form_id))
            .or_else(|| actions.add.input().with(|i| i.as_ref().map(|i| i.form_id)))
            .or_else(|| {
                actions
                    .add_proposed
                    .input()
                    .with(|i| i.as_ref().map(|i| i.form_id))
            })
            .or_else(|| actions.remove.input().with(|i| i.as_ref().map(|i| i.form_id)))
            .or_else(|| actions.decision.input().with(|i| i.as_ref().map(|i| i.form_id)));
        if form.is_some() {
            actions.last_form.set(form);
        }
    });
    let ok = |v: &Option<Result<(), _>>| matches!(v, Some(Ok(_)));
    let saves = successes(
        move || {
            actions.rule.value().with(ok)
                || actions.add.value().with(ok)
                || actions.add_proposed.value().with(ok)
                || actions.remove.value().with(ok)
                || actions.decision.value().with(ok)
        },
        move || {
            actions.rule.version().get()
                + actions.add.version().get()
                + actions.add_proposed.version().get()
                + actions.remove.version().get()
                + actions.decision.version().get()
        },
    );
    page_loader(
        move || (id(), saves.get()),
        |(id, _)| get_awards_desk(id),
        move |desk| view! { <AwardsView desk actions /> },
    )
}

/// A labelled control of one card: ids carry the card's form id (several cards share names);
/// the control must use `{id}-msg` in `aria-describedby`.
#[component]
fn CardField(
    #[prop(into)] label: String,
    id: String,
    name: &'static str,
    hint: Option<String>,
    error: Signal<Option<AppError>>,
    children: Children,
) -> impl IntoView {
    let bad = move || error.get().is_some_and(|e| !e.problems_at(name).is_empty());
    view! {
        <div class="field" class:field-invalid=bad>
            <label for=id.clone()>{label}</label>
            {children()}
            <div id=format!("{id}-msg") class="field-msg" aria-live="polite">
                {hint.map(|h| view! { <p class="hint">{h}</p> })}
                {problem_lines(error, name)}
            </div>
        </div>
    }
}

/// The last refused change, if it came from form card `form_id`.
fn card_error(actions: Actions, form_id: i64) -> Signal<Option<AppError>> {
    let error = form_error(move || {
        let err = |v: Option<Result<(), AppError>>| v.and_then(Result::err);
        err(actions.rule.value().get())
            .or_else(|| err(actions.add.value().get()))
            .or_else(|| err(actions.add_proposed.value().get()))
            .or_else(|| err(actions.remove.value().get()))
            .or_else(|| err(actions.decision.value().get()))
    });
    Signal::derive(move || {
        (actions.last_form.get() == Some(form_id))
            .then(|| error.get())
            .flatten()
    })
}

#[component]
fn AwardsView(desk: AwardsDesk, actions: Actions) -> impl IntoView {
    let i18n = use_i18n();
    let lead = if desk.open {
        t_string!(i18n, awards.lead_open)
    } else {
        t_string!(i18n, awards.lead_closed)
    };
    let cards = if desk.forms.is_empty() {
        view! {
            <p class="empty card">
                {t!(i18n, awards.no_forms)} " "
                <a href=format!(
                    "/admin/campaigns/{}/scoring",
                    desk.campaign_id,
                )>{t!(i18n, awards.to_scoring)}</a>
            </p>
        }
        .into_any()
    } else {
        desk.forms
            .iter()
            .cloned()
            .map(|form| view! { <FormCard campaign_id=desk.campaign_id form open=desk.open actions /> })
            .collect_view()
            .into_any()
    };
    view! {
        <CampaignHead id=desk.campaign_id title=desk.title.clone() state=desk.state active="awards" />
        <p class="lead">{lead}</p>
        {desk
            .forms
            .iter()
            .any(|f| !f.awards.is_empty())
            .then(|| {
                view! {
                    <ExportLinks
                        table=ExportTable::Awards
                        campaign=desk.campaign_id
                        label=t_string!(i18n, export.awards_link)
                    />
                    <DocumentLinks
                        campaign=desk.campaign_id
                        documents=vec![
                            (
                                OfficialDocument::AwardDecision,
                                t_string!(i18n, documents.decision_link).to_owned(),
                            ),
                            (OfficialDocument::Proposal, t_string!(i18n, documents.proposal_link).to_owned()),
                        ]
                        hint=t_string!(i18n, documents.decision_hint)
                    />
                }
            })}
        {cards}
        <GalleryListingCard campaign_id=desk.campaign_id listing=desk.gallery />
    }
}

/// Whether the exemplary initiatives appear in the public gallery; a link-only campaign's
/// organizer decides (a plain form: the page reloads with the new state).
#[component]
fn GalleryListingCard(campaign_id: i64, listing: GalleryListing) -> impl IntoView {
    let i18n = use_i18n();
    let saved = use_query_map().with_untracked(|q| q.get("saved").as_deref() == Some("gallery"));
    let (text, button) = match (listing.link_only, listing.listed) {
        (false, _) => (t_string!(i18n, gallery.listing_public), None),
        (true, false) => (
            t_string!(i18n, gallery.listing_off),
            Some((true, t_string!(i18n, gallery.list))),
        ),
        (true, true) => (
            t_string!(i18n, gallery.listing_on),
            Some((false, t_string!(i18n, gallery.unlist))),
        ),
    };
    view! {
        <section class="card" aria-labelledby="gallery-listing">
            <h2 id="gallery-listing">{t!(i18n, gallery.listing_title)}</h2>
            {saved.then(|| view! { <SavedNotice text=t_string!(i18n, gallery.listing_saved) /> })}
            <p>{text}</p>
            <p class="form-actions">
                {button
                    .map(|(listed, label)| {
                        view! {
                            <form method="post" action="/api/set_gallery_listed" class="inline-form">
                                <input type="hidden" name="campaign_id" value=campaign_id />
                                <input type="hidden" name="listed" value=listed.to_string() />
                                <button type="submit" class="button secondary">
                                    {label}
                                </button>
                            </form>
                        }
                    })}
                {(listing.exemplary > 0)
                    .then(|| {
                        view! {
                            <a class="button secondary" href="/gallery">
                                {t!(i18n, gallery.open_gallery)}
                            </a>
                        }
                    })}
            </p>
        </section>
    }
}

#[component]
fn FormCard(campaign_id: i64, form: FormDesk, open: bool, actions: Actions) -> impl IntoView {
    let i18n = use_i18n();
    let error = card_error(actions, form.id);
    let heading_id = format!("award-form-{}", form.id);
    let labelled_by = heading_id.clone();
    let recipients = if form.awards.is_empty() {
        view! { <p class="empty">{t!(i18n, awards.no_recipients)}</p> }.into_any()
    } else {
        let items = form
            .awards
            .iter()
            .cloned()
            .map(|award| view! { <AwardItem campaign_id form_id=form.id award open actions /> })
            .collect_view();
        view! { <ul class="award-list">{items}</ul> }.into_any()
    };
    let proposal = open.then(|| view! { <Proposal campaign_id form=form.clone() actions /> });
    let manual = open.then(|| view! { <AddByHand campaign_id form=form.clone() error actions /> });
    let decision = view! { <DecisionForm campaign_id form=form.clone() open error actions /> };
    view! {
        <section class="card award-card" aria-labelledby=labelled_by>
            <h2 id=heading_id>
                {form.name.clone()} " " <span class="badge">{recipient_label(form.recipient)}</span>
            </h2>
            <FormAlert error />
            <RuleForm campaign_id form=form.clone() error actions />
            <h3>{t!(i18n, awards.recipients_title, count = form.awards.len())}</h3>
            {recipients}
            {proposal}
            {manual}
            {decision}
        </section>
    }
}

pub fn rule_label(rule: AwardRule) -> String {
    let i18n = use_i18n();
    match rule {
        AwardRule::None => t_string!(i18n, awards.rule_none),
        AwardRule::FirstUnits(_) => t_string!(i18n, awards.rule_first_units),
        AwardRule::ExcellentUnits => t_string!(i18n, awards.rule_excellent_units),
        AwardRule::ExemplaryAuthors => t_string!(i18n, awards.rule_exemplary_authors),
        AwardRule::RecognisedAuthors => t_string!(i18n, awards.rule_recognised_authors),
    }
    .to_string()
}

#[component]
fn RuleForm(
    campaign_id: i64,
    form: FormDesk,
    error: Signal<Option<AppError>>,
    actions: Actions,
) -> impl IntoView {
    let i18n = use_i18n();
    let rule_id = format!("rule-{}", form.id);
    let count_id = format!("count-{}", form.id);
    let options = AwardRule::choices(form.recipient)
        .into_iter()
        .map(|r| {
            let selected = r.as_str() == form.rule.as_str();
            view! {
                <option value=r.as_str() selected=selected>
                    {rule_label(r)}
                </option>
            }
        })
        .collect_view();
    let count = form.rule.count().unwrap_or(3).to_string();
    let wants_count = AwardRule::choices(form.recipient)
        .iter()
        .any(|r| matches!(r, AwardRule::FirstUnits(_)));
    view! {
        <ActionForm action=actions.rule attr:class="inline-form">
            <input type="hidden" name="campaign_id" value=campaign_id />
            <input type="hidden" name="form_id" value=form.id />
            <div class="field">
                <label for=rule_id.clone()>{t!(i18n, awards.rule_label)}</label>
                <select id=rule_id name="rule" aria-invalid=invalid(error, "rule")>
                    {options}
                </select>
            </div>
            {wants_count
                .then(|| {
                    view! {
                        <div class="field count-field">
                            <label for=count_id.clone()>{t!(i18n, awards.count_label)}</label>
                            <input
                                type="text"
                                id=count_id.clone()
                                name="count"
                                inputmode="numeric"
                                value=typed_or("count", count.clone())
                                aria-invalid=invalid(error, "count")
                            />
                        </div>
                    }
                })}
            <button type="submit" class="button secondary" disabled=actions.rule.pending()>
                {t!(i18n, awards.save_rule)}
            </button>
        </ActionForm>
    }
}

#[component]
fn AwardItem(
    campaign_id: i64,
    form_id: i64,
    award: AwardView,
    open: bool,
    actions: Actions,
) -> impl IntoView {
    let i18n = use_i18n();
    let detail = match &award.initiative {
        Some(title) => format!("{} · «{title}»", award.unit_name),
        None => String::new(),
    };
    let reason_id = format!("removal-{}", award.id);
    let remove = open.then(|| {
        view! {
            <details class="award-remove">
                <summary>{t!(i18n, awards.remove)}</summary>
                <ActionForm action=actions.remove>
                    <input type="hidden" name="campaign_id" value=campaign_id />
                    <input type="hidden" name="form_id" value=form_id />
                    <input type="hidden" name="award_id" value=award.id />
                    <label for=reason_id.clone()>{t!(i18n, awards.removal_reason)}</label>
                    <input type="text" id=reason_id name="removal_reason" required />
                    <button type="submit" class="button small danger" disabled=actions.remove.pending()>
                        {t!(i18n, awards.remove_confirm)}
                    </button>
                </ActionForm>
            </details>
        }
    });
    view! {
        <li>
            <strong>{award.recipient.clone()}</strong>
            {(!detail.is_empty()).then(|| view! { <small>{detail.clone()}</small> })}
            {(!award.reason.is_empty())
                .then(|| {
                    view! { <small>{t!(i18n, awards.reason_shown, reason = award.reason.clone())}</small> }
                })}
            {remove}
        </li>
    }
}

/// What the rule proposes: each can be given on its own, or all at once.
#[component]
fn Proposal(campaign_id: i64, form: FormDesk, actions: Actions) -> impl IntoView {
    let i18n = use_i18n();
    if form.rule == AwardRule::None {
        return None;
    }
    let proposed = if form.proposed.is_empty() {
        view! { <p class="hint">{t!(i18n, awards.nothing_proposed)}</p> }.into_any()
    } else {
        let items = form
            .proposed
            .iter()
            .cloned()
            .map(|c| {
                view! {
                    <li>
                        <span>
                            <strong>{c.label.clone()}</strong>
                            <small>{c.detail.clone()}</small>
                        </span>
                        <ActionForm action=actions.add>
                            <input type="hidden" name="campaign_id" value=campaign_id />
                            <input type="hidden" name="form_id" value=form.id />
                            <input type="hidden" name="candidate" value=c.key.clone() />
                            <button
                                type="submit"
                                class="button small secondary"
                                disabled=actions.add.pending()
                            >
                                {t!(i18n, awards.give)}
                            </button>
                        </ActionForm>
                    </li>
                }
            })
            .collect_view();
        view! {
            <ul class="candidate-list">{items}</ul>
            <ActionForm action=actions.add_proposed>
                <input type="hidden" name="campaign_id" value=campaign_id />
                <input type="hidden" name="form_id" value=form.id />
                <button type="submit" class="button" disabled=actions.add_proposed.pending()>
                    {t!(i18n, awards.give_all, count = form.proposed.len())}
                </button>
            </ActionForm>
        }
        .into_any()
    };
    let tied = (!form.tied_at_cut.is_empty()).then(|| {
        let names = form
            .tied_at_cut
            .iter()
            .map(|c| format!("{} ({})", c.label, c.detail))
            .collect::<Vec<_>>()
            .join("; ");
        view! {
            <p class="alert alert-info" role="note">
                {t!(i18n, awards.tied_at_cut, names = names)}
            </p>
        }
    });
    Some(view! {
        <h3>{t!(i18n, awards.proposal_title, rule = rule_label(form.rule))}</h3>
        {tied}
        {proposed}
    })
}

/// Anyone else, with the reason the organizer gives.
#[component]
fn AddByHand(
    campaign_id: i64,
    form: FormDesk,
    error: Signal<Option<AppError>>,
    actions: Actions,
) -> impl IntoView {
    let i18n = use_i18n();
    let choices: Vec<CandidateView> = form.tied_at_cut.iter().chain(&form.others).cloned().collect();
    if choices.is_empty() {
        return None;
    }
    let candidate_id = format!("candidate-{}", form.id);
    let reason_id = format!("reason-{}", form.id);
    let options = choices
        .into_iter()
        .map(|c| {
            let text = if c.detail.is_empty() {
                c.label.clone()
            } else {
                format!("{} — {}", c.label, c.detail)
            };
            view! { <option value=c.key.clone()>{text}</option> }
        })
        .collect_view();
    Some(view! {
        <h3>{t!(i18n, awards.add_title)}</h3>
        <ActionForm action=actions.add attr:class="stacked-form">
            <input type="hidden" name="campaign_id" value=campaign_id />
            <input type="hidden" name="form_id" value=form.id />
            <CardField
                label=t_string!(i18n, awards.candidate_label)
                id=candidate_id.clone()
                name="candidate"
                hint=None
                error
            >
                <select
                    id=candidate_id.clone()
                    name="candidate"
                    aria-describedby=format!("{candidate_id}-msg")
                    aria-invalid=invalid(error, "candidate")
                >
                    {options}
                </select>
            </CardField>
            <CardField
                label=t_string!(i18n, awards.reason_label)
                id=reason_id.clone()
                name="reason"
                hint=Some(t_string!(i18n, awards.reason_hint).to_string())
                error
            >
                <input
                    type="text"
                    id=reason_id.clone()
                    name="reason"
                    value=typed_value("reason")
                    aria-describedby=format!("{reason_id}-msg")
                    aria-invalid=invalid(error, "reason")
                />
            </CardField>
            <button type="submit" class="button secondary" disabled=actions.add.pending()>
                {t!(i18n, awards.add)}
            </button>
        </ActionForm>
    })
}

#[component]
fn DecisionForm(
    campaign_id: i64,
    form: FormDesk,
    open: bool,
    error: Signal<Option<AppError>>,
    actions: Actions,
) -> impl IntoView {
    let i18n = use_i18n();
    let d = form.decision.clone();
    let recorded = d.is_recorded().then(|| {
        let date = d.date.map(format_date).unwrap_or_default();
        view! {
            <p class="decision">
                {t!(
                    i18n, awards.decision_recorded, number = d.number.clone(), date = date, signer = d.signer.clone()
                )}
            </p>
        }
    });
    let is_recorded = d.is_recorded();
    let editor = open.then(|| {
        let date = d.date.map(format_date).unwrap_or_default();
        let form_id = form.id;
        let field = move |name: &'static str, label: String, stored: String, hint: Option<String>| {
            let id = format!("{}-{form_id}", name.replace('_', "-"));
            view! {
                <CardField label id=id.clone() name hint error>
                    <input
                        type="text"
                        id=id.clone()
                        name=name
                        value=typed_or(name, stored)
                        aria-describedby=format!("{id}-msg")
                        aria-invalid=invalid(error, name)
                    />
                </CardField>
            }
        };
        view! {
            <ActionForm action=actions.decision attr:class="stacked-form decision-form">
                <input type="hidden" name="campaign_id" value=campaign_id />
                <input type="hidden" name="form_id" value=form.id />
                {field(
                    "decision_number",
                    t_string!(i18n, awards.decision_number).to_string(),
                    d.number.clone(),
                    None,
                )}
                {field(
                    "decision_date",
                    t_string!(i18n, awards.decision_date).to_string(),
                    date,
                    Some(t_string!(i18n, awards.date_hint).to_string()),
                )}
                {field(
                    "decision_signer",
                    t_string!(i18n, awards.decision_signer).to_string(),
                    d.signer.clone(),
                    None,
                )}
                <button type="submit" class="button secondary" disabled=actions.decision.pending()>
                    {t!(i18n, awards.save_decision)}
                </button>
            </ActionForm>
        }
    });
    view! {
        <h3>{t!(i18n, awards.decision_title)}</h3>
        {recorded}
        {(!is_recorded && !open).then(|| view! { <p class="hint">{t!(i18n, awards.no_decision)}</p> })}
        {editor}
    }
}
