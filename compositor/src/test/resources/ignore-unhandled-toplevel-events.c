/*
 * LD_PRELOAD for weston 10's weston-presentation-shm in tests: it binds xdg_wm_base at the
 * version the compositor offers (5) but gives its xdg_toplevel listener no handler for
 * configure_bounds (version 4) and wm_capabilities (version 5), so libwayland aborts it on the
 * first configure from any compositor that sends those optional events, as we do. This gives
 * the events it does not handle a handler that does nothing; everything else is the program's own.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>
#include <wayland-client-core.h>

#define XDG_TOPLEVEL_EVENTS 4 /* configure, close, configure_bounds, wm_capabilities */

static void ignore(void) {}

int wl_proxy_add_listener(struct wl_proxy *proxy, void (**implementation)(void), void *data) {
    static int (*real)(struct wl_proxy *, void (**)(void), void *);
    if (!real) real = (int (*)(struct wl_proxy *, void (**)(void), void *)) dlsym(RTLD_NEXT, "wl_proxy_add_listener");
    const char *cls = wl_proxy_get_class(proxy);
    if (cls && strcmp(cls, "xdg_toplevel") == 0) {
        void (**filled)(void) = calloc(XDG_TOPLEVEL_EVENTS, sizeof *filled);
        filled[0] = implementation[0]; /* configure and close: the program's */
        filled[1] = implementation[1];
        for (int i = 2; i < XDG_TOPLEVEL_EVENTS; i++) filled[i] = ignore;
        implementation = filled;
    }
    return real(proxy, implementation, data);
}
