/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-test-util.h — temporary folders, libraries and files shared by the core tests */

#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "core/mops-asset-store.h"
#include "core/mops-library.h"

G_BEGIN_DECLS

/* A new empty folder under the system's temp dir; removed by mops_test_remove_tree(). */
char        *mops_test_make_tmp_dir      (void);

/* Removes @path and everything under it. */
void         mops_test_remove_tree       (const char *path);

/* Makes the folder @parent/@name (its parent must exist); returns its path. Fails the test
 * when the folder can't be made. */
char        *mops_test_make_dir          (const char *parent,
                                          const char *name);

/* Writes @len bytes of @data to @dir/@name; returns the path. */
char        *mops_test_write_file        (const char *dir,
                                          const char *name,
                                          const void *data,
                                          gssize      len);

/* Writes @dir/@name, a @width × @height PNG (an orange disc on blue) drawn with cairo; with
 * @xmp, an iTXt chunk after the header carries it, as photo tools write it. Returns the path.
 * Fails the test when the file can't be written. */
char        *mops_test_write_png         (const char *dir,
                                          const char *name,
                                          int         width,
                                          int         height,
                                          const char *xmp);

/* Writes @dir/@name, a PDF of @n_pages A4 pages (595 × 842 pt), each with its number, drawn
 * with cairo. Returns the path. Fails the test when the file can't be written. */
char        *mops_test_write_pdf         (const char *dir,
                                          const char *name,
                                          int         n_pages);

/* TRUE when both files hold the same bytes. */
gboolean     mops_test_files_equal       (const char *a,
                                          const char *b);

/* A fixture for g_test_add(): a new library in a temporary folder. */
typedef struct
{
  char        *dir;       /* the temporary folder */
  char        *source;    /* @dir/in, an empty folder for files to import */
  MopsLibrary *library;   /* a new library in @dir/library */
  sqlite3     *db;        /* @library's database, owned by it */
} MopsTestLibrary;

/* Makes a temporary folder and creates an empty library in its "library" subfolder. Returns
 * the library (the caller owns it) and sets *@dir to the folder (the caller owns it too); undo
 * both with mops_test_close_library(). Fails the test when the library can't be created. */
MopsLibrary *mops_test_create_library    (char **dir);

/* Drops *@library, then removes the folder *@dir with everything in it and frees its path;
 * sets both to NULL. Either may already be NULL. */
void         mops_test_close_library     (MopsLibrary **library,
                                          char        **dir);

/* Fills @fixture: mops_test_create_library(), then the folder "in" beside the library.
 * @user_data is not used. */
void         mops_test_library_set_up    (MopsTestLibrary *fixture,
                                          gconstpointer    user_data);

/* Empties @fixture: mops_test_close_library() removes the folder with everything in it.
 * @user_data is not used. */
void         mops_test_library_tear_down (MopsTestLibrary *fixture,
                                          gconstpointer    user_data);

/* Writes @content to @dir/@name and stores that file in @library with @info (may be NULL).
 * Returns the new asset's id; fails the test when storing fails. */
gint64       mops_test_store_file        (MopsLibrary         *library,
                                          const char          *dir,
                                          const char          *name,
                                          const char          *content,
                                          const MopsAssetInfo *info);

/* Stores one small file per name in @names ("content of <name>", so every file differs) with
 * mops_test_store_file(), and puts the new ids, in order, into @ids (@n_names of them). */
void         mops_test_store_files       (MopsLibrary        *library,
                                          const char         *dir,
                                          const char * const *names,
                                          guint               n_names,
                                          gint64             *ids);

/* Inserts an asset row straight into @db's assets table, for tests about what refers to
 * assets rather than about files: @name with its SHA-256 as content hash, an image/jpeg of
 * 10 bytes in role @role, in the Trash when @trashed. No file is written. Returns the id. */
gint64       mops_test_insert_asset_full (sqlite3    *db,
                                          const char *name,
                                          const char *role,
                                          gboolean    trashed);

/* mops_test_insert_asset_full() for an asset (role "asset") that is not in the Trash. */
gint64       mops_test_insert_asset      (sqlite3    *db,
                                          const char *name);

/* The integer in the first column of the first row of @sql; fails the test when the query
 * fails. */
gint64       mops_test_query_int         (sqlite3    *db,
                                          const char *sql);

/* Every row @sql returns, one line a row, columns separated by "|", NULL as "∅": for
 * comparing what two libraries hold. Fails the test when the query fails. */
char        *mops_test_dump              (sqlite3    *db,
                                          const char *sql);

/* A GAsyncReadyCallback that stores a reference to the result in *@user_data (a
 * GAsyncResult *), for mops_test_wait_for_result(). */
void         mops_test_store_result      (GObject      *source,
                                          GAsyncResult *result,
                                          gpointer      user_data);

/* Iterates the thread-default main context until *@result is set (by
 * mops_test_store_result()); returns it, stealing it from *@result. */
GAsyncResult *mops_test_wait_for_result  (GAsyncResult **result);

G_END_DECLS
