/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-calendar.c — the Calendar page on the demo library: the month grid and its keys, the
 * agenda, creating, deleting and undoing an item, narrow and dark */

#include "config.h"

#include <string.h>

#include "core/mops-calendar.h"
#include "mops-ui-test.h"
#include "ui/calendar/mops-calendar-page.h"
#include "ui/calendar/mops-content-item-editor.h"
#include "ui/calendar/mops-month-view.h"

/* "Today" for the app and the demo it builds, so that the month shown is known. */
#define TEST_NOW "2026-03-16T10:00:00+00:00"

static MopsCalendarPage *
get_page (void)
{
  GtkWidget *page = mops_ui_test_find_by_type (GTK_WIDGET (mops_ui_test_get_window ()), MOPS_TYPE_CALENDAR_PAGE);

  g_assert_nonnull (page);
  return MOPS_CALENDAR_PAGE (page);
}

static GtkWidget *
find (const char *id)
{
  GtkWidget *widget = mops_ui_test_find_by_id (GTK_WIDGET (get_page ()), id);

  g_assert_nonnull (widget);
  return widget;
}

static gboolean
page_is_idle (gpointer user_data)
{
  return !mops_calendar_page_is_busy (get_page ());
}

static gboolean
title_is (gpointer user_data)
{
  return g_strcmp0 (mops_calendar_page_get_title (get_page ()), user_data) == 0;
}

static void
show_calendar (void)
{
  mops_ui_test_show_page ("calendar");
  mops_ui_test_wait_until (page_is_idle, NULL, 10000, "the calendar to load");
  mops_ui_test_wait_for_draw (GTK_WIDGET (mops_ui_test_get_window ()));
}

/* The id of the item titled @title as core lists it, from a connection of our own; 0 when
 * there is none. */
static gint64
find_item_in_library (const char *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MopsLibrary) library = mops_library_open (mops_ui_test_get_demo_path (), MOPS_LIBRARY_OPEN_DEFAULT, &error);
  g_autoptr(GPtrArray) items = NULL;

  g_assert_no_error (error);
  items = mops_content_items_list (library, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < items->len; i++)
    {
      MopsContentItem *item = g_ptr_array_index (items, i);

      if (g_strcmp0 (item->title, title) == 0)
        return item->id;
    }
  return 0;
}

static gboolean
file_exists (gpointer user_data)
{
  return g_file_test (user_data, G_FILE_TEST_EXISTS);
}

static gboolean
label_is_shown (gpointer user_data)
{
  return mops_ui_test_find_label (GTK_WIDGET (get_page ()), user_data) != NULL;
}

static gboolean
item_is_listed (gpointer user_data)
{
  return find_item_in_library (user_data) > 0;
}

static gboolean
item_is_gone (gpointer user_data)
{
  return find_item_in_library (user_data) == 0;
}

static gboolean
no_editor_is_open (gpointer user_data)
{
  GtkWindow *editor = mops_ui_test_find_toplevel (MOPS_TYPE_CONTENT_ITEM_EDITOR, NULL);
  GtkWidget *error_label;

  if (editor == NULL)
    return TRUE;

  /* A failed save keeps the editor open and says why: show it in the log. */
  error_label = mops_ui_test_find_by_id (GTK_WIDGET (editor), "error_label");
  if (error_label != NULL && gtk_widget_get_mapped (error_label) &&
      *gtk_label_get_text (GTK_LABEL (error_label)) != '\0')
    g_test_message ("the editor says: %s", gtk_label_get_text (GTK_LABEL (error_label)));
  return FALSE;
}

static gboolean
editor_is_idle (gpointer user_data)
{
  return !mops_content_item_editor_is_busy (user_data);
}

/* Types @text into entry row @row key by key. */
static void
type_into_row (GtkWidget  *row,
               const char *text)
{
  /* The row's text widget: focusing the row itself selects its text at every key. */
  GtkWidget *delegate = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (row)));

  mops_ui_test_type_text (delegate, text);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, text);
}

