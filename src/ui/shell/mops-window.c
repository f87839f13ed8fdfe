/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-window.c — a main window: one library, its pages, or the welcome page */

#include "config.h"

#define G_LOG_DOMAIN "mops-window"

/* How often the window looks for what other processes wrote to its library. */
#define LIBRARY_WATCH_INTERVAL_MS 1500

#include <glib/gi18n.h>

#include "core/mops-error.h"
#include "demo/mops-demo-library.h"
#include "mops-application.h"
#include "mops-pages.h"
#include "mops-preferences-window.h"
#include "mops-welcome-page.h"
#include "mops-window.h"

struct _MopsWindow
{
  AdwApplicationWindow  parent_instance;

  MopsLibrary          *library;
  gboolean              has_content;
  GSettings            *settings;

  /* set while the demo library is being prepared */
  GCancellable         *demo_cancellable;
  GApplication         *held_application;

  AdwToastOverlay      *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  GtkStack             *main_stack;
  AdwViewStack         *view_stack;
  MopsWelcomePage      *welcome_page;

  gboolean              changing_pages;
};

G_DEFINE_FINAL_TYPE (MopsWindow, mops_window, ADW_TYPE_APPLICATION_WINDOW)

static void
set_action_enabled (MopsWindow *self,
                    const char *name,
                    gboolean    enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

static void
update_switcher_bar (MopsWindow *self)
{
  gboolean reveal = self->has_content &&
                    adw_view_switcher_title_get_title_visible (self->switcher_title);

  /* Shown and hidden rather than revealed: with animations off (GNOME's "Reduce Animation"),
   * GTK 4.8's action bar warns about a negative allocation when its revealer jumps. */
  gtk_widget_set_visible (GTK_WIDGET (self->switcher_bar), reveal);
}

static void
update_state (MopsWindow *self)
{
  gboolean busy = self->demo_cancellable != NULL;

  gtk_stack_set_visible_child_name (self->main_stack,
                                    self->has_content && !busy ? "pages" : "welcome");
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title,
                                                     self->has_content && !busy);
  update_switcher_bar (self);

  set_action_enabled (self, "show-page", self->has_content && !busy);
  set_action_enabled (self, "preferences", self->library != NULL);
  set_action_enabled (self, "open-demo", !busy);
  set_action_enabled (self, "choose-library", !busy);
  set_action_enabled (self, "cancel-demo", busy);
}

static void
update_title (MopsWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  if (self->library != NULL)
    {
      name = mops_library_dup_display_name (self->library);
      /* Translators: the window title; %s is the library's folder name */
      title = g_strdup_printf (_("%s — Mops"), name);
    }

  adw_view_switcher_title_set_subtitle (self->switcher_title, name);
  gtk_window_set_title (GTK_WINDOW (self), title != NULL ? title : _("Mops"));
}

static void
remove_pages (MopsWindow *self)
{
  self->changing_pages = TRUE;
  for (guint i = 0; i < mops_pages_get_n_pages (); i++)
    {
      const MopsPageInfo *info = mops_pages_get_nth (i);
      GtkWidget *child = adw_view_stack_get_child_by_name (self->view_stack, info->name);

      if (child != NULL)
        adw_view_stack_remove (self->view_stack, child);
    }
  self->changing_pages = FALSE;
}

/* Pages are built when first shown: the stack holds a bin per page, and a page's widget
 * (with its queries) waits until someone looks at it, which keeps start-up to the one page
 * the window opens on. */
static void
ensure_page_built (MopsWindow *self,
                   GtkWidget  *bin)
{
  AdwViewStackPage *page;
  const MopsPageInfo *info;

  if (bin == NULL || self->changing_pages || self->library == NULL)
    return;

  /* the page's name says which it is */
  page = adw_view_stack_get_page (self->view_stack, bin);
  info = mops_pages_lookup (adw_view_stack_page_get_name (page));
  if (info != NULL && adw_bin_get_child (ADW_BIN (bin)) == NULL)
    adw_bin_set_child (ADW_BIN (bin), mops_page_info_create_widget (info, self->library));
}

static void
on_visible_page_notify_cb (MopsWindow *self)
{
  ensure_page_built (self, adw_view_stack_get_visible_child (self->view_stack));
}

