/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-licence-editor.c — the licence editor on the demo library: editing from the Licences
 * page, presets for many assets, inline errors, confirming, booking an expense, layouts */

#include "config.h"

#include <string.h>

#include "core/mops-clock.h"
#include "core/mops-db-private.h"
#include "core/mops-error.h"
#include "core/mops-library-private.h"
#include "core/mops-licence-booking.h"
#include "core/mops-licences.h"
#include "core/mops-money.h"
#include "mops-ui-test.h"
#include "ui/assets/mops-assets-page.h"
#include "ui/licences/mops-book-expense-dialog.h"
#include "ui/licences/mops-licence-editor.h"
#include "ui/licences/mops-licences-page.h"

static GtkWindow *
get_window (void)
{
  return GTK_WINDOW (mops_ui_test_get_window ());
}

static MopsLicencesPage *
get_page (void)
{
  GtkWidget *page = mops_ui_test_find_by_type (GTK_WIDGET (get_window ()), MOPS_TYPE_LICENCES_PAGE);

  g_assert_nonnull (page);
  return MOPS_LICENCES_PAGE (page);
}

static gboolean
page_is_loaded (gpointer user_data)
{
  return !mops_licences_page_is_loading (get_page ());
}

static void
wait_for_page (void)
{
  mops_ui_test_wait_until (page_is_loaded, NULL, 30000, "the licence rows to load");
}

/* A connection of our own to the demo library, for asserting what was written (the app
 * holds the lock; WAL lets both read and write). */
static MopsLibrary *
open_library (void)
{
  g_autoptr(GError) error = NULL;
  MopsLibrary *library = mops_library_open (mops_ui_test_get_demo_path (), MOPS_LIBRARY_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  return library;
}

static MopsLicence *
load_licence (gint64 id)
{
  g_autoptr(MopsLibrary) library = open_library ();
  g_autoptr(GError) error = NULL;
  MopsLicence *licence = mops_licences_load (library, id, &error);

  g_assert_no_error (error);
  return licence;
}

static guint
count_licences (void)
{
  g_autoptr(MopsLibrary) library = open_library ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) licences = mops_licences_list (library, &error);

  g_assert_no_error (error);
  return licences->len;
}

static GtkWidget *
find_in (gpointer    root,
         const char *id)
{
  GtkWidget *widget = mops_ui_test_find_by_id (GTK_WIDGET (root), id);

  g_assert_nonnull (widget);
  return widget;
}

static void
set_text (gpointer    root,
          const char *id,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (find_in (root, id)), text);
}

/* Scrolls the editor so that the widget @id is at the top, and waits for the frame. */
static void
scroll_to (MopsLicenceEditor *editor,
           const char        *id)
{
  GtkWidget *scrolled = find_in (editor, "scrolled");
  GtkWidget *content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  graphene_point_t point;

  /* Measured in what scrolls, not in the viewport, which may be scrolled already. */
  if (GTK_IS_VIEWPORT (content))
    content = gtk_viewport_get_child (GTK_VIEWPORT (content));

  g_assert_true (gtk_widget_compute_point (find_in (editor, id), content, &GRAPHENE_POINT_INIT (0, 0), &point));
  gtk_adjustment_set_value (adjustment, point.y - 12);
  mops_ui_test_wait_for_draw (GTK_WIDGET (editor));
}

static gboolean
editor_has_loaded (gpointer editor)
{
  return !mops_licence_editor_is_loading (editor);
}

/* The licence loads in a worker; its fields show once it has. */
static void
wait_for_fields (MopsLicenceEditor *editor)
{
  mops_ui_test_wait_until (editor_has_loaded, editor, 15000, "the editor to load its licence");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (find_in (editor, "stack"))), ==, "form");
  mops_ui_test_wait_for_draw (GTK_WIDGET (editor));
}

static MopsLicenceEditor *
wait_for_editor (void)
{
  MopsLicenceEditor *editor =
    MOPS_LICENCE_EDITOR (mops_ui_test_wait_for_toplevel (MOPS_TYPE_LICENCE_EDITOR, get_window ()));

  wait_for_fields (editor);
  return editor;
}

static void
present_editor (MopsLicenceEditor *editor)
{
  gtk_window_present (GTK_WINDOW (editor));
  wait_for_fields (editor);
}

static gboolean
editor_is_gone (gpointer user_data)
{
  return mops_ui_test_find_toplevel (MOPS_TYPE_LICENCE_EDITOR, NULL) == NULL;
}

static gboolean
editor_is_gone_or_says_why (gpointer user_data)
{
  GtkWidget *error_label = user_data;

  return editor_is_gone (NULL) || gtk_widget_get_visible (error_label);
}

/* The editor's error label, held (the editor may be gone when the save returns). */
static GtkWidget *
hold_error_label (MopsLicenceEditor *editor)
{
  return g_object_ref (find_in (editor, "error_label"));
}

/* Waits for a save to close its editor; when the editor says why it cannot (in
 * @error_label, taken), fails with that. (Saving waits for SQLite's busy timeout, 5 s,
 * while the demo's previews are being written.) */
static void
wait_for_save (GtkWidget  *error_label,
               const char *what)
{
  mops_ui_test_wait_until (editor_is_gone_or_says_why, error_label, 15000, what);
  if (!editor_is_gone (NULL))
    g_error ("The editor did not save: %s", gtk_label_get_text (GTK_LABEL (error_label)));
  g_object_unref (error_label);
}

static void
save_and_wait (MopsLicenceEditor *editor)
{
  GtkWidget *error_label = hold_error_label (editor);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  wait_for_save (error_label, "the editor to close after saving");
}

static void
on_saved_cb (MopsLicenceEditor *editor,
             gint64             licence_id,
             gint64            *out_id)
{
  *out_id = licence_id;
}

/* The position in the page's table of the first row showing a confirmed licence. */
static guint
find_confirmed_row (gint64 *out_licence_id)
{
  g_autoptr(GPtrArray) rows = mops_licences_page_dup_shown_rows (get_page ());

  for (guint i = 0; i < rows->len; i++)
    {
      const MopsLicenceRow *row = g_ptr_array_index (rows, i);

      if (row->licence_id != 0 && !row->to_confirm)
        {
          *out_licence_id = row->licence_id;
          return i;
        }
    }

  g_assert_not_reached ();
}

