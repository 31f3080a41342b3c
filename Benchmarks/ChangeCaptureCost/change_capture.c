// What recording each change costs SQLite, by way of capture (issue 16's change log, at most 25 % more):
// 100,000 rows shaped like `participant` inserted in one transaction through one prepared statement, with
//   0. no capture;
//   1. SQLite's session extension attached to the table, its changeset stored as one value at the end;
//   2. a preupdate hook copying each row's values into a buffer, stored as one value at the end;
//   3. Malaka's way: an AFTER INSERT trigger staging `json_object` of the row, then the entry's rows
//      concatenated into one value, the rows' versions upserted and the staging emptied;
//   4. the same trigger present but not firing (its WHEN false), and no entry.
// Each five times, best CPU time (user + system) printed against no capture. Not part of `make bench`:
//   gcc -O2 Benchmarks/ChangeCaptureCost/change_capture.c -lsqlite3 -o /tmp/change-capture && /tmp/change-capture /tmp
// Debian's SQLite is built with SQLITE_ENABLE_PREUPDATE_HOOK and SQLITE_ENABLE_SESSION, which sqlite3.h needs defined.
#define SQLITE_ENABLE_SESSION 1
#define SQLITE_ENABLE_PREUPDATE_HOOK 1
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

enum { ROWS = 100000, WAYS = 5, ROUNDS = 5 };

static const char *const ways[WAYS] = {
    "no capture", "session extension", "preupdate hook, values copied", "triggers (Malaka today)", "a trigger not firing",
};

static double cpu_seconds(void) {
    struct rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 + usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

static void run_sql(sqlite3 *db, const char *sql) {
    char *error = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &error) != SQLITE_OK) {
        fprintf(stderr, "change-capture: %s: %s\n", sql, error);
        exit(1);
    }
}

// The preupdate hook's log: table, operation, rowid, then each value with its type.
static struct { char *bytes; size_t length, capacity; } hook_log;

static void append(const void *bytes, size_t count) {
    if (hook_log.length + count > hook_log.capacity) {
        hook_log.capacity = (hook_log.length + count) * 2;
        hook_log.bytes = realloc(hook_log.bytes, hook_log.capacity);
        if (!hook_log.bytes) exit(1);
    }
    memcpy(hook_log.bytes + hook_log.length, bytes, count);
    hook_log.length += count;
}

static void copy_row(void *context, sqlite3 *db, int operation, const char *database, const char *table,
                     sqlite3_int64 old_rowid, sqlite3_int64 new_rowid) {
    (void)context; (void)database; (void)old_rowid;
    append(table, strlen(table) + 1);
    append(&operation, 1);
    append(&new_rowid, sizeof new_rowid);
    for (int column = 0; column < sqlite3_preupdate_count(db); column++) {
        sqlite3_value *value;
        if (operation == SQLITE_DELETE) sqlite3_preupdate_old(db, column, &value);
        else sqlite3_preupdate_new(db, column, &value);
        int type = sqlite3_value_type(value);
        append(&type, 1);
        if (type == SQLITE_INTEGER) {
            sqlite3_int64 integer = sqlite3_value_int64(value);
            append(&integer, sizeof integer);
        } else if (type == SQLITE_TEXT) {
            int count = sqlite3_value_bytes(value);
            append(&count, sizeof count);
            append(sqlite3_value_text(value), (size_t)count);
        }
    }
}

static void store_value(sqlite3 *db, const void *bytes, int count) {
    sqlite3_stmt *insert;
    sqlite3_prepare_v2(db, "INSERT INTO change (rows) VALUES (?)", -1, &insert, NULL);
    sqlite3_bind_blob(insert, 1, bytes, count, SQLITE_STATIC);
    if (sqlite3_step(insert) != SQLITE_DONE) exit(1);
    sqlite3_finalize(insert);
}

