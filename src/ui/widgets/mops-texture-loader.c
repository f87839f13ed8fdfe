/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-texture-loader.c — thumbnails for pictures in grids and lists, decoded off the main thread */

#include "config.h"

#define G_LOG_DOMAIN "mops-texture-loader"

#include "mops-texture-loader.h"

/* One worker: the window's drawing keeps the other core. */
#define MAX_RUNNING 1

/* The key a picture shows, set by mops_texture_loader_show(). */
#define PICTURE_KEY "mops-texture-key"

struct _MopsTextureLoader
{
  GObject       parent_instance;

  guint         cache_size;
  GHashTable   *textures;     /* key → GdkTexture */
  GQueue        order;        /* keys, the newest first */

  GQueue        jobs;         /* GTasks waiting for the worker, the newest first */
  GHashTable   *pending;      /* key → its GTask, queued or running */
  GHashTable   *missing;      /* GtkPicture (weak) → Missing: asked for a file not there yet */
  guint         running;
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (MopsTextureLoader, mops_texture_loader, G_TYPE_OBJECT)

/* One file to load, for every picture that asked for it while it was pending. */
typedef struct
{
  char      *key;
  char      *path;
  GPtrArray *pictures;   /* GWeakRef to GtkPicture; only the main thread looks at them */
  gboolean   stale;      /* set before the task runs: no picture shows the key any more */
  GList     *link;       /* in the loader's jobs while queued, else NULL */
} Request;

static void
weak_ref_free (GWeakRef *ref)
{
  g_weak_ref_clear (ref);
  g_free (ref);
}

static void
request_free (Request *request)
{
  g_ptr_array_unref (request->pictures);
  g_free (request->key);
  g_free (request->path);
  g_free (request);
}

/* A picture that asked for a file that was not there yet. */
typedef struct
{
  GWeakRef  picture;
  char     *key;
  char     *path;
} Missing;

static void
missing_free (Missing *missing)
{
  g_weak_ref_clear (&missing->picture);
  g_free (missing->key);
  g_free (missing->path);
  g_free (missing);
}

static void
request_add_picture (Request    *request,
                     GtkPicture *picture)
{
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  g_weak_ref_init (ref, picture);
  g_ptr_array_add (request->pictures, ref);
}

static gboolean
picture_shows (GtkPicture *picture,
               const char *key)
{
  return picture != NULL && g_strcmp0 (g_object_get_data (G_OBJECT (picture), PICTURE_KEY), key) == 0;
}

/* The pictures of @request that still show its key. */
static GPtrArray *
request_dup_pictures (Request *request)
{
  GPtrArray *pictures = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < request->pictures->len; i++)
    {
      GtkPicture *picture = g_weak_ref_get (g_ptr_array_index (request->pictures, i));

      if (picture_shows (picture, request->key) && !g_ptr_array_find (pictures, picture, NULL))
        g_ptr_array_add (pictures, picture);
      else
        g_clear_object (&picture);
    }

  return pictures;
}

static void
remember (MopsTextureLoader *self,
          const char        *key,
          GdkTexture        *texture)
{
  if (g_hash_table_replace (self->textures, g_strdup (key), g_object_ref (texture)))
    g_queue_push_head (&self->order, g_strdup (key));

  while (g_queue_get_length (&self->order) > self->cache_size)
    {
      g_autofree char *oldest = g_queue_pop_tail (&self->order);

      g_hash_table_remove (self->textures, oldest);
    }
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Request *request = task_data;
  g_autoptr(GError) error = NULL;
  GdkTexture *texture;

  if (g_task_return_error_if_cancelled (task))
    return;
  if (request->stale)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "stale");
      return;
    }

  texture = gdk_texture_new_from_filename (request->path, &error);
  if (texture == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, texture, g_object_unref);
}

/* The newest job, out of the queue (the caller owns it). */
static GTask *
pop_job (MopsTextureLoader *self)
{
  GList *link = g_queue_pop_head_link (&self->jobs);
  GTask *task = link->data;
  Request *request = g_task_get_task_data (task);

  g_assert (request->link == link);
  request->link = NULL;
  g_list_free_1 (link);

  return task;
}

static void
run_jobs (MopsTextureLoader *self)
{
  while (self->running < MAX_RUNNING && !g_queue_is_empty (&self->jobs))
    {
      g_autoptr(GTask) task = pop_job (self);
      Request *request = g_task_get_task_data (task);
      g_autoptr(GPtrArray) pictures = request_dup_pictures (request);

      request->stale = pictures->len == 0;
      self->running++;
      g_task_run_in_thread (task, load_thread);
    }
}

static void
on_loaded_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(MopsTextureLoader) self = user_data;
  Request *request = g_task_get_task_data (G_TASK (result));
  g_autoptr(GdkTexture) texture = g_task_propagate_pointer (G_TASK (result), NULL);
  g_autoptr(GPtrArray) pictures = NULL;

  self->running--;
  g_hash_table_remove (self->pending, request->key);
  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  run_jobs (self);

  if (texture == NULL)
    return;

  remember (self, request->key, texture);
  pictures = request_dup_pictures (request);
  for (guint i = 0; i < pictures->len; i++)
    gtk_picture_set_paintable (g_ptr_array_index (pictures, i), GDK_PAINTABLE (texture));
}

GdkTexture *
mops_texture_loader_lookup (MopsTextureLoader *self,
                            const char        *key)
{
  g_return_val_if_fail (MOPS_IS_TEXTURE_LOADER (self), NULL);

  return key != NULL ? g_hash_table_lookup (self->textures, key) : NULL;
}

