/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-check.h — checking a library: database integrity, stored files and leftovers */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "mops-library.h"

G_BEGIN_DECLS

/* Orphans in files/ younger than this are kept by a repair: an import renames its files into
 * files/ before its batch commits, so a fresh unreferenced file may be work in progress. */
#define MOPS_CHECK_ORPHAN_MIN_AGE_SECONDS 3600

/* An asset whose file cannot be found. */
typedef struct
{
  gint64  asset_id;
  char   *path;      /* copied asset: relative to the library ("files/ab/…");
                      * reference: the absolute path it points to. UTF-8. */
} MopsCheckFile;

/* What `mops-cli check` reports (cli.md). Paths are UTF-8 for display and JSON; names that
 * are not valid UTF-8 are escaped as g_filename_display_name() does. */
typedef struct
{
  gboolean   ok;                     /* integrity is "ok" and no copied file is missing */
  int        schema_version;
  char      *integrity;              /* PRAGMA integrity_check's rows joined by "\n" */
  GPtrArray *missing_files;          /* MopsCheckFile *: copied assets (is_reference = 0) */
  GPtrArray *offline_references;     /* MopsCheckFile *: references (is_reference = 1) */
  GPtrArray *orphan_files;           /* char *: files under files/ no asset row names */
  GPtrArray *stale_tmp;              /* char *: staging folders in tmp/ nobody holds */
  gboolean   repaired;               /* TRUE when the check ran with repair */
  guint      repaired_orphan_files;  /* orphans removed (only those older than an hour) */
  guint      repaired_stale_tmp;     /* staging folders removed */
} MopsCheckReport;

/* Checks @library: PRAGMA integrity_check, every asset's file (trashed ones too), files in
 * files/ that no asset names, and staging folders in tmp/ whose lock nobody holds. Without
 * @repair nothing is written. With @repair (a library opened for writing, by a caller that
 * holds library.lock) unheld staging folders are removed, and orphans in files/ whose mtime is
 * more than MOPS_CHECK_ORPHAN_MIN_AGE_SECONDS old — unless the integrity check failed, since
 * a damaged database may have lost the rows that reference them. Call it from the thread that
 * opened @library. Returns a new report (mops_check_report_free()), or NULL with @error set
 * when the database cannot be read at all or @cancellable was cancelled. */
MopsCheckReport *mops_check_run          (MopsLibrary      *library,
                                          gboolean          repair,
                                          GCancellable     *cancellable,
                                          GError          **error);

/* Opens the library in the folder @path the way a check needs it and runs mops_check_run():
 * read-only without @repair; with @repair, with MOPS_LIBRARY_OPEN_LOCK (MOPS_ERROR_LOCKED when
 * the app holds it). Opening with the lock already clears unheld staging folders, so those
 * are listed first, read-only, and reported as found and repaired. Errors name the folder. */
MopsCheckReport *mops_check_run_at_path  (const char       *path,
                                          gboolean          repair,
                                          GCancellable     *cancellable,
                                          GError          **error);

void             mops_check_report_free  (MopsCheckReport  *report);

/* The report as cli.md's object: {"ok", "schema_version", "integrity", "missing_files":
 * [{"asset_id", "path"}], "offline_references": [{"asset_id", "path"}], "orphan_files":
 * [path…], "stale_tmp": [path…], "repaired": {"orphan_files", "stale_tmp"} | null}, keys in
 * that order. Returns a new node (json_node_unref()). */
JsonNode        *mops_check_report_to_json (const MopsCheckReport *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MopsCheckReport, mops_check_report_free)

G_END_DECLS
