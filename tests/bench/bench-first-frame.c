/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-first-frame.c — time from starting the app to the first frame whose grid shows assets
 *
 * The benchmark makes a library of 100,000 assets with their thumbnails once (kept in
 * $MOPS_BENCH_DIR when set), then starts the real app on it MOPS_BENCH_RUNS times (default 5, after one warm-up run
 * for a warm page cache): each run is a new process, this program again with --child, which
 * runs MopsApplication as `mops --library PATH` does and watches the window's frame clock
 * from outside the app. A run ends at the first "after-paint" of a frame whose Assets grid
 * had items (its model non-empty, the grid mapped, item widgets in it) when it was painted.
 * Times are wall-clock from just before the process was spawned; the child also reports
 * steps on the way, printed as medians. One more start then scrolls the Assets grid, and
 * after it a bare GtkGridView of plain picture-and-label tiles over the same model and the
 * same thumbnails, in a window of the grid's size: the peer that says what scrolling costs
 * GTK itself on this machine, in the same run. Not a test: nothing is asserted. Needs a
 * display (meson runs it through tests/ui/run-ui-test.sh, which starts Xvfb). */

#include "config.h"

#define G_LOG_DOMAIN "bench-first-frame"

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "../core/mops-test-util.h"
#include "bench-fill.h"
#include "core/mops-asset.h"
#include "core/mops-db-private.h"
#include "core/mops-library-private.h"
#include "core/mops-previews.h"
#include "ui/assets/mops-assets-page.h"
#include "ui/shell/mops-application.h"
#include "ui/shell/mops-window.h"
#include "ui/widgets/mops-texture-loader.h"

#define N_ASSETS        100000
#define CHILD_TIMEOUT_S 120

/* The child: the app, watched ------------------------------------------------------------ */

static struct
{
  MopsApplication *application;
  GtkWidget       *window;
  GtkWidget       *grid;
  GListModel      *model;
  gboolean         items_painted;
  gboolean         painted;
  gboolean         items_seen;
  gboolean         done;

  /* --child-scroll: after the first frame, the grid is scrolled and each frame timed, then
   * the bare grid */
  gboolean           scroll;
  GtkWidget         *page;
  GtkWidget         *bare_window;
  MopsTextureLoader *bare_textures;
  int                bare_tile_size;
} child;

/* One grid scrolled, a frame at a time; its frames are printed with @kind's prefix. */
typedef struct
{
  const char  *prefix;       /* "frame" (Mops) or "bare-frame" */
  GtkWidget   *grid;
  GRand       *rand;
  guint        frame;
  gint64       frame_start;
  gint64       frame_cpu_start;
  gint64       layout_end;
  gint64       last_frame_end;
  GSourceFunc  done;
} Scroll;

/* The main thread's CPU time in µs: what a frame cost it, whatever else the machine runs. */
static gint64
thread_cpu_time (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

#define SMOOTH_FRAMES 240   /* a quarter of a page a frame: a fast kinetic scroll */
#define JUMP_FRAMES   60    /* the scrollbar dragged to places far apart */

static void
mark (const char *step)
{
  /* CLOCK_MONOTONIC, the same clock as the parent's */
  printf ("mark %s %" G_GINT64_FORMAT "\n", step, g_get_monotonic_time ());
  fflush (stdout);
}

static gboolean
quit_cb (gpointer user_data)
{
  GList *windows;

  while ((windows = gtk_application_get_windows (GTK_APPLICATION (child.application))) != NULL)
    gtk_window_destroy (windows->data);

  return G_SOURCE_REMOVE;
}

static gboolean
timeout_cb (gpointer user_data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  g_printerr ("bench: no frame with assets in the grid after %d s (grid %s, %u items, toplevels:",
              CHILD_TIMEOUT_S, child.grid != NULL ? "found" : "not found",
              child.model != NULL ? g_list_model_get_n_items (child.model) : 0);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      g_printerr (" %s", G_OBJECT_TYPE_NAME (window));
    }
  g_printerr (")\n");
  exit (1);
}

