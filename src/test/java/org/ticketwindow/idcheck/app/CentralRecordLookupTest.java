package org.ticketwindow.idcheck.app;

import org.junit.jupiter.api.Test;
import org.ticketwindow.idcheck.sync.CentralUnavailableException;
import org.ticketwindow.idcheck.verify.DocumentType;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CentralRecordLookupTest {
    @Test void withoutACentralTheLookupIsUnavailableSoTheCaseIsDecidedOffline() {
        assertThatThrownBy(() -> new CentralRecordLookup(Optional.empty()).lookup(DocumentType.values()[0], "X1"))
                .isInstanceOf(CentralUnavailableException.class).hasMessageContaining("no central configured");
    }
}
