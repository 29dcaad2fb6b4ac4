/*
 * report-html.c - the supervisor's report as one self-contained HTML page:
 * summary figures, a trainees x practices heat map, each trainee's scores
 * in the order played, outcome against practice score, the trainees
 * ranked (trend, drill progress), a trainees x scenarios grid, and the
 * most recent agreements with their payment schedules.  Charts shrink to
 * the page (class "fit"), every dot has a <title>, and a print stylesheet
 * lays the page out for paper.
 * Charts are inline SVG; there are no scripts and no external assets, and
 * a Content-Security-Policy meta tag forbids both.  Every string that came
 * from a trainee, a scenario or the command line goes through
 * rc_html_escape(); numbers are formatted here.
 */
#include "report.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "amount.h"
#include "rubric.h"
#include "safe.h"

#define MAX_HEAT_ROWS 60       /* trainees in the heat map */
#define MAX_SPARKS 48          /* trainees with a score chart */
#define MAX_SCATTER 2500       /* points in the scatter plot */
#define SPARK_BINS 40

void
rc_html_escape(struct rc_buf *b, const char *text)
{
	struct rc_buf safe = RC_BUF_INIT;
	const unsigned char *p;

	/* Controls and escape sequences shown, not passed on (safe.h). */
	rc_safe_puts(&safe, text, RC_SAFE_LINES);
	for (p = (const unsigned char *)rc_buf_str(&safe); *p; p++) {
		switch (*p) {
		case '&': rc_buf_puts(b, "&amp;"); break;
		case '<': rc_buf_puts(b, "&lt;"); break;
		case '>': rc_buf_puts(b, "&gt;"); break;
		case '"': rc_buf_puts(b, "&quot;"); break;
		case '\'': rc_buf_puts(b, "&#39;"); break;
		default:
			if (*p < 0x20)
				rc_buf_putc(b, ' ');  /* tab, newline: a space */
			else
				rc_buf_putc(b, (char)*p);
		}
	}
	rc_buf_free(&safe);
}

/* Red - yellow - green for a share 0..1. */
static void
heat_color(double v, char *buf, size_t size)
{
	static const double stops[3][3] = {
		{ 214, 69, 65 }, { 247, 214, 112 }, { 46, 158, 91 },
	};
	const double *a, *b;
	double t;

	if (v < 0)
		v = 0;
	if (v > 1)
		v = 1;
	if (v < 0.5) {
		a = stops[0];
		b = stops[1];
		t = v / 0.5;
	} else {
		a = stops[1];
		b = stops[2];
		t = (v - 0.5) / 0.5;
	}
	snprintf(buf, size, "#%02x%02x%02x", (int)(a[0] + (b[0] - a[0]) * t),
	    (int)(a[1] + (b[1] - a[1]) * t), (int)(a[2] + (b[2] - a[2]) * t));
}

static const char *
day(int64_t t, char *buf, size_t size)
{
	return rc_report_local_time(t, 0, buf, size);
}

static const char *
minute(int64_t t, char *buf, size_t size)
{
	return rc_report_local_time(t, 1, buf, size);
}

