/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-probe-write.c — a copy of a file with Mops' metadata in its XMP, or in a sidecar */

#include "config.h"

#define G_LOG_DOMAIN "mops-probe"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gexiv2/gexiv2.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "mops-probe-private.h"

/* What exiv2 accepts as an empty sidecar: gexiv2 cannot save an object that opened nothing,
 * so a sidecar starts as this packet, is opened and then saved with the fields. */
static const char empty_packet[] =
  "<?xpacket begin=\"\xef\xbb\xbf\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
  "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
  " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"/>\n"
  "</x:xmpmeta>\n"
  "<?xpacket end=\"w\"?>\n";

static const char *
string_field (JsonObject *object,
              const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;
  const char *value;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  value = json_node_get_string (node);
  return value != NULL && *value != '\0' ? value : NULL;
}

static void
set_error (char       **code,
           char       **message,
           const char  *error_code,
           char        *error_message)
{
  *code = g_strdup (error_code);
  *message = error_message;
}

/* Splits a tag path as mops_tag_path_split() does: "/" separates levels, "\/" is a slash and
 * "\\" a backslash; empty levels are dropped. */
static GStrv
split_tag_path (const char *path)
{
  g_autoptr(GStrvBuilder) parts = g_strv_builder_new ();
  g_autoptr(GString) part = g_string_new (NULL);

  for (const char *p = path; ; p++)
    {
      if (*p == '\\' && (p[1] == '/' || p[1] == '\\'))
        g_string_append_c (part, *++p);
      else if (*p == '/' || *p == '\0')
        {
          g_strstrip (part->str);
          g_string_set_size (part, strlen (part->str));
          if (part->len > 0)
            g_strv_builder_add (parts, part->str);
          g_string_truncate (part, 0);
          if (*p == '\0')
            break;
        }
      else
        g_string_append_c (part, *p);
    }

  return g_strv_builder_end (parts);
}

/* A LangAlt value (dc:title, dc:description, dc:rights, xmpRights:UsageTerms) in x-default
 * only: other languages would still say what the asset used to be called. The explicit
 * language keeps a value that itself starts with 'lang="' intact. */
static gboolean
set_lang_alt (GExiv2Metadata  *metadata,
              const char      *key,
              const char      *value,
              GError         **error)
{
  g_autofree char *text = g_strconcat ("lang=\"x-default\" ", value, NULL);

  gexiv2_metadata_try_clear_tag (metadata, key, NULL);
  return gexiv2_metadata_try_set_tag_string (metadata, key, text, error);
}

static gboolean
set_tags (GExiv2Metadata  *metadata,
          JsonArray       *tags,
          GError         **error)
{
  g_autoptr(GPtrArray) leaves = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) hierarchical = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < json_array_get_length (tags); i++)
    {
      JsonNode *node = json_array_get_element (tags, i);
      g_auto(GStrv) parts = NULL;
      guint n;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        continue;

      parts = split_tag_path (json_node_get_string (node));
      n = g_strv_length (parts);
      if (n == 0)
        continue;

      if (!g_ptr_array_find_with_equal_func (leaves, parts[n - 1], g_str_equal, NULL))
        g_ptr_array_add (leaves, g_strdup (parts[n - 1]));
      g_ptr_array_add (hierarchical, g_strjoinv ("|", parts));
    }

  /* No tags leaves the file's own keywords alone. */
  if (leaves->len == 0)
    return TRUE;

  g_ptr_array_add (leaves, NULL);
  g_ptr_array_add (hierarchical, NULL);
  return gexiv2_metadata_try_set_tag_multiple (metadata, "Xmp.dc.subject",
                                               (const char **) leaves->pdata, error) &&
         gexiv2_metadata_try_set_tag_multiple (metadata, "Xmp.lr.hierarchicalSubject",
                                               (const char **) hierarchical->pdata, error);
}