static const MopsLicenceRow *
find_row_for_licence (GPtrArray *rows,
                      gint64     licence_id)
{
  for (guint i = 0; i < rows->len; i++)
    {
      const MopsLicenceRow *row = g_ptr_array_index (rows, i);

      if (row->licence_id == licence_id)
        return row;
    }

  return NULL;
}

typedef struct
{
  gint64      licence_id;
  const char *licensor;
} RowWait;

static gboolean
row_shows_licensor (gpointer user_data)
{
  RowWait *wait = user_data;
  g_autoptr(GPtrArray) rows = NULL;
  const MopsLicenceRow *row;

  if (mops_licences_page_is_loading (get_page ()))
    return FALSE;

  rows = mops_licences_page_dup_shown_rows (get_page ());
  row = find_row_for_licence (rows, wait->licence_id);
  return row != NULL && g_strcmp0 (row->licensor, wait->licensor) == 0;
}

static gboolean
previews_are_made (gpointer user_data)
{
  GtkWidget *assets = mops_ui_test_find_by_type (GTK_WIDGET (get_window ()), MOPS_TYPE_ASSETS_PAGE);

  return assets == NULL || !mops_assets_page_is_busy (MOPS_ASSETS_PAGE (assets));
}

static void
test_edit_from_page (void)
{
  GtkWidget *view;
  MopsLicenceEditor *editor;
  g_autoptr(MopsLicence) licence = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  const MopsLicenceRow *row;
  RowWait wait = { 0, "Helios Bildagentur" };
  gint64 licence_id = 0;
  guint position;

  /* The editor saves on the main thread, waiting up to SQLite's busy timeout (5 s) for the
   * demo's previews, written meanwhile on a loaded machine, to let go of the database. */
  mops_ui_test_wait_until (previews_are_made, NULL, 120000, "the demo's previews to be made");
  mops_ui_test_resize (get_window (), 1366, 768);
  mops_ui_test_show_page ("licences");
  wait_for_page ();

  /* Enter (or a double click) on a row opens its licence */
  position = find_confirmed_row (&licence_id);
  view = find_in (get_page (), "column_view");
  g_signal_emit_by_name (view, "activate", position);
  editor = wait_for_editor ();
  g_assert_cmpint (mops_licence_editor_get_licence_id (editor), ==, licence_id);
  g_assert_false (gtk_widget_get_visible (find_in (editor, "presets_group")));
  g_assert_true (gtk_widget_get_visible (find_in (editor, "delete_button")));

  /* The editor fits the screen over the window */
  {
    int width, height;

    mops_ui_test_get_size (GTK_WINDOW (editor), &width, &height);
    g_assert_cmpint (width, <=, 1366);
    g_assert_cmpint (height, <=, 768);
  }
  mops_ui_test_screenshot_dialog (get_window (), GTK_WINDOW (editor), "licence-editor");

  set_text (editor, "licensor_row", "Helios Bildagentur");
  set_text (editor, "starts_row", "");
  set_text (editor, "expires_row", "2039-12-31");
  save_and_wait (editor);

  /* Written to the library … */
  licence = load_licence (licence_id);
  g_assert_cmpstr (licence->licensor, ==, "Helios Bildagentur");
  g_assert_cmpstr (licence->expires_on, ==, "2039-12-31");
  g_assert_null (licence->starts_on);

  /* … and the page shows it */
  wait.licence_id = licence_id;
  mops_ui_test_wait_until (row_shows_licensor, &wait, 30000, "the page to show the new licensor");
  rows = mops_licences_page_dup_shown_rows (get_page ());
  row = find_row_for_licence (rows, licence_id);
  g_assert_cmpstr (row->expires_on, ==, "2039-12-31");

  /* The table sorts by expiry: find the row by its licensor for the picture */
  set_text (get_page (), "search_entry", "Helios");
  g_signal_emit_by_name (find_in (get_page (), "search_entry"), "search-changed");
  mops_ui_test_wait_for_draw (GTK_WIDGET (get_window ()));
  mops_ui_test_screenshot (GTK_WIDGET (get_window ()), "licences-after-edit");
  set_text (get_page (), "search_entry", "");
  g_signal_emit_by_name (find_in (get_page (), "search_entry"), "search-changed");
}

/* Replaces the text of entry row @row by typing @text into it, key by key. */
static void
type_into_row (GtkWidget  *row,
               const char *text)
{
  /* The row's text widget: focusing the row itself selects its text at every key. */
  GtkWidget *delegate = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (row)));

  mops_ui_test_press_keys (delegate, "<Control>a");
  mops_ui_test_type_text (delegate, text);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, text);
}

/* A confirmed licence with both dates that the table shows, and the licensor it shows. */
static const MopsLicenceRow *
find_dated_row (GPtrArray *rows)
{
  for (guint i = 0; i < rows->len; i++)
    {
      const MopsLicenceRow *row = g_ptr_array_index (rows, i);

      if (row->licence_id != 0 && !row->to_confirm && row->starts_on != NULL && row->expires_on != NULL &&
          row->licensor != NULL && row->asset_id != 0)
        return row;
    }

  g_assert_not_reached ();
}

/* Shows only @licensor's rows and opens the first with a double click on its licensor. */
static MopsLicenceEditor *
open_row_of (const char *licensor)
{
  GtkWidget *view = find_in (get_page (), "column_view");
  GtkWidget *label;

  set_text (get_page (), "search_entry", licensor);
  g_signal_emit_by_name (find_in (get_page (), "search_entry"), "search-changed");
  mops_ui_test_wait_for_draw (GTK_WIDGET (get_window ()));
  label = mops_ui_test_find_label (view, licensor);
  g_assert_nonnull (label);
  mops_ui_test_double_click (label, -1, -1);
  return wait_for_editor ();
}

static void
clear_search (void)
{
  set_text (get_page (), "search_entry", "");
  g_signal_emit_by_name (find_in (get_page (), "search_entry"), "search-changed");
  mops_ui_test_wait_for_draw (GTK_WIDGET (get_window ()));
}

/* Issue 18, item 17: dates read "Dec 14, 2026" (the locale's medium form) in the table and
 * the editor, where "2026-12-14" was; a date typed that way is read back; days left are
 * words ("in 7 days", "40 days ago"), not "−40". */
