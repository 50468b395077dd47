//! Work spread over threads with a result that never depends on their number: independent
//! pieces, results put back in their order. Plain scoped threads, spawned when needed.
//!
//! Not rayon's pool: a thread started after the new side's parser thread ended takes over that
//! thread's allocator arena, which holds the memory the parse freed, and the calling thread
//! (which parsed the old side) keeps its own; a pool started on the way gets fresh arenas, and
//! a code's diff peaked 2–5 MB higher.

/// The threads to use: `threads`, or as many as cores for 0.
pub fn count(threads: usize) -> usize {
    match threads {
        0 => std::thread::available_parallelism().map_or(1, usize::from),
        n => n,
    }
}

/// Runs `a` on this thread and `b` on a thread of its own when `threads` allows two (0: as
/// many as cores), one after the other otherwise; both results.
pub fn both<A: Send, B: Send>(
    threads: usize,
    a: impl FnOnce() -> A + Send,
    b: impl FnOnce() -> B + Send,
) -> (A, B) {
    if count(threads) < 2 {
        return (a(), b());
    }
    std::thread::scope(|s| {
        let b = s.spawn(b);
        let a = a();
        (a, join(b))
    })
}

/// `f` of every job, in the jobs' order, on up to `threads` threads (0: as many as cores):
/// the jobs are cut in contiguous runs of about equal `weight`, the first run done on this
/// thread.
pub fn map<J: Send, R: Send>(
    threads: usize,
    jobs: Vec<J>,
    weight: impl Fn(&J) -> usize,
    f: impl Fn(J) -> R + Sync,
) -> Vec<R> {
    let total: usize = jobs.iter().map(&weight).sum::<usize>().max(1);
    // Below, a thread's start costs more than it saves.
    let threads = count(threads).min(jobs.len()).min(total.div_ceil(WORTH));
    if threads < 2 {
        return jobs.into_iter().map(f).collect();
    }
    // Runs cut where the weight so far reaches the next share of the total.
    let mut runs: Vec<Vec<J>> = (0..threads).map(|_| Vec::new()).collect();
    let mut done = 0usize;
    for job in jobs {
        let k = (done * threads / total).min(threads - 1);
        done += weight(&job);
        runs[k].push(job);
    }
    let f = &f;
    std::thread::scope(|s| {
        let mut runs = runs.into_iter();
        let first = runs.next().unwrap_or_default();
        let others: Vec<_> = runs
            .map(|run| s.spawn(move || run.into_iter().map(f).collect::<Vec<R>>()))
            .collect();
        let mut out: Vec<R> = first.into_iter().map(f).collect();
        for h in others {
            out.extend(join(h));
        }
        out
    })
}

/// Weight (bytes of text) under which a run is not worth a thread of its own.
const WORTH: usize = 16 << 10;

fn join<T>(h: std::thread::ScopedJoinHandle<'_, T>) -> T {
    h.join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_keep_the_jobs_order_whatever_the_threads() {
        let jobs: Vec<usize> = (0..1000).collect();
        let serial: Vec<usize> = jobs.iter().map(|j| j * j).collect();
        for threads in [1, 2, 3, 7, 64, 2000] {
            let got = map(threads, jobs.clone(), |j| 1000 + j % 17, |j| j * j);
            assert_eq!(got, serial, "{threads}");
        }
        assert!(map(4, Vec::<usize>::new(), |_| 1, |j| j).is_empty());
        assert_eq!(both(1, || 1, || 2), (1, 2));
        assert_eq!(both(4, || 1, || 2), (1, 2));
    }
}
