// The integration module the Wayland Conformance Test Suite (wlcs) loads to test javawc.
//
// wlcs runs its tests in this process and asks the module for a display server per test.
// The compositor is a JVM, so this module starts one (once per wlcs process, with the command
// in $JAVAWC_WLCS_HOST) and drives it over a SOCK_SEQPACKET socket: one text request a packet,
// one reply a packet. The JVM answers only after it has carried out the request and flushed
// every client's events, so whatever wlcs does next sees the effects (see WlcsHost.java for
// the requests). Each test gets a fresh compositor in that JVM ("start" ... "stop").
//
// Nothing here aborts: a failure throws std::runtime_error, which wlcs (C++, gtest) reports as
// the current test's failure with the message. Built by scripts/conformance with g++ (C++ only
// for exceptions; the interface is wlcs's C one).
#include <wlcs/display_server.h>
#include <wlcs/pointer.h>
#include <wlcs/touch.h>
#include <wayland-client-core.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

// How long one request may take before the test fails: wlcs's own waits give up after 10 s.
constexpr int REPLY_TIMEOUT_MS = 20000;

[[noreturn]] void fail(std::string const& what) {
    throw std::runtime_error("javawc wlcs shim: " + what);
}

// The compositor JVM, shared by every test of this wlcs process.
struct Host {
    pid_t pid = -1;
    int socket = -1;

    bool running() const { return socket >= 0; }

    void start() {
        char const* command = getenv("JAVAWC_WLCS_HOST");
        if (!command || !*command) fail("JAVAWC_WLCS_HOST is not set (run wlcs through scripts/conformance)");
        int pair[2];
        if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, pair) < 0) fail(std::string("socketpair: ") + strerror(errno));
        pid_t child = fork();
        if (child < 0) {
            close(pair[0]);
            close(pair[1]);
            fail(std::string("fork: ") + strerror(errno));
        }
        if (child == 0) {
            // the JVM's end survives exec (socketpair made both close-on-exec)
            int flags = fcntl(pair[1], F_GETFD);
            fcntl(pair[1], F_SETFD, flags & ~FD_CLOEXEC);
            char fd[16];
            snprintf(fd, sizeof fd, "%d", pair[1]);
            setenv("JAVAWC_WLCS_FD", fd, 1);
            execl("/bin/sh", "sh", "-c", command, (char*)nullptr);
            _exit(127);
        }
        close(pair[1]);
        pid = child;
        socket = pair[0];
    }

    void lost(std::string const& why) {
        if (socket >= 0) close(socket);
        socket = -1;
        if (pid > 0) {
            kill(pid, SIGKILL);
            waitpid(pid, nullptr, 0);
        }
        pid = -1;
        fail(why);
    }

    // Sends one request (with fd attached if fd >= 0) and returns the text after "ok".
    std::string request(std::string const& text, int fd = -1) {
        if (!running()) start();
        msghdr msg{};
        iovec iov{const_cast<char*>(text.data()), text.size()};
        msg.msg_iov = &iov;
        msg.msg_iovlen = 1;
        alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int))];
        if (fd >= 0) {
            msg.msg_control = control;
            msg.msg_controllen = sizeof control;
            cmsghdr* c = CMSG_FIRSTHDR(&msg);
            c->cmsg_level = SOL_SOCKET;
            c->cmsg_type = SCM_RIGHTS;
            c->cmsg_len = CMSG_LEN(sizeof(int));
            memcpy(CMSG_DATA(c), &fd, sizeof fd);
        }
        while (sendmsg(socket, &msg, MSG_NOSIGNAL) < 0) {
            if (errno != EINTR) lost("sending '" + text + "' to the compositor: " + strerror(errno));
        }
        pollfd p{socket, POLLIN, 0};
        int ready;
        while ((ready = poll(&p, 1, REPLY_TIMEOUT_MS)) < 0 && errno == EINTR) {}
        if (ready == 0) lost("the compositor did not answer '" + text + "' within " + std::to_string(REPLY_TIMEOUT_MS / 1000) + " s");
        std::vector<char> reply(65536);
        ssize_t n;
        while ((n = recv(socket, reply.data(), reply.size(), 0)) < 0 && errno == EINTR) {}
        if (n <= 0) lost("the compositor process exited during '" + text + "' (its log says why)");
        std::string answer(reply.data(), n);
        if (answer.rfind("ok", 0) == 0) return answer.size() > 3 ? answer.substr(3) : "";
        fail("'" + text + "' failed: " + answer);
    }
};

