/* text.c - what every terminal table needs. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "tfsight/render.h"

void tfs_text_cell(tfs_buf *b, const char *s, size_t max)
{
	size_t cols = 0;
	const char *p;
	tfs_buf tmp;

	tfs_buf_init(&tmp);
	tfs_buf_add_printable(&tmp, s);
	for (p = tmp.data; *p; p++) {
		if (((unsigned char)*p & 0xc0) != 0x80) {
			if (max && cols == max - 3 && tfs_utf8_width(p) > 3) {
				tfs_buf_add(b, tmp.data, (size_t)(p - tmp.data));
				tfs_buf_adds(b, "...");
				tfs_buf_release(&tmp);
				return;
			}
			cols++;
		}
	}
	tfs_buf_add(b, tmp.data, tmp.len);
	tfs_buf_release(&tmp);
}

bool tfs_excluded_phrase(tfs_buf *b, size_t other_region, size_t not_aws)
{
	if (other_region)
		tfs_buf_addf(b, "%zu resource%s outside sa-east-1", other_region,
		             other_region == 1 ? "" : "s");
	if (other_region && not_aws)
		tfs_buf_adds(b, " and ");
	if (not_aws)
		tfs_buf_addf(b, "%zu%s not on AWS", not_aws,
		             other_region ? "" : not_aws == 1 ? " resource"
		                                              : " resources");
	return other_region || not_aws;
}

void tfs_decimal(tfs_buf *b, double v, int decimals)
{
	char tmp[400]; /* DBL_MAX has 309 digits, and at most 20 decimals */
	size_t n;

	if (decimals > 20)
		decimals = 20;
	if (fabs(v) < 0.5 * pow(10, -decimals))
		v = 0; /* no "-0" */
	snprintf(tmp, sizeof(tmp), "%.*f", decimals, v);
	n = strlen(tmp);
	while (n > 0 && strchr(tmp, '.') && tmp[n - 1] == '0')
		tmp[--n] = '\0';
	if (n > 0 && tmp[n - 1] == '.')
		tmp[--n] = '\0';
	tfs_buf_adds(b, tmp);
}

void tfs_jw_decimal(tfs_jw *w, double v)
{
	tfs_buf t;
	tfs_buf_init(&t);
	tfs_decimal(&t, v, 10);
	tfs_jw_string(w, t.data);
	tfs_buf_release(&t);
}
