/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-licence-editor.c — the window that creates or edits one licence */

#include "config.h"

#define G_LOG_DOMAIN "mops-licence-editor"

#include <string.h>

#include <glib/gi18n.h>

#include "core/mops-asset.h"
#include "core/mops-assets.h"
#include "core/mops-clock.h"
#include "core/mops-error.h"
#include "core/mops-import.h"
#include "core/mops-licence-booking.h"
#include "core/mops-licences.h"
#include "core/mops-money.h"
#include "core/mops-previews.h"
#include "mops-book-expense-dialog.h"
#include "mops-licence-editor.h"
#include "ui/widgets/mops-texture-loader.h"

/* A licence may cover thousands of assets; the window lists the first ones. */
#define MAX_ASSET_ROWS       100
#define THUMBNAIL_CACHE_SIZE MAX_ASSET_ROWS
#define THUMBNAIL_SIZE       32
#define N_MEDIA              6

struct _MopsLicenceEditor
{
  AdwWindow          parent_instance;

  MopsLibrary       *library;
  gint64             licence_id;
  MopsLicence       *original;          /* as loaded; NULL for a new licence */
  GArray            *linked_ids;        /* gint64: the assets linked when loaded */
  GArray            *asset_ids;         /* gint64: the assets shown, as they will be saved */
  gint64             contract_asset_id;
  GArray            *imported_contracts; /* gint64: documents this editor brought into the
                                          * library; those the saved licence does not keep go
                                          * to the Trash when the window closes */
  gboolean           saved;
  GCancellable      *cancellable;
  MopsTextureLoader *textures;
  gboolean           importing;
  GtkCheckButton    *media_checks[N_MEDIA];
  MopsPendingBooking *pending;          /* Book as Expense, written on Save */
  GtkCalendar       *picking;           /* whose day was just picked */
  guint              pick_idle;
  GPtrArray         *expenses;          /* MopsLicenceExpense, as loaded; NULL until then */
  char              *expenses_error;    /* why they could not be read */
  gboolean           loading;           /* the licence and its expenses, in workers */
  gboolean           saving;            /* Save (or Delete, Confirm) is being written */

  /* template */
  AdwWindowTitle    *window_title;
  GtkButton         *save_button;
  GtkStack          *stack;
  GtkScrolledWindow *scrolled;
  GtkWidget         *confirm_box;
  GtkLabel          *error_label;
  AdwPreferencesGroup *presets_group;
  AdwEntryRow       *licensor_row;
  AdwComboRow       *kind_row;
  AdwComboRow       *cc_variant_row;
  AdwEntryRow       *cc_version_row;
  AdwEntryRow       *reference_row;
  GtkFlowBox        *media_box;
  GtkSwitch         *worldwide_switch;
  AdwEntryRow       *territories_row;
  GtkLabel          *territories_error;
  AdwEntryRow       *starts_row;
  AdwEntryRow       *expires_row;
  GtkPopover        *starts_popover;
  GtkPopover        *expires_popover;
  GtkCalendar       *starts_calendar;
  GtkCalendar       *expires_calendar;
  GtkLabel          *period_label;
  AdwEntryRow       *cost_row;
  AdwEntryRow       *currency_row;
  GtkLabel          *cost_error;
  AdwPreferencesGroup *expenses_group;
  GtkListBox        *expenses_list;
  AdwEntryRow       *attribution_row;
  AdwComboRow       *model_release_row;
  AdwComboRow       *property_release_row;
  GtkTextView       *notes_view;
  GtkStack          *contract_stack;
  GtkLabel          *contract_label;
  GtkWidget         *open_contract_button;
  GtkWidget         *remove_contract_button;
  GtkWidget         *attach_contract_button;
  AdwPreferencesGroup *assets_group;
  GtkListBox        *assets_list;
  GtkWidget         *delete_button;
  AdwStatusPage     *load_error_page;
};

G_DEFINE_FINAL_TYPE (MopsLicenceEditor, mops_licence_editor, ADW_TYPE_WINDOW)

enum {
  SIGNAL_SAVED,
  SIGNAL_DELETED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The Creative Commons variants in the combo row's order (index + 1 = MopsCcVariant).
 * Translators: names of Creative Commons licences, usually kept as they are */
static const char * const cc_variant_labels[] = {
  N_("CC BY"), N_("CC BY-SA"), N_("CC BY-ND"), N_("CC BY-NC"), N_("CC BY-NC-SA"), N_("CC BY-NC-ND"),
  N_("CC0"),
};

/* Helpers ---------------------------------------------------------------------------------- */

static char *
dup_row_text (AdwEntryRow *row)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));

  g_strstrip (text);
  if (*text == '\0')
    return NULL;

  return g_steal_pointer (&text);
}

static void
set_row_text (AdwEntryRow *row,
              const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

/* A date field shows "YYYY-MM-DD" @ymd in the locale's medium form ("Dec 14, 2026"). */
static void
set_date_row (AdwEntryRow *row,
              const char  *ymd)
{
  g_autofree char *shown = mops_clock_format_local_date (ymd);

  set_row_text (row, shown);
}

static void
set_row_error (GtkWidget *row,
               gboolean   error)
{
  if (error)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
}

/* Shows @message (NULL hides it) under a group, as an error. */
static void
set_inline_error (GtkLabel   *label,
                  const char *message)
{
  gtk_label_set_text (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

/* A row's title is its accessible name; in GTK 4.8 an entry row's text does not get it. */
static void
label_row (GtkWidget *row)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));

  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  if (GTK_IS_EDITABLE (row))
    {
      GtkEditable *delegate = gtk_editable_get_delegate (GTK_EDITABLE (row));

      if (delegate != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (delegate), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
    }
}

static gboolean
array_contains (GArray *ids,
                gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;

  return FALSE;
}

/* The ids in @a that are not in @b. */
static GArray *
array_difference (GArray *a,
                  GArray *b)
{
  GArray *result = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < a->len; i++)
    {
      gint64 id = g_array_index (a, gint64, i);

      if (!array_contains (b, id))
        g_array_append_val (result, id);
    }

  return result;
}

static void
show_error (MopsLicenceEditor *self,
            const char        *message)
{
  set_inline_error (self->error_label, message);
  if (message != NULL)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled), 0);
}

/* Thumbnails, loaded off the main thread ------------------------------------------------ */

static void
load_thumbnail (MopsLicenceEditor *self,
                MopsAsset         *asset,
                GtkPicture        *picture)
{
  const char *sha256 = mops_asset_get_sha256 (asset);
  g_autofree char *path = NULL;

  if (sha256 == NULL)
    return;

  path = mops_previews_thumbnail_path (self->library, sha256, 256);
  mops_texture_loader_show (self->textures, picture, sha256, path, NULL);
}

/* Fields ↔ licence ------------------------------------------------------------------------ */

static void
update_cc_rows (MopsLicenceEditor *self)
{
  gboolean cc = adw_combo_row_get_selected (self->kind_row) == MOPS_LICENCE_KIND_CREATIVE_COMMONS;

  gtk_widget_set_visible (GTK_WIDGET (self->cc_variant_row), cc);
  gtk_widget_set_visible (GTK_WIDGET (self->cc_version_row), cc);
}

static void
set_media (MopsLicenceEditor *self,
           guint              media)
{
  for (guint i = 0; i < N_MEDIA; i++)
    gtk_check_button_set_active (self->media_checks[i], (media & (1u << i)) != 0);
}

static guint
get_media (MopsLicenceEditor *self)
{
  guint media = 0;

  for (guint i = 0; i < N_MEDIA; i++)
    if (gtk_check_button_get_active (self->media_checks[i]))
      media |= 1u << i;

  return media;
}