static void
test_dates_in_the_locale_form (void)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(MopsLicence) before = NULL;
  g_autoptr(MopsLicence) after = NULL;
  g_autoptr(MopsLibrary) library = open_library ();
  g_autoptr(GError) error = NULL;
  g_autofree char *starts = NULL;
  g_autofree char *expires = NULL;
  g_autofree char *licensor = NULL;
  const MopsLicenceRow *row;
  MopsLicenceEditor *editor;
  GtkWidget *expires_row;
  GtkWidget *view;
  GtkWidget *error_label;

  mops_ui_test_resize (get_window (), 1366, 768);
  mops_ui_test_show_page ("licences");
  wait_for_page ();
  mops_ui_test_wait_for_draw (GTK_WIDGET (get_window ()));
  view = find_in (get_page (), "column_view");
  g_assert_nonnull (mops_ui_test_find_label (view, " days ago"));
  g_assert_null (mops_ui_test_find_label (view, "−"));

  rows = mops_licences_page_dup_shown_rows (get_page ());
  row = find_dated_row (rows);
  before = load_licence (row->licence_id);
  licensor = g_strdup (row->licensor);
  starts = mops_clock_format_local_date (before->starts_on);
  expires = mops_clock_format_local_date (before->expires_on);
  g_assert_nonnull (mops_ui_test_find_label (view, expires));

  editor = open_row_of (licensor);
  g_assert_cmpint (mops_licence_editor_get_licence_id (editor), ==, before->id);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_in (editor, "starts_row"))), ==, starts);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_in (editor, "expires_row"))), ==, expires);

  /* Typed the way it is shown */
  expires_row = find_in (editor, "expires_row");
  type_into_row (expires_row, "Jan 5, 2040");
  scroll_to (editor, "starts_row");
  mops_ui_test_screenshot_dialog (get_window (), GTK_WINDOW (editor), "licence-editor-dates");
  g_assert_false (gtk_widget_has_css_class (expires_row, "error"));
  error_label = hold_error_label (editor);
  mops_ui_test_press_keys (expires_row, "<Control>s");
  wait_for_save (error_label, "the editor to close after Ctrl+S");

  after = load_licence (before->id);
  g_assert_cmpstr (after->expires_on, ==, "2040-01-05");
  g_assert_cmpstr (after->starts_on, ==, before->starts_on);
  wait_for_page ();
  mops_ui_test_wait_for_draw (GTK_WIDGET (get_window ()));
  mops_ui_test_screenshot (GTK_WIDGET (get_window ()), "licences-dates-in-words");
  clear_search ();

  g_assert_true (mops_licences_update (library, before, &error));
  g_assert_no_error (error);
  mops_ui_test_show_page ("assets");
  mops_ui_test_show_page ("licences");
  wait_for_page ();
}

static void
collect_buttons (GtkWidget *widget,
                 GPtrArray *buttons)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child))
        g_ptr_array_add (buttons, child);
      collect_buttons (child, buttons);
    }
}

/* The day number @calendar highlights (its selected day, in the month shown). */
static GtkWidget *
find_selected_day (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (gtk_widget_has_css_class (child, "day-number") && !gtk_widget_has_css_class (child, "other-month") &&
          (gtk_widget_get_state_flags (child) & GTK_STATE_FLAG_SELECTED) != 0)
        return child;
      if ((found = find_selected_day (child)) != NULL)
        return found;
    }

  return NULL;
}

static gboolean
popover_is_hidden (gpointer popover)
{
  return !gtk_widget_get_visible (GTK_WIDGET (popover));
}

static gboolean
popover_is_shown (gpointer popover)
{
  return gtk_widget_get_mapped (GTK_WIDGET (popover));
}

/* Issue 18, item 16: Enter in a date field saved and closed the whole editor; in the date
 * popover, a click on the day already highlighted, after moving to the next year, did
 * nothing. Enter moves on to the next field; a click on any day picks it. */
static void
test_enter_and_calendar_in_date_fields (void)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(MopsLicence) before = NULL;
  g_autoptr(MopsLicence) after = NULL;
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  g_autofree char *licensor = NULL;
  g_autofree char *next_year = NULL;
  g_autofree char *shown = NULL;
  MopsLicenceEditor *editor;
  GtkWidget *starts_row, *expires_row, *popover, *calendar, *day, *focus;
  GDate date;

  mops_ui_test_show_page ("licences");
  wait_for_page ();
  rows = mops_licences_page_dup_shown_rows (get_page ());
  licensor = g_strdup (find_dated_row (rows)->licensor);
  editor = open_row_of (licensor);
  before = load_licence (mops_licence_editor_get_licence_id (editor));

  /* Enter in Starts On: the date is taken, Expires On is next, nothing is saved */
  starts_row = find_in (editor, "starts_row");
  expires_row = find_in (editor, "expires_row");
  scroll_to (editor, "starts_row");
  type_into_row (starts_row, "2026-03-01");
  mops_ui_test_press_keys (GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (starts_row))), "Return");
  mops_ui_test_wait_for_draw (GTK_WIDGET (editor));
  g_assert_true (mops_ui_test_find_toplevel (MOPS_TYPE_LICENCE_EDITOR, NULL) == GTK_WINDOW (editor));
  focus = gtk_root_get_focus (GTK_ROOT (editor));
  g_assert_nonnull (focus);
  g_assert_true (focus == expires_row || gtk_widget_is_ancestor (focus, expires_row));
  shown = mops_clock_format_local_date ("2026-03-01");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (starts_row)), ==, shown);
  after = load_licence (before->id);
  g_assert_cmpstr (after->starts_on, ==, before->starts_on);
  g_clear_pointer (&after, mops_licence_free);

  /* The expiry's calendar: next year, then the day it still highlights */
  mops_ui_test_click (find_in (editor, "expires_button"), -1, -1);
  popover = find_in (editor, "expires_popover");
  mops_ui_test_wait_until (popover_is_shown, popover, 5000, "the calendar to open");
  calendar = find_in (editor, "expires_calendar");
  mops_ui_test_wait_for_draw (calendar);
  collect_buttons (calendar, buttons);
  g_assert_cmpuint (buttons->len, ==, 4);
  mops_ui_test_click (g_ptr_array_index (buttons, 3), -1, -1);   /* next year */
  mops_ui_test_wait_for_draw (calendar);
  g_assert_true (gtk_widget_get_mapped (popover));
  mops_ui_test_screenshot (popover, "licence-editor-calendar-next-year");
  day = find_selected_day (calendar);
  g_assert_nonnull (day);
  mops_ui_test_click (day, -1, -1);
  mops_ui_test_wait_until (popover_is_hidden, popover, 5000, "the calendar to close on a click on its day");

  g_assert_true (mops_clock_parse_date (before->expires_on, &date));
  g_date_add_years (&date, 1);
  {
    g_autofree char *ymd = mops_clock_format_date (&date);

    next_year = mops_clock_format_local_date (ymd);
  }
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (expires_row)), ==, next_year);
  mops_ui_test_wait_for_draw (GTK_WIDGET (editor));
  mops_ui_test_screenshot_dialog (get_window (), GTK_WINDOW (editor), "licence-editor-date-picked");

  /* Enter in Expires On moves on too; Cancel (Escape) keeps the library as it was */
  mops_ui_test_press_keys (GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (expires_row))), "Return");
  g_assert_true (mops_ui_test_find_toplevel (MOPS_TYPE_LICENCE_EDITOR, NULL) == GTK_WINDOW (editor));
  mops_ui_test_press_keys (GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (expires_row))), "Escape");
  mops_ui_test_wait_until (editor_is_gone, NULL, 5000, "the editor to close on Escape");
  after = load_licence (before->id);
  g_assert_cmpstr (after->starts_on, ==, before->starts_on);
  g_assert_cmpstr (after->expires_on, ==, before->expires_on);
  clear_search ();
}

