/*
 * detect-core.c - detectors for practices 1 to 10: the conduct of the call
 * (negotiating throughout, the reminder, accurate figures, research,
 * courtesy, calm, respect, realism, a clear message, a minimum).  Each
 * detector reads the lines' signals, amounts and events and cites the turns
 * that decided its result.  The only text read here directly is structured
 * data the amount reader leaves alone: invoice numbers, dates, times and
 * "N days overdue", which the accuracy and clarity checks compare with the
 * case file; judgements of tone and intent always come from the signals.
 */
#include <ctype.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "date.h"
#include "amount.h"
#include "detect.h"
#include "score.h"
#include "xmalloc.h"

#define NONE RC_DETECT_NONE
#define WORDS_MAX 96
#define IDS_MAX RC_LINE_IDS
#define SUBSET_MAX 10     /* unpaid invoices whose every subset sum is a figure */

static int
near(double a, double b, double tol)
{
	return fabs(a - b) <= tol;
}

/* Is V within TOL of one of the N values of A? */
static int
near_any(const double *a, size_t n, double v, double tol)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (near(v, a[i], tol))
			return 1;
	return 0;
}

/* ---- Words: invoice numbers, dates and times in a line ---- */

struct word {
	const char *s;
	size_t n;
	char after;               /* the character right after the word */
};

/* Splits TEXT into runs of letters and digits; '#' is a word of its own. */
static size_t
split(const char *text, struct word *w, size_t max)
{
	const char *p = text;
	size_t n = 0;

	while (*p && n < max) {
		const char *s = p;

		if (*p == '#') {
			p++;
		} else if (isalnum((unsigned char)*p)) {
			while (isalnum((unsigned char)*p))
				p++;
		} else {
			p++;
			continue;
		}
		w[n].s = s;
		w[n].n = (size_t)(p - s);
		w[n].after = *p;
		n++;
	}
	return n;
}

static int
weq(const struct word *w, const char *s)
{
	return strlen(s) == w->n && strncasecmp(w->s, s, w->n) == 0;
}

static int
win(const struct word *w, const char *const *list)
{
	for (; *list; list++)
		if (weq(w, *list))
			return 1;
	return 0;
}

static int
digits(const struct word *w)
{
	size_t i;

	for (i = 0; i < w->n; i++)
		if (!isdigit((unsigned char)w->s[i]))
			return 0;
	return w->n > 0;
}

static long
wnum(const struct word *w)
{
	size_t i;
	long v = 0;

	for (i = 0; i < w->n && i < 9 && isdigit((unsigned char)w->s[i]); i++)
		v = v * 10 + (w->s[i] - '0');
	return v;
}

/* "15th", "1st": the day, or 0. */
static int
ordinal(const struct word *w)
{
	size_t k = 0;

	while (k < w->n && isdigit((unsigned char)w->s[k]))
		k++;
	if (k == 0 || k > 2 || w->n != k + 2)
		return 0;
	if (strncasecmp(w->s + k, "st", 2) && strncasecmp(w->s + k, "nd", 2) &&
	    strncasecmp(w->s + k, "rd", 2) && strncasecmp(w->s + k, "th", 2))
		return 0;
	return (int)wnum(w);
}

static int
month(const struct word *w)
{
	static const char *const full[] = { "january", "february", "march",
	    "april", "may", "june", "july", "august", "september", "october",
	    "november", "december" };
	int m;

	for (m = 0; m < 12; m++) {
		if (strlen(full[m]) == w->n && strncasecmp(w->s, full[m], w->n) == 0)
			return m + 1;
		if ((w->n == 3 || (m == 8 && w->n == 4)) &&
		    strncasecmp(w->s, full[m], w->n) == 0)
			return m + 1;
	}
	return 0;
}

static const char *
month_name(int m)
{
	static const char *const names[] = { "January", "February", "March",
	    "April", "May", "June", "July", "August", "September", "October",
	    "November", "December" };

	return m >= 1 && m <= 12 ? names[m - 1] : "?";
}

static int
day(const struct word *w)
{
	int d = ordinal(w);

	if (d == 0 && digits(w) && w->n <= 2)
		d = (int)wnum(w);
	return d >= 1 && d <= 31 ? d : 0;
}

struct date {
	int y, m, d;              /* 0 when not said */
};

/* Reads a date at W[I]: "2026-09-15", "9/15[/2026]", "September 15[th][,
 * 2026]", "15[th] [of] September [2026]", "the 15th".  Returns the number
 * of words it spans, 0 when there is none.  A month name alone ("may")
 * is not a date. */
static size_t
date_at(const struct word *w, size_t n, size_t i, struct date *dt)
{
	memset(dt, 0, sizeof *dt);
	if (i + 2 < n && digits(&w[i]) && w[i].n == 4 && w[i].after == '-' &&
	    digits(&w[i + 1]) && w[i + 1].after == '-' && digits(&w[i + 2])) {
		dt->y = (int)wnum(&w[i]);
		dt->m = (int)wnum(&w[i + 1]);
		dt->d = (int)wnum(&w[i + 2]);
		return dt->m >= 1 && dt->m <= 12 && dt->d >= 1 && dt->d <= 31 ? 3 : 0;
	}
	if (i + 1 < n && digits(&w[i]) && w[i].n <= 2 && w[i].after == '/' &&
	    digits(&w[i + 1]) && w[i + 1].n <= 2) {
		dt->m = (int)wnum(&w[i]);
		dt->d = (int)wnum(&w[i + 1]);
		if (i + 2 < n && w[i + 1].after == '/' && digits(&w[i + 2]) &&
		    w[i + 2].n == 4) {
			dt->y = (int)wnum(&w[i + 2]);
			return 3;
		}
		return dt->m >= 1 && dt->m <= 12 && dt->d >= 1 && dt->d <= 31 ? 2 : 0;
	}
	if (i + 1 < n && month(&w[i]) && day(&w[i + 1])) {
		dt->m = month(&w[i]);
		dt->d = day(&w[i + 1]);
		if (i + 2 < n && digits(&w[i + 2]) && w[i + 2].n == 4) {
			dt->y = (int)wnum(&w[i + 2]);
			return 3;
		}
		return 2;
	}
	if (i + 1 < n && day(&w[i])) {
		size_t k = i + 1;

		if (k + 1 < n && weq(&w[k], "of"))
			k++;
		if (month(&w[k])) {
			dt->d = day(&w[i]);
			dt->m = month(&w[k]);
			if (k + 1 < n && digits(&w[k + 1]) && w[k + 1].n == 4) {
				dt->y = (int)wnum(&w[k + 1]);
				k++;
			}
			return k + 1 - i;
		}
	}
	if (i + 1 < n && weq(&w[i], "the") && ordinal(&w[i + 1])) {
		dt->d = ordinal(&w[i + 1]);
		return dt->d <= 31 ? 2 : 0;
	}
	return 0;
}

/* Does TEXT name a day or a time: a weekday, today/tomorrow/now, a date,
 * a clock time, "next week", "end of the month", "in two weeks"?  Callers
 * ask only of lines that also name a payment or a next step. */
