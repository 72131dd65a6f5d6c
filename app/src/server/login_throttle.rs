//! Sign-in throttling. Rules: every attempt is counted before its password is checked, inside
//! one transaction that locks its counters, so parallel guesses are counted one by one. Two
//! counters may refuse an attempt: the client address (all accounts) and the account from that
//! address; each lets its first attempts through, then asks for a wait that doubles with each
//! attempt up to `max_delay_secs`. A refused attempt is not verified at all and gets the same
//! answer as a wrong password. The real owner is never locked out for good: another address
//! starts fresh, a success clears its counters, and every counter is forgotten an hour after its
//! last attempt. A third counter per account name (known or not) only watches: when an account
//! is guessed at from many addresses, each new address gets a single free attempt.
use crate::error::AppError;
use chrono::{DateTime, TimeDelta, Utc};
use sqlx::PgPool;
use std::net::IpAddr;

/// A counter with no attempt for this long starts again.
const WINDOW: TimeDelta = TimeDelta::hours(1);
/// Attempts on one account, from all addresses within the window, that make it watched.
const ACCOUNT_ALERT: i32 = 30;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoginPolicy {
    /// Attempts from one address, on any accounts, before waits begin.
    pub free_per_address: i32,
    /// Attempts on one account from one address before waits begin.
    pub free_per_account: i32,
    /// The longest wait asked for.
    pub max_delay_secs: i64,
}

impl Default for LoginPolicy {
    fn default() -> Self {
        Self {
            free_per_address: 20,
            free_per_account: 5,
            max_delay_secs: 15 * 60,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::FromRow)]
pub struct Counter {
    pub attempts: i32,
    pub next_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// The counter after one more attempt at `now`, or `None` when the attempt must wait.
pub fn admit(
    counter: Option<Counter>,
    now: DateTime<Utc>,
    free: i32,
    max_delay_secs: i64,
) -> Option<Counter> {
    let current = counter.filter(|c| now - c.updated_at < WINDOW);
    if current.is_some_and(|c| now < c.next_at) {
        return None;
    }
    let attempts = current.map_or(0, |c| c.attempts) + 1;
    Some(Counter {
        attempts,
        next_at: now + TimeDelta::seconds(wait_after(attempts, free, max_delay_secs)),
        updated_at: now,
    })
}

/// Seconds to wait after the `attempts`-th attempt: none for the free ones, then 1, 2, 4, …
fn wait_after(attempts: i32, free: i32, max_delay_secs: i64) -> i64 {
    let over = attempts - free;
    if over < 0 {
        0
    } else {
        2_i64.saturating_pow(over.min(62) as u32).min(max_delay_secs)
    }
}

/// The counters of one attempt: by address, by account and address, by account.
pub struct AttemptKeys {
    address: String,
    account_at_address: String,
    account: String,
}

impl AttemptKeys {
    /// `username` as typed (lowercased: unknown names are counted as known ones are).
    pub fn new(address: Option<IpAddr>, username: &str) -> Self {
        let address = address.map_or_else(|| "unknown".to_owned(), |a| a.to_string());
        // Bounded and without control characters: the key is stored, and PostgreSQL refuses NUL.
        let name: String = username
            .trim()
            .to_lowercase()
            .chars()
            .filter(|c| !c.is_control())
            .take(64)
            .collect();
        Self {
            account_at_address: format!("user:{name}@{address}"),
            account: format!("user:{name}"),
            address: format!("ip:{address}"),
        }
    }
}

/// Counts the attempt; `false` when it must wait (then nothing may be verified).
pub async fn count_attempt(pool: &PgPool, keys: &AttemptKeys, policy: LoginPolicy) -> Result<bool, AppError> {
    let mut tx = pool.begin().await?;
    // Creates and locks each counter in one statement: between a separate insert and a read, a
    // success elsewhere could delete the row. Always the same order (address, pair, account),
    // as `clear_after_success` too, so two attempts never wait on each other in a cycle.
    let lock = |key: &str| {
        sqlx::query_as::<_, Counter>(
            "INSERT INTO login_throttle (key, attempts, next_at, updated_at)
             VALUES ($1, 0, clock_timestamp(), clock_timestamp())
             ON CONFLICT (key) DO UPDATE SET key = EXCLUDED.key
             RETURNING attempts, next_at, updated_at",
        )
        .bind(key.to_owned())
    };
    let by_address = lock(&keys.address).fetch_one(&mut *tx).await?;
    let by_pair = lock(&keys.account_at_address).fetch_one(&mut *tx).await?;
    let by_account = lock(&keys.account).fetch_one(&mut *tx).await?;
    // The database's clock, read once the counters are locked: every server agrees on it, and no
    // attempt can see a time before the one that updated a counter ahead of it.
    let now: DateTime<Utc> = sqlx::query_scalar("SELECT clock_timestamp()")
        .fetch_one(&mut *tx)
        .await?;
    // Only watches: its wait is always zero.
    let watched = admit(Some(by_account), now, i32::MAX, 0).unwrap_or(by_account);
    let pair_free = if watched.attempts > ACCOUNT_ALERT {
        1
    } else {
        policy.free_per_account
    };
    let admitted = (
        admit(
            Some(by_address),
            now,
            policy.free_per_address,
            policy.max_delay_secs,
        ),
        admit(Some(by_pair), now, pair_free, policy.max_delay_secs),
    );
    let mut updates = vec![(&keys.account, watched)];
    if let (Some(address), Some(pair)) = admitted {
        updates.push((&keys.address, address));
        updates.push((&keys.account_at_address, pair));
    }
    for (key, counter) in &updates {
        sqlx::query("UPDATE login_throttle SET attempts = $2, next_at = $3, updated_at = $4 WHERE key = $1")
            .bind(key.as_str())
            .bind(counter.attempts)
            .bind(counter.next_at)
            .bind(counter.updated_at)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(updates.len() == 3)
}

/// After a success: this address and this account from it start fresh, the account's watch
/// takes back this attempt (it counts guesses, not an owner who signs in often), stale counters go.
pub async fn clear_after_success(pool: &PgPool, keys: &AttemptKeys) -> Result<(), AppError> {
    let mut tx = pool.begin().await?;
    // The order `count_attempt` locks in: address, pair, account.
    for key in [&keys.address, &keys.account_at_address] {
        sqlx::query("DELETE FROM login_throttle WHERE key = $1")
            .bind(key.as_str())
            .execute(&mut *tx)
            .await?;
    }
    sqlx::query("UPDATE login_throttle SET attempts = greatest(attempts - 1, 0) WHERE key = $1")
        .bind(keys.account.as_str())
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    // Stale counters go, skipping any an attempt holds right now (it is not stale then).
    sqlx::query(
        "DELETE FROM login_throttle WHERE key IN (
             SELECT key FROM login_throttle WHERE updated_at < now() - interval '1 day'
             FOR UPDATE SKIP LOCKED)",
    )
    .execute(pool)
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(secs: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000 + secs, 0).unwrap()
    }

