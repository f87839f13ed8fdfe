/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-test-util.h — temporary folders and file helpers shared by the core tests */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A new empty folder under the system's temp dir; removed by mops_test_remove_tree(). */
char    *mops_test_make_tmp_dir (void);

/* Removes @path and everything under it. */
void     mops_test_remove_tree  (const char *path);

/* Writes @len bytes of @data to @dir/@name; returns the path. */
char    *mops_test_write_file   (const char *dir,
                                 const char *name,
                                 const void *data,
                                 gssize      len);

/* TRUE when both files hold the same bytes. */
gboolean mops_test_files_equal  (const char *a,
                                 const char *b);

G_END_DECLS
