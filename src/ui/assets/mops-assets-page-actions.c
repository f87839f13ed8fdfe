/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-assets-page-actions.c — the asset browser's assets.* actions and their keys */

#include "config.h"

#define G_LOG_DOMAIN "mops-assets-page"

#include <string.h>

#include <glib/gi18n.h>

#include "core/mops-assets.h"
#include "core/mops-collections.h"
#include "core/mops-error.h"
#include "core/mops-tags.h"
#include "mops-asset-viewer.h"
#include "mops-assets-page-private.h"
#include "ui/licences/mops-licence-editor.h"

/* A name asked for in a dialog ------------------------------------------------------------ */

/* @done gets the text when the person confirms. */
typedef void (*NameDoneFunc) (MopsAssetsPage *self,
                              const char     *name,
                              gpointer        data);

typedef struct
{
  MopsAssetsPage *page;
  GtkEditable    *entry;
  NameDoneFunc    done;
  gpointer        data;
  GDestroyNotify  destroy;
} NameRequest;

static void
name_request_free (NameRequest *request)
{
  if (request->destroy != NULL)
    request->destroy (request->data);
  g_object_unref (request->page);
  g_free (request);
}

static void
on_name_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     NameRequest      *request)
{
  if (g_str_equal (response, "ok"))
    request->done (request->page, gtk_editable_get_text (request->entry), request->data);
}

static void
ask_for_name (MopsAssetsPage *self,
              const char     *heading,
              const char     *body,
              const char     *initial,
              const char     *confirm,
              NameDoneFunc    done,
              gpointer        data,
              GDestroyNotify  destroy)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading, body);
  GtkWidget *entry = gtk_entry_new ();
  NameRequest *request = g_new0 (NameRequest, 1);

  gtk_editable_set_text (GTK_EDITABLE (entry), initial != NULL ? initial : "");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, heading, -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "ok", confirm, NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "ok", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "ok");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  request->page = g_object_ref (self);
  request->entry = GTK_EDITABLE (entry);
  request->done = done;
  request->data = data;
  request->destroy = destroy;
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_name_response_cb), request,
                         (GClosureNotify) (void (*) (void)) name_request_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* Importing ------------------------------------------------------------------------------- */

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  _mops_assets_page_choose_files (MOPS_ASSETS_PAGE (widget), GTK_FILE_CHOOSER_ACTION_OPEN, _("Import Files"));
}

static void
import_folder_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  _mops_assets_page_choose_files (MOPS_ASSETS_PAGE (widget), GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                  _("Import Folders"));
}

static void
cancel_import_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  MopsAssetsPage *self = MOPS_ASSETS_PAGE (widget);

  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
}

static void
show_preview_problems_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  _mops_assets_page_show_preview_problems (MOPS_ASSETS_PAGE (widget));
}

/* Finding and showing --------------------------------------------------------------------- */

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  mops_assets_filter_bar_focus_search (MOPS_ASSETS_PAGE (widget)->filter_bar);
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  mops_assets_filter_bar_clear (MOPS_ASSETS_PAGE (widget)->filter_bar);
}

static void
toggle_sidebar_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  MopsAssetsPage *self = MOPS_ASSETS_PAGE (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  MopsAssetsPage *self = MOPS_ASSETS_PAGE (widget);

  if (g_str_equal (action_name, "assets.zoom-in"))
    _mops_assets_page_set_tile_size (self, self->tile_size + MOPS_ASSETS_TILE_SIZE_STEP);
  else if (g_str_equal (action_name, "assets.zoom-out"))
    _mops_assets_page_set_tile_size (self, self->tile_size - MOPS_ASSETS_TILE_SIZE_STEP);
  else
    _mops_assets_page_set_tile_size (self, MOPS_ASSETS_TILE_SIZE_DEFAULT);
}

