/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-demo-data.c — the demo's data files, the ids of its rows, its texts and dates */

#include "config.h"

#define G_LOG_DOMAIN "mops-demo"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "core/mops-clock.h"
#include "core/mops-error.h"
#include "mops-demo-private.h"
#include "mops-demo-resources.h"

#define RESOURCE_PREFIX "/io/github/mopsapp/Mops/demo/"

/* ---- data files ---------------------------------------------------------------------------- */

gboolean
mops_demo_data_error (MopsDemo   *d,
                      const char *format,
                      ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  if (d->error == NULL)
    g_set_error (&d->error, MOPS_ERROR, MOPS_ERROR_FAILED,
                 _("The demo data set is broken: %s"), what);
  return FALSE;
}

GBytes *
mops_demo_data_get_bytes (MopsDemo   *d,
                          const char *name)
{
  g_autofree char *path = g_strconcat (RESOURCE_PREFIX, name, NULL);
  g_autoptr(GError) local_error = NULL;
  GBytes *bytes;

  bytes = g_resource_lookup_data (mops_demo_get_resource (), path, G_RESOURCE_LOOKUP_FLAGS_NONE,
                                  &local_error);
  if (bytes == NULL)
    mops_demo_data_error (d, "%s", local_error->message);
  return bytes;
}

JsonNode *
mops_demo_data_get (MopsDemo   *d,
                    const char *name)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;
  gsize size;
  const char *text;

  root = g_hash_table_lookup (d->data, name);
  if (root != NULL || d->error != NULL)
    return root;

  bytes = mops_demo_data_get_bytes (d, name);
  if (bytes == NULL)
    return NULL;

  text = g_bytes_get_data (bytes, &size);
  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, text, (gssize) size, &local_error))
    {
      mops_demo_data_error (d, "%s: %s", name, local_error->message);
      return NULL;
    }

  root = json_parser_steal_root (parser);
  g_hash_table_insert (d->data, g_strdup (name), root);
  return root;
}

JsonArray *
mops_demo_data_get_array (MopsDemo   *d,
                          const char *name)
{
  JsonNode *root = mops_demo_data_get (d, name);

  if (root == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (root))
    {
      mops_demo_data_error (d, "%s is not a list", name);
      return NULL;
    }

  return json_node_get_array (root);
}

JsonObject *
mops_demo_data_get_object (MopsDemo   *d,
                           const char *name)
{
  JsonNode *root = mops_demo_data_get (d, name);

  if (root == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      mops_demo_data_error (d, "%s is not an object", name);
      return NULL;
    }

  return json_node_get_object (root);
}

static JsonNode *
get_member (JsonObject *object,
            const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && !JSON_NODE_HOLDS_NULL (node) ? node : NULL;
}

const char *
mops_demo_get_string (JsonObject *object,
                      const char *member)
{
  JsonNode *node = get_member (object, member);

  return node != NULL && json_node_get_value_type (node) == G_TYPE_STRING
         ? json_node_get_string (node) : NULL;
}

gint64
mops_demo_get_int (JsonObject *object,
                   const char *member,
                   gint64      fallback)
{
  JsonNode *node = get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_int (node) : fallback;
}

gboolean
mops_demo_get_bool (JsonObject *object,
                    const char *member)
{
  JsonNode *node = get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_boolean (node);
}