static void
test_preset_for_two_assets (void)
{
  g_autoptr(GPtrArray) rows = mops_licences_page_dup_shown_rows (get_page ());
  g_autoptr(MopsLicence) licence = NULL;
  MopsLibrary *library = mops_window_get_library (mops_ui_test_get_window ());
  MopsLicenceEditor *editor;
  gint64 asset_ids[2];
  gint64 saved_id = 0;
  guint before = count_licences ();
  int width, height;

  g_assert_cmpuint (rows->len, >=, 2);
  asset_ids[0] = ((MopsLicenceRow *) g_ptr_array_index (rows, 0))->asset_id;
  asset_ids[1] = ((MopsLicenceRow *) g_ptr_array_index (rows, 1))->asset_id;

  /* What the Assets page's selection bar does for two selected assets */
  editor = mops_licence_editor_new (get_window (), library, 0, asset_ids, 2);
  g_signal_connect (editor, "saved", G_CALLBACK (on_saved_cb), &saved_id);
  present_editor (editor);
  g_assert_true (gtk_widget_get_visible (find_in (editor, "presets_group")));
  g_assert_false (gtk_widget_get_visible (find_in (editor, "delete_button")));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.preset", "s", "cc-by"));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (find_in (editor, "kind_row"))), ==,
                    MOPS_LICENCE_KIND_CREATIVE_COMMONS);
  g_assert_true (gtk_widget_get_visible (find_in (editor, "cc_variant_row")));
  set_text (editor, "licensor_row", "Wikimedia Commons: Jane Doe");
  set_text (editor, "attribution_row", "Photo: Jane Doe, CC BY 4.0");

  /* It works 360 px wide */
  mops_ui_test_resize (GTK_WINDOW (editor), 360, 720);
  mops_ui_test_get_size (GTK_WINDOW (editor), &width, &height);
  g_assert_cmpint (width, ==, 360);
  mops_ui_test_screenshot (GTK_WIDGET (editor), "licence-editor-narrow");
  scroll_to (editor, "assets_group");
  mops_ui_test_screenshot (GTK_WIDGET (editor), "licence-editor-narrow-assets");

  save_and_wait (editor);
  g_assert_cmpint (saved_id, >, 0);
  g_assert_cmpuint (count_licences (), ==, before + 1);

  licence = load_licence (saved_id);
  g_assert_cmpint (licence->kind, ==, MOPS_LICENCE_KIND_CREATIVE_COMMONS);
  g_assert_cmpint (licence->cc_variant, ==, MOPS_CC_VARIANT_BY);
  g_assert_cmpstr (licence->cc_version, ==, "4.0");
  g_assert_true (licence->worldwide);
  g_assert_cmpstr (licence->attribution, ==, "Photo: Jane Doe, CC BY 4.0");
  g_assert_cmpuint (licence->asset_ids->len, ==, 2);
  g_assert_cmpint (MIN (asset_ids[0], asset_ids[1]), ==, g_array_index (licence->asset_ids, gint64, 0));
  g_assert_cmpint (MAX (asset_ids[0], asset_ids[1]), ==, g_array_index (licence->asset_ids, gint64, 1));
  wait_for_page ();
}

/* Runs the page's own shortcut for @accel as the window would on that key press. */
static gboolean
activate_page_shortcut (const char *accel)
{
  GtkWidget *page = GTK_WIDGET (get_page ());
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (page);
  g_autoptr(GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (accel);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, page, NULL);
        }
    }

  return FALSE;
}

static void
test_invalid_territory (void)
{
  MopsLicenceEditor *editor;
  GtkWidget *error_label;
  guint before = count_licences ();

  /* Ctrl+N while the page shows opens a new licence */
  g_assert_true (activate_page_shortcut ("<Control>n"));
  editor = wait_for_editor ();
  g_assert_cmpint (mops_licence_editor_get_licence_id (editor), ==, 0);

  gtk_switch_set_active (GTK_SWITCH (find_in (editor, "worldwide_switch")), FALSE);
  g_assert_true (gtk_widget_get_visible (find_in (editor, "territories_row")));
  set_text (editor, "licensor_row", "Nowhere Stock");
  set_text (editor, "territories_row", "DE, XX");

  /* Said as it is typed … */
  error_label = find_in (editor, "territories_error");
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "XX"));
  g_assert_true (gtk_widget_has_css_class (find_in (editor, "territories_row"), "error"));

  /* … and Save writes nothing, the window stays */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  mops_ui_test_iterate ();
  g_assert_true (mops_ui_test_find_toplevel (MOPS_TYPE_LICENCE_EDITOR, get_window ()) == GTK_WINDOW (editor));
  g_assert_cmpuint (count_licences (), ==, before);

  /* No country at all is not "worldwide" by accident */
  set_text (editor, "territories_row", "");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  mops_ui_test_iterate ();
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_cmpuint (count_licences (), ==, before);

  /* Nor is a malformed date or an amount without currency saved */
  set_text (editor, "territories_row", "de, fr");
  g_assert_false (gtk_widget_get_visible (error_label));
  set_text (editor, "expires_row", "31.12.2030");
  set_text (editor, "cost_row", "12.50");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  mops_ui_test_iterate ();
  g_assert_true (gtk_widget_has_css_class (find_in (editor, "expires_row"), "error"));
  g_assert_true (gtk_widget_get_visible (find_in (editor, "cost_error")));
  g_assert_cmpuint (count_licences (), ==, before);
  set_text (editor, "territories_row", "de, xx");
  scroll_to (editor, "territories_row");
  mops_ui_test_screenshot (GTK_WIDGET (editor), "licence-editor-errors");

  /* Escape (window.close) leaves without writing */
  mops_ui_test_close_window (GTK_WINDOW (editor));
  g_assert_cmpuint (count_licences (), ==, before);

  /* The page's + button does the same as Ctrl+N */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_page ()), "licences.new", NULL));
  editor = wait_for_editor ();
  g_assert_cmpint (mops_licence_editor_get_licence_id (editor), ==, 0);
  mops_ui_test_close_window (GTK_WINDOW (editor));

  /* … and Ctrl+N does nothing while another page shows */
  mops_ui_test_show_page ("assets");
  g_assert_false (activate_page_shortcut ("<Control>n"));
  mops_ui_test_iterate ();
  g_assert_null (mops_ui_test_find_toplevel (MOPS_TYPE_LICENCE_EDITOR, NULL));
  mops_ui_test_show_page ("licences");
  wait_for_page ();
}