static void
on_items_changed_cb (GListModel *model)
{
  if (!child.items_seen && g_list_model_get_n_items (model) > 0)
    {
      child.items_seen = TRUE;
      mark ("items");
    }
}

static GtkWidget *
find_by_type (GtkWidget *root,
              GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_by_type (c, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The Assets page's grid, once the window has its pages. */
static void
find_grid (void)
{
  GtkWidget *page;

  if (child.grid != NULL || (page = find_by_type (child.window, MOPS_TYPE_ASSETS_PAGE)) == NULL)
    return;

  child.grid = find_by_type (page, GTK_TYPE_GRID_VIEW);
  g_assert_nonnull (child.grid);
  child.model = G_LIST_MODEL (gtk_grid_view_get_model (GTK_GRID_VIEW (child.grid)));
  g_signal_connect (child.model, "items-changed", G_CALLBACK (on_items_changed_cb), NULL);
  on_items_changed_cb (child.model);
}

/* Scrolling ---------------------------------------------------------------------------- */

static gboolean
finish_scroll_cb (gpointer user_data)
{
  Scroll *scroll = user_data;

  g_signal_handlers_disconnect_by_data (gtk_widget_get_frame_clock (scroll->grid), scroll);
  g_clear_pointer (&scroll->rand, g_rand_free);
  return scroll->done (NULL);
}

/* Moves the grid for the next frame: first steadily down, then to random places. */
static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  Scroll *scroll = user_data;
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (scroll->grid));
  double page = gtk_adjustment_get_page_size (adjustment);
  double top = gtk_adjustment_get_upper (adjustment) - page;

  if (scroll->frame >= SMOOTH_FRAMES + JUMP_FRAMES)
    {
      /* after this frame's paint */
      g_idle_add (finish_scroll_cb, scroll);
      return G_SOURCE_REMOVE;
    }

  if (scroll->frame < SMOOTH_FRAMES)
    gtk_adjustment_set_value (adjustment, MIN (top, gtk_adjustment_get_value (adjustment) + page / 4));
  else
    gtk_adjustment_set_value (adjustment, g_rand_double_range (scroll->rand, 0, top));

  return G_SOURCE_CONTINUE;
}

static void
on_scroll_before_paint_cb (GdkFrameClock *clock,
                           Scroll        *scroll)
{
  scroll->frame_start = g_get_monotonic_time ();
  scroll->frame_cpu_start = thread_cpu_time ();
}

/* Connected after GTK's own handler: the window has been laid out (rows bound). */
static void
on_scroll_layout_cb (GdkFrameClock *clock,
                     Scroll        *scroll)
{
  scroll->layout_end = g_get_monotonic_time ();
}

static void
on_scroll_after_paint_cb (GdkFrameClock *clock,
                          Scroll        *scroll)
{
  gint64 now = g_get_monotonic_time ();

  if (scroll->last_frame_end > 0 && scroll->frame_start > 0)
    {
      /* the frame's layout, its paint, the time since the frame before, the main thread's CPU
       * time for layout and paint */
      printf ("%s %s %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n",
              scroll->prefix, scroll->frame <= SMOOTH_FRAMES ? "smooth" : "jump",
              scroll->layout_end - scroll->frame_start, now - scroll->layout_end, now - scroll->last_frame_end,
              thread_cpu_time () - scroll->frame_cpu_start);
      scroll->frame++;
    }
  scroll->last_frame_end = now;
}

/* Scrolls @grid (in @window) from its top, the same way for every grid: the same seed. */
static void
start_scroll (Scroll      *scroll,
              const char  *prefix,
              GtkWidget   *window,
              GtkWidget   *grid,
              GSourceFunc  done)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  scroll->prefix = prefix;
  scroll->grid = grid;
  scroll->rand = g_rand_new_with_seed (4);
  scroll->done = done;
  g_signal_connect (clock, "before-paint", G_CALLBACK (on_scroll_before_paint_cb), scroll);
  g_signal_connect (clock, "layout", G_CALLBACK (on_scroll_layout_cb), scroll);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_scroll_after_paint_cb), scroll);
  gtk_widget_add_tick_callback (grid, scroll_tick_cb, scroll, NULL);
}

/* The bare grid ------------------------------------------------------------------------- */

