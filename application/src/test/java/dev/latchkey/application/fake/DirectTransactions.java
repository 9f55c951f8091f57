package dev.latchkey.application.fake;

import dev.latchkey.application.port.out.Transactions;

import java.util.function.Supplier;

/** Runs the work directly; counts transactions and knows whether one is open. */
public final class DirectTransactions implements Transactions {

    private int transactions;
    private int depth;

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        transactions++;
        depth++;
        try {
            return work.get();
        } finally {
            depth--;
        }
    }

    public int count() {
        return transactions;
    }

    public boolean active() {
        return depth > 0;
    }
}
