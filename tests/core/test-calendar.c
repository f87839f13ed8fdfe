/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-calendar.c — channels, campaigns, content items and their assets, comments, tasks, overrides */

#include "config.h"

#include <string.h>

#include "core/mops-budget.h"
#include "core/mops-calendar.h"
#include "core/mops-db-private.h"
#include "core/mops-error.h"
#include "core/mops-library-private.h"
#include "core/mops-library.h"
#include "core/mops-licences.h"
#include "core/mops-people.h"
#include "mops-test-util.h"

/* One column of one row as text ("NULL" for NULL), @sql with ?1 bound to @id. */
static char *
query_text (MopsTestLibrary *fixture,
            const char      *sql,
            gint64           id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (fixture->db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup (sqlite3_column_type (stmt, 0) == SQLITE_NULL
                   ? "NULL" : (const char *) sqlite3_column_text (stmt, 0));
}

static gint64
count_rows (MopsTestLibrary *fixture,
            const char      *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);

  return mops_test_query_int (fixture->db, sql);
}

static gint64
add_person (MopsTestLibrary *fixture,
            const char      *name)
{
  g_autoptr(GError) error = NULL;
  MopsPersonInfo person = { .name = name };
  gint64 id = mops_people_add (fixture->library, &person, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
add_item (MopsTestLibrary           *fixture,
          const MopsContentItemInfo *info)
{
  g_autoptr(GError) error = NULL;
  gint64 id = mops_content_items_add (fixture->library, info, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
test_names_round_trip (void)
{
  MopsContentStatus status = MOPS_CONTENT_STATUS_IDEA;
  MopsCommentKind kind = MOPS_COMMENT_KIND_COMMENT;

  for (int i = MOPS_CONTENT_STATUS_IDEA; i <= MOPS_CONTENT_STATUS_PUBLISHED; i++)
    {
      g_assert_true (mops_content_status_from_name (mops_content_status_to_name (i), &status));
      g_assert_cmpint (status, ==, i);
    }
  g_assert_cmpstr (mops_content_status_to_name (MOPS_CONTENT_STATUS_IN_REVIEW), ==, "in_review");
  g_assert_false (mops_content_status_from_name ("In review", &status));
  g_assert_null (mops_content_status_to_name (42));

  g_assert_true (mops_comment_kind_from_name ("changes_requested", &kind));
  g_assert_cmpint (kind, ==, MOPS_COMMENT_KIND_CHANGES_REQUESTED);
  g_assert_false (mops_comment_kind_from_name (NULL, &kind));
}

static void
test_channels_keep_medium_and_size_rules (MopsTestLibrary *fixture,
                                          gconstpointer    user_data)
{
  g_autoptr(GError) error = NULL;
  MopsChannelInfo instagram = {
    .name = " Instagram ", .medium = MOPS_MEDIUM_SOCIAL, .color = "#C13584", .min_width = 1080,
    .min_height = 1080, .aspect_ratios = "1:1;4:5", .max_bytes = 8388608,
    .allowed_types = "image;video",
  };
  MopsChannelInfo print = { .name = "Catalogue", .medium = MOPS_MEDIUM_PRINT };
  g_autofree char *row = NULL;
  g_autofree char *bare = NULL;
  gint64 id, print_id;

  id = mops_channels_add (fixture->library, &instagram, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  row = query_text (fixture, "SELECT name || '|' || medium || '|' || color || '|' || min_width"
                             " || '|' || min_height || '|' || aspect_ratios || '|' || max_bytes"
                             " || '|' || allowed_types FROM channels WHERE id = ?1", id);
  g_assert_cmpstr (row, ==, "Instagram|social|#C13584|1080|1080|1:1;4:5|8388608|image;video");
  g_assert_cmpint (mops_channels_lookup (fixture->library, "Instagram", &error), ==, id);
  g_assert_cmpint (mops_channels_lookup (fixture->library, "instagram", &error), ==, 0);
  g_assert_no_error (error);

  /* no rules: NULL, not 0 */
  print_id = mops_channels_add (fixture->library, &print, &error);
  g_assert_no_error (error);
  bare = query_text (fixture, "SELECT quote (min_width) || quote (max_bytes) || quote (color)"
                              " FROM channels WHERE id = ?1", print_id);
  g_assert_cmpstr (bare, ==, "NULLNULLNULL");
}

static void
test_channels_refuse_taken_names_and_bad_rules (MopsTestLibrary *fixture,
                                                gconstpointer    user_data)
{
  g_autoptr(GError) error = NULL;
  MopsChannelInfo channel = { .name = "Blog", .medium = MOPS_MEDIUM_WEB };
  gint64 before;

  g_assert_cmpint (mops_channels_add (fixture->library, &channel, &error), >, 0);
  before = count_rows (fixture, "channels");

  g_assert_cmpint (mops_channels_add (fixture->library, &channel, &error), ==, 0);
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "Blog"));
  g_clear_error (&error);

  channel.name = "Posters";
  channel.medium = MOPS_MEDIUM_WEB | MOPS_MEDIUM_PRINT;
  g_assert_cmpint (mops_channels_add (fixture->library, &channel, &error), ==, 0);
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_INVALID);
  g_clear_error (&error);

  channel.medium = MOPS_MEDIUM_OUTDOOR;
  channel.aspect_ratios = "16x9";
  g_assert_cmpint (mops_channels_add (fixture->library, &channel, &error), ==, 0);
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "16x9"));
  g_clear_error (&error);

  channel.aspect_ratios = NULL;
  channel.allowed_types = "image;gif";
  g_assert_cmpint (mops_channels_add (fixture->library, &channel, &error), ==, 0);
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "gif"));
  g_clear_error (&error);

  channel.allowed_types = NULL;
  channel.color = "orange";
  g_assert_cmpint (mops_channels_add (fixture->library, &channel, &error), ==, 0);
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (count_rows (fixture, "channels"), ==, before);
}

static void
test_campaigns_are_found_by_name_and_keep_their_dates (MopsTestLibrary *fixture,
                                                       gconstpointer    user_data)
{
  g_autoptr(GError) error = NULL;
  MopsCampaignInfo launch = {
    .name = "Trail Runner X launch", .color = "#14324A", .starts_on = "2026-11-27",
    .ends_on = "2027-01-21", .description = "Pre-order and launch.",
  };
  g_autofree char *row = NULL;
  gint64 id;

  id = mops_campaigns_add (fixture->library, &launch, &error);
  g_assert_no_error (error);
  row = query_text (fixture, "SELECT starts_on || '…' || ends_on || ' ' || archived"
                             " FROM campaigns WHERE id = ?1", id);
  g_assert_cmpstr (row, ==, "2026-11-27…2027-01-21 0");
  g_assert_cmpint (mops_campaigns_lookup (fixture->library, "Trail Runner X launch", &error), ==, id);
  g_assert_cmpint (mops_campaigns_lookup (fixture->library, "Black Week", &error), ==, 0);

  launch.name = "Backwards";
  launch.starts_on = "2027-01-21";
  launch.ends_on = "2026-11-27";
  g_assert_cmpint (mops_campaigns_add (fixture->library, &launch, &error), ==, 0);
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_INVALID);
  g_clear_error (&error);

  launch.ends_on = "2027-02-30";
  g_assert_cmpint (mops_campaigns_add (fixture->library, &launch, &error), ==, 0);
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2027-02-30"));
}

static void
test_content_items_keep_every_field (MopsTestLibrary *fixture,
                                     gconstpointer    user_data)
{
  g_autoptr(GError) error = NULL;
  MopsChannelInfo blog = { .name = "Blog", .medium = MOPS_MEDIUM_WEB };
  gint64 channel = mops_channels_add (fixture->library, &blog, &error);
  gint64 owner = add_person (fixture, "Lars Håkonsen");
  gint64 reviewer = add_person (fixture, "Mathias Ødegård");
  MopsContentItemInfo info = {
    .uid = "fjord-hikes@demo.mops", .title = "5 fjord hikes", .brief = "Route guide.",
    .status = MOPS_CONTENT_STATUS_PUBLISHED, .channel_id = channel, .owner_id = owner,
    .reviewer_id = reviewer, .due_at = "2026-11-05T16:00", .publish_at = "2026-11-07T08:30",
    .published_at = 1794036720, .url = "https://fjellvind.example/stories/fjord-hikes",
    .sequence = 1, .created_at = 1793000000, .modified_at = 1794036720,
  };
  g_autofree char *row = NULL;
  g_autofree char *expected = NULL;
  gint64 id;

  g_assert_no_error (error);
  id = add_item (fixture, &info);
  row = query_text (fixture, "SELECT uid || '|' || title || '|' || status || '|' || channel_id"
                             " || '|' || owner_id || '|' || reviewer_id || '|' || due_at || '|'"
                             " || publish_at || '|' || published_at || '|' || sequence || '|'"
                             " || created_at || '|' || modified_at || '|' || quote (campaign_id)"
                             " || quote (rrule) FROM content_items WHERE id = ?1", id);
  expected = g_strdup_printf ("fjord-hikes@demo.mops|5 fjord hikes|published|%" G_GINT64_FORMAT
                              "|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT "|2026-11-05T16:00"
                              "|2026-11-07T08:30|1794036720|1|1793000000|1794036720|NULLNULL",
                              channel, owner, reviewer);
  g_assert_cmpstr (row, ==, expected);
}

static void
test_content_items_get_a_uid_and_the_time_of_adding (MopsTestLibrary *fixture,
                                                     gconstpointer    user_data)
{
  MopsContentItemInfo idea = { .title = "Repair café tour" };
  g_autofree char *uid = NULL;
  g_autofree char *times = NULL;
  gint64 id;

  g_setenv ("MOPS_NOW", "2026-11-23T09:00:00+01:00", TRUE);
  id = add_item (fixture, &idea);
  g_unsetenv ("MOPS_NOW");

  uid = query_text (fixture, "SELECT uid FROM content_items WHERE id = ?1", id);
  g_assert_true (g_str_has_suffix (uid, "@mops"));
  g_assert_cmpuint (strlen (uid), ==, 36 + strlen ("@mops"));
  times = query_text (fixture, "SELECT status || ' ' || created_at || ' ' || modified_at"
                               " || ' ' || quote (publish_at) FROM content_items WHERE id = ?1", id);
  g_assert_cmpstr (times, ==, "idea 1795420800 1795420800 NULL");
}