static void
add_pages (MopsWindow *self)
{
  g_autofree char *last_page = g_settings_get_string (self->settings, "last-page");

  self->changing_pages = TRUE;
  for (guint i = 0; i < mops_pages_get_n_pages (); i++)
    {
      const MopsPageInfo *info = mops_pages_get_nth (i);
      GtkWidget *bin = adw_bin_new ();
      AdwViewStackPage *page;

      page = adw_view_stack_add_titled (self->view_stack, bin, info->name, _(info->title));
      adw_view_stack_page_set_icon_name (page, info->icon_name);
    }

  if (mops_pages_lookup (last_page) != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, last_page);
  self->changing_pages = FALSE;

  on_visible_page_notify_cb (self);
}

static void
save_window_state (MopsWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));

  if (self->has_content)
    {
      const char *page = adw_view_stack_get_visible_child_name (self->view_stack);

      if (mops_pages_lookup (page) != NULL)
        g_settings_set_string (self->settings, "last-page", page);
    }
}

static void
restore_window_state (MopsWindow *self)
{
  int width = g_settings_get_int (self->settings, "window-width");
  int height = g_settings_get_int (self->settings, "window-height");

  gtk_window_set_default_size (GTK_WINDOW (self), MAX (width, 360), MAX (height, 294));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
on_switcher_title_visible_notify_cb (MopsWindow *self)
{
  update_switcher_bar (self);
}

/* Folder choosers */

static void
on_folder_chooser_response_cb (GtkNativeDialog *chooser,
                               int              response,
                               MopsWindow      *window)
{
  /* Opening may close this window (when another one already has that library). */
  g_autoptr(MopsWindow) self = g_object_ref (window);
  MopsOpenFlags flags = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (chooser), "mops-flags"));
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  if (response == GTK_RESPONSE_ACCEPT && application != NULL)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = folder != NULL ? g_file_get_path (folder) : NULL;

      if (path != NULL)
        mops_application_open_library (MOPS_APPLICATION (application), path, self,
                                       flags | MOPS_OPEN_REMEMBER);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
choose_folder (MopsWindow    *self,
               MopsOpenFlags  flags)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Choose a Library Folder"),
                                         GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                         _("_Open"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data (G_OBJECT (chooser), "mops-flags", GUINT_TO_POINTER (flags));

  if (self->library != NULL)
    {
      g_autoptr(GFile) library = g_file_new_for_path (mops_library_get_path (self->library));
      g_autoptr(GFile) parent = g_file_get_parent (library);

      if (parent != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), parent, NULL);
    }

  g_signal_connect_object (chooser, "response", G_CALLBACK (on_folder_chooser_response_cb),
                           self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The demo library */

static void
on_demo_progress_cb (double      fraction,
                     const char *what,
                     gpointer    user_data)
{
  MopsWindow *self = user_data;

  if (!gtk_widget_in_destruction (GTK_WIDGET (self)))
    mops_welcome_page_set_progress (self->welcome_page, fraction, what);
}

static void
on_demo_prepared_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(MopsWindow) self = user_data;
  g_autoptr(GApplication) application = g_steal_pointer (&self->held_application);
  g_autoptr(GError) error = NULL;
  g_autofree char *demo_path = mops_library_get_demo_path ();
  gboolean ok;

  ok = mops_demo_library_prepare_finish (result, &error);
  g_clear_object (&self->demo_cancellable);
  g_application_release (application);

  if (gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;

  mops_welcome_page_set_busy (self->welcome_page, FALSE);
  update_state (self);

  if (ok)
    mops_application_open_library (MOPS_APPLICATION (application), demo_path, self,
                                   MOPS_OPEN_IN_WINDOW | MOPS_OPEN_REMEMBER);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    mops_window_show_open_error (self, demo_path, _("Could Not Open the Demo Library"), error);
}

/* The open error */

static gboolean
close_window_cb (gpointer user_data)
{
  if (!gtk_widget_in_destruction (user_data))
    gtk_window_close (user_data);

  return G_SOURCE_REMOVE;
}

static void
on_open_error_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           MopsWindow       *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  if (g_str_equal (response, "choose"))
    choose_folder (self, MOPS_OPEN_DEFAULT);
  else if (g_str_equal (response, "demo") && application != NULL)
    mops_application_open_demo (MOPS_APPLICATION (application), self);
  else if (g_str_equal (response, "close") && self->library == NULL)
    {
      /* After the dialog has finished closing: it goes with its parent. */
      g_idle_add_full (G_PRIORITY_DEFAULT, close_window_cb, g_object_ref (self), g_object_unref);
    }
}

