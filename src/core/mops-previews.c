/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-previews.c — thumbnails and header metadata for assets, through mops-probe workers */

#include "config.h"

#define G_LOG_DOMAIN "mops-previews"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "mops-asset-store-private.h"
#include "mops-asset-store.h"
#include "mops-db-private.h"
#include "mops-error.h"
#include "mops-library-private.h"
#include "mops-licence-metadata-private.h"
#include "mops-licence-metadata.h"
#include "mops-previews-private.h"
#include "mops-previews.h"
#include "mops-probe-client.h"
#include "mops-tags-private.h"
#include "mops-tags.h"

/* Per file: a decoder that needs longer is stuck (or hostile). */
#define PROBE_TIMEOUT_MS 20000
#define WRITE_BATCH      64

typedef struct
{
  gint64   id;
  char    *path;
  char    *sha256;
  char    *mime;
  char    *name;
  gboolean pending;       /* metadata not read yet */
} Job;

typedef struct
{
  Job        *job;
  JsonObject *reply;      /* NULL when the helper failed */
  char       *error;      /* the helper's failure */
  gboolean    timed_out;
  gboolean    cancelled;  /* stopped half-way: nothing to say about the file */
} Result;

typedef struct
{
  GPtrArray     *jobs;
  guint          next;
  GMutex         lock;
  GAsyncQueue   *results;
  GCancellable  *cancellable;
  char          *thumbs_dir;
  MopsThumbSizes sizes;
  const char    *legacy_charset;
  guint          timeout_ms;
} Work;

void
mops_preview_report_free (MopsPreviewReport *report)
{
  if (report == NULL)
    return;

  g_ptr_array_unref (report->cannot_preview);
  g_free (report);
}

static void
problem_free (MopsPreviewProblem *problem)
{
  g_free (problem->code);
  g_free (problem->error);
  g_free (problem);
}

static void
job_free (Job *job)
{
  g_free (job->path);
  g_free (job->sha256);
  g_free (job->mime);
  g_free (job->name);
  g_free (job);
}

char *
mops_previews_thumbnail_path (MopsLibrary *library,
                              const char  *sha256,
                              int          size)
{
  g_autofree char *relative = g_strdup_printf ("thumbs/%d/%.2s/%s.png", size, sha256, sha256);

  return mops_library_build_path (library, relative);
}

gboolean
mops_previews_has_picture (const char *mime)
{
  if (mime == NULL)
    return FALSE;

  return g_str_has_prefix (mime, "image/") || g_str_has_prefix (mime, "video/") ||
         g_str_has_prefix (mime, "text/") || g_str_has_prefix (mime, "font/") ||
         g_str_equal (mime, "application/pdf") || g_str_equal (mime, "application/illustrator") ||
         g_str_equal (mime, "application/vnd.ms-opentype") ||
         g_str_equal (mime, "application/x-font-ttf") || g_str_equal (mime, "application/x-font-otf");
}

/* The legacy code page of the UI language, for IPTC text without a character set (§12). */
static const char *
legacy_charset (void)
{
  const char * const *languages = g_get_language_names ();

  for (guint i = 0; languages[i] != NULL; i++)
    {
      if (g_str_has_prefix (languages[i], "ja"))
        return "CP932";
      if (g_str_has_prefix (languages[i], "ru"))
        return "CP1251";
      if (g_str_has_prefix (languages[i], "ro"))
        return "CP1250";
    }

  return "CP1252";
}

