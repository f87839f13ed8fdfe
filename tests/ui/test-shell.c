/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-shell.c — the main window on the demo library: pages, shortcuts, narrow and dark
 * layouts, Preferences, About, Keyboard Shortcuts and the window state kept in GSettings */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "core/mops-people.h"
#include "mops-ui-test.h"
#include "ui/shell/mops-pages.h"
#include "ui/shell/mops-preferences-window.h"

#define LAPTOP_WIDTH  1366
#define LAPTOP_HEIGHT 768
#define NARROW_WIDTH  360
#define NARROW_HEIGHT 720

static GtkWidget *
get_window_widget (void)
{
  return GTK_WIDGET (mops_ui_test_get_window ());
}

static char *
format_count (gint64 n)
{
  return g_strdup_printf ("%'" G_GINT64_FORMAT, n);
}

/* The count each page's empty state must show, straight from the library. */
static gint64
count_for_page (const char              *name,
                const MopsLibraryCounts *counts)
{
  if (g_str_equal (name, "assets"))
    return counts->assets;
  if (g_str_equal (name, "licences"))
    return counts->licences;
  if (g_str_equal (name, "calendar"))
    return counts->content_items;
  if (g_str_equal (name, "budget"))
    return counts->expenses;
  if (g_str_equal (name, "kits"))
    return counts->brand_kits;

  g_assert_not_reached ();
}

static void
assert_page_visible (const char *name)
{
  GtkWidget *view_stack = mops_ui_test_find_by_id (get_window_widget (), "view_stack");

  g_assert_nonnull (view_stack);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (view_stack)), ==, name);
  g_assert_cmpstr (mops_window_get_page (mops_ui_test_get_window ()), ==, name);
}

static void
test_pages_visit_each (void)
{
  MopsLibrary *library = mops_window_get_library (mops_ui_test_get_window ());
  g_autoptr(GError) error = NULL;
  MopsLibraryCounts counts;

  g_assert_true (mops_window_has_content (mops_ui_test_get_window ()));
  g_assert_true (mops_library_get_counts (library, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpint (counts.assets, >, 0);

  mops_ui_test_resize (GTK_WINDOW (get_window_widget ()), LAPTOP_WIDTH, LAPTOP_HEIGHT);

  for (guint i = 0; i < mops_pages_get_n_pages (); i++)
    {
      const MopsPageInfo *info = mops_pages_get_nth (i);
      GtkWidget *view_stack = mops_ui_test_find_by_id (get_window_widget (), "view_stack");
      GtkWidget *page = adw_view_stack_get_child_by_name (ADW_VIEW_STACK (view_stack), info->name);
      g_autofree char *count = format_count (count_for_page (info->name, &counts));
      AdwStatusPage *status_page;

      /* Pages are built on their first visit: start-up builds only the one it opens on. */
      if (i > 0)
        g_assert_null (gtk_widget_get_first_child (page));
      mops_ui_test_show_page (info->name);
      assert_page_visible (info->name);
      g_assert_nonnull (gtk_widget_get_first_child (page));

      /* A page whose feature has landed has its own test (test-assets.c …). */
      if (info->get_type != NULL)
        {
          mops_ui_test_screenshot (get_window_widget (), info->name);
          continue;
        }

      /* Until its feature lands, the page tells what the library holds for it. */
      status_page = ADW_STATUS_PAGE (mops_ui_test_find_by_type (page, ADW_TYPE_STATUS_PAGE));
      g_assert_nonnull (status_page);
      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (status_page)));
      g_assert_cmpstr (adw_status_page_get_title (status_page), ==, _(info->empty_title));
      g_test_message ("%s: %s", info->name, adw_status_page_get_description (status_page));
      if (count_for_page (info->name, &counts) > 0)
        g_assert_nonnull (strstr (adw_status_page_get_description (status_page), count));
      g_assert_nonnull (mops_ui_test_find_label (page, _(info->empty_coming)));

      mops_ui_test_screenshot (get_window_widget (), info->name);
    }
}

