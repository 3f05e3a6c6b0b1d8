package javawc.compositor.shortcutsinhibit;

import javawc.server.protocol.ZwpKeyboardShortcutsInhibitorV1;

/** zwp_keyboard_shortcuts_inhibitor_v1: tells its client when the inhibition takes effect (active) and stops (inactive). */
final class ShortcutsInhibitor implements ZwpKeyboardShortcutsInhibitorV1.Handler {
    private final ZwpKeyboardShortcutsInhibitorV1 resource;
    private boolean active;

    ShortcutsInhibitor(ZwpKeyboardShortcutsInhibitorV1 resource) {
        this.resource = resource;
        resource.setHandler(this);
    }

    boolean active() {
        return active;
    }

    void setActive(boolean now) {
        if (active == now || !resource.isAlive()) return;
        active = now;
        if (now) resource.sendActive();
        else resource.sendInactive();
    }

    @Override
    public void destroy(ZwpKeyboardShortcutsInhibitorV1 self) {
        // destructor: the manager forgets it as the resource goes
    }
}
