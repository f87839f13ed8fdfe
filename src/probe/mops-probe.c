/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-probe.c — the helper process that opens strangers' files: metadata, thumbnails, large
 * renders and metadata written into copies
 *
 * Protocol: one JSON object per line on stdin, one JSON object per line on stdout.
 *
 * Probe (no "op"):
 *   {"path": "/abs/file" | "path_b64": "…", "name": "Logo.png", "mime": "image/jpeg", "sha256": "…",
 *    "thumbs_dir": "/library/thumbs", "sizes": [256, 512], "metadata": true,
 *    "legacy_charset": "CP1252"}
 *   → {"metadata": {…}, "preview_state": "ok" | "cannot_preview" | "none",
 *      "preview_code": "…", "preview_error": "…"}
 *
 * Render one page large (the viewer):
 *   {"op": "render", "path" | "path_b64", "name", "mime", "page": 0, "size": 2048,
 *    "out": "/abs/file.png"}
 *   → {"ok": true, "width": W, "height": H, "page_count": N, "natural": LONGEST_EDGE_AT_100%}
 *
 * Write metadata into a copy (export):
 *   {"op": "write_xmp", "source": "/abs/file" | "source_b64", "dest": "/abs/copy" | "dest_b64",
 *    "name", "title", "creator", "description", "tags": ["A/B/C", …],
 *    "licence": {"licensor", "kind", "expires_on", "usage_terms", "copyright"} | null}
 *   → {"ok": true, "sidecar": "/abs/copy.xmp" | null}
 *
 * A failed render or write answers {"ok": false, "code": "…", "error": "translated, names
 * the file"}; codes: bad_request, bad_page, undecodable, too_large, unreadable, no_preview,
 * write_failed.
 *
 * The app keeps one per worker, kills it after a per-file timeout and restarts it when it
 * dies; a crash here costs one file its preview, never the app or an import. */

#include "config.h"

#define G_LOG_DOMAIN "mops-probe"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <stdio.h>
#include <sys/resource.h>
#include <unistd.h>

#include <gexiv2/gexiv2.h>
#include <gio/gunixinputstream.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gst/gst.h>

#include "mops-probe-private.h"

static void
limit_resources (void)
{
  struct rlimit cpu = { 600, 660 };
  struct rlimit core = { 0, 0 };

  setrlimit (RLIMIT_CPU, &cpu);
  setrlimit (RLIMIT_CORE, &core);

#if !MOPS_SANITIZED
  {
    /* A decoder that runs away with memory dies here instead of taking the machine down.
     * (Sanitizer builds reserve terabytes of shadow memory: they use hard_rss_limit_mb.) */
    struct rlimit memory = { (rlim_t) 3 << 30, (rlim_t) 3 << 30 };
    setrlimit (RLIMIT_AS, &memory);
  }
#endif
}

gboolean
mops_probe_save_png (GdkPixbuf   *pixbuf,
                     const char  *path,
                     GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *tmp = NULL;
  int fd;

  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), "%s: %s", dir, g_strerror (saved_errno));
      return FALSE;
    }

  tmp = g_build_filename (dir, ".thumb-XXXXXX", NULL);
  fd = g_mkstemp (tmp);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), "%s: %s", dir, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  if (!gdk_pixbuf_save (pixbuf, tmp, "png", error, "compression", "3", NULL) ||
      g_rename (tmp, path) != 0)
    {
      g_unlink (tmp);
      if (error != NULL && *error == NULL)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", path);
      return FALSE;
    }

  return TRUE;
}

/* Writes @pixbuf (scaled to fit @size when larger) to @dir/<size>/<ab>/<sha256>.png. */
static gboolean
save_thumbnail (GdkPixbuf   *pixbuf,
                const char  *thumbs_dir,
                const char  *sha256,
                int          size,
                GError     **error)
{
  g_autofree char *size_name = g_strdup_printf ("%d", size);
  g_autofree char *prefix = g_strndup (sha256, 2);
  g_autofree char *file = g_strconcat (sha256, ".png", NULL);
  g_autofree char *path = g_build_filename (thumbs_dir, size_name, prefix, file, NULL);
  g_autoptr(GdkPixbuf) scaled = NULL;
  int width = gdk_pixbuf_get_width (pixbuf);
  int height = gdk_pixbuf_get_height (pixbuf);

  if (width > size || height > size)
    {
      double scale = MIN ((double) size / width, (double) size / height);

      scaled = gdk_pixbuf_scale_simple (pixbuf, MAX (1, (int) (width * scale + 0.5)),
                                        MAX (1, (int) (height * scale + 0.5)), GDK_INTERP_BILINEAR);
      pixbuf = scaled;
    }

  return mops_probe_save_png (pixbuf, path, error);
}

