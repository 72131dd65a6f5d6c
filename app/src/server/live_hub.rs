//! Live standings on one app server. One listener per server waits on PostgreSQL's `standings`
//! channel (triggers notify it, with the campaign id, at every commit that changes standings);
//! for each campaign that has open screens the hub keeps the latest board as JSON in a `watch`
//! channel that every screen reads. Rules: nothing here is the source of truth, every board is
//! rebuilt from the database; a board is rebuilt at once on a change, then at most once per
//! `SETTLE` while changes keep coming, always after the last one; when the listener reconnects
//! every watched board is rebuilt, so a notification lost meanwhile never leaves a screen behind.
//! Board pages and their server functions read the same boards (`current`): a board opened that
//! way stays watched for `KEPT_FOR` after it was first asked for, so a crowd loading a page costs
//! one build, not one per visitor.
//! The same listener waits on channel `ceremony`: a live ceremony's current step is read and sent
//! to the campaign's screens at once (its own small `stage` event, never held back by `SETTLE`).
use super::access::BoardPass;
use super::live_board;
use crate::domain::ceremony::Stage;
use crate::error::AppError;
use crate::wire::live::LiveBoard;
use axum::body::Bytes;
use sqlx::postgres::PgListener;
use sqlx::PgPool;
use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::{watch, Notify};

/// The channel the triggers of migration `20261127000001` notify.
pub const CHANNEL: &str = "standings";
/// The channel the trigger of migration `20261208000001` notifies at each ceremony change.
pub const CEREMONY_CHANNEL: &str = "ceremony";
/// Pause between two rebuilds of one board while registrations pour in.
const SETTLE: Duration = Duration::from_millis(150);
const RETRY_FIRST: Duration = Duration::from_millis(500);
const RETRY_MAX: Duration = Duration::from_secs(30);
/// How long a board asked for by a page stays watched without any screen.
const KEPT_FOR: Duration = Duration::from_secs(60);

/// The latest board of a campaign, as the Server-Sent Event every screen receives: made once per
/// change and shared, so a thousand screens cost a thousand writes of the same bytes, not a
/// thousand copies.
#[derive(Clone)]
pub struct PublishedBoard {
    /// `event: board` with the board's JSON (one line: serde_json writes no newlines).
    pub frame: Bytes,
    /// Screens need the board's key (checked before they subscribe).
    pub link_only: bool,
    /// The board itself, for pages and server functions.
    pub board: Arc<LiveBoard>,
}

/// A campaign's ceremony as screens see it: the current step's stage while it runs live.
#[derive(Clone)]
pub struct PublishedStage {
    /// `event: stage` with the stage's JSON (`null` when no ceremony runs live).
    pub frame: Bytes,
    pub stage: Option<Arc<Stage>>,
}

#[derive(Clone)]
pub struct LiveHub {
    inner: Arc<Inner>,
}

struct Inner {
    pool: PgPool,
    watched: Mutex<HashMap<i64, Watched>>,
    /// One gate per campaign whose first board is being built: a hall of screens that reconnect
    /// together (a server restarted) waits for one build instead of each querying the database.
    first_builds: Mutex<HashMap<i64, Arc<tokio::sync::Mutex<()>>>>,
    /// The listener starts with the first screen, so a server nobody watches holds no connection.
    listening: AtomicBool,
    /// Set when the server stops: open streams end, so screens move to another server at once.
    stopping: watch::Sender<bool>,
    /// Open board streams per client address.
    streams: Mutex<HashMap<IpAddr, usize>>,
    /// Boards built since the server started (first builds and rebuilds), for tests and logs.
    builds: std::sync::atomic::AtomicUsize,
}

/// One open board stream of a client address, counted until it is dropped.
pub struct StreamSlot {
    hub: LiveHub,
    address: IpAddr,
}

impl Drop for StreamSlot {
    fn drop(&mut self) {
        let mut streams = lock(&self.hub.inner.streams);
        if let Some(n) = streams.get_mut(&self.address) {
            *n -= 1;
            if *n == 0 {
                streams.remove(&self.address);
            }
        }
    }
}