static GFile *
inspected_file (MopsAssetsPage *self)
{
  g_autoptr(MopsAsset) asset = NULL;
  g_autofree char *path = NULL;

  if (self->inspected_id == 0)
    return NULL;

  asset = mops_asset_load (self->library, self->inspected_id, NULL);
  if (asset == NULL)
    return NULL;

  path = mops_asset_dup_file_path (asset);
  return g_file_new_for_path (path);
}

static void
view_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  MopsAssetsPage *self = MOPS_ASSETS_PAGE (widget);

  if (self->inspected_id == 0)
    return;

  gtk_window_present (mops_asset_viewer_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->library,
                                             self->inspected_id));
}

/* Escape: the selection goes, and with it the inspector; the grid keeps the focus. */
static void
close_inspector_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  MopsAssetsPage *self = MOPS_ASSETS_PAGE (widget);
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));
  gboolean focus_in_inspector = focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->inspector));

  mops_asset_inspector_save_edits (self->inspector);
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  if (focus_in_inspector)
    gtk_widget_grab_focus (GTK_WIDGET (self->grid));
}

static void
open_parent_folder (MopsAssetsPage *self,
                    GFile          *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *uri = g_file_get_uri (parent);

  gtk_show_uri_full (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), uri, GDK_CURRENT_TIME,
                     NULL, NULL, NULL);
}

typedef struct
{
  MopsAssetsPage *page;
  GFile          *file;
} ShowItems;

static void
on_show_items_done_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  ShowItems *show = user_data;
  g_autoptr(GVariant) reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, NULL);

  /* No file manager on the bus: open the folder instead. */
  if (reply == NULL && gtk_widget_get_root (GTK_WIDGET (show->page)) != NULL)
    open_parent_folder (show->page, show->file);

  g_object_unref (show->page);
  g_object_unref (show->file);
  g_free (show);
}

static void
show_in_folder_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  MopsAssetsPage *self = MOPS_ASSETS_PAGE (widget);
  g_autoptr(GFile) file = inspected_file (self);
  GDBusConnection *bus = g_application_get_dbus_connection (g_application_get_default ());
  g_autofree char *uri = NULL;
  const char *uris[2];
  ShowItems *show;

  if (file == NULL)
    return;

  if (bus == NULL)
    {
      open_parent_folder (self, file);
      return;
    }

  uri = g_file_get_uri (file);
  uris[0] = uri;
  uris[1] = NULL;
  show = g_new0 (ShowItems, 1);
  show->page = g_object_ref (self);
  show->file = g_object_ref (file);
  g_dbus_connection_call (bus, "org.freedesktop.FileManager1", "/org/freedesktop/FileManager1",
                          "org.freedesktop.FileManager1", "ShowItems",
                          g_variant_new ("(^ass)", uris, ""), NULL, G_DBUS_CALL_FLAGS_NONE, 5000,
                          NULL, on_show_items_done_cb, show);
}

/* Editing the selection (bulk edits: mops-assets-page-edits.c) ---------------------------- */

/* (asset id, title, description, creator): the inspector names the asset it showed, which
 * is no longer the inspected one when the selection changes. Written in a worker, in line
 * with the other edits: another process holding the library (an import, mops-cli) makes it
 * wait there, not in the window. */
static void
set_text_fields_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  MopsAssetsPage *self = MOPS_ASSETS_PAGE (widget);
  const char *title, *description, *creator;
  gint64 id;

  g_variant_get (parameter, "(x&s&s&s)", &id, &title, &description, &creator);
  if (id > 0)
    _mops_assets_page_edit_text_fields (self, id, title, description, creator);
}

static void
rate_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  MopsAssetsPage *self = MOPS_ASSETS_PAGE (widget);
  g_autoptr(GArray) ids = _mops_assets_page_dup_selected_ids (self);

  if (ids->len > 0)
    _mops_assets_page_edit (self, MOPS_ASSETS_EDIT_RATING, ids, g_variant_get_int32 (parameter), NULL);
}

