package javawc.server;

import javawc.client.Display;
import javawc.client.protocol.WlRegistry;
import javawc.os.OwnedFd;
import javawc.os.UnixSockets;
import javawc.server.protocol.WlCompositor;
import javawc.server.protocol.WlOutput;
import javawc.server.protocol.WlSeat;
import javawc.server.protocol.WlShm;
import javawc.server.protocol.WlSubcompositor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The registry burst, whose wl_registry.global arguments are encoded once per global and
 * copied for each client: a real client on a socketpair decodes every one of them, interface
 * names of every length modulo 4 included (the NUL and the padding), and a global added later
 * reaches registries that already listen; restricted globals stay hidden.
 */
class GlobalRegistryTest {
    private EventLoop loop;
    private Server server;
    private Display display;
    private final List<String> announced = new ArrayList<>();

    @BeforeEach
    void connect() throws Exception {
        loop = new EventLoop();
        server = new Server(loop);
        OwnedFd[] pair = UnixSockets.pair();
        server.addClient(pair[0]);
        display = Display.fromSocket(pair[1]);
    }

    @AfterEach
    void close() {
        display.close();
        server.close();
        loop.close();
    }

    private Global add(javawc.wire.InterfaceSpec spec, int version) {
        return server.globals().add(spec, version, (client, v) -> null, r -> {});
    }

    private void listen() throws Exception {
        display.wlDisplay().getRegistry().setListener(new WlRegistry.Listener() {
            @Override
            public void global(WlRegistry self, int name, String interfaceName, int version) {
                announced.add(name + " " + interfaceName + " " + version);
            }
        });
        exchange();
    }

    /** The client's requests to the server, the server's events back. */
    private void exchange() throws Exception {
        display.flush();
        loop.dispatch(1000);
        server.flushClients();
        display.dispatch(1000);
    }

    @Test
    void everyGlobalIsAnnouncedWithItsNameInterfaceAndVersion() throws Exception {
        // names of 6, 7, 9, 13 and 16 bytes: each remainder modulo 4, and a NUL in a word of its own
        Global shm = add(WlShm.SPEC, 1);
        Global seat = add(WlSeat.SPEC, 7);
        Global output = add(WlOutput.SPEC, 4);
        Global compositor = add(WlCompositor.SPEC, 5);
        Global sub = add(WlSubcompositor.SPEC, 1);
        listen();
        assertEquals(List.of(shm.name() + " wl_shm 1", seat.name() + " wl_seat 7", output.name() + " wl_output 4",
                compositor.name() + " wl_compositor 5", sub.name() + " wl_subcompositor 1"), announced);
    }

    @Test
    void aGlobalAddedLaterReachesRegistriesAlreadyListening() throws Exception {
        Global first = add(WlCompositor.SPEC, 5);
        listen();
        Global later = add(WlOutput.SPEC, 3);
        server.flushClients();
        display.dispatch(1000);
        assertEquals(List.of(first.name() + " wl_compositor 5", later.name() + " wl_output 3"), announced);
    }

    @Test
    void aRestrictedGlobalIsNotAnnouncedToClientsItIsHiddenFrom() throws Exception {
        Global shown = add(WlShm.SPEC, 1);
        add(WlSeat.SPEC, 7).restrictTo(client -> false);
        listen();
        assertEquals(List.of(shown.name() + " wl_shm 1"), announced);
    }
}
