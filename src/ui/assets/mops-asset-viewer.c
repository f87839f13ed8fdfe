/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-asset-viewer.c — one asset shown large, with zoom, pages and "Export a Copy…" */

#include "config.h"

#define G_LOG_DOMAIN "mops-asset-viewer"

#include <string.h>

#include <glib/gi18n.h>

#include "core/mops-asset.h"
#include "core/mops-export.h"
#include "core/mops-search.h"
#include "mops-asset-viewer.h"
#include "mops-zoom-picture.h"

/* The first picture of a page; zooming past what it holds asks for a sharper one. */
#define RENDER_SIZE        2048
#define RENDER_SIZE_SHARP  4096
#define RENDER_SIZE_FONT   1024

/* Text files are shown up to this size. */
#define TEXT_LIMIT         (1024 * 1024)

#define ZOOM_STEP          1.25
#define ZOOM_MIN           0.05
#define ZOOM_MAX           8.0

typedef enum
{
  VIEW_PICTURE,   /* images, SVGs, fonts (a specimen) */
  VIEW_PAGES,     /* PDFs: a picture per page */
  VIEW_TEXT,
  VIEW_OTHER,     /* what the file is, and "Open" */
} ViewKind;

struct _MopsAssetViewer
{
  AdwWindow             parent_instance;

  MopsLibrary          *library;
  gint64                asset_id;
  MopsAsset            *asset;
  GCancellable         *cancellable;
  GtkFileChooserNative *chooser;
  ViewKind              kind;
  int                   page;
  int                   page_count;
  int                   shown_size;       /* render size of the picture on screen, 0 = none */
  guint                 render_serial;    /* only the newest request is shown */
  guint                 n_rendering;
  gboolean              reading_text;
  gboolean              exporting;
  gboolean              opening;          /* a copy for another program is being made */
  char                 *export_path;      /* the copy being written */
  guint                 zoom_idle_id;
  double                centre_x;         /* keep this point centred after a zoom */
  double                centre_y;
  gboolean              recentre_x;
  gboolean              recentre_y;

  /* template */
  AdwWindowTitle       *window_title;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  GtkScrolledWindow    *scroller;
  MopsZoomPicture      *picture;
  GtkTextView          *text_view;
  AdwStatusPage        *other_page;
  AdwStatusPage        *error_page;
  GtkActionBar         *view_bar;
  GtkWidget            *page_box;
  GtkLabel             *page_label;
  GtkWidget            *zoom_box;
  GtkLabel             *zoom_label;
};

