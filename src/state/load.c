/*
 * load.c - bytes in, jansson document out.
 *
 * Regular UTF-8 files are parsed as a stream so the reader holds no second
 * copy of a large state; standard input and UTF-16 files are read into
 * memory first (UTF-16 is converted to UTF-8 there).  Integers beyond 64
 * bits (a v3 backend hash, say) make jansson fail; the document is then
 * parsed again with every integer read as a real.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "load.h"

enum { MAX_INPUT = 1024 * 1024 * 1024 };

/* Duplicate keys are accepted, the last one winning, as Terraform (Go's
 * encoding/json) reads them: one of Terraform's own test states has them. */
static const int PARSE_FLAGS = 0;

/* jansson's messages end with "near 'TOKEN'"; a string token may be part of
 * a secret, so it is cut off. */
static void S_set_parse_error(tfs_error *err, const char *name,
                              const json_error_t *je)
{
	char text[sizeof(je->text)];
	char *near;

	memcpy(text, je->text, sizeof(text));
	text[sizeof(text) - 1] = '\0';
	near = strstr(text, " near '\"");
	if (near)
		*near = '\0';
	near = strstr(text, " without JSON_ALLOW_NUL");
	if (near)
		memcpy(near, " in a string", sizeof(" in a string"));
	tfs_error_set(err, TFS_EXIT_INPUT, name, je->line > 0 ? je->line : 0,
	              je->column > 0 ? je->column : 0, NULL,
	              "invalid JSON: %s", text);
}

static json_t *S_parse_buffer(const char *name, const char *data, size_t len,
                              tfs_error *err)
{
	json_error_t je;
	json_t *root = json_loadb(data, len, PARSE_FLAGS, &je);

	if (!root && json_error_code(&je) == json_error_numeric_overflow)
		root = json_loadb(data, len, PARSE_FLAGS | JSON_DECODE_INT_AS_REAL,
		                  &je);
	if (!root)
		S_set_parse_error(err, name, &je);
	return root;
}

