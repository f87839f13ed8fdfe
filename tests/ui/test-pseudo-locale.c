/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-pseudo-locale.c — runs the app in "en@pseudo", a catalog built from po/POTFILES.in
 * that turns every translated string into "⟦string⟧", and fails on visible text without the
 * brackets: a string that never went through gettext, or a file missing from POTFILES.in.
 *
 * Widgets that show data (a folder path, a person's name) carry the CSS class "data"; rows and
 * titles whose subtitle is data carry "data-subtitle". */

#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "mops-ui-test.h"
#include "ui/shell/mops-pages.h"
#include "ui/shell/mops-preferences-window.h"

#define PSEUDO_OPEN "⟦"

static char *catalog_dir;
static gboolean catalog_missing;

static gboolean
has_letters (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (g_unichar_isalpha (g_utf8_get_char (p)))
        return TRUE;
    }

  return FALSE;
}

static gboolean
is_translated (const char *text)
{
  return text == NULL || !has_letters (text) || strstr (text, PSEUDO_OPEN) != NULL;
}

static gboolean
shows_data (GtkWidget *widget)
{
  if (gtk_widget_has_css_class (widget, "data"))
    return TRUE;

  /* GTK formats accelerators ("Ctrl+O") itself, in its own catalog. */
  if (g_strcmp0 (gtk_widget_get_css_name (widget), "accelerator") == 0)
    return TRUE;

  if (gtk_widget_has_css_class (widget, "subtitle"))
    {
      for (GtkWidget *parent = gtk_widget_get_parent (widget);
           parent != NULL;
           parent = gtk_widget_get_parent (parent))
        {
          if (gtk_widget_has_css_class (parent, "data-subtitle"))
            return TRUE;
        }
    }

  return FALSE;
}

static char *
describe_widget (GtkWidget *widget)
{
  g_autoptr(GString) path = g_string_new (G_OBJECT_TYPE_NAME (widget));
  GtkWidget *parent = gtk_widget_get_parent (widget);

  for (guint depth = 0; parent != NULL && depth < 4; depth++)
    {
      g_string_prepend (path, " > ");
      g_string_prepend (path, G_OBJECT_TYPE_NAME (parent));
      parent = gtk_widget_get_parent (parent);
    }

  return g_string_free (g_steal_pointer (&path), FALSE);
}

static void
collect_untranslated (GtkWidget *widget,
                      GPtrArray *found)
{
  if (!gtk_widget_get_mapped (widget) || shows_data (widget))
    return;

  if (GTK_IS_LABEL (widget) && !is_translated (gtk_label_get_text (GTK_LABEL (widget))))
    {
      g_autofree char *where = describe_widget (widget);

      g_ptr_array_add (found, g_strdup_printf ("%s: “%s”", where,
                                               gtk_label_get_text (GTK_LABEL (widget))));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_untranslated (child, found);
}

static void
assert_text_translated (const char *what,
                        const char *text)
{
  if (!is_translated (text))
    {
      g_test_message ("not translated: %s: “%s”", what, text);
      g_test_fail ();
    }
}

/* Every visible label under @root, and @root's title when it is a window. */
static void
assert_tree_translated (GtkWidget *root)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);

  mops_ui_test_wait_for_draw (root);

  if (GTK_IS_WINDOW (root))
    assert_text_translated ("window title", gtk_window_get_title (GTK_WINDOW (root)));

  collect_untranslated (root, found);
  for (guint i = 0; i < found->len; i++)
    g_test_message ("not translated: %s", (const char *) g_ptr_array_index (found, i));

  if (found->len > 0)
    g_test_fail ();
}

static gboolean
skip_without_catalog (void)
{
  if (catalog_missing)
    g_test_skip ("the gettext tools are not installed");

  return catalog_missing;
}

static void
test_pages (void)
{
  MopsWindow *window = mops_ui_test_get_window ();
  GtkWidget *switcher_title = mops_ui_test_find_by_id (GTK_WIDGET (window), "switcher_title");
  GtkWidget *view_stack = mops_ui_test_find_by_id (GTK_WIDGET (window), "view_stack");

  if (skip_without_catalog ())
    return;

  /* The catalog is in use at all. */
  g_assert_cmpstr (_("Mops"), ==, "⟦Mops⟧");

  mops_ui_test_resize (GTK_WINDOW (window), 1366, 768);
  assert_text_translated ("header title",
                          adw_view_switcher_title_get_title (
                            ADW_VIEW_SWITCHER_TITLE (switcher_title)));

  for (guint i = 0; i < mops_pages_get_n_pages (); i++)
    {
      const MopsPageInfo *info = mops_pages_get_nth (i);
      GtkWidget *child = adw_view_stack_get_child_by_name (ADW_VIEW_STACK (view_stack), info->name);
      AdwViewStackPage *page = adw_view_stack_get_page (ADW_VIEW_STACK (view_stack), child);
      AdwStatusPage *status_page;

      mops_ui_test_show_page (info->name);
      assert_text_translated ("page title", adw_view_stack_page_get_title (page));

      status_page = ADW_STATUS_PAGE (mops_ui_test_find_by_type (child, ADW_TYPE_STATUS_PAGE));
      if (status_page != NULL)
        {
          assert_text_translated ("status page title", adw_status_page_get_title (status_page));
          assert_text_translated ("status page description",
                                  adw_status_page_get_description (status_page));
        }

      assert_tree_translated (GTK_WIDGET (window));
      if (i == 0)
        mops_ui_test_screenshot (GTK_WIDGET (window), "pseudo-assets");
    }
}

