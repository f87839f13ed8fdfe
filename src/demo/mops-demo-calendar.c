/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-demo-calendar.c — the demo's editorial calendar: content items, reviews, tasks, overrides */

#include "config.h"

#define G_LOG_DOMAIN "mops-demo"

#include <stdlib.h>
#include <string.h>

#include "core/mops-calendar.h"
#include "mops-demo-private.h"

/* One item of content.json with what its rules make of it. */
typedef struct
{
  JsonObject        *spec;
  guint              index;
  MopsContentStatus  status;
  int                day;            /* MOPS_DEMO_NO_DAY: unscheduled */
  int                hour, minute;   /* hour -1: a whole day */
  const char        *rrule;
  int                anchor;         /* the day the work happened around */

  GDate              date;           /* the (first) publishing day */
  int                start;          /* its offset from today */
  const char        *publish_at;
  const char        *due_at;
  gint64             published_at;
} Item;

/* The weekday of "BYDAY=TU" in @rrule, G_DATE_BAD_WEEKDAY without one. */
static GDateWeekday
rule_weekday (const char *rrule)
{
  static const char *const days[] = { "MO", "TU", "WE", "TH", "FR", "SA", "SU" };
  const char *byday = rrule != NULL ? strstr (rrule, "BYDAY=") : NULL;

  for (guint i = 0; byday != NULL && i < G_N_ELEMENTS (days); i++)
    if (strncmp (byday + strlen ("BYDAY="), days[i], 2) == 0)
      return (GDateWeekday) (G_DATE_MONDAY + i);

  return G_DATE_BAD_WEEKDAY;
}

/* The day of "BYMONTHDAY=1" in @rrule, 0 without one. */
static int
rule_month_day (const char *rrule)
{
  const char *bymonthday = rrule != NULL ? strstr (rrule, "BYMONTHDAY=") : NULL;

  return bymonthday != NULL ? atoi (bymonthday + strlen ("BYMONTHDAY=")) : 0;
}

/* When an item goes out. A recurring item starts on the first day its rule matches. */
static void
schedule (MopsDemo *d,
          Item     *item)
{
  item->start = item->day;
  if (item->day == MOPS_DEMO_NO_DAY)
    return;

  mops_demo_date_from_today (d, item->day, &item->date);
  if (item->rrule != NULL && g_str_has_prefix (item->rrule, "FREQ=WEEKLY"))
    while (g_date_get_weekday (&item->date) != rule_weekday (item->rrule))
      {
        g_date_add_days (&item->date, 1);
        item->start++;
      }
  if (item->rrule != NULL && g_str_has_prefix (item->rrule, "FREQ=MONTHLY"))
    g_date_set_day (&item->date, (GDateDay) rule_month_day (item->rrule));

  item->publish_at = mops_demo_wall_time (d, &item->date, item->hour, item->minute);

  /* due two days before, at four in the afternoon */
  if (item->status != MOPS_CONTENT_STATUS_IDEA && item->rrule == NULL)
    {
      GDate due = item->date;

      g_date_subtract_days (&due, 2);
      item->due_at = item->hour < 0 ? mops_demo_format_date (d, &due)
                                    : mops_demo_wall_time (d, &due, 16, 0);
    }

  /* two minutes after the hour it was planned for (eight for a whole day) */
  if (item->status == MOPS_CONTENT_STATUS_PUBLISHED)
    item->published_at = mops_demo_local_instant (&item->date, MAX (item->hour, 8),
                                                  item->minute) + 120;
}

static JsonObject *
find_channel (MopsDemo   *d,
              const char *key)
{
  JsonArray *channels = mops_demo_data_get_array (d, "channels.json");

  for (guint i = 0; key != NULL && channels != NULL && i < json_array_get_length (channels); i++)
    {
      JsonObject *channel = json_array_get_object_element (channels, i);

      if (g_strcmp0 (mops_demo_get_string (channel, "key"), key) == 0)
        return channel;
    }

  return NULL;
}

/* Who a template names: a person's key, or the item's "owner" or "reviewer"; a list names
 * the first of them the item has. 0 for nobody. */
static gint64
resolve_person (MopsDemo   *d,
                JsonObject *spec,
                JsonNode   *who)
{
  g_autoptr(GList) names = NULL;

  if (who == NULL || JSON_NODE_HOLDS_NULL (who))
    return 0;
  if (JSON_NODE_HOLDS_ARRAY (who))
    names = json_array_get_elements (json_node_get_array (who));
  else
    names = g_list_prepend (NULL, who);

  for (GList *l = names; l != NULL; l = l->next)
    {
      const char *name = json_node_get_string (l->data);
      const char *key = name;

      if (g_strcmp0 (name, "owner") == 0 || g_strcmp0 (name, "reviewer") == 0)
        key = mops_demo_get_string (spec, name);
      if (key != NULL)
        return mops_demo_id (d, "person", key);
    }

  return 0;
}