static JsonObject *
build_request (Work *work,
               Job  *job)
{
  JsonObject *request = json_object_new ();
  JsonArray *sizes = json_array_new ();

  if (g_utf8_validate (job->path, -1, NULL))
    json_object_set_string_member (request, "path", job->path);
  else
    {
      g_autofree char *encoded = g_base64_encode ((const guchar *) job->path, strlen (job->path));
      json_object_set_string_member (request, "path_b64", encoded);
    }

  json_object_set_string_member (request, "name", job->name);
  json_object_set_string_member (request, "mime", job->mime);
  json_object_set_string_member (request, "sha256", job->sha256);
  json_object_set_string_member (request, "thumbs_dir", work->thumbs_dir);
  json_object_set_string_member (request, "legacy_charset", work->legacy_charset);
  json_object_set_boolean_member (request, "metadata", job->pending);

  /* Largest first: one decode, the smaller one derived from it. */
  if (work->sizes & MOPS_THUMB_SIZE_512)
    json_array_add_int_element (sizes, 512);
  if (work->sizes & MOPS_THUMB_SIZE_256)
    json_array_add_int_element (sizes, 256);
  if (!mops_previews_has_picture (job->mime))
    {
      json_array_unref (sizes);
      sizes = json_array_new ();
    }
  json_object_set_array_member (request, "sizes", sizes);

  return request;
}

