/*
 * wlbench: one benchmark client for every compositor (ours, weston, sway), built by
 * scripts/bench against Debian's libwayland-client and xdg-shell from wayland-protocols.
 * Each mode prints "key value" lines, one figure per line, that scripts/bench collects.
 *
 *   wlbench roundtrip [--count N] [--rounds R]
 *   wlbench frames   --pid PID [--width W --height H] [--seconds S] [--partial]
 *   wlbench clients  [--count N] [--rounds R]
 *   wlbench huge     [--size N] [--commits C]
 *   wlbench launch   --dir RUNTIME_DIR [--runs R] -- COMMAND...   (starts COMMAND each run)
 *   wlbench rss      --pid PID
 *
 * frames: full-damage (or, with --partial, one 64x64 square per frame) commits paced by
 * frame callbacks on a fullscreen window; prints fps, the median commit→callback latency
 * and the compositor's CPU time per frame (its CPU-time clock: all its threads, in ns).
 * The buffers are filled once: the client does no drawing per frame, so on one CPU its own
 * cost stays out of the compositor's way.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <wayland-client.h>
#include "xdg-shell-client-protocol.h"

static double now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double median(double *v, int n) {
    if (n == 0) return 0;
    qsort(v, n, sizeof *v, cmp_double);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static void die(const char *what) {
    fprintf(stderr, "wlbench: %s\n", what);
    exit(1);
}

/* ---- globals ---- */

struct globals {
    struct wl_compositor *compositor;
    struct wl_shm *shm;
    struct xdg_wm_base *wm_base;
    int count;
};

static void wm_base_ping(void *data, struct xdg_wm_base *b, uint32_t serial) {
    xdg_wm_base_pong(b, serial);
}
static const struct xdg_wm_base_listener wm_base_listener = {wm_base_ping};

static void registry_global(void *data, struct wl_registry *r, uint32_t name, const char *iface, uint32_t version) {
    struct globals *g = data;
    g->count++;
    if (!strcmp(iface, "wl_compositor")) g->compositor = wl_registry_bind(r, name, &wl_compositor_interface, version < 4 ? version : 4);
    else if (!strcmp(iface, "wl_shm")) g->shm = wl_registry_bind(r, name, &wl_shm_interface, 1);
    else if (!strcmp(iface, "xdg_wm_base")) {
        g->wm_base = wl_registry_bind(r, name, &xdg_wm_base_interface, 1);
        xdg_wm_base_add_listener(g->wm_base, &wm_base_listener, NULL);
    }
}
static void registry_remove(void *data, struct wl_registry *r, uint32_t name) {}
static const struct wl_registry_listener registry_listener = {registry_global, registry_remove};

/* ---- shm buffers ---- */

struct buffer {
    struct wl_buffer *wl;
    int busy;
};

static void buffer_release(void *data, struct wl_buffer *b) {
    ((struct buffer *)data)->busy = 0;
}
static const struct wl_buffer_listener buffer_listener = {buffer_release};

