/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-calendar.h — the editorial calendar: channels, campaigns, content items and their parts */

#pragma once

#include <glib.h>

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

G_END_DECLS
