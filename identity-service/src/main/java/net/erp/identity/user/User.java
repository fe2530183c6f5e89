package net.erp.identity.user;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A user of an instance as the API shows it: never the password or its hash (SPEC "Users"). */
@RegisterForReflection
public record User(String id, String username, String kind, boolean administrator, String email, String name) {
}
