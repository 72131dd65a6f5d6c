//! The list sections: fields (one per line), criteria with maximum points and the rating
//! thresholds, award forms. Blank rows are ignored; names are unique within a list (compared
//! without diacritics or case); thresholds are strictly ordered and within the criteria's total.
use super::general::required_text;
use super::numbers::parse_count;
use super::{AwardForm, Criterion, Recipient, Thresholds};
use crate::domain::text::fold_for_search;
use crate::error::{AppError, Checks, FieldError, Problem};
use serde::{Deserialize, Serialize};

pub const NAME_MAX: usize = 200;
pub const LIST_MAX: usize = 50;
pub const POINTS_MAX: i64 = 1000;

/// A criterion row as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CriterionInput {
    pub name: String,
    pub max_points: String,
}

/// An award-form row as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AwardFormInput {
    pub name: String,
    pub recipient: String,
}

/// The field name of column `column` in row `index` of list `list`, e.g. `criteria[2][name]`.
pub fn row_field(list: &str, index: usize, column: &str) -> String {
    format!("{list}[{index}][{column}]")
}

/// Fields typed one per line in the textarea `fields`.
pub fn parse_fields(text: &str) -> Result<Vec<String>, AppError> {
    let mut names: Vec<String> = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    let mut problems = Vec::new();
    for (line_no, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        match required_text(line, NAME_MAX) {
            Ok(name) => {
                let folded = fold_for_search(&name);
                if seen.contains(&folded) {
                    problems.push(FieldError::new(
                        "fields",
                        Problem::DuplicateLine { line: line_no + 1 },
                    ));
                } else {
                    seen.push(folded);
                    names.push(name);
                }
            }
            Err(problem) => problems.push(FieldError::new("fields", problem)),
        }
    }
    if names.len() > LIST_MAX {
        problems.push(FieldError::new("fields", Problem::TooManyItems { max: LIST_MAX }));
    }
    if problems.is_empty() {
        Ok(names)
    } else {
        Err(AppError::Invalid(problems))
    }
}

fn is_blank(row: &CriterionInput) -> bool {
    row.name.trim().is_empty() && row.max_points.trim().is_empty()
}

/// Criteria rows and the three thresholds, checked together (thresholds depend on the total).
pub fn parse_criteria(
    rows: &[CriterionInput],
    excellent: &str,
    good: &str,
    pass: &str,
) -> Result<(Vec<Criterion>, Thresholds), AppError> {
    let mut checks = Checks::default();
    let mut criteria = Vec::new();
    let mut seen = Vec::new();
    for (index, row) in rows.iter().enumerate() {
        if is_blank(row) {
            continue;
        }
        let name_field = row_field("criteria", index, "name");
        let name = checks.check(&name_field, required_text(&row.name, NAME_MAX));
        let max = checks.check(
            &row_field("criteria", index, "max_points"),
            parse_count(&row.max_points, 1, POINTS_MAX),
        );
        if let Some(name) = &name {
            let folded = fold_for_search(name);
            if seen.contains(&folded) {
                checks.check::<()>(&name_field, Err(Problem::DuplicateName));
            }
            seen.push(folded);
        }
        if let (Some(name), Some(max)) = (name, max) {
            criteria.push(Criterion {
                name,
                max_points: max as i32,
            });
        }
    }
    if criteria.len() > LIST_MAX {
        checks.check::<()>("criteria", Err(Problem::TooManyItems { max: LIST_MAX }));
    }
    let total: i64 = criteria.iter().map(|c| i64::from(c.max_points)).sum();
    // While a row is wrong the total is unknown: only the thresholds' own shape is checked.
    let rows_ok = criteria.len() == rows.iter().filter(|r| !is_blank(r)).count();
    let ceiling = if rows_ok {
        total.max(1)
    } else {
        POINTS_MAX * LIST_MAX as i64
    };
    let excellent = checks.check("excellent_min", parse_count(excellent, 1, ceiling));
    let good = checks.check("good_min", parse_count(good, 1, ceiling));
    let pass = checks.check("pass_min", parse_count(pass, 1, ceiling));
    if let (Some(e), Some(g)) = (excellent, good) {
        if g >= e {
            checks.check::<()>("good_min", Err(Problem::ThresholdNotBelow));
        }
    }
    if let (Some(g), Some(p)) = (good, pass) {
        if p >= g {
            checks.check::<()>("pass_min", Err(Problem::ThresholdNotBelow));
        }
    }
    checks.finish()?;
    match (excellent, good, pass) {
        (Some(excellent), Some(good), Some(pass)) => Ok((
            criteria,
            Thresholds {
                excellent: excellent as i32,
                good: good as i32,
                pass: pass as i32,
            },
        )),
        _ => Err(AppError::Internal),
    }
}

