/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-zoom-picture.c — a picture drawn at a zoom level, or fitted to its allocation */

#include "config.h"

#define G_LOG_DOMAIN "mops-zoom-picture"

#include "mops-zoom-picture.h"

struct _MopsZoomPicture
{
  GtkWidget     parent_instance;

  GdkPaintable *paintable;
  int           natural_width;    /* 0: the paintable's own size */
  int           natural_height;
  double        zoom;             /* outside fit mode */
  double        fit_zoom;         /* what the last allocation gave, in fit mode */
  gboolean      fit;
};

G_DEFINE_FINAL_TYPE (MopsZoomPicture, mops_zoom_picture, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PAINTABLE,
  PROP_ZOOM,
  PROP_FIT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Pixels are never negative here: no need for libm. */
static int
round_up (double length)
{
  int whole = (int) length;

  return whole < length ? whole + 1 : whole;
}

static void
get_natural_size (MopsZoomPicture *self,
                  double          *width,
                  double          *height)
{
  *width = self->natural_width;
  *height = self->natural_height;

  if (*width <= 0 || *height <= 0)
    {
      *width = gdk_paintable_get_intrinsic_width (self->paintable);
      *height = gdk_paintable_get_intrinsic_height (self->paintable);
    }
}

/* The largest zoom that fits @width × @height without drawing the paintable beyond its own
 * pixels (a small photo stays at 100 %, a vector rendering may grow to its render size). */
static double
compute_fit_zoom (MopsZoomPicture *self,
                  int              width,
                  int              height)
{
  double natural_width, natural_height, own_width;

  if (self->paintable == NULL)
    return 1.0;

  get_natural_size (self, &natural_width, &natural_height);
  own_width = gdk_paintable_get_intrinsic_width (self->paintable);
  if (natural_width <= 0 || natural_height <= 0 || own_width <= 0)
    return 1.0;

  return MIN (MIN (width / natural_width, height / natural_height), own_width / natural_width);
}

static void
on_paintable_invalidate_contents_cb (GdkPaintable    *paintable,
                                     MopsZoomPicture *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_paintable_invalidate_size_cb (GdkPaintable    *paintable,
                                 MopsZoomPicture *self)
{
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
mops_zoom_picture_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  MopsZoomPicture *self = MOPS_ZOOM_PICTURE (widget);
  double natural_width, natural_height, length;

  *minimum = *natural = 0;
  if (self->paintable == NULL)
    return;

  get_natural_size (self, &natural_width, &natural_height);
  length = orientation == GTK_ORIENTATION_HORIZONTAL ? natural_width : natural_height;

  if (self->fit)
    *natural = round_up (length * MIN (1.0, compute_fit_zoom (self, G_MAXINT, G_MAXINT)));
  else
    *minimum = *natural = round_up (length * self->zoom);
}

static void
mops_zoom_picture_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  MopsZoomPicture *self = MOPS_ZOOM_PICTURE (widget);
  double fit_zoom;

  if (!self->fit)
    return;

  /* Listeners of notify::zoom are told during allocation: they must not resize anything
   * before it ends. */
  fit_zoom = compute_fit_zoom (self, width, height);
  if (ABS (fit_zoom - self->fit_zoom) > 1e-6)
    {
      self->fit_zoom = fit_zoom;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
    }
}

static void
mops_zoom_picture_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  MopsZoomPicture *self = MOPS_ZOOM_PICTURE (widget);
  double natural_width, natural_height, zoom, width, height;
  int allocated_width = gtk_widget_get_width (widget);
  int allocated_height = gtk_widget_get_height (widget);

  if (self->paintable == NULL)
    return;

  get_natural_size (self, &natural_width, &natural_height);
  zoom = mops_zoom_picture_get_zoom (self);
  width = natural_width * zoom;
  height = natural_height * zoom;

  /* Centred when smaller than the allocation. */
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((int) MAX (0, (allocated_width - width) / 2),
                                                          (int) MAX (0, (allocated_height - height) / 2)));
  gdk_paintable_snapshot (self->paintable, snapshot, width, height);
  gtk_snapshot_restore (snapshot);
}

static void
mops_zoom_picture_dispose (GObject *object)
{
  MopsZoomPicture *self = MOPS_ZOOM_PICTURE (object);

  mops_zoom_picture_set_paintable (self, NULL);

  G_OBJECT_CLASS (mops_zoom_picture_parent_class)->dispose (object);
}