static const char style_sheet[] =
	"*{box-sizing:border-box}"
	"body{margin:0;background:#f4f5f7;color:#1f2933;font:14px/1.45 "
	"system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,"
	"sans-serif}"
	"header{background:#1f3a5f;color:#fff;padding:28px 40px 24px}"
	"header h1{margin:0 0 4px;font-size:24px;font-weight:600}"
	"header p{margin:0;color:#c8d6e5}"
	"main{padding:24px 40px 40px;max-width:1400px}"
	".tiles{display:flex;gap:16px;flex-wrap:wrap;margin-bottom:24px}"
	".tile{background:#fff;border-radius:8px;padding:14px 20px;min-width:150px;"
	"box-shadow:0 1px 2px rgba(0,0,0,.08)}"
	".tile b{display:block;font-size:26px;font-weight:600;color:#1f3a5f}"
	".tile span{color:#52606d;font-size:12px;text-transform:uppercase;"
	"letter-spacing:.04em}"
	"section{background:#fff;border-radius:8px;padding:20px 24px;"
	"margin-bottom:24px;box-shadow:0 1px 2px rgba(0,0,0,.08);overflow-x:auto}"
	"section h2{margin:0 0 4px;font-size:17px;font-weight:600}"
	"section p.note{margin:0 0 14px;color:#52606d;font-size:13px}"
	"svg text{font-family:inherit}"
	".sparks{display:grid;grid-template-columns:repeat(auto-fill,"
	"minmax(300px,1fr));gap:14px}"
	".spark{border:1px solid #e4e7eb;border-radius:6px;padding:8px 10px}"
	".spark h3{margin:0;font-size:13px;font-weight:600;white-space:nowrap;"
	"overflow:hidden;text-overflow:ellipsis}"
	".spark small{color:#52606d}"
	"table{border-collapse:collapse;width:100%;font-size:13px}"
	"th,td{padding:6px 10px;border-bottom:1px solid #e4e7eb;text-align:right}"
	"th:first-child,td:first-child{text-align:left}"
	"th{color:#52606d;font-weight:600;font-size:12px;text-transform:uppercase}"
	".up{color:#1e7b45}.down{color:#b03a2e}td.up,td.down{white-space:nowrap}"
	"td.critical{color:#b03a2e;"
	"font-weight:600}"
	"table.deals td{text-align:left;vertical-align:top}"
	"ol.schedule{margin:0;padding-left:18px}"
	"footer{color:#7b8794;font-size:12px;padding:0 40px 30px}"
	/* Charts shrink to the page rather than being cut at its edge. */
	"svg.fit{max-width:100%;height:auto;display:block}"
	".incomplete{color:#b03a2e}"
	"table.ranked td:nth-child(2),table.ranked th:nth-child(2){text-align:left}"
	"table.grid td{text-align:center;white-space:nowrap}"
	"table.grid td:first-child{text-align:left}"
	"table.grid th.sc{text-transform:none;text-align:center;font-size:11px;"
	"max-width:110px;word-break:break-word}"
	"@media print{"
	"@page{margin:12mm}"
	"*{-webkit-print-color-adjust:exact;print-color-adjust:exact}"
	"body{background:#fff;font-size:11px}"
	"header{background:none;color:#1f2933;padding:0 0 8px;"
	"border-bottom:2px solid #1f3a5f;margin-bottom:12px}"
	"header p{color:#3e4c59}"
	"main{padding:0;max-width:none}"
	".tile,section{box-shadow:none;border:1px solid #cbd2d9}"
	"section{overflow:visible;padding:10px 12px;margin-bottom:12px}"
	"section.chart,.spark,tr{break-inside:avoid;page-break-inside:avoid}"
	"h2{break-after:avoid;page-break-after:avoid}"
	"thead{display:table-header-group}"
	"table{font-size:10px}th,td{padding:3px 5px}th{font-size:9px}"
	".sparks{grid-template-columns:repeat(3,1fr);gap:8px}"
	"footer{padding:8px 0 0}"
	"}";

static void
tile(struct rc_buf *b, const char *label, const char *value)
{
	rc_buf_puts(b, "<div class=\"tile\"><b>");
	rc_buf_puts(b, value);
	rc_buf_puts(b, "</b><span>");
	rc_buf_puts(b, label);
	rc_buf_puts(b, "</span></div>\n");
}

static void
tiles(struct rc_buf *b, const struct rc_report *r)
{
	char v[64];
	long passed = 0;
	double sum = 0;
	size_t i;

	for (i = 0; i < r->ntrainees; i++) {
		passed += r->trainees[i]->passed;
		sum += r->trainees[i]->sum_score;
	}
	rc_buf_puts(b, "<div class=\"tiles\">\n");
	snprintf(v, sizeof v, "%zu", r->ntrainees);
	tile(b, "trainees", v);
	snprintf(v, sizeof v, "%ld", r->sessions);
	tile(b, "sessions", v);
	snprintf(v, sizeof v, "%ld", r->scored);
	tile(b, "scored", v);
	if (r->scored) {
		snprintf(v, sizeof v, "%.0f%%", 100.0 * (double)passed / (double)r->scored);
		tile(b, "passed", v);
		snprintf(v, sizeof v, "%.1f", sum / (double)r->scored);
		tile(b, "mean score", v);
	}
	if (r->reviewed) {
		snprintf(v, sizeof v, "%ld", r->reviewed);
		tile(b, "reviewed", v);
	}
	if (r->critical) {
		snprintf(v, sizeof v, "%ld", r->critical);
		tile(b, "critical failures", v);
	}
	rc_buf_puts(b, "</div>\n");
	if (r->reviewed)
		rc_buf_printf(b, "<p>%ld scored session%s carr%s a trainer's override "
		    "(<code>recoup review</code>): the reviewed statuses and the scores "
		    "recomputed with them are shown throughout.</p>\n", r->reviewed,
		    r->reviewed == 1 ? "" : "s", r->reviewed == 1 ? "ies" : "y");
}

