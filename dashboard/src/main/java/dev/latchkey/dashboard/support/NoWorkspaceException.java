package dev.latchkey.dashboard.support;

/** The signed-in user belongs to no workspace (they left or were removed from all): they are sent to create one. */
public final class NoWorkspaceException extends RuntimeException {

    public NoWorkspaceException() {
        super("the user belongs to no workspace");
    }
}
