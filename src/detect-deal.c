/*
 * detect-deal.c - detectors for practices 11 to 20: finding the reason,
 * inviting the debtor's ideas and offers, bargaining patiently, good faith,
 * not forcing the issue, and closing the deal (writing, ramifications,
 * follow-up, holding to it).
 */
#include <string.h>

#include "score.h"

const struct rc_detector rc_detectors_deal[] = {
	{ NULL, NULL },
};