/* The trainees x core practices heat map. */
static void
heatmap(struct rc_buf *b, const struct rc_report *r)
{
	const int label_w = 170, cell = 34, top = 150;
	size_t cols[64], ncols = 0, i, j, rows;
	int w, h;

	for (j = 0; j < r->npractices && ncols < 64; j++)
		if (r->practices[j].core)
			cols[ncols++] = j;
	rows = r->ntrainees < MAX_HEAT_ROWS ? r->ntrainees : MAX_HEAT_ROWS;
	w = label_w + (int)ncols * cell + 150;
	h = top + (int)rows * cell + 40;
	rc_buf_puts(b, "<section class=\"chart\"><h2>Practices met, by trainee</h2>\n<p class=\"note\">"
	    "Share of each trainee's sessions in which the practice was met "
	    "(practices that did not apply are left out; grey: never applied).");
	if (rows < r->ntrainees)
		rc_buf_printf(b, " The first %zu trainees by name are shown.", rows);
	rc_buf_puts(b, "</p>\n");
	rc_buf_printf(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"fit\" "
	    "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" "
	    "aria-label=\"heat map of practices met by trainee\">\n", w, h, w, h);
	for (j = 0; j < ncols; j++) {
		int x = label_w + (int)j * cell + cell / 2;

		rc_buf_printf(b, "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"#52606d\" "
		    "transform=\"rotate(-55 %d %d)\">%d. ", x, top - 8, x, top - 8,
		    rc_practice_number(r->practices[cols[j]].id,
		    strlen(r->practices[cols[j]].id)));
		rc_html_escape(b, r->practices[cols[j]].id);
		rc_buf_puts(b, "</text>\n");
	}
	for (i = 0; i < rows; i++) {
		const struct rc_report_trainee *t = r->trainees[i];
		int y = top + (int)i * cell;

		rc_buf_printf(b, "<text x=\"%d\" y=\"%d\" font-size=\"12\" "
		    "text-anchor=\"end\" fill=\"#1f2933\">", label_w - 10,
		    y + cell / 2 + 4);
		rc_html_escape(b, t->name);
		rc_buf_puts(b, "</text>\n");
		for (j = 0; j < ncols; j++) {
			double share = rc_report_share_met(t, cols[j]);
			char color[16];
			int x = label_w + (int)j * cell;

			if (share < 0)
				snprintf(color, sizeof color, "#e4e7eb");
			else
				heat_color(share, color, sizeof color);
			rc_buf_printf(b, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" "
			    "rx=\"3\" fill=\"%s\"><title>", x + 1, y + 1, cell - 2,
			    cell - 2, color);
			rc_html_escape(b, t->name);
			rc_buf_puts(b, " / ");
			rc_html_escape(b, r->practices[cols[j]].id);
			if (share < 0)
				rc_buf_puts(b, ": never applied</title></rect>\n");
			else
				rc_buf_printf(b, ": %.0f%% of %ld</title></rect>\n",
				    100 * share, t->cells[cols[j]].n);
			if (share >= 0)
				rc_buf_printf(b, "<text x=\"%d\" y=\"%d\" font-size=\"10\" "
				    "text-anchor=\"middle\" fill=\"%s\">%.0f</text>\n",
				    x + cell / 2, y + cell / 2 + 4,
				    share < 0.2 || share > 0.85 ? "#fff" : "#1f2933",
				    100 * share);
		}
	}
	/* Legend. */
	{
		int y = top + (int)rows * cell + 14, k;

		for (k = 0; k <= 10; k++) {
			char color[16];

			heat_color(k / 10.0, color, sizeof color);
			rc_buf_printf(b, "<rect x=\"%d\" y=\"%d\" width=\"18\" "
			    "height=\"10\" fill=\"%s\"/>\n", label_w + k * 18, y, color);
		}
		rc_buf_printf(b, "<text x=\"%d\" y=\"%d\" font-size=\"11\" "
		    "text-anchor=\"end\" fill=\"#52606d\">0%%</text>\n", label_w - 4,
		    y + 9);
		rc_buf_printf(b, "<text x=\"%d\" y=\"%d\" font-size=\"11\" "
		    "fill=\"#52606d\">100%% met</text>\n", label_w + 11 * 18 + 4, y + 9);
	}
	rc_buf_puts(b, "</svg></section>\n");
}

/* A session's <title>: trainee, when, scenario, scores and result. */
static void
point_title(struct rc_buf *b, const struct rc_report *r,
            const struct rc_report_trainee *t, const struct rc_report_point *p)
{
	char when[32];

	rc_buf_puts(b, "<title>");
	rc_html_escape(b, t->name);
	rc_buf_printf(b, ", %s, ", minute(p->t, when, sizeof when));
	rc_html_escape(b, p->scenario < r->nscenarios ?
	    r->scenarios[p->scenario].id : "?");
	rc_buf_printf(b, ": score %.0f (practice %.0f, outcome %.0f), %s</title>",
	    (double)p->score, (double)p->practice, (double)p->outcome,
	    p->critical ? "critical failure" : p->passed ? "passed" : "not passed");
}

/* One trainee's scores in the order played: one step a session (or a
 * bin of sessions when many), so calls on the same day stand side by
 * side instead of on one vertical line; a faint line marks each new day. */
