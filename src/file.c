/*
 * file.c - input files read whole, output files replaced whole (see
 * file.h).  Invariants: an input is opened O_NONBLOCK and checked with
 * fstat before a byte is read, so a FIFO cannot hang a command; an output
 * is never opened by its final name, and its temporary comes from
 * mkstemp (O_EXCL: a symlink planted in its place is never followed).
 */
#include "file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"

const char *
rc_file_kind(unsigned mode)
{
	if (S_ISFIFO(mode))
		return "FIFO";
	if (S_ISDIR(mode))
		return "directory";
	if (S_ISCHR(mode) || S_ISBLK(mode))
		return "device";
	if (S_ISSOCK(mode))
		return "socket";
	if (S_ISLNK(mode))
		return "symbolic link";
	return "special file";
}

int
rc_file_check_regular(const char *path, struct rc_err *err)
{
	struct stat sb;

	if (stat(path, &sb) != 0) {
		rc_err_add(err, RC_ERROR, "%s: cannot open: %s", path, strerror(errno));
		return -1;
	}
	if (!S_ISREG(sb.st_mode)) {
		rc_err_add(err, RC_ERROR, "%s: not a regular file (a %s)", path,
		    rc_file_kind((unsigned)sb.st_mode));
		return -1;
	}
	return 0;
}

char *
rc_file_read(const char *path, size_t *len, struct rc_err *err)
{
	struct rc_buf b = RC_BUF_INIT;
	char chunk[65536];
	struct stat sb;
	FILE *f;
	size_t n;
	int fd;

	/* O_NONBLOCK: opening a FIFO with no writer would wait forever. */
	if ((fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)) < 0) {
		rc_err_add(err, RC_ERROR, "%s: cannot open: %s", path, strerror(errno));
		return NULL;
	}
	if (fstat(fd, &sb) != 0) {
		rc_err_add(err, RC_ERROR, "%s: cannot open: %s", path, strerror(errno));
		close(fd);
		return NULL;
	}
	if (!S_ISREG(sb.st_mode)) {
		rc_err_add(err, RC_ERROR, "%s: not a regular file (a %s)", path,
		    rc_file_kind((unsigned)sb.st_mode));
		close(fd);
		return NULL;
	}
	if ((f = fdopen(fd, "rb")) == NULL) {
		rc_err_add(err, RC_ERROR, "%s: cannot open: %s", path, strerror(errno));
		close(fd);
		return NULL;
	}
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		if (b.len + n > RC_FILE_MAX) {
			rc_err_add(err, RC_ERROR, "%s: file is larger than %u MiB", path,
			    RC_FILE_MAX / (1024u * 1024u));
			fclose(f);
			rc_buf_free(&b);
			return NULL;
		}
		rc_buf_add(&b, chunk, n);
	}
	if (ferror(f)) {
		rc_err_add(err, RC_ERROR, "%s: cannot read: %s", path, strerror(errno));
		fclose(f);
		rc_buf_free(&b);
		return NULL;
	}
	fclose(f);
	*len = b.len;
	return rc_buf_detach(&b);
}

/* 1 when PATH (itself, or what it points to) is the file KEEP. */
static int
is_kept(const char *path, const char *keep)
{
	struct stat k, p;

	if (stat(keep, &k) != 0)
		return 0;
	if (lstat(path, &p) == 0 && p.st_dev == k.st_dev && p.st_ino == k.st_ino)
		return 1;
	return stat(path, &p) == 0 && p.st_dev == k.st_dev && p.st_ino == k.st_ino;
}

/* Syncs the directory holding PATH so the rename itself is on disk.
 * Best effort: some file systems cannot sync a directory. */
static void
sync_dir(const char *path)
{
	const char *slash = strrchr(path, '/');
	struct rc_buf d = RC_BUF_INIT;
	int fd;

	if (slash == NULL)
		rc_buf_puts(&d, ".");
	else if (slash == path)
		rc_buf_puts(&d, "/");
	else
		rc_buf_add(&d, path, (size_t)(slash - path));
	if ((fd = open(rc_buf_str(&d), O_RDONLY | O_CLOEXEC)) >= 0) {
		fsync(fd);
		close(fd);
	}
	rc_buf_free(&d);
}

/* Writes the N bytes of DATA to FD, again after EINTR and short writes;
 * 0, or -1 with errno set. */
static int
write_all(int fd, const char *data, size_t n)
{
	size_t done = 0;

	while (done < n) {
		ssize_t w = write(fd, data + done, n - done);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			if (w == 0)
				errno = EIO;
			return -1;
		}
		done += (size_t)w;
	}
	return 0;
}

/* Writes the N bytes of DATA into the device or pipe PATH, which is not
 * replaced: "/dev/null", "/dev/stdout", a named pipe. */
static int
write_through(const char *path, const char *data, size_t n, struct rc_err *err)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC | O_NOCTTY), e;

	if (fd < 0)
		goto fail;
	if (write_all(fd, data, n) != 0)
		goto fail;
	if (close(fd) != 0) {
		fd = -1;
		goto fail;
	}
	return 0;
fail:
	e = errno;
	if (fd >= 0)
		close(fd);
	rc_err_add(err, RC_ERROR, "cannot write '%s': %s", path, strerror(e));
	return -1;
}

int
rc_file_replace(const char *path, const void *data, size_t n, unsigned mode,
                const char *const *keep, struct rc_err *err)
{
	struct rc_buf tmp = RC_BUF_INIT;
	struct stat st;
	mode_t um;
	int fd, e;

	for (; keep != NULL && *keep != NULL; keep++)
		if (is_kept(path, *keep)) {
			rc_err_add(err, RC_ERROR, "cannot write '%s': it is the session "
			    "database '%s'", path, *keep);
			return -1;
		}
	/* Only a regular file is replaced: a device or a pipe is written
	 * into (renaming over /dev/null, as root, made it a plain file). */
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		if (S_ISDIR(st.st_mode)) {
			rc_err_add(err, RC_ERROR, "cannot write '%s': it is a directory",
			    path);
			return -1;
		}
		return write_through(path, data, n, err);
	}
	rc_buf_printf(&tmp, "%s.XXXXXX", path);
	if ((fd = mkstemp(tmp.data)) < 0) {
		rc_err_add(err, RC_ERROR, "cannot write '%s': %s", path, strerror(errno));
		rc_buf_free(&tmp);
		return -1;
	}
	um = umask(0);
	umask(um);
	if (fchmod(fd, (mode_t)mode & ~um) != 0)
		goto fail;
	if (write_all(fd, data, n) != 0)
		goto fail;
	if (fsync(fd) != 0 && errno != EINVAL)
		goto fail;
	if (close(fd) != 0) {
		fd = -1;
		goto fail;
	}
	fd = -1;
	if (rename(tmp.data, path) != 0)
		goto fail;
	sync_dir(path);
	rc_buf_free(&tmp);
	return 0;
fail:
	e = errno;
	if (fd >= 0)
		close(fd);
	unlink(tmp.data);
	rc_err_add(err, RC_ERROR, "cannot write '%s': %s", path, strerror(e));
	rc_buf_free(&tmp);
	return -1;
}