JsonArray *
mops_demo_get_array (JsonObject *object,
                     const char *member)
{
  JsonNode *node = get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

JsonObject *
mops_demo_get_object (JsonObject *object,
                      const char *member)
{
  JsonNode *node = get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* ---- ids --------------------------------------------------------------------------------- */

void
mops_demo_set_id (MopsDemo   *d,
                  const char *kind,
                  const char *key,
                  gint64      id)
{
  g_hash_table_insert (d->ids, g_strconcat (kind, ":", key, NULL), g_memdup2 (&id, sizeof id));
}

gint64
mops_demo_id (MopsDemo   *d,
              const char *kind,
              const char *key)
{
  g_autofree char *name = NULL;
  gint64 *id;

  if (key == NULL || d->error != NULL)
    return 0;

  name = g_strconcat (kind, ":", key, NULL);
  id = g_hash_table_lookup (d->ids, name);
  if (id == NULL)
    {
      mops_demo_data_error (d, "no %s “%s”", kind, key);
      return 0;
    }

  return *id;
}

gint64
mops_demo_asset_id (MopsDemo   *d,
                    const char *key)
{
  MopsDemoAsset *asset;

  if (key == NULL || d->error != NULL)
    return 0;

  asset = g_hash_table_lookup (d->asset_by_key, key);
  if (asset == NULL)
    {
      mops_demo_data_error (d, "no asset “%s”", key);
      return 0;
    }

  return asset->id;
}

/* ---- dates ------------------------------------------------------------------------------- */

const char *
mops_demo_keep (MopsDemo   *d,
                const char *text)
{
  return text != NULL ? g_string_chunk_insert (d->strings, text) : NULL;
}

void
mops_demo_date_from_today (MopsDemo *d,
                           int       days,
                           GDate    *out)
{
  *out = d->today;
  if (days > 0)
    g_date_add_days (out, (guint) days);
  else if (days < 0)
    g_date_subtract_days (out, (guint) -days);
}

const char *
mops_demo_format_date (MopsDemo    *d,
                       const GDate *date)
{
  char buffer[16];

  g_snprintf (buffer, sizeof buffer, "%04u-%02u-%02u", g_date_get_year (date),
              g_date_get_month (date), g_date_get_day (date));
  return mops_demo_keep (d, buffer);
}

const char *
mops_demo_day (MopsDemo *d,
               int       days)
{
  GDate date;

  if (days == MOPS_DEMO_NO_DAY)
    return NULL;

  mops_demo_date_from_today (d, days, &date);
  return mops_demo_format_date (d, &date);
}

const char *
mops_demo_get_day (MopsDemo   *d,
                   JsonObject *object,
                   const char *member)
{
  JsonNode *node = get_member (object, member);

  if (node == NULL)
    return NULL;
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return mops_demo_expand (d, json_node_get_string (node), NULL);

  return mops_demo_day (d, (int) json_node_get_int (node));
}

const char *
mops_demo_wall_time (MopsDemo    *d,
                     const GDate *date,
                     int          hour,
                     int          minute)
{
  char buffer[24];

  if (hour < 0)
    return mops_demo_format_date (d, date);

  g_snprintf (buffer, sizeof buffer, "%04u-%02u-%02uT%02d:%02d", g_date_get_year (date),
              g_date_get_month (date), g_date_get_day (date), hour, minute);
  return mops_demo_keep (d, buffer);
}

gint64
mops_demo_local_instant (const GDate *date,
                         int          hour,
                         int          minute)
{
  g_autoptr(GDateTime) time = g_date_time_new_local (g_date_get_year (date),
                                                     g_date_get_month (date),
                                                     g_date_get_day (date),
                                                     MAX (hour, 0), minute, 0);

  return time != NULL ? g_date_time_to_unix (time) : 0;
}

gint64
mops_demo_past_instant (MopsDemo *d,
                        int       days,
                        int       hour,
                        int       minute)
{
  GDate date;

  mops_demo_date_from_today (d, days, &date);
  return MIN (mops_demo_local_instant (&date, hour, minute), d->now);
}

gboolean
mops_demo_parse_time (const char *text,
                      int        *out_hour,
                      int        *out_minute)
{
  *out_hour = -1;
  *out_minute = 0;
  if (text == NULL || strlen (text) != 5 || text[2] != ':')
    return FALSE;

  *out_hour = atoi (text);
  *out_minute = atoi (text + 3);
  return TRUE;
}

gint64
mops_demo_get_instant (MopsDemo   *d,
                       JsonObject *object,
                       const char *member)
{
  JsonObject *when = mops_demo_get_object (object, member);
  const char *date_text;
  int hour, minute;
  GDate date;

  if (when == NULL)
    return 0;

  mops_demo_parse_time (mops_demo_get_string (when, "time"), &hour, &minute);
  date_text = mops_demo_expand (d, mops_demo_get_string (when, "date"), NULL);
  if (date_text == NULL)
    mops_demo_date_from_today (d, (int) mops_demo_get_int (when, "day", 0), &date);
  else if (!mops_clock_parse_date (date_text, &date))
    return mops_demo_data_error (d, "“%s” is not a date", date_text);

  return MIN (mops_demo_local_instant (&date, hour, minute), d->now);
}

char *
mops_demo_format_money (gint64      minor,
                        const char *currency)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  gint64 units = (minor < 0 ? -minor : minor) / 100;
  int cents = (int) ((minor < 0 ? -minor : minor) % 100);
  g_autofree char *plain = g_strdup_printf ("%" G_GINT64_FORMAT, units);
  gsize len = strlen (plain);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (digits, ',');
      g_string_append_c (digits, plain[i]);
    }

  return g_strdup_printf ("%s %s%s.%02d", currency, minor < 0 ? "−" : "", digits->str, cents);
}

/* ---- placeholders -------------------------------------------------------------------------- */

static JsonObject *
licence_spec (MopsDemo   *d,
              const char *key)
{
  JsonObject *spec = g_hash_table_lookup (d->licence_specs, key);

  if (spec == NULL)
    mops_demo_data_error (d, "no licence “%s”", key);
  return spec;
}