static void
test_narrow (void)
{
  GtkWindow *window = GTK_WINDOW (mops_ui_test_get_window ());

  if (skip_without_catalog ())
    return;

  mops_ui_test_resize (window, 360, 720);
  assert_tree_translated (GTK_WIDGET (window));
  mops_ui_test_screenshot (GTK_WIDGET (window), "pseudo-narrow");
  mops_ui_test_resize (window, 1366, 768);
}

static void
test_primary_menu (void)
{
  MopsWindow *window = mops_ui_test_get_window ();
  GtkWidget *menu_button = mops_ui_test_find_by_id (GTK_WIDGET (window), "menu_button");
  GtkPopover *popover;

  if (skip_without_catalog ())
    return;

  assert_text_translated ("menu button tooltip", gtk_widget_get_tooltip_text (menu_button));

  gtk_menu_button_popup (GTK_MENU_BUTTON (menu_button));
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu_button));
  mops_ui_test_wait_for_draw (GTK_WIDGET (popover));
  assert_tree_translated (GTK_WIDGET (popover));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (menu_button));
  mops_ui_test_iterate ();
}

static void
test_preferences (void)
{
  MopsWindow *window = mops_ui_test_get_window ();
  GtkWindow *preferences;

  if (skip_without_catalog ())
    return;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.preferences", NULL));
  preferences = mops_ui_test_wait_for_toplevel (MOPS_TYPE_PREFERENCES_WINDOW, GTK_WINDOW (window));
  assert_tree_translated (GTK_WIDGET (preferences));
  mops_ui_test_screenshot (GTK_WIDGET (preferences), "pseudo-preferences");
  mops_ui_test_close_window (preferences);
}

static void
test_welcome (void)
{
  g_autofree char *path = NULL;
  MopsWindow *window;

  if (skip_without_catalog ())
    return;

  path = mops_ui_test_make_library ("Empty Library", FALSE);
  window = mops_application_open_library (mops_ui_test_get_application (), path, NULL,
                                          MOPS_OPEN_DEFAULT);
  g_assert_false (mops_window_has_content (window));
  mops_ui_test_resize (GTK_WINDOW (window), 1366, 768);
  assert_tree_translated (GTK_WIDGET (window));
  mops_ui_test_screenshot (GTK_WIDGET (window), "pseudo-welcome");
  mops_ui_test_close_window (GTK_WINDOW (window));
}

static void
test_open_error (void)
{
  g_autofree char *path = NULL;
  g_autofree char *db_path = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;
  MopsWindow *window;

  if (skip_without_catalog ())
    return;

  path = g_build_filename (mops_ui_test_get_tmp_dir (), "Broken Library", NULL);
  db_path = g_build_filename (path, MOPS_LIBRARY_DB_NAME, NULL);
  g_assert_no_errno (g_mkdir_with_parents (path, 0755));
  g_file_set_contents (db_path, "not a database, not at all", -1, &error);
  g_assert_no_error (error);

  window = mops_application_open_library (mops_ui_test_get_application (), path, NULL,
                                          MOPS_OPEN_DEFAULT);
  dialog = mops_ui_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window));
  assert_tree_translated (GTK_WIDGET (window));
  assert_tree_translated (GTK_WIDGET (dialog));
  mops_ui_test_close_window (GTK_WINDOW (window));
}

static void
build_catalog (void)
{
  g_autoptr(GError) error = NULL;
  const char *argv[] = {
    MOPS_PYTHON, MOPS_PSEUDO_CATALOG_SCRIPT, MOPS_SOURCE_ROOT, NULL, NULL
  };
  int status;

  catalog_dir = g_dir_make_tmp ("mops-pseudo-XXXXXX", &error);
  g_assert_no_error (error);
  argv[3] = catalog_dir;

  /* Its output must not mix with the TAP stream. */
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                NULL, NULL, &status, &error);
  g_assert_no_error (error);

  if (WIFEXITED (status) && WEXITSTATUS (status) == 77)
    catalog_missing = TRUE;
  else if (!g_spawn_check_wait_status (status, &error))
    g_error ("Could not build the pseudo-locale catalog: %s", error->message);

  /* Read by mops_ui_test_init(), as main.c reads them. */
  g_setenv ("MOPS_LOCALEDIR", catalog_dir, TRUE);
  g_setenv ("LANGUAGE", "en@pseudo", TRUE);
}

static void
remove_catalog (void)
{
  g_autofree char *mo = g_build_filename (catalog_dir, "en@pseudo", "LC_MESSAGES",
                                          GETTEXT_PACKAGE ".mo", NULL);
  g_autofree char *messages = g_path_get_dirname (mo);
  g_autofree char *language = g_path_get_dirname (messages);

  g_remove (mo);
  g_remove (messages);
  g_remove (language);
  g_remove (catalog_dir);
  g_clear_pointer (&catalog_dir, g_free);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  build_catalog ();
  mops_ui_test_init (&argc, &argv);

  g_test_add_func ("/pseudo-locale/pages", test_pages);
  g_test_add_func ("/pseudo-locale/narrow", test_narrow);
  g_test_add_func ("/pseudo-locale/primary-menu", test_primary_menu);
  g_test_add_func ("/pseudo-locale/preferences", test_preferences);
  g_test_add_func ("/pseudo-locale/welcome", test_welcome);
  g_test_add_func ("/pseudo-locale/open-error", test_open_error);

  status = mops_ui_test_run ();
  remove_catalog ();

  return status;
}