struct Watched {
    board: watch::Sender<PublishedBoard>,
    changed: Arc<Notify>,
    /// Held for `KEPT_FOR` after a page asked for the board, so it stays watched meanwhile.
    kept: Option<watch::Receiver<PublishedBoard>>,
    stage: watch::Sender<PublishedStage>,
    stage_changed: Arc<Notify>,
}

impl LiveHub {
    pub fn new(pool: PgPool) -> Self {
        Self {
            inner: Arc::new(Inner {
                pool,
                watched: Mutex::new(HashMap::new()),
                first_builds: Mutex::new(HashMap::new()),
                listening: AtomicBool::new(false),
                stopping: watch::Sender::new(false),
                streams: Mutex::new(HashMap::new()),
                builds: Default::default(),
            }),
        }
    }

    /// The current board of the pass's campaign and its changes from now on; "not found" for a
    /// campaign that has no board, or a board the pass does not open — before any board is built
    /// for the caller.
    pub async fn subscribe(&self, pass: &BoardPass) -> Result<watch::Receiver<PublishedBoard>, AppError> {
        let campaign_id = pass.campaign_id();
        if !self.inner.listening.swap(true, Ordering::SeqCst) {
            tokio::spawn(listen(self.clone()));
        }
        if let Some(receiver) = self.subscribe_watched(campaign_id) {
            return admit(receiver, pass);
        }
        let gate = self.first_build_gate(campaign_id);
        let _building = gate.lock().await;
        let built = self.watch_first(pass).await;
        let mut gates = lock(&self.inner.first_builds);
        // Only this gate: a later one may guard a new first build (the board was dropped meanwhile).
        if gates.get(&campaign_id).is_some_and(|g| Arc::ptr_eq(g, &gate)) {
            gates.remove(&campaign_id);
        }
        built
    }

    /// Builds and watches a campaign's board unless a screen before this one already did.
    async fn watch_first(&self, pass: &BoardPass) -> Result<watch::Receiver<PublishedBoard>, AppError> {
        let campaign_id = pass.campaign_id();
        if let Some(receiver) = self.subscribe_watched(campaign_id) {
            return admit(receiver, pass);
        }
        let pool = &self.inner.pool;
        let campaign =
            live_board::opened_campaign(pool, campaign_id, |link_only| pass.opens(link_only)).await?;
        self.inner.builds.fetch_add(1, Ordering::Relaxed);
        let first = publish(live_board::build_from(pool, campaign_id, campaign).await?)?;
        let first_stage = publish_stage(super::ceremony::screen_stage(pool, campaign_id).await?)?;
        let mut watched = self.watched();
        // Another screen may have started watching while this board was built.
        if let Some(existing) = watched.get(&campaign_id) {
            return admit(existing.board.subscribe(), pass);
        }
        let (board, receiver) = watch::channel(first);
        let changed = Arc::new(Notify::new());
        let stage_changed = Arc::new(Notify::new());
        watched.insert(
            campaign_id,
            Watched {
                board,
                changed: changed.clone(),
                kept: None,
                stage: watch::Sender::new(first_stage),
                stage_changed: stage_changed.clone(),
            },
        );
        tokio::spawn(refresh_while_watched(self.clone(), campaign_id, changed));
        tokio::spawn(follow_ceremony(self.clone(), campaign_id, stage_changed));
        Ok(receiver)
    }

    /// The current board for a page or a server function (see `subscribe` for who may see it).
    pub async fn current(&self, pass: &BoardPass) -> Result<Arc<LiveBoard>, AppError> {
        let campaign_id = pass.campaign_id();
        let receiver = self.subscribe(pass).await?;
        let board = receiver.borrow().board.clone();
        let mut watched = self.watched();
        if let Some(entry) = watched.get_mut(&campaign_id).filter(|w| w.kept.is_none()) {
            entry.kept = Some(receiver);
            let hub = self.clone();
            tokio::spawn(async move {
                tokio::time::sleep(KEPT_FOR).await;
                let kept = hub.watched().get_mut(&campaign_id).and_then(|w| w.kept.take());
                drop(kept); // the last receiver gone, the refresh task stops watching
            });
        }
        Ok(board)
    }

