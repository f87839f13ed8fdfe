/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-licences.c — licence records: names, validation, reading and writing, links to assets */

#include "config.h"

#define G_LOG_DOMAIN "mops-licences"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <unicode/uloc.h>

#include "mops-asset-store-private.h"
#include "mops-asset-store.h"
#include "mops-clock.h"
#include "mops-db-private.h"
#include "mops-enum-names-private.h"
#include "mops-enums.h"
#include "mops-error.h"
#include "mops-library-private.h"
#include "mops-licence-metadata.h"
#include "mops-licence-booking-private.h"
#include "mops-licences-private.h"
#include "mops-money.h"

/* ---- Names ------------------------------------------------------------------------------- */

/* The stable names are the nicks of the enum types mkenums registers from mops-licences.h
 * (mops-enums.h); only the translated labels are tables here, indexed by value. */
static const char * const kind_labels[] = {
  N_("Owned"), N_("Royalty-free"), N_("Rights-managed"), N_("Creative Commons"),
  N_("Editorial"), N_("Other"),
};
static const char * const status_labels[] = {
  NULL, N_("Active"), N_("Expiring"), N_("Expired"), N_("Not started"), N_("Missing"),
};
static const char * const medium_labels[] = {
  N_("Web"), N_("Social media"), N_("Print"), N_("Broadcast"), N_("Outdoor"), N_("Email"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (kind_labels) == MOPS_LICENCE_KIND_OTHER + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (status_labels) == MOPS_LICENCE_STATUS_MISSING + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (medium_labels) == 6 && (1u << 6) - 1 == MOPS_MEDIA_ALL);

static const char *
label_at (const char * const *labels,
          guint               n_labels,
          int                 index)
{
  if (index < 0 || (guint) index >= n_labels || labels[index] == NULL)
    return NULL;

  return _(labels[index]);
}

const char *
mops_licence_kind_to_name (MopsLicenceKind kind)
{
  return mops_enum_to_name (MOPS_TYPE_LICENCE_KIND, (int) kind);
}

gboolean
mops_licence_kind_from_name (const char      *name,
                             MopsLicenceKind *out_kind)
{
  return mops_enum_from_name (MOPS_TYPE_LICENCE_KIND, name, (int *) out_kind);
}

const char *
mops_licence_kind_get_label (MopsLicenceKind kind)
{
  return label_at (kind_labels, G_N_ELEMENTS (kind_labels), (int) kind);
}

const char *
mops_licence_status_to_name (MopsLicenceStatus status)
{
  return mops_enum_to_name (MOPS_TYPE_LICENCE_STATUS, (int) status);
}

gboolean
mops_licence_status_from_name (const char        *name,
                               MopsLicenceStatus *out_status)
{
  return mops_enum_from_name (MOPS_TYPE_LICENCE_STATUS, name, (int *) out_status);
}

const char *
mops_licence_status_get_label (MopsLicenceStatus status)
{
  return label_at (status_labels, G_N_ELEMENTS (status_labels), (int) status);
}

/* The index of a single medium flag, or -1. */
static int
medium_index (MopsMedium medium)
{
  for (guint i = 0; i < G_N_ELEMENTS (medium_labels); i++)
    if ((guint) medium == 1u << i)
      return (int) i;

  return -1;
}

const char *
mops_medium_to_name (MopsMedium medium)
{
  return mops_flag_to_name (MOPS_TYPE_MEDIUM, (guint) medium);
}

gboolean
mops_medium_from_name (const char *name,
                       MopsMedium *out_medium)
{
  return mops_flag_from_name (MOPS_TYPE_MEDIUM, name, (guint *) out_medium);
}

const char *
mops_medium_get_label (MopsMedium medium)
{
  return label_at (medium_labels, G_N_ELEMENTS (medium_labels), medium_index (medium));
}

gboolean
mops_media_parse (const char  *list,
                  guint       *out_media,
                  GError     **error)
{
  g_auto(GStrv) parts = NULL;
  guint media = 0;

  g_return_val_if_fail (out_media != NULL, FALSE);

  parts = g_strsplit (list != NULL ? list : "", ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *part = g_strstrip (parts[i]);
      MopsMedium medium;

      if (*part == '\0')
        continue;

      if (!mops_medium_from_name (part, &medium))
        {
          g_set_error (error, MOPS_ERROR, MOPS_ERROR_INVALID,
                       _("“%s” is not a medium: use web, social, print, broadcast, outdoor "
                         "or email"),
                       part);
          return FALSE;
        }
      media |= medium;
    }

  *out_media = media;
  return TRUE;
}

GStrv
mops_media_to_names (guint media)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < G_N_ELEMENTS (medium_labels); i++)
    if (media & (1u << i))
      g_strv_builder_add (builder, mops_medium_to_name ((MopsMedium) (1u << i)));

  return g_strv_builder_end (builder);
}

const char *
mops_release_to_name (MopsRelease release)
{
  return mops_enum_to_name (MOPS_TYPE_RELEASE, (int) release);
}

gboolean
mops_release_from_name (const char  *name,
                        MopsRelease *out_release)
{
  return mops_enum_from_name (MOPS_TYPE_RELEASE, name, (int *) out_release);
}

const char *
mops_cc_variant_to_name (MopsCcVariant variant)
{
  return mops_enum_to_name (MOPS_TYPE_CC_VARIANT, (int) variant);
}

gboolean
mops_cc_variant_from_name (const char    *name,
                           MopsCcVariant *out_variant)
{
  return mops_enum_from_name (MOPS_TYPE_CC_VARIANT, name, (int *) out_variant);
}

const char *
mops_licence_source_to_name (MopsLicenceSource source)
{
  return mops_enum_to_name (MOPS_TYPE_LICENCE_SOURCE, (int) source);
}

gboolean
mops_licence_source_from_name (const char        *name,
                               MopsLicenceSource *out_source)
{
  return mops_enum_from_name (MOPS_TYPE_LICENCE_SOURCE, name, (int *) out_source);
}

/* ---- Territories ------------------------------------------------------------------------- */

gboolean
mops_territory_is_valid (const char *code)
{
  const char * const *countries;
  char upper[3];

  if (code == NULL || strlen (code) != 2 || !g_ascii_isalpha (code[0]) || !g_ascii_isalpha (code[1]))
    return FALSE;

  upper[0] = g_ascii_toupper (code[0]);
  upper[1] = g_ascii_toupper (code[1]);
  upper[2] = '\0';

  /* ICU's list of current codes (about 250): a scan is cheaper than keeping a table. */
  countries = uloc_getISOCountries ();
  for (guint i = 0; countries[i] != NULL; i++)
    if (strcmp (countries[i], upper) == 0)
      return TRUE;

  return FALSE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Upper-cases, checks, sorts and deduplicates @codes; NULL with @error on an unknown code. */
static GStrv
normalize_territories (const char * const  *codes,
                       GError             **error)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    {
      if (!mops_territory_is_valid (codes[i]))
        {
          g_set_error (error, MOPS_ERROR, MOPS_ERROR_INVALID,
                       _("“%s” is not a country code (ISO 3166-1 alpha-2, such as DE or JP)"),
                       codes[i]);
          return NULL;
        }
      g_ptr_array_add (sorted, g_ascii_strup (codes[i], -1));
    }

  g_ptr_array_sort (sorted, compare_strings);
  for (guint i = 1; i < sorted->len; )
    {
      if (strcmp (g_ptr_array_index (sorted, i - 1), g_ptr_array_index (sorted, i)) == 0)
        g_ptr_array_remove_index (sorted, i);
      else
        i++;
    }

  g_ptr_array_add (sorted, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&sorted), FALSE);
}