static void
set_color_label_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  MopsAssetsPage *self = MOPS_ASSETS_PAGE (widget);
  g_autoptr(GArray) ids = _mops_assets_page_dup_selected_ids (self);

  if (ids->len > 0)
    _mops_assets_page_edit (self, MOPS_ASSETS_EDIT_COLOR_LABEL, ids, 0, g_variant_get_string (parameter, NULL));
}

static void
add_tag_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  MopsAssetsPage *self = MOPS_ASSETS_PAGE (widget);
  g_autoptr(GArray) ids = _mops_assets_page_dup_selected_ids (self);

  if (ids->len > 0)
    _mops_assets_page_edit (self, MOPS_ASSETS_EDIT_ADD_TAG, ids, 0, g_variant_get_string (parameter, NULL));
}

static void
remove_tag_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  MopsAssetsPage *self = MOPS_ASSETS_PAGE (widget);
  g_autoptr(GArray) ids = _mops_assets_page_dup_selected_ids (self);

  _mops_assets_page_edit (self, MOPS_ASSETS_EDIT_REMOVE_TAG, ids, 0, g_variant_get_string (parameter, NULL));
}

/* The Trash ------------------------------------------------------------------------------- */

static void
trash_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  MopsAssetsPage *self = MOPS_ASSETS_PAGE (widget);
  g_autoptr(GArray) ids = _mops_assets_page_dup_selected_ids (self);

  if (ids->len > 0 && !self->trash_view)
    _mops_assets_page_edit (self, MOPS_ASSETS_EDIT_TRASH, ids, 0, NULL);
}

static void
undo_trash_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  MopsAssetsPage *self = MOPS_ASSETS_PAGE (widget);

  if (self->last_trashed == NULL)
    return;

  /* once: a second click on the toast's Undo finds nothing left to restore */
  _mops_assets_page_edit (self, MOPS_ASSETS_EDIT_UNDO_TRASH, self->last_trashed, 0, NULL);
  g_clear_pointer (&self->last_trashed, g_array_unref);
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  MopsAssetsPage *self = MOPS_ASSETS_PAGE (widget);
  g_autoptr(GArray) ids = _mops_assets_page_dup_selected_ids (self);

  if (ids->len > 0)
    _mops_assets_page_edit (self, MOPS_ASSETS_EDIT_RESTORE, ids, 0, NULL);
}

typedef struct
{
  MopsAssetsPage *page;
  GArray         *trashed;   /* what the Trash held: gone now, or kept */
} EmptyTrash;

static void
empty_trash_free (EmptyTrash *empty)
{
  g_object_unref (empty->page);
  g_array_unref (empty->trashed);
  g_free (empty);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EmptyTrash, empty_trash_free)

static void
on_trash_emptied_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(EmptyTrash) empty = user_data;
  MopsAssetsPage *self = empty->page;
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(GError) error = NULL;
  gint64 deleted = mops_assets_empty_trash_finish (MOPS_LIBRARY (source), result, &kept, &error);

  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  if (deleted < 0)
    {
      _mops_assets_page_show_error (self, error);
      return;
    }

  /* Rows are gone for good: the index reads them again and lets them go (or, when it was not
   * there yet, is read whole). */
  if (self->index != NULL && empty->trashed->len > 0)
    _mops_assets_page_refresh_rows (self, (const gint64 *) (void *) empty->trashed->data, empty->trashed->len, TRUE);
  else
    _mops_assets_page_load_index (self);
  _mops_assets_page_reload_sidebar (self);

  if (kept != NULL && kept->len > 0)
    {
      MopsTrashKept *first = g_ptr_array_index (kept, 0);
      /* Translators: "“Logo” stays in the Trash: it is used by the content item “Launch post”" */
      g_autofree char *text = g_strdup_printf (_("“%s” stays in the Trash: it is used by %s"),
                                               first->name, first->used_by);
      _mops_assets_page_show_toast (self, text);
    }
}

