/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-libraries.c — libraries and their windows: one window per library through the command
 * line, the welcome page and the demo library, and the dialog for a library that cannot open */

#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "core/mops-db-private.h"
#include "mops-ui-test.h"
#include "ui/shell/mops-preferences-window.h"
#include "ui/shell/mops-welcome-page.h"

/* Running a second `mops` */

static void
on_mops_exited_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  gboolean *done = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  *done = TRUE;
}

static gboolean
flag_is_set (gpointer user_data)
{
  return *(gboolean *) user_data;
}

/* Runs the real `mops` executable, which hands its command line to this process (the primary
 * instance) over D-Bus, and waits for it to finish. FALSE when it is not built. */
static gboolean
run_second_mops (const char *cwd,
                 const char *first_argument,
                 ...)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  gboolean done = FALSE;
  const char *arg;
  va_list ap;

  if (!g_file_test (MOPS_EXECUTABLE, G_FILE_TEST_IS_EXECUTABLE))
    return FALSE;

  g_ptr_array_add (args, (char *) MOPS_EXECUTABLE);
  va_start (ap, first_argument);
  for (arg = first_argument; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  /* Its standard output must not mix with this test's TAP stream. */
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_subprocess_launcher_set_cwd (launcher, cwd);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) args->pdata, &error);
  g_assert_no_error (error);

  g_subprocess_wait_async (process, NULL, on_mops_exited_cb, &done);
  mops_ui_test_wait_until (flag_is_set, &done, 60000, "the second mops to finish");
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  mops_ui_test_iterate ();

  return TRUE;
}

static void
test_command_line_same_library_presents_its_window (void)
{
  guint n_windows = mops_ui_test_count_windows ();
  g_autofree char *parent = g_path_get_dirname (mops_ui_test_get_demo_path ());

  if (!run_second_mops (mops_ui_test_get_tmp_dir (), "--library", mops_ui_test_get_demo_path (),
                        NULL))
    {
      g_test_skip ("the mops executable is not built");
      return;
    }
  g_assert_cmpuint (mops_ui_test_count_windows (), ==, n_windows);

  /* A relative folder is relative to the second mops' working folder, and -l is --library. */
  g_assert_true (run_second_mops (parent, "-l", "Demo Library", NULL));
  g_assert_cmpuint (mops_ui_test_count_windows (), ==, n_windows);

  /* Without arguments, the running Mops comes forward. */
  g_assert_true (run_second_mops (parent, NULL));
  g_assert_cmpuint (mops_ui_test_count_windows (), ==, n_windows);
  g_assert_true (mops_window_get_library (mops_ui_test_get_window ()) != NULL);
}

static void
test_command_line_other_library_opens_a_window (void)
{
  MopsApplication *application = mops_ui_test_get_application ();
  g_autofree char *second = mops_ui_test_make_library ("Second Library", TRUE);
  guint n_windows = mops_ui_test_count_windows ();
  MopsWindow *window;

  if (!run_second_mops (mops_ui_test_get_tmp_dir (), "--library", second, NULL))
    {
      g_test_skip ("the mops executable is not built");
      return;
    }

  g_assert_cmpuint (mops_ui_test_count_windows (), ==, n_windows + 1);
  window = mops_application_find_window (application, second);
  g_assert_nonnull (window);
  g_assert_true (window != mops_ui_test_get_window ());
  g_assert_true (mops_window_has_content (window));

  /* Asking again presents the same window. */
  g_assert_true (run_second_mops (mops_ui_test_get_tmp_dir (), "--library", second, NULL));
  g_assert_cmpuint (mops_ui_test_count_windows (), ==, n_windows + 1);

  mops_ui_test_close_window (GTK_WINDOW (window));
  g_assert_cmpuint (mops_ui_test_count_windows (), ==, n_windows);
}

/* Open Library… */

/* GTK's file chooser dialog leaks in libcloudproviders and grows GLib's quark table (whose old
 * block GLib drops on purpose); with ASan's fast unwinder those stacks stop at g_malloc, so no
 * suppression can name them without hiding our own leaks, and the slow unwinder makes this
 * test take 90 s. The plain build runs these tests. */
static gboolean
skip_file_chooser_under_sanitizers (void)
{
#ifdef MOPS_SANITIZED
  g_test_skip ("GtkFileChooserDialog leaks in third-party code under ASan");
  return TRUE;
#else
  return FALSE;
#endif
}

/* The chooser loads folders in the background; a busy machine takes a while. */
static gboolean
chooser_shows_folder (gpointer user_data)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (user_data));
  GFile *wanted = g_object_get_data (G_OBJECT (user_data), "wanted");

  return file != NULL && g_file_equal (file, wanted);
}

