/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-licences.h — licences: records covering many assets, their derived status, checks */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "mops-library.h"
#include "mops-licence-booking.h"

G_BEGIN_DECLS

/* A licence is a record of its own linked to many assets (one agency agreement covers fifty
 * photos); an asset may hold several over time (renewals). Status is derived from the dates,
 * never stored (design §12 "Licence status, exactly"). Dates are "YYYY-MM-DD" local calendar
 * dates; NULL starts_on/expires_on are open ends (expires_on NULL = perpetual); "today" comes
 * from mops_clock (MOPS_NOW, TZ). Functions taking a MopsLibrary use its own connection: call
 * them from the thread that opened it; their _async variants run in a worker on a connection
 * of its own. */

/* ---- Names ------------------------------------------------------------------------------- */

typedef enum
{
  MOPS_LICENCE_KIND_OWNED,             /*< nick=owned >*/
  MOPS_LICENCE_KIND_ROYALTY_FREE,      /*< nick=royalty_free >*/
  MOPS_LICENCE_KIND_RIGHTS_MANAGED,    /*< nick=rights_managed >*/
  MOPS_LICENCE_KIND_CREATIVE_COMMONS,  /*< nick=creative_commons >*/
  MOPS_LICENCE_KIND_EDITORIAL,         /*< nick=editorial >*/
  MOPS_LICENCE_KIND_OTHER,             /*< nick=other >*/
} MopsLicenceKind;

/* Derived status. NONE is "no status": records (role 'record') and trashed assets. */
typedef enum
{
  MOPS_LICENCE_STATUS_NONE,            /*< skip >*/
  MOPS_LICENCE_STATUS_ACTIVE,
  MOPS_LICENCE_STATUS_EXPIRING,
  MOPS_LICENCE_STATUS_EXPIRED,
  MOPS_LICENCE_STATUS_PENDING,
  MOPS_LICENCE_STATUS_MISSING,
} MopsLicenceStatus;

/* Media a licence allows; a channel has exactly one. Flags, so a set is a guint. */
typedef enum
{
  MOPS_MEDIUM_WEB       = 1 << 0,
  MOPS_MEDIUM_SOCIAL    = 1 << 1,
  MOPS_MEDIUM_PRINT     = 1 << 2,
  MOPS_MEDIUM_BROADCAST = 1 << 3,
  MOPS_MEDIUM_OUTDOOR   = 1 << 4,
  MOPS_MEDIUM_EMAIL     = 1 << 5,
} MopsMedium;

#define MOPS_MEDIA_ALL 0x3fu

/* Model and property releases; UNSET is NULL in the table. */
typedef enum
{
  MOPS_RELEASE_UNSET,                  /*< skip >*/
  MOPS_RELEASE_NONE,
  MOPS_RELEASE_UNLIMITED,
  MOPS_RELEASE_LIMITED,
  MOPS_RELEASE_NOT_APPLICABLE,         /*< nick=not_applicable >*/
} MopsRelease;

/* Creative Commons variants; UNSET is NULL in the table. */
typedef enum
{
  MOPS_CC_VARIANT_UNSET,               /*< skip >*/
  MOPS_CC_VARIANT_BY,                  /*< nick=BY >*/
  MOPS_CC_VARIANT_BY_SA,               /*< nick=BY-SA >*/
  MOPS_CC_VARIANT_BY_ND,               /*< nick=BY-ND >*/
  MOPS_CC_VARIANT_BY_NC,               /*< nick=BY-NC >*/
  MOPS_CC_VARIANT_BY_NC_SA,            /*< nick=BY-NC-SA >*/
  MOPS_CC_VARIANT_BY_NC_ND,            /*< nick=BY-NC-ND >*/
  MOPS_CC_VARIANT_CC0,                 /*< nick=CC0 >*/
} MopsCcVariant;

/* Where a licence came from: a person in the app, file metadata (to confirm), mops-cli. */
typedef enum
{
  MOPS_LICENCE_SOURCE_USER,
  MOPS_LICENCE_SOURCE_METADATA,
  MOPS_LICENCE_SOURCE_CLI,
} MopsLicenceSource;

