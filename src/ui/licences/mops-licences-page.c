/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-licences-page.c — the Licences page: every asset's licence in a sortable, filterable table */

#include "config.h"

#define G_LOG_DOMAIN "mops-licences-page"

#include <string.h>

#include <glib/gi18n.h>

#include "core/mops-asset.h"
#include "core/mops-clock.h"
#include "core/mops-error.h"
#include "core/mops-licences.h"
#include "core/mops-money.h"
#include "core/mops-previews.h"
#include "core/mops-search.h"
#include "core/mops-text.h"
#include "mops-licence-editor.h"
#include "mops-licences-page.h"
#include "ui/widgets/mops-texture-loader.h"

#define TEXTURE_CACHE_SIZE 400
#define THUMBNAIL_SIZE     40

/* One row of the table: a MopsLicenceRow with what the columns show beside it ------------ */

#define MOPS_TYPE_LICENCE_ROW_ITEM (mops_licence_row_item_get_type ())

G_DECLARE_FINAL_TYPE (MopsLicenceRowItem, mops_licence_row_item, MOPS, LICENCE_ROW_ITEM, GObject)

struct _MopsLicenceRowItem
{
  GObject         parent_instance;

  MopsLicenceTableRow *table_row;  /* what the CSV export writes */
  MopsLicenceRow *row;             /* table_row's */
  char           *name;          /* the asset's display name */
  char           *sha256;
  char           *mime;
  char           *folded_licensor;
  char           *channels;
  char           *territories;
  char           *expires;       /* in the locale's format */
  gboolean        has_cost;
  gint64          cost;
  char           *currency;
  char           *cost_text;
};

G_DEFINE_FINAL_TYPE (MopsLicenceRowItem, mops_licence_row_item, G_TYPE_OBJECT)

static void
mops_licence_row_item_finalize (GObject *object)
{
  MopsLicenceRowItem *self = (MopsLicenceRowItem *) object;

  g_clear_pointer (&self->table_row, mops_licence_table_row_free);
  g_free (self->name);
  g_free (self->sha256);
  g_free (self->mime);
  g_free (self->folded_licensor);
  g_free (self->channels);
  g_free (self->territories);
  g_free (self->expires);
  g_free (self->currency);
  g_free (self->cost_text);

  G_OBJECT_CLASS (mops_licence_row_item_parent_class)->finalize (object);
}

static void
mops_licence_row_item_class_init (MopsLicenceRowItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mops_licence_row_item_finalize;
}

static void
mops_licence_row_item_init (MopsLicenceRowItem *self)
{
}

