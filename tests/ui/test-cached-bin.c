/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cached-bin.c — MopsCachedBin: the same pixels as its child, a new look when the child
 * changes, one texture for equal looks */

#include "config.h"

#include <stdlib.h>

#include <gtk/gtk.h>

#include "ui/widgets/mops-cached-bin.h"

/* A badge as the asset grid draws one: a disc with a blurred shadow round a symbolic icon. */
static const char *css =
  ".test-badge { margin: 8px; padding: 4px; border-radius: 999px; background-color: white;"
  "  box-shadow: 0 1px 3px alpha(black, 0.25); color: #c01c28; }"
  ".test-badge.other { color: #1c71d8; }"
  ".test-dim { opacity: 0.55; }";

typedef struct
{
  GtkWidget *window;
  GtkWidget *bins[2];    /* MopsCachedBins holding an image each */
  GtkWidget *plain;      /* the same image in a GtkBox */
} Scene;

static gboolean
on_after_paint_cb (GdkFrameClock *clock,
                   gboolean      *painted)
{
  *painted = TRUE;
  return FALSE;
}

/* Runs the main loop until @window has painted a frame since now. */
static void
wait_for_paint (GtkWidget *window)
{
  gboolean painted = FALSE;
  GdkFrameClock *clock;
  gulong handler;
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!gtk_widget_get_mapped (window) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_widget_get_mapped (window));

  clock = gtk_widget_get_frame_clock (window);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &painted);
  gtk_widget_queue_draw (window);
  while (!painted && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);
  g_assert_true (painted);
}

static GtkWidget *
make_badge (const char *icon_name)
{
  GtkWidget *image = gtk_image_new_from_icon_name (icon_name);

  gtk_widget_add_css_class (image, "test-badge");
  return image;
}

static GtkWidget *
make_bin (GtkWidget *child)
{
  GtkWidget *bin = mops_cached_bin_new ();

  gtk_widget_set_parent (child, bin);
  gtk_widget_set_valign (bin, GTK_ALIGN_START);
  return bin;
}

static void
scene_init (Scene *scene)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  gtk_css_provider_load_from_data (provider, css, -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  scene->bins[0] = make_bin (make_badge ("dialog-question-symbolic"));
  scene->bins[1] = make_bin (make_badge ("dialog-question-symbolic"));
  scene->plain = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_box_append (GTK_BOX (scene->plain), make_badge ("dialog-question-symbolic"));
  gtk_widget_set_valign (scene->plain, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), scene->bins[0]);
  gtk_box_append (GTK_BOX (box), scene->bins[1]);
  gtk_box_append (GTK_BOX (box), scene->plain);

  scene->window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (scene->window), box);
  gtk_window_present (GTK_WINDOW (scene->window));
  wait_for_paint (scene->window);
}

static void
scene_clear (Scene *scene)
{
  gtk_window_destroy (GTK_WINDOW (scene->window));
}

/* What @widget draws, as the window's renderer draws it. */
static GskRenderNode *
capture (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  return gtk_snapshot_free_to_node (snapshot);
}

/* The pixels of @widget's drawing over white, a frame of 12 px round it for the shadow. */
static guchar *
draw_pixels (GtkWidget *widget,
             int       *width,
             int       *height)
{
  g_autoptr(GskRenderNode) node = capture (widget);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) scene = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  graphene_rect_t bounds;
  guchar *pixels;

  *width = gtk_widget_get_width (widget) + 24;
  *height = gtk_widget_get_height (widget) + 24;
  graphene_rect_init (&bounds, -12, -12, *width, *height);
  gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 1, 1, 1, 1 }, &bounds);
  gtk_snapshot_append_node (snapshot, node);
  scene = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (renderer, scene, &bounds);

  pixels = g_malloc (*width * *height * 4);
  gdk_texture_download (texture, pixels, *width * 4);
  return pixels;
}

