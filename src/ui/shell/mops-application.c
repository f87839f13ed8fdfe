/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-application.c — the Mops application: command line, libraries and their windows */

#include "config.h"

#define G_LOG_DOMAIN "mops-application"

#include <glib/gi18n.h>

#include "core/mops-licences.h"
#include "mops-application.h"
#include "mops-pages.h"
#include "mops-resources.h"
#include "ui/licences/mops-licences-page.h"

#define MAX_RECENT_LIBRARIES 10
#define LICENCE_CHECK_INTERVAL (24 * 3600)

struct _MopsApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  guint           licence_check_id;
  GHashTable     *libraries;   /* canonical path → GWeakRef to the MopsLibrary opened */
};

G_DEFINE_FINAL_TYPE (MopsApplication, mops_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "library", 'l', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the library in FOLDER (created when missing)"), N_("FOLDER") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and quit"), NULL },
  { NULL }
};

static char *
canonicalize_path (const char *path)
{
  g_autofree char *cwd = NULL;

  if (g_path_is_absolute (path))
    return g_canonicalize_filename (path, NULL);

  cwd = g_get_current_dir ();
  return g_canonicalize_filename (path, cwd);
}

static MopsWindow *
find_any_window (MopsApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (MOPS_IS_WINDOW (l->data))
        return l->data;
    }

  return NULL;
}

/* Puts @path first in recent-libraries and, with @startup, makes it the start-up library. */
static void
remember_library (MopsApplication *self,
                  const char      *path,
                  gboolean         startup)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-libraries");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) updated = NULL;
  guint n = 1;

  g_strv_builder_add (builder, path);
  for (guint i = 0; recent[i] != NULL && n < MAX_RECENT_LIBRARIES; i++)
    {
      if (g_str_equal (recent[i], path))
        continue;
      g_strv_builder_add (builder, recent[i]);
      n++;
    }

  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-libraries", (const char * const *) updated);

  if (startup)
    g_settings_set_string (self->settings, "library-path", path);
}

static void
open_startup_library (MopsApplication *self)
{
  g_autofree char *path = mops_application_dup_startup_path (self);
  g_autofree char *default_path = mops_library_get_default_path ();

  /* A remembered folder that has gone (an unplugged drive) is an error, not a new library;
   * the default folder is simply created. */
  mops_application_open_library (self, path, NULL,
                                 g_str_equal (path, default_path) ? MOPS_OPEN_DEFAULT
                                                                  : MOPS_OPEN_MUST_EXIST);
}

/* Licence alerts: when a library opens and once a day, a notification about the licences
 * that expire soon or have expired. */

typedef struct
{
  MopsApplication *application;
  int              within;
} LicenceCheck;

static void
on_licences_checked_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  MopsLibrary *library = MOPS_LIBRARY (source);
  g_autofree LicenceCheck *check = user_data;
  g_autoptr(MopsApplication) self = check->application;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) table = mops_licences_list_table_finish (library, result, &error);
  g_autofree char *summary = NULL;
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  g_autoptr(GNotification) notification = NULL;
  guint n_expiring = 0, n_expired = 0;

  if (table == NULL)
    {
      g_debug ("Could not check the licences of %s: %s", mops_library_get_path (library), error->message);
      return;
    }

  /* The Licences page's rows and count, so the notification says what its banner says. */
  mops_licence_table_count_attention (table, &n_expiring, &n_expired);

  summary = mops_licences_describe_attention (n_expiring, n_expired, check->within);
  if (summary == NULL || !g_application_get_is_registered (G_APPLICATION (self)))
    return;   /* nothing to say, or the application has shut down meanwhile */

  name = mops_library_dup_display_name (library);
  /* Translators: the first %s is e.g. "3 licences expire within 30 days and 2 have expired",
   * the second the library's name */
  body = g_strdup_printf (_("%s in “%s”"), summary, name);

  notification = g_notification_new (_("Licences need attention"));
  g_notification_set_body (notification, body);
  g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_NORMAL);
  g_notification_set_default_action (notification, "app.show-page::licences");
  g_application_send_notification (G_APPLICATION (self), "licences", notification);
}