/* The month grid shows March 2026 with chips; Page Down, T and the arrows move it. */
static void
test_month_keys (void)
{
  GtkWindow *window = GTK_WINDOW (mops_ui_test_get_window ());
  GtkWidget *month_view;
  GtkWindow *editor;
  g_autofree char *date = NULL;

  mops_ui_test_resize (window, 1366, 768);
  show_calendar ();
  month_view = find ("month_view");
  /* The grid has the keyboard as soon as the page shows. */
  g_assert_true (gtk_window_get_focus (window) == month_view);
  g_assert_cmpstr (mops_calendar_page_get_title (get_page ()), ==, "March 2026");
  g_assert_cmpuint (mops_month_view_get_n_chips (MOPS_MONTH_VIEW (month_view)), >, 5);
  mops_ui_test_screenshot (GTK_WIDGET (window), "calendar-month");

  mops_ui_test_press_keys (month_view, "Page_Down");
  mops_ui_test_wait_until (title_is, (gpointer) "April 2026", 5000, "the next month");
  mops_ui_test_wait_until (page_is_idle, NULL, 10000, "April to load");
  mops_ui_test_press_keys (month_view, "Page_Down");
  mops_ui_test_wait_until (title_is, (gpointer) "May 2026", 5000, "the month after");

  mops_ui_test_press_keys (month_view, "t");
  mops_ui_test_wait_until (title_is, (gpointer) "March 2026", 5000, "today's month");
  date = mops_month_view_dup_date (MOPS_MONTH_VIEW (month_view));
  g_assert_cmpstr (date, ==, "2026-03-16");

  mops_ui_test_press_keys (month_view, "Right");
  mops_ui_test_press_keys (month_view, "Down");
  g_clear_pointer (&date, g_free);
  date = mops_month_view_dup_date (MOPS_MONTH_VIEW (month_view));
  g_assert_cmpstr (date, ==, "2026-03-24");

  mops_ui_test_press_keys (month_view, "Page_Up");
  mops_ui_test_wait_until (title_is, (gpointer) "February 2026", 5000, "the month before");
  mops_ui_test_press_keys (month_view, "t");
  mops_ui_test_wait_until (title_is, (gpointer) "March 2026", 5000, "today's month");
  mops_ui_test_wait_until (page_is_idle, NULL, 10000, "March to load");

  /* Enter on a day opens its first item; Escape closes the editor */
  mops_ui_test_press_keys (month_view, "Right");
  mops_ui_test_press_keys (month_view, "Return");
  editor = mops_ui_test_wait_for_toplevel (MOPS_TYPE_CONTENT_ITEM_EDITOR, window);
  mops_ui_test_wait_until (editor_is_idle, editor, 10000, "the item to load");
  g_assert_cmpstr (gtk_window_get_title (editor), ==, "Edit Item");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (mops_ui_test_find_by_id (GTK_WIDGET (editor), "title_row"))),
                   ==, "The Trail Letter");
  /* The weekly newsletter says that an edit applies to every week */
  g_assert_true (gtk_widget_get_visible (mops_ui_test_find_by_id (GTK_WIDGET (editor), "repeat_label")));
  mops_ui_test_wait_for_draw (GTK_WIDGET (editor));
  mops_ui_test_screenshot_dialog (window, editor, "calendar-editor-recurring");
  mops_ui_test_press_keys (mops_ui_test_find_by_id (GTK_WIDGET (editor), "save_button"), "Escape");
  mops_ui_test_wait_until (no_editor_is_open, NULL, 10000, "the editor to close");
}

