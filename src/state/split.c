/*
 * split.c - a large raw state parsed on several threads.
 *
 * jansson parses on one thread at about 40 MB/s, and a raw state is nearly
 * all one array: the top-level "resources".  A first pass over the bytes
 * (strings, nesting and commas only, no values) finds that array and cuts
 * it at element boundaries into one piece per thread.  Each piece is
 * parsed by jansson as {"r":[...piece...]}, at the same depth as in the
 * whole document, and the rest of the document (everything but the
 * array's elements) is parsed as one more piece.  The elements are then
 * appended to the empty "resources" array in file order: the same
 * document a serial parse gives.
 *
 * Whenever anything is not as expected (no single top-level "resources"
 * array, a piece that does not parse, a read error), the split declines
 * and the caller parses the file whole, which also gives the error its
 * line and column.  The pass never has to judge a document: jansson does.
 *
 * Values come from per-piece arenas when the caller's thread has an arena
 * bound (jalloc.c); they are moved into the caller's arena at the end.
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "load.h"

enum {
	SPLIT_MIN = 4 * 1024 * 1024, /* smaller files are parsed whole */
	MAX_PIECES = 16,
	KEY_MAX = 16
};

/* Where the pass found the array and its cuts (file offsets). */
typedef struct {
	off_t open, close;         /* the array's '[' and ']' */
	off_t cuts[MAX_PIECES];    /* commas between elements */
	size_t ncuts;
} S_layout;

static bool S_is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The structural pass.  pieces - 1 cuts are placed at the first element
 * boundary after each 1/pieces of the file. */
static bool S_scan(int fd, off_t size, size_t pieces, S_layout *l)
{
	unsigned char buf[65536];
	char key[KEY_MAX];
	size_t keylen = 0, resources_seen = 0;
	int depth = 0;
	bool in_str = false, esc = false, expect_key = false, key_long = false;
	bool value_next = false, in_array = false, started = false;
	off_t off = 0, target = size / (off_t)pieces;
	ssize_t n;

	memset(l, 0, sizeof(*l));
	l->open = l->close = -1;
	while ((n = pread(fd, buf, sizeof(buf), off)) > 0) {
		ssize_t i;
		for (i = 0; i < n; i++, off++) {
			int c = buf[i];

			if (in_str) {
				if (esc) {
					esc = false;
				} else if (c == '\\') {
					esc = true;
				} else if (c == '"') {
					in_str = false;
					if (depth == 1 && expect_key) {
						expect_key = false;
						value_next = false;
					}
					continue;
				}
				if (depth == 1 && expect_key) {
					if (keylen < KEY_MAX)
						key[keylen++] = (char)c;
					else
						key_long = true;
				}
				continue;
			}
			if (S_is_space(c))
				continue;
			if (!started) {
				if (c != '{')
					return false; /* not an object: parse it whole */
				started = true;
			}
			if (value_next) {
				/* the first byte of a top-level value */
				value_next = false;
				if (!key_long && keylen == 9 &&
				    memcmp(key, "resources", 9) == 0) {
					if (c != '[' || ++resources_seen > 1)
						return false;
					l->open = off;
					in_array = true;
				}
			}
			switch (c) {
			case '"':
				in_str = true;
				if (depth == 1 && expect_key) {
					keylen = 0;
					key_long = false;
				}
				break;
			case '{':
			case '[':
				depth++;
				if (depth == 1)
					expect_key = true;
				break;
			case '}':
			case ']':
				depth--;
				if (in_array && depth == 1) {
					in_array = false;
					l->close = off;
				}
				if (depth < 0)
					return false;
				break;
			case ':':
				if (depth == 1)
					value_next = true;
				break;
			case ',':
				if (depth == 1)
					expect_key = true;
				else if (in_array && depth == 2 && off >= target &&
				         l->ncuts + 1 < pieces) {
					l->cuts[l->ncuts++] = off;
					target = size / (off_t)pieces *
					         (off_t)(l->ncuts + 1);
				}
				break;
			default:
				break;
			}
		}
	}
	return n == 0 && depth == 0 && !in_str && resources_seen == 1 &&
	       l->close > l->open && l->ncuts > 0;
}

/* One piece: literal text and file ranges, read in turn. */
typedef struct {
	const char *text; /* NULL: the file range [start, end) */
	off_t start, end;
} S_segment;

typedef struct {
	int fd;
	S_segment seg[3];
	size_t nseg, at;
	off_t pos; /* within the current file range */
	bool read_error;
	tfs_arena arena;
	json_t *doc;
} S_piece;

