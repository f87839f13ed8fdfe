/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-calendar-ics.c — the calendar as iCalendar (RFC 5545) through libical: export to a
 * file, import by UID in one transaction */

#include "config.h"

#define G_LOG_DOMAIN "mops-calendar"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "mops-calendar-private.h"
#include "mops-calendar-recurrence-private.h"
#include "mops-clock.h"
#include "mops-domain-private.h"
#include "mops-error.h"

/* A file bigger than this is not a calendar people made. */
#define MAX_ICS_BYTES (64 * 1024 * 1024)

#define PRODID "-//Mops//Editorial calendar//EN"

/* ---- Export ------------------------------------------------------------------------------ */

static void
add_x (icalcomponent *component,
       const char    *name,
       const char    *value)
{
  icalproperty *property;

  if (value == NULL)
    return;
  property = icalproperty_new_x (value);
  icalproperty_set_x_name (property, name);
  icalcomponent_add_property (component, property);
}

static void
add_text (icalcomponent *component,
          icalproperty  *(*make) (const char *),
          const char    *value)
{
  if (value != NULL)
    icalcomponent_add_property (component, make (value));
}

static struct icaltimetype
utc_time (gint64 instant)
{
  return icaltime_from_timet_with_zone ((time_t) instant, 0, icaltimezone_get_utc_timezone ());
}

static enum icalproperty_status
ics_status (MopsContentStatus status,
            gboolean          todo)
{
  if (todo)
    return ICAL_STATUS_NEEDSACTION;
  return status >= MOPS_CONTENT_STATUS_APPROVED ? ICAL_STATUS_CONFIRMED : ICAL_STATUS_TENTATIVE;
}

/* The names an item refers to, for CATEGORIES and X-MOPS-*. */
typedef struct
{
  const char *channel;
  const char *campaign;
  const char *owner;
  const char *reviewer;
} Names;

static icalcomponent *
item_component (const MopsContentItem *item,
                const Names           *names)
{
  gboolean todo = item->publish_at == NULL;
  icalcomponent *component = todo ? icalcomponent_new_vtodo () : icalcomponent_new_vevent ();
  g_autofree char *published = NULL;

  icalcomponent_add_property (component, icalproperty_new_uid (item->uid));
  icalcomponent_add_property (component, icalproperty_new_dtstamp (utc_time (item->modified_at)));
  icalcomponent_add_property (component, icalproperty_new_sequence (item->sequence));
  if (!todo)
    icalcomponent_add_property (component,
                                icalproperty_new_dtstart (mops_calendar_time_from_wall (item->publish_at)));
  icalcomponent_add_property (component, icalproperty_new_summary (item->title));
  add_text (component, icalproperty_new_description, item->brief);
  add_text (component, icalproperty_new_url, item->url);
  icalcomponent_add_property (component, icalproperty_new_status (ics_status (item->status, todo)));
  add_text (component, icalproperty_new_categories, names->channel);
  add_text (component, icalproperty_new_categories, names->campaign);
  if (item->rrule != NULL)
    {
      struct icalrecurrencetype recur = icalrecurrencetype_from_string (item->rrule);

      icalcomponent_add_property (component, icalproperty_new_rrule (recur));
      g_free (recur.rscale);
    }

  add_x (component, "X-MOPS-STATUS", mops_content_status_to_name (item->status));
  add_x (component, "X-MOPS-DUE", item->due_at);
  add_x (component, "X-MOPS-CHANNEL", names->channel);
  add_x (component, "X-MOPS-CAMPAIGN", names->campaign);
  add_x (component, "X-MOPS-OWNER", names->owner);
  add_x (component, "X-MOPS-REVIEWER", names->reviewer);
  if (item->published_at > 0)
    {
      published = mops_clock_format_instant (item->published_at);
      add_x (component, "X-MOPS-PUBLISHED", published);
    }
  return component;
}

/* Adds the EXDATEs of @item to @master and a VEVENT per changed occurrence to @calendar. */
static gboolean
add_overrides (sqlite3               *db,
               sqlite3_stmt          *stmt,
               const MopsContentItem *item,
               icalcomponent         *master,
               icalcomponent         *calendar,
               GError               **error)
{
  int rc;

  sqlite3_reset (stmt);
  sqlite3_bind_int64 (stmt, 1, item->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *recurrence_id = (const char *) sqlite3_column_text (stmt, 0);
      const char *title = (const char *) sqlite3_column_text (stmt, 2);
      const char *status = (const char *) sqlite3_column_text (stmt, 3);
      const char *publish_at = (const char *) sqlite3_column_text (stmt, 4);
      struct icaltimetype rid = mops_calendar_time_from_wall (recurrence_id);
      icalcomponent *event;

      if (sqlite3_column_int (stmt, 1) != 0)
        {
          icalcomponent_add_property (master, icalproperty_new_exdate (rid));
          continue;
        }

      event = icalcomponent_new_vevent ();
      icalcomponent_add_property (event, icalproperty_new_uid (item->uid));
      icalcomponent_add_property (event, icalproperty_new_dtstamp (utc_time (item->modified_at)));
      icalcomponent_add_property (event, icalproperty_new_sequence (item->sequence));
      icalcomponent_add_property (event, icalproperty_new_recurrenceid (rid));
      icalcomponent_add_property (event, icalproperty_new_dtstart (
        mops_calendar_time_from_wall (publish_at != NULL ? publish_at : recurrence_id)));
      icalcomponent_add_property (event, icalproperty_new_summary (title != NULL ? title : item->title));
      add_x (event, "X-MOPS-STATUS", status != NULL ? status : mops_content_status_to_name (item->status));
      icalcomponent_add_component (calendar, event);
    }
  if (rc != SQLITE_DONE)
    return mops_db_set_error (db, error, _("Could not read the calendar"));
  return TRUE;
}