/* A plain tile: the thumbnail box and the name, nothing else. */
static void
on_bare_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *picture = gtk_picture_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_size_request (picture, child.bare_tile_size + 8, child.bare_tile_size * 3 / 4 + 8);
  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), MAX (8, child.bare_tile_size / 9));
  gtk_box_append (GTK_BOX (box), picture);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (item, box);
}

static void
on_bare_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  MopsAsset *asset = gtk_list_item_get_item (item);
  MopsLibrary *library = mops_window_get_library (MOPS_WINDOW (child.window));
  int size = child.bare_tile_size > 256 ? 512 : 256;
  const char *sha256;
  g_autofree char *key = NULL;
  g_autofree char *path = NULL;

  if (asset == NULL)
    return;

  sha256 = mops_asset_get_sha256 (asset);
  key = size == 256 ? g_strdup (sha256) : g_strconcat (sha256, "@512", NULL);
  path = mops_previews_thumbnail_path (library, sha256, size);
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_last_child (box)), mops_asset_get_display_name (asset));
  mops_texture_loader_show (child.bare_textures, GTK_PICTURE (gtk_widget_get_first_child (box)), key, path, NULL);
}

static gboolean
quit_bare_cb (gpointer user_data)
{
  gtk_window_destroy (GTK_WINDOW (child.bare_window));
  mops_texture_loader_cancel (child.bare_textures);
  g_clear_object (&child.bare_textures);
  return quit_cb (NULL);
}

static gboolean
start_bare_scroll_cb (gpointer user_data)
{
  static Scroll scroll;
  GtkWidget *scrolled = gtk_widget_get_first_child (child.bare_window);

  if (!gtk_widget_get_mapped (child.bare_window))
    return G_SOURCE_CONTINUE;

  start_scroll (&scroll, "bare-frame", child.bare_window, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)),
                quit_bare_cb);
  return G_SOURCE_REMOVE;
}

/* After Mops's grid: a window of that grid's size holding a bare GtkGridView over the same
 * model, as many columns, tiles of the same thumbnail size (own texture cache, as big). */
static gboolean
show_bare_grid_cb (gpointer user_data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkNoSelection *model = gtk_no_selection_new (g_object_ref (child.model));
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *grid;

  child.bare_tile_size = g_settings_get_int (settings, "thumbnail-size");
  child.bare_textures = mops_texture_loader_new (800);
  g_signal_connect (factory, "setup", G_CALLBACK (on_bare_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bare_bind_cb), NULL);
  grid = gtk_grid_view_new (GTK_SELECTION_MODEL (model), g_object_ref (factory));
  gtk_grid_view_set_max_columns (GTK_GRID_VIEW (grid), gtk_grid_view_get_max_columns (GTK_GRID_VIEW (child.grid)));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), grid);

  child.bare_window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (child.bare_window), gtk_widget_get_width (child.grid),
                               gtk_widget_get_height (child.grid));
  gtk_window_set_child (GTK_WINDOW (child.bare_window), scrolled);
  gtk_window_present (GTK_WINDOW (child.bare_window));
  g_timeout_add (200, start_bare_scroll_cb, NULL);

  return G_SOURCE_REMOVE;
}

/* Interactions --------------------------------------------------------------------------- */

typedef void (*Interaction) (void);

static void
select_one (void)
{
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (child.model), 5, TRUE);
}

static void
select_all (void)
{
  gtk_selection_model_select_all (GTK_SELECTION_MODEL (child.model));
}

static void
search_for (const char *text)
{
  GtkWidget *entry = find_by_type (child.page, GTK_TYPE_SEARCH_ENTRY);

  /* what the entry's delayed "search-changed" does, at once */
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "search-changed");
}

static void
search_ab (void)
{
  search_for ("ab");
}

static void
search_cleared (void)
{
  search_for ("");
}

/* Times @interaction on the main thread, then what the main loop had left to do after it. */
static void
time_interaction (const char  *name,
                  Interaction  interaction)
{
  gint64 start = g_get_monotonic_time ();
  gint64 called;

  interaction ();
  called = g_get_monotonic_time ();
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);

  printf ("interaction %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %s\n",
          called - start, g_get_monotonic_time () - called, name);
}