G_DEFINE_FINAL_TYPE (MopsAssetViewer, mops_asset_viewer, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_ASSET_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void start_render (MopsAssetViewer *self,
                          int              size,
                          gboolean         show_spinner);

/* Helpers ------------------------------------------------------------------------------- */

static ViewKind
view_kind_for_mime (const char *mime)
{
  if (mime == NULL)
    return VIEW_OTHER;
  if (g_str_equal (mime, "application/pdf") || g_str_equal (mime, "application/illustrator"))
    return VIEW_PAGES;
  if (g_str_has_prefix (mime, "image/") || mops_asset_type_for_mime (mime) == MOPS_ASSET_TYPE_FONT)
    return VIEW_PICTURE;
  if (g_str_has_prefix (mime, "text/") || g_str_equal (mime, "application/json"))
    return VIEW_TEXT;
  return VIEW_OTHER;
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

/* Monospace for the plain formats people edit by hand. */
static gboolean
wants_monospace (const char *mime,
                 const char *name)
{
  static const char * const mimes[] = { "text/plain", "text/markdown", "text/x-markdown", "text/csv",
                                        "application/json" };
  static const char * const suffixes[] = { ".txt", ".md", ".markdown", ".csv", ".json" };
  g_autofree char *lower = g_utf8_strdown (name != NULL ? name : "", -1);

  for (guint i = 0; i < G_N_ELEMENTS (mimes); i++)
    if (g_strcmp0 (mime, mimes[i]) == 0)
      return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_has_suffix (lower, suffixes[i]))
      return TRUE;

  return FALSE;
}

static gboolean
is_busy (MopsAssetViewer *self)
{
  return self->n_rendering > 0 || self->reading_text || self->exporting || self->opening;
}

static void
show_toast (MopsAssetViewer *self,
            const char      *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

static void
show_error_page (MopsAssetViewer *self,
                 const char      *message)
{
  adw_status_page_set_description (self->error_page, message);
  gtk_stack_set_visible_child_name (self->stack, "error");
  gtk_widget_set_visible (GTK_WIDGET (self->view_bar), FALSE);
}

static void
update_actions (MopsAssetViewer *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean zoomable = self->shown_size > 0 && (self->kind == VIEW_PICTURE || self->kind == VIEW_PAGES);

  gtk_widget_action_set_enabled (widget, "viewer.previous-page", self->kind == VIEW_PAGES && self->page > 0);
  gtk_widget_action_set_enabled (widget, "viewer.next-page",
                                 self->kind == VIEW_PAGES && self->page + 1 < self->page_count);
  gtk_widget_action_set_enabled (widget, "viewer.zoom-in", zoomable);
  gtk_widget_action_set_enabled (widget, "viewer.zoom-out", zoomable);
  gtk_widget_action_set_enabled (widget, "viewer.zoom-fit", zoomable);
  gtk_widget_action_set_enabled (widget, "viewer.zoom-original", zoomable);
  gtk_widget_action_set_enabled (widget, "viewer.export", self->asset != NULL && !self->exporting);
  gtk_widget_action_set_enabled (widget, "viewer.open", self->asset != NULL);
}

static void
update_page_label (MopsAssetViewer *self)
{
  g_autofree char *text = g_strdup_printf (_("Page %d of %d"), self->page + 1, MAX (1, self->page_count));

  gtk_label_set_text (self->page_label, text);
  gtk_widget_set_visible (self->page_box, self->kind == VIEW_PAGES);
}

static void
update_zoom_label (MopsAssetViewer *self)
{
  g_autofree char *text = NULL;

  /* Translators: a zoom level, "150 %" */
  text = g_strdup_printf (_("%d %%"), (int) (mops_zoom_picture_get_zoom (self->picture) * 100 + 0.5));
  gtk_label_set_text (self->zoom_label, text);
}

/* Pictures --------------------------------------------------------------------------------- */

/* One picture on its way: core renders it into a PNG, a worker here decodes the texture. */
typedef struct
{
  MopsAssetViewer *viewer;
  int              size;
  guint            serial;
  gboolean         spinner;      /* the request hid the picture behind the spinner */
  char            *png;
  GdkTexture      *texture;
  int              page_count;
  int              natural;      /* the picture's longest edge at 100 %; 0 = the texture's */
} RenderJob;

static void
render_job_free (RenderJob *job)
{
  g_clear_object (&job->viewer);
  g_free (job->png);
  g_clear_object (&job->texture);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RenderJob, render_job_free)

/* Texture loading: our own PNG, written by the helper, safe to decode here. */
static void
load_texture_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  RenderJob *job = task_data;
  GError *error = NULL;

  job->texture = gdk_texture_new_from_filename (job->png, &error);
  if (job->texture == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* The size at 100 %: the picture's own pixels (or a PDF page's points) as the render found
 * them, whether or not the previews have recorded them yet, in the proportions of the
 * picture (which follows EXIF orientation). */
static void
set_natural_size (MopsAssetViewer *self,
                  GdkTexture      *texture,
                  int              natural)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  double scale = 1.0;

  if (natural > 0)
    scale = (double) natural / MAX (width, height);

  mops_zoom_picture_set_natural_size (self->picture, (int) (width * scale + 0.5), (int) (height * scale + 0.5));
}

static void
show_render_error (MopsAssetViewer *self,
                   RenderJob       *job,
                   GError          *error)
{
  if (job->serial != self->render_serial)
    return;
  /* A sharper picture that failed leaves the one on screen. */
  if (job->spinner || self->shown_size == 0)
    show_error_page (self, error->message);
  else
    show_toast (self, error->message);
  update_actions (self);
}

static void
on_render_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  MopsAssetViewer *self = MOPS_ASSET_VIEWER (source);
  RenderJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  self->n_rendering--;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      show_render_error (self, job, error);
      return;
    }

  if (job->serial != self->render_serial)
    return;

  self->page_count = job->page_count;
  self->shown_size = job->size;
  set_natural_size (self, job->texture, job->natural);
  mops_zoom_picture_set_paintable (self->picture, GDK_PAINTABLE (job->texture));
  gtk_stack_set_visible_child_name (self->stack, "picture");

  update_page_label (self);
  update_zoom_label (self);
  update_actions (self);
}

