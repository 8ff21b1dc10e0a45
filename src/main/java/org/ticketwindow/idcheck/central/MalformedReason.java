package org.ticketwindow.idcheck.central;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import java.util.stream.Collectors;

/**
 * Why a result could not be read, by field name and kind of fault only. The reason is stored at the central and shown
 * at the counter; parsers' own messages quote the offending input (names, ID numbers), so none is ever passed on (PD1).
 */
final class MalformedReason {
    private MalformedReason() {}

    static String of(Exception e) {
        String field = e instanceof JsonMappingException m ? path(m) : "";
        String at = field.isEmpty() ? "" : " at " + field;
        String what = switch (e) {
            case UnrecognizedPropertyException u -> "unknown field " + safe(u.getPropertyName()) + (field.isEmpty() ? "" : " in " + parent(u));
            case InvalidFormatException i -> "a value of the wrong form" + at;
            case ValueInstantiationException v -> "a required field is missing or null" + at;
            case MismatchedInputException m -> "a field is missing, null or of the wrong type" + at;
            case JsonMappingException m -> "the result does not have the expected shape" + at;
            case JsonProcessingException p -> "not valid JSON";
            default -> "a field is missing, null or invalid" + at;
        };
        return "malformed result: " + what;
    }

    /** The first frame in this program's code, for the central's log (no values). */
    static String where(Throwable e) {
        for (StackTraceElement f : e.getStackTrace()) {
            if (f.getClassName().startsWith("org.ticketwindow.")) {
                return f.getClassName().substring(f.getClassName().lastIndexOf('.') + 1) + "." + f.getMethodName() + ":" + f.getLineNumber();
            }
        }
        return "?";
    }

    private static String path(JsonMappingException m) {
        return m.getPath().stream().map(r -> r.getFieldName() != null ? safe(r.getFieldName()) : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String parent(UnrecognizedPropertyException u) {
        String p = path(u);
        int dot = p.lastIndexOf('.');
        return dot < 0 ? "the result" : p.substring(0, dot);
    }

    /** Field names come from the sender too: only a short identifier is repeated, never free text. */
    private static String safe(String name) {
        if (name == null) return "?";
        return name.matches("[A-Za-z][A-Za-z0-9_]{0,39}") ? name : "(a name that is not an identifier)";
    }
}
