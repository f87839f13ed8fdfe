/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-cli-assets.c — mops-cli's asset commands: import, search, tag, thumbs */

#include "config.h"

#define G_LOG_DOMAIN "mops-cli"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "core/mops-asset.h"
#include "core/mops-error.h"
#include "core/mops-import.h"
#include "core/mops-licences.h"
#include "core/mops-previews.h"
#include "core/mops-search.h"
#include "core/mops-tags.h"
#include "mops-cli-private.h"

#define PREVIEW_WORKERS 2

static void
add_nullable_string (JsonBuilder *builder,
                     const char  *name,
                     const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/* Parses a positive asset id; FALSE for anything else ("12a", "-3", ""). */
static gboolean
parse_id (const char *text,
          gint64     *out_id)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    return FALSE;

  *out_id = (gint64) value;
  return TRUE;
}

/* import --------------------------------------------------------------------------------- */

static JsonNode *
build_import_json (MopsImportReport *report,
                   GPtrArray        *warnings,
                   gboolean          owned)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "added");
  json_builder_begin_array (builder);
  for (guint i = 0; i < report->added->len; i++)
    {
      MopsImportItem *item = g_ptr_array_index (report->added, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, item->id);
      add_nullable_string (builder, "path", item->path);
      add_nullable_string (builder, "sha256", item->sha256);
      add_nullable_string (builder, "mime", item->mime);
      json_builder_set_member_name (builder, "restored");
      json_builder_add_boolean_value (builder, item->restored);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "duplicates");
  json_builder_begin_array (builder);
  for (guint i = 0; i < report->duplicates->len; i++)
    {
      MopsImportItem *item = g_ptr_array_index (report->duplicates, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, item->id);
      add_nullable_string (builder, "path", item->path);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "warnings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < warnings->len; i++)
    {
      MopsImportItem *item = g_ptr_array_index (warnings, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, item->id);
      add_nullable_string (builder, "path", item->path);
      add_nullable_string (builder, "code", item->code);
      add_nullable_string (builder, "error", item->error);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "failed");
  json_builder_begin_array (builder);
  for (guint i = 0; i < report->failed->len; i++)
    {
      MopsImportItem *item = g_ptr_array_index (report->failed, i);

      json_builder_begin_object (builder);
      add_nullable_string (builder, "path", item->path);
      add_nullable_string (builder, "code", item->code);
      add_nullable_string (builder, "error", item->error);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  /* Only with --owned: the licence the new assets share (null when none needed one). */
  if (owned)
    {
      json_builder_set_member_name (builder, "owned_licence_id");
      if (report->owned_licence_id > 0)
        json_builder_add_int_value (builder, report->owned_licence_id);
      else
        json_builder_add_null_value (builder);
    }

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
import_item_free (MopsImportItem *item)
{
  g_free (item->path);
  g_free (item->code);
  g_free (item->error);
  g_free (item);
}

/* Added files of a known type whose header does not decode are "warnings": they are in the
 * library, marked cannot_preview. The probe pass also reads their metadata. */
static GPtrArray *
probe_added (MopsLibrary      *library,
             MopsImportReport *report)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) import_item_free);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(MopsPreviewReport) previews = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < report->added->len; i++)
    g_array_append_val (ids, ((MopsImportItem *) report->added->pdata[i])->id);

  if (ids->len == 0)
    return g_steal_pointer (&warnings);

  previews = mops_previews_run (library,
                                (const gint64 *) (void *) ids->data, ids->len, 0, PREVIEW_WORKERS,
                                NULL, NULL, NULL, &error);
  if (previews == NULL)
    {
      /* Previews are a cache: the import itself succeeded. */
      g_printerr ("%s: %s\n", MOPS_CLI_PROGRAM_NAME, error->message);
      return g_steal_pointer (&warnings);
    }

  for (guint i = 0; i < previews->cannot_preview->len; i++)
    {
      MopsPreviewProblem *problem = g_ptr_array_index (previews->cannot_preview, i);
      MopsImportItem *item = g_new0 (MopsImportItem, 1);

      for (guint j = 0; j < report->added->len; j++)
        if (((MopsImportItem *) report->added->pdata[j])->id == problem->id)
          item->path = g_strdup (((MopsImportItem *) report->added->pdata[j])->path);

      item->id = problem->id;
      item->code = g_strdup (problem->code);
      item->error = g_strdup (problem->error);
      g_ptr_array_add (warnings, item);
    }

  return g_steal_pointer (&warnings);
}

