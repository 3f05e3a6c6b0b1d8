package javawc.compositor.logging;

import org.apache.logging.log4j.message.AbstractMessageFactory;
import org.apache.logging.log4j.message.Message;

import java.util.Arrays;

/**
 * Makes the messages our loggers format: {@code {}} placeholders filled in order, as the Log4j
 * API's ParameterizedMessage does, without its formatter, whose class set-up (a java.time
 * formatter for Date arguments, which loads every region's zone rules, and java.sql's date
 * classes) cost ~10 ms on the way to the first client. What we need of it: an argument past
 * the placeholders that is a Throwable is the event's throwable; {@code \{}} is a literal
 * {@code {}}; arrays print their elements; placeholders without an argument stay as written.
 */
final class LineMessages extends AbstractMessageFactory {
    static final LineMessages INSTANCE = new LineMessages();

    @Override
    public Message newMessage(String format, Object... arguments) {
        return new LineMessage(format, arguments);
    }

    @Override
    public Message newMessage(String message) {
        return new LineMessage(message, NONE);
    }

    @Override
    public Message newMessage(CharSequence message) {
        return new LineMessage(String.valueOf(message), NONE);
    }

    @Override
    public Message newMessage(Object message) {
        return new LineMessage("{}", new Object[] {message});
    }

    @Override
    public Message newMessage(String format, Object p0) {
        return new LineMessage(format, new Object[] {p0});
    }

    @Override
    public Message newMessage(String format, Object p0, Object p1) {
        return new LineMessage(format, new Object[] {p0, p1});
    }

    @Override
    public Message newMessage(String format, Object p0, Object p1, Object p2) {
        return new LineMessage(format, new Object[] {p0, p1, p2});
    }

    private static final Object[] NONE = {};

    /** One event's message, formatted when first asked (only enabled events are). */
    static final class LineMessage implements Message {
        private final String format;
        private final Object[] arguments;
        private String formatted;
        private Throwable throwable;

        LineMessage(String format, Object[] arguments) {
            this.format = format;
            this.arguments = arguments != null ? arguments : NONE;
        }

        @Override
        public String getFormattedMessage() {
            if (formatted == null) format();
            return formatted;
        }

        @Override
        public String getFormat() {
            return format;
        }

        @Override
        public Object[] getParameters() {
            return arguments;
        }

        @Override
        public Throwable getThrowable() {
            if (formatted == null) format();
            return throwable;
        }

        private void format() {
            if (format == null) {
                formatted = "null";
                return;
            }
            StringBuilder out = new StringBuilder(format.length() + 16 * arguments.length);
            int used = 0;
            for (int i = 0, n = format.length(); i < n; i++) {
                char c = format.charAt(i);
                if (c == '\\' && i + 2 < n && format.charAt(i + 1) == '{' && format.charAt(i + 2) == '}') {
                    out.append("{}"); // escaped: a literal {}
                    i += 2;
                } else if (c == '{' && i + 1 < n && format.charAt(i + 1) == '}' && used < arguments.length) {
                    append(out, arguments[used++]);
                    i++;
                } else {
                    out.append(c);
                }
            }
            if (used < arguments.length && arguments[arguments.length - 1] instanceof Throwable t) throwable = t;
            formatted = out.toString();
        }

        /** An argument as text (instanceof tests, not a pattern switch: its bootstrap would cost the start what we save). */
        private static void append(StringBuilder out, Object argument) {
            if (argument instanceof Object[] a) out.append(Arrays.deepToString(a));
            else if (argument instanceof int[] a) out.append(Arrays.toString(a));
            else if (argument instanceof long[] a) out.append(Arrays.toString(a));
            else if (argument instanceof byte[] a) out.append(Arrays.toString(a));
            else if (argument instanceof short[] a) out.append(Arrays.toString(a));
            else if (argument instanceof char[] a) out.append(Arrays.toString(a));
            else if (argument instanceof float[] a) out.append(Arrays.toString(a));
            else if (argument instanceof double[] a) out.append(Arrays.toString(a));
            else if (argument instanceof boolean[] a) out.append(Arrays.toString(a));
            else out.append(argument);
        }
    }
}
