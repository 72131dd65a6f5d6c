//! Submits of new initiatives are written together: while one statement runs, the submits that
//! arrive wait here and go into the next one, so a hall full of phones costs PostgreSQL a few
//! commits instead of one per phone. Rules: a submit is answered only after the statement that
//! holds it has committed; a failed batch is retried one submit at a time, so one bad submit
//! never fails the others; nothing is kept across a restart (an unanswered phone sends again
//! with the same submit key).
use super::db::registration::{self, NewInitiative, Registered};
use crate::error::AppError;
use sqlx::PgPool;
use std::sync::Arc;
use tokio::sync::{mpsc, oneshot, Mutex};

/// The most submits in one statement.
const MAX_BATCH: usize = 64;
/// Statements running at once; the rest of the pool serves pages and the careful path.
const WRITERS: usize = 2;

type Answer = oneshot::Sender<Result<Registered, AppError>>;

#[derive(Clone)]
pub struct RegistrationQueue(mpsc::Sender<(NewInitiative, Answer)>);

impl RegistrationQueue {
    /// Starts the writers; needs a Tokio runtime.
    pub fn start(pool: PgPool) -> Self {
        let (sender, receiver) = mpsc::channel(MAX_BATCH * WRITERS);
        let receiver = Arc::new(Mutex::new(receiver));
        for _ in 0..WRITERS {
            tokio::spawn(write_batches(pool.clone(), receiver.clone()));
        }
        Self(sender)
    }

    /// Registers `new` with whatever else is waiting; returns once it is committed (or refused).
    pub async fn register(&self, new: NewInitiative) -> Result<Registered, AppError> {
        let (answer, answered) = oneshot::channel();
        self.0.send((new, answer)).await.map_err(|_| stopped())?;
        answered.await.map_err(|_| stopped())?
    }
}

fn stopped() -> AppError {
    tracing::error!("registration writers stopped");
    AppError::Internal
}

async fn write_batches(pool: PgPool, queue: Arc<Mutex<mpsc::Receiver<(NewInitiative, Answer)>>>) {
    let mut jobs = Vec::with_capacity(MAX_BATCH);
    loop {
        if queue.lock().await.recv_many(&mut jobs, MAX_BATCH).await == 0 {
            return;
        }
        let (batch, answers): (Vec<_>, Vec<_>) = jobs.drain(..).unzip();
        match registration::register(&pool, &batch).await {
            Ok(outcomes) => {
                for (answer, outcome) in answers.into_iter().zip(outcomes) {
                    let _ = answer.send(Ok(outcome));
                }
            }
            Err(error) if batch.len() == 1 => {
                let _ = answers.into_iter().next().map(|answer| answer.send(Err(error)));
            }
            Err(_) => {
                for (new, answer) in batch.iter().zip(answers) {
                    let alone = registration::register(&pool, std::slice::from_ref(new)).await;
                    let _ = answer.send(alone.map(|mut outcomes| outcomes.remove(0)));
                }
            }
        }
    }
}
