/*
 * date.h - calendar days for payment schedules.  A day is a count of days
 * since 1970-01-01 in the proleptic Gregorian calendar (no time of day, no
 * time zone): the call's date and every due date are days.  Words said in a
 * call ("friday", "the 15th", "end of next month") are resolved against
 * the call's date.  Pure functions: no allocation, no I/O, no clock.
 */
#ifndef RC_DATE_H
#define RC_DATE_H

#include <stddef.h>
#include <stdint.h>

/* No date: not said, or said in words that name no day ("payday"). */
#define RC_DATE_NONE INT32_MIN

/* The day of Y-M-D (M 1-12, D 1-31; not checked). */
int32_t rc_date_from_ymd(int y, int m, int d);

/* Y, M and D of DAY. */
void rc_date_ymd(int32_t day, int *y, int *m, int *d);

/* 0 for Sunday ... 6 for Saturday. */
int rc_date_weekday(int32_t day);

/* Days in month M (1-12) of year Y. */
int rc_date_month_days(int y, int m);

/* DAY moved by N calendar months, on day ANCHOR of the month (the day of
 * the month the run started on) or the month's last day when it is
 * shorter: 2027-01-31 + 1 month = 2027-02-28. */
int32_t rc_date_add_months(int32_t day, int n, int anchor);

/* Reads an ISO date "YYYY-MM-DD" (a real calendar day) from S into *DAY.
 * Returns 1, or 0 when S is not one. */
int rc_date_parse_iso(const char *s, int32_t *day);

/* Sets *OLDEST to the day of ISO, a "YYYY-MM-DD" date, when it is one
 * and earlier than *OLDEST (or *OLDEST is RC_DATE_NONE); ISO may be NULL. */
void rc_date_earliest(int32_t *oldest, const char *iso);

/* Writes DAY as "YYYY-MM-DD" into BUF (at least 11 bytes); returns BUF. */
char *rc_date_iso(int32_t day, char *buf, size_t size);

/* Resolves WHEN, the words a payment's time was said in (lower case, as
 * the amount reader keeps them: "today", "now", "friday", "next friday",
 * "the 15th", "december 20", "20th of december", "12/20", "end of the
 * month", "end of next month", "christmas", "next week", "in two weeks",
 * "next month", "2026-12-20"), against TODAY, the call's date.  A weekday
 * is the first such day after today; a day of the month or a date without
 * a year is the next such day on or after today.  DAY_FIRST reads "5/1"
 * as 5 January (UK) rather than May 1 (US) when both could be meant.
 * Returns RC_DATE_NONE when WHEN names no day or TODAY is RC_DATE_NONE
 * (then only an ISO date is read). */
int32_t rc_date_resolve(const char *when, int32_t today, int day_first);

/* Writes DAY as a person says it on a call held on TODAY: "today",
 * "tomorrow", "Friday" (within the week), "December 15" (within a year),
 * "December 15, 2027" (further).  With TODAY RC_DATE_NONE, "December 15,
 * 2026".  Returns BUF. */
char *rc_date_say(int32_t day, int32_t today, char *buf, size_t size);

#endif
