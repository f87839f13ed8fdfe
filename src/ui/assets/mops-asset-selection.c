/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-asset-selection.c — multiple selection over a MopsAssetList, kept as asset ids */

#include "config.h"

#define G_LOG_DOMAIN "mops-asset-selection"

#include "mops-asset-selection.h"

struct _MopsAssetSelection
{
  GObject        parent_instance;

  MopsAssetList *list;
  GHashTable    *selected;   /* asset ids (gint64 *) */
};

static void list_model_iface_init      (GListModelInterface        *iface);
static void selection_model_iface_init (GtkSelectionModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MopsAssetSelection, mops_asset_selection, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init)
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SELECTION_MODEL, selection_model_iface_init))

/* GListModel: the list's items ------------------------------------------------------------ */

static GType
mops_asset_selection_get_item_type (GListModel *model)
{
  return MOPS_TYPE_ASSET;
}

static guint
mops_asset_selection_get_n_items (GListModel *model)
{
  return g_list_model_get_n_items (G_LIST_MODEL (MOPS_ASSET_SELECTION (model)->list));
}

static gpointer
mops_asset_selection_get_item (GListModel *model,
                               guint       position)
{
  return g_list_model_get_item (G_LIST_MODEL (MOPS_ASSET_SELECTION (model)->list), position);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = mops_asset_selection_get_item_type;
  iface->get_n_items = mops_asset_selection_get_n_items;
  iface->get_item = mops_asset_selection_get_item;
}

/* Selection by id ----------------------------------------------------------------------- */

static gboolean
position_is_selected (MopsAssetSelection *self,
                      guint               position)
{
  gint64 id = mops_asset_list_get_id (self->list, position);

  return id != 0 && g_hash_table_contains (self->selected, &id);
}

/* Selects or unselects the asset at @position; TRUE when that changed anything. */
static gboolean
set_position (MopsAssetSelection *self,
              guint               position,
              gboolean            selected)
{
  gint64 id = mops_asset_list_get_id (self->list, position);

  if (id == 0)
    return FALSE;
  if (selected)
    return g_hash_table_add (self->selected, g_memdup2 (&id, sizeof id));
  return g_hash_table_remove (self->selected, &id);
}

/* Up to this many selected assets are found by id, more by a walk over the list. */
#define FEW 64

/* Keeps the smallest range that covers the positions that changed. */
typedef struct
{
  guint first;
  guint last;
} Changed;

#define CHANGED_NONE { G_MAXUINT, 0 }

static void
changed_add (Changed *changed,
             guint    position)
{
  changed->first = MIN (changed->first, position);
  changed->last = MAX (changed->last, position);
}

static void
changed_emit (MopsAssetSelection *self,
              const Changed      *changed)
{
  if (changed->first <= changed->last)
    gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), changed->first,
                                           changed->last - changed->first + 1);
}

/* Unselects every shown asset outside [@keep_first, @keep_first + @keep_n), and forgets the
 * ids of assets the list no longer shows: "unselect the rest" means all of it. */
static void
unselect_rest (MopsAssetSelection *self,
               guint               keep_first,
               guint               keep_n,
               Changed            *changed)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  g_autoptr(GHashTable) kept = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  if (g_hash_table_size (self->selected) == 0)
    return;

  keep_n = MIN (keep_n, n - MIN (keep_first, n));
  for (guint i = keep_first; i < keep_first + keep_n; i++)
    {
      gint64 id = mops_asset_list_get_id (self->list, i);

      if (g_hash_table_contains (self->selected, &id))
        g_hash_table_add (kept, g_memdup2 (&id, sizeof id));
    }

  /* The positions that lose their selection: looked up for a few (a click after a click),
   * a walk over the ids for many; no asset is read either way. */
  if (g_hash_table_size (self->selected) <= FEW)
    {
      GHashTableIter iter;
      gint64 *id;

      g_hash_table_iter_init (&iter, self->selected);
      while (g_hash_table_iter_next (&iter, (gpointer *) &id, NULL))
        {
          guint i = mops_asset_list_find (self->list, *id);

          if (i != G_MAXUINT && (i < keep_first || i >= keep_first + keep_n))
            changed_add (changed, i);
        }
    }
  else
    {
      for (guint i = 0; i < n; i++)
        {
          if ((i < keep_first || i >= keep_first + keep_n) && position_is_selected (self, i))
            changed_add (changed, i);
        }
    }

  g_hash_table_unref (self->selected);
  self->selected = g_steal_pointer (&kept);
}

static gboolean
mops_asset_selection_is_selected (GtkSelectionModel *model,
                                  guint              position)
{
  return position_is_selected (MOPS_ASSET_SELECTION (model), position);
}

static GtkBitset *
mops_asset_selection_get_selection_in_range (GtkSelectionModel *model,
                                             guint              position,
                                             guint              n_items)
{
  MopsAssetSelection *self = MOPS_ASSET_SELECTION (model);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  GtkBitset *bitset = gtk_bitset_new_empty ();

  if (g_hash_table_size (self->selected) == 0)
    return bitset;

  for (guint i = position; i < MIN (n, position + n_items); i++)
    {
      if (position_is_selected (self, i))
        gtk_bitset_add (bitset, i);
    }

  return bitset;
}

/* Selects or unselects the positions from @position on, @n_items of them (clamped to the
 * list). */
static void
set_range (MopsAssetSelection *self,
           guint               position,
           guint               n_items,
           gboolean            selected,
           Changed            *changed)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  guint end = position + MIN (n_items, n - MIN (position, n));

  for (guint i = position; i < end; i++)
    {
      if (set_position (self, i, selected))
        changed_add (changed, i);
    }
}