static char *
format_channels (guint media)
{
  g_autoptr(GString) text = g_string_new (NULL);

  /* A licence naming no medium allows every medium. */
  if (media == 0 || media == MOPS_MEDIA_ALL)
    return g_strdup (_("All channels"));

  for (guint bit = 1; bit <= MOPS_MEDIUM_EMAIL; bit <<= 1)
    {
      if ((media & bit) == 0)
        continue;
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, mops_medium_get_label ((MopsMedium) bit));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Takes @table_row. */
static MopsLicenceRowItem *
mops_licence_row_item_new (MopsLicenceTableRow *table_row)
{
  MopsLicenceRowItem *self = g_object_new (MOPS_TYPE_LICENCE_ROW_ITEM, NULL);
  MopsLicenceRow *row = table_row->row;

  self->table_row = table_row;
  self->row = row;
  if (table_row->original_name != NULL)
    {
      self->name = g_strdup (table_row->asset_title != NULL ? table_row->asset_title
                                                            : table_row->original_name);
      self->sha256 = g_strdup (table_row->sha256);
      self->mime = g_strdup (table_row->mime);
    }
  else if (row->asset_id == 0)
    self->name = g_strdup (_("No assets"));
  else
    self->name = g_strdup_printf ("#%" G_GINT64_FORMAT, row->asset_id);

  self->folded_licensor = mops_text_fold (row->licensor != NULL ? row->licensor : "");
  self->expires = mops_clock_format_local_date (row->expires_on);

  if (row->licence_id != 0)
    {
      self->channels = format_channels (row->media);
      self->territories = row->worldwide || row->territories == NULL
                            ? g_strdup (_("Worldwide"))
                            : g_strjoinv (", ", row->territories);
    }

  if (table_row->has_cost)
    {
      self->has_cost = TRUE;
      self->cost = table_row->cost;
      self->currency = g_strdup (table_row->currency);
      self->cost_text = mops_money_format (self->cost, self->currency, NULL);
    }

  return self;
}

/* The page ----------------------------------------------------------------------------- */

typedef enum
{
  COLUMN_THUMBNAIL,
  COLUMN_NAME,
  COLUMN_STATUS,
  COLUMN_LICENSOR,
  COLUMN_KIND,
  COLUMN_CHANNELS,
  COLUMN_TERRITORIES,
  COLUMN_EXPIRES,
  COLUMN_DAYS_LEFT,
  COLUMN_COST,
  N_COLUMNS
} Column;

struct _MopsLicencesPage
{
  GtkWidget           parent_instance;

  MopsLibrary        *library;
  GCancellable       *cancellable;
  GListStore         *store;
  GtkFilter          *filter;
  GtkFilterListModel *filtered;
  GtkSortListModel   *sorted;
  MopsTextureLoader  *textures;       /* by sha256 */
  GtkColumnViewColumn *columns[N_COLUMNS];
  guint               generation;
  gboolean            loading;
  gboolean            loaded_once;
  guint               n_expiring;
  guint               n_expired;
  guint               n_exporting;    /* CSV files being written */
  guint               layout_idle;
  int                 layout_width;   /* the table width the columns are laid out for */

  /* template */
  AdwToastOverlay    *toast_overlay;
  GtkRevealer        *banner_revealer;
  GtkLabel           *banner_label;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *status_dropdown;
  GtkDropDown        *kind_dropdown;
  GtkStack           *view_stack;
  GtkScrolledWindow  *table_scroller;
  GtkColumnView      *column_view;
};

G_DEFINE_FINAL_TYPE (MopsLicencesPage, mops_licences_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LIBRARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The status dropdown's items, in order; after the statuses comes "To Confirm". */
static const MopsLicenceStatus status_by_index[] = {
  MOPS_LICENCE_STATUS_NONE,
  MOPS_LICENCE_STATUS_ACTIVE,
  MOPS_LICENCE_STATUS_EXPIRING,
  MOPS_LICENCE_STATUS_EXPIRED,
  MOPS_LICENCE_STATUS_PENDING,
  MOPS_LICENCE_STATUS_MISSING,
};
#define STATUS_INDEX_TO_CONFIRM G_N_ELEMENTS (status_by_index)

static void load_rows (MopsLicencesPage *self);

/* Helpers -------------------------------------------------------------------------------- */

static void
show_toast (MopsLicencesPage *self,
            const char       *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

static void
show_error (MopsLicencesPage *self,
            const GError     *error)
{
  AdwToast *toast = adw_toast_new (error->message);

  /* Shown at once, not after the toasts before it. */
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static const char *
icon_for_mime (const char *mime)
{
  switch (mops_asset_type_for_mime (mime))
    {
    case MOPS_ASSET_TYPE_IMAGE:
    case MOPS_ASSET_TYPE_VECTOR:
      return "image-x-generic-symbolic";
    case MOPS_ASSET_TYPE_DOCUMENT:
      return "x-office-document-symbolic";
    case MOPS_ASSET_TYPE_FONT:
      return "font-x-generic-symbolic";
    case MOPS_ASSET_TYPE_VIDEO:
      return "video-x-generic-symbolic";
    case MOPS_ASSET_TYPE_OTHER:
    default:
      return "package-x-generic-symbolic";
    }
}

static const char *
style_for_status (MopsLicenceStatus status)
{
  switch (status)
    {
    case MOPS_LICENCE_STATUS_ACTIVE:
      return "success";
    case MOPS_LICENCE_STATUS_EXPIRING:
    case MOPS_LICENCE_STATUS_PENDING:
      return "warning";
    case MOPS_LICENCE_STATUS_EXPIRED:
    case MOPS_LICENCE_STATUS_MISSING:
      return "error";
    case MOPS_LICENCE_STATUS_NONE:
    default:
      return NULL;
    }
}

static void
update_view (MopsLicencesPage *self)
{
  const char *child = "list";

  if (self->loading && !self->loaded_once)
    child = "loading";
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->store)) == 0)
    child = "empty";
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->sorted)) == 0)
    child = "no-match";

  gtk_stack_set_visible_child_name (self->view_stack, child);
}

static void
update_banner (MopsLicencesPage *self)
{
  g_autofree char *text = mops_licences_describe_attention (self->n_expiring, self->n_expired,
                                                            mops_library_get_expiry_warning_days (self->library));

  if (text != NULL)
    gtk_label_set_text (self->banner_label, text);
  gtk_revealer_set_reveal_child (self->banner_revealer, text != NULL);
}

/* Thumbnails ----------------------------------------------------------------------------- */

/* A row's type icon shows until its picture has a thumbnail. */
static void
on_picture_paintable_notify_cb (GtkPicture *picture,
                                GParamSpec *pspec,
                                GtkWidget  *icon)
{
  gtk_widget_set_visible (icon, gtk_picture_get_paintable (picture) == NULL);
}