static double insert_rows(const char *folder, int way) {
    char path[4096];
    snprintf(path, sizeof path, "%s/change-capture.sqlite", folder);
    const char *suffixes[] = {"", "-wal", "-shm"};
    for (int index = 0; index < 3; index++) {
        char file[4200];
        snprintf(file, sizeof file, "%s%s", path, suffixes[index]);
        unlink(file);
    }
    sqlite3 *db;
    if (sqlite3_open(path, &db) != SQLITE_OK) exit(1);
    run_sql(db, "PRAGMA journal_mode = WAL; PRAGMA temp_store = MEMORY; PRAGMA foreign_keys = ON;"
                "CREATE TABLE region (code TEXT PRIMARY KEY); INSERT INTO region VALUES ('UZ-XO');"
                "CREATE TABLE participant (id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, originSite TEXT NOT NULL,"
                "  givenName TEXT NOT NULL, familyName TEXT, sex TEXT CHECK (sex IN ('F', 'M')), birthYear INTEGER,"
                "  regionCode TEXT REFERENCES region (code), createdAt TEXT NOT NULL);"
                "CREATE INDEX participant_on_name ON participant (familyName, givenName);"
                "CREATE TABLE change (id INTEGER PRIMARY KEY, rows BLOB);"
                "CREATE TABLE syncState (applying INTEGER NOT NULL); INSERT INTO syncState VALUES (0);"
                "CREATE TABLE rowChange (seq INTEGER PRIMARY KEY, tableName TEXT NOT NULL, rowUuid TEXT NOT NULL,"
                "  kind TEXT NOT NULL, rowValues TEXT);"
                "CREATE TABLE rowVersion (tableName TEXT, uuid TEXT, site TEXT, siteSequence INTEGER, hlc TEXT,"
                "  PRIMARY KEY (tableName, uuid)) WITHOUT ROWID;");
    if (way >= 3) {
        if (way == 4) run_sql(db, "UPDATE syncState SET applying = 1");
        run_sql(db, "CREATE TRIGGER change_participant_insert AFTER INSERT ON participant WHEN (SELECT applying FROM syncState) = 0"
                    " BEGIN INSERT INTO rowChange (tableName, rowUuid, kind, rowValues) VALUES ('participant', NEW.uuid, 'insert',"
                    " json_object('birthYear', NEW.birthYear, 'createdAt', NEW.createdAt, 'familyName', NEW.familyName,"
                    " 'givenName', NEW.givenName, 'originSite', NEW.originSite,"
                    " 'regionCode', (SELECT code FROM region WHERE code = NEW.regionCode), 'sex', NEW.sex)); END");
    }
    sqlite3_session *session = NULL;
    if (way == 1 && (sqlite3session_create(db, "main", &session) != SQLITE_OK || sqlite3session_attach(session, "participant") != SQLITE_OK)) exit(1);
    hook_log.length = 0;
    if (way == 2) sqlite3_preupdate_hook(db, copy_row, NULL);

    double start = cpu_seconds();
    run_sql(db, "BEGIN");
    sqlite3_stmt *insert;
    sqlite3_prepare_v2(db, "INSERT INTO participant (uuid, originSite, givenName, familyName, sex, birthYear, regionCode, createdAt)"
                           " VALUES (?, 'XO-URG1', ?, 'Karimova', 'F', ?, 'UZ-XO', '2024-03-09T10:00:00Z')", -1, &insert, NULL);
    for (int row = 0; row < ROWS; row++) {
        char uuid[40], name[40];
        snprintf(uuid, sizeof uuid, "0190%028x", row);
        snprintf(name, sizeof name, "Dilnoza %d", row);
        sqlite3_bind_text(insert, 1, uuid, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(insert, 2, name, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(insert, 3, 1980 + row % 30);
        if (sqlite3_step(insert) != SQLITE_DONE) {
            fprintf(stderr, "change-capture: %s\n", sqlite3_errmsg(db));
            exit(1);
        }
        sqlite3_reset(insert);
    }
    sqlite3_finalize(insert);
    if (way == 1) {
        int count = 0;
        void *changeset = NULL;
        if (sqlite3session_changeset(session, &count, &changeset) != SQLITE_OK) exit(1);
        store_value(db, changeset, count);
        sqlite3_free(changeset);
    } else if (way == 2) {
        store_value(db, hook_log.bytes, (int)hook_log.length);
    } else if (way == 3) {
        run_sql(db, "INSERT INTO change (rows) SELECT '[' || group_concat('{\"kind\":\"' || kind || '\",\"table\":\"' || tableName"
                    " || '\",\"uuid\":\"' || rowUuid || '\",\"values\":' || coalesce(rowValues, 'null') || '}', ',') || ']'"
                    " FROM (SELECT kind, tableName, rowUuid, rowValues FROM rowChange ORDER BY seq)");
        run_sql(db, "INSERT INTO rowVersion (tableName, uuid, site, siteSequence, hlc) SELECT tableName, rowUuid, 'XO-URG1', 1, '01'"
                    " FROM rowChange WHERE true ORDER BY seq ON CONFLICT (tableName, uuid) DO UPDATE SET hlc = excluded.hlc"
                    " WHERE excluded.hlc > rowVersion.hlc");
        run_sql(db, "DELETE FROM rowChange");
    }
    run_sql(db, "COMMIT");
    double seconds = cpu_seconds() - start;
    if (session) sqlite3session_delete(session);
    sqlite3_close(db);
    return seconds;
}

int main(int argc, char **argv) {
    const char *folder = argc > 1 ? argv[1] : ".";
    double best[WAYS];
    for (int way = 0; way < WAYS; way++) best[way] = 1e9;
    for (int round = 0; round < ROUNDS; round++) {
        for (int way = 0; way < WAYS; way++) {
            double seconds = insert_rows(folder, way);
            if (seconds < best[way]) best[way] = seconds;
        }
    }
    printf("%d rows inserted in one transaction, best CPU of %d rounds:\n", ROWS, ROUNDS);
    for (int way = 0; way < WAYS; way++) printf("  %-32s %.3f s  %.2fx\n", ways[way], best[way], best[way] / best[0]);
    return 0;
}