static void
set_territories (MopsLicenceEditor *self,
                 gboolean           worldwide,
                 GStrv              territories)
{
  g_autofree char *joined = NULL;

  worldwide = worldwide || territories == NULL || territories[0] == NULL;
  joined = worldwide ? NULL : g_strjoinv (", ", territories);
  set_row_text (self->territories_row, joined);
  gtk_switch_set_active (self->worldwide_switch, worldwide);
}

static void
fill_fields (MopsLicenceEditor *self,
             const MopsLicence *licence)
{
  GtkTextBuffer *notes = gtk_text_view_get_buffer (self->notes_view);

  set_row_text (self->licensor_row, licence->licensor);
  adw_combo_row_set_selected (self->kind_row, licence->kind);
  adw_combo_row_set_selected (self->cc_variant_row,
                              licence->cc_variant != MOPS_CC_VARIANT_UNSET ? licence->cc_variant - 1 : 0);
  set_row_text (self->cc_version_row, licence->cc_version);
  set_row_text (self->reference_row, licence->reference);
  set_media (self, licence->media);
  set_territories (self, licence->worldwide, licence->territories);
  set_date_row (self->starts_row, licence->starts_on);
  set_date_row (self->expires_row, licence->expires_on);
  if (licence->has_cost && licence->currency != NULL)
    {
      g_autofree char *cost = mops_money_to_decimal (licence->cost, licence->currency);

      set_row_text (self->cost_row, cost);
      set_row_text (self->currency_row, licence->currency);
    }
  else
    {
      set_row_text (self->cost_row, NULL);
      set_row_text (self->currency_row, NULL);
    }
  set_row_text (self->attribution_row, licence->attribution);
  adw_combo_row_set_selected (self->model_release_row, licence->model_release);
  adw_combo_row_set_selected (self->property_release_row, licence->property_release);
  gtk_text_buffer_set_text (notes, licence->notes != NULL ? licence->notes : "", -1);
  update_cc_rows (self);
}

/* Checks the territories as typed; returns FALSE (and shows why) when they would not save. */
static gboolean
check_territories (MopsLicenceEditor  *self,
                   gboolean           *out_worldwide,
                   GStrv              *out_codes)
{
  g_autofree char *text = dup_row_text (self->territories_row);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) codes = NULL;
  gboolean worldwide = TRUE;

  if (!gtk_switch_get_active (self->worldwide_switch))
    {
      if (!mops_territories_parse (text, &worldwide, &codes, &error))
        {
          set_inline_error (self->territories_error, error->message);
          set_row_error (GTK_WIDGET (self->territories_row), TRUE);
          return FALSE;
        }
      if (worldwide && (text == NULL || g_ascii_strcasecmp (text, MOPS_TERRITORY_WORLDWIDE) != 0))
        {
          set_inline_error (self->territories_error,
                            _("Name at least one country, or switch Worldwide on"));
          set_row_error (GTK_WIDGET (self->territories_row), TRUE);
          return FALSE;
        }
    }

  set_inline_error (self->territories_error, NULL);
  set_row_error (GTK_WIDGET (self->territories_row), FALSE);
  if (out_worldwide != NULL)
    *out_worldwide = worldwide;
  if (out_codes != NULL)
    *out_codes = g_steal_pointer (&codes);
  return TRUE;
}

/* One date field: empty is an open end; else a real date as the locale writes it, or
 * YYYY-MM-DD. *@out_date is "YYYY-MM-DD" or NULL. */
static gboolean
check_date_row (AdwEntryRow  *row,
                char        **out_date)
{
  g_autofree char *text = dup_row_text (row);
  GDate date;
  gboolean ok = text == NULL || mops_clock_parse_local_date (text, &date);

  set_row_error (GTK_WIDGET (row), !ok);
  if (ok && out_date != NULL)
    *out_date = text != NULL ? mops_clock_format_date (&date) : NULL;

  return ok;
}

/* Once a date is typed, it reads as the locale writes dates. */
static void
tidy_date_row (AdwEntryRow *row)
{
  g_autofree char *ymd = NULL;

  if (check_date_row (row, &ymd) && ymd != NULL)
    {
      g_autofree char *shown = mops_clock_format_local_date (ymd);

      if (g_strcmp0 (shown, gtk_editable_get_text (GTK_EDITABLE (row))) != 0)
        set_row_text (row, shown);
    }
}

static gboolean
check_dates (MopsLicenceEditor  *self,
             char              **out_starts,
             char              **out_expires)
{
  g_autofree char *starts = NULL;
  g_autofree char *expires = NULL;
  gboolean starts_ok = check_date_row (self->starts_row, &starts);
  gboolean expires_ok = check_date_row (self->expires_row, &expires);
  const char *message = NULL;
  g_autofree char *formatted = NULL;
  g_autofree char *hint = NULL;
  gboolean ok = starts_ok && expires_ok;

  g_autofree char *example = mops_clock_format_local_date ("2026-12-31");
  g_autofree char *wrong = NULL;

  /* Translators: %s is an example date in the locale's format ("Dec 31, 2026") */
  if (!starts_ok && !expires_ok)
    message = wrong = g_strdup_printf (_("Write both dates as dates, such as %s"), example);
  /* Translators: %s is an example date in the locale's format ("Dec 31, 2026") */
  else if (!starts_ok)
    message = wrong = g_strdup_printf (_("Write the start date as a date, such as %s"), example);
  /* Translators: %s is an example date in the locale's format ("Dec 31, 2026") */
  else if (!expires_ok)
    message = wrong = g_strdup_printf (_("Write the expiry date as a date, such as %s"), example);
  else if (starts != NULL && expires != NULL && strcmp (expires, starts) < 0)
    {
      message = _("The licence expires before it starts");
      set_row_error (GTK_WIDGET (self->expires_row), TRUE);
      ok = FALSE;
    }

  if (message == NULL && expires == NULL)
    hint = g_strdup (_("No expiry date: the licence is perpetual."));
  else if (message == NULL)
    {
      formatted = mops_clock_format_local_date (expires);
      /* Translators: %s is a date in the locale's format */
      hint = g_strdup_printf (_("Covers its assets until %s, that day included."), formatted);
    }

  gtk_label_set_text (self->period_label, message != NULL ? message : hint);
  if (message != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->period_label), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->period_label), "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->period_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->period_label), "dim-label");
    }

  if (ok)
    {
      if (out_starts != NULL)
        *out_starts = g_steal_pointer (&starts);
      if (out_expires != NULL)
        *out_expires = g_steal_pointer (&expires);
    }

  return ok;
}

/* The cost as typed: both empty is no cost; an amount needs a known currency. */
static gboolean
check_cost (MopsLicenceEditor  *self,
            gboolean            typing,
            gboolean           *out_has_cost,
            gint64             *out_cost,
            char              **out_currency)
{
  g_autofree char *amount = dup_row_text (self->cost_row);
  g_autofree char *currency = dup_row_text (self->currency_row);
  g_autofree char *code = NULL;
  g_autoptr(GError) error = NULL;
  gint64 cost = 0;
  gboolean currency_bad = FALSE, amount_bad = FALSE;

  if (currency != NULL)
    {
      code = mops_currency_normalize (currency, typing && strlen (currency) < 3 ? NULL : &error);
      currency_bad = code == NULL && (!typing || strlen (currency) >= 3);
    }

  if (amount != NULL && error == NULL)
    {
      if (code == NULL && !typing)
        {
          g_set_error_literal (&error, MOPS_ERROR, MOPS_ERROR_INVALID,
                               _("Give the cost’s currency as an ISO code, such as EUR"));
          currency_bad = TRUE;
        }
      else if (code != NULL && !mops_money_parse (amount, code, &cost, &error))
        amount_bad = TRUE;
      else if (code != NULL && cost < 0)
        {
          g_set_error_literal (&error, MOPS_ERROR, MOPS_ERROR_INVALID, _("A cost cannot be negative"));
          amount_bad = TRUE;
        }
    }

  set_row_error (GTK_WIDGET (self->cost_row), amount_bad);
  set_row_error (GTK_WIDGET (self->currency_row), currency_bad);
  set_inline_error (self->cost_error, error != NULL ? error->message : NULL);

  if (error != NULL)
    return FALSE;

  if (out_has_cost != NULL)
    *out_has_cost = amount != NULL && code != NULL;
  if (out_cost != NULL)
    *out_cost = cost;
  if (out_currency != NULL)
    *out_currency = amount != NULL ? g_steal_pointer (&code) : NULL;
  return TRUE;
}

