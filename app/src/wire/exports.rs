//! The tables that can be downloaded (`GET /exports/{table}.{format}`, served by
//! `server::exports`), named the same way by the pages that link to them and the route.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportTable {
    Units,
    Participation,
    Initiatives,
    MemberScores,
    UnitResults,
    InitiativeResults,
    Awards,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Xlsx,
    Csv,
}

impl ExportTable {
    pub const ALL: [ExportTable; 7] = [
        ExportTable::Units,
        ExportTable::Participation,
        ExportTable::Initiatives,
        ExportTable::MemberScores,
        ExportTable::UnitResults,
        ExportTable::InitiativeResults,
        ExportTable::Awards,
    ];

    /// The name in the address.
    pub fn slug(self) -> &'static str {
        match self {
            ExportTable::Units => "units",
            ExportTable::Participation => "participation",
            ExportTable::Initiatives => "initiatives",
            ExportTable::MemberScores => "member-scores",
            ExportTable::UnitResults => "unit-results",
            ExportTable::InitiativeResults => "initiative-results",
            ExportTable::Awards => "awards",
        }
    }

    /// The start of the downloaded file's name, in Vietnamese without diacritics.
    pub fn file_name(self) -> &'static str {
        match self {
            ExportTable::Units => "don-vi",
            ExportTable::Participation => "tinh-hinh-dang-ky",
            ExportTable::Initiatives => "sang-kien",
            ExportTable::MemberScores => "diem-thanh-vien-hoi-dong",
            ExportTable::UnitResults => "ket-qua-don-vi",
            ExportTable::InitiativeResults => "ket-qua-sang-kien",
            ExportTable::Awards => "khen-thuong",
        }
    }
}

impl ExportFormat {
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Xlsx => "xlsx",
            ExportFormat::Csv => "csv",
        }
    }
}

/// Reads the last part of an export address, `unit-results.xlsx`.
pub fn parse_file(file: &str) -> Option<(ExportTable, ExportFormat)> {
    let (slug, extension) = file.rsplit_once('.')?;
    let table = ExportTable::ALL.into_iter().find(|t| t.slug() == slug)?;
    let format = [ExportFormat::Xlsx, ExportFormat::Csv]
        .into_iter()
        .find(|f| f.extension() == extension)?;
    Some((table, format))
}

/// The download's address: the campaign (none for the unit list) and the page's own query
/// (filters, sort, a link-only board's key), so the file holds what the page showed.
pub fn export_address(
    table: ExportTable,
    format: ExportFormat,
    campaign: Option<i64>,
    query: &str,
) -> String {
    let mut pairs = form_urlencoded::Serializer::new(String::new());
    if let Some(id) = campaign {
        pairs.append_pair("campaign", &id.to_string());
    }
    let mut tail = pairs.finish();
    let query = query.trim_start_matches('?');
    for part in query
        .split('&')
        .filter(|p| !p.is_empty() && !p.starts_with("campaign="))
    {
        if !tail.is_empty() {
            tail.push('&');
        }
        tail.push_str(part);
    }
    let address = format!("/exports/{}.{}", table.slug(), format.extension());
    if tail.is_empty() {
        address
    } else {
        format!("{address}?{tail}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_reads_back_from_its_address() {
        for table in ExportTable::ALL {
            for format in [ExportFormat::Xlsx, ExportFormat::Csv] {
                let address = export_address(table, format, Some(3), "?q=ph%C6%B0%E1%BB%9Dng&page=2");
                let file = address.trim_start_matches("/exports/").split('?').next().unwrap();
                assert_eq!(parse_file(file), Some((table, format)));
                assert!(
                    address.ends_with("?campaign=3&q=ph%C6%B0%E1%BB%9Dng&page=2"),
                    "{address}"
                );
            }
        }
        assert_eq!(parse_file("units.pdf"), None);
        assert_eq!(parse_file("secrets.csv"), None);
        assert_eq!(
            export_address(ExportTable::Units, ExportFormat::Csv, None, ""),
            "/exports/units.csv"
        );
    }
}
