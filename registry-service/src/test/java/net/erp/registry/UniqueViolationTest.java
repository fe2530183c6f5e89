package net.erp.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.sql.SQLException;
import net.erp.contract.error.OAuthError;
import net.erp.registry.store.UniqueViolation;
import org.junit.jupiter.api.Test;

class UniqueViolationTest {

    @Test
    void failureWhenCausedByUniqueViolationThenConflict() {
        var failure = new IllegalStateException(new SQLException("duplicate key", "23505"));

        var mapped = (OAuthError) UniqueViolation.asConflict("app 'x' already exists").apply(failure);

        assertEquals(409, mapped.status());
    }

    @Test
    void failureWhenOtherSqlStateThenUnchanged() {
        var failure = new IllegalStateException(new SQLException("deadlock", "40P01"));

        assertSame(failure, UniqueViolation.asConflict("x").apply(failure));
    }
}