/* n buffers of w x h XRGB8888 in one pool, each filled with its own colour. */
static struct buffer *make_buffers(struct globals *g, int w, int h, int n) {
    size_t size = (size_t)w * h * 4;
    int fd = memfd_create("wlbench", MFD_CLOEXEC);
    if (fd < 0 || ftruncate(fd, size * n) < 0) die("memfd");
    uint32_t *pixels = mmap(NULL, size * n, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (pixels == MAP_FAILED) die("mmap");
    struct wl_shm_pool *pool = wl_shm_create_pool(g->shm, fd, size * n);
    struct buffer *buffers = calloc(n, sizeof *buffers);
    for (int i = 0; i < n; i++) {
        uint32_t colour = 0xff000000u | (0x402080u * (i + 1));
        uint32_t *p = pixels + (size_t)w * h * i;
        for (size_t k = 0; k < (size_t)w * h; k++) p[k] = colour;
        buffers[i].wl = wl_shm_pool_create_buffer(pool, size * i, w, h, w * 4, WL_SHM_FORMAT_XRGB8888);
        wl_buffer_add_listener(buffers[i].wl, &buffer_listener, &buffers[i]);
    }
    wl_shm_pool_destroy(pool);
    munmap(pixels, size * n);
    close(fd);
    return buffers;
}

/* ---- a window ---- */

struct window {
    struct wl_surface *surface;
    struct xdg_surface *xdg;
    struct xdg_toplevel *toplevel;
    int configured;
};

static void xdg_surface_configure(void *data, struct xdg_surface *s, uint32_t serial) {
    xdg_surface_ack_configure(s, serial);
    ((struct window *)data)->configured = 1;
}
static const struct xdg_surface_listener xdg_surface_listener = {xdg_surface_configure};
static void toplevel_configure(void *d, struct xdg_toplevel *t, int32_t w, int32_t h, struct wl_array *states) {}
static void toplevel_close(void *d, struct xdg_toplevel *t) {}
static const struct xdg_toplevel_listener toplevel_listener = {toplevel_configure, toplevel_close};

static void connect_all(struct wl_display **display, struct globals *g) {
    *display = wl_display_connect(NULL);
    if (!*display) die("cannot connect (WAYLAND_DISPLAY?)");
    struct wl_registry *registry = wl_display_get_registry(*display);
    wl_registry_add_listener(registry, &registry_listener, g);
    wl_display_roundtrip(*display);
    if (!g->compositor || !g->shm || !g->wm_base) die("compositor lacks wl_compositor, wl_shm or xdg_wm_base");
}

static void open_window(struct wl_display *display, struct globals *g, struct window *win, int fullscreen) {
    win->surface = wl_compositor_create_surface(g->compositor);
    win->xdg = xdg_wm_base_get_xdg_surface(g->wm_base, win->surface);
    xdg_surface_add_listener(win->xdg, &xdg_surface_listener, win);
    win->toplevel = xdg_surface_get_toplevel(win->xdg);
    xdg_toplevel_add_listener(win->toplevel, &toplevel_listener, win);
    xdg_toplevel_set_title(win->toplevel, "wlbench");
    xdg_toplevel_set_app_id(win->toplevel, "wlbench");
    if (fullscreen) xdg_toplevel_set_fullscreen(win->toplevel, NULL);
    wl_surface_commit(win->surface);
    while (!win->configured) if (wl_display_dispatch(display) < 0) die("connection lost");
}

/* ---- frame callbacks ---- */

static double frame_done_at;
static void frame_done(void *data, struct wl_callback *cb, uint32_t t) {
    frame_done_at = now_ms();
    wl_callback_destroy(cb);
}
static const struct wl_callback_listener frame_listener = {frame_done};

/* Attaches b, damages (all or a square), asks for a frame callback, commits; returns ms to the callback. */
static double commit_and_wait(struct wl_display *display, struct window *win, struct buffer *b,
                              int x, int y, int w, int h) {
    wl_surface_attach(win->surface, b->wl, 0, 0);
    wl_surface_damage_buffer(win->surface, x, y, w, h);
    struct wl_callback *cb = wl_surface_frame(win->surface);
    wl_callback_add_listener(cb, &frame_listener, NULL);
    b->busy = 1;
    frame_done_at = 0;
    double start = now_ms();
    wl_surface_commit(win->surface);
    while (frame_done_at == 0) if (wl_display_dispatch(display) < 0) die("connection lost");
    return frame_done_at - start;
}

/*
 * The CPU time of every thread of pid (dead ones included), in ms: the process's CPU-time
 * clock (nanoseconds), else utime + stime from /proc/PID/stat, whose 10 ms ticks make a frame's
 * fraction of a millisecond coarse (a 5 s run of 300 frames moves in steps of 0.03 ms).
 */
static double cpu_ms(int pid) {
    clockid_t clock;
    struct timespec ts;
    if (clock_getcpuclockid(pid, &clock) == 0 && clock_gettime(clock, &ts) == 0) return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
    char path[64], buf[2048];
    snprintf(path, sizeof path, "/proc/%d/stat", pid);
    int fd = open(path, O_RDONLY);
    if (fd < 0) die("cannot read the compositor's /proc/PID/stat");
    ssize_t n = read(fd, buf, sizeof buf - 1);
    close(fd);
    if (n <= 0) die("empty stat");
    buf[n] = 0;
    char *p = strrchr(buf, ')'); /* the command name may hold spaces */
    unsigned long utime, stime;
    /* after ") ": state(3) ... utime is field 14, stime 15 */
    if (sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &utime, &stime) != 2) die("bad stat");
    return (utime + stime) * 1000.0 / sysconf(_SC_CLK_TCK);
}

