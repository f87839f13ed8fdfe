/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-calendar.h — the editorial calendar: channels, campaigns, content items and their parts */

#pragma once

#include <gio/gio.h>

#include "mops-library.h"
#include "mops-licences.h"

G_BEGIN_DECLS

/* Every function uses the library's own connection (the thread that opened it); inside
 * mops_library_begin() they write into that transaction. Ids of 0 refer to nothing (NULL in
 * the table). Dates are "YYYY-MM-DD"; publish_at, due_at and recurrence ids are local wall
 * time "YYYY-MM-DD" (a whole day) or "YYYY-MM-DDTHH:MM"; instants are Unix seconds (mops-db.h).
 * A reference to a row that does not exist is MOPS_ERROR_NOT_FOUND naming it; a malformed
 * field is MOPS_ERROR_INVALID naming the value; nothing is written then. */

/* ---- Names ------------------------------------------------------------------------------- */

/* Where a content item is on its way out, in order. */
typedef enum
{
  MOPS_CONTENT_STATUS_IDEA,
  MOPS_CONTENT_STATUS_DRAFT,
  MOPS_CONTENT_STATUS_IN_REVIEW,      /*< nick=in_review >*/
  MOPS_CONTENT_STATUS_APPROVED,
  MOPS_CONTENT_STATUS_SCHEDULED,
  MOPS_CONTENT_STATUS_PUBLISHED,
} MopsContentStatus;

/* What a comment on a content item says in the review: a remark, or a decision. */
typedef enum
{
  MOPS_COMMENT_KIND_COMMENT,
  MOPS_COMMENT_KIND_APPROVED,
  MOPS_COMMENT_KIND_CHANGES_REQUESTED,  /*< nick=changes_requested >*/
} MopsCommentKind;

/* The stable English names of the table, JSON and CLI ("in_review", "changes_requested"), or
 * NULL for a value out of range. *_from_name() accept them in any ASCII case, "-" and "_"
 * alike, and return FALSE (leaving *@out alone) for anything else. */
const char *mops_content_status_to_name    (MopsContentStatus   status);
gboolean    mops_content_status_from_name  (const char         *name,
                                            MopsContentStatus  *out_status);
const char *mops_comment_kind_to_name      (MopsCommentKind     kind);
gboolean    mops_comment_kind_from_name    (const char         *name,
                                            MopsCommentKind    *out_kind);

/* Whether @rrule (an RFC 5545 RRULE value) is in the subset Mops repeats items by:
 * FREQ=DAILY, WEEKLY or MONTHLY, INTERVAL, BYDAY, BYMONTHDAY, UNTIL or COUNT. Otherwise
 * MOPS_ERROR_INVALID naming the rule. Read with libical. */
gboolean    mops_content_rrule_check       (const char         *rrule,
                                            GError            **error);

/* ---- Channels and campaigns -------------------------------------------------------------- */

/* A channel the calendar publishes on ("Company blog", "Instagram") with its one medium, which
 * the licence check compares, and the size rules assets should meet there. */
typedef struct
{
  const char *name;           /* required, unique */
  MopsMedium  medium;         /* exactly one medium */
  const char *color;          /* "#RRGGBB"; NULL = none */
  int         min_width;      /* pixels; 0 = no rule */
  int         min_height;     /* pixels; 0 = no rule */
  const char *aspect_ratios;  /* "1:1;4:5"; NULL = any */
  gint64      max_bytes;      /* 0 = no limit */
  const char *allowed_types;  /* search types, "image;video" (image, vector, document, font,
                               * video, other); NULL = any */
  gboolean    archived;       /* hidden from new items (update only; a new channel is active) */
} MopsChannelInfo;

/* Adds a channel. A name the library already has is MOPS_ERROR_EXISTS. Returns the new id,
 * or 0 with @error set. */
gint64      mops_channels_add              (MopsLibrary            *library,
                                            const MopsChannelInfo  *info,
                                            GError                **error);

/* The id of the channel called exactly @name, 0 when there is none (not an error), -1 with
 * @error set when the library cannot be read. */
gint64      mops_channels_lookup           (MopsLibrary            *library,
                                            const char             *name,
                                            GError                **error);

/* Replaces every field of channel @id with @info, archived included: the same checks as
 * mops_channels_add(); MOPS_ERROR_NOT_FOUND for an unknown id. */
gboolean    mops_channels_update           (MopsLibrary            *library,
                                            gint64                  id,
                                            const MopsChannelInfo  *info,
                                            GError                **error);