int
mops_cli_run_import (MopsCliInvocation *invocation)
{
  g_autoptr(MopsLibrary) library = NULL;
  g_autoptr(MopsImportReport) report = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GPtrArray *tags = mops_cli_invocation_get_values (invocation, "tag");
  MopsImportOptions options = { 0 };

  for (guint i = 0; i < tags->len; i++)
    {
      g_auto(GStrv) parts = mops_tag_path_split (g_ptr_array_index (tags, i), &error);

      if (parts == NULL)
        return mops_cli_usage_error (invocation, "%s", error->message);
    }

  for (guint i = 0; i < mops_cli_invocation_get_n_args (invocation); i++)
    g_ptr_array_add (paths, (gpointer) mops_cli_invocation_get_arg (invocation, i));
  g_ptr_array_add (paths, NULL);
  g_ptr_array_add (tags, NULL);

  options.reference = mops_cli_invocation_has_option (invocation, "reference");
  options.owned = mops_cli_invocation_has_option (invocation, "owned");
  options.owned_source = MOPS_LICENCE_SOURCE_CLI;
  options.tags = (const char * const *) tags->pdata;

  library = mops_cli_open_library (invocation, MOPS_LIBRARY_OPEN_DEFAULT, &error);
  if (library == NULL)
    {
      g_ptr_array_set_size (tags, tags->len - 1);
      return mops_cli_fail_with_error (error);
    }

  report = mops_import_run (library, (const char * const *) paths->pdata,
                            &options, NULL, NULL, NULL, &error);
  g_ptr_array_set_size (tags, tags->len - 1);
  if (report == NULL)
    return mops_cli_fail_with_error (error);

  warnings = probe_added (library, report);

  if (mops_cli_invocation_has_option (invocation, "json"))
    {
      g_autoptr(JsonNode) node = build_import_json (report, warnings, options.owned);

      if (!mops_cli_print_json (node, &error))
        return mops_cli_fail_with_error (error);
    }
  else
    {
      printf (g_dngettext (GETTEXT_PACKAGE, "%u file added", "%u files added", report->added->len),
              report->added->len);
      printf (", ");
      printf (g_dngettext (GETTEXT_PACKAGE, "%u already in the library", "%u already in the library",
                           report->duplicates->len),
              report->duplicates->len);
      printf ("\n");
      for (guint i = 0; i < warnings->len; i++)
        printf ("%s\n", ((MopsImportItem *) warnings->pdata[i])->error);
    }

  for (guint i = 0; i < report->failed->len; i++)
    g_printerr ("%s: %s\n", MOPS_CLI_PROGRAM_NAME, ((MopsImportItem *) report->failed->pdata[i])->error);

  return report->failed->len == 0 ? MOPS_CLI_EXIT_OK : MOPS_CLI_EXIT_FAILED;
}

/* search --------------------------------------------------------------------------------- */

