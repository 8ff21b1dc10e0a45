package org.ticketwindow.idcheck.reader;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.ticketwindow.idcheck.photo.DecoderInterface;
import org.ticketwindow.idcheck.photo.DecoderSettings;
import org.ticketwindow.idcheck.validation.Problem;
import org.ticketwindow.idcheck.validation.Problems;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

/**
 * Loads the profiles of a {@code hardware-profiles/} directory, applies the technician's override file, and
 * validates everything, reporting each problem with file, key and reason (never a stack trace for a typo).
 */
public final class HardwareProfiles {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static final Set<String> KEYS = Set.of("id", "displayName", "displayNameEn", "transport", "match", "bauds", "timeoutsMs",
            "pollIntervalMs", "retries", "rfFrameSize", "readCommand", "appendedAddress", "photoDecoder",
            "pcscLibrary", "notes");
    /** What a technician may change in the override file; identity, matching and native libraries are not. */
    public static final Set<String> OVERRIDABLE = Set.of("bauds", "timeoutsMs", "pollIntervalMs", "retries",
            "rfFrameSize", "readCommand", "appendedAddress");
    private static final Set<String> PHOTO_DECODER_KEYS = Set.of("library", "interface", "vendorCode", "timeoutMs");
    private static final Set<String> MATCH_KEYS = Set.of("portPattern", "readerNamePattern", "usb");
    private static final Pattern USB_ID = Pattern.compile("[0-9a-f]{4}:[0-9a-f]{4}");
    private static final Pattern PROFILE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,40}");

    private final Map<String, HardwareProfile> byId;

    private HardwareProfiles(Map<String, HardwareProfile> byId) {
        this.byId = byId;
    }

    /**
     * Every {@code *.yaml} in {@code directory}, with {@code overrideFile} applied when it exists.
     *
     * @throws ProfileException listing every problem in every file
     */
    public static HardwareProfiles load(Path directory, Path overrideFile) throws ProfileException {
        Problems problems = new Problems();
        if (!Files.isDirectory(directory)) throw ProfileException.of(directory, Problem.WHOLE_FILE, "hardware profile directory not found");
        Map<String, JsonNode> overrides = overrideFile != null && Files.exists(overrideFile)
                ? readOverrides(overrideFile, problems) : Map.of();
        Map<String, HardwareProfile> out = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(directory)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw ProfileException.of(directory, Problem.WHOLE_FILE, "cannot list the directory: " + e.getMessage());
        }
        for (Path file : files) {
            JsonNode node = readYaml(file, problems);
            if (node == null) continue;
            String id = node.path("id").asText("");
            JsonNode override = overrides.get(id);
            if (override != null) node = merge((ObjectNode) node.deepCopy(), override);
            HardwareProfile p = parse(file, node, problems);
            if (p == null) continue;
            if (out.containsKey(p.id())) {
                problems.add(file.toString(), "id", "duplicate profile id '" + p.id() + "' (also in " + out.get(p.id()).source() + ")");
            } else {
                out.put(p.id(), p);
            }
        }
        for (String id : overrides.keySet()) {
            if (!out.containsKey(id) && !problems.anyIn(overrideFile.toString())) {
                problems.add(overrideFile.toString(), id, "no profile with this id");
            }
        }
        if (!problems.isEmpty()) throw new ProfileException(problems.all());
        return new HardwareProfiles(out);
    }

    /**
     * The technician's tuning of one profile (keys of {@link #OVERRIDABLE}) merged into {@code overrideFile}. The result
     * is validated with every profile before the file is replaced (atomically), so a bad value is refused with its
     * reason and the file keeps its last good content.
     *
     * @return the profiles as they load with the new overrides
     */
    public static HardwareProfiles saveOverride(Path directory, Path overrideFile, String profileId, Map<String, Object> values)
            throws ProfileException, IOException {
        for (String k : values.keySet()) {
            if (!OVERRIDABLE.contains(k)) {
                throw ProfileException.of(overrideFile, profileId + "." + k,
                        "not overridable (allowed: " + OVERRIDABLE.stream().sorted().toList() + ")");
            }
        }
        ObjectNode root = Files.exists(overrideFile) && YAML.readTree(overrideFile.toFile()) instanceof ObjectNode o ? o : YAML.createObjectNode();
        ObjectNode mine = root.get(profileId) instanceof ObjectNode o ? o : root.putObject(profileId);
        values.forEach((k, v) -> mine.set(k, YAML.valueToTree(v)));
        Files.createDirectories(overrideFile.toAbsolutePath().getParent());
        Path candidate = overrideFile.resolveSibling(overrideFile.getFileName() + ".new");
        Files.writeString(candidate, "# Technician's tuning (console technician screen); keys: " + OVERRIDABLE.stream().sorted().toList()
                + "\n" + YAML.writeValueAsString(root).replaceFirst("^---\\s*\n", ""));
        try {
            HardwareProfiles loaded = load(directory, candidate);
            Files.move(candidate, overrideFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return loaded;
        } catch (ProfileException e) {
            Files.deleteIfExists(candidate);
            throw e;
        }
    }

    /** Parses and validates a single profile file (no overrides). */
    public static HardwareProfile loadFile(Path file) throws ProfileException {
        Problems problems = new Problems();
        JsonNode node = readYaml(file, problems);
        HardwareProfile p = node == null ? null : parse(file, node, problems);
        if (!problems.isEmpty()) throw new ProfileException(problems.all());
        return p;
    }

    public List<HardwareProfile> all() { return List.copyOf(byId.values()); }

    public Optional<HardwareProfile> byId(String id) { return Optional.ofNullable(byId.get(id)); }

    /** Profiles whose serial port pattern matches {@code path}. */
    public List<HardwareProfile> matchingPort(String path) {
        return byId.values().stream().filter(p -> p.transport() == HardwareProfile.Transport.SERIAL)
                .filter(p -> p.match().matchesPort(path)).toList();
    }

    /** Profiles whose PC/SC reader name pattern matches {@code readerName}. */
    public List<HardwareProfile> matchingReader(String readerName) {
        return byId.values().stream().filter(p -> p.transport() == HardwareProfile.Transport.PCSC)
                .filter(p -> p.match().matchesReaderName(readerName)).toList();
    }

    // ---- parsing ------------------------------------------------------------------------------------------------

    private static JsonNode readYaml(Path file, Problems problems) {
        try {
            JsonNode node = YAML.readTree(Files.readString(file));
            if (node == null || !node.isObject()) {
                problems.add(file.toString(), Problem.WHOLE_FILE, "the file must hold a YAML mapping");
                return null;
            }
            return node;
        } catch (JsonProcessingException e) {
            problems.add(file.toString(), e.getLocation() == null ? Problem.WHOLE_FILE : "line " + e.getLocation().getLineNr(),
                    "not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            problems.add(file.toString(), Problem.WHOLE_FILE, "cannot read: " + e.getMessage());
        }
        return null;
    }

    private static Map<String, JsonNode> readOverrides(Path file, Problems problems) {
        JsonNode root = readYaml(file, problems);
        Map<String, JsonNode> out = new LinkedHashMap<>();
        if (root == null) return out;
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isObject()) {
                problems.add(file.toString(), e.getKey(), "must be a mapping of overrides");
                continue;
            }
            boolean ok = true;
            for (Iterator<String> keys = e.getValue().fieldNames(); keys.hasNext(); ) {
                String k = keys.next();
                if (!OVERRIDABLE.contains(k)) {
                    problems.add(file.toString(), e.getKey() + "." + k,
                            "not allowed in the override file (allowed: " + String.join(", ", new java.util.TreeSet<>(OVERRIDABLE)) + ")");
                    ok = false;
                }
            }
            if (ok) out.put(e.getKey(), e.getValue());
        }
        return out;
    }

    private static JsonNode merge(ObjectNode base, JsonNode override) {
        for (Iterator<Map.Entry<String, JsonNode>> it = override.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode existing = base.get(e.getKey());
            if (existing instanceof ObjectNode obj && e.getValue().isObject()) {
                merge(obj, e.getValue());
            } else {
                base.set(e.getKey(), e.getValue());
            }
        }
        return base;
    }

    private static HardwareProfile parse(Path file, JsonNode n, Problems problems) {
        Checker c = new Checker(file.toString(), problems);
        int before = problems.count();
        problems.unknownKeys(c.file(), "", n.fieldNames(), KEYS);
        String id = c.text(n, "id", true);
        if (id != null && !PROFILE_ID.matcher(id).matches()) c.problem("id", "must be lowercase letters, digits and '-'");
        String expectedFile = id + ".yaml";
        if (id != null && !file.getFileName().toString().equals(expectedFile)) {
            c.problem("id", "must match the file name (" + expectedFile + ")");
        }
        String displayName = c.text(n, "displayName", true);
        String displayNameEn = c.text(n, "displayNameEn", false); // the English screens' name (else displayName)
        if (displayNameEn != null && displayNameEn.isBlank()) displayNameEn = null; // blank: none, not an empty name
        HardwareProfile.Transport transport = null;
        String t = c.text(n, "transport", true);
        if (t != null) {
            try {
                transport = HardwareProfile.Transport.valueOf(t.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                c.problem("transport", "must be serial, pcsc or simulator, was '" + t + "'");
            }
        }
        HardwareProfile.Match match = parseMatch(n.path("match"), c);
        List<Integer> bauds = new ArrayList<>();
        JsonNode b = n.path("bauds");
        if (b.isMissingNode() || b.isNull()) {
            bauds.add(115200);
        } else if (!b.isArray() || b.isEmpty()) {
            c.problem("bauds", "must be a non-empty list of baud rates");
        } else {
            for (int i = 0; i < b.size(); i++) {
                JsonNode v = b.get(i);
                if (!v.isInt() || !HardwareProfile.BAUD_RATES.contains(v.asInt())) {
                    c.problem("bauds[" + i + "]", "must be one of " + HardwareProfile.BAUD_RATES + ", was " + v);
                } else {
                    bauds.add(v.asInt());
                }
            }
        }
        Map<TimeoutKey, Duration> timeouts = new EnumMap<>(TimeoutKey.class);
        for (TimeoutKey k : TimeoutKey.values()) timeouts.put(k, defaultTimeout(k));
        JsonNode tm = n.path("timeoutsMs");
        if (!tm.isMissingNode() && !tm.isNull()) {
            if (!tm.isObject()) {
                c.problem("timeoutsMs", "must be a mapping of command to milliseconds");
            } else {
                for (Iterator<Map.Entry<String, JsonNode>> it = tm.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    TimeoutKey key = timeoutKey(e.getKey());
                    if (key == null) {
                        c.problem("timeoutsMs." + e.getKey(), "unknown command (known: " + timeoutKeyNames() + ")");
                    } else if (!e.getValue().isInt() || e.getValue().asInt() < 50 || e.getValue().asInt() > 60_000) {
                        c.problem("timeoutsMs." + e.getKey(), "must be a whole number of milliseconds from 50 to 60000, was " + e.getValue());
                    } else {
                        timeouts.put(key, Duration.ofMillis(e.getValue().asInt()));
                    }
                }
            }
        }
        int poll = c.intIn(n, "pollIntervalMs", 50, 10_000, 400);
        JsonNode r = n.path("retries");
        int findRetries = c.intIn(r, "retries.find", "find", 0, 5, 1);
        int readRetries = c.intIn(r, "retries.read", "read", 0, 5, 2);
        OptionalInt rf = OptionalInt.empty();
        JsonNode rfn = n.path("rfFrameSize");
        if (!rfn.isMissingNode() && !rfn.isNull()) {
            if (!rfn.isInt() || rfn.asInt() < 1 || rfn.asInt() > 255) c.problem("rfFrameSize", "must be 1..255 or null, was " + rfn);
            else rf = OptionalInt.of(rfn.asInt());
        }
        HardwareProfile.ReadCommand readCommand = HardwareProfile.ReadCommand.TEXT_PHOTO;
        String rc = c.text(n, "readCommand", false);
        if (rc != null) {
            readCommand = null;
            for (HardwareProfile.ReadCommand v : HardwareProfile.ReadCommand.values()) {
                if (v.yaml().equalsIgnoreCase(rc.strip())) readCommand = v;
            }
            if (readCommand == null) c.problem("readCommand", "must be \"30 01\" or \"30 10\", was '" + rc + "'");
        }
        boolean appended = c.bool(n, "appendedAddress", true);
        Optional<DecoderSettings> decoder = parsePhotoDecoder(n.path("photoDecoder"), c);
        String pcscLibrary = c.text(n, "pcscLibrary", false);
        String notes = c.text(n, "notes", false);
        if (transport == HardwareProfile.Transport.PCSC && match.readerNamePattern().isEmpty()) {
            c.problem("match.readerNamePattern", "a pcsc profile needs a reader name pattern");
        }
        if (problems.count() > before) return null;
        return new HardwareProfile(id, displayName, Optional.ofNullable(displayNameEn), transport, match, bauds, timeouts, Duration.ofMillis(poll),
                new HardwareProfile.Retries(findRetries, readRetries), rf, readCommand, appended, decoder,
                Optional.ofNullable(pcscLibrary), notes == null ? "" : notes.strip(), file);
    }

    /**
     * {@code photoDecoder: none}, or a mapping {@code library}, {@code interface} (unpack, wlt2bmp, dewltbuf),
     * {@code vendorCode} (unpack and wlt2bmp only) and {@code timeoutMs}.
     */
    private static Optional<DecoderSettings> parsePhotoDecoder(JsonNode pd, Checker c) {
        if (pd.isMissingNode() || pd.isNull() || (pd.isTextual() && pd.asText().equals("none"))) return Optional.empty();
        if (!pd.isObject()) {
            c.problem("photoDecoder", "must be 'none' or a mapping {library, interface, vendorCode, timeoutMs}, was " + pd
                    + (pd.asText("").startsWith("native:") ? " (the 'native:<library>' form names no interface: use the mapping)" : ""));
            return Optional.empty();
        }
        c.problems().unknownKeys(c.file(), "photoDecoder.", pd.fieldNames(), PHOTO_DECODER_KEYS);
        int before = c.problems().count();
        String library = c.text(pd, "photoDecoder.library", "library", true);
        String iface = c.text(pd, "photoDecoder.interface", "interface", true);
        Optional<DecoderInterface> i = iface == null ? Optional.empty() : DecoderInterface.of(iface);
        if (iface != null && i.isEmpty()) c.problem("photoDecoder.interface", "must be " + DecoderInterface.names() + ", was '" + iface + "'");
        OptionalInt vendorCode = OptionalInt.empty();
        JsonNode v = pd.path("vendorCode");
        if (!v.isMissingNode() && !v.isNull()) {
            if (!v.isInt()) c.problem("photoDecoder.vendorCode", "must be a whole number, was " + v);
            else vendorCode = OptionalInt.of(v.asInt());
        }
        int timeoutMs = c.intIn(pd, "photoDecoder.timeoutMs", "timeoutMs", DecoderSettings.MIN_TIMEOUT_MS, DecoderSettings.MAX_TIMEOUT_MS,
                (int) DecoderSettings.DEFAULT_TIMEOUT.toMillis());
        if (c.problems().count() > before || i.isEmpty()) return Optional.empty();
        List<String> problems = DecoderSettings.problems(library, i.get(), vendorCode, Duration.ofMillis(timeoutMs));
        for (String problem : problems) {
            int colon = problem.indexOf(": ");
            c.problem("photoDecoder." + problem.substring(0, colon), problem.substring(colon + 2));
        }
        return problems.isEmpty() ? Optional.of(new DecoderSettings(library, i.get(), vendorCode, Duration.ofMillis(timeoutMs))) : Optional.empty();
    }

    private static HardwareProfile.Match parseMatch(JsonNode m, Checker c) {
        if (m.isMissingNode() || m.isNull()) return new HardwareProfile.Match(Optional.empty(), Optional.empty(), List.of());
        if (!m.isObject()) {
            c.problem("match", "must be a mapping");
            return new HardwareProfile.Match(Optional.empty(), Optional.empty(), List.of());
        }
        c.problems().unknownKeys(c.file(), "match.", m.fieldNames(), MATCH_KEYS);
        Optional<Pattern> port = c.regex(m, "portPattern");
        Optional<Pattern> reader = c.regex(m, "readerNamePattern");
        List<String> usb = new ArrayList<>();
        JsonNode u = m.path("usb");
        if (!u.isMissingNode() && !u.isNull()) {
            if (!u.isArray()) {
                c.problem("match.usb", "must be a list of \"vid:pid\" (hex)");
            } else {
                for (int i = 0; i < u.size(); i++) {
                    String v = u.get(i).asText("").toLowerCase(Locale.ROOT);
                    if (!USB_ID.matcher(v).matches()) c.problem("match.usb[" + i + "]", "must be \"vid:pid\" in hex, e.g. 10c4:ea60, was '" + u.get(i).asText() + "'");
                    else usb.add(v);
                }
            }
        }
        return new HardwareProfile.Match(port, reader, usb);
    }

    static Duration defaultTimeout(TimeoutKey k) {
        return Duration.ofMillis(switch (k) {
            case FIND, SELECT -> 300;
            case READ -> 2000;
            case RESET -> 1500;
            default -> 500;
        });
    }

    static TimeoutKey timeoutKey(String yamlName) {
        for (TimeoutKey k : TimeoutKey.values()) if (yamlName(k).equals(yamlName)) return k;
        return null;
    }

    /** {@code SAM_ID} → {@code samId}. */
    public static String yamlName(TimeoutKey k) {
        String[] parts = k.name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder s = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) s.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
        return s.toString();
    }

    private static String timeoutKeyNames() {
        return String.join(", ", Stream.of(TimeoutKey.values()).map(HardwareProfiles::yamlName).toList());
    }

    /** Reads typed values of one file, reporting what is wrong to the collector. */
    private record Checker(String file, Problems problems) {
        void problem(String key, String reason) { problems.add(file, key, reason); }

        String text(JsonNode n, String key, boolean required) { return text(n, key, key, required); }

        String text(JsonNode n, String path, String key, boolean required) {
            JsonNode v = n.path(key);
            if (v.isMissingNode() || v.isNull()) {
                if (required) problem(path, "required");
                return null;
            }
            if (!v.isTextual()) {
                problem(path, "must be text, was " + v.getNodeType().name().toLowerCase(Locale.ROOT));
                return null;
            }
            return v.asText();
        }

        int intIn(JsonNode n, String key, int min, int max, int dflt) { return intIn(n, key, key, min, max, dflt); }

        int intIn(JsonNode n, String path, String key, int min, int max, int dflt) {
            JsonNode v = n.path(key);
            if (v.isMissingNode() || v.isNull()) return dflt;
            if (!v.isInt() || v.asInt() < min || v.asInt() > max) {
                problem(path, "must be a whole number from " + min + " to " + max + ", was " + v);
                return dflt;
            }
            return v.asInt();
        }

        boolean bool(JsonNode n, String key, boolean dflt) {
            JsonNode v = n.path(key);
            if (v.isMissingNode() || v.isNull()) return dflt;
            if (!v.isBoolean()) {
                problem(key, "must be true or false, was " + v);
                return dflt;
            }
            return v.asBoolean();
        }

        Optional<Pattern> regex(JsonNode m, String key) {
            JsonNode v = m.path(key);
            if (v.isMissingNode() || v.isNull()) return Optional.empty();
            try {
                return Optional.of(Pattern.compile(v.asText()));
            } catch (PatternSyntaxException e) {
                problem("match." + key, "not a valid regular expression: " + e.getDescription());
                return Optional.empty();
            }
        }
    }
}
