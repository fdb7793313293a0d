/*
 * core.h - memory, buffers and errors shared by every stage.
 *
 * Allocation: xmalloc/xcalloc/xrealloc never return NULL; on exhaustion they
 * print "tfsight: fatal: out of memory" and abort.  Size arithmetic that comes
 * from input goes through tfs_mul_size(), which aborts on overflow instead of
 * wrapping.
 *
 * Arena: every string and small struct that lives for one run is carved from
 * a tfs_arena and released at once by tfs_arena_release().  Nothing allocated
 * from an arena is freed on its own.
 *
 * Buffer: tfs_buf is a growable byte string.  buf.data is never NULL after
 * tfs_buf_init() and is always NUL-terminated.  tfs_buf_detach() hands the
 * bytes to the caller (who frees them); tfs_buf_release() frees them.
 *
 * Errors: lower layers never print and never exit.  They fill a caller-owned
 * tfs_error (the first error wins) and return failure; only main() prints the
 * message and maps err.code to the exit status.
 */
#ifndef TFSIGHT_CORE_H
#define TFSIGHT_CORE_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#define TFS_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))

/* Exit statuses; documented in --help, README.md and docs/cli.md. */
enum tfs_exit {
	TFS_EXIT_OK = 0,     /* success */
	TFS_EXIT_GATE = 1,   /* a --fail-on gate or a budget tripped */
	TFS_EXIT_USAGE = 2,  /* bad command line */
	TFS_EXIT_INPUT = 3,  /* unreadable or invalid input, bad config */
	TFS_EXIT_OUTPUT = 4, /* output could not be written */
};

/* The deepest nesting a YAML input (config, usage file) may have: real
 * files use 4 or 5 levels, and libyaml's time grows with the square of
 * the depth. */
#define TFS_YAML_MAX_DEPTH 64

void *xmalloc(size_t size);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *ptr, size_t size);
char *xstrdup(const char *s);
size_t tfs_mul_size(size_t a, size_t b);

/* qsort that accepts an empty (even NULL) array. */
void tfs_sort(void *base, size_t n, size_t size,
              int (*cmp)(const void *, const void *));

/* Grow *ptr (an array of *cap elements of elem_size) to hold at least need. */
void tfs_grow(void *ptr_to_array, size_t *cap, size_t need, size_t elem_size);

/* ---- arena ---------------------------------------------------------- */

struct tfs_arena_block;
typedef struct tfs_arena {
	struct tfs_arena_block *head;
	/* large: 2 MiB blocks the kernel may back with huge pages, for
	 * arenas that will hold tens of megabytes (a large state's document):
	 * a few hundred page faults instead of a hundred thousand */
	bool large;
} tfs_arena;

#define TFS_ARENA_INIT {NULL, false}

void *tfs_arena_alloc(tfs_arena *a, size_t size);
char *tfs_arena_strdup(tfs_arena *a, const char *s);
char *tfs_arena_strndup(tfs_arena *a, const char *s, size_t n);
char *tfs_arena_strfmt(tfs_arena *a, const char *fmt, ...) TFS_PRINTF(2, 3);
char *tfs_arena_vstrfmt(tfs_arena *a, const char *fmt, va_list ap)
	TFS_PRINTF(2, 0);
/* Move every allocation of from into a (from is left empty). */
void tfs_arena_adopt(tfs_arena *a, tfs_arena *from);
void tfs_arena_release(tfs_arena *a);

/* ---- buffer --------------------------------------------------------- */

typedef struct tfs_buf {
	char *data;
	size_t len;
	size_t cap;
	FILE *sink;     /* when set, full chunks are written out as they come */
	int sink_errno; /* the first write error, 0 while none */
} tfs_buf;

void tfs_buf_init(tfs_buf *b);
void tfs_buf_add(tfs_buf *b, const void *data, size_t len);
void tfs_buf_adds(tfs_buf *b, const char *s);
void tfs_buf_addc(tfs_buf *b, char c);
void tfs_buf_addf(tfs_buf *b, const char *fmt, ...) TFS_PRINTF(2, 3);
void tfs_buf_vaddf(tfs_buf *b, const char *fmt, va_list ap) TFS_PRINTF(2, 0);
/* Append n copies of c. */
void tfs_buf_pad(tfs_buf *b, char c, size_t n);
/* Append a JSON string literal for s (quotes included; control characters
 * escaped, UTF-8 passed through). */
void tfs_json_escape(tfs_buf *b, const char *s);
/* Only within what has not been flushed to a sink. */
void tfs_buf_truncate(tfs_buf *b, size_t len);
/* Stream the buffer into f: whatever it holds, and from then on every
 * 64 KiB, is written to f instead of growing the buffer, so a large
 * rendering never sits whole in memory.  tfs_buf_flush() writes the rest;
 * it returns 0, or -1 with b->sink_errno set when any write failed. */