static void
check_licences (MopsApplication *self,
                MopsLibrary     *library)
{
  LicenceCheck *check = g_new0 (LicenceCheck, 1);

  check->application = g_object_ref (self);
  check->within = mops_library_get_expiry_warning_days (library);
  mops_licences_list_table_async (library, check->within, NULL, on_licences_checked_cb, check);
}

typedef struct
{
  MopsApplication *application;
  GWeakRef         library;    /* a library closed meanwhile is not kept open for this */
} LaterCheck;

static void
later_check_free (gpointer data)
{
  LaterCheck *later = data;

  g_object_unref (later->application);
  g_weak_ref_clear (&later->library);
  g_free (later);
}

static gboolean
on_later_check_cb (gpointer data)
{
  LaterCheck *later = data;
  g_autoptr(MopsLibrary) library = g_weak_ref_get (&later->library);

  if (library != NULL && g_application_get_is_registered (G_APPLICATION (later->application)))
    check_licences (later->application, library);
  return G_SOURCE_REMOVE;
}

/* A library that just opened is checked a moment later: its window's first screen comes
 * first, the worker must not compete with it for the CPU. */
static void
check_licences_soon (MopsApplication *self,
                     MopsLibrary     *library)
{
  LaterCheck *later = g_new0 (LaterCheck, 1);

  later->application = g_object_ref (self);
  g_weak_ref_init (&later->library, library);
  g_timeout_add_seconds_full (G_PRIORITY_LOW, 2, on_later_check_cb, later, later_check_free);
}

static gboolean
on_licence_check_timeout_cb (gpointer user_data)
{
  MopsApplication *self = MOPS_APPLICATION (user_data);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      MopsLibrary *library = MOPS_IS_WINDOW (l->data) ? mops_window_get_library (l->data) : NULL;

      if (library != NULL)
        check_licences (self, library);
    }

  return G_SOURCE_CONTINUE;
}

/* Actions */

static void
app_quit_action (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  MopsApplication *self = MOPS_APPLICATION (user_data);
  g_autoptr(GPtrArray) windows = g_ptr_array_new_with_free_func (g_object_unref);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    g_ptr_array_add (windows, g_object_ref (l->data));

  /* Closing (not destroying) lets each window save its state. */
  for (guint i = 0; i < windows->len; i++)
    gtk_window_close (g_ptr_array_index (windows, i));
}

static void
app_about_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  MopsApplication *self = MOPS_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "destroy-with-parent", TRUE,
                        "application-name", _("Mops"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Mops developers"),
                        "website", "https://github.com/mopsapp/mops",
                        "issue-url", "https://github.com/mopsapp/mops/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
app_show_page_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  MopsApplication *self = MOPS_APPLICATION (user_data);
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));
  MopsWindow *window = MOPS_IS_WINDOW (active) ? MOPS_WINDOW (active) : find_any_window (self);

  /* A notification may ask for a page while no window is open. */
  if (window == NULL)
    {
      g_application_activate (G_APPLICATION (self));
      window = find_any_window (self);
    }

  if (window != NULL)
    {
      mops_window_show_page (window, g_variant_get_string (parameter, NULL));
      gtk_window_present (GTK_WINDOW (window));
    }
}

static const GActionEntry app_entries[] = {
  { "quit", app_quit_action },
  { "about", app_about_action },
  { "show-page", app_show_page_action, "s" },
};

