package net.erp.session.instance;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * What session-service needs of an instance record of registry-service: its licences.
 *
 * @param id the instance id
 * @param licenseLimit how many sessions may be open at once
 * @param reservedAccounts account names that can always open one session
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@RegisterForReflection
public record Instance(String id, int licenseLimit, List<String> reservedAccounts) {

    public Instance {
        reservedAccounts = reservedAccounts == null ? List.of() : List.copyOf(reservedAccounts);
    }

    /** The seats held back for reserved accounts: never more than the licences. */
    public int reservedSeats() {
        return Math.min(reservedAccounts.size(), Math.max(licenseLimit, 0));
    }

    public boolean reserves(String account) {
        return reservedAccounts.contains(account);
    }
}