static int frames(int pid, int w, int h, double seconds, int partial) {
    struct wl_display *display;
    struct globals g = {0};
    connect_all(&display, &g);
    struct window win = {0};
    open_window(display, &g, &win, 1);
    enum { NBUF = 3 };
    struct buffer *buffers = make_buffers(&g, w, h, NBUF);
    /*
     * warm-up, the same for every compositor: the first frames map the window; 3 s of them let a
     * JIT-compiled compositor compile its frame path (on one CPU its compiler threads otherwise
     * bill the measured frames for seconds), as it has long done in a session that runs all day
     */
    double warm_until = now_ms() + (seconds < 3 ? seconds : 3) * 1000;
    for (int i = 0; i < 30 || now_ms() < warm_until; i++) {
        struct buffer *b = &buffers[i % NBUF];
        if (partial) commit_and_wait(display, &win, b, (i * 67) % (w - 64), (i * 29) % (h - 64), 64, 64);
        else commit_and_wait(display, &win, b, 0, 0, w, h);
    }
    int cap = (int)(seconds * 1000) + 16;
    double *lat = malloc(cap * sizeof *lat);
    int count = 0, next = 0;
    double cpu0 = cpu_ms(pid), t0 = now_ms(), end = t0 + seconds * 1000;
    while (now_ms() < end && count < cap) {
        struct buffer *b = NULL;
        for (int k = 0; k < NBUF && !b; k++) if (!buffers[(next + k) % NBUF].busy) b = &buffers[(next + k) % NBUF];
        if (!b) { /* every buffer still held: wait for a release */
            if (wl_display_dispatch(display) < 0) die("connection lost");
            continue;
        }
        next = (int)(b - buffers) + 1;
        if (partial) {
            int sx = (count * 67) % (w - 64), sy = (count * 29) % (h - 64);
            lat[count++] = commit_and_wait(display, &win, b, sx, sy, 64, 64);
        } else {
            lat[count++] = commit_and_wait(display, &win, b, 0, 0, w, h);
        }
    }
    double elapsed = now_ms() - t0, cpu = cpu_ms(pid) - cpu0;
    printf("fps %.2f\n", count * 1000.0 / elapsed);
    printf("latency_ms %.2f\n", median(lat, count));
    printf("cpu_ms_per_frame %.3f\n", cpu / count);
    printf("frames %d\n", count);
    wl_display_disconnect(display);
    return 0;
}

/* ---- wl_display.sync round trips ---- */

static int roundtrip(int count, int rounds) {
    struct wl_display *display = wl_display_connect(NULL);
    if (!display) die("cannot connect");
    for (int i = 0; i < 1000; i++) wl_display_roundtrip(display); /* warm-up */
    double *med = malloc(rounds * sizeof *med), *each = malloc(count * sizeof *each);
    for (int r = 0; r < rounds; r++) {
        for (int i = 0; i < count; i++) {
            double t = now_ms();
            wl_display_roundtrip(display);
            each[i] = now_ms() - t;
        }
        med[r] = median(each, count);
    }
    printf("roundtrip_us %.2f\n", median(med, rounds) * 1000);
    wl_display_disconnect(display);
    return 0;
}

