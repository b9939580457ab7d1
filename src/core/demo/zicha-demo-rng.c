/* zicha-demo-rng.c — the pseudo-random generator of the demo generator
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * xoshiro256** (Blackman & Vigna), seeded by splitmix64: fixed here so that the output never
 * depends on GLib's choice of generator. The draws (rng_next, rng_below, rng_range,
 * rng_permille) are inline in zicha-demo-private.h; this file seeds the state.
 */
#define G_LOG_DOMAIN "zicha-demo"

#include "config.h"

#include "zicha-demo-private.h"

static guint64
splitmix64 (guint64 *x)
{
  guint64 z = (*x += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

void
demo_rng_seed (Rng     *r,
               guint64  seed)
{
  guint i;

  for (i = 0; i < 4; i++)
    r->s[i] = splitmix64 (&seed);
}
