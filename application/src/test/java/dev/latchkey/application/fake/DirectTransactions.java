package dev.latchkey.application.fake;

import dev.latchkey.application.port.out.Transactions;

import java.util.function.Supplier;

/** Runs the work directly; counts how often a transaction was asked for. */
public final class DirectTransactions implements Transactions {

    private int transactions;

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        transactions++;
        return work.get();
    }

    public int count() {
        return transactions;
    }
}