static void
show_thumbnail (MopsLicencesPage   *self,
                MopsLicenceRowItem *item,
                GtkPicture         *picture)
{
  g_autofree char *path = NULL;

  if (item->sha256 == NULL)
    {
      mops_texture_loader_clear (self->textures, picture);
      return;
    }

  path = mops_previews_thumbnail_path (self->library, item->sha256, 256);
  mops_texture_loader_show (self->textures, picture, item->sha256, path, NULL);
}

/* Cells ---------------------------------------------------------------------------------- */

static char *
dup_cell_text (MopsLicenceRowItem *item,
               Column              column)
{
  const MopsLicenceRow *row = item->row;

  switch (column)
    {
    case COLUMN_NAME:
      return g_strdup (item->name);
    case COLUMN_STATUS:
      return g_strdup (mops_licence_status_get_label (row->status));
    case COLUMN_LICENSOR:
      return g_strdup (row->licensor);
    case COLUMN_KIND:
      return row->licence_id != 0 ? g_strdup (mops_licence_kind_get_label (row->kind)) : NULL;
    case COLUMN_CHANNELS:
      return g_strdup (item->channels);
    case COLUMN_TERRITORIES:
      return g_strdup (item->territories);
    case COLUMN_EXPIRES:
      if (row->licence_id == 0)
        return NULL;
      return item->expires != NULL ? g_strdup (item->expires) : g_strdup (_("Never"));
    case COLUMN_DAYS_LEFT:
      /* In words, "in 7 days", "40 days ago": a bare −40 reads as a typo. */
      return row->has_days_left ? mops_clock_format_days_from_today (row->days_left) : NULL;
    case COLUMN_COST:
      return g_strdup (item->cost_text);
    case COLUMN_THUMBNAIL:
    case N_COLUMNS:
    default:
      return NULL;
    }
}

/* Labels showing names, codes, dates and numbers are data, not interface text. */
static gboolean
column_shows_data (Column column)
{
  switch (column)
    {
    case COLUMN_NAME:
    case COLUMN_LICENSOR:
    case COLUMN_TERRITORIES:
    case COLUMN_EXPIRES:
    case COLUMN_DAYS_LEFT:
    case COLUMN_COST:
      return TRUE;
    default:
      return FALSE;
    }
}

/* A name cut short shows in full as a tooltip, asked for when shown (setting it on every
 * bind costs an X round trip per cell while the table scrolls). */
static gboolean
on_cut_label_query_tooltip_cb (GtkLabel   *label,
                               int         x,
                               int         y,
                               gboolean    keyboard,
                               GtkTooltip *tooltip)
{
  const char *text = gtk_label_get_text (label);

  if (text == NULL || *text == '\0' || !pango_layout_is_ellipsized (gtk_label_get_layout (label)))
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
on_cell_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  MopsLicencesPage         *self)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkWidget *label;

  if (column == COLUMN_THUMBNAIL)
    {
      GtkWidget *overlay = gtk_overlay_new ();
      GtkWidget *icon = gtk_image_new ();
      GtkWidget *picture = gtk_picture_new ();

      gtk_widget_set_size_request (overlay, THUMBNAIL_SIZE, THUMBNAIL_SIZE);
      gtk_widget_add_css_class (overlay, "licence-thumb");
      gtk_widget_set_overflow (overlay, GTK_OVERFLOW_HIDDEN);
      gtk_image_set_pixel_size (GTK_IMAGE (icon), 20);
      gtk_widget_add_css_class (icon, "dim-label");
      gtk_overlay_set_child (GTK_OVERLAY (overlay), icon);
      gtk_picture_set_content_fit (GTK_PICTURE (picture), GTK_CONTENT_FIT_CONTAIN);
      gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
      gtk_overlay_add_overlay (GTK_OVERLAY (overlay), picture);
      gtk_widget_set_halign (overlay, GTK_ALIGN_CENTER);
      gtk_widget_set_valign (overlay, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (overlay), "icon", icon);
      g_object_set_data (G_OBJECT (overlay), "picture", picture);
      g_signal_connect_object (picture, "notify::paintable",
                               G_CALLBACK (on_picture_paintable_notify_cb), icon, 0);
      gtk_list_item_set_child (list_item, overlay);
      return;
    }

  label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (label), column == COLUMN_COST ? 1 : 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (column_shows_data (column))
    gtk_widget_add_css_class (label, "data");
  if (column == COLUMN_NAME || column == COLUMN_LICENSOR)
    {
      gtk_widget_set_has_tooltip (label, TRUE);
      g_signal_connect (label, "query-tooltip", G_CALLBACK (on_cut_label_query_tooltip_cb), NULL);
    }
  if (column == COLUMN_COST)
    gtk_widget_add_css_class (label, "numeric");
  if (column == COLUMN_STATUS)
    {
      gtk_widget_add_css_class (label, "licence-status");
      gtk_widget_add_css_class (label, "caption-heading");
      gtk_widget_set_halign (label, GTK_ALIGN_START);
      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_NONE);
    }
  gtk_list_item_set_child (list_item, label);
}

