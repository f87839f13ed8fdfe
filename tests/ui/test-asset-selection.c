/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-asset-selection.c — the grid's selection: by asset id, without reading the assets */

#include "config.h"

#include <gtk/gtk.h>

#include "../core/mops-test-util.h"
#include "ui/assets/mops-asset-selection.h"

static void
on_selection_changed_log (GtkSelectionModel *model,
                          guint              position,
                          guint              n_items,
                          GString           *log)
{
  g_string_append_printf (log, "(%u,%u)", position, n_items);
}

static GArray *
make_ids (gint64 first,
          guint  n)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (gint64 id = first; id < first + n; id++)
    g_array_append_val (ids, id);

  return ids;
}

static guint
count_selected (GtkSelectionModel *model)
{
  g_autoptr(GtkBitset) set = gtk_selection_model_get_selection (model);

  return (guint) gtk_bitset_get_size (set);
}

static void
test_selection_by_id (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(MopsLibrary) library = mops_test_create_library (&dir);
  g_autoptr(MopsAssetList) list = mops_asset_list_new (library);
  g_autoptr(MopsAssetSelection) selection = mops_asset_selection_new (list);
  GtkSelectionModel *model = GTK_SELECTION_MODEL (selection);
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(GArray) five = make_ids (1, 5);
  g_autoptr(GArray) two = make_ids (1, 2);
  g_autoptr(GArray) reversed = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GtkBitset) wanted = gtk_bitset_new_empty ();
  g_autoptr(GtkBitset) mask = gtk_bitset_new_range (0, 5);

  mops_asset_list_set_ids (list, five);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 5);
  g_signal_connect (selection, "selection-changed", G_CALLBACK (on_selection_changed_log), log);

  /* Clicks: one, then another added, then one alone again. */
  gtk_selection_model_select_item (model, 1, TRUE);
  gtk_selection_model_select_item (model, 3, FALSE);
  g_assert_true (gtk_selection_model_is_selected (model, 1));
  g_assert_true (gtk_selection_model_is_selected (model, 3));
  gtk_selection_model_select_item (model, 2, TRUE);
  g_assert_cmpstr (log->str, ==, "(1,1)(3,1)(1,3)");
  g_assert_cmpuint (count_selected (model), ==, 1);
  g_assert_true (gtk_selection_model_is_selected (model, 2));

  /* Everything; then the list refilled: selected assets stay selected where they go. */
  gtk_selection_model_select_all (model);
  g_assert_cmpuint (count_selected (model), ==, 5);
  for (guint i = 5; i > 0; i--)
    g_array_append_val (reversed, g_array_index (five, gint64, i - 1));
  mops_asset_list_set_ids (list, reversed);
  g_assert_cmpuint (count_selected (model), ==, 5);
  mops_asset_list_set_ids (list, two);
  g_assert_cmpuint (count_selected (model), ==, 2);
  mops_asset_list_set_ids (list, five);
  g_assert_cmpuint (count_selected (model), ==, 5);

  /* Nothing; then positions 0 and 4 by a bitset (a rubber band). */
  gtk_selection_model_unselect_all (model);
  g_assert_cmpuint (count_selected (model), ==, 0);
  gtk_bitset_add (wanted, 0);
  gtk_bitset_add (wanted, 4);
  gtk_selection_model_set_selection (model, wanted, mask);
  g_assert_true (gtk_selection_model_is_selected (model, 0));
  g_assert_false (gtk_selection_model_is_selected (model, 2));
  g_assert_true (gtk_selection_model_is_selected (model, 4));
  gtk_selection_model_unselect_range (model, 0, 1);
  g_assert_cmpuint (count_selected (model), ==, 1);

  g_clear_object (&selection);
  g_clear_object (&list);
  mops_test_close_library (&library, &dir);
}

/* 100,000 assets selected at once: ids only, no asset is read (these have no rows at all). */
static void
test_select_all_reads_no_asset (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(MopsLibrary) library = mops_test_create_library (&dir);
  g_autoptr(MopsAssetList) list = mops_asset_list_new (library);
  g_autoptr(MopsAssetSelection) selection = mops_asset_selection_new (list);
  g_autoptr(GArray) ids = make_ids (1000, 100000);

  mops_asset_list_set_ids (list, ids);
  gtk_selection_model_select_all (GTK_SELECTION_MODEL (selection));
  g_assert_cmpuint (count_selected (GTK_SELECTION_MODEL (selection)), ==, 100000);
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (selection), 99999, TRUE);
  g_assert_cmpuint (count_selected (GTK_SELECTION_MODEL (selection)), ==, 1);

  g_clear_object (&selection);
  g_clear_object (&list);
  mops_test_close_library (&library, &dir);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/asset-selection/by-id", test_selection_by_id);
  g_test_add_func ("/asset-selection/select-all-reads-no-asset", test_select_all_reads_no_asset);

  return g_test_run ();
}
