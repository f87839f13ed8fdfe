/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-assets-page-import.c — the asset browser's imports (file choosers, progress, report)
 * and the previews made after them */

#include "config.h"

#define G_LOG_DOMAIN "mops-assets-page"

#include <glib/gi18n.h>

#include "core/mops-import.h"
#include "core/mops-licences.h"
#include "core/mops-previews.h"
#include "mops-assets-page-private.h"

#define PREVIEW_WORKERS  2
#define MAX_LISTED_FILES 12

/* Previews -------------------------------------------------------------------------------- */

/* One asset has its previews: core calls this on the main context, never once the page's
 * cancellable is cancelled. */
static void
on_preview_progress (guint    n_done,
                     guint    total,
                     gint64   asset_id,
                     gpointer user_data)
{
  MopsAssetsPage *self = user_data;

  _mops_assets_page_refresh_rows (self, &asset_id, 1, FALSE);
  mops_library_previews_changed (self->library, asset_id);
}

/* Files an import just added that turn out not to be previewable are reported once their
 * previews are done. */
static void
note_preview_problems (MopsAssetsPage    *self,
                       MopsPreviewReport *report)
{
  for (guint i = 0; report != NULL && self->awaiting_previews != NULL && i < report->cannot_preview->len; i++)
    {
      MopsPreviewProblem *problem = g_ptr_array_index (report->cannot_preview, i);

      if (g_hash_table_contains (self->awaiting_previews, &problem->id))
        {
          if (self->preview_problems == NULL)
            self->preview_problems = g_ptr_array_new_with_free_func (g_free);
          g_ptr_array_add (self->preview_problems, g_strdup (problem->error));
        }
    }
}

static void
on_previews_done_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(MopsAssetsPage) self = user_data;
  g_autoptr(MopsPreviewReport) report = mops_previews_run_finish (MOPS_LIBRARY (source), result, NULL);
  AdwToast *toast;
  g_autofree char *title = NULL;
  guint n;

  self->previews_running = FALSE;
  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  note_preview_problems (self, report);
  if (self->previews_again)
    {
      self->previews_again = FALSE;
      _mops_assets_page_start_previews (self);
      return;
    }

  g_clear_pointer (&self->awaiting_previews, g_hash_table_unref);
  if (self->preview_problems == NULL || self->preview_problems->len == 0)
    return;

  n = self->preview_problems->len;
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u imported file cannot be previewed",
                                        "%u imported files cannot be previewed", n),
                           n);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Details"));
  adw_toast_set_action_name (toast, "assets.show-preview-problems");
  adw_toast_set_timeout (toast, 10);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
_mops_assets_page_start_previews (MopsAssetsPage *self)
{
  if (self->previews_running)
    {
      self->previews_again = TRUE;
      return;
    }

  self->previews_running = TRUE;
  mops_previews_run_async (self->library, NULL, 0, 0, PREVIEW_WORKERS, on_preview_progress, self,
                           self->cancellable, on_previews_done_cb, g_object_ref (self));
}

/* Up to MAX_LISTED_FILES @messages a line, then how many more. */
static void
list_messages (GString    *body,
               GPtrArray  *messages,
               const char *(*message_of) (gpointer item))
{
  for (guint i = 0; i < messages->len && i < MAX_LISTED_FILES; i++)
    g_string_append_printf (body, "%s\n", message_of (g_ptr_array_index (messages, i)));
  if (messages->len > MAX_LISTED_FILES)
    g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "…and %u more file", "…and %u more files",
                                               messages->len - MAX_LISTED_FILES),
                            messages->len - MAX_LISTED_FILES);
}

static const char *
message_of_string (gpointer item)
{
  return item;
}

void
_mops_assets_page_show_preview_problems (MopsAssetsPage *self)
{
  g_autoptr(GString) body = g_string_new (NULL);
  GtkWidget *dialog;
  guint n;

  if (self->preview_problems == NULL || self->preview_problems->len == 0)
    return;

  n = self->preview_problems->len;
  list_messages (body, self->preview_problems, message_of_string);
  g_string_append_c (body, '\n');
  g_string_append (body, g_dngettext (GETTEXT_PACKAGE,
                                      "It is in the library and can be opened, but Mops cannot "
                                      "draw a thumbnail for it.",
                                      "They are in the library and can be opened, but Mops cannot "
                                      "draw a thumbnail for them.", n));

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   g_dngettext (GETTEXT_PACKAGE, "A File Cannot Be Previewed",
                                                "Some Files Cannot Be Previewed", n),
                                   body->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
  g_clear_pointer (&self->preview_problems, g_ptr_array_unref);
}

/* Imports --------------------------------------------------------------------------------- */

static void
on_import_progress (guint       done,
                    guint       total,
                    const char *current,
                    gpointer    user_data)
{
  MopsAssetsPage *self = user_data;
  g_autofree char *basename = NULL;
  g_autofree char *text = NULL;

  if (g_cancellable_is_cancelled (self->cancellable))
    return;   /* the page is gone */

  basename = g_path_get_basename (current);
  /* Translators: "Importing 12 of 40 — logo.png" */
  text = g_strdup_printf (_("Importing %u of %u — %s"), done, total, basename);

  gtk_label_set_text (self->progress_label, text);
  gtk_progress_bar_set_fraction (self->progress_bar, total > 0 ? (double) done / total : 0);
}

