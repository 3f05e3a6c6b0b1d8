package javawc.wire;

import java.util.Arrays;

/**
 * The id → object table of one connection. Client-allocated ids run from 1 up, server-allocated
 * ones from {@link #SERVER_ID_START}. Both halves are dense arrays: a new id must name a free
 * slot or the one just past the end (as libwayland requires), so a hostile id cannot make us
 * allocate a huge table. Freed ids are reused lowest-first from a free list.
 */
public final class ObjectMap<T> {
    public static final int SERVER_ID_START = 0xff000000;
    public static final int CLIENT_ID_MAX = SERVER_ID_START - 1;

    private final Half client = new Half(1);
    private final Half server = new Half(SERVER_ID_START);

    public T get(int id) {
        return half(id).get(id);
    }

    /** Puts {@code object} at an id the peer chose; false if the id is taken or skips ahead. */
    public boolean insertAt(int id, T object) {
        if (id == 0) return false;
        return half(id).insertAt(id, object);
    }

    /** Allocates the lowest free id on our side of the table. */
    public int allocate(boolean serverSide, T object) {
        return (serverSide ? server : client).allocate(object);
    }

    /** Replaces what is stored at a used id (e.g. an object by its zombie). */
    public void replace(int id, T object) {
        half(id).set(id, object);
    }

    /** Frees the id for reuse; returns what was there. */
    public T remove(int id) {
        return half(id).remove(id);
    }

    /** How many ids are in use. */
    public int size() {
        return client.used + server.used;
    }

    /** Calls {@code action} for every stored object (a snapshot: it may remove entries). */
    public void forEach(java.util.function.Consumer<T> action) {
        for (Object o : client.snapshot()) action.accept(cast(o));
        for (Object o : server.snapshot()) action.accept(cast(o));
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object o) {
        return (T) o;
    }

    private Half half(int id) {
        return Integer.compareUnsigned(id, SERVER_ID_START) >= 0 ? server : client;
    }

    private final class Half {
        private final int base;
        private Object[] slots = new Object[16];
        private int length;        // slots in use or freed, i.e. the high-water mark
        private int used;
        private int[] free = new int[8];
        private int freeCount;

        Half(int base) {
            this.base = base;
        }

        T get(int id) {
            int i = id - base;
            return i >= 0 && i < length ? cast(slots[i]) : null;
        }

        boolean insertAt(int id, T object) {
            int i = id - base;
            if (i < 0 || i > length) return false;
            if (i < length) {
                if (slots[i] != null) return false;
                removeFromFreeList(i);
            } else {
                grow();
                length++;
            }
            slots[i] = object;
            used++;
            return true;
        }

        int allocate(T object) {
            int i;
            if (freeCount > 0) {
                i = free[--freeCount];
            } else {
                grow();
                i = length++;
            }
            slots[i] = object;
            used++;
            return base + i;
        }

        void set(int id, T object) {
            int i = id - base;
            if (i < 0 || i >= length || slots[i] == null) throw new IllegalStateException("id " + Integer.toUnsignedString(id) + " not in use");
            slots[i] = object;
        }

        T remove(int id) {
            int i = id - base;
            if (i < 0 || i >= length || slots[i] == null) return null;
            T old = cast(slots[i]);
            slots[i] = null;
            used--;
            if (freeCount == free.length) free = Arrays.copyOf(free, free.length * 2);
            free[freeCount++] = i;
            // keep the lowest free id on top, as clients expect ids to be reused low-first
            for (int k = freeCount - 1; k > 0 && free[k] > free[k - 1]; k--) {
                int t = free[k]; free[k] = free[k - 1]; free[k - 1] = t;
            }
            return old;
        }

        private void removeFromFreeList(int i) {
            for (int k = 0; k < freeCount; k++) {
                if (free[k] == i) {
                    System.arraycopy(free, k + 1, free, k, freeCount - k - 1);
                    freeCount--;
                    return;
                }
            }
        }

        private void grow() {
            if (length == slots.length) slots = Arrays.copyOf(slots, slots.length * 2);
        }

        Object[] snapshot() {
            Object[] live = new Object[used]; // a plain loop: a stream here cost more than the rest of a disconnect
            int n = 0;
            for (int i = 0; i < length && n < live.length; i++) if (slots[i] != null) live[n++] = slots[i];
            return n == live.length ? live : Arrays.copyOf(live, n);
        }
    }
}