static gboolean
mops_asset_selection_select_range (GtkSelectionModel *model,
                                   guint              position,
                                   guint              n_items,
                                   gboolean           unselect_others)
{
  MopsAssetSelection *self = MOPS_ASSET_SELECTION (model);
  Changed changed = CHANGED_NONE;

  if (unselect_others)
    unselect_rest (self, position, n_items, &changed);
  set_range (self, position, n_items, TRUE, &changed);

  changed_emit (self, &changed);
  return TRUE;
}

static gboolean
mops_asset_selection_unselect_range (GtkSelectionModel *model,
                                     guint              position,
                                     guint              n_items)
{
  MopsAssetSelection *self = MOPS_ASSET_SELECTION (model);
  Changed changed = CHANGED_NONE;

  set_range (self, position, n_items, FALSE, &changed);

  changed_emit (self, &changed);
  return TRUE;
}

static gboolean
mops_asset_selection_select_item (GtkSelectionModel *model,
                                  guint              position,
                                  gboolean           unselect_rest)
{
  return mops_asset_selection_select_range (model, position, 1, unselect_rest);
}

static gboolean
mops_asset_selection_unselect_item (GtkSelectionModel *model,
                                    guint              position)
{
  return mops_asset_selection_unselect_range (model, position, 1);
}

static gboolean
mops_asset_selection_select_all (GtkSelectionModel *model)
{
  return mops_asset_selection_select_range (model, 0, g_list_model_get_n_items (G_LIST_MODEL (model)),
                                            FALSE);
}

static gboolean
mops_asset_selection_unselect_all (GtkSelectionModel *model)
{
  MopsAssetSelection *self = MOPS_ASSET_SELECTION (model);
  Changed changed = CHANGED_NONE;

  unselect_rest (self, 0, 0, &changed);
  changed_emit (self, &changed);
  return TRUE;
}

static gboolean
mops_asset_selection_set_selection (GtkSelectionModel *model,
                                    GtkBitset         *selected,
                                    GtkBitset         *mask)
{
  MopsAssetSelection *self = MOPS_ASSET_SELECTION (model);
  Changed changed = CHANGED_NONE;
  GtkBitsetIter iter;
  guint position;

  if (gtk_bitset_iter_init_first (&iter, mask, &position))
    do
      {
        if (set_position (self, position, gtk_bitset_contains (selected, position)))
          changed_add (&changed, position);
      }
    while (gtk_bitset_iter_next (&iter, &position));

  changed_emit (self, &changed);
  return TRUE;
}

static void
selection_model_iface_init (GtkSelectionModelInterface *iface)
{
  iface->is_selected = mops_asset_selection_is_selected;
  iface->get_selection_in_range = mops_asset_selection_get_selection_in_range;
  iface->select_item = mops_asset_selection_select_item;
  iface->unselect_item = mops_asset_selection_unselect_item;
  iface->select_range = mops_asset_selection_select_range;
  iface->unselect_range = mops_asset_selection_unselect_range;
  iface->select_all = mops_asset_selection_select_all;
  iface->unselect_all = mops_asset_selection_unselect_all;
  iface->set_selection = mops_asset_selection_set_selection;
}

/* GObject --------------------------------------------------------------------------------- */

static void
on_items_changed_cb (GListModel         *list,
                     guint               position,
                     guint               removed,
                     guint               added,
                     MopsAssetSelection *self)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static void
mops_asset_selection_dispose (GObject *object)
{
  MopsAssetSelection *self = MOPS_ASSET_SELECTION (object);

  if (self->list != NULL)
    g_signal_handlers_disconnect_by_func (self->list, on_items_changed_cb, self);
  g_clear_object (&self->list);

  G_OBJECT_CLASS (mops_asset_selection_parent_class)->dispose (object);
}

static void
mops_asset_selection_finalize (GObject *object)
{
  MopsAssetSelection *self = MOPS_ASSET_SELECTION (object);

  g_clear_pointer (&self->selected, g_hash_table_unref);

  G_OBJECT_CLASS (mops_asset_selection_parent_class)->finalize (object);
}

static void
mops_asset_selection_class_init (MopsAssetSelectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mops_asset_selection_dispose;
  object_class->finalize = mops_asset_selection_finalize;
}

static void
mops_asset_selection_init (MopsAssetSelection *self)
{
  self->selected = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

MopsAssetSelection *
mops_asset_selection_new (MopsAssetList *list)
{
  MopsAssetSelection *self;

  g_return_val_if_fail (MOPS_IS_ASSET_LIST (list), NULL);

  self = g_object_new (MOPS_TYPE_ASSET_SELECTION, NULL);
  self->list = g_object_ref (list);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed_cb), self);

  return self;
}

void
mops_asset_selection_forget_hidden (MopsAssetSelection *self)
{
  g_autoptr(GHashTable) shown = NULL;
  GHashTableIter iter;
  gpointer id;
  guint n;

  g_return_if_fail (MOPS_IS_ASSET_SELECTION (self));

  if (g_hash_table_size (self->selected) == 0)
    return;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  shown = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < n; i++)
    {
      gint64 *key = g_hash_table_lookup (self->selected, &(gint64) { mops_asset_list_get_id (self->list, i) });

      if (key != NULL)
        g_hash_table_add (shown, key);
    }

  g_hash_table_iter_init (&iter, self->selected);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    if (!g_hash_table_contains (shown, id))
      g_hash_table_iter_remove (&iter);
}