gboolean
mops_territories_parse (const char  *list,
                        gboolean    *out_worldwide,
                        GStrv       *out_codes,
                        GError     **error)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  gboolean worldwide = FALSE;
  GStrv normalized;

  g_return_val_if_fail (out_worldwide != NULL, FALSE);
  g_return_val_if_fail (out_codes != NULL, FALSE);

  parts = g_strsplit (list != NULL ? list : "", ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *part = g_strstrip (parts[i]);

      if (*part == '\0')
        continue;
      if (g_ascii_strcasecmp (part, MOPS_TERRITORY_WORLDWIDE) == 0)
        worldwide = TRUE;
      else
        g_ptr_array_add (codes, part);
    }

  if (worldwide && codes->len > 0)
    {
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_INVALID,
                   _("“%s” names countries and worldwide at once: choose one"), list);
      return FALSE;
    }

  if (codes->len == 0)
    {
      *out_worldwide = TRUE;
      *out_codes = NULL;
      return TRUE;
    }

  g_ptr_array_add (codes, NULL);
  normalized = normalize_territories ((const char * const *) codes->pdata, error);
  if (normalized == NULL)
    return FALSE;

  *out_worldwide = FALSE;
  *out_codes = normalized;
  return TRUE;
}

/* ---- Days -------------------------------------------------------------------------------- */

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
static gint32
days_from_civil (int      year,
                 unsigned month,
                 unsigned day)
{
  int era;
  unsigned yoe, doy, doe;

  year -= month <= 2;
  era = (year >= 0 ? year : year - 399) / 400;
  yoe = (unsigned) (year - era * 400);
  doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return (gint32) (era * 146097 + (int) doe - 719468);
}

gint32
mops_licence_day_from_text (const char *text,
                            gint32      open)
{
  int year = 0;
  unsigned month, day;

  if (text == NULL)
    return open;

  for (guint i = 0; i < 10; i++)
    {
      if (i == 4 || i == 7)
        {
          if (text[i] != '-')
            return MOPS_DAY_INVALID;
        }
      else if (!g_ascii_isdigit (text[i]))
        return MOPS_DAY_INVALID;
    }
  if (text[10] != '\0')
    return MOPS_DAY_INVALID;

  for (guint i = 0; i < 4; i++)
    year = year * 10 + (text[i] - '0');
  month = (unsigned) ((text[5] - '0') * 10 + (text[6] - '0'));
  day = (unsigned) ((text[8] - '0') * 10 + (text[9] - '0'));

  return days_from_civil (year, month, day);
}

gint32
mops_licence_day_from_date (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), MOPS_DAY_INVALID);

  return days_from_civil (g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
}

int
mops_licences_read_warning_days (sqlite3 *db)
{
  g_autoptr(sqlite3_stmt) stmt = mops_db_prepare (db, "SELECT value FROM settings WHERE key = ?", NULL);
  gint64 days;

  if (stmt == NULL)
    return MOPS_DEFAULT_EXPIRY_WARNING_DAYS;

  sqlite3_bind_text (stmt, 1, MOPS_SETTING_EXPIRY_WARNING_DAYS, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW
      || !g_ascii_string_to_signed ((const char *) sqlite3_column_text (stmt, 0), 10, 0, 3650,
                                    &days, NULL))
    return MOPS_DEFAULT_EXPIRY_WARNING_DAYS;

  return (int) days;
}

/* ---- The record -------------------------------------------------------------------------- */

G_DEFINE_BOXED_TYPE (MopsLicence, mops_licence, mops_licence_copy, mops_licence_free)

MopsLicence *
mops_licence_new (void)
{
  MopsLicence *licence = g_new0 (MopsLicence, 1);

  licence->kind = MOPS_LICENCE_KIND_OWNED;
  licence->worldwide = TRUE;
  licence->confirmed = TRUE;
  licence->source = MOPS_LICENCE_SOURCE_USER;
  licence->asset_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  return licence;
}

MopsLicence *
mops_licence_copy (const MopsLicence *licence)
{
  MopsLicence *copy;

  g_return_val_if_fail (licence != NULL, NULL);

  copy = g_memdup2 (licence, sizeof *licence);
  copy->licensor = g_strdup (licence->licensor);
  copy->cc_version = g_strdup (licence->cc_version);
  copy->territories = g_strdupv (licence->territories);
  copy->starts_on = g_strdup (licence->starts_on);
  copy->expires_on = g_strdup (licence->expires_on);
  copy->currency = g_strdup (licence->currency);
  copy->attribution = g_strdup (licence->attribution);
  copy->reference = g_strdup (licence->reference);
  copy->notes = g_strdup (licence->notes);
  copy->asset_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (licence->asset_ids != NULL)
    g_array_append_vals (copy->asset_ids, licence->asset_ids->data, licence->asset_ids->len);

  return copy;
}

void
mops_licence_free (MopsLicence *licence)
{
  if (licence == NULL)
    return;

  g_free (licence->licensor);
  g_free (licence->cc_version);
  g_strfreev (licence->territories);
  g_free (licence->starts_on);
  g_free (licence->expires_on);
  g_free (licence->currency);
  g_free (licence->attribution);
  g_free (licence->reference);
  g_free (licence->notes);
  g_clear_pointer (&licence->asset_ids, g_array_unref);
  g_free (licence);
}

/* ---- Validation -------------------------------------------------------------------------- */

/* NULL for NULL or "" (an empty entry in a form); valid UTF-8 otherwise. */
static char *
clean_text (const char *text)
{
  if (text == NULL || *text == '\0')
    return NULL;

  return g_utf8_make_valid (text, -1);
}

static gboolean
check_date (const char  *text,
            GError     **error)
{
  if (text == NULL || mops_clock_parse_date (text, NULL))
    return TRUE;

  g_set_error (error, MOPS_ERROR, MOPS_ERROR_INVALID,
               _("“%s” is not a date: write YYYY-MM-DD"), text);
  return FALSE;
}

static gboolean
check_ranges (const MopsLicence  *licence,
              GError            **error)
{
  if (mops_licence_kind_to_name (licence->kind) == NULL
      || (licence->cc_variant != MOPS_CC_VARIANT_UNSET
          && mops_cc_variant_to_name (licence->cc_variant) == NULL)
      || (licence->model_release != MOPS_RELEASE_UNSET
          && mops_release_to_name (licence->model_release) == NULL)
      || (licence->property_release != MOPS_RELEASE_UNSET
          && mops_release_to_name (licence->property_release) == NULL)
      || mops_licence_source_to_name (licence->source) == NULL
      || (licence->media & ~MOPS_MEDIA_ALL) != 0
      || licence->contract_asset_id < 0)
    {
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_INVALID,
                   _("The licence holds a value that is out of range"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_dates (const MopsLicence  *licence,
             GError            **error)
{
  if (!check_date (licence->starts_on, error) || !check_date (licence->expires_on, error))
    return FALSE;

  if (licence->starts_on != NULL && licence->expires_on != NULL
      && strcmp (licence->expires_on, licence->starts_on) < 0)
    {
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_INVALID,
                   _("The licence expires on %s, before it starts on %s"),
                   licence->expires_on, licence->starts_on);
      return FALSE;
    }

  return TRUE;
}

/* Checks cost and currency of @licence and writes the stored form into @out. */
static gboolean
normalize_cost (const MopsLicence  *licence,
                MopsLicence        *out,
                GError            **error)
{
  if (licence->has_cost && licence->currency == NULL)
    {
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_INVALID, _("A cost needs a currency"));
      return FALSE;
    }
  if (licence->has_cost && licence->cost < 0)
    {
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_INVALID, _("A licence cannot cost less than nothing"));
      return FALSE;
    }

  g_clear_pointer (&out->currency, g_free);
  if (licence->currency != NULL)
    {
      out->currency = mops_currency_normalize (licence->currency, error);
      if (out->currency == NULL)
        return FALSE;
    }
  if (!licence->has_cost)
    out->cost = 0;

  return TRUE;
}

static void
replace_text (char       **field,
              const char  *text)
{
  g_free (*field);
  *field = clean_text (text);
}

/* A checked copy of @licence as it will be stored: text fields cleaned, territories upper
 * case and sorted, currency upper case, worldwide exactly when no territory is named. */
