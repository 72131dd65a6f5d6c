//! Photos straight from a phone camera (3–12 MB, 4,000 px and more) are stored as a JPEG whose
//! long side is at most `LONG_SIDE` pixels, turned the way the camera's EXIF orientation says.
//!
//! Rules: only images larger than the per-file limit or longer than `LONG_SIDE` are decoded; a
//! decode never allocates more than `DECODE_MAX_BYTES`, and at most `DECODES_AT_ONCE` run at a
//! time (each holds the full picture in memory), off the async threads. A picture within the
//! per-file limit that cannot be shrunk is kept as it came (its type was judged by its content, as
//! for any file); a larger one that cannot be is refused as a file of the wrong type.
use crate::domain::initiative::attachment::{megabytes, MediaType, MAX_FILE_MB};
use image::{DynamicImage, ImageDecoder, ImageReader, Limits};
use std::io::Cursor;
use std::sync::LazyLock;
use tokio::sync::Semaphore;

/// The long side of a stored photo: sharp on a conference screen, about 0.5–1 MB as JPEG.
pub const LONG_SIDE: u32 = 2_000;
const JPEG_QUALITY: u8 = 82;
/// A 48-megapixel photo decodes to 144 MB of RGB; past this a file is not a phone photo.
const DECODE_MAX_BYTES: u64 = 400 * 1024 * 1024;
const DECODES_AT_ONCE: usize = 2;

static DECODING: LazyLock<Semaphore> = LazyLock::new(|| Semaphore::new(DECODES_AT_ONCE));

/// The photo to store: `bytes` as they came when small enough, otherwise a shrunk JPEG.
/// `None`: not a picture the decoder can read within its limits.
pub async fn shrink_if_large(media_type: MediaType, bytes: Vec<u8>) -> Option<(MediaType, Vec<u8>)> {
    if !media_type.is_image() {
        return Some((media_type, bytes));
    }
    let small = bytes.len() <= megabytes(MAX_FILE_MB);
    let long = dimensions(&bytes).is_none_or(|(width, height)| width.max(height) > LONG_SIDE);
    if small && !long {
        return Some((media_type, bytes));
    }
    let _permit = DECODING.acquire().await.ok()?;
    let (bytes, shrunk) = tokio::task::spawn_blocking(move || {
        let shrunk = shrink(&bytes);
        (bytes, shrunk)
    })
    .await
    .ok()?;
    match shrunk {
        Some(jpeg) => Some((MediaType::Jpeg, jpeg)),
        None if small => Some((media_type, bytes)),
        None => None,
    }
}

fn reader(bytes: &[u8]) -> Option<ImageReader<Cursor<&[u8]>>> {
    let mut reader = ImageReader::new(Cursor::new(bytes)).with_guessed_format().ok()?;
    let mut limits = Limits::default();
    limits.max_alloc = Some(DECODE_MAX_BYTES);
    reader.limits(limits);
    Some(reader)
}

/// Width and height from the file's header, without decoding the picture.
fn dimensions(bytes: &[u8]) -> Option<(u32, u32)> {
    reader(bytes)?.into_dimensions().ok()
}

