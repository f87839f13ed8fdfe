/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-cli-library.c — mops-cli's library commands: init, info, demo, check */

#include "config.h"

#define G_LOG_DOMAIN "mops-cli"

#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "core/mops-check.h"
#include "core/mops-error.h"
#include "core/mops-previews.h"
#include "demo/mops-demo.h"
#include "mops-cli-private.h"

static char *
format_count (gint64 n)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, n);
}

/* init ----------------------------------------------------------------------------------- */

int
mops_cli_run_init (MopsCliInvocation *invocation)
{
  g_autoptr(MopsLibrary) library = NULL;
  g_autoptr(GError) error = NULL;

  library = mops_cli_open_library (invocation, MOPS_LIBRARY_OPEN_CREATE, &error);
  if (library == NULL)
    return mops_cli_fail_with_error (error);

  return MOPS_CLI_EXIT_OK;
}

/* info ----------------------------------------------------------------------------------- */

typedef struct
{
  const char *key;    /* JSON key */
  const char *label;  /* N_() for the summary */
  gsize       offset; /* into MopsLibraryCounts */
} CountField;

#define COUNT_FIELD(key, label) { #key, label, G_STRUCT_OFFSET (MopsLibraryCounts, key) }

/* cli.md's keys first, in its order, then the other counts. */
static const CountField count_fields[] = {
  COUNT_FIELD (assets, N_("Assets")),
  COUNT_FIELD (tags, N_("Tags")),
  COUNT_FIELD (licences, N_("Licences")),
  COUNT_FIELD (content_items, N_("Content items")),
  COUNT_FIELD (expenses, N_("Expenses")),
  COUNT_FIELD (brand_kits, N_("Brand kits")),
  COUNT_FIELD (people, N_("People")),
  COUNT_FIELD (channels, N_("Channels")),
  COUNT_FIELD (campaigns, N_("Campaigns")),
  COUNT_FIELD (collections, N_("Collections")),
  COUNT_FIELD (fiscal_years, N_("Fiscal years")),
  COUNT_FIELD (subscriptions, N_("Subscriptions")),
  COUNT_FIELD (spend_requests, N_("Spend requests")),
  COUNT_FIELD (trashed_assets, N_("Assets in the Trash")),
};

static gint64
get_count (const MopsLibraryCounts *counts,
           const CountField        *field)
{
  return G_STRUCT_MEMBER (gint64, counts, field->offset);
}

static JsonNode *
build_info_json (MopsLibrary             *library,
                 const MopsLibraryCounts *counts)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *path = g_filename_display_name (mops_library_get_path (library));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "library");
  json_builder_add_string_value (builder, path);
  json_builder_set_member_name (builder, "schema_version");
  json_builder_add_int_value (builder, counts->schema_version);

  for (guint i = 0; i < G_N_ELEMENTS (count_fields); i++)
    {
      json_builder_set_member_name (builder, count_fields[i].key);
      json_builder_add_int_value (builder, get_count (counts, &count_fields[i]));
    }

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
print_info (MopsLibrary             *library,
            const MopsLibraryCounts *counts)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (rows, g_strdup (_("Library")));
  g_ptr_array_add (rows, g_filename_display_name (mops_library_get_path (library)));
  g_ptr_array_add (rows, g_strdup (_("Schema version")));
  g_ptr_array_add (rows, g_strdup_printf ("%d", counts->schema_version));

  for (guint i = 0; i < G_N_ELEMENTS (count_fields); i++)
    {
      g_ptr_array_add (rows, g_strdup (_(count_fields[i].label)));
      g_ptr_array_add (rows, format_count (get_count (counts, &count_fields[i])));
    }

  g_ptr_array_add (rows, NULL);
  mops_cli_print_table ((const char *const *) rows->pdata);
}

