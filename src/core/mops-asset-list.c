/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-asset-list.c — a GListModel of asset ids that makes MopsAsset items on demand */

#include "config.h"

#define G_LOG_DOMAIN "mops-asset-list"

#include <string.h>

#include "mops-asset-list.h"

/* Enough for several screens of thumbnails at the smallest zoom. */
#define CACHE_SIZE 1024
#define WINDOW     128   /* assets read at once; far fewer than CACHE_SIZE */
#define LARGE      2048  /* a replacement by more rows than this is told in two steps */

struct _MopsAssetList
{
  GObject      parent_instance;

  MopsLibrary *library;
  GArray      *ids;
  GHashTable  *positions;  /* id → position + 1, built lazily for find() */
  GHashTable  *cache;      /* id → MopsAsset */
  GQueue       order;      /* ids in the cache, most recent first (gint64 *) */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MopsAssetList, mops_asset_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
mops_asset_list_get_item_type (GListModel *model)
{
  return MOPS_TYPE_ASSET;
}

static guint
mops_asset_list_get_n_items (GListModel *model)
{
  return MOPS_ASSET_LIST (model)->ids->len;
}

static void
forget_oldest (MopsAssetList *self)
{
  while (g_queue_get_length (&self->order) > CACHE_SIZE)
    {
      gint64 *id = g_queue_pop_tail (&self->order);

      g_hash_table_remove (self->cache, id);
      g_free (id);
    }
}

/* A view asks for the rows around the one it needs next (a screen of a grid, a jump of the
 * scrollbar): the assets not cached in WINDOW positions from @position are read in one query. */
static void
load_window (MopsAssetList *self,
             guint          position)
{
  guint start = position >= WINDOW / 4 ? position - WINDOW / 4 : 0;
  guint end = MIN (self->ids->len, start + WINDOW);
  g_autoptr(GArray) missing = g_array_sized_new (FALSE, FALSE, sizeof (gint64), WINDOW);
  g_autoptr(GPtrArray) assets = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = start; i < end; i++)
    {
      gint64 id = g_array_index (self->ids, gint64, i);

      if (!g_hash_table_contains (self->cache, &id))
        g_array_append_val (missing, id);
    }

  assets = mops_asset_load_many (self->library, (const gint64 *) (void *) missing->data, missing->len, &error);
  if (assets == NULL)
    {
      g_warning ("Could not read assets: %s", error->message);
      return;
    }

  for (guint i = 0; i < assets->len; i++)
    {
      MopsAsset *asset = g_ptr_array_index (assets, i);
      gint64 id = mops_asset_get_id (asset);

      g_hash_table_insert (self->cache, g_memdup2 (&id, sizeof id), g_object_ref (asset));
      g_queue_push_head (&self->order, g_memdup2 (&id, sizeof id));
    }
  forget_oldest (self);
}

static gpointer
mops_asset_list_get_item (GListModel *model,
                          guint       position)
{
  MopsAssetList *self = MOPS_ASSET_LIST (model);
  g_autoptr(GError) error = NULL;
  MopsAsset *asset;
  gint64 id;

  if (position >= self->ids->len)
    return NULL;

  id = g_array_index (self->ids, gint64, position);
  asset = g_hash_table_lookup (self->cache, &id);
  if (asset != NULL)
    return g_object_ref (asset);

  load_window (self, position);

  asset = g_hash_table_lookup (self->cache, &id);
  if (asset == NULL)
    {
      /* Deleted behind our back (another process): the next refresh drops it. */
      g_debug ("Asset %" G_GINT64_FORMAT " is gone", id);
      return NULL;
    }

  return g_object_ref (asset);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = mops_asset_list_get_item_type;
  iface->get_n_items = mops_asset_list_get_n_items;
  iface->get_item = mops_asset_list_get_item;
}

static int
compare_positions (gconstpointer a,
                   gconstpointer b)
{
  guint pa = *(const guint *) a, pb = *(const guint *) b;

  return (pa > pb) - (pa < pb);
}

static void
clear_cache (MopsAssetList *self)
{
  g_hash_table_remove_all (self->cache);
  g_queue_clear_full (&self->order, g_free);
}

static void
mops_asset_list_finalize (GObject *object)
{
  MopsAssetList *self = (MopsAssetList *) object;

  clear_cache (self);
  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_clear_pointer (&self->positions, g_hash_table_unref);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_object (&self->library);

  G_OBJECT_CLASS (mops_asset_list_parent_class)->finalize (object);
}

static void
mops_asset_list_class_init (MopsAssetListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mops_asset_list_finalize;
}

static void
mops_asset_list_init (MopsAssetList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  g_queue_init (&self->order);
}

MopsAssetList *
mops_asset_list_new (MopsLibrary *library)
{
  MopsAssetList *self;

  g_return_val_if_fail (MOPS_IS_LIBRARY (library), NULL);

  self = g_object_new (MOPS_TYPE_ASSET_LIST, NULL);
  self->library = g_object_ref (library);
  return self;
}

