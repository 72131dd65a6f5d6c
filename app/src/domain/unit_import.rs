//! Planning a unit import: every row is checked against the file and the existing tree before
//! anything is written. A file with any bad row imports nothing; a valid file yields the units to
//! create and to update, and re-importing the same file yields nothing to do.
use super::unit::{UnitCode, UnitKind, UnitName};
use crate::error::Problem;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The columns of an import file, in the order the problem report names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ImportColumn {
    Code,
    Name,
    Kind,
    Parent,
}

/// One data row as read from the file; `row` is the spreadsheet row number (header = 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawUnitRow {
    pub row: usize,
    pub code: String,
    pub name: String,
    pub kind: String,
    pub parent: String,
}

/// A unit as it is already stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExistingUnit {
    pub code: UnitCode,
    pub name: String,
    pub kind: UnitKind,
    pub parent: Option<UnitCode>,
    /// It took part in or organized a campaign past its draft: it never moves (history stays;
    /// a reorganised unit is deactivated and a new one made).
    pub in_history: bool,
}

/// A unit as the file wants it to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedUnit {
    pub code: UnitCode,
    pub name: UnitName,
    pub kind: UnitKind,
    pub parent: Option<UnitCode>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ImportPlan {
    pub creates: Vec<PlannedUnit>,
    pub updates: Vec<PlannedUnit>,
    pub unchanged: usize,
}

/// A problem found in one row (`row` 0 means the file as a whole).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowProblem {
    pub row: usize,
    pub column: Option<ImportColumn>,
    pub problem: Problem,
}

struct ParsedRow {
    row: usize,
    unit: PlannedUnit,
}

/// For an organizer's import (`root`: its own unit's code): the rows that would create or change
/// a unit not strictly below `root` once the plan is applied. A row that changes nothing may name
/// `root` itself (a file exported from its tree comes back as it is).
pub fn outside_scope(
    rows: &[RawUnitRow],
    plan: &ImportPlan,
    existing: &[ExistingUnit],
    root: &UnitCode,
) -> Vec<RowProblem> {
    let planned: HashMap<&UnitCode, &Option<UnitCode>> = plan
        .creates
        .iter()
        .chain(&plan.updates)
        .map(|u| (&u.code, &u.parent))
        .collect();
    let stored: HashMap<&UnitCode, &Option<UnitCode>> =
        existing.iter().map(|u| (&u.code, &u.parent)).collect();
    let parent_of = |code: &UnitCode| -> Option<UnitCode> {
        planned
            .get(code)
            .or_else(|| stored.get(code))
            .and_then(|p| (*p).clone())
    };
    let below_root = |code: &UnitCode| {
        let mut current = parent_of(code);
        // A valid plan has no cycle; the bound only guards against a bad tree.
        for _ in 0..=planned.len() + stored.len() {
            match current {
                Some(ref p) if p == root => return true,
                Some(ref p) => current = parent_of(p),
                None => return false,
            }
        }
        false
    };
    rows.iter()
        .filter_map(|row| {
            let code = UnitCode::parse(&row.code).ok()?;
            let changes = planned.contains_key(&code);
            let allowed = below_root(&code) || (!changes && &code == root);
            (!allowed).then_some(RowProblem {
                row: row.row,
                column: Some(ImportColumn::Code),
                problem: Problem::OutsideScope,
            })
        })
        .collect()
}