static void
on_empty_trash_response_cb (AdwMessageDialog *dialog,
                            const char       *response,
                            MopsAssetsPage   *self)
{
  MopsSearchQuery trash = { .trashed = TRUE, .include_records = TRUE };
  EmptyTrash *empty;

  if (!g_str_equal (response, "empty"))
    return;

  empty = g_new0 (EmptyTrash, 1);
  empty->page = g_object_ref (self);
  empty->trashed = self->index != NULL ? mops_search_index_query (self->index, &trash)
                                       : g_array_new (FALSE, FALSE, sizeof (gint64));
  mops_assets_empty_trash_async (self->library, self->cancellable, on_trash_emptied_cb, empty);
}

static void
empty_trash_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), _("Empty the Trash?"),
                                   _("The assets in the Trash and their files are deleted for good. "
                                     "Assets still used by content, brand kits, licences or expenses stay."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "empty", _("_Empty Trash"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "empty", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_empty_trash_response_cb), widget);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Saved searches -------------------------------------------------------------------------- */

static void
save_search_done (MopsAssetsPage *self,
                  const char     *name,
                  gpointer        data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *filters = mops_assets_filter_bar_dup_filters (self->filter_bar, self->tag_filter);
  g_autofree char *message = NULL;

  if (mops_saved_searches_save (self->library, name, mops_assets_filter_bar_get_text (self->filter_bar),
                                filters, &error) == 0)
    {
      _mops_assets_page_show_error (self, error);
      return;
    }

  _mops_assets_page_reload_sidebar (self);
  /* Translators: %s is the name of a saved search */
  message = g_strdup_printf (_("Search “%s” saved"), name);
  _mops_assets_page_show_toast (self, message);
}

static void
save_search_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  MopsAssetsPage *self = MOPS_ASSETS_PAGE (widget);

  ask_for_name (self, _("Save This Search"),
                _("It appears in the sidebar with its words and filters."),
                mops_assets_filter_bar_get_text (self->filter_bar), _("_Save"),
                save_search_done, NULL, NULL);
}

/* Collections ----------------------------------------------------------------------------- */

/* Add to Collection: the collections in a list with a search, a check mark on those the
 * whole selection is in, and "New Collection…"; a check adds or removes the selection. */
typedef struct
{
  MopsAssetsPage *page;
  GArray         *ids;           /* the selection when the dialog opened */
  GtkWidget      *dialog;
  GtkListBox     *list;
  GPtrArray      *rows;          /* GtkListBoxRow, in the order of collections */
  GPtrArray      *collections;   /* MopsCollectionInfo */
  char           *folded_query;
} CollectionChooser;

static void
collection_chooser_free (CollectionChooser *chooser)
{
  g_object_unref (chooser->page);
  g_array_unref (chooser->ids);
  g_ptr_array_unref (chooser->rows);
  g_ptr_array_unref (chooser->collections);
  g_free (chooser->folded_query);
  g_free (chooser);
}

/* NFKC + case fold, as core compares collection names. */
static char *
fold_name (const char *name)
{
  g_autofree char *normal = g_utf8_normalize (name != NULL ? name : "", -1, G_NORMALIZE_NFKC);

  return g_utf8_casefold (normal != NULL ? normal : "", -1);
}

static void
add_to_collection_done (MopsAssetsPage *self,
                        const char     *name,
                        gpointer        data)
{
  CollectionChooser *chooser = data;
  g_autoptr(GError) error = NULL;
  gint64 collection;

  if (name == NULL || *g_strstrip ((char *) name) == '\0')
    return;

  /* "press kit" is the existing "Press kit": core compares names folded. */
  collection = mops_collections_ensure (self->library, name, &error);
  if (collection == 0)
    {
      _mops_assets_page_show_error (self, error);
      return;
    }

  /* The toast names the collection as it is called ("Press kit"), not as typed. */
  {
    g_autoptr(GPtrArray) collections = mops_collections_list (self->library, NULL);
    const char *shown = name;

    for (guint i = 0; collections != NULL && i < collections->len; i++)
      if (((MopsCollectionInfo *) collections->pdata[i])->id == collection)
        shown = ((MopsCollectionInfo *) collections->pdata[i])->name;

    _mops_assets_page_edit (self, MOPS_ASSETS_EDIT_ADD_TO_COLLECTION, chooser->ids, collection, shown);
  }
}

