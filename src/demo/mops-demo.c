/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-demo.c — filling an empty library with the deterministic demo data set */

#include "config.h"

#define G_LOG_DOMAIN "mops-demo"

#include <stdarg.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "core/mops-asset-store.h"
#include "core/mops-clock.h"
#include "core/mops-db.h"
#include "core/mops-error.h"
#include "core/mops-licence-metadata.h"
#include "core/mops-tags.h"
#include "mops-demo.h"
#include "mops-demo-art.h"

/* The demo is "Fjellvind", a fictional outdoor-gear brand from Bergen with a marketing team of
 * ten. Everything is sample data in English (not translated); only messages are. Every date
 * is an offset from today (mops_clock_now(), so MOPS_NOW), every "random" number comes from
 * a GRand with a fixed seed, and rows are inserted in a fixed order: the same MOPS_NOW and TZ
 * give the same rows and files, byte for byte. */

#define DEMO_SEED      0x4D6F7073u   /* "Mops" */
#define NO_DATE        G_MININT
#define DOMAIN         "fjellvind.example"
#define FONT_DIR       "/usr/share/fonts/truetype/dejavu"

/* ------------------------------------------------------------------ people */

enum
{
  P_NONE, P_INGRID, P_MATHIAS, P_SOFIE, P_JONAS, P_AINO, P_LEA, P_YUKI, P_OKSANA, P_LARS, P_ZOFIA,
  N_PEOPLE
};

static const struct { const char *name, *role, *email; } people[N_PEOPLE] = {
  [P_INGRID] = { "Ingrid Solberg", "Head of Marketing", "ingrid.solberg@" DOMAIN },
  [P_MATHIAS] = { "Mathias Ødegård", "Content Lead", "mathias.odegard@" DOMAIN },
  [P_SOFIE] = { "Sofie Brändström", "Brand & Design Lead", "sofie.brandstrom@" DOMAIN },
  [P_JONAS] = { "Jonas Müller", "Demand Generation Manager", "jonas.mueller@" DOMAIN },
  [P_AINO] = { "Aino Virtanen", "Social Media Manager", "aino.virtanen@" DOMAIN },
  [P_LEA] = { "Léa Dubois", "Product Marketing Manager", "lea.dubois@" DOMAIN },
  [P_YUKI] = { "Yuki Tanaka", "Designer & Photographer", "yuki.tanaka@" DOMAIN },
  [P_OKSANA] = { "Oksana Kovalenko", "Events Manager", "oksana.kovalenko@" DOMAIN },
  [P_LARS] = { "Lars Håkonsen", "Copywriter", "lars.hakonsen@" DOMAIN },
  [P_ZOFIA] = { "Zofia Wróbel", "Marketing Operations", "zofia.wrobel@" DOMAIN },
};

/* ------------------------------------------------------------------ channels, campaigns */

enum
{
  CH_NONE, CH_BLOG, CH_INSTAGRAM, CH_LINKEDIN, CH_FACEBOOK, CH_NEWSLETTER, CH_CATALOGUE,
  CH_POSTERS, N_CHANNELS
};

static const struct
{
  const char *name, *medium, *color;
  int min_width, min_height;
  const char *aspect_ratios;
  gint64 max_bytes;
  const char *allowed_types;
} channels[N_CHANNELS] = {
  [CH_BLOG] = { "Company blog", "web", "#2A7AB0", 1200, 630, NULL, 5242880, "image" },
  [CH_INSTAGRAM] = { "Instagram", "social", "#C13584", 1080, 1080, "1:1;4:5", 8388608,
                     "image;video" },
  [CH_LINKEDIN] = { "LinkedIn", "social", "#0A66C2", 1200, 627, NULL, 5242880, "image;video" },
  [CH_FACEBOOK] = { "Facebook", "social", "#1877F2", 1080, 0, NULL, 10485760, "image;video" },
  [CH_NEWSLETTER] = { "Newsletter", "email", "#D97A2B", 600, 0, NULL, 1048576, "image" },
  [CH_CATALOGUE] = { "Print catalogue", "print", "#5E3C99", 1500, 1000, NULL, 0,
                     "image;vector;document" },
  [CH_POSTERS] = { "Retail posters", "outdoor", "#2E7D32", 1920, 1080, "16:9;2:3", 0,
                   "image;vector" },
};

enum { K_NONE, K_SEASON, K_LAUNCH, K_DOWN, K_MEMBERS, K_ALWAYS, K_OLD, N_CAMPAIGNS };

/* ------------------------------------------------------------------ assets */

enum
{
  A_NONE,
  A_LOGO_SVG, A_LOGO_PNG, A_LOGO_MONO_SVG, A_LOGO_MONO_PNG, A_ICON, A_GUIDELINES, A_SIZE_CHART,
  A_FONT_REGULAR, A_FONT_BOLD, A_TEMPLATE,
  A_FJORD, A_LAKE, A_WINTER, A_FOREST, A_CAMPFIRE, A_COAST, A_AURORA, A_MISTY, A_SUMMIT,
  A_BACKPACK, A_JACKET, A_BOTTLE,
  A_POST_SQUARE, A_POST_PORTRAIT, A_POST_LINKEDIN, A_POST_HERO, A_POST_NEWSLETTER,
  A_COPY_LAUNCH, A_COPY_PRESS, A_COPY_VOICE,
  A_CONTRACT, A_RECEIPT,
  /* the second half: more photos, products, designs, fonts, copy and data */
  A_BRYGGEN, A_BIRCHES, A_WATERFALL, A_LOFOTEN, A_SKI_TOURING, A_RAIN, A_LIGHTHOUSE, A_STARRY,
  A_CANOE, A_FAGARAS, A_NORTHERN_ALPS, A_CABIN, A_GLACIER, A_RUNNER,
  A_BACKPACK_MOSS, A_JACKET_GLACIER, A_DOWN_JACKET, A_TENT, A_BOOTS, A_STEEL_BOTTLES,
  A_HEADLAMP, A_FLAT_LAY,
  A_POST_STORY, A_POST_DOWN, A_POST_MEMBERS, A_POSTER_MEETUP, A_POSTER_FILM, A_POSTER_REPAIR,
  A_POST_HIRING, A_POST_GIVEAWAY, A_POST_BLACK_WEEK, A_POST_BLOG, A_POST_LAKES,
  A_PICTOGRAMS, A_ROUTE_MAP,
  A_FONT_SERIF, A_FONT_SERIF_BOLD, A_FONT_MONO,
  A_COPY_BLOG_FJORDS, A_COPY_BLOG_WINTER, A_COPY_NEWSLETTER, A_COPY_SHELL, A_COPY_THERMOS,
  A_COPY_DE, A_COPY_JA, A_COPY_RU, A_COPY_RO, A_COPY_RUN_SHEET, A_COPY_DOWN_FAQ,
  A_DATA_FEED, A_DATA_INSIGHTS, A_DATA_STORES,
  N_ASSETS
};

enum
{
  L_NONE, L_OWNED, L_FONT, L_NORDLYS, L_ALPENBLICK, L_POLAR, L_NORDLYS_CAMP, L_KYST_OLD,
  L_KYST_NEW, L_CC, L_ARCTIC,
  L_LOOKBOOK, L_CARPATI, L_YAMAKAZE, L_FJELLFOTO, L_NATTFOTO, L_ATHLETE, L_NORDIC,
  N_LICENCES
};

typedef enum
{
  ART_LOGO_SVG, ART_LOGO_PNG, ART_ICON, ART_SCENE, ART_PRODUCT, ART_POST, ART_TEMPLATE,
  ART_GUIDELINES, ART_SIZE_CHART, ART_CONTRACT, ART_RECEIPT, ART_TEXT, ART_FONT, ART_VECTOR,
  ART_DATA,
} ArtKind;

/* What ART_TEXT's variant picks (copy_texts[]) and ART_DATA's (see make_file()) */
enum
{
  COPY_LAUNCH, COPY_PRESS, COPY_VOICE, COPY_BLOG_FJORDS, COPY_BLOG_WINTER, COPY_NEWSLETTER,
  COPY_SHELL, COPY_THERMOS, COPY_DE, COPY_JA, COPY_RU, COPY_RO, COPY_RUN_SHEET, COPY_DOWN_FAQ,
  N_COPIES
};
enum { DATA_FEED, DATA_INSIGHTS, DATA_STORES };

typedef struct
{
  ArtKind      kind;
  int          variant;         /* logo style, scene, product, post, text or font */
  int          width, height;
  const char  *name;            /* NULL: made from the licence or expense it documents */
  const char  *mime;
  const char  *title;
  const char  *description;
  const char  *creator;
  const char  *source;
  int          rating;
  const char  *color_label;
  int          captured;        /* capture date, days before today; 0 = unknown */
  const char  *camera;          /* "Make|Model|focal length|f-number|exposure|ISO" */
  guint        importer;
  const char  *tags;            /* ";"-separated; "$SEASON" is the current season's tag */
  guint        licence, licence2;
  gboolean     record;
} AssetSpec;