static void
test_pages_shortcuts (void)
{
  GtkWindow *window = GTK_WINDOW (get_window_widget ());

  for (guint i = mops_pages_get_n_pages (); i > 0; i--)
    {
      g_autofree char *accel = g_strdup_printf ("<Control>%u", i);

      g_assert_true (mops_ui_test_activate_accel (window, accel));
      mops_ui_test_iterate ();
      assert_page_visible (mops_pages_get_nth (i - 1)->name);
    }

  /* Unknown pages leave the window as it is. */
  g_action_group_activate_action (G_ACTION_GROUP (mops_ui_test_get_application ()),
                                  "show-page", g_variant_new_string ("no-such-page"));
  mops_ui_test_iterate ();
  assert_page_visible ("assets");
}

/* The same with keys pressed on the keyboard (through the X server), from whatever has the
 * focus on each page: nothing on a page may swallow them. */
static void
test_pages_shortcuts_typed (void)
{
  GtkWindow *window = GTK_WINDOW (get_window_widget ());

  for (guint i = mops_pages_get_n_pages (); i > 0; i--)
    {
      g_autofree char *accel = g_strdup_printf ("<Control>%u", i);
      GtkWidget *focus;

      mops_ui_test_focus_window (window);
      focus = gtk_root_get_focus (GTK_ROOT (window));
      mops_ui_test_press_keys (focus != NULL ? focus : GTK_WIDGET (window), accel);
      mops_ui_test_wait_for_draw (GTK_WIDGET (window));
      assert_page_visible (mops_pages_get_nth (i - 1)->name);
    }
}

static void
assert_accel (const char *action,
              const char *accel)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (
    GTK_APPLICATION (mops_ui_test_get_application ()), action);

  g_assert_true (g_strv_contains ((const char * const *) accels, accel));
}

static void
test_shortcuts_bound (void)
{
  assert_accel ("app.quit", "<Control>q");
  assert_accel ("window.close", "<Control>w");
  assert_accel ("win.open-library", "<Control>o");
  assert_accel ("win.preferences", "<Control>comma");
  assert_accel ("win.show-help-overlay", "<Control>question");
  assert_accel ("win.show-page::assets", "<Control>1");
  assert_accel ("win.show-page::kits", "<Control>5");
}

static void
test_window_title (void)
{
  MopsWindow *window = mops_ui_test_get_window ();
  GtkWidget *switcher_title = mops_ui_test_find_by_id (GTK_WIDGET (window), "switcher_title");
  GtkWidget *menu_button = mops_ui_test_find_by_id (GTK_WIDGET (window), "menu_button");

  g_assert_cmpstr (adw_view_switcher_title_get_title (ADW_VIEW_SWITCHER_TITLE (switcher_title)),
                   ==, "Mops");
  g_assert_cmpstr (adw_view_switcher_title_get_subtitle (ADW_VIEW_SWITCHER_TITLE (switcher_title)),
                   ==, "Demo Library");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Demo Library — Mops");

  /* The icon-only menu button has a name for screen readers. */
  g_assert_nonnull (menu_button);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (menu_button), ==, "Main Menu");
}

static void
test_narrow_window (void)
{

  GtkWindow *window = GTK_WINDOW (get_window_widget ());
  GtkWidget *bar = mops_ui_test_find_by_id (GTK_WIDGET (window), "switcher_bar");
  GtkWidget *title = mops_ui_test_find_by_id (GTK_WIDGET (window), "switcher_title");

  mops_ui_test_show_page ("calendar");
  mops_ui_test_resize (window, NARROW_WIDTH, NARROW_HEIGHT);

  g_assert_true (adw_view_switcher_title_get_title_visible (ADW_VIEW_SWITCHER_TITLE (title)));
  g_assert_true (gtk_widget_get_mapped (bar));
  mops_ui_test_screenshot (GTK_WIDGET (window), "narrow");

  mops_ui_test_resize (window, LAPTOP_WIDTH, LAPTOP_HEIGHT);
  g_assert_false (adw_view_switcher_title_get_title_visible (ADW_VIEW_SWITCHER_TITLE (title)));
  g_assert_false (gtk_widget_get_mapped (bar));
}