/* The agenda lists the month's items in a table; the toggle switches back to the grid. */
static void
test_agenda (void)
{
  GtkWindow *window = GTK_WINDOW (mops_ui_test_get_window ());
  GtkStack *view_stack;
  GListModel *model;

  show_calendar ();
  view_stack = GTK_STACK (find ("view_stack"));
  mops_ui_test_click (find ("agenda_toggle"), -1, -1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (view_stack), ==, "agenda");
  model = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (find ("agenda_view"))));
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 5);
  mops_ui_test_wait_for_draw (GTK_WIDGET (window));
  mops_ui_test_screenshot (GTK_WIDGET (window), "calendar-agenda");

  mops_ui_test_click (find ("unscheduled_toggle"), -1, -1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (view_stack), ==, "unscheduled");
  model = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (find ("unscheduled_view"))));
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 0);
  g_assert_cmpstr (mops_calendar_page_get_title (get_page ()), ==, "Unscheduled");
  g_assert_false (gtk_widget_get_visible (find ("navigation")));
  mops_ui_test_wait_for_draw (GTK_WIDGET (window));
  mops_ui_test_screenshot (GTK_WIDGET (window), "calendar-unscheduled");

  mops_ui_test_click (find ("month_toggle"), -1, -1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (view_stack), ==, "month");
  g_assert_cmpstr (mops_calendar_page_get_title (get_page ()), ==, "March 2026");
}

/* Ctrl+N, a title and Save make an item core lists; Delete in its editor removes it and
 * the toast's Undo brings it back. */
static void
test_create_delete_undo (void)
{
  static const char *title = "Spring launch teaser";
  GtkWindow *window = GTK_WINDOW (mops_ui_test_get_window ());
  GtkWindow *editor;
  GtkWidget *label;
  GtkWidget *delete_button;
  gint64 id;

  show_calendar ();
  g_assert_cmpint (find_item_in_library (title), ==, 0);

  mops_ui_test_press_keys (find ("month_view"), "<Control>n");
  editor = mops_ui_test_wait_for_toplevel (MOPS_TYPE_CONTENT_ITEM_EDITOR, window);
  mops_ui_test_wait_for_draw (GTK_WIDGET (editor));
  type_into_row (mops_ui_test_find_by_id (GTK_WIDGET (editor), "title_row"), title);
  mops_ui_test_screenshot_dialog (window, editor, "calendar-editor");
  mops_ui_test_click (mops_ui_test_find_button (GTK_WIDGET (editor), "Save"), -1, -1);
  mops_ui_test_wait_until (no_editor_is_open, NULL, 10000, "the editor to close");
  mops_ui_test_wait_until (item_is_listed, (gpointer) title, 10000, "the new item in the library");
  mops_ui_test_wait_until (page_is_idle, NULL, 10000, "the calendar to reload");
  id = find_item_in_library (title);
  g_assert_cmpint (id, >, 0);

  /* It was made on the focused day, today: the agenda has it. */
  mops_ui_test_click (find ("agenda_toggle"), -1, -1);
  mops_ui_test_wait_for_draw (GTK_WIDGET (window));
  label = mops_ui_test_find_label (find ("agenda_view"), title);
  g_assert_nonnull (label);
  mops_ui_test_double_click (label, -1, -1);
  editor = mops_ui_test_wait_for_toplevel (MOPS_TYPE_CONTENT_ITEM_EDITOR, window);
  mops_ui_test_wait_until (editor_is_idle, editor, 10000, "the item to load");
  mops_ui_test_wait_for_draw (GTK_WIDGET (editor));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (mops_ui_test_find_by_id (GTK_WIDGET (editor), "title_row"))),
                   ==, title);
  mops_ui_test_screenshot_dialog (window, editor, "calendar-editor-edit");

  /* Delete is at the end of the form: focus it, as Tab would, to scroll it into view. */
  delete_button = mops_ui_test_find_button (GTK_WIDGET (editor), "Delete Item");
  gtk_widget_grab_focus (delete_button);
  mops_ui_test_wait_for_draw (GTK_WIDGET (editor));
  mops_ui_test_screenshot_dialog (window, editor, "calendar-editor-delete");
  mops_ui_test_click (delete_button, -1, -1);
  mops_ui_test_wait_until (no_editor_is_open, NULL, 10000, "the editor to close");
  mops_ui_test_wait_until (item_is_gone, (gpointer) title, 10000, "the item to be deleted");
  mops_ui_test_wait_until (page_is_idle, NULL, 10000, "the calendar to reload");
  mops_ui_test_wait_for_draw (GTK_WIDGET (window));
  mops_ui_test_screenshot (GTK_WIDGET (window), "calendar-deleted");

  mops_ui_test_click (mops_ui_test_find_button (GTK_WIDGET (get_page ()), "Undo"), -1, -1);
  mops_ui_test_wait_until (item_is_listed, (gpointer) title, 10000, "the item to come back");
  g_assert_cmpint (find_item_in_library (title), ==, id);
  mops_ui_test_wait_until (page_is_idle, NULL, 10000, "the calendar to reload");

  mops_ui_test_click (find ("month_toggle"), -1, -1);
}