void tfs_buf_set_sink(tfs_buf *b, FILE *f);
int tfs_buf_flush(tfs_buf *b);
char *tfs_buf_detach(tfs_buf *b, size_t *len);
void tfs_buf_release(tfs_buf *b);

/* ---- errors --------------------------------------------------------- */

typedef struct tfs_error {
	int code;        /* enum tfs_exit; 0 while no error is set */
	char file[256];  /* input name as the user gave it, or "<stdin>" */
	int line;        /* 1-based; 0 when unknown */
	int column;      /* 1-based; 0 when unknown */
	char path[256];  /* JSON path such as resources[3].instances[0] */
	char text[512];  /* lowercase message, no trailing full stop */
} tfs_error;

void tfs_error_init(tfs_error *err);
bool tfs_error_is_set(const tfs_error *err);
/* Set err unless it already holds an error (the first error wins).
 * file and path may be NULL.  Always returns false, so callers can write
 * "return tfs_error_set(...)". */
bool tfs_error_set(tfs_error *err, int code, const char *file, int line,
                   int column, const char *path, const char *fmt, ...)
	TFS_PRINTF(7, 8);
/* "FILE:LINE:COL: TEXT" or "FILE: PATH: TEXT", control characters
 * replaced by '?'. */
void tfs_error_format(const tfs_error *err, tfs_buf *out);

/* ---- string map --------------------------------------------------------- */

/* Open-addressing hash map from borrowed NUL-terminated keys to size_t
 * values.  Keys must outlive the map.  A key maps to one value; joins that
 * need several values per key keep a list elsewhere and map to its head. */
typedef struct tfs_map {
	const char **keys;
	size_t *values;
	size_t cap;   /* a power of two, or 0 */
	size_t count;
} tfs_map;

void tfs_map_init(tfs_map *m);
/* Insert or overwrite. */
void tfs_map_put(tfs_map *m, const char *key, size_t value);
/* Insert unless present; returns true when inserted. */
bool tfs_map_add(tfs_map *m, const char *key, size_t value);
bool tfs_map_get(const tfs_map *m, const char *key, size_t *value);
void tfs_map_release(tfs_map *m);

/* ---- small files ---------------------------------------------------------- */

/* Read path ("-": standard input) whole into out, refusing directories and
 * files over max bytes.  name is how messages call the file; what says
 * what it should have been ("a price table").  Returns false with err set
 * (TFS_EXIT_INPUT). */
bool tfs_read_file(const char *path, const char *name, size_t max,
                   const char *what, tfs_buf *out, tfs_error *err);

/* Messages quote at most TFS_EXCERPT code points of the input, with "..."
 * when it is longer, never a whole key or value.  out must hold
 * TFS_EXCERPT_SIZE bytes. */
enum { TFS_EXCERPT = 40, TFS_EXCERPT_SIZE = TFS_EXCERPT * 4 + 8 };
void tfs_excerpt(char *out, size_t size, const char *s);

/* ---- parallel work ----------------------------------------------------------- */

/* fn(ctx, i) for every i < n, on up to jobs threads (1: in order, here).
 * Items must touch only their own results; xmalloc's abort on exhaustion
 * is the one failure, as everywhere. */
void tfs_parallel_for(size_t n, int jobs, void (*fn)(void *ctx, size_t i),
                      void *ctx);
/* Online processors, 1 to 64: the default for -j. */
int tfs_cpu_count(void);

/* ---- dates ------------------------------------------------------------------ */

/* Today as "YYYY-MM-DD" (UTC): SOURCE_DATE_EPOCH when set, so runs can be
 * reproduced, else the clock.  Returns buf, or NULL when size < 11. */
const char *tfs_source_date(char *buf, size_t size);

/* ---- text helpers ----------------------------------------------------- */

/* Append s with every C0 control character and DEL replaced by '?', and
 * every tfs_utf8_hidden() code point written as "\u{XXXX}", for terminal
 * output and messages. */
void tfs_buf_add_printable(tfs_buf *b, const char *s);
/* The length (2 or 3) of the UTF-8 sequence at p when it encodes a code
 * point that changes how text around it looks without being seen: a C1
 * control (U+0080-U+009F, e.g. CSI U+009B), a bidirectional control
 * (U+061C, U+200E-U+200F, U+202A-U+202E, U+2066-U+2069) or a line or
 * paragraph separator (U+2028, U+2029); 0 otherwise.  *cp gets the code
 * point.  Every text renderer writes these as "\u{202e}". */
size_t tfs_utf8_hidden(const unsigned char *p, unsigned *cp);
/* Appends "\u{XXXX}" for cp. */
void tfs_buf_add_codepoint(tfs_buf *b, unsigned cp);
/* Glob: '*' any run of characters, '?' one (waivers, IAM actions and
 * resources). */
bool tfs_glob(const char *pattern, const char *s);

/* Number of display columns of UTF-8 s (one per code point). */
size_t tfs_utf8_width(const char *s);

#endif
