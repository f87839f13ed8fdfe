/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-test-util.c — temporary folders and file helpers shared by the core tests */

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "mops-test-util.h"

char *
mops_test_make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("mops-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
mops_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (path == NULL)
    return;

  if (g_file_test (path, G_FILE_TEST_IS_SYMLINK) || !g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_unlink (path);
      return;
    }

  /* A test may have made a folder unreadable; give it back first. */
  g_chmod (path, 0755);

  dir = g_dir_open (path, 0, NULL);
  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);
        mops_test_remove_tree (child);
      }

  g_rmdir (path);
}

char *
mops_test_write_file (const char *dir,
                      const char *name,
                      const void *data,
                      gssize      len)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  if (len < 0)
    len = (gssize) strlen (data);

  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
  return path;
}

gboolean
mops_test_files_equal (const char *a,
                       const char *b)
{
  g_autofree char *da = NULL;
  g_autofree char *db = NULL;
  gsize la = 0, lb = 0;

  if (!g_file_get_contents (a, &da, &la, NULL) || !g_file_get_contents (b, &db, &lb, NULL))
    return FALSE;

  return la == lb && memcmp (da, db, la) == 0;
}
