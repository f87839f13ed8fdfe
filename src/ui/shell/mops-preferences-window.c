/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-preferences-window.c — Preferences: library folder, licence warning, you, week start */

#include "config.h"

#define G_LOG_DOMAIN "mops-preferences-window"

#include <glib/gi18n.h>

#include "core/mops-people.h"
#include "mops-application.h"
#include "mops-preferences-window.h"

struct _MopsPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  MopsWindow           *window;   /* weak: the preferences close with it */
  MopsLibrary          *library;
  GSettings            *settings;

  AdwActionRow         *library_row;
  GtkSpinButton        *warning_spin;
  GtkAdjustment        *warning_adjustment;
  AdwEntryRow          *you_are_row;
  AdwComboRow          *week_start_row;
};

G_DEFINE_FINAL_TYPE (MopsPreferencesWindow, mops_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The week-start setting's values, in the order of the combo row's items. */
static const char * const week_starts[] = { "locale", "monday", "sunday", "saturday" };

static gboolean
week_start_to_selected (GValue   *value,
                        GVariant *variant,
                        gpointer  user_data)
{
  const char *week_start = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (week_starts); i++)
    {
      if (g_str_equal (week_start, week_starts[i]))
        {
          g_value_set_uint (value, i);
          return TRUE;
        }
    }

  return FALSE;
}

static GVariant *
selected_to_week_start (const GValue       *value,
                        const GVariantType *expected_type,
                        gpointer            user_data)
{
  guint selected = g_value_get_uint (value);

  if (selected >= G_N_ELEMENTS (week_starts))
    return NULL;

  return g_variant_new_string (week_starts[selected]);
}

static char *
dup_you_are (MopsPreferencesWindow *self)
{
  g_autofree char *you_are = g_settings_get_string (self->settings, "you-are");
  const char *real_name;

  if (*you_are != '\0')
    return g_steal_pointer (&you_are);

  /* GLib says "Unknown" when the account has no real name: better leave the row empty. */
  real_name = g_get_real_name ();
  return g_strdup (g_strcmp0 (real_name, "Unknown") == 0 ? "" : real_name);
}

static void
show_error_toast (MopsPreferencesWindow *self,
                  const GError          *error)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
}

static void
on_warning_value_changed_cb (MopsPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  int days = gtk_spin_button_get_value_as_int (self->warning_spin);

  if (self->library == NULL || days == mops_library_get_expiry_warning_days (self->library))
    return;

  if (!mops_library_set_expiry_warning_days (self->library, days, &error))
    show_error_toast (self, error);
}

static void
on_you_are_apply_cb (MopsPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->you_are_row));
  g_autofree char *name = g_strstrip (g_strdup (text));

  if (*name == '\0')
    {
      g_autofree char *fallback = NULL;

      /* Back to the account's name. */
      g_settings_reset (self->settings, "you-are");
      fallback = dup_you_are (self);
      gtk_editable_set_text (GTK_EDITABLE (self->you_are_row), fallback);
      return;
    }

  if (self->library != NULL && mops_people_ensure (self->library, name, &error) == 0)
    {
      show_error_toast (self, error);
      return;
    }

  g_settings_set_string (self->settings, "you-are", name);
  if (!g_str_equal (text, name))
    gtk_editable_set_text (GTK_EDITABLE (self->you_are_row), name);
}

static void
on_library_chooser_response_cb (GtkNativeDialog       *chooser,
                                int                    response,
                                MopsPreferencesWindow *self)
{
  g_autoptr(GFile) folder = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (folder != NULL)
    path = g_file_get_path (folder);

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  if (path != NULL && self->window != NULL)
    {
      GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self->window));
      MopsWindow *window = self->window;

      /* These preferences belong to the library being replaced. */
      gtk_window_destroy (GTK_WINDOW (self));
      if (application != NULL)
        mops_application_open_library (MOPS_APPLICATION (application), path, window,
                                       MOPS_OPEN_IN_WINDOW | MOPS_OPEN_REMEMBER);
    }
}

static void
on_change_clicked_cb (MopsPreferencesWindow *self)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Choose a Library Folder"),
                                         GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                         _("_Open"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_library_chooser_response_cb),
                           self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
mops_preferences_window_dispose (GObject *object)
{
  MopsPreferencesWindow *self = MOPS_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MOPS_TYPE_PREFERENCES_WINDOW);
  g_clear_weak_pointer (&self->window);
  g_clear_object (&self->library);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (mops_preferences_window_parent_class)->dispose (object);
}

static void
mops_preferences_window_class_init (MopsPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mops_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/mopsapp/Mops/shell/mops-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MopsPreferencesWindow, library_row);
  gtk_widget_class_bind_template_child (widget_class, MopsPreferencesWindow, warning_spin);
  gtk_widget_class_bind_template_child (widget_class, MopsPreferencesWindow, warning_adjustment);
  gtk_widget_class_bind_template_child (widget_class, MopsPreferencesWindow, you_are_row);
  gtk_widget_class_bind_template_child (widget_class, MopsPreferencesWindow, week_start_row);
  gtk_widget_class_bind_template_callback (widget_class, on_warning_value_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_you_are_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_change_clicked_cb);
}

static void
mops_preferences_window_init (MopsPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_settings_bind_with_mapping (self->settings, "week-start",
                                self->week_start_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                week_start_to_selected, selected_to_week_start,
                                NULL, NULL);
}

static void
show_library (MopsPreferencesWindow *self)
{
  g_autofree char *you_are = dup_you_are (self);
  g_autofree char *path = g_filename_display_name (mops_library_get_path (self->library));
  int days = mops_library_get_expiry_warning_days (self->library);

  adw_action_row_set_subtitle (self->library_row, path);

  /* The CLI accepts longer periods than the spin button offers: show them as they are. */
  gtk_adjustment_set_upper (self->warning_adjustment, MAX (365, days));
  gtk_spin_button_set_value (self->warning_spin, days);

  gtk_editable_set_text (GTK_EDITABLE (self->you_are_row), you_are);
}

GtkWidget *
mops_preferences_window_new (MopsWindow *window)
{
  MopsPreferencesWindow *self;

  g_return_val_if_fail (MOPS_IS_WINDOW (window), NULL);
  g_return_val_if_fail (mops_window_get_library (window) != NULL, NULL);

  self = g_object_new (MOPS_TYPE_PREFERENCES_WINDOW,
                       "transient-for", window,
                       "destroy-with-parent", TRUE,
                       NULL);
  g_set_weak_pointer (&self->window, window);
  self->library = g_object_ref (mops_window_get_library (window));
  show_library (self);

  return GTK_WIDGET (self);
}