static gpointer
worker_thread (gpointer data)
{
  Work *work = data;
  g_autoptr(MopsProbeClient) client = mops_probe_client_new ();

  for (;;)
    {
      g_autoptr(JsonObject) request = NULL;
      g_autoptr(GError) error = NULL;
      Result *result;
      Job *job = NULL;

      g_mutex_lock (&work->lock);
      if (work->next < work->jobs->len && !g_cancellable_is_cancelled (work->cancellable))
        job = g_ptr_array_index (work->jobs, work->next++);
      g_mutex_unlock (&work->lock);

      if (job == NULL)
        break;

      request = build_request (work, job);

      result = g_new0 (Result, 1);
      result->job = job;
      result->reply = mops_probe_client_request (client, request, work->timeout_ms,
                                                 work->cancellable, &error);
      if (result->reply == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        result->cancelled = TRUE;
      else if (result->reply == NULL)
        {
          result->error = g_strdup (error->message);
          result->timed_out = strstr (error->message, "longer") != NULL;
        }
      g_async_queue_push (work->results, result);
    }

  return NULL;
}

static void
bind_int_or_null (sqlite3_stmt *stmt,
                  int           index,
                  JsonObject   *object,
                  const char   *member)
{
  if (object != NULL && json_object_has_member (object, member))
    sqlite3_bind_int64 (stmt, index, json_object_get_int_member (object, member));
  else
    sqlite3_bind_null (stmt, index);
}

static void
bind_string_or_null (sqlite3_stmt *stmt,
                     int           index,
                     JsonObject   *object,
                     const char   *member)
{
  if (object != NULL && json_object_has_member (object, member))
    sqlite3_bind_text (stmt, index, json_object_get_string_member (object, member), -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

static gboolean
store_meta (sqlite3     *db,
            gint64       id,
            const char  *key,
            guint        seq,
            const char  *value,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    mops_db_prepare (db, "INSERT OR REPLACE INTO asset_meta (asset_id, key, seq, value) VALUES (?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, (int) seq);
  sqlite3_bind_text (stmt, 4, value, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return mops_db_set_error (db, error, _("Could not save the file's metadata"));

  return TRUE;
}

/* "Brand|Logos|Mono" (Lightroom) → the tag path "Brand/Logos/Mono". */
static char *
hierarchical_to_path (const char *value)
{
  g_auto(GStrv) parts = g_strsplit (value, "|", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    g_strstrip (parts[i]);

  return mops_tag_path_join ((const char * const *) parts);
}

static gboolean
apply_metadata (sqlite3     *db,
                Job         *job,
                JsonObject  *metadata,
                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = mops_db_prepare (db,
                          "UPDATE assets SET width = coalesce(?, width), height = coalesce(?, height),"
                          " page_count = coalesce(?, page_count), duration_s = coalesce(?, duration_s),"
                          " created_at = coalesce(created_at, ?), title = coalesce(title, ?),"
                          " creator = coalesce(creator, ?), description = coalesce(description, ?)"
                          " WHERE id = ?",
                          error);
  if (stmt == NULL)
    return FALSE;

  bind_int_or_null (stmt, 1, metadata, "width");
  bind_int_or_null (stmt, 2, metadata, "height");
  bind_int_or_null (stmt, 3, metadata, "page_count");
  if (json_object_has_member (metadata, "duration_s"))
    sqlite3_bind_double (stmt, 4, json_object_get_double_member (metadata, "duration_s"));
  else
    sqlite3_bind_null (stmt, 4);
  bind_int_or_null (stmt, 5, metadata, "created_at");
  bind_string_or_null (stmt, 6, metadata, "title");
  bind_string_or_null (stmt, 7, metadata, "creator");
  bind_string_or_null (stmt, 8, metadata, "description");
  sqlite3_bind_int64 (stmt, 9, job->id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return mops_db_set_error (db, error, _("Could not save the file's metadata"));

  if (json_object_has_member (metadata, "meta"))
    {
      JsonObject *meta = json_object_get_object_member (metadata, "meta");
      g_autoptr(GList) keys = json_object_get_members (meta);

      for (GList *l = keys; l != NULL; l = l->next)
        if (!store_meta (db, job->id, l->data, 0, json_object_get_string_member (meta, l->data), error))
          return FALSE;
    }

  if (json_object_has_member (metadata, "copyright") &&
      !store_meta (db, job->id, "copyright", 0, json_object_get_string_member (metadata, "copyright"), error))
    return FALSE;

  /* Flat keywords are kept and offered as tags; hierarchical ones become tag paths. */
  if (json_object_has_member (metadata, "keywords"))
    {
      JsonArray *keywords = json_object_get_array_member (metadata, "keywords");

      for (guint i = 0; i < json_array_get_length (keywords); i++)
        if (!store_meta (db, job->id, "keywords", i, json_array_get_string_element (keywords, i), error))
          return FALSE;
    }

  if (json_object_has_member (metadata, "hierarchical_keywords"))
    {
      JsonArray *paths = json_object_get_array_member (metadata, "hierarchical_keywords");

      for (guint i = 0; i < json_array_get_length (paths); i++)
        {
          g_autofree char *path = hierarchical_to_path (json_array_get_string_element (paths, i));
          g_autoptr(GError) tag_error = NULL;

          /* A malformed keyword ("A||B") is skipped, not fatal. */
          if (!mops_tags_link_in_transaction (db, path, &job->id, 1, &tag_error) &&
              !g_error_matches (tag_error, MOPS_ERROR, MOPS_ERROR_INVALID))
            {
              g_propagate_error (error, g_steal_pointer (&tag_error));
              return FALSE;
            }
        }
    }

  /* Rights metadata an agency embedded pre-fills a licence to confirm (design §12); in the
   * same transaction as the metadata it comes from. */
  if (!mops_licence_metadata_apply_in_transaction (db, job->id, NULL, error))
    return FALSE;

  return mops_asset_refresh_search_text (db, job->id, error);
}

static gboolean
apply_result (sqlite3            *db,
              Result             *result,
              MopsPreviewReport  *report,
              GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *state = "cannot_preview";
  const char *code = NULL;
  const char *message = NULL;
  g_autofree char *owned_message = NULL;

  if (result->reply == NULL)
    {
      code = result->timed_out ? "timeout" : "crashed";
      owned_message = g_strdup_printf (_("“%s” cannot be previewed: %s"), result->job->name, result->error);
      message = owned_message;
    }
  else
    {
      const char *reply_state = json_object_get_string_member_with_default (result->reply, "preview_state", "none");

      if (result->job->pending && json_object_has_member (result->reply, "metadata") &&
          !apply_metadata (db, result->job, json_object_get_object_member (result->reply, "metadata"), error))
        return FALSE;

      if (g_str_equal (reply_state, "ok") || g_str_equal (reply_state, "none"))
        state = "ok";
      else
        {
          code = json_object_get_string_member_with_default (result->reply, "preview_code", "undecodable");
          message = json_object_get_string_member_with_default (result->reply, "preview_error", "");
        }

      if (g_str_equal (reply_state, "ok"))
        report->generated++;
    }

  if (code != NULL)
    {
      MopsPreviewProblem *problem = g_new0 (MopsPreviewProblem, 1);

      problem->id = result->job->id;
      problem->code = g_strdup (code);
      problem->error = g_strdup (message);
      g_ptr_array_add (report->cannot_preview, problem);
    }

  stmt = mops_db_prepare (db, "UPDATE assets SET preview_state = ?, preview_error = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, state, -1, SQLITE_STATIC);
  mops_db_bind_text_or_null (stmt, 2, message);
  sqlite3_bind_int64 (stmt, 3, result->job->id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return mops_db_set_error (db, error, _("Could not save the preview state"));

  return TRUE;
}

static gboolean
thumbnails_exist (MopsLibrary    *library,
                  const char     *sha256,
                  MopsThumbSizes  sizes)
{
  static const struct { MopsThumbSizes flag; int px; } all[] = {
    { MOPS_THUMB_SIZE_256, 256 }, { MOPS_THUMB_SIZE_512, 512 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      g_autofree char *path = NULL;

      if (!(sizes & all[i].flag))
        continue;

      path = mops_previews_thumbnail_path (library, sha256, all[i].px);
      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return FALSE;
    }

  return TRUE;
}

/* The assets to work on: pending ones always, the others when a thumbnail is missing. */
static GPtrArray *
collect_jobs (MopsLibrary        *library,
              sqlite3            *db,
              const gint64       *ids,
              guint               n_ids,
              MopsThumbSizes      sizes,
              MopsPreviewReport  *report,
              GError            **error)
{
  g_autoptr(GPtrArray) jobs = g_ptr_array_new_with_free_func ((GDestroyNotify) job_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) wanted = NULL;
  int rc;

  if (ids != NULL)
    {
      wanted = g_hash_table_new (g_int64_hash, g_int64_equal);
      for (guint i = 0; i < n_ids; i++)
        g_hash_table_add (wanted, (gpointer) &ids[i]);
    }

  stmt = mops_db_prepare (db,
                          "SELECT id, sha256, stored_path, is_reference, mime, original_name,"
                          " preview_state = 'pending' FROM assets WHERE trashed_at IS NULL ORDER BY id",
                          error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *sha256 = (const char *) sqlite3_column_text (stmt, 1);
      const char *mime = (const char *) sqlite3_column_text (stmt, 4);
      gboolean pending = sqlite3_column_int (stmt, 6) != 0;
      Job *job;

      if (wanted != NULL && !g_hash_table_contains (wanted, &id))
        continue;

      if (!pending && (!mops_previews_has_picture (mime) || thumbnails_exist (library, sha256, sizes)))
        {
          report->skipped++;
          continue;
        }

      job = g_new0 (Job, 1);
      job->id = id;
      job->sha256 = g_strdup (sha256);
      job->mime = g_strdup (mime);
      job->name = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      job->pending = pending;
      if (sqlite3_column_int (stmt, 3))
        job->path = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      else
        job->path = mops_library_build_path (library, (const char *) sqlite3_column_text (stmt, 2));
      g_ptr_array_add (jobs, job);
    }

  if (rc != SQLITE_DONE)
    {
      mops_db_set_error (db, error, _("Could not read the library"));
      return NULL;
    }

  return g_steal_pointer (&jobs);
}

MopsPreviewReport *
mops_previews_run_in_db (MopsLibrary              *library,
                         sqlite3                  *db,
                         const gint64             *ids,
                         guint                     n_ids,
                         MopsThumbSizes            sizes,
                         guint                     n_workers,
                         MopsPreviewProgressFunc   progress,
                         gpointer                  user_data,
                         GCancellable             *cancellable,
                         GError                  **error)
{
  g_autoptr(MopsPreviewReport) report = g_new0 (MopsPreviewReport, 1);
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();
  g_autoptr(GError) write_error = NULL;
  Work work = { 0 };
  guint done = 0;
  guint in_batch = 0;

  g_return_val_if_fail (MOPS_IS_LIBRARY (library), NULL);

  /* Thumbnails and metadata are writes: refused before any file is made. */
  if (mops_library_is_read_only (library))
    {
      g_autofree char *display = mops_library_dup_display_name (library);

      g_set_error (error, MOPS_ERROR, MOPS_ERROR_FAILED,
                   _("“%s” is open read-only: its previews cannot be made"), display);
      return NULL;
    }

  report->cannot_preview = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
  if (sizes == 0)
    sizes = MOPS_THUMB_SIZE_256 | MOPS_THUMB_SIZE_512;

  work.jobs = collect_jobs (library, db, ids, n_ids, sizes, report, error);
  if (work.jobs == NULL)
    return NULL;

  if (work.jobs->len == 0)
    {
      g_ptr_array_unref (work.jobs);
      return g_steal_pointer (&report);
    }

  g_mutex_init (&work.lock);
  work.results = g_async_queue_new ();
  work.cancellable = cancellable;
  work.thumbs_dir = mops_library_build_path (library, "thumbs");
  work.sizes = sizes;
  work.legacy_charset = legacy_charset ();
  work.timeout_ms = PROBE_TIMEOUT_MS;
  if (g_getenv ("MOPS_PROBE_TIMEOUT_MS") != NULL)
    work.timeout_ms = (guint) CLAMP (g_ascii_strtoull (g_getenv ("MOPS_PROBE_TIMEOUT_MS"), NULL, 10), 100, 600000);

  n_workers = CLAMP (n_workers, 1, MIN (8u, work.jobs->len));
  for (guint i = 0; i < n_workers; i++)
    g_ptr_array_add (threads, g_thread_new ("mops-preview", worker_thread, &work));

  /* Results are written here, on the caller's connection, a batch per transaction. */
  for (;;)
    {
      Result *result;
      guint started;

      g_mutex_lock (&work.lock);
      started = work.next;
      g_mutex_unlock (&work.lock);

      if (done >= started && (started >= work.jobs->len || g_cancellable_is_cancelled (cancellable)))
        {
          /* Workers may still be finishing their last file: wait for them. */
          for (guint i = 0; i < threads->len; i++)
            g_thread_join (g_ptr_array_index (threads, i));
          g_ptr_array_set_size (threads, 0);

          g_mutex_lock (&work.lock);
          started = work.next;
          g_mutex_unlock (&work.lock);
          if (done >= started)
            break;
        }

      result = g_async_queue_timeout_pop (work.results, 100 * 1000);
      if (result == NULL)
        continue;

      if (write_error == NULL && !result->cancelled)
        {
          if (in_batch == 0 && !mops_db_begin (db, &write_error))
            in_batch = 0;
          else
            {
              in_batch++;
              if (!apply_result (db, result, report, &write_error))
                {
                  mops_db_rollback (db);
                  in_batch = 0;
                }
              else if (in_batch >= WRITE_BATCH)
                {
                  if (!mops_db_commit (db, &write_error))
                    mops_db_rollback (db);
                  in_batch = 0;
                }
            }
        }

      done++;
      if (progress != NULL)
        progress (done, work.jobs->len, result->job->id, user_data);

      if (result->reply != NULL)
        json_object_unref (result->reply);
      g_free (result->error);
      g_free (result);
    }

  if (in_batch > 0 && write_error == NULL && !mops_db_commit (db, &write_error))
    mops_db_rollback (db);

  report->cancelled = g_cancellable_is_cancelled (cancellable);

  g_async_queue_unref (work.results);
  g_mutex_clear (&work.lock);
  g_free (work.thumbs_dir);
  g_ptr_array_unref (work.jobs);

  if (write_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&write_error));
      return NULL;
    }

  return g_steal_pointer (&report);
}

MopsPreviewReport *
mops_previews_run (MopsLibrary              *library,
                   const gint64             *ids,
                   guint                     n_ids,
                   MopsThumbSizes            sizes,
                   guint                     n_workers,
                   MopsPreviewProgressFunc   progress,
                   gpointer                  user_data,
                   GCancellable             *cancellable,
                   GError                  **error)
{
  g_return_val_if_fail (MOPS_IS_LIBRARY (library), NULL);

  return mops_previews_run_in_db (library, mops_library_get_db (library), ids, n_ids, sizes, n_workers,
                                  progress, user_data, cancellable, error);
}

/* ---- In a worker -------------------------------------------------------------------------- */

typedef struct
{
  GArray                  *ids;           /* NULL: every asset; empty: none */
  MopsThumbSizes           sizes;
  guint                    n_workers;
  MopsPreviewProgressFunc  progress;
  gpointer                 progress_data;
  GMainContext            *context;
  GCancellable            *cancellable;
} RunJob;

typedef struct
{
  RunJob  *job;          /* alive while the task is, and progress sources are its */
  guint    done;
  guint    total;
  gint64   asset_id;
} ProgressCall;

static void
run_job_free (RunJob *job)
{
  g_clear_pointer (&job->ids, g_array_unref);
  g_main_context_unref (job->context);
  g_clear_object (&job->cancellable);
  g_free (job);
}

static gboolean
deliver_progress (gpointer data)
{
  ProgressCall *call = data;

  if (!g_cancellable_is_cancelled (call->job->cancellable))
    call->job->progress (call->done, call->total, call->asset_id, call->job->progress_data);
  return G_SOURCE_REMOVE;
}

static void
forward_progress (guint    done,
                  guint    total,
                  gint64   asset_id,
                  gpointer user_data)
{
  RunJob *job = user_data;
  ProgressCall *call = g_new0 (ProgressCall, 1);
  GSource *source = g_idle_source_new ();

  call->job = job;
  call->done = done;
  call->total = total;
  call->asset_id = asset_id;

  /* An idle source on the caller's context (g_main_context_invoke() would run it here
   * whenever nobody owns that context). The task, which owns @job, is returned on the same
   * context after this source, so the job outlives it. */
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, deliver_progress, call, g_free);
  g_source_attach (source, job->context);
  g_source_unref (source);
}

static gpointer
run_job (MopsLibrary   *library,
         sqlite3       *db,
         gpointer       job_data,
         GCancellable  *cancellable,
         GError       **error)
{
  RunJob *job = job_data;

  /* An empty array's data may be NULL, which would mean every asset. */
  static const gint64 none = 0;
  const gint64 *ids = job->ids == NULL ? NULL : job->ids->len > 0 ? (const gint64 *) job->ids->data : &none;

  return mops_previews_run_in_db (library, db, ids, job->ids != NULL ? job->ids->len : 0, job->sizes,
                                  job->n_workers,
                                  job->progress != NULL ? forward_progress : NULL, job,
                                  cancellable, error);
}

void
mops_previews_run_async (MopsLibrary              *library,
                         const gint64             *ids,
                         guint                     n_ids,
                         MopsThumbSizes            sizes,
                         guint                     n_workers,
                         MopsPreviewProgressFunc   progress,
                         gpointer                  progress_data,
                         GCancellable             *cancellable,
                         GAsyncReadyCallback       callback,
                         gpointer                  user_data)
{
  RunJob *job;

  g_return_if_fail (MOPS_IS_LIBRARY (library));

  job = g_new0 (RunJob, 1);
  if (ids != NULL)
    {
      job->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_ids);
      g_array_append_vals (job->ids, ids, n_ids);
    }
  job->sizes = sizes;
  job->n_workers = n_workers;
  job->progress = progress;
  job->progress_data = progress_data;
  job->context = g_main_context_ref_thread_default ();
  job->cancellable = cancellable != NULL ? g_object_ref (cancellable) : g_cancellable_new ();

  mops_library_run_job (library, mops_previews_run_async, run_job, job, (GDestroyNotify) run_job_free,
                        (GDestroyNotify) mops_preview_report_free, cancellable, callback, user_data);
}

MopsPreviewReport *
mops_previews_run_finish (MopsLibrary   *library,
                          GAsyncResult  *result,
                          GError       **error)
{
  return mops_library_job_finish (library, result, mops_previews_run_async, error);
}
