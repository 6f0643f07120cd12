package dev.parapet.app.policy;

/** The exit codes of the {@code parapet policy} commands. */
final class PolicyExit {

    /** The command did what it was asked. */
    static final int OK = 0;

    /** The bundle was refused: it is invalid, tampered with, unsigned or signed by no trusted key. */
    static final int REFUSED = 1;

    /** Bad arguments: a missing directory, an unreadable or wrong key file; picocli uses 2 for usage errors too. */
    static final int USAGE = 2;

    private PolicyExit() {
    }
}