static const AssetSpec assets[N_ASSETS] = {
  [A_LOGO_SVG] = { ART_LOGO_SVG, MOPS_DEMO_LOGO_COLOUR, 0, 0, "fjellvind-logo.svg", "image/svg+xml",
    "Fjellvind logo — full colour", "Primary logo with tagline, vector. Use on white and light "
    "backgrounds; keep the clear space shown in the guidelines.", "Sofie Brändström",
    "Brand & design", 5, "blue", 0, NULL, P_SOFIE, "Brand/Logos/Colour", L_OWNED },
  [A_LOGO_PNG] = { ART_LOGO_PNG, MOPS_DEMO_LOGO_COLOUR, 2000, 0, "fjellvind-logo.png", "image/png",
    "Fjellvind logo — full colour (PNG)", "2000 px wide, transparent background, for "
    "presentations and partners without vector tools.", "Sofie Brändström", "Brand & design",
    4, "blue", 0, NULL, P_SOFIE, "Brand/Logos/Colour", L_OWNED },
  [A_LOGO_MONO_SVG] = { ART_LOGO_SVG, MOPS_DEMO_LOGO_MONO, 0, 0, "Логотип компании.svg",
    "image/svg+xml", "Logo — mono (print shop, Riga)", "One-colour logo as our print partner in "
    "Riga sent it back for the catalogue plates; the file name is in Russian.",
    "Sofie Brändström", "Baltic Print House", 4, "blue", 0, NULL, P_YUKI, "Brand/Logos/Mono",
    L_OWNED },
  [A_LOGO_MONO_PNG] = { ART_LOGO_PNG, MOPS_DEMO_LOGO_MONO, 1200, 0, "会社ロゴ.png", "image/png",
    "Logo — mono (distributor, Osaka)", "Mono logo as supplied to our Japanese distributor for "
    "embossing on leather patches.", "Sofie Brändström", "Yamakaze Trading, Osaka", 3, "blue",
    0, NULL, P_YUKI, "Brand/Logos/Mono", L_OWNED },
  [A_ICON] = { ART_ICON, 0, 512, 512, "fjellvind-app-icon.png", "image/png",
    "App icon", "The peak symbol on Fjord Navy, for the Fjellvind Trails app and social avatars.",
    "Yuki Tanaka", "Brand & design", 4, "blue", 0, NULL, P_YUKI, "Brand/Icons", L_OWNED },
  [A_GUIDELINES] = { ART_GUIDELINES, 0, 0, 0, "Fjellvind Brand Guidelines 2.1.pdf",
    "application/pdf", "Brand guidelines 2.1", "Logo, colour, typography and tone of voice. The "
    "reference for agencies and partners.", "Sofie Brändström", "Brand & design", 5, "blue", 0,
    NULL, P_SOFIE, "Brand/Guidelines", L_OWNED },
  [A_SIZE_CHART] = { ART_SIZE_CHART, 0, 0, 0, "Größenübersicht.pdf", "application/pdf",
    "Size chart — jackets & shells (DE/EN)", "Bilingual size chart for the German-speaking "
    "retailers; goes into the print catalogue.", "Léa Dubois", "Product marketing", 3, NULL, 0,
    NULL, P_LEA, "Products/Jackets;Print/Catalogue", L_OWNED },
  [A_FONT_REGULAR] = { ART_FONT, 0, 0, 0, "DejaVuSans.ttf", "font/ttf", "DejaVu Sans Regular",
    "Body text face of the brand.", "DejaVu fonts team", "dejavu-fonts.github.io", 3, NULL, 0,
    NULL, P_SOFIE, "Brand/Typography", L_FONT },
  [A_FONT_BOLD] = { ART_FONT, 1, 0, 0, "DejaVuSans-Bold.ttf", "font/ttf", "DejaVu Sans Bold",
    "Headline face of the brand.", "DejaVu fonts team", "dejavu-fonts.github.io", 3, NULL, 0,
    NULL, P_SOFIE, "Brand/Typography", L_FONT },
  [A_TEMPLATE] = { ART_TEMPLATE, 0, 1080, 1080, "Instagram post template.svg", "image/svg+xml",
    "Instagram post template (1080 × 1080)", "Editable template: swap the photo, keep the type "
    "sizes and the logo position.", "Yuki Tanaka", "Brand & design", 4, "purple", 0, NULL,
    P_YUKI, "Brand/Templates;Social/Instagram", L_OWNED },

  [A_FJORD] = { ART_SCENE, MOPS_DEMO_SCENE_FJORD_SUNRISE, 1600, 1067, "fjord-sunrise.png",
    "image/png", "Sunrise over Nordfjord", "Layered ridges in morning haze, still water. Our "
    "most used hero image this season.", "Henrik Aas / Nordlys Stock", "Nordlys Stock", 5,
    "green", 410, "FUJIFILM|X-T5|23.0 mm|8.0|1/250|160", P_MATHIAS,
    "Places/Fjords;Places/Norway/Nordfjord;$SEASON",
    L_NORDLYS },
  [A_LAKE] = { ART_SCENE, MOPS_DEMO_SCENE_ALPINE_LAKE, 1600, 1067, "alpine-lake.png",
    "image/png", "Alpine lake at noon", "Turquoise lake below snow-capped peaks, spruce on the "
    "shore. Licensed for DE/AT/CH, web and social only.", "Maria Huber / Alpenblick",
    "Alpenblick Bildagentur", 4, "orange", 540, "Canon|EOS R5|35.0 mm|11.0|1/320|100",
    P_MATHIAS, "Places/Mountains;Places/Alps;$SEASON", L_ALPENBLICK },
  [A_WINTER] = { ART_SCENE, MOPS_DEMO_SCENE_WINTER_RIDGE, 1600, 1067, "winter-ridge.png",
    "image/png", "Two hikers on a winter ridge", "Cold light, fog in the valleys, two hikers "
    "with Fjellvind packs.", "James Reid / Polar Pixels", "Polar Pixels", 4, "red", 620,
    "SONY|ILCE-7RM4|85.0 mm|5.6|1/1000|200", P_AINO,
    "Places/Mountains;People/Athletes;Seasons/Winter",
    L_POLAR },
  [A_FOREST] = { ART_SCENE, MOPS_DEMO_SCENE_FOREST_TRAIL, 1600, 1067, "forest-trail.png",
    "image/png", "Forest trail at first light", "A trail between spruce into the morning sun. "
    "CC BY 4.0 — credit Marta Lindqvist.", "Marta Lindqvist", "Wikimedia Commons", 4, "green",
    300, "NIKON CORPORATION|NIKON Z 6_2|24.0 mm|7.1|1/200|400", P_LARS,
    "Places/Forest;Seasons/Summer",
    L_CC },
  [A_CAMPFIRE] = { ART_SCENE, MOPS_DEMO_SCENE_CAMPFIRE, 1600, 1067, "campfire-dusk.png",
    "image/png", "Tent and campfire at dusk", "The Signal Orange tent glowing under the first "
    "stars. Licence starts with the poster campaign.", "Henrik Aas / Nordlys Stock",
    "Nordlys Stock", 5, "yellow", 95, "FUJIFILM|X-T5|16.0 mm|2.8|8|1600", P_SOFIE,
    "Places/Mountains;Campaigns/Trail Runner X launch;Seasons/Autumn", L_NORDLYS_CAMP },
  [A_COAST] = { ART_SCENE, MOPS_DEMO_SCENE_COASTAL_HIKE, 1600, 1067, "coastal-hike.png",
    "image/png", "Coastal hike, Runde", "A hiker above the sea on the bird island of Runde. "
    "Licence renewed today.", "Kari Nes / Kystfoto", "Kystfoto", 4, "green", 450,
    "OLYMPUS CORPORATION|E-M1MarkIII|12.0 mm|9.0|1/400|200", P_LARS,
    "Places/Coast;Places/Norway/Runde;People/Athletes", L_KYST_OLD, L_KYST_NEW },
  [A_AURORA] = { ART_SCENE, MOPS_DEMO_SCENE_AURORA_CAMP, 1600, 1067, "aurora-camp.png",
    "image/png", "Camp under the northern lights", "Tent below a green aurora near Tromsø. "
    "Licence read from the file's metadata — still to be confirmed.", "Arctic Light Images",
    "Arctic Light Images", 5, "yellow", 70, "SONY|ILCE-7SM3|20.0 mm|1.8|6|3200", P_AINO,
    "Places/Mountains;Places/Norway/Tromsø;Seasons/Winter", L_ARCTIC },
  [A_MISTY] = { ART_SCENE, MOPS_DEMO_SCENE_MISTY_VALLEY, 1600, 1067, "misty-valley.png",
    "image/png", "Misty valley, Hardanger", "From an agency's pitch deck; nobody knows where it "
    "came from. Do not publish until the licence is found.", NULL, "Agency pitch deck", 2,
    "red", 0, NULL, P_JONAS, "Places/Forest;Places/Norway/Hardanger", L_NONE },
  [A_SUMMIT] = { ART_SCENE, MOPS_DEMO_SCENE_SUMMIT_TEAM, 1600, 1067, "summit-team.png",
    "image/png", "Team on the summit at golden hour", "Shot by a freelancer at the members' "
    "weekend; the licence was never signed.", "Freelancer (unknown)", "Members' weekend", 3,
    "red", 200, "Apple|iPhone 15 Pro|6.8 mm|1.8|1/1600|80", P_OKSANA,
    "People/Team;Campaigns/Members' weekend", L_NONE },

  [A_BACKPACK] = { ART_PRODUCT, MOPS_DEMO_PRODUCT_BACKPACK, 1600, 1067, "trail-runner-x-30l.png",
    "image/png", "Trail Runner X 30 L backpack", "Studio shot, front view, Fjord Navy. Launch "
    "hero product.", "Yuki Tanaka", "In-house studio", 5, "purple", 60,
    "FUJIFILM|GFX100S|63.0 mm|11.0|1/125|100", P_YUKI,
    "Products/Backpacks;Campaigns/Trail Runner X launch", L_OWNED },
  [A_JACKET] = { ART_PRODUCT, MOPS_DEMO_PRODUCT_JACKET, 1600, 1067, "storm-shell-jacket.png",
    "image/png", "Storm Shell jacket, Signal Orange", "Studio shot on grey, front view.",
    "Yuki Tanaka", "In-house studio", 4, "purple", 62, "FUJIFILM|GFX100S|63.0 mm|11.0|1/125|100",
    P_YUKI, "Products/Jackets;$SEASON", L_OWNED },
  [A_BOTTLE] = { ART_PRODUCT, MOPS_DEMO_PRODUCT_BOTTLE, 1600, 1067, "fjell-thermos-750.png",
    "image/png", "Fjell thermos 0.75 l with cup", "Moss Green powder coat, steaming cup.",
    "Yuki Tanaka", "In-house studio", 4, "purple", 62, "FUJIFILM|GFX100S|63.0 mm|11.0|1/125|100",
    P_YUKI, "Products/Drinkware", L_OWNED },

  [A_POST_SQUARE] = { ART_POST, MOPS_DEMO_POST_SEASON_SQUARE, 1080, 1080,
    "instagram-find-your-wind-1080x1080.png", "image/png", "Instagram: Find your wind",
    "Season launch tile, 1:1.", "Yuki Tanaka", "Brand & design", 4, NULL, 0, NULL, P_AINO,
    "Social/Instagram;$SEASON", L_OWNED },
  [A_POST_PORTRAIT] = { ART_POST, MOPS_DEMO_POST_LAUNCH_PORTRAIT, 1080, 1350,
    "instagram-trail-runner-x-1080x1350.png", "image/png", "Instagram: Trail Runner X pre-order",
    "Launch tile, 4:5.", "Yuki Tanaka", "Brand & design", 5, NULL, 0, NULL, P_AINO,
    "Social/Instagram;Campaigns/Trail Runner X launch;Products/Backpacks", L_OWNED },
  [A_POST_LINKEDIN] = { ART_POST, MOPS_DEMO_POST_LINKEDIN_BANNER, 1200, 628,
    "linkedin-recycled-down-1200x628.png", "image/png", "LinkedIn: Recycled down, fully traced",
    "Link image for the programme announcement.", "Yuki Tanaka", "Brand & design", 3, NULL, 0,
    NULL, P_JONAS, "Social/LinkedIn;Campaigns/Recycled Down", L_OWNED },
  [A_POST_HERO] = { ART_POST, MOPS_DEMO_POST_WEB_HERO, 1920, 1080,
    "web-hero-long-way-round-1920x1080.png", "image/png", "Web hero: Made for the long way round",
    "Home page hero, also printed as the store window poster.", "Sofie Brändström",
    "Brand & design", 5, NULL, 0, NULL, P_SOFIE, "Web/Heroes;$SEASON", L_OWNED },
  [A_POST_NEWSLETTER] = { ART_POST, MOPS_DEMO_POST_NEWSLETTER_HEADER, 1200, 628,
    "newsletter-header-trail-letter-1200x628.png", "image/png", "Newsletter header: The Trail Letter",
    "Header of the weekly newsletter.", "Yuki Tanaka", "Brand & design", 3, NULL, 0, NULL,
    P_MATHIAS, "Email/Newsletter", L_OWNED },

  [A_COPY_LAUNCH] = { ART_TEXT, 0, 0, 0, "Trail Runner X – launch copy.md", "text/markdown",
    "Trail Runner X — launch copy", "Headlines, product copy and social captions, approved.",
    "Lars Håkonsen", "Content", 4, NULL, 0, NULL, P_LARS,
    "Copy;Campaigns/Trail Runner X launch", L_OWNED },
  [A_COPY_PRESS] = { ART_TEXT, 1, 0, 0, "Press release – Recycled Down Programme.md",
    "text/markdown", "Press release: Recycled Down Programme", "Embargoed release, EN.",
    "Lars Håkonsen", "Content", 3, NULL, 0, NULL, P_LARS, "Copy;Campaigns/Recycled Down",
    L_OWNED },
  [A_COPY_VOICE] = { ART_TEXT, 2, 0, 0, "tone-of-voice-cheatsheet.txt", "text/plain",
    "Tone of voice — cheat sheet", "One page for freelancers and agencies.", "Mathias Ødegård",
    "Content", 4, NULL, 0, NULL, P_MATHIAS, "Copy;Brand/Guidelines", L_OWNED },

  [A_CONTRACT] = { ART_CONTRACT, 0, 0, 0, NULL, "application/pdf", "Licence agreement — Alpenblick",
    "Signed agreement for “Alpine lake at noon”.", "Alpenblick Bildagentur GmbH", "E-mail", 0,
    "gray", 0, NULL, P_ZOFIA, "Admin/Contracts", L_NONE, L_NONE, TRUE },
  [A_RECEIPT] = { ART_RECEIPT, 0, 0, 0, NULL, "application/pdf", "Receipt — Kystfoto renewal",
    "Card receipt for the renewed licence of “Coastal hike, Runde”.", "Kystfoto AS", "E-mail", 0,
    "gray", 0, NULL, P_ZOFIA, "Admin/Receipts", L_NONE, L_NONE, TRUE },

  /* Landscapes and lifestyle photos: the team's, an athlete's, agencies', a distributor's */
  [A_BRYGGEN] = { ART_SCENE, MOPS_DEMO_SCENE_BRYGGEN_DUSK, 1200, 800, "bryggen-blue-hour.png",
    "image/png", "Bryggen at blue hour", "The wharf houses in Bergen the evening the store "
    "windows went up. Home-town shot for the about page.", "Yuki Tanaka", "In-house", 5,
    "green", 35, "FUJIFILM|X-T5|33.0 mm|4.0|1/8|800", P_YUKI,
    "Places/Norway/Bergen;Seasons/Autumn;Web/About", L_OWNED },
  [A_BIRCHES] = { ART_SCENE, MOPS_DEMO_SCENE_AUTUMN_BIRCHES, 1200, 800,
    "jotunheimen-autumn-birches.png", "image/png", "Birches in autumn colour, Jotunheimen",
    "Golden birch by a tarn below snowy peaks; the week the colours peaked.", "Mathias Ødegård",
    "In-house", 4, "green", 60, "SONY|ILCE-7M4|35.0 mm|8.0|1/320|100", P_MATHIAS,
    "Places/Norway/Jotunheimen;Seasons/Autumn;$SEASON", L_OWNED },
  [A_WATERFALL] = { ART_SCENE, MOPS_DEMO_SCENE_SPRING_WATERFALL, 1200, 800,
    "hardanger-spring-waterfall.png", "image/png", "Waterfall and meadow in May, Hardanger",
    "From the recce for the members' weekend: meltwater, wild flowers, the last snow on top.",
    "Oksana Kovalenko", "Members' weekend recce", 4, "green", 200,
    "Apple|iPhone 15 Pro|6.8 mm|1.8|1/2000|64", P_OKSANA,
    "Places/Norway/Hardanger;Seasons/Spring;Campaigns/Members' weekend", L_OWNED },
  [A_LOFOTEN] = { ART_SCENE, MOPS_DEMO_SCENE_LOFOTEN_MIDNIGHT_SUN, 1200, 800,
    "lofoten-midnight-sun.png", "image/png", "Midnight sun over the rorbuer, Lofoten",
    "Red fishing cabins on stilts, 00:40 in late June. The summer catalogue opener.",
    "Yuki Tanaka", "Summer shoot", 5, "green", 150, "FUJIFILM|X-T5|16.0 mm|11.0|1/250|160",
    P_YUKI, "Places/Norway/Lofoten;Places/Coast;Seasons/Summer;Print/Catalogue", L_OWNED },
  [A_SKI_TOURING] = { ART_SCENE, MOPS_DEMO_SCENE_SKI_TOURING, 1200, 800,
    "lyngen-ski-touring-alpenglow.png", "image/png", "Ski touring at alpenglow, Lyngen Alps",
    "Sigrid Lunde's team skinning up at blue hour. Ours to use while her sponsorship runs.",
    "Sigrid Lunde", "Athlete", 5, "yellow", 250, "Canon|EOS R6m2|24.0 mm|5.6|1/160|1600",
    P_AINO, "Places/Norway/Lyngen;Seasons/Winter;People/Athletes", L_ATHLETE },
  [A_RAIN] = { ART_SCENE, MOPS_DEMO_SCENE_RAINY_FJORD, 1008, 756, "IMG_4471.png", "image/png",
    "Storm Shell in the rain, Nordfjord", "A customer's photo from Instagram (@hanne.outdoors) "
    "in her orange Storm Shell. Nobody has asked her for permission yet.", "@hanne.outdoors",
    "Instagram", 4, "red", 20, "Apple|iPhone 13|5.1 mm|1.6|1/120|250", P_AINO,
    "Places/Norway/Nordfjord;Seasons/Autumn;People/Community;Products/Jackets", L_NONE },
  [A_LIGHTHOUSE] = { ART_SCENE, MOPS_DEMO_SCENE_LIGHTHOUSE, 1200, 800,
    "lighthouse-coast-sunset.png", "image/png", "Lighthouse on the coast at sunset",
    "Late light on the coastal path; used for the fjord hikes blog header.", "Lars Håkonsen",
    "In-house", 4, "green", 80, "OLYMPUS CORPORATION|OM-1|25.0 mm|8.0|1/200|200", P_LARS,
    "Places/Coast;Places/Norway/Stad;Seasons/Autumn", L_OWNED },
  [A_STARRY] = { ART_SCENE, MOPS_DEMO_SCENE_STARRY_LAKE, 1200, 800,
    "milky-way-tent-headlamp.png", "image/png", "Milky Way over a lake, tent and head torch",
    "Long exposure with the Nattlys 400 lit. Booked for the film night poster; the licence "
    "starts with the print run.", "Tor Eide / Nattfoto", "Nattfoto", 5, "yellow", 95,
    "SONY|ILCE-7SM3|14.0 mm|1.8|20|3200", P_SOFIE,
    "Places/Mountains;Seasons/Summer;Products/Headlamps;Events", L_NATTFOTO },
  [A_CANOE] = { ART_SCENE, MOPS_DEMO_SCENE_CANOE_MIST, 1200, 800, "canoe-morning-mist.png",
    "image/png", "Canoe in the morning mist, Värmland", "Two paddlers on a still lake, mist over "
    "the spruce. Royalty-free, Nordic Stock.", "Nordic Stock AB", "Nordic Stock", 4, "green",
    120, "NIKON CORPORATION|NIKON Z 7_2|70.0 mm|4.0|1/500|200", P_MATHIAS,
    "Places/Sweden/Värmland;Seasons/Summer", L_NORDIC },
  [A_FAGARAS] = { ART_SCENE, MOPS_DEMO_SCENE_FAGARAS_SUNRISE, 1200, 800,
    "Munții Făgăraș la răsărit.png", "image/png", "Făgăraș Mountains at sunrise, Romania",
    "Sunrise over the ridge, from our Romanian partner's stock agency; file name as delivered.",
    "Andrei Popescu / Carpați Foto", "Carpați Foto", 4, "green", 400,
    "Canon|EOS 5D Mark IV|70.0 mm|8.0|1/250|100", P_LEA,
    "Places/Romania/Făgăraș;Places/Mountains;Seasons/Autumn", L_CARPATI },
  [A_NORTHERN_ALPS] = { ART_SCENE, MOPS_DEMO_SCENE_NORTHERN_ALPS, 1080, 810,
    "北アルプス縦走.png", "image/png", "Northern Alps traverse, Japan",
    "From our distributor Yamakaze Trading: two hikers on the Hotaka ridge. For use in Japan "
    "only.", "Yamakaze Trading, Osaka", "Yamakaze Trading, Osaka", 3, "orange", 480,
    "Panasonic|DC-S5M2|24.0 mm|9.0|1/640|100", P_YUKI,
    "Places/Japan/Northern Alps;Seasons/Summer;People/Athletes", L_YAMAKAZE },
  [A_CABIN] = { ART_SCENE, MOPS_DEMO_SCENE_WINTER_CABIN, 1200, 800,
    "winter-cabin-moonlight.png", "image/png", "Cabin in the snow by moonlight",
    "Warm windows, falling snow. The winter newsletter's favourite.", "Yuki Tanaka",
    "In-house", 5, "green", 330, "FUJIFILM|X-T5|18.0 mm|2.0|4|1600", P_YUKI,
    "Places/Mountains;Seasons/Winter;Email/Newsletter", L_OWNED },
  [A_GLACIER] = { ART_SCENE, MOPS_DEMO_SCENE_GLACIER_HIKE, 1200, 800,
    "glacier-rope-team-jostedalsbreen.png", "image/png", "Rope team below the glacier, "
    "Jostedalsbreen", "Four hikers roped up on the moraine. The licence ran out; the photo is "
    "still in last summer's lookbook PDF.", "Fjellfoto Nord", "Fjellfoto Nord", 4, "red", 130,
    "Canon|EOS R5|24.0 mm|11.0|1/500|100", P_LARS,
    "Places/Norway/Jostedalsbreen;Seasons/Summer;People/Athletes", L_FJELLFOTO },
  [A_RUNNER] = { ART_SCENE, MOPS_DEMO_SCENE_RIDGE_RUNNER, 1200, 800,
    "lookbook-trail-runner-x-ridge.png", "image/png", "Trail Runner X lookbook: ridge at dawn",
    "Lookbook day with Eirik Vik. Signal Orange shell, the pack in Fjord Navy, first light.",
    "Eirik Vik", "Eirik Vik Fotografi", 5, "purple", 4, "SONY|ILCE-1|85.0 mm|2.8|1/2000|200",
    P_LEA, "Campaigns/Trail Runner X launch;Products/Backpacks;People/Athletes;"
    "Places/Norway/Bergen", L_LOOKBOOK },

  /* Studio shots */
  [A_BACKPACK_MOSS] = { ART_PRODUCT, MOPS_DEMO_PRODUCT_BACKPACK_MOSS, 1200, 800,
    "trail-runner-x-30l-moss.png", "image/png", "Trail Runner X 30 L backpack, Moss Green",
    "Studio shot, front view, the second colourway.", "Yuki Tanaka", "In-house studio", 4,
    "purple", 58, "FUJIFILM|GFX100S|63.0 mm|11.0|1/125|100", P_YUKI,
    "Products/Backpacks;Campaigns/Trail Runner X launch", L_OWNED },
  [A_JACKET_GLACIER] = { ART_PRODUCT, MOPS_DEMO_PRODUCT_JACKET_GLACIER, 1200, 800,
    "storm-shell-jacket-glacier-blue.png", "image/png", "Storm Shell jacket, Glacier Blue",
    "Studio shot on warm grey, front view.", "Yuki Tanaka", "In-house studio", 4, "purple", 62,
    "FUJIFILM|GFX100S|63.0 mm|11.0|1/125|100", P_YUKI, "Products/Jackets/Shells;$SEASON",
    L_OWNED },
  [A_DOWN_JACKET] = { ART_PRODUCT, MOPS_DEMO_PRODUCT_DOWN_JACKET, 1200, 800,
    "varde-down-jacket-moss.png", "image/png", "Varde down jacket, Moss Green",
    "Recycled down, 800 fill power; the hero of the down programme.", "Yuki Tanaka",
    "In-house studio", 5, "purple", 70, "FUJIFILM|GFX100S|63.0 mm|11.0|1/125|100", P_YUKI,
    "Products/Jackets/Down;Campaigns/Recycled Down;$SEASON", L_OWNED },
  [A_TENT] = { ART_PRODUCT, MOPS_DEMO_PRODUCT_TENT, 1200, 800, "lavvo-2p-tent.png", "image/png",
    "Lavvo 2P dome tent", "Two-person tent, 1.9 kg, fly in Signal Orange, door half open.",
    "Yuki Tanaka", "In-house studio", 4, "purple", 90,
    "FUJIFILM|GFX100S|45.0 mm|13.0|1/125|100", P_YUKI, "Products/Tents", L_OWNED },
  [A_BOOTS] = { ART_PRODUCT, MOPS_DEMO_PRODUCT_BOOTS, 1200, 800, "ridge-gtx-boots.png",
    "image/png", "Ridge GTX hiking boots", "Leather, rubber toe cap, lugged sole; the pair.",
    "Yuki Tanaka", "In-house studio", 4, "purple", 90,
    "FUJIFILM|GFX100S|63.0 mm|11.0|1/125|100", P_YUKI, "Products/Footwear", L_OWNED },
  [A_STEEL_BOTTLES] = { ART_PRODUCT, MOPS_DEMO_PRODUCT_STEEL_BOTTLES, 1200, 800,
    "fjell-steel-bottles.png", "image/png", "Fjell steel bottles, 1 l and 0.75 l",
    "Fjord Navy and Glacier Blue, loop caps.", "Yuki Tanaka", "In-house studio", 3, "purple", 62,
    "FUJIFILM|GFX100S|63.0 mm|11.0|1/125|100", P_YUKI, "Products/Drinkware", L_OWNED },
  [A_HEADLAMP] = { ART_PRODUCT, MOPS_DEMO_PRODUCT_HEADLAMP, 1200, 800, "nattlys-400-headlamp.png",
    "image/png", "Nattlys 400 head torch", "Low-key studio shot with the beam on; 400 lumens.",
    "Yuki Tanaka", "In-house studio", 4, "purple", 92, "FUJIFILM|GFX100S|63.0 mm|8.0|1/60|400",
    P_YUKI, "Products/Headlamps", L_OWNED },
  [A_FLAT_LAY] = { ART_PRODUCT, MOPS_DEMO_PRODUCT_FLAT_LAY, 1080, 1350,
    "day-hike-flat-lay-1080x1350.png", "image/png", "Day hike essentials, flat lay",
    "Map, compass, thermos, mug, head torch, beanie: shot from above on pine boards, 4:5 for "
    "Instagram.", "Yuki Tanaka", "In-house studio", 4, "purple", 15,
    "FUJIFILM|GFX100S|32.0 mm|8.0|1/125|100", P_YUKI,
    "Products/Flat lays;Social/Instagram;$SEASON", L_OWNED },

  /* Social tiles, banners and posters */
  [A_POST_STORY] = { ART_POST, MOPS_DEMO_POST_LAUNCH_STORY, 1080, 1920,
    "instagram-story-countdown-1080x1920.png", "image/png",
    "Instagram story: Trail Runner X countdown", "Story frame, 9:16, three days before launch; "
    "uses the lookbook photo.", "Yuki Tanaka", "Brand & design", 4, NULL, 3, NULL, P_AINO,
    "Social/Instagram/Stories;Campaigns/Trail Runner X launch", L_OWNED, L_LOOKBOOK },
  [A_POST_DOWN] = { ART_POST, MOPS_DEMO_POST_DOWN_SQUARE, 1080, 1080,
    "instagram-warmth-without-a-new-bird-1080x1080.png", "image/png",
    "Instagram: Warmth without a new bird", "Recycled Down Programme tile, 1:1.",
    "Sofie Brändström", "Brand & design", 5, NULL, 40, NULL, P_AINO,
    "Social/Instagram;Campaigns/Recycled Down;Products/Jackets/Down", L_OWNED },
  [A_POST_MEMBERS] = { ART_POST, MOPS_DEMO_POST_MEMBERS_COVER, 1200, 628,
    "facebook-event-members-weekend-1200x628.png", "image/png",
    "Facebook event cover: Members' weekend", "Event cover with the dates; the Hardanger "
    "waterfall behind.", "Yuki Tanaka", "Brand & design", 3, NULL, 36, NULL, P_OKSANA,
    "Social/Facebook;Events;Campaigns/Members' weekend", L_OWNED },
  [A_POSTER_MEETUP] = { ART_POST, MOPS_DEMO_POST_MEETUP_POSTER, 1080, 1620,
    "poster-trail-running-meetup-floyen.png", "image/png", "Poster: trail running meetup, Fløyen",
    "2:3 poster and Facebook event image with the sign-up code.", "Sofie Brändström",
    "Brand & design", 4, "orange", 6, NULL, P_OKSANA,
    "Events/Posters;Campaigns/Trail Runner X launch;Places/Norway/Bergen", L_OWNED, L_LOOKBOOK },
  [A_POSTER_FILM] = { ART_POST, MOPS_DEMO_POST_FILM_POSTER, 960, 1440,
    "poster-film-night-bmff.png", "image/png", "Poster: film night with the mountain film "
    "festival", "Co-branded poster for Kinoteket; waits for the Nattfoto licence to start.",
    "Sofie Brändström", "Brand & design", 4, "yellow", 8, NULL, P_OKSANA,
    "Events/Posters;Events", L_OWNED, L_NATTFOTO },
  [A_POSTER_REPAIR] = { ART_POST, MOPS_DEMO_POST_REPAIR_POSTER, 960, 1440,
    "poster-repair-cafe-tour.png", "image/png", "Poster: repair café tour",
    "Four cities, free repairs; draft for the idea in the calendar.", "Yuki Tanaka",
    "Brand & design", 3, NULL, 2, NULL, P_OKSANA, "Events/Posters;Brand/Repair", L_OWNED },
  [A_POST_HIRING] = { ART_POST, MOPS_DEMO_POST_HIRING_BANNER, 1200, 628,
    "linkedin-hiring-content-designer-1200x628.png", "image/png",
    "LinkedIn: we are hiring a content designer", "Job post link image.", "Yuki Tanaka",
    "Brand & design", 3, NULL, 13, NULL, P_INGRID, "Social/LinkedIn;People/Team;Recruiting",
    L_OWNED },
  [A_POST_GIVEAWAY] = { ART_POST, MOPS_DEMO_POST_GIVEAWAY_SQUARE, 1080, 1080,
    "facebook-thermos-giveaway-1080x1080.png", "image/png", "Facebook: thermos giveaway",
    "Comment-to-win tile; terms on the website.", "Yuki Tanaka", "Brand & design", 3, NULL, 9,
    NULL, P_AINO, "Social/Facebook;Products/Drinkware;$SEASON", L_OWNED },
  [A_POST_BLACK_WEEK] = { ART_POST, MOPS_DEMO_POST_BLACK_WEEK_BANNER, 1200, 628,
    "black-week-banner-1200x628.png", "image/png", "Black Week banner (last year)",
    "Archived. We stopped doing discount weeks; kept for the record.", "Brightwave Digital",
    "Brightwave Digital Ltd", 1, "gray", 370, NULL, P_JONAS, "Campaigns/Black Week;Web/Banners",
    L_OWNED },
  [A_POST_BLOG] = { ART_POST, MOPS_DEMO_POST_BLOG_HEADER, 1200, 630,
    "blog-header-fjord-hikes-1200x630.png", "image/png", "Blog header: 5 fjord hikes",
    "Header for the route guide; the lighthouse photo behind.", "Yuki Tanaka",
    "Brand & design", 4, NULL, 31, NULL, P_LARS, "Web/Blog headers;$SEASON", L_OWNED },
  [A_POST_LAKES] = { ART_POST, MOPS_DEMO_POST_LAKES_HEADER, 1200, 628,
    "newsletter-header-alpine-lakes-1200x628.png", "image/png",
    "Newsletter header: Alpine lakes special", "Uses the Alpenblick lake photo — which is not "
    "licensed for e-mail.", "Yuki Tanaka", "Brand & design", 3, "orange", 11, NULL, P_MATHIAS,
    "Email/Newsletter;Places/Alps", L_OWNED, L_ALPENBLICK },

  /* Vector files */
  [A_PICTOGRAMS] = { ART_VECTOR, MOPS_DEMO_VECTOR_PICTOGRAMS, 0, 0, "pictograms-activities.svg",
    "image/svg+xml", "Activity pictograms", "Hiking, camping, ski touring, waterproof, recycled "
    "down, lifetime repairs: for product pages and hang tags.", "Studio Kvist", "Studio Kvist AB",
    4, "blue", 100, NULL, P_SOFIE, "Brand/Icons/Pictograms", L_OWNED },
  [A_ROUTE_MAP] = { ART_VECTOR, MOPS_DEMO_VECTOR_ROUTE_MAP, 0, 0, "route-map-floyen-meetup.svg",
    "image/svg+xml", "Route map: Fløyen meetup loops", "The 6 and 12 km loops for the meetup "
    "page and the printed hand-out.", "Lars Håkonsen", "Content", 3, NULL, 5, NULL, P_LARS,
    "Maps;Events;Places/Norway/Bergen", L_OWNED },

  /* More of the free fonts GTK brings along */
  [A_FONT_SERIF] = { ART_FONT, 2, 0, 0, "DejaVuSerif.ttf", "font/ttf", "DejaVu Serif Book",
    "Newsletter and poster headlines.", "DejaVu fonts team", "dejavu-fonts.github.io", 3, NULL, 0,
    NULL, P_SOFIE, "Brand/Typography", L_FONT },
  [A_FONT_SERIF_BOLD] = { ART_FONT, 3, 0, 0, "DejaVuSerif-Bold.ttf", "font/ttf",
    "DejaVu Serif Bold", "Serif headlines.", "DejaVu fonts team", "dejavu-fonts.github.io", 3,
    NULL, 0, NULL, P_SOFIE, "Brand/Typography", L_FONT },
  [A_FONT_MONO] = { ART_FONT, 4, 0, 0, "DejaVuSansMono.ttf", "font/ttf", "DejaVu Sans Mono",
    "Spec tables, price tags and batch numbers.", "DejaVu fonts team", "dejavu-fonts.github.io",
    2, NULL, 0, NULL, P_SOFIE, "Brand/Typography", L_FONT },

  /* Copy: drafts, newsletters, product texts and their translations */
  [A_COPY_BLOG_FJORDS] = { ART_TEXT, COPY_BLOG_FJORDS, 0, 0,
    "Blog draft – 5 fjord hikes for short days.md", "text/markdown",
    "Blog: 5 fjord hikes for short days", "Route guide, published; the edited text.",
    "Lars Håkonsen", "Content", 4, "green", 32, NULL, P_LARS,
    "Copy/Blog;Places/Norway/Nordfjord;$SEASON", L_OWNED },
  [A_COPY_BLOG_WINTER] = { ART_TEXT, COPY_BLOG_WINTER, 0, 0,
    "Blog draft – winter camping packing list.md", "text/markdown",
    "Blog draft: winter camping packing list", "Checklist post; still needs a hero image.",
    "Lars Håkonsen", "Content", 2, "yellow", 6, NULL, P_LARS, "Copy/Blog;Seasons/Winter",
    L_OWNED },
  [A_COPY_NEWSLETTER] = { ART_TEXT, COPY_NEWSLETTER, 0, 0, "The Trail Letter – next issue.md",
    "text/markdown", "The Trail Letter: next issue", "One route, one repair tip, one product.",
    "Mathias Ødegård", "Content", 3, NULL, 3, NULL, P_MATHIAS, "Copy/Newsletter;Email/Newsletter",
    L_OWNED },
  [A_COPY_SHELL] = { ART_TEXT, COPY_SHELL, 0, 0, "Product description – Storm Shell.md",
    "text/markdown", "Product description: Storm Shell", "Web shop and catalogue text, EN.",
    "Léa Dubois", "Product marketing", 4, NULL, 64, NULL, P_LEA,
    "Copy/Product descriptions;Products/Jackets/Shells", L_OWNED },
  [A_COPY_THERMOS] = { ART_TEXT, COPY_THERMOS, 0, 0, "product-description-fjell-thermos.txt",
    "text/plain", "Product description: Fjell thermos", "Short and long text for the web shop.",
    "Léa Dubois", "Product marketing", 3, NULL, 64, NULL, P_LEA,
    "Copy/Product descriptions;Products/Drinkware", L_OWNED },
  [A_COPY_DE] = { ART_TEXT, COPY_DE, 0, 0, "Produktbeschreibung – Trail Runner X für Händler.md",
    "text/markdown", "Produktbeschreibung: Trail Runner X (DE)", "German product text for the "
    "retailers in Germany, Austria and Switzerland.", "Copyhouse Berlin", "Copyhouse Berlin", 4,
    NULL, 21, NULL, P_LEA, "Copy/Translations;Copy/Product descriptions;Products/Backpacks",
    L_OWNED },
  [A_COPY_JA] = { ART_TEXT, COPY_JA, 0, 0, "商品説明 – ストームシェル.txt", "text/plain",
    "商品説明: ストームシェル (JA)", "Japanese product description of the Storm Shell, from "
    "the distributor in Osaka.", "Yamakaze Trading, Osaka", "Yamakaze Trading, Osaka", 3, NULL,
    45, NULL, P_YUKI, "Copy/Translations;Copy/Product descriptions;Products/Jackets/Shells",
    L_OWNED },
  [A_COPY_RU] = { ART_TEXT, COPY_RU, 0, 0, "Описание товара – термос Fjell.txt", "text/plain",
    "Описание товара: термос Fjell (RU)", "Russian product text for the Baltic web shops.",
    "Baltic Print House", "Baltic Print House", 3, NULL, 50, NULL, P_LEA,
    "Copy/Translations;Copy/Product descriptions;Products/Drinkware", L_OWNED },
  [A_COPY_RO] = { ART_TEXT, COPY_RO, 0, 0,
    "Fișă tehnică și texte pentru rețele sociale – Storm Shell.md", "text/markdown",
    "Fișă tehnică: Storm Shell (RO)", "Romanian spec sheet and social captions for the partner "
    "in Brașov.", "Carpați Foto", "Carpați Foto", 3, NULL, 30, NULL, P_LEA,
    "Copy/Translations;Products/Jackets/Shells;Social/Instagram", L_OWNED },
  [A_COPY_RUN_SHEET] = { ART_TEXT, COPY_RUN_SHEET, 0, 0, "Members' weekend – run sheet.md",
    "text/markdown", "Members' weekend: run sheet", "Who does what, when, and the bad-weather "
    "plan.", "Oksana Kovalenko", "Events", 4, NULL, 28, NULL, P_OKSANA,
    "Copy/Events;Events;Campaigns/Members' weekend", L_OWNED },
  [A_COPY_DOWN_FAQ] = { ART_TEXT, COPY_DOWN_FAQ, 0, 0, "FAQ – recycled down (retailers).md",
    "text/markdown", "FAQ: recycled down, for retailers", "In review with legal.",
    "Mathias Ødegård", "Content", 3, "yellow", 4, NULL, P_MATHIAS,
    "Copy;Campaigns/Recycled Down", L_OWNED },

  /* Data files */
  [A_DATA_FEED] = { ART_DATA, DATA_FEED, 0, 0, "product-feed.csv", "text/csv",
    "Product feed (web shop export)", "SKUs, colours, prices in NOK and EUR; what the ad "
    "platforms read.", "Jonas Müller", "Web shop", 3, NULL, 1, NULL, P_JONAS,
    "Data/Product feed;Products", L_OWNED },
  [A_DATA_INSIGHTS] = { ART_DATA, DATA_INSIGHTS, 0, 0, "instagram-insights-last-14-days.json",
    "application/json", "Instagram insights, last 14 days", "Daily reach, engagement and "
    "followers as exported from Meta Business Suite.", "Aino Virtanen", "Meta Business Suite", 2,
    NULL, 1, NULL, P_AINO, "Data/Analytics;Social/Instagram", L_OWNED },
  [A_DATA_STORES] = { ART_DATA, DATA_STORES, 0, 0, "store-locator.json", "application/json",
    "Store locator data", "The twelve own stores with addresses and coordinates, for the web "
    "site's map.", "Zofia Wróbel", "Web shop", 3, NULL, 140, NULL, P_ZOFIA,
    "Data/Stores;Places/Norway", L_OWNED },
};