static gboolean
export_in_db (sqlite3       *db,
              const char    *path,
              GArray        *ids,
              GError       **error)
{
  g_autoptr(sqlite3_stmt) items = NULL;
  g_autoptr(sqlite3_stmt) overrides = NULL;
  g_autoptr(GHashTable) wanted = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;
  icalcomponent *calendar;
  int rc;

  items = mops_db_prepare (db,
                           "SELECT " MOPS_CONTENT_ITEM_COLUMNS ", c.name, k.name, o.name, r.name"
                           " FROM content_items i"
                           " LEFT JOIN channels c ON c.id = i.channel_id"
                           " LEFT JOIN campaigns k ON k.id = i.campaign_id"
                           " LEFT JOIN people o ON o.id = i.owner_id"
                           " LEFT JOIN people r ON r.id = i.reviewer_id"
                           " ORDER BY i.id",
                           error);
  overrides = items == NULL ? NULL
              : mops_db_prepare (db,
                                 "SELECT recurrence_id, cancelled, title, status, publish_at"
                                 " FROM content_overrides WHERE content_item_id = ?"
                                 " ORDER BY recurrence_id",
                                 error);
  if (overrides == NULL)
    return FALSE;

  if (ids != NULL && ids->len > 0)
    {
      wanted = g_hash_table_new (g_int64_hash, g_int64_equal);
      for (guint i = 0; i < ids->len; i++)
        g_hash_table_add (wanted, &g_array_index (ids, gint64, i));
    }

  calendar = icalcomponent_new_vcalendar ();
  icalcomponent_add_property (calendar, icalproperty_new_prodid (PRODID));
  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (calendar, icalproperty_new_calscale ("GREGORIAN"));

  while ((rc = sqlite3_step (items)) == SQLITE_ROW)
    {
      g_autoptr(MopsContentItem) item = mops_content_item_from_row (items);
      Names names = {
        (const char *) sqlite3_column_text (items, 17), (const char *) sqlite3_column_text (items, 18),
        (const char *) sqlite3_column_text (items, 19), (const char *) sqlite3_column_text (items, 20),
      };
      icalcomponent *component;

      if (wanted != NULL && !g_hash_table_contains (wanted, &item->id))
        continue;

      component = item_component (item, &names);
      icalcomponent_add_component (calendar, component);
      if (item->rrule != NULL && !add_overrides (db, overrides, item, component, calendar, error))
        {
          icalcomponent_free (calendar);
          return FALSE;
        }
    }
  if (rc != SQLITE_DONE)
    {
      icalcomponent_free (calendar);
      return mops_db_set_error (db, error, _("Could not read the calendar"));
    }

  text = icalcomponent_as_ical_string_r (calendar);
  icalcomponent_free (calendar);

  if (!g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0644, &local_error))
    {
      g_autofree char *name = g_filename_display_name (path);

      /* Translators: a file name, then why */
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_IO, _("Could not write “%s”: %s"), name,
                   local_error->message);
      return FALSE;
    }
  return TRUE;
}

static GArray *
ids_array (const gint64 *ids,
           guint         n_ids)
{
  GArray *array = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_ids);

  if (n_ids > 0)
    g_array_append_vals (array, ids, n_ids);
  return array;
}

gboolean
mops_calendar_export_ics (MopsLibrary   *library,
                          const char    *path,
                          const gint64  *ids,
                          guint          n_ids,
                          GError       **error)
{
  g_autoptr(GArray) array = NULL;

  g_return_val_if_fail (MOPS_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  array = ids_array (ids, n_ids);
  return export_in_db (mops_library_get_db (library), path, array, error);
}

/* ---- Reading a file ---------------------------------------------------------------------- */

/* One VEVENT or VTODO as read, before anything is written. */
typedef struct
{
  guint              line;
  char              *uid;
  char              *title;
  char              *brief;
  char              *url;
  char              *publish_at;
  char              *due_at;
  char              *rrule;
  char              *recurrence_id;
  char              *channel;
  char              *campaign;
  char              *owner;
  char              *reviewer;
  gint64             published_at;
  int                sequence;
  MopsContentStatus  status;
  GPtrArray         *exdates;    /* wall times */
  GPtrArray         *changed;    /* Entry: the RECURRENCE-ID events of a master */
} Entry;

static void
entry_free (Entry *entry)
{
  g_free (entry->uid);
  g_free (entry->title);
  g_free (entry->brief);
  g_free (entry->url);
  g_free (entry->publish_at);
  g_free (entry->due_at);
  g_free (entry->rrule);
  g_free (entry->recurrence_id);
  g_free (entry->channel);
  g_free (entry->campaign);
  g_free (entry->owner);
  g_free (entry->reviewer);
  g_clear_pointer (&entry->exdates, g_ptr_array_unref);
  g_clear_pointer (&entry->changed, g_ptr_array_unref);
  g_free (entry);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Entry, entry_free)

/* Where the problem is, for the message: "“file.ics”, line 12 (VEVENT “uid”): …". */
static void
set_file_error (GError     **error,
                const char  *name,
                guint        line,
                const char  *component,
                const char  *message)
{
  if (component != NULL)
    /* Translators: file name, line number, the part of the file ("VEVENT “uid”"), what is wrong */
    g_set_error (error, MOPS_ERROR, MOPS_ERROR_INVALID, _("“%s”, line %u (%s): %s"), name, line,
                 component, message);
  else
    /* Translators: file name, line number, what is wrong */
    g_set_error (error, MOPS_ERROR, MOPS_ERROR_INVALID, _("“%s”, line %u: %s"), name, line, message);
}

/* The line numbers (from 1) of every "BEGIN:VEVENT" and "BEGIN:VTODO" line, in order: the
 * file's components in the order libical keeps them. */
static GArray *
find_component_lines (const char *text)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (guint));
  guint line = 1;

  for (const char *p = text; *p != '\0'; line++)
    {
      const char *end = strchr (p, '\n');

      if (g_ascii_strncasecmp (p, "BEGIN:VEVENT", 12) == 0 || g_ascii_strncasecmp (p, "BEGIN:VTODO", 11) == 0)
        g_array_append_val (lines, line);
      if (end == NULL)
        break;
      p = end + 1;
    }
  return lines;
}