static void
on_cell_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 MopsLicencesPage         *self)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  MopsLicenceRowItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *child = gtk_list_item_get_child (list_item);
  g_autofree char *text = NULL;

  if (column == COLUMN_THUMBNAIL)
    {
      GtkWidget *icon = g_object_get_data (G_OBJECT (child), "icon");
      GtkWidget *picture = g_object_get_data (G_OBJECT (child), "picture");

      gtk_image_set_from_icon_name (GTK_IMAGE (icon), icon_for_mime (item->mime));
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      item->name, -1);
      show_thumbnail (self, item, GTK_PICTURE (picture));
      return;
    }

  text = dup_cell_text (item, column);
  gtk_label_set_text (GTK_LABEL (child), text != NULL ? text : "");

  if (column == COLUMN_STATUS)
    {
      static const char *styles[] = { "success", "warning", "error" };
      const char *style = style_for_status (item->row->status);

      for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
        gtk_widget_remove_css_class (child, styles[i]);
      if (style != NULL)
        gtk_widget_add_css_class (child, style);
    }
}

/* Sorting -------------------------------------------------------------------------------- */

static int
compare_strings (const char *a,
                 const char *b)
{
  /* Empty cells go last. */
  if (a == NULL || b == NULL)
    return (a == NULL) - (b == NULL);

  return g_utf8_collate (a, b);
}

static int
compare_int64 (gint64 a,
               gint64 b)
{
  return (a > b) - (a < b);
}

static int
compare_rows_cb (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  const MopsLicenceRowItem *x = a;
  const MopsLicenceRowItem *y = b;
  Column column = GPOINTER_TO_INT (user_data);
  int result = 0;

  switch (column)
    {
    case COLUMN_NAME:
      result = compare_strings (x->name, y->name);
      break;
    case COLUMN_STATUS:
      result = compare_int64 (x->row->status, y->row->status);
      break;
    case COLUMN_LICENSOR:
      result = compare_strings (x->folded_licensor[0] != '\0' ? x->folded_licensor : NULL,
                                y->folded_licensor[0] != '\0' ? y->folded_licensor : NULL);
      break;
    case COLUMN_KIND:
      result = compare_strings (x->row->licence_id != 0 ? mops_licence_kind_get_label (x->row->kind) : NULL,
                                y->row->licence_id != 0 ? mops_licence_kind_get_label (y->row->kind) : NULL);
      break;
    case COLUMN_CHANNELS:
      result = compare_strings (x->channels, y->channels);
      break;
    case COLUMN_TERRITORIES:
      result = compare_strings (x->territories, y->territories);
      break;
    case COLUMN_EXPIRES:
      /* "YYYY-MM-DD" sorts as text; no expiry (perpetual or no licence) last. */
      result = compare_strings (x->row->expires_on, y->row->expires_on);
      break;
    case COLUMN_DAYS_LEFT:
      if (x->row->has_days_left != y->row->has_days_left)
        result = x->row->has_days_left ? -1 : 1;
      else
        result = compare_int64 (x->row->days_left, y->row->days_left);
      break;
    case COLUMN_COST:
      if (x->has_cost != y->has_cost)
        result = x->has_cost ? -1 : 1;
      else if (x->has_cost && g_strcmp0 (x->currency, y->currency) != 0)
        result = g_strcmp0 (x->currency, y->currency);
      else
        result = compare_int64 (x->cost, y->cost);
      break;
    case COLUMN_THUMBNAIL:
    case N_COLUMNS:
    default:
      break;
    }

  /* Equal cells keep a stable order. */
  if (result == 0)
    result = compare_int64 (x->row->asset_id, y->row->asset_id);

  return result < 0 ? GTK_ORDERING_SMALLER : result > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

/* Filtering ------------------------------------------------------------------------------ */

static gboolean
filter_row_cb (gpointer item,
               gpointer user_data)
{
  MopsLicencesPage *self = user_data;
  MopsLicenceRowItem *row_item = item;
  guint status_index = gtk_drop_down_get_selected (self->status_dropdown);
  guint kind_index = gtk_drop_down_get_selected (self->kind_dropdown);
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (status_index != GTK_INVALID_LIST_POSITION && status_index > 0 &&
      status_index < G_N_ELEMENTS (status_by_index) &&
      row_item->row->status != status_by_index[status_index])
    return FALSE;

  /* Licences pre-filled from a file's metadata wait for a person to confirm them. */
  if (status_index == STATUS_INDEX_TO_CONFIRM && !row_item->row->to_confirm)
    return FALSE;

  /* Kind index 0 is "All Kinds"; then the kinds in the enum's order. */
  if (kind_index != GTK_INVALID_LIST_POSITION && kind_index > 0 &&
      (row_item->row->licence_id == 0 || (guint) row_item->row->kind != kind_index - 1))
    return FALSE;

  if (query != NULL && *query != '\0')
    {
      g_autofree char *folded = mops_text_fold (query);

      if (strstr (row_item->folded_licensor, folded) == NULL)
        return FALSE;
    }

  return TRUE;
}

static void
on_filter_changed_cb (MopsLicencesPage *self)
{
  if (self->filter == NULL)
    return;

  gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);
  update_view (self);

  /* Other rows are listed now: show them from the first, not where the old ones were. GTK
   * 4.8's column view has no scroll_to; its list view has the action. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->table_scroller), 0);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->sorted)) > 0)
    for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view)); child != NULL;
         child = gtk_widget_get_next_sibling (child))
      if (GTK_IS_LIST_VIEW (child))
        gtk_widget_activate_action (child, "list.scroll-to-item", "u", 0);
}

/* Loading ------------------------------------------------------------------------------- */

typedef struct
{
  MopsLicencesPage *page;
  guint             generation;
} LoadRequest;

static void
load_request_free (LoadRequest *request)
{
  g_object_unref (request->page);
  g_free (request);
}

static void
on_rows_loaded_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  LoadRequest *request = user_data;
  MopsLicencesPage *self = request->page;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = mops_licences_list_table_finish (MOPS_LIBRARY (source), result, &error);
  g_autoptr(GPtrArray) items = NULL;

  if (g_cancellable_is_cancelled (self->cancellable) || request->generation != self->generation)
    {
      load_request_free (request);
      return;
    }

  self->loading = FALSE;
  self->loaded_once = TRUE;

  if (rows == NULL)
    {
      show_error (self, error);
      update_view (self);
      load_request_free (request);
      return;
    }

  /* Licences no asset row shows come after the assets' rows, with their own status (design
   * §12: "a licence on its own gets the same statuses from its own dates"). The banner counts
   * the rows that show Expiring and Expired, so its numbers are what its Show button lists. */
  items = g_ptr_array_new_full (rows->len, g_object_unref);
  /* The count the daily notification gives too (mops-application.c). */
  mops_licence_table_count_attention (rows, &self->n_expiring, &self->n_expired);
  for (guint i = 0; i < rows->len; i++)
    {
      MopsLicenceTableRow *row = g_ptr_array_index (rows, i);

      /* The item takes the row. */
      g_ptr_array_index (rows, i) = NULL;
      g_ptr_array_add (items, mops_licence_row_item_new (row));
    }

  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       items->pdata, items->len);
  update_banner (self);
  update_view (self);
  load_request_free (request);
}