/* The longest the main loop went without running a 5 ms timeout: what a person would feel. */
typedef struct
{
  gint64 last;
  gint64 longest;
} Stall;

static gboolean
on_stall_tick_cb (gpointer user_data)
{
  Stall *stall = user_data;
  gint64 now = g_get_monotonic_time ();

  stall->longest = MAX (stall->longest, now - stall->last);
  stall->last = now;
  return G_SOURCE_CONTINUE;
}

/* A bulk edit of every asset (core writes it in a worker): the action's call, the time until
 * the page is idle again (written, index read again, grid shown), and the main thread's
 * longest stall meanwhile. */
static void
time_bulk_edit (const char *name,
                const char *color_label)
{
  Stall stall = { g_get_monotonic_time (), 0 };
  guint tick = g_timeout_add (5, on_stall_tick_cb, &stall);
  gint64 start, called;

  gtk_selection_model_select_all (GTK_SELECTION_MODEL (child.model));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);

  start = g_get_monotonic_time ();
  stall.last = start;
  stall.longest = 0;
  gtk_widget_activate_action (child.page, "assets.set-color-label", "s", color_label);
  called = g_get_monotonic_time ();
  while (mops_assets_page_is_busy (MOPS_ASSETS_PAGE (child.page)))
    g_main_context_iteration (NULL, TRUE);
  on_stall_tick_cb (&stall);
  g_source_remove (tick);

  printf ("bulk %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %s\n",
          called - start, g_get_monotonic_time () - start, stall.longest, name);
}

/* Scrolling starts once the whole library is in the grid (its search index loaded). */
static gboolean
wait_for_index_cb (gpointer user_data)
{
  static Scroll scroll;

  if (child.page == NULL)
    child.page = find_by_type (child.window, MOPS_TYPE_ASSETS_PAGE);
  if (mops_assets_page_is_busy (MOPS_ASSETS_PAGE (child.page)))
    return G_SOURCE_CONTINUE;

  time_interaction ("select one asset", select_one);
  time_interaction ("select all", select_all);
  time_interaction ("select one asset after all", select_one);
  time_interaction ("search: a query matching many", search_ab);
  time_interaction ("clear the search (all assets again)", search_cleared);
  /* a colour label on every asset, then none again: the library is as it was */
  time_bulk_edit ("colour-label every asset", "red");
  time_bulk_edit ("clear every asset's colour label", "");
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (child.model));

  printf ("scrolling %u\n", g_list_model_get_n_items (child.model));
  fflush (stdout);

  start_scroll (&scroll, "frame", child.window, child.grid, show_bare_grid_cb);

  return G_SOURCE_REMOVE;
}

/* "paint" comes after "layout": what this frame shows is settled. */
static void
on_paint_cb (GdkFrameClock *clock)
{
  find_grid ();
  child.items_painted = child.grid != NULL &&
                        g_list_model_get_n_items (child.model) > 0 &&
                        gtk_widget_get_mapped (child.grid) &&
                        gtk_widget_get_first_child (child.grid) != NULL;
}

static void
on_after_paint_cb (GdkFrameClock *clock)
{
  if (child.done)
    return;

  if (!child.painted)
    {
      child.painted = TRUE;
      mark ("first-paint");
    }

  if (child.items_painted)
    {
      child.done = TRUE;
      mark ("first-frame");
      printf ("items %u\n", g_list_model_get_n_items (child.model));
      fflush (stdout);
      if (child.scroll)
        g_timeout_add (50, wait_for_index_cb, NULL);
      else
        g_idle_add (quit_cb, NULL);
    }
}

static void
on_realize_cb (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  mark ("realize");
  g_signal_connect (clock, "paint", G_CALLBACK (on_paint_cb), NULL);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), NULL);
}

static void
on_window_added_cb (GtkApplication *application,
                    GtkWindow      *window)
{
  if (child.window != NULL || !MOPS_IS_WINDOW (window))
    return;

  mark ("window");
  child.window = GTK_WIDGET (window);
  g_signal_connect_after (window, "realize", G_CALLBACK (on_realize_cb), NULL);
}