static const char *
get_close_label (MopsWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  guint n_windows = 0;

  if (self->library != NULL)
    return _("_Cancel");

  if (application != NULL)
    {
      for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
        n_windows += MOPS_IS_WINDOW (l->data);
    }

  return n_windows > 1 ? _("_Close Window") : _("_Quit");
}

/* Actions */

static void
win_open_library_action (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  choose_folder (MOPS_WINDOW (user_data), MOPS_OPEN_DEFAULT);
}

static void
win_choose_library_action (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  choose_folder (MOPS_WINDOW (user_data), MOPS_OPEN_IN_WINDOW);
}

static void
win_open_demo_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  MopsWindow *self = MOPS_WINDOW (user_data);
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  if (application != NULL)
    mops_application_open_demo (MOPS_APPLICATION (application), self);
}

static void
win_cancel_demo_action (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  MopsWindow *self = MOPS_WINDOW (user_data);

  if (self->demo_cancellable != NULL)
    g_cancellable_cancel (self->demo_cancellable);
}

static void
win_preferences_action (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  MopsWindow *self = MOPS_WINDOW (user_data);
  GtkWidget *preferences;

  if (self->library == NULL)
    return;

  preferences = mops_preferences_window_new (self);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
win_show_page_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  mops_window_show_page (MOPS_WINDOW (user_data), g_variant_get_string (parameter, NULL));
}

static const GActionEntry win_entries[] = {
  { "open-library", win_open_library_action },
  { "choose-library", win_choose_library_action },
  { "open-demo", win_open_demo_action },
  { "cancel-demo", win_cancel_demo_action },
  { "preferences", win_preferences_action },
  { "show-page", win_show_page_action, "s" },
};

/* GObject */

static gboolean
mops_window_close_request (GtkWindow *window)
{
  MopsWindow *self = MOPS_WINDOW (window);

  save_window_state (self);

  if (self->demo_cancellable != NULL)
    g_cancellable_cancel (self->demo_cancellable);

  return GTK_WINDOW_CLASS (mops_window_parent_class)->close_request (window);
}

/* An empty library that another process filled gets its pages. */
static void
on_library_changed_cb (MopsWindow *self)
{
  if (self->has_content || self->library == NULL || mops_library_is_empty (self->library))
    return;

  self->has_content = TRUE;
  add_pages (self);
  update_state (self);
}

static void
mops_window_dispose (GObject *object)
{
  MopsWindow *self = MOPS_WINDOW (object);

  if (self->demo_cancellable != NULL)
    g_cancellable_cancel (self->demo_cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), MOPS_TYPE_WINDOW);
  if (self->library != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->library, on_library_changed_cb, self);
      mops_library_watch_changes (self->library, 0);
    }
  g_clear_object (&self->library);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (mops_window_parent_class)->dispose (object);
}

static void
mops_window_class_init (MopsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = mops_window_dispose;
  window_class->close_request = mops_window_close_request;

  g_type_ensure (MOPS_TYPE_WELCOME_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/mopsapp/Mops/shell/mops-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MopsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, MopsWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, MopsWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, MopsWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, MopsWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, MopsWindow, welcome_page);
  gtk_widget_class_bind_template_callback (widget_class, on_switcher_title_visible_notify_cb);
}

static void
mops_window_init (MopsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->view_stack, "notify::visible-child",
                           G_CALLBACK (on_visible_page_notify_cb), self, G_CONNECT_SWAPPED);

  self->settings = g_settings_new (APP_ID);
  g_action_map_add_action_entries (G_ACTION_MAP (self), win_entries,
                                   G_N_ELEMENTS (win_entries), self);

  restore_window_state (self);
  update_title (self);
  update_state (self);
}