/* The string member @name, or NULL when it is missing or not a string. */
static const char *
string_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static gint64
int_member (JsonObject *object,
            const char *name,
            gint64      fallback)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return fallback;

  return json_node_get_int (node);
}

/* A file name: @name ("path"), or @name + "_b64" for names that are not UTF-8. */
static char *
request_path (JsonObject *request,
              const char *name)
{
  g_autofree char *b64_name = g_strconcat (name, "_b64", NULL);
  const char *b64 = string_member (request, b64_name);

  if (b64 != NULL)
    {
      gsize len = 0;
      guchar *bytes = g_base64_decode (b64, &len);
      char *path = g_malloc (len + 1);

      memcpy (path, bytes, len);
      path[len] = '\0';
      g_free (bytes);
      return path;
    }

  return g_strdup (string_member (request, name) != NULL ? string_member (request, name) : "");
}

static void
add_failure (JsonBuilder *out,
             const char  *code,
             const char  *message)
{
  json_builder_set_member_name (out, "ok");
  json_builder_add_boolean_value (out, FALSE);
  json_builder_set_member_name (out, "code");
  json_builder_add_string_value (out, code);
  json_builder_set_member_name (out, "error");
  json_builder_add_string_value (out, message != NULL ? message : "");
}

/* The original request: metadata and thumbnails. */
static void
handle_probe (JsonObject  *request,
              JsonBuilder *out)
{
  g_autofree char *path = request_path (request, "path");
  MopsProbeRequest probe = { 0 };
  const char *sha256;
  const char *thumbs_dir;
  JsonArray *sizes;

  probe.path = path;
  probe.name = string_member (request, "name");
  if (probe.name == NULL)
    probe.name = path;
  probe.mime = string_member (request, "mime");
  if (probe.mime == NULL)
    probe.mime = "application/octet-stream";
  probe.legacy_charset = string_member (request, "legacy_charset");
  sha256 = string_member (request, "sha256");
  thumbs_dir = string_member (request, "thumbs_dir");
  sizes = json_object_has_member (request, "sizes") ? json_object_get_array_member (request, "sizes") : NULL;

  if (json_object_get_boolean_member_with_default (request, "metadata", TRUE))
    {
      json_builder_set_member_name (out, "metadata");
      json_builder_begin_object (out);
      mops_probe_read_metadata (&probe, out);
      json_builder_end_object (out);
    }

  if (sha256 != NULL && thumbs_dir != NULL && sizes != NULL && json_array_get_length (sizes) > 0)
    {
      g_autofree char *code = NULL;
      g_autofree char *message = NULL;
      gboolean no_preview_kind = FALSE;
      g_autoptr(GdkPixbuf) picture = mops_probe_render (&probe, &no_preview_kind, &code, &message);
      g_autoptr(GError) error = NULL;

      if (picture != NULL)
        {
          /* Largest first: the smaller sizes are derived from the one decode. */
          for (guint i = 0; i < json_array_get_length (sizes) && error == NULL; i++)
            save_thumbnail (picture, thumbs_dir, sha256, (int) json_array_get_int_element (sizes, i), &error);
        }

      json_builder_set_member_name (out, "preview_state");
      if (picture != NULL && error == NULL)
        json_builder_add_string_value (out, "ok");
      else if (no_preview_kind)
        json_builder_add_string_value (out, "none");
      else
        {
          json_builder_add_string_value (out, "cannot_preview");
          json_builder_set_member_name (out, "preview_code");
          json_builder_add_string_value (out, error != NULL ? "thumbnail_write" : code);
          json_builder_set_member_name (out, "preview_error");
          json_builder_add_string_value (out, error != NULL ? error->message : message);
        }
    }
}

