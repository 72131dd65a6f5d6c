//! The campaign's council: who scores, the chair and the secretary, the fields each member
//! scores, and what each member may not score because of his unit. Every change is a small form,
//! so it works without scripts; leaving the council is confirmed first.
use crate::api::council::{
    campaign_council, AddCouncilMember, CouncilMember, CouncilView, FieldChoice, RemoveCouncilMember,
    SaveCouncilMember,
};
use crate::components::campaign_labels::council_role_label;
use crate::components::campaign_tabs::CampaignHead;
use crate::components::document_links::DocumentLinks;
use crate::components::export_links::ExportLinks;
use crate::components::field::FormAlert;
use crate::components::form_error::{form_error, successes};
use crate::components::id_param::id_param;
use crate::components::page_loader::page_loader;
use crate::domain::council::assignment::Assignment;
use crate::domain::council::role::CouncilRole;
use crate::i18n::*;
use crate::wire::documents::OfficialDocument;
use crate::wire::exports::ExportTable;
use leptos::prelude::*;

#[derive(Clone, Copy)]
struct Actions {
    add: ServerAction<AddCouncilMember>,
    save: ServerAction<SaveCouncilMember>,
    remove: ServerAction<RemoveCouncilMember>,
}

#[component]
pub fn CampaignCouncilPage() -> impl IntoView {
    let id = id_param();
    let actions = Actions {
        add: ServerAction::new(),
        save: ServerAction::new(),
        remove: ServerAction::new(),
    };
    let ok = |v: &Option<Result<(), _>>| matches!(v, Some(Ok(_)));
    let saves = successes(
        move || {
            actions.add.value().with(ok) || actions.save.value().with(ok) || actions.remove.value().with(ok)
        },
        move || actions.add.version().get() + actions.save.version().get() + actions.remove.version().get(),
    );
    page_loader(
        move || (id(), saves.get()),
        |(id, _)| campaign_council(id),
        move |council| view! { <CouncilPageView council actions /> },
    )
}