static void
on_startup_cb (GApplication *application)
{
  mark ("startup");
}

static int
run_child (const char *library,
           gboolean    scroll)
{
  char *argv[] = { (char *) "mops", (char *) "--library", (char *) library, NULL };
  const char *localedir = g_getenv ("MOPS_LOCALEDIR");
  int status;

  mark ("main");
  child.scroll = scroll;

  /* What main.c does. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  child.application = mops_application_new ();
  g_signal_connect (child.application, "startup", G_CALLBACK (on_startup_cb), NULL);
  g_signal_connect (child.application, "window-added", G_CALLBACK (on_window_added_cb), NULL);
  g_timeout_add_seconds (CHILD_TIMEOUT_S, timeout_cb, NULL);

  status = g_application_run (G_APPLICATION (child.application), G_N_ELEMENTS (argv) - 1, argv);
  g_clear_object (&child.application);

  return child.done ? status : 1;
}

/* The parent: the library, the runs, the figures ------------------------------------------ */

static const char *steps[] = { "main", "startup", "window", "realize", "first-paint", "items", "first-frame" };

static const char *step_text[] = {
  "main() entered (exec, dynamic linking)",
  "application started up",
  "window created (library not yet opened)",
  "window realized (library opened, pages built)",
  "first frame painted",
  "grid model has items (index loaded, query run)",
  "first frame showing the items",
};

/* Both thumbnails of every asset, as a library whose previews were made long ago has them
 * (else the app starts making 200,000 of them): hard links to one picture per size. */
static void
add_thumbnails (MopsLibrary *library,
                const char  *dir)
{
  static const int sizes[] = { 256, 512 };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autofree char *name = g_strdup_printf ("thumbnail-%d.png", sizes[s]);
      g_autofree char *template = g_build_filename (dir, name, NULL);
      g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, sizes[s], sizes[s] * 3 / 4);
      g_autoptr(GError) error = NULL;
      g_autofree char *data = NULL;
      gsize length;
      guchar *pixels = gdk_pixbuf_get_pixels (pixbuf);
      int stride = gdk_pixbuf_get_rowstride (pixbuf);

      for (int y = 0; y < gdk_pixbuf_get_height (pixbuf); y++)
        for (int x = 0; x < sizes[s]; x++)
          {
            guchar *p = pixels + y * stride + x * 3;

            p[0] = (guchar) (40 + x * 180 / sizes[s]);
            p[1] = (guchar) (90 + y * 120 / sizes[s]);
            p[2] = (guchar) (200 - (x + y) * 100 / (2 * sizes[s]));
          }
      gdk_pixbuf_save (pixbuf, template, "png", &error, NULL);
      g_assert_no_error (error);
      g_file_get_contents (template, &data, &length, &error);
      g_assert_no_error (error);

      for (guint id = 1; id <= N_ASSETS; id++)
        {
          /* the sha256 bench_fill_library() gives asset @id */
          g_autofree char *sha256 = g_strdup_printf ("%064x", id);
          g_autofree char *path = mops_previews_thumbnail_path (library, sha256, sizes[s]);

          if (link (template, path) == 0)
            continue;
          if (errno == ENOENT)
            {
              g_autofree char *parent = g_path_get_dirname (path);

              g_assert_no_errno (g_mkdir_with_parents (parent, 0755));
              if (link (template, path) == 0)
                continue;
            }
          g_file_set_contents (path, data, (gssize) length, &error);
          g_assert_no_error (error);
        }
    }
}

