/*
 * csv.h - an RFC 4180 record reader over a buffer in memory (internal to
 * src/cost; the price tables are its only user so far).
 *
 * Accepted: fields separated by ',', records ended by LF or CRLF (the last
 * one may lack it), fields in double quotes holding ',', CR, LF and '""'
 * for a quote.  A UTF-8 byte-order mark at the start is skipped.  Lines
 * that are entirely empty between records are skipped.  Rejected, with
 * the line and column of the offending character: a quote inside an
 * unquoted field, anything but ',' or a line end after a closing quote,
 * an unterminated quoted field, a carriage return not followed by a line
 * feed outside quotes, a NUL byte, invalid UTF-8.
 *
 * Calling sequence:
 *
 *	tfs_csv r;
 *	tfs_csv_record rec;
 *	int rc;
 *	tfs_csv_init(&r, name, data, len);
 *	tfs_csv_record_init(&rec);
 *	while ((rc = tfs_csv_read(&r, &rec, err)) > 0)
 *		... rec.count fields, tfs_csv_field(&rec, i) ...
 *	tfs_csv_record_release(&rec);
 *	if (rc < 0) ... err is set ...
 *
 * Ownership: the reader borrows data (which must outlive it).  The record
 * owns its field texts; they stay valid until the next tfs_csv_read() or
 * tfs_csv_record_release().
 */
#ifndef TFSIGHT_COST_CSV_H
#define TFSIGHT_COST_CSV_H

#include "tfsight/core.h"

typedef struct tfs_csv {
	const char *name; /* for messages */
	const char *p;    /* next byte */
	const char *end;
	int line;         /* 1-based line of p */
	int column;       /* 1-based column of p, in code points */
	bool checked;     /* UTF-8 validated */
} tfs_csv;

typedef struct tfs_csv_field {
	size_t offset; /* into the record's text */
	size_t len;
	int line;      /* where the field starts */
	int column;
} tfs_csv_field;

typedef struct tfs_csv_record {
	tfs_buf text; /* field bytes, each followed by a NUL */
	tfs_csv_field *fields;
	size_t count;
	size_t cap;
	int line;     /* where the record starts */
} tfs_csv_record;

void tfs_csv_init(tfs_csv *r, const char *name, const char *data, size_t len);
void tfs_csv_record_init(tfs_csv_record *rec);
void tfs_csv_record_release(tfs_csv_record *rec);

/* Read the next record into rec.  Returns 1 when a record was read, 0 at
 * the end of the input, -1 with err set (TFS_EXIT_INPUT, name, line and
 * column of the problem). */
int tfs_csv_read(tfs_csv *r, tfs_csv_record *rec, tfs_error *err);

/* Field i of rec, NUL-terminated (fields hold no NUL bytes). */
const char *tfs_csv_field_text(const tfs_csv_record *rec, size_t i);

#endif