static int
names_when(const char *text)
{
	static const char *const days[] = { "monday", "tuesday", "wednesday",
	    "thursday", "friday", "saturday", "sunday", "today", "tomorrow",
	    "tonight", "now", "noon", "midday", "eod", "mon", "tue", "tues", "wed",
	    "thu", "thur", "thurs", "fri", NULL };
	static const char *const spans[] = { "week", "weeks", "month", "months",
	    "day", "days", "fortnight", NULL };
	static const char *const lead[] = { "next", "this", "end", "within",
	    "in", NULL };
	struct word w[WORDS_MAX];
	struct date dt;
	size_t n = split(text, w, WORDS_MAX), i;

	for (i = 0; i < n; i++) {
		if (win(&w[i], days) || date_at(w, n, i, &dt))
			return 1;
		/* "10am", "10 am", "10:30" */
		if (digits(&w[i]) && w[i].after == ':' && i + 1 < n &&
		    digits(&w[i + 1]) && w[i + 1].n == 2)
			return 1;
		if (w[i].n >= 3 && isdigit((unsigned char)w[i].s[0]) &&
		    (strncasecmp(w[i].s + w[i].n - 2, "am", 2) == 0 ||
		     strncasecmp(w[i].s + w[i].n - 2, "pm", 2) == 0))
			return 1;
		if (digits(&w[i]) && i + 1 < n && (weq(&w[i + 1], "am") ||
		    weq(&w[i + 1], "pm")))
			return 1;
		if (win(&w[i], lead) && i + 1 < n) {
			size_t k = i + 1;

			/* "end of the month", "in two weeks", "within 7 days" */
			if (weq(&w[i], "end") && k < n && weq(&w[k], "of"))
				k++;
			if (k < n && (weq(&w[k], "the") || weq(&w[k], "a") ||
			    weq(&w[k], "two") || weq(&w[k], "three") || digits(&w[k])))
				k++;
			if (k < n && win(&w[k], spans))
				return 1;
		}
	}
	return 0;
}

/* Reads the invoice numbers in TEXT ("INV-2291", "invoice 2291", "invoice
 * #2291", "invoices 2291 and 2307", "#2291") into IDS as their digits.
 * Returns how many were read. */
size_t
rc_line_invoice_ids(const char *text, long *ids, size_t max)
{
	static const char *const filler[] = { "no", "nr", "num", "number",
	    "numbers", "#", "ref", NULL };
	struct word w[WORDS_MAX];
	size_t n = split(text, w, WORDS_MAX), i, k, got = 0;

	for (i = 0; i < n && got < max; i++) {
		const struct word *u = &w[i];
		int list = 0;

		/* "INV2291" written as one word */
		if (u->n > 3 && strncasecmp(u->s, "inv", 3) == 0 &&
		    isdigit((unsigned char)u->s[3])) {
			struct word rest = { u->s + 3, u->n - 3, u->after };

			if (digits(&rest) && rest.n >= 3)
				ids[got++] = wnum(&rest);
			continue;
		}
		if (weq(u, "invoices") || weq(u, "bills"))
			list = 1;
		else if (!weq(u, "inv") && !weq(u, "invoice") && !weq(u, "#") &&
		    !weq(u, "bill"))
			continue;
		k = i + 1;
		while (k < n && k < i + 3 && win(&w[k], filler))
			k++;
		while (k < n && got < max && digits(&w[k]) && w[k].n >= 3 &&
		    w[k].after != '/' && !(w[k].n == 4 && w[k].after == '-')) {
			ids[got++] = wnum(&w[k]);
			k++;
			if (!list)
				break;
			while (k < n && (weq(&w[k], "and") || weq(&w[k], "or") ||
			    win(&w[k], filler)))
				k++;
		}
		i = k > i ? k - 1 : i;
	}
	return got;
}

static long
id_digits(const char *id)
{
	long v = 0;
	int any = 0;

	for (; id && *id; id++) {
		if (isdigit((unsigned char)*id)) {
			if (v < 100000000L)
				v = v * 10 + (*id - '0');
			any = 1;
		}
	}
	return any ? v : -1;
}

/* Reads a case file's due date ("2026-09-15") into DT; 0 when it is not a
 * real calendar day. */
static int
parse_due(const char *s, struct date *dt)
{
	int32_t day;

	memset(dt, 0, sizeof *dt);
	if (s == NULL || !rc_date_parse_iso(s, &day))
		return 0;
	rc_date_ymd(day, &dt->y, &dt->m, &dt->d);
	return 1;
}

/* ---- What the case file makes true ---- */

struct facts {
	const struct rc_case *c;
	double tol;
	double *base;                         /* balance, invoices, sums of unpaid ones */
	size_t nbase, bcap;
	double *paid;                         /* payments stated in the call */
	size_t npaid, cap;
	int overdue[32];                      /* days overdue of unpaid invoices */
	size_t noverdue;
};

static void
add_base(struct facts *f, double v)
{
	if (f->nbase == f->bcap) {
		f->bcap = f->bcap ? 2 * f->bcap : 32;
		f->base = rc_xreallocarray(f->base, f->bcap, sizeof *f->base);
	}
	f->base[f->nbase++] = v;
}

static void
add_payment(struct facts *f, double v)
{
	if (!(v > 0))
		return;
	if (f->npaid == f->cap) {
		f->cap = f->cap ? 2 * f->cap : 32;
		f->paid = rc_xreallocarray(f->paid, f->cap, sizeof *f->paid);
	}
	f->paid[f->npaid++] = v;
}

/* Every payment amount of T, and its total. */
static void
add_terms(struct facts *f, const struct rc_terms *t)
{
	int i;

	for (i = 0; i < t->n; i++)
		add_payment(f, rc_units(t->part[i].cents));
	add_payment(f, rc_units(t->total));
}

/* Collects the true figures of the debt and the payments named in the
 * call (proposals, the debtor's offers, the agreement, the floor), from
 * which remainders are true too. */
static void
facts_init(struct facts *f, const struct rc_detect *d)
{
	const struct rc_case *c = d->in->c;
	const struct rc_transcript *t = d->in->t;
	double unpaid[SUBSET_MAX];
	size_t nunpaid = 0, i, j, mask;
	long oldest = 0;
	int have_oldest = 0;

	memset(f, 0, sizeof *f);
	f->c = c;
	f->tol = rc_rubric_setting(d->def, "tolerance", 1);
	if (c == NULL)
		return;
	add_base(f, c->balance);
	for (i = 0; i < c->ninvoices; i++) {
		const struct rc_case_invoice *inv = &c->invoices[i];
		struct date dt;

		add_base(f, inv->amount);
		if (inv->paid)
			continue;
		if (nunpaid < SUBSET_MAX)
			unpaid[nunpaid++] = inv->amount;
		if (parse_due(inv->due, &dt)) {
			long days = rc_date_from_ymd(dt.y, dt.m, dt.d);

			if (!have_oldest || days < oldest)
				oldest = days;
			have_oldest = 1;
		}
	}
	/* Sums of two or more unpaid invoices (singles are already in). */
	for (mask = 1; mask < ((size_t)1 << nunpaid); mask++) {
		double sum = 0;
		int bits = 0;

		for (j = 0; j < nunpaid; j++)
			if (mask & ((size_t)1 << j)) {
				sum += unpaid[j];
				bits++;
			}
		if (bits > 1)
			add_base(f, sum);
	}
	/* The case's days overdue is the oldest unpaid invoice's; the others
	 * are that many days less overdue as they fell due later. */
	if (c->days_overdue > 0) {
		f->overdue[f->noverdue++] = c->days_overdue;
		for (i = 0; i < c->ninvoices && f->noverdue < 32; i++) {
			struct date dt;

			if (!c->invoices[i].paid && have_oldest &&
			    parse_due(c->invoices[i].due, &dt)) {
				long late = c->days_overdue -
				    (rc_date_from_ymd(dt.y, dt.m, dt.d) - oldest);

				if (late > 0)
					f->overdue[f->noverdue++] = (int)late;
			}
		}
	}
	for (i = 0; i < d->nlines; i++) {
		const struct rc_line *l = &d->lines[i];
		const struct rc_event *ev;

		if (l->prop.kind != RC_PROP_NONE) {
			add_terms(f, &l->prop.terms);
		}
		if (debtor(l) && (l->debtor_offer || RC_HAS(l, RC_SIG_D_OFFER)))
			for (j = 0; j < l->nmoney; j++)
				add_payment(f, l->money[j].value);
		for (j = 0; j < l->turn->nevents; j++) {
			ev = &l->turn->events[j];
			if (ev->has_amount)
				add_payment(f, ev->amount);
			if (ev->has_terms)
				add_terms(f, &ev->terms);
		}
	}
	if (t->has_agreement)
		add_terms(f, &t->agreement);
	if (t->has_floor)
		add_payment(f, t->floor);
}