/* The last thumbnail add_thumbnails() makes. */
static gboolean
has_thumbnails (MopsLibrary *library)
{
  g_autofree char *sha256 = g_strdup_printf ("%064x", N_ASSETS);
  g_autofree char *path = mops_previews_thumbnail_path (library, sha256, 512);

  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

/* The library in @path with N_ASSETS assets, made unless it is there from an earlier run. */
static void
prepare_library (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(MopsLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  gint64 t0 = g_get_monotonic_time ();

  if (mops_library_path_has_database (path))
    {
      library = mops_library_open (path, MOPS_LIBRARY_OPEN_LOCK, &error);
      g_assert_no_error (error);
      if (mops_db_query_int (mops_library_get_db (library), "SELECT count(*) FROM assets", NULL) == N_ASSETS &&
          has_thumbnails (library))
        {
          printf ("first-frame: reusing the library of %d assets in %s\n", N_ASSETS, path);
          return;
        }
      g_clear_object (&library);
      mops_test_remove_tree (path);
    }

  library = mops_library_open (path, MOPS_LIBRARY_OPEN_CREATE, &error);
  g_assert_no_error (error);
  bench_fill_library (library, N_ASSETS, TRUE);
  add_thumbnails (library, dir);
  printf ("first-frame: library of %d assets generated in %.1f s\n", N_ASSETS, (g_get_monotonic_time () - t0) / 1e6);
}

/* A home of its own for the app (settings, caches), as the UI tests give it. */
static char **
child_environment (const char *home)
{
  static const struct { const char *variable, *dir; } dirs[] = {
    { "HOME", "" },
    { "XDG_DATA_HOME", ".local/share" },
    { "XDG_CONFIG_HOME", ".config" },
    { "XDG_CACHE_HOME", ".cache" },
    { "XDG_STATE_HOME", ".local/state" },
  };
  char **env = g_get_environ ();

  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *path = g_build_filename (home, dirs[i].dir, NULL);

      g_assert_no_errno (g_mkdir_with_parents (path, 0700));
      env = g_environ_setenv (env, dirs[i].variable, path, TRUE);
    }

  return env;
}

/* Runs this program again as the app (@mode "--child" or "--child-scroll"); returns what it
 * printed, and *@t0 the time just before the spawn. NULL when it failed (said on stderr). */
static char *
spawn_child (const char  *self_path,
             const char  *mode,
             const char  *library,
             char       **env,
             const char  *out_path,
             gint64      *t0)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  /* A file, not a pipe: helpers the app leaves behind must not keep the run going. */
  g_subprocess_launcher_set_environ (launcher, env);
  g_subprocess_launcher_set_stdout_file_path (launcher, out_path);

  *t0 = g_get_monotonic_time ();
  process = g_subprocess_launcher_spawn (launcher, &error, self_path, mode, library, NULL);
  if (process == NULL || !g_subprocess_wait_check (process, NULL, &error) ||
      !g_file_get_contents (out_path, &out, NULL, &error))
    {
      g_printerr ("first-frame: the app did not run: %s\n", error->message);
      return NULL;
    }

  return out;
}

/* One start of the app; @marks gets each step's time in seconds from the spawn. */
static gboolean
run_once (const char  *self_path,
          const char  *library,
          char       **env,
          const char  *out_path,
          double      *marks,
          guint       *n_items)
{
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  gint64 t0;

  for (guint s = 0; s < G_N_ELEMENTS (steps); s++)
    marks[s] = -1;

  out = spawn_child (self_path, "--child", library, env, out_path, &t0);
  if (out == NULL)
    return FALSE;

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], " ", 3);

      if (g_strv_length (fields) == 3 && g_str_equal (fields[0], "mark"))
        {
          for (guint s = 0; s < G_N_ELEMENTS (steps); s++)
            if (g_str_equal (fields[1], steps[s]))
              marks[s] = (g_ascii_strtoll (fields[2], NULL, 10) - t0) / 1e6;
        }
      else if (g_strv_length (fields) == 2 && g_str_equal (fields[0], "items"))
        *n_items = (guint) g_ascii_strtoull (fields[1], NULL, 10);
    }

  return marks[G_N_ELEMENTS (steps) - 1] >= 0;
}

/* The frames of one grid (@prefix "frame" or "bare-frame") and @kind ("smooth", "jump")
 * in @lines: layout, paint and interval percentiles. Returns the interval's p95, or -1 when
 * no frame was timed. */