typedef struct
{
  const char *name;           /* required, unique */
  const char *color;          /* "#RRGGBB"; NULL = none */
  const char *starts_on;      /* NULL = open */
  const char *ends_on;        /* NULL = open; not before starts_on */
  const char *description;
  gboolean    archived;
} MopsCampaignInfo;

/* Adds a campaign. A name the library already has is MOPS_ERROR_EXISTS. Returns the new id,
 * or 0 with @error set. */
gint64      mops_campaigns_add             (MopsLibrary            *library,
                                            const MopsCampaignInfo *info,
                                            GError                **error);

/* Replaces every field of campaign @id with @info, as mops_campaigns_add() checks them;
 * MOPS_ERROR_NOT_FOUND for an unknown id. */
gboolean    mops_campaigns_update          (MopsLibrary             *library,
                                            gint64                   id,
                                            const MopsCampaignInfo  *info,
                                            GError                 **error);

/* The id of the campaign called exactly @name; 0 when none, -1 with @error on a read error. */
gint64      mops_campaigns_lookup          (MopsLibrary            *library,
                                            const char             *name,
                                            GError                **error);

/* ---- Content items ----------------------------------------------------------------------- */

typedef struct
{
  const char        *uid;           /* stable iCalendar UID; NULL: a new one is made */
  const char        *title;         /* required */
  const char        *brief;
  MopsContentStatus  status;
  gint64             channel_id;
  gint64             campaign_id;
  gint64             owner_id;      /* people */
  gint64             reviewer_id;   /* people */
  const char        *due_at;        /* wall time; NULL = no deadline */
  const char        *publish_at;    /* wall time; NULL = unscheduled (the first occurrence of
                                     * a recurring item) */
  gint64             published_at;  /* instant; 0 = not published */
  const char        *url;           /* where it was published */
  const char        *rrule;         /* RFC 5545 RRULE value, "FREQ=WEEKLY;BYDAY=TU"; NULL = once */
  int                sequence;      /* iCalendar SEQUENCE, >= 0 */
  gint64             created_at;    /* instant; 0 = now */
  gint64             modified_at;   /* instant; 0 = created_at */
} MopsContentItemInfo;

/* Adds a content item. A UID another item has is MOPS_ERROR_EXISTS; a recurring item needs a
 * publish_at (its first occurrence). Returns the new id, or 0 with @error set. */
gint64      mops_content_items_add         (MopsLibrary               *library,
                                            const MopsContentItemInfo *info,
                                            GError                   **error);

/* Links asset @asset_id to content item @item_id at @position (the item's assets are listed
 * by position). An asset already linked to the item is MOPS_ERROR_EXISTS. Linked assets
 * cannot be deleted while the link stands. */
gboolean    mops_content_items_add_asset   (MopsLibrary            *library,
                                            gint64                  item_id,
                                            gint64                  asset_id,
                                            int                     position,
                                            GError                **error);

/* One comment of the peer review. */
typedef struct
{
  gint64           author_id;     /* people; 0 = not recorded */
  MopsCommentKind  kind;
  const char      *body;          /* required */
  gint64           created_at;    /* instant; 0 = now */
} MopsCommentInfo;

/* Adds a comment to content item @item_id. Returns the comment's id, or 0 with @error set. */
gint64      mops_content_items_add_comment (MopsLibrary            *library,
                                            gint64                  item_id,
                                            const MopsCommentInfo  *info,
                                            GError                **error);

/* One checklist item of a content item. */
typedef struct
{
  const char *title;          /* required */
  gint64      assignee_id;    /* people; 0 = nobody */
  const char *due_on;         /* date; NULL = none */
  gboolean    done;
  int         position;       /* the checklist's order */
} MopsContentTaskInfo;

/* Adds a task to content item @item_id. Returns the task's id, or 0 with @error set. */
gint64      mops_content_items_add_task    (MopsLibrary               *library,
                                            gint64                     item_id,
                                            const MopsContentTaskInfo *info,
                                            GError                   **error);

/* One occurrence of a recurring item changed ("this one", not "all"): moved, retitled,
 * another status, or cancelled (an EXDATE in .ics). */
typedef struct
{
  const char        *recurrence_id; /* the occurrence's own wall time, as the rule makes it */
  gboolean           cancelled;
  const char        *title;         /* NULL = the item's */
  gboolean           has_status;
  MopsContentStatus  status;        /* when has_status */
  const char        *publish_at;    /* wall time it moves to; NULL = where the rule puts it */
} MopsContentOverrideInfo;

