package net.erp.registry.app;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.util.UUID;
import net.erp.contract.error.OAuthError;

/** An app an instance registered to sign users in or to call its APIs: one record per app and instance. */
@Entity
@Table(name = "trusted_application")
public class TrustedApplication extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "instance_id")
    public String instanceId;

    @Column(name = "client_id")
    public String clientId;

    public String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "client_type")
    public ClientType clientType;

    @Column(name = "redirect_uris")
    public String[] redirectUris;

    @Column(name = "post_logout_redirect_uris")
    public String[] postLogoutRedirectUris;

    @Column(name = "internal_users_allowed")
    public boolean internalUsersAllowed;

    @Column(name = "community_users_allowed")
    public boolean communityUsersAllowed;

    @Column(name = "system_user_allowed")
    public boolean systemUserAllowed;

    @Column(name = "system_user")
    public String systemUser;

    public String[] scopes;

    @Enumerated(EnumType.STRING)
    @Column(name = "reference_tokens")
    public ReferenceTokenPolicy referenceTokens;

    public boolean enabled;

    /** The app of an instance, or {@code null}. */
    public static Uni<TrustedApplication> findByClientId(String instanceId, String clientId) {
        return find("instanceId = ?1 and clientId = ?2", instanceId, clientId).firstResult();
    }

    /** The app of an instance, or a failure {@code 404 unknown_client}. */
    public static Uni<TrustedApplication> require(String instanceId, String clientId) {
        return findByClientId(instanceId, clientId).onItem().ifNull().failWith(() -> unknown(clientId));
    }

    /**
     * The app, its row locked until the transaction ends ({@code SELECT ... FOR UPDATE}), or a failure
     * {@code 404 unknown_client}: for a change that reads before it writes.
     */
    public static Uni<TrustedApplication> requireLocked(String instanceId, String clientId) {
        return find("instanceId = ?1 and clientId = ?2", instanceId, clientId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).<TrustedApplication>firstResult()
                .onItem().ifNull().failWith(() -> unknown(clientId));
    }

    /** The refusal of an app that does not exist. */
    public static OAuthError unknown(String clientId) {
        return OAuthError.notFound("unknown_client", "no app '" + clientId + "' in this instance");
    }

    /** Copies every field of the record onto this app; the id, instance and client id stay. */
    public TrustedApplication apply(AppRecord record) {
        name = record.name();
        clientType = record.clientType();
        redirectUris = record.redirectUris().toArray(String[]::new);
        postLogoutRedirectUris = record.postLogoutRedirectUris().toArray(String[]::new);
        internalUsersAllowed = record.internalUsersAllowed();
        communityUsersAllowed = record.communityUsersAllowed();
        systemUserAllowed = record.systemUserAllowed();
        systemUser = record.systemUser();
        scopes = record.scopes().toArray(String[]::new);
        referenceTokens = record.referenceTokens();
        enabled = record.enabled();
        return this;
    }

    /** A new app of the instance holding the record's fields. */
    public static TrustedApplication of(String instanceId, AppRecord record) {
        var app = new TrustedApplication();
        app.id = UUID.randomUUID();
        app.instanceId = instanceId;
        app.clientId = record.clientId();
        return app.apply(record);
    }
}
