package org.ticketwindow.idcheck.verify;

import java.util.Objects;

/**
 * The extra factor as the clerk typed it ({@link Given}, counter side) or as it travels when the counter could not
 * check it ({@link Hashed}, S7: never in clear). Neither prints its value.
 */
public sealed interface ExtraFactor {
    ExtraFactorKind kind();

    record Given(ExtraFactorKind kind, String value) implements ExtraFactor {
        public Given {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(value, "value");
        }

        @Override public String toString() { return "Given[" + kind + ", ***]"; }
    }

    record Hashed(ExtraFactorKind kind, String digest) implements ExtraFactor {
        public Hashed {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(digest, "digest");
        }
    }
}
