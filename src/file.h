/*
 * file.h - reading input files and writing output files, the two ways
 * every file recoup touches goes through.  Reading refuses anything but a
 * regular file without ever blocking on it (a FIFO, a device, a
 * directory).  Writing replaces a file whole: a fresh temporary file made
 * with mkstemp beside the target (never through a planted symlink, never
 * a name another process uses), synced, then renamed over the target.
 */
#ifndef RC_FILE_H
#define RC_FILE_H

#include <stddef.h>

#include "err.h"

#define RC_FILE_MAX (16u * 1024u * 1024u)

/* Reads the whole file PATH.  Returns a NUL-terminated buffer the caller
 * frees and stores its length in *LEN, or adds "PATH: why" to ERR and
 * returns NULL.  A FIFO, device or directory is refused ("PATH: not a
 * regular file (a FIFO)") without waiting on it. */
char *rc_file_read(const char *path, size_t *len, struct rc_err *err);

/* 0 when PATH names a regular file (symlinks followed); else adds
 * "PATH: not a regular file (a KIND)" or "PATH: cannot open: why" to ERR
 * and returns -1.  Never opens PATH. */
int rc_file_check_regular(const char *path, struct rc_err *err);

/* What kind of file MODE (a st_mode) is, for messages: "FIFO",
 * "directory", "device", "socket", "symbolic link" or "special file". */
const char *rc_file_kind(unsigned mode);

/* Replaces the file PATH with the N bytes of DATA: written to a new file
 * beside it (mkstemp), with permissions MODE less the umask, synced, and
 * renamed over PATH, so a reader sees the old file or the new one.  KEEP
 * (NULL-terminated, may be NULL) names files that must never be replaced,
 * such as the open database: a PATH that is one of them (the same inode,
 * by any name) is refused.  Returns 0, or -1 with "cannot write 'PATH':
 * why" in ERR (the target is then untouched and no temporary is left). */
int rc_file_replace(const char *path, const void *data, size_t n,
                    unsigned mode, const char *const *keep, struct rc_err *err);

#endif