static gboolean
window_opened_for (gpointer user_data)
{
  return mops_application_find_window (mops_ui_test_get_application (), user_data) != NULL;
}

static void
test_open_library_chooses_a_folder (void)
{
  MopsApplication *application = mops_ui_test_get_application ();
  MopsWindow *window = mops_ui_test_get_window ();
  g_autofree char *third = mops_ui_test_make_library ("Third Library", TRUE);
  g_autoptr(GFile) folder = g_file_new_for_path (third);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *library_path = NULL;
  g_auto(GStrv) recent = NULL;
  guint n_windows = mops_ui_test_count_windows ();
  GtkWindow *chooser;
  MopsWindow *opened;

  if (skip_file_chooser_under_sanitizers ())
    return;

  /* Cancelled: nothing happens. */
  g_assert_true (mops_ui_test_activate_accel (GTK_WINDOW (window), "<Control>o"));
  chooser = mops_ui_test_wait_for_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, GTK_WINDOW (window));
  g_assert_cmpint (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)), ==,
                   GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  mops_ui_test_iterate ();
  g_assert_cmpuint (mops_ui_test_count_windows (), ==, n_windows);

  /* A folder chosen: its library opens in a window of its own and is remembered. */
  g_assert_true (mops_ui_test_activate_accel (GTK_WINDOW (window), "<Control>o"));
  chooser = mops_ui_test_wait_for_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, GTK_WINDOW (window));
  /* As a person does: select the folder (in its parent), then Open. */
  g_assert_true (gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), folder, NULL));
  g_object_set_data_full (G_OBJECT (chooser), "wanted", g_object_ref (folder), g_object_unref);
  mops_ui_test_wait_until (chooser_shows_folder, chooser, 10000, "the chooser to select the folder");
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  mops_ui_test_wait_until (window_opened_for, third, 10000, "the chosen library to open");

  opened = mops_application_find_window (application, third);
  g_assert_nonnull (opened);
  g_assert_true (opened != window);
  g_assert_cmpuint (mops_ui_test_count_windows (), ==, n_windows + 1);
  library_path = g_settings_get_string (settings, "library-path");
  g_assert_cmpstr (library_path, ==, third);
  recent = g_settings_get_strv (settings, "recent-libraries");
  g_assert_nonnull (recent[0]);
  g_assert_cmpstr (recent[0], ==, third);

  mops_ui_test_close_window (GTK_WINDOW (opened));
  g_settings_reset (settings, "library-path");
}

static gboolean
library_is_free (gpointer user_data)
{
  g_autoptr(MopsLibrary) library = mops_library_open (user_data, MOPS_LIBRARY_OPEN_LOCK, NULL);

  return library != NULL;
}

static gboolean
preferences_closed (gpointer user_data)
{
  return mops_ui_test_find_toplevel (MOPS_TYPE_PREFERENCES_WINDOW, NULL) == NULL;
}

static void
test_preferences_change_library (void)
{
  MopsApplication *application = mops_ui_test_get_application ();
  g_autofree char *before = mops_ui_test_make_library ("Before Library", TRUE);
  g_autofree char *after = mops_ui_test_make_library ("After Library", TRUE);
  g_autoptr(GFile) folder = g_file_new_for_path (after);
  g_autofree char *hanger = g_build_filename (mops_ui_test_get_tmp_dir (), "hanging-probe.sh", NULL);
  g_autofree char *probe = g_strdup (g_getenv ("MOPS_PROBE"));
  g_autoptr(MopsLibrary) released = NULL;
  g_autoptr(GError) error = NULL;
  guint n_windows;
  GtkWindow *preferences;
  GtkWindow *chooser;
  MopsWindow *window;

  if (skip_file_chooser_under_sanitizers ())
    return;

  /* Previews that never finish (a huge file): leaving the library must stop them, not wait. */
  g_assert_true (g_file_set_contents (hanger, "#!/bin/sh\nread line\nexec sleep 600\n", -1, NULL));
  g_assert_no_errno (g_chmod (hanger, 0755));
  g_setenv ("MOPS_PROBE", hanger, TRUE);

  window = mops_application_open_library (application, before, NULL, MOPS_OPEN_DEFAULT);
  mops_ui_test_wait_for_draw (GTK_WIDGET (window));
  n_windows = mops_ui_test_count_windows ();

  g_assert_true (mops_ui_test_activate_accel (GTK_WINDOW (window), "<Control>comma"));
  preferences = mops_ui_test_wait_for_toplevel (MOPS_TYPE_PREFERENCES_WINDOW, GTK_WINDOW (window));
  g_signal_emit_by_name (mops_ui_test_find_by_id (GTK_WIDGET (preferences), "change_button"),
                         "clicked");
  chooser = mops_ui_test_wait_for_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, preferences);
  /* As a person does: select the folder (in its parent), then Open. */
  g_assert_true (gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), folder, NULL));
  g_object_set_data_full (G_OBJECT (chooser), "wanted", g_object_ref (folder), g_object_unref);
  mops_ui_test_wait_until (chooser_shows_folder, chooser, 10000, "the chooser to select the folder");
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  mops_ui_test_wait_until (preferences_closed, NULL, 10000, "Preferences to close after the change");

  /* The same window now shows the other library; the first one is free again. */
  g_assert_null (mops_ui_test_find_toplevel (MOPS_TYPE_PREFERENCES_WINDOW, NULL));
  g_assert_cmpuint (mops_ui_test_count_windows (), ==, n_windows);
  g_assert_cmpstr (mops_library_get_path (mops_window_get_library (window)), ==, after);
  /* The old pages' workers stop at once, even in the middle of a file. */
  mops_ui_test_wait_until (library_is_free, before, 10000, "the first library's lock to be released");
  released = mops_library_open (before, MOPS_LIBRARY_OPEN_LOCK, &error);
  g_assert_no_error (error);
  g_clear_object (&released);

  mops_ui_test_close_window (GTK_WINDOW (window));
  g_setenv ("MOPS_PROBE", probe, TRUE);
}