static gboolean
editor_has_saved (gpointer editor)
{
  return !mops_licence_editor_is_saving (editor);
}

static void
test_confirm (void)
{
  g_autoptr(MopsLibrary) library = open_library ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) licences = mops_licences_list (library, &error);
  g_autoptr(MopsLicence) confirmed = NULL;
  MopsLicenceEditor *editor;
  gint64 licence_id = 0;
  gint64 saved_id = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < licences->len && licence_id == 0; i++)
    {
      const MopsLicence *licence = g_ptr_array_index (licences, i);

      if (!licence->confirmed)
        licence_id = licence->id;
    }
  g_assert_cmpint (licence_id, !=, 0);

  editor = mops_licence_editor_new (get_window (), mops_window_get_library (mops_ui_test_get_window ()),
                                    licence_id, NULL, 0);
  g_signal_connect (editor, "saved", G_CALLBACK (on_saved_cb), &saved_id);
  present_editor (editor);
  g_assert_true (gtk_widget_get_visible (find_in (editor, "confirm_box")));
  mops_ui_test_screenshot_dialog (get_window (), GTK_WINDOW (editor), "licence-editor-to-confirm");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.confirm", NULL));
  mops_ui_test_wait_until (editor_has_saved, editor, 15000, "the licence to be confirmed");
  g_assert_false (gtk_widget_get_visible (find_in (editor, "confirm_box")));
  g_assert_cmpint (saved_id, ==, licence_id);
  confirmed = load_licence (licence_id);
  g_assert_true (confirmed->confirmed);

  mops_ui_test_close_window (GTK_WINDOW (editor));
  wait_for_page ();
}

static gboolean
dialog_is_gone (gpointer user_data)
{
  return mops_ui_test_find_toplevel (MOPS_TYPE_BOOK_EXPENSE_DIALOG, NULL) == NULL;
}

static guint
count_expenses (MopsLibrary *library,
                gint64       licence_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) expenses = mops_licences_list_expenses (library, licence_id, &error);

  g_assert_no_error (error);
  return expenses->len;
}

/* Opens licence @licence_id's editor, scrolls to its expenses and clicks Book as Expense. */
static GtkWindow *
click_book_as_expense (MopsLicenceEditor **out_editor,
                       gint64              licence_id)
{
  MopsLicenceEditor *editor;

  editor = mops_licence_editor_new (get_window (), mops_window_get_library (mops_ui_test_get_window ()),
                                    licence_id, NULL, 0);
  present_editor (editor);
  g_assert_true (gtk_widget_get_visible (find_in (editor, "expenses_group")));
  scroll_to (editor, "expenses_group");
  mops_ui_test_click (find_in (editor, "book_button"), -1, -1);
  *out_editor = editor;
  return mops_ui_test_wait_for_toplevel (MOPS_TYPE_BOOK_EXPENSE_DIALOG, GTK_WINDOW (editor));
}

/* Issue 18, item 3: Book as Expense wrote the expense at once (Cancel in the editor left it),
 * dated the licence's start (last fiscal year) and said nothing when the licence was booked
 * already. Now it is part of the editor's Save, dated today, says the fiscal year it lands
 * in and lists the bookings made, warning before a second. */
