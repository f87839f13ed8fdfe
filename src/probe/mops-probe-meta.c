/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-probe-meta.c — what a file's headers say: size, pages, duration, EXIF/IPTC/XMP */

#include "config.h"

#define G_LOG_DOMAIN "mops-probe"

#include <string.h>

#include <gexiv2/gexiv2.h>
#include <glib/gi18n.h>
#include <gst/pbutils/pbutils.h>
#include <librsvg/rsvg.h>
#include <poppler.h>

#include "mops-probe-private.h"

/* The XMP/IPTC/EXIF keys kept verbatim in asset_meta: rights and provenance, read by the
 * licence features (design §12 "Rights metadata through gexiv2 0.14";
 * src/core/mops-licence-metadata.h says which of them make a licence). Struct fields are
 * asked for by their full path, and only when the file lists them (tag_string). */
static const char *kept_keys[] = {
  "Exif.Image.Make", "Exif.Image.Model", "Exif.Photo.DateTimeOriginal",
  "Exif.Photo.OffsetTimeOriginal", "Exif.Image.Copyright", "Exif.Image.Artist",
  "Iptc.Application2.Copyright", "Iptc.Application2.ExpirationDate", "Iptc.Application2.Credit",
  "Iptc.Application2.Source", "Iptc.Application2.SpecialInstructions", "Xmp.dc.rights",
  "Xmp.xmpRights.UsageTerms", "Xmp.xmpRights.WebStatement", "Xmp.xmpRights.Marked",
  "Xmp.photoshop.Credit", "Xmp.photoshop.Instructions",
  "Xmp.plus.Licensor[1]/plus:LicensorName", "Xmp.plus.Licensor[1]/plus:LicensorURL",
  "Xmp.plus.Licensee[1]/plus:LicenseeName", "Xmp.plus.CopyrightOwner[1]/plus:CopyrightOwnerName",
  "Xmp.plus.ImageSupplier[1]/plus:ImageSupplierName", "Xmp.plus.CopyrightStatus",
  "Xmp.plus.LicenseStartDate", "Xmp.plus.LicenseEndDate", "Xmp.plus.LicenseID",
  "Xmp.plus.ModelReleaseStatus", "Xmp.plus.PropertyReleaseStatus",
  "Xmp.cc.license", "Xmp.cc.attributionName",
};

static gboolean
mime_is (const char *mime,
         const char *prefix)
{
  return mime != NULL && g_str_has_prefix (mime, prefix);
}

/* LangAlt values come back as 'lang="x-default" Text'. */
static char *
strip_lang (const char *value)
{
  if (value != NULL && g_str_has_prefix (value, "lang=\""))
    {
      const char *end = strstr (value + 6, "\" ");

      if (end != NULL)
        return g_strdup (end + 2);
    }

  return g_strdup (value);
}

/* IPTC text without a declared character set is raw bytes: keep valid UTF-8, convert from the
 * legacy code page of the UI language, else drop it. */
static char *
to_utf8 (const char *value,
         const char *legacy_charset)
{
  if (value == NULL)
    return NULL;

  if (g_utf8_validate (value, -1, NULL))
    return g_strdup (value);

  if (legacy_charset != NULL)
    return g_convert (value, -1, "UTF-8", legacy_charset, NULL, NULL, NULL);

  return NULL;
}

typedef struct
{
  GExiv2Metadata *metadata;
  GHashTable     *present;   /* the keys the file has: only these are asked for */
  const char     *legacy_charset;
} Tags;

static char *
tag_string (Tags       *tags,
            const char *key)
{
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;

  if (!g_hash_table_contains (tags->present, key))
    return NULL;

  raw = gexiv2_metadata_try_get_tag_string (tags->metadata, key, NULL);
  text = to_utf8 (raw, tags->legacy_charset);
  if (text == NULL || *g_strstrip (text) == '\0')
    return NULL;

  return strip_lang (text);
}

static GStrv
tag_multiple (Tags       *tags,
              const char *key)
{
  g_auto(GStrv) raw = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;

  if (!g_hash_table_contains (tags->present, key))
    return NULL;

  raw = gexiv2_metadata_try_get_tag_multiple (tags->metadata, key, NULL);
  if (raw == NULL)
    return NULL;

  builder = g_strv_builder_new ();
  for (guint i = 0; raw[i] != NULL; i++)
    {
      g_autofree char *text = to_utf8 (raw[i], tags->legacy_charset);

      if (text != NULL && *g_strstrip (text) != '\0')
        g_strv_builder_add (builder, text);
    }

  return g_strv_builder_end (builder);
}

static char *
first_string (Tags              *tags,
              const char * const *keys)
{
  for (guint i = 0; keys[i] != NULL; i++)
    {
      char *value = tag_string (tags, keys[i]);

      if (value != NULL)
        return value;
    }

  return NULL;
}