static void
add_comment (MopsDemo   *d,
             gint64      item_id,
             JsonObject *spec,
             JsonObject *comment,
             int         day)
{
  MopsCommentInfo info = { .kind = MOPS_COMMENT_KIND_COMMENT };
  int hour, minute;

  info.author_id = resolve_person (d, spec, json_object_get_member (comment, "author"));
  info.body = mops_demo_expand (d, mops_demo_get_string (comment, "body"), NULL);
  if (mops_demo_get_string (comment, "kind") != NULL
      && !mops_comment_kind_from_name (mops_demo_get_string (comment, "kind"), &info.kind))
    mops_demo_data_error (d, "“%s” is not a kind of comment", mops_demo_get_string (comment, "kind"));
  mops_demo_parse_time (mops_demo_get_string (comment, "time"), &hour, &minute);
  info.created_at = mops_demo_past_instant (d, day + (int) mops_demo_get_int (comment, "day", 0),
                                            hour, minute);

  if (d->error == NULL)
    mops_content_items_add_comment (d->library, item_id, &info, &d->error);
}

/* The review trail of one item: the comments that fit its status. */
static void
add_review (MopsDemo   *d,
            JsonObject *content,
            Item       *item,
            gint64      item_id)
{
  JsonObject *reviews = mops_demo_get_object (content, "reviews");
  JsonArray *comments = mops_demo_get_array (reviews, mops_content_status_to_name (item->status));

  for (guint i = 0; comments != NULL && i < json_array_get_length (comments) && d->error == NULL; i++)
    add_comment (d, item_id, item->spec, json_array_get_object_element (comments, i), item->anchor);
}

/* The checklist: one task for an idea, all of them otherwise, the first ones done as far as
 * the status goes; due in the days before publishing. */
static void
add_tasks (MopsDemo   *d,
           JsonObject *content,
           Item       *item,
           gint64      item_id)
{
  JsonArray *tasks = mops_demo_get_array (content, "tasks");
  JsonObject *done = mops_demo_get_object (content, "tasks_done");
  const char *status = mops_content_status_to_name (item->status);
  int publish_day = item->day == MOPS_DEMO_NO_DAY || item->rrule != NULL ? MOPS_DEMO_NO_DAY
                                                                         : item->start;
  guint n = tasks != NULL ? json_array_get_length (tasks) : 0;
  guint n_done = (guint) mops_demo_get_int (done, status, 0);

  if (item->status == MOPS_CONTENT_STATUS_IDEA)
    n = MIN (n, (guint) mops_demo_get_int (content, "tasks_of_an_idea", n));

  for (guint i = 0; i < n && d->error == NULL; i++)
    {
      JsonObject *task = json_array_get_object_element (tasks, i);
      MopsContentTaskInfo info = {
        .title = mops_demo_get_string (task, "title"),
        .assignee_id = resolve_person (d, item->spec, json_object_get_member (task, "assignee")),
        .due_on = publish_day != MOPS_DEMO_NO_DAY ? mops_demo_day (d, publish_day - (int) (n - i))
                                                  : NULL,
        .done = i < n_done,
        .position = (int) i,
      };

      if (d->error == NULL)
        mops_content_items_add_task (d->library, item_id, &info, &d->error);
    }
}

/* One occurrence of a weekly item changed: "week" counts from the first one after today. */
static void
add_overrides (MopsDemo *d,
               Item     *item,
               gint64    item_id)
{
  JsonArray *overrides = mops_demo_get_array (item->spec, "overrides");
  GDate next = d->today;

  g_date_add_days (&next, 1);
  while (g_date_get_weekday (&next) != rule_weekday (item->rrule))
    g_date_add_days (&next, 1);

  for (guint i = 0; overrides != NULL && i < json_array_get_length (overrides) && d->error == NULL; i++)
    {
      JsonObject *spec = json_array_get_object_element (overrides, i);
      MopsContentOverrideInfo info = { .cancelled = mops_demo_get_bool (spec, "cancelled") };
      const char *status = mops_demo_get_string (spec, "status");
      GDate occurrence = next;

      g_date_add_days (&occurrence, 7 * (guint) mops_demo_get_int (spec, "week", 0));
      info.recurrence_id = mops_demo_wall_time (d, &occurrence, item->hour, item->minute);
      info.title = mops_demo_expand (d, mops_demo_get_string (spec, "title"), NULL);
      info.has_status = status != NULL && mops_content_status_from_name (status, &info.status);
      if (mops_demo_get_string (spec, "moves_to") != NULL)
        {
          GDate moved = occurrence;
          int hour, minute;

          g_date_add_days (&moved, (guint) mops_demo_get_int (spec, "moves_by", 0));
          mops_demo_parse_time (mops_demo_get_string (spec, "moves_to"), &hour, &minute);
          info.publish_at = mops_demo_wall_time (d, &moved, hour, minute);
        }

      mops_content_items_add_override (d->library, item_id, &info, &d->error);
    }
}