    /// The current board and ceremony stage for a page (see `current`).
    pub async fn current_with_stage(
        &self,
        pass: &BoardPass,
    ) -> Result<(Arc<LiveBoard>, Option<Stage>), AppError> {
        let board = self.current(pass).await?;
        let stage = self
            .stages(pass.campaign_id())
            .and_then(|s| s.borrow().stage.as_deref().cloned());
        Ok((board, stage))
    }

    /// The ceremony stages of a watched campaign (call after `subscribe` admitted the caller).
    pub fn stages(&self, campaign_id: i64) -> Option<watch::Receiver<PublishedStage>> {
        self.watched().get(&campaign_id).map(|w| w.stage.subscribe())
    }

    fn subscribe_watched(&self, campaign_id: i64) -> Option<watch::Receiver<PublishedBoard>> {
        self.watched().get(&campaign_id).map(|w| w.board.subscribe())
    }

    fn first_build_gate(&self, campaign_id: i64) -> Arc<tokio::sync::Mutex<()>> {
        lock(&self.inner.first_builds)
            .entry(campaign_id)
            .or_default()
            .clone()
    }

    /// How many boards this server has built.
    pub fn boards_built(&self) -> usize {
        self.inner.builds.load(Ordering::Relaxed)
    }

    /// A place for one more board stream from `address`, or `None` past `cap` streams.
    pub fn open_stream(&self, address: IpAddr, cap: usize) -> Option<StreamSlot> {
        let mut streams = lock(&self.inner.streams);
        let open = streams.entry(address).or_default();
        if *open >= cap {
            return None;
        }
        *open += 1;
        Some(StreamSlot {
            hub: self.clone(),
            address,
        })
    }

    /// Ends every open stream (the server is stopping; graceful shutdown would wait on them).
    pub fn stop(&self) {
        self.inner.stopping.send_replace(true);
    }

    /// Changes to "stopping" (true once `stop` was called).
    pub fn stopping(&self) -> watch::Receiver<bool> {
        self.inner.stopping.subscribe()
    }

    fn mark_changed(&self, campaign_id: i64) {
        if let Some(watched) = self.watched().get(&campaign_id) {
            watched.changed.notify_one();
        }
    }

    fn mark_all_changed(&self) {
        for watched in self.watched().values() {
            watched.changed.notify_one();
            watched.stage_changed.notify_one();
        }
    }

    fn mark_stage_changed(&self, campaign_id: i64) {
        if let Some(watched) = self.watched().get(&campaign_id) {
            watched.stage_changed.notify_one();
        }
    }

    fn watched(&self) -> std::sync::MutexGuard<'_, HashMap<i64, Watched>> {
        lock(&self.inner.watched)
    }
}

/// The board for a pass that opens it (link-only or public).
fn admit(
    receiver: watch::Receiver<PublishedBoard>,
    pass: &BoardPass,
) -> Result<watch::Receiver<PublishedBoard>, AppError> {
    let link_only = receiver.borrow().link_only;
    if pass.opens(link_only) {
        Ok(receiver)
    } else {
        Err(AppError::NotFound)
    }
}

fn lock<T>(map: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    // A panic while a map was held cannot leave it half-changed: every change is one call.
    map.lock().unwrap_or_else(|e| e.into_inner())
}

async fn build(pool: &PgPool, campaign_id: i64) -> Result<PublishedBoard, AppError> {
    publish(live_board::build(pool, campaign_id).await?)
}

fn publish_stage(stage: Option<Stage>) -> Result<PublishedStage, AppError> {
    let json = serde_json::to_string(&stage).map_err(|e| {
        tracing::error!(error = %e, "stage serialization failed");
        AppError::Internal
    })?;
    Ok(PublishedStage {
        frame: Bytes::from(format!("event: stage\ndata: {json}\n\n")),
        stage: stage.map(Arc::new),
    })
}

