/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-demo-library.h — making sure the demo library exists, in a worker, with progress */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Called on the caller's main context, never after the async call has completed. */
typedef void (*MopsDemoLibraryProgressFunc) (double      fraction,
                                             const char *what,
                                             gpointer    user_data);

/* Makes sure @path holds the demo library, in a worker thread: a library there that already
 * holds data is left as it is; an empty one is filled; a missing folder (or an empty one) is
 * generated in a hidden folder beside it and renamed into place once complete, so a cancelled
 * or failed run leaves nothing behind. @progress (with @progress_data, which must stay alive
 * until @callback runs) reports on the thread-default main context of the caller. */
void     mops_demo_library_prepare_async  (const char                  *path,
                                           MopsDemoLibraryProgressFunc  progress,
                                           gpointer                     progress_data,
                                           GCancellable                *cancellable,
                                           GAsyncReadyCallback          callback,
                                           gpointer                     user_data);

/* FALSE with @error set when the demo library could not be made (G_IO_ERROR_CANCELLED when
 * cancelled, MOPS_ERROR_LOCKED when another Mops has it open, …). */
gboolean mops_demo_library_prepare_finish (GAsyncResult                *result,
                                           GError                     **error);

G_END_DECLS
