/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-import-private.h — an import on a given connection, for core, tests and benchmarks */

#pragma once

#include <sqlite3.h>

#include "mops-db-private.h"
#include "mops-import.h"

G_BEGIN_DECLS

/* mops_import_run() through the connection @db, which belongs to the calling thread. */
MopsImportReport *mops_import_run_in_db (MopsLibrary              *library,
                                         sqlite3                  *db,
                                         const char * const       *paths,
                                         const MopsImportOptions  *options,
                                         MopsImportProgressFunc    progress,
                                         gpointer                  user_data,
                                         GCancellable             *cancellable,
                                         GError                  **error);

/* Where an import's time went, for the benchmark, in microseconds: the walls are real time,
 * the steps the CPU time of the threads doing them (the readers' summed over the readers). */
typedef struct
{
  gint64 wall_us;        /* the whole call */
  gint64 list_us;        /* walking the folders */
  gint64 read_us;        /* readers: open and read() the sources */
  gint64 hash_us;        /* readers: SHA-256 */
  gint64 write_us;       /* readers: create and write() the copies in staging */
  gint64 sniff_us;       /* sniffer thread: MIME type from the name and the first bytes */
  gint64 store_us;       /* rows thread: rename()s from staging into files/ */
  gint64 sync_us;        /* syncfs() calls, start to end */
  gint64 sync_wait_us;   /* what the rows of a batch waited for its syncfs */
  gint64 rows_us;        /* SQL: duplicate lookups, inserts, tags, begin and commit */
  guint  syncs;          /* syncfs() calls */
  guint  readers;        /* reader threads; set before the call to choose (0: Mops's choice) */
} MopsImportStats;

/* mops_import_run_in_db() that also fills @stats (may be NULL). */
MopsImportReport *mops_import_run_measured (MopsLibrary              *library,
                                            sqlite3                  *db,
                                            const char * const       *paths,
                                            const MopsImportOptions  *options,
                                            MopsImportProgressFunc    progress,
                                            gpointer                  user_data,
                                            GCancellable             *cancellable,
                                            MopsImportStats          *stats,
                                            GError                  **error);

G_END_DECLS
