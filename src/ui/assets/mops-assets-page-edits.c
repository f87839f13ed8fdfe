/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-assets-page-edits.c — the asset browser's edits (rating, colour label, tags, Trash,
 * collections, the inspector's texts), written by core in a worker one after another, then
 * shown */

#include "config.h"

#define G_LOG_DOMAIN "mops-assets-page"

#include <glib/gi18n.h>

#include "core/mops-asset.h"
#include "core/mops-assets.h"
#include "core/mops-collections.h"
#include "core/mops-tags.h"
#include "mops-assets-page-private.h"

/* One edit waiting or running: the page's own copy of what it changes. */
typedef struct
{
  MopsAssetsPage     *page;
  MopsAssetsEditKind  kind;
  GArray             *ids;
  gint64              number;   /* the rating, or the collection */
  char               *text;     /* the colour label, the tag path, the collection's name, or the title */
  char               *description;   /* MOPS_ASSETS_EDIT_TEXT_FIELDS */
  char               *creator;
} Edit;

static void
edit_free (Edit *edit)
{
  g_object_unref (edit->page);
  g_array_unref (edit->ids);
  g_free (edit->text);
  g_free (edit->description);
  g_free (edit->creator);
  g_free (edit);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Edit, edit_free)

static void on_edit_done_cb (GObject      *source,
                             GAsyncResult *result,
                             gpointer      user_data);

static void
start_edit (MopsAssetsPage *self,
            Edit           *edit)
{
  const gint64 *ids = (const gint64 *) (void *) edit->ids->data;
  guint n = edit->ids->len;

  /* No cancellable: an edit a person made is written even when the page goes meanwhile. */
  switch (edit->kind)
    {
    case MOPS_ASSETS_EDIT_RATING:
      mops_assets_set_rating_async (self->library, ids, n, (int) edit->number, NULL, on_edit_done_cb, edit);
      break;
    case MOPS_ASSETS_EDIT_COLOR_LABEL:
      mops_assets_set_color_label_async (self->library, ids, n, *edit->text != '\0' ? edit->text : NULL, NULL,
                                         on_edit_done_cb, edit);
      break;
    case MOPS_ASSETS_EDIT_ADD_TAG:
      mops_tags_add_to_assets_async (self->library, edit->text, ids, n, NULL, on_edit_done_cb, edit);
      break;
    case MOPS_ASSETS_EDIT_REMOVE_TAG:
      mops_tags_remove_from_assets_async (self->library, edit->text, ids, n, NULL, on_edit_done_cb, edit);
      break;
    case MOPS_ASSETS_EDIT_TRASH:
      mops_assets_trash_async (self->library, ids, n, NULL, on_edit_done_cb, edit);
      break;
    case MOPS_ASSETS_EDIT_RESTORE:
    case MOPS_ASSETS_EDIT_UNDO_TRASH:
      mops_assets_restore_async (self->library, ids, n, NULL, on_edit_done_cb, edit);
      break;
    case MOPS_ASSETS_EDIT_ADD_TO_COLLECTION:
      mops_collections_add_assets_async (self->library, edit->number, ids, n, NULL, on_edit_done_cb, edit);
      break;
    case MOPS_ASSETS_EDIT_REMOVE_FROM_COLLECTION:
      mops_collections_remove_assets_async (self->library, edit->number, ids, n, NULL, on_edit_done_cb, edit);
      break;
    case MOPS_ASSETS_EDIT_TEXT_FIELDS:
      mops_assets_set_text_fields_async (self->library, ids[0], edit->text, edit->description, edit->creator,
                                         NULL, on_edit_done_cb, edit);
      break;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
finish_edit (Edit          *edit,
             GAsyncResult  *result,
             GError       **error)
{
  MopsLibrary *library = edit->page->library;

  switch (edit->kind)
    {
    case MOPS_ASSETS_EDIT_RATING:
      return mops_assets_set_rating_finish (library, result, error);
    case MOPS_ASSETS_EDIT_COLOR_LABEL:
      return mops_assets_set_color_label_finish (library, result, error);
    case MOPS_ASSETS_EDIT_ADD_TAG:
      return mops_tags_add_to_assets_finish (library, result, error);
    case MOPS_ASSETS_EDIT_REMOVE_TAG:
      return mops_tags_remove_from_assets_finish (library, result, error);
    case MOPS_ASSETS_EDIT_TRASH:
      return mops_assets_trash_finish (library, result, error);
    case MOPS_ASSETS_EDIT_RESTORE:
    case MOPS_ASSETS_EDIT_UNDO_TRASH:
      return mops_assets_restore_finish (library, result, error);
    case MOPS_ASSETS_EDIT_ADD_TO_COLLECTION:
      return mops_collections_add_assets_finish (library, result, error);
    case MOPS_ASSETS_EDIT_REMOVE_FROM_COLLECTION:
      return mops_collections_remove_assets_finish (library, result, error);
    case MOPS_ASSETS_EDIT_TEXT_FIELDS:
      return mops_assets_set_text_fields_finish (library, result, error);
    default:
      g_assert_not_reached ();
    }
}

static void
refresh_edited (MopsAssetsPage *self,
                Edit           *edit,
                gboolean        requery)
{
  _mops_assets_page_refresh_rows (self, (const gint64 *) (void *) edit->ids->data, edit->ids->len, requery);
}

/* "12 assets moved to the Trash", with Undo. */
static void
show_trashed (MopsAssetsPage *self,
              Edit           *edit)
{
  guint n = edit->ids->len;
  g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u asset moved to the Trash",
                                                         "%u assets moved to the Trash", n), n);
  AdwToast *toast = adw_toast_new (title);

  g_clear_pointer (&self->last_trashed, g_array_unref);
  self->last_trashed = g_array_ref (edit->ids);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "assets.undo-trash");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