/* Records an override of recurring content item @item_id. An item without a rule is
 * MOPS_ERROR_INVALID; an occurrence already overridden is MOPS_ERROR_EXISTS. */
gboolean    mops_content_items_add_override (MopsLibrary                   *library,
                                             gint64                         item_id,
                                             const MopsContentOverrideInfo *info,
                                             GError                       **error);

/* "This one": records or replaces the override of one occurrence of recurring item @id
 * (moved, retitled, another status, or cancelled — an EXDATE in .ics), bumping the item's
 * sequence. An item without a rule is MOPS_ERROR_INVALID. */
gboolean    mops_content_items_set_override (MopsLibrary                   *library,
                                             gint64                         id,
                                             const MopsContentOverrideInfo *info,
                                             GError                       **error);

/* Puts occurrence @recurrence_id of item @id back where its rule has it (undo of a move or a
 * cancel); MOPS_ERROR_NOT_FOUND when it was not changed. */
gboolean    mops_content_items_remove_override (MopsLibrary  *library,
                                                gint64        id,
                                                const char   *recurrence_id,
                                                GError      **error);

/* ---- Reading channels and campaigns ------------------------------------------------------ */

/* A channel as the library holds it (element type of mops_channels_list()). */
typedef struct
{
  gint64      id;
  char       *name;
  MopsMedium  medium;
  char       *color;          /* NULL = none */
  int         min_width;      /* 0 = no rule */
  int         min_height;     /* 0 = no rule */
  char       *aspect_ratios;  /* "1:1;4:5"; NULL = any */
  gint64      max_bytes;      /* 0 = no limit */
  char       *allowed_types;  /* "image;video"; NULL = any */
  gboolean    archived;
} MopsChannel;

void        mops_channel_free              (MopsChannel *channel);

/* Every channel, archived ones too, by name. Free with g_ptr_array_unref(); NULL with
 * @error set when the library cannot be read. */
GPtrArray  *mops_channels_list             (MopsLibrary  *library,
                                            GError      **error);

/* The channel @id (mops_channel_free()), or NULL with MOPS_ERROR_NOT_FOUND. */
MopsChannel *mops_channels_load            (MopsLibrary  *library,
                                            gint64        id,
                                            GError      **error);

/* The channel called @text (case-insensitively), else the first channel (by id) whose medium
 * is called @text (design §12): its id, 0 when there is none, -1 with @error on a read error. */
gint64      mops_channels_find             (MopsLibrary  *library,
                                            const char   *text,
                                            GError      **error);

typedef struct
{
  gint64    id;
  char     *name;
  char     *color;
  char     *starts_on;
  char     *ends_on;
  char     *description;
  gboolean  archived;
} MopsCampaign;

void        mops_campaign_free             (MopsCampaign *campaign);

/* Every campaign, by name. Free with g_ptr_array_unref(); NULL with @error set on failure. */
GPtrArray  *mops_campaigns_list            (MopsLibrary  *library,
                                            GError      **error);

/* ---- Reading and changing content items -------------------------------------------------- */

/* A content item, or one occurrence of a recurring one. */
typedef struct
{
  gint64             id;
  char              *uid;
  char              *title;
  char              *brief;
  MopsContentStatus  status;
  gint64             channel_id;     /* 0 = none */
  gint64             campaign_id;    /* 0 = none */
  gint64             owner_id;       /* 0 = none */
  gint64             reviewer_id;    /* 0 = none */
  char              *due_at;         /* wall time or NULL */
  char              *publish_at;     /* wall time or NULL (unscheduled); for an occurrence,
                                      * where it is shown (moved by its override) */
  gint64             published_at;   /* instant; 0 = not published */
  char              *url;
  char              *rrule;          /* NULL = once */
  int                sequence;
  gint64             created_at;
  gint64             modified_at;
  char              *recurrence_id;  /* an occurrence of a recurring item: its wall time as
                                      * the rule makes it; NULL for the item itself */
  gboolean           overridden;     /* this occurrence has an override ("this one") */
} MopsContentItem;

void             mops_content_item_free     (MopsContentItem *item);
MopsContentItem *mops_content_item_copy     (const MopsContentItem *item);

/* The item @id as stored (its first occurrence for a recurring one), or NULL with
 * MOPS_ERROR_NOT_FOUND. Free with mops_content_item_free(). */