pub fn parse_award_forms(rows: &[AwardFormInput]) -> Result<Vec<AwardForm>, AppError> {
    let mut checks = Checks::default();
    let mut forms = Vec::new();
    let mut seen = Vec::new();
    for (index, row) in rows.iter().enumerate() {
        if row.name.trim().is_empty() {
            continue;
        }
        let name_field = row_field("award_forms", index, "name");
        let name = checks.check(&name_field, required_text(&row.name, NAME_MAX));
        let recipient = checks.check(
            &row_field("award_forms", index, "recipient"),
            Recipient::parse(&row.recipient).ok_or(Problem::Required),
        );
        if let (Some(name), Some(recipient)) = (name, recipient) {
            let key = (fold_for_search(&name), recipient);
            if seen.contains(&key) {
                checks.check::<()>(&name_field, Err(Problem::DuplicateName));
            }
            seen.push(key);
            forms.push(AwardForm { name, recipient });
        }
    }
    if forms.len() > LIST_MAX {
        checks.check::<()>("award_forms", Err(Problem::TooManyItems { max: LIST_MAX }));
    }
    checks.finish()?;
    Ok(forms)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(list: &[(&str, &str)]) -> Vec<CriterionInput> {
        list.iter()
            .map(|(n, m)| CriterionInput {
                name: (*n).into(),
                max_points: (*m).into(),
            })
            .collect()
    }

    fn problems(result: Result<impl std::fmt::Debug, AppError>) -> Vec<(String, Problem)> {
        match result {
            Err(AppError::Invalid(errors)) => errors.into_iter().map(|e| (e.field, e.problem)).collect(),
            other => panic!("expected problems, got {other:?}"),
        }
    }

    #[test]
    fn fields_are_read_one_per_line_skipping_blank_lines() {
        let fields = parse_fields("Dịch vụ công trực tuyến\r\n\r\n  Dân vận   khéo \n").expect("valid");
        assert_eq!(fields, ["Dịch vụ công trực tuyến", "Dân vận khéo"]);
    }

    #[test]
    fn a_repeated_field_is_reported_with_its_line() {
        let found = problems(parse_fields("Dân vận khéo\nDAN VAN KHEO"));
        assert_eq!(found, [("fields".to_owned(), Problem::DuplicateLine { line: 2 })]);
    }

    #[test]
    fn criteria_and_ordered_thresholds_are_accepted() {
        let (criteria, thresholds) = parse_criteria(
            &rows(&[("Tính mới", "60"), ("", ""), ("Hiệu quả", "40")]),
            "90",
            "70",
            "50",
        )
        .expect("valid");
        assert_eq!(criteria.len(), 2);
        assert_eq!(thresholds.excellent, 90);
    }

    #[test]
    fn criteria_maxima_must_be_positive_whole_numbers() {
        let found = problems(parse_criteria(
            &rows(&[("Tính mới", "0"), ("Tính khả thi", "abc"), ("", "10")]),
            "5",
            "3",
            "1",
        ));
        let fields: Vec<&str> = found.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(
            fields,
            [
                "criteria[0][max_points]",
                "criteria[1][max_points]",
                "criteria[2][name]"
            ]
        );
    }

    #[test]
    fn thresholds_must_be_strictly_ordered() {
        let found = problems(parse_criteria(&rows(&[("Tính mới", "100")]), "70", "70", "80"));
        assert_eq!(
            found,
            [
                ("good_min".to_owned(), Problem::ThresholdNotBelow),
                ("pass_min".to_owned(), Problem::ThresholdNotBelow)
            ]
        );
    }

    #[test]
    fn thresholds_must_fit_within_the_total() {
        let found = problems(parse_criteria(&rows(&[("Tính mới", "50")]), "90", "40", "20"));
        assert_eq!(
            found,
            [(
                "excellent_min".to_owned(),
                Problem::OutOfRange { min: 1, max: 50 }
            )]
        );
    }

    #[test]
    fn duplicate_criteria_names_are_refused() {
        let found = problems(parse_criteria(
            &rows(&[("Tính mới", "50"), ("tinh moi", "50")]),
            "90",
            "70",
            "50",
        ));
        assert_eq!(found, [("criteria[1][name]".to_owned(), Problem::DuplicateName)]);
    }

    #[test]
    fn the_same_award_name_may_go_to_a_collective_and_to_a_person() {
        let forms = parse_award_forms(&[
            AwardFormInput {
                name: "Giấy khen".into(),
                recipient: "collective".into(),
            },
            AwardFormInput {
                name: "Giấy khen".into(),
                recipient: "individual".into(),
            },
        ])
        .expect("valid");
        assert_eq!(forms.len(), 2);
        let found = problems(parse_award_forms(&[
            AwardFormInput {
                name: "Giấy khen".into(),
                recipient: "collective".into(),
            },
            AwardFormInput {
                name: "giấy khen".into(),
                recipient: "collective".into(),
            },
        ]));
        assert_eq!(
            found,
            [("award_forms[1][name]".to_owned(), Problem::DuplicateName)]
        );
    }
}
