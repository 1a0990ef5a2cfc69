#ifndef RECTIFY_CSQLITESETTINGS_H
#define RECTIFY_CSQLITESETTINGS_H

// sqlite3_config is variadic, which Swift cannot call: the settings Rectify makes are wrapped here.

// Turns off SQLite's memory statistics, which take a global mutex around every allocation SQLite makes. Has an effect
// only before SQLite is first used in the process; returns SQLite's result code (SQLITE_MISUSE when it came too late).
int rectify_sqlite_disable_memory_statistics(void);

#endif