static gboolean
filter_collection_row (GtkListBoxRow *row,
                       gpointer       user_data)
{
  CollectionChooser *chooser = user_data;
  guint index;

  if (chooser->folded_query == NULL || *chooser->folded_query == '\0' ||
      !g_ptr_array_find (chooser->rows, row, &index))
    return TRUE;

  {
    g_autofree char *folded = fold_name (((MopsCollectionInfo *) chooser->collections->pdata[index])->name);

    return strstr (folded, chooser->folded_query) != NULL;
  }
}

static void
on_collection_search_changed_cb (GtkSearchEntry    *entry,
                                 CollectionChooser *chooser)
{
  g_free (chooser->folded_query);
  chooser->folded_query = fold_name (gtk_editable_get_text (GTK_EDITABLE (entry)));
  gtk_list_box_invalidate_filter (chooser->list);
}

static void
on_collection_toggled_cb (GtkCheckButton    *check,
                          CollectionChooser *chooser)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (check), GTK_TYPE_LIST_BOX_ROW);
  MopsCollectionInfo *info;
  guint index;

  if (row == NULL || !g_ptr_array_find (chooser->rows, row, &index))
    return;

  info = chooser->collections->pdata[index];
  gtk_check_button_set_inconsistent (check, FALSE);
  _mops_assets_page_edit (chooser->page,
                          gtk_check_button_get_active (check) ? MOPS_ASSETS_EDIT_ADD_TO_COLLECTION
                                                              : MOPS_ASSETS_EDIT_REMOVE_FROM_COLLECTION,
                          chooser->ids, info->id, info->name);
}

static void
toggle_check (GtkCheckButton *check)
{
  gtk_check_button_set_active (check, !gtk_check_button_get_active (check));
}

/* A check row: ticked when every selected asset is in the collection, a dash for some. */
static GtkWidget *
make_collection_row (CollectionChooser  *chooser,
                     MopsCollectionInfo *info)
{
  g_autoptr(GArray) members = mops_collections_get_asset_ids (chooser->page->library, info->id, NULL);
  g_autoptr(GHashTable) set = g_hash_table_new (g_int64_hash, g_int64_equal);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  guint in = 0;

  for (guint i = 0; members != NULL && i < members->len; i++)
    g_hash_table_add (set, &g_array_index (members, gint64, i));
  for (guint i = 0; i < chooser->ids->len; i++)
    in += g_hash_table_contains (set, &g_array_index (chooser->ids, gint64, i));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), info->name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), in > 0 && in == chooser->ids->len);
  gtk_check_button_set_inconsistent (GTK_CHECK_BUTTON (check), in > 0 && in < chooser->ids->len);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  /* The row takes the click (or Enter, Space) and turns the check: a check that took its
   * own click would be turned twice, by itself and by the row's activation. */
  gtk_widget_set_can_target (check, FALSE);
  gtk_widget_set_focusable (check, FALSE);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_signal_connect_swapped (row, "activated", G_CALLBACK (toggle_check), check);
  g_signal_connect (check, "toggled", G_CALLBACK (on_collection_toggled_cb), chooser);
  return row;
}

static void
new_collection_done (MopsAssetsPage *self,
                     const char     *name,
                     gpointer        data)
{
  add_to_collection_done (self, name, data);
}

static void
on_new_collection_clicked_cb (GtkButton         *button,
                              CollectionChooser *chooser)
{
  CollectionChooser *copy = g_new0 (CollectionChooser, 1);

  /* The name dialog keeps what it needs: this one closes. */
  copy->page = g_object_ref (chooser->page);
  copy->ids = g_array_ref (chooser->ids);
  copy->rows = g_ptr_array_new ();
  copy->collections = g_ptr_array_new ();
  gtk_window_destroy (GTK_WINDOW (chooser->dialog));
  ask_for_name (copy->page, _("New Collection"), _("The selected assets go into it."), NULL, _("_Create"),
                new_collection_done, copy, (GDestroyNotify) collection_chooser_free);
}