/* The licence the fields describe, or NULL when a field is wrong (each says why). */
static MopsLicence *
build_licence (MopsLicenceEditor *self)
{
  g_autoptr(MopsLicence) licence = self->original != NULL ? mops_licence_copy (self->original)
                                                          : mops_licence_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;
  g_autofree char *notes = NULL;
  g_auto(GStrv) codes = NULL;
  g_autofree char *starts = NULL;
  g_autofree char *expires = NULL;
  g_autofree char *currency = NULL;
  gboolean worldwide = TRUE, has_cost = FALSE;
  gint64 cost = 0;
  gboolean ok = TRUE;
  guint kind = adw_combo_row_get_selected (self->kind_row);

  ok &= check_territories (self, &worldwide, &codes);
  ok &= check_dates (self, &starts, &expires);
  ok &= check_cost (self, FALSE, &has_cost, &cost, &currency);
  if (!ok)
    return NULL;

  g_free (licence->licensor);
  licence->licensor = dup_row_text (self->licensor_row);
  licence->kind = kind <= MOPS_LICENCE_KIND_OTHER ? (MopsLicenceKind) kind : MOPS_LICENCE_KIND_OTHER;

  g_clear_pointer (&licence->cc_version, g_free);
  licence->cc_variant = MOPS_CC_VARIANT_UNSET;
  if (licence->kind == MOPS_LICENCE_KIND_CREATIVE_COMMONS)
    {
      licence->cc_variant = (MopsCcVariant) (adw_combo_row_get_selected (self->cc_variant_row) + 1);
      licence->cc_version = dup_row_text (self->cc_version_row);
    }

  g_free (licence->reference);
  licence->reference = dup_row_text (self->reference_row);
  licence->media = get_media (self);
  licence->worldwide = worldwide;
  g_strfreev (licence->territories);
  licence->territories = g_steal_pointer (&codes);
  g_free (licence->starts_on);
  licence->starts_on = g_steal_pointer (&starts);
  g_free (licence->expires_on);
  licence->expires_on = g_steal_pointer (&expires);
  licence->has_cost = has_cost;
  licence->cost = cost;
  g_free (licence->currency);
  licence->currency = g_steal_pointer (&currency);
  g_free (licence->attribution);
  licence->attribution = dup_row_text (self->attribution_row);
  licence->model_release = (MopsRelease) adw_combo_row_get_selected (self->model_release_row);
  licence->property_release = (MopsRelease) adw_combo_row_get_selected (self->property_release_row);
  licence->contract_asset_id = self->contract_asset_id;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  notes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_strstrip (notes);
  g_free (licence->notes);
  licence->notes = *notes != '\0' ? g_steal_pointer (&notes) : NULL;

  return g_steal_pointer (&licence);
}

/* Lists ------------------------------------------------------------------------------------ */

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* A row of a boxed list saying there is nothing to list. */
static GtkWidget *
make_placeholder_row (const char *text)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (text);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  return row;
}

/* A label showing data (a name, an amount): the pseudo-locale test knows it by "data". */
static GtkWidget *
make_data_label (const char *text,
                 gboolean    expand)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, expand);
  gtk_widget_add_css_class (label, "data");
  return label;
}

static void
rebuild_assets_list (MopsLicenceEditor *self)
{
  guint shown = MIN (self->asset_ids->len, MAX_ASSET_ROWS);
  g_autofree char *description = NULL;

  clear_list (self->assets_list);

  if (self->asset_ids->len == 0)
    {
      gtk_list_box_append (self->assets_list, make_placeholder_row (_("This licence covers no assets yet")));
      adw_preferences_group_set_description (self->assets_group, NULL);
      return;
    }

  /* Translators: %u is a number of assets */
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Covers %u asset", "Covers %u assets",
                                              self->asset_ids->len),
                                 self->asset_ids->len);
  adw_preferences_group_set_description (self->assets_group, description);

  for (guint i = 0; i < shown; i++)
    {
      gint64 id = g_array_index (self->asset_ids, gint64, i);
      g_autoptr(MopsAsset) asset = mops_asset_load (self->library, id, NULL);
      g_autofree char *fallback = g_strdup_printf ("#%lld", (long long) id);
      const char *name = asset != NULL ? mops_asset_get_display_name (asset) : fallback;
      g_autofree char *detach_label = NULL;
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *frame = gtk_overlay_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("image-x-generic-symbolic");
      GtkWidget *picture = gtk_picture_new ();
      GtkWidget *button = gtk_button_new_from_icon_name ("list-remove-symbolic");

      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_set_margin_start (box, 8);
      gtk_widget_set_margin_end (box, 6);
      gtk_widget_set_margin_top (box, 6);
      gtk_widget_set_margin_bottom (box, 6);

      gtk_widget_set_size_request (frame, THUMBNAIL_SIZE, THUMBNAIL_SIZE);
      gtk_widget_set_valign (frame, GTK_ALIGN_CENTER);
      gtk_widget_set_overflow (frame, GTK_OVERFLOW_HIDDEN);
      gtk_widget_add_css_class (frame, "licence-thumb");
      gtk_widget_add_css_class (icon, "dim-label");
      gtk_overlay_set_child (GTK_OVERLAY (frame), icon);
      gtk_picture_set_content_fit (GTK_PICTURE (picture), GTK_CONTENT_FIT_COVER);
      gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
      gtk_overlay_add_overlay (GTK_OVERLAY (frame), picture);
      gtk_accessible_update_property (GTK_ACCESSIBLE (frame), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      gtk_box_append (GTK_BOX (box), frame);

      gtk_widget_set_valign (texts, GTK_ALIGN_CENTER);
      gtk_widget_set_hexpand (texts, TRUE);
      gtk_box_append (GTK_BOX (texts), make_data_label (name, TRUE));
      if (!array_contains (self->linked_ids, id))
        {
          GtkWidget *note = gtk_label_new (_("Attached when you save"));

          gtk_label_set_xalign (GTK_LABEL (note), 0);
          gtk_widget_add_css_class (note, "caption");
          gtk_widget_add_css_class (note, "dim-label");
          gtk_box_append (GTK_BOX (texts), note);
        }
      gtk_box_append (GTK_BOX (box), texts);

      /* Translators: %s is an asset's name */
      detach_label = g_strdup_printf (_("Detach “%s”"), name);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Detach from This Licence"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, detach_label, -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "editor.detach");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", id);
      gtk_box_append (GTK_BOX (box), button);

      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      gtk_list_box_append (self->assets_list, row);

      if (asset != NULL)
        load_thumbnail (self, asset, GTK_PICTURE (picture));
    }

  if (shown < self->asset_ids->len)
    {
      guint more = self->asset_ids->len - shown;
      /* Translators: %u is a number of assets not listed */
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more", "and %u more", more),
                                               more);

      gtk_list_box_append (self->assets_list, make_placeholder_row (text));
    }
}

