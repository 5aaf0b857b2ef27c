#ifndef CSTOREOPSTUNING_H
#define CSTOREOPSTUNING_H

/// Process-wide settings that need C (sqlite3_config is variadic; mallopt's header is not in Swift's Glibc module).

/// Turns off SQLite's memory statistics, before the first connection opens: with them on, every allocation of every
/// connection takes one global mutex, and connections reading on both cores (a briefing's concurrent reads, the
/// server's requests) wait on each other. Returns SQLITE_OK, or SQLITE_MISUSE when SQLite was already initialized
/// (then nothing changes).
int storeops_sqlite_configure(void);

/// Lets glibc's heaps grow in 4 MB steps: by default the per-thread arenas grow a few pages at a time, one mprotect
/// call each, thousands per briefing. Does nothing on other C libraries.
void storeops_malloc_configure(void);

#endif