static void
add_to_collection_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  MopsAssetsPage *self = MOPS_ASSETS_PAGE (widget);
  g_autoptr(GArray) ids = _mops_assets_page_dup_selected_ids (self);
  CollectionChooser *chooser;
  GtkWidget *box, *search, *scrolled, *new_button;
  g_autofree char *heading = NULL;

  if (ids->len == 0)
    return;

  chooser = g_new0 (CollectionChooser, 1);
  chooser->page = g_object_ref (self);
  chooser->ids = g_array_ref (ids);
  chooser->rows = g_ptr_array_new ();
  chooser->collections = mops_collections_list (self->library, NULL);
  if (chooser->collections == NULL)
    chooser->collections = g_ptr_array_new_with_free_func ((GDestroyNotify) mops_collection_info_free);

  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Add %u Asset to Collections",
                                          "Add %u Assets to Collections", ids->len), ids->len);
  chooser->dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), heading, NULL);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  search = gtk_search_entry_new ();
  g_object_set (search, "placeholder-text", _("Search collections"), NULL);
  g_signal_connect (search, "search-changed", G_CALLBACK (on_collection_search_changed_cb), chooser);
  gtk_box_append (GTK_BOX (box), search);

  chooser->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (chooser->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (chooser->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (chooser->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Collections"), -1);
  for (guint i = 0; i < chooser->collections->len; i++)
    {
      GtkWidget *row = make_collection_row (chooser, chooser->collections->pdata[i]);

      g_ptr_array_add (chooser->rows, row);
      gtk_list_box_append (chooser->list, row);
    }
  gtk_list_box_set_filter_func (chooser->list, filter_collection_row, chooser, NULL);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 280);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (chooser->list));
  gtk_box_append (GTK_BOX (box), scrolled);

  new_button = gtk_button_new_with_mnemonic (_("_New Collection…"));
  gtk_widget_set_halign (new_button, GTK_ALIGN_START);
  g_signal_connect (new_button, "clicked", G_CALLBACK (on_new_collection_clicked_cb), chooser);
  gtk_box_append (GTK_BOX (box), new_button);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (chooser->dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (chooser->dialog), "close", _("_Done"), NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (chooser->dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (chooser->dialog), "close");
  g_object_weak_ref (G_OBJECT (chooser->dialog), (GWeakNotify) (void (*) (void)) collection_chooser_free, chooser);
  gtk_window_present (GTK_WINDOW (chooser->dialog));
  gtk_widget_grab_focus (search);
}

static void
remove_from_collection_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  MopsAssetsPage *self = MOPS_ASSETS_PAGE (widget);
  g_autoptr(GArray) ids = _mops_assets_page_dup_selected_ids (self);

  if (self->collection_id != 0 && ids->len > 0)
    _mops_assets_page_edit (self, MOPS_ASSETS_EDIT_REMOVE_FROM_COLLECTION, ids, self->collection_id, NULL);
}

static void
on_delete_collection_response_cb (AdwMessageDialog *dialog,
                                  const char       *response,
                                  MopsAssetsPage   *self)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "delete") || self->collection_id == 0)
    return;

  if (!mops_collections_delete (self->library, self->collection_id, &error))
    _mops_assets_page_show_error (self, error);

  mops_assets_sidebar_select_all (self->assets_sidebar);
  _mops_assets_page_reload_sidebar (self);
}