/* The booking Save will write, with the fiscal year it lands in and a way to drop it. */
static GtkWidget *
make_pending_row (const MopsPendingBooking *booking)
{
  g_autofree char *date = mops_clock_format_local_date (booking->date);
  g_autofree char *amount = mops_money_format (booking->amount, booking->currency, NULL);
  g_autofree char *what = g_strdup_printf ("%s · %s", date, booking->team_name);
  /* Translators: %s is a fiscal year's name ("FY 2026") */
  g_autofree char *note = g_strdup_printf (_("Booked in %s when you save"), booking->year_name);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *caption = gtk_label_new (note);
  GtkWidget *amount_label = make_data_label (amount, FALSE);
  GtkWidget *button = gtk_button_new_from_icon_name ("list-remove-symbolic");

  gtk_widget_set_name (row, "pending-booking");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_valign (texts, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (texts), make_data_label (what, TRUE));
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "accent");
  gtk_box_append (GTK_BOX (texts), caption);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_widget_add_css_class (amount_label, "numeric");
  /* An amount is never cut; the text beside it gives way. */
  gtk_label_set_ellipsize (GTK_LABEL (amount_label), PANGO_ELLIPSIZE_NONE);
  gtk_widget_set_valign (amount_label, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), amount_label);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Do Not Book"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Do Not Book"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "editor.discard-booking");
  gtk_box_append (GTK_BOX (box), button);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static void
rebuild_expenses_list (MopsLicenceEditor *self)
{
  GPtrArray *expenses = self->expenses;

  clear_list (self->expenses_list);
  gtk_widget_set_visible (GTK_WIDGET (self->expenses_group), self->licence_id != 0);
  if (self->licence_id == 0)
    return;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.book-expense", TRUE);

  if (expenses == NULL)
    {
      gtk_list_box_append (self->expenses_list,
                           make_placeholder_row (self->expenses_error != NULL ? self->expenses_error : ""));
      return;
    }

  if (self->pending != NULL)
    gtk_list_box_append (self->expenses_list, make_pending_row (self->pending));
  else if (expenses->len == 0)
    {
      gtk_list_box_append (self->expenses_list, make_placeholder_row (_("No expenses booked for this licence")));
      return;
    }

  for (guint i = 0; i < expenses->len; i++)
    {
      const MopsLicenceExpense *expense = g_ptr_array_index (expenses, i);
      g_autofree char *date = mops_clock_format_local_date (expense->date);
      g_autofree char *amount = mops_money_format (expense->amount, expense->currency, NULL);
      g_autofree char *what = g_strdup_printf ("%s · %s", date, expense->team_name);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *amount_label = make_data_label (amount, FALSE);

      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_set_margin_start (box, 12);
      gtk_widget_set_margin_end (box, 12);
      gtk_widget_set_margin_top (box, 12);
      gtk_widget_set_margin_bottom (box, 12);
      gtk_box_append (GTK_BOX (box), make_data_label (what, TRUE));
      gtk_widget_add_css_class (amount_label, "numeric");
      /* An amount is never cut; the text beside it gives way. */
      gtk_label_set_ellipsize (GTK_LABEL (amount_label), PANGO_ELLIPSIZE_NONE);
      gtk_box_append (GTK_BOX (box), amount_label);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      gtk_list_box_append (self->expenses_list, row);
    }
}

static void
update_contract (MopsLicenceEditor *self)
{
  const char *page = "none";

  if (self->importing)
    page = "importing";
  else if (self->contract_asset_id != 0)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(MopsAsset) asset = mops_asset_load (self->library, self->contract_asset_id, &error);
      g_autofree char *fallback = g_strdup_printf ("#%lld", (long long) self->contract_asset_id);

      gtk_label_set_text (self->contract_label, asset != NULL ? mops_asset_get_display_name (asset) : fallback);
      page = "attached";
    }

  gtk_stack_set_visible_child_name (self->contract_stack, page);
  gtk_widget_set_visible (self->open_contract_button, self->contract_asset_id != 0 && !self->importing);
  gtk_widget_set_visible (self->remove_contract_button, self->contract_asset_id != 0 && !self->importing);
  gtk_widget_set_visible (self->attach_contract_button, self->contract_asset_id == 0 && !self->importing);
}

/* Loading: the licence, then its expenses, in workers; the fields show once both are in. */

static void
show_fields (MopsLicenceEditor *self)
{
  gboolean existing = self->original != NULL;

  if (existing)
    {
      fill_fields (self, self->original);
      adw_window_title_set_title (self->window_title, _("Edit Licence"));
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Licence"));
    }
  else
    {
      g_autoptr(MopsLicence) blank = mops_licence_new ();

      fill_fields (self, blank);
      adw_window_title_set_title (self->window_title, _("New Licence"));
      gtk_window_set_title (GTK_WINDOW (self), _("New Licence"));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->presets_group), !existing);
  gtk_widget_set_visible (self->confirm_box, existing && !self->original->confirmed);
  gtk_widget_set_visible (self->delete_button, existing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.delete", existing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.confirm", existing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", TRUE);

  check_dates (self, NULL, NULL);
  rebuild_assets_list (self);
  rebuild_expenses_list (self);
  update_contract (self);
  self->loading = FALSE;
  gtk_stack_set_visible_child_name (self->stack, "form");
}

static void
on_expenses_loaded_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(MopsLicenceEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) expenses = mops_licences_list_expenses_finish (MOPS_LIBRARY (source), result, &error);

  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  if (expenses == NULL)
    self->expenses_error = g_strdup (error->message);
  self->expenses = g_steal_pointer (&expenses);
  show_fields (self);
}

static void
on_licence_loaded_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(MopsLicenceEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(MopsLicence) licence = mops_licences_load_finish (MOPS_LIBRARY (source), result, &error);
  g_autoptr(GArray) extra = NULL;

  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  if (licence == NULL)
    {
      self->loading = FALSE;
      adw_status_page_set_description (self->load_error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  /* The assets it covers first, then those the editor was opened with. */
  extra = g_steal_pointer (&self->asset_ids);
  self->asset_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_vals (self->linked_ids, licence->asset_ids->data, licence->asset_ids->len);
  g_array_append_vals (self->asset_ids, licence->asset_ids->data, licence->asset_ids->len);
  for (guint i = 0; i < extra->len; i++)
    if (!array_contains (self->asset_ids, g_array_index (extra, gint64, i)))
      g_array_append_val (self->asset_ids, g_array_index (extra, gint64, i));
  self->contract_asset_id = licence->contract_asset_id;
  self->original = g_steal_pointer (&licence);

  mops_licences_list_expenses_async (self->library, self->licence_id, self->cancellable,
                                     on_expenses_loaded_cb, g_object_ref (self));
}

static void
load (MopsLicenceEditor *self,
      const gint64      *asset_ids,
      guint              n_asset_ids)
{
  for (guint i = 0; i < n_asset_ids; i++)
    if (!array_contains (self->asset_ids, asset_ids[i]))
      g_array_append_val (self->asset_ids, asset_ids[i]);

  if (self->licence_id == 0)
    {
      show_fields (self);
      return;
    }

  self->loading = TRUE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", FALSE);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  mops_licences_load_async (self->library, self->licence_id, self->cancellable,
                            on_licence_loaded_cb, g_object_ref (self));
}

/* Saving: in a worker, so that a library another connection is writing to (the previews,
 * an import) keeps the window responsive while Save waits its turn. */

static void
set_saving (MopsLicenceEditor *self,
            gboolean           saving)
{
  self->saving = saving;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", !saving);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.delete", !saving && self->licence_id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.confirm", !saving && self->original != NULL);

  if (saving)
    {
      GtkWidget *spinner = gtk_spinner_new ();

      gtk_spinner_start (GTK_SPINNER (spinner));
      gtk_button_set_child (self->save_button, spinner);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->save_button), _("Saving…"));
    }
  else
    {
      gtk_button_set_label (self->save_button, _("_Save"));
      gtk_button_set_use_underline (self->save_button, TRUE);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->save_button), NULL);
    }
}

