package net.erp.registry.instance;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A hostname and the instance it belongs to: its primary key keeps a hostname in one instance only. */
@Entity
@Table(name = "instance_host")
public class InstanceHost extends PanacheEntityBase {

    @Id
    public String host;

    @Column(name = "instance_id")
    public String instanceId;

    public InstanceHost() {
    }

    InstanceHost(String host, String instanceId) {
        this.host = host;
        this.instanceId = instanceId;
    }
}