/// Checks every row and, when all are valid, says what to create and what to update.
pub fn plan_import(rows: &[RawUnitRow], existing: &[ExistingUnit]) -> Result<ImportPlan, Vec<RowProblem>> {
    let mut problems = Vec::new();
    if rows.is_empty() {
        problems.push(RowProblem {
            row: 0,
            column: None,
            problem: Problem::EmptyFile,
        });
        return Err(problems);
    }
    let (parsed, refused) = parse_rows(rows, &mut problems);
    let stored: HashMap<&UnitCode, &ExistingUnit> = existing.iter().map(|u| (&u.code, u)).collect();
    let in_file: HashMap<&UnitCode, usize> = parsed.iter().map(|p| (&p.unit.code, p.row)).collect();

    // Rows under a refused row are told so once per refused parent, not each "parent not found".
    let mut orphans_of_refused: HashMap<&UnitCode, (usize, usize)> = HashMap::new();
    for p in &parsed {
        let Some(parent) = &p.unit.parent else { continue };
        if in_file.contains_key(parent) || stored.contains_key(parent) {
            continue;
        }
        if refused.contains_key(parent) {
            let (_, count) = orphans_of_refused.entry(parent).or_insert((p.row, 0));
            *count += 1;
            continue;
        }
        problems.push(RowProblem {
            row: p.row,
            column: Some(ImportColumn::Parent),
            problem: Problem::UnknownParent {
                code: parent.as_str().to_owned(),
            },
        });
    }
    for (parent, (first_row, rows)) in orphans_of_refused {
        problems.push(RowProblem {
            row: first_row,
            column: Some(ImportColumn::Parent),
            problem: Problem::ParentRowRefused {
                code: parent.as_str().to_owned(),
                parent_row: refused[parent],
                rows,
            },
        });
    }
    for row in rows_in_cycles(&parsed, existing) {
        problems.push(RowProblem {
            row,
            column: Some(ImportColumn::Parent),
            problem: Problem::Cycle,
        });
    }
    if !problems.is_empty() {
        problems.sort_by_key(|p| p.row);
        return Err(problems);
    }

    let moved_from_history: Vec<RowProblem> = parsed
        .iter()
        .filter(|p| {
            stored
                .get(&p.unit.code)
                .is_some_and(|old| old.in_history && old.parent != p.unit.parent)
        })
        .map(|p| RowProblem {
            row: p.row,
            column: Some(ImportColumn::Parent),
            problem: Problem::MovesHistory,
        })
        .collect();
    if !moved_from_history.is_empty() {
        return Err(moved_from_history);
    }

    let mut plan = ImportPlan::default();
    for p in parsed {
        match stored.get(&p.unit.code) {
            None => plan.creates.push(p.unit),
            Some(old)
                if old.name == p.unit.name.as_str()
                    && old.kind == p.unit.kind
                    && old.parent == p.unit.parent =>
            {
                plan.unchanged += 1
            }
            Some(_) => plan.updates.push(p.unit),
        }
    }
    Ok(plan)
}

/// The valid rows, and the code (when readable) of each refused row with its row number.
fn parse_rows(
    rows: &[RawUnitRow],
    problems: &mut Vec<RowProblem>,
) -> (Vec<ParsedRow>, HashMap<UnitCode, usize>) {
    let mut first_row_of: HashMap<UnitCode, usize> = HashMap::new();
    let mut refused: HashMap<UnitCode, usize> = HashMap::new();
    let mut parsed = Vec::with_capacity(rows.len());
    for raw in rows {
        let mut report = |column, problem| {
            problems.push(RowProblem {
                row: raw.row,
                column: Some(column),
                problem,
            })
        };
        let code = UnitCode::parse(&raw.code).map_err(|p| report(ImportColumn::Code, p));
        let name = UnitName::parse(&raw.name).map_err(|p| report(ImportColumn::Name, p));
        let kind = UnitKind::parse(&raw.kind).map_err(|p| report(ImportColumn::Kind, p));
        let parent = match raw.parent.trim() {
            "" => Ok(None),
            text => UnitCode::parse(text)
                .map(Some)
                .map_err(|p| report(ImportColumn::Parent, p)),
        };
        let (Ok(code), Ok(name), Ok(kind), Ok(parent)) = (code.clone(), name, kind, parent) else {
            if let Ok(code) = code {
                refused.entry(code).or_insert(raw.row);
            }
            continue;
        };
        if let Some(first_row) = first_row_of.get(&code) {
            report(
                ImportColumn::Code,
                Problem::DuplicateCode {
                    first_row: *first_row,
                },
            );
            continue;
        }
        first_row_of.insert(code.clone(), raw.row);
        parsed.push(ParsedRow {
            row: raw.row,
            unit: PlannedUnit {
                code,
                name,
                kind,
                parent,
            },
        });
    }
    (parsed, refused)
}

