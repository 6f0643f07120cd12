package dev.parapet.detect.normalize;

/** The letters that digits and symbols stand for in leetspeak. */
final class Leet {
    private Leet() {
    }

    /** The letter {@code c} stands for, or 0 when it is not a leet character. */
    static char plain(char c) {
        return switch (c) {
            case '0' -> 'o';
            case '1', '!', '|' -> 'i';
            case '3' -> 'e';
            case '4', '@' -> 'a';
            case '5', '$' -> 's';
            case '7' -> 't';
            case '8' -> 'b';
            case '9' -> 'g';
            default -> 0;
        };
    }
}
