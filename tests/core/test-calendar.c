/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-calendar.c — channels, campaigns, content items and their assets, comments, tasks, overrides */

#include "config.h"

#include <string.h>

#include "core/mops-calendar.h"
#include "core/mops-db-private.h"
#include "core/mops-error.h"
#include "core/mops-library.h"
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
#undef ADD

  return g_test_run ();
}
