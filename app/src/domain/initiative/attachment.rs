//! Attached files: PDF, JPEG or PNG only, decided from the content by the server. Limits are per
//! file and per initiative (or report), and the page states them.
use serde::{Deserialize, Serialize};

pub const MAX_FILE_MB: usize = 5;
pub const MAX_TOTAL_MB: usize = 15;
/// A photo from a phone camera may arrive this large; it is stored shrunk (`server::photo_shrink`).
pub const MAX_PHOTO_MB: usize = 15;
pub const MAX_FILES: usize = 6;
pub const FILE_NAME_MAX: usize = 200;

pub const fn megabytes(mb: usize) -> usize {
    mb * 1024 * 1024
}

/// The name a photo stored as JPEG goes by: its own when it already says JPEG, otherwise with
/// its extension replaced by `.jpg` (a shrunk PNG or camera file).
pub fn jpeg_file_name(name: &str) -> String {
    let lower = name.to_lowercase();
    if lower.ends_with(".jpg") || lower.ends_with(".jpeg") {
        return name.to_owned();
    }
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    format!("{stem}.jpg")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MediaType {
    Pdf,
    Jpeg,
    Png,
}

impl MediaType {
    pub const ALL: [MediaType; 3] = [MediaType::Pdf, MediaType::Jpeg, MediaType::Png];

    pub fn mime(self) -> &'static str {
        match self {
            MediaType::Pdf => "application/pdf",
            MediaType::Jpeg => "image/jpeg",
            MediaType::Png => "image/png",
        }
    }

    pub fn from_mime(mime: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.mime() == mime)
    }

    pub fn is_image(self) -> bool {
        self != MediaType::Pdf
    }
}

/// A stored file as lists show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttachmentInfo {
    pub id: i64,
    pub file_name: String,
    pub media_type: MediaType,
    pub size_bytes: i32,
}

/// "1,5 MB", "320 KB": sizes as a Vietnamese reader writes them.
pub fn size_text(bytes: i64) -> String {
    if bytes >= 1024 * 1024 {
        let tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024);
        match tenths % 10 {
            0 => format!("{} MB", tenths / 10),
            d => format!("{},{d} MB", tenths / 10),
        }
    } else {
        format!("{} KB", (bytes + 1023) / 1024)
    }
}

/// The name a file is stored under: the last path part, no control characters, not empty.
pub fn clean_file_name(raw: &str) -> String {
    let base = raw.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = base
        .chars()
        .filter(|c| !c.is_control())
        .take(FILE_NAME_MAX)
        .collect();
    let cleaned = crate::domain::text::normalize_text(&cleaned);
    if cleaned.is_empty() {
        "tep-dinh-kem".to_owned()
    } else {
        cleaned
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_photo_stored_as_jpeg_is_named_so() {
        assert_eq!(jpeg_file_name("IMG_0412.JPG"), "IMG_0412.JPG");
        assert_eq!(jpeg_file_name("ảnh.jpeg"), "ảnh.jpeg");
        assert_eq!(jpeg_file_name("chụp màn hình.png"), "chụp màn hình.jpg");
        assert_eq!(jpeg_file_name("anh"), "anh.jpg");
    }

    #[test]
    fn sizes_read_the_vietnamese_way() {
        assert_eq!(size_text(300), "1 KB");
        assert_eq!(size_text(320 * 1024), "320 KB");
        assert_eq!(size_text(3 * 1024 * 1024 / 2), "1,5 MB");
        assert_eq!(size_text(5 * 1024 * 1024), "5 MB");
    }

    #[test]
    fn file_names_lose_their_folders_and_control_characters() {
        assert_eq!(clean_file_name("C:\\Users\\a\\Ảnh  chụp.jpg"), "Ảnh chụp.jpg");
        assert_eq!(clean_file_name("../../etc/passwd"), "passwd");
        assert_eq!(clean_file_name("a\u{0}b\n.pdf"), "ab.pdf");
        assert_eq!(clean_file_name(""), "tep-dinh-kem");
    }
}