static void
facts_free(struct facts *f)
{
	free(f->paid);
	free(f->base);
}

/* Is V a figure of the debt: an invoice, the balance, a sum of unpaid
 * invoices, a half, third or quarter of one, or what one leaves after a
 * payment named in the call? */
static int
true_figure(const struct facts *f, double v)
{
	static const double shares[] = { 1, 0.5, 1.0 / 3, 2.0 / 3, 0.25, 0.75 };
	size_t i, j, k;

	for (i = 0; i < f->nbase; i++) {
		for (k = 0; k < sizeof shares / sizeof shares[0]; k++)
			if (near(v, f->base[i] * shares[k], f->tol))
				return 1;
		for (j = 0; j < f->npaid; j++)
			if (f->paid[j] < f->base[i] &&
			    near(v, f->base[i] - f->paid[j], f->tol))
				return 1;
	}
	return 0;
}

/* Is V the balance, an invoice or a sum of unpaid invoices? */
static int
debt_figure(const struct facts *f, double v)
{
	return near_any(f->base, f->nbase, v, f->tol);
}

/* Is V a payment named in the call (the collector echoing an offer or
 * restating a proposal)? */
static int
named_payment(const struct facts *f, double v)
{
	return near_any(f->paid, f->npaid, v, f->tol);
}

/* Is amount V in line L part of what the line proposes, rather than a
 * statement about the debt? */
static int
proposed(const struct rc_line *l, double v, double tol)
{
	const struct rc_proposal *p = &l->prop;

	if (p->kind == RC_PROP_NONE)
		return 0;
	return near(v, p->upfront, tol) || near(v, p->instalment, tol) ||
	    near(v, p->total, tol);
}

struct claims {
	size_t right, wrong;      /* figures found true / false */
	char what[96];            /* the first false one, for the note */
};

static int
date_matches(const struct rc_case *c, const struct date *said)
{
	size_t i;

	for (i = 0; i < c->ninvoices; i++) {
		struct date due;

		if (!parse_due(c->invoices[i].due, &due))
			continue;
		if (said->d == due.d && (said->m == 0 || said->m == due.m) &&
		    (said->y == 0 || said->y == due.y))
			return 1;
	}
	return 0;
}

/* Checks the due dates ("due on September 15") and ages ("47 days
 * overdue") stated in TEXT against the case. */
static void
check_dates(const struct facts *f, const char *text, struct claims *cl)
{
	static const char *const filler[] = { "on", "date", "was", "is", "were",
	    "are", "back", "since", "from", "in", "of", "dated", "been", NULL };
	static const char *const late[] = { "overdue", "late", "past", "behind",
	    NULL };
	static const char *const over[] = { "over", "than", "least", NULL };
	static const char *const about[] = { "about", "around", "almost",
	    "nearly", "roughly", "approximately", NULL };
	struct word w[WORDS_MAX];
	size_t n = split(text, w, WORDS_MAX), i, k;

	for (i = 0; i < n; i++) {
		struct date dt;

		if ((weq(&w[i], "due") || weq(&w[i], "overdue")) && f->c->ninvoices) {
			k = i + 1;
			while (k < n && k < i + 4 && win(&w[k], filler))
				k++;
			if (k < n && date_at(w, n, k, &dt)) {
				if (date_matches(f->c, &dt)) {
					cl->right++;
				} else {
					if (cl->wrong++ == 0)
						snprintf(cl->what, sizeof cl->what,
						    "due date %s%s%d", dt.m ? month_name(dt.m) : "the ",
						    dt.m ? " " : "", dt.d);
				}
			}
		}
		if (digits(&w[i]) && i + 2 < n && f->noverdue > 0 &&
		    (weq(&w[i + 1], "days") || weq(&w[i + 1], "day")) &&
		    win(&w[i + 2], late)) {
			long said = wnum(&w[i]);
			int ok = 0;
			size_t j;

			for (j = 0; j < f->noverdue; j++) {
				long real = f->overdue[j];

				if (i > 0 && win(&w[i - 1], over))
					ok |= said <= real;
				else if (i > 0 && win(&w[i - 1], about))
					ok |= labs(said - real) <= 3 + real / 10;
				else
					ok |= labs(said - real) <= 1;
			}
			if (ok) {
				cl->right++;
			} else if (cl->wrong++ == 0) {
				snprintf(cl->what, sizeof cl->what, "%ld days overdue", said);
			}
		}
	}
}

/* check_dates() for line L, read once per line and kept in it: a practice
 * call is rescored after every line, and the case does not change. */
static void
line_dates(const struct facts *f, const struct rc_line *cl_line,
           struct claims *cl)
{
	struct rc_line *l = (struct rc_line *)cl_line;

	if (!l->dates_read) {
		struct claims one;

		memset(&one, 0, sizeof one);
		check_dates(f, l->turn->text, &one);
		l->dates_read = 1;
		l->dates_right = (unsigned)one.right;
		l->dates_wrong = (unsigned)one.wrong;
		memcpy(l->dates_what, one.what, sizeof l->dates_what);
	}
	cl->right += l->dates_right;
	if (l->dates_wrong > 0 && cl->wrong == 0)
		memcpy(cl->what, l->dates_what, sizeof cl->what);
	cl->wrong += l->dates_wrong;
}

/* Is money M of TEXT a bare number naming a place rather than a sum: a
 * house number before a street's name ("your landlord at 41 Pine", "12
 * Harbour Road", "unit 17 Mill Lane" are not $41, $12, $17)?  Digits alone,
 * then a capitalised word that is no day, month or currency. */
static int
house_number(const char *text, const struct rc_money *m)
{
	static const char *const not_places[] = { "monday", "tuesday",
	    "wednesday", "thursday", "friday", "saturday", "sunday", "january",
	    "february", "march", "april", "may", "june", "july", "august",
	    "september", "october", "november", "december", "jan", "feb", "mar",
	    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
	    "dollars", "dollar", "pounds", "pound", "euros", "euro", "quid",
	    "bucks", "grand", "today", "tomorrow", "tonight", "now", "please",
	    "thanks", "thank", "ok", "okay" };
	const char *p = text + m->end, *w;
	size_t i, n;

	for (i = m->start; i < m->end; i++)
		if (!isdigit((unsigned char)text[i]))
			return 0;
	if (*p != ' ' || !isupper((unsigned char)p[1]) ||
	    !islower((unsigned char)p[2]))
		return 0;
	w = p + 1;
	for (n = 0; isalpha((unsigned char)w[n]); n++)
		;
	for (i = 0; i < sizeof not_places / sizeof not_places[0]; i++)
		if (strlen(not_places[i]) == n &&
		    strncasecmp(w, not_places[i], n) == 0)
			return 0;
	return 1;
}

