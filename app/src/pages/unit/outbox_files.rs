//! The files of a submit waiting in the phone's outbox, kept in IndexedDB (localStorage holds
//! only text), so a closed tab or a restarted phone keeps them with the text and the submit goes
//! by itself when the page is opened again. Best effort: a browser without IndexedDB (private
//! modes, full storage) asks for the files again, as the form always did.
use js_sys::{Array, Promise};
use leptos::prelude::window;
use leptos::wasm_bindgen::{closure::Closure, JsCast, JsValue};
use leptos::web_sys::{
    DataTransfer, File, HtmlInputElement, IdbDatabase, IdbObjectStore, IdbRequest, IdbTransactionMode,
};
use wasm_bindgen_futures::JsFuture;

const DATABASE: &str = "thidua-outbox";
const STORE: &str = "files";

/// The answer of an IndexedDB request, once it has one.
async fn answer(request: &IdbRequest) -> Result<JsValue, JsValue> {
    let promise = Promise::new(&mut |resolve, reject| {
        let done = request.clone();
        let on_success = Closure::once_into_js(move || {
            let _ = resolve.call1(&JsValue::NULL, &done.result().unwrap_or(JsValue::UNDEFINED));
        });
        let on_error = Closure::once_into_js(move || {
            let _ = reject.call0(&JsValue::NULL);
        });
        request.set_onsuccess(Some(on_success.unchecked_ref()));
        request.set_onerror(Some(on_error.unchecked_ref()));
    });
    JsFuture::from(promise).await
}

async fn open() -> Result<IdbDatabase, JsValue> {
    let factory = window().indexed_db()?.ok_or(JsValue::NULL)?;
    let request = factory.open_with_u32(DATABASE, 1)?;
    let upgrading = request.clone();
    let on_upgrade = Closure::once_into_js(move || {
        if let Ok(database) = upgrading.result().and_then(|db| db.dyn_into::<IdbDatabase>()) {
            let _ = database.create_object_store(STORE);
        }
    });
    request.set_onupgradeneeded(Some(on_upgrade.unchecked_ref()));
    Ok(answer(&request).await?.unchecked_into())
}

async fn store(mode: IdbTransactionMode) -> Result<IdbObjectStore, JsValue> {
    open()
        .await?
        .transaction_with_str_and_mode(STORE, mode)?
        .object_store(STORE)
}

/// Keeps the files chosen in `input` under `key` (replacing what was there).
pub async fn keep(key: &str, input: &HtmlInputElement) -> Result<(), JsValue> {
    let files = Array::new();
    if let Some(list) = input.files() {
        (0..list.length()).filter_map(|i| list.get(i)).for_each(|file| {
            files.push(&file);
        });
    }
    answer(
        &store(IdbTransactionMode::Readwrite)
            .await?
            .put_with_key(&files, &key.into())?,
    )
    .await?;
    Ok(())
}

/// Puts the files kept under `key` back into `input`; false when there are none to put back.
pub async fn restore(key: &str, input: &HtmlInputElement) -> Result<bool, JsValue> {
    let kept = answer(&store(IdbTransactionMode::Readonly).await?.get(&key.into())?).await?;
    let files: Vec<File> = Array::from(&kept)
        .iter()
        .filter_map(|file| file.dyn_into::<File>().ok())
        .collect();
    if files.is_empty() {
        return Ok(false);
    }
    let chosen = DataTransfer::new()?;
    for file in &files {
        chosen.items().add_with_file(file)?;
    }
    input.set_files(chosen.files().as_ref());
    // The form's list of chosen files follows the input's change event.
    input.dispatch_event(&leptos::web_sys::Event::new("change")?)?;
    Ok(true)
}

/// Drops the files kept under `key`.
pub async fn forget(key: &str) -> Result<(), JsValue> {
    answer(&store(IdbTransactionMode::Readwrite).await?.delete(&key.into())?).await?;
    Ok(())
}
