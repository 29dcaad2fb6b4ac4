/*
 * detect-extended.c - detectors for the extended practices reported beside
 * the twenty: listening, empathy, right party, not assuming, validating
 * excuses, starting high, options, recapping, documenting the call.
 */
#include <string.h>

#include "score.h"

const struct rc_detector rc_detectors_extended[] = {
	{ NULL, NULL },
};
