package javawc.wire;

/** An interface's name, highest version and messages, as generated from the protocol XML. */
public record InterfaceSpec(String name, int version, MessageSpec[] requests, MessageSpec[] events) {
    @Override
    public String toString() {
        return name + " v" + version;
    }
}