/* R: a day offset, or L.starts / L.expires, with an optional +N / -N. */
static gboolean
resolve_day (MopsDemo   *d,
             const char *ref,
             GDate      *out)
{
  g_auto(GStrv) parts = NULL;
  const char *end_of_name;
  gint64 days, shift = 0;

  if (g_ascii_isdigit (ref[0]) || ref[0] == '-' || ref[0] == '+')
    {
      mops_demo_date_from_today (d, atoi (ref), out);
      return TRUE;
    }

  end_of_name = ref + strcspn (ref, "+-");
  if (*end_of_name != '\0')
    shift = atoi (end_of_name);
  {
    g_autofree char *name = g_strndup (ref, end_of_name - ref);
    JsonObject *spec;
    const char *which;

    parts = g_strsplit (name, ".", 2);
    if (parts[1] == NULL || (spec = licence_spec (d, parts[0])) == NULL)
      return mops_demo_data_error (d, "“%s” names no licence date", ref);

    which = g_str_equal (parts[1], "starts") ? "starts" : "expires";
    days = mops_demo_get_int (spec, which, MOPS_DEMO_NO_DAY);
    if (days == MOPS_DEMO_NO_DAY)
      return mops_demo_data_error (d, "the licence “%s” has no %s date", parts[0], which);
  }

  mops_demo_date_from_today (d, (int) (days + shift), out);
  return TRUE;
}

/* The value of one placeholder, or NULL after a data error. */
static char *
resolve (MopsDemo           *d,
         const char         *name,
         const char         *arg,
         const char * const *vars)
{
  JsonObject *spec;
  GDate date;

  for (guint i = 0; vars != NULL && vars[i] != NULL && vars[i + 1] != NULL; i += 2)
    if (arg == NULL && g_str_equal (name, vars[i]))
      return g_strdup (vars[i + 1]);

  if (arg == NULL)
    {
      if (g_str_equal (name, "season"))
        return g_strdup (d->season);
      if (g_str_equal (name, "year"))
        return g_strdup_printf ("%d", d->year);
      if (g_str_equal (name, "last_year"))
        return g_strdup_printf ("%d", d->year - 1);
      /* published addresses: drawn from the run's random numbers, in order */
      if (g_str_equal (name, "random"))
        return g_strdup_printf ("%u", g_rand_int (d->rand));
      if (g_str_equal (name, "random_hex"))
        return g_strdup_printf ("%08X", g_rand_int (d->rand));
      /* eighteen digits from two draws, the second written first (as the first generator
       * wrote them: C left the order of printf's arguments to the compiler) */
      if (g_str_equal (name, "random_18"))
        {
          guint32 first = g_rand_int (d->rand) % 1000000000u;
          guint32 second = g_rand_int (d->rand) % 1000000000u;

          return g_strdup_printf ("%09u%09u", second, first);
        }
    }
  else if (g_str_equal (name, "date") || g_str_equal (name, "long_date")
           || g_str_equal (name, "iptc_date"))
    {
      if (!resolve_day (d, arg, &date))
        return NULL;
      if (g_str_equal (name, "long_date"))
        return mops_demo_format_long_date (&date);
      return g_strdup_printf (g_str_equal (name, "date") ? "%04u-%02u-%02u" : "%04u%02u%02u",
                              g_date_get_year (&date), g_date_get_month (&date),
                              g_date_get_day (&date));
    }
  else if ((spec = licence_spec (d, arg)) != NULL)
    {
      if (g_str_equal (name, "licensor"))
        return g_strdup (mops_demo_get_string (spec, "licensor"));
      if (g_str_equal (name, "cost"))
        return mops_demo_format_money (mops_demo_get_int (spec, "cost", 0),
                                       mops_demo_get_string (spec, "currency"));
      if (g_str_equal (name, "reference"))
        {
          g_autofree char *starts = g_strdup_printf ("%s.starts", arg);
          g_autofree char *start_year = NULL;
          const char *vars_of_licence[3] = { "start_year", NULL, NULL };

          if (!resolve_day (d, starts, &date))
            return NULL;
          start_year = g_strdup_printf ("%u", g_date_get_year (&date));
          vars_of_licence[1] = start_year;
          return g_strdup (mops_demo_expand (d, mops_demo_get_string (spec, "reference"),
                                             vars_of_licence));
        }
    }

  if (d->error == NULL)
    mops_demo_data_error (d, "unknown placeholder {%s%s%s}", name, arg != NULL ? ":" : "",
                          arg != NULL ? arg : "");
  return NULL;
}

const char *
mops_demo_expand (MopsDemo            *d,
                  const char          *text,
                  const char * const  *vars)
{
  g_autoptr(GString) out = NULL;
  const char *p = text;

  if (text == NULL || strchr (text, '{') == NULL)
    return text;

  out = g_string_new (NULL);
  while (*p != '\0')
    {
      const char *open = strchr (p, '{');
      const char *close = open != NULL ? strchr (open, '}') : NULL;
      g_autofree char *inside = NULL;
      g_autofree char *value = NULL;
      char *colon;

      if (open == NULL || close == NULL)
        {
          g_string_append (out, p);
          break;
        }

      g_string_append_len (out, p, open - p);
      inside = g_strndup (open + 1, close - open - 1);
      colon = strchr (inside, ':');
      if (colon != NULL)
        *colon = '\0';
      value = resolve (d, inside, colon != NULL ? colon + 1 : NULL, vars);
      if (value == NULL)
        return NULL;
      g_string_append (out, value);
      p = close + 1;
    }

  return mops_demo_keep (d, out->str);
}