static char *
x_value (icalcomponent *component,
         const char    *name)
{
  for (icalproperty *property = icalcomponent_get_first_property (component, ICAL_X_PROPERTY);
       property != NULL;
       property = icalcomponent_get_next_property (component, ICAL_X_PROPERTY))
    if (g_ascii_strcasecmp (icalproperty_get_x_name (property), name) == 0)
      {
        const char *value = icalproperty_get_x (property);

        return value != NULL && *value != '\0' ? g_strdup (value) : NULL;
      }
  return NULL;
}

static char *
text_value (icalcomponent     *component,
            icalproperty_kind  kind)
{
  icalproperty *property = icalcomponent_get_first_property (component, kind);
  const char *value = NULL;

  if (property == NULL)
    return NULL;
  switch ((int) kind)
    {
    case ICAL_SUMMARY_PROPERTY:
      value = icalproperty_get_summary (property);
      break;
    case ICAL_DESCRIPTION_PROPERTY:
      value = icalproperty_get_description (property);
      break;
    case ICAL_UID_PROPERTY:
      value = icalproperty_get_uid (property);
      break;
    case ICAL_URL_PROPERTY:
      value = icalproperty_get_url (property);
      break;
    default:
      break;
    }
  return value != NULL && *value != '\0' ? g_strdup (value) : NULL;
}

/* A DTSTART, RECURRENCE-ID or EXDATE as a wall time in the local zone: dates and floating
 * times as written, UTC and zoned times converted. NULL when it is not a time. */
static char *
wall_time_of (icalproperty        *property,
              struct icaltimetype  time)
{
  icalparameter *tzid;
  icaltimezone *zone = NULL;

  if (icaltime_is_null_time (time) || !icaltime_is_valid_time (time))
    return NULL;
  if (time.is_date)
    return mops_calendar_time_to_wall (time);

  tzid = icalproperty_get_first_parameter (property, ICAL_TZID_PARAMETER);
  if (icaltime_is_utc (time))
    zone = icaltimezone_get_utc_timezone ();
  else if (tzid != NULL)
    zone = icaltimezone_get_builtin_timezone (icalparameter_get_tzid (tzid));

  if (zone != NULL)
    {
      g_autoptr(GDateTime) utc = NULL;
      g_autoptr(GDateTime) local = NULL;

      time.zone = zone;
      utc = g_date_time_new_from_unix_utc (icaltime_as_timet_with_zone (time, zone));
      local = utc != NULL ? g_date_time_to_local (utc) : NULL;
      return local != NULL ? g_date_time_format (local, "%Y-%m-%dT%H:%M") : NULL;
    }
  return mops_calendar_time_to_wall (time);
}

static MopsContentStatus
status_of (icalcomponent *component,
           gboolean       todo,
           const char    *x_status,
           gboolean      *out_valid)
{
  MopsContentStatus status = todo ? MOPS_CONTENT_STATUS_IDEA : MOPS_CONTENT_STATUS_DRAFT;

  *out_valid = TRUE;
  if (x_status != NULL)
    *out_valid = mops_content_status_from_name (x_status, &status);
  else if (!todo && icalcomponent_get_status (component) == ICAL_STATUS_CONFIRMED)
    status = MOPS_CONTENT_STATUS_SCHEDULED;
  return status;
}

/* DTSTART, RECURRENCE-ID, RRULE and EXDATE of @component into @entry; NULL, or what is
 * wrong (translated, g_free()). */