static double
print_frames (char       **lines,
              const char  *prefix,
              const char  *kind,
              const char  *text)
{
  g_autoptr(GArray) layout = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) paint = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) interval = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));
  guint slow = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], " ", 6);
      double values[4];

      if (g_strv_length (fields) != 6 || !g_str_equal (fields[0], prefix) || !g_str_equal (fields[1], kind))
        continue;
      for (guint v = 0; v < 4; v++)
        values[v] = g_ascii_strtoll (fields[2 + v], NULL, 10) / 1000.0;
      g_array_append_val (layout, values[0]);
      g_array_append_val (paint, values[1]);
      g_array_append_val (interval, values[2]);
      g_array_append_val (cpu, values[3]);
      slow += values[0] > 16.7;
    }

  if (layout->len == 0)
    {
      g_printerr ("first-frame: no %s %s frames were timed\n", prefix, kind);
      return -1;
    }

  printf ("first-frame:   %s, %u frames:\n", text, layout->len);
  printf ("first-frame:     layout p50 %5.1f  p95 %5.1f  max %5.1f   (%u over 16.7)\n",
          bench_percentile (layout, 0.5), bench_percentile (layout, 0.95), bench_percentile (layout, 1), slow);
  printf ("first-frame:     paint  p50 %5.1f  p95 %5.1f  max %5.1f\n",
          bench_percentile (paint, 0.5), bench_percentile (paint, 0.95), bench_percentile (paint, 1));
  printf ("first-frame:     frame interval p50 %5.1f  p95 %5.1f  max %5.1f\n",
          bench_percentile (interval, 0.5), bench_percentile (interval, 0.95), bench_percentile (interval, 1));
  printf ("first-frame:     main-thread CPU per frame p50 %5.1f  p95 %5.1f  max %5.1f\n",
          bench_percentile (cpu, 0.5), bench_percentile (cpu, 0.95), bench_percentile (cpu, 1));

  return bench_percentile (interval, 0.95);
}

/* One more start that scrolls the grid through the library once it is all there, then the
 * bare grid; prints each kind of frame's layout (rows bound, measured, placed), paint and
 * interval, for both, and how Mops's steady-scroll frame interval p95 compares. */
static gboolean
run_scroll (const char  *self_path,
            const char  *library,
            char       **env,
            const char  *out_path)
{
  static const char *kinds[] = { "smooth", "jump" };
  static const char *kind_text[] = {
    "scrolling down a quarter page a frame",
    "jumping to random places (scrollbar drag)",
  };
  static const char *grids[] = { "frame", "bare-frame" };
  static const char *grid_text[] = {
    "Mops's grid",
    "a bare GtkGridView (GtkPicture + GtkLabel tiles, same model and thumbnails)",
  };
  double steady_p95[G_N_ELEMENTS (grids)];
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_items = 0;
  gint64 t0;

  out = spawn_child (self_path, "--child-scroll", library, env, out_path, &t0);
  if (out == NULL)
    return FALSE;

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "scrolling "))
      n_items = (guint) g_ascii_strtoull (lines[i] + strlen ("scrolling "), NULL, 10);

  printf ("first-frame: interactions on the grid of %u assets (ms: the call, then the rest of\n"
          "first-frame: the main loop's work it caused):\n", n_items);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], " ", 4);

      if (g_strv_length (fields) == 4 && g_str_equal (fields[0], "interaction"))
        printf ("first-frame:   %-40s %7.1f  + %6.1f\n", fields[3],
                g_ascii_strtoll (fields[1], NULL, 10) / 1000.0,
                g_ascii_strtoll (fields[2], NULL, 10) / 1000.0);
    }
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], " ", 5);

      if (g_strv_length (fields) == 5 && g_str_equal (fields[0], "bulk"))
        printf ("first-frame:   %s of %u: the call %.1f ms, written and shown after %.1f ms,"
                " longest main-thread stall %.1f ms\n", fields[4], n_items,
                g_ascii_strtoll (fields[1], NULL, 10) / 1000.0, g_ascii_strtoll (fields[2], NULL, 10) / 1000.0,
                g_ascii_strtoll (fields[3], NULL, 10) / 1000.0);
    }

  for (guint g = 0; g < G_N_ELEMENTS (grids); g++)
    {
      printf ("first-frame: scrolling %s over %u assets (frame clock timings, ms):\n", grid_text[g], n_items);
      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        {
          double p95 = print_frames (lines, grids[g], kinds[k], kind_text[k]);

          if (p95 < 0)
            return FALSE;
          if (k == 0)
            steady_p95[g] = p95;
        }
    }

  printf ("first-frame: steady scroll, frame interval p95: Mops %.1f ms, bare grid %.1f ms, ratio %.2f"
          " (target <= 1.3)\n", steady_p95[0], steady_p95[1], steady_p95[0] / MAX (steady_p95[1], 0.001));
  return TRUE;
}

