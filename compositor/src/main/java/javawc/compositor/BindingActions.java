package javawc.compositor;

import javawc.compositor.input.KeyBindings;
import javawc.compositor.input.KeyCombo;
import javawc.compositor.launch.ChildProcesses;
import javawc.compositor.launch.TerminalCommand;
import javawc.compositor.seat.Keyboard;
import javawc.compositor.session.Session;
import javawc.compositor.wm.ManagedWindow;
import javawc.compositor.wm.WindowManager;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.io.IOException;
import java.util.List;

/**
 * What the key bindings do: window actions through the window manager, programs started as
 * the compositor's children, VT switches through the session, and quitting.
 */
final class BindingActions implements Keyboard.BindingHandler {
    private static final Logger LOG = LogManager.getLogger(BindingActions.class);

    private final WindowManager windowManager;
    private final Session session;   // null: no VT to switch (headless, or not started from one)
    private Runnable quit;           // null until Main sets it: the quit bindings then do nothing
    private ChildProcesses children; // null: the terminal and spawn bindings start nothing
    private List<String> terminal;   // the configuration's terminal command; null: $TERMINAL, foot or weston-terminal

    BindingActions(WindowManager windowManager, Session session, List<String> terminal) {
        this.windowManager = windowManager;
        this.session = session;
        this.terminal = terminal;
    }

    void onQuit(Runnable quit) {
        this.quit = quit;
    }

    void useChildProcesses(ChildProcesses children) {
        this.children = children;
    }

    void useTerminal(List<String> terminal) {
        this.terminal = terminal;
    }

    @Override
    public void modifiersReleased() {
        windowManager.endCycle(); // Alt let go: the Alt+Tab round is over
    }

    /** Carries out a key binding; false leaves the key to the focused client. */
    @Override
    public boolean run(KeyBindings.Action action, KeyCombo pressed) {
        ManagedWindow focused = windowManager.focused();
        LOG.debug("{}: {} (focused window: {})", pressed, action, focused == null ? "none" : focused.title());
        switch (action) {
            case KeyBindings.Quit q -> {
                if (quit == null) return false;
                LOG.info("{}: quitting", pressed);
                quit.run();
            }
            case KeyBindings.SwitchVt s -> {
                return session != null && session.switchTo(s.number()); // no VT: the key goes to the client
            }
            case KeyBindings.LaunchTerminal t -> launchTerminal();
            case KeyBindings.CycleFocus c -> windowManager.cycle();
            case KeyBindings.CloseWindow c -> {
                if (focused != null) windowManager.close(focused);
            }
            case KeyBindings.ToggleMaximized m -> {
                if (focused != null) windowManager.toggleMaximized(focused);
            }
            case KeyBindings.ToggleFullscreen f -> {
                if (focused != null) windowManager.toggleFullscreen(focused);
            }
            case KeyBindings.Minimize m -> {
                if (focused != null) windowManager.minimize(focused);
            }
            case KeyBindings.MoveToNextOutput m -> {
                if (focused != null) windowManager.moveToNextOutput(focused);
            }
            case KeyBindings.Spawn sp -> spawn(sp.argv());
        }
        return true; // bound: the key is the compositor's even when there was nothing to act on
    }

    private void launchTerminal() {
        List<String> command = terminal != null ? terminal : TerminalCommand.find(System.getenv());
        if (command.isEmpty()) {
            LOG.warn("no terminal to start: set $TERMINAL, or install foot or weston-terminal");
            return;
        }
        spawn(command);
    }

    private void spawn(List<String> command) {
        if (children == null) {
            LOG.warn("a binding cannot start {} here (no child processes)", command);
            return;
        }
        try {
            children.spawn(command);
        } catch (IOException e) {
            LOG.warn("{}", e.getMessage());
        }
    }
}