/* plus:Licensor is a sequence of structures; an agency's may already be there. */
static gboolean
set_licensor (GExiv2Metadata  *metadata,
              const char      *licensor,
              GError         **error)
{
  g_auto(GStrv) keys = gexiv2_metadata_get_xmp_tags (metadata);

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    if (g_str_has_prefix (keys[i], "Xmp.plus.Licensor"))
      gexiv2_metadata_try_clear_tag (metadata, keys[i], NULL);
  gexiv2_metadata_try_clear_tag (metadata, "Xmp.plus.Licensor", NULL);

  return gexiv2_metadata_try_set_xmp_tag_struct (metadata, "Xmp.plus.Licensor", GEXIV2_STRUCTURE_XA_SEQ, error) &&
         gexiv2_metadata_try_set_tag_string (metadata, "Xmp.plus.Licensor[1]/plus:LicensorName", licensor, error);
}

/* Fields that are missing or null leave what the file says alone. */
static gboolean
set_fields (GExiv2Metadata  *metadata,
            JsonObject      *fields,
            GError         **error)
{
  const char *title = string_field (fields, "title");
  const char *creator = string_field (fields, "creator");
  const char *description = string_field (fields, "description");
  JsonNode *tags = json_object_get_member (fields, "tags");
  JsonNode *licence_node = json_object_get_member (fields, "licence");
  JsonObject *licence = licence_node != NULL && JSON_NODE_HOLDS_OBJECT (licence_node)
                        ? json_node_get_object (licence_node) : NULL;

  if (title != NULL && !set_lang_alt (metadata, "Xmp.dc.title", title, error))
    return FALSE;
  if (description != NULL && !set_lang_alt (metadata, "Xmp.dc.description", description, error))
    return FALSE;
  if (creator != NULL)
    {
      /* Mops keeps several creators as "A; B", the way it reads them. */
      g_auto(GStrv) creators = g_strsplit (creator, "; ", -1);

      if (!gexiv2_metadata_try_set_tag_multiple (metadata, "Xmp.dc.creator", (const char **) creators, error))
        return FALSE;
    }
  if (tags != NULL && JSON_NODE_HOLDS_ARRAY (tags) && !set_tags (metadata, json_node_get_array (tags), error))
    return FALSE;

  if (licence != NULL)
    {
      const char *usage_terms = string_field (licence, "usage_terms");
      const char *copyright = string_field (licence, "copyright");
      const char *licensor = string_field (licence, "licensor");
      const char *expires_on = string_field (licence, "expires_on");

      if (usage_terms != NULL && !set_lang_alt (metadata, "Xmp.xmpRights.UsageTerms", usage_terms, error))
        return FALSE;
      if (copyright != NULL && !set_lang_alt (metadata, "Xmp.dc.rights", copyright, error))
        return FALSE;
      if (licensor != NULL && !set_licensor (metadata, licensor, error))
        return FALSE;
      if (expires_on != NULL &&
          !gexiv2_metadata_try_set_tag_string (metadata, "Xmp.plus.LicenseEndDate", expires_on, error))
        return FALSE;
    }

  return TRUE;
}

/* A new empty file beside @dest, readable as a file the person saved would be. */
static char *
make_temporary (const char  *dest,
                GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (dest);
  g_autofree char *tmp = g_build_filename (dir, ".mops-export-XXXXXX", NULL);
  mode_t mask;
  int fd;

  fd = g_mkstemp (tmp);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), "%s", g_strerror (saved_errno));
      return NULL;
    }

  /* The probe is single-threaded: reading the umask by setting it is safe here. */
  mask = umask (0);
  umask (mask);
  fchmod (fd, 0666 & ~mask);
  close (fd);

  return g_steal_pointer (&tmp);
}

static gboolean
copy_into (const char  *source,
           const char  *tmp,
           GError     **error)
{
  g_autoptr(GFile) from = g_file_new_for_path (source);
  g_autoptr(GFile) to = g_file_new_for_path (tmp);

  return g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error);
}