/* The welcome page and the demo library */

static gboolean
window_is_idle (gpointer user_data)
{
  return !mops_window_get_busy (user_data);
}

static gboolean
folder_has_staging (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_prefix (name, ".demo-"))
        return TRUE;
    }

  return FALSE;
}

static MopsWindow *
open_empty_library (const char *name)
{
  g_autofree char *path = mops_ui_test_make_library (name, FALSE);
  MopsWindow *window;

  window = mops_application_open_library (mops_ui_test_get_application (), path, NULL,
                                          MOPS_OPEN_DEFAULT);
  g_assert_true (window != mops_ui_test_get_window ());
  g_assert_cmpstr (mops_library_get_path (mops_window_get_library (window)), ==, path);
  mops_ui_test_wait_for_draw (GTK_WIDGET (window));

  return window;
}

static void
assert_welcome_page (MopsWindow *window)
{
  GtkWidget *main_stack = mops_ui_test_find_by_id (GTK_WIDGET (window), "main_stack");
  GtkWidget *switcher_bar = mops_ui_test_find_by_id (GTK_WIDGET (window), "switcher_bar");
  GtkWidget *welcome = mops_ui_test_find_by_type (GTK_WIDGET (window), MOPS_TYPE_WELCOME_PAGE);

  g_assert_false (mops_window_has_content (window));
  g_assert_null (mops_window_get_page (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (main_stack)), ==, "welcome");
  g_assert_true (gtk_widget_get_mapped (welcome));
  g_assert_false (gtk_widget_get_visible (switcher_bar));
  g_assert_nonnull (mops_ui_test_find_label (welcome, "Welcome to Mops"));
  g_assert_true (gtk_widget_get_mapped (mops_ui_test_find_by_id (welcome, "demo_button")));
  g_assert_true (gtk_widget_get_mapped (mops_ui_test_find_by_id (welcome, "choose_button")));
}

static void
test_welcome_cancel_leaves_nothing (void)
{
  g_autofree char *demo_path = mops_library_get_demo_path ();
  g_autofree char *parent = g_path_get_dirname (demo_path);
  MopsWindow *window = open_empty_library ("Empty Library");

  assert_welcome_page (window);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-demo", NULL));
  g_assert_true (mops_window_get_busy (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-demo", NULL));
  mops_ui_test_wait_until (window_is_idle, window, 60000, "the demo to be cancelled");

  /* Back to the choices; no demo library and no half-made one. */
  assert_welcome_page (window);
  g_assert_false (g_file_test (demo_path, G_FILE_TEST_EXISTS));
  g_assert_false (folder_has_staging (parent));
  g_assert_null (mops_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window)));

  mops_ui_test_close_window (GTK_WINDOW (window));
}