static void
test_content_items_refuse_what_does_not_fit (MopsTestLibrary *fixture,
                                             gconstpointer    user_data)
{
  g_autoptr(GError) error = NULL;
  MopsContentItemInfo item = { .uid = "once@test", .title = "Launch post", .owner_id = 99 };

  /* an unknown person is named */
  g_assert_cmpint (mops_content_items_add (fixture->library, &item, &error), ==, 0);
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "person"));
  g_assert_nonnull (strstr (error->message, "99"));
  g_clear_error (&error);

  item.owner_id = 0;
  item.publish_at = "2026-11-07 08:30";
  g_assert_cmpint (mops_content_items_add (fixture->library, &item, &error), ==, 0);
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_INVALID);
  g_clear_error (&error);

  item.publish_at = "2026-11-07T24:00";
  g_assert_cmpint (mops_content_items_add (fixture->library, &item, &error), ==, 0);
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_INVALID);
  g_clear_error (&error);

  /* a rule needs its first occurrence */
  item.publish_at = NULL;
  item.rrule = "FREQ=WEEKLY;BYDAY=TU";
  g_assert_cmpint (mops_content_items_add (fixture->library, &item, &error), ==, 0);
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_INVALID);
  g_clear_error (&error);

  item.rrule = NULL;
  item.title = "  ";
  g_assert_cmpint (mops_content_items_add (fixture->library, &item, &error), ==, 0);
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_INVALID);
  g_clear_error (&error);

  item.title = "Launch post";
  add_item (fixture, &item);
  g_assert_cmpint (mops_content_items_add (fixture->library, &item, &error), ==, 0);
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "once@test"));

  g_assert_cmpint (count_rows (fixture, "content_items"), ==, 1);
}

static void
test_content_items_hold_assets_comments_and_tasks (MopsTestLibrary *fixture,
                                                   gconstpointer    user_data)
{
  g_autoptr(GError) error = NULL;
  MopsContentItemInfo info = { .title = "Newsletter special", .status = MOPS_CONTENT_STATUS_IN_REVIEW };
  gint64 item = add_item (fixture, &info);
  gint64 author = add_person (fixture, "Zofia Wróbel");
  gint64 photo = mops_test_store_file (fixture->library, fixture->dir, "lake.png", "lake", NULL);
  gint64 header = mops_test_store_file (fixture->library, fixture->dir, "header.png", "header", NULL);
  MopsCommentInfo comment = {
    .author_id = author, .kind = MOPS_COMMENT_KIND_CHANGES_REQUESTED,
    .body = "Shorten the intro.", .created_at = 1795000000,
  };
  MopsContentTaskInfo task = {
    .title = "Check image licences", .assignee_id = author, .due_on = "2026-11-30", .done = TRUE,
    .position = 2,
  };
  g_autofree char *assets = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *comment_row = NULL;
  g_autofree char *task_row = NULL;
  gint64 comment_id, task_id;

  g_assert_true (mops_content_items_add_asset (fixture->library, item, header, 1, &error));
  g_assert_true (mops_content_items_add_asset (fixture->library, item, photo, 0, &error));
  g_assert_no_error (error);
  g_assert_false (mops_content_items_add_asset (fixture->library, item, photo, 2, &error));
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_false (mops_content_items_add_asset (fixture->library, item, photo + 100, 2, &error));
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "asset"));
  g_clear_error (&error);
  assets = query_text (fixture, "SELECT group_concat (asset_id, ',') FROM (SELECT asset_id"
                                " FROM content_assets WHERE content_item_id = ?1 ORDER BY position)",
                       item);
  expected = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT, photo, header);
  g_assert_cmpstr (assets, ==, expected);

  comment_id = mops_content_items_add_comment (fixture->library, item, &comment, &error);
  g_assert_no_error (error);
  comment_row = query_text (fixture, "SELECT kind || '|' || body || '|' || created_at"
                                     " FROM content_comments WHERE id = ?1", comment_id);
  g_assert_cmpstr (comment_row, ==, "changes_requested|Shorten the intro.|1795000000");
  comment.body = "";
  g_assert_cmpint (mops_content_items_add_comment (fixture->library, item, &comment, &error), ==, 0);
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_INVALID);
  g_clear_error (&error);

  task_id = mops_content_items_add_task (fixture->library, item, &task, &error);
  g_assert_no_error (error);
  task_row = query_text (fixture, "SELECT title || '|' || due_on || '|' || done || '|' || position"
                                  " FROM content_tasks WHERE id = ?1", task_id);
  g_assert_cmpstr (task_row, ==, "Check image licences|2026-11-30|1|2");
  g_assert_cmpint (mops_content_items_add_task (fixture->library, item + 1, &task, &error), ==, 0);
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "content item"));
}

static void
test_overrides_change_one_occurrence_of_a_recurring_item (MopsTestLibrary *fixture,
                                                          gconstpointer    user_data)
{
  g_autoptr(GError) error = NULL;
  MopsContentItemInfo weekly = {
    .title = "The Trail Letter", .status = MOPS_CONTENT_STATUS_SCHEDULED,
    .publish_at = "2026-10-13T07:30", .rrule = "FREQ=WEEKLY;BYDAY=TU",
  };
  MopsContentItemInfo once = { .title = "Launch post", .publish_at = "2026-12-01" };
  MopsContentOverrideInfo moved = {
    .recurrence_id = "2026-12-15T07:30", .title = "The Trail Letter — launch edition",
    .has_status = TRUE, .status = MOPS_CONTENT_STATUS_SCHEDULED, .publish_at = "2026-12-16T08:00",
  };
  MopsContentOverrideInfo cancelled = { .recurrence_id = "2026-12-29T07:30", .cancelled = TRUE };
  gint64 item = add_item (fixture, &weekly);
  gint64 single = add_item (fixture, &once);
  g_autofree char *rows = NULL;

  g_assert_true (mops_content_items_add_override (fixture->library, item, &moved, &error));
  g_assert_true (mops_content_items_add_override (fixture->library, item, &cancelled, &error));
  g_assert_no_error (error);
  rows = query_text (fixture, "SELECT group_concat (recurrence_id || ' ' || cancelled || ' '"
                              " || quote (status) || ' ' || quote (publish_at), '; ') FROM"
                              " (SELECT * FROM content_overrides WHERE content_item_id = ?1"
                              " ORDER BY recurrence_id)", item);
  g_assert_cmpstr (rows, ==, "2026-12-15T07:30 0 'scheduled' '2026-12-16T08:00'; "
                             "2026-12-29T07:30 1 NULL NULL");

  g_assert_false (mops_content_items_add_override (fixture->library, item, &cancelled, &error));
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_false (mops_content_items_add_override (fixture->library, single, &cancelled, &error));
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (mops_content_items_add_override (fixture->library, single + 1, &cancelled, &error));
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND);
}

/* The demo library's way: many adds in one transaction of the caller's, all or nothing. */
static void
test_adds_inside_a_library_transaction_roll_back_together (MopsTestLibrary *fixture,
                                                           gconstpointer    user_data)
{
  g_autoptr(GError) error = NULL;
  MopsChannelInfo channel = { .name = "Newsletter", .medium = MOPS_MEDIUM_EMAIL };
  MopsContentItemInfo item = { .title = "Trail Letter" };
  gint64 channels = count_rows (fixture, "channels");

  g_assert_true (mops_library_begin (fixture->library, &error));
  item.channel_id = mops_channels_add (fixture->library, &channel, &error);
  g_assert_cmpint (item.channel_id, >, 0);
  g_assert_cmpint (mops_content_items_add (fixture->library, &item, &error), >, 0);
  g_assert_no_error (error);
  mops_library_rollback (fixture->library);

  g_assert_cmpint (count_rows (fixture, "channels"), ==, channels);
  g_assert_cmpint (count_rows (fixture, "content_items"), ==, 0);
}

/* ---- Reading and changing items ---------------------------------------------------------- */

static void
assert_titles (GPtrArray  *items,
               const char *expected)
{
  g_autoptr(GString) titles = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    {
      const MopsContentItem *item = g_ptr_array_index (items, i);

      g_string_append_printf (titles, "%s%s@%s", i > 0 ? "; " : "", item->title,
                              item->publish_at != NULL ? item->publish_at : "-");
    }
  g_assert_cmpstr (titles->str, ==, expected);
}

static GPtrArray *
list_items (MopsTestLibrary *fixture,
            const char      *from,
            const char      *to)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *items = mops_content_items_list (fixture->library, from, to, &error);

  g_assert_no_error (error);
  g_assert_nonnull (items);
  return items;
}

static void
test_channels_are_listed_and_found_by_name_or_medium (MopsTestLibrary *fixture,
                                                      gconstpointer    user_data)
{
  g_autoptr(GError) error = NULL;
  MopsChannelInfo feed = {
    .name = "Instagram feed", .medium = MOPS_MEDIUM_SOCIAL, .min_width = 1080, .min_height = 1080,
    .aspect_ratios = "1:1;4:5", .max_bytes = 8000000, .allowed_types = "image",
  };
  g_autoptr(GPtrArray) channels = NULL;
  g_autoptr(MopsChannel) loaded = NULL;
  gint64 id = mops_channels_add (fixture->library, &feed, &error);
  gint64 first_social;

  g_assert_no_error (error);
  channels = mops_channels_list (fixture->library, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (channels->len, >=, 1);

  loaded = mops_channels_load (fixture->library, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->name, ==, "Instagram feed");
  g_assert_cmpint (loaded->medium, ==, MOPS_MEDIUM_SOCIAL);
  g_assert_cmpint (loaded->min_width, ==, 1080);
  g_assert_cmpstr (loaded->aspect_ratios, ==, "1:1;4:5");
  g_assert_cmpint (loaded->max_bytes, ==, 8000000);
  g_assert_cmpstr (loaded->allowed_types, ==, "image");

  g_assert_cmpint (mops_channels_find (fixture->library, "INSTAGRAM FEED", &error), ==, id);
  first_social = mops_test_query_int (fixture->db, "SELECT min(id) FROM channels WHERE medium = 'social'");
  g_assert_cmpint (mops_channels_find (fixture->library, "Social", &error), ==, first_social);
  g_assert_cmpint (mops_channels_find (fixture->library, "Carrier pigeon", &error), ==, 0);
  g_assert_no_error (error);

  g_assert_null (mops_channels_load (fixture->library, id + 100, &error));
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND);
}