/* "render": one page, large, into "out". */
static void
handle_render (JsonObject  *request,
               JsonBuilder *out)
{
  g_autofree char *path = request_path (request, "path");
  g_autofree char *target = request_path (request, "out");
  g_autofree char *code = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GdkPixbuf) picture = NULL;
  g_autoptr(GError) error = NULL;
  MopsProbeRequest probe = { 0 };
  gboolean no_preview_kind = FALSE;
  gint64 page = int_member (request, "page", 0);
  gint64 size = int_member (request, "size", 0);
  int page_count = 1;
  int natural = 0;

  probe.path = path;
  probe.name = string_member (request, "name") != NULL ? string_member (request, "name") : path;
  probe.mime = string_member (request, "mime") != NULL ? string_member (request, "mime") : "application/octet-stream";

  if (*path == '\0' || !g_path_is_absolute (target) ||
      size < MOPS_PROBE_RENDER_MIN || size > MOPS_PROBE_RENDER_MAX || page < 0 || page > G_MAXINT)
    {
      add_failure (out, "bad_request", NULL);
      return;
    }

  picture = mops_probe_render_page (&probe, (int) page, (int) size, &page_count, &natural, &no_preview_kind,
                                    &code, &message);
  if (picture == NULL)
    {
      if (no_preview_kind)
        {
          g_autofree char *none = g_strdup_printf (_("“%s” has no picture to show"), probe.name);
          add_failure (out, "no_preview", none);
        }
      else
        add_failure (out, code, message);
      return;
    }

  if (!mops_probe_save_png (picture, target, &error))
    {
      add_failure (out, "write_failed", error->message);
      return;
    }

  json_builder_set_member_name (out, "ok");
  json_builder_add_boolean_value (out, TRUE);
  json_builder_set_member_name (out, "width");
  json_builder_add_int_value (out, gdk_pixbuf_get_width (picture));
  json_builder_set_member_name (out, "height");
  json_builder_add_int_value (out, gdk_pixbuf_get_height (picture));
  json_builder_set_member_name (out, "page_count");
  json_builder_add_int_value (out, page_count);
  json_builder_set_member_name (out, "natural");
  json_builder_add_int_value (out, natural);
}

/* "write_xmp": a copy of "source" at "dest" with the asset's metadata. */
static void
handle_write_xmp (JsonObject  *request,
                  JsonBuilder *out)
{
  g_autofree char *source = request_path (request, "source");
  g_autofree char *dest = request_path (request, "dest");
  g_autofree char *sidecar = NULL;
  g_autofree char *code = NULL;
  g_autofree char *message = NULL;
  const char *name = string_member (request, "name");

  if (!g_path_is_absolute (source) || !g_path_is_absolute (dest))
    {
      add_failure (out, "bad_request", NULL);
      return;
    }

  if (!mops_probe_write_xmp (source, dest, name != NULL ? name : source, request, &sidecar, &code, &message))
    {
      add_failure (out, code, message);
      return;
    }

  json_builder_set_member_name (out, "ok");
  json_builder_add_boolean_value (out, TRUE);
  json_builder_set_member_name (out, "sidecar");
  if (sidecar != NULL)
    json_builder_add_string_value (out, sidecar);
  else
    json_builder_add_null_value (out);
}

static char *
handle (const char *line)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonBuilder) out = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  JsonObject *request;
  const char *op;

  json_builder_begin_object (out);

  if (!json_parser_load_from_data (parser, line, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      json_builder_set_member_name (out, "preview_state");
      json_builder_add_string_value (out, "cannot_preview");
      json_builder_set_member_name (out, "preview_code");
      json_builder_add_string_value (out, "bad_request");
    }
  else
    {
      request = json_node_get_object (json_parser_get_root (parser));
      op = string_member (request, "op");

      if (op == NULL)
        handle_probe (request, out);
      else if (g_str_equal (op, "render"))
        handle_render (request, out);
      else if (g_str_equal (op, "write_xmp"))
        handle_write_xmp (request, out);
      else
        add_failure (out, "bad_request", NULL);
    }

  json_builder_end_object (out);

  root = json_builder_get_root (out);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GInputStream) raw = NULL;
  g_autoptr(GDataInputStream) input = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("MOPS_LOCALEDIR") != NULL ? g_getenv ("MOPS_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  limit_resources ();

  /* A malformed XMP packet would otherwise log a critical (design §12). */
  gexiv2_log_set_level (GEXIV2_LOG_LEVEL_MUTE);
  gexiv2_initialize ();
  /* exiv2 0.27 has no prefix for Creative Commons' namespace: with one registered, cc:license
   * reads as Xmp.cc.license whatever prefix a file chose. */
  gexiv2_metadata_try_register_xmp_namespace ("http://creativecommons.org/ns#", "cc", NULL);
  gst_init_check (NULL, NULL, NULL);

  raw = g_unix_input_stream_new (STDIN_FILENO, FALSE);
  input = g_data_input_stream_new (raw);
  g_data_input_stream_set_newline_type (input, G_DATA_STREAM_NEWLINE_TYPE_LF);

  for (;;)
    {
      g_autofree char *line = g_data_input_stream_read_line (input, NULL, NULL, NULL);
      g_autofree char *reply = NULL;

      if (line == NULL)
        break;
      if (*line == '\0')
        continue;

      reply = handle (line);
      fputs (reply, stdout);
      fputc ('\n', stdout);
      fflush (stdout);
    }

  return 0;
}