/* ---- many clients ---- */

static void counting_global(void *data, struct wl_registry *r, uint32_t name, const char *iface, uint32_t version) {
    ++*(int *)data;
}
static const struct wl_registry_listener counting_listener = {counting_global, registry_remove};

/*
 * count clients one after the other: connect, get_registry, sync (all globals seen), disconnect.
 * Two rounds first are not counted: every compositor gets the same warm-up (for a JIT-compiled
 * one, the code that accepts and drops clients is compiled meanwhile, as on a day's first logins).
 */
static int clients(int count, int rounds) {
    double *ms = malloc((rounds + 2) * sizeof *ms);
    int globals = 0;
    rounds += 2;
    for (int r = 0; r < rounds; r++) {
        double t = now_ms();
        for (int i = 0; i < count; i++) {
            struct wl_display *d = wl_display_connect(NULL);
            if (!d) die("cannot connect");
            globals = 0;
            struct wl_registry *registry = wl_display_get_registry(d);
            wl_registry_add_listener(registry, &counting_listener, &globals);
            if (wl_display_roundtrip(d) < 0) die("roundtrip failed");
            wl_registry_destroy(registry);
            wl_display_disconnect(d);
        }
        ms[r] = now_ms() - t;
    }
    printf("clients_ms %.2f\n", median(ms + 2, rounds - 2));
    printf("globals %d\n", globals);
    return 0;
}

/* ---- one huge buffer ---- */

/* A size x size buffer on an ordinary (not fullscreen) window, committed with full damage. */
static int huge(int size, int commits) {
    struct wl_display *display;
    struct globals g = {0};
    connect_all(&display, &g);
    struct window win = {0};
    open_window(display, &g, &win, 0);
    struct buffer *b = make_buffers(&g, size, size, 1);
    double *ms = malloc(commits * sizeof *ms);
    commit_and_wait(display, &win, b, 0, 0, size, size); /* maps the window */
    for (int i = 0; i < commits; i++) ms[i] = commit_and_wait(display, &win, b, 0, 0, size, size);
    printf("huge_ms %.2f\n", median(ms, commits));
    wl_display_disconnect(display);
    return 0;
}

/* ---- launch to ready ---- */

/* The first wayland-N socket in dir (not a .lock), or none. */
static int find_socket(const char *dir, char *name, size_t len) {
    DIR *d = opendir(dir);
    if (!d) return 0;
    struct dirent *e;
    int found = 0;
    while (!found && (e = readdir(d))) {
        if (strncmp(e->d_name, "wayland-", 8) || strchr(e->d_name, '.')) continue;
        snprintf(name, len, "%s/%s", dir, e->d_name);
        struct stat st;
        found = stat(name, &st) == 0 && S_ISSOCK(st.st_mode);
    }
    closedir(d);
    return found;
}

