package net.erp.registry.scope;

import static net.erp.registry.rules.Fields.invalid;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import net.erp.contract.error.OAuthError;
import net.erp.contract.http.Page;
import net.erp.registry.audit.AuditLog;
import net.erp.registry.change.RegistryChanges;
import net.erp.registry.instance.Instance;
import net.erp.registry.rules.Fields;
import net.erp.registry.store.UniqueViolation;

/**
 * The scopes of an instance: the built-in ones and those it defines. Its own can be described anew and
 * deleted; the built-in ones cannot.
 */
@ApplicationScoped
public class ScopeService {

    /** RFC 6749 section 3.3 scope-token, narrowed to what reads well in a token and a log line. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:/-]{0,99}");

    /** How many of the apps holding a scope a refused deletion names. */
    private static final int APPS_NAMED = 10;

    private final RegistryChanges changes;
    private final AuditLog audit;

    ScopeService(RegistryChanges changes, AuditLog audit) {
        this.changes = changes;
        this.audit = audit;
    }

    /** One page of the instance's scopes: the built-in ones, then its own by name. */
    public Uni<List<ScopeRecord>> list(String instanceId, Page page) {
        List<ScopeRecord> builtIn = BuiltInScopes.ALL;
        int from = Math.min(page.first(), builtIn.size());
        int to = (int) Math.min((long) page.first() + page.max(), builtIn.size());
        var answer = new ArrayList<>(builtIn.subList(from, to));
        int wanted = page.max() - answer.size();
        Page own = new Page(Math.max(0, page.first() - builtIn.size()), Math.max(wanted, 1));
        return Panache.withSession(() -> Instance.require(instanceId)
                .chain(() -> wanted == 0 ? Uni.createFrom().item(List.<Scope>of())
                        : Scope.<Scope>find("instanceId", Sort.by("name"), instanceId)
                                .range(own.first(), own.last()).list()))
                .map(defined -> {
                    defined.forEach(scope -> answer.add(record(scope)));
                    return answer;
                });
    }

