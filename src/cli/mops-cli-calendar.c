/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-cli-calendar.c — mops-cli's calendar commands: add, list, export-ics, import-ics,
 * warnings */

#include "config.h"

#define G_LOG_DOMAIN "mops-cli"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "core/mops-calendar.h"
#include "core/mops-clock.h"
#include "core/mops-error.h"
#include "core/mops-people.h"
#include "mops-cli-private.h"

/* The options each action takes; the command's table is their union. */
static const char *const add_options[] = {
  "title", "publish", "status", "channel", "campaign", "owner", "asset", "rrule", "brief", "due", NULL
};
static const char *const list_options[] = { "from", "to", "json", NULL };
static const char *const import_options[] = { "json", NULL };
static const char *const warnings_options[] = { "json", NULL };
static const char *const no_options[] = { NULL };

static const char *const all_options[] = {
  "title", "publish", "status", "channel", "campaign", "owner", "asset", "rrule", "brief", "due",
  "from", "to", "json", NULL
};

/* An option given that @action does not take is a usage error. */
static int
check_options (MopsCliInvocation  *invocation,
               const char         *action,
               const char * const *allowed)
{
  for (guint i = 0; all_options[i] != NULL; i++)
    if (mops_cli_invocation_has_option (invocation, all_options[i])
        && !g_strv_contains (allowed, all_options[i]))
      return mops_cli_usage_error (invocation, _("“calendar %s” takes no --%s"), action, all_options[i]);
  return MOPS_CLI_EXIT_OK;
}

static int
check_n_args (MopsCliInvocation *invocation,
              guint              n_args)
{
  if (mops_cli_invocation_get_n_args (invocation) != n_args)
    return mops_cli_usage_error (invocation, n_args == 1 ? _("this action takes no arguments")
                                                         : _("give exactly one FILE"));
  return MOPS_CLI_EXIT_OK;
}

static gboolean
parse_id (const char *text,
          gint64     *out_id)
{
  guint64 value;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    return FALSE;
  *out_id = (gint64) value;
  return TRUE;
}

/* A date "YYYY-MM-DD", or a date and time "YYYY-MM-DDTHH:MM". */
static gboolean
is_wall_time (const char *text)
{
  g_autofree char *day = NULL;
  int hour, minute;
  char tail;

  if (text == NULL || strlen (text) < 10)
    return FALSE;
  day = g_strndup (text, 10);
  if (!mops_clock_parse_date (day, NULL))
    return FALSE;
  if (text[10] == '\0')
    return TRUE;
  return strlen (text) == 16 && text[10] == 'T' && g_ascii_isdigit (text[11]) && g_ascii_isdigit (text[12])
         && text[13] == ':' && g_ascii_isdigit (text[14]) && g_ascii_isdigit (text[15])
         && sscanf (text + 11, "%2d:%2d%c", &hour, &minute, &tail) == 2 && hour < 24 && minute < 60;
}

/* ---- add --------------------------------------------------------------------------------- */

/* The ids the names of `calendar add` stand for, looked up (and people and campaigns added)
 * inside the caller's transaction. */
static int
resolve_names (MopsCliInvocation    *invocation,
               MopsLibrary          *library,
               MopsContentItemInfo  *info,
               GError              **error)
{
  const char *channel = mops_cli_invocation_get_value (invocation, "channel");
  const char *campaign = mops_cli_invocation_get_value (invocation, "campaign");
  const char *owner = mops_cli_invocation_get_value (invocation, "owner");

  if (channel != NULL)
    {
      info->channel_id = mops_channels_find (library, channel, error);
      if (info->channel_id < 0)
        return mops_cli_fail_with_error (*error);
      if (info->channel_id == 0)
        /* Translators: %s is what was given as --channel */
        return mops_cli_fail (_("There is no channel called “%s”, and no channel has that medium"),
                              channel);
    }
  if (campaign != NULL)
    {
      MopsCampaignInfo campaign_info = { .name = campaign };

      info->campaign_id = mops_campaigns_lookup (library, campaign, error);
      if (info->campaign_id == 0)
        info->campaign_id = mops_campaigns_add (library, &campaign_info, error);
      if (info->campaign_id <= 0)
        return mops_cli_fail_with_error (*error);
    }
  if (owner != NULL)
    {
      info->owner_id = mops_people_ensure (library, owner, error);
      if (info->owner_id <= 0)
        return mops_cli_fail_with_error (*error);
    }
  return MOPS_CLI_EXIT_OK;
}