/* Name conversions. *_to_name() return the stable English names of the table, JSON and CLI
 * ("royalty_free", "expiring", "web", "not_applicable", "BY-NC-SA", "metadata"), or NULL for
 * UNSET/NONE or an unknown value. *_from_name() accept any ASCII case and treat "-" and "_"
 * alike ("royalty-free", "BY_NC_SA"); they return FALSE (and leave *@out alone) for an unknown
 * name, NULL or "" — a status is never parsed from "none". *_get_label() return a translated
 * label for people ("Royalty-free"), NULL for UNSET/NONE. */
const char *mops_licence_kind_to_name       (MopsLicenceKind     kind);
gboolean    mops_licence_kind_from_name     (const char         *name,
                                             MopsLicenceKind    *out_kind);
const char *mops_licence_kind_get_label     (MopsLicenceKind     kind);

const char *mops_licence_status_to_name     (MopsLicenceStatus   status);
gboolean    mops_licence_status_from_name   (const char         *name,
                                             MopsLicenceStatus  *out_status);
const char *mops_licence_status_get_label   (MopsLicenceStatus   status);

/* One medium (a single flag) ↔ its name ("web"). */
const char *mops_medium_to_name             (MopsMedium          medium);
gboolean    mops_medium_from_name           (const char         *name,
                                             MopsMedium         *out_medium);
const char *mops_medium_get_label           (MopsMedium          medium);

/* Parses a comma-separated list of media ("web,social", spaces around names ignored) into
 * MopsMedium bits. An empty list is 0; an unknown name is MOPS_ERROR_INVALID. */
gboolean    mops_media_parse                (const char         *list,
                                             guint              *out_media,
                                             GError            **error);

/* The names of the media in @media, in the enum's order. Free with g_strfreev(). */
GStrv       mops_media_to_names             (guint               media);

const char *mops_release_to_name            (MopsRelease         release);
gboolean    mops_release_from_name          (const char         *name,
                                             MopsRelease        *out_release);

const char *mops_cc_variant_to_name         (MopsCcVariant       variant);
gboolean    mops_cc_variant_from_name       (const char         *name,
                                             MopsCcVariant      *out_variant);

const char *mops_licence_source_to_name     (MopsLicenceSource   source);
gboolean    mops_licence_source_from_name   (const char         *name,
                                             MopsLicenceSource  *out_source);

/* ---- Territories ------------------------------------------------------------------------- */

#define MOPS_TERRITORY_WORLDWIDE "worldwide"

/* TRUE when @code (any case) is an ISO 3166-1 alpha-2 country ICU lists
 * (uloc_getISOCountries()). */
gboolean    mops_territory_is_valid         (const char         *code);

/* Parses "de, FR" into upper-case codes, sorted and without duplicates, or "worldwide" (any
 * case) into NULL with *@out_worldwide TRUE. An empty list is worldwide too. An unknown code
 * is MOPS_ERROR_INVALID naming it; "worldwide" mixed with codes is refused as well. Returns
 * TRUE and sets *@out_codes (free with g_strfreev(); NULL when worldwide). */
gboolean    mops_territories_parse          (const char         *list,
                                             gboolean           *out_worldwide,
                                             GStrv              *out_codes,
                                             GError            **error);

/* ---- The licence record ------------------------------------------------------------------ */

#define MOPS_TYPE_LICENCE (mops_licence_get_type ())

/* Every column of the licences table, plus its media, territories and linked assets. Strings
 * are owned by the struct (mops_licence_free() frees them). */
typedef struct
{
  gint64             id;                 /* 0 before it is created */
  char              *licensor;           /* NULL = not recorded */
  MopsLicenceKind    kind;
  MopsCcVariant      cc_variant;         /* creative_commons only */
  char              *cc_version;         /* "4.0" */
  gboolean           worldwide;          /* TRUE exactly when no territory is named (derived
                                          * from territories when saved) */
  GStrv              territories;        /* upper-case ISO 3166-1 alpha-2, sorted; NULL = none */
  guint              media;              /* MopsMedium bits; 0 = no medium named: any medium */
  char              *starts_on;          /* "YYYY-MM-DD"; NULL = open */
  char              *expires_on;         /* "YYYY-MM-DD"; NULL = perpetual */
  gboolean           has_cost;
  gint64             cost;               /* minor units of currency, >= 0; when has_cost */
  char              *currency;           /* ISO 4217, upper case; required with a cost */
  char              *attribution;
  MopsRelease        model_release;
  MopsRelease        property_release;
  gint64             contract_asset_id;  /* the signed document (an asset); 0 = none */
  char              *reference;          /* the licensor's licence or order number */
  char              *notes;
  gboolean           confirmed;          /* FALSE: pre-filled from file metadata */
  MopsLicenceSource  source;
  gint64             created_at;         /* Unix seconds; set by the library */
  gint64             modified_at;
  GArray            *asset_ids;          /* gint64, ascending; filled when loaded */
} MopsLicence;

