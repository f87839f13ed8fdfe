/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-probe.c — the helper process that opens strangers' files: metadata and thumbnails
 *
 * Protocol: one JSON object per line on stdin
 *   {"path": "/abs/file" | "path_b64": "…", "name": "Logo.png", "mime": "image/jpeg", "sha256": "…",
 *    "thumbs_dir": "/library/thumbs", "sizes": [256, 512], "metadata": true,
 *    "legacy_charset": "CP1252"}
 * and one JSON object per line on stdout
 *   {"metadata": {…}, "preview_state": "ok" | "cannot_preview" | "none",
 *    "preview_code": "…", "preview_error": "…"}.
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

/* Writes @pixbuf (scaled to fit @size when larger) to @dir/<size>/<ab>/<sha256>.png through a
 * temporary file and a rename, so a reader never sees half a thumbnail. */
static gboolean
save_thumbnail (GdkPixbuf   *pixbuf,
                const char  *thumbs_dir,
                const char  *sha256,
                int          size,
                GError     **error)
{
  g_autofree char *size_name = g_strdup_printf ("%d", size);
  g_autofree char *prefix = g_strndup (sha256, 2);
  g_autofree char *dir = g_build_filename (thumbs_dir, size_name, prefix, NULL);
  g_autofree char *file = g_strconcat (sha256, ".png", NULL);
  g_autofree char *path = g_build_filename (dir, file, NULL);
  g_autofree char *tmp = NULL;
  g_autoptr(GdkPixbuf) scaled = NULL;
  int width = gdk_pixbuf_get_width (pixbuf);
  int height = gdk_pixbuf_get_height (pixbuf);
  int fd;

  if (width > size || height > size)
    {
      double scale = MIN ((double) size / width, (double) size / height);

      scaled = gdk_pixbuf_scale_simple (pixbuf, MAX (1, (int) (width * scale + 0.5)),
                                        MAX (1, (int) (height * scale + 0.5)), GDK_INTERP_BILINEAR);
      pixbuf = scaled;
    }

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

static char *
request_path (JsonObject *request)
{
  if (json_object_has_member (request, "path_b64"))
    {
      gsize len = 0;
      guchar *bytes = g_base64_decode (json_object_get_string_member (request, "path_b64"), &len);
      char *path = g_malloc (len + 1);

      memcpy (path, bytes, len);
      path[len] = '\0';
      g_free (bytes);
      return path;
    }

  return g_strdup (json_object_get_string_member_with_default (request, "path", ""));
}

static char *
handle (const char *line)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonBuilder) out = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *path = NULL;
  JsonObject *request;
  MopsProbeRequest probe = { 0 };
  const char *sha256;
  const char *thumbs_dir;
  JsonArray *sizes;

  json_builder_begin_object (out);

  if (!json_parser_load_from_data (parser, line, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      json_builder_set_member_name (out, "preview_state");
      json_builder_add_string_value (out, "cannot_preview");
      json_builder_set_member_name (out, "preview_code");
      json_builder_add_string_value (out, "bad_request");
      json_builder_end_object (out);
      goto done;
    }

  request = json_node_get_object (json_parser_get_root (parser));
  path = request_path (request);
  probe.path = path;
  probe.name = json_object_get_string_member_with_default (request, "name", NULL);
  if (probe.name == NULL)
    probe.name = path;
  probe.mime = json_object_get_string_member_with_default (request, "mime", "application/octet-stream");
  probe.legacy_charset = json_object_get_string_member_with_default (request, "legacy_charset", NULL);
  sha256 = json_object_get_string_member_with_default (request, "sha256", NULL);
  thumbs_dir = json_object_get_string_member_with_default (request, "thumbs_dir", NULL);
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

  json_builder_end_object (out);

done:
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