MopsContentItem *mops_content_items_load    (MopsLibrary  *library,
                                             gint64        id,
                                             GError      **error);

/* The items shown between @from and @to (dates "YYYY-MM-DD", both inclusive; NULL = open),
 * ordered by publish_at, then id. Recurring items appear once per occurrence in the range
 * (expanded with libical; an open @to stops after 1,000 occurrences), each with its
 * recurrence_id, moved and retitled by its override; cancelled ones are left out. With
 * both ends open it is the whole calendar instead: every item once as stored (a recurring
 * one at its first occurrence, without a recurrence_id), the unscheduled ones last. Free with
 * g_ptr_array_unref(); NULL with @error set on failure. */
GPtrArray       *mops_content_items_list    (MopsLibrary  *library,
                                             const char   *from,
                                             const char   *to,
                                             GError      **error);

/* The unscheduled items (no publish_at), ideas and drafts first, then by id. */
GPtrArray       *mops_content_items_list_unscheduled (MopsLibrary  *library,
                                                      GError      **error);

/* Replaces the fields of item @id with @info (its uid kept when @info's is NULL; created_at
 * kept), bumps its sequence and sets modified_at to now. The status may change only along
 * mops_content_status_can_change(); a scheduled status needs a publish_at. MOPS_ERROR_NOT_FOUND
 * for an unknown item or reference, MOPS_ERROR_INVALID for a field; nothing changes then. */
gboolean         mops_content_items_update  (MopsLibrary               *library,
                                             gint64                     id,
                                             const MopsContentItemInfo *info,
                                             GError                   **error);

/* Moves item @id to @publish_at (NULL: unscheduled; a recurring item moves its whole rule),
 * bumping its sequence. */
gboolean         mops_content_items_reschedule (MopsLibrary  *library,
                                                gint64        id,
                                                const char   *publish_at,
                                                GError      **error);

/* What a deleted item was, with its assets, comments, tasks and overrides, for undo. */
typedef struct _MopsContentItemTrash MopsContentItemTrash;

void             mops_content_item_trash_free (MopsContentItemTrash *trash);

/* The id of the deleted item. */
gint64           mops_content_item_trash_get_id (const MopsContentItemTrash *trash);

/* Deletes item @id with everything that hangs on it. Returns what it was (for
 * mops_content_items_restore()), or NULL with MOPS_ERROR_NOT_FOUND. */
MopsContentItemTrash *mops_content_items_delete  (MopsLibrary  *library,
                                                  gint64        id,
                                                  GError      **error);

/* Puts a deleted item back with the same id, uid and parts. An asset that has gone since,
 * or a UID taken since, fails with nothing changed. */
gboolean         mops_content_items_restore (MopsLibrary                *library,
                                             const MopsContentItemTrash *trash,
                                             GError                    **error);

/* ---- Workflow ---------------------------------------------------------------------------- */

/* Whether an item may go from @from to @to: one step forward (idea → draft → in_review →
 * approved → scheduled → published), or back where the workflow goes back: draft → idea,
 * in_review → draft (changes requested), approved → draft (reopened), scheduled → approved
 * (unscheduled). Staying put is allowed. Published is final. */
gboolean    mops_content_status_can_change (MopsContentStatus  from,
                                            MopsContentStatus  to);

/* Moves item @id to @status, when mops_content_status_can_change() allows it (else
 * MOPS_ERROR_INVALID naming both statuses). Scheduling needs a publish_at; publishing sets
 * published_at to now when it is unset. */
gboolean    mops_content_items_set_status  (MopsLibrary        *library,
                                            gint64              id,
                                            MopsContentStatus   status,
                                            GError            **error);

/* The review decisions, for mops_content_items_review_async(). */
typedef enum
{
  MOPS_REVIEW_REQUEST,                       /*< nick=request >*/
  MOPS_REVIEW_APPROVE,                       /*< nick=approve >*/
  MOPS_REVIEW_REQUEST_CHANGES,               /*< nick=request_changes >*/
} MopsReviewAction;

/* A draft goes to review: draft → in_review. With @reviewer_id above 0, sets the reviewer. */
gboolean    mops_content_items_request_review (MopsLibrary  *library,
                                               gint64        id,
                                               gint64        reviewer_id,
                                               GError      **error);

/* The reviewer's decisions on an item in review, each recorded as a comment by @author_id
 * (0 = not recorded): approve (in_review → approved; @body may be NULL) or request changes
 * (in_review → draft; @body, saying what to change, is required). One transaction. */