static void
on_rendered_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(RenderJob) job = user_data;
  MopsAssetViewer *self = job->viewer;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;

  job->png = mops_preview_render_finish (MOPS_LIBRARY (source), result, &job->page_count, &job->natural, &error);
  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  if (job->png == NULL)
    {
      self->n_rendering--;
      show_render_error (self, job, error);
      return;
    }

  task = g_task_new (self, self->cancellable, on_render_done_cb, NULL);
  g_task_set_task_data (task, g_steal_pointer (&job), (GDestroyNotify) render_job_free);
  g_task_run_in_thread (task, load_texture_thread);
}

static void
start_render (MopsAssetViewer *self,
              int              size,
              gboolean         show_spinner)
{
  RenderJob *job = g_new0 (RenderJob, 1);

  job->viewer = g_object_ref (self);
  job->size = size;
  job->serial = ++self->render_serial;
  job->spinner = show_spinner;

  if (show_spinner)
    {
      self->shown_size = 0;
      gtk_stack_set_visible_child_name (self->stack, "loading");
    }

  self->n_rendering++;
  mops_preview_render_async (self->library, self->asset_id, self->page, size, self->cancellable,
                             on_rendered_cb, job);
  update_actions (self);
}

static int
first_render_size (MopsAssetViewer *self)
{
  if (mops_asset_type_for_mime (mops_asset_get_mime (self->asset)) == MOPS_ASSET_TYPE_FONT)
    return RENDER_SIZE_FONT;

  return RENDER_SIZE;
}

/* Zoomed in past the pixels of the picture on screen: ask for a sharper one, when the file
 * has more to give. */
static void
sharpen_if_needed (MopsAssetViewer *self)
{
  GdkPaintable *paintable = mops_zoom_picture_get_paintable (self->picture);
  int natural_width, natural_height, own, wanted;
  double zoom = mops_zoom_picture_get_zoom (self->picture);

  if (paintable == NULL || self->n_rendering > 0 || self->shown_size >= RENDER_SIZE_SHARP ||
      first_render_size (self) == RENDER_SIZE_FONT)
    return;

  mops_zoom_picture_get_natural_size (self->picture, &natural_width, &natural_height);
  own = MAX (gdk_paintable_get_intrinsic_width (paintable), gdk_paintable_get_intrinsic_height (paintable));
  wanted = (int) (MAX (natural_width, natural_height) * zoom + 0.999);
  if (wanted <= own * 1.05)
    return;

  /* A raster image has no more pixels than its own. */
  if (self->kind == VIEW_PICTURE && !g_str_has_prefix (mops_asset_get_mime (self->asset), "image/svg") &&
      MAX (natural_width, natural_height) <= own)
    return;

  start_render (self, RENDER_SIZE_SHARP, FALSE);
}

static gboolean
on_zoom_idle_cb (gpointer user_data)
{
  MopsAssetViewer *self = user_data;

  self->zoom_idle_id = 0;
  update_zoom_label (self);
  sharpen_if_needed (self);
  return G_SOURCE_REMOVE;
}

/* Told during allocation in fit mode: labels change once it is over. */
static void
on_picture_zoom_changed_cb (MopsAssetViewer *self)
{
  if (self->zoom_idle_id == 0)
    self->zoom_idle_id = g_idle_add (on_zoom_idle_cb, self);
}

