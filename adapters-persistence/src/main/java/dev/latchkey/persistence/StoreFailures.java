package dev.latchkey.persistence;

import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.function.Supplier;

/**
 * Turns "the database cannot answer" (no connection, a broken one, a timeout), however MyBatis or Spring
 * wrapped it, into {@code unavailable}, so that callers fail closed with a 503 and never see driver details.
 * Anything else passes through unchanged.
 */
final class StoreFailures {

    private StoreFailures() {
    }

    static <T> T guard(Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    static void guard(Runnable work) {
        guard(() -> {
            work.run();
            return null;
        });
    }

    static RuntimeException translate(RuntimeException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (isUnavailable(cause)) {
                return new DomainException(ErrorCode.UNAVAILABLE, "the service is temporarily unavailable; retry with backoff");
            }
        }
        return failure;
    }

    private static boolean isUnavailable(Throwable cause) {
        return cause instanceof DataAccessResourceFailureException
                || cause instanceof TransientDataAccessException
                || cause instanceof QueryTimeoutException
                || cause instanceof CannotCreateTransactionException
                || cause instanceof SQLTransientException
                // SQLSTATE class 08: connection exception
                || (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08"));
    }
}