static MopsLicence *
normalize_licence (const MopsLicence  *licence,
                   GError            **error)
{
  g_autoptr(MopsLicence) out = mops_licence_copy (licence);
  gboolean has_territories = licence->territories != NULL && licence->territories[0] != NULL;

  replace_text (&out->licensor, licence->licensor);
  replace_text (&out->cc_version, licence->cc_version);
  replace_text (&out->attribution, licence->attribution);
  replace_text (&out->reference, licence->reference);
  replace_text (&out->notes, licence->notes);

  if (!check_ranges (licence, error) || !check_dates (licence, error)
      || !normalize_cost (licence, out, error))
    return NULL;

  if ((licence->cc_variant != MOPS_CC_VARIANT_UNSET || out->cc_version != NULL)
      && licence->kind != MOPS_LICENCE_KIND_CREATIVE_COMMONS)
    {
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_INVALID,
                   _("A Creative Commons variant or version needs the kind “creative_commons”"));
      return NULL;
    }

  /* Naming countries is what makes a licence regional; worldwide follows from it. */
  g_clear_pointer (&out->territories, g_strfreev);
  if (has_territories)
    {
      out->territories = normalize_territories ((const char * const *) licence->territories, error);
      if (out->territories == NULL)
        return NULL;
    }
  out->worldwide = !has_territories;

  return g_steal_pointer (&out);
}

gboolean
mops_licence_validate (const MopsLicence  *licence,
                       GError            **error)
{
  g_autoptr(MopsLicence) normalized = NULL;

  g_return_val_if_fail (licence != NULL, FALSE);

  normalized = normalize_licence (licence, error);
  return normalized != NULL;
}

/* ---- Reading ----------------------------------------------------------------------------- */

#define LICENCE_COLUMNS \
  "id, licensor, kind, cc_variant, cc_version, worldwide, starts_on, expires_on, cost, " \
  "currency, attribution, model_release, property_release, contract_asset_id, reference, " \
  "notes, confirmed, source, created_at, modified_at"

/* The queries that load licences with their media, territories and assets, for each of the
 * three selections: all licences, one by id (?1), those linked to asset ?1. */
typedef struct
{
  const char *licences;
  const char *media;
  const char *territories;
  const char *assets;
} LoadQueries;

#define ONE_WHERE   " WHERE licence_id = ?1"
#define ASSET_WHERE " WHERE licence_id IN (SELECT licence_id FROM licence_assets WHERE asset_id = ?1)"

static const LoadQueries load_all = {
  "SELECT " LICENCE_COLUMNS " FROM licences ORDER BY id",
  "SELECT licence_id, medium FROM licence_media",
  "SELECT licence_id, territory FROM licence_territories ORDER BY licence_id, territory",
  "SELECT licence_id, asset_id FROM licence_assets ORDER BY licence_id, asset_id",
};
static const LoadQueries load_one = {
  "SELECT " LICENCE_COLUMNS " FROM licences WHERE id = ?1",
  "SELECT licence_id, medium FROM licence_media" ONE_WHERE,
  "SELECT licence_id, territory FROM licence_territories" ONE_WHERE " ORDER BY licence_id, territory",
  "SELECT licence_id, asset_id FROM licence_assets" ONE_WHERE " ORDER BY asset_id",
};
static const LoadQueries load_for_asset = {
  "SELECT " LICENCE_COLUMNS " FROM licences"
  " WHERE id IN (SELECT licence_id FROM licence_assets WHERE asset_id = ?1)"
  " ORDER BY starts_on IS NOT NULL, starts_on, id",
  "SELECT licence_id, medium FROM licence_media" ASSET_WHERE,
  "SELECT licence_id, territory FROM licence_territories" ASSET_WHERE " ORDER BY licence_id, territory",
  "SELECT licence_id, asset_id FROM licence_assets" ASSET_WHERE " ORDER BY licence_id, asset_id",
};

static char *
dup_column_text (sqlite3_stmt *stmt,
                 int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static MopsLicence *
licence_from_row (sqlite3_stmt *stmt)
{
  MopsLicence *licence = mops_licence_new ();

  licence->id = sqlite3_column_int64 (stmt, 0);
  licence->licensor = dup_column_text (stmt, 1);
  mops_licence_kind_from_name ((const char *) sqlite3_column_text (stmt, 2), &licence->kind);
  mops_cc_variant_from_name ((const char *) sqlite3_column_text (stmt, 3), &licence->cc_variant);
  licence->cc_version = dup_column_text (stmt, 4);
  licence->worldwide = sqlite3_column_int (stmt, 5) != 0;
  licence->starts_on = dup_column_text (stmt, 6);
  licence->expires_on = dup_column_text (stmt, 7);
  licence->has_cost = sqlite3_column_type (stmt, 8) != SQLITE_NULL;
  licence->cost = sqlite3_column_int64 (stmt, 8);
  licence->currency = dup_column_text (stmt, 9);
  licence->attribution = dup_column_text (stmt, 10);
  mops_release_from_name ((const char *) sqlite3_column_text (stmt, 11), &licence->model_release);
  mops_release_from_name ((const char *) sqlite3_column_text (stmt, 12), &licence->property_release);
  licence->contract_asset_id = sqlite3_column_int64 (stmt, 13);
  licence->reference = dup_column_text (stmt, 14);
  licence->notes = dup_column_text (stmt, 15);
  licence->confirmed = sqlite3_column_int (stmt, 16) != 0;
  mops_licence_source_from_name ((const char *) sqlite3_column_text (stmt, 17), &licence->source);
  licence->created_at = sqlite3_column_int64 (stmt, 18);
  licence->modified_at = sqlite3_column_int64 (stmt, 19);

  return licence;
}

typedef enum
{
  DETAIL_MEDIA,
  DETAIL_TERRITORIES,
  DETAIL_ASSETS,
} DetailKind;

/* Runs one detail query (licence_id, value), ordered by licence_id, and adds each value to
 * its licence. */
static gboolean
load_details (sqlite3      *db,
              const char   *sql,
              gint64        param,
              DetailKind    kind,
              GHashTable   *by_id,
              GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = mops_db_prepare (db, sql, error);
  g_autoptr(GStrvBuilder) codes = NULL;
  MopsLicence *collecting = NULL;
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_int64 (stmt, 1, param);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 licence_id = sqlite3_column_int64 (stmt, 0);
      const char *value = kind == DETAIL_ASSETS ? NULL : (const char *) sqlite3_column_text (stmt, 1);
      MopsLicence *licence = g_hash_table_lookup (by_id, &licence_id);
      MopsMedium medium;
      gint64 asset_id;

      if (licence == NULL)
        continue;

      switch (kind)
        {
        case DETAIL_MEDIA:
          if (mops_medium_from_name (value, &medium))
            licence->media |= medium;
          break;

        case DETAIL_TERRITORIES:
          if (licence != collecting)
            {
              if (collecting != NULL)
                collecting->territories = g_strv_builder_end (codes);
              g_clear_pointer (&codes, g_strv_builder_unref);
              codes = g_strv_builder_new ();
              collecting = licence;
              g_clear_pointer (&licence->territories, g_strfreev);
            }
          g_strv_builder_add (codes, value);
          break;

        case DETAIL_ASSETS:
          asset_id = sqlite3_column_int64 (stmt, 1);
          g_array_append_val (licence->asset_ids, asset_id);
          break;

        default:
          g_assert_not_reached ();
        }
    }

  if (collecting != NULL)
    collecting->territories = g_strv_builder_end (codes);

  if (rc != SQLITE_DONE)
    return mops_db_set_error (db, error, _("Could not read the licences"));

  return TRUE;
}