static void
on_adjustment_changed_cb (GtkAdjustment   *adjustment,
                          MopsAssetViewer *self)
{
  gboolean horizontal = adjustment == gtk_scrolled_window_get_hadjustment (self->scroller);
  gboolean *pending = horizontal ? &self->recentre_x : &self->recentre_y;
  double centre = horizontal ? self->centre_x : self->centre_y;

  if (!*pending)
    return;

  *pending = FALSE;
  gtk_adjustment_set_value (adjustment, centre * gtk_adjustment_get_upper (adjustment)
                                        - gtk_adjustment_get_page_size (adjustment) / 2);
}

static double
relative_centre (GtkAdjustment *adjustment)
{
  double upper = gtk_adjustment_get_upper (adjustment);

  if (upper <= 0)
    return 0.5;

  return (gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment) / 2) / upper;
}

static void
set_zoom (MopsAssetViewer *self,
          double           zoom)
{
  self->centre_x = relative_centre (gtk_scrolled_window_get_hadjustment (self->scroller));
  self->centre_y = relative_centre (gtk_scrolled_window_get_vadjustment (self->scroller));
  self->recentre_x = self->recentre_y = TRUE;

  gtk_scrolled_window_set_policy (self->scroller, GTK_POLICY_AUTOMATIC, GTK_POLICY_AUTOMATIC);
  mops_zoom_picture_set_zoom (self->picture, CLAMP (zoom, ZOOM_MIN, ZOOM_MAX));
}

/* Text ------------------------------------------------------------------------------------ */

static void
on_text_read_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(MopsAssetViewer) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gboolean truncated = FALSE;

  text = mops_asset_read_text_finish (MOPS_LIBRARY (source), result, &truncated, &error);
  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  self->reading_text = FALSE;
  if (text == NULL)
    {
      show_error_page (self, error->message);
      return;
    }

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text, -1);
  gtk_text_view_set_monospace (self->text_view, wants_monospace (mops_asset_get_mime (self->asset),
                                                                  mops_asset_get_original_name (self->asset)));
  gtk_stack_set_visible_child_name (self->stack, "text");

  if (truncated)
    {
      g_autofree char *note = g_strdup_printf (_("Only the first megabyte of “%s” is shown"),
                                               mops_asset_get_original_name (self->asset));
      show_toast (self, note);
    }
}

static void
start_reading_text (MopsAssetViewer *self)
{
  self->reading_text = TRUE;
  gtk_stack_set_visible_child_name (self->stack, "loading");
  mops_asset_read_text_async (self->library, self->asset_id, TEXT_LIMIT, self->cancellable, on_text_read_cb,
                              g_object_ref (self));
}

/* Other kinds ----------------------------------------------------------------------------- */

static void
show_other (MopsAssetViewer *self)
{
  const char *mime = mops_asset_get_mime (self->asset);
  g_autofree char *content_type = g_content_type_from_mime_type (mime);
  g_autofree char *type = content_type != NULL ? g_content_type_get_description (content_type) : g_strdup (mime);
  g_autofree char *size = g_format_size ((guint64) mops_asset_get_size (self->asset));
  /* Translators: what a file is and how big, "ZIP archive · 1.2 MB" */
  g_autofree char *description = g_strdup_printf (_("%s · %s"), type, size);

  adw_status_page_set_icon_name (self->other_page, icon_for_mime (mime));
  adw_status_page_set_title (self->other_page, mops_asset_get_display_name (self->asset));
  adw_status_page_set_description (self->other_page, description);
  gtk_stack_set_visible_child_name (self->stack, "other");
}

/* Export ---------------------------------------------------------------------------------- */

static void
show_export_error (MopsAssetViewer *self,
                   const char      *message)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                                         _("Could Not Export a Copy"),
                                                                         message));

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_export_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(MopsAssetViewer) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *sidecar_path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  gboolean done;

  done = mops_export_asset_copy_finish (MOPS_LIBRARY (source), result, &sidecar_path, &error);
  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  self->exporting = FALSE;
  update_actions (self);

  if (!done)
    {
      show_export_error (self, error->message);
      return;
    }

  name = g_filename_display_basename (self->export_path);
  if (sidecar_path != NULL)
    {
      g_autofree char *sidecar = g_filename_display_basename (sidecar_path);

      message = g_strdup_printf (_("Exported “%s”; its metadata is in “%s”"), name, sidecar);
    }
  else
    message = g_strdup_printf (_("Exported “%s” with its metadata"), name);

  show_toast (self, message);
}

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        MopsAssetViewer *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        mops_asset_viewer_export_to (self, file);
    }

  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);
}