/* ------------------------------------------------------------------ licences */

typedef struct
{
  const char *licensor;
  const char *kind;
  const char *cc_variant, *cc_version;
  gboolean    worldwide;
  int         starts, expires;        /* days from today, NO_DATE for open */
  gint64      cost;
  const char *currency;
  const char *attribution, *model_release, *property_release;
  guint       contract;
  const char *reference;              /* with the starting year inserted after it, if… */
  const char *reference_tail;         /* …this is set: "AB" + year + "0142" */
  const char *notes;
  gboolean    unconfirmed;
  const char *source;
  const char *media;
  const char *territories;
  int         created;                /* days ago */
} LicenceSpec;

static const LicenceSpec licences[N_LICENCES] = {
  [L_OWNED] = { "Fjellvind AS", "owned", NULL, NULL, TRUE, NO_DATE, NO_DATE, 0, NULL, NULL,
    "not_applicable", "not_applicable", A_NONE, NULL, NULL,
    "In-house work: logos, studio photography, campaign artwork and copy.", FALSE, "user",
    "web;social;print;broadcast;outdoor;email", NULL, 300 },
  [L_FONT] = { "DejaVu fonts (Bitstream Vera licence)", "other", NULL, NULL, TRUE, NO_DATE,
    NO_DATE, 0, NULL, "Bitstream Vera / DejaVu fonts licence", NULL, NULL, A_NONE, NULL, NULL,
    "Free licence: embedding and redistribution allowed; keep the licence text with the font "
    "files.", FALSE, "user", "web;social;print;broadcast;outdoor;email", NULL, 280 },
  [L_NORDLYS] = { "Nordlys Stock AS", "royalty_free", NULL, NULL, TRUE, -420, 310, 129000, "EUR",
    NULL, "not_applicable", "not_applicable", A_NONE, "NS-ENT-2291", NULL,
    "Two-year enterprise agreement, up to 25 images; one used so far.", FALSE, "user",
    "web;social;print;email", NULL, 421 },
  [L_ALPENBLICK] = { "Alpenblick Bildagentur GmbH", "rights_managed", NULL, NULL, FALSE, -358, 7,
    85000, "EUR", "Photo: Alpenblick Bildagentur", "not_applicable", "none", A_CONTRACT, "AB",
    "0142", "Web and social media in DE/AT/CH only. Renewal quote requested.", FALSE, "user",
    "web;social", "AT;CH;DE", 360 },
  [L_POLAR] = { "Polar Pixels Ltd", "royalty_free", NULL, NULL, TRUE, -385, -20, 24900, "GBP",
    "© Polar Pixels / James Reid", "unlimited", "not_applicable", A_NONE, "PP-INV-88120", NULL,
    "Twelve-month licence; not renewed. Take the image down where it still runs.", FALSE, "user",
    "web;social;print", NULL, 386 },
  [L_NORDLYS_CAMP] = { "Nordlys Stock AS", "rights_managed", NULL, NULL, FALSE, 14, 378, 45000,
    "EUR", NULL, "not_applicable", "limited", A_NONE, "NS-RM-5120", NULL,
    "Booked for the poster campaign; the licence period starts with it.", FALSE, "user",
    "web;social;outdoor", "DK;FI;NO;SE", 12 },
  [L_KYST_OLD] = { "Kystfoto AS", "royalty_free", NULL, NULL, TRUE, -366, -1, 640000, "NOK",
    "Photo: Kari Nes / Kystfoto", "unlimited", "not_applicable", A_NONE, "KF", "0207",
    "First year.", FALSE, "user", "web;social;print", NULL, 367 },
  [L_KYST_NEW] = { "Kystfoto AS", "royalty_free", NULL, NULL, TRUE, 0, 364, 640000, "NOK",
    "Photo: Kari Nes / Kystfoto", "unlimited", "not_applicable", A_NONE, "KF", "0311",
    "Renewal for a second year, same terms.", FALSE, "user", "web;social;print", NULL, 2 },
  [L_CC] = { "Marta Lindqvist", "creative_commons", "BY", "4.0", TRUE, NO_DATE, NO_DATE, 0, NULL,
    "Photo: Marta Lindqvist, CC BY 4.0", "none", "not_applicable", A_NONE, NULL, NULL,
    "From Wikimedia Commons; credit wherever it is used.", FALSE, "user",
    "web;social;print;broadcast;outdoor;email", NULL, 301 },
  [L_ARCTIC] = { "Arctic Light Images", "editorial", NULL, NULL, TRUE, -60, 200, 0, NULL,
    "© Arctic Light Images", NULL, NULL, A_NONE, "ALI-88412", NULL,
    "Pre-filled from the file's XMP rights metadata on import.", TRUE, "metadata", NULL, NULL,
    70 },
  [L_LOOKBOOK] = { "Eirik Vik Fotografi", "rights_managed", NULL, NULL, TRUE, -4, 1822, 3850000,
    "NOK", "Photo: Eirik Vik", "unlimited", "not_applicable", A_NONE, "EVF", "0114",
    "Commissioned lookbook day: every Fjellvind channel for five years, invoiced with the "
    "shoot.", FALSE, "user", "web;social;print;outdoor;email", NULL, 4 },
  [L_CARPATI] = { "Carpați Foto SRL", "royalty_free", NULL, NULL, TRUE, -120, 610, 18000, "EUR",
    "Foto: Andrei Popescu / Carpați Foto", "not_applicable", "not_applicable", A_NONE,
    "CF-77341", NULL, "Standard licence, up to 250,000 printed copies.", FALSE, "user",
    "web;social;print", NULL, 121 },
  [L_YAMAKAZE] = { "Yamakaze Trading Co., Ltd.", "other", NULL, NULL, FALSE, -340, 12, 0, NULL,
    "Photo: Yamakaze Trading", "limited", NULL, A_NONE, NULL, NULL,
    "The distributor's photo, for use in Japan only; the renewal is part of the distribution "
    "talks.", FALSE, "user", "web;social", "JP", 335 },
  [L_FJELLFOTO] = { "Fjellfoto Nord AS", "royalty_free", NULL, NULL, TRUE, -500, -40, 420000,
    "NOK", "Photo: Fjellfoto Nord", "unlimited", "not_applicable", A_NONE, "FFN-2291", NULL,
    "One year, not renewed. Last summer's lookbook PDF still shows the photo.", FALSE, "user",
    "web;social;print", NULL, 501 },
  [L_NATTFOTO] = { "Nattfoto AS", "rights_managed", NULL, NULL, FALSE, 10, 375, 320000, "NOK",
    "Photo: Tor Eide / Nattfoto", "not_applicable", "not_applicable", A_NONE, "NF-RM-0631",
    NULL, "Posters and social media for the film night; the period starts with the print run.",
    FALSE, "user", "outdoor;print;social", "NO", 9 },
  [L_ATHLETE] = { "Sigrid Lunde", "other", NULL, NULL, TRUE, -300, 220, 0, NULL,
    "Photo: Sigrid Lunde", "unlimited", "not_applicable", A_NONE, "ATH-SL", NULL,
    "Athlete agreement: her photos in Fjellvind's own channels while the sponsorship runs.",
    FALSE, "user", "web;social;email", NULL, 300 },
  [L_NORDIC] = { "Nordic Stock AB", "royalty_free", NULL, NULL, TRUE, -119, NO_DATE, 240000, "SEK",
    NULL, "unlimited", "not_applicable", A_NONE, "NS-SE-449812", NULL,
    "Perpetual royalty-free licence, standard terms.", FALSE, "user", "web;social;print;email",
    NULL, 119 },
};

/* ------------------------------------------------------------------ content */

enum { HOURLESS = -1 };

typedef struct
{
  const char *slug;
  const char *title;             /* "$SEASON" is replaced by the season's name */
  const char *status;
  guint       channel, campaign, owner, reviewer;
  int         day, hour, minute; /* day = NO_DATE: unscheduled; hour = HOURLESS: a whole day */
  const char *rrule;
  guint       assets[3];
  const char *brief;
} ContentSpec;

static const ContentSpec contents[] = {
  { "down-launch-story", "Recycled Down Programme: the story behind it", "published", CH_BLOG,
    K_DOWN, P_MATHIAS, P_INGRID, -44, 9, 0, NULL, { A_POST_LINKEDIN, A_COPY_PRESS },
    "Long read: why we switched to recycled down, what it costs, what it saves." },
  { "down-linkedin", "LinkedIn: Recycled down, fully traced", "published", CH_LINKEDIN, K_DOWN,
    P_JONAS, P_INGRID, -43, 11, 30, NULL, { A_POST_LINKEDIN },
    "Announce the programme to retailers and press; link to the story." },
  { "winter-ridge-teaser", "Instagram: winter ridge teaser", "published", CH_INSTAGRAM, K_SEASON,
    P_AINO, P_MATHIAS, -38, 18, 0, NULL, { A_WINTER }, "Mood teaser for the $SEASON collection." },
  { "members-save-the-date", "Members' weekend: save the date", "published", CH_FACEBOOK,
    K_MEMBERS, P_OKSANA, P_INGRID, -35, 10, 0, NULL, { A_POST_SQUARE, A_POST_MEMBERS },
    "Event post with the sign-up link; 120 places." },
  { "fjord-hikes", "5 fjord hikes for short days", "published", CH_BLOG, K_SEASON, P_LARS,
    P_MATHIAS, -30, 8, 30, NULL, { A_FJORD, A_COAST, A_POST_BLOG },
    "Route guide with maps and packing tips." },
  { "season-posters", "Store windows: $SEASON collection", "published", CH_POSTERS, K_SEASON,
    P_SOFIE, P_INGRID, -28, HOURLESS, 0, NULL, { A_POST_HERO },
    "Window posters for the twelve own stores; printed by Baltic Print House." },
  { "storm-shell-orange", "Instagram: the Storm Shell in Signal Orange", "published",
    CH_INSTAGRAM, K_SEASON, P_AINO, P_SOFIE, -24, 17, 0, NULL, { A_JACKET },
    "Product post; tag the three retailers that stock it." },
  { "members-recap", "Members' weekend recap", "published", CH_BLOG, K_MEMBERS, P_OKSANA,
    P_MATHIAS, -16, 9, 0, NULL, { A_SUMMIT }, "Photo story from the weekend, 300 words." },
  { "hiring-content-designer", "LinkedIn: we are hiring a content designer", "published",
    CH_LINKEDIN, K_ALWAYS, P_INGRID, P_NONE, -12, 12, 0, NULL, { A_POST_HIRING },
    "Job post, link to the careers page." },
  { "thermos-giveaway", "Facebook: thermos giveaway", "published", CH_FACEBOOK, K_SEASON, P_AINO,
    P_JONAS, -7, 15, 0, NULL, { A_BOTTLE, A_POST_GIVEAWAY },
    "Comment-to-win; terms on the website." },
  { "packing-reel", "Instagram reel: packing the Trail Runner X", "published", CH_INSTAGRAM,
    K_LAUNCH, P_AINO, P_LEA, -3, 19, 0, NULL, { A_BACKPACK, A_POST_PORTRAIT },
    "30-second reel; Yuki films in the studio." },
  { "down-faq", "Recycled down FAQ for retailers", "in_review", CH_BLOG, K_DOWN, P_MATHIAS,
    P_INGRID, -2, 9, 0, NULL, { A_COPY_PRESS, A_COPY_DOWN_FAQ },
    "Overdue: legal still checking the claims." },
  { "find-your-wind", "Instagram: Find your wind", "scheduled", CH_INSTAGRAM, K_SEASON, P_AINO,
    P_SOFIE, 1, 18, 0, NULL, { A_POST_SQUARE }, "Season tile with the lake photo." },
  { "trail-letter-preorder", "Newsletter: Trail Runner X pre-order", "scheduled", CH_NEWSLETTER,
    K_LAUNCH, P_JONAS, P_LEA, 2, 7, 30, NULL, { A_POST_NEWSLETTER, A_BACKPACK },
    "Extra send to members with early access." },
  { "trail-runner-launch", "Trail Runner X: the launch post", "scheduled", CH_BLOG, K_LAUNCH,
    P_LEA, P_INGRID, 4, 9, 0, NULL, { A_WINTER, A_BACKPACK },
    "Launch story. Uses the winter ridge photo — its licence has expired." },
  { "design-notes", "LinkedIn: Trail Runner X design notes", "approved", CH_LINKEDIN, K_LAUNCH,
    P_LEA, P_JONAS, 6, 11, 0, NULL, { A_BACKPACK }, "Designer's notes on weight and fit." },
  { "storm-shell-carousel", "Instagram carousel: three ways to wear the Storm Shell", "in_review",
    CH_INSTAGRAM, K_SEASON, P_AINO, P_SOFIE, 8, 18, 0, NULL, { A_JACKET, A_POST_PORTRAIT },
    "Three looks: city, ridge, rain." },
  { "aurora-camp", "Instagram: camp under the northern lights", "draft", CH_INSTAGRAM, K_SEASON,
    P_AINO, P_MATHIAS, 9, 21, 0, NULL, { A_AURORA }, "Confirm the photo licence first." },
  { "alpine-lakes-special", "Newsletter special: alpine lakes", "scheduled", CH_NEWSLETTER,
    K_SEASON, P_MATHIAS, P_INGRID, 10, 7, 30, NULL, { A_LAKE, A_POST_NEWSLETTER, A_POST_LAKES },
    "Feature on lake hikes. The lake photo's licence ends before this goes out." },
  { "down-batch-tracing", "How we trace every batch of down", "draft", CH_BLOG, K_DOWN, P_LARS,
    P_MATHIAS, 12, 9, 0, NULL, { A_COPY_PRESS }, "Follow one batch from Tallinn to Bergen." },
  { "runner-window", "Store windows: Trail Runner X", "approved", CH_POSTERS, K_LAUNCH, P_SOFIE,
    P_LEA, 14, HOURLESS, 0, NULL, { A_POST_HERO }, "Swap the window posters on launch day." },
  { "runde-guide", "Coastal hike guide: Runde", "scheduled", CH_BLOG, K_SEASON, P_LARS, P_MATHIAS,
    16, 9, 0, NULL, { A_COAST }, "Route, ferry times, bird season." },
  { "trail-meetup", "Facebook event: trail running meetup Bergen", "in_review", CH_FACEBOOK,
    K_LAUNCH, P_OKSANA, P_JONAS, 18, 10, 0, NULL, { A_FOREST, A_POSTER_MEETUP },
    "Free meetup at Fløyen, test the Trail Runner X. Credit the CC photo." },
  { "campfire-posters", "Retail posters: campfire nights", "approved", CH_POSTERS, K_LAUNCH,
    P_SOFIE, P_INGRID, 20, HOURLESS, 0, NULL, { A_CAMPFIRE },
    "Poster run in Scandinavian stores; the photo's licence starts on the 14th day." },
  { "catalogue-spread", "Print catalogue: $SEASON spread", "draft", CH_CATALOGUE, K_SEASON,
    P_LEA, P_SOFIE, 25, HOURLESS, 0, NULL, { A_FJORD, A_JACKET, A_SIZE_CHART },
    "Double page with the size chart; print deadline is the due date." },
  { "down-results", "LinkedIn: first results of the down programme", "draft", CH_LINKEDIN, K_DOWN,
    P_JONAS, P_INGRID, 30, 11, 0, NULL, { A_NONE }, "Numbers from the first quarter." },
  { "studio-behind-the-scenes", "Instagram: behind the scenes at the studio", "idea",
    CH_INSTAGRAM, K_NONE, P_YUKI, P_SOFIE, 35, 18, 0, NULL, { A_FLAT_LAY },
    "Stories from a product shoot day." },
  { "runner-press-kit", "Press kit page for the Trail Runner X", "draft", CH_BLOG, K_LAUNCH,
    P_LEA, P_INGRID, 40, 9, 0, NULL, { A_COPY_LAUNCH, A_BACKPACK }, "Downloads, specs, quotes." },
  { "year-in-review", "Year in review video", "idea", CH_BLOG, K_ALWAYS, P_MATHIAS, P_NONE,
    NO_DATE, 0, 0, NULL, { A_NONE }, "Two minutes, best moments, thanks to the community." },
  { "repair-cafe-tour", "Idea: repair café tour", "idea", CH_NONE, K_NONE, P_OKSANA, P_NONE,
    NO_DATE, 0, 0, NULL, { A_POSTER_REPAIR },
    "Free repairs in four cities; partner with local cafés." },
  { "athlete-takeover", "Idea: athlete takeover on Instagram", "idea", CH_INSTAGRAM, K_NONE,
    P_AINO, P_NONE, NO_DATE, 0, 0, NULL, { A_NONE }, "One week, one athlete, their route." },
  { "ugc-summits", "Idea: community summit photos", "idea", CH_INSTAGRAM, K_ALWAYS, P_JONAS,
    P_NONE, NO_DATE, 0, 0, NULL, { A_SUMMIT, A_RAIN }, "Repost members' summit photos — ask for "
    "licences up front this time." },
  { "winter-packing-list", "Packing list for winter camping", "draft", CH_BLOG, K_SEASON, P_LARS,
    P_MATHIAS, NO_DATE, 0, 0, NULL, { A_COPY_BLOG_WINTER }, "Checklist post; needs a hero image." },
  { "trail-letter", "The Trail Letter", "scheduled", CH_NEWSLETTER, K_ALWAYS, P_MATHIAS,
    P_INGRID, -42, 7, 30, "FREQ=WEEKLY;BYDAY=TU", { A_POST_NEWSLETTER, A_COPY_NEWSLETTER },
    "Weekly newsletter: one route, one repair tip, one product." },
  { "trail-conditions", "Monthly trail conditions report", "scheduled", CH_BLOG, K_ALWAYS, P_LARS,
    P_MATHIAS, -45, 9, 0, "FREQ=MONTHLY;BYMONTHDAY=1", { A_NONE },
    "Snow, mud and closures on our ten favourite trails." },
};

