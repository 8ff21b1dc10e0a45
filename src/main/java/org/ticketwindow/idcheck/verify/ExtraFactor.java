package org.ticketwindow.idcheck.verify;

import java.util.Objects;

/**
 * The extra factor as the clerk typed it ({@link Given}, counter side), as a check the counter made
 * ({@link CheckedAtCounter}) or as it travels when the counter could not check it ({@link Hashed}, S7: never in
 * clear). None prints its value.
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

    /**
     * Checked at the counter against the reference the central's lookup shared (S7: the result carries the check,
     * not the value). The central decides again from this when the result arrives.
     */
    record CheckedAtCounter(ExtraFactorKind kind, boolean matched) implements ExtraFactor {
        public CheckedAtCounter {
            Objects.requireNonNull(kind, "kind");
        }
    }

    record Hashed(ExtraFactorKind kind, String digest) implements ExtraFactor {
        public Hashed {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(digest, "digest");
        }
    }
}