static void
spark(struct rc_buf *b, const struct rc_report *r,
      const struct rc_report_trainee *t, int pass_mark)
{
	const double below = 1 - pass_mark / 100.0;
	const int w = 280, h = 90, pl = 26, pr = 6, pt = 6, pb = 16;
	const double pw = w - pl - pr, ph = h - pt - pb;
	size_t nbins = t->npts > SPARK_BINS ? SPARK_BINS : t->npts, k;
	char d1[16], d2[16], trend[64];
	size_t nsc;
	double tr = rc_report_trend(t, &nsc);

	rc_buf_puts(b, "<div class=\"spark\"><h3>");
	rc_html_escape(b, t->name);
	rc_buf_printf(b, "</h3><small>%ld session%s, mean %.0f", t->sessions,
	    t->sessions == 1 ? "" : "s", rc_report_mean_score(t));
	if (nsc) {
		snprintf(trend, sizeof trend, "%+.0f", tr);
		rc_buf_printf(b, ", trend <span class=\"%s\">%s</span> over %zu "
		    "scenario%s played again", tr >= 0 ? "up" : "down", trend, nsc,
		    nsc == 1 ? "" : "s");
	} else {
		rc_buf_puts(b, ", trend &mdash; (no scenario played twice)");
	}
	rc_buf_puts(b, "</small>\n");
	rc_buf_printf(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100%%\" "
	    "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"scores of ", w, h);
	rc_html_escape(b, t->name);
	rc_buf_puts(b, " in the order played\">\n");
	/* Axes: 0, the pass mark, 100. */
	rc_buf_printf(b, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" "
	    "fill=\"#f8f9fa\"/>\n", pl, pt, w - pl - pr, h - pt - pb);
	rc_buf_printf(b, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" "
	    "stroke=\"#9aa5b1\" stroke-dasharray=\"3 3\"/>\n", pl, w - pr,
	    pt + ph * below, pt + ph * below);
	rc_buf_printf(b, "<text x=\"%d\" y=\"%d\" font-size=\"9\" text-anchor=\"end\" "
	    "fill=\"#7b8794\">100</text><text x=\"%d\" y=\"%.0f\" font-size=\"9\" "
	    "text-anchor=\"end\" fill=\"#7b8794\">%d</text><text x=\"%d\" y=\"%d\" "
	    "font-size=\"9\" text-anchor=\"end\" fill=\"#7b8794\">0</text>\n",
	    pl - 3, pt + 7, pl - 3, pt + ph * below + 3, pass_mark,
	    pl - 3, h - pb);
	if (nbins == 0) {
		rc_buf_puts(b, "</svg></div>\n");
		return;
	}
	rc_buf_printf(b, "<text x=\"%d\" y=\"%d\" font-size=\"9\" fill=\"#7b8794\">"
	    "%s</text><text x=\"%d\" y=\"%d\" font-size=\"9\" text-anchor=\"end\" "
	    "fill=\"#7b8794\">%s</text>\n", pl, h - 3,
	    day(t->pts[0].t, d1, sizeof d1), w - pr, h - 3,
	    day(t->pts[t->npts - 1].t, d2, sizeof d2));
	/* A new day between two steps: a faint line half-way. */
	for (k = 1; k < nbins; k++) {
		size_t prev = k * t->npts / nbins - 1, cur = k * t->npts / nbins;
		double x = pl + ((double)k - 0.5) / (double)(nbins > 1 ? nbins - 1 : 1) *
		    pw;

		if (strcmp(day(t->pts[prev].t, d1, sizeof d1),
		    day(t->pts[cur].t, d2, sizeof d2)) != 0)
			rc_buf_printf(b, "<line class=\"day\" x1=\"%.1f\" x2=\"%.1f\" "
			    "y1=\"%d\" y2=\"%d\" stroke=\"#d9dee3\"><title>%s</title>"
			    "</line>\n", x, x, pt, h - pb, d2);
	}
	rc_buf_puts(b, "<polyline fill=\"none\" stroke=\"#2f6fb0\" "
	    "stroke-width=\"1.6\" stroke-linejoin=\"round\" points=\"");
	for (k = 0; k < nbins; k++) {
		size_t lo = k * t->npts / nbins, hi = (k + 1) * t->npts / nbins, m;
		double sum = 0, x, y;

		for (m = lo; m < hi; m++)
			sum += t->pts[m].score;
		x = pl + (nbins > 1 ? (double)k / (double)(nbins - 1) : 0.5) * pw;
		y = pt + (1 - sum / (double)(hi - lo) / 100) * ph;
		rc_buf_printf(b, "%s%.1f,%.1f", k ? " " : "", x, y);
	}
	rc_buf_puts(b, "\"/>\n");
	/* A dot a step, each with its title: the session, or the bin. */
	for (k = 0; k < nbins; k++) {
		size_t lo = k * t->npts / nbins, hi = (k + 1) * t->npts / nbins, m;
		double sum = 0, x, y;
		long passed = 0;

		for (m = lo; m < hi; m++) {
			sum += t->pts[m].score;
			passed += t->pts[m].passed != 0;
		}
		sum /= (double)(hi - lo);
		x = pl + (nbins > 1 ? (double)k / (double)(nbins - 1) : 0.5) * pw;
		y = pt + (1 - sum / 100) * ph;
		rc_buf_printf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" "
		    "fill=\"%s\">", x, y, 2 * passed >= (long)(hi - lo) ?
		    "#2e9e5b" : "#d64541");
		if (hi - lo == 1) {
			point_title(b, r, t, &t->pts[lo]);
		} else {
			rc_buf_printf(b, "<title>");
			rc_html_escape(b, t->name);
			rc_buf_printf(b, ", sessions %zu to %zu (%s to %s): mean score "
			    "%.0f, %ld passed</title>", lo + 1, hi,
			    day(t->pts[lo].t, d1, sizeof d1),
			    day(t->pts[hi - 1].t, d2, sizeof d2), sum, passed);
		}
		rc_buf_puts(b, "</circle>\n");
	}
	rc_buf_puts(b, "</svg></div>\n");
}