static void
add_item (MopsDemo   *d,
          JsonObject *content,
          Item       *item)
{
  JsonObject *spec = item->spec;
  JsonArray *assets = mops_demo_get_array (spec, "assets");
  JsonArray *comments = mops_demo_get_array (spec, "comments");
  JsonObject *channel = find_channel (d, mops_demo_get_string (spec, "channel"));
  const char *slug = mops_demo_get_string (spec, "slug");
  g_autofree char *uid = g_strdup_printf ("%s@demo.mops", slug);
  MopsContentItemInfo info = { 0 };
  gint64 id;

  schedule (d, item);

  info.uid = uid;
  info.title = mops_demo_expand (d, mops_demo_get_string (spec, "title"), NULL);
  info.brief = mops_demo_expand (d, mops_demo_get_string (spec, "brief"), NULL);
  info.status = item->status;
  info.channel_id = mops_demo_id (d, "channel", mops_demo_get_string (spec, "channel"));
  info.campaign_id = mops_demo_id (d, "campaign", mops_demo_get_string (spec, "campaign"));
  info.owner_id = mops_demo_id (d, "person", mops_demo_get_string (spec, "owner"));
  info.reviewer_id = mops_demo_id (d, "person", mops_demo_get_string (spec, "reviewer"));
  info.due_at = item->due_at;
  info.publish_at = item->publish_at;
  info.published_at = item->published_at;
  info.rrule = item->rrule;
  /* a few items planned ahead were sent out again after a change */
  info.sequence = item->day != MOPS_DEMO_NO_DAY && item->day > 0 && item->index % 4 == 0 ? 1 : 0;
  info.created_at = mops_demo_past_instant (d, item->anchor - 12, 9, 30);
  info.modified_at = item->published_at > 0 ? MIN (item->published_at, d->now)
                                            : mops_demo_past_instant (d, item->anchor - 1, 17, 45);
  if (item->published_at > 0)
    {
      const char *vars[] = { "slug", slug, NULL };

      info.url = mops_demo_expand (d, mops_demo_get_string (channel, "published_url"), vars);
    }
  if (d->error != NULL)
    return;

  id = mops_content_items_add (d->library, &info, &d->error);

  for (guint a = 0; id > 0 && assets != NULL && a < json_array_get_length (assets) && d->error == NULL; a++)
    {
      gint64 asset = mops_demo_asset_id (d, json_array_get_string_element (assets, a));

      if (asset != 0)
        mops_content_items_add_asset (d->library, id, asset, (int) a, &d->error);
    }

  if (id <= 0 || d->error != NULL)
    return;

  add_review (d, content, item, id);
  add_tasks (d, content, item, id);
  /* what a colleague noticed, on the day it happened */
  for (guint c = 0; comments != NULL && c < json_array_get_length (comments) && d->error == NULL; c++)
    add_comment (d, id, spec, json_array_get_object_element (comments, c), 0);
  if (item->rrule != NULL && g_str_has_prefix (item->rrule, "FREQ=WEEKLY"))
    add_overrides (d, item, id);
}

void
mops_demo_add_content (MopsDemo *d)
{
  JsonObject *content = mops_demo_data_get_object (d, "content.json");
  JsonArray *items = mops_demo_get_array (content, "items");

  for (guint i = 0; items != NULL && i < json_array_get_length (items) && d->error == NULL; i++)
    {
      Item item = { .spec = json_array_get_object_element (items, i), .index = i };

      if (!mops_content_status_from_name (mops_demo_get_string (item.spec, "status"), &item.status))
        {
          mops_demo_data_error (d, "the content item “%s” has no status",
                                mops_demo_get_string (item.spec, "slug"));
          return;
        }
      item.day = (int) mops_demo_get_int (item.spec, "day", MOPS_DEMO_NO_DAY);
      mops_demo_parse_time (mops_demo_get_string (item.spec, "time"), &item.hour, &item.minute);
      item.rrule = mops_demo_get_string (item.spec, "rrule");
      /* unscheduled work happened over the last days, the rest around its day */
      item.anchor = item.day == MOPS_DEMO_NO_DAY ? -(int) (i % 9) - 2 : MIN (item.day, 0);

      add_item (d, content, &item);
    }
}