static void
test_dark_mode (void)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();

  mops_ui_test_show_page ("assets");
  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (style_manager));
  mops_ui_test_screenshot (get_window_widget (), "assets-dark");
  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_DEFAULT);
  mops_ui_test_wait_for_draw (get_window_widget ());
}

static void
test_preferences (void)
{
  MopsWindow *window = mops_ui_test_get_window ();
  MopsLibrary *library = mops_window_get_library (window);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *you_are = NULL;
  GtkWindow *preferences;
  GtkWidget *spin;
  GtkWidget *library_row;
  GtkWidget *week_start_row;
  GtkWidget *you_are_row;

  g_assert_cmpint (mops_library_get_expiry_warning_days (library), ==, 30);

  g_assert_true (mops_ui_test_activate_accel (GTK_WINDOW (window), "<Control>comma"));
  preferences = mops_ui_test_wait_for_toplevel (MOPS_TYPE_PREFERENCES_WINDOW, GTK_WINDOW (window));

  /* The library folder */
  library_row = mops_ui_test_find_by_id (GTK_WIDGET (preferences), "library_row");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (library_row)), ==,
                   mops_ui_test_get_demo_path ());

  /* The licence warning lives in the library. */
  spin = mops_ui_test_find_by_id (GTK_WIDGET (preferences), "warning_spin");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin)), ==, 30);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 14);
  g_assert_cmpint (mops_library_get_expiry_warning_days (library), ==, 14);

  /* The week start lives in GSettings. */
  week_start_row = mops_ui_test_find_by_id (GTK_WIDGET (preferences), "week_start_row");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (week_start_row)), ==, 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (week_start_row), 1);
  you_are = g_settings_get_string (settings, "week-start");
  g_assert_cmpstr (you_are, ==, "monday");
  g_clear_pointer (&you_are, g_free);

  /* "You are" goes to GSettings and makes sure the person is in the library. */
  you_are_row = mops_ui_test_find_by_id (GTK_WIDGET (preferences), "you_are_row");
  g_assert_cmpint (mops_people_lookup (library, "Robin Testperson"), ==, 0);
  gtk_editable_set_text (GTK_EDITABLE (you_are_row), "  Robin Testperson ");
  g_signal_emit_by_name (you_are_row, "apply");
  g_assert_cmpint (mops_people_lookup (library, "Robin Testperson"), >, 0);
  you_are = g_settings_get_string (settings, "you-are");
  g_assert_cmpstr (you_are, ==, "Robin Testperson");

  mops_ui_test_screenshot (GTK_WIDGET (preferences), "preferences");
  mops_ui_test_close_window (preferences);

  /* A new Preferences window shows what was stored. */
  g_assert_true (mops_ui_test_activate_accel (GTK_WINDOW (window), "<Control>comma"));
  preferences = mops_ui_test_wait_for_toplevel (MOPS_TYPE_PREFERENCES_WINDOW, GTK_WINDOW (window));
  spin = mops_ui_test_find_by_id (GTK_WIDGET (preferences), "warning_spin");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin)), ==, 14);
  you_are_row = mops_ui_test_find_by_id (GTK_WIDGET (preferences), "you_are_row");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (you_are_row)), ==, "Robin Testperson");
  mops_ui_test_close_window (preferences);
}