static void
sparks(struct rc_buf *b, const struct rc_report *r, int pass_mark)
{
	size_t i, n = 0;

	rc_buf_printf(b, "<section><h2>Scores over time</h2>\n<p class=\"note\">"
	    "Overall score of each scored session in the order played, one step "
	    "a session (averaged in 40 steps when there are more), so calls on "
	    "the same day stand side by side, a faint line marks a new day, each "
	    "dot names its session, and the dashed line is a pass mark of %d.  "
	    "Trend: for each scenario played at least twice, the latest score "
	    "minus the first, averaged over those scenarios (a later call "
	    "against a harder debtor is not counted as a drop).</p>\n"
	    "<div class=\"sparks\">\n", pass_mark);
	for (i = 0; i < r->ntrainees && n < MAX_SPARKS; i++) {
		if (r->trainees[i]->npts == 0)
			continue;
		spark(b, r, r->trainees[i], pass_mark);
		n++;
	}
	rc_buf_puts(b, "</div></section>\n");
}

/* Outcome score against practice score, one dot a session (sampled). */
static void
scatter(struct rc_buf *b, const struct rc_report *r)
{
	const int w = 640, h = 420, pl = 56, pr = 20, pt = 16, pb = 48;
	size_t i, k, total = 0, step;
	int g;

	for (i = 0; i < r->ntrainees; i++)
		total += r->trainees[i]->npts;
	step = total > MAX_SCATTER ? (total + MAX_SCATTER - 1) / MAX_SCATTER : 1;
	rc_buf_puts(b, "<section class=\"chart\"><h2>Outcome against practice</h2>\n<p class=\"note\">"
	    "Each dot is a session: how well the practices were followed (x) "
	    "against what the call achieved (y); green passed, red did not.");
	if (step > 1)
		rc_buf_printf(b, " One session in %zu is shown (%zu in all).", step,
		    total);
	rc_buf_puts(b, "</p>\n");
	rc_buf_printf(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"fit\" "
	    "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" "
	    "aria-label=\"outcome against practice score\">\n", w, h, w, h);
	rc_buf_printf(b, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" "
	    "fill=\"#f8f9fa\"/>\n", pl, pt, w - pl - pr, h - pt - pb);
	for (g = 0; g <= 100; g += 20) {
		double x = pl + g / 100.0 * (w - pl - pr);
		double y = pt + (1 - g / 100.0) * (h - pt - pb);

		rc_buf_printf(b, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" "
		    "stroke=\"#e4e7eb\"/><line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" "
		    "y2=\"%.1f\" stroke=\"#e4e7eb\"/>\n", x, x, pt, h - pb, pl, w - pr,
		    y, y);
		rc_buf_printf(b, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" "
		    "text-anchor=\"middle\" fill=\"#52606d\">%d</text><text x=\"%d\" "
		    "y=\"%.1f\" font-size=\"11\" text-anchor=\"end\" fill=\"#52606d\">"
		    "%d</text>\n", x, h - pb + 16, g, pl - 6, y + 4, g);
	}
	rc_buf_printf(b, "<text x=\"%d\" y=\"%d\" font-size=\"12\" "
	    "text-anchor=\"middle\" fill=\"#1f2933\">practice score</text>\n",
	    pl + (w - pl - pr) / 2, h - 10);
	rc_buf_printf(b, "<text x=\"16\" y=\"%d\" font-size=\"12\" "
	    "text-anchor=\"middle\" fill=\"#1f2933\" transform=\"rotate(-90 16 %d)\">"
	    "outcome score</text>\n", pt + (h - pt - pb) / 2, pt + (h - pt - pb) / 2);
	k = 0;
	for (i = 0; i < r->ntrainees; i++) {
		const struct rc_report_trainee *t = r->trainees[i];
		size_t m;

		for (m = 0; m < t->npts; m++, k++) {
			if (k % step != 0)
				continue;
			rc_buf_printf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" "
			    "fill=\"%s\" fill-opacity=\"0.55\">",
			    pl + t->pts[m].practice / 100.0 * (w - pl - pr),
			    pt + (1 - t->pts[m].outcome / 100.0) * (h - pt - pb),
			    t->pts[m].passed ? "#2e9e5b" : "#d64541");
			point_title(b, r, t, &t->pts[m]);
			rc_buf_puts(b, "</circle>\n");
		}
	}
	rc_buf_puts(b, "</svg></section>\n");
}

/* The trainees as the leaderboard ranks them, with the trend and, when
 * the sessions hold drill calls, how far each trainee got. */