/* Judges every figure about the debt in collector line L. */
static void
check_line(const struct facts *f, const struct rc_line *l, struct claims *cl)
{
	long ids[IDS_MAX];
	size_t nids, i, j;
	int unpaid_named;
	double floor = -1;

	/* A stated minimum (the smallest amount of a "the least we can take"
	 * line) is the collector's own figure, not the debt's. */
	if (RC_HAS(l, RC_SIG_MINIMUM))
		for (i = 0; i < l->nmoney; i++)
			if (floor < 0 || l->money[i].value < floor)
				floor = l->money[i].value;
	for (i = 0; i < l->nmoney; i++) {
		double v = l->money[i].value;

		if (v == floor || house_number(l->turn->text, &l->money[i]))
			continue;
		/* An ask names no fact, but asking for exactly the balance or
		 * an invoice shows the figure was known. */
		if (proposed(l, v, f->tol)) {
			cl->right += debt_figure(f, v);
			continue;
		}
		if (true_figure(f, v) || named_payment(f, v)) {
			cl->right++;
		} else if (cl->wrong++ == 0) {
			size_t len = l->money[i].end - l->money[i].start;

			snprintf(cl->what, sizeof cl->what, "%.*s",
			    (int)(len < 40 ? len : 40), l->turn->text + l->money[i].start);
		}
	}
	nids = l->nids;
	memcpy(ids, l->ids, nids * sizeof *ids);
	/* Does the line name an unpaid invoice too?  Then a paid one beside
	 * it is being told apart ("thanks for paying 5512; 5540 is still
	 * open"), not chased. */
	for (i = 0, unpaid_named = 0; i < nids; i++)
		for (j = 0; j < f->c->ninvoices; j++)
			if (id_digits(f->c->invoices[j].id) == ids[i] &&
			    !f->c->invoices[j].paid)
				unpaid_named = 1;
	for (i = 0; i < nids; i++) {
		int ok = 0, paid = 0;

		for (j = 0; j < f->c->ninvoices; j++)
			if (id_digits(f->c->invoices[j].id) == ids[i]) {
				ok = 1;
				paid = f->c->invoices[j].paid;
			}
		/* A paid invoice named as overdue or owed is a wrong claim
		 * about the debt; naming it as paid is right. */
		if (ok && paid && !unpaid_named && RC_HAS(l, RC_SIG_OVERDUE) &&
		    !RC_HAS(l, RC_SIG_CONFIRM_UNPAID))
			ok = 0;
		/* No invoice has that number, but the debt comes to it: a
		 * total said after the word ("the three invoices, 4600 all
		 * up"), not an invoice number. */
		if (!ok && debt_figure(f, (double)ids[i])) {
			for (j = 0; j < l->nmoney; j++)
				if (l->money[j].value == (double)ids[i])
					break;
			if (j == l->nmoney)
				cl->right++;
			continue;
		}
		if (ok)
			cl->right++;
		else if (cl->wrong++ == 0)
			snprintf(cl->what, sizeof cl->what, paid ?
			    "invoice %ld (paid) as owed" : "invoice %ld", ids[i]);
	}
	line_dates(f, l, cl);
}

/* ---- Landmarks of the call ---- */

/* The index of the first line after which the collector is talking to the
 * debtor: after the first right-party-confirmed event, or the start.  A
 * call that only ever reached a gatekeeper or a wrong party (events
 * "gatekeeper" / "wrong-party" and no confirmation) returns NONE. */
static size_t
reached(const struct rc_detect *d)
{
	size_t i;
	int stranger = 0;

	for (i = 0; i < d->nlines; i++) {
		const struct rc_line *l = &d->lines[i];

		if (l->right_party || (debtor(l) && RC_EV(l, RC_LEV_RIGHT_PARTY_CONFIRMED)))
			return i + 1;
		if (l->gatekeeper || RC_EV(l, RC_LEV_GATEKEEPER) || RC_EV(l, RC_LEV_WRONG_PARTY))
			stranger = 1;
	}
	return stranger ? NONE : 0;
}

/* The first line where bargaining starts: a debtor offer, or a collector
 * proposal of less than the whole balance at once (a plan, a part).
 * Asking for everything is the opening position, not yet a bargain.
 * NONE when there was none. */
static size_t
bargain_start(const struct rc_detect *d)
{
	double balance = d->in->c ? d->in->c->balance : 0;
	size_t i;

	for (i = 0; i < d->nlines; i++) {
		const struct rc_line *l = &d->lines[i];
		const struct rc_proposal *p = &l->prop;

		if (debtor(l) && l->debtor_offer)
			return i;
		if (!collector(l) || p->kind == RC_PROP_NONE)
			continue;
		if (p->kind == RC_PROP_PLAN || balance <= 0 ||
		    (p->share > 0 && p->share < 0.999) ||
		    (p->share == 0 && p->upfront < balance - 0.5))
			return i;
	}
	return NONE;
}

/* The line where the agreement was made, or NONE. */
static size_t
agreement_line(const struct rc_detect *d)
{
	size_t i;

	for (i = 0; i < d->nlines; i++)
		if (d->lines[i].agreement || RC_EV(&d->lines[i], RC_LEV_AGREEMENT))
			return i;
	if (d->in->t->has_agreement) {
		for (i = d->nlines; i-- > 0;)
			if (!collector(&d->lines[i]) || i == 0)
				return i;
	}
	return NONE;
}

/* The total agreed, or -1 when it cannot be told. */
static double
agreed_total(const struct rc_detect *d, size_t at)
{
	const struct rc_terms *a = NULL;
	const struct rc_event *ev;
	size_t i;

	if (d->in->t->has_agreement)
		a = &d->in->t->agreement;
	else if (at != NONE && (ev = rc_turn_find(d->lines[at].turn, "agreement")) &&
	    ev->has_terms)
		a = &ev->terms;
	if (a != NULL)
		return rc_units(a->total);
	/* A recorded call: the last figure on the table before the yes. */
	for (i = at == NONE ? 0 : at + 1; i-- > 0;) {
		const struct rc_line *l = &d->lines[i];

		if (l->prop.kind != RC_PROP_NONE && l->prop.total > 0)
			return l->prop.total;
		if (debtor(l) && l->debtor_offer && l->nmoney > 0)
			return l->money[0].value;
	}
	return -1;
}

/* A line that moves the call toward payment. */
static int
about_payment(const struct rc_line *l)
{
	static const enum rc_signal sigs[] = { RC_SIG_OVERDUE, RC_SIG_FULL_BALANCE,
	    RC_SIG_DEADLINE, RC_SIG_ASK_OFFER, RC_SIG_ASK_SOLUTION,
	    RC_SIG_ASK_REASON, RC_SIG_GOOD_FAITH, RC_SIG_MINIMUM, RC_SIG_NEXT_STEP,
	    RC_SIG_RECAP, RC_SIG_OPTIONS, RC_SIG_ACCEPT, RC_SIG_CONSIDER_OFFER,
	    RC_SIG_RAMIFICATION, RC_SIG_CONSEQUENCE, RC_SIG_WRITING,
	    RC_SIG_FOLLOW_UP, RC_SIG_CONFIRM_UNPAID, RC_SIG_ASK_PROOF };
	static uint64_t mask;
	size_t k;

	if (mask == 0)
		for (k = 0; k < sizeof sigs / sizeof sigs[0]; k++)
			mask |= UINT64_C(1) << sigs[k];
	return l->nmoney > 0 || l->prop.kind != RC_PROP_NONE ||
	    RC_EV(l, RC_LEV_RESEARCH_USED) || l->nids > 0 || (l->sig & mask) != 0;
}

/* Was the time of collector line I's next step set in the collector's line
 * before it ("Would 3 o'clock today work?" ... "I'll call you back at 3")? */
static int
when_set_before(const struct rc_detect *d, size_t i)
{
	while (i-- > 0)
		if (collector(&d->lines[i]))
			return names_when(d->lines[i].turn->text);
	return 0;
}

/* Longest line that can be a thanks or goodbye and nothing else, in words
 * ("Okay, thank you for your time"). */
#define CLOSING_WORDS 6