static void
test_channels_and_campaigns_are_changed_in_place (MopsTestLibrary *fixture,
                                                  gconstpointer    user_data)
{
  g_autoptr(GError) error = NULL;
  MopsChannelInfo feed = { .name = "Feed", .medium = MOPS_MEDIUM_SOCIAL };
  MopsChannelInfo blog = { .name = "Blog", .medium = MOPS_MEDIUM_WEB };
  MopsCampaignInfo autumn = { .name = "Autumn" };
  MopsCampaignInfo winter = { .name = "Winter" };
  gint64 feed_id = mops_channels_add (fixture->library, &feed, &error);
  gint64 blog_id = mops_channels_add (fixture->library, &blog, &error);
  gint64 autumn_id = mops_campaigns_add (fixture->library, &autumn, &error);
  gint64 winter_id = mops_campaigns_add (fixture->library, &winter, &error);
  g_autoptr(MopsChannel) changed = NULL;
  g_autofree char *campaign = NULL;

  g_assert_no_error (error);
  feed.name = "Instagram feed";
  feed.min_width = 1080;
  feed.aspect_ratios = "1:1";
  feed.archived = TRUE;
  g_assert_true (mops_channels_update (fixture->library, feed_id, &feed, &error));
  g_assert_no_error (error);
  changed = mops_channels_load (fixture->library, feed_id, &error);
  g_assert_cmpstr (changed->name, ==, "Instagram feed");
  g_assert_cmpint (changed->min_width, ==, 1080);
  g_assert_cmpstr (changed->aspect_ratios, ==, "1:1");
  g_assert_true (changed->archived);

  /* a taken name, a bad rule, an unknown id: nothing changes */
  blog.name = "Instagram feed";
  g_assert_false (mops_channels_update (fixture->library, blog_id, &blog, &error));
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_EXISTS);
  g_clear_error (&error);
  feed.aspect_ratios = "square";
  g_assert_false (mops_channels_update (fixture->library, feed_id, &feed, &error));
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_INVALID);
  g_clear_error (&error);
  feed.aspect_ratios = NULL;
  g_assert_false (mops_channels_update (fixture->library, blog_id + 10, &feed, &error));
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND);
  g_clear_error (&error);

  autumn.starts_on = "2026-09-01";
  autumn.ends_on = "2026-11-30";
  autumn.color = "#aa3300";
  g_assert_true (mops_campaigns_update (fixture->library, autumn_id, &autumn, &error));
  g_assert_no_error (error);
  campaign = query_text (fixture, "SELECT name || ' ' || starts_on || ' ' || ends_on || ' ' || color"
                                  " FROM campaigns WHERE id = ?1", autumn_id);
  g_assert_cmpstr (campaign, ==, "Autumn 2026-09-01 2026-11-30 #aa3300");
  autumn.name = "Winter";
  g_assert_false (mops_campaigns_update (fixture->library, autumn_id, &autumn, &error));
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_EXISTS);
  g_clear_error (&error);
  autumn.name = "Autumn";
  autumn.ends_on = "2026-08-01";
  g_assert_false (mops_campaigns_update (fixture->library, autumn_id, &autumn, &error));
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (mops_campaigns_update (fixture->library, winter_id + 10, &winter, &error));
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND);
}

static void
test_lists_show_a_range_and_unscheduled_items_only_when_open (MopsTestLibrary *fixture,
                                                              gconstpointer    user_data)
{
  g_autoptr(GError) error = NULL;
  MopsContentItemInfo a = { .title = "Late post", .publish_at = "2026-11-30T18:00" };
  MopsContentItemInfo b = { .title = "Early post", .publish_at = "2026-11-02" };
  MopsContentItemInfo c = { .title = "December post", .publish_at = "2026-12-01T09:00" };
  MopsContentItemInfo idea = { .title = "Someday" };
  g_autoptr(GPtrArray) november = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) unscheduled = NULL;

  add_item (fixture, &a);
  add_item (fixture, &b);
  add_item (fixture, &c);
  add_item (fixture, &idea);

  november = list_items (fixture, "2026-11-01", "2026-11-30");
  assert_titles (november, "Early post@2026-11-02; Late post@2026-11-30T18:00");
  all = list_items (fixture, NULL, NULL);
  assert_titles (all, "Early post@2026-11-02; Late post@2026-11-30T18:00; "
                      "December post@2026-12-01T09:00; Someday@-");
  unscheduled = mops_content_items_list_unscheduled (fixture->library, &error);
  g_assert_no_error (error);
  assert_titles (unscheduled, "Someday@-");

  g_assert_null (mops_content_items_list (fixture->library, "2026-12-01", "2026-11-01", &error));
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (mops_content_items_list (fixture->library, "1 Nov", NULL, &error));
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_INVALID);
}

static void
test_updates_replace_the_fields_and_bump_the_sequence (MopsTestLibrary *fixture,
                                                       gconstpointer    user_data)
{
  g_autoptr(GError) error = NULL;
  MopsContentItemInfo info = { .uid = "post@test", .title = "Post", .status = MOPS_CONTENT_STATUS_DRAFT };
  gint64 owner = add_person (fixture, "Ana Souza");
  gint64 id = add_item (fixture, &info);
  g_autoptr(MopsContentItem) item = NULL;
  g_autoptr(MopsContentItem) unchanged = NULL;

  info.uid = NULL;
  info.title = "  Post, revised ";
  info.brief = "Why we moved";
  info.owner_id = owner;
  info.due_at = "2026-11-20";
  info.publish_at = "2026-11-24T10:00";
  g_assert_true (mops_content_items_update (fixture->library, id, &info, &error));
  g_assert_no_error (error);
  item = mops_content_items_load (fixture->library, id, &error);
  g_assert_cmpstr (item->uid, ==, "post@test");
  g_assert_cmpstr (item->title, ==, "Post, revised");
  g_assert_cmpstr (item->brief, ==, "Why we moved");
  g_assert_cmpint (item->owner_id, ==, owner);
  g_assert_cmpstr (item->publish_at, ==, "2026-11-24T10:00");
  g_assert_cmpint (item->sequence, ==, 1);

  /* a jump in the workflow, or an unknown person, changes nothing */
  info.status = MOPS_CONTENT_STATUS_PUBLISHED;
  g_assert_false (mops_content_items_update (fixture->library, id, &info, &error));
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_INVALID);
  g_clear_error (&error);
  info.status = MOPS_CONTENT_STATUS_DRAFT;
  info.reviewer_id = owner + 50;
  info.title = "Renamed";
  g_assert_false (mops_content_items_update (fixture->library, id, &info, &error));
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (mops_content_items_update (fixture->library, id + 1, &info, &error));
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND);
  g_clear_error (&error);

  unchanged = mops_content_items_load (fixture->library, id, &error);
  g_assert_cmpstr (unchanged->title, ==, "Post, revised");
  g_assert_cmpint (unchanged->sequence, ==, 1);

  g_assert_true (mops_content_items_reschedule (fixture->library, id, "2026-12-01", &error));
  g_assert_no_error (error);
  g_clear_pointer (&unchanged, mops_content_item_free);
  unchanged = mops_content_items_load (fixture->library, id, &error);
  g_assert_cmpstr (unchanged->publish_at, ==, "2026-12-01");
  g_assert_cmpint (unchanged->sequence, ==, 2);
}

static void
test_workflow_allows_only_its_transitions (void)
{
  /* forward one step at a time, back only where the workflow goes back */
  static const char *const allowed[] = {
    "idea>draft", "draft>idea", "draft>in_review", "in_review>approved", "in_review>draft",
    "approved>scheduled", "approved>draft", "scheduled>approved", "scheduled>published",
  };

  for (int from = MOPS_CONTENT_STATUS_IDEA; from <= MOPS_CONTENT_STATUS_PUBLISHED; from++)
    for (int to = MOPS_CONTENT_STATUS_IDEA; to <= MOPS_CONTENT_STATUS_PUBLISHED; to++)
      {
        g_autofree char *pair = g_strdup_printf ("%s>%s", mops_content_status_to_name (from),
                                                 mops_content_status_to_name (to));
        gboolean expected = from == to || g_strv_contains ((const char * const *) allowed, pair);

        if (from != to)
          {
            gboolean listed = FALSE;

            for (guint i = 0; i < G_N_ELEMENTS (allowed); i++)
              listed = listed || g_str_equal (allowed[i], pair);
            expected = listed;
          }
        g_assert_cmpint (mops_content_status_can_change (from, to), ==, expected);
      }
}

