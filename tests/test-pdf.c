/* test-pdf.c — the 公文 layout of the report's PDF, read back with poppler's tools
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-pdf"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "zicha-pdf.h"
#include "zicha-test-utils.h"

static char *
run_tool (const char *tool,
          const char *arg,
          const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status = 0;
  const char *argv[] = { tool, arg, path, "-", NULL };

  if (strcmp (tool, "pdffonts") == 0)
    argv[3] = NULL;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL,
                               G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

static guint
count (const char *text,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static void
test_layout (void)
{
  ZichaPdfOptions options = { "自查整改报告", "华衡信达认证有限公司", NULL, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(ZichaPdf) pdf = zicha_pdf_new (&options, &error);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *path = zicha_test_path ("layout.pdf");
  g_autofree char *text = NULL;
  g_autofree char *fonts = NULL;
  g_autofree char *info = NULL;
  const char *titles[] = { "认证领域", "条目", "说明" };
  const double widths[] = { 1, 1, 3 };
  const char *labels[] = { "合法合规", "人员职业操守", "“两张皮”现象", "机构能力建设" };
  const gint64 values[] = { 12, 7, 3, 5 };
  g_auto(GStrv) lines = NULL;
  guint n_pages;

  g_assert_no_error (error);
  zicha_pdf_header (pdf, "华衡信达认证有限公司文件", "华信认〔2026〕5号", "王建国");
  zicha_pdf_title (pdf, "关于认证质量自查整改情况的报告");
  zicha_pdf_addressee (pdf, "北京市市场监督管理局");
  zicha_pdf_paragraph (pdf, "根据《市场监管总局办公厅关于深入开展认证机构认证质量自查工作的通知》"
                            "（市监认证〔2019〕18号）要求，现将有关情况报告如下。");
  zicha_pdf_heading1 (pdf, "一、认证机构基本情况");
  zicha_pdf_heading2 (pdf, "（一）获批从业范围");
  for (guint i = 0; i < 60; i++)
    {
      g_ptr_array_add (cells, g_strdup_printf ("QMS-%u", i));
      g_ptr_array_add (cells, g_strdup_printf ("%u", i));
      g_ptr_array_add (cells, g_strdup ("一条足够长、需要在单元格内换行显示的说明文字"));
    }
  zicha_pdf_table (pdf, 3, titles, widths, 60, (const char * const *) cells->pdata);
  zicha_pdf_bar_chart (pdf, "按自查重点统计的问题数", 4, labels, values, 40);
  zicha_pdf_signature (pdf, "华衡信达认证有限公司", "2026年12月6日");
  zicha_pdf_new_page (pdf);
  zicha_pdf_title (pdf, "统计表");
  zicha_pdf_colophon (pdf, "国家市场监督管理总局认证监督管理司", "华衡信达认证有限公司综合部",
                      "2026年12月6日");
  n_pages = zicha_pdf_get_n_pages (pdf);
  bytes = zicha_pdf_finish (pdf, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                      (gssize) g_bytes_get_size (bytes), &error));

  text = run_tool ("pdftotext", "-layout", path);
  g_assert_nonnull (strstr (text, "华衡信达认证有限公司文件"));
  g_assert_nonnull (strstr (text, "华信认〔2026〕5号"));
  g_assert_nonnull (strstr (text, "王建国"));
  g_assert_nonnull (strstr (text, "北京市市场监督管理局："));
  g_assert_nonnull (strstr (text, "一、认证机构基本情况"));
  g_assert_nonnull (strstr (text, "（一）获批从业范围"));
  g_assert_nonnull (strstr (text, "2026年12月6日"));
  /* a page number on every page, "— N —" */
  g_assert_cmpuint (n_pages, >=, 4);
  for (guint p = 1; p <= n_pages; p++)
    {
      g_autofree char *number = g_strdup_printf ("— %u —", p);

      g_assert_nonnull (strstr (text, number));
    }
  /* the table runs over pages and its header comes again on each */
  g_assert_cmpuint (count (text, "认证领域"), >=, 2);
  g_assert_nonnull (strstr (text, "QMS-0 "));
  g_assert_nonnull (strstr (text, "QMS-59"));
  /* no line of the table's cells starts with a comma */
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    g_assert_false (g_str_has_prefix (g_strchug (lines[i]), "，"));

  /* every font is embedded */
  fonts = run_tool ("pdffonts", path, NULL);
  g_assert_cmpuint (count (fonts, "CID TrueType"), ==, 3);
  g_assert_cmpuint (count (fonts, " yes yes yes "), ==, 3);

  /* the metadata */
  info = run_tool ("pdfinfo", path, NULL);
  g_assert_nonnull (strstr (info, "自查整改报告"));
  g_assert_nonnull (strstr (info, "华衡信达认证有限公司"));
  g_assert_nonnull (strstr (info, "A4"));
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  int status;

  g_test_init (&argc, &argv, NULL);
  zicha_test_home_init ("pdf");
  if (pdftotext == NULL)
    {
      g_test_skip ("poppler-utils is not installed");
      zicha_test_home_remove ();
      return 77;
    }
  g_test_add_func ("/pdf/layout", test_layout);
  status = g_test_run ();
  zicha_test_home_remove ();
  return status;
}