int
mops_cli_run_info (MopsCliInvocation *invocation)
{
  g_autoptr(MopsLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  MopsLibraryCounts counts;

  library = mops_cli_open_library (invocation, MOPS_LIBRARY_OPEN_READ_ONLY, &error);
  if (library == NULL)
    return mops_cli_fail_with_error (error);

  if (!mops_library_get_counts (library, &counts, &error))
    return mops_cli_fail_with_error (error);

  if (mops_cli_invocation_has_option (invocation, "json"))
    {
      g_autoptr(JsonNode) node = build_info_json (library, &counts);

      if (!mops_cli_print_json (node, &error))
        return mops_cli_fail_with_error (error);
    }
  else
    print_info (library, &counts);

  return MOPS_CLI_EXIT_OK;
}

/* demo ----------------------------------------------------------------------------------- */

typedef struct
{
  int   percent;
  char *what;
  guint printed : 1;
} DemoProgress;

static void
on_demo_progress_cb (double      fraction,
                     const char *what,
                     gpointer    user_data)
{
  DemoProgress *progress = user_data;
  int percent = (int) (CLAMP (fraction, 0.0, 1.0) * 100.0);

  if (what == NULL)
    what = "";

  if (progress->printed && percent == progress->percent && g_strcmp0 (what, progress->what) == 0)
    return;

  progress->percent = percent;
  g_free (progress->what);
  progress->what = g_strdup (what);
  progress->printed = TRUE;

  /* One line, rewritten in place; stderr is a terminal here. */
  g_printerr ("\r\033[K%3d %%  %s", percent, what);
}

int
mops_cli_run_demo (MopsCliInvocation *invocation)
{
  g_autoptr(MopsLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  DemoProgress progress = { 0, NULL, FALSE };
  gboolean done;

  library = mops_cli_open_library (invocation, MOPS_LIBRARY_OPEN_CREATE, &error);
  if (library == NULL)
    return mops_cli_fail_with_error (error);

  done = mops_demo_generate (library, isatty (STDERR_FILENO) ? on_demo_progress_cb : NULL,
                             &progress, NULL, &error);

  /* The progress line goes away: like init, a demo that worked prints nothing. */
  if (progress.printed)
    g_printerr ("\r\033[K");
  g_free (progress.what);

  if (!done)
    return mops_cli_fail_with_error (error);

  /* Thumbnails and header metadata now, so the app opens on pictures, not placeholders.
   * They are a cache: a helper that cannot run leaves them to the app. */
  {
    g_autoptr(MopsPreviewReport) previews =
      mops_previews_run (library, NULL, 0, 0, 2, NULL, NULL, NULL, &error);

    if (previews == NULL)
      g_printerr ("%s: %s\n", MOPS_CLI_PROGRAM_NAME, error->message);
  }

  return MOPS_CLI_EXIT_OK;
}

/* check ---------------------------------------------------------------------------------- */

static void
print_check_section (const char *title,
                     GPtrArray  *lines)
{
  if (lines->len == 0)
    return;

  g_print ("\n%s\n", title);
  for (guint i = 0; i < lines->len; i++)
    g_print ("  %s\n", (const char *) g_ptr_array_index (lines, i));
}

static GPtrArray *
describe_check_files (GPtrArray *files)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < files->len; i++)
    {
      const MopsCheckFile *file = g_ptr_array_index (files, i);
      g_autofree char *id = format_count (file->asset_id);

      /* TRANSLATORS: a file path and the id of the asset it belongs to */
      g_ptr_array_add (lines, g_strdup_printf (_("%s (asset %s)"), file->path, id));
    }

  return lines;
}

