package dev.parapet.detect.dlp;

import java.util.ArrayList;
import java.util.List;

/** Checks that a date-shaped string names a real day of the past 150 years. */
final class CalendarDates {

    private CalendarDates() {
    }

    /**
     * Whether the numbers of {@code s} can be a day, a month and a year 1875–2099 (either order
     * of day and month for numeric dates; month names are taken as valid months).
     */
    static boolean isPlausibleDate(String s) {
        List<Integer> numbers = new ArrayList<>();
        int n = -1;
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : ' ';
            if (Checksums.isDigit(c)) {
                n = (n < 0 ? 0 : n * 10) + (c - '0');
            } else if (n >= 0) {
                numbers.add(n);
                n = -1;
            }
        }
        if (numbers.size() == 2) {
            return numbers.get(0) >= 1 && numbers.get(0) <= 31 && numbers.get(1) >= 1875;
        }
        if (numbers.size() != 3) {
            return false;
        }
        int a = numbers.get(0);
        int b = numbers.get(1);
        int c = numbers.get(2);
        if (a >= 1875) {
            return b >= 1 && b <= 12 && c >= 1 && c <= 31;
        }
        boolean dayMonth = a >= 1 && a <= 31 && b >= 1 && b <= 12;
        boolean monthDay = a >= 1 && a <= 12 && b >= 1 && b <= 31;
        return c >= 1875 && (dayMonth || monthDay);
    }
}