/* ------------------------------------------------------------------ budget */

enum { T_NONE, T_DEMAND, T_CONTENT, T_BRAND, T_EVENTS, T_PRODUCT, N_TEAMS };
enum { G_NONE, G_ADS, G_EVENTS, G_CONTENT, G_SOFTWARE, G_LICENSING, G_AGENCIES, G_TRAVEL,
       N_CATEGORIES };

static const struct { const char *name, *color; guint lead; } teams[N_TEAMS] = {
  [T_DEMAND] = { "Demand generation", "#3584E4", P_JONAS },
  [T_CONTENT] = { "Content", "#26A269", P_MATHIAS },
  [T_BRAND] = { "Brand & design", "#9141AC", P_SOFIE },
  [T_EVENTS] = { "Events", "#E66100", P_OKSANA },
  [T_PRODUCT] = { "Product marketing", "#C01C28", P_LEA },
};

static const struct { const char *name, *color; } categories[N_CATEGORIES] = {
  [G_ADS] = { "Advertising", "#1C71D8" },
  [G_EVENTS] = { "Events", "#E5A50A" },
  [G_CONTENT] = { "Content production", "#2EC27E" },
  [G_SOFTWARE] = { "Software", "#813D9C" },
  [G_LICENSING] = { "Licensing", "#C64600" },
  [G_AGENCIES] = { "Agencies", "#63452C" },
  [G_TRAVEL] = { "Travel", "#77767B" },
};

/* Monthly plan in whole euros before seasonality; 0 = the team does not plan that category */
static const int plan_base[N_TEAMS][N_CATEGORIES] = {
  [T_DEMAND] = { [G_ADS] = 9000, [G_SOFTWARE] = 1100, [G_AGENCIES] = 3000 },
  [T_CONTENT] = { [G_CONTENT] = 4000, [G_LICENSING] = 900, [G_SOFTWARE] = 300,
                  [G_AGENCIES] = 1500 },
  [T_BRAND] = { [G_AGENCIES] = 2500, [G_LICENSING] = 600, [G_CONTENT] = 1200,
                [G_SOFTWARE] = 400 },
  [T_EVENTS] = { [G_EVENTS] = 5000, [G_TRAVEL] = 1500, [G_ADS] = 800 },
  [T_PRODUCT] = { [G_ADS] = 3500, [G_CONTENT] = 2000, [G_TRAVEL] = 700, [G_EVENTS] = 1200,
                  [G_SOFTWARE] = 100 },
};

/* Seasonality in percent, January to December: outdoor brands spend before spring and autumn */
static const int season_percent[12] = { 80, 85, 110, 120, 115, 100, 70, 80, 120, 125, 130, 90 };

typedef struct { const char *vendor, *currency, *description; } VendorSpec;

static const VendorSpec vendors[N_CATEGORIES][3] = {
  [G_ADS] = { { "Meta Platforms Ireland", "EUR", "Paid social" },
              { "Google Ireland", "EUR", "Search and YouTube ads" },
              { "JCDecaux Norge AS", "NOK", "Bus shelter posters, Bergen" } },
  [G_EVENTS] = { { "Outdoor Trade Fair GmbH", "EUR", "Trade fair booth" },
                 { "Eventkraft AS", "NOK", "Event production" },
                 { "Bergen Mountain Film Festival", "NOK", "Festival partnership" } },
  [G_CONTENT] = { { "Nordlicht Studios", "EUR", "Video production" },
                  { "Fjordfilm AS", "NOK", "Drone footage" },
                  { "Copyhouse Berlin", "EUR", "Translation DE/FR" } },
  [G_LICENSING] = { { "Nordlys Stock AS", "EUR", "Image credits" },
                    { "Polar Pixels Ltd", "GBP", "Image licence" },
                    { "Epidemic Sound", "EUR", "Music licences" } },
  [G_AGENCIES] = { { "Studio Kvist AB", "SEK", "Design retainer" },
                   { "Brightwave Digital Ltd", "GBP", "Performance agency fee" },
                   { "Havn Kommunikasjon AS", "NOK", "PR retainer" } },
  [G_TRAVEL] = { { "SAS Scandinavian Airlines", "NOK", "Flights" },
                 { "Deutsche Bahn", "EUR", "Train tickets" },
                 { "Scandic Hotels", "NOK", "Hotel nights" } },
};

/* Rates into euros, as the finance team books them: 1 unit of the currency in EUR */
static const char *const month_names[12] = {
  "January", "February", "March", "April", "May", "June", "July", "August", "September",
  "October", "November", "December",
};

static const struct { const char *currency, *rate; } rates[] = {
  { "EUR", "1" }, { "USD", "0.9215" }, { "GBP", "1.1630" }, { "NOK", "0.0851" },
  { "SEK", "0.0874" },
};

enum
{
  S_NONE, S_ADOBE, S_FIGMA, S_HUBSPOT, S_CANVA, S_LATER, S_BREVO, S_SEMRUSH, S_NOTION, S_SLACK,
  S_HOOTSUITE, N_SUBSCRIPTIONS
};

static const struct
{
  const char *vendor, *product;
  gint64      cost;
  const char *currency, *period;
  int         renews, notice_days;
  guint       owner, team;
  int         seats;
  const char *url, *notes;
  int         cancelled;          /* days from today; 0 = running */
} subscriptions[N_SUBSCRIPTIONS] = {
  [S_ADOBE] = { "Adobe", "Creative Cloud for teams", 35996, "EUR", "monthly", 9, 0, P_SOFIE,
                T_BRAND, 4, "https://www.adobe.com/", NULL, 0 },
  [S_FIGMA] = { "Figma", "Professional", 4500, "USD", "monthly", 17, 0, P_YUKI, T_BRAND, 3,
                "https://www.figma.com/", "Three editors; viewers are free.", 0 },
  [S_HUBSPOT] = { "HubSpot", "Marketing Hub Professional", 89000, "EUR", "monthly", 12, 0,
                  P_JONAS, T_DEMAND, 5, "https://www.hubspot.com/", NULL, 0 },
  [S_CANVA] = { "Canva", "Canva for Teams", 30000, "EUR", "yearly", 160, 30, P_AINO, T_CONTENT,
                5, "https://www.canva.com/", NULL, 0 },
  [S_LATER] = { "Later", "Growth", 4500, "USD", "monthly", 5, 0, P_AINO, T_CONTENT, 2,
                "https://later.com/", "Instagram and LinkedIn scheduling.", 0 },
  [S_BREVO] = { "Brevo", "Business (60,000 contacts)", 6500, "EUR", "monthly", 21, 0,
                P_MATHIAS, T_CONTENT, NO_DATE, "https://www.brevo.com/",
                "Sends The Trail Letter.", 0 },
  [S_SEMRUSH] = { "Semrush", "Guru (annual)", 239900, "USD", "yearly", 40, 30, P_JONAS,
                  T_DEMAND, 1, "https://www.semrush.com/",
                  "Cancel in writing at least 30 days before renewal.", 0 },
  [S_NOTION] = { "Notion", "Plus", 96000, "EUR", "yearly", 220, 30, P_ZOFIA, T_CONTENT, 10,
                 "https://www.notion.so/", NULL, 0 },
  [S_SLACK] = { "Slack", "Pro", 8750, "EUR", "monthly", 26, 0, P_ZOFIA, T_PRODUCT, 10,
                "https://slack.com/", NULL, 0 },
  [S_HOOTSUITE] = { "Hootsuite", "Professional", 9900, "EUR", "monthly", -30, 0, P_AINO,
                    T_CONTENT, 1, "https://www.hootsuite.com/",
                    "Replaced by Later; cancelled.", -35 },
};

/* ------------------------------------------------------------------ copy */

static const char copy_launch[] =
  "# Trail Runner X — launch copy\n"
  "\n"
  "Status: approved by Léa Dubois and Ingrid Solberg. Use as written; shorten, don't rewrite.\n"
  "\n"
  "## Headline options\n"
  "\n"
  "1. **30 litres. 980 grams. Zero compromise.** (primary)\n"
  "2. Pack light, go long.\n"
  "3. The pack that forgets it's there.\n"
  "\n"
  "## Product copy (web, 80 words)\n"
  "\n"
  "The Trail Runner X carries a full day in the mountains and weighs less than a litre of "
  "water. A vented back panel keeps you dry on the climb, two stretch side pockets hold a "
  "1 l bottle each, and the roll-top lid swallows a shell when the wind turns. Recycled "
  "210D ripstop, PFC-free coating, lifetime repairs in every Fjellvind store. Designed in "
  "Bergen, tested on every ridge between.\n"
  "\n"
  "## Social captions\n"
  "\n"
  "- Instagram: Everything you need, nothing you don't. The Trail Runner X is here — "
  "pre-order now, ships in two weeks. #fjellvind #longwayround\n"
  "- LinkedIn: 980 grams took us 14 prototypes. Our designers on what they left out, and why.\n"
  "- Newsletter subject: Your next pack weighs 980 grams\n"
  "\n"
  "## Don't say\n"
  "\n"
  "- \"ultralight\" (it is light, not ultralight)\n"
  "- \"waterproof\" (it is water-resistant; say \"roll-top keeps the rain out\")\n";

static const char copy_press[] =
  "# Fjellvind completes switch to recycled down\n"
  "\n"
  "*Bergen — for immediate release*\n"
  "\n"
  "Every insulated piece in Fjellvind's range now uses certified recycled down. The down is "
  "recovered from returned bedding and garments, cleaned and sorted in Tallinn, and traced "
  "batch by batch to the finished jacket.\n"
  "\n"
  "\"We wanted warmth without a new bird in the supply chain,\" says Ingrid Solberg, Head of "
  "Marketing. \"And we wanted to prove it: every jacket carries a batch number you can look "
  "up.\"\n"
  "\n"
  "## Key facts\n"
  "\n"
  "- 100 % of down products, 38 styles, from this season on\n"
  "- 41 % lower CO₂e per jacket than virgin down (third-party LCA, summary on request)\n"
  "- Batch lookup at fjellvind.example/down\n"
  "\n"
  "## Press contact\n"
  "\n"
  "Mathias Ødegård, Content Lead — press@fjellvind.example — +47 55 00 00 00\n";

static const char copy_voice[] =
  "FJELLVIND — TONE OF VOICE CHEAT SHEET\n"
  "=====================================\n"
  "\n"
  "We sound like a good mountain guide: calm, clear, specific, a little dry.\n"
  "\n"
  "1. Plain-spoken. Numbers over adjectives. \"980 grams\", not \"featherlight\".\n"
  "2. Warm, not loud. Invite, don't push. No exclamation marks in headlines.\n"
  "3. Honest about impact. Say what we have done and what we have not done yet.\n"
  "\n"
  "Words we like:   long way round, ridge, layer, repair, route, weather\n"
  "Words we avoid:  epic, conquer, game-changing, eco-friendly, ultra-anything\n"
  "\n"
  "Norwegian place names keep their letters: Ålesund, Ørsta, Fløyen.\n"
  "Questions: mathias.odegard@fjellvind.example\n";

static const char copy_blog_fjords[] =
  "# 5 fjord hikes for short days\n"
  "\n"
  "*Lars Håkonsen · Routes · 6 min read*\n"
  "\n"
  "When the sun barely clears the ridges, you want a hike that starts close to the road, "
  "climbs fast and gives you the whole fjord by lunchtime. These five do. All are marked, "
  "none needs a glacier rope, and each one ends near a café that is open in winter.\n"
  "\n"
  "## 1. Hoven, Loen — 5.5 km, 1,010 m up\n"
  "\n"
  "Take the Loen Skylift up and walk down the Via Ferrata path, or climb the old zigzag "
  "trail if your knees are young. The view over Nordfjord is the one on our catalogue cover.\n"
  "\n"
  "## 2. Skåla's lower hut — 7 km, 850 m up\n"
  "\n"
  "Turn at the first hut when the days are short. Microspikes from November.\n"
  "\n"
  "## 3. Rampestreken, Åndalsnes — 3 km, 550 m up\n"
  "\n"
  "Steep steps, a steel platform and Romsdalsfjorden below your boots.\n"
  "\n"
  "## 4. Stegastein to Prest — 4 km, 450 m up\n"
  "\n"
  "Aurlandsfjord from above; the road may close after heavy snow, so check first.\n"
  "\n"
  "## 5. Fløyen to Ulriken — 13 km, 650 m up\n"
  "\n"
  "The Vidden traverse above Bergen. Long, but you are never far from a bus.\n"
  "\n"
  "## Pack for the dark\n"
  "\n"
  "- A head torch with fresh batteries, even for a midday hike\n"
  "- One warm layer more than you think (the Varde down jacket packs to a 1 l bottle)\n"
  "- A thermos: nothing beats a hot drink at the top\n"
  "- Start down when you have used a third of the daylight\n";

static const char copy_blog_winter[] =
  "# Winter camping: the packing list\n"
  "\n"
  "DRAFT — needs a hero image and a check by Oksana (she has slept at −25 °C).\n"
  "\n"
  "## Sleep\n"
  "\n"
  "- [ ] Four-season tent, or the Lavvo 2P with snow stakes\n"
  "- [ ] Two sleeping mats: closed-cell foam below, inflatable on top (R-value 6+)\n"
  "- [ ] Sleeping bag rated 5 °C below the coldest forecast\n"
  "- [ ] Dry socks and a beanie only for the bag\n"
  "\n"
  "## Warmth\n"
  "\n"
  "- [ ] Down jacket with a hood\n"
  "- [ ] Spare gloves in an inside pocket\n"
  "- [ ] Fjell thermos, filled at breakfast\n"
  "\n"
  "## Light and safety\n"
  "\n"
  "- [ ] Head torch (lithium batteries: they last longer in the cold)\n"
  "- [ ] Avalanche forecast checked on varsom.no\n"
  "- [ ] Someone at home who knows your route\n"
  "\n"
  "TODO: affiliate links? Ingrid says no — link our own products only where we make them.\n";

static const char copy_newsletter[] =
  "# The Trail Letter — next issue\n"
  "\n"
  "**Subject:** Three hours of daylight, one perfect ridge\n"
  "**Preheader:** A short-day route, how to revive a tired zip, and a torch that lasts.\n"
  "\n"
  "## Route of the week: Vidden, Fløyen to Ulriken\n"
  "\n"
  "Thirteen kilometres above Bergen with the city lights coming on below you. Start at the "
  "funicular, finish at the cable car, and bring a head torch even if you plan to be down by "
  "three.\n"
  "\n"
  "## Repair tip: a zip that won't close\n"
  "\n"
  "Nine times out of ten the slider is worn, not the teeth. Squeeze the slider gently with "
  "pliers, a little at a time, until it grips again. Still stuck? Every Fjellvind store "
  "replaces sliders for free.\n"
  "\n"
  "## Product: Nattlys 400\n"
  "\n"
  "400 lumens, a red light for the tent, 60 hours on low. Ours has done three winters.\n"
  "\n"
  "See you on the trail,  \n"
  "Mathias and the Fjellvind team\n";

static const char copy_shell[] =
  "# Storm Shell\n"
  "\n"
  "**Made in the rain. Bergen has 240 wet days a year; we used all of them.**\n"
  "\n"
  "A three-layer shell that weighs 390 grams, packs into its own pocket and keeps working "
  "when the weather turns sideways. Recycled nylon face, PFC-free water repellency, taped "
  "seams, and pit zips you can open with gloves on.\n"
  "\n"
  "## Features\n"
  "\n"
  "- Helmet-compatible hood with one-hand adjustment\n"
  "- Pit zips, 30 cm, water-resistant\n"
  "- Harness-friendly hand pockets\n"
  "- Hem drawcord with toggles inside the pockets\n"
  "\n"
  "## Specs\n"
  "\n"
  "| Weight | Waterproofness | Breathability | Fabric |\n"
  "|---|---|---|---|\n"
  "| 390 g (M) | 20,000 mm | 20,000 g/m²/24 h | 100 % recycled nylon |\n"
  "\n"
  "Colours: Signal Orange, Glacier Blue, Fjord Navy. Sizes XS–XXL.\n"
  "\n"
  "Care: wash warm, tumble dry low to restore the water repellency. Lifetime repairs in "
  "every Fjellvind store.\n";

static const char copy_thermos[] =
  "FJELL THERMOS 0.75 L — PRODUCT TEXT\n"
  "\n"
  "Short (web shop tile, 90 characters max):\n"
  "Hot for 24 hours, cold for 36. The thermos that has seen more summits than we have.\n"
  "\n"
  "Long:\n"
  "Double-walled stainless steel with vacuum insulation keeps coffee hot from the car park "
  "to the top and back. The lid doubles as a 200 ml cup; the powder coat in Moss Green "
  "grips with wet gloves. BPA-free, dishwasher-safe body, lifetime warranty on the "
  "vacuum seal.\n"
  "\n"
  "Specs: 0.75 l · 520 g · 29 cm · Ø 8 cm\n"
  "Colours: Moss Green, Fjord Navy, Birch White\n";

static const char copy_de[] =
  "# Trail Runner X – 30 Liter, 980 Gramm\n"
  "\n"
  "*Produktbeschreibung für den Fachhandel in Deutschland, Österreich und der Schweiz. "
  "Übersetzung: Copyhouse Berlin, freigegeben von Léa Dubois.*\n"
  "\n"
  "## Kurztext\n"
  "\n"
  "Der Rucksack, den man vergisst: 30 Liter Volumen, weniger als ein Kilogramm Gewicht.\n"
  "\n"
  "## Langtext\n"
  "\n"
  "Der Trail Runner X trägt alles für einen langen Tag in den Bergen und wiegt weniger als "
  "ein Liter Wasser. Das belüftete Rückensystem hält dich beim Aufstieg trocken, zwei "
  "Stretch-Seitentaschen fassen je eine 1-Liter-Flasche, und der Rolltop-Verschluss schluckt "
  "eine Regenjacke, wenn das Wetter umschlägt. Recyceltes 210D-Ripstop, PFC-freie "
  "Beschichtung, lebenslange Reparaturen in jedem Fjellvind-Geschäft.\n"
  "\n"
  "## Technische Daten\n"
  "\n"
  "- Volumen: 30 l\n"
  "- Gewicht: 980 g\n"
  "- Rückenlänge: 42–52 cm (zwei Größen: S/M, L/XL)\n"
  "- Farben: Fjord Navy, Moss Green\n"
  "\n"
  "## Bitte nicht verwenden\n"
  "\n"
  "- „ultraleicht“ (er ist leicht, nicht ultraleicht)\n"
  "- „wasserdicht“ (er ist wasserabweisend)\n";