static void
on_saved_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(MopsLicenceEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 id = mops_licences_save_finish (MOPS_LIBRARY (source), result, &error);

  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  set_saving (self, FALSE);
  if (id == 0)
    {
      /* The window stays, with what was typed, and says why. */
      show_error (self, error->message);
      return;
    }

  self->licence_id = id;
  self->saved = TRUE;
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, self->licence_id);
  gtk_window_close (GTK_WINDOW (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  MopsLicenceEditor *self = MOPS_LICENCE_EDITOR (widget);
  g_autoptr(MopsLicence) licence = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) to_attach = NULL;
  g_autoptr(GArray) to_detach = NULL;
  MopsLicenceBooking booking = { 0 };

  if (self->saving || self->loading)
    return;

  if (self->importing)
    {
      show_error (self, _("Wait until the contract is imported, then save"));
      return;
    }

  show_error (self, NULL);
  licence = build_licence (self);
  if (licence == NULL)
    return;

  if (!mops_licence_validate (licence, &error))
    {
      show_error (self, error->message);
      return;
    }

  to_attach = array_difference (self->asset_ids, self->linked_ids);
  to_detach = array_difference (self->linked_ids, self->asset_ids);
  if (self->pending != NULL)
    {
      booking.team_id = self->pending->team_id;
      booking.date = self->pending->date;
      booking.amount = self->pending->amount;
      booking.currency = self->pending->currency;
      booking.rate = self->pending->rate;
    }

  /* The licence and the expense chosen with Book as Expense: both, or neither. */
  set_saving (self, TRUE);
  mops_licences_save_async (self->library, licence,
                            (const gint64 *) (void *) to_attach->data, to_attach->len,
                            (const gint64 *) (void *) to_detach->data, to_detach->len,
                            self->pending != NULL ? &booking : NULL,
                            self->cancellable, on_saved_cb, g_object_ref (self));
}

/* Actions and callbacks ------------------------------------------------------------------- */

static void
preset_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  MopsLicenceEditor *self = MOPS_LICENCE_EDITOR (widget);
  const char *preset = g_variant_get_string (parameter, NULL);

  gtk_switch_set_active (self->worldwide_switch, TRUE);
  set_row_text (self->expires_row, NULL);

  if (g_str_equal (preset, "owned"))
    {
      /* Our own work: every medium, everywhere, for ever, nothing to pay. */
      adw_combo_row_set_selected (self->kind_row, MOPS_LICENCE_KIND_OWNED);
      set_media (self, 0);
      set_row_text (self->cost_row, NULL);
      set_row_text (self->currency_row, NULL);
    }
  else if (g_str_equal (preset, "stock"))
    {
      /* A standard stock licence: digital and print, not broadcast or billboards. */
      adw_combo_row_set_selected (self->kind_row, MOPS_LICENCE_KIND_ROYALTY_FREE);
      set_media (self, MOPS_MEDIUM_WEB | MOPS_MEDIUM_SOCIAL | MOPS_MEDIUM_PRINT | MOPS_MEDIUM_EMAIL);
    }
  else if (g_str_equal (preset, "cc-by"))
    {
      adw_combo_row_set_selected (self->kind_row, MOPS_LICENCE_KIND_CREATIVE_COMMONS);
      adw_combo_row_set_selected (self->cc_variant_row, MOPS_CC_VARIANT_BY - 1);
      set_row_text (self->cc_version_row, "4.0");
      set_media (self, 0);
      set_row_text (self->cost_row, NULL);
      set_row_text (self->currency_row, NULL);
    }
  else if (g_str_equal (preset, "rights-managed"))
    {
      /* Granted for named uses, places and times: the person fills those in. */
      adw_combo_row_set_selected (self->kind_row, MOPS_LICENCE_KIND_RIGHTS_MANAGED);
      set_media (self, MOPS_MEDIUM_WEB);
      gtk_switch_set_active (self->worldwide_switch, FALSE);
      gtk_widget_grab_focus (GTK_WIDGET (self->territories_row));
      return;
    }

  gtk_widget_grab_focus (GTK_WIDGET (self->licensor_row));
}

static gboolean
close_idle_cb (gpointer user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
on_deleted_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(MopsLicenceEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean deleted = mops_licences_delete_finish (MOPS_LIBRARY (source), result, &error);

  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  set_saving (self, FALSE);
  if (!deleted)
    {
      show_error (self, error->message);
      return;
    }

  g_signal_emit (self, signals[SIGNAL_DELETED], 0, self->licence_id);

  /* Not while the dialog, transient for this window, may still be answering. */
  g_idle_add_full (G_PRIORITY_DEFAULT, close_idle_cb, g_object_ref (self), g_object_unref);
}

static void
on_delete_response_cb (AdwMessageDialog  *dialog,
                       const char        *response,
                       MopsLicenceEditor *self)
{
  if (!g_str_equal (response, "delete") || self->saving)
    return;

  set_saving (self, TRUE);
  mops_licences_delete_async (self->library, self->licence_id, self->cancellable,
                              on_deleted_cb, g_object_ref (self));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  MopsLicenceEditor *self = MOPS_LICENCE_EDITOR (widget);
  guint n = self->linked_ids->len;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  body = n == 0
    ? g_strdup (_("Expenses booked for it keep their amounts. This cannot be undone."))
    /* Translators: %u is a number of assets */
    : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                    "%u asset loses this licence. Expenses booked for it keep their amounts. This cannot be undone.",
                                    "%u assets lose this licence. Expenses booked for it keep their amounts. This cannot be undone.",
                                    n),
                       n);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Delete This Licence?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_confirmed_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(MopsLicenceEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean confirmed = mops_licences_confirm_finish (MOPS_LIBRARY (source), result, &error);

  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  set_saving (self, FALSE);
  if (!confirmed)
    {
      show_error (self, error->message);
      return;
    }

  self->original->confirmed = TRUE;
  gtk_widget_set_visible (self->confirm_box, FALSE);
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, self->licence_id);
}

static void
confirm_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  MopsLicenceEditor *self = MOPS_LICENCE_EDITOR (widget);

  if (self->saving || self->original == NULL)
    return;

  show_error (self, NULL);
  set_saving (self, TRUE);
  mops_licences_confirm_async (self->library, self->licence_id, self->cancellable,
                               on_confirmed_cb, g_object_ref (self));
}

static void
detach_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  MopsLicenceEditor *self = MOPS_LICENCE_EDITOR (widget);
  gint64 id = g_variant_get_int64 (parameter);

  for (guint i = 0; i < self->asset_ids->len; i++)
    {
      if (g_array_index (self->asset_ids, gint64, i) == id)
        {
          g_array_remove_index (self->asset_ids, i);
          break;
        }
    }

  rebuild_assets_list (self);
}

static void
on_booking_chosen_cb (MopsBookExpenseDialog    *dialog,
                      const MopsPendingBooking *booking,
                      MopsLicenceEditor        *self)
{
  MopsPendingBooking *copy = g_new0 (MopsPendingBooking, 1);

  copy->team_id = booking->team_id;
  copy->team_name = g_strdup (booking->team_name);
  copy->date = g_strdup (booking->date);
  copy->amount = booking->amount;
  copy->currency = g_strdup (booking->currency);
  copy->rate = g_strdup (booking->rate);
  copy->year_name = g_strdup (booking->year_name);

  /* Written on Save; Cancel leaves the budget as it was. */
  g_clear_pointer (&self->pending, mops_pending_booking_free);
  self->pending = copy;
  rebuild_expenses_list (self);
}

