package net.erp.registry.secret;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import net.erp.registry.app.TrustedApplication;

/** One client secret of an app, kept only as its keyed hash ({@link SecretHasher}). */
@Entity
@Table(name = "client_secret")
public class ClientSecret extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "app_id")
    public TrustedApplication app;

    public byte[] hash;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    /** Whether the secret still authenticates at {@code now}. */
    public boolean isActive(Instant now) {
        return expiresAt == null || expiresAt.isAfter(now);
    }
}