static const char copy_ja[] =
  "ストームシェル ジャケット\n"
  "\n"
  "ベルゲンの雨から生まれた、3層構造の防水シェル。\n"
  "重さわずか390g、耐水圧20,000mm、透湿性20,000g/m²/24h。\n"
  "PFCフリーの撥水加工と、リサイクルナイロン100%の表地を採用しています。\n"
  "\n"
  "特長\n"
  "・ヘルメット対応の調整可能なフード\n"
  "・止水ファスナー付きの脇下ベンチレーション\n"
  "・ハーネスに干渉しない高めのハンドポケット\n"
  "・ポケットに収納可能\n"
  "\n"
  "カラー：シグナルオレンジ、グレイシャーブルー、フィヨルドネイビー\n"
  "サイズ：XS〜XXL\n"
  "\n"
  "お手入れ：ぬるま湯で洗濯し、低温の乾燥機にかけると撥水性が回復します。\n"
  "生涯修理保証：フィエルヴィンの全店舗で修理を承ります。\n"
  "\n"
  "輸入元：山風トレーディング株式会社（大阪）\n";

static const char copy_ru[] =
  "Термос Fjell 0,75 л\n"
  "\n"
  "Сохраняет напитки горячими до 24 часов и холодными до 36 часов. Двойные стенки из "
  "нержавеющей стали с вакуумной изоляцией, порошковое покрытие цвета «мох», крышка-чашка "
  "на 200 мл.\n"
  "\n"
  "Характеристики:\n"
  "— объём: 0,75 л\n"
  "— вес: 520 г\n"
  "— высота: 29 см\n"
  "— без BPA; корпус можно мыть в посудомоечной машине\n"
  "\n"
  "Пожизненная гарантия на вакуумную изоляцию. Сделано в Бергене для долгих прогулок "
  "в холодную погоду.\n";

static const char copy_ro[] =
  "# Storm Shell – fișă tehnică\n"
  "\n"
  "Geacă impermeabilă în trei straturi, creată pentru ploile din Bergen.\n"
  "\n"
  "## Date tehnice\n"
  "\n"
  "- Greutate: 390 g (mărimea M)\n"
  "- Coloană de apă: 20.000 mm\n"
  "- Respirabilitate: 20.000 g/m²/24 h\n"
  "- Material: nailon 100 % reciclat, tratament fără PFC\n"
  "- Culori: portocaliu semnal, albastru ghețar, bleumarin fiord\n"
  "\n"
  "## Texte pentru rețele sociale\n"
  "\n"
  "- Instagram: Ploaia nu mai e o scuză. Storm Shell te ține uscat pe orice creastă. "
  "#fjellvind #făgăraș\n"
  "- Facebook: Testată în Bergen, unde plouă 240 de zile pe an. Acum și în magazinele "
  "partenere din Brașov și Cluj-Napoca.\n"
  "\n"
  "Reparații gratuite pe viață în toate magazinele Fjellvind.\n";

static const char copy_run_sheet[] =
  "# Members' weekend — run sheet\n"
  "\n"
  "Owner: Oksana Kovalenko · On call: +47 55 00 00 07\n"
  "\n"
  "## Saturday\n"
  "\n"
  "| Time | What | Who |\n"
  "|---|---|---|\n"
  "| 08:00 | Bus from Bergen (Festplassen) | Oksana, Aino |\n"
  "| 10:30 | Welcome and route briefing at the lodge | Ingrid |\n"
  "| 11:00 | Hikes: easy (8 km), medium (14 km), ridge (18 km) | Guides |\n"
  "| 16:30 | Repair corner opens: zips, seams, down refills | Sofie, two tailors |\n"
  "| 20:00 | Film night | Bergen Mountain Film Festival |\n"
  "\n"
  "## Sunday\n"
  "\n"
  "| Time | What | Who |\n"
  "|---|---|---|\n"
  "| 09:00 | Summit breakfast hike (optional) | Yuki (photos) |\n"
  "| 13:00 | Lunch, feedback cards, bus back | Everyone |\n"
  "\n"
  "## Bad-weather plan\n"
  "\n"
  "Wind over 15 m/s: no ridge route. Rain all day: repair corner and films from 11:00.\n"
  "\n"
  "## Photos\n"
  "\n"
  "Only Yuki and the booked freelancer shoot for us — **get the licence signed on Saturday**.\n";

static const char copy_down_faq[] =
  "# Recycled down — questions retailers ask\n"
  "\n"
  "IN REVIEW — legal is checking every claim marked [L].\n"
  "\n"
  "**Where does the down come from?**  \n"
  "From returned bedding and garments collected in Europe. It is washed, sorted and tested "
  "in Tallinn before it goes into our jackets.\n"
  "\n"
  "**Is recycled down as warm as new down?** [L]  \n"
  "Yes: it is graded to the same fill power (800 cuin for the Varde) and tested by an "
  "independent lab for every batch.\n"
  "\n"
  "**How can a customer check a jacket?**  \n"
  "Every jacket has a batch number on the care label. Look it up at fjellvind.example/down.\n"
  "\n"
  "**What about the CO₂ figure?** [L]  \n"
  "41 % lower CO₂e per jacket than virgin down, from a third-party life-cycle assessment. "
  "Summary available on request; please do not round it up.\n";

static const char *const copy_texts[N_COPIES] = {
  [COPY_LAUNCH] = copy_launch,
  [COPY_PRESS] = copy_press,
  [COPY_VOICE] = copy_voice,
  [COPY_BLOG_FJORDS] = copy_blog_fjords,
  [COPY_BLOG_WINTER] = copy_blog_winter,
  [COPY_NEWSLETTER] = copy_newsletter,
  [COPY_SHELL] = copy_shell,
  [COPY_THERMOS] = copy_thermos,
  [COPY_DE] = copy_de,
  [COPY_JA] = copy_ja,
  [COPY_RU] = copy_ru,
  [COPY_RO] = copy_ro,
  [COPY_RUN_SHEET] = copy_run_sheet,
  [COPY_DOWN_FAQ] = copy_down_faq,
};

/* ------------------------------------------------------------------ data files */

static const char data_feed[] =
  "sku,title,colour,sizes,price_nok,price_eur,availability,gtin,link\n"
  "FV-TRX30-NVY,Trail Runner X 30 L,Fjord Navy,S/M;L/XL,2199.00,189.00,preorder,7090012345016,"
  "https://fjellvind.example/p/trail-runner-x\n"
  "FV-TRX30-MOS,Trail Runner X 30 L,Moss Green,S/M;L/XL,2199.00,189.00,preorder,7090012345023,"
  "https://fjellvind.example/p/trail-runner-x\n"
  "FV-STS-ORG,Storm Shell,Signal Orange,XS-XXL,3499.00,299.00,in stock,7090012345030,"
  "https://fjellvind.example/p/storm-shell\n"
  "FV-STS-GLA,Storm Shell,Glacier Blue,XS-XXL,3499.00,299.00,in stock,7090012345047,"
  "https://fjellvind.example/p/storm-shell\n"
  "FV-STS-NVY,Storm Shell,Fjord Navy,XS-XXL,3499.00,299.00,out of stock,7090012345054,"
  "https://fjellvind.example/p/storm-shell\n"
  "FV-VRD-MOS,\"Varde down jacket, recycled\",Moss Green,XS-XXL,3999.00,349.00,in stock,"
  "7090012345061,https://fjellvind.example/p/varde\n"
  "FV-VRD-NVY,\"Varde down jacket, recycled\",Fjord Navy,XS-XXL,3999.00,349.00,in stock,"
  "7090012345078,https://fjellvind.example/p/varde\n"
  "FV-LAV2P-ORG,Lavvo 2P tent,Signal Orange,one size,5499.00,469.00,in stock,7090012345085,"
  "https://fjellvind.example/p/lavvo-2p\n"
  "FV-RDG-BRN,Ridge GTX boots,Brown,36-47,2799.00,239.00,in stock,7090012345092,"
  "https://fjellvind.example/p/ridge-gtx\n"
  "FV-THM75-MOS,Fjell thermos 0.75 l,Moss Green,one size,449.00,39.00,in stock,7090012345108,"
  "https://fjellvind.example/p/fjell-thermos\n"
  "FV-BTL10-NVY,Fjell steel bottle 1 l,Fjord Navy,one size,349.00,29.00,in stock,7090012345115,"
  "https://fjellvind.example/p/fjell-steel-bottle\n"
  "FV-BTL75-GLA,Fjell steel bottle 0.75 l,Glacier Blue,one size,329.00,27.00,in stock,"
  "7090012345122,https://fjellvind.example/p/fjell-steel-bottle\n"
  "FV-NL400-BLK,Nattlys 400 head torch,Black,one size,699.00,59.00,in stock,7090012345139,"
  "https://fjellvind.example/p/nattlys-400\n";

static const char data_stores[] =
  "{\n"
  "  \"updated\": \"stores.fjellvind.example\",\n"
  "  \"stores\": [\n"
  "    { \"name\": \"Fjellvind Bergen Bryggen\", \"address\": \"Bryggen 14, 5003 Bergen\", "
  "\"country\": \"NO\", \"lat\": 60.3975, \"lon\": 5.3242, \"repairs\": true },\n"
  "    { \"name\": \"Fjellvind Bergen Lagunen\", \"address\": \"Laguneveien 1, 5239 Rådal\", "
  "\"country\": \"NO\", \"lat\": 60.2966, \"lon\": 5.3310, \"repairs\": false },\n"
  "    { \"name\": \"Fjellvind Oslo Grünerløkka\", \"address\": \"Thorvald Meyers gate 40, "
  "0555 Oslo\", \"country\": \"NO\", \"lat\": 59.9234, \"lon\": 10.7589, \"repairs\": true },\n"
  "    { \"name\": \"Fjellvind Oslo Aker Brygge\", \"address\": \"Stranden 3, 0250 Oslo\", "
  "\"country\": \"NO\", \"lat\": 59.9101, \"lon\": 10.7281, \"repairs\": false },\n"
  "    { \"name\": \"Fjellvind Trondheim\", \"address\": \"Nordre gate 10, 7011 Trondheim\", "
  "\"country\": \"NO\", \"lat\": 63.4325, \"lon\": 10.3951, \"repairs\": true },\n"
  "    { \"name\": \"Fjellvind Stavanger\", \"address\": \"Kirkegata 20, 4006 Stavanger\", "
  "\"country\": \"NO\", \"lat\": 58.9700, \"lon\": 5.7331, \"repairs\": true },\n"
  "    { \"name\": \"Fjellvind Ålesund\", \"address\": \"Kongens gate 12, 6002 Ålesund\", "
  "\"country\": \"NO\", \"lat\": 62.4722, \"lon\": 6.1495, \"repairs\": false },\n"
  "    { \"name\": \"Fjellvind Tromsø\", \"address\": \"Storgata 66, 9008 Tromsø\", "
  "\"country\": \"NO\", \"lat\": 69.6492, \"lon\": 18.9553, \"repairs\": true },\n"
  "    { \"name\": \"Fjellvind Bodø\", \"address\": \"Sjøgata 21, 8006 Bodø\", "
  "\"country\": \"NO\", \"lat\": 67.2827, \"lon\": 14.3751, \"repairs\": false },\n"
  "    { \"name\": \"Fjellvind Lillehammer\", \"address\": \"Storgata 55, 2609 Lillehammer\", "
  "\"country\": \"NO\", \"lat\": 61.1153, \"lon\": 10.4662, \"repairs\": false },\n"
  "    { \"name\": \"Fjellvind Stockholm\", \"address\": \"Götgatan 31, 116 21 Stockholm\", "
  "\"country\": \"SE\", \"lat\": 59.3155, \"lon\": 18.0722, \"repairs\": true },\n"
  "    { \"name\": \"Fjellvind København\", \"address\": \"Nørrebrogade 52, 2200 København\", "
  "\"country\": \"DK\", \"lat\": 55.6890, \"lon\": 12.5560, \"repairs\": false }\n"
  "  ]\n"
  "}\n";

static const char voice_current[] =
  "Fjellvind sounds like a good mountain guide: calm, clear and specific, with a dry sense of "
  "humour. We respect the reader's time and intelligence, and we let the landscape do the "
  "shouting.\n"
  "\n"
  "Plain-spoken. We prefer numbers to adjectives and verbs to slogans. \"980 grams, 30 litres, "
  "two pockets that fit a one-litre bottle\" tells more than any superlative.\n"
  "\n"
  "Warm, not loud. We invite rather than push; no exclamation marks in headlines, no false "
  "urgency. The mountains are the hero, and we are the friend who lends you a dry layer.\n"
  "\n"
  "Honest about impact. We say what we have done, what we have not done yet, and where the "
  "numbers come from. \"82 % recycled fabrics, the rest by 2027\" beats \"100 % green\".\n";

static const char voice_old[] =
  "Adventurous, energetic and bold: Fjellvind inspires people to conquer the outdoors. "
  "(Replaced in version 2.0 — kept for partners still working from the 2019 kit.)\n";

/* ------------------------------------------------------------------ state */

typedef struct
{
  MopsLibrary          *library;
  sqlite3              *db;
  MopsDemoArt          *art;
  GRand                *rand;
  GStringChunk         *strings;
  GDate                 today;
  gint64                now;
  int                   year;
  char                 *staging;
  MopsDemoProgressFunc  progress;
  gpointer              user_data;
  GCancellable         *cancellable;
  GError               *error;        /* the first error: every helper does nothing after it */
  GArray               *added;        /* asset ids this run stored */

  const char           *season;       /* "Autumn 2026" */
  char                 *file_names[N_ASSETS];
  char                 *file_paths[N_ASSETS];
  int                   widths[N_ASSETS], heights[N_ASSETS], pages[N_ASSETS];

  gint64                person[N_PEOPLE];
  gint64                asset[N_ASSETS];
  gint64                channel[N_CHANNELS];
  gint64                campaign[N_CAMPAIGNS];
  gint64                licence[N_LICENCES];
  gint64                team[N_TEAMS];
  gint64                category[N_CATEGORIES];
  gint64                subscription[N_SUBSCRIPTIONS];
  gint64                fiscal_year, previous_year;
  gint64                request_spent;      /* approved and already turned into an expense */
} Demo;

/* ------------------------------------------------------------------ helpers */

static void
report (Demo       *d,
        double      fraction,
        const char *what)
{
  if (d->progress != NULL)
    d->progress (CLAMP (fraction, 0.0, 1.0), what, d->user_data);
}

static gboolean
failed (Demo *d)
{
  if (d->error == NULL && d->cancellable != NULL)
    g_cancellable_set_error_if_cancelled (d->cancellable, &d->error);

  return d->error != NULL;
}

static void
date_from_today (Demo  *d,
                 int    days,
                 GDate *out)
{
  *out = d->today;
  if (days > 0)
    g_date_add_days (out, (guint) days);
  else if (days < 0)
    g_date_subtract_days (out, (guint) -days);
}

static const char *
keep (Demo       *d,
      const char *text)
{
  return g_string_chunk_insert (d->strings, text);
}

static const char *
format_date (Demo        *d,
             const GDate *date)
{
  char buffer[16];

  g_snprintf (buffer, sizeof buffer, "%04u-%02u-%02u", g_date_get_year (date),
              g_date_get_month (date), g_date_get_day (date));
  return keep (d, buffer);
}

/* Today + @days as "YYYY-MM-DD"; NULL for NO_DATE. */
static const char *
day (Demo *d,
     int   days)
{
  GDate date;

  if (days == NO_DATE)
    return NULL;

  date_from_today (d, days, &date);
  return format_date (d, &date);
}

/* Local wall time "YYYY-MM-DDTHH:MM" (or the day alone for HOURLESS). */
static const char *
wall_time (Demo        *d,
           const GDate *date,
           int          hour,
           int          minute)
{
  char buffer[24];

  if (hour == HOURLESS)
    return format_date (d, date);

  g_snprintf (buffer, sizeof buffer, "%04u-%02u-%02uT%02d:%02d", g_date_get_year (date),
              g_date_get_month (date), g_date_get_day (date), hour, minute);
  return keep (d, buffer);
}

static gint64
local_instant (const GDate *date,
               int          hour,
               int          minute)
{
  g_autoptr(GDateTime) time = g_date_time_new_local (g_date_get_year (date),
                                                     g_date_get_month (date),
                                                     g_date_get_day (date),
                                                     MAX (hour, 0), minute, 0);

  return time != NULL ? g_date_time_to_unix (time) : 0;
}

/* The local instant today + @days at @hour:@minute, never later than now. */
static gint64
past_instant (Demo *d,
              int   days,
              int   hour,
              int   minute)
{
  GDate date;

  date_from_today (d, days, &date);
  return MIN (local_instant (&date, hour, minute), d->now);
}

static sqlite3_stmt *
prepare (Demo       *d,
         const char *sql)
{
  if (d->error != NULL)
    return NULL;

  return mops_db_prepare (d->db, sql, &d->error);
}

/* Binds values by @types and runs @stmt once: 's' text or NULL, 'i' int, 'I' gint64,
 * 'z' gint64 id where 0 is NULL, 'n' NULL (no argument). Returns the new rowid. */
static gint64
run (Demo         *d,
     sqlite3_stmt *stmt,
     const char   *types,
     ...)
{
  va_list args;

  if (d->error != NULL || stmt == NULL)
    return 0;

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  va_start (args, types);
  for (int i = 0; types[i] != '\0'; i++)
    {
      int column = i + 1;

      switch (types[i])
        {
        case 's':
          mops_db_bind_text_or_null (stmt, column, va_arg (args, const char *));
          break;
        case 'i':
          sqlite3_bind_int (stmt, column, va_arg (args, int));
          break;
        case 'I':
          sqlite3_bind_int64 (stmt, column, va_arg (args, gint64));
          break;
        case 'z':
          {
            gint64 value = va_arg (args, gint64);

            if (value > 0)
              sqlite3_bind_int64 (stmt, column, value);
            else
              sqlite3_bind_null (stmt, column);
          }
          break;
        case 'n':
        default:
          sqlite3_bind_null (stmt, column);
          break;
        }
    }
  va_end (args);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      mops_db_set_error (d->db, &d->error, _("Could not add the demo data"));
      return 0;
    }

  return sqlite3_last_insert_rowid (d->db);
}

/* The id of the row the INSERT OR IGNORE just ran for: the new one, or the one already there
 * with that name. A library counts as empty with its own people, channels or campaigns in it
 * (and its six first channels carry translated names), so the demo joins them. */
static gint64
inserted_or_existing (Demo       *d,
                      gint64      id,
                      const char *lookup_sql,
                      const char *name)
{
  g_autoptr(sqlite3_stmt) lookup = NULL;

  if (d->error != NULL)
    return 0;
  if (sqlite3_changes (d->db) > 0)
    return id;

  lookup = prepare (d, lookup_sql);
  if (lookup == NULL)
    return 0;
  sqlite3_bind_text (lookup, 1, name, -1, SQLITE_STATIC);
  if (sqlite3_step (lookup) != SQLITE_ROW)
    {
      mops_db_set_error (d->db, &d->error, _("Could not add the demo data"));
      return 0;
    }

  return sqlite3_column_int64 (lookup, 0);
}

static const char *
rate_for (const char *currency)
{
  for (guint i = 0; i < G_N_ELEMENTS (rates); i++)
    if (g_str_equal (rates[i].currency, currency))
      return rates[i].rate;

  return "1";
}

/* @amount × @rate in minor units, rounded half away from zero, in integers only: every
 * currency here has two decimals, so minor units convert directly. */
static gint64
convert (gint64      amount,
         const char *rate)
{
  gint64 numerator = 0, scale = 1, product, result;
  gboolean fraction = FALSE;

  for (const char *p = rate; *p != '\0'; p++)
    {
      if (*p == '.')
        {
          fraction = TRUE;
          continue;
        }
      numerator = numerator * 10 + (*p - '0');
      if (fraction)
        scale *= 10;
    }

  product = (amount < 0 ? -amount : amount) * numerator;
  result = (product + scale / 2) / scale;
  return amount < 0 ? -result : result;
}

/* The inverse: how much of a currency @cents euro cents buy at @rate. */
static gint64
from_euros (gint64      cents,
            const char *rate)
{
  gint64 numerator = 0, scale = 1;
  gboolean fraction = FALSE;

  for (const char *p = rate; *p != '\0'; p++)
    {
      if (*p == '.')
        {
          fraction = TRUE;
          continue;
        }
      numerator = numerator * 10 + (*p - '0');
      if (fraction)
        scale *= 10;
    }

  return numerator > 0 ? (cents * scale + numerator / 2) / numerator : cents;
}

/* "NOK 6,400.00" — English grouping whatever the locale. */
static char *
format_money (gint64      minor,
              const char *currency)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  gint64 units = (minor < 0 ? -minor : minor) / 100;
  int cents = (int) ((minor < 0 ? -minor : minor) % 100);
  g_autofree char *plain = g_strdup_printf ("%" G_GINT64_FORMAT, units);
  gsize len = strlen (plain);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (digits, ',');
      g_string_append_c (digits, plain[i]);
    }

  return g_strdup_printf ("%s %s%s.%02d", currency, minor < 0 ? "−" : "", digits->str, cents);
}

static const char *
season_of (const GDate *date)
{
  switch (g_date_get_month (date))
    {
    case G_DATE_DECEMBER:
    case G_DATE_JANUARY:
    case G_DATE_FEBRUARY:
      return "Winter";
    case G_DATE_MARCH:
    case G_DATE_APRIL:
    case G_DATE_MAY:
      return "Spring";
    case G_DATE_JUNE:
    case G_DATE_JULY:
    case G_DATE_AUGUST:
      return "Summer";
    default:
      return "Autumn";
    }
}

/* @text with "$SEASON" replaced by the season's name. */
static const char *
expand (Demo       *d,
        const char *text)
{
  const char *mark;
  g_autoptr(GString) out = NULL;

  if (text == NULL || (mark = strstr (text, "$SEASON")) == NULL)
    return text;

  out = g_string_new_len (text, mark - text);
  g_string_append (out, d->season);
  g_string_append (out, mark + strlen ("$SEASON"));
  return keep (d, out->str);
}

/* ------------------------------------------------------------------ files */