static void
load_rows (MopsLicencesPage *self)
{
  LoadRequest *request = g_new0 (LoadRequest, 1);

  self->loading = TRUE;
  request->page = g_object_ref (self);
  request->generation = ++self->generation;
  update_view (self);

  mops_licences_list_table_async (self->library, -1, self->cancellable, on_rows_loaded_cb, request);
}

/* Callbacks and actions ----------------------------------------------------------------- */

static void
on_editor_changed_cb (MopsLicenceEditor *editor,
                      gint64             licence_id,
                      MopsLicencesPage  *self)
{
  /* A newer load replaces one under way (its generation is dropped). */
  load_rows (self);
}

/* Opens the licence editor over the window: for licence @licence_id, or a new licence
 * (@licence_id 0) for @asset_id (0 = none). */
static void
open_editor (MopsLicencesPage *self,
             gint64            licence_id,
             gint64            asset_id)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  MopsLicenceEditor *editor;

  editor = mops_licence_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->library,
                                    licence_id, asset_id != 0 ? &asset_id : NULL, asset_id != 0 ? 1 : 0);
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_editor_changed_cb), self, 0);
  g_signal_connect_object (editor, "deleted", G_CALLBACK (on_editor_changed_cb), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
on_column_view_activate_cb (MopsLicencesPage *self,
                            guint             position)
{
  g_autoptr(MopsLicenceRowItem) item = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);

  if (item == NULL)
    return;

  /* An asset without a licence gets a new one, already attached to it. */
  if (item->row->licence_id != 0)
    open_editor (self, item->row->licence_id, 0);
  else
    open_editor (self, 0, item->row->asset_id);
}

static void
new_licence_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  open_editor (MOPS_LICENCES_PAGE (widget), 0, 0);
}

/* Ctrl+N works wherever the focus is while the page shows, not only inside it. */
static gboolean
new_licence_shortcut_cb (GtkWidget *widget,
                         GVariant  *args,
                         gpointer   user_data)
{
  if (!gtk_widget_get_mapped (widget))
    return FALSE;

  return gtk_widget_activate_action (widget, "licences.new", NULL);
}

