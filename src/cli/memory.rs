//! What the command line asks of the system allocator so that the memory a stage frees goes
//! back to the system or serves the next stage, instead of staying in glibc's heaps.

/// Has glibc map each allocation of 128 KiB or more on its own, so that freeing it gives the
/// memory back at once. Left alone, glibc raises that threshold to the largest block freed so
/// far (up to 32 MiB) and keeps twice as much free at the top of its heaps: once a code's
/// decoded text (6 MB) is freed, the parser's and the aligner's buffers of a few megabytes
/// are carved from the heaps and stay there once freed. Code du travail diff: peak RSS
/// 67 → 63 MB, same CPU. Does nothing where the allocator is not glibc's.
pub(super) fn return_large_buffers() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        const FROM_BYTES: libc::c_int = 128 * 1024;
        // SAFETY: `mallopt` only sets an allocator parameter, which glibc allows at any
        // time from any thread; a refusal (0) leaves the default, which is only less thrifty.
        #[allow(unsafe_code)]
        unsafe {
            libc::mallopt(libc::M_MMAP_THRESHOLD, FROM_BYTES);
        }
    }
}

/// Has every thread allocate from one heap. A thread of its own gets a heap of its own
/// from glibc, and what it frees there serves no other thread: `diff` parses the new version
/// on a second thread, whose garbage (3 MB on the Code du travail) then sat beside the
/// comparison that the first thread builds. For a command of two threads that take the
/// heap's lock a few hundred times in all (`diff`); not for a pool of workers.
pub(super) fn one_heap() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        // SAFETY: as in `return_large_buffers`; to be called before the threads start.
        #[allow(unsafe_code)]
        unsafe {
            libc::mallopt(libc::M_ARENA_MAX, 1);
        }
    }
}
