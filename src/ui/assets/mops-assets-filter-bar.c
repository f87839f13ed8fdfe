/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-assets-filter-bar.c — the asset browser's search entry and its filters popover */

#include "config.h"

#define G_LOG_DOMAIN "mops-assets-filter-bar"

#include <json-glib/json-glib.h>

#include "core/mops-assets.h"
#include "core/mops-clock.h"
#include "core/mops-licences.h"
#include "mops-assets-filter-bar.h"

struct _MopsAssetsFilterBar
{
  GtkWidget       parent_instance;

  gboolean        loading;   /* a saved search is being shown: no signals */

  /* template */
  GtkSearchEntry *search_entry;
  GtkWidget      *view_button;
  GtkDropDown    *type_dropdown;
  GtkDropDown    *sort_dropdown;
  GtkDropDown    *licence_dropdown;
  GtkDropDown    *rating_dropdown;
  GtkDropDown    *color_dropdown;
  GtkDropDown    *date_dropdown;
  GtkScale       *zoom_scale;
};

G_DEFINE_FINAL_TYPE (MopsAssetsFilterBar, mops_assets_filter_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LICENCE_STATUSES,
  PROP_TILE_SIZE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The dropdowns' rows, in their order; what a saved search calls them. */
static const guint types[] = { 0, MOPS_ASSET_TYPE_IMAGE, MOPS_ASSET_TYPE_VECTOR, MOPS_ASSET_TYPE_DOCUMENT,
                               MOPS_ASSET_TYPE_FONT, MOPS_ASSET_TYPE_VIDEO, MOPS_ASSET_TYPE_OTHER };
static const char *type_names[] = { NULL, "image", "vector", "document", "font", "video", "other" };
static const MopsSearchSort sorts[] = { MOPS_SEARCH_SORT_NAME, MOPS_SEARCH_SORT_IMPORTED,
                                        MOPS_SEARCH_SORT_CAPTURED, MOPS_SEARCH_SORT_SIZE,
                                        MOPS_SEARCH_SORT_RATING };
static const MopsLicenceStatus statuses[] = {
  MOPS_LICENCE_STATUS_NONE, MOPS_LICENCE_STATUS_ACTIVE, MOPS_LICENCE_STATUS_EXPIRING,
  MOPS_LICENCE_STATUS_EXPIRED, MOPS_LICENCE_STATUS_PENDING, MOPS_LICENCE_STATUS_MISSING,
};
static const char *licence_names[] = { NULL, "active", "expiring", "expired", "pending", "missing" };
static const int import_days[] = { 0, 1, 7, 30, 365 };

static guint
index_of (const char * const *names,
          guint               n_names,
          const char         *name)
{
  for (guint i = 1; name != NULL && i < n_names; i++)
    if (g_strcmp0 (names[i], name) == 0)
      return i;

  return 0;
}

/* The start of the day @days - 1 days ago: "Today" is 1 day. */
static gint64
imported_since (int days)
{
  g_autoptr(GDateTime) now = mops_clock_now ();
  g_autoptr(GDateTime) midnight = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                                         g_date_time_get_day_of_month (now), 0, 0, 0);
  g_autoptr(GDateTime) from = g_date_time_add_days (midnight, 1 - days);

  return g_date_time_to_unix (from);
}

/* The first string of the array member @name of @filters, or NULL. */
static const char *
first_of (JsonObject *filters,
          const char *name)
{
  JsonArray *array;

  if (!json_object_has_member (filters, name) || !JSON_NODE_HOLDS_ARRAY (json_object_get_member (filters, name)))
    return NULL;

  array = json_object_get_array_member (filters, name);
  return json_array_get_length (array) > 0 ? json_array_get_string_element (array, 0) : NULL;
}