/// Decoded, turned upright, scaled so its long side is `LONG_SIDE`, encoded as JPEG.
pub fn shrink(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut decoder = reader(bytes)?.into_decoder().ok()?;
    let orientation = decoder.orientation().ok()?;
    let mut picture = DynamicImage::from_decoder(decoder).ok()?;
    picture.apply_orientation(orientation);
    let picture = if picture.width().max(picture.height()) > LONG_SIDE {
        picture.resize(LONG_SIDE, LONG_SIDE, image::imageops::FilterType::Triangle)
    } else {
        picture
    };
    // JPEG has no transparency: a PNG screenshot's alpha is dropped onto its colours.
    let rgb = DynamicImage::ImageRgb8(picture.into_rgb8());
    let mut out = Cursor::new(Vec::new());
    let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY);
    rgb.write_with_encoder(encoder).ok()?;
    Some(out.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{ImageBuffer, Rgb};

    /// A camera-sized JPEG: 4,000 × 3,000, left half red, right half blue.
    fn camera_photo() -> Vec<u8> {
        let picture = ImageBuffer::from_fn(4_000, 3_000, |x, _| {
            if x < 2_000 {
                Rgb([220u8, 20, 20])
            } else {
                Rgb([20u8, 20, 220])
            }
        });
        let mut out = Cursor::new(Vec::new());
        DynamicImage::ImageRgb8(picture)
            .write_to(&mut out, image::ImageFormat::Jpeg)
            .unwrap();
        out.into_inner()
    }

    #[tokio::test]
    async fn a_camera_photo_is_stored_with_its_long_side_at_two_thousand_pixels() {
        let photo = camera_photo();
        let (media_type, stored) = shrink_if_large(MediaType::Jpeg, photo.clone()).await.unwrap();
        assert_eq!(media_type, MediaType::Jpeg);
        assert_eq!(dimensions(&stored), Some((2_000, 1_500)));
        assert!(stored.len() < photo.len());
        let picture = image::load_from_memory(&stored).unwrap().into_rgb8();
        assert!(picture.get_pixel(100, 750)[0] > 180, "left stays red");
        assert!(picture.get_pixel(1_900, 750)[2] > 180, "right stays blue");
    }

    #[tokio::test]
    async fn a_small_picture_and_a_pdf_are_stored_as_they_came() {
        let small = {
            let mut out = Cursor::new(Vec::new());
            DynamicImage::new_rgb8(800, 600)
                .write_to(&mut out, image::ImageFormat::Png)
                .unwrap();
            out.into_inner()
        };
        let kept = shrink_if_large(MediaType::Png, small.clone()).await.unwrap();
        assert_eq!(kept, (MediaType::Png, small));
        let pdf = b"%PDF-1.4 not an image".to_vec();
        assert_eq!(
            shrink_if_large(MediaType::Pdf, pdf.clone()).await,
            Some((MediaType::Pdf, pdf))
        );
    }

    #[tokio::test]
    async fn a_large_unreadable_picture_is_refused_and_a_small_one_kept_as_it_came() {
        let mut large = vec![0xFF, 0xD8, 0xFF, 0xE0];
        large.resize(megabytes(MAX_FILE_MB) + 1, 0x5A);
        assert_eq!(shrink_if_large(MediaType::Jpeg, large).await, None);
        let small = b"\x89PNG\r\n\x1a\n not really a picture".to_vec();
        assert_eq!(
            shrink_if_large(MediaType::Png, small.clone()).await,
            Some((MediaType::Png, small))
        );
    }

    /// An APP1 segment saying EXIF orientation 6: "turn 90° clockwise to view", as a phone held
    /// upright writes.
    const EXIF_ROTATE_90: [u8; 36] = [
        0xFF, 0xE1, 0x00, 0x22, b'E', b'x', b'i', b'f', 0, 0, b'M', b'M', 0, 0x2A, 0, 0, 0, 8, 0, 1, 0x01,
        0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0,
    ];

    #[test]
    fn the_camera_orientation_turns_the_picture_upright() {
        let mut out = Cursor::new(Vec::new());
        DynamicImage::new_rgb8(40, 30)
            .write_to(&mut out, image::ImageFormat::Jpeg)
            .unwrap();
        let plain = out.into_inner();
        let mut sideways = plain[..2].to_vec();
        sideways.extend_from_slice(&EXIF_ROTATE_90);
        sideways.extend_from_slice(&plain[2..]);
        assert_eq!(dimensions(&sideways), Some((40, 30)), "as the sensor stored it");
        assert_eq!(dimensions(&shrink(&sideways).unwrap()), Some((30, 40)), "upright");
    }
}