static void
delete_collection_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  MopsAssetsPage *self = MOPS_ASSETS_PAGE (widget);
  GtkWidget *dialog;

  if (self->collection_id == 0)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), _("Delete This Collection?"),
                                   _("Its assets stay in the library; only the grouping goes."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_delete_collection_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Tags: rename, merge ---------------------------------------------------------------------- */

static void
after_tag_change (MopsAssetsPage *self)
{
  /* A tag change touches the search text of every asset below it: read the index again. */
  _mops_assets_page_load_index (self);
  /* The tag shown may have a new path or be gone: take the filter from the sidebar again. */
  _mops_assets_page_reload_sidebar (self);
  mops_assets_sidebar_reselect (self->assets_sidebar);
}

static void
rename_tag_done (MopsAssetsPage *self,
                 const char     *name,
                 gpointer        data)
{
  gint64 tag_id = *(gint64 *) data;
  g_autoptr(GError) error = NULL;

  if (!mops_tags_rename (self->library, tag_id, name, &error))
    {
      _mops_assets_page_show_error (self, error);
      return;
    }

  after_tag_change (self);
}

static void
merge_tag_done (MopsAssetsPage *self,
                const char     *path,
                gpointer        data)
{
  gint64 tag_id = *(gint64 *) data;
  g_autoptr(GError) error = NULL;
  gint64 target = mops_tags_lookup (self->library, path, &error);

  if (target == 0)
    g_set_error (&error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND, _("There is no tag “%s”"), path);

  if (target <= 0 || !mops_tags_merge (self->library, tag_id, target, &error))
    {
      _mops_assets_page_show_error (self, error);
      return;
    }

  after_tag_change (self);
}

static void
rename_tag_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  MopsAssetsPage *self = MOPS_ASSETS_PAGE (widget);
  gint64 id = g_variant_get_int64 (parameter);
  MopsTagInfo *tag = mops_assets_sidebar_find_tag (self->assets_sidebar, id);

  if (tag != NULL)
    ask_for_name (self, _("Rename Tag"), tag->path, tag->name, _("_Rename"),
                  rename_tag_done, g_memdup2 (&id, sizeof id), g_free);
}

static void
merge_tag_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  MopsAssetsPage *self = MOPS_ASSETS_PAGE (widget);
  gint64 id = g_variant_get_int64 (parameter);
  MopsTagInfo *tag = mops_assets_sidebar_find_tag (self->assets_sidebar, id);
  g_autofree char *body = NULL;

  if (tag == NULL)
    return;

  /* Translators: %s is a tag path such as Brand/Logo */
  body = g_strdup_printf (_("Every asset and sub-tag of “%s” moves to the tag you name, "
                            "such as Brand/Logos."), tag->path);
  ask_for_name (self, _("Merge Tag Into…"), body, NULL, _("_Merge"),
                merge_tag_done, g_memdup2 (&id, sizeof id), g_free);
}

/* Licences: the editor over the selection ------------------------------------------------- */

static void
on_licence_saved_cb (MopsLicenceEditor *editor,
                     gint64             licence_id,
                     MopsAssetsPage    *self)
{
  g_autoptr(GArray) ids = _mops_assets_page_dup_selected_ids (self);

  _mops_assets_page_load_badges (self);
  if (mops_assets_filter_bar_get_licence_statuses (self->filter_bar) != 0)
    _mops_assets_page_update_licence_filter (self);
  _mops_assets_page_refresh_rows (self, (const gint64 *) (void *) ids->data, ids->len, FALSE);
}

static void
open_licence_editor (MopsAssetsPage *self,
                     gint64          licence_id)
{
  g_autoptr(GArray) ids = _mops_assets_page_dup_selected_ids (self);
  MopsLicenceEditor *editor;

  if (ids->len == 0)
    return;

  editor = mops_licence_editor_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->library,
                                    licence_id, (const gint64 *) (void *) ids->data, ids->len);
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_licence_saved_cb), self, 0);
  g_signal_connect_object (editor, "deleted", G_CALLBACK (on_licence_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
edit_licence_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  MopsAssetsPage *self = MOPS_ASSETS_PAGE (widget);
  gint64 licence_id = mops_asset_inspector_get_licence_id (self->inspector);

  if (licence_id != 0)
    open_licence_editor (self, licence_id);
}

static void
new_licence_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  open_licence_editor (MOPS_ASSETS_PAGE (widget), 0);
}