static char *
read_times (icalcomponent *component,
            gboolean       todo,
            Entry         *entry)
{
  icalproperty *property;

  property = icalcomponent_get_first_property (component, ICAL_DTSTART_PROPERTY);
  if (property != NULL)
    {
      entry->publish_at = wall_time_of (property, icalproperty_get_dtstart (property));
      if (entry->publish_at == NULL)
        return g_strdup (_("its DTSTART is not a date or a time"));
    }
  else if (!todo)
    return g_strdup (_("it has no DTSTART"));

  property = icalcomponent_get_first_property (component, ICAL_RECURRENCEID_PROPERTY);
  if (property != NULL)
    {
      entry->recurrence_id = wall_time_of (property, icalproperty_get_recurrenceid (property));
      if (entry->recurrence_id == NULL)
        return g_strdup (_("its RECURRENCE-ID is not a date or a time"));
    }

  property = icalcomponent_get_first_property (component, ICAL_RRULE_PROPERTY);
  if (property != NULL)
    {
      struct icalrecurrencetype recur = icalproperty_get_rrule (property);

      entry->rrule = icalrecurrencetype_as_string_r (&recur);
    }

  for (property = icalcomponent_get_first_property (component, ICAL_EXDATE_PROPERTY);
       property != NULL;
       property = icalcomponent_get_next_property (component, ICAL_EXDATE_PROPERTY))
    {
      char *exdate = wall_time_of (property, icalproperty_get_exdate (property));

      if (exdate == NULL)
        return g_strdup (_("an EXDATE is not a date or a time"));
      g_ptr_array_add (entry->exdates, exdate);
    }
  return NULL;
}

/* The X-MOPS-* properties (and STATUS) of @component into @entry; NULL, or what is wrong. */
static char *
read_mops_fields (icalcomponent *component,
                  gboolean       todo,
                  Entry         *entry)
{
  g_autofree char *x_status = x_value (component, "X-MOPS-STATUS");
  g_autofree char *published = NULL;
  gboolean valid_status;

  entry->status = status_of (component, todo, x_status, &valid_status);
  if (!valid_status)
    /* Translators: %s is the status the file gives */
    return g_strdup_printf (_("“%s” is not a content status"), x_status);

  entry->due_at = x_value (component, "X-MOPS-DUE");
  entry->channel = x_value (component, "X-MOPS-CHANNEL");
  entry->campaign = x_value (component, "X-MOPS-CAMPAIGN");
  entry->owner = x_value (component, "X-MOPS-OWNER");
  entry->reviewer = x_value (component, "X-MOPS-REVIEWER");
  published = x_value (component, "X-MOPS-PUBLISHED");
  if (published != NULL)
    {
      g_autoptr(GDateTime) instant = g_date_time_new_from_iso8601 (published, NULL);

      if (instant == NULL)
        return g_strdup (_("X-MOPS-PUBLISHED is not a time"));
      entry->published_at = g_date_time_to_unix (instant);
    }
  return NULL;
}

/* The checks the library makes of an item's fields, on @entry; NULL, or what is wrong. */
static char *
check_fields (Entry *entry)
{
  MopsContentItemInfo info = {
    .title = entry->title, .status = entry->status, .due_at = entry->due_at,
    .publish_at = entry->publish_at, .rrule = entry->rrule,
  };
  g_autoptr(GError) field_error = NULL;
  g_autofree char *title = NULL;

  if (entry->recurrence_id == NULL)
    title = mops_content_item_info_check (&info, &field_error);
  else if (mops_domain_check_wall_time (entry->publish_at, &field_error))
    title = g_strdup (entry->title);
  if (title == NULL)
    return g_strdup (field_error->message);

  g_free (entry->title);
  entry->title = g_steal_pointer (&title);
  return NULL;
}

/* Reads one component into a new Entry, or sets @error naming the file, @line and the
 * component. */
static Entry *
read_entry (icalcomponent  *component,
            const char     *name,
            guint           line,
            GError        **error)
{
  gboolean todo = icalcomponent_isa (component) == ICAL_VTODO_COMPONENT;
  g_autoptr(Entry) entry = g_new0 (Entry, 1);
  g_autofree char *where = NULL;
  g_autofree char *problem = NULL;
  icalproperty *property;

  entry->line = line;
  entry->exdates = g_ptr_array_new_with_free_func (g_free);
  entry->changed = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  entry->uid = text_value (component, ICAL_UID_PROPERTY);
  where = g_strdup_printf ("%s “%s”", todo ? "VTODO" : "VEVENT", entry->uid != NULL ? entry->uid : "");

  property = icalcomponent_get_first_property (component, ICAL_XLICERROR_PROPERTY);
  if (property != NULL)
    problem = g_strdup (icalproperty_get_xlicerror (property));
  else if (entry->uid == NULL || !g_utf8_validate (entry->uid, -1, NULL))
    problem = g_strdup (_("it has no UID"));

  if (problem == NULL)
    {
      entry->title = text_value (component, ICAL_SUMMARY_PROPERTY);
      if (entry->title == NULL)
        entry->title = g_strdup (_("Untitled"));
      entry->brief = text_value (component, ICAL_DESCRIPTION_PROPERTY);
      entry->url = text_value (component, ICAL_URL_PROPERTY);
      entry->sequence = MAX (0, icalcomponent_get_sequence (component));

      problem = read_times (component, todo, entry);
      if (problem == NULL)
        problem = read_mops_fields (component, todo, entry);
      if (problem == NULL)
        problem = check_fields (entry);
    }

  if (problem != NULL)
    {
      set_file_error (error, name, line, where, problem);
      return NULL;
    }
  return g_steal_pointer (&entry);
}

