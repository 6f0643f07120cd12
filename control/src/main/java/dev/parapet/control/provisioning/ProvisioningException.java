package dev.parapet.control.provisioning;

import java.sql.SQLException;

/** A provisioning call failed in the database (unknown tenant, duplicate id, connection lost). */
public final class ProvisioningException extends RuntimeException {
    ProvisioningException(SQLException cause) {
        super("provisioning failed: " + cause.getMessage(), cause);
    }
}