/* The page's class ------------------------------------------------------------------------ */

static void
add_key_bindings (GtkWidgetClass *widget_class)
{
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "assets.toggle-sidebar", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "assets.trash", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "assets.view", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "assets.close-inspector", NULL);
  for (int i = 0; i <= 5; i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0 + i, 0, "assets.rate", "i", i);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "assets.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "assets.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "assets.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "assets.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "assets.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "assets.zoom-reset", NULL);
}

/* Importing and searching work from anywhere in the window while the page is shown (the
 * focus may be on the page switcher), so they are the window's shortcuts, not the page's key
 * bindings. Not Ctrl+Shift+I: GTK's Inspector takes it on a stock Debian
 * (org.gtk.gtk4.Settings.Debug enable-inspector-keybinding is true). */
void
_mops_assets_page_add_window_shortcuts (MopsAssetsPage *self)
{
  static const struct { guint keyval; GdkModifierType mods; const char *action; } keys[] = {
    { GDK_KEY_i, GDK_CONTROL_MASK, "assets.import" },
    { GDK_KEY_o, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "assets.import-folder" },
    { GDK_KEY_f, GDK_CONTROL_MASK, "assets.search" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_MANAGED);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].keyval, keys[i].mods),
                                                            gtk_named_action_new (keys[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

void
_mops_assets_page_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "assets.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "assets.import-folder", NULL, import_folder_action);
  gtk_widget_class_install_action (widget_class, "assets.cancel-import", NULL, cancel_import_action);
  gtk_widget_class_install_action (widget_class, "assets.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "assets.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "assets.toggle-sidebar", NULL, toggle_sidebar_action);
  gtk_widget_class_install_action (widget_class, "assets.trash", NULL, trash_action);
  gtk_widget_class_install_action (widget_class, "assets.undo-trash", NULL, undo_trash_action);
  gtk_widget_class_install_action (widget_class, "assets.restore", NULL, restore_action);
  gtk_widget_class_install_action (widget_class, "assets.empty-trash", NULL, empty_trash_action);
  gtk_widget_class_install_action (widget_class, "assets.rate", "i", rate_action);
  gtk_widget_class_install_action (widget_class, "assets.set-color-label", "s", set_color_label_action);
  gtk_widget_class_install_action (widget_class, "assets.set-text-fields", "(xsss)", set_text_fields_action);
  gtk_widget_class_install_action (widget_class, "assets.add-tag", "s", add_tag_action);
  gtk_widget_class_install_action (widget_class, "assets.remove-tag", "s", remove_tag_action);
  gtk_widget_class_install_action (widget_class, "assets.view", NULL, view_action);
  gtk_widget_class_install_action (widget_class, "assets.close-inspector", NULL, close_inspector_action);
  gtk_widget_class_install_action (widget_class, "assets.show-in-folder", NULL, show_in_folder_action);
  gtk_widget_class_install_action (widget_class, "assets.save-search", NULL, save_search_action);
  gtk_widget_class_install_action (widget_class, "assets.add-to-collection", NULL, add_to_collection_action);
  gtk_widget_class_install_action (widget_class, "assets.remove-from-collection", NULL, remove_from_collection_action);
  gtk_widget_class_install_action (widget_class, "assets.delete-collection", NULL, delete_collection_action);
  gtk_widget_class_install_action (widget_class, "assets.rename-tag", "x", rename_tag_action);
  gtk_widget_class_install_action (widget_class, "assets.merge-tag", "x", merge_tag_action);
  gtk_widget_class_install_action (widget_class, "assets.edit-licence", NULL, edit_licence_action);
  gtk_widget_class_install_action (widget_class, "assets.new-licence", NULL, new_licence_action);
  gtk_widget_class_install_action (widget_class, "assets.show-preview-problems", NULL, show_preview_problems_action);
  gtk_widget_class_install_action (widget_class, "assets.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "assets.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "assets.zoom-reset", NULL, zoom_action);

  add_key_bindings (widget_class);
}
