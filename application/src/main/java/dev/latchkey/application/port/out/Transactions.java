package dev.latchkey.application.port.out;

import java.util.function.Supplier;

/** Runs work atomically: all of its writes land, or none. */
public interface Transactions {

    <T> T inTransaction(Supplier<T> work);
}
