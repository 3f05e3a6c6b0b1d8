package javawc.compositor.foreigntoplevel;

import javawc.compositor.ProtocolContext;
import javawc.compositor.output.Output;
import javawc.compositor.scene.SceneListener;
import javawc.compositor.scene.SceneWindow;
import javawc.compositor.security.Privilege;
import javawc.compositor.wm.ManagedWindow;
import javawc.server.Global;
import javawc.server.protocol.ZwlrForeignToplevelHandleV1;
import javawc.server.protocol.ZwlrForeignToplevelManagerV1;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * zwlr_foreign_toplevel_manager_v1 (v3, from our facts-only XML): every bound manager gets a
 * handle for each mapped toplevel, at bind and whenever one is mapped; the handles hear the
 * window's title, app id, states, outputs and parent as they change (from the scene's
 * listener), and are closed when it is unmapped. Their requests act through the window manager,
 * as the key bindings do. Privileged ({@link Privilege#WINDOW_LIST}): it shows every client's
 * windows and acts on them.
 */
public final class ForeignToplevelManagerGlobal implements ZwlrForeignToplevelManagerV1.Handler, SceneListener {
    public static final int VERSION = 3;

    private final ProtocolContext context;
    private final Global global;
    private final List<ZwlrForeignToplevelManagerV1> managers = new ArrayList<>();
    private final Map<ManagedWindow, List<ForeignToplevelHandle>> handles = new IdentityHashMap<>();
    private int outputsCheckedAt = -1; // the scene generation the handles' outputs were last brought up to date at

    ForeignToplevelManagerGlobal(ProtocolContext context) {
        this.context = context;
        this.global = context.globals().add(ZwlrForeignToplevelManagerV1.SPEC, VERSION, ZwlrForeignToplevelManagerV1::new, this::bound);
        context.privileges().restrict(global, Privilege.WINDOW_LIST);
        context.scene().addListener(this);
    }

    public Global global() {
        return global;
    }

    private void bound(ZwlrForeignToplevelManagerV1 manager) {
        manager.setHandler(this);
        managers.add(manager);
        manager.onDestroy(() -> managers.remove(manager));
        List<ManagedWindow> windows = context.windowManager().windows(); // most recently focused first: announce bottom-up
        for (int i = windows.size() - 1; i >= 0; i--) announce(manager, windows.get(i));
    }

    private void announce(ZwlrForeignToplevelManagerV1 manager, ManagedWindow window) {
        ZwlrForeignToplevelHandleV1 resource = new ZwlrForeignToplevelHandleV1(manager.client(), manager.version());
        ForeignToplevelHandle handle = new ForeignToplevelHandle(resource, window, this);
        handles.computeIfAbsent(window, w -> new ArrayList<>(1)).add(handle);
        manager.sendToplevel(resource);
        handle.sendAll();
    }

    ProtocolContext context() {
        return context;
    }

    /** A live handle {@code client} has for {@code window} (for the parent event); null if none. */
    ZwlrForeignToplevelHandleV1 handleOf(ManagedWindow window, javawc.server.Client client) {
        List<ForeignToplevelHandle> list = window == null ? null : handles.get(window);
        if (list == null) return null;
        for (ForeignToplevelHandle h : list) if (h.resource().client() == client && h.resource().isAlive()) return h.resource();
        return null;
    }

    void forget(ForeignToplevelHandle handle) {
        List<ForeignToplevelHandle> list = handles.get(handle.window());
        if (list == null) return;
        list.remove(handle);
        if (list.isEmpty()) handles.remove(handle.window());
    }

    // ---- the scene's news ----

    @Override
    public void windowMapped(SceneWindow window) {
        if (!(window instanceof ManagedWindow w)) return;
        for (int i = 0; i < managers.size(); i++) announce(managers.get(i), w);
        for (List<ForeignToplevelHandle> list : handles.values()) { // a dialog's parent may have been mapped after it
            for (int i = 0; i < list.size(); i++) list.get(i).update();
        }
    }

    @Override
    public void windowChanged(SceneWindow window) {
        List<ForeignToplevelHandle> list = handles.get(window);
        if (list != null) for (int i = 0; i < list.size(); i++) list.get(i).update();
    }

    @Override
    public void windowUnmapped(SceneWindow window) {
        List<ForeignToplevelHandle> list = handles.remove(window);
        if (list == null) return;
        for (ForeignToplevelHandle h : list) h.closed();
        for (List<ForeignToplevelHandle> others : handles.values()) { // dialogs of this window lose their parent
            for (int i = 0; i < others.size(); i++) others.get(i).update();
        }
    }

    @Override
    public void framePresented(Output output, long monotonicNanos) {
        int generation = context.scene().generation();
        if (generation == outputsCheckedAt || handles.isEmpty()) return; // nothing moved since: nothing to compare
        outputsCheckedAt = generation;
        for (List<ForeignToplevelHandle> list : handles.values()) { // windows move, outputs change: enter and leave follow the picture
            for (int i = 0; i < list.size(); i++) list.get(i).updateOutputs();
        }
    }

    // ---- requests ----

    @Override
    public void stop(ZwlrForeignToplevelManagerV1 self) {
        managers.remove(self);
        self.sendFinished(); // a destructor event: the object is gone with it
    }
}
