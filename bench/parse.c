/*
 * parse.c - bench-parse: the baseline of the benchmark.  Parses FILE with a
 * bare json_load_file() and frees the document; nothing else.
 *
 *	bench-parse FILE
 */
#include <stdio.h>

#include <jansson.h>

int main(int argc, char **argv)
{
	json_error_t err;
	json_t *root;

	if (argc != 2) {
		fputs("usage: bench-parse FILE\n", stderr);
		return 2;
	}
	root = json_load_file(argv[1], 0, &err);
	if (!root) {
		fprintf(stderr, "bench-parse: %s:%d: %s\n", argv[1], err.line,
		        err.text);
		return 1;
	}
	json_decref(root);
	return 0;
}
