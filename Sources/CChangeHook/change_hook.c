#define SQLITE_ENABLE_PREUPDATE_HOOK 1
#include <sqlite3.h>
#include <string.h>
#include "change_hook.h"

static malaka_row_will_change row_will_change;

void malaka_set_change_callback(malaka_row_will_change callback) {
    row_will_change = callback;
}

static void forward(void *context, sqlite3 *db, int operation, const char *database, const char *table,
                    sqlite3_int64 old_rowid, sqlite3_int64 new_rowid) {
    (void)db; (void)new_rowid;
    // The temp schema holds nothing that travels.
    if (strcmp(database, "main") != 0) return;
    row_will_change(context, operation, table, old_rowid);
}

void malaka_set_change_hook(void *connection, void *context) {
    sqlite3_preupdate_hook(connection, context ? forward : NULL, context);
}

int malaka_changing_column_count(void *connection) {
    return sqlite3_preupdate_count(connection);
}

int malaka_changing_column(void *connection, int column, int old, malaka_column_value *value) {
    sqlite3_value *v = NULL;
    int status = old ? sqlite3_preupdate_old(connection, column, &v) : sqlite3_preupdate_new(connection, column, &v);
    if (status != SQLITE_OK || !v) return status == SQLITE_OK ? SQLITE_ERROR : status;
    value->type = sqlite3_value_type(v);
    switch (value->type) {
    case SQLITE_INTEGER: value->integer = sqlite3_value_int64(v); break;
    case SQLITE_FLOAT: value->real = sqlite3_value_double(v); break;
    case SQLITE_TEXT:
        value->text = sqlite3_value_text(v);
        value->length = sqlite3_value_bytes(v);
        break;
    case SQLITE_BLOB:
        value->text = sqlite3_value_blob(v);
        value->length = sqlite3_value_bytes(v);
        break;
    default: break;
    }
    return 0;
}