/* The licences a LoadQueries selects, complete, in its order. */
static GPtrArray *
load_licences (sqlite3            *db,
               const LoadQueries  *queries,
               gint64              param,
               GError            **error)
{
  g_autoptr(GPtrArray) licences = g_ptr_array_new_with_free_func ((GDestroyNotify) mops_licence_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(sqlite3_stmt) stmt = mops_db_prepare (db, queries->licences, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_int64 (stmt, 1, param);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      MopsLicence *licence = licence_from_row (stmt);

      g_ptr_array_add (licences, licence);
      g_hash_table_insert (by_id, &licence->id, licence);
    }
  if (rc != SQLITE_DONE)
    {
      mops_db_set_error (db, error, _("Could not read the licences"));
      return NULL;
    }

  if (licences->len == 0)
    return g_steal_pointer (&licences);

  if (!load_details (db, queries->media, param, DETAIL_MEDIA, by_id, error)
      || !load_details (db, queries->territories, param, DETAIL_TERRITORIES, by_id, error)
      || !load_details (db, queries->assets, param, DETAIL_ASSETS, by_id, error))
    return NULL;

  return g_steal_pointer (&licences);
}

static gboolean
check_licence_exists (sqlite3  *db,
                      gint64    id,
                      GError  **error)
{
  gboolean exists = FALSE;

  if (!mops_db_row_exists (db, "SELECT 1 FROM licences WHERE id = ?", id, &exists, error))
    return FALSE;

  if (!exists)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      g_set_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND, _("There is no licence with id %s"), number);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_assets_exist (sqlite3       *db,
                    const gint64  *asset_ids,
                    guint          n_assets,
                    GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = mops_db_prepare (db, "SELECT 1 FROM assets WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < n_assets; i++)
    {
      int rc;

      sqlite3_bind_int64 (stmt, 1, asset_ids[i]);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_DONE)
        {
          g_set_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND,
                       _("There is no asset with id %lld"), (long long) asset_ids[i]);
          return FALSE;
        }
      if (rc != SQLITE_ROW)
        return mops_db_set_error (db, error, _("Could not read the library"));
      sqlite3_reset (stmt);
    }

  return TRUE;
}

static MopsLicence *load_in_db (sqlite3  *db,
                                gint64    id,
                                GError  **error);

MopsLicence *
mops_licences_load (MopsLibrary  *library,
                    gint64        id,
                    GError      **error)
{
  g_return_val_if_fail (MOPS_IS_LIBRARY (library), NULL);

  return load_in_db (mops_library_get_db (library), id, error);
}

static MopsLicence *
load_in_db (sqlite3  *db,
            gint64    id,
            GError  **error)
{
  g_autoptr(GPtrArray) licences = NULL;

  licences = load_licences (db, &load_one, id, error);
  if (licences == NULL)
    return NULL;

  if (licences->len == 0)
    {
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND,
                   _("There is no licence with id %lld"), (long long) id);
      return NULL;
    }

  return g_ptr_array_steal_index (licences, 0);
}

GPtrArray *
mops_licences_list (MopsLibrary  *library,
                    GError      **error)
{
  g_return_val_if_fail (MOPS_IS_LIBRARY (library), NULL);

  return load_licences (mops_library_get_db (library), &load_all, 0, error);
}

GPtrArray *
mops_licences_for_asset (MopsLibrary  *library,
                         gint64        asset_id,
                         GError      **error)
{
  sqlite3 *db;

  g_return_val_if_fail (MOPS_IS_LIBRARY (library), NULL);

  db = mops_library_get_db (library);
  if (!check_assets_exist (db, &asset_id, 1, error))
    return NULL;

  return load_licences (db, &load_for_asset, asset_id, error);
}

/* ---- The Licences page's table ------------------------------------------------------------ */

void
mops_licence_table_row_free (MopsLicenceTableRow *row)
{
  if (row == NULL)
    return;

  g_clear_pointer (&row->row, mops_licence_row_free);
  g_free (row->asset_title);
  g_free (row->original_name);
  g_free (row->sha256);
  g_free (row->mime);
  g_free (row->currency);
  g_free (row);
}

MopsLicenceTableRow *
mops_licence_table_row_copy (const MopsLicenceTableRow *row)
{
  MopsLicenceTableRow *copy;

  g_return_val_if_fail (row != NULL, NULL);

  copy = g_new0 (MopsLicenceTableRow, 1);
  if (row->row != NULL)
    {
      copy->row = g_memdup2 (row->row, sizeof *row->row);
      copy->row->licensor = g_strdup (row->row->licensor);
      copy->row->starts_on = g_strdup (row->row->starts_on);
      copy->row->expires_on = g_strdup (row->row->expires_on);
      copy->row->covered_until = g_strdup (row->row->covered_until);
      copy->row->territories = g_strdupv (row->row->territories);
    }
  copy->of_licence = row->of_licence;
  copy->asset_title = g_strdup (row->asset_title);
  copy->original_name = g_strdup (row->original_name);
  copy->sha256 = g_strdup (row->sha256);
  copy->mime = g_strdup (row->mime);
  copy->has_cost = row->has_cost;
  copy->cost = row->cost;
  copy->currency = g_strdup (row->currency);
  return copy;
}

typedef struct
{
  GPtrArray *table;   /* MopsLicenceTableRow */
  char      *path;
} WriteCsvData;

static void
write_csv_data_free (WriteCsvData *data)
{
  g_ptr_array_unref (data->table);
  g_free (data->path);
  g_free (data);
}

static void
write_table_csv_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  WriteCsvData *data = task_data;
  const char *path = data->path;
  g_autofree char *csv = NULL;
  g_autoptr(GError) error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  csv = mops_licence_table_to_csv (data->table);
  if (!g_file_set_contents_full (path, csv, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0666, &error))
    {
      g_autofree char *display = g_filename_display_name (path);
      const char *reason;

      /* GLib's message names the temporary file, which the person never chose. */
      switch (error->domain == G_FILE_ERROR ? error->code : -1)
        {
        case G_FILE_ERROR_NOENT:
        case G_FILE_ERROR_NOTDIR:
          reason = _("its folder does not exist");
          break;
        case G_FILE_ERROR_ACCES:
        case G_FILE_ERROR_PERM:
        case G_FILE_ERROR_ROFS:
          reason = _("its folder cannot be written");
          break;
        case G_FILE_ERROR_NOSPC:
          reason = _("the disk is full");
          break;
        default:
          reason = error->message;
          break;
        }

      /* Translators: the first %s is a file, the second why it could not be written */
      g_task_return_new_error (task, MOPS_ERROR, MOPS_ERROR_IO, _("Could not save “%s”: %s"),
                               display, reason);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

void
mops_licence_table_write_csv_async (MopsLibrary         *library,
                                    GPtrArray           *table,
                                    const char          *path,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  WriteCsvData *data;

  g_return_if_fail (MOPS_IS_LIBRARY (library));
  g_return_if_fail (table != NULL);
  g_return_if_fail (path != NULL);

  data = g_new0 (WriteCsvData, 1);
  data->table = g_ptr_array_ref (table);
  data->path = g_strdup (path);
  task = g_task_new (library, cancellable, callback, user_data);
  g_task_set_source_tag (task, mops_licence_table_write_csv_async);
  g_task_set_task_data (task, data, (GDestroyNotify) write_csv_data_free);
  g_task_run_in_thread (task, write_table_csv_thread);
}

gboolean
mops_licence_table_write_csv_finish (MopsLibrary   *library,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, library), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

/* The title, name, hash and type of every asset the table names, in one query. */
static gboolean
fill_assets (sqlite3    *db,
             GPtrArray  *table,
             GError    **error)
{
  g_autoptr(GHashTable) by_asset = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *json = NULL;
  gboolean ok = FALSE;
  int rc;

  for (guint i = 0; i < table->len; i++)
    {
      MopsLicenceTableRow *row = g_ptr_array_index (table, i);
      GPtrArray *rows;

      if (row->row->asset_id == 0)
        continue;
      rows = g_hash_table_lookup (by_asset, &row->row->asset_id);
      if (rows == NULL)
        {
          rows = g_ptr_array_new ();
          g_hash_table_insert (by_asset, &row->row->asset_id, rows);
          g_array_append_val (ids, row->row->asset_id);
        }
      g_ptr_array_add (rows, row);
    }

  stmt = mops_db_prepare (db, "SELECT id, title, original_name, sha256, mime FROM assets"
                              " WHERE id IN (SELECT value FROM json_each (?))", error);
  if (stmt == NULL)
    goto out;

  json = mops_db_ids_to_json ((const gint64 *) ids->data, ids->len);
  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      GPtrArray *rows = g_hash_table_lookup (by_asset, &id);

      for (guint i = 0; rows != NULL && i < rows->len; i++)
        {
          MopsLicenceTableRow *row = g_ptr_array_index (rows, i);

          row->asset_title = dup_column (stmt, 1);
          row->original_name = dup_column (stmt, 2);
          row->sha256 = dup_column (stmt, 3);
          row->mime = dup_column (stmt, 4);
        }
    }
  if (rc != SQLITE_DONE)
    mops_db_set_error (db, error, _("Could not read the library"));
  else
    ok = TRUE;

out:
  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, by_asset);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      g_ptr_array_unref (value);
  }
  return ok;
}