static void
set_accels (MopsApplication *self)
{
  static const struct { const char *action; const char *accel; } accels[] = {
    { "app.quit", "<Control>q" },
    { "window.close", "<Control>w" },
    { "win.open-library", "<Control>o" },
    { "win.preferences", "<Control>comma" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    {
      const char *list[] = { accels[i].accel, NULL };

      gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action, list);
    }

  /* Ctrl+1 … Ctrl+5 follow the order of the page table. */
  for (guint i = 0; i < mops_pages_get_n_pages () && i < 9; i++)
    {
      g_autofree char *action = g_strdup_printf ("win.show-page::%s", mops_pages_get_nth (i)->name);
      g_autofree char *accel = g_strdup_printf ("<Control>%u", i + 1);
      const char *list[] = { accel, NULL };

      gtk_application_set_accels_for_action (GTK_APPLICATION (self), action, list);
    }
}

/* GApplication */

static int
mops_application_handle_local_options (GApplication *application,
                                       GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }

  return -1;
}

static int
mops_application_command_line (GApplication            *application,
                               GApplicationCommandLine *command_line)
{
  MopsApplication *self = MOPS_APPLICATION (application);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  const char *library = NULL;

  if (g_variant_dict_lookup (options, "library", "^&ay", &library) && *library != '\0')
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line,
                                                                              library);
      g_autofree char *path = g_file_get_path (file);

      if (path == NULL)
        {
          g_application_command_line_printerr (command_line,
                                               _("“%s” is not a local folder\n"), library);
          return 1;
        }

      mops_application_open_library (self, path, NULL, MOPS_OPEN_DEFAULT);
      return 0;
    }

  /* A second `mops` without arguments brings the running one forward. */
  g_application_activate (application);
  return 0;
}

static void
mops_application_activate (GApplication *application)
{
  MopsApplication *self = MOPS_APPLICATION (application);
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (active != NULL)
    gtk_window_present (active);
  else
    open_startup_library (self);
}

static void
mops_application_startup (GApplication *application)
{
  MopsApplication *self = MOPS_APPLICATION (application);

  G_APPLICATION_CLASS (mops_application_parent_class)->startup (application);

  self->settings = g_settings_new (APP_ID);
  gtk_window_set_default_icon_name (APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_entries,
                                   G_N_ELEMENTS (app_entries), self);
  set_accels (self);

  self->licence_check_id = g_timeout_add_seconds (LICENCE_CHECK_INTERVAL,
                                                  on_licence_check_timeout_cb, self);
}

static void
mops_application_shutdown (GApplication *application)
{
  MopsApplication *self = MOPS_APPLICATION (application);

  g_clear_handle_id (&self->licence_check_id, g_source_remove);

  G_APPLICATION_CLASS (mops_application_parent_class)->shutdown (application);
}

static void
mops_application_dispose (GObject *object)
{
  MopsApplication *self = MOPS_APPLICATION (object);

  g_clear_handle_id (&self->licence_check_id, g_source_remove);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->libraries, g_hash_table_unref);

  G_OBJECT_CLASS (mops_application_parent_class)->dispose (object);
}

static void
mops_application_class_init (MopsApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = mops_application_dispose;

  application_class->handle_local_options = mops_application_handle_local_options;
  application_class->command_line = mops_application_command_line;
  application_class->activate = mops_application_activate;
  application_class->startup = mops_application_startup;
  application_class->shutdown = mops_application_shutdown;

  /* Templates are read when their classes initialise: the resources come first. */
  mops_register_resource ();
}

static void
weak_ref_free (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

static void
mops_application_init (MopsApplication *self)
{
  self->libraries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, weak_ref_free);
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
}

MopsApplication *
mops_application_new (void)
{
  return g_object_new (MOPS_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", "/io/github/mopsapp/Mops",
                       NULL);
}

char *
mops_application_dup_startup_path (MopsApplication *self)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (MOPS_IS_APPLICATION (self), NULL);

  path = g_settings_get_string (self->settings, "library-path");
  if (*path == '\0')
    return mops_library_get_default_path ();

  return g_steal_pointer (&path);
}

MopsWindow *
mops_application_find_window (MopsApplication *self,
                              const char      *path)
{
  g_autofree char *canonical = NULL;

  g_return_val_if_fail (MOPS_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  canonical = canonicalize_path (path);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      MopsLibrary *library;

      if (!MOPS_IS_WINDOW (l->data))
        continue;

      library = mops_window_get_library (l->data);
      if (library != NULL && g_str_equal (mops_library_get_path (library), canonical))
        return l->data;
    }

  return NULL;
}

