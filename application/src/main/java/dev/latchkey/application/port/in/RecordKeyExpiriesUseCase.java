package dev.latchkey.application.port.in;

/**
 * Records {@code key.expired} in the audit log, by the system, once for each key whose {@code expiresAt} has passed.
 * Run on a schedule by every node: however many run it at once, each expiry is recorded exactly once.
 */
public interface RecordKeyExpiriesUseCase {

    /** Records the expiries due now; returns how many this call recorded. */
    int recordExpiries();
}
