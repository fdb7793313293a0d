/* report_svg.c - the report's SVG: the escaper every state string goes
 * through, the bar charts tfsight draws itself, and cairo's diagram
 * inlined so that several can share a page under a strict CSP. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "report_int.h"

void tfs_html_text(tfs_buf *b, const char *s, size_t max)
{
	const unsigned char *p = (const unsigned char *)s, *run;
	size_t cps = 0;

	if (!s)
		return;
	run = p;
	for (; *p; p++) {
		const char *rep = NULL;
		unsigned cp;
		size_t n;
		if ((n = tfs_utf8_hidden(p, &cp)) != 0) {
			/* shown, not obeyed: a bidi override or a C1 control would
			 * change what the reader sees (Trojan Source) */
			tfs_buf_add(b, run, (size_t)(p - run));
			tfs_buf_add_codepoint(b, cp);
			p += n - 1;
			run = p + 1;
			cps++;
			continue;
		}
		if ((*p & 0xc0) != 0x80) {
			if (max && cps == max) {
				/* cut: leave room for the ellipsis */
				tfs_buf_add(b, run, (size_t)(p - run));
				tfs_buf_adds(b, "\xe2\x80\xa6");
				return;
			}
			cps++;
		}
		switch (*p) {
		case '&':
			rep = "&amp;";
			break;
		case '<':
			rep = "&lt;";
			break;
		case '>':
			rep = "&gt;";
			break;
		case '"':
			rep = "&quot;";
			break;
		case '\'':
			rep = "&#39;";
			break;
		default:
			if (*p < 0x20 || *p == 0x7f)
				rep = "\xef\xbf\xbd"; /* U+FFFD */
			break;
		}
		if (rep) {
			tfs_buf_add(b, run, (size_t)(p - run));
			tfs_buf_adds(b, rep);
			run = p + 1;
		}
	}
	tfs_buf_add(b, run, (size_t)(p - run));
}

/* ---- bar charts ------------------------------------------------------------ */

enum { CH_W = 640, CH_LABEL_W = 210, CH_BAR_W = 290, CH_ROW = 26,
       CH_BAR_H = 16, CH_LABEL_MAX = 28 };

void tfs_html_bar_chart(tfs_buf *b, const char *id, const char *title,
                        const tfs_html_bar *bars, size_t n, double total)
{
	double max = 0;
	size_t i;

	for (i = 0; i < n; i++)
		if (bars[i].usd > max)
			max = bars[i].usd;
	tfs_buf_addf(b, "<svg class=\"chart\" role=\"img\" aria-labelledby=\"%s\" "
	                "viewBox=\"0 0 %d %zu\" width=\"100%%\" "
	                "font-family=\"sans-serif\" font-size=\"14\">\n",
	             id, CH_W, n * CH_ROW + 6);
	tfs_buf_addf(b, "<title id=\"%s\">", id);
	tfs_html_text(b, title, 0);
	tfs_buf_adds(b, "</title>\n");
	for (i = 0; i < n; i++) {
		double y = 3.0 + (double)i * CH_ROW;
		double w = max > 0 ? bars[i].usd / max * CH_BAR_W : 0;
		if (w < 1 && bars[i].usd > 0)
			w = 1;
		tfs_buf_addf(b, "<text class=\"chart-label\" x=\"0\" y=\"%.1f\" "
		                "fill=\"#1f2328\">",
		             y + CH_ROW / 2.0 + 1);
		tfs_html_text(b, bars[i].label, CH_LABEL_MAX);
		tfs_buf_adds(b, "</text>");
		tfs_buf_addf(b, "<rect class=\"%s\" x=\"%d\" y=\"%.1f\" "
		                "width=\"%.1f\" height=\"%d\" rx=\"2\" "
		                "fill=\"%s\"/>",
		             bars[i].muted ? "bar bar-muted" : "bar", CH_LABEL_W,
		             y + (CH_ROW - CH_BAR_H) / 2.0 - 4, w, CH_BAR_H,
		             bars[i].muted ? "#6e7781" : "#1f6feb");
		tfs_buf_addf(b, "<text class=\"chart-value\" x=\"%.1f\" y=\"%.1f\" "
		                "fill=\"#1f2328\">",
		             CH_LABEL_W + w + 6, y + CH_ROW / 2.0 + 1);
		tfs_money_short(b, bars[i].usd);
		if (total > 0)
			tfs_buf_addf(b, " \xc2\xb7 %.0f%%", bars[i].usd / total * 100.0);
		tfs_buf_adds(b, "</text>\n");
	}
	tfs_buf_adds(b, "</svg>\n");
}