static void
load_filters (MopsAssetsFilterBar *self,
              JsonObject          *filters)
{
  if (json_object_has_member (filters, "type"))
    gtk_drop_down_set_selected (self->type_dropdown, index_of (type_names, G_N_ELEMENTS (type_names),
                                                               first_of (filters, "type")));
  if (json_object_has_member (filters, "rating"))
    gtk_drop_down_set_selected (self->rating_dropdown,
                                (guint) CLAMP (json_object_get_int_member (filters, "rating"), 0, 5));
  if (json_object_has_member (filters, "label"))
    {
      const char *label = json_object_get_string_member (filters, "label");

      for (guint i = 0; mops_assets_color_labels ()[i] != NULL; i++)
        if (g_strcmp0 (label, mops_assets_color_labels ()[i]) == 0)
          gtk_drop_down_set_selected (self->color_dropdown, i + 1);
    }
  if (json_object_has_member (filters, "licence"))
    gtk_drop_down_set_selected (self->licence_dropdown,
                                index_of (licence_names, G_N_ELEMENTS (licence_names),
                                          json_object_get_string_member (filters, "licence")));
}

static void
add_string_array (JsonBuilder *builder,
                  const char  *name,
                  const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, value);
  json_builder_end_array (builder);
}

/* Adds the filters set and @tag to @builder (inside an object); FALSE when there are none. */
static gboolean
add_filters (MopsAssetsFilterBar *self,
             JsonBuilder         *builder,
             const char          *tag)
{
  guint type = gtk_drop_down_get_selected (self->type_dropdown);
  guint licence = gtk_drop_down_get_selected (self->licence_dropdown);
  guint rating = gtk_drop_down_get_selected (self->rating_dropdown);
  guint color = gtk_drop_down_get_selected (self->color_dropdown);
  gboolean any = FALSE;

  if (type > 0 && type < G_N_ELEMENTS (type_names))
    {
      add_string_array (builder, "type", type_names[type]);
      any = TRUE;
    }
  if (tag != NULL)
    {
      add_string_array (builder, "tag", tag);
      any = TRUE;
    }
  if (licence > 0 && licence < G_N_ELEMENTS (licence_names))
    {
      json_builder_set_member_name (builder, "licence");
      json_builder_add_string_value (builder, licence_names[licence]);
      any = TRUE;
    }
  if (rating > 0)
    {
      json_builder_set_member_name (builder, "rating");
      json_builder_add_int_value (builder, rating);
      any = TRUE;
    }
  if (color > 0)
    {
      json_builder_set_member_name (builder, "label");
      json_builder_add_string_value (builder, mops_assets_color_labels ()[color - 1]);
      any = TRUE;
    }

  return any;
}

static void
on_query_changed_cb (MopsAssetsFilterBar *self)
{
  if (!self->loading)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_licence_changed_cb (MopsAssetsFilterBar *self)
{
  if (!self->loading)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LICENCE_STATUSES]);
}

static void
on_zoom_changed_cb (MopsAssetsFilterBar *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TILE_SIZE]);
}

static void
mops_assets_filter_bar_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), MOPS_TYPE_ASSETS_FILTER_BAR);

  G_OBJECT_CLASS (mops_assets_filter_bar_parent_class)->dispose (object);
}

