package dev.parapet.policy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads {@code limits.yaml} ({@link Limits}). */
final class LimitsParser {

    static final String FILE = "limits.yaml";

    private static final long MAX_RATE = 1_000_000_000L;

    private LimitsParser() {
    }

    static Limits parse(byte[] yaml) throws PolicyBundleException {
        YamlNode root = YamlNode.parse(FILE, yaml).keys(Set.of("rates", "budgets"));
        List<Limits.RateLimit> rates = new ArrayList<>();
        for (YamlNode node : root.list("rates")) {
            node.keys(Set.of("scope", "key", "requests_per_minute", "tokens_per_minute"));
            try {
                rates.add(new Limits.RateLimit(scope(node), key(node), node.integer("requests_per_minute", 1, MAX_RATE),
                        node.integer("tokens_per_minute", 1, MAX_RATE)));
            } catch (IllegalArgumentException e) {
                throw node.error(e.getMessage());
            }
        }
        List<Limits.Budget> budgets = new ArrayList<>();
        for (YamlNode node : root.list("budgets")) {
            node.keys(Set.of("scope", "key", "period", "usd"));
            try {
                budgets.add(new Limits.Budget(scope(node), key(node), period(node), usd(node)));
            } catch (IllegalArgumentException e) {
                throw node.error(e.getMessage());
            }
        }
        try {
            return new Limits(rates, budgets);
        } catch (IllegalArgumentException e) {
            throw root.error(e.getMessage());
        }
    }

    private static Limits.Scope scope(YamlNode node) throws PolicyBundleException {
        String text = node.requiredText("scope");
        try {
            return Limits.Scope.fromWireName(text);
        } catch (IllegalArgumentException e) {
            throw node.required("scope").error(e.getMessage());
        }
    }

    private static Optional<String> key(YamlNode node) throws PolicyBundleException {
        return node.text("key");
    }

    private static Limits.Period period(YamlNode node) throws PolicyBundleException {
        String text = node.requiredText("period");
        try {
            return Limits.Period.fromWireName(text);
        } catch (IllegalArgumentException e) {
            throw node.required("period").error(e.getMessage());
        }
    }

    private static BigDecimal usd(YamlNode node) throws PolicyBundleException {
        YamlNode usd = node.required("usd");
        try {
            BigDecimal amount = new BigDecimal(usd.text());
            if (amount.signum() <= 0 || amount.scale() > 6 || amount.precision() - amount.scale() > 12) {
                throw usd.error("must be a positive amount in US dollars with at most 6 decimals, not " + usd.text());
            }
            return amount;
        } catch (NumberFormatException e) {
            throw usd.error("must be an amount in US dollars, e.g. 250 or 12.50, not '" + usd.text() + "'");
        }
    }
}