/* Open ------------------------------------------------------------------------------------ */

static void
on_uri_shown_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(MopsAssetViewer) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
      !g_cancellable_is_cancelled (self->cancellable))
    {
      g_autofree char *message = g_strdup_printf (_("Could not open “%s”: %s"),
                                                  mops_asset_get_original_name (self->asset), error->message);

      show_toast (self, message);
    }
}

/* Actions --------------------------------------------------------------------------------- */

static void
go_to_page (MopsAssetViewer *self,
            int              page)
{
  if (page < 0 || page >= self->page_count || page == self->page)
    return;

  self->page = page;
  update_page_label (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  start_render (self, first_render_size (self), TRUE);
}

static void
previous_page_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  MopsAssetViewer *self = MOPS_ASSET_VIEWER (widget);

  go_to_page (self, self->page - 1);
}

static void
next_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  MopsAssetViewer *self = MOPS_ASSET_VIEWER (widget);

  go_to_page (self, self->page + 1);
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  MopsAssetViewer *self = MOPS_ASSET_VIEWER (widget);

  set_zoom (self, mops_zoom_picture_get_zoom (self->picture) * ZOOM_STEP);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  MopsAssetViewer *self = MOPS_ASSET_VIEWER (widget);

  set_zoom (self, mops_zoom_picture_get_zoom (self->picture) / ZOOM_STEP);
}

static void
zoom_fit_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  MopsAssetViewer *self = MOPS_ASSET_VIEWER (widget);

  gtk_scrolled_window_set_policy (self->scroller, GTK_POLICY_NEVER, GTK_POLICY_NEVER);
  mops_zoom_picture_set_fit (self->picture, TRUE);
}

static void
zoom_original_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  set_zoom (MOPS_ASSET_VIEWER (widget), 1.0);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  MopsAssetViewer *self = MOPS_ASSET_VIEWER (widget);

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Export a Copy"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), mops_asset_get_original_name (self->asset));
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Another program gets a copy named after the asset, outside the library's files/: an
 * editor that saves over what it opened cannot break the content-addressed original. */
static void
on_copy_made_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(MopsAssetViewer) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = mops_asset_open_copy_finish (MOPS_LIBRARY (source), result, &error);
  g_autofree char *uri = NULL;

  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  self->opening = FALSE;
  if (path == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not open “%s”: %s"),
                                                  mops_asset_get_original_name (self->asset), error->message);

      show_toast (self, message);
      return;
    }

  uri = g_filename_to_uri (path, NULL, NULL);
  if (uri != NULL)
    gtk_show_uri_full (GTK_WINDOW (self), uri, GDK_CURRENT_TIME, self->cancellable, on_uri_shown_cb,
                       g_object_ref (self));
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  MopsAssetViewer *self = MOPS_ASSET_VIEWER (widget);

  if (self->opening || self->asset == NULL)
    return;

  self->opening = TRUE;
  mops_asset_open_copy_async (self->library, self->asset_id, self->cancellable, on_copy_made_cb,
                              g_object_ref (self));
}

/* Showing the asset ----------------------------------------------------------------------- */

