/* buf.c - growable, always NUL-terminated byte string. */
#include "tfsight/core.h"

#include <errno.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { SINK_CHUNK = 64 * 1024 };

void tfs_buf_init(tfs_buf *b)
{
	b->cap = 64;
	b->len = 0;
	b->data = xmalloc(b->cap);
	b->data[0] = '\0';
	b->sink = NULL;
	b->sink_errno = 0;
}

static void S_write_out(tfs_buf *b)
{
	if (b->len && !b->sink_errno &&
	    fwrite(b->data, 1, b->len, b->sink) != b->len)
		b->sink_errno = errno ? errno : EIO;
	b->len = 0;
	b->data[0] = '\0';
}

/* After an append: hand full chunks to the sink. */
static void S_maybe_flush(tfs_buf *b)
{
	if (b->sink && b->len >= SINK_CHUNK)
		S_write_out(b);
}

void tfs_buf_set_sink(tfs_buf *b, FILE *f)
{
	b->sink = f;
	S_maybe_flush(b);
}

int tfs_buf_flush(tfs_buf *b)
{
	if (b->sink) {
		S_write_out(b);
		if (!b->sink_errno && fflush(b->sink) != 0)
			b->sink_errno = errno ? errno : EIO;
	}
	return b->sink_errno ? -1 : 0;
}

static void S_reserve(tfs_buf *b, size_t extra)
{
	size_t need = b->len + extra + 1;
	if (need < extra)
		need = tfs_mul_size(extra, 2); /* aborts on wrap-around */
	if (need > b->cap)
		tfs_grow(&b->data, &b->cap, need, 1);
}

void tfs_buf_add(tfs_buf *b, const void *data, size_t len)
{
	S_reserve(b, len);
	memcpy(b->data + b->len, data, len);
	b->len += len;
	b->data[b->len] = '\0';
	S_maybe_flush(b);
}

void tfs_buf_adds(tfs_buf *b, const char *s)
{
	tfs_buf_add(b, s, strlen(s));
}

void tfs_buf_addc(tfs_buf *b, char c)
{
	S_reserve(b, 1);
	b->data[b->len++] = c;
	b->data[b->len] = '\0';
	S_maybe_flush(b);
}

void tfs_buf_pad(tfs_buf *b, char c, size_t n)
{
	S_reserve(b, n);
	memset(b->data + b->len, c, n);
	b->len += n;
	b->data[b->len] = '\0';
	S_maybe_flush(b);
}

void tfs_buf_vaddf(tfs_buf *b, const char *fmt, va_list ap)
{
	va_list cp;
	int n;

	va_copy(cp, ap);
	n = vsnprintf(b->data + b->len, b->cap - b->len, fmt, cp);
	va_end(cp);
	if (n < 0)
		return;
	if ((size_t)n >= b->cap - b->len) {
		S_reserve(b, (size_t)n);
		vsnprintf(b->data + b->len, b->cap - b->len, fmt, ap);
	}
	b->len += (size_t)n;
	S_maybe_flush(b);
}

void tfs_buf_addf(tfs_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	tfs_buf_vaddf(b, fmt, ap);
	va_end(ap);
}

void tfs_buf_truncate(tfs_buf *b, size_t len)
{
	if (len < b->len) {
		b->len = len;
		b->data[len] = '\0';
	}
}

char *tfs_buf_detach(tfs_buf *b, size_t *len)
{
	char *p = b->data;
	if (len)
		*len = b->len;
	b->data = NULL;
	b->len = b->cap = 0;
	return p;
}

void tfs_buf_release(tfs_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

size_t tfs_utf8_hidden(const unsigned char *p, unsigned *cp)
{
	if (p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f) {
		*cp = p[1];
		return 2;
	}
	if (p[0] == 0xd8 && p[1] == 0x9c) {
		*cp = 0x061c;
		return 2;
	}
	if (p[0] == 0xe2 && p[1] == 0x80 &&
	    ((p[2] >= 0x8e && p[2] <= 0x8f) || (p[2] >= 0xa8 && p[2] <= 0xae))) {
		*cp = 0x2000u + (unsigned)(p[2] - 0x80);
		return 3;
	}
	if (p[0] == 0xe2 && p[1] == 0x81 && p[2] >= 0xa6 && p[2] <= 0xa9) {
		*cp = 0x2040u + (unsigned)(p[2] - 0x80);
		return 3;
	}
	return 0;
}

void tfs_buf_add_codepoint(tfs_buf *b, unsigned cp)
{
	tfs_buf_addf(b, "\\u{%04x}", cp);
}

void tfs_buf_add_printable(tfs_buf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	const unsigned char *run = p;
	unsigned cp;
	size_t n;

	while (*p) {
		if (*p < 0x20 || *p == 0x7f) {
			tfs_buf_add(b, run, (size_t)(p - run));
			tfs_buf_addc(b, '?');
			run = ++p;
		} else if ((n = tfs_utf8_hidden(p, &cp)) != 0) {
			tfs_buf_add(b, run, (size_t)(p - run));
			tfs_buf_add_codepoint(b, cp);
			run = p += n;
		} else {
			p++;
		}
	}
	tfs_buf_add(b, run, (size_t)(p - run));
}

size_t tfs_utf8_width(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

void tfs_json_escape(tfs_buf *b, const char *s)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *p = (const unsigned char *)s, *run;

	tfs_buf_addc(b, '"');
	for (run = p;; p++) {
		unsigned char c = *p;
		char u[7];
		const char *esc;

		/* the common case: a byte that stands for itself */
		if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7f)
			continue;
		tfs_buf_add(b, run, (size_t)(p - run));
		if (!c)
			break;
		switch (c) {
		case '"': esc = "\\\""; break;
		case '\\': esc = "\\\\"; break;
		case '\n': esc = "\\n"; break;
		case '\r': esc = "\\r"; break;
		case '\t': esc = "\\t"; break;
		default:
			memcpy(u, "\\u00", 4);
			u[4] = hex[c >> 4];
			u[5] = hex[c & 15];
			u[6] = '\0';
			esc = u;
		}
		tfs_buf_adds(b, esc);
		run = p + 1;
	}
	tfs_buf_addc(b, '"');
}

bool tfs_glob(const char *p, const char *s)
{
	const char *star = NULL, *back = NULL;

	while (*s) {
		if (*p == '*') {
			star = ++p;
			back = s;
		} else if (*p == '?' || *p == *s) {
			p++;
			s++;
		} else if (star) {
			p = star;
			s = ++back;
		} else {
			return false;
		}
	}
	while (*p == '*')
		p++;
	return *p == '\0';
}