static int
run_add (MopsCliInvocation *invocation)
{
  g_autoptr(MopsLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) assets = g_array_new (FALSE, FALSE, sizeof (gint64));
  GPtrArray *asset_args = mops_cli_invocation_get_values (invocation, "asset");
  const char *status = mops_cli_invocation_get_value (invocation, "status");
  MopsContentItemInfo info = {
    .title = mops_cli_invocation_get_value (invocation, "title"),
    .brief = mops_cli_invocation_get_value (invocation, "brief"),
    .publish_at = mops_cli_invocation_get_value (invocation, "publish"),
    .due_at = mops_cli_invocation_get_value (invocation, "due"),
    .rrule = mops_cli_invocation_get_value (invocation, "rrule"),
    .status = MOPS_CONTENT_STATUS_IDEA,
  };
  gint64 id;
  int rc;

  if ((rc = check_options (invocation, "add", add_options)) != MOPS_CLI_EXIT_OK
      || (rc = check_n_args (invocation, 1)) != MOPS_CLI_EXIT_OK)
    return rc;

  /* Malformed values: exit 2, nothing opened. */
  if (info.title == NULL)
    return mops_cli_usage_error (invocation, _("--title is required"));
  if (info.publish_at != NULL && !is_wall_time (info.publish_at))
    return mops_cli_usage_error (invocation, _("“%s” is not a date written YYYY-MM-DD or YYYY-MM-DDTHH:MM"),
                                 info.publish_at);
  if (info.due_at != NULL && !is_wall_time (info.due_at))
    return mops_cli_usage_error (invocation, _("“%s” is not a date written YYYY-MM-DD or YYYY-MM-DDTHH:MM"),
                                 info.due_at);
  if (status != NULL && !mops_content_status_from_name (status, &info.status))
    return mops_cli_usage_error (invocation,
                                 _("“%s” is not a content status; use idea, draft, in_review, approved, "
                                   "scheduled or published"), status);
  if (info.rrule != NULL && !mops_content_rrule_check (info.rrule, &error))
    return mops_cli_usage_error (invocation, "%s", error->message);
  for (guint i = 0; i < asset_args->len; i++)
    {
      const char *arg = g_ptr_array_index (asset_args, i);
      gint64 asset_id;

      if (!parse_id (arg, &asset_id))
        return mops_cli_usage_error (invocation, _("“%s” is not an id"), arg);
      g_array_append_val (assets, asset_id);
    }

  /* Well-formed but impossible: exit 1. */
  if (info.status >= MOPS_CONTENT_STATUS_SCHEDULED && info.publish_at == NULL)
    return mops_cli_fail (_("A %s item needs --publish"), mops_content_status_to_name (info.status));
  if (info.rrule != NULL && info.publish_at == NULL)
    return mops_cli_fail (_("A recurring item needs --publish, its first occurrence"));

  library = mops_cli_open_library (invocation, MOPS_LIBRARY_OPEN_DEFAULT, &error);
  if (library == NULL)
    return mops_cli_fail_with_error (error);

  /* The item, its names and its assets: all or nothing. */
  if (!mops_library_begin (library, &error))
    return mops_cli_fail_with_error (error);
  if ((rc = resolve_names (invocation, library, &info, &error)) != MOPS_CLI_EXIT_OK)
    {
      mops_library_rollback (library);
      return rc;
    }
  id = mops_content_items_add (library, &info, &error);
  for (guint i = 0; id > 0 && i < assets->len; i++)
    if (!mops_content_items_add_asset (library, id, g_array_index (assets, gint64, i), (int) i, &error))
      id = 0;
  if (id <= 0 || !mops_library_commit (library, &error))
    {
      mops_library_rollback (library);
      return mops_cli_fail_with_error (error);
    }

  printf ("%" G_GINT64_FORMAT "\n", id);
  return MOPS_CLI_EXIT_OK;
}