static void
test_about (void)
{
  GtkWindow *window = GTK_WINDOW (get_window_widget ());
  GtkWindow *about;

  g_action_group_activate_action (G_ACTION_GROUP (mops_ui_test_get_application ()), "about", NULL);
  about = mops_ui_test_wait_for_toplevel (ADW_TYPE_ABOUT_WINDOW, window);

  g_assert_cmpstr (adw_about_window_get_application_name (ADW_ABOUT_WINDOW (about)), ==, "Mops");
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  g_assert_cmpstr (adw_about_window_get_application_icon (ADW_ABOUT_WINDOW (about)), ==, APP_ID);
  g_assert_cmpint (adw_about_window_get_license_type (ADW_ABOUT_WINDOW (about)), ==,
                   GTK_LICENSE_GPL_3_0);
  g_assert_cmpstr (adw_about_window_get_issue_url (ADW_ABOUT_WINDOW (about)), ==,
                   "https://github.com/mopsapp/mops/issues");

  mops_ui_test_screenshot (GTK_WIDGET (about), "about");
  mops_ui_test_close_window (about);
}

static void
test_keyboard_shortcuts_window (void)
{
  GtkWindow *window = GTK_WINDOW (get_window_widget ());
  GtkWindow *shortcuts;

  g_assert_true (mops_ui_test_activate_accel (window, "<Control>question"));
  shortcuts = mops_ui_test_wait_for_toplevel (GTK_TYPE_SHORTCUTS_WINDOW, window);

  /* Every shortcut of the app is listed. */
  g_assert_nonnull (mops_ui_test_find_label (GTK_WIDGET (shortcuts), "Open Library"));
  g_assert_nonnull (mops_ui_test_find_label (GTK_WIDGET (shortcuts), "Brand Kits"));
  g_assert_nonnull (mops_ui_test_find_label (GTK_WIDGET (shortcuts), "Quit"));

  mops_ui_test_screenshot (GTK_WIDGET (shortcuts), "shortcuts");
  mops_ui_test_close_window (shortcuts);
}

static void
test_window_state_saved (void)
{
  MopsApplication *application = mops_ui_test_get_application ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *last_page = NULL;
  MopsWindow *window = mops_ui_test_get_window ();
  int width, height;

  mops_ui_test_show_page ("budget");
  mops_ui_test_resize (GTK_WINDOW (window), 1100, 700);

  /* Closing the window (Ctrl+W) stores its size and page. */
  g_assert_true (mops_ui_test_activate_accel (GTK_WINDOW (window), "<Control>w"));
  mops_ui_test_iterate ();
  g_assert_null (mops_ui_test_get_window ());
  g_assert_cmpuint (mops_ui_test_count_windows (), ==, 0);

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1100);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
  last_page = g_settings_get_string (settings, "last-page");
  g_assert_cmpstr (last_page, ==, "budget");

  /* The library's lock went with the window, and the next window starts where this one ended. */
  window = mops_application_open_library (application, mops_ui_test_get_demo_path (), NULL,
                                          MOPS_OPEN_DEFAULT);
  g_assert_nonnull (mops_window_get_library (window));
  mops_ui_test_wait_for_draw (GTK_WIDGET (window));
  mops_ui_test_get_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 1100);
  g_assert_cmpint (height, ==, 700);
  g_assert_cmpstr (mops_window_get_page (window), ==, "budget");
  mops_ui_test_close_window (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  mops_ui_test_init (&argc, &argv);

  g_test_add_func ("/shell/pages/visit-each-with-its-counts", test_pages_visit_each);
  g_test_add_func ("/shell/pages/ctrl-number-switches-pages", test_pages_shortcuts);
  g_test_add_func ("/shell/pages/ctrl-number-typed-switches-pages", test_pages_shortcuts_typed);
  g_test_add_func ("/shell/shortcuts/all-bound", test_shortcuts_bound);
  g_test_add_func ("/shell/window/title-names-the-library", test_window_title);
  g_test_add_func ("/shell/window/narrow-shows-switcher-bar", test_narrow_window);
  g_test_add_func ("/shell/window/dark-mode", test_dark_mode);
  g_test_add_func ("/shell/preferences/apply-at-once", test_preferences);
  g_test_add_func ("/shell/about/shows-version-and-licence", test_about);
  g_test_add_func ("/shell/shortcuts/window-lists-them", test_keyboard_shortcuts_window);
  g_test_add_func ("/shell/closing/state-saved-and-restored", test_window_state_saved);

  return mops_ui_test_run ();
}
