/**
 * The control plane's HTTP API on Helidon SE: one {@link io.helidon.webserver.http.HttpService}
 * per concern, each declaring its routes in its {@code routing} method
 * ({@link dev.parapet.control.api.EventIngestService}, {@link dev.parapet.control.api.EventQueryService},
 * {@link dev.parapet.control.api.PolicyAdminService}, {@link dev.parapet.control.api.GatewayBundleService},
 * {@link dev.parapet.control.api.OperationsService}), bearer-token authentication
 * ({@link dev.parapet.control.api.BearerAuth}), request metrics and limits, and the one mapping
 * of stable error codes to HTTP problem responses ({@link dev.parapet.control.api.ErrorCode},
 * {@link dev.parapet.control.api.Problems}).
 */
package dev.parapet.control.api;
