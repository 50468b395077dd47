//! Time budgets counted in CPU time, not wall-clock time, so that the « under 10 s » guards of
//! the reliability tests hold on a loaded machine (2 cores shared by many builds and fuzzers).
//! Linux reads `/proc`; elsewhere the budgets fall back to wall-clock time.

use std::time::{Duration, Instant};

/// Ticks of the `utime` and `stime` fields of `/proc/*/stat` (`USER_HZ`, fixed at 100 by the
/// Linux ABI whatever the kernel's own tick).
const USER_HZ: u64 = 100;

/// User + system CPU time from a `/proc/…/stat` file, all threads of the process or the one
/// thread it describes.
fn stat_cpu(path: &str) -> Option<Duration> {
    let stat = std::fs::read_to_string(path).ok()?;
    // The command name (field 2) may hold spaces and parentheses: count from the last `)`.
    let rest = &stat[stat.rfind(')')? + 1..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // Field 3 (state) is fields[0]; utime is field 14, stime field 15.
    let utime: u64 = fields.get(11)?.parse().ok()?;
    let stime: u64 = fields.get(12)?.parse().ok()?;
    Some(Duration::from_millis((utime + stime) * 1000 / USER_HZ))
}

/// CPU time used so far by a running child process (all its threads); `None` once it is gone
/// or off Linux.
pub fn process_cpu(pid: u32) -> Option<Duration> {
    stat_cpu(&format!("/proc/{pid}/stat"))
}

/// CPU time used so far by the calling thread; `None` off Linux.
fn thread_cpu() -> Option<Duration> {
    stat_cpu("/proc/thread-self/stat")
}

/// Work done by the calling thread since [`Budget::start`]: its CPU time where the system
/// tells it, wall-clock time otherwise.
pub struct Budget {
    cpu: Option<Duration>,
    wall: Instant,
}

impl Budget {
    pub fn start() -> Budget {
        Budget {
            cpu: thread_cpu(),
            wall: Instant::now(),
        }
    }

    /// The time this thread has worked since the start.
    pub fn spent(&self) -> Duration {
        match (self.cpu, thread_cpu()) {
            (Some(start), Some(now)) => now.saturating_sub(start),
            _ => self.wall.elapsed(),
        }
    }

    /// Asserts the thread worked less than `limit`; the message gives both clocks.
    pub fn assert_under(&self, limit: Duration, what: &str) {
        let spent = self.spent();
        assert!(
            spent < limit,
            "{what}: {spent:?} de calcul (limite {limit:?}, {:?} à l'horloge)",
            self.wall.elapsed()
        );
    }
}

#[test]
fn the_thread_clock_counts_work_not_sleep() {
    let budget = Budget::start();
    std::thread::sleep(Duration::from_millis(300));
    if thread_cpu().is_some() {
        assert!(
            budget.spent() < Duration::from_millis(200),
            "{:?}",
            budget.spent()
        );
        // Busy work moves the thread clock (within 20 s of wall time, however loaded).
        let mut x = 0u64;
        let busy = Instant::now();
        while budget.spent() < Duration::from_millis(50) && busy.elapsed() < Duration::from_secs(20)
        {
            for _ in 0..100_000 {
                x = std::hint::black_box(x.wrapping_add(1));
            }
        }
        assert!(
            budget.spent() >= Duration::from_millis(50),
            "{:?}",
            budget.spent()
        );
    }
    assert!(process_cpu(std::process::id()).is_some() || thread_cpu().is_none());
}
