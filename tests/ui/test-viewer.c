/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-viewer.c — the asset viewer on the demo library: a photo with zoom, the brand
 * guidelines page by page, a font specimen, a copy document as text, and "Export a Copy…" */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "core/mops-asset.h"
#include "core/mops-db-private.h"
#include "core/mops-import-private.h"
#include "core/mops-import.h"
#include "core/mops-library-private.h"
#include "mops-ui-test.h"
#include "ui/assets/mops-asset-viewer.h"
#include "ui/assets/mops-zoom-picture.h"

#define LAPTOP_WIDTH  1366
#define LAPTOP_HEIGHT 768

/* The id of the demo asset called @name, read from the library without taking its lock (the
 * app holds it). */
static gint64
find_asset (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MopsLibrary) library = mops_library_open (mops_ui_test_get_demo_path (), MOPS_LIBRARY_OPEN_DEFAULT, &error);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_no_error (error);
  stmt = mops_db_prepare (mops_library_get_db (library),
                          "SELECT id FROM assets WHERE original_name = ? AND trashed_at IS NULL", &error);
  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

/* As if the previews had not reached asset @name yet: the database knows neither its size
 * nor its pages (the viewer used to take a PDF's 4096 px render for its size at 100 %). */
static void
forget_size (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MopsLibrary) library = mops_library_open (mops_ui_test_get_demo_path (), MOPS_LIBRARY_OPEN_DEFAULT, &error);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_no_error (error);
  stmt = mops_db_prepare (mops_library_get_db (library),
                          "UPDATE assets SET width = NULL, height = NULL, page_count = NULL WHERE original_name = ?",
                          &error);
  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
}

static gboolean
viewer_is_idle (gpointer user_data)
{
  return !mops_asset_viewer_is_busy (MOPS_ASSET_VIEWER (user_data));
}

static void
wait_idle (GtkWindow  *viewer,
           const char *what)
{
  mops_ui_test_wait_until (viewer_is_idle, viewer, 60000, what);
  mops_ui_test_wait_for_draw (GTK_WIDGET (viewer));
}

static GtkWindow *
open_viewer (const char *name)
{
  MopsWindow *window = mops_ui_test_get_window ();
  GtkWindow *viewer = mops_asset_viewer_new (GTK_WINDOW (window), mops_window_get_library (window),
                                             find_asset (name));

  gtk_window_present (viewer);
  g_assert_true (gtk_window_get_modal (viewer));
  g_assert_true (gtk_window_get_transient_for (viewer) == GTK_WINDOW (window));
  mops_ui_test_resize (viewer, LAPTOP_WIDTH, LAPTOP_HEIGHT);
  wait_idle (viewer, name);
  return viewer;
}

static GtkWidget *
find (GtkWindow  *viewer,
      const char *id)
{
  GtkWidget *widget = mops_ui_test_find_by_id (GTK_WIDGET (viewer), id);

  g_assert_nonnull (widget);
  return widget;
}

static const char *
visible_page (GtkWindow *viewer)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (find (viewer, "stack")));
}

/* GTK 4.8 reads an icon-only button as "GtkImage": each must carry a label (design §12). */
static void
assert_icon_buttons_have_labels (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child) && gtk_button_get_label (GTK_BUTTON (child)) == NULL &&
          gtk_button_get_icon_name (GTK_BUTTON (child)) != NULL)
        g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL));

      assert_icon_buttons_have_labels (child);
    }
}

/* Presses @accel as the viewer's shortcut controller would: finds the shortcut whose trigger
 * names it and activates its action on the viewer. */
static void
press (GtkWindow  *viewer,
       const char *accel)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (viewer));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          g_auto(GStrv) alternatives = g_strsplit (trigger, "|", -1);

          if (g_strv_contains ((const char * const *) alternatives, accel))
            {
              g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                           GTK_SHORTCUT_ACTION_EXCLUSIVE, GTK_WIDGET (viewer), NULL));
              return;
            }
        }
    }

  g_error ("No shortcut of the viewer is triggered by %s", accel);
}

static void
activate (GtkWindow  *viewer,
          const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (viewer), action, NULL));
  mops_ui_test_wait_for_draw (GTK_WIDGET (viewer));
}