static void
book_expense_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  MopsLicenceEditor *self = MOPS_LICENCE_EDITOR (widget);
  g_autofree char *currency = NULL;
  gboolean has_cost = FALSE;
  gint64 cost = 0;
  MopsBookExpenseDialog *dialog;

  /* The cost as typed now, else as saved. */
  if (!check_cost (self, FALSE, &has_cost, &cost, &currency) || !has_cost)
    {
      has_cost = self->original != NULL && self->original->has_cost;
      cost = has_cost ? self->original->cost : 0;
      g_free (currency);
      currency = has_cost ? g_strdup (self->original->currency) : NULL;
    }

  dialog = mops_book_expense_dialog_new (GTK_WINDOW (self), self->library, self->licence_id,
                                         has_cost ? cost : 0, currency, self->pending != NULL);
  g_signal_connect_object (dialog, "chosen", G_CALLBACK (on_booking_chosen_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
discard_booking_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  MopsLicenceEditor *self = MOPS_LICENCE_EDITOR (widget);

  g_clear_pointer (&self->pending, mops_pending_booking_free);
  rebuild_expenses_list (self);
}

static void
open_contract_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  MopsLicenceEditor *self = MOPS_LICENCE_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(MopsAsset) asset = mops_asset_load (self->library, self->contract_asset_id, &error);
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;

  if (asset == NULL)
    {
      show_error (self, error->message);
      return;
    }

  path = mops_asset_dup_file_path (asset);
  uri = g_filename_to_uri (path, NULL, NULL);
  if (uri != NULL)
    gtk_show_uri_full (GTK_WINDOW (self), uri, GDK_CURRENT_TIME, NULL, NULL, NULL);
}

static void
remove_contract_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  MopsLicenceEditor *self = MOPS_LICENCE_EDITOR (widget);

  /* The document stays in the library as a record; only the link goes, on save. */
  self->contract_asset_id = 0;
  update_contract (self);
}

/* A contract imported and then not kept (Cancel, or replaced before saving) would stay in the
 * library as an ordinary asset nobody asked for: it goes to the Trash, where it can still be
 * restored. */
static void
on_contracts_trashed_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!mops_assets_trash_finish (MOPS_LIBRARY (source), result, &error))
    g_warning ("Could not move unused contract documents to the Trash: %s", error->message);
}

/* In a worker, not cancelled with the window: it runs when the window has closed. */
static void
trash_contracts (MopsLibrary  *library,
                 const gint64 *ids,
                 guint         n_ids)
{
  if (n_ids > 0)
    mops_assets_trash_async (library, ids, n_ids, NULL, on_contracts_trashed_cb, NULL);
}

static void
discard_unused_contracts (MopsLicenceEditor *self)
{
  g_autoptr(GArray) unused = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (self->imported_contracts == NULL || self->library == NULL)
    return;

  for (guint i = 0; i < self->imported_contracts->len; i++)
    {
      gint64 id = g_array_index (self->imported_contracts, gint64, i);

      if (!self->saved || id != self->contract_asset_id)
        g_array_append_val (unused, id);
    }

  trash_contracts (self->library, (const gint64 *) (void *) unused->data, unused->len);
  g_clear_pointer (&self->imported_contracts, g_array_unref);
}

static void
on_contract_imported_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(MopsLicenceEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(MopsImportReport) report = mops_import_finish (MOPS_LIBRARY (source), result, &error);
  const MopsImportItem *item = NULL;

  if (report != NULL && report->added->len > 0)
    {
      item = g_ptr_array_index (report->added, 0);

      /* The window closed while the file came in: nobody will save it as a contract. */
      if (g_cancellable_is_cancelled (self->cancellable))
        {
          if (!item->restored)
            trash_contracts (MOPS_LIBRARY (source), &item->id, 1);
          return;
        }
      if (!item->restored)
        g_array_append_val (self->imported_contracts, item->id);
    }

  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  self->importing = FALSE;
  if (item == NULL && report != NULL && report->duplicates->len > 0)
    item = g_ptr_array_index (report->duplicates, 0);

  if (item != NULL && item->id != 0)
    self->contract_asset_id = item->id;
  else if (report != NULL && report->failed->len > 0)
    show_error (self, ((const MopsImportItem *) g_ptr_array_index (report->failed, 0))->error);
  else if (error != NULL)
    show_error (self, error->message);

  update_contract (self);
}

static void
on_contract_chosen_cb (GtkNativeDialog   *dialog,
                       int                response,
                       MopsLicenceEditor *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        mops_licence_editor_attach_contract (self, file);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
attach_contract_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  MopsLicenceEditor *self = MOPS_LICENCE_EDITOR (widget);
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Attach Contract"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_contract_chosen_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
on_kind_changed_cb (MopsLicenceEditor *self)
{
  update_cc_rows (self);
}

static void
on_worldwide_changed_cb (MopsLicenceEditor *self)
{
  gboolean worldwide = gtk_switch_get_active (self->worldwide_switch);

  gtk_widget_set_visible (GTK_WIDGET (self->territories_row), !worldwide);
  if (worldwide)
    {
      set_inline_error (self->territories_error, NULL);
      set_row_error (GTK_WIDGET (self->territories_row), FALSE);
    }
}

static void
on_territories_changed_cb (MopsLicenceEditor *self)
{
  g_autofree char *text = dup_row_text (self->territories_row);

  /* Checked as typed; an empty field only counts on Save. */
  if (text == NULL)
    {
      set_inline_error (self->territories_error, NULL);
      set_row_error (GTK_WIDGET (self->territories_row), FALSE);
      return;
    }

  check_territories (self, NULL, NULL);
}

static void
on_dates_changed_cb (MopsLicenceEditor *self)
{
  check_dates (self, NULL, NULL);
}

static void
on_cost_changed_cb (MopsLicenceEditor *self)
{
  check_cost (self, TRUE, NULL, NULL, NULL);
}

/* The calendar opens on the date typed, else today. */
static void
show_date_in_calendar (AdwEntryRow *row,
                       GtkCalendar *calendar)
{
  g_autofree char *text = dup_row_text (row);
  GDate date;
  g_autoptr(GDateTime) when = NULL;

  if (text != NULL && mops_clock_parse_local_date (text, &date))
    when = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                  g_date_get_day (&date), 12, 0, 0);
  else
    when = mops_clock_now ();

  if (when != NULL)
    gtk_calendar_select_day (calendar, when);
}

static void
take_date_from_calendar (AdwEntryRow *row,
                         GtkCalendar *calendar,
                         GtkPopover  *popover)
{
  g_autoptr(GDateTime) when = gtk_calendar_get_date (calendar);
  g_autofree char *text = g_date_time_format (when, "%Y-%m-%d");

  set_date_row (row, text);
  gtk_popover_popdown (popover);
}

static void
on_starts_popover_show_cb (MopsLicenceEditor *self)
{
  show_date_in_calendar (self->starts_row, self->starts_calendar);
}

static void
on_expires_popover_show_cb (MopsLicenceEditor *self)
{
  show_date_in_calendar (self->expires_row, self->expires_calendar);
}

/* A day was picked in @calendar: its date goes to its field once the calendar has selected
 * it. GtkCalendar says "day-selected" only when the date changes, so a click on the day
 * already highlighted (after moving to another year, say) said nothing: a click or key on
 * any day picks it. */
