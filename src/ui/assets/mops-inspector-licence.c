/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-inspector-licence.c — the asset inspector's licence status, with Edit and New Licence */

#include "config.h"

#define G_LOG_DOMAIN "mops-inspector-licence"

#include <glib/gi18n.h>

#include "core/mops-clock.h"
#include "core/mops-licences.h"
#include "mops-inspector-licence.h"

struct _MopsInspectorLicence
{
  AdwPreferencesGroup  parent_instance;

  MopsLibrary         *library;
  gint64               licence_id;

  /* template */
  AdwActionRow        *licence_row;
  GtkImage            *licence_icon;
  GtkLabel            *licence_edit_label;
};

G_DEFINE_FINAL_TYPE (MopsInspectorLicence, mops_inspector_licence, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_LICENCE_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The status line of @row, and its icon in *@icon. */
static void
describe_status (const MopsLicenceRow  *row,
                 GString               *text,
                 const char           **icon)
{
  g_autofree char *starts = mops_clock_format_local_date (row->starts_on);
  g_autofree char *expires = mops_clock_format_local_date (row->covered_until != NULL ? row->covered_until
                                                                                     : row->expires_on);

  switch (row->status)
    {
    case MOPS_LICENCE_STATUS_ACTIVE:
      *icon = "security-high-symbolic";
      if (expires != NULL)
        /* Translators: %s is a date */
        g_string_printf (text, _("Active until %s"), expires);
      else
        g_string_assign (text, _("Active, with no end date"));
      break;
    case MOPS_LICENCE_STATUS_EXPIRING:
      *icon = "alarm-symbolic";
      g_string_printf (text, g_dngettext (GETTEXT_PACKAGE, "Expires in %d day, on %s",
                                          "Expires in %d days, on %s", (gulong) row->days_left),
                       (int) row->days_left, expires);
      break;
    case MOPS_LICENCE_STATUS_EXPIRED:
      *icon = "dialog-error-symbolic";
      if (expires != NULL && row->has_days_left)
        {
          g_autofree char *ago = mops_clock_format_days_from_today (row->days_left);

          /* Translators: a date and how long ago it is: "Expired on Dec 8, 2026 (40 days ago)" */
          g_string_printf (text, _("Expired on %s (%s)"), expires, ago);
        }
      else
        /* Translators: %s is a date */
        g_string_printf (text, _("Expired on %s"), expires != NULL ? expires : "—");
      break;
    case MOPS_LICENCE_STATUS_PENDING:
      *icon = "document-open-recent-symbolic";
      /* Translators: %s is a date */
      g_string_printf (text, _("Starts on %s"), starts != NULL ? starts : "—");
      break;
    case MOPS_LICENCE_STATUS_MISSING:
      *icon = "mops-licence-missing-symbolic";
      g_string_assign (text, _("Missing: no licence covers this asset"));
      break;
    case MOPS_LICENCE_STATUS_NONE:
    default:
      *icon = "security-medium-symbolic";
      g_string_assign (text, _("Needs no licence (a record, or in the Trash)"));
      break;
    }
}

/* The kind and licensor of the licence, and whether it waits for confirmation, below. */
static void
describe_licence (const MopsLicenceRow *row,
                  GString              *text)
{
  if (row->licence_id != 0)
    {
      g_string_append_c (text, '\n');
      g_string_append (text, mops_licence_kind_get_label (row->kind));
      if (row->licensor != NULL && *row->licensor != '\0')
        {
          g_autofree char *escaped = g_markup_escape_text (row->licensor, -1);

          g_string_append (text, " · ");
          g_string_append (text, escaped);
        }
    }
  if (row->to_confirm)
    {
      g_string_append_c (text, '\n');
      g_string_append (text, _("From file metadata — check and confirm it"));
    }
}

static void
set_licence_id (MopsInspectorLicence *self,
                gint64                licence_id)
{
  if (self->licence_id == licence_id)
    return;

  self->licence_id = licence_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LICENCE_ID]);
}

static void
mops_inspector_licence_dispose (GObject *object)
{
  MopsInspectorLicence *self = MOPS_INSPECTOR_LICENCE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MOPS_TYPE_INSPECTOR_LICENCE);
  g_clear_object (&self->library);

  G_OBJECT_CLASS (mops_inspector_licence_parent_class)->dispose (object);
}

static void
mops_inspector_licence_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  MopsInspectorLicence *self = MOPS_INSPECTOR_LICENCE (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;
    case PROP_LICENCE_ID:
      g_value_set_int64 (value, self->licence_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mops_inspector_licence_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  MopsInspectorLicence *self = MOPS_INSPECTOR_LICENCE (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      if (g_set_object (&self->library, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mops_inspector_licence_class_init (MopsInspectorLicenceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mops_inspector_licence_dispose;
  object_class->get_property = mops_inspector_licence_get_property;
  object_class->set_property = mops_inspector_licence_set_property;

  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL, MOPS_TYPE_LIBRARY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LICENCE_ID] =
    g_param_spec_int64 ("licence-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/mopsapp/Mops/assets/mops-inspector-licence.ui");
  gtk_widget_class_bind_template_child (widget_class, MopsInspectorLicence, licence_row);
  gtk_widget_class_bind_template_child (widget_class, MopsInspectorLicence, licence_icon);
  gtk_widget_class_bind_template_child (widget_class, MopsInspectorLicence, licence_edit_label);
}

static void
mops_inspector_licence_init (MopsInspectorLicence *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
mops_inspector_licence_show (MopsInspectorLicence *self,
                             gint64                asset_id,
                             guint                 n_selected)
{
  MopsLicenceRow row = { 0 };
  g_autoptr(GString) text = g_string_new (NULL);
  const char *icon = NULL;

  g_return_if_fail (MOPS_IS_INSPECTOR_LICENCE (self));
  g_return_if_fail (MOPS_IS_LIBRARY (self->library));

  if (!mops_licences_status_for_asset (self->library, asset_id, NULL, -1, &row, NULL))
    {
      set_licence_id (self, 0);
      adw_action_row_set_subtitle (self->licence_row, "");
      return;
    }

  describe_status (&row, text, &icon);
  describe_licence (&row, text);
  adw_action_row_set_subtitle (self->licence_row, text->str);
  gtk_image_set_from_icon_name (self->licence_icon, icon);

  if (n_selected > 1 && row.licence_id != 0)
    {
      g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "_Add %u Asset to This Licence…",
                                                             "_Add %u Assets to This Licence…", n_selected),
                                                n_selected);
      gtk_label_set_text_with_mnemonic (self->licence_edit_label, label);
    }
  else
    gtk_label_set_text_with_mnemonic (self->licence_edit_label, _("_Edit Licence…"));

  set_licence_id (self, row.licence_id);
  mops_licence_row_clear (&row);
}

gint64
mops_inspector_licence_get_licence_id (MopsInspectorLicence *self)
{
  g_return_val_if_fail (MOPS_IS_INSPECTOR_LICENCE (self), 0);

  return self->licence_id;
}