/* The largest difference of any channel of any pixel between what @a and @b draw. */
static int
max_difference (GtkWidget *a,
                GtkWidget *b)
{
  int width_a, height_a, width_b, height_b, worst = 0;
  g_autofree guchar *pixels_a = draw_pixels (a, &width_a, &height_a);
  g_autofree guchar *pixels_b = draw_pixels (b, &width_b, &height_b);

  g_assert_cmpint (width_a, ==, width_b);
  g_assert_cmpint (height_a, ==, height_b);
  for (int i = 0; i < width_a * height_a * 4; i++)
    worst = MAX (worst, abs (pixels_a[i] - pixels_b[i]));

  return worst;
}

/* The texture a bin shows (its node is that texture's node, perhaps translated). */
static GdkTexture *
shown_texture (GtkWidget *bin)
{
  g_autoptr(GskRenderNode) node = capture (bin);
  GskRenderNode *inner = node;

  while (gsk_render_node_get_node_type (inner) == GSK_TRANSFORM_NODE)
    inner = gsk_transform_node_get_child (inner);
  while (gsk_render_node_get_node_type (inner) == GSK_CONTAINER_NODE &&
         gsk_container_node_get_n_children (inner) == 1)
    inner = gsk_container_node_get_child (inner, 0);

  if (gsk_render_node_get_node_type (inner) != GSK_TEXTURE_NODE)
    return NULL;

  return gsk_texture_node_get_texture (inner);
}

static gboolean
uses_cairo (Scene *scene)
{
  if (GSK_IS_CAIRO_RENDERER (gtk_native_get_renderer (GTK_NATIVE (scene->window))))
    return TRUE;

  g_test_skip ("MopsCachedBin caches only under the Cairo renderer (GSK_RENDERER=cairo)");
  return FALSE;
}

static void
test_draws_what_its_child_draws (void)
{
  Scene scene;

  scene_init (&scene);
  if (uses_cairo (&scene))
    {
      g_assert_nonnull (shown_texture (scene.bins[0]));
      /* drawn through a texture, composited once: at most a rounding apart */
      g_assert_cmpint (max_difference (scene.bins[0], scene.plain), <=, 2);
    }
  scene_clear (&scene);
}

static void
test_new_look_when_the_child_changes (void)
{
  GdkTexture *before;
  Scene scene;

  scene_init (&scene);
  if (!uses_cairo (&scene))
    {
      scene_clear (&scene);
      return;
    }

  before = shown_texture (scene.bins[0]);
  gtk_image_set_from_icon_name (GTK_IMAGE (gtk_widget_get_first_child (scene.bins[0])), "alarm-symbolic");
  gtk_widget_add_css_class (gtk_widget_get_first_child (scene.bins[0]), "other");
  gtk_image_set_from_icon_name (GTK_IMAGE (gtk_widget_get_first_child (scene.plain)), "alarm-symbolic");
  gtk_widget_add_css_class (gtk_widget_get_first_child (scene.plain), "other");
  wait_for_paint (scene.window);

  g_assert_true (shown_texture (scene.bins[0]) != before);
  g_assert_cmpint (max_difference (scene.bins[0], scene.plain), <=, 2);

  /* An opacity on the child (a dimmed icon) is part of its look. */
  gtk_widget_add_css_class (gtk_widget_get_first_child (scene.bins[0]), "test-dim");
  gtk_widget_add_css_class (gtk_widget_get_first_child (scene.plain), "test-dim");
  wait_for_paint (scene.window);
  g_assert_cmpint (max_difference (scene.bins[0], scene.plain), <=, 2);
  scene_clear (&scene);
}

static void
test_equal_looks_share_a_texture (void)
{
  Scene scene;

  scene_init (&scene);
  if (uses_cairo (&scene))
    {
      g_assert_nonnull (shown_texture (scene.bins[0]));
      g_assert_true (shown_texture (scene.bins[0]) == shown_texture (scene.bins[1]));
    }
  scene_clear (&scene);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cached-bin/draws-what-its-child-draws", test_draws_what_its_child_draws);
  g_test_add_func ("/cached-bin/a-new-look-when-the-child-changes", test_new_look_when_the_child_changes);
  g_test_add_func ("/cached-bin/equal-looks-share-a-texture", test_equal_looks_share_a_texture);

  return g_test_run ();
}