/* ---- cairo's SVG, inlined -------------------------------------------------- */

/* CSS properties cairo writes in style="…" that SVG also accepts as
 * presentation attributes. */
static bool S_presentation(const char *k, size_t n)
{
	static const char *const OK[] = {
		"clip-path", "clip-rule", "color", "fill", "fill-opacity",
		"fill-rule", "filter", "font-family", "font-size", "font-style",
		"font-weight", "mask", "opacity", "stop-color", "stop-opacity",
		"stroke", "stroke-dasharray", "stroke-dashoffset",
		"stroke-linecap", "stroke-linejoin", "stroke-miterlimit",
		"stroke-opacity", "stroke-width", "visibility",
	};
	size_t i;
	for (i = 0; i < sizeof(OK) / sizeof(OK[0]); i++)
		if (strlen(OK[i]) == n && memcmp(OK[i], k, n) == 0)
			return true;
	return false;
}

/* An attribute value (as cairo escaped it) with url(#x) -> url(#P-x);
 * a '"' cannot occur in it, a '<' is escaped to be safe. */
static void S_value(tfs_buf *b, const char *v, size_t n, const char *prefix)
{
	size_t i;
	for (i = 0; i < n; i++) {
		if (i + 5 <= n && memcmp(v + i, "url(#", 5) == 0) {
			tfs_buf_adds(b, "url(#");
			tfs_buf_adds(b, prefix);
			tfs_buf_addc(b, '-');
			i += 4;
			continue;
		}
		if (v[i] == '<')
			tfs_buf_adds(b, "&lt;");
		else
			tfs_buf_addc(b, v[i]);
	}
}

static void S_style(tfs_buf *b, const char *v, size_t n, const char *prefix)
{
	size_t i = 0;

	while (i < n) {
		size_t ks, ke, vs, ve;
		while (i < n && (v[i] == ' ' || v[i] == ';'))
			i++;
		ks = i;
		while (i < n && v[i] != ':' && v[i] != ';')
			i++;
		ke = i;
		while (ke > ks && v[ke - 1] == ' ')
			ke--;
		if (i >= n || v[i] != ':')
			continue;
		i++;
		while (i < n && v[i] == ' ')
			i++;
		vs = i;
		while (i < n && v[i] != ';')
			i++;
		ve = i;
		while (ve > vs && v[ve - 1] == ' ')
			ve--;
		if (ke > ks && ve > vs && S_presentation(v + ks, ke - ks)) {
			tfs_buf_addc(b, ' ');
			tfs_buf_add(b, v + ks, ke - ks);
			tfs_buf_adds(b, "=\"");
			S_value(b, v + vs, ve - vs, prefix);
			tfs_buf_addc(b, '"');
		}
	}
}

static bool S_name_is(const char *s, size_t n, const char *name)
{
	return strlen(name) == n && memcmp(s, name, n) == 0;
}

/* The attributes of one tag, from after its name to its '>' (exclusive,
 * a trailing '/' included).  Returns false on something it cannot read. */
static bool S_attributes(tfs_buf *b, const char *s, size_t n,
                         const char *prefix)
{
	size_t i = 0;

	while (i < n) {
		size_t ns, ne, vs, ve;
		if (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r') {
			i++;
			continue;
		}
		if (s[i] == '/') {
			tfs_buf_addc(b, '/');
			i++;
			continue;
		}
		ns = i;
		while (i < n && s[i] != '=' && s[i] != ' ' && s[i] != '/')
			i++;
		ne = i;
		if (i >= n || s[i] != '=' || i + 1 >= n || s[i + 1] != '"')
			return false;
		vs = i + 2;
		for (ve = vs; ve < n && s[ve] != '"'; ve++)
			;
		if (ve >= n)
			return false;
		i = ve + 1;
		if (ne - ns > 2 && (s[ns] == 'o' || s[ns] == 'O') &&
		    (s[ns + 1] == 'n' || s[ns + 1] == 'N'))
			continue; /* never an event handler */
		if (S_name_is(s + ns, ne - ns, "style")) {
			S_style(b, s + vs, ve - vs, prefix);
			continue;
		}
		if (S_name_is(s + ns, ne - ns, "href") ||
		    S_name_is(s + ns, ne - ns, "xlink:href")) {
			if (ve == vs || s[vs] != '#')
				continue; /* nothing outside the page */
			tfs_buf_addc(b, ' ');
			tfs_buf_add(b, s + ns, ne - ns);
			tfs_buf_addf(b, "=\"#%s-", prefix);
			S_value(b, s + vs + 1, ve - vs - 1, prefix);
			tfs_buf_addc(b, '"');
			continue;
		}
		tfs_buf_addc(b, ' ');
		tfs_buf_add(b, s + ns, ne - ns);
		tfs_buf_adds(b, "=\"");
		if (S_name_is(s + ns, ne - ns, "id")) {
			tfs_buf_adds(b, prefix);
			tfs_buf_addc(b, '-');
		}
		S_value(b, s + vs, ve - vs, prefix);
		tfs_buf_addc(b, '"');
	}
	return true;
}

