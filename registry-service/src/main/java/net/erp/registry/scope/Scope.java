package net.erp.registry.scope;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** A scope an instance defines for its own APIs, beside the built-in ones. */
@Entity
@Table(name = "scope")
@IdClass(Scope.Key.class)
public class Scope extends PanacheEntityBase {

    @Id
    @Column(name = "instance_id")
    public String instanceId;

    @Id
    public String name;

    public String description;

    /** The primary key: instance and name. */
    public static class Key implements Serializable {

        public String instanceId;
        public String name;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(instanceId, key.instanceId)
                    && Objects.equals(name, key.name);
        }

        @Override
        public int hashCode() {
            return Objects.hash(instanceId, name);
        }
    }
}
