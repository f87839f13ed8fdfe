/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-library.h — a library folder: its database, files, lock, staging and settings */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define MOPS_TYPE_LIBRARY (mops_library_get_type ())

G_DECLARE_FINAL_TYPE (MopsLibrary, mops_library, MOPS, LIBRARY, GObject)

typedef enum
{
  MOPS_LIBRARY_OPEN_DEFAULT   = 0,
  MOPS_LIBRARY_OPEN_CREATE    = 1 << 0,  /* create the folder and database when missing */
  MOPS_LIBRARY_OPEN_LOCK      = 1 << 1,  /* hold library.lock: one Mops app per library */
  MOPS_LIBRARY_OPEN_READ_ONLY = 1 << 2,  /* never write (check without --repair) */
} MopsLibraryOpenFlags;

/* Library-wide counts for `mops-cli info` and the app's pages; trashed assets left out. */
typedef struct
{
  int    schema_version;
  gint64 assets;
  gint64 trashed_assets;
  gint64 tags;
  gint64 collections;
  gint64 licences;
  gint64 people;
  gint64 channels;
  gint64 campaigns;
  gint64 content_items;
  gint64 fiscal_years;
  gint64 budget_lines;
  gint64 expenses;
  gint64 subscriptions;
  gint64 spend_requests;
  gint64 brand_kits;
} MopsLibraryCounts;

#define MOPS_LIBRARY_DB_NAME   "library.db"
#define MOPS_LIBRARY_LOCK_NAME "library.lock"

/* The setting that decides when a licence counts as "expiring". */
#define MOPS_SETTING_EXPIRY_WARNING_DAYS "expiry_warning_days"
#define MOPS_DEFAULT_EXPIRY_WARNING_DAYS 30

/* Opens the library in the folder @path. With MOPS_LIBRARY_OPEN_CREATE an empty or missing
 * folder becomes a new library; a non-empty folder without library.db is refused
 * (MOPS_ERROR_NOT_A_LIBRARY). With MOPS_LIBRARY_OPEN_LOCK the advisory lock on library.lock is
 * taken (MOPS_ERROR_LOCKED: "open in another Mops") and stale staging folders are cleared.
 * Errors name the folder and say what is wrong; nothing is changed on failure. */
MopsLibrary *mops_library_open                 (const char            *path,
                                                MopsLibraryOpenFlags   flags,
                                                GError               **error);

/* Says that asset @asset_id has new previews (thumbnails): emits the library's
 * "previews-changed" signal (gint64 asset id), in the calling thread, so views of the same
 * library show the thumbnails made by another one. The app calls it on the main thread. */
void         mops_library_previews_changed     (MopsLibrary           *self,
                                                gint64                 asset_id);

/* Looks every @interval_ms (0 stops) on the calling thread's main context for what other
 * processes wrote to the library (mops-cli, a second Mops) and then emits "changed", so
 * views read it again. This process's own writes, from any thread, do not count. */
void         mops_library_watch_changes        (MopsLibrary           *self,
                                                guint                  interval_ms);

/* $XDG_DATA_HOME/mops/library and $XDG_DATA_HOME/mops/demo. Free with g_free(). */
char        *mops_library_get_default_path     (void);
char        *mops_library_get_demo_path        (void);

/* TRUE when @path holds a library.db. */
gboolean     mops_library_path_has_database    (const char            *path);

/* The absolute folder of the library. */
const char  *mops_library_get_path             (MopsLibrary           *self);

/* The folder's name for window titles, in UTF-8. Free with g_free(). */
char        *mops_library_dup_display_name     (MopsLibrary           *self);

/* One transaction on the connection of the thread that opened the library, around many
 * writes of the domain functions (the demo library, a CSV import): all of them or none.
 * Transactions do not nest. Messages name the library. Domain functions called meanwhile
 * write inside it, each call all or nothing (a savepoint where it writes more than one row),
 * so one that fails leaves the transaction as it was before the call; functions that also
 * remove files (emptying the Trash) refuse to run inside it. */
gboolean     mops_library_begin                (MopsLibrary           *self,
                                                GError               **error);
gboolean     mops_library_commit               (MopsLibrary           *self,
                                                GError               **error);
void         mops_library_rollback             (MopsLibrary           *self);

gboolean     mops_library_is_read_only         (MopsLibrary           *self);

/* TRUE when the folder lives on NFS/SMB/CIFS, where SQLite's WAL is unsafe. */
gboolean     mops_library_is_on_network_fs     (MopsLibrary           *self);

/* @relative (e.g. "files/ab/…") made absolute inside the library. Free with g_free(). */
char        *mops_library_build_path           (MopsLibrary           *self,
                                                const char            *relative);

/* Library-wide settings (shared by everyone using the library). Free with g_free(). */
char        *mops_library_dup_setting          (MopsLibrary           *self,
                                                const char            *key);
gboolean     mops_library_set_setting          (MopsLibrary           *self,
                                                const char            *key,
                                                const char            *value,
                                                GError               **error);
int          mops_library_get_expiry_warning_days (MopsLibrary        *self);
gboolean     mops_library_set_expiry_warning_days (MopsLibrary        *self,
                                                   int                 days,
                                                   GError            **error);

gboolean     mops_library_get_counts           (MopsLibrary           *self,
                                                MopsLibraryCounts     *counts,
                                                GError               **error);

/* TRUE when the library has no assets, licences, content items, expenses or brand kits. */
gboolean     mops_library_is_empty             (MopsLibrary           *self);

/* A private staging folder tmp/<pid>-<random>/ on the library's file system, locked by this
 * process until mops_library_release_staging() removes it. First removes the staging
 * folders nobody holds a lock on (a killed import's). Free the path with g_free(). */
char        *mops_library_create_staging       (MopsLibrary           *self,
                                                GError               **error);
void         mops_library_release_staging      (MopsLibrary           *self,
                                                const char            *staging_path);

/* Staging folders in tmp/ whose lock nobody holds: leftovers of a crash. With @remove they
 * are deleted. Returns paths relative to the library (free with g_ptr_array_unref()). */
GPtrArray   *mops_library_find_stale_staging  (MopsLibrary           *self,
                                                gboolean               remove);

G_END_DECLS
