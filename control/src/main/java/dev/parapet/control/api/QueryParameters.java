package dev.parapet.control.api;

import io.helidon.common.parameters.Parameters;
import java.util.List;
import java.util.Optional;

/** Reads single-valued query and path parameters; anything else is 400 {@code invalid_parameter}. */
final class QueryParameters {
    private QueryParameters() {
    }

    /** The parameter's one non-empty value, if given. */
    static Optional<String> single(Parameters params, String name) {
        if (!params.contains(name)) {
            return Optional.empty();
        }
        List<String> values = params.all(name);
        if (values.size() != 1 || values.getFirst().isEmpty()) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, name + " must be given once, non-empty.");
        }
        return Optional.of(values.getFirst());
    }

    /** {@code value} as an integer in {@code min..max}. */
    static int integer(String name, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        String range = max == Integer.MAX_VALUE ? "a whole number from " + min : "a whole number from " + min + " to " + max;
        throw new ApiException(ErrorCode.INVALID_PARAMETER, name + " must be " + range + ".");
    }
}