/// Rows whose unit would become its own ancestor once the file is applied over the stored tree.
fn rows_in_cycles(parsed: &[ParsedRow], existing: &[ExistingUnit]) -> Vec<usize> {
    let mut parent_of: HashMap<&UnitCode, Option<&UnitCode>> =
        existing.iter().map(|u| (&u.code, u.parent.as_ref())).collect();
    for p in parsed {
        parent_of.insert(&p.unit.code, p.unit.parent.as_ref());
    }
    let row_of: HashMap<&UnitCode, usize> = parsed.iter().map(|p| (&p.unit.code, p.row)).collect();
    // 0 = unseen, 1 = on the current path, 2 = known to reach a root.
    let mut state: HashMap<&UnitCode, u8> = HashMap::new();
    let mut rows = Vec::new();
    for start in parsed.iter().map(|p| &p.unit.code) {
        let mut path = Vec::new();
        let mut current = Some(start);
        while let Some(code) = current {
            match state.get(code).copied().unwrap_or(0) {
                2 => break,
                1 => {
                    let cycle_start = path.iter().position(|c| *c == code).unwrap_or(0);
                    rows.extend(path[cycle_start..].iter().filter_map(|c| row_of.get(c).copied()));
                    break;
                }
                _ => {
                    state.insert(code, 1);
                    path.push(code);
                    current = parent_of.get(code).copied().flatten();
                }
            }
        }
        for code in path {
            state.insert(code, 2);
        }
    }
    rows.sort_unstable();
    rows.dedup();
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(n: usize, code: &str, name: &str, kind: &str, parent: &str) -> RawUnitRow {
        RawUnitRow {
            row: n,
            code: code.into(),
            name: name.into(),
            kind: kind.into(),
            parent: parent.into(),
        }
    }

    fn stored(code: &str, name: &str, kind: UnitKind, parent: Option<&str>) -> ExistingUnit {
        ExistingUnit {
            code: UnitCode::parse(code).unwrap(),
            name: name.into(),
            kind,
            parent: parent.map(|p| UnitCode::parse(p).unwrap()),
            in_history: false,
        }
    }

    #[test]
    fn a_unit_of_a_past_campaign_is_renamed_but_never_moved() {
        let mut ward = stored("MC-KL", "Phường Ka Long", UnitKind::Ward, Some("MC"));
        ward.in_history = true;
        let existing = [
            stored("QN", "Tỉnh Quảng Ninh", UnitKind::Province, None),
            stored("MC", "Thành phố Móng Cái", UnitKind::District, Some("QN")),
            ward,
        ];
        let moved = [row(2, "MC-KL", "Phường Ka Long", "phường", "QN")];
        assert_eq!(
            plan_import(&moved, &existing).unwrap_err()[0].problem,
            Problem::MovesHistory
        );
        let renamed = [row(2, "MC-KL", "Phường Ka Long (cũ)", "phường", "MC")];
        assert_eq!(plan_import(&renamed, &existing).unwrap().updates.len(), 1);
        let other_moved = [row(2, "MC", "Thành phố Móng Cái", "quận", "")];
        assert!(
            plan_import(&other_moved, &existing).is_ok(),
            "a unit of no campaign moves"
        );
    }

    #[test]
    fn an_organizer_imports_only_below_its_own_unit() {
        let existing = [
            stored("HCM", "Thành phố Hồ Chí Minh", UnitKind::Province, None),
            stored("Q11", "Quận 11", UnitKind::District, Some("HCM")),
            stored("Q1", "Quận 1", UnitKind::District, Some("HCM")),
            stored("Q11-P5", "Phường 5", UnitKind::Ward, Some("Q11")),
        ];
        let root = UnitCode::parse("Q11").unwrap();
        let rows = [
            // Its own unit, unchanged (an exported file comes back as it is): allowed.
            row(2, "Q11", "Quận 11", "quận", "HCM"),
            // A new ward under a new ward under its unit: allowed, order in the file aside.
            row(3, "Q11-X2", "Khu phố 2", "khác", "Q11-X1"),
            row(4, "Q11-X1", "Phường X", "phường", "Q11"),
            // Renaming a ward below it: allowed.
            row(5, "Q11-P5", "Phường 5 (mới)", "phường", "Q11"),
            // A unit of another district, a new root, its own unit renamed, its parent: refused.
            row(6, "Q1-NEW", "Phường mới", "phường", "Q1"),
            row(7, "ROOT2", "Tỉnh khác", "tỉnh", ""),
            row(8, "HCM", "Thành phố HCM", "tỉnh", ""),
        ];
        let plan = plan_import(&rows, &existing).unwrap();
        let refused: Vec<usize> = outside_scope(&rows, &plan, &existing, &root)
            .iter()
            .map(|p| p.row)
            .collect();
        assert_eq!(refused, vec![6, 7, 8]);
        let renamed_own = [row(2, "Q11", "Quận Mười Một", "quận", "HCM")];
        let plan = plan_import(&renamed_own, &existing).unwrap();
        assert_eq!(outside_scope(&renamed_own, &plan, &existing, &root).len(), 1);
        // Moving a ward of its own out of its tree is refused too.
        let moved_out = [row(2, "Q11-P5", "Phường 5", "phường", "Q1")];
        let plan = plan_import(&moved_out, &existing).unwrap();
        assert_eq!(outside_scope(&moved_out, &plan, &existing, &root).len(), 1);
    }

    #[test]
    fn parent_may_appear_later_in_the_file() {
        let rows = [
            row(2, "P1", "Phường 1", "phường", "GV"),
            row(3, "GV", "Quận Gò Vấp", "quận", ""),
        ];
        let plan = plan_import(&rows, &[]).unwrap();
        assert_eq!(plan.creates.len(), 2);
    }

    #[test]
    fn reimporting_the_same_rows_changes_nothing() {
        let rows = [row(2, "GV", "Quận Gò Vấp", "quận", "")];
        let existing = [stored("GV", "Quận Gò Vấp", UnitKind::District, None)];
        let plan = plan_import(&rows, &existing).unwrap();
        assert_eq!(
            (plan.creates.len(), plan.updates.len(), plan.unchanged),
            (0, 0, 1)
        );
    }

    #[test]
    fn a_changed_name_updates_the_unit_with_that_code() {
        let rows = [row(2, "GV", "Quận  Gò Vấp mới", "quận", "")];
        let existing = [stored("GV", "Quận Gò Vấp", UnitKind::District, None)];
        let plan = plan_import(&rows, &existing).unwrap();
        assert_eq!(plan.updates[0].name.as_str(), "Quận Gò Vấp mới");
    }

    #[test]
    fn every_bad_row_is_reported_with_its_number() {
        let rows = [
            row(2, "A", "", "phường", ""),
            row(3, "B", "Phường B", "hợp tác xã", ""),
            row(4, "C", "Phường C", "phường", "ZZZ"),
            row(5, "D", "Phường D", "phường", ""),
            row(6, "D", "Phường D lặp", "phường", ""),
        ];
        let problems = plan_import(&rows, &[]).unwrap_err();
        let got: Vec<_> = problems.iter().map(|p| (p.row, p.problem.clone())).collect();
        assert_eq!(
            got,
            vec![
                (2, Problem::Required),
                (3, Problem::UnknownKind),
                (4, Problem::UnknownParent { code: "ZZZ".into() }),
                (6, Problem::DuplicateCode { first_row: 5 }),
            ]
        );
    }

    #[test]
    fn rows_under_a_refused_row_are_told_once_about_their_parent() {
        let mut rows = vec![
            row(2, "T22", "Tỉnh Quảng Ninh", "tỉnh thành phố mới", ""),
            row(3, "T01", "Thành phố Hà Nội", "Thành phố trung ương", ""),
        ];
        rows.extend((0..300).map(|i| {
            let code = format!("X{i:05}");
            row(4 + i, &code, &format!("Phường {i}"), "Phường", "T22")
        }));
        rows.push(row(304, "X99999", "Xã Lạc", "Xã", "T99"));
        let problems = plan_import(&rows, &[]).unwrap_err();
        let got: Vec<_> = problems.iter().map(|p| (p.row, p.problem.clone())).collect();
        assert_eq!(
            got,
            vec![
                (2, Problem::UnknownKind),
                (
                    4,
                    Problem::ParentRowRefused {
                        code: "T22".into(),
                        parent_row: 2,
                        rows: 300
                    }
                ),
                (304, Problem::UnknownParent { code: "T99".into() }),
            ]
        );
    }

    #[test]
    fn a_cycle_in_the_file_is_reported_on_each_of_its_rows() {
        let rows = [
            row(2, "A", "A", "phường", "B"),
            row(3, "B", "B", "phường", "A"),
            row(4, "C", "C", "phường", "A"),
        ];
        let problems = plan_import(&rows, &[]).unwrap_err();
        let rows: Vec<_> = problems.iter().map(|p| p.row).collect();
        assert_eq!(rows, vec![2, 3]);
        assert!(problems.iter().all(|p| p.problem == Problem::Cycle));
    }

    #[test]
    fn a_cycle_through_the_stored_tree_is_refused() {
        let existing = [
            stored("Q", "Quận", UnitKind::District, None),
            stored("P", "Phường", UnitKind::Ward, Some("Q")),
        ];
        let rows = [row(2, "Q", "Quận", "quận", "P")];
        assert_eq!(
            plan_import(&rows, &existing).unwrap_err()[0].problem,
            Problem::Cycle
        );
    }

    #[test]
    fn a_unit_that_is_its_own_parent_is_a_cycle() {
        let rows = [row(2, "A", "A", "phường", "a")];
        assert_eq!(plan_import(&rows, &[]).unwrap_err()[0].problem, Problem::Cycle);
    }

    #[test]
    fn an_empty_file_is_refused() {
        assert_eq!(plan_import(&[], &[]).unwrap_err()[0].problem, Problem::EmptyFile);
    }
}