/* Reads @path into masters (Entry, their changed occurrences attached) in file order;
 * changed occurrences whose master is not in the file go to @out_orphans. */
static GPtrArray *
read_file (const char  *path,
           GPtrArray  **out_orphans,
           GError     **error)
{
  g_autofree char *name = g_filename_display_name (path);
  g_autofree char *text = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GPtrArray) masters = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  g_autoptr(GPtrArray) orphans = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  g_autoptr(GHashTable) by_uid = g_hash_table_new (g_str_hash, g_str_equal);
  const char *bad = NULL;
  icalcomponent *calendar;
  icalproperty *property;
  gsize length;
  guint index = 0;

  if (!g_file_get_contents (path, &text, &length, &local_error))
    {
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_IO, _("Could not read “%s”: %s"), name, local_error->message);
      return NULL;
    }
  if (length > MAX_ICS_BYTES)
    {
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_INVALID, _("“%s” is too big for a calendar"), name);
      return NULL;
    }
  if (!g_utf8_validate (text, (gssize) length, &bad))
    {
      guint line = 1;

      for (const char *p = text; p < bad; p++)
        line += *p == '\n';
      set_file_error (error, name, line, NULL, _("the text is not UTF-8"));
      return NULL;
    }

  icalerror_clear_errno ();
  calendar = icalparser_parse_string (text);
  icalerror_clear_errno ();
  if (calendar == NULL || icalcomponent_isa (calendar) != ICAL_VCALENDAR_COMPONENT)
    {
      g_clear_pointer (&calendar, icalcomponent_free);
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_INVALID,
                   _("“%s” is not an iCalendar file: it holds no single VCALENDAR"), name);
      return NULL;
    }

  property = icalcomponent_get_first_property (calendar, ICAL_XLICERROR_PROPERTY);
  if (property != NULL)
    {
      set_file_error (error, name, 1, "VCALENDAR", icalproperty_get_xlicerror (property));
      icalcomponent_free (calendar);
      return NULL;
    }

  lines = find_component_lines (text);
  for (icalcomponent *component = icalcomponent_get_first_component (calendar, ICAL_ANY_COMPONENT);
       component != NULL;
       component = icalcomponent_get_next_component (calendar, ICAL_ANY_COMPONENT))
    {
      icalcomponent_kind kind = icalcomponent_isa (component);
      guint line;
      Entry *entry;

      if (kind != ICAL_VEVENT_COMPONENT && kind != ICAL_VTODO_COMPONENT)
        continue;
      line = index < lines->len ? g_array_index (lines, guint, index) : 0;
      index++;

      entry = read_entry (component, name, line, error);
      if (entry == NULL)
        {
          icalcomponent_free (calendar);
          return NULL;
        }
      if (entry->recurrence_id != NULL)
        {
          Entry *master = g_hash_table_lookup (by_uid, entry->uid);

          g_ptr_array_add (master != NULL ? master->changed : orphans, entry);
        }
      else if (g_hash_table_contains (by_uid, entry->uid))
        {
          set_file_error (error, name, line, entry->uid, _("a second item has the same UID"));
          entry_free (entry);
          icalcomponent_free (calendar);
          return NULL;
        }
      else
        {
          g_ptr_array_add (masters, entry);
          g_hash_table_insert (by_uid, entry->uid, entry);
        }
    }
  icalcomponent_free (calendar);

  /* A changed occurrence may come before its master. */
  for (guint i = 0; i < orphans->len;)
    {
      Entry *entry = g_ptr_array_index (orphans, i);
      Entry *master = g_hash_table_lookup (by_uid, entry->uid);

      if (master != NULL)
        g_ptr_array_add (master->changed, g_ptr_array_steal_index (orphans, i));
      else
        i++;
    }

  *out_orphans = g_steal_pointer (&orphans);
  return g_steal_pointer (&masters);
}

/* ---- Writing what was read --------------------------------------------------------------- */

static gint64
lookup_id (sqlite3     *db,
           const char  *sql,
           const char  *name,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (name == NULL)
    return 0;
  stmt = mops_db_prepare (db, sql, error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc == SQLITE_DONE)
    return 0;
  mops_db_set_error (db, error, _("Could not read the library"));
  return -1;
}

static gint64
ensure_campaign (sqlite3     *db,
                 const char  *name,
                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id = lookup_id (db, "SELECT id FROM campaigns WHERE name = ?", name, error);

  if (id != 0 || name == NULL)
    return id;
  stmt = mops_db_prepare (db, "INSERT INTO campaigns (name) VALUES (?)", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      mops_db_set_error (db, error, _("Could not add the campaign"));
      return -1;
    }
  return sqlite3_last_insert_rowid (db);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The override rows an entry stands for, one line each, sorted: to compare with the table. */
static char *
entry_overrides_text (const Entry *entry)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < entry->exdates->len; i++)
    g_ptr_array_add (rows, g_strdup_printf ("%s|1|||", (char *) g_ptr_array_index (entry->exdates, i)));
  for (guint i = 0; i < entry->changed->len; i++)
    {
      const Entry *changed = g_ptr_array_index (entry->changed, i);
      gboolean cancelled = FALSE;

      for (guint j = 0; j < entry->exdates->len; j++)
        cancelled = cancelled || g_str_equal (g_ptr_array_index (entry->exdates, j), changed->recurrence_id);
      if (cancelled)
        continue;
      g_ptr_array_add (rows, g_strdup_printf ("%s|0|%s|%s|%s", changed->recurrence_id,
                                              g_strcmp0 (changed->title, entry->title) != 0 ? changed->title : "",
                                              changed->status != entry->status
                                              ? mops_content_status_to_name (changed->status) : "",
                                              g_strcmp0 (changed->publish_at, changed->recurrence_id) != 0
                                              ? changed->publish_at : ""));
    }
  g_ptr_array_sort (rows, compare_strings);
  for (guint i = 0; i < rows->len; i++)
    g_string_append_printf (text, "%s\n", (char *) g_ptr_array_index (rows, i));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The same for the table's rows of item @item_id, whose title and status are @title and
 * @status: a field that says what the item says is no change. */