static void
mops_assets_filter_bar_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  MopsAssetsFilterBar *self = MOPS_ASSETS_FILTER_BAR (object);

  switch (prop_id)
    {
    case PROP_LICENCE_STATUSES:
      g_value_set_uint (value, mops_assets_filter_bar_get_licence_statuses (self));
      break;
    case PROP_TILE_SIZE:
      g_value_set_int (value, mops_assets_filter_bar_get_tile_size (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mops_assets_filter_bar_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  MopsAssetsFilterBar *self = MOPS_ASSETS_FILTER_BAR (object);

  switch (prop_id)
    {
    case PROP_TILE_SIZE:
      mops_assets_filter_bar_set_tile_size (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mops_assets_filter_bar_class_init (MopsAssetsFilterBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mops_assets_filter_bar_dispose;
  object_class->get_property = mops_assets_filter_bar_get_property;
  object_class->set_property = mops_assets_filter_bar_set_property;

  properties[PROP_LICENCE_STATUSES] =
    g_param_spec_uint ("licence-statuses", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TILE_SIZE] =
    g_param_spec_int ("tile-size", NULL, NULL, 0, G_MAXINT, 160,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                   NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/mopsapp/Mops/assets/mops-assets-filter-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, MopsAssetsFilterBar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetsFilterBar, view_button);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetsFilterBar, type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetsFilterBar, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetsFilterBar, licence_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetsFilterBar, rating_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetsFilterBar, color_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetsFilterBar, date_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetsFilterBar, zoom_scale);
  gtk_widget_class_bind_template_callback (widget_class, on_query_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_licence_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_zoom_changed_cb);
}

static void
mops_assets_filter_bar_init (MopsAssetsFilterBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
mops_assets_filter_bar_get_query (MopsAssetsFilterBar *self,
                                  MopsSearchQuery     *query)
{
  guint type = gtk_drop_down_get_selected (self->type_dropdown);
  guint sort = gtk_drop_down_get_selected (self->sort_dropdown);
  guint rating = gtk_drop_down_get_selected (self->rating_dropdown);
  guint color = gtk_drop_down_get_selected (self->color_dropdown);
  guint date = gtk_drop_down_get_selected (self->date_dropdown);

  g_return_if_fail (MOPS_IS_ASSETS_FILTER_BAR (self));
  g_return_if_fail (query != NULL);

  query->text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  query->types = types[MIN (type, G_N_ELEMENTS (types) - 1)];
  query->sort = sorts[MIN (sort, G_N_ELEMENTS (sorts) - 1)];
  query->min_rating = (int) MIN (rating, 5u);
  query->color_label = NULL;
  if (color > 0 && color <= g_strv_length ((char **) mops_assets_color_labels ()))
    query->color_label = mops_assets_color_labels ()[color - 1];
  query->imported_from = date > 0 && date < G_N_ELEMENTS (import_days) ? imported_since (import_days[date]) : 0;
}

guint
mops_assets_filter_bar_get_licence_statuses (MopsAssetsFilterBar *self)
{
  guint selected;

  g_return_val_if_fail (MOPS_IS_ASSETS_FILTER_BAR (self), 0);

  selected = gtk_drop_down_get_selected (self->licence_dropdown);
  return selected == 0 || selected >= G_N_ELEMENTS (statuses) ? 0 : 1u << statuses[selected];
}

const char *
mops_assets_filter_bar_get_text (MopsAssetsFilterBar *self)
{
  g_return_val_if_fail (MOPS_IS_ASSETS_FILTER_BAR (self), "");

  return gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
}

int
mops_assets_filter_bar_get_tile_size (MopsAssetsFilterBar *self)
{
  g_return_val_if_fail (MOPS_IS_ASSETS_FILTER_BAR (self), 0);

  return (int) gtk_range_get_value (GTK_RANGE (self->zoom_scale));
}

void
mops_assets_filter_bar_set_tile_size (MopsAssetsFilterBar *self,
                                      int                  size)
{
  g_return_if_fail (MOPS_IS_ASSETS_FILTER_BAR (self));

  /* the slider's "value-changed" notifies */
  if (mops_assets_filter_bar_get_tile_size (self) != size)
    gtk_range_set_value (GTK_RANGE (self->zoom_scale), size);
}

gboolean
mops_assets_filter_bar_is_default (MopsAssetsFilterBar *self)
{
  const char *text;

  g_return_val_if_fail (MOPS_IS_ASSETS_FILTER_BAR (self), FALSE);

  text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  return (text == NULL || *text == '\0') &&
         gtk_drop_down_get_selected (self->type_dropdown) == 0 &&
         gtk_drop_down_get_selected (self->sort_dropdown) == 0 &&
         gtk_drop_down_get_selected (self->licence_dropdown) == 0 &&
         gtk_drop_down_get_selected (self->rating_dropdown) == 0 &&
         gtk_drop_down_get_selected (self->color_dropdown) == 0 &&
         gtk_drop_down_get_selected (self->date_dropdown) == 0;
}

void
mops_assets_filter_bar_focus_search (MopsAssetsFilterBar *self)
{
  g_return_if_fail (MOPS_IS_ASSETS_FILTER_BAR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
mops_assets_filter_bar_load_search (MopsAssetsFilterBar  *self,
                                    const char           *text,
                                    const char           *filters,
                                    char                **out_tag)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object = NULL;

  g_return_if_fail (MOPS_IS_ASSETS_FILTER_BAR (self));
  g_return_if_fail (out_tag != NULL);

  if (filters != NULL && json_parser_load_from_data (parser, filters, -1, NULL) &&
      JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    object = json_node_get_object (json_parser_get_root (parser));

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  gtk_drop_down_set_selected (self->type_dropdown, 0);
  gtk_drop_down_set_selected (self->licence_dropdown, 0);
  gtk_drop_down_set_selected (self->rating_dropdown, 0);
  gtk_drop_down_set_selected (self->color_dropdown, 0);
  if (object != NULL)
    load_filters (self, object);
  self->loading = FALSE;

  *out_tag = object != NULL ? g_strdup (first_of (object, "tag")) : NULL;
}

char *
mops_assets_filter_bar_dup_filters (MopsAssetsFilterBar *self,
                                    const char          *tag)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  gboolean any;

  g_return_val_if_fail (MOPS_IS_ASSETS_FILTER_BAR (self), NULL);

  json_builder_begin_object (builder);
  any = add_filters (self, builder, tag);
  json_builder_end_object (builder);

  if (!any)
    return NULL;

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static GtkDropDown *
dropdown_of (MopsAssetsFilterBar *self,
             MopsAssetsFilter     filter)
{
  GtkDropDown *dropdowns[MOPS_ASSETS_N_FILTERS] = {
    self->type_dropdown, self->licence_dropdown, self->rating_dropdown, self->color_dropdown,
    self->date_dropdown,
  };

  return dropdowns[filter];
}

char *
mops_assets_filter_bar_dup_filter_label (MopsAssetsFilterBar *self,
                                         MopsAssetsFilter     filter)
{
  GtkDropDown *dropdown;
  guint selected;

  g_return_val_if_fail (MOPS_IS_ASSETS_FILTER_BAR (self), NULL);
  g_return_val_if_fail (filter < MOPS_ASSETS_N_FILTERS, NULL);

  dropdown = dropdown_of (self, filter);
  selected = gtk_drop_down_get_selected (dropdown);
  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return NULL;

  return g_strdup (gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (dropdown)), selected));
}

void
mops_assets_filter_bar_clear_filter (MopsAssetsFilterBar *self,
                                     MopsAssetsFilter     filter)
{
  g_return_if_fail (MOPS_IS_ASSETS_FILTER_BAR (self));
  g_return_if_fail (filter < MOPS_ASSETS_N_FILTERS);

  gtk_drop_down_set_selected (dropdown_of (self, filter), 0);
}

void
mops_assets_filter_bar_clear (MopsAssetsFilterBar *self)
{
  guint licence;

  g_return_if_fail (MOPS_IS_ASSETS_FILTER_BAR (self));

  licence = mops_assets_filter_bar_get_licence_statuses (self);
  self->loading = TRUE;
  for (guint i = 0; i < MOPS_ASSETS_N_FILTERS; i++)
    gtk_drop_down_set_selected (dropdown_of (self, i), 0);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  self->loading = FALSE;

  if (licence != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LICENCE_STATUSES]);
  else
    g_signal_emit (self, signals[CHANGED], 0);
}