static void
test_review_moves_the_status_and_records_the_decisions (MopsTestLibrary *fixture,
                                                        gconstpointer    user_data)
{
  g_autoptr(GError) error = NULL;
  MopsContentItemInfo info = { .title = "Launch post" };
  gint64 writer = add_person (fixture, "Ana Souza");
  gint64 reviewer = add_person (fixture, "Jonas Berg");
  gint64 id = add_item (fixture, &info);
  g_autoptr(GPtrArray) comments = NULL;
  g_autoptr(MopsContentItem) item = NULL;
  const MopsContentComment *comment;

  g_setenv ("MOPS_NOW", "2026-11-23T09:00:00+01:00", TRUE);

  /* an idea goes nowhere near review or publication */
  g_assert_false (mops_content_items_request_review (fixture->library, id, reviewer, &error));
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (mops_content_items_set_status (fixture->library, id, MOPS_CONTENT_STATUS_PUBLISHED, &error));
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Launch post"));
  g_clear_error (&error);

  g_assert_true (mops_content_items_set_status (fixture->library, id, MOPS_CONTENT_STATUS_DRAFT, &error));
  g_assert_true (mops_content_items_request_review (fixture->library, id, reviewer, &error));
  g_assert_no_error (error);

  /* changes need words */
  g_assert_false (mops_content_items_request_changes (fixture->library, id, reviewer, "  ", &error));
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (mops_content_items_request_changes (fixture->library, id, reviewer,
                                                     "Shorten the intro.", &error));
  g_assert_no_error (error);
  item = mops_content_items_load (fixture->library, id, &error);
  g_assert_cmpint (item->status, ==, MOPS_CONTENT_STATUS_DRAFT);
  g_assert_cmpint (item->reviewer_id, ==, reviewer);

  g_assert_true (mops_content_items_request_review (fixture->library, id, 0, &error));
  g_assert_true (mops_content_items_approve (fixture->library, id, reviewer, NULL, &error));
  g_assert_no_error (error);

  /* scheduling needs a date; publishing records when */
  g_assert_false (mops_content_items_set_status (fixture->library, id, MOPS_CONTENT_STATUS_SCHEDULED, &error));
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (mops_content_items_reschedule (fixture->library, id, "2026-11-24T10:00", &error));
  g_assert_true (mops_content_items_set_status (fixture->library, id, MOPS_CONTENT_STATUS_SCHEDULED, &error));
  g_assert_true (mops_content_items_set_status (fixture->library, id, MOPS_CONTENT_STATUS_PUBLISHED, &error));
  g_assert_no_error (error);
  g_clear_pointer (&item, mops_content_item_free);
  item = mops_content_items_load (fixture->library, id, &error);
  g_assert_cmpint (item->status, ==, MOPS_CONTENT_STATUS_PUBLISHED);
  g_assert_cmpint (item->published_at, ==, 1795420800);
  g_assert_false (mops_content_items_set_status (fixture->library, id, MOPS_CONTENT_STATUS_SCHEDULED, &error));
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_INVALID);
  g_clear_error (&error);

  comments = mops_content_items_list_comments (fixture->library, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (comments->len, ==, 2);
  comment = g_ptr_array_index (comments, 0);
  g_assert_cmpint (comment->kind, ==, MOPS_COMMENT_KIND_CHANGES_REQUESTED);
  g_assert_cmpstr (comment->body, ==, "Shorten the intro.");
  g_assert_cmpint (comment->author_id, ==, reviewer);
  comment = g_ptr_array_index (comments, 1);
  g_assert_cmpint (comment->kind, ==, MOPS_COMMENT_KIND_APPROVED);
  g_assert_cmpstr (comment->body, ==, "");
  (void) writer;

  g_unsetenv ("MOPS_NOW");
}

static void
test_tasks_are_checked_off_reassigned_and_listed_across_items (MopsTestLibrary *fixture,
                                                               gconstpointer    user_data)
{
  g_autoptr(GError) error = NULL;
  MopsContentItemInfo post = { .title = "Post" };
  MopsContentItemInfo video = { .title = "Video" };
  gint64 ana = add_person (fixture, "Ana Souza");
  gint64 jonas = add_person (fixture, "Jonas Berg");
  gint64 post_id = add_item (fixture, &post);
  gint64 video_id = add_item (fixture, &video);
  MopsContentTaskInfo write = { .title = "Write", .assignee_id = jonas, .due_on = "2026-11-20" };
  MopsContentTaskInfo cut = { .title = "Cut", .assignee_id = ana, .due_on = "2026-11-25" };
  MopsContentTaskInfo shoot = { .title = "Shoot", .assignee_id = ana, .due_on = "2026-11-21" };
  MopsContentTaskInfo thumb = { .title = "Thumbnail" };
  gint64 write_id = mops_content_items_add_task (fixture->library, post_id, &write, &error);
  gint64 cut_id = mops_content_items_add_task (fixture->library, video_id, &cut, &error);
  gint64 shoot_id = mops_content_items_add_task (fixture->library, video_id, &shoot, &error);
  gint64 thumb_id = mops_content_items_add_task (fixture->library, video_id, &thumb, &error);
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GPtrArray) checklist = NULL;
  const MopsContentTask *task;

  g_assert_no_error (error);
  g_assert_true (mops_content_tasks_set_done (fixture->library, cut_id, TRUE, &error));
  g_assert_true (mops_content_tasks_set_assignee (fixture->library, thumb_id, jonas, &error));
  g_assert_no_error (error);
  g_assert_false (mops_content_tasks_set_assignee (fixture->library, thumb_id, jonas + 10, &error));
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (mops_content_tasks_set_done (fixture->library, thumb_id + 10, TRUE, &error));
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* by assignee (ids: Ana first), then due date, no date last */
  open = mops_content_tasks_list_open (fixture->library, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (open->len, ==, 3);
  task = g_ptr_array_index (open, 0);
  g_assert_cmpint (task->id, ==, shoot_id);
  g_assert_cmpstr (task->item_title, ==, "Video");
  task = g_ptr_array_index (open, 1);
  g_assert_cmpint (task->id, ==, write_id);
  task = g_ptr_array_index (open, 2);
  g_assert_cmpint (task->id, ==, thumb_id);

  g_assert_true (mops_content_tasks_delete (fixture->library, shoot_id, &error));
  g_assert_false (mops_content_tasks_delete (fixture->library, shoot_id, &error));
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  checklist = mops_content_items_list_tasks (fixture->library, video_id, &error);
  g_assert_cmpuint (checklist->len, ==, 2);
  g_assert_true (((MopsContentTask *) g_ptr_array_index (checklist, 0))->done);
}

static void
test_deleted_items_come_back_whole (MopsTestLibrary *fixture,
                                    gconstpointer    user_data)
{
  g_autoptr(GError) error = NULL;
  MopsContentItemInfo info = {
    .uid = "weekly@test", .title = "Weekly", .status = MOPS_CONTENT_STATUS_DRAFT,
    .publish_at = "2026-11-03T07:30", .rrule = "FREQ=WEEKLY;BYDAY=TU",
  };
  gint64 author = add_person (fixture, "Ana Souza");
  gint64 id = add_item (fixture, &info);
  gint64 asset = mops_test_insert_asset (fixture->db, "header.png");
  MopsCommentInfo comment = { .author_id = author, .body = "Looks good", .created_at = 1795000000 };
  MopsContentTaskInfo task = { .title = "Proofread", .assignee_id = author };
  MopsContentOverrideInfo skip = { .recurrence_id = "2026-11-10T07:30", .cancelled = TRUE };
  const char *dump_sql =
    "SELECT 'i', id, uid, title, status, publish_at, rrule, sequence FROM content_items"
    " UNION ALL SELECT 'a', content_item_id, asset_id, position, 0, 0, 0, 0 FROM content_assets"
    " UNION ALL SELECT 'c', id, content_item_id, author_id, kind, body, created_at, 0 FROM content_comments"
    " UNION ALL SELECT 't', id, content_item_id, title, assignee_id, done, position, 0 FROM content_tasks"
    " UNION ALL SELECT 'o', content_item_id, recurrence_id, cancelled, 0, 0, 0, 0 FROM content_overrides";
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(MopsContentItemTrash) trash = NULL;

  g_assert_true (mops_content_items_add_asset (fixture->library, id, asset, 0, &error));
  g_assert_cmpint (mops_content_items_add_comment (fixture->library, id, &comment, &error), >, 0);
  g_assert_cmpint (mops_content_items_add_task (fixture->library, id, &task, &error), >, 0);
  g_assert_true (mops_content_items_add_override (fixture->library, id, &skip, &error));
  g_assert_no_error (error);
  before = mops_test_dump (fixture->db, dump_sql);

  trash = mops_content_items_delete (fixture->library, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mops_content_item_trash_get_id (trash), ==, id);
  g_assert_cmpint (count_rows (fixture, "content_items"), ==, 0);
  g_assert_cmpint (count_rows (fixture, "content_tasks"), ==, 0);
  g_assert_null (mops_content_items_delete (fixture->library, id, &error));
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (mops_content_items_restore (fixture->library, trash, &error));
  g_assert_no_error (error);
  after = mops_test_dump (fixture->db, dump_sql);
  g_assert_cmpstr (after, ==, before);

  /* a second restore finds its UID taken: nothing changes */
  g_assert_false (mops_content_items_restore (fixture->library, trash, &error));
  g_assert_nonnull (error);
  g_clear_pointer (&after, g_free);
  after = mops_test_dump (fixture->db, dump_sql);
  g_assert_cmpstr (after, ==, before);
}

/* ---- Recurrence -------------------------------------------------------------------------- */

static void
test_rules_outside_the_subset_are_refused (MopsTestLibrary *fixture,
                                           gconstpointer    user_data)
{
  static const char *const refused[] = {
    "FREQ=YEARLY", "FREQ=HOURLY", "FREQ=WEEKLY;BYHOUR=9", "FREQ=MONTHLY;BYSETPOS=-1;BYDAY=MO",
    "FREQ=DAILY;COUNT=3;UNTIL=20261201", "BYDAY=MO", "nonsense", "",
  };
  static const char *const accepted[] = {
    "FREQ=DAILY;INTERVAL=2;UNTIL=20261201", "FREQ=WEEKLY;BYDAY=TU,TH", "FREQ=MONTHLY;BYMONTHDAY=1;COUNT=12",
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;
      MopsContentItemInfo info = { .title = "Rule", .publish_at = "2026-11-02", .rrule = refused[i] };

      g_test_message ("%s", refused[i]);
      g_assert_cmpint (mops_content_items_add (fixture->library, &info, &error), ==, 0);
      g_assert_error (error, MOPS_ERROR, MOPS_ERROR_INVALID);
    }
  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    {
      MopsContentItemInfo info = { .title = "Rule", .publish_at = "2026-11-02", .rrule = accepted[i] };

      add_item (fixture, &info);
    }
}