static void
mops_zoom_picture_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  MopsZoomPicture *self = MOPS_ZOOM_PICTURE (object);

  switch (prop_id)
    {
    case PROP_PAINTABLE:
      g_value_set_object (value, self->paintable);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, mops_zoom_picture_get_zoom (self));
      break;
    case PROP_FIT:
      g_value_set_boolean (value, self->fit);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mops_zoom_picture_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  MopsZoomPicture *self = MOPS_ZOOM_PICTURE (object);

  switch (prop_id)
    {
    case PROP_PAINTABLE:
      mops_zoom_picture_set_paintable (self, g_value_get_object (value));
      break;
    case PROP_ZOOM:
      mops_zoom_picture_set_zoom (self, g_value_get_double (value));
      break;
    case PROP_FIT:
      mops_zoom_picture_set_fit (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mops_zoom_picture_class_init (MopsZoomPictureClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mops_zoom_picture_dispose;
  object_class->get_property = mops_zoom_picture_get_property;
  object_class->set_property = mops_zoom_picture_set_property;

  widget_class->measure = mops_zoom_picture_measure;
  widget_class->size_allocate = mops_zoom_picture_size_allocate;
  widget_class->snapshot = mops_zoom_picture_snapshot;

  properties[PROP_PAINTABLE] =
    g_param_spec_object ("paintable", NULL, NULL, GDK_TYPE_PAINTABLE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, 0.001, 1000.0, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FIT] =
    g_param_spec_boolean ("fit", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "picture");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
mops_zoom_picture_init (MopsZoomPicture *self)
{
  self->zoom = 1.0;
  self->fit_zoom = 1.0;
  self->fit = TRUE;
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}

void
mops_zoom_picture_set_paintable (MopsZoomPicture *self,
                                 GdkPaintable    *paintable)
{
  g_return_if_fail (MOPS_IS_ZOOM_PICTURE (self));
  g_return_if_fail (paintable == NULL || GDK_IS_PAINTABLE (paintable));

  if (self->paintable == paintable)
    return;

  if (self->paintable != NULL)
    g_signal_handlers_disconnect_by_data (self->paintable, self);
  g_set_object (&self->paintable, paintable);
  if (paintable != NULL)
    {
      g_signal_connect (paintable, "invalidate-contents", G_CALLBACK (on_paintable_invalidate_contents_cb), self);
      g_signal_connect (paintable, "invalidate-size", G_CALLBACK (on_paintable_invalidate_size_cb), self);
    }

  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAINTABLE]);
}

GdkPaintable *
mops_zoom_picture_get_paintable (MopsZoomPicture *self)
{
  g_return_val_if_fail (MOPS_IS_ZOOM_PICTURE (self), NULL);
  return self->paintable;
}

void
mops_zoom_picture_set_natural_size (MopsZoomPicture *self,
                                    int              width,
                                    int              height)
{
  g_return_if_fail (MOPS_IS_ZOOM_PICTURE (self));

  if (self->natural_width == width && self->natural_height == height)
    return;

  self->natural_width = MAX (0, width);
  self->natural_height = MAX (0, height);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
mops_zoom_picture_get_natural_size (MopsZoomPicture *self,
                                    int             *width,
                                    int             *height)
{
  double natural_width = 0, natural_height = 0;

  g_return_if_fail (MOPS_IS_ZOOM_PICTURE (self));

  if (self->paintable != NULL)
    get_natural_size (self, &natural_width, &natural_height);
  if (width != NULL)
    *width = (int) natural_width;
  if (height != NULL)
    *height = (int) natural_height;
}

void
mops_zoom_picture_set_zoom (MopsZoomPicture *self,
                            double           zoom)
{
  g_return_if_fail (MOPS_IS_ZOOM_PICTURE (self));
  g_return_if_fail (zoom > 0);

  if (!self->fit && ABS (self->zoom - zoom) < 1e-9)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  if (self->fit)
    {
      self->fit = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIT]);
    }
  self->zoom = zoom;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
  g_object_thaw_notify (G_OBJECT (self));

  gtk_widget_queue_resize (GTK_WIDGET (self));
}

double
mops_zoom_picture_get_zoom (MopsZoomPicture *self)
{
  g_return_val_if_fail (MOPS_IS_ZOOM_PICTURE (self), 1.0);
  return self->fit ? self->fit_zoom : self->zoom;
}

void
mops_zoom_picture_set_fit (MopsZoomPicture *self,
                           gboolean         fit)
{
  g_return_if_fail (MOPS_IS_ZOOM_PICTURE (self));

  fit = !!fit;
  if (self->fit == fit)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  if (!fit)
    self->zoom = self->fit_zoom;   /* leaving fit keeps what the person sees */
  self->fit = fit;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
  g_object_thaw_notify (G_OBJECT (self));

  gtk_widget_queue_resize (GTK_WIDGET (self));
}

gboolean
mops_zoom_picture_get_fit (MopsZoomPicture *self)
{
  g_return_val_if_fail (MOPS_IS_ZOOM_PICTURE (self), FALSE);
  return self->fit;
}