static size_t S_piece_read(void *buffer, size_t size, void *data)
{
	S_piece *p = data;

	while (p->at < p->nseg) {
		const S_segment *s = &p->seg[p->at];
		size_t n;

		if (s->text) {
			size_t len = strlen(s->text);
			if ((size_t)p->pos >= len) {
				p->at++;
				p->pos = 0;
				continue;
			}
			n = len - (size_t)p->pos;
			if (n > size)
				n = size;
			memcpy(buffer, s->text + p->pos, n);
		} else {
			ssize_t r;
			if (s->start + p->pos >= s->end) {
				p->at++;
				p->pos = 0;
				continue;
			}
			n = (size_t)(s->end - s->start - p->pos);
			if (n > size)
				n = size;
			r = pread(p->fd, buffer, n, s->start + p->pos);
			if (r <= 0) {
				p->read_error = true;
				return (size_t)-1;
			}
			n = (size_t)r;
		}
		p->pos += (off_t)n;
		return n;
	}
	return 0;
}

typedef struct {
	S_piece *pieces;
	bool bind; /* allocate from each piece's arena */
} S_job;

static void S_parse_piece(void *ctx, size_t i)
{
	S_job *j = ctx;
	S_piece *p = &j->pieces[i];
	json_error_t je;

	if (j->bind)
		tfs_json_bind(&p->arena);
	p->doc = json_load_callback(S_piece_read, p, 0, &je);
	if (j->bind)
		tfs_json_bind(NULL);
}

static void S_file_range(S_segment *s, off_t start, off_t end)
{
	s->text = NULL;
	s->start = start;
	s->end = end;
}

json_t *tfs_load_json_split(const char *name, int jobs, tfs_arena *doc_arena)
{
	S_piece pieces[MAX_PIECES + 1];
	S_layout l;
	S_job job;
	struct stat sb;
	json_t *root = NULL, *resources;
	size_t npieces, k;
	bool ok = true;
	int fd;

	if (jobs < 2 || strcmp(name, "-") == 0)
		return NULL;
	fd = open(name, O_RDONLY);
	if (fd < 0)
		return NULL;
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode) ||
	    sb.st_size < SPLIT_MIN ||
	    !S_scan(fd, sb.st_size, jobs > MAX_PIECES ? MAX_PIECES : (size_t)jobs,
	            &l)) {
		close(fd);
		return NULL;
	}
	/* piece 0: the document with the array emptied; then the elements */
	memset(pieces, 0, sizeof(pieces));
	S_file_range(&pieces[0].seg[0], 0, l.open + 1);
	S_file_range(&pieces[0].seg[1], l.close, sb.st_size);
	pieces[0].nseg = 2;
	npieces = l.ncuts + 2;
	for (k = 1; k < npieces; k++) {
		off_t start = k == 1 ? l.open + 1 : l.cuts[k - 2] + 1;
		off_t end = k == npieces - 1 ? l.close : l.cuts[k - 1];
		pieces[k].seg[0].text = "{\"r\":[";
		S_file_range(&pieces[k].seg[1], start, end);
		pieces[k].seg[2].text = "]}";
		pieces[k].nseg = 3;
	}
	for (k = 0; k < npieces; k++) {
		pieces[k].fd = fd;
		pieces[k].arena.large = true;
	}
	job.pieces = pieces;
	job.bind = doc_arena != NULL;
	tfs_parallel_for(npieces, jobs, S_parse_piece, &job);
	close(fd);
	if (doc_arena)
		tfs_json_bind(doc_arena); /* a serial run unbound it */

	for (k = 0; k < npieces && ok; k++)
		ok = pieces[k].doc && !pieces[k].read_error;
	resources = ok ? json_object_get(pieces[0].doc, "resources") : NULL;
	ok = ok && json_is_array(resources) && json_array_size(resources) == 0;
	for (k = 1; k < npieces && ok; k++)
		ok = json_is_array(json_object_get(pieces[k].doc, "r"));
	if (ok) {
		root = pieces[0].doc;
		for (k = 1; k < npieces; k++)
			json_array_extend(resources,
			                  json_object_get(pieces[k].doc, "r"));
	} else {
		json_decref(pieces[0].doc);
	}
	for (k = 1; k < npieces; k++)
		json_decref(pieces[k].doc);
	for (k = 0; k < npieces; k++) {
		if (ok && doc_arena)
			tfs_arena_adopt(doc_arena, &pieces[k].arena);
		else
			tfs_arena_release(&pieces[k].arena);
	}
	return root;
}