/* ---- list -------------------------------------------------------------------------------- */

static void
add_string_or_null (JsonBuilder *builder,
                    const char  *key,
                    const char  *value)
{
  json_builder_set_member_name (builder, key);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_id_or_null (JsonBuilder *builder,
                const char  *key,
                gint64       id)
{
  json_builder_set_member_name (builder, key);
  if (id > 0)
    json_builder_add_int_value (builder, id);
  else
    json_builder_add_null_value (builder);
}

static JsonNode *
items_to_json (GPtrArray *items)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < items->len; i++)
    {
      const MopsContentItem *item = g_ptr_array_index (items, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, item->id);
      add_string_or_null (builder, "title", item->title);
      add_string_or_null (builder, "status", mops_content_status_to_name (item->status));
      add_string_or_null (builder, "publish_at", item->publish_at);
      /* added to the contract's keys */
      add_string_or_null (builder, "uid", item->uid);
      add_string_or_null (builder, "recurrence_id", item->recurrence_id);
      add_id_or_null (builder, "channel_id", item->channel_id);
      add_id_or_null (builder, "campaign_id", item->campaign_id);
      add_string_or_null (builder, "rrule", item->rrule);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

static int
run_list (MopsCliInvocation *invocation)
{
  g_autoptr(MopsLibrary) library = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  const char *from = mops_cli_invocation_get_value (invocation, "from");
  const char *to = mops_cli_invocation_get_value (invocation, "to");
  int rc;

  if ((rc = check_options (invocation, "list", list_options)) != MOPS_CLI_EXIT_OK
      || (rc = check_n_args (invocation, 1)) != MOPS_CLI_EXIT_OK)
    return rc;
  if (from != NULL && !mops_clock_parse_date (from, NULL))
    return mops_cli_usage_error (invocation, _("“%s” is not a date written YYYY-MM-DD"), from);
  if (to != NULL && !mops_clock_parse_date (to, NULL))
    return mops_cli_usage_error (invocation, _("“%s” is not a date written YYYY-MM-DD"), to);

  library = mops_cli_open_library (invocation, MOPS_LIBRARY_OPEN_READ_ONLY, &error);
  if (library == NULL)
    return mops_cli_fail_with_error (error);
  items = mops_content_items_list (library, from, to, &error);
  if (items == NULL)
    return mops_cli_fail_with_error (error);

  if (mops_cli_invocation_has_option (invocation, "json"))
    {
      g_autoptr(JsonNode) node = items_to_json (items);

      if (!mops_cli_print_json (node, &error))
        return mops_cli_fail_with_error (error);
      return MOPS_CLI_EXIT_OK;
    }

  for (guint i = 0; i < items->len; i++)
    {
      const MopsContentItem *item = g_ptr_array_index (items, i);
      g_autofree char *line = g_strdup_printf ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\n", item->id,
                                               item->publish_at != NULL ? item->publish_at : "—",
                                               mops_content_status_to_name (item->status), item->title);

      fwrite (line, 1, strlen (line), stdout);
    }
  return MOPS_CLI_EXIT_OK;
}

/* ---- export-ics, import-ics -------------------------------------------------------------- */