int
mops_cli_run_search (MopsCliInvocation *invocation)
{
  g_autoptr(MopsLibrary) library = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) assets = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GPtrArray *types = mops_cli_invocation_get_values (invocation, "type");
  GPtrArray *tags = mops_cli_invocation_get_values (invocation, "tag");
  gboolean json = mops_cli_invocation_has_option (invocation, "json");
  MopsSearchQuery query = { .sort = MOPS_SEARCH_SORT_ID };
  MopsLicenceStatus licence_status = MOPS_LICENCE_STATUS_NONE;
  g_autoptr(GHashTable) licensed = NULL;
  const char *licence_name;

  for (guint i = 0; i < types->len; i++)
    {
      MopsAssetType type = mops_asset_type_from_name (g_ptr_array_index (types, i));

      if (type == 0)
        return mops_cli_usage_error (invocation,
                                     _("“%s” is not a type; use image, vector, document, font, video or other"),
                                     (const char *) g_ptr_array_index (types, i));
      query.types |= type;
    }

  for (guint i = 0; i < tags->len; i++)
    {
      g_auto(GStrv) parts = mops_tag_path_split (g_ptr_array_index (tags, i), &error);

      if (parts == NULL)
        return mops_cli_usage_error (invocation, "%s", error->message);
    }

  licence_name = mops_cli_invocation_get_value (invocation, "licence");
  if (licence_name != NULL &&
      (!mops_licence_status_from_name (licence_name, &licence_status) ||
       licence_status == MOPS_LICENCE_STATUS_NONE))
    return mops_cli_usage_error (invocation,
                                 _("“%s” is not a licence status; use active, expiring, expired, pending or missing"),
                                 licence_name);

  for (guint i = 0; i < mops_cli_invocation_get_n_args (invocation); i++)
    {
      if (i > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, mops_cli_invocation_get_arg (invocation, i));
    }

  library = mops_cli_open_library (invocation, MOPS_LIBRARY_OPEN_READ_ONLY, &error);
  if (library == NULL)
    return mops_cli_fail_with_error (error);

  g_ptr_array_add (tags, NULL);
  query.text = text->str;
  query.tags = (const char * const *) tags->pdata;
  ids = mops_search_assets (library, &query, &error);
  g_ptr_array_set_size (tags, tags->len - 1);
  if (ids == NULL)
    return mops_cli_fail_with_error (error);

  if (licence_status != MOPS_LICENCE_STATUS_NONE)
    {
      g_autoptr(GArray) with_status =
        mops_licences_assets_with_status (library, 1u << licence_status, NULL, -1, &error);

      if (with_status == NULL)
        return mops_cli_fail_with_error (error);
      licensed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      for (guint i = 0; i < with_status->len; i++)
        g_hash_table_add (licensed, g_memdup2 (&g_array_index (with_status, gint64, i), sizeof (gint64)));
    }

  assets = mops_asset_load_many (library, (const gint64 *) ids->data, ids->len, &error);
  if (assets == NULL)
    return mops_cli_fail_with_error (error);
  for (guint i = 0; i < assets->len; i++)
    {
      MopsAsset *asset = g_ptr_array_index (assets, i);
      gint64 id = mops_asset_get_id (asset);

      g_hash_table_insert (by_id, g_memdup2 (&id, sizeof id), asset);
    }

  json_builder_begin_array (builder);
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      MopsAsset *asset = g_hash_table_lookup (by_id, &id);
      const char *title;

      if (asset == NULL || (licensed != NULL && !g_hash_table_contains (licensed, &id)))
        continue;

      title = mops_asset_get_title (asset);
      if (json)
        {
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_int_value (builder, id);
          add_nullable_string (builder, "original_name", mops_asset_get_original_name (asset));
          add_nullable_string (builder, "mime", mops_asset_get_mime (asset));
          add_nullable_string (builder, "title", title);
          json_builder_end_object (builder);
        }
      else
        {
          g_autofree char *line = g_strdup_printf ("%" G_GINT64_FORMAT "\t%s%s%s\n", id,
                                                   mops_asset_get_original_name (asset),
                                                   title != NULL ? " — " : "", title != NULL ? title : "");
          fwrite (line, 1, strlen (line), stdout);
        }
    }
  json_builder_end_array (builder);

  if (json)
    {
      g_autoptr(JsonNode) node = json_builder_get_root (builder);

      if (!mops_cli_print_json (node, &error))
        return mops_cli_fail_with_error (error);
    }

  return MOPS_CLI_EXIT_OK;
}

/* tag ------------------------------------------------------------------------------------ */