static void
test_recurring_items_expand_with_their_overrides (MopsTestLibrary *fixture,
                                                  gconstpointer    user_data)
{
  g_autoptr(GError) error = NULL;
  MopsContentItemInfo weekly = {
    .title = "Letter", .status = MOPS_CONTENT_STATUS_SCHEDULED,
    .publish_at = "2026-11-03T07:30", .rrule = "FREQ=WEEKLY;BYDAY=TU",
  };
  MopsContentOverrideInfo moved = {
    .recurrence_id = "2026-11-17T07:30", .title = "Letter — launch", .publish_at = "2026-11-18T08:00",
  };
  MopsContentOverrideInfo cancelled = { .recurrence_id = "2026-11-24T07:30", .cancelled = TRUE };
  MopsContentOverrideInfo into_range = { .recurrence_id = "2026-12-08T07:30", .publish_at = "2026-11-30T07:30" };
  gint64 id = add_item (fixture, &weekly);
  g_autoptr(GPtrArray) november = NULL;
  g_autoptr(GPtrArray) week = NULL;
  const MopsContentItem *occurrence;

  g_assert_true (mops_content_items_add_override (fixture->library, id, &moved, &error));
  g_assert_true (mops_content_items_add_override (fixture->library, id, &cancelled, &error));
  g_assert_true (mops_content_items_add_override (fixture->library, id, &into_range, &error));
  g_assert_no_error (error);

  november = list_items (fixture, "2026-11-01", "2026-11-30");
  assert_titles (november, "Letter@2026-11-03T07:30; Letter@2026-11-10T07:30; "
                           "Letter — launch@2026-11-18T08:00; Letter@2026-11-30T07:30");
  occurrence = g_ptr_array_index (november, 2);
  g_assert_cmpstr (occurrence->recurrence_id, ==, "2026-11-17T07:30");
  g_assert_true (occurrence->overridden);
  g_assert_cmpint (occurrence->id, ==, id);
  occurrence = g_ptr_array_index (november, 0);
  g_assert_false (occurrence->overridden);

  /* the moved occurrence leaves the week of its rule */
  week = list_items (fixture, "2026-11-16", "2026-11-17");
  assert_titles (week, "");
}

static void
test_this_one_moves_cancels_and_comes_back (MopsTestLibrary *fixture,
                                            gconstpointer    user_data)
{
  g_autoptr(GError) error = NULL;
  MopsContentItemInfo weekly = {
    .title = "Letter", .publish_at = "2026-11-03T07:30", .rrule = "FREQ=WEEKLY;COUNT=3",
  };
  MopsContentItemInfo once = { .title = "Once", .publish_at = "2026-11-03" };
  MopsContentOverrideInfo moved = { .recurrence_id = "2026-11-10T07:30", .publish_at = "2026-11-11T07:30" };
  MopsContentOverrideInfo moved_again = {
    .recurrence_id = "2026-11-10T07:30", .publish_at = "2026-11-12T09:00", .title = "Letter, late",
  };
  MopsContentOverrideInfo cancelled = { .recurrence_id = "2026-11-17T07:30", .cancelled = TRUE };
  gint64 id = add_item (fixture, &weekly);
  gint64 single = add_item (fixture, &once);
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;
  g_autoptr(GPtrArray) back = NULL;
  g_autoptr(MopsContentItem) item = NULL;

  g_assert_true (mops_content_items_set_override (fixture->library, id, &moved, &error));
  g_assert_true (mops_content_items_set_override (fixture->library, id, &cancelled, &error));
  g_assert_no_error (error);
  first = list_items (fixture, "2026-11-01", "2026-11-30");
  assert_titles (first, "Once@2026-11-03; Letter@2026-11-03T07:30; Letter@2026-11-11T07:30");

  /* moved again: the one override is replaced */
  g_assert_true (mops_content_items_set_override (fixture->library, id, &moved_again, &error));
  second = list_items (fixture, "2026-11-01", "2026-11-30");
  assert_titles (second, "Once@2026-11-03; Letter@2026-11-03T07:30; Letter, late@2026-11-12T09:00");
  g_assert_cmpint (count_rows (fixture, "content_overrides"), ==, 2);
  item = mops_content_items_load (fixture->library, id, &error);
  g_assert_cmpint (item->sequence, ==, 3);

  /* undo both */
  g_assert_true (mops_content_items_remove_override (fixture->library, id, "2026-11-10T07:30", &error));
  g_assert_true (mops_content_items_remove_override (fixture->library, id, "2026-11-17T07:30", &error));
  g_assert_no_error (error);
  back = list_items (fixture, "2026-11-01", "2026-11-30");
  assert_titles (back, "Once@2026-11-03; Letter@2026-11-03T07:30; Letter@2026-11-10T07:30; "
                       "Letter@2026-11-17T07:30");

  g_assert_false (mops_content_items_remove_override (fixture->library, id, "2026-11-17T07:30", &error));
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (mops_content_items_set_override (fixture->library, single, &cancelled, &error));
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_INVALID);
}

static void
test_daily_and_monthly_rules_stop_at_until_and_count (MopsTestLibrary *fixture,
                                                      gconstpointer    user_data)
{
  MopsContentItemInfo daily = {
    .title = "Daily", .publish_at = "2026-11-01", .rrule = "FREQ=DAILY;INTERVAL=3;UNTIL=20261110",
  };
  MopsContentItemInfo monthly = {
    .title = "Report", .publish_at = "2026-10-01T09:00", .rrule = "FREQ=MONTHLY;COUNT=3",
  };
  g_autoptr(GPtrArray) autumn = NULL;
  g_autoptr(GPtrArray) open = NULL;

  add_item (fixture, &daily);
  add_item (fixture, &monthly);

  autumn = list_items (fixture, "2026-09-01", "2027-03-01");
  assert_titles (autumn, "Report@2026-10-01T09:00; Daily@2026-11-01; Report@2026-11-01T09:00; "
                         "Daily@2026-11-04; Daily@2026-11-07; Daily@2026-11-10; "
                         "Report@2026-12-01T09:00");
  open = list_items (fixture, "2026-11-05", NULL);
  assert_titles (open, "Daily@2026-11-07; Daily@2026-11-10; Report@2026-12-01T09:00");
}

/* ---- iCalendar --------------------------------------------------------------------------- */

/* What two libraries must agree on after a round trip: items by UID with names instead of ids,
 * and their overrides. */
static const char ics_dump_sql[] =
  "SELECT i.uid, i.title, ifnull (i.brief, '∅'), i.status, ifnull (c.name, '∅'), ifnull (k.name, '∅'),"
  " ifnull (o.name, '∅'), ifnull (r.name, '∅'), ifnull (i.due_at, '∅'), ifnull (i.publish_at, '∅'),"
  " ifnull (i.published_at, '∅'), ifnull (i.url, '∅'), ifnull (i.rrule, '∅'), i.sequence,"
  " (SELECT ifnull (group_concat (recurrence_id || '/' || cancelled || '/' || ifnull (title, '∅') || '/'"
  "   || ifnull (status, '∅') || '/' || ifnull (publish_at, '∅'), ' '), '∅')"
  "  FROM (SELECT * FROM content_overrides WHERE content_item_id = i.id ORDER BY recurrence_id))"
  " FROM content_items i LEFT JOIN channels c ON c.id = i.channel_id"
  " LEFT JOIN campaigns k ON k.id = i.campaign_id LEFT JOIN people o ON o.id = i.owner_id"
  " LEFT JOIN people r ON r.id = i.reviewer_id ORDER BY i.uid";

/* A channel and two people both libraries have. */
static gint64
add_shared_names (MopsTestLibrary *fixture,
                  gint64          *out_owner)
{
  g_autoptr(GError) error = NULL;
  MopsChannelInfo channel = { .name = "Newsletter, weekly", .medium = MOPS_MEDIUM_EMAIL };
  gint64 id = mops_channels_add (fixture->library, &channel, &error);

  g_assert_no_error (error);
  *out_owner = add_person (fixture, "Zofia Wróbel");
  add_person (fixture, "Jonas Berg");
  return id;
}

static void
fill_calendar (MopsTestLibrary *fixture)
{
  g_autoptr(GError) error = NULL;
  gint64 owner;
  gint64 channel = add_shared_names (fixture, &owner);
  MopsCampaignInfo campaign = { .name = "Autumn; launch" };
  gint64 campaign_id = mops_campaigns_add (fixture->library, &campaign, &error);
  MopsContentItemInfo weekly = {
    .uid = "letter@test", .title = "The Trail Letter", .status = MOPS_CONTENT_STATUS_SCHEDULED,
    .channel_id = channel, .campaign_id = campaign_id, .owner_id = owner,
    .reviewer_id = mops_people_lookup (fixture->library, "Jonas Berg"),
    .publish_at = "2026-11-03T07:30", .rrule = "FREQ=WEEKLY;COUNT=8;BYDAY=TU",
    .brief = "Line one, with commas; and semicolons\nLine two \\ with a backslash",
    .due_at = "2026-11-02",
  };
  MopsContentOverrideInfo moved = {
    .recurrence_id = "2026-11-17T07:30", .title = "The Trail Letter — launch edition",
    .has_status = TRUE, .status = MOPS_CONTENT_STATUS_APPROVED, .publish_at = "2026-11-18T08:00",
  };
  MopsContentOverrideInfo cancelled = { .recurrence_id = "2026-12-01T07:30", .cancelled = TRUE };
  MopsContentItemInfo published = {
    .uid = "post@test", .status = MOPS_CONTENT_STATUS_PUBLISHED, .publish_at = "2026-10-20",
    .title = "Ein sehr langer Titel über Grüße, Straßen und Häfen, der weit über fünfundsiebzig Bytes hinausgeht — 会社ロゴ",
    .published_at = 1792400000, .url = "https://example.org/post?a=1&b=2", .sequence = 3,
  };
  MopsContentItemInfo idea = { .uid = "idea@test", .title = "Someday: a video", .owner_id = owner };
  gint64 letter;

  g_assert_no_error (error);
  letter = add_item (fixture, &weekly);
  add_item (fixture, &published);
  add_item (fixture, &idea);
  g_assert_true (mops_content_items_add_override (fixture->library, letter, &moved, &error));
  g_assert_true (mops_content_items_add_override (fixture->library, letter, &cancelled, &error));
  g_assert_no_error (error);
}

