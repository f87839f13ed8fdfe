/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-demo-private.h — what the demo generator's files share: its state, data and dates */

#pragma once

#include <json-glib/json-glib.h>

#include "core/mops-library.h"
#include "mops-demo.h"
#include "mops-demo-art.h"

G_BEGIN_DECLS

/* The demo is "Fjellvind", a fictional outdoor-gear brand from Bergen with a marketing team of
 * ten. Its tables are JSON files in a GResource (src/demo/data); this code turns them into
 * files and rows. Everything is sample data in English (not translated); only messages are.
 * Every date is an offset from today (mops_clock_now(), so MOPS_NOW), every "random" number
 * comes from a GRand with a fixed seed, and rows go in through core's domain functions in a
 * fixed order: the same MOPS_NOW and TZ give the same rows and files, byte for byte. */

#define MOPS_DEMO_SEED 0x4D6F7073u   /* "Mops" */

/* No day: an open licence end, an unscheduled item. */
#define MOPS_DEMO_NO_DAY G_MININT

/* One entry of assets.json and what became of it. */
typedef struct
{
  JsonObject *spec;
  const char *key;
  guint       index;        /* 1-based, the order of assets.json: the seed of a few details */
  char       *file_name;
  char       *file_path;    /* NULL: not made (a font the system lacks) */
  int         width;
  int         height;
  int         pages;
  gint64      id;           /* 0: not in the library */
} MopsDemoAsset;

typedef struct
{
  MopsLibrary          *library;
  MopsDemoArt          *art;
  GRand                *rand;
  GStringChunk         *strings;
  GDate                 today;
  gint64                now;
  int                   year;
  char                 *season;       /* "Autumn 2026" */
  char                 *staging;
  MopsDemoProgressFunc  progress;
  gpointer              user_data;
  GCancellable         *cancellable;
  GError               *error;        /* the first error: every step does nothing after it */
  GArray               *added;        /* gint64 ids of the assets this run stored */

  GHashTable           *data;         /* file name → JsonNode, the parsed data files */
  MopsDemoAsset        *assets;
  guint                 n_assets;
  GHashTable           *asset_by_key;    /* key → MopsDemoAsset */
  GHashTable           *licence_specs;   /* key → JsonObject of licences.json */
  GHashTable           *ids;             /* "kind:key" → gint64 id (boxed) */
  MopsDemoColor        *palette;         /* the current kit's colours, for the guidelines */
  guint                 n_colors;
} MopsDemo;

/* ---- mops-demo-data.c: the data files -------------------------------------------------- */

/* The root of data file @name ("assets.json"), parsed once. NULL with d->error set. */
JsonNode    *mops_demo_data_get          (MopsDemo    *d,
                                          const char  *name);
/* The same for a file that holds a list, or an object; NULL with d->error set otherwise. */
JsonArray   *mops_demo_data_get_array    (MopsDemo    *d,
                                          const char  *name);
JsonObject  *mops_demo_data_get_object   (MopsDemo    *d,
                                          const char  *name);
/* The bytes of data file @name ("texts/copy-launch.md"). NULL with d->error set. */
GBytes      *mops_demo_data_get_bytes    (MopsDemo    *d,
                                          const char  *name);

/* Members of a data object; a member that is missing or null reads as NULL, 0, FALSE. */
const char  *mops_demo_get_string        (JsonObject  *object,
                                          const char  *member);
gint64       mops_demo_get_int           (JsonObject  *object,
                                          const char  *member,
                                          gint64       fallback);
gboolean     mops_demo_get_bool          (JsonObject  *object,
                                          const char  *member);
JsonArray   *mops_demo_get_array         (JsonObject  *object,
                                          const char  *member);
JsonObject  *mops_demo_get_object        (JsonObject  *object,
                                          const char  *member);

/* Each object of @array (may be NULL) in turn, as @object with its index @i, while the run
 * @d has no error. */
#define MOPS_DEMO_FOR_EACH_OBJECT(d, array, i, object) \
  for (guint i = 0; (array) != NULL && i < json_array_get_length (array) && (d)->error == NULL; i++) \
    for (JsonObject *object = json_array_get_object_element ((array), i); object != NULL; object = NULL)

