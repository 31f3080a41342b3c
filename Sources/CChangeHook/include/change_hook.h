#ifndef MALAKA_CHANGE_HOOK_H
#define MALAKA_CHANGE_HOOK_H

#include <stdint.h>

// SQLite's preupdate hook, which the system sqlite3.h declares only when SQLITE_ENABLE_PREUPDATE_HOOK is defined
// (Debian's library is built with it). Connections are passed as `void *` so that no SQLite type of this module
// meets GRDB's in Swift.

/// Called before each row of a table of the main database is inserted (18), updated (23) or deleted (9).
typedef void (*malaka_row_will_change)(void *context, int operation, const char *table, int64_t old_rowid);

/// Sets the one function every connection's hook calls; before any hook is set.
void malaka_set_change_callback(malaka_row_will_change callback);

/// Sets the connection's hook with `context` for the callback, or removes it when `context` is NULL. Nothing is
/// allocated: closing the connection leaves nothing behind.
void malaka_set_change_hook(void *connection, void *context);

/// One column of the row being changed, as SQLite holds it: type 1 integer, 2 real, 3 text, 4 blob, 5 null.
/// `text` points into SQLite's memory and is valid until the callback returns.
typedef struct {
    int type;
    int64_t integer;
    double real;
    const unsigned char *text;
    int length;
} malaka_column_value;

/// The number of columns of the row being changed.
int malaka_changing_column_count(void *connection);

/// Column `column` of the row as it was (`old`, for updates and deletions) or as it will be; 0 on success.
int malaka_changing_column(void *connection, int column, int old, malaka_column_value *value);

#endif