/* The collector's last word on the call, LAST being their last line: a
 * brief thanks or goodbye closes a call without leaving the subject, so the
 * line before it speaks. */
static size_t
last_word(const struct rc_detect *d, size_t last)
{
	struct word w[WORDS_MAX];
	size_t i, word = last;

	for (i = last + 1; i-- > 0;) {
		const struct rc_line *l = &d->lines[i];

		if (!collector(l))
			continue;
		word = i;
		if ((!RC_HAS(l, RC_SIG_COURTESY) && !RC_HAS(l, RC_SIG_GOODBYE)) ||
		    about_payment(l) ||
		    split(l->turn->text, w, WORDS_MAX) > CLOSING_WORDS)
			break;
	}
	return word;
}

/* ---- The detectors ---- */

/* 1: steers toward payment throughout and ends on a concrete next step. */
static void
every_interaction(const struct rc_detect *d, struct rc_result *r)
{
	size_t start = reached(d), i, drift_at = NONE, run_at = NONE, last = NONE;
	size_t close = NONE, first_pay = NONE;
	int drift = (int)rc_rubric_setting(d->def, "drift_turns", 4);
	int closing = (int)rc_rubric_setting(d->def, "close_turns", 3);
	int run = 0, longest = 0, seen = 0;
	size_t agreed = agreement_line(d), word;

	if (start == NONE)
		start = 0;
	for (i = start; i < d->nlines; i++) {
		const struct rc_line *l = &d->lines[i];

		if (!collector(l))
			continue;
		last = i;
		/* Saying who you are or asking for the debtor is setting up the
		 * call: neither drift nor steering. */
		if (!about_payment(l) && (RC_HAS(l, RC_SIG_IDENTIFY) ||
		    RC_HAS(l, RC_SIG_VERIFY_PARTY)))
			continue;
		if (about_payment(l)) {
			if (first_pay == NONE)
				first_pay = i;
			run = 0;
			continue;
		}
		if (run++ == 0)
			run_at = i;
		if (run > longest) {
			longest = run;
			if (run >= drift && drift_at == NONE)
				drift_at = run_at;
		}
	}
	if (last == NONE) {
		rc_result_set(r, RC_NA, "the collector said nothing");
		return;
	}
	/* The close: an agreement, a follow-up the debtor agreed to, or a
	 * dated next step ("I'll call you back on Monday") among the
	 * collector's last few lines.  A demand with a date that the debtor
	 * turned down is not a next step. */
	for (i = d->nlines; i-- > start && seen < closing;) {
		const struct rc_line *l = &d->lines[i];

		if (debtor(l) && RC_EV(l, RC_LEV_FOLLOW_UP_AGREED)) {
			close = i;
			break;
		}
		if (!collector(l))
			continue;
		seen++;
		if (RC_HAS(l, RC_SIG_NEXT_STEP) && (RC_HAS(l, RC_SIG_DEADLINE) ||
		    names_when(l->turn->text) || when_set_before(d, i))) {
			close = i;
			break;
		}
	}
	if (agreed != NONE)
		close = agreed;
	if (first_pay == NONE) {
		rc_result_cite(r, d->lines[last].turn);
		rc_result_set(r, RC_MISSED, "never turned the call toward payment");
		return;
	}
	/* Insults and abuse end a negotiation, whatever they got.  (A
	 * threat is judged elsewhere: it fails the call and its courtesy,
	 * but the call may still have been steered to payment.) */
	for (i = start; i < d->nlines; i++) {
		const struct rc_line *l = &d->lines[i];

		if (collector(l) && (RC_HAS(l, RC_SIG_INSULT) ||
		    RC_HAS(l, RC_SIG_PROFANITY))) {
			rc_result_cite(r, l->turn);
			rc_result_set(r, RC_MISSED, "abused the debtor instead of "
			    "negotiating");
			return;
		}
	}
	if (drift_at != NONE)
		rc_result_cite(r, d->lines[drift_at].turn);
	if (close != NONE)
		rc_result_cite(r, d->lines[close].turn);
	else
		rc_result_cite(r, d->lines[last].turn);
	word = last_word(d, last);
	if (close != NONE && drift_at == NONE)
		rc_result_set(r, RC_MET, agreed != NONE ?
		    "kept to payment and closed with an agreement" :
		    "kept to payment and closed on a dated next step");
	else if (close != NONE)
		rc_result_set(r, RC_PARTIAL, "closed on a next step, but drifted "
		    "for %d collector turns without mentioning payment", longest);
	else if (drift_at == NONE && (about_payment(&d->lines[word]) ||
	    RC_HAS(&d->lines[word], RC_SIG_PAYMENT_TALK)))
		rc_result_set(r, RC_PARTIAL, "kept to payment, but the call ended "
		    "without an agreement or a dated next step");
	else if (drift_at == NONE)
		/* Not pointed at payment to the last: the collector's final
		 * word left the debt and money ("I'll pass it on to my
		 * manager"). */
		rc_result_set(r, RC_MISSED, "left payment at the end and closed "
		    "without an agreement or a dated next step");
	else
		rc_result_set(r, RC_MISSED, "drifted off payment for %d turns and "
		    "ended without a concrete next step", longest);
}

static int specific_read(const struct facts *f, const struct rc_line *l);

/* Does collector line L state a specific detail of the debt: an amount of
 * the debt, an invoice number, a due date, an age? */
static int
specific(const struct facts *f, const struct rc_line *l)
{
	/* What it asks of the line depends on the case alone (not on the
	 * payments named in the call): kept on the line, which a practice
	 * call's scorings share. */
	struct rc_line *m = (struct rc_line *)l;

	if (m->specific == 0)
		m->specific = specific_read(f, l) ? 2 : 1;
	return m->specific == 2;
}

static int
specific_read(const struct facts *f, const struct rc_line *l)
{
	struct claims cl;
	size_t i;

	/* An invoice number, with "invoice" before it or one of the case's
	 * own ("5512 and 5540"). */
	if (l->nids > 0 || l->names_invoice)
		return 1;
	for (i = 0; i < l->nmoney; i++) {
		double v = l->money[i].value;

		/* An amount is about the debt when it is one of the case's
		 * figures (even inside an ask: "can you pay the $1,840
		 * today?"), or when said as what is owed and not as an ask. */
		if (debt_figure(f, v))
			return 1;
		if (!proposed(l, v, f->tol) && (RC_HAS(l, RC_SIG_OVERDUE) ||
		    RC_HAS(l, RC_SIG_FULL_BALANCE)))
			return 1;
	}
	if (f->c != NULL) {
		memset(&cl, 0, sizeof cl);
		line_dates(f, l, &cl);
		return cl.right + cl.wrong > 0;
	}
	return 0;
}