Host host;

// wlcs 1.5.0 passes touch positions as whole pixels where its header says wl_fixed_t
// (JAVAWC_WLCS_TOUCH_PIXELS=1, set by scripts/conformance for those versions).
bool touch_in_pixels() {
    char const* v = getenv("JAVAWC_WLCS_TOUCH_PIXELS");
    return v && strcmp(v, "1") == 0;
}

std::string fixed_text(wl_fixed_t v) {
    char buf[32];
    snprintf(buf, sizeof buf, "%.8g", wl_fixed_to_double(v));
    return buf;
}

struct Server {
    WlcsDisplayServer base;
    std::map<int, int> clients; // the client end's fd (what wl_display_get_fd returns) -> the compositor's client id
    std::vector<std::string> names;
    std::vector<WlcsExtensionDescriptor> extensions;
    WlcsIntegrationDescriptor descriptor{};
};

Server* self(WlcsDisplayServer* s) { return reinterpret_cast<Server*>(s); }
Server const* self(WlcsDisplayServer const* s) { return reinterpret_cast<Server const*>(s); }

struct Pointer {
    WlcsPointer base;
    double x = 0, y = 0; // where this device last put the pointer, for relative moves
};

struct Touch {
    WlcsTouch base;
    int id;
    bool down = false;
};

int next_touch_id = 0;

void pointer_move_absolute(WlcsPointer* p, wl_fixed_t x, wl_fixed_t y) {
    auto* ptr = reinterpret_cast<Pointer*>(p);
    ptr->x = wl_fixed_to_double(x);
    ptr->y = wl_fixed_to_double(y);
    host.request("pointer-motion " + fixed_text(x) + " " + fixed_text(y));
}

void pointer_move_relative(WlcsPointer* p, wl_fixed_t dx, wl_fixed_t dy) {
    auto* ptr = reinterpret_cast<Pointer*>(p);
    ptr->x += wl_fixed_to_double(dx);
    ptr->y += wl_fixed_to_double(dy);
    host.request("pointer-motion-relative " + fixed_text(dx) + " " + fixed_text(dy));
}

void pointer_button_down(WlcsPointer*, int button) { host.request("pointer-button " + std::to_string(button) + " press"); }
void pointer_button_up(WlcsPointer*, int button) { host.request("pointer-button " + std::to_string(button) + " release"); }
void pointer_destroy(WlcsPointer* p) { delete reinterpret_cast<Pointer*>(p); }

std::string touch_position(wl_fixed_t x, wl_fixed_t y) {
    if (touch_in_pixels()) return std::to_string(x) + " " + std::to_string(y);
    return fixed_text(x) + " " + fixed_text(y);
}

void touch_down(WlcsTouch* t, wl_fixed_t x, wl_fixed_t y) {
    auto* touch = reinterpret_cast<Touch*>(t);
    host.request("touch-down " + std::to_string(touch->id) + " " + touch_position(x, y));
    touch->down = true;
}

void touch_move(WlcsTouch* t, wl_fixed_t x, wl_fixed_t y) {
    auto* touch = reinterpret_cast<Touch*>(t);
    host.request("touch-motion " + std::to_string(touch->id) + " " + touch_position(x, y));
}

void touch_up(WlcsTouch* t) {
    auto* touch = reinterpret_cast<Touch*>(t);
    touch->down = false;
    host.request("touch-up " + std::to_string(touch->id));
}

void touch_destroy(WlcsTouch* t) {
    auto* touch = reinterpret_cast<Touch*>(t);
    try {
        // destroy runs in destructors, where an exception would terminate wlcs: report and go on.
        // A finger still down is lifted: wlcs 1.5's clients have no wl_touch.cancel listener.
        if (host.running() && touch->down) host.request("touch-up " + std::to_string(touch->id));
    } catch (std::exception const& e) {
        fprintf(stderr, "%s\n", e.what());
    }
    delete touch;
}

// A touchscreen is plugged in for each test's whole life, as on the devices wlcs models: the
// seat has the touch capability before a test's client binds, so its wl_touch exists by the
// time the test first touches (a device added by create_touch would come too late for that).
void server_start(WlcsDisplayServer*) {
    host.request("start");
    host.request("touch-device add");
}