static void
test_ics_round_trips_rules_overrides_and_escapes (MopsTestLibrary *fixture,
                                                  gconstpointer    user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "calendar.ics", NULL);
  g_autofree char *again = g_build_filename (fixture->dir, "again.ics", NULL);
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *imported = NULL;
  g_autofree char *second = NULL;
  g_auto(GStrv) lines = NULL;
  MopsIcsReport report = { 0 };
  MopsTestLibrary target = { 0 };
  gint64 owner;

  fill_calendar (fixture);
  g_assert_true (mops_calendar_export_ics (fixture->library, path, NULL, 0, &error));
  g_assert_no_error (error);

  /* CRLF, folded at 75 octets, the text escaped, the rule and its exceptions there */
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "BEGIN:VCALENDAR\r\n"));
  lines = g_strsplit (text, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_assert_cmpuint (strlen (lines[i]), <=, 75);
      g_assert_null (strchr (lines[i], '\n'));
    }
  g_assert_nonnull (strstr (text, "RRULE:FREQ=WEEKLY;COUNT=8;BYDAY=TU\r\n"));
  g_assert_nonnull (strstr (text, "EXDATE:20261201T073000\r\n"));
  g_assert_nonnull (strstr (text, "RECURRENCE-ID:20261117T073000\r\n"));
  g_assert_nonnull (strstr (text, "DTSTART;VALUE=DATE:20261020\r\n"));
  g_assert_nonnull (strstr (text, "commas\\; and semicolons\\nLine two \\\\ with"));
  g_assert_nonnull (strstr (text, "BEGIN:VTODO\r\n"));

  /* the same rows give the same bytes */
  g_assert_true (mops_calendar_export_ics (fixture->library, again, NULL, 0, &error));
  g_assert_true (mops_test_files_equal (path, again));

  /* into another library that knows the channel and the people */
  target.library = mops_test_create_library (&target.dir);
  target.db = mops_library_get_db (target.library);
  add_shared_names (&target, &owner);
  g_assert_true (mops_calendar_import_ics (target.library, path, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.added, ==, 3);
  g_assert_cmpuint (report.updated, ==, 0);

  expected = mops_test_dump (fixture->db, ics_dump_sql);
  imported = mops_test_dump (target.db, ics_dump_sql);
  g_assert_cmpstr (imported, ==, expected);

  /* a second import of the same file changes nothing */
  g_assert_true (mops_calendar_import_ics (target.library, path, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.added, ==, 0);
  g_assert_cmpuint (report.updated, ==, 0);
  g_assert_cmpuint (report.unchanged, ==, 3);
  second = mops_test_dump (target.db, ics_dump_sql);
  g_assert_cmpstr (second, ==, expected);

  mops_test_close_library (&target.library, &target.dir);
}

static void
test_ics_import_of_a_bad_file_names_it_and_changes_nothing (MopsTestLibrary *fixture,
                                                           gconstpointer    user_data)
{
  static const struct
  {
    const char *text;
    const char *words;   /* in the message */
  } cases[] = {
    { "Hello, this is not a calendar\n", "not an iCalendar file" },
    { "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a@x\r\nDTSTART:20261101\r\nSUMMARY:Caf\xe9\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
      "line 6" },
    { "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:good@x\r\nDTSTART:20261101\r\nSUMMARY:Fine\r\nEND:VEVENT\r\n"
      "BEGIN:VEVENT\r\nDTSTART:20261102\r\nSUMMARY:No UID\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
      "line 8" },
    { "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:yearly@x\r\nDTSTART:20261101\r\nRRULE:FREQ=YEARLY\r\n"
      "SUMMARY:Yearly\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
      "line 3 (VEVENT “yearly@x”)" },
    { "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:s@x\r\nDTSTART:20261101\r\nX-MOPS-STATUS:done\r\n"
      "SUMMARY:S\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
      "“done”" },
    { "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:t@x\r\nDTSTART:not-a-date\r\nSUMMARY:T\r\n"
      "END:VEVENT\r\nEND:VCALENDAR\r\n",
      "line 3" },
    { "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:o@x\r\nRECURRENCE-ID:20261101\r\nDTSTART:20261102\r\n"
      "SUMMARY:O\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
      "neither in the file nor in the library" },
    { "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:d@x\r\nDTSTART:20261101\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:d@x\r\n"
      "DTSTART:20261102\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
      "line 6" },
    { "", "not an iCalendar file" },
    { "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:20261101\r\n" "\x01\x02\x03:::;;;\r\n"
      "END:VEVENT\r\nEND:VCALENDAR\r\n", "line 2" },
  };
  g_autofree char *before = NULL;

  fill_calendar (fixture);
  before = mops_test_dump (fixture->db, ics_dump_sql);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = mops_test_write_file (fixture->dir, "bad.ics", cases[i].text, -1);
      g_autofree char *after = NULL;
      MopsIcsReport report = { 0 };

      g_test_message ("case %u", i);
      g_assert_false (mops_calendar_import_ics (fixture->library, path, &report, &error));
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, "bad.ics"));
      g_assert_nonnull (strstr (error->message, cases[i].words));
      after = mops_test_dump (fixture->db, ics_dump_sql);
      g_assert_cmpstr (after, ==, before);
    }

  {
    g_autoptr(GError) error = NULL;
    g_autofree char *missing = g_build_filename (fixture->dir, "missing.ics", NULL);
    g_autofree char *unwritable = g_build_filename (fixture->dir, "no-such-folder", "out.ics", NULL);

    g_assert_false (mops_calendar_import_ics (fixture->library, missing, NULL, &error));
    g_assert_error (error, MOPS_ERROR, MOPS_ERROR_IO);
    g_assert_nonnull (strstr (error->message, "missing.ics"));
    g_clear_error (&error);
    g_assert_false (mops_calendar_export_ics (fixture->library, unwritable, NULL, 0, &error));
    g_assert_error (error, MOPS_ERROR, MOPS_ERROR_IO);
    g_assert_nonnull (strstr (error->message, "out.ics"));
  }
}

static void
test_ics_import_updates_by_uid_and_exports_a_choice (MopsTestLibrary *fixture,
                                                     gconstpointer    user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "one.ics", NULL);
  g_autofree char *text = NULL;
  MopsIcsReport report = { 0 };
  gint64 id;
  g_autoptr(MopsContentItem) item = NULL;
  g_autoptr(MopsContentItemTrash) trash = NULL;

  fill_calendar (fixture);

  /* an override that repeats the item's own status changes nothing: the library is what the
   * file says, and a second import leaves it alone */
  {
    g_autofree char *all = g_build_filename (fixture->dir, "all.ics", NULL);
    MopsContentOverrideInfo same = {
      .recurrence_id = "2026-11-10T07:30", .has_status = TRUE, .status = MOPS_CONTENT_STATUS_SCHEDULED,
    };
    gint64 letter = mops_test_query_int (fixture->db, "SELECT id FROM content_items WHERE uid = 'letter@test'");

    g_assert_true (mops_content_items_add_override (fixture->library, letter, &same, &error));
    g_assert_true (mops_calendar_export_ics (fixture->library, all, NULL, 0, &error));
    g_assert_true (mops_calendar_import_ics (fixture->library, all, &report, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (report.unchanged, ==, 3);
    g_assert_cmpuint (report.updated, ==, 0);
    memset (&report, 0, sizeof report);
  }

  id = mops_test_query_int (fixture->db, "SELECT id FROM content_items WHERE uid = 'post@test'");
  g_assert_true (mops_calendar_export_ics (fixture->library, path, &id, 1, &error));
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "UID:post@test"));
  g_assert_null (strstr (text, "letter@test"));

  /* the item changed since: the file brings it back, by UID */
  g_assert_true (mops_content_items_reschedule (fixture->library, id, "2026-12-24", &error));
  g_assert_true (mops_calendar_import_ics (fixture->library, path, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.updated, ==, 1);
  item = mops_content_items_load (fixture->library, id, &error);
  g_assert_cmpstr (item->publish_at, ==, "2026-10-20");

  /* deleted since: added again */
  trash = mops_content_items_delete (fixture->library, id, &error);
  g_assert_true (mops_calendar_import_ics (fixture->library, path, &report, &error));
  g_assert_cmpuint (report.added, ==, 1);
  g_assert_cmpint (mops_test_query_int (fixture->db, "SELECT count(*) FROM content_items WHERE uid = 'post@test'"),
                   ==, 1);
}

static void
test_ics_import_of_every_cut_of_a_file_never_crashes (MopsTestLibrary *fixture,
                                                      gconstpointer    user_data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "full.ics", NULL);
  g_autofree char *text = NULL;
  gsize length = 0;

  fill_calendar (fixture);
  g_assert_true (mops_calendar_export_ics (fixture->library, path, NULL, 0, NULL));
  g_assert_true (g_file_get_contents (path, &text, &length, NULL));

  /* a file cut anywhere (a download broken off) is either read or refused with a reason */
  for (gsize cut = 0; cut < length; cut += 37)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *part = mops_test_write_file (fixture->dir, "cut.ics", text, (gssize) cut);
      MopsIcsReport report = { 0 };

      if (!mops_calendar_import_ics (fixture->library, part, &report, &error))
        {
          g_assert_nonnull (error);
          g_assert_nonnull (strstr (error->message, "cut.ics"));
        }
    }
  g_assert_cmpint (count_rows (fixture, "content_items"), ==, 3);
}