static const char *
message_of_item (gpointer item)
{
  return ((MopsImportItem *) item)->error;
}

static void
show_failures (MopsAssetsPage   *self,
               MopsImportReport *report)
{
  g_autoptr(GString) body = g_string_new (NULL);
  GtkWidget *dialog;

  list_messages (body, report->failed, message_of_item);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   g_dngettext (GETTEXT_PACKAGE, "A File Was Not Imported",
                                                "Some Files Were Not Imported", report->failed->len),
                                   body->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* "3 files imported, 1 was already in the library", or that the import was cancelled. */
static void
show_import_summary (MopsAssetsPage   *self,
                     MopsImportReport *report)
{
  g_autofree char *added = NULL;
  g_autofree char *message = NULL;

  added = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u file imported", "%u files imported",
                                        report->added->len), report->added->len);
  if (report->duplicates->len > 0)
    /* Translators: "%s" is "3 files imported"; the rest counts duplicates */
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u was already in the library",
                                            "%s, %u were already in the library", report->duplicates->len),
                               added, report->duplicates->len);
  else
    message = g_strdup (added);

  if (report->cancelled)
    {
      g_autofree char *cancelled = g_strdup_printf (_("Import cancelled: %s"), message);
      _mops_assets_page_show_toast (self, cancelled);
    }
  else
    _mops_assets_page_show_toast (self, message);
}

static void
on_import_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(MopsAssetsPage) self = user_data;
  g_autoptr(MopsImportReport) report = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;

  report = mops_import_finish (MOPS_LIBRARY (source), result, &error);
  g_clear_object (&self->import_cancellable);
  if (g_cancellable_is_cancelled (self->cancellable))
    return;   /* the page is gone */
  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assets.cancel-import", FALSE);

  if (report == NULL)
    {
      _mops_assets_page_show_error (self, error);
      return;
    }

  if (report->added->len > 0 && self->awaiting_previews == NULL)
    self->awaiting_previews = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < report->added->len; i++)
    {
      gint64 id = ((MopsImportItem *) report->added->pdata[i])->id;

      g_array_append_val (ids, id);
      g_hash_table_add (self->awaiting_previews, g_memdup2 (&id, sizeof id));
    }
  _mops_assets_page_refresh_rows (self, (const gint64 *) (void *) ids->data, ids->len, TRUE);
  _mops_assets_page_reload_sidebar (self);
  _mops_assets_page_load_badges (self);
  _mops_assets_page_start_previews (self);

  show_import_summary (self, report);
  if (report->failed->len > 0)
    show_failures (self, report);
}

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        MopsAssetsPage  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      const char *keep = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "keep-in-place");
      const char *owned = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "owned");
      MopsAssetsImportFlags flags = MOPS_ASSETS_IMPORT_DEFAULT;

      if (g_strcmp0 (keep, "true") == 0)
        flags |= MOPS_ASSETS_IMPORT_KEEP_IN_PLACE;
      if (g_strcmp0 (owned, "true") == 0)
        flags |= MOPS_ASSETS_IMPORT_OWNED;
      mops_assets_page_import_files_full (self, files, flags);
    }

  g_object_unref (chooser);
}

void
_mops_assets_page_choose_files (MopsAssetsPage       *self,
                                GtkFileChooserAction  action,
                                const char           *title)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                         action, _("_Import"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  /* Referenced files stay where they are: the library only points at them. */
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "keep-in-place",
                               _("Keep files where they are (do not copy into the library)"),
                               NULL, NULL);
  /* Work the team made itself needs no licence tracking: no "missing licence" badges. */
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "owned",
                               _("These files are our own work (licence: owned by us)"),
                               NULL, NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
mops_assets_page_import_files (MopsAssetsPage *self,
                               GListModel     *files)
{
  mops_assets_page_import_files_full (self, files, MOPS_ASSETS_IMPORT_DEFAULT);
}

void
mops_assets_page_import_files_full (MopsAssetsPage        *self,
                                    GListModel            *files,
                                    MopsAssetsImportFlags  flags)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  MopsImportOptions options = {
    .reference = (flags & MOPS_ASSETS_IMPORT_KEEP_IN_PLACE) != 0,
    .owned = (flags & MOPS_ASSETS_IMPORT_OWNED) != 0,
    .owned_source = MOPS_LICENCE_SOURCE_USER,
  };

  g_return_if_fail (MOPS_IS_ASSETS_PAGE (self));

  if (self->import_cancellable != NULL)
    {
      _mops_assets_page_show_toast (self, _("An import is already running"));
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      char *path = g_file_get_path (file);

      if (path != NULL)
        g_ptr_array_add (paths, path);
    }
  if (paths->len == 0)
    return;
  g_ptr_array_add (paths, NULL);

  self->import_cancellable = g_cancellable_new ();
  gtk_label_set_text (self->progress_label, _("Preparing the import…"));
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assets.cancel-import", TRUE);

  mops_import_async (self->library, (const char * const *) paths->pdata, &options, on_import_progress, self,
                     self->import_cancellable, on_import_done_cb, g_object_ref (self));
}
