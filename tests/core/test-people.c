/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-people.c — the team members of a library: adding, looking up, ensuring */

#include "config.h"

#include <string.h>

#include "core/mops-db-private.h"
#include "core/mops-error.h"
#include "core/mops-library.h"
#include "core/mops-people.h"
#include "mops-test-util.h"

static void
test_added_people_keep_role_and_email (MopsTestLibrary *fixture,
                                       gconstpointer    user_data)
{
  g_autoptr(GError) error = NULL;
  MopsPersonInfo sofie = {
    .name = "  Sofie Brändström ", .role = "Brand & Design Lead",
    .email = "sofie.brandstrom@fjellvind.example",
  };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id;

  id = mops_people_add (fixture->library, &sofie, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (mops_people_lookup (fixture->library, "Sofie Brändström"), ==, id);
  g_assert_cmpint (mops_people_ensure (fixture->library, "Sofie Brändström", &error), ==, id);

  g_assert_cmpint (sqlite3_prepare_v2 (fixture->db, "SELECT name, role, email FROM people WHERE id = ?",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "Sofie Brändström");
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, "Brand & Design Lead");
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 2), ==, "sofie.brandstrom@fjellvind.example");
}

static void
test_adding_refuses_empty_and_taken_names (MopsTestLibrary *fixture,
                                           gconstpointer    user_data)
{
  g_autoptr(GError) error = NULL;
  MopsPersonInfo person = { .name = "Ingrid Solberg" };

  g_assert_cmpint (mops_people_add (fixture->library, &person, &error), >, 0);
  g_assert_cmpint (mops_people_add (fixture->library, &person, &error), ==, 0);
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "Ingrid Solberg"));
  g_clear_error (&error);

  person.name = " \t";
  g_assert_cmpint (mops_people_add (fixture->library, &person, &error), ==, 0);
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_INVALID);
  g_clear_error (&error);

  person.name = "Broken \xff name";
  g_assert_cmpint (mops_people_add (fixture->library, &person, &error), ==, 0);
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_INVALID);

  g_assert_cmpint (mops_test_query_int (fixture->db, "SELECT count(*) FROM people"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, MopsTestLibrary, NULL, mops_test_library_set_up, func, mops_test_library_tear_down)
  ADD ("/people/add/keeps-role-and-email", test_added_people_keep_role_and_email);
  ADD ("/people/add/refuses-empty-and-taken-names", test_adding_refuses_empty_and_taken_names);
#undef ADD

  return g_test_run ();
}