static void
test_ics_import_reads_utc_and_zoned_times_as_local_wall_time (MopsTestLibrary *fixture,
                                                              gconstpointer    user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = mops_test_write_file (fixture->dir, "zones.ics",
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Other//EN\r\n"
    "BEGIN:VEVENT\r\nUID:utc@x\r\nDTSTART:20261101T090000Z\r\nSUMMARY:UTC\r\nSTATUS:CONFIRMED\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:ny@x\r\nDTSTART;TZID=America/New_York:20261101T090000\r\nSUMMARY:New York\r\n"
    "STATUS:TENTATIVE\r\nEND:VEVENT\r\n"
    "BEGIN:VTODO\r\nUID:todo@x\r\nSUMMARY:Someday\r\nEND:VTODO\r\n"
    "END:VCALENDAR\r\n", -1);
  MopsIcsReport report = { 0 };
  g_autofree char *rows = NULL;

  g_assert_true (mops_calendar_import_ics (fixture->library, path, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.added, ==, 3);
  /* Oslo is UTC+1 in November, New York UTC-5: a foreign file's statuses become the workflow's */
  rows = mops_test_dump (fixture->db, "SELECT uid, ifnull (publish_at, '-'), status FROM content_items ORDER BY uid");
  g_assert_cmpstr (rows, ==, "ny@x|2026-11-01T15:00|draft\n"
                             "todo@x|-|idea\n"
                             "utc@x|2026-11-01T10:00|scheduled\n");
}

/* ---- Checks ------------------------------------------------------------------------------ */

/* An asset row of the given kind and size, without a file. */
static gint64
add_sized_asset (MopsTestLibrary *fixture,
                 const char      *name,
                 const char      *mime,
                 int              width,
                 int              height,
                 gint64           size)
{
  gint64 id = mops_test_insert_asset (fixture->db, name);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (fixture->db,
                                       "UPDATE assets SET mime = ?, width = nullif (?, 0),"
                                       " height = nullif (?, 0), size = ? WHERE id = ?",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, mime, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, width);
  sqlite3_bind_int (stmt, 3, height);
  sqlite3_bind_int64 (stmt, 4, size);
  sqlite3_bind_int64 (stmt, 5, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  return id;
}

static char *
problem_codes (GPtrArray *problems)
{
  g_autoptr(GString) codes = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      const MopsChannelProblem *problem = g_ptr_array_index (problems, i);

      g_string_append_printf (codes, "%s%lld:%s", i > 0 ? " " : "", (long long) problem->asset_id,
                              mops_channel_problem_code_to_name (problem->code));
    }
  return g_string_free (g_steal_pointer (&codes), FALSE);
}

static void
test_assets_that_do_not_fit_the_channel_are_flagged_with_what_is_wrong (MopsTestLibrary *fixture,
                                                                         gconstpointer    user_data)
{
  g_autoptr(GError) error = NULL;
  MopsChannelInfo feed = {
    .name = "Instagram feed", .medium = MOPS_MEDIUM_SOCIAL, .min_width = 1080, .min_height = 1080,
    .aspect_ratios = "1:1;4:5", .max_bytes = 8000000, .allowed_types = "image;video",
  };
  MopsContentItemInfo info = { .title = "Launch post", .publish_at = "2026-11-24" };
  gint64 square = add_sized_asset (fixture, "square.jpg", "image/jpeg", 1080, 1080, 500000);
  gint64 portrait = add_sized_asset (fixture, "portrait.jpg", "image/jpeg", 1080, 1352, 500000);
  gint64 small = add_sized_asset (fixture, "small.png", "image/png", 640, 640, 100000);
  gint64 wide = add_sized_asset (fixture, "wide.jpg", "image/jpeg", 1920, 1080, 9000000);
  gint64 pdf = add_sized_asset (fixture, "brief.pdf", "application/pdf", 0, 0, 20000);
  gint64 id;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *codes = NULL;
  g_autofree char *expected = NULL;
  const MopsChannelProblem *problem;

  info.channel_id = mops_channels_add (fixture->library, &feed, &error);
  id = add_item (fixture, &info);
  g_assert_true (mops_content_items_add_asset (fixture->library, id, square, 0, &error));
  g_assert_true (mops_content_items_add_asset (fixture->library, id, portrait, 1, &error));
  g_assert_true (mops_content_items_add_asset (fixture->library, id, small, 2, &error));
  g_assert_true (mops_content_items_add_asset (fixture->library, id, wide, 3, &error));
  g_assert_true (mops_content_items_add_asset (fixture->library, id, pdf, 4, &error));
  g_assert_no_error (error);

  problems = mops_calendar_check_channel_fit (fixture->library, id, &error);
  g_assert_no_error (error);
  codes = problem_codes (problems);
  expected = g_strdup_printf ("%lld:too_small %lld:wrong_aspect_ratio %lld:too_big %lld:wrong_type",
                              (long long) small, (long long) wide, (long long) wide, (long long) pdf);
  g_assert_cmpstr (codes, ==, expected);

  problem = g_ptr_array_index (problems, 0);
  g_assert_nonnull (strstr (problem->message, "small.png"));
  g_assert_nonnull (strstr (problem->message, "640×640"));
  g_assert_nonnull (strstr (problem->message, "1080×1080"));
  g_assert_nonnull (strstr (problem->message, "Instagram feed"));
  problem = g_ptr_array_index (problems, 1);
  g_assert_nonnull (strstr (problem->message, "1:1 or 4:5"));

  g_assert_null (mops_calendar_check_channel_fit (fixture->library, id + 1, &error));
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND);
}

static GDateTime *
instant_in (const char *iso,
            const char *zone_name)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (iso, NULL);
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (zone_name);

  g_assert_nonnull (utc);
  g_assert_nonnull (zone);
  return g_date_time_to_timezone (utc, zone);
}

static void
test_overdue_is_read_in_the_time_zone_of_now (void)
{
  MopsContentItem item = {
    .title = "Post", .status = MOPS_CONTENT_STATUS_DRAFT, .due_at = "2026-11-20T17:00",
    .publish_at = "2026-11-21",
  };
  g_autoptr(GDateTime) oslo = instant_in ("2026-11-20T16:30:00Z", "Europe/Oslo");       /* 17:30 */
  g_autoptr(GDateTime) new_york = instant_in ("2026-11-20T16:30:00Z", "America/New_York"); /* 11:30 */
  g_autoptr(GDateTime) late_oslo = instant_in ("2026-11-21T23:30:00Z", "Europe/Oslo");  /* 22nd */
  g_autoptr(GDateTime) late_utc = instant_in ("2026-11-21T23:30:00Z", "UTC");           /* 21st */

  g_assert_cmpint (mops_content_item_get_overdue (&item, oslo), ==, MOPS_OVERDUE_DUE);
  g_assert_cmpint (mops_content_item_get_overdue (&item, new_york), ==, MOPS_OVERDUE_NONE);
  /* a whole day passes when it ends */
  g_assert_cmpint (mops_content_item_get_overdue (&item, late_oslo), ==, MOPS_OVERDUE_PUBLISH);
  g_assert_cmpint (mops_content_item_get_overdue (&item, late_utc), ==, MOPS_OVERDUE_DUE);

  /* approval ends the due date's hold; publication the publish date's */
  item.status = MOPS_CONTENT_STATUS_APPROVED;
  g_assert_cmpint (mops_content_item_get_overdue (&item, late_utc), ==, MOPS_OVERDUE_NONE);
  g_assert_cmpint (mops_content_item_get_overdue (&item, late_oslo), ==, MOPS_OVERDUE_PUBLISH);
  item.status = MOPS_CONTENT_STATUS_PUBLISHED;
  g_assert_cmpint (mops_content_item_get_overdue (&item, late_oslo), ==, MOPS_OVERDUE_NONE);
}

static void
test_warnings_list_licence_and_channel_problems_of_planned_items (MopsTestLibrary *fixture,
                                                                  gconstpointer    user_data)
{
  g_autoptr(GError) error = NULL;
  MopsChannelInfo feed = { .name = "Feed", .medium = MOPS_MEDIUM_SOCIAL, .min_width = 1080 };
  MopsContentItemInfo planned = { .title = "Planned", .publish_at = "2026-12-01T09:00" };
  MopsContentItemInfo idea = { .title = "Idea" };
  gint64 small = add_sized_asset (fixture, "small.png", "image/png", 640, 640, 1000);
  gint64 planned_id, idea_id;
  g_autoptr(GPtrArray) warnings = NULL;
  const MopsCalendarWarning *warning;

  g_setenv ("MOPS_NOW", "2026-11-23T09:00:00+01:00", TRUE);
  planned.channel_id = mops_channels_add (fixture->library, &feed, &error);
  planned_id = add_item (fixture, &planned);
  idea_id = add_item (fixture, &idea);
  g_assert_true (mops_content_items_add_asset (fixture->library, planned_id, small, 0, &error));
  g_assert_true (mops_content_items_add_asset (fixture->library, idea_id, small, 0, &error));
  g_assert_no_error (error);

  warnings = mops_calendar_list_warnings (fixture->library, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (warnings->len, ==, 2);  /* the idea has no date: nothing to check */
  /* by date, item, asset, then code */
  warning = g_ptr_array_index (warnings, 0);
  g_assert_cmpint (warning->item_id, ==, planned_id);
  g_assert_cmpstr (warning->kind, ==, "licence");
  g_assert_cmpstr (warning->code, ==, "missing");
  g_assert_cmpint (warning->asset_id, ==, small);
  g_assert_cmpstr (warning->publish_at, ==, "2026-12-01T09:00");
  warning = g_ptr_array_index (warnings, 1);
  g_assert_cmpstr (warning->kind, ==, "channel");
  g_assert_cmpstr (warning->code, ==, "too_small");
  g_assert_nonnull (strstr (warning->message, "small.png"));
  g_unsetenv ("MOPS_NOW");
}

static void
test_rescheduling_shows_where_the_campaign_spend_moves (MopsTestLibrary *fixture,
                                                        gconstpointer    user_data)
{
  g_autoptr(GError) error = NULL;
  MopsFiscalYearInfo fy2026 = { .name = "FY 2026", .starts_on = "2026-01-01", .currency = "EUR" };
  MopsFiscalYearInfo fy2027 = { .name = "FY 2027", .starts_on = "2027-01-01", .currency = "EUR" };
  MopsCampaignInfo campaign = { .name = "Launch" };
  gint64 year_2026 = mops_fiscal_years_add (fixture->library, &fy2026, &error);
  gint64 year_2027 = mops_fiscal_years_add (fixture->library, &fy2027, &error);
  gint64 team = mops_teams_add (fixture->library, "Content", NULL, 0, &error);
  gint64 category = mops_categories_add (fixture->library, "Ads", NULL, &error);
  MopsBudgetLineInfo december = { year_2026, team, category, "2026-12", 50000, NULL };
  MopsBudgetLineInfo january = { year_2027, team, category, "2027-01", 60000, NULL };
  MopsBudgetLineInfo february = { year_2027, team, category, "2027-02", 40000, NULL };
  MopsContentItemInfo info = { .title = "Launch post", .publish_at = "2026-11-24" };
  MopsSpendRequestInfo request = {
    .team_id = team, .category_id = category, .amount = 30000, .currency = "EUR",
    .purpose = "Promoted posts", .needed_by = "2026-11-20",
  };
  MopsExpenseInfo expense = {
    .date = "2026-12-03", .amount = 40000, .currency = "EUR", .team_id = team, .category_id = category,
  };
  g_autoptr(MopsBudgetImpact) same_month = NULL;
  g_autoptr(MopsBudgetImpact) next_month = NULL;
  g_autoptr(MopsBudgetImpact) next_year = NULL;
  const MopsBudgetImpactTeam *row;
  gint64 id;

  info.campaign_id = mops_campaigns_add (fixture->library, &campaign, &error);
  request.campaign_id = info.campaign_id;
  g_assert_cmpint (mops_budget_lines_add (fixture->library, &december, &error), >, 0);
  g_assert_cmpint (mops_budget_lines_add (fixture->library, &january, &error), >, 0);
  g_assert_cmpint (mops_budget_lines_add (fixture->library, &february, &error), >, 0);
  g_assert_cmpint (mops_spend_requests_add (fixture->library, &request, &error), >, 0);
  g_assert_cmpint (mops_expenses_add (fixture->library, &expense, &error), >, 0);
  g_assert_no_error (error);
  id = add_item (fixture, &info);

  same_month = mops_calendar_budget_impact (fixture->library, id, "2026-11-27T10:00", &error);
  g_assert_no_error (error);
  g_assert_false (same_month->changes_month);
  g_assert_cmpint (same_month->amount, ==, 0);
  g_assert_cmpuint (same_month->teams->len, ==, 0);

  /* into December: its plan of 500.00 already holds 400.00 spent, so 300.00 more goes over */
  next_month = mops_calendar_budget_impact (fixture->library, id, "2026-12-10", &error);
  g_assert_no_error (error);
  g_assert_true (next_month->changes_month);
  g_assert_false (next_month->changes_year);
  g_assert_cmpstr (next_month->from_month, ==, "2026-11");
  g_assert_cmpstr (next_month->to_month, ==, "2026-12");
  g_assert_cmpstr (next_month->currency, ==, "EUR");
  g_assert_cmpint (next_month->amount, ==, 30000);
  g_assert_cmpuint (next_month->teams->len, ==, 1);
  row = g_ptr_array_index (next_month->teams, 0);
  g_assert_cmpstr (row->team, ==, "Content");
  g_assert_cmpint (row->planned, ==, 50000);
  g_assert_cmpint (row->spent, ==, 40000);
  g_assert_true (row->over_plan);

  /* into the next fiscal year: the whole year's plan counts */
  next_year = mops_calendar_budget_impact (fixture->library, id, "2027-01-15", &error);
  g_assert_no_error (error);
  g_assert_true (next_year->changes_year);
  g_assert_cmpstr (next_year->from_year, ==, "FY 2026");
  g_assert_cmpstr (next_year->to_year, ==, "FY 2027");
  row = g_ptr_array_index (next_year->teams, 0);
  g_assert_cmpint (row->planned, ==, 100000);
  g_assert_cmpint (row->spent, ==, 0);
  g_assert_false (row->over_plan);

  g_assert_null (mops_calendar_budget_impact (fixture->library, id, "next week", &error));
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (mops_calendar_budget_impact (fixture->library, id + 1, "2027-01-15", &error));
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND);
}

