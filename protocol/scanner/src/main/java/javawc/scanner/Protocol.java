package javawc.scanner;

import java.util.List;

/** The parts of a protocol XML the generator uses. */
public record Protocol(String name, List<Interface> interfaces) {

    public record Interface(String name, int version, String summary, List<Message> requests, List<Message> events, List<Enum> enums) {}

    public record Message(String name, int since, boolean destructor, String summary, List<Arg> args) {
        public long fdCount() {
            return args.stream().filter(a -> a.type() == ArgType.FD).count();
        }
    }

    public record Arg(String name, ArgType type, String iface, boolean allowNull, String summary) {}

    public record Enum(String name, boolean bitfield, String summary, List<Entry> entries) {}

    public record Entry(String name, long value, int since, String summary) {}

    public enum ArgType {
        INT('i'), UINT('u'), FIXED('f'), STRING('s'), OBJECT('o'), NEW_ID('n'), ARRAY('a'), FD('h');

        public final char letter;

        ArgType(char letter) {
            this.letter = letter;
        }

        static ArgType of(String xml) {
            return switch (xml) {
                case "int" -> INT;
                case "uint" -> UINT;
                case "fixed" -> FIXED;
                case "string" -> STRING;
                case "object" -> OBJECT;
                case "new_id" -> NEW_ID;
                case "array" -> ARRAY;
                case "fd" -> FD;
                default -> throw new IllegalArgumentException("unknown argument type '" + xml + "'");
            };
        }
    }
}