/* UTF-16 (with its byte-order mark already removed) to UTF-8. */
static bool S_utf16_to_utf8(const char *name, const unsigned char *p,
                            size_t len, bool big_endian, tfs_buf *out,
                            tfs_error *err)
{
	size_t i = 0;

	if (len % 2)
		return tfs_error_set(err, TFS_EXIT_INPUT, name, 0, 0, NULL,
		                     "invalid UTF-16: odd number of bytes");
	while (i < len) {
		unsigned long cp, lo;
		char u[4];
		size_t n;

		cp = big_endian ? (unsigned long)(p[i] << 8 | p[i + 1])
		                : (unsigned long)(p[i + 1] << 8 | p[i]);
		i += 2;
		if (cp >= 0xd800 && cp <= 0xdbff) {
			if (i >= len)
				goto bad;
			lo = big_endian ? (unsigned long)(p[i] << 8 | p[i + 1])
			                : (unsigned long)(p[i + 1] << 8 | p[i]);
			if (lo < 0xdc00 || lo > 0xdfff)
				goto bad;
			i += 2;
			cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
		} else if (cp >= 0xdc00 && cp <= 0xdfff) {
			goto bad;
		}
		if (cp < 0x80) {
			u[0] = (char)cp;
			n = 1;
		} else if (cp < 0x800) {
			u[0] = (char)(0xc0 | cp >> 6);
			u[1] = (char)(0x80 | (cp & 0x3f));
			n = 2;
		} else if (cp < 0x10000) {
			u[0] = (char)(0xe0 | cp >> 12);
			u[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
			u[2] = (char)(0x80 | (cp & 0x3f));
			n = 3;
		} else {
			u[0] = (char)(0xf0 | cp >> 18);
			u[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
			u[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
			u[3] = (char)(0x80 | (cp & 0x3f));
			n = 4;
		}
		tfs_buf_add(out, u, n);
		continue;
	bad:
		return tfs_error_set(err, TFS_EXIT_INPUT, name, 0, 0, NULL,
		                     "invalid UTF-16: unpaired surrogate at byte %zu",
		                     i - 2 + 2 /* after the byte-order mark */);
	}
	return true;
}

/* Decide the encoding from the first bytes. */
typedef enum { ENC_UTF8, ENC_UTF8_BOM, ENC_UTF16LE, ENC_UTF16BE } S_encoding;

static bool S_sniff(const char *name, const unsigned char *p, size_t n,
                    S_encoding *enc, tfs_error *err)
{
	if (n >= 4 && ((p[0] == 0 && p[1] == 0 && p[2] == 0xfe && p[3] == 0xff) ||
	               (p[0] == 0xff && p[1] == 0xfe && p[2] == 0 && p[3] == 0)))
		return tfs_error_set(err, TFS_EXIT_INPUT, name, 0, 0, NULL,
		                     "UTF-32 input is not supported; "
		                     "convert it to UTF-8");
	if (n >= 3 && p[0] == 0xef && p[1] == 0xbb && p[2] == 0xbf)
		*enc = ENC_UTF8_BOM;
	else if (n >= 2 && p[0] == 0xff && p[1] == 0xfe)
		*enc = ENC_UTF16LE;
	else if (n >= 2 && p[0] == 0xfe && p[1] == 0xff)
		*enc = ENC_UTF16BE;
	else if (n >= 4 && ((p[0] && !p[1] && p[2] && !p[3]) ||
	                    (!p[0] && p[1] && !p[2] && p[3])))
		return tfs_error_set(err, TFS_EXIT_INPUT, name, 0, 0, NULL,
		                     "looks like UTF-16 without a byte-order mark; "
		                     "save it as UTF-8 (or UTF-16 with a BOM)");
	else
		*enc = ENC_UTF8;
	return true;
}

json_t *tfs_load_json_buffer(const char *name, const char *data, size_t len,
                             tfs_error *err)
{
	const unsigned char *p = (const unsigned char *)data;
	S_encoding enc = ENC_UTF8;
	json_t *root;
	tfs_buf u8;

	if (len == 0) {
		tfs_error_set(err, TFS_EXIT_INPUT, name, 0, 0, NULL,
		              "file is empty; expected a Terraform state or plan "
		              "in JSON");
		return NULL;
	}
	if (!S_sniff(name, p, len, &enc, err))
		return NULL;
	switch (enc) {
	case ENC_UTF8:
		return S_parse_buffer(name, data, len, err);
	case ENC_UTF8_BOM:
		return S_parse_buffer(name, data + 3, len - 3, err);
	case ENC_UTF16LE:
	case ENC_UTF16BE:
		break;
	}
	tfs_buf_init(&u8);
	root = NULL;
	if (S_utf16_to_utf8(name, p + 2, len - 2, enc == ENC_UTF16BE, &u8, err))
		root = S_parse_buffer(name, u8.data, u8.len, err);
	tfs_buf_release(&u8);
	return root;
}

static bool S_read_all(const char *name, FILE *f, tfs_buf *out, tfs_error *err)
{
	char chunk[65536];
	size_t n;

	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		if (out->len + n > MAX_INPUT)
			return tfs_error_set(err, TFS_EXIT_INPUT, name, 0, 0, NULL,
			                     "input is larger than 1 GiB");
		tfs_buf_add(out, chunk, n);
	}
	if (ferror(f))
		return tfs_error_set(err, TFS_EXIT_INPUT, name, 0, 0, NULL,
		                     "cannot read: %s", strerror(errno));
	return true;
}

/* Streaming source for json_load_callback: the sniffed prefix, then the
 * rest of the file. */
typedef struct {
	FILE *f;
	const unsigned char *prefix;
	size_t prefix_len;
	size_t prefix_pos;
	bool read_error;
} S_stream;

static size_t S_stream_read(void *buffer, size_t size, void *data)
{
	S_stream *s = data;
	size_t n;

	if (s->prefix_pos < s->prefix_len) {
		n = s->prefix_len - s->prefix_pos;
		if (n > size)
			n = size;
		memcpy(buffer, s->prefix + s->prefix_pos, n);
		s->prefix_pos += n;
		return n;
	}
	n = fread(buffer, 1, size, s->f);
	if (n == 0 && ferror(s->f)) {
		s->read_error = true;
		return (size_t)-1;
	}
	return n;
}

static json_t *S_parse_stream(const char *name, FILE *f,
                              const unsigned char *prefix, size_t prefix_len,
                              int flags, json_error_t *je, bool *read_error)
{
	S_stream s = {f, prefix, prefix_len, 0, false};
	json_t *root = json_load_callback(S_stream_read, &s, flags, je);
	(void)name;
	*read_error = s.read_error;
	return root;
}

json_t *tfs_load_json_file(const char *name, tfs_error *err)
{
	unsigned char head[4];
	struct stat sb;
	json_error_t je;
	json_t *root = NULL;
	S_encoding enc = ENC_UTF8;
	bool read_error;
	size_t n;
	FILE *f;

	if (strcmp(name, "-") == 0) {
		tfs_buf b;
		tfs_buf_init(&b);
		if (S_read_all("<stdin>", stdin, &b, err))
			root = tfs_load_json_buffer("<stdin>", b.data, b.len, err);
		tfs_buf_release(&b);
		return root;
	}
	f = fopen(name, "rb");
	if (!f) {
		tfs_error_set(err, TFS_EXIT_INPUT, name, 0, 0, NULL,
		              "cannot open: %s", strerror(errno));
		return NULL;
	}
	if (fstat(fileno(f), &sb) == 0 && S_ISDIR(sb.st_mode)) {
		tfs_error_set(err, TFS_EXIT_INPUT, name, 0, 0, NULL,
		              "is a directory, not a state file");
		goto out;
	}
	if (fstat(fileno(f), &sb) == 0 && S_ISREG(sb.st_mode) &&
	    sb.st_size > MAX_INPUT) {
		tfs_error_set(err, TFS_EXIT_INPUT, name, 0, 0, NULL,
		              "input is larger than 1 GiB");
		goto out;
	}
	n = fread(head, 1, sizeof(head), f);
	if (n == 0) {
		if (ferror(f))
			tfs_error_set(err, TFS_EXIT_INPUT, name, 0, 0, NULL,
			              "cannot read: %s", strerror(errno));
		else
			root = tfs_load_json_buffer(name, "", 0, err);
		goto out;
	}
	if (!S_sniff(name, head, n, &enc, err))
		goto out;
	if (enc == ENC_UTF16LE || enc == ENC_UTF16BE) {
		tfs_buf b;
		tfs_buf_init(&b);
		tfs_buf_add(&b, head, n);
		if (S_read_all(name, f, &b, err))
			root = tfs_load_json_buffer(name, b.data, b.len, err);
		tfs_buf_release(&b);
		goto out;
	}
	{
		size_t skip = enc == ENC_UTF8_BOM ? 3 : 0;
		root = S_parse_stream(name, f, head + skip, n - skip,
		                      PARSE_FLAGS, &je, &read_error);
		if (!root && !read_error &&
		    json_error_code(&je) == json_error_numeric_overflow &&
		    fseek(f, skip ? 3L : 0L, SEEK_SET) == 0) {
			clearerr(f);
			root = S_parse_stream(name, f, NULL, 0,
			                      PARSE_FLAGS | JSON_DECODE_INT_AS_REAL,
			                      &je, &read_error);
		}
		if (!root && read_error)
			tfs_error_set(err, TFS_EXIT_INPUT, name, 0, 0, NULL,
			              "cannot read: %s", strerror(errno));
		else if (!root)
			S_set_parse_error(err, name, &je);
	}
out:
	fclose(f);
	return root;
}