static void
set_cost (MopsLicenceTableRow *row,
          const MopsLicence   *licence)
{
  if (licence == NULL || !licence->has_cost || licence->currency == NULL)
    return;

  row->has_cost = TRUE;
  row->cost = licence->cost;
  row->currency = g_strdup (licence->currency);
}

/* A row for a licence on its own, from its own dates. */
static MopsLicenceTableRow *
table_row_of_licence (const MopsLicence *licence,
                      int                within)
{
  MopsLicenceTableRow *table_row = g_new0 (MopsLicenceTableRow, 1);
  MopsLicenceRow *row = g_new0 (MopsLicenceRow, 1);

  row->asset_id = licence->asset_ids != NULL && licence->asset_ids->len > 0
                  ? g_array_index (licence->asset_ids, gint64, 0) : 0;
  row->licence_id = licence->id;
  row->licensor = g_strdup (licence->licensor);
  row->kind = licence->kind;
  row->starts_on = g_strdup (licence->starts_on);
  row->expires_on = g_strdup (licence->expires_on);
  row->media = licence->media;
  row->worldwide = licence->worldwide;
  row->territories = g_strdupv (licence->territories);
  row->to_confirm = !licence->confirmed;
  row->status = mops_licence_get_status (licence, NULL, within, &row->has_days_left, &row->days_left);

  table_row->row = row;
  table_row->of_licence = TRUE;
  set_cost (table_row, licence);
  return table_row;
}

static GPtrArray *
list_table_in_db (sqlite3  *db,
                  int       within,
                  GError  **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) licences = NULL;
  g_autoptr(GPtrArray) table = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) shown = g_hash_table_new (g_int64_hash, g_int64_equal);

  if (within < 0)
    within = mops_licences_read_warning_days (db);

  rows = mops_licences_list_rows_in_db (db, NULL, within, MOPS_LICENCE_STATUS_NONE, error);
  if (rows == NULL)
    return NULL;
  licences = load_licences (db, &load_all, 0, error);
  if (licences == NULL)
    return NULL;

  for (guint i = 0; i < licences->len; i++)
    {
      MopsLicence *licence = g_ptr_array_index (licences, i);

      g_hash_table_insert (by_id, &licence->id, licence);
    }

  table = g_ptr_array_new_full (rows->len, (GDestroyNotify) mops_licence_table_row_free);
  for (guint i = 0; i < rows->len; i++)
    {
      MopsLicenceTableRow *table_row = g_new0 (MopsLicenceTableRow, 1);

      table_row->row = g_steal_pointer (&g_ptr_array_index (rows, i));
      if (table_row->row->licence_id != 0)
        {
          g_hash_table_add (shown, &table_row->row->licence_id);
          set_cost (table_row, g_hash_table_lookup (by_id, &table_row->row->licence_id));
        }
      g_ptr_array_add (table, table_row);
    }

  for (guint i = 0; i < licences->len; i++)
    {
      const MopsLicence *licence = g_ptr_array_index (licences, i);

      if (!g_hash_table_contains (shown, &licence->id))
        g_ptr_array_add (table, table_row_of_licence (licence, within));
    }

  if (!fill_assets (db, table, error))
    return NULL;

  return g_steal_pointer (&table);
}

static gpointer
list_table_job (MopsLibrary   *library,
                sqlite3       *db,
                gpointer       job_data,
                GCancellable  *cancellable,
                GError       **error)
{
  return list_table_in_db (db, GPOINTER_TO_INT (job_data), error);
}

void
mops_licences_list_table_async (MopsLibrary         *library,
                                int                  within,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (MOPS_IS_LIBRARY (library));

  mops_library_run_job (library, mops_licences_list_table_async, list_table_job, GINT_TO_POINTER (within),
                        NULL, (GDestroyNotify) g_ptr_array_unref, cancellable, callback, user_data);
}

GPtrArray *
mops_licences_list_table_finish (MopsLibrary   *library,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return mops_library_job_finish (library, result, mops_licences_list_table_async, error);
}

void
mops_licence_table_count_attention (GPtrArray *table,
                                    guint     *out_expiring,
                                    guint     *out_expired)
{
  guint n_expiring = 0, n_expired = 0;

  g_return_if_fail (table != NULL);

  for (guint i = 0; i < table->len; i++)
    {
      const MopsLicenceTableRow *row = g_ptr_array_index (table, i);

      if (row->row->status == MOPS_LICENCE_STATUS_EXPIRING)
        n_expiring++;
      else if (row->row->status == MOPS_LICENCE_STATUS_EXPIRED)
        n_expired++;
    }

  if (out_expiring != NULL)
    *out_expiring = n_expiring;
  if (out_expired != NULL)
    *out_expired = n_expired;
}

/* ---- Writing ----------------------------------------------------------------------------- */

/* Binds the stored fields of a normalized licence to ?1…?17 (see insert_sql, update_sql). */
static void
bind_licence (sqlite3_stmt      *stmt,
              const MopsLicence *licence,
              gint64             now)
{
  mops_db_bind_text_or_null (stmt, 1, licence->licensor);
  sqlite3_bind_text (stmt, 2, mops_licence_kind_to_name (licence->kind), -1, SQLITE_STATIC);
  mops_db_bind_text_or_null (stmt, 3, mops_cc_variant_to_name (licence->cc_variant));
  mops_db_bind_text_or_null (stmt, 4, licence->cc_version);
  sqlite3_bind_int (stmt, 5, licence->worldwide ? 1 : 0);
  mops_db_bind_text_or_null (stmt, 6, licence->starts_on);
  mops_db_bind_text_or_null (stmt, 7, licence->expires_on);
  if (licence->has_cost)
    sqlite3_bind_int64 (stmt, 8, licence->cost);
  else
    sqlite3_bind_null (stmt, 8);
  mops_db_bind_text_or_null (stmt, 9, licence->currency);
  mops_db_bind_text_or_null (stmt, 10, licence->attribution);
  mops_db_bind_text_or_null (stmt, 11, mops_release_to_name (licence->model_release));
  mops_db_bind_text_or_null (stmt, 12, mops_release_to_name (licence->property_release));
  if (licence->contract_asset_id > 0)
    sqlite3_bind_int64 (stmt, 13, licence->contract_asset_id);
  else
    sqlite3_bind_null (stmt, 13);
  mops_db_bind_text_or_null (stmt, 14, licence->reference);
  mops_db_bind_text_or_null (stmt, 15, licence->notes);
  sqlite3_bind_int (stmt, 16, licence->confirmed ? 1 : 0);
  sqlite3_bind_int64 (stmt, 17, now);
}

static const char insert_sql[] =
  "INSERT INTO licences (licensor, kind, cc_variant, cc_version, worldwide, starts_on,"
  " expires_on, cost, currency, attribution, model_release, property_release,"
  " contract_asset_id, reference, notes, confirmed, modified_at, source, created_at)"
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?17)";

static const char update_sql[] =
  "UPDATE licences SET licensor = ?1, kind = ?2, cc_variant = ?3, cc_version = ?4,"
  " worldwide = ?5, starts_on = ?6, expires_on = ?7, cost = ?8, currency = ?9,"
  " attribution = ?10, model_release = ?11, property_release = ?12, contract_asset_id = ?13,"
  " reference = ?14, notes = ?15, confirmed = ?16, modified_at = ?17 WHERE id = ?18";

static gboolean
step_done (sqlite3       *db,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return mops_db_set_error (db, error, _("Could not save the licence"));

  sqlite3_reset (stmt);
  return TRUE;
}