static void
print_check_report (const char            *library_path,
                    const MopsCheckReport *report)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) missing = describe_check_files (report->missing_files);
  g_autoptr(GPtrArray) offline = describe_check_files (report->offline_references);
  g_auto(GStrv) integrity = g_strsplit (report->integrity, "\n", -1);
  gboolean sound = g_strcmp0 (report->integrity, "ok") == 0;

  g_ptr_array_add (rows, g_strdup (_("Library")));
  g_ptr_array_add (rows, g_filename_display_name (library_path));
  g_ptr_array_add (rows, g_strdup (_("Schema version")));
  g_ptr_array_add (rows, g_strdup_printf ("%d", report->schema_version));
  g_ptr_array_add (rows, g_strdup (_("Integrity")));
  g_ptr_array_add (rows, g_strdup (sound ? report->integrity : _("damaged")));
  g_ptr_array_add (rows, g_strdup (_("Missing files")));
  g_ptr_array_add (rows, g_strdup_printf ("%u", report->missing_files->len));
  g_ptr_array_add (rows, g_strdup (_("Offline references")));
  g_ptr_array_add (rows, g_strdup_printf ("%u", report->offline_references->len));
  g_ptr_array_add (rows, g_strdup (_("Orphan files")));
  g_ptr_array_add (rows, g_strdup_printf ("%u", report->orphan_files->len));
  g_ptr_array_add (rows, g_strdup (_("Stale staging folders")));
  g_ptr_array_add (rows, g_strdup_printf ("%u", report->stale_tmp->len));
  if (report->repaired)
    {
      g_ptr_array_add (rows, g_strdup (_("Removed orphan files")));
      g_ptr_array_add (rows, g_strdup_printf ("%u", report->repaired_orphan_files));
      g_ptr_array_add (rows, g_strdup (_("Removed staging folders")));
      g_ptr_array_add (rows, g_strdup_printf ("%u", report->repaired_stale_tmp));
    }
  g_ptr_array_add (rows, NULL);
  mops_cli_print_table ((const char *const *) rows->pdata);

  if (!sound)
    {
      g_autoptr(GPtrArray) lines = g_ptr_array_new ();

      for (guint i = 0; integrity[i] != NULL; i++)
        g_ptr_array_add (lines, integrity[i]);
      print_check_section (_("Integrity check:"), lines);
    }
  print_check_section (_("Missing files:"), missing);
  print_check_section (_("Offline references (reported, not an inconsistency):"), offline);
  print_check_section (_("Orphan files (no asset uses them):"), report->orphan_files);
  print_check_section (_("Stale staging folders:"), report->stale_tmp);
}

/* The one stderr line of a check that found the library inconsistent. */
static int
fail_check (const char            *library_path,
            const MopsCheckReport *report)
{
  g_autofree char *display = g_filename_display_name (library_path);
  const MopsCheckFile *first;
  g_autofree char *id = NULL;
  guint others;

  if (g_strcmp0 (report->integrity, "ok") != 0)
    {
      g_auto(GStrv) lines = g_strsplit (report->integrity, "\n", 2);

      return mops_cli_fail (_("The database of the library “%s” is damaged: %s"),
                            display, lines[0] != NULL ? lines[0] : "");
    }

  first = g_ptr_array_index (report->missing_files, 0);
  id = format_count (first->asset_id);
  others = report->missing_files->len - 1;
  if (others == 0)
    return mops_cli_fail (_("The file “%s” of asset %s is missing from the library “%s”"),
                          first->path, id, display);

  return mops_cli_fail (ngettext ("The file “%s” of asset %s and %u other file are missing "
                                  "from the library “%s”",
                                  "The file “%s” of asset %s and %u other files are missing "
                                  "from the library “%s”",
                                  others),
                        first->path, id, others, display);
}

int
mops_cli_run_check (MopsCliInvocation *invocation)
{
  const char *library_path = mops_cli_invocation_get_library_path (invocation);
  gboolean repair = mops_cli_invocation_has_option (invocation, "repair");
  g_autoptr(MopsCheckReport) report = NULL;
  g_autoptr(GError) error = NULL;

  report = mops_check_run_at_path (library_path, repair, NULL, &error);
  if (report == NULL)
    return mops_cli_fail_with_error (error);

  if (mops_cli_invocation_has_option (invocation, "json"))
    {
      g_autoptr(JsonNode) node = mops_check_report_to_json (report);

      if (!mops_cli_print_json (node, &error))
        return mops_cli_fail_with_error (error);
    }
  else
    print_check_report (library_path, report);

  if (!report->ok)
    return fail_check (library_path, report);

  return MOPS_CLI_EXIT_OK;
}
