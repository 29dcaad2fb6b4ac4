/*
 * date.c - calendar days and the words people name them with.  Days are
 * counted from 1970-01-01 with the civil-from-days arithmetic of the
 * proleptic Gregorian calendar, so any day of any year converts exactly
 * both ways.  Resolving words never looks at the clock: the call's date
 * is always given, which keeps replayed calls byte-for-byte the same.
 */
#include "date.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int32_t
rc_date_from_ymd(int y, int m, int d)
{
	long yy = y - (m <= 2);
	long era = (yy >= 0 ? yy : yy - 399) / 400;
	long yoe = yy - era * 400;
	long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return (int32_t)(era * 146097 + doe - 719468);
}

void
rc_date_ymd(int32_t day, int *y, int *m, int *d)
{
	long z = (long)day + 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	long dd = doy - (153 * mp + 2) / 5 + 1;
	long mm = mp < 10 ? mp + 3 : mp - 9;

	*y = (int)(yoe + era * 400 + (mm <= 2));
	*m = (int)mm;
	*d = (int)dd;
}

int
rc_date_weekday(int32_t day)
{
	long w = ((long)day + 4) % 7;  /* 1970-01-01 was a Thursday */

	return (int)(w < 0 ? w + 7 : w);
}

int
rc_date_month_days(int y, int m)
{
	static const int len[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	if (m < 1 || m > 12)
		return 30;
	return m == 2 && leap ? 29 : len[m - 1];
}

int32_t
rc_date_add_months(int32_t day, int n, int anchor)
{
	int y, m, d, len;
	long k;

	rc_date_ymd(day, &y, &m, &d);
	k = (long)y * 12 + (m - 1) + n;
	y = (int)(k >= 0 ? k / 12 : (k - 11) / 12);
	m = (int)(k - (long)y * 12) + 1;
	len = rc_date_month_days(y, m);
	if (anchor < 1)
		anchor = d;
	return rc_date_from_ymd(y, m, anchor > len ? len : anchor);
}

static int
digits(const char *s, int n)
{
	int i, v = 0;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int
rc_date_parse_iso(const char *s, int32_t *day)
{
	int y, m, d;

	if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	y = digits(s, 4);
	m = digits(s + 5, 2);
	d = digits(s + 8, 2);
	if (y < 0 || m < 1 || m > 12 || d < 1 || d > rc_date_month_days(y, m))
		return 0;
	*day = rc_date_from_ymd(y, m, d);
	return 1;
}

char *
rc_date_iso(int32_t day, char *buf, size_t size)
{
	int y, m, d;

	rc_date_ymd(day, &y, &m, &d);
	snprintf(buf, size, "%04d-%02d-%02d", y, m, d);
	return buf;
}

/* ---- words --------------------------------------------------------------- */

static const char *const month_names[] = {
	"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december"
};

static const char *const day_names[] = {
	"sunday", "monday", "tuesday", "wednesday", "thursday", "friday",
	"saturday"
};

#define MAXW 12

struct words {
	int n;
	char w[MAXW][24];
};

/* Splits WHEN into lower-case words; "/" and "-" between digits stay in
 * the word ("12/20", "2026-12-20"); other punctuation separates. */
static void
split(const char *when, struct words *ws)
{
	size_t o = 0;
	const char *p;

	ws->n = 0;
	for (p = when;; p++) {
		int c = (unsigned char)*p;
		int keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    c == '\'' || ((c == '/' || c == '-') && o > 0 &&
		    p[1] >= '0' && p[1] <= '9');

		if (c >= 'A' && c <= 'Z') {
			c += 'a' - 'A';
			keep = 1;
		}
		if (keep && o < sizeof ws->w[0] - 1 && ws->n < MAXW) {
			ws->w[ws->n][o++] = (char)c;
			continue;
		}
		if (o > 0 && ws->n < MAXW) {
			ws->w[ws->n][o] = '\0';
			ws->n++;
			o = 0;
		}
		if (c == '\0')
			break;
	}
}

static int
is(const struct words *ws, int i, const char *w)
{
	return i >= 0 && i < ws->n && strcmp(ws->w[i], w) == 0;
}

/* 1-12 for a month's name or its abbreviation ("sep", "sept"), else 0. */
static int
month_of(const struct words *ws, int i)
{
	int k;
	size_t n;

	if (i < 0 || i >= ws->n)
		return 0;
	n = strlen(ws->w[i]);
	for (k = 0; k < 12; k++) {
		if (strcmp(ws->w[i], month_names[k]) == 0)
			return k + 1;
		if (n >= 3 && n <= 4 && strncmp(ws->w[i], month_names[k], n) == 0)
			return k + 1;
	}
	return 0;
}

static int
weekday_of(const struct words *ws, int i)
{
	int k;
	size_t n;

	if (i < 0 || i >= ws->n)
		return -1;
	n = strlen(ws->w[i]);
	for (k = 0; k < 7; k++) {
		if (strcmp(ws->w[i], day_names[k]) == 0)
			return k;
		/* "fri", "thurs", "weds" ("month" is no Monday) */
		if (n >= 3 && (strncmp(ws->w[i], day_names[k], n) == 0 ||
		    (strcmp(ws->w[i], "weds") == 0 && k == 3)))
			return k;
	}
	return -1;
}

/* A small count in digits or words: "2", "two", "a". */
static int
count_of(const struct words *ws, int i)
{
	static const char *const small[] = {
		"zero", "one", "two", "three", "four", "five", "six", "seven",
		"eight", "nine", "ten", "eleven", "twelve"
	};
	int k;

	if (i < 0 || i >= ws->n)
		return -1;
	if (is(ws, i, "a") || is(ws, i, "an"))
		return 1;
	for (k = 0; k < 13; k++)
		if (strcmp(ws->w[i], small[k]) == 0)
			return k;
	k = digits(ws->w[i], (int)strlen(ws->w[i]));
	return strlen(ws->w[i]) <= 3 ? k : -1;
}

/* A day of the month: "15", "15th", "1st", "first", "twenty-first" (two
 * words "twenty first" too: *USED says how many words). */
static int
mday_of(const struct words *ws, int i, int *used)
{
	static const char *const ord[] = {
		"first", "second", "third", "fourth", "fifth", "sixth", "seventh",
		"eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth",
		"fourteenth", "fifteenth", "sixteenth", "seventeenth",
		"eighteenth", "nineteenth", "twentieth"
	};
	const char *w;
	int k, v = 0;
	size_t n;

	*used = 1;
	if (i < 0 || i >= ws->n)
		return 0;
	w = ws->w[i];
	if (strcmp(w, "thirtieth") == 0)
		return 30;
	for (k = 0; k < 20; k++)
		if (strcmp(w, ord[k]) == 0)
			return k + 1;
	if (strcmp(w, "twenty") == 0 || strcmp(w, "thirty") == 0) {
		int base = w[1] == 'w' ? 20 : 30;

		for (k = 0; k < 9 && i + 1 < ws->n; k++)
			if (strcmp(ws->w[i + 1], ord[k]) == 0) {
				*used = 2;
				return base + k + 1;
			}
		return 0;
	}
	/* "twenty-first" arrives split at "-"? no: kept only between digits */
	/* at most two digits make a day: a longer run is read no further
	 * (it would overflow) */
	for (n = 0; w[n] >= '0' && w[n] <= '9'; n++)
		if (n < 3)
			v = v * 10 + (w[n] - '0');
	if (n == 0 || n > 2)
		return 0;
	if (w[n] != '\0' && strcmp(w + n, "st") != 0 && strcmp(w + n, "nd") != 0 &&
	    strcmp(w + n, "rd") != 0 && strcmp(w + n, "th") != 0)
		return 0;
	return v >= 1 && v <= 31 ? v : 0;
}

/* The next day on or after TODAY that is day D of month M (M 0: of any
 * month), in year Y when Y > 0. */
static int32_t
next_mday(int32_t today, int m, int d, int y)
{
	int ty, tm, td, k;

	rc_date_ymd(today, &ty, &tm, &td);
	if (y > 0) {
		if (m < 1 || d > rc_date_month_days(y, m))
			return RC_DATE_NONE;
		return rc_date_from_ymd(y, m, d);
	}
	if (m > 0) {
		y = ty;
		if (m < tm || (m == tm && d < td))
			y++;
		if (d > rc_date_month_days(y, m))
			return RC_DATE_NONE;
		return rc_date_from_ymd(y, m, d);
	}
	for (k = 0; k < 13; k++) {
		int mm = (tm - 1 + k) % 12 + 1, yy = ty + (tm - 1 + k) / 12;

		if (k == 0 && d < td)
			continue;
		if (d <= rc_date_month_days(yy, mm))
			return rc_date_from_ymd(yy, mm, d);
	}
	return RC_DATE_NONE;
}

static int32_t
month_end(int32_t day, int n)
{
	int y, m, d;

	day = rc_date_add_months(day, n, 1);
	rc_date_ymd(day, &y, &m, &d);
	return rc_date_from_ymd(y, m, rc_date_month_days(y, m));
}

/* A numeric date: "12/20", "20/12/2026", "12-20". */
static int32_t
numeric(const char *w, int32_t today, int day_first)
{
	int a, b, y = 0, n = 0;
	char sep;

	if (sscanf(w, "%d%c%d%n", &a, &sep, &b, &n) < 3 || (sep != '/' && sep != '-'))
		return RC_DATE_NONE;
	if (w[n] == sep) {
		int used = 0;

		if (sscanf(w + n + 1, "%d%n", &y, &used) < 1 || w[n + 1 + used] != '\0')
			return RC_DATE_NONE;
		if (y < 100)
			y += 2000;
	} else if (w[n] != '\0') {
		return RC_DATE_NONE;
	}
	/* the one that cannot be a month is the day */
	if (a > 12 || (day_first && b <= 12)) {
		int t = a;

		a = b;
		b = t;
	}
	if (a < 1 || a > 12 || b < 1 || b > 31)
		return RC_DATE_NONE;
	return next_mday(today, a, b, y);
}

int32_t
rc_date_resolve(const char *when, int32_t today, int day_first)
{
	struct words ws;
	int i = 0, m, d, used, wd, n;
	int32_t iso;

	if (when == NULL)
		return RC_DATE_NONE;
	if (rc_date_parse_iso(when, &iso))
		return iso;
	if (today == RC_DATE_NONE)
		return RC_DATE_NONE;
	split(when, &ws);
	/* prepositions and fillers before the day */
	while (i < ws.n && (is(&ws, i, "by") || is(&ws, i, "on") ||
	       is(&ws, i, "before") || is(&ws, i, "until") || is(&ws, i, "till") ||
	       is(&ws, i, "til") || is(&ws, i, "starting") || is(&ws, i, "from") ||
	       is(&ws, i, "at") || is(&ws, i, "no") || is(&ws, i, "later") ||
	       is(&ws, i, "than")))
		i++;
	if (i >= ws.n)
		return RC_DATE_NONE;
	if (rc_date_parse_iso(ws.w[i], &iso))
		return iso;
	if (is(&ws, i, "today") || is(&ws, i, "now") || is(&ws, i, "tonight") ||
	    is(&ws, i, "eod") || is(&ws, i, "asap") || is(&ws, i, "immediately") ||
	    is(&ws, i, "upfront") || is(&ws, i, "instantly") ||
	    ((is(&ws, i, "this") || is(&ws, i, "later")) &&
	     (is(&ws, i + 1, "morning") || is(&ws, i + 1, "afternoon") ||
	      is(&ws, i + 1, "evening") || is(&ws, i + 1, "today") ||
	      is(&ws, i + 1, "tonight"))))
		return today;
	if (is(&ws, i, "tomorrow") || is(&ws, i, "tmrw") || is(&ws, i, "tomorow"))
		return today + 1;
	if (is(&ws, i, "christmas") || is(&ws, i, "xmas") || is(&ws, i, "x-mas"))
		return next_mday(today, 12, is(&ws, i + 1, "eve") ? 24 : 25, 0);
	if (is(&ws, i, "boxing") && is(&ws, i + 1, "day"))
		return next_mday(today, 12, 26, 0);
	if (is(&ws, i, "halloween") || is(&ws, i, "hallowe'en"))
		return next_mday(today, 10, 31, 0);
	/* "new year's day", "new years eve" */
	if (is(&ws, i, "new") && (is(&ws, i + 1, "year's") ||
	    is(&ws, i + 1, "years") || is(&ws, i + 1, "year")) &&
	    !is(&ws, i + 2, "eve") && (is(&ws, i + 1, "year's") ||
	    is(&ws, i + 2, "day")))
		return next_mday(today, 1, 1, 0);
	if (is(&ws, i, "new") && (is(&ws, i + 1, "year's") ||
	    is(&ws, i + 1, "years") || is(&ws, i + 1, "year")) &&
	    is(&ws, i + 2, "eve"))
		return next_mday(today, 12, 31, 0);
	if (is(&ws, i, "eom"))
		return month_end(today, 0);
	/* "this friday", "next friday", "this coming friday", "friday" */
	n = i;
	if (is(&ws, n, "this") && is(&ws, n + 1, "coming"))
		n += 2;
	else if (is(&ws, n, "this") || is(&ws, n, "next") || is(&ws, n, "coming"))
		n++;
	if ((wd = weekday_of(&ws, n)) >= 0) {
		int ahead = (wd - rc_date_weekday(today) + 7) % 7;

		return today + (ahead == 0 ? 7 : ahead);
	}
	if (is(&ws, i, "next") || is(&ws, i, "this")) {
		int next = is(&ws, i, "next");

		if (is(&ws, i + 1, "week") || is(&ws, i + 1, "wk"))
			return next ? today + 7 : today + (5 - rc_date_weekday(today) + 7) % 7;
		if (is(&ws, i + 1, "weekend"))
			return today + (6 - rc_date_weekday(today) + 7) % 7 + (next ? 7 : 0);
		if (is(&ws, i + 1, "fortnight"))
			return today + 14;
		if (is(&ws, i + 1, "month"))
			return next ? rc_date_add_months(today, 1, 0) : month_end(today, 0);
		if (is(&ws, i + 1, "payday"))
			return RC_DATE_NONE;
	}
	/* "end of the month", "end of next month", "the end of the week" */
	n = i;
	if (is(&ws, n, "the"))
		n++;
	if (is(&ws, n, "end") && is(&ws, n + 1, "of")) {
		int k = n + 2, next = 0;

		if (is(&ws, k, "the") || is(&ws, k, "this"))
			k++;
		else if (is(&ws, k, "next"))
			next = 1, k++;
		if (is(&ws, k, "month"))
			return month_end(today, next);
		if (is(&ws, k, "week"))
			return today + (5 - rc_date_weekday(today) + 7) % 7 + 7 * next;
		if (is(&ws, k, "year"))
			return next_mday(today, 12, 31, 0);
		if ((m = month_of(&ws, k)) > 0) {
			int32_t first = next_mday(today, m, 1, 0);
			int ty, tm, td;

			/* "end of December" said in December is this one */
			rc_date_ymd(today, &ty, &tm, &td);
			if (m == tm)
				return month_end(today, 0);
			return first == RC_DATE_NONE ? RC_DATE_NONE : month_end(first, 0);
		}
		return RC_DATE_NONE;
	}
	/* "in two weeks", "within 7 days", "in a fortnight", "in a month" */
	if (is(&ws, i, "in") || is(&ws, i, "within")) {
		int c = count_of(&ws, i + 1), k = i + 2;

		if (c < 0 && (is(&ws, i + 1, "fortnight") || is(&ws, i + 1, "week") ||
		    is(&ws, i + 1, "month")))
			c = 1, k = i + 1;
		if (c < 0)
			return RC_DATE_NONE;
		if (is(&ws, k, "day") || is(&ws, k, "days"))
			return today + c;
		if (is(&ws, k, "week") || is(&ws, k, "weeks") ||
		    is(&ws, k, "week's") || is(&ws, k, "weeks'"))
			return today + 7 * c;
		if (is(&ws, k, "fortnight") || is(&ws, k, "fortnights") ||
		    is(&ws, k, "fortnight's"))
			return today + 14 * c;
		if (is(&ws, k, "month") || is(&ws, k, "months") ||
		    is(&ws, k, "month's") || is(&ws, k, "months'"))
			return rc_date_add_months(today, c, 0);
		return RC_DATE_NONE;
	}
	/* "the 15th [of december|of the month|of next month]", "15th dec" */
	n = i;
	if (is(&ws, n, "the"))
		n++;
	if ((d = mday_of(&ws, n, &used)) > 0) {
		int k = n + used, y = 0;

		if (is(&ws, k, "of"))
			k++;
		if ((m = month_of(&ws, k)) > 0) {
			if (k + 1 < ws.n && strlen(ws.w[k + 1]) == 4)
				y = digits(ws.w[k + 1], 4);
			return next_mday(today, m, d, y > 0 ? y : 0);
		}
		if (is(&ws, k, "next") && is(&ws, k + 1, "month"))
			return rc_date_add_months(today, 1, d);
		if ((is(&ws, k, "the") || is(&ws, k, "this")) && is(&ws, k + 1, "month")) {
			int ty, tm, td;

			rc_date_ymd(today, &ty, &tm, &td);
			return d <= rc_date_month_days(ty, tm) ?
			    rc_date_from_ymd(ty, tm, d) : RC_DATE_NONE;
		}
		return next_mday(today, 0, d, 0);
	}
	/* "december 20", "dec 20th, 2026" */
	if ((m = month_of(&ws, i)) > 0) {
		int y = 0;

		if ((d = mday_of(&ws, i + 1, &used)) > 0) {
			if (i + 1 + used < ws.n && strlen(ws.w[i + 1 + used]) == 4)
				y = digits(ws.w[i + 1 + used], 4);
			return next_mday(today, m, d, y > 0 ? y : 0);
		}
		return RC_DATE_NONE;
	}
	if (strchr(ws.w[i], '/') != NULL || strchr(ws.w[i], '-') != NULL)
		return numeric(ws.w[i], today, day_first);
	return RC_DATE_NONE;
}

/* NAME with a capital first letter, in BUF. */
static const char *
capital(const char *name, char *buf, size_t size)
{
	snprintf(buf, size, "%s", name);
	buf[0] = (char)toupper((unsigned char)buf[0]);
	return buf;
}

char *
rc_date_say(int32_t day, int32_t today, char *buf, size_t size)
{
	int y, m, d;
	char name[16];

	if (day == RC_DATE_NONE) {
		snprintf(buf, size, "on a date not set");
		return buf;
	}
	rc_date_ymd(day, &y, &m, &d);
	if (today != RC_DATE_NONE && day == today)
		snprintf(buf, size, "today");
	else if (today != RC_DATE_NONE && day == today + 1)
		snprintf(buf, size, "tomorrow");
	else if (today != RC_DATE_NONE && day > today && day - today < 7)
		snprintf(buf, size, "%s", capital(day_names[rc_date_weekday(day)],
		    name, sizeof name));
	else if (today != RC_DATE_NONE && day > today && day - today < 300)
		snprintf(buf, size, "%s %d", capital(month_names[m - 1], name,
		    sizeof name), d);
	else
		snprintf(buf, size, "%s %d, %d", capital(month_names[m - 1], name,
		    sizeof name), d, y);
	return buf;
}

void
rc_date_earliest(int32_t *oldest, const char *iso)
{
	int32_t d;

	if (iso != NULL && rc_date_parse_iso(iso, &d) &&
	    (*oldest == RC_DATE_NONE || d < *oldest))
		*oldest = d;
}
