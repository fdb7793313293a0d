/* text.c - what every terminal table needs. */
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
