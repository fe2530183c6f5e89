package net.erp.registry.scope;

import static net.erp.registry.rules.Fields.invalid;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import net.erp.contract.error.OAuthError;
import net.erp.registry.audit.AuditLog;
import net.erp.registry.change.RegistryChanges;
import net.erp.registry.instance.Instance;
import net.erp.registry.rules.Fields;
import net.erp.registry.store.UniqueViolation;

/** The scopes of an instance: the built-in ones and those it defines. */
@ApplicationScoped
public class ScopeService {

    /** RFC 6749 section 3.3 scope-token, narrowed to what reads well in a token and a log line. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:/-]{0,99}");

    private final RegistryChanges changes;
    private final AuditLog audit;

    ScopeService(RegistryChanges changes, AuditLog audit) {
        this.changes = changes;
        this.audit = audit;
    }

    /** The built-in scopes, then the instance's own by name. */
    public Uni<List<ScopeRecord>> list(String instanceId) {
        return Panache.withSession(() -> Instance.require(instanceId)
                .chain(() -> Scope.<Scope>list("instanceId", Sort.by("name"), instanceId)))
                .map(defined -> {
                    var all = new ArrayList<>(BuiltInScopes.ALL);
                    defined.forEach(scope -> all.add(new ScopeRecord(scope.name, scope.description)));
                    return all;
                });
    }

    /** Defines a scope in the instance. */
    public Uni<ScopeRecord> create(String instanceId, ScopeRecord request, String actor) {
        ScopeRecord scope = check(request);
        return Panache.withTransaction(() -> Instance.require(instanceId)
                .chain(() -> Scope.findById(key(instanceId, scope.name())))
                .invoke(existing -> {
                    if (existing != null) {
                        throw OAuthError.conflict("scope '" + scope.name() + "' already exists");
                    }
                })
                .chain(() -> stored(instanceId, scope).persist()))
                .onFailure().transform(UniqueViolation.asConflict("scope '" + scope.name() + "' already exists"))
                .call(() -> changes.instanceChanged(instanceId))
                .invoke(() -> audit.scope("scope.created", instanceId, scope.name(), actor))
                .replaceWith(scope);
    }

    /**
     * Fails with {@code 400} naming the field when a scope of the list is reserved or not a scope of the
     * instance. To be called inside the caller's session.
     */
    public Uni<Void> requireGrantable(String instanceId, String field, List<String> scopes) {
        for (int i = 0; i < scopes.size(); i++) {
            if (BuiltInScopes.RESERVED.contains(scopes.get(i))) {
                return Uni.createFrom().failure(invalid(field + "[" + i + "]",
                        "'" + scopes.get(i) + "' is reserved and cannot be granted to an app"));
            }
        }
        return definedNames(instanceId).invoke(defined -> {
            for (int i = 0; i < scopes.size(); i++) {
                if (!BuiltInScopes.isBuiltIn(scopes.get(i)) && !defined.contains(scopes.get(i))) {
                    throw invalid(field + "[" + i + "]", "'" + scopes.get(i) + "' is not a scope of instance '"
                            + instanceId + "'");
                }
            }
        }).replaceWithVoid();
    }

    private static Uni<Set<String>> definedNames(String instanceId) {
        return Scope.<Scope>list("instanceId", instanceId)
                .map(scopes -> {
                    var names = new HashSet<String>();
                    scopes.forEach(scope -> names.add(scope.name));
                    return names;
                });
    }

    private static ScopeRecord check(ScopeRecord request) {
        if (request == null) {
            throw Fields.missingBody();
        }
        String name = Fields.text("name", request.name(), 100);
        if (!NAME.matcher(name).matches()) {
            throw invalid("name", "must be letters, digits and _ . : / -, starting with a letter or digit");
        }
        if (BuiltInScopes.RESERVED.contains(name)) {
            throw invalid("name", "'" + name + "' is reserved");
        }
        if (BuiltInScopes.isBuiltIn(name)) {
            throw OAuthError.conflict("scope '" + name + "' is built in");
        }
        return new ScopeRecord(name, Fields.optionalText("description", request.description(), 500));
    }

    private static Scope.Key key(String instanceId, String name) {
        var key = new Scope.Key();
        key.instanceId = instanceId;
        key.name = name;
        return key;
    }

    private static Scope stored(String instanceId, ScopeRecord record) {
        var scope = new Scope();
        scope.instanceId = instanceId;
        scope.name = record.name();
        scope.description = record.description();
        return scope;
    }
}
