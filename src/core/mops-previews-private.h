/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-previews-private.h — the previews on a given connection, for core, tests and benchmarks */

#pragma once

#include <sqlite3.h>

#include "mops-db-private.h"
#include "mops-previews.h"

G_BEGIN_DECLS

/* mops_previews_run() with rows written through @db, the calling thread's connection. */
MopsPreviewReport *mops_previews_run_in_db            (MopsLibrary              *library,
                                                       sqlite3                  *db,
                                                       const gint64             *ids,
                                                       guint                     n_ids,
                                                       MopsThumbSizes            sizes,
                                                       guint                     n_workers,
                                                       MopsPreviewProgressFunc   progress,
                                                       gpointer                  user_data,
                                                       GCancellable             *cancellable,
                                                       GError                  **error);

G_END_DECLS
