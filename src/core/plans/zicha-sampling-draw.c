/* zicha-sampling-draw.c — reproducible draws: the generator, weighted draws, shares
 *
 * Copyright 2026 The Zicha authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A sample must be drawn again, certificate for certificate, from its seed on any machine.
 * So nothing here depends on the platform: the generator is xoshiro256** seeded through
 * splitmix64 (both defined on 64-bit unsigned integers), a number below a bound is taken by
 * rejecting the short tail (no modulo bias, no floating point), and a weighted draw without
 * replacement picks a whole number below the total weight left and finds whose weight it
 * falls in with a Fenwick tree (O(log n) per draw). Weights are whole numbers (1 + a risk
 * score), so the probabilities are exact fractions; no double is ever compared. This is
 * successive sampling: each next certificate with probability w / (sum of the w left), the
 * same distribution as the u^(1/w) keys of Efraimidis and Spirakis (2006), without their
 * pow () whose last bits differ between C libraries.
 */
#define G_LOG_DOMAIN "zicha-sampling"

#include "config.h"

#include "zicha-sampling-private.h"

/* splitmix64 (Steele, Lea and Flood, 2014): fills the state from one 64-bit seed. */
static guint64
splitmix64 (guint64 *x)
{
  guint64 z = (*x += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

static inline guint64
rotl (guint64 x,
      int     k)
{
  return (x << k) | (x >> (64 - k));
}

void
_zicha_rng_init (ZichaRng *rng,
                 guint64   seed)
{
  guint64 x = seed;

  for (guint i = 0; i < 4; i++)
    rng->s[i] = splitmix64 (&x);
}

guint64
_zicha_rng_next (ZichaRng *rng)
{
  guint64 *s = rng->s;
  guint64 result = rotl (s[1] * 5, 7) * 9;
  guint64 t = s[1] << 17;

  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl (s[3], 45);
  return result;
}

guint64
_zicha_rng_below (ZichaRng *rng,
                  guint64   bound)
{
  /* 2^64 mod bound: the numbers below it would make the low residues likelier */
  guint64 threshold = (G_GUINT64_CONSTANT (0) - bound) % bound;

  g_assert (bound > 0);
  for (;;)
    {
      guint64 r = _zicha_rng_next (rng);

      if (r >= threshold)
        return r % bound;
    }
}

/* Fenwick tree (1-based) of the weights left. */
static void
fenwick_add (guint64 *tree,
             guint    n,
             guint    index,
             gint64   delta)
{
  for (guint i = index + 1; i <= n; i += i & (~i + 1))
    tree[i] += (guint64) delta;
}

/* The index whose weight holds @r: the first whose prefix sum exceeds @r. */
static guint
fenwick_find (const guint64 *tree,
              guint          n,
              guint64        r)
{
  guint pos = 0, step = 1;

  while (step <= n / 2)
    step <<= 1;
  for (; step > 0; step >>= 1)
    if (pos + step <= n && tree[pos + step] <= r)
      {
        pos += step;
        r -= tree[pos];
      }
  return pos;
}

void
_zicha_sampling_draw_indices (ZichaRng      *rng,
                              const guint64 *weights,
                              guint          n,
                              guint          k,
                              guint         *out)
{
  g_autofree guint64 *tree = NULL;
  guint64 total = 0;

  g_assert (k <= n);
  if (k == 0)
    return;
  tree = g_new0 (guint64, (gsize) n + 1);
  for (guint i = 0; i < n; i++)
    {
      guint64 w = weights != NULL ? weights[i] : 1;

      g_assert (w > 0);
      tree[i + 1] += w;
      total += w;
      /* linear construction: pass the node's sum to its parent */
      if (i + 1 + ((i + 1) & (~(i + 1) + 1)) <= n)
        tree[i + 1 + ((i + 1) & (~(i + 1) + 1))] += tree[i + 1];
    }
  for (guint j = 0; j < k; j++)
    {
      guint64 r = _zicha_rng_below (rng, total);
      guint index = fenwick_find (tree, n, r);
      guint64 w = weights != NULL ? weights[index] : 1;

      out[j] = index;
      fenwick_add (tree, n, index, -(gint64) w);
      total -= w;
    }
}

void
_zicha_sampling_share (const guint *frame_sizes,
                       guint        n,
                       guint        total,
                       guint       *out)
{
  g_autofree guint64 *remainders = g_new0 (guint64, MAX (n, 1));
  guint64 frame = 0;
  guint given = 0;

  for (guint i = 0; i < n; i++)
    frame += frame_sizes[i];
  g_assert (total <= frame);
  if (frame == 0)
    {
      for (guint i = 0; i < n; i++)
        out[i] = 0;
      return;
    }
  for (guint i = 0; i < n; i++)
    {
      guint64 quota = (guint64) frame_sizes[i] * total;

      out[i] = (guint) (quota / frame);
      remainders[i] = quota % frame;
      given += out[i];
    }
  /* what is left (fewer than n) goes to the largest remainders, ties to the lower index */
  while (given < total)
    {
      guint best = G_MAXUINT;

      for (guint i = 0; i < n; i++)
        if (remainders[i] > 0 && (best == G_MAXUINT || remainders[i] > remainders[best]))
          best = i;
      g_assert (best != G_MAXUINT);
      out[best]++;
      remainders[best] = 0;
      given++;
    }
}

guint
_zicha_sampling_default_size (guint n)
{
  guint64 r = 0;

  while (r * r < n)
    r++;
  return (guint) r;
}