/* Starts argv, connects as soon as a socket answers, times the first round trip's answer, stops it. */
static int launch(const char *dir, int runs, char **argv) {
    double *ms = malloc(runs * sizeof *ms), *cpu = malloc(runs * sizeof *cpu);
    for (int r = 0; r < runs; r++) {
        char path[4096];
        double t = now_ms();
        pid_t pid = fork();
        if (pid < 0) die("fork");
        if (pid == 0) {
            int devnull = open("/dev/null", O_RDWR);
            dup2(devnull, 1);
            dup2(devnull, 2);
            execvp(argv[0], argv);
            _exit(127);
        }
        struct wl_display *d = NULL;
        while (!d) {
            if (now_ms() - t > 30000) die("launch: no compositor socket within 30 s");
            if (waitpid(pid, NULL, WNOHANG) == pid) die("launch: the compositor exited");
            if (find_socket(dir, path, sizeof path)) {
                int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
                struct sockaddr_un a = {.sun_family = AF_UNIX};
                snprintf(a.sun_path, sizeof a.sun_path, "%s", path);
                if (connect(fd, (struct sockaddr *)&a, sizeof a) == 0) d = wl_display_connect_to_fd(fd);
                else close(fd);
            }
            if (!d) usleep(500);
        }
        if (wl_display_roundtrip(d) < 0) die("launch: round trip failed");
        ms[r] = now_ms() - t;
        cpu[r] = cpu_ms(pid); /* what the start cost, however busy the machine was */
        wl_display_disconnect(d);
        kill(pid, SIGTERM);
        waitpid(pid, NULL, 0);
        /* a socket a killed compositor left would be found by the next run */
        DIR *dd = opendir(dir);
        struct dirent *e;
        while (dd && (e = readdir(dd))) {
            if (!strncmp(e->d_name, "wayland-", 8)) {
                snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
                unlink(path);
            }
        }
        if (dd) closedir(dd);
    }
    printf("launch_ms %.1f\n", median(ms, runs));
    printf("launch_cpu_ms %.1f\n", median(cpu, runs));
    return 0;
}

static int rss(int pid) {
    char path[64], line[256];
    snprintf(path, sizeof path, "/proc/%d/status", pid);
    FILE *f = fopen(path, "r");
    if (!f) die("cannot read /proc/PID/status");
    while (fgets(line, sizeof line, f)) {
        long kb;
        if (sscanf(line, "VmRSS: %ld kB", &kb) == 1) printf("rss_mib %.1f\n", kb / 1024.0);
    }
    fclose(f);
    return 0;
}

int main(int argc, char **argv) {
    if (argc < 2) die("usage: wlbench roundtrip|frames|clients|huge|launch|rss [options]");
    const char *mode = argv[1], *dir = NULL;
    int pid = 0, w = 1920, h = 1080, partial = 0, count = 0, rounds = 5, size = 4096, commits = 5;
    double seconds = 5;
    char **command = NULL;
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "--")) { command = argv + i + 1; break; }
        else if (!strcmp(a, "--partial")) partial = 1;
        else if (!v) die("an option lacks its value");
        else if (!strcmp(a, "--pid")) pid = atoi(v), i++;
        else if (!strcmp(a, "--width")) w = atoi(v), i++;
        else if (!strcmp(a, "--height")) h = atoi(v), i++;
        else if (!strcmp(a, "--seconds")) seconds = atof(v), i++;
        else if (!strcmp(a, "--count")) count = atoi(v), i++;
        else if (!strcmp(a, "--rounds") || !strcmp(a, "--runs")) rounds = atoi(v), i++;
        else if (!strcmp(a, "--size")) size = atoi(v), i++;
        else if (!strcmp(a, "--commits")) commits = atoi(v), i++;
        else if (!strcmp(a, "--dir")) dir = v, i++;
        else die("unknown option");
    }
    if (rounds < 1) die("--rounds must be at least 1");
    if (!strcmp(mode, "roundtrip")) return roundtrip(count ? count : 2000, rounds);
    if (!strcmp(mode, "clients")) return clients(count ? count : 500, rounds);
    if (!strcmp(mode, "huge")) return huge(size, commits);
    if (!strcmp(mode, "frames")) {
        if (!pid) die("frames needs --pid (the compositor's)");
        if (w < 128 || h < 128) die("frames needs at least 128x128");
        return frames(pid, w, h, seconds, partial);
    }
    if (!strcmp(mode, "launch")) {
        if (!dir || !command || !*command) die("launch needs --dir DIR -- COMMAND...");
        return launch(dir, rounds, command);
    }
    if (!strcmp(mode, "rss")) {
        if (!pid) die("rss needs --pid");
        return rss(pid);
    }
    die("unknown mode");
}