/* Replaces the media and territories rows of licence @id with those of @licence. */
static gboolean
write_details (sqlite3            *db,
               gint64              id,
               const MopsLicence  *licence,
               GError            **error)
{
  g_autoptr(sqlite3_stmt) clear_media = NULL;
  g_autoptr(sqlite3_stmt) clear_territories = NULL;
  g_autoptr(sqlite3_stmt) add_medium = NULL;
  g_autoptr(sqlite3_stmt) add_territory = NULL;

  clear_media = mops_db_prepare (db, "DELETE FROM licence_media WHERE licence_id = ?", error);
  clear_territories = clear_media == NULL ? NULL
    : mops_db_prepare (db, "DELETE FROM licence_territories WHERE licence_id = ?", error);
  add_medium = clear_territories == NULL ? NULL
    : mops_db_prepare (db, "INSERT INTO licence_media (licence_id, medium) VALUES (?, ?)", error);
  add_territory = add_medium == NULL ? NULL
    : mops_db_prepare (db,
                       "INSERT INTO licence_territories (licence_id, territory) VALUES (?, ?)",
                       error);
  if (add_territory == NULL)
    return FALSE;

  sqlite3_bind_int64 (clear_media, 1, id);
  sqlite3_bind_int64 (clear_territories, 1, id);
  if (!step_done (db, clear_media, error) || !step_done (db, clear_territories, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (medium_labels); i++)
    {
      if (!(licence->media & (1u << i)))
        continue;

      sqlite3_bind_int64 (add_medium, 1, id);
      sqlite3_bind_text (add_medium, 2, mops_medium_to_name ((MopsMedium) (1u << i)), -1, SQLITE_STATIC);
      if (!step_done (db, add_medium, error))
        return FALSE;
    }

  for (guint i = 0; licence->territories != NULL && licence->territories[i] != NULL; i++)
    {
      sqlite3_bind_int64 (add_territory, 1, id);
      sqlite3_bind_text (add_territory, 2, licence->territories[i], -1, SQLITE_STATIC);
      if (!step_done (db, add_territory, error))
        return FALSE;
    }

  return TRUE;
}

/* The contract asset, when there is one, must exist: checked before writing, so the error
 * names it rather than a foreign key. */
static gboolean
check_contract_exists (sqlite3            *db,
                       const MopsLicence  *licence,
                       GError            **error)
{
  if (licence->contract_asset_id <= 0)
    return TRUE;

  return check_assets_exist (db, &licence->contract_asset_id, 1, error);
}

/* A signed contract is a record: hidden from the grid, never "missing" (design §12). */
static gboolean
mark_contract_as_record (sqlite3            *db,
                         const MopsLicence  *licence,
                         gint64              now,
                         GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (licence->contract_asset_id <= 0)
    return TRUE;

  stmt = mops_db_prepare (db,
                          "UPDATE assets SET role = 'record', modified_at = ?"
                          " WHERE id = ? AND role <> 'record'",
                          error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, now);
  sqlite3_bind_int64 (stmt, 2, licence->contract_asset_id);
  return step_done (db, stmt, error);
}

static gboolean
refresh_search_text (sqlite3       *db,
                     const gint64  *asset_ids,
                     guint          n_assets,
                     GError       **error)
{
  for (guint i = 0; i < n_assets; i++)
    if (!mops_asset_refresh_search_text (db, asset_ids[i], error))
      return FALSE;

  return TRUE;
}

/* The ids of the assets linked to licence @id, ascending. */
static GArray *
linked_asset_ids (sqlite3  *db,
                  gint64    id,
                  GError  **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = mops_db_prepare (db,
                          "SELECT asset_id FROM licence_assets WHERE licence_id = ? ORDER BY asset_id",
                          error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 asset_id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, asset_id);
    }
  if (rc != SQLITE_DONE)
    {
      mops_db_set_error (db, error, _("Could not read the licences"));
      return NULL;
    }

  return g_steal_pointer (&ids);
}

/* Links or unlinks; *@out_changed counts rows actually added or removed. */
static gboolean
change_links (sqlite3       *db,
              gint64         licence_id,
              const gint64  *asset_ids,
              guint          n_assets,
              gboolean       attach,
              guint         *out_changed,
              GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = mops_db_prepare (db,
                          attach
                          ? "INSERT OR IGNORE INTO licence_assets (licence_id, asset_id) VALUES (?, ?)"
                          : "DELETE FROM licence_assets WHERE licence_id = ? AND asset_id = ?",
                          error);
  if (stmt == NULL)
    return FALSE;

  *out_changed = 0;
  for (guint i = 0; i < n_assets; i++)
    {
      sqlite3_bind_int64 (stmt, 1, licence_id);
      sqlite3_bind_int64 (stmt, 2, asset_ids[i]);
      if (!step_done (db, stmt, error))
        return FALSE;
      *out_changed += (guint) sqlite3_changes (db);
    }

  return TRUE;
}

gint64
mops_licences_create_in_transaction (sqlite3            *db,
                                     const MopsLicence  *licence,
                                     const gint64       *asset_ids,
                                     guint               n_assets,
                                     GError            **error)
{
  g_autoptr(MopsLicence) normalized = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  gint64 now, id;
  guint changed;

  g_return_val_if_fail (db != NULL, 0);
  g_return_val_if_fail (licence != NULL, 0);
  g_return_val_if_fail (asset_ids != NULL || n_assets == 0, 0);

  normalized = normalize_licence (licence, error);
  if (normalized == NULL)
    return 0;

  now = mops_clock_now_unix ();

  if (!check_assets_exist (db, asset_ids, n_assets, error)
      || !check_contract_exists (db, normalized, error))
    return 0;

  insert = mops_db_prepare (db, insert_sql, error);
  if (insert == NULL)
    return 0;

  bind_licence (insert, normalized, now);
  sqlite3_bind_text (insert, 18, mops_licence_source_to_name (normalized->source), -1, SQLITE_STATIC);
  if (!step_done (db, insert, error))
    return 0;
  id = sqlite3_last_insert_rowid (db);

  if (!write_details (db, id, normalized, error)
      || !mark_contract_as_record (db, normalized, now, error)
      || !change_links (db, id, asset_ids, n_assets, TRUE, &changed, error)
      || !refresh_search_text (db, asset_ids, n_assets, error))
    return 0;

  return id;
}

static const char import_sql[] =
  "INSERT INTO licences (licensor, kind, cc_variant, cc_version, worldwide, starts_on,"
  " expires_on, cost, currency, attribution, model_release, property_release,"
  " contract_asset_id, reference, notes, confirmed, modified_at, source, created_at)"
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)";

/* Records on each asset that licence @id was pre-filled from its file's metadata. */
static gboolean
mark_prefilled (sqlite3       *db,
                gint64         id,
                const gint64  *asset_ids,
                guint          n_assets,
                GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *value = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  stmt = mops_db_prepare (db,
                          "INSERT OR REPLACE INTO asset_meta (asset_id, key, seq, value)"
                          " VALUES (?, '" MOPS_LICENCE_METADATA_MARKER "', 0, ?)",
                          error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < n_assets; i++)
    {
      sqlite3_bind_int64 (stmt, 1, asset_ids[i]);
      sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
      if (!step_done (db, stmt, error))
        return FALSE;
    }

  return TRUE;
}

