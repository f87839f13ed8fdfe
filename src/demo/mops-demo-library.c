/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-demo-library.c — making sure the demo library exists, in a worker, with progress */

#include "config.h"

#define G_LOG_DOMAIN "mops-demo-library"

#include <errno.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "core/mops-error.h"
#include "core/mops-library.h"
#include "mops-demo-library.h"
#include "mops-demo.h"

/* Shared by the worker and the main context. Progress reports are coalesced: the worker
 * stores the latest one and schedules at most one idle at a time. */
typedef struct
{
  char                        *path;
  GMainContext                *context;
  MopsDemoLibraryProgressFunc  progress;
  gpointer                     progress_data;

  GMutex                       mutex;
  double                       fraction;
  char                        *what;
  gboolean                     idle_pending;
  gboolean                     finished;
} PrepareState;

static void
prepare_state_clear (gpointer data)
{
  PrepareState *state = data;

  g_free (state->path);
  g_main_context_unref (state->context);
  g_mutex_clear (&state->mutex);
  g_free (state->what);
}

static void
prepare_state_release (gpointer data)
{
  g_atomic_rc_box_release_full (data, prepare_state_clear);
}

static gboolean
dispatch_progress_cb (gpointer data)
{
  PrepareState *state = data;
  g_autofree char *what = NULL;
  double fraction;
  gboolean finished;

  g_mutex_lock (&state->mutex);
  state->idle_pending = FALSE;
  fraction = state->fraction;
  what = g_steal_pointer (&state->what);
  finished = state->finished;
  g_mutex_unlock (&state->mutex);

  if (!finished && state->progress != NULL)
    state->progress (fraction, what, state->progress_data);

  return G_SOURCE_REMOVE;
}

/* Called from the worker thread by mops_demo_generate(). */
static void
on_generate_progress_cb (double      fraction,
                         const char *what,
                         gpointer    user_data)
{
  PrepareState *state = user_data;
  gboolean schedule;

  g_mutex_lock (&state->mutex);
  state->fraction = fraction;
  if (what != NULL)
    {
      g_free (state->what);
      state->what = g_strdup (what);
    }
  schedule = !state->idle_pending;
  state->idle_pending = TRUE;
  g_mutex_unlock (&state->mutex);

  if (schedule)
    {
      g_autoptr(GSource) source = g_idle_source_new ();

      g_source_set_priority (source, G_PRIORITY_DEFAULT);
      g_source_set_callback (source, dispatch_progress_cb,
                             g_atomic_rc_box_acquire (state), prepare_state_release);
      g_source_set_static_name (source, "[mops] demo progress");
      g_source_attach (source, state->context);
    }
}

static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = NULL;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  if (children != NULL)
    {
      GFile *child;

      while (g_file_enumerator_iterate (children, NULL, &child, NULL, NULL) && child != NULL)
        remove_tree (child);
    }

  g_file_delete (file, NULL, NULL);
}

static gboolean
folder_is_missing_or_empty (const char *path)
{
  g_autoptr(GDir) dir = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;

  dir = g_dir_open (path, 0, NULL);
  return dir != NULL && g_dir_read_name (dir) == NULL;
}

static gboolean
fill_in_place (PrepareState  *state,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(MopsLibrary) library = NULL;

  library = mops_library_open (state->path, MOPS_LIBRARY_OPEN_LOCK, error);
  if (library == NULL)
    return FALSE;

  if (!mops_library_is_empty (library))
    return TRUE;

  return mops_demo_generate (library, on_generate_progress_cb, state, cancellable, error);
}

static gboolean
generate_beside (PrepareState  *state,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autofree char *parent = g_path_get_dirname (state->path);
  g_autofree char *staging = NULL;
  g_autoptr(GFile) staging_file = NULL;
  g_autoptr(MopsLibrary) library = NULL;
  gboolean ok;

  if (g_mkdir_with_parents (parent, 0755) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (parent);

      g_set_error (error, MOPS_ERROR, MOPS_ERROR_IO,
                   _("Could not create the folder “%s”: %s"),
                   display, g_strerror (saved_errno));
      return FALSE;
    }

  staging = g_build_filename (parent, ".demo-XXXXXX", NULL);
  if (g_mkdtemp (staging) == NULL)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (parent);

      g_set_error (error, MOPS_ERROR, MOPS_ERROR_IO,
                   _("Could not create the folder “%s”: %s"),
                   display, g_strerror (saved_errno));
      return FALSE;
    }
  staging_file = g_file_new_for_path (staging);

  library = mops_library_open (staging, MOPS_LIBRARY_OPEN_CREATE | MOPS_LIBRARY_OPEN_LOCK, error);
  ok = library != NULL &&
       mops_demo_generate (library, on_generate_progress_cb, state, cancellable, error);
  g_clear_object (&library);

  if (ok && g_file_test (state->path, G_FILE_TEST_IS_DIR))
    g_rmdir (state->path);

  if (ok && g_rename (staging, state->path) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (state->path);

      g_set_error (error, MOPS_ERROR, MOPS_ERROR_IO,
                   _("Could not create the demo library “%s”: %s"),
                   display, g_strerror (saved_errno));
      ok = FALSE;
    }

  if (!ok)
    remove_tree (staging_file);

  return ok;
}

static void
prepare_worker (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  PrepareState *state = task_data;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (mops_library_path_has_database (state->path))
    ok = fill_in_place (state, cancellable, &error);
  else if (folder_is_missing_or_empty (state->path))
    ok = generate_beside (state, cancellable, &error);
  else
    {
      /* A folder with other things in it: let the library say why it will not do. */
      MopsLibrary *library = mops_library_open (state->path, MOPS_LIBRARY_OPEN_DEFAULT, &error);

      g_clear_object (&library);
      ok = error == NULL && fill_in_place (state, cancellable, &error);
    }

  g_mutex_lock (&state->mutex);
  state->finished = TRUE;
  g_mutex_unlock (&state->mutex);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

void
mops_demo_library_prepare_async (const char                  *path,
                                 MopsDemoLibraryProgressFunc  progress,
                                 gpointer                     progress_data,
                                 GCancellable                *cancellable,
                                 GAsyncReadyCallback          callback,
                                 gpointer                     user_data)
{
  g_autoptr(GTask) task = NULL;
  PrepareState *state;

  g_return_if_fail (path != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  state = g_atomic_rc_box_new0 (PrepareState);
  state->path = g_strdup (path);
  state->context = g_main_context_ref_thread_default ();
  state->progress = progress;
  state->progress_data = progress_data;
  g_mutex_init (&state->mutex);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, mops_demo_library_prepare_async);
  g_task_set_name (task, "[mops] prepare demo library");
  g_task_set_task_data (task, state, prepare_state_release);
  g_task_run_in_thread (task, prepare_worker);
}

gboolean
mops_demo_library_prepare_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
