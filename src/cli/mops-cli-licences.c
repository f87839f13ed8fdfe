/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-cli-licences.c — mops-cli's licence commands: licence set|attach|detach, licences */

#include "config.h"

#define G_LOG_DOMAIN "mops-cli"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "core/mops-clock.h"
#include "core/mops-error.h"
#include "core/mops-licences.h"
#include "core/mops-money.h"
#include "mops-cli-private.h"

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

static char *
dup_or_null (const char *text)
{
  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

/* Fills @licence from the options of `licence set`; malformed values are usage errors. */
static int
licence_from_options (MopsCliInvocation *invocation,
                      MopsLicence       *licence)
{
  g_autoptr(GError) error = NULL;
  const char *kind = mops_cli_invocation_get_value (invocation, "kind");
  const char *value;

  if (kind == NULL)
    return mops_cli_usage_error (invocation, _("--kind is required"));
  if (!mops_licence_kind_from_name (kind, &licence->kind))
    return mops_cli_usage_error (invocation,
                                 _("“%s” is not a licence kind; use owned, royalty_free, rights_managed, "
                                   "creative_commons, editorial or other"), kind);

  if ((value = mops_cli_invocation_get_value (invocation, "cc-variant")) != NULL &&
      !mops_cc_variant_from_name (value, &licence->cc_variant))
    return mops_cli_usage_error (invocation, _("“%s” is not a Creative Commons variant"), value);
  licence->cc_version = dup_or_null (mops_cli_invocation_get_value (invocation, "cc-version"));
  licence->licensor = dup_or_null (mops_cli_invocation_get_value (invocation, "licensor"));

  if ((value = mops_cli_invocation_get_value (invocation, "starts")) != NULL)
    {
      if (!mops_clock_parse_date (value, NULL))
        return mops_cli_usage_error (invocation, _("“%s” is not a date written YYYY-MM-DD"), value);
      licence->starts_on = g_strdup (value);
    }
  if ((value = mops_cli_invocation_get_value (invocation, "expires")) != NULL)
    {
      if (!mops_clock_parse_date (value, NULL))
        return mops_cli_usage_error (invocation, _("“%s” is not a date written YYYY-MM-DD"), value);
      licence->expires_on = g_strdup (value);
    }

  if ((value = mops_cli_invocation_get_value (invocation, "channels")) != NULL &&
      !mops_media_parse (value, &licence->media, &error))
    return mops_cli_usage_error (invocation, "%s", error->message);

  if ((value = mops_cli_invocation_get_value (invocation, "territories")) != NULL)
    {
      g_strfreev (licence->territories);
      licence->territories = NULL;
      if (!mops_territories_parse (value, &licence->worldwide, &licence->territories, &error))
        return mops_cli_usage_error (invocation, "%s", error->message);
    }

  value = mops_cli_invocation_get_value (invocation, "currency");
  if (value != NULL)
    {
      g_autofree char *currency = mops_currency_normalize (value, &error);

      if (currency == NULL)
        return mops_cli_usage_error (invocation, "%s", error->message);
      licence->currency = g_steal_pointer (&currency);
    }
  if ((value = mops_cli_invocation_get_value (invocation, "cost")) != NULL)
    {
      if (licence->currency == NULL)
        return mops_cli_usage_error (invocation, _("--cost needs --currency"));
      if (!mops_money_parse (value, licence->currency, &licence->cost, &error))
        return mops_cli_usage_error (invocation, "%s", error->message);
      licence->has_cost = TRUE;
    }

  licence->attribution = dup_or_null (mops_cli_invocation_get_value (invocation, "attribution"));
  if ((value = mops_cli_invocation_get_value (invocation, "model-release")) != NULL &&
      !mops_release_from_name (value, &licence->model_release))
    return mops_cli_usage_error (invocation, _("“%s” is not a release; use none, unlimited, limited or not_applicable"), value);
  if ((value = mops_cli_invocation_get_value (invocation, "property-release")) != NULL &&
      !mops_release_from_name (value, &licence->property_release))
    return mops_cli_usage_error (invocation, _("“%s” is not a release; use none, unlimited, limited or not_applicable"), value);
  if ((value = mops_cli_invocation_get_value (invocation, "contract")) != NULL &&
      !parse_id (value, &licence->contract_asset_id))
    return mops_cli_usage_error (invocation, _("“%s” is not an asset id"), value);
  licence->reference = dup_or_null (mops_cli_invocation_get_value (invocation, "reference"));
  licence->notes = dup_or_null (mops_cli_invocation_get_value (invocation, "notes"));
  licence->confirmed = TRUE;
  licence->source = MOPS_LICENCE_SOURCE_CLI;

  return MOPS_CLI_EXIT_OK;
}

static int
run_set (MopsCliInvocation *invocation)
{
  g_autoptr(MopsLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  MopsLicence *licence = mops_licence_new ();
  gint64 asset_id;
  gint64 id;
  int status;

  if (mops_cli_invocation_get_n_args (invocation) != 2 ||
      !parse_id (mops_cli_invocation_get_arg (invocation, 1), &asset_id))
    {
      mops_licence_free (licence);
      return mops_cli_usage_error (invocation, _("licence set takes one asset id"));
    }

  status = licence_from_options (invocation, licence);
  if (status != MOPS_CLI_EXIT_OK)
    {
      mops_licence_free (licence);
      return status;
    }

  library = mops_cli_open_library (invocation, MOPS_LIBRARY_OPEN_DEFAULT, &error);
  if (library == NULL)
    {
      mops_licence_free (licence);
      return mops_cli_fail_with_error (error);
    }

  /* Well-formed but impossible (expires before it starts, an unknown asset): exit 1. */
  id = mops_licences_create (library, licence, &asset_id, 1, &error);
  mops_licence_free (licence);
  if (id <= 0)
    return mops_cli_fail_with_error (error);

  printf ("%" G_GINT64_FORMAT "\n", id);
  return MOPS_CLI_EXIT_OK;
}

static int
run_attach_detach (MopsCliInvocation *invocation,
                   gboolean           attach)
{
  g_autoptr(MopsLibrary) library = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  gint64 licence_id = 0;
  gboolean ok;

  if (mops_cli_invocation_get_n_args (invocation) < 3)
    return mops_cli_usage_error (invocation, _("give a licence id and at least one asset id"));

  for (guint i = 1; i < mops_cli_invocation_get_n_args (invocation); i++)
    {
      const char *arg = mops_cli_invocation_get_arg (invocation, i);
      gint64 id;

      if (!parse_id (arg, &id))
        return mops_cli_usage_error (invocation, _("“%s” is not an id"), arg);
      if (i == 1)
        licence_id = id;
      else
        g_array_append_val (ids, id);
    }

  library = mops_cli_open_library (invocation, MOPS_LIBRARY_OPEN_DEFAULT, &error);
  if (library == NULL)
    return mops_cli_fail_with_error (error);

  if (attach)
    ok = mops_licences_attach (library, licence_id, (const gint64 *) (void *) ids->data, ids->len, &error);
  else
    ok = mops_licences_detach (library, licence_id, (const gint64 *) (void *) ids->data, ids->len, &error);

  return ok ? MOPS_CLI_EXIT_OK : mops_cli_fail_with_error (error);
}

int
mops_cli_run_licence (MopsCliInvocation *invocation)
{
  const char *action = mops_cli_invocation_get_arg (invocation, 0);

  if (g_str_equal (action, "set"))
    return run_set (invocation);
  if (g_str_equal (action, "attach"))
    return run_attach_detach (invocation, TRUE);
  if (g_str_equal (action, "detach"))
    return run_attach_detach (invocation, FALSE);

  return mops_cli_usage_error (invocation, _("“%s” is not a licence action; use set, attach or detach"), action);
}

/* Parses --within DAYS; -1 when absent (the library's setting). */
int
mops_cli_parse_within (MopsCliInvocation *invocation,
                       int               *out_within)
{
  const char *value = mops_cli_invocation_get_value (invocation, "within");
  guint64 days;

  *out_within = -1;
  if (value == NULL)
    return MOPS_CLI_EXIT_OK;

  if (!g_ascii_string_to_unsigned (value, 10, 0, 3650, &days, NULL))
    return mops_cli_usage_error (invocation, _("“%s” is not a number of days"), value);

  *out_within = (int) days;
  return MOPS_CLI_EXIT_OK;
}

int
mops_cli_run_licences (MopsCliInvocation *invocation)
{
  g_autoptr(MopsLibrary) library = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  const char *status_name = mops_cli_invocation_get_value (invocation, "status");
  MopsLicenceStatus status = MOPS_LICENCE_STATUS_NONE;
  int within;
  int rc;

  if (status_name != NULL &&
      (!mops_licence_status_from_name (status_name, &status) || status == MOPS_LICENCE_STATUS_NONE))
    return mops_cli_usage_error (invocation,
                                 _("“%s” is not a licence status; use active, expiring, expired, pending or missing"),
                                 status_name);

  if ((rc = mops_cli_parse_within (invocation, &within)) != MOPS_CLI_EXIT_OK)
    return rc;

  if (mops_cli_invocation_has_option (invocation, "json") && mops_cli_invocation_has_option (invocation, "csv"))
    return mops_cli_usage_error (invocation, _("--json and --csv exclude each other"));

  library = mops_cli_open_library (invocation, MOPS_LIBRARY_OPEN_READ_ONLY, &error);
  if (library == NULL)
    return mops_cli_fail_with_error (error);

  rows = mops_licences_list_rows (library, NULL, within, status, &error);
  if (rows == NULL)
    return mops_cli_fail_with_error (error);

  if (mops_cli_invocation_has_option (invocation, "json"))
    {
      g_autoptr(JsonNode) node = mops_licence_rows_to_json (rows);

      if (!mops_cli_print_json (node, &error))
        return mops_cli_fail_with_error (error);
    }
  else if (mops_cli_invocation_has_option (invocation, "csv"))
    {
      g_autofree char *csv = mops_licence_rows_to_csv (rows);

      fwrite (csv, 1, strlen (csv), stdout);
    }
  else
    {
      for (guint i = 0; i < rows->len; i++)
        {
          MopsLicenceRow *row = g_ptr_array_index (rows, i);
          g_autofree char *line = g_strdup_printf ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\n", row->asset_id,
                                                   mops_licence_status_get_label (row->status),
                                                   row->licensor != NULL ? row->licensor : "—",
                                                   row->expires_on != NULL ? row->expires_on : "—");
          fwrite (line, 1, strlen (line), stdout);
        }
    }

  return MOPS_CLI_EXIT_OK;
}