gint64
mops_licences_import (MopsLibrary        *library,
                      const MopsLicence  *licence,
                      const gint64       *asset_ids,
                      guint               n_assets,
                      GError            **error)
{
  g_autoptr(MopsLicence) normalized = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  gboolean nested = FALSE;
  gint64 created_at, id;
  guint changed;
  sqlite3 *db;

  g_return_val_if_fail (MOPS_IS_LIBRARY (library), 0);
  g_return_val_if_fail (licence != NULL, 0);
  g_return_val_if_fail (asset_ids != NULL || n_assets == 0, 0);

  normalized = normalize_licence (licence, error);
  if (normalized == NULL)
    return 0;

  created_at = licence->created_at > 0 ? licence->created_at : mops_clock_now_unix ();
  db = mops_library_get_db (library);
  if (!mops_db_begin_write (db, &nested, error))
    return 0;

  if (!check_assets_exist (db, asset_ids, n_assets, error)
      || !check_contract_exists (db, normalized, error))
    goto failed;

  insert = mops_db_prepare (db, import_sql, error);
  if (insert == NULL)
    goto failed;

  bind_licence (insert, normalized, licence->modified_at > 0 ? licence->modified_at : created_at);
  sqlite3_bind_text (insert, 18, mops_licence_source_to_name (normalized->source), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (insert, 19, created_at);
  if (!step_done (db, insert, error))
    goto failed;
  id = sqlite3_last_insert_rowid (db);

  if (!write_details (db, id, normalized, error)
      || !mark_contract_as_record (db, normalized, mops_clock_now_unix (), error)
      || !change_links (db, id, asset_ids, n_assets, TRUE, &changed, error)
      || (normalized->source == MOPS_LICENCE_SOURCE_METADATA
          && !mark_prefilled (db, id, asset_ids, n_assets, error))
      || !mops_db_commit_write (db, nested, error))
    goto failed;

  return id;

failed:
  mops_db_rollback_write (db, nested);
  return 0;
}

gint64
mops_licences_create (MopsLibrary        *library,
                      const MopsLicence  *licence,
                      const gint64       *asset_ids,
                      guint               n_assets,
                      GError            **error)
{
  gboolean nested = FALSE;
  sqlite3 *db;
  gint64 id;

  g_return_val_if_fail (MOPS_IS_LIBRARY (library), 0);
  g_return_val_if_fail (licence != NULL, 0);
  g_return_val_if_fail (asset_ids != NULL || n_assets == 0, 0);

  /* Checked before the transaction starts, as it always was. */
  if (!mops_licence_validate (licence, error))
    return 0;

  db = mops_library_get_db (library);
  if (!mops_db_begin_write (db, &nested, error))
    return 0;

  id = mops_licences_create_in_transaction (db, licence, asset_ids, n_assets, error);
  if (id == 0 || !mops_db_commit_write (db, nested, error))
    {
      mops_db_rollback_write (db, nested);
      return 0;
    }

  return id;
}

static gboolean change_links_in_transaction (sqlite3       *db,
                                             gint64         licence_id,
                                             const gint64  *asset_ids,
                                             guint          n_assets,
                                             gboolean       attach,
                                             GError       **error);

static gboolean
update_and_link (sqlite3            *db,
                 const MopsLicence  *licence,
                 const gint64       *attach_ids,
                 guint               n_attach,
                 const gint64       *detach_ids,
                 guint               n_detach,
                 GError            **error)
{
  gboolean nested = FALSE;
  g_autoptr(MopsLicence) normalized = NULL;
  g_autoptr(sqlite3_stmt) read = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;
  g_autoptr(GArray) linked = NULL;
  g_autofree char *old_licensor = NULL;
  gint64 now;

  g_return_val_if_fail (licence != NULL, FALSE);

  normalized = normalize_licence (licence, error);
  if (normalized == NULL)
    return FALSE;

  now = mops_clock_now_unix ();

  if (!mops_db_begin_write (db, &nested, error))
    return FALSE;

  read = mops_db_prepare (db, "SELECT licensor FROM licences WHERE id = ?", error);
  if (read == NULL)
    goto failed;
  sqlite3_bind_int64 (read, 1, licence->id);
  switch (sqlite3_step (read))
    {
    case SQLITE_ROW:
      old_licensor = dup_column_text (read, 0);
      break;
    case SQLITE_DONE:
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND,
                   _("There is no licence with id %lld"), (long long) licence->id);
      goto failed;
    default:
      mops_db_set_error (db, error, _("Could not read the licences"));
      goto failed;
    }

  if (!check_contract_exists (db, normalized, error))
    goto failed;

  update = mops_db_prepare (db, update_sql, error);
  if (update == NULL)
    goto failed;

  bind_licence (update, normalized, now);
  sqlite3_bind_int64 (update, 18, licence->id);
  if (!step_done (db, update, error)
      || !write_details (db, licence->id, normalized, error)
      || !mark_contract_as_record (db, normalized, now, error))
    goto failed;

  if (g_strcmp0 (old_licensor, normalized->licensor) != 0)
    {
      linked = linked_asset_ids (db, licence->id, error);
      if (linked == NULL || !refresh_search_text (db, (gint64 *) linked->data, linked->len, error))
        goto failed;
    }

  if ((n_attach > 0 && !change_links_in_transaction (db, licence->id, attach_ids, n_attach, TRUE, error))
      || (n_detach > 0 && !change_links_in_transaction (db, licence->id, detach_ids, n_detach, FALSE, error)))
    goto failed;

  if (!mops_db_commit_write (db, nested, error))
    goto failed;

  return TRUE;

failed:
  mops_db_rollback_write (db, nested);
  return FALSE;
}

gboolean
mops_licences_update (MopsLibrary        *library,
                      const MopsLicence  *licence,
                      GError            **error)
{
  g_return_val_if_fail (MOPS_IS_LIBRARY (library), FALSE);

  return update_and_link (mops_library_get_db (library), licence, NULL, 0, NULL, 0, error);
}

gboolean
mops_licences_save (MopsLibrary        *library,
                    const MopsLicence  *licence,
                    const gint64       *attach_ids,
                    guint               n_attach,
                    const gint64       *detach_ids,
                    guint               n_detach,
                    GError            **error)
{
  g_return_val_if_fail (attach_ids != NULL || n_attach == 0, FALSE);
  g_return_val_if_fail (MOPS_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (detach_ids != NULL || n_detach == 0, FALSE);

  return update_and_link (mops_library_get_db (library), licence, attach_ids, n_attach, detach_ids, n_detach,
                          error);
}

static gboolean
delete_in_db (sqlite3  *db,
              gint64    id,
              GError  **error)
{
  gboolean nested = FALSE;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) linked = NULL;

  if (!mops_db_begin_write (db, &nested, error))
    return FALSE;

  if (!check_licence_exists (db, id, error))
    goto failed;

  linked = linked_asset_ids (db, id, error);
  if (linked == NULL)
    goto failed;

  stmt = mops_db_prepare (db, "DELETE FROM licences WHERE id = ?", error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!step_done (db, stmt, error)
      || !refresh_search_text (db, (gint64 *) linked->data, linked->len, error)
      || !mops_db_commit_write (db, nested, error))
    goto failed;

  return TRUE;

failed:
  mops_db_rollback_write (db, nested);
  return FALSE;
}

gboolean
mops_licences_delete (MopsLibrary  *library,
                      gint64        id,
                      GError      **error)
{
  g_return_val_if_fail (MOPS_IS_LIBRARY (library), FALSE);

  return delete_in_db (mops_library_get_db (library), id, error);
}