gboolean    mops_content_items_approve     (MopsLibrary  *library,
                                            gint64        id,
                                            gint64        author_id,
                                            const char   *body,
                                            GError      **error);
gboolean    mops_content_items_request_changes (MopsLibrary  *library,
                                                gint64        id,
                                                gint64        author_id,
                                                const char   *body,
                                                GError      **error);

/* ---- Comments, tasks, linked assets ------------------------------------------------------ */

typedef struct
{
  gint64           id;
  gint64           item_id;
  gint64           author_id;   /* 0 = not recorded */
  MopsCommentKind  kind;
  char            *body;        /* "" for a decision without words */
  gint64           created_at;
} MopsContentComment;

void        mops_content_comment_free       (MopsContentComment *comment);

/* The comments on item @id, oldest first. */
GPtrArray  *mops_content_items_list_comments (MopsLibrary  *library,
                                              gint64        id,
                                              GError      **error);

typedef struct
{
  gint64    id;
  gint64    item_id;
  char     *item_title;
  char     *title;
  gint64    assignee_id;   /* 0 = nobody */
  char     *due_on;        /* NULL = none */
  gboolean  done;
  int       position;
} MopsContentTask;

void        mops_content_task_free          (MopsContentTask *task);

/* The checklist of item @id, in its order. */
GPtrArray  *mops_content_items_list_tasks   (MopsLibrary  *library,
                                             gint64        id,
                                             GError      **error);

/* Every task not done, across items: by assignee (nobody last), due date (none last), id. */
GPtrArray  *mops_content_tasks_list_open    (MopsLibrary  *library,
                                             GError      **error);

/* Checks task @task_id off (or on again); gives it to @assignee_id (0 = nobody); deletes it.
 * MOPS_ERROR_NOT_FOUND for an unknown task or person. */
gboolean    mops_content_tasks_set_done     (MopsLibrary  *library,
                                             gint64        task_id,
                                             gboolean      done,
                                             GError      **error);
gboolean    mops_content_tasks_set_assignee (MopsLibrary  *library,
                                             gint64        task_id,
                                             gint64        assignee_id,
                                             GError      **error);
gboolean    mops_content_tasks_delete       (MopsLibrary  *library,
                                             gint64        task_id,
                                             GError      **error);

/* The ids (gint64) of the assets linked to item @id, in their order. */
GArray     *mops_content_items_list_assets  (MopsLibrary  *library,
                                             gint64        id,
                                             GError      **error);

/* Unlinks asset @asset_id from item @id; MOPS_ERROR_NOT_FOUND when it was not linked. */
gboolean    mops_content_items_remove_asset (MopsLibrary  *library,
                                             gint64        id,
                                             gint64        asset_id,
                                             GError      **error);

/* ---- In a worker ------------------------------------------------------------------------- */