static void
show_asset (MopsAssetViewer *self)
{
  g_autoptr(GError) error = NULL;
  const char *display_name;

  self->asset = mops_asset_load (self->library, self->asset_id, &error);
  if (self->asset == NULL)
    {
      self->kind = VIEW_OTHER;
      show_error_page (self, error->message);
      update_actions (self);
      return;
    }

  display_name = mops_asset_get_display_name (self->asset);
  gtk_window_set_title (GTK_WINDOW (self), display_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->picture), GTK_ACCESSIBLE_PROPERTY_LABEL, display_name, -1);
  adw_window_title_set_title (self->window_title, display_name);
  if (g_strcmp0 (display_name, mops_asset_get_original_name (self->asset)) != 0)
    adw_window_title_set_subtitle (self->window_title, mops_asset_get_original_name (self->asset));

  self->kind = view_kind_for_mime (mops_asset_get_mime (self->asset));
  self->page = 0;
  self->page_count = MAX (1, mops_asset_get_page_count (self->asset));
  gtk_widget_set_visible (GTK_WIDGET (self->view_bar), self->kind == VIEW_PICTURE || self->kind == VIEW_PAGES);
  update_page_label (self);

  /* A specimen tells the truth at 100 %: its "12 px" line is 12 pixels high. */
  if (first_render_size (self) == RENDER_SIZE_FONT)
    {
      gtk_scrolled_window_set_policy (self->scroller, GTK_POLICY_AUTOMATIC, GTK_POLICY_AUTOMATIC);
      mops_zoom_picture_set_zoom (self->picture, 1.0);
    }

  switch (self->kind)
    {
    case VIEW_PICTURE:
    case VIEW_PAGES:
      start_render (self, first_render_size (self), TRUE);
      break;
    case VIEW_TEXT:
      start_reading_text (self);
      break;
    case VIEW_OTHER:
    default:
      show_other (self);
      break;
    }

  update_actions (self);

  /* Enter launches nothing: the focus starts on what is shown, not on a header button. */
  gtk_window_set_focus (GTK_WINDOW (self), self->kind == VIEW_TEXT ? GTK_WIDGET (self->text_view)
                                                                    : GTK_WIDGET (self->scroller));
}

/* GObject --------------------------------------------------------------------------------- */

static void
mops_asset_viewer_constructed (GObject *object)
{
  MopsAssetViewer *self = MOPS_ASSET_VIEWER (object);

  G_OBJECT_CLASS (mops_asset_viewer_parent_class)->constructed (object);

  g_return_if_fail (MOPS_IS_LIBRARY (self->library));
  show_asset (self);
}

static void
mops_asset_viewer_dispose (GObject *object)
{
  MopsAssetViewer *self = MOPS_ASSET_VIEWER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->zoom_idle_id, g_source_remove);
  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  if (self->scroller != NULL)
    {
      g_signal_handlers_disconnect_by_data (gtk_scrolled_window_get_hadjustment (self->scroller), self);
      g_signal_handlers_disconnect_by_data (gtk_scrolled_window_get_vadjustment (self->scroller), self);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), MOPS_TYPE_ASSET_VIEWER);
  g_clear_object (&self->asset);

  G_OBJECT_CLASS (mops_asset_viewer_parent_class)->dispose (object);
}

static void
mops_asset_viewer_finalize (GObject *object)
{
  MopsAssetViewer *self = MOPS_ASSET_VIEWER (object);

  g_free (self->export_path);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->library);

  G_OBJECT_CLASS (mops_asset_viewer_parent_class)->finalize (object);
}

