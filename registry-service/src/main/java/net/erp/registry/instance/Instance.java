package net.erp.registry.instance;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import net.erp.contract.error.OAuthError;

/** One ERP tenant. Its hostnames are kept here in the order given and in {@link InstanceHost} for lookup. */
@Entity
@Table(name = "instance")
public class Instance extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "display_name")
    public String displayName;

    public String[] hostnames;

    @Column(name = "license_limit")
    public int licenseLimit;

    @Column(name = "reserved_accounts")
    public String[] reservedAccounts;

    public boolean sandbox;

    /** The instance, or a failure {@code 404 unknown_instance}. */
    public static Uni<Instance> require(String id) {
        return Instance.<Instance>findById(id)
                .onItem().ifNull().failWith(() -> unknown(id));
    }

    /** The refusal of an instance that does not exist. */
    public static OAuthError unknown(String id) {
        return OAuthError.notFound("unknown_instance", "no instance '" + id + "'");
    }
}
