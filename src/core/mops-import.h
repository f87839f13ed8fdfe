/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-import.h — importing files and folders: recursive, deduplicated, batched, cancellable */

#pragma once

#include <gio/gio.h>

#include "mops-library.h"
#include "mops-licences.h"

G_BEGIN_DECLS

typedef struct
{
  gboolean            reference;     /* keep files where they are instead of copying them */
  const char * const *tags;          /* tag paths applied to added and duplicate assets */
  gint64              imported_by;   /* people.id, 0 = nobody recorded */
  gboolean            owned;         /* the team's own work: every added asset without a licence
                                      * is linked to one new "owned by us" licence (kind owned,
                                      * everywhere, any medium, perpetual, confirmed), so the
                                      * previews pre-fill none from file metadata */
  MopsLicenceSource   owned_source;  /* that licence's source: user (the app) or cli */
} MopsImportOptions;

/* One line of the import report. Failed items have id 0. */
typedef struct
{
  gint64    id;
  char     *path;      /* as the person gave it, for display (UTF-8) */
  char     *sha256;    /* added only */
  char     *mime;      /* added only */
  gboolean  restored;  /* added: it was in the Trash and came back */
  char     *code;      /* warnings and failures: a stable code ("empty", "unreadable", …) */
  char     *error;     /* warnings and failures: a translated message naming the file */
} MopsImportItem;

typedef struct
{
  GPtrArray *added;        /* MopsImportItem */
  GPtrArray *duplicates;
  GPtrArray *warnings;
  GPtrArray *failed;
  gboolean   cancelled;    /* stopped early: what is listed was imported, nothing else */
  gint64     owned_licence_id;  /* the licence made for MopsImportOptions.owned; 0 = none */
} MopsImportReport;

void mops_import_report_free (MopsImportReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MopsImportReport, mops_import_report_free)

/* Called after each file: @done of @total files, @current is the file's display name. */
typedef void (*MopsImportProgressFunc) (guint       done,
                                        guint       total,
                                        const char *current,
                                        gpointer    user_data);

/* Imports @paths (files and folders, recursive; hidden files, macOS/Windows litter, symlinked
 * folders and the library itself are skipped) through the library's own connection (call it
 * from the thread that opened the library: mops-cli). Files are copied (or referenced) and
 * hashed in one read (two reader threads), stored by SHA-256 and committed in batches of 500 files or 256 MB after one syncfs each, so a crash
 * or a cancel leaves every committed batch whole and nothing half-done. Identical content is
 * stored once. Zero-byte, unreadable, vanished and non-regular files are reported as failed
 * and the rest carries on. Returns NULL only when the library itself cannot be written
 * (@error set). */
MopsImportReport *mops_import_run    (MopsLibrary              *library,
                                      const char * const       *paths,
                                      const MopsImportOptions  *options,
                                      MopsImportProgressFunc    progress,
                                      gpointer                  user_data,
                                      GCancellable             *cancellable,
                                      GError                  **error);

/* mops_import_run() in a worker thread with its own connection. @progress is called on the
 * thread-default main context of the caller. */
void              mops_import_async  (MopsLibrary              *library,
                                      const char * const       *paths,
                                      const MopsImportOptions  *options,
                                      MopsImportProgressFunc    progress,
                                      gpointer                  progress_data,
                                      GCancellable             *cancellable,
                                      GAsyncReadyCallback       callback,
                                      gpointer                  user_data);
MopsImportReport *mops_import_finish (MopsLibrary              *library,
                                      GAsyncResult             *result,
                                      GError                  **error);

G_END_DECLS