static void
test_book_expense (void)
{
  g_autoptr(MopsLibrary) library = open_library ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MopsLicence) licence = mops_licence_new ();
  g_autoptr(MopsBookingYear) year = NULL;
  g_autoptr(GPtrArray) teams = NULL;
  g_autoptr(GPtrArray) expenses = NULL;
  g_autofree char *today = NULL;
  g_autofree char *today_shown = NULL;
  g_autofree char *amount_text = NULL;
  AdwStyleManager *style = adw_style_manager_get_default ();
  MopsLicenceExpense *expense;
  MopsLicenceEditor *editor;
  GtkWidget *error_label;
  GtkWindow *dialog;
  gint64 licence_id;

  /* A licence with a cost that started last year; the demo holds this year's fiscal year and
   * teams, else make them */
  licence->kind = MOPS_LICENCE_KIND_RIGHTS_MANAGED;
  licence->licensor = g_strdup ("Getty Images");
  licence->reference = g_strdup ("RM-2207-118");
  licence->starts_on = g_strdup ("2020-02-01");
  licence->has_cost = TRUE;
  licence->cost = 124900;
  licence->currency = g_strdup ("EUR");
  licence->media = MOPS_MEDIUM_PRINT | MOPS_MEDIUM_OUTDOOR;
  licence_id = mops_licences_create (library, licence, NULL, 0, &error);
  g_assert_no_error (error);

  today = mops_clock_today_string ();
  today_shown = mops_clock_format_local_date (today);
  year = mops_licence_booking_find_year (library, today, NULL);
  if (year == NULL)
    {
      g_assert_true (mops_db_exec (mops_library_get_db (library),
                                   "INSERT INTO fiscal_years (name, starts_on, currency)"
                                   " VALUES ('Test year', strftime('%Y-01-01', 'now', 'localtime'), 'EUR')",
                                   &error));
      year = mops_licence_booking_find_year (library, today, &error);
      g_assert_no_error (error);
    }
  teams = mops_licence_booking_list_teams (library, &error);
  g_assert_no_error (error);
  if (teams->len == 0)
    g_assert_true (mops_db_exec (mops_library_get_db (library), "INSERT INTO teams (name) VALUES ('Brand')", &error));
  g_assert_no_error (error);

  /* Prefilled: today (not the start), the cost, the year it lands in, no rate in its currency */
  dialog = click_book_as_expense (&editor, licence_id);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_in (dialog, "date_row"))), ==, today_shown);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_in (dialog, "amount_row"))), ==, "1249.00");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_in (dialog, "currency_row"))), ==, "EUR");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (find_in (dialog, "year_label"))), year->name));
  g_assert_false (gtk_widget_get_visible (find_in (dialog, "booked_group")));
  g_assert_false (gtk_widget_get_visible (find_in (dialog, "warning_label")));
  if (g_str_equal (year->currency, "EUR"))
    g_assert_false (gtk_widget_get_visible (find_in (dialog, "rate_row")));
  mops_ui_test_screenshot_dialog (GTK_WINDOW (editor), dialog, "licence-book-expense");
  mops_ui_test_resize (dialog, 360, 640);
  mops_ui_test_screenshot (GTK_WIDGET (dialog), "licence-book-expense-narrow");

  /* Book: nothing is written yet; the editor shows what Save will book */
  mops_ui_test_click (find_in (dialog, "book_button"), -1, -1);
  mops_ui_test_wait_until (dialog_is_gone, NULL, 5000, "the booking dialog to close");
  g_assert_cmpuint (count_expenses (library, licence_id), ==, 0);
  mops_ui_test_wait_for_draw (GTK_WIDGET (editor));
  g_assert_nonnull (mops_ui_test_find_by_name (GTK_WIDGET (editor), "pending-booking"));
  g_assert_nonnull (mops_ui_test_find_label (find_in (editor, "expenses_list"), "when you save"));
  mops_ui_test_resize (GTK_WINDOW (editor), 360, 720);
  scroll_to (editor, "expenses_group");
  mops_ui_test_screenshot (GTK_WIDGET (editor), "licence-editor-booking-narrow");

  /* Cancel books nothing */
  mops_ui_test_click (mops_ui_test_find_button (GTK_WIDGET (editor), "Cancel"), -1, -1);
  mops_ui_test_wait_until (editor_is_gone, NULL, 5000, "the editor to close on Cancel");
  g_assert_cmpuint (count_expenses (library, licence_id), ==, 0);

  /* Book, then Save (Ctrl+S): the expense is written with the licence */
  dialog = click_book_as_expense (&editor, licence_id);
  mops_ui_test_click (find_in (dialog, "book_button"), -1, -1);
  mops_ui_test_wait_until (dialog_is_gone, NULL, 5000, "the booking dialog to close");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  scroll_to (editor, "cost_group");
  mops_ui_test_screenshot_dialog (get_window (), GTK_WINDOW (editor), "licence-editor-dark");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  error_label = hold_error_label (editor);
  mops_ui_test_press_keys (find_in (editor, "licensor_row"), "<Control>s");
  wait_for_save (error_label, "the editor to close after Ctrl+S");

  expenses = mops_licences_list_expenses (library, licence_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (expenses->len, ==, 1);
  expense = g_ptr_array_index (expenses, 0);
  g_assert_cmpint (expense->amount, ==, 124900);
  g_assert_cmpstr (expense->currency, ==, "EUR");
  g_assert_cmpstr (expense->date, ==, today);
  g_assert_cmpint (expense->licence_id, ==, licence_id);
  g_assert_cmpstr (expense->category_name, ==, "Licensing");
  g_assert_cmpstr (expense->vendor, ==, "Getty Images");

  /* Booked once: the editor lists it, and booking again is warned about */
  dialog = click_book_as_expense (&editor, licence_id);
  amount_text = mops_money_format (124900, "EUR", NULL);
  g_assert_nonnull (mops_ui_test_find_label (find_in (editor, "expenses_list"), amount_text));
  mops_ui_test_wait_for_draw (GTK_WIDGET (dialog));
  g_assert_true (gtk_widget_get_visible (find_in (dialog, "booked_group")));
  g_assert_nonnull (mops_ui_test_find_label (find_in (dialog, "booked_list"), amount_text));
  g_assert_true (gtk_widget_get_visible (find_in (dialog, "warning_label")));
  g_assert_nonnull (mops_ui_test_find_button (GTK_WIDGET (dialog), "Book Again"));
  mops_ui_test_screenshot_dialog (GTK_WINDOW (editor), dialog, "licence-book-expense-again");
  mops_ui_test_press_keys (find_in (dialog, "date_row"), "Escape");
  mops_ui_test_wait_until (dialog_is_gone, NULL, 5000, "the booking dialog to close on Escape");
  mops_ui_test_close_window (GTK_WINDOW (editor));
  g_assert_cmpuint (count_expenses (library, licence_id), ==, 1);
}

static gboolean
editor_is_idle (gpointer user_data)
{
  return !mops_licence_editor_is_busy (user_data);
}

