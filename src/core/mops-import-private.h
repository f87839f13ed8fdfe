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

G_END_DECLS