static int
run_parent (const char *self_path)
{
  const char *bench_dir = g_getenv ("MOPS_BENCH_DIR");
  const char *runs_value = g_getenv ("MOPS_BENCH_RUNS");
  guint runs = runs_value != NULL ? MAX (1, (guint) g_ascii_strtoull (runs_value, NULL, 10)) : 5;
  g_autofree char *tmp = mops_test_make_tmp_dir ();
  g_autofree char *home = g_build_filename (tmp, "home", NULL);
  g_autofree char *out_path = g_build_filename (tmp, "child-output", NULL);
  g_autofree char *library = NULL;
  g_auto(GStrv) env = child_environment (home);
  g_autoptr(GArray) totals = g_array_new (FALSE, FALSE, sizeof (double));
  GArray *step_times[G_N_ELEMENTS (steps)];
  double load[3] = { 0 };
  guint n_items = 0;
  FILE *loadavg;

  if (bench_dir != NULL)
    {
      g_assert_no_errno (g_mkdir_with_parents (bench_dir, 0755));
      library = g_build_filename (bench_dir, "first-frame-library", NULL);
    }
  else
    library = g_build_filename (tmp, "library", NULL);
  prepare_library (library);

  for (guint s = 0; s < G_N_ELEMENTS (steps); s++)
    step_times[s] = g_array_new (FALSE, FALSE, sizeof (double));

  /* run 0 warms the page cache and is not counted */
  for (guint run = 0; run <= runs; run++)
    {
      double marks[G_N_ELEMENTS (steps)];

      if (!run_once (self_path, library, env, out_path, marks, &n_items))
        return 1;
      if (run == 0)
        continue;

      g_array_append_val (totals, marks[G_N_ELEMENTS (steps) - 1]);
      for (guint s = 0; s < G_N_ELEMENTS (steps); s++)
        g_array_append_val (step_times[s], marks[s]);
      printf ("first-frame: run %u: %.3f s\n", run, marks[G_N_ELEMENTS (steps) - 1]);
    }

  if (!run_scroll (self_path, library, env, out_path))
    return 1;

  if ((loadavg = fopen ("/proc/loadavg", "r")) != NULL)
    {
      if (fscanf (loadavg, "%lf %lf %lf", &load[0], &load[1], &load[2]) != 3)
        load[0] = load[1] = load[2] = 0;
      fclose (loadavg);
    }

  printf ("first-frame: steps, median time since the process was spawned:\n");
  for (guint s = 0; s < G_N_ELEMENTS (steps); s++)
    {
      printf ("first-frame:   %-52s %7.3f s\n", step_text[s], bench_percentile (step_times[s], 0.5));
      g_array_unref (step_times[s]);
    }

  printf ("first-frame: start to first frame with %u assets in the grid, %u runs:"
          " min %.3f s  median %.3f s  max %.3f s  (target < 0.5 s)\n",
          n_items, runs, bench_percentile (totals, 0), bench_percentile (totals, 0.5),
          bench_percentile (totals, 1));
  printf ("first-frame: %u cores, load average %.2f %.2f %.2f\n",
          g_get_num_processors (), load[0], load[1], load[2]);

  mops_test_remove_tree (tmp);
  if (bench_dir != NULL)
    printf ("first-frame: library kept in %s\n", library);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--child"))
    return run_child (argv[2], FALSE);
  if (argc == 3 && g_str_equal (argv[1], "--child-scroll"))
    return run_child (argv[2], TRUE);

  {
    g_autofree char *self_path = g_file_read_link ("/proc/self/exe", NULL);

    return run_parent (self_path != NULL ? self_path : argv[0]);
  }
}
