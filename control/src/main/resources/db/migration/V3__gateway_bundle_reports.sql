-- Gateways report the bundles they refuse or activate (POST /v1/gateway/bundle-status); each
-- report becomes one admin_audit row, stored once per report id even when the gateway retries.
create unique index admin_audit_gateway_report on admin_audit (tenant_id, (details ->> 'report_id'))
    where action in ('gateway.bundle_refused', 'gateway.bundle_activated');
