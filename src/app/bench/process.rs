//! What the operating system says about this process: its peak resident
//! memory and its CPU time, read from `/proc` (Linux; zero elsewhere).

/// Resets the kernel's peak-RSS mark so the next phase measures its own peak.
pub(super) fn reset_peak_rss() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// The highest resident memory since the last reset, in MB.
pub(super) fn peak_rss_mb() -> f64 {
    let Ok(status) = std::fs::read_to_string("/proc/self/status") else {
        return 0.0;
    };
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|rest| {
            rest.trim()
                .trim_end_matches("kB")
                .trim()
                .parse::<f64>()
                .ok()
        })
        .map_or(0.0, |kilobytes| kilobytes / 1024.0)
}

/// CPU seconds (user + system, all threads) this process has used so far;
/// 0 where `/proc` is missing. `/proc` counts in USER_HZ ticks, which Linux
/// fixes at 100 per second for every user-space interface.
pub(super) fn cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return 0.0;
    };
    // The command name may hold spaces; fields are counted after its ')'.
    let Some((_, rest)) = stat.rsplit_once(')') else {
        return 0.0;
    };
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // utime and stime are fields 14 and 15 of the line: 0-based 11 and 12 after ')'.
    let ticks = |i: usize| fields.get(i).and_then(|f| f.parse::<f64>().ok());
    match (ticks(11), ticks(12)) {
        (Some(user), Some(system)) => (user + system) / 100.0,
        _ => 0.0,
    }
}