GType        mops_licence_get_type          (void) G_GNUC_CONST;

/* A new empty licence: kind owned, worldwide, no dates (perpetual), no cost, confirmed,
 * source user, no assets. Free with mops_licence_free(). */
MopsLicence *mops_licence_new               (void);
MopsLicence *mops_licence_copy              (const MopsLicence  *licence);
void         mops_licence_free              (MopsLicence        *licence);

/* The status a licence has on its own (the Licences page) on local date @date (NULL = today,
 * mops_clock): active / expiring by its own expiry date, pending before it starts, expired
 * after it ends; never missing or none. @within is the warning window in days (negative =
 * MOPS_DEFAULT_EXPIRY_WARNING_DAYS; pass mops_library_get_expiry_warning_days()).
 * *@out_has_days_left (may be NULL) is TRUE when the licence has an expiry date, and then
 * *@out_days_left (may be NULL) is expires_on − @date, negative once expired; 0 otherwise. */
MopsLicenceStatus mops_licence_get_status   (const MopsLicence  *licence,
                                             const GDate        *date,
                                             int                 within,
                                             gboolean           *out_has_days_left,
                                             gint64             *out_days_left);

/* ---- Reading and writing ----------------------------------------------------------------- */

/* Loads licence @id with its media, territories and asset ids. NULL with
 * MOPS_ERROR_NOT_FOUND when there is none. Free with mops_licence_free(). */
MopsLicence *mops_licences_load             (MopsLibrary        *library,
                                             gint64              id,
                                             GError            **error);

/* mops_licences_load() in a worker on its own connection (the licence editor). _finish()
 * returns the licence (mops_licence_free()) or NULL with @error. */