/* TRUE when opening a library in @window loses nothing: it shows the welcome page. */
static gboolean
window_is_replaceable (MopsWindow *window)
{
  return window != NULL && !mops_window_has_content (window) && !mops_window_get_busy (window);
}

MopsWindow *
mops_application_open_library (MopsApplication *self,
                               const char      *path,
                               MopsWindow      *window,
                               MopsOpenFlags    flags)
{
  g_autofree char *canonical = NULL;
  g_autoptr(MopsLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  MopsLibraryOpenFlags open_flags = MOPS_LIBRARY_OPEN_LOCK;
  MopsWindow *existing;
  MopsWindow *target = NULL;

  g_return_val_if_fail (MOPS_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (window == NULL || MOPS_IS_WINDOW (window), NULL);

  canonical = canonicalize_path (path);

  existing = mops_application_find_window (self, canonical);
  if (existing != NULL)
    {
      /* A window left without a library (after an error) has done its job. */
      if (window != NULL && window != existing && mops_window_get_library (window) == NULL &&
          !mops_window_get_busy (window))
        gtk_window_destroy (GTK_WINDOW (window));

      remember_library (self, canonical, (flags & MOPS_OPEN_REMEMBER) != 0);
      gtk_window_present (GTK_WINDOW (existing));
      return existing;
    }

  if (!(flags & MOPS_OPEN_MUST_EXIST) || g_file_test (canonical, G_FILE_TEST_IS_DIR))
    open_flags |= MOPS_LIBRARY_OPEN_CREATE;

  if (window != NULL && ((flags & MOPS_OPEN_IN_WINDOW) || window_is_replaceable (window)))
    target = window;

  /* A library this Mops opened may outlive its window for a moment (a worker finishing
   * its file holds it): that one is taken again, not refused as "open in another Mops". */
  {
    GWeakRef *ref = g_hash_table_lookup (self->libraries, canonical);

    library = ref != NULL ? g_weak_ref_get (ref) : NULL;
  }
  if (library == NULL)
    {
      library = mops_library_open (canonical, open_flags, &error);
      if (library != NULL)
        {
          GWeakRef *ref = g_new0 (GWeakRef, 1);

          g_weak_ref_init (ref, library);
          g_hash_table_insert (self->libraries, g_strdup (canonical), ref);
        }
    }
  if (library == NULL)
    {
      MopsWindow *error_window = target != NULL ? target : window;

      g_debug ("Could not open the library in %s: %s", canonical, error->message);
      if (error_window == NULL)
        error_window = mops_window_new (GTK_APPLICATION (self));

      gtk_window_present (GTK_WINDOW (error_window));
      mops_window_show_open_error (error_window, canonical, NULL, error);
      return error_window;
    }

  if (target == NULL)
    target = mops_window_new (GTK_APPLICATION (self));

  mops_window_set_library (target, library);
  gtk_window_present (GTK_WINDOW (target));
  remember_library (self, canonical, (flags & MOPS_OPEN_REMEMBER) != 0);
  check_licences_soon (self, library);

  return target;
}

void
mops_application_open_demo (MopsApplication *self,
                            MopsWindow      *window)
{
  g_autofree char *demo_path = mops_library_get_demo_path ();
  MopsWindow *existing;

  g_return_if_fail (MOPS_IS_APPLICATION (self));
  g_return_if_fail (window == NULL || MOPS_IS_WINDOW (window));

  existing = mops_application_find_window (self, demo_path);
  if (existing != NULL)
    {
      mops_application_open_library (self, demo_path, window, MOPS_OPEN_REMEMBER);
      return;
    }

  if (!window_is_replaceable (window))
    {
      window = mops_window_new (GTK_APPLICATION (self));
      gtk_window_present (GTK_WINDOW (window));
    }

  mops_window_prepare_demo (window);
}
