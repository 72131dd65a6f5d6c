//! The signed-in person's corner of the top bar: their name, the password page and sign-out.
use crate::api::auth::Logout;
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub fn AccountLinks(
    #[prop(optional, into)] name: Option<String>,
    /// The password page of the frame the links sit in.
    password_href: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let logout = ServerAction::<Logout>::new();
    view! {
        <div class="who">
            {name.map(|name| view! { <span>{name}</span> })} <a class="who-password" href=password_href>
                {t!(i18n, nav.password)}
            </a> <ActionForm action=logout>
                <button type="submit" class="button small secondary">
                    {t!(i18n, nav.logout)}
                </button>
            </ActionForm>
        </div>
    }
}
