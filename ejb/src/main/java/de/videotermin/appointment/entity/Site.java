package de.videotermin.appointment.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Objects;

/** An office of the agency. Managed by the admin role; deactivated rather than deleted (old appointments keep it). */
@Entity
@Table(name = "site")
public class Site {

    @Id
    private String code;

    @Column(nullable = false)
    private String name;

    @Column(length = 500)
    private String address;

    @Column(nullable = false)
    private boolean active = true;

    protected Site() {
        // JPA
    }

    public Site(String code, String name, String address) {
        this.code = Objects.requireNonNull(code);
        rename(name, address);
    }

    public void rename(String name, String address) {
        this.name = Objects.requireNonNull(name);
        this.address = address;
    }

    public void setActive(boolean active) { this.active = active; }
    public String getCode() { return code; }
    public String getName() { return name; }
    public String getAddress() { return address; }
    public boolean isActive() { return active; }
}