static void
test_attach_contract (void)
{
  g_autoptr(MopsLibrary) library = open_library ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MopsLicence) licence = mops_licence_new ();
  g_autoptr(MopsLicence) saved = NULL;
  g_autofree char *path = g_build_filename (mops_ui_test_get_tmp_dir (), "Signed agreement RM-2207.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *sql = NULL;
  MopsLicenceEditor *editor;
  GtkWindow *dialog;
  gint64 licence_id;
  gint64 deleted_id = 0;

  licence->kind = MOPS_LICENCE_KIND_RIGHTS_MANAGED;
  licence->licensor = g_strdup ("Polar Pixels Ltd");
  mops_ui_test_show_page ("licences");
  licence_id = mops_licences_create (library, licence, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, "Licence agreement RM-2207, signed by both parties.\n", -1, &error));

  editor = mops_licence_editor_new (get_window (), mops_window_get_library (mops_ui_test_get_window ()),
                                    licence_id, NULL, 0);
  present_editor (editor);
  g_assert_true (gtk_widget_get_visible (find_in (editor, "attach_contract_button")));

  /* What "Attach Contract…" does with the file chosen: imported in a worker */
  mops_licence_editor_attach_contract (editor, file);
  g_assert_true (mops_licence_editor_is_busy (editor));
  mops_ui_test_wait_until (editor_is_idle, editor, 30000, "the contract to be imported");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find_in (editor, "contract_label"))), ==,
                   "Signed agreement RM-2207.txt");
  g_assert_true (gtk_widget_get_visible (find_in (editor, "open_contract_button")));
  g_assert_true (gtk_widget_get_visible (find_in (editor, "remove_contract_button")));
  g_assert_false (gtk_widget_get_visible (find_in (editor, "attach_contract_button")));
  scroll_to (editor, "contract_stack");
  mops_ui_test_screenshot_dialog (get_window (), GTK_WINDOW (editor), "licence-editor-contract");

  /* Linked on save, and kept as a record (hidden from the grid, never "missing") */
  save_and_wait (editor);
  saved = load_licence (licence_id);
  g_assert_cmpint (saved->contract_asset_id, >, 0);
  sql = g_strdup_printf ("SELECT count(*) FROM assets WHERE id = %lld AND role = 'record'",
                         (long long) saved->contract_asset_id);
  g_assert_cmpint (mops_db_query_int (mops_library_get_db (library), sql, &error), ==, 1);
  g_assert_no_error (error);
  wait_for_page ();

  /* Delete asks first; the contract stays in the library */
  editor = mops_licence_editor_new (get_window (), mops_window_get_library (mops_ui_test_get_window ()),
                                    licence_id, NULL, 0);
  g_signal_connect (editor, "deleted", G_CALLBACK (on_saved_cb), &deleted_id);
  present_editor (editor);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.delete", NULL));
  dialog = mops_ui_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (editor));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "delete");
  mops_ui_test_wait_until (editor_is_gone, NULL, 5000, "the editor to close after deleting");
  g_assert_cmpint (deleted_id, ==, licence_id);
  g_assert_null (mops_licences_load (library, licence_id, &error));
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (mops_db_query_int (mops_library_get_db (library), sql, &error), ==, 1);
  wait_for_page ();
}

/* "trashed", "record" or "asset": where the document called @name stands. */
static char *
dup_document_state (MopsLibrary *library,
                    const char  *name)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;

  stmt = mops_db_prepare (mops_library_get_db (library),
                          "SELECT CASE WHEN trashed_at IS NOT NULL THEN 'trashed' ELSE role END"
                          " FROM assets WHERE original_name = ?", &error);
  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static MopsLicenceEditor *
attach_document (gint64             licence_id,
                 MopsLicenceEditor *editor,
                 const char        *name)
{
  g_autofree char *path = g_build_filename (mops_ui_test_get_tmp_dir (), name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *content = g_strdup_printf ("%s, signed by both parties.\n", name);

  g_assert_true (g_file_set_contents (path, content, -1, NULL));
  if (editor == NULL)
    {
      editor = mops_licence_editor_new (get_window (), mops_window_get_library (mops_ui_test_get_window ()),
                                        licence_id, NULL, 0);
      present_editor (editor);
    }
  mops_licence_editor_attach_contract (editor, file);
  mops_ui_test_wait_until (editor_is_idle, editor, 30000, "the contract to be imported");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find_in (editor, "contract_label"))), ==, name);
  return editor;
}

typedef struct
{
  MopsLibrary *library;
  const char  *name;
} DocumentWait;

static gboolean
document_is_trashed (gpointer user_data)
{
  DocumentWait *wait = user_data;
  g_autofree char *state = dup_document_state (wait->library, wait->name);

  return g_strcmp0 (state, "trashed") == 0;
}

/* The editor moves documents to the Trash in a worker, once it has closed. */
static void
wait_until_trashed (MopsLibrary *library,
                    const char  *name)
{
  DocumentWait wait = { library, name };

  mops_ui_test_wait_until (document_is_trashed, &wait, 15000, "the unused contract to go to the Trash");
}

/* A document imported as a contract and then not kept goes to the Trash: on Cancel, and when
 * another one replaces it before saving. */
static void
test_unused_contract_goes_to_the_trash (void)
{
  g_autoptr(MopsLibrary) library = open_library ();
  g_autoptr(MopsLicence) licence = mops_licence_new ();
  g_autoptr(MopsLicence) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *state = NULL;
  MopsLicenceEditor *editor;
  gint64 licence_id;

  licence->kind = MOPS_LICENCE_KIND_RIGHTS_MANAGED;
  licence->licensor = g_strdup ("Fjellfoto Nord AS");
  licence_id = mops_licences_create (library, licence, NULL, 0, &error);
  g_assert_no_error (error);

  /* Cancel */
  editor = attach_document (licence_id, NULL, "Draft agreement FN-11.txt");
  gtk_window_close (GTK_WINDOW (editor));
  mops_ui_test_wait_until (editor_is_gone, NULL, 5000, "the editor to close");
  wait_until_trashed (library, "Draft agreement FN-11.txt");
  saved = load_licence (licence_id);
  g_assert_cmpint (saved->contract_asset_id, ==, 0);
  g_clear_pointer (&saved, mops_licence_free);

  /* Replaced, then saved: the first one goes, the second is the contract. */
  editor = attach_document (licence_id, NULL, "Agreement FN-12 (unsigned).txt");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.remove-contract", NULL));
  attach_document (licence_id, editor, "Agreement FN-12 (signed).txt");
  save_and_wait (editor);
  wait_until_trashed (library, "Agreement FN-12 (unsigned).txt");
  state = dup_document_state (library, "Agreement FN-12 (signed).txt");
  g_assert_cmpstr (state, ==, "record");
  saved = load_licence (licence_id);
  g_assert_cmpint (saved->contract_asset_id, >, 0);
  wait_for_page ();
}

static gboolean
error_is_shown (gpointer error_label)
{
  return gtk_widget_get_visible (error_label);
}

/* Opens the first confirmed licence the page shows, from the page, and types @licensor into
 * its Licensor field. Returns the editor and, in @out_before, the licence as stored. */
static MopsLicenceEditor *
open_and_type_licensor (const char   *licensor,
                        MopsLicence **out_before)
{
  MopsLicenceEditor *editor;
  gint64 licence_id = 0;
  guint position;

  mops_ui_test_wait_until (previews_are_made, NULL, 120000, "the demo's previews to be made");
  mops_ui_test_resize (get_window (), 1366, 768);
  mops_ui_test_show_page ("licences");
  wait_for_page ();
  position = find_confirmed_row (&licence_id);
  g_signal_emit_by_name (find_in (get_page (), "column_view"), "activate", position);
  editor = wait_for_editor ();
  *out_before = load_licence (licence_id);
  type_into_row (find_in (editor, "licensor_row"), licensor);
  return editor;
}