void         mops_licences_load_async       (MopsLibrary          *library,
                                             gint64                id,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
MopsLicence *mops_licences_load_finish      (MopsLibrary          *library,
                                             GAsyncResult         *result,
                                             GError              **error);

/* Every licence, by id, each complete as mops_licences_load() makes it (a few queries in
 * all, not one per licence). Element type MopsLicence; free with g_ptr_array_unref(). */
GPtrArray   *mops_licences_list             (MopsLibrary        *library,
                                             GError            **error);

/* The licences linked to one asset, oldest start first (open start first, then id). An
 * unknown asset is MOPS_ERROR_NOT_FOUND. Element type MopsLicence. */
GPtrArray   *mops_licences_for_asset        (MopsLibrary        *library,
                                             gint64              asset_id,
                                             GError            **error);

/* Checks @licence as create and update do, without writing: dates "YYYY-MM-DD" and expiry
 * not before start; a cost never negative and only with a currency; a currency (any case,
 * stored upper case) that ICU knows; territories valid ISO 3166-1 alpha-2 codes (any case,
 * stored upper case, sorted; worldwide is stored exactly when none is named, whatever
 * @licence->worldwide says); a CC variant or version only on a creative_commons licence;
 * enum values and media bits in range. Empty text fields count as NULL. MOPS_ERROR_INVALID
 * with a message naming the value. */
gboolean     mops_licence_validate          (const MopsLicence  *licence,
                                             GError            **error);

/* Creates a licence from @licence (its id, created_at, modified_at and asset_ids are
 * ignored) linked to @asset_ids (may be none), in one transaction: validation first, every
 * asset id and the contract asset checked (MOPS_ERROR_NOT_FOUND, nothing written), the
 * licence with its media and territories, the links, the linked assets' search text (the
 * licensor is searchable), and the contract asset marked as a record (role 'record': hidden
 * from the grid, never "missing"). Territories are stored upper case; no territories means
 * worldwide. Returns the new id, or 0 with @error set. */
gint64       mops_licences_create           (MopsLibrary        *library,
                                             const MopsLicence  *licence,
                                             const gint64       *asset_ids,
                                             guint               n_assets,
                                             GError            **error);

/* Adds a licence as another record kept it — a CSV import, the demo library — with the checks
 * and writes of mops_licences_create(), except that: @licence's created_at and modified_at
 * are kept (0 = now; modified_at 0 = created_at); the linked assets' search text is left for
 * the caller to rebuild once all its rows are in (mops_assets_refresh_search_text()), so a
 * bulk load does not rebuild each asset's text once per licence; and a licence whose source
 * is metadata is recorded on each linked asset as pre-filled from its file
 * (MOPS_LICENCE_METADATA_MARKER), as the previews record the licences they pre-fill. Returns
 * the new id, or 0 with @error set and nothing written. */
gint64       mops_licences_import           (MopsLibrary        *library,
                                             const MopsLicence  *licence,
                                             const gint64       *asset_ids,
                                             guint               n_assets,
                                             GError            **error);

/* Replaces every field of licence @licence->id (not created_at or source; its links stay,
 * @licence->asset_ids is ignored) with the same checks as create, in one transaction, and
 * refreshes the linked assets' search text when the licensor changed. MOPS_ERROR_NOT_FOUND
 * for an unknown id. */
gboolean     mops_licences_update           (MopsLibrary        *library,
                                             const MopsLicence  *licence,
                                             GError            **error);
/* mops_licences_update() and, in the same transaction, attaching @attach_ids and detaching
 * @detach_ids: all of it or nothing (what the licence editor's Save does). */
gboolean     mops_licences_save             (MopsLibrary        *library,
                                             const MopsLicence  *licence,
                                             const gint64       *attach_ids,
                                             guint               n_attach,
                                             const gint64       *detach_ids,
                                             guint               n_detach,
                                             GError            **error);

/* What the licence editor's Save writes, in a worker on its own connection and in one
 * transaction, all of it or nothing: a new licence (@licence->id 0, as mops_licences_create(),
 * linked to @attach_ids; no @detach_ids) or an existing one (as mops_licences_save()), and,
 * when @booking is not NULL, its expense (mops_licences_book_expense() for the licence). Waits
 * for another connection's write as long as SQLite's busy timeout, without blocking the
 * caller. Everything given is copied. _finish() returns the licence's id, or 0 with @error
 * set (MOPS_ERROR_INVALID, MOPS_ERROR_NOT_FOUND, MOPS_ERROR_LOCKED when another writer kept
 * the library for all of the busy timeout) and nothing written. */
void         mops_licences_save_async       (MopsLibrary               *library,
                                             const MopsLicence         *licence,
                                             const gint64              *attach_ids,
                                             guint                      n_attach,
                                             const gint64              *detach_ids,
                                             guint                      n_detach,
                                             const MopsLicenceBooking  *booking,
                                             GCancellable              *cancellable,
                                             GAsyncReadyCallback        callback,
                                             gpointer                   user_data);
gint64       mops_licences_save_finish      (MopsLibrary               *library,
                                             GAsyncResult              *result,
                                             GError                   **error);

/* Deletes licence @id, its links, media and territories; expenses booked for it keep their
 * amount and lose the link. The formerly linked assets' search text is refreshed. The
 * contract stays an asset (a record). MOPS_ERROR_NOT_FOUND for an unknown id. */
gboolean     mops_licences_delete           (MopsLibrary        *library,
                                             gint64              id,
                                             GError            **error);

/* mops_licences_delete() in a worker on its own connection. */
void         mops_licences_delete_async     (MopsLibrary          *library,
                                             gint64                id,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean     mops_licences_delete_finish    (MopsLibrary          *library,
                                             GAsyncResult         *result,
                                             GError              **error);

/* Links (attach) or unlinks (detach) assets and licence @licence_id. Idempotent: attaching
 * a linked asset or detaching an unlinked one changes nothing. The licence and every asset
 * id are checked first: any unknown is MOPS_ERROR_NOT_FOUND and nothing changes. Detaching
 * the last asset keeps the licence. One transaction, search text refreshed. */
gboolean     mops_licences_attach           (MopsLibrary        *library,
                                             gint64              licence_id,
                                             const gint64       *asset_ids,
                                             guint               n_assets,
                                             GError            **error);
gboolean     mops_licences_detach           (MopsLibrary        *library,
                                             gint64              licence_id,
                                             const gint64       *asset_ids,
                                             guint               n_assets,
                                             GError            **error);

/* A person accepts a licence pre-filled from file metadata: confirmed = 1 (no-op when it
 * already is). MOPS_ERROR_NOT_FOUND for an unknown id. */
gboolean     mops_licences_confirm          (MopsLibrary        *library,
                                             gint64              id,
                                             GError            **error);

/* mops_licences_confirm() in a worker on its own connection. */
void         mops_licences_confirm_async    (MopsLibrary          *library,
                                             gint64                id,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean     mops_licences_confirm_finish   (MopsLibrary          *library,
                                             GAsyncResult         *result,
                                             GError              **error);

/* ---- Status of assets -------------------------------------------------------------------- */

/* One asset's licence situation on a date: a row of `mops-cli licences` (cli.md). The
 * licence fields describe the licence shown for the asset — the current one (covering the
 * date, latest expiry, tie → higher id) when there is one; else, when pending, the one that
 * starts next; else, when expired, the one that ended last; none when missing. */
typedef struct
{
  gint64             asset_id;
  gint64             licence_id;     /* 0 = none (missing, or no status) */
  char              *licensor;
  MopsLicenceKind    kind;           /* meaningful when licence_id != 0 */
  char              *starts_on;      /* NULL = open, or no licence */
  char              *expires_on;     /* NULL = perpetual, or no licence */
  char              *covered_until;  /* end of the unbroken chain from the current licence;
                                      * NULL when perpetual or nothing covers the date */
  gboolean           has_days_left;
  gint64             days_left;      /* covered_until − date while covered (≥ 0); when
                                      * expired, expires_on − date (< 0) */
  guint              media;          /* MopsMedium bits of the shown licence */
  gboolean           worldwide;
  GStrv              territories;    /* NULL when worldwide or no licence */
  MopsLicenceStatus  status;
  gboolean           to_confirm;     /* the shown licence is not confirmed yet (pre-filled
                                      * from file metadata) */
} MopsLicenceRow;

/* Frees a row of mops_licences_list_rows() and its strings. */
void         mops_licence_row_free          (MopsLicenceRow     *row);

/* The status of asset @asset_id on local date @date (NULL = today from mops_clock) with a
 * warning window of @within days (negative = the library's expiry_warning_days). Fills
 * @out_row (clear it with mops_licence_row_clear()); records and trashed assets get
 * MOPS_LICENCE_STATUS_NONE and no licence. MOPS_ERROR_NOT_FOUND for an unknown asset. */
gboolean     mops_licences_status_for_asset (MopsLibrary        *library,
                                             gint64              asset_id,
                                             const GDate        *date,
                                             int                 within,
                                             MopsLicenceRow     *out_row,
                                             GError            **error);

/* Frees the strings of a row filled in place and zeroes it. */
void         mops_licence_row_clear         (MopsLicenceRow     *row);

/* The rows of `mops-cli licences`: one per asset that has or needs a licence (not records,
 * not trashed), for its shown licence, on local date @date (NULL = today), ordered by
 * expires_on (NULL last) then asset id. @within: warning window in days (negative = the
 * library's setting). @filter_status: only rows with that status (NONE = all). Computed from
 * a few table scans merged in C, never a query per asset or licence. Element type
 * MopsLicenceRow; free with g_ptr_array_unref(). */
GPtrArray   *mops_licences_list_rows        (MopsLibrary        *library,
                                             const GDate        *date,
                                             int                 within,
                                             MopsLicenceStatus   filter_status,
                                             GError            **error);

/* mops_licences_list_rows() for today in a worker on its own connection (the asset grid's
 * badges; the Licences page and the daily check use mops_licences_list_table_async()). @within negative: the library's setting. */
void         mops_licences_list_rows_async  (MopsLibrary          *library,
                                             int                   within,
                                             MopsLicenceStatus     filter_status,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
GPtrArray   *mops_licences_list_rows_finish (MopsLibrary          *library,
                                             GAsyncResult         *result,
                                             GError              **error);

/* Beside a status in mops_licences_list_attention_finish()'s values: the licence shown waits
 * for a person to confirm it (it came from the file's metadata). */
#define MOPS_LICENCE_ATTENTION_TO_CONFIRM 0x100

/* The assets a person should look at today (the asset grid's badges), in a worker on its own
 * connection: asset id (gint64 *) → GUINT_TO_POINTER (its MopsLicenceStatus, with
 * MOPS_LICENCE_ATTENTION_TO_CONFIRM when its licence waits to be confirmed), for every asset
 * whose status is expiring, expired, pending or missing, or whose licence is to confirm.
 * Free with g_hash_table_unref(). */
void         mops_licences_list_attention_async  (MopsLibrary          *library,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
GHashTable  *mops_licences_list_attention_finish (MopsLibrary          *library,
                                                  GAsyncResult         *result,
                                                  GError              **error);

/* The ids (gint64, ascending) of the assets whose status on @date (NULL = today) is one of
 * @status_mask's bits (1 << MopsLicenceStatus), for filters such as search's `--licence
 * STATUS`; records and trashed assets never match. @within negative: the library's setting.
 * Same cost as the listing without building rows. Free with g_array_unref(). */
GArray      *mops_licences_assets_with_status (MopsLibrary       *library,
                                               guint              status_mask,
                                               const GDate       *date,
                                               int                within,
                                               GError           **error);

/* The same for today in a worker on its own connection (the asset grid's licence filter). */
void         mops_licences_assets_with_status_async  (MopsLibrary          *library,
                                                      guint                 status_mask,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
GArray      *mops_licences_assets_with_status_finish (MopsLibrary          *library,
                                                      GAsyncResult         *result,
                                                      GError              **error);

/* A row of the Licences page: an asset's row of mops_licences_list_rows() with what the
 * table shows of its asset and licence, or a licence that no asset row shows (no assets yet,
 * or an earlier or later licence of an asset whose row shows its current one), with the
 * status the licence has on its own (mops_licence_get_status()). */
typedef struct
{
  MopsLicenceRow *row;            /* for a licence of its own: asset_id is its first asset, or 0 */
  gboolean        of_licence;     /* a licence no asset row shows (not counted as an asset) */
  char           *asset_title;    /* NULL when none */
  char           *original_name;  /* the asset's file name; NULL without an asset */
  char           *sha256;
  char           *mime;
  gboolean        has_cost;
  gint64          cost;           /* minor units of @currency */
  char           *currency;
} MopsLicenceTableRow;

void         mops_licence_table_row_free    (MopsLicenceTableRow *row);

/* A deep copy of @row (its MopsLicenceRow and strings), for handing rows to a worker. Free
 * with mops_licence_table_row_free(). */
MopsLicenceTableRow *mops_licence_table_row_copy (const MopsLicenceTableRow *row);

/* Every row of the Licences page for today, in a worker on its own connection: the asset rows
 * of mops_licences_list_rows() in their order, then every licence no asset row shows, by id.
 * A few queries in all, never one per asset. @within negative: the library's setting.
 * Element type MopsLicenceTableRow; free with g_ptr_array_unref(). */
void         mops_licences_list_table_async  (MopsLibrary          *library,
                                              int                   within,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
GPtrArray   *mops_licences_list_table_finish (MopsLibrary          *library,
                                              GAsyncResult         *result,
                                              GError              **error);

/* How many rows of @table (element type MopsLicenceTableRow, as
 * mops_licences_list_table_finish() gives it) show Expiring and Expired, licences of their
 * own included: what the Licences page's banner and the daily notification both say, so
 * they cannot disagree. Either out pointer may be NULL. */
void         mops_licence_table_count_attention (GPtrArray *table,
                                                 guint     *out_expiring,
                                                 guint     *out_expired);

/* The JSON keys of a row, in order (cli.md): asset_id, licence_id, licensor, kind, starts_on,
 * expires_on, covered_until, days_left, channels, territories, status, to_confirm. */
const char * const *mops_licence_row_get_json_keys (guint *out_n_keys);

/* One row as a JSON object with exactly those keys; unset values are null (never omitted),
 * dates "YYYY-MM-DD", channels the media names ([] when the licence names none, which allows
 * every medium), territories the codes or ["worldwide"]; licence_id and the licence fields
 * (channels, territories too) are null when there is no licence, to_confirm false. Returns a
 * new node (json_node_unref()). */
JsonNode    *mops_licence_row_to_json       (const MopsLicenceRow *row);

/* All @rows (MopsLicenceRow) as a JSON array. Returns a new node (json_node_unref()). */
JsonNode    *mops_licence_rows_to_json      (GPtrArray          *rows);

/* All @rows as CSV (mops-csv-writer.h): the JSON keys as header, arrays joined with ";",
 * CRLF, UTF-8 without a BOM, formulas neutralised. Free with g_free(). */
char        *mops_licence_rows_to_csv       (GPtrArray          *rows);

/* The Licences page's rows (MopsLicenceTableRow) as CSV for finance and legal: the columns
 * of mops_licence_rows_to_csv() (cli.md's keys: ids, licensor, kind, dates, days_left,
 * channels, territories, status, to_confirm), then asset_title, file_name, cost (a decimal
 * in the currency's digits: "49.00", "1234" for JPY), currency, status_label (the status as
 * the page shows it, translated: "Not started") and days_left_label ("in 7 days", "40 days
 * ago"). Same quoting and neutralised formulas. Free with g_free(). */
char        *mops_licence_table_to_csv      (GPtrArray          *table);

/* Writes mops_licence_table_to_csv() of @table to @path in a worker: a temporary file beside
 * it, renamed into place, so a failed or cancelled export never leaves half a file where an
 * older one was. @table (element type MopsLicenceTableRow) is referenced and must not change
 * while the worker runs (give it copies, mops_licence_table_row_copy()). The callback gets
 * @library as its source object. _finish() is FALSE with MOPS_ERROR_IO naming the file (as
 * the person chose it) when it could not be written, G_IO_ERROR_CANCELLED when cancelled
 * before writing. */
void         mops_licence_table_write_csv_async  (MopsLibrary          *library,
                                                  GPtrArray            *table,
                                                  const char           *path,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean     mops_licence_table_write_csv_finish (MopsLibrary          *library,
                                                  GAsyncResult         *result,
                                                  GError              **error);

/* ---- Calendar cross-check ---------------------------------------------------------------- */

/* Why a linked asset may not be used on a date, by its stable code: "expired" (every licence
 * ended before the date), "not_started" (the licence starts after it), "missing" (the asset
 * has no licence), "medium_not_covered" (no covering licence names the channel's medium). */
typedef enum
{
  MOPS_LICENCE_PROBLEM_EXPIRED,             /*< nick=expired >*/
  MOPS_LICENCE_PROBLEM_NOT_STARTED,         /*< nick=not_started >*/
  MOPS_LICENCE_PROBLEM_MISSING,             /*< nick=missing >*/
  MOPS_LICENCE_PROBLEM_MEDIUM_NOT_COVERED,  /*< nick=medium_not_covered >*/
} MopsLicenceProblemCode;

/* A linked asset that may not be used on a content item's date. */
typedef struct
{
  gint64                  asset_id;
  gint64                  licence_id;  /* the licence concerned; 0 when missing */
  MopsLicenceProblemCode  code;
  char                   *message;     /* translated, names the asset and the date */
} MopsLicenceProblem;

void         mops_licence_problem_free      (MopsLicenceProblem *problem);

/* The stable code of a problem for JSON ("expired", "not_started", "missing",
 * "medium_not_covered"). */
const char  *mops_licence_problem_code_to_name (MopsLicenceProblemCode code);

/* Checks the assets linked to content item @content_item_id on local date @date — NULL: the
 * item's own date, the day of publish_at, else the local day of published_at; an item with
 * neither has nothing to check. A linked asset (not a record, not trashed) is a problem when
 * its status on that date is not active or expiring (codes expired, not_started, missing),
 * or, when the item has a channel, when no licence covering the date allows the channel's
 * medium (a licence naming no media allows every medium). Territories are not checked.
 * For content already published, call it again with today's date to find licences that
 * have ended since; for a recurring item, once per occurrence's date. Returns the problems
 * in the item's order of assets (element type MopsLicenceProblem; empty when all is well),
 * or NULL with MOPS_ERROR_NOT_FOUND for an unknown item. */
GPtrArray   *mops_licences_check_content_item (MopsLibrary      *library,
                                               gint64            content_item_id,
                                               const GDate      *date,
                                               GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MopsLicence, mops_licence_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MopsLicenceRow, mops_licence_row_free)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (MopsLicenceRow, mops_licence_row_clear)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MopsLicenceProblem, mops_licence_problem_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MopsLicenceTableRow, mops_licence_table_row_free)

G_END_DECLS
