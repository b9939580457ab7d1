/* test-line-break.c — the report's Chinese line breaking (PLATFORM.md's rules)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-line-break"

#include "config.h"

#include <string.h>

#include "zicha-line-break.h"

/* Like a real font: a CJK character (or full-width punctuation) is 1, ASCII is 0.5. */
static double
measure (const char *text,
         gsize       len,
         gpointer    data)
{
  double w = 0;

  for (const char *p = text; p < text + len; p = g_utf8_next_char (p))
    w += g_utf8_get_char (p) < 0x80 ? 0.5 : 1.0;
  return w;
}

static char *
joined (const char *text,
        double      width)
{
  g_auto(GStrv) lines = zicha_line_break (text, width, measure, NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      gunichar first = g_utf8_get_char (lines[i]);
      const char *end = lines[i] + strlen (lines[i]);

      g_assert_cmpfloat (measure (lines[i], strlen (lines[i]), NULL), <=, width);
      g_assert_false (zicha_line_break_no_start (first));
      if (end > lines[i])
        g_assert_false (zicha_line_break_no_end (g_utf8_get_char (g_utf8_prev_char (end))));
    }
  return g_strjoinv ("|", lines);
}

static void
test_cjk (void)
{
  g_autofree char *a = joined ("中文排版测试", 3);
  g_autofree char *b = joined ("中文排版测试", 6);
  g_autofree char *c = joined ("中文排版测试", 100);

  g_assert_cmpstr (a, ==, "中文排|版测试");
  g_assert_cmpstr (b, ==, "中文排版测试");
  g_assert_cmpstr (c, ==, "中文排版测试");
}

static void
test_punctuation (void)
{
  /* the comma may not start a line: it goes with 三, which moves down with it */
  g_autofree char *a = joined ("一二三，四五", 3);
  /* the opening bracket may not end a line, the closing one not start one */
  g_autofree char *b = joined ("一二（三）四", 3);
  g_autofree char *c = joined ("认证。结论：符合。", 2);
  g_autofree char *d = joined ("共5项（详见附件1），已整改。", 4);

  g_assert_cmpstr (a, ==, "一二|三，四|五");
  g_assert_cmpstr (b, ==, "一二|（三）|四");
  g_assert_cmpstr (c, ==, "认|证。|结|论：|符|合。");
  g_assert_cmpstr (d, ==, "共5项|（详见附|件1），|已整改。");
}

static void
test_latin_runs (void)
{
  /* an approval number, a year and a scope code stay whole */
  g_autofree char *a = joined ("批准书编号CNCA-R-2002-117号", 10);
  g_autofree char *b = joined ("专业代码17.06.01和2021年", 6);
  g_autofree char *c = joined ("hello world foo", 5);
  /* a joiner only joins between letters and digits: the hyphen at the end stays alone */
  g_autofree char *d = joined ("AB- CD", 1.5);

  g_assert_cmpstr (a, ==, "批准书编号|CNCA-R-2002-117号");
  g_assert_cmpstr (b, ==, "专业代码|17.06.01和|2021年");
  g_assert_cmpstr (c, ==, "hello|world foo");
  g_assert_cmpstr (d, ==, "AB-|CD");
}

static void
test_lines_and_long_pieces (void)
{
  g_autofree char *a = joined ("第一行\n\n第三行", 10);
  g_autofree char *b = joined ("ABCDEFGHIJKL", 3);
  g_autofree char *c = joined ("", 3);

  g_assert_cmpstr (a, ==, "第一行||第三行");
  /* wider than a line and unbreakable: cut between characters */
  g_assert_cmpstr (b, ==, "ABCDEF|GHIJKL");
  g_assert_cmpstr (c, ==, "");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/line-break/cjk", test_cjk);
  g_test_add_func ("/line-break/punctuation", test_punctuation);
  g_test_add_func ("/line-break/latin-runs", test_latin_runs);
  g_test_add_func ("/line-break/lines-and-long-pieces", test_lines_and_long_pieces);
  return g_test_run ();
}
