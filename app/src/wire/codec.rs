//! How page data travels from the server's render to the browser's hydration: JSON, read with
//! `serde_json::from_slice` as server function answers are, so the WebAssembly carries one
//! JSON reader per type instead of two (leptos' default codec reads with `from_str`).
//!
//! Rule: every `Resource` in the app is made by [`page_resource`], every JSON the browser reads
//! itself goes through [`from_json`].
use leptos::prelude::*;
use leptos::server::codee::{Decoder, Encoder};
use serde::{de::DeserializeOwned, Serialize};
use std::future::Future;

/// JSON in both directions, decoded from bytes.
pub struct SliceJson;

impl<T: Serialize> Encoder<T> for SliceJson {
    type Error = serde_json::Error;
    type Encoded = String;

    fn encode(value: &T) -> Result<String, serde_json::Error> {
        serde_json::to_string(value)
    }
}

impl<T: DeserializeOwned> Decoder<T> for SliceJson {
    type Error = serde_json::Error;
    type Encoded = str;

    fn decode(text: &str) -> Result<T, serde_json::Error> {
        from_json(text)
    }
}

/// A value read from JSON text, with the one reader the app uses.
pub fn from_json<T: DeserializeOwned>(text: &str) -> Result<T, serde_json::Error> {
    serde_json::from_slice(text.as_bytes())
}

/// A resource whose value the server's render hands to the browser (see the module's rule).
#[track_caller]
pub fn page_resource<S, T, Fut>(
    source: impl Fn() -> S + Send + Sync + 'static,
    fetch: impl Fn(S) -> Fut + Send + Sync + 'static,
) -> Resource<T, SliceJson>
where
    S: PartialEq + Clone + Send + Sync + 'static,
    T: Serialize + DeserializeOwned + Send + Sync + 'static,
    Fut: Future<Output = T> + Send + 'static,
{
    Resource::new_with_options(source, fetch, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_codec_round_trips_vietnamese_text() {
        let text = <SliceJson as Encoder<Vec<String>>>::encode(&vec!["Phường Đa Kao".into()]).unwrap();
        let back: Vec<String> = <SliceJson as Decoder<Vec<String>>>::decode(&text).unwrap();
        assert_eq!(back, ["Phường Đa Kao"]);
    }
}
