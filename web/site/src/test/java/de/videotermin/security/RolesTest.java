package de.videotermin.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RolesTest {

    @Test
    void eachStaffAreaOpensForItsRolesAndForAdmins() {
        assertThat(Roles.allowedFor("/advisor/")).containsExactlyInAnyOrder(Roles.ADVISOR, Roles.ADMIN);
        assertThat(Roles.allowedFor("/advisor/room.xhtml")).containsExactlyInAnyOrder(Roles.ADVISOR, Roles.ADMIN);
        assertThat(Roles.allowedFor("/analyst/statistics.csv")).containsExactlyInAnyOrder(Roles.ANALYST, Roles.ADMIN);
        assertThat(Roles.allowedFor("/admin/audit.xhtml")).containsExactly(Roles.ADMIN);
        assertThat(Roles.allowedFor("/admin")).containsExactly(Roles.ADMIN);
    }

    @Test
    void pagesOutsideTheStaffAreasNeedNoRole() {
        assertThat(Roles.allowedFor("/citizen/appointment.xhtml")).isEmpty();
        assertThat(Roles.allowedFor("/advisory/")).as("a prefix is not the area").isEmpty();
        assertThat(Roles.allowedFor("/")).isEmpty();
        assertThat(Roles.allowedFor(null)).isEmpty();
    }
}