/* A day with more items than fit shows two chips and "+2 more", whose popover lists them
 * all; a click on one opens it. */
static void
test_more_items_in_a_popover (void)
{
  GtkWindow *window = GTK_WINDOW (mops_ui_test_get_window ());
  g_autoptr(GError) error = NULL;
  GtkWidget *month_view;
  GtkWidget *more;
  GtkWidget *chip;
  GtkWindow *editor;

  {
    g_autoptr(MopsLibrary) library = mops_library_open (mops_ui_test_get_demo_path (), MOPS_LIBRARY_OPEN_DEFAULT, &error);

    g_assert_no_error (error);
    for (int i = 1; i <= 4; i++)
      {
        g_autofree char *title = g_strdup_printf ("Busy Thursday %d", i);
        MopsContentItemInfo info = { .title = title, .status = MOPS_CONTENT_STATUS_DRAFT,
                                     .publish_at = "2026-03-19" };

        g_assert_cmpint (mops_content_items_add (library, &info, &error), >, 0);
        g_assert_no_error (error);
      }
  }

  show_calendar ();
  month_view = find ("month_view");
  /* Written beside the app: read again by moving away and back. */
  mops_ui_test_press_keys (month_view, "Page_Down");
  mops_ui_test_wait_until (title_is, (gpointer) "April 2026", 5000, "the next month");
  mops_ui_test_press_keys (month_view, "t");
  mops_ui_test_wait_until (title_is, (gpointer) "March 2026", 5000, "today's month");
  mops_ui_test_wait_until (page_is_idle, NULL, 10000, "March to load");
  mops_ui_test_wait_for_draw (GTK_WIDGET (window));

  more = mops_ui_test_find_label (month_view, "+2 more");
  g_assert_nonnull (more);
  more = gtk_widget_get_ancestor (more, GTK_TYPE_BUTTON);
  mops_ui_test_click (more, -1, -1);
  mops_ui_test_wait_for_draw (GTK_WIDGET (window));
  mops_ui_test_screenshot (GTK_WIDGET (window), "calendar-more");
  chip = mops_ui_test_find_label (more, "Busy Thursday 4");
  g_assert_nonnull (chip);
  mops_ui_test_click (chip, -1, -1);
  editor = mops_ui_test_wait_for_toplevel (MOPS_TYPE_CONTENT_ITEM_EDITOR, window);
  mops_ui_test_wait_until (editor_is_idle, editor, 10000, "the item to load");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (mops_ui_test_find_by_id (GTK_WIDGET (editor), "title_row"))),
                   ==, "Busy Thursday 4");
  mops_ui_test_press_keys (mops_ui_test_find_by_id (GTK_WIDGET (editor), "save_button"), "Escape");
  mops_ui_test_wait_until (no_editor_is_open, NULL, 10000, "the editor to close");
}

static gboolean
export_dialog_is_gone (gpointer user_data)
{
  return mops_ui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, NULL) == NULL;
}

/* The export button, then the file chooser's Export, write every item as iCalendar through
 * core's worker, recurring ones with their rule, and a toast says so. */