static GStrv
first_multiple (Tags              *tags,
                const char * const *keys)
{
  for (guint i = 0; keys[i] != NULL; i++)
    {
      GStrv value = tag_multiple (tags, keys[i]);

      if (value != NULL && value[0] != NULL)
        return value;
      g_strfreev (value);
    }

  return NULL;
}

/* The capture instant: EXIF DateTimeOriginal (with its offset, else local time), else XMP or
 * IPTC dates. A date that does not parse is ignored, never repaired. */
static gint64
capture_time (Tags *tags)
{
  g_autofree char *exif = tag_string (tags, "Exif.Photo.DateTimeOriginal");
  static const char *xmp_keys[] = { "Xmp.photoshop.DateCreated", "Xmp.exif.DateTimeOriginal",
                                    "Xmp.xmp.CreateDate", NULL };

  if (exif != NULL && strlen (exif) >= 19)
    {
      g_autofree char *offset = tag_string (tags, "Exif.Photo.OffsetTimeOriginal");
      g_autofree char *iso = g_strdup_printf ("%.4s-%.2s-%.2sT%.8s%s", exif, exif + 5, exif + 8,
                                              exif + 11, offset != NULL ? offset : "");
      g_autoptr(GTimeZone) local = g_time_zone_new_local ();
      g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (iso, local);

      if (when != NULL)
        return g_date_time_to_unix (when);
    }

  for (guint i = 0; xmp_keys[i] != NULL; i++)
    {
      g_autofree char *value = tag_string (tags, xmp_keys[i]);
      g_autoptr(GTimeZone) local = g_time_zone_new_local ();
      g_autoptr(GDateTime) when = NULL;

      if (value == NULL)
        continue;

      when = g_date_time_new_from_iso8601 (value, local);
      if (when == NULL && strlen (value) == 10)
        {
          g_autofree char *midnight = g_strconcat (value, "T00:00:00", NULL);
          when = g_date_time_new_from_iso8601 (midnight, local);
        }
      if (when != NULL)
        return g_date_time_to_unix (when);
    }

  return 0;
}

static void
add_string_member (JsonBuilder *out,
                   const char  *name,
                   const char  *value)
{
  if (value == NULL)
    return;

  json_builder_set_member_name (out, name);
  json_builder_add_string_value (out, value);
}

static void
add_strv_member (JsonBuilder *out,
                 const char  *name,
                 GStrv        values)
{
  if (values == NULL || values[0] == NULL)
    return;

  json_builder_set_member_name (out, name);
  json_builder_begin_array (out);
  for (guint i = 0; values[i] != NULL; i++)
    json_builder_add_string_value (out, values[i]);
  json_builder_end_array (out);
}

static void
read_embedded (const MopsProbeRequest *request,
               JsonBuilder            *out)
{
  static const char *title_keys[] = { "Xmp.dc.title", "Iptc.Application2.ObjectName", NULL };
  static const char *description_keys[] = { "Xmp.dc.description", "Iptc.Application2.Caption",
                                             "Exif.Image.ImageDescription", NULL };
  static const char *copyright_keys[] = { "Xmp.dc.rights", "Iptc.Application2.Copyright",
                                          "Exif.Image.Copyright", NULL };
  static const char *creator_keys[] = { "Xmp.dc.creator", "Iptc.Application2.Byline", NULL };
  static const char *keyword_keys[] = { "Xmp.dc.subject", "Iptc.Application2.Keywords", NULL };
  g_autoptr(GExiv2Metadata) metadata = gexiv2_metadata_new ();
  g_autoptr(GHashTable) present = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  g_autofree char *copyright = NULL;
  g_autofree char *creator = NULL;
  g_auto(GStrv) creators = NULL;
  g_auto(GStrv) keywords = NULL;
  g_auto(GStrv) hierarchical = NULL;
  gint64 captured;
  Tags tags;

  if (!gexiv2_metadata_open_path (metadata, request->path, NULL))
    return;

  {
    g_auto(GStrv) xmp = gexiv2_metadata_get_xmp_tags (metadata);
    g_auto(GStrv) iptc = gexiv2_metadata_get_iptc_tags (metadata);
    g_auto(GStrv) exif = gexiv2_metadata_get_exif_tags (metadata);
    GStrv lists[] = { xmp, iptc, exif };

    for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
      for (guint i = 0; lists[l] != NULL && lists[l][i] != NULL; i++)
        g_hash_table_add (present, g_strdup (lists[l][i]));
  }

  tags.metadata = metadata;
  tags.present = present;
  tags.legacy_charset = request->legacy_charset;

  title = first_string (&tags, title_keys);
  description = first_string (&tags, description_keys);
  copyright = first_string (&tags, copyright_keys);
  creators = first_multiple (&tags, creator_keys);
  creator = creators != NULL ? g_strjoinv ("; ", creators) : tag_string (&tags, "Exif.Image.Artist");
  keywords = first_multiple (&tags, keyword_keys);
  hierarchical = tag_multiple (&tags, "Xmp.lr.hierarchicalSubject");
  captured = capture_time (&tags);

  add_string_member (out, "title", title);
  add_string_member (out, "description", description);
  add_string_member (out, "copyright", copyright);
  add_string_member (out, "creator", creator);
  add_strv_member (out, "keywords", keywords);
  add_strv_member (out, "hierarchical_keywords", hierarchical);
  if (captured != 0)
    {
      json_builder_set_member_name (out, "created_at");
      json_builder_add_int_value (out, captured);
    }

  json_builder_set_member_name (out, "meta");
  json_builder_begin_object (out);
  for (guint i = 0; i < G_N_ELEMENTS (kept_keys); i++)
    {
      g_autofree char *value = tag_string (&tags, kept_keys[i]);

      add_string_member (out, kept_keys[i], value);
    }
  json_builder_end_object (out);
}