/* Writes the fields into @path itself. FALSE when the format cannot hold XMP or exiv2
 * failed; *@touched says whether @path may have been changed on the way. */
static gboolean
embed (const char *path,
       JsonObject *fields,
       gboolean   *touched)
{
  g_autoptr(GExiv2Metadata) metadata = gexiv2_metadata_new ();

  *touched = FALSE;
  if (!gexiv2_metadata_open_path (metadata, path, NULL) || !gexiv2_metadata_get_supports_xmp (metadata))
    return FALSE;

  if (!set_fields (metadata, fields, NULL))
    return FALSE;

  *touched = TRUE;
  return gexiv2_metadata_save_file (metadata, path, NULL);
}

/* A sidecar holding only the fields, in a temporary file beside @dest. */
static char *
write_sidecar (const char  *dest,
               JsonObject  *fields,
               GError     **error)
{
  g_autoptr(GExiv2Metadata) metadata = gexiv2_metadata_new ();
  g_autofree char *tmp = make_temporary (dest, error);

  if (tmp == NULL)
    return NULL;

  if (!g_file_set_contents (tmp, empty_packet, -1, error) ||
      !gexiv2_metadata_open_path (metadata, tmp, error) ||
      !set_fields (metadata, fields, error) ||
      !gexiv2_metadata_save_file (metadata, tmp, error))
    {
      g_unlink (tmp);
      return NULL;
    }

  return g_steal_pointer (&tmp);
}

gboolean
mops_probe_write_xmp (const char  *source,
                      const char  *dest,
                      const char  *name,
                      JsonObject  *fields,
                      char       **out_sidecar,
                      char       **error_code,
                      char       **error_message)
{
  g_autofree char *dest_name = g_filename_display_basename (dest);
  g_autofree char *copy = NULL;
  g_autofree char *sidecar_tmp = NULL;
  g_autofree char *sidecar = NULL;
  g_autoptr(GError) error = NULL;
  gboolean touched = FALSE;

  *out_sidecar = NULL;

  if (!g_file_test (source, G_FILE_TEST_IS_REGULAR) || g_access (source, R_OK) != 0)
    {
      set_error (error_code, error_message, "unreadable", g_strdup_printf (_("Could not read “%s”"), name));
      return FALSE;
    }

  copy = make_temporary (dest, &error);
  if (copy == NULL || !copy_into (source, copy, &error))
    goto write_failed;

  if (!embed (copy, fields, &touched))
    {
      /* exiv2 may have left half a file behind: start again from the original. */
      if (touched && !copy_into (source, copy, &error))
        goto write_failed;

      sidecar_tmp = write_sidecar (dest, fields, &error);
      if (sidecar_tmp == NULL)
        goto write_failed;
    }

  if (g_rename (copy, dest) != 0)
    {
      int saved_errno = errno;
      g_set_error (&error, G_IO_ERROR, g_io_error_from_errno (saved_errno), "%s", g_strerror (saved_errno));
      goto write_failed;
    }

  if (sidecar_tmp != NULL)
    {
      sidecar = g_strconcat (dest, ".xmp", NULL);
      if (g_rename (sidecar_tmp, sidecar) != 0)
        {
          int saved_errno = errno;
          g_autofree char *sidecar_name = g_filename_display_basename (sidecar);

          g_unlink (sidecar_tmp);
          set_error (error_code, error_message, "write_failed",
                     g_strdup_printf (_("Could not write “%s”: %s"), sidecar_name, g_strerror (saved_errno)));
          return FALSE;
        }
    }

  *out_sidecar = g_steal_pointer (&sidecar);
  return TRUE;

write_failed:
  if (copy != NULL)
    g_unlink (copy);
  if (sidecar_tmp != NULL)
    g_unlink (sidecar_tmp);
  set_error (error_code, error_message, "write_failed",
             g_strdup_printf (_("Could not write “%s”: %s"), dest_name, error != NULL ? error->message : ""));
  return FALSE;
}
