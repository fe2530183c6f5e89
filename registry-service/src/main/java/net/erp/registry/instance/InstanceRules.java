package net.erp.registry.instance;

import static net.erp.registry.rules.Fields.invalid;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import net.erp.registry.rules.Fields;

/** The rules of an instance record; {@link #check} answers the record as it is stored. */
final class InstanceRules {

    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private static final int MAX_HOSTNAMES = 50;
    private static final int MAX_RESERVED = 1000;

    private InstanceRules() {
    }

    /**
     * Checks a record to create ({@code pathId} null) or to replace the instance {@code pathId} with, and
     * answers it with hostnames in canonical form and defaults filled in.
     */
    static InstanceRecord check(InstanceRecord request, String pathId) {
        if (request == null) {
            throw Fields.missingBody();
        }
        String id = id(request.id(), pathId);
        String displayName = Fields.text("displayName", request.displayName(), 200);
        List<String> hostnames = hostnames(request.hostnames());
        int licenseLimit = licenseLimit(request.licenseLimit());
        List<String> reserved = reservedAccounts(request.reservedAccounts(), licenseLimit);
        return new InstanceRecord(id, displayName, hostnames, licenseLimit, reserved,
                Fields.flag(request.sandbox(), false));
    }

    private static String id(String id, String pathId) {
        if (pathId != null) {
            if (id != null && !id.equals(pathId)) {
                throw invalid("id", "does not match the instance of the path; an instance keeps its id");
            }
            return pathId;
        }
        if (id == null) {
            throw invalid("id", "is required");
        }
        if (!ID.matcher(id).matches()) {
            throw invalid("id", "must be 1 to 63 lower-case letters, digits and dashes, starting with a letter "
                    + "or digit");
        }
        return id;
    }

    private static List<String> hostnames(List<String> values) {
        if (values == null || values.isEmpty()) {
            throw invalid("hostnames", "at least one hostname is required");
        }
        List<String> given = Fields.list("hostnames", values, MAX_HOSTNAMES);
        var canonical = new ArrayList<String>();
        for (int i = 0; i < given.size(); i++) {
            String field = "hostnames[" + i + "]";
            String host = Hostnames.canonical(given.get(i)).orElseThrow(() -> invalid(field,
                    "must be a DNS name or an IP literal, without scheme, port or path"));
            if (canonical.contains(host)) {
                throw invalid(field, "repeats '" + host + "'");
            }
            canonical.add(host);
        }
        return List.copyOf(canonical);
    }

    private static int licenseLimit(Integer value) {
        if (value == null) {
            throw invalid("licenseLimit", "is required");
        }
        if (value < 1) {
            throw invalid("licenseLimit", "must be a positive integer");
        }
        return value;
    }

    private static List<String> reservedAccounts(List<String> values, int licenseLimit) {
        List<String> reserved = Fields.list("reservedAccounts", values, MAX_RESERVED);
        for (int i = 0; i < reserved.size(); i++) {
            Fields.text("reservedAccounts[" + i + "]", reserved.get(i), 200);
        }
        if (reserved.size() > licenseLimit) {
            throw invalid("reservedAccounts", "lists " + reserved.size() + " accounts, more than licenseLimit "
                    + licenseLimit);
        }
        return reserved;
    }
}