MopsWindow *
mops_window_new (GtkApplication *application)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);

  return g_object_new (MOPS_TYPE_WINDOW, "application", application, NULL);
}

MopsLibrary *
mops_window_get_library (MopsWindow *self)
{
  g_return_val_if_fail (MOPS_IS_WINDOW (self), NULL);

  return self->library;
}

void
mops_window_set_library (MopsWindow  *self,
                         MopsLibrary *library)
{
  g_return_if_fail (MOPS_IS_WINDOW (self));
  g_return_if_fail (library == NULL || MOPS_IS_LIBRARY (library));

  if (self->library == library)
    return;

  remove_pages (self);
  if (self->library != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->library, on_library_changed_cb, self);
      mops_library_watch_changes (self->library, 0);
    }
  g_set_object (&self->library, library);
  self->has_content = library != NULL && !mops_library_is_empty (library);

  /* What mops-cli or another Mops writes shows: the pages listen to "changed". */
  if (library != NULL)
    {
      g_signal_connect_object (library, "changed", G_CALLBACK (on_library_changed_cb), self, G_CONNECT_SWAPPED);
      mops_library_watch_changes (library, LIBRARY_WATCH_INTERVAL_MS);
    }

  if (self->has_content)
    add_pages (self);

  update_title (self);
  update_state (self);

  if (library != NULL && mops_library_is_on_network_fs (library))
    {
      AdwToast *toast;

      toast = adw_toast_new (_("This library is on a network drive: open it from one computer "
                               "at a time, or changes may be lost"));
      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
}

gboolean
mops_window_has_content (MopsWindow *self)
{
  g_return_val_if_fail (MOPS_IS_WINDOW (self), FALSE);

  return self->has_content;
}

gboolean
mops_window_get_busy (MopsWindow *self)
{
  g_return_val_if_fail (MOPS_IS_WINDOW (self), FALSE);

  return self->demo_cancellable != NULL;
}

const char *
mops_window_get_page (MopsWindow *self)
{
  g_return_val_if_fail (MOPS_IS_WINDOW (self), NULL);

  if (!self->has_content)
    return NULL;

  return adw_view_stack_get_visible_child_name (self->view_stack);
}

void
mops_window_show_page (MopsWindow *self,
                       const char *name)
{
  g_return_if_fail (MOPS_IS_WINDOW (self));
  g_return_if_fail (name != NULL);

  if (mops_pages_lookup (name) == NULL)
    {
      g_debug ("No page called “%s”", name);
      return;
    }

  if (adw_view_stack_get_child_by_name (self->view_stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, name);
}

void
mops_window_show_open_error (MopsWindow   *self,
                             const char   *path,
                             const char   *heading,
                             const GError *error)
{
  g_autofree char *demo_path = mops_library_get_demo_path ();
  GtkWidget *dialog;

  g_return_if_fail (MOPS_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                   heading != NULL ? heading : _("Could Not Open Library"),
                                   error->message);
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", get_close_label (self));
  if (!g_error_matches (error, MOPS_ERROR, MOPS_ERROR_LOCKED) &&
      g_strcmp0 (path, demo_path) != 0)
    adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "demo",
                                     _("Open the _Demo Library"));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "choose",
                                   _("C_hoose Another Folder…"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "choose",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "choose");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");

  g_signal_connect_object (dialog, "response", G_CALLBACK (on_open_error_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
mops_window_prepare_demo (MopsWindow *self)
{
  g_autofree char *demo_path = mops_library_get_demo_path ();
  GtkApplication *application;

  g_return_if_fail (MOPS_IS_WINDOW (self));

  application = gtk_window_get_application (GTK_WINDOW (self));
  if (self->demo_cancellable != NULL || application == NULL)
    return;

  /* The worker finishes even when the window closes: the application waits for it. */
  self->held_application = g_object_ref (G_APPLICATION (application));
  g_application_hold (self->held_application);
  self->demo_cancellable = g_cancellable_new ();

  mops_welcome_page_set_busy (self->welcome_page, TRUE);
  update_state (self);

  mops_demo_library_prepare_async (demo_path, on_demo_progress_cb, self,
                                   self->demo_cancellable, on_demo_prepared_cb,
                                   g_object_ref (self));
}
