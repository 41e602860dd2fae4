//! From inputs to a report: changes settle into a job, the job runs in the engine's worker, and
//! its outcome (or why there is none) is shown.

use super::{shape, Articles, Job, Outcome, Ready, SETTLE, SLOW};
use crate::engine::{Compared, Engine, Failure, ReportJson};
use crate::state::{self, Refusal};
use crate::view_model::{self, Row};
use leptos::prelude::*;
use parallax::report::Corrections;
use parallax::{Options, Report};
use std::time::Duration;

/// Runs every new job (or "Compare again") in the engine's worker; a comparison still running
/// for an older job is stopped there. The page stays usable meanwhile. Returns the cancel and
/// retry actions.
///
/// A report arrives over several tasks, none of which holds the page long (issue 18): the
/// worker's message is read; a two-article report's rows are built, a part a task (into
/// `ready`); the report is shown, without what waits for `late`; then that.
pub(super) fn run(
    job: RwSignal<Option<Job>>,
    report: RwSignal<Outcome>,
    busy: RwSignal<bool>,
    json: StoredValue<Option<ReportJson>, LocalStorage>,
    (ready, late): (Ready, RwSignal<bool>),
) -> (Callback<()>, Callback<()>) {
    let engine = StoredValue::new_local(Engine::new());
    let attempt = RwSignal::new(0_u32);
    // Counts the jobs started: a report waiting for its own task (below) is shown only while no
    // newer job came after it.
    let ticket = StoredValue::new(0_u64);
    crate::components::effect(move |_| {
        attempt.track();
        ticket.update_value(|t| *t += 1);
        let mine = ticket.get_value();
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
        crate::browser::set_timeout(
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
                        let text = compared.json.clone();
                        let current = move || ticket.try_get_value() == Some(mine);
                        arrive(compared, Vec::new(), current, move |arrived| {
                            let changed = match arrived {
                                Ok((next, rows)) => {
                                    json.set_value(Some(text));
                                    if let Some(rows) = rows {
                                        ready.set_value(Some((shape(&next), rows)));
                                    }
                                    show(report, Ok(next))
                                }
                                Err(why) => show(report, Err(Refusal::Failed(why))),
                            };
                            // What waits for `late` is drawn in the next task.
                            late.set(!changed);
                            busy.set(false);
                            crate::browser::set_timeout(
                                move || {
                                    // Rows the rows memo did not take (an equal report was
                                    // shown) must not outlive this report.
                                    ready.set_value(None);
                                    late.set(true);
                                },
                                Duration::ZERO,
                            );
                        });
                        return;
                    }
                    Err(Failure::Blank(blank)) => {
                        let refusal = state::missing(&blank).unwrap_or(Refusal::Missing {
                            docs: (0..blank.len()).collect(),
                            of: blank.len(),
                        });
                        show(report, Err(refusal));
                    }
                    Err(Failure::Error(why)) => {
                        show(report, Err(Refusal::Failed(why)));
                    }
                }
                busy.set(false);
            });
        });
    });
    let cancel = move || {
        // A report the worker sent and the page is still reading (over several tasks) stops too:
        // a new ticket ends its chain.
        if engine.with_value(Engine::is_running) || busy.get_untracked() {
            engine.with_value(Engine::cancel);
            ticket.update_value(|t| *t += 1);
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

/// Rows built in one task while a two-article report waits to be shown: about 20 ms of work
/// on a slow machine.
const ROWS_PER_TASK: usize = 256;

/// A report read and made ready for showing, a step a task after the one its message came in:
/// first its links, a part a step ([`Compared::read_links`]); then, for two
/// articles, its rows, [`ROWS_PER_TASK`] a step (`rows`: those built so far). Then `done` gets
/// the report and its rows (none for three or more articles), or why the report could not be
/// read, in a task of its own. Stops when `current` says a newer job came.
fn arrive(
    mut compared: Compared,
    mut rows: Vec<Row>,
    current: impl Fn() -> bool + Copy + 'static,
    done: impl FnOnce(Result<(Report, Option<Vec<Row>>), String>) + 'static,
) {
    crate::browser::set_timeout(
        move || {
            if !current() {
                return;
            }
            match compared.read_links() {
                Err(why) => return done(Err(why)),
                Ok(true) => return arrive(compared, rows, current, done),
                Ok(false) => {}
            }
            let report = &compared.report;
            if report.documents.len() != 2 {
                return done(Ok((compared.report, None)));
            }
            let from = rows.len();
            let (part, total) = view_model::rows_part(report, from..from + ROWS_PER_TASK);
            let finished = part.is_empty() || from + part.len() >= total;
            rows.extend(part);
            if finished {
                // Shown in a task of its own: drawing is the largest step.
                crate::browser::set_timeout(
                    move || {
                        if current() {
                            done(Ok((compared.report, Some(rows))));
                        }
                    },
                    Duration::ZERO,
                );
            } else {
                arrive(compared, rows, current, done);
            }
        },
        Duration::ZERO,
    );
}

/// Sets the report (or refusal) unless it equals the one shown: an equal report keeps the
/// rendered rows, pins and open folds. Whether it was set.
pub(super) fn show(report: RwSignal<Outcome>, next: Result<Report, Refusal>) -> bool {
    let changed = report.with_untracked(|r| r.as_ref() != Some(&next));
    if changed {
        report.set(Some(next));
    }
    changed
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
    crate::components::effect(move |first| {
        let next = current();
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
        if first {
            commit(next);
        } else {
            let handle = crate::browser::set_timeout_with_handle(move || commit(next), SETTLE);
            pending.set_value(handle);
        }
    });
    job
}