#[component]
fn CouncilPageView(council: CouncilView, actions: Actions) -> impl IntoView {
    let i18n = use_i18n();
    let save_error = form_error(move || actions.save.value().get().and_then(Result::err));
    let remove_error = form_error(move || actions.remove.value().get().and_then(Result::err));
    let no_chair = !council.members.iter().any(|m| m.role == CouncilRole::Chair);
    let members = if council.members.is_empty() {
        view! { <p class="empty">{t!(i18n, council_page.empty)}</p> }.into_any()
    } else {
        let fields = council.fields.clone();
        let total = council.initiatives;
        council
            .members
            .iter()
            .cloned()
            .map(|member| {
                let fields = fields.clone();
                view! { <MemberCard campaign_id=council.campaign_id member fields total editable=council.editable actions /> }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <CampaignHead
            id=council.campaign_id
            title=council.title.clone()
            state=council.state
            active="council"
        />
        <section class="card">
            <p class="lead">{t!(i18n, council_page.lead)}</p>
            <p class="picker-count" role="status">
                {t_string!(i18n, council_page.count, count = council.members.len())}
            </p>
            {(!council.editable)
                .then(|| view! { <p class="alert alert-info">{t!(i18n, council_page.locked)}</p> })}
            {(council.editable && no_chair && !council.members.is_empty())
                .then(|| view! { <p class="alert alert-warning">{t!(i18n, council_page.no_chair)}</p> })}
            <FormAlert error=save_error />
            <FormAlert error=remove_error />
            <ul class="council-members">{members}</ul>
            {(!council.members.is_empty())
                .then(|| {
                    view! {
                        <ExportLinks
                            table=ExportTable::MemberScores
                            campaign=council.campaign_id
                            label=t_string!(i18n, export.member_scores_link)
                        />
                        <DocumentLinks
                            campaign=council.campaign_id
                            documents=vec![
                                (
                                    OfficialDocument::CouncilMinutes,
                                    t_string!(i18n, documents.minutes_link).to_owned(),
                                ),
                            ]
                            hint=t_string!(i18n, documents.minutes_hint)
                        />
                    }
                })}
        </section>
        <section class="card">
            <p>
                {match council.assignment {
                    Assignment::All => t_string!(i18n, council_page.assignment_all).to_string(),
                    Assignment::Spread { per_initiative } => {
                        t_string!(i18n, council_page.assignment_spread, count = per_initiative).to_string()
                    }
                }}
            </p>
            <a
                class="button secondary"
                href=format!("/admin/campaigns/{}/council/assignment", council.campaign_id)
            >
                {t!(i18n, council_page.assignment_link)}
            </a>
        </section>
        {council.editable.then(|| view! { <AddMember council=council.clone() action=actions.add /> })}
    }
}

#[component]
fn MemberCard(
    campaign_id: i64,
    member: CouncilMember,
    fields: Vec<FieldChoice>,
    total: i64,
    editable: bool,
    actions: Actions,
) -> impl IntoView {
    let i18n = use_i18n();
    let role_id = format!("role-{}", member.account_id);
    let name = member.display_name.clone();
    let unit = member
        .unit_name
        .clone()
        .unwrap_or_else(|| t_string!(i18n, council_page.no_unit).to_string());
    let role_options = CouncilRole::ALL
        .into_iter()
        .map(|r| {
            view! {
                <option value=r.as_str() selected=r == member.role>
                    {council_role_label(r)}
                </option>
            }
        })
        .collect_view();
    let field_boxes = fields
        .iter()
        .enumerate()
        .map(|(i, f)| {
            view! {
                <label class="check">
                    <input
                        type="checkbox"
                        name=format!("fields[{i}]")
                        value=f.id
                        checked=member.fields.contains(&f.id)
                        disabled=!editable
                    />
                    {f.name.clone()}
                </label>
            }
        })
        .collect_view();
    let remove_question = t_string!(i18n, council_page.remove_confirm, name = name.clone()).to_string();
    let work = [
        t_string!(
            i18n,
            council_page.submitted,
            submitted = member.submitted,
            total = total
        )
        .to_string(),
        t_string!(i18n, council_page.recused, count = member.recused).to_string(),
    ];
    view! {
        <li class="council-member">
            <div class="member-head">
                <strong>{member.display_name.clone()}</strong>
                <span class="muted">{format!(" · {} · {unit}", member.username)}</span>
                {member
                    .disabled
                    .then(|| view! { <span class="badge">{t!(i18n, council_page.disabled)}</span> })}
            </div>
            <p class="member-work">{work.join(" · ")}</p>
            <ActionForm action=actions.save>
                <input type="hidden" name="id" value=campaign_id />
                <input type="hidden" name="account_id" value=member.account_id />
                <div class="member-settings">
                    <div class="field">
                        <label for=role_id
                            .clone()>{t_string!(i18n, council_page.role_label, name = name.clone())}</label>
                        <select id=role_id name="role" disabled=!editable>
                            {role_options}
                        </select>
                    </div>
                    <fieldset class="member-fields">
                        <legend>{t_string!(i18n, council_page.fields_legend, name = name.clone())}</legend>
                        {field_boxes}
                    </fieldset>
                </div>
                {editable
                    .then(|| {
                        view! {
                            <button type="submit" class="button small" disabled=actions.save.pending()>
                                {t!(i18n, council_page.save)}
                            </button>
                        }
                    })}
            </ActionForm>
            {(editable && member.submitted == 0)
                .then(|| {
                    view! {
                        <details class="confirm">
                            <summary class="button small secondary">{t!(i18n, council_page.remove)}</summary>
                            <ActionForm action=actions.remove>
                                <input type="hidden" name="id" value=campaign_id />
                                <input type="hidden" name="account_id" value=member.account_id />
                                <p>{remove_question}</p>
                                <button type="submit" class="button small danger">
                                    {t!(i18n, council_page.remove)}
                                </button>
                            </ActionForm>
                        </details>
                    }
                })}
        </li>
    }
}

#[component]
fn AddMember(council: CouncilView, action: ServerAction<AddCouncilMember>) -> impl IntoView {
    let i18n = use_i18n();
    let error = form_error(move || action.value().get().and_then(Result::err));
    let body = if council.candidates.is_empty() {
        view! {
            <p class="empty">{t!(i18n, council_page.no_candidates)}</p>
            <a class="button secondary" href="/admin/accounts">
                {t!(i18n, council_page.create_account)}
            </a>
        }
        .into_any()
    } else {
        let options = council
            .candidates
            .iter()
            .map(|c| {
                let unit = c.unit_name.clone().unwrap_or_default();
                view! { <option value=c.account_id>{format!("{} — {unit}", c.display_name)}</option> }
            })
            .collect_view();
        view! {
            <ActionForm action>
                <FormAlert error />
                <input type="hidden" name="id" value=council.campaign_id />
                <div class="field">
                    <label for="account_id">{t!(i18n, council_page.add_label)}</label>
                    <select id="account_id" name="account_id">
                        {options}
                    </select>
                </div>
                <button type="submit" class="button" disabled=action.pending()>
                    {t!(i18n, council_page.add)}
                </button>
            </ActionForm>
        }
        .into_any()
    };
    view! {
        <section class="card form-card">
            <h2>{t!(i18n, council_page.add_title)}</h2>
            {body}
        </section>
    }
}