static void
table(struct rc_buf *b, const struct rc_report *r)
{
	struct rc_report_trainee **v = rc_report_ranked(r);
	int drills = r->ncalls > 0;
	long done, total;
	size_t i, n;

	rc_buf_puts(b, "<section><h2>Trainees</h2>\n<p class=\"note\">Ranked by "
	    "mean score, then fewer critical failures, then sessions passed.  "
	    "Trend: for each scenario the trainee played at least twice, the "
	    "latest score minus the first, averaged over those scenarios (how "
	    "many in brackets; &mdash; when no scenario was played twice).");
	if (drills)
		rc_buf_puts(b, "  Drill: calls finished of the drills the trainee "
		    "started (each drill&#39;s calls being those anyone played in "
		    "it); a drill not finished is flagged, its scores being over the "
		    "calls played so far.");
	rc_buf_puts(b, "</p>\n<table class=\"ranked\"><thead><tr><th>Rank</th><th>Trainee</th>"
	    "<th>Sessions</th><th>Scored</th><th>Passed</th><th>Mean score"
	    "</th><th>Practice</th><th>Outcome</th><th>Best</th><th>Trend</th>"
	    "<th>Critical</th>");
	rc_buf_puts(b, drills ? "<th>Drill</th></tr></thead><tbody>\n" :
	    "</tr></thead><tbody>\n");
	for (i = 0; i < r->ntrainees; i++) {
		const struct rc_report_trainee *t = v[i];
		double trend = rc_report_trend(t, &n);

		if (t->scored)
			rc_buf_printf(b, "<tr><td>%zu</td><td>", i + 1);
		else
			rc_buf_puts(b, "<tr><td>-</td><td>");
		rc_html_escape(b, t->name);
		rc_buf_printf(b, "</td><td>%ld</td><td>%ld</td>", t->sessions, t->scored);
		if (t->scored) {
			rc_buf_printf(b, "<td>%.0f%%</td><td>%.1f</td><td>%.1f</td>"
			    "<td>%.1f</td>", 100.0 * (double)t->passed /
			    (double)t->scored, rc_report_mean_score(t),
			    rc_report_mean_practice(t), rc_report_mean_outcome(t));
			if (t->has_best)
				rc_buf_printf(b, "<td>%.0f</td>", t->best);
			else
				rc_buf_puts(b, "<td>-</td>");
		} else
			rc_buf_puts(b, "<td>-</td><td>-</td><td>-</td><td>-</td><td>-</td>");
		if (n)
			rc_buf_printf(b, "<td class=\"%s\" title=\"over %zu scenario%s "
			    "played again\">%+.1f (%zu)</td>", trend >= 0 ? "up" : "down",
			    n, n == 1 ? "" : "s", trend, n);
		else
			rc_buf_puts(b, "<td title=\"no scenario played twice\">&mdash;</td>");
		if (t->critical > 0)
			rc_buf_printf(b, "<td class=\"critical\">%ld</td>", t->critical);
		else
			rc_buf_puts(b, "<td>0</td>");
		if (drills) {
			if (!rc_report_drill_progress(r, t, &done, &total))
				rc_buf_puts(b, "<td>-</td>");
			else if (done < total)
				rc_buf_printf(b, "<td class=\"incomplete\">%ld/%ld calls, not "
				    "finished</td>", done, total);
			else
				rc_buf_printf(b, "<td>%ld/%ld calls</td>", done, total);
		}
		rc_buf_puts(b, "</tr>\n");
	}
	rc_buf_puts(b, "</tbody></table></section>\n");
	free(v);
}

/* Trainees x scenarios: the mean score of each trainee's scored sessions
 * with each scenario, coloured like the heat map. */
static void
grid(struct rc_buf *b, const struct rc_report *r)
{
	size_t rows = r->ntrainees < MAX_HEAT_ROWS ? r->ntrainees : MAX_HEAT_ROWS;
	size_t i, j;

	rc_buf_puts(b, "<section><h2>Scores by trainee and scenario</h2>\n"
	    "<p class=\"note\">Mean overall score of each trainee&#39;s scored "
	    "sessions with each scenario, how many in brackets, and the change "
	    "from the first to the latest when played more than once (&mdash;: "
	    "never played; ?: played, never scored).");
	if (rows < r->ntrainees)
		rc_buf_printf(b, " The first %zu trainees by name are shown.", rows);
	rc_buf_puts(b, "</p>\n<table class=\"grid\"><thead><tr><th>Trainee</th>");
	for (j = 0; j < r->nscenarios; j++) {
		rc_buf_puts(b, "<th class=\"sc\">");
		rc_html_escape(b, r->scenarios[j].id);
		rc_buf_puts(b, "</th>");
	}
	rc_buf_puts(b, "</tr></thead><tbody>\n");
	for (i = 0; i < rows; i++) {
		const struct rc_report_trainee *t = r->trainees[i];

		rc_buf_puts(b, "<tr><td>");
		rc_html_escape(b, t->name);
		rc_buf_puts(b, "</td>");
		for (j = 0; j < r->nscenarios; j++) {
			const struct rc_report_run *u = rc_report_run(t, j);
			char color[16];
			double mean;

			if (u == NULL) {
				rc_buf_puts(b, "<td>&mdash;</td>");
				continue;
			}
			if (u->scored == 0) {
				rc_buf_printf(b, "<td title=\"%ld session%s, none scored\">?"
				    "</td>", u->sessions, u->sessions == 1 ? "" : "s");
				continue;
			}
			mean = rc_report_run_mean(u);
			heat_color(mean / 100, color, sizeof color);
			rc_buf_printf(b, "<td style=\"background:%s\" title=\"", color);
			rc_html_escape(b, t->name);
			rc_buf_puts(b, " / ");
			rc_html_escape(b, r->scenarios[j].id);
			rc_buf_printf(b, ": mean %.0f over %ld scored session%s", mean,
			    u->scored, u->scored == 1 ? "" : "s");
			if (u->scored >= 2)
				rc_buf_printf(b, ", first %.0f, latest %.0f", (double)u->first,
				    (double)u->last);
			rc_buf_printf(b, "\">%.0f (%ld)", mean, u->scored);
			if (u->scored >= 2)
				rc_buf_printf(b, " <small>%+.0f</small>",
				    (double)u->last - (double)u->first);
			rc_buf_puts(b, "</td>");
		}
		rc_buf_puts(b, "</tr>\n");
	}
	rc_buf_puts(b, "</tbody></table></section>\n");
}