/* 2: early in the call, reminds the debtor of the debt's details. */
static void
start_with_reminder(const struct rc_detect *d, struct rc_result *r)
{
	size_t start = reached(d), i, first = NONE, vague = NONE, later = NONE;
	int within = (int)rc_rubric_setting(d->def, "within", 3), k = 0;
	struct facts f;

	if (start == NONE) {
		rc_result_set(r, RC_NA, "never reached the right person");
		return;
	}
	facts_init(&f, d);
	for (i = 0; i < d->nlines; i++) {
		const struct rc_line *l = &d->lines[i];
		int early;

		if (!collector(l))
			continue;
		if (i >= start && first == NONE)
			first = i;
		early = i < start || k < within;
		if (i >= start)
			k++;
		if (specific(&f, l)) {
			if (early) {
				rc_result_cite(r, l->turn);
				rc_result_set(r, RC_MET, "stated the debt's details early");
				facts_free(&f);
				return;
			}
			if (later == NONE)
				later = i;
		} else if (early && vague == NONE && (RC_HAS(l, RC_SIG_OVERDUE) ||
		    RC_HAS(l, RC_SIG_FULL_BALANCE) ||
		    RC_HAS(l, RC_SIG_MENTION_DEBT))) {
			vague = i;
		}
	}
	facts_free(&f);
	if (first == NONE) {
		rc_result_set(r, RC_NA, "the collector said nothing to the debtor");
		return;
	}
	if (vague != NONE)
		rc_result_cite(r, d->lines[vague].turn);
	if (later != NONE)
		rc_result_cite(r, d->lines[later].turn);
	if (vague != NONE || later != NONE) {
		rc_result_set(r, RC_PARTIAL, vague != NONE && later != NONE ?
		    "only a vague reminder early; the details came later" :
		    vague != NONE ? "only a vague reminder, no amount or invoice" :
		    "the debt's details came only later in the call");
		return;
	}
	rc_result_cite(r, d->lines[first].turn);
	rc_result_set(r, RC_MISSED, "never reminded the debtor what is owed");
}

/* 3: every figure stated about the debt matches the case file.  Amounts
 * inside a proposal, a stated minimum, echoes of payments named in the
 * call and what such payments leave are not claims about the debt, or are
 * true ones.  Any false figure is a miss; no figure at all is a partial
 * (nothing wrong, nothing shown). */
static void
accurate_information(const struct rc_detect *d, struct rc_result *r)
{
	struct facts f;
	struct claims all, cl;
	size_t i, first_right = NONE, spoke = 0;

	if (d->in->c == NULL) {
		rc_result_set(r, RC_NA, "no case file to check figures against");
		return;
	}
	facts_init(&f, d);
	memset(&all, 0, sizeof all);
	for (i = 0; i < d->nlines; i++) {
		const struct rc_line *l = &d->lines[i];

		if (!collector(l))
			continue;
		spoke++;
		memset(&cl, 0, sizeof cl);
		check_line(&f, l, &cl);
		if (cl.wrong > 0) {
			rc_result_cite(r, l->turn);
			if (all.wrong == 0)
				memcpy(all.what, cl.what, sizeof all.what);
		}
		if (cl.right > 0 && first_right == NONE)
			first_right = i;
		all.right += cl.right;
		all.wrong += cl.wrong;
	}
	facts_free(&f);
	if (spoke == 0) {
		rc_result_set(r, RC_NA, "the collector said nothing");
	} else if (all.wrong > 0) {
		rc_result_set(r, RC_MISSED, "%zu figure%s not in the case file "
		    "(first: %s)", all.wrong, all.wrong == 1 ? "" : "s", all.what);
	} else if (all.right > 0) {
		rc_result_cite(r, d->lines[first_right].turn);
		rc_result_set(r, RC_MET, "%zu figure%s stated, all matching the "
		    "case file", all.right, all.right == 1 ? "" : "s");
	} else {
		rc_result_set(r, RC_PARTIAL, "stated no amount, invoice or date "
		    "of the debt");
	}
}

/* 4: looked at the research before bargaining and/or used a fact. */
static void
do_research(const struct rc_detect *d, struct rc_result *r)
{
	size_t b = bargain_start(d), i, viewed = NONE, used = NONE, spoke = 0;

	for (i = 0; i < d->nlines; i++) {
		const struct rc_line *l = &d->lines[i];

		spoke += collector(l);
		if (viewed == NONE && l->turn->speaker == RC_SPEAKER_ACTION &&
		    RC_EV(l, RC_LEV_RESEARCH_VIEWED))
			viewed = i;
		/* A recorded call has no events: a fact the collector brings
		 * up ("I saw on your website you've opened a second shop") is
		 * the research, used. */
		if (used == NONE && collector(l) && (RC_EV(l, RC_LEV_RESEARCH_USED) ||
		    (d->in->inferred && RC_HAS(l, RC_SIG_RESEARCH))))
			used = i;
	}
	if (viewed == NONE && used == NONE && d->in->inferred) {
		rc_result_set(r, RC_NA, "a recorded call: research is not recorded");
		return;
	}
	if (spoke == 0) {
		rc_result_set(r, RC_NA, "the collector said nothing");
		return;
	}
	if (used != NONE) {
		if (viewed != NONE)
			rc_result_cite(r, d->lines[viewed].turn);
		rc_result_cite(r, d->lines[used].turn);
		rc_result_set(r, RC_MET, "used a research fact as leverage");
	} else if (viewed != NONE) {
		rc_result_cite(r, d->lines[viewed].turn);
		rc_result_set(r, RC_PARTIAL, b == NONE || viewed < b ?
		    "looked at the research but never used it" :
		    "looked at the research only after bargaining began, never used it");
	} else {
		if (b != NONE)
			rc_result_cite(r, d->lines[b].turn);
		rc_result_set(r, RC_MISSED, "negotiated without looking at the research");
	}
}

/* 5: identifies self and company, courteous, no insults or profanity. */
static void
polite_professional(const struct rc_detect *d, struct rc_result *r)
{
	size_t i, first = NONE;
	int identified = 0, courteous = 0, abusive = 0, menacing = 0, curt = 0;

	for (i = 0; i < d->nlines; i++) {
		const struct rc_line *l = &d->lines[i];

		if (!collector(l))
			continue;
		if (first == NONE)
			first = i;
		if (RC_HAS(l, RC_SIG_PROFANITY) || RC_HAS(l, RC_SIG_INSULT)) {
			abusive++;
			rc_result_cite(r, l->turn);
		} else if (RC_HAS(l, RC_SIG_THREAT)) {
			/* Menacing (arrest, bailiffs, ruined credit) is not
			 * courteous, however evenly it is said. */
			menacing++;
			rc_result_cite(r, l->turn);
		}
	}
	if (first == NONE) {
		rc_result_set(r, RC_NA, "the collector said nothing");
		return;
	}
	if (abusive || menacing) {
		rc_result_set(r, RC_MISSED, abusive ? "insulting or profane language" :
		    "threatened the debtor");
		return;
	}
	for (i = 0; i < d->nlines; i++) {
		const struct rc_line *l = &d->lines[i];

		if (!collector(l))
			continue;
		if (RC_HAS(l, RC_SIG_IDENTIFY) && !identified) {
			identified = 1;
			rc_result_cite(r, l->turn);
		}
		if (RC_HAS(l, RC_SIG_COURTESY) && !courteous) {
			courteous = 1;
			rc_result_cite(r, l->turn);
		}
		if (l->shout || RC_HAS(l, RC_SIG_SARCASM) ||
		    RC_HAS(l, RC_SIG_CONDESCEND) || RC_HAS(l, RC_SIG_COMMAND))
			curt = 1;
	}
	if (identified && courteous) {
		rc_result_set(r, RC_MET, "identified and courteous throughout");
	} else if (identified && !curt) {
		rc_result_set(r, RC_MET, "identified, and professional throughout");
	} else if (identified || courteous) {
		rc_result_set(r, RC_PARTIAL, identified ? "identified, but no courtesy" :
		    "courteous, but never said who they are");
	} else {
		rc_result_cite(r, d->lines[first].turn);
		rc_result_set(r, RC_MISSED, "never identified and no courtesy");
	}
}

/* 6: no shouting, no hostile or sarcastic replies.  Insults and profanity
 * are always a miss, and so is any lapse in the reply right after the
 * debtor provoked (the moment the practice is about) or more than one
 * lapse.  A single mild lapse (shouting, sarcasm or a threat) unprovoked
 * is a partial. */