static void
read_dimensions (const MopsProbeRequest *request,
                 JsonBuilder            *out)
{
  int width = 0, height = 0, pages = 0;
  double duration = 0;

  if (mime_is (request->mime, "image/svg"))
    {
      g_autoptr(GFile) file = g_file_new_for_path (request->path);
      g_autoptr(GInputStream) stream = G_INPUT_STREAM (g_file_read (file, NULL, NULL));
      g_autoptr(RsvgHandle) handle = NULL;
      double w = 0, h = 0;

      /* No base file: external references cannot be resolved (design §5). */
      if (stream != NULL)
        handle = rsvg_handle_new_from_stream_sync (stream, NULL, RSVG_HANDLE_FLAGS_NONE, NULL, NULL);
      if (handle != NULL && rsvg_handle_get_intrinsic_size_in_pixels (handle, &w, &h))
        {
          width = (int) (w + 0.5);
          height = (int) (h + 0.5);
        }
    }
  else if (mime_is (request->mime, "image/"))
    {
      gdk_pixbuf_get_file_info (request->path, &width, &height);
    }
  else if (g_strcmp0 (request->mime, "application/pdf") == 0 ||
           g_strcmp0 (request->mime, "application/illustrator") == 0)
    {
      g_autofree char *uri = g_filename_to_uri (request->path, NULL, NULL);
      g_autoptr(PopplerDocument) document = uri != NULL ? poppler_document_new_from_file (uri, NULL, NULL) : NULL;

      if (document != NULL)
        {
          pages = poppler_document_get_n_pages (document);
          if (pages > 0)
            {
              g_autoptr(PopplerPage) page = poppler_document_get_page (document, 0);
              double w, h;

              poppler_page_get_size (page, &w, &h);
              width = (int) (w + 0.5);
              height = (int) (h + 0.5);
            }
        }
    }
  else if (mime_is (request->mime, "video/") && gst_is_initialized ())
    {
      g_autofree char *uri = g_filename_to_uri (request->path, NULL, NULL);
      g_autoptr(GstDiscoverer) discoverer = gst_discoverer_new (5 * GST_SECOND, NULL);
      g_autoptr(GstDiscovererInfo) info = NULL;

      if (discoverer != NULL && uri != NULL)
        info = gst_discoverer_discover_uri (discoverer, uri, NULL);
      if (info != NULL && gst_discoverer_info_get_result (info) == GST_DISCOVERER_OK)
        {
          GList *streams = gst_discoverer_info_get_video_streams (info);

          duration = (double) gst_discoverer_info_get_duration (info) / GST_SECOND;
          if (streams != NULL)
            {
              width = (int) gst_discoverer_video_info_get_width (streams->data);
              height = (int) gst_discoverer_video_info_get_height (streams->data);
            }
          gst_discoverer_stream_info_list_free (streams);
        }
    }

  if (width > 0 && height > 0)
    {
      json_builder_set_member_name (out, "width");
      json_builder_add_int_value (out, width);
      json_builder_set_member_name (out, "height");
      json_builder_add_int_value (out, height);
    }
  if (pages > 0)
    {
      json_builder_set_member_name (out, "page_count");
      json_builder_add_int_value (out, pages);
    }
  if (duration > 0)
    {
      json_builder_set_member_name (out, "duration_s");
      json_builder_add_double_value (out, duration);
    }
}

void
mops_probe_read_metadata (const MopsProbeRequest *request,
                          JsonBuilder            *out)
{
  g_autofree char *lower_path = g_ascii_strdown (request->path, -1);

  read_dimensions (request, out);

  /* An .xmp sidecar holds nothing but metadata (exported copies of formats without XMP). */
  if (mime_is (request->mime, "image/") || mime_is (request->mime, "video/") ||
      g_strcmp0 (request->mime, "application/pdf") == 0 || g_str_has_suffix (lower_path, ".xmp"))
    read_embedded (request, out);
}