static char *
table_overrides_text (sqlite3            *db,
                      gint64              item_id,
                      const char         *title,
                      MopsContentStatus   status,
                      GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  int rc;

  stmt = mops_db_prepare (db,
                          "SELECT recurrence_id || '|' || cancelled || '|'"
                          " || CASE WHEN cancelled OR title IS ?2 THEN '' ELSE ifnull (title, '') END || '|'"
                          " || CASE WHEN cancelled OR status IS ?3 THEN '' ELSE ifnull (status, '') END || '|'"
                          " || CASE WHEN cancelled OR publish_at IS recurrence_id THEN ''"
                          "    ELSE ifnull (publish_at, '') END"
                          " FROM content_overrides WHERE content_item_id = ?1 ORDER BY 1",
                          error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, item_id);
  sqlite3_bind_text (stmt, 2, title, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, mops_content_status_to_name (status), -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_string_append_printf (text, "%s\n", (const char *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      mops_db_set_error (db, error, _("Could not read the calendar"));
      return NULL;
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* A rule as libical writes it, so that two spellings of one rule compare equal. */
static char *
normalize_rrule (const char *rrule)
{
  struct icalrecurrencetype recur;
  char *text;

  if (rrule == NULL)
    return NULL;
  recur = icalrecurrencetype_from_string (rrule);
  text = icalrecurrencetype_as_string_r (&recur);
  g_free (recur.rscale);
  return text;
}

typedef struct
{
  gint64 channel_id;
  gint64 campaign_id;
  gint64 owner_id;
  gint64 reviewer_id;
} Refs;

static gboolean
item_equals_entry (const MopsContentItem *item,
                   const Entry           *entry,
                   const Refs            *refs)
{
  g_autofree char *rrule = normalize_rrule (item->rrule);

  return g_strcmp0 (item->title, entry->title) == 0 && g_strcmp0 (item->brief, entry->brief) == 0
         && item->status == entry->status && item->channel_id == refs->channel_id
         && item->campaign_id == refs->campaign_id && item->owner_id == refs->owner_id
         && item->reviewer_id == refs->reviewer_id && g_strcmp0 (item->due_at, entry->due_at) == 0
         && g_strcmp0 (item->publish_at, entry->publish_at) == 0
         && item->published_at == entry->published_at && g_strcmp0 (item->url, entry->url) == 0
         && g_strcmp0 (rrule, entry->rrule) == 0 && item->sequence == entry->sequence;
}

static gboolean
write_overrides (sqlite3      *db,
                 gint64        item_id,
                 const Entry  *entry,
                 GError      **error)
{
  g_autoptr(sqlite3_stmt) clear = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_auto(GStrv) rows = NULL;
  g_autofree char *text = entry_overrides_text (entry);

  clear = mops_db_prepare (db, "DELETE FROM content_overrides WHERE content_item_id = ?", error);
  insert = clear == NULL ? NULL
           : mops_db_prepare (db,
                              "INSERT OR REPLACE INTO content_overrides (content_item_id, recurrence_id,"
                              " cancelled, title, status, publish_at)"
                              " VALUES (?, ?, ?, nullif (?, ''), nullif (?, ''), nullif (?, ''))",
                              error);
  if (insert == NULL)
    return FALSE;
  sqlite3_bind_int64 (clear, 1, item_id);
  if (sqlite3_step (clear) != SQLITE_DONE)
    return mops_db_set_error (db, error, _("Could not change the occurrence"));

  rows = g_strsplit (text, "\n", -1);
  for (guint i = 0; rows[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (rows[i], "|", 5);

      if (g_strv_length (fields) != 5)
        continue;
      sqlite3_reset (insert);
      sqlite3_bind_int64 (insert, 1, item_id);
      for (int f = 0; f < 5; f++)
        sqlite3_bind_text (insert, f + 2, fields[f], -1, SQLITE_TRANSIENT);
      if (sqlite3_step (insert) != SQLITE_DONE)
        return mops_db_set_error (db, error, _("Could not change the occurrence"));
    }
  return TRUE;
}

static gboolean
resolve_refs (sqlite3      *db,
              const Entry  *entry,
              Refs         *refs,
              GError      **error)
{
  refs->channel_id = lookup_id (db, "SELECT id FROM channels WHERE name = ?", entry->channel, error);
  refs->campaign_id = refs->channel_id < 0 ? -1 : ensure_campaign (db, entry->campaign, error);
  refs->owner_id = refs->campaign_id < 0 ? -1
                   : lookup_id (db, "SELECT id FROM people WHERE name = ?", entry->owner, error);
  refs->reviewer_id = refs->owner_id < 0 ? -1
                      : lookup_id (db, "SELECT id FROM people WHERE name = ?", entry->reviewer, error);
  return refs->reviewer_id >= 0;
}

/* Adds or updates the item of @entry; counts it in @report. */
static gboolean
import_entry (sqlite3        *db,
              const char     *name,
              const Entry    *entry,
              MopsIcsReport  *report,
              GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(MopsContentItem) item = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 id;
  gint64 now = mops_clock_now_unix ();
  Refs refs;

  if (!resolve_refs (db, entry, &refs, error))
    return FALSE;
  id = lookup_id (db, "SELECT id FROM content_items WHERE uid = ?", entry->uid, error);
  if (id < 0)
    return FALSE;

  if (id > 0)
    {
      item = mops_content_items_load_in_db (db, id, error);
      before = item == NULL ? NULL : table_overrides_text (db, id, entry->title, entry->status, error);
      if (before == NULL)
        return FALSE;
      after = entry_overrides_text (entry);
      if (item_equals_entry (item, entry, &refs) && g_str_equal (before, after))
        {
          report->unchanged++;
          return TRUE;
        }
      stmt = mops_db_prepare (db,
                              "UPDATE content_items SET title = ?2, brief = ?3, status = ?4,"
                              " channel_id = ?5, campaign_id = ?6, owner_id = ?7, reviewer_id = ?8,"
                              " due_at = ?9, publish_at = ?10, published_at = ?11, url = ?12,"
                              " rrule = ?13, sequence = ?14, modified_at = ?15 WHERE id = ?1",
                              error);
    }
  else
    stmt = mops_db_prepare (db,
                            "INSERT INTO content_items (id, title, brief, status, channel_id,"
                            " campaign_id, owner_id, reviewer_id, due_at, publish_at, published_at,"
                            " url, rrule, sequence, modified_at, uid, created_at)"
                            " VALUES (NULL, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,"
                            " ?15, ?16, ?15)",
                            error);
  if (stmt == NULL)
    return FALSE;

  if (id > 0)
    sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, entry->title, -1, SQLITE_STATIC);
  mops_db_bind_text_or_null (stmt, 3, entry->brief);
  sqlite3_bind_text (stmt, 4, mops_content_status_to_name (entry->status), -1, SQLITE_STATIC);
  mops_domain_bind_id (stmt, 5, refs.channel_id);
  mops_domain_bind_id (stmt, 6, refs.campaign_id);
  mops_domain_bind_id (stmt, 7, refs.owner_id);
  mops_domain_bind_id (stmt, 8, refs.reviewer_id);
  mops_db_bind_text_or_null (stmt, 9, entry->due_at);
  mops_db_bind_text_or_null (stmt, 10, entry->publish_at);
  mops_domain_bind_int_or_null (stmt, 11, entry->published_at);
  mops_db_bind_text_or_null (stmt, 12, entry->url);
  mops_db_bind_text_or_null (stmt, 13, entry->rrule);
  sqlite3_bind_int (stmt, 14, entry->sequence);
  sqlite3_bind_int64 (stmt, 15, now);
  if (id == 0)
    sqlite3_bind_text (stmt, 16, entry->uid, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      g_autoptr(GError) failure = NULL;

      mops_db_set_error (db, &failure, _("Could not add the content item"));
      set_file_error (error, name, entry->line, entry->uid, failure->message);
      return FALSE;
    }
  if (id == 0)
    {
      id = sqlite3_last_insert_rowid (db);
      report->added++;
    }
  else
    report->updated++;

  return entry->rrule == NULL || write_overrides (db, id, entry, error);
}

/* Changed occurrences of items already in the library, with no master in the file. */
static gboolean
import_orphan (sqlite3        *db,
               const char     *name,
               const Entry    *orphan,
               MopsIcsReport  *report,
               GError        **error)
{
  g_autoptr(MopsContentItem) item = NULL;
  g_autoptr(Entry) master = g_new0 (Entry, 1);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id = lookup_id (db, "SELECT id FROM content_items WHERE uid = ?", orphan->uid, error);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  int rc;

  if (id < 0)
    return FALSE;
  if (id == 0)
    {
      set_file_error (error, name, orphan->line, orphan->uid,
                      _("it changes one occurrence of an item that is neither in the file nor in the library"));
      return FALSE;
    }
  item = mops_content_items_load_in_db (db, id, error);
  if (item == NULL)
    return FALSE;
  if (item->rrule == NULL)
    {
      set_file_error (error, name, orphan->line, orphan->uid, _("it changes one occurrence of an item that does not recur"));
      return FALSE;
    }

  /* The master as the library has it, with this one occurrence changed. */
  master->title = g_strdup (item->title);
  master->status = item->status;
  master->exdates = g_ptr_array_new_with_free_func (g_free);
  master->changed = g_ptr_array_new ();
  g_ptr_array_add (master->changed, (gpointer) orphan);
  after = entry_overrides_text (master);
  g_ptr_array_set_size (master->changed, 0);

  before = table_overrides_text (db, id, item->title, item->status, error);
  if (before == NULL)
    return FALSE;
  if (strstr (before, after) != NULL)
    {
      report->unchanged++;
      return TRUE;
    }

  stmt = mops_db_prepare (db,
                          "INSERT OR REPLACE INTO content_overrides (content_item_id, recurrence_id,"
                          " cancelled, title, status, publish_at) VALUES (?, ?, 0, ?, ?, ?)",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, orphan->recurrence_id, -1, SQLITE_STATIC);
  mops_db_bind_text_or_null (stmt, 3, g_strcmp0 (orphan->title, item->title) != 0 ? orphan->title : NULL);
  mops_db_bind_text_or_null (stmt, 4, orphan->status != item->status
                                      ? mops_content_status_to_name (orphan->status) : NULL);
  mops_db_bind_text_or_null (stmt, 5, g_strcmp0 (orphan->publish_at, orphan->recurrence_id) != 0
                                      ? orphan->publish_at : NULL);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return mops_db_set_error (db, error, _("Could not change the occurrence"));
  report->updated++;
  return TRUE;
}

static gboolean
import_in_db (sqlite3        *db,
              const char     *path,
              MopsIcsReport  *out_report,
              GError        **error)
{
  g_autofree char *name = g_filename_display_name (path);
  g_autoptr(GPtrArray) masters = NULL;
  g_autoptr(GPtrArray) orphans = NULL;
  MopsIcsReport report = { 0 };
  gboolean nested;

  masters = read_file (path, &orphans, error);
  if (masters == NULL)
    return FALSE;

  if (!mops_db_begin_write (db, &nested, error))
    return FALSE;
  for (guint i = 0; i < masters->len; i++)
    if (!import_entry (db, name, g_ptr_array_index (masters, i), &report, error))
      goto failed;
  for (guint i = 0; i < orphans->len; i++)
    if (!import_orphan (db, name, g_ptr_array_index (orphans, i), &report, error))
      goto failed;
  if (!mops_db_commit_write (db, nested, error))
    return FALSE;

  if (out_report != NULL)
    *out_report = report;
  return TRUE;

failed:
  mops_db_rollback_write (db, nested);
  return FALSE;
}

gboolean
mops_calendar_import_ics (MopsLibrary    *library,
                          const char     *path,
                          MopsIcsReport  *out_report,
                          GError        **error)
{
  g_return_val_if_fail (MOPS_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return import_in_db (mops_library_get_db (library), path, out_report, error);
}

/* ---- Workers ----------------------------------------------------------------------------- */

typedef struct
{
  char          *path;
  GArray        *ids;
  MopsIcsReport  report;
} IcsJob;

static void
ics_job_free (IcsJob *job)
{
  g_free (job->path);
  g_clear_pointer (&job->ids, g_array_unref);
  g_free (job);
}

static gpointer
export_job (MopsLibrary   *library,
            sqlite3       *db,
            gpointer       job_data,
            GCancellable  *cancellable,
            GError       **error)
{
  IcsJob *job = job_data;

  return export_in_db (db, job->path, job->ids, error) ? GINT_TO_POINTER (1) : NULL;
}

void
mops_calendar_export_ics_async (MopsLibrary          *library,
                                const char           *path,
                                const gint64         *ids,
                                guint                 n_ids,
                                GCancellable         *cancellable,
                                GAsyncReadyCallback   callback,
                                gpointer              user_data)
{
  IcsJob *job;

  g_return_if_fail (MOPS_IS_LIBRARY (library));
  g_return_if_fail (path != NULL);

  job = g_new0 (IcsJob, 1);
  job->path = g_strdup (path);
  job->ids = ids_array (ids, n_ids);
  mops_library_run_job (library, mops_calendar_export_ics_async, export_job, job,
                        (GDestroyNotify) ics_job_free, NULL, cancellable, callback, user_data);
}

gboolean
mops_calendar_export_ics_finish (MopsLibrary   *library,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return mops_library_job_finish (library, result, mops_calendar_export_ics_async, error) != NULL;
}

static gpointer
import_job (MopsLibrary   *library,
            sqlite3       *db,
            gpointer       job_data,
            GCancellable  *cancellable,
            GError       **error)
{
  IcsJob *job = job_data;

  return import_in_db (db, job->path, &job->report, error) ? GINT_TO_POINTER (1) : NULL;
}

void
mops_calendar_import_ics_async (MopsLibrary          *library,
                                const char           *path,
                                GCancellable         *cancellable,
                                GAsyncReadyCallback   callback,
                                gpointer              user_data)
{
  IcsJob *job;

  g_return_if_fail (MOPS_IS_LIBRARY (library));
  g_return_if_fail (path != NULL);

  job = g_new0 (IcsJob, 1);
  job->path = g_strdup (path);
  mops_library_run_job (library, mops_calendar_import_ics_async, import_job, job,
                        (GDestroyNotify) ics_job_free, NULL, cancellable, callback, user_data);
}

gboolean
mops_calendar_import_ics_finish (MopsLibrary    *library,
                                 GAsyncResult   *result,
                                 MopsIcsReport  *out_report,
                                 GError        **error)
{
  IcsJob *job = mops_library_job_get_data (result);

  if (mops_library_job_finish (library, result, mops_calendar_import_ics_async, error) == NULL)
    return FALSE;
  if (out_report != NULL)
    *out_report = job->report;
  return TRUE;
}
