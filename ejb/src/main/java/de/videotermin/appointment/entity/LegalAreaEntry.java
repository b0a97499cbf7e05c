package de.videotermin.appointment.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A legal area as data: its names in German and English and whether new appointments may use it.
 * The admin role adds, renames and (de)activates them; appointment.legal_area refers to the code.
 */
@Entity
@Table(name = "legal_area")
public class LegalAreaEntry {

    @Id
    private String code;

    @Column(name = "name_de", nullable = false)
    private String nameDe;

    @Column(name = "name_en", nullable = false)
    private String nameEn;

    @Column(nullable = false)
    private boolean active = true;

    protected LegalAreaEntry() {
        // JPA
    }

    public LegalAreaEntry(String code, String nameDe, String nameEn) {
        this.code = java.util.Objects.requireNonNull(code);
        rename(nameDe, nameEn);
    }

    public String name(String language) {
        return "en".equals(language) ? nameEn : nameDe;
    }

    public void rename(String nameDe, String nameEn) {
        this.nameDe = nameDe;
        this.nameEn = nameEn;
    }

    public void setActive(boolean active) { this.active = active; }
    public String getCode() { return code; }
    public String getNameDe() { return nameDe; }
    public String getNameEn() { return nameEn; }
    public boolean isActive() { return active; }
}