/* mops_content_items_list() in a worker; _finish() returns the array or NULL with @error. */
void        mops_content_items_list_async   (MopsLibrary          *library,
                                             const char           *from,
                                             const char           *to,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
GPtrArray  *mops_content_items_list_finish  (MopsLibrary          *library,
                                             GAsyncResult         *result,
                                             GError              **error);

/* An item with its parts, as an editor shows it. */
typedef struct
{
  MopsContentItem *item;
  GPtrArray       *comments;   /* MopsContentComment */
  GPtrArray       *tasks;      /* MopsContentTask */
  GArray          *asset_ids;  /* gint64 */
} MopsContentItemDetails;

void        mops_content_item_details_free  (MopsContentItemDetails *details);

/* Item @id with its comments, tasks and linked assets, read in a worker. */
void        mops_content_items_load_async   (MopsLibrary          *library,
                                             gint64                id,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
MopsContentItemDetails *mops_content_items_load_finish (MopsLibrary   *library,
                                                        GAsyncResult  *result,
                                                        GError       **error);

/* mops_content_items_update() in a worker. */
void        mops_content_items_update_async (MopsLibrary               *library,
                                             gint64                     id,
                                             const MopsContentItemInfo *info,
                                             GCancellable              *cancellable,
                                             GAsyncReadyCallback        callback,
                                             gpointer                   user_data);
gboolean    mops_content_items_update_finish (MopsLibrary   *library,
                                              GAsyncResult  *result,
                                              GError       **error);

/* mops_content_items_set_status() in a worker. */
void        mops_content_items_set_status_async (MopsLibrary          *library,
                                                 gint64                id,
                                                 MopsContentStatus     status,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean    mops_content_items_set_status_finish (MopsLibrary   *library,
                                                  GAsyncResult  *result,
                                                  GError       **error);

/* mops_content_items_delete() in a worker: _finish() returns what the item was, for undo. */
void        mops_content_items_delete_async (MopsLibrary          *library,
                                             gint64                id,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
MopsContentItemTrash *mops_content_items_delete_finish (MopsLibrary   *library,
                                                        GAsyncResult  *result,
                                                        GError       **error);

/* mops_content_items_restore() in a worker; @trash is copied. */
void        mops_content_items_restore_async (MopsLibrary                *library,
                                              const MopsContentItemTrash *trash,
                                              GCancellable               *cancellable,
                                              GAsyncReadyCallback         callback,
                                              gpointer                    user_data);
gboolean    mops_content_items_restore_finish (MopsLibrary   *library,
                                               GAsyncResult  *result,
                                               GError       **error);

/* mops_content_items_add() in a worker: _finish() returns the new id, or 0 with @error. */
void        mops_content_items_add_async    (MopsLibrary               *library,
                                             const MopsContentItemInfo *info,
                                             GCancellable              *cancellable,
                                             GAsyncReadyCallback        callback,
                                             gpointer                   user_data);
gint64      mops_content_items_add_finish   (MopsLibrary   *library,
                                             GAsyncResult  *result,
                                             GError       **error);

/* mops_content_items_reschedule() in a worker. */
void        mops_content_items_reschedule_async (MopsLibrary          *library,
                                                 gint64                id,
                                                 const char           *publish_at,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean    mops_content_items_reschedule_finish (MopsLibrary   *library,
                                                  GAsyncResult  *result,
                                                  GError       **error);

/* A review decision in a worker: @action REQUEST is mops_content_items_request_review()
 * (@person_id the reviewer), APPROVE and REQUEST_CHANGES the reviewer's decisions (@person_id
 * the author of the comment, @body its text). */
void        mops_content_items_review_async (MopsLibrary          *library,
                                             gint64                id,
                                             MopsReviewAction      action,
                                             gint64                person_id,
                                             const char           *body,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean    mops_content_items_review_finish (MopsLibrary   *library,
                                              GAsyncResult  *result,
                                              GError       **error);

/* mops_content_tasks_set_done() in a worker. */
void        mops_content_tasks_set_done_async  (MopsLibrary          *library,
                                                gint64                task_id,
                                                gboolean              done,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
gboolean    mops_content_tasks_set_done_finish (MopsLibrary   *library,
                                                GAsyncResult  *result,
                                                GError       **error);

/* mops_content_items_set_override() and _remove_override() in a worker. */
void        mops_content_items_set_override_async  (MopsLibrary                   *library,
                                                    gint64                         id,
                                                    const MopsContentOverrideInfo *info,
                                                    GCancellable                  *cancellable,
                                                    GAsyncReadyCallback            callback,
                                                    gpointer                       user_data);
gboolean    mops_content_items_set_override_finish (MopsLibrary   *library,
                                                    GAsyncResult  *result,
                                                    GError       **error);
void        mops_content_items_remove_override_async  (MopsLibrary          *library,
                                                       gint64                id,
                                                       const char           *recurrence_id,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
gboolean    mops_content_items_remove_override_finish (MopsLibrary   *library,
                                                       GAsyncResult  *result,
                                                       GError       **error);

/* mops_content_tasks_list_open() in a worker. */
void        mops_content_tasks_list_open_async  (MopsLibrary          *library,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
GPtrArray  *mops_content_tasks_list_open_finish (MopsLibrary   *library,
                                                 GAsyncResult  *result,
                                                 GError       **error);

/* ---- iCalendar (RFC 5545) ---------------------------------------------------------------- */

/* Writes the items @ids (all when @n_ids is 0) to @path as one VCALENDAR, through libical:
 * a scheduled item is a VEVENT (DTSTART a date or a floating local time, RRULE and EXDATE
 * for a recurring one, one more VEVENT with RECURRENCE-ID per changed occurrence), an
 * unscheduled one a VTODO; UID, DTSTAMP (when it last changed), SEQUENCE, SUMMARY,
 * DESCRIPTION, URL, STATUS, CATEGORIES (channel, campaign) and X-MOPS-* properties for what
 * iCalendar has no word for (the workflow status, due time, owner, reviewer). The file is
 * written under a temporary name and renamed. Same rows, same bytes. */
gboolean    mops_calendar_export_ics       (MopsLibrary   *library,
                                            const char    *path,
                                            const gint64  *ids,
                                            guint          n_ids,
                                            GError       **error);

/* What an import did, by UID. */
typedef struct
{
  guint added;
  guint updated;
  guint unchanged;
} MopsIcsReport;

/* Reads @path (an iCalendar file) into the library, idempotent by UID: a new UID adds an
 * item, a known one is brought in line with the file (its overrides replaced by the file's
 * RECURRENCE-ID events and EXDATEs), an item equal to the file is left alone. Channels and
 * people are matched by name (an unknown one is left empty), campaigns by name or added.
 * A file that is not iCalendar, is broken or holds an event Mops cannot keep is
 * MOPS_ERROR_INVALID naming the file, the line and the component, and nothing is written:
 * the import is one transaction. */
gboolean    mops_calendar_import_ics       (MopsLibrary    *library,
                                            const char     *path,
                                            MopsIcsReport  *out_report,
                                            GError        **error);

/* Both in a worker; import's _finish fills @out_report (may be NULL). */
void        mops_calendar_export_ics_async (MopsLibrary          *library,
                                            const char           *path,
                                            const gint64         *ids,
                                            guint                 n_ids,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean    mops_calendar_export_ics_finish (MopsLibrary   *library,
                                             GAsyncResult  *result,
                                             GError       **error);
void        mops_calendar_import_ics_async (MopsLibrary          *library,
                                            const char           *path,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean    mops_calendar_import_ics_finish (MopsLibrary    *library,
                                             GAsyncResult   *result,
                                             MopsIcsReport  *out_report,
                                             GError        **error);

/* ---- Checks ------------------------------------------------------------------------------ */

/* Why a linked asset does not fit its item's channel (design §12), by stable code. */
typedef enum
{
  MOPS_CHANNEL_PROBLEM_WRONG_TYPE,          /*< nick=wrong_type >*/
  MOPS_CHANNEL_PROBLEM_TOO_SMALL,           /*< nick=too_small >*/
  MOPS_CHANNEL_PROBLEM_WRONG_ASPECT_RATIO,  /*< nick=wrong_aspect_ratio >*/
  MOPS_CHANNEL_PROBLEM_TOO_BIG,             /*< nick=too_big >*/
} MopsChannelProblemCode;

const char *mops_channel_problem_code_to_name (MopsChannelProblemCode code);

typedef struct
{
  gint64                  asset_id;
  MopsChannelProblemCode  code;
  char                   *message;   /* translated: the asset, the channel and what is wrong */
} MopsChannelProblem;

void        mops_channel_problem_free      (MopsChannelProblem *problem);

/* Checks the assets linked to item @id (not records, not trashed) against its channel's
 * rules: allowed types, minimum width and height, aspect ratios (within 1 %), maximum bytes.
 * An asset whose size is not known passes the size rules. Returns the problems in the item's
 * order of assets, each asset once per broken rule (empty: all fit, or no channel), or NULL
 * with MOPS_ERROR_NOT_FOUND for an unknown item. */
GPtrArray  *mops_calendar_check_channel_fit (MopsLibrary  *library,
                                             gint64        id,
                                             GError      **error);

/* Whether an item is late at @now: its due time passed before it was approved, or its
 * publish time passed before it was published. Wall times are read in @now's time zone; a
 * whole day passes when it ends. */
typedef enum
{
  MOPS_OVERDUE_NONE,
  MOPS_OVERDUE_DUE,       /* due_at passed, not yet approved */
  MOPS_OVERDUE_PUBLISH,   /* publish_at passed, not yet published */
} MopsOverdue;

MopsOverdue mops_content_item_get_overdue  (const MopsContentItem *item,
                                            GDateTime             *now);

/* One warning of `mops-cli calendar warnings`: a licence problem (codes of
 * MopsLicenceProblemCode) or a channel problem (codes of MopsChannelProblemCode) of an item
 * with a publish date, on the date it is used. */
typedef struct
{
  gint64  item_id;
  char   *title;
  char   *publish_at;   /* the occurrence's */
  gint64  asset_id;
  char   *kind;         /* "licence" or "channel" */
  char   *code;
  char   *message;      /* translated */
} MopsCalendarWarning;

void        mops_calendar_warning_free     (MopsCalendarWarning *warning);

/* The warnings of every item with a publish date that is not published, on that date (a
 * recurring one on each occurrence in the next 90 days, a problem once per asset and code),
 * and the licence warnings of published items on today's date (a licence that has ended
 * since): ordered by
 * publish_at, item, asset. */
GPtrArray  *mops_calendar_list_warnings    (MopsLibrary  *library,
                                            GError      **error);
void        mops_calendar_list_warnings_async  (MopsLibrary          *library,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
GPtrArray  *mops_calendar_list_warnings_finish (MopsLibrary   *library,
                                                GAsyncResult  *result,
                                                GError       **error);

/* A team whose planned spend moves with a rescheduled item. */
typedef struct
{
  gint64    team_id;
  char     *team;
  gint64    amount;      /* what moves, minor units of the currency */
  gint64    planned;     /* the team's plan where it moves to: the month, or the whole year
                          * when it changes year */
  gint64    spent;       /* actual + committed there before the move */
  gboolean  over_plan;   /* spent + amount > planned */
} MopsBudgetImpactTeam;

/* What moving an item to another date does to the budget. The campaign's planned spend is
 * its open spend requests (pending or approved, not yet an expense) needed in the month of
 * the item's current date or without a date: it moves with the item. Amounts in currencies
 * other than the destination year's are left out (no rate is known for them). */
typedef struct
{
  gint64     item_id;
  gint64     campaign_id;     /* 0: no campaign, nothing moves */
  char      *from_month;      /* "YYYY-MM", NULL when unscheduled */
  char      *to_month;
  char      *from_year;       /* fiscal year names; NULL when no year covers the date */
  char      *to_year;
  char      *currency;        /* of the destination year; NULL when none */
  gint64     amount;          /* all that moves */
  gboolean   changes_month;
  gboolean   changes_year;
  GPtrArray *teams;           /* MopsBudgetImpactTeam, by team name */
} MopsBudgetImpact;

void        mops_budget_impact_free        (MopsBudgetImpact *impact);

/* The budget impact of moving item @id to @publish_at (a wall time). NULL with
 * MOPS_ERROR_NOT_FOUND for an unknown item, MOPS_ERROR_INVALID for a malformed time. */
MopsBudgetImpact *mops_calendar_budget_impact (MopsLibrary  *library,
                                               gint64        id,
                                               const char   *publish_at,
                                               GError      **error);
void        mops_calendar_budget_impact_async  (MopsLibrary          *library,
                                                gint64                id,
                                                const char           *publish_at,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
MopsBudgetImpact *mops_calendar_budget_impact_finish (MopsLibrary   *library,
                                                      GAsyncResult  *result,
                                                      GError       **error);

/* Everything to show before an item moves to @publish_at ("this goes out on Tuesday: the
 * photo's licence has ended by then, the header is too small, and Content goes over plan in
 * December"): the licence problems of its assets on that day, the assets that do not fit its
 * channel, and the budget impact of the move. */
typedef struct
{
  GPtrArray        *licence_problems;  /* MopsLicenceProblem */
  GPtrArray        *channel_problems;  /* MopsChannelProblem */
  MopsBudgetImpact *budget;
} MopsMoveCheck;

void        mops_move_check_free           (MopsMoveCheck *check);

/* The checks of moving item @id to @publish_at (a wall time); NULL with MOPS_ERROR_NOT_FOUND
 * for an unknown item, MOPS_ERROR_INVALID for a malformed time. Nothing is written. */
MopsMoveCheck *mops_calendar_check_move    (MopsLibrary  *library,
                                            gint64        id,
                                            const char   *publish_at,
                                            GError      **error);
void        mops_calendar_check_move_async (MopsLibrary          *library,
                                            gint64                id,
                                            const char           *publish_at,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
MopsMoveCheck *mops_calendar_check_move_finish (MopsLibrary   *library,
                                                GAsyncResult  *result,
                                                GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MopsChannelProblem, mops_channel_problem_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MopsCalendarWarning, mops_calendar_warning_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MopsBudgetImpact, mops_budget_impact_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MopsMoveCheck, mops_move_check_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MopsChannel, mops_channel_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MopsCampaign, mops_campaign_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MopsContentItem, mops_content_item_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MopsContentItemTrash, mops_content_item_trash_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MopsContentComment, mops_content_comment_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MopsContentTask, mops_content_task_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MopsContentItemDetails, mops_content_item_details_free)

G_END_DECLS