static void
test_export_ics (void)
{
  g_autofree char *dir = g_build_filename (mops_ui_test_get_tmp_dir (), "calendar-export", NULL);
  g_autofree char *path = g_build_filename (dir, "calendar.ics", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  show_calendar ();
#if MOPS_SANITIZED
  /* GTK 4.8's own file chooser leaks under LSan (see test-licences): the page is handed the
   * file as the chooser would hand it. */
  (void) dialog;
  (void) folder;
  (void) export_dialog_is_gone;
  {
    g_autoptr(GFile) file = g_file_new_for_path (path);

    mops_calendar_page_export_ics (get_page (), file);
  }
#else
  mops_ui_test_click (find ("export_button"), -1, -1);
  dialog = mops_ui_test_wait_for_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, NULL);
  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, &error));
  g_assert_no_error (error);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), "calendar.ics");
  mops_ui_test_wait_for_draw (GTK_WIDGET (dialog));
  mops_ui_test_screenshot_dialog (GTK_WINDOW (mops_ui_test_get_window ()), dialog, "calendar-export");
  mops_ui_test_click (mops_ui_test_find_button (GTK_WIDGET (dialog), "Export"), -1, -1);
  mops_ui_test_wait_until (export_dialog_is_gone, NULL, 5000, "the file chooser to close");
#endif
  mops_ui_test_wait_until (file_exists, path, 10000, "the calendar to be written");
  mops_ui_test_wait_until (page_is_idle, NULL, 10000, "the export");
  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (text, "BEGIN:VCALENDAR"));
  g_assert_nonnull (strstr (text, "SUMMARY:The Trail Letter"));
  g_assert_nonnull (strstr (text, "RRULE:"));
  /* After the toasts before it, each up for a few seconds. */
  mops_ui_test_wait_until (label_is_shown, (gpointer) "Saved “calendar.ics”", 30000, "the export's toast");
}

/* At 360 px the grid shrinks with the window instead of widening it; dark mode reads too. */
static void
test_narrow_and_dark (void)
{
  GtkWindow *window = GTK_WINDOW (mops_ui_test_get_window ());
  AdwStyleManager *style = adw_style_manager_get_default ();
  int width, height;

  show_calendar ();
  mops_ui_test_resize (window, 360, 720);
  mops_ui_test_wait_for_draw (GTK_WIDGET (window));
  mops_ui_test_get_size (window, &width, &height);
  g_assert_cmpint (width, ==, 360);
  /* The short month name, so that the title fits beside the buttons. */
  mops_ui_test_wait_until (title_is, (gpointer) "Mar 2026", 5000, "the short title");
  mops_ui_test_wait_for_draw (GTK_WIDGET (window));
  mops_ui_test_screenshot (GTK_WIDGET (window), "calendar-360");

  mops_ui_test_click (find ("agenda_toggle"), -1, -1);
  mops_ui_test_wait_for_draw (GTK_WIDGET (window));
  mops_ui_test_get_size (window, &width, &height);
  g_assert_cmpint (width, ==, 360);
  mops_ui_test_screenshot (GTK_WIDGET (window), "calendar-agenda-360");
  mops_ui_test_click (find ("month_toggle"), -1, -1);

  mops_ui_test_resize (window, 1366, 768);
  mops_ui_test_wait_until (title_is, (gpointer) "March 2026", 5000, "the long title");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  mops_ui_test_wait_for_draw (GTK_WIDGET (window));
  mops_ui_test_screenshot (GTK_WIDGET (window), "calendar-dark");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  mops_ui_test_wait_for_draw (GTK_WIDGET (window));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("MOPS_NOW", TEST_NOW, TRUE);
  g_setenv ("TZ", "UTC", TRUE);
  mops_ui_test_init (&argc, &argv);
  g_test_add_func ("/calendar/month/keys-move-the-month-and-the-day", test_month_keys);
  g_test_add_func ("/calendar/agenda/lists-the-month", test_agenda);
  g_test_add_func ("/calendar/editor/creates-deletes-and-undoes", test_create_delete_undo);
  g_test_add_func ("/calendar/month/more-items-in-a-popover", test_more_items_in_a_popover);
  g_test_add_func ("/calendar/export/writes-icalendar", test_export_ics);
  g_test_add_func ("/calendar/page/fits-360-px-and-dark", test_narrow_and_dark);
  return mops_ui_test_run ();
}