/* Case-insensitive search for needle in s[0..n). */
static bool S_contains(const char *s, size_t n, const char *needle)
{
	size_t k = strlen(needle), i, j;
	for (i = 0; i + k <= n; i++) {
		for (j = 0; j < k; j++) {
			char c = s[i + j];
			if (c >= 'A' && c <= 'Z')
				c = (char)(c + 32);
			if (c != needle[j])
				break;
		}
		if (j == k)
			return true;
	}
	return false;
}

bool tfs_html_embed_svg(tfs_buf *b, const char *svg, const char *prefix,
                        const char *title, const char *desc)
{
	const char *start, *end, *p, *vb, *open_end;
	size_t mark = b->len;

	if (!svg)
		return false;
	start = strstr(svg, "<svg");
	end = start ? strstr(start, "</svg>") : NULL;
	if (!start || !end)
		return false;
	/* cairo writes neither; refuse rather than filter */
	if (S_contains(start, (size_t)(end - start), "<script") ||
	    S_contains(start, (size_t)(end - start), "<foreignobject") ||
	    S_contains(start, (size_t)(end - start), "<!entity"))
		return false;
	open_end = strchr(start, '>');
	if (!open_end || open_end > end)
		return false;

	tfs_buf_adds(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
	                "xmlns:xlink=\"http://www.w3.org/1999/xlink\"");
	vb = strstr(start, "viewBox=\"");
	if (vb && vb < open_end) {
		const char *q = strchr(vb + 9, '"');
		tfs_buf_adds(b, " viewBox=\"");
		S_value(b, vb + 9, (size_t)(q - vb - 9), prefix);
		tfs_buf_addc(b, '"');
	}
	tfs_buf_addf(b, " width=\"100%%\" class=\"diagram\" role=\"img\" "
	                "aria-labelledby=\"%s-title %s-desc\">\n",
	             prefix, prefix);
	tfs_buf_addf(b, "<title id=\"%s-title\">", prefix);
	tfs_html_text(b, title, 0);
	tfs_buf_addf(b, "</title>\n<desc id=\"%s-desc\">", prefix);
	tfs_html_text(b, desc, 0);
	tfs_buf_adds(b, "</desc>\n");

	/* the body: tags rewritten, text between them copied */
	p = open_end + 1;
	while (p < end) {
		const char *lt = memchr(p, '<', (size_t)(end - p));
		const char *gt, *name_end;
		if (!lt)
			lt = end;
		tfs_buf_add(b, p, (size_t)(lt - p));
		if (lt >= end)
			break;
		if (strncmp(lt, "<!--", 4) == 0) {
			const char *ce = strstr(lt, "-->");
			if (!ce || ce > end)
				goto fail;
			p = ce + 3;
			continue;
		}
		gt = memchr(lt, '>', (size_t)(end - lt));
		if (!gt)
			goto fail;
		name_end = lt + 1;
		if (*name_end == '/')
			name_end++;
		while (name_end < gt && *name_end != ' ' && *name_end != '/' &&
		       *name_end != '\n')
			name_end++;
		tfs_buf_add(b, lt, (size_t)(name_end - lt));
		if (!S_attributes(b, name_end, (size_t)(gt - name_end), prefix))
			goto fail;
		tfs_buf_addc(b, '>');
		p = gt + 1;
	}
	tfs_buf_adds(b, "</svg>\n");
	return true;
fail:
	tfs_buf_truncate(b, mark);
	return false;
}