static void
test_photo_zooms (void)
{
  GtkWindow *viewer = open_viewer ("fjord-sunrise.png");
  MopsAssetViewer *self = MOPS_ASSET_VIEWER (viewer);
  GtkWidget *picture = find (viewer, "picture");
  double fit, zoomed;
  int fit_width, zoomed_width;

  g_assert_cmpstr (visible_page (viewer), ==, "picture");
  g_assert_true (mops_asset_viewer_get_zoom_fits (self));
  g_assert_false (gtk_widget_get_visible (find (viewer, "page_box")));
  assert_icon_buttons_have_labels (GTK_WIDGET (viewer));

  /* The 1600 px photo fits the window, smaller than its own size. */
  fit = mops_asset_viewer_get_zoom (self);
  g_assert_cmpfloat (fit, <, 1.0);
  g_assert_cmpfloat (fit, >, 0.2);
  fit_width = gtk_widget_get_width (picture);
  mops_ui_test_screenshot (GTK_WIDGET (viewer), "viewer-photo");

  press (viewer, "<Control>plus");
  mops_ui_test_wait_for_draw (GTK_WIDGET (viewer));
  zoomed = mops_asset_viewer_get_zoom (self);
  g_assert_false (mops_asset_viewer_get_zoom_fits (self));
  g_assert_cmpfloat_with_epsilon (zoomed, fit * 1.25, 1e-6);
  zoomed_width = gtk_widget_get_width (picture);
  g_assert_cmpint (zoomed_width, >=, (int) (1600 * zoomed));
  g_assert_cmpint (zoomed_width, >, fit_width * 0.9);

  activate (viewer, "viewer.zoom-original");
  g_assert_cmpfloat_with_epsilon (mops_asset_viewer_get_zoom (self), 1.0, 1e-9);
  g_assert_cmpint (gtk_widget_get_width (picture), ==, 1600);
  g_assert_cmpint (gtk_widget_get_height (picture), ==, 1067);
  g_assert_true (strstr (gtk_label_get_text (GTK_LABEL (find (viewer, "zoom_label"))), "100") != NULL);
  wait_idle (viewer, "a sharper picture, if any");

  activate (viewer, "viewer.zoom-out");
  g_assert_cmpfloat_with_epsilon (mops_asset_viewer_get_zoom (self), 0.8, 1e-9);

  press (viewer, "<Control>0");
  mops_ui_test_wait_for_draw (GTK_WIDGET (viewer));
  g_assert_true (mops_asset_viewer_get_zoom_fits (self));
  g_assert_cmpfloat_with_epsilon (mops_asset_viewer_get_zoom (self), fit, 1e-6);

  /* Escape closes the viewer. */
  {
    GtkWindow *watched = viewer;

    g_object_add_weak_pointer (G_OBJECT (viewer), (gpointer *) &watched);
    press (viewer, "Escape");
    mops_ui_test_iterate ();
    g_assert_true (watched == NULL || !gtk_widget_get_visible (GTK_WIDGET (watched)));
    if (watched != NULL)
      g_object_remove_weak_pointer (G_OBJECT (watched), (gpointer *) &watched);
  }
}

static void
test_svg_fits_sharp (void)
{
  GtkWindow *viewer = open_viewer ("fjellvind-logo.svg");
  MopsAssetViewer *self = MOPS_ASSET_VIEWER (viewer);
  GdkPaintable *paintable = mops_zoom_picture_get_paintable (MOPS_ZOOM_PICTURE (find (viewer, "picture")));

  /* A 1013 px logo drawn from its vectors: the fit may enlarge it, with pixels to spare. */
  g_assert_cmpstr (visible_page (viewer), ==, "picture");
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (paintable), ==, 2048);
  g_assert_true (mops_asset_viewer_get_zoom_fits (self));
  g_assert_cmpfloat (mops_asset_viewer_get_zoom (self), >, 1.0);
  mops_ui_test_screenshot (GTK_WIDGET (viewer), "viewer-svg");

  mops_ui_test_close_window (viewer);
}