/* Attach or detach inside a transaction the caller holds. */
static gboolean
change_links_in_transaction (sqlite3       *db,
                             gint64         licence_id,
                             const gint64  *asset_ids,
                             guint          n_assets,
                             gboolean       attach,
                             GError       **error)
{
  g_autoptr(sqlite3_stmt) touch = NULL;
  guint changed = 0;

  /* Every id first, so an unknown one changes nothing. */
  if (!check_licence_exists (db, licence_id, error)
      || !check_assets_exist (db, asset_ids, n_assets, error)
      || !change_links (db, licence_id, asset_ids, n_assets, attach, &changed, error))
    return FALSE;

  if (changed > 0)
    {
      touch = mops_db_prepare (db, "UPDATE licences SET modified_at = ? WHERE id = ?", error);
      if (touch == NULL)
        return FALSE;
      sqlite3_bind_int64 (touch, 1, mops_clock_now_unix ());
      sqlite3_bind_int64 (touch, 2, licence_id);
      if (!step_done (db, touch, error) || !refresh_search_text (db, asset_ids, n_assets, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
attach_or_detach (MopsLibrary   *library,
                  gint64         licence_id,
                  const gint64  *asset_ids,
                  guint          n_assets,
                  gboolean       attach,
                  GError       **error)
{
  gboolean nested = FALSE;
  sqlite3 *db;

  g_return_val_if_fail (MOPS_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (asset_ids != NULL || n_assets == 0, FALSE);

  db = mops_library_get_db (library);
  if (!mops_db_begin_write (db, &nested, error))
    return FALSE;

  if (!change_links_in_transaction (db, licence_id, asset_ids, n_assets, attach, error)
      || !mops_db_commit_write (db, nested, error))
    {
      mops_db_rollback_write (db, nested);
      return FALSE;
    }

  return TRUE;
}

gboolean
mops_licences_attach_in_transaction (sqlite3       *db,
                                     gint64         licence_id,
                                     const gint64  *asset_ids,
                                     guint          n_assets,
                                     GError       **error)
{
  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (asset_ids != NULL || n_assets == 0, FALSE);

  return change_links_in_transaction (db, licence_id, asset_ids, n_assets, TRUE, error);
}

gboolean
mops_licences_attach (MopsLibrary   *library,
                      gint64         licence_id,
                      const gint64  *asset_ids,
                      guint          n_assets,
                      GError       **error)
{
  return attach_or_detach (library, licence_id, asset_ids, n_assets, TRUE, error);
}

gboolean
mops_licences_detach (MopsLibrary   *library,
                      gint64         licence_id,
                      const gint64  *asset_ids,
                      guint          n_assets,
                      GError       **error)
{
  return attach_or_detach (library, licence_id, asset_ids, n_assets, FALSE, error);
}

static gboolean
confirm_in_db (sqlite3  *db,
               gint64    id,
               GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!check_licence_exists (db, id, error))
    return FALSE;

  stmt = mops_db_prepare (db,
                          "UPDATE licences SET confirmed = 1, modified_at = ?"
                          " WHERE id = ? AND confirmed = 0",
                          error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, mops_clock_now_unix ());
  sqlite3_bind_int64 (stmt, 2, id);
  return step_done (db, stmt, error);
}

gboolean
mops_licences_confirm (MopsLibrary  *library,
                       gint64        id,
                       GError      **error)
{
  g_return_val_if_fail (MOPS_IS_LIBRARY (library), FALSE);

  return confirm_in_db (mops_library_get_db (library), id, error);
}

/* ---- In workers (the licence editor) ----------------------------------------------------- */

#define JOB_DONE GINT_TO_POINTER (1)

static gpointer
load_job (MopsLibrary   *library,
          sqlite3       *db,
          gpointer       job_data,
          GCancellable  *cancellable,
          GError       **error)
{
  return load_in_db (db, *(gint64 *) job_data, error);
}

void
mops_licences_load_async (MopsLibrary         *library,
                          gint64               id,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_return_if_fail (MOPS_IS_LIBRARY (library));

  mops_library_run_job (library, mops_licences_load_async, load_job, g_memdup2 (&id, sizeof id), g_free,
                        (GDestroyNotify) mops_licence_free, cancellable, callback, user_data);
}

MopsLicence *
mops_licences_load_finish (MopsLibrary   *library,
                           GAsyncResult  *result,
                           GError       **error)
{
  return mops_library_job_finish (library, result, mops_licences_load_async, error);
}

typedef struct
{
  MopsLicence *licence;
  GArray      *attach;       /* gint64 */
  GArray      *detach;
  gboolean     book;
  gint64       team_id;
  char        *date;
  gint64       amount;
  char        *currency;
  char        *rate;
  gint64       saved_id;     /* out */
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_clear_pointer (&job->licence, mops_licence_free);
  g_clear_pointer (&job->attach, g_array_unref);
  g_clear_pointer (&job->detach, g_array_unref);
  g_free (job->date);
  g_free (job->currency);
  g_free (job->rate);
  g_free (job);
}

static GArray *
copy_ids (const gint64 *ids,
          guint         n_ids)
{
  GArray *array = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_ids);

  if (n_ids > 0)
    g_array_append_vals (array, ids, n_ids);
  return array;
}

/* The licence, its links and its booking: one transaction, all of it or nothing. */
static gpointer
save_job (MopsLibrary   *library,
          sqlite3       *db,
          gpointer       job_data,
          GCancellable  *cancellable,
          GError       **error)
{
  SaveJob *job = job_data;
  const gint64 *attach = (const gint64 *) (void *) job->attach->data;
  const gint64 *detach = (const gint64 *) (void *) job->detach->data;
  gboolean nested = FALSE;
  gint64 id;

  if (!mops_licence_validate (job->licence, error))
    return NULL;

  if (!mops_db_begin_write (db, &nested, error))
    {
      /* Another connection kept writing for all of SQLite's busy timeout: say so in words. */
      if ((sqlite3_errcode (db) & 0xff) == SQLITE_BUSY)
        {
          g_clear_error (error);
          g_set_error (error, MOPS_ERROR, MOPS_ERROR_LOCKED,
                       _("The licence was not saved: the library is busy with another change. Try again in a moment."));
        }
      return NULL;
    }

  if (job->licence->id == 0)
    id = mops_licences_create_in_transaction (db, job->licence, attach, job->attach->len, error);
  else
    id = update_and_link (db, job->licence, attach, job->attach->len, detach, job->detach->len, error)
      ? job->licence->id : 0;

  if (id != 0 && job->book &&
      mops_licences_book_expense_in_db (db, id, job->team_id, job->date, job->amount, job->currency, job->rate,
                                        error) == 0)
    id = 0;

  if (id == 0 || !mops_db_commit_write (db, nested, error))
    {
      mops_db_rollback_write (db, nested);
      return NULL;
    }

  job->saved_id = id;
  return JOB_DONE;
}

void
mops_licences_save_async (MopsLibrary               *library,
                          const MopsLicence         *licence,
                          const gint64              *attach_ids,
                          guint                      n_attach,
                          const gint64              *detach_ids,
                          guint                      n_detach,
                          const MopsLicenceBooking  *booking,
                          GCancellable              *cancellable,
                          GAsyncReadyCallback        callback,
                          gpointer                   user_data)
{
  SaveJob *job;

  g_return_if_fail (MOPS_IS_LIBRARY (library));
  g_return_if_fail (licence != NULL);
  g_return_if_fail (attach_ids != NULL || n_attach == 0);
  g_return_if_fail (detach_ids != NULL || n_detach == 0);
  g_return_if_fail (licence->id != 0 || n_detach == 0);

  job = g_new0 (SaveJob, 1);
  job->licence = mops_licence_copy (licence);
  job->attach = copy_ids (attach_ids, n_attach);
  job->detach = copy_ids (detach_ids, n_detach);
  if (booking != NULL)
    {
      job->book = TRUE;
      job->team_id = booking->team_id;
      job->date = g_strdup (booking->date);
      job->amount = booking->amount;
      job->currency = g_strdup (booking->currency);
      job->rate = g_strdup (booking->rate);
    }

  mops_library_run_job (library, mops_licences_save_async, save_job, job, (GDestroyNotify) save_job_free, NULL,
                        cancellable, callback, user_data);
}

gint64
mops_licences_save_finish (MopsLibrary   *library,
                           GAsyncResult  *result,
                           GError       **error)
{
  SaveJob *job = mops_library_job_get_data (result);

  if (mops_library_job_finish (library, result, mops_licences_save_async, error) == NULL)
    return 0;
  return job->saved_id;
}

static gpointer
delete_job (MopsLibrary   *library,
            sqlite3       *db,
            gpointer       job_data,
            GCancellable  *cancellable,
            GError       **error)
{
  return delete_in_db (db, *(gint64 *) job_data, error) ? JOB_DONE : NULL;
}

void
mops_licences_delete_async (MopsLibrary         *library,
                            gint64               id,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (MOPS_IS_LIBRARY (library));

  mops_library_run_job (library, mops_licences_delete_async, delete_job, g_memdup2 (&id, sizeof id), g_free,
                        NULL, cancellable, callback, user_data);
}

gboolean
mops_licences_delete_finish (MopsLibrary   *library,
                             GAsyncResult  *result,
                             GError       **error)
{
  return mops_library_job_finish (library, result, mops_licences_delete_async, error) != NULL;
}

static gpointer
confirm_job (MopsLibrary   *library,
             sqlite3       *db,
             gpointer       job_data,
             GCancellable  *cancellable,
             GError       **error)
{
  return confirm_in_db (db, *(gint64 *) job_data, error) ? JOB_DONE : NULL;
}

void
mops_licences_confirm_async (MopsLibrary         *library,
                             gint64               id,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (MOPS_IS_LIBRARY (library));

  mops_library_run_job (library, mops_licences_confirm_async, confirm_job, g_memdup2 (&id, sizeof id), g_free,
                        NULL, cancellable, callback, user_data);
}

gboolean
mops_licences_confirm_finish (MopsLibrary   *library,
                              GAsyncResult  *result,
                              GError       **error)
{
  return mops_library_job_finish (library, result, mops_licences_confirm_async, error) != NULL;
}
