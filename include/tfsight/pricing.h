/*
 * pricing.h - price tables: the sa-east-1 table bundled in the binary
 * (built from the CSV files in pricing/) and replacement tables read at
 * run time (--pricing FILE), in the same format.
 *
 * Format (pricing/README.md): RFC 4180 CSV in UTF-8 whose header names the
 * columns
 *	key,service,sku_or_type,attribute,unit,usd,effective_date,source
 * in any order, each exactly once and no others; then one row per price.
 *   key             the stable name estimators look up, e.g. "nat.hour",
 *                   "rds.postgres.db.t4g.micro.single_az.hour": lowercase
 *                   letters, digits and '_' in segments joined by '.';
 *                   unique in the table
 *   usd             US dollars per one unit, a non-negative decimal number
 *                   ("0.0000166667", "1.0", "4e-07")
 *   effective_date  YYYY-MM-DD, or empty when the source names no date
 *   the others      non-empty text, shown as is
 *
 * Calling sequence:
 *
 *	const tfs_pricing *t = tfs_pricing_bundled();
 *	tfs_pricing *mine = NULL;
 *	if (path) {
 *		if (tfs_pricing_load(&mine, path, &err) != 0)
 *			... report err (FILE:LINE:COL: text), exit err.code ...
 *		t = mine;
 *	}
 *	const tfs_price *p = tfs_pricing_find(t, "nat.hour");
 *	if (!p)
 *		... the price is missing: say so, never assume zero ...
 *	tfs_pricing_free(mine);
 *
 * Ownership: a loaded table owns its rows and every string they point to;
 * they stay valid until tfs_pricing_free().  The bundled table is static
 * data that lives as long as the program and is never freed.
 *
 * Errors: the loaders fill err (code TFS_EXIT_INPUT; the file name, and the
 * line and column for a problem inside the file) and return -1 with *out
 * NULL.  Reading stops at the first malformed row or field; when every row
 * reads well, a repeated key is reported at the repeat met first.
 */
#ifndef TFSIGHT_PRICING_H
#define TFSIGHT_PRICING_H

#include "tfsight/core.h"

#define TFS_PRICING_HEADER \
	"key,service,sku_or_type,attribute,unit,usd,effective_date,source"

typedef struct tfs_price {
	const char *key;
	const char *service;        /* the facts' service, e.g. "VPC" */
	const char *sku;            /* column sku_or_type, e.g. "NAT gateway" */
	const char *attribute;      /* what exactly is priced */
	const char *unit;           /* one unit of quantity: "hour", "GB-month" */
	double usd;                 /* per unit */
	const char *usd_text;       /* usd exactly as the table writes it */
	const char *effective_date; /* "YYYY-MM-DD", or "" when undated */
	const char *source;         /* where the number was read */
} tfs_price;

typedef struct tfs_pricing {
	const char *name;      /* the file(s) read, as given ("a.csv, b.csv") */
	bool bundled;          /* compiled into the binary */
	const tfs_price *rows; /* sorted by key (byte order); keys unique */
	size_t count;          /* at least 1 */

	/* private to the loader */
	tfs_arena arena;
} tfs_pricing;

/* The table compiled into the binary from the CSV files in pricing/. */
const tfs_pricing *tfs_pricing_bundled(void);

/* Read one table; path "-" reads standard input.  Returns 0, or -1 with
 * err set. */
int tfs_pricing_load(tfs_pricing **out, const char *path, tfs_error *err);

/* Read several files into one table (a key may appear in only one of
 * them).  Same contract as tfs_pricing_load(). */
int tfs_pricing_load_files(tfs_pricing **out, const char *const *paths,
                           size_t npaths, tfs_error *err);

/* Read a table from memory; name is used in messages.  Same contract as
 * tfs_pricing_load(). */
int tfs_pricing_load_buffer(tfs_pricing **out, const char *name,
                            const char *data, size_t len, tfs_error *err);

/* The row for key (binary search), or NULL when the table lacks it. */
const tfs_price *tfs_pricing_find(const tfs_pricing *t, const char *key);

/* The oldest and newest effective dates of the table's rows ("YYYY-MM-DD";
 * NULL when no row has one) and how many rows have none. */
void tfs_pricing_span(const tfs_pricing *t, const char **oldest,
                      const char **newest, size_t *undated);

/* Append the whole table as CSV in the format above: the header, then the
 * rows in key order, a field quoted only when it holds ',', '"', CR or
 * LF.  Loading the result gives the same table back. */
void tfs_pricing_write_csv(const tfs_pricing *t, tfs_buf *out);

/* Free a loaded table; NULL is allowed. */
void tfs_pricing_free(tfs_pricing *t);

#endif