void
mops_asset_list_set_ids (MopsAssetList *self,
                         GArray        *ids)
{
  g_autoptr(GArray) old_ids = NULL;
  guint prefix = 0, suffix = 0;
  guint removed, added;

  g_return_if_fail (MOPS_IS_ASSET_LIST (self));
  g_return_if_fail (ids != NULL);

  /* The cache stays: the rows outside the change keep the items views were given, and an
   * edit announces itself (mops_asset_list_invalidate_many()), so it must find them. */
  old_ids = g_steal_pointer (&self->ids);
  g_clear_pointer (&self->positions, g_hash_table_unref);

  /* Only the rows between what the old and new lists start and end with have changed (one
   * asset trashed from 100,000: one row), so the view keeps its place and its other rows. */
  while (prefix < MIN (old_ids->len, ids->len) &&
         g_array_index (old_ids, gint64, prefix) == g_array_index (ids, gint64, prefix))
    prefix++;
  while (suffix < MIN (old_ids->len, ids->len) - prefix &&
         g_array_index (old_ids, gint64, old_ids->len - 1 - suffix) ==
         g_array_index (ids, gint64, ids->len - 1 - suffix))
    suffix++;
  removed = old_ids->len - prefix - suffix;
  added = ids->len - prefix - suffix;

  /* A view that sees rows replaced looks for each of its old items among all the new ones
   * (GTK 4.8), reading every new item: 100,000 of them when a search is cleared. Told
   * "these are gone" first, then "these are new", it only makes the rows it shows. */
  if (removed > 0 && added > LARGE)
    {
      self->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), prefix + suffix);
      g_array_append_vals (self->ids, old_ids->data, prefix);
      g_array_append_vals (self->ids, &g_array_index (old_ids, gint64, old_ids->len - suffix), suffix);
      g_list_model_items_changed (G_LIST_MODEL (self), prefix, removed, 0);
      g_array_unref (self->ids);
      removed = 0;
    }

  self->ids = g_array_ref (ids);
  if (removed > 0 || added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix, removed, added);
}

gboolean
mops_asset_list_extend (MopsAssetList *self,
                        GArray        *ids)
{
  guint old_len;

  g_return_val_if_fail (MOPS_IS_ASSET_LIST (self), FALSE);
  g_return_val_if_fail (ids != NULL, FALSE);

  old_len = self->ids->len;
  if (ids->len < old_len ||
      (old_len > 0 && memcmp (self->ids->data, ids->data, old_len * sizeof (gint64)) != 0))
    return FALSE;

  g_array_unref (self->ids);
  self->ids = g_array_ref (ids);
  g_clear_pointer (&self->positions, g_hash_table_unref);

  if (ids->len > old_len)
    g_list_model_items_changed (G_LIST_MODEL (self), old_len, 0, ids->len - old_len);
  return TRUE;
}

gint64
mops_asset_list_get_id (MopsAssetList *self,
                        guint          position)
{
  g_return_val_if_fail (MOPS_IS_ASSET_LIST (self), 0);

  if (position >= self->ids->len)
    return 0;

  return g_array_index (self->ids, gint64, position);
}

guint
mops_asset_list_find (MopsAssetList *self,
                      gint64         id)
{
  gpointer value;

  g_return_val_if_fail (MOPS_IS_ASSET_LIST (self), G_MAXUINT);

  if (self->positions == NULL)
    {
      self->positions = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, NULL);
      for (guint i = 0; i < self->ids->len; i++)
        g_hash_table_insert (self->positions, &g_array_index (self->ids, gint64, i),
                             GUINT_TO_POINTER (i + 1));
    }

  value = g_hash_table_lookup (self->positions, &id);
  return value != NULL ? GPOINTER_TO_UINT (value) - 1 : G_MAXUINT;
}

void
mops_asset_list_invalidate_many (MopsAssetList *self,
                                 const gint64  *ids,
                                 guint          n_ids)
{
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (guint));

  g_return_if_fail (MOPS_IS_ASSET_LIST (self));
  g_return_if_fail (ids != NULL || n_ids == 0);

  /* An asset no view asked for lately is not cached, nor shown: the next read is fresh. */
  for (guint i = 0; i < n_ids; i++)
    {
      if (g_hash_table_remove (self->cache, &ids[i]))
        {
          guint position = mops_asset_list_find (self, ids[i]);

          if (position != G_MAXUINT)
            g_array_append_val (positions, position);
        }
    }

  /* One items-changed for each run of neighbouring rows. */
  g_array_sort (positions, compare_positions);
  for (guint i = 0; i < positions->len; )
    {
      guint first = g_array_index (positions, guint, i);
      guint n = 1;

      while (i + n < positions->len && g_array_index (positions, guint, i + n) == first + n)
        n++;
      g_list_model_items_changed (G_LIST_MODEL (self), first, n, n);
      i += n;
    }
}

void
mops_asset_list_invalidate (MopsAssetList *self,
                            gint64         id)
{
  guint position;

  g_return_if_fail (MOPS_IS_ASSET_LIST (self));

  g_hash_table_remove (self->cache, &id);
  position = mops_asset_list_find (self, id);
  if (position != G_MAXUINT)
    g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
}
