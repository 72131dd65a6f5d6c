//! Photos shrunk on the phone before they are sent: a camera's 3–12 MB picture becomes a JPEG
//! whose long side is about 2,000 px, turned upright by its EXIF orientation, so it crosses a weak
//! network in seconds. Rules: only JPEG and PNG files over `SMALL_ENOUGH` are touched; anything
//! that fails (an old browser without `OffscreenCanvas`, an unreadable picture) is sent as it
//! was, and the server shrinks it (`server::photo_shrink`).
use crate::domain::initiative::attachment::jpeg_file_name;
use leptos::wasm_bindgen::JsCast;
use leptos::web_sys::{
    Blob, File, FormData, ImageBitmap, ImageBitmapOptions, ImageEncodeOptions, ImageOrientation,
    OffscreenCanvas, OffscreenCanvasRenderingContext2d,
};
use wasm_bindgen_futures::JsFuture;

/// The long side of a sent photo (the server's `LONG_SIDE` too).
const LONG_SIDE: f64 = 2_000.0;
/// Smaller pictures go as they are.
const SMALL_ENOUGH: f64 = 1_000_000.0;
const JPEG_QUALITY: f64 = 0.85;

/// Whether `file` is a picture this module shrinks.
pub fn is_large_photo(file: &File) -> bool {
    matches!(file.type_().as_str(), "image/jpeg" | "image/png") && file.size() > SMALL_ENOUGH
}

/// Replaces the large photos among `data`'s values of `field` with shrunk copies, in order.
pub async fn shrink_photos(data: &FormData, field: &str) {
    let values = data.get_all(field);
    if !values
        .iter()
        .any(|v| v.dyn_ref::<File>().is_some_and(is_large_photo))
    {
        return;
    }
    data.delete(field);
    for value in values.iter() {
        let Ok(file) = value.dyn_into::<File>() else {
            continue;
        };
        let name = file.name();
        let _ = match shrink(&file).await {
            Some(jpeg) => data.append_with_blob_and_filename(field, &jpeg, &jpeg_file_name(&name)),
            None => data.append_with_blob_and_filename(field, &file, &name),
        };
    }
}

async fn shrink(file: &File) -> Option<Blob> {
    if !is_large_photo(file) {
        return None;
    }
    let options = ImageBitmapOptions::new();
    options.set_image_orientation(ImageOrientation::FromImage);
    let decoding = leptos::prelude::window()
        .create_image_bitmap_with_blob_and_image_bitmap_options(file, &options)
        .ok()?;
    let bitmap: ImageBitmap = JsFuture::from(decoding).await.ok()?.dyn_into().ok()?;
    let (width, height) = (f64::from(bitmap.width()), f64::from(bitmap.height()));
    let scale = (LONG_SIDE / width.max(height)).min(1.0);
    let (to_width, to_height) = ((width * scale).round(), (height * scale).round());
    let canvas = OffscreenCanvas::new(to_width as u32, to_height as u32).ok()?;
    let context: OffscreenCanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    let drawn = context.draw_image_with_image_bitmap_and_dw_and_dh(&bitmap, 0.0, 0.0, to_width, to_height);
    bitmap.close();
    drawn.ok()?;
    let encoding = ImageEncodeOptions::new();
    encoding.set_type("image/jpeg");
    encoding.set_quality(JPEG_QUALITY);
    let jpeg: Blob = JsFuture::from(canvas.convert_to_blob_with_options(&encoding).ok()?)
        .await
        .ok()?
        .dyn_into()
        .ok()?;
    (jpeg.size() < file.size()).then_some(jpeg)
}
