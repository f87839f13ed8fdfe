/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-library-private.h — the library's connections and workers, for core modules and tests
 *
 * Only core sees SQLite: every page's background read or write is a core call
 * mops_<thing>_<verb>_async() / _finish() whose worker opens its own connection here and
 * closes it (design §4). */

#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "mops-db-private.h"
#include "mops-library.h"

G_BEGIN_DECLS

/* The connection of the thread that opened the library. Core modules only. */
sqlite3     *mops_library_get_db               (MopsLibrary           *self);

/* A new connection for a worker thread (WAL: many readers, one writer). mops_db_close(). */
sqlite3     *mops_library_open_connection      (MopsLibrary           *self,
                                                GError               **error);

/* The same for a GTask worker: the connection, or NULL once the error has been returned on
 * @task (the worker just returns). */
sqlite3     *mops_library_open_task_connection (MopsLibrary           *self,
                                                GTask                 *task);

/* One look of mops_library_watch_changes(): TRUE (and "changed" emitted) when another
 * process has committed since the last look. */
gboolean  mops_library_check_changes (MopsLibrary *self);

/* The work of one core worker on its own connection: returns its result (NULL with @error
 * set on failure), which the _finish() function passes on. */
typedef gpointer (*MopsLibraryJobFunc) (MopsLibrary   *library,
                                        sqlite3       *db,
                                        gpointer       job_data,
                                        GCancellable  *cancellable,
                                        GError       **error);

/* Runs @func in a GTask worker with a connection of its own, opened before and closed after
 * it; @callback gets @library as its source object on the caller's main context. @job_data
 * is freed with @job_data_free once the task is done, a result nobody took with
 * @result_free. @source_tag is the public _async function, checked by
 * mops_library_job_finish(). A library that cannot be opened is the task's error. */
void      mops_library_run_job    (MopsLibrary          *library,
                                   gpointer              source_tag,
                                   MopsLibraryJobFunc    func,
                                   gpointer              job_data,
                                   GDestroyNotify        job_data_free,
                                   GDestroyNotify        result_free,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data);

/* The result of mops_library_run_job() (owned by the caller), or NULL with @error set. */
gpointer  mops_library_job_finish (MopsLibrary          *library,
                                   GAsyncResult         *result,
                                   gpointer              source_tag,
                                   GError              **error);

/* The job data of the task behind @result (the _finish functions read out-values there). */
gpointer  mops_library_job_get_data (GAsyncResult       *result);

/* A statement on the library's own connection, prepared on first use and kept until the
 * library goes, so writing many rows one call at a time (a bulk load through the domain
 * functions) prepares each statement once. Returned reset and without bindings; the library
 * owns it. Step it to its end (or reset it) before returning to the caller: a statement left
 * on a row holds a read transaction open. NULL with @error set when @sql does not prepare. */
sqlite3_stmt *mops_library_prepare_cached (MopsLibrary  *self,
                                           const char   *sql,
                                           GError      **error);

G_END_DECLS