static void
on_map_cb (MopsLicencesPage *self)
{
  /* Licences change on other pages: each visit shows today's state. */
  if (!self->loading)
    load_rows (self);
}

static void
show_attention_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  MopsLicencesPage *self = MOPS_LICENCES_PAGE (widget);

  gtk_drop_down_set_selected (self->status_dropdown, self->n_expiring > 0 ? 2 : 3);
}

static void
on_export_response_cb (GtkNativeDialog  *dialog,
                       int               response,
                       MopsLicencesPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        mops_licences_page_export_csv (self, file);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  MopsLicencesPage *self = MOPS_LICENCES_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (_("Export Licences"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), "licences.csv");
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);

  g_signal_connect (dialog, "response", G_CALLBACK (on_export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Columns -------------------------------------------------------------------------------- */

/* Each column's width, and the order in which they give way when the window narrows (design:
 * every page fits 360 px; at 600 px the cost still shows whole). The thumbnail, the asset and
 * its status always show; the asset takes what is left. */
#define NAME_MIN_WIDTH 120

static const struct { Column column; int width; } column_widths[] = {
  { COLUMN_THUMBNAIL,   52 },
  { COLUMN_STATUS,     104 },
  /* optional, most wanted first */
  { COLUMN_DAYS_LEFT,  104 },
  { COLUMN_COST,       112 },
  { COLUMN_EXPIRES,    118 },
  { COLUMN_LICENSOR,   150 },
  { COLUMN_KIND,       128 },
  { COLUMN_TERRITORIES, 100 },
  { COLUMN_CHANNELS,   180 },
};
#define N_FIXED_COLUMNS 2

static void
lay_out_columns (MopsLicencesPage *self,
                 int               width)
{
  int left = width - NAME_MIN_WIDTH;
  gboolean room = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (column_widths); i++)
    {
      GtkColumnViewColumn *column = self->columns[column_widths[i].column];
      gboolean show = i < N_FIXED_COLUMNS || (room && column_widths[i].width <= left);

      /* Strictly by priority: once one does not fit, the later ones stay hidden too. */
      if (i >= N_FIXED_COLUMNS && !show)
        room = FALSE;
      if (show)
        left -= column_widths[i].width;

      if (gtk_column_view_column_get_fixed_width (column) != column_widths[i].width)
        gtk_column_view_column_set_fixed_width (column, column_widths[i].width);
      if (gtk_column_view_column_get_visible (column) != show)
        gtk_column_view_column_set_visible (column, show);
    }

  /* The asset's name takes what is left, the licensor shares it when shown. */
  gtk_column_view_column_set_fixed_width (self->columns[COLUMN_NAME], NAME_MIN_WIDTH + MAX (left, 0));
}

static gboolean
lay_out_columns_cb (gpointer user_data)
{
  MopsLicencesPage *self = user_data;

  self->layout_idle = 0;
  lay_out_columns (self, self->layout_width);
  return G_SOURCE_REMOVE;
}

/* The table's visible width changed (the window was resized): columns follow, after the
 * layout that told us (changing columns while allocating would allocate again). */
static void
on_table_width_notify_cb (GtkAdjustment    *adjustment,
                          GParamSpec       *pspec,
                          MopsLicencesPage *self)
{
  int width = (int) gtk_adjustment_get_page_size (adjustment);

  if (width <= 0 || width == self->layout_width)
    return;

  self->layout_width = width;
  if (self->layout_idle == 0)
    self->layout_idle = g_idle_add (lay_out_columns_cb, self);
}

static void
add_columns (MopsLicencesPage *self)
{
  static const struct { const char *title; int width; gboolean expand; } specs[N_COLUMNS] = {
    [COLUMN_THUMBNAIL]   = { NULL, -1, FALSE },
    [COLUMN_NAME]        = { N_("Asset"), 180, TRUE },
    [COLUMN_STATUS]      = { N_("Status"), -1, FALSE },
    [COLUMN_LICENSOR]    = { N_("Licensor"), 150, TRUE },
    [COLUMN_KIND]        = { N_("Kind"), -1, FALSE },
    [COLUMN_CHANNELS]    = { N_("Channels"), 180, FALSE },
    [COLUMN_TERRITORIES] = { N_("Territories"), 100, FALSE },
    [COLUMN_EXPIRES]     = { N_("Expires"), -1, FALSE },
    [COLUMN_DAYS_LEFT]   = { N_("Days Left"), -1, FALSE },
    [COLUMN_COST]        = { N_("Cost"), -1, FALSE },
  };

  for (int i = 0; i < N_COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_object_set_data (G_OBJECT (factory), "column", GINT_TO_POINTER (i));
      g_signal_connect (factory, "setup", G_CALLBACK (on_cell_setup_cb), self);
      g_signal_connect (factory, "bind", G_CALLBACK (on_cell_bind_cb), self);

      column = gtk_column_view_column_new (specs[i].title != NULL ? _(specs[i].title) : NULL, factory);
      if (specs[i].width > 0)
        gtk_column_view_column_set_fixed_width (column, specs[i].width);
      gtk_column_view_column_set_expand (column, specs[i].expand);
      gtk_column_view_column_set_resizable (column, i != COLUMN_THUMBNAIL);
      if (i != COLUMN_THUMBNAIL)
        {
          GtkSorter *sorter = GTK_SORTER (gtk_custom_sorter_new (compare_rows_cb, GINT_TO_POINTER (i), NULL));

          gtk_column_view_column_set_sorter (column, sorter);
          g_object_unref (sorter);
        }

      gtk_column_view_append_column (self->column_view, column);
      self->columns[i] = column;
      g_object_unref (column);
    }
}

static void
fill_kind_dropdown (MopsLicencesPage *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_string_list_append (kinds, _("All Kinds"));
  for (int kind = MOPS_LICENCE_KIND_OWNED; kind <= MOPS_LICENCE_KIND_OTHER; kind++)
    gtk_string_list_append (kinds, mops_licence_kind_get_label ((MopsLicenceKind) kind));

  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));
}