static void
remain_calm(const struct rc_detect *d, struct rc_result *r)
{
	size_t i, held_at = NONE, first = NONE;
	int provoked = 0, lost = 0, severe = 0, after_provocation = 0;

	for (i = 0; i < d->nlines; i++) {
		const struct rc_line *l = &d->lines[i];
		int hard;

		if (debtor(l)) {
			if (l->hostility)
				provoked = 1;
			continue;
		}
		if (!collector(l))
			continue;     /* a /pause keeps the provocation pending */
		if (first == NONE)
			first = i;
		/* A threat said in an even voice is a lapse of tone, not of
		 * temper: it fails the call (a critical failure) and the
		 * respect of treat-as-equals, and counts here as a mild lapse. */
		hard = RC_HAS(l, RC_SIG_INSULT) || RC_HAS(l, RC_SIG_PROFANITY);
		if (hard || l->shout || RC_HAS(l, RC_SIG_SARCASM) ||
		    RC_HAS(l, RC_SIG_THREAT)) {
			lost++;
			severe += hard;
			after_provocation += provoked;
			rc_result_cite(r, l->turn);
		} else if (provoked && held_at == NONE) {
			held_at = i;
		}
		provoked = 0;
	}
	if (first == NONE) {
		rc_result_set(r, RC_NA, "the collector said nothing");
		return;
	}
	if (lost == 0) {
		rc_result_cite(r, d->lines[held_at != NONE ? held_at : first].turn);
		if (held_at != NONE)
			r->flags |= RC_RESULT_HELD_CALM;
		rc_result_set(r, RC_MET, held_at != NONE ? "stayed calm when provoked" :
		    "calm throughout");
	} else if (after_provocation) {
		rc_result_set(r, RC_MISSED, "lost composure right after a provocation");
	} else if (severe || lost > 1) {
		rc_result_set(r, RC_MISSED, "shouted, sarcastic or threatening more "
		    "than once, or answered with insults");
	} else {
		rc_result_set(r, RC_PARTIAL, "one unprovoked lapse in tone (shouting, "
		    "sarcasm or a threat)");
	}
}

/* 7: no condescension, insult, mockery, swearing or menace; respect
 * shown. */
static void
treat_as_equals(const struct rc_detect *d, struct rc_result *r)
{
	size_t i, first = NONE, respect = NONE;
	int down = 0;

	for (i = 0; i < d->nlines; i++) {
		const struct rc_line *l = &d->lines[i];

		if (!collector(l))
			continue;
		if (first == NONE)
			first = i;
		/* Talking down takes many forms: labels and lectures, and
		 * also mocking (sarcasm), swearing at the debtor and menace. */
		if (RC_HAS(l, RC_SIG_CONDESCEND) || RC_HAS(l, RC_SIG_INSULT) ||
		    RC_HAS(l, RC_SIG_SARCASM) || RC_HAS(l, RC_SIG_PROFANITY) ||
		    RC_HAS(l, RC_SIG_THREAT)) {
			down++;
			rc_result_cite(r, l->turn);
		} else if (respect == NONE && (RC_HAS(l, RC_SIG_ACKNOWLEDGE) ||
		    RC_HAS(l, RC_SIG_EMPATHY) || RC_HAS(l, RC_SIG_COURTESY) ||
		    RC_HAS(l, RC_SIG_ASK_SOLUTION))) {
			respect = i;
		}
	}
	if (first == NONE) {
		rc_result_set(r, RC_NA, "the collector said nothing");
	} else if (down > 0) {
		rc_result_set(r, RC_MISSED, "talked down to the debtor");
	} else {
		rc_result_cite(r, d->lines[respect != NONE ? respect : first].turn);
		rc_result_set(r, RC_MET, respect != NONE ?
		    "respectful, no talking down" : "no talking down");
	}
}

static double
monthly(const struct rc_proposal *p)
{
	enum rc_period per;
	double each = rc_units(rc_terms_instalment(&p->terms, &per));

	return each * rc_period_per_month(per);
}

/* Is collector line L, said once inability is known, a demand the debtor
 * cannot meet?  The whole balance at once, as a lump or in words ("the
 * full amount by Friday"); with the truth known, more at once than the
 * debtor has, or instalments well above what they can afford. */
/* Does line L name a sum of at least V? */
static int
names_sum(const struct rc_line *l, double v)
{
	size_t k;

	for (k = 0; k < l->nmoney; k++)
		if (l->money[k].value >= v - 0.5)
			return 1;
	return 0;
}

static int
unrealistic(const struct rc_detect *d, const struct rc_line *l)
{
	const struct rc_proposal *p = &l->prop;
	const struct rc_truth *tr = d->in->truth;
	double balance = d->in->c ? d->in->c->balance : 0;

	if (p->kind == RC_PROP_LUMP && ((balance > 0 && p->upfront >= balance - 0.5) ||
	    p->share >= 0.999))
		return 1;
	if (tr != NULL && p->kind != RC_PROP_NONE && p->upfront > tr->cash_now + 0.5)
		return 1;
	/* An opening plan a little above what they can afford is bargaining;
	 * well above it is not realistic. */
	if (tr != NULL && p->kind == RC_PROP_PLAN && p->instalment > 0 &&
	    monthly(p) > tr->monthly * rc_rubric_setting(d->def, "plan_slack",
	    1.5) + 0.5)
		return 1;
	/* The whole balance named with a day to pay it by ("the balance is
	 * £620 and it needs clearing; could you do it by the end of the
	 * month?") is a demand for all of it. */
	if (balance > 0 && p->kind != RC_PROP_PLAN && RC_HAS(l, RC_SIG_DEADLINE) &&
	    names_sum(l, balance) && !RC_HAS(l, RC_SIG_OPTIONS) &&
	    !RC_HAS(l, RC_SIG_ASK_OFFER) && !RC_HAS(l, RC_SIG_ASK_SOLUTION))
		return 1;
	/* "The full balance" said as a demand; naming it while offering a
	 * plan, options or asking what they can do is not one. */
	return RC_HAS(l, RC_SIG_FULL_BALANCE) && p->kind != RC_PROP_PLAN &&
	    !RC_HAS(l, RC_SIG_OPTIONS) && !RC_HAS(l, RC_SIG_ASK_OFFER) &&
	    !RC_HAS(l, RC_SIG_ASK_SOLUTION) && !RC_HAS(l, RC_SIG_NEXT_STEP);
}

/* A collector line that works with the inability: a proposal that is not
 * a demand, a question about what they can do, a next step, a choice, or
 * a research fact that tests the claim. */
static int
adapted(const struct rc_line *l)
{
	return l->prop.kind != RC_PROP_NONE || RC_HAS(l, RC_SIG_ASK_OFFER) ||
	    RC_EV(l, RC_LEV_RESEARCH_USED) ||
	    RC_HAS(l, RC_SIG_ASK_SOLUTION) || RC_HAS(l, RC_SIG_NEXT_STEP) ||
	    RC_HAS(l, RC_SIG_GOOD_FAITH) || RC_HAS(l, RC_SIG_OPTIONS);
}

/* 8: once inability is known, asks for what the debtor can do.  A demand
 * beyond it that the collector never walks back is a miss; one followed
 * by a realistic ask is a partial. */
