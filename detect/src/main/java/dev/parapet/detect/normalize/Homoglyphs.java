package dev.parapet.detect.normalize;

/**
 * Folds letters that look like Latin letters (Cyrillic, Greek, Armenian and a few others) onto
 * the Latin letter they imitate, so that "іgnоrе" written with Cyrillic і, о and е reads as
 * "ignore". Compatibility forms (fullwidth, mathematical alphanumerics) are NFKC's job, not this
 * table's. The table covers the confusables most used to dodge filters, not all of Unicode's.
 */
final class Homoglyphs {
    private static final char[] FOLD = new char[0x0600];

    static {
        map("а", 'a'); map("в", 'b'); map("е", 'e'); map("ё", 'e'); map("к", 'k'); map("м", 'm');
        map("н", 'h'); map("о", 'o'); map("р", 'p'); map("с", 'c'); map("т", 't'); map("у", 'y');
        map("х", 'x'); map("ѕ", 's'); map("і", 'i'); map("ї", 'i'); map("ј", 'j'); map("һ", 'h');
        map("ԁ", 'd'); map("ԛ", 'q'); map("ԝ", 'w'); map("ӏ", 'l'); map("ɡ", 'g'); map("ո", 'n');
        map("ս", 'u'); map("օ", 'o'); map("ց", 'g'); map("А", 'A'); map("В", 'B'); map("Е", 'E');
        map("К", 'K'); map("М", 'M'); map("Н", 'H'); map("О", 'O'); map("Р", 'P'); map("С", 'C');
        map("Т", 'T'); map("У", 'Y'); map("Х", 'X'); map("Ѕ", 'S'); map("І", 'I'); map("Ј", 'J');
        map("Ԁ", 'D'); map("α", 'a'); map("ο", 'o'); map("ν", 'v'); map("ι", 'i'); map("κ", 'k');
        map("ρ", 'p'); map("τ", 't'); map("υ", 'u'); map("χ", 'x'); map("ε", 'e'); map("Α", 'A');
        map("Β", 'B'); map("Ε", 'E'); map("Ζ", 'Z'); map("Η", 'H'); map("Ι", 'I'); map("Κ", 'K');
        map("Μ", 'M'); map("Ν", 'N'); map("Ο", 'O'); map("Ρ", 'P'); map("Τ", 'T'); map("Υ", 'Y');
        map("Χ", 'X');
    }

    private Homoglyphs() {
    }

    private static void map(String from, char to) {
        FOLD[from.charAt(0)] = to;
    }

    /** The Latin letter {@code c} imitates, or 0 when it is not a known homoglyph. */
    static char fold(char c) {
        return c < FOLD.length ? FOLD[c] : 0;
    }
}
