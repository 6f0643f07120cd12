package dev.parapet.policy;

import dev.parapet.core.ChatMessage;
import dev.parapet.core.Finding;
import dev.parapet.core.Interaction;
import dev.parapet.core.Principal;
import dev.parapet.core.Severity;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Builders of test inputs. */
final class Inputs {

    static final Principal DEVELOPER = new Principal("t1", "u1", Principal.Kind.USER, "developer", Map.of("team", "core"));
    static final Interaction CHAT = new Interaction("openai", "chat.completions", "gpt-4o",
            List.of(new ChatMessage("user", "hello")), false, 120);

    private Inputs() {
    }

    static Finding finding(String type, int start, int end) {
        return new Finding(type, type.substring(0, type.indexOf('.')), "R", Severity.HIGH, 0.9, 0, start, end);
    }

    static PolicyInput input(Finding... findings) {
        return new PolicyInput(DEVELOPER, CHAT, List.of(findings), findings.length == 0 ? 0 : 60);
    }

    static PolicyInput withRisk(int risk, Finding... findings) {
        return new PolicyInput(DEVELOPER, CHAT, List.of(findings), risk);
    }

    static PolicyBundle bundle(String yaml) throws PolicyBundleException {
        return PolicyBundle.parse(yaml.getBytes(StandardCharsets.UTF_8));
    }
}
