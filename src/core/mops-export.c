/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-export.c — an asset's file out of the library: a copy carrying its metadata, and the
 * viewer's large pictures, both made by mops-probe */

#include "config.h"

#define G_LOG_DOMAIN "mops-export"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "mops-db-private.h"
#include "mops-error.h"
#include "mops-export-private.h"
#include "mops-export.h"
#include "mops-library-private.h"
#include "mops-licences-private.h"
#include "mops-licences.h"
#include "mops-probe-client.h"
#include "mops-tags.h"

/* A large page takes longer than a thumbnail; a decoder still busy after this is stuck. */
#define RENDER_TIMEOUT_MS 60000

/* Writing a copy is mostly copying: a minute, plus a second per 20 MB. */
#define WRITE_TIMEOUT_MS  60000
#define WRITE_BYTES_PER_MS 20000

/* What the helper needs to know about an asset's file. */
typedef struct
{
  char    *path;           /* absolute: in the library, or where a reference points */
  char    *original_name;
  char    *mime;
  char    *sha256;
  char    *title;
  char    *creator;
  char    *description;
  int      page_count;     /* 0 = not known yet */
  int      long_edge;      /* the larger of width and height; 0 = not known yet */
  gint64   size;
} AssetFile;

static void
asset_file_clear (AssetFile *file)
{
  g_clear_pointer (&file->path, g_free);
  g_clear_pointer (&file->original_name, g_free);
  g_clear_pointer (&file->mime, g_free);
  g_clear_pointer (&file->sha256, g_free);
  g_clear_pointer (&file->title, g_free);
  g_clear_pointer (&file->creator, g_free);
  g_clear_pointer (&file->description, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AssetFile, asset_file_clear)

static char *
dup_text (sqlite3_stmt *stmt,
          int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

static gboolean
load_asset_file (MopsLibrary  *library,
                 sqlite3      *db,
                 gint64        asset_id,
                 AssetFile    *file,
                 GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = mops_db_prepare (db,
                          "SELECT stored_path, is_reference, original_name, mime, sha256, title, creator,"
                          " description, ifnull(page_count, 0), size, max(ifnull(width, 0), ifnull(height, 0))"
                          " FROM assets WHERE id = ?",
                          error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, asset_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND,
                   _("There is no asset with id %lld"), (long long) asset_id);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return mops_db_set_error (db, error, _("Could not read the library"));

  if (sqlite3_column_int (stmt, 1))
    file->path = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  else
    file->path = mops_library_build_path (library, (const char *) sqlite3_column_text (stmt, 0));
  file->original_name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  file->mime = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  file->sha256 = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  file->title = dup_text (stmt, 5);
  file->creator = dup_text (stmt, 6);
  file->description = dup_text (stmt, 7);
  file->page_count = sqlite3_column_int (stmt, 8);
  file->size = sqlite3_column_int64 (stmt, 9);
  file->long_edge = sqlite3_column_int (stmt, 10);
  return TRUE;
}

/* File names travel as UTF-8, or base64 under "<member>_b64" when they are not. */
static void
set_path_member (JsonObject *request,
                 const char *member,
                 const char *path)
{
  if (g_utf8_validate (path, -1, NULL))
    json_object_set_string_member (request, member, path);
  else
    {
      g_autofree char *name = g_strconcat (member, "_b64", NULL);
      g_autofree char *encoded = g_base64_encode ((const guchar *) path, strlen (path));

      json_object_set_string_member (request, name, encoded);
    }
}

static guint
probe_timeout (guint normal_ms)
{
  const char *env = g_getenv ("MOPS_PROBE_TIMEOUT_MS");

  if (env != NULL)
    return (guint) CLAMP (g_ascii_strtoull (env, NULL, 10), 100, 600000);

  return normal_ms;
}

/* Sends @request to a helper of its own and returns a reply with "ok": true, or fails with
 * the helper's message (which names the file); a "bad_page" or "bad_request" is
 * MOPS_ERROR_INVALID. A helper that crashed or ran out of time is MOPS_ERROR_FAILED, its
 * message after @failure, which names the file. */
static JsonObject *
ask_probe (JsonObject  *request,
           guint        timeout_ms,
           const char  *failure,
           GError     **error)
{
  g_autoptr(MopsProbeClient) client = mops_probe_client_new ();
  g_autoptr(GError) probe_error = NULL;
  g_autoptr(JsonObject) reply = NULL;
  g_autofree char *fallback = NULL;
  const char *message;
  const char *code;

  reply = mops_probe_client_request (client, request, timeout_ms, NULL, &probe_error);
  if (reply == NULL)
    {
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_FAILED, "%s %s", failure, probe_error->message);
      return NULL;
    }

  if (json_object_get_boolean_member_with_default (reply, "ok", FALSE))
    return g_steal_pointer (&reply);

  code = json_object_get_string_member_with_default (reply, "code", "");
  message = json_object_get_string_member_with_default (reply, "error", "");
  if (*message == '\0')
    {
      fallback = g_strdup_printf ("%s %s", failure, _("the preview helper did not understand the request"));
      message = fallback;
    }

  g_set_error_literal (error, MOPS_ERROR,
                       g_str_equal (code, "bad_page") || g_str_equal (code, "bad_request") ? MOPS_ERROR_INVALID
                       : g_str_equal (code, "unreadable") || g_str_equal (code, "write_failed") ? MOPS_ERROR_IO
                       : MOPS_ERROR_FAILED,
                       message);
  return NULL;
}

/* ---- Export ------------------------------------------------------------------------------ */

/* The escaped paths ("Brand/Logos/Mono") of the asset's tags, through @db. */
static GPtrArray *
load_tag_paths (sqlite3  *db,
                gint64    asset_id,
                GError  **error)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 current = 0;
  int rc;

  /* Each tag of the asset with its ancestors, the top level first. */
  stmt = mops_db_prepare (db,
                          "WITH RECURSIVE up(tag, parent_id, depth, name) AS ("
                          "  SELECT t.id, t.parent_id, 0, t.name FROM asset_tags at"
                          "  JOIN tags t ON t.id = at.tag_id WHERE at.asset_id = ?"
                          "  UNION ALL"
                          "  SELECT up.tag, p.parent_id, up.depth + 1, p.name FROM up"
                          "  JOIN tags p ON p.id = up.parent_id)"
                          " SELECT tag, name FROM up ORDER BY tag, depth DESC",
                          error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, asset_id);
  for (;;)
    {
      rc = sqlite3_step (stmt);
      if ((rc != SQLITE_ROW || sqlite3_column_int64 (stmt, 0) != current) && parts->len > 0)
        {
          g_ptr_array_add (parts, NULL);
          g_ptr_array_add (paths, mops_tag_path_join ((const char * const *) parts->pdata));
          g_ptr_array_set_size (parts, 0);
        }
      if (rc != SQLITE_ROW)
        break;

      current = sqlite3_column_int64 (stmt, 0);
      g_ptr_array_add (parts, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }

  if (rc != SQLITE_DONE)
    {
      mops_db_set_error (db, error, _("Could not read the tags"));
      return NULL;
    }

  return g_steal_pointer (&paths);
}

/* The copyright line the file came with (read at import), if any. */
static char *
load_copyright (sqlite3  *db,
                gint64    asset_id,
                GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    mops_db_prepare (db, "SELECT value FROM asset_meta WHERE asset_id = ? AND key = 'copyright'"
                         " ORDER BY seq LIMIT 1", error);
  int rc;

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, asset_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return dup_text (stmt, 0);
  if (rc != SQLITE_DONE)
    mops_db_set_error (db, error, _("Could not read the file's metadata"));

  return NULL;
}

typedef struct
{
  char *attribution;
  char *cc_variant;
  char *cc_version;
} LicenceExtra;

static void
licence_extra_clear (LicenceExtra *extra)
{
  g_clear_pointer (&extra->attribution, g_free);
  g_clear_pointer (&extra->cc_variant, g_free);
  g_clear_pointer (&extra->cc_version, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LicenceExtra, licence_extra_clear)

static gboolean
load_licence_extra (sqlite3       *db,
                    gint64         licence_id,
                    LicenceExtra  *extra,
                    GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    mops_db_prepare (db, "SELECT attribution, cc_variant, cc_version FROM licences WHERE id = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, licence_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      extra->attribution = dup_text (stmt, 0);
      extra->cc_variant = dup_text (stmt, 1);
      extra->cc_version = dup_text (stmt, 2);
    }
  else if (rc != SQLITE_DONE)
    return mops_db_set_error (db, error, _("Could not read the licences"));

  return TRUE;
}

/* xmpRights:UsageTerms for people who get the file: what the licence allows, in words. */
static char *
describe_usage (const MopsLicenceRow *row,
                const LicenceExtra   *extra)
{
  g_autoptr(GString) terms = g_string_new (NULL);
  g_autofree char *kind = NULL;

  if (extra->cc_variant != NULL)
    kind = g_strdup_printf ("%s (%s%s%s)", mops_licence_kind_get_label (row->kind), extra->cc_variant,
                            extra->cc_version != NULL ? " " : "", extra->cc_version != NULL ? extra->cc_version : "");
  else
    kind = g_strdup (mops_licence_kind_get_label (row->kind));

  if (row->kind == MOPS_LICENCE_KIND_OWNED)
    {
      if (row->licensor != NULL)
        /* Translators: "Owned by Fjellvind AS." */
        g_string_append_printf (terms, _("Owned by %s."), row->licensor);
      else
        g_string_append (terms, _("Owned work."));
    }
  else if (row->licensor != NULL)
    /* Translators: "Royalty-free licence from Nordic Stock." */
    g_string_append_printf (terms, _("%s licence from %s."), kind, row->licensor);
  else
    /* Translators: "Royalty-free licence." */
    g_string_append_printf (terms, _("%s licence."), kind);

  g_string_append_c (terms, ' ');
  if (row->media != 0)
    {
      g_autoptr(GPtrArray) labels = g_ptr_array_new ();
      g_autofree char *joined = NULL;

      for (guint bit = 1; bit <= MOPS_MEDIA_ALL; bit <<= 1)
        if (row->media & bit)
          g_ptr_array_add (labels, (gpointer) mops_medium_get_label ((MopsMedium) bit));
      g_ptr_array_add (labels, NULL);
      joined = g_strjoinv (", ", (char **) labels->pdata);
      g_string_append_printf (terms, _("Media: %s."), joined);
    }
  else
    g_string_append (terms, _("Media: any."));

  g_string_append_c (terms, ' ');
  if (row->territories != NULL && row->territories[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", row->territories);

      g_string_append_printf (terms, _("Territories: %s."), joined);
    }
  else
    g_string_append (terms, _("Territories: worldwide."));

  g_string_append_c (terms, ' ');
  if (row->expires_on != NULL)
    g_string_append_printf (terms, _("Valid until %s."), row->expires_on);
  else
    g_string_append (terms, _("No end date."));

  if (extra->attribution != NULL)
    {
      g_string_append_c (terms, ' ');
      g_string_append_printf (terms, _("Attribution: %s"), extra->attribution);
    }

  return g_string_free (g_steal_pointer (&terms), FALSE);
}

/* The "licence" member of a write_xmp request, or NULL when there is nothing to say. */
static JsonObject *
build_licence (sqlite3  *db,
               gint64    asset_id,
               GError  **error)
{
  g_auto(MopsLicenceRow) row = { 0 };
  g_auto(LicenceExtra) extra = { NULL };
  g_autofree char *copyright = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonObject *licence;

  if (!mops_licences_status_for_asset_in_db (db, asset_id, NULL, -1, &row, error))
    return NULL;
  if (row.licence_id != 0 && !load_licence_extra (db, row.licence_id, &extra, error))
    return NULL;

  copyright = load_copyright (db, asset_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (copyright == NULL && extra.attribution != NULL)
    copyright = g_strdup (extra.attribution);

  if (row.licence_id == 0 && copyright == NULL)
    return NULL;

  licence = json_object_new ();
  if (copyright != NULL)
    json_object_set_string_member (licence, "copyright", copyright);
  if (row.licence_id != 0)
    {
      g_autofree char *usage = describe_usage (&row, &extra);

      json_object_set_string_member (licence, "kind", mops_licence_kind_to_name (row.kind));
      json_object_set_string_member (licence, "usage_terms", usage);
      if (row.licensor != NULL)
        json_object_set_string_member (licence, "licensor", row.licensor);
      if (row.expires_on != NULL)
        json_object_set_string_member (licence, "expires_on", row.expires_on);
    }

  return licence;
}

static gboolean
is_same_file (const char *a,
              const char *b)
{
  GStatBuf sa, sb;

  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

gboolean
mops_export_asset_copy_in_db (MopsLibrary  *library,
                              sqlite3      *db,
                              gint64        asset_id,
                              const char   *dest_path,
                              char        **out_sidecar,
                              GError      **error)
{
  g_auto(AssetFile) file = { NULL };
  g_autoptr(JsonObject) request = json_object_new ();
  g_autoptr(JsonObject) reply = NULL;
  g_autoptr(GPtrArray) tags = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *failure = NULL;
  JsonObject *licence;
  JsonArray *tag_array;
  JsonNode *sidecar;

  g_return_val_if_fail (MOPS_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (dest_path != NULL && g_path_is_absolute (dest_path), FALSE);

  if (out_sidecar != NULL)
    *out_sidecar = NULL;

  if (!load_asset_file (library, db, asset_id, &file, error))
    return FALSE;

  if (is_same_file (file.path, dest_path))
    {
      g_autofree char *display = g_filename_display_name (dest_path);

      g_set_error (error, MOPS_ERROR, MOPS_ERROR_INVALID,
                   _("“%s” is the asset’s own file in the library: choose another place for the copy"), display);
      return FALSE;
    }

  tags = load_tag_paths (db, asset_id, error);
  if (tags == NULL)
    return FALSE;
  licence = build_licence (db, asset_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  json_object_set_string_member (request, "op", "write_xmp");
  set_path_member (request, "source", file.path);
  set_path_member (request, "dest", dest_path);
  json_object_set_string_member (request, "name", file.original_name);
  if (file.title != NULL)
    json_object_set_string_member (request, "title", file.title);
  if (file.creator != NULL)
    json_object_set_string_member (request, "creator", file.creator);
  if (file.description != NULL)
    json_object_set_string_member (request, "description", file.description);

  tag_array = json_array_sized_new (tags->len);
  for (guint i = 0; i < tags->len; i++)
    json_array_add_string_element (tag_array, g_ptr_array_index (tags, i));
  json_object_set_array_member (request, "tags", tag_array);

  if (licence != NULL)
    json_object_set_object_member (request, "licence", licence);
  else
    json_object_set_null_member (request, "licence");

  /* Translators: followed by the reason, e.g. "The file made the preview helper crash". */
  failure = g_strdup_printf (_("Could not export “%s”:"), file.original_name);
  reply = ask_probe (request, probe_timeout (WRITE_TIMEOUT_MS + (guint) MIN (file.size / WRITE_BYTES_PER_MS, 3600000)),
                     failure, error);
  if (reply == NULL)
    return FALSE;

  sidecar = json_object_get_member (reply, "sidecar");
  if (out_sidecar != NULL && sidecar != NULL && JSON_NODE_HOLDS_VALUE (sidecar) &&
      json_node_get_value_type (sidecar) == G_TYPE_STRING)
    *out_sidecar = g_strdup (json_node_get_string (sidecar));

  return TRUE;
}

/* ---- The viewer's pictures --------------------------------------------------------------- */

static gboolean
is_pdf (const char *mime)
{
  return g_strcmp0 (mime, "application/pdf") == 0 || g_strcmp0 (mime, "application/illustrator") == 0;
}

/* Pictures with a size of their own at 100 %, unlike a font specimen or a page of text. */
static gboolean
has_natural_size (const char *mime)
{
  return is_pdf (mime) || g_str_has_prefix (mime, "image/") || g_str_has_prefix (mime, "video/");
}

/* A cached picture can be reused when what the database knows describes it: a PDF's page
 * count and the picture's own size come from the previews, which may not have run yet. */
static gboolean
cached_render_is_described (const AssetFile *file)
{
  if (is_pdf (file->mime) && file->page_count <= 0)
    return FALSE;

  return !has_natural_size (file->mime) || file->long_edge > 0;
}

static gboolean
preview_render_in_db (MopsLibrary  *library,
                      sqlite3      *db,
                      gint64        asset_id,
                      int           page,
                      int           size,
                      char        **out_png_path,
                      int          *out_page_count,
                      int          *out_natural,
                      GError      **error)
{
  g_auto(AssetFile) file = { NULL };
  g_autofree char *relative = NULL;
  g_autofree char *png = NULL;
  g_autoptr(JsonObject) request = NULL;
  g_autoptr(JsonObject) reply = NULL;
  g_autofree char *failure = NULL;

  *out_png_path = NULL;

  if (size < MOPS_PREVIEW_RENDER_MIN || size > MOPS_PREVIEW_RENDER_MAX)
    {
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_INVALID,
                   _("A picture %d pixels wide cannot be made: the size must be from %d to %d"),
                   size, MOPS_PREVIEW_RENDER_MIN, MOPS_PREVIEW_RENDER_MAX);
      return FALSE;
    }

  if (!load_asset_file (library, db, asset_id, &file, error))
    return FALSE;

  relative = g_strdup_printf ("thumbs/view/%s-p%d-%d.png", file.sha256, page, size);
  png = mops_library_build_path (library, relative);

  if (cached_render_is_described (&file) && g_file_test (png, G_FILE_TEST_IS_REGULAR))
    {
      if (out_page_count != NULL)
        *out_page_count = MAX (1, file.page_count);
      if (out_natural != NULL)
        *out_natural = has_natural_size (file.mime) ? file.long_edge : 0;
      *out_png_path = g_steal_pointer (&png);
      return TRUE;
    }

  request = json_object_new ();
  json_object_set_string_member (request, "op", "render");
  set_path_member (request, "path", file.path);
  json_object_set_string_member (request, "name", file.original_name);
  json_object_set_string_member (request, "mime", file.mime);
  json_object_set_int_member (request, "page", page);
  json_object_set_int_member (request, "size", size);
  set_path_member (request, "out", png);

  failure = g_strdup_printf (_("“%s” cannot be previewed:"), file.original_name);
  reply = ask_probe (request, probe_timeout (RENDER_TIMEOUT_MS), failure, error);
  if (reply == NULL)
    return FALSE;

  if (out_page_count != NULL)
    *out_page_count = (int) MAX (1, json_object_get_int_member_with_default (reply, "page_count", 1));
  if (out_natural != NULL)
    *out_natural = (int) CLAMP (json_object_get_int_member_with_default (reply, "natural", 0), 0, G_MAXINT);
  *out_png_path = g_steal_pointer (&png);
  return TRUE;
}

gboolean
mops_preview_render (MopsLibrary  *library,
                     gint64        asset_id,
                     int           page,
                     int           size,
                     char        **out_png_path,
                     int          *out_page_count,
                     int          *out_natural,
                     GError      **error)
{
  sqlite3 *db;
  gboolean done;

  g_return_val_if_fail (MOPS_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (page >= 0, FALSE);
  g_return_val_if_fail (out_png_path != NULL, FALSE);

  db = mops_library_open_connection (library, error);
  if (db == NULL)
    return FALSE;
  done = preview_render_in_db (library, db, asset_id, page, size, out_png_path, out_page_count, out_natural,
                               error);
  mops_db_close (db);
  return done;
}

/* ---- In workers ---------------------------------------------------------------------------- */

typedef struct
{
  gint64    asset_id;
  char     *dest_path;
  char     *sidecar;      /* out */
  int       page;
  int       size;
  int       page_count;   /* out */
  int       natural;      /* out */
  gsize     max_bytes;
  gboolean  truncated;    /* out */
} FileJob;

static void
file_job_free (FileJob *job)
{
  g_free (job->dest_path);
  g_free (job->sidecar);
  g_free (job);
}

static gpointer
copy_job (MopsLibrary   *library,
          sqlite3       *db,
          gpointer       job_data,
          GCancellable  *cancellable,
          GError       **error)
{
  FileJob *job = job_data;

  if (!mops_export_asset_copy_in_db (library, db, job->asset_id, job->dest_path, &job->sidecar, error))
    return NULL;

  return GINT_TO_POINTER (TRUE);
}

void
mops_export_asset_copy_async (MopsLibrary         *library,
                              gint64               asset_id,
                              const char          *dest_path,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  FileJob *job;

  g_return_if_fail (MOPS_IS_LIBRARY (library));
  g_return_if_fail (dest_path != NULL && g_path_is_absolute (dest_path));

  job = g_new0 (FileJob, 1);
  job->asset_id = asset_id;
  job->dest_path = g_strdup (dest_path);
  mops_library_run_job (library, mops_export_asset_copy_async, copy_job, job, (GDestroyNotify) file_job_free,
                        NULL, cancellable, callback, user_data);
}

gboolean
mops_export_asset_copy_finish (MopsLibrary   *library,
                               GAsyncResult  *result,
                               char         **out_sidecar,
                               GError       **error)
{
  FileJob *job = mops_library_job_get_data (result);

  if (mops_library_job_finish (library, result, mops_export_asset_copy_async, error) == NULL)
    return FALSE;

  if (out_sidecar != NULL)
    *out_sidecar = g_steal_pointer (&job->sidecar);
  return TRUE;
}

static gpointer
render_job (MopsLibrary   *library,
            sqlite3       *db,
            gpointer       job_data,
            GCancellable  *cancellable,
            GError       **error)
{
  FileJob *job = job_data;
  char *png = NULL;

  if (!preview_render_in_db (library, db, job->asset_id, job->page, job->size, &png, &job->page_count,
                             &job->natural, error))
    return NULL;

  return png;
}

void
mops_preview_render_async (MopsLibrary         *library,
                           gint64               asset_id,
                           int                  page,
                           int                  size,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  FileJob *job;

  g_return_if_fail (MOPS_IS_LIBRARY (library));
  g_return_if_fail (page >= 0);

  job = g_new0 (FileJob, 1);
  job->asset_id = asset_id;
  job->page = page;
  job->size = size;
  mops_library_run_job (library, mops_preview_render_async, render_job, job, (GDestroyNotify) file_job_free,
                        g_free, cancellable, callback, user_data);
}

char *
mops_preview_render_finish (MopsLibrary   *library,
                            GAsyncResult  *result,
                            int           *out_page_count,
                            int           *out_natural,
                            GError       **error)
{
  FileJob *job = mops_library_job_get_data (result);
  char *png = mops_library_job_finish (library, result, mops_preview_render_async, error);

  if (png != NULL && out_page_count != NULL)
    *out_page_count = job->page_count;
  if (png != NULL && out_natural != NULL)
    *out_natural = job->natural;
  return png;
}

static gpointer
read_text_job (MopsLibrary   *library,
               sqlite3       *db,
               gpointer       job_data,
               GCancellable  *cancellable,
               GError       **error)
{
  FileJob *job = job_data;
  g_auto(AssetFile) file = { NULL };
  g_autoptr(GFile) gfile = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GByteArray) text = g_byte_array_new ();
  gsize n = 0;

  if (!load_asset_file (library, db, job->asset_id, &file, error))
    return NULL;

  /* Read as the file goes, up to one byte past the limit (which tells that it goes on): the
   * limit may be far larger than the file. */
  gfile = g_file_new_for_path (file.path);
  stream = g_file_read (gfile, cancellable, &local_error);
  while (stream != NULL)
    {
      gsize chunk = (gsize) MIN ((guint64) 64 * 1024, (guint64) job->max_bytes + 1 - n);
      gsize got = 0;

      g_byte_array_set_size (text, (guint) (n + chunk));
      if (!g_input_stream_read_all (G_INPUT_STREAM (stream), text->data + n, chunk, &got, cancellable,
                                    &local_error))
        break;
      n += got;
      if (got < chunk || n > job->max_bytes)
        break;
    }
  if (local_error != NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, MOPS_ERROR, MOPS_ERROR_IO, _("Could not read “%s”: %s"),
                     file.original_name, local_error->message);
      return NULL;
    }

  job->truncated = n > job->max_bytes;
  return g_utf8_make_valid ((const char *) text->data, (gssize) MIN (n, job->max_bytes));
}

void
mops_asset_read_text_async (MopsLibrary         *library,
                            gint64               asset_id,
                            gsize                max_bytes,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  FileJob *job;

  g_return_if_fail (MOPS_IS_LIBRARY (library));
  g_return_if_fail (max_bytes > 0 && max_bytes < G_MAXUINT);

  job = g_new0 (FileJob, 1);
  job->asset_id = asset_id;
  job->max_bytes = max_bytes;
  mops_library_run_job (library, mops_asset_read_text_async, read_text_job, job, (GDestroyNotify) file_job_free,
                        g_free, cancellable, callback, user_data);
}

char *
mops_asset_read_text_finish (MopsLibrary   *library,
                             GAsyncResult  *result,
                             gboolean      *out_truncated,
                             GError       **error)
{
  FileJob *job = mops_library_job_get_data (result);
  char *text = mops_library_job_finish (library, result, mops_asset_read_text_async, error);

  if (text != NULL && out_truncated != NULL)
    *out_truncated = job->truncated;
  return text;
}

/* The SHA-256 of the file at @path, or NULL when it cannot be read. */
static char *
hash_file (const char   *path,
           GCancellable *cancellable)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, cancellable, NULL);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guchar *buffer = NULL;
  gssize n;

  if (stream == NULL)
    return NULL;

  buffer = g_malloc (256 * 1024);
  while ((n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, 256 * 1024, cancellable, NULL)) > 0)
    g_checksum_update (checksum, buffer, n);

  return n == 0 ? g_strdup (g_checksum_get_string (checksum)) : NULL;
}

static gpointer
open_copy_job (MopsLibrary   *library,
               sqlite3       *db,
               gpointer       job_data,
               GCancellable  *cancellable,
               GError       **error)
{
  FileJob *job = job_data;
  g_auto(AssetFile) file = { NULL };
  g_autofree char *root = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!load_asset_file (library, db, job->asset_id, &file, error))
    return NULL;

  root = g_build_filename (g_get_user_cache_dir (), "mops", "open", NULL);
  /* A name that is only a path's last part, never "..": the folder is ours. */
  name = g_path_get_basename (file.original_name);
  if (g_str_equal (name, "..") || g_str_equal (name, ".") || g_str_equal (name, G_DIR_SEPARATOR_S))
    {
      g_free (name);
      name = g_strdup (file.sha256);
    }

  for (guint n = 1; n < 1000; n++)
    {
      g_autofree char *folder_name = n == 1 ? g_strndup (file.sha256, 12)
                                            : g_strdup_printf ("%.12s-%u", file.sha256, n);
      g_autofree char *folder = g_build_filename (root, folder_name, NULL);
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autofree char *partial = NULL;
      g_autoptr(GFile) source = NULL;
      g_autoptr(GFile) dest = NULL;

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        {
          g_autofree char *hash = hash_file (path, cancellable);

          if (g_strcmp0 (hash, file.sha256) == 0)
            return g_steal_pointer (&path);
          continue;   /* changed in another program: kept as it is */
        }

      if (g_mkdir_with_parents (folder, 0700) != 0)
        break;

      partial = g_strconcat (path, ".part", NULL);
      source = g_file_new_for_path (file.path);
      dest = g_file_new_for_path (partial);
      if (!g_file_copy (source, dest, G_FILE_COPY_OVERWRITE, cancellable, NULL, NULL, &local_error) ||
          g_rename (partial, path) != 0)
        {
          g_unlink (partial);
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
          break;
        }

      return g_steal_pointer (&path);
    }

  g_set_error (error, MOPS_ERROR, MOPS_ERROR_IO, _("Could not make a copy of “%s” to open: %s"),
               file.original_name, local_error != NULL ? local_error->message : g_strerror (errno));
  return NULL;
}

void
mops_asset_open_copy_async (MopsLibrary         *library,
                            gint64               asset_id,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  FileJob *job;

  g_return_if_fail (MOPS_IS_LIBRARY (library));

  job = g_new0 (FileJob, 1);
  job->asset_id = asset_id;
  mops_library_run_job (library, mops_asset_open_copy_async, open_copy_job, job, (GDestroyNotify) file_job_free,
                        g_free, cancellable, callback, user_data);
}

char *
mops_asset_open_copy_finish (MopsLibrary   *library,
                             GAsyncResult  *result,
                             GError       **error)
{
  return mops_library_job_finish (library, result, mops_asset_open_copy_async, error);
}