static void
be_realistic(const struct rc_detect *d, struct rc_result *r)
{
	size_t i, known = NONE, bad = NONE, good = NONE, after = 0;
	int fixed = 0;

	for (i = 0; i < d->nlines; i++) {
		const struct rc_line *l = &d->lines[i];

		if (known == NONE) {
			if (debtor(l) && l->inability)
				known = i;
			continue;
		}
		if (!collector(l))
			continue;
		after++;
		if (unrealistic(d, l)) {
			if (bad == NONE)
				bad = i;
			fixed = 0;
		} else if (adapted(l)) {
			if (good == NONE || (bad != NONE && !fixed))
				good = i;
			fixed = 1;
		}
	}
	if (known == NONE) {
		rc_result_set(r, RC_NA, "the debtor never said they cannot pay");
		return;
	}
	if (after == 0) {
		rc_result_set(r, RC_NA, "the call ended as the inability came out");
		return;
	}
	rc_result_cite(r, d->lines[known].turn);
	if (bad != NONE) {
		rc_result_cite(r, d->lines[bad].turn);
		if (fixed) {
			rc_result_cite(r, d->lines[good].turn);
			rc_result_set(r, RC_PARTIAL, "pressed for more than the debtor "
			    "can pay, then moved to what they can do");
		} else {
			rc_result_set(r, RC_MISSED, "kept demanding more than the debtor "
			    "can pay");
		}
	} else if (good != NONE) {
		rc_result_cite(r, d->lines[good].turn);
		rc_result_set(r, RC_MET, "asked for what the debtor can do");
	} else {
		rc_result_set(r, RC_PARTIAL, "made no unrealistic demand, but never "
		    "offered a plan, smaller sum or next step");
	}
}

/* 9: at least once, specific terms: an amount and a day or time. */
static void
clear_message(const struct rc_detect *d, struct rc_result *r)
{
	size_t i, first = NONE, amount_only = NONE, vague = NONE;

	for (i = 0; i < d->nlines; i++) {
		const struct rc_line *l = &d->lines[i];
		int amount, ask;

		if (!collector(l))
			continue;
		if (first == NONE)
			first = i;
		/* A figure said, not "in full" or "the rest". */
		amount = l->nmoney > 0;
		/* Terms are an ask: a proposal, a deadline, the full balance; a
		 * reminder of when the debt was due is not one. */
		ask = l->prop.kind != RC_PROP_NONE || RC_HAS(l, RC_SIG_DEADLINE) ||
		    RC_HAS(l, RC_SIG_FULL_BALANCE);
		if (amount && ask && (RC_HAS(l, RC_SIG_DEADLINE) || l->prop.when[0] ||
		    names_when(l->turn->text))) {
			rc_result_cite(r, l->turn);
			rc_result_set(r, RC_MET, "stated an amount and when it is due");
			return;
		}
		if (amount && amount_only == NONE)
			amount_only = i;
		if (ask && vague == NONE)
			vague = i;
	}
	if (first == NONE) {
		rc_result_set(r, RC_NA, "the collector said nothing");
	} else if (amount_only != NONE) {
		rc_result_cite(r, d->lines[amount_only].turn);
		rc_result_set(r, RC_PARTIAL, "named an amount, but never a date for it");
	} else {
		rc_result_cite(r, d->lines[vague != NONE ? vague : first].turn);
		rc_result_set(r, RC_MISSED, "never stated an amount and a date");
	}
}

/* The part of the agreement paid now (due on the call's date, or the
 * first payment standing alone when the date is unknown), or -1 when the
 * terms cannot be told. */
static double
agreed_now(const struct rc_detect *d, size_t at)
{
	const struct rc_terms *a = NULL;
	const struct rc_event *ev;
	int32_t today = d->in->c != NULL ? d->in->c->date : RC_DATE_NONE;

	if (d->in->t->has_agreement)
		a = &d->in->t->agreement;
	else if (at != NONE && (ev = rc_turn_find(d->lines[at].turn, "agreement")) &&
	    ev->has_terms)
		a = &ev->terms;
	if (a == NULL)
		return -1;
	if (today == RC_DATE_NONE)
		return rc_units(rc_terms_upfront(a));
	return rc_units(rc_terms_due_by(a, today, today));
}

/* 10: a minimum set before the bargaining (/floor or said) and no
 * agreement below it.  The first floor set is the one held to: a
 * minimum in total (/floor AMOUNT, or said) is held against the agreed
 * total, a minimum paid now (/floor AMOUNT now) against what the
 * agreement pays on the call's date. */
static void
concrete_minimum(const struct rc_detect *d, struct rc_result *r)
{
	const struct rc_transcript *t = d->in->t;
	size_t b = bargain_start(d), i, set = NONE, agreed;
	double floor = -1, total;
	int now = 0;

	if (b == NONE) {
		rc_result_set(r, RC_NA, "no bargaining in this call");
		return;
	}
	for (i = 0; i < d->nlines && set == NONE; i++) {
		const struct rc_line *l = &d->lines[i];
		const struct rc_event *ev = RC_EV(l, RC_LEV_FLOOR_SET) ?
		    rc_turn_find(l->turn, "floor-set") : NULL;

		if (ev != NULL) {
			set = i;
			floor = ev->has_amount ? ev->amount : t->has_floor ? t->floor : -1;
			now = ev->has_amount ? ev->detail != NULL &&
			    strcmp(ev->detail, "now") == 0 : t->floor_now;
		} else if (collector(l) && RC_HAS(l, RC_SIG_MINIMUM) && l->nmoney > 0) {
			size_t k;

			/* "the least we can take on the $3,120 is $2,000" */
			set = i;
			floor = l->money[0].value;
			for (k = 1; k < l->nmoney; k++)
				if (l->money[k].value < floor)
					floor = l->money[k].value;
		}
	}
	if (set == NONE && t->has_floor) {
		floor = t->floor;    /* set, but the call does not say when */
		now = t->floor_now;
	}
	if (set == NONE && floor < 0 && d->in->inferred) {
		rc_result_set(r, RC_NA, "a recorded call: a private minimum is not "
		    "recorded and none was said");
		return;
	}
	agreed = agreement_line(d);
	total = agreed == NONE ? -1 : now ? agreed_now(d, agreed) :
	    agreed_total(d, agreed);
	if (set != NONE)
		rc_result_cite(r, d->lines[set].turn);
	if (agreed != NONE && floor > 0 && total >= 0 && total < floor - 0.5) {
		const char *cur = d->in->c != NULL ? d->in->c->currency : NULL;
		char got[48], min[48];

		rc_result_cite(r, d->lines[agreed].turn);
		rc_amount_format(total, cur, got, sizeof got);
		rc_amount_format(floor, cur, min, sizeof min);
		if (now)
			rc_result_set(r, RC_MISSED, "agreed to %s paid now, below the "
			    "minimum of %s paid now", got, min);
		else
			rc_result_set(r, RC_MISSED, "agreed to %s, below the minimum "
			    "of %s", got, min);
	} else if (set == NONE && floor < 0) {
		rc_result_cite(r, d->lines[b].turn);
		if (agreed != NONE)
			rc_result_cite(r, d->lines[agreed].turn);
		rc_result_set(r, RC_MISSED, "bargained without a minimum");
	} else if (set != NONE && set > b) {
		rc_result_set(r, RC_PARTIAL, "set a minimum only after the bargaining "
		    "began%s", agreed != NONE ? "; the agreement respects it" : "");
	} else {
		if (agreed != NONE)
			rc_result_cite(r, d->lines[agreed].turn);
		rc_result_set(r, RC_MET, agreed != NONE ? now ?
		    "set a minimum paid now first and the agreement pays it today" :
		    "set a minimum first and the agreement respects it" :
		    "set a minimum first and did not go below it");
	}
}

const struct rc_detector rc_detectors_core[] = {
	{ "every-interaction-negotiation", every_interaction },
	{ "start-with-reminder", start_with_reminder },
	{ "accurate-information", accurate_information },
	{ "do-research", do_research },
	{ "polite-professional", polite_professional },
	{ "remain-calm", remain_calm },
	{ "treat-as-equals", treat_as_equals },
	{ "be-realistic", be_realistic },
	{ "clear-message", clear_message },
	{ "concrete-minimum", concrete_minimum },
	{ NULL, NULL },
};
