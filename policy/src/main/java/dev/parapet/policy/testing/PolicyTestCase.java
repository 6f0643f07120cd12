package dev.parapet.policy.testing;

import dev.parapet.policy.PolicyInput;

import java.util.Objects;

/**
 * One policy test: an input and the decision expected for it.
 *
 * @param file   the test file in the bundle, e.g. {@code tests/default.yaml}
 * @param name   the case's name, unique within its file
 * @param input  what the bundle decides on
 * @param expect what it must decide
 */
public record PolicyTestCase(String file, String name, PolicyInput input, Expectation expect) {

    /** Checks for nulls. */
    public PolicyTestCase {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(expect, "expect");
    }

    /** {@code file: name}, how reports name the case. */
    public String label() {
        return file + ": " + name;
    }
}