/* Sets d->error (unless set) to a broken-data error naming @what; returns FALSE. */
gboolean     mops_demo_data_error        (MopsDemo    *d,
                                          const char  *format,
                                          ...) G_GNUC_PRINTF (2, 3);

/* ---- ids of the rows made, by kind ("person") and data key ("ingrid") -------------------- */

void         mops_demo_set_id            (MopsDemo    *d,
                                          const char  *kind,
                                          const char  *key,
                                          gint64       id);
/* The id of @key, 0 for a NULL key; an unknown key is a data error (0). */
gint64       mops_demo_id                (MopsDemo    *d,
                                          const char  *kind,
                                          const char  *key);
/* The id of the asset @key: 0 when it was not made or is unknown. */
gint64       mops_demo_asset_id          (MopsDemo    *d,
                                          const char  *key);

/* ---- text and dates ------------------------------------------------------------------------- */

/* @text with its placeholders filled in, kept for the run (NULL for NULL): {season}, {year},
 * {last_year}; {reference:L}, {licensor:L}, {cost:L} of licence L; {date:R}, {long_date:R},
 * {iptc_date:R} where R is a day offset or L.starts / L.expires, either with an optional
 * +N / -N days; {random}, {random_hex}, {random_18}: numbers drawn from the run's generator.
 * @vars (NULL-terminated name, value pairs, may be NULL) adds more. */
const char  *mops_demo_expand            (MopsDemo            *d,
                                          const char          *text,
                                          const char * const  *vars);

/* A string kept for the whole run. */
const char  *mops_demo_keep              (MopsDemo    *d,
                                          const char  *text);

/* Today + @days. */
void         mops_demo_date_from_today   (MopsDemo    *d,
                                          int          days,
                                          GDate       *out);
/* "YYYY-MM-DD" of @date, or of today + @days (NULL for MOPS_DEMO_NO_DAY); kept for the run. */
const char  *mops_demo_format_date       (MopsDemo    *d,
                                          const GDate *date);
const char  *mops_demo_day               (MopsDemo    *d,
                                          int          days);
/* A date member: a day offset (number) or a template ("{year}-01-01"); NULL when missing. */
const char  *mops_demo_get_day           (MopsDemo    *d,
                                          JsonObject  *object,
                                          const char  *member);
/* Local wall time "YYYY-MM-DDTHH:MM" (@hour < 0: the day alone), kept for the run. */
const char  *mops_demo_wall_time         (MopsDemo    *d,
                                          const GDate *date,
                                          int          hour,
                                          int          minute);
/* The local instant of @date at @hour:@minute, and the same never later than now. */
gint64       mops_demo_local_instant     (const GDate *date,
                                          int          hour,
                                          int          minute);
gint64       mops_demo_past_instant      (MopsDemo    *d,
                                          int          days,
                                          int          hour,
                                          int          minute);
/* Reads "HH:MM"; FALSE (and -1, 0) when @text is NULL. */
gboolean     mops_demo_parse_time        (const char  *text,
                                          int         *out_hour,
                                          int         *out_minute);
/* An instant member { "day": -2, "time": "09:15" } or { "date": "{year}-01-20", "time": … },
 * never later than now; 0 when missing. */
gint64       mops_demo_get_instant       (MopsDemo    *d,
                                          JsonObject  *object,
                                          const char  *member);

/* "NOK 6,400.00": English grouping whatever the locale. */
char        *mops_demo_format_money      (gint64       minor,
                                          const char  *currency);

/* ---- the steps, in the order the generator runs them ------------------------------------- */

/* mops-demo-rows.c */
void         mops_demo_add_people_and_places (MopsDemo *d);
void         mops_demo_add_asset_details     (MopsDemo *d);
void         mops_demo_add_licences          (MopsDemo *d);
void         mops_demo_add_tags_and_collections (MopsDemo *d);
void         mops_demo_add_kits              (MopsDemo *d);
/* The current kit's palette for the guidelines: a new array (g_free() it, not the strings). */
MopsDemoColor *mops_demo_dup_palette         (MopsDemo *d,
                                              guint    *out_n_colors);

/* mops-demo-calendar.c */
void         mops_demo_add_content           (MopsDemo *d);

/* mops-demo-budget.c */
void         mops_demo_add_budget            (MopsDemo *d);

G_END_DECLS