static void
test_welcome_opens_the_demo (void)
{
  g_autofree char *demo_path = mops_library_get_demo_path ();
  g_autofree char *parent = g_path_get_dirname (demo_path);
  MopsWindow *window = open_empty_library ("New Library");
  g_autofree char *empty_path = g_strdup (mops_library_get_path (mops_window_get_library (window)));
  g_autoptr(MopsLibrary) empty = NULL;
  g_autoptr(GError) error = NULL;

  mops_ui_test_resize (GTK_WINDOW (window), 1366, 768);
  assert_welcome_page (window);
  mops_ui_test_screenshot (GTK_WIDGET (window), "welcome");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-demo", NULL));
  g_assert_true (mops_window_get_busy (window));
  mops_ui_test_screenshot (GTK_WIDGET (window), "welcome-progress");
  mops_ui_test_wait_until (window_is_idle, window, 100000, "the demo library");

  /* The demo opened in this window; the empty library was let go, untouched. */
  g_assert_true (mops_window_has_content (window));
  g_assert_cmpstr (mops_library_get_path (mops_window_get_library (window)), ==, demo_path);
  g_assert_false (folder_has_staging (parent));
  empty = mops_library_open (empty_path, MOPS_LIBRARY_OPEN_LOCK, &error);
  g_assert_no_error (error);
  g_assert_true (mops_library_is_empty (empty));
  g_clear_object (&empty);

  /* Asking for the demo again presents this window. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (mops_ui_test_get_window ()),
                                             "win.open-demo", NULL));
  mops_ui_test_iterate ();
  g_assert_false (mops_window_get_busy (mops_ui_test_get_window ()));
  g_assert_true (mops_application_find_window (mops_ui_test_get_application (), demo_path) ==
                 window);

  mops_ui_test_close_window (GTK_WINDOW (window));
}

/* Libraries that cannot be opened */

static char *
make_broken_library (const char *name)
{
  g_autofree char *path = g_build_filename (mops_ui_test_get_tmp_dir (), name, NULL);
  g_autofree char *db_path = g_build_filename (path, MOPS_LIBRARY_DB_NAME, NULL);
  g_autofree char *garbage = g_strnfill (8192, 'x');
  g_autoptr(GError) error = NULL;

  g_assert_no_errno (g_mkdir_with_parents (path, 0755));
  g_file_set_contents (db_path, garbage, -1, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

static void
click_response (AdwMessageDialog *dialog,
                const char       *response)
{
  const char *label = adw_message_dialog_get_response_label (dialog, response);
  GtkWidget *button = mops_ui_test_find_button (GTK_WIDGET (dialog), label);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  mops_ui_test_iterate ();
}

static AdwMessageDialog *
wait_for_open_error (GtkWindow *window)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (mops_ui_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, window));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Open Library");
  g_assert_true (adw_message_dialog_has_response (dialog, "close"));
  g_assert_true (adw_message_dialog_has_response (dialog, "choose"));
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "choose"), ==,
                   "C_hoose Another Folder…");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "choose"), ==,
                   ADW_RESPONSE_SUGGESTED);
  g_test_message ("open error: %s", adw_message_dialog_get_body (dialog));

  return dialog;
}

static void
test_open_error_garbage_database (void)
{
  g_autofree char *path = make_broken_library ("Broken Library");
  guint n_windows = mops_ui_test_count_windows ();
  AdwMessageDialog *dialog;
  MopsWindow *window;

  /* No window has it yet: a window without a library carries the dialog. */
  window = mops_application_open_library (mops_ui_test_get_application (), path, NULL,
                                          MOPS_OPEN_DEFAULT);
  g_assert_null (mops_window_get_library (window));
  g_assert_cmpuint (mops_ui_test_count_windows (), ==, n_windows + 1);
  mops_ui_test_resize (GTK_WINDOW (window), 1366, 768);

  dialog = wait_for_open_error (GTK_WINDOW (window));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Broken Library"));
  g_assert_true (adw_message_dialog_has_response (dialog, "demo"));
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "close"), ==, "_Close Window");
  mops_ui_test_screenshot_dialog (GTK_WINDOW (window), GTK_WINDOW (dialog), "open-error");

  /* Closing the dialog closes the window that only existed to carry it. */
  click_response (dialog, "close");
  g_assert_cmpuint (mops_ui_test_count_windows (), ==, n_windows);
}

static void
test_open_error_too_new (void)
{
  g_autofree char *path = mops_ui_test_make_library ("Future Library", FALSE);
  g_autofree char *db_path = g_build_filename (path, MOPS_LIBRARY_DB_NAME, NULL);
  AdwMessageDialog *dialog;
  MopsWindow *window;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 999", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  sqlite3_close (db);

  window = mops_application_open_library (mops_ui_test_get_application (), path, NULL,
                                          MOPS_OPEN_DEFAULT);
  dialog = wait_for_open_error (GTK_WINDOW (window));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Future Library"));
  g_assert_true (adw_message_dialog_has_response (dialog, "demo"));
  click_response (dialog, "close");
}