static gboolean
take_picked_date_cb (gpointer user_data)
{
  MopsLicenceEditor *self = user_data;

  self->pick_idle = 0;
  if (self->picking == self->starts_calendar && gtk_widget_get_visible (GTK_WIDGET (self->starts_popover)))
    take_date_from_calendar (self->starts_row, self->starts_calendar, self->starts_popover);
  else if (self->picking == self->expires_calendar && gtk_widget_get_visible (GTK_WIDGET (self->expires_popover)))
    take_date_from_calendar (self->expires_row, self->expires_calendar, self->expires_popover);
  self->picking = NULL;

  return G_SOURCE_REMOVE;
}

static void
pick_date_soon (MopsLicenceEditor *self,
                GtkCalendar       *calendar)
{
  self->picking = calendar;
  if (self->pick_idle == 0)
    self->pick_idle = g_idle_add (take_picked_date_cb, self);
}

/* Seen before the calendar's own handling (capture phase): a press on a day's number. */
static void
on_calendar_pressed_cb (GtkGestureClick   *gesture,
                        int                n_press,
                        double             x,
                        double             y,
                        MopsLicenceEditor *self)
{
  GtkWidget *calendar = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  GtkWidget *target = gtk_widget_pick (calendar, x, y, GTK_PICK_DEFAULT);

  for (; target != NULL && target != calendar; target = gtk_widget_get_parent (target))
    {
      if (gtk_widget_has_css_class (target, "day-number"))
        {
          pick_date_soon (self, GTK_CALENDAR (calendar));
          return;
        }
    }
}

static gboolean
on_calendar_key_pressed_cb (GtkEventControllerKey *controller,
                            guint                  keyval,
                            guint                  keycode,
                            GdkModifierType        state,
                            MopsLicenceEditor     *self)
{
  GtkWidget *calendar = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  if (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter ||
      keyval == GDK_KEY_space || keyval == GDK_KEY_KP_Space)
    pick_date_soon (self, GTK_CALENDAR (calendar));

  return GDK_EVENT_PROPAGATE;
}

/* Enter in a date field takes the date and moves on, as Tab would; it does not save. */
static void
on_starts_activated_cb (MopsLicenceEditor *self)
{
  tidy_date_row (self->starts_row);
  gtk_widget_grab_focus (GTK_WIDGET (self->expires_row));
}

static void
on_expires_activated_cb (MopsLicenceEditor *self)
{
  tidy_date_row (self->expires_row);
  gtk_widget_grab_focus (GTK_WIDGET (self->cost_row));
}

static void
on_date_row_focus_leave_cb (GtkEventControllerFocus *controller,
                            MopsLicenceEditor       *self)
{
  tidy_date_row (ADW_ENTRY_ROW (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller))));
}

/* Setup ----------------------------------------------------------------------------------- */

static void
fill_models (MopsLicenceEditor *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) variants = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) model_releases = NULL;
  g_autoptr(GtkStringList) property_releases = NULL;
  const char *releases[] = {
    _("Not Recorded"), _("None"), _("Unlimited"), _("Limited"), _("Not Applicable"), NULL,
  };

  for (int kind = MOPS_LICENCE_KIND_OWNED; kind <= MOPS_LICENCE_KIND_OTHER; kind++)
    gtk_string_list_append (kinds, mops_licence_kind_get_label ((MopsLicenceKind) kind));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));

  for (guint i = 0; i < G_N_ELEMENTS (cc_variant_labels); i++)
    gtk_string_list_append (variants, _(cc_variant_labels[i]));
  adw_combo_row_set_model (self->cc_variant_row, G_LIST_MODEL (variants));

  model_releases = gtk_string_list_new (releases);
  property_releases = gtk_string_list_new (releases);
  adw_combo_row_set_model (self->model_release_row, G_LIST_MODEL (model_releases));
  adw_combo_row_set_model (self->property_release_row, G_LIST_MODEL (property_releases));

  for (guint i = 0; i < N_MEDIA; i++)
    {
      GtkWidget *check = gtk_check_button_new_with_label (mops_medium_get_label ((MopsMedium) (1u << i)));

      self->media_checks[i] = GTK_CHECK_BUTTON (check);
      gtk_flow_box_append (self->media_box, check);
    }
}

static void
label_rows (MopsLicenceEditor *self)
{
  GtkWidget *rows[] = {
    GTK_WIDGET (self->licensor_row), GTK_WIDGET (self->kind_row), GTK_WIDGET (self->cc_variant_row),
    GTK_WIDGET (self->cc_version_row), GTK_WIDGET (self->reference_row),
    GTK_WIDGET (self->territories_row), GTK_WIDGET (self->starts_row), GTK_WIDGET (self->expires_row),
    GTK_WIDGET (self->cost_row), GTK_WIDGET (self->currency_row), GTK_WIDGET (self->attribution_row),
    GTK_WIDGET (self->model_release_row), GTK_WIDGET (self->property_release_row),
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    label_row (rows[i]);
}

/* GObject --------------------------------------------------------------------------------- */

/* A window closed (Cancel, Escape, its parent going) stops its workers: their callbacks hold
 * a reference, so dispose alone would come only after they finished. */
static gboolean
mops_licence_editor_close_request (GtkWindow *window)
{
  g_cancellable_cancel (MOPS_LICENCE_EDITOR (window)->cancellable);

  return GTK_WINDOW_CLASS (mops_licence_editor_parent_class)->close_request (window);
}

static void
mops_licence_editor_unroot (GtkWidget *widget)
{
  g_cancellable_cancel (MOPS_LICENCE_EDITOR (widget)->cancellable);

  GTK_WIDGET_CLASS (mops_licence_editor_parent_class)->unroot (widget);
}

static void
mops_licence_editor_dispose (GObject *object)
{
  MopsLicenceEditor *self = (MopsLicenceEditor *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->pick_idle, g_source_remove);
  if (self->textures != NULL)
    mops_texture_loader_cancel (self->textures);
  discard_unused_contracts (self);
  gtk_widget_dispose_template (GTK_WIDGET (object), MOPS_TYPE_LICENCE_EDITOR);

  G_OBJECT_CLASS (mops_licence_editor_parent_class)->dispose (object);
}

static void
mops_licence_editor_finalize (GObject *object)
{
  MopsLicenceEditor *self = (MopsLicenceEditor *) object;

  g_clear_pointer (&self->original, mops_licence_free);
  g_clear_pointer (&self->pending, mops_pending_booking_free);
  g_clear_pointer (&self->expenses, g_ptr_array_unref);
  g_clear_pointer (&self->expenses_error, g_free);
  g_clear_pointer (&self->linked_ids, g_array_unref);
  g_clear_pointer (&self->asset_ids, g_array_unref);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->textures);
  g_clear_object (&self->library);

  G_OBJECT_CLASS (mops_licence_editor_parent_class)->finalize (object);
}