/* A schedule as a list: one item a payment, its amount and due date (or
 * the words it was said in when no day is known). */
static void
schedule_list(struct rc_buf *b, const struct rc_terms *t, const char *currency)
{
	char amt[64], d[16];
	int i, k, n = 0;

	rc_buf_puts(b, "<ol class=\"schedule\">");
	for (i = 0; i < t->n; i++) {
		for (k = 0; k < t->part[i].count; k++, n++) {
			int64_t cents;
			int32_t due;

			if (!rc_terms_payment(t, n, &cents, &due))
				break;
			rc_buf_puts(b, "<li>");
			rc_html_escape(b, rc_amount_format(rc_units(cents), currency, amt,
			    sizeof amt));
			if (due != RC_DATE_NONE) {
				rc_buf_printf(b, " due <time datetime=\"%s\">%s</time>",
				    rc_date_iso(due, d, sizeof d), d);
			} else {
				rc_buf_puts(b, " due ");
				rc_html_escape(b, t->part[i].when[0] ? t->part[i].when :
				    "a day not set");
			}
			rc_buf_puts(b, "</li>");
		}
	}
	rc_buf_puts(b, "</ol>");
}

/* The most recent sessions with a critical failure, newest first. */
static void
criticals(struct rc_buf *b, const struct rc_report *r)
{
	const struct rc_report_critical *c;
	char d[32];
	size_t i;

	rc_buf_puts(b, "<section><h2>Critical failures</h2>\n<p class=\"note\">");
	if (r->critical > RC_REPORT_CRITICALS)
		rc_buf_printf(b, "The %d most recent of %ld sessions with a critical "
		    "failure, newest first.", RC_REPORT_CRITICALS, r->critical);
	else
		rc_buf_puts(b, "Every session with a critical failure, newest first.");
	rc_buf_puts(b, " None of them passed, whatever its score; the best "
	    "scores above leave them out.</p>\n"
	    "<table class=\"critical\"><thead><tr><th>Session</th><th>Started</th>"
	    "<th>Trainee</th><th>Scenario</th><th>Critical failures</th></tr>"
	    "</thead><tbody>\n");
	for (i = 0; (c = rc_report_critical(r, i)) != NULL; i++) {
		rc_buf_printf(b, "<tr><td>%lld</td><td>", (long long)c->id);
		rc_html_escape(b, rc_report_iso_time(c->started_at, d, sizeof d));
		rc_buf_puts(b, "</td><td>");
		rc_html_escape(b, c->trainee);
		rc_buf_puts(b, "</td><td>");
		rc_html_escape(b, c->scenario);
		rc_buf_puts(b, "</td><td class=\"critical\">");
		rc_html_escape(b, c->failures);
		rc_buf_puts(b, "</td></tr>\n");
	}
	rc_buf_puts(b, "</tbody></table></section>\n");
}

/* Compliance breaches per trainee: the sessions judged (those with a
 * legal frame), the breaches, and each rule breached with how often. */
static void
compliance(struct rc_buf *b, const struct rc_report *r)
{
	size_t i, k;

	rc_buf_puts(b, "<section><h2>Compliance breaches</h2>\n<p class=\"note\">"
	    "Per trainee, in the scored sessions that had a legal frame: the "
	    "compliance rules broken and how often (docs/compliance.md).</p>\n"
	    "<table class=\"critical\"><thead><tr><th>Trainee</th><th>Sessions "
	    "judged</th><th>Breaches</th><th>Rules broken</th></tr></thead>"
	    "<tbody>\n");
	for (i = 0; i < r->ntrainees; i++) {
		const struct rc_report_trainee *t = r->trainees[i];

		if (t->judged == 0)
			continue;
		rc_buf_puts(b, "<tr><td>");
		rc_html_escape(b, t->name);
		rc_buf_printf(b, "</td><td>%ld</td><td>%ld</td><td>", t->judged,
		    t->breaches);
		for (k = 0; k < t->nrules; k++) {
			if (k > 0)
				rc_buf_puts(b, ", ");
			rc_html_escape(b, t->rules[k].id);
			rc_buf_printf(b, " &times;%ld", t->rules[k].n);
		}
		rc_buf_puts(b, "</td></tr>\n");
	}
	rc_buf_puts(b, "</tbody></table></section>\n");
}