static int
run_export (MopsCliInvocation *invocation)
{
  g_autoptr(MopsLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  int rc;

  if ((rc = check_options (invocation, "export-ics", no_options)) != MOPS_CLI_EXIT_OK
      || (rc = check_n_args (invocation, 2)) != MOPS_CLI_EXIT_OK)
    return rc;

  library = mops_cli_open_library (invocation, MOPS_LIBRARY_OPEN_READ_ONLY, &error);
  if (library == NULL)
    return mops_cli_fail_with_error (error);
  if (!mops_calendar_export_ics (library, mops_cli_invocation_get_arg (invocation, 1), NULL, 0, &error))
    return mops_cli_fail_with_error (error);
  return MOPS_CLI_EXIT_OK;
}

static int
run_import (MopsCliInvocation *invocation)
{
  g_autoptr(MopsLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  MopsIcsReport report = { 0 };
  int rc;

  if ((rc = check_options (invocation, "import-ics", import_options)) != MOPS_CLI_EXIT_OK
      || (rc = check_n_args (invocation, 2)) != MOPS_CLI_EXIT_OK)
    return rc;

  library = mops_cli_open_library (invocation, MOPS_LIBRARY_OPEN_DEFAULT, &error);
  if (library == NULL)
    return mops_cli_fail_with_error (error);
  if (!mops_calendar_import_ics (library, mops_cli_invocation_get_arg (invocation, 1), &report, &error))
    return mops_cli_fail_with_error (error);

  if (mops_cli_invocation_has_option (invocation, "json"))
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) node = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "added");
      json_builder_add_int_value (builder, report.added);
      json_builder_set_member_name (builder, "updated");
      json_builder_add_int_value (builder, report.updated);
      json_builder_set_member_name (builder, "unchanged");
      json_builder_add_int_value (builder, report.unchanged);
      json_builder_end_object (builder);
      node = json_builder_get_root (builder);
      if (!mops_cli_print_json (node, &error))
        return mops_cli_fail_with_error (error);
    }
  else
    {
      g_autofree char *added = g_strdup_printf ("%u", report.added);
      g_autofree char *updated = g_strdup_printf ("%u", report.updated);
      g_autofree char *unchanged = g_strdup_printf ("%u", report.unchanged);
      const char *rows[] = {
        _("Added"), added, _("Updated"), updated, _("Unchanged"), unchanged, NULL,
      };

      mops_cli_print_table (rows);
    }
  return MOPS_CLI_EXIT_OK;
}

/* ---- warnings ---------------------------------------------------------------------------- */

static JsonNode *
warnings_to_json (GPtrArray *warnings)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < warnings->len; i++)
    {
      const MopsCalendarWarning *warning = g_ptr_array_index (warnings, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "item_id");
      json_builder_add_int_value (builder, warning->item_id);
      add_string_or_null (builder, "title", warning->title);
      add_string_or_null (builder, "publish_at", warning->publish_at);
      add_id_or_null (builder, "asset_id", warning->asset_id);
      add_string_or_null (builder, "kind", warning->kind);
      add_string_or_null (builder, "code", warning->code);
      add_string_or_null (builder, "message", warning->message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

static int
run_warnings (MopsCliInvocation *invocation)
{
  g_autoptr(MopsLibrary) library = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  int rc;

  if ((rc = check_options (invocation, "warnings", warnings_options)) != MOPS_CLI_EXIT_OK
      || (rc = check_n_args (invocation, 1)) != MOPS_CLI_EXIT_OK)
    return rc;

  library = mops_cli_open_library (invocation, MOPS_LIBRARY_OPEN_READ_ONLY, &error);
  if (library == NULL)
    return mops_cli_fail_with_error (error);
  warnings = mops_calendar_list_warnings (library, &error);
  if (warnings == NULL)
    return mops_cli_fail_with_error (error);

  if (mops_cli_invocation_has_option (invocation, "json"))
    {
      g_autoptr(JsonNode) node = warnings_to_json (warnings);

      if (!mops_cli_print_json (node, &error))
        return mops_cli_fail_with_error (error);
      return MOPS_CLI_EXIT_OK;
    }

  for (guint i = 0; i < warnings->len; i++)
    {
      const MopsCalendarWarning *warning = g_ptr_array_index (warnings, i);
      g_autofree char *line = g_strdup_printf ("%" G_GINT64_FORMAT "\t%s\t%s\n", warning->item_id,
                                               warning->publish_at, warning->message);

      fwrite (line, 1, strlen (line), stdout);
    }
  return MOPS_CLI_EXIT_OK;
}

int
mops_cli_run_calendar (MopsCliInvocation *invocation)
{
  const char *action = mops_cli_invocation_get_arg (invocation, 0);

  if (g_str_equal (action, "add"))
    return run_add (invocation);
  if (g_str_equal (action, "list"))
    return run_list (invocation);
  if (g_str_equal (action, "export-ics"))
    return run_export (invocation);
  if (g_str_equal (action, "import-ics"))
    return run_import (invocation);
  if (g_str_equal (action, "warnings"))
    return run_warnings (invocation);

  return mops_cli_usage_error (invocation,
                               _("“%s” is not a calendar action; use add, list, export-ics, import-ics or warnings"),
                               action);
}