static void
mops_licence_editor_class_init (MopsLicenceEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mops_licence_editor_dispose;
  object_class->finalize = mops_licence_editor_finalize;
  widget_class->unroot = mops_licence_editor_unroot;
  GTK_WINDOW_CLASS (klass)->close_request = mops_licence_editor_close_request;

  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[SIGNAL_DELETED] = g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/mopsapp/Mops/licences/mops-licence-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, MopsLicenceEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, MopsLicenceEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, MopsLicenceEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, MopsLicenceEditor, scrolled);
  gtk_widget_class_bind_template_child (widget_class, MopsLicenceEditor, confirm_box);
  gtk_widget_class_bind_template_child (widget_class, MopsLicenceEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, MopsLicenceEditor, presets_group);
  gtk_widget_class_bind_template_child (widget_class, MopsLicenceEditor, licensor_row);
  gtk_widget_class_bind_template_child (widget_class, MopsLicenceEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, MopsLicenceEditor, cc_variant_row);
  gtk_widget_class_bind_template_child (widget_class, MopsLicenceEditor, cc_version_row);
  gtk_widget_class_bind_template_child (widget_class, MopsLicenceEditor, reference_row);
  gtk_widget_class_bind_template_child (widget_class, MopsLicenceEditor, media_box);
  gtk_widget_class_bind_template_child (widget_class, MopsLicenceEditor, worldwide_switch);
  gtk_widget_class_bind_template_child (widget_class, MopsLicenceEditor, territories_row);
  gtk_widget_class_bind_template_child (widget_class, MopsLicenceEditor, territories_error);
  gtk_widget_class_bind_template_child (widget_class, MopsLicenceEditor, starts_row);
  gtk_widget_class_bind_template_child (widget_class, MopsLicenceEditor, expires_row);
  gtk_widget_class_bind_template_child (widget_class, MopsLicenceEditor, starts_popover);
  gtk_widget_class_bind_template_child (widget_class, MopsLicenceEditor, expires_popover);
  gtk_widget_class_bind_template_child (widget_class, MopsLicenceEditor, starts_calendar);
  gtk_widget_class_bind_template_child (widget_class, MopsLicenceEditor, expires_calendar);
  gtk_widget_class_bind_template_child (widget_class, MopsLicenceEditor, period_label);
  gtk_widget_class_bind_template_child (widget_class, MopsLicenceEditor, cost_row);
  gtk_widget_class_bind_template_child (widget_class, MopsLicenceEditor, currency_row);
  gtk_widget_class_bind_template_child (widget_class, MopsLicenceEditor, cost_error);
  gtk_widget_class_bind_template_child (widget_class, MopsLicenceEditor, expenses_group);
  gtk_widget_class_bind_template_child (widget_class, MopsLicenceEditor, expenses_list);
  gtk_widget_class_bind_template_child (widget_class, MopsLicenceEditor, attribution_row);
  gtk_widget_class_bind_template_child (widget_class, MopsLicenceEditor, model_release_row);
  gtk_widget_class_bind_template_child (widget_class, MopsLicenceEditor, property_release_row);
  gtk_widget_class_bind_template_child (widget_class, MopsLicenceEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, MopsLicenceEditor, contract_stack);
  gtk_widget_class_bind_template_child (widget_class, MopsLicenceEditor, contract_label);
  gtk_widget_class_bind_template_child (widget_class, MopsLicenceEditor, open_contract_button);
  gtk_widget_class_bind_template_child (widget_class, MopsLicenceEditor, remove_contract_button);
  gtk_widget_class_bind_template_child (widget_class, MopsLicenceEditor, attach_contract_button);
  gtk_widget_class_bind_template_child (widget_class, MopsLicenceEditor, assets_group);
  gtk_widget_class_bind_template_child (widget_class, MopsLicenceEditor, assets_list);
  gtk_widget_class_bind_template_child (widget_class, MopsLicenceEditor, delete_button);
  gtk_widget_class_bind_template_child (widget_class, MopsLicenceEditor, load_error_page);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_worldwide_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_territories_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_dates_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_cost_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_starts_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_expires_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_starts_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_expires_activated_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "editor.confirm", NULL, confirm_action);
  gtk_widget_class_install_action (widget_class, "editor.preset", "s", preset_action);
  gtk_widget_class_install_action (widget_class, "editor.detach", "x", detach_action);
  gtk_widget_class_install_action (widget_class, "editor.book-expense", NULL, book_expense_action);
  gtk_widget_class_install_action (widget_class, "editor.discard-booking", NULL, discard_booking_action);
  gtk_widget_class_install_action (widget_class, "editor.attach-contract", NULL, attach_contract_action);
  gtk_widget_class_install_action (widget_class, "editor.open-contract", NULL, open_contract_action);
  gtk_widget_class_install_action (widget_class, "editor.remove-contract", NULL, remove_contract_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mops_licence_editor_init (MopsLicenceEditor *self)
{
  self->cancellable = g_cancellable_new ();
  self->imported_contracts = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->textures = mops_texture_loader_new (THUMBNAIL_CACHE_SIZE);
  self->linked_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->asset_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Enabled by load() for a licence that exists */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.delete", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.confirm", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.book-expense", FALSE);
  fill_models (self);
  label_rows (self);

  {
    AdwEntryRow *date_rows[] = { self->starts_row, self->expires_row };
    GtkCalendar *calendars[] = { self->starts_calendar, self->expires_calendar };

    for (guint i = 0; i < G_N_ELEMENTS (date_rows); i++)
      {
        GtkEventController *focus = gtk_event_controller_focus_new ();
        GtkGesture *click = gtk_gesture_click_new ();
        GtkEventController *keys = gtk_event_controller_key_new ();

        g_signal_connect (focus, "leave", G_CALLBACK (on_date_row_focus_leave_cb), self);
        gtk_widget_add_controller (GTK_WIDGET (date_rows[i]), focus);

        gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
        g_signal_connect (click, "pressed", G_CALLBACK (on_calendar_pressed_cb), self);
        gtk_widget_add_controller (GTK_WIDGET (calendars[i]), GTK_EVENT_CONTROLLER (click));

        gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
        g_signal_connect (keys, "key-pressed", G_CALLBACK (on_calendar_key_pressed_cb), self);
        gtk_widget_add_controller (GTK_WIDGET (calendars[i]), keys);
      }
  }
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));
}

/* Public ---------------------------------------------------------------------------------- */

MopsLicenceEditor *
mops_licence_editor_new (GtkWindow    *parent,
                         MopsLibrary  *library,
                         gint64        licence_id,
                         const gint64 *asset_ids,
                         guint         n_asset_ids)
{
  MopsLicenceEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (MOPS_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (licence_id >= 0, NULL);
  g_return_val_if_fail (asset_ids != NULL || n_asset_ids == 0, NULL);

  self = g_object_new (MOPS_TYPE_LICENCE_EDITOR, "transient-for", parent, NULL);
  self->library = g_object_ref (library);
  g_signal_connect_object (library, "previews-changed",
                           G_CALLBACK (mops_texture_loader_retry), self->textures, G_CONNECT_SWAPPED);
  self->licence_id = licence_id;
  load (self, asset_ids, n_asset_ids);

  return self;
}

gint64
mops_licence_editor_get_licence_id (MopsLicenceEditor *self)
{
  g_return_val_if_fail (MOPS_IS_LICENCE_EDITOR (self), 0);

  return self->licence_id;
}

gboolean
mops_licence_editor_is_loading (MopsLicenceEditor *self)
{
  g_return_val_if_fail (MOPS_IS_LICENCE_EDITOR (self), FALSE);

  return self->loading;
}

gboolean
mops_licence_editor_is_saving (MopsLicenceEditor *self)
{
  g_return_val_if_fail (MOPS_IS_LICENCE_EDITOR (self), FALSE);

  return self->saving;
}

gboolean
mops_licence_editor_is_busy (MopsLicenceEditor *self)
{
  g_return_val_if_fail (MOPS_IS_LICENCE_EDITOR (self), FALSE);

  return self->importing;
}

void
mops_licence_editor_attach_contract (MopsLicenceEditor *self,
                                     GFile             *file)
{
  g_autofree char *path = NULL;
  const char *paths[2] = { NULL, NULL };

  g_return_if_fail (MOPS_IS_LICENCE_EDITOR (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->importing)
    return;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      show_error (self, _("Only local files can be attached as a contract"));
      return;
    }

  paths[0] = path;
  self->importing = TRUE;
  show_error (self, NULL);
  update_contract (self);
  mops_import_async (self->library, paths, NULL, NULL, NULL, self->cancellable,
                     on_contract_imported_cb, g_object_ref (self));
}