show_added_to_collection (MopsAssetsPage *self,
                          Edit           *edit)
{
  guint n = edit->ids->len;
  g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u asset added to “%s”",
                                                           "%u assets added to “%s”", n),
                                              n, edit->text);

  _mops_assets_page_show_toast (self, message);
}

static void
forget_collection_members (MopsAssetsPage *self,
                           Edit           *edit)
{
  /* Only while that collection is still the one shown. */
  if (self->collection_id != edit->number || self->collection_members == NULL)
    return;

  for (guint i = 0; i < edit->ids->len; i++)
    g_hash_table_remove (self->collection_members, &g_array_index (edit->ids, gint64, i));
  _mops_assets_page_run_query (self);
}

/* What the page shows after a successful edit; a failed Restore refreshes anyway (some rows
 * may have come back before the error). */
static void
show_edit (MopsAssetsPage *self,
           Edit           *edit)
{
  switch (edit->kind)
    {
    case MOPS_ASSETS_EDIT_RATING:
    case MOPS_ASSETS_EDIT_COLOR_LABEL:
    case MOPS_ASSETS_EDIT_TEXT_FIELDS:
      refresh_edited (self, edit, FALSE);
      break;
    case MOPS_ASSETS_EDIT_ADD_TAG:
      _mops_assets_page_reload_sidebar (self);
      refresh_edited (self, edit, FALSE);
      break;
    case MOPS_ASSETS_EDIT_REMOVE_TAG:
      _mops_assets_page_reload_sidebar (self);
      refresh_edited (self, edit, self->tag_filter != NULL);
      break;
    case MOPS_ASSETS_EDIT_TRASH:
      refresh_edited (self, edit, TRUE);
      _mops_assets_page_reload_sidebar (self);
      show_trashed (self, edit);
      break;
    case MOPS_ASSETS_EDIT_RESTORE:
    case MOPS_ASSETS_EDIT_UNDO_TRASH:
      refresh_edited (self, edit, TRUE);
      _mops_assets_page_reload_sidebar (self);
      break;
    case MOPS_ASSETS_EDIT_ADD_TO_COLLECTION:
      _mops_assets_page_reload_sidebar (self);
      show_added_to_collection (self, edit);
      break;
    case MOPS_ASSETS_EDIT_REMOVE_FROM_COLLECTION:
      forget_collection_members (self, edit);
      _mops_assets_page_reload_sidebar (self);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Texts typed in the inspector and not written: a toast names the asset (as the library
 * still calls it) and the inspector keeps the text, to be saved again. */
static void
show_text_fields_error (MopsAssetsPage *self,
                        Edit           *edit,
                        const GError   *error)
{
  gint64 id = g_array_index (edit->ids, gint64, 0);
  g_autoptr(MopsAsset) asset = mops_asset_load (self->library, id, NULL);
  g_autofree char *message = NULL;
  g_autoptr(GError) named = NULL;

  /* Translators: the first %s is an asset's name, the second why its title, creator and
   * description could not be saved */
  message = g_strdup_printf (_("Could not save the details of “%s”: %s"),
                             asset != NULL ? mops_asset_get_display_name (asset) : edit->text, error->message);
  named = g_error_new_literal (error->domain, error->code, message);

  _mops_assets_page_show_error (self, named);
  mops_asset_inspector_keep_unsaved_text (self->inspector, id, edit->text, edit->description, edit->creator);
}

/* The next edit in line, or, when there is none, the application may quit again. */
static void
start_next_edit (MopsAssetsPage *self)
{
  GApplication *application = g_application_get_default ();

  if (!g_queue_is_empty (&self->edits))
    start_edit (self, g_queue_peek_head (&self->edits));
  else if (application != NULL)
    g_application_release (application);
}

static void
on_edit_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(Edit) edit = user_data;
  g_autoptr(MopsAssetsPage) self = g_object_ref (edit->page);
  g_autoptr(GError) error = NULL;
  gboolean done = finish_edit (edit, result, &error);

  g_assert (g_queue_peek_head (&self->edits) == edit);
  g_queue_pop_head (&self->edits);

  if (!g_cancellable_is_cancelled (self->cancellable))
    {
      if (!done && edit->kind == MOPS_ASSETS_EDIT_TEXT_FIELDS)
        show_text_fields_error (self, edit, error);
      else if (!done)
        _mops_assets_page_show_error (self, error);
      if (done || edit->kind == MOPS_ASSETS_EDIT_RESTORE || edit->kind == MOPS_ASSETS_EDIT_UNDO_TRASH)
        show_edit (self, edit);
    }

  start_next_edit (self);
}

static Edit *
edit_new (MopsAssetsPage     *self,
          MopsAssetsEditKind  kind,
          GArray             *ids,
          gint64              number,
          const char         *text)
{
  Edit *edit = g_new0 (Edit, 1);

  edit->page = g_object_ref (self);
  edit->kind = kind;
  edit->ids = g_array_ref (ids);
  edit->number = number;
  edit->text = g_strdup (text != NULL ? text : "");
  return edit;
}

static void
queue_edit (MopsAssetsPage *self,
            Edit           *edit)
{
  GApplication *application = g_application_get_default ();

  /* Edits are written in the order they were made: a rating of 3 then 5 ends at 5. The
   * application stays until the last one is written, even when its window closes first. */
  g_queue_push_tail (&self->edits, edit);
  if (g_queue_get_length (&self->edits) > 1)
    return;

  if (application != NULL)
    g_application_hold (application);
  start_edit (self, edit);
}

void
_mops_assets_page_edit (MopsAssetsPage     *self,
                        MopsAssetsEditKind  kind,
                        GArray             *ids,
                        gint64              number,
                        const char         *text)
{
  g_return_if_fail (ids != NULL);
  g_return_if_fail (kind != MOPS_ASSETS_EDIT_TEXT_FIELDS);

  queue_edit (self, edit_new (self, kind, ids, number, text));
}

void
_mops_assets_page_edit_text_fields (MopsAssetsPage *self,
                                    gint64          id,
                                    const char     *title,
                                    const char     *description,
                                    const char     *creator)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  Edit *edit;

  g_return_if_fail (id > 0);

  g_array_append_val (ids, id);
  edit = edit_new (self, MOPS_ASSETS_EDIT_TEXT_FIELDS, ids, 0, title);
  edit->description = g_strdup (description != NULL ? description : "");
  edit->creator = g_strdup (creator != NULL ? creator : "");
  queue_edit (self, edit);
}