static void
test_open_error_locked (void)
{
  g_autofree char *path = mops_ui_test_make_library ("Locked Library", TRUE);
  g_autofree char *lock_path = g_build_filename (path, MOPS_LIBRARY_LOCK_NAME, NULL);
  guint n_windows = mops_ui_test_count_windows ();
  AdwMessageDialog *dialog;
  MopsWindow *window;
  int fd;

  /* Another Mops: flock() locks an open file description, so a second open() of the lock
   * file conflicts with ours just as another process's would. */
  fd = g_open (lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_no_errno (flock (fd, LOCK_EX | LOCK_NB));

  window = mops_application_open_library (mops_ui_test_get_application (), path, NULL,
                                          MOPS_OPEN_DEFAULT);
  dialog = wait_for_open_error (GTK_WINDOW (window));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "open in another Mops"));
  g_assert_false (adw_message_dialog_has_response (dialog, "demo"));
  mops_ui_test_screenshot_dialog (GTK_WINDOW (window), GTK_WINDOW (dialog), "open-locked");
  click_response (dialog, "close");
  g_assert_cmpuint (mops_ui_test_count_windows (), ==, n_windows);

  /* Once the other Mops lets go, the library opens. */
  close (fd);
  window = mops_application_open_library (mops_ui_test_get_application (), path, NULL,
                                          MOPS_OPEN_DEFAULT);
  g_assert_nonnull (mops_window_get_library (window));
  g_assert_true (mops_window_has_content (window));
  mops_ui_test_close_window (GTK_WINDOW (window));
}

static void
test_open_error_over_a_window_keeps_its_library (void)
{
  g_autofree char *path = make_broken_library ("Another Broken Library");
  MopsWindow *demo_window = mops_ui_test_get_window ();
  MopsLibrary *library = mops_window_get_library (demo_window);
  guint n_windows = mops_ui_test_count_windows ();
  AdwMessageDialog *dialog;
  MopsWindow *window;

  /* As after Open Library…: the error shows over the window that asked. */
  window = mops_application_open_library (mops_ui_test_get_application (), path, demo_window,
                                          MOPS_OPEN_DEFAULT);
  g_assert_true (window == demo_window);
  dialog = wait_for_open_error (GTK_WINDOW (demo_window));
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "close"), ==, "_Cancel");
  click_response (dialog, "close");

  g_assert_cmpuint (mops_ui_test_count_windows (), ==, n_windows);
  g_assert_true (mops_window_get_library (demo_window) == library);
  g_assert_true (mops_window_has_content (demo_window));
}

static void
test_remembered_folder_gone (void)
{
  MopsApplication *application = mops_ui_test_get_application ();
  g_autofree char *gone = g_build_filename (mops_ui_test_get_tmp_dir (), "Unplugged Drive",
                                            "Library", NULL);
  AdwMessageDialog *dialog;
  MopsWindow *window;

  /* A library-path whose folder has gone is not silently re-created. */
  window = mops_application_open_library (application, gone, NULL, MOPS_OPEN_MUST_EXIST);
  dialog = wait_for_open_error (GTK_WINDOW (window));
  g_assert_false (g_file_test (gone, G_FILE_TEST_EXISTS));
  click_response (dialog, "close");
}

int
main (int   argc,
      char *argv[])
{
  mops_ui_test_init (&argc, &argv);

  g_test_add_func ("/libraries/command-line/same-library-presents-its-window",
                   test_command_line_same_library_presents_its_window);
  g_test_add_func ("/libraries/command-line/other-library-opens-a-window",
                   test_command_line_other_library_opens_a_window);
  g_test_add_func ("/libraries/open-library/chooses-a-folder", test_open_library_chooses_a_folder);
  g_test_add_func ("/libraries/open-library/preferences-change-folder",
                   test_preferences_change_library);
  g_test_add_func ("/libraries/welcome/cancel-leaves-nothing", test_welcome_cancel_leaves_nothing);
  g_test_add_func ("/libraries/welcome/opens-the-demo", test_welcome_opens_the_demo);
  g_test_add_func ("/libraries/open-error/garbage-database", test_open_error_garbage_database);
  g_test_add_func ("/libraries/open-error/too-new", test_open_error_too_new);
  g_test_add_func ("/libraries/open-error/locked", test_open_error_locked);
  g_test_add_func ("/libraries/open-error/over-a-window-keeps-its-library",
                   test_open_error_over_a_window_keeps_its_library);
  g_test_add_func ("/libraries/open-error/remembered-folder-gone", test_remembered_folder_gone);

  return mops_ui_test_run ();
}
