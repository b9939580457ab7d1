/* zicha-demo-private.h — name and text tables of the demo generator
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  DEMO_QMS,
  DEMO_EMS,
  DEMO_OHSMS,
  DEMO_FSMS,
  DEMO_ISMS,
  DEMO_N_SCHEMES
} DemoScheme;

#define DEMO_SCHEME_BIT(s) (1u << (s))

typedef struct
{
  const char *code;          /* business scope code, "19.05.01" */
  const char *text;          /* scope text, "电子元器件的设计和生产" */
} DemoItem;

#define DEMO_MAX_ITEMS 4
#define DEMO_MAX_WORDS 4

typedef struct
{
  const char *code;                     /* top-level code, "19" */
  guint       weight;                   /* share of organizations; 0: planted only */
  guint       schemes;                  /* DEMO_SCHEME_BIT of the schemes certified here */
  guint       complexity;               /* EMS/OHSMS category: 0 high … 3 limited */
  const char *words[DEMO_MAX_WORDS];    /* industry words of company names */
  DemoItem    items[DEMO_MAX_ITEMS];
} DemoSector;

typedef struct
{
  const char *province;      /* "江苏省" */
  const char *city;          /* "苏州市" */
  const char *short_name;    /* "苏州" */
  const char *division;      /* GB/T 2260 code, "320500" */
  const char *district;      /* a district of the city, for addresses */
} DemoCity;

extern const char *const demo_scheme_codes[DEMO_N_SCHEMES];

extern const DemoSector demo_sectors[];
extern const guint      demo_n_sectors;

extern const DemoCity   demo_cities[];
extern const guint      demo_n_cities;

extern const char *const demo_surnames[];
extern const guint       demo_n_surnames;
extern const char *const demo_given[];
extern const guint       demo_n_given;
extern const char *const demo_brand_chars[];
extern const guint       demo_n_brand_chars;
extern const char *const demo_roads[];
extern const guint       demo_n_roads;

extern const char *const demo_suspend_reasons[];
extern const guint       demo_n_suspend_reasons;
extern const char *const demo_cancel_reasons[];
extern const guint       demo_n_cancel_reasons;
extern const char *const demo_complaints[];
extern const guint       demo_n_complaints;
extern const char *const demo_watch_sources[];
extern const guint       demo_n_watch_sources;
extern const char *const demo_watch_notes[];
extern const guint       demo_n_watch_notes;
extern const char *const demo_penalty_summaries[];
extern const guint       demo_n_penalty_summaries;

G_END_DECLS