void server_stop(WlcsDisplayServer* s) {
    self(s)->clients.clear();
    host.request("stop");
}

int server_create_client_socket(WlcsDisplayServer* s) {
    int pair[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) < 0) fail(std::string("socketpair: ") + strerror(errno));
    std::string id;
    try {
        id = host.request("client", pair[1]);
    } catch (...) {
        close(pair[0]);
        close(pair[1]);
        throw;
    }
    close(pair[1]); // the compositor has its own copy now
    self(s)->clients[pair[0]] = std::stoi(id);
    return pair[0];
}

void server_position_window_absolute(WlcsDisplayServer* s, wl_display* client, wl_surface* surface, int x, int y) {
    auto const& clients = self(s)->clients;
    auto it = clients.find(wl_display_get_fd(client));
    if (it == clients.end()) fail("position_window_absolute: the client was not made by create_client_socket");
    // the client's requests so far must have reached the compositor before it looks the surface up
    if (wl_display_flush(client) < 0) fail(std::string("position_window_absolute: flushing the client: ") + strerror(errno));
    unsigned id = wl_proxy_get_id(reinterpret_cast<wl_proxy*>(surface));
    host.request("position " + std::to_string(it->second) + " " + std::to_string(id) + " " + std::to_string(x) + " " + std::to_string(y));
}

WlcsPointer* server_create_pointer(WlcsDisplayServer*) {
    auto* p = new Pointer{};
    p->base.version = WLCS_POINTER_VERSION;
    p->base.move_absolute = pointer_move_absolute;
    p->base.move_relative = pointer_move_relative;
    p->base.button_up = pointer_button_up;
    p->base.button_down = pointer_button_down;
    p->base.destroy = pointer_destroy;
    return &p->base;
}

WlcsTouch* server_create_touch(WlcsDisplayServer*) {
    auto* t = new Touch{};
    t->base.version = WLCS_TOUCH_VERSION;
    t->base.touch_down = touch_down;
    t->base.touch_move = touch_move;
    t->base.touch_up = touch_up;
    t->base.destroy = touch_destroy;
    t->id = next_touch_id++ % 64;
    return &t->base;
}

// The globals a fresh compositor offers, asked of the compositor itself, so the suite skips
// exactly what we do not offer.
WlcsIntegrationDescriptor const* server_get_descriptor(WlcsDisplayServer const* cs) {
    auto* s = const_cast<Server*>(self(cs));
    if (s->extensions.empty()) {
        host.request("start");
        std::string list = host.request("globals");
        host.request("stop");
        size_t pos = 0;
        while (pos < list.size()) {
            size_t end = list.find('\n', pos);
            if (end == std::string::npos) end = list.size();
            std::string line = list.substr(pos, end - pos);
            pos = end + 1;
            size_t space = line.find(' ');
            if (space == std::string::npos) continue;
            s->names.push_back(line.substr(0, space));
            s->extensions.push_back({nullptr, static_cast<uint32_t>(std::stoul(line.substr(space + 1)))});
        }
        for (size_t i = 0; i < s->names.size(); i++) s->extensions[i].name = s->names[i].c_str();
        s->descriptor.version = WLCS_INTEGRATION_DESCRIPTOR_VERSION;
        s->descriptor.num_extensions = s->extensions.size();
        s->descriptor.supported_extensions = s->extensions.data();
    }
    return &s->descriptor;
}

WlcsDisplayServer* create_server(int, char const**) {
    auto* s = new Server{};
    s->base.version = 2; // start + get_descriptor; not start_on_this_thread
    s->base.start = server_start;
    s->base.stop = server_stop;
    s->base.create_client_socket = server_create_client_socket;
    s->base.position_window_absolute = server_position_window_absolute;
    s->base.create_pointer = server_create_pointer;
    s->base.create_touch = server_create_touch;
    s->base.get_descriptor = server_get_descriptor;
    return &s->base;
}

void destroy_server(WlcsDisplayServer* s) { delete self(s); }

} // namespace

extern "C" WlcsServerIntegration const wlcs_server_integration = {
    WLCS_SERVER_INTEGRATION_VERSION,
    create_server,
    destroy_server,
};