static void
test_a_move_is_checked_for_licences_channel_and_budget_before_it_is_made (MopsTestLibrary *fixture,
                                                                          gconstpointer    user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MopsLicence) licence = mops_licence_new ();
  MopsChannelInfo feed = { .name = "Feed", .medium = MOPS_MEDIUM_SOCIAL, .min_width = 1080 };
  MopsContentItemInfo info = { .title = "Launch post", .publish_at = "2026-11-24" };
  gint64 photo = add_sized_asset (fixture, "photo.jpg", "image/jpeg", 800, 800, 1000);
  g_autoptr(MopsMoveCheck) before_expiry = NULL;
  g_autoptr(MopsMoveCheck) after_expiry = NULL;
  g_autoptr(MopsContentItem) unmoved = NULL;
  const MopsLicenceProblem *problem;
  gint64 id;

  licence->kind = MOPS_LICENCE_KIND_ROYALTY_FREE;
  licence->expires_on = g_strdup ("2026-11-30");
  g_assert_cmpint (mops_licences_create (fixture->library, licence, &photo, 1, &error), >, 0);
  info.channel_id = mops_channels_add (fixture->library, &feed, &error);
  id = add_item (fixture, &info);
  g_assert_true (mops_content_items_add_asset (fixture->library, id, photo, 0, &error));
  g_assert_no_error (error);

  before_expiry = mops_calendar_check_move (fixture->library, id, "2026-11-28T10:00", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (before_expiry->licence_problems->len, ==, 0);
  g_assert_cmpuint (before_expiry->channel_problems->len, ==, 1);
  g_assert_false (before_expiry->budget->changes_month);

  after_expiry = mops_calendar_check_move (fixture->library, id, "2026-12-02", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after_expiry->licence_problems->len, ==, 1);
  problem = g_ptr_array_index (after_expiry->licence_problems, 0);
  g_assert_cmpint (problem->code, ==, MOPS_LICENCE_PROBLEM_EXPIRED);
  g_assert_nonnull (strstr (problem->message, "2026-11-30"));
  g_assert_true (after_expiry->budget->changes_month);
  g_assert_cmpint (after_expiry->budget->amount, ==, 0);  /* no campaign */

  /* a check writes nothing */
  unmoved = mops_content_items_load (fixture->library, id, &error);
  g_assert_cmpstr (unmoved->publish_at, ==, "2026-11-24");
  g_assert_null (mops_calendar_check_move (fixture->library, id, "soon", &error));
  g_assert_error (error, MOPS_ERROR, MOPS_ERROR_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Europe/Oslo", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/calendar/names/convert-both-ways", test_names_round_trip);

#define ADD(path, func) \
  g_test_add (path, MopsTestLibrary, NULL, mops_test_library_set_up, func, mops_test_library_tear_down)
  ADD ("/calendar/channels/keep-their-medium-and-size-rules", test_channels_keep_medium_and_size_rules);
  ADD ("/calendar/channels/refuse-taken-names-and-malformed-rules",
       test_channels_refuse_taken_names_and_bad_rules);
  ADD ("/calendar/campaigns/are-found-by-name-and-keep-their-dates",
       test_campaigns_are_found_by_name_and_keep_their_dates);
  ADD ("/calendar/content/items-keep-every-field", test_content_items_keep_every_field);
  ADD ("/calendar/content/items-get-a-uid-and-the-time-of-adding",
       test_content_items_get_a_uid_and_the_time_of_adding);
  ADD ("/calendar/content/items-refuse-what-does-not-fit", test_content_items_refuse_what_does_not_fit);
  ADD ("/calendar/content/items-hold-assets-comments-and-tasks",
       test_content_items_hold_assets_comments_and_tasks);
  ADD ("/calendar/content/overrides-change-one-occurrence-of-a-recurring-item",
       test_overrides_change_one_occurrence_of_a_recurring_item);
  ADD ("/calendar/transaction/adds-inside-it-roll-back-together",
       test_adds_inside_a_library_transaction_roll_back_together);
  ADD ("/calendar/channels/are-listed-and-found-by-name-or-medium",
       test_channels_are_listed_and_found_by_name_or_medium);
  ADD ("/calendar/channels/and-campaigns-are-changed-in-place",
       test_channels_and_campaigns_are_changed_in_place);
  ADD ("/calendar/list/shows-a-range-and-unscheduled-items-only-when-open",
       test_lists_show_a_range_and_unscheduled_items_only_when_open);
  ADD ("/calendar/content/updates-replace-the-fields-and-bump-the-sequence",
       test_updates_replace_the_fields_and_bump_the_sequence);
  g_test_add_func ("/calendar/workflow/allows-only-its-transitions", test_workflow_allows_only_its_transitions);
  ADD ("/calendar/workflow/review-moves-the-status-and-records-the-decisions",
       test_review_moves_the_status_and_records_the_decisions);
  ADD ("/calendar/tasks/are-checked-off-reassigned-and-listed-across-items",
       test_tasks_are_checked_off_reassigned_and_listed_across_items);
  ADD ("/calendar/content/deleted-items-come-back-whole", test_deleted_items_come_back_whole);
  ADD ("/calendar/recurrence/rules-outside-the-subset-are-refused",
       test_rules_outside_the_subset_are_refused);
  ADD ("/calendar/recurrence/items-expand-with-their-overrides",
       test_recurring_items_expand_with_their_overrides);
  ADD ("/calendar/recurrence/this-one-moves-cancels-and-comes-back", test_this_one_moves_cancels_and_comes_back);
  ADD ("/calendar/recurrence/daily-and-monthly-rules-stop-at-until-and-count",
       test_daily_and_monthly_rules_stop_at_until_and_count);
  ADD ("/calendar/ics/round-trips-rules-overrides-and-escapes", test_ics_round_trips_rules_overrides_and_escapes);
  ADD ("/calendar/ics/import-of-a-bad-file-names-it-and-changes-nothing",
       test_ics_import_of_a_bad_file_names_it_and_changes_nothing);
  ADD ("/calendar/ics/import-updates-by-uid-and-exports-a-choice",
       test_ics_import_updates_by_uid_and_exports_a_choice);
  ADD ("/calendar/ics/import-of-every-cut-of-a-file-never-crashes",
       test_ics_import_of_every_cut_of_a_file_never_crashes);
  ADD ("/calendar/ics/import-reads-utc-and-zoned-times-as-local-wall-time",
       test_ics_import_reads_utc_and_zoned_times_as_local_wall_time);
  ADD ("/calendar/checks/assets-that-do-not-fit-the-channel-are-flagged-with-what-is-wrong",
       test_assets_that_do_not_fit_the_channel_are_flagged_with_what_is_wrong);
  g_test_add_func ("/calendar/checks/overdue-is-read-in-the-time-zone-of-now",
                   test_overdue_is_read_in_the_time_zone_of_now);
  ADD ("/calendar/checks/warnings-list-licence-and-channel-problems-of-planned-items",
       test_warnings_list_licence_and_channel_problems_of_planned_items);
  ADD ("/calendar/checks/rescheduling-shows-where-the-campaign-spend-moves",
       test_rescheduling_shows_where_the_campaign_spend_moves);
  ADD ("/calendar/checks/a-move-is-checked-for-licences-channel-and-budget-before-it-is-made",
       test_a_move_is_checked_for_licences_channel_and_budget_before_it_is_made);
#undef ADD

  return g_test_run ();
}
