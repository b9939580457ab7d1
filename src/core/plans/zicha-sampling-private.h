/* zicha-sampling-private.h — what the sampling files share, and what tests look into
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The generator and the drawing (zicha-sampling-draw.c) know nothing of the database: they
 * work on arrays of integers, so that the same seed gives the same indices everywhere. The
 * frame (zicha-sampling-frame.c) is read from the database, ordered by cert_no. */
#pragma once

#include "zicha-plans-private.h"
#include "zicha-sampling.h"

G_BEGIN_DECLS

/* xoshiro256** (Blackman and Vigna, 2018), its state filled by splitmix64 from the seed. */
typedef struct
{
  guint64 s[4];
} ZichaRng;

void      _zicha_rng_init            (ZichaRng        *rng,
                                      guint64          seed);
guint64   _zicha_rng_next            (ZichaRng        *rng);
/* A whole number in [0, @bound), @bound > 0, without bias (rejection of the short tail). */
guint64   _zicha_rng_below           (ZichaRng        *rng,
                                      guint64          bound);

/* Draws @k of the @n indices 0 … n-1 without replacement, each next one with probability
 * proportional to its weight among those left (successive sampling, which gives the
 * distribution of Efraimidis–Spirakis's u^(1/w) keys) — with integers only: a number below
 * the total weight left is drawn and found in a Fenwick tree of the weights. @weights NULL:
 * all weights 1 (simple random sampling). Writes the indices in drawing order to @out. */
void      _zicha_sampling_draw_indices (ZichaRng      *rng,
                                        const guint64 *weights,
                                        guint          n,
                                        guint          k,
                                        guint         *out);

/* Shares @total (at most the sum of @frame_sizes) among @n strata in proportion to their
 * frame sizes: each gets the whole part of its quota, and what is left goes one by one to
 * the largest remainders, ties to the lower index. Into @out. */
void      _zicha_sampling_share      (const guint     *frame_sizes,
                                      guint            n,
                                      guint            total,
                                      guint           *out);

/* Frees a stratum of a sample or a preview. */
void      _zicha_sample_stratum_free (ZichaSampleStratum *stratum);

/* ceil (sqrt (@n)) in integers. */
guint     _zicha_sampling_default_size (guint          n);

/* A certificate of the frame. */
typedef struct
{
  gint64    cert;
  char     *cert_no;
  char     *scheme;
  char     *lead;       /* the lead auditor's person_id, NULL when none */
  gint64    score;      /* certificates.risk_score */
  guint     hits;       /* open and confirmed hits behind the score */
  gboolean  key;        /* a high-severity open or confirmed hit of its own */
} ZichaFrameEntry;

void      _zicha_frame_entry_free    (ZichaFrameEntry *entry);

/* The frame of @spec (date @valid_on, already checked), ordered by cert_no; with
 * @with_hits, the hits and key flag of each certificate too. A GPtrArray of
 * ZichaFrameEntry*, NULL on error. */
GPtrArray *_zicha_sampling_read_frame (ZichaDb               *db,
                                       const ZichaSampleSpec *spec,
                                       const char            *valid_on,
                                       gboolean               with_hits,
                                       GError               **error);

G_END_DECLS
