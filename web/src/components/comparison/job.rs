//! From inputs to a report: changes settle into a job, the job runs in the engine's worker, and
//! its outcome (or why there is none) is shown.

use super::{Articles, Job, Outcome, SETTLE, SLOW};
use crate::engine::{Engine, Failure};
use crate::state::{self, Refusal};
use leptos::prelude::*;
use parallax::report::Corrections;
use parallax::{Options, Report};

/// Runs every new job (or "Compare again") in the engine's worker; a comparison still running
/// for an older job is stopped there. The page stays usable meanwhile. Returns the cancel and
/// retry actions.
pub(super) fn run(
    job: RwSignal<Option<Job>>,
    report: RwSignal<Outcome>,
    busy: RwSignal<bool>,
    json: StoredValue<String>,
) -> (Callback<()>, Callback<()>) {
    let engine = StoredValue::new_local(Engine::new());
    let attempt = RwSignal::new(0_u32);
    Effect::new(move |_| {
        attempt.track();
        let Some(next) = job.get() else { return };
        let texts: Vec<&str> = next.articles.iter().map(|a| a.text.as_str()).collect();
        if let Err(refusal) = state::check_articles(&texts) {
            engine.with_value(Engine::cancel);
            show(report, Err(refusal));
            busy.set(false);
            return;
        }
        busy.set(state::is_large(&texts));
        // A small comparison says "Comparing…" only when it takes a while.
        set_timeout(
            move || {
                if engine.try_with_value(Engine::is_running) == Some(true) {
                    busy.set(true);
                }
            },
            SLOW,
        );
        let articles = next
            .articles
            .iter()
            .map(|a| (a.name.clone(), a.text.clone()))
            .collect();
        engine.with_value(|engine| {
            engine.run(articles, next.options, next.corrections, move |outcome| {
                match outcome {
                    Ok(compared) => {
                        json.set_value(compared.json);
                        show(report, Ok(compared.report));
                    }
                    Err(Failure::Blank(blank)) => {
                        let refusal = state::missing(&blank).unwrap_or(Refusal::Missing {
                            docs: (0..blank.len()).collect(),
                            of: blank.len(),
                        });
                        show(report, Err(refusal));
                    }
                    Err(Failure::Error(why)) => show(report, Err(Refusal::Failed(why))),
                }
                busy.set(false);
            });
        });
    });
    let cancel = move || {
        if engine.with_value(Engine::is_running) {
            engine.with_value(Engine::cancel);
            show(report, Err(Refusal::Cancelled));
            busy.set(false);
        }
    };
    let retry = move || attempt.update(|n| *n += 1);
    (
        Callback::new(move |()| cancel()),
        Callback::new(move |()| retry()),
    )
}

/// Sets the report (or refusal) unless it equals the one shown: an equal report keeps the
/// rendered rows, pins and open folds.
pub(super) fn show(report: RwSignal<Outcome>, next: Result<Report, Refusal>) {
    if report.with_untracked(|r| r.as_ref() != Some(&next)) {
        report.set(Some(next));
    }
}

/// Copies articles and options into the job once changes pause; the first job starts at once.
pub(super) fn settle(
    articles: Signal<Articles>,
    options: Signal<Options>,
    corrections: Signal<Corrections>,
) -> RwSignal<Option<Job>> {
    let current = move || Job {
        articles: articles.get(),
        options: options.get(),
        corrections: corrections.get(),
    };
    let job = RwSignal::new(None::<Job>);
    let pending = StoredValue::new(None::<TimeoutHandle>);
    let commit = move |next: Job| {
        if job.with_untracked(|j| j.as_ref() != Some(&next)) {
            job.set(Some(next));
        }
    };
    Effect::new(move |previous: Option<()>| {
        let next = current();
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
        if previous.is_none() {
            commit(next);
        } else {
            let handle = set_timeout_with_handle(move || commit(next), SETTLE).ok();
            pending.set_value(handle);
        }
    });
    job
}