/* GObject --------------------------------------------------------------------------------- */

static void
mops_licences_page_constructed (GObject *object)
{
  MopsLicencesPage *self = (MopsLicencesPage *) object;

  G_OBJECT_CLASS (mops_licences_page_parent_class)->constructed (object);

  g_return_if_fail (MOPS_IS_LIBRARY (self->library));

  /* Rows bound before their thumbnails were made get them when they are. */
  g_signal_connect_object (self->library, "previews-changed",
                           G_CALLBACK (mops_texture_loader_retry), self->textures, G_CONNECT_SWAPPED);
}

static void
mops_licences_page_dispose (GObject *object)
{
  MopsLicencesPage *self = (MopsLicencesPage *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->layout_idle, g_source_remove);
  if (self->textures != NULL)
    mops_texture_loader_cancel (self->textures);

  gtk_widget_dispose_template (GTK_WIDGET (self), MOPS_TYPE_LICENCES_PAGE);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (mops_licences_page_parent_class)->dispose (object);
}

static void
mops_licences_page_finalize (GObject *object)
{
  MopsLicencesPage *self = (MopsLicencesPage *) object;

  g_clear_object (&self->textures);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->library);

  G_OBJECT_CLASS (mops_licences_page_parent_class)->finalize (object);
}

static void
mops_licences_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  MopsLicencesPage *self = MOPS_LICENCES_PAGE (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mops_licences_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  MopsLicencesPage *self = MOPS_LICENCES_PAGE (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      self->library = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mops_licences_page_class_init (MopsLicencesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = mops_licences_page_constructed;
  object_class->dispose = mops_licences_page_dispose;
  object_class->finalize = mops_licences_page_finalize;
  object_class->get_property = mops_licences_page_get_property;
  object_class->set_property = mops_licences_page_set_property;

  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL, MOPS_TYPE_LIBRARY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/mopsapp/Mops/licences/mops-licences-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MopsLicencesPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, MopsLicencesPage, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, MopsLicencesPage, banner_label);
  gtk_widget_class_bind_template_child (widget_class, MopsLicencesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, MopsLicencesPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MopsLicencesPage, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MopsLicencesPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, MopsLicencesPage, table_scroller);
  gtk_widget_class_bind_template_child (widget_class, MopsLicencesPage, column_view);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate_cb);

  gtk_widget_class_install_action (widget_class, "licences.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "licences.new", NULL, new_licence_action);
  gtk_widget_class_install_action (widget_class, "licences.show-attention", NULL, show_attention_action);
}

static void
mops_licences_page_init (MopsLicencesPage *self)
{
  GtkSingleSelection *selection;
  GtkEventController *shortcuts;

  self->cancellable = g_cancellable_new ();
  self->textures = mops_texture_loader_new (TEXTURE_CACHE_SIZE);

  gtk_widget_init_template (GTK_WIDGET (self));

  fill_kind_dropdown (self);
  add_columns (self);
  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (self->table_scroller), "notify::page-size",
                           G_CALLBACK (on_table_width_notify_cb), self, 0);

  self->store = g_list_store_new (MOPS_TYPE_LICENCE_ROW_ITEM);
  self->filter = GTK_FILTER (gtk_custom_filter_new (filter_row_cb, self, NULL));
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->store)),
                                              g_object_ref (self->filter));
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->filtered)),
                                          g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->sorted)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  /* Sorted by expiry at first, soonest first, as the CLI lists them. */
  gtk_column_view_sort_by_column (self->column_view, self->columns[COLUMN_EXPIRES], GTK_SORT_ASCENDING);

  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);

  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_n, GDK_CONTROL_MASK),
                                                          gtk_callback_action_new (new_licence_shortcut_cb, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  gtk_stack_set_visible_child_name (self->view_stack, "loading");
}