    #[test]
    fn free_attempts_pass_then_waits_double_up_to_the_limit() {
        let mut counter = None;
        let mut now = 0;
        for _ in 0..5 {
            counter = admit(counter, at(now), 5, 900);
            assert!(counter.is_some());
        }
        assert_eq!(counter.unwrap().next_at, at(1), "after the fifth: wait 1 s");
        assert_eq!(admit(counter, at(0), 5, 900), None, "refused while waiting");
        let mut waits = Vec::new();
        for _ in 0..12 {
            let c = counter.unwrap();
            now = (c.next_at - at(0)).num_seconds();
            counter = admit(counter, at(now), 5, 900);
            waits.push((counter.unwrap().next_at - at(now)).num_seconds());
        }
        assert_eq!(waits[..5], [2, 4, 8, 16, 32]);
        assert_eq!(*waits.last().unwrap(), 900);
    }

    #[test]
    fn a_quiet_hour_forgets_the_counter() {
        let tired = Counter {
            attempts: 40,
            next_at: at(900),
            updated_at: at(0),
        };
        assert_eq!(admit(Some(tired), at(600), 5, 900), None);
        let fresh = admit(Some(tired), at(3600), 5, 900).unwrap();
        assert_eq!((fresh.attempts, fresh.next_at), (1, at(3600)));
    }

    #[test]
    fn keys_do_not_tell_known_names_from_unknown_ones() {
        let keys = AttemptKeys::new("127.0.0.2".parse().ok(), " Admin ");
        assert_eq!(keys.address, "ip:127.0.0.2");
        assert_eq!(keys.account_at_address, "user:admin@127.0.0.2");
        assert_eq!(keys.account, "user:admin");
    }
}