    /** A scope of the instance, built in or its own. */
    public Uni<ScopeRecord> find(String instanceId, String name) {
        return Panache.withSession(() -> Instance.require(instanceId)
                .chain(() -> BuiltInScopes.find(name).map(found -> Uni.createFrom().item(found))
                        .orElseGet(() -> require(instanceId, name).map(ScopeService::record))));
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

    /** Replaces one of the instance's own scopes: its description; the name stays. */
    public Uni<ScopeRecord> update(String instanceId, String name, ScopeRecord request, String actor) {
        ScopeRecord scope = checkReplacement(name, request);
        return Panache.withTransaction(() -> Instance.require(instanceId)
                .chain(() -> require(instanceId, name))
                .invoke(stored -> stored.description = scope.description()))
                .call(() -> changes.instanceChanged(instanceId))
                .invoke(() -> audit.scope("scope.updated", instanceId, name, actor))
                .replaceWith(scope);
    }

    /**
     * Deletes one of the instance's own scopes. While an app may be granted it, the scope stays and the
     * answer is {@code 409} naming the apps: a scope deleted from under an app would leave the app holding a
     * scope the instance no longer has. The scope's row is locked here, and an app being stored locks the rows
     * of its scopes ({@link #requireGrantable}), so an app stored meanwhile is either seen here or refused there.
     */
    public Uni<Void> delete(String instanceId, String name, String actor) {
        requireOwn(name);
        return Panache.withTransaction(() -> Instance.require(instanceId)
                .chain(() -> Scope.<Scope>find("instanceId = ?1 and name = ?2", instanceId, name)
                        .withLock(LockModeType.PESSIMISTIC_WRITE).<Scope>firstResult())
                .onItem().ifNull().failWith(() -> unknown(name))
                .call(stored -> requireUnused(instanceId, name))
                .call(stored -> stored.delete()))
                .call(() -> changes.instanceChanged(instanceId))
                .invoke(() -> audit.scope("scope.deleted", instanceId, name, actor))
                .replaceWithVoid();
    }

    /**
     * Fails with {@code 400} naming the field when a scope of the list is reserved or not a scope of the
     * instance. To be called inside the caller's transaction, which then holds the scopes' rows until it
     * ends, so that none of them is deleted before the app is stored.
     */
    public Uni<Void> requireGrantable(String instanceId, String field, List<String> scopes) {
        for (int i = 0; i < scopes.size(); i++) {
            if (BuiltInScopes.RESERVED.contains(scopes.get(i))) {
                return Uni.createFrom().failure(invalid(field + "[" + i + "]",
                        "'" + scopes.get(i) + "' is reserved and cannot be granted to an app"));
            }
        }
        return definedNames(instanceId, scopes).invoke(defined -> {
            for (int i = 0; i < scopes.size(); i++) {
                if (!BuiltInScopes.isBuiltIn(scopes.get(i)) && !defined.contains(scopes.get(i))) {
                    throw invalid(field + "[" + i + "]", "'" + scopes.get(i) + "' is not a scope of instance '"
                            + instanceId + "'");
                }
            }
        }).replaceWithVoid();
    }

    /** Which of the names the instance defines, their rows locked for share ({@code FOR SHARE}). */
    private static Uni<Set<String>> definedNames(String instanceId, List<String> names) {
        List<String> own = names.stream().filter(name -> !BuiltInScopes.isBuiltIn(name)).toList();
        if (own.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return Scope.<Scope>find("instanceId = ?1 and name in ?2", instanceId, own)
                .withLock(LockModeType.PESSIMISTIC_READ).list()
                .map(scopes -> {
                    var defined = new HashSet<String>();
                    scopes.forEach(scope -> defined.add(scope.name));
                    return defined;
                });
    }

    /** Refuses the deletion of a scope an app may be granted, naming the first apps by client id. */
    private static Uni<Void> requireUnused(String instanceId, String name) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("select client_id from {h-schema}trusted_application "
                        + "where instance_id = ?1 and ?2 = any(scopes) order by client_id", String.class)
                        .setParameter(1, instanceId).setParameter(2, name).getResultList())
                .invoke(clientIds -> {
                    if (!clientIds.isEmpty()) {
                        throw OAuthError.conflict("scope '" + name + "' is granted to " + named(clientIds)
                                + "; take it from them first");
                    }
                })
                .replaceWithVoid();
    }

    private static String named(List<String> clientIds) {
        String first = String.join(", ", clientIds.subList(0, Math.min(APPS_NAMED, clientIds.size())));
        int more = clientIds.size() - APPS_NAMED;
        return "app(s) " + first + (more > 0 ? " and " + more + " more" : "");
    }

    private static Uni<Scope> require(String instanceId, String name) {
        return Scope.<Scope>findById(key(instanceId, name)).onItem().ifNull().failWith(() -> unknown(name));
    }

    /** Fails unless the name can be one of the instance's own scopes: built-in and reserved ones cannot. */
    private static void requireOwn(String name) {
        if (BuiltInScopes.RESERVED.contains(name)) {
            throw invalid("name", "'" + name + "' is reserved");
        }
        if (BuiltInScopes.isBuiltIn(name)) {
            throw invalid("name", "'" + name + "' is built in and can be neither changed nor deleted");
        }
    }

    private static OAuthError unknown(String name) {
        return OAuthError.notFound("unknown_scope", "no scope '" + name + "' in this instance");
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

    /** The record to replace the scope {@code name} with; the body's {@code name} may be left out. */
    private static ScopeRecord checkReplacement(String name, ScopeRecord request) {
        requireOwn(name);
        if (request == null) {
            throw Fields.missingBody();
        }
        if (request.name() != null && !request.name().equals(name)) {
            throw invalid("name", "does not match the scope of the path; a scope keeps its name");
        }
        return new ScopeRecord(name, Fields.optionalText("description", request.description(), 500));
    }

    private static ScopeRecord record(Scope scope) {
        return new ScopeRecord(scope.name, scope.description);
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