/* Public ---------------------------------------------------------------------------------- */

gboolean
mops_licences_page_is_loading (MopsLicencesPage *self)
{
  g_return_val_if_fail (MOPS_IS_LICENCES_PAGE (self), FALSE);

  return self->loading || !self->loaded_once || mops_texture_loader_is_busy (self->textures);
}

GPtrArray *
mops_licences_page_dup_shown_rows (MopsLicencesPage *self)
{
  GListModel *model;
  GPtrArray *rows;
  guint n;

  g_return_val_if_fail (MOPS_IS_LICENCES_PAGE (self), NULL);

  model = G_LIST_MODEL (self->sorted);
  n = g_list_model_get_n_items (model);
  rows = g_ptr_array_new_full (n, NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MopsLicenceRowItem) item = g_list_model_get_item (model, i);

      /* The store keeps the item, and so the row, alive. */
      g_ptr_array_add (rows, item->row);
    }

  return rows;
}

typedef struct
{
  MopsLicencesPage *page;
  GFile            *file;
} ExportRequest;

static void
export_request_free (ExportRequest *request)
{
  g_object_unref (request->page);
  g_object_unref (request->file);
  g_free (request);
}

static void
on_csv_written_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ExportRequest *request = user_data;
  MopsLicencesPage *self = request->page;
  g_autoptr(GError) error = NULL;

  mops_licence_table_write_csv_finish (MOPS_LIBRARY (source), result, &error);
  if (!g_cancellable_is_cancelled (self->cancellable))
    {
      self->n_exporting--;
      if (error == NULL)
        {
          g_autofree char *name = g_file_get_basename (request->file);
          /* Translators: %s is a file name */
          g_autofree char *title = g_strdup_printf (_("Saved “%s”"), name);

          show_toast (self, title);
        }
      else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          show_error (self, error);
        }
    }

  export_request_free (request);
}

void
mops_licences_page_export_csv (MopsLicencesPage *self,
                               GFile            *file)
{
  g_autoptr(GPtrArray) table = NULL;
  g_autofree char *path = NULL;
  ExportRequest *request;
  GListModel *model;
  guint n;

  g_return_if_fail (MOPS_IS_LICENCES_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      g_autoptr(GError) error = g_error_new (MOPS_ERROR, MOPS_ERROR_IO,
                                             _("Could not save “%s”: only local files can be written"), uri);

      show_error (self, error);
      return;
    }

  /* The rows shown now, in the table's order; copies, as the page may reload meanwhile. */
  model = G_LIST_MODEL (self->sorted);
  n = g_list_model_get_n_items (model);
  table = g_ptr_array_new_full (n, (GDestroyNotify) mops_licence_table_row_free);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MopsLicenceRowItem) item = g_list_model_get_item (model, i);

      g_ptr_array_add (table, mops_licence_table_row_copy (item->table_row));
    }

  request = g_new0 (ExportRequest, 1);
  request->page = g_object_ref (self);
  request->file = g_object_ref (file);
  self->n_exporting++;
  mops_licence_table_write_csv_async (self->library, table, path, self->cancellable,
                                      on_csv_written_cb, request);
}

gboolean
mops_licences_page_is_exporting (MopsLicencesPage *self)
{
  g_return_val_if_fail (MOPS_IS_LICENCES_PAGE (self), FALSE);

  return self->n_exporting > 0;
}

char *
mops_licences_describe_attention (guint n_expiring,
                                  guint n_expired,
                                  int   within)
{
  g_autofree char *expiring = NULL;
  g_autofree char *expired = NULL;

  if (n_expiring == 0 && n_expired == 0)
    return NULL;

  if (n_expiring == 0)
    /* Translators: %u is a number of licences */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u licence has expired",
                                         "%u licences have expired",
                                         n_expired),
                            n_expired);

  /* Translators: the first %u is a number of licences, the second a number of days */
  expiring = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u licence expires within %u days",
                                           "%u licences expire within %u days",
                                           n_expiring),
                              n_expiring, (guint) MAX (within, 0));
  if (n_expired == 0)
    return g_steal_pointer (&expiring);

  /* Translators: %u is a number of licences; fills the second %s of "%s and %s" */
  expired = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u has expired",
                                          "%u have expired",
                                          n_expired),
                             n_expired);

  /* Translators: e.g. "3 licences expire within 30 days and 2 have expired" */
  return g_strdup_printf (_("%s and %s"), expiring, expired);
}