/* The editor wrote on the main thread: while another connection was writing (the demo's
 * previews, an import), Save froze the window for up to SQLite's busy timeout (5 s) and then
 * failed with "database is locked". It saves in a worker now: the window keeps drawing, the
 * Save button shows it is busy and takes no second Save, and once the other writer is done
 * the save lands. */
static void
test_saves_while_another_connection_writes (void)
{
  g_autoptr(MopsLibrary) other = open_library ();
  g_autoptr(MopsLicence) before = NULL;
  g_autoptr(MopsLicence) during = NULL;
  g_autoptr(MopsLicence) after = NULL;
  g_autoptr(GError) error = NULL;
  MopsLicenceEditor *editor = open_and_type_licensor ("Locked Harbour Ltd", &before);
  GtkWidget *licensor = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (find_in (editor, "licensor_row"))));
  GtkWidget *save_button = find_in (editor, "save_button");
  GtkWidget *error_label = hold_error_label (editor);

  /* Another connection holds the write lock (BEGIN IMMEDIATE) */
  g_assert_true (mops_library_begin (other, &error));
  g_assert_no_error (error);

  mops_ui_test_press_keys (licensor, "<Control>s");

  /* The key came back at once: the editor is open, saving, and says nothing went wrong */
  g_assert_true (mops_ui_test_find_toplevel (MOPS_TYPE_LICENCE_EDITOR, NULL) == GTK_WINDOW (editor));
  g_assert_true (mops_licence_editor_is_saving (editor));
  g_assert_false (gtk_widget_get_visible (error_label));
  g_assert_false (gtk_widget_is_sensitive (save_button));
  g_assert_nonnull (mops_ui_test_find_by_type (save_button, GTK_TYPE_SPINNER));

  /* Frames keep being drawn while the lock is held, and a second Save is not taken */
  for (guint i = 0; i < 3; i++)
    mops_ui_test_wait_for_draw (GTK_WIDGET (editor));
  mops_ui_test_press_keys (licensor, "<Control>s");
  mops_ui_test_wait_for_draw (GTK_WIDGET (editor));
  g_assert_true (mops_licence_editor_is_saving (editor));
  g_assert_false (gtk_widget_get_visible (error_label));
  mops_ui_test_screenshot_dialog (get_window (), GTK_WINDOW (editor), "licence-editor-saving");
  during = load_licence (before->id);
  g_assert_cmpstr (during->licensor, ==, before->licensor);

  /* The other writer is done: the save lands and the editor closes */
  mops_library_rollback (other);
  wait_for_save (error_label, "the editor to save once the lock is released");
  after = load_licence (before->id);
  g_assert_cmpstr (after->licensor, ==, "Locked Harbour Ltd");

  g_assert_true (mops_licences_update (other, before, &error));
  g_assert_no_error (error);
  wait_for_page ();
}

/* A save that cannot get the lock within SQLite's busy timeout leaves the editor open, with
 * what was typed and the reason shown, and Save works again afterwards. */
static void
test_a_failed_save_keeps_the_input (void)
{
  g_autoptr(MopsLibrary) other = open_library ();
  g_autoptr(MopsLicence) before = NULL;
  g_autoptr(MopsLicence) after = NULL;
  g_autoptr(GError) error = NULL;
  MopsLicenceEditor *editor = open_and_type_licensor ("Still Typed GmbH", &before);
  GtkWidget *licensor_row = find_in (editor, "licensor_row");
  GtkWidget *licensor = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (licensor_row)));
  GtkWidget *error_label = hold_error_label (editor);

  g_assert_true (mops_library_begin (other, &error));
  g_assert_no_error (error);
  mops_ui_test_press_keys (licensor, "<Control>s");
  g_assert_true (mops_licence_editor_is_saving (editor));
  mops_ui_test_wait_until (error_is_shown, error_label, 30000, "the editor to say the save failed");
  mops_library_rollback (other);

  g_assert_true (mops_ui_test_find_toplevel (MOPS_TYPE_LICENCE_EDITOR, NULL) == GTK_WINDOW (editor));
  g_assert_false (mops_licence_editor_is_saving (editor));
  g_assert_true (gtk_widget_is_sensitive (find_in (editor, "save_button")));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (licensor_row)), ==, "Still Typed GmbH");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "Try again"));
  mops_ui_test_screenshot_dialog (get_window (), GTK_WINDOW (editor), "licence-editor-save-failed");
  after = load_licence (before->id);
  g_assert_cmpstr (after->licensor, ==, before->licensor);
  g_clear_pointer (&after, mops_licence_free);

  /* Saved with the next Ctrl+S */
  mops_ui_test_press_keys (licensor, "<Control>s");
  wait_for_save (error_label, "the editor to save the second time");
  after = load_licence (before->id);
  g_assert_cmpstr (after->licensor, ==, "Still Typed GmbH");

  g_assert_true (mops_licences_update (other, before, &error));
  g_assert_no_error (error);
  wait_for_page ();
}

int
main (int   argc,
      char *argv[])
{
  mops_ui_test_init (&argc, &argv);
  g_test_add_func ("/licence-editor/edits-a-licence-opened-from-the-page", test_edit_from_page);
  g_test_add_func ("/licence-editor/shows-and-reads-dates-as-the-locale-writes-them", test_dates_in_the_locale_form);
  g_test_add_func ("/licence-editor/enter-moves-on-and-any-calendar-day-picks", test_enter_and_calendar_in_date_fields);
  g_test_add_func ("/licence-editor/creates-a-cc-by-licence-for-two-assets", test_preset_for_two_assets);
  g_test_add_func ("/licence-editor/invalid-territory-is-said-inline-and-nothing-saved", test_invalid_territory);
  g_test_add_func ("/licence-editor/confirms-a-licence-from-file-metadata", test_confirm);
  g_test_add_func ("/licence-editor/books-the-cost-as-an-expense", test_book_expense);
  g_test_add_func ("/licence-editor/attaches-a-contract-then-deletes-the-licence", test_attach_contract);
  g_test_add_func ("/licence-editor/unused-contract-goes-to-the-trash", test_unused_contract_goes_to_the_trash);
  g_test_add_func ("/licence-editor/saves-while-another-connection-writes", test_saves_while_another_connection_writes);
  g_test_add_func ("/licence-editor/a-failed-save-keeps-the-input", test_a_failed_save_keeps_the_input);
  return mops_ui_test_run ();
}