/// Sends a campaign's ceremony stage to its screens at each change, until it is not watched.
async fn follow_ceremony(hub: LiveHub, campaign_id: i64, changed: Arc<Notify>) {
    loop {
        changed.notified().await;
        let sender = match hub.watched().get(&campaign_id) {
            Some(entry) if Arc::ptr_eq(&entry.stage_changed, &changed) => entry.stage.clone(),
            // No screen left (or a newer watch with its own follower).
            _ => return,
        };
        match super::ceremony::screen_stage(&hub.inner.pool, campaign_id)
            .await
            .and_then(publish_stage)
        {
            // A rehearsal's steps change nothing here: screens are not written to at all.
            Ok(fresh) => {
                sender.send_if_modified(|current| {
                    let differs = current.frame != fresh.frame;
                    if differs {
                        *current = fresh;
                    }
                    differs
                });
            }
            Err(_) => {
                tokio::time::sleep(RETRY_FIRST).await;
                changed.notify_one();
            }
        }
    }
}

fn publish(board: LiveBoard) -> Result<PublishedBoard, AppError> {
    let json = serde_json::to_string(&board).map_err(|e| {
        tracing::error!(error = %e, "board serialization failed");
        AppError::Internal
    })?;
    Ok(PublishedBoard {
        frame: Bytes::from(format!("event: board\ndata: {json}\n\n")),
        link_only: board.link_only,
        board: Arc::new(board),
    })
}

/// Rebuilds one campaign's board on each change until its last screen has gone.
async fn refresh_while_watched(hub: LiveHub, campaign_id: i64, changed: Arc<Notify>) {
    loop {
        let sender_closed = {
            let watched = hub.watched();
            let Some(entry) = watched.get(&campaign_id) else {
                return;
            };
            let board = entry.board.clone();
            async move { board.closed().await }
        };
        tokio::select! {
            () = changed.notified() => {}
            () = sender_closed => {
                let mut watched = hub.watched();
                // A screen that subscribed meanwhile keeps the board alive.
                if watched.get(&campaign_id).is_some_and(|w| w.board.receiver_count() == 0) {
                    if let Some(gone) = watched.remove(&campaign_id) {
                        // Its ceremony follower wakes, finds it gone and ends.
                        gone.stage_changed.notify_one();
                    }
                    return;
                }
                continue;
            }
        }
        hub.inner.builds.fetch_add(1, Ordering::Relaxed);
        match build(&hub.inner.pool, campaign_id).await {
            Ok(json) => {
                if let Some(watched) = hub.watched().get(&campaign_id) {
                    watched.board.send_replace(json);
                }
            }
            // Hidden since (made link-only, say): screens keep the last board they had.
            Err(AppError::NotFound) => {}
            Err(_) => changed.notify_one(),
        }
        tokio::time::sleep(SETTLE).await;
    }
}

/// Listens on the `standings` channel for ever, reconnecting with backoff.
async fn listen(hub: LiveHub) {
    let mut retry = RETRY_FIRST;
    loop {
        match listen_once(&hub, &mut retry).await {
            // The pool closed: the server is stopping.
            Ok(()) => return,
            Err(e) => tracing::warn!(error = %e, retry_in = ?retry, "standings listener lost its connection"),
        }
        tokio::time::sleep(retry).await;
        retry = (retry * 2).min(RETRY_MAX);
    }
}

async fn listen_once(hub: &LiveHub, retry: &mut Duration) -> Result<(), sqlx::Error> {
    let mut listener = PgListener::connect_with(&hub.inner.pool).await?;
    listener.listen_all([CHANNEL, CEREMONY_CHANNEL]).await?;
    *retry = RETRY_FIRST;
    // Whatever changed while nobody listened is read again.
    hub.mark_all_changed();
    loop {
        match listener.try_recv().await {
            Ok(Some(notification)) => match notification.payload().parse() {
                Ok(campaign_id) if notification.channel() == CEREMONY_CHANNEL => {
                    hub.mark_stage_changed(campaign_id)
                }
                Ok(campaign_id) => hub.mark_changed(campaign_id),
                Err(_) => tracing::warn!(payload = notification.payload(), "unexpected live payload"),
            },
            // The connection dropped and was made again: resynchronize every board.
            Ok(None) => hub.mark_all_changed(),
            Err(sqlx::Error::PoolClosed) => return Ok(()),
            Err(e) => return Err(e),
        }
    }
}