static void
mops_asset_viewer_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  MopsAssetViewer *self = MOPS_ASSET_VIEWER (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;
    case PROP_ASSET_ID:
      g_value_set_int64 (value, self->asset_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mops_asset_viewer_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  MopsAssetViewer *self = MOPS_ASSET_VIEWER (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      self->library = g_value_dup_object (value);
      break;
    case PROP_ASSET_ID:
      self->asset_id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mops_asset_viewer_class_init (MopsAssetViewerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = mops_asset_viewer_constructed;
  object_class->dispose = mops_asset_viewer_dispose;
  object_class->finalize = mops_asset_viewer_finalize;
  object_class->get_property = mops_asset_viewer_get_property;
  object_class->set_property = mops_asset_viewer_set_property;

  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL, MOPS_TYPE_LIBRARY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ASSET_ID] =
    g_param_spec_int64 ("asset-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (MOPS_TYPE_ZOOM_PICTURE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/mopsapp/Mops/assets/mops-asset-viewer.ui");
  gtk_widget_class_bind_template_child (widget_class, MopsAssetViewer, window_title);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetViewer, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetViewer, stack);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetViewer, scroller);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetViewer, picture);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetViewer, text_view);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetViewer, other_page);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetViewer, error_page);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetViewer, view_bar);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetViewer, page_box);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetViewer, page_label);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetViewer, zoom_box);
  gtk_widget_class_bind_template_child (widget_class, MopsAssetViewer, zoom_label);
  gtk_widget_class_bind_template_callback (widget_class, on_picture_zoom_changed_cb);

  /* Their shortcuts are in the template's shortcut controller. */
  gtk_widget_class_install_action (widget_class, "viewer.previous-page", NULL, previous_page_action);
  gtk_widget_class_install_action (widget_class, "viewer.next-page", NULL, next_page_action);
  gtk_widget_class_install_action (widget_class, "viewer.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "viewer.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "viewer.zoom-fit", NULL, zoom_fit_action);
  gtk_widget_class_install_action (widget_class, "viewer.zoom-original", NULL, zoom_original_action);
  gtk_widget_class_install_action (widget_class, "viewer.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "viewer.open", NULL, open_action);
}

static void
mops_asset_viewer_init (MopsAssetViewer *self)
{
  self->cancellable = g_cancellable_new ();
  self->page_count = 1;

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (gtk_scrolled_window_get_hadjustment (self->scroller), "changed",
                    G_CALLBACK (on_adjustment_changed_cb), self);
  g_signal_connect (gtk_scrolled_window_get_vadjustment (self->scroller), "changed",
                    G_CALLBACK (on_adjustment_changed_cb), self);
}

/* Public ---------------------------------------------------------------------------------- */

GtkWindow *
mops_asset_viewer_new (GtkWindow   *parent,
                       MopsLibrary *library,
                       gint64       asset_id)
{
  GtkApplication *application;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (MOPS_IS_LIBRARY (library), NULL);

  /* The application's shortcuts (Ctrl+W, Ctrl+Q) work here too. */
  application = parent != NULL ? gtk_window_get_application (parent) : NULL;

  return g_object_new (MOPS_TYPE_ASSET_VIEWER,
                       "transient-for", parent,
                       "application", application,
                       "library", library,
                       "asset-id", asset_id,
                       NULL);
}

gboolean
mops_asset_viewer_is_busy (MopsAssetViewer *self)
{
  g_return_val_if_fail (MOPS_IS_ASSET_VIEWER (self), FALSE);
  return is_busy (self);
}

int
mops_asset_viewer_get_page (MopsAssetViewer *self)
{
  g_return_val_if_fail (MOPS_IS_ASSET_VIEWER (self), 0);
  return self->page;
}

int
mops_asset_viewer_get_page_count (MopsAssetViewer *self)
{
  g_return_val_if_fail (MOPS_IS_ASSET_VIEWER (self), 1);
  return self->page_count;
}

double
mops_asset_viewer_get_zoom (MopsAssetViewer *self)
{
  g_return_val_if_fail (MOPS_IS_ASSET_VIEWER (self), 1.0);
  return mops_zoom_picture_get_zoom (self->picture);
}

gboolean
mops_asset_viewer_get_zoom_fits (MopsAssetViewer *self)
{
  g_return_val_if_fail (MOPS_IS_ASSET_VIEWER (self), TRUE);
  return mops_zoom_picture_get_fit (self->picture);
}

void
mops_asset_viewer_export_to (MopsAssetViewer *self,
                             GFile           *file)
{
  g_autofree char *path = NULL;

  g_return_if_fail (MOPS_IS_ASSET_VIEWER (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->asset == NULL || self->exporting)
    return;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      g_autofree char *message =
        g_strdup_printf (_("“%s” is not a folder on this computer: choose a place on a local disk"), uri);

      show_export_error (self, message);
      return;
    }

  g_free (self->export_path);
  self->export_path = g_steal_pointer (&path);
  self->exporting = TRUE;
  update_actions (self);

  mops_export_asset_copy_async (self->library, self->asset_id, self->export_path, self->cancellable,
                                on_export_done_cb, g_object_ref (self));
}