static void
test_pdf_turns_pages (void)
{
  GtkWindow *viewer;
  MopsAssetViewer *self;
  GtkLabel *label;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  GdkPaintable *paintable;
  int n;

  forget_size ("Fjellvind Brand Guidelines 2.1.pdf");
  viewer = open_viewer ("Fjellvind Brand Guidelines 2.1.pdf");
  self = MOPS_ASSET_VIEWER (viewer);
  label = GTK_LABEL (find (viewer, "page_label"));
  n = mops_asset_viewer_get_page_count (self);
  first = g_strdup_printf ("Page 1 of %d", n);
  second = g_strdup_printf ("Page 2 of %d", n);

  g_assert_cmpstr (visible_page (viewer), ==, "picture");
  g_assert_cmpint (n, >, 2);
  g_assert_true (gtk_widget_get_visible (find (viewer, "page_box")));
  g_assert_cmpstr (gtk_label_get_text (label), ==, first);
  g_assert_false (gtk_widget_is_sensitive (mops_ui_test_find_by_type (find (viewer, "page_box"), GTK_TYPE_BUTTON)));

  press (viewer, "Page_Down");
  wait_idle (viewer, "page 2");
  g_assert_cmpint (mops_asset_viewer_get_page (self), ==, 1);
  g_assert_cmpstr (gtk_label_get_text (label), ==, second);
  g_assert_cmpstr (visible_page (viewer), ==, "picture");
  mops_ui_test_screenshot (GTK_WIDGET (viewer), "viewer-pdf");

  press (viewer, "Page_Up");
  wait_idle (viewer, "page 1 again");
  g_assert_cmpint (mops_asset_viewer_get_page (self), ==, 0);
  g_assert_cmpstr (gtk_label_get_text (label), ==, first);

  /* Zoomed in past the picture's pixels, a sharper one replaces it at the same size. */
  activate (viewer, "viewer.zoom-original");
  for (int i = 0; i < 5; i++)
    activate (viewer, "viewer.zoom-in");
  wait_idle (viewer, "a sharper page");
  g_assert_cmpfloat_with_epsilon (mops_asset_viewer_get_zoom (self), 3.0517578125, 1e-6);
  paintable = mops_zoom_picture_get_paintable (MOPS_ZOOM_PICTURE (find (viewer, "picture")));
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (paintable), ==, 4096);
  g_assert_cmpint (gtk_widget_get_width (find (viewer, "picture")), ==, (int) (842 * 3.0517578125 + 0.999));
  activate (viewer, "viewer.zoom-fit");

  /* There is nothing before the first page. */
  gtk_widget_activate_action (GTK_WIDGET (viewer), "viewer.previous-page", NULL);
  g_assert_false (mops_asset_viewer_is_busy (self));
  g_assert_cmpint (mops_asset_viewer_get_page (self), ==, 0);

  mops_ui_test_close_window (viewer);
}

static void
test_font_shows_a_specimen (void)
{
  GtkWindow *viewer = open_viewer ("DejaVuSans.ttf");
  GdkPaintable *paintable = mops_zoom_picture_get_paintable (MOPS_ZOOM_PICTURE (find (viewer, "picture")));
  int width = 0;

  g_assert_cmpstr (visible_page (viewer), ==, "picture");
  g_assert_nonnull (paintable);
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (paintable), ==, 1024);
  g_assert_cmpint (gdk_paintable_get_intrinsic_height (paintable), >, 600);

  /* At 100 %, so the "12 px" line is 12 px on screen. */
  g_assert_false (mops_asset_viewer_get_zoom_fits (MOPS_ASSET_VIEWER (viewer)));
  g_assert_cmpfloat_with_epsilon (mops_asset_viewer_get_zoom (MOPS_ASSET_VIEWER (viewer)), 1.0, 1e-9);
  mops_zoom_picture_get_natural_size (MOPS_ZOOM_PICTURE (find (viewer, "picture")), &width, NULL);
  g_assert_cmpint (width, ==, 1024);
  mops_ui_test_screenshot (GTK_WIDGET (viewer), "viewer-font");

  mops_ui_test_close_window (viewer);
}