static int
licence_year (Demo  *d,
              guint  licence)
{
  GDate date;

  date_from_today (d, licences[licence].starts, &date);
  return g_date_get_year (&date);
}

static char *
licence_reference (Demo  *d,
                   guint  licence)
{
  const LicenceSpec *spec = &licences[licence];

  if (spec->reference == NULL)
    return NULL;
  if (spec->reference_tail == NULL)
    return g_strdup (spec->reference);

  return g_strdup_printf ("%s-%d-%s", spec->reference, licence_year (d, licence),
                          spec->reference_tail);
}

static gboolean
write_contract (Demo       *d,
                const char *path)
{
  const LicenceSpec *spec = &licences[L_ALPENBLICK];
  g_autofree char *number = licence_reference (d, L_ALPENBLICK);
  g_autofree char *starts = NULL, *expires = NULL, *signed_on = NULL;
  g_autofree char *fee = format_money (spec->cost, spec->currency);
  g_autofree char *fee_line = g_strdup_printf ("%s (net, invoiced on signature)", fee);
  MopsDemoContract contract = { 0 };
  GDate date;

  date_from_today (d, spec->starts, &date);
  starts = mops_demo_format_long_date (&date);
  date_from_today (d, spec->expires, &date);
  expires = mops_demo_format_long_date (&date);
  date_from_today (d, spec->starts - 3, &date);
  signed_on = mops_demo_format_long_date (&date);

  contract.number = number;
  contract.licensor = spec->licensor;
  contract.licensor_address = "Maximilianstraße 21 · 80539 München · Germany";
  contract.licensee = "Fjellvind AS, Bryggen 14, 5003 Bergen, Norway";
  contract.images = "“Alpine lake at noon” (image ID AB-77120), 1 image";
  contract.media = "Websites and social media channels operated by the Licensee";
  contract.territories = "Germany, Austria, Switzerland";
  contract.starts_on = starts;
  contract.expires_on = expires;
  contract.fee = fee_line;
  contract.signed_on = signed_on;
  contract.signatory = "Ingrid Solberg, Head of Marketing";

  return mops_demo_art_contract_pdf (d->art, &contract, path, &d->error);
}

static gboolean
write_receipt (Demo       *d,
               const char *path)
{
  const LicenceSpec *spec = &licences[L_KYST_NEW];
  g_autofree char *number = licence_reference (d, L_KYST_NEW);
  g_autofree char *date_text = mops_demo_format_long_date (&d->today);
  g_autofree char *amount = format_money (spec->cost, spec->currency);
  g_autofree char *vat = format_money (0, spec->currency);
  g_autofree char *payment = g_strdup_printf ("Paid by card (Visa •••• 4417) on %s. Reverse "
                                              "charge: VAT to be accounted for by the "
                                              "recipient.", date_text);
  MopsDemoReceipt receipt = { 0 };

  receipt.number = number;
  receipt.vendor = spec->licensor;
  receipt.vendor_address = "Strandkaien 4 · 5013 Bergen · Norway";
  receipt.customer = "Fjellvind AS\nAttn. Zofia Wróbel\nBryggen 14\n5003 Bergen";
  receipt.date = date_text;
  receipt.item = "Image licence renewal — “Coastal hike, Runde” (12 months; web, social, print)";
  receipt.net = amount;
  receipt.vat = vat;
  receipt.total = amount;
  receipt.payment = payment;

  return mops_demo_art_receipt_pdf (d->art, &receipt, path, &d->error);
}

static const char *
file_name (Demo  *d,
           guint  key)
{
  g_autofree char *reference = NULL;
  g_autofree char *name = NULL;

  if (assets[key].name != NULL)
    return assets[key].name;

  reference = licence_reference (d, key == A_CONTRACT ? L_ALPENBLICK : L_KYST_NEW);
  name = key == A_CONTRACT ? g_strdup_printf ("Licence agreement %s.pdf", reference)
                           : g_strdup_printf ("Receipt %s.pdf", reference);
  return keep (d, name);
}

/* Fourteen days of Instagram insights up to yesterday, as Meta Business Suite exports them.
 * Its own random numbers: the demo's sequence stays the same for the rows after it. */
static char *
make_insights_json (Demo *d)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (DEMO_SEED ^ 0x1657u);
  g_autoptr(GString) json = g_string_new (NULL);
  int followers = 18240;

  g_string_append_printf (json,
                          "{\n"
                          "  \"account\": \"@fjellvind\",\n"
                          "  \"source\": \"Meta Business Suite\",\n"
                          "  \"since\": \"%s\",\n"
                          "  \"until\": \"%s\",\n"
                          "  \"days\": [\n",
                          day (d, -14), day (d, -1));
  for (int i = 14; i >= 1; i--)
    {
      int reach = g_rand_int_range (rand, 4200, 9800);
      int impressions = reach + g_rand_int_range (rand, 800, 4200);
      int engagements = reach / g_rand_int_range (rand, 14, 30);
      int follows = g_rand_int_range (rand, 3, 41);

      followers += follows;
      g_string_append_printf (json,
                              "    { \"date\": \"%s\", \"reach\": %d, \"impressions\": %d,"
                              " \"engagements\": %d, \"follows\": %d, \"followers\": %d }%s\n",
                              day (d, -i), reach, impressions, engagements, follows, followers,
                              i > 1 ? "," : "");
    }
  g_string_append (json, "  ]\n}\n");

  return g_string_free (g_steal_pointer (&json), FALSE);
}

/* Draws (or copies) one file into the staging folder; a missing system font is skipped. */
static gboolean
make_file (Demo  *d,
           guint  key)
{
  const AssetSpec *spec = &assets[key];
  const char *name = file_name (d, key);
  g_autofree char *path = g_build_filename (d->staging, name, NULL);
  gboolean ok = TRUE;

  d->widths[key] = spec->width;
  d->heights[key] = spec->height;

  switch (spec->kind)
    {
    case ART_LOGO_SVG:
      ok = mops_demo_art_logo_svg (d->art, spec->variant, path, &d->widths[key],
                                   &d->heights[key], &d->error);
      break;
    case ART_LOGO_PNG:
      ok = mops_demo_art_logo_png (d->art, spec->variant, spec->width, path, &d->heights[key],
                                   &d->error);
      break;
    case ART_ICON:
      ok = mops_demo_art_icon_png (d->art, spec->width, path, &d->error);
      break;
    case ART_SCENE:
      ok = mops_demo_art_scene_png (d->art, spec->variant, spec->width, spec->height, path,
                                    &d->error);
      break;
    case ART_PRODUCT:
      ok = mops_demo_art_product_png (d->art, spec->variant, spec->width, spec->height, path,
                                      &d->error);
      break;
    case ART_POST:
      ok = mops_demo_art_post_png (d->art, spec->variant, spec->width, spec->height, path,
                                   &d->error);
      break;
    case ART_TEMPLATE:
      ok = mops_demo_art_template_svg (d->art, path, &d->error);
      break;
    case ART_GUIDELINES:
      ok = mops_demo_art_guidelines_pdf (d->art, path, &d->pages[key], &d->error);
      break;
    case ART_SIZE_CHART:
      ok = mops_demo_art_size_chart_pdf (d->art, path, &d->error);
      d->pages[key] = 1;
      break;
    case ART_CONTRACT:
      ok = write_contract (d, path);
      d->pages[key] = 1;
      break;
    case ART_RECEIPT:
      ok = write_receipt (d, path);
      d->pages[key] = 1;
      break;
    case ART_TEXT:
      ok = mops_demo_write_text (path, copy_texts[spec->variant], &d->error);
      break;
    case ART_VECTOR:
      ok = mops_demo_art_vector_svg (d->art, spec->variant, path, &d->widths[key],
                                     &d->heights[key], &d->error);
      break;
    case ART_DATA:
      {
        g_autofree char *insights = spec->variant == DATA_INSIGHTS ? make_insights_json (d) : NULL;

        ok = mops_demo_write_text (path, spec->variant == DATA_FEED ? data_feed
                                         : spec->variant == DATA_STORES ? data_stores : insights,
                                   &d->error);
      }
      break;
    case ART_FONT:
    default:
      {
        /* The font GTK brings along; no download, and no font is no error */
        g_autofree char *system = g_build_filename (FONT_DIR, name, NULL);

        if (!g_file_test (system, G_FILE_TEST_IS_REGULAR))
          return TRUE;
        g_free (path);
        path = g_steal_pointer (&system);
      }
      break;
    }

  if (!ok)
    return FALSE;

  d->file_names[key] = g_strdup (name);
  d->file_paths[key] = g_steal_pointer (&path);
  return TRUE;
}

static gboolean
store_file (Demo  *d,
            guint  key)
{
  const AssetSpec *spec = &assets[key];
  MopsAssetInfo info = { 0 };
  gboolean duplicate = FALSE;
  gint64 id;

  if (d->file_paths[key] == NULL)
    return TRUE;

  info.original_name = d->file_names[key];
  info.mime = spec->mime;
  info.title = spec->title;
  info.description = spec->description;
  info.creator = spec->creator;
  info.source = spec->source;
  info.role = spec->record ? "record" : "asset";
  info.rating = spec->rating;
  info.width = d->widths[key];
  info.height = d->heights[key];
  info.page_count = d->pages[key];
  info.created_at = spec->captured > 0 ? past_instant (d, -spec->captured, 7 + key % 9,
                                                       (int) (key * 7) % 60)
                                       : 0;

  id = mops_asset_store_file (d->library, d->file_paths[key], &info, &duplicate, d->cancellable,
                              &d->error);
  if (id <= 0)
    return FALSE;

  d->asset[key] = id;
  if (!duplicate)
    g_array_append_val (d->added, id);
  return TRUE;
}

/* ------------------------------------------------------------------ rows */

static void
add_people_and_channels (Demo *d)
{
  g_autoptr(sqlite3_stmt) person = prepare (d, "INSERT OR IGNORE INTO people (name, role, email) VALUES (?, ?, ?)");
  g_autoptr(sqlite3_stmt) channel = prepare (d,
    "INSERT OR IGNORE INTO channels (name, medium, color, min_width, min_height, aspect_ratios,"
    " max_bytes, allowed_types) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  g_autoptr(sqlite3_stmt) campaign = prepare (d,
    "INSERT OR IGNORE INTO campaigns (name, color, starts_on, ends_on, description, archived)"
    " VALUES (?, ?, ?, ?, ?, ?)");
  g_autofree char *season_campaign = g_strdup_printf ("%s collection", d->season);
  g_autofree char *always = g_strdup_printf ("Always-on brand %d", d->year);
  g_autofree char *old = g_strdup_printf ("Black Week %d", d->year - 1);
  g_autofree char *fy_start = g_strdup_printf ("%d-01-01", d->year);
  g_autofree char *fy_end = g_strdup_printf ("%d-12-31", d->year);
  g_autofree char *old_start = g_strdup_printf ("%d-11-20", d->year - 1);
  g_autofree char *old_end = g_strdup_printf ("%d-11-30", d->year - 1);

  for (guint p = 1; p < N_PEOPLE; p++)
    d->person[p] = inserted_or_existing (d, run (d, person, "sss", people[p].name, people[p].role,
                                                 people[p].email),
                                         "SELECT id FROM people WHERE name = ?", people[p].name);

  for (guint c = 1; c < N_CHANNELS; c++)
    d->channel[c] = inserted_or_existing (d, run (d, channel, "ssszzszs", channels[c].name,
                                                  channels[c].medium, channels[c].color,
                                                  (gint64) channels[c].min_width,
                                                  (gint64) channels[c].min_height,
                                                  channels[c].aspect_ratios,
                                                  channels[c].max_bytes,
                                                  channels[c].allowed_types),
                                          "SELECT id FROM channels WHERE name = ?",
                                          channels[c].name);

  {
    const struct { const char *name, *color, *starts, *ends, *description; int archived; } row[] = {
      { season_campaign, "#F26B1D", day (d, -40), day (d, 50),
        "Launch of the season's shells, layers and packs across web, social, stores and the "
        "catalogue.", 0 },
      { "Trail Runner X launch", "#14324A", day (d, -10), day (d, 45),
        "Pre-order, launch day and the first month of the new 30 L pack.", 0 },
      { "Recycled Down Programme", "#4E7D5B", day (d, -45), day (d, 20),
        "Every insulated piece on recycled, traceable down: story, press, retailer FAQ.", 0 },
      { "Members' weekend", "#B3263E", day (d, -25), day (d, -18),
        "Two days in Hardanger with 120 members: hikes, repairs, film night.", 0 },
      { always, "#6FA8C9", fy_start, fy_end,
        "Newsletter, trail reports, hiring and everything between campaigns.", 0 },
      { old, "#77767B", old_start, old_end, "Discount week. We stopped doing these.", 1 },
    };

    G_STATIC_ASSERT (N_CAMPAIGNS == 7);
    for (guint k = 1; k < N_CAMPAIGNS; k++)
      d->campaign[k] = inserted_or_existing (d, run (d, campaign, "sssssi", row[k - 1].name,
                                                     row[k - 1].color, row[k - 1].starts,
                                                     row[k - 1].ends, row[k - 1].description,
                                                     row[k - 1].archived),
                                             "SELECT id FROM campaigns WHERE name = ?",
                                             row[k - 1].name);
  }
}

/* Labels, importers and EXIF/XMP fields of the stored assets. */
static void
add_asset_details (Demo *d)
{
  g_autoptr(sqlite3_stmt) update = prepare (d, "UPDATE assets SET color_label = ?, imported_by = ? WHERE id = ?");
  g_autoptr(sqlite3_stmt) meta = prepare (d, "INSERT INTO asset_meta (asset_id, key, seq, value) VALUES (?, ?, ?, ?)");

  for (guint key = 1; key < N_ASSETS; key++)
    {
      const AssetSpec *spec = &assets[key];
      gint64 id = d->asset[key];

      if (id == 0)
        continue;

      run (d, update, "szI", spec->color_label, d->person[spec->importer], id);

      if (spec->camera != NULL && spec->captured > 0)
        {
          g_auto(GStrv) camera = g_strsplit (spec->camera, "|", 6);
          g_autoptr(GDateTime) taken = g_date_time_new_from_unix_local (
            past_instant (d, -spec->captured, 7 + key % 9, (int) (key * 7) % 60));
          g_autofree char *original = g_date_time_format (taken, "%Y:%m:%d %H:%M:%S");
          g_autofree char *rights = g_strdup_printf ("© %s", spec->creator != NULL ? spec->creator
                                                                                  : spec->source);

          run (d, meta, "Isis", id, "Exif.Image.Make", 0, camera[0]);
          run (d, meta, "Isis", id, "Exif.Image.Model", 0, camera[1]);
          run (d, meta, "Isis", id, "Exif.Photo.DateTimeOriginal", 0, original);
          run (d, meta, "Isis", id, "Exif.Photo.FocalLength", 0, camera[2]);
          run (d, meta, "Isis", id, "Exif.Photo.FNumber", 0, camera[3]);
          run (d, meta, "Isis", id, "Exif.Photo.ExposureTime", 0, camera[4]);
          run (d, meta, "Isis", id, "Exif.Photo.ISOSpeedRatings", 0, camera[5]);
          if (spec->creator != NULL)
            run (d, meta, "Isis", id, "Xmp.dc.creator", 0, spec->creator);
          run (d, meta, "Isis", id, "Xmp.dc.rights", 0, rights);
        }
    }

  /* Keywords the way photo tools write them, and the rights fields an agency embeds */
  if (d->asset[A_FJORD] != 0)
    {
      run (d, meta, "Isis", d->asset[A_FJORD], "Xmp.lr.hierarchicalSubject", 0, "Places|Fjords");
      run (d, meta, "Isis", d->asset[A_FJORD], "Xmp.lr.hierarchicalSubject", 1, "Nature|Sunrise");
      run (d, meta, "Isis", d->asset[A_FJORD], "Xmp.dc.subject", 0, "fjord");
      run (d, meta, "Isis", d->asset[A_FJORD], "Xmp.dc.subject", 1, "sunrise");
      run (d, meta, "Isis", d->asset[A_FJORD], "Xmp.dc.subject", 2, "Norway");
      run (d, meta, "Isis", d->asset[A_FJORD], "Xmp.xmpRights.UsageTerms", 0,
           "Royalty-free under Nordlys Stock enterprise agreement NS-ENT-2291");
    }
  if (d->asset[A_LAKE] != 0)
    {
      run (d, meta, "Isis", d->asset[A_LAKE], "Iptc.Application2.Copyright", 0,
           "Alpenblick Bildagentur GmbH");
      run (d, meta, "Isis", d->asset[A_LAKE], "Xmp.xmpRights.UsageTerms", 0,
           "Rights managed. Web and social media, DE/AT/CH. See licence agreement.");
    }
  if (d->asset[A_AURORA] != 0)
    {
      GDate end;
      g_autofree char *end_text = NULL;
      g_autofree char *iptc_end = NULL;

      date_from_today (d, licences[L_ARCTIC].expires, &end);
      end_text = g_strdup (format_date (d, &end));
      iptc_end = g_strdup_printf ("%04u%02u%02u", g_date_get_year (&end), g_date_get_month (&end),
                                  g_date_get_day (&end));
      run (d, meta, "Isis", d->asset[A_AURORA], "Xmp.plus.Licensor[1]/plus:LicensorName", 0,
           "Arctic Light Images");
      run (d, meta, "Isis", d->asset[A_AURORA], "Xmp.plus.LicenseID", 0, "ALI-88412");
      run (d, meta, "Isis", d->asset[A_AURORA], "Xmp.plus.LicenseStartDate", 0,
           day (d, licences[L_ARCTIC].starts));
      run (d, meta, "Isis", d->asset[A_AURORA], "Xmp.plus.LicenseEndDate", 0, end_text);
      run (d, meta, "Isis", d->asset[A_AURORA], "Iptc.Application2.ExpirationDate", 0, iptc_end);
      run (d, meta, "Isis", d->asset[A_AURORA], "Xmp.xmpRights.UsageTerms", 0,
           "Editorial use only. No advertising.");
    }
  if (d->asset[A_FAGARAS] != 0)
    {
      run (d, meta, "Isis", d->asset[A_FAGARAS], "Xmp.lr.hierarchicalSubject", 0,
           "Places|Romania|Făgăraș");
      run (d, meta, "Isis", d->asset[A_FAGARAS], "Xmp.dc.subject", 0, "Făgăraș");
      run (d, meta, "Isis", d->asset[A_FAGARAS], "Xmp.dc.subject", 1, "munți");
      run (d, meta, "Isis", d->asset[A_FAGARAS], "Xmp.dc.subject", 2, "răsărit");
      run (d, meta, "Isis", d->asset[A_FAGARAS], "Xmp.xmpRights.UsageTerms", 0,
           "Licență standard Carpați Foto, max. 250.000 de exemplare tipărite.");
    }
  if (d->asset[A_NORTHERN_ALPS] != 0)
    {
      run (d, meta, "Isis", d->asset[A_NORTHERN_ALPS], "Xmp.dc.title", 0, "北アルプス縦走");
      run (d, meta, "Isis", d->asset[A_NORTHERN_ALPS], "Xmp.dc.subject", 0, "穂高岳");
      run (d, meta, "Isis", d->asset[A_NORTHERN_ALPS], "Xmp.dc.subject", 1, "縦走");
      run (d, meta, "Isis", d->asset[A_NORTHERN_ALPS], "Xmp.xmpRights.UsageTerms", 0,
           "日本国内での使用に限る (Japan only)");
    }
}

