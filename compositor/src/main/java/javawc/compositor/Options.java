package javawc.compositor;

import java.util.List;

/** Command-line options of {@code scripts/compositor}. */
public record Options(String backend, String renderer, String socket, int width, int height, int refreshMilliHz, boolean debug, java.nio.file.Path screenshot,
                      String drmDevice, String mode, java.nio.file.Path controlSocket, boolean dataControl, String input,
                      String session, java.nio.file.Path logFile, List<String> command, boolean keepRunning,
                      int outputCount, List<javawc.compositor.output.OutputSpec> outputSpecs, java.nio.file.Path config, boolean kiosk, String xwayland) {

    public static final String USAGE = """
            usage: scripts/compositor [options] [-- COMMAND [ARGS...]]
              --backend auto|headless|drm  output backend (default auto: drm when the DRM device exists and
                                           can be driven, else headless, with a log line saying why)
              --renderer auto|gles|software
                                           compositing (default auto: gles when EGL and OpenGL ES 2 start
                                           on a GPU, else software, with a log line saying why; gles
                                           also runs on Mesa's CPU rasterizer, llvmpipe)
              --input libinput|none        physical input devices (default: libinput with the drm backend,
                                           none with headless); libinput opens /dev/input/event* itself,
                                           (see --session)
              --session auto|direct|libseat
                                           how the DRM card and input devices are opened (default auto:
                                           directly when root, else through libseat if a seat manager,
                                           seatd or logind, hands over the seat, else directly). direct
                                           needs root or the 'video' and 'input' groups and takes the VT
                                           itself; with libseat the seat manager owns the VT
              --drm-device PATH            DRM device for the drm backend (default /dev/dri/card0)
              --mode WxH[@HZ]              mode for every DRM output (default: each connector's preferred)
              --socket NAME                listen on $XDG_RUNTIME_DIR/NAME (default: first free wayland-N)
              --width PIXELS               headless output width (default 1280)
              --height PIXELS              headless output height (default 720)
              --refresh HZ                 headless output refresh rate, may be fractional (default 60)
              --outputs N                  headless: N outputs HEADLESS-1..N of that size, left to right
              --output NAME[:WxH[@HZ]][,scale=S][,transform=T][,x=X,y=Y]
                                           headless: one output called NAME (repeat for more; mode default
                                           1280x720@60); drm: settings for connector NAME (e.g. HDMI-A-1).
                                           scale: 1, 2, or fractional such as 1.5 (clients are told 2);
                                           transform: normal, 90, 180, 270, flipped, flipped-90, ...;
                                           x,y: logical position (default: right of the outputs before it)
              --screenshot FILE            write a PNG of the output to FILE on SIGUSR1 and at exit; with
                                           several outputs one per output, FILE's name with -NAME added
              --control-socket PATH        accept test input (pointer, keys, window placement) on a Unix
                                           socket at PATH, mode 0600; off by default (see ControlChannel)
              --no-data-control            do not offer zwlr_data_control_manager_v1 (clipboard tools such as
                                           wl-copy then fall back to a focused window)
              --xwayland eager|lazy|off    X11 programs through Xwayland (default lazy: the X display's sockets
                                           are ours at once, Xwayland starts at the first X client; eager: at
                                           start-up; off: no X display). DISPLAY is printed and set for children
              --debug                      debug logging and a protocol trace (like WAYLAND_DEBUG=1)
              --log-file FILE              write the log to FILE (replaced at each start) instead of stderr
              --config FILE                read the configuration from FILE (default: $XDG_CONFIG_HOME/javawc/config
                                           or ~/.config/javawc/config if it exists; docs/configuration.md)
              --keep-running               with -- COMMAND: keep running after COMMAND has exited
              --kiosk                      kiosk mode, as cage: every window fullscreen on the first output
                                           (dialogs centred at their own size); no moving, resizing,
                                           maximizing or minimizing
              -- COMMAND [ARGS...]         once the socket is ready, start COMMAND with WAYLAND_DISPLAY set,
                                           in a process group of its own, its output in the log; exit when
                                           it exits, with its exit status
              --list-globals               print every global the other options would offer, with its version
                                           (and the [privileges] power it needs), one per line, and exit
              --help                       this text
            When ready, prints WAYLAND_DISPLAY=NAME on stdout (and DISPLAY=:N on the next line with Xwayland); logs go to stderr (or --log-file).
            scripts/ctl controls it over $XDG_RUNTIME_DIR/javawc-NAME.sock (mode 0600; JAVAWC_SOCK for its children).
            SIGINT or SIGTERM (or Ctrl+Alt+Backspace) shuts down cleanly, removing the socket and its lock file;
            programs it started get SIGTERM (SIGKILL 2 s later) with their whole process group.
            On a VT, Ctrl+Alt+F1..F12 switch virtual terminals.
            Key bindings: Super+Return terminal ($TERMINAL, foot or weston-terminal), Super+Shift+Q or Alt+F4
            close, Alt+Tab or Super+Tab next window, Super+M maximize, Super+F fullscreen, Super+H minimize,
            Super+Shift+Right next output, Super+Shift+E quit.""";

    public static final class UsageException extends Exception {
        public UsageException(String message) {
            super(message);
        }
    }

    /** Returns null for --help. */
    public static Options parse(List<String> args) throws UsageException {
        String backend = "auto", renderer = "auto", socket = null;
        int width = 1280, height = 720, refresh = 60_000;
        boolean debug = false, dataControl = true, keepRunning = false, kiosk = false;
        java.nio.file.Path screenshot = null, controlSocket = null, logFile = null, config = null;
        List<String> command = List.of();
        String drmDevice = "/dev/dri/card0", mode = null, input = null, session = "auto", xwayland = "lazy";
        int outputCount = 1;
        List<javawc.compositor.output.OutputSpec> outputSpecs = new java.util.ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                command = List.copyOf(args.subList(i + 1, args.size()));
                if (command.isEmpty() || command.getFirst().isEmpty()) throw new UsageException("-- must be followed by a command to start");
                break;
            }
            String value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                value = a.substring(eq + 1);
                a = a.substring(0, eq);
            }
            switch (a) {
                case "--help", "-h" -> {
                    return null;
                }
                case "--debug" -> debug = true;
                case "--no-data-control" -> dataControl = false;
                case "--keep-running" -> keepRunning = true;
                case "--config" -> config = java.nio.file.Path.of(value != null ? value : next(args, ++i, a));
                case "--kiosk" -> kiosk = true;
                case "--log-file" -> {
                    logFile = java.nio.file.Path.of(value != null ? value : next(args, ++i, a));
                    if (logFile.toString().isEmpty()) throw new UsageException("--log-file needs a file name");
                }
                case "--backend" -> {
                    backend = value != null ? value : next(args, ++i, a);
                    if (!List.of("auto", "headless", "drm").contains(backend)) throw new UsageException("--backend must be auto, headless or drm, not '" + backend + "'");
                }
                case "--renderer" -> {
                    renderer = value != null ? value : next(args, ++i, a);
                    if (!List.of("auto", "gles", "software").contains(renderer)) throw new UsageException("--renderer must be auto, gles or software, not '" + renderer + "'");
                }
                case "--input" -> {
                    input = value != null ? value : next(args, ++i, a);
                    if (!List.of("libinput", "none").contains(input)) throw new UsageException("--input must be libinput or none, not '" + input + "'");
                }
                case "--session" -> {
                    session = value != null ? value : next(args, ++i, a);
                    if (!List.of("auto", "direct", "libseat").contains(session)) throw new UsageException("--session must be auto, direct or libseat, not '" + session + "'");
                }
                case "--xwayland" -> {
                    xwayland = value != null ? value : next(args, ++i, a);
                    if (!List.of("eager", "lazy", "off").contains(xwayland)) throw new UsageException("--xwayland must be eager, lazy or off, not '" + xwayland + "'");
                }
                case "--socket" -> socket = value != null ? value : next(args, ++i, a);
                case "--drm-device" -> drmDevice = value != null ? value : next(args, ++i, a);
                case "--mode" -> {
                    mode = value != null ? value : next(args, ++i, a);
                    try {
                        javawc.compositor.output.ModeText.parse(mode);
                    } catch (IllegalArgumentException e) {
                        throw new UsageException("--mode " + e.getMessage());
                    }
                }
                case "--screenshot" -> screenshot = java.nio.file.Path.of(value != null ? value : next(args, ++i, a));
                case "--control-socket" -> controlSocket = java.nio.file.Path.of(value != null ? value : next(args, ++i, a));
                case "--outputs" -> outputCount = positive(a, value != null ? value : next(args, ++i, a), 16);
                case "--output" -> {
                    String v = value != null ? value : next(args, ++i, a);
                    try {
                        var spec = javawc.compositor.output.OutputSpec.parse(v);
                        for (var other : outputSpecs) if (other.name().equals(spec.name())) throw new UsageException("--output " + spec.name() + " is given twice");
                        outputSpecs.add(spec);
                    } catch (IllegalArgumentException e) {
                        throw new UsageException(e.getMessage());
                    }
                }
                case "--width" -> width = positive(a, value != null ? value : next(args, ++i, a), 16384);
                case "--height" -> height = positive(a, value != null ? value : next(args, ++i, a), 16384);
                case "--refresh" -> {
                    String v = value != null ? value : next(args, ++i, a);
                    try {
                        double hz = Double.parseDouble(v);
                        if (!(hz >= 1 && hz <= 1000)) throw new NumberFormatException();
                        refresh = (int) Math.round(hz * 1000);
                    } catch (NumberFormatException e) {
                        throw new UsageException("--refresh needs a rate in Hz between 1 and 1000, not '" + v + "'");
                    }
                }
                default -> throw new UsageException("unknown option '" + args.get(i) + "'");
            }
        }
        if (keepRunning && command.isEmpty()) throw new UsageException("--keep-running only applies to a command given after --");
        if (outputCount > 1 && !outputSpecs.isEmpty()) throw new UsageException("--outputs and --output do not go together: name each output with --output");
        return new Options(backend, renderer, socket, width, height, refresh, debug, screenshot, drmDevice, mode, controlSocket, dataControl, input, session,
                logFile, command, keepRunning, outputCount, List.copyOf(outputSpecs), config, kiosk, xwayland);
    }

    /** Whether to read physical input devices with libinput: --input, else yes exactly when the backend drives a DRM device. */
    public boolean useLibinput(boolean drmBackend) {
        return input == null ? drmBackend : input.equals("libinput");
    }

    private static String next(List<String> args, int i, String option) throws UsageException {
        if (i >= args.size()) throw new UsageException(option + " needs a value");
        return args.get(i);
    }

    private static int positive(String option, String v, int max) throws UsageException {
        try {
            int n = Integer.parseInt(v);
            if (n < 1 || n > max) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(option + " needs a whole number from 1 to " + max + ", not '" + v + "'");
        }
    }
}
