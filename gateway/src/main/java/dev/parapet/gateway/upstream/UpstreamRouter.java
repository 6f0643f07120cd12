package dev.parapet.gateway.upstream;

import dev.parapet.gateway.GatewayConfig;
import java.util.List;
import java.util.Optional;

/** Picks the upstream that serves a model: the first configured one whose model list matches. */
public final class UpstreamRouter {
    private final List<GatewayConfig.Upstream> upstreams;

    public UpstreamRouter(List<GatewayConfig.Upstream> upstreams) {
        this.upstreams = List.copyOf(upstreams);
    }

    public Optional<GatewayConfig.Upstream> route(String model) {
        return upstreams.stream().filter(u -> u.serves(model)).findFirst();
    }
}