static void
test_copy_document_shows_as_text (void)
{
  const char *name = "Trail Runner X – launch copy.md";
  GtkWindow *viewer = open_viewer (name);
  MopsWindow *window = mops_ui_test_get_window ();
  GtkTextView *text_view = GTK_TEXT_VIEW (find (viewer, "text_view"));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view);
  g_autoptr(MopsAsset) asset = mops_asset_load (mops_window_get_library (window), find_asset (name), NULL);
  g_autofree char *path = mops_asset_dup_file_path (asset);
  g_autofree char *contents = NULL;
  g_autofree char *shown = NULL;
  g_auto(GStrv) file_lines = NULL;
  g_auto(GStrv) shown_lines = NULL;
  GtkTextIter start, end;

  g_assert_cmpstr (visible_page (viewer), ==, "text");
  g_assert_false (gtk_widget_get_visible (find (viewer, "view_bar")));
  g_assert_true (gtk_text_view_get_monospace (text_view));
  g_assert_false (gtk_text_view_get_editable (text_view));

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  file_lines = g_strsplit (contents, "\n", 2);
  shown_lines = g_strsplit (shown, "\n", 2);
  g_assert_cmpstr (file_lines[0], !=, "");
  g_assert_cmpstr (shown_lines[0], ==, file_lines[0]);
  mops_ui_test_screenshot (GTK_WIDGET (viewer), "viewer-text");

  mops_ui_test_close_window (viewer);
}

static void
test_export_a_copy_of_the_photo (void)
{
  GtkWindow *viewer = open_viewer ("fjord-sunrise.png");
  g_autofree char *dest = g_build_filename (mops_ui_test_get_tmp_dir (), "Fjord for the agency.png", NULL);
  g_autofree char *sidecar = g_strconcat (dest, ".xmp", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (dest);

  mops_asset_viewer_export_to (MOPS_ASSET_VIEWER (viewer), file);
  g_assert_true (mops_asset_viewer_is_busy (MOPS_ASSET_VIEWER (viewer)));
  wait_idle (viewer, "the export");

  g_assert_true (g_file_test (dest, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (sidecar, G_FILE_TEST_EXISTS));
  g_assert_nonnull (mops_ui_test_find_label (GTK_WIDGET (viewer), "Fjord for the agency.png"));
  g_assert_null (mops_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, viewer));
  mops_ui_test_screenshot (GTK_WIDGET (viewer), "viewer-exported");

  mops_ui_test_close_window (viewer);
}

static void
test_other_files_say_what_they_are (void)
{
  /* An empty ZIP archive: just its end-of-central-directory record. */
  static const char empty_zip[22] = "PK\x05\x06";
  MopsWindow *window = mops_ui_test_get_window ();
  g_autofree char *path = g_build_filename (mops_ui_test_get_tmp_dir (), "Agency logos.zip", NULL);
  const char *paths[] = { path, NULL };
  g_autoptr(MopsImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *viewer;

  g_assert_true (g_file_set_contents (path, empty_zip, sizeof empty_zip, NULL));
  report = mops_import_run_in_db (mops_window_get_library (window), mops_library_get_db (mops_window_get_library (window)),
                                  paths, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->added->len, ==, 1);

  viewer = open_viewer ("Agency logos.zip");
  g_assert_cmpstr (visible_page (viewer), ==, "other");
  g_assert_false (gtk_widget_get_visible (find (viewer, "view_bar")));
  g_assert_nonnull (mops_ui_test_find_label (GTK_WIDGET (viewer), "Agency logos.zip"));
  g_assert_nonnull (mops_ui_test_find_button (GTK_WIDGET (viewer), "Open With Default App"));
  mops_ui_test_screenshot (GTK_WIDGET (viewer), "viewer-other");
  mops_ui_test_close_window (viewer);
}

int
main (int   argc,
      char *argv[])
{
  mops_ui_test_init (&argc, &argv);

  g_test_add_func ("/viewer/photo/zooms-in-out-fit-and-100", test_photo_zooms);
  g_test_add_func ("/viewer/svg/fits-sharp", test_svg_fits_sharp);
  g_test_add_func ("/viewer/pdf/turns-pages", test_pdf_turns_pages);
  g_test_add_func ("/viewer/font/shows-a-specimen", test_font_shows_a_specimen);
  g_test_add_func ("/viewer/text/shows-the-copy-document", test_copy_document_shows_as_text);
  g_test_add_func ("/viewer/export/a-copy-of-the-photo", test_export_a_copy_of_the_photo);
  g_test_add_func ("/viewer/other/files-say-what-they-are", test_other_files_say_what_they_are);

  return mops_ui_test_run ();
}