int
mops_cli_run_tag (MopsCliInvocation *invocation)
{
  g_autoptr(MopsLibrary) library = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  const char *action = mops_cli_invocation_get_arg (invocation, 0);
  const char *path = mops_cli_invocation_get_arg (invocation, 1);
  g_auto(GStrv) parts = NULL;
  gboolean ok;

  if (!g_str_equal (action, "add") && !g_str_equal (action, "remove"))
    return mops_cli_usage_error (invocation, _("“%s” is not a tag action; use add or remove"), action);

  parts = mops_tag_path_split (path, &error);
  if (parts == NULL)
    return mops_cli_usage_error (invocation, "%s", error->message);

  for (guint i = 2; i < mops_cli_invocation_get_n_args (invocation); i++)
    {
      const char *arg = mops_cli_invocation_get_arg (invocation, i);
      gint64 id;

      if (!parse_id (arg, &id))
        return mops_cli_usage_error (invocation, _("“%s” is not an asset id"), arg);
      g_array_append_val (ids, id);
    }

  library = mops_cli_open_library (invocation, MOPS_LIBRARY_OPEN_DEFAULT, &error);
  if (library == NULL)
    return mops_cli_fail_with_error (error);

  if (g_str_equal (action, "add"))
    ok = mops_tags_add_to_assets (library, path, (const gint64 *) (void *) ids->data, ids->len, &error);
  else
    ok = mops_tags_remove_from_assets (library, path, (const gint64 *) (void *) ids->data, ids->len, &error);

  return ok ? MOPS_CLI_EXIT_OK : mops_cli_fail_with_error (error);
}

/* thumbs --------------------------------------------------------------------------------- */

int
mops_cli_run_thumbs (MopsCliInvocation *invocation)
{
  g_autoptr(MopsLibrary) library = NULL;
  g_autoptr(MopsPreviewReport) report = NULL;
  g_autoptr(GError) error = NULL;
  const char *size = mops_cli_invocation_get_value (invocation, "size");
  MopsThumbSizes sizes = MOPS_THUMB_SIZE_256 | MOPS_THUMB_SIZE_512;

  if (size != NULL)
    {
      if (g_str_equal (size, "256"))
        sizes = MOPS_THUMB_SIZE_256;
      else if (g_str_equal (size, "512"))
        sizes = MOPS_THUMB_SIZE_512;
      else
        return mops_cli_usage_error (invocation, _("“%s” is not a thumbnail size; use 256 or 512"), size);
    }

  library = mops_cli_open_library (invocation, MOPS_LIBRARY_OPEN_DEFAULT, &error);
  if (library == NULL)
    return mops_cli_fail_with_error (error);

  report = mops_previews_run (library, NULL, 0, sizes,
                              PREVIEW_WORKERS, NULL, NULL, NULL, &error);
  if (report == NULL)
    return mops_cli_fail_with_error (error);

  if (mops_cli_invocation_has_option (invocation, "json"))
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) node = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "generated");
      json_builder_add_int_value (builder, report->generated);
      json_builder_set_member_name (builder, "skipped");
      json_builder_add_int_value (builder, report->skipped);
      json_builder_set_member_name (builder, "cannot_preview");
      json_builder_begin_array (builder);
      for (guint i = 0; i < report->cannot_preview->len; i++)
        {
          MopsPreviewProblem *problem = g_ptr_array_index (report->cannot_preview, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_int_value (builder, problem->id);
          add_nullable_string (builder, "code", problem->code);
          add_nullable_string (builder, "error", problem->error);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);

      node = json_builder_get_root (builder);
      if (!mops_cli_print_json (node, &error))
        return mops_cli_fail_with_error (error);
    }
  else
    {
      printf (g_dngettext (GETTEXT_PACKAGE, "%u thumbnail made", "%u thumbnails made", report->generated),
              report->generated);
      printf (", ");
      printf (g_dngettext (GETTEXT_PACKAGE, "%u already there", "%u already there", report->skipped),
              report->skipped);
      printf ("\n");
      for (guint i = 0; i < report->cannot_preview->len; i++)
        printf ("%s\n", ((MopsPreviewProblem *) report->cannot_preview->pdata[i])->error);
    }

  return MOPS_CLI_EXIT_OK;
}