gboolean
mops_texture_loader_show (MopsTextureLoader *self,
                          GtkPicture        *picture,
                          const char        *key,
                          const char        *path,
                          const char        *stand_in_key)
{
  GdkTexture *cached;
  Request *request;
  GTask *task;

  g_return_val_if_fail (MOPS_IS_TEXTURE_LOADER (self), FALSE);
  g_return_val_if_fail (GTK_IS_PICTURE (picture), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  g_object_set_data_full (G_OBJECT (picture), PICTURE_KEY, g_strdup (key), g_free);
  g_hash_table_remove (self->missing, picture);

  cached = mops_texture_loader_lookup (self, key);
  if (cached != NULL)
    {
      gtk_picture_set_paintable (picture, GDK_PAINTABLE (cached));
      return TRUE;
    }

  gtk_picture_set_paintable (picture, GDK_PAINTABLE (mops_texture_loader_lookup (self, stand_in_key)));
  if (g_cancellable_is_cancelled (self->cancellable))
    return FALSE;

  /* Asked for already (a row bound again): one load serves both, and moves to the front. */
  task = g_hash_table_lookup (self->pending, key);
  if (task != NULL)
    {
      Request *pending = g_task_get_task_data (task);

      request_add_picture (pending, picture);
      if (pending->link != NULL)
        {
          g_queue_unlink (&self->jobs, pending->link);
          g_queue_push_head_link (&self->jobs, pending->link);
        }
      return TRUE;
    }

  if (path == NULL)
    return FALSE;
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      Missing *missing = g_new0 (Missing, 1);

      g_weak_ref_init (&missing->picture, picture);
      missing->key = g_strdup (key);
      missing->path = g_strdup (path);
      g_hash_table_replace (self->missing, picture, missing);
      return FALSE;
    }

  request = g_new0 (Request, 1);
  request->key = g_strdup (key);
  request->path = g_strdup (path);
  request->pictures = g_ptr_array_new_with_free_func ((GDestroyNotify) weak_ref_free);
  request_add_picture (request, picture);

  task = g_task_new (NULL, self->cancellable, on_loaded_cb, g_object_ref (self));
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);
  g_hash_table_insert (self->pending, g_strdup (key), task);
  request->link = g_list_alloc ();
  request->link->data = task;
  g_queue_push_head_link (&self->jobs, request->link);
  run_jobs (self);

  return TRUE;
}

void
mops_texture_loader_retry (MopsTextureLoader *self)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) missing_free);
  GHashTableIter iter;
  Missing *missing;

  g_return_if_fail (MOPS_IS_TEXTURE_LOADER (self));

  g_hash_table_iter_init (&iter, self->missing);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &missing))
    {
      g_autoptr(GtkPicture) picture = g_weak_ref_get (&missing->picture);

      if (!picture_shows (picture, missing->key))
        g_hash_table_iter_remove (&iter);
      else if (g_file_test (missing->path, G_FILE_TEST_IS_REGULAR))
        {
          g_hash_table_iter_steal (&iter);
          g_ptr_array_add (found, missing);
        }
    }

  for (guint i = 0; i < found->len; i++)
    {
      Missing *m = g_ptr_array_index (found, i);
      g_autoptr(GtkPicture) picture = g_weak_ref_get (&m->picture);

      if (picture != NULL)
        mops_texture_loader_show (self, picture, m->key, m->path, NULL);
    }
}

void
mops_texture_loader_clear (MopsTextureLoader *self,
                           GtkPicture        *picture)
{
  g_return_if_fail (MOPS_IS_TEXTURE_LOADER (self));
  g_return_if_fail (GTK_IS_PICTURE (picture));

  g_hash_table_remove (self->missing, picture);
  g_object_set_data (G_OBJECT (picture), PICTURE_KEY, NULL);
  gtk_picture_set_paintable (picture, NULL);
}

gboolean
mops_texture_loader_is_busy (MopsTextureLoader *self)
{
  g_return_val_if_fail (MOPS_IS_TEXTURE_LOADER (self), FALSE);

  return g_hash_table_size (self->pending) > 0;
}

void
mops_texture_loader_cancel (MopsTextureLoader *self)
{
  g_return_if_fail (MOPS_IS_TEXTURE_LOADER (self));

  g_cancellable_cancel (self->cancellable);

  /* Queued loads finish at once (cancelled), which frees their requests. */
  while (!g_queue_is_empty (&self->jobs))
    {
      g_autoptr(GTask) task = pop_job (self);

      self->running++;
      g_task_run_in_thread (task, load_thread);
    }
}

static void
mops_texture_loader_finalize (GObject *object)
{
  MopsTextureLoader *self = MOPS_TEXTURE_LOADER (object);

  g_assert (g_queue_is_empty (&self->jobs));

  g_clear_pointer (&self->textures, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_hash_table_unref);
  g_clear_pointer (&self->missing, g_hash_table_unref);
  g_queue_clear_full (&self->order, g_free);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (mops_texture_loader_parent_class)->finalize (object);
}

static void
mops_texture_loader_class_init (MopsTextureLoaderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mops_texture_loader_finalize;
}

static void
mops_texture_loader_init (MopsTextureLoader *self)
{
  self->textures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_queue_init (&self->order);
  g_queue_init (&self->jobs);
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->missing = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) missing_free);
  self->cancellable = g_cancellable_new ();
}

MopsTextureLoader *
mops_texture_loader_new (guint cache_size)
{
  MopsTextureLoader *self = g_object_new (MOPS_TYPE_TEXTURE_LOADER, NULL);

  self->cache_size = MAX (cache_size, 1);
  return self;
}