static void
add_licences (Demo *d)
{
  g_autoptr(sqlite3_stmt) licence = prepare (d,
    "INSERT INTO licences (licensor, kind, cc_variant, cc_version, worldwide, starts_on,"
    " expires_on, cost, currency, attribution, model_release, property_release,"
    " contract_asset_id, reference, notes, confirmed, source, created_at, modified_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  g_autoptr(sqlite3_stmt) medium = prepare (d, "INSERT INTO licence_media (licence_id, medium) VALUES (?, ?)");
  g_autoptr(sqlite3_stmt) territory = prepare (d, "INSERT INTO licence_territories (licence_id, territory) VALUES (?, ?)");
  g_autoptr(sqlite3_stmt) link = prepare (d, "INSERT INTO licence_assets (licence_id, asset_id) VALUES (?, ?)");
  g_autoptr(sqlite3_stmt) marker = prepare (d, "INSERT INTO asset_meta (asset_id, key, seq, value) VALUES (?, ?, 0, ?)");

  for (guint l = 1; l < N_LICENCES; l++)
    {
      const LicenceSpec *spec = &licences[l];
      g_autofree char *reference = licence_reference (d, l);
      gint64 created = past_instant (d, -spec->created, 10, 15);

      /* 'z' leaves a cost of 0 NULL: "no fee recorded" */
      d->licence[l] = run (d, licence, "ssssisszsssszssisII",
                           spec->licensor, spec->kind, spec->cc_variant, spec->cc_version,
                           spec->worldwide ? 1 : 0, day (d, spec->starts), day (d, spec->expires),
                           spec->cost, spec->cost > 0 ? spec->currency : NULL, spec->attribution,
                           spec->model_release, spec->property_release,
                           d->asset[spec->contract], reference, spec->notes,
                           spec->unconfirmed ? 0 : 1, spec->source, created,
                           past_instant (d, MIN (-spec->created + 3, 0), 9, 0));

      if (spec->media != NULL)
        {
          g_auto(GStrv) media = g_strsplit (spec->media, ";", -1);

          for (guint m = 0; media[m] != NULL; m++)
            run (d, medium, "Is", d->licence[l], media[m]);
        }
      if (spec->territories != NULL)
        {
          g_auto(GStrv) territories = g_strsplit (spec->territories, ";", -1);

          for (guint t = 0; territories[t] != NULL; t++)
            run (d, territory, "Is", d->licence[l], territories[t]);
        }
    }

  for (guint key = 1; key < N_ASSETS; key++)
    {
      if (d->asset[key] == 0)
        continue;
      if (assets[key].licence != L_NONE)
        run (d, link, "II", d->licence[assets[key].licence], d->asset[key]);
      /* As the previews record a licence they pre-filled from a file's metadata */
      if (assets[key].licence != L_NONE && g_str_equal (licences[assets[key].licence].source, "metadata"))
        {
          g_autofree char *licence_id = g_strdup_printf ("%" G_GINT64_FORMAT, d->licence[assets[key].licence]);

          run (d, marker, "Iss", d->asset[key], MOPS_LICENCE_METADATA_MARKER, licence_id);
        }
      if (assets[key].licence2 != L_NONE)
        run (d, link, "II", d->licence[assets[key].licence2], d->asset[key]);
    }
}

static void
add_tags_and_collections (Demo *d)
{
  static const struct { const char *name, *description; guint members[12]; } collections[] = {
    { "Trail Runner X launch kit", "Everything the launch needs, in posting order.",
      { A_BACKPACK, A_POST_PORTRAIT, A_COPY_LAUNCH, A_FOREST, A_CAMPFIRE, A_POST_NEWSLETTER,
        A_RUNNER, A_POST_STORY, A_BACKPACK_MOSS, A_POSTER_MEETUP, A_COPY_DE } },
    { "Best of the fjords", "Our strongest landscape images — check the licence before use.",
      { A_FJORD, A_LAKE, A_COAST, A_MISTY, A_WINTER, A_LOFOTEN, A_LIGHTHOUSE, A_BRYGGEN } },
    { "Press kit", "What journalists get: logos, guidelines, product shots, the release.",
      { A_LOGO_SVG, A_LOGO_PNG, A_GUIDELINES, A_JACKET, A_BOTTLE, A_BACKPACK, A_COPY_PRESS,
        A_DOWN_JACKET, A_TENT } },
    { "Needs a licence check", "Images with no licence, or one that is ending or unconfirmed.",
      { A_MISTY, A_SUMMIT, A_AURORA, A_LAKE, A_WINTER, A_RAIN, A_NORTHERN_ALPS, A_GLACIER,
        A_STARRY } },
    { "Norway through the seasons", "One picture per season and region, for the about page "
      "and the catalogue's chapter openers.",
      { A_WATERFALL, A_LOFOTEN, A_GLACIER, A_BIRCHES, A_BRYGGEN, A_SKI_TOURING, A_CABIN } },
    { "Studio product shots", "Every product on its studio background, newest colourways "
      "included.",
      { A_BACKPACK, A_BACKPACK_MOSS, A_JACKET, A_JACKET_GLACIER, A_DOWN_JACKET, A_TENT, A_BOOTS,
        A_BOTTLE, A_STEEL_BOTTLES, A_HEADLAMP, A_FLAT_LAY } },
    { "Recycled Down Programme kit", "The story, the claims legal approved, and the visuals.",
      { A_DOWN_JACKET, A_POST_DOWN, A_POST_LINKEDIN, A_COPY_PRESS, A_COPY_DOWN_FAQ } },
    { "Events and posters", "This season's events: posters, covers, the run sheet and the map.",
      { A_POSTER_MEETUP, A_ROUTE_MAP, A_POSTER_FILM, A_POSTER_REPAIR, A_POST_MEMBERS,
        A_COPY_RUN_SHEET } },
    { "Translations", "Copy for our partners abroad: German, Japanese, Russian, Romanian.",
      { A_COPY_DE, A_SIZE_CHART, A_COPY_JA, A_COPY_RU, A_COPY_RO } },
  };
  static const struct { const char *name, *query, *filters; } searches[] = {
    { "Expiring licences", "", "{\"licence\":\"expiring\"}" },
    { "Missing licences", "", "{\"licence\":\"missing\"}" },
    { "Vector logos", "", "{\"tag\":[\"Brand/Logos\"],\"type\":[\"vector\"]}" },
    { "Fjord photos", "fjord", "{\"type\":[\"image\"]}" },
    { "Trail Runner X", "trail runner", NULL },
    { "Logos in any language", "логотип", NULL },
    { "Five-star photos", "", "{\"type\":[\"image\"],\"rating\":5}" },
    { "Winter pictures", "", "{\"tag\":[\"Seasons/Winter\"],\"type\":[\"image\"]}" },
    { "Event posters", "", "{\"tag\":[\"Events/Posters\"]}" },
    { "Studio shots", "", "{\"label\":\"purple\",\"type\":[\"image\"]}" },
    { "Licences starting soon", "", "{\"licence\":\"pending\"}" },
    { "Copy in other languages", "", "{\"tag\":[\"Copy/Translations\"]}" },
    { "Storm Shell, every language", "storm shell", "{\"type\":[\"document\"]}" },
  };
  g_autoptr(sqlite3_stmt) collection = prepare (d, "INSERT INTO collections (name, description, created_at) VALUES (?, ?, ?)");
  g_autoptr(sqlite3_stmt) member = prepare (d,
    "INSERT INTO collection_assets (collection_id, asset_id, position, added_at) VALUES (?, ?, ?, ?)");
  g_autoptr(sqlite3_stmt) search = prepare (d,
    "INSERT OR IGNORE INTO saved_searches (name, query, filters, created_at) VALUES (?, ?, ?, ?)");

  /* Tags in the order the assets mention them: the tag ids follow */
  for (guint key = 1; key < N_ASSETS && d->error == NULL; key++)
    {
      g_auto(GStrv) paths = NULL;

      if (d->asset[key] == 0)
        continue;

      paths = g_strsplit (assets[key].tags, ";", -1);
      for (guint i = 0; paths[i] != NULL && d->error == NULL; i++)
        {
          g_autofree char *full = g_str_equal (paths[i], "$SEASON")
                                  ? g_strconcat ("Campaigns/", d->season, NULL)
                                  : g_strdup (paths[i]);

          mops_tags_link_in_transaction (d->db, full, &d->asset[key], 1, &d->error);
        }
    }

  for (guint c = 0; c < G_N_ELEMENTS (collections); c++)
    {
      /* the first four a few weeks ago, the others since */
      int created = c < 4 ? -(int) (40 - 9 * c) : (int) c - 16;
      gint64 id = run (d, collection, "ssI", collections[c].name, collections[c].description,
                       past_instant (d, created, 14, 0));

      for (guint m = 0; m < G_N_ELEMENTS (collections[c].members); m++)
        {
          guint key = collections[c].members[m];

          if (key != A_NONE && d->asset[key] != 0)
            run (d, member, "IIiI", id, d->asset[key], (int) m,
                 past_instant (d, created + (int) m / 3, 14, 5 + (int) m));
        }
    }

  for (guint s = 0; s < G_N_ELEMENTS (searches); s++)
    run (d, search, "sssI", searches[s].name, searches[s].query, searches[s].filters,
         past_instant (d, s < 6 ? -(int) (30 - 4 * s) : (int) s - 18, 11, 0));
}

/* The review trail of one item: comments that fit its status. */
static void
add_review (Demo              *d,
            sqlite3_stmt      *comment,
            gint64             item,
            const ContentSpec *spec,
            int                anchor)      /* the day the work happened around */
{
  gint64 owner = d->person[spec->owner];
  gint64 reviewer = d->person[spec->reviewer != P_NONE ? spec->reviewer : P_INGRID];
  const char *status = spec->status;

  if (g_str_equal (status, "idea"))
    {
      run (d, comment, "IzssI", item, d->person[P_INGRID], "comment",
           "Like it. Let's look at it in the next planning meeting.",
           past_instant (d, anchor - 5, 16, 20));
      return;
    }

  run (d, comment, "IzssI", item, owner, "comment",
       g_str_equal (status, "draft") ? "First draft is up. Still looking for a stronger image."
                                     : "Ready for review: copy and images are attached.",
       past_instant (d, anchor - 6, 10, 5));

  if (g_str_equal (status, "draft"))
    return;

  if (g_str_equal (status, "in_review"))
    {
      run (d, comment, "IzssI", item, reviewer, "changes_requested",
           "Two things: shorten the intro to two sentences, and check the image credit.",
           past_instant (d, anchor - 5, 9, 40));
      run (d, comment, "IzssI", item, owner, "comment",
           "Intro shortened. Waiting for the credit line from the photographer.",
           past_instant (d, anchor - 4, 15, 10));
      return;
    }

  run (d, comment, "IzssI", item, reviewer, "approved",
       g_str_equal (status, "published") ? "Approved — good to go." : "Approved. Nice work.",
       past_instant (d, anchor - 5, 11, 30));
}

static void
add_tasks (Demo              *d,
           sqlite3_stmt      *task,
           gint64             item,
           const ContentSpec *spec,
           int                publish_day)
{
  static const char *const titles[] = {
    "Write the copy", "Choose and crop images", "Check image licences", "Get sign-off",
    "Schedule and tag the post",
  };
  static const struct { const char *status; guint done; } progress[] = {
    { "idea", 0 }, { "draft", 1 }, { "in_review", 3 }, { "approved", 4 }, { "scheduled", 5 },
    { "published", 5 },
  };
  guint done = 0;
  guint n = g_str_equal (spec->status, "idea") ? 1 : G_N_ELEMENTS (titles);

  for (guint i = 0; i < G_N_ELEMENTS (progress); i++)
    if (g_str_equal (progress[i].status, spec->status))
      done = progress[i].done;

  for (guint i = 0; i < n; i++)
    {
      guint assignee = i == 1 ? P_YUKI : (i == 3 && spec->reviewer != P_NONE ? spec->reviewer
                                                                             : spec->owner);

      run (d, task, "Iszsii", item, titles[i], d->person[assignee],
           publish_day != NO_DATE ? day (d, publish_day - (int) (n - i)) : NULL,
           i < done ? 1 : 0, (int) i);
    }
}

/* Where a published item lives: believable addresses on each channel (posters have none). */
static const char *
published_url (Demo              *d,
               const ContentSpec *spec)
{
  g_autofree char *address = NULL;

  switch (spec->channel)
    {
    case CH_INSTAGRAM:
      address = g_strdup_printf ("https://www.instagram.com/p/Fjv%08X/", g_rand_int (d->rand));
      break;
    case CH_LINKEDIN:
      address = g_strdup_printf ("https://www.linkedin.com/feed/update/urn:li:activity:7%09u%09u/",
                                 g_rand_int (d->rand) % 1000000000u,
                                 g_rand_int (d->rand) % 1000000000u);
      break;
    case CH_FACEBOOK:
      address = g_strdup_printf ("https://www.facebook.com/fjellvind.example/posts/%u",
                                 g_rand_int (d->rand));
      break;
    case CH_POSTERS:
      return NULL;
    case CH_NEWSLETTER:
      address = g_strdup_printf ("https://" DOMAIN "/newsletter/%s", spec->slug);
      break;
    default:
      address = g_strdup_printf ("https://" DOMAIN "/stories/%s", spec->slug);
      break;
    }

  return keep (d, address);
}

typedef struct
{
  GDate       date;           /* the (first) publishing day */
  int         start;          /* its offset from today */
  const char *publish_at;
  const char *due_at;
  gint64      published_at;
} Schedule;

/* When an item goes out. Recurring items start on the first day their rule matches. */
static void
schedule_item (Demo              *d,
               const ContentSpec *spec,
               Schedule          *out)
{
  memset (out, 0, sizeof *out);
  out->start = spec->day;
  if (spec->day == NO_DATE)
    return;

  date_from_today (d, spec->day, &out->date);
  if (spec->rrule != NULL && g_str_has_prefix (spec->rrule, "FREQ=WEEKLY"))
    while (g_date_get_weekday (&out->date) != G_DATE_TUESDAY)
      {
        g_date_add_days (&out->date, 1);
        out->start++;
      }
  if (spec->rrule != NULL && g_str_has_prefix (spec->rrule, "FREQ=MONTHLY"))
    g_date_set_day (&out->date, 1);

  out->publish_at = wall_time (d, &out->date, spec->hour, spec->minute);
  if (!g_str_equal (spec->status, "idea") && spec->rrule == NULL)
    {
      GDate due = out->date;

      g_date_subtract_days (&due, 2);
      out->due_at = spec->hour == HOURLESS ? format_date (d, &due) : wall_time (d, &due, 16, 0);
    }
  if (g_str_equal (spec->status, "published"))
    out->published_at = local_instant (&out->date, MAX (spec->hour, 8), spec->minute) + 120;
}

/* The weekly newsletter: one issue moved a day for the launch, one cancelled. */
static void
add_overrides (Demo              *d,
               sqlite3_stmt      *override,
               gint64             item,
               const ContentSpec *spec)
{
  GDate next = d->today, moved, wednesday, cancelled;

  g_date_add_days (&next, 1);
  while (g_date_get_weekday (&next) != G_DATE_TUESDAY)
    g_date_add_days (&next, 1);
  moved = next;
  g_date_add_days (&moved, 7);
  wednesday = moved;
  g_date_add_days (&wednesday, 1);
  cancelled = next;
  g_date_add_days (&cancelled, 21);

  run (d, override, "Isisss", item, wall_time (d, &moved, spec->hour, spec->minute), 0,
       "The Trail Letter — launch edition", "scheduled", wall_time (d, &wednesday, 8, 0));
  run (d, override, "Isisss", item, wall_time (d, &cancelled, spec->hour, spec->minute), 1,
       NULL, NULL, NULL);
}

/* What a colleague noticed on the item that uses the expiring photo. */
static void
add_licence_warning (Demo         *d,
                     sqlite3_stmt *comment,
                     gint64        item)
{
  GDate end;
  g_autofree char *end_text = NULL;
  g_autofree char *warning = NULL;

  date_from_today (d, licences[L_ALPENBLICK].expires, &end);
  end_text = mops_demo_format_long_date (&end);
  warning = g_strdup_printf ("Heads-up: the Alpenblick licence for the lake photo ends on %s, "
                             "before this goes out — and it does not cover e-mail. Renew or "
                             "swap the image.", end_text);
  run (d, comment, "IzssI", item, d->person[P_ZOFIA], "comment", warning,
       past_instant (d, -1, 13, 5));
}

static void
add_content (Demo *d)
{
  g_autoptr(sqlite3_stmt) item = prepare (d,
    "INSERT INTO content_items (uid, title, brief, status, channel_id, campaign_id, owner_id,"
    " reviewer_id, due_at, publish_at, published_at, url, rrule, sequence, created_at,"
    " modified_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  g_autoptr(sqlite3_stmt) link = prepare (d,
    "INSERT INTO content_assets (content_item_id, asset_id, position) VALUES (?, ?, ?)");
  g_autoptr(sqlite3_stmt) comment = prepare (d,
    "INSERT INTO content_comments (content_item_id, author_id, kind, body, created_at)"
    " VALUES (?, ?, ?, ?, ?)");
  g_autoptr(sqlite3_stmt) task = prepare (d,
    "INSERT INTO content_tasks (content_item_id, title, assignee_id, due_on, done, position)"
    " VALUES (?, ?, ?, ?, ?, ?)");
  g_autoptr(sqlite3_stmt) override = prepare (d,
    "INSERT INTO content_overrides (content_item_id, recurrence_id, cancelled, title, status,"
    " publish_at) VALUES (?, ?, ?, ?, ?, ?)");

  for (guint i = 0; i < G_N_ELEMENTS (contents) && d->error == NULL; i++)
    {
      const ContentSpec *spec = &contents[i];
      g_autofree char *uid = g_strdup_printf ("%s@demo.mops", spec->slug);
      int anchor = spec->day == NO_DATE ? -(int) (i % 9) - 2 : MIN (spec->day, 0);
      const char *url = NULL;
      Schedule when;
      gint64 id;

      schedule_item (d, spec, &when);
      if (when.published_at > 0)
        url = published_url (d, spec);

      id = run (d, item, "sssszzzzsszssiII",
                uid, expand (d, spec->title), expand (d, spec->brief), spec->status,
                d->channel[spec->channel], d->campaign[spec->campaign], d->person[spec->owner],
                d->person[spec->reviewer], when.due_at, when.publish_at, when.published_at, url,
                spec->rrule, spec->day != NO_DATE && spec->day > 0 && i % 4 == 0 ? 1 : 0,
                past_instant (d, anchor - 12, 9, 30),
                when.published_at > 0 ? MIN (when.published_at, d->now)
                                      : past_instant (d, anchor - 1, 17, 45));
      if (d->error != NULL)
        return;

      for (guint a = 0; a < G_N_ELEMENTS (spec->assets); a++)
        if (spec->assets[a] != A_NONE && d->asset[spec->assets[a]] != 0)
          run (d, link, "IIi", id, d->asset[spec->assets[a]], (int) a);

      add_review (d, comment, id, spec, anchor);
      add_tasks (d, task, id, spec, spec->day == NO_DATE || spec->rrule != NULL ? NO_DATE
                                                                                : when.start);

      if (g_str_equal (spec->slug, "alpine-lakes-special"))
        add_licence_warning (d, comment, id);
      if (spec->rrule != NULL && g_str_has_prefix (spec->rrule, "FREQ=WEEKLY"))
        add_overrides (d, override, id, spec);
    }
}

static gint64
planned_amount (guint team,
                guint category,
                int   month,       /* 0 … 11 */
                int   year_delta)  /* 0 this year, -1 the year before */
{
  /* whole euros × percent = cents */
  gint64 cents = (gint64) plan_base[team][category] * season_percent[month];

  if (year_delta < 0)
    cents = cents * 92 / 100;
  /* rounded to whole 50 euros */
  return (cents + 2500) / 5000 * 5000;
}

static void
add_expense (Demo         *d,
             sqlite3_stmt *expense,
             const GDate  *date,
             const char   *vendor,
             const char   *description,
             gint64        amount,
             const char   *currency,
             guint         team,
             guint         category,
             guint         campaign,
             gint64        licence,
             gint64        subscription,
             gint64        request,
             gint64        receipt,
             guint         creator)
{
  const char *rate = rate_for (currency);

  run (d, expense, "sssIssIIIzzzzzIz",
       format_date (d, date), vendor, description, amount, currency, rate,
       convert (amount, rate), d->team[team], d->category[category], d->campaign[campaign],
       licence, subscription, request, receipt,
       MIN (local_instant (date, 17, 30), d->now), d->person[creator]);
}

/* Two fiscal years (last year's locked), teams, categories, plan lines for every team and
 * category it plans, and this year's approved baseline plus an earlier draft snapshot. */
static void
add_plan (Demo *d)
{
  g_autoptr(sqlite3_stmt) year = prepare (d,
    "INSERT INTO fiscal_years (name, starts_on, currency, total, locked_at, locked_by)"
    " VALUES (?, ?, 'EUR', ?, ?, ?)");
  g_autoptr(sqlite3_stmt) team = prepare (d, "INSERT OR IGNORE INTO teams (name, color, lead_id) VALUES (?, ?, ?)");
  g_autoptr(sqlite3_stmt) category = prepare (d, "INSERT OR IGNORE INTO categories (name, color) VALUES (?, ?)");
  g_autoptr(sqlite3_stmt) line = prepare (d,
    "INSERT INTO budget_lines (fiscal_year_id, team_id, category_id, month, planned, note)"
    " VALUES (?, ?, ?, ?, ?, ?)");
  g_autoptr(sqlite3_stmt) snapshot = prepare (d,
    "INSERT INTO plan_snapshots (fiscal_year_id, name, is_baseline, created_at, created_by)"
    " VALUES (?, ?, ?, ?, ?)");
  g_autoptr(sqlite3_stmt) snapshot_line = prepare (d,
    "INSERT INTO plan_snapshot_lines (snapshot_id, team_id, category_id, month, planned)"
    " VALUES (?, ?, ?, ?, ?)");
  g_autofree char *name = g_strdup_printf ("FY %d", d->year);
  g_autofree char *previous_name = g_strdup_printf ("FY %d", d->year - 1);
  g_autofree char *starts = g_strdup_printf ("%d-01-01", d->year);
  g_autofree char *previous_starts = g_strdup_printf ("%d-01-01", d->year - 1);
  g_autofree char *baseline_name = g_strdup_printf ("Approved plan FY %d", d->year);
  g_autofree char *draft_name = g_strdup_printf ("Draft plan FY %d (v1)", d->year);
  GDate approved, drafted, closed;
  gint64 total = 0, previous_total = 0;
  gint64 baseline, draft;
  int current_month = g_date_get_month (&d->today) - 1;

  g_date_set_dmy (&approved, 15, G_DATE_DECEMBER, d->year - 1);
  g_date_set_dmy (&drafted, 16, G_DATE_NOVEMBER, d->year - 1);
  g_date_set_dmy (&closed, 20, G_DATE_JANUARY, d->year);

  for (guint t = 1; t < N_TEAMS; t++)
    for (guint c = 1; c < N_CATEGORIES; c++)
      for (int m = 0; m < 12 && plan_base[t][c] > 0; m++)
        {
          total += planned_amount (t, c, m, 0);
          previous_total += planned_amount (t, c, m, -1);
        }

  /* each year's envelope: the plan and a reserve, in whole thousands */
  d->previous_year = run (d, year, "ssIIz", previous_name, previous_starts,
                          (previous_total / 100000 + 1) * 100000,
                          MIN (local_instant (&closed, 10, 0), d->now), d->person[P_INGRID]);
  d->fiscal_year = run (d, year, "ssInn", name, starts, (total * 105 / 100 / 100000 + 1) * 100000);

  for (guint t = 1; t < N_TEAMS; t++)
    d->team[t] = inserted_or_existing (d, run (d, team, "ssz", teams[t].name, teams[t].color,
                                               d->person[teams[t].lead]),
                                       "SELECT id FROM teams WHERE name = ?", teams[t].name);
  for (guint c = 1; c < N_CATEGORIES; c++)
    d->category[c] = inserted_or_existing (d, run (d, category, "ss", categories[c].name,
                                                   categories[c].color),
                                           "SELECT id FROM categories WHERE name = ?",
                                           categories[c].name);

  baseline = run (d, snapshot, "IsiIz", d->fiscal_year, baseline_name, 1,
                  MIN (local_instant (&approved, 15, 0), d->now), d->person[P_INGRID]);
  draft = run (d, snapshot, "IsiIz", d->fiscal_year, draft_name, 0,
               MIN (local_instant (&drafted, 11, 0), d->now), d->person[P_ZOFIA]);

  for (guint t = 1; t < N_TEAMS; t++)
    for (guint c = 1; c < N_CATEGORIES; c++)
      for (int m = 0; m < 12 && plan_base[t][c] > 0; m++)
        {
          char month[8], previous_month[8];
          gint64 planned = planned_amount (t, c, m, 0);
          gint64 current = planned;
          const char *note = NULL;

          g_snprintf (month, sizeof month, "%04d-%02d", d->year, m + 1);
          g_snprintf (previous_month, sizeof previous_month, "%04d-%02d", d->year - 1, m + 1);

          /* the plan moved since the baseline: more paid social for the launch, less travel */
          if (t == T_DEMAND && c == G_ADS && m > current_month)
            {
              current = planned * 110 / 100 / 5000 * 5000;
              note = "Raised for the Trail Runner X launch";
            }
          else if (t == T_EVENTS && c == G_TRAVEL && m > current_month)
            {
              current = planned * 80 / 100 / 5000 * 5000;
              note = "Fewer trade fairs this year";
            }

          run (d, line, "IIIsIs", d->previous_year, d->team[t], d->category[c], previous_month,
               planned_amount (t, c, m, -1), NULL);
          run (d, line, "IIIsIs", d->fiscal_year, d->team[t], d->category[c], month, current,
               note);
          run (d, snapshot_line, "IIIsI", baseline, d->team[t], d->category[c], month, planned);
          run (d, snapshot_line, "IIIsI", draft, d->team[t], d->category[c], month,
               planned * 95 / 100 / 5000 * 5000);
        }
}

static void
add_subscriptions_and_requests (Demo *d)
{
  g_autoptr(sqlite3_stmt) subscription = prepare (d,
    "INSERT INTO subscriptions (vendor, product, cost, currency, period, renews_on, notice_days,"
    " owner_id, team_id, category_id, seats, url, notes, cancelled_on)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  g_autoptr(sqlite3_stmt) request = prepare (d,
    "INSERT INTO spend_requests (requester_id, team_id, category_id, campaign_id, amount,"
    " currency, purpose, needed_by, status, decided_by, decided_at, note, created_at)"
    " VALUES (?, ?, ?, ?, ?, 'EUR', ?, ?, ?, ?, ?, ?, ?)");

  for (guint s = 1; s < N_SUBSCRIPTIONS; s++)
    d->subscription[s] = run (d, subscription, "ssIsssizzzzsss",
                              subscriptions[s].vendor, subscriptions[s].product,
                              subscriptions[s].cost, subscriptions[s].currency,
                              subscriptions[s].period, day (d, subscriptions[s].renews),
                              subscriptions[s].notice_days, d->person[subscriptions[s].owner],
                              d->team[subscriptions[s].team], d->category[G_SOFTWARE],
                              subscriptions[s].seats == NO_DATE ? (gint64) 0
                                                                : (gint64) subscriptions[s].seats,
                              subscriptions[s].url, subscriptions[s].notes,
                              subscriptions[s].cancelled != 0 ? day (d, subscriptions[s].cancelled)
                                                              : NULL);

  /* two waiting, two approved (one already spent, one committed), one declined */
  run (d, request, "zIIzIssszzsI", d->person[P_JONAS], d->team[T_DEMAND], d->category[G_ADS],
       d->campaign[K_LAUNCH], (gint64) 850000, "Extra paid social for the Trail Runner X launch week",
       day (d, 7), "pending", (gint64) 0, (gint64) 0, NULL, past_instant (d, -2, 9, 15));
  run (d, request, "zIIzIssszzsI", d->person[P_OKSANA], d->team[T_EVENTS],
       d->category[G_TRAVEL], (gint64) 0, (gint64) 240000,
       "Travel to the Tromsø winter demo days (3 people)", day (d, 30), "pending", (gint64) 0,
       (gint64) 0, NULL, past_instant (d, -1, 14, 40));
  d->request_spent = run (d, request, "zIIzIssszzsI", d->person[P_LEA], d->team[T_PRODUCT],
                          d->category[G_CONTENT], d->campaign[K_LAUNCH], (gint64) 360000,
                          "Photographer day for the Trail Runner X lookbook", day (d, -14),
                          "approved", d->person[P_INGRID], past_instant (d, -20, 10, 5),
                          "Approved — keep it to one day.", past_instant (d, -22, 16, 0));
  run (d, request, "zIIzIssszzsI", d->person[P_SOFIE], d->team[T_BRAND],
       d->category[G_AGENCIES], (gint64) 0, (gint64) 600000,
       "Studio Kvist: refresh of the pictogram set", day (d, 21), "approved",
       d->person[P_INGRID], past_instant (d, -6, 11, 20), "Approved from the Q reserve.",
       past_instant (d, -8, 9, 0));
  run (d, request, "zIIzIssszzsI", d->person[P_AINO], d->team[T_CONTENT], d->category[G_SOFTWARE],
       (gint64) 0, (gint64) 190000, "Annual plan for a second social scheduling tool", NULL,
       "declined", d->person[P_INGRID], past_instant (d, -9, 15, 30),
       "We already pay for Later — let's use it fully first.", past_instant (d, -11, 10, 0));
}

/* Spending against one plan line in one month: one or two invoices near the plan. */
static void
add_monthly_actuals (Demo         *d,
                     sqlite3_stmt *expense,
                     guint         t,
                     guint         c,
                     int           m,
                     int           delta)
{
  int y = d->year + delta;
  gint64 planned = planned_amount (t, c, m, delta);
  int pieces = c == G_ADS || c == G_CONTENT ? 2 : 1;

  for (int p = 0; p < pieces; p++)
    {
      const VendorSpec *vendor = &vendors[c][(t + (guint) m + (guint) p) % 3];
      int dom = 3 + (int) g_rand_int_range (d->rand, 0, 24);
      int percent = g_rand_int_range (d->rand, 70, 112);
      const char *rate = rate_for (vendor->currency);
      g_autofree char *description = g_strdup_printf ("%s, %s %d", vendor->description,
                                                      month_names[m], y);
      guint campaign = K_NONE;
      gint64 amount;
      GDate date;

      g_date_set_dmy (&date, (GDateDay) dom, (GDateMonth) (m + 1), (GDateYear) y);
      if (g_date_compare (&date, &d->today) > 0)
        continue;

      /* in the vendor's currency, whole units, so it converts back near the plan */
      amount = from_euros (planned * percent / 100 / pieces, rate) / 100 * 100;
      if (delta == 0 && c == G_ADS && t != T_EVENTS)
        campaign = m == (int) g_date_get_month (&d->today) - 1 ? K_LAUNCH : K_SEASON;
      else if (delta == 0 && t == T_EVENTS)
        campaign = K_MEMBERS;

      add_expense (d, expense, &date, vendor->vendor, description, amount, vendor->currency, t,
                   c, campaign, 0, 0, 0, 0, (p + m) % 2 == 0 ? P_ZOFIA : teams[t].lead);
    }
}

/* Subscriptions charge on their renewal day: monthly ones every month, yearly ones once. */
static void
add_subscription_charges (Demo         *d,
                          sqlite3_stmt *expense)
{
  GDate previous_jan1;

  g_date_set_dmy (&previous_jan1, 1, G_DATE_JANUARY, d->year - 1);

  for (guint s = 1; s < N_SUBSCRIPTIONS && d->error == NULL; s++)
    {
      gboolean monthly = g_str_equal (subscriptions[s].period, "monthly");
      g_autofree char *description = g_strdup_printf ("%s %s", subscriptions[s].vendor,
                                                      subscriptions[s].product);
      GDate renews, charge, cancelled;

      date_from_today (d, subscriptions[s].renews, &renews);
      date_from_today (d, subscriptions[s].cancelled, &cancelled);
      for (guint k = 1; k <= (monthly ? 24u : 2u); k++)
        {
          charge = renews;
          if (monthly)
            g_date_subtract_months (&charge, k);
          else
            g_date_subtract_years (&charge, k);

          if (g_date_compare (&charge, &previous_jan1) < 0)
            break;
          if (g_date_compare (&charge, &d->today) > 0)
            continue;
          if (subscriptions[s].cancelled != 0 && g_date_compare (&charge, &cancelled) >= 0)
            continue;

          add_expense (d, expense, &charge, subscriptions[s].vendor, description,
                       subscriptions[s].cost, subscriptions[s].currency, subscriptions[s].team,
                       G_SOFTWARE, K_NONE, 0, d->subscription[s], 0, 0, P_ZOFIA);
        }
    }
}

/* Actuals for last year and this year up to today, then the ones people ask about: the
 * licence renewal with its receipt, a refund, and the approved request that was spent. */
static void
add_expenses (Demo *d)
{
  g_autoptr(sqlite3_stmt) expense = prepare (d,
    "INSERT INTO expenses (date, vendor, description, amount, currency, rate, base_amount,"
    " team_id, category_id, campaign_id, licence_id, subscription_id, request_id,"
    " receipt_asset_id, created_at, created_by)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  GDate jan1, date;

  for (int delta = -1; delta <= 0; delta++)
    for (guint t = 1; t < N_TEAMS; t++)
      for (guint c = 1; c < N_CATEGORIES; c++)
        for (int m = 0; m < 12 && plan_base[t][c] > 0 && c != G_SOFTWARE; m++)
          add_monthly_actuals (d, expense, t, c, m, delta);

  add_subscription_charges (d, expense);

  g_date_set_dmy (&jan1, 1, G_DATE_JANUARY, d->year);

  add_expense (d, expense, &d->today, licences[L_KYST_NEW].licensor,
               "Licence renewal: “Coastal hike, Runde”, 12 months", licences[L_KYST_NEW].cost,
               licences[L_KYST_NEW].currency, T_CONTENT, G_LICENSING, K_SEASON,
               d->licence[L_KYST_NEW], 0, 0, d->asset[A_RECEIPT], P_ZOFIA);

  date_from_today (d, -12, &date);
  if (g_date_compare (&date, &jan1) < 0)
    date = jan1;
  add_expense (d, expense, &date, "Outdoor Trade Fair GmbH",
               "Refund: cancelled booth upgrade (corner stand)", -45000, "EUR", T_EVENTS,
               G_EVENTS, K_NONE, 0, 0, 0, 0, P_OKSANA);

  date_from_today (d, -4, &date);
  if (g_date_compare (&date, &jan1) < 0)
    date = jan1;
  add_expense (d, expense, &date, "Eirik Vik Fotografi", "Lookbook shoot, one day incl. "
               "retouching", 3850000, "NOK", T_PRODUCT, G_CONTENT, K_LAUNCH, 0, 0,
               d->request_spent, 0, P_LEA);
}

static void
add_kits (Demo *d)
{
  static const struct { guint asset; const char *role; } items[] = {
    { A_LOGO_SVG, "logo_primary" }, { A_LOGO_PNG, "logo_primary" },
    { A_LOGO_MONO_SVG, "logo_mono" }, { A_LOGO_MONO_PNG, "logo_mono" }, { A_ICON, "icon" },
    { A_FONT_BOLD, "font" }, { A_FONT_REGULAR, "font" }, { A_GUIDELINES, "guideline" },
    { A_TEMPLATE, "template" }, { A_FJORD, "image" }, { A_BACKPACK, "image" },
    { A_JACKET, "image" }, { A_FONT_SERIF, "font" }, { A_PICTOGRAMS, "icon" },
  };
  static const struct { guint asset; const char *role; } old_items[] = {
    { A_LOGO_MONO_SVG, "logo_primary" }, { A_LOGO_MONO_PNG, "logo_mono" },
    { A_FONT_REGULAR, "font" }, { A_COPY_VOICE, "guideline" },
  };
  static const MopsDemoColor old_colors[] = {
    { "Old Fjord Blue", "Primary", "#1B4F72", "90/55/15/40", "PMS 2955 C" },
    { "Signal Red", "Accent", "#C0392B", "10/90/90/5", "PMS 7621 C" },
    { "Snow", "Background", "#FFFFFF", "0/0/0/0", NULL },
    { "Slate", "Text", "#34495E", "75/55/35/35", "PMS 7546 C" },
  };
  g_autoptr(sqlite3_stmt) kit = prepare (d,
    "INSERT INTO brand_kits (name, version, description, created_at, modified_at) VALUES (?, ?, ?, ?, ?)");
  g_autoptr(sqlite3_stmt) item = prepare (d,
    "INSERT INTO kit_items (kit_id, asset_id, role, position) VALUES (?, ?, ?, ?)");
  g_autoptr(sqlite3_stmt) color = prepare (d,
    "INSERT INTO kit_colors (kit_id, name, role, hex, cmyk, pantone, position) VALUES (?, ?, ?, ?, ?, ?, ?)");
  g_autoptr(sqlite3_stmt) font = prepare (d,
    "INSERT INTO kit_fonts (kit_id, family, role, asset_id, position) VALUES (?, ?, ?, ?, ?)");
  g_autoptr(sqlite3_stmt) voice = prepare (d, "INSERT INTO kit_voice (kit_id, text) VALUES (?, ?)");
  const MopsDemoColor *palette;
  guint n_colors;
  gint64 current, old;
  int position = 0;

  current = run (d, kit, "sssII", "Fjellvind Brand Kit", "2.1",
                 "Logos, colours, type, templates and tone of voice for everyone who makes "
                 "things for Fjellvind — agencies and retailers included.",
                 past_instant (d, -120, 10, 0), past_instant (d, -10, 16, 30));
  old = run (d, kit, "sssII", "Fjellvind Brand Kit (2019)", "1.4",
             "The previous identity, kept for partners still working from it. Do not use for "
             "new work.", past_instant (d, -900, 10, 0), past_instant (d, -400, 12, 0));

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    if (d->asset[items[i].asset] != 0)
      run (d, item, "IIsi", current, d->asset[items[i].asset], items[i].role, position++);
  position = 0;
  for (guint i = 0; i < G_N_ELEMENTS (old_items); i++)
    if (d->asset[old_items[i].asset] != 0)
      run (d, item, "IIsi", old, d->asset[old_items[i].asset], old_items[i].role, position++);

  palette = mops_demo_get_palette (&n_colors);
  for (guint i = 0; i < n_colors; i++)
    run (d, color, "Isssssi", current, palette[i].name, palette[i].role, palette[i].hex,
         palette[i].cmyk, palette[i].pantone, (int) i);
  for (guint i = 0; i < G_N_ELEMENTS (old_colors); i++)
    run (d, color, "Isssssi", old, old_colors[i].name, old_colors[i].role, old_colors[i].hex,
         old_colors[i].cmyk, old_colors[i].pantone, (int) i);

  run (d, font, "Isszi", current, "DejaVu Sans", "Headlines (Bold)", d->asset[A_FONT_BOLD], 0);
  run (d, font, "Isszi", current, "DejaVu Sans", "Body text", d->asset[A_FONT_REGULAR], 1);
  run (d, font, "Isszi", current, "DejaVu Serif", "Newsletter accents", d->asset[A_FONT_SERIF],
       2);
  run (d, font, "Isszi", old, "DejaVu Sans", "All text", d->asset[A_FONT_REGULAR], 0);

  run (d, voice, "Is", current, voice_current);
  run (d, voice, "Is", old, voice_old);
}

static void
refresh_search_text (Demo *d)
{
  for (guint key = 1; key < N_ASSETS && d->error == NULL; key++)
    if (d->asset[key] != 0)
      mops_asset_refresh_search_text (d->db, d->asset[key], &d->error);
}

/* Removes the assets this run stored, rows and files, so a failed run leaves the library
 * empty and the demo can be tried again. */
static void
remove_added_assets (Demo *d)
{
  g_autoptr(sqlite3_stmt) path = mops_db_prepare (d->db, "SELECT stored_path FROM assets WHERE id = ?", NULL);
  g_autoptr(sqlite3_stmt) remove = mops_db_prepare (d->db, "DELETE FROM assets WHERE id = ?", NULL);

  if (path == NULL || remove == NULL)
    return;

  for (guint i = 0; i < d->added->len; i++)
    {
      gint64 id = g_array_index (d->added, gint64, i);

      sqlite3_reset (path);
      sqlite3_bind_int64 (path, 1, id);
      if (sqlite3_step (path) == SQLITE_ROW)
        {
          g_autofree char *file = mops_library_build_path (d->library,
                                                           (const char *) sqlite3_column_text (path, 0));

          g_unlink (file);
        }

      sqlite3_reset (remove);
      sqlite3_bind_int64 (remove, 1, id);
      if (sqlite3_step (remove) != SQLITE_DONE)
        g_warning ("Could not remove demo asset %" G_GINT64_FORMAT ": %s", id, sqlite3_errmsg (d->db));
    }
}

static gboolean
fill (Demo *d)
{
  guint n_files = N_ASSETS - 1;

  /* Files: drawn (recorded) here, painted and encoded on worker threads, then stored like an
   * import, in order so the ids are always the same. Storing one file while the next ones
   * are painted keeps the disk and the cores busy at once. */
  for (guint key = 1; key < N_ASSETS; key++)
    {
      g_autofree char *what = g_strdup_printf (_("Drawing “%s”…"), file_name (d, key));

      if (failed (d))
        return FALSE;
      report (d, 0.2 * (key - 1) / n_files, what);
      if (!make_file (d, key))
        return FALSE;
    }

  /* most of the time goes here, waiting for the painters */
  for (guint key = 1; key < N_ASSETS; key++)
    {
      if (failed (d))
        return FALSE;
      report (d, 0.2 + 0.65 * (key - 1) / n_files, _("Adding the files to the library…"));
      if (d->file_paths[key] != NULL &&
          !mops_demo_art_wait_for (d->art, d->file_paths[key], &d->error))
        return FALSE;
      if (!store_file (d, key))
        return FALSE;
    }
  if (!mops_demo_art_wait (d->art, &d->error))
    return FALSE;

  /* Everything else in one transaction */
  report (d, 0.86, _("Adding people, licences and the calendar…"));
  if (failed (d) || !mops_db_begin (d->db, &d->error))
    return FALSE;

  add_people_and_channels (d);
  add_asset_details (d);
  add_licences (d);
  add_tags_and_collections (d);
  add_content (d);
  if (failed (d))
    goto rollback;

  report (d, 0.93, _("Adding the budget and brand kits…"));
  add_plan (d);
  add_subscriptions_and_requests (d);
  add_expenses (d);
  add_kits (d);
  refresh_search_text (d);
  if (failed (d))
    goto rollback;

  if (!mops_db_commit (d->db, &d->error))
    goto rollback;

  return TRUE;

rollback:
  mops_db_rollback (d->db);
  return FALSE;
}

static void
demo_clear (Demo *d)
{
  for (guint key = 0; key < N_ASSETS; key++)
    {
      g_free (d->file_names[key]);
      g_free (d->file_paths[key]);
    }
  g_free (d->staging);
  g_array_unref (d->added);
  g_string_chunk_free (d->strings);
  g_rand_free (d->rand);
}

gboolean
mops_demo_generate (MopsLibrary           *library,
                    MopsDemoProgressFunc   progress,
                    gpointer               user_data,
                    GCancellable          *cancellable,
                    GError               **error)
{
  Demo demo = { 0 };
  Demo *d = &demo;
  g_autoptr(GDate) today = NULL;
  g_autofree char *season = NULL;
  gboolean ok;

  g_return_val_if_fail (MOPS_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!mops_library_is_empty (library))
    {
      g_autofree char *display = mops_library_dup_display_name (library);

      g_set_error (error, MOPS_ERROR, MOPS_ERROR_NOT_EMPTY,
                   _("The demo data set can only be added to an empty library, and “%s” "
                     "already holds files, licences, content, expenses or brand kits"), display);
      return FALSE;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  today = mops_clock_today ();
  d->library = library;
  d->db = mops_library_get_db (library);
  d->today = *today;
  d->now = mops_clock_now_unix ();
  d->year = g_date_get_year (today);
  d->rand = g_rand_new_with_seed (DEMO_SEED);
  d->strings = g_string_chunk_new (4096);
  d->progress = progress;
  d->user_data = user_data;
  d->cancellable = cancellable;
  d->added = g_array_new (FALSE, FALSE, sizeof (gint64));
  season = g_strdup_printf ("%s %d", season_of (today), d->year);
  d->season = season;

  report (d, 0, _("Preparing the demo library…"));
  d->staging = mops_library_create_staging (library, &d->error);
  if (d->staging != NULL)
    {
      d->art = mops_demo_art_new (today);
      ok = fill (d);
      /* the encoders must be done with the staging folder before it goes */
      g_clear_pointer (&d->art, mops_demo_art_free);
      mops_library_release_staging (library, d->staging);
    }
  else
    ok = FALSE;

  if (!ok)
    remove_added_assets (d);
  else
    report (d, 1.0, _("The demo library is ready"));

  demo_clear (d);

  if (!ok)
    {
      g_autofree char *display = mops_library_dup_display_name (library);

      if (d->error == NULL)
        g_set_error_literal (&d->error, MOPS_ERROR, MOPS_ERROR_FAILED, _("Unknown error"));
      if (g_error_matches (d->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, d->error);
      else
        {
          g_set_error (error, d->error->domain, d->error->code,
                       _("Could not fill “%s” with the demo data set: %s"), display,
                       d->error->message);
          g_error_free (d->error);
        }
      return FALSE;
    }

  return TRUE;
}
