//! Numbers as officials type them: whole numbers for points and counts, a decimal comma (or
//! point) for weights. Each is checked against its range.
use crate::error::Problem;

/// A whole number between `min` and `max`.
pub fn parse_count(raw: &str, min: i64, max: i64) -> Result<i64, Problem> {
    let text = raw.trim();
    if text.is_empty() {
        return Err(Problem::Required);
    }
    let value: i64 = text.parse().map_err(|_| Problem::NotAWholeNumber)?;
    if value < min || value > max {
        return Err(Problem::OutOfRange { min, max });
    }
    Ok(value)
}

/// A decimal between 0 and `max`, with at most two decimals: "0,5", "1.25", "2".
pub fn parse_weight(raw: &str, max: i64) -> Result<f64, Problem> {
    let text = raw.trim().replace(',', ".");
    if text.is_empty() {
        return Err(Problem::Required);
    }
    let decimals = text.split_once('.').map_or(0, |(_, d)| d.len());
    let valid_shape = text.chars().all(|c| c.is_ascii_digit() || c == '.') && text.matches('.').count() <= 1;
    let value: f64 = match (valid_shape, decimals <= 2) {
        (true, true) => text.parse().map_err(|_| Problem::NotADecimal)?,
        _ => return Err(Problem::NotADecimal),
    };
    if !(0.0..=max as f64).contains(&value) {
        return Err(Problem::OutOfRange { min: 0, max });
    }
    Ok(value)
}

/// A weight as Vietnamese write it: "0,5", "1", "1,25".
pub fn format_weight(value: f64) -> String {
    let text = format!("{value:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    text.replace('.', ",")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_whole_numbers_in_range() {
        assert_eq!(parse_count(" 3 ", 1, 50), Ok(3));
        assert_eq!(parse_count("", 1, 50), Err(Problem::Required));
        assert_eq!(parse_count("2,5", 1, 50), Err(Problem::NotAWholeNumber));
        assert_eq!(parse_count("một", 1, 50), Err(Problem::NotAWholeNumber));
        assert_eq!(
            parse_count("0", 1, 50),
            Err(Problem::OutOfRange { min: 1, max: 50 })
        );
        assert_eq!(
            parse_count("51", 1, 50),
            Err(Problem::OutOfRange { min: 1, max: 50 })
        );
    }

    #[test]
    fn weights_take_a_decimal_comma_or_point() {
        assert_eq!(parse_weight("0,5", 10), Ok(0.5));
        assert_eq!(parse_weight("1.25", 10), Ok(1.25));
        assert_eq!(parse_weight("2", 10), Ok(2.0));
        assert_eq!(parse_weight("1,234", 10), Err(Problem::NotADecimal));
        assert_eq!(parse_weight("-1", 10), Err(Problem::NotADecimal));
        assert_eq!(parse_weight("1,2,3", 10), Err(Problem::NotADecimal));
        assert_eq!(
            parse_weight("11", 10),
            Err(Problem::OutOfRange { min: 0, max: 10 })
        );
    }

    #[test]
    fn weights_are_written_with_a_decimal_comma() {
        assert_eq!(format_weight(0.5), "0,5");
        assert_eq!(format_weight(1.0), "1");
        assert_eq!(format_weight(1.25), "1,25");
    }
}
