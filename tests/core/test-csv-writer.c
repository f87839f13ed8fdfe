/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-csv-writer.c — CSV export cells: RFC 4180 quoting, CRLF, formula neutralising */

#include "config.h"

#include <string.h>

#include "core/mops-csv-writer.h"

/* One cell as the writer writes it. */
static char *
cell (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);

  mops_csv_append_cell (out, text);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
assert_cell (const char *text,
             const char *expected)
{
  g_autofree char *written = cell (text);

  g_assert_cmpstr (written, ==, expected);
}

static void
test_neutralises_formulas (void)
{
  assert_cell ("=SUM(A1:A9)", "'=SUM(A1:A9)");
  assert_cell ("+49 30 1234", "'+49 30 1234");
  assert_cell ("-cmd|' /C calc'!A0", "'-cmd|' /C calc'!A0");
  assert_cell ("@SUM(1)", "'@SUM(1)");
  assert_cell ("\tindented", "'\tindented");
  /* CR forces quotes as well; the ' goes inside them. */
  assert_cell ("\r=1+1", "\"'\r=1+1\"");
  assert_cell ("=HYPERLINK(\"http://evil\",\"click\")", "\"'=HYPERLINK(\"\"http://evil\"\",\"\"click\"\")\"");
  /* Only the first character matters. */
  assert_cell ("a=b", "a=b");
  assert_cell ("Müller & Söhne", "Müller & Söhne");
}

static void
test_leaves_numbers_and_dates_alone (void)
{
  assert_cell ("-12.50", "-12.50");
  assert_cell ("-5", "-5");
  assert_cell ("0", "0");
  assert_cell ("-1.5e3", "-1.5e3");
  assert_cell ("2026-11-23", "2026-11-23");
  /* Not wholly a number: neutralised. */
  assert_cell ("-12.50 EUR", "'-12.50 EUR");
  assert_cell ("-", "'-");
  assert_cell ("-.5", "'-.5");
  assert_cell ("+5", "'+5");
  assert_cell ("-2026-11-23", "'-2026-11-23");

  g_assert_true (mops_csv_is_plain_value ("12"));
  g_assert_true (mops_csv_is_plain_value ("2026-01-31"));
  g_assert_false (mops_csv_is_plain_value ("2026-1-31"));
  g_assert_false (mops_csv_is_plain_value (""));
  g_assert_false (mops_csv_is_plain_value (NULL));
}

static void
test_quotes_commas_quotes_and_newlines (void)
{
  assert_cell ("Agency, Inc", "\"Agency, Inc\"");
  assert_cell ("The \"best\" photo", "\"The \"\"best\"\" photo\"");
  assert_cell ("line one\nline two", "\"line one\nline two\"");
  assert_cell ("line one\r\nline two", "\"line one\r\nline two\"");
  assert_cell ("semi;colon", "semi;colon");
  assert_cell (" spaced ", " spaced ");
  assert_cell ("", "");
  assert_cell (NULL, "");
}

static void
test_replaces_invalid_utf8 (void)
{
  g_autofree char *written = cell ("caf\xe9");

  g_assert_true (g_utf8_validate (written, -1, NULL));
  g_assert_true (g_str_has_prefix (written, "caf"));
}

static void
test_rows_end_in_crlf_without_bom (void)
{
  g_autoptr(MopsCsvWriter) writer = mops_csv_writer_new ();
  const char *header[] = { "id", "name", "amount" };

  mops_csv_writer_add_row (writer, header, G_N_ELEMENTS (header));
  mops_csv_writer_add_int (writer, 1);
  mops_csv_writer_add_text (writer, "Logo, mono");
  mops_csv_writer_add_int (writer, -1250);
  mops_csv_writer_end_row (writer);
  mops_csv_writer_add_int (writer, 2);
  mops_csv_writer_add_empty (writer);
  mops_csv_writer_add_text (writer, NULL);
  mops_csv_writer_end_row (writer);

  g_assert_cmpstr (mops_csv_writer_get_text (writer), ==,
                   "id,name,amount\r\n"
                   "1,\"Logo, mono\",-1250\r\n"
                   "2,,\r\n");
  g_assert_cmpuint (mops_csv_writer_get_length (writer), ==, strlen (mops_csv_writer_get_text (writer)));
}

static void
test_json_values_become_cells (void)
{
  g_autoptr(JsonNode) root = json_from_string ("[{\"id\": 7, \"ok\": true, \"rate\": 1.5, \"note\": null,"
                                               " \"tags\": [\"a\", \"=b\", null, 3], \"when\": \"2026-11-23\","
                                               " \"extra\": {\"k\": 1}, \"name\": \"@home\"}]",
                                               NULL);
  const char *keys[] = { "id", "ok", "rate", "note", "tags", "when", "extra", "name", "absent" };
  g_autofree char *csv = NULL;

  g_assert_nonnull (root);
  csv = mops_csv_from_json_array (json_node_get_array (root), keys, G_N_ELEMENTS (keys));
  g_assert_cmpstr (csv, ==,
                   "id,ok,rate,note,tags,when,extra,name,absent\r\n"
                   "7,true,1.5,,a;=b;;3,2026-11-23,\"{\"\"k\"\":1}\",'@home,\r\n");
}

static void
test_header_alone_without_rows (void)
{
  g_autoptr(JsonArray) empty = json_array_new ();
  const char *keys[] = { "a", "b" };
  g_autofree char *csv = mops_csv_from_json_array (empty, keys, G_N_ELEMENTS (keys));
  g_autofree char *csv_null = mops_csv_from_json_array (NULL, keys, G_N_ELEMENTS (keys));

  g_assert_cmpstr (csv, ==, "a,b\r\n");
  g_assert_cmpstr (csv_null, ==, "a,b\r\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/cell/neutralises-formulas", test_neutralises_formulas);
  g_test_add_func ("/csv/cell/leaves-numbers-and-dates-alone", test_leaves_numbers_and_dates_alone);
  g_test_add_func ("/csv/cell/quotes-commas-quotes-and-newlines", test_quotes_commas_quotes_and_newlines);
  g_test_add_func ("/csv/cell/replaces-invalid-utf8", test_replaces_invalid_utf8);
  g_test_add_func ("/csv/rows/end-in-crlf-without-a-bom", test_rows_end_in_crlf_without_bom);
  g_test_add_func ("/csv/json/values-become-cells", test_json_values_become_cells);
  g_test_add_func ("/csv/json/header-alone-without-rows", test_header_alone_without_rows);

  return g_test_run ();
}