/* The most recent agreements, newest first, each with its schedule. */
static void
agreements(struct rc_buf *b, const struct rc_report *r)
{
	const struct rc_report_agreement *a;
	char amt[64], d[16], words[512];
	size_t i;

	rc_buf_puts(b, "<section><h2>Agreements</h2>\n<p class=\"note\">");
	if (r->nagreements > RC_REPORT_AGREEMENTS)
		rc_buf_printf(b, "The %d most recent of %ld sessions with an "
		    "agreement, newest first.", RC_REPORT_AGREEMENTS, r->nagreements);
	else
		rc_buf_puts(b, "Every session with an agreement, newest first.");
	rc_buf_puts(b, " The terms in the words of the scorecard (&ldquo;today&rdquo; "
	    "is the call&#39;s date) and each payment as agreed.</p>\n"
	    "<table class=\"deals\"><thead><tr><th>Session</th><th>Trainee</th>"
	    "<th>Scenario</th><th>Call date</th><th>Agreement</th><th>Schedule</th>"
	    "<th>Total</th><th>Left open</th></tr></thead><tbody>\n");
	for (i = 0; (a = rc_report_agreement(r, i)) != NULL; i++) {
		struct rc_terms t;

		rc_buf_printf(b, "<tr><td>%lld</td><td>", (long long)a->id);
		rc_html_escape(b, a->trainee);
		rc_buf_puts(b, "</td><td>");
		rc_html_escape(b, a->scenario);
		rc_buf_puts(b, "</td><td>");
		if (a->call_date != RC_DATE_NONE)
			rc_buf_puts(b, rc_date_iso(a->call_date, d, sizeof d));
		else
			rc_buf_puts(b, "-");
		rc_buf_puts(b, "</td><td>");
		if (!rc_report_agreement_terms(a, &t)) {
			rc_buf_puts(b, "(unreadable)</td><td></td><td></td><td></td></tr>\n");
			continue;
		}
		rc_html_escape(b, rc_terms_say(&t, a->currency, a->call_date, 0,
		    words, sizeof words));
		rc_buf_puts(b, "</td><td>");
		schedule_list(b, &t, a->currency);
		rc_buf_puts(b, "</td><td>");
		rc_html_escape(b, rc_amount_format(rc_units(t.total), a->currency, amt,
		    sizeof amt));
		rc_buf_puts(b, "</td><td>");
		rc_html_escape(b, rc_amount_format(rc_units(t.balance_left),
		    a->currency, amt, sizeof amt));
		rc_buf_puts(b, "</td></tr>\n");
	}
	rc_buf_puts(b, "</tbody></table></section>\n");
}

void
rc_report_html(struct rc_buf *b, const struct rc_report *r, const char *title,
               const char *scope, int64_t now, int pass_mark)
{
	char d1[16], d2[16], gen[32];
	time_t tt = (time_t)now;
	struct tm tm;

	if (localtime_r(&tt, &tm) == NULL ||
	    strftime(gen, sizeof gen, "%Y-%m-%d %H:%M", &tm) == 0)
		snprintf(gen, sizeof gen, "-");
	rc_buf_puts(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n"
	    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src "
	    "'none'; style-src 'unsafe-inline'; img-src data:\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	    "<title>");
	rc_html_escape(b, title);
	rc_buf_printf(b, "</title>\n<style>%s</style>\n</head>\n<body>\n<header><h1>",
	    style_sheet);
	rc_html_escape(b, title);
	rc_buf_puts(b, "</h1><p>");
	if (scope && *scope) {
		rc_html_escape(b, scope);
		rc_buf_puts(b, " &middot; ");
	}
	if (r->sessions)
		rc_buf_printf(b, "sessions from %s to %s", day(r->first, d1, sizeof d1),
		    day(r->last, d2, sizeof d2));
	else
		rc_buf_puts(b, "no sessions");
	rc_buf_puts(b, "</p></header>\n<main>\n");
	tiles(b, r);
	if (r->scored == 0) {
		rc_buf_puts(b, "<section><h2>No scored sessions</h2><p class=\"note\">"
		    "Nothing to chart for these filters.</p></section>\n");
	} else {
		heatmap(b, r);
		sparks(b, r, pass_mark);
		scatter(b, r);
		table(b, r);
		grid(b, r);
	}
	if (r->critical > 0)
		criticals(b, r);
	if (r->breaches > 0)
		compliance(b, r);
	if (r->nagreements > 0)
		agreements(b, r);
	rc_buf_printf(b, "</main>\n<footer>Generated by recoup %s on %s.  Scores "
	    "are each session's current scorecard.</footer>\n</body>\n</html>\n",
	    RECOUP_VERSION, gen);
}
